//! Sales orders: made in one step from an accepted quote (lines, terms and rate carried over,
//! nothing re-typed), with shipped quantities recorded per line for partial shipments.

use crate::customers::{editable, visible};
use crate::quotes::QuoteDraft;
use crate::{App, AppError, Page, Result, audit, now};
use chrono::Datelike;
use leadledger_domain::documents::numbering::{Series, format_number};
use leadledger_domain::documents::quote::QuoteSnapshot;
use leadledger_domain::documents::totals::Totals;
use leadledger_domain::money::parse_decimal;
use leadledger_domain::page::PageRequest;
use leadledger_domain::user::Actor;
use leadledger_domain::{FieldErrors, Invalid};
use leadledger_store::orders::{self, OrderFilter, OrderLineRow, OrderRecord, OrderRow};
use leadledger_store::quotes;
use rust_decimal::Decimal;
use serde_json::json;

#[derive(Debug, Clone, serde::Serialize)]
pub struct OrderView {
    #[serde(flatten)]
    pub row: OrderRow,
    #[serde(skip)]
    pub snapshot: QuoteSnapshot,
    #[serde(skip)]
    pub totals: Totals,
    pub lines: Vec<OrderLineRow>,
}

/// Turns an accepted (latest) quote revision into a sales order; one order per quote.
pub async fn from_quote(app: &App, actor: &Actor, quote_id: i64) -> Result<i64> {
    let mut tx = app.db.write().await?;
    let q = quotes::get(&mut tx, quote_id).await?;
    editable(&mut tx, actor, q.customer_id).await?;
    if q.status != "accepted" {
        return Err(AppError::field(
            "status",
            Invalid::new(
                "quote_not_accepted",
                "only an accepted quote becomes a sales order",
            ),
        ));
    }
    if let Some(existing) = orders::for_quote(&mut tx, quote_id).await? {
        return Err(AppError::Conflict(format!(
            "quote {} is already sales order {}",
            q.number, existing.number
        )));
    }
    let snap: QuoteSnapshot =
        serde_json::from_str(&q.snapshot).map_err(|e| AppError::Internal(e.to_string()))?;
    let content = Content {
        customer_id: q.customer_id,
        quote_id: Some(quote_id),
        snapshot: q.snapshot.clone(),
        total_minor: q.total_minor,
        base_total_minor: q.base_total_minor,
    };
    let (id, number) = insert(&mut tx, actor, &snap, content).await?;
    audit::record(&mut tx, Some(actor), "sales_order", Some(id), "create",
        json!({"number": number, "from_quote": q.number, "revision": q.revision, "total_minor": q.total_minor})).await?;
    tx.commit().await?;
    Ok(id)
}

