//! Stored inquiries and the buyer signals derived from them.

use crate::query::{Filter, page};
use crate::{Arg, Result, StoreError, Tx, on_tx};
use sqlx::AssertSqlSafe;

#[derive(Debug, Clone)]
pub struct InquiryRecord {
    pub customer_id: Option<i64>,
    pub received_at: i64,
    pub channel: String,
    pub subject: Option<String>,
    pub from_addr: Option<String>,
    pub reply_to: Option<String>,
    pub body: String,
    pub language: String,
    pub grade: String,
    pub score: i32,
    pub scam: bool,
    pub junk: bool,
    pub risk_level: String,
    /// The reader's full analysis as JSON.
    pub analysis: String,
    pub created_by: Option<i64>,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct InquiryRow {
    pub id: i64,
    pub customer_id: Option<i64>,
    pub customer_name: Option<String>,
    pub customer_owner_id: Option<i64>,
    pub received_at: i64,
    pub channel: String,
    pub subject: Option<String>,
    pub from_addr: Option<String>,
    pub reply_to: Option<String>,
    pub body: String,
    pub language: String,
    pub grade: String,
    pub score: i32,
    pub scam: bool,
    pub junk: bool,
    pub risk_level: String,
    pub analysis: String,
    pub created_by: Option<i64>,
    pub created_at: i64,
}

const SELECT: &str = "SELECT i.id, i.customer_id, c.name AS customer_name, c.owner_id AS customer_owner_id, i.received_at, \
    i.channel, i.subject, i.from_addr, i.reply_to, i.body, i.language, i.grade, i.score, i.scam, i.junk, i.risk_level, \
    i.analysis, i.created_by, i.created_at";
const FROM: &str = "FROM inquiries i LEFT JOIN customers c ON c.id = i.customer_id";

pub async fn insert(tx: &mut Tx, r: &InquiryRecord, now: i64) -> Result<i64> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO inquiries (customer_id, received_at, channel, subject, from_addr, reply_to, body, language, grade, \
         score, scam, junk, risk_level, analysis, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id"
    )
    .bind(r.customer_id)
    .bind(r.received_at)
    .bind(&r.channel)
    .bind(&r.subject)
    .bind(&r.from_addr)
    .bind(&r.reply_to)
    .bind(&r.body)
    .bind(&r.language)
    .bind(&r.grade)
    .bind(r.score)
    .bind(r.scam)
    .bind(r.junk)
    .bind(&r.risk_level)
    .bind(&r.analysis)
    .bind(r.created_by)
    .bind(now)
    .fetch_one(c)
    .await
    })?)
}

pub async fn get(tx: &mut Tx, id: i64) -> Result<InquiryRow> {
    let sql = format!("{SELECT} {FROM} WHERE i.id = $1");
    Ok(on_tx!(tx, |c| sqlx::query_as(AssertSqlSafe(sql))
        .bind(id)
        .fetch_one(c)
        .await)?)
}

