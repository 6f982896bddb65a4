//! Why this module exists: the seed's "information completeness: high / medium / low" label, made
//! reproducible. The rubric: (a) a specific product, (b) quantity, (c) destination, (d) further
//! terms. `high` = a+b+c+any d; `medium` = a+(b or c), or a product category + b + c; else `low`.
//! Completeness ignores risk on purpose: a phishing mail can embed a complete inquiry.

use crate::facts::Signals;
use crate::{Completeness, Facts, Grade};

/// Grades the facts against the rubric.
pub fn judge(f: &Facts, s: &Signals) -> Completeness {
    let a = s.specific;
    let category = s.product;
    let b = f.quantity.is_some();
    let c = f.place.is_some() || f.target_market.is_some();
    let terms = [
        ("lead_time", f.asks_lead_time),
        ("payment_terms", s.payment_mentioned),
        ("packaging", s.packaging),
        ("certifications", !f.certifications.is_empty()),
        ("sample", f.asks_sample),
    ];
    let d = terms.iter().any(|t| t.1);
    let grade = if a && b && c && d {
        Grade::High
    } else if (a && (b || c)) || (category && b && c) {
        Grade::Medium
    } else {
        Grade::Low
    };
    let mut score: u32 = 0;
    score += if a {
        35
    } else if category {
        15
    } else {
        0
    };
    score += if b { 25 } else { 0 };
    score += if c { 20 } else { 0 };
    score += 5 * terms.iter().filter(|t| t.1).count() as u32;
    if f.incoterm.is_some() {
        score += 5;
    }
    if f.target_price.is_some() || s.use_stated {
        score += 5;
    }
    let score = score.min(100) as u8;
    let mut present = Vec::new();
    let mut missing = Vec::new();
    let mut put = |name: &str, ok: bool, required: bool| {
        if ok {
            present.push(name.to_string());
        } else if required {
            missing.push(name.to_string());
        }
    };
    put("product", category, true);
    put("specs", a, true);
    put("quantity", b, true);
    put("destination", c, true);
    put("incoterm", f.incoterm.is_some(), true);
    for (name, ok) in terms {
        put(name, ok, matches!(name, "payment_terms" | "certifications"));
    }
    put("target_price", f.target_price.is_some(), false);
    put("use", s.use_stated, grade != Grade::High);
    put("buyer_company", f.buyer.company.is_some(), false);
    Completeness {
        grade,
        score,
        present,
        missing,
    }
}
