//! `/api/v1/invoices`: proforma and commercial invoices, issuing and voiding.

use super::customers::optional_id;
use super::dto::{ErrorOut, InvoiceIn, InvoiceList, InvoiceOut, QuoteLineOut, VoidIn};
use super::{ApiJson, page_of, path_id, query_pairs};
use crate::AppState;
use crate::error::ApiError;
use crate::session::ApiUser;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use leadledger_app::invoices::{self, InvoiceView};
use leadledger_app::store::invoices::InvoiceFilter;
use leadledger_domain::{FieldErrors, Invalid};
use rust_decimal::Decimal;

pub fn out(v: InvoiceView) -> InvoiceOut {
    let c = v.snapshot.currency;
    let dp = c.minor_units();
    let t = &v.totals;
    let lines = v
        .snapshot
        .lines
        .iter()
        .zip(t.lines.iter())
        .map(|(l, a)| QuoteLineOut {
            product_id: l.product_id(),
            sku: l.sku().map(String::from),
            description: l.description().map(String::from),
            quantity: l.quantity().value().normalize().to_string(),
            unit: l.unit().into(),
            unit_price: l.unit_price().value().normalize().to_string(),
            discount: l.discount().value().normalize().to_string(),
            amount: a.amount.to_string(),
        })
        .collect();
    let open = if v.row.status == "void" {
        Decimal::ZERO
    } else {
        Decimal::new(v.row.total_minor - v.row.paid_minor, dp)
    };
    InvoiceOut {
        id: v.row.id,
        number: v.row.number.clone(),
        kind: v.row.kind.clone(),
        status: v.derived_status.clone(),
        customer_id: v.row.customer_id,
        customer_name: v.row.customer_name.clone(),
        quote_id: v.row.quote_id,
        order_id: v.row.order_id,
        currency: c.code().into(),
        rate: v.row.rate.clone(),
        total: t.total.amount.to_string(),
        base_total: Decimal::new(
            v.row.base_total_minor,
            v.snapshot.rate.base_currency().minor_units(),
        )
        .to_string(),
        open_amount: open.to_string(),
        issue_date: v.row.issue_date.clone(),
        due_date: v.row.due_date.clone(),
        void_reason: v.row.void_reason.clone(),
        lines,
    }
}

#[utoipa::path(get, path = "/api/v1/invoices", tag = "invoices",
    params(("customer_id" = Option<i64>, Query), ("order_id" = Option<i64>, Query), ("kind" = Option<String>, Query), ("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = InvoiceList)))]
pub async fn list(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    RawQuery(q): RawQuery,
) -> Result<Json<InvoiceList>, ApiError> {
    let params = query_pairs(&q)?;
    let page = page_of(&params)?;
    let kind = params
        .iter()
        .find(|(k, v)| k == "kind" && !v.is_empty())
        .map(|(_, v)| v.clone());
    let f = InvoiceFilter {
        customer_id: optional_id(&params, "customer_id")?,
        order_id: optional_id(&params, "order_id")?,
        kind,
        ..Default::default()
    };
    let r = invoices::list(&s.app, &a, f, page).await?;
    Ok(Json(InvoiceList {
        items: r.items.into_iter().map(out).collect(),
        total: r.total,
        page: r.page,
        per_page: r.per_page,
    }))
}

/// Makes a draft: a proforma from `quote_id` or `order_id`, or a commercial invoice from
/// `order_id` with quantities per order line.
#[utoipa::path(post, path = "/api/v1/invoices", tag = "invoices", request_body = InvoiceIn,
    responses((status = 201, body = InvoiceOut), (status = 404, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn create(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    ApiJson(b): ApiJson<InvoiceIn>,
) -> Result<(StatusCode, Json<InvoiceOut>), ApiError> {
    let id = match b.kind.as_str() {
        "proforma" => invoices::proforma(&s.app, &a, b.quote_id, b.order_id).await?,
        "commercial" => {
            let Some(oid) = b.order_id else {
                return Err(ApiError::invalid(&FieldErrors::single(
                    "order_id",
                    Invalid::new("required", "a commercial invoice bills a sales order"),
                )));
            };
            let lines: Vec<(i64, String)> = b
                .lines
                .into_iter()
                .map(|l| (l.line_id, l.quantity))
                .collect();
            invoices::commercial(&s.app, &a, oid, &lines).await?
        }
        _ => {
            return Err(ApiError::invalid(&FieldErrors::single(
                "kind",
                Invalid::new("invalid_invoice_kind", "proforma or commercial"),
            )));
        }
    };
    Ok((
        StatusCode::CREATED,
        Json(out(invoices::get(&s.app, &a, id).await?)),
    ))
}

#[utoipa::path(get, path = "/api/v1/invoices/{id}", tag = "invoices", params(("id" = i64, Path)),
    responses((status = 200, body = InvoiceOut), (status = 404, body = ErrorOut)))]
pub async fn get(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<InvoiceOut>, ApiError> {
    Ok(Json(out(invoices::get(&s.app, &a, path_id(&id)?).await?)))
}

/// Issues a draft with the next gapless number; it cannot be changed afterwards.
#[utoipa::path(post, path = "/api/v1/invoices/{id}/issue", tag = "invoices", params(("id" = i64, Path)),
    responses((status = 200, body = InvoiceOut), (status = 404, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn issue(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<InvoiceOut>, ApiError> {
    let id = path_id(&id)?;
    invoices::issue(&s.app, &a, id, None).await?;
    Ok(Json(out(invoices::get(&s.app, &a, id).await?)))
}

#[utoipa::path(post, path = "/api/v1/invoices/{id}/void", tag = "invoices", params(("id" = i64, Path)), request_body = VoidIn,
    responses((status = 200, body = InvoiceOut), (status = 404, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn void(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<VoidIn>,
) -> Result<Json<InvoiceOut>, ApiError> {
    let id = path_id(&id)?;
    invoices::void(&s.app, &a, id, &b.reason).await?;
    Ok(Json(out(invoices::get(&s.app, &a, id).await?)))
}
