//! Why this module exists: a "real spec" is what makes a product specific in the completeness
//! rubric. This module reads technical specs (`100W`, `5000K`, `IP65`, `AC220V`, `600x600mm`,
//! `180gsm`, `EN 455`, `E27`), materials, and whether a model or part number is given.

use crate::lexicon::{self, FLAG_MODEL, Hit, Tag};
use crate::quantity::container_type;
use crate::text::{Doc, Kind};

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
                    let deposit = lexicon::starting_in(hits, i + 1, i + 4)
                        .iter()
                        .any(|h| matches!(h.tag, Tag::Pay(_)));
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
        match h.tag {
            Tag::Material(m) => push(&mut out, m.to_string()),
            Tag::Fitment(m) => push(&mut out, format!("fits {m}")),
            _ => {}
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
