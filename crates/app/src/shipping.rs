//! What a quote's goods take to ship: cartons, volume and weight from each product's packing,
//! and the containers (20GP / 40GP / 40HQ) they fill. The price builder reads the same cartons
//! to spread freight by volume.

use crate::quotes::QuoteView;
use crate::{App, Result};
use leadledger_domain::documents::lines::Line;
use leadledger_domain::packing::{Carton, Fit, Load, fit_all, suggest_mix};
use leadledger_store::products::ProductRow;
use rust_decimal::Decimal;

fn dec(s: &Option<String>) -> Option<Decimal> {
    s.as_deref().and_then(|v| v.parse::<Decimal>().ok())
}

/// A product's carton, when its packing data is complete and valid.
pub fn carton_of(p: &ProductRow) -> Option<Carton> {
    let r = &p.record;
    let dims = (
        dec(&r.carton_l_cm)?,
        dec(&r.carton_w_cm)?,
        dec(&r.carton_h_cm)?,
    );
    Carton::new(
        u32::try_from(r.pcs_per_carton?).ok()?,
        dims,
        dec(&r.gross_kg)?,
        dec(&r.net_kg),
    )
    .ok()
}

/// Cartons, volume, weight and containers a quote's lines fill, from the products' packing.
#[derive(Debug, Clone)]
pub struct ShippingPlan {
    pub load: Load,
    pub fits: [Fit; 3],
    pub mix: Option<String>,
    /// Lines left out because their product has no packing data (or no product).
    pub missing: Vec<String>,
}

/// The product a line names, by id or else by SKU; none for a free-text line.
pub(crate) async fn product_of(
    tx: &mut leadledger_store::Tx,
    l: &Line,
) -> Result<Option<ProductRow>> {
    Ok(match (l.product_id(), l.sku()) {
        (Some(id), _) => leadledger_store::products::get(tx, id).await.ok(),
        (None, Some(sku)) => leadledger_store::products::by_sku(tx, sku).await?,
        _ => None,
    })
}

pub async fn shipping_plan(app: &App, v: &QuoteView) -> Result<Option<ShippingPlan>> {
    let mut tx = app.db.read().await?;
    let mut loads = Vec::new();
    let mut missing = Vec::new();
    for l in &v.snapshot.lines {
        let carton = product_of(&mut tx, l).await?.as_ref().and_then(carton_of);
        match carton {
            Some(c) => loads.push(c.load(l.quantity())),
            None => missing.push(l.label().to_string()),
        }
    }
    if loads.is_empty() {
        return Ok(None);
    }
    let load = Load::total(loads);
    let mix = suggest_mix(&load).ok().map(|m| m.describe());
    Ok(Some(ShippingPlan {
        fits: fit_all(&load),
        load,
        mix,
        missing,
    }))
}
