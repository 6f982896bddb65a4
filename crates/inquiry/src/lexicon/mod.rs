//! Why this module exists: all multilingual keyword knowledge (units, certifications, Incoterms,
//! countries, ports, buying intent, sales pitches, scam phrases …) lives in plain tables, and this
//! module matches all of them against a [`Doc`] in one pass — word phrases through a hash map keyed
//! by their first token, CJK phrases through a map keyed by their first character.

mod commerce;
mod geo;
mod signals;

use crate::fx::FxMap;
use crate::text::{Doc, Kind};
use std::sync::LazyLock;

/// What a phrase means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Cert(&'static str),
    Incoterm(&'static str),
    Unit(&'static str),
    Country(&'static str),
    /// Nationality adjective ("German market"); only counted before a market word.
    CountryAdj(&'static str),
    /// Port or city: (display name, country).
    Place(&'static str, &'static str),
    Ask(Ask),
    Pay(&'static str),
    Product(&'static str),
    /// "your products", "price list of all items": no specific product.
    Generic,
    /// Buying intent: "we need", "please quote", "looking for".
    Buy,
    /// Supplier sales pitch: "we are a leading manufacturer", "our factory produces".
    Pitch,
    /// Marketing / services / mass mail: "unsubscribe", "SEO", "website design".
    Marketing,
    Scam(Scam),
    /// Packaging terms (a "further term" of the rubric).
    Packaging,
    /// Material words that count as specs.
    Material(&'static str),
    /// Vehicle make an auto part must fit ("for Toyota Corolla"): a real spec for auto parts.
    Fitment(&'static str),
    TargetPrice,
    /// Words that introduce the application / use.
    Use,
    /// Words that make the next tokens a market: "market", "import to".
    MarketWord,
    /// Phrases that introduce the named product: "looking for", "quote for".
    Intro,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    LeadTime,
    Sample,
    Moq,
    Catalog,
    Price,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scam {
    /// "view the document", "login to see the order", "download attached RFQ".
    Phish,
    /// Fake platform / account notices.
    Platform,
    /// Registration, membership or certificate fees asked from the supplier.
    Fee,
    /// Credit-card payment and "my shipper/forwarder" schemes.
    CardShipper,
    /// "Purchase order attached", "confirm the PO".
    PurchaseOrder,
    /// Inheritance, lottery, compensation, crypto.
    AdvanceFee,
    /// Pressure words typical of mass scams: "urgent", "kindly", "ASAP" (weak).
    Pressure,
    /// Mass-mail openers: "dear sir/madam", "we got your contact from".
    MassMail,
}

/// One match: tokens `start..end` (for CJK, the token holding it and the byte offset in `lower`).
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub tag: Tag,
    pub start: usize,
    pub end: usize,
    pub byte: u32,
}

type Entry = (Vec<String>, Tag);

/// Per-token flag: the token is a company legal form (`GmbH`, `Ltd`).
pub const FLAG_SUFFIX: u8 = 1;
/// Per-token flag: the token announces a model number (`model`, `型号`).
pub const FLAG_MODEL: u8 = 2;
/// Per-token flag: the token is a number word (`two`, `dozen`).
pub const FLAG_NUMBER: u8 = 4;

#[derive(Default)]
struct WordInfo {
    entries: Vec<Entry>,
    flags: u8,
    /// Bit mask of Latin-script languages for which this is a function word.
    stop: u16,
}

/// Everything one pass over the tokens finds.
pub struct Scan {
    pub hits: Vec<Hit>,
    /// One flag byte per token (`FLAG_*`).
    pub flags: Vec<u8>,
    /// Function-word counts per Latin-script language (see `lang`).
    pub stop: [u32; 16],
}

struct Tables {
    words: FxMap<String, WordInfo>,
    cjk: FxMap<char, Vec<(&'static str, Tag)>>,
}

fn all_entries() -> Vec<(&'static str, Tag)> {
    let mut v = Vec::with_capacity(4000);
    commerce::add(&mut v);
    geo::add(&mut v);
    signals::add(&mut v);
    v
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut words: FxMap<String, WordInfo> = FxMap::default();
    let mut cjk: FxMap<char, Vec<(&'static str, Tag)>> = FxMap::default();
    for (phrases, tag) in all_entries() {
        for phrase in phrases.split('|') {
            let phrase = phrase.trim();
            if phrase.is_empty() {
                continue;
            }
            let first = phrase.chars().next().unwrap_or(' ');
            if crate::text::is_cjk(first) {
                cjk.entry(first).or_default().push((phrase, tag));
                continue;
            }
            let d = Doc::from_parts("", phrase);
            let toks: Vec<String> = (0..d.toks.len().min(MAX_PHRASE))
                .map(|i| d.low(i).to_string())
                .collect();
            if let Some((head, rest)) = toks.split_first() {
                words
                    .entry(head.clone())
                    .or_default()
                    .entries
                    .push((rest.to_vec(), tag));
            }
        }
    }
    for w in crate::buyer::SUFFIXES {
        words.entry(w.to_string()).or_default().flags |= FLAG_SUFFIX;
    }
    for w in crate::specs::MODEL_WORDS {
        words.entry(w.to_string()).or_default().flags |= FLAG_MODEL;
    }
    for w in crate::numbers::NUMBER_WORDS {
        words.entry(w.to_string()).or_default().flags |= FLAG_NUMBER;
    }
    for (k, (_, list)) in crate::lang::LATIN.iter().enumerate() {
        for w in list.split('|') {
            words.entry(w.to_string()).or_default().stop |= 1 << k;
        }
    }
    for list in cjk.values_mut() {
        list.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    }
    Tables { words, cjk }
});

/// Longest phrase, in tokens, that a hit can span.
pub const MAX_PHRASE: usize = 12;

/// Hits whose first token is in `a..b` (hits are stored in token order).
pub fn starting_in(hits: &[Hit], a: usize, b: usize) -> &[Hit] {
    let lo = hits.partition_point(|h| h.start < a);
    let hi = hits.partition_point(|h| h.start < b).max(lo);
    &hits[lo..hi]
}

/// Hits that start at token `j`.
pub fn starting_at(hits: &[Hit], j: usize) -> &[Hit] {
    starting_in(hits, j, j + 1)
}

/// Hits that may cover token `i`.
pub fn around(hits: &[Hit], i: usize) -> &[Hit] {
    starting_in(hits, i.saturating_sub(MAX_PHRASE), i + 1)
}

/// Forces the tables to be built (benchmarks call this before measuring).
pub fn warm_up() {
    LazyLock::force(&TABLES);
}

/// All lexicon matches in document order.
#[cfg(test)]
pub fn scan(d: &Doc) -> Vec<Hit> {
    scan_full(d).hits
}

/// Lexicon matches, per-token flags and function-word counts in one pass.
pub fn scan_full(d: &Doc) -> Scan {
    let t = &*TABLES;
    let mut hits = Vec::with_capacity(64);
    let mut flags = vec![0u8; d.toks.len()];
    let mut stop = [0u32; 16];
    for (i, tok) in d.toks.iter().enumerate() {
        match tok.kind {
            Kind::Word | Kind::Punct => {
                let low = d.low(i);
                let Some(info) = t.words.get(low) else {
                    continue;
                };
                flags[i] = info.flags;
                if info.stop != 0 && tok.kind == Kind::Word {
                    for (k, s) in stop.iter_mut().enumerate() {
                        if info.stop & (1 << k) != 0 {
                            *s += 1;
                        }
                    }
                }
                for (rest, tag) in &info.entries {
                    if rest.iter().enumerate().all(|(k, w)| d.low(i + 1 + k) == w) {
                        hits.push(Hit {
                            tag: *tag,
                            start: i,
                            end: i + 1 + rest.len(),
                            byte: tok.l0,
                        });
                    }
                }
            }
            Kind::Cjk => {
                let s = d.low(i);
                for (off, c) in s.char_indices() {
                    let Some(list) = t.cjk.get(&c) else {
                        continue;
                    };
                    for (p, tag) in list {
                        if s[off..].starts_with(p) {
                            hits.push(Hit {
                                tag: *tag,
                                start: i,
                                end: i + 1,
                                byte: tok.l0 + off as u32,
                            });
                        }
                    }
                }
            }
        }
    }
    Scan { hits, flags, stop }
}

/// Canonical unit for a glued or separate unit word (`pcs`, `件`, `шт`), if it is one.
pub fn unit_of(word: &str) -> Option<&'static str> {
    unit_prefix(word).map(|(u, _)| u)
}

/// Like [`unit_of`], also giving the bytes of `word` the unit spans (a CJK unit may be followed
/// by more text in the same token: `件羽绒服`).
pub fn unit_prefix(word: &str) -> Option<(&'static str, usize)> {
    let t = &*TABLES;
    if let Some(info) = t.words.get(word) {
        for (rest, tag) in &info.entries {
            if let (true, Tag::Unit(u)) = (rest.is_empty(), tag) {
                return Some((u, word.len()));
            }
        }
    }
    let first = word.chars().next()?;
    if let Some(list) = t.cjk.get(&first) {
        for (p, tag) in list {
            if let (true, Tag::Unit(u)) = (word.starts_with(p), tag) {
                return Some((u, p.len()));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<Tag> {
        let d = Doc::from_parts("", s);
        scan(&d).into_iter().map(|h| h.tag).collect()
    }

    #[test]
    fn finds_phrases() {
        let t = tags("Please quote FOB Ningbo, payment T/T, lead time?");
        assert!(t.contains(&Tag::Incoterm("FOB")));
        assert!(t.contains(&Tag::Pay("T/T")));
        assert!(t.contains(&Tag::Ask(Ask::LeadTime)));
        assert!(t.contains(&Tag::Place("Ningbo", "China")));
    }

    #[test]
    fn finds_cjk() {
        let t = tags("我们需要样品,交期多久");
        assert!(t.contains(&Tag::Ask(Ask::Sample)));
        assert!(t.contains(&Tag::Ask(Ask::LeadTime)));
    }

    #[test]
    fn units() {
        assert_eq!(unit_of("pcs"), Some("pcs"));
        assert_eq!(unit_of("件"), Some("pcs"));
        assert_eq!(unit_of("шт"), Some("pcs"));
        assert_eq!(unit_of("stück"), Some("pcs"));
        assert_eq!(unit_of("hello"), None);
    }
}
