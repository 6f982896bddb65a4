//! `/api/v1/tags`.

use super::dto::*;
use super::{ApiJson, page_of, path_id, query_pairs};
use crate::AppState;
use crate::error::ApiError;
use crate::session::ApiUser;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use leadledger_app::store::tags::TagRow;
use leadledger_app::tags;

fn out(t: TagRow) -> TagOut {
    TagOut {
        id: t.id,
        name: t.name,
        color: t.color,
        customers: t.customers,
    }
}

#[utoipa::path(get, path = "/api/v1/tags", tag = "tags", params(("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = TagList)))]
pub async fn list(
    State(s): State<AppState>,
    ApiUser(_): ApiUser,
    RawQuery(q): RawQuery,
) -> Result<Json<TagList>, ApiError> {
    let page = page_of(&query_pairs(&q)?)?;
    let (items, total) = super::page_in_memory(tags::list(&s.app).await?, page, out);
    Ok(Json(TagList {
        items,
        total,
        page: page.page,
        per_page: page.per_page,
    }))
}

#[utoipa::path(post, path = "/api/v1/tags", tag = "tags", request_body = TagIn,
    responses((status = 201, body = TagOut), (status = 403, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn create(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    ApiJson(b): ApiJson<TagIn>,
) -> Result<(StatusCode, Json<TagOut>), ApiError> {
    let id = tags::create(&s.app, &a, &b.name, b.color.as_deref().unwrap_or("")).await?;
    Ok((StatusCode::CREATED, Json(out(tags::get(&s.app, id).await?))))
}

#[utoipa::path(get, path = "/api/v1/tags/{id}", tag = "tags", params(("id" = i64, Path)),
    responses((status = 200, body = TagOut), (status = 404, body = ErrorOut)))]
pub async fn get(
    State(s): State<AppState>,
    ApiUser(_): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<TagOut>, ApiError> {
    Ok(Json(out(tags::get(&s.app, path_id(&id)?).await?)))
}

#[utoipa::path(put, path = "/api/v1/tags/{id}", tag = "tags", params(("id" = i64, Path)), request_body = TagIn,
    responses((status = 200, body = TagOut), (status = 403, body = ErrorOut), (status = 404, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn update(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<TagIn>,
) -> Result<Json<TagOut>, ApiError> {
    let id = path_id(&id)?;
    tags::update(&s.app, &a, id, &b.name, b.color.as_deref().unwrap_or("")).await?;
    Ok(Json(out(tags::get(&s.app, id).await?)))
}

#[utoipa::path(delete, path = "/api/v1/tags/{id}", tag = "tags", params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = ErrorOut), (status = 404, body = ErrorOut)))]
pub async fn delete(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    tags::delete(&s.app, &a, path_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}
