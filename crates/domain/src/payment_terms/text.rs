//! Reading payment terms from the compact text salespeople type, in English or Chinese.

use super::{Milestone, PaymentSchedule, Trigger};
use crate::error::Invalid;
use crate::money::parse_decimal;
use rust_decimal::Decimal;

/// Lower-cases, maps full-width punctuation to ASCII and collapses white space.
pub(super) fn normalise(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| match c {
            '，' | '、' => ',',
            '；' => ';',
            '％' => '%',
            '／' => '/',
            '：' => ':',
            c => c,
        })
        .collect::<String>()
        .to_lowercase();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "30/70" or "30/70 against b/l copy": deposit then balance.
pub(super) fn parse_split_shorthand(s: &str) -> Result<Option<PaymentSchedule>, Invalid> {
    let t = s.trim().trim_start_matches("t/t").trim();
    let digits_end = |x: &str| x.find(|c: char| !c.is_ascii_digit()).unwrap_or(x.len());
    let a_end = digits_end(t);
    if a_end == 0 {
        return Ok(None);
    }
    let Some(after) = t[a_end..].trim_start().strip_prefix('/') else {
        return Ok(None);
    };
    let after = after.trim_start();
    let b_end = digits_end(after);
    if b_end == 0 {
        return Ok(None);
    }
    let (a, b) = (&t[..a_end], &after[..b_end]);
    let rest = after[b_end..].trim();
    if rest.contains('%') {
        return Ok(None);
    }
    let pa = parse_decimal(a)?;
    let pb = parse_decimal(b)?;
    let balance = if rest.is_empty() {
        Trigger::BeforeShipment
    } else {
        classify(rest, s)?
    };
    PaymentSchedule::new(vec![
        Milestone {
            percent: pa,
            trigger: Trigger::OnOrder,
        },
        Milestone {
            percent: pb,
            trigger: balance,
        },
    ])
    .map(Some)
}

/// Finds "30%" (or "30 %") in a segment; returns it and the segment without it.
pub(super) fn take_percent(seg: &str) -> Result<(Option<Decimal>, String), Invalid> {
    let Some(pos) = seg.find('%') else {
        return Ok((None, seg.to_string()));
    };
    let before = seg[..pos].trim_end();
    let start = before
        .rfind(|c: char| !(c.is_ascii_digit() || c == '.'))
        .map(|i| i + before[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let num = &before[start..];
    if num.is_empty() {
        return Err(Invalid::new(
            "invalid_percent",
            format!("{seg:?}: a number must come before %"),
        ));
    }
    let p = parse_decimal(num)?;
    let rest = format!("{} {}", &seg[..start], &seg[pos + 1..]);
    Ok((Some(p), rest.trim().to_string()))
}

fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !(c.is_alphanumeric() || c == '/'))
        .any(|w| w == word)
}

fn first_number(text: &str) -> Option<u16> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let digits: String = text[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Decides the trigger of one segment's words.
pub(super) fn classify(text: &str, whole: &str) -> Result<Trigger, Invalid> {
    let any = |ws: &[&str]| ws.iter().any(|w| text.contains(w));
    let days = first_number(text);
    let need_days = |t: fn(u16) -> Trigger| {
        days.map(t)
            .ok_or_else(|| Invalid::new("days_missing", format!("{whole:?}: say how many days")))
    };
    let t = if any(&["l/c", "letter of credit", "信用证"]) || has_word(text, "lc") {
        if any(&["sight", "即期"]) || days.is_none() {
            Trigger::LcAtSight
        } else {
            need_days(Trigger::LcUsance)?
        }
    } else if has_word(text, "oa") || any(&["o/a", "open account", "赊"]) {
        need_days(Trigger::OaDays)?
    } else if any(&["after b/l", "after bl", "from b/l", "提单日后"]) {
        need_days(Trigger::DaysAfterBl)?
    } else if any(&["b/l", "bl copy", "bill of lading", "提单"]) {
        Trigger::AgainstBlCopy
    } else if any(&["after invoice", "发票日后", "from invoice"]) || has_word(text, "net") {
        need_days(Trigger::DaysAfterInvoice)?
    } else if any(&[
        "before shipment",
        "before shipping",
        "prior to shipment",
        "before delivery",
        "before loading",
        "before dispatch",
        "出货前",
        "发货前",
        "装运前",
    ]) {
        Trigger::BeforeShipment
    } else if any(&["arrival", "到港", "货到"]) {
        Trigger::OnArrival
    } else if any(&[
        "deposit",
        "advance",
        "with order",
        "on order",
        "upon order",
        "prepay",
        "down payment",
        "定金",
        "订金",
        "预付",
    ]) {
        Trigger::OnOrder
    } else if days.is_some() && any(&["day", "天"]) {
        need_days(Trigger::DaysAfterInvoice)?
    } else {
        return Err(Invalid::new(
            "unknown_trigger",
            format!(
                "{whole:?}: say when it is paid (deposit, before shipment, against B/L copy, on \
                 arrival, N days after invoice, L/C at sight, OA N days)"
            ),
        ));
    };
    t.check_days()?;
    Ok(t)
}
