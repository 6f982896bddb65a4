//! Receivables aging: how long open invoice amounts have been overdue, per currency.
//!
//! Each open amount falls in one bucket by days past its due date as of `today`: not due
//! (due today or later), 1–30, 31–60, 61–90 and more than 90 days. Amounts are summed exactly
//! per currency (never converted, never rounded again), so a row adds up to the open balance in
//! that currency to the last cent; a base-currency view converts at each invoice's frozen rate
//! before calling this, and passes the base amounts in.

use crate::customer::code_enum;
use crate::money::{Currency, Money};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

code_enum!(
    /// An aging bucket.
    AgingBucket, "invalid_aging_bucket" {
        NotDue = "not_due",
        Days1To30 = "days_1_30",
        Days31To60 = "days_31_60",
        Days61To90 = "days_61_90",
        Over90 = "over_90",
    }
);

impl AgingBucket {
    /// The bucket for a number of days overdue (zero or negative: not due).
    pub fn for_days_overdue(days: i64) -> Self {
        match days {
            ..=0 => AgingBucket::NotDue,
            1..=30 => AgingBucket::Days1To30,
            31..=60 => AgingBucket::Days31To60,
            61..=90 => AgingBucket::Days61To90,
            _ => AgingBucket::Over90,
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            AgingBucket::NotDue => "Not due",
            AgingBucket::Days1To30 => "1-30 days",
            AgingBucket::Days31To60 => "31-60 days",
            AgingBucket::Days61To90 => "61-90 days",
            AgingBucket::Over90 => "Over 90 days",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            AgingBucket::NotDue => "未到期",
            AgingBucket::Days1To30 => "逾期1-30天",
            AgingBucket::Days31To60 => "逾期31-60天",
            AgingBucket::Days61To90 => "逾期61-90天",
            AgingBucket::Over90 => "逾期90天以上",
        }
    }
}

/// Days past `due_date` as of `today`: 0 on the due date, negative before it.
pub fn days_overdue(due_date: NaiveDate, today: NaiveDate) -> i64 {
    (today - due_date).num_days()
}

pub fn bucket(due_date: NaiveDate, today: NaiveDate) -> AgingBucket {
    AgingBucket::for_days_overdue(days_overdue(due_date, today))
}

/// One open amount and when it was due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Receivable {
    pub due_date: NaiveDate,
    /// What is still open; an unapplied credit (negative) reduces its bucket.
    pub open: Money,
}

/// The aging of one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgingRow {
    pub currency: Currency,
    pub not_due: Money,
    pub days_1_30: Money,
    pub days_31_60: Money,
    pub days_61_90: Money,
    pub over_90: Money,
    /// The sum of the five buckets: the open balance in this currency.
    pub total: Money,
}

impl AgingRow {
    fn empty(currency: Currency) -> Self {
        let z = Money::zero(currency);
        Self {
            currency,
            not_due: z,
            days_1_30: z,
            days_31_60: z,
            days_61_90: z,
            over_90: z,
            total: z,
        }
    }

    pub fn get(&self, b: AgingBucket) -> Money {
        match b {
            AgingBucket::NotDue => self.not_due,
            AgingBucket::Days1To30 => self.days_1_30,
            AgingBucket::Days31To60 => self.days_31_60,
            AgingBucket::Days61To90 => self.days_61_90,
            AgingBucket::Over90 => self.over_90,
        }
    }

    fn slot(&mut self, b: AgingBucket) -> &mut Money {
        match b {
            AgingBucket::NotDue => &mut self.not_due,
            AgingBucket::Days1To30 => &mut self.days_1_30,
            AgingBucket::Days31To60 => &mut self.days_31_60,
            AgingBucket::Days61To90 => &mut self.days_61_90,
            AgingBucket::Over90 => &mut self.over_90,
        }
    }

    /// Everything past due.
    pub fn overdue(&self) -> Money {
        Money::new(self.total.amount - self.not_due.amount, self.currency)
    }
}

