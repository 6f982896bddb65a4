//! The two UI languages. Every string lives in `locales/messages.toml` as
//! `"key" = ["English", "中文"]`, so a key cannot exist in one language only; a test checks that
//! every key used by a template or handler is present.

use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The `lang` attribute of `<html>`.
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "zh" | "zh-cn" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// Picks the first language of an `Accept-Language` header we support, by quality order.
    pub fn from_accept_language(header: &str) -> Lang {
        let mut prefs: Vec<(f32, &str)> = header
            .split(',')
            .filter_map(|part| {
                let mut it = part.trim().split(';');
                let tag = it.next()?.trim();
                let q = it
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                Some((q, tag))
            })
            .collect();
        prefs.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
        for (_, tag) in prefs {
            let t = tag.to_ascii_lowercase();
            if t.starts_with("zh") {
                return Lang::Zh;
            }
            if t.starts_with("en") {
                return Lang::En;
            }
        }
        Lang::En
    }

    pub fn is_zh(self) -> bool {
        self == Lang::Zh
    }

    /// The translation of `key`; the key itself when missing (and a test forbids that).
    pub fn t(self, key: &str) -> &'static str {
        match catalog().get(key) {
            Some((en, zh)) => match self {
                Lang::En => en,
                Lang::Zh => zh,
            },
            None => {
                tracing::warn!(key, "missing translation");
                Box::leak(key.to_string().into_boxed_str())
            }
        }
    }

    /// Translation with `{name}` placeholders filled in.
    pub fn tf(self, key: &str, args: &[(&str, &str)]) -> String {
        let mut s = self.t(key).to_string();
        for (k, v) in args {
            s = s.replace(&format!("{{{k}}}"), v);
        }
        s
    }
}

type Catalog = HashMap<String, (&'static str, &'static str)>;

pub fn catalog() -> &'static Catalog {
    static CAT: OnceLock<Catalog> = OnceLock::new();
    CAT.get_or_init(|| {
        parse_catalog(include_str!("../locales/messages.toml"))
            .expect("locales/messages.toml is valid")
    })
}

fn parse_catalog(src: &'static str) -> Result<Catalog, String> {
    let table: toml::Table = src.parse().map_err(|e| format!("{e}"))?;
    let mut out = HashMap::new();
    for (k, v) in table {
        let arr = v
            .as_array()
            .ok_or_else(|| format!("{k}: expected [en, zh]"))?;
        match arr.as_slice() {
            [toml::Value::String(en), toml::Value::String(zh)]
                if !en.is_empty() && !zh.is_empty() =>
            {
                let en: &'static str = Box::leak(en.clone().into_boxed_str());
                let zh: &'static str = Box::leak(zh.clone().into_boxed_str());
                out.insert(k, (en, zh));
            }
            _ => return Err(format!("{k}: expected two non-empty strings [en, zh]")),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_best_supported_language() {
        assert_eq!(
            Lang::from_accept_language("zh-CN,zh;q=0.9,en;q=0.8"),
            Lang::Zh
        );
        assert_eq!(
            Lang::from_accept_language("de-DE,en;q=0.5,zh;q=0.3"),
            Lang::En
        );
        assert_eq!(Lang::from_accept_language("fr"), Lang::En);
        assert_eq!(Lang::from_accept_language("en;q=0.2, zh-TW"), Lang::Zh);
    }

    #[test]
    fn the_catalog_parses_and_every_entry_has_both_languages() {
        assert!(catalog().len() > 100);
    }

    /// Every `t("…")` / `tf("…"` key in templates and sources exists in the catalog.
    #[test]
    fn every_key_used_in_templates_and_code_is_translated() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut missing = Vec::new();
        let mut files = Vec::new();
        for dir in ["templates", "src", "src/pages", "src/api"] {
            for e in std::fs::read_dir(root.join(dir)).unwrap().flatten() {
                if e.path().is_file() {
                    files.push(e.path());
                }
            }
        }
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            for pat in ["t(\"", "tf(\""] {
                for (i, _) in text.match_indices(pat) {
                    let rest = &text[i + pat.len()..];
                    let key = &rest[..rest.find('"').unwrap()];
                    let before = text[..i].chars().last().unwrap_or(' ');
                    if (before == '.' || before == ' ')
                        && !key.contains('{')
                        && !key.is_empty()
                        && !catalog().contains_key(key)
                    {
                        missing.push(format!("{}: {key}", f.display()));
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "missing translations:\n{}",
            missing.join("\n")
        );
    }
}
