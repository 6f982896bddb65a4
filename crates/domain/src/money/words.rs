//! Amounts in English words for the "SAY … ONLY" line of a proforma or commercial invoice.

use super::{Money, currencies::WORDS};
use rust_decimal::prelude::ToPrimitive;

const ONES: [&str; 20] = [
    "ZERO",
    "ONE",
    "TWO",
    "THREE",
    "FOUR",
    "FIVE",
    "SIX",
    "SEVEN",
    "EIGHT",
    "NINE",
    "TEN",
    "ELEVEN",
    "TWELVE",
    "THIRTEEN",
    "FOURTEEN",
    "FIFTEEN",
    "SIXTEEN",
    "SEVENTEEN",
    "EIGHTEEN",
    "NINETEEN",
];
const TENS: [&str; 10] = [
    "", "", "TWENTY", "THIRTY", "FORTY", "FIFTY", "SIXTY", "SEVENTY", "EIGHTY", "NINETY",
];
const SCALES: [(u64, &str); 4] = [
    (1_000_000_000_000, "TRILLION"),
    (1_000_000_000, "BILLION"),
    (1_000_000, "MILLION"),
    (1_000, "THOUSAND"),
];

fn below_thousand(n: u64, out: &mut Vec<String>) {
    let h = n / 100;
    let r = n % 100;
    if h > 0 {
        out.push(format!("{} HUNDRED", ONES[h as usize]));
    }
    if r >= 20 {
        let t = TENS[(r / 10) as usize];
        if r.is_multiple_of(10) {
            out.push(t.to_string());
        } else {
            out.push(format!("{t}-{}", ONES[(r % 10) as usize]));
        }
    } else if r > 0 {
        out.push(ONES[r as usize].to_string());
    }
}

/// A whole number in English capitals without "AND": 12345 → "TWELVE THOUSAND THREE HUNDRED
/// FORTY-FIVE" (the style of Chinese exporters' invoices).
pub fn number_in_words(n: u64) -> String {
    if n == 0 {
        return ONES[0].to_string();
    }
    let mut out = Vec::new();
    let mut rest = n;
    for (size, name) in SCALES {
        if rest >= size {
            let chunk = rest / size;
            // Above a thousand trillion the chunk itself needs words with scales.
            if chunk >= 1000 {
                out.push(number_in_words(chunk));
            } else {
                below_thousand(chunk, &mut out);
            }
            out.push(name.to_string());
            rest %= size;
        }
    }
    below_thousand(rest, &mut out);
    out.join(" ")
}

/// "SAY US DOLLARS TWELVE THOUSAND THREE HUNDRED FORTY-FIVE AND CENTS SIXTY-SEVEN ONLY".
///
/// The amount is rounded to the currency first. Currencies without minor units never mention
/// them ("SAY JAPANESE YEN ONE THOUSAND ONLY"), nor does an amount with no minor part. A negative
/// amount (a credit note) reads "MINUS …". CNY reads "CHINESE YUAN … FEN", the form foreign
/// buyers and banks recognise.
pub fn amount_in_words(money: Money) -> String {
    let m = money.rounded();
    let cur = m.currency;
    let (major_name, minor_name) = WORDS
        .iter()
        .find(|(c, _, _)| *c == cur.code())
        .map(|(_, a, b)| (a.to_string(), b.to_string()))
        .unwrap_or_else(|| (cur.name_en().to_uppercase(), "CENTS".to_string()));
    let abs = m.amount.abs();
    let major = abs.trunc().to_u64().unwrap_or(u64::MAX);
    let minor = (abs.fract() / cur.minor_unit())
        .trunc()
        .to_u64()
        .unwrap_or(0);
    let sign = if m.is_negative() { "MINUS " } else { "" };
    let mut s = format!("SAY {major_name} {sign}{}", number_in_words(major));
    if minor > 0 {
        let minor_name = if minor_name.is_empty() {
            "CENTS"
        } else {
            &minor_name
        };
        s.push_str(&format!(" AND {minor_name} {}", number_in_words(minor)));
    }
    s.push_str(" ONLY");
    s
}
