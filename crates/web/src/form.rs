//! Submitted forms as ordered name/value pairs (repeated names for multi-selects), and the
//! state a form page re-renders with: what was typed and which fields are wrong.

use crate::error::translate_invalid;
use crate::i18n::Lang;
use leadledger_domain::FieldErrors;
use std::collections::HashMap;

#[derive(Debug, Clone, Default)]
pub struct FormData {
    pairs: Vec<(String, String)>,
}

impl FormData {
    pub fn parse(body: &[u8]) -> Result<Self, serde_urlencoded::de::Error> {
        Ok(Self {
            pairs: serde_urlencoded::from_bytes(body)?,
        })
    }

    pub fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        Self { pairs }
    }

    /// The first value of `name`, or "".
    pub fn get(&self, name: &str) -> &str {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    pub fn has(&self, name: &str) -> bool {
        self.pairs.iter().any(|(k, v)| k == name && !v.is_empty())
    }

    pub fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }
}

/// Values to show in a form and translated errors per field.
#[derive(Debug, Clone, Default)]
pub struct FormState {
    values: HashMap<String, Vec<String>>,
    errors: HashMap<String, String>,
}

impl FormState {
    pub fn from_form(f: &FormData) -> Self {
        let mut values: HashMap<String, Vec<String>> = HashMap::new();
        for (k, v) in f.pairs() {
            values.entry(k.clone()).or_default().push(v.clone());
        }
        Self {
            values,
            errors: HashMap::new(),
        }
    }

    pub fn set(&mut self, name: &str, value: impl Into<String>) {
        self.values.insert(name.to_string(), vec![value.into()]);
    }

    pub fn set_all(&mut self, name: &str, values: Vec<String>) {
        self.values.insert(name.to_string(), values);
    }

    pub fn with_errors(mut self, lang: Lang, e: &FieldErrors) -> Self {
        for (k, v) in &e.0 {
            self.errors
                .insert(k.clone(), translate_invalid(lang, v.code, &v.message));
        }
        self
    }

    pub fn add_error(&mut self, field: &str, msg: String) {
        self.errors.insert(field.to_string(), msg);
    }

    /// The typed value of `name`.
    pub fn v(&self, name: &str) -> &str {
        self.values
            .get(name)
            .and_then(|v| v.first())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Whether `value` is among the values of `name` (checkboxes, selects).
    pub fn has(&self, name: &str, value: &str) -> bool {
        self.values
            .get(name)
            .is_some_and(|v| v.iter().any(|x| x == value))
    }

    pub fn err(&self, name: &str) -> Option<&str> {
        self.errors.get(name).map(String::as_str)
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// `"field has-error"` or `"field"`.
    pub fn cls(&self, name: &str) -> &'static str {
        if self.errors.contains_key(name) {
            "field has-error"
        } else {
            "field"
        }
    }
}

/// Percent-encodes a query component.
pub fn url_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A redirect target that stays on this site: a path starting with one `/`.
pub fn safe_next(next: &str) -> &str {
    if next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') {
        next
    } else {
        "/"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed_after_sign_in() {
        assert_eq!(safe_next("/customers?page=2"), "/customers?page=2");
        assert_eq!(safe_next("//evil.example"), "/");
        assert_eq!(safe_next("https://evil.example"), "/");
        assert_eq!(safe_next("/\\evil"), "/");
    }

    #[test]
    fn repeated_fields_are_kept_in_order() {
        let f = FormData::parse(b"tags=1&tags=3&name=A%20B").unwrap();
        assert_eq!(f.all("tags"), vec!["1", "3"]);
        assert_eq!(f.get("name"), "A B");
    }
}
