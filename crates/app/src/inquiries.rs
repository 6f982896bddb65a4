//! Inquiries: read with the inquiry reader, stored with the analysis, linked to buyers. Linking
//! a follow-up inquiry records the seed's signals — a buyer who answers the clarifying questions
//! is *willing to supplement*; one who keeps talking price while avoiding quantity and payment is
//! *evasive* — and the buyer's information completeness follows its best inquiry unless a person
//! set it.

use crate::customers::{editable, visible};
use crate::{App, AppError, Page, Result, audit, now};
use leadledger_domain::page::PageRequest;
use leadledger_domain::user::Actor;
use leadledger_inquiry::{Analysis, Message};
use leadledger_store::Tx;
use leadledger_store::inquiries::{self, InquiryFilter, InquiryRecord, InquiryRow, SignalRow};
use serde_json::json;

/// Where an inquiry came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Paste,
    Eml,
    Mbox,
    Api,
    Demo,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Paste => "paste",
            Channel::Eml => "eml",
            Channel::Mbox => "mbox",
            Channel::Api => "api",
            Channel::Demo => "demo",
        }
    }
}

/// A stored inquiry with its analysis decoded.
#[derive(Debug, Clone, serde::Serialize)]
pub struct InquiryView {
    #[serde(flatten)]
    pub row: InquiryRow,
    #[serde(skip)]
    pub analysis: serde_json::Value,
}

impl InquiryView {
    fn from_row(row: InquiryRow) -> Self {
        let analysis = serde_json::from_str(&row.analysis).unwrap_or(serde_json::Value::Null);
        Self { row, analysis }
    }

    /// A short title: the subject, else the product, else the first words.
    pub fn title(&self) -> String {
        if let Some(s) = self.row.subject.as_deref().filter(|s| !s.trim().is_empty()) {
            return s.chars().take(90).collect();
        }
        if let Some(p) = self.analysis["facts"]["product"].as_str() {
            return p.to_string();
        }
        let t: String = self
            .row
            .body
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let short: String = t.chars().take(80).collect();
        if t.chars().count() > 80 {
            format!("{short}…")
        } else {
            short
        }
    }
}

fn record(
    msg: &Message,
    a: &Analysis,
    channel: Channel,
    customer_id: Option<i64>,
    received_at: i64,
    by: Option<i64>,
) -> InquiryRecord {
    InquiryRecord {
        customer_id,
        received_at,
        channel: channel.as_str().into(),
        subject: msg.subject.clone(),
        from_addr: msg.from.clone(),
        reply_to: msg.reply_to.clone(),
        body: msg.text.clone(),
        language: a.language.clone(),
        grade: a.completeness.grade.as_str().into(),
        score: a.completeness.score as i32,
        scam: a.risk.scam,
        junk: a.risk.junk,
        risk_level: a.risk.level.as_str().into(),
        analysis: serde_json::to_string(a).unwrap_or_else(|_| "{}".into()),
        created_by: by,
    }
}

/// Reads and stores messages (one per message: an `.mbox` gives several), optionally linked to a
/// buyer, all in one transaction.
pub async fn submit(
    app: &App,
    actor: &Actor,
    messages: Vec<Message>,
    channel: Channel,
    customer_id: Option<i64>,
) -> Result<Vec<i64>> {
    if !actor.can_create_customers() {
        return Err(AppError::Forbidden);
    }
    let mut tx = app.db.write().await?;
    if let Some(cid) = customer_id {
        editable(&mut tx, actor, cid).await?;
    }
    let t = now();
    let mut ids = Vec::new();
    for m in &messages {
        let a = leadledger_inquiry::analyze(m);
        let id = inquiries::insert(
            &mut tx,
            &record(m, &a, channel, None, t, Some(actor.user_id)),
            t,
        )
        .await?;
        audit::record(&mut tx, Some(actor), "inquiry", Some(id), "create",
            json!({"channel": channel.as_str(), "grade": a.completeness.grade.as_str(), "junk": a.risk.junk, "scam": a.risk.scam})).await?;
        if let Some(cid) = customer_id {
            link_in(&mut tx, actor, id, cid, t).await?;
        }
        ids.push(id);
    }
    tx.commit().await?;
    Ok(ids)
}

