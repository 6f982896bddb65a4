//! Why this module exists: inquiries arrive as `.eml` and `.mbox` files. This module turns raw
//! e-mail bytes into a [`Message`] with mail-parser (headers, charset and transfer decoding), turns
//! HTML into text while keeping link targets as `text (url)` (phishing hides in the targets), and
//! lists attachment names — with size limits and no recursion, so hostile input cannot blow up.

use crate::{InquiryError, MAX_MBOX_BYTES, MAX_MESSAGE_BYTES, Message};
use mail_parser::{Address, MessageParser, MimeHeaders, PartType};

const MAX_ATTACHMENTS: usize = 64;
const MAX_LINKS: usize = 256;

fn addr_string(a: Option<&Address<'_>>) -> Option<String> {
    let first = a?.first()?;
    match (first.name(), first.address()) {
        (Some(n), Some(e)) => Some(format!("{n} <{e}>")),
        (None, Some(e)) => Some(e.to_string()),
        (Some(n), None) => Some(n.to_string()),
        (None, None) => None,
    }
}

/// Parses one e-mail message.
pub fn parse_eml(bytes: &[u8]) -> Result<Message, InquiryError> {
    if bytes.len() > MAX_MESSAGE_BYTES {
        return Err(InquiryError::TooLarge {
            size: bytes.len(),
            limit: MAX_MESSAGE_BYTES,
        });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(InquiryError::NotAnEmail("the input is empty".into()));
    }
    let parsed = MessageParser::default()
        .parse(bytes)
        .ok_or_else(|| InquiryError::NotAnEmail("no e-mail headers or body found".into()))?;
    let subject = parsed.subject().map(str::to_string);
    let from = addr_string(parsed.from());
    let reply_to = addr_string(parsed.reply_to());
    let mut links = Vec::new();
    let mut text = String::new();
    for part in parsed.text_bodies().take(8) {
        match &part.body {
            PartType::Text(t) => {
                text.push_str(t);
                text.push('\n');
            }
            PartType::Html(h) => {
                text.push_str(&html_to_text(h, &mut links));
                text.push('\n');
            }
            _ => {}
        }
    }
    // HTML alternatives still carry the link targets even when a text part exists.
    for part in parsed.html_bodies().take(8) {
        if let PartType::Html(h) = &part.body {
            let t = html_to_text(h, &mut links);
            if text.trim().is_empty() {
                text.push_str(&t);
            }
        }
    }
    let mut attachments = Vec::new();
    for part in parsed.attachments().take(MAX_ATTACHMENTS) {
        let name = part
            .attachment_name()
            .map(str::to_string)
            .unwrap_or_else(|| {
                let ct = part
                    .content_type()
                    .map(|c| format!("{}/{}", c.ctype(), c.subtype().unwrap_or("*")))
                    .unwrap_or_else(|| "unknown".into());
                format!("unnamed ({ct})")
            });
        if let PartType::Message(inner) = &part.body {
            // A forwarded message: list its own attachments one level deep (no recursion).
            attachments.push(format!(
                "forwarded message: {}",
                inner.subject().unwrap_or("(no subject)")
            ));
            for p in inner.attachments().take(MAX_ATTACHMENTS) {
                if let Some(n) = p.attachment_name() {
                    attachments.push(n.to_string());
                }
            }
            continue;
        }
        attachments.push(name);
    }
    attachments.truncate(MAX_ATTACHMENTS);
    links.truncate(MAX_LINKS);
    if text.trim().is_empty() && subject.is_none() && from.is_none() && attachments.is_empty() {
        return Err(InquiryError::NotAnEmail(
            "no e-mail headers or body found".into(),
        ));
    }
    if text.len() > MAX_MESSAGE_BYTES {
        let mut cut = MAX_MESSAGE_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
    }
    Ok(Message {
        text,
        subject,
        from,
        reply_to,
        links,
        attachments,
    })
}

/// Splits an mbox file into messages and parses each; a bad message gives an error for that entry.
pub fn parse_mbox(bytes: &[u8]) -> Vec<Result<Message, InquiryError>> {
    if bytes.len() > MAX_MBOX_BYTES {
        return vec![Err(InquiryError::TooLarge {
            size: bytes.len(),
            limit: MAX_MBOX_BYTES,
        })];
    }
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut pos = 0;
    while pos < bytes.len() {
        let end = bytes[pos..]
            .iter()
            .position(|b| *b == b'\n')
            .map(|p| pos + p + 1)
            .unwrap_or(bytes.len());
        if bytes[pos..end].starts_with(b"From ") {
            if let Some(s) = start {
                out.push(parse_eml(&unescape_from(&bytes[s..pos])));
            }
            start = Some(end);
        }
        pos = end;
    }
    match start {
        Some(s) => out.push(parse_eml(&unescape_from(&bytes[s..]))),
        None => out.push(Err(InquiryError::NotAnEmail(
            "no \"From \" separator lines: not an mbox file".into(),
        ))),
    }
    out
}

/// Undoes mboxrd quoting (`>From ` → `From `).
fn unescape_from(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len());
    let mut line_start = true;
    let mut i = 0;
    while i < b.len() {
        if line_start && b[i] == b'>' {
            let mut j = i;
            while j < b.len() && b[j] == b'>' {
                j += 1;
            }
            if b[j..].starts_with(b"From ") {
                i += 1;
            }
        }
        line_start = b[i] == b'\n';
        out.push(b[i]);
        i += 1;
    }
    out
}

