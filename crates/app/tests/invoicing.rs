//! Quote-to-cash through the use cases on a real database: 200 concurrent issues get 200 distinct
//! gapless numbers, and the PI, sales order and commercial invoice made from one quote agree.
//! Runs on SQLite, and on PostgreSQL when LEADLEDGER_TEST_PG_URL is set (skipped otherwise).

use leadledger_app::customers::{CustomerChange, OwnerChoice};
use leadledger_app::quotes::QuoteDraft;
use leadledger_app::{App, auth, credit_notes, customers, invoices, orders, quotes, users};
use leadledger_domain::customer::CustomerDraft;
use leadledger_domain::documents::lines::LineDraft;
use leadledger_domain::documents::quote::QuoteEvent;
use leadledger_domain::user::Actor;
use leadledger_store::Backend;
use leadledger_store::testing::{TestDb, pg_url};
use std::collections::BTreeMap;

fn backends() -> Vec<Backend> {
    let mut v = vec![Backend::Sqlite];
    match pg_url() {
        Some(_) => v.push(Backend::Postgres),
        None => eprintln!(
            "NOTE: PostgreSQL half of the invoicing tests SKIPPED: LEADLEDGER_TEST_PG_URL is not set"
        ),
    }
    v
}

async fn setup(backend: Backend) -> (TestDb, App, Actor, i64) {
    let db = TestDb::new(backend).await.unwrap();
    let app = App::new(db.db.clone());
    users::add(&app, None, "boss", "", "admin", "pw-boss-1")
        .await
        .unwrap();
    let boss = auth::login(&app, "boss", "pw-boss-1", "t")
        .await
        .unwrap()
        .actor;
    let change = CustomerChange {
        input: CustomerDraft {
            name: "Gulf Star Contracting".into(),
            country: "QA".into(),
            ..Default::default()
        }
        .parse()
        .unwrap(),
        owner: OwnerChoice::Keep,
        tag_ids: None,
        new_tags: vec![],
        custom: BTreeMap::new(),
        contact: None,
        confirm_duplicates: false,
    };
    let cid = customers::create(&app, &boss, change).await.unwrap();
    (db, app, boss, cid)
}

fn quote(cid: i64, currency: &str, rate: &str) -> QuoteDraft {
    QuoteDraft {
        customer_id: Some(cid),
        currency: currency.into(),
        rate: rate.into(),
        incoterm: "CFR".into(),
        place: "Hamad".into(),
        place_is_port: true,
        payment_terms: "30% T/T deposit, 70% against B/L copy".into(),
        lead_time: "30 days".into(),
        lines: vec![
            LineDraft {
                sku: "HB-150W".into(),
                description: "High bay 150W".into(),
                quantity: "120".into(),
                unit_price: "20.3333".into(),
                ..Default::default()
            },
            LineDraft {
                description: "Drivers".into(),
                quantity: "7".into(),
                unit_price: "4.125".into(),
                discount: "5".into(),
                ..Default::default()
            },
        ],
        freight: "640".into(),
        ..Default::default()
    }
}

