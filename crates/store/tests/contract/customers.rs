//! Customers: the row itself, ownership, deletion, duplicate candidates and merging.

use super::support::{
    DAY, T0, activity, add_activity, contact, customer, read, rec, strs, user, write,
};
use leadledger_store::customers::{self, CustomerRecord, DuplicateKeys};
use leadledger_store::{Db, StoreError, activities, contacts, fields, tags};

fn full(name: &str, owner: Option<i64>) -> CustomerRecord {
    CustomerRecord {
        country: "BR".into(),
        website: Some("https://www.luzdosul.com.br".into()),
        website_host: Some("luzdosul.com.br".into()),
        email_domain: Some("luzdosul.com.br".into()),
        source: "trade_show".into(),
        source_detail: Some("Canton Fair 2025 Phase 1".into()),
        owner_id: owner,
        status: "prospect".into(),
        completeness: Some("high".into()),
        requirement_clear: Some(true),
        stage: Some("sample".into()),
        notes: Some("想要 100W 泛光灯, IP65".into()),
        ..rec(name)
    }
}

pub async fn a_customer_reads_back_exactly_as_inserted(db: Db) {
    let lily = user(&db, "lily", "sales").await;
    let id = customer(&db, full("Luz do Sul Importadora Ltda", Some(lily))).await;
    let mut tx = read(&db).await;
    let c = customers::get(&mut tx, id).await.unwrap();
    assert_eq!(c.name, "Luz do Sul Importadora Ltda");
    assert_eq!(
        (c.country.as_str(), c.source.as_str(), c.status.as_str()),
        ("BR", "trade_show", "prospect")
    );
    assert_eq!(c.website.as_deref(), Some("https://www.luzdosul.com.br"));
    assert_eq!(
        (c.website_host.as_deref(), c.email_domain.as_deref()),
        (Some("luzdosul.com.br"), Some("luzdosul.com.br"))
    );
    assert_eq!(c.source_detail.as_deref(), Some("Canton Fair 2025 Phase 1"));
    assert_eq!(
        (c.owner_id, c.owner_username.as_deref()),
        (Some(lily), Some("lily"))
    );
    assert_eq!(
        (
            c.completeness.as_deref(),
            c.requirement_clear,
            c.stage.as_deref()
        ),
        (Some("high"), Some(true), Some("sample"))
    );
    assert_eq!(c.notes.as_deref(), Some("想要 100W 泛光灯, IP65"));
    assert_eq!((c.created_at, c.updated_at), (T0, T0));
    assert_eq!(customers::count(&mut tx).await.unwrap(), 1);
}

pub async fn updating_a_customer_changes_every_column_and_the_update_time(db: Db) {
    let tom = user(&db, "tom", "sales").await;
    let id = customer(&db, rec("Old Name GmbH")).await;
    let mut tx = write(&db).await;
    customers::update(&mut tx, id, &full("New Name Ltda", Some(tom)), T0 + DAY)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut tx = read(&db).await;
    let c = customers::get(&mut tx, id).await.unwrap();
    assert_eq!(
        (
            c.name.as_str(),
            c.country.as_str(),
            c.owner_id,
            c.requirement_clear
        ),
        ("New Name Ltda", "BR", Some(tom), Some(true))
    );
    assert_eq!((c.created_at, c.updated_at), (T0, T0 + DAY));
    drop(tx);
    let mut tx = write(&db).await;
    customers::update(&mut tx, id, &rec("New Name Ltda"), T0 + 2 * DAY)
        .await
        .unwrap();
    customers::touch(&mut tx, id, T0 + 3 * DAY).await.unwrap();
    tx.commit().await.unwrap();
    let mut tx = read(&db).await;
    let c = customers::get(&mut tx, id).await.unwrap();
    assert_eq!(
        (c.website, c.owner_id, c.requirement_clear, c.notes),
        (None, None, None, None),
        "NULLs are written too"
    );
    assert_eq!(c.updated_at, T0 + 3 * DAY);
}

pub async fn a_missing_customer_is_not_found_on_get_update_delete_and_owner_of(db: Db) {
    let mut tx = write(&db).await;
    assert!(matches!(
        customers::get(&mut tx, 42).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        customers::update(&mut tx, 42, &rec("X"), T0).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        customers::delete(&mut tx, 42).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        customers::owner_of(&mut tx, 42).await,
        Err(StoreError::NotFound)
    ));
}

pub async fn owner_of_and_set_owner_move_a_customer_in_and_out_of_the_pool(db: Db) {
    let tom = user(&db, "tom", "sales").await;
    let id = customer(&db, rec("Pool Buyer")).await;
    let mut tx = write(&db).await;
    assert_eq!(customers::owner_of(&mut tx, id).await.unwrap(), None);
    customers::set_owner(&mut tx, id, Some(tom), T0 + 5)
        .await
        .unwrap();
    assert_eq!(customers::owner_of(&mut tx, id).await.unwrap(), Some(tom));
    customers::set_owner(&mut tx, id, None, T0 + 6)
        .await
        .unwrap();
    assert_eq!(customers::owner_of(&mut tx, id).await.unwrap(), None);
    assert_eq!(
        customers::get(&mut tx, id).await.unwrap().updated_at,
        T0 + 6
    );
}

