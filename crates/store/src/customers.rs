//! Customers: insert, update, fetch, the filtered list, duplicate candidates and merging.

use crate::query::{Filter, page};
use crate::{Arg, Result, StoreError, Tx, bind_args, on_tx};
use sqlx::AssertSqlSafe;

/// The stored columns of a customer, already validated and normalised by the caller.
#[derive(Debug, Clone, Default)]
pub struct CustomerRecord {
    pub name: String,
    pub match_key: String,
    pub sort_name: String,
    pub country: String,
    pub website: Option<String>,
    pub website_host: Option<String>,
    pub email_domain: Option<String>,
    pub source: String,
    pub source_detail: Option<String>,
    pub owner_id: Option<i64>,
    pub status: String,
    pub completeness: Option<String>,
    pub requirement_clear: Option<bool>,
    pub stage: Option<String>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct CustomerRow {
    pub id: i64,
    pub name: String,
    pub country: String,
    pub website: Option<String>,
    pub website_host: Option<String>,
    pub email_domain: Option<String>,
    pub source: String,
    pub source_detail: Option<String>,
    pub owner_id: Option<i64>,
    pub owner_username: Option<String>,
    pub status: String,
    pub completeness: Option<String>,
    pub requirement_clear: Option<bool>,
    pub stage: Option<String>,
    pub notes: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

const SELECT: &str = "SELECT c.id, c.name, c.country, c.website, c.website_host, c.email_domain, c.source, \
    c.source_detail, c.owner_id, u.username AS owner_username, c.status, c.completeness, c.requirement_clear, \
    c.stage, c.notes, c.created_at, c.updated_at";
const FROM: &str = "FROM customers c LEFT JOIN users u ON u.id = c.owner_id";

/// Binds a record's 15 columns as `$1`…`$15`, in the order insert and update both use.
macro_rules! bind_record {
    ($q:expr, $r:expr) => {
        $q.bind(&$r.name)
            .bind(&$r.match_key)
            .bind(&$r.sort_name)
            .bind(&$r.country)
            .bind(&$r.website)
            .bind(&$r.website_host)
            .bind(&$r.email_domain)
            .bind(&$r.source)
            .bind(&$r.source_detail)
            .bind($r.owner_id)
            .bind(&$r.status)
            .bind(&$r.completeness)
            .bind($r.requirement_clear)
            .bind(&$r.stage)
            .bind(&$r.notes)
    };
}

pub async fn insert(tx: &mut Tx, r: &CustomerRecord, now: i64) -> Result<i64> {
    Ok(on_tx!(tx, |c| {
        bind_record!(sqlx::query_scalar(
        "INSERT INTO customers (name, match_key, sort_name, country, website, website_host, email_domain, source, \
         source_detail, owner_id, status, completeness, requirement_clear, stage, notes, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16) RETURNING id"
    ), r)
    .bind(now)
    .fetch_one(c)
    .await
    })?)
}

pub async fn update(tx: &mut Tx, id: i64, r: &CustomerRecord, now: i64) -> Result<()> {
    let n = on_tx!(tx, |c| {
        bind_record!(sqlx::query(
        "UPDATE customers SET name = $1, match_key = $2, sort_name = $3, country = $4, website = $5, website_host = $6, \
         email_domain = $7, source = $8, source_detail = $9, owner_id = $10, status = $11, completeness = $12, \
         requirement_clear = $13, stage = $14, notes = $15, updated_at = $16 WHERE id = $17"
    ), r)
    .bind(now)
    .bind(id)
    .execute(c)
    .await.map(|r| r.rows_affected())
    })?;
    crate::db::one_row(n)
}

pub async fn set_owner(tx: &mut Tx, id: i64, owner_id: Option<i64>, now: i64) -> Result<()> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE customers SET owner_id = $1, updated_at = $2 WHERE id = $3"
    )
    .bind(owner_id)
    .bind(now)
    .bind(id)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Marks a customer as changed (a contact, tag or activity of it changed).
pub async fn touch(tx: &mut Tx, id: i64, now: i64) -> Result<()> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE customers SET updated_at = $1 WHERE id = $2"
    )
    .bind(now)
    .bind(id)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn get(tx: &mut Tx, id: i64) -> Result<CustomerRow> {
    let sql = format!("{SELECT} {FROM} WHERE c.id = $1");
    Ok(on_tx!(tx, |c| sqlx::query_as(AssertSqlSafe(sql))
        .bind(id)
        .fetch_one(c)
        .await)?)
}

