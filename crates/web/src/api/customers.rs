//! `/api/v1/customers` and `/api/v1/contacts`.

use super::dto::*;
use super::{ApiJson, page_of, path_id, query_pairs, rfc3339};
use crate::AppState;
use crate::error::ApiError;
use crate::session::ApiUser;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use leadledger_app::contacts::ContactView;
use leadledger_app::customers::{self as uc, CustomerChange, CustomerView, OwnerChoice};
use leadledger_app::fields::FieldDef;
use leadledger_app::{contacts, fields, tags, users};
use leadledger_domain::contact::ContactDraft;
use leadledger_domain::custom_field::FieldKind;
use leadledger_domain::customer::CustomerDraft;
use leadledger_domain::tag::TagName;
use leadledger_domain::{FieldErrors, Invalid};
use serde_json::{Value, json};
use std::collections::BTreeMap;

fn custom_out(defs: &[FieldDef], c: &CustomerView) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    for d in defs {
        let Some(vals) = c.custom.get(&d.field.id) else {
            continue;
        };
        let shown: Vec<String> = vals.iter().map(|v| d.display(v)).collect();
        let v = match d.kind() {
            FieldKind::MultiSelect => json!(shown),
            FieldKind::YesNo => json!(shown.first().map(|s| s == "true")),
            _ => json!(shown.first()),
        };
        out.insert(d.field.key.clone(), v);
    }
    out
}

pub fn customer_out(defs: &[FieldDef], c: &CustomerView) -> CustomerOut {
    let r = &c.row;
    CustomerOut {
        id: r.id,
        name: r.name.clone(),
        country: r.country.clone(),
        region: c.region.clone(),
        website: r.website.clone(),
        email_domain: r.email_domain.clone(),
        source: r.source.clone(),
        source_detail: r.source_detail.clone(),
        owner: r.owner_username.clone(),
        status: r.status.clone(),
        completeness: r.completeness.clone(),
        requirement_clear: r.requirement_clear,
        stage: r.stage.clone(),
        notes: r.notes.clone(),
        tags: c.tags.iter().map(|t| t.name.clone()).collect(),
        custom: custom_out(defs, c),
        created_at: rfc3339(r.created_at),
        updated_at: rfc3339(r.updated_at),
    }
}

#[utoipa::path(get, path = "/api/v1/me", tag = "session", responses((status = 200, body = MeOut), (status = 401, body = ErrorOut)))]
pub async fn me(ApiUser(a): ApiUser) -> Json<MeOut> {
    Json(MeOut {
        id: a.user_id,
        username: a.username,
        role: a.role.as_str().into(),
    })
}

#[utoipa::path(get, path = "/api/v1/customers", tag = "customers",
    params(
        ("page" = Option<u32>, Query, description = "from 1"),
        ("per_page" = Option<u32>, Query, description = "1 to 500, default 50"),
        ("q" = Option<String>, Query, description = "part of the name, website host or email domain"),
        ("country" = Option<String>, Query, description = "alpha-2; repeat for several"),
        ("region" = Option<String>, Query, description = "asia, europe, north_america, south_america, africa, oceania"),
        ("status" = Option<String>, Query), ("source" = Option<String>, Query),
        ("completeness" = Option<String>, Query), ("stage" = Option<String>, Query),
        ("owner" = Option<String>, Query, description = "a user name, or `pool`"),
        ("tag" = Option<String>, Query, description = "tag name or id; repeat to require several"),
        ("sort" = Option<String>, Query, description = "name, country, status, created, updated"),
        ("dir" = Option<String>, Query, description = "asc or desc"),
    ),
    responses((status = 200, body = CustomerList), (status = 422, body = ErrorOut)))]
