//! Payment terms as a schedule of milestones, the way export deals are actually paid.
//!
//! "30 % T/T deposit, 70 % before shipment" is two milestones; "L/C at sight" and "OA 60 days"
//! are single milestones paid through an instrument. A schedule always sums to exactly 100 %
//! (code `schedule_not_100`), so a quote's terms cannot silently leave money unscheduled.
//! The compact text a salesperson types ("30/70", "balance against B/L copy") and the
//! structured form both become the same [`PaymentSchedule`]; it renders back in English for the
//! buyer and in Chinese for the team.

use crate::error::{FieldErrors, Invalid};
use crate::money::{Money, parse_decimal, round};
use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

mod text;

use text::{classify, normalise, parse_split_shorthand, take_percent};

/// When (or through what) a milestone is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "days", rename_all = "snake_case")]
pub enum Trigger {
    /// Deposit with the order, paid against the proforma invoice (T/T in advance).
    OnOrder,
    BeforeShipment,
    AgainstBlCopy,
    OnArrival,
    DaysAfterInvoice(u16),
    DaysAfterBl(u16),
    LcAtSight,
    /// A usance (deferred) letter of credit, N days after the B/L date.
    LcUsance(u16),
    /// Open account: N days after the invoice date.
    OaDays(u16),
}

impl Trigger {
    pub const CODES: [&'static str; 9] = [
        "on_order",
        "before_shipment",
        "against_bl_copy",
        "on_arrival",
        "days_after_invoice",
        "days_after_bl",
        "lc_at_sight",
        "lc_usance",
        "oa_days",
    ];

    pub fn code(self) -> &'static str {
        match self {
            Trigger::OnOrder => "on_order",
            Trigger::BeforeShipment => "before_shipment",
            Trigger::AgainstBlCopy => "against_bl_copy",
            Trigger::OnArrival => "on_arrival",
            Trigger::DaysAfterInvoice(_) => "days_after_invoice",
            Trigger::DaysAfterBl(_) => "days_after_bl",
            Trigger::LcAtSight => "lc_at_sight",
            Trigger::LcUsance(_) => "lc_usance",
            Trigger::OaDays(_) => "oa_days",
        }
    }

    /// The number of days for the triggers that have one.
    pub fn days(self) -> Option<u16> {
        match self {
            Trigger::DaysAfterInvoice(n)
            | Trigger::DaysAfterBl(n)
            | Trigger::LcUsance(n)
            | Trigger::OaDays(n) => Some(n),
            _ => None,
        }
    }

    /// Builds a trigger from its code and, where needed, a number of days (structured input).
    pub fn from_parts(code: &str, days: Option<u16>) -> Result<Self, Invalid> {
        let need =
            |d: Option<u16>| d.ok_or_else(|| Invalid::new("days_missing", "say how many days"));
        let t = match code.trim() {
            "on_order" => Trigger::OnOrder,
            "before_shipment" => Trigger::BeforeShipment,
            "against_bl_copy" => Trigger::AgainstBlCopy,
            "on_arrival" => Trigger::OnArrival,
            "days_after_invoice" => Trigger::DaysAfterInvoice(need(days)?),
            "days_after_bl" => Trigger::DaysAfterBl(need(days)?),
            "lc_at_sight" => Trigger::LcAtSight,
            "lc_usance" => Trigger::LcUsance(need(days)?),
            "oa_days" => Trigger::OaDays(need(days)?),
            other => {
                return Err(Invalid::new(
                    "unknown_trigger",
                    format!(
                        "unknown payment trigger {other:?}; expected one of {}",
                        Self::CODES.join(", ")
                    ),
                ));
            }
        };
        t.check_days()?;
        Ok(t)
    }

    fn check_days(self) -> Result<(), Invalid> {
        let ok = match self {
            Trigger::DaysAfterInvoice(n) | Trigger::DaysAfterBl(n) => n <= MAX_DAYS,
            Trigger::LcUsance(n) | Trigger::OaDays(n) => (1..=MAX_DAYS).contains(&n),
            _ => true,
        };
        if ok {
            Ok(())
        } else {
            Err(Invalid::new(
                "invalid_days",
                format!("the number of days must be between 1 and {MAX_DAYS}"),
            ))
        }
    }

    fn en(self, percent: Decimal) -> String {
        let what = match self {
            Trigger::OnOrder => "T/T in advance".to_string(),
            Trigger::BeforeShipment => "before shipment".to_string(),
            Trigger::AgainstBlCopy => "against B/L copy".to_string(),
            Trigger::OnArrival => "upon arrival".to_string(),
            Trigger::DaysAfterInvoice(n) => format!("{n} days after invoice date"),
            Trigger::DaysAfterBl(n) => format!("{n} days after B/L date"),
            Trigger::LcAtSight => "L/C at sight".to_string(),
            Trigger::LcUsance(n) => format!("L/C at {n} days"),
            Trigger::OaDays(n) => format!("OA {n} days"),
        };
        format!("{}% {what}", percent.normalize())
    }

    fn zh(self, percent: Decimal) -> String {
        let what = match self {
            Trigger::OnOrder if percent == Decimal::ONE_HUNDRED => "预付".to_string(),
            Trigger::OnOrder => "定金".to_string(),
            Trigger::BeforeShipment => "出货前付清".to_string(),
            Trigger::AgainstBlCopy => "见提单副本付清".to_string(),
            Trigger::OnArrival => "货到付清".to_string(),
            Trigger::DaysAfterInvoice(n) => format!("发票日后{n}天内付清"),
            Trigger::DaysAfterBl(n) => format!("提单日后{n}天内付清"),
            Trigger::LcAtSight => "即期信用证".to_string(),
            Trigger::LcUsance(n) => format!("{n}天远期信用证"),
            Trigger::OaDays(n) => format!("赊销{n}天"),
        };
        format!("{}% {what}", percent.normalize())
    }
}

