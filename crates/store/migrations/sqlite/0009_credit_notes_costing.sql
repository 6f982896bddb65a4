-- Credit notes correct an issued commercial invoice: `credits_invoice_id` names it and
-- `credit_reason` says why. An issued credit note is applied to its invoice first
-- (`credited_minor` on the invoice, `paid_minor` on the credit note holds the applied part);
-- what exceeds the invoice's open amount stays with the customer as credit.
ALTER TABLE invoices ADD COLUMN credits_invoice_id BIGINT REFERENCES invoices (id);
ALTER TABLE invoices ADD COLUMN credit_reason TEXT;
ALTER TABLE invoices ADD COLUMN credited_minor BIGINT NOT NULL DEFAULT 0;
CREATE INDEX invoices_credits ON invoices (credits_invoice_id);

-- The price builder's inputs of a quote revision (target margin, fees, freight, insurance
-- premium) as JSON: the salesperson's costing, never shown on the buyer's documents.
ALTER TABLE quotes ADD COLUMN costing TEXT;
-- When a sent quote passed its validity date and was expired automatically.
ALTER TABLE quotes ADD COLUMN expired_at BIGINT;

-- A deposit paid against a proforma invoice, held as the customer's advance until the
-- commercial invoice of the same order or quote is issued and takes it.
ALTER TABLE payments ADD COLUMN against_invoice_id BIGINT REFERENCES invoices (id);

-- A product's photo (PNG or JPEG), one per product.
CREATE TABLE product_images (
    product_id   BIGINT PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE,
    bytes        BLOB   NOT NULL,
    content_type TEXT   NOT NULL,
    updated_at   BIGINT NOT NULL
);

-- What each commercial invoice billed of an order line, in minor units: the invoice that bills
-- the rest of a line bills the rest of its amount, so partial invoices add up to the order.
ALTER TABLE invoice_order_lines ADD COLUMN amount_minor BIGINT NOT NULL DEFAULT 0;
