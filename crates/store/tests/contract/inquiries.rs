//! Stored inquiries, their filters, buyer signals, and completeness set by inquiries.

use super::support::{DAY, T0, customer, read, rec, user, write};
use leadledger_store::customers::CustomerRecord;
use leadledger_store::inquiries::{self, InquiryFilter, InquiryRecord};
use leadledger_store::{Db, StoreError, customers};

fn inquiry(
    customer_id: Option<i64>,
    at: i64,
    grade: &str,
    junk: bool,
    scam: bool,
) -> InquiryRecord {
    InquiryRecord {
        customer_id,
        received_at: at,
        channel: "paste".into(),
        subject: Some("RFQ".into()),
        from_addr: Some("a@b.com".into()),
        reply_to: None,
        body: "We need 1000 pcs".into(),
        language: "en".into(),
        grade: grade.into(),
        score: 50,
        scam,
        junk,
        risk_level: if scam { "high".into() } else { "none".into() },
        analysis: "{\"language\":\"en\"}".into(),
        created_by: None,
    }
}

async fn ids(db: &Db, f: &InquiryFilter) -> (Vec<i64>, i64) {
    let mut tx = read(db).await;
    let (rows, total) = inquiries::list(&mut tx, f, 50, 0).await.unwrap();
    (rows.into_iter().map(|r| r.id).collect(), total)
}

pub async fn inquiries_are_listed_newest_first_and_filtered_by_grade_risk_and_link(db: Db) {
    let c = customer(&db, rec("Buyer")).await;
    let mut tx = write(&db).await;
    let a = inquiries::insert(&mut tx, &inquiry(Some(c), T0, "high", false, false), T0)
        .await
        .unwrap();
    let b = inquiries::insert(&mut tx, &inquiry(None, T0 + DAY, "low", true, true), T0)
        .await
        .unwrap();
    let d = inquiries::insert(
        &mut tx,
        &inquiry(None, T0 + 2 * DAY, "low", true, false),
        T0,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        ids(&db, &InquiryFilter::default()).await,
        (vec![d, b, a], 3)
    );
    assert_eq!(
        ids(
            &db,
            &InquiryFilter {
                grade: Some("high".into()),
                ..Default::default()
            }
        )
        .await
        .0,
        vec![a]
    );
    assert_eq!(
        ids(
            &db,
            &InquiryFilter {
                scam: Some(true),
                ..Default::default()
            }
        )
        .await
        .0,
        vec![b]
    );
    assert_eq!(
        ids(
            &db,
            &InquiryFilter {
                junk: Some(false),
                ..Default::default()
            }
        )
        .await
        .0,
        vec![a]
    );
    assert_eq!(
        ids(
            &db,
            &InquiryFilter {
                linked: Some(false),
                ..Default::default()
            }
        )
        .await
        .0,
        vec![d, b]
    );
    assert_eq!(
        ids(
            &db,
            &InquiryFilter {
                customer_id: Some(c),
                ..Default::default()
            }
        )
        .await
        .0,
        vec![a]
    );
    let mut tx = read(&db).await;
    let row = inquiries::get(&mut tx, a).await.unwrap();
    assert_eq!(
        (
            row.customer_name.as_deref(),
            row.grade.as_str(),
            row.analysis.as_str()
        ),
        (Some("Buyer"), "high", "{\"language\":\"en\"}")
    );
}

