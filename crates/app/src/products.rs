//! Products: list, view, create, edit, delete, and CSV import/export. Imports are all-or-nothing:
//! every row is validated first and the errors name their row numbers.

use crate::{App, AppError, Page, Result, audit, now};
use leadledger_domain::page::PageRequest;
use leadledger_domain::product::{ProductDraft, ProductInput};
use leadledger_domain::user::Actor;
use leadledger_domain::{FieldErrors, Invalid};
use leadledger_store::products::{self, PriceRow, ProductFilter, ProductRecord, ProductRow};
use serde::Serialize;
use serde_json::json;

#[derive(Debug, Clone, Serialize)]
pub struct ProductView {
    #[serde(flatten)]
    pub row: ProductRow,
    /// `(currency, unit price)`.
    pub prices: Vec<(String, String)>,
}

fn record(p: &ProductInput) -> ProductRecord {
    let s = |d: &rust_decimal::Decimal| d.normalize().to_string();
    ProductRecord {
        sku: p.sku.clone(),
        name_en: p.name_en.clone(),
        name_zh: p.name_zh.clone(),
        description: p.description.clone(),
        specs: p.specs.clone(),
        hs_code: p.hs_code.clone(),
        unit: p.unit.clone(),
        moq: p.moq,
        purchase_cost: p.purchase_cost.as_ref().map(s),
        vat_rate: s(&p.vat_rate.value()),
        rebate_rate: s(&p.rebate_rate.value()),
        pcs_per_carton: p.pcs_per_carton,
        carton_l_cm: p.carton_cm.map(|c| s(&c.0)),
        carton_w_cm: p.carton_cm.map(|c| s(&c.1)),
        carton_h_cm: p.carton_cm.map(|c| s(&c.2)),
        net_kg: p.net_kg.as_ref().map(s),
        gross_kg: p.gross_kg.as_ref().map(s),
    }
}

fn prices(p: &ProductInput) -> Vec<(String, String)> {
    p.prices
        .iter()
        .map(|(c, u)| (c.code().to_string(), u.value().normalize().to_string()))
        .collect()
}

fn views(rows: Vec<ProductRow>, prices: Vec<PriceRow>) -> Vec<ProductView> {
    rows.into_iter()
        .map(|row| {
            let p = prices
                .iter()
                .filter(|p| p.product_id == row.id)
                .map(|p| (p.currency.clone(), p.unit_price.clone()))
                .collect();
            ProductView { row, prices: p }
        })
        .collect()
}

pub async fn list(
    app: &App,
    filter: &ProductFilter,
    page: PageRequest,
) -> Result<Page<ProductView>> {
    let mut tx = app.db.read().await?;
    let (rows, total) = products::list(&mut tx, filter, page.limit(), page.offset()).await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let prices = products::prices_for(&mut tx, &ids).await?;
    Ok(Page {
        items: views(rows, prices),
        total,
        page: page.page,
        per_page: page.per_page,
    })
}

pub async fn get(app: &App, id: i64) -> Result<ProductView> {
    let mut tx = app.db.read().await?;
    let row = products::get(&mut tx, id).await?;
    let prices = products::prices_for(&mut tx, &[id]).await?;
    Ok(views(vec![row], prices).remove(0))
}

fn sku_taken() -> AppError {
    AppError::field(
        "sku",
        Invalid::new("sku_exists", "another product has this SKU"),
    )
}

/// Inserts a product with its prices inside an open transaction; the caller audits.
pub(crate) async fn insert_in(
    tx: &mut leadledger_store::Tx,
    p: &ProductInput,
    t: i64,
) -> Result<i64> {
    let id = products::insert(tx, &record(p), t).await?;
    products::set_prices(tx, id, &prices(p)).await?;
    Ok(id)
}

