//! Company settings: validation that keeps the input, bank accounts, and the logo upload.

use crate::app_test;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};

fn logo_upload(session: &str, csrf: &str, bytes: &[u8]) -> Request<Body> {
    upload("/settings/company/logo", "logo", session, csrf, bytes)
}

/// A multipart upload of `bytes` as the file field `field`, with the CSRF token.
pub(crate) fn upload(
    path: &str,
    field: &str,
    session: &str,
    csrf: &str,
    bytes: &[u8],
) -> Request<Body> {
    let mut body = format!("--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{csrf}\r\n--XyZ\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"l.png\"\r\nContent-Type: image/png\r\n\r\n").into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(b"\r\n--XyZ--\r\n");
    Request::post(path)
        .header(header::COOKIE, format!("ll_session={session}"))
        .header(header::CONTENT_TYPE, "multipart/form-data; boundary=XyZ")
        .body(Body::from(body))
        .unwrap()
}

app_test!(
    company_settings_are_validated_and_saved_with_bank_accounts_and_logo,
    |t| {
        let b = t.browser("boss").await;
        let r = t
            .send(b.post(
                "/settings/company",
                &[
                    ("legal_name_en", "Ningbo Bright Lighting Co., Ltd."),
                    ("email", "not-mail"),
                    ("base_currency", "RMB"),
                ],
            ))
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.body
                .contains("value=\"Ningbo Bright Lighting Co., Ltd.\"")
                && r.body.contains("value=\"RMB\"")
        );
        assert_eq!(r.body.matches("has-error").count(), 2);
        let r = t
            .send(b.post(
                "/settings/company",
                &[
                    ("legal_name_en", "Ningbo Bright Lighting Co., Ltd."),
                    ("legal_name_zh", "宁波明亮照明有限公司"),
                    ("base_currency", "cny"),
                ],
            ))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let c = leadledger_app::company::get(&t.app).await.unwrap();
        assert_eq!(
            (c.base_currency.as_str(), c.legal_name_zh.as_deref()),
            ("CNY", Some("宁波明亮照明有限公司"))
        );
        let bad = [
            ("currency", "USD"),
            ("beneficiary", "Ningbo Bright"),
            ("bank_name", "Bank of China"),
            ("swift", "BKCH"),
            ("account", ""),
        ];
        let r = t.send(b.post("/settings/company/bank", &bad)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("value=\"BKCH\""));
        let good = [
            ("currency", "USD"),
            ("beneficiary", "Ningbo Bright"),
            ("bank_name", "Bank of China"),
            ("swift", "bkch cnbj 92a"),
            ("account", "3581 0000 1234"),
        ];
        assert_eq!(
            t.send(b.post("/settings/company/bank", &good)).await.status,
            StatusCode::SEE_OTHER
        );
        let page = t.send(b.get("/settings/company")).await.body;
        assert!(page.contains("BKCHCNBJ92A"));
        let png = b"\x89PNG\r\n\x1a\n0000fake-but-png-magic";
        assert_eq!(
            t.send(logo_upload(&b.session, &b.csrf, png)).await.status,
            StatusCode::SEE_OTHER
        );
        let logo = t.send(b.get("/company/logo")).await;
        assert_eq!(logo.headers[header::CONTENT_TYPE], "image/png");
        let r = t
            .send(logo_upload(&b.session, &b.csrf, b"<svg onload=alert(1)>"))
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "only PNG or JPEG"
        );
        let mgr = t.browser("mgr").await;
        assert_eq!(
            t.send(mgr.get("/settings/company")).await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            t.send(mgr.post("/settings/company", &[("legal_name_en", "X")]))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
    }
);
