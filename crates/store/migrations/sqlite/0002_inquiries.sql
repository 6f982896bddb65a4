-- Inquiries as received and as read by the inquiry reader, and the buyer signals derived from
-- follow-up inquiries (willing to supplement, evasive).

CREATE TABLE inquiries (
    id          INTEGER PRIMARY KEY,
    customer_id BIGINT  REFERENCES customers (id) ON DELETE SET NULL,
    received_at BIGINT  NOT NULL,
    channel     TEXT    NOT NULL CHECK (channel IN ('paste', 'eml', 'mbox', 'api', 'demo')),
    subject     TEXT,
    from_addr   TEXT,
    reply_to    TEXT,
    body        TEXT    NOT NULL,
    language    TEXT    NOT NULL,
    grade       TEXT    NOT NULL,
    score       INTEGER NOT NULL,
    scam        BOOLEAN NOT NULL,
    junk        BOOLEAN NOT NULL,
    risk_level  TEXT    NOT NULL,
    analysis    TEXT    NOT NULL,
    created_by  BIGINT  REFERENCES users (id),
    created_at  BIGINT  NOT NULL
);
CREATE INDEX inquiries_customer ON inquiries (customer_id, received_at);
CREATE INDEX inquiries_received ON inquiries (received_at);

CREATE TABLE customer_signals (
    id          INTEGER PRIMARY KEY,
    customer_id BIGINT  NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('willing_to_supplement', 'evasive')),
    inquiry_id  BIGINT  REFERENCES inquiries (id) ON DELETE SET NULL,
    at          BIGINT  NOT NULL,
    detail      TEXT    NOT NULL
);
CREATE INDEX customer_signals_customer ON customer_signals (customer_id, at);

-- Who set the information completeness: 'person' (never overwritten automatically) or 'inquiry'.
ALTER TABLE customers ADD COLUMN completeness_source TEXT;
