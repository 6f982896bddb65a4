//! Why this module exists: it gathers every fact of the [`Facts`] contract from the lexicon hits and
//! the specialised readers (quantity, product, buyer), and keeps the extra signals (buying intent,
//! pitch words, scam phrases …) that completeness and risk need, so nothing is scanned twice.

use crate::buyer;
use crate::lexicon::{self, Ask, Hit, Scam, Tag};
use crate::product;
use crate::quantity;
use crate::specs;
use crate::text::{Doc, Kind};
use crate::{Buyer, Facts, Message};

/// Signals beyond the contract's facts.
#[derive(Debug, Default, Clone)]
pub struct Signals {
    /// Product known and specific (spec, model or part number present).
    pub specific: bool,
    /// A product phrase was found.
    pub product: bool,
    /// Only generic words ("your products") name what is wanted.
    pub generic: bool,
    pub packaging: bool,
    pub use_stated: bool,
    pub payment_mentioned: bool,
    pub asks_price: bool,
    pub buy: u32,
    pub pitch: u32,
    pub marketing: u32,
    pub scam: [u32; 8],
}

pub fn scam_index(s: Scam) -> usize {
    match s {
        Scam::Phish => 0,
        Scam::Platform => 1,
        Scam::Fee => 2,
        Scam::CardShipper => 3,
        Scam::PurchaseOrder => 4,
        Scam::AdvanceFee => 5,
        Scam::Pressure => 6,
        Scam::MassMail => 7,
    }
}

fn upper_required(d: &Doc, h: &Hit, canonical: &str) -> bool {
    // Short all-caps codes (CE, UL, US) must be written in capitals to count: "ce" is French.
    let short_caps = canonical.len() <= 3 && canonical.chars().all(|c| c.is_ascii_uppercase());
    if !short_caps || d.kind(h.start) != Some(Kind::Word) {
        return true;
    }
    let o = d.orig(h.start);
    o.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}

const PLACE_FILLERS: &[&str] = &[
    "port", "price", "prices", "term", "terms", "to", "at", "in", "basis", "de", "a", "au", "nach",
    "bis", "до", "para", "em", ":", "-", "(", "puerto", "hafen", "порт", "the", "your", "our",
    "or", "/", "port:", "shipping", "delivery", "incoterm", "porto", "limanı",
];

fn incoterm_place(d: &Doc, hits: &[Hit], h: &Hit) -> Option<String> {
    let mut j = h.end;
    let mut skipped = 0;
    while skipped < 3 && PLACE_FILLERS.contains(&d.low(j)) {
        j += 1;
        skipped += 1;
    }
    if let Some(p) = lexicon::starting_at(hits, j)
        .iter()
        .find(|g| matches!(g.tag, Tag::Place(..) | Tag::Country(_)))
    {
        if d.kind(j) == Some(Kind::Cjk)
            && let Tag::Place(name, _) | Tag::Country(name) = p.tag
        {
            return Some(name.to_string());
        }
        return Some(d.span(p.start, p.end - 1).to_string());
    }
    match d.kind(j) {
        Some(Kind::Word) => {
            let o = d.orig(j);
            let cap = o.chars().next().is_some_and(|c| c.is_uppercase());
            if !cap
                || lexicon::starting_at(hits, j).iter().any(|g| {
                    matches!(
                        g.tag,
                        Tag::Incoterm(_) | Tag::Pay(_) | Tag::Ask(_) | Tag::Buy
                    )
                })
            {
                return None;
            }
            let mut b = j;
            while b < j + 2
                && d.kind(b + 1) == Some(Kind::Word)
                && d.orig(b + 1)
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase())
                && !PLACE_FILLERS.contains(&d.low(b + 1))
            {
                b += 1;
            }
            Some(d.span(j, b).to_string())
        }
        Some(Kind::Cjk) if !d.toks[j].space_before || skipped == 0 => {
            let t = d.orig(j);
            let name: String = t
                .chars()
                .take_while(|c| !matches!(c, '港' | '价' | '的' | '和'))
                .take(6)
                .collect();
            if name.is_empty() { None } else { Some(name) }
        }
        _ => None,
    }
}

fn money_near(d: &Doc, from: usize) -> Option<String> {
    let cur = |w: &str| {
        matches!(
            w,
            "$" | "€"
                | "¥"
                | "£"
                | "usd"
                | "us$"
                | "eur"
                | "euro"
                | "euros"
                | "rmb"
                | "cny"
                | "dollars"
                | "美元"
                | "元"
                | "доллар"
                | "долларов"
                | "руб"
                | "aed"
                | "sar"
        )
    };
    for i in from..(from + 8).min(d.toks.len()) {
        let w = d.low(i);
        let starts_digit = w.starts_with(|c: char| c.is_ascii_digit());
        if starts_digit {
            let n = crate::numbers::number_at(d, i)?;
            let before = if i > 0 && cur(d.low(i - 1)) {
                Some(d.orig(i - 1))
            } else if i > 1 && d.low(i - 1) == "$" && d.low(i - 2) == "us" {
                Some("US$")
            } else {
                None
            };
            let after = if cur(&n.suffix) {
                Some(n.suffix.clone())
            } else if cur(d.low(n.next)) {
                Some(d.orig(n.next).to_string())
            } else {
                None
            };
            let num = format!("{}", n.value);
            let cur_s = before.map(|s| s.to_string()).or(after);
            return Some(match cur_s {
                Some(c) if c.len() <= 2 && !c.chars().all(|x| x.is_ascii_alphabetic()) => {
                    format!("{c}{num}")
                }
                Some(c) => format!("{} {num}", c.to_uppercase()),
                None => num,
            });
        }
        if d.kind(i) == Some(Kind::Punct) && matches!(w, "." | "\n" | "?" | "!") {
            return None;
        }
    }
    None
}

