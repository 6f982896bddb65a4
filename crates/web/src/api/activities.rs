//! `/api/v1/activities`.

use super::customers::optional_id;
use super::dto::*;
use super::{ApiJson, page_of, path_id, query_pairs, rfc3339};
use crate::AppState;
use crate::error::ApiError;
use crate::session::ApiUser;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use leadledger_app::activities;
use leadledger_app::store::activities::ActivityRow;
use leadledger_domain::activity::{ActivityInput, ActivityKind};
use leadledger_domain::{FieldErrors, Invalid};

fn out(a: ActivityRow) -> ActivityOut {
    ActivityOut {
        id: a.id,
        customer_id: a.customer_id,
        kind: a.kind,
        at: rfc3339(a.at),
        user: a.username,
        minutes: a.minutes,
        body: a.body,
        created_at: rfc3339(a.created_at),
    }
}

fn input(body: &ActivityIn) -> Result<ActivityInput, ApiError> {
    ActivityInput::parse(
        &body.kind,
        body.at.as_deref().unwrap_or(""),
        &body.minutes.map(|m| m.to_string()).unwrap_or_default(),
        body.body.as_deref().unwrap_or(""),
        chrono::Utc::now(),
    )
    .map_err(|e| ApiError::invalid(&e))
}

#[utoipa::path(get, path = "/api/v1/activities", tag = "activities",
    params(("customer_id" = Option<i64>, Query), ("kind" = Option<String>, Query), ("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = ActivityList), (status = 422, body = ErrorOut)))]
pub async fn list(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    RawQuery(q): RawQuery,
) -> Result<Json<ActivityList>, ApiError> {
    let params = query_pairs(&q)?;
    let page = page_of(&params)?;
    let customer_id = optional_id(&params, "customer_id")?;
    let kind = match params.iter().find(|(k, v)| k == "kind" && !v.is_empty()) {
        None => None,
        Some((_, v)) => Some(
            ActivityKind::parse(v)
                .map_err(|e| ApiError::invalid(&FieldErrors::single("kind", e)))?,
        ),
    };
    let r = activities::list(&s.app, &a, customer_id, kind.map(|k| k.as_str()), page).await?;
    Ok(Json(ActivityList {
        items: r.items.into_iter().map(out).collect(),
        total: r.total,
        page: r.page,
        per_page: r.per_page,
    }))
}

#[utoipa::path(post, path = "/api/v1/activities", tag = "activities", request_body = ActivityIn,
    responses((status = 201, body = ActivityOut), (status = 404, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn create(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    ApiJson(body): ApiJson<ActivityIn>,
) -> Result<(StatusCode, Json<ActivityOut>), ApiError> {
    let Some(customer_id) = body.customer_id else {
        return Err(ApiError::invalid(&FieldErrors::single(
            "customer_id",
            Invalid::new("required", "this field is required"),
        )));
    };
    let input = input(&body)?;
    let id = activities::create(&s.app, &a, customer_id, &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(out(activities::get(&s.app, &a, id).await?)),
    ))
}

#[utoipa::path(get, path = "/api/v1/activities/{id}", tag = "activities", params(("id" = i64, Path)),
    responses((status = 200, body = ActivityOut), (status = 404, body = ErrorOut)))]
pub async fn get(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<ActivityOut>, ApiError> {
    Ok(Json(out(activities::get(&s.app, &a, path_id(&id)?).await?)))
}

#[utoipa::path(put, path = "/api/v1/activities/{id}", tag = "activities", params(("id" = i64, Path)), request_body = ActivityIn,
    responses((status = 200, body = ActivityOut), (status = 403, body = ErrorOut), (status = 404, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn update(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ActivityIn>,
) -> Result<Json<ActivityOut>, ApiError> {
    let id = path_id(&id)?;
    let input = input(&body)?;
    activities::update(&s.app, &a, id, &input).await?;
    Ok(Json(out(activities::get(&s.app, &a, id).await?)))
}

#[utoipa::path(delete, path = "/api/v1/activities/{id}", tag = "activities", params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = ErrorOut), (status = 404, body = ErrorOut)))]
pub async fn delete(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    activities::delete(&s.app, &a, path_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}
