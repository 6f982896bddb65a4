//! The filtered, sorted and paged customer list: every filter kind, every sort key.

use super::support::{T0, customer, customer_at, names, page, rec, sorted, strs, user, write};
use leadledger_store::customers::{self, CustomerFilter, CustomerRecord, OwnerFilter, SortKey};
use leadledger_store::{Db, tags};

pub struct World {
    pub lily: i64,
    pub tom: i64,
    /// Aurora, Bolt, Casa, Desert in that order.
    pub ids: [i64; 4],
}

/// Four buyers that differ in every filterable column, created and updated in an order that
/// differs from their names' order.
pub async fn world(db: &Db) -> World {
    let lily = user(db, "lily", "sales").await;
    let tom = user(db, "tom", "sales").await;
    let aurora = CustomerRecord {
        website_host: Some("aurora-licht.de".into()),
        email_domain: Some("aurora-licht.de".into()),
        owner_id: Some(lily),
        completeness: Some("high".into()),
        stage: Some("sample".into()),
        ..rec("Aurora Lighting GmbH")
    };
    let bolt = CustomerRecord {
        country: "US".into(),
        website_host: Some("bolthardware.com".into()),
        source: "trade_show".into(),
        source_detail: Some("National Hardware Show 2026".into()),
        owner_id: Some(tom),
        status: "customer".into(),
        completeness: Some("medium".into()),
        stage: Some("mass_production".into()),
        ..rec("Bolt Hardware LLC")
    };
    let casa = CustomerRecord {
        country: "BR".into(),
        email_domain: Some("casaluz.com.br".into()),
        source: "linkedin".into(),
        status: "prospect".into(),
        completeness: Some("low".into()),
        stage: Some("inquiry".into()),
        ..rec("Casa Luz Ltda")
    };
    let desert = CustomerRecord {
        country: "AE".into(),
        source: "whatsapp".into(),
        owner_id: Some(tom),
        status: "lost".into(),
        ..rec("Desert Trading FZE")
    };
    let mut ids = [0; 4];
    for (i, (r, created)) in [(aurora, 3), (bolt, 1), (casa, 4), (desert, 2)]
        .into_iter()
        .enumerate()
    {
        ids[i] = customer_at(db, r, T0 + created).await;
    }
    let mut tx = write(db).await;
    for (id, updated) in ids.iter().zip([40, 10, 20, 30]) {
        customers::touch(&mut tx, *id, T0 + updated).await.unwrap();
    }
    tx.commit().await.unwrap();
    World { lily, tom, ids }
}

pub const ALL: [&str; 4] = [
    "Aurora Lighting GmbH",
    "Bolt Hardware LLC",
    "Casa Luz Ltda",
    "Desert Trading FZE",
];

fn q(text: &str) -> CustomerFilter {
    CustomerFilter {
        q: Some(text.into()),
        ..Default::default()
    }
}

pub async fn an_empty_filter_lists_every_customer_by_name(db: Db) {
    world(&db).await;
    assert_eq!(names(&db, &CustomerFilter::default()).await, ALL);
    let (rows, _) = customers::list(
        &mut db.read().await.unwrap(),
        &CustomerFilter::default(),
        10,
        0,
    )
    .await
    .unwrap();
    assert_eq!(
        rows[0].owner_username.as_deref(),
        Some("lily"),
        "rows carry the owner's name"
    );
}

pub async fn a_text_search_matches_name_website_and_email_domain_case_insensitively(db: Db) {
    world(&db).await;
    assert_eq!(names(&db, &q("AURORA")).await, ["Aurora Lighting GmbH"]);
    assert_eq!(names(&db, &q("luz ltda")).await, ["Casa Luz Ltda"]);
    assert_eq!(
        names(&db, &q("bolthardware.")).await,
        ["Bolt Hardware LLC"],
        "website host"
    );
    assert_eq!(
        names(&db, &q("CASALUZ.COM")).await,
        ["Casa Luz Ltda"],
        "email domain"
    );
    assert_eq!(
        names(&db, &q("   ")).await,
        ALL,
        "a blank search is no search"
    );
    assert!(names(&db, &q("zebra")).await.is_empty());
}

