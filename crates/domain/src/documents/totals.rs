//! Document totals: the one calculation every quote, order and invoice shares.
//!
//! Each line amount is quantity × unit price × (1 − discount), rounded to the currency's minor
//! unit half away from zero with [`crate::money::round`]. The subtotal is the sum of the
//! *rounded* lines (what the buyer can add up on paper), and
//! total = subtotal + freight + insurance + other − document discount, exactly.
//!
//! A foreign-currency document freezes its rate ([`FrozenRate`]: base units per one document
//! unit, such as 7.1 CNY per USD); its base-currency total is the document total × rate rounded to
//! the base currency, so base-currency reports never move when today's rate does. Because a PI,
//! a sales order and a commercial invoice made from the same lines call the same
//! [`Totals::compute`], they cannot disagree.

use super::lines::{Charges, DocumentDiscount, Line};
use crate::error::Invalid;
use crate::money::{Currency, Money, parse_decimal, round};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Most decimals a frozen rate keeps (the ECB cross rates have 8).
pub const RATE_MAX_DECIMALS: u32 = 10;

/// The rate a document freezes: `rate` base units per one document unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "FrozenRateRecord")]
pub struct FrozenRate {
    document: Currency,
    base: Currency,
    #[serde(with = "rust_decimal::serde::str")]
    rate: Decimal,
}

#[derive(Deserialize)]
struct FrozenRateRecord {
    document: Currency,
    base: Currency,
    #[serde(with = "rust_decimal::serde::str")]
    rate: Decimal,
}

impl TryFrom<FrozenRateRecord> for FrozenRate {
    type Error = Invalid;
    fn try_from(r: FrozenRateRecord) -> Result<Self, Invalid> {
        FrozenRate::new(r.document, r.base, r.rate)
    }
}

impl FrozenRate {
    /// A positive rate with at most [`RATE_MAX_DECIMALS`] decimals; exactly 1 when the document
    /// is in the base currency.
    pub fn new(document: Currency, base: Currency, rate: Decimal) -> Result<Self, Invalid> {
        if rate <= Decimal::ZERO {
            return Err(Invalid::new(
                "invalid_rate",
                "an exchange rate must be greater than zero",
            ));
        }
        if rate.normalize().scale() > RATE_MAX_DECIMALS {
            return Err(Invalid::new(
                "too_many_decimals",
                format!("a rate has at most {RATE_MAX_DECIMALS} decimals"),
            ));
        }
        if document == base && rate != Decimal::ONE {
            return Err(Invalid::new(
                "invalid_rate",
                format!("a {base} document in base currency {base} has rate 1"),
            ));
        }
        Ok(Self {
            document,
            base,
            rate: rate.normalize(),
        })
    }

    /// Parses a typed rate ("7.1", "7.10235").
    pub fn parse(document: Currency, base: Currency, s: &str) -> Result<Self, Invalid> {
        Self::new(document, base, parse_decimal(s)?)
    }

    /// The rate of a document in the base currency itself.
    pub fn identity(currency: Currency) -> Self {
        Self {
            document: currency,
            base: currency,
            rate: Decimal::ONE,
        }
    }

    pub fn document_currency(&self) -> Currency {
        self.document
    }

    pub fn base_currency(&self) -> Currency {
        self.base
    }

    /// Base units per one document unit.
    pub fn rate(&self) -> Decimal {
        self.rate
    }

    /// Converts a document-currency amount to the base currency, rounded to its minor unit.
    pub fn to_base(&self, amount: Money) -> Result<Money, Invalid> {
        if amount.currency != self.document {
            return Err(Invalid::new(
                "currency_mismatch",
                format!(
                    "this rate converts {}, not {}",
                    self.document, amount.currency
                ),
            ));
        }
        let a = amount
            .amount
            .checked_mul(self.rate)
            .ok_or_else(|| Invalid::new("amount_out_of_range", "the amount is too large"))?;
        Ok(Money::new(round(a, self.base), self.base))
    }
}

