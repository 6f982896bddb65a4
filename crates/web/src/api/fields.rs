//! `/api/v1/custom-fields`.

use super::dto::*;
use super::{ApiJson, page_of, path_id, query_pairs};
use crate::AppState;
use crate::error::ApiError;
use crate::session::ApiUser;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use leadledger_app::fields::{self, FieldDef, FieldDraft};

fn out(d: FieldDef) -> FieldOut {
    FieldOut {
        id: d.field.id,
        key: d.field.key,
        label_en: d.field.label_en,
        label_zh: d.field.label_zh,
        kind: d.field.kind,
        required: d.field.required,
        in_list: d.field.in_list,
        position: d.field.position,
        options: d
            .options
            .into_iter()
            .map(|o| OptionOut {
                id: o.id,
                label: o.label,
            })
            .collect(),
    }
}

fn draft(b: FieldIn) -> FieldDraft {
    FieldDraft {
        key: b.key,
        label_en: b.label_en,
        label_zh: b.label_zh.unwrap_or_default(),
        kind: b.kind,
        required: b.required,
        in_list: b.in_list,
        position: b.position,
        keep_options: b
            .options
            .iter()
            .filter_map(|o| o.id.map(|id| (id, o.label.clone())))
            .collect(),
        new_options: b
            .options
            .iter()
            .filter(|o| o.id.is_none())
            .map(|o| o.label.clone())
            .collect(),
    }
}

#[utoipa::path(get, path = "/api/v1/custom-fields", tag = "custom fields", params(("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = FieldList)))]
pub async fn list(
    State(s): State<AppState>,
    ApiUser(_): ApiUser,
    RawQuery(q): RawQuery,
) -> Result<Json<FieldList>, ApiError> {
    let page = page_of(&query_pairs(&q)?)?;
    let (items, total) = super::page_in_memory(fields::list(&s.app).await?, page, out);
    Ok(Json(FieldList {
        items,
        total,
        page: page.page,
        per_page: page.per_page,
    }))
}

#[utoipa::path(post, path = "/api/v1/custom-fields", tag = "custom fields", request_body = FieldIn,
    responses((status = 201, body = FieldOut), (status = 403, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn create(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    ApiJson(b): ApiJson<FieldIn>,
) -> Result<(StatusCode, Json<FieldOut>), ApiError> {
    let id = fields::create(&s.app, &a, &draft(b)).await?;
    Ok((
        StatusCode::CREATED,
        Json(out(fields::get(&s.app, id).await?)),
    ))
}

#[utoipa::path(get, path = "/api/v1/custom-fields/{id}", tag = "custom fields", params(("id" = i64, Path)),
    responses((status = 200, body = FieldOut), (status = 404, body = ErrorOut)))]
pub async fn get(
    State(s): State<AppState>,
    ApiUser(_): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<FieldOut>, ApiError> {
    Ok(Json(out(fields::get(&s.app, path_id(&id)?).await?)))
}

#[utoipa::path(put, path = "/api/v1/custom-fields/{id}", tag = "custom fields", params(("id" = i64, Path)), request_body = FieldIn,
    responses((status = 200, body = FieldOut), (status = 403, body = ErrorOut), (status = 404, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn update(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<FieldIn>,
) -> Result<Json<FieldOut>, ApiError> {
    let id = path_id(&id)?;
    fields::update(&s.app, &a, id, &draft(b)).await?;
    Ok(Json(out(fields::get(&s.app, id).await?)))
}

#[utoipa::path(delete, path = "/api/v1/custom-fields/{id}", tag = "custom fields", params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = ErrorOut), (status = 404, body = ErrorOut)))]
pub async fn delete(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    fields::delete(&s.app, &a, path_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}
