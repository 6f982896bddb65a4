//! Sales orders: made from an accepted quote, with shipments recorded per line, and a repeat
//! order starting a new quote from the order.

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
use leadledger_app::orders::{self, OrderView};
use leadledger_app::store::orders::{OrderFilter, OrderRow};
use leadledger_app::{AppError, customers};
use leadledger_domain::page::PageRequest;

#[derive(Template)]
#[template(path = "orders/index.html")]
struct IndexPage {
    l: Layout,
    items: Vec<OrderRow>,
    pager: Pager,
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
    let r = orders::list(&s.app, u.actor(), OrderFilter::default(), page).await?;
    let pager = Pager::new(r.page, r.pages(), r.total, &params);
    Ok(render(&IndexPage {
        l: Layout::new(&u, "orders", u.lang.t("orders.title")),
        items: r.items,
        pager,
    }))
}

#[derive(Template)]
#[template(path = "orders/show.html")]
struct ShowPage {
    l: Layout,
    o: OrderView,
    f: FormState,
    can_edit: bool,
    total: String,
}

async fn show_page(
    s: &AppState,
    u: &PageUser,
    id: i64,
    f: FormState,
) -> Result<ShowPage, WebError> {
    let o = orders::get(&s.app, u.actor(), id).await?;
    let can_edit = customers::get(&s.app, u.actor(), o.row.customer_id)
        .await?
        .can_edit;
    let total = money(&o.totals.total);
    Ok(ShowPage {
        l: Layout::new(u, "orders", o.row.number.clone()),
        o,
        f,
        can_edit,
        total,
    })
}

pub async fn show(
    State(s): State<AppState>,
    u: PageUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    Ok(render(
        &show_page(&s, &u, parse_id(&id)?, FormState::default()).await?,
    ))
}

pub async fn from_quote(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let qid = parse_id(&id)?;
    match orders::from_quote(&s.app, p.user.actor(), qid).await {
        Ok(oid) => Ok(Redirect::to(&format!("/orders/{oid}?flash=saved")).into_response()),
        Err(AppError::Conflict(m)) => Err(WebError::BadRequest(m)),
        Err(AppError::Invalid(e)) => Err(WebError::BadRequest(e.to_string())),
        Err(e) => Err(e.into()),
    }
}

pub async fn ship(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let shipped: Vec<(i64, String)> = p
        .form
        .pairs()
        .iter()
        .filter_map(|(k, v)| {
            k.strip_prefix("ship_")
                .and_then(|l| l.parse().ok())
                .map(|l| (l, v.clone()))
        })
        .collect();
    match orders::ship(&s.app, p.user.actor(), id, &shipped).await {
        Ok(()) => Ok(Redirect::to(&format!("/orders/{id}?flash=saved")).into_response()),
        Err(AppError::Invalid(e)) => {
            let f = FormState::from_form(&p.form).with_errors(p.user.lang, &e);
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &show_page(&s, &p.user, id, f).await?,
            ))
        }
        Err(e) => Err(e.into()),
    }
}
