//! The role and ownership matrix, route by route: every page and API route is requested by each
//! of the five users, against a customer owned by tom, one owned by lily and one in the public
//! pool, and the status must be the expected one. Writes are checked with a fresh app per route
//! so one route's change cannot hide another's answer.

use crate::app_test;
use crate::helpers::{TestApp, USERS};
use axum::http::Method;
use serde_json::json;

const OK: u16 = 200;
const SEE: u16 = 303;
const CREATED: u16 = 201;
const GONE: u16 = 204;
const FORB: u16 = 403;
const NF: u16 = 404;
const BAD: u16 = 400;

/// Expected statuses in the order of `USERS`: boss, mgr, lily, tom, fin.
type Row = [u16; 5];

async fn check_pages(t: &TestApp, path: &str, want: Row) {
    for (i, (user, _)) in USERS.iter().enumerate() {
        let b = t.browser(user).await;
        let r = t.send(b.get(path)).await;
        assert_eq!(
            r.status.as_u16(),
            want[i],
            "GET {path} as {user}: {}",
            &r.body[..r.body.len().min(300)]
        );
    }
}

app_test!(
    every_page_answers_each_role_as_the_ownership_rules_say,
    |t| {
        let (tc, lc, pc, ct) = (
            t.tom_customer,
            t.lily_customer,
            t.pool_customer,
            t.tom_contact,
        );
        let (field, inquiry) = (t.field, t.inquiry);
        let rows: Vec<(String, Row)> = vec![
            ("/customers".into(), [OK, OK, OK, OK, OK]),
            (
                "/customers?country=DE&sort=name".into(),
                [OK, OK, OK, OK, OK],
            ),
            ("/customers/new".into(), [OK, OK, OK, OK, FORB]),
            (format!("/customers/{tc}"), [OK, OK, NF, OK, OK]),
            (format!("/customers/{lc}"), [OK, OK, OK, NF, OK]),
            (format!("/customers/{pc}"), [OK, OK, OK, OK, OK]),
            (format!("/customers/{tc}/edit"), [OK, OK, NF, OK, FORB]),
            (format!("/customers/{pc}/edit"), [OK, OK, OK, OK, FORB]),
            (format!("/customers/{tc}/merge"), [OK, OK, NF, OK, FORB]),
            (format!("/contacts/{ct}/edit"), [OK, OK, NF, OK, FORB]),
            ("/activities".into(), [OK, OK, OK, OK, OK]),
            ("/inquiries".into(), [OK, OK, OK, OK, OK]),
            (
                "/inquiries?risk=scam&grade=low".into(),
                [OK, OK, OK, OK, OK],
            ),
            ("/inquiries/999999".into(), [NF, NF, NF, NF, NF]),
            ("/tags".into(), [OK, OK, OK, OK, OK]),
            ("/products".into(), [OK, OK, OK, OK, OK]),
            ("/rates".into(), [OK, OK, OK, OK, OK]),
            ("/quotes".into(), [OK, OK, OK, OK, OK]),
            ("/orders".into(), [OK, OK, OK, OK, OK]),
            ("/invoices".into(), [OK, OK, OK, OK, OK]),
            ("/payments".into(), [OK, OK, OK, OK, OK]),
            ("/payments/new".into(), [OK, OK, OK, OK, OK]),
            (
                format!("/payments/new?customer_id={tc}"),
                [OK, OK, OK, OK, OK],
            ),
            ("/receivables".into(), [OK, OK, OK, OK, OK]),
            (
                "/receivables?as_of=2030-01-01&overdue=1".into(),
                [OK, OK, OK, OK, OK],
            ),
            (
                "/receivables?as_of=someday".into(),
                [BAD, BAD, BAD, BAD, BAD],
            ),
            ("/payments/999999".into(), [NF, NF, NF, NF, NF]),
            ("/quotes/new".into(), [OK, OK, OK, OK, OK]),
            ("/settings/company".into(), [OK, FORB, FORB, FORB, FORB]),
            ("/products.csv".into(), [OK, OK, OK, OK, OK]),
            ("/products/new".into(), [OK, OK, FORB, FORB, FORB]),
            ("/settings/fields".into(), [OK, FORB, FORB, FORB, FORB]),
            (
                format!("/settings/fields/{field}"),
                [OK, FORB, FORB, FORB, FORB],
            ),
            (format!("/inquiries/{inquiry}"), [OK, OK, NF, OK, OK]),
            ("/users".into(), [OK, FORB, FORB, FORB, FORB]),
            ("/audit".into(), [OK, FORB, FORB, FORB, FORB]),
            ("/customers/999999".into(), [NF, NF, NF, NF, NF]),
            ("/customers/abc".into(), [NF, NF, NF, NF, NF]),
            ("/no-such-page".into(), [NF, NF, NF, NF, NF]),
        ];
        for (path, want) in rows {
            check_pages(&t, &path, want).await;
        }
    }
);

