//! Why this module exists: "how many, of what unit" and "which specs" are the two facts a supplier
//! needs first. This module finds quantities (`1,000 pcs`, `2x40HQ`, `5万件`, `Qty: 300`) and
//! technical specs (`100W`, `5000K`, `IP65`, `220V`, `600x600mm`, `180gsm`, model numbers) while
//! keeping them apart (a `5000K` is a colour temperature, not a quantity).

use crate::lexicon::{self, Hit, Tag};
use crate::lexicon::{FLAG_MODEL, FLAG_NUMBER};
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

fn container_type(s: &str) -> Option<String> {
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

/// All quantity candidates in document order.
pub fn quantities(d: &Doc, hits: &[Hit], flags: &[u8]) -> Vec<Qty> {
    let mut out = Vec::new();
    let n = d.toks.len();
    let mut i = 0;
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
                let priority = if COUNT_UNITS.contains(&u) { 2 } else { 1 };
                let priority = if labelled { priority + 1 } else { priority };
                out.push(Qty {
                    value,
                    unit: Some(u.to_string()),
                    after: next,
                    priority,
                });
                i = next;
            }
            None if labelled && num.suffix.is_empty() && value >= 1.0 => {
                out.push(Qty {
                    value,
                    unit: None,
                    after: num.next,
                    priority: 1,
                });
                i = num.next;
            }
            None => i = num.next.max(i + 1),
        }
    }
    out
}

/// "500 chairs", "50,000 kraft paper bags": a count followed (within three words) by a product
/// noun; the unit is a unit word met on the way, otherwise pieces.
fn noun_unit(d: &Doc, hits: &[Hit], from: usize) -> Option<(&'static str, usize)> {
    for j in from..from + 3 {
        if d.kind(j) != Some(Kind::Word) || (j > from && !d.toks[j].space_before) {
            return None;
        }
        if let Some(h) = hits
            .iter()
            .find(|h| h.start == j && matches!(h.tag, Tag::Product(_)))
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
            || hits
                .iter()
                .any(|h| h.start == j && !matches!(h.tag, Tag::Material(_) | Tag::CountryAdj(_)))
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
        if let Some(u) = lexicon::unit_of(rest) {
            let priority = if COUNT_UNITS.contains(&u) { 2 } else { 1 };
            out.push(Qty {
                value: v,
                unit: Some(u.to_string()),
                after: i + 1,
                priority,
            });
        }
    }
}

/// The main quantity: the first candidate of the highest priority.
pub fn best(q: &[Qty]) -> Option<&Qty> {
    let top = q.iter().map(|x| x.priority).max()?;
    q.iter().find(|x| x.priority == top)
}

fn spec_of_suffix(value: f64, suffix: &str, raw: &str) -> Option<String> {
    let s = suffix;
    let ok = match s {
        "w" | "kw" | "watt" | "watts" | "wp" | "mw" => true,
        "k" => (1500.0..=10000.0).contains(&value),
        "v" | "vac" | "vdc" | "kv" => true,
        "mm" | "cm" | "inch" | "inches" | "ft" | "mm2" | "awg" => true,
        "kg" | "%" | "вт" | "квт" | "в" | "мм" | "см" | "ач" | "лм" | "г" => true,
        "gsm" | "g" | "oz" | "lm" | "lumens" | "mah" | "ah" | "kwh" | "hz" | "kva" | "hp"
        | "bar" | "psi" | "a" | "ma" | "l" | "ml" | "mic" | "micron" | "d" | "cc" | "t" | "nm"
        | "rpm" => true,
        _ => false,
    };
    if ok {
        return Some(raw.to_string());
    }
    // Dimensions glued together: 600x600mm, 1200x600x50.
    let dims = s
        .strip_prefix('x')
        .or_else(|| s.strip_prefix('х'))
        .or_else(|| s.strip_prefix('*'))?;
    if dims.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return Some(raw.to_string());
    }
    None
}

