//! A proforma invoice, a sales order and a commercial invoice made from one quote agree on
//! quantities and amounts: each copies the quote's lines, charges, discount and frozen rate, and
//! all three call the same [`Totals::compute`], so identical inputs give identical totals.

use super::invoice::{OrderLineQuantities, check_invoice_quantities};
use super::lines::{Charges, DocumentDiscount, Line};
use super::quote::{QuoteSnapshot, QuoteStatus, accept};
use super::test_support::snapshot;
use super::totals::{FrozenRate, Totals};
use crate::money::{Currency, Money, Percent, Quantity, UnitPrice};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// What every document made from a quote carries over.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Doc {
    currency: Currency,
    rate: FrozenRate,
    lines: Vec<Line>,
    charges: Charges,
    discount: DocumentDiscount,
}

impl Doc {
    fn from_quote(q: &QuoteSnapshot) -> Doc {
        Doc {
            currency: q.currency,
            rate: q.rate,
            lines: q.lines.clone(),
            charges: q.charges,
            discount: q.discount,
        }
    }

    /// As the store would hand it back: through JSON, the way documents are persisted.
    fn stored(&self) -> Doc {
        let lines = serde_json::to_string(&self.lines).unwrap();
        let charges = serde_json::to_string(&self.charges).unwrap();
        let rate = serde_json::to_string(&self.rate).unwrap();
        let discount = serde_json::to_string(&self.discount).unwrap();
        Doc {
            currency: self.currency,
            rate: serde_json::from_str(&rate).unwrap(),
            lines: serde_json::from_str(&lines).unwrap(),
            charges: serde_json::from_str(&charges).unwrap(),
            discount: serde_json::from_str(&discount).unwrap(),
        }
    }

    fn totals(&self) -> Totals {
        Totals::compute(self.currency, &self.lines, &self.charges, self.discount).unwrap()
    }

    fn base_total(&self) -> Money {
        self.totals().base_total(&self.rate).unwrap()
    }
}

fn quantities(d: &Doc) -> Vec<Decimal> {
    d.lines.iter().map(|l| l.quantity().value()).collect()
}

/// PI from the quote; the sales order from the accepted quote; a commercial invoice from the
/// order once everything has shipped.
fn chain(q: &QuoteSnapshot) -> (Doc, Doc, Doc) {
    assert_eq!(
        accept(QuoteStatus::Sent, true).unwrap(),
        QuoteStatus::Accepted
    );
    let pi = Doc::from_quote(q).stored();
    let order = Doc::from_quote(q).stored();
    let shipped: Vec<OrderLineQuantities<usize>> = order
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| OrderLineQuantities {
            id: i,
            ordered: l.quantity(),
            shipped: l.quantity().value(),
        })
        .collect();
    let requested: Vec<(usize, Quantity)> = order
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| (i, l.quantity()))
        .collect();
    check_invoice_quantities(&shipped, &[], &requested).unwrap();
    let mut ci = order.stored();
    ci.lines = requested
        .iter()
        .map(|(i, q)| order.lines[*i].with_quantity(*q))
        .collect();
    (pi, order, ci)
}

#[test]
fn a_pi_a_sales_order_and_a_commercial_invoice_from_one_quote_agree() {
    let q = snapshot();
    let (pi, order, ci) = chain(&q);
    assert_eq!(quantities(&pi), quantities(&order));
    assert_eq!(quantities(&ci), quantities(&order));
    let quote_totals = q.totals().unwrap();
    assert_eq!(pi.totals(), quote_totals);
    assert_eq!(order.totals(), quote_totals);
    assert_eq!(ci.totals(), quote_totals);
    assert_eq!(pi.base_total(), ci.base_total());
    assert_eq!(order.base_total(), ci.base_total());
}

