//! Packing and container fit: cartons, CBM and weight of a shipment, and how many 20GP, 40GP and
//! 40HQ containers it fills.
//!
//! Figures used (practical, not nominal, because cartons never fill a box perfectly):
//!
//! | type | nominal m³ | practical m³ | payload kg |
//! |------|-----------:|-------------:|-----------:|
//! | 20GP | 33.2 | 28 | 21,700 |
//! | 40GP | 67.7 | 58 | 26,500 |
//! | 40HQ | 76.4 | 68 | 26,300 |
//!
//! The payloads are typical carrier figures for steel boxes (maximum gross less tare, about
//! 28,200 / 26,700 / 26,500 kg) capped where road limits usually bind in practice: a 20GP
//! loaded beyond about 21.7 t cannot be trucked legally in many countries. They are defaults for
//! planning, not promises; a forwarder confirms the real limits.
//!
//! Fit treats the load as divisible carton by carton: it answers how many containers the volume
//! and the weight each need and takes the larger. It does not solve 3-D stowage.

use crate::error::Invalid;
use crate::money::{Quantity, round_to};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

/// A carton as packed by the factory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Carton {
    pcs_per_carton: u32,
    length_cm: Decimal,
    width_cm: Decimal,
    height_cm: Decimal,
    gross_kg: Decimal,
    net_kg: Option<Decimal>,
}

impl Carton {
    /// Validates carton data: pieces, dimensions and gross weight above zero, net weight (when
    /// given) not above gross.
    pub fn new(
        pcs_per_carton: u32,
        (length_cm, width_cm, height_cm): (Decimal, Decimal, Decimal),
        gross_kg: Decimal,
        net_kg: Option<Decimal>,
    ) -> Result<Self, Invalid> {
        if pcs_per_carton == 0 {
            return Err(Invalid::new(
                "invalid_pcs_per_carton",
                "a carton holds at least one piece",
            ));
        }
        for v in [length_cm, width_cm, height_cm] {
            if v <= Decimal::ZERO || v > Decimal::from(1_500) {
                return Err(Invalid::new(
                    "invalid_dimension",
                    "carton dimensions are between 0 and 1,500 cm",
                ));
            }
        }
        if gross_kg <= Decimal::ZERO || gross_kg > Decimal::from(30_000) {
            return Err(Invalid::new(
                "invalid_weight",
                "a carton's gross weight is above zero and at most 30,000 kg",
            ));
        }
        if let Some(n) = net_kg
            && (n < Decimal::ZERO || n > gross_kg)
        {
            return Err(Invalid::new(
                "net_above_gross",
                "the net weight cannot exceed the gross weight",
            ));
        }
        Ok(Self {
            pcs_per_carton,
            length_cm,
            width_cm,
            height_cm,
            gross_kg,
            net_kg,
        })
    }

    pub fn pcs_per_carton(&self) -> u32 {
        self.pcs_per_carton
    }

    /// The volume of one carton in cubic metres (L × W × H cm ÷ 1,000,000), unrounded.
    pub fn cbm(&self) -> Decimal {
        self.length_cm * self.width_cm * self.height_cm / Decimal::from(1_000_000)
    }

    /// Cartons needed for a quantity: the last carton may be part-full.
    pub fn cartons_for(&self, quantity: Quantity) -> u64 {
        (quantity.value() / Decimal::from(self.pcs_per_carton))
            .ceil()
            .to_u64()
            .unwrap_or(u64::MAX)
    }

    /// The load of `quantity` pieces packed in these cartons.
    pub fn load(&self, quantity: Quantity) -> Load {
        let cartons = self.cartons_for(quantity);
        let n = Decimal::from(cartons);
        Load {
            cartons,
            cbm: n * self.cbm(),
            gross_kg: n * self.gross_kg,
            net_kg: self.net_kg.map(|w| n * w),
        }
    }
}

/// Cartons, volume and weight of a shipment; add the lines of a packing list together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Load {
    pub cartons: u64,
    /// Cubic metres, unrounded; see [`Load::cbm_rounded`].
    pub cbm: Decimal,
    pub gross_kg: Decimal,
    /// `None` when any line lacks a net weight (unknown is not zero).
    pub net_kg: Option<Decimal>,
}

impl Load {
    /// Adds another line's load.
    pub fn plus(self, other: Load) -> Load {
        Load {
            cartons: self.cartons + other.cartons,
            cbm: self.cbm + other.cbm,
            gross_kg: self.gross_kg + other.gross_kg,
            net_kg: match (self.net_kg, other.net_kg) {
                (Some(a), Some(b)) => Some(a + b),
                _ => None,
            },
        }
    }