/// A sales order typed directly (a buyer who orders without a quote), validated like a quote.
pub async fn create_direct(app: &App, actor: &Actor, d: &QuoteDraft) -> Result<i64> {
    let Some(customer_id) = d.customer_id else {
        return Err(AppError::field(
            "customer_id",
            Invalid::new("required", "choose the customer"),
        ));
    };
    let c = crate::quotes::content_of(app, d).await?;
    let mut tx = app.db.write().await?;
    editable(&mut tx, actor, customer_id).await?;
    let content = Content {
        customer_id,
        quote_id: None,
        snapshot: serde_json::to_string(&c.snap).map_err(|e| AppError::Internal(e.to_string()))?,
        total_minor: c.total_minor,
        base_total_minor: c.base_total_minor,
    };
    let (id, number) = insert(&mut tx, actor, &c.snap, content).await?;
    audit::record(
        &mut tx,
        Some(actor),
        "sales_order",
        Some(id),
        "create",
        json!({"number": number, "direct": true, "total_minor": c.total_minor}),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// What an order is made of, from a quote or typed.
struct Content {
    customer_id: i64,
    quote_id: Option<i64>,
    snapshot: String,
    total_minor: i64,
    base_total_minor: i64,
}

/// Numbers and inserts an order with its lines; `(id, number)`.
async fn insert(
    tx: &mut leadledger_store::Tx,
    actor: &Actor,
    snap: &QuoteSnapshot,
    c: Content,
) -> Result<(i64, String)> {
    let year = crate::today().year();
    let n = quotes::next_number(tx, Series::SalesOrder.prefix(), year).await?;
    let number = format_number(Series::SalesOrder, year, n as u32)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let rec = OrderRecord {
        number: number.clone(),
        customer_id: c.customer_id,
        quote_id: c.quote_id,
        status: "open".into(),
        currency: snap.currency.code().into(),
        rate: snap.rate.rate().normalize().to_string(),
        incoterm: snap.incoterm.rule().code().into(),
        place: snap.incoterm.place().into(),
        snapshot: c.snapshot,
        total_minor: c.total_minor,
        base_total_minor: c.base_total_minor,
        created_by: Some(actor.user_id),
    };
    let id = orders::insert(tx, &rec, now()).await?;
    for (i, l) in snap.lines.iter().enumerate() {
        orders::insert_line(
            tx,
            id,
            i as i32,
            l.product_id(),
            l.label(),
            &l.quantity().value().normalize().to_string(),
            l.unit(),
        )
        .await?;
    }
    Ok((id, number))
}

fn decode(row: OrderRow, lines: Vec<OrderLineRow>) -> Result<OrderView> {
    let snapshot: QuoteSnapshot =
        serde_json::from_str(&row.snapshot).map_err(|e| AppError::Internal(e.to_string()))?;
    let totals = snapshot
        .totals()
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(OrderView {
        row,
        snapshot,
        totals,
        lines,
    })
}

pub async fn get(app: &App, actor: &Actor, id: i64) -> Result<OrderView> {
    let mut tx = app.db.read().await?;
    let row = orders::get(&mut tx, id).await?;
    visible(&mut tx, actor, row.customer_id).await?;
    let lines = orders::lines(&mut tx, id).await?;
    decode(row, lines)
}

pub async fn list(
    app: &App,
    actor: &Actor,
    mut f: OrderFilter,
    page: PageRequest,
) -> Result<Page<OrderRow>> {
    f.visible_to = actor.customer_scope();
    let mut tx = app.db.read().await?;
    let (items, total) = orders::list(&mut tx, &f, page.limit(), page.offset()).await?;
    Ok(Page {
        items,
        total,
        page: page.page,
        per_page: page.per_page,
    })
}

/// Records a shipment: quantities shipped now per order line id. Never more than ordered.
pub async fn ship(app: &App, actor: &Actor, id: i64, shipped_now: &[(i64, String)]) -> Result<()> {
    let mut tx = app.db.write().await?;
    let row = orders::get(&mut tx, id).await?;
    editable(&mut tx, actor, row.customer_id).await?;
    let lines = orders::lines(&mut tx, id).await?;
    let mut e = FieldErrors::new();
    let mut updates = Vec::new();
    for (line_id, raw) in shipped_now.iter().filter(|(_, q)| !q.trim().is_empty()) {
        let field = format!("ship_{line_id}");
        let Some(line) = lines.iter().find(|l| l.id == *line_id) else {
            e.add(
                field,
                Invalid::new("unknown_order_line", "no such line on this order"),
            );
            continue;
        };
        let Some(q) = e.take(&field, parse_decimal(raw)) else {
            continue;
        };
        let ordered: Decimal = line.quantity.parse().unwrap_or_default();
        let before: Decimal = line.shipped.parse().unwrap_or_default();
        if q <= Decimal::ZERO {
            e.add(
                field,
                Invalid::new("quantity_not_positive", "ship more than zero"),
            );
        } else if before + q > ordered {
            e.add(
                field,
                Invalid::new(
                    "exceeds_ordered",
                    format!("only {} left to ship", (ordered - before).normalize()),
                ),
            );
        } else {
            updates.push((line.id, line.label.clone(), q, (before + q).normalize()));
        }
    }
    if updates.is_empty() && e.is_empty() {
        e.add(
            "ship",
            Invalid::new("nothing_shipped", "enter a quantity shipped"),
        );
    }
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    for (lid, _, _, total) in &updates {
        orders::set_shipped(&mut tx, *lid, &total.to_string()).await?;
    }
    let lines = orders::lines(&mut tx, id).await?;
    let all_shipped = lines.iter().all(|l| {
        l.shipped.parse::<Decimal>().unwrap_or_default()
            >= l.quantity.parse::<Decimal>().unwrap_or_default()
    });
    let status = if all_shipped {
        "shipped"
    } else {
        "partially_shipped"
    };
    orders::set_status(&mut tx, id, status, now()).await?;
    let detail: Vec<_> = updates
        .iter()
        .map(|(_, label, q, _)| json!({"line": label, "shipped": q.normalize().to_string()}))
        .collect();
    audit::record(
        &mut tx,
        Some(actor),
        "sales_order",
        Some(id),
        "ship",
        json!({"lines": detail, "status": status}),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