pub async fn deleting_a_customer_removes_its_contacts_tags_values_and_activities(db: Db) {
    let id = customer(&db, rec("Doomed Ltd")).await;
    let keep = customer(&db, rec("Kept Ltd")).await;
    let cid = contact(&db, id, "Ann", &[("email", "ann@doomed.com")]).await;
    add_activity(&db, id, activity("call", T0, None, 5, "hello")).await;
    let mut tx = write(&db).await;
    let tag = tags::insert(&mut tx, "VIP", "#ff0000", T0).await.unwrap();
    tags::set_for_customer(&mut tx, id, &[tag]).await.unwrap();
    tags::set_for_customer(&mut tx, keep, &[tag]).await.unwrap();
    let f = fields::insert(
        &mut tx,
        &fields::FieldRecord {
            key: "note".into(),
            label_en: "Note".into(),
            kind: "text".into(),
            ..Default::default()
        },
        T0,
    )
    .await
    .unwrap();
    fields::set_values(&mut tx, id, f, &strs(&["x"]))
        .await
        .unwrap();
    customers::delete(&mut tx, id).await.unwrap();
    tx.commit().await.unwrap();
    let mut tx = read(&db).await;
    assert!(matches!(
        contacts::get(&mut tx, cid).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(tags::get(&mut tx, tag).await.unwrap().customers, 1);
    assert_eq!(fields::count_values(&mut tx, f).await.unwrap(), 0);
    assert_eq!(
        activities::list(&mut tx, None, None, None, 10, 0)
            .await
            .unwrap()
            .1,
        0
    );
    assert_eq!(customers::count(&mut tx).await.unwrap(), 1);
}

async fn dups(db: &Db, keys: DuplicateKeys, exclude: Option<i64>) -> Vec<(i64, String)> {
    let mut tx = read(db).await;
    let mut v: Vec<(i64, String)> = customers::find_duplicates(&mut tx, &keys, exclude)
        .await
        .unwrap()
        .into_iter()
        .map(|d| (d.id, d.reason))
        .collect();
    v.sort();
    v
}

pub async fn duplicates_are_found_by_name_key_by_domain_and_by_contact_email(db: Db) {
    let tom = user(&db, "tom", "sales").await;
    let by_name = customer(
        &db,
        CustomerRecord {
            owner_id: Some(tom),
            ..rec("ACME Lighting GmbH")
        },
    )
    .await;
    let by_site = customer(
        &db,
        CustomerRecord {
            website_host: Some("brightco.de".into()),
            ..rec("Bright Co")
        },
    )
    .await;
    let by_mail_domain = customer(
        &db,
        CustomerRecord {
            email_domain: Some("lumen.pl".into()),
            ..rec("Lumen Sp. z o.o.")
        },
    )
    .await;
    let by_contact = customer(&db, rec("Delta Trading")).await;
    contact(
        &db,
        by_contact,
        "Raj",
        &[
            ("email", "raj@deltaimpex.in"),
            ("phone", "+91 22 1234 5678"),
        ],
    )
    .await;
    customer(&db, rec("Unrelated Ltd")).await;

    let keys = DuplicateKeys {
        match_key: "acmelighting".into(),
        domains: strs(&["brightco.de", "lumen.pl"]),
        emails: strs(&["raj@deltaimpex.in"]),
    };
    let found = dups(&db, keys, None).await;
    assert_eq!(
        found,
        vec![
            (by_name, "name".into()),
            (by_site, "domain".into()),
            (by_mail_domain, "domain".into()),
            (by_contact, "email".into())
        ]
    );
    let mut tx = read(&db).await;
    let rows = customers::find_duplicates(
        &mut tx,
        &DuplicateKeys {
            match_key: "acmelighting".into(),
            ..Default::default()
        },
        None,
    )
    .await
    .unwrap();
    assert_eq!(
        (
            rows[0].name.as_str(),
            rows[0].country.as_str(),
            rows[0].owner_username.as_deref()
        ),
        ("ACME Lighting GmbH", "DE", Some("tom"))
    );
    assert!(
        customers::find_duplicates(&mut tx, &DuplicateKeys::default(), None)
            .await
            .unwrap()
            .is_empty(),
        "no keys, no candidates"
    );
    let phone_is_not_an_email = DuplicateKeys {
        emails: strs(&["+91 22 1234 5678"]),
        ..Default::default()
    };
    assert!(
        customers::find_duplicates(&mut tx, &phone_is_not_an_email, None)
            .await
            .unwrap()
            .is_empty()
    );
}

pub async fn duplicate_search_excludes_the_customer_being_edited(db: Db) {
    let a = customer(
        &db,
        CustomerRecord {
            website_host: Some("acme.de".into()),
            ..rec("ACME GmbH")
        },
    )
    .await;
    let b = customer(&db, rec("Acme")).await;
    let keys = DuplicateKeys {
        match_key: "acme".into(),
        domains: strs(&["acme.de"]),
        emails: vec![],
    };
    assert_eq!(
        dups(&db, keys.clone(), None).await,
        vec![(a, "domain".into()), (a, "name".into()), (b, "name".into())]
    );
    assert_eq!(dups(&db, keys, Some(a)).await, vec![(b, "name".into())]);
}

pub async fn merging_moves_contacts_activities_tags_and_custom_values(db: Db) {
    let into = customer(&db, rec("Keep GmbH")).await;
    let from = customer(&db, rec("Keep Gmbh.")).await;
    contact(&db, into, "Hans", &[]).await;
    let moved = contact(&db, from, "Jana", &[("email", "jana@keep.de")]).await;
    add_activity(&db, into, activity("call", T0, None, 10, "a")).await;
    add_activity(
        &db,
        from,
        activity("email_received", T0 + DAY, None, 5, "b"),
    )
    .await;
    let mut tx = write(&db).await;
    let (vip, sample) = (
        tags::insert(&mut tx, "VIP", "#111111", T0).await.unwrap(),
        tags::insert(&mut tx, "样品已寄", "#222222", T0)
            .await
            .unwrap(),
    );
    tags::set_for_customer(&mut tx, into, &[vip]).await.unwrap();
    tags::set_for_customer(&mut tx, from, &[vip, sample])
        .await
        .unwrap();
    let fr = |key: &str| fields::FieldRecord {
        key: key.into(),
        label_en: key.into(),
        kind: "text".into(),
        ..Default::default()
    };
    let (f1, f2) = (
        fields::insert(&mut tx, &fr("product"), T0).await.unwrap(),
        fields::insert(&mut tx, &fr("port"), T0).await.unwrap(),
    );
    fields::set_values(&mut tx, into, f1, &strs(&["LED panel"]))
        .await
        .unwrap();
    fields::set_values(&mut tx, from, f1, &strs(&["flood light"]))
        .await
        .unwrap();
    fields::set_values(&mut tx, from, f2, &strs(&["Hamburg"]))
        .await
        .unwrap();
    customers::merge(&mut tx, into, from, T0 + 9).await.unwrap();
    tx.commit().await.unwrap();

    let mut tx = read(&db).await;
    assert!(matches!(
        customers::get(&mut tx, from).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(
        customers::get(&mut tx, into).await.unwrap().updated_at,
        T0 + 9
    );
    let (cs, chans) = contacts::for_customers(&mut tx, &[into]).await.unwrap();
    assert_eq!(
        cs.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
        ["Hans", "Jana"]
    );
    assert_eq!(
        chans
            .iter()
            .map(|c| (c.contact_id, c.value.as_str()))
            .collect::<Vec<_>>(),
        [(moved, "jana@keep.de")]
    );
    let (acts, total) = activities::list(&mut tx, Some(into), None, None, 10, 0)
        .await
        .unwrap();
    assert_eq!((total, acts[0].body.as_deref()), (2, Some("b")));
    let tag_names: Vec<String> = tags::for_customers(&mut tx, &[into])
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(tag_names, ["VIP", "样品已寄"]);
    let vals: Vec<(i64, String)> = fields::values_for_customers(&mut tx, &[into])
        .await
        .unwrap()
        .into_iter()
        .map(|v| (v.field_id, v.value))
        .collect();
    assert_eq!(
        vals,
        [(f1, "LED panel".to_string()), (f2, "Hamburg".to_string())],
        "the kept customer's value wins per field"
    );
}

pub async fn merging_fills_only_the_empty_columns_of_the_kept_customer(db: Db) {
    let into = customer(
        &db,
        CustomerRecord {
            notes: Some("kept note".into()),
            ..rec("Sol Energia S.A.")
        },
    )
    .await;
    let from = customer(
        &db,
        CustomerRecord {
            website: Some("https://solenergia.cl".into()),
            website_host: Some("solenergia.cl".into()),
            email_domain: Some("solenergia.cl".into()),
            completeness: Some("medium".into()),
            requirement_clear: Some(false),
            stage: Some("proofing".into()),
            notes: Some("lost note".into()),
            ..rec("Sol Energia")
        },
    )
    .await;
    let mut tx = write(&db).await;
    customers::merge(&mut tx, into, from, T0 + 1).await.unwrap();
    tx.commit().await.unwrap();
    let mut tx = read(&db).await;
    let c = customers::get(&mut tx, into).await.unwrap();
    assert_eq!(c.website.as_deref(), Some("https://solenergia.cl"));
    assert_eq!(
        (c.website_host.as_deref(), c.email_domain.as_deref()),
        (Some("solenergia.cl"), Some("solenergia.cl"))
    );
    assert_eq!(
        (
            c.completeness.as_deref(),
            c.requirement_clear,
            c.stage.as_deref()
        ),
        (Some("medium"), Some(false), Some("proofing"))
    );
    assert_eq!(
        (c.name.as_str(), c.notes.as_deref()),
        ("Sol Energia S.A.", Some("kept note"))
    );
}