/// The longest credit period accepted, in days.
pub const MAX_DAYS: u16 = 365;

/// One part of the schedule: a percentage of the total and when it is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    #[serde(with = "rust_decimal::serde::str")]
    pub percent: Decimal,
    pub trigger: Trigger,
}

/// A validated schedule: milestones with positive percentages summing to exactly 100.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Milestone>", into = "Vec<Milestone>")]
pub struct PaymentSchedule {
    milestones: Vec<Milestone>,
}

impl TryFrom<Vec<Milestone>> for PaymentSchedule {
    type Error = Invalid;
    fn try_from(v: Vec<Milestone>) -> Result<Self, Invalid> {
        PaymentSchedule::new(v)
    }
}

impl From<PaymentSchedule> for Vec<Milestone> {
    fn from(s: PaymentSchedule) -> Self {
        s.milestones
    }
}

/// The raw fields of one milestone row in a form or API body.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct MilestoneDraft {
    pub percent: String,
    pub trigger: String,
    pub days: String,
}

impl PaymentSchedule {
    /// Validates structured milestones: at least one, each percentage above zero with at most
    /// 2 decimals, days in range, and a sum of exactly 100 (`schedule_not_100`).
    pub fn new(milestones: Vec<Milestone>) -> Result<Self, Invalid> {
        if milestones.is_empty() {
            return Err(Invalid::new(
                "schedule_empty",
                "a payment schedule needs at least one milestone",
            ));
        }
        for m in &milestones {
            if m.percent <= Decimal::ZERO {
                return Err(Invalid::new(
                    "percent_not_positive",
                    "each milestone needs a percentage above zero",
                ));
            }
            if m.percent.normalize().scale() > 2 {
                return Err(Invalid::new(
                    "too_many_decimals",
                    "a milestone percentage has at most 2 decimals",
                ));
            }
            m.trigger.check_days()?;
        }
        let sum: Decimal = milestones.iter().map(|m| m.percent).sum();
        if sum != Decimal::ONE_HUNDRED {
            return Err(Invalid::new(
                "schedule_not_100",
                format!("the milestones add up to {}%, not 100%", sum.normalize()),
            ));
        }
        let milestones = milestones
            .into_iter()
            .map(|m| Milestone {
                percent: m.percent.normalize(),
                trigger: m.trigger,
            })
            .collect();
        Ok(Self { milestones })
    }

