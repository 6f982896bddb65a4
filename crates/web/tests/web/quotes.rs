//! Quotes over the API: exact totals, bad input named per field, the event flow, revisions with
//! reasons, and the diff between revisions.

use crate::app_test;
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

fn quote(customer: i64) -> Value {
    json!({
        "customer_id": customer, "currency": "USD", "rate": "7.1", "incoterm": "FOB", "place": "Ningbo",
        "payment_terms": "30% T/T deposit, 70% before shipment", "lead_time": "30 days", "valid_until": "2026-12-31",
        "lines": [
            {"sku": "FL-100W", "description": "LED flood light 100W", "quantity": "1000", "unit": "pcs", "unit_price": "12.345"},
            {"sku": "PNL-600", "description": "Panel 600x600", "quantity": "3", "unit": "pcs", "unit_price": "0.0125"}
        ],
        "freight": "", "discount": ""
    })
}

app_test!(a_quote_totals_round_each_line_and_freeze_the_rate, |t| {
    let tom = t.token("tom").await;
    let r = t
        .api(
            &tom,
            Method::POST,
            "/api/v1/quotes",
            Some(quote(t.tom_customer)),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let q = r.json();
    assert!(
        q["number"].as_str().unwrap().starts_with("Q-"),
        "{}",
        q["number"]
    );
    assert_eq!(
        (q["revision"].clone(), q["status"].clone()),
        (json!(1), json!("draft"))
    );
    assert_eq!(q["lines"][0]["amount"], "12345.00");
    assert_eq!(
        q["lines"][1]["amount"], "0.04",
        "3 × 0.0125 = 0.0375 rounds half away from zero"
    );
    assert_eq!(q["total"], "12345.04");
    assert_eq!(q["base_total"], "87649.78", "12345.04 × 7.1");
    assert_eq!(q["incoterm"], "FOB");
    let mut jpy = quote(t.tom_customer);
    jpy["currency"] = json!("JPY");
    jpy["rate"] = json!("0.0475");
    jpy["lines"][1]["unit_price"] = json!("0.5");
    let q = t
        .api(&tom, Method::POST, "/api/v1/quotes", Some(jpy))
        .await
        .json();
    assert_eq!(
        q["lines"][1]["amount"], "2",
        "JPY has no decimals: 1.5 rounds to 2"
    );
});

app_test!(bad_quotes_name_every_problem_and_save_nothing, |t| {
    let tom = t.token("tom").await;
    let mut bad = quote(t.tom_customer);
    bad["currency"] = json!("XXX");
    bad["incoterm"] = json!("CIF");
    bad["place"] = json!("Madrid");
    bad["payment_terms"] = json!("30% deposit, 60% before shipment");
    bad["lines"][0]["quantity"] = json!("-5");
    let r = t.api(&tom, Method::POST, "/api/v1/quotes", Some(bad)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let f = &r.json()["fields"];
    assert_eq!(f["currency"]["code"], "unknown_currency");
    assert_eq!(f["incoterm"]["code"], "sea_rule_needs_port");
    assert_eq!(f["payment_terms"]["code"], "schedule_not_100");
    assert_eq!(f["lines[0].quantity"]["code"], "quantity_not_positive");
    assert_eq!(
        t.api(&tom, Method::GET, "/api/v1/quotes", None)
            .await
            .json()["total"],
        0
    );
    let lily = t.token("lily").await;
    assert_eq!(
        t.api(
            &lily,
            Method::POST,
            "/api/v1/quotes",
            Some(quote(t.tom_customer))
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
});

app_test!(
    a_sent_quote_is_revised_with_a_reason_and_only_the_latest_revision_can_be_accepted,
    |t| {
        let tom = t.token("tom").await;
        let q = t
            .api(
                &tom,
                Method::POST,
                "/api/v1/quotes",
                Some(quote(t.tom_customer)),
            )
            .await
            .json();
        let id = q["id"].as_i64().unwrap();
        let sent = t
            .api(
                &tom,
                Method::POST,
                &format!("/api/v1/quotes/{id}/send"),
                None,
            )
            .await;
        assert_eq!(sent.json()["status"], "sent");
        assert!(sent.json()["sent_at"].is_string());
        let edit = t
            .api(
                &tom,
                Method::PUT,
                &format!("/api/v1/quotes/{id}"),
                Some(quote(t.tom_customer)),
            )
            .await;
        assert_eq!(
            edit.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a sent quote is revised, not edited"
        );
        let mut ddp = quote(t.tom_customer);
        ddp["incoterm"] = json!("DDP");
        ddp["place"] = json!("Hamburg warehouse");
        ddp["lines"][0]["unit_price"] = json!("13.10");
        let no_reason = t
            .api(
                &tom,
                Method::POST,
                &format!("/api/v1/quotes/{id}/revise"),
                Some(ddp.clone()),
            )
            .await;
        assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            no_reason.json()["fields"]["reason"].is_object(),
            "{}",
            no_reason.body
        );
        ddp["reason"] = json!("customer asked for DDP, add local fees");
        let r = t
            .api(
                &tom,
                Method::POST,
                &format!("/api/v1/quotes/{id}/revise"),
                Some(ddp),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let rev2 = r.json();
        assert_eq!(
            (rev2["number"].clone(), rev2["revision"].clone()),
            (q["number"].clone(), json!(2))
        );
        assert_eq!(
            rev2["revision_reason"],
            "customer asked for DDP, add local fees"
        );
        let id2 = rev2["id"].as_i64().unwrap();
        let old = t
            .api(&tom, Method::GET, &format!("/api/v1/quotes/{id}"), None)
            .await
            .json();
        assert_eq!(old["status"], "superseded");
        let accept_old = t
            .api(
                &tom,
                Method::POST,
                &format!("/api/v1/quotes/{id}/accept"),
                None,
            )
            .await;
        assert_eq!(accept_old.status, StatusCode::UNPROCESSABLE_ENTITY);
        let revs = t
            .api(
                &tom,
                Method::GET,
                &format!("/api/v1/quotes/{id2}/revisions"),
                None,
            )
            .await
            .json();
        assert_eq!(revs["total"], 2);
        let diff = t
            .api(
                &tom,
                Method::GET,
                &format!("/api/v1/quotes/{id}/diff?with={id2}"),
                None,
            )
            .await
            .json();
        let text = diff.to_string();
        assert!(text.contains("DDP") && text.contains("13.1"), "{text}");
        t.api(
            &tom,
            Method::POST,
            &format!("/api/v1/quotes/{id2}/send"),
            None,
        )
        .await;
        let acc = t
            .api(
                &tom,
                Method::POST,
                &format!("/api/v1/quotes/{id2}/accept"),
                None,
            )
            .await
            .json();
        assert_eq!(acc["status"], "accepted");
        assert!(acc["accepted_at"].is_string());
        let boss = crate::helpers::actor(&t.app, "boss").await;
        let del = leadledger_app::customers::delete(&t.app, &boss, t.tom_customer).await;
        assert!(
            matches!(del, Err(leadledger_app::AppError::Conflict(_))),
            "a customer with quotes is merged, not deleted"
        );
    }
);

app_test!(
    the_quote_pages_create_send_and_revise_a_quote_in_both_languages,
    |t| {
        let mut b = t.browser("tom").await;
        let tc = t.tom_customer.to_string();
        let form = t
            .send(b.get(&format!("/quotes/new?customer_id={tc}")))
            .await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(form.body.contains("Hamburg Licht GmbH"));
        let bad = [
            ("customer_id", tc.as_str()),
            ("currency", "USD"),
            ("rate", "7.1"),
            ("incoterm", "FOB"),
            ("place", "Ningbo"),
            ("payment_terms", "30/70"),
            ("lead_time", "30 days"),
            ("lines[0].sku", "X-1"),
            ("lines[0].quantity", "0"),
            ("lines[0].unit_price", "2"),
        ];
        let r = t.send(b.post("/quotes", &bad)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("value=\"X-1\""), "typed lines are kept");
        let mut good = bad.to_vec();
        good[8] = ("lines[0].quantity", "500");
        let r = t.send(b.post("/quotes", &good)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let path = r.location().split('?').next().unwrap().to_string();
        let page = t.send(b.get(&path)).await.body;
        assert!(page.contains("USD 1,000.00") && page.contains("id=\"send-quote\""));
        let id = path.trim_start_matches("/quotes/").to_string();
        assert_eq!(
            t.send(b.post(&format!("/quotes/{id}/event"), &[("event", "send")]))
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        let mut revise = good.clone();
        revise[9] = ("lines[0].unit_price", "2.2");
        let r = t
            .send(b.post(&format!("/quotes/{id}/revise"), &revise))
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a reason is required"
        );
        revise.push(("reason", "buyer asked for a second colour"));
        let r = t
            .send(b.post(&format!("/quotes/{id}/revise"), &revise))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let rev2 = r.location().split('?').next().unwrap().to_string();
        let page = t.send(b.get(&rev2)).await.body;
        assert!(
            page.contains("rev. 2")
                && page.contains("buyer asked for a second colour")
                && page.contains("id=\"diff-link\"")
        );
        let diff = t
            .send(b.get(&format!(
                "/quotes/{id}/diff?with={}",
                rev2.trim_start_matches("/quotes/")
            )))
            .await
            .body;
        assert!(diff.contains("2.2"), "{diff}");
        b.lang = Some("zh");
        let page = t.send(b.get(&rev2)).await.body;
        assert!(
            page.contains("修订原因") && page.contains("30% 定金") || page.contains("定金"),
            "Chinese page"
        );
        let list = t.send(b.get("/quotes")).await.body;
        assert!(
            list.contains("rev. 2") && !list.contains("rev. 1"),
            "the list shows the latest revision"
        );
        let customer = t.send(b.get(&format!("/customers/{tc}"))).await.body;
        assert!(customer.contains("id=\"new-quote-for-customer\""));
    }
);

app_test!(
    a_quote_shows_container_fit_and_warns_when_the_rate_moved,
    |t| {
        let mgr = t.token("mgr").await;
        let p = json!({"sku": "PNL-600", "name_en": "LED panel 600x600 40W", "pcs_per_carton": 4, "carton_l_cm": "62", "carton_w_cm": "62",
        "carton_h_cm": "30", "net_kg": "10", "gross_kg": "11.2", "prices": {"USD": "9.95"}});
        assert_eq!(
            t.api(&mgr, Method::POST, "/api/v1/products", Some(p))
                .await
                .status,
            StatusCode::CREATED
        );
        let tom = t.token("tom").await;
        let mut q = quote(t.tom_customer);
        q["lines"] = json!([{"sku": "PNL-600", "quantity": "2000"}]);
        let r = t.api(&tom, Method::POST, "/api/v1/quotes", Some(q)).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "the API takes lines as given: {}",
            r.body
        );
        let b = t.browser("tom").await;
        let tc = t.tom_customer.to_string();
        let form = [
            ("customer_id", tc.as_str()),
            ("currency", "USD"),
            ("rate", "7.1"),
            ("incoterm", "FOB"),
            ("place", "Ningbo"),
            ("payment_terms", "30/70"),
            ("lead_time", "30 days"),
            ("lines[0].sku", "PNL-600"),
            ("lines[0].quantity", "2000"),
        ];
        let r = t.send(b.post("/quotes", &form)).await;
        assert_eq!(
            r.status,
            StatusCode::SEE_OTHER,
            "the form fills the line from the product: {}",
            r.body
        );
        let path = r.location().split('?').next().unwrap().to_string();
        let page = t.send(b.get(&path)).await.body;
        assert!(
            page.contains("USD 19,900.00"),
            "price from the USD price list"
        );
        assert!(
            page.contains("id=\"container-fit\"")
                && page.contains("500 cartons")
                && page.contains("57.660 m³"),
            "{page}"
        );
        assert!(!page.contains("id=\"requote-warning\""));
        let fin = t.token("fin").await;
        let r = t
            .api(
                &fin,
                Method::POST,
                "/api/v1/rates",
                Some(json!({"base": "USD", "quote": "CNY", "rate": "7.40"})),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED);
        let page = t.send(b.get(&path)).await.body;
        assert!(
            page.contains("id=\"requote-warning\"") && page.contains("+4.23%"),
            "{page}"
        );
    }
);
