//! leadledger app crate.
