//! Demo data: a believable export sales team's CRM to explore, show and benchmark.
//!
//! [`seed`] creates the users `boss` (admin), `mgr` (manager), `lily` and `tom` (sales) and `fin`
//! (finance), all with the password `demo`; the tags and custom fields a lighting exporter would
//! define; 48 hand-written buyers from 38 countries and every source channel, each with contacts,
//! a profile and 18 months of activities that follow its story (see `demo/stories.rs`); and, when
//! more customers are asked for, generated buyers with 0–4 activities each.
//!
//! The data is a pure function of the seed (the module has its own small PRNG); only the
//! timestamps are relative to the moment of seeding. Everything except the users is written in
//! one transaction with one audit entry, so `--customers 100000` takes seconds, not minutes.
//! Seeding a database that already has users is refused with [`AppError::Conflict`] and changes
//! nothing: demo data never mixes with real data.

mod buyers;
mod catalog;
mod rng;
mod stories;
mod synthetic;

use crate::{App, AppError, Result, audit};
use buyers::{Buyer, Owner};
use catalog::Catalog;
use leadledger_domain::activity::ActivityKind;
use leadledger_domain::customer::{
    Completeness, CustomerInput, CustomerStatus, ProjectStage, SourceChannel, match_key,
};
use leadledger_store::activities::ActivityRecord;
use leadledger_store::contacts::ContactRecord;
use leadledger_store::customers::CustomerRecord;
use leadledger_store::{Tx, customers, fields, tags};
use rng::Rng;
use serde::Serialize;
use stories::{DAY, Event};

/// The password of every demo user.
pub const DEMO_PASSWORD: &str = "demo";

/// `(username, display name, role)` of the demo team.
pub const DEMO_USERS: &[(&str, &str, &str)] = &[
    ("boss", "张总 Boss Zhang", "admin"),
    ("mgr", "陈经理 Manager Chen", "manager"),
    ("lily", "Lily Wang", "sales"),
    ("tom", "Tom Liu", "sales"),
    ("fin", "Fiona Xu (Finance)", "finance"),
];

/// How much to seed. Fewer customers than the 48 hand-written ones takes the first of those.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoOptions {
    pub customers: usize,
    pub seed: u64,
}

impl Default for DemoOptions {
    fn default() -> Self {
        Self {
            customers: 48,
            seed: 42,
        }
    }
}

/// What was seeded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DemoSummary {
    pub customers: usize,
    pub contacts: usize,
    pub activities: usize,
    /// `(username, role)`; every password is [`DEMO_PASSWORD`].
    pub users: Vec<(String, String)>,
}

/// True when the database has any user, i.e. it is in use (seeded or real).
pub async fn is_seeded(app: &App) -> Result<bool> {
    let mut tx = app.db.read().await?;
    Ok(leadledger_store::users::count(&mut tx).await? > 0)
}

/// Seeds demo data into an empty database; see the module documentation.
pub async fn seed(app: &App, opts: &DemoOptions) -> Result<DemoSummary> {
    seed_at(app, opts, crate::now()).await
}

/// Ids of the demo users.
struct Team {
    mgr: i64,
    lily: i64,
    tom: i64,
}

/// Writes rows and counts them.
struct Sink<'t> {
    tx: &'t mut Tx,
    customers: usize,
    contacts: usize,
    activities: usize,
}

/// Ids the generated buyers need, looked up once.
struct Ids {
    buyer_type: i64,
    buyer_types: Vec<String>,
    main_product: i64,
    annual_volume: i64,
    tags: [i64; 4],
}

