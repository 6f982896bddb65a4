//! Tags and which customers carry them.

use crate::customers::placeholders;
use crate::{Arg, Result, Tx, bind_args, on_tx};
use sqlx::AssertSqlSafe;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct TagRow {
    pub id: i64,
    pub name: String,
    pub color: String,
    pub customers: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CustomerTagRow {
    pub customer_id: i64,
    pub id: i64,
    pub name: String,
    pub color: String,
}

pub async fn insert(tx: &mut Tx, name: &str, color: &str, now: i64) -> Result<i64> {
    Ok(on_tx!(tx, |c| sqlx::query_scalar(
        "INSERT INTO tags (name, color, created_at) VALUES ($1, $2, $3) RETURNING id"
    )
    .bind(name)
    .bind(color)
    .bind(now)
    .fetch_one(c)
    .await)?)
}

pub async fn update(tx: &mut Tx, id: i64, name: &str, color: &str) -> Result<()> {
    let n = on_tx!(tx, |c| sqlx::query(
        "UPDATE tags SET name = $1, color = $2 WHERE id = $3"
    )
    .bind(name)
    .bind(color)
    .bind(id)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    crate::db::one_row(n)
}

pub async fn delete(tx: &mut Tx, id: i64) -> Result<()> {
    let n = on_tx!(tx, |c| sqlx::query("DELETE FROM tags WHERE id = $1")
        .bind(id)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    crate::db::one_row(n)
}

const LIST: &str = "SELECT t.id, t.name, t.color, (SELECT COUNT(*) FROM customer_tags ct WHERE ct.tag_id = t.id) AS customers FROM tags t";

pub async fn get(tx: &mut Tx, id: i64) -> Result<TagRow> {
    let sql = format!("{LIST} WHERE t.id = $1");
    Ok(on_tx!(tx, |c| sqlx::query_as(AssertSqlSafe(sql))
        .bind(id)
        .fetch_one(c)
        .await)?)
}

pub async fn by_name(tx: &mut Tx, name: &str) -> Result<Option<TagRow>> {
    let sql = format!("{LIST} WHERE t.name = $1");
    Ok(on_tx!(tx, |c| sqlx::query_as(AssertSqlSafe(sql))
        .bind(name)
        .fetch_optional(c)
        .await)?)
}

pub async fn list(tx: &mut Tx) -> Result<Vec<TagRow>> {
    let sql = format!("{LIST} ORDER BY t.name");
    Ok(on_tx!(tx, |c| sqlx::query_as(AssertSqlSafe(sql))
        .fetch_all(c)
        .await)?)
}

/// Replaces the tags of a customer.
pub async fn set_for_customer(tx: &mut Tx, customer_id: i64, tag_ids: &[i64]) -> Result<()> {
    on_tx!(tx, |c| sqlx::query(
        "DELETE FROM customer_tags WHERE customer_id = $1"
    )
    .bind(customer_id)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    for t in tag_ids {
        on_tx!(tx, |c| sqlx::query(
            "INSERT INTO customer_tags (customer_id, tag_id) VALUES ($1, $2) ON CONFLICT DO NOTHING"
        )
        .bind(customer_id)
        .bind(*t)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    }
    Ok(())
}

pub async fn for_customers(tx: &mut Tx, customer_ids: &[i64]) -> Result<Vec<CustomerTagRow>> {
    if customer_ids.is_empty() {
        return Ok(vec![]);
    }
    let args: Vec<Arg> = customer_ids.iter().map(|i| Arg::I64(*i)).collect();
    let sql = format!(
        "SELECT ct.customer_id, t.id, t.name, t.color FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id \
         WHERE ct.customer_id IN ({}) ORDER BY t.name",
        placeholders(0, args.len())
    );
    Ok(on_tx!(tx, |c| bind_args!(
        sqlx::query_as(AssertSqlSafe(sql.clone())),
        &args
    )
    .fetch_all(c)
    .await)?)
}
