//! The activity timeline: who did what with a buyer, when, and for how long.

use crate::customers::{editable, visible};
use crate::{App, Page, Result, audit, now};
use leadledger_domain::activity::ActivityInput;
use leadledger_domain::page::PageRequest;
use leadledger_domain::user::Actor;
use leadledger_store::activities::{self, ActivityRecord, ActivityRow};
use leadledger_store::customers;
use serde_json::json;

fn record(a: &ActivityInput, user_id: Option<i64>) -> ActivityRecord {
    ActivityRecord {
        kind: a.kind.as_str().to_string(),
        at: a.at.timestamp(),
        user_id,
        minutes: a.minutes,
        body: a.body.clone(),
    }
}

fn snapshot(r: &ActivityRecord) -> serde_json::Value {
    json!({"kind": r.kind, "at": r.at, "minutes": r.minutes, "body": r.body})
}

pub async fn create(app: &App, actor: &Actor, customer_id: i64, a: &ActivityInput) -> Result<i64> {
    let mut tx = app.db.write().await?;
    editable(&mut tx, actor, customer_id).await?;
    let rec = record(a, Some(actor.user_id));
    let t = now();
    let id = activities::insert(&mut tx, customer_id, &rec, t).await?;
    customers::touch(&mut tx, customer_id, t).await?;
    let mut snap = snapshot(&rec);
    snap["customer_id"] = json!(customer_id);
    audit::record(&mut tx, Some(actor), "activity", Some(id), "create", snap).await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn get(app: &App, actor: &Actor, id: i64) -> Result<ActivityRow> {
    let mut tx = app.db.read().await?;
    let row = activities::get(&mut tx, id).await?;
    visible(&mut tx, actor, row.customer_id).await?;
    Ok(row)
}

pub async fn update(app: &App, actor: &Actor, id: i64, a: &ActivityInput) -> Result<()> {
    let mut tx = app.db.write().await?;
    let old = activities::get(&mut tx, id).await?;
    editable(&mut tx, actor, old.customer_id).await?;
    let rec = record(a, old.user_id);
    activities::update(&mut tx, id, &rec).await?;
    let before = ActivityRecord {
        kind: old.kind,
        at: old.at,
        user_id: old.user_id,
        minutes: old.minutes,
        body: old.body,
    };
    audit::record(
        &mut tx,
        Some(actor),
        "activity",
        Some(id),
        "update",
        audit::diff(&snapshot(&before), &snapshot(&rec)),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn delete(app: &App, actor: &Actor, id: i64) -> Result<()> {
    let mut tx = app.db.write().await?;
    let old = activities::get(&mut tx, id).await?;
    editable(&mut tx, actor, old.customer_id).await?;
    activities::delete(&mut tx, id).await?;
    audit::record(
        &mut tx,
        Some(actor),
        "activity",
        Some(id),
        "delete",
        json!({"customer_id": old.customer_id, "kind": old.kind, "at": old.at}),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn list(
    app: &App,
    actor: &Actor,
    customer_id: Option<i64>,
    kind: Option<&str>,
    page: PageRequest,
) -> Result<Page<ActivityRow>> {
    let mut tx = app.db.read().await?;
    if let Some(id) = customer_id {
        visible(&mut tx, actor, id).await?;
    }
    let (items, total) = activities::list(
        &mut tx,
        customer_id,
        kind,
        actor.customer_scope(),
        page.limit(),
        page.offset(),
    )
    .await?;
    Ok(Page {
        items,
        total,
        page: page.page,
        per_page: page.per_page,
    })
}
