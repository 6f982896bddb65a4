//! What every page's frame needs: language, the signed-in user, the CSRF token for forms,
//! the active navigation entry, and a one-line flash message.

use crate::form::url_encode;
use crate::i18n::Lang;
use crate::session::PageUser;
use leadledger_domain::user::Role;

pub struct Layout {
    pub lang: Lang,
    pub title: String,
    pub nav: &'static str,
    pub user: Option<UserBar>,
    pub csrf: String,
    pub path: String,
    pub flash: Option<&'static str>,
}

pub struct UserBar {
    pub display_name: String,
    pub username: String,
    pub role: Role,
}

impl Layout {
    pub fn new(u: &PageUser, nav: &'static str, title: impl Into<String>) -> Self {
        let flash = u
            .path
            .split_once('?')
            .and_then(|(_, q)| q.split('&').find_map(|kv| kv.strip_prefix("flash=")))
            .map(|k| format!("flash.{k}"))
            .filter(|k| crate::i18n::catalog().contains_key(k))
            .map(|k| u.lang.t(&k));
        Self {
            lang: u.lang,
            title: title.into(),
            nav,
            user: Some(UserBar {
                display_name: u.session.display_name.clone(),
                username: u.session.actor.username.clone(),
                role: u.session.actor.role,
            }),
            csrf: u.session.csrf.clone(),
            path: u.path.clone(),
            flash,
        }
    }

    pub fn anonymous(lang: Lang, path: &str, title: impl Into<String>) -> Self {
        Self {
            lang,
            title: title.into(),
            nav: "",
            user: None,
            csrf: String::new(),
            path: path.into(),
            flash: None,
        }
    }

    pub fn t(&self, key: &str) -> &'static str {
        self.lang.t(key)
    }

    pub fn tf(&self, key: &str, name: &str, value: &str) -> String {
        self.lang.tf(key, &[(name, value)])
    }

    pub fn zh(&self) -> bool {
        self.lang.is_zh()
    }

    /// Link that switches the UI language and comes back here.
    pub fn lang_href(&self, code: &str) -> String {
        let back: String = self
            .path
            .split("flash=")
            .next()
            .unwrap_or("/")
            .trim_end_matches(['?', '&'])
            .to_string();
        format!("/lang/{code}?next={}", url_encode(&back))
    }

    pub fn role(&self) -> &'static str {
        self.user
            .as_ref()
            .map(|u| self.lang.t(&format!("role.{}", u.role.as_str())))
            .unwrap_or("")
    }

    pub fn is_admin(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.role == Role::Admin)
    }

    pub fn active(&self, nav: &str) -> &'static str {
        if self.nav == nav { "active" } else { "" }
    }

    /// Formats Unix seconds as a UTC date and time.
    pub fn dt(&self, ts: &i64) -> String {
        fmt_ts(*ts)
    }

    pub fn date(&self, ts: &i64) -> String {
        chrono::DateTime::from_timestamp(*ts, 0)
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    }

    pub fn country(&self, code: &str) -> String {
        leadledger_domain::country::CountryCode::parse(code)
            .map(|c| c.name(self.zh()).to_string())
            .unwrap_or_else(|_| code.to_string())
    }

    /// Translates `prefix.value` (e.g. `status.lead`).
    pub fn enum_label(&self, prefix: &str, value: &str) -> &'static str {
        self.lang.t(&format!("{prefix}.{value}"))
    }

    pub fn opt_enum_label(&self, prefix: &str, value: &Option<String>) -> &'static str {
        match value {
            Some(v) => self.enum_label(prefix, v),
            None => "—",
        }
    }

    pub fn text_color(&self, bg: &str) -> &'static str {
        leadledger_domain::tag::Color::text_color(bg)
    }
}

pub fn fmt_ts(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .map(|d| d.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}