/// A quote made from `d`, sent and accepted; its id.
async fn accepted(app: &App, boss: &Actor, d: &QuoteDraft) -> i64 {
    let qid = quotes::create(app, boss, d).await.unwrap();
    quotes::apply_event(app, boss, qid, QuoteEvent::Send)
        .await
        .unwrap();
    quotes::apply_event(app, boss, qid, QuoteEvent::Accept)
        .await
        .unwrap();
    qid
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_concurrent_invoice_issues_get_distinct_gapless_numbers() {
    for backend in backends() {
        let (db, app, boss, cid) = setup(backend).await;
        let qid = quotes::create(&app, &boss, &quote(cid, "USD", "7.1"))
            .await
            .unwrap();
        quotes::apply_event(&app, &boss, qid, QuoteEvent::Send)
            .await
            .unwrap();
        let mut drafts = Vec::new();
        for _ in 0..200 {
            drafts.push(
                invoices::proforma(&app, &boss, Some(qid), None)
                    .await
                    .unwrap(),
            );
        }
        let mut tasks = Vec::new();
        for id in drafts {
            let (app, boss) = (app.clone(), boss.clone());
            tasks.push(tokio::spawn(async move {
                invoices::issue(&app, &boss, id, None).await.unwrap()
            }));
        }
        let mut numbers = Vec::new();
        for t in tasks {
            numbers.push(t.await.unwrap());
        }
        let mut counters: Vec<u32> = numbers
            .iter()
            .map(|n| n.rsplit('-').next().unwrap().parse().unwrap())
            .collect();
        counters.sort_unstable();
        assert_eq!(counters, (1..=200).collect::<Vec<u32>>(), "{backend:?}");
        assert!(numbers.iter().all(|n| n.starts_with("PI-")));
        let again = invoices::issue(&app, &boss, 1, None).await;
        assert!(again.is_err(), "an issued invoice is never issued twice");
        db.cleanup().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pi_the_sales_order_and_the_commercial_invoices_of_one_quote_agree() {
    for backend in backends() {
        let (db, app, boss, cid) = setup(backend).await;
        // A 2 % document discount on top of the line discount, to split as well.
        let discounted = QuoteDraft {
            discount: "2%".into(),
            ..quote(cid, "EUR", "7.9")
        };
        let qid = accepted(&app, &boss, &discounted).await;
        let q = quotes::get(&app, &boss, qid).await.unwrap();
        let oid = orders::from_quote(&app, &boss, qid).await.unwrap();
        let o = orders::get(&app, &boss, oid).await.unwrap();
        let pi = invoices::get(
            &app,
            &boss,
            invoices::proforma(&app, &boss, None, Some(oid))
                .await
                .unwrap(),
        )
        .await
        .unwrap();
        assert_eq!(q.totals, o.totals, "{backend:?}: order = quote");
        assert_eq!(q.totals, pi.totals, "{backend:?}: PI = quote");
        // Ship and invoice in two parts: the parts add up to the order, lines and money.
        let (l1, l2) = (o.lines[0].id, o.lines[1].id);
        orders::ship(&app, &boss, oid, &[(l1, "80".into())])
            .await
            .unwrap();
        let too_much = invoices::commercial(&app, &boss, oid, &[(l1, "81".into())]).await;
        assert!(too_much.is_err(), "never invoice more than shipped");
        let ci1 = invoices::commercial(&app, &boss, oid, &[(l1, "80".into())])
            .await
            .unwrap();
        orders::ship(&app, &boss, oid, &[(l1, "40".into()), (l2, "7".into())])
            .await
            .unwrap();
        let ci2 = invoices::commercial(&app, &boss, oid, &[(l1, "40".into()), (l2, "7".into())])
            .await
            .unwrap();
        let (c1, c2) = (
            invoices::get(&app, &boss, ci1).await.unwrap(),
            invoices::get(&app, &boss, ci2).await.unwrap(),
        );
        // Each partial invoice rounds its own lines (120 × 20.3333 = 2,440.00 but 80 × is
        // 1,626.66): the invoice billing the rest bills the rest of the amount (813.34) and of
        // the discount, so the parts add up to the order to the cent.
        let billed = c1.totals.total.checked_add(c2.totals.total).unwrap();
        assert_eq!(billed, q.totals.total, "{backend:?}");
        assert_eq!(c1.totals.lines[0].amount.to_string(), "1626.66");
        assert_eq!(c2.totals.lines[0].amount.to_string(), "813.34");
        assert_eq!(
            c1.totals.discount.amount + c2.totals.discount.amount,
            q.totals.discount.amount
        );
        let qty = |v: &invoices::InvoiceView| {
            v.snapshot
                .lines
                .iter()
                .map(|l| l.quantity().value())
                .sum::<rust_decimal::Decimal>()
        };
        assert_eq!(
            qty(&c1) + qty(&c2),
            q.snapshot
                .lines
                .iter()
                .map(|l| l.quantity().value())
                .sum::<rust_decimal::Decimal>()
        );
        // Invoiced in one go, the commercial invoice agrees with the quote to the cent.
        let qid2 = accepted(&app, &boss, &quote(cid, "EUR", "7.9")).await;
        let oid2 = orders::from_quote(&app, &boss, qid2).await.unwrap();
        let o2 = orders::get(&app, &boss, oid2).await.unwrap();
        let all: Vec<(i64, String)> = o2
            .lines
            .iter()
            .map(|l| (l.id, l.quantity.clone()))
            .collect();
        orders::ship(&app, &boss, oid2, &all).await.unwrap();
        let ci = invoices::get(
            &app,
            &boss,
            invoices::commercial(&app, &boss, oid2, &all).await.unwrap(),
        )
        .await
        .unwrap();
        let q2 = quotes::get(&app, &boss, qid2).await.unwrap();
        assert_eq!(ci.totals, q2.totals, "{backend:?}: CI = quote");
        let number = invoices::issue(&app, &boss, ci1, None).await.unwrap();
        assert!(
            number.starts_with("INV-") && number.ends_with("-00001"),
            "{number}"
        );
        assert!(
            invoices::void(&app, &boss, ci1, "").await.is_err(),
            "a void needs a reason"
        );
        invoices::void(&app, &boss, ci1, "wrong consignee, reissued")
            .await
            .unwrap();
        assert_eq!(
            invoices::get(&app, &boss, ci1)
                .await
                .unwrap()
                .derived_status,
            "void"
        );
        db.cleanup().await;
    }
}

/// A shipped, issued commercial invoice in USD for the whole of a fresh quote.
async fn issued_invoice(app: &App, boss: &Actor, cid: i64) -> invoices::InvoiceView {
    let qid = accepted(app, boss, &quote(cid, "USD", "7.1")).await;
    let oid = orders::from_quote(app, boss, qid).await.unwrap();
    let all: Vec<(i64, String)> = orders::get(app, boss, oid)
        .await
        .unwrap()
        .lines
        .iter()
        .map(|l| (l.id, l.quantity.clone()))
        .collect();
    orders::ship(app, boss, oid, &all).await.unwrap();
    let id = invoices::commercial(app, boss, oid, &all).await.unwrap();
    invoices::issue(app, boss, id, None).await.unwrap();
    invoices::get(app, boss, id).await.unwrap()
}

fn code(e: leadledger_app::AppError) -> String {
    match e {
        leadledger_app::AppError::Invalid(f) => f.0.values().next().unwrap().code.to_string(),
        other => format!("{other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn credit_notes_reduce_what_is_open_and_never_exceed_the_invoice() {
    use leadledger_app::payments::{self, PaymentDraft};
    use leadledger_app::receivables;
    for backend in backends() {
        let (db, app, boss, cid) = setup(backend).await;
        let inv = issued_invoice(&app, &boss, cid).await;
        // 120 × 20.3333 = 2,440.00; 7 × 4.125 less 5 % = 27.43; freight 640 → 3,107.43.
        assert_eq!(inv.totals.total.amount.to_string(), "3107.43");
        payments::record(
            &app,
            &boss,
            &PaymentDraft {
                customer_id: Some(cid),
                currency: "USD".into(),
                received: "985".into(),
                bank_charges: "15".into(),
                rate: "7.0".into(),
                allocations: vec![(inv.row.id, "1000".into())],
                ..Default::default()
            },
        )
        .await
        .unwrap();
        // Two drivers came back broken: credit them, 2 × 4.125 less 5 % = 7.84.
        let draft = credit_notes::CreditDraft {
            reason: "2 drivers damaged in transit".into(),
            lines: vec![(1, "2".into())],
            ..Default::default()
        };
        let too_many = credit_notes::CreditDraft {
            lines: vec![(1, "8".into())],
            ..draft.clone()
        };
        assert_eq!(
            code(
                credit_notes::create(&app, &boss, inv.row.id, &too_many)
                    .await
                    .unwrap_err()
            ),
            "credit_quantity_exceeds_line"
        );
        let no_reason = credit_notes::CreditDraft {
            reason: " ".into(),
            ..draft.clone()
        };
        assert_eq!(
            code(
                credit_notes::create(&app, &boss, inv.row.id, &no_reason)
                    .await
                    .unwrap_err()
            ),
            "credit_reason_required"
        );
        let cn = credit_notes::create(&app, &boss, inv.row.id, &draft)
            .await
            .unwrap();
        let number = invoices::issue(&app, &boss, cn, None).await.unwrap();
        assert!(number.starts_with("CN-"), "{number}");
        let after = invoices::get(&app, &boss, inv.row.id).await.unwrap();
        assert_eq!(after.row.credited_minor, 784, "{backend:?}");
        // 3,107.43 − 1,000 − 7.84
        assert_eq!(after.row.open_minor(), 209_959, "{backend:?}");
        assert_eq!(after.derived_status, "partially_paid");
        // Credit notes together never exceed the invoice.
        let huge = credit_notes::CreditDraft {
            reason: "price claim".into(),
            adjustment_amount: "3100".into(),
            ..Default::default()
        };
        assert_eq!(
            code(
                credit_notes::create(&app, &boss, inv.row.id, &huge)
                    .await
                    .unwrap_err()
            ),
            "credit_exceeds_invoice"
        );
        // Paid in full, then a price claim: nothing left to close, so it is owed to the buyer.
        payments::record(
            &app,
            &boss,
            &PaymentDraft {
                customer_id: Some(cid),
                currency: "USD".into(),
                received: "2099.59".into(),
                rate: "7.1".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        let claim = credit_notes::CreditDraft {
            reason: "quality claim agreed".into(),
            adjustment_description: "Allowance for 3 % colour deviation".into(),
            adjustment_amount: "50".into(),
            ..Default::default()
        };
        let cn2 = credit_notes::create(&app, &boss, inv.row.id, &claim)
            .await
            .unwrap();
        invoices::issue(&app, &boss, cn2, None).await.unwrap();
        let c2 = invoices::get(&app, &boss, cn2).await.unwrap();
        assert_eq!((c2.row.paid_minor, c2.row.open_minor()), (0, 5000));
        let today = chrono::Utc::now().date_naive();
        let r = receivables::report(&app, &boss, Some(cid), today)
            .await
            .unwrap();
        assert_eq!(r.totals.len(), 1);
        assert_eq!(
            r.totals[0].total.amount.to_string(),
            "-50.00",
            "{backend:?}"
        );
        assert_eq!(
            invoices::get(&app, &boss, inv.row.id)
                .await
                .unwrap()
                .derived_status,
            "paid"
        );
        // The invoice cannot be voided while credit notes stand; voiding one gives back what
        // it had closed.
        assert_eq!(
            code(
                invoices::void(&app, &boss, inv.row.id, "wrong buyer")
                    .await
                    .unwrap_err()
            ),
            "invoice_has_payments"
        );
        invoices::void(&app, &boss, cn, "entered twice")
            .await
            .unwrap();
        let after = invoices::get(&app, &boss, inv.row.id).await.unwrap();
        assert_eq!((after.row.credited_minor, after.row.open_minor()), (0, 784));
        let h = invoices::history(&app, &boss, inv.row.id).await.unwrap();
        assert_eq!((h.allocations.len(), h.credit_notes.len()), (2, 2));
        db.cleanup().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn receivables_age_open_invoices_by_due_date() {
    use leadledger_app::receivables;
    for backend in backends() {
        let (db, app, boss, cid) = setup(backend).await;
        let inv = issued_invoice(&app, &boss, cid).await;
        // 30 % deposit due on issue, 70 % against the B/L (unknown yet): due today.
        let due: chrono::NaiveDate = inv.row.due_date.as_deref().unwrap().parse().unwrap();
        let report = |d| receivables::report(&app, &boss, None, d);
        let r = report(due).await.unwrap();
        assert_eq!(r.customers.len(), 1);
        assert_eq!(r.totals[0].not_due.amount.to_string(), "3107.43");
        let r = report(due + chrono::Days::new(45)).await.unwrap();
        assert_eq!(r.totals[0].days_31_60.amount.to_string(), "3107.43");
        let r = report(due + chrono::Days::new(91)).await.unwrap();
        assert_eq!(r.totals[0].over_90, r.totals[0].total, "{backend:?}");
        assert_eq!(r.customers[0].items[0].source, "invoice");
        db.cleanup().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deposit_against_the_pi_is_held_and_applied_to_the_commercial_invoice() {
    use leadledger_app::payments::{self, PaymentDraft};
    for backend in backends() {
        let (db, app, boss, cid) = setup(backend).await;
        let qid = accepted(&app, &boss, &quote(cid, "USD", "7.1")).await;
        let oid = orders::from_quote(&app, &boss, qid).await.unwrap();
        let pi = invoices::proforma(&app, &boss, None, Some(oid))
            .await
            .unwrap();
        let deposit = |against: i64| PaymentDraft {
            customer_id: Some(cid),
            currency: "USD".into(),
            received: "922.23".into(),
            bank_charges: "10".into(),
            rate: "7.05".into(),
            against_invoice_id: Some(against),
            ..Default::default()
        };
        assert_eq!(
            code(
                payments::record(&app, &boss, &deposit(pi))
                    .await
                    .unwrap_err()
            ),
            "not_a_proforma",
            "a draft PI takes no deposit"
        );
        invoices::issue(&app, &boss, pi, None).await.unwrap();
        let pid = payments::record(&app, &boss, &deposit(pi)).await.unwrap();
        let (p, allocs) = payments::get(&app, &boss, pid).await.unwrap();
        assert_eq!(
            (p.amount_minor, p.allocated_minor, allocs.len()),
            (93_223, 0, 0)
        );
        let all: Vec<(i64, String)> = orders::get(&app, &boss, oid)
            .await
            .unwrap()
            .lines
            .iter()
            .map(|l| (l.id, l.quantity.clone()))
            .collect();
        orders::ship(&app, &boss, oid, &all).await.unwrap();
        let ci = invoices::commercial(&app, &boss, oid, &all).await.unwrap();
        invoices::issue(&app, &boss, ci, None).await.unwrap();
        let v = invoices::get(&app, &boss, ci).await.unwrap();
        assert_eq!(
            v.row.paid_minor, 93_223,
            "{backend:?}: the deposit is applied on issue"
        );
        assert_eq!(v.row.open_minor(), 310_743 - 93_223);
        let (p, allocs) = payments::get(&app, &boss, pid).await.unwrap();
        assert_eq!((p.allocated_minor, allocs.len()), (93_223, 1));
        // The deposit came at 7.05 against the invoice's 7.1: a realised loss of 46.61 CNY.
        assert_eq!(allocs[0].fx_gain_base_minor, -4_661, "{backend:?}");
        db.cleanup().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sent_quotes_expire_after_their_validity_date() {
    for backend in backends() {
        let (db, app, boss, cid) = setup(backend).await;
        let sent = quotes::create(&app, &boss, &quote(cid, "USD", "7.1"))
            .await
            .unwrap();
        quotes::apply_event(&app, &boss, sent, QuoteEvent::Send)
            .await
            .unwrap();
        let draft = quotes::create(&app, &boss, &quote(cid, "USD", "7.1"))
            .await
            .unwrap();
        let valid = quotes::get(&app, &boss, sent)
            .await
            .unwrap()
            .snapshot
            .valid_until;
        assert_eq!(
            quotes::expire_due(&app, valid).await.unwrap(),
            0,
            "valid through its last day"
        );
        let next = valid.succ_opt().unwrap();
        assert_eq!(
            quotes::expire_due(&app, next).await.unwrap(),
            1,
            "{backend:?}"
        );
        let q = quotes::get(&app, &boss, sent).await.unwrap();
        assert_eq!(q.row.status, "expired");
        assert!(q.row.expired_at.is_some());
        assert_eq!(
            quotes::get(&app, &boss, draft).await.unwrap().row.status,
            "draft"
        );
        assert_eq!(
            quotes::expire_due(&app, next).await.unwrap(),
            0,
            "only once"
        );
        db.cleanup().await;
    }
}
