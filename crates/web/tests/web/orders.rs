//! Sales orders: one step from an accepted quote with nothing re-typed, partial shipments that
//! never exceed what was ordered, and a repeat order.

use crate::app_test;
use axum::http::{Method, StatusCode};
use serde_json::json;

async fn accepted_quote(t: &crate::helpers::TestApp, token: &str) -> (i64, serde_json::Value) {
    let q = json!({"customer_id": t.tom_customer, "currency": "USD", "rate": "7.1", "incoterm": "CIF", "place": "Hamburg",
        "payment_terms": "30% T/T deposit, 70% against B/L copy", "lead_time": "35 days",
        "lines": [{"sku": "FL-100W", "description": "Flood light", "quantity": "1000", "unit_price": "12.5"},
                  {"description": "Spare drivers", "quantity": "20", "unit": "pcs", "unit_price": "3.333"}],
        "freight": "850"});
    let q = t
        .api(token, Method::POST, "/api/v1/quotes", Some(q))
        .await
        .json();
    let id = q["id"].as_i64().unwrap();
    t.api(
        token,
        Method::POST,
        &format!("/api/v1/quotes/{id}/send"),
        None,
    )
    .await;
    let q = t
        .api(
            token,
            Method::POST,
            &format!("/api/v1/quotes/{id}/accept"),
            None,
        )
        .await
        .json();
    (id, q)
}

app_test!(
    an_accepted_quote_becomes_a_sales_order_with_the_same_lines_terms_and_totals,
    |t| {
        let tom = t.token("tom").await;
        let draft = t.api(&tom, Method::POST, "/api/v1/quotes", Some(json!({"customer_id": t.tom_customer, "currency": "CNY", "incoterm": "EXW",
        "place": "Ningbo factory", "payment_terms": "100% T/T in advance", "lead_time": "20 days", "lines": [{"description": "x", "quantity": "1", "unit_price": "1"}]}))).await.json();
        let r = t
            .api(
                &tom,
                Method::POST,
                "/api/v1/sales-orders",
                Some(json!({"quote_id": draft["id"]})),
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a draft quote is not an order"
        );
        let (qid, q) = accepted_quote(&t, &tom).await;
        let r = t
            .api(
                &tom,
                Method::POST,
                "/api/v1/sales-orders",
                Some(json!({"quote_id": qid})),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let o = r.json();
        assert!(o["number"].as_str().unwrap().starts_with("SO-"));
        for k in [
            "total",
            "base_total",
            "currency",
            "rate",
            "incoterm",
            "place",
            "payment_terms",
        ] {
            assert_eq!(o[k], q[k], "{k} carried over");
        }
        assert_eq!(o["total"], "13416.66", "12,500 + 66.66 + 850 freight");
        assert_eq!(o["lines"].as_array().unwrap().len(), 2);
        let again = t
            .api(
                &tom,
                Method::POST,
                "/api/v1/sales-orders",
                Some(json!({"quote_id": qid})),
            )
            .await;
        assert_eq!(again.status, StatusCode::CONFLICT);
        let lily = t.token("lily").await;
        assert_eq!(
            t.api(
                &lily,
                Method::GET,
                &format!("/api/v1/sales-orders/{}", o["id"]),
                None
            )
            .await
            .status,
            StatusCode::NOT_FOUND
        );
    }
);

app_test!(
    shipments_are_partial_and_never_exceed_what_was_ordered,
    |t| {
        let tom = t.token("tom").await;
        let (qid, _) = accepted_quote(&t, &tom).await;
        let o = t
            .api(
                &tom,
                Method::POST,
                "/api/v1/sales-orders",
                Some(json!({"quote_id": qid})),
            )
            .await
            .json();
        let id = o["id"].as_i64().unwrap();
        let (l1, l2) = (
            o["lines"][0]["id"].as_i64().unwrap(),
            o["lines"][1]["id"].as_i64().unwrap(),
        );
        let r = t
            .api(
                &tom,
                Method::POST,
                &format!("/api/v1/sales-orders/{id}/ship"),
                Some(json!({"lines": [{"line_id": l1, "quantity": "600"}]})),
            )
            .await;
        assert_eq!(r.json()["status"], "partially_shipped");
        let r = t
            .api(
                &tom,
                Method::POST,
                &format!("/api/v1/sales-orders/{id}/ship"),
                Some(json!({"lines": [{"line_id": l1, "quantity": "401"}]})),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            r.json()["fields"][format!("ship_{l1}")]["code"],
            "exceeds_ordered"
        );
        let r = t.api(&tom, Method::POST, &format!("/api/v1/sales-orders/{id}/ship"), Some(json!({"lines": [{"line_id": l1, "quantity": "400"}, {"line_id": l2, "quantity": "20"}]}))).await;
        assert_eq!(r.json()["status"], "shipped");
        assert_eq!(r.json()["lines"][0]["shipped"], "1000");
        let b = t.browser("tom").await;
        let page = t.send(b.get(&format!("/orders/{id}"))).await.body;
        assert!(page.contains("id=\"repeat-order\""));
        let form = t
            .send(b.get(&format!("/quotes/new?from_order={id}")))
            .await
            .body;
        assert!(
            form.contains("value=\"FL-100W\"") && form.contains("value=\"CIF\" selected")
                || form.contains("value=\"Hamburg\""),
            "a repeat order starts from the order's lines and terms"
        );
    }
);

app_test!(
    a_sales_order_is_typed_directly_on_the_page_or_the_api,
    |t| {
        let b = t.browser("tom").await;
        let form = t.send(b.get("/orders/new")).await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(form.body.contains("action=\"/orders\""), "{}", form.body);
        let cid = t.tom_customer.to_string();
        let fields = |qty: &'static str| {
            vec![
                ("customer_id", cid.clone()),
                ("currency", "USD".to_string()),
                ("rate", "7.1".into()),
                ("incoterm", "FOB".into()),
                ("place", "Ningbo".into()),
                ("place_is_port", "1".into()),
                (
                    "payment_terms",
                    "30% T/T deposit, 70% before shipment".into(),
                ),
                ("lead_time", "30 days".into()),
                ("lines[0].description", "Flood light 100W".into()),
                ("lines[0].quantity", qty.into()),
                ("lines[0].unit_price", "12.5".into()),
            ]
        };
        let bad = fields("-5");
        let bad: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = t.send(b.post("/orders", &bad)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.body.contains("value=\"-5\"") && r.body.contains("has-error"),
            "{}",
            r.body
        );
        let good = fields("100");
        let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = t.send(b.post("/orders", &good)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = t
            .send(b.get(r.location().split('?').next().unwrap()))
            .await
            .body;
        assert!(
            page.contains("SO-") && page.contains("Flood light 100W"),
            "{page}"
        );
        let tom = t.token("tom").await;
        let o = t
        .api(&tom, Method::POST, "/api/v1/sales-orders", Some(json!({"customer_id": t.tom_customer, "currency": "EUR", "rate": "7.8",
            "incoterm": "CIF", "place": "Hamburg", "place_is_port": true, "payment_terms": "OA 30 days", "lead_time": "30 days",
            "lines": [{"description": "Panel light", "quantity": "40", "unit_price": "9.5"}]})))
        .await;
        assert_eq!(o.status, StatusCode::CREATED, "{}", o.body);
        assert_eq!(
            (o.json()["quote_id"].clone(), o.json()["total"].clone()),
            (json!(null), json!("380.00"))
        );
    }
);
