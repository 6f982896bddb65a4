//! Customer use cases: list, view, create and edit with the duplicate check (查重), delete,
//! claim from the public pool, and merge.

use crate::error::DuplicateCandidate;
use crate::{App, AppError, Page, Result, audit, contacts, fields, now};
use leadledger_domain::contact::ContactInput;
use leadledger_domain::customer::CustomerInput;
use leadledger_domain::email::is_free_mail_domain;
use leadledger_domain::page::PageRequest;
use leadledger_domain::user::Actor;
use leadledger_domain::{FieldErrors, Invalid};
use leadledger_store::customers::{
    self, CustomerFilter, CustomerRecord, CustomerRow, DuplicateKeys,
};
use leadledger_store::{Tx, activities, tags, users};
use serde::Serialize;
use serde_json::json;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize)]
pub struct TagRef {
    pub id: i64,
    pub name: String,
    pub color: String,
}

/// A customer with its tags and custom values, as lists and pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct CustomerView {
    #[serde(flatten)]
    pub row: CustomerRow,
    pub region: String,
    pub tags: Vec<TagRef>,
    /// Stored values by field id (option ids for selects).
    pub custom: BTreeMap<i64, Vec<String>>,
}

/// Who should own a customer after a save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnerChoice {
    /// Keep the current owner (on create: the acting user).
    Keep,
    Pool,
    User(i64),
}

/// Everything a create or edit carries besides the customer's own columns.
#[derive(Debug, Clone)]
pub struct CustomerChange {
    pub input: CustomerInput,
    pub owner: OwnerChoice,
    /// `None` leaves tags as they are.
    pub tag_ids: Option<Vec<i64>>,
    /// Tags to create and attach in the same transaction (names not yet existing).
    pub new_tags: Vec<leadledger_domain::tag::TagName>,
    /// Raw values per custom field id; fields not named are left as they are.
    pub custom: BTreeMap<i64, Vec<String>>,
    /// A first contact, on create.
    pub contact: Option<ContactInput>,
    /// Save even though similar customers exist.
    pub confirm_duplicates: bool,
}

fn region_of(country: &str) -> String {
    leadledger_domain::country::CountryCode::parse(country)
        .map(|c| c.continent().as_str().to_string())
        .unwrap_or_default()
}

/// Loads tags and custom values for a set of rows.
async fn decorate(tx: &mut Tx, rows: Vec<CustomerRow>) -> Result<Vec<CustomerView>> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut tag_map: BTreeMap<i64, Vec<TagRef>> = BTreeMap::new();
    for t in tags::for_customers(tx, &ids).await? {
        tag_map.entry(t.customer_id).or_default().push(TagRef {
            id: t.id,
            name: t.name,
            color: t.color,
        });
    }
    let mut val_map: BTreeMap<i64, BTreeMap<i64, Vec<String>>> = BTreeMap::new();
    for v in leadledger_store::fields::values_for_customers(tx, &ids).await? {
        val_map
            .entry(v.customer_id)
            .or_default()
            .entry(v.field_id)
            .or_default()
            .push(v.value);
    }
    Ok(rows
        .into_iter()
        .map(|row| CustomerView {
            region: region_of(&row.country),
            tags: tag_map.remove(&row.id).unwrap_or_default(),
            custom: val_map.remove(&row.id).unwrap_or_default(),
            row,
        })
        .collect())
}

/// Customers the actor may see, filtered, sorted and paged.
pub async fn list(
    app: &App,
    actor: &Actor,
    mut filter: CustomerFilter,
    page: PageRequest,
) -> Result<Page<CustomerView>> {
    filter.visible_to = actor.customer_scope();
    let mut tx = app.db.read().await?;
    let (rows, total) = customers::list(&mut tx, &filter, page.limit(), page.offset()).await?;
    let items = decorate(&mut tx, rows).await?;
    Ok(Page {
        items,
        total,
        page: page.page,
        per_page: page.per_page,
    })
}

