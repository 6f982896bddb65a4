//! Quotes: the status machine, revisions with a reason, and the snapshot a revision freezes.
//!
//! A quote moves draft → sent → accepted / declined / expired. Revising a quote that the buyer
//! has seen (sent, declined or expired) marks that revision superseded and starts the next
//! revision of the same number as a draft; the reason is required, because "why did the price
//! change?" is the first question a manager or the buyer asks. Only the latest revision can be
//! accepted: an older one is superseded, and [`accept`] checks it even if a status was stale.
//!
//! A [`QuoteSnapshot`] is everything a revision freezes (currency and rate, Incoterm and place,
//! payment schedule, validity, lead time, lines, charges, discount, notes). It is stored as JSON
//! with the revision, and [`diff`] compares any two for the revision view.
//!
//! The timestamps of sending, acceptance and decline (the buyer's reply time is a signal) are
//! recorded by the application with each event; this module only decides what is allowed.

mod diff;

pub use diff::{Change, DocumentField, LineField, LineRef, diff};

use super::lines::{Charges, DocumentDiscount, Line};
use super::totals::{FrozenRate, Totals};
use crate::customer::code_enum;
use crate::error::{Invalid, optional_text, required_text};
use crate::incoterms::IncotermPlace;
use crate::money::Currency;
use crate::payment_terms::PaymentSchedule;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

code_enum!(
    /// Where a quote revision stands.
    QuoteStatus, "invalid_quote_status" {
        Draft = "draft",
        Sent = "sent",
        Accepted = "accepted",
        Declined = "declined",
        Expired = "expired",
        Superseded = "superseded",
    }
);

code_enum!(
    /// What can happen to a quote revision.
    QuoteEvent, "invalid_quote_event" {
        Send = "send",
        Accept = "accept",
        Decline = "decline",
        Expire = "expire",
        Revise = "revise",
    }
);

impl QuoteStatus {
    /// Accepted and superseded revisions never change again. (Declined and expired ones can
    /// still be revised.)
    pub fn is_final(self) -> bool {
        matches!(self, QuoteStatus::Accepted | QuoteStatus::Superseded)
    }

    /// Only a draft's content can be edited; anything the buyer has seen is revised instead.
    pub fn can_edit(self) -> bool {
        self == QuoteStatus::Draft
    }
}

/// The status after `event`, or code `invalid_transition` naming what is allowed.
///
/// - draft: send;
/// - sent: accept, decline, expire, revise (this revision becomes superseded);
/// - declined and expired: revise (a better offer after a "no" or a lapsed validity);
/// - accepted and superseded: nothing.
pub fn transition(from: QuoteStatus, event: QuoteEvent) -> Result<QuoteStatus, Invalid> {
    use QuoteEvent as E;
    use QuoteStatus as S;
    let to = match (from, event) {
        (S::Draft, E::Send) => Some(S::Sent),
        (S::Sent, E::Accept) => Some(S::Accepted),
        (S::Sent, E::Decline) => Some(S::Declined),
        (S::Sent, E::Expire) => Some(S::Expired),
        (S::Sent | S::Declined | S::Expired, E::Revise) => Some(S::Superseded),
        _ => None,
    };
    to.ok_or_else(|| {
        let allowed: Vec<&str> = QuoteEvent::ALL
            .iter()
            .filter(|e| allowed(from, **e))
            .map(|e| e.as_str())
            .collect();
        let hint = match (from, event) {
            (S::Draft, E::Revise) => "; edit the draft instead".to_string(),
            _ if allowed.is_empty() => format!("; a {from} quote cannot change"),
            _ => format!("; allowed: {}", allowed.join(", ")),
        };
        Invalid::new(
            "invalid_transition",
            format!("cannot {event} a {from} quote{hint}"),
        )
    })
}

fn allowed(from: QuoteStatus, event: QuoteEvent) -> bool {
    matches!(
        (from, event),
        (QuoteStatus::Draft, QuoteEvent::Send)
            | (
                QuoteStatus::Sent,
                QuoteEvent::Accept | QuoteEvent::Decline | QuoteEvent::Expire | QuoteEvent::Revise
            )
            | (
                QuoteStatus::Declined | QuoteStatus::Expired,
                QuoteEvent::Revise
            )
    )
}

/// Accepts a revision: it must be sent and the latest revision of its number
/// (code `not_latest_revision` otherwise).
pub fn accept(from: QuoteStatus, is_latest: bool) -> Result<QuoteStatus, Invalid> {
    if !is_latest {
        return Err(Invalid::new(
            "not_latest_revision",
            "only the latest revision of a quote can be accepted",
        ));
    }
    transition(from, QuoteEvent::Accept)
}

/// True once the validity date has passed: a quote valid until 31 March is still good on
/// 31 March.
pub fn is_past_validity(valid_until: NaiveDate, today: NaiveDate) -> bool {
    today > valid_until
}

/// Why a quote was revised: required, at most 500 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RevisionReason(String);

impl RevisionReason {
    pub const MAX: usize = 500;

