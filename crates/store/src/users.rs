//! Users and API tokens.

use crate::{Result, Tx, on_tx};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserRow {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub password_hash: String,
    pub disabled: bool,
    pub created_at: i64,
}

const USER_COLS: &str = "id, username, display_name, role, password_hash, disabled, created_at";

pub async fn insert(
    tx: &mut Tx,
    username: &str,
    display_name: &str,
    role: &str,
    password_hash: &str,
    now: i64,
) -> Result<i64> {
    let id: i64 = on_tx!(tx, |c| sqlx::query_scalar(
        "INSERT INTO users (username, display_name, role, password_hash, disabled, created_at) \
         VALUES ($1, $2, $3, $4, FALSE, $5) RETURNING id"
    )
    .bind(username)
    .bind(display_name)
    .bind(role)
    .bind(password_hash)
    .bind(now)
    .fetch_one(c)
    .await)?;
    Ok(id)
}

pub async fn by_username(tx: &mut Tx, username: &str) -> Result<Option<UserRow>> {
    let sql = format!("SELECT {USER_COLS} FROM users WHERE username = $1");
    Ok(on_tx!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(username)
        .fetch_optional(c)
        .await)?)
}

pub async fn by_id(tx: &mut Tx, id: i64) -> Result<UserRow> {
    let sql = format!("SELECT {USER_COLS} FROM users WHERE id = $1");
    Ok(on_tx!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_one(c)
        .await)?)
}

pub async fn list(tx: &mut Tx) -> Result<Vec<UserRow>> {
    let sql = format!("SELECT {USER_COLS} FROM users ORDER BY username");
    Ok(on_tx!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .fetch_all(c)
        .await)?)
}

pub async fn set_password(tx: &mut Tx, id: i64, password_hash: &str) -> Result<()> {
    let n = on_tx!(tx, |c| sqlx::query(
        "UPDATE users SET password_hash = $1 WHERE id = $2"
    )
    .bind(password_hash)
    .bind(id)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    if n == 0 {
        Err(crate::StoreError::NotFound)
    } else {
        Ok(())
    }
}

pub async fn update(
    tx: &mut Tx,
    id: i64,
    display_name: &str,
    role: &str,
    disabled: bool,
) -> Result<()> {
    let n = on_tx!(tx, |c| sqlx::query(
        "UPDATE users SET display_name = $1, role = $2, disabled = $3 WHERE id = $4"
    )
    .bind(display_name)
    .bind(role)
    .bind(disabled)
    .bind(id)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    if n == 0 {
        Err(crate::StoreError::NotFound)
    } else {
        Ok(())
    }
}

pub async fn count(tx: &mut Tx) -> Result<i64> {
    Ok(on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM users"
    )
    .fetch_one(c)
    .await)?)
}

pub async fn insert_token(
    tx: &mut Tx,
    user_id: i64,
    name: &str,
    token_hash: &str,
    now: i64,
) -> Result<i64> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO api_tokens (user_id, name, token_hash, created_at, revoked) VALUES ($1, $2, $3, $4, FALSE) RETURNING id"
    )
    .bind(user_id)
    .bind(name)
    .bind(token_hash)
    .bind(now)
    .fetch_one(c)
    .await
    })?)
}

/// The active user owning an unrevoked token.
pub async fn by_token(tx: &mut Tx, token_hash: &str) -> Result<Option<UserRow>> {
    let sql = "SELECT u.id, u.username, u.display_name, u.role, u.password_hash, u.disabled, u.created_at \
         FROM api_tokens t JOIN users u ON u.id = t.user_id \
         WHERE t.token_hash = $1 AND NOT t.revoked AND NOT u.disabled";
    Ok(on_tx!(tx, |c| sqlx::query_as(sql)
        .bind(token_hash)
        .fetch_optional(c)
        .await)?)
}

pub async fn revoke_tokens(tx: &mut Tx, user_id: i64) -> Result<u64> {
    Ok(on_tx!(tx, |c| sqlx::query(
        "UPDATE api_tokens SET revoked = TRUE WHERE user_id = $1 AND NOT revoked"
    )
    .bind(user_id)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?)
}
