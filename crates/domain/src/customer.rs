//! A buyer (customer) and the typed values that describe it.
//!
//! `CompanyName::match_key` is the heart of the duplicate check (查重): two spellings of one
//! company ("ACME Lighting GmbH", "Acme-Lighting") give the same key.

use crate::country::CountryCode;
use crate::email::EmailDomain;
use crate::error::{FieldErrors, Invalid, optional_text, required_text};
use serde::{Deserialize, Serialize};

/// Declares a closed set of string-coded values with parse/as_str and the list of all values.
macro_rules! code_enum {
    ($(#[$m:meta])* $name:ident, $err:literal { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn parse(s: &str) -> Result<Self, $crate::error::Invalid> {
                let t = s.trim();
                Self::ALL.iter().copied().find(|v| v.as_str() == t).ok_or_else(|| {
                    $crate::error::Invalid::new($err, format!("unknown value {t:?}; expected one of {}",
                        Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")))
                })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use code_enum;

code_enum!(
    /// Where a buyer came from.
    SourceChannel, "invalid_source" {
        Alibaba = "alibaba",
        MadeInChina = "made_in_china",
        GlobalSources = "global_sources",
        TradeShow = "trade_show",
        Linkedin = "linkedin",
        X = "x",
        WebsiteForm = "website_form",
        Referral = "referral",
        Whatsapp = "whatsapp",
        Other = "other",
    }
);

code_enum!(
    /// Where a buyer stands in the relationship.
    CustomerStatus, "invalid_status" {
        Lead = "lead",
        Prospect = "prospect",
        Customer = "customer",
        Lost = "lost",
    }
);

code_enum!(
    /// The seed's 信息完整度: how much a buyer has told us about what they want.
    Completeness, "invalid_completeness" {
        High = "high",
        Medium = "medium",
        Low = "low",
    }
);

code_enum!(
    /// The seed's 项目阶段: inquiry, sample, proofing, mass production.
    ProjectStage, "invalid_stage" {
        Inquiry = "inquiry",
        Sample = "sample",
        Proofing = "proofing",
        MassProduction = "mass_production",
    }
);

/// A company name as typed (trimmed), with its normalised duplicate-matching key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompanyName(String);

impl CompanyName {
    pub fn parse(s: &str) -> Result<Self, Invalid> {
        let t = required_text(s, 200)?;
        if match_key(&t).is_empty() {
            return Err(Invalid::new(
                "invalid_name",
                "the name needs at least one letter or digit",
            ));
        }
        Ok(Self(t))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Case, punctuation, white space and legal suffixes ignored: see [`match_key`].
    pub fn match_key(&self) -> String {
        match_key(&self.0)
    }

    /// Lower-cased name used for sorting lists.
    pub fn sort_key(&self) -> String {
        self.0.to_lowercase()
    }
}

/// Legal-form words that say nothing about which company it is.
const LEGAL_SUFFIXES: &[&str] = &[
    "co",
    "company",
    "corp",
    "corporation",
    "inc",
    "incorporated",
    "ltd",
    "limited",
    "llc",
    "llp",
    "lp",
    "plc",
    "gmbh",
    "mbh",
    "ag",
    "kg",
    "ohg",
    "ug",
    "sa",
    "sas",
    "sarl",
    "srl",
    "spa",
    "sl",
    "sau",
    "bv",
    "nv",
    "oy",
    "ab",
    "as",
    "aps",
    "pty",
    "pte",
    "pvt",
    "kk",
    "sro",
    "spzoo",
    "zoo",
    "ooo",
    "ltda",
    "eirl",
    "cv",
    "de",
    "sdn",
    "bhd",
    "jsc",
    "tbk",
    "pt",
    "cc",
    "group",
    "trading",
    "import",
    "export",
    "the",
];

/// Chinese legal-form endings (有限公司 etc.) removed before matching.
const CJK_SUFFIXES: &[&str] = &[
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "株式会社",
    "公司",
    "集团",
];

/// Normalises a company name for duplicate matching.
///
/// Lower-cases, drops punctuation, splits into words, removes legal suffixes such as Co., Ltd.,
/// GmbH, LLC or S.A. (including dotted forms like "S.A." and "S.p.A."), and joins what remains.
pub fn match_key(name: &str) -> String {
    let mut s = name.to_lowercase();
    for suf in CJK_SUFFIXES {
        s = s.replace(suf, " ");
    }
    // Dotted abbreviations ("s.a.", "s.p.a.", "co.,ltd.") collapse when dots vanish.
    let cleaned: String = s
        .chars()
        .map(|c| {
            if c == '.' || c == '\'' || c == '’' {
                '\u{0}'
            } else if c.is_alphanumeric() {
                c
            } else {
                ' '
            }
        })
        .filter(|c| *c != '\u{0}')
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let kept: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !LEGAL_SUFFIXES.contains(w))
        .collect();
    // A name made only of legal words ("Trading Co.") keeps them rather than matching everything.
    if kept.is_empty() {
        words.concat()
    } else {
        kept.concat()
    }
}

/// A website, stored as typed with a scheme, plus its host used for duplicate checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Website {
    url: String,
    host: String,
}

impl Website {
    pub fn parse(s: &str) -> Result<Self, Invalid> {
        let t = s.trim();
        let bad = || Invalid::new("invalid_website", format!("{t:?} is not a website address"));
        let rest = t
            .strip_prefix("https://")
            .or_else(|| t.strip_prefix("http://"))
            .or_else(|| t.strip_prefix("HTTPS://"))
            .or_else(|| t.strip_prefix("HTTP://"))
            .unwrap_or(t);
        let host_port = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host_port.split(':').next().unwrap_or("");
        let domain = EmailDomain::parse(host).map_err(|_| bad())?;
        if t.len() > 300 || t.chars().any(char::is_whitespace) {
            return Err(bad());
        }
        let url = if rest.len() == t.len() {
            format!("https://{t}")
        } else {
            t.to_string()
        };
        Ok(Self {
            url,
            host: domain.as_str().to_string(),
        })
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    /// Lower-cased host without `www.`.
    pub fn host(&self) -> &str {
        &self.host
    }
}

/// Everything needed to create or update a customer, already validated.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerInput {
    pub name: CompanyName,
    pub country: CountryCode,
    pub website: Option<Website>,
    pub email_domain: Option<EmailDomain>,
    pub source: SourceChannel,
    /// The trade show's name, a referrer, or what "other" means.
    pub source_detail: Option<String>,
    pub status: CustomerStatus,
    pub completeness: Option<Completeness>,
    pub requirement_clear: Option<bool>,
    pub stage: Option<ProjectStage>,
    pub notes: Option<String>,
}

/// The raw strings of a customer form or API body, before validation.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomerDraft {
    pub name: String,
    pub country: String,
    pub website: String,
    pub email_domain: String,
    pub source: String,
    pub source_detail: String,
    pub status: String,
    pub completeness: String,
    pub requirement_clear: String,
    pub stage: String,
    pub notes: String,
}

/// Parses `"yes"/"no"/"true"/"false"/"1"/"0"`; empty is unknown.
pub fn parse_optional_bool(s: &str) -> Result<Option<bool>, Invalid> {
    match s.trim().to_ascii_lowercase().as_str() {
        "" => Ok(None),
        "yes" | "true" | "1" | "on" => Ok(Some(true)),
        "no" | "false" | "0" | "off" => Ok(Some(false)),
        other => Err(Invalid::new(
            "invalid_bool",
            format!("{other:?} is not yes or no"),
        )),
    }
}

impl CustomerDraft {
    /// Validates every field and reports all errors at once.
    pub fn parse(&self) -> Result<CustomerInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let name = e.take("name", CompanyName::parse(&self.name));
        let country = e.take("country", CountryCode::parse(&self.country));
        let website = e.take(
            "website",
            if self.website.trim().is_empty() {
                Ok(None)
            } else {
                Website::parse(&self.website).map(Some)
            },
        );
        let email_domain = e.take(
            "email_domain",
            if self.email_domain.trim().is_empty() {
                Ok(None)
            } else {
                EmailDomain::parse(&self.email_domain).map(Some)
            },
        );
        let source = e.take(
            "source",
            if self.source.trim().is_empty() {
                Ok(SourceChannel::Other)
            } else {
                SourceChannel::parse(&self.source)
            },
        );
        let source_detail = e.take("source_detail", optional_text(&self.source_detail, 200));
        let status = e.take(
            "status",
            if self.status.trim().is_empty() {
                Ok(CustomerStatus::Lead)
            } else {
                CustomerStatus::parse(&self.status)
            },
        );
        let completeness = e.take(
            "completeness",
            optional(&self.completeness, Completeness::parse),
        );
        let requirement_clear = e.take(
            "requirement_clear",
            parse_optional_bool(&self.requirement_clear),
        );
        let stage = e.take("stage", optional(&self.stage, ProjectStage::parse));
        let notes = e.take("notes", optional_text(&self.notes, 10_000));
        if e.is_empty()
            && source == Some(SourceChannel::TradeShow)
            && source_detail.as_ref().is_some_and(Option::is_none)
        {
            e.add(
                "source_detail",
                Invalid::new("trade_show_name_required", "name the trade show"),
            );
        }
        e.finish(|| CustomerInput {
            name: name.unwrap(),
            country: country.unwrap(),
            website: website.unwrap(),
            email_domain: email_domain.unwrap(),
            source: source.unwrap(),
            source_detail: source_detail.unwrap(),
            status: status.unwrap(),
            completeness: completeness.unwrap(),
            requirement_clear: requirement_clear.unwrap(),
            stage: stage.unwrap(),
            notes: notes.unwrap(),
        })
    }
}

/// Empty means `None`; anything else must parse.
pub fn optional<T>(
    s: &str,
    parse: impl FnOnce(&str) -> Result<T, Invalid>,
) -> Result<Option<T>, Invalid> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        parse(s).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_suffixes_case_and_punctuation_are_ignored_when_matching_names() {
        let k = match_key("ACME Lighting GmbH");
        for other in [
            "Acme-Lighting",
            "acme lighting gmbh.",
            "ACME LIGHTING CO., LTD.",
            "Acme Lighting, S.A.",
            "Acme Lighting LLC",
        ] {
            assert_eq!(match_key(other), k, "{other}");
        }
        assert_ne!(match_key("Acme Lights"), k);
        assert_eq!(match_key("宁波照明有限公司"), match_key("宁波照明"));
        assert_eq!(match_key("Trading Co., Ltd."), "tradingcoltd");
    }

    #[test]
    fn websites_keep_a_scheme_and_expose_the_host() {
        let w = Website::parse("www.Acme.de/en").unwrap();
        assert_eq!(w.url(), "https://www.Acme.de/en");
        assert_eq!(w.host(), "acme.de");
        assert_eq!(
            Website::parse("http://shop.acme.de:8080/x").unwrap().host(),
            "shop.acme.de"
        );
        assert!(Website::parse("not a site").is_err());
    }

    #[test]
    fn a_draft_reports_every_bad_field_at_once() {
        let d = CustomerDraft {
            name: " ".into(),
            country: "ZZ".into(),
            status: "vip".into(),
            ..Default::default()
        };
        let e = d.parse().unwrap_err();
        assert_eq!(e.get("name").unwrap().code, "required");
        assert_eq!(e.get("country").unwrap().code, "invalid_country");
        assert_eq!(e.get("status").unwrap().code, "invalid_status");
    }

    #[test]
    fn a_trade_show_source_needs_the_show_name() {
        let d = CustomerDraft {
            name: "A".into(),
            country: "DE".into(),
            source: "trade_show".into(),
            ..Default::default()
        };
        assert_eq!(
            d.parse().unwrap_err().get("source_detail").unwrap().code,
            "trade_show_name_required"
        );
    }
}