/// The totals of a document, every amount rounded to the currency's minor unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub currency: Currency,
    /// Each line's rounded amount, in line order.
    pub lines: Vec<Money>,
    /// Σ rounded line amounts.
    pub subtotal: Money,
    pub freight: Money,
    pub insurance: Money,
    pub other_charges: Money,
    pub discount: Money,
    /// subtotal + charges − discount.
    pub total: Money,
}

impl Totals {
    /// Computes the totals of `lines` in `currency` with `charges` and `discount`.
    ///
    /// Refused: charges or an amount discount in another currency (`currency_mismatch`) and a
    /// discount larger than subtotal plus charges (`discount_too_large`): a document never has
    /// a negative total; money owed back is a credit note.
    pub fn compute(
        currency: Currency,
        lines: &[Line],
        charges: &Charges,
        discount: DocumentDiscount,
    ) -> Result<Totals, Invalid> {
        if charges.currency() != currency {
            return Err(Invalid::new(
                "currency_mismatch",
                format!(
                    "the charges are in {}, the document in {currency}",
                    charges.currency()
                ),
            ));
        }
        let amounts = lines
            .iter()
            .map(|l| l.amount(currency))
            .collect::<Result<Vec<_>, _>>()?;
        let subtotal = Money::sum(currency, amounts.iter().copied())?.rounded();
        let discount = discount.amount_on(subtotal)?;
        let total = subtotal
            .checked_add(charges.total())?
            .checked_sub(discount)?
            .rounded();
        if total.is_negative() {
            return Err(Invalid::new(
                "discount_too_large",
                format!(
                    "the discount of {discount} is more than the {} the document adds up to",
                    subtotal.checked_add(charges.total())?
                ),
            ));
        }
        Ok(Totals {
            currency,
            lines: amounts,
            subtotal,
            freight: charges.freight(),
            insurance: charges.insurance(),
            other_charges: charges.other(),
            discount,
            total,
        })
    }

    /// freight + insurance + other.
    pub fn charges(&self) -> Money {
        Money::new(
            self.freight.amount + self.insurance.amount + self.other_charges.amount,
            self.currency,
        )
    }

