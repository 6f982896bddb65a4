//! Admin pages: custom field definitions, users, and the audit log.

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
use leadledger_app::fields::{FieldDef, FieldDraft};
use leadledger_app::store::audit::{AuditFilter, AuditRow};
use leadledger_app::users::UserView;
use leadledger_app::{AppError, audit, fields, users};
use leadledger_domain::custom_field::FieldKind;
use leadledger_domain::page::PageRequest;
use leadledger_domain::user::Role;

fn require_admin(u: &PageUser) -> Result<(), WebError> {
    if u.actor().role == Role::Admin {
        Ok(())
    } else {
        Err(WebError::Forbidden)
    }
}

#[derive(Template)]
#[template(path = "admin/fields.html")]
struct FieldsPage {
    l: Layout,
    f: FormState,
    fields: Vec<FieldDef>,
    kinds: Vec<&'static str>,
    /// The field being edited, if any.
    editing: Option<FieldDef>,
}

async fn fields_page(
    s: &AppState,
    u: &PageUser,
    f: FormState,
    editing: Option<FieldDef>,
) -> Result<FieldsPage, WebError> {
    Ok(FieldsPage {
        l: Layout::new(u, "fields", u.lang.t("fields.title")),
        f,
        fields: fields::list(&s.app).await?,
        kinds: FieldKind::ALL.iter().map(|k| k.as_str()).collect(),
        editing,
    })
}

pub async fn fields_index(State(s): State<AppState>, u: PageUser) -> Result<Response, WebError> {
    require_admin(&u)?;
    let mut f = FormState::default();
    f.set("kind", "text");
    Ok(render(&fields_page(&s, &u, f, None).await?))
}

/// Options are typed one per line; on edit, existing ones appear as `opt_<id>` inputs.
fn draft_from_form(form: &FormData) -> FieldDraft {
    let keep_options = form
        .pairs()
        .iter()
        .filter_map(|(k, v)| {
            k.strip_prefix("opt_")
                .and_then(|id| id.parse::<i64>().ok())
                .map(|id| (id, v.clone()))
        })
        .filter(|(_, v)| !v.trim().is_empty())
        .collect();
    FieldDraft {
        key: form.get("key").into(),
        label_en: form.get("label_en").into(),
        label_zh: form.get("label_zh").into(),
        kind: form.get("kind").into(),
        required: form.has("required"),
        in_list: form.has("in_list"),
        position: form.get("position").trim().parse().unwrap_or(0),
        keep_options,
        new_options: form
            .get("new_options")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
    }
}