pub async fn set_customer(tx: &mut Tx, id: i64, customer_id: Option<i64>) -> Result<()> {
    let n = on_tx!(tx, |c| sqlx::query(
        "UPDATE inquiries SET customer_id = $1 WHERE id = $2"
    )
    .bind(customer_id)
    .bind(id)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    crate::db::one_row(n)
}

pub async fn delete(tx: &mut Tx, id: i64) -> Result<()> {
    let n = on_tx!(tx, |c| sqlx::query("DELETE FROM inquiries WHERE id = $1")
        .bind(id)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    crate::db::one_row(n)
}

#[derive(Debug, Clone, Default)]
pub struct InquiryFilter {
    pub grade: Option<String>,
    /// `Some(true)`: only junk (scams included); `Some(false)`: only genuine.
    pub junk: Option<bool>,
    pub scam: Option<bool>,
    pub customer_id: Option<i64>,
    /// `Some(false)`: only inquiries not yet linked to a buyer.
    pub linked: Option<bool>,
    pub language: Option<String>,
    /// Sales see unlinked inquiries and those of their own and pool customers.
    pub visible_to: Option<i64>,
}

pub async fn list(
    tx: &mut Tx,
    f: &InquiryFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<InquiryRow>, i64)> {
    let mut w = Filter::default();
    if let Some(g) = &f.grade {
        w.with("i.grade = {}", Arg::Text(g.clone()));
    }
    if let Some(j) = f.junk {
        w.with("i.junk = {}", Arg::Bool(j));
    }
    if let Some(s) = f.scam {
        w.with("i.scam = {}", Arg::Bool(s));
    }
    if let Some(id) = f.customer_id {
        w.with("i.customer_id = {}", Arg::I64(id));
    }
    match f.linked {
        Some(true) => w.raw("i.customer_id IS NOT NULL"),
        Some(false) => w.raw("i.customer_id IS NULL"),
        None => {}
    }
    if let Some(l) = &f.language {
        w.with("i.language = {}", Arg::Text(l.clone()));
    }
    if let Some(uid) = f.visible_to {
        w.with(
            "(i.customer_id IS NULL OR c.owner_id IS NULL OR c.owner_id = {})",
            Arg::I64(uid),
        );
    }
    let from = format!("{FROM}{}", w.sql());
    page(
        tx,
        SELECT,
        &from,
        "i.received_at DESC, i.id DESC",
        w,
        limit,
        offset,
    )
    .await
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct SignalRow {
    pub id: i64,
    pub customer_id: i64,
    pub kind: String,
    pub inquiry_id: Option<i64>,
    pub at: i64,
    pub detail: String,
}

pub async fn insert_signal(
    tx: &mut Tx,
    customer_id: i64,
    kind: &str,
    inquiry_id: Option<i64>,
    at: i64,
    detail: &str,
) -> Result<i64> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO customer_signals (customer_id, kind, inquiry_id, at, detail) VALUES ($1, $2, $3, $4, $5) RETURNING id"
    )
    .bind(customer_id)
    .bind(kind)
    .bind(inquiry_id)
    .bind(at)
    .bind(detail)
    .fetch_one(c)
    .await
    })?)
}

pub async fn signals_for(tx: &mut Tx, customer_id: i64) -> Result<Vec<SignalRow>> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_as(
        "SELECT id, customer_id, kind, inquiry_id, at, detail FROM customer_signals WHERE customer_id = $1 ORDER BY at DESC, id DESC"
    )
    .bind(customer_id)
    .fetch_all(c)
    .await
    })?)
}

/// Sets the customer's completeness from an inquiry unless a person set it.
pub async fn set_completeness_from_inquiry(
    tx: &mut Tx,
    customer_id: i64,
    grade: &str,
    now: i64,
) -> Result<bool> {
    let n = on_tx!(tx, |c| {
        sqlx::query(
        "UPDATE customers SET completeness = $1, completeness_source = 'inquiry', updated_at = $2 \
         WHERE id = $3 AND (completeness_source IS NULL OR completeness_source = 'inquiry') \
         AND (completeness IS NULL OR completeness <> $1)"
    )
    .bind(grade)
    .bind(now)
    .bind(customer_id)
    .execute(c)
    .await
    .map(|r| r.rows_affected())
    })?;
    Ok(n > 0)
}

/// Marks the completeness of a customer as set by a person.
pub async fn mark_completeness_by_person(tx: &mut Tx, customer_id: i64) -> Result<()> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE customers SET completeness_source = 'person' WHERE id = $1"
    )
    .bind(customer_id)
    .execute(c)
    .await
    .map(|_| ()))?;
    Ok(())
}

pub async fn completeness_source(tx: &mut Tx, customer_id: i64) -> Result<Option<String>> {
    let row: Option<(Option<String>,)> = on_tx!(tx, |c| sqlx::query_as(
        "SELECT completeness_source FROM customers WHERE id = $1"
    )
    .bind(customer_id)
    .fetch_optional(c)
    .await)?;
    row.map(|r| r.0).ok_or(StoreError::NotFound)
}
