//! Credit notes: the correction of an issued commercial invoice by returned quantities or an
//! agreed amount, at the invoice's rate. Issued, a credit note is applied to its invoice as far
//! as the invoice is open; the rest is owed to the buyer. All credit notes of an invoice together
//! never exceed its total ([`di::credit_note`]).

use crate::invoices::{can_bill, minor, money_of, record, refresh_due_date, status_of};
use crate::{App, AppError, Result, audit, now};
use leadledger_domain::documents::invoice::{self as di, InvoiceKind};
use leadledger_domain::documents::lines::{Charges, DocumentDiscount, LineDraft};
use leadledger_domain::documents::quote::QuoteSnapshot;
use leadledger_domain::documents::totals::Totals;
use leadledger_domain::money::{Money, Quantity};
use leadledger_domain::user::Actor;
use leadledger_domain::{FieldErrors, Invalid};
use leadledger_store::Tx;
use leadledger_store::invoices::{self, InvoiceRow};
use serde_json::json;

/// What a credit note credits, as typed: quantities of the invoice's lines (goods returned or
/// short-shipped) and an optional amount with its description (a price or quality claim).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct CreditDraft {
    pub reason: String,
    /// `(index of the invoice line, quantity)`; empty quantities are skipped.
    pub lines: Vec<(usize, String)>,
    pub adjustment_description: String,
    pub adjustment_amount: String,
}

/// A draft credit note correcting an issued commercial invoice, at the invoice's rate. Checked
/// again when issued: all credit notes of an invoice together never exceed its total.
pub async fn create(app: &App, actor: &Actor, invoice_id: i64, d: &CreditDraft) -> Result<i64> {
    let mut tx = app.db.write().await?;
    let inv = invoices::get(&mut tx, invoice_id).await?;
    can_bill(&mut tx, actor, inv.customer_id).await?;
    let source: QuoteSnapshot =
        serde_json::from_str(&inv.snapshot).map_err(|e| AppError::Internal(e.to_string()))?;
    let c = source.currency;
    let mut e = FieldErrors::new();
    let reason = e.take("reason", di::credit_reason(&d.reason));
    let mut lines = Vec::new();
    for (i, raw) in d.lines.iter().filter(|(_, q)| !q.trim().is_empty()) {
        let field = format!("lines[{i}].quantity");
        let Some(line) = source.lines.get(*i) else {
            e.add(
                field,
                Invalid::new("unknown_line", "the invoice has no such line"),
            );
            continue;
        };
        if let Some(q) = e.take(&field, Quantity::parse(raw)) {
            if q.value() > line.quantity().value() {
                e.add(
                    field,
                    Invalid::new(
                        "credit_quantity_exceeds_line",
                        format!(
                            "the invoice billed {} {}",
                            line.quantity().value().normalize(),
                            line.unit()
                        ),
                    ),
                );
            } else {
                lines.push(line.with_quantity(q));
            }
        }
    }
    if !d.adjustment_amount.trim().is_empty() {
        let desc = if d.adjustment_description.trim().is_empty() {
            reason.clone().unwrap_or_default()
        } else {
            d.adjustment_description.trim().to_string()
        };
        let draft = LineDraft {
            description: desc,
            quantity: "1".into(),
            unit: "lot".into(),
            unit_price: d.adjustment_amount.trim().to_string(),
            ..Default::default()
        };
        match draft.parse(0) {
            Ok(l) => lines.push(l),
            Err(errs) => {
                for (_, v) in errs.0 {
                    e.add("adjustment_amount", v);
                }
            }
        }
    }
    if lines.is_empty() && e.is_empty() {
        e.add(
            "lines",
            Invalid::new(
                "nothing_to_credit",
                "enter a quantity or an amount to credit",
            ),
        );
    }
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let mut snap = source.clone();
    snap.lines = lines;
    snap.charges = Charges::none(c);
    // Returned goods are credited at what was billed for them: the invoice's percentage discount
    // applies again; a fixed discount or an adjustment amount is credited as typed.
    snap.discount = match source.discount {
        DocumentDiscount::Percent(p) if d.adjustment_amount.trim().is_empty() => {
            DocumentDiscount::Percent(p)
        }
        _ => DocumentDiscount::None,
    };
    let totals = snap.totals().map_err(|e| AppError::field("lines", e))?;
    check_credit(&mut tx, &inv, totals.total, None).await?;
    let mut rec = record(
        InvoiceKind::CreditNote,
        inv.customer_id,
        inv.quote_id,
        inv.order_id,
        &snap,
        actor.user_id,
    )?;
    rec.credits_invoice_id = Some(inv.id);
    rec.credit_reason = reason;
    let id = invoices::insert(&mut tx, &rec, now()).await?;
    audit::record(&mut tx, Some(actor), "invoice", Some(id), "create",
        json!({"kind": "credit_note", "credits": inv.number, "reason": rec.credit_reason, "total_minor": rec.total_minor})).await?;
    tx.commit().await?;
    Ok(id)
}

/// Checks a credit note of `credit` against its invoice and the invoice's other credit notes.
async fn check_credit(
    tx: &mut Tx,
    inv: &InvoiceRow,
    credit: Money,
    except: Option<i64>,
) -> Result<di::CreditApplication> {
    let c = credit.currency;
    let kind = InvoiceKind::parse(&inv.kind).map_err(|e| AppError::Internal(e.to_string()))?;
    let others = invoices::credit_notes_total(tx, inv.id, except.unwrap_or(0)).await?;
    di::credit_note(
        kind,
        status_of(inv)?,
        money_of(inv.total_minor, c),
        money_of(others, c),
        money_of(inv.open_minor(), c),
        credit,
    )
    .map_err(|e| {
        AppError::field(
            if e.code == "credit_not_allowed" {
                "status"
            } else {
                "lines"
            },
            e,
        )
    })
}

/// On issue: applies the credit note to its invoice as far as the invoice is open.
pub(crate) async fn apply(tx: &mut Tx, cn: &InvoiceRow, totals: &Totals) -> Result<()> {
    let inv_id = cn
        .credits_invoice_id
        .ok_or_else(|| AppError::Internal("a credit note without its invoice".into()))?;
    let inv = invoices::get(tx, inv_id).await?;
    let a = check_credit(tx, &inv, totals.total, Some(cn.id)).await?;
    invoices::apply_credit_note(tx, cn.id, inv_id, minor(a.applied), now()).await?;
    refresh_due_date(tx, inv_id).await?;
    Ok(())
}
