//! `/api/v1/products`.

use super::dto::{ErrorOut, ProductIn, ProductList, ProductOut};
use super::{ApiJson, page_of, path_id, query_pairs};
use crate::AppState;
use crate::error::ApiError;
use crate::session::ApiUser;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use leadledger_app::products::{self, ProductView};
use leadledger_app::store::products::ProductFilter;
use leadledger_domain::product::ProductDraft;

fn out(p: ProductView) -> ProductOut {
    let r = p.row.record;
    ProductOut {
        id: p.row.id,
        sku: r.sku,
        name_en: r.name_en,
        name_zh: r.name_zh,
        description: r.description,
        specs: r.specs,
        hs_code: r.hs_code,
        unit: r.unit,
        moq: r.moq,
        purchase_cost: r.purchase_cost,
        vat_rate: r.vat_rate,
        rebate_rate: r.rebate_rate,
        pcs_per_carton: r.pcs_per_carton,
        carton_l_cm: r.carton_l_cm,
        carton_w_cm: r.carton_w_cm,
        carton_h_cm: r.carton_h_cm,
        net_kg: r.net_kg,
        gross_kg: r.gross_kg,
        active: p.row.active,
        prices: p.prices.into_iter().collect(),
    }
}

fn draft(b: &ProductIn) -> ProductDraft {
    let o = |v: &Option<String>| v.clone().unwrap_or_default();
    let n = |v: Option<i64>| v.map(|x| x.to_string()).unwrap_or_default();
    ProductDraft {
        sku: b.sku.clone(),
        name_en: b.name_en.clone(),
        name_zh: o(&b.name_zh),
        description: o(&b.description),
        specs: o(&b.specs),
        hs_code: o(&b.hs_code),
        unit: o(&b.unit),
        moq: n(b.moq),
        purchase_cost: o(&b.purchase_cost),
        vat_rate: o(&b.vat_rate),
        rebate_rate: o(&b.rebate_rate),
        pcs_per_carton: n(b.pcs_per_carton),
        carton_l_cm: o(&b.carton_l_cm),
        carton_w_cm: o(&b.carton_w_cm),
        carton_h_cm: o(&b.carton_h_cm),
        net_kg: o(&b.net_kg),
        gross_kg: o(&b.gross_kg),
        prices: b
            .prices
            .iter()
            .map(|(c, p)| (c.clone(), p.clone()))
            .collect(),
    }
}

#[utoipa::path(get, path = "/api/v1/products", tag = "products",
    params(("q" = Option<String>, Query, description = "part of the SKU or a name"), ("active" = Option<bool>, Query),
        ("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = ProductList), (status = 422, body = ErrorOut)))]
pub async fn list(
    State(s): State<AppState>,
    ApiUser(_): ApiUser,
    RawQuery(q): RawQuery,
) -> Result<Json<ProductList>, ApiError> {
    let params = query_pairs(&q)?;
    let page = page_of(&params)?;
    let get = |k: &str| {
        params
            .iter()
            .find(|(n, v)| n == k && !v.is_empty())
            .map(|(_, v)| v.clone())
    };
    let active = match get("active").as_deref() {
        None => None,
        Some("true") => Some(true),
        Some("false") => Some(false),
        Some(_) => return Err(ApiError::bad_request("active is true or false")),
    };
    let r = products::list(
        &s.app,
        &ProductFilter {
            q: get("q"),
            active,
        },
        page,
    )
    .await?;
    Ok(Json(ProductList {
        items: r.items.into_iter().map(out).collect(),
        total: r.total,
        page: r.page,
        per_page: r.per_page,
    }))
}

#[utoipa::path(post, path = "/api/v1/products", tag = "products", request_body = ProductIn,
    responses((status = 201, body = ProductOut), (status = 403, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn create(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    ApiJson(b): ApiJson<ProductIn>,
) -> Result<(StatusCode, Json<ProductOut>), ApiError> {
    if !a.can_manage_products() {
        return Err(leadledger_app::AppError::Forbidden.into());
    }
    let input = draft(&b).parse().map_err(|e| ApiError::invalid(&e))?;
    let id = products::create(&s.app, &a, &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(out(products::get(&s.app, id).await?)),
    ))
}

#[utoipa::path(get, path = "/api/v1/products/{id}", tag = "products", params(("id" = i64, Path)),
    responses((status = 200, body = ProductOut), (status = 404, body = ErrorOut)))]
pub async fn get(
    State(s): State<AppState>,
    ApiUser(_): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<ProductOut>, ApiError> {
    Ok(Json(out(products::get(&s.app, path_id(&id)?).await?)))
}

#[utoipa::path(put, path = "/api/v1/products/{id}", tag = "products", params(("id" = i64, Path)), request_body = ProductIn,
    responses((status = 200, body = ProductOut), (status = 403, body = ErrorOut), (status = 404, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn update(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<ProductIn>,
) -> Result<Json<ProductOut>, ApiError> {
    let id = path_id(&id)?;
    if !a.can_manage_products() {
        return Err(leadledger_app::AppError::Forbidden.into());
    }
    let input = draft(&b).parse().map_err(|e| ApiError::invalid(&e))?;
    products::update(&s.app, &a, id, &input, b.active.unwrap_or(true)).await?;
    Ok(Json(out(products::get(&s.app, id).await?)))
}

#[utoipa::path(delete, path = "/api/v1/products/{id}", tag = "products", params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = ErrorOut), (status = 404, body = ErrorOut)))]
pub async fn delete(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    products::delete(&s.app, &a, path_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}
