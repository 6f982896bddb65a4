//! `/api/v1/invoices`: proforma and commercial invoices, issuing and voiding.

use super::customers::optional_id;
use super::dto::{
    AgingOut, CreditNoteIn, CustomerBalanceOut, ErrorOut, InvoiceIn, InvoiceList, InvoiceOut,
    OpenItemOut, QuoteLineOut, ReceivablesOut, VoidIn,
};
use super::{ApiJson, page_of, path_id, query_pairs};
use crate::AppState;
use crate::error::ApiError;
use crate::session::ApiUser;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use leadledger_app::invoices::{self, InvoiceView};
use leadledger_app::store::invoices::InvoiceFilter;
use leadledger_domain::documents::aging::AgingRow;
use leadledger_domain::money::{Currency, amount_in_words};
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
        Decimal::new(v.row.open_minor(), dp)
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
        credits_invoice_id: v.row.credits_invoice_id,
        credit_reason: v.row.credit_reason.clone(),
        credited: Decimal::new(v.row.credited_minor, dp).to_string(),
        amount_in_words: amount_in_words(t.total),
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

/// Makes a draft credit note correcting an issued commercial invoice. Issue it like any invoice;
/// it then takes its amount off the invoice's open amount (the rest is owed to the buyer).
#[utoipa::path(post, path = "/api/v1/invoices/{id}/credit-notes", tag = "invoices", params(("id" = i64, Path)), request_body = CreditNoteIn,
    responses((status = 201, body = InvoiceOut), (status = 404, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn credit_note(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<CreditNoteIn>,
) -> Result<(StatusCode, Json<InvoiceOut>), ApiError> {
    let d = leadledger_app::credit_notes::CreditDraft {
        reason: b.reason,
        lines: b.lines.into_iter().map(|l| (l.line, l.quantity)).collect(),
        adjustment_description: b.adjustment_description,
        adjustment_amount: b.adjustment_amount,
    };
    let cn = leadledger_app::credit_notes::create(&s.app, &a, path_id(&id)?, &d).await?;
    Ok((
        StatusCode::CREATED,
        Json(out(invoices::get(&s.app, &a, cn).await?)),
    ))
}

/// Deletes a draft; an issued invoice is voided instead.
#[utoipa::path(delete, path = "/api/v1/invoices/{id}", tag = "invoices", params(("id" = i64, Path)),
    responses((status = 204), (status = 404, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn delete(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    invoices::delete_draft(&s.app, &a, path_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

fn aging_out(r: &AgingRow) -> AgingOut {
    AgingOut {
        currency: r.currency.code().into(),
        not_due: r.not_due.amount.to_string(),
        days_1_30: r.days_1_30.amount.to_string(),
        days_31_60: r.days_31_60.amount.to_string(),
        days_61_90: r.days_61_90.amount.to_string(),
        over_90: r.over_90.amount.to_string(),
        total: r.total.amount.to_string(),
    }
}

/// Receivables of every customer the caller may see, aged by due date as of `as_of` (today by
/// default), per currency, with the open items behind each balance.
#[utoipa::path(get, path = "/api/v1/receivables", tag = "invoices",
    params(("as_of" = Option<String>, Query), ("customer_id" = Option<i64>, Query)),
    responses((status = 200, body = ReceivablesOut), (status = 422, body = ErrorOut)))]
pub async fn receivables(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    RawQuery(q): RawQuery,
) -> Result<Json<ReceivablesOut>, ApiError> {
    let params = query_pairs(&q)?;
    let as_of = match params
        .iter()
        .find(|(k, _)| k == "as_of")
        .map(|(_, v)| v.trim())
    {
        None | Some("") => chrono::Utc::now().date_naive(),
        Some(d) => d.parse().map_err(|_| {
            ApiError::invalid(&FieldErrors::single(
                "as_of",
                Invalid::new("invalid_date", "a date like 2026-12-31"),
            ))
        })?,
    };
    let customer = optional_id(&params, "customer_id")?;
    let r = leadledger_app::receivables::report(&s.app, &a, customer, as_of).await?;
    Ok(Json(ReceivablesOut {
        as_of: r.as_of.to_string(),
        totals: r.totals.iter().map(aging_out).collect(),
        customers: r
            .customers
            .iter()
            .map(|c| CustomerBalanceOut {
                customer_id: c.customer_id,
                customer_name: c.customer_name.clone(),
                balances: c.rows.iter().map(aging_out).collect(),
                items: c
                    .items
                    .iter()
                    .map(|i| {
                        let dp = Currency::parse(&i.currency)
                            .map(|c| c.minor_units())
                            .unwrap_or(2);
                        OpenItemOut {
                            source: i.source.clone(),
                            id: i.document_id,
                            number: i.number.clone(),
                            currency: i.currency.clone(),
                            open: Decimal::new(i.open_minor, dp).to_string(),
                            due_date: i.due_date.clone(),
                        }
                    })
                    .collect(),
            })
            .collect(),
    }))
}
