//! Payments received and their allocations to invoices.

use crate::query::{Filter, page};
use crate::{Arg, Result, Tx, on_tx};
use sqlx::AssertSqlSafe;

#[derive(Debug, Clone)]
pub struct PaymentRecord {
    pub customer_id: i64,
    pub currency: String,
    pub amount_minor: i64,
    pub bank_charges_minor: i64,
    pub received_date: String,
    pub rate: String,
    pub reference: Option<String>,
    pub created_by: Option<i64>,
    /// The proforma invoice a deposit was paid against.
    pub against_invoice_id: Option<i64>,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct PaymentRow {
    pub id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    pub currency: String,
    pub amount_minor: i64,
    pub bank_charges_minor: i64,
    pub received_date: String,
    pub rate: String,
    pub reference: Option<String>,
    pub allocated_minor: i64,
    pub fx_gain_base_minor: i64,
    pub against_invoice_id: Option<i64>,
    pub against_number: Option<String>,
    pub created_at: i64,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct AllocationRow {
    pub payment_id: i64,
    pub invoice_id: i64,
    pub invoice_number: Option<String>,
    pub amount_minor: i64,
    pub fx_gain_base_minor: i64,
    pub received_date: String,
    pub reference: Option<String>,
    pub currency: String,
    pub created_at: i64,
}

pub async fn insert(tx: &mut Tx, r: &PaymentRecord, now: i64) -> Result<i64> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO payments (customer_id, currency, amount_minor, bank_charges_minor, received_date, rate, reference, \
         created_by, created_at, against_invoice_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id"
    )
    .bind(r.customer_id)
    .bind(&r.currency)
    .bind(r.amount_minor)
    .bind(r.bank_charges_minor)
    .bind(&r.received_date)
    .bind(&r.rate)
    .bind(&r.reference)
    .bind(r.created_by)
    .bind(now)
    .bind(r.against_invoice_id)
    .fetch_one(c)
    .await
    })?)
}

/// Records an allocation and adds it to the invoice's paid amount; refused when the invoice is
/// not issued or the amount exceeds what is open.
pub async fn allocate(
    tx: &mut Tx,
    payment_id: i64,
    invoice_id: i64,
    amount_minor: i64,
    fx_gain_base_minor: i64,
    now: i64,
) -> Result<()> {
    on_tx!(tx, |c| {
        sqlx::query(
        "INSERT INTO payment_allocations (payment_id, invoice_id, amount_minor, fx_gain_base_minor, created_at) VALUES ($1, $2, $3, $4, $5)"
    )
    .bind(payment_id)
    .bind(invoice_id)
    .bind(amount_minor)
    .bind(fx_gain_base_minor)
    .bind(now)
    .execute(c)
    .await
    .map(|_| ())
    })?;
    // The guard keeps "never more than open" true even if two writers raced past the checks.
    let n = on_tx!(tx, |c| sqlx::query(
        "UPDATE invoices SET paid_minor = paid_minor + $1, updated_at = $2 \
         WHERE id = $3 AND status = 'issued' AND paid_minor + credited_minor + $1 <= total_minor"
    )
    .bind(amount_minor)
    .bind(now)
    .bind(invoice_id)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    if n == 0 {
        return Err(crate::StoreError::Conflict(
            "the allocation exceeds what is open on the invoice".into(),
        ));
    }
    Ok(())
}

const SELECT: &str = "SELECT p.id, p.customer_id, c.name AS customer_name, p.currency, p.amount_minor, p.bank_charges_minor, \
    p.received_date, p.rate, p.reference, \
    CAST(COALESCE((SELECT SUM(a.amount_minor) FROM payment_allocations a WHERE a.payment_id = p.id), 0) AS BIGINT) AS allocated_minor, \
    CAST(COALESCE((SELECT SUM(a.fx_gain_base_minor) FROM payment_allocations a WHERE a.payment_id = p.id), 0) AS BIGINT) AS fx_gain_base_minor, \
    p.against_invoice_id, pi.number AS against_number, p.created_at";
const FROM: &str = "FROM payments p JOIN customers c ON c.id = p.customer_id LEFT JOIN invoices pi ON pi.id = p.against_invoice_id";

pub async fn get(tx: &mut Tx, id: i64) -> Result<PaymentRow> {
    let sql = format!("{SELECT} {FROM} WHERE p.id = $1");
    Ok(on_tx!(tx, |c| sqlx::query_as(AssertSqlSafe(sql))
        .bind(id)
        .fetch_one(c)
        .await)?)
}

pub async fn allocations(tx: &mut Tx, payment_id: i64) -> Result<Vec<AllocationRow>> {
    allocations_where(tx, "a.payment_id", payment_id).await
}

/// The payments allocated to one invoice, oldest first.
pub async fn allocations_to_invoice(tx: &mut Tx, invoice_id: i64) -> Result<Vec<AllocationRow>> {
    allocations_where(tx, "a.invoice_id", invoice_id).await
}

async fn allocations_where(tx: &mut Tx, column: &str, id: i64) -> Result<Vec<AllocationRow>> {
    let sql = format!(
        "SELECT a.payment_id, a.invoice_id, i.number AS invoice_number, a.amount_minor, a.fx_gain_base_minor, \
         p.received_date, p.reference, p.currency, a.created_at \
         FROM payment_allocations a JOIN invoices i ON i.id = a.invoice_id JOIN payments p ON p.id = a.payment_id \
         WHERE {column} = $1 ORDER BY a.id"
    );
    Ok(on_tx!(tx, |c| sqlx::query_as(AssertSqlSafe(sql.clone()))
        .bind(id)
        .fetch_all(c)
        .await)?)
}

#[derive(Debug, Clone, Default)]
pub struct PaymentFilter {
    pub customer_id: Option<i64>,
    /// Deposits paid against these proforma invoices.
    pub against_invoice_ids: Vec<i64>,
    pub visible_to: Option<i64>,
}

pub async fn list(
    tx: &mut Tx,
    f: &PaymentFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<PaymentRow>, i64)> {
    let mut w = Filter::default();
    if let Some(id) = f.customer_id {
        w.with("p.customer_id = {}", Arg::I64(id));
    }
    if let Some(uid) = f.visible_to {
        w.with("(c.owner_id IS NULL OR c.owner_id = {})", Arg::I64(uid));
    }
    if !f.against_invoice_ids.is_empty() {
        let ps: Vec<String> = f
            .against_invoice_ids
            .iter()
            .map(|id| w.param(Arg::I64(*id)))
            .collect();
        w.raw(format!("p.against_invoice_id IN ({})", ps.join(", ")));
    }
    let from = format!("{FROM}{}", w.sql());
    page(
        tx,
        SELECT,
        &from,
        "p.received_date DESC, p.id DESC",
        w,
        limit,
        offset,
    )
    .await
}
