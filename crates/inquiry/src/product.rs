//! Why this module exists: naming the product is what separates "send your catalogue" from a real
//! request. The product phrase is taken, in order of trust, from the words right after the
//! quantity (`1000 pcs <100W outdoor LED flood lights>`), around a known product noun, or after a
//! buying phrase (`looking for <hydraulic cylinders>`).

use crate::lexicon::{self, Hit, Tag};
use crate::text::{Doc, Kind};

/// Words that end or cannot start a product phrase.
const STOP: &[&str] = &[
    "for",
    "with",
    "to",
    "in",
    "at",
    "from",
    "and",
    "or",
    "by",
    "on",
    "per",
    "the",
    "a",
    "an",
    "of",
    "our",
    "your",
    "please",
    "pls",
    "plz",
    "kindly",
    "we",
    "i",
    "need",
    "want",
    "is",
    "are",
    "which",
    "that",
    "as",
    "if",
    "each",
    "price",
    "prices",
    "quote",
    "quotation",
    "offer",
    "delivery",
    "lead",
    "payment",
    "fob",
    "cif",
    "exw",
    "ddp",
    "cfr",
    "dap",
    "para",
    "por",
    "con",
    "de",
    "del",
    "la",
    "el",
    "los",
    "las",
    "y",
    "en",
    "un",
    "una",
    "für",
    "mit",
    "und",
    "der",
    "die",
    "das",
    "nach",
    "zu",
    "pour",
    "avec",
    "et",
    "le",
    "les",
    "des",
    "du",
    "au",
    "для",
    "с",
    "и",
    "в",
    "на",
    "по",
    "com",
    "e",
    "do",
    "da",
    "em",
    "no",
    "na",
    "için",
    "ile",
    "ve",
    "dla",
    "z",
    "i",
    "w",
    "cho",
    "và",
    "với",
    "per",
    "con",
    "urgently",
    "asap",
    "only",
    "monthly",
    "via",
    "urgent",
    "immediately",
    "each",
    "every",
    "total",
    "can",
    "could",
    "would",
    "will",
    "be",
    "it",
    "this",
    "these",
    "those",
    "some",
    "any",
    "also",
    "about",
    "around",
];

/// Nouns that make a phrase about the seller, not a product ("a reliable supplier").
const NOT_PRODUCT: &[&str] = &[
    "supplier",
    "suppliers",
    "partner",
    "partners",
    "manufacturer",
    "manufacturers",
    "factory",
    "company",
    "cooperation",
    "business",
    "catalog",
    "catalogue",
    "price",
    "list",
    "quotation",
    "information",
    "info",
    "details",
    "products",
    "product",
    "items",
    "goods",
    "samples",
    "sample",
    "you",
    "them",
    "it",
    "more",
    "order",
    "orders",
    "invoice",
    "proforma",
    "document",
    "documents",
    "file",
    "pdf",
    "attachment",
    "specification",
    "specifications",
    "buying",
    "purchasing",
    "importing",
    "cooperating",
    "working",
    "doing",
    "something",
    "proveedor",
    "proveedores",
    "lieferant",
    "fournisseur",
    "поставщика",
    "fornecedor",
    "agent",
    "distributor",
];

fn is_stop(w: &str) -> bool {
    STOP.contains(&w)
}

fn covered_by(hits: &[Hit], i: usize, f: impl Fn(&Tag) -> bool) -> bool {
    lexicon::around(hits, i)
        .iter()
        .any(|h| h.start <= i && i < h.end && f(&h.tag))
}

fn is_unit_or_num(d: &Doc, i: usize, hits: &[Hit]) -> bool {
    let w = d.low(i);
    w.bytes().all(|b| b.is_ascii_digit()) || covered_by(hits, i, |t| matches!(t, Tag::Unit(_)))
}

