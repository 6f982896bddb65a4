//! Quotes: drafts with lines, charges and terms; sending, acceptance and decline as timestamped
//! events; revisions with a required reason that supersede the previous one; and the diff between
//! any two revisions. Access follows the customer's.

use crate::customers::{editable, visible};
use crate::{App, AppError, Page, Result, audit, now};
use chrono::{Datelike, NaiveDate};
use leadledger_domain::documents::lines::{
    Charges, ChargesDraft, DocumentDiscount, LineDraft, parse_lines,
};
use leadledger_domain::documents::numbering::{Series, format_number};
use leadledger_domain::documents::quote::{
    self as dq, Change, LeadTime, QuoteEvent, QuoteSnapshot, QuoteStatus,
};
use leadledger_domain::documents::totals::{FrozenRate, Totals};
use leadledger_domain::incoterms::{IncotermPlace, is_known_port};
use leadledger_domain::money::{Currency, Money};
use leadledger_domain::page::PageRequest;
use leadledger_domain::payment_terms::PaymentSchedule;
use leadledger_domain::user::Actor;
use leadledger_domain::{FieldErrors, Invalid};
use leadledger_store::Tx;
use leadledger_store::quotes::{self, QuoteFilter, QuoteRecord, QuoteRow};
use rust_decimal::Decimal;
use serde_json::json;

/// A quote as typed in a form or an API body.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct QuoteDraft {
    pub customer_id: Option<i64>,
    pub contact_id: Option<i64>,
    pub currency: String,
    /// Base-currency units per 1 quote-currency unit; empty takes today's rate.
    pub rate: String,
    pub incoterm: String,
    pub place: String,
    /// The named place is a port (sea-only rules need one); known ports are recognised anyway.
    pub place_is_port: bool,
    pub payment_terms: String,
    /// ISO date; empty means 30 days from today.
    pub valid_until: String,
    pub lead_time: String,
    pub lines: Vec<LineDraft>,
    pub freight: String,
    pub insurance: String,
    pub other_charges: String,
    /// An amount (`200`) or a percentage (`3%`).
    pub discount: String,
    pub notes: String,
}

/// A stored revision with its frozen content decoded.
#[derive(Debug, Clone, serde::Serialize)]
pub struct QuoteView {
    #[serde(flatten)]
    pub row: QuoteRow,
    #[serde(skip)]
    pub snapshot: QuoteSnapshot,
    #[serde(skip)]
    pub totals: Totals,
    /// `(id, revision, status)` of every revision of this number.
    pub revisions: Vec<(i64, i64, String)>,
    pub is_latest: bool,
}

fn to_minor(m: Money) -> i64 {
    let scaled = m.amount * Decimal::from(10i64.pow(m.currency.minor_units()));
    scaled.trunc().try_into().unwrap_or(i64::MAX)
}

/// A validated revision's content with its totals.
struct Content {
    snap: QuoteSnapshot,
    totals: Totals,
    base_total: Money,
}

/// A validated draft: its snapshot and totals in minor units, for documents typed like a quote
/// (a sales order made directly).
pub struct ValidContent {
    pub snap: QuoteSnapshot,
    pub total_minor: i64,
    pub base_total_minor: i64,
}

/// Validates a draft as a quote would be (every field, today's rate when none was given).
pub async fn content_of(app: &App, d: &QuoteDraft) -> Result<ValidContent> {
    let c = snapshot_of(app, d).await?;
    Ok(ValidContent {
        total_minor: to_minor(c.totals.total),
        base_total_minor: to_minor(c.base_total),
        snap: c.snap,
    })
}

