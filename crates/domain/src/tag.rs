//! Tags: short labels with a colour, such as 回款准时 (pays on time) or 长期压价 (always haggles).

use crate::error::{Invalid, required_text};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagName(String);

impl TagName {
    pub fn parse(s: &str) -> Result<Self, Invalid> {
        let t = required_text(s, 40)?;
        if t.contains(',') {
            return Err(Invalid::new(
                "invalid_tag",
                "a tag name cannot contain a comma",
            ));
        }
        Ok(Self(t))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A CSS colour `#rrggbb`, lower-cased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Color(String);

impl Color {
    pub fn parse(s: &str) -> Result<Self, Invalid> {
        let t = s.trim().to_ascii_lowercase();
        let hex = t.strip_prefix('#').unwrap_or(&t);
        if hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
            Ok(Self(format!("#{hex}")))
        } else {
            Err(Invalid::new("invalid_color", "a colour like #2f855a"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Black or white, whichever reads better on this background (WCAG relative luminance).
    pub fn text_color(hex: &str) -> &'static str {
        let h = hex.trim_start_matches('#');
        let ch = |i: usize| {
            u8::from_str_radix(h.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0) as f64 / 255.0
        };
        let lin = |c: f64| {
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let l = 0.2126 * lin(ch(0)) + 0.7152 * lin(ch(2)) + 0.0722 * lin(ch(4));
        if l > 0.4 { "#111111" } else { "#ffffff" }
    }
}

impl Default for Color {
    fn default() -> Self {
        Self("#64748b".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_six_digit_hex() {
        assert_eq!(Color::parse("2F855A").unwrap().as_str(), "#2f855a");
        assert!(Color::parse("red").is_err() && Color::parse("#fff").is_err());
        assert_eq!(Color::text_color("#ffff00"), "#111111");
        assert_eq!(Color::text_color("#1e3a8a"), "#ffffff");
    }
}
