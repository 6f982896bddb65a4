//! Builders shared by the documents tests: a realistic quote for an LED buyer in Germany.

use super::lines::{Charges, ChargesDraft, DocumentDiscount, Line, LineDraft};
use super::quote::{LeadTime, QuoteSnapshot};
use super::totals::FrozenRate;
use crate::incoterms::IncotermPlace;
use crate::money::Currency;
use crate::payment_terms::PaymentSchedule;
use chrono::NaiveDate;

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn line(sku: &str, qty: &str, price: &str) -> Line {
    LineDraft {
        sku: sku.into(),
        description: format!("{sku} flood light"),
        quantity: qty.into(),
        unit_price: price.into(),
        ..LineDraft::default()
    }
    .parse(0)
    .unwrap()
}

pub fn snapshot() -> QuoteSnapshot {
    let usd = Currency::USD;
    QuoteSnapshot {
        currency: usd,
        rate: FrozenRate::parse(usd, Currency::CNY, "7.1").unwrap(),
        incoterm: IncotermPlace::parse("FOB", "Ningbo", true).unwrap(),
        payment: PaymentSchedule::parse("30% T/T deposit, 70% before shipment").unwrap(),
        valid_until: date(2026, 3, 31),
        lead_time: LeadTime::parse("25-30 days").unwrap(),
        lines: vec![
            line("LED-100W", "1000", "12.35"),
            line("LED-50W", "500", "7.125"),
        ],
        charges: Charges::parse(
            &ChargesDraft {
                freight: "".into(),
                insurance: "".into(),
                other: "85".into(),
            },
            usd,
        )
        .unwrap(),
        discount: DocumentDiscount::None,
        notes: Some("CE + RoHS certificates included".into()),
    }
}
