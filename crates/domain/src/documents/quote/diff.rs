//! What changed between two revisions of a quote, in a form a UI can render as a table.
//!
//! Lines are matched first by SKU (the first unmatched line with the same SKU), then free-text
//! lines without a SKU by their order among such lines. A matched pair reports each changed field
//! (quantity, unit price, discount, unit, description); an unmatched line is added or removed.
//! Then the document's terms and money: currency, rate, Incoterm, place, payment terms, validity,
//! lead time, charges, discount and notes.
//!
//! Every change carries a stable field code (for translation) and both values already formatted
//! for display ("1,000", "0.0125", "USD 1,200.00", "30% T/T in advance, 70% before shipment"),
//! so a page or an e-mail needs no knowledge of the types.

use super::QuoteSnapshot;
use crate::customer::code_enum;
use crate::documents::lines::Line;
use crate::money::{Money, format_decimal};
use rust_decimal::Decimal;
use serde::Serialize;

code_enum!(
    /// A field of a line that a revision can change.
    LineField, "invalid_line_field" {
        Quantity = "quantity",
        UnitPrice = "unit_price",
        Discount = "discount",
        Unit = "unit",
        Description = "description",
    }
);

code_enum!(
    /// A term or amount of the whole quote that a revision can change.
    DocumentField, "invalid_document_field" {
        Currency = "currency",
        Rate = "rate",
        Incoterm = "incoterm",
        Place = "place",
        Payment = "payment",
        ValidUntil = "valid_until",
        LeadTime = "lead_time",
        Freight = "freight",
        Insurance = "insurance",
        OtherCharges = "other_charges",
        Discount = "discount",
        Notes = "notes",
    }
);

/// Which line a change is about: its 1-based position (in the newer revision, or in the older
/// one for a removed line), its SKU and a label (SKU, else description).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineRef {
    pub position: usize,
    pub sku: Option<String>,
    pub label: String,
}

/// One difference between two revisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    LineAdded {
        line: LineRef,
        quantity: String,
        unit_price: String,
    },
    LineRemoved {
        line: LineRef,
        quantity: String,
        unit_price: String,
    },
    LineChanged {
        line: LineRef,
        field: LineField,
        from: String,
        to: String,
    },
    Document {
        field: DocumentField,
        from: String,
        to: String,
    },
}

impl Change {
    /// One English sentence: "line 2 (LED-100W): quantity 1,000 → 1,200".
    pub fn describe_en(&self) -> String {
        let at = |l: &LineRef| format!("line {} ({})", l.position, l.label);
        match self {
            Change::LineAdded {
                line,
                quantity,
                unit_price,
            } => format!("{} added: {quantity} at {unit_price}", at(line)),
            Change::LineRemoved {
                line,
                quantity,
                unit_price,
            } => format!("{} removed (was {quantity} at {unit_price})", at(line)),
            Change::LineChanged {
                line,
                field,
                from,
                to,
            } => format!(
                "{}: {} {from} → {to}",
                at(line),
                field.as_str().replace('_', " ")
            ),
            Change::Document { field, from, to } => {
                let show = |s: &str| {
                    if s.is_empty() {
                        "—".to_string()
                    } else {
                        s.to_string()
                    }
                };
                format!(
                    "{}: {} → {}",
                    field.as_str().replace('_', " "),
                    show(from),
                    show(to)
                )
            }
        }
    }
}

fn num(d: Decimal) -> String {
    format_decimal(d.normalize())
}

fn line_ref(l: &Line, index: usize) -> LineRef {
    LineRef {
        position: index + 1,
        sku: l.sku().map(str::to_string),
        label: l.label().to_string(),
    }
}

/// Pairs each line of `b` with a line of `a`: by SKU first, then free-text lines by order.
fn match_lines(a: &[Line], b: &[Line]) -> Vec<Option<usize>> {
    let mut used = vec![false; a.len()];
    let mut pair = vec![None; b.len()];
    for (j, lb) in b.iter().enumerate() {
        let Some(sku) = lb.sku() else { continue };
        if let Some(i) = (0..a.len()).find(|&i| !used[i] && a[i].sku() == Some(sku)) {
            used[i] = true;
            pair[j] = Some(i);
        }
    }
    let a_free = (0..a.len()).filter(|&i| !used[i] && a[i].sku().is_none());
    let b_free: Vec<usize> = (0..b.len())
        .filter(|&j| pair[j].is_none() && b[j].sku().is_none())
        .collect();
    for (i, &j) in a_free.zip(&b_free) {
        pair[j] = Some(i);
    }
    pair
}

