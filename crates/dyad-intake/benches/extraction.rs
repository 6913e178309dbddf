//! Time per page of dyad's HTML reader (markup preparation, furniture removal, dom_smoothie,
//! metadata) against dom_smoothie alone as the baseline, measured in the same run.
//!
//! Pages: the WCXB development pages when `../shared/bench/extraction` is next to the
//! checkout (or the directory in `DYAD_BENCH_PAGES`), else the bundled example pages. Pages
//! are gunzipped and decoded before timing, so both sides time extraction alone. Criterion
//! reports the time for the whole set; divide by the page count printed first.
//! Run with `cargo bench -p dyad-intake`.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dyad_intake::IntakeOptions;

/// At most this many pages, taken in file-name order, so runs compare like with like.
const MAX_PAGES: usize = 200;

fn pages() -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = std::env::var_os("DYAD_BENCH_PAGES")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/bench/extraction/wcxb-articles/dev/html"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    let mut pages: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let bytes = std::fs::read(f).ok()?;
            let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
                dyad_intake::gunzip(&bytes, usize::MAX).ok()?
            } else {
                bytes
            };
            Some(String::from_utf8_lossy(&bytes).into_owned())
        })
        .take(MAX_PAGES)
        .collect();
    if pages.is_empty() {
        let examples = root.join("examples");
        pages = ["05-visit.html", "06-condemnation.html"]
            .iter()
            .map(|n| std::fs::read_to_string(examples.join(n)).expect("example page"))
            .collect();
    }
    eprintln!("extraction bench: {} pages", pages.len());
    pages
}

fn bench(c: &mut Criterion) {
    let pages = pages();
    let opts = IntakeOptions::default();
    let mut g = c.benchmark_group("extraction");
    g.throughput(Throughput::Elements(pages.len() as u64));
    g.sample_size(20);
    g.bench_function("dom_smoothie alone", |b| {
        b.iter(|| {
            for p in &pages {
                let Ok(mut r) = dom_smoothie::Readability::new(black_box(p.as_str()), None, None)
                else {
                    continue;
                };
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
