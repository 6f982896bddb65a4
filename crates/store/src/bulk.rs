//! Bulk inserts: many rows per statement, for seeding demo data and for imports, where one
//! statement per row would spend most of the time on round trips.
//!
//! Rows go in chunks of at most 500 rows and 999 parameters: that is under the limits of every
//! SQLite build and of PostgreSQL, and it is also the fastest size, because SQLite finds a
//! numbered parameter's name by a linear scan, so binding a statement takes time quadratic in
//! its parameter count (8,500 parameters per statement made seeding five times slower). Functions that return ids rely on both backends assigning ids in row order
//! within one `INSERT … VALUES` (SQLite rowids, PostgreSQL identity `nextval` per row); the ids
//! are sorted, so they line up with the input even if `RETURNING` answered in another order.

use crate::activities::ActivityRecord;
use crate::contacts::ContactRecord;
use crate::customers::CustomerRecord;
use crate::{Result, StoreError, Tx, on_tx};
use sqlx::AssertSqlSafe;

/// At most this many parameters per statement (see the module documentation).
const MAX_PARAMS: usize = 999;
const MAX_ROWS: usize = 500;

/// `($1, …, $cols), (…)` for `rows` rows.
fn values_list(rows: usize, cols: usize) -> String {
    let mut s = String::with_capacity(rows * cols * 5);
    for r in 0..rows {
        s.push_str(if r == 0 { "(" } else { ", (" });
        for c in 0..cols {
            if c > 0 {
                s.push_str(", ");
            }
            s.push('$');
            s.push_str(&(r * cols + c + 1).to_string());
        }
        s.push(')');
    }
    s
}

fn chunk_rows(cols: usize) -> usize {
    (MAX_PARAMS / cols).clamp(1, MAX_ROWS)
}

/// A customer with its own creation and last-change times.
#[derive(Debug, Clone)]
pub struct NewCustomer {
    pub record: CustomerRecord,
    pub created_at: i64,
    pub updated_at: i64,
}

/// Inserts customers; returns their ids in input order.
pub async fn customers(tx: &mut Tx, rows: &[NewCustomer]) -> Result<Vec<i64>> {
    const COLS: usize = 17;
    let mut ids = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(chunk_rows(COLS)) {
        let sql = format!(
            "INSERT INTO customers (name, match_key, sort_name, country, website, website_host, email_domain, source, \
             source_detail, owner_id, status, completeness, requirement_clear, stage, notes, created_at, updated_at) \
             VALUES {} RETURNING id",
            values_list(chunk.len(), COLS)
        );
        let mut got: Vec<i64> = on_tx!(tx, |c| {
            let mut q = sqlx::query_scalar(AssertSqlSafe(sql.clone()));
            for n in chunk {
                let r = &n.record;
                q = q
                    .bind(&r.name)
                    .bind(&r.match_key)
                    .bind(&r.sort_name)
                    .bind(&r.country)
                    .bind(&r.website)
                    .bind(&r.website_host)
                    .bind(&r.email_domain)
                    .bind(&r.source)
                    .bind(&r.source_detail)
                    .bind(r.owner_id)
                    .bind(&r.status)
                    .bind(&r.completeness)
                    .bind(r.requirement_clear)
                    .bind(&r.stage)
                    .bind(&r.notes)
                    .bind(n.created_at)
                    .bind(n.updated_at);
            }
            q.fetch_all(c).await
        })?;
        sorted_ids(&mut got, chunk.len())?;
        ids.extend(got);
    }
    Ok(ids)
}

fn sorted_ids(ids: &mut [i64], expected: usize) -> Result<()> {
    if ids.len() != expected {
        return Err(StoreError::Conflict(format!(
            "bulk insert returned {} ids for {expected} rows",
            ids.len()
        )));
    }
    ids.sort_unstable();
    Ok(())
}

/// A contact of an existing customer, with its channels.
#[derive(Debug, Clone)]
pub struct NewContact {
    pub customer_id: i64,
    pub record: ContactRecord,
    pub created_at: i64,
}

