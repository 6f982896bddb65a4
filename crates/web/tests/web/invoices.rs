//! Invoices over HTTP: a proforma from a quote, a commercial invoice for what shipped, issuing
//! with a number, immutability, voiding with a reason, and who may bill.

use crate::app_test;
use axum::http::{Method, StatusCode};
use serde_json::json;

app_test!(
    invoices_are_made_issued_and_voided_through_pages_and_api,
    |t| {
        let tom = t.token("tom").await;
        let q = json!({"customer_id": t.tom_customer, "currency": "USD", "rate": "7.1", "incoterm": "FOB", "place": "Ningbo",
        "payment_terms": "30% T/T deposit, 70% before shipment", "lead_time": "30 days",
        "lines": [{"sku": "FL-100W", "description": "Flood light", "quantity": "100", "unit_price": "12.5"}]});
        let qid = t
            .api(&tom, Method::POST, "/api/v1/quotes", Some(q))
            .await
            .json()["id"]
            .as_i64()
            .unwrap();
        t.api(
            &tom,
            Method::POST,
            &format!("/api/v1/quotes/{qid}/send"),
            None,
        )
        .await;
        let b = t.browser("tom").await;
        let r = t
            .send(b.post(&format!("/quotes/{qid}/proforma"), &[]))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let pi_path = r.location().to_string();
        let r = t.send(b.post(&format!("{pi_path}/issue"), &[])).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = t.send(b.get(&pi_path)).await.body;
        assert!(
            page.contains("PI-") && page.contains("USD 1,250.00"),
            "{page}"
        );
        let pid = pi_path.trim_start_matches("/invoices/");
        let api = t
            .api(&tom, Method::GET, &format!("/api/v1/invoices/{pid}"), None)
            .await
            .json();
        assert_eq!(api["status"], "issued");
        assert_eq!(
            (
                api["kind"].clone(),
                api["total"].clone(),
                api["base_total"].clone()
            ),
            (json!("proforma"), json!("1250.00"), json!("8875.00"))
        );
        assert!(
            api["due_date"].is_string(),
            "the deposit is due on the invoice date"
        );
        let again = t.send(b.post(&format!("{pi_path}/issue"), &[])).await;
        assert_eq!(
            again.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "issued invoices do not change"
        );
        let r = t
            .send(b.post(&format!("{pi_path}/void"), &[("reason", "  ")]))
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        // Finance may void and issue for every customer.
        let fin = t.token("fin").await;
        let r = t
            .api(
                &fin,
                Method::POST,
                &format!("/api/v1/invoices/{pid}/void"),
                Some(json!({"reason": "buyer changed the consignee"})),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(r.json()["status"], "void");
        assert_eq!(r.json()["open_amount"], "0");
        t.api(
            &tom,
            Method::POST,
            &format!("/api/v1/quotes/{qid}/accept"),
            None,
        )
        .await;
        let o = t
            .api(
                &tom,
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
        let early = t.api(&tom, Method::POST, "/api/v1/invoices", Some(json!({"kind": "commercial", "order_id": oid, "lines": [{"line_id": lid, "quantity": "10"}]}))).await;
        assert_eq!(
            early.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "nothing shipped yet"
        );
        assert_eq!(
            early.json()["fields"]["lines[0].quantity"]["code"],
            "exceeds_shipped"
        );
        t.api(
            &tom,
            Method::POST,
            &format!("/api/v1/sales-orders/{oid}/ship"),
            Some(json!({"lines": [{"line_id": lid, "quantity": "100"}]})),
        )
        .await;
        let r = t
            .send(b.post(
                &format!("/orders/{oid}/invoice"),
                &[(&format!("bill_{lid}"), "100")],
            ))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let ci = r.location().trim_start_matches("/invoices/").to_string();
        let r = t
            .api(
                &fin,
                Method::POST,
                &format!("/api/v1/invoices/{ci}/issue"),
                None,
            )
            .await
            .json();
        assert!(r["number"].as_str().unwrap().starts_with("INV-"), "{r}");
        let lily = t.token("lily").await;
        assert_eq!(
            t.api(&lily, Method::GET, &format!("/api/v1/invoices/{ci}"), None)
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let bad = t
            .api(
                &tom,
                Method::POST,
                "/api/v1/invoices",
                Some(json!({"kind": "receipt"})),
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        let list = t.send(b.get("/invoices")).await.body;
        assert!(list.contains("INV-") && list.contains("invoice-void"));
        let drafts = t
            .send(b.get("/invoices?kind=commercial&status=draft"))
            .await
            .body;
        assert!(!drafts.contains("INV-"), "the filter keeps only drafts");

        // A credit note from the invoice page: a refused form keeps what was typed.
        let page = t.send(b.get(&format!("/invoices/{ci}"))).await.body;
        assert!(
            page.contains("SAY US DOLLARS ONE THOUSAND TWO HUNDRED FIFTY ONLY"),
            "{page}"
        );
        let r = t
            .send(b.post(
                &format!("/invoices/{ci}/credit"),
                &[("credit_0", "101"), ("reason", "")],
            ))
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.body.contains("value=\"101\"") && r.body.contains("has-error"),
            "{}",
            r.body
        );
        let r = t
            .send(b.post(
                &format!("/invoices/{ci}/credit"),
                &[("credit_0", "4"), ("reason", "4 lights returned broken")],
            ))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let cn_path = r.location().split('?').next().unwrap().to_string();
        let r = t.send(b.post(&format!("{cn_path}/issue"), &[])).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let inv = t
            .api(&tom, Method::GET, &format!("/api/v1/invoices/{ci}"), None)
            .await
            .json();
        assert_eq!(
            (inv["credited"].clone(), inv["open_amount"].clone()),
            (json!("50.00"), json!("1200.00"))
        );
        // The API: an amount claim, too large, then right; drafts can be deleted.
        let too_big = t
            .api(
                &tom,
                Method::POST,
                &format!("/api/v1/invoices/{ci}/credit-notes"),
                Some(json!({"reason": "claim", "adjustment_amount": "1200.01"})),
            )
            .await;
        assert_eq!(too_big.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            too_big.json()["fields"]["lines"]["code"],
            "credit_exceeds_invoice"
        );
        let cn2 = t
            .api(
                &tom,
                Method::POST,
                &format!("/api/v1/invoices/{ci}/credit-notes"),
                Some(json!({"reason": "colour claim", "adjustment_amount": "100"})),
            )
            .await;
        assert_eq!(cn2.status, StatusCode::CREATED, "{}", cn2.body);
        let cn2 = cn2.json();
        assert_eq!(
            (
                cn2["kind"].clone(),
                cn2["total"].clone(),
                cn2["credits_invoice_id"].clone()
            ),
            (
                json!("credit_note"),
                json!("100.00"),
                json!(ci.parse::<i64>().unwrap())
            )
        );
        let del = t
            .api(
                &tom,
                Method::DELETE,
                &format!("/api/v1/invoices/{}", cn2["id"]),
                None,
            )
            .await;
        assert_eq!(del.status, StatusCode::NO_CONTENT);
        let del = t
            .api(
                &tom,
                Method::DELETE,
                &format!("/api/v1/invoices/{ci}"),
                None,
            )
            .await;
        assert_eq!(
            del.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "issued invoices are never deleted"
        );
        // Receivables: the page and the API agree on the open 1,200.00.
        let ar = t.send(b.get("/receivables")).await.body;
        assert!(ar.contains("USD 1,200.00"), "{ar}");
        let ar = t
            .api(
                &fin,
                Method::GET,
                "/api/v1/receivables?as_of=2099-01-01",
                None,
            )
            .await
            .json();
        let mine = ar["customers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["customer_id"] == json!(t.tom_customer))
            .unwrap()
            .clone();
        assert_eq!(mine["balances"][0]["over_90"], "1200.00", "{ar}");
        let bad = t
            .api(&fin, Method::GET, "/api/v1/receivables?as_of=soon", None)
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        let ar = t
            .api(&lily, Method::GET, "/api/v1/receivables", None)
            .await
            .json();
        assert!(
            ar["customers"]
                .as_array()
                .unwrap()
                .iter()
                .all(|c| c["customer_id"] != json!(t.tom_customer)),
            "lily does not see tom's buyer"
        );
    }
);
