//! Products, price lists and exchange rates.

use super::support::{T0, read, write};
use leadledger_store::products::{self, ProductFilter, ProductRecord};
use leadledger_store::rates::{self, RateFilter};
use leadledger_store::{Db, StoreError};

fn product(sku: &str, name: &str) -> ProductRecord {
    ProductRecord {
        sku: sku.into(),
        name_en: name.into(),
        name_zh: Some("面板灯".into()),
        unit: "pcs".into(),
        purchase_cost: Some("58.5".into()),
        vat_rate: "13".into(),
        rebate_rate: "13".into(),
        pcs_per_carton: Some(4),
        carton_l_cm: Some("62".into()),
        ..Default::default()
    }
}

pub async fn a_product_and_its_prices_read_back_and_are_searched_by_sku_or_name(db: Db) {
    let mut tx = write(&db).await;
    let a = products::insert(&mut tx, &product("PNL-600", "LED panel 600x600"), T0)
        .await
        .unwrap();
    let b = products::insert(&mut tx, &product("FL-100", "Flood light 100W"), T0)
        .await
        .unwrap();
    products::set_prices(
        &mut tx,
        a,
        &[("USD".into(), "9.95".into()), ("EUR".into(), "9.1".into())],
    )
    .await
    .unwrap();
    products::set_prices(&mut tx, a, &[("USD".into(), "9.9".into())])
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut tx = read(&db).await;
    let p = products::get(&mut tx, a).await.unwrap();
    assert_eq!(
        (
            p.record.purchase_cost.as_deref(),
            p.record.pcs_per_carton,
            p.active
        ),
        (Some("58.5"), Some(4), true)
    );
    let prices = products::prices_for(&mut tx, &[a, b]).await.unwrap();
    assert_eq!(
        prices
            .iter()
            .map(|p| (p.currency.as_str(), p.unit_price.as_str()))
            .collect::<Vec<_>>(),
        vec![("USD", "9.9")]
    );
    let f = ProductFilter {
        q: Some("PANEL".into()),
        ..Default::default()
    };
    let (rows, total) = products::list(&mut tx, &f, 10, 0).await.unwrap();
    assert_eq!((rows[0].id, total), (a, 1));
    let (rows, _) = products::list(&mut tx, &ProductFilter::default(), 10, 0)
        .await
        .unwrap();
    assert_eq!(
        rows.iter()
            .map(|r| r.record.sku.as_str())
            .collect::<Vec<_>>(),
        vec!["FL-100", "PNL-600"]
    );
    assert_eq!(
        products::by_sku(&mut tx, "FL-100")
            .await
            .unwrap()
            .map(|p| p.id),
        Some(b)
    );
}

pub async fn a_second_product_with_the_same_sku_is_a_conflict_and_deleting_removes_prices(db: Db) {
    let mut tx = write(&db).await;
    let a = products::insert(&mut tx, &product("X-1", "A"), T0)
        .await
        .unwrap();
    products::set_prices(&mut tx, a, &[("USD".into(), "1".into())])
        .await
        .unwrap();
    tx.commit().await.unwrap();
    // On PostgreSQL a refused statement ends the transaction, so the clash gets its own.
    let mut tx = write(&db).await;
    assert!(matches!(
        products::insert(&mut tx, &product("X-1", "B"), T0).await,
        Err(StoreError::Conflict(_))
    ));
    drop(tx);
    let mut tx = write(&db).await;
    products::update(&mut tx, a, &product("X-2", "A2"), false, T0 + 1)
        .await
        .unwrap();
    assert!(!products::get(&mut tx, a).await.unwrap().active);
    products::delete(&mut tx, a).await.unwrap();
    assert!(
        products::prices_for(&mut tx, &[a])
            .await
            .unwrap()
            .is_empty()
    );
    assert!(matches!(
        products::delete(&mut tx, a).await,
        Err(StoreError::NotFound)
    ));
    tx.commit().await.unwrap();
}

pub async fn rates_are_replaced_per_pair_day_and_source_and_found_on_or_before_a_day(db: Db) {
    let mut tx = write(&db).await;
    rates::upsert(&mut tx, "EUR", "USD", "1.04", "2026-12-01", "ecb", T0)
        .await
        .unwrap();
    rates::upsert(&mut tx, "EUR", "CNY", "7.43", "2026-12-01", "ecb", T0)
        .await
        .unwrap();
    rates::upsert(&mut tx, "EUR", "USD", "1.05", "2026-12-03", "ecb", T0)
        .await
        .unwrap();
    rates::upsert(&mut tx, "EUR", "USD", "1.0500", "2026-12-03", "ecb", T0)
        .await
        .unwrap();
    rates::upsert(&mut tx, "USD", "CNY", "7.08", "2026-12-02", "bank", T0)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut tx = read(&db).await;
    let (rows, total) = rates::list(&mut tx, &RateFilter::default(), 50, 0)
        .await
        .unwrap();
    assert_eq!(total, 4, "the same pair, day and source is replaced");
    assert_eq!(rows[0].rate_date, "2026-12-03");
    let day = rates::ecb_day_on_or_before(&mut tx, "2026-12-02")
        .await
        .unwrap();
    assert_eq!(day.len(), 2);
    assert!(day.iter().all(|r| r.rate_date == "2026-12-01"));
    let direct = rates::direct_on_or_before(&mut tx, "CNY", "USD", "2026-12-05")
        .await
        .unwrap();
    assert_eq!(direct.len(), 1, "either direction, ECB rows excluded");
    assert!(
        rates::direct_on_or_before(&mut tx, "USD", "CNY", "2026-12-01")
            .await
            .unwrap()
            .is_empty()
    );
    let f = RateFilter {
        source: Some("ecb".into()),
        from: Some("2026-12-02".into()),
        ..Default::default()
    };
    assert_eq!(rates::list(&mut tx, &f, 50, 0).await.unwrap().1, 1);
}
