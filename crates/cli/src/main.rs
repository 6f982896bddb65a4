//! The `leadledger` binary: serve the web app, run the demo, migrate, manage users and tokens,
//! read inquiries, and run benchmarks.

mod bench;
mod config;
mod fetch;
mod inquiry;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use config::Config;
use leadledger_app::{App, AppError, Settings, auth, demo, rates, users};
use leadledger_store::Db;
use leadledger_web::AppState;
use std::io::Read;
use std::net::SocketAddr;
use std::path::PathBuf;

const DEFAULT_DB: &str = "sqlite://leadledger.db";
const DEMO_DB: &str = "sqlite://leadledger-demo.db";

#[derive(Parser)]
#[command(
    name = "leadledger",
    version,
    about = "Judge buyer inquiries, keep buyer profiles, and know who deserves your time"
)]
struct Cli {
    /// Config file (default: ./leadledger.toml when present, or LEADLEDGER_CONFIG).
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Run the web app and API.
    Serve {
        /// sqlite://PATH or postgres://USER@HOST/DB (default: config, LEADLEDGER_DB, sqlite://leadledger.db).
        #[arg(long)]
        db: Option<String>,
        /// Address to listen on (default 127.0.0.1:8080).
        #[arg(long)]
        addr: Option<String>,
    },
    /// Seed believable demo data on first start, then serve it.
    Demo {
        /// Default: sqlite://leadledger-demo.db (created).
        #[arg(long)]
        db: Option<String>,
        #[arg(long)]
        addr: Option<String>,
        /// How many customers to generate (the first 48 are hand-written).
        #[arg(long, default_value_t = 48)]
        customers: usize,
        /// Seed the database and exit without serving.
        #[arg(long)]
        no_serve: bool,
    },
    /// Apply pending database migrations.
    Migrate {
        #[arg(long)]
        db: Option<String>,
    },
    /// Manage users.
    User {
        #[command(subcommand)]
        cmd: UserCmd,
    },
    /// Manage API tokens.
    Token {
        #[command(subcommand)]
        cmd: TokenCmd,
    },
    /// Read buyer inquiries.
    Inquiry {
        #[command(subcommand)]
        cmd: InquiryCmd,
    },
    /// Exchange rates.
    Rates {
        #[command(subcommand)]
        cmd: RatesCmd,
    },
    /// Measure performance targets (see docs/benchmarks.md).
    Bench {
        #[command(subcommand)]
        cmd: bench::BenchCmd,
    },
}

#[derive(Subcommand)]
enum UserCmd {
    /// Add a user. The password comes from --password, LEADLEDGER_PASSWORD, or the first line of stdin.
    Add {
        name: String,
        #[arg(long, value_parser = ["admin", "manager", "sales", "finance"])]
        role: String,
        #[arg(long)]
        display_name: Option<String>,
        #[arg(long)]
        password: Option<String>,
        #[arg(long)]
        db: Option<String>,
    },
    /// Set a user's password (and end their sessions).
    Passwd {
        name: String,
        #[arg(long)]
        password: Option<String>,
        #[arg(long)]
        db: Option<String>,
    },
    /// List users.
    List {
        #[arg(long)]
        db: Option<String>,
    },
    /// Disable a user: sessions end and API tokens are revoked.
    Disable {
        name: String,
        #[arg(long)]
        db: Option<String>,
    },
    /// Enable a disabled user again.
    Enable {
        name: String,
        #[arg(long)]
        db: Option<String>,
    },
}

#[derive(Subcommand)]
enum InquiryCmd {
    /// Judge inquiries: facts, completeness grade, scam/junk flags with reasons, clarifying questions.
    Analyze(inquiry::AnalyzeArgs),
}

#[derive(Subcommand)]
enum RatesCmd {
    /// Import an ECB reference-rate XML file (daily or historical: 1 EUR = x units). All or nothing.
    ImportEcb {
        file: PathBuf,
        #[arg(long)]
        db: Option<String>,
    },
    /// Download the ECB reference rates and import them (all or nothing). The URL defaults to
    /// `ecb_url` from the config (LEADLEDGER_ECB_URL), else the ECB's daily file.
    Fetch {
        #[arg(long)]
        url: Option<String>,
        #[arg(long)]
        db: Option<String>,
    },
    /// The rate between two currencies on a day (default today): a manual rate or the ECB cross rate.
    Show {
        from: String,
        to: String,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        db: Option<String>,
    },
}

#[derive(Subcommand)]
enum TokenCmd {
    /// Create an API token; it is printed once, as the last line.
    Create {
        #[arg(long)]
        user: String,
        /// A label to recognise the token by.
        #[arg(long, default_value = "cli")]
        name: String,
        #[arg(long)]
        db: Option<String>,
    },
}

fn main() -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("LEADLEDGER_LOG")
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    if let Cmd::Inquiry {
        cmd: InquiryCmd::Analyze(args),
    } = cli.cmd
    {
        // Pure and offline: no configuration, database or runtime needed.
        return inquiry::analyze_cmd(args);
    }
    let cfg = Config::load(cli.config.as_deref())?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(run(cli.cmd, cfg))
}

