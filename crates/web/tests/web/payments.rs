//! Payments: bank charges apart from exchange differences, realised FX gain per allocation,
//! advances held and applied later, never allocating more than open, and receivables.

use crate::app_test;
use crate::helpers::TestApp;
use axum::http::{Method, StatusCode};
use serde_json::json;

/// An issued commercial invoice of USD 1,250.00 at 7.1 for tom's customer; returns its id.
async fn invoice(t: &TestApp, token: &str) -> i64 {
    let q = json!({"customer_id": t.tom_customer, "currency": "USD", "rate": "7.1", "incoterm": "FOB", "place": "Ningbo",
        "payment_terms": "OA 30 days", "lead_time": "30 days", "lines": [{"description": "Flood light", "quantity": "100", "unit_price": "12.5"}]});
    let qid = t
        .api(token, Method::POST, "/api/v1/quotes", Some(q))
        .await
        .json()["id"]
        .as_i64()
        .unwrap();
    t.api(
        token,
        Method::POST,
        &format!("/api/v1/quotes/{qid}/send"),
        None,
    )
    .await;
    t.api(
        token,
        Method::POST,
        &format!("/api/v1/quotes/{qid}/accept"),
        None,
    )
    .await;
    let o = t
        .api(
            token,
            Method::POST,
            "/api/v1/sales-orders",
            Some(json!({"quote_id": qid})),
        )
        .await
        .json();
    let (oid, lid) = (
        o["id"].as_i64().unwrap(),
        o["lines"][0]["id"].as_i64().unwrap(),
    );
    t.api(
        token,
        Method::POST,
        &format!("/api/v1/sales-orders/{oid}/ship"),
        Some(json!({"lines": [{"line_id": lid, "quantity": "100"}]})),
    )
    .await;
    let ci = t.api(token, Method::POST, "/api/v1/invoices", Some(json!({"kind": "commercial", "order_id": oid, "lines": [{"line_id": lid, "quantity": "100"}]}))).await.json();
    let id = ci["id"].as_i64().unwrap();
    t.api(
        token,
        Method::POST,
        &format!("/api/v1/invoices/{id}/issue"),
        None,
    )
    .await;
    id
}

app_test!(
    a_payment_books_bank_charges_apart_and_the_fx_gain_against_the_invoice_rate,
    |t| {
        let mgr = t.token("mgr").await;
        let inv = invoice(&t, &mgr).await;
        let tom = t.token("tom").await;
        let p = json!({"customer_id": t.tom_customer, "currency": "USD", "received": "1225.00", "bank_charges": "25", "rate": "7.2", "date": "2026-12-01"});
        assert_eq!(
            t.api(&tom, Method::POST, "/api/v1/payments", Some(p.clone()))
                .await
                .status,
            StatusCode::FORBIDDEN,
            "sales do not book payments"
        );
        let fin = t.token("fin").await;
        let r = t.api(&fin, Method::POST, "/api/v1/payments", Some(p)).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let pay = r.json();
        assert_eq!(
            (
                pay["amount"].clone(),
                pay["bank_charges"].clone(),
                pay["fx_gain_loss"].clone(),
                pay["unallocated"].clone()
            ),
            (
                json!("1250.00"),
                json!("25.00"),
                json!("125.00"),
                json!("0.00")
            ),
            "1,250 × (7.2 − 7.1) = CNY 125.00; the 25 is bank charges"
        );
        assert_eq!(pay["allocations"][0]["invoice_id"], inv);
        let i = t
            .api(&fin, Method::GET, &format!("/api/v1/invoices/{inv}"), None)
            .await
            .json();
        assert_eq!(
            (i["status"].clone(), i["open_amount"].clone()),
            (json!("paid"), json!("0.00"))
        );
    }
);

