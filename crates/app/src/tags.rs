//! Tags: anyone but finance may create one; managers and admins rename, recolour and delete.

use crate::{App, AppError, Result, audit, now};
use leadledger_domain::FieldErrors;
use leadledger_domain::tag::{Color, TagName};
use leadledger_domain::user::Actor;
use leadledger_store::tags::{self, TagRow};
use serde_json::json;

fn parse(name: &str, color: &str) -> Result<(TagName, Color)> {
    let mut e = FieldErrors::new();
    let n = e.take("name", TagName::parse(name));
    let c = e.take(
        "color",
        if color.trim().is_empty() {
            Ok(Color::default())
        } else {
            Color::parse(color)
        },
    );
    Ok(e.finish(|| (n.unwrap(), c.unwrap()))?)
}

pub async fn list(app: &App) -> Result<Vec<TagRow>> {
    let mut tx = app.db.read().await?;
    Ok(tags::list(&mut tx).await?)
}

pub async fn get(app: &App, id: i64) -> Result<TagRow> {
    let mut tx = app.db.read().await?;
    Ok(tags::get(&mut tx, id).await?)
}

pub async fn create(app: &App, actor: &Actor, name: &str, color: &str) -> Result<i64> {
    if !actor.can_create_tags() {
        return Err(AppError::Forbidden);
    }
    let (n, c) = parse(name, color)?;
    let mut tx = app.db.write().await?;
    if tags::by_name(&mut tx, n.as_str()).await?.is_some() {
        return Err(AppError::field(
            "name",
            leadledger_domain::Invalid::new("tag_exists", "a tag with this name exists"),
        ));
    }
    let id = tags::insert(&mut tx, n.as_str(), c.as_str(), now()).await?;
    audit::record(
        &mut tx,
        Some(actor),
        "tag",
        Some(id),
        "create",
        json!({"name": n.as_str(), "color": c.as_str()}),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn update(app: &App, actor: &Actor, id: i64, name: &str, color: &str) -> Result<()> {
    if !actor.can_manage_tags() {
        return Err(AppError::Forbidden);
    }
    let (n, c) = parse(name, color)?;
    let mut tx = app.db.write().await?;
    let old = tags::get(&mut tx, id).await?;
    if tags::by_name(&mut tx, n.as_str())
        .await?
        .is_some_and(|t| t.id != id)
    {
        return Err(AppError::field(
            "name",
            leadledger_domain::Invalid::new("tag_exists", "a tag with this name exists"),
        ));
    }
    tags::update(&mut tx, id, n.as_str(), c.as_str()).await?;
    let changes = audit::diff(
        &json!({"name": old.name, "color": old.color}),
        &json!({"name": n.as_str(), "color": c.as_str()}),
    );
    audit::record(&mut tx, Some(actor), "tag", Some(id), "update", changes).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn delete(app: &App, actor: &Actor, id: i64) -> Result<()> {
    if !actor.can_manage_tags() {
        return Err(AppError::Forbidden);
    }
    let mut tx = app.db.write().await?;
    let old = tags::get(&mut tx, id).await?;
    tags::delete(&mut tx, id).await?;
    audit::record(
        &mut tx,
        Some(actor),
        "tag",
        Some(id),
        "delete",
        json!({"name": old.name, "customers": old.customers}),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
