use super::*;
use rust_decimal::Decimal;
use std::str::FromStr;

fn draft(sku: &str, qty: &str, price: &str) -> LineDraft {
    LineDraft {
        sku: sku.into(),
        quantity: qty.into(),
        unit_price: price.into(),
        ..LineDraft::default()
    }
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn a_complete_line_parses_with_pcs_as_the_default_unit() {
    let mut l = draft("LED-100W", "1,000", "12.345678");
    l.product_id = "42".into();
    l.discount = "5%".into();
    let line = l.parse(0).unwrap();
    assert_eq!(line.product_id(), Some(42));
    assert_eq!(line.sku(), Some("LED-100W"));
    assert_eq!(line.unit(), "pcs");
    assert_eq!(line.quantity().value(), d("1000"));
    assert_eq!(line.unit_price().value(), d("12.345678"));
    assert_eq!(line.discount().value(), d("5"));
}

#[test]
fn zero_and_negative_quantities_are_refused_under_the_line_key() {
    for q in ["0", "-5", "0.000"] {
        let e = parse_lines(&[draft("A", "10", "1"), draft("B", q, "1")]).unwrap_err();
        assert_eq!(
            e.get("lines[1].quantity").unwrap().code,
            "quantity_not_positive",
            "{q}"
        );
        assert!(e.get("lines[0].quantity").is_none());
    }
}

#[test]
fn every_bad_field_of_every_line_is_reported_at_once() {
    let mut bad = draft("bad sku!", "x", "1.1234567");
    bad.discount = "120".into();
    bad.product_id = "-3".into();
    let e = parse_lines(&[draft("OK", "1", "1"), bad]).unwrap_err();
    assert_eq!(e.get("lines[1].sku").unwrap().code, "invalid_sku");
    assert_eq!(e.get("lines[1].quantity").unwrap().code, "invalid_number");
    assert_eq!(
        e.get("lines[1].unit_price").unwrap().code,
        "too_many_decimals"
    );
    assert_eq!(
        e.get("lines[1].discount").unwrap().code,
        "percent_out_of_range"
    );
    assert_eq!(
        e.get("lines[1].product_id").unwrap().code,
        "invalid_product_id"
    );
    assert_eq!(e.0.len(), 5);
}

#[test]
fn a_unit_price_may_have_six_decimals_but_not_seven() {
    assert!(draft("S", "1", "0.012500").parse(0).is_ok());
    let e = draft("S", "1", "0.0125001").parse(3).unwrap_err();
    assert_eq!(
        e.get("lines[3].unit_price").unwrap().code,
        "too_many_decimals"
    );
}

#[test]
fn a_line_without_sku_or_description_is_refused() {
    let e = draft("", "1", "1").parse(0).unwrap_err();
    assert_eq!(e.get("lines[0].description").unwrap().code, "required");
    let mut free_text = draft("", "1", "1");
    free_text.description = "Custom aluminium housing".into();
    assert_eq!(
        free_text.parse(0).unwrap().label(),
        "Custom aluminium housing"
    );
}

#[test]
fn a_line_amount_applies_the_discount_before_rounding() {
    let mut l = draft("S", "1000", "0.0125");
    l.discount = "3".into();
    let line = l.parse(0).unwrap();
    // 1000 × 0.0125 × 0.97 = 12.125 → 12.13 (half away from zero).
    assert_eq!(line.amount(Currency::USD).unwrap().amount, d("12.13"));
    assert_eq!(line.amount(Currency::JPY).unwrap().amount, d("12"));
}

#[test]
fn charges_refuse_negative_amounts_and_extra_decimals() {
    let draft = ChargesDraft {
        freight: "-1".into(),
        insurance: "1.005".into(),
        other: "".into(),
    };
    let e = Charges::parse(&draft, Currency::USD).unwrap_err();
    assert_eq!(e.get("freight").unwrap().code, "negative_amount");
    assert_eq!(e.get("insurance").unwrap().code, "too_many_decimals");
    let ok = ChargesDraft {
        freight: "1,200".into(),
        insurance: "35.5".into(),
        other: "".into(),
    };
    let c = Charges::parse(&ok, Currency::USD).unwrap();
    assert_eq!(c.total().amount, d("1235.50"));
    assert_eq!(
        Charges::parse(&ok, Currency::JPY)
            .unwrap_err()
            .get("insurance")
            .unwrap()
            .code,
        "too_many_decimals"
    );
}

#[test]
fn charges_in_mixed_currencies_are_refused() {
    let e = Charges::new(
        Money::zero(Currency::USD),
        Money::zero(Currency::EUR),
        Money::zero(Currency::USD),
    )
    .unwrap_err();
    assert_eq!(e.code, "currency_mismatch");
}

#[test]
fn a_document_discount_is_an_amount_or_a_percentage_of_the_subtotal() {
    let sub = Money::new(d("1234.50"), Currency::USD);
    let pct = DocumentDiscount::parse("3%", Currency::USD).unwrap();
    // 3 % of 1234.50 = 37.035 → 37.04.
    assert_eq!(pct.amount_on(sub).unwrap().amount, d("37.04"));
    let amt = DocumentDiscount::parse("200", Currency::USD).unwrap();
    assert_eq!(amt.amount_on(sub).unwrap().amount, d("200.00"));
    assert_eq!(
        DocumentDiscount::parse("", Currency::USD).unwrap(),
        DocumentDiscount::None
    );
    assert_eq!(
        DocumentDiscount::parse("-5", Currency::USD)
            .unwrap_err()
            .code,
        "negative_amount"
    );
    let eur = Money::new(d("10"), Currency::EUR);
    assert_eq!(amt.amount_on(eur).unwrap_err().code, "currency_mismatch");
}

#[test]
fn a_line_survives_a_json_round_trip_and_bad_stored_text_is_refused() {
    let line = draft("LED-100W", "12.5", "3.2").parse(0).unwrap();
    let json = serde_json::to_string(&line).unwrap();
    let back: Line = serde_json::from_str(&json).unwrap();
    assert_eq!(back, line);
    let broken = json.replace("\"LED-100W\"", "null");
    assert!(serde_json::from_str::<Line>(&broken).is_err());
}
