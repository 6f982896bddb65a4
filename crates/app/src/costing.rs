//! The price builder on a quote: from each product's purchase cost (VAT included), VAT rebate,
//! the shipment's domestic fees, freight and insurance, and a target margin, the EXW / FOB /
//! CFR / CIF unit prices in the quote currency, and the margin the quote's current prices
//! really earn. For the salesperson only: the inputs are kept with the revision, never on the
//! buyer's documents.
//!
//! Fees and freight are for the whole shipment and are spread over the lines by volume when
//! every costed line has packing data, otherwise by purchase value.

use crate::customers::editable;
use crate::quotes::{QuoteView, draft_of};
use crate::{App, AppError, Result, audit, now};
use leadledger_domain::Invalid;
use leadledger_domain::incoterms::Incoterm;
use leadledger_domain::money::{Currency, Percent, Quantity};
use leadledger_domain::pricing::{
    Costing, LineMargin, MarginTotal, PriceInputs, PriceStack, line_margin, price_line,
    spread_per_unit, total_margin,
};
use rust_decimal::Decimal;
use serde_json::json;

/// One quote line through the builder.
#[derive(Debug, Clone)]
pub struct CostedLine {
    pub label: String,
    pub quantity: Decimal,
    pub unit: String,
    /// Why the line could not be costed: `no_product`, `no_cost` or `rule_not_priced`.
    pub missing: Option<&'static str>,
    pub stack: Option<PriceStack>,
    /// What the line earns at its current price.
    pub current: Option<LineMargin>,
    /// What it would earn at the builder's price (the unit price is in `unit_price`).
    pub builder: Option<LineMargin>,
}

#[derive(Debug, Clone)]
pub struct CostingView {
    pub costing: Costing,
    /// Whether the inputs were saved on this revision (else defaults).
    pub saved: bool,
    pub rule: Incoterm,
    pub base: Currency,
    /// `volume` or `value`: how fees and freight were spread.
    pub spread_by: &'static str,
    pub lines: Vec<CostedLine>,
    pub current_total: Option<MarginTotal>,
    pub builder_total: Option<MarginTotal>,
}

/// A product's cost inputs for one line, and the line's volume when its packing is known.
struct UnitCost {
    purchase: Decimal,
    vat: Percent,
    rebate: Percent,
    cbm: Option<Decimal>,
}

/// The stored inputs of a revision, or the defaults.
pub fn costing_of(v: &QuoteView) -> (Costing, bool) {
    match v
        .row
        .costing
        .as_deref()
        .map(serde_json::from_str::<Costing>)
    {
        Some(Ok(c)) => (c, true),
        _ => (Costing::default(), false),
    }
}

