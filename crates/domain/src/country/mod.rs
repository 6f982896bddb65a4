//! ISO 3166-1 countries with their Chinese names and continents.
//!
//! The table is generated data (`tools/gen_countries.py`); a customer's region is derived from
//! its country here, never stored, so it cannot drift.

mod data;

use crate::error::Invalid;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Continent {
    Africa,
    Antarctica,
    Asia,
    Europe,
    NorthAmerica,
    Oceania,
    SouthAmerica,
}

impl Continent {
    pub const ALL: [Continent; 7] = [
        Continent::Asia,
        Continent::Europe,
        Continent::NorthAmerica,
        Continent::SouthAmerica,
        Continent::Africa,
        Continent::Oceania,
        Continent::Antarctica,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Continent::Africa => "africa",
            Continent::Antarctica => "antarctica",
            Continent::Asia => "asia",
            Continent::Europe => "europe",
            Continent::NorthAmerica => "north_america",
            Continent::Oceania => "oceania",
            Continent::SouthAmerica => "south_america",
        }
    }

    pub fn parse(s: &str) -> Result<Self, Invalid> {
        Self::ALL
            .into_iter()
            .find(|c| c.as_str() == s.trim())
            .ok_or_else(|| Invalid::new("invalid_region", format!("unknown region {s:?}")))
    }

    /// All countries on this continent.
    pub fn countries(self) -> impl Iterator<Item = &'static Country> {
        data::COUNTRIES.iter().filter(move |c| c.continent == self)
    }
}

#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Country {
    pub code: &'static str,
    pub alpha3: &'static str,
    pub en: &'static str,
    pub zh: &'static str,
    pub continent: Continent,
}

/// A validated ISO 3166-1 alpha-2 code; always upper case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CountryCode(&'static Country);

impl CountryCode {
    /// Accepts alpha-2 or alpha-3 codes in any case, and English or Chinese names.
    pub fn parse(s: &str) -> Result<Self, Invalid> {
        let t = s.trim();
        let up = t.to_ascii_uppercase();
        let found = match up.len() {
            2 => data::COUNTRIES
                .binary_search_by(|c| c.code.cmp(up.as_str()))
                .ok()
                .map(|i| &data::COUNTRIES[i]),
            3 => data::COUNTRIES.iter().find(|c| c.alpha3 == up),
            _ => None,
        }
        .or_else(|| {
            data::COUNTRIES
                .iter()
                .find(|c| c.en.eq_ignore_ascii_case(t) || c.zh == t)
        });
        found.map(CountryCode).ok_or_else(|| {
            Invalid::new(
                "invalid_country",
                format!("{t:?} is not an ISO 3166-1 country"),
            )
        })
    }

    pub fn as_str(self) -> &'static str {
        self.0.code
    }

    pub fn country(self) -> &'static Country {
        self.0
    }

    pub fn continent(self) -> Continent {
        self.0.continent
    }

    pub fn name(self, zh: bool) -> &'static str {
        if zh { self.0.zh } else { self.0.en }
    }
}

/// Every country, sorted by alpha-2 code.
pub fn all() -> &'static [Country] {
    data::COUNTRIES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_so_binary_search_works() {
        assert!(all().windows(2).all(|w| w[0].code < w[1].code));
        assert_eq!(all().len(), 249);
    }

    #[test]
    fn codes_and_names_parse_to_the_same_country() {
        for s in ["de", "DEU", "Germany", "德国", " DE "] {
            assert_eq!(CountryCode::parse(s).unwrap().as_str(), "DE", "{s}");
        }
        assert_eq!(
            CountryCode::parse("XX").unwrap_err().code,
            "invalid_country"
        );
        assert_eq!(
            CountryCode::parse("BR").unwrap().continent(),
            Continent::SouthAmerica
        );
    }
}
