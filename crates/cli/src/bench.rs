//! `leadledger bench …`: the measurements behind docs/benchmarks.md. Benchmarks, not tests: they
//! print figures and never fail on a threshold.

use anyhow::{Context, Result, bail};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use clap::Subcommand;
use leadledger_app::{App, auth, demo};
use leadledger_store::Db;
use leadledger_web::AppState;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tower::ServiceExt;

#[derive(Subcommand)]
pub enum BenchCmd {
    /// The customer list filtered by country and tag, sorted, page 1: server time per request.
    CustomersList {
        /// Reused between runs; seeded with the demo generator when empty.
        #[arg(long, default_value = "sqlite://leadledger-bench.db")]
        db: String,
        #[arg(long, default_value_t = 100_000)]
        customers: usize,
        #[arg(long, default_value_t = 300)]
        iterations: usize,
    },
    /// Issuing invoices (gapless number, totals, due date, audit) one after another on SQLite.
    Invoices {
        #[arg(long, default_value_t = 2000)]
        count: usize,
    },
    /// The customer page of a buyer with 200 documents (quotes, orders, invoices, payments).
    CustomerPage {
        #[arg(long, default_value_t = 300)]
        iterations: usize,
    },
    /// Start-up time of `leadledger serve` to the first 200 from /healthz, and idle memory.
    Startup {
        /// The binary to measure (default: this one).
        #[arg(long)]
        bin: Option<std::path::PathBuf>,
        #[arg(long, default_value_t = 10)]
        runs: usize,
    },
}

pub async fn run(cmd: BenchCmd) -> Result<()> {
    match cmd {
        BenchCmd::CustomersList {
            db,
            customers,
            iterations,
        } => customers_list(&db, customers, iterations).await,
        BenchCmd::Startup { bin, runs } => startup(bin, runs),
        BenchCmd::Invoices { count } => invoices(count).await,
        BenchCmd::CustomerPage { iterations } => customer_page(iterations).await,
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name}: n={} p50={:.2} ms p95={:.2} ms p99={:.2} ms max={:.2} ms",
        samples.len(),
        ms(percentile(&samples, 0.5)),
        ms(percentile(&samples, 0.95)),
        ms(percentile(&samples, 0.99)),
        ms(*samples.last().unwrap())
    );
}

async fn customers_list(url: &str, customers: usize, iterations: usize) -> Result<()> {
    let db = Db::connect(url).await?;
    db.migrate().await?;
    let app = App::new(db);
    if !demo::is_seeded(&app)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?
    {
        let t = Instant::now();
        let s = demo::seed(
            &app,
            &demo::DemoOptions {
                customers,
                ..Default::default()
            },
        )
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        println!(
            "seeded {} customers, {} activities in {:.1} s",
            s.customers,
            s.activities,
            t.elapsed().as_secs_f64()
        );
    }
    let router = leadledger_web::router(AppState {
        app: app.clone(),
        secure_cookies: false,
    });
    let session = auth::login(&app, "boss", "demo", "bench")
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let token = auth::create_token(&app, "boss", "bench")
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let tags = leadledger_app::tags::list(&app)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let tag = tags
        .iter()
        .max_by_key(|t| t.customers)
        .context("the demo has tags")?;
    let total = leadledger_app::customers::list(
        &app,
        &session.actor,
        leadledger_store::customers::CustomerFilter::default(),
        Default::default(),
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?
    .total;
    println!(
        "database: {url}, {total} customers; filter: country=US, tag={:?} ({} customers), sort=name",
        tag.name, tag.customers
    );
    let page_path = format!("/customers?country=US&tag={}&sort=name", tag.id);
    let api_path = format!("/api/v1/customers?country=US&tag={}&sort=name", tag.id);
    for (name, path, auth_header) in [
        (
            "html page",
            page_path.as_str(),
            (header::COOKIE, format!("ll_session={}", session.token)),
        ),
        (
            "json api",
            api_path.as_str(),
            (header::AUTHORIZATION, format!("Bearer {token}")),
        ),
    ] {
        let mut samples = Vec::with_capacity(iterations);
        for i in 0..iterations + 10 {
            let req = Request::get(path)
                .header(auth_header.0.clone(), &auth_header.1)
                .body(Body::empty())?;
            let t = Instant::now();
            let resp = router.clone().oneshot(req).await?;
            let status = resp.status();
            let _ = axum::body::to_bytes(resp.into_body(), usize::MAX).await?;
            let d = t.elapsed();
            if status != StatusCode::OK {
                bail!("{path} answered {status}");
            }
            if i >= 10 {
                samples.push(d);
            }
        }
        report(name, samples);
    }
    Ok(())
}

fn get_healthz(port: u16) -> Option<u16> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
    s.write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .ok()?;
    let mut buf = String::new();
    s.read_to_string(&mut buf).ok()?;
    buf.split_whitespace().nth(1)?.parse().ok()
}

fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

fn startup(bin: Option<std::path::PathBuf>, runs: usize) -> Result<()> {
    let bin = match bin {
        Some(b) => b,
        None => std::env::current_exe()?,
    };
    let dir = std::env::temp_dir().join(format!("ll-bench-startup-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let db = format!("sqlite://{}", dir.join("bench.db").display());
    // Create and migrate the database once, so runs measure start-up, not the first migration.
    let status = Command::new(&bin)
        .args(["migrate", "--db", &db])
        .stdout(Stdio::null())
        .status()?;
    if !status.success() {
        bail!("migrate failed");
    }
    let mut times = Vec::new();
    let mut rss = Vec::new();
    for run in 0..runs {
        let port = {
            let l = std::net::TcpListener::bind("127.0.0.1:0")?;
            l.local_addr()?.port()
        };
        let t = Instant::now();
        let mut child = Command::new(&bin)
            .args(["serve", "--db", &db, "--addr", &format!("127.0.0.1:{port}")])
            .env("LEADLEDGER_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if get_healthz(port) == Some(200) {
                break;
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                bail!("no 200 from /healthz within 10 s");
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        times.push(t.elapsed());
        if run == 0 {
            // Idle memory: after the first request, let it settle, then read the resident set.
            std::thread::sleep(Duration::from_secs(2));
            if let Some(k) = rss_kib(child.id()) {
                rss.push(k);
            }
        }
        let _ = child.kill();
        let _ = child.wait();
    }
    let _ = std::fs::remove_dir_all(&dir);
    report("start to first 200 from /healthz", times);
    if let Some(k) = rss.first() {
        println!(
            "idle resident memory after start and one request: {:.1} MB",
            *k as f64 / 1024.0
        );
    }
    Ok(())
}

/// A fresh SQLite database in a temporary folder with an admin and one buyer.
async fn scratch() -> Result<(std::path::PathBuf, App, leadledger_domain::user::Actor, i64)> {
    let dir =
        std::env::temp_dir().join(format!("ll-bench-{}-{}", std::process::id(), rand_suffix()));
    std::fs::create_dir_all(&dir)?;
    let db = Db::connect(&format!("sqlite://{}", dir.join("bench.db").display())).await?;
    db.migrate().await?;
    let app = App::new(db);
    leadledger_app::users::add(&app, None, "boss", "", "admin", "bench-pw")
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let boss = auth::login(&app, "boss", "bench-pw", "bench")
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .actor;
    let change = leadledger_app::customers::CustomerChange {
        input: leadledger_domain::customer::CustomerDraft {
            name: "Bench Buyer Ltd".into(),
            country: "GB".into(),
            ..Default::default()
        }
        .parse()
        .map_err(|e| anyhow::anyhow!("{e}"))?,
        owner: leadledger_app::customers::OwnerChoice::Keep,
        tag_ids: None,
        new_tags: vec![],
        custom: Default::default(),
        contact: None,
        confirm_duplicates: false,
    };
    let cid = leadledger_app::customers::create(&app, &boss, change)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok((dir, app, boss, cid))
}

fn rand_suffix() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0)
}

fn bench_quote(cid: i64) -> leadledger_app::quotes::QuoteDraft {
    leadledger_app::quotes::QuoteDraft {
        customer_id: Some(cid),
        currency: "USD".into(),
        rate: "7.1".into(),
        incoterm: "FOB".into(),
        place: "Ningbo".into(),
        payment_terms: "30% T/T deposit, 70% before shipment".into(),
        lead_time: "30 days".into(),
        lines: (0..5)
            .map(|i| leadledger_domain::documents::lines::LineDraft {
                sku: format!("SKU-{i}"),
                description: format!("Line {i}"),
                quantity: "100".into(),
                unit_price: "12.3456".into(),
                ..Default::default()
            })
            .collect(),
        freight: "850".into(),
        ..Default::default()
    }
}

async fn invoices(count: usize) -> Result<()> {
    use leadledger_app::{invoices, quotes};
    let (dir, app, boss, cid) = scratch().await?;
    let qid = quotes::create(&app, &boss, &bench_quote(cid))
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    quotes::apply_event(
        &app,
        &boss,
        qid,
        leadledger_domain::documents::quote::QuoteEvent::Send,
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut drafts = Vec::with_capacity(count);
    for _ in 0..count {
        drafts.push(
            invoices::proforma(&app, &boss, Some(qid), None)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?,
        );
    }
    let t = Instant::now();
    for id in drafts {
        invoices::issue(&app, &boss, id, None)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "issued {count} invoices (number + totals + due date + audit, one transaction each) in {secs:.2} s: {:.0} per second",
        count as f64 / secs
    );
    app.db.close().await;
    let _ = std::fs::remove_dir_all(dir);
    Ok(())
}

async fn customer_page(iterations: usize) -> Result<()> {
    use leadledger_app::{invoices, orders, quotes};
    use leadledger_domain::documents::quote::QuoteEvent;
    let (dir, app, boss, cid) = scratch().await?;
    let e = |e: leadledger_app::AppError| anyhow::anyhow!("{e}");
    // 50 accepted quotes, each with its order, issued invoice and a payment: 200 documents.
    for _ in 0..50 {
        let qid = quotes::create(&app, &boss, &bench_quote(cid))
            .await
            .map_err(e)?;
        quotes::apply_event(&app, &boss, qid, QuoteEvent::Send)
            .await
            .map_err(e)?;
        quotes::apply_event(&app, &boss, qid, QuoteEvent::Accept)
            .await
            .map_err(e)?;
        let oid = orders::from_quote(&app, &boss, qid).await.map_err(e)?;
        let o = orders::get(&app, &boss, oid).await.map_err(e)?;
        let all: Vec<(i64, String)> = o.lines.iter().map(|l| (l.id, l.quantity.clone())).collect();
        orders::ship(&app, &boss, oid, &all).await.map_err(e)?;
        let inv = invoices::commercial(&app, &boss, oid, &all)
            .await
            .map_err(e)?;
        invoices::issue(&app, &boss, inv, None).await.map_err(e)?;
        let d = leadledger_app::payments::PaymentDraft {
            customer_id: Some(cid),
            currency: "USD".into(),
            received: "1000".into(),
            rate: "7.2".into(),
            ..Default::default()
        };
        leadledger_app::payments::record(&app, &boss, &d)
            .await
            .map_err(e)?;
    }
    let router = leadledger_web::router(AppState {
        app: app.clone(),
        secure_cookies: false,
    });
    let session = auth::login(&app, "boss", "bench-pw", "bench")
        .await
        .map_err(e)?;
    let path = format!("/customers/{cid}");
    let mut samples = Vec::with_capacity(iterations);
    for i in 0..iterations + 10 {
        let req = Request::get(&path)
            .header(header::COOKIE, format!("ll_session={}", session.token))
            .body(Body::empty())?;
        let t = Instant::now();
        let resp = router.clone().oneshot(req).await?;
        let status = resp.status();
        let _ = axum::body::to_bytes(resp.into_body(), usize::MAX).await?;
        if status != StatusCode::OK {
            bail!("{path} answered {status}");
        }
        if i >= 10 {
            samples.push(t.elapsed());
        }
    }
    report(
        "customer page with 50 quotes, 50 orders, 50 invoices, 50 payments",
        samples,
    );
    app.db.close().await;
    let _ = std::fs::remove_dir_all(dir);
    Ok(())
}