/// Phrase of up to `max` Word tokens from `i`, ending at punctuation or a stop word.
fn phrase_from(d: &Doc, mut i: usize, max: usize, hits: &[Hit]) -> Option<(usize, usize)> {
    while matches!(
        d.low(i),
        "of" | "de"
            | "x"
            | "-"
            | ":"
            | "the"
            | "a"
            | "an"
            | "des"
            | "du"
            | "do"
            | "da"
            | "dos"
            | "das"
            | "of the"
    ) && d.kind(i).is_some()
    {
        i += 1;
    }
    let start = i;
    let mut end = i;
    while end < d.toks.len() && end - start < max {
        let k = d.kind(end);
        let w = d.low(end);
        let hyphen = d.is_punct(end, '-')
            && d.kind(end + 1) == Some(Kind::Word)
            && !d.toks[end + 1].space_before;
        let ok = match k {
            Some(Kind::Word) => {
                !is_stop(w)
                    && !covered_by(hits, end, |t| {
                        matches!(
                            t,
                            Tag::Incoterm(_)
                                | Tag::Buy
                                | Tag::Ask(_)
                                | Tag::Country(_)
                                | Tag::Place(..)
                        )
                    })
            }
            Some(Kind::Punct) => hyphen || (w == "/" && end > start),
            Some(Kind::Cjk) => {
                end > start
                    && !d.toks[end].space_before
                    && w.chars().count() <= 3
                    && covered_by(hits, end, |t| matches!(t, Tag::Product(_)))
            }
            _ => false,
        };
        if !ok {
            break;
        }
        end += 1;
    }
    while end > start && d.kind(end - 1) == Some(Kind::Punct) {
        end -= 1;
    }
    if end == start {
        return None;
    }
    Some((start, end - 1))
}

fn acceptable(d: &Doc, a: usize, b: usize, hits: &[Hit]) -> bool {
    let mut has_letters = false;
    for i in a..=b {
        let w = d.low(i);
        if NOT_PRODUCT.contains(&w) && !covered_by(hits, i, |t| matches!(t, Tag::Product(_))) {
            return false;
        }
        if w.chars().any(|c| c.is_alphabetic()) && !is_unit_or_num(d, i, hits) {
            has_letters = true;
        }
    }
    if covered_by(hits, a, |t| matches!(t, Tag::Generic))
        && !(a..=b).any(|i| covered_by(hits, i, |t| matches!(t, Tag::Product(_))))
    {
        return false;
    }
    has_letters
}

