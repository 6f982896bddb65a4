//! The export price builder: from a factory's VAT-inclusive purchase price to EXW, FOB, CFR and
//! CIF prices in the buyer's currency, with the margin the salesperson is really making.
//!
//! The arithmetic follows how Chinese exporters price:
//!
//! - **Export VAT rebate (出口退税)**: rebate = purchase price incl. VAT ÷ (1 + VAT rate) × rebate
//!   rate; export cost = purchase price − rebate. 113 CNY incl. 13 % VAT with a 13 % rebate
//!   gives a rebate of 13 and an export cost of 100.
//! - **Margin on price**: EXW = export cost ÷ (1 − margin), so the margin is the gross margin
//!   (price − cost) ÷ price that reports show. A 20 % margin on a cost of 100 gives 125, and
//!   (125 − 100) ÷ 125 = 20 %. (Marking up cost × 1.20 = 120 would be only a 16.7 % margin.)
//! - **Stacking**: FOB = EXW + domestic fees (inland haulage, port, customs) per unit;
//!   CFR = FOB + ocean freight per unit; CIF = CFR ÷ (1 − 1.1 × premium rate), so the insurance
//!   (110 % of CIF × premium rate) is itself covered. Fees, freight and insurance are passed
//!   through at cost; the margin is earned on the goods.
//! - **Currency**: the stack is built in the company's base currency (CNY) and converted at a
//!   rate in base units per one unit of the quote currency (7.1 CNY per USD).
//!
//! Unit prices keep [`BASE_PRICE_DP`] decimals in the base currency and a chosen 2–6 decimals
//! in the quote currency; line amounts and totals round to the currency's minor unit with
//! [`crate::money::round`].

use crate::error::Invalid;
use crate::incoterms::Incoterm;
use crate::money::{Currency, Money, Percent, Quantity, UnitPrice, round, round_to};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Decimals kept in base-currency unit prices of the price stack.
pub const BASE_PRICE_DP: u32 = 6;

/// Insurance covers 110 % of the CIF value (Incoterms 2020 minimum cover).
pub fn insurance_cover_factor() -> Decimal {
    Decimal::new(11, 1)
}

/// Rebate per unit: purchase price incl. VAT ÷ (1 + VAT rate) × rebate rate.
pub fn export_rebate(
    purchase_incl_vat: Decimal,
    vat_rate: Percent,
    rebate_rate: Percent,
) -> Decimal {
    purchase_incl_vat / (Decimal::ONE + vat_rate.fraction()) * rebate_rate.fraction()
}

/// Export cost per unit: purchase price incl. VAT less the rebate.
pub fn export_cost(purchase_incl_vat: Decimal, vat_rate: Percent, rebate_rate: Percent) -> Decimal {
    purchase_incl_vat - export_rebate(purchase_incl_vat, vat_rate, rebate_rate)
}

/// The price that earns `margin` as gross margin on price: cost ÷ (1 − margin).
pub fn price_for_margin(cost: Decimal, margin: Percent) -> Result<Decimal, Invalid> {
    let m = margin.fraction();
    if m >= Decimal::ONE {
        return Err(Invalid::new(
            "margin_too_high",
            "a gross margin must be below 100%",
        ));
    }
    Ok(cost / (Decimal::ONE - m))
}

/// Gross margin on price in percent, (price − cost) ÷ price × 100, rounded to 2 decimals;
/// `None` when the price is zero (unknown, not infinite).
pub fn margin_percent(price: Decimal, cost: Decimal) -> Option<Decimal> {
    if price.is_zero() {
        None
    } else {
        Some(round_to((price - cost) / price * Decimal::ONE_HUNDRED, 2))
    }
}

/// What the builder needs for one product, per unit and in the base currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PriceInputs {
    pub purchase_price_incl_vat: Decimal,
    pub vat_rate: Percent,
    pub rebate_rate: Percent,
    /// Target gross margin on the EXW price.
    pub margin: Percent,
    /// Inland haulage, port, documentation and customs fees per unit (EXW → FOB).
    pub domestic_fees_per_unit: Decimal,
    /// Ocean freight per unit (FOB → CFR).
    pub freight_per_unit: Decimal,
    /// Insurance premium rate, such as 0.3 %.
    pub insurance_premium: Percent,
}

