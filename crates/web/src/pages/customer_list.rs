//! The customer list: filters (including custom fields), sorting and paging, shared with the API.

use super::customers::{Choices, custom_text};
use super::{Pager, render};
use crate::AppState;
use crate::error::WebError;
use crate::form::{FormData, FormState};
use crate::layout::Layout;
use crate::session::PageUser;
use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use leadledger_app::customers::{self as uc, CustomerView};
use leadledger_app::fields;
use leadledger_app::fields::FieldDef;
use leadledger_app::store::customers::{CustomerFilter, OwnerFilter, SortKey};
use leadledger_domain::country::{Continent, CountryCode};
use leadledger_domain::customer::{Completeness, CustomerStatus, ProjectStage, SourceChannel};
use leadledger_domain::page::PageRequest;
use leadledger_domain::{FieldErrors, Invalid};

#[derive(Template)]
#[template(path = "customers/index.html")]
struct IndexPage {
    l: Layout,
    f: FormState,
    ch: Choices,
    items: Vec<CustomerView>,
    pager: Pager,
    sort: String,
    desc: bool,
    can_create: bool,
}

impl IndexPage {
    fn sort_href(&self, key: &str) -> String {
        let desc = self.sort == key && !self.desc;
        format!(
            "?{}sort={key}&dir={}",
            self.pager.base_without_sort(),
            if desc { "desc" } else { "asc" }
        )
    }

    fn sort_mark(&self, key: &str) -> &'static str {
        if self.sort != key {
            ""
        } else if self.desc {
            "▼"
        } else {
            "▲"
        }
    }

    fn custom(&self, f: &FieldDef, c: &CustomerView) -> String {
        custom_text(f, c, &self.l)
    }
}

impl Pager {
    fn base_without_sort(&self) -> String {
        self.base
            .split('&')
            .filter(|kv| !kv.is_empty() && !kv.starts_with("sort=") && !kv.starts_with("dir="))
            .map(|kv| format!("{kv}&"))
            .collect()
    }
}

/// Parses the list's query parameters into a filter; errors name the parameter.
pub fn parse_filter(
    params: &[(String, String)],
    defs: &[FieldDef],
) -> Result<(CustomerFilter, PageRequest), FieldErrors> {
    let get = |k: &str| {
        params
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    };
    let all = |k: &str| -> Vec<String> {
        params
            .iter()
            .filter(|(n, v)| n == k && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_string())
            .collect()
    };
    let mut e = FieldErrors::new();
    let mut f = CustomerFilter {
        q: get("q").map(String::from),
        ..Default::default()
    };
    for c in all("country") {
        if let Some(c) = e.take("country", CountryCode::parse(&c)) {
            f.countries.push(c.as_str().to_string());
        }
    }
    if let Some(r) = get("region").and_then(|r| e.take("region", Continent::parse(r))) {
        let codes: Vec<String> = r.countries().map(|c| c.code.to_string()).collect();
        if f.countries.is_empty() {
            f.countries = codes;
        } else {
            f.countries.retain(|c| codes.contains(c));
            if f.countries.is_empty() {
                f.countries.push("--".into());
            }
        }
    }
    f.status = get("status")
        .and_then(|v| e.take("status", CustomerStatus::parse(v)))
        .map(|v| v.as_str().into());
    f.source = get("source")
        .and_then(|v| e.take("source", SourceChannel::parse(v)))
        .map(|v| v.as_str().into());
    f.completeness = get("completeness")
        .and_then(|v| e.take("completeness", Completeness::parse(v)))
        .map(|v| v.as_str().into());
    f.stage = get("stage")
        .and_then(|v| e.take("stage", ProjectStage::parse(v)))
        .map(|v| v.as_str().into());
    f.owner = match get("owner") {
        None => OwnerFilter::Any,
        Some("pool") => OwnerFilter::Pool,
        Some(v) => match v.parse::<i64>() {
            Ok(id) => OwnerFilter::User(id),
            Err(_) => {
                e.add(
                    "owner",
                    Invalid::new("invalid_id", format!("{v:?} is not a user id")),
                );
                OwnerFilter::Any
            }
        },
    };
    match uc::parse_ids("tag", &all("tag")) {
        Ok(ids) => f.tag_ids = ids,
        Err(err) => e.0.extend(err.0),
    }
    match fields::parse_filters(defs, params) {
        Ok(c) => f.custom = c,
        Err(err) => e.0.extend(err.0),
    }
    f.sort = match get("sort") {
        None | Some("name") => SortKey::Name,
        Some("country") => SortKey::Country,
        Some("status") => SortKey::Status,
        Some("created") => SortKey::Created,
        Some("updated") => SortKey::Updated,
        Some(other) => {
            e.add(
                "sort",
                Invalid::new("invalid_sort", format!("cannot sort by {other:?}")),
            );
            SortKey::Name
        }
    };
    f.desc = match get("dir") {
        None | Some("asc") => false,
        Some("desc") => true,
        Some(_) => {
            e.add("dir", Invalid::new("invalid_dir", "dir is asc or desc"));
            false
        }
    };
    let page = match PageRequest::parse(get("page"), get("per_page")) {
        Ok(p) => p,
        Err((field, err)) => {
            e.add(field, err);
            PageRequest::default()
        }
    };
    e.finish(|| (f, page))
}

pub fn sort_name(k: SortKey) -> &'static str {
    match k {
        SortKey::Name => "name",
        SortKey::Country => "country",
        SortKey::Status => "status",
        SortKey::Created => "created",
        SortKey::Updated => "updated",
    }
}

pub async fn index(
    State(s): State<AppState>,
    u: PageUser,
    RawQuery(q): RawQuery,
) -> Result<Response, WebError> {
    let params = super::query_pairs(&q);
    let ch = Choices::load(&s, u.lang.is_zh()).await?;
    let mut f = FormState::from_form(&FormData::from_pairs(params.clone()));
    let (filter, page) = match parse_filter(&params, &ch.fields) {
        Ok(v) => v,
        Err(e) => {
            f = f.with_errors(u.lang, &e);
            (CustomerFilter::default(), PageRequest::default())
        }
    };
    let (sort, desc) = (sort_name(filter.sort).to_string(), filter.desc);
    let result = uc::list(&s.app, u.actor(), filter, page).await?;
    let pager = Pager::new(result.page, result.pages(), result.total, &params);
    let page = IndexPage {
        l: Layout::new(&u, "customers", u.lang.t("customers.title")),
        can_create: u.actor().can_create_customers(),
        f,
        ch,
        items: result.items,
        pager,
        sort,
        desc,
    };
    Ok(render(&page))
}
