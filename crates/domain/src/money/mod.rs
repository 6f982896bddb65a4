//! Money as exact decimals in an ISO 4217 currency, and the one rounding rule every document uses.
//!
//! Floats never hold money here. An amount keeps whatever precision its calculation produced
//! (a line of 1,000 × USD 0.0125) until a document rounds it with [`round`]: the currency's minor
//! unit (JPY 0, USD 2, KWD 3), half away from zero. `Decimal::round_dp` is banker's rounding and
//! must not be used for money; [`round`] is the only place that rounds amounts.
//!
//! Values typed by a user are parsed strictly at the edge ([`parse_decimal`]): digits, an
//! optional leading minus, an optional decimal point and well-placed thousands commas. Exponents,
//! `NaN`, spaces inside the number and stray characters are refused rather than guessed at.

mod currencies;
mod words;

use crate::error::Invalid;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

pub use words::amount_in_words;

/// One row of the ISO 4217 table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CurrencyInfo {
    pub code: &'static str,
    pub numeric: u16,
    /// Digits after the decimal point in amounts (JPY 0, USD 2, KWD 3).
    pub minor_units: u32,
    pub en: &'static str,
    /// Chinese name, empty when the table has none (use [`Currency::name_zh`]).
    pub zh: &'static str,
}

/// An ISO 4217 currency in active use. Only [`Currency::parse`] and the constants make one, so
/// every `Currency` is in the table.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency([u8; 3]);

impl Currency {
    pub const CNY: Currency = Currency(*b"CNY");
    pub const USD: Currency = Currency(*b"USD");
    pub const EUR: Currency = Currency(*b"EUR");
    pub const GBP: Currency = Currency(*b"GBP");
    pub const JPY: Currency = Currency(*b"JPY");
    pub const HKD: Currency = Currency(*b"HKD");
    pub const AUD: Currency = Currency(*b"AUD");
    pub const CAD: Currency = Currency(*b"CAD");
    pub const CHF: Currency = Currency(*b"CHF");
    pub const KRW: Currency = Currency(*b"KRW");
    pub const KWD: Currency = Currency(*b"KWD");
    pub const BHD: Currency = Currency(*b"BHD");
    pub const AED: Currency = Currency(*b"AED");
    pub const SAR: Currency = Currency(*b"SAR");
    pub const RUB: Currency = Currency(*b"RUB");
    pub const INR: Currency = Currency(*b"INR");
    pub const VND: Currency = Currency(*b"VND");

    /// Parses a three-letter code, ignoring case and surrounding white space.
    pub fn parse(s: &str) -> Result<Self, Invalid> {
        let t = s.trim();
        let upper = t.to_ascii_uppercase();
        currencies::CURRENCIES
            .binary_search_by(|c| c.code.cmp(upper.as_str()))
            .map(|i| {
                let b = currencies::CURRENCIES[i].code.as_bytes();
                Currency([b[0], b[1], b[2]])
            })
            .map_err(|_| {
                Invalid::new(
                    "unknown_currency",
                    format!("{t:?} is not an ISO 4217 currency code"),
                )
            })
    }

    /// Every currency in the table, sorted by code.
    pub fn all() -> impl Iterator<Item = Currency> {
        currencies::CURRENCIES.iter().map(|c| {
            let b = c.code.as_bytes();
            Currency([b[0], b[1], b[2]])
        })
    }