/// The price stack per unit in the base currency, each price rounded to [`BASE_PRICE_DP`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PriceStack {
    pub rebate: Decimal,
    pub export_cost: Decimal,
    pub exw: Decimal,
    pub fob: Decimal,
    pub cfr: Decimal,
    /// Insurance per unit included in CIF.
    pub insurance: Decimal,
    pub cif: Decimal,
    pub domestic_fees: Decimal,
    pub freight: Decimal,
}

impl PriceStack {
    /// Builds EXW, FOB, CFR and CIF from the inputs.
    pub fn build(i: &PriceInputs) -> Result<Self, Invalid> {
        for (v, what) in [
            (i.purchase_price_incl_vat, "purchase price"),
            (i.domestic_fees_per_unit, "domestic fees"),
            (i.freight_per_unit, "freight"),
        ] {
            if v.is_sign_negative() && !v.is_zero() {
                return Err(Invalid::new(
                    "negative_cost",
                    format!("the {what} cannot be negative"),
                ));
            }
        }
        let cover = insurance_cover_factor() * i.insurance_premium.fraction();
        if cover >= Decimal::ONE {
            return Err(Invalid::new(
                "premium_too_high",
                "the insurance premium rate is implausibly high",
            ));
        }
        let rebate = export_rebate(i.purchase_price_incl_vat, i.vat_rate, i.rebate_rate);
        let cost = i.purchase_price_incl_vat - rebate;
        let exw = price_for_margin(cost, i.margin)?;
        let fob = exw + i.domestic_fees_per_unit;
        let cfr = fob + i.freight_per_unit;
        let cif = cfr / (Decimal::ONE - cover);
        let r = |d: Decimal| round_to(d, BASE_PRICE_DP);
        Ok(Self {
            rebate: r(rebate),
            export_cost: r(cost),
            exw: r(exw),
            fob: r(fob),
            cfr: r(cfr),
            insurance: r(cif - cfr),
            cif: r(cif),
            domestic_fees: r(i.domestic_fees_per_unit),
            freight: r(i.freight_per_unit),
        })
    }

    /// The unit price for a rule: EXW; FCA/FAS/FOB use FOB; CPT/CFR use CFR; CIP/CIF use CIF.
    /// D rules need destination costs the builder does not know, so they give `None`.
    pub fn price_for(&self, rule: Incoterm) -> Option<Decimal> {
        match rule {
            Incoterm::Exw => Some(self.exw),
            Incoterm::Fca | Incoterm::Fas | Incoterm::Fob => Some(self.fob),
            Incoterm::Cpt | Incoterm::Cfr => Some(self.cfr),
            Incoterm::Cip | Incoterm::Cif => Some(self.cif),
            Incoterm::Dap | Incoterm::Dpu | Incoterm::Ddp => None,
        }
    }

    /// What one unit really costs the seller under a rule: export cost plus the fees, freight
    /// and insurance that rule makes the seller pay.
    pub fn cost_for(&self, rule: Incoterm) -> Option<Decimal> {
        let fob_cost = self.export_cost + self.domestic_fees;
        match rule {
            Incoterm::Exw => Some(self.export_cost),
            Incoterm::Fca | Incoterm::Fas | Incoterm::Fob => Some(fob_cost),
            Incoterm::Cpt | Incoterm::Cfr => Some(fob_cost + self.freight),
            Incoterm::Cip | Incoterm::Cif => Some(fob_cost + self.freight + self.insurance),
            Incoterm::Dap | Incoterm::Dpu | Incoterm::Ddp => None,
        }
    }
}

/// Converts a base-currency unit price into the quote currency at `rate` (base units per one
/// quote unit), rounded half away from zero to `dp` decimals (2 to 6).
pub fn to_quote_currency(base_price: Decimal, rate: Decimal, dp: u32) -> Result<Decimal, Invalid> {
    check_rate(rate)?;
    if !(2..=UnitPrice::MAX_DECIMALS).contains(&dp) {
        return Err(Invalid::new(
            "invalid_precision",
            "unit prices have 2 to 6 decimals",
        ));
    }
    Ok(round_to(base_price / rate, dp))
}

fn check_rate(rate: Decimal) -> Result<(), Invalid> {
    if rate <= Decimal::ZERO {
        return Err(Invalid::new(
            "invalid_rate",
            "an exchange rate must be greater than zero",
        ));
    }
    Ok(())
}

