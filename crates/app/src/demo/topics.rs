//! What a logged activity is about, and how a salesperson would word it, in English or
//! Chinese. Each topic has one activity kind, so the notes always fit the step of the story.

use super::rng::Rng;
use leadledger_domain::activity::ActivityKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Topic {
    Inquiry,
    Questions,
    InfoSheet,
    Quote,
    RevisedQuote,
    QuoteReply,
    Confirmation,
    Sample,
    SampleFeedback,
    Consignee,
    OrderNote,
    RepeatOrder,
    ShipmentChat,
    PaymentReminder,
    HaggleCall,
    HaggleChat,
    PriceComplaint,
    FollowUp,
    LateReply,
    Nudge,
    Meeting,
    Visit,
    ProjectUpdate,
}

impl Topic {
    pub(super) fn kind(self) -> ActivityKind {
        use ActivityKind as K;
        match self {
            Topic::Inquiry | Topic::QuoteReply | Topic::Confirmation | Topic::RepeatOrder => {
                K::EmailReceived
            }
            Topic::PriceComplaint | Topic::LateReply | Topic::ProjectUpdate => K::EmailReceived,
            Topic::Questions | Topic::FollowUp | Topic::PaymentReminder => K::EmailSent,
            Topic::InfoSheet => K::InfoSheetReceived,
            Topic::Quote | Topic::RevisedQuote => K::QuoteSent,
            Topic::Sample => K::SampleSent,
            Topic::SampleFeedback => K::SampleFeedback,
            Topic::Consignee => K::ConsigneeDetailsReceived,
            Topic::OrderNote => K::Note,
            Topic::ShipmentChat | Topic::HaggleChat => K::WhatsappMessage,
            Topic::HaggleCall | Topic::Nudge => K::Call,
            Topic::Meeting => K::Meeting,
            Topic::Visit => K::Visit,
        }
    }

    /// Ways to word it: `{p}` is the product, `{c}` the contact's first name.
    fn texts(self) -> &'static [&'static str] {
        match self {
            Topic::Inquiry => &[
                "Inquiry for {p}: asked for specs, MOQ and lead time.",
                "询盘：{p}，问规格、起订量和交期。",
                "New inquiry for {p} with quantity, target market and required certificates.",
            ],
            Topic::Questions => &[
                "Sent clarifying questions: application, annual quantity, required certificates.",
                "回复询盘，问清用途、年采购量和认证要求。",
                "Sent catalogue and the {p} spec sheet, asked for quantity and target price.",
            ],
            Topic::InfoSheet => &[
                "{c} returned the info sheet: quantity, target price, certificates, port.",
                "客户填好了询价信息表：用途、年采购量、认证要求都写清楚了。",
                "Got their spec sheet with quantities per delivery.",
            ],
            Topic::Quote => &[
                "Quote for {p}, FOB Ningbo, valid 30 days.",
                "报价 {p}，CIF 目的港，30% 定金 70% 见提单副本。",
                "Quote sent with two options (standard / premium driver).",
            ],
            Topic::RevisedQuote => &[
                "Revised quote for {p}: -3%, MOQ raised to 2000 pcs.",
                "又改了一版报价，降 2%，坚持 30% 定金。",
                "Revised quote with a cheaper driver to reach their target price.",
            ],
            Topic::QuoteReply => &[
                "{c}: price acceptable, asked about payment terms and lead time.",
                "{c} 回复：价格可以，问付款方式和交期。",
                "{c} asked for a small change to the packaging before confirming.",
            ],
            Topic::Confirmation => &[
                "{c} confirmed the order in writing and asked for the PI.",
                "{c} 书面确认订单，要求发 PI。",
            ],
            Topic::Sample => &[
                "Samples of {p} sent by DHL, tracking shared with {c}.",
                "寄样 3 pcs {p}，顺丰国际，运费到付。",
                "Sent a pre-production sample for approval.",
            ],
            Topic::SampleFeedback => &[
                "{c}: samples OK, small change to the colour temperature (4000K).",
                "样品反馈：亮度满意，包装需要加固。",
                "Sample passed their lab test; they asked for the test report.",
            ],
            Topic::Consignee => &[
                "Consignee and notify party details received for the order.",
                "收到收货人信息和清关资料，可以订舱。",
                "{c} sent consignee details and the forwarder's contact.",
            ],
            Topic::OrderNote => &[
                "PI sent, 30% T/T deposit received.",
                "Container loaded (1x40HQ) in Ningbo, B/L copy sent.",
                "Balance received on time, shipment released.",
                "内部备注：客户付款准时，可以考虑给年度返点。",
            ],
            Topic::RepeatOrder => &[
                "Repeat order for {p}, same specs as last time.",
                "{c} 发来返单：{p}，数量比上次多 20%。",
                "{c} asks for next season's {p} order, wants their logo on the carton.",
            ],
            Topic::ShipmentChat => &[
                "WhatsApp from {c}: asks for the shipment ETA.",
                "WhatsApp: sent photos of the packed goods to {c}.",
                "WhatsApp 语音：客户问能不能先发一半货。",
            ],
            Topic::PaymentReminder => &[
                "Reminded {c} about the balance payment.",
                "提醒客户付尾款，客户当天回复已安排。",
            ],
            Topic::HaggleCall => &[
                "Called {c}: only talked about price, wants 5% lower. No quantity given.",
                "电话沟通：客户又压价，说别家便宜 8%，没有提数量和付款方式。",
                "{c} asked again for a better price, refused to confirm in writing.",
                "Call: {c} wants free spare parts and 90 days payment, still no PO.",
            ],
            Topic::HaggleChat => &[
                "WhatsApp: {c} sent a competitor's price list and asks us to match it.",
                "WhatsApp：客户问能不能再便宜一点，数量还是不确定。",
            ],
            Topic::PriceComplaint => &[
                "{c}: price still too high, another supplier offers less.",
                "客户邮件：价格太高，要求再降 5%。",
            ],
            Topic::FollowUp => &[
                "Follow-up on the quote, no reply yet.",
                "跟进邮件：报价已发两周，客户未回复。",
            ],
            Topic::LateReply => &[
                "{c} answered after three weeks: still interested, project delayed.",
                "{c} 迟了很久才回复：还在等老板批预算。",
                "Sorry-for-the-late-reply email from {c}; asks us to keep the quote valid.",
            ],
            Topic::Nudge => &[
                "Short call: {c} is waiting for their customer's decision.",
                "Call with {c} about next season's {p} plan.",
            ],
            Topic::Meeting => &[
                "Video meeting with {c} and their engineer about the {p} specs.",
                "Teams meeting: project timeline, tender documents, warranty terms.",
                "与客户视频会议，讨论项目进度和验货标准。",
            ],
            Topic::Visit => &[
                "{c} visited our factory: production line, QC lab, packing.",
                "客户来厂验厂，看了老化测试和包装线。",
                "Visited the customer's warehouse and two project sites.",
            ],
            Topic::ProjectUpdate => &[
                "Tender update: shortlisted; the consultant asks for photometric reports.",
                "项目更新：业主审核中，要求补充 IES 文件。",
            ],
        }
    }

    pub(super) fn text(self, rng: &mut Rng, product: &str, contact: &str) -> String {
        rng.pick(self.texts())
            .replace("{p}", product)
            .replace("{c}", contact)
    }
}