/// Stores an inquiry with a given receipt time, linked or not; used by the demo generator.
pub async fn insert_received(
    tx: &mut Tx,
    msg: &Message,
    channel: Channel,
    received_at: i64,
    by: Option<i64>,
    customer_id: Option<i64>,
) -> Result<i64> {
    let a = leadledger_inquiry::analyze(msg);
    let id = inquiries::insert(
        tx,
        &record(msg, &a, channel, None, received_at, by),
        received_at,
    )
    .await?;
    if let Some(cid) = customer_id {
        inquiries::set_customer(tx, id, Some(cid)).await?;
        derive_signals(tx, id, cid, received_at).await?;
    }
    Ok(id)
}

async fn load_visible(tx: &mut Tx, actor: &Actor, id: i64) -> Result<InquiryRow> {
    let row = inquiries::get(tx, id).await?;
    if let Some(cid) = row.customer_id {
        visible(tx, actor, cid).await?;
    }
    Ok(row)
}

pub async fn get(app: &App, actor: &Actor, id: i64) -> Result<InquiryView> {
    let mut tx = app.db.read().await?;
    Ok(InquiryView::from_row(
        load_visible(&mut tx, actor, id).await?,
    ))
}

pub async fn list(
    app: &App,
    actor: &Actor,
    mut filter: InquiryFilter,
    page: PageRequest,
) -> Result<Page<InquiryView>> {
    filter.visible_to = actor.customer_scope();
    let mut tx = app.db.read().await?;
    if let Some(cid) = filter.customer_id {
        visible(&mut tx, actor, cid).await?;
    }
    let (rows, total) = inquiries::list(&mut tx, &filter, page.limit(), page.offset()).await?;
    Ok(Page {
        items: rows.into_iter().map(InquiryView::from_row).collect(),
        total,
        page: page.page,
        per_page: page.per_page,
    })
}

