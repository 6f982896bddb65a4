//! Timelines: the activities a salesperson would have logged for a buyer over the last 18
//! months, following the buyer's story (a steady buyer, a haggler, a silent lead …), with the
//! notes written the way a salesperson writes them, in English or Chinese.

use super::rng::Rng;
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

/// What a note may mention: `{p}` the product, `{c}` the contact's first name.
fn text(kind: ActivityKind, rng: &mut Rng, product: &str, contact: &str) -> String {
    let pool: &[&str] = match kind {
        K::EmailReceived => &[
            "Inquiry for {p}: asked for specs, MOQ and lead time.",
            "{c} confirmed the quote, asked for PI.",
            "{c} 回复：数量确认，要求下周发 PI。",
            "Repeat order for {p}, same specs as last time.",
            "{c}: price acceptable, asked about payment terms.",
            "客户来邮件询问 {p} 的交期和包装方式。",
            "Asked whether we can print their logo on the carton.",
        ],
        K::EmailSent => &[
            "Sent clarifying questions: application, annual quantity, required certificates.",
            "Follow-up on quote, no reply yet.",
            "发了产品目录和 {p} 的规格书。",
            "Sent shipping schedule and booking confirmation.",
            "Reminded {c} about the balance payment.",
        ],
        K::Call => &[
            "Called {c}: only talked about price, wants 5% lower. No quantity given.",
            "电话沟通：客户又压价，说别家便宜 8%，没有提数量和付款方式。",
            "Call with {c} about next season's {p} plan.",
            "Short call: {c} is waiting for their customer's decision.",
            "{c} asked again for a better price, refused to confirm in writing.",
        ],
        K::Meeting => &[
            "Video meeting with {c} and their engineer about the {p} project specs.",
            "Teams meeting: project timeline, tender documents, warranty terms.",
            "与客户视频会议，讨论项目进度和验货标准。",
        ],
        K::Visit => &[
            "{c} visited our factory: production line, QC lab, packing.",
            "Visited the customer's warehouse and two project sites.",
            "客户来厂验厂，看了老化测试和包装线。",
        ],
        K::Note => &[
            "PI sent, 30% T/T deposit received.",
            "Balance received on time, shipment released.",
            "内部备注：客户付款准时，可以考虑给年度返点。",
            "Order shipped from Ningbo, B/L copy sent.",
            "Container loaded (1x40HQ), documents to follow.",
        ],
        K::QuoteSent => &[
            "Quote for {p}, FOB Ningbo, valid 30 days.",
            "Revised quote for {p}: -3%, MOQ 1000 pcs.",
            "报价 {p}，CIF 目的港，30% 定金 70% 见提单副本。",
            "Quote sent with two options (standard / premium driver).",
        ],
        K::SampleSent => &[
            "Samples of {p} sent by DHL, tracking shared with {c}.",
            "寄样 3 pcs {p}，顺丰国际，运费到付。",
            "Sent pre-production sample for approval.",
        ],
        K::SampleFeedback => &[
            "{c}: samples OK, small change to the colour temperature (4000K).",
            "样品反馈：亮度满意，包装需要加固。",
            "Sample passed their lab test; asked for test report.",
        ],
        K::InfoSheetReceived => &[
            "{c} returned the info sheet: quantity, target price, certificates, port.",
            "客户填好了询价信息表：用途、年采购量、认证要求都写清楚了。",
            "Got the project spec sheet with quantities per site.",
        ],
        K::ConsigneeDetailsReceived => &[
            "Consignee and notify party details received for the order.",
            "收到收货人信息和清关资料，可以订舱。",
            "{c} sent consignee details and forwarder contact.",
        ],
        K::WhatsappMessage => &[
            "WhatsApp from {c}: asks for shipment ETA.",
            "WhatsApp: {c} wants to know if the price can match another supplier.",
            "WhatsApp 语音：客户问能不能先发一半货。",
            "WhatsApp: sent photos of the packed goods.",
        ],
    };
    rng.pick(pool)
        .replace("{p}", product)
        .replace("{c}", contact)
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
    /// Waits `lo..=hi` days, then logs an activity of `kind`.
    fn after(&mut self, lo: i64, hi: i64, kind: ActivityKind) -> &mut Self {
        self.day = (self.day - self.rng.range(lo, hi)).max(0);
        let body = text(kind, self.rng, self.product, self.contact);
        let minutes = minutes(kind, self.rng);
        self.events.push(Event {
            kind,
            days_ago: self.day,
            minutes,
            body,
        });
        self
    }

    fn maybe(&mut self, p: f64, lo: i64, hi: i64, kind: ActivityKind) -> &mut Self {
        if self.rng.chance(p) {
            self.after(lo, hi, kind);
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
        self.after(0, 0, K::EmailReceived)
            .after(0, 1, K::EmailSent)
            .after(2, 6, K::InfoSheetReceived)
            .after(1, 2, K::QuoteSent)
            .after(3, 6, K::EmailReceived)
            .after(2, 5, K::SampleSent)
            .after(12, 20, K::SampleFeedback)
            .after(3, 7, K::ConsigneeDetailsReceived)
            .after(1, 2, K::Note)
    }

    /// A repeat order: request, quote, confirmation, consignee details, shipment.
    fn repeat_order(&mut self, gap: (i64, i64)) -> &mut Self {
        self.after(gap.0, gap.1, K::EmailReceived)
            .after(0, 2, K::QuoteSent)
            .after(2, 5, K::EmailReceived)
            .after(2, 6, K::ConsigneeDetailsReceived)
            .maybe(0.4, 5, 20, K::WhatsappMessage)
            .maybe(0.5, 5, 15, K::Note)
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
            t.after((d - 25).max(0), (d - 5).max(0), K::EmailReceived)
                .after(0, 2, K::QuoteSent);
        }
        Story::Dormant => {
            t.first_order();
            let stop = t.rng.range(150, 220);
            while t.day > stop + 60 {
                t.repeat_order((40, 60));
            }
            t.maybe(0.7, 10, 30, K::EmailSent);
        }
        Story::Haggler => {
            t.after(0, 0, K::EmailReceived).after(0, 1, K::QuoteSent);
            while t.day > 30 {
                t.after(8, 25, K::Call);
                t.maybe(0.6, 0, 2, K::QuoteSent)
                    .maybe(0.5, 1, 5, K::WhatsappMessage);
            }
        }
        Story::Silent => {
            t.after(0, 0, K::EmailReceived)
                .after(0, 1, K::EmailSent)
                .maybe(0.5, 7, 14, K::EmailSent);
        }
        Story::Slow => {
            t.after(0, 0, K::EmailReceived).after(1, 3, K::QuoteSent);
            while t.day > 45 {
                t.after(14, 30, K::EmailReceived)
                    .after(1, 3, K::QuoteSent)
                    .maybe(0.3, 5, 10, K::Call);
            }
        }
        Story::Fresh => {
            t.after(0, 0, K::EmailReceived)
                .after(0, 1, K::EmailSent)
                .maybe(0.5, 1, 4, K::InfoSheetReceived);
            t.maybe(0.5, 0, 2, K::QuoteSent);
        }
        Story::Lost => {
            t.after(0, 0, K::EmailReceived)
                .after(0, 1, K::QuoteSent)
                .after(5, 10, K::Call)
                .after(3, 8, K::SampleSent);
            t.after(15, 25, K::SampleFeedback)
                .after(5, 15, K::QuoteSent)
                .after(10, 20, K::Call);
            t.note(20, 40, "Lost: they placed the order with a Vietnamese supplier, about 6% cheaper. 客户选择了更便宜的供应商。");
        }
        Story::Project => {
            t.after(0, 0, K::EmailReceived)
                .after(1, 3, K::Meeting)
                .after(3, 7, K::InfoSheetReceived);
            t.after(2, 5, K::QuoteSent)
                .after(5, 10, K::SampleSent)
                .after(15, 25, K::SampleFeedback);
            t.after(10, 30, K::Visit)
                .after(3, 7, K::QuoteSent)
                .after(10, 20, K::Meeting);
            while t.day > 30 {
                t.after(10, 25, K::Call).maybe(0.4, 2, 6, K::EmailReceived);
            }
            t.note(
                2,
                8,
                "Proofing round 2 approved; waiting for the main contractor's PO. 等总包下单。",
            );
        }
        Story::Sampling => {
            t.after(0, 0, K::EmailReceived)
                .after(0, 1, K::EmailSent)
                .after(2, 5, K::InfoSheetReceived);
            t.after(1, 2, K::QuoteSent)
                .after(5, 12, K::EmailReceived)
                .after(2, 5, K::SampleSent);
            t.maybe(0.7, 7, 12, K::WhatsappMessage);
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
    const KINDS: &[(u32, ActivityKind)] = &[
        (30, K::EmailReceived),
        (20, K::EmailSent),
        (15, K::QuoteSent),
        (10, K::Call),
        (8, K::WhatsappMessage),
        (5, K::SampleSent),
        (4, K::InfoSheetReceived),
        (3, K::SampleFeedback),
        (2, K::Meeting),
        (3, K::Note),
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
        let kind = if i == 0 {
            K::EmailReceived
        } else {
            *t.rng.weighted(KINDS)
        };
        let gap = if i == 0 { (0, 0) } else { (1, 30) };
        t.after(gap.0, gap.1, kind);
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
