//! Invoices: proforma, commercial and credit note; their status, immutability once issued, due
//! dates from the payment schedule, and how much of an order may be invoiced.
//!
//! The status is never stored as a fact that can drift: [`invoice_status`] derives it from what
//! happened (issued? voided? how much paid? due when?) and today's date, so "overdue" appears on
//! the morning it becomes true and history can be replayed for any date.
//!
//! An issued invoice is immutable ([`can_edit`]): tax offices and buyers hold copies. It is
//! voided with a reason, or corrected by a credit note. A commercial invoice never bills more
//! than has shipped ([`check_invoice_quantities`]); a proforma is issued before shipment against
//! the quote or order and is not limited by it.

use super::numbering::Series;
use crate::customer::code_enum;
use crate::error::{FieldErrors, Invalid, required_text};
use crate::money::{Money, Quantity, format_decimal};
use crate::payment_terms::PaymentSchedule;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

code_enum!(
    /// What an invoice is for.
    InvoiceKind, "invalid_invoice_kind" {
        Proforma = "proforma",
        Commercial = "commercial",
        CreditNote = "credit_note",
    }
);

impl InvoiceKind {
    /// The numbering series: PI, INV or CN.
    pub fn series(self) -> Series {
        match self {
            InvoiceKind::Proforma => Series::Proforma,
            InvoiceKind::Commercial => Series::Invoice,
            InvoiceKind::CreditNote => Series::CreditNote,
        }
    }
}

code_enum!(
    /// Where an invoice stands, derived by [`invoice_status`].
    InvoiceStatus, "invalid_invoice_status" {
        Draft = "draft",
        Issued = "issued",
        PartiallyPaid = "partially_paid",
        Paid = "paid",
        Overdue = "overdue",
        Void = "void",
    }
);

/// The status from the facts, as of `today`. `paid` is what has been allocated to this invoice,
/// in its currency.
///
/// Void wins over everything; an unissued invoice is a draft; nothing left open is paid; an open
/// amount past `due_date` (the day after it, not on it) is overdue, even when partly paid;
/// otherwise partially paid or issued. No due date (waiting for a B/L, say) is never overdue.
pub fn invoice_status(
    issued: bool,
    voided: bool,
    total: Money,
    paid: Money,
    due_date: Option<NaiveDate>,
    today: NaiveDate,
) -> InvoiceStatus {
    debug_assert_eq!(
        total.currency, paid.currency,
        "paid is in the invoice currency"
    );
    if voided {
        InvoiceStatus::Void
    } else if !issued {
        InvoiceStatus::Draft
    } else if paid.amount >= total.amount {
        InvoiceStatus::Paid
    } else if due_date.is_some_and(|d| today > d) {
        InvoiceStatus::Overdue
    } else if paid.is_positive() {
        InvoiceStatus::PartiallyPaid
    } else {
        InvoiceStatus::Issued
    }
}

/// What is still to be paid: total − paid, never below zero (an over-payment is customer credit,
/// held elsewhere).
pub fn open_amount(total: Money, paid: Money) -> Money {
    let open = total.amount - paid.amount;
    Money::new(open.max(Decimal::ZERO), total.currency).rounded()
}

/// Only a draft can be edited.
pub fn can_edit(status: InvoiceStatus) -> bool {
    status == InvoiceStatus::Draft
}

/// [`can_edit`] as an error for the edit paths (code `invoice_not_editable`).
pub fn ensure_editable(status: InvoiceStatus) -> Result<(), Invalid> {
    if can_edit(status) {
        Ok(())
    } else {
        Err(Invalid::new(
            "invoice_not_editable",
            format!(
                "a {status} invoice is never edited; void it with a reason or issue a credit note"
            ),
        ))
    }
}

