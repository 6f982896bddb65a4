//! Invoices: proforma invoices from a quote or order (what a deposit is paid against),
//! commercial invoices from a sales order for what has shipped, issuing with a gapless number
//! per series and year, and voiding with a reason. An issued invoice never changes again.
//!
//! Who may bill: whoever may edit the customer, and finance for every customer.

use crate::customers::{editable, visible};
use crate::{App, AppError, Page, Result, audit, now};
use chrono::{Datelike, NaiveDate};
use leadledger_domain::documents::invoice::{
    self as di, InvoiceKind, InvoiceStatus, OrderLineQuantities, ShipmentDates,
};
use leadledger_domain::documents::lines::{Charges, DocumentDiscount, remainder};
use leadledger_domain::documents::numbering::format_number;
use leadledger_domain::documents::quote::QuoteSnapshot;
use leadledger_domain::documents::totals::Totals;
use leadledger_domain::money::{Currency, Money, Quantity, parse_decimal};
use leadledger_domain::page::PageRequest;
use leadledger_domain::user::{Actor, Role};
use leadledger_domain::{FieldErrors, Invalid};
use leadledger_store::invoices::{self, InvoiceFilter, InvoiceRecord, InvoiceRow};
use leadledger_store::{Tx, orders, quotes};
use rust_decimal::Decimal;
use serde_json::json;

#[derive(Debug, Clone, serde::Serialize)]
pub struct InvoiceView {
    #[serde(flatten)]
    pub row: InvoiceRow,
    #[serde(skip)]
    pub snapshot: QuoteSnapshot,
    #[serde(skip)]
    pub totals: Totals,
    /// Derived as of today: draft, issued, partially paid, paid, overdue, void.
    pub derived_status: String,
}

pub(crate) async fn can_bill(tx: &mut Tx, actor: &Actor, customer_id: i64) -> Result<()> {
    if actor.role == Role::Finance {
        visible(tx, actor, customer_id).await.map(|_| ())
    } else {
        editable(tx, actor, customer_id).await.map(|_| ())
    }
}

pub(crate) fn minor(m: Money) -> i64 {
    (m.amount * Decimal::from(10i64.pow(m.currency.minor_units())))
        .trunc()
        .try_into()
        .unwrap_or(i64::MAX)
}

pub(crate) fn record(
    kind: InvoiceKind,
    customer_id: i64,
    quote_id: Option<i64>,
    order_id: Option<i64>,
    snap: &QuoteSnapshot,
    by: i64,
) -> Result<InvoiceRecord> {
    let totals = snap.totals().map_err(|e| AppError::field("lines", e))?;
    let base = totals
        .base_total(&snap.rate)
        .map_err(|e| AppError::field("rate", e))?;
    Ok(InvoiceRecord {
        kind: kind.as_str().into(),
        customer_id,
        quote_id,
        order_id,
        currency: snap.currency.code().into(),
        rate: snap.rate.rate().normalize().to_string(),
        snapshot: serde_json::to_string(snap).unwrap_or_default(),
        total_minor: minor(totals.total),
        base_total_minor: minor(base),
        created_by: Some(by),
        credits_invoice_id: None,
        credit_reason: None,
    })
}

/// A draft proforma invoice with exactly the content of a quote revision or a sales order.
pub async fn proforma(
    app: &App,
    actor: &Actor,
    quote_id: Option<i64>,
    order_id: Option<i64>,
) -> Result<i64> {
    let mut tx = app.db.write().await?;
    let (customer_id, snapshot) = match (quote_id, order_id) {
        (_, Some(oid)) => {
            let o = orders::get(&mut tx, oid).await?;
            (o.customer_id, o.snapshot)
        }
        (Some(qid), None) => {
            let q = quotes::get(&mut tx, qid).await?;
            if !matches!(q.status.as_str(), "sent" | "accepted") {
                return Err(AppError::field(
                    "status",
                    Invalid::new(
                        "quote_not_sent",
                        "a proforma invoice follows a sent or accepted quote",
                    ),
                ));
            }
            (q.customer_id, q.snapshot)
        }
        (None, None) => {
            return Err(AppError::field(
                "quote_id",
                Invalid::new("required", "name the quote or the sales order"),
            ));
        }
    };
    can_bill(&mut tx, actor, customer_id).await?;
    let snap: QuoteSnapshot =
        serde_json::from_str(&snapshot).map_err(|e| AppError::Internal(e.to_string()))?;
    let rec = record(
        InvoiceKind::Proforma,
        customer_id,
        quote_id,
        order_id,
        &snap,
        actor.user_id,
    )?;
    let id = invoices::insert(&mut tx, &rec, now()).await?;
    audit::record(&mut tx, Some(actor), "invoice", Some(id), "create", json!({"kind": "proforma", "quote_id": quote_id, "order_id": order_id, "total_minor": rec.total_minor})).await?;
    tx.commit().await?;
    Ok(id)
}

