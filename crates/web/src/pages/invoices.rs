//! Invoice pages: the list, an invoice with issue and void, and making proforma and commercial
//! invoices from quotes and sales orders.

use super::quotes::money;
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
use leadledger_app::AppError;
use leadledger_app::invoices::{self, InvoiceSummary, InvoiceView};
use leadledger_app::store::invoices::InvoiceFilter;
use leadledger_domain::money::{Currency, Money, amount_in_words};
use leadledger_domain::page::PageRequest;
use rust_decimal::Decimal;

#[derive(Template)]
#[template(path = "invoices/index.html")]
struct IndexPage {
    l: Layout,
    items: Vec<InvoiceSummary>,
    pager: Pager,
    f: FormState,
}

impl IndexPage {
    fn minor(&self, v: &InvoiceSummary, minor: i64) -> String {
        let c = Currency::parse(&v.row.currency).unwrap_or(Currency::USD);
        money(&Money::new(Decimal::new(minor, c.minor_units()), c))
    }

    fn total(&self, v: &InvoiceSummary) -> String {
        self.minor(v, v.row.total_minor)
    }

    fn open(&self, v: &InvoiceSummary) -> String {
        if v.row.kind == "proforma" {
            return "—".into();
        }
        self.minor(v, v.row.open_minor())
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
    let pick = |k: &str, allowed: &[&str]| {
        let v = form.get(k);
        allowed.contains(&v).then(|| v.to_string())
    };
    let filter = InvoiceFilter {
        kind: pick("kind", &["proforma", "commercial", "credit_note"]),
        status: pick("status", &["draft", "issued", "void"]),
        ..Default::default()
    };
    let r = invoices::summaries(&s.app, u.actor(), filter, page).await?;
    let pager = Pager::new(r.page, r.pages(), r.total, &params);
    Ok(render(&IndexPage {
        l: Layout::new(&u, "invoices", u.lang.t("invoices.title")),
        items: r.items,
        pager,
        f: FormState::from_form(&form),
    }))
}

#[derive(Template)]
#[template(path = "invoices/show.html")]
struct ShowPage {
    l: Layout,
    v: InvoiceView,
    h: invoices::History,
    lines: Vec<(String, String, String, String)>,
    total: String,
    words: String,
    error: Option<String>,
    /// What was typed into the pay, void or credit form when it was refused.
    f: FormState,
    /// Whether the user books payments (finance, managers, admins).
    can_pay: bool,
}

impl ShowPage {
    fn minor(&self, m: &i64) -> String {
        money(&Money::new(
            Decimal::new(*m, self.v.snapshot.currency.minor_units()),
            self.v.snapshot.currency,
        ))
    }

    fn open(&self) -> String {
        self.minor(&self.v.row.open_minor())
    }

    fn can_credit(&self) -> bool {
        self.v.row.kind == "commercial" && self.v.row.status == "issued"
    }

    fn credit_field(&self, i: &usize) -> String {
        format!("credit_{i}")
    }

    fn line_cls(&self, i: &usize) -> &'static str {
        self.f.cls(&format!("lines[{i}].quantity"))
    }
}

async fn show_page(
    s: &AppState,
    u: &PageUser,
    id: i64,
    error: Option<String>,
    f: FormState,
) -> Result<ShowPage, WebError> {
    let v = invoices::get(&s.app, u.actor(), id).await?;
    let h = invoices::history(&s.app, u.actor(), id).await?;
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
    let words = amount_in_words(v.totals.total);
    let title = v
        .row
        .number
        .clone()
        .unwrap_or_else(|| u.lang.t("invoices.draft").to_string());
    Ok(ShowPage {
        l: Layout::new(u, "invoices", title),
        v,
        h,
        lines,
        total,
        words,
        error,
        f,
        can_pay: u.actor().can_book_payments(),
    })
}

pub async fn show(
    State(s): State<AppState>,
    u: PageUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    Ok(render(
        &show_page(&s, &u, parse_id(&id)?, None, FormState::default()).await?,
    ))
}

/// Back to the invoice (`to`, when the action made another document) or the invoice page again
/// with the form as typed and its errors marked.
async fn outcome(
    s: &AppState,
    p: &PostForm,
    id: i64,
    r: leadledger_app::Result<Option<i64>>,
) -> Result<Response, WebError> {
    match r {
        Ok(to) => Ok(
            Redirect::to(&format!("/invoices/{}?flash=saved", to.unwrap_or(id))).into_response(),
        ),
        Err(AppError::Invalid(e)) => {
            let msg = crate::error::translate_all(p.user.lang, &e);
            let f = FormState::from_form(&p.form).with_errors(p.user.lang, &e);
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &show_page(s, &p.user, id, Some(msg), f).await?,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// A draft credit note for this commercial invoice, from returned quantities and/or an amount.
pub async fn credit(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let f = &p.form;
    let d = leadledger_app::credit_notes::CreditDraft {
        reason: f.get("reason").into(),
        lines: f
            .pairs()
            .iter()
            .filter_map(|(k, v)| {
                k.strip_prefix("credit_")
                    .and_then(|i| i.parse().ok())
                    .map(|i| (i, v.clone()))
            })
            .collect(),
        adjustment_description: f.get("adjustment_description").into(),
        adjustment_amount: f.get("adjustment_amount").into(),
    };
    let r = leadledger_app::credit_notes::create(&s.app, p.user.actor(), id, &d)
        .await
        .map(Some);
    outcome(&s, &p, id, r).await
}

/// Deletes a draft and goes back to the list.
pub async fn delete(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    match invoices::delete_draft(&s.app, p.user.actor(), id).await {
        Ok(()) => Ok(Redirect::to("/invoices?flash=deleted").into_response()),
        Err(e) => outcome(&s, &p, id, Err(e)).await,
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
        .map(|_| None);
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
    let open = Decimal::new(v.row.open_minor(), v.snapshot.currency.minor_units());
    let settled = f
        .get("received")
        .parse::<Decimal>()
        .ok()
        .map(|r| r + f.get("bank_charges").parse::<Decimal>().unwrap_or_default());
    // A proforma takes a deposit, held as an advance; a commercial invoice takes the payment
    // up to what is open and the rest becomes credit.
    let deposit = v.row.kind == "proforma";
    let allocations = match settled {
        Some(x) if x > Decimal::ZERO && !deposit => vec![(id, x.min(open).to_string())],
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
        against_invoice_id: deposit.then_some(id),
    };
    let r = leadledger_app::payments::record(&s.app, p.user.actor(), &d)
        .await
        .map(|_| None);
    outcome(&s, &p, id, r).await
}

pub async fn void(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let r = invoices::void(&s.app, p.user.actor(), id, p.form.get("void_reason"))
        .await
        .map(|_| None);
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