/// Technical specs and whether a model / part number is present.
pub fn specs(d: &Doc, hits: &[Hit], flags: &[u8]) -> (Vec<String>, bool) {
    let mut out: Vec<String> = Vec::new();
    let mut model = false;
    let n = d.toks.len();
    for i in 0..n {
        if d.kind(i) != Some(Kind::Word) {
            continue;
        }
        let low = d.low(i);
        let orig = d.orig(i);
        let first = low.chars().next().unwrap_or(' ');
        if first.is_ascii_digit() {
            let digits_end = low.find(|c: char| !c.is_ascii_digit()).unwrap_or(low.len());
            let suffix = &low[digits_end..];
            let value: f64 = low[..digits_end].parse().unwrap_or(0.0);
            if let Some(s) = spec_of_suffix(value, suffix, orig) {
                push(&mut out, s);
                continue;
            }
            // "100 W", "220 V", "600 x 600 mm"
            if suffix.is_empty() {
                let nx = d.low(i + 1);
                if nx == "%" && !d.toks.get(i + 1).is_some_and(|t| t.space_before) {
                    let deposit = hits
                        .iter()
                        .any(|h| h.start <= i + 3 && h.start > i && matches!(h.tag, Tag::Pay(_)));
                    if !deposit {
                        push(&mut out, format!("{low}%"));
                    }
                    continue;
                }
                if d.kind(i + 1) == Some(Kind::Cjk) && !d.toks[i + 1].space_before {
                    let c = d.low(i + 1);
                    if let Some(u) = ["克", "瓦", "伏", "毫米", "寸", "mm"]
                        .iter()
                        .find(|u| c.starts_with(**u))
                    {
                        push(&mut out, format!("{low}{u}"));
                        continue;
                    }
                }
                if matches!(nx, "واط" | "فولت" | "وات" | "ワット" | "вт" | "ватт")
                {
                    push(&mut out, format!("{low} {}", d.orig(i + 1)));
                    continue;
                }
                if nx == "/"
                    && d.low(i + 2).starts_with(|c: char| c.is_ascii_digit())
                    && !d.toks[i + 1].space_before
                {
                    push(&mut out, d.span(i, i + 2).to_string());
                    continue;
                }
                if nx == "-"
                    && !d.toks[i + 1].space_before
                    && low.len() >= 4
                    && d.low(i + 2).len() >= 3
                    && d.low(i + 2).bytes().all(|b| b.is_ascii_digit())
                {
                    model = true; // part number 04465-02220
                }
                if d.toks
                    .get(i + 1)
                    .is_some_and(|t| t.space_before || t.kind == Kind::Word)
                    && matches!(
                        nx,
                        "w" | "watt"
                            | "watts"
                            | "v"
                            | "kw"
                            | "gsm"
                            | "mm"
                            | "lm"
                            | "mah"
                            | "ah"
                            | "kwh"
                    )
                {
                    push(&mut out, format!("{}{}", low, d.orig(i + 1)));
                    continue;
                }
                if matches!(nx, "x" | "*") && d.low(i + 2).starts_with(|c: char| c.is_ascii_digit())
                {
                    push(&mut out, d.span(i, i + 2).replace(' ', ""));
                    continue;
                }
            }
            if suffix.len() >= 2
                && suffix.chars().any(|c| c.is_ascii_alphabetic())
                && lexicon::unit_of(suffix).is_none()
                && container_type(low).is_none()
                && suffix != "k"
                && !matches!(suffix, "st" | "nd" | "rd" | "th" | "pcs" | "x")
            {
                model = true; // 18650, 3030smd, 2835led …
            }
            continue;
        }
        let has_digit = low.bytes().any(|b| b.is_ascii_digit());
        if !has_digit {
            // Standards: "EN 455", "IEC 62109", "ASTM D6319".
            if matches!(
                orig,
                "EN" | "IEC" | "ISO" | "ASTM" | "DIN" | "GB" | "BS" | "AS" | "JIS" | "ANSI" | "UL"
            ) && d.low(i + 1).starts_with(|c: char| c.is_ascii_digit())
            {
                push(&mut out, format!("{orig} {}", d.orig(i + 1)));
                continue;
            }
            if low == "ip"
                && d.low(i + 1).len() == 2
                && d.low(i + 1).bytes().all(|b| b.is_ascii_digit())
            {
                push(&mut out, format!("IP{}", d.low(i + 1)));
                continue;
            }
            // Words that announce a model: "model KC-300", "型号", "модели".
            if flags.get(i).is_some_and(|f| f & FLAG_MODEL != 0)
                && d.kind(i + 1)
                    .is_some_and(|k| k != Kind::Punct || d.low(i + 1) == ":")
            {
                model = true;
            }
            // "XR-200": capital letters, hyphen, digits.
            if d.is_punct(i + 1, '-')
                && orig.chars().all(|c| c.is_ascii_uppercase())
                && d.low(i + 2).starts_with(|c: char| c.is_ascii_digit())
                && !d.toks.get(i + 1).is_some_and(|t| t.space_before)
            {
                model = true;
            }
            continue;
        }
        // IP rating: "IP65", "IP 65".
        if let Some(r) = low.strip_prefix("ip") {
            if r.len() == 2 && r.bytes().all(|b| b.is_ascii_digit()) {
                push(&mut out, orig.to_ascii_uppercase());
                continue;
            }
            if r.is_empty()
                && d.low(i + 1).len() == 2
                && d.low(i + 1).bytes().all(|b| b.is_ascii_digit())
            {
                push(&mut out, format!("IP{}", d.low(i + 1)));
                continue;
            }
        }
        // AC220V, DC12V, CRI80, RA80
        for p in ["ac", "dc", "cri", "ra"] {
            if let Some(r) = low.strip_prefix(p)
                && r.starts_with(|c: char| c.is_ascii_digit())
            {
                push(&mut out, orig.to_string());
            }
        }
        // Short upper-case codes: E27, GU10, S3, R16, T8.
        if (2..=4).contains(&orig.len())
            && orig.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && orig
                .chars()
                .skip(1)
                .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
            && orig.chars().any(|c| c.is_ascii_digit())
            && container_type(low).is_none()
        {
            push(&mut out, orig.to_string());
            continue;
        }
        // Model / part numbers: letters and digits mixed (XR200, A-1023, SP-100W) in upper case.
        let has_alpha = low.chars().any(|c| c.is_alphabetic());
        if has_alpha && low.len() >= 4 && !low.starts_with("ip") && !low.starts_with("iso") {
            model = true;
        }
    }
    for h in hits {
        if let Tag::Material(m) = h.tag {
            push(&mut out, m.to_string());
        }
    }
    out.truncate(16);
    (out, model)
}

pub const MODEL_WORDS: &[&str] = &[
    "model",
    "modelo",
    "modèle",
    "modell",
    "модель",
    "модели",
    "型号",
    "型番",
    "موديل",
    "item",
    "part",
    "ref",
    "sku",
    "art",
    "oem",
];

fn push(v: &mut Vec<String>, s: String) {
    if !v.iter().any(|x| x.eq_ignore_ascii_case(&s)) {
        v.push(s);
    }
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

    #[test]
    fn specs_found() {
        let d = Doc::from_parts(
            "",
            "100W LED flood light, 5000K, IP65, AC220V, 600x600mm, 180 gsm, model XR-200",
        );
        let (s, model) = specs(&d, &[], &lexicon::scan_full(&d).flags);
        for want in ["100W", "5000K", "IP65", "AC220V", "600x600mm", "180gsm"] {
            assert!(s.iter().any(|x| x == want), "{want} in {s:?}");
        }
        assert!(model);
    }
}
