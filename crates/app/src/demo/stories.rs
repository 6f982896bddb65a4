//! Timelines: the activities a salesperson would have logged for a buyer over the last 18
//! months, following the buyer's story (a steady buyer, a haggler, a silent lead …), with the
//! notes written the way a salesperson writes them, in English or Chinese.

use super::rng::Rng;
use super::topics::Topic;
use super::topics::Topic as T;
use leadledger_domain::activity::ActivityKind;
use leadledger_domain::activity::ActivityKind as K;

pub(super) const DAY: i64 = 86_400;

/// How a buyer behaves; decides the rhythm and content of its timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Story {
    /// Clear requirements, answers within days, orders every one to two months, pays on time.
    Steady,
    /// Talks only about price, many calls and revised quotes, never confirms in writing.
    Haggler,
    /// One vague inquiry, one reply from us, then nothing.
    Silent,
    /// Interested but answers after weeks.
    Slow,
    /// A new inquiry in the last month.
    Fresh,
    /// Was active a year ago, then chose another supplier.
    Lost,
    /// A big project: tender, meetings, a visit, proofing.
    Project,
    /// Sample sent recently, waiting for feedback.
    Sampling,
    /// Ordered until about half a year ago, silent since.
    Dormant,
}

impl Story {
    pub(super) fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "steady" => Story::Steady,
            "haggler" => Story::Haggler,
            "silent" => Story::Silent,
            "slow" => Story::Slow,
            "fresh" => Story::Fresh,
            "lost" => Story::Lost,
            "project" => Story::Project,
            "sampling" => Story::Sampling,
            "dormant" => Story::Dormant,
            _ => return None,
        })
    }
}

/// One logged activity, `days_ago` before the seeding time.
#[derive(Debug, Clone)]
pub(super) struct Event {
    pub kind: ActivityKind,
    pub days_ago: i64,
    pub minutes: i32,
    pub body: String,
}

/// Typical time spent on one activity of a kind, in minutes.
fn minutes(kind: ActivityKind, rng: &mut Rng) -> i32 {
    let (lo, hi) = match kind {
        K::EmailReceived => (5, 15),
        K::EmailSent => (10, 30),
        K::Call => (10, 40),
        K::Meeting => (45, 120),
        K::Visit => (180, 480),
        K::Note => (2, 10),
        K::QuoteSent => (30, 90),
        K::SampleSent => (30, 60),
        K::SampleFeedback => (15, 40),
        K::InfoSheetReceived => (10, 20),
        K::ConsigneeDetailsReceived => (5, 15),
        K::WhatsappMessage => (3, 15),
    };
    rng.range(lo, hi) as i32
}

/// Builds a timeline step by step, moving forward in time (towards `days_ago` = 0).
struct Timeline<'a> {
    rng: &'a mut Rng,
    product: &'a str,
    contact: &'a str,
    day: i64,
    events: Vec<Event>,
}

impl Timeline<'_> {
    /// Waits `lo..=hi` days, then logs an activity about `topic`.
    fn after(&mut self, lo: i64, hi: i64, topic: Topic) -> &mut Self {
        self.day = (self.day - self.rng.range(lo, hi)).max(0);
        let body = topic.text(self.rng, self.product, self.contact);
        let kind = topic.kind();
        let minutes = minutes(kind, self.rng);
        self.events.push(Event {
            kind,
            days_ago: self.day,
            minutes,
            body,
        });
        self
    }

    fn maybe(&mut self, p: f64, lo: i64, hi: i64, topic: Topic) -> &mut Self {
        if self.rng.chance(p) {
            self.after(lo, hi, topic);
        }
        self
    }

    fn note(&mut self, lo: i64, hi: i64, body: &str) -> &mut Self {
        self.day = (self.day - self.rng.range(lo, hi)).max(0);
        let minutes = minutes(K::Note, self.rng);
        self.events.push(Event {
            kind: K::Note,
            days_ago: self.day,
            minutes,
            body: body.into(),
        });
        self
    }

    /// The first contact up to a first order: inquiry, questions, info sheet, quote, sample.
    fn first_order(&mut self) -> &mut Self {
        self.after(0, 0, T::Inquiry)
            .after(0, 1, T::Questions)
            .after(2, 6, T::InfoSheet)
            .after(1, 2, T::Quote)
            .after(3, 6, T::QuoteReply)
            .after(2, 5, T::Sample)
            .after(12, 20, T::SampleFeedback)
            .after(2, 5, T::Confirmation)
            .after(1, 4, T::Consignee)
            .after(1, 2, T::OrderNote)
    }

    /// A repeat order: request, quote, written confirmation, consignee details, shipment.
    fn repeat_order(&mut self, gap: (i64, i64)) -> &mut Self {
        self.after(gap.0, gap.1, T::RepeatOrder)
            .after(0, 2, T::Quote)
            .after(2, 5, T::Confirmation)
            .after(2, 6, T::Consignee)
            .maybe(0.4, 5, 20, T::ShipmentChat)
            .maybe(0.3, 3, 10, T::PaymentReminder)
            .maybe(0.5, 1, 5, T::OrderNote)
    }
}