pub async fn list(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    RawQuery(q): RawQuery,
) -> Result<Json<CustomerList>, ApiError> {
    let mut params = query_pairs(&q)?;
    let defs = fields::list(&s.app).await?;
    // The API names owners and tags; the page filter takes ids.
    let all_tags = tags::list(&s.app).await?;
    let all_users = users::list(&s.app).await?;
    let mut e = FieldErrors::new();
    for (k, v) in params.iter_mut() {
        if k == "tag" && v.parse::<i64>().is_err() && !v.is_empty() {
            match all_tags.iter().find(|t| t.name == *v) {
                Some(t) => *v = t.id.to_string(),
                None => e.add(
                    "tag",
                    Invalid::new("unknown_tag", format!("no tag named {v:?}")),
                ),
            }
        }
        if k == "owner" && v != "pool" && !v.is_empty() {
            match all_users.iter().find(|u| u.username == *v) {
                Some(u) => *v = u.id.to_string(),
                None => e.add(
                    "owner",
                    Invalid::new("unknown_owner", format!("no user named {v:?}")),
                ),
            }
        }
    }
    if !e.is_empty() {
        return Err(ApiError::invalid(&e));
    }
    page_of(&params)?;
    let (filter, page) =
        crate::pages::customer_filter(&params, &defs).map_err(|e| ApiError::invalid(&e))?;
    let r = uc::list(&s.app, &a, filter, page).await?;
    Ok(Json(CustomerList {
        items: r.items.iter().map(|c| customer_out(&defs, c)).collect(),
        total: r.total,
        page: r.page,
        per_page: r.per_page,
    }))
}

/// Turns the API body into a validated change, collecting every error.
async fn change_from(
    s: &AppState,
    body: CustomerIn,
    creating: bool,
) -> Result<CustomerChange, ApiError> {
    let draft = CustomerDraft {
        name: body.name,
        country: body.country,
        website: body.website.unwrap_or_default(),
        email_domain: body.email_domain.unwrap_or_default(),
        source: body.source.unwrap_or_default(),
        source_detail: body.source_detail.unwrap_or_default(),
        status: body.status.unwrap_or_default(),
        completeness: body.completeness.unwrap_or_default(),
        requirement_clear: body
            .requirement_clear
            .map(|b| b.to_string())
            .unwrap_or_default(),
        stage: body.stage.unwrap_or_default(),
        notes: body.notes.unwrap_or_default(),
    };
    let mut e = FieldErrors::new();
    let input = match draft.parse() {
        Ok(i) => Some(i),
        Err(err) => {
            e.0.extend(err.0);
            None
        }
    };
    let owner = match &body.owner {
        None => OwnerChoice::Keep,
        Some(Value::Null) => OwnerChoice::Pool,
        Some(Value::String(name)) => match users::list(&s.app)
            .await?
            .into_iter()
            .find(|u| &u.username == name)
        {
            Some(u) => OwnerChoice::User(u.id),
            None => {
                e.add(
                    "owner",
                    Invalid::new("unknown_owner", format!("no user named {name:?}")),
                );
                OwnerChoice::Keep
            }
        },
        Some(_) => {
            e.add(
                "owner",
                Invalid::new("invalid_owner", "a user name or null"),
            );
            OwnerChoice::Keep
        }
    };
    let (mut tag_ids, mut new_tags) = (None, Vec::new());
    if let Some(names) = body.tags {
        let known = tags::list(&s.app).await?;
        let mut ids = Vec::new();
        for n in names {
            match known.iter().find(|t| t.name == n.trim()) {
                Some(t) => ids.push(t.id),
                None => {
                    if let Some(t) = e.take("tags", TagName::parse(&n)) {
                        new_tags.push(t);
                    }
                }
            }
        }
        tag_ids = Some(ids);
    }
    let mut custom = BTreeMap::new();
    if let Some(values) = body.custom {
        let defs = fields::list(&s.app).await?;
        for (key, v) in values {
            let Some(d) = defs.iter().find(|d| d.field.key == key) else {
                e.add(
                    format!("custom.{key}"),
                    Invalid::new("unknown_field", format!("no custom field {key:?}")),
                );
                continue;
            };
            let raw: Vec<String> = match v {
                Value::Null => vec![],
                Value::Array(items) => items.iter().map(value_text).collect(),
                other => vec![value_text(&other)],
            };
            custom.insert(d.field.id, raw);
        }
    }
    let contact = match body.contact {
        Some(c) if creating => match contact_draft(c).parse("contact.") {
            Ok(c) => Some(c),
            Err(err) => {
                e.0.extend(err.0);
                None
            }
        },
        _ => None,
    };
    if !e.is_empty() {
        return Err(ApiError::invalid(&e));
    }
    Ok(CustomerChange {
        input: input.expect("validated"),
        owner,
        tag_ids,
        new_tags,
        custom,
        contact,
        confirm_duplicates: body.confirm_duplicates,
    })
}

fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

async fn one(
    s: &AppState,
    a: &leadledger_domain::user::Actor,
    id: i64,
) -> Result<CustomerOut, ApiError> {
    let d = uc::get(&s.app, a, id).await?;
    let defs = fields::list(&s.app).await?;
    Ok(customer_out(&defs, &d.customer))
}

