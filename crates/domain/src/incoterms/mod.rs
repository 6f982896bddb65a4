//! Incoterms 2020: the delivery rule of a quote plus its named place, and what the seller pays.
//!
//! A rule is never quoted alone: "FOB" means nothing until it says "FOB Ningbo". Four rules
//! (FAS, FOB, CFR, CIF) exist only for sea and inland-waterway transport, so their named place
//! must be a port; quoting "FOB Yiwu" (an inland city) is a classic error that the parser refuses
//! with code `sea_rule_needs_port`.
//!
//! Whether a place is a port is the caller's statement (`place_is_port`). [`is_known_port`]
//! derives it from a built-in list of about 400 port names (English and Chinese); a UI should
//! still let the user tick "is a port" for places the list does not know.

mod ports;

use crate::error::{Invalid, required_text};
use serde::{Deserialize, Serialize};
use std::fmt;

/// One of the eleven Incoterms 2020 rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Incoterm {
    Exw,
    Fca,
    Cpt,
    Cip,
    Dap,
    Dpu,
    Ddp,
    Fas,
    Fob,
    Cfr,
    Cif,
}

/// Which costs the seller bears under a rule, from the seller's side of the quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SellerCosts {
    /// Export customs clearance and export duties in the seller's country.
    pub export_clearance: bool,
    /// Loading on board or delivering to the first carrier at origin.
    pub origin_handling: bool,
    /// The main (international) carriage.
    pub main_carriage: bool,
    /// Cargo insurance for the main carriage (CIF: Institute Cargo Clauses C; CIP: clauses A).
    pub insurance: bool,
    /// Unloading at the destination.
    pub unloading_at_destination: bool,
    /// Import customs clearance, import duty and import VAT.
    pub import_duty: bool,
}

