//! The demo catalogue and exchange rates: a dozen products of a lighting and hardware exporter
//! with costs, rebates, packing and price lists, and ECB-style EUR reference rates for the last
//! 18 months so that conversions work on every demo date.

use crate::Result;
use leadledger_domain::product::ProductDraft;
use leadledger_store::Tx;
use leadledger_store::rates;

/// `sku | name_en | name_zh | hs | unit | moq | cost CNY incl. VAT | rebate % | pcs/ctn | L W H cm | net | gross | USD | EUR`
const CATALOGUE: &str = "
PNL-600-40 | LED panel light 600x600 40W 4000K | LED面板灯 600x600 40W | 9405.42 | pcs | 200 | 58.50 | 13 | 4 | 62 62 30 | 10 | 11.2 | 9.95 | 9.20
PNL-1200-36 | LED panel light 1200x300 36W | LED面板灯 1200x300 36W | 9405.42 | pcs | 200 | 55.00 | 13 | 4 | 123 32 32 | 9.6 | 11 | 9.40 | 8.70
FL-100W-IP65 | LED flood light 100W IP65 5000K | LED投光灯 100W IP65 | 9405.42 | pcs | 100 | 73.45 | 13 | 10 | 50 40 35 | 13 | 14.5 | 12.60 | 11.60
FL-200W-IP66 | LED flood light 200W IP66 | LED投光灯 200W IP66 | 9405.42 | pcs | 50 | 135.60 | 13 | 4 | 60 45 30 | 11 | 12.5 | 23.10 | 21.40
HB-150W | UFO high bay 150W IP65 | UFO工矿灯 150W | 9405.11 | pcs | 50 | 118.65 | 13 | 6 | 52 52 40 | 12 | 13.6 | 20.30 | 18.80
TB-T8-18W | LED tube T8 18W 1200mm | LED灯管 T8 18W | 8539.52 | pcs | 500 | 9.04 | 13 | 25 | 125 20 15 | 4.5 | 5.2 | 1.55 | 1.44
BLB-A60-9W | LED bulb A60 9W E27 | LED球泡 A60 9W E27 | 8539.52 | pcs | 1000 | 3.39 | 13 | 100 | 62 32 25 | 5 | 6 | 0.58 | 0.54
DL-12W-3K | LED downlight 12W 3000K | LED筒灯 12W 3000K | 9405.11 | pcs | 300 | 16.95 | 13 | 30 | 55 40 35 | 6.5 | 7.6 | 2.90 | 2.70
ST-60W | LED street light 60W | LED路灯 60W | 9405.42 | pcs | 100 | 96.05 | 13 | 2 | 65 30 18 | 7 | 8 | 16.50 | 15.30
STR-5M-24V | LED strip 24V 14.4W/m 5m roll IP65 | LED灯带 24V 5米 | 9405.42 | roll | 300 | 22.60 | 13 | 50 | 45 35 30 | 8 | 9 | 3.85 | 3.55
SOL-ST-100 | Solar street light 100W all-in-one | 一体化太阳能路灯 100W | 9405.49 | set | 50 | 186.45 | 13 | 1 | 110 35 12 | 9 | 10.5 | 31.80 | 29.40
DRV-60W | LED driver 60W 24V constant voltage | LED驱动电源 60W | 8504.40 | pcs | 500 | 28.25 | 13 | 50 | 50 38 30 | 11 | 12 | 4.85 | 4.50
";

/// EUR reference rates around which the demo's daily rates move: USD, CNY, GBP, JPY, AUD, AED.
const EUR_RATES: [(&str, f64, f64); 6] = [
    ("USD", 1.080, 0.030),
    ("CNY", 7.780, 0.150),
    ("GBP", 0.850, 0.012),
    ("JPY", 160.0, 4.000),
    ("AUD", 1.640, 0.040),
    ("AED", 3.967, 0.110),
];

pub(super) async fn seed(tx: &mut Tx, now: i64) -> Result<usize> {
    let mut n = 0;
    for line in CATALOGUE.lines().filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('|').map(str::trim).collect();
        let dims: Vec<&str> = f[9].split_whitespace().collect();
        let draft = ProductDraft {
            sku: f[0].into(),
            name_en: f[1].into(),
            name_zh: f[2].into(),
            hs_code: f[3].into(),
            unit: f[4].into(),
            moq: f[5].into(),
            purchase_cost: f[6].into(),
            rebate_rate: f[7].into(),
            pcs_per_carton: f[8].into(),
            carton_l_cm: dims[0].into(),
            carton_w_cm: dims[1].into(),
            carton_h_cm: dims[2].into(),
            net_kg: f[10].into(),
            gross_kg: f[11].into(),
            prices: vec![("USD".into(), f[12].into()), ("EUR".into(), f[13].into())],
            ..Default::default()
        };
        let input = draft
            .parse()
            .map_err(|e| crate::AppError::Internal(format!("demo product {}: {e}", f[0])))?;
        crate::products::insert_in(tx, &input, now).await?;
        n += 1;
    }
    // Business days of the last 18 months, with a slow deterministic drift per currency.
    let today = chrono::DateTime::from_timestamp(now, 0)
        .map(|d| d.date_naive())
        .unwrap_or_default();
    let mut day = today - chrono::Duration::days(550);
    let mut i = 0u32;
    while day <= today {
        use chrono::Datelike;
        if day.weekday().number_from_monday() <= 5 {
            for (k, (cur, mid, swing)) in EUR_RATES.iter().enumerate() {
                let phase = (i as f64) / 37.0 + k as f64;
                let value = mid + swing * phase.sin();
                let dp = if *cur == "JPY" { 2 } else { 4 };
                let rate = format!("{value:.dp$}");
                rates::upsert(tx, "EUR", cur, &rate, &day.to_string(), "ecb", now).await?;
            }
            i += 1;
        }
        day += chrono::Duration::days(1);
    }
    Ok(n)
}
