//! Payments received: the amount that reached the bank and the charges the banks deducted
//! (booked as bank charges, never as exchange difference), the rate at receipt, allocation to
//! open commercial invoices (never more than open) with the realised FX gain or loss per
//! allocation, and the rest held as the customer's advance or credit to apply later. Also the
//! receivables of a customer with aging buckets.

use crate::customers::visible;
use crate::{App, AppError, Page, Result, audit, now};
use chrono::NaiveDate;
use leadledger_domain::documents::aging::AgingRow;
use leadledger_domain::documents::invoice::{InvoiceStatus, ensure_payable};
use leadledger_domain::fx::{allocate_manually, realised_fx_gain, settle};
use leadledger_domain::money::{Currency, Money, parse_decimal};
use leadledger_domain::page::PageRequest;
use leadledger_domain::user::Actor;
use leadledger_domain::{FieldErrors, Invalid};
use leadledger_store::Tx;
use leadledger_store::invoices::{InvoiceFilter, InvoiceRow};
use leadledger_store::payments::{self, AllocationRow, PaymentFilter, PaymentRecord, PaymentRow};
use rust_decimal::Decimal;
use serde_json::json;

/// A payment as typed.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct PaymentDraft {
    pub customer_id: Option<i64>,
    pub currency: String,
    /// What reached our account.
    pub received: String,
    /// What the banks deducted on the way.
    pub bank_charges: String,
    /// ISO date; today when empty.
    pub date: String,
    /// Base units per 1 payment-currency unit at receipt; today's rate when empty.
    pub rate: String,
    pub reference: String,
    /// `(invoice id, amount)`; empty allocates to the oldest open commercial invoices.
    pub allocations: Vec<(i64, String)>,
    /// A deposit against this issued proforma invoice: held as the customer's advance (nothing
    /// is allocated) until the commercial invoice of the same order or quote is issued.
    pub against_invoice_id: Option<i64>,
}

fn minor(m: Money) -> i64 {
    (m.amount * Decimal::from(10i64.pow(m.currency.minor_units())))
        .trunc()
        .try_into()
        .unwrap_or(i64::MAX)
}

fn money_of(minor: i64, c: Currency) -> Money {
    Money::new(Decimal::new(minor, c.minor_units()), c)
}

