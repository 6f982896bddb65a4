//! Users, roles and the ownership rules that decide who may see and change a customer.
//!
//! The rules live here as pure functions so that the `app` layer can enforce them everywhere and
//! tests can check the whole matrix without a database.

use crate::error::Invalid;
use serde::{Deserialize, Serialize};

crate::customer::code_enum!(
    /// What a user may do.
    Role, "invalid_role" {
        Admin = "admin",
        Manager = "manager",
        Sales = "sales",
        Finance = "finance",
    }
);

/// A login name: 2–32 characters of lower-case letters, digits, `.`, `_` or `-`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Username(String);

impl Username {
    pub fn parse(s: &str) -> Result<Self, Invalid> {
        let t = s.trim().to_lowercase();
        let ok = (2..=32).contains(&t.len())
            && t.chars().all(|c| {
                c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-')
            })
            && t.starts_with(|c: char| c.is_ascii_alphanumeric());
        if ok {
            Ok(Self(t))
        } else {
            Err(Invalid::new(
                "invalid_username",
                "2 to 32 characters: letters, digits, dot, underscore or hyphen",
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password; only its length is checked (NIST 800-63B: no composition rules).
pub struct NewPassword(String);

impl NewPassword {
    pub fn parse(s: &str) -> Result<Self, Invalid> {
        let n = s.chars().count();
        if n < 4 {
            Err(Invalid::new("password_too_short", "at least 4 characters"))
        } else if n > 256 {
            Err(Invalid::new("password_too_long", "at most 256 characters"))
        } else {
            Ok(Self(s.to_string()))
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

/// Who is acting: enough to decide access without another lookup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: i64,
    pub username: String,
    pub role: Role,
}

impl Actor {
    /// Sales see their own customers and the public pool (no owner); everyone else sees all.
    pub fn can_see_customer(&self, owner: Option<i64>) -> bool {
        match self.role {
            Role::Admin | Role::Manager | Role::Finance => true,
            Role::Sales => owner.is_none() || owner == Some(self.user_id),
        }
    }

    /// Finance only reads; sales edit their own and pool customers; managers and admins all.
    pub fn can_edit_customer(&self, owner: Option<i64>) -> bool {
        match self.role {
            Role::Admin | Role::Manager => true,
            Role::Sales => owner.is_none() || owner == Some(self.user_id),
            Role::Finance => false,
        }
    }

    /// Sales may only keep a customer for themselves or release it to the pool.
    pub fn can_assign_owner(&self, new_owner: Option<i64>) -> bool {
        match self.role {
            Role::Admin | Role::Manager => true,
            Role::Sales => new_owner.is_none() || new_owner == Some(self.user_id),
            Role::Finance => false,
        }
    }

    pub fn can_create_customers(&self) -> bool {
        self.role != Role::Finance
    }

    /// Deleting buyers loses history, so only managers and admins may.
    pub fn can_delete_customers(&self) -> bool {
        matches!(self.role, Role::Admin | Role::Manager)
    }

    pub fn can_manage_tags(&self) -> bool {
        matches!(self.role, Role::Admin | Role::Manager)
    }

    pub fn can_create_tags(&self) -> bool {
        self.role != Role::Finance
    }

    pub fn can_manage_custom_fields(&self) -> bool {
        self.role == Role::Admin
    }

    /// Products, their costs and price lists: managers and admins change them; everyone reads.
    pub fn can_manage_products(&self) -> bool {
        matches!(self.role, Role::Admin | Role::Manager)
    }

    /// Exchange rates: finance, managers and admins enter and import them; everyone reads.
    pub fn can_manage_rates(&self) -> bool {
        matches!(self.role, Role::Admin | Role::Manager | Role::Finance)
    }

    /// Payments received: finance, managers and admins book them.
    pub fn can_book_payments(&self) -> bool {
        matches!(self.role, Role::Admin | Role::Manager | Role::Finance)
    }

    pub fn can_manage_users(&self) -> bool {
        self.role == Role::Admin
    }

    pub fn can_read_audit(&self) -> bool {
        self.role == Role::Admin
    }

    /// The filter to apply to customer lists: `None` = all, `Some(id)` = own plus pool.
    pub fn customer_scope(&self) -> Option<i64> {
        (self.role == Role::Sales).then_some(self.user_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role) -> Actor {
        Actor {
            user_id: 7,
            username: "u".into(),
            role,
        }
    }

    #[test]
    fn sales_see_their_own_and_pool_customers_only() {
        let s = actor(Role::Sales);
        assert!(s.can_see_customer(Some(7)) && s.can_see_customer(None));
        assert!(!s.can_see_customer(Some(8)) && !s.can_edit_customer(Some(8)));
        assert!(!s.can_assign_owner(Some(8)) && s.can_assign_owner(Some(7)));
    }

    #[test]
    fn finance_reads_every_customer_but_edits_none() {
        let f = actor(Role::Finance);
        assert!(
            f.can_see_customer(Some(1))
                && !f.can_edit_customer(Some(7))
                && !f.can_edit_customer(None)
        );
        assert!(!f.can_create_customers());
    }

    #[test]
    fn usernames_are_normalised_and_checked() {
        assert_eq!(Username::parse(" Lily ").unwrap().as_str(), "lily");
        assert!(
            Username::parse("a").is_err()
                && Username::parse("a b").is_err()
                && Username::parse("-x").is_err()
        );
    }
}
