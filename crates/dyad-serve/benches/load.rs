//! A load test of the API on loopback, bounded in time: the server on a store coded from
//! the bundled examples, and client threads sending a mix of API requests (event pages
//! with filters, a dyad series, quotes, a document, stats) for a fixed time. Prints
//! requests per second, latency percentiles and errors; exits non-zero on any error.
//!
//! Run with `cargo bench -p dyad-serve --bench load` (DYAD_LOAD_SECONDS, default 10;
//! DYAD_LOAD_CLIENTS, default 8).

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

use dyad_model::{DateSource, DateValue, Document};
use dyad_store::Store;

const PATHS: &[&str] = &[
    "/api/events?limit=50",
    "/api/events?actor=FRA&limit=20",
    "/api/events?root=04&quad=1",
    "/api/relations?a=FRA&b=DEU&by=month",
    "/api/quotes?speaker=GOV&limit=10",
    "/api/document?id=01-summit.txt",
    "/api/stats",
    "/api/actors?name=RUS&limit=20",
];

fn store() -> std::path::PathBuf {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
    let path = std::env::temp_dir().join(format!("dyad-load-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let lexicon = dyad_lexicon::Lexicon::builtin();
    let mut store = Store::open(&path).expect("store");
    let docs: Vec<_> = [
        "01-summit.txt",
        "02-sanctions.txt",
        "03-phone-call.txt",
        "04-aid.txt",
    ]
    .iter()
    .map(|name| {
        let text = std::fs::read_to_string(format!("{dir}/{name}")).expect("example");
        dyad_code::code_document(
            Document {
                id: name.to_string(),
                text,
                published: Some(DateValue {
                    value: "2021-12-15".into(),
                    source: DateSource::Given,
                }),
                ..Default::default()
            },
            &lexicon,
        )
    })
    .collect();
    store.write_batch(&docs).expect("written");
    path
}

fn get(addr: SocketAddr, path: &str) -> Result<u16, String> {
    let mut s = TcpStream::connect(addr).map_err(|e| e.to_string())?;
    s.set_read_timeout(Some(Duration::from_secs(5)))
        .map_err(|e| e.to_string())?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).map_err(|e| e.to_string())?;
    let head = String::from_utf8_lossy(&raw[..raw.len().min(32)]).to_string();
    head.split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| format!("no status in {head:?}"))
}

fn main() {
    let seconds: u64 = std::env::var("DYAD_LOAD_SECONDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    let clients: usize = std::env::var("DYAD_LOAD_CLIENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(8);
    let app = Arc::new(dyad_serve::App::new(store(), None, None).expect("app"));
    let addr = dyad_serve::spawn_on_loopback(app, 1 << 20).expect("server");
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let workers: Vec<_> = (0..clients)
        .map(|c| {
            std::thread::spawn(move || {
                let mut latencies = Vec::new();
                let mut errors = Vec::new();
                let mut i = c;
                while Instant::now() < deadline {
                    let path = PATHS[i % PATHS.len()];
                    i += 1;
                    let t = Instant::now();
                    match get(addr, path) {
                        Ok(200) => latencies.push(t.elapsed()),
                        Ok(status) => errors.push(format!("{path}: status {status}")),
                        Err(e) => errors.push(format!("{path}: {e}")),
                    }
                }
                (latencies, errors)
            })
        })
        .collect();
    let mut latencies = Vec::new();
    let mut errors = Vec::new();
    for w in workers {
        let (l, e) = w.join().expect("client thread");
        latencies.extend(l);
        errors.extend(e);
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    let pct = |p: f64| {
        latencies
            .get(((latencies.len() as f64 - 1.0) * p) as usize)
            .map_or(0.0, |d| d.as_secs_f64() * 1e3)
    };
    let total = latencies.len() + errors.len();
    println!(
        "{total} requests in {elapsed:.1} s from {clients} clients: {:.0} requests/s, latency p50 {:.2} ms, p99 {:.2} ms, {} errors",
        total as f64 / elapsed,
        pct(0.5),
        pct(0.99),
        errors.len()
    );
    for e in errors.iter().take(10) {
        println!("  error: {e}");
    }
    if !errors.is_empty() {
        std::process::exit(1);
    }
}
