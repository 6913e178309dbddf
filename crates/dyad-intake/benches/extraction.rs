//! Time per page of dyad's HTML reader (furniture removal, dom_smoothie, metadata) against
//! dom_smoothie alone as the baseline, measured in the same run on the bundled example pages.
//! Run with `cargo bench -p dyad-intake`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use dyad_intake::IntakeOptions;

fn pages() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
    ["05-visit.html", "06-condemnation.html"]
        .iter()
        .map(|n| std::fs::read_to_string(format!("{dir}/{n}")).expect("example page"))
        .collect()
}

fn bench(c: &mut Criterion) {
    let pages = pages();
    let opts = IntakeOptions::default();
    let mut g = c.benchmark_group("extraction");
    g.bench_function("dom_smoothie alone", |b| {
        b.iter(|| {
            for p in &pages {
                let mut r = dom_smoothie::Readability::new(black_box(p.as_str()), None, None)
                    .expect("reader");
                black_box(r.parse().map(|a| a.text_content.len()).unwrap_or(0));
            }
        })
    });
    g.bench_function("dyad html::read", |b| {
        b.iter(|| {
            for p in &pages {
                black_box(
                    dyad_intake::html::read("bench.html", black_box(p), None, &opts)
                        .map(|d| d.text.len())
                        .unwrap_or(0),
                );
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