/// Inserts contacts and their channels; returns the contact ids in input order.
pub async fn contacts(tx: &mut Tx, rows: &[NewContact]) -> Result<Vec<i64>> {
    const COLS: usize = 5;
    let mut ids = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(chunk_rows(COLS)) {
        let sql = format!(
            "INSERT INTO contacts (customer_id, name, title, notes, created_at) VALUES {} RETURNING id",
            values_list(chunk.len(), COLS)
        );
        let mut got: Vec<i64> = on_tx!(tx, |c| {
            let mut q = sqlx::query_scalar(AssertSqlSafe(sql.clone()));
            for n in chunk {
                q = q
                    .bind(n.customer_id)
                    .bind(&n.record.name)
                    .bind(&n.record.title)
                    .bind(&n.record.notes)
                    .bind(n.created_at);
            }
            q.fetch_all(c).await
        })?;
        sorted_ids(&mut got, chunk.len())?;
        ids.extend(got);
    }
    let channels: Vec<(i64, &str, &str)> = rows
        .iter()
        .zip(&ids)
        .flat_map(|(n, id)| {
            n.record
                .channels
                .iter()
                .map(move |(k, v)| (*id, k.as_str(), v.as_str()))
        })
        .collect();
    for chunk in channels.chunks(chunk_rows(3)) {
        let sql = format!(
            "INSERT INTO contact_channels (contact_id, kind, value) VALUES {}",
            values_list(chunk.len(), 3)
        );
        on_tx!(tx, |c| {
            let mut q = sqlx::query(AssertSqlSafe(sql.clone()));
            for (id, kind, value) in chunk {
                q = q.bind(*id).bind(*kind).bind(*value);
            }
            q.execute(c).await.map(|r| r.rows_affected())
        })?;
    }
    Ok(ids)
}

/// Inserts activities `(customer_id, activity)`, each recorded at its own time.
pub async fn activities(tx: &mut Tx, rows: &[(i64, ActivityRecord)]) -> Result<()> {
    const COLS: usize = 7;
    for chunk in rows.chunks(chunk_rows(COLS)) {
        let sql = format!(
            "INSERT INTO activities (customer_id, kind, at, user_id, minutes, body, created_at) VALUES {}",
            values_list(chunk.len(), COLS)
        );
        on_tx!(tx, |c| {
            let mut q = sqlx::query(AssertSqlSafe(sql.clone()));
            for (customer_id, r) in chunk {
                q = q
                    .bind(*customer_id)
                    .bind(&r.kind)
                    .bind(r.at)
                    .bind(r.user_id)
                    .bind(r.minutes)
                    .bind(&r.body)
                    .bind(r.at);
            }
            q.execute(c).await.map(|r| r.rows_affected())
        })?;
    }
    Ok(())
}

/// Inserts custom field values `(customer_id, field_id, value)`.
pub async fn custom_values(tx: &mut Tx, rows: &[(i64, i64, String)]) -> Result<()> {
    for chunk in rows.chunks(chunk_rows(3)) {
        let sql = format!(
            "INSERT INTO custom_values (customer_id, field_id, value) VALUES {}",
            values_list(chunk.len(), 3)
        );
        on_tx!(tx, |c| {
            let mut q = sqlx::query(AssertSqlSafe(sql.clone()));
            for (customer_id, field_id, value) in chunk {
                q = q.bind(*customer_id).bind(*field_id).bind(value);
            }
            q.execute(c).await.map(|r| r.rows_affected())
        })?;
    }
    Ok(())
}

/// Tags customers: `(customer_id, tag_id)`; pairs that exist already are skipped.
pub async fn customer_tags(tx: &mut Tx, rows: &[(i64, i64)]) -> Result<()> {
    for chunk in rows.chunks(chunk_rows(2)) {
        let sql = format!(
            "INSERT INTO customer_tags (customer_id, tag_id) VALUES {} ON CONFLICT DO NOTHING",
            values_list(chunk.len(), 2)
        );
        on_tx!(tx, |c| {
            let mut q = sqlx::query(AssertSqlSafe(sql.clone()));
            for (customer_id, tag_id) in chunk {
                q = q.bind(*customer_id).bind(*tag_id);
            }
            q.execute(c).await.map(|r| r.rows_affected())
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_lists_number_parameters_row_by_row() {
        assert_eq!(values_list(2, 3), "($1, $2, $3), ($4, $5, $6)");
        assert_eq!((chunk_rows(17), chunk_rows(2)), (58, 499));
        assert!(chunk_rows(7) * 7 <= MAX_PARAMS && chunk_rows(1) == MAX_ROWS);
    }
}
