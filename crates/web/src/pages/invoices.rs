//! Invoice pages: the list, an invoice with issue and void, and making proforma and commercial
//! invoices from quotes and sales orders.

use super::quotes::money;
use super::{Pager, parse_id, render, render_status};
use crate::AppState;
use crate::error::WebError;
use crate::form::FormData;
use crate::layout::Layout;
use crate::session::{PageUser, PostForm};
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use leadledger_app::AppError;
use leadledger_app::invoices::{self, InvoiceView};
use leadledger_app::store::invoices::InvoiceFilter;
use leadledger_domain::page::PageRequest;

#[derive(Template)]
#[template(path = "invoices/index.html")]
struct IndexPage {
    l: Layout,
    items: Vec<InvoiceView>,
    pager: Pager,
}

impl IndexPage {
    fn total(&self, v: &InvoiceView) -> String {
        money(&v.totals.total)
    }
}

pub async fn index(
    State(s): State<AppState>,
    u: PageUser,
    RawQuery(q): RawQuery,
) -> Result<Response, WebError> {
    let params = super::query_pairs(&q);
    let form = FormData::from_pairs(params.clone());
    let page = PageRequest::parse(Some(form.get("page")), None)
        .map_err(|(_, e)| WebError::BadRequest(e.message))?;
    let r = invoices::list(&s.app, u.actor(), InvoiceFilter::default(), page).await?;
    let pager = Pager::new(r.page, r.pages(), r.total, &params);
    Ok(render(&IndexPage {
        l: Layout::new(&u, "invoices", u.lang.t("invoices.title")),
        items: r.items,
        pager,
    }))
}

#[derive(Template)]
#[template(path = "invoices/show.html")]
struct ShowPage {
    l: Layout,
    v: InvoiceView,
    lines: Vec<(String, String, String, String)>,
    total: String,
    error: Option<String>,
}

impl ShowPage {
    fn open(&self) -> String {
        let c = self.v.snapshot.currency;
        let open = if self.v.row.status == "void" {
            0
        } else {
            self.v.row.total_minor - self.v.row.paid_minor
        };
        money(&leadledger_domain::money::Money::new(
            rust_decimal::Decimal::new(open, c.minor_units()),
            c,
        ))
    }
}

async fn show_page(
    s: &AppState,
    u: &PageUser,
    id: i64,
    error: Option<String>,
) -> Result<ShowPage, WebError> {
    let v = invoices::get(&s.app, u.actor(), id).await?;
    let c = v.snapshot.currency;
    let lines = v
        .snapshot
        .lines
        .iter()
        .zip(v.totals.lines.iter())
        .map(|(l, a)| {
            (
                l.label().to_string(),
                format!("{} {}", l.quantity().value().normalize(), l.unit()),
                format!("{} {}", c.code(), l.unit_price().value().normalize()),
                money(a),
            )
        })
        .collect();
    let total = money(&v.totals.total);
    let title = v
        .row
        .number
        .clone()
        .unwrap_or_else(|| u.lang.t("invoices.draft").to_string());
    Ok(ShowPage {
        l: Layout::new(u, "invoices", title),
        v,
        lines,
        total,
        error,
    })
}

pub async fn show(
    State(s): State<AppState>,
    u: PageUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    Ok(render(&show_page(&s, &u, parse_id(&id)?, None).await?))
}

async fn outcome(
    s: &AppState,
    p: &PostForm,
    id: i64,
    r: leadledger_app::Result<()>,
) -> Result<Response, WebError> {
    match r {
        Ok(()) => Ok(Redirect::to(&format!("/invoices/{id}?flash=saved")).into_response()),
        Err(AppError::Invalid(e)) => {
            let msg =
                e.0.values()
                    .map(|v| crate::error::translate_invalid(p.user.lang, v.code, &v.message))
                    .collect::<Vec<_>>()
                    .join("; ");
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &show_page(s, &p.user, id, Some(msg)).await?,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn issue(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let r = invoices::issue(&s.app, p.user.actor(), id, None)
        .await
        .map(|_| ());
    outcome(&s, &p, id, r).await
}

/// Records a payment against this invoice; what exceeds its open amount is held as credit.
pub async fn pay(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let v = invoices::get(&s.app, p.user.actor(), id).await?;
    let f = &p.form;
    let open = rust_decimal::Decimal::new(
        v.row.total_minor - v.row.paid_minor,
        v.snapshot.currency.minor_units(),
    );
    let settled = f
        .get("received")
        .parse::<rust_decimal::Decimal>()
        .ok()
        .map(|r| {
            r + f
                .get("bank_charges")
                .parse::<rust_decimal::Decimal>()
                .unwrap_or_default()
        });
    let allocations = match settled {
        Some(x) if x > rust_decimal::Decimal::ZERO => vec![(id, x.min(open).to_string())],
        _ => vec![],
    };
    let d = leadledger_app::payments::PaymentDraft {
        customer_id: Some(v.row.customer_id),
        currency: v.snapshot.currency.code().into(),
        received: f.get("received").into(),
        bank_charges: f.get("bank_charges").into(),
        date: f.get("date").into(),
        rate: f.get("rate").into(),
        reference: f.get("reference").into(),
        allocations,
    };
    let r = leadledger_app::payments::record(&s.app, p.user.actor(), &d)
        .await
        .map(|_| ());
    outcome(&s, &p, id, r).await
}

pub async fn void(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let r = invoices::void(&s.app, p.user.actor(), id, p.form.get("reason")).await;
    outcome(&s, &p, id, r).await
}

/// A proforma from a quote (`/quotes/{id}/proforma`) or an order (`/orders/{id}/proforma`).
pub async fn proforma_from_quote(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let id = invoices::proforma(&s.app, p.user.actor(), Some(parse_id(&id)?), None)
        .await
        .map_err(bad)?;
    Ok(Redirect::to(&format!("/invoices/{id}")).into_response())
}

pub async fn proforma_from_order(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let id = invoices::proforma(&s.app, p.user.actor(), None, Some(parse_id(&id)?))
        .await
        .map_err(bad)?;
    Ok(Redirect::to(&format!("/invoices/{id}")).into_response())
}

pub async fn commercial(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let oid = parse_id(&id)?;
    let lines: Vec<(i64, String)> = p
        .form
        .pairs()
        .iter()
        .filter_map(|(k, v)| {
            k.strip_prefix("bill_")
                .and_then(|l| l.parse().ok())
                .map(|l| (l, v.clone()))
        })
        .collect();
    let id = invoices::commercial(&s.app, p.user.actor(), oid, &lines)
        .await
        .map_err(bad)?;
    Ok(Redirect::to(&format!("/invoices/{id}")).into_response())
}

fn bad(e: AppError) -> WebError {
    match e {
        AppError::Invalid(f) => WebError::BadRequest(f.to_string()),
        AppError::Conflict(m) => WebError::BadRequest(m),
        other => other.into(),
    }
}
