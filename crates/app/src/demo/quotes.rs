//! Demo quote-to-cash: quotes per buyer story with revisions and reasons, sent, accepted,
//! declined or expired; and for accepted ones the sales order, proforma and deposit, shipment,
//! commercial invoice, payments on time or late, a credit note and a partial shipment. All of it
//! goes through the use cases themselves, each step on its own date in the past ([`at`]), so
//! reply times, due dates and aging are real.

use super::DAY;
use crate::payments::{PaymentDraft, record};
use crate::quotes::{QuoteDraft, apply_event, create, revise};
use crate::{App, Result, at, invoices, orders};
use chrono::NaiveDate;
use leadledger_domain::documents::lines::LineDraft;
use leadledger_domain::documents::quote::QuoteEvent;
use leadledger_domain::pricing::CostingDraft;
use leadledger_domain::user::Actor;
use leadledger_store::customers::{CustomerFilter, list};
use rust_decimal::Decimal;

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

/// What happens after an accepted quote: the order, its invoices and how the buyer pays.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Billing {
    None,
    /// A proforma with the deposit paid against it, shipment, the commercial invoice (which
    /// takes the deposit) and the balance paid on time, less bank charges.
    OnTime,
    /// The proforma and its deposit only: the goods are in production, the deposit is held.
    DepositOnly,
    /// Open account: pays in full, but weeks after the due date.
    LateButPays,
    /// Open account at a thin margin: pays 40 % a month late, the rest is still overdue.
    Late,
    /// Paid on time, then 3 % dead on arrival credited with a credit note.
    CreditNote,
    /// Shipped in two parts; the first part invoiced against the deposit, the balance due on the
    /// B/L copy.
    Partial,
}

struct Plan {
    buyer: &'static str,
    currency: &'static str,
    incoterm: &'static str,
    place: &'static str,
    payment: &'static str,
    lead: &'static str,
    /// `(sku, qty)`; `SKU@price` sets a price where the product has none in the currency.
    lines: &'static [(&'static str, &'static str)],
    fate: Fate,
    /// Days before today the quote was drafted.
    start: i64,
    billing: Billing,
}

