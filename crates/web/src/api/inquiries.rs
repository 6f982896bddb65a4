//! `/api/v1/inquiries`: read an inquiry without storing it (`/analyze`, the CLI's JSON), and
//! store, list, link and delete inquiries.

use super::customers::optional_id;
use super::dto::{ErrorOut, InquiryIn, InquiryLinkIn, InquiryList, InquiryOut};
use super::{ApiJson, page_of, path_id, query_pairs, rfc3339};
use crate::AppState;
use crate::error::ApiError;
use crate::session::ApiUser;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use leadledger_app::inquiries::{self, Channel, InquiryView};
use leadledger_app::store::inquiries::InquiryFilter;
use leadledger_domain::{FieldErrors, Invalid};
use serde_json::Value;

fn out(i: InquiryView) -> InquiryOut {
    InquiryOut {
        id: i.row.id,
        customer_id: i.row.customer_id,
        received_at: rfc3339(i.row.received_at),
        channel: i.row.channel,
        subject: i.row.subject,
        from: i.row.from_addr,
        reply_to: i.row.reply_to,
        text: i.row.body,
        analysis: i.analysis,
    }
}

/// Reads one message and answers the analysis, exactly as `leadledger inquiry analyze --jsonl`
/// writes it; nothing is stored.
#[utoipa::path(post, path = "/api/v1/inquiries/analyze", tag = "inquiries", request_body = InquiryIn,
    responses((status = 200, description = "the analysis: id, language, completeness, risk, facts, questions", body = Object), (status = 422, body = ErrorOut)))]
pub async fn analyze(ApiUser(_): ApiUser, body: Bytes) -> Result<Json<Value>, ApiError> {
    let line = String::from_utf8(body.to_vec())
        .map_err(|_| ApiError::bad_request("the body is not UTF-8"))?;
    let v =
        tokio::task::spawn_blocking(move || leadledger_inquiry::analyze_jsonl_line(line.trim()))
            .await
            .map_err(|_| ApiError::bad_request("could not read the message"))?;
    if let Some(err) = v.get("error").and_then(Value::as_str) {
        let field = if err.contains("JSON") || err.contains("json") {
            "body"
        } else {
            "text"
        };
        return Err(ApiError::invalid(&FieldErrors::single(
            field,
            Invalid::new("invalid_inquiry", err.to_string()),
        )));
    }
    Ok(Json(v))
}

#[utoipa::path(get, path = "/api/v1/inquiries", tag = "inquiries",
    params(("grade" = Option<String>, Query, description = "high, medium, low"), ("risk" = Option<String>, Query, description = "genuine, junk, scam"),
        ("linked" = Option<bool>, Query), ("customer_id" = Option<i64>, Query), ("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = InquiryList), (status = 422, body = ErrorOut)))]
pub async fn list(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    RawQuery(q): RawQuery,
) -> Result<Json<InquiryList>, ApiError> {
    let params = query_pairs(&q)?;
    let page = page_of(&params)?;
    let get = |k: &str| {
        params
            .iter()
            .find(|(n, v)| n == k && !v.is_empty())
            .map(|(_, v)| v.as_str())
    };
    let bad = |f: &'static str, m: &str| {
        ApiError::invalid(&FieldErrors::single(
            f,
            Invalid::new("invalid_filter", m.to_string()),
        ))
    };
    let mut f = InquiryFilter {
        customer_id: optional_id(&params, "customer_id")?,
        ..Default::default()
    };
    f.grade = match get("grade") {
        None => None,
        Some(g @ ("high" | "medium" | "low")) => Some(g.into()),
        Some(_) => return Err(bad("grade", "high, medium or low")),
    };
    match get("risk") {
        None => {}
        Some("genuine") => f.junk = Some(false),
        Some("junk") => f.junk = Some(true),
        Some("scam") => f.scam = Some(true),
        Some(_) => return Err(bad("risk", "genuine, junk or scam")),
    }
    f.linked = match get("linked") {
        None => None,
        Some("true") => Some(true),
        Some("false") => Some(false),
        Some(_) => return Err(bad("linked", "true or false")),
    };
    let r = inquiries::list(&s.app, &a, f, page).await?;
    Ok(Json(InquiryList {
        items: r.items.into_iter().map(out).collect(),
        total: r.total,
        page: r.page,
        per_page: r.per_page,
    }))
}

#[utoipa::path(post, path = "/api/v1/inquiries", tag = "inquiries", request_body = InquiryIn,
    responses((status = 201, body = InquiryOut), (status = 403, body = ErrorOut), (status = 404, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn create(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    ApiJson(b): ApiJson<InquiryIn>,
) -> Result<(StatusCode, Json<InquiryOut>), ApiError> {
    if b.text.trim().is_empty() {
        return Err(ApiError::invalid(&FieldErrors::single(
            "text",
            Invalid::new("required", "this field is required"),
        )));
    }
    let mut m = leadledger_inquiry::message_from_text(&b.text).map_err(|e| {
        ApiError::invalid(&FieldErrors::single(
            "text",
            Invalid::new("too_long", e.to_string()),
        ))
    })?;
    m.subject = b.subject;
    m.from = b.from;
    m.reply_to = b.reply_to;
    let ids = inquiries::submit(&s.app, &a, vec![m], Channel::Api, b.customer_id).await?;
    Ok((
        StatusCode::CREATED,
        Json(out(inquiries::get(&s.app, &a, ids[0]).await?)),
    ))
}

#[utoipa::path(get, path = "/api/v1/inquiries/{id}", tag = "inquiries", params(("id" = i64, Path)),
    responses((status = 200, body = InquiryOut), (status = 404, body = ErrorOut)))]
pub async fn get(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<InquiryOut>, ApiError> {
    Ok(Json(out(inquiries::get(&s.app, &a, path_id(&id)?).await?)))
}

/// Links the inquiry to a buyer, or unlinks it with `"customer_id": null`.
#[utoipa::path(put, path = "/api/v1/inquiries/{id}", tag = "inquiries", params(("id" = i64, Path)), request_body = InquiryLinkIn,
    responses((status = 200, body = InquiryOut), (status = 403, body = ErrorOut), (status = 404, body = ErrorOut)))]
pub async fn update(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<InquiryLinkIn>,
) -> Result<Json<InquiryOut>, ApiError> {
    let id = path_id(&id)?;
    inquiries::link(&s.app, &a, id, b.customer_id).await?;
    Ok(Json(out(inquiries::get(&s.app, &a, id).await?)))
}

#[utoipa::path(delete, path = "/api/v1/inquiries/{id}", tag = "inquiries", params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = ErrorOut), (status = 404, body = ErrorOut)))]
pub async fn delete(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    inquiries::delete(&s.app, &a, path_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}
