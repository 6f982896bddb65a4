//! HTTP tests of the whole application (pages and API) against a real, migrated SQLite database.
//! Requests go through the real router in-process; nothing is mocked.

mod api;
mod company;
mod helpers;
mod inquiries;
mod invoices;
mod matrix;
mod orders;
mod pages;
mod payments;
mod pricing;
mod products;
mod quotes;
mod rates;
