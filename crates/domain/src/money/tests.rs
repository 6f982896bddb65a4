use super::*;
use proptest::prelude::*;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn the_currency_table_is_sorted_and_has_three_letter_codes() {
    let t = currencies::CURRENCIES;
    assert!(t.len() >= 150, "{} currencies", t.len());
    for w in t.windows(2) {
        assert!(w[0].code < w[1].code, "{} before {}", w[0].code, w[1].code);
    }
    for c in t {
        assert!(c.code.len() == 3 && c.code.bytes().all(|b| b.is_ascii_uppercase()));
        assert!(c.numeric > 0 && c.numeric < 1000);
    }
}

#[test]
fn minor_units_follow_iso_4217() {
    let cases = [
        ("JPY", 0),
        ("KRW", 0),
        ("USD", 2),
        ("EUR", 2),
        ("CNY", 2),
        ("GBP", 2),
        ("KWD", 3),
        ("BHD", 3),
        ("OMR", 3),
        ("JOD", 3),
        ("TND", 3),
        ("LYD", 3),
        ("IQD", 3),
        ("CLP", 0),
        ("VND", 0),
        ("ISK", 0),
        ("UGX", 0),
        ("XOF", 0),
    ];
    for (code, mu) in cases {
        assert_eq!(Currency::parse(code).unwrap().minor_units(), mu, "{code}");
    }
    assert_eq!(Currency::CNY.numeric(), 156);
    assert_eq!(Currency::USD.numeric(), 840);
}

#[test]
fn every_named_constant_is_in_the_table() {
    for c in [
        Currency::CNY,
        Currency::USD,
        Currency::EUR,
        Currency::GBP,
        Currency::JPY,
        Currency::HKD,
        Currency::AUD,
        Currency::CAD,
        Currency::CHF,
        Currency::KRW,
        Currency::KWD,
        Currency::BHD,
        Currency::AED,
        Currency::SAR,
        Currency::RUB,
        Currency::INR,
        Currency::VND,
    ] {
        assert_eq!(Currency::parse(c.code()).unwrap(), c);
    }
}

#[test]
fn the_thirty_most_traded_currencies_have_chinese_names() {
    let with_zh = currencies::CURRENCIES
        .iter()
        .filter(|c| !c.zh.is_empty())
        .count();
    assert!(with_zh >= 30, "{with_zh}");
    assert_eq!(Currency::USD.name_zh(), "美元");
    assert_eq!(Currency::parse("AFN").unwrap().name_zh(), "Afghani");
}

#[test]
fn currency_codes_parse_case_insensitively_and_unknown_ones_are_refused() {
    assert_eq!(Currency::parse(" usd ").unwrap(), Currency::USD);
    assert_eq!(Currency::parse("Eur").unwrap(), Currency::EUR);
    for bad in ["XXX", "US", "RMB", "", "USDD", "HRK"] {
        assert_eq!(
            Currency::parse(bad).unwrap_err().code,
            "unknown_currency",
            "{bad}"
        );
    }
}

