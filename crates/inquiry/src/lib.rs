//! Why this module exists: the inquiry reader turns one buyer message (pasted text, e-mail or a
//! JSONL record) into an [`Analysis`] — extracted facts, a completeness grade, scam/junk risk with
//! reasons, and the clarifying questions a salesperson can paste into a reply.
//!
//! The crate is pure: no IO, no global state beyond lazily built keyword tables, and no panics on
//! any input. The JSON serialisation of [`Analysis`] is the `--jsonl` output contract minus `id`.
//!
//! Wiring for `leadledger inquiry analyze [FILE…]` (the CLI does the IO):
//!
//! - `.eml` file → [`parse_eml`]; `.mbox` file → [`parse_mbox`] (one result per message);
//!   any other file or stdin → [`message_from_text`] (after lossy UTF-8 decoding);
//! - then [`analyze`]; print [`Analysis::to_text`] for `--format text`, or
//!   `serde_json::to_string(&analysis)` for `--format json`;
//! - `--jsonl`: for each input line print `analyze_jsonl_line(line).to_string()`; a bad line gives
//!   `{"id": …, "error": "…"}` and the run goes on;
//! - errors ([`InquiryError`]) display as clear lowercase messages, e.g.
//!   `message too large: 2000000 bytes, the limit is 1048576 bytes`.
//!
//! ```
//! use leadledger_inquiry::{analyze, message_from_text};
//! let msg = message_from_text("Need 1000 pcs 100W LED flood lights, IP65, CE, FOB Ningbo, for Germany. Lead time?").unwrap();
//! let a = analyze(&msg);
//! assert_eq!(a.completeness.grade.as_str(), "high");
//! assert_eq!(a.facts.quantity, Some(1000.0));
//! ```

mod buyer;
mod completeness;
mod domains;
mod email;
mod facts;
mod fx;
mod jsonl;
mod lang;
mod lexicon;
mod numbers;
mod product;
mod quantity;
mod questions;
mod report;
mod risk;
mod specs;
mod text;

use serde::Serialize;

pub use domains::{DomainKind, domain_of, email_domain_kind, lookalike_of};
pub use email::{parse_eml, parse_mbox};
pub use jsonl::analyze_jsonl_line;
pub use numbers::parse_number;

/// Largest single message accepted (text, `.eml` or JSONL line), in bytes.
pub const MAX_MESSAGE_BYTES: usize = 1024 * 1024;
/// Largest `.mbox` file accepted, in bytes.
pub const MAX_MBOX_BYTES: usize = 64 * 1024 * 1024;

/// One inquiry as received: body text plus whatever headers and attachments are known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub subject: Option<String>,
    pub from: Option<String>,
    pub reply_to: Option<String>,
    pub links: Vec<String>,
    pub attachments: Vec<String>,
}

/// Errors while turning bytes into a [`Message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InquiryError {
    /// The input is larger than the accepted limit.
    TooLarge { size: usize, limit: usize },
    /// The input is not a readable e-mail message.
    NotAnEmail(String),
    /// The input is not valid JSON or misses a field.
    BadRecord(String),
}

impl std::fmt::Display for InquiryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InquiryError::TooLarge { size, limit } => {
                write!(
                    f,
                    "message too large: {size} bytes, the limit is {limit} bytes"
                )
            }
            InquiryError::NotAnEmail(why) => write!(f, "not a readable e-mail: {why}"),
            InquiryError::BadRecord(why) => write!(f, "bad record: {why}"),
        }
    }
}

impl std::error::Error for InquiryError {}

/// Completeness grade of an inquiry (rubric: specific product, quantity, destination, further terms).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    High,
    Medium,
    Low,
}

impl Grade {
    pub fn as_str(self) -> &'static str {
        match self {
            Grade::High => "high",
            Grade::Medium => "medium",
            Grade::Low => "low",
        }
    }
}

/// How worried a salesperson should be about a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RiskLevel {
    None,
    Low,
    Medium,
    High,
}

impl RiskLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            RiskLevel::None => "none",
            RiskLevel::Low => "low",
            RiskLevel::Medium => "medium",
            RiskLevel::High => "high",
        }
    }
}

/// Who the buyer seems to be.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Buyer {
    pub company: Option<String>,
    pub website: Option<String>,
    pub email_domain_kind: DomainKind,
}

/// Facts read from the message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Facts {
    pub product: Option<String>,
    #[serde(serialize_with = "numbers::serialize_quantity")]
    pub quantity: Option<f64>,
    pub unit: Option<String>,
    pub specs: Vec<String>,
    pub certifications: Vec<String>,
    pub incoterm: Option<String>,
    pub place: Option<String>,
    pub target_market: Option<String>,
    pub payment_terms: Option<String>,
    pub asks_lead_time: bool,
    pub asks_sample: bool,
    pub asks_moq: bool,
    pub asks_catalog: bool,
    pub target_price: Option<String>,
    pub buyer: Buyer,
}

/// Completeness judgement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Completeness {
    pub grade: Grade,
    pub score: u8,
    pub present: Vec<String>,
    pub missing: Vec<String>,
}

/// Risk judgement: `scam` implies `junk`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Risk {
    pub scam: bool,
    pub junk: bool,
    pub level: RiskLevel,
    pub reasons: Vec<String>,
}

/// Everything the reader says about one message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub language: String,
    pub completeness: Completeness,
    pub risk: Risk,
    pub facts: Facts,
    pub questions: Vec<String>,
}

impl Analysis {
    /// Readable multi-line report for `--format text`.
    pub fn to_text(&self) -> String {
        report::to_text(self)
    }
}

/// Wraps plain text as a [`Message`], refusing text over [`MAX_MESSAGE_BYTES`].
pub fn message_from_text(text: &str) -> Result<Message, InquiryError> {
    if text.len() > MAX_MESSAGE_BYTES {
        return Err(InquiryError::TooLarge {
            size: text.len(),
            limit: MAX_MESSAGE_BYTES,
        });
    }
    Ok(Message {
        text: text.to_string(),
        ..Message::default()
    })
}

/// Reads one inquiry. Pure, never panics; text beyond [`MAX_MESSAGE_BYTES`] is ignored.
pub fn analyze(msg: &Message) -> Analysis {
    let doc = text::Doc::new(msg);
    let scan = lexicon::scan_full(&doc);
    let language = lang::detect(&doc, &scan.stop);
    let hits = scan.hits;
    let (facts, signals) = facts::extract(&doc, msg, &hits, &scan.flags);
    let completeness = completeness::judge(&facts, &signals);
    let risk = risk::judge(&doc, msg, &facts, &signals, &completeness);
    let questions = if risk.junk {
        Vec::new()
    } else {
        questions::for_missing(language, &completeness, &facts, &signals)
    };
    Analysis {
        language: language.to_string(),
        completeness,
        risk,
        facts,
        questions,
    }
}

/// Builds the keyword tables ahead of time (optional; the first [`analyze`] call does it too).
pub fn warm_up() {
    lexicon::warm_up();
}

/// Feeds arbitrary bytes through every entry point; used by the fuzz target and the smoke test.
#[doc(hidden)]
pub fn fuzz_entry(data: &[u8]) {
    if let Ok(m) = parse_eml(data) {
        let a = analyze(&m);
        let _ = a.to_text();
    }
    for m in parse_mbox(data).into_iter().flatten().take(16) {
        let _ = analyze(&m);
    }
    let text = String::from_utf8_lossy(data);
    if let Ok(m) = message_from_text(&text) {
        let a = analyze(&m);
        let _ = serde_json::to_string(&a);
    }
    let _ = analyze_jsonl_line(&text);
}
