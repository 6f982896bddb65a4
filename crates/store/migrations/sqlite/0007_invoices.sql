-- Proforma and commercial invoices and credit notes. A draft has no number; issuing takes the
-- next gapless number of its series and year and freezes the invoice: from then on it is only
-- voided (with a reason) or corrected by a credit note.

CREATE TABLE invoices (
    id               INTEGER PRIMARY KEY,
    number           TEXT    UNIQUE,
    kind             TEXT    NOT NULL CHECK (kind IN ('proforma', 'commercial', 'credit_note')),
    status           TEXT    NOT NULL CHECK (status IN ('draft', 'issued', 'void')),
    customer_id      BIGINT  NOT NULL REFERENCES customers (id),
    quote_id         BIGINT  REFERENCES quotes (id),
    order_id         BIGINT  REFERENCES sales_orders (id),
    currency         TEXT    NOT NULL,
    rate             TEXT    NOT NULL,
    snapshot         TEXT    NOT NULL,
    total_minor      BIGINT  NOT NULL,
    base_total_minor BIGINT  NOT NULL,
    paid_minor       BIGINT  NOT NULL DEFAULT 0,
    issue_date       TEXT,
    due_date         TEXT,
    void_reason      TEXT,
    issued_at        BIGINT,
    voided_at        BIGINT,
    created_by       BIGINT  REFERENCES users (id),
    created_at       BIGINT  NOT NULL,
    updated_at       BIGINT  NOT NULL
);
CREATE INDEX invoices_customer ON invoices (customer_id, created_at);
CREATE INDEX invoices_order ON invoices (order_id);

-- What a commercial invoice bills of each sales-order line.
CREATE TABLE invoice_order_lines (
    invoice_id    BIGINT NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    order_line_id BIGINT NOT NULL REFERENCES order_lines (id),
    quantity      TEXT   NOT NULL,
    PRIMARY KEY (invoice_id, order_line_id)
);
