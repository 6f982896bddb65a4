//! Sales orders and their lines with shipped quantities.

use crate::query::{Filter, page};
use crate::{Arg, Result, Tx, on_tx};
use sqlx::AssertSqlSafe;

#[derive(Debug, Clone)]
pub struct OrderRecord {
    pub number: String,
    pub customer_id: i64,
    pub quote_id: Option<i64>,
    pub status: String,
    pub currency: String,
    pub rate: String,
    pub incoterm: String,
    pub place: String,
    pub snapshot: String,
    pub total_minor: i64,
    pub base_total_minor: i64,
    pub created_by: Option<i64>,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct OrderRow {
    pub id: i64,
    pub number: String,
    pub customer_id: i64,
    pub customer_name: String,
    pub quote_id: Option<i64>,
    pub status: String,
    pub currency: String,
    pub rate: String,
    pub incoterm: String,
    pub place: String,
    pub snapshot: String,
    pub total_minor: i64,
    pub base_total_minor: i64,
    pub created_by: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct OrderLineRow {
    pub id: i64,
    pub order_id: i64,
    pub position: i32,
    pub product_id: Option<i64>,
    pub label: String,
    pub quantity: String,
    pub unit: String,
    pub shipped: String,
}

const SELECT: &str = "SELECT o.id, o.number, o.customer_id, c.name AS customer_name, o.quote_id, o.status, o.currency, \
    o.rate, o.incoterm, o.place, o.snapshot, o.total_minor, o.base_total_minor, o.created_by, o.created_at, o.updated_at";
const FROM: &str = "FROM sales_orders o JOIN customers c ON c.id = o.customer_id";

pub async fn insert(tx: &mut Tx, r: &OrderRecord, now: i64) -> Result<i64> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO sales_orders (number, customer_id, quote_id, status, currency, rate, incoterm, place, snapshot, \
         total_minor, base_total_minor, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id"
    )
    .bind(&r.number)
    .bind(r.customer_id)
    .bind(r.quote_id)
    .bind(&r.status)
    .bind(&r.currency)
    .bind(&r.rate)
    .bind(&r.incoterm)
    .bind(&r.place)
    .bind(&r.snapshot)
    .bind(r.total_minor)
    .bind(r.base_total_minor)
    .bind(r.created_by)
    .bind(now)
    .fetch_one(c)
    .await
    })?)
}

pub async fn insert_line(
    tx: &mut Tx,
    order_id: i64,
    position: i32,
    product_id: Option<i64>,
    label: &str,
    quantity: &str,
    unit: &str,
) -> Result<i64> {
    Ok(on_tx!(tx, |c| sqlx::query_scalar(
        "INSERT INTO order_lines (order_id, position, product_id, label, quantity, unit, shipped) \
         VALUES ($1, $2, $3, $4, $5, $6, '0') RETURNING id"
    )
    .bind(order_id)
    .bind(position)
    .bind(product_id)
    .bind(label)
    .bind(quantity)
    .bind(unit)
    .fetch_one(c)
    .await)?)
}

pub async fn get(tx: &mut Tx, id: i64) -> Result<OrderRow> {
    let sql = format!("{SELECT} {FROM} WHERE o.id = $1");
    Ok(on_tx!(tx, |c| sqlx::query_as(AssertSqlSafe(sql))
        .bind(id)
        .fetch_one(c)
        .await)?)
}

pub async fn for_quote(tx: &mut Tx, quote_id: i64) -> Result<Option<OrderRow>> {
    let sql = format!("{SELECT} {FROM} WHERE o.quote_id = $1");
    Ok(on_tx!(tx, |c| sqlx::query_as(AssertSqlSafe(sql))
        .bind(quote_id)
        .fetch_optional(c)
        .await)?)
}

pub async fn lines(tx: &mut Tx, order_id: i64) -> Result<Vec<OrderLineRow>> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_as(
        "SELECT id, order_id, position, product_id, label, quantity, unit, shipped FROM order_lines WHERE order_id = $1 ORDER BY position"
    )
    .bind(order_id)
    .fetch_all(c)
    .await
    })?)
}

pub async fn set_shipped(tx: &mut Tx, line_id: i64, shipped: &str) -> Result<()> {
    let n = on_tx!(tx, |c| sqlx::query(
        "UPDATE order_lines SET shipped = $1 WHERE id = $2"
    )
    .bind(shipped)
    .bind(line_id)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    crate::db::one_row(n)
}

pub async fn set_status(tx: &mut Tx, id: i64, status: &str, now: i64) -> Result<()> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE sales_orders SET status = $1, updated_at = $2 WHERE id = $3"
    )
    .bind(status)
    .bind(now)
    .bind(id)
    .execute(c)
    .await
    .map(|_| ()))?;
    Ok(())
}

#[derive(Debug, Clone, Default)]
pub struct OrderFilter {
    pub customer_id: Option<i64>,
    pub status: Option<String>,
    pub visible_to: Option<i64>,
}

pub async fn list(
    tx: &mut Tx,
    f: &OrderFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<OrderRow>, i64)> {
    let mut w = Filter::default();
    if let Some(id) = f.customer_id {
        w.with("o.customer_id = {}", Arg::I64(id));
    }
    if let Some(s) = &f.status {
        w.with("o.status = {}", Arg::Text(s.clone()));
    }
    if let Some(uid) = f.visible_to {
        w.with("(c.owner_id IS NULL OR c.owner_id = {})", Arg::I64(uid));
    }
    let from = format!("{FROM}{}", w.sql());
    page(
        tx,
        SELECT,
        &from,
        "o.created_at DESC, o.id DESC",
        w,
        limit,
        offset,
    )
    .await
}