/// A payment can be allocated only to an issued invoice with something open.
pub fn ensure_payable(status: InvoiceStatus) -> Result<(), Invalid> {
    match status {
        InvoiceStatus::Issued | InvoiceStatus::PartiallyPaid | InvoiceStatus::Overdue => Ok(()),
        InvoiceStatus::Void => Err(Invalid::new(
            "invoice_void",
            "a void invoice cannot be paid",
        )),
        InvoiceStatus::Draft => Err(Invalid::new(
            "invoice_not_issued",
            "issue the invoice before allocating a payment to it",
        )),
        InvoiceStatus::Paid => Err(Invalid::new(
            "invoice_paid",
            "the invoice is paid in full; the payment becomes customer credit",
        )),
    }
}

/// Why an invoice was voided: required, at most 500 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct VoidReason(String);

impl VoidReason {
    pub const MAX: usize = 500;

    pub fn parse(s: &str) -> Result<Self, Invalid> {
        required_text(s, Self::MAX)
            .map(Self)
            .map_err(|e| match e.code {
                "required" => Invalid::new("void_reason_required", "say why the invoice is void"),
                _ => e,
            })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for VoidReason {
    type Error = Invalid;
    fn try_from(s: String) -> Result<Self, Invalid> {
        Self::parse(&s)
    }
}

impl From<VoidReason> for String {
    fn from(r: VoidReason) -> Self {
        r.0
    }
}

/// Checks that an invoice in `status` may be voided for `reason`.
///
/// A draft has no number and is simply deleted (`draft_not_voidable`); an invoice with payments
/// allocated must have them released first (`invoice_has_payments`); voiding twice is
/// `already_void`.
pub fn void(status: InvoiceStatus, reason: &str) -> Result<VoidReason, Invalid> {
    match status {
        InvoiceStatus::Draft => Err(Invalid::new(
            "draft_not_voidable",
            "a draft has no number yet; delete it instead",
        )),
        InvoiceStatus::Void => Err(Invalid::new("already_void", "the invoice is already void")),
        InvoiceStatus::PartiallyPaid | InvoiceStatus::Paid => Err(Invalid::new(
            "invoice_has_payments",
            "release the payments allocated to this invoice before voiding it",
        )),
        InvoiceStatus::Issued | InvoiceStatus::Overdue => VoidReason::parse(reason),
    }
}

/// Why a credit note is issued ("2 cartons damaged in transit", "price claim agreed"):
/// required, at most 500 characters.
pub fn credit_reason(reason: &str) -> Result<String, Invalid> {
    required_text(reason, VoidReason::MAX).map_err(|e| match e.code {
        "required" => Invalid::new("credit_reason_required", "say why the invoice is credited"),
        _ => e,
    })
}

/// How an issued credit note settles: `applied` reduces the open amount of the invoice it
/// corrects, `customer_credit` is what the buyer had already paid beyond the corrected total
/// and is now owed back (refunded or applied to a later invoice).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CreditApplication {
    pub applied: Money,
    pub customer_credit: Money,
}

/// Checks a credit note of `credit` against the commercial invoice it corrects and splits it.
///
/// Only an issued commercial invoice is credited (`credit_not_allowed`); a credit note is
/// positive (`credit_not_positive`) and all credit notes of an invoice together never exceed its
/// total (`credit_exceeds_invoice`). `open` is what the invoice still has open.
pub fn credit_note(
    kind: InvoiceKind,
    status: InvoiceStatus,
    invoice_total: Money,
    already_credited: Money,
    open: Money,
    credit: Money,
) -> Result<CreditApplication, Invalid> {
    if kind != InvoiceKind::Commercial
        || matches!(status, InvoiceStatus::Draft | InvoiceStatus::Void)
    {
        return Err(Invalid::new(
            "credit_not_allowed",
            "only an issued commercial invoice is corrected by a credit note",
        ));
    }
    if !credit.is_positive() {
        return Err(Invalid::new(
            "credit_not_positive",
            "a credit note credits an amount greater than zero",
        ));
    }
    let room = invoice_total.amount - already_credited.amount;
    if credit.amount > room {
        return Err(Invalid::new(
            "credit_exceeds_invoice",
            format!(
                "credit notes may credit at most {} {} more on this invoice",
                invoice_total.currency,
                crate::money::format_amount(room.max(Decimal::ZERO), invoice_total.currency)
            ),
        ));
    }
    let applied = credit.amount.min(open.amount.max(Decimal::ZERO));
    Ok(CreditApplication {
        applied: Money::new(applied, credit.currency),
        customer_credit: Money::new(credit.amount - applied, credit.currency),
    })
}

/// The dates of shipment events, once known.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ShipmentDates {
    pub shipment: Option<NaiveDate>,
    pub bl: Option<NaiveDate>,
    pub arrival: Option<NaiveDate>,
}

