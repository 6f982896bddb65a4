//! Many writers at once, rollback, and the database handle itself.

use super::support::{T0, rec, write};
use leadledger_store::{Backend, Db, customers};

pub async fn twenty_simultaneous_writers_all_commit(db: Db) {
    let tasks: Vec<_> = (0..20)
        .map(|i| {
            let db = db.clone();
            tokio::spawn(async move {
                let mut tx = db
                    .write()
                    .await
                    .expect("a write transaction, after waiting if need be");
                let before = customers::count(&mut tx).await.unwrap();
                let id =
                    customers::insert(&mut tx, &rec(&format!("Concurrent Buyer {i:02}")), T0 + i)
                        .await
                        .unwrap();
                tokio::task::yield_now().await;
                customers::touch(&mut tx, id, T0 + 100 + i).await.unwrap();
                tx.commit().await.expect("commit");
                (id, before)
            })
        })
        .collect();
    let mut ids = Vec::new();
    for t in tasks {
        ids.push(t.await.expect("task finished").0);
    }
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 20, "twenty distinct ids");
    let mut tx = db.read().await.unwrap();
    assert_eq!(customers::count(&mut tx).await.unwrap(), 20);
}

pub async fn a_rolled_back_transaction_leaves_nothing_behind(db: Db) {
    let mut tx = write(&db).await;
    customers::insert(&mut tx, &rec("Never Saved"), T0)
        .await
        .unwrap();
    drop(tx);
    let mut tx = write(&db).await;
    assert_eq!(customers::count(&mut tx).await.unwrap(), 0);
    customers::insert(&mut tx, &rec("Saved"), T0).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        customers::count(&mut db.read().await.unwrap())
            .await
            .unwrap(),
        1
    );
}

pub async fn migrating_twice_changes_nothing_and_the_database_answers_pings(db: Db) {
    db.migrate().await.expect("a second migration is a no-op");
    db.ping().await.unwrap();
    let tx = write(&db).await;
    assert_eq!(tx.backend(), db.backend());
    assert!(matches!(db.backend(), Backend::Sqlite | Backend::Postgres));
}

/// 200 writers each take a document number at once: every number from 1 to 200 is handed out
/// exactly once, and a rolled-back transaction gives its number back.
pub async fn two_hundred_concurrent_writers_get_gapless_distinct_numbers(db: Db) {
    let mut tasks = Vec::new();
    for _ in 0..200 {
        let db = db.clone();
        tasks.push(tokio::spawn(async move {
            let mut tx = db.write().await.unwrap();
            let n = leadledger_store::quotes::next_number(&mut tx, "INV", 2026)
                .await
                .unwrap();
            tx.commit().await.unwrap();
            n
        }));
    }
    let mut got = Vec::new();
    for t in tasks {
        got.push(t.await.unwrap());
    }
    got.sort_unstable();
    assert_eq!(got, (1..=200).collect::<Vec<i64>>());
    let mut tx = db.write().await.unwrap();
    assert_eq!(
        leadledger_store::quotes::next_number(&mut tx, "INV", 2026)
            .await
            .unwrap(),
        201
    );
    drop(tx);
    let mut tx = db.write().await.unwrap();
    assert_eq!(
        leadledger_store::quotes::next_number(&mut tx, "INV", 2026)
            .await
            .unwrap(),
        201,
        "the rolled-back number is reused"
    );
    assert_eq!(
        leadledger_store::quotes::next_number(&mut tx, "INV", 2027)
            .await
            .unwrap(),
        1,
        "each year starts at 1"
    );
    tx.commit().await.unwrap();
}
