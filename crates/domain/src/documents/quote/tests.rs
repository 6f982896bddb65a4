use super::*;
use crate::documents::lines::{Charges, DocumentDiscount};
use crate::documents::test_support::{date, line, snapshot};
use crate::money::Money;
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

#[test]
fn a_draft_is_sent_and_a_sent_quote_is_accepted_declined_or_expires() {
    use QuoteEvent as E;
    use QuoteStatus as S;
    assert_eq!(transition(S::Draft, E::Send).unwrap(), S::Sent);
    assert_eq!(transition(S::Sent, E::Accept).unwrap(), S::Accepted);
    assert_eq!(transition(S::Sent, E::Decline).unwrap(), S::Declined);
    assert_eq!(transition(S::Sent, E::Expire).unwrap(), S::Expired);
    assert_eq!(transition(S::Sent, E::Revise).unwrap(), S::Superseded);
}

#[test]
fn accepted_and_superseded_quotes_never_change() {
    for from in [QuoteStatus::Accepted, QuoteStatus::Superseded] {
        for e in QuoteEvent::ALL {
            let err = transition(from, *e).unwrap_err();
            assert_eq!(err.code, "invalid_transition");
            assert!(err.message.contains("cannot change"), "{}", err.message);
        }
    }
}

#[test]
fn a_draft_cannot_be_accepted_or_revised() {
    let e = transition(QuoteStatus::Draft, QuoteEvent::Accept).unwrap_err();
    assert_eq!(e.message, "cannot accept a draft quote; allowed: send");
    let e = transition(QuoteStatus::Draft, QuoteEvent::Revise).unwrap_err();
    assert!(e.message.ends_with("edit the draft instead"));
}

#[test]
fn declined_and_expired_quotes_can_only_be_revised() {
    for from in [QuoteStatus::Declined, QuoteStatus::Expired] {
        assert_eq!(
            transition(from, QuoteEvent::Revise).unwrap(),
            QuoteStatus::Superseded
        );
        for e in [QuoteEvent::Send, QuoteEvent::Accept, QuoteEvent::Decline] {
            assert!(transition(from, e).is_err());
        }
    }
}

#[test]
fn only_the_latest_revision_can_be_accepted() {
    let e = accept(QuoteStatus::Sent, false).unwrap_err();
    assert_eq!(e.code, "not_latest_revision");
    assert_eq!(
        accept(QuoteStatus::Sent, true).unwrap(),
        QuoteStatus::Accepted
    );
    assert_eq!(
        accept(QuoteStatus::Superseded, true).unwrap_err().code,
        "invalid_transition"
    );
}

#[test]
fn a_revision_without_a_reason_is_refused() {
    for blank in ["", "   ", "\n"] {
        assert_eq!(
            revise(QuoteStatus::Sent, blank).unwrap_err().code,
            "revision_reason_required"
        );
    }
    let r = revise(
        QuoteStatus::Sent,
        " customer asked for DDP, add local fees ",
    )
    .unwrap();
    assert_eq!(r.old_status, QuoteStatus::Superseded);
    assert_eq!(r.new_status, QuoteStatus::Draft);
    assert_eq!(r.reason.as_str(), "customer asked for DDP, add local fees");
    assert_eq!(
        revise(QuoteStatus::Accepted, "late change")
            .unwrap_err()
            .code,
        "invalid_transition"
    );
}

#[test]
fn a_quote_is_valid_through_its_validity_date() {
    assert!(!is_past_validity(date(2026, 3, 31), date(2026, 3, 31)));
    assert!(is_past_validity(date(2026, 3, 31), date(2026, 4, 1)));
}

#[test]
fn statuses_and_events_parse_from_their_codes() {
    assert_eq!(
        QuoteStatus::parse("superseded").unwrap(),
        QuoteStatus::Superseded
    );
    assert_eq!(
        QuoteStatus::parse("open").unwrap_err().code,
        "invalid_quote_status"
    );
    assert_eq!(QuoteEvent::parse("revise").unwrap(), QuoteEvent::Revise);
    assert!(QuoteStatus::Draft.can_edit() && !QuoteStatus::Sent.can_edit());
    assert!(QuoteStatus::Accepted.is_final() && !QuoteStatus::Expired.is_final());
}