/// Ages `items` as of `today`: one row per currency, sorted by currency code.
pub fn aging(items: &[Receivable], today: NaiveDate) -> Vec<AgingRow> {
    let mut rows: BTreeMap<Currency, AgingRow> = BTreeMap::new();
    for r in items {
        let c = r.open.currency;
        let row = rows.entry(c).or_insert_with(|| AgingRow::empty(c));
        let b = bucket(r.due_date, today);
        row.slot(b).amount += r.open.amount;
        row.total.amount += r.open.amount;
    }
    rows.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::test_support::date;
    use proptest::prelude::*;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    fn m(s: &str, c: Currency) -> Money {
        Money::new(Decimal::from_str(s).unwrap(), c)
    }

    #[test]
    fn bucket_edges_fall_on_30_60_and_90_days() {
        let today = date(2026, 6, 30);
        let ago = |n: u64| today.checked_sub_days(chrono::Days::new(n)).unwrap();
        let cases = [
            (0, AgingBucket::NotDue),
            (1, AgingBucket::Days1To30),
            (30, AgingBucket::Days1To30),
            (31, AgingBucket::Days31To60),
            (60, AgingBucket::Days31To60),
            (61, AgingBucket::Days61To90),
            (90, AgingBucket::Days61To90),
            (91, AgingBucket::Over90),
            (400, AgingBucket::Over90),
        ];
        for (n, want) in cases {
            assert_eq!(bucket(ago(n), today), want, "{n} days");
        }
        assert_eq!(bucket(date(2026, 7, 15), today), AgingBucket::NotDue);
    }

    #[test]
    fn amounts_are_summed_per_currency_with_exact_decimals() {
        let today = date(2026, 6, 30);
        let items = [
            Receivable {
                due_date: date(2026, 6, 1),
                open: m("1000.10", Currency::USD),
            },
            Receivable {
                due_date: date(2026, 6, 20),
                open: m("0.20", Currency::USD),
            },
            Receivable {
                due_date: date(2026, 1, 1),
                open: m("1500000", Currency::JPY),
            },
            Receivable {
                due_date: date(2026, 8, 1),
                open: m("12.345", Currency::KWD),
            },
        ];
        let rows = aging(&items, today);
        let codes: Vec<&str> = rows.iter().map(|r| r.currency.code()).collect();
        assert_eq!(codes, ["JPY", "KWD", "USD"]);
        let usd = &rows[2];
        assert_eq!(usd.days_1_30.amount.to_string(), "1000.30");
        assert_eq!(usd.total.amount.to_string(), "1000.30");
        assert_eq!(usd.overdue(), usd.total);
        assert_eq!(rows[0].over_90.amount.to_string(), "1500000");
        assert_eq!(rows[1].not_due.amount.to_string(), "12.345");
        assert!(rows[1].overdue().is_zero());
    }

    #[test]
    fn buckets_have_english_and_chinese_labels() {
        assert_eq!(AgingBucket::Over90.label_en(), "Over 90 days");
        assert_eq!(AgingBucket::Days31To60.label_zh(), "逾期31-60天");
        assert_eq!(
            AgingBucket::parse("days_1_30").unwrap(),
            AgingBucket::Days1To30
        );
    }

    proptest! {
        #[test]
        fn each_row_adds_up_exactly_to_the_open_balance_of_its_currency(
            items in prop::collection::vec(
                (0u64..400, -10_000_000i64..100_000_000, prop::sample::select(vec![
                    Currency::USD, Currency::JPY, Currency::KWD, Currency::EUR,
                ])),
                0..30,
            )
        ) {
            let today = date(2026, 6, 30);
            let items: Vec<Receivable> = items
                .into_iter()
                .map(|(ago, cents, c)| Receivable {
                    due_date: today.checked_sub_days(chrono::Days::new(ago)).unwrap()
                        .checked_add_days(chrono::Days::new(60)).unwrap(),
                    open: Money::new(Decimal::new(cents, c.minor_units()), c),
                })
                .collect();
            let rows = aging(&items, today);
            for row in &rows {
                let expected: Decimal = items
                    .iter()
                    .filter(|r| r.open.currency == row.currency)
                    .map(|r| r.open.amount)
                    .sum();
                let buckets: Decimal = AgingBucket::ALL.iter().map(|b| row.get(*b).amount).sum();
                prop_assert_eq!(row.total.amount, expected);
                prop_assert_eq!(buckets, expected);
            }
            let currencies: std::collections::BTreeSet<Currency> =
                items.iter().map(|r| r.open.currency).collect();
            prop_assert_eq!(rows.len(), currencies.len());
        }
    }
}
