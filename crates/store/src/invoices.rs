//! Invoices (proforma, commercial, credit notes) and the order-line quantities they bill.

use crate::query::{Filter, page};
use crate::{Arg, Result, Tx, on_tx};
use sqlx::AssertSqlSafe;

#[derive(Debug, Clone)]
pub struct InvoiceRecord {
    pub kind: String,
    pub customer_id: i64,
    pub quote_id: Option<i64>,
    pub order_id: Option<i64>,
    pub currency: String,
    pub rate: String,
    pub snapshot: String,
    pub total_minor: i64,
    pub base_total_minor: i64,
    pub created_by: Option<i64>,
    /// For a credit note: the commercial invoice it corrects, and why.
    pub credits_invoice_id: Option<i64>,
    pub credit_reason: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct InvoiceRow {
    pub id: i64,
    pub number: Option<String>,
    pub kind: String,
    pub status: String,
    pub customer_id: i64,
    pub customer_name: String,
    pub quote_id: Option<i64>,
    pub order_id: Option<i64>,
    pub currency: String,
    pub rate: String,
    pub snapshot: String,
    pub total_minor: i64,
    pub base_total_minor: i64,
    /// Paid by payments; for a credit note, the part applied to its invoice.
    pub paid_minor: i64,
    /// Reduced by issued credit notes.
    pub credited_minor: i64,
    pub credits_invoice_id: Option<i64>,
    pub credit_reason: Option<String>,
    pub issue_date: Option<String>,
    pub due_date: Option<String>,
    pub void_reason: Option<String>,
    pub issued_at: Option<i64>,
    pub voided_at: Option<i64>,
    pub created_at: i64,
}

impl InvoiceRow {
    /// What is still open, in minor units: total less payments and credit notes, never below
    /// zero; nothing for a draft, a void invoice or a proforma. For a credit note: the part not
    /// applied.
    pub fn open_minor(&self) -> i64 {
        // A proforma asks for money but is not a receivable: deposits against it are held as
        // advances until the commercial invoice takes them.
        if self.status != "issued" || self.kind == "proforma" {
            return 0;
        }
        (self.total_minor - self.paid_minor - self.credited_minor).max(0)
    }
}

const SELECT: &str = "SELECT i.id, i.number, i.kind, i.status, i.customer_id, c.name AS customer_name, i.quote_id, \
    i.order_id, i.currency, i.rate, i.snapshot, i.total_minor, i.base_total_minor, i.paid_minor, i.credited_minor, i.credits_invoice_id, i.credit_reason, i.issue_date, i.due_date, \
    i.void_reason, i.issued_at, i.voided_at, i.created_at";
const FROM: &str = "FROM invoices i JOIN customers c ON c.id = i.customer_id";

pub async fn insert(tx: &mut Tx, r: &InvoiceRecord, now: i64) -> Result<i64> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO invoices (kind, status, customer_id, quote_id, order_id, currency, rate, snapshot, total_minor, \
         base_total_minor, paid_minor, created_by, created_at, updated_at, credits_invoice_id, credit_reason) \
         VALUES ($1, 'draft', $2, $3, $4, $5, $6, $7, $8, $9, 0, $10, $11, $11, $12, $13) RETURNING id"
    )
    .bind(&r.kind)
    .bind(r.customer_id)
    .bind(r.quote_id)
    .bind(r.order_id)
    .bind(&r.currency)
    .bind(&r.rate)
    .bind(&r.snapshot)
    .bind(r.total_minor)
    .bind(r.base_total_minor)
    .bind(r.created_by)
    .bind(now)
    .bind(r.credits_invoice_id)
    .bind(&r.credit_reason)
    .fetch_one(c)
    .await
    })?)
}

pub async fn add_order_line(
    tx: &mut Tx,
    invoice_id: i64,
    order_line_id: i64,
    quantity: &str,
    amount_minor: i64,
) -> Result<()> {
    on_tx!(tx, |c| {
        sqlx::query(
        "INSERT INTO invoice_order_lines (invoice_id, order_line_id, quantity, amount_minor) VALUES ($1, $2, $3, $4)"
    )
    .bind(invoice_id)
    .bind(order_line_id)
    .bind(quantity)
    .bind(amount_minor)
    .execute(c)
    .await
    .map(|_| ())
    })?;
    Ok(())
}

/// What the non-void commercial invoices of an order billed per line.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BilledLine {
    pub order_line_id: i64,
    pub quantity: String,
    pub amount_minor: i64,
}

/// `(order line, quantity, amount)` already billed by the non-void commercial invoices of an
/// order.
pub async fn billed_for_order(tx: &mut Tx, order_id: i64) -> Result<Vec<BilledLine>> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_as(
        "SELECT l.order_line_id, l.quantity, l.amount_minor FROM invoice_order_lines l JOIN invoices i ON i.id = l.invoice_id \
         WHERE i.order_id = $1 AND i.kind = 'commercial' AND i.status <> 'void'"
    )
    .bind(order_id)
    .fetch_all(c)
    .await
    })?)
}

