//! Receivables: what each customer owes as of a day, aged by due date (not due, 1–30, 31–60,
//! 61–90, > 90 days), less the credit notes and payments not yet applied, per currency. The
//! open items come from one store query; the bucketing is [`aging`].

use crate::{App, AppError, Result};
use chrono::NaiveDate;
use leadledger_domain::documents::aging::{AgingRow, Receivable, aging};
use leadledger_domain::money::{Currency, Money};
use leadledger_domain::user::Actor;
use leadledger_store::receivables::{OpenItem, open_items};
use rust_decimal::Decimal;

/// One customer's balance per currency, with the items behind it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CustomerBalance {
    pub customer_id: i64,
    pub customer_name: String,
    pub rows: Vec<AgingRow>,
    pub items: Vec<OpenItem>,
}

/// Every visible customer with something open, by name, and the totals per currency.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Report {
    pub as_of: NaiveDate,
    pub customers: Vec<CustomerBalance>,
    pub totals: Vec<AgingRow>,
}

fn receivable(i: &OpenItem, as_of: NaiveDate) -> Result<Receivable> {
    let c = Currency::parse(&i.currency).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(Receivable {
        // Credits count as current; an invoice without a due date (waiting for a B/L) too.
        due_date: i
            .due_date
            .as_deref()
            .and_then(|d| d.parse().ok())
            .unwrap_or(as_of),
        open: Money::new(Decimal::new(i.open_minor, c.minor_units()), c),
    })
}

/// The receivables report as of `as_of`, for all customers the actor may see or for one.
pub async fn report(
    app: &App,
    actor: &Actor,
    customer_id: Option<i64>,
    as_of: NaiveDate,
) -> Result<Report> {
    let mut tx = app.db.read().await?;
    if let Some(id) = customer_id {
        crate::customers::visible(&mut tx, actor, id).await?;
    }
    let items = open_items(&mut tx, customer_id, actor.customer_scope()).await?;
    let all = items
        .iter()
        .map(|i| receivable(i, as_of))
        .collect::<Result<Vec<_>>>()?;
    // Items arrive ordered by customer; each customer's run is aged together.
    let mut customers: Vec<CustomerBalance> = Vec::new();
    let mut start = 0;
    while start < items.len() {
        let id = items[start].customer_id;
        let end = start + items[start..].partition_point(|i| i.customer_id == id);
        customers.push(CustomerBalance {
            customer_id: id,
            customer_name: items[start].customer_name.clone(),
            rows: aging(&all[start..end], as_of),
            items: items[start..end].to_vec(),
        });
        start = end;
    }
    customers.retain(|c| c.rows.iter().any(|r| !r.total.is_zero()));
    Ok(Report {
        as_of,
        totals: aging(&all, as_of),
        customers,
    })
}
