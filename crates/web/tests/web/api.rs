//! The JSON API: shapes, filters, paging, validation errors, duplicates, and the OpenAPI document.

use crate::app_test;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::json;

app_test!(
    a_customer_round_trips_through_the_api_with_tags_custom_values_and_contact,
    |t| {
        let boss = t.token("boss").await;
        let f = t
        .api(&boss, Method::POST, "/api/v1/custom-fields", Some(json!({"key": "buyer_type", "label_en": "Buyer type", "label_zh": "买家类型", "kind": "single_select", "options": [{"label": "Distributor"}, {"label": "Retailer"}]})))
        .await;
        assert_eq!(f.status, StatusCode::CREATED, "{}", f.body);
        let lily = t.token("lily").await;
        let body = json!({
            "name": "Lagos Build Supplies Ltd", "country": "NG", "website": "lagosbuild.ng", "source": "trade_show",
            "source_detail": "Canton Fair 2026", "status": "prospect", "completeness": "medium", "requirement_clear": true,
            "stage": "sample", "tags": ["回款准时"], "custom": {"buyer_type": "Distributor"},
            "contact": {"name": "Ada Obi", "emails": ["ada@lagosbuild.ng"], "phones": ["+234 803 000 0000"]}
        });
        let r = t
            .api(&lily, Method::POST, "/api/v1/customers", Some(body))
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let c = r.json();
        assert_eq!(c["country"], "NG");
        assert_eq!(c["region"], "africa");
        assert_eq!(c["owner"], "lily");
        assert_eq!(c["tags"], json!(["回款准时"]));
        assert_eq!(c["custom"]["buyer_type"], "Distributor");
        let id = c["id"].as_i64().unwrap();
        let contacts = t
            .api(
                &lily,
                Method::GET,
                &format!("/api/v1/contacts?customer_id={id}"),
                None,
            )
            .await
            .json();
        assert_eq!(contacts["items"][0]["emails"], json!(["ada@lagosbuild.ng"]));
        let r = t
            .api(
                &lily,
                Method::PATCH,
                &format!("/api/v1/customers/{id}"),
                Some(json!({"status": "customer", "owner": null})),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(r.json()["status"], "customer");
        assert_eq!(r.json()["owner"], serde_json::Value::Null);
        assert_eq!(
            r.json()["tags"],
            json!(["回款准时"]),
            "PATCH without tags keeps them"
        );
    }
);

app_test!(lists_are_paged_and_filtered_with_a_total, |t| {
    let boss = t.token("boss").await;
    let r = t
        .api(
            &boss,
            Method::GET,
            "/api/v1/customers?per_page=2&sort=name",
            None,
        )
        .await
        .json();
    assert_eq!(r["total"], 3);
    assert_eq!(r["per_page"], 2);
    assert_eq!(r["items"].as_array().unwrap().len(), 2);
    assert_eq!(r["items"][0]["name"], "Hamburg Licht GmbH");
    let r = t
        .api(&boss, Method::GET, "/api/v1/customers?country=CL", None)
        .await
        .json();
    assert_eq!(r["total"], 1);
    let r = t
        .api(&boss, Method::GET, "/api/v1/customers?owner=pool", None)
        .await
        .json();
    assert_eq!(r["items"][0]["name"], "Open Pool Trading LLC");
    let r = t
        .api(&boss, Method::GET, "/api/v1/customers?region=europe", None)
        .await
        .json();
    assert_eq!(r["total"], 1);
    let r = t
        .api(&boss, Method::GET, "/api/v1/customers?per_page=501", None)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.json()["fields"]["per_page"].is_object());
});