/// The timeline of a hand-written buyer; the newest activity comes last.
pub(super) fn timeline(story: Story, rng: &mut Rng, product: &str, contact: &str) -> Vec<Event> {
    let start = match story {
        Story::Steady => rng.range(525, 545),
        Story::Dormant => rng.range(480, 540),
        Story::Haggler => rng.range(250, 480),
        Story::Silent => rng.range(60, 400),
        Story::Slow => rng.range(200, 450),
        Story::Fresh => rng.range(5, 30),
        Story::Lost => rng.range(480, 540),
        Story::Project => rng.range(250, 400),
        Story::Sampling => rng.range(60, 120),
    };
    let mut t = Timeline {
        rng,
        product,
        contact,
        day: start,
        events: Vec::new(),
    };
    match story {
        Story::Steady => {
            t.first_order();
            while t.day > 70 {
                t.repeat_order((35, 60));
            }
            // A current request, answered within days.
            let d = t.day;
            t.after((d - 25).max(0), (d - 5).max(0), T::RepeatOrder)
                .after(0, 2, T::Quote);
        }
        Story::Dormant => {
            t.first_order();
            let stop = t.rng.range(150, 220);
            while t.day > stop + 60 {
                t.repeat_order((40, 60));
            }
            t.maybe(0.7, 10, 30, T::FollowUp);
        }
        Story::Haggler => {
            t.after(0, 0, T::Inquiry).after(0, 1, T::Quote);
            while t.day > 30 {
                t.after(8, 25, T::HaggleCall);
                t.maybe(0.6, 0, 2, T::RevisedQuote)
                    .maybe(0.5, 1, 5, T::HaggleChat)
                    .maybe(0.3, 1, 4, T::PriceComplaint);
            }
        }
        Story::Silent => {
            t.after(0, 0, T::Inquiry)
                .after(0, 1, T::Questions)
                .maybe(0.5, 7, 14, T::FollowUp);
        }
        Story::Slow => {
            t.after(0, 0, T::Inquiry).after(1, 3, T::Quote);
            while t.day > 45 {
                t.maybe(0.5, 7, 10, T::FollowUp)
                    .after(7, 20, T::LateReply)
                    .after(1, 3, T::RevisedQuote);
                t.maybe(0.3, 5, 10, T::Nudge);
            }
        }
        Story::Fresh => {
            t.after(0, 0, T::Inquiry)
                .after(0, 1, T::Questions)
                .maybe(0.5, 1, 4, T::InfoSheet);
            t.maybe(0.5, 0, 2, T::Quote);
        }
        Story::Lost => {
            t.after(0, 0, T::Inquiry)
                .after(0, 1, T::Quote)
                .after(5, 10, T::QuoteReply)
                .after(3, 8, T::Sample);
            t.after(15, 25, T::SampleFeedback)
                .after(5, 15, T::RevisedQuote)
                .after(10, 20, T::PriceComplaint);
            t.note(20, 40, "Lost: they placed the order with a Vietnamese supplier, about 6% cheaper. 客户选择了更便宜的供应商。");
        }
        Story::Project => {
            t.after(0, 0, T::Inquiry)
                .after(1, 3, T::Meeting)
                .after(3, 7, T::InfoSheet);
            t.after(2, 5, T::Quote)
                .after(5, 10, T::Sample)
                .after(15, 25, T::SampleFeedback);
            t.after(10, 30, T::Visit)
                .after(3, 7, T::RevisedQuote)
                .after(10, 20, T::Meeting);
            while t.day > 30 {
                t.after(10, 25, T::Nudge).maybe(0.4, 2, 6, T::ProjectUpdate);
            }
            t.note(
                2,
                8,
                "Proofing round 2 approved; waiting for the main contractor's PO. 等总包下单。",
            );
        }
        Story::Sampling => {
            t.after(0, 0, T::Inquiry)
                .after(0, 1, T::Questions)
                .after(2, 5, T::InfoSheet);
            t.after(1, 2, T::Quote)
                .after(5, 12, T::QuoteReply)
                .after(2, 5, T::Sample);
            t.maybe(0.7, 7, 12, T::ShipmentChat);
        }
    }
    t.events
}

/// 0–4 plausible activities for a generated buyer created `created_days_ago` days ago.
pub(super) fn random_events(
    rng: &mut Rng,
    created_days_ago: i64,
    product: &str,
    contact: &str,
) -> Vec<Event> {
    const NEXT: &[(u32, Topic)] = &[
        (20, T::Questions),
        (18, T::Quote),
        (12, T::QuoteReply),
        (8, T::HaggleCall),
        (8, T::FollowUp),
        (6, T::InfoSheet),
        (6, T::Sample),
        (4, T::SampleFeedback),
        (4, T::RevisedQuote),
        (4, T::Nudge),
        (3, T::ShipmentChat),
        (3, T::LateReply),
        (2, T::Meeting),
        (2, T::Confirmation),
    ];
    let n = rng.below(5);
    let mut t = Timeline {
        rng,
        product,
        contact,
        day: created_days_ago,
        events: Vec::new(),
    };
    for i in 0..n {
        if i == 0 {
            t.after(0, 0, T::Inquiry);
        } else {
            let topic = *t.rng.weighted(NEXT);
            t.after(1, 30, topic);
        }
    }
    t.events
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_story_moves_forward_in_time_within_18_months() {
        for s in [
            "steady", "haggler", "silent", "slow", "fresh", "lost", "project", "sampling",
            "dormant",
        ] {
            let story = Story::parse(s).unwrap();
            let ev = timeline(story, &mut Rng::new(1), "LED panels", "Anna");
            assert!(!ev.is_empty(), "{s}");
            assert!(
                ev.windows(2).all(|w| w[0].days_ago >= w[1].days_ago),
                "{s} is in order"
            );
            assert!(
                ev.iter()
                    .all(|e| (0..=547).contains(&e.days_ago) && !e.body.contains('{')),
                "{s}"
            );
        }
        let steady = timeline(Story::Steady, &mut Rng::new(1), "x", "y");
        assert!(
            steady[0].days_ago >= 525 && steady.last().unwrap().days_ago <= 25,
            "a steady buyer spans the whole period"
        );
    }
}
