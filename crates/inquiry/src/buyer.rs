//! Why this module exists: who is asking matters — a company name with a legal form, a website and
//! a corporate mailbox make a buyer traceable. This module reads them from the signature and text.

use crate::domains::{self, DomainKind};
use crate::fx;
use crate::lexicon::FLAG_SUFFIX;
use crate::text::{Doc, Kind};

pub const SUFFIXES: &[&str] = &[
    "ltd",
    "limited",
    "llc",
    "inc",
    "corp",
    "corporation",
    "co",
    "gmbh",
    "ag",
    "kg",
    "sa",
    "s.a",
    "sl",
    "s.l",
    "srl",
    "s.r.l",
    "sarl",
    "sas",
    "spa",
    "s.p.a",
    "bv",
    "b.v",
    "nv",
    "pty",
    "plc",
    "llp",
    "lda",
    "ltda",
    "sac",
    "eirl",
    "jsc",
    "ooo",
    "ооо",
    "оао",
    "зао",
    "ао",
    "ип",
    "kft",
    "sro",
    "s.r.o",
    "oy",
    "ab",
    "trading",
    "group",
    "enterprises",
    "enterprise",
    "industries",
    "imports",
    "importers",
    "import",
    "export",
    "distribution",
    "distributors",
    "tic",
    "aş",
    "a.ş",
    "sp",
    "gmbh&co",
    "fze",
    "fzco",
    "fzc",
    "wll",
    "est",
    "establishment",
    "sdn",
    "bhd",
    "tbk",
    "pvt",
    "cia",
    "s.a.s",
    "s.a.c",
    "e.u",
    "ug",
    "ohg",
    "sarlau",
    "mmc",
];

const CJK_SUFFIXES: &[&str] = &["有限公司", "株式会社", "有限会社", "公司", "商行", "贸易"];

const NOT_WEBSITES: &[&str] = &[
    "alibaba",
    "made-in-china",
    "google",
    "facebook",
    "linkedin",
    "whatsapp",
    "wa.me",
    "wechat",
    "youtube",
    "instagram",
    "twitter",
    "x.com",
    "t.me",
    "bit.ly",
    "tinyurl",
    "microsoft",
    "office",
    "onedrive",
    "sharepoint",
    "dropbox",
    "docusign",
    "wetransfer",
    "adobe",
    "gmail",
    "yahoo",
    "hotmail",
    "outlook",
    "qq.com",
    "163.com",
];

fn is_suffix(d: &Doc, i: usize, flags: &[u8]) -> bool {
    if flags.get(i).is_none_or(|f| f & FLAG_SUFFIX == 0) {
        return false;
    }
    let w = d.low(i);
    let o = d.orig(i);
    let upper_start = o.chars().next().is_some_and(|c| c.is_uppercase());
    // Weak words only count when capitalised ("ABC Trading", not "trading company").
    match w {
        "co" => upper_start && (d.is_punct(i + 1, '.') || d.is_punct(i + 1, ',')),
        "trading" | "group" | "enterprises" | "enterprise" | "industries" | "imports"
        | "import" | "export" | "distribution" | "distributors" | "importers" | "ag" | "ab"
        | "sa" | "sl" | "est" | "sp" | "spa" | "ao" | "ug" => upper_start,
        _ => true,
    }
}