/// Links an inquiry to a buyer (or unlinks with `None`), then derives signals and completeness.
pub async fn link(app: &App, actor: &Actor, id: i64, customer_id: Option<i64>) -> Result<()> {
    if !actor.can_create_customers() {
        return Err(AppError::Forbidden);
    }
    let mut tx = app.db.write().await?;
    let row = load_visible(&mut tx, actor, id).await?;
    if let Some(old) = row.customer_id {
        editable(&mut tx, actor, old).await?;
    }
    match customer_id {
        Some(cid) => link_in(&mut tx, actor, id, cid, now()).await?,
        None => {
            inquiries::set_customer(&mut tx, id, None).await?;
            audit::record(
                &mut tx,
                Some(actor),
                "inquiry",
                Some(id),
                "unlink",
                json!({"customer_id": row.customer_id}),
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

async fn link_in(tx: &mut Tx, actor: &Actor, id: i64, customer_id: i64, t: i64) -> Result<()> {
    editable(tx, actor, customer_id).await?;
    inquiries::set_customer(tx, id, Some(customer_id)).await?;
    let signals = derive_signals(tx, id, customer_id, t).await?;
    audit::record(
        tx,
        Some(actor),
        "inquiry",
        Some(id),
        "link",
        json!({"customer_id": customer_id, "signals": signals}),
    )
    .await?;
    Ok(())
}

pub async fn delete(app: &App, actor: &Actor, id: i64) -> Result<()> {
    let mut tx = app.db.write().await?;
    let row = load_visible(&mut tx, actor, id).await?;
    match row.customer_id {
        Some(cid) => {
            editable(&mut tx, actor, cid).await?;
        }
        None if !actor.can_create_customers() => return Err(AppError::Forbidden),
        None => {}
    }
    inquiries::delete(&mut tx, id).await?;
    audit::record(
        &mut tx,
        Some(actor),
        "inquiry",
        Some(id),
        "delete",
        json!({"customer_id": row.customer_id, "subject": row.subject}),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn signals(app: &App, actor: &Actor, customer_id: i64) -> Result<Vec<SignalRow>> {
    let mut tx = app.db.read().await?;
    visible(&mut tx, actor, customer_id).await?;
    Ok(inquiries::signals_for(&mut tx, customer_id).await?)
}

fn strs(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// Whether a message is mostly about price.
fn talks_price(a: &serde_json::Value, body: &str) -> bool {
    if a["facts"]["target_price"].is_string() {
        return true;
    }
    let lower = body.to_lowercase();
    [
        "price",
        "cheaper",
        "discount",
        "best offer",
        "价格",
        "便宜",
        "precio",
        "preço",
        "preis",
        "prix",
        "цена",
        "سعر",
        "価格",
        "fiyat",
        "cena",
        "giá",
    ]
    .iter()
    .any(|k| lower.contains(k))
}

/// Compares a newly linked inquiry with the buyer's previous one. Returns the kinds recorded.
pub(crate) async fn derive_signals(
    tx: &mut Tx,
    id: i64,
    customer_id: i64,
    t: i64,
) -> Result<Vec<&'static str>> {
    let mut recorded = Vec::new();
    let (rows, _) = inquiries::list(
        tx,
        &InquiryFilter {
            customer_id: Some(customer_id),
            ..Default::default()
        },
        500,
        0,
    )
    .await?;
    let this = rows
        .iter()
        .find(|r| r.id == id)
        .map(|r| InquiryView::from_row(r.clone()));
    let Some(this) = this else {
        return Ok(recorded);
    };
    // The previous genuine inquiry of this buyer: what we asked back about is what it lacked.
    let previous = rows
        .iter()
        .filter(|r| {
            r.id != id && !r.junk && (r.received_at, r.id) < (this.row.received_at, this.row.id)
        })
        .max_by_key(|r| (r.received_at, r.id))
        .map(|r| InquiryView::from_row(r.clone()));
    if let (Some(prev), false) = (&previous, this.row.junk) {
        let asked = strs(&prev.analysis["completeness"]["missing"]);
        let now_present = strs(&this.analysis["completeness"]["present"]);
        let answered: Vec<&String> = asked.iter().filter(|m| now_present.contains(m)).collect();
        let key = ["quantity", "payment_terms"];
        let still_avoids = key
            .iter()
            .all(|k| asked.iter().any(|a| a == k) && !now_present.iter().any(|p| p == k));
        if still_avoids && talks_price(&this.analysis, &this.row.body) {
            let detail =
                "answered about price only; still no quantity or payment terms after being asked";
            inquiries::insert_signal(tx, customer_id, "evasive", Some(id), t, detail).await?;
            recorded.push("evasive");
        } else if !answered.is_empty() {
            let list: Vec<&str> = answered.iter().map(|s| s.as_str()).collect();
            let detail = format!("answered: {}", list.join(", "));
            inquiries::insert_signal(
                tx,
                customer_id,
                "willing_to_supplement",
                Some(id),
                t,
                &detail,
            )
            .await?;
            recorded.push("willing_to_supplement");
        }
    }
    // Completeness follows the best genuine inquiry of the buyer.
    let rank = |g: &str| match g {
        "high" => 3,
        "medium" => 2,
        _ => 1,
    };
    if let Some(best) = rows
        .iter()
        .filter(|r| !r.junk)
        .map(|r| r.grade.as_str())
        .max_by_key(|g| rank(g))
    {
        inquiries::set_completeness_from_inquiry(tx, customer_id, best, t).await?;
    }
    Ok(recorded)
}

/// What the reader suggests for a new buyer record made from an inquiry.
#[derive(Debug, Clone, Default)]
pub struct Prefill {
    pub name: String,
    pub country: String,
    pub website: String,
    pub email_domain: String,
    pub contact_name: String,
    pub contact_email: String,
    pub completeness: String,
}

/// Splits `"Name <addr>"` into its parts.
pub fn split_from(from: &str) -> (String, String) {
    match (from.find('<'), from.rfind('>')) {
        (Some(a), Some(b)) if a < b => (
            from[..a].trim().trim_matches('"').to_string(),
            from[a + 1..b].trim().to_string(),
        ),
        _ => (String::new(), from.trim().to_string()),
    }
}

pub fn prefill(v: &InquiryView) -> Prefill {
    let f = &v.analysis["facts"];
    let (name, addr) = v
        .row
        .from_addr
        .as_deref()
        .map(split_from)
        .unwrap_or_default();
    let corporate = f["buyer"]["email_domain_kind"].as_str() == Some("corporate");
    let domain = addr
        .rsplit_once('@')
        .map(|(_, d)| d.to_lowercase())
        .filter(|_| corporate)
        .unwrap_or_default();
    let country = f["target_market"]
        .as_str()
        .and_then(|c| leadledger_domain::country::CountryCode::parse(c).ok())
        .map(|c| c.as_str().to_string())
        .unwrap_or_default();
    Prefill {
        name: f["buyer"]["company"].as_str().unwrap_or("").to_string(),
        country,
        website: f["buyer"]["website"].as_str().unwrap_or("").to_string(),
        email_domain: domain,
        contact_name: name,
        contact_email: addr,
        completeness: v.row.grade.clone(),
    }
}
