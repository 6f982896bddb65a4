//! The audit log.

use super::support::{T0, read, user, write};
use leadledger_store::Db;
use leadledger_store::audit::{self, AuditFilter, AuditRecord};

async fn entry(
    db: &Db,
    user_id: Option<i64>,
    actor: &str,
    entity: &str,
    entity_id: Option<i64>,
    action: &str,
    at: i64,
) {
    let mut tx = write(db).await;
    let r = AuditRecord {
        user_id,
        actor,
        entity,
        entity_id,
        action,
        changes: format!("{{\"n\":\"{entity}-{action}\"}}"),
    };
    audit::insert(&mut tx, &r, at).await.unwrap();
    tx.commit().await.unwrap();
}

async fn actions(db: &Db, f: AuditFilter, limit: i64, offset: i64) -> (Vec<String>, i64) {
    let mut tx = read(db).await;
    let (rows, total) = audit::list(&mut tx, &f, limit, offset).await.unwrap();
    (
        rows.into_iter()
            .map(|r| format!("{}:{}:{}", r.entity, r.entity_id.unwrap_or(0), r.action))
            .collect(),
        total,
    )
}

fn v(s: &[&str]) -> Vec<String> {
    s.iter().map(|x| x.to_string()).collect()
}

pub async fn audit_entries_list_newest_first_and_filter_by_every_field(db: Db) {
    let boss = user(&db, "boss", "admin").await;
    entry(&db, Some(boss), "boss", "customer", Some(1), "create", T0).await;
    entry(
        &db,
        Some(boss),
        "boss",
        "customer",
        Some(1),
        "update",
        T0 + 1,
    )
    .await;
    entry(&db, None, "cli", "user", Some(7), "create", T0 + 2).await;
    entry(
        &db,
        Some(boss),
        "boss",
        "customer",
        Some(2),
        "delete",
        T0 + 3,
    )
    .await;
    entry(&db, None, "cli", "demo", None, "seed", T0 + 4).await;
    let all = actions(&db, AuditFilter::default(), 10, 0).await;
    assert_eq!(
        all,
        (
            v(&[
                "demo:0:seed",
                "customer:2:delete",
                "user:7:create",
                "customer:1:update",
                "customer:1:create"
            ]),
            5
        )
    );
    let f = |entity: Option<&str>,
             entity_id: Option<i64>,
             actor: Option<&str>,
             action: Option<&str>| AuditFilter {
        entity: entity.map(Into::into),
        entity_id,
        actor: actor.map(Into::into),
        action: action.map(Into::into),
    };
    assert_eq!(
        actions(&db, f(Some("customer"), None, None, None), 10, 0)
            .await
            .1,
        3
    );
    assert_eq!(
        actions(&db, f(Some("customer"), Some(1), None, None), 10, 0).await,
        (v(&["customer:1:update", "customer:1:create"]), 2)
    );
    assert_eq!(
        actions(&db, f(None, None, Some("cli"), None), 10, 0).await,
        (v(&["demo:0:seed", "user:7:create"]), 2)
    );
    assert_eq!(
        actions(&db, f(None, None, None, Some("create")), 10, 0).await,
        (v(&["user:7:create", "customer:1:create"]), 2)
    );
    assert_eq!(
        actions(
            &db,
            f(Some("user"), Some(7), Some("cli"), Some("create")),
            10,
            0
        )
        .await
        .1,
        1
    );
    assert_eq!(
        actions(&db, f(Some("user"), None, Some("boss"), None), 10, 0)
            .await
            .1,
        0
    );
    let mut tx = read(&db).await;
    let (rows, _) = audit::list(&mut tx, &f(None, None, None, Some("seed")), 10, 0)
        .await
        .unwrap();
    let r = &rows[0];
    assert_eq!(
        (
            r.at,
            r.user_id,
            r.actor.as_str(),
            r.entity_id,
            r.changes.as_str()
        ),
        (T0 + 4, None, "cli", None, "{\"n\":\"demo-seed\"}")
    );
}

pub async fn audit_entries_page_with_a_total(db: Db) {
    for i in 0..5 {
        entry(&db, None, "cli", "tag", Some(i), "create", T0 + i).await;
    }
    assert_eq!(
        actions(&db, AuditFilter::default(), 2, 0).await,
        (v(&["tag:4:create", "tag:3:create"]), 5)
    );
    assert_eq!(
        actions(&db, AuditFilter::default(), 2, 4).await,
        (v(&["tag:0:create"]), 5)
    );
}
