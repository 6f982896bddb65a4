//! Run-time assembled queries: a `WHERE` clause with numbered parameters, and the
//! count-plus-one-page read that every list in the store shares.

use crate::{Arg, Result, Tx, bind_args, on_tx};
use sqlx::AssertSqlSafe;
use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;

/// Conditions joined by `AND`, with their parameters numbered `$1`, `$2`, … in order.
#[derive(Debug, Default)]
pub(crate) struct Filter {
    pub args: Vec<Arg>,
    conds: Vec<String>,
}

impl Filter {
    /// Adds a parameter and returns its placeholder.
    pub fn param(&mut self, a: Arg) -> String {
        self.args.push(a);
        format!("${}", self.args.len())
    }

    /// Adds a condition; every `{}` in it becomes the placeholder of `a`.
    pub fn with(&mut self, cond: &str, a: Arg) {
        let p = self.param(a);
        self.conds.push(cond.replace("{}", &p));
    }

    /// Adds a condition that needs no parameter (or whose placeholders were taken already).
    pub fn raw(&mut self, cond: impl Into<String>) {
        self.conds.push(cond.into());
    }

    /// `" WHERE a AND b"`, or nothing.
    pub fn sql(&self) -> String {
        if self.conds.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.conds.join(" AND "))
        }
    }
}

/// How many rows `from` (a `FROM … [WHERE …]` clause) holds, and the page of `select` columns
/// ordered by `order_by`, in one call. Both statements share the filter's parameters.
pub(crate) async fn page<T>(
    tx: &mut Tx,
    select: &str,
    from: &str,
    order_by: &str,
    filter: Filter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<T>, i64)>
where
    T: for<'r> sqlx::FromRow<'r, SqliteRow> + for<'r> sqlx::FromRow<'r, PgRow> + Send + Unpin,
{
    let mut args = filter.args;
    let count_sql = format!("SELECT COUNT(*) {from}");
    let total: i64 = on_tx!(tx, |c| bind_args!(
        sqlx::query_scalar(AssertSqlSafe(count_sql.clone())),
        &args
    )
    .fetch_one(c)
    .await)?;
    let n = args.len();
    let sql = format!(
        "{select} {from} ORDER BY {order_by} LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    args.push(Arg::I64(limit));
    args.push(Arg::I64(offset));
    let rows: Vec<T> = on_tx!(tx, |c| bind_args!(
        sqlx::query_as(AssertSqlSafe(sql.clone())),
        &args
    )
    .fetch_all(c)
    .await)?;
    Ok((rows, total))
}