fn decode_entity(e: &str) -> Option<char> {
    Some(match e {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" | "#39" => '\'',
        "nbsp" => ' ',
        _ => {
            let n = e.strip_prefix('#')?;
            let v = match n.strip_prefix(['x', 'X']) {
                Some(h) => u32::from_str_radix(h, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(v)?
        }
    })
}

fn push_text(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let tail = &rest[p + 1..];
        match tail
            .find(';')
            .filter(|e| *e <= 8)
            .and_then(|e| decode_entity(&tail[..e]).map(|c| (c, e)))
        {
            Some((c, e)) => {
                out.push(c);
                rest = &tail[e + 1..];
            }
            None => {
                out.push('&');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find(name) {
        let at = from + p;
        from = at + name.len();
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = lower[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let vstart = tag.len() - rest.len() + 1;
        let v = tag[vstart..].trim_start();
        let (q, body) = match v.chars().next() {
            Some(c @ ('"' | '\'')) => (Some(c), &v[1..]),
            _ => (None, v),
        };
        let end = match q {
            Some(c) => body.find(c).unwrap_or(body.len()),
            None => body
                .find(|c: char| c.is_whitespace() || c == '>')
                .unwrap_or(body.len()),
        };
        let mut out = String::new();
        push_text(&mut out, &body[..end]);
        return Some(out);
    }
    None
}

/// Converts HTML to text; `<a href=url>label</a>` becomes `label (url)` and url goes to `links`.
pub fn html_to_text(html: &str, links: &mut Vec<String>) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut skip_until: Option<&'static str> = None;
    let mut pending_href: Vec<String> = Vec::new();
    while let Some(lt) = rest.find('<') {
        if skip_until.is_none() {
            push_text(&mut out, &rest[..lt]);
        }
        let after = &rest[lt + 1..];
        if after.starts_with("!--") {
            rest = after.find("-->").map(|e| &after[e + 3..]).unwrap_or("");
            continue;
        }
        let gt = after.find('>').unwrap_or(after.len());
        let tag = &after[..gt];
        rest = after.get(gt + 1..).unwrap_or("");
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let closing = tag.starts_with('/');
        if let Some(end) = skip_until {
            if closing && name == end {
                skip_until = None;
            }
            continue;
        }
        match name.as_str() {
            "script" | "style" | "head" | "title" if !closing => {
                skip_until = Some(match name.as_str() {
                    "script" => "script",
                    "style" => "style",
                    "head" => "head",
                    _ => "title",
                })
            }
            "br" | "p" | "div" | "tr" | "li" | "h1" | "h2" | "h3" | "h4" | "table" | "ul"
            | "ol" => out.push('\n'),
            "td" | "th" => out.push(' '),
            "a" if !closing => {
                if let Some(h) = attr(tag, "href").filter(|h| {
                    !h.is_empty()
                        && !h.starts_with('#')
                        && !h.to_ascii_lowercase().starts_with("mailto:")
                }) {
                    if links.len() < MAX_LINKS && !links.contains(&h) {
                        links.push(h.clone());
                    }
                    pending_href.push(h);
                } else {
                    pending_href.push(String::new());
                }
            }
            "a" => {
                if let Some(h) = pending_href.pop().filter(|h| !h.is_empty())
                    && !out.trim_end().ends_with(h.as_str())
                {
                    out.push_str(" (");
                    out.push_str(&h);
                    out.push(')');
                }
            }
            _ => {}
        }
        if pending_href.len() > 64 {
            pending_href.clear();
        }
    }
    if skip_until.is_none() {
        push_text(&mut out, rest);
    }
    // Collapse runs of blank lines and trailing spaces.
    let mut clean = String::with_capacity(out.len());
    let mut blank = 0;
    for line in out.lines() {
        let l = line.trim();
        if l.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        clean.push_str(l);
        clean.push('\n');
    }
    clean
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_links_kept() {
        let mut links = Vec::new();
        let t = html_to_text(
            "<html><head><style>p{}</style></head><body><p>Please <a href=\"https://a1ibaba.com/x\">view order</a> &amp; reply</p><script>x()</script></body></html>",
            &mut links,
        );
        assert!(
            t.contains("view order (https://a1ibaba.com/x) & reply"),
            "{t}"
        );
        assert_eq!(links, vec!["https://a1ibaba.com/x".to_string()]);
    }

    #[test]
    fn parses_eml() {
        let raw = b"From: Hans <hans@lichtwerk.de>\r\nReply-To: x@gmail.com\r\nSubject: RFQ LED\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nNeed 500 pcs.\r\n--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"spec.pdf\"\r\n\r\nJVBER\r\n--b--\r\n";
        let m = parse_eml(raw).unwrap();
        assert_eq!(m.subject.as_deref(), Some("RFQ LED"));
        assert_eq!(m.from.as_deref(), Some("Hans <hans@lichtwerk.de>"));
        assert_eq!(m.reply_to.as_deref(), Some("x@gmail.com"));
        assert!(m.text.contains("Need 500 pcs."));
        assert_eq!(m.attachments, vec!["spec.pdf".to_string()]);
    }

    #[test]
    fn mbox_and_limits() {
        let mbox = b"From a@b Mon Jan 1 00:00:00 2024\nSubject: one\n\nhello\n>From here\nFrom c@d Mon Jan 1 00:00:00 2024\nSubject: two\n\nworld\n";
        let v = parse_mbox(mbox);
        assert_eq!(v.len(), 2);
        assert_eq!(v[1].as_ref().unwrap().subject.as_deref(), Some("two"));
        assert!(v[0].as_ref().unwrap().text.contains("From here"));
        let big = vec![b'a'; MAX_MESSAGE_BYTES + 1];
        assert!(matches!(
            parse_eml(&big),
            Err(InquiryError::TooLarge { .. })
        ));
        assert!(parse_eml(b"").is_err());
        assert!(
            parse_mbox(b"no separators")
                .first()
                .is_some_and(|r| r.is_err())
        );
    }
}
