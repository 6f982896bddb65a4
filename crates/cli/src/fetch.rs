//! Fetching the ECB reference rates from a URL: `leadledger rates fetch` and the daily fetch of
//! a running server when `ecb_url` is configured. The body is imported all or nothing by the
//! same use case as `rates import-ecb`.

use anyhow::{Context, Result, bail};
use leadledger_app::{App, rates};
use std::io::Read;
use std::time::Duration;

/// The ECB's daily reference rates (about 30 currencies, 1 EUR = x).
pub const ECB_DAILY_URL: &str = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml";

/// The largest body accepted; the full historical file is about 6 MB.
const MAX_BODY: u64 = 16 * 1024 * 1024;

/// Downloads `url` (http or https) on a blocking thread.
pub async fn download(url: &str) -> Result<String> {
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        bail!("{url:?} is not an http(s) URL");
    }
    let owned = url.to_string();
    tokio::task::spawn_blocking(move || -> Result<String> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        let resp = agent
            .get(&owned)
            .call()
            .with_context(|| format!("cannot fetch {owned}"))?;
        let mut body = Vec::new();
        resp.into_body()
            .into_reader()
            .take(MAX_BODY + 1)
            .read_to_end(&mut body)
            .with_context(|| format!("reading {owned} failed"))?;
        if body.len() as u64 > MAX_BODY {
            bail!(
                "{owned}: the response is larger than {} MB",
                MAX_BODY / 1024 / 1024
            );
        }
        String::from_utf8(body).with_context(|| format!("{owned} did not answer UTF-8 text"))
    })
    .await
    .context("the download task failed")?
}

/// Fetches and imports; a one-line summary.
pub async fn fetch_and_import(app: &App, url: &str) -> Result<String> {
    let xml = download(url).await?;
    let s = rates::import_ecb(app, None, &xml)
        .await
        .map_err(|e| anyhow::anyhow!("{url}: {}", crate::cli_err(e)))?;
    Ok(summary(&s))
}

/// "imported 30 ECB rates for 1 day(s), 2026-12-03".
pub fn summary(s: &rates::EcbImport) -> String {
    let span = match (s.first, s.last) {
        (Some(a), Some(b)) if a != b => format!("{a} to {b}"),
        (Some(a), _) => a.to_string(),
        _ => "no days".into(),
    };
    format!(
        "imported {} ECB rates for {} day(s), {span}",
        s.rates, s.days
    )
}
