use super::*;
use crate::documents::test_support::date;
use crate::money::Currency;
use proptest::prelude::*;
use std::str::FromStr;

fn usd(s: &str) -> Money {
    Money::new(Decimal::from_str(s).unwrap(), Currency::USD)
}

fn q(s: &str) -> Quantity {
    Quantity::new(Decimal::from_str(s).unwrap()).unwrap()
}

#[test]
fn the_status_follows_issue_payment_due_date_and_void() {
    let today = date(2026, 5, 10);
    let due = Some(date(2026, 5, 9));
    let later = Some(date(2026, 6, 9));
    let st = |issued, voided, paid: &str, due| {
        invoice_status(issued, voided, usd("1000"), usd(paid), due, today)
    };
    assert_eq!(st(false, false, "0", later), InvoiceStatus::Draft);
    assert_eq!(st(true, false, "0", later), InvoiceStatus::Issued);
    assert_eq!(st(true, false, "300", later), InvoiceStatus::PartiallyPaid);
    assert_eq!(st(true, false, "1000", due), InvoiceStatus::Paid);
    assert_eq!(st(true, false, "1200", due), InvoiceStatus::Paid);
    assert_eq!(st(true, false, "0", due), InvoiceStatus::Overdue);
    assert_eq!(st(true, false, "300", due), InvoiceStatus::Overdue);
    assert_eq!(st(true, false, "0", None), InvoiceStatus::Issued);
    assert_eq!(st(true, true, "0", due), InvoiceStatus::Void);
}

#[test]
fn an_invoice_is_not_overdue_on_its_due_date() {
    let d = date(2026, 5, 10);
    assert_eq!(
        invoice_status(true, false, usd("10"), usd("0"), Some(d), d),
        InvoiceStatus::Issued
    );
}

#[test]
fn editing_an_issued_invoice_is_refused() {
    assert!(can_edit(InvoiceStatus::Draft));
    for s in InvoiceStatus::ALL
        .iter()
        .filter(|s| **s != InvoiceStatus::Draft)
    {
        assert!(!can_edit(*s));
        assert_eq!(
            ensure_editable(*s).unwrap_err().code,
            "invoice_not_editable"
        );
    }
}

#[test]
fn voiding_needs_a_reason_and_an_unpaid_issued_invoice() {
    assert_eq!(
        void(InvoiceStatus::Issued, "  ").unwrap_err().code,
        "void_reason_required"
    );
    assert_eq!(
        void(InvoiceStatus::Overdue, "wrong consignee")
            .unwrap()
            .as_str(),
        "wrong consignee"
    );
    assert_eq!(
        void(InvoiceStatus::Draft, "x").unwrap_err().code,
        "draft_not_voidable"
    );
    assert_eq!(
        void(InvoiceStatus::Void, "x").unwrap_err().code,
        "already_void"
    );
    assert_eq!(
        void(InvoiceStatus::PartiallyPaid, "x").unwrap_err().code,
        "invoice_has_payments"
    );
}

#[test]
fn paying_a_void_or_draft_invoice_is_refused() {
    assert_eq!(
        ensure_payable(InvoiceStatus::Void).unwrap_err().code,
        "invoice_void"
    );
    assert_eq!(
        ensure_payable(InvoiceStatus::Draft).unwrap_err().code,
        "invoice_not_issued"
    );
    assert!(ensure_payable(InvoiceStatus::Overdue).is_ok());
}

#[test]
fn kinds_number_in_their_own_series() {
    assert_eq!(InvoiceKind::Proforma.series().prefix(), "PI");
    assert_eq!(InvoiceKind::Commercial.series().prefix(), "INV");
    assert_eq!(InvoiceKind::CreditNote.series().prefix(), "CN");
    assert_eq!(
        InvoiceKind::parse("credit_note").unwrap(),
        InvoiceKind::CreditNote
    );
}

#[test]
fn due_dates_follow_the_payment_schedule() {
    let s = PaymentSchedule::parse("30% deposit, balance 30 days after B/L").unwrap();
    let invoice = date(2026, 3, 1);
    let before_bl = due_dates(&s, usd("1000.01"), invoice, ShipmentDates::default());
    assert_eq!(before_bl[0].due, Some(invoice));
    assert_eq!(before_bl[0].amount, usd("300.00"));
    assert_eq!(before_bl[1].amount, usd("700.01"));
    assert_eq!(before_bl[1].due, None);
    let shipped = ShipmentDates {
        bl: Some(date(2026, 4, 10)),
        ..ShipmentDates::default()
    };
    let after_bl = due_dates(&s, usd("1000.01"), invoice, shipped);
    assert_eq!(after_bl[1].due, Some(date(2026, 5, 10)));
    assert_eq!(current_due_date(&after_bl, usd("0")), Some(invoice));
    assert_eq!(
        current_due_date(&after_bl, usd("300")),
        Some(date(2026, 5, 10))
    );
    assert_eq!(current_due_date(&after_bl, usd("1000.01")), None);
    assert_eq!(current_due_date(&before_bl, usd("300")), None);
}

#[test]
fn open_amount_never_goes_below_zero() {
    assert_eq!(open_amount(usd("100"), usd("30.5")), usd("69.50"));
    assert_eq!(open_amount(usd("100"), usd("130")), usd("0.00"));
}

fn order() -> Vec<OrderLineQuantities<u32>> {
    vec![
        OrderLineQuantities {
            id: 1,
            ordered: q("1000"),
            shipped: Decimal::from(400),
        },
        OrderLineQuantities {
            id: 2,
            ordered: q("500"),
            shipped: Decimal::ZERO,
        },
    ]
}

