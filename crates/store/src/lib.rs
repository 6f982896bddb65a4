//! leadledger store crate.
