//! Small builders shared by the contract tests, so each test states only what it is about.

use leadledger_domain::customer::match_key;
use leadledger_store::customers::{self, CustomerFilter, CustomerRecord};
use leadledger_store::{Db, Tx, activities, contacts, users};

/// 2026-01-01T00:00:00Z; tests use fixed times so results never depend on the clock.
pub const T0: i64 = 1_767_225_600;
pub const DAY: i64 = 86_400;

pub async fn write(db: &Db) -> Tx {
    db.write().await.expect("write transaction")
}

pub async fn read(db: &Db) -> Tx {
    db.read().await.expect("read transaction")
}

pub async fn user(db: &Db, username: &str, role: &str) -> i64 {
    let mut tx = write(db).await;
    let id = users::insert(
        &mut tx,
        username,
        &username.to_uppercase(),
        role,
        "$argon2id$fake",
        T0,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id
}

/// A lead from Germany via Alibaba, owned by nobody; change what a test needs.
pub fn rec(name: &str) -> CustomerRecord {
    CustomerRecord {
        name: name.into(),
        match_key: match_key(name),
        sort_name: name.to_lowercase(),
        country: "DE".into(),
        source: "alibaba".into(),
        status: "lead".into(),
        ..Default::default()
    }
}

pub async fn customer(db: &Db, r: CustomerRecord) -> i64 {
    customer_at(db, r, T0).await
}

pub async fn customer_at(db: &Db, r: CustomerRecord, now: i64) -> i64 {
    let mut tx = write(db).await;
    let id = customers::insert(&mut tx, &r, now).await.unwrap();
    tx.commit().await.unwrap();
    id
}

pub async fn contact(db: &Db, customer_id: i64, name: &str, channels: &[(&str, &str)]) -> i64 {
    let mut tx = write(db).await;
    let r = contacts::ContactRecord {
        name: name.into(),
        channels: channels
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        ..Default::default()
    };
    let id = contacts::insert(&mut tx, customer_id, &r, T0)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    id
}

pub fn activity(
    kind: &str,
    at: i64,
    user_id: Option<i64>,
    minutes: i32,
    body: &str,
) -> activities::ActivityRecord {
    activities::ActivityRecord {
        kind: kind.into(),
        at,
        user_id,
        minutes,
        body: Some(body.into()),
    }
}

pub async fn add_activity(db: &Db, customer_id: i64, r: activities::ActivityRecord) -> i64 {
    let mut tx = write(db).await;
    let id = activities::insert(&mut tx, customer_id, &r, T0)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    id
}

/// Names of one page of customers matching `f`, and the total.
pub async fn page(db: &Db, f: &CustomerFilter, limit: i64, offset: i64) -> (Vec<String>, i64) {
    let mut tx = read(db).await;
    let (rows, total) = customers::list(&mut tx, f, limit, offset).await.unwrap();
    (rows.into_iter().map(|r| r.name).collect(), total)
}

/// Names of every customer matching `f`, checking that the total agrees.
pub async fn names(db: &Db, f: &CustomerFilter) -> Vec<String> {
    let (names, total) = page(db, f, 500, 0).await;
    assert_eq!(
        total,
        names.len() as i64,
        "the total counts what the list shows"
    );
    names
}

/// Sorted copies, for comparisons where order does not matter.
pub fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

pub fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}
