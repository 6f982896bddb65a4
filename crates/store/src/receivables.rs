//! What customers owe and are owed, item by item: issued commercial invoices with something open,
//! credit notes not fully applied, and money received but not allocated. The aging itself is
//! domain arithmetic; this only reads the open items in one query.

use crate::query::Filter;
use crate::{Arg, Result, Tx, bind_args, on_tx};
use sqlx::AssertSqlSafe;

/// One open item. `open_minor` is positive for what the customer owes (an invoice) and
/// negative for what we owe them (unapplied credit or an unallocated payment).
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct OpenItem {
    pub customer_id: i64,
    pub customer_name: String,
    pub owner_id: Option<i64>,
    /// `invoice`, `credit_note` or `payment`.
    pub source: String,
    pub document_id: i64,
    pub number: Option<String>,
    pub currency: String,
    pub open_minor: i64,
    /// The invoice's due date; none for credits (they count as current).
    pub due_date: Option<String>,
}

/// Open items of every customer (or one), limited to those owned by `visible_to` or in the pool.
pub async fn open_items(
    tx: &mut Tx,
    customer_id: Option<i64>,
    visible_to: Option<i64>,
) -> Result<Vec<OpenItem>> {
    let mut w = Filter::default();
    if let Some(id) = customer_id {
        w.with("c.id = {}", Arg::I64(id));
    }
    if let Some(uid) = visible_to {
        w.with("(c.owner_id IS NULL OR c.owner_id = {})", Arg::I64(uid));
    }
    let scope = w.sql();
    let and = if scope.is_empty() { " WHERE " } else { " AND " };
    let sql = format!(
        "SELECT c.id AS customer_id, c.name AS customer_name, c.owner_id, \
           CASE WHEN i.kind = 'credit_note' THEN 'credit_note' ELSE 'invoice' END AS source, \
           i.id AS document_id, i.number, i.currency, \
           CASE WHEN i.kind = 'credit_note' THEN i.paid_minor - i.total_minor \
                ELSE i.total_minor - i.paid_minor - i.credited_minor END AS open_minor, \
           i.due_date \
         FROM invoices i JOIN customers c ON c.id = i.customer_id{scope}{and}\
           i.status = 'issued' AND i.kind IN ('commercial', 'credit_note') \
           AND i.total_minor - i.paid_minor - i.credited_minor > 0 \
         UNION ALL \
         SELECT c.id, c.name, c.owner_id, 'payment', p.id, p.reference, p.currency, \
           CAST(COALESCE((SELECT SUM(a.amount_minor) FROM payment_allocations a WHERE a.payment_id = p.id), 0) AS BIGINT) \
             - p.amount_minor, \
           NULL \
         FROM payments p JOIN customers c ON c.id = p.customer_id{scope}{and}\
           p.amount_minor > COALESCE((SELECT SUM(a.amount_minor) FROM payment_allocations a WHERE a.payment_id = p.id), 0) \
         ORDER BY 2, 1, 7, 9"
    );
    let args = w.args;
    Ok(on_tx!(tx, |c| bind_args!(
        sqlx::query_as(AssertSqlSafe(sql.clone())),
        &args
    )
    .fetch_all(c)
    .await)?)
}
