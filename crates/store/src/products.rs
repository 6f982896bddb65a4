//! Products and their price lists.

use crate::query::{Filter, page};
use crate::{Arg, Result, Tx, on_tx};
use sqlx::AssertSqlSafe;

/// The stored columns of a product; decimals as canonical strings.
#[derive(Debug, Clone, Default, sqlx::FromRow, serde::Serialize)]
pub struct ProductRecord {
    pub sku: String,
    pub name_en: String,
    pub name_zh: Option<String>,
    pub description: Option<String>,
    pub specs: Option<String>,
    pub hs_code: Option<String>,
    pub unit: String,
    pub moq: Option<i64>,
    pub purchase_cost: Option<String>,
    pub vat_rate: String,
    pub rebate_rate: String,
    pub pcs_per_carton: Option<i64>,
    pub carton_l_cm: Option<String>,
    pub carton_w_cm: Option<String>,
    pub carton_h_cm: Option<String>,
    pub net_kg: Option<String>,
    pub gross_kg: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct ProductRow {
    pub id: i64,
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub record: ProductRecord,
    pub active: bool,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct PriceRow {
    pub product_id: i64,
    pub currency: String,
    pub unit_price: String,
}

const COLS: &str = "id, sku, name_en, name_zh, description, specs, hs_code, unit, moq, purchase_cost, vat_rate, \
    rebate_rate, pcs_per_carton, carton_l_cm, carton_w_cm, carton_h_cm, net_kg, gross_kg, active, created_at, updated_at";

macro_rules! bind_record {
    ($q:expr, $r:expr) => {
        $q.bind(&$r.sku)
            .bind(&$r.name_en)
            .bind(&$r.name_zh)
            .bind(&$r.description)
            .bind(&$r.specs)
            .bind(&$r.hs_code)
            .bind(&$r.unit)
            .bind($r.moq)
            .bind(&$r.purchase_cost)
            .bind(&$r.vat_rate)
            .bind(&$r.rebate_rate)
            .bind($r.pcs_per_carton)
            .bind(&$r.carton_l_cm)
            .bind(&$r.carton_w_cm)
            .bind(&$r.carton_h_cm)
            .bind(&$r.net_kg)
            .bind(&$r.gross_kg)
    };
}

pub async fn insert(tx: &mut Tx, r: &ProductRecord, now: i64) -> Result<i64> {
    Ok(on_tx!(tx, |c| {
        bind_record!(
        sqlx::query_scalar(
            "INSERT INTO products (sku, name_en, name_zh, description, specs, hs_code, unit, moq, purchase_cost, \
             vat_rate, rebate_rate, pcs_per_carton, carton_l_cm, carton_w_cm, carton_h_cm, net_kg, gross_kg, active, \
             created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, \
             $17, TRUE, $18, $18) RETURNING id"
        ),
        r
    )
    .bind(now)
    .fetch_one(c)
    .await
    })?)
}

pub async fn update(tx: &mut Tx, id: i64, r: &ProductRecord, active: bool, now: i64) -> Result<()> {
    let n = on_tx!(tx, |c| {
        bind_record!(
        sqlx::query(
            "UPDATE products SET sku = $1, name_en = $2, name_zh = $3, description = $4, specs = $5, hs_code = $6, \
             unit = $7, moq = $8, purchase_cost = $9, vat_rate = $10, rebate_rate = $11, pcs_per_carton = $12, \
             carton_l_cm = $13, carton_w_cm = $14, carton_h_cm = $15, net_kg = $16, gross_kg = $17, active = $18, \
             updated_at = $19 WHERE id = $20"
        ),
        r
    )
    .bind(active)
    .bind(now)
    .bind(id)
    .execute(c)
    .await
    .map(|r| r.rows_affected())
    })?;
    crate::db::one_row(n)
}

pub async fn get(tx: &mut Tx, id: i64) -> Result<ProductRow> {
    let sql = format!("SELECT {COLS} FROM products WHERE id = $1");
    Ok(on_tx!(tx, |c| sqlx::query_as(AssertSqlSafe(sql))
        .bind(id)
        .fetch_one(c)
        .await)?)
}

pub async fn by_sku(tx: &mut Tx, sku: &str) -> Result<Option<ProductRow>> {
    let sql = format!("SELECT {COLS} FROM products WHERE sku = $1");
    Ok(on_tx!(tx, |c| sqlx::query_as(AssertSqlSafe(sql))
        .bind(sku)
        .fetch_optional(c)
        .await)?)
}

pub async fn delete(tx: &mut Tx, id: i64) -> Result<()> {
    let n = on_tx!(tx, |c| sqlx::query("DELETE FROM products WHERE id = $1")
        .bind(id)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    crate::db::one_row(n)
}

#[derive(Debug, Clone, Default)]
pub struct ProductFilter {
    /// Part of the SKU or a name.
    pub q: Option<String>,
    pub active: Option<bool>,
}

pub async fn list(
    tx: &mut Tx,
    f: &ProductFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<ProductRow>, i64)> {
    let mut w = Filter::default();
    if let Some(q) = f.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        w.with(
            "(LOWER(sku) LIKE {} ESCAPE '\\' OR LOWER(name_en) LIKE {} ESCAPE '\\' OR name_zh LIKE {} ESCAPE '\\')",
            Arg::Text(crate::customers::like_pattern(&q.to_lowercase())),
        );
    }
    if let Some(a) = f.active {
        w.with("active = {}", Arg::Bool(a));
    }
    let from = format!("FROM products{}", w.sql());
    page(
        tx,
        &format!("SELECT {COLS}"),
        &from,
        "sku, id",
        w,
        limit,
        offset,
    )
    .await
}

/// Replaces a product's price list.
pub async fn set_prices(tx: &mut Tx, product_id: i64, prices: &[(String, String)]) -> Result<()> {
    on_tx!(tx, |c| sqlx::query(
        "DELETE FROM product_prices WHERE product_id = $1"
    )
    .bind(product_id)
    .execute(c)
    .await
    .map(|_| ()))?;
    for (cur, price) in prices {
        on_tx!(tx, |c| sqlx::query(
            "INSERT INTO product_prices (product_id, currency, unit_price) VALUES ($1, $2, $3)"
        )
        .bind(product_id)
        .bind(cur)
        .bind(price)
        .execute(c)
        .await
        .map(|_| ()))?;
    }
    Ok(())
}

pub async fn prices_for(tx: &mut Tx, product_ids: &[i64]) -> Result<Vec<PriceRow>> {
    if product_ids.is_empty() {
        return Ok(vec![]);
    }
    let args: Vec<Arg> = product_ids.iter().map(|i| Arg::I64(*i)).collect();
    let sql = format!(
        "SELECT product_id, currency, unit_price FROM product_prices WHERE product_id IN ({}) ORDER BY currency",
        crate::customers::placeholders(0, args.len())
    );
    Ok(on_tx!(tx, |c| crate::bind_args!(
        sqlx::query_as(AssertSqlSafe(sql.clone())),
        &args
    )
    .fetch_all(c)
    .await)?)
}

/// Stores (or replaces) a product's image.
pub async fn set_image(
    tx: &mut Tx,
    product_id: i64,
    bytes: &[u8],
    content_type: &str,
    now: i64,
) -> Result<()> {
    on_tx!(tx, |c| {
        sqlx::query(
        "INSERT INTO product_images (product_id, bytes, content_type, updated_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (product_id) DO UPDATE SET bytes = excluded.bytes, content_type = excluded.content_type, \
         updated_at = excluded.updated_at"
    )
    .bind(product_id)
    .bind(bytes)
    .bind(content_type)
    .bind(now)
    .execute(c)
    .await
    .map(|_| ())
    })?;
    Ok(())
}

/// A product's image and its content type.
pub async fn image(tx: &mut Tx, product_id: i64) -> Result<Option<(Vec<u8>, String)>> {
    Ok(on_tx!(tx, |c| sqlx::query_as(
        "SELECT bytes, content_type FROM product_images WHERE product_id = $1"
    )
    .bind(product_id)
    .fetch_optional(c)
    .await)?)
}