async fn seed_at(app: &App, opts: &DemoOptions, now: i64) -> Result<DemoSummary> {
    if is_seeded(app).await? {
        return Err(AppError::Conflict(
            "the database already has users; demo data only goes into an empty database".into(),
        ));
    }
    let buyers = buyers::all().map_err(AppError::Internal)?;
    let mut user_ids = Vec::new();
    for (username, display, role) in DEMO_USERS {
        user_ids.push(crate::users::add(app, None, username, display, role, DEMO_PASSWORD).await?);
    }
    let team = Team {
        mgr: user_ids[1],
        lily: user_ids[2],
        tom: user_ids[3],
    };
    let mut tx = app.db.write().await?;
    let catalog = Catalog::create(&mut tx, now - 550 * DAY).await?;
    let mut sink = Sink {
        tx: &mut tx,
        customers: 0,
        contacts: 0,
        activities: 0,
    };
    let base = Rng::new(opts.seed);
    for (i, b) in buyers.iter().take(opts.customers).enumerate() {
        hand_written(&mut sink, &catalog, &team, b, base.derive(i as u64), now).await?;
    }
    if opts.customers > buyers.len() {
        let ids = Ids {
            buyer_type: catalog.field("buyer_type")?,
            buyer_types: catalog::FIELDS[0]
                .options
                .iter()
                .map(|(code, _)| catalog.option("buyer_type", code))
                .collect::<Result<_>>()?,
            main_product: catalog.field("main_product")?,
            annual_volume: catalog.field("annual_volume")?,
            tags: [
                catalog.tag("回款准时")?,
                catalog.tag("长期压价")?,
                catalog.tag("样品已寄")?,
                catalog.tag("售后争议多")?,
            ],
        };
        for i in buyers.len()..opts.customers {
            generated(&mut sink, &ids, &team, i as u64, &base, opts.seed, now).await?;
        }
    }
    let summary = DemoSummary {
        customers: sink.customers,
        contacts: sink.contacts,
        activities: sink.activities,
        users: DEMO_USERS
            .iter()
            .map(|(u, _, r)| (u.to_string(), r.to_string()))
            .collect(),
    };
    let changes = serde_json::json!({
        "seed": opts.seed, "customers": summary.customers, "contacts": summary.contacts,
        "activities": summary.activities, "users": DEMO_USERS.len(),
    });
    audit::record(&mut tx, None, "demo", None, "seed", changes).await?;
    tx.commit().await?;
    Ok(summary)
}

fn record_of(i: &CustomerInput, owner_id: Option<i64>) -> CustomerRecord {
    CustomerRecord {
        name: i.name.as_str().to_string(),
        match_key: i.name.match_key(),
        sort_name: i.name.sort_key(),
        country: i.country.as_str().to_string(),
        website: i.website.as_ref().map(|w| w.url().to_string()),
        website_host: i.website.as_ref().map(|w| w.host().to_string()),
        email_domain: i.email_domain.as_ref().map(|d| d.as_str().to_string()),
        source: i.source.as_str().to_string(),
        source_detail: i.source_detail.clone(),
        owner_id,
        status: i.status.as_str().to_string(),
        completeness: i.completeness.map(|c| c.as_str().to_string()),
        requirement_clear: i.requirement_clear,
        stage: i.stage.map(|s| s.as_str().to_string()),
        notes: i.notes.clone(),
    }
}

/// A time on day `days_ago`, during Chinese office hours (01:00–10:00 UTC), never in the future.
fn time_of(now: i64, days_ago: i64, rng: &mut Rng) -> i64 {
    let day = now - days_ago * DAY;
    (day - day.rem_euclid(DAY) + rng.range(3600, 10 * 3600)).min(now - 60)
}

fn iso_date(t: i64) -> String {
    chrono::DateTime::from_timestamp(t, 0)
        .map(|d| d.date_naive().to_string())
        .unwrap_or_default()
}

impl Sink<'_> {
    /// Inserts a customer created at its first activity, with the activities, and marks it
    /// updated at the last one. Returns the id and the activity times.
    async fn customer(
        &mut self,
        rec: &CustomerRecord,
        events: &[Event],
        user: Option<i64>,
        rng: &mut Rng,
        now: i64,
    ) -> Result<(i64, Vec<i64>)> {
        let times: Vec<i64> = events
            .iter()
            .map(|e| time_of(now, e.days_ago, rng))
            .collect();
        let created = times
            .first()
            .copied()
            .unwrap_or_else(|| time_of(now, rng.range(0, 540), rng));
        let id = customers::insert(self.tx, rec, created).await?;
        for (e, at) in events.iter().zip(&times) {
            let r = ActivityRecord {
                kind: e.kind.as_str().into(),
                at: *at,
                user_id: user,
                minutes: e.minutes,
                body: Some(e.body.clone()),
            };
            leadledger_store::activities::insert(self.tx, id, &r, *at).await?;
        }
        if let Some(last) = times.last().filter(|t| **t != created) {
            customers::touch(self.tx, id, *last).await?;
        }
        self.customers += 1;
        self.activities += events.len();
        Ok((id, times))
    }

    async fn contact(&mut self, customer_id: i64, rec: &ContactRecord, at: i64) -> Result<()> {
        leadledger_store::contacts::insert(self.tx, customer_id, rec, at).await?;
        self.contacts += 1;
        Ok(())
    }

    async fn values(&mut self, customer_id: i64, field_id: i64, values: &[String]) -> Result<()> {
        fields::set_values(self.tx, customer_id, field_id, values).await?;
        Ok(())
    }
}

