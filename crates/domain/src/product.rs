//! Products: what a company sells, with the cost, tax-rebate and packing facts that quotes,
//! price building and container planning need.

use crate::error::{FieldErrors, Invalid, optional_text, required_text};
use crate::money::{Currency, Percent, UnitPrice, parse_decimal};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A stock-keeping unit: 1–40 characters of letters, digits, `-`, `_`, `.` or `/`.
pub fn parse_sku(s: &str) -> Result<String, Invalid> {
    let t = s.trim();
    let ok = (1..=40).contains(&t.len())
        && t.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'));
    if ok {
        Ok(t.to_string())
    } else {
        Err(Invalid::new(
            "invalid_sku",
            "1 to 40 letters, digits, - _ . or /",
        ))
    }
}

/// An HS code: 6 to 10 digits, dots and spaces ignored (`9405.42`, `9405 42 00 90`).
pub fn parse_hs_code(s: &str) -> Result<Option<String>, Invalid> {
    let digits: String = s.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
    if digits.is_empty() {
        return Ok(None);
    }
    if (6..=10).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit()) {
        Ok(Some(digits))
    } else {
        Err(Invalid::new(
            "invalid_hs_code",
            "an HS code has 6 to 10 digits",
        ))
    }
}

/// A positive decimal with at most `dp` decimals, or nothing when empty.
fn optional_positive(s: &str, dp: u32) -> Result<Option<Decimal>, Invalid> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    let d = parse_decimal(s)?;
    if d <= Decimal::ZERO {
        return Err(Invalid::new(
            "must_be_positive",
            "must be greater than zero",
        ));
    }
    if d.normalize().scale() > dp {
        return Err(Invalid::new(
            "too_many_decimals",
            format!("at most {dp} decimals"),
        ));
    }
    Ok(Some(d.normalize()))
}

fn optional_count(s: &str) -> Result<Option<i64>, Invalid> {
    let t = s.trim().replace(',', "");
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<i64>() {
        Ok(n) if (1..=1_000_000_000).contains(&n) => Ok(Some(n)),
        _ => Err(Invalid::new(
            "invalid_count",
            "a whole number of at least 1",
        )),
    }
}

/// A validated product.
#[derive(Debug, Clone, PartialEq)]
pub struct ProductInput {
    pub sku: String,
    pub name_en: String,
    pub name_zh: Option<String>,
    pub description: Option<String>,
    pub specs: Option<String>,
    pub hs_code: Option<String>,
    pub unit: String,
    pub moq: Option<i64>,
    /// Purchase cost per unit in the company's base currency, VAT included.
    pub purchase_cost: Option<Decimal>,
    pub vat_rate: Percent,
    pub rebate_rate: Percent,
    pub pcs_per_carton: Option<i64>,
    /// Carton length, width, height in cm.
    pub carton_cm: Option<(Decimal, Decimal, Decimal)>,
    pub net_kg: Option<Decimal>,
    pub gross_kg: Option<Decimal>,
    /// Selling prices per currency.
    pub prices: Vec<(Currency, UnitPrice)>,
}

/// A product as typed in a form, an API body or a CSV row.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductDraft {
    pub sku: String,
    pub name_en: String,
    pub name_zh: String,
    pub description: String,
    pub specs: String,
    pub hs_code: String,
    pub unit: String,
    pub moq: String,
    pub purchase_cost: String,
    pub vat_rate: String,
    pub rebate_rate: String,
    pub pcs_per_carton: String,
    pub carton_l_cm: String,
    pub carton_w_cm: String,
    pub carton_h_cm: String,
    pub net_kg: String,
    pub gross_kg: String,
    /// `(currency, unit price)` pairs; empty prices are ignored.
    pub prices: Vec<(String, String)>,
}

