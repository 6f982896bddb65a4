//! Why this module exists: buyers write quantities as `1,000`, `1.000`, `1 000`, `1万`, `一千`,
//! `2k` or `two thousand`; this module turns all of them into one number, both from a plain string
//! and at a token position of a [`Doc`].

use crate::text::{Doc, Kind};

/// A number found at a token position.
#[derive(Debug, Clone, PartialEq)]
pub struct NumAt {
    pub value: f64,
    /// Index of the first token after the number.
    pub next: usize,
    /// Letters glued to the number (`pcs` in `1000pcs`, `件` in `5万件`), lowercase.
    pub suffix: String,
}

/// Serialises a quantity as an integer when it is whole, otherwise as a float; `None` as null.
pub fn serialize_quantity<S: serde::Serializer>(q: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match q {
        Some(v) if v.is_finite() && v.fract() == 0.0 && v.abs() < 9.0e15 => {
            s.serialize_i64(*v as i64)
        }
        Some(v) if v.is_finite() => s.serialize_f64(*v),
        _ => s.serialize_none(),
    }
}

/// Parses a standalone number string in any of the supported notations.
pub fn parse_number(s: &str) -> Option<f64> {
    let d = Doc::from_parts("", s.trim());
    if d.toks.is_empty() {
        return None;
    }
    let n = number_at(&d, 0)?;
    if n.next < d.toks.len() || !n.suffix.is_empty() {
        // Allow a trailing multiplier word such as "thousand" already consumed; anything else fails.
        return None;
    }
    Some(n.value)
}

fn digits_prefix(s: &str) -> (&str, &str) {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    (&s[..end], &s[end..])
}

fn cjk_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '兩' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn cjk_mult(c: char) -> Option<u64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        '万' | '萬' => 10_000,
        '亿' | '億' => 100_000_000,
        _ => return None,
    })
}

/// Parses Chinese numerals at the start of `s`; returns the value and the bytes consumed.
pub fn parse_cjk_number(s: &str) -> Option<(f64, usize)> {
    let mut total: u64 = 0;
    let mut section: u64 = 0;
    let mut digit: Option<u64> = None;
    let mut used = 0;
    for (i, c) in s.char_indices() {
        if i > 60 {
            break; // no real quantity is written with more than 20 numerals
        }
        if let Some(d) = cjk_digit(c) {
            digit = Some(d);
        } else if let Some(m) = cjk_mult(c) {
            let d = digit.take().unwrap_or(if m == 10 { 1 } else { 0 });
            if m >= 10_000 {
                section = (section + d).saturating_mul(m);
                total = total.saturating_add(section);
                section = 0;
            } else {
                if d == 0 && m != 10 && section == 0 && total == 0 {
                    return None;
                }
                section = section.saturating_add(d.saturating_mul(m));
            }
        } else {
            break;
        }
        used = i + c.len_utf8();
    }
    if used == 0 {
        return None;
    }
    let v = total + section + digit.unwrap_or(0);
    if v == 0 {
        return None;
    }
    Some((v as f64, used))
}

pub const NUMBER_WORDS: &[&str] = &[
    "one", "a", "an", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "dozen", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty",
    "seventy", "eighty", "ninety", "dos", "zwei", "deux", "dois", "duas", "tres", "drei", "trois",
    "três", "cinco", "fünf", "cinq", "diez", "zehn", "dix", "dez",
];

fn word_value(w: &str) -> Option<u64> {
    Some(match w {
        "one" | "a" | "an" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" | "dozen" => 12,
        "fifteen" => 15,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "dos" | "zwei" | "deux" | "dois" | "duas" => 2,
        "tres" | "drei" | "trois" | "três" => 3,
        "cinco" | "fünf" | "cinq" => 5,
        "diez" | "zehn" | "dix" | "dez" => 10,
        _ => return None,
    })
}

/// Multiplier words that may follow a number (`5 mil`, `10 тыс`, `two thousand`).
pub fn multiplier_word(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" | "hundert" | "cien" | "cent" | "cem" => 100.0,
        "thousand" | "k" | "mil" | "mille" | "tausend" | "тыс" | "тысяч" | "тысячи" | "тысяча"
        | "bin" | "tys" | "tysięcy" | "nghìn" | "ngàn" | "ألف" | "آلاف" => 1000.0,
        "million" | "millions" | "mio" | "millón" | "millones" | "milhão" | "млн" => {
            1_000_000.0
        }
        _ => return None,
    })
}

