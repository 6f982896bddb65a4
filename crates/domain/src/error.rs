//! Validation errors shared by every parser in the domain.
//!
//! A parse failure carries a stable machine `code` (used for translation and by API clients) and
//! an English message; `FieldErrors` collects them per input field so a form can mark every bad
//! field at once instead of stopping at the first.

use std::collections::BTreeMap;
use std::fmt;

/// One rejected value: a stable code such as `invalid_country` plus an English explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub code: &'static str,
    pub message: String,
}

impl Invalid {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Invalid {}

/// Errors keyed by field name, in a stable order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(pub BTreeMap<String, Invalid>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: impl Into<String>, err: Invalid) {
        self.0.entry(field.into()).or_insert(err);
    }

    /// Records the error of `result` under `field` and returns its value, if any.
    pub fn take<T>(&mut self, field: &str, result: Result<T, Invalid>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.add(field, e);
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: &str) -> Option<&Invalid> {
        self.0.get(field)
    }

    /// `Ok(value)` when no error was recorded; the value is only built in that case.
    pub fn finish<T>(self, build: impl FnOnce() -> T) -> Result<T, FieldErrors> {
        if self.is_empty() {
            Ok(build())
        } else {
            Err(self)
        }
    }

    pub fn single(field: impl Into<String>, err: Invalid) -> Self {
        let mut e = Self::new();
        e.add(field, err);
        e
    }
}

impl fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for (field, err) in &self.0 {
            if !first {
                f.write_str("; ")?;
            }
            first = false;
            write!(f, "{field}: {err}")?;
        }
        Ok(())
    }
}

impl std::error::Error for FieldErrors {}

/// Trims `s` and refuses it when empty or longer than `max` characters.
pub fn required_text(s: &str, max: usize) -> Result<String, Invalid> {
    let t = s.trim();
    if t.is_empty() {
        return Err(Invalid::new("required", "this field is required"));
    }
    optional_text(t, max).map(|o| o.unwrap_or_default())
}

/// Trims `s`; empty becomes `None`; refuses more than `max` characters or control characters.
pub fn optional_text(s: &str, max: usize) -> Result<Option<String>, Invalid> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if t.chars().count() > max {
        return Err(Invalid::new(
            "too_long",
            format!("at most {max} characters"),
        ));
    }
    if t.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err(Invalid::new(
            "control_characters",
            "contains control characters",
        ));
    }
    Ok(Some(t.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_text_refuses_blank_and_overlong_values() {
        assert_eq!(required_text("  ", 5).unwrap_err().code, "required");
        assert_eq!(required_text("abcdef", 5).unwrap_err().code, "too_long");
        assert_eq!(required_text(" abc ", 5).unwrap(), "abc");
    }

    #[test]
    fn field_errors_keep_the_first_error_per_field() {
        let mut e = FieldErrors::new();
        e.add("a", Invalid::new("x", "first"));
        e.add("a", Invalid::new("y", "second"));
        assert_eq!(e.get("a").unwrap().code, "x");
    }
}
