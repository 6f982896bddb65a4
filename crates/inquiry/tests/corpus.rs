//! Why this module exists: the labelled corpus in `corpus/*.jsonl` is the quality gate of the
//! reader. This test runs every message through [`analyze`], prints precision/recall per field,
//! grade agreement and per-language figures, and fails when a figure drops below its floor.

use leadledger_inquiry::{Message, analyze};
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Default)]
struct Pr {
    tp: u32,
    fp: u32,
    fn_: u32,
}

impl Pr {
    fn add(&mut self, predicted: bool, expected: bool, correct: bool) {
        match (predicted, expected) {
            (true, true) if correct => self.tp += 1,
            (true, true) => {
                self.fp += 1;
                self.fn_ += 1;
            }
            (true, false) => self.fp += 1,
            (false, true) => self.fn_ += 1,
            (false, false) => {}
        }
    }
    fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            f64::from(self.tp) / f64::from(self.tp + self.fp)
        }
    }
    fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            f64::from(self.tp) / f64::from(self.tp + self.fn_)
        }
    }
}

fn load(sub: &str) -> Vec<Value> {
    let dir = format!("{}/corpus{sub}", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("read corpus");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            out.push(serde_json::from_str(line).expect("corpus line is JSON"));
        }
    }
    out
}

fn s(v: &Value, k: &str) -> Option<String> {
    v.get(k).and_then(Value::as_str).map(str::to_string)
}

fn list(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

struct Floors {
    fields: &'static [(&'static str, f64, f64)],
    grade: f64,
    language: f64,
}

#[test]
fn corpus_quality() {
    let items = load("");
    assert!(items.len() >= 200, "corpus has {} messages", items.len());
    // Floors: set a little below the measured figures (see docs/inquiry-quality.md).
    let floors = Floors {
        fields: &[
            ("scam", 0.95, 0.95),
            ("junk", 0.95, 0.95),
            ("product", 0.92, 0.92),
            ("quantity", 0.92, 0.90),
            ("unit", 0.90, 0.90),
            ("incoterm", 0.95, 0.95),
            ("target_market", 0.92, 0.92),
            ("certifications", 0.90, 0.95),
        ],
        grade: 0.90,
        language: 0.95,
    };
    evaluate("development corpus", &items, &floors);
}

/// Messages written after the rules were tuned and never used to tune them: a fairer estimate.
#[test]
fn holdout_quality() {
    let items = load("/holdout");
    assert!(items.len() >= 30, "holdout has {} messages", items.len());
    let floors = Floors {
        fields: &[
            ("scam", 0.80, 0.80),
            ("junk", 0.75, 0.75),
            ("product", 0.80, 0.75),
            ("quantity", 0.75, 0.65),
            ("unit", 0.65, 0.60),
            ("incoterm", 0.80, 0.80),
            ("target_market", 0.70, 0.60),
            ("certifications", 0.60, 0.60),
        ],
        grade: 0.55,
        language: 0.85,
    };
    evaluate("held-out set", &items, &floors);
}

/// A second set written after the second round of rules (which looked at the first held-out
/// set's misses); never used for tuning.
#[test]
fn holdout2_quality() {
    let items = load("/holdout2");
    assert!(items.len() >= 20, "holdout2 has {} messages", items.len());
    let floors = Floors {
        fields: &[
            ("scam", 0.75, 0.75),
            ("junk", 0.75, 0.75),
            ("product", 0.75, 0.70),
            ("quantity", 0.70, 0.60),
            ("unit", 0.60, 0.55),
            ("incoterm", 0.75, 0.75),
            ("target_market", 0.60, 0.50),
            ("certifications", 0.50, 0.50),
        ],
        grade: 0.50,
        language: 0.80,
    };
    evaluate("second held-out set", &items, &floors);
}

/// A third set written after the round-3 rules; never used for tuning.
#[test]
fn holdout3_quality() {
    let items = load("/holdout3");
    assert!(items.len() >= 15, "holdout3 has {} messages", items.len());
    let floors = Floors {
        fields: &[
            ("scam", 0.65, 0.65),
            ("junk", 0.65, 0.65),
            ("product", 0.65, 0.60),
            ("quantity", 0.60, 0.50),
            ("unit", 0.50, 0.45),
            ("incoterm", 0.65, 0.65),
            ("target_market", 0.50, 0.40),
            ("certifications", 0.50, 0.50),
        ],
        grade: 0.45,
        language: 0.80,
    };
    evaluate("third held-out set", &items, &floors);
}