impl Incoterm {
    pub const ALL: [Incoterm; 11] = [
        Incoterm::Exw,
        Incoterm::Fca,
        Incoterm::Cpt,
        Incoterm::Cip,
        Incoterm::Dap,
        Incoterm::Dpu,
        Incoterm::Ddp,
        Incoterm::Fas,
        Incoterm::Fob,
        Incoterm::Cfr,
        Incoterm::Cif,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Incoterm::Exw => "EXW",
            Incoterm::Fca => "FCA",
            Incoterm::Cpt => "CPT",
            Incoterm::Cip => "CIP",
            Incoterm::Dap => "DAP",
            Incoterm::Dpu => "DPU",
            Incoterm::Ddp => "DDP",
            Incoterm::Fas => "FAS",
            Incoterm::Fob => "FOB",
            Incoterm::Cfr => "CFR",
            Incoterm::Cif => "CIF",
        }
    }

    /// Parses a rule code, ignoring case; "C&F" and "CNF" are read as CFR.
    pub fn parse(s: &str) -> Result<Self, Invalid> {
        let t = s.trim().to_ascii_uppercase();
        let t = match t.as_str() {
            "C&F" | "CNF" | "C+F" => "CFR",
            other => other,
        };
        Self::ALL
            .iter()
            .copied()
            .find(|r| r.code() == t)
            .ok_or_else(|| {
                Invalid::new(
                    "unknown_incoterm",
                    format!(
                        "{:?} is not an Incoterms 2020 rule; expected one of {}",
                        s.trim(),
                        Self::ALL.map(Incoterm::code).join(", ")
                    ),
                )
            })
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Incoterm::Exw => "Ex Works",
            Incoterm::Fca => "Free Carrier",
            Incoterm::Cpt => "Carriage Paid To",
            Incoterm::Cip => "Carriage and Insurance Paid To",
            Incoterm::Dap => "Delivered at Place",
            Incoterm::Dpu => "Delivered at Place Unloaded",
            Incoterm::Ddp => "Delivered Duty Paid",
            Incoterm::Fas => "Free Alongside Ship",
            Incoterm::Fob => "Free on Board",
            Incoterm::Cfr => "Cost and Freight",
            Incoterm::Cif => "Cost, Insurance and Freight",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            Incoterm::Exw => "工厂交货",
            Incoterm::Fca => "货交承运人",
            Incoterm::Cpt => "运费付至",
            Incoterm::Cip => "运费和保险费付至",
            Incoterm::Dap => "目的地交货",
            Incoterm::Dpu => "卸货地交货",
            Incoterm::Ddp => "完税后交货",
            Incoterm::Fas => "船边交货",
            Incoterm::Fob => "船上交货",
            Incoterm::Cfr => "成本加运费",
            Incoterm::Cif => "成本加保险费加运费",
        }
    }

    /// FAS, FOB, CFR and CIF: sea and inland waterway only, so the named place is a port.
    pub fn is_sea_only(self) -> bool {
        matches!(
            self,
            Incoterm::Fas | Incoterm::Fob | Incoterm::Cfr | Incoterm::Cif
        )
    }

    /// True when the named place is at destination (C and D rules: "CIF Hamburg"); false when
    /// it is at origin (E and F rules: "FOB Ningbo").
    pub fn place_is_destination(self) -> bool {
        !matches!(
            self,
            Incoterm::Exw | Incoterm::Fca | Incoterm::Fas | Incoterm::Fob
        )
    }

    /// What the seller pays under this rule.
    pub fn seller_costs(self) -> SellerCosts {
        use Incoterm::*;
        SellerCosts {
            export_clearance: self != Exw,
            origin_handling: !matches!(self, Exw | Fas),
            main_carriage: matches!(self, Cpt | Cip | Dap | Dpu | Ddp | Cfr | Cif),
            insurance: matches!(self, Cip | Cif),
            unloading_at_destination: self == Dpu,
            import_duty: self == Ddp,
        }
    }

    /// Where risk passes from seller to buyer, in a salesperson's words.
    pub fn risk_passes_en(self) -> &'static str {
        match self {
            Incoterm::Exw => "when the goods are made available at the seller's premises",
            Incoterm::Fca => "when the goods are handed to the buyer's carrier at the named place",
            Incoterm::Cpt | Incoterm::Cip => "when the goods are handed to the first carrier",
            Incoterm::Dap => "when the goods arrive at the named place, ready for unloading",
            Incoterm::Dpu => "when the goods are unloaded at the named place",
            Incoterm::Ddp => "when the goods arrive at the named place, cleared for import",
            Incoterm::Fas => "when the goods are alongside the ship at the named port",
            Incoterm::Fob | Incoterm::Cfr | Incoterm::Cif => {
                "when the goods are on board the vessel at the port of shipment"
            }
        }
    }
}

impl fmt::Display for Incoterm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A rule with its named place: "FOB Ningbo", "DAP Munich".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IncotermPlace {
    rule: Incoterm,
    place: String,
}

impl IncotermPlace {
    /// Validates a rule and its named place.
    ///
    /// The place is always required (code `place_required`); a sea-only rule with a place that
    /// is not a port is refused (code `sea_rule_needs_port`). `place_is_port` comes from the user
    /// ("is a port" tick box) or from [`is_known_port`]; see [`IncotermPlace::parse_guessing_port`].
    pub fn parse(rule: &str, place: &str, place_is_port: bool) -> Result<Self, Invalid> {
        let rule = Incoterm::parse(rule)?;
        let place = required_text(place, 200).map_err(|e| match e.code {
            "required" => Invalid::new(
                "place_required",
                format!("{rule} needs a named place, such as \"{rule} Ningbo\""),
            ),
            _ => e,
        })?;
        if rule.is_sea_only() && !place_is_port {
            return Err(Invalid::new(
                "sea_rule_needs_port",
                format!(
                    "{rule} is for sea transport and needs a port, but {place:?} is not known as \
                     a port; use FCA, CPT, CIP or DAP for an inland place"
                ),
            ));
        }
        Ok(Self { rule, place })
    }