#[test]
fn partial_commercial_invoices_add_up_to_the_ordered_quantities() {
    let q = snapshot();
    let order = Doc::from_quote(&q).stored();
    let qty = |s: &str| Quantity::new(s.parse().unwrap()).unwrap();
    let lines = |shipped: [&str; 2]| -> Vec<OrderLineQuantities<usize>> {
        order
            .lines
            .iter()
            .zip(shipped)
            .enumerate()
            .map(|(i, (l, s))| OrderLineQuantities {
                id: i,
                ordered: l.quantity(),
                shipped: s.parse().unwrap(),
            })
            .collect()
    };
    let first = [(0, qty("600")), (1, qty("500"))];
    check_invoice_quantities(&lines(["600", "500"]), &[], &first).unwrap();
    let second = [(0, qty("400"))];
    assert!(check_invoice_quantities(&lines(["600", "500"]), &first, &second).is_err());
    check_invoice_quantities(&lines(["1000", "500"]), &first, &second).unwrap();
    let mut billed = [Decimal::ZERO; 2];
    for (i, q) in first.iter().chain(&second) {
        billed[*i] += q.value();
    }
    assert_eq!(billed.to_vec(), quantities(&order));
    // The two invoices bill each line at the order's price: here no rounding is lost.
    let invoiced: Decimal = first
        .iter()
        .chain(&second)
        .map(|(i, q)| {
            order.lines[*i]
                .with_quantity(*q)
                .amount(order.currency)
                .unwrap()
                .amount
        })
        .sum();
    assert_eq!(invoiced, order.totals().subtotal.amount);
}

fn any_line() -> impl Strategy<Value = Line> {
    (
        1i64..100_000,
        0u32..=3,
        1i64..10_000_000,
        0u32..=6,
        0i64..=50,
    )
        .prop_map(|(q, qs, p, ps, disc)| {
            Line::new(
                None,
                "SKU-1",
                "",
                Quantity::new(Decimal::new(q, qs)).unwrap(),
                "pcs",
                UnitPrice::new(Decimal::new(p, ps)).unwrap(),
                Percent::new(Decimal::from(disc)).unwrap(),
            )
            .unwrap()
        })
}

proptest! {
    #[test]
    fn documents_from_any_quote_agree_on_quantities_and_amounts(
        lines in prop::collection::vec(any_line(), 1..10),
        c in prop::sample::select(vec![Currency::USD, Currency::EUR, Currency::JPY, Currency::KWD]),
        rate in 1i64..10_000_000,
        pct in 0u32..=20,
    ) {
        let mut q = snapshot();
        q.currency = c;
        q.rate = FrozenRate::new(c, Currency::CNY, Decimal::new(rate, 5)).unwrap();
        q.lines = lines;
        q.charges = Charges::none(c);
        q.discount = DocumentDiscount::Percent(Percent::new(Decimal::from(pct)).unwrap());
        let (pi, order, ci) = chain(&q);
        prop_assert_eq!(quantities(&pi), quantities(&order));
        prop_assert_eq!(quantities(&ci), quantities(&order));
        prop_assert_eq!(pi.totals(), order.totals());
        prop_assert_eq!(ci.totals(), order.totals());
        prop_assert_eq!(ci.totals(), q.totals().unwrap());
        prop_assert_eq!(pi.base_total(), ci.base_total());
    }
}

proptest! {
    /// However an order line is split over partial invoices, the part billing the rest bills
    /// the rest of the amount, so the parts add up to the line to the cent.
    #[test]
    fn partial_invoices_of_a_line_add_up_to_the_line(
        line in any_line(),
        cuts in prop::collection::vec(1u32..100, 1..5),
        c in prop::sample::select(vec![Currency::USD, Currency::JPY, Currency::KWD]),
    ) {
        let whole = line.amount(c).unwrap();
        let total_q = line.quantity().value();
        // Split the quantity in proportion to `cuts`, whole units except the last part.
        let sum: u32 = cuts.iter().sum();
        let mut parts: Vec<Decimal> = cuts[..cuts.len() - 1]
            .iter()
            .map(|k| (total_q * Decimal::from(*k) / Decimal::from(sum)).floor())
            .filter(|q| !q.is_zero())
            .collect();
        let rest_q = total_q - parts.iter().copied().sum::<Decimal>();
        prop_assume!(rest_q > Decimal::ZERO);
        let mut billed: Vec<Money> = Vec::new();
        for q in parts.drain(..) {
            billed.push(line.with_quantity(Quantity::new(q).unwrap()).amount(c).unwrap());
        }
        // Rounding drifts by under a minor unit per part; only a rest worth less than that
        // drift could go negative, and that is refused rather than billed.
        let rest = super::lines::remainder(whole, &billed);
        prop_assume!(rest.is_ok());
        let rest = rest.unwrap();
        let last = line.with_rest(Quantity::new(rest_q).unwrap(), rest);
        billed.push(last.amount(c).unwrap());
        prop_assert_eq!(Money::sum(c, billed).unwrap(), whole);
    }
}