pub async fn create(app: &App, actor: &Actor, p: &ProductInput) -> Result<i64> {
    if !actor.can_manage_products() {
        return Err(AppError::Forbidden);
    }
    let mut tx = app.db.write().await?;
    if products::by_sku(&mut tx, &p.sku).await?.is_some() {
        return Err(sku_taken());
    }
    let rec = record(p);
    let id = insert_in(&mut tx, p, now()).await?;
    audit::record(
        &mut tx,
        Some(actor),
        "product",
        Some(id),
        "create",
        json!({"product": rec, "prices": prices(p)}),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn update(
    app: &App,
    actor: &Actor,
    id: i64,
    p: &ProductInput,
    active: bool,
) -> Result<()> {
    if !actor.can_manage_products() {
        return Err(AppError::Forbidden);
    }
    let mut tx = app.db.write().await?;
    let old = products::get(&mut tx, id).await?;
    if products::by_sku(&mut tx, &p.sku)
        .await?
        .is_some_and(|o| o.id != id)
    {
        return Err(sku_taken());
    }
    let old_prices: Vec<(String, String)> = products::prices_for(&mut tx, &[id])
        .await?
        .into_iter()
        .map(|r| (r.currency, r.unit_price))
        .collect();
    let rec = record(p);
    products::update(&mut tx, id, &rec, active, now()).await?;
    products::set_prices(&mut tx, id, &prices(p)).await?;
    let changes = audit::diff(
        &json!({"product": old.record, "active": old.active, "prices": old_prices}),
        &json!({"product": rec, "active": active, "prices": prices(p)}),
    );
    audit::record(&mut tx, Some(actor), "product", Some(id), "update", changes).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn delete(app: &App, actor: &Actor, id: i64) -> Result<()> {
    if !actor.can_manage_products() {
        return Err(AppError::Forbidden);
    }
    let mut tx = app.db.write().await?;
    let old = products::get(&mut tx, id).await?;
    products::delete(&mut tx, id).await?;
    audit::record(
        &mut tx,
        Some(actor),
        "product",
        Some(id),
        "delete",
        json!({"sku": old.record.sku}),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The fixed CSV columns; price columns `price_USD`, `price_EUR` … follow.
pub const CSV_COLUMNS: [&str; 17] = [
    "sku",
    "name_en",
    "name_zh",
    "description",
    "specs",
    "hs_code",
    "unit",
    "moq",
    "purchase_cost",
    "vat_rate",
    "rebate_rate",
    "pcs_per_carton",
    "carton_l_cm",
    "carton_w_cm",
    "carton_h_cm",
    "net_kg",
    "gross_kg",
];

/// Every product as CSV (UTF-8 with a header row), readable by [`import_csv`].
pub async fn export_csv(app: &App) -> Result<String> {
    let mut tx = app.db.read().await?;
    let (rows, _) = products::list(&mut tx, &ProductFilter::default(), i64::MAX / 2, 0).await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let all = views(rows, products::prices_for(&mut tx, &ids).await?);
    let mut currencies: Vec<String> = all
        .iter()
        .flat_map(|p| p.prices.iter().map(|(c, _)| c.clone()))
        .collect();
    currencies.sort();
    currencies.dedup();
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = CSV_COLUMNS.iter().map(|s| s.to_string()).collect();
    header.extend(currencies.iter().map(|c| format!("price_{c}")));
    w.write_record(&header)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    for p in &all {
        let r = &p.row.record;
        let o = |v: &Option<String>| v.clone().unwrap_or_default();
        let n = |v: Option<i64>| v.map(|x| x.to_string()).unwrap_or_default();
        let mut rec = vec![
            r.sku.clone(),
            r.name_en.clone(),
            o(&r.name_zh),
            o(&r.description),
            o(&r.specs),
            o(&r.hs_code),
            r.unit.clone(),
            n(r.moq),
            o(&r.purchase_cost),
            r.vat_rate.clone(),
            r.rebate_rate.clone(),
            n(r.pcs_per_carton),
            o(&r.carton_l_cm),
            o(&r.carton_w_cm),
            o(&r.carton_h_cm),
            o(&r.net_kg),
            o(&r.gross_kg),
        ];
        rec.extend(currencies.iter().map(|c| {
            p.prices
                .iter()
                .find(|(x, _)| x == c)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        }));
        w.write_record(&rec)
            .map_err(|e| AppError::Internal(e.to_string()))?;
    }
    String::from_utf8(
        w.into_inner()
            .map_err(|e| AppError::Internal(e.to_string()))?,
    )
    .map_err(|e| AppError::Internal(e.to_string()))
}

/// What an import did.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct ImportSummary {
    pub created: usize,
    pub updated: usize,
}

/// Imports products from CSV: rows are matched by SKU (existing ones are updated, others
/// created). Nothing is written unless every row is valid; errors are keyed `row N: field`.
pub async fn import_csv(app: &App, actor: &Actor, data: &[u8]) -> Result<ImportSummary> {
    if !actor.can_manage_products() {
        return Err(AppError::Forbidden);
    }
    let data = data.strip_prefix(b"\xef\xbb\xbf").unwrap_or(data);
    let mut rd = csv::ReaderBuilder::new()
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(data);
    let header: Vec<String> = rd
        .headers()
        .map_err(|e| {
            AppError::field(
                "file",
                Invalid::new("invalid_csv", format!("cannot read the header row: {e}")),
            )
        })?
        .iter()
        .map(|h| h.to_string())
        .collect();
    let mut e = FieldErrors::new();
    if !header.iter().any(|h| h == "sku") || !header.iter().any(|h| h == "name_en") {
        e.add(
            "file",
            Invalid::new(
                "invalid_csv",
                "the header row needs at least the columns sku and name_en",
            ),
        );
    }
    for h in &header {
        if !CSV_COLUMNS.contains(&h.as_str()) && !h.starts_with("price_") {
            e.add(
                "file",
                Invalid::new("invalid_csv", format!("unknown column {h:?}")),
            );
        }
    }
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let mut parsed: Vec<ProductInput> = Vec::new();
    for (i, rec) in rd.records().enumerate() {
        let row = i + 2; // 1-based, after the header row
        let rec = match rec {
            Ok(r) => r,
            Err(err) => {
                e.add(
                    format!("row {row}"),
                    Invalid::new("invalid_csv", err.to_string()),
                );
                continue;
            }
        };
        let get = |col: &str| {
            header
                .iter()
                .position(|h| h == col)
                .and_then(|i| rec.get(i))
                .unwrap_or("")
                .to_string()
        };
        let draft = ProductDraft {
            sku: get("sku"),
            name_en: get("name_en"),
            name_zh: get("name_zh"),
            description: get("description"),
            specs: get("specs"),
            hs_code: get("hs_code"),
            unit: get("unit"),
            moq: get("moq"),
            purchase_cost: get("purchase_cost"),
            vat_rate: get("vat_rate"),
            rebate_rate: get("rebate_rate"),
            pcs_per_carton: get("pcs_per_carton"),
            carton_l_cm: get("carton_l_cm"),
            carton_w_cm: get("carton_w_cm"),
            carton_h_cm: get("carton_h_cm"),
            net_kg: get("net_kg"),
            gross_kg: get("gross_kg"),
            prices: header
                .iter()
                .filter_map(|h| h.strip_prefix("price_").map(|c| (c.to_string(), get(h))))
                .collect(),
        };
        match draft.parse() {
            Ok(p) => {
                if parsed.iter().any(|q| q.sku == p.sku) {
                    e.add(
                        format!("row {row}: sku"),
                        Invalid::new(
                            "duplicate_sku",
                            format!("SKU {} appears twice in the file", p.sku),
                        ),
                    );
                }
                parsed.push(p);
            }
            Err(errs) => {
                for (field, err) in errs.0 {
                    e.add(format!("row {row}: {field}"), err);
                }
            }
        }
    }
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let mut tx = app.db.write().await?;
    let t = now();
    let mut summary = ImportSummary::default();
    for p in &parsed {
        let rec = record(p);
        let id = match products::by_sku(&mut tx, &p.sku).await? {
            Some(old) => {
                products::update(&mut tx, old.id, &rec, old.active, t).await?;
                summary.updated += 1;
                old.id
            }
            None => {
                summary.created += 1;
                products::insert(&mut tx, &rec, t).await?
            }
        };
        products::set_prices(&mut tx, id, &prices(p)).await?;
    }
    audit::record(
        &mut tx,
        Some(actor),
        "product",
        None,
        "import_csv",
        json!({"created": summary.created, "updated": summary.updated}),
    )
    .await?;
    tx.commit().await?;
    Ok(summary)
}

/// Largest product image accepted.
pub const MAX_IMAGE_BYTES: usize = 1024 * 1024;

/// Sets a product's photo: a PNG or JPEG of at most 1 MB.
pub async fn set_image(app: &App, actor: &Actor, id: i64, bytes: &[u8]) -> Result<()> {
    if !actor.can_manage_products() {
        return Err(AppError::Forbidden);
    }
    let kind = leadledger_domain::image::image_type(bytes, MAX_IMAGE_BYTES)
        .map_err(|e| AppError::field("image", e))?;
    let mut tx = app.db.write().await?;
    let p = products::get(&mut tx, id).await?;
    products::set_image(&mut tx, id, bytes, kind, now()).await?;
    audit::record(
        &mut tx,
        Some(actor),
        "product",
        Some(id),
        "set_image",
        json!({"sku": p.record.sku, "bytes": bytes.len(), "type": kind}),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A product's photo and its content type.
pub async fn image(app: &App, id: i64) -> Result<Option<(Vec<u8>, String)>> {
    let mut tx = app.db.read().await?;
    Ok(products::image(&mut tx, id).await?)
}
