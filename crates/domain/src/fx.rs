//! Exchange rates: dated rates with their source, the ECB reference-rate file, cross rates via
//! EUR, realised exchange gains and losses, and allocating a payment to open invoices.
//!
//! A [`Rate`] reads "1 `base` = `rate` `quote`": the rate a document freezes is base CNY per one
//! unit of its currency, e.g. `Rate { base: USD, quote: CNY, rate: 7.1 }`. The ECB publishes
//! "1 EUR = x units"; [`cross`] derives any pair from it, rounded half away from zero to
//! [`CROSS_RATE_DP`] decimals (8: enough that ten million JPY converts within a few fen).
//!
//! The ECB file is read with a small hand-written scanner rather than an XML crate: the format is
//! tiny and fixed, and the scanner can name the line of a problem. It checks that tags nest and
//! close, that attributes are quoted, that every rate sits inside a dated `Cube` and that every
//! number is a plain positive decimal. Currencies the euro replaced or the ECB stopped quoting
//! (CYP, EEK, HRK, BGN …, present in the historical file) are skipped; any other unknown code is
//! an error.

use crate::customer::code_enum;
use crate::error::Invalid;
use crate::money::{Currency, Money, round, round_to};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

mod ecb;

pub use ecb::parse_ecb_xml;

/// Decimals kept in a derived cross rate.
pub const CROSS_RATE_DP: u32 = 8;

code_enum!(
    /// Where a rate came from.
    RateSource, "invalid_rate_source" {
        Ecb = "ecb",
        EcbCross = "ecb_cross",
        Manual = "manual",
        Bank = "bank",
    }
);

/// 1 `base` = `rate` `quote`, on `date`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rate {
    pub base: Currency,
    pub quote: Currency,
    pub rate: Decimal,
    pub date: NaiveDate,
    pub source: RateSource,
}

impl Rate {
    /// Validates a rate: positive, between two different currencies.
    pub fn new(
        base: Currency,
        quote: Currency,
        rate: Decimal,
        date: NaiveDate,
        source: RateSource,
    ) -> Result<Self, Invalid> {
        check_positive_rate(rate)?;
        if base == quote {
            return Err(Invalid::new(
                "same_currency",
                "a rate needs two different currencies",
            ));
        }
        Ok(Self {
            base,
            quote,
            rate,
            date,
            source,
        })
    }

    /// Converts an amount in `base` into `quote`, unrounded.
    pub fn convert(&self, amount: Money) -> Result<Money, Invalid> {
        if amount.currency != self.base {
            return Err(Invalid::new(
                "currency_mismatch",
                format!("this rate converts {}, not {}", self.base, amount.currency),
            ));
        }
        Ok(Money::new(amount.amount * self.rate, self.quote))
    }

    /// The same rate read the other way round, rounded to [`CROSS_RATE_DP`].
    pub fn inverse(&self) -> Rate {
        Rate {
            base: self.quote,
            quote: self.base,
            rate: round_to(Decimal::ONE / self.rate, CROSS_RATE_DP),
            date: self.date,
            source: self.source,
        }
    }
}

fn check_positive_rate(rate: Decimal) -> Result<(), Invalid> {
    if rate <= Decimal::ZERO {
        return Err(Invalid::new(
            "invalid_rate",
            "an exchange rate must be greater than zero",
        ));
    }
    Ok(())
}

/// The EUR rates of the latest date on or before `date` (the ECB publishes on TARGET business
/// days only), or `None` when the data starts later.
pub fn eur_rates_on(
    rates: &[(NaiveDate, Currency, Decimal)],
    date: NaiveDate,
) -> Option<(NaiveDate, BTreeMap<Currency, Decimal>)> {
    let day = rates
        .iter()
        .map(|(d, _, _)| *d)
        .filter(|d| *d <= date)
        .max()?;
    let map = rates
        .iter()
        .filter(|(d, _, _)| *d == day)
        .map(|(_, c, r)| (*c, *r))
        .collect();
    Some((day, map))
}

/// Units of `to` per one `from`, derived from units-per-EUR rates: (to per EUR) ÷ (from per
/// EUR), rounded to [`CROSS_RATE_DP`] decimals. EUR itself is 1 and need not be in the map.
/// CNY per USD = (CNY per EUR) ÷ (USD per EUR).
pub fn cross(
    eur_rates: &BTreeMap<Currency, Decimal>,
    from: Currency,
    to: Currency,
) -> Result<Decimal, Invalid> {
    let per_eur = |c: Currency| {
        if c == Currency::EUR {
            return Ok(Decimal::ONE);
        }
        let r = eur_rates
            .get(&c)
            .copied()
            .ok_or_else(|| Invalid::new("rate_missing", format!("no EUR rate for {c}")))?;
        check_positive_rate(r).map(|_| r)
    };
    let (f, t) = (per_eur(from)?, per_eur(to)?);
    Ok(round_to(t / f, CROSS_RATE_DP))
}

/// A dated [`Rate`] "1 `from` = x `to`" from the ECB rates of `date`.
pub fn cross_rate(
    eur_rates: &BTreeMap<Currency, Decimal>,
    date: NaiveDate,
    from: Currency,
    to: Currency,
) -> Result<Rate, Invalid> {
    let source = if from == Currency::EUR || to == Currency::EUR {
        RateSource::Ecb
    } else {
        RateSource::EcbCross
    };
    Rate::new(from, to, cross(eur_rates, from, to)?, date, source)
}