    pub fn info(self) -> &'static CurrencyInfo {
        let i = currencies::CURRENCIES
            .binary_search_by(|c| c.code.as_bytes().cmp(&self.0[..]))
            .expect("a Currency is only made from the table");
        &currencies::CURRENCIES[i]
    }

    pub fn code(self) -> &'static str {
        self.info().code
    }

    pub fn numeric(self) -> u16 {
        self.info().numeric
    }

    pub fn minor_units(self) -> u32 {
        self.info().minor_units
    }

    pub fn name_en(self) -> &'static str {
        self.info().en
    }

    /// The Chinese name, or the English one when the table has no Chinese name.
    pub fn name_zh(self) -> &'static str {
        let i = self.info();
        if i.zh.is_empty() { i.en } else { i.zh }
    }

    /// One minor unit as a decimal: 0.01 for USD, 1 for JPY, 0.001 for KWD.
    pub fn minor_unit(self) -> Decimal {
        Decimal::new(1, self.minor_units())
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Currency {
    type Err = Invalid;
    fn from_str(s: &str) -> Result<Self, Invalid> {
        Currency::parse(s)
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Currency::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// THE rounding function for money: the currency's minor unit, half away from zero.
///
/// The result always carries exactly `minor_units` decimals (`12.5` USD becomes `12.50`), so
/// stored and displayed amounts look the same.
pub fn round(amount: Decimal, currency: Currency) -> Decimal {
    round_to(amount, currency.minor_units())
}

/// Half-away-from-zero rounding to `dp` decimals with exactly `dp` decimals kept; used for unit
/// prices and rates, whose precision is not a currency's minor unit.
pub fn round_to(amount: Decimal, dp: u32) -> Decimal {
    let mut r = amount.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(dp);
    r
}

/// The largest magnitude accepted from a user: far above any invoice, far below overflow.
const MAX_INTEGER_DIGITS: usize = 15;
const MAX_FRACTION_DIGITS: usize = 12;

/// Parses a decimal string strictly: `1234.5`, `-1,234.50`, `0.0125`.
///
/// Thousands commas are allowed only in their proper places (`1,234,567`, not `12,34`). An
/// exponent, `NaN`, `inf`, a plus sign, spaces inside the number or more than 15 integer or 12
/// fraction digits are refused with code `invalid_number`.
pub fn parse_decimal(s: &str) -> Result<Decimal, Invalid> {
    let t = s.trim();
    let bad = |why: &str| Invalid::new("invalid_number", format!("{t:?} is not a number: {why}"));
    if t.is_empty() {
        return Err(Invalid::new("required", "this field is required"));
    }
    let (neg, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let (int_part, frac_part) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if int_part.is_empty() {
        return Err(bad("digits are needed before the decimal point"));
    }
    let groups: Vec<&str> = int_part.split(',').collect();
    if groups.len() > 1 {
        let first_ok = (1..=3).contains(&groups[0].len());
        let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
        if !first_ok || !rest_ok {
            return Err(bad("thousands separators are misplaced"));
        }
    }
    let digits: String = groups.concat();
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad(
            "only digits, one decimal point and thousands commas are allowed",
        ));
    }
    if digits.trim_start_matches('0').len() > MAX_INTEGER_DIGITS {
        return Err(bad("too large"));
    }
    let mut canonical = String::with_capacity(t.len());
    if neg {
        canonical.push('-');
    }
    canonical.push_str(&digits);
    if let Some(f) = frac_part {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad("digits are needed after the decimal point"));
        }
        if f.len() > MAX_FRACTION_DIGITS {
            return Err(bad("too many decimals"));
        }
        canonical.push('.');
        canonical.push_str(f);
    }
    Decimal::from_str_exact(&canonical).map_err(|_| bad("out of range"))
}

/// An amount of money. The amount is exact and not necessarily rounded: documents round lines
/// and totals with [`round`] / [`Money::rounded`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    /// A decimal string in JSON ("12.50"); a JSON number is refused so no float creeps in.
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    pub currency: Currency,
}

impl Money {
    pub fn new(amount: Decimal, currency: Currency) -> Self {
        Self { amount, currency }
    }

    pub fn zero(currency: Currency) -> Self {
        Self::new(Decimal::ZERO, currency)
    }

    /// Parses a user-typed amount with [`parse_decimal`]; it is not rounded here.
    pub fn parse(amount: &str, currency: Currency) -> Result<Self, Invalid> {
        parse_decimal(amount).map(|a| Self::new(a, currency))
    }

