//! The activity timeline of customers.

use crate::query::{Filter, page};
use crate::{Arg, Result, Tx, on_tx};
use sqlx::AssertSqlSafe;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct ActivityRow {
    pub id: i64,
    pub customer_id: i64,
    pub kind: String,
    pub at: i64,
    pub user_id: Option<i64>,
    pub username: Option<String>,
    pub minutes: i32,
    pub body: Option<String>,
    pub created_at: i64,
}

#[derive(Debug, Clone)]
pub struct ActivityRecord {
    pub kind: String,
    pub at: i64,
    pub user_id: Option<i64>,
    pub minutes: i32,
    pub body: Option<String>,
}

pub async fn insert(tx: &mut Tx, customer_id: i64, r: &ActivityRecord, now: i64) -> Result<i64> {
    Ok(on_tx!(tx, |c| sqlx::query_scalar(
        "INSERT INTO activities (customer_id, kind, at, user_id, minutes, body, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id"
    )
    .bind(customer_id)
    .bind(&r.kind)
    .bind(r.at)
    .bind(r.user_id)
    .bind(r.minutes)
    .bind(&r.body)
    .bind(now)
    .fetch_one(c)
    .await)?)
}

pub async fn update(tx: &mut Tx, id: i64, r: &ActivityRecord) -> Result<()> {
    let n = on_tx!(tx, |c| sqlx::query(
        "UPDATE activities SET kind = $1, at = $2, minutes = $3, body = $4 WHERE id = $5"
    )
    .bind(&r.kind)
    .bind(r.at)
    .bind(r.minutes)
    .bind(&r.body)
    .bind(id)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    crate::db::one_row(n)
}

pub async fn delete(tx: &mut Tx, id: i64) -> Result<()> {
    let n = on_tx!(tx, |c| sqlx::query("DELETE FROM activities WHERE id = $1")
        .bind(id)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    crate::db::one_row(n)
}

const SELECT: &str = "SELECT a.id, a.customer_id, a.kind, a.at, a.user_id, u.username, a.minutes, a.body, a.created_at";
const FROM: &str = "FROM activities a LEFT JOIN users u ON u.id = a.user_id JOIN customers c ON c.id = a.customer_id";

pub async fn get(tx: &mut Tx, id: i64) -> Result<ActivityRow> {
    let sql = format!("{SELECT} {FROM} WHERE a.id = $1");
    Ok(on_tx!(tx, |c| sqlx::query_as(AssertSqlSafe(sql))
        .bind(id)
        .fetch_one(c)
        .await)?)
}

/// Newest first; optionally one customer's and one kind's; limited to what `visible_to` may see.
pub async fn list(
    tx: &mut Tx,
    customer_id: Option<i64>,
    kind: Option<&str>,
    visible_to: Option<i64>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<ActivityRow>, i64)> {
    let mut f = Filter::default();
    if let Some(id) = customer_id {
        f.with("a.customer_id = {}", Arg::I64(id));
    }
    if let Some(k) = kind {
        f.with("a.kind = {}", Arg::Text(k.into()));
    }
    if let Some(uid) = visible_to {
        f.with("(c.owner_id IS NULL OR c.owner_id = {})", Arg::I64(uid));
    }
    let from = format!("{FROM}{}", f.sql());
    page(tx, SELECT, &from, "a.at DESC, a.id DESC", f, limit, offset).await
}

/// Total minutes spent on a customer and the time of its latest activity.
pub async fn summary(tx: &mut Tx, customer_id: i64) -> Result<(i64, Option<i64>)> {
    let row: (Option<i64>, Option<i64>) = on_tx!(tx, |c| sqlx::query_as(
        "SELECT CAST(SUM(minutes) AS BIGINT), MAX(at) FROM activities WHERE customer_id = $1"
    )
    .bind(customer_id)
    .fetch_one(c)
    .await)?;
    Ok((row.0.unwrap_or(0), row.1))
}