    /// The total in the base currency at the document's frozen rate, rounded to the base
    /// currency. (Converted once from the total, never summed from converted lines.)
    pub fn base_total(&self, rate: &FrozenRate) -> Result<Money, Invalid> {
        rate.to_base(self.total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::{Percent, Quantity, UnitPrice};
    use proptest::prelude::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn line(qty: &str, price: &str, discount: &str) -> Line {
        Line::new(
            None,
            "SKU-1",
            "",
            Quantity::new(d(qty)).unwrap(),
            "pcs",
            UnitPrice::new(d(price)).unwrap(),
            Percent::new(d(discount)).unwrap(),
        )
        .unwrap()
    }

    fn charges(c: Currency, f: &str, i: &str, o: &str) -> Charges {
        Charges::new(
            Money::new(d(f), c),
            Money::new(d(i), c),
            Money::new(d(o), c),
        )
        .unwrap()
    }

    #[test]
    fn the_total_adds_rounded_lines_and_charges_and_takes_off_the_discount() {
        let lines = [line("1000", "0.0125", "0"), line("3", "10.005", "0")];
        let t = Totals::compute(
            Currency::USD,
            &lines,
            &charges(Currency::USD, "100", "12.5", "0"),
            DocumentDiscount::Amount(Money::new(d("2.5"), Currency::USD)),
        )
        .unwrap();
        // 12.50 + 30.015 → 30.02; subtotal 42.52; + 112.50 − 2.50.
        assert_eq!(t.lines[1].amount, d("30.02"));
        assert_eq!(t.subtotal.amount, d("42.52"));
        assert_eq!(t.total.amount, d("152.52"));
        assert_eq!(t.total.amount.scale(), 2);
    }

    #[test]
    fn the_subtotal_is_the_sum_of_rounded_lines_not_the_rounded_sum() {
        // Three lines of 0.005 each: rounded lines give 0.03, the rounded sum would give 0.02.
        let lines = [
            line("1", "0.005", "0"),
            line("1", "0.005", "0"),
            line("1", "0.005", "0"),
        ];
        let t = Totals::compute(
            Currency::USD,
            &lines,
            &Charges::none(Currency::USD),
            DocumentDiscount::None,
        )
        .unwrap();
        assert_eq!(t.total.amount, d("0.03"));
    }

    #[test]
    fn a_discount_larger_than_the_document_is_refused() {
        let e = Totals::compute(
            Currency::USD,
            &[line("1", "10", "0")],
            &charges(Currency::USD, "5", "0", "0"),
            DocumentDiscount::Amount(Money::new(d("15.01"), Currency::USD)),
        )
        .unwrap_err();
        assert_eq!(e.code, "discount_too_large");
    }

    #[test]
    fn charges_in_another_currency_are_refused() {
        let e = Totals::compute(
            Currency::USD,
            &[line("1", "10", "0")],
            &Charges::none(Currency::EUR),
            DocumentDiscount::None,
        )
        .unwrap_err();
        assert_eq!(e.code, "currency_mismatch");
    }

    #[test]
    fn the_base_total_uses_the_frozen_rate_and_rounds_to_the_base_currency() {
        let t = Totals::compute(
            Currency::USD,
            &[line("3", "10.01", "0")],
            &Charges::none(Currency::USD),
            DocumentDiscount::None,
        )
        .unwrap();
        let rate = FrozenRate::parse(Currency::USD, Currency::CNY, "7.12345").unwrap();
        // 30.03 × 7.12345 = 213.9172035 → 213.92.
        assert_eq!(t.base_total(&rate).unwrap().amount, d("213.92"));
        let jpy = FrozenRate::parse(Currency::USD, Currency::JPY, "151.5").unwrap();
        assert_eq!(t.base_total(&jpy).unwrap().amount, d("4550"));
        let wrong = FrozenRate::parse(Currency::EUR, Currency::CNY, "7.8").unwrap();
        assert_eq!(t.base_total(&wrong).unwrap_err().code, "currency_mismatch");
    }

    #[test]
    fn a_frozen_rate_is_positive_and_one_for_the_base_currency_itself() {
        let bad = |doc, s| FrozenRate::parse(doc, Currency::CNY, s).unwrap_err().code;
        assert_eq!(bad(Currency::USD, "0"), "invalid_rate");
        assert_eq!(bad(Currency::USD, "-7"), "invalid_rate");
        assert_eq!(bad(Currency::CNY, "1.1"), "invalid_rate");
        assert_eq!(bad(Currency::USD, "7.12345678901"), "too_many_decimals");
        assert!(FrozenRate::parse(Currency::CNY, Currency::CNY, "1.000").is_ok());
        let r = FrozenRate::parse(Currency::USD, Currency::CNY, "7.10").unwrap();
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(json, r#"{"document":"USD","base":"CNY","rate":"7.1"}"#);
        assert_eq!(serde_json::from_str::<FrozenRate>(&json).unwrap(), r);
        let tampered = json.replace("7.1", "-1");
        assert!(serde_json::from_str::<FrozenRate>(&tampered).is_err());
    }

    fn any_line() -> impl Strategy<Value = Line> {
        (
            1i64..1_000_000,
            0u32..=3,
            0i64..100_000_000,
            0u32..=6,
            0i64..=10_000,
        )
            .prop_map(|(q, qs, p, ps, disc)| {
                Line::new(
                    None,
                    "SKU",
                    "",
                    Quantity::new(Decimal::new(q, qs)).unwrap(),
                    "pcs",
                    UnitPrice::new(Decimal::new(p, ps)).unwrap(),
                    Percent::new(Decimal::new(disc, 2)).unwrap(),
                )
                .unwrap()
            })
    }

    fn any_charges(c: Currency) -> impl Strategy<Value = Charges> {
        let mu = c.minor_units();
        (0i64..10_000_000, 0i64..1_000_000, 0i64..1_000_000).prop_map(move |(f, i, o)| {
            Charges::new(
                Money::new(Decimal::new(f, mu), c),
                Money::new(Decimal::new(i, mu), c),
                Money::new(Decimal::new(o, mu), c),
            )
            .unwrap()
        })
    }

    fn any_currency() -> impl Strategy<Value = Currency> {
        prop::sample::select(vec![
            Currency::USD,
            Currency::JPY,
            Currency::KWD,
            Currency::CNY,
            Currency::EUR,
        ])
    }

    fn case() -> impl Strategy<Value = (Currency, Vec<Line>, Charges, u32)> {
        any_currency().prop_flat_map(|c| {
            (
                Just(c),
                prop::collection::vec(any_line(), 0..8),
                any_charges(c),
                0u32..=100,
            )
        })
    }

    proptest! {
        #[test]
        fn the_total_is_exactly_the_rounded_lines_plus_charges_minus_the_discount(
            (c, lines, ch, pct) in case()
        ) {
            let disc = DocumentDiscount::Percent(Percent::new(Decimal::from(pct)).unwrap());
            let t = Totals::compute(c, &lines, &ch, disc).unwrap();
            let rounded: Decimal = lines
                .iter()
                .map(|l| round(l.quantity().value() * l.unit_price().value()
                    * (Decimal::ONE - l.discount().fraction()), c))
                .sum();
            prop_assert_eq!(t.subtotal.amount, rounded);
            let expected = rounded + ch.freight().amount + ch.insurance().amount
                + ch.other().amount - t.discount.amount;
            prop_assert_eq!(t.total.amount, expected);
            prop_assert_eq!(t.total.amount, t.subtotal.amount + t.charges().amount - t.discount.amount);
            prop_assert!(t.discount.amount <= t.subtotal.amount);
        }

        #[test]
        fn every_amount_has_exactly_the_currencys_decimals((c, lines, ch, pct) in case()) {
            let disc = DocumentDiscount::Percent(Percent::new(Decimal::from(pct)).unwrap());
            let t = Totals::compute(c, &lines, &ch, disc).unwrap();
            let mu = c.minor_units();
            for m in t.lines.iter().chain([&t.subtotal, &t.discount, &t.total]) {
                prop_assert_eq!(m.amount.scale(), mu);
            }
            if c == Currency::JPY {
                prop_assert_eq!(t.total.amount.fract(), Decimal::ZERO);
            }
            if c == Currency::KWD {
                prop_assert_eq!(t.total.amount.scale(), 3);
            }
        }

        #[test]
        fn a_fixed_discount_up_to_the_subtotal_is_taken_off_exactly(
            (c, lines, ch, _p) in case(), share in 0u32..=100
        ) {
            let base = Totals::compute(c, &lines, &ch, DocumentDiscount::None).unwrap();
            let off = round(base.subtotal.amount * Decimal::from(share) / Decimal::ONE_HUNDRED, c);
            let t = Totals::compute(c, &lines, &ch, DocumentDiscount::Amount(Money::new(off, c)))
                .unwrap();
            prop_assert_eq!(t.total.amount, base.total.amount - off);
        }

        #[test]
        fn jpy_and_kwd_base_totals_round_to_their_own_minor_units(
            (c, lines, ch, _p) in case(), r in 1i64..100_000_000
        ) {
            let t = Totals::compute(c, &lines, &ch, DocumentDiscount::None).unwrap();
            for base in [Currency::JPY, Currency::KWD, Currency::CNY] {
                let rate = if base == c {
                    FrozenRate::identity(c)
                } else {
                    FrozenRate::new(c, base, Decimal::new(r, 6)).unwrap()
                };
                let b = t.base_total(&rate).unwrap();
                prop_assert_eq!(b.currency, base);
                prop_assert_eq!(b.amount.scale(), base.minor_units());
                prop_assert_eq!(b.amount, round(t.total.amount * rate.rate(), base));
            }
        }
    }
}
