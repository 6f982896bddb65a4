//! Products over HTTP: the form, the API with decimal strings, and CSV import/export that is
//! all-or-nothing with row numbers.

use crate::app_test;
use crate::helpers::{Browser, Resp, TestApp};
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::json;

async fn upload(t: &TestApp, b: &Browser, csv: &str) -> Resp {
    let body = format!(
        "--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{}\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.csv\"\r\nContent-Type: text/csv\r\n\r\n{csv}\r\n--XyZ--\r\n",
        b.csrf
    );
    t.send(
        Request::post("/products/import")
            .header(header::COOKIE, format!("ll_session={}", b.session))
            .header(header::CONTENT_TYPE, "multipart/form-data; boundary=XyZ")
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

app_test!(
    a_product_form_with_errors_keeps_the_input_and_a_good_one_saves,
    |t| {
        let b = t.browser("mgr").await;
        let bad = [
            ("sku", "FL 100"),
            ("name_en", "Flood light"),
            ("gross_kg", "1"),
            ("net_kg", "2"),
            ("price_USD", "abc"),
        ];
        let r = t.send(b.post("/products", &bad)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("value=\"Flood light\"") && r.body.contains("value=\"abc\""));
        assert_eq!(
            r.body.matches("has-error").count(),
            3,
            "sku, gross weight, USD price"
        );
        let good = [
            ("sku", "FL-100W"),
            ("name_en", "LED flood light 100W"),
            ("purchase_cost", "113"),
            ("price_USD", "16.80"),
            ("price_JPY", "2500"),
        ];
        let r = t.send(b.post("/products", &good)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = t.send(b.get(r.location())).await.body;
        assert!(page.contains("value=\"16.8\"") && page.contains("value=\"113\""));
        let sales = t.browser("lily").await;
        assert_eq!(
            t.send(sales.post("/products", &good)).await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(t.send(sales.get("/products")).await.status, StatusCode::OK);
    }
);

app_test!(the_api_takes_and_returns_decimal_strings, |t| {
    let mgr = t.token("mgr").await;
    let body = json!({"sku": "PNL-600", "name_en": "LED panel 600x600 40W", "name_zh": "LED面板灯", "hs_code": "9405.42",
        "purchase_cost": "58.50", "pcs_per_carton": 4, "carton_l_cm": "62", "carton_w_cm": "62", "carton_h_cm": "30",
        "net_kg": "10", "gross_kg": "11.2", "prices": {"USD": "9.9500", "EUR": "9.10"}});
    let r = t
        .api(&mgr, Method::POST, "/api/v1/products", Some(body))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let p = r.json();
    assert_eq!(p["purchase_cost"], "58.5");
    assert_eq!(p["prices"]["USD"], "9.95");
    assert_eq!(p["hs_code"], "940542");
    let dup = t
        .api(
            &mgr,
            Method::POST,
            "/api/v1/products",
            Some(json!({"sku": "PNL-600", "name_en": "x"})),
        )
        .await;
    assert_eq!(dup.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(dup.json()["fields"]["sku"]["code"], "sku_exists");
    let lily = t.token("lily").await;
    assert_eq!(
        t.api(&lily, Method::GET, "/api/v1/products?q=panel", None)
            .await
            .json()["total"],
        1
    );
    assert_eq!(
        t.api(
            &lily,
            Method::POST,
            "/api/v1/products",
            Some(json!({"sku": "X", "name_en": "x"}))
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
});

app_test!(
    a_csv_import_with_one_bad_row_saves_nothing_and_names_the_row,
    |t| {
        let b = t.browser("boss").await;
        let csv =
            "sku,name_en,purchase_cost,price_USD\nA-1,Lamp,10,2.5\nA-2,,10,2.5\nA-3,Bulb,-4,1\n";
        let r = upload(&t, &b, csv).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.body.contains("row 3: name_en") && r.body.contains("row 4: purchase_cost"),
            "{}",
            r.body
        );
        let boss = t.token("boss").await;
        assert_eq!(
            t.api(&boss, Method::GET, "/api/v1/products", None)
                .await
                .json()["total"],
            0,
            "nothing saved"
        );
        let r = upload(&t, &b, "sku,name_en,price_USD\nA-1,Lamp,2.5\nA-2,Bulb,1\n").await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = upload(
            &t,
            &b,
            "sku,name_en,price_USD,price_EUR\nA-1,Lamp v2,2.6,2.4\n",
        )
        .await;
        assert!(
            r.location().contains("created=0&updated=1"),
            "{}",
            r.location()
        );
        let csv = t.send(b.get("/products.csv")).await;
        assert!(
            csv.headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("text/csv")
        );
        assert!(csv.body.starts_with("sku,name_en,"));
        assert!(csv.body.contains("A-1,Lamp v2,") && csv.body.contains("price_EUR"));
        let r = upload(&t, &b, &csv.body).await;
        assert!(
            r.location().contains("created=0&updated=2"),
            "the export imports back: {}",
            r.location()
        );
        let r = upload(&t, &b, "code,title\nx,y\n").await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
);

app_test!(a_product_has_a_photo_uploaded_by_managers, |t| {
    let mgr = t.token("mgr").await;
    let r = t
        .api(
            &mgr,
            Method::POST,
            "/api/v1/products",
            Some(json!({"sku": "IMG-1", "name_en": "Lamp with photo"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id = r.json()["id"].as_i64().unwrap();
    let path = format!("/products/{id}/image");
    let b = t.browser("mgr").await;
    let jpeg = [&[0xFF, 0xD8, 0xFF, 0xE0][..], b"0000fake-jpeg"].concat();
    let r = t
        .send(crate::company::upload(
            &path, "image", &b.session, &b.csrf, &jpeg,
        ))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let img = t.send(b.get(&path)).await;
    assert_eq!(img.headers[header::CONTENT_TYPE], "image/jpeg");
    let page = t.send(b.get(&format!("/products/{id}"))).await.body;
    assert!(page.contains(&format!("src=\"{path}\"")), "{page}");
    let r = t
        .send(crate::company::upload(
            &path, "image", &b.session, &b.csrf, b"GIF89a",
        ))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("PNG or JPEG"), "{}", r.body);
    let tom = t.browser("tom").await;
    let r = t
        .send(crate::company::upload(
            &path,
            "image",
            &tom.session,
            &tom.csrf,
            &jpeg,
        ))
        .await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "sales do not change the catalogue"
    );
});