async fn open(cfg: &Config, flag: Option<&str>, default: &str) -> Result<App> {
    let url = cfg.db_url(flag, default);
    let db = Db::connect(&url)
        .await
        .with_context(|| format!("failed to open database {url}"))?;
    db.migrate()
        .await
        .context("failed to migrate the database")?;
    let settings = Settings {
        session_ttl: cfg.session_ttl_hours * 3600,
        ..Settings::default()
    };
    Ok(App { db, settings })
}

/// Turns a use-case error into a readable CLI error.
fn cli_err(e: AppError) -> anyhow::Error {
    match e {
        AppError::Invalid(f) => anyhow::anyhow!("invalid input: {f}"),
        other => anyhow::anyhow!("{other}"),
    }
}

fn password_from(flag: Option<String>) -> Result<String> {
    if let Some(p) = flag.or_else(|| std::env::var("LEADLEDGER_PASSWORD").ok()) {
        return Ok(p);
    }
    eprintln!("password (read from stdin):");
    let mut s = String::new();
    std::io::stdin()
        .read_to_string(&mut s)
        .context("failed to read the password from stdin")?;
    let line = s.lines().next().unwrap_or("").to_string();
    if line.is_empty() {
        bail!("no password given: use --password, LEADLEDGER_PASSWORD or stdin");
    }
    Ok(line)
}

async fn run(cmd: Cmd, cfg: Config) -> Result<()> {
    match cmd {
        Cmd::Serve { db, addr } => {
            let app = open(&cfg, db.as_deref(), DEFAULT_DB).await?;
            serve(app, &cfg.addr(addr.as_deref()), &cfg, None).await
        }
        Cmd::Demo {
            db,
            addr,
            customers,
            no_serve,
        } => {
            let app = open(&cfg, db.as_deref(), DEMO_DB).await?;
            if demo::is_seeded(&app).await.map_err(cli_err)? {
                eprintln!("demo data already present; serving it as it is");
            } else {
                let started = std::time::Instant::now();
                let opts = demo::DemoOptions {
                    customers,
                    ..Default::default()
                };
                let s = demo::seed(&app, &opts).await.map_err(cli_err)?;
                eprintln!(
                    "seeded {} customers, {} contacts, {} activities, {} inquiries, {} products, {} quotes, {} commercial invoices in {:.1} s",
                    s.customers,
                    s.contacts,
                    s.activities,
                    s.inquiries,
                    s.products,
                    s.quotes,
                    s.invoices,
                    started.elapsed().as_secs_f64()
                );
            }
            if no_serve {
                return Ok(());
            }
            let addr = cfg.addr(addr.as_deref());
            let banner = format!(
                "\nleadledger demo: http://{addr}/\nsign in as boss (admin), mgr (manager), lily or tom (sales), fin (finance); password: demo\n"
            );
            serve(app, &addr, &cfg, Some(banner)).await
        }
        Cmd::Migrate { db } => {
            let url = cfg.db_url(db.as_deref(), DEFAULT_DB);
            open(&cfg, db.as_deref(), DEFAULT_DB).await?;
            println!("database {url} is up to date");
            Ok(())
        }
        Cmd::User { cmd } => user(cmd, &cfg).await,
        Cmd::Token {
            cmd: TokenCmd::Create { user, name, db },
        } => {
            let app = open(&cfg, db.as_deref(), DEFAULT_DB).await?;
            let token = auth::create_token(&app, &user, &name)
                .await
                .map_err(|e| match e {
                    AppError::NotFound => anyhow::anyhow!("no user named {user:?}"),
                    other => cli_err(other),
                })?;
            println!("API token for {user} (shown once; send it as Authorization: Bearer TOKEN):");
            println!("{token}");
            Ok(())
        }
        Cmd::Bench { cmd } => bench::run(cmd).await,
        Cmd::Rates {
            cmd: RatesCmd::ImportEcb { file, db },
        } => {
            let xml =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let xml = String::from_utf8(xml)
                .with_context(|| format!("{} is not UTF-8 text", file.display()))?;
            let app = open(&cfg, db.as_deref(), DEFAULT_DB).await?;
            let s = rates::import_ecb(&app, None, &xml)
                .await
                .map_err(|e| anyhow::anyhow!("{}: {}", file.display(), cli_err(e)))?;
            println!("{}", fetch::summary(&s));
            Ok(())
        }
        Cmd::Rates {
            cmd: RatesCmd::Fetch { url, db },
        } => {
            let url = url
                .or_else(|| cfg.ecb_url.clone())
                .unwrap_or_else(|| fetch::ECB_DAILY_URL.to_string());
            let app = open(&cfg, db.as_deref(), DEFAULT_DB).await?;
            println!("{}", fetch::fetch_and_import(&app, &url).await?);
            Ok(())
        }
        Cmd::Rates {
            cmd: RatesCmd::Show { from, to, date, db },
        } => {
            let app = open(&cfg, db.as_deref(), DEFAULT_DB).await?;
            let from = leadledger_domain::money::Currency::parse(&from)
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let to = leadledger_domain::money::Currency::parse(&to)
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let day = match date {
                Some(d) => d
                    .parse::<chrono::NaiveDate>()
                    .with_context(|| format!("{d:?} is not a date like 2026-03-01"))?,
                None => chrono::Utc::now().date_naive(),
            };
            let r = rates::rate_on(&app, from, to, day).await.map_err(cli_err)?;
            println!(
                "1 {} = {} {} ({}, {})",
                r.base,
                r.rate.normalize(),
                r.quote,
                r.date,
                r.source
            );
            Ok(())
        }
        Cmd::Inquiry {
            cmd: InquiryCmd::Analyze(args),
        } => inquiry::analyze_cmd(args),
    }
}

