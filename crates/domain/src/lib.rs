//! leadledger domain crate.