pub async fn percent_and_underscore_in_a_search_are_literal_characters(db: Db) {
    for n in [
        "100% Cotton Ltd",
        "100 Cotton Ltd",
        "1000 Cotton Mills",
        "A_B Solar Pty Ltd",
        "AxB Solar Pty Ltd",
        "Back\\Slash Co",
        "Backslash Co",
    ] {
        customer(&db, rec(n)).await;
    }
    assert_eq!(names(&db, &q("100%")).await, ["100% Cotton Ltd"]);
    assert_eq!(names(&db, &q("a_b")).await, ["A_B Solar Pty Ltd"]);
    assert_eq!(names(&db, &q("k\\s")).await, ["Back\\Slash Co"]);
    assert_eq!(names(&db, &q("%")).await, ["100% Cotton Ltd"]);
    assert_eq!(names(&db, &q("_")).await, ["A_B Solar Pty Ltd"]);
}

pub async fn several_countries_match_any_of_them(db: Db) {
    world(&db).await;
    let f = |cs: &[&str]| CustomerFilter {
        countries: strs(cs),
        ..Default::default()
    };
    assert_eq!(
        names(&db, &f(&["DE", "BR"])).await,
        ["Aurora Lighting GmbH", "Casa Luz Ltda"]
    );
    assert_eq!(names(&db, &f(&["AE"])).await, ["Desert Trading FZE"]);
    assert!(names(&db, &f(&["JP"])).await.is_empty());
}

pub async fn status_source_completeness_and_stage_filter_exactly(db: Db) {
    world(&db).await;
    let some = |s: &str| Some(s.to_string());
    let cases = [
        (
            CustomerFilter {
                status: some("lead"),
                ..Default::default()
            },
            vec!["Aurora Lighting GmbH"],
        ),
        (
            CustomerFilter {
                status: some("lost"),
                ..Default::default()
            },
            vec!["Desert Trading FZE"],
        ),
        (
            CustomerFilter {
                source: some("trade_show"),
                ..Default::default()
            },
            vec!["Bolt Hardware LLC"],
        ),
        (
            CustomerFilter {
                source: some("alibaba"),
                ..Default::default()
            },
            vec!["Aurora Lighting GmbH"],
        ),
        (
            CustomerFilter {
                completeness: some("low"),
                ..Default::default()
            },
            vec!["Casa Luz Ltda"],
        ),
        (
            CustomerFilter {
                stage: some("mass_production"),
                ..Default::default()
            },
            vec!["Bolt Hardware LLC"],
        ),
        (
            CustomerFilter {
                stage: some("proofing"),
                ..Default::default()
            },
            vec![],
        ),
    ];
    for (f, want) in cases {
        assert_eq!(names(&db, &f).await, want, "{f:?}");
    }
}

pub async fn the_owner_filter_picks_anyone_the_pool_or_one_user(db: Db) {
    let w = world(&db).await;
    let f = |owner| CustomerFilter {
        owner,
        ..Default::default()
    };
    assert_eq!(names(&db, &f(OwnerFilter::Any)).await, ALL);
    assert_eq!(names(&db, &f(OwnerFilter::Pool)).await, ["Casa Luz Ltda"]);
    assert_eq!(
        names(&db, &f(OwnerFilter::User(w.tom))).await,
        ["Bolt Hardware LLC", "Desert Trading FZE"]
    );
    assert_eq!(
        names(&db, &f(OwnerFilter::User(w.lily))).await,
        ["Aurora Lighting GmbH"]
    );
}

pub async fn a_sales_scope_sees_own_and_pool_customers_only(db: Db) {
    let w = world(&db).await;
    let scope = |uid, owner| CustomerFilter {
        visible_to: Some(uid),
        owner,
        ..Default::default()
    };
    assert_eq!(
        names(&db, &scope(w.lily, OwnerFilter::Any)).await,
        ["Aurora Lighting GmbH", "Casa Luz Ltda"]
    );
    assert_eq!(
        names(&db, &scope(w.tom, OwnerFilter::Any)).await,
        ["Bolt Hardware LLC", "Casa Luz Ltda", "Desert Trading FZE"]
    );
    assert!(
        names(&db, &scope(w.lily, OwnerFilter::User(w.tom)))
            .await
            .is_empty(),
        "a filter cannot widen the scope"
    );
    assert_eq!(
        names(&db, &scope(w.lily, OwnerFilter::Pool)).await,
        ["Casa Luz Ltda"]
    );
}

