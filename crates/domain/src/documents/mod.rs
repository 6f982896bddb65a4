//! Why this module exists: quotes, sales orders, proforma and commercial invoices and credit
//! notes share one vocabulary of lines, charges and totals, and each has rules about what may
//! happen to it. Those rules live here as pure functions so that every layer (store, app, web,
//! rendering) applies the same ones, and so they can be tested exhaustively.
//!
//! - [`lines`]: a document line, charges and the document discount, parsed from form strings;
//! - [`totals`]: the one totals calculation and the frozen exchange rate;
//! - [`quote`]: the quote status machine, revisions with reasons, snapshots and their diff;
//! - [`numbering`]: document number formats (the gapless counter itself lives in the store);
//! - [`invoice`]: invoice kinds, derived status, immutability, due dates, invoiceable quantities;
//! - [`aging`]: receivable aging buckets per currency.
//!
//! **Architecture invariant**: nothing here reads a clock, a database or a file; "today" is
//! always an argument.

pub mod aging;
pub mod invoice;
pub mod lines;
pub mod numbering;
pub mod quote;
pub mod totals;

#[cfg(test)]
mod agreement_tests;
#[cfg(test)]
mod test_support;
