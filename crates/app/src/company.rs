//! Company settings, set once and used by every document: legal names, address, tax and
//! registration ids, base currency, default terms and notes, the logo, and bank accounts.

use crate::{App, AppError, Result, audit, now};
use leadledger_domain::email::EmailAddress;
use leadledger_domain::error::{optional_text, required_text};
use leadledger_domain::money::Currency;
use leadledger_domain::user::Actor;
use leadledger_domain::{FieldErrors, Invalid};
use leadledger_store::company::{self, BankAccountRow, CompanyRecord};
use serde_json::json;

/// Largest logo accepted.
pub const MAX_LOGO_BYTES: usize = 512 * 1024;

fn require_admin(actor: &Actor) -> Result<()> {
    if actor.can_manage_users() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

pub async fn get(app: &App) -> Result<CompanyRecord> {
    let mut tx = app.db.read().await?;
    Ok(company::get(&mut tx).await?)
}

/// The company's base currency (CNY until set).
pub async fn base_currency(app: &App) -> Result<Currency> {
    let c = get(app).await?;
    Ok(Currency::parse(&c.base_currency).unwrap_or(Currency::CNY))
}

/// The base currency, read inside a transaction already open.
pub(crate) async fn base_currency_in(tx: &mut leadledger_store::Tx) -> Result<Currency> {
    let c = company::get(tx).await?;
    Ok(Currency::parse(&c.base_currency).unwrap_or(Currency::CNY))
}

/// Raw company fields as submitted.
#[derive(Debug, Clone, Default)]
pub struct CompanyDraft {
    pub legal_name_zh: String,
    pub legal_name_en: String,
    pub address: String,
    pub tax_id: String,
    pub registration_id: String,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub base_currency: String,
    pub default_terms: String,
    pub default_notes: String,
}

pub async fn save(app: &App, actor: &Actor, d: &CompanyDraft) -> Result<()> {
    require_admin(actor)?;
    let mut e = FieldErrors::new();
    let t = |e: &mut FieldErrors, f: &str, v: &str, max: usize| {
        e.take(f, optional_text(v, max)).flatten()
    };
    let rec = CompanyRecord {
        legal_name_zh: t(&mut e, "legal_name_zh", &d.legal_name_zh, 200),
        legal_name_en: t(&mut e, "legal_name_en", &d.legal_name_en, 200),
        address: t(&mut e, "address", &d.address, 1000),
        tax_id: t(&mut e, "tax_id", &d.tax_id, 60),
        registration_id: t(&mut e, "registration_id", &d.registration_id, 60),
        phone: t(&mut e, "phone", &d.phone, 60),
        email: if d.email.trim().is_empty() {
            None
        } else {
            e.take("email", EmailAddress::parse(&d.email))
                .map(|m| m.as_str().to_string())
        },
        website: t(&mut e, "website", &d.website, 200),
        base_currency: e
            .take(
                "base_currency",
                if d.base_currency.trim().is_empty() {
                    Ok(Currency::CNY)
                } else {
                    Currency::parse(&d.base_currency)
                },
            )
            .map(|c| c.code().to_string())
            .unwrap_or_default(),
        default_terms: t(&mut e, "default_terms", &d.default_terms, 5000),
        default_notes: t(&mut e, "default_notes", &d.default_notes, 5000),
    };
    if rec.legal_name_en.is_none()
        && rec.legal_name_zh.is_none()
        && e.get("legal_name_en").is_none()
    {
        e.add(
            "legal_name_en",
            Invalid::new("required", "give the legal name in English or Chinese"),
        );
    }
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let mut tx = app.db.write().await?;
    let old = company::get(&mut tx).await?;
    company::save(&mut tx, &rec, now()).await?;
    audit::record(
        &mut tx,
        Some(actor),
        "company",
        Some(1),
        "update",
        audit::diff(&json!(old), &json!(rec)),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Accepts a PNG or JPEG logo (checked by its first bytes, not its name) up to 512 KB.
pub async fn set_logo(app: &App, actor: &Actor, bytes: &[u8]) -> Result<()> {
    require_admin(actor)?;
    let kind = leadledger_domain::image::image_type(bytes, MAX_LOGO_BYTES)
        .map_err(|e| AppError::field("logo", e))?;
    let mut tx = app.db.write().await?;
    company::set_logo(&mut tx, bytes, kind, now()).await?;
    audit::record(
        &mut tx,
        Some(actor),
        "company",
        Some(1),
        "set_logo",
        json!({"bytes": bytes.len(), "type": kind}),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn logo(app: &App) -> Result<Option<(Vec<u8>, String)>> {
    let mut tx = app.db.read().await?;
    Ok(company::logo(&mut tx).await?)
}

pub async fn bank_accounts(app: &App) -> Result<Vec<BankAccountRow>> {
    let mut tx = app.db.read().await?;
    Ok(company::bank_accounts(&mut tx).await?)
}

/// Raw bank account fields.
#[derive(Debug, Clone, Default)]
pub struct BankAccountDraft {
    pub currency: String,
    pub beneficiary: String,
    pub bank_name: String,
    pub bank_address: String,
    pub swift: String,
    pub account: String,
    pub notes: String,
}

/// A SWIFT/BIC code: 8 or 11 letters and digits (bank, country, location, branch).
fn parse_swift(s: &str) -> Result<Option<String>, Invalid> {
    let t: String = s.split_whitespace().collect::<String>().to_uppercase();
    if t.is_empty() {
        return Ok(None);
    }
    let ok = t.is_ascii()
        && (t.len() == 8 || t.len() == 11)
        && t[..6].chars().all(|c| c.is_ascii_alphabetic())
        && t[6..].chars().all(|c| c.is_ascii_alphanumeric());
    if ok {
        Ok(Some(t))
    } else {
        Err(Invalid::new(
            "invalid_swift",
            "a SWIFT/BIC code has 8 or 11 letters and digits, like BKCHCNBJ",
        ))
    }
}

pub async fn add_bank_account(app: &App, actor: &Actor, d: &BankAccountDraft) -> Result<i64> {
    require_admin(actor)?;
    let mut e = FieldErrors::new();
    let currency = e.take("currency", Currency::parse(&d.currency));
    let beneficiary = e.take("beneficiary", required_text(&d.beneficiary, 200));
    let bank_name = e.take("bank_name", required_text(&d.bank_name, 200));
    let bank_address = e.take("bank_address", optional_text(&d.bank_address, 500));
    let swift = e.take("swift", parse_swift(&d.swift));
    let account = e.take("account", required_text(&d.account, 60));
    let notes = e.take("notes", optional_text(&d.notes, 1000));
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let row = BankAccountRow {
        id: 0,
        currency: currency.unwrap().code().to_string(),
        beneficiary: beneficiary.unwrap(),
        bank_name: bank_name.unwrap(),
        bank_address: bank_address.unwrap(),
        swift: swift.unwrap(),
        account: account
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        notes: notes.unwrap(),
        position: 0,
    };
    let mut tx = app.db.write().await?;
    let id = company::insert_bank_account(&mut tx, &row, now()).await?;
    audit::record(
        &mut tx,
        Some(actor),
        "bank_account",
        Some(id),
        "create",
        json!(row),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn delete_bank_account(app: &App, actor: &Actor, id: i64) -> Result<()> {
    require_admin(actor)?;
    let mut tx = app.db.write().await?;
    company::delete_bank_account(&mut tx, id).await?;
    audit::record(
        &mut tx,
        Some(actor),
        "bank_account",
        Some(id),
        "delete",
        json!({}),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
