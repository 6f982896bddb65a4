//! Web sessions and the login-attempt log.

use super::support::{T0, read, user, write};
use leadledger_store::{Db, sessions, users};

async fn session(db: &Db, token: &str, user_id: i64, expires_at: i64) {
    let mut tx = write(db).await;
    sessions::insert(
        &mut tx,
        token,
        user_id,
        &format!("csrf-{token}"),
        T0,
        expires_at,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

async fn lookup(db: &Db, token: &str, now: i64) -> Option<sessions::SessionRow> {
    let mut tx = read(db).await;
    sessions::lookup(&mut tx, token, now).await.unwrap()
}

pub async fn a_session_finds_its_user_until_it_expires(db: Db) {
    let tom = user(&db, "tom", "sales").await;
    session(&db, "s1", tom, T0 + 3600).await;
    let s = lookup(&db, "s1", T0 + 10).await.expect("a live session");
    assert_eq!(
        (s.user.id, s.user.username.as_str(), s.csrf_token.as_str()),
        (tom, "tom", "csrf-s1")
    );
    assert_eq!((s.expires_at, s.last_seen_at), (T0 + 3600, T0));
    assert!(
        lookup(&db, "s1", T0 + 3600).await.is_none(),
        "expired at its expiry time"
    );
    assert!(lookup(&db, "nope", T0).await.is_none());
}

pub async fn touching_a_session_slides_its_expiry_forward(db: Db) {
    let tom = user(&db, "tom", "sales").await;
    session(&db, "s1", tom, T0 + 100).await;
    let mut tx = write(&db).await;
    sessions::touch(&mut tx, "s1", T0 + 90, T0 + 1000)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let s = lookup(&db, "s1", T0 + 500)
        .await
        .expect("still alive after the old expiry");
    assert_eq!((s.last_seen_at, s.expires_at), (T0 + 90, T0 + 1000));
}

pub async fn a_disabled_users_session_is_not_found(db: Db) {
    let tom = user(&db, "tom", "sales").await;
    session(&db, "s1", tom, T0 + 3600).await;
    let mut tx = write(&db).await;
    users::update(&mut tx, tom, "Tom", "sales", true)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert!(lookup(&db, "s1", T0).await.is_none());
}

pub async fn sessions_are_deleted_by_token_by_user_and_by_expiry(db: Db) {
    let tom = user(&db, "tom", "sales").await;
    let lily = user(&db, "lily", "sales").await;
    session(&db, "a", tom, T0 + 100).await;
    session(&db, "b", tom, T0 + 100).await;
    session(&db, "c", lily, T0 + 50).await;
    session(&db, "d", lily, T0 + 500).await;
    let mut tx = write(&db).await;
    sessions::delete(&mut tx, "a").await.unwrap();
    assert_eq!(sessions::delete_for_user(&mut tx, tom).await.unwrap(), 1);
    assert_eq!(
        sessions::purge_expired(&mut tx, T0 + 50).await.unwrap(),
        1,
        "expired at exactly now is purged"
    );
    tx.commit().await.unwrap();
    for gone in ["a", "b", "c"] {
        assert!(lookup(&db, gone, T0).await.is_none(), "{gone}");
    }
    assert!(lookup(&db, "d", T0).await.is_some());
}

async fn attempt(db: &Db, username: &str, ip: &str, at: i64, success: bool) {
    let mut tx = write(db).await;
    sessions::record_login_attempt(&mut tx, username, ip, at, success)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

async fn failures(db: &Db, username: &str, ip: &str, since: i64) -> (i64, i64) {
    let mut tx = read(db).await;
    sessions::recent_failures(&mut tx, username, ip, since)
        .await
        .unwrap()
}

pub async fn failed_logins_are_counted_per_name_since_its_last_success_and_per_address(db: Db) {
    attempt(&db, "tom", "10.0.0.1", T0, false).await;
    attempt(&db, "tom", "10.0.0.1", T0 + 10, false).await;
    attempt(&db, "tom", "10.0.0.2", T0 + 20, false).await;
    attempt(&db, "lily", "10.0.0.1", T0 + 30, false).await;
    assert_eq!(failures(&db, "tom", "10.0.0.1", T0).await, (3, 3));
    assert_eq!(
        failures(&db, "tom", "10.0.0.1", T0 + 5).await,
        (2, 2),
        "only attempts inside the window"
    );
    attempt(&db, "tom", "10.0.0.2", T0 + 40, true).await;
    attempt(&db, "tom", "10.0.0.1", T0 + 50, false).await;
    let (by_user, by_ip) = failures(&db, "tom", "10.0.0.1", T0).await;
    assert_eq!(by_user, 1, "a success resets the count for the name");
    assert_eq!(
        by_ip, 4,
        "the address count is not reset by someone else's success"
    );
    assert_eq!(failures(&db, "nobody", "10.9.9.9", T0).await, (0, 0));
}

pub async fn old_login_attempts_are_purged(db: Db) {
    attempt(&db, "tom", "ip", T0, false).await;
    attempt(&db, "tom", "ip", T0 + 100, false).await;
    let mut tx = write(&db).await;
    assert_eq!(
        sessions::purge_login_attempts(&mut tx, T0 + 50)
            .await
            .unwrap(),
        1
    );
    tx.commit().await.unwrap();
    assert_eq!(failures(&db, "tom", "ip", 0).await, (1, 1));
}
