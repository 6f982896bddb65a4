//! Generated buyers beyond the hand-written ones, for bigger demos and benchmarks: names built
//! from parts × cities of the markets a Chinese exporter sells to, every name distinct.

use super::markets::{CORES, MARKETS, Market, PREFIXES};
use super::rng::Rng;
/// How many distinct names the parts give before a number has to be added.
fn combinations() -> u64 {
    let places: usize = MARKETS.iter().map(|m| m.cities.len()).sum();
    (PREFIXES.len() * CORES.len() * places) as u64
}

/// The parts of generated buyer `i`.
pub(super) struct Company {
    pub name: String,
    pub domain: String,
    pub market: &'static Market,
    pub product: &'static str,
}

/// Lower-case ASCII letters and digits only, for domains and email addresses.
pub(super) fn ascii_slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.to_lowercase().chars() {
        match ch {
            'a'..='z' | '0'..='9' => out.push(ch),
            'á' | 'à' | 'ä' | 'â' | 'ã' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'í' | 'ì' | 'ı' => out.push('i'),
            'ó' | 'ò' | 'ö' | 'ô' | 'õ' => out.push('o'),
            'ú' | 'ù' | 'ü' => out.push('u'),
            'ç' | 'ć' => out.push('c'),
            'ñ' | 'ń' => out.push('n'),
            'ś' | 'ş' => out.push('s'),
            'ł' => out.push('l'),
            'ż' | 'ź' => out.push('z'),
            'ğ' => out.push('g'),
            'ß' => out.push_str("ss"),
            _ => {}
        }
    }
    out
}

/// A distinct company for every `i`: the index is spread over all part combinations by a
/// seed-dependent bijection, so consecutive buyers do not share their first word.
pub(super) fn company(i: u64, seed: u64) -> Company {
    let n = combinations();
    // 48271 is prime and does not divide the count, so this is a permutation of 0..n.
    let j = (i % n).wrapping_mul(48_271).wrapping_add(seed % n) % n;
    let round = i / n;
    let prefix = PREFIXES[(j % PREFIXES.len() as u64) as usize];
    let rest = j / PREFIXES.len() as u64;
    let (core, product) = CORES[(rest % CORES.len() as u64) as usize];
    let mut place = (rest / CORES.len() as u64) as usize;
    let market = MARKETS
        .iter()
        .find(|m| {
            let hit = place < m.cities.len();
            if !hit {
                place -= m.cities.len();
            }
            hit
        })
        .expect("place index is below the number of places");
    let city = market.cities[place];
    let form = market.forms[(j as usize / 7) % market.forms.len()];
    let numbered = if round > 0 {
        format!(" {}", round + 1)
    } else {
        String::new()
    };
    let base = format!("{prefix} {core} {city}{numbered}");
    let name = if form.ends_with(' ') {
        format!("{form}{base}")
    } else {
        format!("{base} {form}")
    };
    let domain = format!(
        "{}{}-{}{}.{}",
        ascii_slug(prefix),
        ascii_slug(core),
        ascii_slug(city),
        numbered.trim(),
        market.tld
    );
    Company {
        name,
        domain,
        market,
        product,
    }
}

/// A person's name and a phone number in `market`.
pub(super) fn person(rng: &mut Rng, market: &Market) -> (String, String) {
    let first = rng.pick(market.names.0);
    let last = rng.pick(market.names.1);
    let phone = format!(
        "{} {} {} {}",
        market.dial,
        rng.range(20, 99),
        rng.range(100, 999),
        rng.range(1000, 9999)
    );
    (format!("{first} {last}"), phone)
}

#[cfg(test)]
mod tests {
    use super::*;
    use leadledger_domain::customer::{CompanyName, match_key};
    use leadledger_domain::email::EmailDomain;
    use std::collections::HashSet;

    #[test]
    fn the_name_parts_are_coprime_with_the_permutation_multiplier() {
        let n = combinations();
        assert!(n >= 100_000, "{n} combinations");
        let gcd = |mut a: u64, mut b: u64| {
            while b != 0 {
                (a, b) = (b, a % b);
            }
            a
        };
        assert_eq!(gcd(n, 48_271), 1);
    }

    #[test]
    fn generated_names_and_domains_are_valid_and_never_look_like_duplicates() {
        let mut keys = HashSet::new();
        let mut domains = HashSet::new();
        let n = combinations();
        for i in 0..n + 300 {
            let c = company(i, 42);
            let name = CompanyName::parse(&c.name).unwrap();
            assert!(EmailDomain::parse(&c.domain).is_ok(), "{}", c.domain);
            assert!(
                keys.insert(match_key(name.as_str())),
                "{} repeats a name",
                c.name
            );
            assert!(
                domains.insert(c.domain.clone()),
                "{} repeats a domain",
                c.domain
            );
        }
    }
}