    /// Sums lines; an empty list is an empty load with a known net weight of zero.
    pub fn total<I: IntoIterator<Item = Load>>(lines: I) -> Load {
        lines.into_iter().fold(
            Load {
                net_kg: Some(Decimal::ZERO),
                ..Load::default()
            },
            Load::plus,
        )
    }

    /// CBM as printed on a packing list: 3 decimals, half away from zero.
    pub fn cbm_rounded(&self) -> Decimal {
        round_to(self.cbm, 3)
    }

    /// Weights as printed: 2 decimals.
    pub fn gross_kg_rounded(&self) -> Decimal {
        round_to(self.gross_kg, 2)
    }
}

/// The three standard dry containers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum ContainerType {
    #[serde(rename = "20GP")]
    Gp20,
    #[serde(rename = "40GP")]
    Gp40,
    #[serde(rename = "40HQ")]
    Hq40,
}

impl ContainerType {
    pub const ALL: [ContainerType; 3] = [
        ContainerType::Gp20,
        ContainerType::Gp40,
        ContainerType::Hq40,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ContainerType::Gp20 => "20GP",
            ContainerType::Gp40 => "40GP",
            ContainerType::Hq40 => "40HQ",
        }
    }

    pub fn nominal_cbm(self) -> Decimal {
        match self {
            ContainerType::Gp20 => Decimal::new(332, 1),
            ContainerType::Gp40 => Decimal::new(677, 1),
            ContainerType::Hq40 => Decimal::new(764, 1),
        }
    }

    /// The volume cartons can really fill.
    pub fn practical_cbm(self) -> Decimal {
        Decimal::from(self.practical_cbm_u32())
    }

    fn practical_cbm_u32(self) -> u32 {
        match self {
            ContainerType::Gp20 => 28,
            ContainerType::Gp40 => 58,
            ContainerType::Hq40 => 68,
        }
    }

    /// Cargo weight allowed, in kilograms.
    pub fn payload_kg(self) -> Decimal {
        Decimal::from(match self {
            ContainerType::Gp20 => 21_700,
            ContainerType::Gp40 => 26_500,
            ContainerType::Hq40 => 26_300,
        })
    }
}

/// Whether volume or weight decides the container count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Binding {
    Volume,
    Weight,
}

/// How many containers of one type a load needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Fit {
    pub container: ContainerType,
    pub count: u64,
    pub by_volume: u64,
    pub by_weight: u64,
    pub binding: Binding,
    /// Load volume as a percentage of the practical volume of `count` containers (1 decimal).
    pub volume_used_percent: Decimal,
    /// Load weight as a percentage of the payload of `count` containers (1 decimal).
    pub weight_used_percent: Decimal,
}

fn ceil_div(a: Decimal, b: Decimal) -> u64 {
    (a / b).ceil().to_u64().unwrap_or(u64::MAX)
}

fn used(part: Decimal, whole: Decimal) -> Decimal {
    if whole.is_zero() {
        Decimal::ZERO
    } else {
        round_to(part / whole * Decimal::ONE_HUNDRED, 1)
    }
}

/// Containers of one type needed: the larger of what the volume and the weight need.
pub fn fit(load: &Load, container: ContainerType) -> Fit {
    let by_volume = ceil_div(load.cbm, container.practical_cbm());
    let by_weight = ceil_div(load.gross_kg, container.payload_kg());
    let count = by_volume.max(by_weight);
    let n = Decimal::from(count);
    Fit {
        container,
        count,
        by_volume,
        by_weight,
        binding: if by_weight > by_volume {
            Binding::Weight
        } else {
            Binding::Volume
        },
        volume_used_percent: used(load.cbm, n * container.practical_cbm()),
        weight_used_percent: used(load.gross_kg, n * container.payload_kg()),
    }
}

/// [`fit`] for 20GP, 40GP and 40HQ.
pub fn fit_all(load: &Load) -> [Fit; 3] {
    ContainerType::ALL.map(|c| fit(load, c))
}

/// A mix of container types that holds a load.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mix {
    pub gp20: u64,
    pub gp40: u64,
    pub hq40: u64,
}

impl Mix {
    pub fn count(&self) -> u64 {
        self.gp20 + self.gp40 + self.hq40
    }

