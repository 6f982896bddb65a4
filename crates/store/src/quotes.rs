//! Quotes and their revisions, and the gapless number counters every document series uses.

use crate::query::{Filter, page};
use crate::{Arg, Result, Tx, on_tx};
use sqlx::AssertSqlSafe;

/// The next number of `series` in `year`: 1, 2, 3 … without gaps. The counter row is locked by
/// the upsert until the transaction ends, so concurrent callers queue and a rolled-back caller
/// gives its number back.
pub async fn next_number(tx: &mut Tx, series: &str, year: i32) -> Result<i64> {
    Ok(on_tx!(tx, |c| sqlx::query_scalar(
        "INSERT INTO number_series (series, year, last) VALUES ($1, $2, 1) \
         ON CONFLICT (series, year) DO UPDATE SET last = number_series.last + 1 RETURNING last"
    )
    .bind(series)
    .bind(year as i64)
    .fetch_one(c)
    .await)?)
}

#[derive(Debug, Clone)]
pub struct QuoteRecord {
    pub number: String,
    pub revision: i64,
    pub revision_reason: Option<String>,
    pub customer_id: i64,
    pub contact_id: Option<i64>,
    pub status: String,
    pub currency: String,
    pub rate: String,
    pub incoterm: String,
    pub place: String,
    pub valid_until: String,
    pub snapshot: String,
    pub total_minor: i64,
    pub base_total_minor: i64,
    pub created_by: Option<i64>,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct QuoteRow {
    pub id: i64,
    pub number: String,
    pub revision: i64,
    pub revision_reason: Option<String>,
    pub customer_id: i64,
    pub customer_name: String,
    pub customer_owner_id: Option<i64>,
    pub contact_id: Option<i64>,
    pub status: String,
    pub currency: String,
    pub rate: String,
    pub incoterm: String,
    pub place: String,
    pub valid_until: String,
    pub snapshot: String,
    pub total_minor: i64,
    pub base_total_minor: i64,
    pub created_by: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    pub sent_at: Option<i64>,
    pub accepted_at: Option<i64>,
    pub declined_at: Option<i64>,
    pub superseded_at: Option<i64>,
    pub expired_at: Option<i64>,
    /// The price builder's inputs (JSON), for the salesperson only.
    pub costing: Option<String>,
}

const SELECT: &str = "SELECT q.id, q.number, q.revision, q.revision_reason, q.customer_id, c.name AS customer_name, \
    c.owner_id AS customer_owner_id, q.contact_id, q.status, q.currency, q.rate, q.incoterm, q.place, q.valid_until, \
    q.snapshot, q.total_minor, q.base_total_minor, q.created_by, q.created_at, q.updated_at, q.sent_at, q.accepted_at, \
    q.declined_at, q.superseded_at, q.expired_at, q.costing";
const FROM: &str = "FROM quotes q JOIN customers c ON c.id = q.customer_id";

pub async fn insert(tx: &mut Tx, r: &QuoteRecord, now: i64) -> Result<i64> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO quotes (number, revision, revision_reason, customer_id, contact_id, status, currency, rate, incoterm, \
         place, valid_until, snapshot, total_minor, base_total_minor, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16) RETURNING id"
    )
    .bind(&r.number)
    .bind(r.revision)
    .bind(&r.revision_reason)
    .bind(r.customer_id)
    .bind(r.contact_id)
    .bind(&r.status)
    .bind(&r.currency)
    .bind(&r.rate)
    .bind(&r.incoterm)
    .bind(&r.place)
    .bind(&r.valid_until)
    .bind(&r.snapshot)
    .bind(r.total_minor)
    .bind(r.base_total_minor)
    .bind(r.created_by)
    .bind(now)
    .fetch_one(c)
    .await
    })?)
}

/// Replaces the content of a draft revision.
pub async fn update_content(tx: &mut Tx, id: i64, r: &QuoteRecord, now: i64) -> Result<()> {
    let n = on_tx!(tx, |c| {
        sqlx::query(
        "UPDATE quotes SET contact_id = $1, currency = $2, rate = $3, incoterm = $4, place = $5, valid_until = $6, \
         snapshot = $7, total_minor = $8, base_total_minor = $9, updated_at = $10 WHERE id = $11"
    )
    .bind(r.contact_id)
    .bind(&r.currency)
    .bind(&r.rate)
    .bind(&r.incoterm)
    .bind(&r.place)
    .bind(&r.valid_until)
    .bind(&r.snapshot)
    .bind(r.total_minor)
    .bind(r.base_total_minor)
    .bind(now)
    .bind(id)
    .execute(c)
    .await
    .map(|r| r.rows_affected())
    })?;
    crate::db::one_row(n)
}