#[test]
fn a_commercial_invoice_may_bill_what_has_shipped_and_not_been_billed() {
    assert!(check_invoice_quantities(&order(), &[(1, q("300"))], &[(1, q("100"))]).is_ok());
}

#[test]
fn invoicing_more_than_shipped_is_refused_with_what_is_left() {
    let e = check_invoice_quantities(&order(), &[(1, q("300"))], &[(1, q("101"))]).unwrap_err();
    let err = e.get("lines[0].quantity").unwrap();
    assert_eq!(err.code, "exceeds_shipped");
    assert_eq!(
        err.message,
        "400 shipped and 300 already invoiced: at most 100 more can be invoiced"
    );
    let e = check_invoice_quantities(&order(), &[], &[(2, q("1"))]).unwrap_err();
    assert_eq!(e.get("lines[0].quantity").unwrap().code, "exceeds_shipped");
}

#[test]
fn two_requested_rows_for_one_order_line_count_together() {
    let e = check_invoice_quantities(&order(), &[], &[(1, q("250")), (1, q("200"))]).unwrap_err();
    assert!(e.get("lines[0].quantity").is_none());
    assert_eq!(e.get("lines[1].quantity").unwrap().code, "exceeds_shipped");
}

#[test]
fn a_line_not_on_the_order_is_refused() {
    let e = check_invoice_quantities(&order(), &[], &[(9, q("1"))]).unwrap_err();
    assert_eq!(
        e.get("lines[0].order_line").unwrap().code,
        "unknown_order_line"
    );
}

proptest! {
    #[test]
    fn accepted_invoices_never_bill_more_than_shipped_in_total(
        shipped in 0u32..1000,
        earlier in prop::collection::vec(1u32..300, 0..4),
        asks in prop::collection::vec(1u32..300, 1..4),
    ) {
        let lines = vec![OrderLineQuantities {
            id: 1u8,
            ordered: q("1000"),
            shipped: Decimal::from(shipped),
        }];
        let earlier: Vec<(u8, Quantity)> =
            earlier.into_iter().map(|n| (1, Quantity::new(n.into()).unwrap())).collect();
        let asks: Vec<(u8, Quantity)> =
            asks.into_iter().map(|n| (1, Quantity::new(n.into()).unwrap())).collect();
        let total: Decimal = earlier.iter().chain(&asks).map(|(_, q)| q.value()).sum();
        let ok = check_invoice_quantities(&lines, &earlier, &asks).is_ok();
        prop_assert_eq!(ok, total <= Decimal::from(shipped));
    }

    #[test]
    fn a_void_invoice_is_void_whatever_else_is_true(
        issued: bool, paid in 0u32..2000, days in -100i64..100
    ) {
        let today = date(2026, 6, 1);
        let due = today.checked_add_signed(chrono::Duration::days(days));
        let s = invoice_status(issued, true, usd("1000"), Money::new(paid.into(), Currency::USD),
            due, today);
        prop_assert_eq!(s, InvoiceStatus::Void);
    }
}

#[test]
fn a_credit_note_reduces_what_is_open_and_the_rest_is_owed_back() {
    let c = |open: &str, credit: &str| {
        credit_note(
            InvoiceKind::Commercial,
            InvoiceStatus::PartiallyPaid,
            usd("1000"),
            usd("0"),
            usd(open),
            usd(credit),
        )
    };
    let a = c("600", "150").unwrap();
    assert_eq!((a.applied, a.customer_credit), (usd("150"), usd("0")));
    // Paid 900 of 1000, credited 300: 100 closes the invoice, 200 is owed to the buyer.
    let a = c("100", "300").unwrap();
    assert_eq!((a.applied, a.customer_credit), (usd("100"), usd("200")));
    assert_eq!(c("100", "0").unwrap_err().code, "credit_not_positive");
}

#[test]
fn credit_notes_never_credit_more_than_the_invoice() {
    let e = credit_note(
        InvoiceKind::Commercial,
        InvoiceStatus::Issued,
        usd("1000"),
        usd("800"),
        usd("200"),
        usd("200.01"),
    )
    .unwrap_err();
    assert_eq!(e.code, "credit_exceeds_invoice");
    assert!(e.message.contains("200.00"), "{}", e.message);
    for (kind, status) in [
        (InvoiceKind::Proforma, InvoiceStatus::Issued),
        (InvoiceKind::CreditNote, InvoiceStatus::Issued),
        (InvoiceKind::Commercial, InvoiceStatus::Draft),
        (InvoiceKind::Commercial, InvoiceStatus::Void),
    ] {
        let e = credit_note(kind, status, usd("10"), usd("0"), usd("10"), usd("1")).unwrap_err();
        assert_eq!(e.code, "credit_not_allowed");
    }
    assert_eq!(
        credit_reason("  ").unwrap_err().code,
        "credit_reason_required"
    );
}

proptest! {
    #[test]
    fn a_credit_is_split_without_losing_a_cent(open in 0u32..100_000, credit in 1u32..100_000) {
        let m = |n: u32| Money::new(Decimal::new(n.into(), 2), Currency::USD);
        let a = credit_note(InvoiceKind::Commercial, InvoiceStatus::Issued, m(100_000), m(0), m(open), m(credit)).unwrap();
        prop_assert_eq!(a.applied.amount + a.customer_credit.amount, m(credit).amount);
        prop_assert!(a.applied.amount <= m(open).amount);
        prop_assert!(!a.customer_credit.is_negative());
    }
}
