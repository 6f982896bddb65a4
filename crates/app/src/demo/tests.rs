//! Seeding real (temporary SQLite) databases and checking the promises of the demo.

use super::*;
use leadledger_store::customers::{self, CustomerFilter};
use leadledger_store::testing::TestDb;
use leadledger_store::{fields, tags};
use std::collections::HashSet;
use std::time::Instant;

async fn fresh() -> (TestDb, App) {
    let t = TestDb::sqlite().await.expect("test database");
    let app = App::new(t.db.clone());
    (t, app)
}

async fn all_customers(app: &App) -> Vec<leadledger_store::customers::CustomerRow> {
    let mut tx = app.db.read().await.unwrap();
    let mut out = Vec::new();
    loop {
        let (rows, total) =
            customers::list(&mut tx, &CustomerFilter::default(), 500, out.len() as i64)
                .await
                .unwrap();
        let done = rows.is_empty();
        out.extend(rows);
        if done || out.len() as i64 >= total {
            return out;
        }
    }
}

#[tokio::test]
async fn the_default_demo_has_the_promised_team_buyers_and_history() {
    let (t, app) = fresh().await;
    let now = crate::now();
    let s = seed_at(&app, &DemoOptions::default(), now).await.unwrap();
    assert_eq!(s.customers, 48);
    let rows = all_customers(&app).await;
    assert_eq!(rows.len(), s.customers);
    let countries: HashSet<&str> = rows.iter().map(|r| r.country.as_str()).collect();
    assert!(countries.len() >= 15, "{} countries", countries.len());
    let sources: HashSet<&str> = rows.iter().map(|r| r.source.as_str()).collect();
    assert!(
        SourceChannel::ALL
            .iter()
            .all(|s| sources.contains(s.as_str())),
        "every source channel: {sources:?}"
    );
    let statuses: HashSet<&str> = rows.iter().map(|r| r.status.as_str()).collect();
    assert_eq!(statuses.len(), CustomerStatus::ALL.len());
    assert!(
        rows.iter().any(|r| r.owner_id.is_none()),
        "some customers are in the public pool"
    );
    for owner in ["lily", "tom", "mgr"] {
        assert!(
            rows.iter()
                .any(|r| r.owner_username.as_deref() == Some(owner)),
            "{owner} owns customers"
        );
    }
    assert!(
        rows.iter()
            .any(|r| r.source_detail.as_deref() == Some("Canton Fair 2025 Phase 1"))
    );

    let users: Vec<(String, String)> = crate::users::list(&app)
        .await
        .unwrap()
        .into_iter()
        .map(|u| (u.username, u.role))
        .collect();
    let want = [
        ("boss", "admin"),
        ("fin", "finance"),
        ("lily", "sales"),
        ("mgr", "manager"),
        ("tom", "sales"),
    ];
    assert_eq!(users, want.map(|(u, r)| (u.to_string(), r.to_string())));
    assert_eq!(s.users.len(), 5);

    let mut tx = app.db.read().await.unwrap();
    let (newest, total) = leadledger_store::activities::list(&mut tx, None, None, None, 1, 0)
        .await
        .unwrap();
    let (oldest, _) = leadledger_store::activities::list(&mut tx, None, None, None, 1, total - 1)
        .await
        .unwrap();
    assert_eq!(total as usize, s.activities);
    let months = (newest[0].at - oldest[0].at) as f64 / (30.44 * DAY as f64);
    assert!(months >= 17.0, "activities span {months:.1} months");
    assert!(
        newest[0].at <= now && now - newest[0].at < 30 * DAY,
        "recent activity exists"
    );
    let kinds: HashSet<String> =
        leadledger_store::activities::list(&mut tx, None, None, None, 5000, 0)
            .await
            .unwrap()
            .0
            .into_iter()
            .map(|a| a.kind)
            .collect();
    assert!(kinds.len() >= 10, "varied activity kinds: {kinds:?}");

    let (contacts, _) = leadledger_store::contacts::list(&mut tx, None, None, 1, 0)
        .await
        .unwrap();
    assert!(!contacts.is_empty());
    assert_eq!(
        leadledger_store::contacts::list(&mut tx, None, None, 1, 0)
            .await
            .unwrap()
            .1 as usize,
        s.contacts
    );
    let tag_counts: Vec<(String, i64)> = tags::list(&mut tx)
        .await
        .unwrap()
        .into_iter()
        .map(|t| (t.name, t.customers))
        .collect();
    for name in ["回款准时", "长期压价", "售后争议多", "VIP", "样品已寄"] {
        assert!(
            tag_counts.iter().any(|(n, c)| n == name && *c > 0),
            "tag {name} is used: {tag_counts:?}"
        );
    }
    // Quote-to-cash tells the buyers' stories in their currencies, on past dates.
    let (invs, _) = leadledger_store::invoices::list(&mut tx, &Default::default(), 1000, 0)
        .await
        .unwrap();
    let currencies: HashSet<&str> = invs
        .iter()
        .filter(|i| i.kind == "commercial" && i.status == "issued")
        .map(|i| i.currency.as_str())
        .collect();
    for c in ["USD", "EUR", "GBP", "JPY", "CNY"] {
        assert!(currencies.contains(c), "a {c} invoice: {currencies:?}");
    }
    assert!(
        invs.iter()
            .any(|i| i.kind == "credit_note" && i.status == "issued")
    );
    assert!(
        invs.iter()
            .any(|i| i.kind == "proforma" && i.status == "issued")
    );
    assert!(
        invs.iter().all(|i| i.created_at < now - DAY),
        "documents have their own past dates"
    );
    let today = chrono::DateTime::from_timestamp(now, 0)
        .unwrap()
        .date_naive();
    assert!(
        invs.iter().any(|i| i.kind == "commercial"
            && i.open_minor() > 0
            && i.due_date
                .as_deref()
                .is_some_and(|d| d < today.to_string().as_str())),
        "an overdue invoice"
    );
    assert!(invs.iter().any(|i| i.credited_minor > 0));
    let (qs, _) = leadledger_store::quotes::list(&mut tx, &Default::default(), 1000, 0)
        .await
        .unwrap();
    let qstatus: HashSet<&str> = qs.iter().map(|q| q.status.as_str()).collect();
    for st in [
        "draft",
        "sent",
        "accepted",
        "declined",
        "expired",
        "superseded",
    ] {
        assert!(qstatus.contains(st), "a {st} quote: {qstatus:?}");
    }
    assert!(
        qs.iter().all(|q| q.costing.is_some()),
        "every quote is costed"
    );
    let (pays, _) = leadledger_store::payments::list(&mut tx, &Default::default(), 1000, 0)
        .await
        .unwrap();
    assert!(
        pays.iter()
            .any(|p| p.against_invoice_id.is_some() && p.allocated_minor == 0),
        "a deposit held as an advance"
    );
    assert!(pays.iter().any(|p| p.bank_charges_minor > 0));
    let defs = fields::list(&mut tx).await.unwrap();
    assert_eq!(defs.len(), catalog::FIELDS.len());
    for f in &defs {
        assert!(
            fields::count_values(&mut tx, f.id).await.unwrap() > 0,
            "field {} has values",
            f.key
        );
    }
    let only_demo = leadledger_store::audit::AuditFilter {
        entity: Some("demo".into()),
        ..Default::default()
    };
    let (audit, _) = leadledger_store::audit::list(&mut tx, &only_demo, 1, 0)
        .await
        .unwrap();
    assert_eq!(
        (audit[0].entity.as_str(), audit[0].action.as_str()),
        ("demo", "seed")
    );
    drop(tx);
    t.cleanup().await;
}

