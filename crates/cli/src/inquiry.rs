//! `leadledger inquiry analyze`: reads inquiries from files or stdin (text, `.eml`, `.mbox`, or
//! JSON lines) and prints what the reader finds.

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use leadledger_inquiry::{
    Message, analyze, analyze_jsonl_line, message_from_text, parse_eml, parse_mbox,
};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Args)]
pub struct AnalyzeArgs {
    /// Files to read: `.eml` (an e-mail), `.mbox` (many), anything else as plain text. Stdin when none.
    files: Vec<PathBuf>,
    /// Output format for files and stdin (ignored with --jsonl).
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Read one JSON object per line ({"id", "text", "subject"?, "from"?, "reply_to"?}) and write one line per input.
    #[arg(long)]
    jsonl: bool,
}

fn looks_like_email(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let block = head.split("\n\n").next().unwrap_or("");
    let headers = [
        "from:",
        "subject:",
        "to:",
        "date:",
        "message-id:",
        "mime-version:",
        "received:",
        "reply-to:",
    ];
    let lines: Vec<&str> = block.lines().collect();
    !lines.is_empty()
        && lines
            .iter()
            .filter(|l| {
                headers
                    .iter()
                    .any(|h| l.to_ascii_lowercase().starts_with(h))
            })
            .count()
            >= 2
}

/// Turns one input into messages, each with an id for the output.
fn messages_of(name: &str, bytes: &[u8]) -> Vec<(String, Result<Message, String>)> {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".mbox") || bytes.starts_with(b"From ") {
        parse_mbox(bytes)
            .into_iter()
            .enumerate()
            .map(|(i, m)| (format!("{name}#{}", i + 1), m.map_err(|e| e.to_string())))
            .collect()
    } else if lower.ends_with(".eml") || looks_like_email(bytes) {
        vec![(
            name.to_string(),
            parse_eml(bytes).map_err(|e| e.to_string()),
        )]
    } else {
        let text = String::from_utf8_lossy(bytes);
        vec![(
            name.to_string(),
            message_from_text(&text).map_err(|e| e.to_string()),
        )]
    }
}

pub fn analyze_cmd(args: AnalyzeArgs) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.jsonl {
        let readers: Vec<Box<dyn BufRead>> = if args.files.is_empty() {
            vec![Box::new(BufReader::new(std::io::stdin()))]
        } else {
            args.files
                .iter()
                .map(|p| -> Result<Box<dyn BufRead>> {
                    Ok(Box::new(BufReader::new(
                        std::fs::File::open(p)
                            .with_context(|| format!("cannot open {}", p.display()))?,
                    )))
                })
                .collect::<Result<_>>()?
        };
        for reader in readers {
            for (n, line) in reader.split(b'\n').enumerate() {
                let line = line.context("failed to read input")?;
                let text = String::from_utf8_lossy(&line);
                if text.trim().is_empty() {
                    continue;
                }
                let v = match std::str::from_utf8(&line) {
                    Ok(s) => analyze_jsonl_line(s.trim_end_matches('\r')),
                    Err(_) => {
                        json!({"id": null, "error": format!("line {}: not valid UTF-8", n + 1)})
                    }
                };
                serde_json::to_writer(&mut out, &v)?;
                out.write_all(b"\n")?;
            }
        }
        out.flush()?;
        return Ok(());
    }
    let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
    if args.files.is_empty() {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("failed to read stdin")?;
        inputs.push(("stdin".into(), buf));
    } else {
        for p in &args.files {
            let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
            inputs.push((p.display().to_string(), bytes));
        }
    }
    let mut failures = 0;
    let mut json_items: Vec<Value> = Vec::new();
    for (name, bytes) in inputs {
        for (id, m) in messages_of(&name, &bytes) {
            match m {
                Ok(m) => {
                    let a = analyze(&m);
                    match args.format {
                        Format::Text => {
                            writeln!(out, "== {id}")?;
                            writeln!(out, "{}", a.to_text())?;
                        }
                        Format::Json => {
                            let mut v = json!({"id": id});
                            if let (Value::Object(o), Ok(Value::Object(a))) =
                                (&mut v, serde_json::to_value(&a))
                            {
                                o.extend(a);
                            }
                            json_items.push(v);
                        }
                    }
                }
                Err(e) => {
                    failures += 1;
                    eprintln!("{id}: {e}");
                    if let Format::Json = args.format {
                        json_items.push(json!({"id": id, "error": e}));
                    }
                }
            }
        }
    }
    if let Format::Json = args.format {
        let doc = if json_items.len() == 1 {
            json_items.remove(0)
        } else {
            Value::Array(json_items)
        };
        serde_json::to_writer_pretty(&mut out, &doc)?;
        writeln!(out)?;
    }
    out.flush()?;
    if failures > 0 {
        bail!("{failures} input(s) could not be read");
    }
    Ok(())
}
