//! The binary as a user runs it: user and token commands against a SQLite file while a server
//! is serving that same file.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_leadledger");

fn run(args: &[&str], db: &str) -> Output {
    Command::new(BIN)
        .args(args)
        .args(["--db", db])
        .env("LEADLEDGER_LOG", "warn")
        .output()
        .expect("binary runs")
}

fn http(port: u16, method: &str, path: &str, token: &str) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "{method} {path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n").unwrap();
    let mut buf = String::new();
    s.read_to_string(&mut buf).unwrap();
    let status = buf.split_whitespace().nth(1).unwrap().parse().unwrap();
    (
        status,
        buf.split("\r\n\r\n").nth(1).unwrap_or("").to_string(),
    )
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn user_and_token_commands_work_while_a_server_runs_on_the_same_sqlite_file() {
    let dir = std::env::temp_dir().join(format!("ll-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = format!("sqlite://{}", dir.join("cli.db").display());
    assert!(run(&["migrate"], &db).status.success());
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    // The server fetches the ECB rates at start from the configured URL (a local file server).
    let files = file_server();
    let _server = Server(
        Command::new(BIN)
            .args(["serve", "--db", &db, "--addr", &format!("127.0.0.1:{port}")])
            .env("LEADLEDGER_LOG", "warn")
            .env(
                "LEADLEDGER_ECB_URL",
                format!("http://127.0.0.1:{files}/ecb-daily.xml"),
            )
            .stdout(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "server did not start");
        std::thread::sleep(Duration::from_millis(20));
    }

    let out = run(
        &[
            "user",
            "add",
            "ann",
            "--role",
            "manager",
            "--password",
            "s3cret-pw",
        ],
        &db,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dup = run(
        &[
            "user",
            "add",
            "ann",
            "--role",
            "sales",
            "--password",
            "s3cret-pw",
        ],
        &db,
    );
    assert!(!dup.status.success());
    assert!(String::from_utf8_lossy(&dup.stderr).contains("already exists"));
    let bad = run(
        &[
            "user",
            "add",
            "x",
            "--role",
            "sales",
            "--password",
            "s3cret-pw",
        ],
        &db,
    );
    assert!(!bad.status.success(), "a one-letter user name is refused");

    let out = run(&["token", "create", "--user", "ann"], &db);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let token = stdout.lines().last().unwrap().trim().to_string();
    assert!(token.starts_with("llt_"));
    let (status, body) = http(port, "GET", "/api/v1/me", &token);
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("\"username\":\"ann\""));

    // The fetch runs in the background: wait for it, up to 10 s.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let (status, body) = http(port, "GET", "/api/v1/rates?base=EUR", &token);
        assert_eq!(status, 200, "{body}");
        if body.contains("\"source\":\"ecb\"") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the daily fetch ran at start: {body}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    let list = String::from_utf8(run(&["user", "list"], &db).stdout).unwrap();
    assert!(list.contains("ann") && list.contains("manager"));
    assert!(run(&["user", "disable", "ann"], &db).status.success());
    assert_eq!(
        http(port, "GET", "/api/v1/me", &token).0,
        401,
        "disabling revokes tokens"
    );
    let missing = run(&["token", "create", "--user", "nobody"], &db);
    assert!(
        !missing.status.success()
            && String::from_utf8_lossy(&missing.stderr).contains("no user named")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_unsupported_database_url_is_a_clear_error() {
    let out = run(&["migrate"], "mysql://root@localhost/x");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unsupported database url"));
}

#[test]
fn inquiry_analyze_reads_jsonl_eml_and_stdin() {
    use std::io::Write as _;
    let mut child = Command::new(BIN)
        .args(["inquiry", "analyze", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"id\": 7, \"text\": \"Need 2x40HQ of 20mm plywood, CIF Lagos, T/T 30/70\"}\n{oops\n{\"id\": \"x\"}\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "one line per input, bad ones included");
    assert_eq!(lines[0]["id"], 7);
    assert!(
        lines[0]["completeness"]["grade"].is_string() && lines[0]["facts"]["buyer"].is_object()
    );
    assert!(lines[1]["error"].is_string());
    assert_eq!(lines[2]["id"], "x");
    assert!(lines[2]["error"].is_string());

    let dir = std::env::temp_dir().join(format!("ll-cli-eml-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let eml = dir.join("rfq.eml");
    std::fs::write(&eml, "From: A <a@acme-licht.de>\r\nSubject: RFQ\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>We need <b>1000 pcs</b> LED panels 600x600 40W, CE, FOB Ningbo. <a href=\"https://acme-licht.de\">our site</a></p>\r\n").unwrap();
    let out = Command::new(BIN)
        .args(["inquiry", "analyze", "--format", "json"])
        .arg(&eml)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["facts"]["quantity"], 1000);
    let text = Command::new(BIN)
        .args(["inquiry", "analyze"])
        .arg(&eml)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("Completeness"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn ecb_rates_import_all_or_nothing_and_give_cross_rates() {
    let dir = std::env::temp_dir().join(format!("ll-cli-ecb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = format!("sqlite://{}", dir.join("rates.db").display());
    let fixture = |name: &str| format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let broken = run(&["rates", "import-ecb", &fixture("ecb-broken.xml")], &db);
    assert!(!broken.status.success());
    let err = String::from_utf8_lossy(&broken.stderr);
    assert!(err.contains("line 6"), "the error names the line: {err}");
    let none = run(
        &["rates", "show", "USD", "CNY", "--date", "2026-12-03"],
        &db,
    );
    assert!(!none.status.success(), "nothing was imported");

    let out = run(&["rates", "import-ecb", &fixture("ecb-daily.xml")], &db);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("imported 5 ECB rates for 1 day(s), 2026-12-03")
    );
    let out = run(&["rates", "import-ecb", &fixture("ecb-hist.xml")], &db);
    assert!(String::from_utf8_lossy(&out.stdout).contains("2 day(s), 2026-12-01 to 2026-12-02"));
    // 7.4550 CNY per EUR / 1.05 USD per EUR = 7.1 CNY per USD.
    let show = String::from_utf8(
        run(
            &["rates", "show", "USD", "CNY", "--date", "2026-12-03"],
            &db,
        )
        .stdout,
    )
    .unwrap();
    assert_eq!(show.trim(), "1 USD = 7.1 CNY (2026-12-03, ecb_cross)");
    let show = String::from_utf8(
        run(
            &["rates", "show", "usd", "cny", "--date", "2026-12-02"],
            &db,
        )
        .stdout,
    )
    .unwrap();
    assert!(show.contains("2026-12-02"), "{show}");
    let show = String::from_utf8(
        run(
            &["rates", "show", "EUR", "JPY", "--date", "2026-12-05"],
            &db,
        )
        .stdout,
    )
    .unwrap();
    assert!(
        show.starts_with("1 EUR = 157.2 JPY (2026-12-03"),
        "the latest day on or before: {show}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A local file server for the fetch test: `/NAME` answers the fixture NAME, anything else 404.
/// Serves until the test process ends.
fn file_server() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            let mut buf = [0u8; 4096];
            let n = s.read(&mut buf).unwrap_or(0);
            let req = String::from_utf8_lossy(&buf[..n]);
            let path = req.split_whitespace().nth(1).unwrap_or("/");
            let file = format!(
                "{}/tests/fixtures/{}",
                env!("CARGO_MANIFEST_DIR"),
                path.trim_start_matches('/')
            );
            let (status, body) = match std::fs::read(&file) {
                Ok(b) if !path.contains("..") => ("200 OK", b),
                _ => ("404 Not Found", b"not found".to_vec()),
            };
            let _ = write!(
                s,
                "HTTP/1.1 {status}\r\nContent-Type: application/xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = s.write_all(&body);
        }
    });
    port
}

#[test]
fn rates_fetch_downloads_the_ecb_file_and_imports_it_all_or_nothing() {
    let dir = std::env::temp_dir().join(format!("ll-cli-fetch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = format!("sqlite://{}", dir.join("rates.db").display());
    let port = file_server();
    let url = |name: &str| format!("http://127.0.0.1:{port}/{name}");
    for (name, want) in [("ecb-broken.xml", "line 6"), ("missing.xml", "404")] {
        let out = run(&["rates", "fetch", "--url", &url(name)], &db);
        assert!(!out.status.success(), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{name}: {err}");
    }
    let none = run(
        &["rates", "show", "USD", "CNY", "--date", "2026-12-03"],
        &db,
    );
    assert!(!none.status.success(), "nothing was imported");
    let out = run(&["rates", "fetch", "--url", &url("ecb-daily.xml")], &db);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("imported 5 ECB rates for 1 day(s), 2026-12-03")
    );
    let show = run(
        &["rates", "show", "USD", "CNY", "--date", "2026-12-03"],
        &db,
    );
    assert_eq!(
        String::from_utf8_lossy(&show.stdout).trim(),
        "1 USD = 7.1 CNY (2026-12-03, ecb_cross)"
    );
    let bad = run(&["rates", "fetch", "--url", "ftp://example.org/x.xml"], &db);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not an http(s) URL"));
    let _ = std::fs::remove_dir_all(&dir);
}
