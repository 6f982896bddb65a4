//! The payments received list.

use super::{Pager, render};
use crate::AppState;
use crate::error::WebError;
use crate::form::FormData;
use crate::layout::Layout;
use crate::session::PageUser;
use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use leadledger_app::payments;
use leadledger_app::store::payments::{PaymentFilter, PaymentRow};
use leadledger_domain::money::{Currency, format_amount};
use leadledger_domain::page::PageRequest;
use rust_decimal::Decimal;

#[derive(Template)]
#[template(path = "payments.html")]
struct IndexPage {
    l: Layout,
    items: Vec<PaymentRow>,
    pager: Pager,
    base: Currency,
}

impl IndexPage {
    fn amount(&self, minor: &i64, currency: &str) -> String {
        let c = Currency::parse(currency).unwrap_or(Currency::USD);
        format!(
            "{} {}",
            c.code(),
            format_amount(Decimal::new(*minor, c.minor_units()), c)
        )
    }

    fn unallocated(&self, p: &PaymentRow) -> String {
        self.amount(&(p.amount_minor - p.allocated_minor), &p.currency)
    }

    fn base_amount(&self, minor: &i64) -> String {
        format!(
            "{} {}",
            self.base.code(),
            format_amount(Decimal::new(*minor, self.base.minor_units()), self.base)
        )
    }
}

pub async fn index(
    State(s): State<AppState>,
    u: PageUser,
    RawQuery(q): RawQuery,
) -> Result<Response, WebError> {
    let params = super::query_pairs(&q);
    let form = FormData::from_pairs(params.clone());
    let page = PageRequest::parse(Some(form.get("page")), None)
        .map_err(|(_, e)| WebError::BadRequest(e.message))?;
    let r = payments::list(&s.app, u.actor(), PaymentFilter::default(), page).await?;
    let pager = Pager::new(r.page, r.pages(), r.total, &params);
    let base = leadledger_app::company::base_currency(&s.app).await?;
    Ok(render(&IndexPage {
        l: Layout::new(&u, "payments", u.lang.t("payments.title")),
        items: r.items,
        pager,
        base,
    }))
}
