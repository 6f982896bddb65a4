//! The audit log: who changed what, when. Rows are only ever inserted.

use crate::query::{Filter, page};
use crate::{Arg, Result, Tx, on_tx};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct AuditRow {
    pub id: i64,
    pub at: i64,
    pub user_id: Option<i64>,
    pub actor: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub action: String,
    pub changes: String,
}

pub struct AuditRecord<'a> {
    pub user_id: Option<i64>,
    pub actor: &'a str,
    pub entity: &'a str,
    pub entity_id: Option<i64>,
    pub action: &'a str,
    /// JSON describing the change (`{"field": [old, new]}` or the created object).
    pub changes: String,
}

pub async fn insert(tx: &mut Tx, r: &AuditRecord<'_>, now: i64) -> Result<()> {
    on_tx!(tx, |c| {
        sqlx::query(
        "INSERT INTO audit_log (at, user_id, actor, entity, entity_id, action, changes) VALUES ($1, $2, $3, $4, $5, $6, $7)"
    )
    .bind(now)
    .bind(r.user_id)
    .bind(r.actor)
    .bind(r.entity)
    .bind(r.entity_id)
    .bind(r.action)
    .bind(&r.changes)
    .execute(c)
    .await.map(|r| r.rows_affected())
    })?;
    Ok(())
}

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub entity: Option<String>,
    pub entity_id: Option<i64>,
    pub actor: Option<String>,
    pub action: Option<String>,
}

pub async fn list(
    tx: &mut Tx,
    f: &AuditFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<AuditRow>, i64)> {
    let mut w = Filter::default();
    if let Some(e) = &f.entity {
        w.with("entity = {}", Arg::Text(e.clone()));
    }
    if let Some(id) = f.entity_id {
        w.with("entity_id = {}", Arg::I64(id));
    }
    if let Some(a) = &f.actor {
        w.with("actor = {}", Arg::Text(a.clone()));
    }
    if let Some(a) = &f.action {
        w.with("action = {}", Arg::Text(a.clone()));
    }
    let from = format!("FROM audit_log{}", w.sql());
    let select = "SELECT id, at, user_id, actor, entity, entity_id, action, changes";
    page(tx, select, &from, "id DESC", w, limit, offset).await
}
