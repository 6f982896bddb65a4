//! Why this module exists: exporters lose money and mailboxes to fake inquiries. This module flags
//! `scam` (phishing, fake platform notices, look-alike domains, fake orders, card/shipper and fee
//! fraud, template mass mail, mismatched Reply-To) and `junk` (scams plus sales pitches and
//! marketing), with reasons a salesperson understands. Free mail alone is never junk.

use crate::domains::{self, DomainKind};
use crate::facts::{Signals, scam_index};
use crate::lexicon::Scam;
use crate::text::Doc;
use crate::{Completeness, Facts, Grade, Message, Risk, RiskLevel};

const DANGEROUS_EXT: &[&str] = &[
    "exe", "scr", "js", "jse", "vbs", "vbe", "bat", "cmd", "com", "jar", "iso", "img", "html",
    "htm", "shtml", "xhtml", "lnk", "hta", "docm", "xlsm", "pptm", "ace", "arj", "r00", "r01",
    "msi", "ps1", "wsf", "svg", "one", "vhd",
];
const ARCHIVE_EXT: &[&str] = &[
    "zip", "rar", "7z", "gz", "tar", "tgz", "cab", "z", "uue", "xz",
];
const DOC_WORDS: &[&str] = &[
    "order",
    "po",
    "invoice",
    "rfq",
    "inquiry",
    "enquiry",
    "quotation",
    "payment",
    "swift",
    "document",
    "scan",
    "specification",
    "pedido",
    "bestellung",
    "заказ",
    "订单",
];