pub async fn a_sales_scope_sees_unlinked_pool_and_own_inquiries_only(db: Db) {
    let lily = user(&db, "lily", "sales").await;
    let tom = user(&db, "tom", "sales").await;
    let own = customer(
        &db,
        CustomerRecord {
            owner_id: Some(lily),
            ..rec("Own")
        },
    )
    .await;
    let other = customer(
        &db,
        CustomerRecord {
            owner_id: Some(tom),
            ..rec("Other")
        },
    )
    .await;
    let mut tx = write(&db).await;
    let a = inquiries::insert(&mut tx, &inquiry(Some(own), T0, "high", false, false), T0)
        .await
        .unwrap();
    let _hidden = inquiries::insert(
        &mut tx,
        &inquiry(Some(other), T0 + 1, "high", false, false),
        T0,
    )
    .await
    .unwrap();
    let c = inquiries::insert(&mut tx, &inquiry(None, T0 + 2, "low", false, false), T0)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        ids(
            &db,
            &InquiryFilter {
                visible_to: Some(lily),
                ..Default::default()
            }
        )
        .await,
        (vec![c, a], 2)
    );
}

pub async fn linking_unlinking_and_deleting_an_inquiry(db: Db) {
    let c = customer(&db, rec("Buyer")).await;
    let mut tx = write(&db).await;
    let a = inquiries::insert(&mut tx, &inquiry(None, T0, "medium", false, false), T0)
        .await
        .unwrap();
    inquiries::set_customer(&mut tx, a, Some(c)).await.unwrap();
    assert_eq!(
        inquiries::get(&mut tx, a).await.unwrap().customer_id,
        Some(c)
    );
    inquiries::set_customer(&mut tx, a, None).await.unwrap();
    assert_eq!(inquiries::get(&mut tx, a).await.unwrap().customer_id, None);
    assert!(matches!(
        inquiries::set_customer(&mut tx, 99_999, None).await,
        Err(StoreError::NotFound)
    ));
    inquiries::delete(&mut tx, a).await.unwrap();
    assert!(matches!(
        inquiries::delete(&mut tx, a).await,
        Err(StoreError::NotFound)
    ));
    tx.commit().await.unwrap();
}

pub async fn signals_are_kept_per_customer_and_follow_a_merge(db: Db) {
    let a = customer(&db, rec("Keep")).await;
    let b = customer(&db, rec("Gone")).await;
    let mut tx = write(&db).await;
    let i = inquiries::insert(&mut tx, &inquiry(Some(b), T0, "high", false, false), T0)
        .await
        .unwrap();
    inquiries::insert_signal(
        &mut tx,
        b,
        "willing_to_supplement",
        Some(i),
        T0,
        "answered: quantity",
    )
    .await
    .unwrap();
    inquiries::insert_signal(&mut tx, b, "evasive", None, T0 + DAY, "price only")
        .await
        .unwrap();
    customers::merge(&mut tx, a, b, T0 + 2 * DAY).await.unwrap();
    tx.commit().await.unwrap();
    let mut tx = read(&db).await;
    let kinds: Vec<String> = inquiries::signals_for(&mut tx, a)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.kind)
        .collect();
    assert_eq!(kinds, vec!["evasive", "willing_to_supplement"]);
    assert_eq!(
        inquiries::get(&mut tx, i).await.unwrap().customer_id,
        Some(a)
    );
}

pub async fn an_inquiry_sets_completeness_until_a_person_does(db: Db) {
    let c = customer(&db, rec("Buyer")).await;
    let mut tx = write(&db).await;
    assert!(
        inquiries::set_completeness_from_inquiry(&mut tx, c, "medium", T0)
            .await
            .unwrap()
    );
    assert!(
        !inquiries::set_completeness_from_inquiry(&mut tx, c, "medium", T0)
            .await
            .unwrap(),
        "no change, no write"
    );
    assert_eq!(
        inquiries::completeness_source(&mut tx, c)
            .await
            .unwrap()
            .as_deref(),
        Some("inquiry")
    );
    inquiries::mark_completeness_by_person(&mut tx, c)
        .await
        .unwrap();
    assert!(
        !inquiries::set_completeness_from_inquiry(&mut tx, c, "high", T0)
            .await
            .unwrap()
    );
    assert_eq!(
        customers::get(&mut tx, c)
            .await
            .unwrap()
            .completeness
            .as_deref(),
        Some("medium")
    );
    tx.commit().await.unwrap();
}
