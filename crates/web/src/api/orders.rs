//! `/api/v1/sales-orders`.

use super::customers::optional_id;
use super::dto::{ErrorOut, OrderIn, OrderLineOut, OrderList, OrderOut, ShipIn};
use super::{ApiJson, page_of, path_id, query_pairs, rfc3339};
use crate::AppState;
use crate::error::ApiError;
use crate::session::ApiUser;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use leadledger_app::orders::{self, OrderView};
use leadledger_app::store::orders::OrderFilter;

fn out(o: OrderView) -> OrderOut {
    let base_total = o
        .totals
        .base_total(&o.snapshot.rate)
        .map(|m| m.amount.to_string())
        .unwrap_or_default();
    OrderOut {
        id: o.row.id,
        number: o.row.number,
        customer_id: o.row.customer_id,
        customer_name: o.row.customer_name,
        quote_id: o.row.quote_id,
        status: o.row.status,
        currency: o.row.currency,
        rate: o.row.rate,
        incoterm: o.row.incoterm,
        place: o.row.place,
        payment_terms: o.snapshot.payment_text(),
        total: o.totals.total.amount.to_string(),
        base_total,
        lines: o
            .lines
            .into_iter()
            .map(|l| OrderLineOut {
                id: l.id,
                label: l.label,
                quantity: l.quantity,
                unit: l.unit,
                shipped: l.shipped,
            })
            .collect(),
        created_at: rfc3339(o.row.created_at),
    }
}

#[utoipa::path(get, path = "/api/v1/sales-orders", tag = "sales orders",
    params(("customer_id" = Option<i64>, Query), ("status" = Option<String>, Query), ("page" = Option<u32>, Query), ("per_page" = Option<u32>, Query)),
    responses((status = 200, body = OrderList)))]
pub async fn list(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    RawQuery(q): RawQuery,
) -> Result<Json<OrderList>, ApiError> {
    let params = query_pairs(&q)?;
    let page = page_of(&params)?;
    let status = params
        .iter()
        .find(|(k, v)| k == "status" && !v.is_empty())
        .map(|(_, v)| v.clone());
    let f = OrderFilter {
        customer_id: optional_id(&params, "customer_id")?,
        status,
        visible_to: None,
    };
    let r = orders::list(&s.app, &a, f, page).await?;
    let mut items = Vec::new();
    for row in r.items {
        items.push(out(orders::get(&s.app, &a, row.id).await?));
    }
    Ok(Json(OrderList {
        items,
        total: r.total,
        page: r.page,
        per_page: r.per_page,
    }))
}

/// Makes a sales order from an accepted quote in one step.
#[utoipa::path(post, path = "/api/v1/sales-orders", tag = "sales orders", request_body = OrderIn,
    responses((status = 201, body = OrderOut), (status = 404, body = ErrorOut), (status = 409, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn create(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    ApiJson(b): ApiJson<OrderIn>,
) -> Result<(StatusCode, Json<OrderOut>), ApiError> {
    let id = match b.quote_id {
        Some(q) => orders::from_quote(&s.app, &a, q).await?,
        None => {
            let mut d = super::quotes::draft(b.direct);
            leadledger_app::quotes::complete_lines(&s.app, &mut d).await?;
            orders::create_direct(&s.app, &a, &d).await?
        }
    };
    Ok((
        StatusCode::CREATED,
        Json(out(orders::get(&s.app, &a, id).await?)),
    ))
}

#[utoipa::path(get, path = "/api/v1/sales-orders/{id}", tag = "sales orders", params(("id" = i64, Path)),
    responses((status = 200, body = OrderOut), (status = 404, body = ErrorOut)))]
pub async fn get(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<OrderOut>, ApiError> {
    Ok(Json(out(orders::get(&s.app, &a, path_id(&id)?).await?)))
}

/// Records a (partial) shipment; never more than ordered.
#[utoipa::path(post, path = "/api/v1/sales-orders/{id}/ship", tag = "sales orders", params(("id" = i64, Path)), request_body = ShipIn,
    responses((status = 200, body = OrderOut), (status = 404, body = ErrorOut), (status = 422, body = ErrorOut)))]
pub async fn ship(
    State(s): State<AppState>,
    ApiUser(a): ApiUser,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<ShipIn>,
) -> Result<Json<OrderOut>, ApiError> {
    let id = path_id(&id)?;
    let lines: Vec<(i64, String)> = b
        .lines
        .into_iter()
        .map(|l| (l.line_id, l.quantity))
        .collect();
    orders::ship(&s.app, &a, id, &lines).await?;
    Ok(Json(out(orders::get(&s.app, &a, id).await?)))
}