pub async fn field_create(State(s): State<AppState>, p: PostForm) -> Result<Response, WebError> {
    require_admin(&p.user)?;
    match fields::create(&s.app, p.user.actor(), &draft_from_form(&p.form)).await {
        Ok(_) => Ok(Redirect::to("/settings/fields?flash=saved").into_response()),
        Err(AppError::Invalid(e)) => {
            let f = FormState::from_form(&p.form).with_errors(p.user.lang, &e);
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &fields_page(&s, &p.user, f, None).await?,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn field_edit(
    State(s): State<AppState>,
    u: PageUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    require_admin(&u)?;
    let def = fields::get(&s.app, parse_id(&id)?).await?;
    let mut f = FormState::default();
    f.set("label_en", &def.field.label_en);
    f.set("label_zh", &def.field.label_zh);
    f.set("position", def.field.position.to_string());
    if def.field.required {
        f.set("required", "1");
    }
    if def.field.in_list {
        f.set("in_list", "1");
    }
    for o in &def.options {
        f.set(&format!("opt_{}", o.id), &o.label);
    }
    Ok(render(&fields_page(&s, &u, f, Some(def)).await?))
}

pub async fn field_update(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    require_admin(&p.user)?;
    let id = parse_id(&id)?;
    match fields::update(&s.app, p.user.actor(), id, &draft_from_form(&p.form)).await {
        Ok(()) => Ok(Redirect::to("/settings/fields?flash=saved").into_response()),
        Err(AppError::Invalid(e)) => {
            let def = fields::get(&s.app, id).await?;
            let f = FormState::from_form(&p.form).with_errors(p.user.lang, &e);
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &fields_page(&s, &p.user, f, Some(def)).await?,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn field_delete(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    require_admin(&p.user)?;
    fields::delete(&s.app, p.user.actor(), parse_id(&id)?).await?;
    Ok(Redirect::to("/settings/fields?flash=deleted").into_response())
}

#[derive(Template)]
#[template(path = "admin/users.html")]
struct UsersPage {
    l: Layout,
    f: FormState,
    users: Vec<UserView>,
    roles: Vec<&'static str>,
}

async fn users_page(s: &AppState, u: &PageUser, f: FormState) -> Result<UsersPage, WebError> {
    Ok(UsersPage {
        l: Layout::new(u, "users", u.lang.t("users.title")),
        f,
        users: users::list(&s.app).await?,
        roles: Role::ALL.iter().map(|r| r.as_str()).collect(),
    })
}

pub async fn users_index(State(s): State<AppState>, u: PageUser) -> Result<Response, WebError> {
    require_admin(&u)?;
    let mut f = FormState::default();
    f.set("role", "sales");
    Ok(render(&users_page(&s, &u, f).await?))
}

async fn user_result(
    s: &AppState,
    p: &PostForm,
    r: leadledger_app::Result<()>,
) -> Result<Response, WebError> {
    match r {
        Ok(()) => Ok(Redirect::to("/users?flash=saved").into_response()),
        Err(AppError::Invalid(e)) => {
            let f = FormState::from_form(&p.form).with_errors(p.user.lang, &e);
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &users_page(s, &p.user, f).await?,
            ))
        }
        Err(AppError::Conflict(m)) => {
            let mut f = FormState::from_form(&p.form);
            f.add_error("username", m);
            Ok(render_status(
                StatusCode::CONFLICT,
                &users_page(s, &p.user, f).await?,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn user_create(State(s): State<AppState>, p: PostForm) -> Result<Response, WebError> {
    require_admin(&p.user)?;
    let f = &p.form;
    let r = users::add(
        &s.app,
        Some(p.user.actor()),
        f.get("username"),
        f.get("display_name"),
        f.get("role"),
        f.get("password"),
    )
    .await
    .map(|_| ());
    user_result(&s, &p, r).await
}

pub async fn user_update(
    State(s): State<AppState>,
    Path(username): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    require_admin(&p.user)?;
    let f = &p.form;
    let r = users::update(
        &s.app,
        Some(p.user.actor()),
        &username,
        Some(f.get("display_name")),
        Some(f.get("role")),
        Some(f.has("disabled")),
    )
    .await;
    user_result(&s, &p, r).await
}

pub async fn user_password(
    State(s): State<AppState>,
    Path(username): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    require_admin(&p.user)?;
    let r = users::set_password(
        &s.app,
        Some(p.user.actor()),
        &username,
        p.form.get("password"),
    )
    .await;
    user_result(&s, &p, r).await
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    l: Layout,
    f: FormState,
    items: Vec<AuditRow>,
    pager: Pager,
}

pub async fn audit_index(
    State(s): State<AppState>,
    u: PageUser,
    RawQuery(q): RawQuery,
) -> Result<Response, WebError> {
    let params = super::query_pairs(&q);
    let form = FormData::from_pairs(params.clone());
    let page = PageRequest::parse(Some(form.get("page")), None)
        .map_err(|(_, e)| WebError::BadRequest(e.message))?;
    let nonempty = |k: &str| Some(form.get(k).trim().to_string()).filter(|v| !v.is_empty());
    let entity_id = match nonempty("entity_id") {
        None => None,
        Some(v) => Some(
            v.parse::<i64>()
                .map_err(|_| WebError::BadRequest("entity_id".into()))?,
        ),
    };
    let filter = AuditFilter {
        entity: nonempty("entity"),
        entity_id,
        actor: nonempty("actor"),
        action: nonempty("action"),
    };
    let result = audit::list(&s.app, u.actor(), &filter, page).await?;
    let pager = Pager::new(result.page, result.pages(), result.total, &params);
    Ok(render(&AuditPage {
        l: Layout::new(&u, "audit", u.lang.t("audit.title")),
        f: FormState::from_form(&form),
        items: result.items,
        pager,
    }))
}