/// A quote line with what it earns, for the salesperson's eyes only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineMargin {
    pub quantity: Decimal,
    /// Unit price in the quote currency.
    pub unit_price: Decimal,
    /// Quantity × unit price in the quote currency, rounded to its minor unit.
    pub amount: Money,
    /// The amount in the base currency at the quote's rate, rounded.
    pub revenue_base: Money,
    /// Quantity × unit cost in the base currency, rounded.
    pub cost_base: Money,
    pub margin_base: Money,
    /// Gross margin on price in percent (2 decimals); `None` for a zero-priced line.
    pub margin_percent: Option<Decimal>,
}

/// The margin of a line whose price the salesperson has set (perhaps not the builder's).
///
/// `unit_cost_base` is the seller's full unit cost for the line's rule in the base currency
/// (see [`PriceStack::cost_for`]); `rate` is base units per quote unit.
pub fn line_margin(
    quantity: Quantity,
    unit_price: UnitPrice,
    quote_currency: Currency,
    rate: Decimal,
    unit_cost_base: Decimal,
    base: Currency,
) -> Result<LineMargin, Invalid> {
    check_rate(rate)?;
    let too_large = || Invalid::new("amount_out_of_range", "the amount is too large");
    let q = quantity.value();
    let amount = round(
        q.checked_mul(unit_price.value()).ok_or_else(too_large)?,
        quote_currency,
    );
    let revenue = round(amount.checked_mul(rate).ok_or_else(too_large)?, base);
    let cost = round(q.checked_mul(unit_cost_base).ok_or_else(too_large)?, base);
    Ok(LineMargin {
        quantity: q,
        unit_price: unit_price.value(),
        amount: Money::new(amount, quote_currency),
        revenue_base: Money::new(revenue, base),
        cost_base: Money::new(cost, base),
        margin_base: Money::new(revenue - cost, base),
        margin_percent: margin_percent(revenue, cost),
    })
}

/// Prices a line from the stack for `rule`, converted at `rate` and rounded to `dp` decimals.
pub fn price_line(
    stack: &PriceStack,
    rule: Incoterm,
    quantity: Quantity,
    quote_currency: Currency,
    rate: Decimal,
    dp: u32,
    base: Currency,
) -> Result<LineMargin, Invalid> {
    let unsupported = || {
        Invalid::new(
            "rule_not_priced",
            format!("the price builder stops at CIF/CIP; price {rule} by hand"),
        )
    };
    let base_price = stack.price_for(rule).ok_or_else(unsupported)?;
    let cost = stack.cost_for(rule).ok_or_else(unsupported)?;
    let unit = UnitPrice::new(to_quote_currency(base_price, rate, dp)?)?;
    line_margin(quantity, unit, quote_currency, rate, cost, base)
}

/// Totals of a quote's lines in the base currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MarginTotal {
    pub revenue_base: Money,
    pub cost_base: Money,
    pub margin_base: Money,
    pub margin_percent: Option<Decimal>,
}

/// Adds up line margins (already rounded per line); the percentage is recomputed from the
/// totals, never averaged.
pub fn total_margin(lines: &[LineMargin], base: Currency) -> Result<MarginTotal, Invalid> {
    let revenue = Money::sum(base, lines.iter().map(|l| l.revenue_base))?;
    let cost = Money::sum(base, lines.iter().map(|l| l.cost_base))?;
    Ok(MarginTotal {
        revenue_base: revenue,
        cost_base: cost,
        margin_base: revenue.checked_sub(cost)?,
        margin_percent: margin_percent(revenue.amount, cost.amount),
    })
}

/// The price builder's inputs for a whole quote, kept with the revision for the salesperson;
/// never printed on the buyer's documents. Fees and freight are for the whole shipment in the
/// base currency and are spread over the lines ([`spread_per_unit`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Costing {
    /// Target gross margin on the EXW price.
    pub margin: Percent,
    /// Inland haulage, port, customs and documents for the shipment (EXW → FOB).
    #[serde(with = "rust_decimal::serde::str")]
    pub domestic_fees: Decimal,
    /// Ocean freight for the shipment (FOB → CFR).
    #[serde(with = "rust_decimal::serde::str")]
    pub freight: Decimal,
    /// Insurance premium rate, such as 0.3 % (CIF/CIP).
    pub insurance_premium: Percent,
    /// Decimals of the builder's unit prices in the quote currency, 2 to 6.
    pub price_decimals: u32,
}