    /// Validates form rows, reporting errors per field (`milestones.0.percent`) and the sum
    /// under `milestones`.
    pub fn from_drafts(rows: &[MilestoneDraft]) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::new();
        let mut ms = Vec::new();
        for (i, r) in rows.iter().enumerate() {
            let percent = e.take(
                &format!("milestones.{i}.percent"),
                parse_decimal(r.percent.trim().trim_end_matches('%')),
            );
            let days = e.take(
                &format!("milestones.{i}.days"),
                if r.days.trim().is_empty() {
                    Ok(None)
                } else {
                    r.days.trim().parse::<u16>().map(Some).map_err(|_| {
                        Invalid::new(
                            "invalid_days",
                            format!("{:?} is not a number of days", r.days.trim()),
                        )
                    })
                },
            );
            let trigger = days.and_then(|d| {
                e.take(
                    &format!("milestones.{i}.trigger"),
                    Trigger::from_parts(&r.trigger, d),
                )
            });
            if let (Some(percent), Some(trigger)) = (percent, trigger) {
                ms.push(Milestone { percent, trigger });
            }
        }
        if !e.is_empty() {
            return Err(e);
        }
        Self::new(ms).map_err(|err| FieldErrors::single("milestones", err))
    }

    /// Reads the compact text salespeople write:
    ///
    /// - `30% T/T deposit, 70% before shipment`, `30% deposit, balance against B/L copy`
    /// - `30/70` (30 % deposit, 70 % before shipment), `30/70 against B/L copy`
    /// - `100% L/C at sight`, `L/C 90 days`, `OA 60 days`, `net 30`
    /// - the Chinese forms this module renders (`30% 定金，70% 出货前付清`).
    ///
    /// A part without a percentage is the balance ("balance", "rest", 余款/尾款) or, alone, the
    /// whole 100 %.
    pub fn parse(text: &str) -> Result<Self, Invalid> {
        let norm = normalise(text);
        if norm.trim().is_empty() {
            return Err(Invalid::new("required", "enter the payment terms"));
        }
        if let Some(s) = parse_split_shorthand(&norm)? {
            return Ok(s);
        }
        let segments: Vec<&str> = norm
            .split([',', ';', '+', '\n'])
            .flat_map(|s| s.split(" and "))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        let single = segments.len() == 1;
        let mut ms: Vec<(Option<Decimal>, Trigger)> = Vec::new();
        for seg in &segments {
            let (pct, rest) = take_percent(seg)?;
            let is_balance = ["balance", "rest", "remaining", "余款", "尾款"]
                .iter()
                .any(|w| rest.contains(w));
            let pct = match pct {
                Some(p) => Some(p),
                None if is_balance => None,
                None if single => Some(Decimal::ONE_HUNDRED),
                None => {
                    return Err(Invalid::new(
                        "percent_missing",
                        format!("{seg:?} needs a percentage, such as \"30% {seg}\""),
                    ));
                }
            };
            ms.push((pct, classify(&rest, seg)?));
        }
        let balances = ms.iter().filter(|(p, _)| p.is_none()).count();
        if balances > 1 {
            return Err(Invalid::new(
                "schedule_not_100",
                "only one part can be the balance",
            ));
        }
        let given: Decimal = ms.iter().filter_map(|(p, _)| *p).sum();
        let milestones = ms
            .into_iter()
            .map(|(p, trigger)| Milestone {
                percent: p.unwrap_or(Decimal::ONE_HUNDRED - given),
                trigger,
            })
            .collect();
        Self::new(milestones)
    }

    pub fn milestones(&self) -> &[Milestone] {
        &self.milestones
    }

    /// The share paid before the goods leave: deposits and payments before shipment.
    pub fn percent_before_shipment(&self) -> Decimal {
        self.milestones
            .iter()
            .filter(|m| matches!(m.trigger, Trigger::OnOrder | Trigger::BeforeShipment))
            .map(|m| m.percent)
            .sum()
    }

    /// The deposit share (milestones due on order), zero when there is none.
    pub fn deposit_percent(&self) -> Decimal {
        self.milestones
            .iter()
            .filter(|m| m.trigger == Trigger::OnOrder)
            .map(|m| m.percent)
            .sum()
    }

    /// Due date of each milestone, `None` while the event it waits for has not happened.
    ///
    /// - on order: the invoice (PI) date; before shipment: the shipment date;
    /// - against B/L copy and L/C at sight: the B/L date (documents are presented once the
    ///   goods are on board); L/C usance and N days after B/L: B/L date + N;
    /// - on arrival: the arrival date; N days after invoice and OA N days: invoice date + N.
    pub fn due_dates(
        &self,
        invoice_date: NaiveDate,
        shipment_date: Option<NaiveDate>,
        bl_date: Option<NaiveDate>,
        arrival: Option<NaiveDate>,
    ) -> Vec<(Decimal, Option<NaiveDate>)> {
        let plus = |d: NaiveDate, n: u16| d.checked_add_days(Days::new(u64::from(n)));
        self.milestones
            .iter()
            .map(|m| {
                let due = match m.trigger {
                    Trigger::OnOrder => Some(invoice_date),
                    Trigger::BeforeShipment => shipment_date,
                    Trigger::AgainstBlCopy | Trigger::LcAtSight => bl_date,
                    Trigger::OnArrival => arrival,
                    Trigger::DaysAfterInvoice(n) | Trigger::OaDays(n) => plus(invoice_date, n),
                    Trigger::DaysAfterBl(n) | Trigger::LcUsance(n) => {
                        bl_date.and_then(|d| plus(d, n))
                    }
                };
                (m.percent, due)
            })
            .collect()
    }

    /// Splits a total into the milestone amounts, each rounded to the currency; the last
    /// milestone takes the rounding difference so the parts add up to the rounded total.
    pub fn split(&self, total: Money) -> Vec<Money> {
        let total = total.rounded();
        let mut out = Vec::with_capacity(self.milestones.len());
        let mut used = Decimal::ZERO;
        for (i, m) in self.milestones.iter().enumerate() {
            let amount = if i + 1 == self.milestones.len() {
                total.amount - used
            } else {
                round(
                    total.amount * m.percent / Decimal::ONE_HUNDRED,
                    total.currency,
                )
            };
            used += amount;
            out.push(Money::new(amount, total.currency));
        }
        out
    }

    /// "30% T/T in advance, 70% before shipment".
    pub fn render_en(&self) -> String {
        self.milestones
            .iter()
            .map(|m| m.trigger.en(m.percent))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// "30% 定金，70% 出货前付清".
    pub fn render_zh(&self) -> String {
        self.milestones
            .iter()
            .map(|m| m.trigger.zh(m.percent))
            .collect::<Vec<_>>()
            .join("，")
    }
}

#[cfg(test)]
mod tests;
