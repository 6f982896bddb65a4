//! Customer list filters on custom field values: equals, contains, number and date ranges.

use super::customer_list::{ALL, world};
use super::support::{T0, names, strs, write};
use leadledger_store::Db;
use leadledger_store::customers::{CustomFilter, CustomerFilter};
use leadledger_store::fields::{self, FieldRecord};

async fn field(db: &Db, key: &str, kind: &str) -> i64 {
    let mut tx = write(db).await;
    let id = fields::insert(
        &mut tx,
        &FieldRecord {
            key: key.into(),
            label_en: key.into(),
            kind: kind.into(),
            ..Default::default()
        },
        T0,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id
}

async fn values(db: &Db, field_id: i64, per_customer: &[(i64, &[&str])]) {
    let mut tx = write(db).await;
    for (cid, vals) in per_customer {
        fields::set_values(&mut tx, *cid, field_id, &strs(vals))
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
}

fn custom(filters: Vec<CustomFilter>) -> CustomerFilter {
    CustomerFilter {
        custom: filters,
        ..Default::default()
    }
}

pub async fn a_custom_equals_filter_matches_the_stored_value(db: Db) {
    let [aurora, bolt, casa, desert] = world(&db).await.ids;
    let certs = field(&db, "certifications_required", "multi_select").await;
    let mut tx = write(&db).await;
    let ce = fields::insert_option(&mut tx, certs, "CE", 0)
        .await
        .unwrap()
        .to_string();
    let rohs = fields::insert_option(&mut tx, certs, "RoHS", 1)
        .await
        .unwrap()
        .to_string();
    let ul = fields::insert_option(&mut tx, certs, "UL", 2)
        .await
        .unwrap()
        .to_string();
    tx.commit().await.unwrap();
    values(
        &db,
        certs,
        &[(aurora, &[&ce, &rohs]), (bolt, &[&ul]), (casa, &[&ce])],
    )
    .await;
    let license = field(&db, "has_import_license", "yes_no").await;
    values(
        &db,
        license,
        &[(aurora, &["true"]), (bolt, &["false"]), (desert, &["true"])],
    )
    .await;

    let eq = |field_id, v: &str| CustomFilter::Equals {
        field_id,
        value: v.into(),
    };
    assert_eq!(
        names(&db, &custom(vec![eq(certs, &ce)])).await,
        ["Aurora Lighting GmbH", "Casa Luz Ltda"]
    );
    assert_eq!(
        names(&db, &custom(vec![eq(certs, &ce), eq(certs, &rohs)])).await,
        ["Aurora Lighting GmbH"],
        "both options"
    );
    assert_eq!(
        names(&db, &custom(vec![eq(license, "true")])).await,
        ["Aurora Lighting GmbH", "Desert Trading FZE"]
    );
    assert_eq!(
        names(&db, &custom(vec![eq(license, "false")])).await,
        ["Bolt Hardware LLC"]
    );
    assert!(
        names(&db, &custom(vec![eq(license, &ce)])).await.is_empty(),
        "a value of another field does not count"
    );
}

pub async fn a_custom_contains_filter_is_case_insensitive_and_escapes_wildcards(db: Db) {
    let [aurora, bolt, casa, desert] = world(&db).await.ids;
    let product = field(&db, "main_product", "text").await;
    let other = field(&db, "remarks", "text").await;
    values(
        &db,
        product,
        &[
            (aurora, &["LED Flood Light 100W"]),
            (bolt, &["Door hinges"]),
            (casa, &["flood_lights 50%"]),
        ],
    )
    .await;
    values(&db, other, &[(desert, &["flood lights too"])]).await;
    let contains = |t: &str| {
        custom(vec![CustomFilter::Contains {
            field_id: product,
            text: t.into(),
        }])
    };
    assert_eq!(
        names(&db, &contains("FLOOD")).await,
        ["Aurora Lighting GmbH", "Casa Luz Ltda"]
    );
    assert_eq!(names(&db, &contains("50%")).await, ["Casa Luz Ltda"]);
    assert_eq!(names(&db, &contains("d_l")).await, ["Casa Luz Ltda"]);
    assert_eq!(names(&db, &contains("%")).await, ["Casa Luz Ltda"]);
    assert!(
        names(&db, &contains("too")).await.is_empty(),
        "another field's text does not count"
    );
}

pub async fn a_number_range_compares_numbers_not_text(db: Db) {
    let [aurora, bolt, casa, desert] = world(&db).await.ids;
    let volume = field(&db, "annual_volume", "number").await;
    let product = field(&db, "main_product", "text").await;
    values(
        &db,
        volume,
        &[
            (aurora, &["950"]),
            (bolt, &["12000"]),
            (casa, &["100000.5"]),
            (desert, &["-20"]),
        ],
    )
    .await;
    // Text values of another field must not trip the numeric comparison on any backend.
    values(
        &db,
        product,
        &[
            (aurora, &["LED panels"]),
            (bolt, &["hinges"]),
            (casa, &["n/a"]),
            (desert, &["—"]),
        ],
    )
    .await;
    let range = |min: Option<&str>, max: Option<&str>| {
        custom(vec![CustomFilter::NumberRange {
            field_id: volume,
            min: min.map(Into::into),
            max: max.map(Into::into),
        }])
    };
    assert_eq!(
        names(&db, &range(Some("1000"), None)).await,
        ["Bolt Hardware LLC", "Casa Luz Ltda"]
    );
    assert_eq!(
        names(&db, &range(Some("950"), Some("12000"))).await,
        ["Aurora Lighting GmbH", "Bolt Hardware LLC"],
        "bounds included"
    );
    assert_eq!(
        names(&db, &range(None, Some("0"))).await,
        ["Desert Trading FZE"]
    );
    assert_eq!(
        names(&db, &range(Some("100000.25"), None)).await,
        ["Casa Luz Ltda"]
    );
    assert_eq!(
        names(&db, &range(None, None)).await,
        ALL,
        "no bounds: every customer with a value"
    );
}

pub async fn a_date_range_includes_both_ends(db: Db) {
    let [aurora, bolt, casa, _] = world(&db).await.ids;
    let first_order = field(&db, "first_order_date", "date").await;
    values(
        &db,
        first_order,
        &[
            (aurora, &["2025-03-01"]),
            (bolt, &["2025-06-30"]),
            (casa, &["2026-01-15"]),
        ],
    )
    .await;
    let range = |from: Option<&str>, to: Option<&str>| {
        custom(vec![CustomFilter::DateRange {
            field_id: first_order,
            from: from.map(Into::into),
            to: to.map(Into::into),
        }])
    };
    assert_eq!(
        names(&db, &range(Some("2025-03-01"), Some("2025-06-30"))).await,
        ["Aurora Lighting GmbH", "Bolt Hardware LLC"]
    );
    assert_eq!(
        names(&db, &range(Some("2025-07-01"), None)).await,
        ["Casa Luz Ltda"]
    );
    assert!(
        names(&db, &range(None, Some("2025-02-28")))
            .await
            .is_empty()
    );
    assert_eq!(names(&db, &range(None, None)).await.len(), 3);
}