fn line_changes(la: &Line, lb: &Line, r: &LineRef, out: &mut Vec<Change>) {
    let mut push = |field, from: String, to: String| {
        if from != to {
            out.push(Change::LineChanged {
                line: r.clone(),
                field,
                from,
                to,
            });
        }
    };
    push(
        LineField::Quantity,
        num(la.quantity().value()),
        num(lb.quantity().value()),
    );
    push(
        LineField::UnitPrice,
        num(la.unit_price().value()),
        num(lb.unit_price().value()),
    );
    push(
        LineField::Discount,
        la.discount().to_string(),
        lb.discount().to_string(),
    );
    push(
        LineField::Unit,
        la.unit().to_string(),
        lb.unit().to_string(),
    );
    push(
        LineField::Description,
        la.description().unwrap_or("").to_string(),
        lb.description().unwrap_or("").to_string(),
    );
}

fn money(m: Money) -> String {
    m.to_string()
}

/// Lists what changed from revision `a` to revision `b`: removed lines, then added and changed
/// lines in `b`'s order, then terms and amounts. Identical snapshots give an empty list.
pub fn diff(a: &QuoteSnapshot, b: &QuoteSnapshot) -> Vec<Change> {
    let mut out = Vec::new();
    let pair = match_lines(&a.lines, &b.lines);
    let matched: Vec<bool> = (0..a.lines.len())
        .map(|i| pair.contains(&Some(i)))
        .collect();
    for (i, la) in a.lines.iter().enumerate() {
        if !matched[i] {
            out.push(Change::LineRemoved {
                line: line_ref(la, i),
                quantity: num(la.quantity().value()),
                unit_price: num(la.unit_price().value()),
            });
        }
    }
    for (j, lb) in b.lines.iter().enumerate() {
        let r = line_ref(lb, j);
        match pair[j] {
            Some(i) => line_changes(&a.lines[i], lb, &r, &mut out),
            None => out.push(Change::LineAdded {
                line: r,
                quantity: num(lb.quantity().value()),
                unit_price: num(lb.unit_price().value()),
            }),
        }
    }
    let mut push = |field, from: String, to: String| {
        if from != to {
            out.push(Change::Document { field, from, to });
        }
    };
    push(
        DocumentField::Currency,
        a.currency.to_string(),
        b.currency.to_string(),
    );
    let rate = |s: &QuoteSnapshot| {
        format!(
            "{} {} per {}",
            num(s.rate.rate()),
            s.rate.base_currency(),
            s.rate.document_currency()
        )
    };
    push(DocumentField::Rate, rate(a), rate(b));
    push(
        DocumentField::Incoterm,
        a.incoterm.rule().to_string(),
        b.incoterm.rule().to_string(),
    );
    push(
        DocumentField::Place,
        a.incoterm.place().to_string(),
        b.incoterm.place().to_string(),
    );
    push(DocumentField::Payment, a.payment_text(), b.payment_text());
    push(
        DocumentField::ValidUntil,
        a.valid_until.to_string(),
        b.valid_until.to_string(),
    );
    push(
        DocumentField::LeadTime,
        a.lead_time.to_string(),
        b.lead_time.to_string(),
    );
    push(
        DocumentField::Freight,
        money(a.charges.freight()),
        money(b.charges.freight()),
    );
    push(
        DocumentField::Insurance,
        money(a.charges.insurance()),
        money(b.charges.insurance()),
    );
    push(
        DocumentField::OtherCharges,
        money(a.charges.other()),
        money(b.charges.other()),
    );
    push(
        DocumentField::Discount,
        a.discount.describe(),
        b.discount.describe(),
    );
    push(
        DocumentField::Notes,
        a.notes.clone().unwrap_or_default(),
        b.notes.clone().unwrap_or_default(),
    );
    out
}
