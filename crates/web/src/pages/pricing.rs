//! The price builder of a quote revision: costing inputs, the price stack of every line, the
//! builder's unit price for the quote's Incoterm and the margin at the current and the built
//! price. Saving keeps the inputs with the revision; applying sets a draft's prices.

use super::quotes::money;
use super::{parse_id, render, render_status};
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
use leadledger_app::costing::{self, CostingView};
use leadledger_app::quotes::{self, QuoteView};
use leadledger_domain::money::{Money, format_amount};
use leadledger_domain::pricing::{CostingDraft, LineMargin, MarginTotal};
use rust_decimal::Decimal;

#[derive(Template)]
#[template(path = "quotes/pricing.html")]
struct PricingPage {
    l: Layout,
    q: QuoteView,
    c: Option<CostingView>,
    f: FormState,
    error: Option<String>,
}

impl PricingPage {
    fn base(&self, d: &Decimal) -> String {
        match &self.c {
            Some(c) => format_amount(d.round_dp(4), c.base),
            None => d.to_string(),
        }
    }

    fn unit_price(&self, m: &Option<LineMargin>) -> String {
        m.map(|m| {
            format!(
                "{} {}",
                self.q.snapshot.currency.code(),
                m.unit_price.normalize()
            )
        })
        .unwrap_or_else(|| "—".into())
    }

    fn margin(&self, m: &Option<LineMargin>) -> String {
        match m {
            Some(m) => format!(
                "{} · {}",
                money(&m.margin_base),
                m.margin_percent
                    .map(|p| format!("{}%", p.normalize()))
                    .unwrap_or_else(|| "—".into())
            ),
            None => "—".into(),
        }
    }

    fn total(&self, t: &Option<MarginTotal>) -> String {
        match t {
            Some(t) => format!(
                "{} / {} = {} · {}",
                money(&t.revenue_base),
                money(&t.cost_base),
                money(&t.margin_base),
                t.margin_percent
                    .map(|p| format!("{}%", p.normalize()))
                    .unwrap_or_else(|| "—".into())
            ),
            None => "—".into(),
        }
    }

    fn negative(&self, m: &Option<LineMargin>) -> bool {
        m.is_some_and(|m| m.margin_base.is_negative())
    }
}

fn draft_of_form(f: &FormData) -> CostingDraft {
    CostingDraft {
        margin: f.get("margin").into(),
        domestic_fees: f.get("domestic_fees").into(),
        freight: f.get("freight").into(),
        insurance_premium: f.get("insurance_premium").into(),
        price_decimals: f.get("price_decimals").into(),
    }
}

fn state_of(d: &CostingDraft) -> FormState {
    let mut f = FormState::default();
    f.set("margin", &d.margin);
    f.set("domestic_fees", &d.domestic_fees);
    f.set("freight", &d.freight);
    f.set("insurance_premium", &d.insurance_premium);
    f.set("price_decimals", &d.price_decimals);
    f
}

async fn page(
    s: &AppState,
    u: &PageUser,
    id: i64,
    draft: Option<CostingDraft>,
    error: Option<String>,
) -> Result<(PricingPage, bool), WebError> {
    let q = quotes::get(&s.app, u.actor(), id).await?;
    let (stored, _) = costing::costing_of(&q);
    let draft = draft.unwrap_or_else(|| CostingDraft::from(&stored));
    let (c, f, ok) = match draft.parse() {
        Ok(costing) => (
            Some(costing::build(&s.app, &q, Some(costing)).await?),
            state_of(&draft),
            true,
        ),
        Err(e) => (None, state_of(&draft).with_errors(u.lang, &e), false),
    };
    let title = format!("{} · {}", q.row.number, u.lang.t("pricing.title"));
    Ok((
        PricingPage {
            l: Layout::new(u, "quotes", title),
            q,
            c,
            f,
            error,
        },
        ok,
    ))
}

/// The builder with the stored inputs, or with those in the query (a preview, nothing saved).
pub async fn show(
    State(s): State<AppState>,
    u: PageUser,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> Result<Response, WebError> {
    let form = FormData::from_pairs(super::query_pairs(&q));
    let draft = form.has("margin").then(|| draft_of_form(&form));
    let (p, ok) = page(&s, &u, parse_id(&id)?, draft, None).await?;
    Ok(if ok {
        render(&p)
    } else {
        render_status(StatusCode::UNPROCESSABLE_ENTITY, &p)
    })
}

/// Saves the inputs (`action=save`) or also sets the draft's prices (`action=apply`).
pub async fn save(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let draft = draft_of_form(&p.form);
    let apply = p.form.get("action") == "apply";
    let r = match draft.parse() {
        Ok(c) => costing::save(&s.app, p.user.actor(), id, c, apply).await,
        Err(e) => Err(AppError::Invalid(e)),
    };
    match r {
        Ok(()) => {
            let to = if apply {
                format!("/quotes/{id}?flash=saved")
            } else {
                format!("/quotes/{id}/pricing?flash=saved")
            };
            Ok(Redirect::to(&to).into_response())
        }
        Err(AppError::Invalid(e)) => {
            let msg = crate::error::translate_all(p.user.lang, &e);
            let (mut page, _) = page(&s, &p.user, id, Some(draft), Some(msg)).await?;
            page.f = state_of(&draft_of_form(&p.form)).with_errors(p.user.lang, &e);
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(e) => Err(e.into()),
    }
}

/// The margin line on the quote page: what the current prices earn, when costs are known.
pub async fn summary(s: &AppState, q: &QuoteView) -> Option<(Money, Option<Decimal>)> {
    let c = costing::build(&s.app, q, None).await.ok()?;
    let t = c.current_total?;
    Some((t.margin_base, t.margin_percent))
}
