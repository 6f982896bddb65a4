//! `/api/v1/rates`: stored rates, manual entry, and the rate between two currencies on a day.

use super::dto::{ErrorOut, RateIn, RateList, RateOut};
use super::{ApiJson, page_of, query_pairs};
use crate::AppState;
use crate::error::ApiError;
use crate::session::ApiUser;
use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use leadledger_app::rates;
use leadledger_app::store::rates::RateFilter;
use leadledger_domain::money::Currency;
use leadledger_domain::{FieldErrors, Invalid};

#[utoipa::path(get, path = "/api/v1/rates", tag = "rates",
    params(("base" = Option<String>, Query), ("quote" = Option<String>, Query), ("source" = Option<String>, Query),
        ("from" = Option<String>, Query, description = "ISO date"), ("to" = Option<String>, Query, description = "ISO date"),
        ("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = RateList)))]
pub async fn list(
    State(s): State<AppState>,
    ApiUser(_): ApiUser,
    RawQuery(q): RawQuery,
) -> Result<Json<RateList>, ApiError> {
    let params = query_pairs(&q)?;
    let page = page_of(&params)?;
    let get = |k: &str| {
        params
            .iter()
            .find(|(n, v)| n == k && !v.is_empty())
            .map(|(_, v)| v.trim().to_string())
    };
    let filter = RateFilter {
        base: get("base").map(|v| v.to_uppercase()),
        quote: get("quote").map(|v| v.to_uppercase()),
        source: get("source"),
        from: get("from"),
        to: get("to"),
    };
    let r = rates::list(&s.app, &filter, page).await?;
    let items = r
        .items
        .into_iter()
        .map(|x| RateOut {
            base: x.base,
            quote: x.quote,
            rate: x.rate,
            date: x.rate_date,
            source: x.source,
        })
        .collect();
    Ok(Json(RateList {
        items,
        total: r.total,
        page: r.page,
        per_page: r.per_page,
    }))
}

#[utoipa::path(post, path = "/api/v1/rates", tag = "rates", request_body = RateIn,
    responses((status = 201, body = RateOut), (status = 403, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn create(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    ApiJson(b): ApiJson<RateIn>,
) -> Result<(StatusCode, Json<RateOut>), ApiError> {
    let date = b.date.clone().unwrap_or_default();
    rates::add_manual(
        &s.app,
        &a,
        &b.base,
        &b.quote,
        &b.rate,
        &date,
        b.source.as_deref().unwrap_or(""),
    )
    .await?;
    let d = if date.is_empty() {
        chrono::Utc::now().date_naive()
    } else {
        date.parse().map_err(|_| ApiError::bad_request("date"))?
    };
    let (base, quote) = (
        Currency::parse(&b.base).map_err(|e| ApiError::bad_request(e.message))?,
        Currency::parse(&b.quote).map_err(|e| ApiError::bad_request(e.message))?,
    );
    let r = rates::rate_on(&s.app, base, quote, d).await?;
    Ok((
        StatusCode::CREATED,
        Json(RateOut {
            base: r.base.to_string(),
            quote: r.quote.to_string(),
            rate: r.rate.normalize().to_string(),
            date: r.date.to_string(),
            source: r.source.to_string(),
        }),
    ))
}

/// 1 `from` = rate × `to` on `date` (default today): a manual or bank rate when it is at least as
/// recent as the ECB's, else the ECB cross rate via EUR.
#[utoipa::path(get, path = "/api/v1/rates/convert", tag = "rates",
    params(("from" = String, Query), ("to" = String, Query), ("date" = Option<String>, Query)),
    responses((status = 200, body = RateOut), (status = 422, body = ErrorOut)))]
pub async fn convert(
    State(s): State<AppState>,
    ApiUser(_): ApiUser,
    RawQuery(q): RawQuery,
) -> Result<Json<RateOut>, ApiError> {
    let params = query_pairs(&q)?;
    let get = |k: &str| {
        params
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    let mut e = FieldErrors::new();
    let from = e.take("from", Currency::parse(get("from")));
    let to = e.take("to", Currency::parse(get("to")));
    let date = e.take(
        "date",
        if get("date").is_empty() {
            Ok(chrono::Utc::now().date_naive())
        } else {
            get("date")
                .parse()
                .map_err(|_| Invalid::new("invalid_date", "a date like 2026-03-01"))
        },
    );
    let (Some(from), Some(to), Some(date)) = (from, to, date) else {
        return Err(ApiError::invalid(&e));
    };
    let r = rates::rate_on(&s.app, from, to, date).await?;
    Ok(Json(RateOut {
        base: r.base.to_string(),
        quote: r.quote.to_string(),
        rate: r.rate.normalize().to_string(),
        date: r.date.to_string(),
        source: r.source.to_string(),
    }))
}