    /// The amount rounded to the currency's minor unit with [`round`].
    pub fn rounded(self) -> Self {
        Self::new(round(self.amount, self.currency), self.currency)
    }

    pub fn is_zero(self) -> bool {
        self.amount.is_zero()
    }

    pub fn is_negative(self) -> bool {
        self.amount.is_sign_negative() && !self.amount.is_zero()
    }

    pub fn is_positive(self) -> bool {
        self.amount.is_sign_positive() && !self.amount.is_zero()
    }

    fn same_currency(self, other: Money) -> Result<(), Invalid> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(Invalid::new(
                "currency_mismatch",
                format!(
                    "cannot combine {} with {}",
                    self.currency.code(),
                    other.currency.code()
                ),
            ))
        }
    }

    /// Adds two amounts of the same currency; code `currency_mismatch` otherwise.
    pub fn checked_add(self, other: Money) -> Result<Money, Invalid> {
        self.same_currency(other)?;
        let a = self.amount.checked_add(other.amount).ok_or_else(overflow)?;
        Ok(Money::new(a, self.currency))
    }

    /// Subtracts an amount of the same currency; code `currency_mismatch` otherwise.
    pub fn checked_sub(self, other: Money) -> Result<Money, Invalid> {
        self.same_currency(other)?;
        let a = self.amount.checked_sub(other.amount).ok_or_else(overflow)?;
        Ok(Money::new(a, self.currency))
    }

    /// Multiplies by a factor (a quantity, a percentage as a fraction); not rounded.
    pub fn times(self, factor: Decimal) -> Result<Money, Invalid> {
        let a = self.amount.checked_mul(factor).ok_or_else(overflow)?;
        Ok(Money::new(a, self.currency))
    }

    pub fn negated(self) -> Money {
        Money::new(-self.amount, self.currency)
    }

    /// Sums amounts that must all be in `currency`.
    pub fn sum<I: IntoIterator<Item = Money>>(
        currency: Currency,
        items: I,
    ) -> Result<Money, Invalid> {
        items
            .into_iter()
            .try_fold(Money::zero(currency), Money::checked_add)
    }

    /// Sums the amounts after rounding each one: a document total is the sum of rounded lines,
    /// never the rounded sum of unrounded lines.
    pub fn sum_rounded<I: IntoIterator<Item = Money>>(
        currency: Currency,
        items: I,
    ) -> Result<Money, Invalid> {
        Money::sum(currency, items.into_iter().map(Money::rounded))
    }

    /// The amount rounded and formatted with thousands separators: `12,345.67`, `1,235` (JPY).
    pub fn format_amount(self) -> String {
        format_amount(self.amount, self.currency)
    }
}

fn overflow() -> Invalid {
    Invalid::new("amount_out_of_range", "the amount is too large")
}

/// `USD 12,345.67`: code, space, rounded amount with thousands separators.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.currency.code(), self.format_amount())
    }
}

/// Rounds `amount` to the currency and formats it with thousands commas and exactly the minor
/// unit's decimals: `-1,234.50` USD, `1,235` JPY, `0.125` KWD.
pub fn format_amount(amount: Decimal, currency: Currency) -> String {
    format_decimal(round(amount, currency))
}

/// Formats a decimal with thousands commas, keeping its scale as it is.
pub fn format_decimal(d: Decimal) -> String {
    let s = d.abs().to_string();
    let (int_part, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    let mut out = String::with_capacity(s.len() + s.len() / 3 + 1);
    if d.is_sign_negative() && !d.is_zero() {
        out.push('-');
    }
    let len = int_part.len();
    for (i, ch) in int_part.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(&f);
    }
    out
}

/// A price per unit: non-negative, at most 6 decimals (USD 0.0125 per screw is normal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct UnitPrice(Decimal);

impl UnitPrice {
    pub const MAX_DECIMALS: u32 = 6;