/// Issues a draft: number, dates and status in one statement that only matches a draft, so an
/// invoice is never issued twice.
pub async fn issue(
    tx: &mut Tx,
    id: i64,
    number: &str,
    issue_date: &str,
    due_date: Option<&str>,
    now: i64,
) -> Result<()> {
    let n = on_tx!(tx, |c| {
        sqlx::query(
        "UPDATE invoices SET number = $1, status = 'issued', issue_date = $2, due_date = $3, issued_at = $4, updated_at = $4 \
         WHERE id = $5 AND status = 'draft'"
    )
    .bind(number)
    .bind(issue_date)
    .bind(due_date)
    .bind(now)
    .bind(id)
    .execute(c)
    .await
    .map(|r| r.rows_affected())
    })?;
    crate::db::one_row(n)
}

pub async fn void(tx: &mut Tx, id: i64, reason: &str, now: i64) -> Result<()> {
    let n = on_tx!(tx, |c| {
        sqlx::query(
        "UPDATE invoices SET status = 'void', void_reason = $1, voided_at = $2, updated_at = $2 WHERE id = $3 AND status = 'issued'"
    )
    .bind(reason)
    .bind(now)
    .bind(id)
    .execute(c)
    .await
    .map(|r| r.rows_affected())
    })?;
    crate::db::one_row(n)
}

/// Applies `applied_minor` of an issued credit note to the invoice it corrects (negative to take
/// it back when the credit note is voided).
pub async fn apply_credit_note(
    tx: &mut Tx,
    credit_note_id: i64,
    invoice_id: i64,
    applied_minor: i64,
    now: i64,
) -> Result<()> {
    let n = on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE invoices SET credited_minor = credited_minor + $1, updated_at = $2 WHERE id = $3",
        )
        .bind(applied_minor)
        .bind(now)
        .bind(invoice_id)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
    })?;
    crate::db::one_row(n)?;
    let n = on_tx!(tx, |c| {
        sqlx::query(
            "UPDATE invoices SET paid_minor = paid_minor + $1, updated_at = $2 WHERE id = $3",
        )
        .bind(applied_minor)
        .bind(now)
        .bind(credit_note_id)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
    })?;
    crate::db::one_row(n)
}

/// Total of the non-void credit notes (drafts included) that correct an invoice.
pub async fn credit_notes_total(tx: &mut Tx, invoice_id: i64, except: i64) -> Result<i64> {
    let total: Option<i64> = on_tx!(tx, |c| {
        sqlx::query_scalar(
            "SELECT CAST(SUM(total_minor) AS BIGINT) FROM invoices \
             WHERE credits_invoice_id = $1 AND status <> 'void' AND id <> $2",
        )
        .bind(invoice_id)
        .bind(except)
        .fetch_one(c)
        .await
    })?;
    Ok(total.unwrap_or(0))
}

/// Moves an issued invoice's current due date (the first installment not yet covered).
pub async fn set_due_date(tx: &mut Tx, id: i64, due_date: Option<&str>) -> Result<()> {
    let n = on_tx!(tx, |c| {
        sqlx::query("UPDATE invoices SET due_date = $1 WHERE id = $2 AND status = 'issued'")
            .bind(due_date)
            .bind(id)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
    })?;
    crate::db::one_row(n)
}

/// Deletes a draft (never an issued invoice) with the order quantities it reserved.
pub async fn delete_draft(tx: &mut Tx, id: i64) -> Result<()> {
    on_tx!(tx, |c| sqlx::query(
        "DELETE FROM invoice_order_lines WHERE invoice_id = $1"
    )
    .bind(id)
    .execute(c)
    .await
    .map(|_| ()))?;
    let n = on_tx!(tx, |c| {
        sqlx::query("DELETE FROM invoices WHERE id = $1 AND status = 'draft'")
            .bind(id)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
    })?;
    crate::db::one_row(n)
}

pub async fn get(tx: &mut Tx, id: i64) -> Result<InvoiceRow> {
    let sql = format!("{SELECT} {FROM} WHERE i.id = $1");
    Ok(on_tx!(tx, |c| sqlx::query_as(AssertSqlSafe(sql))
        .bind(id)
        .fetch_one(c)
        .await)?)
}

#[derive(Debug, Clone, Default)]
pub struct InvoiceFilter {
    pub customer_id: Option<i64>,
    pub order_id: Option<i64>,
    pub kind: Option<String>,
    pub status: Option<String>,
    /// Credit notes of one invoice.
    pub credits_invoice_id: Option<i64>,
    pub visible_to: Option<i64>,
}

pub async fn list(
    tx: &mut Tx,
    f: &InvoiceFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<InvoiceRow>, i64)> {
    let mut w = Filter::default();
    if let Some(id) = f.customer_id {
        w.with("i.customer_id = {}", Arg::I64(id));
    }
    if let Some(id) = f.order_id {
        w.with("i.order_id = {}", Arg::I64(id));
    }
    if let Some(k) = &f.kind {
        w.with("i.kind = {}", Arg::Text(k.clone()));
    }
    if let Some(id) = f.credits_invoice_id {
        w.with("i.credits_invoice_id = {}", Arg::I64(id));
    }
    if let Some(s) = &f.status {
        w.with("i.status = {}", Arg::Text(s.clone()));
    }
    if let Some(uid) = f.visible_to {
        w.with("(c.owner_id IS NULL OR c.owner_id = {})", Arg::I64(uid));
    }
    let from = format!("{FROM}{}", w.sql());
    page(
        tx,
        SELECT,
        &from,
        "i.created_at DESC, i.id DESC",
        w,
        limit,
        offset,
    )
    .await
}