/// Reads a number starting at token `i`, if any.
pub fn number_at(d: &Doc, i: usize) -> Option<NumAt> {
    let kind = d.kind(i)?;
    let low = d.low(i);
    match kind {
        Kind::Cjk => {
            let (v, used) = parse_cjk_number(low)?;
            Some(NumAt {
                value: v,
                next: i + 1,
                suffix: low[used..].to_string(),
            })
        }
        Kind::Punct => None,
        Kind::Word => {
            let (digits, rest) = digits_prefix(low);
            if digits.is_empty() {
                return words_number(d, i);
            }
            let mut int_part: String = digits.to_string();
            let mut frac: String = String::new();
            let mut suffix = rest.to_string();
            let mut j = i + 1;
            if suffix.is_empty() {
                // Grouped thousands: 1,000 / 1.000 / 1'000 / 1 000 (groups of exactly three).
                loop {
                    let sep_ok = j + 1 < d.toks.len()
                        && d.kind(j) == Some(Kind::Punct)
                        && matches!(d.low(j), "," | "." | "'")
                        && !d.toks[j].space_before
                        && !d.toks[j + 1].space_before;
                    let space_ok = d.kind(j) == Some(Kind::Word)
                        && d.toks[j].space_before
                        && int_part.len() <= 3
                        && d.low(j).len() == 3
                        && d.low(j).bytes().all(|b| b.is_ascii_digit())
                        && d.low(j + 1)
                            .chars()
                            .next()
                            .is_none_or(|c| !c.is_ascii_digit());
                    if space_ok {
                        int_part.push_str(d.low(j));
                        j += 1;
                        continue;
                    }
                    if !sep_ok {
                        break;
                    }
                    let nxt = d.low(j + 1);
                    let (nd, nrest) = digits_prefix(nxt);
                    if nd.is_empty() {
                        break;
                    }
                    let sep = d.low(j);
                    if nd.len() == 3 {
                        int_part.push_str(nd);
                        suffix = nrest.to_string();
                        j += 2;
                        if !suffix.is_empty() {
                            break;
                        }
                    } else if sep != "'" {
                        frac = nd.to_string();
                        suffix = nrest.to_string();
                        j += 2;
                        break;
                    } else {
                        break;
                    }
                }
            }
            let mut value: f64 =
                format!("{int_part}.{}", if frac.is_empty() { "0" } else { &frac })
                    .parse()
                    .ok()?;
            // Glued or following CJK / word multipliers: 1万, 1.5万, 5 mil, 2 thousand.
            if suffix.is_empty() && d.kind(j) == Some(Kind::Cjk) && !d.toks[j].space_before {
                let cj = d.low(j);
                if let Some(c) = cj.chars().next()
                    && let Some(m) = cjk_mult(c)
                    && m >= 1000
                {
                    value *= m as f64;
                    suffix = cj[c.len_utf8()..].to_string();
                    j += 1;
                    return Some(NumAt {
                        value,
                        next: j,
                        suffix,
                    });
                }
            }
            if suffix.is_empty()
                && let Some(m) = multiplier_word(d.low(j))
                && d.low(j) != "k"
            {
                value *= m;
                j += 1;
            }
            Some(NumAt {
                value,
                next: j,
                suffix,
            })
        }
    }
}

fn words_number(d: &Doc, i: usize) -> Option<NumAt> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut j = i;
    let mut any = false;
    loop {
        let w = d.low(j);
        if let Some(v) = word_value(w) {
            if (w == "a" || w == "an") && multiplier_word(d.low(j + 1)).is_none() {
                break;
            }
            current += v as f64;
            any = true;
        } else if let Some(m) = multiplier_word(w).filter(|_| any && w != "k") {
            if m >= 1000.0 {
                total += current.max(1.0) * m;
                current = 0.0;
            } else {
                current = current.max(1.0) * m;
            }
        } else if !(any && (w == "-" || (w == "and" && word_value(d.low(j + 1)).is_some()))) {
            break;
        }
        j += 1;
    }
    let v = total + current;
    if !any || v == 0.0 || (v == 1.0 && j == i + 1) {
        return None;
    }
    Some(NumAt {
        value: v,
        next: j,
        suffix: String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators() {
        assert_eq!(parse_number("1,000"), Some(1000.0));
        assert_eq!(parse_number("1.000"), Some(1000.0));
        assert_eq!(parse_number("1 000"), Some(1000.0));
        assert_eq!(parse_number("1\u{00A0}000"), Some(1000.0));
        assert_eq!(parse_number("12,500,000"), Some(12_500_000.0));
        assert_eq!(parse_number("1.5"), Some(1.5));
        assert_eq!(parse_number("2,5"), Some(2.5));
        assert_eq!(parse_number("300"), Some(300.0));
    }

    #[test]
    fn chinese_numbers() {
        assert_eq!(parse_number("1万"), Some(10_000.0));
        assert_eq!(parse_number("1.5万"), Some(15_000.0));
        assert_eq!(parse_number("一千"), Some(1000.0));
        assert_eq!(parse_number("两万"), Some(20_000.0));
        assert_eq!(parse_number("三千五百"), Some(3500.0));
        assert_eq!(parse_number("十二"), Some(12.0));
        assert_eq!(parse_cjk_number("五百个"), Some((500.0, 6)));
    }

    #[test]
    fn words() {
        assert_eq!(parse_number("two thousand"), Some(2000.0));
        assert_eq!(parse_number("five hundred"), Some(500.0));
        assert_eq!(parse_number("a thousand"), Some(1000.0));
        assert_eq!(parse_number("twenty-five"), Some(25.0));
        assert_eq!(parse_number("5 mil"), Some(5000.0));
        assert_eq!(parse_number("10 тыс"), Some(10_000.0));
        assert_eq!(parse_number("hello"), None);
        assert_eq!(parse_number(""), None);
    }

    #[test]
    fn glued_suffix() {
        let d = Doc::from_parts("", "1000pcs");
        let n = number_at(&d, 0).unwrap();
        assert_eq!((n.value, n.suffix.as_str()), (1000.0, "pcs"));
        let d = Doc::from_parts("", "5万件");
        let n = number_at(&d, 0).unwrap();
        assert_eq!((n.value, n.suffix.as_str()), (50_000.0, "件"));
    }
}
