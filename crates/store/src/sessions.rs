//! Web sessions (stored hashed) and the login-attempt log used for throttling.

use crate::users::UserRow;
use crate::{Result, Tx, on_tx};

pub async fn insert(
    tx: &mut Tx,
    token_hash: &str,
    user_id: i64,
    csrf: &str,
    now: i64,
    expires_at: i64,
) -> Result<()> {
    on_tx!(tx, |c| {
        sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $4)"
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(csrf)
    .bind(now)
    .bind(expires_at)
    .execute(c)
    .await.map(|r| r.rows_affected())
    })?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionRow {
    pub csrf_token: String,
    pub expires_at: i64,
    pub last_seen_at: i64,
    #[sqlx(flatten)]
    pub user: UserRow,
}

/// The session and its user, when the session exists, has not expired and the user is active.
pub async fn lookup(tx: &mut Tx, token_hash: &str, now: i64) -> Result<Option<SessionRow>> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_as(
        "SELECT s.csrf_token, s.expires_at, s.last_seen_at, \
                u.id, u.username, u.display_name, u.role, u.password_hash, u.disabled, u.created_at \
         FROM sessions s JOIN users u ON u.id = s.user_id \
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT u.disabled"
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(c)
    .await
    })?)
}

/// Slides the expiry forward.
pub async fn touch(tx: &mut Tx, token_hash: &str, now: i64, expires_at: i64) -> Result<()> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE token_hash = $3"
    )
    .bind(now)
    .bind(expires_at)
    .bind(token_hash)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn delete(tx: &mut Tx, token_hash: &str) -> Result<()> {
    on_tx!(tx, |c| sqlx::query(
        "DELETE FROM sessions WHERE token_hash = $1"
    )
    .bind(token_hash)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn delete_for_user(tx: &mut Tx, user_id: i64) -> Result<u64> {
    Ok(on_tx!(tx, |c| sqlx::query(
        "DELETE FROM sessions WHERE user_id = $1"
    )
    .bind(user_id)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?)
}

pub async fn purge_expired(tx: &mut Tx, now: i64) -> Result<u64> {
    Ok(on_tx!(tx, |c| sqlx::query(
        "DELETE FROM sessions WHERE expires_at <= $1"
    )
    .bind(now)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?)
}

pub async fn record_login_attempt(
    tx: &mut Tx,
    username: &str,
    ip: &str,
    now: i64,
    success: bool,
) -> Result<()> {
    on_tx!(tx, |c| sqlx::query(
        "INSERT INTO login_attempts (username, ip, at, success) VALUES ($1, $2, $3, $4)"
    )
    .bind(username)
    .bind(ip)
    .bind(now)
    .bind(success)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Failed attempts since `since` for this user name and for this address, counted separately,
/// each only after the last success of that name or address.
pub async fn recent_failures(
    tx: &mut Tx,
    username: &str,
    ip: &str,
    since: i64,
) -> Result<(i64, i64)> {
    let by_user: i64 = on_tx!(tx, |c| {
        sqlx::query_scalar(
        "SELECT COUNT(*) FROM login_attempts WHERE username = $1 AND at >= $2 AND NOT success \
         AND at >= COALESCE((SELECT MAX(at) FROM login_attempts WHERE username = $1 AND success), 0)"
    )
    .bind(username)
    .bind(since)
    .fetch_one(c)
    .await
    })?;
    let by_ip: i64 = on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM login_attempts WHERE ip = $1 AND at >= $2 AND NOT success"
    )
    .bind(ip)
    .bind(since)
    .fetch_one(c)
    .await)?;
    Ok((by_user, by_ip))
}

pub async fn purge_login_attempts(tx: &mut Tx, before: i64) -> Result<u64> {
    Ok(on_tx!(tx, |c| sqlx::query(
        "DELETE FROM login_attempts WHERE at < $1"
    )
    .bind(before)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?)
}
