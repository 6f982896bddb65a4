//! Payments received: the list, recording one across several invoices, and a payment with its
//! allocations, exchange gains and what is left to apply.

use super::{Pager, parse_id, render, render_status};
use crate::AppState;
use crate::error::WebError;
use crate::form::{FormData, FormState};
use crate::layout::Layout;
use crate::session::{PageUser, PostForm};
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use leadledger_app::payments::{self, PaymentDraft};
use leadledger_app::store::payments::{AllocationRow, PaymentFilter, PaymentRow};
use leadledger_app::store::receivables::OpenItem;
use leadledger_app::{AppError, receivables};
use leadledger_domain::money::{Currency, format_amount};
use leadledger_domain::page::PageRequest;
use rust_decimal::Decimal;

#[derive(Template)]
#[template(path = "payments/index.html")]
struct IndexPage {
    l: Layout,
    items: Vec<PaymentRow>,
    pager: Pager,
    base: Currency,
}

impl IndexPage {
    fn amount(&self, minor: &i64, currency: &str) -> String {
        let c = Currency::parse(currency).unwrap_or(Currency::USD);
        format!(
            "{} {}",
            c.code(),
            format_amount(Decimal::new(*minor, c.minor_units()), c)
        )
    }

    fn unallocated(&self, p: &PaymentRow) -> String {
        self.amount(&(p.amount_minor - p.allocated_minor), &p.currency)
    }

    fn base_amount(&self, minor: &i64) -> String {
        format!(
            "{} {}",
            self.base.code(),
            format_amount(Decimal::new(*minor, self.base.minor_units()), self.base)
        )
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
    let r = payments::list(&s.app, u.actor(), PaymentFilter::default(), page).await?;
    let pager = Pager::new(r.page, r.pages(), r.total, &params);
    let base = leadledger_app::company::base_currency(&s.app).await?;
    Ok(render(&IndexPage {
        l: Layout::new(&u, "payments", u.lang.t("payments.title")),
        items: r.items,
        pager,
        base,
    }))
}

/// The payment form: the customer's open invoices in every currency, each with an amount to
/// allocate; left empty, the payment fills the oldest first and the rest is held as credit.
#[derive(Template)]
#[template(path = "payments/new.html")]
struct NewPage {
    l: Layout,
    f: FormState,
    customer_name: String,
    open: Vec<OpenItem>,
}

impl NewPage {
    fn open_amount(&self, i: &OpenItem) -> String {
        minor_text(i.open_minor, &i.currency)
    }

    fn alloc_field(&self, i: &OpenItem) -> String {
        format!("alloc_{}", i.document_id)
    }

