//! Pagination requests, bounded so that no client can ask for an unbounded list.

use crate::error::Invalid;

pub const MAX_PER_PAGE: u32 = 500;
pub const DEFAULT_PER_PAGE: u32 = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    pub page: u32,
    pub per_page: u32,
}

impl Default for PageRequest {
    fn default() -> Self {
        Self {
            page: 1,
            per_page: DEFAULT_PER_PAGE,
        }
    }
}

impl PageRequest {
    /// Empty strings take the defaults; `page` ≥ 1 and 1 ≤ `per_page` ≤ 500.
    pub fn parse(
        page: Option<&str>,
        per_page: Option<&str>,
    ) -> Result<Self, (&'static str, Invalid)> {
        let num = |s: Option<&str>, d: u32| -> Option<u32> {
            match s.map(str::trim) {
                None | Some("") => Some(d),
                Some(t) => t.parse().ok(),
            }
        };
        let page = num(page, 1).filter(|p| *p >= 1 && *p <= 1_000_000).ok_or((
            "page",
            Invalid::new("invalid_page", "page must be a whole number from 1"),
        ))?;
        let per_page = num(per_page, DEFAULT_PER_PAGE)
            .filter(|p| (1..=MAX_PER_PAGE).contains(p))
            .ok_or((
                "per_page",
                Invalid::new("invalid_per_page", "per_page must be from 1 to 500"),
            ))?;
        Ok(Self { page, per_page })
    }

    pub fn offset(self) -> i64 {
        (self.page as i64 - 1) * self.per_page as i64
    }

    pub fn limit(self) -> i64 {
        self.per_page as i64
    }

    /// Number of pages for `total` items (at least 1).
    pub fn pages(self, total: i64) -> u32 {
        (total.max(0) as u64).div_ceil(self.per_page as u64).max(1) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_page_is_capped_at_500() {
        assert_eq!(PageRequest::parse(None, Some("500")).unwrap().per_page, 500);
        assert_eq!(
            PageRequest::parse(None, Some("501")).unwrap_err().0,
            "per_page"
        );
        assert_eq!(PageRequest::parse(Some("0"), None).unwrap_err().0, "page");
        assert_eq!(PageRequest::parse(Some("x"), None).unwrap_err().0, "page");
        let p = PageRequest::parse(Some("3"), Some("20")).unwrap();
        assert_eq!((p.offset(), p.pages(41)), (40, 3));
    }
}