/// One part of an invoice's payment schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Installment {
    #[serde(with = "rust_decimal::serde::str")]
    pub percent: Decimal,
    pub amount: Money,
    /// `None` while the event it waits for (shipment, B/L, arrival) has not happened.
    pub due: Option<NaiveDate>,
}

/// Splits `total` by the schedule ([`PaymentSchedule::split`]: the last part takes the rounding
/// difference) with each part's due date ([`PaymentSchedule::due_dates`]).
pub fn due_dates(
    schedule: &PaymentSchedule,
    total: Money,
    invoice_date: NaiveDate,
    dates: ShipmentDates,
) -> Vec<Installment> {
    let amounts = schedule.split(total);
    schedule
        .due_dates(invoice_date, dates.shipment, dates.bl, dates.arrival)
        .into_iter()
        .zip(amounts)
        .map(|((percent, due), amount)| Installment {
            percent,
            amount,
            due,
        })
        .collect()
}

/// The due date that matters now: that of the first installment `paid` does not yet cover.
/// `None` when everything is covered or that installment's date is not known yet. Feed it to
/// [`invoice_status`].
pub fn current_due_date(installments: &[Installment], paid: Money) -> Option<NaiveDate> {
    let mut cumulative = Decimal::ZERO;
    for i in installments {
        cumulative += i.amount.amount;
        if cumulative > paid.amount {
            return i.due;
        }
    }
    None
}

/// Quantities of one sales-order line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderLineQuantities<K> {
    pub id: K,
    pub ordered: Quantity,
    /// Shipped so far (zero before the first shipment).
    pub shipped: Decimal,
}

/// Checks the quantities a commercial invoice would bill (`requested`: order line and quantity)
/// against what each order line has shipped and what earlier, non-void commercial invoices
/// already billed. Errors are keyed `lines[i].quantity` / `lines[i].order_line` by the index in
/// `requested`; two requested rows for one order line count together.
pub fn check_invoice_quantities<K: Ord + Clone>(
    order_lines: &[OrderLineQuantities<K>],
    already_invoiced: &[(K, Quantity)],
    requested: &[(K, Quantity)],
) -> Result<(), FieldErrors> {
    let shipped: BTreeMap<&K, Decimal> = order_lines.iter().map(|l| (&l.id, l.shipped)).collect();
    let mut billed: BTreeMap<&K, Decimal> = BTreeMap::new();
    for (k, q) in already_invoiced {
        *billed.entry(k).or_default() += q.value();
    }
    let mut errors = FieldErrors::new();
    for (i, (k, q)) in requested.iter().enumerate() {
        let Some(&shipped) = shipped.get(k) else {
            errors.add(
                format!("lines[{i}].order_line"),
                Invalid::new("unknown_order_line", "this line is not on the sales order"),
            );
            continue;
        };
        let before = billed.get(k).copied().unwrap_or_default();
        let left = (shipped - before).max(Decimal::ZERO);
        if q.value() > left {
            errors.add(
                format!("lines[{i}].quantity"),
                Invalid::new(
                    "exceeds_shipped",
                    format!(
                        "{} shipped and {} already invoiced: at most {} more can be invoiced",
                        format_decimal(shipped.normalize()),
                        format_decimal(before.normalize()),
                        format_decimal(left.normalize())
                    ),
                ),
            );
        }
        *billed.entry(k).or_default() += q.value();
    }
    errors.finish(|| ())
}

#[cfg(test)]
mod tests;