async fn hand_written(
    sink: &mut Sink<'_>,
    catalog: &Catalog,
    team: &Team,
    b: &Buyer,
    mut rng: Rng,
    now: i64,
) -> Result<()> {
    let owner = match b.owner {
        Owner::Lily => Some(team.lily),
        Owner::Tom => Some(team.tom),
        Owner::Mgr => Some(team.mgr),
        Owner::Pool => None,
    };
    // Pool customers were worked on by whoever had them before they were released.
    let worker = owner.or(Some(if rng.chance(0.5) { team.lily } else { team.tom }));
    let first_name = b
        .contacts
        .first()
        .map(|c| c.name.split(' ').next().unwrap_or("").to_string())
        .unwrap_or_default();
    let events = stories::timeline(b.story, &mut rng, b.product, &first_name);
    let (id, times) = sink
        .customer(&record_of(&b.input, owner), &events, worker, &mut rng, now)
        .await?;
    let created = times.first().copied().unwrap_or(now);
    for c in &b.contacts {
        let rec = ContactRecord {
            name: c.name.clone(),
            title: c.title.clone(),
            notes: c.notes.clone(),
            channels: c.channels(),
        };
        sink.contact(id, &rec, created).await?;
    }
    let tag_ids = b
        .tags
        .iter()
        .map(|t| catalog.tag(t))
        .collect::<Result<Vec<_>>>()?;
    if !tag_ids.is_empty() {
        tags::set_for_customer(sink.tx, id, &tag_ids).await?;
    }
    if let Some(t) = b.buyer_type {
        sink.values(
            id,
            catalog.field("buyer_type")?,
            &[catalog.option("buyer_type", t)?],
        )
        .await?;
    }
    sink.values(id, catalog.field("main_product")?, &[b.product.to_string()])
        .await?;
    if let Some(v) = b.volume {
        let n = leadledger_domain::custom_field::parse_number(v)
            .map_err(|e| AppError::Internal(e.to_string()))?;
        sink.values(id, catalog.field("annual_volume")?, &[n])
            .await?;
    }
    if !b.certs.is_empty() {
        let ids = b
            .certs
            .iter()
            .map(|c| catalog.option("certifications_required", c))
            .collect::<Result<Vec<_>>>()?;
        sink.values(id, catalog.field("certifications_required")?, &ids)
            .await?;
    }
    if let Some(l) = b.license {
        sink.values(id, catalog.field("has_import_license")?, &[l.to_string()])
            .await?;
    }
    if b.input.status == CustomerStatus::Customer {
        let first_order = events
            .iter()
            .zip(&times)
            .find(|(e, _)| e.kind == ActivityKind::ConsigneeDetailsReceived)
            .map(|(_, t)| *t);
        if let Some(t) = first_order.or(times.first().copied()) {
            sink.values(id, catalog.field("first_order_date")?, &[iso_date(t)])
                .await?;
        }
    }
    Ok(())
}

