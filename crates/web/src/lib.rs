//! leadledger web crate.
