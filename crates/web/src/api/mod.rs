//! The JSON API under `/api/v1`: customers, contacts, activities, tags and custom fields, with an
//! OpenAPI 3 document generated from these handlers and types.
//!
//! Conventions: lists answer `{"items", "total", "page", "per_page"}` and take `page` and
//! `per_page` (≤ 500); errors answer `{"code", "message", "fields"}` with a 4xx status; times are
//! RFC 3339 strings in UTC.

mod activities;
mod customers;
mod dto;
mod fields;
mod inquiries;
mod invoices;
mod openapi;
mod orders;
mod payments;
mod products;
mod quotes;
mod rates;
mod tags;

use crate::AppState;
use crate::error::ApiError;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::routing::{get, post};
use leadledger_domain::page::PageRequest;
use serde::de::DeserializeOwned;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi::document))
        .route("/me", get(customers::me))
        .route("/customers", get(customers::list).post(customers::create))
        .route("/customers/duplicates", post(customers::duplicates))
        .route(
            "/customers/{id}",
            get(customers::get)
                .put(customers::replace)
                .patch(customers::patch)
                .delete(customers::delete),
        )
        .route("/customers/{id}/merge", post(customers::merge))
        .route(
            "/contacts",
            get(customers::contacts_list).post(customers::contact_create),
        )
        .route(
            "/contacts/{id}",
            get(customers::contact_get)
                .put(customers::contact_update)
                .delete(customers::contact_delete),
        )
        .route(
            "/activities",
            get(activities::list).post(activities::create),
        )
        .route(
            "/activities/{id}",
            get(activities::get)
                .put(activities::update)
                .delete(activities::delete),
        )
        .route("/inquiries", get(inquiries::list).post(inquiries::create))
        .route("/inquiries/analyze", post(inquiries::analyze))
        .route(
            "/inquiries/{id}",
            get(inquiries::get)
                .put(inquiries::update)
                .delete(inquiries::delete),
        )
        .route("/products", get(products::list).post(products::create))
        .route(
            "/products/{id}",
            get(products::get)
                .put(products::update)
                .delete(products::delete),
        )
        .route("/rates", get(rates::list).post(rates::create))
        .route("/rates/convert", get(rates::convert))
        .route("/quotes", get(quotes::list).post(quotes::create))
        .route("/quotes/{id}", get(quotes::get).put(quotes::update))
        .route("/quotes/{id}/revise", post(quotes::revise))
        .route("/quotes/{id}/revisions", get(quotes::revisions))
        .route("/quotes/{id}/diff", get(quotes::diff))
        .route("/quotes/{id}/{event}", post(quotes::event))
        .route("/sales-orders", get(orders::list).post(orders::create))
        .route("/sales-orders/{id}", get(orders::get))
        .route("/sales-orders/{id}/ship", post(orders::ship))
        .route("/invoices", get(invoices::list).post(invoices::create))
        .route(
            "/invoices/{id}",
            get(invoices::get).delete(invoices::delete),
        )
        .route("/invoices/{id}/credit-notes", post(invoices::credit_note))
        .route("/receivables", get(invoices::receivables))
        .route("/invoices/{id}/issue", post(invoices::issue))
        .route("/invoices/{id}/void", post(invoices::void))
        .route("/payments", get(payments::list).post(payments::create))
        .route("/payments/{id}", get(payments::get))
        .route("/payments/{id}/apply", post(payments::apply))
        .route("/tags", get(tags::list).post(tags::create))
        .route(
            "/tags/{id}",
            get(tags::get).put(tags::update).delete(tags::delete),
        )
        .route("/custom-fields", get(fields::list).post(fields::create))
        .route(
            "/custom-fields/{id}",
            get(fields::get).put(fields::update).delete(fields::delete),
        )
        .fallback(|| async {
            ApiError::new(
                axum::http::StatusCode::NOT_FOUND,
                "not_found",
                "no such endpoint",
            )
        })
}

/// A JSON body whose parse errors answer in the API's error format.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(req, state).await.map_err(|e| {
            ApiError::new(
                axum::http::StatusCode::PAYLOAD_TOO_LARGE,
                "body_too_large",
                format!("request body refused: {e}"),
            )
        })?;
        serde_json::from_slice(&bytes)
            .map(ApiJson)
            .map_err(|e| ApiError::bad_request(format!("invalid JSON body: {e}")))
    }
}

/// The raw query as ordered pairs.
pub fn query_pairs(q: &Option<String>) -> Result<Vec<(String, String)>, ApiError> {
    match q {
        None => Ok(vec![]),
        Some(q) => serde_urlencoded::from_str(q)
            .map_err(|e| ApiError::bad_request(format!("malformed query: {e}"))),
    }
}

pub fn page_of(params: &[(String, String)]) -> Result<PageRequest, ApiError> {
    let get = |k: &str| params.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    PageRequest::parse(get("page"), get("per_page"))
        .map_err(|(field, e)| ApiError::invalid(&leadledger_domain::FieldErrors::single(field, e)))
}

/// One page of a list that is small enough to load whole (tags, custom fields), with its total.
pub fn page_in_memory<T, U>(
    all: Vec<T>,
    page: PageRequest,
    out: impl FnMut(T) -> U,
) -> (Vec<U>, i64) {
    let total = all.len() as i64;
    (
        all.into_iter()
            .skip(page.offset() as usize)
            .take(page.limit() as usize)
            .map(out)
            .collect(),
        total,
    )
}

/// A path id; anything but a positive integer is a 404.
pub fn path_id(s: &str) -> Result<i64, ApiError> {
    s.parse::<i64>().ok().filter(|i| *i > 0).ok_or_else(|| {
        ApiError::new(
            axum::http::StatusCode::NOT_FOUND,
            "not_found",
            "no such resource",
        )
    })
}

pub fn rfc3339(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default()
}
