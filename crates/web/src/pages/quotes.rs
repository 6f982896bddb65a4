//! Quote pages: the list, the form (lines, charges, terms), the quote with its events and
//! revisions, revising with a reason, and the diff between two revisions.

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
use leadledger_app::quotes::{self, QuoteDraft, QuoteView};
use leadledger_app::store::quotes::{QuoteFilter, QuoteRow};
use leadledger_app::{AppError, customers};
use leadledger_domain::documents::lines::LineDraft;
use leadledger_domain::documents::quote::{Change, QuoteEvent, QuoteStatus};
use leadledger_domain::incoterms::Incoterm;
use leadledger_domain::money::{Money, format_amount};
use leadledger_domain::page::PageRequest;

/// Line rows offered by the form; more lines: save, then edit again.
const FORM_LINES: usize = 10;

pub fn money(m: &Money) -> String {
    format!(
        "{} {}",
        m.currency.code(),
        format_amount(m.amount, m.currency)
    )
}

#[derive(Template)]
#[template(path = "quotes/index.html")]
struct IndexPage {
    l: Layout,
    f: FormState,
    items: Vec<QuoteRow>,
    pager: Pager,
    statuses: Vec<&'static str>,
}

impl IndexPage {
    fn total(&self, r: &QuoteRow) -> String {
        let c = leadledger_domain::money::Currency::parse(&r.currency)
            .unwrap_or(leadledger_domain::money::Currency::USD);
        let amount = rust_decimal::Decimal::new(r.total_minor, c.minor_units());
        format!("{} {}", c.code(), format_amount(amount, c))
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
    let status = match form.get("status") {
        "" => None,
        st => Some(
            QuoteStatus::parse(st)
                .map_err(|e| WebError::BadRequest(e.message))?
                .as_str()
                .to_string(),
        ),
    };
    let f = QuoteFilter {
        status,
        q: Some(form.get("q").to_string()).filter(|v| !v.trim().is_empty()),
        latest_only: form.get("all") != "1",
        ..Default::default()
    };
    let r = quotes::list(&s.app, u.actor(), f, page).await?;
    let pager = Pager::new(r.page, r.pages(), r.total, &params);
    Ok(render(&IndexPage {
        l: Layout::new(&u, "quotes", u.lang.t("quotes.title")),
        f: FormState::from_form(&form),
        items: r.items,
        pager,
        statuses: QuoteStatus::ALL.iter().map(|s| s.as_str()).collect(),
    }))
}

#[derive(Template)]
#[template(path = "quotes/form.html")]
struct FormPage {
    l: Layout,
    f: FormState,
    /// Where the form posts.
    action: String,
    customer_name: String,
    revising: bool,
    rows: Vec<usize>,
    incoterms: Vec<&'static str>,
}

fn state_of(d: &QuoteDraft) -> FormState {
    let mut f = FormState::default();
    f.set(
        "customer_id",
        d.customer_id.map(|c| c.to_string()).unwrap_or_default(),
    );
    for (k, v) in [
        ("currency", &d.currency),
        ("rate", &d.rate),
        ("incoterm", &d.incoterm),
        ("place", &d.place),
        ("payment_terms", &d.payment_terms),
        ("valid_until", &d.valid_until),
        ("lead_time", &d.lead_time),
        ("freight", &d.freight),
        ("insurance", &d.insurance),
        ("other_charges", &d.other_charges),
        ("discount", &d.discount),
        ("notes", &d.notes),
    ] {
        f.set(k, v.clone());
    }
    if d.place_is_port {
        f.set("place_is_port", "1");
    }
    for (i, l) in d.lines.iter().enumerate() {
        for (k, v) in [
            ("sku", &l.sku),
            ("description", &l.description),
            ("quantity", &l.quantity),
            ("unit", &l.unit),
            ("unit_price", &l.unit_price),
            ("discount", &l.discount),
        ] {
            f.set(&format!("lines[{i}].{k}"), v.clone());
        }
    }
    f
}

fn draft_from(form: &FormData) -> QuoteDraft {
    let g = |k: &str| form.get(k).to_string();
    let lines = (0..FORM_LINES.max(form.pairs().len()))
        .map(|i| LineDraft {
            product_id: g(&format!("lines[{i}].product_id")),
            sku: g(&format!("lines[{i}].sku")),
            description: g(&format!("lines[{i}].description")),
            quantity: g(&format!("lines[{i}].quantity")),
            unit: g(&format!("lines[{i}].unit")),
            unit_price: g(&format!("lines[{i}].unit_price")),
            discount: g(&format!("lines[{i}].discount")),
        })
        .collect::<Vec<_>>();
    let last = lines.iter().rposition(|l| {
        ![&l.sku, &l.description, &l.quantity, &l.unit_price]
            .iter()
            .all(|s| s.trim().is_empty())
    });
    QuoteDraft {
        customer_id: form
            .get("customer_id")
            .trim()
            .trim_start_matches('#')
            .parse()
            .ok(),
        contact_id: None,
        currency: g("currency"),
        rate: g("rate"),
        incoterm: g("incoterm"),
        place: g("place"),
        place_is_port: form.has("place_is_port"),
        payment_terms: g("payment_terms"),
        valid_until: g("valid_until"),
        lead_time: g("lead_time"),
        lines: lines
            .into_iter()
            .take(last.map(|i| i + 1).unwrap_or(0))
            .collect(),
        freight: g("freight"),
        insurance: g("insurance"),
        other_charges: g("other_charges"),
        discount: g("discount"),
        notes: g("notes"),
    }
}

async fn form_page(
    s: &AppState,
    u: &PageUser,
    f: FormState,
    action: String,
    revising: bool,
) -> Result<FormPage, WebError> {
    let customer_name = match f.v("customer_id").parse::<i64>() {
        Ok(id) => customers::get(&s.app, u.actor(), id)
            .await
            .map(|d| d.customer.row.name)
            .unwrap_or_default(),
        Err(_) => String::new(),
    };
    let used = (0..200)
        .take_while(|i| {
            !f.v(&format!("lines[{i}].quantity")).is_empty()
                || !f.v(&format!("lines[{i}].sku")).is_empty()
        })
        .count();
    // The same form types a sales order made directly.
    let (nav, title) = if action == ORDER_ACTION {
        ("orders", u.lang.t("orders.new"))
    } else if revising {
        ("quotes", u.lang.t("quotes.revise"))
    } else {
        ("quotes", u.lang.t("quotes.new"))
    };
    Ok(FormPage {
        l: Layout::new(u, nav, title),
        f,
        action,
        customer_name,
        revising,
        rows: (0..(used + 3).max(FORM_LINES)).collect(),
        incoterms: Incoterm::ALL.iter().map(|i| i.code()).collect(),
    })
}

pub async fn new_form(
    State(s): State<AppState>,
    u: PageUser,
    RawQuery(q): RawQuery,
) -> Result<Response, WebError> {
    let params = super::query_pairs(&q);
    let get = |k: &str| {
        params
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let copy = get("copy").parse::<i64>();
    let from_order = get("from_order").parse::<i64>();
    let draft = match (copy, from_order) {
        (Ok(id), _) => {
            let mut d = quotes::draft_of(&quotes::get(&s.app, u.actor(), id).await?);
            d.rate = String::new();
            d
        }
        // A repeat order: the previous order's lines and terms at today's rate.
        (_, Ok(id)) => {
            let o = leadledger_app::orders::get(&s.app, u.actor(), id).await?;
            let mut d = quotes::draft_of_snapshot(o.row.customer_id, &o.snapshot);
            d.rate = String::new();
            d
        }
        _ => QuoteDraft {
            customer_id: get("customer_id").parse().ok(),
            currency: "USD".into(),
            incoterm: "FOB".into(),
            place: "Ningbo".into(),
            payment_terms: "30% T/T deposit, 70% before shipment".into(),
            lead_time: "30 days".into(),
            ..Default::default()
        },
    };
    Ok(render(
        &form_page(&s, &u, state_of(&draft), "/quotes".into(), false).await?,
    ))
}

async fn refused(
    s: &AppState,
    p: &PostForm,
    action: String,
    revising: bool,
    e: AppError,
) -> Result<Response, WebError> {
    match e {
        AppError::Invalid(errs) => {
            let f = FormState::from_form(&p.form).with_errors(p.user.lang, &errs);
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(s, &p.user, f, action, revising).await?,
            ))
        }
        AppError::NotFound if !revising => {
            let mut f = FormState::from_form(&p.form);
            f.add_error("customer_id", p.user.lang.t("merge.not_found").to_string());
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(s, &p.user, f, action, revising).await?,
            ))
        }
        other => Err(other.into()),
    }
}

