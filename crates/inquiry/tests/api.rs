//! Why this module exists: pins the public contract the CLI relies on — the JSON shape of
//! `Analysis` (field names, order, nulls and empty lists), the readable text report, and the
//! seed article's two example inquiries.

use leadledger_inquiry::{Message, analyze, analyze_jsonl_line, message_from_text};
use serde_json::Value;

fn keys(v: &Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

#[test]
fn seed_examples() {
    let a =
        analyze(&message_from_text("Hi, please send me your best price for LED lights.").unwrap());
    assert_eq!(a.completeness.grade.as_str(), "low");
    assert!(!a.risk.junk);
    assert!(!a.questions.is_empty());
    let b = analyze(&message_from_text("We are looking for 1000 pcs 100W outdoor LED flood lights, 5000K, IP65, with CE and RoHS, target market is Germany. Please quote FOB Ningbo and lead time.").unwrap());
    assert_eq!(b.completeness.grade.as_str(), "high");
    assert_eq!(b.facts.quantity, Some(1000.0));
    assert_eq!(b.facts.unit.as_deref(), Some("pcs"));
    assert_eq!(b.facts.incoterm.as_deref(), Some("FOB"));
    assert_eq!(b.facts.place.as_deref(), Some("Ningbo"));
    assert_eq!(b.facts.target_market.as_deref(), Some("Germany"));
    assert_eq!(
        b.facts.certifications,
        vec!["CE".to_string(), "RoHS".to_string()]
    );
    assert!(b.facts.asks_lead_time);
    let text = b.to_text();
    assert!(text.contains("Completeness:  high"), "{text}");
}

#[test]
fn json_contract_shape() {
    let v = analyze_jsonl_line(r#"{"id":"x1","text":"hello","from":"a@gmail.com"}"#);
    assert_eq!(
        keys(&v),
        [
            "id",
            "language",
            "completeness",
            "risk",
            "facts",
            "questions"
        ]
    );
    assert_eq!(
        keys(&v["completeness"]),
        ["grade", "score", "present", "missing"]
    );
    assert_eq!(keys(&v["risk"]), ["scam", "junk", "level", "reasons"]);
    assert_eq!(
        keys(&v["facts"]),
        [
            "product",
            "quantity",
            "unit",
            "specs",
            "certifications",
            "incoterm",
            "place",
            "target_market",
            "payment_terms",
            "asks_lead_time",
            "asks_sample",
            "asks_moq",
            "asks_catalog",
            "target_price",
            "buyer"
        ]
    );
    assert_eq!(
        keys(&v["facts"]["buyer"]),
        ["company", "website", "email_domain_kind"]
    );
    assert_eq!(v["facts"]["quantity"], Value::Null);
    assert_eq!(v["facts"]["specs"], Value::Array(vec![]));
    assert_eq!(v["facts"]["buyer"]["email_domain_kind"], "free_mail");
    assert!(["none", "low", "medium", "high"].contains(&v["risk"]["level"].as_str().unwrap()));
}

#[test]
fn questions_follow_language() {
    let a = analyze(&Message {
        text: "你好,请发产品目录和价格表。".into(),
        ..Message::default()
    });
    assert_eq!(a.language, "zh");
    assert!(
        a.questions
            .iter()
            .all(|q| q.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))),
        "{:?}",
        a.questions
    );
    let s = analyze(&Message {
        text: "Hola, necesito precio de sillas".into(),
        ..Message::default()
    });
    assert_eq!(s.language, "es");
    assert!(s.questions.iter().any(|q| q.starts_with('¿')));
}

#[test]
fn phishing_is_scam_with_reasons() {
    let m = Message {
        text: "Dear Supplier, you have 3 pending inquiries. Login to view: https://alibaba-support.com/login".into(),
        from: Some("Alibaba <notice@alibaba-support.com>".into()),
        ..Message::default()
    };
    let a = analyze(&m);
    assert!(a.risk.scam && a.risk.junk);
    assert_eq!(a.risk.level.as_str(), "high");
    assert!(a.risk.reasons.iter().any(|r| r.contains("alibaba")));
    assert!(a.questions.is_empty());
}