    pub fn new(d: Decimal) -> Result<Self, Invalid> {
        if d.is_sign_negative() && !d.is_zero() {
            return Err(Invalid::new(
                "negative_price",
                "a unit price cannot be negative",
            ));
        }
        if d.normalize().scale() > Self::MAX_DECIMALS {
            return Err(Invalid::new(
                "too_many_decimals",
                format!("a unit price has at most {} decimals", Self::MAX_DECIMALS),
            ));
        }
        Ok(Self(d.normalize()))
    }

    pub fn parse(s: &str) -> Result<Self, Invalid> {
        Self::new(parse_decimal(s)?)
    }

    pub fn value(self) -> Decimal {
        self.0
    }
}

impl<'de> Deserialize<'de> for UnitPrice {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        UnitPrice::new(rust_decimal::serde::str::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// A quantity ordered or shipped: positive, at most 3 decimals (metres, kilograms).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Quantity(Decimal);

impl Quantity {
    pub const MAX_DECIMALS: u32 = 3;

    pub fn new(d: Decimal) -> Result<Self, Invalid> {
        if d.is_sign_negative() || d.is_zero() {
            return Err(Invalid::new(
                "quantity_not_positive",
                "a quantity must be greater than zero",
            ));
        }
        if d.normalize().scale() > Self::MAX_DECIMALS {
            return Err(Invalid::new(
                "too_many_decimals",
                format!("a quantity has at most {} decimals", Self::MAX_DECIMALS),
            ));
        }
        Ok(Self(d.normalize()))
    }

    pub fn parse(s: &str) -> Result<Self, Invalid> {
        Self::new(parse_decimal(s)?)
    }

    pub fn value(self) -> Decimal {
        self.0
    }
}

impl<'de> Deserialize<'de> for Quantity {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Quantity::new(rust_decimal::serde::str::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// A percentage between 0 and 100 inclusive with at most 4 decimals, stored in percent
/// (`13` means 13 %). Discounts, VAT and rebate rates, margins and premium rates use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Percent(Decimal);

impl Percent {
    pub const MAX_DECIMALS: u32 = 4;
    pub const ZERO: Percent = Percent(Decimal::ZERO);
    pub const HUNDRED: Percent = Percent(Decimal::ONE_HUNDRED);

    pub fn new(d: Decimal) -> Result<Self, Invalid> {
        if d.is_sign_negative() && !d.is_zero() || d > Decimal::ONE_HUNDRED {
            return Err(Invalid::new(
                "percent_out_of_range",
                "a percentage is between 0 and 100",
            ));
        }
        if d.normalize().scale() > Self::MAX_DECIMALS {
            return Err(Invalid::new(
                "too_many_decimals",
                format!("a percentage has at most {} decimals", Self::MAX_DECIMALS),
            ));
        }
        Ok(Self(d.normalize()))
    }

    /// Parses `13`, `13%`, `13.5 %` or `0.3%`.
    pub fn parse(s: &str) -> Result<Self, Invalid> {
        let t = s.trim();
        let t = t
            .strip_suffix('%')
            .or_else(|| t.strip_suffix('％'))
            .unwrap_or(t);
        Self::new(parse_decimal(t)?)
    }

    /// The value in percent: 13 for 13 %.
    pub fn value(self) -> Decimal {
        self.0
    }

    /// The value as a fraction: 0.13 for 13 %.
    pub fn fraction(self) -> Decimal {
        self.0 / Decimal::ONE_HUNDRED
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.0.normalize())
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Percent::new(rust_decimal::serde::str::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// A document line: quantity × unit price less a discount, rounded to the currency.
pub fn line_amount(
    quantity: Quantity,
    price: UnitPrice,
    discount: Percent,
    currency: Currency,
) -> Result<Money, Invalid> {
    let gross = quantity
        .value()
        .checked_mul(price.value())
        .ok_or_else(overflow)?;
    let off = gross
        .checked_mul(discount.fraction())
        .ok_or_else(overflow)?;
    Ok(Money::new(gross - off, currency).rounded())
}

#[cfg(test)]
mod tests;