const PLANS: &[Plan] = &[
    Plan {
        buyer: "Lichtwerk Handels GmbH",
        currency: "EUR",
        incoterm: "FOB",
        place: "Ningbo",
        payment: "30% T/T deposit, 70% before shipment",
        lead: "30 days",
        lines: &[("PNL-600-40", "2000"), ("PNL-1200-36", "800")],
        fate: Fate::RevisedAccepted(
            "customer asked for a second colour temperature; 3000K added at the same price",
        ),
        start: 210,
        billing: Billing::OnTime,
    },
    Plan {
        buyer: "Lichtwerk Handels GmbH",
        currency: "EUR",
        incoterm: "FOB",
        place: "Ningbo",
        payment: "30% T/T deposit, 70% before shipment",
        lead: "30 days",
        lines: &[("DL-12W-3K", "3000")],
        fate: Fate::Accepted,
        start: 24,
        billing: Billing::DepositOnly,
    },
    Plan {
        buyer: "Brightline Hardware Supply LLC",
        currency: "USD",
        incoterm: "FOB",
        place: "Shenzhen",
        payment: "30% T/T deposit, 70% against B/L copy",
        lead: "35 days",
        lines: &[("TB-T8-18W", "20000"), ("BLB-A60-9W", "50000")],
        fate: Fate::RevisedAccepted("volume up 20%, price down 3% as agreed on the call"),
        start: 160,
        billing: Billing::OnTime,
    },
    Plan {
        buyer: "Brightline Hardware Supply LLC",
        currency: "USD",
        incoterm: "FOB",
        place: "Shenzhen",
        payment: "30% T/T deposit, 70% against B/L copy",
        lead: "35 days",
        lines: &[("TB-T8-18W", "24000")],
        fate: Fate::Accepted,
        start: 45,
        billing: Billing::Partial,
    },
    Plan {
        buyer: "Luz do Sul Importadora Ltda",
        currency: "USD",
        incoterm: "CIF",
        place: "Santos",
        payment: "100% T/T before shipment",
        lead: "30 days",
        lines: &[("BLB-A60-9W", "10000")],
        fate: Fate::Revised("buyer says price too high; 4% off on bulbs"),
        start: 12,
        billing: Billing::None,
    },
    Plan {
        buyer: "Al Noor General Trading FZE",
        currency: "USD",
        incoterm: "CFR",
        place: "Jebel Ali",
        payment: "L/C at sight",
        lead: "25 days",
        lines: &[("FL-100W-IP65", "1000"), ("FL-200W-IP66", "300")],
        fate: Fate::Accepted,
        start: 180,
        billing: Billing::OnTime,
    },
    Plan {
        buyer: "Hoshino Shoumei K.K.",
        currency: "JPY",
        incoterm: "FOB",
        place: "Shanghai",
        payment: "30% T/T deposit, 70% before shipment",
        lead: "45 days",
        lines: &[("DL-12W-3K@430", "2400")],
        fate: Fate::Accepted,
        start: 140,
        billing: Billing::OnTime,
    },
    Plan {
        buyer: "Hoshino Shoumei K.K.",
        currency: "JPY",
        incoterm: "FOB",
        place: "Shanghai",
        payment: "30% T/T deposit, 70% before shipment",
        lead: "45 days",
        lines: &[("DL-12W-3K@430", "500")],
        fate: Fate::Sent,
        start: 6,
        billing: Billing::None,
    },
    Plan {
        buyer: "Okonkwo Building Contractors Ltd",
        currency: "USD",
        incoterm: "CIF",
        place: "Lagos",
        payment: "50% T/T deposit, 50% against B/L copy",
        lead: "30 days",
        lines: &[("SOL-ST-100", "400")],
        fate: Fate::Declined,
        start: 95,
        billing: Billing::None,
    },
    Plan {
        buyer: "Sunreach Solar Pty Ltd",
        currency: "AUD",
        incoterm: "FOB",
        place: "Ningbo",
        payment: "30% T/T deposit, 70% before shipment",
        lead: "40 days",
        lines: &[("SOL-ST-100@49.5", "150"), ("DRV-60W@7.55", "600")],
        fate: Fate::Accepted,
        start: 120,
        billing: Billing::OnTime,
    },
    Plan {
        buyer: "Van der Berg Verlichting B.V.",
        currency: "EUR",
        incoterm: "CIF",
        place: "Rotterdam",
        payment: "30% T/T deposit, 70% before shipment",
        lead: "30 days",
        lines: &[("STR-5M-24V", "3000")],
        // Sent and never answered: it expires after its validity date.
        fate: Fate::Sent,
        start: 50,
        billing: Billing::None,
    },
    Plan {
        buyer: "Northgate Home & Garden Ltd",
        currency: "GBP",
        incoterm: "FOB",
        place: "Ningbo",
        payment: "OA 60 days",
        lead: "30 days",
        lines: &[("FL-100W-IP65@9.95", "600")],
        fate: Fate::Accepted,
        start: 150,
        billing: Billing::OnTime,
    },
    Plan {
        buyer: "Minh Phat Electric JSC",
        currency: "USD",
        incoterm: "CIF",
        place: "Haiphong",
        payment: "30% T/T deposit, 70% before shipment",
        lead: "20 days",
        lines: &[("TB-T8-18W", "2000")],
        fate: Fate::Draft,
        start: 2,
        billing: Billing::None,
    },
    Plan {
        buyer: "Mumbai Luminaires LLP",
        currency: "USD",
        incoterm: "FOB",
        place: "Ningbo",
        payment: "OA 45 days",
        lead: "30 days",
        lines: &[("TB-T8-18W@1.27", "40000"), ("BLB-A60-9W@0.475", "120000")],
        fate: Fate::RevisedAccepted("buyer pushed again: 5% off or no order"),
        start: 190,
        billing: Billing::Late,
    },
    Plan {
        buyer: "Hurtownia Elektryczna Kowalski Sp. z o.o.",
        currency: "EUR",
        incoterm: "FOB",
        place: "Ningbo",
        payment: "OA 30 days",
        lead: "30 days",
        lines: &[("PNL-600-40", "600"), ("TB-T8-18W", "3000")],
        fate: Fate::Accepted,
        start: 130,
        billing: Billing::LateButPays,
    },
    Plan {
        buyer: "Distribuciones Lumínicas Ibéricas S.L.",
        currency: "EUR",
        incoterm: "CIF",
        place: "Valencia",
        payment: "30% T/T deposit, 70% before shipment",
        lead: "30 days",
        lines: &[("FL-100W-IP65", "800"), ("HB-150W", "300")],
        fate: Fate::Accepted,
        start: 125,
        billing: Billing::CreditNote,
    },
    Plan {
        buyer: "Siam Bright Co., Ltd.",
        currency: "CNY",
        incoterm: "FOB",
        place: "Shenzhen",
        payment: "100% T/T before shipment",
        lead: "25 days",
        lines: &[("FL-100W-IP65@89.50", "500"), ("DL-12W-3K@20.60", "2000")],
        fate: Fate::Accepted,
        start: 85,
        billing: Billing::OnTime,
    },
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

/// The time `days` days (and `hour` hours) before `now`.
fn ago(now: i64, days: i64, hour: i64) -> i64 {
    now - days * DAY + hour * 3600
}

fn date_of(t: i64) -> NaiveDate {
    chrono::DateTime::from_timestamp(t, 0)
        .map(|d| d.date_naive())
        .unwrap_or_default()
}

/// What the demo wrote.
pub(super) struct Seeded {
    pub quotes: usize,
    pub invoices: usize,
}

/// Creates the demo quotes as `by` (a manager, who may quote for every buyer), each on its own
/// dates, and runs every accepted one through orders, invoices and payments by its story.
pub(super) async fn seed(app: &App, by: &Actor, now: i64) -> Result<Seeded> {
    let mut out = Seeded {
        quotes: 0,
        invoices: 0,
    };
    // Oldest first, so document numbers follow the calendar.
    let mut plans: Vec<&Plan> = PLANS.iter().collect();
    plans.sort_by_key(|p| std::cmp::Reverse(p.start));
    for plan in plans {
        let Some(cid) = customer_id(app, plan.buyer).await? else {
            continue;
        };
        let t0 = ago(now, plan.start, 9);
        let Some(accepted) = at(t0, quote(app, by, cid, plan, now)).await? else {
            out.quotes += 1;
            continue;
        };
        out.quotes += 1;
        out.invoices += bill(app, by, accepted, plan, now).await?;
    }
    // Quotes sent and never answered expire after their validity date.
    crate::quotes::expire_due(app, date_of(now)).await?;
    Ok(out)
}

/// Drafts, sends and answers one plan's quote; the accepted revision's id when accepted.
async fn quote(app: &App, by: &Actor, cid: i64, plan: &Plan, now: i64) -> Result<Option<i64>> {
    let t0 = crate::now();
    let mut d = QuoteDraft {
        customer_id: Some(cid),
        currency: plan.currency.to_string(),
        incoterm: plan.incoterm.to_string(),
        place: plan.place.to_string(),
        place_is_port: true,
        payment_terms: plan.payment.to_string(),
        lead_time: plan.lead.to_string(),
        lines: plan
            .lines
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
    // The salesperson's costing: fees for the shipment, and freight when the seller pays it.
    let freight = if plan.incoterm.starts_with('C') {
        "18000"
    } else {
        "0"
    };
    let costing = CostingDraft {
        margin: "15".into(),
        domestic_fees: "3200".into(),
        freight: freight.into(),
        ..Default::default()
    }
    .parse()
    .map_err(crate::AppError::Invalid)?;
    crate::costing::save(app, by, id, costing, false).await?;
    // The buyer answers 1 to 4 days after the quote is sent (a day after drafting).
    let sent = t0 + DAY;
    let reply = sent + (1 + (plan.start % 4)) * DAY;
    let event = |t: i64, id: i64, e: QuoteEvent| at(t, apply_event(app, by, id, e));
    match plan.fate {
        Fate::Draft => Ok(None),
        Fate::Sent => event(sent, id, QuoteEvent::Send).await.map(|_| None),
        Fate::Accepted => {
            event(sent, id, QuoteEvent::Send).await?;
            event(reply.min(now), id, QuoteEvent::Accept).await?;
            Ok(Some(id))
        }
        Fate::Declined => {
            event(sent, id, QuoteEvent::Send).await?;
            event(reply.min(now), id, QuoteEvent::Decline).await?;
            Ok(None)
        }
        Fate::RevisedAccepted(reason) | Fate::Revised(reason) => {
            event(sent, id, QuoteEvent::Send).await?;
            let mut d2 = d.clone();
            for l in d2.lines.iter_mut() {
                if let Ok(p) = l.unit_price.parse::<Decimal>() {
                    let factor = if reason.contains("price down 3%") {
                        Decimal::new(97, 2)
                    } else if reason.contains("4%") {
                        Decimal::new(96, 2)
                    } else if reason.contains("5%") {
                        Decimal::new(95, 2)
                    } else {
                        Decimal::ONE
                    };
                    l.unit_price = (p * factor).round_dp(4).normalize().to_string();
                }
                if reason.contains("volume up")
                    && let Ok(q) = l.quantity.parse::<Decimal>()
                {
                    l.quantity = (q * Decimal::new(12, 1)).round_dp(0).to_string();
                }
            }
            if reason.contains("3000K") {
                d2.lines.push(LineDraft {
                    sku: "PNL-600-40".into(),
                    description: "LED panel light 600x600 40W 3000K".into(),
                    quantity: "500".into(),
                    ..Default::default()
                });
                crate::quotes::complete_lines(app, &mut d2).await?;
            }
            let id2 = at(reply.min(now), revise(app, by, id, &d2, reason)).await?;
            if matches!(plan.fate, Fate::RevisedAccepted(_)) {
                event((reply + DAY).min(now), id2, QuoteEvent::Send).await?;
                event((reply + 3 * DAY).min(now), id2, QuoteEvent::Accept).await?;
                Ok(Some(id2))
            } else {
                Ok(None)
            }
        }
    }
}

/// The order, invoices and payments of an accepted quote, by the plan's story; how many
/// commercial invoices were issued.
async fn bill(app: &App, by: &Actor, qid: i64, plan: &Plan, now: i64) -> Result<usize> {
    if plan.billing == Billing::None {
        return Ok(0);
    }
    let accepted = crate::quotes::get(app, by, qid)
        .await?
        .row
        .accepted_at
        .unwrap_or(now);
    let step = |days: i64| (accepted + days * DAY).min(now - 3600);
    let oid = at(step(1), orders::from_quote(app, by, qid)).await?;
    let o = orders::get(app, by, oid).await?;
    let all: Vec<(i64, String)> = o.lines.iter().map(|l| (l.id, l.quantity.clone())).collect();
    let currency = o.snapshot.currency;
    let dp = currency.minor_units();
    let total = o.totals.total.amount;
    let pay =
        |received: Decimal, charges: &str, t: i64, against: Option<i64>, to: Vec<(i64, String)>| {
            PaymentDraft {
                customer_id: Some(o.row.customer_id),
                currency: currency.code().into(),
                received: received.round_dp(dp).to_string(),
                bank_charges: charges.into(),
                date: date_of(t).to_string(),
                reference: if against.is_some() {
                    "TT deposit"
                } else {
                    "TT"
                }
                .into(),
                allocations: to,
                against_invoice_id: against,
                ..Default::default()
            }
        };
    let charges = if dp == 0 { "3000" } else { "25" };
    let charges_dec: Decimal = charges.parse().unwrap_or_default();
    let deposit = (total * Decimal::new(3, 1)).round_dp(dp);
    // A proforma and the deposit against it, for the stories that start with one.
    if plan.payment.contains("deposit") {
        let pi = at(step(1), invoices::proforma(app, by, None, Some(oid))).await?;
        at(
            step(1),
            invoices::issue(app, by, pi, Some(date_of(step(1)))),
        )
        .await?;
        let d = pay(deposit - charges_dec, charges, step(6), Some(pi), vec![]);
        at(step(6), record(app, by, &d)).await?;
    }
    if plan.billing == Billing::DepositOnly {
        return Ok(0);
    }
    let lead = 28;
    let shipped = step(lead);
    if plan.billing == Billing::Partial {
        let half: Vec<(i64, String)> = o
            .lines
            .iter()
            .map(|l| {
                let q: Decimal = l.quantity.parse().unwrap_or_default();
                (l.id, (q / Decimal::TWO).round_dp(0).to_string())
            })
            .collect();
        at(shipped, orders::ship(app, by, oid, &half)).await?;
        let ci = at(shipped, invoices::commercial(app, by, oid, &half)).await?;
        at(
            shipped,
            invoices::issue(app, by, ci, Some(date_of(shipped))),
        )
        .await?;
        return Ok(1);
    }
    at(shipped, orders::ship(app, by, oid, &all)).await?;
    let ci = at(shipped, invoices::commercial(app, by, oid, &all)).await?;
    at(
        shipped,
        invoices::issue(app, by, ci, Some(date_of(shipped))),
    )
    .await?;
    let v = invoices::get(app, by, ci).await?;
    let open = Decimal::new(v.row.open_minor(), dp);
    let due = v
        .row
        .due_date
        .as_deref()
        .and_then(|d| d.parse::<NaiveDate>().ok())
        .unwrap_or(date_of(shipped));
    let due_t = due
        .and_hms_opt(10, 0, 0)
        .map(|d| d.and_utc().timestamp())
        .unwrap_or(shipped);
    let when = |t: i64| t.min(now - 3600);
    // What is open on the invoice, paid at `t` less the banks' charges.
    let balance = |open: Decimal, t: i64| {
        pay(
            open - charges_dec,
            charges,
            t,
            None,
            vec![(ci, open.to_string())],
        )
    };
    match plan.billing {
        Billing::OnTime => {
            // The balance arrives before the due date, less the banks' charges.
            let t = when(shipped + 4 * DAY).min(due_t.max(shipped + DAY));
            at(t, record(app, by, &balance(open, t))).await?;
        }
        Billing::CreditNote => {
            // 3 % of the first line arrived dead; credited after the buyer's photos, and the
            // buyer pays the balance less the credit.
            let q: Decimal = v.snapshot.lines[0].quantity().value();
            let dead = (q * Decimal::new(3, 2)).round_dp(0);
            let draft = crate::credit_notes::CreditDraft {
                reason: format!(
                    "{dead} pcs dead on arrival; claim accepted after the buyer's photos"
                ),
                lines: vec![(0, dead.to_string())],
                ..Default::default()
            };
            let t = when(shipped + 24 * DAY);
            let cn = at(t, crate::credit_notes::create(app, by, ci, &draft)).await?;
            at(t, invoices::issue(app, by, cn, Some(date_of(t)))).await?;
            let open = Decimal::new(invoices::get(app, by, ci).await?.row.open_minor(), dp);
            let t = when(t + 3 * DAY);
            at(t, record(app, by, &balance(open, t))).await?;
        }
        Billing::LateButPays => {
            let t = when(due_t + 24 * DAY);
            at(t, record(app, by, &balance(open, t))).await?;
        }
        Billing::Late => {
            let t = when(due_t + 31 * DAY);
            let part = (open * Decimal::new(4, 1)).round_dp(dp);
            let d = pay(part, "", t, None, vec![(ci, part.to_string())]);
            at(t, record(app, by, &d)).await?;
        }
        Billing::None | Billing::DepositOnly | Billing::Partial => {}
    }
    Ok(1)
}
