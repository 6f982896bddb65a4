-- Sales orders, made from an accepted quote (lines, terms and rate carried over) or directly,
-- with ordered and shipped quantities per line for partial shipments.

CREATE TABLE sales_orders (
    id               INTEGER PRIMARY KEY,
    number           TEXT    NOT NULL UNIQUE,
    customer_id      BIGINT  NOT NULL REFERENCES customers (id),
    quote_id         BIGINT  REFERENCES quotes (id),
    status           TEXT    NOT NULL,
    currency         TEXT    NOT NULL,
    rate             TEXT    NOT NULL,
    incoterm         TEXT    NOT NULL,
    place            TEXT    NOT NULL,
    snapshot         TEXT    NOT NULL,
    total_minor      BIGINT  NOT NULL,
    base_total_minor BIGINT  NOT NULL,
    created_by       BIGINT  REFERENCES users (id),
    created_at       BIGINT  NOT NULL,
    updated_at       BIGINT  NOT NULL
);
CREATE INDEX sales_orders_customer ON sales_orders (customer_id, created_at);

CREATE TABLE order_lines (
    id          INTEGER PRIMARY KEY,
    order_id    BIGINT  NOT NULL REFERENCES sales_orders (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    product_id  BIGINT  REFERENCES products (id) ON DELETE SET NULL,
    label       TEXT    NOT NULL,
    quantity    TEXT    NOT NULL,
    unit        TEXT    NOT NULL,
    shipped     TEXT    NOT NULL DEFAULT '0'
);
CREATE INDEX order_lines_order ON order_lines (order_id, position);