/// Where the quote form posts when it types a sales order directly.
const ORDER_ACTION: &str = "/orders";

/// A sales order typed directly, on the quote form.
pub async fn new_order_form(
    State(s): State<AppState>,
    u: PageUser,
    RawQuery(q): RawQuery,
) -> Result<Response, WebError> {
    let mut f = FormState::from_form(&FormData::from_pairs(super::query_pairs(&q)));
    f.set("place_is_port", "1");
    Ok(render(
        &form_page(&s, &u, f, ORDER_ACTION.into(), false).await?,
    ))
}

pub async fn create_order(State(s): State<AppState>, p: PostForm) -> Result<Response, WebError> {
    let mut d = draft_from(&p.form);
    quotes::complete_lines(&s.app, &mut d).await?;
    match leadledger_app::orders::create_direct(&s.app, p.user.actor(), &d).await {
        Ok(id) => Ok(Redirect::to(&format!("/orders/{id}?flash=saved")).into_response()),
        Err(e) => refused(&s, &p, ORDER_ACTION.into(), false, e).await,
    }
}

pub async fn create(State(s): State<AppState>, p: PostForm) -> Result<Response, WebError> {
    let mut d = draft_from(&p.form);
    quotes::complete_lines(&s.app, &mut d).await?;
    match quotes::create(&s.app, p.user.actor(), &d).await {
        Ok(id) => Ok(Redirect::to(&format!("/quotes/{id}?flash=saved")).into_response()),
        Err(e) => refused(&s, &p, "/quotes".into(), false, e).await,
    }
}

