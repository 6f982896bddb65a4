//! The price builder: costs and margins per line from the product's purchase cost, rebate,
//! spread fees and freight, saved with the revision and applied to a draft's prices.

use crate::app_test;
use axum::http::{Method, StatusCode};
use serde_json::json;

app_test!(
    the_price_builder_costs_lines_and_sets_a_drafts_prices,
    |t| {
        let mgr = t.token("mgr").await;
        let p = json!({"sku": "FL-100W", "name_en": "Flood light 100W", "purchase_cost": "113", "vat_rate": "13", "rebate_rate": "13",
        "pcs_per_carton": 10, "carton_l_cm": "50", "carton_w_cm": "40", "carton_h_cm": "30", "gross_kg": "12"});
        let r = t.api(&mgr, Method::POST, "/api/v1/products", Some(p)).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let tom = t.token("tom").await;
        let q = json!({"customer_id": t.tom_customer, "currency": "USD", "rate": "7.1", "incoterm": "FOB", "place": "Ningbo",
        "payment_terms": "30% T/T deposit, 70% before shipment", "lead_time": "30 days",
        "lines": [{"sku": "FL-100W", "description": "Flood light", "quantity": "100", "unit_price": "19.50"},
                  {"description": "Spare drivers", "quantity": "5", "unit_price": "3"}]});
        let qid = t
            .api(&tom, Method::POST, "/api/v1/quotes", Some(q))
            .await
            .json()["id"]
            .as_i64()
            .unwrap();
        let b = t.browser("tom").await;
        let path = format!("/quotes/{qid}/pricing");
        // A refused form keeps what was typed and marks the field.
        let r = t
            .send(b.post(
                &path,
                &[("margin", "100"), ("freight", "2000"), ("action", "save")],
            ))
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.body.contains("value=\"100\"")
                && r.body.contains("has-error")
                && r.body.contains("value=\"2000\""),
            "{}",
            r.body
        );
        let form = [
            ("margin", "20"),
            ("domestic_fees", "1000"),
            ("freight", "2000"),
            ("insurance_premium", "0.3"),
            ("price_decimals", "2"),
        ];
        let mut save = form.to_vec();
        save.push(("action", "save"));
        let r = t.send(b.post(&path, &save)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = t.send(b.get(&path)).await.body;
        // 113 incl. 13 % VAT less a 13 % rebate = 100; ÷ (1 − 20 %) = 125 EXW; + 10 fees per unit
        // (all of the 1,000: the only costed line) = 135 FOB = USD 19.01 at 7.1. The seller's FOB
        // cost is 110 a unit, so the quoted 19.50 earns 13,845 − 11,000 = 2,845 CNY, 20.55 %.
        assert!(
            page.contains("USD 19.01") && page.contains("CNY 2,845.00 · 20.55%"),
            "{page}"
        );
        assert!(
            page.contains("135.00") && page.contains("155.51"),
            "FOB and CIF per unit in CNY"
        );
        assert!(
            page.contains("free-text line"),
            "the driver line has no product cost"
        );
        let quote_page = t.send(b.get(&format!("/quotes/{qid}"))).await.body;
        assert!(quote_page.contains("id=\"quote-margin\""), "{quote_page}");
        let mut apply = form.to_vec();
        apply.push(("action", "apply"));
        let r = t.send(b.post(&path, &apply)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let q = t
            .api(&tom, Method::GET, &format!("/api/v1/quotes/{qid}"), None)
            .await
            .json();
        assert_eq!(
            (
                q["lines"][0]["unit_price"].clone(),
                q["lines"][1]["unit_price"].clone()
            ),
            (json!("19.01"), json!("3"))
        );
        // Once sent, prices change only by revising.
        t.api(
            &tom,
            Method::POST,
            &format!("/api/v1/quotes/{qid}/send"),
            None,
        )
        .await;
        let r = t.send(b.post(&path, &apply)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        // Lily may not see tom's quote, nor its costing.
        let lily = t.browser("lily").await;
        assert_eq!(t.send(lily.get(&path)).await.status, StatusCode::NOT_FOUND);
    }
);
