//! Custom fields an admin defines on customers (text, number, date, single/multi select, yes/no),
//! and the parsing of a value against its field's definition.

use crate::error::{Invalid, optional_text, required_text};
use chrono::NaiveDate;

crate::customer::code_enum!(
    FieldKind, "invalid_field_kind" {
        Text = "text",
        Number = "number",
        Date = "date",
        SingleSelect = "single_select",
        MultiSelect = "multi_select",
        YesNo = "yes_no",
    }
);

impl FieldKind {
    pub fn has_options(self) -> bool {
        matches!(self, FieldKind::SingleSelect | FieldKind::MultiSelect)
    }
}

/// A machine key such as `annual_volume`: lower-case ASCII letters, digits and `_`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldKey(String);

impl FieldKey {
    pub fn parse(s: &str) -> Result<Self, Invalid> {
        let t = s.trim();
        let ok = (1..=40).contains(&t.len())
            && t.starts_with(|c: char| c.is_ascii_lowercase())
            && t.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if ok {
            Ok(Self(t.into()))
        } else {
            Err(Invalid::new(
                "invalid_key",
                "lower-case letters, digits and _ (e.g. annual_volume)",
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An option of a select field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldOption {
    pub id: i64,
    pub label: String,
}

/// What the value parser needs to know about a field.
#[derive(Debug, Clone)]
pub struct FieldSpec<'a> {
    pub kind: FieldKind,
    pub required: bool,
    pub options: &'a [FieldOption],
}

/// Parses the raw inputs of one field (several for a multi select) into the strings we store:
/// a normalised number, an ISO date, `true`/`false`, option ids, or text. Empty means no value.
pub fn parse_value(spec: &FieldSpec<'_>, raw: &[String]) -> Result<Vec<String>, Invalid> {
    let raw: Vec<&str> = raw
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    if raw.is_empty() {
        return if spec.required {
            Err(Invalid::new("required", "this field is required"))
        } else {
            Ok(vec![])
        };
    }
    if raw.len() > 1 && spec.kind != FieldKind::MultiSelect {
        return Err(Invalid::new(
            "too_many_values",
            "this field takes one value",
        ));
    }
    let one = raw[0];
    let values = match spec.kind {
        FieldKind::Text => vec![optional_text(one, 2000)?.unwrap_or_default()],
        FieldKind::Number => vec![parse_number(one)?],
        FieldKind::Date => vec![parse_date(one)?.to_string()],
        FieldKind::YesNo => match crate::customer::parse_optional_bool(one)? {
            Some(b) => vec![b.to_string()],
            None => vec![],
        },
        FieldKind::SingleSelect | FieldKind::MultiSelect => {
            let mut ids = Vec::new();
            for r in raw {
                let opt = spec
                    .options
                    .iter()
                    .find(|o| o.id.to_string() == r || o.label == r)
                    .ok_or_else(|| {
                        Invalid::new(
                            "unknown_option",
                            format!("{r:?} is not one of this field's options"),
                        )
                    })?;
                if !ids.contains(&opt.id.to_string()) {
                    ids.push(opt.id.to_string());
                }
            }
            ids
        }
    };
    Ok(values)
}

/// A decimal number such as `-12.50` or `1,000` (thousands commas allowed), normalised.
pub fn parse_number(s: &str) -> Result<String, Invalid> {
    let t: String = s
        .trim()
        .chars()
        .filter(|c| *c != ',' && *c != '_' && *c != ' ')
        .collect();
    let bad = || Invalid::new("invalid_number", format!("{:?} is not a number", s.trim()));
    let body = t.strip_prefix('-').unwrap_or(&t);
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    if int.is_empty()
        || int.len() > 15
        || frac.len() > 6
        || !int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit())
    {
        return Err(bad());
    }
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let frac = frac.trim_end_matches('0');
    let neg = t.starts_with('-') && (int != "0" || !frac.is_empty());
    Ok(format!(
        "{}{}{}{}",
        if neg { "-" } else { "" },
        int,
        if frac.is_empty() { "" } else { "." },
        frac
    ))
}

pub fn parse_date(s: &str) -> Result<NaiveDate, Invalid> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
        Invalid::new(
            "invalid_date",
            format!("{:?} is not a date like 2026-03-01", s.trim()),
        )
    })
}

/// Labels in both UI languages; the Chinese one falls back to English when empty.
pub fn parse_label(s: &str) -> Result<String, Invalid> {
    required_text(s, 80)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(kind: FieldKind, options: &[FieldOption]) -> FieldSpec<'_> {
        FieldSpec {
            kind,
            required: false,
            options,
        }
    }

    #[test]
    fn numbers_are_normalised() {
        assert_eq!(parse_number("1,000.50").unwrap(), "1000.5");
        assert_eq!(parse_number("-0").unwrap(), "0");
        assert_eq!(parse_number("007").unwrap(), "7");
        assert!(
            parse_number("1e5").is_err()
                && parse_number("abc").is_err()
                && parse_number(".5").is_err()
        );
    }

    #[test]
    fn an_unknown_option_is_refused() {
        let opts = [
            FieldOption {
                id: 3,
                label: "Retail".into(),
            },
            FieldOption {
                id: 4,
                label: "Wholesale".into(),
            },
        ];
        let s = spec(FieldKind::MultiSelect, &opts);
        assert_eq!(
            parse_value(&s, &["3".into(), "Wholesale".into()]).unwrap(),
            vec!["3", "4"]
        );
        assert_eq!(
            parse_value(&s, &["9".into()]).unwrap_err().code,
            "unknown_option"
        );
        let single = spec(FieldKind::SingleSelect, &opts);
        assert_eq!(
            parse_value(&single, &["3".into(), "4".into()])
                .unwrap_err()
                .code,
            "too_many_values"
        );
    }

    #[test]
    fn required_fields_need_a_value() {
        let s = FieldSpec {
            kind: FieldKind::Text,
            required: true,
            options: &[],
        };
        assert_eq!(parse_value(&s, &[" ".into()]).unwrap_err().code, "required");
        assert_eq!(
            parse_value(&spec(FieldKind::YesNo, &[]), &["yes".into()]).unwrap(),
            vec!["true"]
        );
        assert_eq!(
            parse_value(&spec(FieldKind::Date, &[]), &["2026-02-30".into()])
                .unwrap_err()
                .code,
            "invalid_date"
        );
    }
}