async fn user(cmd: UserCmd, cfg: &Config) -> Result<()> {
    match cmd {
        UserCmd::Add {
            name,
            role,
            display_name,
            password,
            db,
        } => {
            let app = open(cfg, db.as_deref(), DEFAULT_DB).await?;
            let pw = password_from(password)?;
            users::add(
                &app,
                None,
                &name,
                display_name.as_deref().unwrap_or(""),
                &role,
                &pw,
            )
            .await
            .map_err(cli_err)?;
            println!("added user {name} ({role})");
        }
        UserCmd::Passwd { name, password, db } => {
            let app = open(cfg, db.as_deref(), DEFAULT_DB).await?;
            let pw = password_from(password)?;
            users::set_password(&app, None, &name, &pw)
                .await
                .map_err(|e| match e {
                    AppError::NotFound => anyhow::anyhow!("no user named {name:?}"),
                    other => cli_err(other),
                })?;
            println!("password of {name} changed; their sessions ended");
        }
        UserCmd::List { db } => {
            let app = open(cfg, db.as_deref(), DEFAULT_DB).await?;
            println!("{:<20} {:<9} {:<9} display name", "user", "role", "state");
            for u in users::list(&app).await.map_err(cli_err)? {
                println!(
                    "{:<20} {:<9} {:<9} {}",
                    u.username,
                    u.role,
                    if u.disabled { "disabled" } else { "active" },
                    u.display_name
                );
            }
        }
        UserCmd::Disable { name, db } => {
            let app = open(cfg, db.as_deref(), DEFAULT_DB).await?;
            users::update(&app, None, &name, None, None, Some(true))
                .await
                .map_err(|e| match e {
                    AppError::NotFound => anyhow::anyhow!("no user named {name:?}"),
                    other => cli_err(other),
                })?;
            println!("disabled {name}; their sessions ended and API tokens were revoked");
        }
        UserCmd::Enable { name, db } => {
            let app = open(cfg, db.as_deref(), DEFAULT_DB).await?;
            users::update(&app, None, &name, None, None, Some(false))
                .await
                .map_err(|e| match e {
                    AppError::NotFound => anyhow::anyhow!("no user named {name:?}"),
                    other => cli_err(other),
                })?;
            println!("enabled {name}");
        }
    }
    Ok(())
}

/// Serves until Ctrl-C or SIGTERM.
pub async fn serve(app: App, addr: &str, cfg: &Config, banner: Option<String>) -> Result<()> {
    let secure_cookies = cfg.secure_cookies;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("failed to listen on {addr}"))?;
    let local = listener.local_addr()?;
    let router = leadledger_web::router(AppState {
        app: app.clone(),
        secure_cookies,
    });
    tracing::info!(%local, backend = ?app.db.backend(), "serving");
    let housekeeping = tokio::spawn(housekeeping(app.clone(), cfg.ecb_url.clone()));
    if let Some(b) = banner {
        println!("{b}");
    }
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown())
    .await
    .context("server failed")?;
    housekeeping.abort();
    app.db.close().await;
    Ok(())
}

/// Work that follows the clock while the server runs: quotes past their validity date expire
/// (at start, then hourly), and when `ecb_url` is configured the ECB rates are fetched at start
/// and then once a day (retried hourly after a failure).
async fn housekeeping(app: App, ecb_url: Option<String>) {
    const HOUR: i64 = 3600;
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(HOUR as u64));
    let mut last_fetch: Option<i64> = None;
    loop {
        tick.tick().await;
        let today = chrono::Utc::now().date_naive();
        match leadledger_app::quotes::expire_due(&app, today).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(expired = n, "quotes past their validity expired"),
            Err(e) => tracing::warn!(error = %e, "expiring quotes failed"),
        }
        let now = leadledger_app::now();
        if let Some(url) = &ecb_url
            && last_fetch.is_none_or(|t| now - t >= 24 * HOUR)
        {
            match fetch::fetch_and_import(&app, url).await {
                Ok(s) => {
                    tracing::info!(%url, "{s}");
                    last_fetch = Some(now);
                }
                Err(e) => {
                    tracing::warn!(%url, error = %format!("{e:#}"), "ECB rate fetch failed; retrying in an hour")
                }
            }
        }
    }
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
