//! Document numbers: `Q-2026-0042`, `SO-2026-0007`, `PI-2026-0003`, `INV-2026-00001`,
//! `CN-2026-00001`.
//!
//! A number is a series prefix, the year and a counter zero-padded to the series' width (4 for
//! quotes, orders and proformas; 5 for invoices and credit notes, which a tax office reads). A
//! counter that outgrows its width simply gets longer (`Q-2026-10000`); it is never truncated.
//!
//! **Only formatting and parsing live here.** The counter itself is gapless per series and year,
//! including under concurrent issuing, and that guarantee needs a transaction: the store hands
//! out the next `n` (a row per series and year, incremented in the same transaction that issues
//! the document), so a rolled-back issue never burns a number. Nothing in this module can
//! guarantee it, and nothing here tries.

use crate::error::Invalid;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A numbering series: one gapless counter per series and year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Series {
    Quote,
    SalesOrder,
    Proforma,
    Invoice,
    CreditNote,
}

impl Series {
    pub const ALL: [Series; 5] = [
        Series::Quote,
        Series::SalesOrder,
        Series::Proforma,
        Series::Invoice,
        Series::CreditNote,
    ];

    /// The printed prefix: `Q`, `SO`, `PI`, `INV`, `CN`.
    pub fn prefix(self) -> &'static str {
        match self {
            Series::Quote => "Q",
            Series::SalesOrder => "SO",
            Series::Proforma => "PI",
            Series::Invoice => "INV",
            Series::CreditNote => "CN",
        }
    }

    /// Digits the counter is padded to.
    pub fn width(self) -> usize {
        match self {
            Series::Quote | Series::SalesOrder | Series::Proforma => 4,
            Series::Invoice | Series::CreditNote => 5,
        }
    }

    /// The stable code stored with a counter row: `quote`, `sales_order`, …
    pub fn code(self) -> &'static str {
        match self {
            Series::Quote => "quote",
            Series::SalesOrder => "sales_order",
            Series::Proforma => "proforma",
            Series::Invoice => "invoice",
            Series::CreditNote => "credit_note",
        }
    }
}

pub const MIN_YEAR: i32 = 2000;
pub const MAX_YEAR: i32 = 9999;

/// A parsed document number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocumentNumber {
    pub series: Series,
    pub year: i32,
    pub n: u32,
}

impl DocumentNumber {
    /// A year from 2000 to 9999 and a counter from 1 (`invalid_document_number` otherwise).
    pub fn new(series: Series, year: i32, n: u32) -> Result<Self, Invalid> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(Invalid::new(
                "invalid_document_number",
                format!("the year must be between {MIN_YEAR} and {MAX_YEAR}"),
            ));
        }
        if n == 0 {
            return Err(Invalid::new(
                "invalid_document_number",
                "document counters start at 1",
            ));
        }
        Ok(Self { series, year, n })
    }
}

/// `Q-2026-0042`.
impl fmt::Display for DocumentNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{}-{:0width$}",
            self.series.prefix(),
            self.year,
            self.n,
            width = self.series.width()
        )
    }
}

/// Formats the `n`th document of `series` in `year`: `format_number(Series::Invoice, 2026, 1)`
/// is `INV-2026-00001`.
pub fn format_number(series: Series, year: i32, n: u32) -> Result<String, Invalid> {
    DocumentNumber::new(series, year, n).map(|d| d.to_string())
}