#[utoipa::path(post, path = "/api/v1/customers", tag = "customers", request_body = CustomerIn,
    responses((status = 201, body = CustomerOut), (status = 409, description = "duplicate candidates: `candidates` lists them", body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn create(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    ApiJson(body): ApiJson<CustomerIn>,
) -> Result<(StatusCode, Json<CustomerOut>), ApiError> {
    let change = change_from(&s, body, true).await?;
    let id = uc::create(&s.app, &a, change).await?;
    Ok((StatusCode::CREATED, Json(one(&s, &a, id).await?)))
}

#[utoipa::path(get, path = "/api/v1/customers/{id}", tag = "customers", params(("id" = i64, Path)),
    responses((status = 200, body = CustomerOut), (status = 404, body = ErrorOut)))]
pub async fn get(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<CustomerOut>, ApiError> {
    Ok(Json(one(&s, &a, path_id(&id)?).await?))
}

#[utoipa::path(put, path = "/api/v1/customers/{id}", tag = "customers", params(("id" = i64, Path)), request_body = CustomerIn,
    responses((status = 200, body = CustomerOut), (status = 403, body = ErrorOut), (status = 404, body = ErrorOut), (status = 409, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn replace(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<CustomerIn>,
) -> Result<Json<CustomerOut>, ApiError> {
    let id = path_id(&id)?;
    let change = change_from(&s, body, false).await?;
    uc::update(&s.app, &a, id, change).await?;
    Ok(Json(one(&s, &a, id).await?))
}

/// Partial update: the body's keys overlay the current customer.
#[utoipa::path(patch, path = "/api/v1/customers/{id}", tag = "customers", params(("id" = i64, Path)), request_body = CustomerIn,
    responses((status = 200, body = CustomerOut), (status = 403, body = ErrorOut), (status = 404, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn patch(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Value>,
) -> Result<Json<CustomerOut>, ApiError> {
    let id = path_id(&id)?;
    let Value::Object(overlay) = body else {
        return Err(ApiError::bad_request("the body must be a JSON object"));
    };
    let current = one(&s, &a, id).await?;
    let mut base = serde_json::to_value(&current)
        .map_err(|_| ApiError::bad_request("cannot read customer"))?;
    if let Some(obj) = base.as_object_mut() {
        // Only what the caller names changes: tags and custom values are left out unless given.
        obj.remove("tags");
        obj.remove("custom");
        obj.insert("owner".into(), json!(current.owner));
        for (k, v) in overlay {
            obj.insert(k, v);
        }
    }
    let merged: CustomerIn = serde_json::from_value(base)
        .map_err(|e| ApiError::bad_request(format!("invalid body: {e}")))?;
    let change = change_from(&s, merged, false).await?;
    uc::update(&s.app, &a, id, change).await?;
    Ok(Json(one(&s, &a, id).await?))
}

#[utoipa::path(delete, path = "/api/v1/customers/{id}", tag = "customers", params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = ErrorOut), (status = 404, body = ErrorOut)))]
pub async fn delete(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    uc::delete(&s.app, &a, path_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/customers/duplicates", tag = "customers", request_body = CustomerIn,
    responses((status = 200, body = DuplicatesOut), (status = 422, body = ErrorOut)))]
pub async fn duplicates(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    ApiJson(body): ApiJson<CustomerIn>,
) -> Result<Json<DuplicatesOut>, ApiError> {
    let emails: Vec<String> = body
        .contact
        .as_ref()
        .map(|c| c.emails.iter().map(|e| e.trim().to_lowercase()).collect())
        .unwrap_or_default();
    let change = change_from(&s, body, true).await?;
    let found = uc::check_duplicates(&s.app, &a, &change.input, &emails, None).await?;
    Ok(Json(DuplicatesOut {
        candidates: found
            .into_iter()
            .map(|d| DuplicateOut {
                id: d.id,
                name: d.name,
                country: d.country,
                owner: d.owner,
                reasons: d.reasons,
            })
            .collect(),
    }))
}

#[utoipa::path(post, path = "/api/v1/customers/{id}/merge", tag = "customers", params(("id" = i64, Path)), request_body = MergeIn,
    responses((status = 200, body = CustomerOut), (status = 403, body = ErrorOut), (status = 404, body = ErrorOut)))]
pub async fn merge(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<MergeIn>,
) -> Result<Json<CustomerOut>, ApiError> {
    let id = path_id(&id)?;
    uc::merge(&s.app, &a, id, body.from).await?;
    Ok(Json(one(&s, &a, id).await?))
}

fn contact_draft(c: ContactIn) -> ContactDraft {
    ContactDraft {
        name: c.name,
        title: c.title.unwrap_or_default(),
        emails: c.emails.join(","),
        phones: c.phones.join(","),
        whatsapp: c.whatsapp.unwrap_or_default(),
        wechat: c.wechat.unwrap_or_default(),
        notes: c.notes.unwrap_or_default(),
    }
}

fn contact_out(c: ContactView) -> ContactOut {
    ContactOut {
        id: c.id,
        customer_id: c.customer_id,
        name: c.name,
        title: c.title,
        emails: c.emails,
        phones: c.phones,
        whatsapp: c.whatsapp,
        wechat: c.wechat,
        notes: c.notes,
        created_at: rfc3339(c.created_at),
    }
}

#[utoipa::path(get, path = "/api/v1/contacts", tag = "contacts",
    params(("customer_id" = Option<i64>, Query), ("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = ContactList)))]
pub async fn contacts_list(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    RawQuery(q): RawQuery,
) -> Result<Json<ContactList>, ApiError> {
    let params = query_pairs(&q)?;
    let page = page_of(&params)?;
    let customer_id = optional_id(&params, "customer_id")?;
    let r = contacts::list(&s.app, &a, customer_id, page).await?;
    Ok(Json(ContactList {
        items: r.items.into_iter().map(contact_out).collect(),
        total: r.total,
        page: r.page,
        per_page: r.per_page,
    }))
}

/// An optional positive id query parameter.
pub fn optional_id(
    params: &[(String, String)],
    name: &'static str,
) -> Result<Option<i64>, ApiError> {
    match params.iter().find(|(k, v)| k == name && !v.is_empty()) {
        None => Ok(None),
        Some((_, v)) => v
            .parse::<i64>()
            .ok()
            .filter(|i| *i > 0)
            .map(Some)
            .ok_or_else(|| {
                ApiError::invalid(&FieldErrors::single(
                    name,
                    Invalid::new("invalid_id", format!("{v:?} is not an id")),
                ))
            }),
    }
}

#[utoipa::path(post, path = "/api/v1/contacts", tag = "contacts", request_body = ContactIn,
    responses((status = 201, body = ContactOut), (status = 404, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn contact_create(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    ApiJson(body): ApiJson<ContactIn>,
) -> Result<(StatusCode, Json<ContactOut>), ApiError> {
    let Some(customer_id) = body.customer_id else {
        return Err(ApiError::invalid(&FieldErrors::single(
            "customer_id",
            Invalid::new("required", "this field is required"),
        )));
    };
    let c = contact_draft(body)
        .parse("")
        .map_err(|e| ApiError::invalid(&e))?;
    let id = contacts::create(&s.app, &a, customer_id, &c).await?;
    Ok((
        StatusCode::CREATED,
        Json(contact_out(contacts::get(&s.app, &a, id).await?)),
    ))
}

#[utoipa::path(get, path = "/api/v1/contacts/{id}", tag = "contacts", params(("id" = i64, Path)),
    responses((status = 200, body = ContactOut), (status = 404, body = ErrorOut)))]
pub async fn contact_get(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<ContactOut>, ApiError> {
    Ok(Json(contact_out(
        contacts::get(&s.app, &a, path_id(&id)?).await?,
    )))
}

#[utoipa::path(put, path = "/api/v1/contacts/{id}", tag = "contacts", params(("id" = i64, Path)), request_body = ContactIn,
    responses((status = 200, body = ContactOut), (status = 403, body = ErrorOut), (status = 404, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn contact_update(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ContactIn>,
) -> Result<Json<ContactOut>, ApiError> {
    let id = path_id(&id)?;
    let c = contact_draft(body)
        .parse("")
        .map_err(|e| ApiError::invalid(&e))?;
    contacts::update(&s.app, &a, id, &c).await?;
    Ok(Json(contact_out(contacts::get(&s.app, &a, id).await?)))
}

#[utoipa::path(delete, path = "/api/v1/contacts/{id}", tag = "contacts", params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = ErrorOut), (status = 404, body = ErrorOut)))]
pub async fn contact_delete(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    contacts::delete(&s.app, &a, path_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}
