//! Speed of sentence analysis with the built-in model, in words per second: tokenising and
//! splitting alone (the baseline every later stage pays), tagging alone, and tagging plus
//! lemmatising plus parsing, on the bundled example articles.
//!
//! Run with `cargo bench -p dyad-nlp`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dyad_nlp::Model;

fn corpus() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
    let mut text = String::new();
    for name in [
        "01-summit.txt",
        "02-sanctions.txt",
        "03-phone-call.txt",
        "04-aid.txt",
    ] {
        text.push_str(&std::fs::read_to_string(format!("{dir}/{name}")).expect("example article"));
        text.push_str("\n\n");
    }
    text
}

fn bench(c: &mut Criterion) {
    let model = Model::builtin().expect("built-in model");
    let text = corpus();
    let analysis = dyad_nlp::analyse(&text);
    let sentences: Vec<Vec<&str>> = (0..analysis.sentences.len())
        .map(|i| {
            analysis
                .sentence_tokens(i)
                .map(|t| analysis.text_of(t))
                .collect()
        })
        .collect();
    let words: usize = sentences.iter().map(Vec::len).sum();
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Elements(words as u64));
    g.bench_function("tokenize+sentences", |b| {
        b.iter(|| dyad_nlp::analyse(black_box(&text)).tokens.len())
    });
    g.bench_function("tag", |b| {
        b.iter(|| {
            sentences
                .iter()
                .map(|s| model.tag(black_box(s)).len())
                .sum::<usize>()
        })
    });
    // Each pass starts with an empty word cache and asks for every lemma (a tree makes
    // them only when asked), so it pays for all of tagging, lemmatising and parsing.
    g.bench_function("tag+lemma+parse", |b| {
        b.iter(|| {
            Model::clear_word_cache();
            sentences
                .iter()
                .map(|s| {
                    let tree = model.annotate(black_box(s));
                    (0..tree.len()).map(|i| tree.lemma(i).len()).sum::<usize>()
                })
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