app_test!(
    the_customer_list_shows_sales_only_their_own_and_pool_customers,
    |t| {
        let lily = t.browser("lily").await;
        let body = t.send(lily.get("/customers")).await.body;
        assert!(
            body.contains("Sol Andino")
                && body.contains("Open Pool Trading")
                && !body.contains("Hamburg Licht")
        );
        let fin = t.browser("fin").await;
        let body = t.send(fin.get("/customers")).await.body;
        assert!(body.contains("Sol Andino") && body.contains("Hamburg Licht"));
    }
);

/// One state-changing page route: `(path, fields)`, expected per role.
async fn check_post(path: &str, fields: &[(&str, &str)], want: Row) {
    for (i, (user, _)) in USERS.iter().enumerate() {
        let t = TestApp::new().await;
        let path = path
            .replace("{tc}", &t.tom_customer.to_string())
            .replace("{pc}", &t.pool_customer.to_string())
            .replace("{ct}", &t.tom_contact.to_string())
            .replace("{act}", &t.tom_activity.to_string())
            .replace("{tag}", &t.tag.to_string())
            .replace("{field}", &t.field.to_string())
            .replace("{inq}", &t.inquiry.to_string());
        let fields: Vec<(&str, String)> = fields
            .iter()
            .map(|(k, v)| (*k, v.replace("{pc}", &t.pool_customer.to_string())))
            .collect();
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let b = t.browser(user).await;
        let r = t.send(b.post(&path, &fields)).await;
        assert_eq!(
            r.status.as_u16(),
            want[i],
            "POST {path} as {user}: {}",
            &r.body[..r.body.len().min(300)]
        );
        t.cleanup().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_write_answers_each_role_as_the_ownership_rules_say() {
    let customer = [
        ("name", "Hamburg Licht GmbH"),
        ("country", "DE"),
        ("status", "prospect"),
        ("owner", ""),
    ];
    check_post("/customers/{tc}", &customer, [SEE, SEE, NF, SEE, FORB]).await;
    check_post("/customers/{tc}/delete", &[], [SEE, SEE, NF, FORB, FORB]).await;
    check_post(
        "/customers/{pc}/owner",
        &[("owner", "me")],
        [SEE, SEE, SEE, SEE, FORB],
    )
    .await;
    check_post(
        "/customers/{tc}/owner",
        &[("owner", "pool")],
        [SEE, SEE, NF, SEE, FORB],
    )
    .await;
    check_post(
        "/customers/{tc}/contacts",
        &[("name", "Anna")],
        [SEE, SEE, NF, SEE, FORB],
    )
    .await;
    check_post(
        "/contacts/{ct}",
        &[("name", "Jens")],
        [SEE, SEE, NF, SEE, FORB],
    )
    .await;
    check_post("/contacts/{ct}/delete", &[], [SEE, SEE, NF, SEE, FORB]).await;
    check_post(
        "/customers/{tc}/activities",
        &[("kind", "call"), ("minutes", "10")],
        [SEE, SEE, NF, SEE, FORB],
    )
    .await;
    check_post(
        "/customers",
        &[("name", "Brand New Buyer Ltd"), ("country", "GB")],
        [SEE, SEE, SEE, SEE, FORB],
    )
    .await;
    check_post(
        "/tags",
        &[("name", "VIP"), ("color", "#aa0000")],
        [SEE, SEE, SEE, SEE, FORB],
    )
    .await;
    check_post(
        "/settings/fields",
        &[
            ("key", "volume"),
            ("label_en", "Volume"),
            ("kind", "number"),
        ],
        [SEE, FORB, FORB, FORB, FORB],
    )
    .await;
    check_post(
        "/products",
        &[("sku", "T-1"), ("name_en", "Test")],
        [SEE, SEE, FORB, FORB, FORB],
    )
    .await;
    check_post(
        "/rates",
        &[("m_base", "USD"), ("m_quote", "CNY"), ("m_rate", "7.1")],
        [SEE, SEE, FORB, FORB, SEE],
    )
    .await;
    check_post(
        "/users",
        &[
            ("username", "newbie"),
            ("role", "sales"),
            ("password", "longpassword"),
        ],
        [SEE, FORB, FORB, FORB, FORB],
    )
    .await;
}

/// One API route: method, path, body, expected per role.
async fn check_api(method: Method, path: &str, body: Option<serde_json::Value>, want: Row) {
    for (i, (user, _)) in USERS.iter().enumerate() {
        let t = TestApp::new().await;
        let path = path
            .replace("{tc}", &t.tom_customer.to_string())
            .replace("{lc}", &t.lily_customer.to_string())
            .replace("{pc}", &t.pool_customer.to_string())
            .replace("{ct}", &t.tom_contact.to_string())
            .replace("{act}", &t.tom_activity.to_string())
            .replace("{tag}", &t.tag.to_string())
            .replace("{field}", &t.field.to_string())
            .replace("{inq}", &t.inquiry.to_string());
        let body = body.as_ref().map(|b| {
            serde_json::from_str(
                &b.to_string()
                    .replace("\"{tc}\"", &t.tom_customer.to_string()),
            )
            .unwrap()
        });
        let token = t.token(user).await;
        let r = t.api(&token, method.clone(), &path, body).await;
        assert_eq!(
            r.status.as_u16(),
            want[i],
            "{method} {path} as {user}: {}",
            r.body
        );
        if !r.status.is_success() {
            let e = r.json();
            assert!(
                e["code"].is_string() && e["message"].is_string() && e["fields"].is_object(),
                "error shape: {}",
                r.body
            );
        }
        t.cleanup().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_api_route_answers_each_role_as_the_ownership_rules_say() {
    use Method as M;
    check_api(M::GET, "/api/v1/customers", None, [OK, OK, OK, OK, OK]).await;
    check_api(M::GET, "/api/v1/customers/{tc}", None, [OK, OK, NF, OK, OK]).await;
    check_api(M::GET, "/api/v1/customers/{lc}", None, [OK, OK, OK, NF, OK]).await;
    check_api(
        M::POST,
        "/api/v1/customers",
        Some(json!({"name": "Api Buyer BV", "country": "NL"})),
        [CREATED, CREATED, CREATED, CREATED, FORB],
    )
    .await;
    check_api(
        M::PUT,
        "/api/v1/customers/{tc}",
        Some(json!({"name": "Hamburg Licht GmbH", "country": "DE", "status": "customer"})),
        [OK, OK, NF, OK, FORB],
    )
    .await;
    check_api(
        M::PATCH,
        "/api/v1/customers/{tc}",
        Some(json!({"status": "customer"})),
        [OK, OK, NF, OK, FORB],
    )
    .await;
    check_api(
        M::PATCH,
        "/api/v1/customers/{pc}",
        Some(json!({"owner": "lily"})),
        [OK, OK, OK, 422, FORB],
    )
    .await;
    check_api(
        M::DELETE,
        "/api/v1/customers/{tc}",
        None,
        [GONE, GONE, NF, FORB, FORB],
    )
    .await;
    check_api(
        M::POST,
        "/api/v1/customers/{tc}/merge",
        Some(json!({"from": 999999})),
        [NF, NF, NF, NF, FORB],
    )
    .await;
    check_api(
        M::GET,
        "/api/v1/contacts?customer_id={tc}",
        None,
        [OK, OK, NF, OK, OK],
    )
    .await;
    check_api(M::GET, "/api/v1/contacts/{ct}", None, [OK, OK, NF, OK, OK]).await;
    check_api(
        M::POST,
        "/api/v1/contacts",
        Some(json!({"customer_id": "{tc}", "name": "Anna"})),
        [CREATED, CREATED, NF, CREATED, FORB],
    )
    .await;
    check_api(
        M::PUT,
        "/api/v1/contacts/{ct}",
        Some(json!({"name": "Jens"})),
        [OK, OK, NF, OK, FORB],
    )
    .await;
    check_api(
        M::DELETE,
        "/api/v1/contacts/{ct}",
        None,
        [GONE, GONE, NF, GONE, FORB],
    )
    .await;
    check_api(
        M::GET,
        "/api/v1/activities?customer_id={tc}",
        None,
        [OK, OK, NF, OK, OK],
    )
    .await;
    check_api(
        M::POST,
        "/api/v1/activities",
        Some(json!({"customer_id": "{tc}", "kind": "call"})),
        [CREATED, CREATED, NF, CREATED, FORB],
    )
    .await;
    check_api(M::GET, "/api/v1/tags", None, [OK, OK, OK, OK, OK]).await;
    check_api(M::GET, "/api/v1/products", None, [OK, OK, OK, OK, OK]).await;
    check_api(M::GET, "/api/v1/rates", None, [OK, OK, OK, OK, OK]).await;
    check_api(M::GET, "/api/v1/quotes", None, [OK, OK, OK, OK, OK]).await;
    check_api(M::GET, "/api/v1/sales-orders", None, [OK, OK, OK, OK, OK]).await;
    check_api(M::GET, "/api/v1/invoices", None, [OK, OK, OK, OK, OK]).await;
    check_api(M::GET, "/api/v1/payments", None, [OK, OK, OK, OK, OK]).await;
    let p = json!({"customer_id": "{tc}", "currency": "CNY", "received": "1000"});
    check_api(
        M::POST,
        "/api/v1/payments",
        Some(p),
        [CREATED, CREATED, FORB, FORB, CREATED],
    )
    .await;
    let q = json!({"customer_id": "{tc}", "currency": "CNY", "incoterm": "EXW", "place": "Ningbo factory", "payment_terms": "100% T/T in advance",
        "lead_time": "20 days", "lines": [{"description": "Sample lamps", "quantity": "2", "unit_price": "50"}]});
    check_api(
        M::POST,
        "/api/v1/quotes",
        Some(q),
        [CREATED, CREATED, NF, CREATED, FORB],
    )
    .await;
    check_api(
        M::POST,
        "/api/v1/rates",
        Some(json!({"base": "USD", "quote": "CNY", "rate": "7.1"})),
        [CREATED, CREATED, FORB, FORB, CREATED],
    )
    .await;
    check_api(
        M::POST,
        "/api/v1/products",
        Some(json!({"sku": "T-1", "name_en": "Test"})),
        [CREATED, CREATED, FORB, FORB, FORB],
    )
    .await;
    check_api(
        M::POST,
        "/api/v1/tags",
        Some(json!({"name": "VIP"})),
        [CREATED, CREATED, CREATED, CREATED, FORB],
    )
    .await;
    check_api(M::GET, "/api/v1/custom-fields", None, [OK, OK, OK, OK, OK]).await;
    check_api(
        M::POST,
        "/api/v1/custom-fields",
        Some(json!({"key": "volume", "label_en": "Volume", "kind": "number"})),
        [CREATED, FORB, FORB, FORB, FORB],
    )
    .await;
    check_api(M::GET, "/api/v1/me", None, [OK, OK, OK, OK, OK]).await;
    check_api(
        M::POST,
        "/api/v1/customers/duplicates",
        Some(json!({"name": "Hamburg Licht", "country": "DE"})),
        [OK, OK, OK, OK, FORB],
    )
    .await;
    check_api(
        M::GET,
        "/api/v1/activities/{act}",
        None,
        [OK, OK, NF, OK, OK],
    )
    .await;
    check_api(
        M::PUT,
        "/api/v1/activities/{act}",
        Some(json!({"kind": "meeting", "minutes": 30})),
        [OK, OK, NF, OK, FORB],
    )
    .await;
    check_api(
        M::DELETE,
        "/api/v1/activities/{act}",
        None,
        [GONE, GONE, NF, GONE, FORB],
    )
    .await;
    check_api(M::GET, "/api/v1/tags/{tag}", None, [OK, OK, OK, OK, OK]).await;
    check_api(
        M::PUT,
        "/api/v1/tags/{tag}",
        Some(json!({"name": "VIP2"})),
        [OK, OK, FORB, FORB, FORB],
    )
    .await;
    check_api(
        M::DELETE,
        "/api/v1/tags/{tag}",
        None,
        [GONE, GONE, FORB, FORB, FORB],
    )
    .await;
    check_api(
        M::GET,
        "/api/v1/custom-fields/{field}",
        None,
        [OK, OK, OK, OK, OK],
    )
    .await;
    check_api(
        M::PUT,
        "/api/v1/custom-fields/{field}",
        Some(json!({"label_en": "Annual volume"})),
        [OK, FORB, FORB, FORB, FORB],
    )
    .await;
    check_api(
        M::DELETE,
        "/api/v1/custom-fields/{field}",
        None,
        [GONE, FORB, FORB, FORB, FORB],
    )
    .await;
    check_api(M::GET, "/api/v1/inquiries", None, [OK, OK, OK, OK, OK]).await;
    check_api(
        M::GET,
        "/api/v1/inquiries/{inq}",
        None,
        [OK, OK, NF, OK, OK],
    )
    .await;
    check_api(
        M::POST,
        "/api/v1/inquiries",
        Some(json!({"text": "Need 100 pcs"})),
        [CREATED, CREATED, CREATED, CREATED, FORB],
    )
    .await;
    check_api(
        M::POST,
        "/api/v1/inquiries/analyze",
        Some(json!({"text": "Need 100 pcs"})),
        [OK, OK, OK, OK, OK],
    )
    .await;
    check_api(
        M::PUT,
        "/api/v1/inquiries/{inq}",
        Some(json!({"customer_id": null})),
        [OK, OK, NF, OK, FORB],
    )
    .await;
    check_api(
        M::DELETE,
        "/api/v1/inquiries/{inq}",
        None,
        [GONE, GONE, NF, GONE, FORB],
    )
    .await;
}