/// The product phrase and whether it names a known product category.
pub fn product(
    d: &Doc,
    hits: &[Hit],
    qty: Option<&crate::quantity::Qty>,
) -> Option<(String, bool)> {
    let first_product = hits.iter().find(|h| matches!(h.tag, Tag::Product(_)));
    let qty_after = qty.map(|q| q.after);
    // 0. CJK text glued after the unit: "800件羽绒服".
    if let Some(q) = qty {
        let name: String = q
            .tail
            .chars()
            .take_while(|c| !CUT.contains(c))
            .take(8)
            .collect();
        if name.chars().count() >= 2 {
            return Some((name, true));
        }
    }
    // 1. Right after the quantity: "1000 pcs 100W outdoor LED flood lights".
    if let Some(after) = qty_after
        && let Some((a, b)) = phrase_from(d, after, 7, hits)
        && acceptable(d, a, b, hits)
    {
        let is_cat = (a..=b).any(|i| covered_by(hits, i, |t| matches!(t, Tag::Product(_))));
        if is_cat || first_product.is_none() {
            return Some((clean(d.span(a, b)), true));
        }
    }
    // 2. Around a known product noun.
    if let Some(h) = first_product {
        if d.kind(h.start) == Some(Kind::Cjk) {
            return Some((cjk_phrase(d, h), true));
        }
        let mut a = h.start;
        let mut steps = 0;
        while a > 0 && steps < 4 {
            let p = a - 1;
            let w = d.low(p);
            let ok = match d.kind(p) {
                Some(Kind::Word) => {
                    !is_stop(w)
                        && !covered_by(hits, p, |t| {
                            matches!(
                                t,
                                Tag::Buy
                                    | Tag::Intro
                                    | Tag::Unit(_)
                                    | Tag::Generic
                                    | Tag::Ask(_)
                                    | Tag::Incoterm(_)
                            )
                        })
                        && !w.bytes().all(|c| c.is_ascii_digit())
                }
                Some(Kind::Punct) => w == "-" && !d.toks[p].space_before,
                _ => false,
            };
            if !ok {
                break;
            }
            a = p;
            steps += 1;
        }
        let mut b = h.end - 1;
        for g in lexicon::around(hits, b + 1) {
            if matches!(g.tag, Tag::Product(_))
                && g.start <= b + 1
                && g.end > b + 1
                && d.kind(g.start) == Some(Kind::Word)
            {
                b = g.end - 1;
            }
        }
        while a < b && d.kind(a) == Some(Kind::Punct) {
            a += 1;
        }
        return Some((clean(d.span(a, b)), true));
    }
    // 3. After a buying phrase: "looking for hydraulic cylinders".
    for h in hits.iter().filter(|h| matches!(h.tag, Tag::Intro)) {
        if d.kind(h.start) == Some(Kind::Cjk) {
            continue;
        }
        let mut s = h.end;
        // skip a quantity between the phrase and the product
        loop {
            let digits_next =
                !d.low(s + 1).is_empty() && d.low(s + 1).bytes().all(|b| b.is_ascii_digit());
            if (s < d.toks.len() && is_unit_or_num(d, s, hits))
                || (matches!(d.low(s), "," | ".") && digits_next)
            {
                s += 1;
            } else {
                break;
            }
        }
        if let Some((a, b)) = phrase_from(d, s, 5, hits)
            && acceptable(d, a, b, hits)
            && d.orig(a).chars().any(|c| c.is_alphabetic())
        {
            return Some((clean(d.span(a, b)), false));
        }
    }
    None
}

const CUT: &[char] = &[
    '要', '需', '买', '购', '求', '的', '个', '件', '套', '台', '只', '和', '与', '是', '请', '报',
    '价', '我', '们', '您', '你', '些', '批', '想', '询', '盘', '对', '有', '在', '为', '用', '给',
    '吨', '米', '箱', 'の', 'を', 'が', 'は', 'に', 'で', 'と', '、',
];

fn cjk_phrase(d: &Doc, h: &Hit) -> String {
    let tok = d.low(h.start);
    let t0 = d.toks[h.start].l0;
    let rel = (h.byte.saturating_sub(t0)) as usize;
    let rel = rel.min(tok.len());
    let before = tok.get(..rel).unwrap_or("");
    let after = tok.get(rel..).unwrap_or("");
    let mut start = before.len();
    for (count, (idx, c)) in before.char_indices().rev().enumerate() {
        if CUT.contains(&c)
            || count >= 6
            || crate::numbers::parse_cjk_number(&before[idx..]).is_some()
        {
            break;
        }
        start = idx;
    }
    let mut end = 0;
    for (count, (idx, c)) in after.char_indices().enumerate() {
        if count > 0 && (CUT.contains(&c) || count >= 6) {
            break;
        }
        end = idx + c.len_utf8();
    }
    let mut s = format!("{}{}", &before[start..], &after[..end]);
    // Latin words glued before: "LED灯", "100W LED投光灯".
    if start == 0 && h.start > 0 && d.kind(h.start - 1) == Some(Kind::Word) {
        let mut a = h.start - 1;
        if a > 0 && d.kind(a - 1) == Some(Kind::Word) && d.toks[a].space_before {
            a -= 1;
        }
        s = format!("{}{}", d.span(a, h.start - 1), s);
    }
    s
}

fn clean(s: &str) -> String {
    let s = s.trim_matches(|c: char| !c.is_alphanumeric());
    let mut out: String = s.chars().take(80).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}
