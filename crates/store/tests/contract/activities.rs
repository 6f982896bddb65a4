//! The activity timeline and its summary.

use super::support::{DAY, T0, activity, add_activity, customer, read, rec, user, write};
use leadledger_store::customers::CustomerRecord;
use leadledger_store::{Db, StoreError, activities};

pub async fn an_activity_reads_back_with_its_users_name(db: Db) {
    let lily = user(&db, "lily", "sales").await;
    let c = customer(&db, rec("Kowalski Hurt Sp. z o.o.")).await;
    let id = add_activity(
        &db,
        c,
        activity(
            "quote_sent",
            T0 - DAY,
            Some(lily),
            45,
            "报价 FOB Ningbo, 30% T/T",
        ),
    )
    .await;
    let anon = add_activity(&db, c, activity("note", T0, None, 0, "imported")).await;
    let mut tx = read(&db).await;
    let a = activities::get(&mut tx, id).await.unwrap();
    assert_eq!(
        (a.customer_id, a.kind.as_str(), a.at, a.minutes),
        (c, "quote_sent", T0 - DAY, 45)
    );
    assert_eq!(
        (
            a.user_id,
            a.username.as_deref(),
            a.body.as_deref(),
            a.created_at
        ),
        (
            Some(lily),
            Some("lily"),
            Some("报价 FOB Ningbo, 30% T/T"),
            T0
        )
    );
    let n = activities::get(&mut tx, anon).await.unwrap();
    assert_eq!((n.user_id, n.username), (None, None));
    assert!(matches!(
        activities::get(&mut tx, 999).await,
        Err(StoreError::NotFound)
    ));
}

pub async fn activities_are_updated_and_deleted(db: Db) {
    let lily = user(&db, "lily", "sales").await;
    let c = customer(&db, rec("A")).await;
    let id = add_activity(&db, c, activity("call", T0, Some(lily), 10, "price only")).await;
    let mut tx = write(&db).await;
    let changed = activities::ActivityRecord {
        kind: "meeting".into(),
        at: T0 + 60,
        user_id: None,
        minutes: 90,
        body: None,
    };
    activities::update(&mut tx, id, &changed).await.unwrap();
    assert!(matches!(
        activities::update(&mut tx, 999, &changed).await,
        Err(StoreError::NotFound)
    ));
    tx.commit().await.unwrap();
    let mut tx = read(&db).await;
    let a = activities::get(&mut tx, id).await.unwrap();
    assert_eq!(
        (a.kind.as_str(), a.at, a.minutes, a.body),
        ("meeting", T0 + 60, 90, None)
    );
    assert_eq!(a.user_id, Some(lily), "who did it never changes");
    drop(tx);
    let mut tx = write(&db).await;
    activities::delete(&mut tx, id).await.unwrap();
    assert!(matches!(
        activities::delete(&mut tx, id).await,
        Err(StoreError::NotFound)
    ));
    tx.commit().await.unwrap();
}

async fn bodies(
    db: &Db,
    customer_id: Option<i64>,
    kind: Option<&str>,
    visible_to: Option<i64>,
    limit: i64,
    offset: i64,
) -> (Vec<String>, i64) {
    let mut tx = read(db).await;
    let (rows, total) = activities::list(&mut tx, customer_id, kind, visible_to, limit, offset)
        .await
        .unwrap();
    (
        rows.into_iter()
            .map(|r| r.body.unwrap_or_default())
            .collect(),
        total,
    )
}

fn v(s: &[&str]) -> Vec<String> {
    s.iter().map(|x| x.to_string()).collect()
}

pub async fn activities_list_newest_first_filtered_and_paged(db: Db) {
    let a = customer(&db, rec("A")).await;
    let b = customer(&db, rec("B")).await;
    add_activity(&db, a, activity("email_received", T0, None, 5, "a1")).await;
    add_activity(&db, a, activity("call", T0 + 2 * DAY, None, 20, "a3")).await;
    add_activity(&db, a, activity("email_received", T0 + DAY, None, 5, "a2")).await;
    add_activity(&db, b, activity("call", T0 + DAY, None, 15, "b1")).await;
    add_activity(&db, b, activity("call", T0 + DAY, None, 15, "b2")).await;
    assert_eq!(
        bodies(&db, None, None, None, 10, 0).await,
        (v(&["a3", "b2", "b1", "a2", "a1"]), 5),
        "same time: newest id first"
    );
    assert_eq!(
        bodies(&db, Some(a), None, None, 10, 0).await,
        (v(&["a3", "a2", "a1"]), 3)
    );
    assert_eq!(
        bodies(&db, None, Some("call"), None, 10, 0).await,
        (v(&["a3", "b2", "b1"]), 3)
    );
    assert_eq!(
        bodies(&db, Some(a), Some("email_received"), None, 10, 0).await,
        (v(&["a2", "a1"]), 2)
    );
    assert_eq!(
        bodies(&db, None, None, None, 2, 2).await,
        (v(&["b1", "a2"]), 5)
    );
    assert_eq!(
        bodies(&db, None, Some("visit"), None, 10, 0).await,
        (vec![], 0)
    );
}

pub async fn the_activity_list_respects_a_sales_scope(db: Db) {
    let lily = user(&db, "lily", "sales").await;
    let tom = user(&db, "tom", "sales").await;
    let mine = customer(
        &db,
        CustomerRecord {
            owner_id: Some(lily),
            ..rec("Mine")
        },
    )
    .await;
    let toms = customer(
        &db,
        CustomerRecord {
            owner_id: Some(tom),
            ..rec("Toms")
        },
    )
    .await;
    let pool = customer(&db, rec("Pool")).await;
    add_activity(&db, mine, activity("call", T0, Some(lily), 1, "mine")).await;
    add_activity(&db, toms, activity("call", T0 + 1, Some(tom), 1, "toms")).await;
    add_activity(&db, pool, activity("call", T0 + 2, None, 1, "pool")).await;
    assert_eq!(
        bodies(&db, None, None, Some(lily), 10, 0).await,
        (v(&["pool", "mine"]), 2)
    );
    assert_eq!(
        bodies(&db, Some(toms), None, Some(lily), 10, 0).await,
        (vec![], 0)
    );
    assert_eq!(
        bodies(&db, None, None, Some(tom), 10, 0).await,
        (v(&["pool", "toms"]), 2)
    );
}

pub async fn the_summary_adds_minutes_and_finds_the_latest_activity(db: Db) {
    let a = customer(&db, rec("A")).await;
    let quiet = customer(&db, rec("Quiet")).await;
    add_activity(&db, a, activity("call", T0 + 5 * DAY, None, 30, "x")).await;
    add_activity(&db, a, activity("meeting", T0 + 9 * DAY, None, 1440, "y")).await;
    add_activity(&db, a, activity("note", T0, None, 0, "z")).await;
    let mut tx = read(&db).await;
    assert_eq!(
        activities::summary(&mut tx, a).await.unwrap(),
        (1470, Some(T0 + 9 * DAY))
    );
    assert_eq!(
        activities::summary(&mut tx, quiet).await.unwrap(),
        (0, None),
        "no activity: zero minutes, no date"
    );
}
