//! The receivables report: every customer's open balance per currency, aged by due date, with
//! the open items behind it.

use super::render;
use crate::AppState;
use crate::error::WebError;
use crate::form::FormData;
use crate::layout::Layout;
use crate::session::PageUser;
use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use chrono::NaiveDate;
use leadledger_app::receivables::{self, Report};
use leadledger_app::store::receivables::OpenItem;
use leadledger_domain::money::{Currency, Money, format_amount};
use rust_decimal::Decimal;

#[derive(Template)]
#[template(path = "receivables.html")]
struct ReportPage {
    l: Layout,
    r: Report,
    as_of: String,
    overdue_only: bool,
}

impl ReportPage {
    fn amount(&self, m: &Money) -> String {
        if m.is_zero() {
            "—".into()
        } else {
            format!(
                "{} {}",
                m.currency.code(),
                format_amount(m.amount, m.currency)
            )
        }
    }

    fn item_amount(&self, i: &OpenItem) -> String {
        let c = Currency::parse(&i.currency).unwrap_or(Currency::USD);
        self.amount(&Money::new(Decimal::new(i.open_minor, c.minor_units()), c))
    }

    fn href(&self, i: &OpenItem) -> String {
        match i.source.as_str() {
            "payment" => format!("/payments/{}", i.document_id),
            _ => format!("/invoices/{}", i.document_id),
        }
    }

    fn source_label(&self, i: &OpenItem) -> &'static str {
        self.l.enum_label("receivables.source", &i.source)
    }

    fn overdue(&self, i: &OpenItem) -> bool {
        i.due_date
            .as_deref()
            .and_then(|d| d.parse::<NaiveDate>().ok())
            .is_some_and(|d| d < self.r.as_of)
    }
}

pub async fn index(
    State(s): State<AppState>,
    u: PageUser,
    RawQuery(q): RawQuery,
) -> Result<Response, WebError> {
    let form = FormData::from_pairs(super::query_pairs(&q));
    let today = chrono::Utc::now().date_naive();
    let as_of = match form.get("as_of").trim() {
        "" => today,
        d => d.parse::<NaiveDate>().map_err(|_| {
            WebError::BadRequest(format!("as_of: {d:?} is not a date like 2026-12-31"))
        })?,
    };
    let overdue_only = form.get("overdue") == "1";
    let mut r = receivables::report(&s.app, u.actor(), None, as_of).await?;
    if overdue_only {
        r.customers
            .retain(|c| c.rows.iter().any(|row| row.overdue().is_positive()));
    }
    Ok(render(&ReportPage {
        l: Layout::new(&u, "receivables", u.lang.t("nav.receivables")),
        as_of: as_of.to_string(),
        overdue_only,
        r,
    }))
}
