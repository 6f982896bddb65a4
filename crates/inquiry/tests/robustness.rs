//! Why this module exists: the reader faces hostile input (any bytes, huge or deeply nested MIME,
//! empty files). These tests prove it never panics and refuses oversize input with a clear error;
//! the seeded mutation loop is the stable-toolchain stand-in for the cargo-fuzz target.

use leadledger_inquiry::{
    InquiryError, MAX_MESSAGE_BYTES, Message, analyze, analyze_jsonl_line, fuzz_entry,
    message_from_text, parse_eml, parse_mbox,
};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn analyze_never_panics(text in any::<String>(), subject in proptest::option::of(any::<String>()), from in proptest::option::of("[a-z0-9.@<> -]{0,40}")) {
        let m = Message { text, subject, from, ..Message::default() };
        let a = analyze(&m);
        prop_assert!(a.completeness.score <= 100);
        prop_assert!(!a.risk.scam || a.risk.junk);
    }

    #[test]
    fn bytes_never_panic(data in proptest::collection::vec(any::<u8>(), 0..2048)) {
        fuzz_entry(&data);
    }

    #[test]
    fn trade_like_text_never_panics(text in "([0-9]{1,6}[.,' ]?[0-9]{0,3} ?(pcs|x40HQ|万件|一千个|шт|%|W|K|mm|x) ?(FOB|CIF|Ningbo|LED|T/T|CE|İstanbul|价格)?[ ,.\n]?){0,30}") {
        let _ = analyze(&Message { text, ..Message::default() });
    }
}

/// Small deterministic PRNG (xorshift) so the smoke run is reproducible without extra crates.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn seeds() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.path().extension().is_some_and(|x| x == "jsonl") {
            for line in std::fs::read_to_string(e.path()).unwrap().lines() {
                out.push(line.as_bytes().to_vec());
            }
        }
    }
    out.push(b"From: a <a@b.c>\r\nSubject: =?UTF-8?B?5L2g5aW9?=\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: text/html\r\n\r\n<a href='http://a1ibaba.com'>view</a>\r\n--x--\r\n".to_vec());
    out
}

/// Seeded mutation fuzzing over the corpus and e-mail seeds: a few thousand inputs.
#[test]
fn mutation_smoke_fuzz() {
    let seeds = seeds();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let dict: &[&[u8]] = &[
        b"\r\n\r\n",
        b"--",
        b"boundary=",
        b"Content-Type: multipart/mixed; boundary=b\r\n",
        b"=?utf-8?q?",
        b"\xff\xfe",
        b"<a href=",
        b"&#x",
        b"From ",
        b"\xe4\xb8\x87",
        b"1,000",
        b"40HQ",
        b"\x00",
    ];
    for round in 0..4000 {
        let mut data = seeds[rng.below(seeds.len())].clone();
        for _ in 0..1 + rng.below(8) {
            match rng.below(5) {
                0 if !data.is_empty() => {
                    let i = rng.below(data.len());
                    data[i] = rng.next() as u8;
                }
                1 if !data.is_empty() => {
                    let i = rng.below(data.len());
                    let j = (i + rng.below(64)).min(data.len());
                    data.drain(i..j);
                }
                2 => {
                    let i = rng.below(data.len() + 1);
                    let d = dict[rng.below(dict.len())];
                    data.splice(i..i, d.iter().copied());
                }
                3 => {
                    let other = &seeds[rng.below(seeds.len())];
                    let i = rng.below(data.len() + 1);
                    data.splice(i..i, other.iter().copied().take(200));
                }
                _ => {
                    let n = rng.below(64);
                    data.extend((0..n).map(|_| rng.next() as u8));
                }
            }
        }
        if round % 2 == 0 {
            fuzz_entry(&data);
        } else {
            let _ = analyze(&Message {
                text: String::from_utf8_lossy(&data).into_owned(),
                ..Message::default()
            });
        }
    }
}

#[test]
fn deeply_nested_mime_and_empty_input() {
    let mut raw = String::from("From: x@y.com\r\nSubject: nest\r\n");
    for i in 0..200 {
        raw.push_str(&format!(
            "Content-Type: multipart/mixed; boundary=b{i}\r\n\r\n--b{i}\r\n"
        ));
    }
    raw.push_str("Content-Type: text/plain\r\n\r\nNeed 100 pcs\r\n");
    let _ = parse_eml(raw.as_bytes());
    let mut fwd = String::new();
    for _ in 0..50 {
        fwd.push_str("Content-Type: message/rfc822\r\n\r\n");
    }
    fwd.push_str("Subject: inner\r\n\r\nhello");
    let _ = parse_eml(fwd.as_bytes());
    assert!(parse_eml(b"").is_err());
    assert!(parse_eml(b"   \n").is_err());
    assert!(parse_mbox(b"").first().is_some_and(Result::is_err));
    let _ = analyze(&Message::default());
    let v = analyze_jsonl_line("");
    assert!(v["error"].as_str().is_some());
}

#[test]
fn oversize_is_refused_clearly() {
    let big = "a".repeat(MAX_MESSAGE_BYTES + 1);
    let err = message_from_text(&big).unwrap_err();
    assert!(matches!(err, InquiryError::TooLarge { .. }));
    assert!(err.to_string().starts_with("message too large"));
    assert!(parse_eml(big.as_bytes()).is_err());
    let line = format!("{{\"id\":1,\"text\":\"{big}\"}}");
    let v = analyze_jsonl_line(&line);
    assert_eq!(v["id"], 1);
    assert!(
        v["error"]
            .as_str()
            .unwrap()
            .starts_with("message too large")
    );
}

#[test]
fn large_message_is_analysed() {
    let chunk = "We need 1000 pcs 100W LED flood lights, FOB Ningbo, CE RoHS, to Germany. ";
    let text = chunk.repeat(MAX_MESSAGE_BYTES / chunk.len());
    let t = std::time::Instant::now();
    let a = analyze(&Message {
        text,
        ..Message::default()
    });
    assert_eq!(a.completeness.grade.as_str(), "high");
    assert!(t.elapsed().as_secs() < 20, "took {:?}", t.elapsed());
}

/// Adversarial repetitions that would expose quadratic rules; each is a full-size message.
#[test]
fn adversarial_repetitions_stay_fast() {
    let patterns = [
        "500 led ",
        "german ",
        "looking for ",
        "零",
        "1,",
        "http://a.b/ ",
        "<",
        "[",
        "FOB ",
        "need 1 1 1 ",
        "ABC Ltd ",
        "www.x.com ",
        "一千个灯 ",
        "a1ibaba.com ",
    ];
    for p in patterns {
        let text = p.repeat(MAX_MESSAGE_BYTES / p.len());
        let t = std::time::Instant::now();
        let a = analyze(&Message {
            text,
            ..Message::default()
        });
        let _ = a.to_text();
        assert!(
            t.elapsed().as_secs() < 15,
            "pattern {p:?} took {:?}",
            t.elapsed()
        );
    }
}
