//! Contacts of a customer: quick add on the customer page, edit and delete.

use super::customers::show_with_errors;
use super::{parse_id, render, render_status};
use crate::AppState;
use crate::error::WebError;
use crate::form::{FormData, FormState};
use crate::layout::Layout;
use crate::session::{PageUser, PostForm};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use leadledger_app::customers::{self as uc};
use leadledger_app::{AppError, contacts};
use leadledger_domain::contact::ContactDraft;

fn contact_draft(form: &FormData) -> ContactDraft {
    ContactDraft {
        name: form.get("name").into(),
        title: form.get("title").into(),
        emails: form.get("emails").into(),
        phones: form.get("phones").into(),
        whatsapp: form.get("whatsapp").into(),
        wechat: form.get("wechat").into(),
        notes: form.get("notes").into(),
    }
}

pub async fn add_contact(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let err = match contact_draft(&p.form).parse("") {
        Ok(c) => match contacts::create(&s.app, p.user.actor(), id, &c).await {
            Ok(_) => {
                return Ok(
                    Redirect::to(&format!("/customers/{id}?flash=contact_added#contacts"))
                        .into_response(),
                );
            }
            Err(AppError::Invalid(e)) => e,
            Err(e) => return Err(e.into()),
        },
        Err(e) => e,
    };
    let f = FormState::from_form(&p.form).with_errors(p.user.lang, &err);
    show_with_errors(&s, &p.user, id, Some(f), None).await
}

#[derive(Template)]
#[template(path = "customers/contact_edit.html")]
struct ContactEditPage {
    l: Layout,
    f: FormState,
    id: i64,
    customer_id: i64,
}

pub async fn edit_contact_form(
    State(s): State<AppState>,
    u: PageUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let c = contacts::get(&s.app, u.actor(), id).await?;
    if !uc::get(&s.app, u.actor(), c.customer_id).await?.can_edit {
        return Err(WebError::Forbidden);
    }
    let mut f = FormState::default();
    f.set("name", &c.name);
    f.set("title", c.title.clone().unwrap_or_default());
    f.set("emails", c.emails.join(", "));
    f.set("phones", c.phones.join(", "));
    f.set("whatsapp", c.whatsapp.clone().unwrap_or_default());
    f.set("wechat", c.wechat.clone().unwrap_or_default());
    f.set("notes", c.notes.clone().unwrap_or_default());
    Ok(render(&ContactEditPage {
        l: Layout::new(&u, "customers", u.lang.t("contacts.edit")),
        f,
        id,
        customer_id: c.customer_id,
    }))
}

pub async fn update_contact(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let existing = contacts::get(&s.app, p.user.actor(), id).await?;
    let err = match contact_draft(&p.form).parse("") {
        Ok(c) => match contacts::update(&s.app, p.user.actor(), id, &c).await {
            Ok(()) => {
                return Ok(Redirect::to(&format!(
                    "/customers/{}?flash=saved#contacts",
                    existing.customer_id
                ))
                .into_response());
            }
            Err(AppError::Invalid(e)) => e,
            Err(e) => return Err(e.into()),
        },
        Err(e) => e,
    };
    let f = FormState::from_form(&p.form).with_errors(p.user.lang, &err);
    let page = ContactEditPage {
        l: Layout::new(&p.user, "customers", p.user.lang.t("contacts.edit")),
        f,
        id,
        customer_id: existing.customer_id,
    };
    Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
}

pub async fn delete_contact(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let c = contacts::get(&s.app, p.user.actor(), id).await?;
    contacts::delete(&s.app, p.user.actor(), id).await?;
    Ok(Redirect::to(&format!(
        "/customers/{}?flash=deleted#contacts",
        c.customer_id
    ))
    .into_response())
}
