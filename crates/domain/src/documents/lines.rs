//! Document lines, charges and the document-level discount, parsed once from what a user typed.
//!
//! Quotes, sales orders, proforma and commercial invoices all carry the same lines: a product
//! (or free text), a quantity, a unit, a unit price with up to 6 decimals and a discount. A
//! form posts every line as raw strings ([`LineDraft`]); [`parse_lines`] checks them all at once
//! and reports each problem under `lines[i].field`, so a form can mark every bad cell instead of
//! stopping at the first. Zero and negative quantities are refused (`quantity_not_positive`):
//! a correction is a credit note, never a negative line.
//!
//! Charges (freight, insurance, other) and the document discount are money in the document's
//! currency, never negative, and already at the currency's minor unit: they are typed as amounts,
//! so there is nothing to round.

use crate::error::{FieldErrors, Invalid, optional_text};
use crate::money::{
    Currency, Money, Percent, Quantity, UnitPrice, line_amount, parse_decimal, round,
};
use crate::product::parse_sku;
use serde::{Deserialize, Serialize};

/// Longest line description accepted (specs pasted from a datasheet fit comfortably).
pub const MAX_DESCRIPTION: usize = 2000;
/// Longest unit name ("pcs", "sets", "m", "套").
pub const MAX_UNIT: usize = 20;

/// One line as typed in a form or an API body. Empty strings mean "not given".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LineDraft {
    pub product_id: String,
    pub sku: String,
    pub description: String,
    pub quantity: String,
    /// Defaults to `pcs`.
    pub unit: String,
    pub unit_price: String,
    /// A percentage such as `5` or `5%`; empty means no discount.
    pub discount: String,
}

/// A validated line: a product or free text, a positive quantity, a unit price and a discount.
///
/// There is always a SKU or a description (or both), so every line can be named on a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "LineRecord")]
pub struct Line {
    product_id: Option<i64>,
    sku: Option<String>,
    description: Option<String>,
    quantity: Quantity,
    unit: String,
    unit_price: UnitPrice,
    discount: Percent,
    /// Set only on the commercial invoice that bills the rest of an order line: what the order
    /// line amounts to less what earlier invoices billed, so the parts add up to the cent.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    billed_amount: Option<rust_decimal::Decimal>,
}

/// The stored shape of a [`Line`]; deserialising re-checks the text fields.
#[derive(Deserialize)]
struct LineRecord {
    product_id: Option<i64>,
    sku: Option<String>,
    description: Option<String>,
    quantity: Quantity,
    unit: String,
    unit_price: UnitPrice,
    discount: Percent,
    #[serde(default, with = "rust_decimal::serde::str_option")]
    billed_amount: Option<rust_decimal::Decimal>,
}

impl TryFrom<LineRecord> for Line {
    type Error = Invalid;
    fn try_from(r: LineRecord) -> Result<Self, Invalid> {
        let line = Line::new(
            r.product_id,
            r.sku.as_deref().unwrap_or(""),
            r.description.as_deref().unwrap_or(""),
            r.quantity,
            &r.unit,
            r.unit_price,
            r.discount,
        )?;
        Ok(Line {
            billed_amount: r.billed_amount,
            ..line
        })
    }
}

impl Line {
    /// Builds a line from typed values, checking the text fields as [`LineDraft::parse`] does.
    pub fn new(
        product_id: Option<i64>,
        sku: &str,
        description: &str,
        quantity: Quantity,
        unit: &str,
        unit_price: UnitPrice,
        discount: Percent,
    ) -> Result<Self, Invalid> {
        let product_id = product_id.map(check_product_id).transpose()?;
        let sku = parse_optional_sku(sku)?;
        let description = optional_text(description, MAX_DESCRIPTION)?;
        if sku.is_none() && description.is_none() {
            return Err(name_required());
        }
        Ok(Self {
            product_id,
            sku,
            description,
            quantity,
            unit: parse_unit(unit)?,
            unit_price,
            discount,
            billed_amount: None,
        })
    }

    pub fn product_id(&self) -> Option<i64> {
        self.product_id
    }

    pub fn sku(&self) -> Option<&str> {
        self.sku.as_deref()
    }

    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// The SKU, else the description: how a line is named in a diff or an error.
    pub fn label(&self) -> &str {
        self.sku()
            .or(self.description())
            .expect("a line has a sku or a description")
    }

    pub fn quantity(&self) -> Quantity {
        self.quantity
    }

    pub fn unit(&self) -> &str {
        &self.unit
    }

    pub fn unit_price(&self) -> UnitPrice {
        self.unit_price
    }

    pub fn discount(&self) -> Percent {
        self.discount
    }

    /// The same line for another quantity: a commercial invoice for part of an order.
    pub fn with_quantity(&self, quantity: Quantity) -> Line {
        Line {
            quantity,
            billed_amount: None,
            ..self.clone()
        }
    }

