//! Why this module exists: `--format text` needs a readable summary a salesperson can scan in a
//! few seconds — grade, risk and reasons first, then facts, then the questions to paste.

use crate::Analysis;
use std::fmt::Write;

fn opt(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("-")
}

/// Renders an analysis as plain text.
pub fn to_text(a: &Analysis) -> String {
    let mut s = String::with_capacity(1024);
    let c = &a.completeness;
    let r = &a.risk;
    let f = &a.facts;
    let _ = writeln!(s, "Language:      {}", a.language);
    let _ = writeln!(s, "Completeness:  {} ({}/100)", c.grade.as_str(), c.score);
    if !c.present.is_empty() {
        let _ = writeln!(s, "  present:     {}", c.present.join(", "));
    }
    if !c.missing.is_empty() {
        let _ = writeln!(s, "  missing:     {}", c.missing.join(", "));
    }
    let flag = if r.scam {
        "SCAM"
    } else if r.junk {
        "junk"
    } else {
        "looks genuine"
    };
    let _ = writeln!(s, "Risk:          {} (level {})", flag, r.level.as_str());
    for reason in &r.reasons {
        let _ = writeln!(s, "  - {reason}");
    }
    let _ = writeln!(s, "Facts:");
    let _ = writeln!(s, "  product:     {}", opt(&f.product));
    let qty = match (f.quantity, &f.unit) {
        (Some(q), Some(u)) => format!("{q} {u}"),
        (Some(q), None) => format!("{q}"),
        _ => "-".into(),
    };
    let _ = writeln!(s, "  quantity:    {qty}");
    let list = |v: &Vec<String>| {
        if v.is_empty() {
            "-".to_string()
        } else {
            v.join(", ")
        }
    };
    let _ = writeln!(s, "  specs:       {}", list(&f.specs));
    let _ = writeln!(s, "  certificates: {}", list(&f.certifications));
    let _ = writeln!(
        s,
        "  incoterm:    {} {}",
        opt(&f.incoterm),
        f.place.as_deref().unwrap_or("")
    );
    let _ = writeln!(s, "  market:      {}", opt(&f.target_market));
    let _ = writeln!(s, "  payment:     {}", opt(&f.payment_terms));
    let _ = writeln!(s, "  target price: {}", opt(&f.target_price));
    let mut asks = Vec::new();
    for (n, b) in [
        ("lead time", f.asks_lead_time),
        ("sample", f.asks_sample),
        ("MOQ", f.asks_moq),
        ("catalogue/price list", f.asks_catalog),
    ] {
        if b {
            asks.push(n);
        }
    }
    let _ = writeln!(
        s,
        "  asks for:    {}",
        if asks.is_empty() {
            "-".to_string()
        } else {
            asks.join(", ")
        }
    );
    let _ = writeln!(
        s,
        "  buyer:       {} | {} | {}",
        opt(&f.buyer.company),
        opt(&f.buyer.website),
        f.buyer.email_domain_kind.as_str()
    );
    if !a.questions.is_empty() {
        let _ = writeln!(s, "Questions to send:");
        for q in &a.questions {
            let _ = writeln!(s, "  - {q}");
        }
    }
    s
}
