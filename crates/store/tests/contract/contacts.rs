//! Contacts and their channels.

use super::support::{T0, contact, customer, read, rec, user, write};
use leadledger_store::contacts::{self, ContactRecord};
use leadledger_store::customers::CustomerRecord;
use leadledger_store::{Db, StoreError};

fn pairs(chans: &[contacts::ChannelRow]) -> Vec<(&str, &str)> {
    chans
        .iter()
        .map(|c| (c.kind.as_str(), c.value.as_str()))
        .collect()
}

pub async fn a_contact_keeps_its_channels_in_order(db: Db) {
    let c = customer(&db, rec("Hikari Shoji K.K.")).await;
    let mut tx = write(&db).await;
    let r = ContactRecord {
        name: "田中 健".into(),
        title: Some("Purchasing Manager".into()),
        notes: Some("prefers email in English".into()),
        channels: vec![
            ("email".into(), "tanaka@hikari-shoji.co.jp".into()),
            ("email".into(), "info@hikari-shoji.co.jp".into()),
            ("phone".into(), "+81 3 1234 5678".into()),
            ("whatsapp".into(), "+81 90 1234 5678".into()),
            ("wechat".into(), "tanaka_ken".into()),
        ],
    };
    let id = contacts::insert(&mut tx, c, &r, T0).await.unwrap();
    tx.commit().await.unwrap();
    let mut tx = read(&db).await;
    let row = contacts::get(&mut tx, id).await.unwrap();
    assert_eq!(
        (
            row.customer_id,
            row.name.as_str(),
            row.title.as_deref(),
            row.created_at
        ),
        (c, "田中 健", Some("Purchasing Manager"), T0)
    );
    assert_eq!(row.notes.as_deref(), Some("prefers email in English"));
    let chans = contacts::channels_of(&mut tx, id).await.unwrap();
    assert_eq!(
        pairs(&chans),
        [
            ("email", "tanaka@hikari-shoji.co.jp"),
            ("email", "info@hikari-shoji.co.jp"),
            ("phone", "+81 3 1234 5678"),
            ("whatsapp", "+81 90 1234 5678"),
            ("wechat", "tanaka_ken")
        ]
    );
}

pub async fn updating_a_contact_replaces_its_channels(db: Db) {
    let c = customer(&db, rec("Buyer")).await;
    let id = contact(
        &db,
        c,
        "Ann",
        &[("email", "ann@old.com"), ("phone", "+1 555 0100")],
    )
    .await;
    let mut tx = write(&db).await;
    let r = ContactRecord {
        name: "Ann Lee".into(),
        title: Some("CEO".into()),
        channels: vec![("wechat".into(), "annlee".into())],
        ..Default::default()
    };
    contacts::update(&mut tx, id, &r).await.unwrap();
    assert!(matches!(
        contacts::update(&mut tx, 9999, &r).await,
        Err(StoreError::NotFound)
    ));
    tx.commit().await.unwrap();
    let mut tx = read(&db).await;
    assert_eq!(
        contacts::get(&mut tx, id).await.unwrap().title.as_deref(),
        Some("CEO")
    );
    assert_eq!(
        pairs(&contacts::channels_of(&mut tx, id).await.unwrap()),
        [("wechat", "annlee")]
    );
}

pub async fn contacts_of_several_customers_come_with_their_channels(db: Db) {
    let a = customer(&db, rec("A")).await;
    let b = customer(&db, rec("B")).await;
    let other = customer(&db, rec("C")).await;
    let a1 = contact(&db, a, "A1", &[("email", "a1@a.com")]).await;
    let b1 = contact(
        &db,
        b,
        "B1",
        &[("phone", "+49 30 123456"), ("email", "b1@b.de")],
    )
    .await;
    contact(&db, other, "C1", &[("email", "c1@c.com")]).await;
    let mut tx = read(&db).await;
    let (cs, chans) = contacts::for_customers(&mut tx, &[a, b]).await.unwrap();
    assert_eq!(
        cs.iter().map(|c| (c.id, c.customer_id)).collect::<Vec<_>>(),
        [(a1, a), (b1, b)]
    );
    assert_eq!(
        chans
            .iter()
            .map(|c| (c.contact_id, c.value.as_str()))
            .collect::<Vec<_>>(),
        [(a1, "a1@a.com"), (b1, "+49 30 123456"), (b1, "b1@b.de")]
    );
    let (none, no_chans) = contacts::for_customers(&mut tx, &[]).await.unwrap();
    assert!(none.is_empty() && no_chans.is_empty());
}

pub async fn deleting_a_contact_removes_its_channels(db: Db) {
    let c = customer(&db, rec("Buyer")).await;
    let id = contact(&db, c, "Ann", &[("email", "ann@x.com")]).await;
    let mut tx = write(&db).await;
    contacts::delete(&mut tx, id).await.unwrap();
    assert!(matches!(
        contacts::delete(&mut tx, id).await,
        Err(StoreError::NotFound)
    ));
    tx.commit().await.unwrap();
    let mut tx = read(&db).await;
    assert!(contacts::channels_of(&mut tx, id).await.unwrap().is_empty());
    assert!(matches!(
        contacts::get(&mut tx, id).await,
        Err(StoreError::NotFound)
    ));
}

pub async fn the_contact_list_filters_by_customer_and_visibility_and_pages(db: Db) {
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
            ..rec("Tom's")
        },
    )
    .await;
    let pool = customer(&db, rec("Pool")).await;
    for (c, n) in [(mine, "m1"), (mine, "m2"), (toms, "t1"), (pool, "p1")] {
        contact(&db, c, n, &[]).await;
    }
    let list = |customer_id, visible_to, limit, offset| {
        let db = db.clone();
        async move {
            let mut tx = read(&db).await;
            let (rows, total) = contacts::list(&mut tx, customer_id, visible_to, limit, offset)
                .await
                .unwrap();
            (rows.into_iter().map(|r| r.name).collect::<Vec<_>>(), total)
        }
    };
    assert_eq!(
        list(None, None, 10, 0).await,
        (
            vec!["m1".to_string(), "m2".into(), "t1".into(), "p1".into()],
            4
        )
    );
    assert_eq!(
        list(Some(mine), None, 10, 0).await,
        (vec!["m1".to_string(), "m2".into()], 2)
    );
    assert_eq!(
        list(None, Some(lily), 10, 0).await,
        (vec!["m1".to_string(), "m2".into(), "p1".into()], 3)
    );
    assert_eq!(list(Some(toms), Some(lily), 10, 0).await, (vec![], 0));
    assert_eq!(
        list(None, Some(lily), 2, 2).await,
        (vec!["p1".to_string()], 3)
    );
}
