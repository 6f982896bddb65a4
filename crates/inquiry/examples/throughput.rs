//! Why this module exists: criterion measures wall-clock time, which a busy shared machine
//! distorts. This example analyses a fixed number of ~1 KB messages so that `perf stat` (or
//! `time`) can report the CPU time actually spent, i.e. single-core throughput.
//!
//! Run: `cargo run --release -p leadledger-inquiry --example throughput -- 200000`

use leadledger_inquiry::{Message, analyze, warm_up};
use std::hint::black_box;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let base = [
        "Dear team,\nWe are looking for 1000 pcs 100W outdoor LED flood lights, 5000K, IP65, with CE and RoHS, target market is Germany. Please quote FOB Ningbo and lead time. Payment 30% T/T deposit, balance against B/L copy.\nBest regards,\nThomas Becker\nLichtwerk GmbH\nwww.lichtwerk.de",
        "您好,我们需要采购1000个100W LED投光灯,色温5000K,防水等级IP65,需要CE和RoHS认证,出口德国。请报FOB宁波价格和交期。我们是德国的灯具进口商,长期合作,每年采购量大约两万个。",
        "Dear Supplier,\nYou have 3 pending inquiries on your Alibaba account. Please login to view the buyer messages before they expire: https://alibaba-support.com/login\nAlibaba.com Team",
        "Buenos días, necesitamos 2.000 piezas de focos LED de 50W, 6500K, IP66, con certificación CE. Favor cotizar CIF Callao y tiempo de entrega. Saludos, Jorge Ramírez, Iluminaciones del Pacífico S.A.C.",
    ];
    let filler = " Our company has been importing lighting and hardware for many years and we work with several Chinese suppliers.";
    let msgs: Vec<Message> = base
        .iter()
        .map(|t| {
            let mut s = t.to_string();
            while s.len() < 1000 {
                s.push_str(filler);
            }
            s.truncate(s.floor_char_boundary(1024));
            Message {
                text: s,
                subject: Some("RFQ".into()),
                from: Some("buyer@example-import.com".into()),
                ..Message::default()
            }
        })
        .collect();
    warm_up();
    let t = std::time::Instant::now();
    let mut bytes = 0usize;
    for i in 0..n {
        let m = &msgs[i % msgs.len()];
        bytes += m.text.len();
        black_box(analyze(black_box(m)));
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "{n} inquiries ({:.1} MB) in {s:.3} s wall: {:.0} inquiries/s, {:.1} MB/s",
        bytes as f64 / 1e6,
        n as f64 / s,
        bytes as f64 / 1e6 / s
    );
}
