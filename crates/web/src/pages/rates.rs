//! Exchange rates: today's rates against the base currency, the stored rows with filters, manual
//! entry, and ECB file upload.

use super::{Pager, render, render_status};
use crate::AppState;
use crate::error::WebError;
use crate::form::{FormData, FormState};
use crate::layout::Layout;
use crate::session::{PageUser, PostForm, read_upload};
use askama::Template;
use axum::extract::{Multipart, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use leadledger_app::store::rates::{RateFilter, RateRow};
use leadledger_app::{AppError, rates};
use leadledger_domain::money::Currency;
use leadledger_domain::page::PageRequest;

/// The currencies shown on the "today" card, against the base currency.
const WATCHED: [Currency; 6] = [
    Currency::USD,
    Currency::EUR,
    Currency::GBP,
    Currency::JPY,
    Currency::AUD,
    Currency::AED,
];

#[derive(Template)]
#[template(path = "rates.html")]
struct RatesPage {
    l: Layout,
    f: FormState,
    today: Vec<(String, String, String)>,
    items: Vec<RateRow>,
    pager: Pager,
    can_manage: bool,
    error: Option<String>,
}

async fn page(
    s: &AppState,
    u: &PageUser,
    params: Vec<(String, String)>,
    f: FormState,
    error: Option<String>,
) -> Result<RatesPage, WebError> {
    let q = FormData::from_pairs(params.clone());
    let page = PageRequest::parse(Some(q.get("page")), None)
        .map_err(|(_, e)| WebError::BadRequest(e.message))?;
    let up = |k: &str| Some(q.get(k).trim().to_uppercase()).filter(|v| !v.is_empty());
    let filter = RateFilter {
        base: up("base"),
        quote: up("quote"),
        source: Some(q.get("source").to_string()).filter(|v| !v.is_empty()),
        ..Default::default()
    };
    let r = rates::list(&s.app, &filter, page).await?;
    let pager = Pager::new(r.page, r.pages(), r.total, &params);
    let today_date = chrono::Utc::now().date_naive();
    let base = leadledger_app::company::base_currency(&s.app).await?;
    let mut today = Vec::new();
    for c in WATCHED
        .into_iter()
        .chain([Currency::CNY])
        .filter(|c| *c != base)
    {
        if let Ok(rate) = rates::rate_on(&s.app, c, base, today_date).await {
            today.push((
                format!("1 {c}"),
                format!("{} {base}", rate.rate.round_dp(4).normalize()),
                format!("{} · {}", rate.date, rate.source),
            ));
        }
    }
    let mut f = f;
    for k in ["base", "quote", "source"] {
        if f.v(k).is_empty() {
            f.set(k, q.get(k));
        }
    }
    Ok(RatesPage {
        l: Layout::new(u, "rates", u.lang.t("rates.title")),
        f,
        today,
        items: r.items,
        pager,
        can_manage: u.actor().can_manage_rates(),
        error,
    })
}

pub async fn index(
    State(s): State<AppState>,
    u: PageUser,
    RawQuery(q): RawQuery,
) -> Result<Response, WebError> {
    let params = super::query_pairs(&q);
    Ok(render(
        &page(&s, &u, params, FormState::default(), None).await?,
    ))
}

pub async fn create(State(s): State<AppState>, p: PostForm) -> Result<Response, WebError> {
    let f = &p.form;
    match rates::add_manual(
        &s.app,
        p.user.actor(),
        f.get("m_base"),
        f.get("m_quote"),
        f.get("m_rate"),
        f.get("m_date"),
        f.get("m_source"),
    )
    .await
    {
        Ok(()) => Ok(Redirect::to("/rates?flash=saved").into_response()),
        Err(AppError::Invalid(e)) => {
            let mut renamed = leadledger_domain::FieldErrors::new();
            for (k, v) in e.0 {
                renamed.add(format!("m_{k}"), v);
            }
            let state = FormState::from_form(&p.form).with_errors(p.user.lang, &renamed);
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(&s, &p.user, vec![], state, None).await?,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn import(
    State(s): State<AppState>,
    u: PageUser,
    mp: Multipart,
) -> Result<Response, WebError> {
    let up = read_upload(&u, mp).await?;
    let data = up.file("file").map(|f| f.2.clone()).unwrap_or_default();
    let xml = String::from_utf8_lossy(&data).into_owned();
    match rates::import_ecb(&s.app, Some(u.actor()), &xml).await {
        Ok(_) => Ok(Redirect::to("/rates?flash=imported_rates").into_response()),
        Err(AppError::Invalid(e)) => {
            let msg =
                e.0.values()
                    .map(|v| v.message.clone())
                    .collect::<Vec<_>>()
                    .join("; ");
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(&s, &u, vec![], FormState::default(), Some(msg)).await?,
            ))
        }
        Err(e) => Err(e.into()),
    }
}
