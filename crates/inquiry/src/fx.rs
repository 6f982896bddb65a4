//! Why this module exists: keyword lookups happen for every token of every message, and the
//! standard library's DoS-resistant SipHash is several times slower than needed for short,
//! trusted keys. This is a tiny multiply-rotate hasher (the well-known "Fx" scheme, written
//! here from its description) for the crate's internal tables, which are built from constants.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.hash = (self.hash.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;
pub type FxMap<K, V> = HashMap<K, V, FxBuild>;

/// Case-insensitive (ASCII) substring test without allocating.
pub fn contains_ci(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

/// URL-like words (`http…`, `www.…`) in a text, found without splitting the whole text.
pub fn url_words(text: &str) -> impl Iterator<Item = &str> {
    let b = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        while pos + 4 <= b.len() {
            let rest = &b[pos..];
            let off = rest
                .windows(4)
                .position(|w| w.eq_ignore_ascii_case(b"http") || w.eq_ignore_ascii_case(b"www."))?;
            let start = pos + off;
            let prev_ok = start == 0 || !b[start - 1].is_ascii_alphanumeric();
            let end = b[start..]
                .iter()
                .position(|c| {
                    c.is_ascii_whitespace()
                        || matches!(c, b'<' | b'>' | b'(' | b')' | b'"' | b'\'' | b',' | b';')
                })
                .map_or(b.len(), |e| start + e);
            pos = end.max(start + 4);
            if prev_ok && text.is_char_boundary(start) && text.is_char_boundary(end) {
                return Some(&text[start..end]);
            }
        }
        None
    })
}

/// Byte offset of a case-insensitive (ASCII) match.
pub fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    h.windows(n.len()).position(|w| w.eq_ignore_ascii_case(n))
}