fn require(actor: &Actor) -> Result<()> {
    if actor.can_book_payments() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Issued commercial invoices of a customer in a currency with something open, oldest due first.
async fn open_invoices(
    tx: &mut Tx,
    customer_id: i64,
    currency: Currency,
) -> Result<Vec<InvoiceRow>> {
    let f = InvoiceFilter {
        customer_id: Some(customer_id),
        kind: Some("commercial".into()),
        status: Some("issued".into()),
        ..Default::default()
    };
    let (mut rows, _) = leadledger_store::invoices::list(tx, &f, 10_000, 0).await?;
    rows.retain(|r| r.currency == currency.code() && r.open_minor() > 0);
    rows.sort_by_key(|r| (r.due_date.clone(), r.id));
    Ok(rows)
}

/// Allocates `amount` of payment `payment_id` (received at `rate`) to invoices, recording the FX
/// gain of each allocation against the invoice's own rate.
async fn apply(
    tx: &mut Tx,
    payment_id: i64,
    invoices: &[InvoiceRow],
    wanted: &[(i64, Money)],
    rate: Decimal,
    base: Currency,
    t: i64,
) -> Result<Vec<serde_json::Value>> {
    let mut done = Vec::new();
    for (iid, amount) in wanted.iter().filter(|(_, m)| m.is_positive()) {
        let inv = invoices
            .iter()
            .find(|i| i.id == *iid)
            .ok_or(AppError::NotFound)?;
        let inv_rate: Decimal = inv
            .rate
            .parse()
            .map_err(|_| AppError::Internal("bad invoice rate".into()))?;
        let gain = realised_fx_gain(*amount, inv_rate, rate, base)
            .map_err(|e| AppError::field("rate", e))?;
        payments::allocate(tx, payment_id, *iid, minor(*amount), minor(gain), t).await?;
        crate::invoices::refresh_due_date(tx, *iid).await?;
        done.push(json!({"invoice": inv.number, "amount": amount.amount.to_string(), "fx_gain": gain.amount.to_string()}));
    }
    Ok(done)
}

/// What to allocate of `amount`: as requested (each invoice named must be open for this
/// customer and currency, and no more than open), or the oldest open invoices first.
async fn wanted_allocations(
    tx: &mut Tx,
    amount: Money,
    open: &[InvoiceRow],
    c: Currency,
    requested: &[(i64, String)],
) -> Result<Vec<(i64, Money)>> {
    let open_amounts: Vec<(i64, Money)> = open
        .iter()
        .map(|i| (i.id, money_of(i.open_minor(), c)))
        .collect();
    if requested.is_empty() {
        return Ok(leadledger_domain::fx::allocate(amount, &open_amounts)
            .map_err(|e| AppError::field("received", e))?
            .allocations);
    }
    let mut e = FieldErrors::new();
    let mut req = Vec::new();
    for (iid, raw) in requested.iter().filter(|(_, a)| !a.trim().is_empty()) {
        // A void or draft invoice cannot be paid: say so by name.
        if !open_amounts.iter().any(|(i, _)| i == iid) {
            let status = leadledger_store::invoices::get(tx, *iid)
                .await
                .ok()
                .map(|r| r.status);
            let err = match status.as_deref() {
                Some("void") => ensure_payable(InvoiceStatus::Void).err(),
                Some("draft") => ensure_payable(InvoiceStatus::Draft).err(),
                _ => None,
            }
            .unwrap_or_else(|| {
                Invalid::new(
                    "unknown_invoice",
                    "no open commercial invoice of this customer in this currency",
                )
            });
            e.add(format!("allocations.{iid}"), err);
            continue;
        }
        match parse_decimal(raw) {
            Ok(a) if open_amounts.iter().any(|(i, o)| i == iid && a > o.amount) => e.add(
                format!("allocations.{iid}"),
                Invalid::new(
                    "allocation_exceeds_open",
                    "more than the invoice's open amount",
                ),
            ),
            Ok(a) => req.push((*iid, Money::new(a, c))),
            Err(err) => e.add(format!("allocations.{iid}"), err),
        }
    }
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    Ok(allocate_manually(amount, &open_amounts, &req)
        .map_err(|err| AppError::field("allocations", err))?
        .allocations)
}

/// Checks that a deposit may be held against `pi`: an issued proforma of the customer in the
/// payment's currency.
async fn deposit_target(tx: &mut Tx, pi: i64, customer_id: i64, c: Currency) -> Result<i64> {
    let row = leadledger_store::invoices::get(tx, pi).await.map_err(|_| {
        AppError::field(
            "against_invoice_id",
            Invalid::new("unknown_invoice", "no such proforma invoice"),
        )
    })?;
    if row.kind != "proforma" || row.status != "issued" || row.customer_id != customer_id {
        return Err(AppError::field(
            "against_invoice_id",
            Invalid::new(
                "not_a_proforma",
                "a deposit is held against an issued proforma invoice of this customer",
            ),
        ));
    }
    if row.currency != c.code() {
        return Err(AppError::field(
            "currency",
            Invalid::new(
                "currency_mismatch",
                format!("the proforma invoice is in {}", row.currency),
            ),
        ));
    }
    Ok(pi)
}

/// When a commercial invoice is issued: the deposits paid against proforma invoices of the same
/// sales order or quote are applied to it, oldest first, as far as it is open.
pub(crate) async fn apply_deposits(
    tx: &mut Tx,
    actor: &Actor,
    invoice: &InvoiceRow,
    base: Currency,
) -> Result<()> {
    let c = Currency::parse(&invoice.currency).map_err(|e| AppError::Internal(e.to_string()))?;
    let f = InvoiceFilter {
        customer_id: Some(invoice.customer_id),
        kind: Some("proforma".into()),
        status: Some("issued".into()),
        ..Default::default()
    };
    let (pis, _) = leadledger_store::invoices::list(tx, &f, 1000, 0).await?;
    let ids: Vec<i64> = pis
        .iter()
        .filter(|p| {
            (invoice.order_id.is_some() && p.order_id == invoice.order_id)
                || (invoice.quote_id.is_some() && p.quote_id == invoice.quote_id)
        })
        .map(|p| p.id)
        .collect();
    if ids.is_empty() {
        return Ok(());
    }
    let pf = PaymentFilter {
        customer_id: Some(invoice.customer_id),
        against_invoice_ids: ids,
        visible_to: None,
    };
    let (mut deposits, _) = payments::list(tx, &pf, 1000, 0).await?;
    deposits.sort_by_key(|p| (p.received_date.clone(), p.id));
    let mut open = money_of(invoice.open_minor(), c);
    for p in deposits
        .iter()
        .filter(|p| p.currency == invoice.currency && p.amount_minor > p.allocated_minor)
    {
        if !open.is_positive() {
            break;
        }
        let left = money_of(p.amount_minor - p.allocated_minor, c);
        let amount = if left.amount < open.amount {
            left
        } else {
            open
        };
        let rate: Decimal = p
            .rate
            .parse()
            .map_err(|_| AppError::Internal("bad payment rate".into()))?;
        let done = apply(
            tx,
            p.id,
            std::slice::from_ref(invoice),
            &[(invoice.id, amount)],
            rate,
            base,
            now(),
        )
        .await?;
        audit::record(
            tx,
            Some(actor),
            "payment",
            Some(p.id),
            "apply_deposit",
            json!({"allocations": done}),
        )
        .await?;
        open = money_of(minor(open) - minor(amount), c);
    }
    Ok(())
}

pub async fn record(app: &App, actor: &Actor, d: &PaymentDraft) -> Result<i64> {
    require(actor)?;
    let base = crate::company::base_currency(app).await?;
    let mut e = FieldErrors::new();
    let Some(customer_id) = d.customer_id else {
        return Err(AppError::field(
            "customer_id",
            Invalid::new("required", "choose the customer"),
        ));
    };
    let currency = e.take("currency", Currency::parse(&d.currency));
    let date = e.take(
        "date",
        if d.date.trim().is_empty() {
            Ok(crate::today())
        } else {
            d.date
                .trim()
                .parse::<NaiveDate>()
                .map_err(|_| Invalid::new("invalid_date", "a date like 2026-03-01"))
        },
    );
    let received = currency.and_then(|c| {
        e.take(
            "received",
            parse_decimal(&d.received).map(|a| Money::new(a, c)),
        )
    });
    let charges = currency.and_then(|c| {
        e.take(
            "bank_charges",
            if d.bank_charges.trim().is_empty() {
                Ok(Money::zero(c))
            } else {
                parse_decimal(&d.bank_charges).map(|a| Money::new(a, c))
            },
        )
    });
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let (c, date, received, charges) = (
        currency.unwrap(),
        date.unwrap(),
        received.unwrap(),
        charges.unwrap(),
    );
    for (f, m) in [("received", received), ("bank_charges", charges)] {
        if m.amount.normalize().scale() > c.minor_units() {
            e.add(
                f,
                Invalid::new(
                    "too_many_decimals",
                    format!("{c} has {} decimals", c.minor_units()),
                ),
            );
        }
    }
    let rate = if c == base {
        Decimal::ONE
    } else if d.rate.trim().is_empty() {
        crate::rates::rate_on(app, c, base, date).await?.rate
    } else {
        match parse_decimal(&d.rate) {
            Ok(r) if r > Decimal::ZERO => r,
            _ => {
                e.add(
                    "rate",
                    Invalid::new("invalid_rate", "an exchange rate must be greater than zero"),
                );
                Decimal::ONE
            }
        }
    };
    let settlement = match settle(received, charges, rate, rate, base) {
        Ok(s) => Some(s),
        Err(err) => {
            e.add(
                if err.code == "negative_bank_charges" {
                    "bank_charges"
                } else {
                    "received"
                },
                err,
            );
            None
        }
    };
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let settled = settlement.unwrap().settled;
    let mut tx = app.db.write().await?;
    visible(&mut tx, actor, customer_id).await?;
    let open = open_invoices(&mut tx, customer_id, c).await?;
    let against = match d.against_invoice_id {
        Some(pi) => Some(deposit_target(&mut tx, pi, customer_id, c).await?),
        None => None,
    };
    let wanted = if against.is_some() {
        Vec::new()
    } else {
        wanted_allocations(&mut tx, settled, &open, c, &d.allocations).await?
    };
    let t = now();
    let rec = PaymentRecord {
        customer_id,
        currency: c.code().into(),
        amount_minor: minor(settled),
        bank_charges_minor: minor(charges),
        received_date: date.to_string(),
        rate: rate.normalize().to_string(),
        reference: Some(d.reference.trim().to_string()).filter(|r| !r.is_empty()),
        created_by: Some(actor.user_id),
        against_invoice_id: against,
    };
    let pid = payments::insert(&mut tx, &rec, t).await?;
    let done = apply(&mut tx, pid, &open, &wanted, rate, base, t).await?;
    audit::record(&mut tx, Some(actor), "payment", Some(pid), "create",
        json!({"settled": settled.amount.to_string(), "received": received.amount.to_string(), "bank_charges": charges.amount.to_string(),
               "currency": c.code(), "rate": rate.normalize().to_string(), "allocations": done, "against_invoice_id": against})).await?;
    tx.commit().await?;
    Ok(pid)
}

/// Applies what is left of a payment (an advance or credit) to the customer's open invoices:
/// as requested (`(invoice id, amount)`), or the oldest first when nothing is named.
pub async fn apply_credit(
    app: &App,
    actor: &Actor,
    payment_id: i64,
    requested: &[(i64, String)],
) -> Result<()> {
    require(actor)?;
    let base = crate::company::base_currency(app).await?;
    let mut tx = app.db.write().await?;
    let p = payments::get(&mut tx, payment_id).await?;
    visible(&mut tx, actor, p.customer_id).await?;
    let c = Currency::parse(&p.currency).map_err(|e| AppError::Internal(e.to_string()))?;
    let left = money_of(p.amount_minor - p.allocated_minor, c);
    if !left.is_positive() {
        return Err(AppError::field(
            "payment",
            Invalid::new("nothing_left", "this payment is fully allocated"),
        ));
    }
    let open = open_invoices(&mut tx, p.customer_id, c).await?;
    if open.is_empty() {
        return Err(AppError::field(
            "payment",
            Invalid::new(
                "no_open_invoices",
                "no open commercial invoice to apply it to",
            ),
        ));
    }
    let wanted = wanted_allocations(&mut tx, left, &open, c, requested).await?;
    let rate: Decimal = p
        .rate
        .parse()
        .map_err(|_| AppError::Internal("bad payment rate".into()))?;
    let done = apply(&mut tx, payment_id, &open, &wanted, rate, base, now()).await?;
    audit::record(
        &mut tx,
        Some(actor),
        "payment",
        Some(payment_id),
        "apply_credit",
        json!({"allocations": done}),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn get(app: &App, actor: &Actor, id: i64) -> Result<(PaymentRow, Vec<AllocationRow>)> {
    let mut tx = app.db.read().await?;
    let p = payments::get(&mut tx, id).await?;
    visible(&mut tx, actor, p.customer_id).await?;
    let a = payments::allocations(&mut tx, id).await?;
    Ok((p, a))
}

pub async fn list(
    app: &App,
    actor: &Actor,
    mut f: PaymentFilter,
    page: PageRequest,
) -> Result<Page<PaymentRow>> {
    f.visible_to = actor.customer_scope();
    let mut tx = app.db.read().await?;
    let (items, total) = payments::list(&mut tx, &f, page.limit(), page.offset()).await?;
    Ok(Page {
        items,
        total,
        page: page.page,
        per_page: page.per_page,
    })
}

/// A customer's receivables as of today: open commercial invoices aged by due date, less
/// unapplied credit notes and unallocated payments, per currency.
pub async fn receivables(app: &App, actor: &Actor, customer_id: i64) -> Result<Vec<AgingRow>> {
    let today = crate::today();
    let r = crate::receivables::report(app, actor, Some(customer_id), today).await?;
    Ok(r.totals)
}
