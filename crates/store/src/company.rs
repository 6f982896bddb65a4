//! The company's own details (one row) and its bank accounts.

use crate::{Result, Tx, on_tx};

#[derive(Debug, Clone, Default, sqlx::FromRow, serde::Serialize)]
pub struct CompanyRecord {
    pub legal_name_zh: Option<String>,
    pub legal_name_en: Option<String>,
    pub address: Option<String>,
    pub tax_id: Option<String>,
    pub registration_id: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub base_currency: String,
    pub default_terms: Option<String>,
    pub default_notes: Option<String>,
}

/// The company row, or defaults (base currency CNY) before anyone saved it.
pub async fn get(tx: &mut Tx) -> Result<CompanyRecord> {
    let row: Option<CompanyRecord> = on_tx!(tx, |c| {
        sqlx::query_as(
        "SELECT legal_name_zh, legal_name_en, address, tax_id, registration_id, phone, email, website, base_currency, \
         default_terms, default_notes FROM company WHERE id = 1"
    )
    .fetch_optional(c)
    .await
    })?;
    Ok(row.unwrap_or_else(|| CompanyRecord {
        base_currency: "CNY".into(),
        ..Default::default()
    }))
}

pub async fn save(tx: &mut Tx, r: &CompanyRecord, now: i64) -> Result<()> {
    on_tx!(tx, |c| {
        sqlx::query(
        "INSERT INTO company (id, legal_name_zh, legal_name_en, address, tax_id, registration_id, phone, email, website, \
         base_currency, default_terms, default_notes, updated_at) VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
         ON CONFLICT (id) DO UPDATE SET legal_name_zh = excluded.legal_name_zh, legal_name_en = excluded.legal_name_en, \
         address = excluded.address, tax_id = excluded.tax_id, registration_id = excluded.registration_id, \
         phone = excluded.phone, email = excluded.email, website = excluded.website, base_currency = excluded.base_currency, \
         default_terms = excluded.default_terms, default_notes = excluded.default_notes, updated_at = excluded.updated_at"
    )
    .bind(&r.legal_name_zh)
    .bind(&r.legal_name_en)
    .bind(&r.address)
    .bind(&r.tax_id)
    .bind(&r.registration_id)
    .bind(&r.phone)
    .bind(&r.email)
    .bind(&r.website)
    .bind(&r.base_currency)
    .bind(&r.default_terms)
    .bind(&r.default_notes)
    .bind(now)
    .execute(c)
    .await
    .map(|_| ())
    })?;
    Ok(())
}

/// Stores the logo (creating the company row with defaults when needed).
pub async fn set_logo(tx: &mut Tx, bytes: &[u8], content_type: &str, now: i64) -> Result<()> {
    on_tx!(tx, |c| {
        sqlx::query(
        "INSERT INTO company (id, base_currency, logo, logo_type, updated_at) VALUES (1, 'CNY', $1, $2, $3) \
         ON CONFLICT (id) DO UPDATE SET logo = excluded.logo, logo_type = excluded.logo_type, updated_at = excluded.updated_at"
    )
    .bind(bytes)
    .bind(content_type)
    .bind(now)
    .execute(c)
    .await
    .map(|_| ())
    })?;
    Ok(())
}

pub async fn logo(tx: &mut Tx) -> Result<Option<(Vec<u8>, String)>> {
    let row: Option<(Option<Vec<u8>>, Option<String>)> = on_tx!(tx, |c| sqlx::query_as(
        "SELECT logo, logo_type FROM company WHERE id = 1"
    )
    .fetch_optional(c)
    .await)?;
    Ok(row.and_then(|(l, t)| Some((l?, t?))))
}

#[derive(Debug, Clone, Default, sqlx::FromRow, serde::Serialize)]
pub struct BankAccountRow {
    pub id: i64,
    pub currency: String,
    pub beneficiary: String,
    pub bank_name: String,
    pub bank_address: Option<String>,
    pub swift: Option<String>,
    pub account: String,
    pub notes: Option<String>,
    pub position: i32,
}

pub async fn bank_accounts(tx: &mut Tx) -> Result<Vec<BankAccountRow>> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_as(
        "SELECT id, currency, beneficiary, bank_name, bank_address, swift, account, notes, position FROM bank_accounts \
         ORDER BY currency, position, id"
    )
    .fetch_all(c)
    .await
    })?)
}

pub async fn insert_bank_account(tx: &mut Tx, r: &BankAccountRow, now: i64) -> Result<i64> {
    Ok(on_tx!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO bank_accounts (currency, beneficiary, bank_name, bank_address, swift, account, notes, position, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id"
    )
    .bind(&r.currency)
    .bind(&r.beneficiary)
    .bind(&r.bank_name)
    .bind(&r.bank_address)
    .bind(&r.swift)
    .bind(&r.account)
    .bind(&r.notes)
    .bind(r.position)
    .bind(now)
    .fetch_one(c)
    .await
    })?)
}

pub async fn delete_bank_account(tx: &mut Tx, id: i64) -> Result<()> {
    let n = on_tx!(tx, |c| sqlx::query(
        "DELETE FROM bank_accounts WHERE id = $1"
    )
    .bind(id)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    crate::db::one_row(n)
}
