//! Contacts of a customer and their channels (emails, phones, WhatsApp, WeChat).

use crate::customers::placeholders;
use crate::query::{Filter, page};
use crate::{Arg, Result, StoreError, Tx, bind_args, on_tx};
use sqlx::AssertSqlSafe;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct ContactRow {
    pub id: i64,
    pub customer_id: i64,
    pub name: String,
    pub title: Option<String>,
    pub notes: Option<String>,
    pub created_at: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ChannelRow {
    pub contact_id: i64,
    pub kind: String,
    pub value: String,
}

#[derive(Debug, Clone, Default)]
pub struct ContactRecord {
    pub name: String,
    pub title: Option<String>,
    pub notes: Option<String>,
    /// `(kind, value)` pairs; kind is `email`, `phone`, `whatsapp` or `wechat`.
    pub channels: Vec<(String, String)>,
}

pub async fn insert(tx: &mut Tx, customer_id: i64, r: &ContactRecord, now: i64) -> Result<i64> {
    let id: i64 = on_tx!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO contacts (customer_id, name, title, notes, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id"
    )
    .bind(customer_id)
    .bind(&r.name)
    .bind(&r.title)
    .bind(&r.notes)
    .bind(now)
    .fetch_one(c)
    .await
    })?;
    insert_channels(tx, id, &r.channels).await?;
    Ok(id)
}

async fn insert_channels(
    tx: &mut Tx,
    contact_id: i64,
    channels: &[(String, String)],
) -> Result<()> {
    for (kind, value) in channels {
        on_tx!(tx, |c| sqlx::query(
            "INSERT INTO contact_channels (contact_id, kind, value) VALUES ($1, $2, $3)"
        )
        .bind(contact_id)
        .bind(kind)
        .bind(value)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    }
    Ok(())
}

pub async fn update(tx: &mut Tx, id: i64, r: &ContactRecord) -> Result<()> {
    let n = on_tx!(tx, |c| sqlx::query(
        "UPDATE contacts SET name = $1, title = $2, notes = $3 WHERE id = $4"
    )
    .bind(&r.name)
    .bind(&r.title)
    .bind(&r.notes)
    .bind(id)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    on_tx!(tx, |c| sqlx::query(
        "DELETE FROM contact_channels WHERE contact_id = $1"
    )
    .bind(id)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    insert_channels(tx, id, &r.channels).await
}

pub async fn get(tx: &mut Tx, id: i64) -> Result<ContactRow> {
    Ok(on_tx!(tx, |c| sqlx::query_as(
        "SELECT id, customer_id, name, title, notes, created_at FROM contacts WHERE id = $1"
    )
    .bind(id)
    .fetch_one(c)
    .await)?)
}

pub async fn delete(tx: &mut Tx, id: i64) -> Result<()> {
    let n = on_tx!(tx, |c| sqlx::query("DELETE FROM contacts WHERE id = $1")
        .bind(id)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    crate::db::one_row(n)
}

/// Contacts of some customers, and all their channels.
pub async fn for_customers(
    tx: &mut Tx,
    customer_ids: &[i64],
) -> Result<(Vec<ContactRow>, Vec<ChannelRow>)> {
    if customer_ids.is_empty() {
        return Ok((vec![], vec![]));
    }
    let args: Vec<Arg> = customer_ids.iter().map(|i| Arg::I64(*i)).collect();
    let ph = placeholders(0, args.len());
    let sql = format!(
        "SELECT id, customer_id, name, title, notes, created_at FROM contacts WHERE customer_id IN ({ph}) ORDER BY id"
    );
    let contacts: Vec<ContactRow> = on_tx!(tx, |c| bind_args!(
        sqlx::query_as(AssertSqlSafe(sql.clone())),
        &args
    )
    .fetch_all(c)
    .await)?;
    let sql = format!(
        "SELECT ch.contact_id, ch.kind, ch.value FROM contact_channels ch JOIN contacts ct ON ct.id = ch.contact_id \
         WHERE ct.customer_id IN ({ph}) ORDER BY ch.id"
    );
    let channels = on_tx!(tx, |c| bind_args!(
        sqlx::query_as(AssertSqlSafe(sql.clone())),
        &args
    )
    .fetch_all(c)
    .await)?;
    Ok((contacts, channels))
}

pub async fn channels_of(tx: &mut Tx, contact_id: i64) -> Result<Vec<ChannelRow>> {
    Ok(on_tx!(tx, |c| sqlx::query_as(
        "SELECT contact_id, kind, value FROM contact_channels WHERE contact_id = $1 ORDER BY id"
    )
    .bind(contact_id)
    .fetch_all(c)
    .await)?)
}

/// A page of contacts across the customers visible to `visible_to` (all when `None`).
pub async fn list(
    tx: &mut Tx,
    customer_id: Option<i64>,
    visible_to: Option<i64>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<ContactRow>, i64)> {
    let mut f = Filter::default();
    if let Some(id) = customer_id {
        f.with("ct.customer_id = {}", Arg::I64(id));
    }
    if let Some(uid) = visible_to {
        f.with("(c.owner_id IS NULL OR c.owner_id = {})", Arg::I64(uid));
    }
    let from = format!(
        "FROM contacts ct JOIN customers c ON c.id = ct.customer_id{}",
        f.sql()
    );
    let select = "SELECT ct.id, ct.customer_id, ct.name, ct.title, ct.notes, ct.created_at";
    page(tx, select, &from, "ct.id", f, limit, offset).await
}
