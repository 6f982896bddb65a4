//! `/api/v1/quotes`: drafts, events, revisions and their diff.

use super::customers::optional_id;
use super::dto::{ErrorOut, QuoteChangeOut, QuoteIn, QuoteLineOut, QuoteList, QuoteOut};
use super::{ApiJson, page_of, path_id, query_pairs, rfc3339};
use crate::AppState;
use crate::error::ApiError;
use crate::session::ApiUser;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use leadledger_app::quotes::{self, QuoteDraft, QuoteView};
use leadledger_app::store::quotes::QuoteFilter;
use leadledger_domain::documents::lines::LineDraft;
use leadledger_domain::documents::quote::QuoteEvent;

/// A decimal as a plain string for JSON: no thousands separators, no trailing zeros.
fn plain(d: rust_decimal::Decimal) -> String {
    d.normalize().to_string()
}

pub fn out(v: QuoteView) -> QuoteOut {
    let s = &v.snapshot;
    let t = &v.totals;
    let amt = |m: leadledger_domain::money::Money| m.amount.to_string();
    let lines = s
        .lines
        .iter()
        .zip(t.lines.iter())
        .map(|(l, a)| QuoteLineOut {
            product_id: l.product_id(),
            sku: l.sku().map(String::from),
            description: l.description().map(String::from),
            quantity: plain(l.quantity().value()),
            unit: l.unit().into(),
            unit_price: plain(l.unit_price().value()),
            discount: plain(l.discount().value()),
            amount: a.amount.to_string(),
        })
        .collect();
    let base_total = t
        .base_total(&s.rate)
        .map(|m| m.amount.to_string())
        .unwrap_or_default();
    QuoteOut {
        id: v.row.id,
        number: v.row.number.clone(),
        revision: v.row.revision,
        revision_reason: v.row.revision_reason.clone(),
        customer_id: v.row.customer_id,
        customer_name: v.row.customer_name.clone(),
        status: v.row.status.clone(),
        currency: s.currency.code().into(),
        rate: plain(s.rate.rate()),
        incoterm: s.incoterm.rule().code().into(),
        place: s.incoterm.place().into(),
        payment_terms: s.payment_text(),
        valid_until: s.valid_until.to_string(),
        lead_time: s.lead_time.to_string(),
        lines,
        freight: amt(t.freight),
        insurance: amt(t.insurance),
        other_charges: amt(t.other_charges),
        discount: amt(t.discount),
        subtotal: amt(t.subtotal),
        total: amt(t.total),
        base_total,
        notes: s.notes.clone(),
        is_latest: v.is_latest,
        created_at: rfc3339(v.row.created_at),
        sent_at: v.row.sent_at.map(rfc3339),
        accepted_at: v.row.accepted_at.map(rfc3339),
        declined_at: v.row.declined_at.map(rfc3339),
    }
}

pub(super) fn draft(b: QuoteIn) -> QuoteDraft {
    QuoteDraft {
        customer_id: b.customer_id,
        contact_id: b.contact_id,
        currency: b.currency,
        rate: b.rate,
        incoterm: b.incoterm,
        place: b.place,
        place_is_port: b.place_is_port,
        payment_terms: b.payment_terms,
        valid_until: b.valid_until,
        lead_time: b.lead_time,
        lines: b
            .lines
            .into_iter()
            .map(|l| LineDraft {
                product_id: l.product_id.map(|p| p.to_string()).unwrap_or_default(),
                sku: l.sku,
                description: l.description,
                quantity: l.quantity,
                unit: l.unit,
                unit_price: l.unit_price,
                discount: l.discount,
            })
            .collect(),
        freight: b.freight,
        insurance: b.insurance,
        other_charges: b.other_charges,
        discount: b.discount,
        notes: b.notes,
    }
}

