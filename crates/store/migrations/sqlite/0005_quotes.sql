-- Gapless document number counters per series and year, and quotes with their revisions. Each
-- revision is a row; `snapshot` freezes its currency, rate, Incoterm, payment schedule, validity,
-- lead time, lines, charges and discount as JSON; totals are also kept in minor units for reports.

CREATE TABLE number_series (
    series TEXT   NOT NULL,
    year   BIGINT NOT NULL,
    last   BIGINT NOT NULL,
    PRIMARY KEY (series, year)
);

CREATE TABLE quotes (
    id               INTEGER PRIMARY KEY,
    number           TEXT    NOT NULL,
    revision         BIGINT  NOT NULL,
    revision_reason  TEXT,
    customer_id      BIGINT  NOT NULL REFERENCES customers (id),
    contact_id       BIGINT  REFERENCES contacts (id) ON DELETE SET NULL,
    status           TEXT    NOT NULL,
    currency         TEXT    NOT NULL,
    rate             TEXT    NOT NULL,
    incoterm         TEXT    NOT NULL,
    place            TEXT    NOT NULL,
    valid_until      TEXT    NOT NULL,
    snapshot         TEXT    NOT NULL,
    total_minor      BIGINT  NOT NULL,
    base_total_minor BIGINT  NOT NULL,
    created_by       BIGINT  REFERENCES users (id),
    created_at       BIGINT  NOT NULL,
    updated_at       BIGINT  NOT NULL,
    sent_at          BIGINT,
    accepted_at      BIGINT,
    declined_at      BIGINT,
    superseded_at    BIGINT,
    UNIQUE (number, revision)
);
CREATE INDEX quotes_customer ON quotes (customer_id, created_at);
CREATE INDEX quotes_status ON quotes (status, created_at);
