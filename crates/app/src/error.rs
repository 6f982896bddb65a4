//! The one error type of the use-case layer.

use leadledger_domain::FieldErrors;
use leadledger_store::StoreError;

/// A customer that looks like the one being saved.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DuplicateCandidate {
    pub id: i64,
    pub name: String,
    pub country: String,
    pub owner: Option<String>,
    /// Why it matched: `name`, `domain` and/or `email`.
    pub reasons: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Input failed validation; every bad field is named.
    #[error("invalid input: {0}")]
    Invalid(FieldErrors),
    #[error("not found")]
    NotFound,
    #[error("you are not allowed to do this")]
    Forbidden,
    #[error("wrong user name or password")]
    BadCredentials,
    #[error("not signed in")]
    Unauthenticated,
    #[error("too many failed sign-ins; try again in {retry_after} seconds")]
    Throttled { retry_after: i64 },
    /// The change clashes with existing data (a unique name, a field still in use …).
    #[error("{0}")]
    Conflict(String),
    /// Saving would create a likely duplicate; the caller may confirm and save anyway.
    #[error("similar customers exist")]
    Duplicates(Vec<DuplicateCandidate>),
    #[error("storage failure")]
    Store(#[source] StoreError),
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Conflict(m) => AppError::Conflict(m),
            other => AppError::Store(other),
        }
    }
}

impl From<FieldErrors> for AppError {
    fn from(e: FieldErrors) -> Self {
        AppError::Invalid(e)
    }
}

impl AppError {
    /// A validation error on one field.
    pub fn field(field: &str, err: leadledger_domain::Invalid) -> Self {
        AppError::Invalid(FieldErrors::single(field, err))
    }
}
