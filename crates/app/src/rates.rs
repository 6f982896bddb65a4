//! Exchange rates: ECB reference rates imported from their XML, manual (or bank) rates, and the
//! rate between any two currencies on a day — a manual rate when one is at least as recent as
//! the ECB's, else the ECB cross rate via EUR.

use crate::{App, AppError, Page, Result, audit, now};
use chrono::NaiveDate;
use leadledger_domain::fx::{self, Rate, RateSource};
use leadledger_domain::money::{Currency, parse_decimal};
use leadledger_domain::page::PageRequest;
use leadledger_domain::user::Actor;
use leadledger_domain::{FieldErrors, Invalid};
use leadledger_store::rates::{self, RateFilter, RateRow};
use rust_decimal::Decimal;
use serde_json::json;
use std::collections::BTreeMap;
use std::str::FromStr;

#[derive(Debug, Clone, Default, serde::Serialize, PartialEq, Eq)]
pub struct EcbImport {
    pub days: usize,
    pub rates: usize,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
}

fn require(actor: Option<&Actor>) -> Result<()> {
    match actor {
        Some(a) if !a.can_manage_rates() => Err(AppError::Forbidden),
        _ => Ok(()),
    }
}

/// Imports an ECB reference-rate file (daily or historical). All or nothing: a malformed file
/// changes nothing and the error names the problem.
pub async fn import_ecb(app: &App, actor: Option<&Actor>, xml: &str) -> Result<EcbImport> {
    require(actor)?;
    let parsed = fx::parse_ecb_xml(xml).map_err(|e| AppError::field("file", e))?;
    let mut tx = app.db.write().await?;
    let t = now();
    let mut days: Vec<NaiveDate> = parsed.iter().map(|(d, _, _)| *d).collect();
    days.sort();
    days.dedup();
    for (date, cur, rate) in &parsed {
        rates::upsert(
            &mut tx,
            "EUR",
            cur.code(),
            &rate.normalize().to_string(),
            &date.to_string(),
            RateSource::Ecb.as_str(),
            t,
        )
        .await?;
    }
    let summary = EcbImport {
        days: days.len(),
        rates: parsed.len(),
        first: days.first().copied(),
        last: days.last().copied(),
    };
    audit::record(
        &mut tx,
        actor,
        "exchange_rate",
        None,
        "import_ecb",
        json!(summary),
    )
    .await?;
    tx.commit().await?;
    Ok(summary)
}

/// A manual rate: 1 `base` = `rate` × `quote` on `date` (today when empty).
pub async fn add_manual(
    app: &App,
    actor: &Actor,
    base: &str,
    quote: &str,
    rate: &str,
    date: &str,
    source: &str,
) -> Result<()> {
    require(Some(actor))?;
    let mut e = FieldErrors::new();
    let b = e.take("base", Currency::parse(base));
    let q = e.take("quote", Currency::parse(quote));
    let r = e.take("rate", parse_decimal(rate));
    let d = e.take(
        "date",
        if date.trim().is_empty() {
            Ok(crate::today())
        } else {
            NaiveDate::from_str(date.trim())
                .map_err(|_| Invalid::new("invalid_date", "a date like 2026-03-01"))
        },
    );
    let s = e.take(
        "source",
        if source.trim().is_empty() {
            Ok(RateSource::Manual)
        } else {
            RateSource::parse(source)
        },
    );
    if let (Some(b), Some(q), Some(r), Some(d), Some(s)) = (b, q, r, d, s) {
        if s == RateSource::Ecb || s == RateSource::EcbCross {
            e.add(
                "source",
                Invalid::new("invalid_rate_source", "ECB rates come from the ECB file"),
            );
        } else if let Err(err) = Rate::new(b, q, r, d, s) {
            e.add(
                if err.code == "same_currency" {
                    "quote"
                } else {
                    "rate"
                },
                err,
            );
        } else if e.is_empty() {
            let mut tx = app.db.write().await?;
            rates::upsert(
                &mut tx,
                b.code(),
                q.code(),
                &r.normalize().to_string(),
                &d.to_string(),
                s.as_str(),
                now(),
            )
            .await?;
            audit::record(&mut tx, Some(actor), "exchange_rate", None, "create",
                json!({"base": b.code(), "quote": q.code(), "rate": r.normalize().to_string(), "date": d.to_string(), "source": s.as_str()})).await?;
            tx.commit().await?;
            return Ok(());
        }
    }
    Err(AppError::Invalid(e))
}

pub async fn list(app: &App, filter: &RateFilter, page: PageRequest) -> Result<Page<RateRow>> {
    let mut tx = app.db.read().await?;
    let (items, total) = rates::list(&mut tx, filter, page.limit(), page.offset()).await?;
    Ok(Page {
        items,
        total,
        page: page.page,
        per_page: page.per_page,
    })
}

/// The rate from `from` to `to` on `date`: 1 `from` = rate × `to`.
pub async fn rate_on(app: &App, from: Currency, to: Currency, date: NaiveDate) -> Result<Rate> {
    if from == to {
        return Ok(Rate {
            base: from,
            quote: to,
            rate: Decimal::ONE,
            date,
            source: RateSource::Manual,
        });
    }
    let day = date.to_string();
    let mut tx = app.db.read().await?;
    let direct = rates::direct_on_or_before(&mut tx, from.code(), to.code(), &day).await?;
    let ecb = rates::ecb_day_on_or_before(&mut tx, &day).await?;
    let stored = |r: &RateRow| -> Option<Rate> {
        let base = Currency::parse(&r.base).ok()?;
        let quote = Currency::parse(&r.quote).ok()?;
        let rate = Decimal::from_str(&r.rate).ok()?;
        let date = NaiveDate::from_str(&r.rate_date).ok()?;
        let source = RateSource::parse(&r.source).ok()?;
        let rate = Rate {
            base,
            quote,
            rate,
            date,
            source,
        };
        Some(if base == from { rate } else { rate.inverse() })
    };
    let direct = direct.first().and_then(stored);
    let ecb_rate = match ecb.first() {
        Some(first) => {
            let map: BTreeMap<Currency, Decimal> = ecb
                .iter()
                .filter_map(|r| {
                    Some((
                        Currency::parse(&r.quote).ok()?,
                        Decimal::from_str(&r.rate).ok()?,
                    ))
                })
                .collect();
            let d = NaiveDate::from_str(&first.rate_date)
                .map_err(|e| AppError::Internal(e.to_string()))?;
            fx::cross(&map, from, to).ok().map(|rate| Rate {
                base: from,
                quote: to,
                rate,
                date: d,
                source: RateSource::EcbCross,
            })
        }
        None => None,
    };
    match (direct, ecb_rate) {
        (Some(d), Some(e)) => Ok(if d.date >= e.date { d } else { e }),
        (Some(d), None) => Ok(d),
        (None, Some(e)) => Ok(e),
        (None, None) => Err(AppError::field(
            "rate",
            Invalid::new(
                "no_rate",
                format!(
                    "no rate from {from} to {to} on or before {date}: import the ECB file or enter one"
                ),
            ),
        )),
    }
}