/// Loads a customer the actor may see; an invisible one is reported as not found.
pub(crate) async fn visible(tx: &mut Tx, actor: &Actor, id: i64) -> Result<Option<i64>> {
    let owner = customers::owner_of(tx, id).await?;
    if actor.can_see_customer(owner) {
        Ok(owner)
    } else {
        Err(AppError::NotFound)
    }
}

/// Like [`visible`], and the actor must also be allowed to change it.
pub(crate) async fn editable(tx: &mut Tx, actor: &Actor, id: i64) -> Result<Option<i64>> {
    let owner = visible(tx, actor, id).await?;
    if actor.can_edit_customer(owner) {
        Ok(owner)
    } else {
        Err(AppError::Forbidden)
    }
}

/// One customer with tags, custom values, contacts and effort so far.
#[derive(Debug, Clone, Serialize)]
pub struct CustomerDetail {
    #[serde(flatten)]
    pub customer: CustomerView,
    pub contacts: Vec<contacts::ContactView>,
    pub minutes_spent: i64,
    pub last_activity_at: Option<i64>,
    pub can_edit: bool,
}

pub async fn get(app: &App, actor: &Actor, id: i64) -> Result<CustomerDetail> {
    let mut tx = app.db.read().await?;
    let owner = visible(&mut tx, actor, id).await?;
    let row = customers::get(&mut tx, id).await?;
    let customer = decorate(&mut tx, vec![row]).await?.remove(0);
    let contacts = contacts::load_for(&mut tx, &[id]).await?;
    let (minutes_spent, last_activity_at) = activities::summary(&mut tx, id).await?;
    Ok(CustomerDetail {
        customer,
        contacts,
        minutes_spent,
        last_activity_at,
        can_edit: actor.can_edit_customer(owner),
    })
}

fn record_of(i: &CustomerInput, owner_id: Option<i64>) -> CustomerRecord {
    CustomerRecord {
        name: i.name.as_str().to_string(),
        match_key: i.name.match_key(),
        sort_name: i.name.sort_key(),
        country: i.country.as_str().to_string(),
        website: i.website.as_ref().map(|w| w.url().to_string()),
        website_host: i.website.as_ref().map(|w| w.host().to_string()),
        email_domain: i.email_domain.as_ref().map(|d| d.as_str().to_string()),
        source: i.source.as_str().to_string(),
        source_detail: i.source_detail.clone(),
        owner_id,
        status: i.status.as_str().to_string(),
        completeness: i.completeness.map(|c| c.as_str().to_string()),
        requirement_clear: i.requirement_clear,
        stage: i.stage.map(|s| s.as_str().to_string()),
        notes: i.notes.clone(),
    }
}

/// The snapshot the audit log compares.
fn snapshot(r: &CustomerRecord) -> serde_json::Value {
    json!({
        "name": r.name, "country": r.country, "website": r.website, "email_domain": r.email_domain,
        "source": r.source, "source_detail": r.source_detail, "owner_id": r.owner_id, "status": r.status,
        "completeness": r.completeness, "requirement_clear": r.requirement_clear, "stage": r.stage, "notes": r.notes,
    })
}

fn record_from_row(r: &CustomerRow) -> CustomerRecord {
    CustomerRecord {
        name: r.name.clone(),
        country: r.country.clone(),
        website: r.website.clone(),
        website_host: r.website_host.clone(),
        email_domain: r.email_domain.clone(),
        source: r.source.clone(),
        source_detail: r.source_detail.clone(),
        owner_id: r.owner_id,
        status: r.status.clone(),
        completeness: r.completeness.clone(),
        requirement_clear: r.requirement_clear,
        stage: r.stage.clone(),
        notes: r.notes.clone(),
        ..Default::default()
    }
}

