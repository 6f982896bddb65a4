//! The audit log: who changed what, when. Rows are only ever inserted.

use crate::{Arg, Result, Tx, bind_args, on_tx};
use sqlx::AssertSqlSafe;

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
    let mut args = Vec::new();
    let mut conds = Vec::new();
    if let Some(e) = &f.entity {
        args.push(Arg::Text(e.clone()));
        conds.push(format!("entity = ${}", args.len()));
    }
    if let Some(id) = f.entity_id {
        args.push(Arg::I64(id));
        conds.push(format!("entity_id = ${}", args.len()));
    }
    if let Some(a) = &f.actor {
        args.push(Arg::Text(a.clone()));
        conds.push(format!("actor = ${}", args.len()));
    }
    if let Some(a) = &f.action {
        args.push(Arg::Text(a.clone()));
        conds.push(format!("action = ${}", args.len()));
    }
    let wh = if conds.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", conds.join(" AND "))
    };
    let count_sql = format!("SELECT COUNT(*) FROM audit_log{wh}");
    let total: i64 = on_tx!(tx, |c| bind_args!(
        sqlx::query_scalar(AssertSqlSafe(count_sql.clone())),
        &args
    )
    .fetch_one(c)
    .await)?;
    let n = args.len();
    let sql = format!(
        "SELECT id, at, user_id, actor, entity, entity_id, action, changes FROM audit_log{wh} ORDER BY id DESC LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    args.push(Arg::I64(limit));
    args.push(Arg::I64(offset));
    let rows = on_tx!(tx, |c| bind_args!(
        sqlx::query_as(AssertSqlSafe(sql.clone())),
        &args
    )
    .fetch_all(c)
    .await)?;
    Ok((rows, total))
}