#[tokio::test]
async fn every_demo_user_signs_in_with_the_demo_password() {
    let (t, app) = fresh().await;
    seed(
        &app,
        &DemoOptions {
            customers: 3,
            seed: 1,
        },
    )
    .await
    .unwrap();
    let s = crate::auth::login(&app, "lily", DEMO_PASSWORD, "127.0.0.1")
        .await
        .unwrap();
    assert_eq!(
        (s.actor.username.as_str(), s.actor.role.as_str()),
        ("lily", "sales")
    );
    assert!(matches!(
        crate::auth::login(&app, "boss", "wrong", "127.0.0.1").await,
        Err(AppError::BadCredentials)
    ));
    assert_eq!(
        crate::auth::login(&app, "fin", DEMO_PASSWORD, "127.0.0.1")
            .await
            .unwrap()
            .actor
            .role
            .as_str(),
        "finance"
    );
    t.cleanup().await;
}

#[tokio::test]
async fn is_seeded_flips_and_a_second_seed_is_refused_without_changes() {
    let (t, app) = fresh().await;
    assert!(!is_seeded(&app).await.unwrap());
    let first = seed(
        &app,
        &DemoOptions {
            customers: 5,
            seed: 7,
        },
    )
    .await
    .unwrap();
    assert!(is_seeded(&app).await.unwrap());
    assert!(matches!(
        seed(&app, &DemoOptions::default()).await,
        Err(AppError::Conflict(_))
    ));
    assert_eq!(
        all_customers(&app).await.len(),
        first.customers,
        "nothing was added"
    );
    t.cleanup().await;
}