fn ext_of(name: &str) -> String {
    name.rsplit('.')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

fn hosts(msg: &Message) -> Vec<String> {
    let mut out = Vec::new();
    let words = crate::fx::url_words(&msg.text);
    for w in words.chain(msg.links.iter().map(|s| s.as_str())) {
        if !crate::fx::contains_ci(w, "http") && !crate::fx::contains_ci(w, "www.") {
            continue;
        }
        let lw = w.to_ascii_lowercase();
        let Some(p) = lw
            .find("http://")
            .or_else(|| lw.find("https://"))
            .or_else(|| lw.find("www."))
        else {
            continue;
        };
        let h = lw[p..]
            .trim_start_matches("https://")
            .trim_start_matches("http://");
        let h = h.split(['/', '?', '#', ':']).next().unwrap_or("");
        let h = h
            .rsplit('@')
            .next()
            .unwrap_or("")
            .trim_end_matches(['.', ',', ';']);
        if h.contains('.') && !out.iter().any(|x: &String| x == h) {
            out.push(h.to_string());
        }
        if out.len() > 32 {
            break;
        }
    }
    out
}

fn base_domain(d: &str) -> &str {
    let parts: Vec<&str> = d.split('.').collect();
    if parts.len() <= 2 {
        return d;
    }
    let n = parts.len();
    let second = parts[n - 2];
    let keep = if second.len() <= 3
        && matches!(second, "co" | "com" | "net" | "org" | "gov" | "ac" | "edu")
    {
        3
    } else {
        2
    };
    let skip: usize = parts[..n - keep].iter().map(|p| p.len() + 1).sum();
    &d[skip.min(d.len())..]
}

fn has_placeholder(t: &str) -> bool {
    // Only the few characters that open a placeholder are inspected, not the whole text.
    let opens = t
        .bytes()
        .filter(|b| matches!(b, b'[' | b'%' | b'<' | b'$' | b'{' | b'}'))
        .count()
        + usize::from(t.contains('【'));
    if opens == 0 {
        return false;
    }
    if t.len() > 4096 || opens > 64 {
        return has_placeholder_slow(t);
    }
    for (i, c) in t.char_indices() {
        if matches!(c, '[' | '%' | '<' | '$' | '{' | '}' | '【') {
            let end = (i + 24).min(t.len());
            let mut e = end;
            while !t.is_char_boundary(e) {
                e -= 1;
            }
            if has_placeholder_slow(&t[i..e]) {
                return true;
            }
        }
    }
    has_placeholder_slow_pairs(t)
}

fn has_placeholder_slow_pairs(t: &str) -> bool {
    t.contains("<<") && t.contains(">>")
}

fn has_placeholder_slow(t: &str) -> bool {
    if !t.contains(['[', '%', '<', '$', '{', '}', '【']) {
        return false;
    }
    if t.contains("{{") || t.contains("}}") || t.contains("<<") && t.contains(">>") {
        return true;
    }
    let lower = t.to_lowercase();
    for p in [
        "[product",
        "[name",
        "[company",
        "[your ",
        "[first",
        "[item",
        "[quantity",
        "[contact",
        "%product",
        "%name%",
        "%company",
        "<product",
        "<company name",
        "[insert",
        "$name",
        "{name",
        "{product",
        "{company",
        "[产品",
        "【产品",
    ] {
        if lower.contains(p) {
            return true;
        }
    }
    false
}

/// Judges scam / junk risk and explains it.
pub fn judge(d: &Doc, msg: &Message, f: &Facts, s: &Signals, c: &Completeness) -> Risk {
    let _ = d;
    let mut strong: Vec<String> = Vec::new();
    let mut weak: Vec<String> = Vec::new();
    let sc = |k: Scam| s.scam[scam_index(k)];
    let link_hosts = hosts(msg);
    let has_link = !link_hosts.is_empty();
    let has_attach = !msg.attachments.is_empty();
    let from_dom = msg.from.as_deref().and_then(domains::domain_of);
    let reply_dom = msg.reply_to.as_deref().and_then(domains::domain_of);
    if let Some(fd) = &from_dom
        && let Some(b) = domains::lookalike_of(fd)
    {
        strong.push(format!("the sender's domain {fd} imitates {b}"));
    }
    if let Some(rd) = &reply_dom
        && let Some(b) = domains::lookalike_of(rd)
    {
        strong.push(format!("the reply address domain {rd} imitates {b}"));
    }
    for h in &link_hosts {
        if let Some(b) = domains::lookalike_of(h) {
            strong.push(format!("a link goes to {h}, a look-alike of {b}"));
            break;
        }
    }
    if let (Some(fd), Some(rd)) = (&from_dom, &reply_dom)
        && base_domain(fd) != base_domain(rd)
    {
        strong.push(format!(
            "replies would go to {rd}, not to the sender's domain {fd}"
        ));
    }
    for a in &msg.attachments {
        let low = a.to_lowercase();
        let ext = ext_of(&low);
        let inner = low
            .trim_end_matches(&format!(".{ext}"))
            .rsplit('.')
            .next()
            .unwrap_or("")
            .to_string();
        if DANGEROUS_EXT.contains(&ext.as_str()) {
            strong.push(format!(
                "the attachment \"{a}\" is a file type used to deliver malware or fake login pages"
            ));
            break;
        }
        if ["pdf", "doc", "docx", "xls", "xlsx"].contains(&inner.as_str())
            && low.matches('.').count() >= 2
            && ext != inner
        {
            strong.push(format!(
                "the attachment \"{a}\" hides its real type behind a double extension"
            ));
            break;
        }
        if ARCHIVE_EXT.contains(&ext.as_str()) && DOC_WORDS.iter().any(|w| low.contains(w)) {
            strong.push(format!("the \"order/document\" attachment \"{a}\" is a compressed archive, a common malware carrier"));
            break;
        }
    }
    let phish = sc(Scam::Phish);
    if phish > 0 && (has_link || has_attach) {
        strong.push(
            "asks you to open a link or file to \"view\" a document or order, a phishing pattern"
                .into(),
        );
    } else if phish >= 2 {
        strong.push("asks you to log in or click to view a document, a phishing pattern".into());
    } else if phish == 1 {
        weak.push("mentions viewing a document via a link".into());
    }
    let official_platform = from_dom.as_deref().is_some_and(|fd| {
        [
            "alibaba.com",
            "made-in-china.com",
            "globalsources.com",
            "alibaba-inc.com",
        ]
        .iter()
        .any(|o| fd == *o || fd.ends_with(&format!(".{o}")))
    });
    if sc(Scam::Platform) > 0
        && !official_platform
        && (has_link || sc(Scam::Platform) >= 2 || from_dom.is_some())
    {
        strong.push(
            "looks like a platform or mailbox notice but does not come from the platform".into(),
        );
    }
    if sc(Scam::Fee) > 0 {
        strong.push("asks the supplier to pay a registration or certificate fee, a classic advance-fee scam".into());
    }
    if sc(Scam::CardShipper) > 0 {
        strong.push(
            "credit-card payment or \"my shipper/agent\" arrangement, a common fraud scheme".into(),
        );
    }
    if sc(Scam::AdvanceFee) > 0 {
        strong.push(
            "mentions inheritance, lottery or investment money, unrelated to buying goods".into(),
        );
    }
    // A real purchase order names its goods; one that only exists behind a link (a web page, not
    // an attachment) and states no quantity is the usual fake-order lure, even with a PO number
    // that reads like a model code.
    if sc(Scam::PurchaseOrder) > 0
        && ((!s.specific && (has_link || has_attach)) || (has_link && f.quantity.is_none()))
    {
        strong.push("an \"order\" that only exists in an attachment or link, with no product details in the mail".into());
    }
    if has_placeholder(&msg.text) || msg.subject.as_deref().is_some_and(has_placeholder) {
        strong.push(
            "contains unfilled template placeholders, typical of mass-mailed fake inquiries".into(),
        );
    }
    if sc(Scam::MassMail) > 0
        && !s.product
        && (has_link
            || has_attach
            || (sc(Scam::Pressure) > 0 && f.buyer.email_domain_kind != DomainKind::Corporate))
        && f.quantity.is_none()
    {
        strong.push("a mass-mailed message that names no product but pushes you to act".into());
    }
    let scam = !strong.is_empty();
    let mut junk_reasons: Vec<String> = Vec::new();
    if !scam {
        if (s.pitch >= 2 && s.buy == 0)
            || (s.pitch >= 3 && s.pitch > s.buy * 2)
            || (s.pitch >= 1 && s.marketing >= 1 && s.buy <= 1)
        {
            junk_reasons.push("a supplier or service provider selling to you, not a buyer".into());
        }
        if s.marketing >= 2
            || (s.marketing >= 1 && s.buy == 0 && !s.product && f.quantity.is_none())
        {
            junk_reasons.push("marketing or mass mail".into());
        }
        let asks_any =
            s.asks_price || f.asks_catalog || f.asks_moq || f.asks_sample || f.asks_lead_time;
        if !s.product
            && s.buy == 0
            && !asks_any
            && f.quantity.is_none()
            && !s.generic
            && c.grade == Grade::Low
        {
            junk_reasons.push("no product, quantity or request: not an inquiry".into());
        }
    }
    let junk = scam || !junk_reasons.is_empty();
    if sc(Scam::Pressure) > 0 && c.grade == Grade::Low {
        weak.push("urgency words without concrete needs".into());
    }
    if f.buyer.email_domain_kind == DomainKind::FreeMail
        && f.buyer.company.is_none()
        && c.grade == Grade::Low
    {
        weak.push("free-mail sender with no company details".into());
    }
    let level = if scam {
        RiskLevel::High
    } else if junk {
        RiskLevel::Medium
    } else if !weak.is_empty() {
        RiskLevel::Low
    } else {
        RiskLevel::None
    };
    let mut reasons = strong;
    reasons.extend(junk_reasons);
    reasons.extend(weak);
    reasons.truncate(8);
    Risk {
        scam,
        junk,
        level,
        reasons,
    }
}
