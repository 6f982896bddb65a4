//! Why this module exists: the sender's address says a lot — a company domain, a free-mail box, or
//! a look-alike of a platform, carrier or bank (`a1ibaba.com`, `alibaba-support.com`) used to
//! phish exporters. This module classifies addresses and link hosts.

use serde::Serialize;

/// Kind of the sender's e-mail domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DomainKind {
    Corporate,
    FreeMail,
    None,
}

impl DomainKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DomainKind::Corporate => "corporate",
            DomainKind::FreeMail => "free_mail",
            DomainKind::None => "none",
        }
    }
}

const FREE_MAIL: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "yahoo.com",
    "ymail.com",
    "rocketmail.com",
    "hotmail.com",
    "outlook.com",
    "live.com",
    "msn.com",
    "aol.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "mail.com",
    "email.com",
    "gmx.com",
    "gmx.net",
    "gmx.de",
    "web.de",
    "t-online.de",
    "yandex.ru",
    "yandex.com",
    "ya.ru",
    "mail.ru",
    "bk.ru",
    "inbox.ru",
    "list.ru",
    "rambler.ru",
    "qq.com",
    "163.com",
    "126.com",
    "sina.com",
    "sina.cn",
    "sohu.com",
    "yeah.net",
    "aliyun.com",
    "foxmail.com",
    "139.com",
    "protonmail.com",
    "proton.me",
    "tutanota.com",
    "zoho.com",
    "rediffmail.com",
    "naver.com",
    "daum.net",
    "hanmail.net",
    "libero.it",
    "virgilio.it",
    "orange.fr",
    "wanadoo.fr",
    "free.fr",
    "laposte.net",
    "sfr.fr",
    "bol.com.br",
    "uol.com.br",
    "terra.com.br",
    "ig.com.br",
    "seznam.cz",
    "wp.pl",
    "o2.pl",
    "onet.pl",
    "interia.pl",
    "abv.bg",
    "yahoo.co.jp",
    "docomo.ne.jp",
    "ezweb.ne.jp",
    "yahoo.co.uk",
    "yahoo.fr",
    "yahoo.es",
    "yahoo.de",
    "yahoo.com.br",
    "yahoo.com.mx",
    "yahoo.co.in",
    "hotmail.fr",
    "hotmail.es",
    "hotmail.de",
    "hotmail.co.uk",
    "hotmail.it",
    "outlook.fr",
    "outlook.es",
    "outlook.de",
    "live.fr",
    "live.co.uk",
    "yahoo.com.tw",
    "yahoo.com.hk",
    "myself.com",
];

/// Brands that fraudsters imitate, with their real domains (any subdomain of these is genuine).
const BRANDS: &[(&str, &[&str])] = &[
    (
        "alibaba",
        &[
            "alibaba.com",
            "alibaba-inc.com",
            "alibaba.com.cn",
            "1688.com",
        ],
    ),
    ("aliexpress", &["aliexpress.com", "aliexpress.ru"]),
    ("madeinchina", &["made-in-china.com"]),
    ("globalsources", &["globalsources.com"]),
    ("tradekey", &["tradekey.com"]),
    ("paypal", &["paypal.com", "paypal.me"]),
    (
        "microsoft",
        &[
            "microsoft.com",
            "office.com",
            "live.com",
            "outlook.com",
            "office365.com",
        ],
    ),
    ("office365", &["office365.com", "office.com"]),
    ("outlook", &["outlook.com", "live.com"]),
    ("sharepoint", &["sharepoint.com"]),
    ("onedrive", &["onedrive.live.com", "onedrive.com"]),
    ("google", &["google.com"]),
    ("docusign", &["docusign.com", "docusign.net"]),
    ("dropbox", &["dropbox.com"]),
    ("wetransfer", &["wetransfer.com", "we.tl"]),
    ("adobe", &["adobe.com"]),
    ("amazon", &["amazon.com"]),
    ("apple", &["apple.com", "icloud.com"]),
    ("maersk", &["maersk.com"]),
    ("fedex", &["fedex.com"]),
    ("dhl", &["dhl.com", "dhl.de"]),
    ("ups", &["ups.com"]),
    ("hsbc", &["hsbc.com"]),
    ("walmart", &["walmart.com"]),
    ("ikea", &["ikea.com"]),
];

/// Lowercase domain of an address such as `Name <user@example.com>`; `None` when there is none.
pub fn domain_of(addr: &str) -> Option<String> {
    let at = addr.rfind('@')?;
    let rest = &addr[at + 1..];
    let end = rest
        .find(|c: char| {
            c == '>' || c == ')' || c == '"' || c == ',' || c == ';' || c.is_whitespace()
        })
        .unwrap_or(rest.len());
    let dom = rest[..end].trim_end_matches('.').to_ascii_lowercase();
    if dom.len() < 3 || !dom.contains('.') || dom.starts_with('.') {
        return None;
    }
    Some(dom)
}

/// Classifies the sender address.
pub fn email_domain_kind(from: Option<&str>) -> DomainKind {
    match from.and_then(domain_of) {
        None => DomainKind::None,
        Some(d) if is_free_mail(&d) => DomainKind::FreeMail,
        Some(_) => DomainKind::Corporate,
    }
}

pub fn is_free_mail(dom: &str) -> bool {
    FREE_MAIL.contains(&dom)
        || ["yahoo.", "hotmail.", "outlook.", "gmx.", "yandex."]
            .iter()
            .any(|p| dom.starts_with(p))
}

