//! Writing and reading the audit log. Every mutating use case calls [`record`] inside its
//! transaction, so a change and its audit entry commit or fail together.

use crate::{App, AppError, Page, Result};
use leadledger_domain::page::PageRequest;
use leadledger_domain::user::Actor;
use leadledger_store::Tx;
use leadledger_store::audit::{self, AuditFilter, AuditRecord, AuditRow};
use serde_json::{Map, Value};

/// Records `action` on `entity` by `actor` (or the command line when `None`).
pub async fn record(
    tx: &mut Tx,
    actor: Option<&Actor>,
    entity: &str,
    entity_id: Option<i64>,
    action: &str,
    changes: Value,
) -> Result<()> {
    let rec = AuditRecord {
        user_id: actor.map(|a| a.user_id),
        actor: actor.map(|a| a.username.as_str()).unwrap_or("cli"),
        entity,
        entity_id,
        action,
        changes: changes.to_string(),
    };
    audit::insert(tx, &rec, crate::now()).await?;
    Ok(())
}

/// `{"field": [old, new]}` for every top-level field that differs between two snapshots.
pub fn diff(old: &Value, new: &Value) -> Value {
    let empty = Map::new();
    let o = old.as_object().unwrap_or(&empty);
    let n = new.as_object().unwrap_or(&empty);
    let mut out = Map::new();
    for (k, nv) in n {
        let ov = o.get(k).unwrap_or(&Value::Null);
        if ov != nv {
            out.insert(k.clone(), Value::Array(vec![ov.clone(), nv.clone()]));
        }
    }
    for (k, ov) in o {
        if !n.contains_key(k) {
            out.insert(k.clone(), Value::Array(vec![ov.clone(), Value::Null]));
        }
    }
    Value::Object(out)
}

pub async fn list(
    app: &App,
    actor: &Actor,
    filter: &AuditFilter,
    page: PageRequest,
) -> Result<Page<AuditRow>> {
    if !actor.can_read_audit() {
        return Err(AppError::Forbidden);
    }
    let mut tx = app.db.read().await?;
    let (items, total) = audit::list(&mut tx, filter, page.limit(), page.offset()).await?;
    Ok(Page {
        items,
        total,
        page: page.page,
        per_page: page.per_page,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn diff_lists_only_changed_fields() {
        let d = diff(
            &json!({"a": 1, "b": "x", "c": null}),
            &json!({"a": 1, "b": "y", "c": 2}),
        );
        assert_eq!(d, json!({"b": ["x", "y"], "c": [null, 2]}));
    }
}
