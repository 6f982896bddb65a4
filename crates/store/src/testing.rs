//! Fresh, migrated databases for tests: a temporary SQLite file, or a new PostgreSQL schema that
//! is dropped afterwards. Used by this crate's contract suite and by the `app` and `web` tests.

use crate::{Backend, Db, Result};
use sqlx::postgres::PgConnectOptions;
use std::future::Future;
use std::path::PathBuf;
use std::str::FromStr;

/// The environment variable naming the PostgreSQL server for tests.
pub const PG_URL_VAR: &str = "LEADLEDGER_TEST_PG_URL";

pub fn pg_url() -> Option<String> {
    std::env::var(PG_URL_VAR)
        .ok()
        .filter(|s| !s.trim().is_empty())
}

pub struct TestDb {
    pub db: Db,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(PathBuf),
    Pg { admin: Db, schema: String },
}

fn unique_name() -> String {
    format!(
        "ll_test_{}_{:016x}",
        std::process::id(),
        rand::random::<u64>()
    )
}

impl TestDb {
    pub async fn new(backend: Backend) -> Result<Self> {
        match backend {
            Backend::Sqlite => Self::sqlite().await,
            Backend::Postgres => {
                let url =
                    pg_url().expect("LEADLEDGER_TEST_PG_URL must be set for PostgreSQL tests");
                Self::postgres(&url).await
            }
        }
    }

    pub async fn sqlite() -> Result<Self> {
        let dir = std::env::temp_dir().join(unique_name());
        std::fs::create_dir_all(&dir).expect("temp dir is writable");
        let db = Db::connect(&format!("sqlite://{}", dir.join("test.db").display())).await?;
        db.migrate().await?;
        Ok(Self {
            db,
            cleanup: Cleanup::Sqlite(dir),
        })
    }

    /// A new schema on the server at `url`; the pool's `search_path` points at it.
    pub async fn postgres(url: &str) -> Result<Self> {
        let schema = unique_name();
        let admin = Db::connect(url).await?;
        let mut tx = admin.write().await?;
        crate::on_tx!(&mut tx, |c| sqlx::query(sqlx::AssertSqlSafe(format!(
            "CREATE SCHEMA {schema}"
        )))
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
        tx.commit().await?;
        let opts = PgConnectOptions::from_str(url)
            .map_err(|_| crate::StoreError::BadUrl(url.into()))?
            .options([("search_path", schema.as_str())]);
        let db = Db::connect_pg(opts).await?;
        db.migrate().await?;
        Ok(Self {
            db,
            cleanup: Cleanup::Pg { admin, schema },
        })
    }

    pub async fn cleanup(self) {
        self.db.close().await;
        match self.cleanup {
            Cleanup::Sqlite(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::Pg { admin, schema } => {
                if let Ok(mut tx) = admin.write().await {
                    let _ = crate::on_tx!(&mut tx, |c| sqlx::query(sqlx::AssertSqlSafe(format!(
                        "DROP SCHEMA {schema} CASCADE"
                    )))
                    .execute(c)
                    .await
                    .map(|r| r.rows_affected()));
                    let _ = tx.commit().await;
                }
                admin.close().await;
            }
        }
    }
}

/// Runs `body` on a fresh database of `backend`, cleans up even when the body panics, then
/// re-raises the panic so the test fails.
pub async fn with_db<F, Fut>(backend: Backend, body: F)
where
    F: FnOnce(Db) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let t = TestDb::new(backend).await.expect("test database");
    let outcome = tokio::spawn(body(t.db.clone())).await;
    t.cleanup().await;
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}

/// Makes every session expired, as if their time had passed.
pub async fn expire_sessions(db: &Db) -> Result<()> {
    let mut tx = db.write().await?;
    crate::on_tx!(&mut tx, |c| sqlx::query(
        "UPDATE sessions SET expires_at = 0"
    )
    .execute(c)
    .await
    .map(|_| ()))?;
    tx.commit().await
}