/// Validates a draft into a snapshot, looking up today's rate when none was given.
async fn snapshot_of(app: &App, d: &QuoteDraft) -> Result<Content> {
    let base = crate::company::base_currency(app).await?;
    let today = crate::today();
    let mut e = FieldErrors::new();
    let currency = e.take("currency", Currency::parse(&d.currency));
    let rate = match currency {
        Some(c) if c == base => Some(FrozenRate::identity(c)),
        Some(c) if d.rate.trim().is_empty() => {
            match crate::rates::rate_on(app, c, base, today).await {
                Ok(r) => e.take("rate", FrozenRate::new(c, base, r.rate)),
                Err(_) => {
                    e.add(
                        "rate",
                        Invalid::new(
                            "no_rate",
                            format!("no {c} rate yet: enter one or import the ECB rates"),
                        ),
                    );
                    None
                }
            }
        }
        Some(c) => e.take("rate", FrozenRate::parse(c, base, &d.rate)),
        None => None,
    };
    let incoterm = e.take(
        "incoterm",
        IncotermPlace::parse(
            &d.incoterm,
            &d.place,
            d.place_is_port || is_known_port(&d.place),
        ),
    );
    let payment = e.take("payment_terms", PaymentSchedule::parse(&d.payment_terms));
    let valid_until = e.take(
        "valid_until",
        if d.valid_until.trim().is_empty() {
            Ok(today + chrono::Duration::days(30))
        } else {
            d.valid_until
                .trim()
                .parse::<NaiveDate>()
                .map_err(|_| Invalid::new("invalid_date", "a date like 2026-03-01"))
        },
    );
    let lead_time = e.take("lead_time", LeadTime::parse(&d.lead_time));
    let drafts: Vec<LineDraft> = d.lines.iter().filter(|l| !is_blank(l)).cloned().collect();
    let lines = match parse_lines(&drafts) {
        Ok(l) if l.is_empty() => {
            e.add(
                "lines",
                Invalid::new("lines_required", "a quote needs at least one line"),
            );
            None
        }
        Ok(l) => Some(l),
        Err(errs) => {
            e.0.extend(errs.0);
            None
        }
    };
    let (charges, discount) = match currency {
        Some(c) => {
            let ch = ChargesDraft {
                freight: d.freight.clone(),
                insurance: d.insurance.clone(),
                other: d.other_charges.clone(),
            };
            let charges = match Charges::parse(&ch, c) {
                Ok(x) => Some(x),
                Err(errs) => {
                    e.0.extend(errs.0);
                    None
                }
            };
            (
                charges,
                e.take("discount", DocumentDiscount::parse(&d.discount, c)),
            )
        }
        None => (None, None),
    };
    let notes = e.take("notes", QuoteSnapshot::parse_notes(&d.notes));
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let snap = QuoteSnapshot {
        currency: currency.unwrap(),
        rate: rate.unwrap(),
        incoterm: incoterm.unwrap(),
        payment: payment.unwrap(),
        valid_until: valid_until.unwrap(),
        lead_time: lead_time.unwrap(),
        lines: lines.unwrap(),
        charges: charges.unwrap(),
        discount: discount.unwrap(),
        notes: notes.unwrap(),
    };
    let totals = snap.totals().map_err(|e| AppError::field("discount", e))?;
    let base_total = totals
        .base_total(&snap.rate)
        .map_err(|e| AppError::field("rate", e))?;
    Ok(Content {
        snap,
        totals,
        base_total,
    })
}

fn is_blank(l: &LineDraft) -> bool {
    [
        &l.product_id,
        &l.sku,
        &l.description,
        &l.quantity,
        &l.unit_price,
        &l.discount,
    ]
    .iter()
    .all(|s| s.trim().is_empty())
}

fn record(
    number: &str,
    revision: i64,
    reason: Option<String>,
    customer_id: i64,
    contact_id: Option<i64>,
    c: &Content,
    by: i64,
) -> QuoteRecord {
    let (snap, totals, base_total) = (&c.snap, &c.totals, c.base_total);
    QuoteRecord {
        number: number.into(),
        revision,
        revision_reason: reason,
        customer_id,
        contact_id,
        status: QuoteStatus::Draft.as_str().into(),
        currency: snap.currency.code().into(),
        rate: snap.rate.rate().normalize().to_string(),
        incoterm: snap.incoterm.rule().code().into(),
        place: snap.incoterm.place().into(),
        valid_until: snap.valid_until.to_string(),
        snapshot: serde_json::to_string(snap).unwrap_or_default(),
        total_minor: to_minor(totals.total),
        base_total_minor: to_minor(base_total),
        created_by: Some(by),
    }
}

fn summary(snap: &QuoteSnapshot, totals: &Totals) -> serde_json::Value {
    json!({"currency": snap.currency.code(), "rate": snap.rate.rate().normalize().to_string(),
        "incoterm": format!("{} {}", snap.incoterm.rule().code(), snap.incoterm.place()),
        "payment": snap.payment_text(), "lines": snap.lines.len(), "total": totals.total.amount.to_string()})
}

