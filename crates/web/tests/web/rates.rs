//! Exchange rates over HTTP: ECB upload (all or nothing), manual rates, and conversion.

use crate::app_test;
use crate::helpers::{Browser, Resp, TestApp};
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::json;

const DAILY: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gesmes:Envelope xmlns:gesmes=\"http://www.gesmes.org/xml/2002-08-01\" xmlns=\"http://www.ecb.int/vocabulary/2002-08-01/eurofxref\">\n<gesmes:subject>Reference rates</gesmes:subject>\n<Cube><Cube time='2026-12-03'><Cube currency='USD' rate='1.0500'/><Cube currency='CNY' rate='7.4550'/><Cube currency='JPY' rate='157.20'/></Cube></Cube>\n</gesmes:Envelope>\n";

async fn upload(t: &TestApp, b: &Browser, xml: &str) -> Resp {
    let body = format!(
        "--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{}\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ecb.xml\"\r\nContent-Type: text/xml\r\n\r\n{xml}\r\n--XyZ--\r\n",
        b.csrf
    );
    t.send(
        Request::post("/rates/import")
            .header(header::COOKIE, format!("ll_session={}", b.session))
            .header(header::CONTENT_TYPE, "multipart/form-data; boundary=XyZ")
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

app_test!(
    an_ecb_upload_gives_cross_rates_and_a_broken_file_changes_nothing,
    |t| {
        let fin = t.browser("fin").await;
        let r = upload(&t, &fin, &DAILY.replace("7.4550", "seven")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let token = t.token("fin").await;
        assert_eq!(
            t.api(&token, Method::GET, "/api/v1/rates", None)
                .await
                .json()["total"],
            0
        );
        let r = upload(&t, &fin, DAILY).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let c = t
            .api(
                &token,
                Method::GET,
                "/api/v1/rates/convert?from=USD&to=CNY&date=2026-12-03",
                None,
            )
            .await
            .json();
        assert_eq!(
            c,
            json!({"base": "USD", "quote": "CNY", "rate": "7.1", "date": "2026-12-03", "source": "ecb_cross"})
        );
        let lily = t.browser("lily").await;
        let r = upload(&t, &lily, DAILY).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "sales do not import rates");
        let page = t.send(lily.get("/rates")).await.body;
        assert!(
            page.contains("id=\"today-rates\"") || page.contains("No rates yet"),
            "sales read rates"
        );
    }
);

app_test!(
    a_newer_manual_rate_wins_over_the_ecb_and_bad_rates_are_refused,
    |t| {
        let fin = t.browser("fin").await;
        upload(&t, &fin, DAILY).await;
        let token = t.token("fin").await;
        let r = t.api(&token, Method::POST, "/api/v1/rates", Some(json!({"base": "USD", "quote": "CNY", "rate": "7.0800", "date": "2026-12-04", "source": "bank"}))).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let c = t
            .api(
                &token,
                Method::GET,
                "/api/v1/rates/convert?from=CNY&to=USD&date=2026-12-04",
                None,
            )
            .await
            .json();
        assert_eq!(c["source"], "bank");
        assert_eq!(c["date"], "2026-12-04");
        let c = t
            .api(
                &token,
                Method::GET,
                "/api/v1/rates/convert?from=USD&to=CNY&date=2026-12-03",
                None,
            )
            .await
            .json();
        assert_eq!(
            c["source"], "ecb_cross",
            "on the earlier day the ECB rate applies"
        );
        let r = t
            .api(
                &token,
                Method::POST,
                "/api/v1/rates",
                Some(json!({"base": "USD", "quote": "USD", "rate": "0"})),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.json()["fields"]["quote"].is_object() || r.json()["fields"]["rate"].is_object());
        let r = t
            .api(
                &token,
                Method::POST,
                "/api/v1/rates",
                Some(json!({"base": "XYZ", "quote": "CNY", "rate": "1e3"})),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.json()["fields"]["base"].is_object() && r.json()["fields"]["rate"].is_object());
        let r = t
            .api(
                &token,
                Method::GET,
                "/api/v1/rates/convert?from=USD&to=BRL",
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let sales = t.token("tom").await;
        let r = t
            .api(
                &sales,
                Method::POST,
                "/api/v1/rates",
                Some(json!({"base": "USD", "quote": "CNY", "rate": "7"})),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let form = t
            .send(fin.post(
                "/rates",
                &[("m_base", "USD"), ("m_quote", "CNY"), ("m_rate", "-1")],
            ))
            .await;
        assert_eq!(form.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(form.body.contains("value=\"-1\""), "the typed rate is kept");
    }
);
