//! The tag list: create (anyone but finance), rename/recolour and delete (managers, admins).

use super::{parse_id, render, render_status};
use crate::AppState;
use crate::error::WebError;
use crate::form::FormState;
use crate::layout::Layout;
use crate::session::{PageUser, PostForm};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use leadledger_app::store::tags::TagRow;
use leadledger_app::{AppError, tags};

#[derive(Template)]
#[template(path = "tags.html")]
struct TagsPage {
    l: Layout,
    f: FormState,
    tags: Vec<TagRow>,
    can_create: bool,
    can_manage: bool,
}

async fn page(s: &AppState, u: &PageUser, f: FormState) -> Result<TagsPage, WebError> {
    Ok(TagsPage {
        l: Layout::new(u, "tags", u.lang.t("tags.title")),
        f,
        tags: tags::list(&s.app).await?,
        can_create: u.actor().can_create_tags(),
        can_manage: u.actor().can_manage_tags(),
    })
}

pub async fn index(State(s): State<AppState>, u: PageUser) -> Result<Response, WebError> {
    let mut f = FormState::default();
    f.set("color", "#2563eb");
    Ok(render(&page(&s, &u, f).await?))
}

async fn saved_or_errors(
    s: &AppState,
    p: &PostForm,
    r: leadledger_app::Result<()>,
) -> Result<Response, WebError> {
    match r {
        Ok(()) => Ok(Redirect::to("/tags?flash=saved").into_response()),
        Err(AppError::Invalid(e)) => {
            let f = FormState::from_form(&p.form).with_errors(p.user.lang, &e);
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(s, &p.user, f).await?,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn create(State(s): State<AppState>, p: PostForm) -> Result<Response, WebError> {
    let r = tags::create(
        &s.app,
        p.user.actor(),
        p.form.get("name"),
        p.form.get("color"),
    )
    .await
    .map(|_| ());
    saved_or_errors(&s, &p, r).await
}

pub async fn update(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let r = tags::update(
        &s.app,
        p.user.actor(),
        id,
        p.form.get("name"),
        p.form.get("color"),
    )
    .await;
    saved_or_errors(&s, &p, r).await
}

pub async fn delete(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    tags::delete(&s.app, p.user.actor(), id).await?;
    Ok(Redirect::to("/tags?flash=deleted").into_response())
}
