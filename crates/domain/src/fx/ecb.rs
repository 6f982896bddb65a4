//! The ECB euro reference-rate XML (daily and historical files), read by a small scanner.
//!
//! The format is tiny and fixed (`gesmes:Envelope` / `Cube time=…` / `Cube currency=… rate=…`),
//! so a hand-written scanner is enough and can name the line of every problem.

use crate::error::Invalid;
use crate::money::{Currency, parse_decimal};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Codes in ECB files that are no longer ISO 4217 currencies in use.
const ECB_LEGACY: &[&str] = &[
    "BGN", "CYP", "EEK", "GRD", "HRK", "LTL", "LVL", "MTL", "ROL", "SIT", "SKK", "TRL",
];

fn malformed(line: usize, what: impl std::fmt::Display) -> Invalid {
    Invalid::new("malformed_ecb_file", format!("line {line}: {what}"))
}

/// One start or end tag found by the scanner.
struct Tag<'a> {
    name: &'a str,
    attrs: Vec<(&'a str, &'a str)>,
    closing: bool,
    self_closing: bool,
    line: usize,
}

fn local_name(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// Splits the document into tags, skipping the declaration, comments and text.
fn scan_tags(xml: &str) -> Result<Vec<Tag<'_>>, Invalid> {
    let newlines = |from: usize, to: usize| xml[from..to].bytes().filter(|b| *b == b'\n').count();
    let line_at = |pos: usize| newlines(0, pos) + 1;
    // Lines are counted incrementally for tags: the historical file has 200,000 of them.
    let (mut line, mut counted_to) = (1, 0);
    let mut tags = Vec::new();
    let mut pos = 0;
    while let Some(off) = xml[pos..].find('<') {
        let start = pos + off;
        let rest = &xml[start..];
        let skip_to = |end: &str, what: &str| {
            rest.find(end)
                .map(|i| start + i + end.len())
                .ok_or_else(|| malformed(line_at(start), format!("unterminated {what}")))
        };
        if rest.starts_with("<?") {
            pos = skip_to("?>", "declaration")?;
            continue;
        }
        if rest.starts_with("<!--") {
            pos = skip_to("-->", "comment")?;
            continue;
        }
        if rest.starts_with("<!") {
            return Err(malformed(
                line_at(start),
                "DOCTYPE and CDATA are not expected",
            ));
        }
        let end = rest
            .find('>')
            .ok_or_else(|| malformed(line_at(start), "a tag is not closed with '>'"))?;
        let inner = &rest[1..end];
        if inner.contains('<') {
            return Err(malformed(line_at(start), "a tag is not closed with '>'"));
        }
        line += newlines(counted_to, start);
        counted_to = start;
        pos = start + end + 1;
        let (closing, inner) = match inner.strip_prefix('/') {
            Some(i) => (true, i),
            None => (false, inner),
        };
        let (self_closing, inner) = match inner.strip_suffix('/') {
            Some(i) => (true, i),
            None => (false, inner),
        };
        let inner = inner.trim_end();
        let name_end = inner
            .find(|c: char| c.is_whitespace())
            .unwrap_or(inner.len());
        let name = &inner[..name_end];
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, ':' | '_' | '-' | '.'))
        {
            return Err(malformed(line, format!("bad tag name {name:?}")));
        }
        let attrs = parse_attrs(&inner[name_end..], line)?;
        if closing && (self_closing || !attrs.is_empty()) {
            return Err(malformed(line, format!("bad closing tag </{name}>")));
        }
        tags.push(Tag {
            name,
            attrs,
            closing,
            self_closing,
            line,
        });
    }
    if !xml[pos..].trim().is_empty() && tags.is_empty() {
        return Err(malformed(1, "this is not XML"));
    }
    Ok(tags)
}

fn parse_attrs(mut s: &str, line: usize) -> Result<Vec<(&str, &str)>, Invalid> {
    let mut out = Vec::new();
    loop {
        s = s.trim_start();
        if s.is_empty() {
            return Ok(out);
        }
        let eq = s
            .find('=')
            .ok_or_else(|| malformed(line, format!("attribute without a value near {s:?}")))?;
        let name = s[..eq].trim();
        if name.is_empty() || name.contains(char::is_whitespace) {
            return Err(malformed(line, format!("bad attribute near {s:?}")));
        }
        let after = s[eq + 1..].trim_start();
        let quote = after
            .chars()
            .next()
            .filter(|c| *c == '"' || *c == '\'')
            .ok_or_else(|| malformed(line, format!("the value of {name} is not quoted")))?;
        let close = after[1..]
            .find(quote)
            .ok_or_else(|| malformed(line, format!("the value of {name} is not closed")))?;
        out.push((name, &after[1..1 + close]));
        s = &after[close + 2..];
    }
}

