//! Why this module exists: "how many, of what unit" and "which specs" are the two facts a supplier
//! needs first. This module finds quantities (`1,000 pcs`, `2x40HQ`, `5万件`, `Qty: 300`) and
//! keeps them apart from specs (a `5000K` is a colour temperature, not a quantity; see `specs`).

use crate::lexicon::FLAG_NUMBER;
use crate::lexicon::{self, Hit, Tag};
use crate::numbers::{self, NumAt};
use crate::text::{Doc, Kind};

/// A quantity candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct Qty {
    pub value: f64,
    pub unit: Option<String>,
    /// Token index just after the quantity (and its unit).
    pub after: usize,
    pub priority: u8,
    /// CJK text glued after the unit (`羽绒服` in `800件羽绒服`): usually the product.
    pub tail: String,
}

const COUNT_UNITS: &[&str] = &[
    "pcs",
    "units",
    "sets",
    "pairs",
    "cartons",
    "pallets",
    "containers",
    "tons",
    "rolls",
    "bags",
    "bottles",
    "dozen",
];

const QTY_LABELS: &[&str] = &[
    "qty",
    "quantity",
    "quantities",
    "q'ty",
    "amount",
    "volume",
    "cantidad",
    "menge",
    "anzahl",
    "quantité",
    "количество",
    "объем",
    "объём",
    "quantidade",
    "miktar",
    "ilość",
    "số",
    "lượng",
    "الكمية",
    "kiekis",
    "quantità",
    "数量",
    "数",
];

pub(crate) fn container_type(s: &str) -> Option<String> {
    let s = s.trim_start_matches(['x', '*']);
    let (d, rest) = s.split_at(s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len()));
    if !matches!(d, "20" | "40" | "45") {
        return None;
    }
    let rest = rest.trim_start_matches(['\'', '\u{2019}', '-']);
    let kind = match rest {
        "hq" | "hc" | "'hq" => "HQ",
        "gp" | "dc" | "ft" | "'gp" | "dv" => "GP",
        "ot" => "OT",
        "rf" | "rh" => "RF",
        _ => return None,
    };
    Some(format!("{d}{kind}"))
}

/// Container type starting at token `i` (`40hq`, or `40` `'` `hq`); returns type and next index.
fn container_at(d: &Doc, i: usize) -> Option<(String, usize)> {
    if d.kind(i) != Some(Kind::Word) || !d.low(i).starts_with(['2', '4']) {
        return None;
    }
    if let Some(t) = container_type(d.low(i)) {
        return Some((t, i + 1));
    }
    let low = d.low(i);
    if matches!(low, "20" | "40" | "45") {
        let mut j = i + 1;
        if d.is_punct(j, '\'') || d.is_punct(j, '\u{2019}') {
            j += 1;
        }
        if let Some(t) = container_type(&format!("{low}{}", d.low(j))) {
            return Some((t, j + 1));
        }
    }
    None
}

fn is_money_context(d: &Doc, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let p = d.low(i - 1);
    matches!(
        p,
        "$" | "€"
            | "¥"
            | "£"
            | "₽"
            | "usd"
            | "us"
            | "eur"
            | "euro"
            | "rmb"
            | "cny"
            | "aud"
            | "gbp"
            | "jpy"
            | "r"
            | "sar"
            | "aed"
            | "us$"
    ) || (i >= 2 && d.low(i - 2) == "us" && p == "$")
}

fn is_percent(d: &Doc, n: &NumAt) -> bool {
    d.low(n.next) == "%" || n.suffix.starts_with('%')
}

fn unit_after(d: &Doc, n: &NumAt) -> Option<(&'static str, usize)> {
    if !n.suffix.is_empty() {
        return lexicon::unit_of(&n.suffix).map(|u| (u, n.next));
    }
    let mut j = n.next;
    if matches!(d.low(j), "metric" | "sq" | "square" | "more") {
        j += 1;
    }
    if d.toks.get(j).is_some_and(|t| t.kind == Kind::Punct) && !d.is_punct(j, '.') {
        return None;
    }
    let w = d.low(j);
    if d.kind(j) == Some(Kind::Cjk) && w.starts_with("个月") {
        return None;
    }
    lexicon::unit_of(w).map(|u| (u, j + 1))
}

