//! The vocabulary of leadledger: typed values that are parsed once at the edge and trusted inside.
//!
//! Architecture invariant: this crate does no IO and knows nothing of HTTP or SQL. Everything here
//! is a pure function of its inputs, so it can be tested exhaustively and reused by every layer.

pub mod activity;
pub mod contact;
pub mod country;
pub mod custom_field;
pub mod customer;
pub mod documents;
pub mod email;
pub mod error;
pub mod fx;
pub mod image;
pub mod incoterms;
pub mod money;
pub mod packing;
pub mod page;
pub mod payment_terms;
pub mod pricing;
pub mod product;
pub mod tag;
pub mod user;

pub use error::{FieldErrors, Invalid};
