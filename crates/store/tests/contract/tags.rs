//! Tags, their customer counts, and which customers carry them.

use super::support::{T0, customer, read, rec, write};
use leadledger_store::{Db, StoreError, tags};

pub async fn a_tag_is_found_by_id_and_name_with_its_customer_count(db: Db) {
    let a = customer(&db, rec("A")).await;
    let b = customer(&db, rec("B")).await;
    let mut tx = write(&db).await;
    let good = tags::insert(&mut tx, "回款准时", "#2f855a", T0)
        .await
        .unwrap();
    let vip = tags::insert(&mut tx, "VIP", "#d69e2e", T0).await.unwrap();
    tags::set_for_customer(&mut tx, a, &[good, vip])
        .await
        .unwrap();
    tags::set_for_customer(&mut tx, b, &[good]).await.unwrap();
    tx.commit().await.unwrap();
    let mut tx = read(&db).await;
    let t = tags::get(&mut tx, good).await.unwrap();
    assert_eq!(
        (t.name.as_str(), t.color.as_str(), t.customers),
        ("回款准时", "#2f855a", 2)
    );
    assert_eq!(
        tags::by_name(&mut tx, "VIP")
            .await
            .unwrap()
            .map(|t| (t.id, t.customers)),
        Some((vip, 1))
    );
    assert!(
        tags::by_name(&mut tx, "vip").await.unwrap().is_none(),
        "names match exactly"
    );
    let mut listed: Vec<(String, i64)> = tags::list(&mut tx)
        .await
        .unwrap()
        .into_iter()
        .map(|t| (t.name, t.customers))
        .collect();
    listed.sort();
    assert_eq!(
        listed,
        [("VIP".to_string(), 1), ("回款准时".to_string(), 2)]
    );
    assert!(matches!(
        tags::get(&mut tx, 999).await,
        Err(StoreError::NotFound)
    ));
}

pub async fn a_second_tag_with_the_same_name_is_a_conflict(db: Db) {
    let mut tx = write(&db).await;
    let a = tags::insert(&mut tx, "长期压价", "#dd6b20", T0)
        .await
        .unwrap();
    let b = tags::insert(&mut tx, "售后争议多", "#c53030", T0)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut tx = write(&db).await;
    assert!(matches!(
        tags::insert(&mut tx, "长期压价", "#000000", T0).await,
        Err(StoreError::Conflict(_))
    ));
    drop(tx);
    let mut tx = write(&db).await;
    assert!(
        matches!(
            tags::update(&mut tx, b, "长期压价", "#000000").await,
            Err(StoreError::Conflict(_))
        ),
        "renaming onto another tag"
    );
    drop(tx);
    let mut tx = write(&db).await;
    tags::update(&mut tx, a, "长期压价!", "#111111")
        .await
        .unwrap();
    assert!(matches!(
        tags::update(&mut tx, 999, "x", "#111111").await,
        Err(StoreError::NotFound)
    ));
    tx.commit().await.unwrap();
    let mut tx = read(&db).await;
    let t = tags::get(&mut tx, a).await.unwrap();
    assert_eq!(
        (t.name.as_str(), t.color.as_str()),
        ("长期压价!", "#111111")
    );
}

pub async fn setting_a_customers_tags_replaces_them(db: Db) {
    let c = customer(&db, rec("A")).await;
    let mut tx = write(&db).await;
    let a = tags::insert(&mut tx, "a", "#000001", T0).await.unwrap();
    let b = tags::insert(&mut tx, "b", "#000002", T0).await.unwrap();
    let c3 = tags::insert(&mut tx, "c", "#000003", T0).await.unwrap();
    tags::set_for_customer(&mut tx, c, &[a, b]).await.unwrap();
    tags::set_for_customer(&mut tx, c, &[b, c3, c3])
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut tx = read(&db).await;
    let names: Vec<String> = tags::for_customers(&mut tx, &[c])
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(names, ["b", "c"], "a repeated id is stored once");
    drop(tx);
    let mut tx = write(&db).await;
    tags::set_for_customer(&mut tx, c, &[]).await.unwrap();
    tx.commit().await.unwrap();
    assert!(
        tags::for_customers(&mut read(&db).await, &[c])
            .await
            .unwrap()
            .is_empty()
    );
}

pub async fn tags_of_several_customers_are_listed_by_name(db: Db) {
    let x = customer(&db, rec("X")).await;
    let y = customer(&db, rec("Y")).await;
    let z = customer(&db, rec("Z")).await;
    let mut tx = write(&db).await;
    let sample = tags::insert(&mut tx, "sample sent", "#000001", T0)
        .await
        .unwrap();
    // Lower case only: SQLite compares bytes, PostgreSQL its collation, and both agree here.
    let vip = tags::insert(&mut tx, "vip", "#000002", T0).await.unwrap();
    let apple = tags::insert(&mut tx, "apple", "#000003", T0).await.unwrap();
    tags::set_for_customer(&mut tx, x, &[vip, sample, apple])
        .await
        .unwrap();
    tags::set_for_customer(&mut tx, y, &[vip]).await.unwrap();
    tags::set_for_customer(&mut tx, z, &[apple]).await.unwrap();
    tx.commit().await.unwrap();
    let mut tx = read(&db).await;
    let rows = tags::for_customers(&mut tx, &[x, y]).await.unwrap();
    let of = |cid| {
        rows.iter()
            .filter(|r| r.customer_id == cid)
            .map(|r| r.name.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(of(x), ["apple", "sample sent", "vip"]);
    assert_eq!(of(y), ["vip"]);
    assert!(rows.iter().all(|r| r.customer_id != z));
    assert!(tags::for_customers(&mut tx, &[]).await.unwrap().is_empty());
}

pub async fn deleting_a_tag_untags_its_customers(db: Db) {
    let c = customer(&db, rec("A")).await;
    let mut tx = write(&db).await;
    let t = tags::insert(&mut tx, "temp", "#000000", T0).await.unwrap();
    tags::set_for_customer(&mut tx, c, &[t]).await.unwrap();
    tags::delete(&mut tx, t).await.unwrap();
    assert!(matches!(
        tags::delete(&mut tx, t).await,
        Err(StoreError::NotFound)
    ));
    tx.commit().await.unwrap();
    let mut tx = read(&db).await;
    assert!(tags::for_customers(&mut tx, &[c]).await.unwrap().is_empty());
    assert!(tags::list(&mut tx).await.unwrap().is_empty());
}