/// A draft commercial invoice billing `requested` quantities per order line, at most what has
/// shipped and is not billed yet. The order's charges go on its first commercial invoice; the
/// invoice that bills the rest of a line (or of the order) bills the rest of its amount (or
/// discount), so the commercial invoices of an order add up to the order to the cent.
pub async fn commercial(
    app: &App,
    actor: &Actor,
    order_id: i64,
    requested: &[(i64, String)],
) -> Result<i64> {
    let mut tx = app.db.write().await?;
    let o = orders::get(&mut tx, order_id).await?;
    can_bill(&mut tx, actor, o.customer_id).await?;
    let lines_of_order = orders::lines(&mut tx, order_id).await?;
    let mut e = FieldErrors::new();
    let mut want: Vec<(i64, Quantity)> = Vec::new();
    for (i, (lid, raw)) in requested
        .iter()
        .enumerate()
        .filter(|(_, (_, q))| !q.trim().is_empty())
    {
        if let Some(q) = e.take(&format!("lines[{i}].quantity"), Quantity::parse(raw)) {
            want.push((*lid, q));
        }
    }
    if want.is_empty() && e.is_empty() {
        e.add(
            "lines",
            Invalid::new("nothing_to_invoice", "enter a quantity to invoice"),
        );
    }
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let qty = |s: &str| parse_decimal(s).unwrap_or_default();
    let order_lines: Vec<OrderLineQuantities<i64>> = lines_of_order
        .iter()
        .filter_map(|l| {
            Some(OrderLineQuantities {
                id: l.id,
                ordered: Quantity::parse(&l.quantity).ok()?,
                shipped: qty(&l.shipped),
            })
        })
        .collect();
    let billed_rows = invoices::billed_for_order(&mut tx, order_id).await?;
    let billed: Vec<(i64, Quantity)> = billed_rows
        .iter()
        .filter_map(|b| Some((b.order_line_id, Quantity::parse(&b.quantity).ok()?)))
        .collect();
    di::check_invoice_quantities(&order_lines, &billed, &want)?;
    let order_snap: QuoteSnapshot =
        serde_json::from_str(&o.snapshot).map_err(|e| AppError::Internal(e.to_string()))?;
    let c = order_snap.currency;
    let first = billed_rows.is_empty();
    // Quantities billed per order line once this invoice is issued.
    let billed_qty = |lid: i64| -> Decimal {
        billed
            .iter()
            .chain(want.iter())
            .filter(|(l, _)| *l == lid)
            .map(|(_, q)| q.value())
            .sum()
    };
    let mut snap = order_snap.clone();
    let mut lines = Vec::new();
    for (lid, q) in &want {
        let Some(ol) = lines_by_id(&lines_of_order, *lid) else {
            continue;
        };
        let Some(line) = order_snap.lines.get(ol.position as usize) else {
            continue;
        };
        let ordered = Quantity::parse(&ol.quantity)
            .map(|q| q.value())
            .unwrap_or_default();
        // The invoice that bills the rest of a line bills the rest of its amount, so the parts
        // add up to the order to the cent.
        if billed_qty(*lid) == ordered && billed.iter().any(|(l, _)| l == lid) {
            let before: Vec<Money> = billed_rows
                .iter()
                .filter(|b| b.order_line_id == *lid)
                .map(|b| money_of(b.amount_minor, c))
                .collect();
            let ordered_amount = line.amount(c).map_err(|e| AppError::field("lines", e))?;
            let rest =
                remainder(ordered_amount, &before).map_err(|e| AppError::field("lines", e))?;
            lines.push(line.with_rest(*q, rest));
        } else {
            lines.push(line.with_quantity(*q));
        }
    }
    snap.lines = lines;
    // The order's charges go on its first commercial invoice; a percentage discount applies to
    // each; the invoice that completes the order takes what is left of the order's discount.
    let completes = order_lines
        .iter()
        .all(|l| billed_qty(l.id) == l.ordered.value());
    if !first {
        snap.charges = Charges::none(c);
    }
    snap.discount = if completes {
        let order_discount = order_snap
            .totals()
            .map_err(|e| AppError::field("lines", e))?
            .discount;
        let before = earlier_discounts(&mut tx, order_id).await?;
        let rest =
            remainder(order_discount, &before).map_err(|e| AppError::field("discount", e))?;
        if rest.is_zero() {
            DocumentDiscount::None
        } else {
            DocumentDiscount::Amount(rest)
        }
    } else {
        match order_snap.discount {
            DocumentDiscount::Percent(p) => DocumentDiscount::Percent(p),
            DocumentDiscount::Amount(m) if first => DocumentDiscount::Amount(m),
            _ => DocumentDiscount::None,
        }
    };
    let rec = record(
        InvoiceKind::Commercial,
        o.customer_id,
        o.quote_id,
        Some(order_id),
        &snap,
        actor.user_id,
    )?;
    let totals = snap.totals().map_err(|e| AppError::field("lines", e))?;
    let id = invoices::insert(&mut tx, &rec, now()).await?;
    for ((lid, q), amount) in want.iter().zip(&totals.lines) {
        invoices::add_order_line(
            &mut tx,
            id,
            *lid,
            &q.value().normalize().to_string(),
            minor(*amount),
        )
        .await?;
    }
    audit::record(&mut tx, Some(actor), "invoice", Some(id), "create",
        json!({"kind": "commercial", "order": o.number, "lines": want.iter().map(|(l, q)| json!([l, q.value().normalize().to_string()])).collect::<Vec<_>>()})).await?;
    tx.commit().await?;
    Ok(id)
}

