//! Customer pages: the filtered list, the form with the duplicate warning, the customer page with
//! contacts and timeline, owner changes, merging, and contact editing.

use super::{parse_id, render, render_status};
use crate::AppState;
use crate::error::WebError;
use crate::form::{FormData, FormState};
use crate::layout::Layout;
use crate::session::{PageUser, PostForm};
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use leadledger_app::customers::{
    self as uc, CustomerChange, CustomerDetail, CustomerView, OwnerChoice,
};
use leadledger_app::error::DuplicateCandidate;
use leadledger_app::fields::FieldDef;
use leadledger_app::store::activities::ActivityRow;
use leadledger_app::store::tags::TagRow;
use leadledger_app::users::UserView;
use leadledger_app::{AppError, fields, tags, users};
use leadledger_domain::activity::ActivityKind;
use leadledger_domain::contact::ContactDraft;
use leadledger_domain::country::{self, Continent};
use leadledger_domain::custom_field::FieldKind;
use leadledger_domain::customer::{
    Completeness, CustomerDraft, CustomerStatus, ProjectStage, SourceChannel,
};
use leadledger_domain::page::PageRequest;
use leadledger_domain::tag::TagName;
use leadledger_domain::user::Role;
use leadledger_domain::{FieldErrors, Invalid};
use std::collections::BTreeMap;

/// Choices shared by the list filters and the form.
pub struct Choices {
    pub countries: Vec<(&'static str, &'static str)>,
    pub regions: Vec<&'static str>,
    pub statuses: Vec<&'static str>,
    pub sources: Vec<&'static str>,
    pub completeness: Vec<&'static str>,
    pub stages: Vec<&'static str>,
    pub tags: Vec<TagRow>,
    pub fields: Vec<FieldDef>,
    pub users: Vec<UserView>,
}

impl Choices {
    pub(super) async fn load(s: &AppState, zh: bool) -> Result<Self, WebError> {
        let mut countries: Vec<(&'static str, &'static str)> = country::all()
            .iter()
            .map(|c| (c.code, if zh { c.zh } else { c.en }))
            .collect();
        countries.sort_by(|a, b| a.1.cmp(b.1));
        Ok(Self {
            countries,
            regions: Continent::ALL.iter().map(|c| c.as_str()).collect(),
            statuses: CustomerStatus::ALL.iter().map(|c| c.as_str()).collect(),
            sources: SourceChannel::ALL.iter().map(|c| c.as_str()).collect(),
            completeness: Completeness::ALL.iter().map(|c| c.as_str()).collect(),
            stages: ProjectStage::ALL.iter().map(|c| c.as_str()).collect(),
            tags: tags::list(&s.app).await?,
            fields: fields::list(&s.app).await?,
            users: users::list(&s.app)
                .await?
                .into_iter()
                .filter(|u| !u.disabled)
                .collect(),
        })
    }

    pub fn field_kind(&self, f: &FieldDef) -> &'static str {
        f.kind().as_str()
    }

    /// Custom fields shown as list columns.
    pub fn list_fields(&self) -> Vec<&FieldDef> {
        self.fields.iter().filter(|f| f.field.in_list).collect()
    }
}