/// Creates a draft quote with the next number of the year.
pub async fn create(app: &App, actor: &Actor, d: &QuoteDraft) -> Result<i64> {
    let Some(customer_id) = d.customer_id else {
        return Err(AppError::field(
            "customer_id",
            Invalid::new("required", "choose the customer"),
        ));
    };
    let content = snapshot_of(app, d).await?;
    let (snap, totals) = (&content.snap, &content.totals);
    let mut tx = app.db.write().await?;
    editable(&mut tx, actor, customer_id).await?;
    let year = crate::today().year();
    let n = quotes::next_number(&mut tx, Series::Quote.prefix(), year).await?;
    let number = format_number(Series::Quote, year, n as u32)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let rec = record(
        &number,
        1,
        None,
        customer_id,
        d.contact_id,
        &content,
        actor.user_id,
    );
    let id = quotes::insert(&mut tx, &rec, now()).await?;
    audit::record(
        &mut tx,
        Some(actor),
        "quote",
        Some(id),
        "create",
        json!({"number": number, "revision": 1, "content": summary(snap, totals)}),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

async fn load(tx: &mut Tx, actor: &Actor, id: i64, edit: bool) -> Result<QuoteRow> {
    let row = quotes::get(tx, id).await?;
    if edit {
        editable(tx, actor, row.customer_id).await?;
    } else {
        visible(tx, actor, row.customer_id).await?;
    }
    Ok(row)
}

fn status_of(row: &QuoteRow) -> Result<QuoteStatus> {
    QuoteStatus::parse(&row.status).map_err(|e| AppError::Internal(e.to_string()))
}

/// Replaces a draft's content; anything already sent must be revised instead.
pub async fn update_draft(app: &App, actor: &Actor, id: i64, d: &QuoteDraft) -> Result<()> {
    let content = snapshot_of(app, d).await?;
    let (snap, totals) = (&content.snap, &content.totals);
    let mut tx = app.db.write().await?;
    let row = load(&mut tx, actor, id, true).await?;
    if !status_of(&row)?.can_edit() {
        return Err(AppError::field(
            "status",
            Invalid::new(
                "quote_not_editable",
                "only a draft can be edited; revise a sent quote",
            ),
        ));
    }
    let rec = record(
        &row.number,
        row.revision,
        row.revision_reason.clone(),
        row.customer_id,
        d.contact_id,
        &content,
        actor.user_id,
    );
    quotes::update_content(&mut tx, id, &rec, now()).await?;
    audit::record(
        &mut tx,
        Some(actor),
        "quote",
        Some(id),
        "update",
        summary(snap, totals),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Sends, accepts, declines or expires a revision; each is a timestamped event.
pub async fn apply_event(app: &App, actor: &Actor, id: i64, event: QuoteEvent) -> Result<()> {
    let mut tx = app.db.write().await?;
    let row = load(&mut tx, actor, id, true).await?;
    let from = status_of(&row)?;
    let to = match event {
        QuoteEvent::Accept => {
            let latest = quotes::revisions(&mut tx, &row.number)
                .await?
                .last()
                .map(|r| r.id)
                == Some(id);
            dq::accept(from, latest)
        }
        QuoteEvent::Revise => Err(Invalid::new("invalid_quote_event", "revise with a reason")),
        other => dq::transition(from, other),
    }
    .map_err(|e| AppError::field("status", e))?;
    let stamp = match event {
        QuoteEvent::Send => Some("sent_at"),
        QuoteEvent::Accept => Some("accepted_at"),
        QuoteEvent::Decline => Some("declined_at"),
        _ => None,
    };
    quotes::set_status(&mut tx, id, to.as_str(), stamp, now()).await?;
    audit::record(
        &mut tx,
        Some(actor),
        "quote",
        Some(id),
        event.as_str(),
        json!({"status": [from.as_str(), to.as_str()]}),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Expires every sent quote whose validity date has passed (as of `today`), each with an audit
/// entry by the system. Run when the server starts and hourly after.
pub async fn expire_due(app: &App, today: chrono::NaiveDate) -> Result<usize> {
    let mut tx = app.db.write().await?;
    let ids = quotes::expire_due(&mut tx, &today.to_string(), now()).await?;
    for id in &ids {
        audit::record(
            &mut tx,
            None,
            "quote",
            Some(*id),
            "expire",
            json!({"status": ["sent", "expired"], "as_of": today.to_string()}),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(ids.len())
}

/// Makes the next revision of the latest one with new content and a required reason; the
/// revised one becomes superseded.
pub async fn revise(
    app: &App,
    actor: &Actor,
    id: i64,
    d: &QuoteDraft,
    reason: &str,
) -> Result<i64> {
    let mut tx = app.db.write().await?;
    let row = load(&mut tx, actor, id, true).await?;
    let all = quotes::revisions(&mut tx, &row.number).await?;
    if all.last().map(|r| r.id) != Some(id) {
        return Err(AppError::field(
            "status",
            Invalid::new(
                "not_latest_revision",
                "only the latest revision can be revised",
            ),
        ));
    }
    let rev = dq::revise(status_of(&row)?, reason).map_err(|e| {
        AppError::field(
            if e.code == "revision_reason_required" || e.code == "required" {
                "reason"
            } else {
                "status"
            },
            e,
        )
    })?;
    drop(tx);
    let content = snapshot_of(app, d).await?;
    let (snap, totals) = (&content.snap, &content.totals);
    let mut tx = app.db.write().await?;
    let row = load(&mut tx, actor, id, true).await?;
    if status_of(&row)? != rev.old_status && status_of(&row)?.is_final() {
        return Err(AppError::Conflict(
            "the quote changed meanwhile; reload it".into(),
        ));
    }
    let t = now();
    quotes::set_status(
        &mut tx,
        id,
        QuoteStatus::Superseded.as_str(),
        Some("superseded_at"),
        t,
    )
    .await?;
    let rec = record(
        &row.number,
        row.revision + 1,
        Some(rev.reason.as_str().to_string()),
        row.customer_id,
        d.contact_id.or(row.contact_id),
        &content,
        actor.user_id,
    );
    let new_id = quotes::insert(&mut tx, &rec, t).await?;
    // The salesperson's costing carries over to the new revision.
    if let Some(c) = &row.costing {
        quotes::set_costing(&mut tx, new_id, c, t).await?;
    }
    audit::record(&mut tx, Some(actor), "quote", Some(new_id), "revise",
        json!({"number": row.number, "revision": row.revision + 1, "reason": rev.reason.as_str(), "content": summary(snap, totals)})).await?;
    tx.commit().await?;
    Ok(new_id)
}

fn decode(row: QuoteRow, all: &[QuoteRow]) -> Result<QuoteView> {
    let snapshot: QuoteSnapshot = serde_json::from_str(&row.snapshot)
        .map_err(|e| AppError::Internal(format!("quote {}: {e}", row.id)))?;
    let totals = snapshot
        .totals()
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let revisions: Vec<(i64, i64, String)> = all
        .iter()
        .map(|r| (r.id, r.revision, r.status.clone()))
        .collect();
    let is_latest = all.last().map(|r| r.id) == Some(row.id);
    Ok(QuoteView {
        row,
        snapshot,
        totals,
        revisions,
        is_latest,
    })
}

pub async fn get(app: &App, actor: &Actor, id: i64) -> Result<QuoteView> {
    let mut tx = app.db.read().await?;
    let row = load(&mut tx, actor, id, false).await?;
    let all = quotes::revisions(&mut tx, &row.number).await?;
    decode(row, &all)
}

/// Every revision of the quote's number, oldest first.
pub async fn revisions(app: &App, actor: &Actor, id: i64) -> Result<Vec<QuoteView>> {
    let mut tx = app.db.read().await?;
    let row = load(&mut tx, actor, id, false).await?;
    let all = quotes::revisions(&mut tx, &row.number).await?;
    all.iter().cloned().map(|r| decode(r, &all)).collect()
}

/// What changed from revision `a` to revision `b` (both of one quote number).
pub async fn diff(app: &App, actor: &Actor, a: i64, b: i64) -> Result<Vec<Change>> {
    let qa = get(app, actor, a).await?;
    let qb = get(app, actor, b).await?;
    if qa.row.number != qb.row.number {
        return Err(AppError::field(
            "b",
            Invalid::new("different_quotes", "compare revisions of the same quote"),
        ));
    }
    Ok(dq::diff(&qa.snapshot, &qb.snapshot))
}

pub async fn list(
    app: &App,
    actor: &Actor,
    mut f: QuoteFilter,
    page: PageRequest,
) -> Result<Page<QuoteRow>> {
    f.visible_to = actor.customer_scope();
    let mut tx = app.db.read().await?;
    if let Some(c) = f.customer_id {
        visible(&mut tx, actor, c).await?;
    }
    let (items, total) = quotes::list(&mut tx, &f, page.limit(), page.offset()).await?;
    Ok(Page {
        items,
        total,
        page: page.page,
        per_page: page.per_page,
    })
}

/// The content of a revision as a draft, for copying, revising or a repeat order.
pub fn draft_of(v: &QuoteView) -> QuoteDraft {
    QuoteDraft {
        contact_id: v.row.contact_id,
        ..draft_of_snapshot(v.row.customer_id, &v.snapshot)
    }
}

/// A draft with a snapshot's content (a quote revision's or a sales order's).
pub fn draft_of_snapshot(customer_id: i64, s: &QuoteSnapshot) -> QuoteDraft {
    QuoteDraft {
        customer_id: Some(customer_id),
        contact_id: None,
        currency: s.currency.code().into(),
        rate: s.rate.rate().normalize().to_string(),
        incoterm: s.incoterm.rule().code().into(),
        place: s.incoterm.place().into(),
        place_is_port: true,
        payment_terms: s.payment.render_en(),
        valid_until: String::new(),
        lead_time: s.lead_time.to_string(),
        lines: s
            .lines
            .iter()
            .map(|l| LineDraft {
                product_id: l.product_id().map(|p| p.to_string()).unwrap_or_default(),
                sku: l.sku().unwrap_or("").into(),
                description: l.description().unwrap_or("").into(),
                quantity: l.quantity().value().normalize().to_string(),
                unit: l.unit().into(),
                unit_price: l.unit_price().value().normalize().to_string(),
                discount: if l.discount().value().is_zero() {
                    String::new()
                } else {
                    l.discount().value().normalize().to_string()
                },
            })
            .collect(),
        freight: nonzero(s.charges.freight()),
        insurance: nonzero(s.charges.insurance()),
        other_charges: nonzero(s.charges.other()),
        discount: match &s.discount {
            DocumentDiscount::None => String::new(),
            DocumentDiscount::Amount(m) => m.amount.normalize().to_string(),
            DocumentDiscount::Percent(p) => format!("{}%", p.value().normalize()),
        },
        notes: s.notes.clone().unwrap_or_default(),
    }
}

fn nonzero(m: Money) -> String {
    if m.amount.is_zero() {
        String::new()
    } else {
        m.amount.normalize().to_string()
    }
}

/// Fills lines that name a known SKU but leave out the description, unit or price from the
/// product and its price list in the quote's currency.
pub async fn complete_lines(app: &App, d: &mut QuoteDraft) -> Result<()> {
    let currency = d.currency.trim().to_uppercase();
    let mut tx = app.db.read().await?;
    for l in d.lines.iter_mut().filter(|l| !l.sku.trim().is_empty()) {
        let Some(p) = leadledger_store::products::by_sku(&mut tx, l.sku.trim()).await? else {
            continue;
        };
        if l.product_id.trim().is_empty() {
            l.product_id = p.id.to_string();
        }
        if l.description.trim().is_empty() {
            l.description = p.record.name_en.clone();
        }
        if l.unit.trim().is_empty() {
            l.unit = p.record.unit.clone();
        }
        if l.unit_price.trim().is_empty() {
            let prices = leadledger_store::products::prices_for(&mut tx, &[p.id]).await?;
            if let Some(pr) = prices.iter().find(|x| x.currency == currency) {
                l.unit_price = pr.unit_price.clone();
            }
        }
    }
    Ok(())
}

/// Percentage by which today's rate differs from the frozen one, when it is more than
/// `threshold_percent` and the quote is still open (draft or sent).
pub async fn rate_drift(
    app: &App,
    v: &QuoteView,
    threshold_percent: Decimal,
) -> Result<Option<(Decimal, Decimal)>> {
    if !matches!(v.row.status.as_str(), "draft" | "sent")
        || v.snapshot.rate.document_currency() == v.snapshot.rate.base_currency()
    {
        return Ok(None);
    }
    let today = crate::today();
    let Ok(now_rate) = crate::rates::rate_on(
        app,
        v.snapshot.rate.document_currency(),
        v.snapshot.rate.base_currency(),
        today,
    )
    .await
    else {
        return Ok(None);
    };
    let frozen = v.snapshot.rate.rate();
    if frozen.is_zero() {
        return Ok(None);
    }
    let pct = ((now_rate.rate - frozen) / frozen * Decimal::ONE_HUNDRED).round_dp(2);
    Ok((pct.abs() > threshold_percent).then_some((now_rate.rate.round_dp(6), pct)))
}