    pub fn practical_cbm(&self) -> Decimal {
        Decimal::from(self.gp20) * ContainerType::Gp20.practical_cbm()
            + Decimal::from(self.gp40) * ContainerType::Gp40.practical_cbm()
            + Decimal::from(self.hq40) * ContainerType::Hq40.practical_cbm()
    }

    pub fn payload_kg(&self) -> Decimal {
        Decimal::from(self.gp20) * ContainerType::Gp20.payload_kg()
            + Decimal::from(self.gp40) * ContainerType::Gp40.payload_kg()
            + Decimal::from(self.hq40) * ContainerType::Hq40.payload_kg()
    }

    fn holds(&self, load: &Load) -> bool {
        self.practical_cbm() >= load.cbm && self.payload_kg() >= load.gross_kg
    }

    /// "1 × 40HQ + 1 × 20GP"; "nothing to ship" for an empty mix.
    pub fn describe(&self) -> String {
        let parts: Vec<String> = [
            (self.hq40, "40HQ"),
            (self.gp40, "40GP"),
            (self.gp20, "20GP"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, c)| format!("{n} × {c}"))
        .collect();
        if parts.is_empty() {
            "nothing to ship".to_string()
        } else {
            parts.join(" + ")
        }
    }
}

/// Beyond this many containers a shipment is planned with a forwarder, not this helper.
pub const MAX_CONTAINERS: u64 = 500;