fn evaluate(name: &str, items: &[Value], floors: &Floors) {
    let mut fields: BTreeMap<&str, Pr> = BTreeMap::new();
    let mut grade_ok = 0u32;
    let mut grade_off_by_two = 0u32;
    let mut lang_ok = 0u32;
    let mut by_lang: BTreeMap<String, (u32, u32, u32, u32)> = BTreeMap::new();
    let mut confusion: BTreeMap<(String, String), u32> = BTreeMap::new();
    let verbose = std::env::var("CORPUS_VERBOSE").is_ok();
    for it in items {
        let msg = Message {
            text: s(it, "text").unwrap_or_default(),
            subject: s(it, "subject"),
            from: s(it, "from"),
            reply_to: s(it, "reply_to"),
            links: list(&it["links"]),
            attachments: list(&it["attachments"]),
        };
        let a = analyze(&msg);
        let e = &it["expect"];
        let lang = s(it, "language").unwrap_or_default();
        let g_exp = s(e, "grade").unwrap_or_default();
        let g_got = a.completeness.grade.as_str().to_string();
        let entry = by_lang.entry(lang.clone()).or_default();
        entry.0 += 1;
        if g_exp == g_got {
            grade_ok += 1;
            entry.1 += 1;
        } else if (g_exp == "high" && g_got == "low") || (g_exp == "low" && g_got == "high") {
            grade_off_by_two += 1;
        }
        if a.language == lang {
            lang_ok += 1;
            entry.2 += 1;
        }
        *confusion.entry((g_exp.clone(), g_got.clone())).or_default() += 1;
        let scam_exp = e["scam"].as_bool().unwrap_or(false);
        let junk_exp = e["junk"].as_bool().unwrap_or(false);
        fields
            .entry("scam")
            .or_default()
            .add(a.risk.scam, scam_exp, true);
        fields
            .entry("junk")
            .or_default()
            .add(a.risk.junk, junk_exp, true);
        if a.risk.scam == scam_exp && a.risk.junk == junk_exp {
            entry.3 += 1;
        }
        fields.entry("product").or_default().add(
            a.facts.product.is_some(),
            e["product"].as_bool().unwrap_or(false),
            true,
        );
        let q_exp = e["quantity"].as_f64();
        fields.entry("quantity").or_default().add(
            a.facts.quantity.is_some(),
            q_exp.is_some(),
            a.facts.quantity == q_exp,
        );
        let u_exp = s(e, "unit");
        if q_exp.is_some() || a.facts.quantity.is_some() {
            fields.entry("unit").or_default().add(
                a.facts.unit.is_some(),
                u_exp.is_some(),
                a.facts.unit == u_exp,
            );
        }
        let i_exp = s(e, "incoterm");
        fields.entry("incoterm").or_default().add(
            a.facts.incoterm.is_some(),
            i_exp.is_some(),
            a.facts.incoterm == i_exp,
        );
        let m_exp = s(e, "target_market");
        fields.entry("target_market").or_default().add(
            a.facts.target_market.is_some(),
            m_exp.is_some(),
            a.facts.target_market == m_exp,
        );
        let c_exp = list(&e["certifications"]);
        let cert = fields.entry("certifications").or_default();
        for c in &a.facts.certifications {
            if c_exp.contains(c) {
                cert.tp += 1
            } else {
                cert.fp += 1
            }
        }
        for c in &c_exp {
            if !a.facts.certifications.contains(c) {
                cert.fn_ += 1;
            }
        }
        if verbose
            && (g_exp != g_got
                || a.risk.scam != scam_exp
                || a.risk.junk != junk_exp
                || a.facts.quantity != q_exp
                || a.facts.target_market != m_exp
                || a.facts.product.is_some() != e["product"].as_bool().unwrap_or(false))
        {
            println!(
                "{}: grade {g_exp}->{g_got} scam {scam_exp}->{} junk {junk_exp}->{} qty {:?}->{:?} {:?} market {:?}->{:?} product {:?} specs {:?} reasons {:?}",
                s(it, "id").unwrap_or_default(),
                a.risk.scam,
                a.risk.junk,
                q_exp,
                a.facts.quantity,
                a.facts.unit,
                m_exp,
                a.facts.target_market,
                a.facts.product,
                a.facts.specs,
                a.risk.reasons
            );
        }
    }
    let n = items.len() as f64;
    println!(
        "\n{name}: {} messages, {} languages",
        items.len(),
        by_lang.len()
    );
    println!("{:<16} {:>9} {:>7}", "field", "precision", "recall");
    for (k, pr) in &fields {
        println!("{:<16} {:>9.3} {:>7.3}", k, pr.precision(), pr.recall());
    }
    let grade_acc = f64::from(grade_ok) / n;
    println!(
        "grade agreement {:.3} ({grade_ok}/{}), high<->low swaps {grade_off_by_two}",
        grade_acc,
        items.len()
    );
    println!("language accuracy {:.3}", f64::from(lang_ok) / n);
    println!("confusion (expected -> got): {confusion:?}");
    println!(
        "{:<5} {:>4} {:>6} {:>6} {:>6}",
        "lang", "n", "grade", "lang", "risk"
    );
    for (l, (t, g, la, r)) in &by_lang {
        let t = f64::from(*t);
        println!(
            "{:<5} {:>4} {:>6.2} {:>6.2} {:>6.2}",
            l,
            t,
            f64::from(*g) / t,
            f64::from(*la) / t,
            f64::from(*r) / t
        );
    }
    let mut failures = Vec::new();
    for (k, p, r) in floors.fields {
        let pr = &fields[k];
        if pr.precision() < *p || pr.recall() < *r {
            failures.push(format!(
                "{k}: precision {:.3} (floor {p}), recall {:.3} (floor {r})",
                pr.precision(),
                pr.recall()
            ));
        }
    }
    if grade_acc < floors.grade {
        failures.push(format!(
            "grade agreement {grade_acc:.3} below {}",
            floors.grade
        ));
    }
    if f64::from(lang_ok) / n < floors.language {
        failures.push(format!("language accuracy below {}", floors.language));
    }
    assert!(
        failures.is_empty(),
        "{name}: quality below floor:\n{}",
        failures.join("\n")
    );
}
