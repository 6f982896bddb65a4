//! Merging two customers: likely duplicates are suggested, the other one moves into this one.

use super::{parse_id, render, render_status};
use crate::AppState;
use crate::error::WebError;
use crate::layout::Layout;
use crate::session::{PageUser, PostForm};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use leadledger_app::AppError;
use leadledger_app::customers::{self as uc, CustomerDetail};
use leadledger_app::error::DuplicateCandidate;
use leadledger_domain::Invalid;
use leadledger_domain::customer::CustomerDraft;

#[derive(Template)]
#[template(path = "customers/merge.html")]
struct MergePage {
    l: Layout,
    d: CustomerDetail,
    candidates: Vec<DuplicateCandidate>,
    error: Option<String>,
    from: String,
}

async fn merge_page(
    s: &AppState,
    u: &PageUser,
    id: i64,
    error: Option<String>,
    from: String,
) -> Result<MergePage, WebError> {
    let d = uc::get(&s.app, u.actor(), id).await?;
    if !d.can_edit {
        return Err(WebError::Forbidden);
    }
    let draft = CustomerDraft {
        name: d.customer.row.name.clone(),
        country: d.customer.row.country.clone(),
        website: d.customer.row.website.clone().unwrap_or_default(),
        email_domain: d.customer.row.email_domain.clone().unwrap_or_default(),
        ..Default::default()
    };
    let emails: Vec<String> = d.contacts.iter().flat_map(|c| c.emails.clone()).collect();
    let candidates = match draft.parse() {
        Ok(input) => uc::check_duplicates(&s.app, u.actor(), &input, &emails, Some(id))
            .await
            .unwrap_or_default(),
        Err(_) => vec![],
    };
    Ok(MergePage {
        l: Layout::new(u, "customers", u.lang.t("merge.title")),
        d,
        candidates,
        error,
        from,
    })
}

pub async fn merge_form(
    State(s): State<AppState>,
    u: PageUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    Ok(render(&merge_page(&s, &u, id, None, String::new()).await?))
}

pub async fn merge(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let raw = p
        .form
        .get("from")
        .trim()
        .trim_start_matches('#')
        .to_string();
    let result = match raw.parse::<i64>() {
        Ok(from) => uc::merge(&s.app, p.user.actor(), id, from).await,
        Err(_) => Err(AppError::field(
            "from",
            Invalid::new("invalid_id", "enter a customer number"),
        )),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/customers/{id}?flash=merged")).into_response()),
        Err(AppError::NotFound) => {
            let page = merge_page(
                &s,
                &p.user,
                id,
                Some(p.user.lang.t("merge.not_found").into()),
                raw,
            )
            .await?;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(AppError::Invalid(e)) => {
            let msg =
                e.0.values()
                    .next()
                    .map(|i| crate::error::translate_invalid(p.user.lang, i.code, &i.message))
                    .unwrap_or_default();
            let page = merge_page(&s, &p.user, id, Some(msg), raw).await?;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(e) => Err(e.into()),
    }
}
