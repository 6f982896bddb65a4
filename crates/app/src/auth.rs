//! Passwords (argon2id), sign-in with throttling, database-stored sessions, CSRF tokens and API
//! bearer tokens. Session and API tokens are random; only their SHA-256 hashes are stored, so a
//! copy of the database does not hand out live sessions.

use crate::{App, AppError, Result, now};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use leadledger_domain::user::{Actor, Role};
use leadledger_store::users::UserRow;
use leadledger_store::{sessions, users};
use sha2::{Digest, Sha256};

/// 32 random bytes as 64 hex characters.
pub fn random_token() -> String {
    let bytes: [u8; 32] = rand::random();
    hex(&bytes)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Hashes on a blocking thread: argon2id is deliberately slow.
pub async fn hash_password(password: &str) -> Result<String> {
    let pw = password.to_string();
    tokio::task::spawn_blocking(move || {
        let salt_bytes: [u8; 16] = rand::random();
        let salt =
            SaltString::encode_b64(&salt_bytes).map_err(|e| AppError::Internal(e.to_string()))?;
        Argon2::default()
            .hash_password(pw.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| AppError::Internal(e.to_string()))
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?
}

/// Checks a password against a stored hash on a blocking thread.
pub async fn verify_password(password: &str, hash: &str) -> bool {
    let (pw, hash) = (password.to_string(), hash.to_string());
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash).is_ok_and(|parsed| {
            Argon2::default()
                .verify_password(pw.as_bytes(), &parsed)
                .is_ok()
        })
    })
    .await
    .unwrap_or(false)
}

/// A hash no password matches, verified for unknown users so that their sign-in takes as long
/// as a known user's.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2w8mG0bH3oJz2m0P9b0m0H0d3jv1t0yJk0c7nQ2Vx6o";

pub fn actor_of(u: &UserRow) -> Result<Actor> {
    let role = Role::parse(&u.role).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(Actor {
        user_id: u.id,
        username: u.username.clone(),
        role,
    })
}

/// A signed-in web session: the cookie value, its CSRF token and who it is.
#[derive(Debug, Clone)]
pub struct Session {
    pub token: String,
    pub csrf: String,
    pub actor: Actor,
    pub display_name: String,
}

/// Signs in. Refuses while the user name or client address has too many recent failures;
/// records every attempt. Unknown users and wrong passwords give the same error.
pub async fn login(app: &App, username: &str, password: &str, ip: &str) -> Result<Session> {
    let username = username.trim().to_lowercase();
    let t = now();
    let since = t - app.settings.throttle_window;
    {
        let mut tx = app.db.read().await?;
        let (by_user, by_ip) = sessions::recent_failures(&mut tx, &username, ip, since).await?;
        if by_user >= app.settings.max_failures_per_user
            || by_ip >= app.settings.max_failures_per_ip
        {
            return Err(AppError::Throttled {
                retry_after: app.settings.throttle_window,
            });
        }
    }
    let user = {
        let mut tx = app.db.read().await?;
        users::by_username(&mut tx, &username).await?
    };
    let ok = match &user {
        Some(u) => verify_password(password, &u.password_hash).await && !u.disabled,
        None => {
            verify_password(password, DUMMY_HASH).await;
            false
        }
    };
    let mut tx = app.db.write().await?;
    sessions::record_login_attempt(&mut tx, &username, ip, t, ok).await?;
    let Some(user) = user.filter(|_| ok) else {
        tx.commit().await?;
        return Err(AppError::BadCredentials);
    };
    let token = random_token();
    let csrf = random_token();
    sessions::insert(
        &mut tx,
        &token_hash(&token),
        user.id,
        &csrf,
        t,
        t + app.settings.session_ttl,
    )
    .await?;
    sessions::purge_expired(&mut tx, t).await?;
    sessions::purge_login_attempts(&mut tx, t - 30 * 86_400).await?;
    let actor = actor_of(&user)?;
    crate::audit::record(
        &mut tx,
        Some(&actor),
        "session",
        None,
        "login",
        serde_json::json!({"ip": ip}),
    )
    .await?;
    tx.commit().await?;
    Ok(Session {
        token,
        csrf,
        actor,
        display_name: user.display_name,
    })
}

/// The session behind a cookie value, sliding its expiry forward at most once a minute.
pub async fn session(app: &App, token: &str) -> Result<Session> {
    let t = now();
    let hash = token_hash(token);
    let row = {
        let mut tx = app.db.read().await?;
        sessions::lookup(&mut tx, &hash, t)
            .await?
            .ok_or(AppError::Unauthenticated)?
    };
    if t - row.last_seen_at >= 60 {
        let mut tx = app.db.write().await?;
        sessions::touch(&mut tx, &hash, t, t + app.settings.session_ttl).await?;
        tx.commit().await?;
    }
    Ok(Session {
        token: token.to_string(),
        csrf: row.csrf_token,
        actor: actor_of(&row.user)?,
        display_name: row.user.display_name,
    })
}

pub async fn logout(app: &App, token: &str) -> Result<()> {
    let mut tx = app.db.write().await?;
    sessions::delete(&mut tx, &token_hash(token)).await?;
    tx.commit().await?;
    Ok(())
}

/// Creates an API token for `username` and returns it; only its hash is kept.
pub async fn create_token(app: &App, username: &str, name: &str) -> Result<String> {
    let mut tx = app.db.write().await?;
    let user = users::by_username(&mut tx, &username.trim().to_lowercase())
        .await?
        .ok_or(AppError::NotFound)?;
    if user.disabled {
        return Err(AppError::Conflict(format!(
            "user {} is disabled",
            user.username
        )));
    }
    let token = format!("llt_{}", random_token());
    let id = users::insert_token(&mut tx, user.id, name, &token_hash(&token), now()).await?;
    crate::audit::record(
        &mut tx,
        None,
        "api_token",
        Some(id),
        "create",
        serde_json::json!({"user": user.username, "name": name}),
    )
    .await?;
    tx.commit().await?;
    Ok(token)
}

/// The actor behind a bearer token.
pub async fn token_actor(app: &App, token: &str) -> Result<Actor> {
    let mut tx = app.db.read().await?;
    let user = users::by_token(&mut tx, &token_hash(token))
        .await?
        .ok_or(AppError::Unauthenticated)?;
    actor_of(&user)
}

/// Constant-time comparison for CSRF tokens.
pub fn tokens_match(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_password_verifies_only_against_its_own_hash() {
        let h = hash_password("demo").await.unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("demo", &h).await);
        assert!(!verify_password("Demo", &h).await);
        assert!(!verify_password("demo", DUMMY_HASH).await);
    }

    #[test]
    fn tokens_are_random_and_hashed() {
        let (a, b) = (random_token(), random_token());
        assert_ne!(a, b);
        assert_eq!(token_hash(&a).len(), 64);
        assert!(tokens_match(&a, &a.clone()) && !tokens_match(&a, &b));
    }
}
