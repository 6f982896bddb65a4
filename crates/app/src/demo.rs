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
mod inquiries;
mod markets;
mod products;
mod quotes;
mod rng;
mod stories;
mod synthetic;
mod topics;

use crate::{App, AppError, Result, audit};
use buyers::{Buyer, Owner};
use catalog::Catalog;
use leadledger_domain::activity::ActivityKind;
use leadledger_domain::customer::{
    Completeness, CustomerInput, CustomerStatus, ProjectStage, SourceChannel, match_key,
};
use leadledger_store::Tx;
use leadledger_store::activities::ActivityRecord;
use leadledger_store::bulk::{self, NewContact, NewCustomer};
use leadledger_store::contacts::ContactRecord;
use leadledger_store::customers::CustomerRecord;
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
    /// Inquiries in the demo inbox (linked to buyers or not).
    pub inquiries: usize,
    /// Products in the demo catalogue.
    pub products: usize,
    /// Quotes (first revisions) in the demo.
    pub quotes: usize,
    /// Issued commercial invoices (each from an accepted quote's sales order).
    pub invoices: usize,
    /// `(username, role)`; every password is [`DEMO_PASSWORD`].
    pub users: Vec<(String, String)>,
}

/// True when the database has any user, i.e. it is in use (seeded or real).
pub async fn is_seeded(app: &App) -> Result<bool> {
    let mut tx = app.db.read().await?;
    Ok(leadledger_store::users::count(&mut tx).await? > 0)
}

/// Seeds demo data into an empty database; see the module documentation.
///
/// The users are created first, through [`crate::users::add`]; should writing the rest fail,
/// they stay, and the next attempt is refused like any seed of a used database: start again
/// from a fresh one.
pub async fn seed(app: &App, opts: &DemoOptions) -> Result<DemoSummary> {
    seed_at(app, opts, crate::now()).await
}

/// Ids of the demo users.
struct Team {
    mgr: i64,
    lily: i64,
    tom: i64,
}

/// A buyer put together in memory and written with others in one batch.
struct Planned {
    customer: NewCustomer,
    contacts: Vec<ContactRecord>,
    activities: Vec<ActivityRecord>,
    tags: Vec<i64>,
    /// `(field_id, stored value)`.
    values: Vec<(i64, String)>,
}

/// Buyers written per batch; each batch is a handful of multi-row statements.
const BATCH: usize = 1000;

/// Writes planned buyers in batches and counts what it wrote.
struct Sink<'t> {
    tx: &'t mut Tx,
    pending: Vec<Planned>,
    customers: usize,
    contacts: usize,
    activities: usize,
}

impl Sink<'_> {
    async fn push(&mut self, p: Planned) -> Result<()> {
        self.pending.push(p);
        if self.pending.len() >= BATCH {
            self.flush().await
        } else {
            Ok(())
        }
    }

    async fn flush(&mut self) -> Result<()> {
        let mut new_customers = Vec::with_capacity(self.pending.len());
        let mut rest = Vec::with_capacity(self.pending.len());
        for p in self.pending.drain(..) {
            rest.push((
                p.customer.created_at,
                p.contacts,
                p.activities,
                p.tags,
                p.values,
            ));
            new_customers.push(p.customer);
        }
        let ids = bulk::customers(self.tx, &new_customers).await?;
        let (mut contacts, mut activities, mut tags, mut values) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (id, (created_at, cs, acts, ts, vs)) in ids.iter().zip(rest) {
            contacts.extend(cs.into_iter().map(|record| NewContact {
                customer_id: *id,
                record,
                created_at,
            }));
            activities.extend(acts.into_iter().map(|a| (*id, a)));
            tags.extend(ts.into_iter().map(|t| (*id, t)));
            values.extend(vs.into_iter().map(|(f, v)| (*id, f, v)));
        }
        bulk::contacts(self.tx, &contacts).await?;
        bulk::activities(self.tx, &activities).await?;
        bulk::customer_tags(self.tx, &tags).await?;
        bulk::custom_values(self.tx, &values).await?;
        self.customers += ids.len();
        self.contacts += contacts.len();
        self.activities += activities.len();
        Ok(())
    }
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
        pending: Vec::new(),
        customers: 0,
        contacts: 0,
        activities: 0,
    };
    let base = Rng::new(opts.seed);
    for (i, b) in buyers.iter().take(opts.customers).enumerate() {
        sink.push(hand_written(
            &catalog,
            &team,
            b,
            base.derive(i as u64),
            now,
        )?)
        .await?;
    }
    if opts.customers > buyers.len() {
        let ids = Ids::look_up(&catalog)?;
        for i in buyers.len()..opts.customers {
            let nth = (i - buyers.len()) as u64;
            sink.push(generated(&ids, &team, i as u64, nth, &base, opts.seed, now))
                .await?;
        }
    }
    sink.flush().await?;
    let inquiry_count = inquiries::seed(sink.tx, now, Some(team.lily)).await?;
    let product_count = products::seed(sink.tx, now).await?;
    let summary = DemoSummary {
        inquiries: inquiry_count,
        products: product_count,
        quotes: 0,
        invoices: 0,
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
        "activities": summary.activities, "inquiries": summary.inquiries, "users": DEMO_USERS.len(),
    });
    audit::record(&mut tx, None, "demo", None, "seed", changes).await?;
    tx.commit().await?;
    // Quotes go through their own use cases (numbering, totals, events, revisions), each in its
    // own transaction, so they come after the bulk write.
    let mgr = {
        let mut tx = app.db.read().await?;
        let u = leadledger_store::users::by_username(&mut tx, "mgr")
            .await?
            .ok_or(AppError::NotFound)?;
        crate::auth::actor_of(&u)?
    };
    let mut summary = summary;
    let seeded = quotes::seed(app, &mgr, now).await?;
    summary.quotes = seeded.quotes;
    summary.invoices = seeded.invoices;
    Ok(summary)
}