app_test!(
    invalid_bodies_answer_422_naming_every_field_and_change_nothing,
    |t| {
        let tom = t.token("tom").await;
        let r = t.api(&tom, Method::POST, "/api/v1/customers", Some(json!({"name": "", "country": "XX", "status": "vip", "email_domain": "no domain"}))).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let e = r.json();
        assert_eq!(e["code"], "invalid_input");
        for f in ["name", "country", "status", "email_domain"] {
            assert!(e["fields"][f]["code"].is_string(), "{f} in {}", r.body);
        }
        let r = t
            .send(
                Request::post("/api/v1/customers")
                    .header(header::AUTHORIZATION, format!("Bearer {tom}"))
                    .body(Body::from("{not json"))
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        assert_eq!(r.json()["code"], "bad_request");
        let total = t
            .api(&tom, Method::GET, "/api/v1/customers", None)
            .await
            .json()["total"]
            .clone();
        assert_eq!(total, 2);
    }
);

app_test!(an_unknown_custom_field_option_is_refused, |t| {
    let boss = t.token("boss").await;
    t.api(&boss, Method::POST, "/api/v1/custom-fields", Some(json!({"key": "certs", "label_en": "Certs", "kind": "multi_select", "options": [{"label": "CE"}, {"label": "UL"}]}))).await;
    let r = t
        .api(
            &boss,
            Method::PATCH,
            &format!("/api/v1/customers/{}", t.tom_customer),
            Some(json!({"custom": {"certs": ["CE", "FDA"]}})),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(r.json()["fields"]["cf_certs"]["code"], "unknown_option");
    let r = t
        .api(
            &boss,
            Method::PATCH,
            &format!("/api/v1/customers/{}", t.tom_customer),
            Some(json!({"custom": {"certs": ["CE", "UL"]}})),
        )
        .await;
    assert_eq!(r.json()["custom"]["certs"], json!(["CE", "UL"]));
    let r = t
        .api(&boss, Method::GET, "/api/v1/customers?cf_certs=UL", None)
        .await
        .json();
    assert_eq!(r["total"], 1);
    let r = t
        .api(&boss, Method::GET, "/api/v1/customers?cf_certs=FDA", None)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
});

app_test!(
    creating_a_duplicate_through_the_api_answers_409_with_candidates_unless_confirmed,
    |t| {
        let lily = t.token("lily").await;
        let body = json!({"name": "hamburg licht", "country": "DE"});
        let r = t
            .api(&lily, Method::POST, "/api/v1/customers", Some(body.clone()))
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        assert_eq!(r.json()["code"], "duplicate_candidates");
        assert_eq!(r.json()["candidates"][0]["reasons"], json!(["name"]));
        let check = t.api(&lily, Method::POST, "/api/v1/customers/duplicates", Some(json!({"name": "Other", "country": "DE", "contact": {"name": "x", "emails": ["jens@hamburg-licht.de"]}}))).await;
        assert_eq!(check.json()["candidates"][0]["owner"], "tom");
        let mut confirmed = body;
        confirmed["confirm_duplicates"] = json!(true);
        assert_eq!(
            t.api(&lily, Method::POST, "/api/v1/customers", Some(confirmed))
                .await
                .status,
            StatusCode::CREATED
        );
    }
);

app_test!(
    api_calls_need_a_token_or_a_session_with_the_csrf_header,
    |t| {
        let r = t
            .send(
                Request::get("/api/v1/customers")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert_eq!(r.json()["code"], "unauthenticated");
        let r = t
            .api("llt_forged", Method::GET, "/api/v1/customers", None)
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        let b = t.browser("tom").await;
        assert_eq!(
            t.send(b.method(Method::GET, "/api/v1/customers", None, false))
                .await
                .status,
            StatusCode::OK
        );
        let body = json!({"name": "Cookie Buyer", "country": "FR"});
        let r = t
            .send(b.method(Method::POST, "/api/v1/customers", Some(&body), false))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert_eq!(r.json()["code"], "csrf");
        let r = t
            .send(b.method(Method::POST, "/api/v1/customers", Some(&body), true))
            .await;
        assert_eq!(r.status, StatusCode::CREATED);
    }
);

app_test!(a_disabled_users_token_stops_working, |t| {
    let token = t.token("tom").await;
    leadledger_app::users::update(&t.app, None, "tom", None, None, Some(true))
        .await
        .unwrap();
    assert_eq!(
        t.api(&token, Method::GET, "/api/v1/me", None).await.status,
        StatusCode::UNAUTHORIZED
    );
});

app_test!(activities_are_typed_and_validated, |t| {
    let tom = t.token("tom").await;
    let r = t
        .api(
            &tom,
            Method::POST,
            "/api/v1/activities",
            Some(json!({"customer_id": t.tom_customer, "kind": "chat", "minutes": 5000})),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.json()["fields"]["kind"].is_object() && r.json()["fields"]["minutes"].is_object());
    let r = t.api(&tom, Method::POST, "/api/v1/activities", Some(json!({"customer_id": t.tom_customer, "kind": "sample_sent", "at": "2026-05-01T09:30:00Z", "minutes": 30, "body": "2 pcs by DHL"}))).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!(r.json()["at"], "2026-05-01T09:30:00Z");
    assert_eq!(r.json()["user"], "tom");
    let list = t
        .api(
            &tom,
            Method::GET,
            "/api/v1/activities?kind=sample_sent",
            None,
        )
        .await
        .json();
    assert_eq!(list["total"], 1);
});

app_test!(every_mutation_leaves_an_audit_entry, |t| {
    let tom = t.token("tom").await;
    t.api(
        &tom,
        Method::PATCH,
        &format!("/api/v1/customers/{}", t.tom_customer),
        Some(json!({"status": "customer"})),
    )
    .await;
    let boss = crate::helpers::actor(&t.app, "boss").await;
    let filter = leadledger_store::audit::AuditFilter {
        entity: Some("customer".into()),
        entity_id: Some(t.tom_customer),
        ..Default::default()
    };
    let log = leadledger_app::audit::list(&t.app, &boss, &filter, Default::default())
        .await
        .unwrap();
    let update = log
        .items
        .iter()
        .find(|a| a.action == "update")
        .expect("update audited");
    assert_eq!(update.actor, "tom");
    assert!(
        update
            .changes
            .contains("\"status\":[\"lead\",\"customer\"]"),
        "{}",
        update.changes
    );
    let tom_actor = crate::helpers::actor(&t.app, "tom").await;
    assert!(
        leadledger_app::audit::list(&t.app, &tom_actor, &filter, Default::default())
            .await
            .is_err()
    );
});

app_test!(the_openapi_document_lists_every_route, |t| {
    let r = t
        .send(
            Request::get("/api/v1/openapi.json")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let doc = r.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for p in [
        "/api/v1/customers",
        "/api/v1/customers/{id}",
        "/api/v1/contacts",
        "/api/v1/activities",
        "/api/v1/tags",
        "/api/v1/custom-fields/{id}",
    ] {
        assert!(doc["paths"][p].is_object(), "{p} missing");
    }
    assert!(doc["components"]["schemas"]["CustomerOut"].is_object());
});

app_test!(an_unknown_api_path_answers_json_404, |t| {
    let tom = t.token("tom").await;
    let r = t.api(&tom, Method::GET, "/api/v1/nothing", None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.json()["code"], "not_found");
    let r = t
        .api(&tom, Method::GET, "/api/v1/customers/abc", None)
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
});