    pub fn parse(s: &str) -> Result<Self, Invalid> {
        required_text(s, Self::MAX)
            .map(Self)
            .map_err(|e| match e.code {
                "required" => Invalid::new(
                    "revision_reason_required",
                    "say why the quote is revised, e.g. \"customer asked for DDP, add local fees\"",
                ),
                _ => e,
            })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for RevisionReason {
    type Error = Invalid;
    fn try_from(s: String) -> Result<Self, Invalid> {
        Self::parse(&s)
    }
}

impl From<RevisionReason> for String {
    fn from(r: RevisionReason) -> Self {
        r.0
    }
}

/// The outcome of revising: the old revision's new status and the reason for the next one,
/// which starts as a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    pub old_status: QuoteStatus,
    pub new_status: QuoteStatus,
    pub reason: RevisionReason,
}

/// Revises the revision in status `current`: the reason is checked first, then the transition.
pub fn revise(current: QuoteStatus, reason: &str) -> Result<Revision, Invalid> {
    let reason = RevisionReason::parse(reason)?;
    Ok(Revision {
        old_status: transition(current, QuoteEvent::Revise)?,
        new_status: QuoteStatus::Draft,
        reason,
    })
}

/// Production lead time in days, a single figure or a range: "30 days", "25-30 days", "4 weeks",
/// "25~30天".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "LeadTimeRecord")]
pub struct LeadTime {
    min_days: u16,
    max_days: u16,
}

#[derive(Deserialize)]
struct LeadTimeRecord {
    min_days: u16,
    max_days: u16,
}

impl TryFrom<LeadTimeRecord> for LeadTime {
    type Error = Invalid;
    fn try_from(r: LeadTimeRecord) -> Result<Self, Invalid> {
        LeadTime::new(r.min_days, r.max_days)
    }
}

impl LeadTime {
    pub const MAX_DAYS: u16 = 365;

    pub fn new(min_days: u16, max_days: u16) -> Result<Self, Invalid> {
        if min_days == 0 || min_days > max_days || max_days > Self::MAX_DAYS {
            return Err(Invalid::new(
                "invalid_lead_time",
                format!(
                    "a lead time is 1 to {} days, the shorter figure first",
                    Self::MAX_DAYS
                ),
            ));
        }
        Ok(Self { min_days, max_days })
    }

    pub fn parse(s: &str) -> Result<Self, Invalid> {
        let bad = || {
            Invalid::new(
                "invalid_lead_time",
                format!(
                    "{:?} is not a lead time; write \"30 days\" or \"25-30 days\"",
                    s.trim()
                ),
            )
        };
        let t = s.trim().to_lowercase();
        if t.is_empty() {
            return Err(Invalid::new("required", "enter the lead time"));
        }
        let (body, factor) = [
            ("working days", 1),
            ("days", 1),
            ("day", 1),
            ("天", 1),
            ("weeks", 7),
            ("week", 7),
            ("周", 7),
        ]
        .iter()
        .find_map(|(u, f)| t.strip_suffix(u).map(|b| (b.trim(), *f)))
        .unwrap_or((t.as_str(), 1));
        let num = |x: &str| x.trim().parse::<u16>().map_err(|_| bad());
        let (a, b) = match body.split_once(['-', '~', '–', '至']) {
            Some((a, b)) => (num(a)?, num(b)?),
            None => (num(body)?, num(body)?),
        };
        let days = |n: u16| n.checked_mul(factor).ok_or_else(bad);
        Self::new(days(a)?, days(b)?)
    }

    pub fn min_days(self) -> u16 {
        self.min_days
    }

    pub fn max_days(self) -> u16 {
        self.max_days
    }
}

/// "30 days" or "25-30 days".
impl fmt::Display for LeadTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.min_days == self.max_days {
            write!(f, "{} days", self.min_days)
        } else {
            write!(f, "{}-{} days", self.min_days, self.max_days)
        }
    }
}

/// Everything a quote revision freezes. Stored as JSON with the revision; deserialising checks
/// every typed value again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteSnapshot {
    pub currency: Currency,
    pub rate: FrozenRate,
    #[serde(with = "incoterm_place_serde")]
    pub incoterm: IncotermPlace,
    pub payment: PaymentSchedule,
    pub valid_until: NaiveDate,
    pub lead_time: LeadTime,
    pub lines: Vec<Line>,
    pub charges: Charges,
    pub discount: DocumentDiscount,
    pub notes: Option<String>,
}

impl QuoteSnapshot {
    pub const MAX_NOTES: usize = 5000;

    /// The totals of this revision; the rate and charges must be in the quote currency.
    pub fn totals(&self) -> Result<Totals, Invalid> {
        if self.rate.document_currency() != self.currency {
            return Err(Invalid::new(
                "currency_mismatch",
                format!(
                    "the rate converts {}, the quote is in {}",
                    self.rate.document_currency(),
                    self.currency
                ),
            ));
        }
        Totals::compute(self.currency, &self.lines, &self.charges, self.discount)
    }

    /// The payment terms as the buyer reads them.
    pub fn payment_text(&self) -> String {
        self.payment.render_en()
    }

    /// Trims notes; empty becomes `None`.
    pub fn parse_notes(s: &str) -> Result<Option<String>, Invalid> {
        optional_text(s, Self::MAX_NOTES)
    }
}

/// `IncotermPlace` is serialised as `{"rule": "FOB", "place": "Ningbo"}`. On reading a stored
/// snapshot the place is not checked against the port list again: that was decided (possibly
/// by the user's "is a port" tick) when the revision was frozen.
mod incoterm_place_serde {
    use crate::incoterms::{Incoterm, IncotermPlace};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(v: &IncotermPlace, s: S) -> Result<S::Ok, S::Error> {
        v.serialize(s)
    }

    #[derive(Deserialize)]
    struct Record {
        rule: Incoterm,
        place: String,
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<IncotermPlace, D::Error> {
        let r = Record::deserialize(d)?;
        IncotermPlace::parse(r.rule.code(), &r.place, true).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests;
