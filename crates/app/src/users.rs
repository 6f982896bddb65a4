//! Managing users: from the CLI (no actor) or by an admin in the web app.

use crate::{App, AppError, Result, auth, now};
use leadledger_domain::user::{Actor, NewPassword, Role, Username};
use leadledger_domain::{FieldErrors, error::required_text};
use leadledger_store::users::{self, UserRow};
use leadledger_store::{Tx, sessions};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct UserView {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub disabled: bool,
    pub created_at: i64,
}

impl From<UserRow> for UserView {
    fn from(u: UserRow) -> Self {
        Self {
            id: u.id,
            username: u.username,
            display_name: u.display_name,
            role: u.role,
            disabled: u.disabled,
            created_at: u.created_at,
        }
    }
}

fn require_admin(actor: Option<&Actor>) -> Result<()> {
    match actor {
        Some(a) if !a.can_manage_users() => Err(AppError::Forbidden),
        _ => Ok(()),
    }
}

/// Adds a user. `actor` is `None` from the command line.
pub async fn add(
    app: &App,
    actor: Option<&Actor>,
    username: &str,
    display_name: &str,
    role: &str,
    password: &str,
) -> Result<i64> {
    require_admin(actor)?;
    let mut e = FieldErrors::new();
    let username = e.take("username", Username::parse(username));
    let role = e.take("role", Role::parse(role));
    let password = e.take("password", NewPassword::parse(password));
    let display = if display_name.trim().is_empty() {
        username.as_ref().map(|u| u.as_str().to_string())
    } else {
        e.take("display_name", required_text(display_name, 80))
    };
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let (username, role, password, display) = (
        username.unwrap(),
        role.unwrap(),
        password.unwrap(),
        display.unwrap(),
    );
    let hash = auth::hash_password(password.expose()).await?;
    let mut tx = app.db.write().await?;
    if users::by_username(&mut tx, username.as_str())
        .await?
        .is_some()
    {
        return Err(AppError::Conflict(format!(
            "user {} already exists",
            username.as_str()
        )));
    }
    let id = users::insert(
        &mut tx,
        username.as_str(),
        &display,
        role.as_str(),
        &hash,
        now(),
    )
    .await?;
    crate::audit::record(&mut tx, actor, "user", Some(id), "create",
        serde_json::json!({"username": username.as_str(), "role": role.as_str(), "display_name": display})).await?;
    tx.commit().await?;
    Ok(id)
}

async fn find(tx: &mut Tx, username: &str) -> Result<UserRow> {
    users::by_username(tx, &username.trim().to_lowercase())
        .await?
        .ok_or(AppError::NotFound)
}

/// Sets a new password and signs the user out everywhere.
pub async fn set_password(
    app: &App,
    actor: Option<&Actor>,
    username: &str,
    password: &str,
) -> Result<()> {
    require_admin(actor)?;
    let pw = NewPassword::parse(password).map_err(|e| AppError::field("password", e))?;
    let hash = auth::hash_password(pw.expose()).await?;
    let mut tx = app.db.write().await?;
    let u = find(&mut tx, username).await?;
    users::set_password(&mut tx, u.id, &hash).await?;
    sessions::delete_for_user(&mut tx, u.id).await?;
    crate::audit::record(
        &mut tx,
        actor,
        "user",
        Some(u.id),
        "set_password",
        serde_json::json!({}),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Changes role, display name or disabled state. Disabling ends sessions and revokes tokens.
pub async fn update(
    app: &App,
    actor: Option<&Actor>,
    username: &str,
    display_name: Option<&str>,
    role: Option<&str>,
    disabled: Option<bool>,
) -> Result<()> {
    require_admin(actor)?;
    let mut e = FieldErrors::new();
    let role = role.map(|r| e.take("role", Role::parse(r))).unwrap_or(None);
    let display = display_name
        .map(|d| e.take("display_name", required_text(d, 80)))
        .unwrap_or(None);
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let mut tx = app.db.write().await?;
    let u = find(&mut tx, username).await?;
    if actor.is_some_and(|a| a.user_id == u.id)
        && (disabled == Some(true) || role.is_some_and(|r| r != Role::Admin))
    {
        return Err(AppError::Conflict(
            "you cannot disable yourself or remove your own admin role".into(),
        ));
    }
    let new_role = role
        .map(|r| r.as_str().to_string())
        .unwrap_or(u.role.clone());
    let new_display = display.unwrap_or(u.display_name.clone());
    let new_disabled = disabled.unwrap_or(u.disabled);
    users::update(&mut tx, u.id, &new_display, &new_role, new_disabled).await?;
    if new_disabled && !u.disabled {
        sessions::delete_for_user(&mut tx, u.id).await?;
        users::revoke_tokens(&mut tx, u.id).await?;
    }
    let changes = crate::audit::diff(
        &serde_json::json!({"role": u.role, "display_name": u.display_name, "disabled": u.disabled}),
        &serde_json::json!({"role": new_role, "display_name": new_display, "disabled": new_disabled}),
    );
    crate::audit::record(&mut tx, actor, "user", Some(u.id), "update", changes).await?;
    tx.commit().await?;
    Ok(())
}

/// All users; any signed-in user may list them (owner pickers need names), the CLI too.
pub async fn list(app: &App) -> Result<Vec<UserView>> {
    let mut tx = app.db.read().await?;
    Ok(users::list(&mut tx)
        .await?
        .into_iter()
        .map(UserView::from)
        .collect())
}
