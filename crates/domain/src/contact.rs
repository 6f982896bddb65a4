//! A person at a buyer, with the channels to reach them.

use crate::email::EmailAddress;
use crate::error::{FieldErrors, Invalid, optional_text, required_text};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq)]
pub struct ContactInput {
    pub name: String,
    pub title: Option<String>,
    pub emails: Vec<EmailAddress>,
    pub phones: Vec<String>,
    pub whatsapp: Option<String>,
    pub wechat: Option<String>,
    pub notes: Option<String>,
}

/// Raw strings from a form or API body. Several emails or phones are separated by commas,
/// semicolons or new lines.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactDraft {
    pub name: String,
    pub title: String,
    pub emails: String,
    pub phones: String,
    pub whatsapp: String,
    pub wechat: String,
    pub notes: String,
}

fn split_list(s: &str) -> impl Iterator<Item = &str> {
    s.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// An international phone number: digits with optional `+`, spaces, dashes, dots and brackets.
pub fn parse_phone(s: &str) -> Result<String, Invalid> {
    let t = s.trim();
    let digits = t.chars().filter(char::is_ascii_digit).count();
    let ok = (5..=20).contains(&digits)
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '.' | '(' | ')'))
        && !t[1..].contains('+');
    if ok {
        Ok(t.to_string())
    } else {
        Err(Invalid::new(
            "invalid_phone",
            format!("{t:?} is not a phone number"),
        ))
    }
}

impl ContactDraft {
    pub fn is_blank(&self) -> bool {
        [
            &self.name,
            &self.title,
            &self.emails,
            &self.phones,
            &self.whatsapp,
            &self.wechat,
            &self.notes,
        ]
        .iter()
        .all(|s| s.trim().is_empty())
    }

    /// Validates all fields, naming each bad one with `prefix` (e.g. `contact_`).
    pub fn parse(&self, prefix: &str) -> Result<ContactInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let f = |n: &str| format!("{prefix}{n}");
        let name = e.take(&f("name"), required_text(&self.name, 120));
        let title = e.take(&f("title"), optional_text(&self.title, 120));
        let emails = e.take(
            &f("emails"),
            split_list(&self.emails)
                .map(EmailAddress::parse)
                .collect::<Result<Vec<_>, _>>(),
        );
        let phones = e.take(
            &f("phones"),
            split_list(&self.phones)
                .map(parse_phone)
                .collect::<Result<Vec<_>, _>>(),
        );
        let whatsapp = e.take(
            &f("whatsapp"),
            if self.whatsapp.trim().is_empty() {
                Ok(None)
            } else {
                parse_phone(&self.whatsapp).map(Some)
            },
        );
        let wechat = e.take(&f("wechat"), optional_text(&self.wechat, 60));
        let notes = e.take(&f("notes"), optional_text(&self.notes, 5000));
        e.finish(|| ContactInput {
            name: name.unwrap(),
            title: title.unwrap(),
            emails: emails.unwrap(),
            phones: phones.unwrap(),
            whatsapp: whatsapp.unwrap(),
            wechat: wechat.unwrap(),
            notes: notes.unwrap(),
        })
    }
}

impl ContactInput {
    /// `(kind, value)` pairs as stored.
    pub fn channels(&self) -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = Vec::new();
        v.extend(
            self.emails
                .iter()
                .map(|e| ("email".into(), e.as_str().into())),
        );
        v.extend(self.phones.iter().map(|p| ("phone".into(), p.clone())));
        v.extend(self.whatsapp.iter().map(|p| ("whatsapp".into(), p.clone())));
        v.extend(self.wechat.iter().map(|p| ("wechat".into(), p.clone())));
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contact_takes_several_emails_and_phones() {
        let d = ContactDraft {
            name: "Hans Müller".into(),
            emails: "hans@acme.de; info@acme.de".into(),
            phones: "+49 30 1234567".into(),
            ..Default::default()
        };
        let c = d.parse("").unwrap();
        assert_eq!(c.emails.len(), 2);
        assert_eq!(c.channels().len(), 3);
    }

    #[test]
    fn bad_channels_are_named_with_the_prefix() {
        let d = ContactDraft {
            name: "X".into(),
            emails: "nope".into(),
            phones: "abc".into(),
            ..Default::default()
        };
        let e = d.parse("contact_").unwrap_err();
        assert!(e.get("contact_emails").is_some() && e.get("contact_phones").is_some());
    }
}
