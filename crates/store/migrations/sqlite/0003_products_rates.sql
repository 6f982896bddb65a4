-- Products with cost, rebate and packing facts; their price lists; exchange rates. Decimals that are never summed in SQL (unit prices, rates,
-- costs, dimensions) are canonical decimal TEXT on both backends; money amounts that reports
-- sum will be BIGINT minor units.

CREATE TABLE products (
    id             INTEGER PRIMARY KEY,
    sku            TEXT    NOT NULL UNIQUE,
    name_en        TEXT    NOT NULL,
    name_zh        TEXT,
    description    TEXT,
    specs          TEXT,
    hs_code        TEXT,
    unit           TEXT    NOT NULL,
    moq            BIGINT,
    purchase_cost  TEXT,
    vat_rate       TEXT    NOT NULL,
    rebate_rate    TEXT    NOT NULL,
    pcs_per_carton BIGINT,
    carton_l_cm    TEXT,
    carton_w_cm    TEXT,
    carton_h_cm    TEXT,
    net_kg         TEXT,
    gross_kg       TEXT,
    active         BOOLEAN NOT NULL DEFAULT TRUE,
    created_at     BIGINT  NOT NULL,
    updated_at     BIGINT  NOT NULL
);
CREATE INDEX products_name ON products (name_en);

CREATE TABLE product_prices (
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    currency   TEXT   NOT NULL,
    unit_price TEXT   NOT NULL,
    PRIMARY KEY (product_id, currency)
);

-- One row per (base, quote, date, source): 1 base = rate × quote.
CREATE TABLE exchange_rates (
    id         INTEGER PRIMARY KEY,
    base       TEXT    NOT NULL,
    quote      TEXT    NOT NULL,
    rate       TEXT    NOT NULL,
    rate_date  TEXT    NOT NULL,
    source     TEXT    NOT NULL,
    created_at BIGINT  NOT NULL,
    UNIQUE (base, quote, rate_date, source)
);
CREATE INDEX exchange_rates_pair ON exchange_rates (base, quote, rate_date);