async fn generated(
    sink: &mut Sink<'_>,
    ids: &Ids,
    team: &Team,
    i: u64,
    base: &Rng,
    seed: u64,
    now: i64,
) -> Result<()> {
    let mut rng = base.derive(i);
    let c = synthetic::company(i - 48, seed);
    let status = *rng.weighted(&[
        (45, CustomerStatus::Lead),
        (25, CustomerStatus::Prospect),
        (20, CustomerStatus::Customer),
        (10, CustomerStatus::Lost),
    ]);
    let source = *rng.weighted(synthetic::SOURCES);
    let source_detail = match source {
        SourceChannel::TradeShow => Some(rng.pick(synthetic::TRADE_SHOWS).to_string()),
        SourceChannel::Referral => Some("Referred by an existing customer".to_string()),
        SourceChannel::Other => Some("Yiwu market visit".to_string()),
        _ => None,
    };
    let owner = *rng.weighted(&[
        (35, Some(team.lily)),
        (35, Some(team.tom)),
        (5, Some(team.mgr)),
        (25, None),
    ]);
    let stage = match status {
        CustomerStatus::Lead => Some(ProjectStage::Inquiry),
        CustomerStatus::Prospect => Some(*rng.pick(&[
            ProjectStage::Inquiry,
            ProjectStage::Sample,
            ProjectStage::Proofing,
        ])),
        CustomerStatus::Customer => Some(ProjectStage::MassProduction),
        CustomerStatus::Lost => None,
    };
    let completeness = *rng.weighted(&[
        (3, Some(Completeness::High)),
        (4, Some(Completeness::Medium)),
        (3, Some(Completeness::Low)),
        (2, None),
    ]);
    let rec = CustomerRecord {
        match_key: match_key(&c.name),
        sort_name: c.name.to_lowercase(),
        name: c.name,
        country: c.market.code.to_string(),
        website: Some(format!("https://www.{}", c.domain)),
        website_host: Some(c.domain.clone()),
        email_domain: Some(c.domain.clone()),
        source: source.as_str().to_string(),
        source_detail,
        owner_id: owner,
        status: status.as_str().to_string(),
        completeness: completeness.map(|c| c.as_str().to_string()),
        requirement_clear: completeness.map(|c| c != Completeness::Low),
        stage: stage.map(|s| s.as_str().to_string()),
        notes: None,
    };
    let (contact, phone) = synthetic::person(&mut rng, c.market);
    let first = contact.split(' ').next().unwrap_or("").to_string();
    let created_days_ago = rng.range(0, 540);
    let events = stories::random_events(&mut rng, created_days_ago, c.product, &first);
    let worker = owner.or(Some(team.tom));
    let (id, times) = sink.customer(&rec, &events, worker, &mut rng, now).await?;
    let created = times.first().copied().unwrap_or(now);
    let n_contacts = if rng.chance(0.3) { 2 } else { 1 };
    for k in 0..n_contacts {
        let (name, phone) = if k == 0 {
            (contact.clone(), phone.clone())
        } else {
            synthetic::person(&mut rng, c.market)
        };
        let local = if k == 0 {
            synthetic::ascii_slug(name.split(' ').next().unwrap_or("sales"))
        } else {
            "purchasing".into()
        };
        let mut channels = vec![
            ("email".to_string(), format!("{local}@{}", c.domain)),
            ("phone".to_string(), phone.clone()),
        ];
        if rng.chance(0.4) {
            channels.push(("whatsapp".to_string(), phone));
        }
        let title = rng
            .pick(&[
                "Purchasing Manager",
                "Owner",
                "Buyer",
                "Import Manager",
                "Director",
            ])
            .to_string();
        sink.contact(
            id,
            &ContactRecord {
                name,
                title: Some(title),
                notes: None,
                channels,
            },
            created,
        )
        .await?;
    }
    if rng.chance(0.08) {
        let tag = match status {
            CustomerStatus::Customer => *rng.pick(&[ids.tags[0], ids.tags[0], ids.tags[3]]),
            _ => *rng.pick(&[ids.tags[1], ids.tags[2]]),
        };
        tags::set_for_customer(sink.tx, id, &[tag]).await?;
    }
    if rng.chance(0.5) {
        sink.values(id, ids.buyer_type, &[rng.pick(&ids.buyer_types).clone()])
            .await?;
    }
    if rng.chance(0.4) {
        sink.values(id, ids.main_product, &[c.product.to_string()])
            .await?;
    }
    if status != CustomerStatus::Lead && rng.chance(0.5) {
        sink.values(
            id,
            ids.annual_volume,
            &[(rng.range(2, 120) * 5000).to_string()],
        )
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