impl Ids {
    fn look_up(catalog: &Catalog) -> Result<Self> {
        let buyer_types = catalog::FIELDS
            .iter()
            .filter(|f| f.key == "buyer_type")
            .flat_map(|f| f.options.iter())
            .map(|(code, _)| catalog.option("buyer_type", code));
        Ok(Ids {
            buyer_type: catalog.field("buyer_type")?,
            buyer_types: buyer_types.collect::<Result<_>>()?,
            main_product: catalog.field("main_product")?,
            annual_volume: catalog.field("annual_volume")?,
            tags: [
                catalog.tag("回款准时")?,
                catalog.tag("长期压价")?,
                catalog.tag("样品已寄")?,
                catalog.tag("售后争议多")?,
            ],
        })
    }
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

/// Activities at concrete times; with the first and last time (`now` when there are none).
fn timed(
    events: &[Event],
    user: Option<i64>,
    rng: &mut Rng,
    now: i64,
) -> (Vec<ActivityRecord>, i64, i64) {
    let mut prev = i64::MIN;
    let mut acts = Vec::with_capacity(events.len());
    for e in events {
        // Later steps of the same day come after the earlier ones.
        let at = time_of(now, e.days_ago, rng)
            .max(prev.saturating_add(rng.range(600, 5400)))
            .min(now - 60)
            .max(prev);
        prev = at;
        acts.push(ActivityRecord {
            kind: e.kind.as_str().into(),
            at,
            user_id: user,
            minutes: e.minutes,
            body: Some(e.body.clone()),
        });
    }
    let first = acts.first().map(|a| a.at).unwrap_or(now);
    let last = acts.last().map(|a| a.at).unwrap_or(first);
    (acts, first, last)
}

fn hand_written(
    catalog: &Catalog,
    team: &Team,
    b: &Buyer,
    mut rng: Rng,
    now: i64,
) -> Result<Planned> {
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
        .and_then(|c| c.name.split(' ').next())
        .unwrap_or("");
    let events = stories::timeline(b.story, &mut rng, b.product, first_name);
    let (activities, created_at, updated_at) = timed(&events, worker, &mut rng, now);
    let contacts = b
        .contacts
        .iter()
        .map(|c| ContactRecord {
            name: c.name.clone(),
            title: c.title.clone(),
            notes: c.notes.clone(),
            channels: c.channels(),
        })
        .collect();
    let tags = b
        .tags
        .iter()
        .map(|t| catalog.tag(t))
        .collect::<Result<Vec<_>>>()?;
    let mut values = vec![(catalog.field("main_product")?, b.product.to_string())];
    if let Some(t) = b.buyer_type {
        values.push((
            catalog.field("buyer_type")?,
            catalog.option("buyer_type", t)?,
        ));
    }
    if let Some(v) = b.volume {
        let n = leadledger_domain::custom_field::parse_number(v)
            .map_err(|e| AppError::Internal(e.to_string()))?;
        values.push((catalog.field("annual_volume")?, n));
    }
    for c in &b.certs {
        values.push((
            catalog.field("certifications_required")?,
            catalog.option("certifications_required", c)?,
        ));
    }
    if let Some(l) = b.license {
        values.push((catalog.field("has_import_license")?, l.to_string()));
    }
    if b.input.status == CustomerStatus::Customer {
        // The first order is when the buyer first sent consignee details.
        let first_order = activities
            .iter()
            .find(|a| a.kind == ActivityKind::ConsigneeDetailsReceived.as_str());
        values.push((
            catalog.field("first_order_date")?,
            iso_date(first_order.map(|a| a.at).unwrap_or(created_at)),
        ));
    }
    let customer = NewCustomer {
        record: record_of(&b.input, owner),
        created_at,
        updated_at,
    };
    Ok(Planned {
        customer,
        contacts,
        activities,
        tags,
        values,
    })
}

fn generated(ids: &Ids, team: &Team, i: u64, nth: u64, base: &Rng, seed: u64, now: i64) -> Planned {
    use CustomerStatus as S;
    let mut rng = base.derive(i);
    let c = synthetic::company(nth, seed);
    let status = *rng.weighted(&[
        (45, S::Lead),
        (25, S::Prospect),
        (20, S::Customer),
        (10, S::Lost),
    ]);
    let source = *rng.weighted(markets::SOURCES);
    let source_detail = match source {
        SourceChannel::TradeShow => Some(rng.pick(markets::TRADE_SHOWS).to_string()),
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
        S::Lead => Some(ProjectStage::Inquiry),
        S::Prospect => Some(*rng.pick(&[
            ProjectStage::Inquiry,
            ProjectStage::Sample,
            ProjectStage::Proofing,
        ])),
        S::Customer => Some(ProjectStage::MassProduction),
        S::Lost => None,
    };
    let completeness = *rng.weighted(&[
        (3, Some(Completeness::High)),
        (4, Some(Completeness::Medium)),
        (3, Some(Completeness::Low)),
        (2, None),
    ]);
    let record = CustomerRecord {
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
    let mut contacts = Vec::new();
    for k in 0..if rng.chance(0.3) { 2 } else { 1 } {
        let (name, phone) = synthetic::person(&mut rng, c.market);
        let local = if k == 0 {
            synthetic::ascii_slug(name.split(' ').next().unwrap_or(""))
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
        contacts.push(ContactRecord {
            name,
            title: Some(title),
            notes: None,
            channels,
        });
    }
    let first_name = contacts[0].name.split(' ').next().unwrap_or("").to_string();
    let created_days_ago = rng.range(0, 540);
    let events = stories::random_events(&mut rng, created_days_ago, c.product, &first_name);
    let (activities, created_at, updated_at) =
        timed(&events, owner.or(Some(team.tom)), &mut rng, now);
    let (created_at, updated_at) = if events.is_empty() {
        let t = time_of(now, created_days_ago, &mut rng);
        (t, t)
    } else {
        (created_at, updated_at)
    };
    let mut tags = Vec::new();
    if rng.chance(0.08) {
        let [pays_on_time, haggles, sample_sent, disputes] = ids.tags;
        let pool = if status == S::Customer {
            [pays_on_time, pays_on_time, disputes]
        } else {
            [haggles, sample_sent, haggles]
        };
        tags.push(*rng.pick(&pool));
    }
    let mut values = Vec::new();
    if rng.chance(0.5) {
        values.push((ids.buyer_type, rng.pick(&ids.buyer_types).clone()));
    }
    if rng.chance(0.4) {
        values.push((ids.main_product, c.product.to_string()));
    }
    if status != S::Lead && rng.chance(0.5) {
        values.push((ids.annual_volume, (rng.range(2, 120) * 5000).to_string()));
    }
    let customer = NewCustomer {
        record,
        created_at,
        updated_at,
    };
    Planned {
        customer,
        contacts,
        activities,
        tags,
        values,
    }
}

#[cfg(test)]
mod tests;