    /// The line that bills the rest of an order line: `quantity` is what is left, `amount` is
    /// the order line's amount less what earlier invoices billed (see [`remainder`]).
    pub fn with_rest(&self, quantity: Quantity, amount: Money) -> Line {
        Line {
            quantity,
            billed_amount: Some(amount.amount),
            ..self.clone()
        }
    }

    /// quantity × unit price × (1 − discount), rounded to `currency` with [`crate::money::round`];
    /// on the line billing the rest of an order line, the rest of its amount.
    pub fn amount(&self, currency: Currency) -> Result<Money, Invalid> {
        match self.billed_amount {
            Some(a) => Ok(Money::new(a, currency)),
            None => line_amount(self.quantity, self.unit_price, self.discount, currency),
        }
    }
}

/// What is left to bill of an order line amounting to `ordered` after earlier invoices billed
/// `billed`: never negative (a correction is a credit note).
pub fn remainder(ordered: Money, billed: &[Money]) -> Result<Money, Invalid> {
    let before = Money::sum(ordered.currency, billed.iter().copied())?;
    let rest = ordered.checked_sub(before)?;
    if rest.is_negative() {
        return Err(Invalid::new(
            "billed_more_than_ordered",
            "earlier invoices billed more than the order line",
        ));
    }
    Ok(rest)
}

fn name_required() -> Invalid {
    Invalid::new(
        "required",
        "a line needs a SKU or a description so the buyer knows what it is",
    )
}

fn check_product_id(id: i64) -> Result<i64, Invalid> {
    if id > 0 {
        Ok(id)
    } else {
        Err(Invalid::new(
            "invalid_product_id",
            "a product id is a positive whole number",
        ))
    }
}

fn parse_product_id(s: &str) -> Result<Option<i64>, Invalid> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<i64>()
        .map_err(|_| Invalid::new("invalid_product_id", format!("{t:?} is not a product id")))
        .and_then(check_product_id)
        .map(Some)
}

fn parse_optional_sku(s: &str) -> Result<Option<String>, Invalid> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        parse_sku(s).map(Some)
    }
}

fn parse_unit(s: &str) -> Result<String, Invalid> {
    Ok(optional_text(s, MAX_UNIT)?.unwrap_or_else(|| "pcs".to_string()))
}

fn parse_discount(s: &str) -> Result<Percent, Invalid> {
    if s.trim().is_empty() {
        Ok(Percent::ZERO)
    } else {
        Percent::parse(s)
    }
}

impl LineDraft {
    /// Checks every field of line `index`, recording problems under `lines[index].field`.
    pub fn parse_into(&self, index: usize, errors: &mut FieldErrors) -> Option<Line> {
        let key = |field: &str| format!("lines[{index}].{field}");
        let product_id = errors.take(&key("product_id"), parse_product_id(&self.product_id));
        let sku = errors.take(&key("sku"), parse_optional_sku(&self.sku));
        let description = errors.take(
            &key("description"),
            optional_text(&self.description, MAX_DESCRIPTION),
        );
        let quantity = errors.take(&key("quantity"), Quantity::parse(&self.quantity));
        let unit = errors.take(&key("unit"), parse_unit(&self.unit));
        let unit_price = errors.take(&key("unit_price"), UnitPrice::parse(&self.unit_price));
        let discount = errors.take(&key("discount"), parse_discount(&self.discount));
        if let (Some(None), Some(None)) = (&sku, &description) {
            errors.add(key("description"), name_required());
        }
        Some(Line {
            product_id: product_id?,
            sku: sku?,
            description: description?,
            quantity: quantity?,
            unit: unit?,
            unit_price: unit_price?,
            discount: discount?,
            billed_amount: None,
        })
        .filter(|l| l.sku.is_some() || l.description.is_some())
    }

    /// Parses this draft alone, as line `index` of its document.
    pub fn parse(&self, index: usize) -> Result<Line, FieldErrors> {
        let mut errors = FieldErrors::new();
        let line = self.parse_into(index, &mut errors);
        match line {
            Some(l) if errors.is_empty() => Ok(l),
            _ => Err(errors),
        }
    }
}

/// Parses all lines of a document; every problem of every line is reported at once.
pub fn parse_lines(drafts: &[LineDraft]) -> Result<Vec<Line>, FieldErrors> {
    let mut errors = FieldErrors::new();
    let lines: Vec<Option<Line>> = drafts
        .iter()
        .enumerate()
        .map(|(i, d)| d.parse_into(i, &mut errors))
        .collect();
    errors.finish(|| lines.into_iter().flatten().collect())
}

/// Parses a charge or discount amount: empty is zero; never negative; at most the currency's
/// minor-unit decimals (an amount is typed already rounded).
pub fn parse_charge(s: &str, currency: Currency) -> Result<Money, Invalid> {
    if s.trim().is_empty() {
        return Ok(Money::zero(currency));
    }
    check_charge(Money::new(parse_decimal(s)?, currency))
}

