//! The inquiry inbox over HTTP: the analyze endpoint's contract, storing and linking inquiries,
//! the signals a follow-up records, uploads, and the pages in both languages.

use crate::app_test;
use crate::helpers::TestApp;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::json;

const RFQ: &str = "We are looking for 1000 pcs 100W outdoor LED flood lights, 5000K, IP65, with CE and RoHS, target market is Germany. Please quote FOB Ningbo and lead time.";

app_test!(
    analyze_answers_the_cli_contract_without_storing_anything,
    |t| {
        let tom = t.token("tom").await;
        let r = t
            .api(
                &tom,
                Method::POST,
                "/api/v1/inquiries/analyze",
                Some(json!({"id": "a1", "text": RFQ})),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let a = r.json();
        assert_eq!(a["id"], "a1");
        assert_eq!(a["completeness"]["grade"], "high");
        assert_eq!(a["facts"]["quantity"], 1000);
        assert_eq!(a["facts"]["incoterm"], "FOB");
        for k in ["language", "risk", "questions"] {
            assert!(!a[k].is_null(), "{k}");
        }
        let r = t
            .api(
                &tom,
                Method::POST,
                "/api/v1/inquiries/analyze",
                Some(json!({"id": 2})),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let list = t
            .api(&tom, Method::GET, "/api/v1/inquiries", None)
            .await
            .json();
        assert_eq!(list["total"], 1, "only the fixture's inquiry");
    }
);

app_test!(
    a_follow_up_that_answers_the_questions_marks_the_buyer_willing_and_sets_completeness,
    |t| {
        let tom = t.token("tom").await;
        let first = json!({"text": "Hello, please send price for LED strips.", "from": "Jens <jens@hamburg-licht.de>", "customer_id": t.tom_customer});
        let r = t
            .api(&tom, Method::POST, "/api/v1/inquiries", Some(first))
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        assert_eq!(r.json()["analysis"]["completeness"]["grade"], "low");
        let second = json!({"text": RFQ});
        let r = t
            .api(&tom, Method::POST, "/api/v1/inquiries", Some(second))
            .await;
        let id = r.json()["id"].as_i64().unwrap();
        let r = t
            .api(
                &tom,
                Method::PUT,
                &format!("/api/v1/inquiries/{id}"),
                Some(json!({"customer_id": t.tom_customer})),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let c = t
            .api(
                &tom,
                Method::GET,
                &format!("/api/v1/customers/{}", t.tom_customer),
                None,
            )
            .await
            .json();
        assert_eq!(
            c["completeness"], "high",
            "completeness follows the best inquiry"
        );
        let b = t.browser("tom").await;
        let page = t
            .send(b.get(&format!("/customers/{}", t.tom_customer)))
            .await
            .body;
        assert!(
            page.contains("signal-willing_to_supplement"),
            "signal shown on the customer page"
        );
    }
);

app_test!(
    a_buyer_who_only_haggles_is_marked_evasive_and_a_persons_grade_is_kept,
    |t| {
        let tom = t.token("tom").await;
        t.api(
            &tom,
            Method::PATCH,
            &format!("/api/v1/customers/{}", t.tom_customer),
            Some(json!({"completeness": "medium"})),
        )
        .await;
        for text in [
            "Hi, what is your best price for LED bulbs?",
            "Your price is too high, give me a cheaper price please.",
        ] {
            let r = t
                .api(
                    &tom,
                    Method::POST,
                    "/api/v1/inquiries",
                    Some(json!({"text": text, "customer_id": t.tom_customer})),
                )
                .await;
            assert_eq!(r.status, StatusCode::CREATED);
        }
        let c = t
            .api(
                &tom,
                Method::GET,
                &format!("/api/v1/customers/{}", t.tom_customer),
                None,
            )
            .await
            .json();
        assert_eq!(
            c["completeness"], "medium",
            "a person's grade is not overwritten"
        );
        let signals = leadledger_app::inquiries::signals(
            &t.app,
            &crate::helpers::actor(&t.app, "tom").await,
            t.tom_customer,
        )
        .await
        .unwrap();
        assert_eq!(signals.len(), 1);
        assert_eq!(signals[0].kind, "evasive");
    }
);

app_test!(inquiries_of_another_sales_users_buyer_stay_hidden, |t| {
    let tom = t.token("tom").await;
    let r = t
        .api(
            &tom,
            Method::POST,
            "/api/v1/inquiries",
            Some(json!({"text": RFQ, "customer_id": t.tom_customer})),
        )
        .await;
    let id = r.json()["id"].as_i64().unwrap();
    let lily = t.token("lily").await;
    assert_eq!(
        t.api(&lily, Method::GET, &format!("/api/v1/inquiries/{id}"), None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let r = t
        .api(
            &lily,
            Method::POST,
            "/api/v1/inquiries",
            Some(json!({"text": RFQ, "customer_id": t.tom_customer})),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let fin = t.token("fin").await;
    assert_eq!(
        t.api(
            &fin,
            Method::POST,
            "/api/v1/inquiries",
            Some(json!({"text": RFQ}))
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        t.api(&lily, Method::GET, "/api/v1/inquiries", None)
            .await
            .json()["total"],
        0
    );
});

fn multipart(
    boundary: &str,
    csrf: &str,
    fields: &[(&str, &str)],
    file: Option<(&str, &str)>,
) -> String {
    let mut body =
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{csrf}\r\n");
    for (k, v) in fields {
        body +=
            &format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n");
    }
    if let Some((name, content)) = file {
        body += &format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: message/rfc822\r\n\r\n{content}\r\n"
        );
    }
    body + &format!("--{boundary}--\r\n")
}

async fn post_multipart(
    t: &TestApp,
    b: &crate::helpers::Browser,
    body: String,
) -> crate::helpers::Resp {
    t.send(
        Request::post("/inquiries")
            .header(header::COOKIE, format!("ll_session={}", b.session))
            .header(header::CONTENT_TYPE, "multipart/form-data; boundary=XyZ")
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

app_test!(
    pasting_an_inquiry_shows_its_analysis_with_questions_in_both_languages,
    |t| {
        let mut b = t.browser("lily").await;
        let r = post_multipart(
            &t,
            &b,
            multipart(
                "XyZ",
                &b.csrf,
                &[
                    ("text", "Hi, please send me your best price for LED lights."),
                    ("subject", "price"),
                    ("from", ""),
                ],
                None,
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let path = r.location().to_string();
        let page = t.send(b.get(&path)).await.body;
        assert!(
            page.contains("id=\"questions\"") && page.contains("data-copy=\"questions\""),
            "questions with a copy button"
        );
        assert!(page.contains("Missing") && page.contains("Quantity"));
        b.lang = Some("zh");
        let page = t.send(b.get(&path)).await.body;
        assert!(page.contains("需要追问的问题") && page.contains("缺少"));
        let list = t.send(b.get("/inquiries?grade=low")).await.body;
        assert!(list.contains(&path));
    }
);

app_test!(
    an_uploaded_eml_is_parsed_and_a_missing_token_or_empty_form_is_refused,
    |t| {
        let b = t.browser("lily").await;
        let eml = "From: Ahmed <ahmed@alnoor-trading.ae>\r\nTo: sales@example.cn\r\nSubject: RFQ floodlights\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nWe need 500 pcs LED flood light 200W IP66, SASO certified, CFR Jebel Ali. Payment L/C at sight. Lead time?\r\n";
        let r = post_multipart(
            &t,
            &b,
            multipart("XyZ", &b.csrf, &[], Some(("rfq.eml", eml))),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = t.send(b.get(r.location())).await.body;
        assert!(page.contains("RFQ floodlights") && page.contains("ahmed@alnoor-trading.ae"));
        assert!(
            page.contains("/customers/new?from_inquiry="),
            "offers to create the buyer"
        );
        let r = post_multipart(&t, &b, multipart("XyZ", "wrong", &[("text", "x")], None)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let r = post_multipart(
            &t,
            &b,
            multipart(
                "XyZ",
                &b.csrf,
                &[("text", "  "), ("subject", "typed subject")],
                None,
            ),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("typed subject"), "what was typed is kept");
    }
);

app_test!(
    creating_a_buyer_from_an_inquiry_prefills_the_form_and_links_it,
    |t| {
        let b = t.browser("lily").await;
        let text = "We need 500 pcs LED flood light 200W IP66 for Qatar, CFR Hamad port.\n\nBest regards\nOmar\nDoha Lights Trading W.L.L.\nwww.dohalights.qa";
        let r = post_multipart(
            &t,
            &b,
            multipart(
                "XyZ",
                &b.csrf,
                &[("text", text), ("from", "Omar <omar@dohalights.qa>")],
                None,
            ),
        )
        .await;
        let iid = r.location().trim_start_matches("/inquiries/").to_string();
        let form = t
            .send(b.get(&format!("/customers/new?from_inquiry={iid}")))
            .await
            .body;
        assert!(
            form.contains("value=\"omar@dohalights.qa\""),
            "contact email prefilled"
        );
        assert!(form.contains("name=\"from_inquiry\""));
        let r = t
            .send(b.post(
                "/customers",
                &[
                    ("name", "Doha Lights Trading W.L.L."),
                    ("country", "QA"),
                    ("from_inquiry", &iid),
                    ("contact_name", "Omar"),
                    ("contact_emails", "omar@dohalights.qa"),
                ],
            ))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let cid: i64 = r
            .location()
            .trim_start_matches("/customers/")
            .split('?')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let lily = t.token("lily").await;
        let i = t
            .api(
                &lily,
                Method::GET,
                &format!("/api/v1/inquiries/{iid}"),
                None,
            )
            .await
            .json();
        assert_eq!(i["customer_id"], cid);
    }
);
