//! Throughput of the annotators on news-like text: time tagging alone, actor finding, and
//! the whole `code_document`, in bytes of text per second.
//!
//! The text is the bundled examples, repeated to about 1 MB. Run with
//! `cargo bench -p dyad-code`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dyad_code::{Context, actors, code_document, quotes, time};
use dyad_lexicon::Lexicon;
use dyad_model::{DateSource, DateValue, Document};

fn corpus() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
    let mut one = String::new();
    for name in [
        "01-summit.txt",
        "02-sanctions.txt",
        "03-phone-call.txt",
        "04-aid.txt",
    ] {
        one.push_str(&std::fs::read_to_string(format!("{dir}/{name}")).expect("example article"));
        one.push_str("\n\n");
    }
    one.repeat((1 << 20) / one.len() + 1)
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let lex = Lexicon::builtin();
    let analysis = dyad_nlp::analyse(&text);
    let anchor = Some(time::Anchor::exact("2023-03-14".parse().expect("date")));
    let mut g = c.benchmark_group("annotators");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("tokenize+sentences", |b| {
        b.iter(|| dyad_nlp::analyse(black_box(&text)).tokens.len())
    });
    g.bench_function("time", |b| {
        let cx = Context::new(&text, &analysis, &lex, None);
        b.iter(|| time::find(black_box(&cx), anchor).len())
    });
    g.bench_function("actors", |b| {
        let cx = Context::new(&text, &analysis, &lex, None);
        b.iter(|| actors::find(black_box(&cx)).len())
    });
    g.bench_function("quotes", |b| {
        let cx = Context::new(&text, &analysis, &lex, None);
        let found = actors::find(&cx);
        b.iter(|| quotes::find(black_box(&cx), &found).len())
    });
    g.bench_function("code_document", |b| {
        b.iter(|| {
            let doc = Document {
                id: "bench".into(),
                text: text.clone(),
                published: Some(DateValue {
                    value: "2023-03-14".into(),
                    source: DateSource::Given,
                }),
                ..Default::default()
            };
            code_document(black_box(doc), &lex).events.len()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