pub async fn several_tags_must_all_be_present(db: Db) {
    let w = world(&db).await;
    let [aurora, bolt, casa, _] = w.ids;
    let mut tx = write(&db).await;
    let good = tags::insert(&mut tx, "回款准时", "#2f855a", T0)
        .await
        .unwrap();
    let vip = tags::insert(&mut tx, "VIP", "#d69e2e", T0).await.unwrap();
    let haggle = tags::insert(&mut tx, "长期压价", "#dd6b20", T0)
        .await
        .unwrap();
    tags::set_for_customer(&mut tx, aurora, &[good, vip])
        .await
        .unwrap();
    tags::set_for_customer(&mut tx, bolt, &[good])
        .await
        .unwrap();
    tags::set_for_customer(&mut tx, casa, &[vip, haggle])
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let f = |ids: &[i64]| CustomerFilter {
        tag_ids: ids.to_vec(),
        ..Default::default()
    };
    assert_eq!(
        names(&db, &f(&[good])).await,
        ["Aurora Lighting GmbH", "Bolt Hardware LLC"]
    );
    assert_eq!(names(&db, &f(&[good, vip])).await, ["Aurora Lighting GmbH"]);
    assert_eq!(names(&db, &f(&[vip, haggle])).await, ["Casa Luz Ltda"]);
    assert!(names(&db, &f(&[good, haggle])).await.is_empty());
}

pub async fn every_sort_key_orders_ascending_and_descending(db: Db) {
    world(&db).await;
    let cases: [(SortKey, [&str; 4]); 5] = [
        (SortKey::Name, ["Aurora", "Bolt", "Casa", "Desert"]),
        (SortKey::Country, ["Desert", "Casa", "Aurora", "Bolt"]),
        (SortKey::Status, ["Bolt", "Aurora", "Desert", "Casa"]),
        (SortKey::Created, ["Bolt", "Desert", "Aurora", "Casa"]),
        (SortKey::Updated, ["Bolt", "Casa", "Desert", "Aurora"]),
    ];
    for (sort, want) in cases {
        let first_words = |v: Vec<String>| {
            v.into_iter()
                .map(|n| n.split(' ').next().unwrap().to_string())
                .collect::<Vec<_>>()
        };
        let asc = first_words(
            names(
                &db,
                &CustomerFilter {
                    sort,
                    ..Default::default()
                },
            )
            .await,
        );
        assert_eq!(asc, want, "{sort:?} ascending");
        let desc = first_words(
            names(
                &db,
                &CustomerFilter {
                    sort,
                    desc: true,
                    ..Default::default()
                },
            )
            .await,
        );
        let mut rev = want.to_vec();
        rev.reverse();
        assert_eq!(desc, rev, "{sort:?} descending");
    }
}

pub async fn pages_split_the_list_and_the_total_counts_every_match(db: Db) {
    for i in 1..=7 {
        customer(&db, rec(&format!("Buyer {i:02}"))).await;
    }
    customer(
        &db,
        CustomerRecord {
            country: "FR".into(),
            ..rec("Acheteur SARL")
        },
    )
    .await;
    let de = CustomerFilter {
        countries: strs(&["DE"]),
        ..Default::default()
    };
    assert_eq!(
        page(&db, &de, 3, 0).await,
        (strs(&["Buyer 01", "Buyer 02", "Buyer 03"]), 7)
    );
    assert_eq!(
        page(&db, &de, 3, 3).await,
        (strs(&["Buyer 04", "Buyer 05", "Buyer 06"]), 7)
    );
    assert_eq!(page(&db, &de, 3, 6).await, (strs(&["Buyer 07"]), 7));
    assert_eq!(
        page(&db, &de, 3, 9).await,
        (vec![], 7),
        "past the end: empty page, same total"
    );
    let desc = CustomerFilter { desc: true, ..de };
    assert_eq!(
        page(&db, &desc, 2, 0).await,
        (strs(&["Buyer 07", "Buyer 06"]), 7)
    );
}

pub async fn filters_combine_with_and(db: Db) {
    let w = world(&db).await;
    let f = CustomerFilter {
        q: Some("t".into()),
        countries: strs(&["US", "AE", "BR"]),
        owner: OwnerFilter::User(w.tom),
        visible_to: Some(w.tom),
        ..Default::default()
    };
    assert_eq!(
        sorted(names(&db, &f).await),
        ["Bolt Hardware LLC", "Desert Trading FZE"]
    );
    let f = CustomerFilter {
        status: Some("lost".into()),
        ..f
    };
    assert_eq!(names(&db, &f).await, ["Desert Trading FZE"]);
}