/// Company name from the text: capitalised words before a legal form (`Lichtwerk GmbH`).
pub fn company(d: &Doc, flags: &[u8]) -> Option<String> {
    for i in 0..d.toks.len() {
        match d.kind(i) {
            Some(Kind::Cjk) => {
                let t = d.orig(i);
                for s in CJK_SUFFIXES {
                    if let Some(pos) = t.find(s) {
                        let end = pos + s.len();
                        let head = &t[..pos];
                        let start = head
                            .char_indices()
                            .rev()
                            .nth(9)
                            .map(|(k, _)| k)
                            .unwrap_or(0);
                        let mut name = t[start..end].to_string();
                        let mut a = i;
                        while a > 0 && d.kind(a - 1) == Some(Kind::Word) && !d.toks[a].space_before
                        {
                            a -= 1;
                        }
                        if a < i {
                            name = format!("{}{}", d.span(a, i - 1), name);
                        }
                        if name.chars().count() >= 4 {
                            return Some(name);
                        }
                    }
                }
            }
            Some(Kind::Word) if is_suffix(d, i, flags) => {
                let mut a = i;
                let mut words = 0;
                while a > 0 && words < 5 {
                    let p = a - 1;
                    let o = d.orig(p);
                    let ok = match d.kind(p) {
                        Some(Kind::Word) => {
                            o.chars()
                                .next()
                                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                                && !matches!(
                                    d.low(p),
                                    "dear" | "hello" | "hi" | "from" | "the" | "we" | "i"
                                )
                        }
                        Some(Kind::Punct) => {
                            matches!(o, "&" | "-" | "." | "'")
                                && d.kind(p.saturating_sub(1)) == Some(Kind::Word)
                        }
                        _ => false,
                    };
                    if !ok {
                        break;
                    }
                    if d.kind(p) == Some(Kind::Word) {
                        words += 1;
                    }
                    a = p;
                }
                while a < i && d.kind(a) == Some(Kind::Punct) {
                    a += 1;
                }
                if words == 0 {
                    continue;
                }
                let mut b = i;
                // Multi-part legal forms: "Co., Ltd", "Sp. z o.o.", "S.A."
                loop {
                    let nx = d.low(b + 1);
                    let is_sfx = |k: usize| flags.get(k).is_some_and(|f| f & FLAG_SUFFIX != 0);
                    let dot = nx == "." || nx == "," && is_sfx(b + 2);
                    let legal = is_sfx(b + 1)
                        && d.orig(b + 1)
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_uppercase());
                    if dot || legal {
                        b += 1;
                    } else {
                        break;
                    }
                }
                let s = d.span(a, b).trim_end_matches(',').trim();
                if s.len() >= 4 {
                    return Some(s.chars().take(100).collect());
                }
            }
            _ => {}
        }
    }
    None
}

/// First website named in the text or links that is not a platform, social network or mail host.
pub fn website(text: &str, links: &[String]) -> Option<String> {
    let cands = fx::url_words(text).chain(links.iter().map(|s| s.as_str()));
    for w in cands {
        let start =
            if let Some(p) = fx::find_ci(w, "http://").or_else(|| fx::find_ci(w, "https://")) {
                p
            } else if let Some(p) = fx::find_ci(w, "www.") {
                p
            } else {
                continue;
            };
        let url = w[start..].trim_end_matches(['.', ',', ';', ':', '!', '?', ')']);
        let host = url
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_start_matches("HTTPS://")
            .trim_start_matches("HTTP://");
        let host = host
            .split(['/', '?', '#', ':'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if host.len() < 4
            || !host.contains('.')
            || NOT_WEBSITES.iter().any(|n| host.contains(n))
            || domains::lookalike_of(&host).is_some()
        {
            continue;
        }
        return Some(host);
    }
    None
}

/// The sender's domain kind: the From header when known, otherwise an address in the text.
pub fn domain_kind(from: Option<&str>, text: &str) -> DomainKind {
    if from.is_some_and(|f| domains::domain_of(f).is_some()) {
        return domains::email_domain_kind(from);
    }
    if !text.contains('@') {
        return DomainKind::None;
    }
    for w in text.split(|c: char| {
        c.is_whitespace() || matches!(c, '<' | '>' | '(' | ')' | '"' | ',' | ';' | ':')
    }) {
        if w.contains('@') && domains::domain_of(w).is_some() {
            return domains::email_domain_kind(Some(w));
        }
    }
    DomainKind::None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn companies() {
        let c = |s: &str| {
            let d = Doc::from_parts("", s);
            company(&d, &crate::lexicon::scan_full(&d).flags)
        };
        assert_eq!(
            c("Best regards\nJohn\nLichtwerk GmbH\nBerlin").as_deref(),
            Some("Lichtwerk GmbH")
        );
        assert_eq!(
            c("ABC Trading Co., Ltd.").as_deref(),
            Some("ABC Trading Co., Ltd.")
        );
        assert_eq!(
            c("Lagos Home Depot Ltd"),
            Some("Lagos Home Depot Ltd".into())
        );
        assert_eq!(
            c("深圳市光明照明有限公司").as_deref(),
            Some("深圳市光明照明有限公司")
        );
        assert_eq!(c("we are a trading company"), None);
    }

    #[test]
    fn websites() {
        assert_eq!(
            website("visit www.lichtwerk.de.", &[]).as_deref(),
            Some("www.lichtwerk.de")
        );
        assert_eq!(website("see https://alibaba-support.com/login", &[]), None);
        assert_eq!(
            website("nothing here", &["https://shop.example.com/a".into()]).as_deref(),
            Some("shop.example.com")
        );
    }
}
