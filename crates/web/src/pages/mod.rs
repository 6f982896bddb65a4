//! HTML pages. Each handler parses its input, calls one use case and renders a template.

mod activities;
mod admin;
mod company;
mod contacts;
mod customer_list;
mod customers;
mod inquiries;
mod invoices;
mod login;
mod merge;
mod orders;
mod payments;
mod pricing;
mod products;
mod quotes;
mod rates;
mod receivables;
mod tags;

pub(crate) use customer_list::parse_filter as customer_filter;

use crate::AppState;
use crate::error::WebError;
use askama::Template;
use axum::Router;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(|| async { Redirect::to("/customers") }))
        .route("/login", get(login::form).post(login::submit))
        .route("/logout", post(login::logout))
        .route("/lang/{code}", get(login::switch_lang))
        .route(
            "/customers",
            get(customer_list::index).post(customers::create),
        )
        .route("/customers/new", get(customers::new_form))
        .route(
            "/customers/{id}",
            get(customers::show).post(customers::update),
        )
        .route("/customers/{id}/edit", get(customers::edit_form))
        .route("/customers/{id}/delete", post(customers::delete))
        .route("/customers/{id}/owner", post(customers::set_owner))
        .route(
            "/customers/{id}/merge",
            get(merge::merge_form).post(merge::merge),
        )
        .route("/customers/{id}/contacts", post(contacts::add_contact))
        .route("/contacts/{id}/edit", get(contacts::edit_contact_form))
        .route("/contacts/{id}", post(contacts::update_contact))
        .route("/contacts/{id}/delete", post(contacts::delete_contact))
        .route("/customers/{id}/activities", post(activities::create))
        .route("/activities", get(activities::index))
        .route("/activities/{id}/delete", post(activities::delete))
        .route(
            "/inquiries",
            get(inquiries::index).post(inquiries::submit).layer(
                axum::extract::DefaultBodyLimit::max(crate::MAX_UPLOAD_BYTES),
            ),
        )
        .route("/inquiries/{id}", get(inquiries::show))
        .route("/inquiries/{id}/link", post(inquiries::link))
        .route("/inquiries/{id}/delete", post(inquiries::delete))
        .route("/products", get(products::index).post(products::create))
        .route("/products.csv", get(products::export))
        .route("/products/new", get(products::new_form))
        .route(
            "/products/import",
            post(products::import).layer(axum::extract::DefaultBodyLimit::max(
                crate::MAX_UPLOAD_BYTES,
            )),
        )
        .route("/products/{id}", get(products::show).post(products::update))
        .route("/products/{id}/delete", post(products::delete))
        .route(
            "/products/{id}/image",
            get(products::image).post(products::upload_image),
        )
        .route("/rates", get(rates::index).post(rates::create))
        .route(
            "/rates/import",
            post(rates::import).layer(axum::extract::DefaultBodyLimit::max(
                crate::MAX_UPLOAD_BYTES,
            )),
        )
        .route("/quotes", get(quotes::index).post(quotes::create))
        .route("/quotes/new", get(quotes::new_form))
        .route("/quotes/{id}", get(quotes::show).post(quotes::update))
        .route("/quotes/{id}/edit", get(quotes::edit_form))
        .route("/quotes/{id}/revise", post(quotes::revise))
        .route("/quotes/{id}/event", post(quotes::event))
        .route("/quotes/{id}/diff", get(quotes::diff))
        .route(
            "/quotes/{id}/pricing",
            get(pricing::show).post(pricing::save),
        )
        .route("/quotes/{id}/order", post(orders::from_quote))
        .route("/orders", get(orders::index).post(quotes::create_order))
        .route("/orders/new", get(quotes::new_order_form))
        .route("/orders/{id}", get(orders::show))
        .route("/orders/{id}/ship", post(orders::ship))
        .route("/invoices", get(invoices::index))
        .route("/invoices/{id}", get(invoices::show))
        .route("/invoices/{id}/issue", post(invoices::issue))
        .route("/invoices/{id}/void", post(invoices::void))
        .route("/invoices/{id}/pay", post(invoices::pay))
        .route("/invoices/{id}/credit", post(invoices::credit))
        .route("/invoices/{id}/delete", post(invoices::delete))
        .route("/receivables", get(receivables::index))
        .route("/quotes/{id}/proforma", post(invoices::proforma_from_quote))
        .route("/orders/{id}/proforma", post(invoices::proforma_from_order))
        .route("/orders/{id}/invoice", post(invoices::commercial))
        .route("/payments", get(payments::index).post(payments::create))
        .route("/payments/new", get(payments::new_form))
        .route("/payments/{id}", get(payments::show))
        .route("/payments/{id}/apply", post(payments::apply))
        .route("/tags", get(tags::index).post(tags::create))
        .route("/tags/{id}", post(tags::update))
        .route("/tags/{id}/delete", post(tags::delete))
        .route(
            "/settings/fields",
            get(admin::fields_index).post(admin::field_create),
        )
        .route(
            "/settings/fields/{id}",
            get(admin::field_edit).post(admin::field_update),
        )
        .route("/settings/fields/{id}/delete", post(admin::field_delete))
        .route("/users", get(admin::users_index).post(admin::user_create))
        .route("/users/{username}", post(admin::user_update))
        .route("/users/{username}/password", post(admin::user_password))
        .route("/audit", get(admin::audit_index))
        .route("/settings/company", get(company::show).post(company::save))
        .route("/settings/company/logo", post(company::upload_logo))
        .route("/settings/company/bank", post(company::add_bank))
        .route(
            "/settings/company/bank/{id}/delete",
            post(company::delete_bank),
        )
        .route("/company/logo", get(company::logo))
}

