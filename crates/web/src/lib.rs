//! The web face of leadledger: server-rendered HTML pages (zh-CN and en), the JSON API under
//! `/api/v1` with its OpenAPI document, sessions and CSRF protection, and static assets served
//! from the binary.
//!
//! Architecture invariant: handlers parse input, call one `leadledger_app` use case and render;
//! there is no SQL and no business rule here.

pub mod api;
mod assets;
mod error;
mod form;
pub mod i18n;
mod layout;
mod pages;
mod session;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use axum::routing::get;
use leadledger_app::App;
use tower_http::set_header::SetResponseHeaderLayer;

pub use error::{ApiError, WebError};

/// Request bodies larger than this are refused with 413.
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;
/// Uploaded mailboxes may be larger.
pub const MAX_UPLOAD_BYTES: usize = 32 * 1024 * 1024;

/// Shared by every handler.
#[derive(Clone)]
pub struct AppState {
    pub app: App,
    /// Marks cookies `Secure`; on when served behind HTTPS.
    pub secure_cookies: bool,
}

/// The whole application as one router.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .merge(assets::routes())
        .merge(pages::routes())
        .nest("/api/v1", api::routes())
        .fallback(pages::not_found)
        .layer(axum::middleware::from_fn(session::reject_cross_origin))
        .layer(axum::middleware::from_fn(error::render_error_pages))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .with_state(state)
}

async fn healthz(
    axum::extract::State(s): axum::extract::State<AppState>,
) -> (axum::http::StatusCode, &'static str) {
    match s.app.db.ping().await {
        Ok(()) => (axum::http::StatusCode::OK, "ok"),
        Err(_) => (
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            "database unavailable",
        ),
    }
}
