//! The API's request and response bodies, with their OpenAPI schemas.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use utoipa::ToSchema;

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CustomerOut {
    pub id: i64,
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// Continent derived from the country.
    pub region: String,
    pub website: Option<String>,
    pub email_domain: Option<String>,
    /// alibaba, made_in_china, global_sources, trade_show, linkedin, x, website_form, referral, whatsapp, other
    pub source: String,
    pub source_detail: Option<String>,
    /// The owner's user name; null for the public pool.
    pub owner: Option<String>,
    /// lead, prospect, customer, lost
    pub status: String,
    /// high, medium, low
    pub completeness: Option<String>,
    pub requirement_clear: Option<bool>,
    /// inquiry, sample, proofing, mass_production
    pub stage: Option<String>,
    pub notes: Option<String>,
    /// Tag names.
    pub tags: Vec<String>,
    /// Custom values by field key: a string, or a list for multi-select fields (option labels).
    #[schema(value_type = Object)]
    pub custom: BTreeMap<String, Value>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct CustomerIn {
    pub name: String,
    /// Alpha-2, alpha-3 or an English or Chinese country name.
    pub country: String,
    pub website: Option<String>,
    pub email_domain: Option<String>,
    pub source: Option<String>,
    pub source_detail: Option<String>,
    /// A user name, or null for the public pool; omitted keeps the owner (on create: you).
    #[schema(value_type = Option<String>)]
    #[serde(deserialize_with = "present")]
    pub owner: Option<Value>,
    pub status: Option<String>,
    pub completeness: Option<String>,
    pub requirement_clear: Option<bool>,
    pub stage: Option<String>,
    pub notes: Option<String>,
    /// Tag names; unknown names become new tags. Omitted keeps the tags.
    pub tags: Option<Vec<String>>,
    /// Values by field key (option labels or ids for selects).
    #[schema(value_type = Object)]
    pub custom: Option<BTreeMap<String, Value>>,
    /// A first contact (create only).
    pub contact: Option<ContactIn>,
    /// Save even though similar customers exist.
    pub confirm_duplicates: bool,
}

/// Keeps an explicit `null` as `Some(Value::Null)`, so that "absent" and "null" differ.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct DuplicateOut {
    pub id: i64,
    pub name: String,
    pub country: String,
    pub owner: Option<String>,
    /// name, domain, email
    pub reasons: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct DuplicatesOut {
    pub candidates: Vec<DuplicateOut>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct MergeIn {
    /// The customer merged into this one and then deleted.
    pub from: i64,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ContactOut {
    pub id: i64,
    pub customer_id: i64,
    pub name: String,
    pub title: Option<String>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub whatsapp: Option<String>,
    pub wechat: Option<String>,
    pub notes: Option<String>,
    pub created_at: String,
}

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct ContactIn {
    /// Required when creating through `/contacts`.
    pub customer_id: Option<i64>,
    pub name: String,
    pub title: Option<String>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub whatsapp: Option<String>,
    pub wechat: Option<String>,
    pub notes: Option<String>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ActivityOut {
    pub id: i64,
    pub customer_id: i64,
    /// email_received, email_sent, call, meeting, visit, note, quote_sent, sample_sent, …
    pub kind: String,
    pub at: String,
    pub user: Option<String>,
    pub minutes: i32,
    pub body: Option<String>,
    pub created_at: String,
}

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct ActivityIn {
    pub customer_id: Option<i64>,
    pub kind: String,
    /// RFC 3339 or `YYYY-MM-DD HH:MM` (UTC); omitted means now.
    pub at: Option<String>,
    pub minutes: Option<i32>,
    pub body: Option<String>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct TagOut {
    pub id: i64,
    pub name: String,
    /// `#rrggbb`
    pub color: String,
    /// How many customers carry it.
    pub customers: i64,
}

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct TagIn {
    pub name: String,
    pub color: Option<String>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OptionOut {
    pub id: i64,
    pub label: String,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct FieldOut {
    pub id: i64,
    pub key: String,
    pub label_en: String,
    pub label_zh: String,
    /// text, number, date, single_select, multi_select, yes_no
    pub kind: String,
    pub required: bool,
    pub in_list: bool,
    pub position: i32,
    pub options: Vec<OptionOut>,
}

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct OptionIn {
    /// An existing option's id; omitted for a new option.
    pub id: Option<i64>,
    pub label: String,
}

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct FieldIn {
    /// Fixed once created.
    pub key: String,
    pub label_en: String,
    pub label_zh: Option<String>,
    /// Fixed once created.
    pub kind: String,
    pub required: bool,
    pub in_list: bool,
    pub position: i32,
    /// For selects. On update, existing options not listed are removed with their values.
    pub options: Vec<OptionIn>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct MeOut {
    pub id: i64,
    pub username: String,
    /// admin, manager, sales, finance
    pub role: String,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ErrorOut {
    pub code: String,
    pub message: String,
    /// Per field: `{"code", "message"}`.
    #[schema(value_type = Object)]
    pub fields: BTreeMap<String, Value>,
}

/// Declares the `{items, total, page, per_page}` wrapper for one item type.
macro_rules! list_type {
    ($name:ident, $item:ty) => {
        #[derive(Debug, Serialize, Deserialize, ToSchema)]
        pub struct $name {
            pub items: Vec<$item>,
            pub total: i64,
            pub page: u32,
            pub per_page: u32,
        }
    };
}

list_type!(CustomerList, CustomerOut);
list_type!(ContactList, ContactOut);
list_type!(ActivityList, ActivityOut);
list_type!(TagList, TagOut);
list_type!(FieldList, FieldOut);

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct InquiryIn {
    /// Echoed back by `/analyze`.
    #[schema(value_type = Option<Object>)]
    pub id: Option<Value>,
    pub text: String,
    pub subject: Option<String>,
    pub from: Option<String>,
    pub reply_to: Option<String>,
    /// Link the stored inquiry to this buyer (not used by `/analyze`).
    pub customer_id: Option<i64>,
}

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct InquiryLinkIn {
    /// The buyer to link to; null unlinks.
    pub customer_id: Option<i64>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct InquiryOut {
    pub id: i64,
    pub customer_id: Option<i64>,
    pub received_at: String,
    /// paste, eml, mbox, api, demo
    pub channel: String,
    pub subject: Option<String>,
    pub from: Option<String>,
    pub reply_to: Option<String>,
    pub text: String,
    /// The reader's analysis: language, completeness, risk, facts, questions.
    #[schema(value_type = Object)]
    pub analysis: Value,
}

list_type!(InquiryList, InquiryOut);

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ProductOut {
    pub id: i64,
    pub sku: String,
    pub name_en: String,
    pub name_zh: Option<String>,
    pub description: Option<String>,
    pub specs: Option<String>,
    pub hs_code: Option<String>,
    pub unit: String,
    pub moq: Option<i64>,
    /// Per unit in the base currency (CNY), VAT included; a decimal string.
    pub purchase_cost: Option<String>,
    /// Percent, e.g. "13".
    pub vat_rate: String,
    pub rebate_rate: String,
    pub pcs_per_carton: Option<i64>,
    pub carton_l_cm: Option<String>,
    pub carton_w_cm: Option<String>,
    pub carton_h_cm: Option<String>,
    pub net_kg: Option<String>,
    pub gross_kg: Option<String>,
    pub active: bool,
    /// Unit prices by currency code, as decimal strings.
    #[schema(value_type = Object)]
    pub prices: BTreeMap<String, String>,
}

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct ProductIn {
    pub sku: String,
    pub name_en: String,
    pub name_zh: Option<String>,
    pub description: Option<String>,
    pub specs: Option<String>,
    pub hs_code: Option<String>,
    pub unit: Option<String>,
    pub moq: Option<i64>,
    /// Decimal strings, never floats.
    pub purchase_cost: Option<String>,
    pub vat_rate: Option<String>,
    pub rebate_rate: Option<String>,
    pub pcs_per_carton: Option<i64>,
    pub carton_l_cm: Option<String>,
    pub carton_w_cm: Option<String>,
    pub carton_h_cm: Option<String>,
    pub net_kg: Option<String>,
    pub gross_kg: Option<String>,
    /// Defaults to true.
    pub active: Option<bool>,
    #[schema(value_type = Object)]
    pub prices: BTreeMap<String, String>,
}

list_type!(ProductList, ProductOut);

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct RateOut {
    /// 1 base = rate × quote.
    pub base: String,
    pub quote: String,
    /// A decimal string.
    pub rate: String,
    pub date: String,
    /// ecb, ecb_cross, manual, bank
    pub source: String,
}

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct RateIn {
    pub base: String,
    pub quote: String,
    /// A decimal string, never a float.
    pub rate: String,
    /// ISO date; today when omitted.
    pub date: Option<String>,
    /// manual (default) or bank.
    pub source: Option<String>,
}

list_type!(RateList, RateOut);

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct QuoteLineOut {
    pub product_id: Option<i64>,
    pub sku: Option<String>,
    pub description: Option<String>,
    pub quantity: String,
    pub unit: String,
    /// Up to 6 decimals.
    pub unit_price: String,
    /// Percent.
    pub discount: String,
    /// Rounded to the currency's minor unit.
    pub amount: String,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct QuoteOut {
    pub id: i64,
    /// e.g. Q-2026-0042; shared by all revisions.
    pub number: String,
    pub revision: i64,
    pub revision_reason: Option<String>,
    pub customer_id: i64,
    pub customer_name: String,
    /// draft, sent, accepted, declined, expired, superseded
    pub status: String,
    pub currency: String,
    /// Base-currency units per 1 quote-currency unit, frozen on the quote.
    pub rate: String,
    /// Incoterms 2020 rule.
    pub incoterm: String,
    pub place: String,
    pub payment_terms: String,
    pub valid_until: String,
    pub lead_time: String,
    pub lines: Vec<QuoteLineOut>,
    pub freight: String,
    pub insurance: String,
    pub other_charges: String,
    pub discount: String,
    pub subtotal: String,
    pub total: String,
    pub base_total: String,
    pub notes: Option<String>,
    pub is_latest: bool,
    pub created_at: String,
    pub sent_at: Option<String>,
    pub accepted_at: Option<String>,
    pub declined_at: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct QuoteLineIn {
    pub product_id: Option<i64>,
    pub sku: String,
    pub description: String,
    /// Decimal strings.
    pub quantity: String,
    pub unit: String,
    pub unit_price: String,
    pub discount: String,
}

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct QuoteIn {
    pub customer_id: Option<i64>,
    pub contact_id: Option<i64>,
    pub currency: String,
    /// Empty: today's rate.
    pub rate: String,
    pub incoterm: String,
    pub place: String,
    pub place_is_port: bool,
    /// e.g. "30% T/T deposit, 70% before shipment".
    pub payment_terms: String,
    pub valid_until: String,
    pub lead_time: String,
    pub lines: Vec<QuoteLineIn>,
    pub freight: String,
    pub insurance: String,
    pub other_charges: String,
    pub discount: String,
    pub notes: String,
    /// Required by `/revise`.
    pub reason: String,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct QuoteChangeOut {
    /// English description of the change.
    pub change: String,
}

list_type!(QuoteList, QuoteOut);

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OrderLineOut {
    pub id: i64,
    pub label: String,
    pub quantity: String,
    pub unit: String,
    pub shipped: String,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OrderOut {
    pub id: i64,
    /// e.g. SO-2026-0007
    pub number: String,
    pub customer_id: i64,
    pub customer_name: String,
    pub quote_id: Option<i64>,
    /// open, partially_shipped, shipped
    pub status: String,
    pub currency: String,
    pub rate: String,
    pub incoterm: String,
    pub place: String,
    pub payment_terms: String,
    pub total: String,
    pub base_total: String,
    pub lines: Vec<OrderLineOut>,
    pub created_at: String,
}

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct OrderIn {
    /// An accepted quote revision; without it, the order is typed directly with the same
    /// fields as a quote (customer_id, currency, incoterm, place, payment_terms, lines, …).
    pub quote_id: Option<i64>,
    #[serde(flatten)]
    pub direct: QuoteIn,
}

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct ShipLineIn {
    pub line_id: i64,
    /// A decimal string.
    pub quantity: String,
}

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct ShipIn {
    pub lines: Vec<ShipLineIn>,
}

list_type!(OrderList, OrderOut);

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct InvoiceOut {
    pub id: i64,
    /// e.g. INV-2026-00001; null while a draft.
    pub number: Option<String>,
    /// proforma, commercial, credit_note
    pub kind: String,
    /// draft, issued, partially_paid, paid, overdue, void (as of today)
    pub status: String,
    pub customer_id: i64,
    pub customer_name: String,
    pub quote_id: Option<i64>,
    pub order_id: Option<i64>,
    pub currency: String,
    /// Base-currency units per 1 invoice-currency unit, stored on the invoice.
    pub rate: String,
    pub total: String,
    pub base_total: String,
    pub open_amount: String,
    pub issue_date: Option<String>,
    pub due_date: Option<String>,
    pub void_reason: Option<String>,
    /// For a credit note: the commercial invoice it corrects, and why.
    pub credits_invoice_id: Option<i64>,
    pub credit_reason: Option<String>,
    /// For a commercial invoice: what issued credit notes took off its open amount.
    pub credited: String,
    /// Total in words as printed on PI/CI ("SAY US DOLLARS … ONLY").
    pub amount_in_words: String,
    pub lines: Vec<QuoteLineOut>,
}

/// One line of the invoice to credit, by its position (0-based) on the invoice.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct CreditLineIn {
    pub line: usize,
    pub quantity: String,
}

/// A credit note for an issued commercial invoice: returned quantities and/or an amount.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct CreditNoteIn {
    pub reason: String,
    pub lines: Vec<CreditLineIn>,
    pub adjustment_description: String,
    /// A decimal string in the invoice currency, e.g. "150.00".
    pub adjustment_amount: String,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AgingOut {
    pub currency: String,
    pub not_due: String,
    pub days_1_30: String,
    pub days_31_60: String,
    pub days_61_90: String,
    pub over_90: String,
    pub total: String,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OpenItemOut {
    /// invoice, credit_note or payment
    pub source: String,
    pub id: i64,
    pub number: Option<String>,
    pub currency: String,
    /// Positive: the customer owes it; negative: owed to the customer.
    pub open: String,
    pub due_date: Option<String>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CustomerBalanceOut {
    pub customer_id: i64,
    pub customer_name: String,
    pub balances: Vec<AgingOut>,
    pub items: Vec<OpenItemOut>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ReceivablesOut {
    pub as_of: String,
    pub customers: Vec<CustomerBalanceOut>,
    pub totals: Vec<AgingOut>,
}

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct InvoiceIn {
    /// proforma (from quote_id or order_id) or commercial (from order_id with lines).
    pub kind: String,
    pub quote_id: Option<i64>,
    pub order_id: Option<i64>,
    /// For a commercial invoice: quantities per sales-order line.
    pub lines: Vec<ShipLineIn>,
}

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct VoidIn {
    pub reason: String,
}

list_type!(InvoiceList, InvoiceOut);

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AllocationOut {
    pub invoice_id: i64,
    pub invoice_number: Option<String>,
    pub amount: String,
    /// Realised exchange gain (negative: loss) in the base currency.
    pub fx_gain_loss: String,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PaymentOut {
    pub id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    /// What the buyer paid: received plus bank charges.
    pub amount: String,
    pub currency: String,
    pub date: String,
    /// Deducted by the banks; booked as bank charges, never as exchange difference.
    pub bank_charges: String,
    /// Base units per 1 payment-currency unit at receipt.
    pub rate: String,
    /// Total realised exchange gain (negative: loss) in the base currency.
    pub fx_gain_loss: String,
    /// Held as advance or credit, not yet applied to invoices.
    pub unallocated: String,
    pub reference: Option<String>,
    /// A deposit held against this proforma invoice.
    pub against_invoice_id: Option<i64>,
    pub allocations: Vec<AllocationOut>,
}

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct AllocationIn {
    pub invoice_id: i64,
    pub amount: String,
}

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct PaymentIn {
    pub customer_id: Option<i64>,
    pub currency: String,
    /// What reached our account (decimal string).
    pub received: String,
    pub bank_charges: String,
    pub date: String,
    /// Empty: the rate of that day.
    pub rate: String,
    pub reference: String,
    /// Empty: oldest open commercial invoices first; the rest is held as credit.
    pub allocations: Vec<AllocationIn>,
    /// A deposit against this issued proforma invoice: held as an advance, applied when the
    /// commercial invoice of the same order or quote is issued.
    pub against_invoice_id: Option<i64>,
}

/// What to apply of a payment's advance or credit; empty: the oldest open invoices first.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct ApplyIn {
    pub allocations: Vec<AllocationIn>,
}

list_type!(PaymentList, PaymentOut);
