//! Errors as HTTP answers. Pages get a translated 403/404/… page; the API gets
//! `{"code", "message", "fields"}` with a 4xx status. A 5xx says nothing; the cause goes to the log.

use crate::i18n::Lang;
use crate::layout::Layout;
use askama::Template;
use axum::Json;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use leadledger_app::AppError;
use leadledger_domain::FieldErrors;
use serde_json::{Map, Value, json};

/// What went wrong while serving a page.
#[derive(Debug)]
pub enum WebError {
    NotFound,
    Forbidden,
    /// Not signed in (or the session expired): go to the sign-in page, then back.
    Login {
        next: String,
    },
    /// A bad query parameter or form on a page with no form to re-render.
    BadRequest(String),
    /// The form's CSRF token was missing or wrong.
    Csrf,
    Internal,
}

/// Marks a response whose body the error-page middleware renders in the user's language.
#[derive(Debug, Clone)]
struct ErrorPage {
    status: StatusCode,
    detail: Option<String>,
}

impl From<AppError> for WebError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::NotFound => WebError::NotFound,
            AppError::Forbidden => WebError::Forbidden,
            AppError::Unauthenticated => WebError::Login { next: "/".into() },
            AppError::Invalid(f) => WebError::BadRequest(f.to_string()),
            AppError::Conflict(m) => WebError::BadRequest(m),
            other => {
                tracing::error!(error = ?other, "request failed");
                WebError::Internal
            }
        }
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let (status, detail) = match self {
            WebError::NotFound => (StatusCode::NOT_FOUND, None),
            WebError::Forbidden => (StatusCode::FORBIDDEN, None),
            WebError::Csrf => (StatusCode::FORBIDDEN, Some("csrf".to_string())),
            WebError::BadRequest(m) => (StatusCode::BAD_REQUEST, Some(m)),
            WebError::Internal => (StatusCode::INTERNAL_SERVER_ERROR, None),
            WebError::Login { next } => {
                let target = format!("/login?next={}", crate::form::url_encode(&next));
                return Redirect::to(&target).into_response();
            }
        };
        let mut r = status.into_response();
        r.extensions_mut().insert(ErrorPage { status, detail });
        r
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTemplate {
    l: Layout,
    status: u16,
    heading: &'static str,
    detail: Option<String>,
}

/// Turns bare error responses of page routes into full pages in the request's language.
pub async fn render_error_pages(req: Request, next: Next) -> Response {
    let lang = crate::session::request_lang(req.headers());
    let path = req.uri().path().to_string();
    let resp = next.run(req).await;
    let Some(page) = resp.extensions().get::<ErrorPage>().cloned() else {
        return resp;
    };
    let heading = match page.status {
        StatusCode::NOT_FOUND => lang.t("error.not_found"),
        StatusCode::FORBIDDEN if page.detail.as_deref() == Some("csrf") => lang.t("error.csrf"),
        StatusCode::FORBIDDEN => lang.t("error.forbidden"),
        StatusCode::BAD_REQUEST => lang.t("error.bad_request"),
        _ => lang.t("error.internal"),
    };
    let detail = page.detail.filter(|d| d != "csrf");
    let t = ErrorTemplate {
        l: Layout::anonymous(lang, &path, heading),
        status: page.status.as_u16(),
        heading,
        detail,
    };
    match t.render() {
        Ok(body) => (page.status, Html(body)).into_response(),
        Err(_) => page.status.into_response(),
    }
}

/// An API error: `{"code", "message", "fields"}`. Boxed, so `Result`s stay small.
#[derive(Debug)]
pub struct ApiError(Box<ApiErrorBody>);

#[derive(Debug)]
pub struct ApiErrorBody {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub fields: Map<String, Value>,
    pub extra: Option<(&'static str, Value)>,
}

impl std::ops::Deref for ApiError {
    type Target = ApiErrorBody;
    fn deref(&self) -> &ApiErrorBody {
        &self.0
    }
}

impl std::ops::DerefMut for ApiError {
    fn deref_mut(&mut self) -> &mut ApiErrorBody {
        &mut self.0
    }
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self(Box::new(ApiErrorBody {
            status,
            code,
            message: message.into(),
            fields: Map::new(),
            extra: None,
        }))
    }

    pub fn invalid(errors: &FieldErrors) -> Self {
        let mut e = Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_input",
            format!("invalid input: {errors}"),
        );
        for (field, err) in &errors.0 {
            e.fields.insert(
                field.clone(),
                json!({"code": err.code, "message": err.message}),
            );
        }
        e
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::Invalid(f) => ApiError::invalid(&f),
            AppError::NotFound => ApiError::new(
                StatusCode::NOT_FOUND,
                "not_found",
                "no such resource, or not visible to you",
            ),
            AppError::Forbidden => ApiError::new(
                StatusCode::FORBIDDEN,
                "forbidden",
                "your role does not allow this",
            ),
            AppError::BadCredentials => ApiError::new(
                StatusCode::UNAUTHORIZED,
                "bad_credentials",
                "wrong user name or password",
            ),
            AppError::Unauthenticated => ApiError::new(
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
                "sign in or send a bearer token",
            ),
            AppError::Throttled { retry_after } => ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "throttled",
                format!("too many failed sign-ins; try again in {retry_after} seconds"),
            ),
            AppError::Conflict(m) => ApiError::new(StatusCode::CONFLICT, "conflict", m),
            AppError::Duplicates(d) => {
                let mut e = ApiError::new(
                    StatusCode::CONFLICT,
                    "duplicate_candidates",
                    "similar customers exist; resend with confirm_duplicates=true to save anyway",
                );
                e.extra = Some(("candidates", json!(d)));
                e
            }
            other => {
                tracing::error!(error = ?other, "api request failed");
                ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "internal error",
                )
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let e = *self.0;
        let mut body = json!({"code": e.code, "message": e.message, "fields": e.fields});
        if let Some((k, v)) = e.extra {
            body[k] = v;
        }
        (e.status, Json(body)).into_response()
    }
}

/// The language-neutral helper for translating a validation code, falling back to its English
/// message when there is no translation for the code.
/// Every field error, translated, as one line for an alert.
pub fn translate_all(lang: Lang, e: &leadledger_domain::FieldErrors) -> String {
    e.0.values()
        .map(|v| translate_invalid(lang, v.code, &v.message))
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn translate_invalid(lang: Lang, code: &str, message: &str) -> String {
    let key = format!("err.{code}");
    if crate::i18n::catalog().contains_key(&key) {
        lang.t(&key).to_string()
    } else {
        message.to_string()
    }
}