/// CJK text after a unit: the suffix glued to the number, or the rest of the unit's token.
fn cjk_tail(d: &Doc, n: &NumAt) -> String {
    let s: &str = if !n.suffix.is_empty() {
        &n.suffix
    } else if d.kind(n.next) == Some(Kind::Cjk) && !d.toks[n.next].space_before {
        d.low(n.next)
    } else {
        return String::new();
    };
    match lexicon::unit_prefix(s) {
        Some((_, len))
            if len < s.len() && crate::text::is_cjk(s[len..].chars().next().unwrap_or(' ')) =>
        {
            s[len..].to_string()
        }
        _ => String::new(),
    }
}

/// Words after a bare number that show it is not an order quantity ("30 days", "20 stores").
const NOT_COUNT: &[&str] = &[
    "days",
    "day",
    "weeks",
    "week",
    "months",
    "month",
    "years",
    "year",
    "hours",
    "hour",
    "minutes",
    "working",
    "business",
    "times",
    "people",
    "employees",
    "staff",
    "workers",
    "stores",
    "shops",
    "branches",
    "outlets",
    "customers",
    "clients",
    "countries",
    "cities",
    "suppliers",
    "factories",
    "sizes",
    "colors",
    "colours",
    "models",
    "styles",
    "designs",
    "percent",
    "dollars",
    "usd",
    "euro",
    "euros",
    "yuan",
    "rmb",
    "cents",
    "degrees",
    "años",
    "días",
    "meses",
    "tage",
    "monate",
    "jahre",
    "jours",
    "mois",
    "ans",
    "дней",
    "дня",
    "месяцев",
    "лет",
    "dias",
    "anos",
    "gün",
    "ay",
    "yıl",
    "dni",
    "miesięcy",
    "lat",
    "ngày",
    "tháng",
    "năm",
    "am",
    "pm",
    "and",
    "or",
    "to",
    "for",
    "of",
    "the",
    "a",
    "per",
    "in",
    "on",
    "at",
    "by",
    "with",
];

