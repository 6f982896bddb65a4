//! Why this module exists: every rule reads the same normalised view of a message — full-width
//! characters folded to ASCII, a lowercase copy, and one token list with positions in both — so
//! the message is scanned once and the rules never re-tokenise or allocate per keyword.

use crate::{MAX_MESSAGE_BYTES, Message};

/// Token classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A run of letters/digits in a space-separated script (may mix digits: `100w`, `40hq`).
    Word,
    /// A run of CJK / kana / Hangul / Thai characters (no spaces between words).
    Cjk,
    /// One punctuation or symbol character, or a line break (`\n`).
    Punct,
}

/// One token with its byte range in `norm` (original case) and in `lower`.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub kind: Kind,
    pub n0: u32,
    pub n1: u32,
    pub l0: u32,
    pub l1: u32,
    /// Whitespace (other than a line break) precedes this token.
    pub space_before: bool,
}

/// Normalised message: subject line (if any) followed by the body.
pub struct Doc {
    pub norm: String,
    pub lower: String,
    pub toks: Vec<Tok>,
    /// Number of letters per script family.
    pub script: ScriptCounts,
}

#[derive(Debug, Default, Clone, Copy)]
pub struct ScriptCounts {
    pub latin: u32,
    pub han: u32,
    pub kana: u32,
    pub hangul: u32,
    pub cyrillic: u32,
    pub arabic: u32,
    pub thai: u32,
    pub greek: u32,
    pub hebrew: u32,
    pub devanagari: u32,
}

pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x0E00..=0x0E7F | 0x20000..=0x2FFFF)
}

/// Folds full-width ASCII (common in Chinese input methods) and odd spaces to plain ASCII.
pub fn fold(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 | 0x00A0 | 0x202F | 0x2009 | 0x2007 => ' ',
        0x3001 => ',',
        0x3002 => '.',
        0x00D7 => 'x',
        0x2013 | 0x2014 => '-',
        0x2018 | 0x2019 => '\'',
        0x201C | 0x201D => '"',
        _ => c,
    }
}

fn floor_boundary(s: &str, max: usize) -> usize {
    if s.len() <= max {
        return s.len();
    }
    let mut i = max;
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl Doc {
    pub fn new(msg: &Message) -> Doc {
        let body = &msg.text[..floor_boundary(&msg.text, MAX_MESSAGE_BYTES)];
        let subject = msg.subject.as_deref().unwrap_or("");
        let subject = &subject[..floor_boundary(subject, 4096)];
        Doc::from_parts(subject, body)
    }

    pub fn from_parts(subject: &str, body: &str) -> Doc {
        let cap = subject.len() + body.len() + 2;
        let mut norm = String::with_capacity(cap);
        let mut lower = String::with_capacity(cap);
        let mut toks = Vec::with_capacity(cap / 4);
        let mut script = ScriptCounts::default();
        let mut cur: Option<(Kind, u32, u32)> = None;
        let mut space = false;
        let parts: [&str; 2] = [subject, body];
        for (pi, part) in parts.iter().enumerate() {
            if pi == 1 && !subject.is_empty() {
                close(&mut cur, &norm, &lower, &mut toks, &mut space);
                push_punct('\n', &mut norm, &mut lower, &mut toks, &mut space);
            }
            for raw in part.chars() {
                let c = if raw.is_ascii() { raw } else { fold(raw) };
                let kind = if c.is_ascii() {
                    if c.is_ascii_alphanumeric() {
                        Some(Kind::Word)
                    } else if c.is_ascii_whitespace() {
                        None
                    } else {
                        Some(Kind::Punct)
                    }
                } else if c.is_whitespace() {
                    None
                } else if is_cjk(c) {
                    Some(Kind::Cjk)
                } else if c.is_alphanumeric() {
                    Some(Kind::Word)
                } else {
                    Some(Kind::Punct)
                };
                count_script(c, &mut script);
                match kind {
                    None => {
                        close(&mut cur, &norm, &lower, &mut toks, &mut space);
                        if c == '\n' {
                            push_punct('\n', &mut norm, &mut lower, &mut toks, &mut space);
                        } else {
                            norm.push(' ');
                            lower.push(' ');
                            space = true;
                        }
                    }
                    Some(Kind::Punct) => {
                        close(&mut cur, &norm, &lower, &mut toks, &mut space);
                        push_punct(c, &mut norm, &mut lower, &mut toks, &mut space);
                    }
                    Some(k) => {
                        if let Some((ck, _, _)) = cur
                            && ck != k
                        {
                            close(&mut cur, &norm, &lower, &mut toks, &mut space);
                        }
                        if cur.is_none() {
                            cur = Some((k, norm.len() as u32, lower.len() as u32));
                        }
                        norm.push(c);
                        push_lower(c, &mut lower);
                    }
                }
            }
        }
        close(&mut cur, &norm, &lower, &mut toks, &mut space);
        Doc {
            norm,
            lower,
            toks,
            script,
        }
    }

    /// Lowercase text of token `i` (empty when out of range).
    pub fn low(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => self.lower.get(t.l0 as usize..t.l1 as usize).unwrap_or(""),
            None => "",
        }
    }

    /// Original-case text of token `i` (empty when out of range).
    pub fn orig(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => self.norm.get(t.n0 as usize..t.n1 as usize).unwrap_or(""),
            None => "",
        }
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(Kind::Punct) && self.low(i).starts_with(c)
    }

    /// Original text spanning tokens `a..=b`.
    pub fn span(&self, a: usize, b: usize) -> &str {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) if x.n0 <= y.n1 => {
                self.norm.get(x.n0 as usize..y.n1 as usize).unwrap_or("")
            }
            _ => "",
        }
    }
}

