//! Sign-in, sign-out and the language switch.

use super::render_status;
use crate::AppState;
use crate::form::{FormData, safe_next};
use crate::layout::Layout;
use crate::session::{
    LANG_COOKIE, LOGIN_CSRF_COOKIE, PostForm, SESSION_COOKIE, client_ip, cookie, request_lang,
    set_cookie,
};
use askama::Template;
use axum::extract::{Path, Query, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use leadledger_app::{AppError, auth};
use std::collections::HashMap;

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    l: Layout,
    csrf: String,
    next: String,
    username: String,
    error: Option<String>,
}

fn login_page(
    lang: crate::i18n::Lang,
    next: &str,
    username: &str,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    let csrf = auth::random_token();
    let page = LoginPage {
        l: Layout::anonymous(
            lang,
            &format!("/login?next={}", crate::form::url_encode(next)),
            lang.t("login.title"),
        ),
        csrf: csrf.clone(),
        next: next.to_string(),
        username: username.to_string(),
        error,
    };
    let mut r = render_status(status, &page);
    if let Ok(v) = set_cookie(LOGIN_CSRF_COOKIE, &csrf, 3600, false).parse() {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

pub async fn form(
    headers: axum::http::HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let next = safe_next(q.get("next").map(String::as_str).unwrap_or("/"));
    login_page(request_lang(&headers), next, "", None, StatusCode::OK)
}

pub async fn submit(State(s): State<AppState>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let lang = request_lang(&parts.headers);
    let ip = client_ip(&parts);
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let form = FormData::parse(&bytes).unwrap_or_default();
    let next = safe_next(form.get("next")).to_string();
    let username = form.get("username").trim().to_string();
    // Login CSRF: the hidden field must match the cookie set with the form.
    let expected = cookie(&parts.headers, LOGIN_CSRF_COOKIE).unwrap_or_default();
    if expected.is_empty() || !auth::tokens_match(form.get("_csrf"), &expected) {
        return login_page(
            lang,
            &next,
            &username,
            Some(lang.t("login.expired_form").into()),
            StatusCode::FORBIDDEN,
        );
    }
    match auth::login(&s.app, &username, form.get("password"), &ip).await {
        Ok(sess) => {
            let mut r = Redirect::to(&next).into_response();
            let c = set_cookie(
                SESSION_COOKIE,
                &sess.token,
                s.app.settings.session_ttl,
                s.secure_cookies,
            );
            if let Ok(v) = c.parse() {
                r.headers_mut().append(header::SET_COOKIE, v);
            }
            if let Ok(v) = set_cookie(LOGIN_CSRF_COOKIE, "", 0, false).parse() {
                r.headers_mut().append(header::SET_COOKIE, v);
            }
            r
        }
        Err(AppError::BadCredentials) => login_page(
            lang,
            &next,
            &username,
            Some(lang.t("login.bad_credentials").into()),
            StatusCode::UNAUTHORIZED,
        ),
        Err(AppError::Throttled { retry_after }) => {
            let msg = lang.tf(
                "login.throttled",
                &[("minutes", &((retry_after + 59) / 60).to_string())],
            );
            let mut r = login_page(
                lang,
                &next,
                &username,
                Some(msg),
                StatusCode::TOO_MANY_REQUESTS,
            );
            if let Ok(v) = retry_after.to_string().parse() {
                r.headers_mut().insert(header::RETRY_AFTER, v);
            }
            r
        }
        Err(e) => crate::error::WebError::from(e).into_response(),
    }
}

pub async fn logout(State(s): State<AppState>, p: PostForm) -> Response {
    let _ = auth::logout(&s.app, &p.user.session.token).await;
    let mut r = Redirect::to("/login").into_response();
    if let Ok(v) = set_cookie(SESSION_COOKIE, "", 0, s.secure_cookies).parse() {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

pub async fn switch_lang(
    Path(code): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let Some(lang) = crate::i18n::Lang::parse(&code) else {
        return crate::error::WebError::NotFound.into_response();
    };
    let next = safe_next(q.get("next").map(String::as_str).unwrap_or("/"));
    let mut r = Redirect::to(next).into_response();
    let c = format!(
        "{LANG_COOKIE}={}; Path=/; SameSite=Lax; Max-Age=31536000",
        lang.code()
    );
    if let Ok(v) = c.parse() {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}
