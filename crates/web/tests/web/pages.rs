//! Page behaviour: sign-in, sessions, CSRF, throttling, languages, forms that keep what was
//! typed, the duplicate warning, merging, and the audit log.

use crate::app_test;
use crate::helpers::{PASSWORD, TestApp, cookie_value};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use leadledger_app::customers;

async fn login_attempt(t: &TestApp, user: &str, password: &str) -> StatusCode {
    let form = t
        .send(Request::get("/login").body(Body::empty()).unwrap())
        .await;
    let c = cookie_value(&form.headers, "ll_login_csrf").unwrap();
    let body = serde_urlencoded::to_string([
        ("_csrf", c.as_str()),
        ("username", user),
        ("password", password),
    ])
    .unwrap();
    t.send(
        Request::post("/login")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, format!("ll_login_csrf={c}"))
            .body(Body::from(body))
            .unwrap(),
    )
    .await
    .status
}

app_test!(pages_redirect_to_sign_in_without_a_session, |t| {
    let r = t
        .send(
            Request::get("/customers?page=2")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/login?next=/customers%3Fpage%3D2");
    let r = t
        .send(
            Request::get("/customers")
                .header(header::COOKIE, "ll_session=forged")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
});

app_test!(
    wrong_credentials_are_refused_with_one_message_for_unknown_users_and_bad_passwords,
    |t| {
        assert_eq!(
            login_attempt(&t, "lily", "wrong").await,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            login_attempt(&t, "nobody", "wrong").await,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            login_attempt(&t, "lily", PASSWORD).await,
            StatusCode::SEE_OTHER
        );
    }
);

app_test!(
    sign_in_is_throttled_after_five_failures_even_with_the_right_password,
    |t| {
        for _ in 0..5 {
            assert_eq!(
                login_attempt(&t, "tom", "nope").await,
                StatusCode::UNAUTHORIZED
            );
        }
        assert_eq!(
            login_attempt(&t, "tom", PASSWORD).await,
            StatusCode::TOO_MANY_REQUESTS
        );
        // Another user from the same address is not locked out by tom's failures.
        assert_eq!(
            login_attempt(&t, "lily", PASSWORD).await,
            StatusCode::SEE_OTHER
        );
    }
);

app_test!(a_login_post_without_the_form_token_is_refused, |t| {
    let body = format!("username=lily&password={PASSWORD}");
    let r = t
        .send(
            Request::post("/login")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(body))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(cookie_value(&r.headers, "ll_session").is_none());
});

app_test!(
    a_form_post_without_the_csrf_token_is_refused_and_changes_nothing,
    |t| {
        let b = t.browser("tom").await;
        let r = t
            .send(b.post_raw(&format!("/customers/{}/delete", t.tom_customer), &[]))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let r = t
            .send(b.post_raw(
                &format!("/customers/{}/delete", t.tom_customer),
                &[("_csrf", "0000")],
            ))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let r = t
            .send(b.get(&format!("/customers/{}", t.tom_customer)))
            .await;
        assert_eq!(r.status, StatusCode::OK);
    }
);

app_test!(a_cross_site_post_is_refused_even_with_the_token, |t| {
    let b = t.browser("tom").await;
    let mut req = b.post(
        &format!("/customers/{}/activities", t.tom_customer),
        &[("kind", "call")],
    );
    req.headers_mut()
        .insert(header::ORIGIN, "https://evil.example".parse().unwrap());
    req.headers_mut()
        .insert(header::HOST, "localhost:8080".parse().unwrap());
    assert_eq!(t.send(req).await.status, StatusCode::FORBIDDEN);
});

app_test!(logging_out_ends_the_session, |t| {
    let b = t.browser("lily").await;
    let r = t.send(b.post("/logout", &[])).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        t.send(b.get("/customers")).await.status,
        StatusCode::SEE_OTHER
    );
});

app_test!(an_expired_session_is_refused, |t| {
    let b = t.browser("lily").await;
    leadledger_store::testing::expire_sessions(&t.app.db)
        .await
        .unwrap();
    assert_eq!(
        t.send(b.get("/customers")).await.status,
        StatusCode::SEE_OTHER
    );
    let token = t.token("lily").await;
    assert_eq!(
        t.api(&token, axum::http::Method::GET, "/api/v1/me", None)
            .await
            .status,
        StatusCode::OK
    );
});

app_test!(the_language_follows_the_cookie_then_accept_language, |t| {
    let mut b = t.browser("lily").await;
    let r = t
        .send(
            Request::get("/login")
                .header(header::ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert!(r.body.contains("登录") && r.body.contains("lang=\"zh-CN\""));
    b.lang = Some("en");
    let r = t.send(b.get("/customers")).await;
    assert!(r.body.contains("Customers") && r.body.contains("lang=\"en\""));
    let r = t.send(b.get("/lang/zh?next=/customers")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(cookie_value(&r.headers, "ll_lang").as_deref(), Some("zh"));
    b.lang = Some("zh");
    let r = t.send(b.get("/customers")).await;
    assert!(r.body.contains("客户") && r.body.contains("公海"));
    let r = t.send(b.get("/lang/zh?next=//evil.example")).await;
    assert_eq!(r.location(), "/");
});

app_test!(
    a_form_with_errors_keeps_what_was_typed_and_marks_the_fields,
    |t| {
        let b = t.browser("lily").await;
        let r = t
            .send(b.post(
                "/customers",
                &[
                    ("name", "Typed Name Co"),
                    ("country", "Atlantis"),
                    ("website", "not a site"),
                    ("contact_emails", "bad@"),
                ],
            ))
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.body.contains("value=\"Typed Name Co\""),
            "typed name kept"
        );
        assert!(r.body.contains("value=\"not a site\""));
        // country, website, and the contact: an email given without a name, and a bad email.
        assert_eq!(r.body.matches("has-error").count(), 4, "{}", r.body);
        let lily = crate::helpers::actor(&t.app, "lily").await;
        let total = customers::list(&t.app, &lily, Default::default(), Default::default())
            .await
            .unwrap()
            .total;
        assert_eq!(total, 2, "nothing was saved");
    }
);

app_test!(
    a_similar_customer_shows_the_duplicate_warning_before_saving,
    |t| {
        let b = t.browser("lily").await;
        // Same company as tom's "Hamburg Licht GmbH", spelled differently: lily cannot see it, but
        // the warning names it and its owner so two people do not chase one buyer.
        let fields = [
            ("name", "HAMBURG-LICHT Co., Ltd."),
            ("country", "DE"),
            ("contact_name", "Jens"),
            ("contact_emails", "jens@hamburg-licht.de"),
        ];
        let r = t.send(b.post("/customers", &fields)).await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        assert!(
            r.body.contains("id=\"duplicate-warning\"")
                && r.body.contains("Hamburg Licht GmbH")
                && r.body.contains("tom")
        );
        assert!(r.body.contains("value=\"HAMBURG-LICHT Co., Ltd.\""));
        let mut confirmed = fields.to_vec();
        confirmed.push(("confirm_duplicates", "1"));
        let r = t.send(b.post("/customers", &confirmed)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    }
);

app_test!(merging_moves_contacts_and_records_an_audit_entry, |t| {
    let boss = t.browser("boss").await;
    let r = t
        .send(boss.post(
            &format!("/customers/{}/merge", t.lily_customer),
            &[("from", &t.tom_customer.to_string())],
        ))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        t.send(boss.get(&format!("/customers/{}", t.tom_customer)))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let page = t
        .send(boss.get(&format!("/customers/{}", t.lily_customer)))
        .await
        .body;
    assert!(page.contains("jens@hamburg-licht.de"), "contact moved");
    let audit = t.send(boss.get("/audit?action=merge")).await.body;
    assert!(audit.contains("merged_from_id"));
});

app_test!(
    a_quick_added_activity_with_bad_minutes_is_refused_and_shown_again,
    |t| {
        let b = t.browser("tom").await;
        let r = t
            .send(b.post(
                &format!("/customers/{}/activities", t.tom_customer),
                &[
                    ("kind", "call"),
                    ("minutes", "-3"),
                    ("body", "asked about MOQ"),
                ],
            ))
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("asked about MOQ"));
        let r = t
            .send(b.post(
                &format!("/customers/{}/activities", t.tom_customer),
                &[
                    ("kind", "call"),
                    ("minutes", "15"),
                    ("body", "asked about MOQ"),
                ],
            ))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = t
            .send(b.get(&format!("/customers/{}", t.tom_customer)))
            .await
            .body;
        assert!(page.contains("asked about MOQ") && page.contains("15 min"));
    }
);

app_test!(an_oversized_form_is_refused, |t| {
    let b = t.browser("tom").await;
    let big = "x".repeat(3 * 1024 * 1024);
    let r = t
        .send(b.post("/customers", &[("name", &big), ("country", "DE")]))
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
});

app_test!(healthz_answers_ok_and_assets_come_from_the_binary, |t| {
    assert_eq!(
        t.send(Request::get("/healthz").body(Body::empty()).unwrap())
            .await
            .status,
        StatusCode::OK
    );
    let css = t
        .send(Request::get("/assets/app.css").body(Body::empty()).unwrap())
        .await;
    assert!(css.status.is_success() && css.body.contains("--accent"));
});
