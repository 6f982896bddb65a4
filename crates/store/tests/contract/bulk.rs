//! Bulk inserts: many rows per statement, ids in input order across chunk boundaries.

use super::support::{DAY, T0, activity, customer, read, rec, user, write};
use leadledger_store::bulk::{self, NewContact, NewCustomer};
use leadledger_store::contacts::{self, ContactRecord};
use leadledger_store::customers::{self, CustomerRecord};
use leadledger_store::{Db, activities, fields, tags};

pub async fn bulk_customers_get_their_ids_in_input_order_across_chunks(db: Db) {
    let tom = user(&db, "tom", "sales").await;
    let rows: Vec<NewCustomer> = (0..130)
        .map(|i| NewCustomer {
            record: CustomerRecord {
                owner_id: (i % 3 == 0).then_some(tom),
                requirement_clear: (i % 2 == 0).then_some(i % 4 == 0),
                notes: (i % 5 == 0).then(|| format!("note {i}")),
                ..rec(&format!("Bulk Buyer {i:03}"))
            },
            created_at: T0 + i,
            updated_at: T0 + DAY + i,
        })
        .collect();
    let mut tx = write(&db).await;
    let ids = bulk::customers(&mut tx, &rows).await.unwrap();
    assert!(bulk::customers(&mut tx, &[]).await.unwrap().is_empty());
    tx.commit().await.unwrap();
    assert_eq!(ids.len(), 130);
    let mut tx = read(&db).await;
    for (i, (id, row)) in ids.iter().zip(&rows).enumerate() {
        let c = customers::get(&mut tx, *id).await.unwrap();
        assert_eq!(c.name, row.record.name, "row {i}");
        assert_eq!(
            (c.owner_id, c.requirement_clear, c.notes.as_deref()),
            (
                row.record.owner_id,
                row.record.requirement_clear,
                row.record.notes.as_deref()
            )
        );
        assert_eq!(
            (c.created_at, c.updated_at),
            (row.created_at, row.updated_at)
        );
    }
    assert_eq!(customers::count(&mut tx).await.unwrap(), 130);
}

pub async fn bulk_contacts_get_their_channels_and_ids_in_input_order(db: Db) {
    let a = customer(&db, rec("A")).await;
    let b = customer(&db, rec("B")).await;
    let rows: Vec<NewContact> = (0..450)
        .map(|i| NewContact {
            customer_id: if i % 2 == 0 { a } else { b },
            record: ContactRecord {
                name: format!("Contact {i}"),
                title: (i % 3 == 0).then(|| "Buyer".to_string()),
                notes: None,
                channels: (0..i % 4)
                    .map(|k| ("email".to_string(), format!("c{i}.{k}@example.com")))
                    .collect(),
            },
            created_at: T0 + i,
        })
        .collect();
    let mut tx = write(&db).await;
    let ids = bulk::contacts(&mut tx, &rows).await.unwrap();
    tx.commit().await.unwrap();
    let mut tx = read(&db).await;
    for (id, row) in ids.iter().zip(&rows) {
        let c = contacts::get(&mut tx, *id).await.unwrap();
        assert_eq!(
            (c.customer_id, &c.name, &c.title, c.created_at),
            (
                row.customer_id,
                &row.record.name,
                &row.record.title,
                row.created_at
            )
        );
        let chans: Vec<(String, String)> = contacts::channels_of(&mut tx, *id)
            .await
            .unwrap()
            .into_iter()
            .map(|c| (c.kind, c.value))
            .collect();
        assert_eq!(chans, row.record.channels);
    }
    assert_eq!(
        contacts::list(&mut tx, Some(a), None, 1, 0)
            .await
            .unwrap()
            .1,
        225
    );
}

pub async fn bulk_activities_values_and_tags_land_on_their_customers(db: Db) {
    let lily = user(&db, "lily", "sales").await;
    let a = customer(&db, rec("A")).await;
    let b = customer(&db, rec("B")).await;
    let acts: Vec<(i64, activities::ActivityRecord)> = (0..300)
        .map(|i| {
            (
                if i < 200 { a } else { b },
                activity("call", T0 + i, Some(lily), 2, &format!("call {i}")),
            )
        })
        .collect();
    let mut tx = write(&db).await;
    let f = fields::insert(
        &mut tx,
        &fields::FieldRecord {
            key: "certs".into(),
            label_en: "Certs".into(),
            kind: "multi_select".into(),
            ..Default::default()
        },
        T0,
    )
    .await
    .unwrap();
    let (t1, t2) = (
        tags::insert(&mut tx, "VIP", "#000001", T0).await.unwrap(),
        tags::insert(&mut tx, "回款准时", "#000002", T0)
            .await
            .unwrap(),
    );
    tags::set_for_customer(&mut tx, a, &[t1]).await.unwrap();
    bulk::activities(&mut tx, &acts).await.unwrap();
    bulk::custom_values(
        &mut tx,
        &[(a, f, "1".into()), (a, f, "2".into()), (b, f, "2".into())],
    )
    .await
    .unwrap();
    bulk::customer_tags(&mut tx, &[(a, t1), (a, t2), (b, t2)])
        .await
        .unwrap();
    bulk::activities(&mut tx, &[]).await.unwrap();
    tx.commit().await.unwrap();
    let mut tx = read(&db).await;
    assert_eq!(
        activities::summary(&mut tx, a).await.unwrap(),
        (400, Some(T0 + 199))
    );
    let (rows, total) = activities::list(&mut tx, Some(b), None, None, 1, 0)
        .await
        .unwrap();
    assert_eq!(
        (
            total,
            rows[0].body.as_deref(),
            rows[0].created_at,
            rows[0].username.as_deref()
        ),
        (100, Some("call 299"), T0 + 299, Some("lily"))
    );
    let mut vals: Vec<(i64, String)> = fields::values_for_customers(&mut tx, &[a, b])
        .await
        .unwrap()
        .into_iter()
        .map(|v| (v.customer_id, v.value))
        .collect();
    vals.sort();
    assert_eq!(
        vals,
        [(a, "1".to_string()), (a, "2".into()), (b, "2".into())]
    );
    assert_eq!(
        tags::get(&mut tx, t1).await.unwrap().customers,
        1,
        "an existing pair is skipped, not an error"
    );
    assert_eq!(tags::get(&mut tx, t2).await.unwrap().customers, 2);
}