/// Suggests a mix: the fewest containers that hold the load's volume and weight, then, among
/// those, the least total practical volume (paying for the least empty space is the usual proxy
/// for the cheapest freight), then the fewest 20GP.
pub fn suggest_mix(load: &Load) -> Result<Mix, Invalid> {
    if load.cbm <= Decimal::ZERO && load.gross_kg <= Decimal::ZERO {
        return Ok(Mix {
            gp20: 0,
            gp40: 0,
            hq40: 0,
        });
    }
    let lower = ceil_div(load.cbm, ContainerType::Hq40.practical_cbm())
        .max(ceil_div(load.gross_kg, ContainerType::Gp40.payload_kg()))
        .max(1);
    if lower > MAX_CONTAINERS {
        return Err(Invalid::new(
            "load_too_large",
            format!("more than {MAX_CONTAINERS} containers; plan this shipment with a forwarder"),
        ));
    }
    for n in lower..=MAX_CONTAINERS {
        let mut best: Option<Mix> = None;
        for hq40 in 0..=n {
            for gp40 in 0..=(n - hq40) {
                let m = Mix {
                    gp20: n - hq40 - gp40,
                    gp40,
                    hq40,
                };
                if !m.holds(load) {
                    continue;
                }
                let better = match best {
                    None => true,
                    Some(b) => (m.practical_cbm(), m.gp20) < (b.practical_cbm(), b.gp20),
                };
                if better {
                    best = Some(m);
                }
            }
        }
        if let Some(b) = best {
            return Ok(b);
        }
    }
    Err(Invalid::new(
        "load_too_large",
        format!("more than {MAX_CONTAINERS} containers; plan this shipment with a forwarder"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn carton(pcs: u32, l: &str, w: &str, h: &str, kg: &str) -> Carton {
        Carton::new(pcs, (d(l), d(w), d(h)), d(kg), Some(d(kg) - d("1"))).unwrap()
    }

    fn load(cbm: &str, kg: &str) -> Load {
        Load {
            cartons: 1,
            cbm: d(cbm),
            gross_kg: d(kg),
            net_kg: None,
        }
    }

    #[test]
    fn cartons_round_up_and_give_cbm_and_weight() {
        let c = carton(12, "60", "40", "50", "18.5");
        assert_eq!(c.cbm(), d("0.12"));
        let l = c.load(Quantity::parse("1000").unwrap());
        assert_eq!(l.cartons, 84); // 83.33 → 84
        assert_eq!(l.cbm_rounded(), d("10.080"));
        assert_eq!(l.gross_kg, d("1554.0"));
        assert_eq!(l.net_kg, Some(d("1470.0")));
        assert_eq!(c.cartons_for(Quantity::parse("12").unwrap()), 1);
        assert_eq!(c.cartons_for(Quantity::parse("12.5").unwrap()), 2);
    }

    #[test]
    fn lines_add_up_and_an_unknown_net_weight_stays_unknown() {
        let a = carton(10, "50", "50", "50", "10").load(Quantity::parse("100").unwrap());
        let b = Carton::new(5, (d("40"), d("30"), d("20")), d("8"), None)
            .unwrap()
            .load(Quantity::parse("50").unwrap());
        let t = Load::total([a, b]);
        assert_eq!(t.cartons, 20);
        assert_eq!(t.cbm, d("1.49"));
        assert_eq!(t.gross_kg, d("180"));
        assert_eq!(t.net_kg, None);
        assert_eq!(Load::total([a]).net_kg, Some(d("90")));
    }

    #[test]
    fn bad_carton_data_is_refused() {
        let dims = (d("10"), d("10"), d("10"));
        assert_eq!(
            Carton::new(0, dims, d("1"), None).unwrap_err().code,
            "invalid_pcs_per_carton"
        );
        assert_eq!(
            Carton::new(1, (d("0"), d("10"), d("10")), d("1"), None)
                .unwrap_err()
                .code,
            "invalid_dimension"
        );
        assert_eq!(
            Carton::new(1, dims, d("0"), None).unwrap_err().code,
            "invalid_weight"
        );
        assert_eq!(
            Carton::new(1, dims, d("1"), Some(d("2"))).unwrap_err().code,
            "net_above_gross"
        );
    }

    #[test]
    fn volume_binds_for_light_cargo() {
        let f = fit(&load("60", "8000"), ContainerType::Gp20);
        assert_eq!(
            (f.count, f.by_volume, f.by_weight, f.binding),
            (3, 3, 1, Binding::Volume)
        );
        assert_eq!(f.volume_used_percent, d("71.4"));
        let [a, b, c] = fit_all(&load("60", "8000"));
        assert_eq!((a.count, b.count, c.count), (3, 2, 1));
    }

    #[test]
    fn weight_binds_for_heavy_cargo() {
        // 25 m³ of steel parts at 30 t: fits one 20GP by volume, needs two by weight.
        let f = fit(&load("25", "30000"), ContainerType::Gp20);
        assert_eq!((f.count, f.binding), (2, Binding::Weight));
        let f = fit(&load("25", "30000"), ContainerType::Hq40);
        assert_eq!((f.count, f.binding), (2, Binding::Weight));
    }

    #[test]
    fn the_mix_uses_the_fewest_containers_then_the_least_space() {
        let m = |cbm: &str, kg: &str| suggest_mix(&load(cbm, kg)).unwrap();
        assert_eq!(m("20", "5000").describe(), "1 × 20GP");
        assert_eq!(m("50", "5000").describe(), "1 × 40GP");
        assert_eq!(m("65", "5000").describe(), "1 × 40HQ");
        // 80 m³: a 40GP + a 20GP (86 m³) wastes less space than two 40-footers.
        assert_eq!(m("80", "10000").describe(), "1 × 40GP + 1 × 20GP");
        assert_eq!(m("90", "10000").describe(), "1 × 40HQ + 1 × 20GP");
        // 130 m³ fits two 40HQ (136); 140 m³ needs three boxes, the smallest being 144 m³.
        assert_eq!(m("130", "20000").describe(), "2 × 40HQ");
        assert_eq!(m("140", "20000").describe(), "2 × 40GP + 1 × 20GP");
        // Heavy: 50 t in 30 m³ needs two boxes by weight; two 40GP carry 53 t.
        assert_eq!(m("30", "50000").describe(), "2 × 40GP");
        assert_eq!(m("0", "0").describe(), "nothing to ship");
        assert_eq!(
            suggest_mix(&load("100000", "1")).unwrap_err().code,
            "load_too_large"
        );
    }

    proptest! {
        #[test]
        fn the_mix_always_holds_the_load_and_never_needs_more_boxes_than_one_type(
            cbm in 0u32..2_000, kg in 0u32..600_000,
        ) {
            let l = load(&cbm.to_string(), &kg.to_string());
            let mix = suggest_mix(&l).unwrap();
            prop_assert!(mix.practical_cbm() >= l.cbm && mix.payload_kg() >= l.gross_kg);
            let single = fit_all(&l).iter().map(|f| f.count).min().unwrap();
            let nonempty = u64::from(cbm + kg > 0);
            prop_assert!(mix.count() <= single.max(nonempty));
        }

        #[test]
        fn each_fit_holds_the_load(cbm in 0u32..5_000, kg in 0u32..1_000_000) {
            let l = load(&cbm.to_string(), &kg.to_string());
            for f in fit_all(&l) {
                let n = Decimal::from(f.count);
                prop_assert!(n * f.container.practical_cbm() >= l.cbm);
                prop_assert!(n * f.container.payload_kg() >= l.gross_kg);
            }
        }
    }
}