/// All quantity candidates in document order.
pub fn quantities(d: &Doc, hits: &[Hit], flags: &[u8]) -> Vec<Qty> {
    let mut out = Vec::new();
    let n = d.toks.len();
    let mut i = 0;
    let buying = hits
        .iter()
        .any(|h| matches!(h.tag, Tag::Buy | Tag::Intro | Tag::Ask(lexicon::Ask::Price)));
    while i < n {
        // Containers: "2x40HQ", "2 x 40HQ", "2*40'HQ", "one 40HQ", bare "40HQ".
        let maybe_number = match d.toks[i].kind {
            Kind::Word => {
                d.low(i).as_bytes()[0].is_ascii_digit()
                    || flags.get(i).is_some_and(|f| f & FLAG_NUMBER != 0)
            }
            Kind::Cjk => true,
            Kind::Punct => false,
        };
        let num_here = if maybe_number {
            numbers::number_at(d, i)
        } else {
            None
        };
        if let Some(num) = &num_here {
            if let Some(t) = container_type(&num.suffix) {
                out.push(Qty {
                    value: num.value,
                    unit: Some(t),
                    after: num.next,
                    priority: 3,
                    tail: String::new(),
                });
                i = num.next;
                continue;
            }
            let mut j = num.next;
            if num.suffix.is_empty() && matches!(d.low(j), "x" | "*") {
                j += 1;
            }
            if let Some((t, next)) = container_at(d, j).filter(|_| num.suffix.is_empty() && j > i) {
                out.push(Qty {
                    value: num.value,
                    unit: Some(t),
                    after: next,
                    priority: 3,
                    tail: String::new(),
                });
                i = next;
                continue;
            }
        }
        if let Some((t, next)) = container_at(d, i) {
            let prev = if i > 0 { d.low(i - 1) } else { "" };
            let value: f64 = if matches!(prev, "a" | "one" | "1") {
                1.0
            } else {
                0.0
            };
            out.push(Qty {
                value: value.max(1.0),
                unit: Some(t),
                after: next,
                priority: 0,
                tail: String::new(),
            });
            i = next;
            continue;
        }
        if d.kind(i) == Some(Kind::Cjk) {
            cjk_quantities(d, i, &mut out);
            i += 1;
            continue;
        }
        let Some(num) = num_here else {
            i += 1;
            continue;
        };
        if is_money_context(d, i) || is_percent(d, &num) || num.value <= 0.0 {
            i = num.next.max(i + 1);
            continue;
        }
        let mut value = num.value;
        let mut unit = unit_after(d, &num);
        if unit.is_none() && num.suffix == "k" {
            let alt = NumAt {
                value,
                next: num.next,
                suffix: String::new(),
            };
            if let Some(u) = unit_after(d, &alt) {
                value *= 1000.0;
                unit = Some(u);
            }
        }
        if unit.is_none() && num.suffix.is_empty() {
            unit = noun_unit(d, hits, num.next);
        }
        let labelled = (1..=3).any(|k| i >= k && QTY_LABELS.contains(&d.low(i - k)));
        match unit {
            Some((u, next)) => {
                let tail = cjk_tail(d, &num);
                let priority = if COUNT_UNITS.contains(&u) { 2 } else { 1 };
                let priority = if labelled { priority + 1 } else { priority };
                out.push(Qty {
                    value,
                    unit: Some(u.to_string()),
                    after: next,
                    priority,
                    tail,
                });
                i = next;
            }
            None if labelled && num.suffix.is_empty() && value >= 1.0 => {
                out.push(Qty {
                    value,
                    unit: None,
                    after: num.next,
                    priority: 1,
                    tail: String::new(),
                });
                i = num.next;
            }
            None if buying
                && num.suffix.is_empty()
                && value >= 2.0
                && value.fract() == 0.0
                && !(1950.0..=2100.0).contains(&value)
                && (i == 0 || d.toks[i].space_before || d.is_punct(i - 1, '\n'))
                && bare_count(d, hits, num.next) =>
            {
                out.push(Qty {
                    value,
                    unit: Some("pcs".into()),
                    after: num.next,
                    priority: 0,
                    tail: String::new(),
                });
                i = num.next;
            }
            None => i = num.next.max(i + 1),
        }
    }
    out
}

/// A bare number followed by a plain noun phrase in a buying message ("3,000 yoga mats").
fn bare_count(d: &Doc, hits: &[Hit], j: usize) -> bool {
    if d.kind(j) != Some(Kind::Word) || !d.toks[j].space_before {
        return false;
    }
    let w = d.low(j);
    w.chars().count() >= 3
        && w.chars().all(char::is_alphabetic)
        && !NOT_COUNT.contains(&w)
        && !lexicon::starting_at(hits, j)
            .iter()
            .any(|h| !matches!(h.tag, Tag::Material(_) | Tag::CountryAdj(_)))
}

/// "500 chairs", "50,000 kraft paper bags": a count followed (within three words) by a product
/// noun; the unit is a unit word met on the way, otherwise pieces.
fn noun_unit(d: &Doc, hits: &[Hit], from: usize) -> Option<(&'static str, usize)> {
    for j in from..from + 3 {
        if d.kind(j) != Some(Kind::Word) || (j > from && !d.toks[j].space_before) {
            return None;
        }
        if let Some(h) = lexicon::starting_at(hits, j)
            .iter()
            .find(|h| matches!(h.tag, Tag::Product(_)))
        {
            let unit = (from..h.end)
                .rev()
                .find_map(|k| lexicon::unit_of(d.low(k)))
                .unwrap_or("pcs");
            return Some((unit, from));
        }
        let w = d.low(j);
        if w.chars().any(|c| c.is_ascii_digit())
            || w.len() < 2
            || lexicon::starting_at(hits, j)
                .iter()
                .any(|h| !matches!(h.tag, Tag::Material(_) | Tag::CountryAdj(_)))
        {
            return None;
        }
    }
    None
}