#[derive(Template)]
#[template(path = "quotes/show.html")]
struct ShowPage {
    l: Layout,
    q: QuoteView,
    can_edit: bool,
    lines: Vec<(String, String, String, String, String, String)>,
    totals: Vec<(&'static str, String)>,
    previous: Option<i64>,
    error: Option<String>,
    shipping: Option<leadledger_app::shipping::ShippingPlan>,
    /// Today's rate and its move in percent, when it moved past the re-quote threshold.
    drift: Option<(String, String)>,
    /// What the quoted prices earn (base currency, margin on price %), when costs are known.
    margin: Option<(String, String)>,
}

async fn show_page(
    s: &AppState,
    u: &PageUser,
    id: i64,
    error: Option<String>,
) -> Result<ShowPage, WebError> {
    let q = quotes::get(&s.app, u.actor(), id).await?;
    let can_edit = customers::get(&s.app, u.actor(), q.row.customer_id)
        .await?
        .can_edit;
    let t = &q.totals;
    let c = q.snapshot.currency;
    let lines = q
        .snapshot
        .lines
        .iter()
        .zip(t.lines.iter())
        .map(|(l, a)| {
            (
                l.sku().unwrap_or("").to_string(),
                l.description().unwrap_or("").to_string(),
                format!(
                    "{} {}",
                    leadledger_domain::money::format_decimal(l.quantity().value().normalize()),
                    l.unit()
                ),
                format!("{} {}", c.code(), l.unit_price().value().normalize()),
                if l.discount().value().is_zero() {
                    String::new()
                } else {
                    format!("{}%", l.discount().value().normalize())
                },
                money(a),
            )
        })
        .collect();
    let mut totals = vec![("quotes.subtotal", money(&t.subtotal))];
    for (k, m) in [
        ("quotes.freight", &t.freight),
        ("quotes.insurance", &t.insurance),
        ("quotes.other_charges", &t.other_charges),
    ] {
        if !m.amount.is_zero() {
            totals.push((k, money(m)));
        }
    }
    if !t.discount.amount.is_zero() {
        totals.push(("quotes.discount", format!("− {}", money(&t.discount))));
    }
    totals.push(("quotes.total", money(&t.total)));
    if let Ok(b) = t.base_total(&q.snapshot.rate)
        && b.currency != c
    {
        totals.push(("quotes.base_total", money(&b)));
    }
    let previous = q
        .revisions
        .iter()
        .position(|r| r.0 == id)
        .filter(|i| *i > 0)
        .map(|i| q.revisions[i - 1].0);
    let shipping = leadledger_app::shipping::shipping_plan(&s.app, &q).await?;
    let drift = quotes::rate_drift(&s.app, &q, s.app.settings.requote_threshold_percent)
        .await?
        .map(|(rate, pct)| (rate.normalize().to_string(), format!("{pct:+}")));
    let margin = super::pricing::summary(s, &q).await.map(|(m, p)| {
        (
            money(&m),
            p.map(|p| format!("{}%", p.normalize())).unwrap_or_default(),
        )
    });
    Ok(ShowPage {
        shipping,
        drift,
        margin,
        l: Layout::new(
            u,
            "quotes",
            format!("{} rev. {}", q.row.number, q.row.revision),
        ),
        q,
        can_edit,
        lines,
        totals,
        previous,
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

pub async fn edit_form(
    State(s): State<AppState>,
    u: PageUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let q = quotes::get(&s.app, u.actor(), id).await?;
    let revising = q.row.status != "draft";
    let action = if revising {
        format!("/quotes/{id}/revise")
    } else {
        format!("/quotes/{id}")
    };
    let mut f = state_of(&quotes::draft_of(&q));
    f.set("valid_until", q.snapshot.valid_until.to_string());
    Ok(render(&form_page(&s, &u, f, action, revising).await?))
}

pub async fn update(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let mut d = draft_from(&p.form);
    quotes::complete_lines(&s.app, &mut d).await?;
    match quotes::update_draft(&s.app, p.user.actor(), id, &d).await {
        Ok(()) => Ok(Redirect::to(&format!("/quotes/{id}?flash=saved")).into_response()),
        Err(e) => refused(&s, &p, format!("/quotes/{id}"), false, e).await,
    }
}

pub async fn revise(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let mut d = draft_from(&p.form);
    quotes::complete_lines(&s.app, &mut d).await?;
    match quotes::revise(&s.app, p.user.actor(), id, &d, p.form.get("reason")).await {
        Ok(new_id) => Ok(Redirect::to(&format!("/quotes/{new_id}?flash=saved")).into_response()),
        Err(e) => refused(&s, &p, format!("/quotes/{id}/revise"), true, e).await,
    }
}

pub async fn event(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let ev = QuoteEvent::parse(p.form.get("event")).map_err(|e| WebError::BadRequest(e.message))?;
    match quotes::apply_event(&s.app, p.user.actor(), id, ev).await {
        Ok(()) => Ok(Redirect::to(&format!("/quotes/{id}?flash=saved")).into_response()),
        Err(AppError::Invalid(e)) => {
            let msg = crate::error::translate_all(p.user.lang, &e);
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &show_page(&s, &p.user, id, Some(msg)).await?,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "quotes/diff.html")]
struct DiffPage {
    l: Layout,
    a: QuoteView,
    b: QuoteView,
    changes: Vec<Change>,
}

pub async fn diff(
    State(s): State<AppState>,
    u: PageUser,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let params = super::query_pairs(&q);
    let with = params
        .iter()
        .find(|(k, _)| k == "with")
        .map(|(_, v)| v.as_str())
        .unwrap_or("");
    let with = parse_id(with)?;
    let changes = quotes::diff(&s.app, u.actor(), id, with).await?;
    let a = quotes::get(&s.app, u.actor(), id).await?;
    let b = quotes::get(&s.app, u.actor(), with).await?;
    Ok(render(&DiffPage {
        l: Layout::new(&u, "quotes", u.lang.t("quotes.diff")),
        a,
        b,
        changes,
    }))
}