app_test!(
    an_advance_is_held_and_applied_later_and_allocation_never_exceeds_open,
    |t| {
        let fin = t.token("fin").await;
        let r = t.api(&fin, Method::POST, "/api/v1/payments", Some(json!({"customer_id": t.tom_customer, "currency": "USD", "received": "375", "rate": "7.0"}))).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let deposit = r.json();
        assert_eq!(
            deposit["unallocated"], "375.00",
            "a deposit before any invoice is an advance"
        );
        let mgr = t.token("mgr").await;
        let inv = invoice(&t, &mgr).await;
        let too_much = t.api(&fin, Method::POST, "/api/v1/payments", Some(json!({"customer_id": t.tom_customer, "currency": "USD", "received": "2000", "rate": "7.1",
        "allocations": [{"invoice_id": inv, "amount": "1300"}]}))).await;
        assert_eq!(
            too_much.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            too_much.body
        );
        let r = t
            .api(
                &fin,
                Method::POST,
                &format!("/api/v1/payments/{}/apply", deposit["id"]),
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(r.json()["unallocated"], "0.00");
        assert_eq!(r.json()["fx_gain_loss"], "-37.50", "375 × (7.0 − 7.1)");
        let i = t
            .api(&fin, Method::GET, &format!("/api/v1/invoices/{inv}"), None)
            .await
            .json();
        assert_eq!(
            (i["status"].clone(), i["open_amount"].clone()),
            (json!("partially_paid"), json!("875.00"))
        );
        let over = t.api(&fin, Method::POST, "/api/v1/payments", Some(json!({"customer_id": t.tom_customer, "currency": "USD", "received": "1000", "rate": "7.1"}))).await.json();
        assert_eq!(
            over["unallocated"], "125.00",
            "over-payment becomes customer credit"
        );
        let b = t.browser("tom").await;
        let page = t
            .send(b.get(&format!("/customers/{}", t.tom_customer)))
            .await
            .body;
        assert!(
            page.contains("id=\"receivables\"") && page.contains("USD -125.00"),
            "the credit shows in receivables"
        );
    }
);

app_test!(
    a_void_invoice_cannot_be_paid_and_bad_amounts_are_named,
    |t| {
        let mgr = t.token("mgr").await;
        let inv = invoice(&t, &mgr).await;
        t.api(
            &mgr,
            Method::POST,
            &format!("/api/v1/invoices/{inv}/void"),
            Some(json!({"reason": "duplicate"})),
        )
        .await;
        let r = t.api(&mgr, Method::POST, "/api/v1/payments", Some(json!({"customer_id": t.tom_customer, "currency": "USD", "received": "100", "rate": "7.1",
        "allocations": [{"invoice_id": inv, "amount": "100"}]}))).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("void"), "{}", r.body);
        let r = t.api(&mgr, Method::POST, "/api/v1/payments", Some(json!({"customer_id": t.tom_customer, "currency": "XYZ", "received": "-5", "bank_charges": "x"}))).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.json()["fields"]["currency"].is_object());
        let r = t.api(&mgr, Method::POST, "/api/v1/payments", Some(json!({"customer_id": t.tom_customer, "currency": "USD", "received": "-5", "rate": "7.1"}))).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            r.json()["fields"]["received"]["code"],
            "payment_not_positive"
        );
    }
);

app_test!(
    one_payment_is_split_across_invoices_on_the_payment_form,
    |t| {
        let mgr = t.token("mgr").await;
        let (a, b2) = (invoice(&t, &mgr).await, invoice(&t, &mgr).await);
        let b = t.browser("fin").await;
        let form = t
            .send(b.get(&format!("/payments/new?customer_id={}", t.tom_customer)))
            .await
            .body;
        assert!(
            form.contains(&format!("name=\"alloc_{a}\""))
                && form.contains(&format!("name=\"alloc_{b2}\"")),
            "{form}"
        );
        let cid = t.tom_customer.to_string();
        let (fa, fb) = (format!("alloc_{a}"), format!("alloc_{b2}"));
        // More than open on one invoice: refused, nothing saved, what was typed is kept.
        let r = t
            .send(b.post(
                "/payments",
                &[
                    ("customer_id", cid.as_str()),
                    ("currency", "USD"),
                    ("received", "1990"),
                    ("bank_charges", "10"),
                    ("rate", "7.1"),
                    (fa.as_str(), "1300"),
                    (fb.as_str(), "700"),
                ],
            ))
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert!(
            r.body.contains("value=\"1300\"") && r.body.contains("has-error"),
            "{}",
            r.body
        );
        let fin = t.token("fin").await;
        let none = t
            .api(&fin, Method::GET, "/api/v1/payments", None)
            .await
            .json();
        assert_eq!(none["total"], 0, "nothing was booked");
        let r = t
            .send(b.post(
                "/payments",
                &[
                    ("customer_id", cid.as_str()),
                    ("currency", "USD"),
                    ("received", "1990"),
                    ("bank_charges", "10"),
                    ("rate", "7.1"),
                    (fa.as_str(), "1250"),
                    (fb.as_str(), "500"),
                ],
            ))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let path = r.location().split('?').next().unwrap().to_string();
        let page = t.send(b.get(&path)).await.body;
        assert!(
            page.contains("USD 2,000.00") && page.contains("USD 250.00"),
            "{page}"
        );
        // The 250 left over goes to the second invoice from the payment page.
        let r = t
            .send(b.post(&format!("{path}/apply"), &[(fb.as_str(), "250")]))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let i = t
            .api(&fin, Method::GET, &format!("/api/v1/invoices/{b2}"), None)
            .await
            .json();
        assert_eq!(i["open_amount"], "500.00");
        let p = t
            .api(&fin, Method::GET, &format!("/api/v1{path}"), None)
            .await
            .json();
        assert_eq!(
            (
                p["unallocated"].clone(),
                p["allocations"].as_array().unwrap().len()
            ),
            (json!("0.00"), 3)
        );
    }
);
