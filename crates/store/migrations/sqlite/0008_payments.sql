-- Payments received and how they are allocated to invoices. `amount_minor` is what the buyer
-- paid (what reached us plus the charges the banks deducted); the part not allocated is the
-- customer's advance or credit, applied to later invoices.

CREATE TABLE payments (
    id                  INTEGER PRIMARY KEY,
    customer_id         BIGINT  NOT NULL REFERENCES customers (id),
    currency            TEXT    NOT NULL,
    amount_minor        BIGINT  NOT NULL,
    bank_charges_minor  BIGINT  NOT NULL,
    received_date       TEXT    NOT NULL,
    rate                TEXT    NOT NULL,
    reference           TEXT,
    created_by          BIGINT  REFERENCES users (id),
    created_at          BIGINT  NOT NULL
);
CREATE INDEX payments_customer ON payments (customer_id, received_date);

CREATE TABLE payment_allocations (
    id                  INTEGER PRIMARY KEY,
    payment_id          BIGINT  NOT NULL REFERENCES payments (id),
    invoice_id          BIGINT  NOT NULL REFERENCES invoices (id),
    amount_minor        BIGINT  NOT NULL,
    fx_gain_base_minor  BIGINT  NOT NULL,
    created_at          BIGINT  NOT NULL
);
CREATE INDEX payment_allocations_payment ON payment_allocations (payment_id);
CREATE INDEX payment_allocations_invoice ON payment_allocations (invoice_id);