/// The owner of a customer, or `NotFound`; used for access checks before anything else.
pub async fn owner_of(tx: &mut Tx, id: i64) -> Result<Option<i64>> {
    let row: Option<(Option<i64>,)> = on_tx!(tx, |c| sqlx::query_as(
        "SELECT owner_id FROM customers WHERE id = $1"
    )
    .bind(id)
    .fetch_optional(c)
    .await)?;
    row.map(|r| r.0).ok_or(StoreError::NotFound)
}

pub async fn delete(tx: &mut Tx, id: i64) -> Result<()> {
    let n = on_tx!(tx, |c| sqlx::query("DELETE FROM customers WHERE id = $1")
        .bind(id)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    crate::db::one_row(n)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OwnerFilter {
    #[default]
    Any,
    /// The public pool: no owner.
    Pool,
    User(i64),
}

/// A condition on a custom field.
#[derive(Debug, Clone)]
pub enum CustomFilter {
    /// The field has this exact stored value (an option id, `true`/`false`, a date, a number).
    Equals { field_id: i64, value: String },
    /// A text field contains this text (case-insensitive for ASCII).
    Contains { field_id: i64, text: String },
    /// A number field lies within the bounds (either may be absent).
    NumberRange {
        field_id: i64,
        min: Option<String>,
        max: Option<String>,
    },
    /// A date field lies within the bounds (ISO dates compare as text).
    DateRange {
        field_id: i64,
        from: Option<String>,
        to: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Name,
    Country,
    Status,
    Created,
    Updated,
}

#[derive(Debug, Clone, Default)]
pub struct CustomerFilter {
    /// Part of the name, website host or email domain.
    pub q: Option<String>,
    pub countries: Vec<String>,
    pub status: Option<String>,
    pub source: Option<String>,
    pub completeness: Option<String>,
    pub stage: Option<String>,
    pub owner: OwnerFilter,
    /// Every one of these tags.
    pub tag_ids: Vec<i64>,
    pub custom: Vec<CustomFilter>,
    /// Visibility for a sales user: their own customers plus the pool.
    pub visible_to: Option<i64>,
    pub sort: SortKey,
    pub desc: bool,
}

/// Escapes `%`, `_` and `\` for a `LIKE … ESCAPE '\'` pattern.
pub fn like_pattern(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('%');
    for ch in s.chars() {
        if matches!(ch, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(ch);
    }
    out.push('%');
    out
}

impl CustomerFilter {
    /// The `WHERE` conditions and their arguments, numbered from `$1`.
    fn filter(&self) -> Filter {
        let mut w = Filter::default();
        if let Some(uid) = self.visible_to {
            let p = w.param(Arg::I64(uid));
            w.raw(format!("(c.owner_id IS NULL OR c.owner_id = {p})"));
        }
        if let Some(q) = self.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
            let p = w.param(Arg::Text(like_pattern(&q.to_lowercase())));
            w.raw(format!(
                "(c.sort_name LIKE {p} ESCAPE '\\' OR c.website_host LIKE {p} ESCAPE '\\' OR c.email_domain LIKE {p} ESCAPE '\\')"
            ));
        }
        if !self.countries.is_empty() {
            let ps: Vec<String> = self
                .countries
                .iter()
                .map(|c| w.param(Arg::Text(c.clone())))
                .collect();
            w.raw(format!("c.country IN ({})", ps.join(", ")));
        }
        for (col, v) in [
            ("status", &self.status),
            ("source", &self.source),
            ("completeness", &self.completeness),
            ("stage", &self.stage),
        ] {
            if let Some(v) = v {
                let p = w.param(Arg::Text(v.clone()));
                w.raw(format!("c.{col} = {p}"));
            }
        }
        match self.owner {
            OwnerFilter::Any => {}
            OwnerFilter::Pool => w.raw("c.owner_id IS NULL"),
            OwnerFilter::User(id) => {
                let p = w.param(Arg::I64(id));
                w.raw(format!("c.owner_id = {p}"));
            }
        }
        for tag in &self.tag_ids {
            let p = w.param(Arg::I64(*tag));
            w.raw(format!(
                "EXISTS (SELECT 1 FROM customer_tags ct WHERE ct.customer_id = c.id AND ct.tag_id = {p})"
            ));
        }
        for f in &self.custom {
            let cond = match f {
                CustomFilter::Equals { field_id, value } => {
                    let pf = w.param(Arg::I64(*field_id));
                    let pv = w.param(Arg::Text(value.clone()));
                    format!("cv.field_id = {pf} AND cv.value = {pv}")
                }
                CustomFilter::Contains { field_id, text } => {
                    let pf = w.param(Arg::I64(*field_id));
                    let pv = w.param(Arg::Text(like_pattern(&text.to_lowercase())));
                    format!("cv.field_id = {pf} AND LOWER(cv.value) LIKE {pv} ESCAPE '\\'")
                }
                CustomFilter::NumberRange { field_id, min, max } => {
                    let mut s = format!("cv.field_id = {}", w.param(Arg::I64(*field_id)));
                    if let Some(m) = min {
                        let p = w.param(Arg::Text(m.clone()));
                        s += &format!(" AND CAST(cv.value AS NUMERIC) >= CAST({p} AS NUMERIC)");
                    }
                    if let Some(m) = max {
                        let p = w.param(Arg::Text(m.clone()));
                        s += &format!(" AND CAST(cv.value AS NUMERIC) <= CAST({p} AS NUMERIC)");
                    }
                    s
                }
                CustomFilter::DateRange { field_id, from, to } => {
                    let mut s = format!("cv.field_id = {}", w.param(Arg::I64(*field_id)));
                    if let Some(d) = from {
                        s += &format!(" AND cv.value >= {}", w.param(Arg::Text(d.clone())));
                    }
                    if let Some(d) = to {
                        s += &format!(" AND cv.value <= {}", w.param(Arg::Text(d.clone())));
                    }
                    s
                }
            };
            w.raw(format!(
                "EXISTS (SELECT 1 FROM custom_values cv WHERE cv.customer_id = c.id AND {cond})"
            ));
        }
        w
    }

    fn order_by(&self) -> String {
        let dir = if self.desc { "DESC" } else { "ASC" };
        match self.sort {
            SortKey::Name => format!("c.sort_name {dir}, c.id {dir}"),
            SortKey::Country => format!("c.country {dir}, c.sort_name {dir}, c.id {dir}"),
            SortKey::Status => format!("c.status {dir}, c.sort_name {dir}, c.id {dir}"),
            SortKey::Created => format!("c.created_at {dir}, c.id {dir}"),
            SortKey::Updated => format!("c.updated_at {dir}, c.id {dir}"),
        }
    }
}

/// One page of customers matching `f`, and how many match in all.
pub async fn list(
    tx: &mut Tx,
    f: &CustomerFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<CustomerRow>, i64)> {
    let w = f.filter();
    let from = format!("{FROM}{}", w.sql());
    page(tx, SELECT, &from, &f.order_by(), w, limit, offset).await
}

/// `$1, $2, …` for `n` parameters starting after `start`.
pub(crate) fn placeholders(start: usize, n: usize) -> String {
    (start + 1..=start + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a new or edited customer is compared on.
#[derive(Debug, Clone, Default)]
pub struct DuplicateKeys {
    pub match_key: String,
    /// Website host, company email domain and contact email domains (free mail excluded).
    pub domains: Vec<String>,
    pub emails: Vec<String>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DuplicateRow {
    pub id: i64,
    pub name: String,
    pub country: String,
    pub owner_id: Option<i64>,
    pub owner_username: Option<String>,
    pub reason: String,
}

/// Customers that look like the same company, with why (`name`, `domain`, `email`).
pub async fn find_duplicates(
    tx: &mut Tx,
    keys: &DuplicateKeys,
    exclude: Option<i64>,
) -> Result<Vec<DuplicateRow>> {
    let mut args = vec![Arg::I64(exclude.unwrap_or(0))];
    let mut parts = Vec::new();
    let base = "SELECT c.id, c.name, c.country, c.owner_id, u.username AS owner_username, '{R}' AS reason \
                FROM customers c LEFT JOIN users u ON u.id = c.owner_id WHERE c.id <> $1 AND ";
    if !keys.match_key.is_empty() {
        args.push(Arg::Text(keys.match_key.clone()));
        parts.push(format!(
            "{}c.match_key = ${}",
            base.replace("{R}", "name"),
            args.len()
        ));
    }
    if !keys.domains.is_empty() {
        let ph = placeholders(args.len(), keys.domains.len());
        args.extend(keys.domains.iter().cloned().map(Arg::Text));
        parts.push(format!(
            "{}(c.website_host IN ({ph}) OR c.email_domain IN ({ph}))",
            base.replace("{R}", "domain")
        ));
    }
    if !keys.emails.is_empty() {
        let ph = placeholders(args.len(), keys.emails.len());
        args.extend(keys.emails.iter().cloned().map(Arg::Text));
        parts.push(format!(
            "{}c.id IN (SELECT ct.customer_id FROM contact_channels ch JOIN contacts ct ON ct.id = ch.contact_id \
             WHERE ch.kind = 'email' AND ch.value IN ({ph}))",
            base.replace("{R}", "email")
        ));
    }
    if parts.is_empty() {
        return Ok(vec![]);
    }
    let sql = format!("{} ORDER BY 1 LIMIT 50", parts.join(" UNION "));
    let rows: Vec<DuplicateRow> = on_tx!(tx, |c| bind_args!(
        sqlx::query_as(AssertSqlSafe(sql.clone())),
        &args
    )
    .fetch_all(c)
    .await)?;
    Ok(rows)
}

/// Moves everything of `from` into `into` and deletes `from`. Empty columns of `into` are
/// filled from `from`; tags and custom values are united (values of `into` win per field).
pub async fn merge(tx: &mut Tx, into: i64, from: i64, now: i64) -> Result<()> {
    for sql in [
        "UPDATE customers SET website = COALESCE(website, (SELECT website FROM customers WHERE id = $2)), \
         website_host = COALESCE(website_host, (SELECT website_host FROM customers WHERE id = $2)), \
         email_domain = COALESCE(email_domain, (SELECT email_domain FROM customers WHERE id = $2)), \
         completeness = COALESCE(completeness, (SELECT completeness FROM customers WHERE id = $2)), \
         requirement_clear = COALESCE(requirement_clear, (SELECT requirement_clear FROM customers WHERE id = $2)), \
         stage = COALESCE(stage, (SELECT stage FROM customers WHERE id = $2)), \
         notes = COALESCE(notes, (SELECT notes FROM customers WHERE id = $2)) WHERE id = $1",
        "UPDATE contacts SET customer_id = $1 WHERE customer_id = $2",
        "UPDATE activities SET customer_id = $1 WHERE customer_id = $2",
        "UPDATE inquiries SET customer_id = $1 WHERE customer_id = $2",
        "UPDATE quotes SET customer_id = $1 WHERE customer_id = $2",
        "UPDATE sales_orders SET customer_id = $1 WHERE customer_id = $2",
        "UPDATE invoices SET customer_id = $1 WHERE customer_id = $2",
        "UPDATE payments SET customer_id = $1 WHERE customer_id = $2",
        "UPDATE customer_signals SET customer_id = $1 WHERE customer_id = $2",
        "INSERT INTO customer_tags (customer_id, tag_id) SELECT $1, tag_id FROM customer_tags WHERE customer_id = $2 \
         ON CONFLICT DO NOTHING",
        "INSERT INTO custom_values (customer_id, field_id, value) SELECT $1, field_id, value FROM custom_values \
         WHERE customer_id = $2 AND field_id NOT IN (SELECT field_id FROM custom_values WHERE customer_id = $1)",
        "DELETE FROM customers WHERE id = $2",
    ] {
        on_tx!(tx, |c| sqlx::query(sql)
            .bind(into)
            .bind(from)
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
    }
    touch(tx, into, now).await
}

pub async fn count(tx: &mut Tx) -> Result<i64> {
    Ok(on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM customers"
    )
    .fetch_one(c)
    .await)?)
}