/// The keys a customer is compared on.
pub fn duplicate_keys(input: &CustomerInput, contact_emails: &[String]) -> DuplicateKeys {
    let mut domains: Vec<String> = Vec::new();
    let mut add = |d: &str| {
        if !is_free_mail_domain(d) && !domains.iter().any(|x| x == d) {
            domains.push(d.to_string());
        }
    };
    if let Some(w) = &input.website {
        add(w.host());
    }
    if let Some(d) = &input.email_domain {
        add(d.as_str());
    }
    for e in contact_emails {
        if let Some((_, d)) = e.rsplit_once('@') {
            add(d);
        }
    }
    DuplicateKeys {
        match_key: input.name.match_key(),
        domains,
        emails: contact_emails.to_vec(),
    }
}

/// Customers that look like `input` (by name, domain or contact email), excluding `exclude`.
pub async fn find_duplicates(
    tx: &mut Tx,
    input: &CustomerInput,
    contact_emails: &[String],
    exclude: Option<i64>,
) -> Result<Vec<DuplicateCandidate>> {
    let rows =
        customers::find_duplicates(tx, &duplicate_keys(input, contact_emails), exclude).await?;
    let mut out: Vec<DuplicateCandidate> = Vec::new();
    for r in rows {
        match out.iter_mut().find(|c| c.id == r.id) {
            Some(c) => {
                if !c.reasons.contains(&r.reason) {
                    c.reasons.push(r.reason)
                }
            }
            None => out.push(DuplicateCandidate {
                id: r.id,
                name: r.name,
                country: r.country,
                owner: r.owner_username,
                reasons: vec![r.reason],
            }),
        }
    }
    Ok(out)
}

/// Checks for duplicates without saving (the API's and the form's "check" step).
pub async fn check_duplicates(
    app: &App,
    actor: &Actor,
    input: &CustomerInput,
    contact_emails: &[String],
    exclude: Option<i64>,
) -> Result<Vec<DuplicateCandidate>> {
    if !actor.can_create_customers() {
        return Err(AppError::Forbidden);
    }
    let mut tx = app.db.read().await?;
    find_duplicates(&mut tx, input, contact_emails, exclude).await
}

async fn resolve_owner(
    tx: &mut Tx,
    actor: &Actor,
    choice: OwnerChoice,
    current: Option<i64>,
) -> Result<Option<i64>> {
    let owner = match choice {
        OwnerChoice::Keep => current,
        OwnerChoice::Pool => None,
        OwnerChoice::User(id) => Some(id),
    };
    if owner != current && !actor.can_assign_owner(owner) {
        return Err(AppError::field(
            "owner",
            Invalid::new(
                "owner_not_allowed",
                "you can only assign customers to yourself or the public pool",
            ),
        ));
    }
    if let Some(id) = owner.filter(|id| Some(*id) != current) {
        match users::by_id(tx, id).await {
            Ok(u) if !u.disabled => {}
            _ => {
                return Err(AppError::field(
                    "owner",
                    Invalid::new("unknown_owner", "no such active user"),
                ));
            }
        }
    }
    Ok(owner)
}

/// Creates (or finds) the named tags inside the transaction and adds their ids to `ids`.
async fn add_new_tags(
    tx: &mut Tx,
    actor: &Actor,
    names: &[leadledger_domain::tag::TagName],
    ids: &mut Option<Vec<i64>>,
) -> Result<()> {
    if names.is_empty() {
        return Ok(());
    }
    if !actor.can_create_tags() {
        return Err(AppError::Forbidden);
    }
    let list = ids.get_or_insert_with(Vec::new);
    for n in names {
        let id = match tags::by_name(tx, n.as_str()).await? {
            Some(t) => t.id,
            None => {
                let color = leadledger_domain::tag::Color::default();
                let id = tags::insert(tx, n.as_str(), color.as_str(), now()).await?;
                audit::record(
                    tx,
                    Some(actor),
                    "tag",
                    Some(id),
                    "create",
                    json!({"name": n.as_str(), "color": color.as_str()}),
                )
                .await?;
                id
            }
        };
        if !list.contains(&id) {
            list.push(id);
        }
    }
    Ok(())
}