#[utoipa::path(get, path = "/api/v1/quotes", tag = "quotes",
    params(("customer_id" = Option<i64>, Query), ("status" = Option<String>, Query), ("q" = Option<String>, Query, description = "part of the number or customer name"),
        ("latest" = Option<bool>, Query, description = "only the latest revision of each number"), ("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = QuoteList), (status = 422, body = ErrorOut)))]
pub async fn list(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    RawQuery(q): RawQuery,
) -> Result<Json<QuoteList>, ApiError> {
    let params = query_pairs(&q)?;
    let page = page_of(&params)?;
    let get = |k: &str| {
        params
            .iter()
            .find(|(n, v)| n == k && !v.is_empty())
            .map(|(_, v)| v.clone())
    };
    let f = QuoteFilter {
        customer_id: optional_id(&params, "customer_id")?,
        status: get("status"),
        q: get("q"),
        latest_only: get("latest").as_deref() == Some("true"),
        visible_to: None,
    };
    let r = quotes::list(&s.app, &a, f, page).await?;
    let mut items = Vec::with_capacity(r.items.len());
    for row in r.items {
        items.push(out(quotes::get(&s.app, &a, row.id).await?));
    }
    Ok(Json(QuoteList {
        items,
        total: r.total,
        page: r.page,
        per_page: r.per_page,
    }))
}

#[utoipa::path(post, path = "/api/v1/quotes", tag = "quotes", request_body = QuoteIn,
    responses((status = 201, body = QuoteOut), (status = 404, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn create(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    ApiJson(b): ApiJson<QuoteIn>,
) -> Result<(StatusCode, Json<QuoteOut>), ApiError> {
    let id = quotes::create(&s.app, &a, &draft(b)).await?;
    Ok((
        StatusCode::CREATED,
        Json(out(quotes::get(&s.app, &a, id).await?)),
    ))
}

#[utoipa::path(get, path = "/api/v1/quotes/{id}", tag = "quotes", params(("id" = i64, Path)),
    responses((status = 200, body = QuoteOut), (status = 404, body = ErrorOut)))]
pub async fn get(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<QuoteOut>, ApiError> {
    Ok(Json(out(quotes::get(&s.app, &a, path_id(&id)?).await?)))
}

/// Replaces a draft's content.
#[utoipa::path(put, path = "/api/v1/quotes/{id}", tag = "quotes", params(("id" = i64, Path)), request_body = QuoteIn,
    responses((status = 200, body = QuoteOut), (status = 403, body = ErrorOut), (status = 404, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn update(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<QuoteIn>,
) -> Result<Json<QuoteOut>, ApiError> {
    let id = path_id(&id)?;
    quotes::update_draft(&s.app, &a, id, &draft(b)).await?;
    Ok(Json(out(quotes::get(&s.app, &a, id).await?)))
}

/// `send`, `accept`, `decline` or `expire`.
#[utoipa::path(post, path = "/api/v1/quotes/{id}/{event}", tag = "quotes", params(("id" = i64, Path), ("event" = String, Path, description = "send, accept, decline or expire")),
    responses((status = 200, body = QuoteOut), (status = 404, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn event(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path((id, event)): Path<(String, String)>,
) -> Result<Json<QuoteOut>, ApiError> {
    let id = path_id(&id)?;
    let ev = match event.as_str() {
        "send" => QuoteEvent::Send,
        "accept" => QuoteEvent::Accept,
        "decline" => QuoteEvent::Decline,
        "expire" => QuoteEvent::Expire,
        _ => {
            return Err(ApiError::new(
                StatusCode::NOT_FOUND,
                "not_found",
                "no such quote action",
            ));
        }
    };
    quotes::apply_event(&s.app, &a, id, ev).await?;
    Ok(Json(out(quotes::get(&s.app, &a, id).await?)))
}

/// Makes the next revision with new content; `reason` is required.
#[utoipa::path(post, path = "/api/v1/quotes/{id}/revise", tag = "quotes", params(("id" = i64, Path)), request_body = QuoteIn,
    responses((status = 201, body = QuoteOut), (status = 404, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn revise(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<QuoteIn>,
) -> Result<(StatusCode, Json<QuoteOut>), ApiError> {
    let id = path_id(&id)?;
    let reason = b.reason.clone();
    let new_id = quotes::revise(&s.app, &a, id, &draft(b), &reason).await?;
    Ok((
        StatusCode::CREATED,
        Json(out(quotes::get(&s.app, &a, new_id).await?)),
    ))
}

#[utoipa::path(get, path = "/api/v1/quotes/{id}/revisions", tag = "quotes", params(("id" = i64, Path)),
    responses((status = 200, body = QuoteList), (status = 404, body = ErrorOut)))]
pub async fn revisions(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<QuoteList>, ApiError> {
    let all = quotes::revisions(&s.app, &a, path_id(&id)?).await?;
    let n = all.len();
    Ok(Json(QuoteList {
        items: all.into_iter().map(out).collect(),
        total: n as i64,
        page: 1,
        per_page: n.max(1) as u32,
    }))
}

/// What changed from this revision to the revision `with`.
#[utoipa::path(get, path = "/api/v1/quotes/{id}/diff", tag = "quotes", params(("id" = i64, Path), ("with" = i64, Query)),
    responses((status = 200, body = [QuoteChangeOut]), (status = 404, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn diff(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> Result<Json<Vec<QuoteChangeOut>>, ApiError> {
    let params = query_pairs(&q)?;
    let with = optional_id(&params, "with")?
        .ok_or_else(|| ApiError::bad_request("give ?with=<revision id>"))?;
    let changes = quotes::diff(&s.app, &a, path_id(&id)?, with).await?;
    Ok(Json(
        changes
            .into_iter()
            .map(|c| QuoteChangeOut {
                change: c.describe_en(),
            })
            .collect(),
    ))
}
