use super::*;
use proptest::prelude::*;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn date(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const DAILY: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
	<gesmes:subject>Reference rates</gesmes:subject>
	<gesmes:Sender>
		<gesmes:name>European Central Bank</gesmes:name>
	</gesmes:Sender>
	<Cube>
		<Cube time='2026-12-03'>
			<Cube currency='USD' rate='1.0850'/>
			<Cube currency='JPY' rate='162.35'/>
			<Cube currency='GBP' rate='0.84210'/>
			<Cube currency='CNY' rate='7.8120'/>
			<Cube currency='KRW' rate='1502.17'/>
		</Cube>
	</Cube>
</gesmes:Envelope>
"#;

const HISTORICAL: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
<gesmes:subject>Reference rates</gesmes:subject>
<gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
<Cube>
<Cube time="2026-12-03"><Cube currency="USD" rate="1.0850"/><Cube currency="CNY" rate="7.8120"/></Cube>
<Cube time="2026-12-02"><Cube currency="USD" rate="1.0800"/><Cube currency="CNY" rate="7.8000"/></Cube>
<!-- an old day with currencies that no longer exist -->
<Cube time="2007-01-02"><Cube currency="USD" rate="1.3270"/><Cube currency="CYP" rate="0.5781"/><Cube currency="SIT" rate="239.64"/></Cube>
</Cube>
</gesmes:Envelope>"#;

#[test]
fn the_daily_ecb_file_reads_as_rates_per_euro() {
    let r = parse_ecb_xml(DAILY).unwrap();
    assert_eq!(r.len(), 5);
    assert_eq!(r[0], (date(2026, 12, 3), Currency::USD, d("1.0850")));
    assert_eq!(r[3], (date(2026, 12, 3), Currency::CNY, d("7.8120")));
}

#[test]
fn the_historical_file_keeps_every_day_and_skips_retired_currencies() {
    let r = parse_ecb_xml(HISTORICAL).unwrap();
    assert_eq!(r.len(), 5);
    assert_eq!(r[4], (date(2007, 1, 2), Currency::USD, d("1.3270")));
    let (day, map) = eur_rates_on(&r, date(2026, 12, 6)).unwrap();
    assert_eq!(day, date(2026, 12, 3));
    assert_eq!(map[&Currency::CNY], d("7.8120"));
    let (day, _) = eur_rates_on(&r, date(2026, 12, 2)).unwrap();
    assert_eq!(day, date(2026, 12, 2));
    assert!(eur_rates_on(&r, date(2000, 1, 1)).is_none());
}

#[test]
fn a_historical_file_of_many_years_parses_in_linear_time() {
    let codes = [
        "USD", "JPY", "CZK", "DKK", "GBP", "HUF", "PLN", "RON", "SEK", "CHF", "ISK", "NOK", "TRY",
        "AUD", "BRL", "CAD", "CNY", "HKD", "IDR", "ILS", "INR", "KRW", "MXN", "MYR", "NZD", "PHP",
        "SGD", "THB", "ZAR", "BGN",
    ];
    let mut xml = String::from("<?xml version=\"1.0\"?>\n<gesmes:Envelope>\n<Cube>\n");
    let start = date(2014, 1, 1);
    for i in 0..3_000u64 {
        let day = start.checked_add_days(chrono::Days::new(i)).unwrap();
        xml.push_str(&format!("<Cube time=\"{day}\">\n"));
        for c in codes {
            xml.push_str(&format!("<Cube currency=\"{c}\" rate=\"1.2345\"/>\n"));
        }
        xml.push_str("</Cube>\n");
    }
    xml.push_str("</Cube>\n</gesmes:Envelope>\n");
    let r = parse_ecb_xml(&xml).unwrap();
    assert_eq!(r.len(), 3_000 * 29);
    // A problem near the end still names its line.
    let bad = xml.replacen("</Cube>\n</gesmes", "</Cub>\n</gesmes", 1);
    let e = parse_ecb_xml(&bad).unwrap_err();
    assert!(e.message.starts_with("line 96004:"), "{}", e.message);
}

fn err(xml: &str) -> Invalid {
    parse_ecb_xml(xml).unwrap_err()
}

#[test]
fn malformed_ecb_files_name_the_problem_and_its_line() {
    let cut = &DAILY[..DAILY.find("<Cube currency='CNY'").unwrap()];
    let e = err(cut);
    assert_eq!(e.code, "malformed_ecb_file");
    assert!(e.message.contains("never closed"), "{}", e.message);

    let e = err(&DAILY.replace("rate='162.35'", "rate='1.6e2'"));
    assert_eq!(e.code, "malformed_ecb_file");
    assert!(e.message.starts_with("line 10:"), "{}", e.message);

    let e = err(&DAILY.replace("time='2026-12-03'", "time='03.12.2026'"));
    assert!(e.message.contains("not a date"), "{}", e.message);

    let e = err(&DAILY.replace("currency='USD'", "currency='XYZ'"));
    assert_eq!(e.code, "unknown_currency");
    assert!(e.message.starts_with("line 9:"), "{}", e.message);

    let e = err(&DAILY.replace("</gesmes:Sender>", "</gesmes:Sendr>"));
    assert!(
        e.message.contains("closes <gesmes:Sender>"),
        "{}",
        e.message
    );

    let e = err("<html><body>rates</body></html>");
    assert!(e.message.contains("not an ECB"), "{}", e.message);

    let e = err(&DAILY.replace("rate='1.0850'", "rate=1.0850"));
    assert!(e.message.contains("not quoted"), "{}", e.message);

    let e = err(&DAILY.replace("rate='1.0850'", "rate='-1.0850'"));
    assert!(e.message.contains("not a positive rate"), "{}", e.message);

    assert_eq!(err("").code, "malformed_ecb_file");
    assert_eq!(err("just text").code, "malformed_ecb_file");
    let empty = "<gesmes:Envelope><Cube><Cube time='2026-12-03'></Cube></Cube></gesmes:Envelope>";
    assert_eq!(err(empty).code, "ecb_no_rates");
    let undated =
        "<gesmes:Envelope><Cube><Cube currency='USD' rate='1.1'/></Cube></gesmes:Envelope>";
    assert!(err(undated).message.contains("not inside a dated Cube"));
    let twice = "<gesmes:Envelope><Cube time='2026-12-03'><Cube currency='USD' rate='1.1'/><Cube currency='USD' rate='1.2'/></Cube></gesmes:Envelope>";
    assert!(err(twice).message.contains("second USD rate"));
}

#[test]
fn cross_rates_go_through_the_euro() {
    let (_, map) = eur_rates_on(&parse_ecb_xml(DAILY).unwrap(), date(2026, 12, 3)).unwrap();
    // CNY per USD = 7.8120 / 1.0850
    assert_eq!(
        cross(&map, Currency::USD, Currency::CNY).unwrap(),
        d("7.20000000")
    );
    assert_eq!(
        cross(&map, Currency::EUR, Currency::CNY).unwrap(),
        d("7.81200000")
    );
    assert_eq!(
        cross(&map, Currency::CNY, Currency::EUR).unwrap(),
        d("0.12800819")
    );
    assert_eq!(
        cross(&map, Currency::JPY, Currency::CNY).unwrap(),
        d("0.04811826")
    );
    assert_eq!(
        cross(&map, Currency::USD, Currency::AED).unwrap_err().code,
        "rate_missing"
    );
    let r = cross_rate(&map, date(2026, 12, 3), Currency::USD, Currency::CNY).unwrap();
    assert_eq!(r.source, RateSource::EcbCross);
    assert_eq!(
        r.convert(Money::new(d("100"), Currency::USD))
            .unwrap()
            .rounded(),
        Money::new(d("720.00"), Currency::CNY)
    );
    assert_eq!(r.inverse().rate, d("0.13888889"));
}

#[test]
fn rates_must_be_positive_between_two_currencies() {
    let day = date(2026, 1, 1);
    assert_eq!(
        Rate::new(
            Currency::USD,
            Currency::CNY,
            d("0"),
            day,
            RateSource::Manual
        )
        .unwrap_err()
        .code,
        "invalid_rate"
    );
    assert_eq!(
        Rate::new(
            Currency::USD,
            Currency::USD,
            d("1"),
            day,
            RateSource::Manual
        )
        .unwrap_err()
        .code,
        "same_currency"
    );
    assert_eq!(RateSource::parse("ecb").unwrap(), RateSource::Ecb);
}

#[test]
fn a_weaker_yuan_at_receipt_is_an_exchange_gain() {
    let g = realised_fx_gain(
        Money::new(d("10000"), Currency::USD),
        d("7.10"),
        d("7.15"),
        Currency::CNY,
    )
    .unwrap();
    assert_eq!(g, Money::new(d("500.00"), Currency::CNY));
    let l = realised_fx_gain(
        Money::new(d("333.33"), Currency::USD),
        d("7.1234"),
        d("7.0987"),
        Currency::CNY,
    )
    .unwrap();
    // 333.33 × −0.0247 = −8.233251
    assert_eq!(l.amount, d("-8.23"));
}

#[test]
fn bank_charges_are_booked_apart_from_the_exchange_difference() {
    // The buyer paid USD 10,000; the banks kept USD 35; USD 9,965 arrived.
    let s = settle(
        Money::new(d("9965"), Currency::USD),
        Money::new(d("35"), Currency::USD),
        d("7.10"),
        d("7.15"),
        Currency::CNY,
    )
    .unwrap();
    assert_eq!(s.settled.amount, d("10000"));
    assert_eq!(s.received_base.amount, d("71249.75"));
    assert_eq!(s.bank_charges_base.amount, d("250.25"));
    assert_eq!(s.fx_gain.amount, d("500.00"));
    // Same rate: charges do not turn into an exchange loss.
    let s = settle(
        Money::new(d("9965"), Currency::USD),
        Money::new(d("35"), Currency::USD),
        d("7.10"),
        d("7.10"),
        Currency::CNY,
    )
    .unwrap();
    assert!(s.fx_gain.is_zero());
}

#[test]
fn a_payment_fills_invoices_in_order_and_the_rest_is_credit() {
    let usd = |s: &str| Money::new(d(s), Currency::USD);
    let open = [
        ("INV-1", usd("300")),
        ("INV-2", usd("500")),
        ("INV-3", usd("200")),
    ];
    let a = allocate(usd("650"), &open).unwrap();
    assert_eq!(
        a.allocations,
        [("INV-1", usd("300")), ("INV-2", usd("350"))]
    );
    assert!(a.credit.is_zero());
    let a = allocate(usd("1200"), &open).unwrap();
    assert_eq!(a.allocations.len(), 3);
    assert_eq!(a.credit, usd("200"));
    assert_eq!(
        allocate(usd("0"), &open).unwrap_err().code,
        "payment_not_positive"
    );
    assert_eq!(
        allocate(Money::new(d("1"), Currency::EUR), &open)
            .unwrap_err()
            .code,
        "currency_mismatch"
    );
}

#[test]
fn allocating_more_than_is_open_is_refused() {
    let usd = |s: &str| Money::new(d(s), Currency::USD);
    let open = [("INV-1", usd("300")), ("INV-2", usd("500"))];
    let ok = allocate_manually(usd("600"), &open, &[("INV-2", usd("500"))]).unwrap();
    assert_eq!(ok.credit, usd("100"));
    assert_eq!(
        allocate_manually(usd("600"), &open, &[("INV-1", usd("301"))])
            .unwrap_err()
            .code,
        "allocation_exceeds_open"
    );
    assert_eq!(
        allocate_manually(
            usd("600"),
            &open,
            &[("INV-1", usd("200")), ("INV-1", usd("200"))]
        )
        .unwrap_err()
        .code,
        "allocation_exceeds_open"
    );
    assert_eq!(
        allocate_manually(usd("100"), &open, &[("INV-1", usd("200"))])
            .unwrap_err()
            .code,
        "allocation_exceeds_payment"
    );
    assert_eq!(
        allocate_manually(usd("100"), &open, &[("INV-9", usd("10"))])
            .unwrap_err()
            .code,
        "unknown_invoice"
    );
}

fn cents() -> impl Strategy<Value = Decimal> {
    (0i64..100_000_000).prop_map(|c| Decimal::new(c, 2))
}

proptest! {
    #[test]
    fn allocation_never_exceeds_open_amounts_and_accounts_for_the_whole_payment(
        pay in (1i64..100_000_000).prop_map(|c| Decimal::new(c, 2)),
        opens in prop::collection::vec(cents(), 0..8),
    ) {
        let open: Vec<(usize, Money)> = opens.iter().enumerate()
            .map(|(i, a)| (i, Money::new(*a, Currency::USD))).collect();
        let a = allocate(Money::new(pay, Currency::USD), &open).unwrap();
        let mut total = Decimal::ZERO;
        for (k, m) in &a.allocations {
            prop_assert!(m.amount > Decimal::ZERO);
            prop_assert!(m.amount <= open[*k].1.amount);
            total += m.amount;
        }
        prop_assert!(!a.credit.is_negative());
        prop_assert_eq!(total + a.credit.amount, pay);
        // Credit only remains when every invoice is fully paid.
        if !a.credit.is_zero() {
            prop_assert_eq!(total, opens.iter().copied().sum::<Decimal>());
        }
    }

    #[test]
    fn the_fx_gain_has_the_sign_of_the_rate_move(
        amount in (1i64..1_000_000_000).prop_map(|c| Decimal::new(c, 2)),
        ri in (1i64..100_000_000).prop_map(|r| Decimal::new(r, 6)),
        rr in (1i64..100_000_000).prop_map(|r| Decimal::new(r, 6)),
    ) {
        let g = realised_fx_gain(Money::new(amount, Currency::USD), ri, rr, Currency::CNY).unwrap();
        if rr > ri { prop_assert!(!g.is_negative()); }
        if rr < ri { prop_assert!(!g.is_positive()); }
        if rr == ri { prop_assert!(g.is_zero()); }
        // Within half a fen of the exact difference.
        prop_assert!((g.amount - amount * (rr - ri)).abs() <= d("0.005"));
    }

    #[test]
    fn a_cross_rate_and_its_reverse_multiply_to_about_one(
        a in (1i64..10_000_000).prop_map(|r| Decimal::new(r, 4)),
        b in (1i64..10_000_000).prop_map(|r| Decimal::new(r, 4)),
    ) {
        let map: BTreeMap<Currency, Decimal> = [(Currency::USD, a), (Currency::CNY, b)].into();
        let x = cross(&map, Currency::USD, Currency::CNY).unwrap();
        let y = cross(&map, Currency::CNY, Currency::USD).unwrap();
        let exact = b / a;
        prop_assert!((x - exact).abs() <= d("0.000000005"));
        prop_assert!((y - a / b).abs() <= d("0.000000005"));
    }
}