fn push_lower(c: char, lower: &mut String) {
    if c.is_ascii() {
        lower.push(c.to_ascii_lowercase());
    } else if c == 'İ' {
        lower.push('i');
    } else {
        for l in c.to_lowercase() {
            lower.push(l);
        }
    }
}

fn push_punct(c: char, norm: &mut String, lower: &mut String, toks: &mut Vec<Tok>, sp: &mut bool) {
    let (n0, l0) = (norm.len() as u32, lower.len() as u32);
    norm.push(c);
    lower.push(c);
    toks.push(Tok {
        kind: Kind::Punct,
        n0,
        n1: norm.len() as u32,
        l0,
        l1: lower.len() as u32,
        space_before: *sp,
    });
    *sp = false;
}

fn close(
    cur: &mut Option<(Kind, u32, u32)>,
    norm: &str,
    lower: &str,
    toks: &mut Vec<Tok>,
    sp: &mut bool,
) {
    if let Some((kind, n0, l0)) = cur.take() {
        toks.push(Tok {
            kind,
            n0,
            n1: norm.len() as u32,
            l0,
            l1: lower.len() as u32,
            space_before: *sp,
        });
        *sp = false;
    }
}

#[inline]
fn count_script(c: char, s: &mut ScriptCounts) {
    let u = c as u32;
    if c.is_ascii_alphabetic() {
        s.latin += 1;
        return;
    }
    if u < 0x80 {
        return;
    }
    match u {
        0x00C0..=0x024F | 0x1E00..=0x1EFF => s.latin += 1,
        0x0370..=0x03FF => s.greek += 1,
        0x0400..=0x04FF => s.cyrillic += 1,
        0x0590..=0x05FF => s.hebrew += 1,
        0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => s.arabic += 1,
        0x0900..=0x097F => s.devanagari += 1,
        0x0E00..=0x0E7F => s.thai += 1,
        0x3040..=0x30FF => s.kana += 1,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF => s.han += 1,
        0xAC00..=0xD7AF | 0x1100..=0x11FF => s.hangul += 1,
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenises_mixed_text() {
        let d = Doc::from_parts("", "Need 1,000pcs LED灯 T/T");
        let words: Vec<&str> = (0..d.toks.len()).map(|i| d.low(i)).collect();
        assert_eq!(
            words,
            ["need", "1", ",", "000pcs", "led", "灯", "t", "/", "t"]
        );
        assert!(d.toks[1].space_before);
        assert!(!d.toks[2].space_before);
    }

    #[test]
    fn folds_full_width() {
        let d = Doc::from_parts("", "ＦＯＢ　宁波，ＩＰ６５");
        assert_eq!(d.low(0), "fob");
        assert_eq!(d.low(1), "宁波");
        assert_eq!(d.low(3), "ip65");
    }
}