    /// Like [`IncotermPlace::parse`], deciding whether the place is a port with
    /// [`is_known_port`].
    pub fn parse_guessing_port(rule: &str, place: &str) -> Result<Self, Invalid> {
        Self::parse(rule, place, is_known_port(place))
    }

    /// Reads "FOB Ningbo", "CIF Hamburg, Germany" or "FOB Ningbo Incoterms 2020" in one string.
    pub fn parse_text(s: &str, place_is_port: Option<bool>) -> Result<Self, Invalid> {
        let t = s.trim();
        let (rule, rest) = t.split_once(char::is_whitespace).unwrap_or((t, ""));
        let mut place = rest.trim();
        for suffix in ["incoterms 2020", "incoterms® 2020", "incoterms"] {
            let lower = place.to_lowercase();
            if lower.ends_with(suffix) {
                place = place[..place.len() - suffix.len()].trim_end_matches([' ', ',', '(']);
            }
        }
        let is_port = place_is_port.unwrap_or_else(|| is_known_port(place));
        Self::parse(rule, place, is_port)
    }

    pub fn rule(&self) -> Incoterm {
        self.rule
    }

    pub fn place(&self) -> &str {
        &self.place
    }
}

impl fmt::Display for IncotermPlace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.rule, self.place)
    }
}

/// Reduces "Port of Ningbo, China", "NINGBO PORT" or "宁波港" to the list's key.
fn port_key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let head = lower
        .split([',', '(', '，', '（', ';'])
        .next()
        .unwrap_or("")
        .replace(['.', '’', '\''], "");
    let mut words: Vec<&str> = head.split_whitespace().collect();
    if words.len() > 2 && words[0] == "port" && words[1] == "of" {
        words.drain(..2);
    }
    if words.len() > 1 && matches!(words.last(), Some(&"port") | Some(&"seaport")) {
        words.pop();
    }
    let key = words.join(" ");
    let key = key.trim_end_matches("港口").to_string();
    match key.strip_suffix('港') {
        Some(k) if !k.is_empty() && !ports::PORTS_ZH.contains(&key.as_str()) => k.to_string(),
        _ => key,
    }
}