#[test]
fn currencies_serialize_as_their_code() {
    let m = Money::new(d("12.50"), Currency::USD);
    let j = serde_json::to_string(&m).unwrap();
    assert_eq!(j, r#"{"amount":"12.50","currency":"USD"}"#);
    let back: Money = serde_json::from_str(&j).unwrap();
    assert_eq!(back, m);
    assert!(serde_json::from_str::<Currency>(r#""ZZZ""#).is_err());
    // Money in JSON is a decimal string, never a float.
    assert!(serde_json::from_str::<Money>(r#"{"amount":12.5,"currency":"USD"}"#).is_err());
    assert!(serde_json::from_str::<UnitPrice>("0.1").is_err());
    assert_eq!(
        serde_json::from_str::<UnitPrice>(r#""0.0125""#)
            .unwrap()
            .value(),
        d("0.0125")
    );
    assert!(serde_json::from_str::<Quantity>(r#""-1""#).is_err());
}

#[test]
fn rounding_is_half_away_from_zero_not_bankers() {
    assert_eq!(round(d("2.345"), Currency::USD), d("2.35"));
    assert_eq!(round(d("2.355"), Currency::USD), d("2.36"));
    assert_eq!(round(d("-2.345"), Currency::USD), d("-2.35"));
    assert_eq!(round(d("0.5"), Currency::JPY), d("1"));
    assert_eq!(round(d("2.5"), Currency::JPY), d("3"));
    assert_eq!(round(d("1.2345"), Currency::KWD), d("1.235"));
    assert_eq!(round(d("12.5"), Currency::USD).to_string(), "12.50");
}

#[test]
fn strict_decimal_parsing_accepts_commas_and_refuses_exponents() {
    assert_eq!(parse_decimal("1,234.56").unwrap(), d("1234.56"));
    assert_eq!(parse_decimal(" -0.0125 ").unwrap(), d("-0.0125"));
    assert_eq!(parse_decimal("1,234,567").unwrap(), d("1234567"));
    assert_eq!(parse_decimal("007").unwrap(), d("7"));
    for bad in [
        "1e5",
        "NaN",
        "inf",
        "+1",
        "1 000",
        "12,34",
        "1,2345",
        ",123",
        "1.",
        ".5",
        "1.2.3",
        "abc",
        "--1",
        "1,234.5,6",
        "１２",
        "1234567890123456",
    ] {
        assert_eq!(
            parse_decimal(bad).unwrap_err().code,
            "invalid_number",
            "{bad}"
        );
    }
    assert_eq!(parse_decimal("  ").unwrap_err().code, "required");
}

#[test]
fn money_parse_keeps_the_typed_precision() {
    let m = Money::parse("0.0125", Currency::USD).unwrap();
    assert_eq!(m.amount, d("0.0125"));
    assert_eq!(m.rounded().amount, d("0.01"));
}

#[test]
fn adding_different_currencies_is_refused() {
    let a = Money::new(d("1"), Currency::USD);
    let b = Money::new(d("1"), Currency::EUR);
    assert_eq!(a.checked_add(b).unwrap_err().code, "currency_mismatch");
    assert_eq!(a.checked_sub(b).unwrap_err().code, "currency_mismatch");
    assert_eq!(a.checked_add(a).unwrap(), Money::new(d("2"), Currency::USD));
}

#[test]
fn amounts_display_with_thousands_separators_and_minor_unit_decimals() {
    assert_eq!(
        Money::new(d("12345.675"), Currency::USD).to_string(),
        "USD 12,345.68"
    );
    assert_eq!(
        Money::new(d("1234567.5"), Currency::JPY).to_string(),
        "JPY 1,234,568"
    );
    assert_eq!(format_amount(d("-1234.5"), Currency::USD), "-1,234.50");
    assert_eq!(format_amount(d("0.1"), Currency::KWD), "0.100");
    assert_eq!(format_amount(d("100"), Currency::EUR), "100.00");
    assert_eq!(format_amount(d("-0.001"), Currency::USD), "0.00");
}

#[test]
fn amounts_in_words_follow_the_invoice_convention() {
    let w = |a: &str, c: Currency| amount_in_words(Money::new(d(a), c));
    assert_eq!(
        w("12345.67", Currency::USD),
        "SAY US DOLLARS TWELVE THOUSAND THREE HUNDRED FORTY-FIVE AND CENTS SIXTY-SEVEN ONLY"
    );
    assert_eq!(w("100", Currency::EUR), "SAY EUROS ONE HUNDRED ONLY");
    assert_eq!(
        w("2500.05", Currency::GBP),
        "SAY POUNDS STERLING TWO THOUSAND FIVE HUNDRED AND PENCE FIVE ONLY"
    );
    assert_eq!(
        w("1000000", Currency::JPY),
        "SAY JAPANESE YEN ONE MILLION ONLY"
    );
    assert_eq!(
        w("88.8", Currency::CNY),
        "SAY CHINESE YUAN EIGHTY-EIGHT AND FEN EIGHTY ONLY"
    );
    assert_eq!(
        w("1.5", Currency::KWD),
        "SAY KUWAITI DINARS ONE AND FILS FIVE HUNDRED ONLY"
    );
    assert_eq!(
        w("0.99", Currency::USD),
        "SAY US DOLLARS ZERO AND CENTS NINETY-NINE ONLY"
    );
    assert_eq!(w("-20", Currency::USD), "SAY US DOLLARS MINUS TWENTY ONLY");
    assert_eq!(
        w("1.5", Currency::parse("NGN").unwrap()),
        "SAY NAIRA ONE AND CENTS FIFTY ONLY"
    );
}

#[test]
fn numbers_in_words_cover_scales() {
    assert_eq!(number_words(0), "ZERO");
    assert_eq!(number_words(15), "FIFTEEN");
    assert_eq!(number_words(40), "FORTY");
    assert_eq!(number_words(101), "ONE HUNDRED ONE");
    assert_eq!(
        number_words(2_000_310_000),
        "TWO BILLION THREE HUNDRED TEN THOUSAND"
    );
}

fn number_words(n: u64) -> String {
    words::number_in_words(n)
}

#[test]
fn unit_prices_allow_six_decimals_and_no_negatives() {
    assert_eq!(UnitPrice::parse("0.012500").unwrap().value(), d("0.0125"));
    assert_eq!(
        UnitPrice::parse("0.1234567").unwrap_err().code,
        "too_many_decimals"
    );
    assert_eq!(UnitPrice::parse("-1").unwrap_err().code, "negative_price");
    assert!(UnitPrice::parse("0").is_ok());
}

#[test]
fn quantities_must_be_positive_with_three_decimals_at_most() {
    assert_eq!(
        Quantity::parse("-5").unwrap_err().code,
        "quantity_not_positive"
    );
    assert_eq!(
        Quantity::parse("0").unwrap_err().code,
        "quantity_not_positive"
    );
    assert_eq!(
        Quantity::parse("1.2345").unwrap_err().code,
        "too_many_decimals"
    );
    assert_eq!(Quantity::parse("1,000").unwrap().value(), d("1000"));
}

#[test]
fn percentages_parse_with_or_without_the_sign() {
    assert_eq!(Percent::parse("13%").unwrap().fraction(), d("0.13"));
    assert_eq!(Percent::parse(" 0.3 % ").unwrap().value(), d("0.3"));
    assert_eq!(
        Percent::parse("101").unwrap_err().code,
        "percent_out_of_range"
    );
    assert_eq!(
        Percent::parse("-1").unwrap_err().code,
        "percent_out_of_range"
    );
    assert_eq!(Percent::parse("13.5").unwrap().to_string(), "13.5%");
}

#[test]
fn a_line_is_quantity_times_price_less_discount_rounded() {
    let l = line_amount(
        Quantity::parse("1000").unwrap(),
        UnitPrice::parse("0.0125").unwrap(),
        Percent::ZERO,
        Currency::USD,
    )
    .unwrap();
    assert_eq!(l.amount, d("12.50"));
    let l = line_amount(
        Quantity::parse("3").unwrap(),
        UnitPrice::parse("3.335").unwrap(),
        Percent::parse("5").unwrap(),
        Currency::USD,
    )
    .unwrap();
    // 10.005 less 5 % = 9.50475
    assert_eq!(l.amount, d("9.50"));
}

#[test]
fn a_total_is_the_sum_of_rounded_lines() {
    let lines = [d("0.005"), d("0.005"), d("0.005")].map(|a| Money::new(a, Currency::USD));
    assert_eq!(
        Money::sum_rounded(Currency::USD, lines).unwrap().amount,
        d("0.03")
    );
    assert_eq!(
        Money::sum(Currency::USD, lines).unwrap().rounded().amount,
        d("0.02")
    );
}

fn any_decimal() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), 0u32..10).prop_map(|(m, s)| Decimal::new(m / 10_000, s))
}

fn any_currency() -> impl Strategy<Value = Currency> {
    prop::sample::select(Currency::all().collect::<Vec<_>>())
}

proptest! {
    #[test]
    fn rounding_is_idempotent(a in any_decimal(), c in any_currency()) {
        let once = round(a, c);
        prop_assert_eq!(round(once, c), once);
    }

    #[test]
    fn rounding_never_moves_more_than_half_a_minor_unit(a in any_decimal(), c in any_currency()) {
        let diff = (round(a, c) - a).abs();
        prop_assert!(diff <= c.minor_unit() / Decimal::TWO);
    }

    #[test]
    fn rounding_is_symmetric_for_negatives(a in any_decimal(), c in any_currency()) {
        prop_assert_eq!(round(-a, c), -round(a, c));
    }

    #[test]
    fn rounded_amounts_have_exactly_the_minor_unit_scale(a in any_decimal(), c in any_currency()) {
        prop_assert_eq!(round(a, c).scale(), c.minor_units());
    }

    #[test]
    fn sum_of_rounded_lines_is_within_half_a_unit_per_line_of_the_exact_sum(
        lines in prop::collection::vec(any_decimal(), 1..20),
        c in any_currency(),
    ) {
        let ms: Vec<Money> = lines.iter().map(|a| Money::new(*a, c)).collect();
        let exact = Money::sum(c, ms.clone()).unwrap().amount;
        let rounded = Money::sum_rounded(c, ms).unwrap().amount;
        let bound = c.minor_unit() / Decimal::TWO * Decimal::from(lines.len());
        prop_assert!((rounded - exact).abs() <= bound);
        // And the sum of rounded lines is itself already rounded.
        prop_assert_eq!(round(rounded, c), rounded);
    }

    #[test]
    fn formatted_amounts_parse_back_to_the_rounded_value(a in any_decimal(), c in any_currency()) {
        let s = format_amount(a, c);
        prop_assert_eq!(parse_decimal(&s).unwrap(), round(a, c));
    }
}
