//! `/api/v1/payments`.

use super::customers::optional_id;
use super::dto::{AllocationOut, ApplyIn, ErrorOut, PaymentIn, PaymentList, PaymentOut};
use super::{ApiJson, page_of, path_id, query_pairs};
use crate::AppState;
use crate::error::ApiError;
use crate::session::ApiUser;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use leadledger_app::payments::{self, PaymentDraft};
use leadledger_app::store::payments::{AllocationRow, PaymentFilter, PaymentRow};
use leadledger_domain::money::Currency;
use leadledger_domain::user::Actor;
use rust_decimal::Decimal;

fn out(p: PaymentRow, allocs: Vec<AllocationRow>, base: Currency) -> PaymentOut {
    let c = Currency::parse(&p.currency).unwrap_or(Currency::USD);
    let m = |minor: i64| Decimal::new(minor, c.minor_units()).to_string();
    let b = |minor: i64| Decimal::new(minor, base.minor_units()).to_string();
    PaymentOut {
        id: p.id,
        customer_id: p.customer_id,
        customer_name: p.customer_name,
        amount: m(p.amount_minor),
        currency: p.currency.clone(),
        date: p.received_date,
        bank_charges: m(p.bank_charges_minor),
        rate: p.rate,
        fx_gain_loss: b(p.fx_gain_base_minor),
        unallocated: m(p.amount_minor - p.allocated_minor),
        reference: p.reference,
        against_invoice_id: p.against_invoice_id,
        allocations: allocs
            .into_iter()
            .map(|a| AllocationOut {
                invoice_id: a.invoice_id,
                invoice_number: a.invoice_number,
                amount: m(a.amount_minor),
                fx_gain_loss: b(a.fx_gain_base_minor),
            })
            .collect(),
    }
}

async fn one(s: &AppState, a: &Actor, id: i64) -> Result<PaymentOut, ApiError> {
    let (p, allocs) = payments::get(&s.app, a, id).await?;
    let base = leadledger_app::company::base_currency(&s.app).await?;
    Ok(out(p, allocs, base))
}

#[utoipa::path(get, path = "/api/v1/payments", tag = "payments", params(("customer_id" = Option<i64>, Query), ("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = PaymentList)))]
pub async fn list(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    RawQuery(q): RawQuery,
) -> Result<Json<PaymentList>, ApiError> {
    let params = query_pairs(&q)?;
    let page = page_of(&params)?;
    let r = payments::list(
        &s.app,
        &a,
        PaymentFilter {
            customer_id: optional_id(&params, "customer_id")?,
            ..Default::default()
        },
        page,
    )
    .await?;
    let mut items = Vec::new();
    for p in r.items {
        items.push(one(&s, &a, p.id).await?);
    }
    Ok(Json(PaymentList {
        items,
        total: r.total,
        page: r.page,
        per_page: r.per_page,
    }))
}

#[utoipa::path(post, path = "/api/v1/payments", tag = "payments", request_body = PaymentIn,
    responses((status = 201, body = PaymentOut), (status = 403, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn create(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    ApiJson(b): ApiJson<PaymentIn>,
) -> Result<(StatusCode, Json<PaymentOut>), ApiError> {
    let d = PaymentDraft {
        customer_id: b.customer_id,
        currency: b.currency,
        received: b.received,
        bank_charges: b.bank_charges,
        date: b.date,
        rate: b.rate,
        reference: b.reference,
        allocations: b
            .allocations
            .into_iter()
            .map(|x| (x.invoice_id, x.amount))
            .collect(),
        against_invoice_id: b.against_invoice_id,
    };
    let id = payments::record(&s.app, &a, &d).await?;
    Ok((StatusCode::CREATED, Json(one(&s, &a, id).await?)))
}

#[utoipa::path(get, path = "/api/v1/payments/{id}", tag = "payments", params(("id" = i64, Path)),
    responses((status = 200, body = PaymentOut), (status = 404, body = ErrorOut)))]
pub async fn get(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<PaymentOut>, ApiError> {
    Ok(Json(one(&s, &a, path_id(&id)?).await?))
}

/// Applies the unallocated part (an advance or credit) to open invoices: as named in the body,
/// or oldest first when the body is empty or absent.
#[utoipa::path(post, path = "/api/v1/payments/{id}/apply", tag = "payments", params(("id" = i64, Path)), request_body = Option<ApplyIn>,
    responses((status = 200, body = PaymentOut), (status = 404, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn apply(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Result<Json<PaymentOut>, ApiError> {
    let id = path_id(&id)?;
    let b: ApplyIn = if body.iter().all(u8::is_ascii_whitespace) {
        ApplyIn::default()
    } else {
        serde_json::from_slice(&body)
            .map_err(|e| ApiError::bad_request(format!("invalid JSON body: {e}")))?
    };
    let wanted: Vec<(i64, String)> = b
        .allocations
        .into_iter()
        .map(|x| (x.invoice_id, x.amount))
        .collect();
    payments::apply_credit(&s.app, &a, id, &wanted).await?;
    Ok(Json(one(&s, &a, id).await?))
}