/// Reads the ECB euro reference rates (daily `eurofxref-daily.xml` or historical
/// `eurofxref-hist.xml`): `(date, currency, units per 1 EUR)` in file order.
///
/// A malformed file gives code `malformed_ecb_file` and names the line; a file with no rates
/// gives `ecb_no_rates`; an unknown currency gives `unknown_currency` with its line.
pub fn parse_ecb_xml(xml: &str) -> Result<Vec<(NaiveDate, Currency, Decimal)>, Invalid> {
    let tags = scan_tags(xml)?;
    let mut stack: Vec<&Tag> = Vec::new();
    // The date of the open `Cube time=…`, with the stack depth where it was opened.
    let mut current: Option<(NaiveDate, usize)> = None;
    let mut out = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    let mut root_seen = false;
    for tag in &tags {
        if tag.closing {
            let open = stack
                .pop()
                .ok_or_else(|| malformed(tag.line, format!("</{}> closes nothing", tag.name)))?;
            if open.name != tag.name {
                return Err(malformed(
                    tag.line,
                    format!(
                        "</{}> closes <{}> of line {}",
                        tag.name, open.name, open.line
                    ),
                ));
            }
            if current.is_some_and(|(_, depth)| depth == stack.len()) {
                current = None;
            }
            continue;
        }
        if stack.is_empty() {
            if root_seen {
                return Err(malformed(tag.line, "more than one root element"));
            }
            root_seen = true;
            if local_name(tag.name) != "Envelope" {
                return Err(malformed(
                    tag.line,
                    format!(
                        "this is not an ECB reference-rate file: the root is <{}>, not <gesmes:Envelope>",
                        tag.name
                    ),
                ));
            }
        }
        if local_name(tag.name) == "Cube" {
            let attr = |k: &str| tag.attrs.iter().find(|(n, _)| *n == k).map(|(_, v)| *v);
            if let Some(t) = attr("time") {
                let date = NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").map_err(|_| {
                    malformed(tag.line, format!("{t:?} is not a date (YYYY-MM-DD)"))
                })?;
                if current.is_some() {
                    return Err(malformed(
                        tag.line,
                        "a dated Cube inside another dated Cube",
                    ));
                }
                if !tag.self_closing {
                    current = Some((date, stack.len()));
                }
            }
            match (attr("currency"), attr("rate")) {
                (Some(code), Some(r)) => {
                    let (date, _) = current.ok_or_else(|| {
                        malformed(
                            tag.line,
                            format!("the {code} rate is not inside a dated Cube"),
                        )
                    })?;
                    let rate = parse_decimal(r)
                        .ok()
                        .filter(|d| *d > Decimal::ZERO)
                        .ok_or_else(|| {
                            malformed(tag.line, format!("{r:?} is not a positive rate for {code}"))
                        })?;
                    let cur = match Currency::parse(code) {
                        Ok(c) => c,
                        Err(_) if ECB_LEGACY.contains(&code.trim()) => {
                            push_unless_self_closing(&mut stack, tag);
                            continue;
                        }
                        Err(e) => {
                            return Err(Invalid::new(
                                e.code,
                                format!("line {}: {}", tag.line, e.message),
                            ));
                        }
                    };
                    if cur == Currency::EUR {
                        return Err(malformed(tag.line, "a rate for EUR against EUR"));
                    }
                    if !seen.insert((date, cur)) {
                        return Err(malformed(
                            tag.line,
                            format!("a second {cur} rate for {date}"),
                        ));
                    }
                    out.push((date, cur, rate));
                }
                (Some(code), None) => {
                    return Err(malformed(tag.line, format!("the {code} Cube has no rate")));
                }
                (None, Some(_)) => {
                    return Err(malformed(tag.line, "a rate without a currency"));
                }
                (None, None) => {}
            }
        }
        push_unless_self_closing(&mut stack, tag);
    }
    if let Some(open) = stack.last() {
        return Err(malformed(
            open.line,
            format!("<{}> is never closed (the file may be cut off)", open.name),
        ));
    }
    if !root_seen {
        return Err(malformed(1, "the file is empty"));
    }
    if out.is_empty() {
        return Err(Invalid::new(
            "ecb_no_rates",
            "the file holds no exchange rates",
        ));
    }
    Ok(out)
}

fn push_unless_self_closing<'a>(stack: &mut Vec<&'a Tag<'a>>, tag: &'a Tag<'a>) {
    if !tag.self_closing {
        stack.push(tag);
    }
}