fn lines_by_id(lines: &[orders::OrderLineRow], id: i64) -> Option<&orders::OrderLineRow> {
    lines.iter().find(|l| l.id == id)
}

/// The discounts of the order's earlier, non-void commercial invoices.
async fn earlier_discounts(tx: &mut Tx, order_id: i64) -> Result<Vec<Money>> {
    let f = InvoiceFilter {
        order_id: Some(order_id),
        kind: Some("commercial".into()),
        ..Default::default()
    };
    let (rows, _) = invoices::list(tx, &f, 10_000, 0).await?;
    rows.iter()
        .filter(|r| r.status != "void")
        .map(|r| {
            let s: QuoteSnapshot =
                serde_json::from_str(&r.snapshot).map_err(|e| AppError::Internal(e.to_string()))?;
            Ok(s.totals()
                .map_err(|e| AppError::Internal(e.to_string()))?
                .discount)
        })
        .collect()
}

/// Issues a draft on `issue_date` (today when `None`): the next gapless number of its series
/// and year, the due date from the payment schedule, and the invoice is frozen.
pub async fn issue(
    app: &App,
    actor: &Actor,
    id: i64,
    issue_date: Option<NaiveDate>,
) -> Result<String> {
    let mut tx = app.db.write().await?;
    let row = invoices::get(&mut tx, id).await?;
    can_bill(&mut tx, actor, row.customer_id).await?;
    if row.status != "draft" {
        return Err(AppError::field(
            "status",
            Invalid::new("invoice_not_editable", "this invoice is already issued"),
        ));
    }
    let kind = InvoiceKind::parse(&row.kind).map_err(|e| AppError::Internal(e.to_string()))?;
    let snap: QuoteSnapshot =
        serde_json::from_str(&row.snapshot).map_err(|e| AppError::Internal(e.to_string()))?;
    let totals = snap
        .totals()
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let date = issue_date.unwrap_or_else(crate::today);
    let series = kind.series();
    let n = quotes::next_number(&mut tx, series.prefix(), date.year()).await?;
    let number = format_number(series, date.year(), n as u32)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    // A credit note is settled against its invoice, not paid to a schedule.
    let due = if kind == InvoiceKind::CreditNote {
        crate::credit_notes::apply(&mut tx, &row, &totals).await?;
        None
    } else {
        let installments =
            di::due_dates(&snap.payment, totals.total, date, ShipmentDates::default());
        di::current_due_date(&installments, Money::zero(totals.total.currency))
    };
    invoices::issue(
        &mut tx,
        id,
        &number,
        &date.to_string(),
        due.map(|d| d.to_string()).as_deref(),
        now(),
    )
    .await?;
    audit::record(&mut tx, Some(actor), "invoice", Some(id), "issue", json!({"number": number, "issue_date": date.to_string(), "due_date": due.map(|d| d.to_string())})).await?;
    if kind == InvoiceKind::Commercial {
        let issued = invoices::get(&mut tx, id).await?;
        let base = crate::company::base_currency_in(&mut tx).await?;
        crate::payments::apply_deposits(&mut tx, actor, &issued, base).await?;
        refresh_due_date(&mut tx, id).await?;
    }
    tx.commit().await?;
    Ok(number)
}

