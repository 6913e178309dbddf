//! Query speed on a large synthetic store: a monthly dyad series and a page of an actor's
//! events, the two questions the web page asks most.
//!
//! The store (10 million events over 500,000 documents by default; set DYAD_BENCH_EVENTS
//! for another size) is built once into `target/dyad-bench-<N>.db` and reused by later
//! runs; building it takes a few minutes. Run with `cargo bench -p dyad-store`.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use dyad_store::{EventQuery, Period, Store};

/// Countries with weights roughly like news coverage (a few large, a long tail).
fn countries() -> Vec<(String, u32)> {
    let big = [
        ("USA", 200),
        ("RUS", 90),
        ("CHN", 90),
        ("GBR", 50),
        ("FRA", 40),
        ("DEU", 40),
        ("UKR", 40),
        ("ISR", 40),
        ("IRN", 35),
        ("IND", 30),
        ("JPN", 25),
        ("TUR", 25),
        ("PAK", 20),
        ("SYR", 20),
        ("KOR", 15),
        ("PRK", 15),
        ("SAU", 15),
        ("EGY", 12),
        ("AFG", 12),
        ("IRQ", 12),
    ];
    let mut out: Vec<(String, u32)> = big.iter().map(|(c, w)| (c.to_string(), *w)).collect();
    // A long tail of 130 smaller countries.
    for i in 0..130u32 {
        let a = (b'A' + (i / 26) as u8) as char;
        let b = (b'A' + (i % 26) as u8) as char;
        out.push((format!("X{a}{b}"), 2));
    }
    out
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn build(path: &PathBuf, events: usize) {
    let _ = std::fs::remove_file(path);
    drop(Store::open(path).expect("schema"));
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.execute_batch("PRAGMA synchronous = OFF; PRAGMA journal_mode = OFF;")
        .expect("pragmas");
    let countries = countries();
    let total: u32 = countries.iter().map(|c| c.1).sum();
    let pick = |r: &mut Rng| -> &str {
        let mut x = r.below(u64::from(total)) as u32;
        for (c, w) in &countries {
            if x < *w {
                return c;
            }
            x -= w;
        }
        &countries[0].0
    };
    let sectors = ["", "GOV", "GOV", "MIL", "OPP", "BUS"];
    let codes = [
        ("010", 0.0, 1),
        ("020", 3.0, 1),
        ("036", 4.0, 1),
        ("040", 1.0, 1),
        ("042", 1.9, 1),
        ("051", 3.4, 1),
        ("057", 8.0, 1),
        ("071", 7.4, 2),
        ("111", -2.0, 3),
        ("112", -2.0, 3),
        ("130", -4.4, 3),
        ("163", -8.0, 4),
        ("173", -5.0, 4),
        ("190", -10.0, 4),
    ];
    let mut r = Rng(0x5eed);
    let per_doc = 20;
    let docs = events.div_ceil(per_doc);
    let tx = conn.unchecked_transaction().expect("transaction");
    {
        let mut doc = tx
            .prepare("INSERT INTO documents (key, id, title, published, published_source, text) VALUES (?1, ?2, ?3, ?4, 'metadata', ?5)")
            .expect("prepare");
        let mut ev = tx
            .prepare(
                "INSERT INTO events (doc_key, seq, sentence_start, sentence_end, source_code, source_country,
                    source_sector, source_text, source_start, source_end, target_code, target_country,
                    target_sector, target_text, target_start, target_end, cameo, root, plover, mode,
                    goldstein, quad_class, date, date_source, trigger_text, trigger_start, trigger_end)
                 VALUES (?1, ?2, 0, 60, ?3, ?4, ?5, ?4, 0, 3, ?6, ?7, ?8, ?7, 10, 13, ?9, ?10, NULL, NULL,
                         ?11, ?12, ?13, 'published', 'met', 5, 8)",
            )
            .expect("prepare");
        let text = "Synthetic report: one country met another, and talks went on.";
        let mut written = 0;
        for d in 0..docs {
            let key = format!("{d:032x}");
            let day = r.below(11 * 365);
            let (y, doy) = (2015 + day / 365, day % 365);
            let date = format!("{y}-{:02}-{:02}", doy / 31 % 12 + 1, doy % 28 + 1);
            doc.execute(rusqlite::params![
                key,
                format!("doc-{d}"),
                "Synthetic",
                date,
                text
            ])
            .expect("document");
            for seq in 0..per_doc.min(events - written) {
                let (s, t) = (pick(&mut r).to_string(), pick(&mut r).to_string());
                let (ss, ts) = (sectors[r.below(6) as usize], sectors[r.below(6) as usize]);
                let (cameo, goldstein, quad) = codes[r.below(codes.len() as u64) as usize];
                ev.execute(rusqlite::params![
                    key,
                    seq as i64,
                    format!("{s}{ss}"),
                    s,
                    ss,
                    format!("{t}{ts}"),
                    t,
                    ts,
                    cameo,
                    &cameo[..2],
                    goldstein,
                    quad,
                    date
                ])
                .expect("event");
                written += 1;
            }
        }
    }
    tx.commit().expect("commit");
    conn.execute_batch("ANALYZE;").expect("analyze");
}

fn bench(c: &mut Criterion) {
    let events: usize = std::env::var("DYAD_BENCH_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000_000);
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../target"))
        .join(format!("dyad-bench-{events}.db"));
    if !path.exists() {
        eprintln!("building {} ({events} events)...", path.display());
        build(&path, events);
    }
    let store = Store::open(&path).expect("bench store");
    let total = store.totals().expect("totals").events;
    eprintln!("{} holds {total} events", path.display());
    let mut g = c.benchmark_group(format!("store-{total}"));
    g.sample_size(20);
    g.bench_function("relations RUS-CHN by month", |b| {
        b.iter(|| {
            store
                .relations(black_box("RUS"), "CHN", Period::Month, false)
                .expect("series")
                .len()
        })
    });
    g.bench_function("events page actor=RUS", |b| {
        let q = EventQuery {
            actor: Some("RUS".into()),
            limit: Some(50),
            ..Default::default()
        };
        b.iter(|| store.events(black_box(&q)).expect("page").len())
    });
    g.bench_function("events page actor=RUS, 2020", |b| {
        let q = EventQuery {
            actor: Some("RUS".into()),
            since: Some("2020-01-01".into()),
            until: Some("2020-12-31".into()),
            limit: Some(50),
            ..Default::default()
        };
        b.iter(|| store.events(black_box(&q)).expect("page").len())
    });
    g.bench_function("events page dyad RUS-CHN", |b| {
        let q = EventQuery {
            a: Some("RUS".into()),
            b: Some("CHN".into()),
            limit: Some(50),
            ..Default::default()
        };
        b.iter(|| store.events(black_box(&q)).expect("page").len())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
