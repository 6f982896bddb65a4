//! A fresh app per test: database, the five standard users, three customers (one each for tom
//! and lily, one in the public pool), and clients that sign in like a browser or use a token.

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use leadledger_app::customers::{CustomerChange, OwnerChoice};
use leadledger_app::{App, auth, customers, users};
use leadledger_domain::contact::ContactDraft;
use leadledger_domain::customer::CustomerDraft;
use leadledger_domain::user::Actor;
use leadledger_store::testing::TestDb;
use leadledger_web::AppState;
use serde_json::Value;
use std::collections::BTreeMap;
use tower::ServiceExt;

pub struct TestApp {
    pub app: App,
    pub router: Router,
    pub db: Option<TestDb>,
    pub tom_customer: i64,
    pub lily_customer: i64,
    pub pool_customer: i64,
    pub tom_contact: i64,
    pub tom_activity: i64,
    pub tag: i64,
    pub field: i64,
    pub inquiry: i64,
}

pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Resp {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

pub const USERS: [(&str, &str); 5] = [
    ("boss", "admin"),
    ("mgr", "manager"),
    ("lily", "sales"),
    ("tom", "sales"),
    ("fin", "finance"),
];
pub const PASSWORD: &str = "secret-pw";

pub async fn actor(app: &App, name: &str) -> Actor {
    let mut tx = app.db.read().await.unwrap();
    let u = leadledger_store::users::by_username(&mut tx, name)
        .await
        .unwrap()
        .unwrap();
    auth::actor_of(&u).unwrap()
}

pub fn draft(name: &str, country: &str) -> CustomerDraft {
    CustomerDraft {
        name: name.into(),
        country: country.into(),
        ..Default::default()
    }
}

pub async fn add_customer(
    app: &App,
    by: &Actor,
    d: CustomerDraft,
    owner: OwnerChoice,
    contact_email: Option<&str>,
) -> i64 {
    let contact = contact_email.map(|e| {
        ContactDraft {
            name: "Buyer".into(),
            emails: e.into(),
            ..Default::default()
        }
        .parse("")
        .unwrap()
    });
    let change = CustomerChange {
        input: d.parse().unwrap(),
        owner,
        tag_ids: None,
        new_tags: vec![],
        custom: BTreeMap::new(),
        contact,
        confirm_duplicates: false,
    };
    customers::create(app, by, change).await.unwrap()
}

impl TestApp {
    pub async fn new() -> Self {
        let db = TestDb::sqlite().await.unwrap();
        let app = App::new(db.db.clone());
        for (name, role) in USERS {
            users::add(&app, None, name, "", role, PASSWORD)
                .await
                .unwrap();
        }
        let tom = actor(&app, "tom").await;
        let lily = actor(&app, "lily").await;
        let tom_customer = add_customer(
            &app,
            &tom,
            draft("Hamburg Licht GmbH", "DE"),
            OwnerChoice::Keep,
            Some("jens@hamburg-licht.de"),
        )
        .await;
        let lily_customer = add_customer(
            &app,
            &lily,
            draft("Sol Andino S.A.", "CL"),
            OwnerChoice::Keep,
            None,
        )
        .await;
        let pool_customer = add_customer(
            &app,
            &lily,
            draft("Open Pool Trading LLC", "US"),
            OwnerChoice::Pool,
            None,
        )
        .await;
        let tom_contact =
            leadledger_app::contacts::list(&app, &tom, Some(tom_customer), Default::default())
                .await
                .unwrap()
                .items[0]
                .id;
        let activity = leadledger_domain::activity::ActivityInput::parse(
            "call",
            "",
            "5",
            "intro call",
            chrono::Utc::now(),
        )
        .unwrap();
        let tom_activity = leadledger_app::activities::create(&app, &tom, tom_customer, &activity)
            .await
            .unwrap();
        let boss = actor(&app, "boss").await;
        let tag = leadledger_app::tags::create(&app, &boss, "VIP-test", "#aa0000")
            .await
            .unwrap();
        let draft = leadledger_app::fields::FieldDraft {
            key: "annual_volume".into(),
            label_en: "Volume".into(),
            kind: "number".into(),
            ..Default::default()
        };
        let field = leadledger_app::fields::create(&app, &boss, &draft)
            .await
            .unwrap();
        let msg = leadledger_inquiry::message_from_text("We need 500 pcs LED panels, FOB Ningbo")
            .unwrap();
        let channel = leadledger_app::inquiries::Channel::Paste;
        let inquiry =
            leadledger_app::inquiries::submit(&app, &tom, vec![msg], channel, Some(tom_customer))
                .await
                .unwrap()[0];
        let router = leadledger_web::router(AppState {
            app: app.clone(),
            secure_cookies: false,
        });
        Self {
            app,
            router,
            db: Some(db),
            tom_customer,
            lily_customer,
            pool_customer,
            tom_contact,
            tom_activity,
            tag,
            field,
            inquiry,
        }
    }

    pub async fn cleanup(mut self) {
        if let Some(db) = self.db.take() {
            db.cleanup().await;
        }
    }

    pub async fn send(&self, req: Request<Body>) -> Resp {
        let r = self.router.clone().oneshot(req).await.unwrap();
        let status = r.status();
        let headers = r.headers().clone();
        let bytes = r.into_body().collect().await.unwrap().to_bytes();
        Resp {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    /// Signs in through the login form like a browser and returns the session.
    pub async fn browser(&self, user: &str) -> Browser {
        let form = self
            .send(Request::get("/login").body(Body::empty()).unwrap())
            .await;
        let login_csrf = cookie_value(&form.headers, "ll_login_csrf").expect("login csrf cookie");
        let body = format!("_csrf={login_csrf}&next=%2F&username={user}&password={PASSWORD}");
        let r = self
            .send(
                Request::post("/login")
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .header(header::COOKIE, format!("ll_login_csrf={login_csrf}"))
                    .body(Body::from(body))
                    .unwrap(),
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::SEE_OTHER,
            "login of {user} failed: {}",
            r.body
        );
        let session = cookie_value(&r.headers, "ll_session").expect("session cookie");
        let mut b = Browser {
            session,
            csrf: String::new(),
            lang: None,
        };
        let page = self.send(b.get("/customers")).await;
        b.csrf = extract_csrf(&page.body).expect("csrf token on page");
        b
    }

    pub async fn token(&self, user: &str) -> String {
        auth::create_token(&self.app, user, "test").await.unwrap()
    }

    /// An API request with a bearer token and an optional JSON body.
    pub async fn api(&self, token: &str, method: Method, path: &str, body: Option<Value>) -> Resp {
        let mut b = Request::builder()
            .method(method)
            .uri(path)
            .header(header::AUTHORIZATION, format!("Bearer {token}"));
        let body = match body {
            Some(v) => {
                b = b.header(header::CONTENT_TYPE, "application/json");
                Body::from(v.to_string())
            }
            None => Body::empty(),
        };
        self.send(b.body(body).unwrap()).await
    }
}

pub fn cookie_value(h: &HeaderMap, name: &str) -> Option<String> {
    h.get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| {
            v.strip_prefix(&format!("{name}="))
                .map(|rest| rest.split(';').next().unwrap_or("").to_string())
        })
}

pub fn extract_csrf(html: &str) -> Option<String> {
    let i = html.find("name=\"_csrf\" value=\"")?;
    let rest = &html[i + 20..];
    Some(rest[..rest.find('"')?].to_string())
}

/// A signed-in browser: its session cookie and the CSRF token its pages carry.
pub struct Browser {
    pub session: String,
    pub csrf: String,
    pub lang: Option<&'static str>,
}

impl Browser {
    fn cookies(&self) -> String {
        match self.lang {
            Some(l) => format!("ll_session={}; ll_lang={l}", self.session),
            None => format!("ll_session={}", self.session),
        }
    }

    pub fn get(&self, path: &str) -> Request<Body> {
        Request::get(path)
            .header(header::COOKIE, self.cookies())
            .body(Body::empty())
            .unwrap()
    }

    /// A form post carrying the CSRF token.
    pub fn post(&self, path: &str, fields: &[(&str, &str)]) -> Request<Body> {
        let mut all: Vec<(&str, &str)> = vec![("_csrf", self.csrf.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &all)
    }

    /// A form post with exactly these fields (no CSRF token added).
    pub fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Request<Body> {
        let body = serde_urlencoded::to_string(fields).unwrap();
        Request::post(path)
            .header(header::COOKIE, self.cookies())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap()
    }

    pub fn method(
        &self,
        method: Method,
        path: &str,
        json: Option<&Value>,
        csrf: bool,
    ) -> Request<Body> {
        let mut b = Request::builder()
            .method(method)
            .uri(path)
            .header(header::COOKIE, self.cookies());
        if csrf {
            b = b.header("x-csrf-token", &self.csrf);
        }
        match json {
            Some(v) => b
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(v.to_string()))
                .unwrap(),
            None => b.body(Body::empty()).unwrap(),
        }
    }
}

/// Runs a test body on a fresh app and cleans up after.
#[macro_export]
macro_rules! app_test {
    ($name:ident, |$t:ident| $body:block) => {
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $name() {
            let $t = $crate::helpers::TestApp::new().await;
            $body
            $t.cleanup().await;
        }
    };
}
