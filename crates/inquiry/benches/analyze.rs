//! Why this module exists: the reader must sustain at least 20,000 inquiries per second on one
//! core for ~1 KB messages. This criterion bench measures `analyze` on such messages.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use leadledger_inquiry::{Message, analyze, warm_up};
use std::hint::black_box;

fn pad_to_1k(s: &str) -> String {
    let filler = " Our company has been importing lighting and hardware for many years and we work with several Chinese suppliers.";
    let mut out = s.to_string();
    while out.len() < 1000 {
        out.push_str(filler);
    }
    out.truncate(out.floor_char_boundary(1024));
    out
}

fn messages() -> Vec<Message> {
    let texts = [
        "Dear team,\nWe are looking for 1000 pcs 100W outdoor LED flood lights, 5000K, IP65, with CE and RoHS, target market is Germany. Please quote FOB Ningbo and lead time. Payment 30% T/T deposit, balance against B/L copy.\nBest regards,\nThomas Becker\nLichtwerk GmbH\nwww.lichtwerk.de",
        "您好,我们需要采购1000个100W LED投光灯,色温5000K,防水等级IP65,需要CE和RoHS认证,出口德国。请报FOB宁波价格和交期。我们是德国的灯具进口商,长期合作,每年采购量大约两万个。",
        "Dear Supplier,\nYou have 3 pending inquiries on your Alibaba account. Please login to view the buyer messages before they expire: https://alibaba-support.com/login\nAlibaba.com Team",
        "Buenos días, necesitamos 2.000 piezas de focos LED de 50W, 6500K, IP66, con certificación CE. Favor cotizar CIF Callao y tiempo de entrega. Saludos, Jorge Ramírez, Iluminaciones del Pacífico S.A.C.",
    ];
    texts
        .iter()
        .map(|t| Message {
            text: pad_to_1k(t),
            subject: Some("RFQ".into()),
            from: Some("buyer@example-import.com".into()),
            ..Message::default()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    warm_up();
    let msgs = messages();
    let bytes: usize = msgs.iter().map(|m| m.text.len()).sum();
    let mut g = c.benchmark_group("analyze");
    g.throughput(Throughput::Elements(msgs.len() as u64));
    g.bench_function("4 messages of ~1 KB (elements = inquiries)", |b| {
        b.iter(|| {
            for m in &msgs {
                black_box(analyze(black_box(m)));
            }
        })
    });
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("4 messages of ~1 KB (bytes)", |b| {
        b.iter(|| {
            for m in &msgs {
                black_box(analyze(black_box(m)));
            }
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3)).warm_up_time(std::time::Duration::from_secs(1));
    targets = bench
}
criterion_main!(benches);