/// Extracts the contract facts and the extra signals.
pub fn extract(d: &Doc, msg: &Message, hits: &[Hit], flags: &[u8]) -> (Facts, Signals) {
    let mut sig = Signals::default();
    let mut certs: Vec<String> = Vec::new();
    let mut pay: Vec<String> = Vec::new();
    let mut incoterm: Option<(String, Option<String>)> = None;
    let mut market: Option<&'static str> = None;
    let mut place_fallback: Option<(String, &'static str)> = None;
    let (mut lead, mut sample, mut moq, mut catalog) = (false, false, false, false);
    let mut target_price = None;
    let mut target_kw = false;
    for h in hits {
        match h.tag {
            Tag::Cert(c) if upper_required(d, h, c) => push_unique(&mut certs, c),
            Tag::Incoterm(c) if incoterm.is_none() => {
                let short =
                    c.len() == 3 && d.kind(h.start) == Some(Kind::Word) && h.end == h.start + 1;
                let o = d.orig(h.start);
                let looks_code = !short
                    || o.chars().all(|x| x.is_uppercase())
                    || o.chars().all(|x| x.is_lowercase());
                if looks_code {
                    incoterm = Some((c.to_string(), incoterm_place(d, hits, h)));
                }
            }
            Tag::Country(c)
                if market.is_none()
                    && c != "China"
                    && upper_required(d, h, if d.low(h.start).len() <= 3 { "US" } else { c }) =>
            {
                market = Some(c)
            }
            Tag::CountryAdj(c) if market.is_none() => {
                let before = lexicon::around(hits, h.start.saturating_sub(1));
                let next_market = lexicon::starting_at(hits, h.end)
                    .iter()
                    .chain(before.iter().filter(|g| g.end == h.start))
                    .any(|g| matches!(g.tag, Tag::MarketWord))
                    || matches!(
                        d.low(h.end),
                        "customers" | "clients" | "buyers" | "market" | "standard" | "standards"
                    )
                    || d.kind(h.start) == Some(Kind::Cjk);
                if next_market
                    && upper_required(d, h, if d.low(h.start).len() <= 3 { "US" } else { c })
                {
                    market = Some(c);
                }
            }
            Tag::Place(_, country) if place_fallback.is_none() && country != "China" => {
                place_fallback = Some((d.span(h.start, h.end - 1).to_string(), country));
                if d.kind(h.start) == Some(Kind::Cjk)
                    && let Tag::Place(name, _) = h.tag
                {
                    place_fallback = Some((name.to_string(), country));
                }
            }
            Tag::Ask(a) => match a {
                Ask::LeadTime => lead = true,
                Ask::Sample => sample = true,
                Ask::Moq => moq = true,
                Ask::Catalog => catalog = true,
                Ask::Price => sig.asks_price = true,
            },
            Tag::Pay(p) => {
                sig.payment_mentioned = true;
                if p == "deposit" && h.start >= 1 && d.low(h.start - 1) == "%" {
                    let pct = d
                        .span(h.start.saturating_sub(2), h.start - 1)
                        .replace(' ', "");
                    push_unique(&mut pay, &format!("{pct} deposit"));
                } else if p != "payment terms" {
                    push_unique(&mut pay, p);
                }
            }
            Tag::TargetPrice => {
                target_kw = true;
                if target_price.is_none() {
                    target_price = money_near(d, h.end);
                }
            }
            Tag::Packaging => sig.packaging = true,
            Tag::Use => sig.use_stated = true,
            Tag::Buy => sig.buy += 1,
            Tag::Pitch => sig.pitch += 1,
            Tag::Marketing => sig.marketing += 1,
            Tag::Scam(s) => sig.scam[scam_index(s)] += 1,
            _ => {}
        }
    }
    let _ = target_kw;
    let qs = quantity::quantities(d, hits, flags);
    let best = quantity::best(&qs).cloned();
    let (specs, model) = specs::specs(d, hits, flags);
    let prod = product::product(d, hits, best.as_ref());
    sig.product = prod.is_some();
    let has_real_spec = specs.iter().any(|s| s.chars().any(|c| c.is_ascii_digit()));
    sig.specific = prod.is_some() && (has_real_spec || model || !specs.is_empty());
    sig.generic = prod.is_none() && hits.iter().any(|h| matches!(h.tag, Tag::Generic));
    let (incoterm, mut place) = match incoterm {
        Some((c, p)) => (Some(c), p),
        None => (None, None),
    };
    if place.is_none()
        && let Some((p, _)) = &place_fallback
    {
        place = Some(p.clone());
    }
    let target_market = market
        .or(place_fallback.map(|(_, c)| c))
        .map(str::to_string);
    let text = &msg.text;
    let buyer = Buyer {
        company: buyer::company(d, flags),
        website: buyer::website(text, &msg.links),
        email_domain_kind: buyer::domain_kind(msg.from.as_deref(), text),
    };
    let facts = Facts {
        product: prod.map(|p| p.0),
        quantity: best.as_ref().map(|q| q.value),
        unit: best.and_then(|q| q.unit),
        specs,
        certifications: certs,
        incoterm,
        place,
        target_market,
        payment_terms: if pay.is_empty() {
            None
        } else {
            Some(pay.join(", "))
        },
        asks_lead_time: lead,
        asks_sample: sample,
        asks_moq: moq,
        asks_catalog: catalog,
        target_price,
        buyer,
    };
    (facts, sig)
}