/// Reads a number back, ignoring case and surrounding white space. The counter must have
/// exactly the series' width, or more digits without a leading zero, so each document has one
/// spelling (`Q-2026-42` and `Q-2026-00042` are refused).
pub fn parse_number(s: &str) -> Result<DocumentNumber, Invalid> {
    let t = s.trim().to_ascii_uppercase();
    let bad = |why: &str| {
        Invalid::new(
            "invalid_document_number",
            format!("{:?} is not a document number: {why}", s.trim()),
        )
    };
    let mut parts = t.split('-');
    let (Some(prefix), Some(year), Some(counter), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad("expected PREFIX-YEAR-NUMBER, such as Q-2026-0042"));
    };
    let series = Series::ALL
        .into_iter()
        .find(|s| s.prefix() == prefix)
        .ok_or_else(|| bad("the prefix is not one of Q, SO, PI, INV, CN"))?;
    let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    if year.len() != 4 || !digits(year) {
        return Err(bad("the year has four digits"));
    }
    if !digits(counter) {
        return Err(bad("the counter is digits only"));
    }
    let w = series.width();
    if counter.len() < w || (counter.len() > w && counter.starts_with('0')) {
        return Err(bad(&format!(
            "the counter of a {} number has {w} digits",
            series.prefix()
        )));
    }
    let n = counter
        .parse::<u32>()
        .map_err(|_| bad("the counter is too large"))?;
    let year = year.parse::<i32>().map_err(|_| bad("bad year"))?;
    DocumentNumber::new(series, year, n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn each_series_formats_with_its_prefix_and_width() {
        assert_eq!(
            format_number(Series::Quote, 2026, 42).unwrap(),
            "Q-2026-0042"
        );
        assert_eq!(
            format_number(Series::SalesOrder, 2026, 7).unwrap(),
            "SO-2026-0007"
        );
        assert_eq!(
            format_number(Series::Proforma, 2026, 3).unwrap(),
            "PI-2026-0003"
        );
        assert_eq!(
            format_number(Series::Invoice, 2026, 1).unwrap(),
            "INV-2026-00001"
        );
        assert_eq!(
            format_number(Series::CreditNote, 2026, 1).unwrap(),
            "CN-2026-00001"
        );
    }

    #[test]
    fn a_counter_beyond_its_width_grows_instead_of_being_cut() {
        assert_eq!(
            format_number(Series::Quote, 2026, 12345).unwrap(),
            "Q-2026-12345"
        );
        assert_eq!(parse_number("Q-2026-12345").unwrap().n, 12345);
    }

    #[test]
    fn counter_zero_and_out_of_range_years_are_refused() {
        assert!(format_number(Series::Quote, 2026, 0).is_err());
        assert!(format_number(Series::Quote, 1999, 1).is_err());
        assert!(format_number(Series::Quote, 10000, 1).is_err());
    }

    #[test]
    fn numbers_parse_back_ignoring_case_and_spaces() {
        let n = parse_number("  inv-2026-00017 ").unwrap();
        assert_eq!(n, DocumentNumber::new(Series::Invoice, 2026, 17).unwrap());
    }

    #[test]
    fn malformed_numbers_are_refused() {
        for bad in [
            "",
            "Q-2026",
            "Q-2026-0042-1",
            "X-2026-0042",
            "Q-26-0042",
            "Q-2026-42",
            "Q-2026-00042",
            "INV-2026-0001",
            "Q-2026-00a2",
            "Q-2026-0000",
            "Q-2026-+042",
        ] {
            let e = parse_number(bad).unwrap_err();
            assert_eq!(e.code, "invalid_document_number", "{bad}");
        }
    }

    proptest! {
        #[test]
        fn formatting_then_parsing_gives_the_same_number(
            s in prop::sample::select(Series::ALL.to_vec()),
            year in MIN_YEAR..=MAX_YEAR,
            n in 1u32..=u32::MAX,
        ) {
            let text = format_number(s, year, n).unwrap();
            prop_assert_eq!(parse_number(&text).unwrap(), DocumentNumber { series: s, year, n });
        }

        #[test]
        fn numbers_of_one_series_and_year_sort_by_counter_within_the_width(
            a in 1u32..10_000, b in 1u32..10_000
        ) {
            let fa = format_number(Series::Quote, 2026, a).unwrap();
            let fb = format_number(Series::Quote, 2026, b).unwrap();
            prop_assert_eq!(fa.cmp(&fb), a.cmp(&b));
        }
    }
}