pub async fn not_found() -> WebError {
    WebError::NotFound
}

/// Renders a template, or a bare 500 (logged) if rendering fails.
pub fn render<T: Template>(t: &T) -> Response {
    match t.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            WebError::Internal.into_response()
        }
    }
}

/// Renders with a status (422 for a form with errors).
pub fn render_status<T: Template>(status: axum::http::StatusCode, t: &T) -> Response {
    let mut r = render(t);
    if r.status().is_success() {
        *r.status_mut() = status;
    }
    r
}

/// The query string as ordered pairs; a malformed query reads as empty.
pub fn query_pairs(q: &Option<String>) -> Vec<(String, String)> {
    q.as_deref()
        .and_then(|q| serde_urlencoded::from_str(q).ok())
        .unwrap_or_default()
}

/// A positive id from a path segment, or 404.
pub fn parse_id(s: &str) -> Result<i64, WebError> {
    s.parse::<i64>()
        .ok()
        .filter(|i| *i > 0)
        .ok_or(WebError::NotFound)
}

/// Pagination links for list pages.
pub struct Pager {
    pub page: u32,
    pub pages: u32,
    pub total: i64,
    /// The query string without `page`, ending in `&` when not empty.
    pub base: String,
}

impl Pager {
    pub fn new(page: u32, pages: u32, total: i64, params: &[(String, String)]) -> Self {
        let base: String = params
            .iter()
            .filter(|(k, v)| k != "page" && k != "flash" && !v.is_empty())
            .map(|(k, v)| {
                format!(
                    "{}={}&",
                    crate::form::url_encode(k),
                    crate::form::url_encode(v)
                )
            })
            .collect();
        Self {
            page,
            pages,
            total,
            base,
        }
    }

    pub fn href(&self, page: &u32) -> String {
        format!("?{}page={page}", self.base)
    }

    pub fn prev(&self) -> Option<u32> {
        (self.page > 1).then(|| self.page - 1)
    }

    pub fn next(&self) -> Option<u32> {
        (self.page < self.pages).then(|| self.page + 1)
    }
}

/// An uploaded image (logo, product photo) as a response; 404 when there is none.
fn image_response(img: Option<(Vec<u8>, String)>) -> Result<Response, WebError> {
    match img {
        Some((bytes, kind)) => Ok((
            [
                (axum::http::header::CONTENT_TYPE, kind),
                (
                    axum::http::header::CACHE_CONTROL,
                    "private, max-age=300".into(),
                ),
            ],
            bytes,
        )
            .into_response()),
        None => Err(WebError::NotFound),
    }
}