/// True when `name` is in the built-in list of ports ("Ningbo", "Port of Hamburg",
/// "Shanghai, China", "宁波港"). Unknown names are not necessarily inland: ask the user.
pub fn is_known_port(name: &str) -> bool {
    let key = port_key(name);
    !key.is_empty()
        && (ports::PORTS.contains(&key.as_str()) || ports::PORTS_ZH.contains(&key.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_four_sea_rules_are_sea_only_and_the_rest_any_mode() {
        let sea: Vec<_> = Incoterm::ALL
            .iter()
            .filter(|r| r.is_sea_only())
            .map(|r| r.code())
            .collect();
        assert_eq!(sea, ["FAS", "FOB", "CFR", "CIF"]);
    }

    #[test]
    fn rules_parse_case_insensitively_and_cnf_means_cfr() {
        assert_eq!(Incoterm::parse(" fob ").unwrap(), Incoterm::Fob);
        assert_eq!(Incoterm::parse("C&F").unwrap(), Incoterm::Cfr);
        assert_eq!(Incoterm::parse("DAT").unwrap_err().code, "unknown_incoterm");
    }

    #[test]
    fn the_seller_pays_more_as_the_rule_moves_towards_ddp() {
        let exw = Incoterm::Exw.seller_costs();
        assert!(!exw.export_clearance && !exw.main_carriage);
        let fob = Incoterm::Fob.seller_costs();
        assert!(fob.export_clearance && fob.origin_handling && !fob.main_carriage);
        let cfr = Incoterm::Cfr.seller_costs();
        assert!(cfr.main_carriage && !cfr.insurance);
        let cif = Incoterm::Cif.seller_costs();
        assert!(cif.main_carriage && cif.insurance && !cif.import_duty);
        assert!(Incoterm::Cip.seller_costs().insurance);
        assert!(Incoterm::Dpu.seller_costs().unloading_at_destination);
        assert!(!Incoterm::Dap.seller_costs().import_duty);
        assert!(Incoterm::Ddp.seller_costs().import_duty);
    }

    #[test]
    fn the_named_place_is_at_origin_for_e_and_f_rules() {
        assert!(!Incoterm::Fob.place_is_destination());
        assert!(!Incoterm::Exw.place_is_destination());
        assert!(Incoterm::Cif.place_is_destination());
        assert!(Incoterm::Ddp.place_is_destination());
    }

    #[test]
    fn a_rule_without_a_named_place_is_refused() {
        assert_eq!(
            IncotermPlace::parse("FOB", "  ", true).unwrap_err().code,
            "place_required"
        );
        assert_eq!(
            IncotermPlace::parse("EXW", "", false).unwrap_err().code,
            "place_required"
        );
    }

    #[test]
    fn a_sea_only_rule_with_an_inland_place_is_refused() {
        let e = IncotermPlace::parse("FOB", "Yiwu", false).unwrap_err();
        assert_eq!(e.code, "sea_rule_needs_port");
        assert!(e.message.contains("Yiwu"));
        assert_eq!(
            IncotermPlace::parse_guessing_port("CIF", "Munich")
                .unwrap_err()
                .code,
            "sea_rule_needs_port"
        );
        // Any-mode rules take inland places.
        assert_eq!(
            IncotermPlace::parse_guessing_port("DAP", "Munich")
                .unwrap()
                .to_string(),
            "DAP Munich"
        );
        // The user's tick box wins over the list.
        assert!(IncotermPlace::parse("FOB", "Taizhou Jiaojiang", true).is_ok());
    }

    #[test]
    fn chinese_export_ports_are_known_in_their_usual_spellings() {
        for p in [
            "Ningbo",
            "NINGBO, CHINA",
            "Port of Shanghai",
            "Shenzhen",
            "Yantian",
            "Shekou",
            "Qingdao Port",
            "Tianjin",
            "Xingang",
            "Xiamen",
            "Guangzhou",
            "Nansha",
            "Dalian",
            "Lianyungang",
            "宁波",
            "宁波港",
            "连云港",
            "Hamburg",
            "Rotterdam",
            "Los Angeles",
            "Jebel Ali",
            "Santos",
            "St. Petersburg",
        ] {
            assert!(is_known_port(p), "{p}");
        }
        for p in ["Yiwu", "Munich", "Madrid", "", "Port"] {
            assert!(!is_known_port(p), "{p}");
        }
    }

    #[test]
    fn the_port_list_is_long_enough_and_has_no_duplicates() {
        let mut v = ports::PORTS.to_vec();
        assert!(v.len() >= 150, "{}", v.len());
        v.sort_unstable();
        let before = v.len();
        v.dedup();
        assert_eq!(before, v.len(), "duplicate port names");
    }

    #[test]
    fn a_rule_and_place_in_one_string_parse() {
        let p = IncotermPlace::parse_text("fob Ningbo Incoterms 2020", None).unwrap();
        assert_eq!((p.rule(), p.place()), (Incoterm::Fob, "Ningbo"));
        assert_eq!(
            IncotermPlace::parse_text("FOB Yiwu", None)
                .unwrap_err()
                .code,
            "sea_rule_needs_port"
        );
        assert_eq!(
            IncotermPlace::parse_text("FOB", None).unwrap_err().code,
            "place_required"
        );
    }

    #[test]
    fn rules_serialize_as_their_code() {
        assert_eq!(serde_json::to_string(&Incoterm::Cfr).unwrap(), r#""CFR""#);
        let r: Incoterm = serde_json::from_str(r#""DPU""#).unwrap();
        assert_eq!(r, Incoterm::Dpu);
    }
}