fn is_or_sub(dom: &str, official: &str) -> bool {
    dom == official
        || (dom.len() > official.len()
            && dom.ends_with(official)
            && dom.as_bytes()[dom.len() - official.len() - 1] == b'.')
}

/// Replaces characters commonly used to fake letters (`1`→`l`, `0`→`o`, `rn`→`m`, `vv`→`w`).
fn deglyph(s: &str) -> String {
    let s = if s.contains("rn") || s.contains("vv") {
        s.replace("rn", "m").replace("vv", "w")
    } else {
        s.to_string()
    };
    s.chars()
        .filter(|c| *c != '-' && *c != '_')
        .map(|c| match c {
            '1' | '!' | '|' => 'l',
            '0' => 'o',
            '3' => 'e',
            '5' => 's',
            '@' => 'a',
            _ => c,
        })
        .collect()
}

fn edit_distance_le(a: &str, b: &str, max: usize) -> bool {
    if a.is_ascii() && b.is_ascii() && a.len().abs_diff(b.len()) > max {
        return false;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > max || a.len() > 64 || b.len() > 64 {
        return false;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()] <= max
}

/// If `domain` imitates a known brand without being one of its real domains, the brand name.
pub fn lookalike_of(domain: &str) -> Option<&'static str> {
    let dom = domain.trim().trim_end_matches('.').to_ascii_lowercase();
    if dom.is_empty() || dom.len() > 253 {
        return None;
    }
    let labels: Vec<&str> = dom.split('.').collect();
    if BRANDS
        .iter()
        .any(|(_, official)| official.iter().any(|o| is_or_sub(&dom, o)))
    {
        return None;
    }
    // Each label (without the TLD) is normalised once.
    let prepared: Vec<(&str, String, String, Vec<String>)> = labels
        .iter()
        .enumerate()
        .filter(|(li, _)| li + 1 < labels.len() || labels.len() == 1)
        .map(|(_, l)| {
            let parts = if l.contains('-') {
                l.split('-').map(deglyph).collect()
            } else {
                Vec::new()
            };
            (
                *l,
                deglyph(l),
                l.chars().filter(|c| *c != '-').collect(),
                parts,
            )
        })
        .collect();
    for (brand, _) in BRANDS {
        // Each label, and each hyphen part of a label, is compared with the brand.
        for (label, flat, plain, parts) in &prepared {
            let (flat, plain) = (flat.as_str(), plain.as_str());
            if flat == *brand {
                if plain != *brand {
                    return Some(brand); // homoglyphs: a1ibaba, paypa1
                }
                // The brand itself under a foreign domain: alibaba.com.verify.xyz, alibaba.co
                if labels.len() > 2 || !matches!(labels.last(), Some(&"com")) {
                    return Some(brand);
                }
            }
            if parts.iter().any(|p| p == brand) {
                return Some(brand); // alibaba-support, secure-paypal
            }
            if brand.len() >= 5 {
                if flat.len() > brand.len() + 2 && flat.starts_with(brand) && !label.contains('-') {
                    let tail = &flat[brand.len()..];
                    if [
                        "support", "service", "security", "verify", "login", "team", "online",
                        "mail", "trade", "notice", "help",
                    ]
                    .iter()
                    .any(|t| tail.starts_with(t))
                    {
                        return Some(brand);
                    }
                }
                if flat != *brand && edit_distance_le(flat, brand, 1) {
                    return Some(brand); // alibabba, paypall
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(
            email_domain_kind(Some("Tom <tom@gmail.com>")),
            DomainKind::FreeMail
        );
        assert_eq!(email_domain_kind(Some("li@163.com")), DomainKind::FreeMail);
        assert_eq!(
            email_domain_kind(Some("a@yahoo.com.mx")),
            DomainKind::FreeMail
        );
        assert_eq!(
            email_domain_kind(Some("buyer@lichtwerk-gmbh.de")),
            DomainKind::Corporate
        );
        assert_eq!(email_domain_kind(Some("no address")), DomainKind::None);
        assert_eq!(email_domain_kind(None), DomainKind::None);
        assert_eq!(
            domain_of("\"X\" <X@Example.COM>").as_deref(),
            Some("example.com")
        );
    }

    #[test]
    fn lookalikes() {
        assert_eq!(lookalike_of("alibaba-support.com"), Some("alibaba"));
        assert_eq!(lookalike_of("a1ibaba.com"), Some("alibaba"));
        assert_eq!(lookalike_of("alibabba.com"), Some("alibaba"));
        assert_eq!(lookalike_of("paypa1.com"), Some("paypal"));
        assert_eq!(lookalike_of("secure-paypal.net"), Some("paypal"));
        assert_eq!(
            lookalike_of("alibaba.com.verify-login.xyz"),
            Some("alibaba")
        );
        assert_eq!(lookalike_of("dhl-express-delivery.com"), Some("dhl"));
        assert_eq!(lookalike_of("alibabasupport.com"), Some("alibaba"));
        assert_eq!(lookalike_of("alibaba.com"), None);
        assert_eq!(lookalike_of("message.alibaba.com"), None);
        assert_eq!(lookalike_of("made-in-china.com"), None);
        assert_eq!(lookalike_of("lichtwerk.de"), None);
        assert_eq!(lookalike_of("upstream.com"), None);
        assert_eq!(lookalike_of("gmail.com"), None);
    }
}