impl Default for Costing {
    fn default() -> Self {
        Self {
            margin: Percent::new(Decimal::from(15)).expect("15 % is a percentage"),
            domestic_fees: Decimal::ZERO,
            freight: Decimal::ZERO,
            insurance_premium: Percent::new(Decimal::new(3, 1)).expect("0.3 % is a percentage"),
            price_decimals: 2,
        }
    }
}

/// The builder's inputs as typed; empty strings take the defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CostingDraft {
    pub margin: String,
    pub domestic_fees: String,
    pub freight: String,
    pub insurance_premium: String,
    pub price_decimals: String,
}

impl CostingDraft {
    /// Checks every field at once; errors are keyed by field name.
    pub fn parse(&self) -> Result<Costing, crate::error::FieldErrors> {
        let d = Costing::default();
        let mut e = crate::error::FieldErrors::new();
        let pct = |s: &str, default: Percent| {
            if s.trim().is_empty() {
                Ok(default)
            } else {
                Percent::parse(s)
            }
        };
        let amount = |s: &str| -> Result<Decimal, Invalid> {
            if s.trim().is_empty() {
                return Ok(Decimal::ZERO);
            }
            let v = crate::money::parse_decimal(s)?;
            if v.is_sign_negative() && !v.is_zero() {
                return Err(Invalid::new("negative_cost", "a cost cannot be negative"));
            }
            Ok(v)
        };
        let margin = e.take(
            "margin",
            pct(&self.margin, d.margin).and_then(|m| {
                if m.value() >= Decimal::ONE_HUNDRED {
                    Err(Invalid::new(
                        "margin_too_high",
                        "a margin on price is below 100 %",
                    ))
                } else {
                    Ok(m)
                }
            }),
        );
        let domestic_fees = e.take("domestic_fees", amount(&self.domestic_fees));
        let freight = e.take("freight", amount(&self.freight));
        let insurance_premium = e.take(
            "insurance_premium",
            pct(&self.insurance_premium, d.insurance_premium).and_then(|p| {
                if insurance_cover_factor() * p.fraction() >= Decimal::ONE {
                    Err(Invalid::new(
                        "premium_too_high",
                        "the insurance premium rate is implausibly high",
                    ))
                } else {
                    Ok(p)
                }
            }),
        );
        let price_decimals = e.take(
            "price_decimals",
            match self.price_decimals.trim() {
                "" => Ok(d.price_decimals),
                s => s
                    .parse::<u32>()
                    .ok()
                    .filter(|n| (2..=UnitPrice::MAX_DECIMALS).contains(n))
                    .ok_or_else(|| {
                        Invalid::new("invalid_precision", "unit prices have 2 to 6 decimals")
                    }),
            },
        );
        if !e.is_empty() {
            return Err(e);
        }
        Ok(Costing {
            margin: margin.unwrap(),
            domestic_fees: domestic_fees.unwrap(),
            freight: freight.unwrap(),
            insurance_premium: insurance_premium.unwrap(),
            price_decimals: price_decimals.unwrap(),
        })
    }
}

impl From<&Costing> for CostingDraft {
    fn from(c: &Costing) -> Self {
        Self {
            margin: c.margin.value().normalize().to_string(),
            domestic_fees: c.domestic_fees.normalize().to_string(),
            freight: c.freight.normalize().to_string(),
            insurance_premium: c.insurance_premium.value().normalize().to_string(),
            price_decimals: c.price_decimals.to_string(),
        }
    }
}

