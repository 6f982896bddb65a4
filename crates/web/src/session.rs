//! Who is asking: session cookies for pages, bearer tokens or cookies for the API, the CSRF
//! checks that go with cookies, the UI language, and the client address for sign-in throttling.

use crate::AppState;
use crate::error::{ApiError, WebError};
use crate::form::FormData;
use crate::i18n::Lang;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use leadledger_app::AppError;
use leadledger_app::auth::{self, Session};
use leadledger_domain::user::Actor;
use std::net::SocketAddr;

pub const SESSION_COOKIE: &str = "ll_session";
pub const LANG_COOKIE: &str = "ll_lang";
pub const LOGIN_CSRF_COOKIE: &str = "ll_login_csrf";
/// The form field carrying the CSRF token.
pub const CSRF_FIELD: &str = "_csrf";
/// The header carrying the CSRF token on cookie-authenticated API calls.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The value of one cookie.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, path `/`.
pub fn set_cookie(name: &str, value: &str, max_age: i64, secure: bool) -> String {
    format!(
        "{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{}",
        if secure { "; Secure" } else { "" }
    )
}

/// The cookie's language, else the browser's `Accept-Language`, else English.
pub fn request_lang(headers: &HeaderMap) -> Lang {
    cookie(headers, LANG_COOKIE)
        .and_then(|c| Lang::parse(&c))
        .unwrap_or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .map(Lang::from_accept_language)
                .unwrap_or(Lang::En)
        })
}

pub fn client_ip(parts: &Parts) -> String {
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

fn path_and_query(parts: &Parts) -> String {
    parts
        .uri
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "/".into())
}

/// A signed-in user on a page.
pub struct PageUser {
    pub session: Session,
    pub lang: Lang,
    /// Path and query of this request, for the language switch and redirects.
    pub path: String,
}

impl PageUser {
    pub fn actor(&self) -> &Actor {
        &self.session.actor
    }
}

impl FromRequestParts<AppState> for PageUser {
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let lang = request_lang(&parts.headers);
        let path = path_and_query(parts);
        let next = if parts.method == Method::GET {
            path.clone()
        } else {
            "/".into()
        };
        let token =
            cookie(&parts.headers, SESSION_COOKIE).ok_or(WebError::Login { next: next.clone() })?;
        let session = auth::session(&state.app, &token)
            .await
            .map_err(|e| match e {
                AppError::Unauthenticated => WebError::Login { next },
                other => other.into(),
            })?;
        Ok(PageUser {
            session,
            lang,
            path,
        })
    }
}

/// A state-changing page request: a signed-in user and a form whose CSRF token matched.
pub struct PostForm {
    pub user: PageUser,
    pub form: FormData,
}

impl FromRequest<AppState> for PostForm {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = req.into_parts();
        let user = PageUser::from_request_parts(&mut parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let bytes = axum::body::to_bytes(body, crate::MAX_BODY_BYTES)
            .await
            .map_err(|_| StatusCode::PAYLOAD_TOO_LARGE.into_response())?;
        let form = FormData::parse(&bytes)
            .map_err(|_| WebError::BadRequest("malformed form".into()).into_response())?;
        let sent = form.get(CSRF_FIELD);
        if !auth::tokens_match(sent, &user.session.csrf) {
            return Err(WebError::Csrf.into_response());
        }
        Ok(PostForm { user, form })
    }
}

/// A caller of the API: a bearer token, or a session cookie plus the CSRF header on writes.
pub struct ApiUser(pub Actor);

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(auth) = parts.headers.get(header::AUTHORIZATION) {
            let token = auth
                .to_str()
                .ok()
                .and_then(|v| {
                    v.strip_prefix("Bearer ")
                        .or_else(|| v.strip_prefix("bearer "))
                })
                .map(str::trim)
                .ok_or_else(|| {
                    ApiError::new(
                        StatusCode::UNAUTHORIZED,
                        "unauthenticated",
                        "use Authorization: Bearer TOKEN",
                    )
                })?;
            return Ok(ApiUser(
                auth::token_actor(&state.app, token)
                    .await
                    .map_err(|e| match e {
                        AppError::Unauthenticated => ApiError::new(
                            StatusCode::UNAUTHORIZED,
                            "unauthenticated",
                            "unknown or revoked token",
                        ),
                        other => other.into(),
                    })?,
            ));
        }
        let token = cookie(&parts.headers, SESSION_COOKIE)
            .ok_or_else(|| ApiError::from(AppError::Unauthenticated))?;
        let session = auth::session(&state.app, &token)
            .await
            .map_err(ApiError::from)?;
        if !matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS) {
            let sent = parts
                .headers
                .get(CSRF_HEADER)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            if !auth::tokens_match(sent, &session.csrf) {
                return Err(ApiError::new(
                    StatusCode::FORBIDDEN,
                    "csrf",
                    "cookie-authenticated writes need the X-CSRF-Token header",
                ));
            }
        }
        Ok(ApiUser(session.actor))
    }
}

/// Refuses state-changing requests sent from another site (defence in depth next to the
/// CSRF tokens): a cross-site `Sec-Fetch-Site`, or an `Origin` whose host is not ours.
pub async fn reject_cross_origin(req: Request, next: Next) -> Response {
    if !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        let h = req.headers();
        let cross_site =
            h.get("sec-fetch-site").and_then(|v| v.to_str().ok()) == Some("cross-site");
        let host = h.get(header::HOST).and_then(|v| v.to_str().ok());
        let foreign_origin = match (h.get(header::ORIGIN).and_then(|v| v.to_str().ok()), host) {
            (Some("null"), _) => true,
            (Some(origin), Some(host)) => {
                origin.split_once("://").map(|(_, rest)| rest) != Some(host)
            }
            _ => false,
        };
        if cross_site || foreign_origin {
            return WebError::Csrf.into_response();
        }
    }
    next.run(req).await
}

/// A multipart form (file uploads) whose CSRF token matched: its text fields, and its files as
/// `(field name, file name, bytes)`; empty file inputs are left out.
pub struct Upload {
    pub fields: FormData,
    pub files: Vec<(String, String, Vec<u8>)>,
}

impl Upload {
    /// The bytes of the file sent in `field`, if any.
    pub fn file(&self, field: &str) -> Option<&(String, String, Vec<u8>)> {
        self.files.iter().find(|(f, _, _)| f == field)
    }
}

pub async fn read_upload(
    user: &PageUser,
    mut mp: axum::extract::Multipart,
) -> Result<Upload, WebError> {
    let mut pairs = Vec::new();
    let mut files = Vec::new();
    while let Some(field) = mp
        .next_field()
        .await
        .map_err(|_| WebError::BadRequest("malformed upload".into()))?
    {
        let name = field.name().unwrap_or("").to_string();
        let file_name = field.file_name().map(String::from);
        let bytes = field
            .bytes()
            .await
            .map_err(|_| WebError::BadRequest("upload too large or broken".into()))?;
        match file_name {
            Some(f) if !bytes.is_empty() => files.push((name, f, bytes.to_vec())),
            Some(_) => {}
            None => pairs.push((name, String::from_utf8_lossy(&bytes).into_owned())),
        }
    }
    let fields = FormData::from_pairs(pairs);
    if !auth::tokens_match(fields.get(CSRF_FIELD), &user.session.csrf) {
        return Err(WebError::Csrf);
    }
    Ok(Upload { fields, files })
}