fn cjk_quantities(d: &Doc, i: usize, out: &mut Vec<Qty>) {
    let s = d.low(i);
    let mut skip_to = 0;
    for (off, c) in s.char_indices() {
        if off < skip_to || numbers::parse_cjk_number(&s[off..]).is_none() {
            continue;
        }
        let Some((v, used)) = numbers::parse_cjk_number(&s[off..]) else {
            continue;
        };
        skip_to = off + used;
        let rest = &s[off + used..];
        if rest.starts_with("个月")
            || (c == '一' && used == c.len_utf8() && !rest.starts_with(['台', '套', '吨', '柜']))
        {
            continue;
        }
        if let Some((u, len)) = lexicon::unit_prefix(rest) {
            let priority = if COUNT_UNITS.contains(&u) { 2 } else { 1 };
            out.push(Qty {
                value: v,
                unit: Some(u.to_string()),
                after: i + 1,
                priority,
                tail: rest.get(len..).unwrap_or("").to_string(),
            });
        }
    }
}

/// The main quantity: the first candidate of the highest priority.
pub fn best(q: &[Qty]) -> Option<&Qty> {
    let top = q.iter().map(|x| x.priority).max()?;
    q.iter().find(|x| x.priority == top)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Option<(f64, Option<String>)> {
        let d = Doc::from_parts("", s);
        let hits = lexicon::scan(&d);
        let all = quantities(&d, &hits, &lexicon::scan_full(&d).flags);
        best(&all).map(|x| (x.value, x.unit.clone()))
    }

    #[test]
    fn quantities_in_languages() {
        assert_eq!(
            q("We need 1,000 pcs of LED bulbs"),
            Some((1000.0, Some("pcs".into())))
        );
        assert_eq!(
            q("need 1000pcs 100W flood light 5000K"),
            Some((1000.0, Some("pcs".into())))
        );
        assert_eq!(q("2x40HQ of tiles"), Some((2.0, Some("40HQ".into()))));
        assert_eq!(q("2 x 40'HQ"), Some((2.0, Some("40HQ".into()))));
        assert_eq!(q("我们需要5万件T恤"), Some((50_000.0, Some("pcs".into()))));
        assert_eq!(q("要一千个灯"), Some((1000.0, Some("pcs".into()))));
        assert_eq!(
            q("Wir benötigen 1.000 Stück"),
            Some((1000.0, Some("pcs".into())))
        );
        assert_eq!(q("Нужно 5 000 шт"), Some((5000.0, Some("pcs".into()))));
        assert_eq!(
            q("necesitamos 300 juegos"),
            Some((300.0, Some("sets".into())))
        );
        assert_eq!(q("Qty: 500"), Some((500.0, None)));
        assert_eq!(q("two thousand pieces"), Some((2000.0, Some("pcs".into()))));
        assert_eq!(q("2k pcs"), Some((2000.0, Some("pcs".into()))));
        assert_eq!(q("20 tons of urea"), Some((20.0, Some("tons".into()))));
        assert_eq!(q("price USD 5 per piece, 30% deposit"), None);
        assert_eq!(q("5000K 100W IP65"), None);
        assert_eq!(q("交期3个月"), None);
        assert_eq!(
            q("Necesitamos 500 sillas de oficina"),
            Some((500.0, Some("pcs".into())))
        );
        assert_eq!(
            q("50,000 kraft paper bags"),
            Some((50_000.0, Some("bags".into())))
        );
        assert_eq!(
            q("1 000 projecteurs LED"),
            Some((1000.0, Some("pcs".into())))
        );
    }
}