/// Realised exchange gain (positive) or loss (negative) in the base currency on `amount` of a
/// foreign-currency invoice booked at `rate_invoice` and paid at `rate_receipt` (both base
/// units per foreign unit): amount × (rate_receipt − rate_invoice), rounded to the base
/// currency. Bank charges are never part of it; see [`settle`].
pub fn realised_fx_gain(
    amount: Money,
    rate_invoice: Decimal,
    rate_receipt: Decimal,
    base: Currency,
) -> Result<Money, Invalid> {
    check_positive_rate(rate_invoice)?;
    check_positive_rate(rate_receipt)?;
    if amount.currency == base && rate_invoice != rate_receipt {
        return Err(Invalid::new(
            "invalid_rate",
            "an amount in the base currency has no exchange difference",
        ));
    }
    let diff = amount
        .amount
        .checked_mul(rate_receipt - rate_invoice)
        .ok_or_else(|| Invalid::new("amount_out_of_range", "the amount is too large"))?;
    Ok(Money::new(round(diff, base), base))
}

/// What one bank receipt does to the books.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Settlement {
    /// What the buyer paid and the receivable drops by: received + bank charges.
    pub settled: Money,
    /// What reached our account, in the base currency at the receipt rate.
    pub received_base: Money,
    /// Charges deducted by the banks, an expense in the base currency at the receipt rate.
    pub bank_charges_base: Money,
    /// Realised exchange gain (positive) or loss on the settled amount.
    pub fx_gain: Money,
}

/// Books a receipt of `received` after the banks deducted `bank_charges` (same currency),
/// against an invoice booked at `rate_invoice`, received at `rate_receipt`.
pub fn settle(
    received: Money,
    bank_charges: Money,
    rate_invoice: Decimal,
    rate_receipt: Decimal,
    base: Currency,
) -> Result<Settlement, Invalid> {
    if bank_charges.is_negative() {
        return Err(Invalid::new(
            "negative_bank_charges",
            "bank charges cannot be negative",
        ));
    }
    if !received.is_positive() {
        return Err(Invalid::new(
            "payment_not_positive",
            "a payment must be greater than zero",
        ));
    }
    let settled = received.checked_add(bank_charges)?;
    let at_receipt = |m: Money| Money::new(round(m.amount * rate_receipt, base), base);
    Ok(Settlement {
        settled,
        received_base: at_receipt(received),
        bank_charges_base: at_receipt(bank_charges),
        fx_gain: realised_fx_gain(settled, rate_invoice, rate_receipt, base)?,
    })
}

/// A payment spread over open items, with what is left over as customer credit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Allocation<K> {
    /// Only items that received something, in the order given.
    pub allocations: Vec<(K, Money)>,
    pub credit: Money,
}

fn check_payment_and_open<K>(payment: Money, open: &[(K, Money)]) -> Result<(), Invalid> {
    if !payment.is_positive() {
        return Err(Invalid::new(
            "payment_not_positive",
            "a payment must be greater than zero",
        ));
    }
    for (_, o) in open {
        if o.currency != payment.currency {
            return Err(Invalid::new(
                "currency_mismatch",
                format!(
                    "a {} payment cannot settle a {} invoice",
                    payment.currency, o.currency
                ),
            ));
        }
        if o.is_negative() {
            return Err(Invalid::new(
                "negative_open_amount",
                "an open amount cannot be negative",
            ));
        }
    }
    Ok(())
}

/// Allocates `payment` to open items in the order given (oldest first, usually): each takes at
/// most its open amount; the remainder becomes customer credit. Allocated + credit = payment.
pub fn allocate<K: Clone>(payment: Money, open: &[(K, Money)]) -> Result<Allocation<K>, Invalid> {
    check_payment_and_open(payment, open)?;
    let mut left = payment.amount;
    let mut allocations = Vec::new();
    for (k, o) in open {
        if left.is_zero() {
            break;
        }
        let take = left.min(o.amount);
        if take > Decimal::ZERO {
            allocations.push((k.clone(), Money::new(take, payment.currency)));
            left -= take;
        }
    }
    Ok(Allocation {
        allocations,
        credit: Money::new(left, payment.currency),
    })
}

/// Checks allocations a user chose: each positive, to a known item, at most its open amount
/// (`allocation_exceeds_open`), together at most the payment (`allocation_exceeds_payment`).
pub fn allocate_manually<K: Clone + PartialEq + std::fmt::Debug>(
    payment: Money,
    open: &[(K, Money)],
    requested: &[(K, Money)],
) -> Result<Allocation<K>, Invalid> {
    check_payment_and_open(payment, open)?;
    let mut total = Money::zero(payment.currency);
    for (k, r) in requested {
        let (_, o) = open.iter().find(|(ok, _)| ok == k).ok_or_else(|| {
            Invalid::new("unknown_invoice", format!("{k:?} is not an open invoice"))
        })?;
        let already: Decimal = requested
            .iter()
            .filter(|(rk, _)| rk == k)
            .map(|(_, m)| m.amount)
            .sum();
        if !r.is_positive() || r.currency != payment.currency {
            return Err(Invalid::new(
                "invalid_allocation",
                format!("allocations are positive amounts in {}", payment.currency),
            ));
        }
        if already > o.amount {
            return Err(Invalid::new(
                "allocation_exceeds_open",
                format!(
                    "{k:?} has {} open, less than the {} allocated",
                    o.format_amount(),
                    Money::new(already, o.currency).format_amount()
                ),
            ));
        }
        total = total.checked_add(*r)?;
    }
    if total.amount > payment.amount {
        return Err(Invalid::new(
            "allocation_exceeds_payment",
            format!(
                "{} allocated from a payment of {}",
                total.format_amount(),
                payment.format_amount()
            ),
        ));
    }
    Ok(Allocation {
        allocations: requested.to_vec(),
        credit: payment.checked_sub(total)?,
    })
}

#[cfg(test)]
mod tests;
