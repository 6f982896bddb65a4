//! Custom field definitions, their options, and customers' values.

use crate::customers::placeholders;
use crate::{Arg, Result, Tx, bind_args, on_tx};
use sqlx::AssertSqlSafe;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct FieldRow {
    pub id: i64,
    pub key: String,
    pub label_en: String,
    pub label_zh: String,
    pub kind: String,
    pub required: bool,
    pub in_list: bool,
    pub position: i32,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct OptionRow {
    pub id: i64,
    pub field_id: i64,
    pub label: String,
    pub position: i32,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ValueRow {
    pub customer_id: i64,
    pub field_id: i64,
    pub value: String,
}

#[derive(Debug, Clone, Default)]
pub struct FieldRecord {
    pub key: String,
    pub label_en: String,
    pub label_zh: String,
    pub kind: String,
    pub required: bool,
    pub in_list: bool,
    pub position: i32,
}

pub async fn insert(tx: &mut Tx, r: &FieldRecord, now: i64) -> Result<i64> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO custom_fields (key, label_en, label_zh, kind, required, in_list, position, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id"
    )
    .bind(&r.key)
    .bind(&r.label_en)
    .bind(&r.label_zh)
    .bind(&r.kind)
    .bind(r.required)
    .bind(r.in_list)
    .bind(r.position)
    .bind(now)
    .fetch_one(c)
    .await
    })?)
}

/// Updates labels and flags; the key and kind of a field never change once values exist.
pub async fn update(tx: &mut Tx, id: i64, r: &FieldRecord) -> Result<()> {
    let n = on_tx!(tx, |c| {
        sqlx::query(
        "UPDATE custom_fields SET label_en = $1, label_zh = $2, required = $3, in_list = $4, position = $5 WHERE id = $6"
    )
    .bind(&r.label_en)
    .bind(&r.label_zh)
    .bind(r.required)
    .bind(r.in_list)
    .bind(r.position)
    .bind(id)
    .execute(c)
    .await.map(|r| r.rows_affected())
    })?;
    crate::db::one_row(n)
}

pub async fn delete(tx: &mut Tx, id: i64) -> Result<()> {
    let n = on_tx!(tx, |c| sqlx::query(
        "DELETE FROM custom_fields WHERE id = $1"
    )
    .bind(id)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    crate::db::one_row(n)
}

const COLS: &str = "id, key, label_en, label_zh, kind, required, in_list, position";

pub async fn list(tx: &mut Tx) -> Result<Vec<FieldRow>> {
    let sql = format!("SELECT {COLS} FROM custom_fields ORDER BY position, id");
    Ok(on_tx!(tx, |c| sqlx::query_as(AssertSqlSafe(sql))
        .fetch_all(c)
        .await)?)
}

pub async fn get(tx: &mut Tx, id: i64) -> Result<FieldRow> {
    let sql = format!("SELECT {COLS} FROM custom_fields WHERE id = $1");
    Ok(on_tx!(tx, |c| sqlx::query_as(AssertSqlSafe(sql))
        .bind(id)
        .fetch_one(c)
        .await)?)
}

pub async fn options(tx: &mut Tx) -> Result<Vec<OptionRow>> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_as("SELECT id, field_id, label, position FROM custom_field_options ORDER BY field_id, position, id")
        .fetch_all(c)
        .await
    })?)
}

pub async fn insert_option(tx: &mut Tx, field_id: i64, label: &str, position: i32) -> Result<i64> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO custom_field_options (field_id, label, position) VALUES ($1, $2, $3) RETURNING id"
    )
    .bind(field_id)
    .bind(label)
    .bind(position)
    .fetch_one(c)
    .await
    })?)
}

pub async fn update_option(tx: &mut Tx, id: i64, label: &str, position: i32) -> Result<()> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE custom_field_options SET label = $1, position = $2 WHERE id = $3"
    )
    .bind(label)
    .bind(position)
    .bind(id)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Removes an option and every value that chose it.
pub async fn delete_option(tx: &mut Tx, field_id: i64, id: i64) -> Result<()> {
    on_tx!(tx, |c| sqlx::query(
        "DELETE FROM custom_values WHERE field_id = $1 AND value = $2"
    )
    .bind(field_id)
    .bind(id.to_string())
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    on_tx!(tx, |c| sqlx::query(
        "DELETE FROM custom_field_options WHERE id = $1"
    )
    .bind(id)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn values_for_customers(tx: &mut Tx, customer_ids: &[i64]) -> Result<Vec<ValueRow>> {
    if customer_ids.is_empty() {
        return Ok(vec![]);
    }
    let args: Vec<Arg> = customer_ids.iter().map(|i| Arg::I64(*i)).collect();
    let sql = format!(
        "SELECT customer_id, field_id, value FROM custom_values WHERE customer_id IN ({}) ORDER BY field_id, value",
        placeholders(0, args.len())
    );
    Ok(on_tx!(tx, |c| bind_args!(
        sqlx::query_as(AssertSqlSafe(sql.clone())),
        &args
    )
    .fetch_all(c)
    .await)?)
}

/// Replaces one field's values for one customer.
pub async fn set_values(
    tx: &mut Tx,
    customer_id: i64,
    field_id: i64,
    values: &[String],
) -> Result<()> {
    on_tx!(tx, |c| sqlx::query(
        "DELETE FROM custom_values WHERE customer_id = $1 AND field_id = $2"
    )
    .bind(customer_id)
    .bind(field_id)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    for v in values {
        on_tx!(tx, |c| sqlx::query(
            "INSERT INTO custom_values (customer_id, field_id, value) VALUES ($1, $2, $3)"
        )
        .bind(customer_id)
        .bind(field_id)
        .bind(v)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    }
    Ok(())
}

pub async fn count_values(tx: &mut Tx, field_id: i64) -> Result<i64> {
    Ok(on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM custom_values WHERE field_id = $1"
    )
    .bind(field_id)
    .fetch_one(c)
    .await)?)
}
