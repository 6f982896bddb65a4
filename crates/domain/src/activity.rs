//! Activities on a buyer's timeline. Kinds are typed because later features compute rhythm
//! (reply times, completed small actions) and effort (minutes spent) from them.

use crate::error::{FieldErrors, Invalid, optional_text};
use chrono::{DateTime, NaiveDateTime, Utc};

crate::customer::code_enum!(
    ActivityKind, "invalid_activity_kind" {
        EmailReceived = "email_received",
        EmailSent = "email_sent",
        Call = "call",
        Meeting = "meeting",
        Visit = "visit",
        Note = "note",
        QuoteSent = "quote_sent",
        SampleSent = "sample_sent",
        SampleFeedback = "sample_feedback",
        InfoSheetReceived = "info_sheet_received",
        ConsigneeDetailsReceived = "consignee_details_received",
        WhatsappMessage = "whatsapp_message",
    }
);

impl ActivityKind {
    /// Whether the buyer did something (as opposed to us reaching out).
    pub fn is_buyer_action(self) -> bool {
        matches!(
            self,
            ActivityKind::EmailReceived
                | ActivityKind::SampleFeedback
                | ActivityKind::InfoSheetReceived
                | ActivityKind::ConsigneeDetailsReceived
        )
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActivityInput {
    pub kind: ActivityKind,
    pub at: DateTime<Utc>,
    pub minutes: i32,
    pub body: Option<String>,
}

/// Parses `2026-03-01T14:30`, `2026-03-01 14:30[:ss]`, RFC 3339, or a bare date (noon UTC).
pub fn parse_datetime(s: &str) -> Result<DateTime<Utc>, Invalid> {
    let t = s.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Ok(dt.with_timezone(&Utc));
    }
    for fmt in [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
    ] {
        if let Ok(n) = NaiveDateTime::parse_from_str(t, fmt) {
            return Ok(n.and_utc());
        }
    }
    if let Ok(d) = chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        return Ok(d.and_hms_opt(12, 0, 0).expect("noon exists").and_utc());
    }
    Err(Invalid::new(
        "invalid_datetime",
        format!("{t:?} is not a date and time like 2026-03-01 14:30"),
    ))
}

impl ActivityInput {
    /// `at` empty means now; minutes empty means 0; at most a working day of 24 h.
    pub fn parse(
        kind: &str,
        at: &str,
        minutes: &str,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::new();
        let kind = e.take("kind", ActivityKind::parse(kind));
        let at = e.take(
            "at",
            if at.trim().is_empty() {
                Ok(now)
            } else {
                parse_datetime(at)
            },
        );
        let minutes = e.take("minutes", parse_minutes(minutes));
        let body = e.take("body", optional_text(body, 20_000));
        e.finish(|| ActivityInput {
            kind: kind.unwrap(),
            at: at.unwrap(),
            minutes: minutes.unwrap(),
            body: body.unwrap(),
        })
    }
}

fn parse_minutes(s: &str) -> Result<i32, Invalid> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(0);
    }
    match t.parse::<i32>() {
        Ok(m) if (0..=1440).contains(&m) => Ok(m),
        _ => Err(Invalid::new("invalid_minutes", "minutes from 0 to 1440")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activities_parse_typed_kinds_and_bounded_minutes() {
        let now = Utc::now();
        let a = ActivityInput::parse("call", "2026-03-01 14:30", "25", "asked for samples", now)
            .unwrap();
        assert_eq!(a.kind, ActivityKind::Call);
        assert_eq!(a.minutes, 25);
        let e = ActivityInput::parse("chat", "yesterday", "-5", "", now).unwrap_err();
        assert!(e.get("kind").is_some() && e.get("at").is_some() && e.get("minutes").is_some());
    }
}
