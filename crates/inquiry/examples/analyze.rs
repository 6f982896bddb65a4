//! Why this module exists: a quick way to try the reader before the CLI is wired —
//! `cargo run -p leadledger-inquiry --example analyze -- [--json] [FILE]` reads a text, `.eml`
//! or `.mbox` file (stdin when no file is given) and prints the analysis.

use leadledger_inquiry::{analyze, message_from_text, parse_eml, parse_mbox};
use std::io::Read;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let file = args.iter().find(|a| !a.starts_with("--"));
    let mut bytes = Vec::new();
    let read = match file {
        Some(f) => std::fs::File::open(f).and_then(|mut h| h.read_to_end(&mut bytes)),
        None => std::io::stdin().read_to_end(&mut bytes),
    };
    if let Err(e) = read {
        eprintln!("cannot read input: {e}");
        std::process::exit(1);
    }
    let msgs = match file.map(|f| f.to_ascii_lowercase()) {
        Some(f) if f.ends_with(".eml") => vec![parse_eml(&bytes)],
        Some(f) if f.ends_with(".mbox") => parse_mbox(&bytes),
        _ => vec![message_from_text(&String::from_utf8_lossy(&bytes))],
    };
    for m in msgs {
        match m {
            Ok(m) => {
                let a = analyze(&m);
                if json {
                    println!("{}", serde_json::to_string(&a).unwrap_or_default());
                } else {
                    println!("{}", a.to_text());
                }
            }
            Err(e) => eprintln!("error: {e}"),
        }
    }
}
