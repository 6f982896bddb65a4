//! Contacts of customers. Access follows the customer: whoever may edit the customer may edit its
//! contacts.

use crate::customers::{editable, visible};
use crate::{App, Page, Result, audit, now};
use leadledger_domain::contact::ContactInput;
use leadledger_domain::page::PageRequest;
use leadledger_domain::user::Actor;
use leadledger_store::contacts::{self, ContactRecord, ContactRow};
use leadledger_store::{Tx, customers};
use serde::Serialize;
use serde_json::json;

#[derive(Debug, Clone, Serialize)]
pub struct ContactView {
    pub id: i64,
    pub customer_id: i64,
    pub name: String,
    pub title: Option<String>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub whatsapp: Option<String>,
    pub wechat: Option<String>,
    pub notes: Option<String>,
    pub created_at: i64,
}

fn view(c: ContactRow, channels: &[leadledger_store::contacts::ChannelRow]) -> ContactView {
    let id = c.id;
    let of = |kind: &'static str| {
        channels
            .iter()
            .filter(move |ch| ch.contact_id == id && ch.kind == kind)
            .map(|ch| ch.value.clone())
    };
    ContactView {
        id: c.id,
        customer_id: c.customer_id,
        emails: of("email").collect(),
        phones: of("phone").collect(),
        whatsapp: of("whatsapp").next(),
        wechat: of("wechat").next(),
        name: c.name,
        title: c.title,
        notes: c.notes,
        created_at: c.created_at,
    }
}

pub(crate) async fn load_for(tx: &mut Tx, customer_ids: &[i64]) -> Result<Vec<ContactView>> {
    let (rows, channels) = contacts::for_customers(tx, customer_ids).await?;
    Ok(rows.into_iter().map(|c| view(c, &channels)).collect())
}

fn record(c: &ContactInput) -> ContactRecord {
    ContactRecord {
        name: c.name.clone(),
        title: c.title.clone(),
        notes: c.notes.clone(),
        channels: c.channels(),
    }
}

fn snapshot(c: &ContactInput) -> serde_json::Value {
    json!({"name": c.name, "title": c.title, "notes": c.notes, "channels": c.channels()})
}

/// Inserts inside an open transaction (used by customer creation too); the caller audits.
pub(crate) async fn insert_in(
    tx: &mut Tx,
    customer_id: i64,
    c: &ContactInput,
    t: i64,
) -> Result<i64> {
    let id = contacts::insert(tx, customer_id, &record(c), t).await?;
    customers::touch(tx, customer_id, t).await?;
    Ok(id)
}

pub async fn create(app: &App, actor: &Actor, customer_id: i64, c: &ContactInput) -> Result<i64> {
    let mut tx = app.db.write().await?;
    editable(&mut tx, actor, customer_id).await?;
    let id = insert_in(&mut tx, customer_id, c, now()).await?;
    let mut snap = snapshot(c);
    snap["customer_id"] = json!(customer_id);
    audit::record(&mut tx, Some(actor), "contact", Some(id), "create", snap).await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn get(app: &App, actor: &Actor, id: i64) -> Result<ContactView> {
    let mut tx = app.db.read().await?;
    let row = contacts::get(&mut tx, id).await?;
    visible(&mut tx, actor, row.customer_id).await?;
    let channels = contacts::channels_of(&mut tx, id).await?;
    Ok(view(row, &channels))
}

pub async fn update(app: &App, actor: &Actor, id: i64, c: &ContactInput) -> Result<()> {
    let mut tx = app.db.write().await?;
    let row = contacts::get(&mut tx, id).await?;
    editable(&mut tx, actor, row.customer_id).await?;
    let before = view(row.clone(), &contacts::channels_of(&mut tx, id).await?);
    contacts::update(&mut tx, id, &record(c)).await?;
    customers::touch(&mut tx, row.customer_id, now()).await?;
    let old = json!({"name": before.name, "title": before.title, "notes": before.notes, "emails": before.emails, "phones": before.phones, "whatsapp": before.whatsapp, "wechat": before.wechat});
    let new = json!({"name": c.name, "title": c.title, "notes": c.notes, "emails": c.emails, "phones": c.phones, "whatsapp": c.whatsapp, "wechat": c.wechat});
    audit::record(
        &mut tx,
        Some(actor),
        "contact",
        Some(id),
        "update",
        audit::diff(&old, &new),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn delete(app: &App, actor: &Actor, id: i64) -> Result<()> {
    let mut tx = app.db.write().await?;
    let row = contacts::get(&mut tx, id).await?;
    editable(&mut tx, actor, row.customer_id).await?;
    contacts::delete(&mut tx, id).await?;
    customers::touch(&mut tx, row.customer_id, now()).await?;
    audit::record(
        &mut tx,
        Some(actor),
        "contact",
        Some(id),
        "delete",
        json!({"name": row.name, "customer_id": row.customer_id}),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Contacts the actor may see, optionally of one customer.
pub async fn list(
    app: &App,
    actor: &Actor,
    customer_id: Option<i64>,
    page: PageRequest,
) -> Result<Page<ContactView>> {
    let mut tx = app.db.read().await?;
    if let Some(id) = customer_id {
        visible(&mut tx, actor, id).await?;
    }
    let (rows, total) = contacts::list(
        &mut tx,
        customer_id,
        actor.customer_scope(),
        page.limit(),
        page.offset(),
    )
    .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.customer_id).collect();
    let (_, channels) = contacts::for_customers(&mut tx, &ids).await?;
    let items = rows.into_iter().map(|c| view(c, &channels)).collect();
    Ok(Page {
        items,
        total,
        page: page.page,
        per_page: page.per_page,
    })
}
