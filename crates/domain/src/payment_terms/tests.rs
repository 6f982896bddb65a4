use super::*;
use crate::money::Currency;
use proptest::prelude::*;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn ms(s: &PaymentSchedule) -> Vec<(Decimal, Trigger)> {
    s.milestones()
        .iter()
        .map(|m| (m.percent, m.trigger))
        .collect()
}

fn date(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn a_deposit_and_balance_before_shipment_parse_from_text() {
    let s = PaymentSchedule::parse("30% T/T deposit, 70% before shipment").unwrap();
    assert_eq!(
        ms(&s),
        [
            (d("30"), Trigger::OnOrder),
            (d("70"), Trigger::BeforeShipment)
        ]
    );
    assert_eq!(s.render_en(), "30% T/T in advance, 70% before shipment");
    assert_eq!(s.render_zh(), "30% 定金，70% 出货前付清");
}

#[test]
fn the_thirty_seventy_shorthand_means_deposit_then_before_shipment() {
    let s = PaymentSchedule::parse("30/70").unwrap();
    assert_eq!(
        ms(&s),
        [
            (d("30"), Trigger::OnOrder),
            (d("70"), Trigger::BeforeShipment)
        ]
    );
    let s = PaymentSchedule::parse("T/T 30/70 against B/L copy").unwrap();
    assert_eq!(s.milestones()[1].trigger, Trigger::AgainstBlCopy);
    assert_eq!(
        PaymentSchedule::parse("30/60").unwrap_err().code,
        "schedule_not_100"
    );
}

#[test]
fn instruments_and_single_terms_parse_as_one_hundred_percent() {
    let one = |t: &str| ms(&PaymentSchedule::parse(t).unwrap());
    assert_eq!(one("100% L/C at sight"), [(d("100"), Trigger::LcAtSight)]);
    assert_eq!(one("L/C 90 days"), [(d("100"), Trigger::LcUsance(90))]);
    assert_eq!(one("OA 60 days"), [(d("100"), Trigger::OaDays(60))]);
    assert_eq!(one("net 30"), [(d("100"), Trigger::DaysAfterInvoice(30))]);
    assert_eq!(
        one("balance against B/L copy"),
        [(d("100"), Trigger::AgainstBlCopy)]
    );
    assert_eq!(
        one("30% deposit, balance 45 days after B/L"),
        [
            (d("30"), Trigger::OnOrder),
            (d("70"), Trigger::DaysAfterBl(45))
        ]
    );
    assert_eq!(
        one("20% deposit; 50% before shipment; 30% on arrival"),
        [
            (d("20"), Trigger::OnOrder),
            (d("50"), Trigger::BeforeShipment),
            (d("30"), Trigger::OnArrival)
        ]
    );
}

#[test]
fn chinese_terms_parse() {
    let s = PaymentSchedule::parse("30%定金，70%出货前付清").unwrap();
    assert_eq!(
        ms(&s),
        [
            (d("30"), Trigger::OnOrder),
            (d("70"), Trigger::BeforeShipment)
        ]
    );
    let s = PaymentSchedule::parse("30% 定金，余款见提单副本付清").unwrap();
    assert_eq!(
        s.milestones()[1],
        Milestone {
            percent: d("70"),
            trigger: Trigger::AgainstBlCopy
        }
    );
}

#[test]
fn a_schedule_not_summing_to_one_hundred_is_refused() {
    assert_eq!(
        PaymentSchedule::parse("30% deposit, 60% before shipment")
            .unwrap_err()
            .code,
        "schedule_not_100"
    );
    assert_eq!(
        PaymentSchedule::new(vec![Milestone {
            percent: d("100.01"),
            trigger: Trigger::OnOrder
        }])
        .unwrap_err()
        .code,
        "schedule_not_100"
    );
    assert_eq!(
        PaymentSchedule::parse("100% deposit, balance before shipment")
            .unwrap_err()
            .code,
        "percent_not_positive"
    );
}

#[test]
fn bad_parts_name_the_problem() {
    assert_eq!(PaymentSchedule::parse("").unwrap_err().code, "required");
    assert_eq!(
        PaymentSchedule::parse("100% T/T").unwrap_err().code,
        "unknown_trigger"
    );
    assert_eq!(
        PaymentSchedule::parse("OA").unwrap_err().code,
        "days_missing"
    );
    assert_eq!(
        PaymentSchedule::parse("deposit, before shipment")
            .unwrap_err()
            .code,
        "percent_missing"
    );
    assert_eq!(
        PaymentSchedule::parse("OA 900 days").unwrap_err().code,
        "invalid_days"
    );
    assert_eq!(
        PaymentSchedule::new(vec![
            Milestone {
                percent: d("0"),
                trigger: Trigger::OnOrder
            },
            Milestone {
                percent: d("100"),
                trigger: Trigger::OnArrival
            }
        ])
        .unwrap_err()
        .code,
        "percent_not_positive"
    );
}

#[test]
fn structured_rows_report_errors_per_field() {
    let row = |p: &str, t: &str, days: &str| MilestoneDraft {
        percent: p.into(),
        trigger: t.into(),
        days: days.into(),
    };
    let s = PaymentSchedule::from_drafts(&[
        row("30", "on_order", ""),
        row("70%", "days_after_bl", "30"),
    ])
    .unwrap();
    assert_eq!(
        s.render_en(),
        "30% T/T in advance, 70% 30 days after B/L date"
    );
    let e = PaymentSchedule::from_drafts(&[row("x", "soon", ""), row("50", "oa_days", "")])
        .unwrap_err();
    assert_eq!(
        e.get("milestones.0.percent").unwrap().code,
        "invalid_number"
    );
    assert_eq!(
        e.get("milestones.0.trigger").unwrap().code,
        "unknown_trigger"
    );
    assert_eq!(e.get("milestones.1.trigger").unwrap().code, "days_missing");
    let e = PaymentSchedule::from_drafts(&[row("50", "on_order", "")]).unwrap_err();
    assert_eq!(e.get("milestones").unwrap().code, "schedule_not_100");
}

#[test]
fn due_dates_follow_the_events_they_wait_for() {
    let s = PaymentSchedule::parse("30% deposit, 40% against B/L copy, 30% 60 days after invoice")
        .unwrap();
    let inv = date(2026, 3, 1);
    let due = s.due_dates(inv, None, None, None);
    assert_eq!(
        due,
        [
            (d("30"), Some(inv)),
            (d("40"), None),
            (d("30"), Some(date(2026, 4, 30)))
        ]
    );
    let due = s.due_dates(inv, Some(date(2026, 4, 1)), Some(date(2026, 4, 3)), None);
    assert_eq!(due[1].1, Some(date(2026, 4, 3)));
    let lc = PaymentSchedule::parse("L/C at 90 days").unwrap();
    assert_eq!(
        lc.due_dates(inv, None, Some(date(2026, 4, 3)), None)[0].1,
        Some(date(2026, 7, 2))
    );
    let oa = PaymentSchedule::parse("OA 60 days").unwrap();
    assert_eq!(
        oa.due_dates(inv, None, None, None)[0].1,
        Some(date(2026, 4, 30))
    );
}

#[test]
fn splitting_a_total_gives_rounded_parts_that_add_up() {
    let s = PaymentSchedule::parse("33.33% deposit, 33.33% before shipment, balance on arrival")
        .unwrap();
    let parts = s.split(Money::new(d("100.01"), Currency::USD));
    assert_eq!(
        parts.iter().map(|m| m.amount).collect::<Vec<_>>(),
        [d("33.33"), d("33.33"), d("33.35")]
    );
    assert_eq!(s.deposit_percent(), d("33.33"));
    assert_eq!(s.percent_before_shipment(), d("66.66"));
}

#[test]
fn every_rendering_reads_back_as_the_same_schedule() {
    for t in [
        "30/70",
        "100% L/C at sight",
        "L/C 120 days",
        "OA 60 days",
        "10% deposit, 40% before shipment, 30% against B/L copy, 20% upon arrival",
        "50% deposit, 50% 30 days after invoice",
        "30% deposit, balance 45 days after B/L",
        "100% T/T in advance",
    ] {
        let s = PaymentSchedule::parse(t).unwrap();
        assert_eq!(PaymentSchedule::parse(&s.render_en()).unwrap(), s, "{t}");
        assert_eq!(PaymentSchedule::parse(&s.render_zh()).unwrap(), s, "{t} zh");
    }
}

#[test]
fn schedules_serialize_as_a_list_and_refuse_bad_sums_when_read() {
    let s = PaymentSchedule::parse("30/70").unwrap();
    let j = serde_json::to_string(&s).unwrap();
    assert_eq!(
        j,
        r#"[{"percent":"30","trigger":{"kind":"on_order"}},{"percent":"70","trigger":{"kind":"before_shipment"}}]"#
    );
    assert_eq!(serde_json::from_str::<PaymentSchedule>(&j).unwrap(), s);
    let bad = r#"[{"percent":"30","trigger":{"kind":"oa_days","days":30}}]"#;
    assert!(serde_json::from_str::<PaymentSchedule>(bad).is_err());
}

fn any_trigger() -> impl Strategy<Value = Trigger> {
    prop_oneof![
        Just(Trigger::OnOrder),
        Just(Trigger::BeforeShipment),
        Just(Trigger::AgainstBlCopy),
        Just(Trigger::OnArrival),
        (0u16..=365).prop_map(Trigger::DaysAfterInvoice),
        (0u16..=365).prop_map(Trigger::DaysAfterBl),
        Just(Trigger::LcAtSight),
        (1u16..=365).prop_map(Trigger::LcUsance),
        (1u16..=365).prop_map(Trigger::OaDays),
    ]
}

proptest! {
    #[test]
    fn rendered_schedules_parse_back(
        cuts in prop::collection::btree_set(1u32..10_000, 0..4),
        triggers in prop::collection::vec(any_trigger(), 5),
    ) {
        // Cut 100.00 % at the chosen basis points into positive parts.
        let mut points: Vec<u32> = cuts.into_iter().collect();
        points.push(10_000);
        let mut prev = 0;
        let mut milestones = Vec::new();
        for (i, p) in points.iter().enumerate() {
            milestones.push(Milestone { percent: Decimal::new(i64::from(p - prev), 2), trigger: triggers[i] });
            prev = *p;
        }
        let s = PaymentSchedule::new(milestones).unwrap();
        prop_assert_eq!(PaymentSchedule::parse(&s.render_en()).unwrap(), s.clone());
        prop_assert_eq!(PaymentSchedule::parse(&s.render_zh()).unwrap(), s);
    }

    #[test]
    fn split_parts_always_add_up_to_the_rounded_total(
        cents in 0i64..1_000_000_000,
        cuts in prop::collection::btree_set(1u32..100, 0..4),
    ) {
        let mut points: Vec<u32> = cuts.into_iter().collect();
        points.push(100);
        let mut prev = 0;
        let mut milestones = Vec::new();
        for p in points {
            milestones.push(Milestone { percent: Decimal::from(p - prev), trigger: Trigger::OnOrder });
            prev = p;
        }
        let s = PaymentSchedule::new(milestones).unwrap();
        let total = Money::new(Decimal::new(cents, 2), Currency::USD);
        let parts = s.split(total);
        let sum: Decimal = parts.iter().map(|m| m.amount).sum();
        prop_assert_eq!(sum, total.amount);
    }
}