#[test]
fn lead_times_read_single_figures_ranges_and_weeks() {
    let p = |s: &str| LeadTime::parse(s).unwrap();
    assert_eq!(p("30").to_string(), "30 days");
    assert_eq!(p("25-30 days").to_string(), "25-30 days");
    assert_eq!(p("25~30天").to_string(), "25-30 days");
    assert_eq!(p("4 weeks").to_string(), "28 days");
    assert_eq!(p("3-4 weeks").to_string(), "21-28 days");
    for bad in ["", "soon", "30-25 days", "0 days", "400 days", "-5"] {
        assert!(LeadTime::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn a_snapshot_survives_a_json_round_trip_with_decimal_strings() {
    let s = snapshot();
    let json = serde_json::to_string(&s).unwrap();
    assert!(json.contains(r#""rate":"7.1""#), "{json}");
    assert!(
        json.contains(r#""incoterm":{"rule":"FOB","place":"Ningbo"}"#),
        "{json}"
    );
    assert!(
        !json.contains("12.35,"),
        "money is never a JSON number: {json}"
    );
    let back: QuoteSnapshot = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s);
    assert_eq!(back.totals().unwrap(), s.totals().unwrap());
}

#[test]
fn a_stored_snapshot_with_a_broken_value_is_refused() {
    let json = serde_json::to_string(&snapshot()).unwrap();
    let broken = json.replace(r#""quantity":"500""#, r#""quantity":"-500""#);
    assert_ne!(broken, json);
    assert!(serde_json::from_str::<QuoteSnapshot>(&broken).is_err());
}

#[test]
fn the_snapshot_total_adds_lines_and_charges() {
    let t = snapshot().totals().unwrap();
    // 12,350.00 + 3,562.50 + 85.00
    assert_eq!(t.total.amount, Decimal::from_str("15997.50").unwrap());
    let rate = snapshot().rate;
    assert_eq!(
        t.base_total(&rate).unwrap().amount,
        Decimal::from_str("113582.25").unwrap()
    );
}

#[test]
fn identical_revisions_have_no_changes() {
    assert!(diff(&snapshot(), &snapshot()).is_empty());
}

#[test]
fn the_diff_lists_added_removed_and_changed_lines_matched_by_sku() {
    let a = snapshot();
    let mut b = snapshot();
    b.lines = vec![
        line("LED-200W", "100", "30"),
        line("LED-100W", "1200", "11.9"),
    ];
    let changes = diff(&a, &b);
    let text: Vec<String> = changes.iter().map(Change::describe_en).collect();
    assert_eq!(
        text,
        [
            "line 2 (LED-50W) removed (was 500 at 7.125)",
            "line 1 (LED-200W) added: 100 at 30",
            "line 2 (LED-100W): quantity 1,000 → 1,200",
            "line 2 (LED-100W): unit price 12.35 → 11.9",
        ]
    );
}

#[test]
fn free_text_lines_without_a_sku_are_matched_by_position() {
    let free = |desc: &str, qty: &str| {
        crate::documents::lines::LineDraft {
            description: desc.into(),
            quantity: qty.into(),
            unit_price: "5".into(),
            ..Default::default()
        }
        .parse(0)
        .unwrap()
    };
    let mut a = snapshot();
    a.lines = vec![free("Custom housing", "10")];
    let mut b = snapshot();
    b.lines = vec![free("Custom housing, black", "12")];
    let fields: Vec<_> = diff(&a, &b)
        .into_iter()
        .map(|c| match c {
            Change::LineChanged { field, .. } => field,
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(fields, [LineField::Quantity, LineField::Description]);
}

#[test]
fn the_diff_lists_changed_terms_and_amounts() {
    let a = snapshot();
    let mut b = snapshot();
    b.incoterm = IncotermPlace::parse("DDP", "Munich", false).unwrap();
    b.payment = PaymentSchedule::parse("30/70 against B/L copy").unwrap();
    b.valid_until = date(2026, 4, 15);
    b.lead_time = LeadTime::parse("35 days").unwrap();
    b.rate = FrozenRate::parse(Currency::USD, Currency::CNY, "7.05").unwrap();
    b.charges = Charges::new(
        Money::new(Decimal::from(1800), Currency::USD),
        Money::zero(Currency::USD),
        Money::new(Decimal::from(85), Currency::USD),
    )
    .unwrap();
    b.discount = DocumentDiscount::Percent(crate::money::Percent::parse("2%").unwrap());
    b.notes = None;
    let changes = diff(&a, &b);
    let fields: Vec<DocumentField> = changes
        .iter()
        .map(|c| match c {
            Change::Document { field, .. } => *field,
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    use DocumentField as F;
    assert_eq!(
        fields,
        [
            F::Rate,
            F::Incoterm,
            F::Place,
            F::Payment,
            F::ValidUntil,
            F::LeadTime,
            F::Freight,
            F::Discount,
            F::Notes
        ]
    );
    let text: Vec<String> = changes.iter().map(Change::describe_en).collect();
    assert!(text.contains(&"rate: 7.1 CNY per USD → 7.05 CNY per USD".to_string()));
    assert!(text.contains(&"incoterm: FOB → DDP".to_string()));
    assert!(text.contains(&"freight: USD 0.00 → USD 1,800.00".to_string()));
    assert!(text.contains(&"discount: — → 2%".to_string()));
    let json = serde_json::to_value(&changes[1]).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"kind": "document", "field": "incoterm", "from": "FOB", "to": "DDP"})
    );
}

proptest! {
    #[test]
    fn every_status_event_pair_either_moves_or_names_the_problem(
        s in prop::sample::select(QuoteStatus::ALL.to_vec()),
        e in prop::sample::select(QuoteEvent::ALL.to_vec()),
    ) {
        match transition(s, e) {
            Ok(to) => {
                prop_assert!(allowed(s, e));
                prop_assert!(!s.is_final());
                prop_assert_ne!(to, s);
            }
            Err(err) => {
                prop_assert!(!allowed(s, e));
                prop_assert_eq!(err.code, "invalid_transition");
            }
        }
    }

    #[test]
    fn changing_one_quantity_gives_exactly_one_change(i in 0usize..2, q in 1u32..100_000) {
        let a = snapshot();
        let mut b = snapshot();
        let new_q = crate::money::Quantity::new(Decimal::from(q)).unwrap();
        b.lines[i] = b.lines[i].with_quantity(new_q);
        let changes = diff(&a, &b);
        if a.lines[i].quantity() == new_q {
            prop_assert!(changes.is_empty());
        } else {
            prop_assert_eq!(changes.len(), 1);
            let is_quantity = matches!(
                &changes[0],
                Change::LineChanged { field: LineField::Quantity, line, .. } if line.position == i + 1
            );
            prop_assert!(is_quantity);
        }
    }
}