/// Voids an issued invoice with a reason; its number stays used.
pub async fn void(app: &App, actor: &Actor, id: i64, reason: &str) -> Result<()> {
    let mut tx = app.db.write().await?;
    let row = invoices::get(&mut tx, id).await?;
    can_bill(&mut tx, actor, row.customer_id).await?;
    let status = status_of(&row)?;
    let reason = di::void(status, reason).map_err(|e| {
        AppError::field(
            if e.code == "void_reason_required" || e.code == "required" {
                "reason"
            } else {
                "status"
            },
            e,
        )
    })?;
    if row.kind == "commercial" {
        let f = InvoiceFilter {
            credits_invoice_id: Some(id),
            status: Some("issued".into()),
            ..Default::default()
        };
        if invoices::list(&mut tx, &f, 1, 0).await?.1 > 0 {
            return Err(AppError::field(
                "status",
                Invalid::new(
                    "invoice_has_credit_notes",
                    "void the credit notes of this invoice before voiding it",
                ),
            ));
        }
    }
    if let Some(inv) = row.credits_invoice_id {
        // Voiding a credit note gives the invoice back what the note had closed.
        invoices::apply_credit_note(&mut tx, id, inv, -row.paid_minor, now()).await?;
        refresh_due_date(&mut tx, inv).await?;
    }
    invoices::void(&mut tx, id, reason.as_str(), now()).await?;
    audit::record(
        &mut tx,
        Some(actor),
        "invoice",
        Some(id),
        "void",
        json!({"number": row.number, "reason": reason.as_str()}),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) fn money_of(minor: i64, c: Currency) -> Money {
    Money::new(Decimal::new(minor, c.minor_units()), c)
}

/// Deletes a draft; issued invoices keep their number and are voided instead.
pub async fn delete_draft(app: &App, actor: &Actor, id: i64) -> Result<()> {
    let mut tx = app.db.write().await?;
    let row = invoices::get(&mut tx, id).await?;
    can_bill(&mut tx, actor, row.customer_id).await?;
    if row.status != "draft" {
        return Err(AppError::field(
            "status",
            Invalid::new(
                "invoice_not_editable",
                "an issued invoice is never deleted; void it with a reason",
            ),
        ));
    }
    invoices::delete_draft(&mut tx, id).await?;
    audit::record(
        &mut tx,
        Some(actor),
        "invoice",
        Some(id),
        "delete",
        json!({"kind": row.kind, "total_minor": row.total_minor}),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Sets an issued commercial invoice's due date to that of the first installment of its payment
/// schedule that payments and credit notes do not yet cover (none when all are covered or the
/// next one waits for an event such as the B/L).
pub(crate) async fn refresh_due_date(tx: &mut Tx, id: i64) -> Result<()> {
    let row = invoices::get(tx, id).await?;
    let Some(issued) = row.issue_date.as_deref().and_then(|d| d.parse().ok()) else {
        return Ok(());
    };
    if row.kind != "commercial" || row.status != "issued" {
        return Ok(());
    }
    let snap: QuoteSnapshot =
        serde_json::from_str(&row.snapshot).map_err(|e| AppError::Internal(e.to_string()))?;
    let c = snap.currency;
    let installments = di::due_dates(
        &snap.payment,
        money_of(row.total_minor, c),
        issued,
        ShipmentDates::default(),
    );
    let covered = money_of(row.paid_minor + row.credited_minor, c);
    let due = di::current_due_date(&installments, covered).map(|d| d.to_string());
    if due != row.due_date {
        invoices::set_due_date(tx, id, due.as_deref()).await?;
    }
    Ok(())
}

pub(crate) fn status_of(row: &InvoiceRow) -> Result<InvoiceStatus> {
    let c = leadledger_domain::money::Currency::parse(&row.currency)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let dp = c.minor_units();
    // A credit note lowers what is owed; payments pay it. A credit note or a proforma is never
    // "paid" or overdue: neither is a receivable.
    let (owed, paid) = if row.kind == "commercial" {
        (row.total_minor - row.credited_minor, row.paid_minor)
    } else {
        (row.total_minor, 0)
    };
    let total = Money::new(Decimal::new(owed, dp), c);
    let paid = Money::new(Decimal::new(paid, dp), c);
    let due = row.due_date.as_deref().and_then(|d| d.parse().ok());
    Ok(di::invoice_status(
        row.status != "draft",
        row.status == "void",
        total,
        paid,
        due.filter(|_| row.kind == "commercial"),
        crate::today(),
    ))
}

fn decode(row: InvoiceRow) -> Result<InvoiceView> {
    let snapshot: QuoteSnapshot =
        serde_json::from_str(&row.snapshot).map_err(|e| AppError::Internal(e.to_string()))?;
    let totals = snapshot
        .totals()
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let derived_status = status_of(&row)?.as_str().to_string();
    Ok(InvoiceView {
        row,
        snapshot,
        totals,
        derived_status,
    })
}

pub async fn get(app: &App, actor: &Actor, id: i64) -> Result<InvoiceView> {
    let mut tx = app.db.read().await?;
    let row = invoices::get(&mut tx, id).await?;
    visible(&mut tx, actor, row.customer_id).await?;
    decode(row)
}

/// An invoice for lists: its row and status, without decoding its content.
#[derive(Debug, Clone, serde::Serialize)]
pub struct InvoiceSummary {
    #[serde(flatten)]
    pub row: InvoiceRow,
    pub derived_status: String,
}

/// Invoices for lists (the invoice list, a customer's page): rows and statuses only.
pub async fn summaries(
    app: &App,
    actor: &Actor,
    mut f: InvoiceFilter,
    page: PageRequest,
) -> Result<Page<InvoiceSummary>> {
    f.visible_to = actor.customer_scope();
    let mut tx = app.db.read().await?;
    let (rows, total) = invoices::list(&mut tx, &f, page.limit(), page.offset()).await?;
    let items = rows
        .into_iter()
        .map(|row| {
            let derived_status = status_of(&row)?.as_str().to_string();
            Ok(InvoiceSummary {
                row,
                derived_status,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Page {
        items,
        total,
        page: page.page,
        per_page: page.per_page,
    })
}

pub async fn list(
    app: &App,
    actor: &Actor,
    mut f: InvoiceFilter,
    page: PageRequest,
) -> Result<Page<InvoiceView>> {
    f.visible_to = actor.customer_scope();
    let mut tx = app.db.read().await?;
    let (rows, total) = invoices::list(&mut tx, &f, page.limit(), page.offset()).await?;
    let items = rows.into_iter().map(decode).collect::<Result<Vec<_>>>()?;
    Ok(Page {
        items,
        total,
        page: page.page,
        per_page: page.per_page,
    })
}

/// What happened to an invoice after it was made: the payments allocated to it and, for a
/// commercial invoice, its credit notes (for a credit note: the invoice it corrects).
#[derive(Debug, Clone, Default)]
pub struct History {
    pub allocations: Vec<leadledger_store::payments::AllocationRow>,
    /// For a proforma: the deposits paid against it.
    pub deposits: Vec<leadledger_store::payments::PaymentRow>,
    pub credit_notes: Vec<InvoiceRow>,
    pub credits: Option<InvoiceRow>,
}

pub async fn history(app: &App, actor: &Actor, id: i64) -> Result<History> {
    let mut tx = app.db.read().await?;
    let row = invoices::get(&mut tx, id).await?;
    visible(&mut tx, actor, row.customer_id).await?;
    let allocations = leadledger_store::payments::allocations_to_invoice(&mut tx, id).await?;
    let f = InvoiceFilter {
        credits_invoice_id: Some(id),
        ..Default::default()
    };
    let (credit_notes, _) = invoices::list(&mut tx, &f, 1000, 0).await?;
    let credits = match row.credits_invoice_id {
        Some(i) => Some(invoices::get(&mut tx, i).await?),
        None => None,
    };
    let deposits = if row.kind == "proforma" {
        let f = leadledger_store::payments::PaymentFilter {
            against_invoice_ids: vec![id],
            ..Default::default()
        };
        leadledger_store::payments::list(&mut tx, &f, 1000, 0)
            .await?
            .0
    } else {
        Vec::new()
    };
    Ok(History {
        allocations,
        deposits,
        credit_notes,
        credits,
    })
}