/// Runs the builder over a quote revision with `costing` (the stored inputs when `None`).
pub async fn build(app: &App, v: &QuoteView, costing: Option<Costing>) -> Result<CostingView> {
    let (stored, saved) = costing_of(v);
    let costing = costing.unwrap_or(stored);
    let base = crate::company::base_currency(app).await?;
    let rule = v.snapshot.incoterm.rule();
    let currency = v.snapshot.currency;
    let rate = v.snapshot.rate.rate();
    let mut tx = app.db.read().await?;
    // Each line's product, its unit cost inputs and its weight for spreading.
    let mut found = Vec::new();
    for l in &v.snapshot.lines {
        found.push(crate::shipping::product_of(&mut tx, l).await?);
    }
    drop(tx);
    let costed: Vec<Option<UnitCost>> = found
        .iter()
        .zip(&v.snapshot.lines)
        .map(|(p, l)| {
            let p = p.as_ref()?;
            let cost = p
                .record
                .purchase_cost
                .as_deref()
                .and_then(|v| v.parse::<Decimal>().ok())?;
            let vat = Percent::parse(&p.record.vat_rate).ok()?;
            let rebate = Percent::parse(&p.record.rebate_rate).ok()?;
            let cbm = crate::shipping::carton_of(p).map(|c| c.load(l.quantity()).cbm);
            Some(UnitCost {
                purchase: cost,
                vat,
                rebate,
                cbm,
            })
        })
        .collect();
    let by_volume = costed.iter().flatten().all(|c| c.cbm.is_some());
    let weights: Vec<(Decimal, Quantity)> = costed
        .iter()
        .zip(&v.snapshot.lines)
        .map(|(c, l)| {
            let w = match c {
                Some(UnitCost { cbm: Some(cbm), .. }) if by_volume => *cbm,
                Some(u) => u.purchase * l.quantity().value(),
                None => Decimal::ZERO,
            };
            (w, l.quantity())
        })
        .collect();
    let fees = spread_per_unit(costing.domestic_fees, &weights);
    let freight = spread_per_unit(costing.freight, &weights);
    let mut lines = Vec::new();
    for (i, l) in v.snapshot.lines.iter().enumerate() {
        let mut line = CostedLine {
            label: l.label().to_string(),
            quantity: l.quantity().value(),
            unit: l.unit().to_string(),
            missing: None,
            stack: None,
            current: None,
            builder: None,
        };
        match (&found[i], &costed[i]) {
            (None, _) => line.missing = Some("no_product"),
            (Some(_), None) => line.missing = Some("no_cost"),
            (Some(_), Some(u)) => {
                let stack = PriceStack::build(&PriceInputs {
                    purchase_price_incl_vat: u.purchase,
                    vat_rate: u.vat,
                    rebate_rate: u.rebate,
                    margin: costing.margin,
                    domestic_fees_per_unit: fees[i],
                    freight_per_unit: freight[i],
                    insurance_premium: costing.insurance_premium,
                })
                .map_err(|e| AppError::field("costing", e))?;
                match stack.cost_for(rule) {
                    None => line.missing = Some("rule_not_priced"),
                    Some(unit_cost) => {
                        line.current = Some(
                            line_margin(
                                l.quantity(),
                                l.unit_price(),
                                currency,
                                rate,
                                unit_cost,
                                base,
                            )
                            .map_err(|e| AppError::field("costing", e))?,
                        );
                        line.builder = Some(
                            price_line(
                                &stack,
                                rule,
                                l.quantity(),
                                currency,
                                rate,
                                costing.price_decimals,
                                base,
                            )
                            .map_err(|e| AppError::field("costing", e))?,
                        );
                    }
                }
                line.stack = Some(stack);
            }
        }
        lines.push(line);
    }
    let total = |pick: fn(&CostedLine) -> Option<LineMargin>| -> Result<Option<MarginTotal>> {
        let ms: Vec<LineMargin> = lines.iter().filter_map(pick).collect();
        if ms.is_empty() {
            return Ok(None);
        }
        total_margin(&ms, base)
            .map(Some)
            .map_err(|e| AppError::field("costing", e))
    };
    let current_total = total(|l| l.current)?;
    let builder_total = total(|l| l.builder)?;
    Ok(CostingView {
        costing,
        saved,
        rule,
        base,
        spread_by: if by_volume { "volume" } else { "value" },
        lines,
        current_total,
        builder_total,
    })
}

/// Saves the builder's inputs on a revision and, when `apply_prices`, sets every costed line of
/// a draft to the builder's unit price (audited like any edit).
pub async fn save(
    app: &App,
    actor: &leadledger_domain::user::Actor,
    id: i64,
    costing: Costing,
    apply_prices: bool,
) -> Result<()> {
    let v = crate::quotes::get(app, actor, id).await?;
    if apply_prices {
        if v.row.status != "draft" {
            return Err(AppError::field(
                "status",
                Invalid::new(
                    "quote_not_editable",
                    "only a draft takes new prices; revise the quote first",
                ),
            ));
        }
        let built = build(app, &v, Some(costing)).await?;
        let mut d = draft_of(&v);
        d.valid_until = v.snapshot.valid_until.to_string();
        for (ld, cl) in d.lines.iter_mut().zip(&built.lines) {
            if let Some(b) = cl.builder {
                ld.unit_price = b.unit_price.normalize().to_string();
            }
        }
        crate::quotes::update_draft(app, actor, id, &d).await?;
    }
    let mut tx = app.db.write().await?;
    editable(&mut tx, actor, v.row.customer_id).await?;
    let text = serde_json::to_string(&costing).map_err(|e| AppError::Internal(e.to_string()))?;
    leadledger_store::quotes::set_costing(&mut tx, id, &text, now()).await?;
    audit::record(
        &mut tx,
        Some(actor),
        "quote",
        Some(id),
        "costing",
        json!({"costing": costing, "applied_prices": apply_prices}),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