/// Sets the status and stamps the event's time column (`sent_at`, `accepted_at`, …).
pub async fn set_status(
    tx: &mut Tx,
    id: i64,
    status: &str,
    stamp: Option<&str>,
    now: i64,
) -> Result<()> {
    let col = match stamp {
        Some(c @ ("sent_at" | "accepted_at" | "declined_at" | "superseded_at")) => {
            format!(", {c} = $2")
        }
        _ => String::new(),
    };
    let sql = format!("UPDATE quotes SET status = $1, updated_at = $2{col} WHERE id = $3");
    let n = on_tx!(tx, |c| sqlx::query(AssertSqlSafe(sql))
        .bind(status)
        .bind(now)
        .bind(id)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    crate::db::one_row(n)
}

/// Stores the price builder's inputs of a revision.
pub async fn set_costing(tx: &mut Tx, id: i64, costing: &str, now: i64) -> Result<()> {
    let n = on_tx!(tx, |c| {
        sqlx::query("UPDATE quotes SET costing = $1, updated_at = $2 WHERE id = $3")
            .bind(costing)
            .bind(now)
            .bind(id)
            .execute(c)
            .await
            .map(|r| r.rows_affected())
    })?;
    crate::db::one_row(n)
}

/// Expires every sent revision whose validity ended before `today` (an ISO date); returns the
/// ids expired.
pub async fn expire_due(tx: &mut Tx, today: &str, now: i64) -> Result<Vec<i64>> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar(
            "UPDATE quotes SET status = 'expired', expired_at = $1, updated_at = $1 \
             WHERE status = 'sent' AND valid_until < $2 RETURNING id",
        )
        .bind(now)
        .bind(today)
        .fetch_all(c)
        .await
    })?)
}

pub async fn get(tx: &mut Tx, id: i64) -> Result<QuoteRow> {
    let sql = format!("{SELECT} {FROM} WHERE q.id = $1");
    Ok(on_tx!(tx, |c| sqlx::query_as(AssertSqlSafe(sql))
        .bind(id)
        .fetch_one(c)
        .await)?)
}

/// Every revision of a quote number, oldest first.
pub async fn revisions(tx: &mut Tx, number: &str) -> Result<Vec<QuoteRow>> {
    let sql = format!("{SELECT} {FROM} WHERE q.number = $1 ORDER BY q.revision");
    Ok(on_tx!(tx, |c| sqlx::query_as(AssertSqlSafe(sql))
        .bind(number)
        .fetch_all(c)
        .await)?)
}

#[derive(Debug, Clone, Default)]
pub struct QuoteFilter {
    pub customer_id: Option<i64>,
    pub status: Option<String>,
    /// Part of the number or the customer's name.
    pub q: Option<String>,
    /// Only the latest revision of each number.
    pub latest_only: bool,
    pub visible_to: Option<i64>,
}

pub async fn list(
    tx: &mut Tx,
    f: &QuoteFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<QuoteRow>, i64)> {
    let mut w = Filter::default();
    if let Some(id) = f.customer_id {
        w.with("q.customer_id = {}", Arg::I64(id));
    }
    if let Some(s) = &f.status {
        w.with("q.status = {}", Arg::Text(s.clone()));
    }
    if let Some(q) = f.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        w.with(
            "(LOWER(q.number) LIKE {} ESCAPE '\\' OR c.sort_name LIKE {} ESCAPE '\\')",
            Arg::Text(crate::customers::like_pattern(&q.to_lowercase())),
        );
    }
    if f.latest_only {
        w.raw("q.revision = (SELECT MAX(q2.revision) FROM quotes q2 WHERE q2.number = q.number)");
    }
    if let Some(uid) = f.visible_to {
        w.with("(c.owner_id IS NULL OR c.owner_id = {})", Arg::I64(uid));
    }
    let from = format!("{FROM}{}", w.sql());
    page(
        tx,
        SELECT,
        &from,
        "q.created_at DESC, q.id DESC",
        w,
        limit,
        offset,
    )
    .await
}

pub async fn count_for_customer(tx: &mut Tx, customer_id: i64) -> Result<i64> {
    Ok(on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM quotes WHERE customer_id = $1"
    )
    .bind(customer_id)
    .fetch_one(c)
    .await)?)
}