fn check_charge(m: Money) -> Result<Money, Invalid> {
    if m.is_negative() {
        return Err(Invalid::new(
            "negative_amount",
            "a charge or discount cannot be negative",
        ));
    }
    if m.amount.normalize().scale() > m.currency.minor_units() {
        return Err(Invalid::new(
            "too_many_decimals",
            format!(
                "{} amounts have at most {} decimals",
                m.currency,
                m.currency.minor_units()
            ),
        ));
    }
    Ok(m.rounded())
}

/// Freight, insurance and other charges as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChargesDraft {
    pub freight: String,
    pub insurance: String,
    pub other: String,
}

/// Charges added to the lines: each non-negative, in the document currency, at its minor unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ChargesRecord")]
pub struct Charges {
    freight: Money,
    insurance: Money,
    other: Money,
}

#[derive(Deserialize)]
struct ChargesRecord {
    freight: Money,
    insurance: Money,
    other: Money,
}

impl TryFrom<ChargesRecord> for Charges {
    type Error = Invalid;
    fn try_from(r: ChargesRecord) -> Result<Self, Invalid> {
        Charges::new(r.freight, r.insurance, r.other)
    }
}

impl Charges {
    /// Checks that all three are in one currency, non-negative and at its minor unit.
    pub fn new(freight: Money, insurance: Money, other: Money) -> Result<Self, Invalid> {
        if freight.currency != insurance.currency || freight.currency != other.currency {
            return Err(Invalid::new(
                "currency_mismatch",
                "all charges are in the document currency",
            ));
        }
        Ok(Self {
            freight: check_charge(freight)?,
            insurance: check_charge(insurance)?,
            other: check_charge(other)?,
        })
    }

    pub fn none(currency: Currency) -> Self {
        let z = Money::zero(currency).rounded();
        Self {
            freight: z,
            insurance: z,
            other: z,
        }
    }

    /// Parses the three charges, reporting problems under `freight`, `insurance` and `other`.
    pub fn parse(draft: &ChargesDraft, currency: Currency) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::new();
        let freight = e.take("freight", parse_charge(&draft.freight, currency));
        let insurance = e.take("insurance", parse_charge(&draft.insurance, currency));
        let other = e.take("other", parse_charge(&draft.other, currency));
        match (freight, insurance, other) {
            (Some(freight), Some(insurance), Some(other)) if e.is_empty() => Ok(Self {
                freight,
                insurance,
                other,
            }),
            _ => Err(e),
        }
    }

    pub fn currency(&self) -> Currency {
        self.freight.currency
    }

    pub fn freight(&self) -> Money {
        self.freight
    }

    pub fn insurance(&self) -> Money {
        self.insurance
    }

    pub fn other(&self) -> Money {
        self.other
    }

    /// freight + insurance + other.
    pub fn total(&self) -> Money {
        let amount = self.freight.amount + self.insurance.amount + self.other.amount;
        Money::new(round(amount, self.currency()), self.currency())
    }
}

/// A discount on the whole document, taken off after the lines and charges are added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum DocumentDiscount {
    None,
    /// A fixed amount in the document currency ("less USD 200 for the sample order").
    Amount(Money),
    /// A percentage of the line subtotal, rounded to the currency.
    Percent(Percent),
}

impl DocumentDiscount {
    /// Reads `""` (none), `200` / `1,200.50` (an amount) or `3%` (a share of the subtotal).
    pub fn parse(s: &str, currency: Currency) -> Result<Self, Invalid> {
        let t = s.trim();
        if t.is_empty() {
            return Ok(DocumentDiscount::None);
        }
        if t.ends_with('%') || t.ends_with('％') {
            let p = Percent::parse(t)?;
            return Ok(if p.value().is_zero() {
                DocumentDiscount::None
            } else {
                DocumentDiscount::Percent(p)
            });
        }
        let m = parse_charge(t, currency)?;
        Ok(if m.is_zero() {
            DocumentDiscount::None
        } else {
            DocumentDiscount::Amount(m)
        })
    }

    /// The discount as rounded money on `subtotal`; the currency must match an amount discount.
    pub fn amount_on(&self, subtotal: Money) -> Result<Money, Invalid> {
        let c = subtotal.currency;
        match *self {
            DocumentDiscount::None => Ok(Money::zero(c).rounded()),
            DocumentDiscount::Amount(m) if m.currency != c => Err(Invalid::new(
                "currency_mismatch",
                format!("the discount is in {}, the document in {c}", m.currency),
            )),
            DocumentDiscount::Amount(m) => check_charge(m),
            DocumentDiscount::Percent(p) => {
                Ok(Money::new(round(subtotal.amount * p.fraction(), c), c))
            }
        }
    }

    /// "USD 200.00", "3%" or "" for none.
    pub fn describe(&self) -> String {
        match self {
            DocumentDiscount::None => String::new(),
            DocumentDiscount::Amount(m) => m.to_string(),
            DocumentDiscount::Percent(p) => p.to_string(),
        }
    }
}

#[cfg(test)]
mod tests;
