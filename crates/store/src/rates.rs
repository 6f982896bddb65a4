//! Exchange rates: dated rows of 1 base = rate × quote, from a source (ECB, manual, bank).

use crate::query::{Filter, page};
use crate::{Arg, Result, Tx, on_tx};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct RateRow {
    pub id: i64,
    pub base: String,
    pub quote: String,
    pub rate: String,
    pub rate_date: String,
    pub source: String,
    pub created_at: i64,
}

/// Inserts a rate, replacing the rate of the same pair, day and source.
pub async fn upsert(
    tx: &mut Tx,
    base: &str,
    quote: &str,
    rate: &str,
    date: &str,
    source: &str,
    now: i64,
) -> Result<()> {
    on_tx!(tx, |c| {
        sqlx::query(
        "INSERT INTO exchange_rates (base, quote, rate, rate_date, source, created_at) VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (base, quote, rate_date, source) DO UPDATE SET rate = excluded.rate, created_at = excluded.created_at"
    )
    .bind(base)
    .bind(quote)
    .bind(rate)
    .bind(date)
    .bind(source)
    .bind(now)
    .execute(c)
    .await
    .map(|_| ())
    })?;
    Ok(())
}

#[derive(Debug, Clone, Default)]
pub struct RateFilter {
    pub base: Option<String>,
    pub quote: Option<String>,
    pub source: Option<String>,
    /// ISO dates, inclusive.
    pub from: Option<String>,
    pub to: Option<String>,
}

const COLS: &str = "SELECT id, base, quote, rate, rate_date, source, created_at";

pub async fn list(
    tx: &mut Tx,
    f: &RateFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<RateRow>, i64)> {
    let mut w = Filter::default();
    if let Some(b) = &f.base {
        w.with("base = {}", Arg::Text(b.clone()));
    }
    if let Some(q) = &f.quote {
        w.with("quote = {}", Arg::Text(q.clone()));
    }
    if let Some(s) = &f.source {
        w.with("source = {}", Arg::Text(s.clone()));
    }
    if let Some(d) = &f.from {
        w.with("rate_date >= {}", Arg::Text(d.clone()));
    }
    if let Some(d) = &f.to {
        w.with("rate_date <= {}", Arg::Text(d.clone()));
    }
    let from = format!("FROM exchange_rates{}", w.sql());
    page(
        tx,
        COLS,
        &from,
        "rate_date DESC, base, quote, source",
        w,
        limit,
        offset,
    )
    .await
}

/// The latest rows on or before `date` for the pair in either direction, from sources other
/// than the ECB reference (manual and bank rates), newest first.
pub async fn direct_on_or_before(
    tx: &mut Tx,
    a: &str,
    b: &str,
    date: &str,
) -> Result<Vec<RateRow>> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_as(
        "SELECT id, base, quote, rate, rate_date, source, created_at FROM exchange_rates \
         WHERE ((base = $1 AND quote = $2) OR (base = $2 AND quote = $1)) AND rate_date <= $3 AND source <> 'ecb' \
         ORDER BY rate_date DESC, id DESC LIMIT 5"
    )
    .bind(a)
    .bind(b)
    .bind(date)
    .fetch_all(c)
    .await
    })?)
}

/// The ECB day on or before `date` and every EUR rate of that day.
pub async fn ecb_day_on_or_before(tx: &mut Tx, date: &str) -> Result<Vec<RateRow>> {
    Ok(on_tx!(tx, |c| sqlx::query_as(
        "SELECT id, base, quote, rate, rate_date, source, created_at FROM exchange_rates \
         WHERE source = 'ecb' AND base = 'EUR' AND rate_date = \
         (SELECT MAX(rate_date) FROM exchange_rates WHERE source = 'ecb' AND rate_date <= $1)"
    )
    .bind(date)
    .fetch_all(c)
    .await)?)
}