    fn alloc_error(&self, i: &OpenItem) -> Option<&str> {
        self.f.err(&format!("allocations.{}", i.document_id))
    }
}

fn minor_text(minor: i64, currency: &str) -> String {
    let c = Currency::parse(currency).unwrap_or(Currency::USD);
    format!(
        "{} {}",
        c.code(),
        format_amount(Decimal::new(minor, c.minor_units()), c)
    )
}

/// Open commercial invoices of a customer (none when the customer is not known or not visible).
async fn open_invoices(s: &AppState, u: &PageUser, customer: Option<i64>) -> Vec<OpenItem> {
    let Some(id) = customer else {
        return Vec::new();
    };
    let today = chrono::Utc::now().date_naive();
    receivables::report(&s.app, u.actor(), Some(id), today)
        .await
        .map(|r| {
            r.customers
                .into_iter()
                .flat_map(|c| c.items)
                .filter(|i| i.source == "invoice")
                .collect()
        })
        .unwrap_or_default()
}

async fn new_page(s: &AppState, u: &PageUser, f: FormState) -> Result<NewPage, WebError> {
    let customer = f.v("customer_id").trim().parse::<i64>().ok();
    let customer_name = match customer {
        Some(id) => leadledger_app::customers::get(&s.app, u.actor(), id)
            .await
            .map(|d| d.customer.row.name)
            .unwrap_or_default(),
        None => String::new(),
    };
    let open = open_invoices(s, u, customer).await;
    Ok(NewPage {
        l: Layout::new(u, "payments", u.lang.t("payments.record")),
        f,
        customer_name,
        open,
    })
}

pub async fn new_form(
    State(s): State<AppState>,
    u: PageUser,
    RawQuery(q): RawQuery,
) -> Result<Response, WebError> {
    let form = FormData::from_pairs(super::query_pairs(&q));
    let mut f = FormState::from_form(&form);
    if f.v("currency").is_empty() {
        // The currency of the oldest open invoice, else the company's base currency.
        let open = open_invoices(&s, &u, f.v("customer_id").trim().parse().ok()).await;
        let c = match open.first() {
            Some(i) => i.currency.clone(),
            None => leadledger_app::company::base_currency(&s.app)
                .await?
                .code()
                .to_string(),
        };
        f.set("currency", c);
    }
    Ok(render(&new_page(&s, &u, f).await?))
}

fn allocations_of(f: &FormData) -> Vec<(i64, String)> {
    f.pairs()
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .filter_map(|(k, v)| {
            k.strip_prefix("alloc_")
                .and_then(|i| i.parse().ok())
                .map(|i| (i, v.clone()))
        })
        .collect()
}

pub async fn create(State(s): State<AppState>, p: PostForm) -> Result<Response, WebError> {
    let f = &p.form;
    let customer_id = match f.get("customer_id").trim() {
        "" => None,
        v => Some(v.parse::<i64>().map_err(|_| {
            WebError::BadRequest(format!("customer_id: {v:?} is not a customer number"))
        })?),
    };
    let d = PaymentDraft {
        customer_id,
        currency: f.get("currency").into(),
        received: f.get("received").into(),
        bank_charges: f.get("bank_charges").into(),
        date: f.get("date").into(),
        rate: f.get("rate").into(),
        reference: f.get("reference").into(),
        allocations: allocations_of(f),
        against_invoice_id: None,
    };
    match payments::record(&s.app, p.user.actor(), &d).await {
        Ok(id) => Ok(Redirect::to(&format!("/payments/{id}?flash=saved")).into_response()),
        Err(AppError::Invalid(e)) => {
            let f = FormState::from_form(f).with_errors(p.user.lang, &e);
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &new_page(&s, &p.user, f).await?,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// One payment: what was received, the charges, the rate, each allocation with its realised
/// exchange gain or loss, and what is left to apply.
#[derive(Template)]
#[template(path = "payments/show.html")]
struct ShowPage {
    l: Layout,
    p: PaymentRow,
    allocations: Vec<AllocationRow>,
    open: Vec<OpenItem>,
    base: Currency,
    f: FormState,
    error: Option<String>,
}

impl ShowPage {
    fn amount(&self, minor: &i64) -> String {
        minor_text(*minor, &self.p.currency)
    }

    fn base_amount(&self, minor: &i64) -> String {
        minor_text(*minor, self.base.code())
    }

    fn open_amount(&self, i: &OpenItem) -> String {
        minor_text(i.open_minor, &i.currency)
    }

    fn alloc_field(&self, i: &OpenItem) -> String {
        format!("alloc_{}", i.document_id)
    }

    fn alloc_error(&self, i: &OpenItem) -> Option<&str> {
        self.f.err(&format!("allocations.{}", i.document_id))
    }

    fn left(&self) -> i64 {
        self.p.amount_minor - self.p.allocated_minor
    }
}

async fn show_page(
    s: &AppState,
    u: &PageUser,
    id: i64,
    f: FormState,
    error: Option<String>,
) -> Result<ShowPage, WebError> {
    let (p, allocations) = payments::get(&s.app, u.actor(), id).await?;
    let open = open_invoices(s, u, Some(p.customer_id))
        .await
        .into_iter()
        .filter(|i| i.currency == p.currency)
        .collect();
    Ok(ShowPage {
        l: Layout::new(
            u,
            "payments",
            format!("{} {}", u.lang.t("payments.payment"), p.received_date),
        ),
        base: leadledger_app::company::base_currency(&s.app).await?,
        p,
        allocations,
        open,
        f,
        error,
    })
}

pub async fn show(
    State(s): State<AppState>,
    u: PageUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    Ok(render(
        &show_page(&s, &u, parse_id(&id)?, FormState::default(), None).await?,
    ))
}

/// Applies what is left of the payment: as typed per invoice, or oldest first.
pub async fn apply(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    match payments::apply_credit(&s.app, p.user.actor(), id, &allocations_of(&p.form)).await {
        Ok(()) => Ok(Redirect::to(&format!("/payments/{id}?flash=saved")).into_response()),
        Err(AppError::Invalid(e)) => {
            let msg = crate::error::translate_all(p.user.lang, &e);
            let f = FormState::from_form(&p.form).with_errors(p.user.lang, &e);
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &show_page(&s, &p.user, id, f, Some(msg)).await?,
            ))
        }
        Err(e) => Err(e.into()),
    }
}