async fn check_tags(tx: &mut Tx, tag_ids: &[i64]) -> Result<()> {
    let known: Vec<i64> = tags::list(tx).await?.into_iter().map(|t| t.id).collect();
    if let Some(bad) = tag_ids.iter().find(|t| !known.contains(t)) {
        return Err(AppError::field(
            "tags",
            Invalid::new("unknown_tag", format!("no tag with id {bad}")),
        ));
    }
    Ok(())
}

/// Creates a customer. Refuses with [`AppError::Duplicates`] when similar customers exist, unless
/// the change confirms it. Tags, custom values and a first contact are saved in the same
/// transaction, with one audit entry.
pub async fn create(app: &App, actor: &Actor, change: CustomerChange) -> Result<i64> {
    if !actor.can_create_customers() {
        return Err(AppError::Forbidden);
    }
    let mut tx = app.db.write().await?;
    let owner = resolve_owner(&mut tx, actor, change.owner, Some(actor.user_id)).await?;
    let field_values = fields::parse_values(&mut tx, &change.custom, true).await?;
    if let Some(ids) = &change.tag_ids {
        check_tags(&mut tx, ids).await?;
    }
    let emails: Vec<String> = change
        .contact
        .iter()
        .flat_map(|c| c.emails.iter().map(|e| e.as_str().to_string()))
        .collect();
    if !change.confirm_duplicates {
        let dups = find_duplicates(&mut tx, &change.input, &emails, None).await?;
        if !dups.is_empty() {
            return Err(AppError::Duplicates(dups));
        }
    }
    let mut change = change;
    add_new_tags(&mut tx, actor, &change.new_tags, &mut change.tag_ids).await?;
    let rec = record_of(&change.input, owner);
    let t = now();
    let id = customers::insert(&mut tx, &rec, t).await?;
    if rec.completeness.is_some() {
        leadledger_store::inquiries::mark_completeness_by_person(&mut tx, id).await?;
    }
    if let Some(ids) = &change.tag_ids {
        tags::set_for_customer(&mut tx, id, ids).await?;
    }
    for (fid, vals) in &field_values {
        leadledger_store::fields::set_values(&mut tx, id, *fid, vals).await?;
    }
    let mut snap = snapshot(&rec);
    snap["tags"] = json!(change.tag_ids.clone().unwrap_or_default());
    snap["custom"] = json!(field_values);
    if let Some(c) = &change.contact {
        let cid = contacts::insert_in(&mut tx, id, c, t).await?;
        snap["contact_id"] = json!(cid);
    }
    if change.confirm_duplicates {
        snap["confirmed_duplicates"] = json!(true);
    }
    audit::record(&mut tx, Some(actor), "customer", Some(id), "create", snap).await?;
    tx.commit().await?;
    Ok(id)
}