/// Spreads a shipment cost over lines in proportion to `weight` (their volume, or their
/// purchase value when volumes are unknown) and returns it per unit of each line. Lines of zero
/// weight or quantity carry nothing; when every weight is zero nothing is spread.
pub fn spread_per_unit(total: Decimal, lines: &[(Decimal, Quantity)]) -> Vec<Decimal> {
    let sum: Decimal = lines.iter().map(|(w, _)| *w).sum();
    lines
        .iter()
        .map(|(w, q)| {
            if sum.is_zero() || w.is_zero() {
                Decimal::ZERO
            } else {
                total * *w / sum / q.value()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn p(s: &str) -> Percent {
        Percent::parse(s).unwrap()
    }

    fn inputs() -> PriceInputs {
        PriceInputs {
            purchase_price_incl_vat: d("113"),
            vat_rate: p("13"),
            rebate_rate: p("13"),
            margin: p("20"),
            domestic_fees_per_unit: d("5"),
            freight_per_unit: d("10"),
            insurance_premium: p("0.3"),
        }
    }

    #[test]
    fn a_full_rebate_on_113_incl_vat_leaves_an_export_cost_of_100() {
        assert_eq!(export_rebate(d("113"), p("13"), p("13")), d("13"));
        assert_eq!(export_cost(d("113"), p("13"), p("13")), d("100"));
        // A partial rebate: 9 % of the net price.
        assert_eq!(export_rebate(d("113"), p("13"), p("9")), d("9"));
        assert_eq!(export_rebate(d("113"), p("13"), p("0")), d("0"));
    }

    #[test]
    fn a_twenty_percent_margin_is_on_price_not_on_cost() {
        let price = price_for_margin(d("100"), p("20")).unwrap();
        assert_eq!(price, d("125"));
        assert_eq!(margin_percent(price, d("100")), Some(d("20.00")));
        assert_eq!(
            price_for_margin(d("100"), p("100")).unwrap_err().code,
            "margin_too_high"
        );
        assert_eq!(margin_percent(d("0"), d("5")), None);
    }

    #[test]
    fn the_stack_adds_fees_freight_and_self_covering_insurance() {
        let s = PriceStack::build(&inputs()).unwrap();
        assert_eq!(s.rebate, d("13"));
        assert_eq!(s.export_cost, d("100"));
        assert_eq!(s.exw, d("125"));
        assert_eq!(s.fob, d("130"));
        assert_eq!(s.cfr, d("140"));
        // 140 / (1 - 1.1 × 0.003) = 140.46352964…
        assert_eq!(s.cif, d("140.463530"));
        assert_eq!(s.insurance, d("0.463530"));
        // Insurance is 110 % of CIF × premium.
        let check = round_to(s.cif * d("1.1") * d("0.003"), 6);
        assert_eq!(check, s.insurance);
    }

    #[test]
    fn each_rule_picks_its_price_and_cost() {
        let s = PriceStack::build(&inputs()).unwrap();
        assert_eq!(s.price_for(Incoterm::Fca), Some(d("130")));
        assert_eq!(s.price_for(Incoterm::Cpt), Some(d("140")));
        assert_eq!(s.cost_for(Incoterm::Fob), Some(d("105")));
        assert_eq!(s.cost_for(Incoterm::Cif), Some(d("115.463530")));
        assert_eq!(s.price_for(Incoterm::Ddp), None);
    }

    #[test]
    fn a_fob_line_in_dollars_shows_its_true_margin_in_yuan() {
        let s = PriceStack::build(&inputs()).unwrap();
        let line = price_line(
            &s,
            Incoterm::Fob,
            Quantity::parse("1000").unwrap(),
            Currency::USD,
            d("7.1"),
            4,
            Currency::CNY,
        )
        .unwrap();
        assert_eq!(line.unit_price, d("18.3099"));
        assert_eq!(line.amount, Money::new(d("18309.90"), Currency::USD));
        assert_eq!(line.revenue_base.amount, d("130000.29"));
        assert_eq!(line.cost_base.amount, d("105000.00"));
        assert_eq!(line.margin_base.amount, d("25000.29"));
        assert_eq!(line.margin_percent, Some(d("19.23")));
    }

    #[test]
    fn totals_recompute_the_margin_from_sums() {
        let q = |s: &str| Quantity::parse(s).unwrap();
        let u = |s: &str| UnitPrice::parse(s).unwrap();
        let a = line_margin(
            q("100"),
            u("10"),
            Currency::USD,
            d("7"),
            d("56"),
            Currency::CNY,
        )
        .unwrap();
        let b = line_margin(
            q("10"),
            u("100"),
            Currency::USD,
            d("7"),
            d("630"),
            Currency::CNY,
        )
        .unwrap();
        assert_eq!(a.margin_percent, Some(d("20.00")));
        assert_eq!(b.margin_percent, Some(d("10.00")));
        let t = total_margin(&[a, b], Currency::CNY).unwrap();
        assert_eq!(t.revenue_base.amount, d("14000.00"));
        assert_eq!(t.margin_base.amount, d("2100.00"));
        assert_eq!(t.margin_percent, Some(d("15.00")));
    }

    #[test]
    fn bad_inputs_are_refused_with_a_reason() {
        let mut i = inputs();
        i.freight_per_unit = d("-1");
        assert_eq!(PriceStack::build(&i).unwrap_err().code, "negative_cost");
        let mut i = inputs();
        i.insurance_premium = p("95");
        assert_eq!(PriceStack::build(&i).unwrap_err().code, "premium_too_high");
        assert_eq!(
            to_quote_currency(d("1"), d("0"), 4).unwrap_err().code,
            "invalid_rate"
        );
        assert_eq!(
            to_quote_currency(d("1"), d("7"), 8).unwrap_err().code,
            "invalid_precision"
        );
        let s = PriceStack::build(&inputs()).unwrap();
        assert_eq!(
            price_line(
                &s,
                Incoterm::Dap,
                Quantity::parse("1").unwrap(),
                Currency::USD,
                d("7"),
                4,
                Currency::CNY
            )
            .unwrap_err()
            .code,
            "rule_not_priced"
        );
    }

    proptest! {
        #[test]
        fn the_stack_never_decreases_from_exw_to_cif(
            purchase in 1i64..10_000_000,
            margin in 0i64..9_000,
            fees in 0i64..100_000,
            freight in 0i64..100_000,
            premium in 0i64..100,
        ) {
            let i = PriceInputs {
                purchase_price_incl_vat: Decimal::new(purchase, 2),
                vat_rate: p("13"),
                rebate_rate: p("13"),
                margin: Percent::new(Decimal::new(margin, 2)).unwrap(),
                domestic_fees_per_unit: Decimal::new(fees, 2),
                freight_per_unit: Decimal::new(freight, 2),
                insurance_premium: Percent::new(Decimal::new(premium, 2)).unwrap(),
            };
            let s = PriceStack::build(&i).unwrap();
            prop_assert!(s.export_cost <= s.exw && s.exw <= s.fob && s.fob <= s.cfr && s.cfr <= s.cif);
            // The EXW price earns the target margin on price, to rounding.
            let m = (s.exw - s.export_cost) / s.exw * Decimal::ONE_HUNDRED;
            prop_assert!((m - i.margin.value()).abs() < d("0.001"));
        }
    }

    #[test]
    fn shipment_costs_are_spread_by_weight_and_come_back_whole() {
        let q = |n: i64| Quantity::new(Decimal::from(n)).unwrap();
        // 3 m³ and 1 m³ share 4,000: 3,000 over 100 units and 1,000 over 50.
        let per = spread_per_unit(d("4000"), &[(d("3"), q(100)), (d("1"), q(50))]);
        assert_eq!(per, vec![d("30"), d("20")]);
        assert_eq!(
            spread_per_unit(d("4000"), &[(d("0"), q(10))]),
            vec![Decimal::ZERO]
        );
    }

    #[test]
    fn the_costing_form_is_checked_field_by_field() {
        let c = CostingDraft::default().parse().unwrap();
        assert_eq!(c, Costing::default());
        let e = CostingDraft {
            margin: "100".into(),
            freight: "-5".into(),
            insurance_premium: "95".into(),
            price_decimals: "9".into(),
            ..Default::default()
        }
        .parse()
        .unwrap_err();
        let codes: Vec<&str> = e.0.values().map(|v| v.code).collect();
        assert_eq!(
            codes,
            [
                "negative_cost",
                "premium_too_high",
                "margin_too_high",
                "invalid_precision"
            ]
        );
        let back = CostingDraft::from(&c).parse().unwrap();
        assert_eq!(back, c);
    }

    proptest! {
        #[test]
        fn a_spread_cost_adds_up_to_the_total(
            total in 0u32..1_000_000,
            lines in prop::collection::vec((1u32..500, 1u32..10_000), 1..6),
        ) {
            let ls: Vec<(Decimal, Quantity)> = lines
                .iter()
                .map(|(w, q)| (Decimal::from(*w), Quantity::new(Decimal::from(*q)).unwrap()))
                .collect();
            let per = spread_per_unit(Decimal::from(total), &ls);
            let back: Decimal = per.iter().zip(&ls).map(|(p, (_, q))| *p * q.value()).sum();
            prop_assert!((back - Decimal::from(total)).abs() < Decimal::new(1, 6));
        }
    }
}
