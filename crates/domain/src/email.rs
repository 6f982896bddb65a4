//! Email addresses and domains, and which domains are free-mail providers.

use crate::error::Invalid;
use serde::{Deserialize, Serialize};

/// A syntactically plausible email address, lower-cased.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(s: &str) -> Result<Self, Invalid> {
        let t = s.trim().to_lowercase();
        let bad = || {
            Invalid::new(
                "invalid_email",
                format!("{:?} is not an email address", s.trim()),
            )
        };
        if t.len() > 254 || t.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(bad());
        }
        let (local, domain) = t.rsplit_once('@').ok_or_else(bad)?;
        if local.is_empty() || local.contains('@') {
            return Err(bad());
        }
        EmailDomain::parse(domain).map_err(|_| bad())?;
        Ok(Self(t))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn domain(&self) -> EmailDomain {
        EmailDomain(
            self.0
                .rsplit_once('@')
                .map(|(_, d)| d.to_string())
                .unwrap_or_default(),
        )
    }
}

/// A DNS domain such as `acme-lighting.de`, lower-cased, without `www.`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EmailDomain(String);

impl EmailDomain {
    pub fn parse(s: &str) -> Result<Self, Invalid> {
        let t = s
            .trim()
            .trim_start_matches('@')
            .trim_end_matches('.')
            .to_lowercase();
        let t = t.strip_prefix("www.").unwrap_or(&t).to_string();
        let labels: Vec<&str> = t.split('.').collect();
        let ok = t.len() <= 253
            && labels.len() >= 2
            && labels.iter().all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_alphanumeric() || c == '-')
            })
            && labels.last().is_some_and(|tld| {
                tld.chars().all(|c| c.is_alphabetic()) || tld.starts_with("xn--")
            });
        if ok {
            Ok(Self(t))
        } else {
            Err(Invalid::new(
                "invalid_domain",
                format!("{:?} is not a domain name", s.trim()),
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Free-mail domains say nothing about who a buyer is, so they never count as a duplicate.
    pub fn is_free_mail(&self) -> bool {
        is_free_mail_domain(&self.0)
    }
}

const FREE_MAIL: &[&str] = &[
    "163.com",
    "126.com",
    "aol.com",
    "gmail.com",
    "gmx.com",
    "gmx.de",
    "gmx.net",
    "googlemail.com",
    "hotmail.co.uk",
    "hotmail.com",
    "hotmail.fr",
    "hotmail.it",
    "icloud.com",
    "live.com",
    "mail.com",
    "mail.ru",
    "me.com",
    "msn.com",
    "naver.com",
    "outlook.com",
    "outlook.fr",
    "proton.me",
    "protonmail.com",
    "qq.com",
    "rediffmail.com",
    "sina.com",
    "t-online.de",
    "web.de",
    "yahoo.co.in",
    "yahoo.co.jp",
    "yahoo.co.uk",
    "yahoo.com",
    "yahoo.com.br",
    "yahoo.es",
    "yahoo.fr",
    "yandex.com",
    "yandex.ru",
    "zoho.com",
    "bk.ru",
    "list.ru",
    "inbox.ru",
    "rambler.ru",
    "libero.it",
    "orange.fr",
    "laposte.net",
    "wp.pl",
    "o2.pl",
    "interia.pl",
    "onet.pl",
    "uol.com.br",
    "bol.com.br",
    "terra.com.br",
];

pub fn is_free_mail_domain(domain: &str) -> bool {
    FREE_MAIL.contains(&domain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_addresses_are_lower_cased_and_checked() {
        assert_eq!(
            EmailAddress::parse(" Hans@Acme-Licht.DE ")
                .unwrap()
                .as_str(),
            "hans@acme-licht.de"
        );
        for bad in ["", "no-at", "@x.com", "a@b", "a b@c.com", "a@-x.com"] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn free_mail_is_recognised() {
        assert!(
            EmailAddress::parse("x@gmail.com")
                .unwrap()
                .domain()
                .is_free_mail()
        );
        assert!(!EmailDomain::parse("www.acme.de").unwrap().is_free_mail());
        assert_eq!(
            EmailDomain::parse("www.acme.de").unwrap().as_str(),
            "acme.de"
        );
    }
}
