//! The activity timeline: quick add from the customer page, delete, and the list across customers.

use super::customers::show_with_errors;
use super::{Pager, parse_id, render};
use crate::AppState;
use crate::error::WebError;
use crate::form::{FormData, FormState};
use crate::layout::Layout;
use crate::session::{PageUser, PostForm};
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Redirect, Response};
use leadledger_app::store::activities::ActivityRow;
use leadledger_app::{AppError, activities};
use leadledger_domain::activity::{ActivityInput, ActivityKind};
use leadledger_domain::page::PageRequest;

pub async fn create(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let f = &p.form;
    let err = match ActivityInput::parse(
        f.get("kind"),
        f.get("at"),
        f.get("minutes"),
        f.get("body"),
        chrono::Utc::now(),
    ) {
        Ok(a) => match activities::create(&s.app, p.user.actor(), id, &a).await {
            Ok(_) => {
                return Ok(
                    Redirect::to(&format!("/customers/{id}?flash=activity_added#timeline"))
                        .into_response(),
                );
            }
            Err(AppError::Invalid(e)) => e,
            Err(e) => return Err(e.into()),
        },
        Err(e) => e,
    };
    let state = FormState::from_form(&p.form).with_errors(p.user.lang, &err);
    show_with_errors(&s, &p.user, id, None, Some(state)).await
}

pub async fn delete(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let a = activities::get(&s.app, p.user.actor(), id).await?;
    activities::delete(&s.app, p.user.actor(), id).await?;
    Ok(Redirect::to(&format!(
        "/customers/{}?flash=deleted#timeline",
        a.customer_id
    ))
    .into_response())
}

#[derive(Template)]
#[template(path = "activities.html")]
struct IndexPage {
    l: Layout,
    f: FormState,
    kinds: Vec<&'static str>,
    items: Vec<ActivityRow>,
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
    let kind = match form.get("kind") {
        "" => None,
        k => Some(ActivityKind::parse(k).map_err(|e| WebError::BadRequest(e.message))?),
    };
    let result = activities::list(&s.app, u.actor(), None, kind.map(|k| k.as_str()), page).await?;
    let pager = Pager::new(result.page, result.pages(), result.total, &params);
    Ok(render(&IndexPage {
        l: Layout::new(&u, "activities", u.lang.t("activities.title")),
        f: FormState::from_form(&form),
        kinds: ActivityKind::ALL.iter().map(|k| k.as_str()).collect(),
        items: result.items,
        pager,
    }))
}
