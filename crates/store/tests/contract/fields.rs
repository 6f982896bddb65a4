//! Custom field definitions, their options and customers' values.

use super::support::{T0, customer, read, rec, strs, write};
use leadledger_store::fields::{self, FieldRecord};
use leadledger_store::{Db, StoreError};

fn def(key: &str, kind: &str, position: i32) -> FieldRecord {
    FieldRecord {
        key: key.into(),
        label_en: format!("{key} (en)"),
        label_zh: format!("{key}（中）"),
        kind: kind.into(),
        position,
        ..Default::default()
    }
}

async fn add(db: &Db, r: &FieldRecord) -> i64 {
    let mut tx = write(db).await;
    let id = fields::insert(&mut tx, r, T0).await.unwrap();
    tx.commit().await.unwrap();
    id
}

async fn vals(db: &Db, customer_ids: &[i64]) -> Vec<(i64, i64, String)> {
    let mut tx = read(db).await;
    let mut v: Vec<(i64, i64, String)> = fields::values_for_customers(&mut tx, customer_ids)
        .await
        .unwrap()
        .into_iter()
        .map(|v| (v.customer_id, v.field_id, v.value))
        .collect();
    v.sort();
    v
}

pub async fn fields_are_listed_by_position_and_updated_without_changing_key_or_kind(db: Db) {
    let volume = add(&db, &def("annual_volume", "number", 2)).await;
    let buyer = add(&db, &def("buyer_type", "single_select", 1)).await;
    let product = add(&db, &def("main_product", "text", 2)).await;
    let mut tx = read(&db).await;
    let keys: Vec<String> = fields::list(&mut tx)
        .await
        .unwrap()
        .into_iter()
        .map(|f| f.key)
        .collect();
    assert_eq!(
        keys,
        ["buyer_type", "annual_volume", "main_product"],
        "by position, then id"
    );
    drop(tx);
    let mut tx = write(&db).await;
    let change = FieldRecord {
        key: "ignored".into(),
        label_en: "Annual volume (USD)".into(),
        label_zh: "年采购额 (美元)".into(),
        kind: "text".into(),
        required: true,
        in_list: true,
        position: 0,
    };
    fields::update(&mut tx, volume, &change).await.unwrap();
    assert!(matches!(
        fields::update(&mut tx, 999, &change).await,
        Err(StoreError::NotFound)
    ));
    tx.commit().await.unwrap();
    let mut tx = read(&db).await;
    let f = fields::get(&mut tx, volume).await.unwrap();
    assert_eq!(
        (f.key.as_str(), f.kind.as_str()),
        ("annual_volume", "number")
    );
    assert_eq!(
        (
            f.label_en.as_str(),
            f.label_zh.as_str(),
            f.required,
            f.in_list,
            f.position
        ),
        ("Annual volume (USD)", "年采购额 (美元)", true, true, 0)
    );
    let ids: Vec<i64> = fields::list(&mut tx)
        .await
        .unwrap()
        .into_iter()
        .map(|f| f.id)
        .collect();
    assert_eq!(ids, [volume, buyer, product]);
}

pub async fn a_second_field_with_the_same_key_is_a_conflict(db: Db) {
    add(&db, &def("main_product", "text", 0)).await;
    let mut tx = write(&db).await;
    assert!(matches!(
        fields::insert(&mut tx, &def("main_product", "number", 1), T0).await,
        Err(StoreError::Conflict(_))
    ));
}

pub async fn setting_values_replaces_one_fields_values_for_one_customer(db: Db) {
    let a = customer(&db, rec("A")).await;
    let b = customer(&db, rec("B")).await;
    let certs = add(&db, &def("certifications_required", "multi_select", 0)).await;
    let product = add(&db, &def("main_product", "text", 1)).await;
    let mut tx = write(&db).await;
    fields::set_values(&mut tx, a, certs, &strs(&["1", "2"]))
        .await
        .unwrap();
    fields::set_values(&mut tx, a, product, &strs(&["LED strip"]))
        .await
        .unwrap();
    fields::set_values(&mut tx, b, certs, &strs(&["3"]))
        .await
        .unwrap();
    fields::set_values(&mut tx, a, certs, &strs(&["2", "3"]))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        vals(&db, &[a, b]).await,
        [
            (a, certs, "2".into()),
            (a, certs, "3".into()),
            (a, product, "LED strip".into()),
            (b, certs, "3".into())
        ]
    );
    let mut tx = write(&db).await;
    fields::set_values(&mut tx, a, certs, &[]).await.unwrap();
    assert_eq!(fields::count_values(&mut tx, certs).await.unwrap(), 1);
    tx.commit().await.unwrap();
    assert_eq!(vals(&db, &[a]).await, [(a, product, "LED strip".into())]);
    assert!(vals(&db, &[]).await.is_empty());
}