/// Shows a stored custom value as text.
pub fn custom_text(f: &FieldDef, c: &CustomerView, l: &Layout) -> String {
    let vals = c.custom.get(&f.field.id).map(Vec::as_slice).unwrap_or(&[]);
    vals.iter()
        .map(|v| match f.kind() {
            FieldKind::YesNo => l
                .t(if v == "true" {
                    "common.yes"
                } else {
                    "common.no"
                })
                .to_string(),
            _ => f.display(v),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[derive(Template)]
#[template(path = "customers/form.html")]
struct FormPage {
    l: Layout,
    f: FormState,
    ch: Choices,
    /// `None` on create.
    id: Option<i64>,
    duplicates: Vec<DuplicateCandidate>,
    owner_choices: Vec<(String, String)>,
}

impl FormPage {
    fn is_kind(&self, f: &FieldDef, kind: &str) -> bool {
        f.kind().as_str() == kind
    }

    fn cf(&self, f: &FieldDef) -> String {
        format!("cf_{}", f.field.key)
    }

    fn opt_id(&self, id: &i64) -> String {
        id.to_string()
    }
}

/// Owner options the actor may pick: managers and admins any active user, sales themselves.
fn owner_choices(u: &PageUser, users: &[UserView]) -> Vec<(String, String)> {
    let mut v = vec![("pool".to_string(), u.lang.t("customers.pool").to_string())];
    match u.actor().role {
        Role::Admin | Role::Manager => v.extend(users.iter().map(|x| {
            (
                x.id.to_string(),
                format!("{} ({})", x.display_name, x.username),
            )
        })),
        _ => v.push((
            u.actor().user_id.to_string(),
            u.session.display_name.clone(),
        )),
    }
    v
}

async fn form_page(
    s: &AppState,
    u: &PageUser,
    f: FormState,
    id: Option<i64>,
    duplicates: Vec<DuplicateCandidate>,
) -> Result<FormPage, WebError> {
    let ch = Choices::load(s, u.lang.is_zh()).await?;
    let title = if id.is_some() {
        u.lang.t("customers.edit")
    } else {
        u.lang.t("customers.new")
    };
    Ok(FormPage {
        l: Layout::new(u, "customers", title),
        owner_choices: owner_choices(u, &ch.users),
        f,
        ch,
        id,
        duplicates,
    })
}

pub async fn new_form(
    State(s): State<AppState>,
    u: PageUser,
    RawQuery(q): RawQuery,
) -> Result<Response, WebError> {
    if !u.actor().can_create_customers() {
        return Err(WebError::Forbidden);
    }
    let mut f = FormState::default();
    f.set("status", "lead");
    f.set("owner", u.actor().user_id.to_string());
    let params = super::query_pairs(&q);
    if let Some((_, v)) = params.iter().find(|(k, _)| k == "from_inquiry") {
        // Prefill from what the inquiry reader found; the duplicate check still runs on save.
        let iid = parse_id(v)?;
        let i = leadledger_app::inquiries::get(&s.app, u.actor(), iid).await?;
        let p = leadledger_app::inquiries::prefill(&i);
        f.set("from_inquiry", iid.to_string());
        f.set("name", p.name);
        f.set("country", p.country);
        f.set("website", p.website);
        f.set("email_domain", p.email_domain);
        f.set("completeness", p.completeness);
        f.set("contact_name", p.contact_name);
        f.set("contact_emails", p.contact_email);
        f.set("stage", "inquiry");
    }
    Ok(render(&form_page(&s, &u, f, None, vec![]).await?))
}

/// Builds the change from a submitted form, collecting every field error.
fn change_from_form(
    form: &FormData,
    defs: &[FieldDef],
    creating: bool,
) -> Result<CustomerChange, FieldErrors> {
    let draft = CustomerDraft {
        name: form.get("name").into(),
        country: form.get("country").into(),
        website: form.get("website").into(),
        email_domain: form.get("email_domain").into(),
        source: form.get("source").into(),
        source_detail: form.get("source_detail").into(),
        status: form.get("status").into(),
        completeness: form.get("completeness").into(),
        requirement_clear: form.get("requirement_clear").into(),
        stage: form.get("stage").into(),
        notes: form.get("notes").into(),
    };
    let mut e = FieldErrors::new();
    let input = match draft.parse() {
        Ok(i) => Some(i),
        Err(err) => {
            e.0.extend(err.0);
            None
        }
    };
    let owner = match form.get("owner") {
        "" => OwnerChoice::Keep,
        "pool" => OwnerChoice::Pool,
        v => match v.parse::<i64>() {
            Ok(id) => OwnerChoice::User(id),
            Err(_) => {
                e.add("owner", Invalid::new("invalid_id", "choose an owner"));
                OwnerChoice::Keep
            }
        },
    };
    let tag_ids = match uc::parse_ids("tags", &form.all("tags")) {
        Ok(ids) => Some(ids),
        Err(err) => {
            e.0.extend(err.0);
            None
        }
    };
    let mut new_tags = Vec::new();
    for n in form
        .get("new_tag")
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        if let Some(t) = e.take("new_tag", TagName::parse(n)) {
            new_tags.push(t);
        }
    }
    let mut custom = BTreeMap::new();
    for d in defs {
        let name = format!("cf_{}", d.field.key);
        if form.has(&format!("{name}__present")) {
            custom.insert(d.field.id, form.all(&name));
        }
    }
    let contact_draft = ContactDraft {
        name: form.get("contact_name").into(),
        title: form.get("contact_title").into(),
        emails: form.get("contact_emails").into(),
        phones: form.get("contact_phones").into(),
        whatsapp: form.get("contact_whatsapp").into(),
        wechat: form.get("contact_wechat").into(),
        notes: String::new(),
    };
    let contact = if creating && !contact_draft.is_blank() {
        match contact_draft.parse("contact_") {
            Ok(c) => Some(c),
            Err(err) => {
                e.0.extend(err.0);
                None
            }
        }
    } else {
        None
    };
    e.finish(|| CustomerChange {
        input: input.unwrap(),
        owner,
        tag_ids,
        new_tags,
        custom,
        contact,
        confirm_duplicates: form.has("confirm_duplicates"),
    })
}

/// Re-renders the form after a refused save, keeping everything typed.
async fn refused(
    s: &AppState,
    u: &PageUser,
    form: &FormData,
    id: Option<i64>,
    err: AppError,
) -> Result<Response, WebError> {
    let mut f = FormState::from_form(form);
    f.set_all("confirm_duplicates", vec![]);
    match err {
        AppError::Invalid(e) => {
            let page = form_page(s, u, f.with_errors(u.lang, &e), id, vec![]).await?;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        AppError::Duplicates(d) => {
            let page = form_page(s, u, f, id, d).await?;
            Ok(render_status(StatusCode::CONFLICT, &page))
        }
        other => Err(other.into()),
    }
}

pub async fn create(State(s): State<AppState>, p: PostForm) -> Result<Response, WebError> {
    let defs = fields::list(&s.app).await?;
    let change = match change_from_form(&p.form, &defs, true) {
        Ok(c) => c,
        Err(e) => return refused(&s, &p.user, &p.form, None, AppError::Invalid(e)).await,
    };
    match uc::create(&s.app, p.user.actor(), change).await {
        Ok(id) => {
            if let Ok(iid) = p.form.get("from_inquiry").parse::<i64>() {
                leadledger_app::inquiries::link(&s.app, p.user.actor(), iid, Some(id)).await?;
            }
            Ok(Redirect::to(&format!("/customers/{id}?flash=created")).into_response())
        }
        Err(e) => refused(&s, &p.user, &p.form, None, e).await,
    }
}

pub async fn edit_form(
    State(s): State<AppState>,
    u: PageUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let d = uc::get(&s.app, u.actor(), id).await?;
    if !d.can_edit {
        return Err(WebError::Forbidden);
    }
    let c = &d.customer.row;
    let mut f = FormState::default();
    f.set("name", &c.name);
    f.set("country", &c.country);
    f.set("website", c.website.clone().unwrap_or_default());
    f.set("email_domain", c.email_domain.clone().unwrap_or_default());
    f.set("source", &c.source);
    f.set("source_detail", c.source_detail.clone().unwrap_or_default());
    f.set("status", &c.status);
    f.set("completeness", c.completeness.clone().unwrap_or_default());
    f.set(
        "requirement_clear",
        c.requirement_clear
            .map(|b| if b { "yes" } else { "no" })
            .unwrap_or(""),
    );
    f.set("stage", c.stage.clone().unwrap_or_default());
    f.set("notes", c.notes.clone().unwrap_or_default());
    f.set(
        "owner",
        c.owner_id
            .map(|o| o.to_string())
            .unwrap_or_else(|| "pool".into()),
    );
    f.set_all(
        "tags",
        d.customer.tags.iter().map(|t| t.id.to_string()).collect(),
    );
    for def in fields::list(&s.app).await? {
        f.set_all(
            &format!("cf_{}", def.field.key),
            d.customer
                .custom
                .get(&def.field.id)
                .cloned()
                .unwrap_or_default(),
        );
    }
    Ok(render(&form_page(&s, &u, f, Some(id), vec![]).await?))
}

pub async fn update(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let defs = fields::list(&s.app).await?;
    let change = match change_from_form(&p.form, &defs, false) {
        Ok(c) => c,
        Err(e) => return refused(&s, &p.user, &p.form, Some(id), AppError::Invalid(e)).await,
    };
    match uc::update(&s.app, p.user.actor(), id, change).await {
        Ok(()) => Ok(Redirect::to(&format!("/customers/{id}?flash=saved")).into_response()),
        Err(e) => refused(&s, &p.user, &p.form, Some(id), e).await,
    }
}

#[derive(Template)]
#[template(path = "customers/show.html")]
struct ShowPage {
    l: Layout,
    d: CustomerDetail,
    fields: Vec<FieldDef>,
    timeline: Vec<ActivityRow>,
    timeline_total: i64,
    kinds: Vec<&'static str>,
    contact_form: FormState,
    activity_form: FormState,
    can_claim: bool,
    can_release: bool,
    can_delete: bool,
    inquiries: Vec<leadledger_app::inquiries::InquiryView>,
    signals: Vec<leadledger_app::store::inquiries::SignalRow>,
    quotes: Vec<leadledger_app::store::quotes::QuoteRow>,
    receivables: Vec<leadledger_domain::documents::aging::AgingRow>,
    orders: Vec<leadledger_app::store::orders::OrderRow>,
    invoices: Vec<leadledger_app::invoices::InvoiceSummary>,
    payments: Vec<leadledger_app::store::payments::PaymentRow>,
}

impl ShowPage {
    fn amount(&self, m: &leadledger_domain::money::Money) -> String {
        crate::pages::quotes::money(m)
    }

    fn minor(&self, minor: &i64, currency: &str) -> String {
        let c = leadledger_domain::money::Currency::parse(currency)
            .unwrap_or(leadledger_domain::money::Currency::USD);
        crate::pages::quotes::money(&leadledger_domain::money::Money::new(
            rust_decimal::Decimal::new(*minor, c.minor_units()),
            c,
        ))
    }

    fn custom(&self, f: &FieldDef) -> String {
        custom_text(f, &self.d.customer, &self.l)
    }

    fn hours(&self) -> String {
        format!("{:.1}", self.d.minutes_spent as f64 / 60.0)
    }

    fn requirement_clear(&self) -> &'static str {
        match self.d.customer.row.requirement_clear {
            Some(true) => self.l.t("common.yes"),
            Some(false) => self.l.t("common.no"),
            None => "—",
        }
    }
}

async fn show_page(
    s: &AppState,
    u: &PageUser,
    id: i64,
    contact_form: FormState,
    activity_form: FormState,
) -> Result<ShowPage, WebError> {
    let d = uc::get(&s.app, u.actor(), id).await?;
    let timeline = leadledger_app::activities::list(
        &s.app,
        u.actor(),
        Some(id),
        None,
        PageRequest {
            page: 1,
            per_page: 200,
        },
    )
    .await?;
    let owner = d.customer.row.owner_id;
    let a = u.actor();
    let filter = leadledger_app::store::inquiries::InquiryFilter {
        customer_id: Some(id),
        ..Default::default()
    };
    let inquiries = leadledger_app::inquiries::list(
        &s.app,
        a,
        filter,
        PageRequest {
            page: 1,
            per_page: 50,
        },
    )
    .await?
    .items;
    let signals = leadledger_app::inquiries::signals(&s.app, a, id).await?;
    let qf = leadledger_app::store::quotes::QuoteFilter {
        customer_id: Some(id),
        latest_only: true,
        ..Default::default()
    };
    let quotes = leadledger_app::quotes::list(
        &s.app,
        a,
        qf,
        PageRequest {
            page: 1,
            per_page: 50,
        },
    )
    .await?
    .items;
    let receivables = leadledger_app::payments::receivables(&s.app, a, id).await?;
    let all = PageRequest {
        page: 1,
        per_page: 100,
    };
    let of = Some(id);
    let orders = leadledger_app::orders::list(
        &s.app,
        a,
        leadledger_app::store::orders::OrderFilter {
            customer_id: of,
            ..Default::default()
        },
        all,
    )
    .await?
    .items;
    let invoices = leadledger_app::invoices::summaries(
        &s.app,
        a,
        leadledger_app::store::invoices::InvoiceFilter {
            customer_id: of,
            ..Default::default()
        },
        all,
    )
    .await?
    .items;
    let payments = leadledger_app::payments::list(
        &s.app,
        a,
        leadledger_app::store::payments::PaymentFilter {
            customer_id: of,
            ..Default::default()
        },
        all,
    )
    .await?
    .items;
    Ok(ShowPage {
        orders,
        invoices,
        payments,
        receivables,
        quotes,
        inquiries,
        signals,
        l: Layout::new(u, "customers", d.customer.row.name.clone()),
        can_claim: owner.is_none()
            && a.can_edit_customer(owner)
            && a.can_assign_owner(Some(a.user_id)),
        can_release: owner.is_some() && a.can_edit_customer(owner),
        can_delete: a.can_delete_customers(),
        fields: fields::list(&s.app).await?,
        timeline: timeline.items,
        timeline_total: timeline.total,
        kinds: ActivityKind::ALL.iter().map(|k| k.as_str()).collect(),
        contact_form,
        activity_form,
        d,
    })
}

fn default_activity_form() -> FormState {
    let mut f = FormState::default();
    f.set("kind", "note");
    f.set(
        "at",
        chrono::Utc::now().format("%Y-%m-%dT%H:%M").to_string(),
    );
    f
}

pub async fn show(
    State(s): State<AppState>,
    u: PageUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    Ok(render(
        &show_page(&s, &u, id, FormState::default(), default_activity_form()).await?,
    ))
}

/// Re-renders the customer page with a quick-add form's errors.
pub(super) async fn show_with_errors(
    s: &AppState,
    u: &PageUser,
    id: i64,
    contact: Option<FormState>,
    activity: Option<FormState>,
) -> Result<Response, WebError> {
    let page = show_page(
        s,
        u,
        id,
        contact.unwrap_or_default(),
        activity.unwrap_or_else(default_activity_form),
    )
    .await?;
    Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
}

pub async fn delete(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    uc::delete(&s.app, p.user.actor(), id).await?;
    Ok(Redirect::to("/customers?flash=deleted").into_response())
}

pub async fn set_owner(
    State(s): State<AppState>,
    Path(id): Path<String>,
    p: PostForm,
) -> Result<Response, WebError> {
    let id = parse_id(&id)?;
    let choice = match p.form.get("owner") {
        "pool" => OwnerChoice::Pool,
        "me" => OwnerChoice::User(p.user.actor().user_id),
        v => OwnerChoice::User(
            v.parse()
                .map_err(|_| WebError::BadRequest("owner".into()))?,
        ),
    };
    match uc::set_owner(&s.app, p.user.actor(), id, choice).await {
        Ok(()) => Ok(Redirect::to(&format!("/customers/{id}?flash=saved")).into_response()),
        Err(AppError::Invalid(e)) => Err(WebError::BadRequest(e.to_string())),
        Err(e) => Err(e.into()),
    }
}