impl ProductDraft {
    /// Validates every field at once. VAT defaults to 13 %, the rebate to 13 % (China's common
    /// rates for manufactured goods); the unit defaults to `pcs`.
    pub fn parse(&self) -> Result<ProductInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let sku = e.take("sku", parse_sku(&self.sku));
        let name_en = e.take("name_en", required_text(&self.name_en, 200));
        let name_zh = e.take("name_zh", optional_text(&self.name_zh, 200));
        let description = e.take("description", optional_text(&self.description, 5000));
        let specs = e.take("specs", optional_text(&self.specs, 5000));
        let hs_code = e.take("hs_code", parse_hs_code(&self.hs_code));
        let unit = e
            .take("unit", optional_text(&self.unit, 20))
            .map(|u| u.unwrap_or_else(|| "pcs".into()));
        let moq = e.take("moq", optional_count(&self.moq));
        let purchase_cost = e.take("purchase_cost", optional_positive(&self.purchase_cost, 4));
        let pct = |s: &str, d: i64| {
            if s.trim().is_empty() {
                Percent::new(Decimal::from(d))
            } else {
                Percent::parse(s)
            }
        };
        let vat_rate = e.take("vat_rate", pct(&self.vat_rate, 13));
        let rebate_rate = e.take("rebate_rate", pct(&self.rebate_rate, 13));
        let pcs_per_carton = e.take("pcs_per_carton", optional_count(&self.pcs_per_carton));
        let l = e.take("carton_l_cm", optional_positive(&self.carton_l_cm, 2));
        let w = e.take("carton_w_cm", optional_positive(&self.carton_w_cm, 2));
        let h = e.take("carton_h_cm", optional_positive(&self.carton_h_cm, 2));
        let net_kg = e.take("net_kg", optional_positive(&self.net_kg, 3));
        let gross_kg = e.take("gross_kg", optional_positive(&self.gross_kg, 3));
        let carton_cm = match (l.flatten(), w.flatten(), h.flatten()) {
            (Some(l), Some(w), Some(h)) => Some((l, w, h)),
            (None, None, None) => None,
            _ => {
                e.add(
                    "carton_l_cm",
                    Invalid::new("carton_incomplete", "give length, width and height"),
                );
                None
            }
        };
        if let (Some(Some(n)), Some(Some(g))) = (net_kg, gross_kg)
            && g < n
        {
            e.add(
                "gross_kg",
                Invalid::new("gross_below_net", "gross weight cannot be below net weight"),
            );
        }
        if let (Some(v), Some(r)) = (vat_rate, rebate_rate)
            && r.value() > v.value()
        {
            e.add(
                "rebate_rate",
                Invalid::new(
                    "rebate_above_vat",
                    "the export rebate cannot exceed the VAT rate",
                ),
            );
        }
        let mut prices: Vec<(Currency, UnitPrice)> = Vec::new();
        for (cur, price) in self.prices.iter().filter(|(_, p)| !p.trim().is_empty()) {
            let field = format!("price_{}", cur.trim().to_uppercase());
            let c = e.take(&field, Currency::parse(cur));
            let p = e.take(&field, UnitPrice::parse(price));
            if let (Some(c), Some(p)) = (c, p) {
                if prices.iter().any(|(x, _)| *x == c) {
                    e.add(
                        &field,
                        Invalid::new("duplicate_currency", "one price per currency"),
                    );
                } else {
                    prices.push((c, p));
                }
            }
        }
        e.finish(|| ProductInput {
            sku: sku.unwrap(),
            name_en: name_en.unwrap(),
            name_zh: name_zh.unwrap(),
            description: description.unwrap(),
            specs: specs.unwrap(),
            hs_code: hs_code.unwrap(),
            unit: unit.unwrap(),
            moq: moq.unwrap(),
            purchase_cost: purchase_cost.unwrap(),
            vat_rate: vat_rate.unwrap(),
            rebate_rate: rebate_rate.unwrap(),
            pcs_per_carton: pcs_per_carton.unwrap(),
            carton_cm,
            net_kg: net_kg.unwrap(),
            gross_kg: gross_kg.unwrap(),
            prices,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> ProductDraft {
        ProductDraft {
            sku: "FL-100W".into(),
            name_en: "LED flood light 100W".into(),
            purchase_cost: "113".into(),
            carton_l_cm: "40".into(),
            carton_w_cm: "30".into(),
            carton_h_cm: "20".into(),
            net_kg: "8".into(),
            gross_kg: "9.5".into(),
            prices: vec![("usd".into(), "16.80".into()), ("EUR".into(), "".into())],
            ..Default::default()
        }
    }

    #[test]
    fn a_product_takes_defaults_for_unit_vat_and_rebate() {
        let p = draft().parse().unwrap();
        assert_eq!(p.unit, "pcs");
        assert_eq!(p.vat_rate.value(), Decimal::from(13));
        assert_eq!(p.prices.len(), 1, "empty prices are ignored");
        assert_eq!(p.prices[0].0.code(), "USD");
    }

    #[test]
    fn bad_products_name_every_field() {
        let d = ProductDraft {
            sku: "bad sku!".into(),
            hs_code: "94".into(),
            gross_kg: "1".into(),
            net_kg: "2".into(),
            carton_l_cm: "10".into(),
            rebate_rate: "20".into(),
            prices: vec![("XXX".into(), "1".into()), ("USD".into(), "-1".into())],
            ..Default::default()
        };
        let e = d.parse().unwrap_err();
        for f in [
            "sku",
            "name_en",
            "hs_code",
            "gross_kg",
            "carton_l_cm",
            "rebate_rate",
            "price_XXX",
            "price_USD",
        ] {
            assert!(e.get(f).is_some(), "{f}: {e}");
        }
    }
}
