//! Settings: built-in defaults, then `leadledger.toml`, then `LEADLEDGER_*` environment
//! variables, then command-line flags — each later source wins.

use anyhow::{Context, Result};
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    db: Option<String>,
    addr: Option<String>,
    secure_cookies: Option<bool>,
    session_ttl_hours: Option<i64>,
    ecb_url: Option<String>,
}

/// Resolved settings.
#[derive(Debug, Clone)]
pub struct Config {
    pub db: Option<String>,
    pub addr: Option<String>,
    pub secure_cookies: bool,
    pub session_ttl_hours: i64,
    /// Where `serve` fetches the ECB reference rates daily (none: no fetch).
    pub ecb_url: Option<String>,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

impl Config {
    /// Reads the file named by `--config`, `LEADLEDGER_CONFIG`, or `./leadledger.toml` when present.
    pub fn load(explicit: Option<&Path>) -> Result<Self> {
        let path: Option<PathBuf> = explicit
            .map(Path::to_path_buf)
            .or_else(|| env("LEADLEDGER_CONFIG").map(PathBuf::from))
            .or_else(|| Some(PathBuf::from("leadledger.toml")).filter(|p| p.exists()));
        let file = match &path {
            Some(p) => {
                let text = std::fs::read_to_string(p)
                    .with_context(|| format!("failed to read config file {}", p.display()))?;
                toml::from_str::<FileConfig>(&text)
                    .with_context(|| format!("invalid config file {}", p.display()))?
            }
            None => FileConfig::default(),
        };
        let secure_cookies = match env("LEADLEDGER_SECURE_COOKIES") {
            Some(v) => matches!(v.as_str(), "1" | "true" | "yes"),
            None => file.secure_cookies.unwrap_or(false),
        };
        let session_ttl_hours = match env("LEADLEDGER_SESSION_TTL_HOURS") {
            Some(v) => v
                .parse()
                .context("LEADLEDGER_SESSION_TTL_HOURS must be a whole number of hours")?,
            None => file.session_ttl_hours.unwrap_or(12),
        };
        Ok(Self {
            db: env("LEADLEDGER_DB").or(file.db),
            addr: env("LEADLEDGER_ADDR").or(file.addr),
            secure_cookies,
            session_ttl_hours,
            ecb_url: env("LEADLEDGER_ECB_URL").or(file.ecb_url),
        })
    }

    /// The database URL: the flag, else the configured one, else `default`.
    pub fn db_url(&self, flag: Option<&str>, default: &str) -> String {
        flag.map(String::from)
            .or_else(|| self.db.clone())
            .unwrap_or_else(|| default.to_string())
    }

    pub fn addr(&self, flag: Option<&str>) -> String {
        flag.map(String::from)
            .or_else(|| self.addr.clone())
            .unwrap_or_else(|| "127.0.0.1:8080".into())
    }
}