/// Edits a customer; the same duplicate check runs against every other customer.
pub async fn update(app: &App, actor: &Actor, id: i64, change: CustomerChange) -> Result<()> {
    let mut tx = app.db.write().await?;
    let current_owner = editable(&mut tx, actor, id).await?;
    let owner = resolve_owner(&mut tx, actor, change.owner, current_owner).await?;
    let field_values = fields::parse_values(&mut tx, &change.custom, false).await?;
    if let Some(ids) = &change.tag_ids {
        check_tags(&mut tx, ids).await?;
    }
    if !change.confirm_duplicates {
        let dups = find_duplicates(&mut tx, &change.input, &[], Some(id)).await?;
        if !dups.is_empty() {
            return Err(AppError::Duplicates(dups));
        }
    }
    let mut change = change;
    add_new_tags(&mut tx, actor, &change.new_tags, &mut change.tag_ids).await?;
    let old_row = customers::get(&mut tx, id).await?;
    let mut old = snapshot(&record_from_row(&old_row));
    let rec = record_of(&change.input, owner);
    let mut new = snapshot(&rec);
    let t = now();
    customers::update(&mut tx, id, &rec, t).await?;
    if rec.completeness != old_row.completeness {
        // A person chose the grade: later inquiries no longer overwrite it.
        leadledger_store::inquiries::mark_completeness_by_person(&mut tx, id).await?;
    }
    if let Some(ids) = &change.tag_ids {
        let before: Vec<i64> = tags::for_customers(&mut tx, &[id])
            .await?
            .into_iter()
            .map(|t| t.id)
            .collect();
        tags::set_for_customer(&mut tx, id, ids).await?;
        let mut after = ids.clone();
        after.sort_unstable();
        old["tags"] = json!(before);
        new["tags"] = json!(after);
    }
    if !field_values.is_empty() {
        let before = leadledger_store::fields::values_for_customers(&mut tx, &[id]).await?;
        for (fid, vals) in &field_values {
            let b: Vec<&String> = before
                .iter()
                .filter(|v| v.field_id == *fid)
                .map(|v| &v.value)
                .collect();
            old[format!("custom.{fid}")] = json!(b);
            new[format!("custom.{fid}")] = json!(vals);
            leadledger_store::fields::set_values(&mut tx, id, *fid, vals).await?;
        }
    }
    let changes = audit::diff(&old, &new);
    if changes.as_object().is_some_and(|m| !m.is_empty()) {
        audit::record(
            &mut tx,
            Some(actor),
            "customer",
            Some(id),
            "update",
            changes,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

pub async fn delete(app: &App, actor: &Actor, id: i64) -> Result<()> {
    let mut tx = app.db.write().await?;
    visible(&mut tx, actor, id).await?;
    if !actor.can_delete_customers() {
        return Err(AppError::Forbidden);
    }
    if leadledger_store::quotes::count_for_customer(&mut tx, id).await? > 0 {
        return Err(AppError::Conflict(
            "this customer has quotes; merge it into another customer instead of deleting it"
                .into(),
        ));
    }
    let row = customers::get(&mut tx, id).await?;
    customers::delete(&mut tx, id).await?;
    audit::record(
        &mut tx,
        Some(actor),
        "customer",
        Some(id),
        "delete",
        snapshot(&record_from_row(&row)),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A sales user takes a customer from the public pool; or anyone allowed releases one to it.
pub async fn set_owner(app: &App, actor: &Actor, id: i64, owner: OwnerChoice) -> Result<()> {
    let mut tx = app.db.write().await?;
    let current = editable(&mut tx, actor, id).await?;
    let new = resolve_owner(&mut tx, actor, owner, current).await?;
    if new != current {
        customers::set_owner(&mut tx, id, new, now()).await?;
        audit::record(
            &mut tx,
            Some(actor),
            "customer",
            Some(id),
            "set_owner",
            json!({"owner_id": [current, new]}),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Merges `from` into `into`: contacts, activities, tags and custom values move to `into`, and
/// `from` is deleted. The actor must be allowed to edit both.
pub async fn merge(app: &App, actor: &Actor, into: i64, from: i64) -> Result<()> {
    if into == from {
        return Err(AppError::field(
            "from",
            Invalid::new("same_customer", "choose two different customers"),
        ));
    }
    let mut tx = app.db.write().await?;
    editable(&mut tx, actor, into).await?;
    editable(&mut tx, actor, from).await?;
    let gone = customers::get(&mut tx, from).await?;
    let mut snap = snapshot(&record_from_row(&gone));
    snap["merged_from_id"] = json!(from);
    customers::merge(&mut tx, into, from, now()).await?;
    audit::record(&mut tx, Some(actor), "customer", Some(into), "merge", snap).await?;
    tx.commit().await?;
    Ok(())
}

/// Parses the raw id list of a form or query (`"3,5"` or repeated values) into tag ids.
pub fn parse_ids(field: &str, raw: &[String]) -> Result<Vec<i64>, FieldErrors> {
    let mut out = Vec::new();
    for part in raw
        .iter()
        .flat_map(|s| s.split(','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        match part.parse::<i64>() {
            Ok(v) if v > 0 => {
                if !out.contains(&v) {
                    out.push(v)
                }
            }
            _ => {
                return Err(FieldErrors::single(
                    field,
                    Invalid::new("invalid_id", format!("{part:?} is not an id")),
                ));
            }
        }
    }
    Ok(out)
}