#[tokio::test]
async fn the_same_seed_gives_the_same_data_and_another_seed_other_data() {
    let opts = DemoOptions {
        customers: 120,
        seed: 9,
    };
    let mut snapshots = Vec::new();
    for o in [opts, opts, DemoOptions { seed: 10, ..opts }] {
        let (t, app) = fresh().await;
        let s = seed_at(&app, &o, 1_780_000_000).await.unwrap();
        let rows: Vec<_> = all_customers(&app)
            .await
            .into_iter()
            .map(|r| (r.name, r.status, r.owner_username, r.created_at))
            .collect();
        snapshots.push((s, rows));
        t.cleanup().await;
    }
    assert_eq!(snapshots[0], snapshots[1]);
    assert_ne!(snapshots[0].1, snapshots[2].1);
}

#[tokio::test]
async fn generated_customers_fill_up_to_the_requested_count_without_duplicates() {
    let (t, app) = fresh().await;
    let s = seed(
        &app,
        &DemoOptions {
            customers: 400,
            seed: 3,
        },
    )
    .await
    .unwrap();
    assert_eq!(s.customers, 400);
    let rows = all_customers(&app).await;
    assert_eq!(rows.len(), 400);
    let keys: HashSet<String> = rows.iter().map(|r| match_key(&r.name)).collect();
    assert_eq!(keys.len(), 400, "no two customers look like duplicates");
    let countries: HashSet<&str> = rows.iter().map(|r| r.country.as_str()).collect();
    assert!(countries.len() >= 25);
    t.cleanup().await;
}

/// `cargo test -p leadledger-app --release -- --ignored demo_scales --nocapture`
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a benchmark: seeds 100,000 customers"]
async fn demo_scales_to_100000_customers_within_a_minute() {
    let (t, app) = fresh().await;
    let started = Instant::now();
    let s = seed(
        &app,
        &DemoOptions {
            customers: 100_000,
            seed: 42,
        },
    )
    .await
    .unwrap();
    let took = started.elapsed();
    println!(
        "seeded {} customers, {} contacts, {} activities in {took:.1?}",
        s.customers, s.contacts, s.activities
    );
    assert_eq!(s.customers, 100_000);
    assert!(took.as_secs() < 60, "took {took:?}");
    t.cleanup().await;
}

#[tokio::test]
async fn the_demo_seeds_postgresql_too_when_a_server_is_named() {
    let Some(url) = leadledger_store::testing::pg_url() else {
        println!(
            "NOTE: PostgreSQL demo test SKIPPED: {} is not set",
            leadledger_store::testing::PG_URL_VAR
        );
        return;
    };
    let t = TestDb::postgres(&url).await.expect("test schema");
    let app = App::new(t.db.clone());
    let s = seed(
        &app,
        &DemoOptions {
            customers: 300,
            seed: 5,
        },
    )
    .await
    .unwrap();
    assert_eq!((s.customers, all_customers(&app).await.len()), (300, 300));
    assert!(
        crate::auth::login(&app, "tom", DEMO_PASSWORD, "127.0.0.1")
            .await
            .is_ok()
    );
    assert!(matches!(
        seed(&app, &DemoOptions::default()).await,
        Err(AppError::Conflict(_))
    ));
    t.cleanup().await;
}
