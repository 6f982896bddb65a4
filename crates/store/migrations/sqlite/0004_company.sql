-- The company's own details, used by every document: one row (id = 1), and bank accounts per
-- currency that documents print for the buyer to pay into.

CREATE TABLE company (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    legal_name_zh   TEXT,
    legal_name_en   TEXT,
    address         TEXT,
    tax_id          TEXT,
    registration_id TEXT,
    phone           TEXT,
    email           TEXT,
    website         TEXT,
    base_currency   TEXT    NOT NULL DEFAULT 'CNY',
    default_terms   TEXT,
    default_notes   TEXT,
    logo            BLOB,
    logo_type       TEXT,
    updated_at      BIGINT  NOT NULL
);

CREATE TABLE bank_accounts (
    id           INTEGER PRIMARY KEY,
    currency     TEXT    NOT NULL,
    beneficiary  TEXT    NOT NULL,
    bank_name    TEXT    NOT NULL,
    bank_address TEXT,
    swift        TEXT,
    account      TEXT    NOT NULL,
    notes        TEXT,
    position     INTEGER NOT NULL DEFAULT 0,
    created_at   BIGINT  NOT NULL
);