pub async fn options_are_listed_by_field_and_position_and_relabelled(db: Db) {
    let buyer = add(&db, &def("buyer_type", "single_select", 0)).await;
    let certs = add(&db, &def("certifications_required", "multi_select", 1)).await;
    let mut tx = write(&db).await;
    let retailer = fields::insert_option(&mut tx, buyer, "Retailer", 1)
        .await
        .unwrap();
    let distributor = fields::insert_option(&mut tx, buyer, "Distributor", 0)
        .await
        .unwrap();
    let ce = fields::insert_option(&mut tx, certs, "CE", 0)
        .await
        .unwrap();
    fields::update_option(&mut tx, retailer, "Retailer / chain store", 5)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut tx = read(&db).await;
    let opts: Vec<(i64, i64, String, i32)> = fields::options(&mut tx)
        .await
        .unwrap()
        .into_iter()
        .map(|o| (o.field_id, o.id, o.label, o.position))
        .collect();
    assert_eq!(
        opts,
        [
            (buyer, distributor, "Distributor".into(), 0),
            (buyer, retailer, "Retailer / chain store".into(), 5),
            (certs, ce, "CE".into(), 0)
        ]
    );
}

pub async fn deleting_an_option_removes_the_values_that_chose_it(db: Db) {
    let a = customer(&db, rec("A")).await;
    let b = customer(&db, rec("B")).await;
    let certs = add(&db, &def("certifications_required", "multi_select", 0)).await;
    let other = add(&db, &def("note", "text", 1)).await;
    let mut tx = write(&db).await;
    let ce = fields::insert_option(&mut tx, certs, "CE", 0)
        .await
        .unwrap();
    let ul = fields::insert_option(&mut tx, certs, "UL", 1)
        .await
        .unwrap();
    fields::set_values(&mut tx, a, certs, &[ce.to_string(), ul.to_string()])
        .await
        .unwrap();
    fields::set_values(&mut tx, b, certs, &[ce.to_string()])
        .await
        .unwrap();
    // The same text in another field is not an option id of this one and stays.
    fields::set_values(&mut tx, b, other, &[ce.to_string()])
        .await
        .unwrap();
    fields::delete_option(&mut tx, certs, ce).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        vals(&db, &[a, b]).await,
        [(a, certs, ul.to_string()), (b, other, ce.to_string())]
    );
    let mut tx = read(&db).await;
    let left: Vec<i64> = fields::options(&mut tx)
        .await
        .unwrap()
        .into_iter()
        .map(|o| o.id)
        .collect();
    assert_eq!(left, [ul]);
}

pub async fn deleting_a_field_removes_its_options_and_values(db: Db) {
    let a = customer(&db, rec("A")).await;
    let buyer = add(&db, &def("buyer_type", "single_select", 0)).await;
    let mut tx = write(&db).await;
    let o = fields::insert_option(&mut tx, buyer, "Distributor", 0)
        .await
        .unwrap();
    fields::set_values(&mut tx, a, buyer, &[o.to_string()])
        .await
        .unwrap();
    fields::delete(&mut tx, buyer).await.unwrap();
    assert!(matches!(
        fields::delete(&mut tx, buyer).await,
        Err(StoreError::NotFound)
    ));
    tx.commit().await.unwrap();
    let mut tx = read(&db).await;
    assert!(fields::options(&mut tx).await.unwrap().is_empty());
    assert!(fields::list(&mut tx).await.unwrap().is_empty());
    assert!(matches!(
        fields::get(&mut tx, buyer).await,
        Err(StoreError::NotFound)
    ));
    drop(tx);
    assert!(vals(&db, &[a]).await.is_empty());
}
