//! leadledger inquiry crate.
