//! Persistence on SQLite and PostgreSQL from one code base.
//!
//! [`Db`] holds a pool of either backend, picked from the URL scheme. Every query is written once
//! with `$n` placeholders and portable types (Unix-second `BIGINT` times, `TEXT`, `BOOLEAN`) and
//! runs on whichever backend through the [`on_tx!`] macro, which repeats the same code for both
//! connection types. Migrations live in `migrations/{sqlite,postgres}` with the same numbers.
//!
//! Architecture invariant: no business rule lives here. Functions take already-validated values,
//! and authorization is the `app` layer's job.

pub mod activities;
pub mod audit;
pub mod bulk;
pub mod company;
pub mod contacts;
pub mod customers;
mod db;
pub mod fields;
pub mod inquiries;
pub mod invoices;
pub mod orders;
pub mod payments;
pub mod products;
mod query;
pub mod quotes;
pub mod rates;
pub mod receivables;
pub mod sessions;
pub mod tags;
pub mod testing;
pub mod users;

pub use db::{Arg, Backend, Db, StoreError, Tx};

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
