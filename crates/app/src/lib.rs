//! Use cases: every read and change a user can make, with authorization, validation results,
//! transactions and the audit log. The web handlers and the CLI call these and nothing below.
//!
//! Architecture invariant: authorization is enforced here, never only in templates or handlers.
//! Every function that touches a customer checks the actor's right to it first.

pub mod activities;
pub mod audit;
pub mod auth;
pub mod company;
pub mod contacts;
pub mod costing;
pub mod credit_notes;
pub mod customers;
pub mod demo;
pub mod error;
pub mod fields;
pub mod inquiries;
pub mod invoices;
pub mod orders;
pub mod payments;
pub mod products;
pub mod quotes;
pub mod rates;
pub mod receivables;
pub mod shipping;
pub mod tags;
pub mod users;

pub use error::AppError;
pub use leadledger_domain as domain;
pub use leadledger_store as store;

use leadledger_store::Db;

pub type Result<T, E = AppError> = std::result::Result<T, E>;

/// Settings the use cases need.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Idle lifetime of a web session, in seconds.
    pub session_ttl: i64,
    /// Failed logins per user name within `throttle_window` before further attempts are refused.
    pub max_failures_per_user: i64,
    /// Failed logins per client address within the window.
    pub max_failures_per_ip: i64,
    pub throttle_window: i64,
    /// An open quote warns when today's rate differs from its frozen rate by more than this
    /// many percent.
    pub requote_threshold_percent: rust_decimal::Decimal,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            session_ttl: 12 * 3600,
            max_failures_per_user: 5,
            max_failures_per_ip: 30,
            throttle_window: 15 * 60,
            requote_threshold_percent: rust_decimal::Decimal::from(2),
        }
    }
}

/// The application: a database and its settings. Cheap to clone.
#[derive(Clone, Debug)]
pub struct App {
    pub db: Db,
    pub settings: Settings,
}

impl App {
    pub fn new(db: Db) -> Self {
        Self {
            db,
            settings: Settings::default(),
        }
    }
}

/// A page of results with the total count, as every list answers.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
}

impl<T> Page<T> {
    pub fn pages(&self) -> u32 {
        domain::page::PageRequest {
            page: self.page,
            per_page: self.per_page,
        }
        .pages(self.total)
    }
}

tokio::task_local! {
    /// A fixed "now" for the code run inside [`at`].
    static CLOCK: i64;
}

/// Current time in Unix seconds: the wall clock, or the time set by [`at`].
pub fn now() -> i64 {
    CLOCK
        .try_with(|t| *t)
        .unwrap_or_else(|_| chrono::Utc::now().timestamp())
}

/// Today's date (UTC) by [`now`].
pub fn today() -> chrono::NaiveDate {
    chrono::DateTime::from_timestamp(now(), 0)
        .map(|d| d.date_naive())
        .unwrap_or_default()
}

/// Runs `f` as if it were `t` (Unix seconds): every timestamp and "today" the use cases take
/// inside it is `t`. The demo writes its history through the same use cases as users do, each
/// on the day it happened.
pub async fn at<F: std::future::Future>(t: i64, f: F) -> F::Output {
    CLOCK.scope(t, f).await
}
