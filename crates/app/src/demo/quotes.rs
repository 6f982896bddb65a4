//! Demo quotes: a few quotes per story, with revisions and reasons, sent, accepted or declined,
//! made through the quote use cases themselves after the rest of the demo is written.

use crate::quotes::{QuoteDraft, apply_event, create, revise};
use crate::{App, Result};
use leadledger_domain::documents::lines::LineDraft;
use leadledger_domain::documents::quote::QuoteEvent;
use leadledger_domain::user::Actor;
use leadledger_store::customers::{CustomerFilter, list};

/// What happens to a demo quote after it is drafted.
#[derive(Clone, Copy)]
enum Fate {
    Draft,
    Sent,
    Accepted,
    Declined,
    /// Sent, revised with the reason, sent again and accepted.
    RevisedAccepted(&'static str),
    /// Sent, then revised with the reason, and the new revision left to send.
    Revised(&'static str),
}

/// `(buyer, currency, incoterm, place, payment, lead time, [(sku, qty)], fate)`.
type Plan = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
    Fate,
);

const PLANS: &[Plan] = &[
    (
        "Lichtwerk Handels GmbH",
        "EUR",
        "FOB",
        "Ningbo",
        "30% T/T deposit, 70% before shipment",
        "30 days",
        &[("PNL-600-40", "2000"), ("PNL-1200-36", "800")],
        Fate::RevisedAccepted("customer asked for DDP Hamburg, add local fees"),
    ),
    (
        "Lichtwerk Handels GmbH",
        "EUR",
        "FOB",
        "Ningbo",
        "30% T/T deposit, 70% before shipment",
        "30 days",
        &[("DL-12W-3K", "3000")],
        Fate::Accepted,
    ),
    (
        "Brightline Hardware Supply LLC",
        "USD",
        "FOB",
        "Shenzhen",
        "30% T/T deposit, 70% against B/L copy",
        "35 days",
        &[("TB-T8-18W", "20000"), ("BLB-A60-9W", "50000")],
        Fate::RevisedAccepted("volume up 20%, price down 3% as agreed on the call"),
    ),
    (
        "Luz do Sul Importadora Ltda",
        "USD",
        "CIF",
        "Santos",
        "100% T/T before shipment",
        "30 days",
        &[("BLB-A60-9W", "10000")],
        Fate::Revised("buyer says price too high; 4% off on bulbs"),
    ),
    (
        "Al Noor General Trading FZE",
        "USD",
        "CFR",
        "Jebel Ali",
        "L/C at sight",
        "25 days",
        &[("FL-100W-IP65", "1000"), ("FL-200W-IP66", "300")],
        Fate::Accepted,
    ),
    (
        "Hoshino Shoumei K.K.",
        "JPY",
        "FOB",
        "Shanghai",
        "30% T/T deposit, 70% before shipment",
        "45 days",
        &[("DL-12W-3K@430", "500")],
        Fate::Sent,
    ),
    (
        "Okonkwo Building Contractors Ltd",
        "USD",
        "CIF",
        "Lagos",
        "50% T/T deposit, 50% against B/L copy",
        "30 days",
        &[("SOL-ST-100", "400")],
        Fate::Declined,
    ),
    (
        "Sunreach Solar Pty Ltd",
        "AUD",
        "FOB",
        "Ningbo",
        "30% T/T deposit, 70% before shipment",
        "40 days",
        &[("SOL-ST-100@49.5", "150"), ("DRV-60W@7.55", "600")],
        Fate::Accepted,
    ),
    (
        "Van der Berg Verlichting B.V.",
        "EUR",
        "CIF",
        "Rotterdam",
        "30% T/T deposit, 70% before shipment",
        "30 days",
        &[("STR-5M-24V", "3000")],
        Fate::Sent,
    ),
    (
        "Northgate Home & Garden Ltd",
        "GBP",
        "FOB",
        "Ningbo",
        "OA 60 days",
        "30 days",
        &[("FL-100W-IP65@9.95", "600")],
        Fate::Accepted,
    ),
    (
        "Minh Phat Electric JSC",
        "USD",
        "CIF",
        "Haiphong",
        "30% T/T deposit, 70% before shipment",
        "20 days",
        &[("TB-T8-18W", "2000")],
        Fate::Draft,
    ),
];

async fn customer_id(app: &App, name: &str) -> Result<Option<i64>> {
    let mut tx = app.db.read().await?;
    let f = CustomerFilter {
        q: Some(name.to_string()),
        ..Default::default()
    };
    let (rows, _) = list(&mut tx, &f, 5, 0).await?;
    Ok(rows
        .into_iter()
        .find(|r| r.name == name)
        .map(|r| (r.id, r.owner_id))
        .map(|(id, _)| id))
}

/// Creates the demo quotes as `by` (a manager, who may quote for every buyer).
pub(super) async fn seed(app: &App, by: &Actor) -> Result<usize> {
    let mut n = 0;
    for (buyer, currency, incoterm, place, payment, lead, lines, fate) in PLANS {
        let Some(cid) = customer_id(app, buyer).await? else {
            continue;
        };
        let mut d = QuoteDraft {
            customer_id: Some(cid),
            currency: currency.to_string(),
            incoterm: incoterm.to_string(),
            place: place.to_string(),
            place_is_port: true,
            payment_terms: payment.to_string(),
            lead_time: lead.to_string(),
            // `SKU@price` sets a price where the product has none in the quote's currency.
            lines: lines
                .iter()
                .map(|(sku, qty)| {
                    let (sku, price) = sku.split_once('@').unwrap_or((sku, ""));
                    LineDraft {
                        sku: sku.into(),
                        quantity: qty.to_string(),
                        unit_price: price.into(),
                        ..Default::default()
                    }
                })
                .collect(),
            ..Default::default()
        };
        crate::quotes::complete_lines(app, &mut d).await?;
        let id = create(app, by, &d).await?;
        n += 1;
        match fate {
            Fate::Draft => {}
            Fate::Sent => apply_event(app, by, id, QuoteEvent::Send).await?,
            Fate::Accepted => {
                apply_event(app, by, id, QuoteEvent::Send).await?;
                apply_event(app, by, id, QuoteEvent::Accept).await?;
            }
            Fate::Declined => {
                apply_event(app, by, id, QuoteEvent::Send).await?;
                apply_event(app, by, id, QuoteEvent::Decline).await?;
            }
            Fate::RevisedAccepted(reason) | Fate::Revised(reason) => {
                apply_event(app, by, id, QuoteEvent::Send).await?;
                let mut d2 = d.clone();
                if reason.contains("DDP") {
                    d2.incoterm = "DDP".into();
                    d2.place = "Hamburg warehouse".into();
                    d2.other_charges = "1850".into();
                }
                for l in d2.lines.iter_mut() {
                    if let Ok(p) = l.unit_price.parse::<rust_decimal::Decimal>() {
                        let factor = if reason.contains("price down") {
                            rust_decimal::Decimal::new(97, 2)
                        } else if reason.contains("4%") {
                            rust_decimal::Decimal::new(96, 2)
                        } else {
                            rust_decimal::Decimal::ONE
                        };
                        l.unit_price = (p * factor).round_dp(4).normalize().to_string();
                    }
                    if reason.contains("volume up")
                        && let Ok(q) = l.quantity.parse::<rust_decimal::Decimal>()
                    {
                        l.quantity = (q * rust_decimal::Decimal::new(12, 1))
                            .round_dp(0)
                            .to_string();
                    }
                }
                let id2 = revise(app, by, id, &d2, reason).await?;
                if matches!(fate, Fate::RevisedAccepted(_)) {
                    apply_event(app, by, id2, QuoteEvent::Send).await?;
                    apply_event(app, by, id2, QuoteEvent::Accept).await?;
                }
            }
        }
    }
    Ok(n)
}

/// Turns the accepted demo quotes into orders, shipments, issued invoices and payments that fit
/// each buyer's story: one pays on time with bank charges deducted, one pays part and late, one
/// sends a deposit that is held as an advance.
pub(super) async fn seed_billing(app: &App, by: &Actor, today: chrono::NaiveDate) -> Result<usize> {
    use crate::payments::{PaymentDraft, record};
    use crate::{invoices, orders};
    let filter = leadledger_store::quotes::QuoteFilter {
        status: Some("accepted".into()),
        ..Default::default()
    };
    let accepted = crate::quotes::list(
        app,
        by,
        filter,
        leadledger_domain::page::PageRequest {
            page: 1,
            per_page: 100,
        },
    )
    .await?;
    let mut n = 0;
    for (i, q) in accepted.items.iter().enumerate() {
        let oid = orders::from_quote(app, by, q.id).await?;
        let o = orders::get(app, by, oid).await?;
        let all: Vec<(i64, String)> = o.lines.iter().map(|l| (l.id, l.quantity.clone())).collect();
        orders::ship(app, by, oid, &all).await?;
        let inv = invoices::commercial(app, by, oid, &all).await?;
        // Older invoices first, so some are overdue.
        let issued = today - chrono::Duration::days(20 + 25 * i as i64);
        invoices::issue(app, by, inv, Some(issued)).await?;
        let v = invoices::get(app, by, inv).await?;
        let total = v.totals.total.amount;
        let pay = |received: rust_decimal::Decimal, charges: &str, days_after: i64| PaymentDraft {
            customer_id: Some(q.customer_id),
            currency: q.currency.clone(),
            received: received
                .round_dp(v.snapshot.currency.minor_units())
                .to_string(),
            bank_charges: charges.into(),
            date: (issued + chrono::Duration::days(days_after))
                .min(today)
                .to_string(),
            reference: "TT".into(),
            ..Default::default()
        };
        match i % 3 {
            // Pays on time; the banks keep 25 on the way.
            0 => {
                let d = pay(total - rust_decimal::Decimal::from(25), "25", 12);
                record(
                    app,
                    by,
                    &PaymentDraft {
                        allocations: vec![(inv, total.to_string())],
                        ..d
                    },
                )
                .await?;
            }
            // Pays 30 % and the rest is late.
            1 => {
                let d = pay(total * rust_decimal::Decimal::new(3, 1), "", 40);
                record(app, by, &d).await?;
            }
            _ => {}
        }
        n += 1;
    }
    // A deposit that arrived before its invoice: held as an advance.
    if let Some(q) = accepted.items.first() {
        let d = PaymentDraft {
            customer_id: Some(q.customer_id),
            currency: q.currency.clone(),
            received: "3000".into(),
            reference: "deposit".into(),
            ..Default::default()
        };
        record(app, by, &d).await?;
    }
    Ok(n)
}
