//! The web page in a real browser: `dyad serve` on a store built from the seed article and
//! the examples, and headless Chromium loading each view (`--dump-dom` after the page's
//! scripts ran). Checks that the seed's events, actors, quotes and highlights appear.
//!
//! Needs `../shared` (the seed) and Chromium (Debian: `chromium`, installed by `.ci/run`);
//! run with `cargo test -p dyad --test browser -- --ignored`.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn chromium() -> PathBuf {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        for dir in std::env::var("PATH").unwrap_or_default().split(':') {
            let p = Path::new(dir).join(name);
            if p.is_file() {
                return p;
            }
        }
    }
    panic!("no Chromium found: install the Debian package chromium (as .ci/run does)");
}

/// Kills the server when the test ends, however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn dump(browser: &Path, url: &str) -> String {
    let profile = std::env::temp_dir().join(format!("dyad-chromium-{}", std::process::id()));
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            &format!("--user-data-dir={}", profile.display()),
            "--virtual-time-budget=15000",
            "--dump-dom",
            url,
        ])
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[test]
#[ignore = "needs ../shared and Chromium"]
fn the_page_shows_the_seed() {
    let browser = chromium();
    let dir = std::env::temp_dir().join(format!("dyad-browser-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let db = dir.join("b.db");
    let seed = "../shared/seed/article.txt";
    let ingest = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["ingest", "examples/", seed, "--date", "2021-12-15", "--db"])
        .arg(&db)
        .current_dir(workspace())
        .output()
        .expect("dyad ingest");
    assert!(
        ingest.status.success(),
        "{}",
        String::from_utf8_lossy(&ingest.stderr)
    );

    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let _server = Server(
        Command::new(env!("CARGO_BIN_EXE_dyad"))
            .args(["serve", "--addr", &format!("127.0.0.1:{port}"), "--db"])
            .arg(&db)
            .spawn()
            .expect("dyad serve"),
    );
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "server did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let base = format!("http://127.0.0.1:{port}/");

    // The article with its evidence.
    let page = dump(&browser, &format!("{base}#/doc?id={}", encode(seed)));
    assert!(page.contains("id=\"doc-title\""), "article view rendered");
    assert!(page.contains("Unprecedented Levels"), "the seed's title");
    assert!(
        page.contains("class=\"actor") && page.contains("data-code=\"RUSGOV\""),
        "Putin highlighted"
    );
    assert!(page.contains("data-code=\"CHNGOV\""), "Xi highlighted");
    assert!(
        page.contains("class=\"trigger") && page.contains("data-cameo=\"040\""),
        "the consultation's trigger"
    );
    assert!(page.contains("class=\"quote"), "quotes highlighted");
    assert!(
        page.contains("class=\"time") && page.contains("data-value=\"2022-02\""),
        "February 2022 resolved"
    );
    assert!(
        page.contains("class=\"doc-event"),
        "the side list of events"
    );

    // Who boycotted the Beijing Olympics.
    let page = dump(&browser, &format!("{base}#/events?actor=USA&root=16"));
    assert!(
        page.contains("class=\"event\"") || page.contains("class=\"event "),
        "event rows"
    );
    assert!(page.contains("data-cameo=\"163\""), "the boycott (163)");
    assert!(page.contains("diplomatic boycott"), "its sentence");

    // The Russia-China timeline.
    let page = dump(&browser, &format!("{base}#/dyad?a=RUS&b=CHN&by=month"));
    assert!(page.contains("id=\"timeline\""), "the chart");
    assert!(
        page.contains("data-period=\"2021-12\""),
        "December 2021 in the series"
    );

    // Xi's quotes.
    let page = dump(&browser, &format!("{base}#/quotes?speaker=Xi"));
    assert!(page.contains("quote-item"), "quote list");
    assert!(page.contains("My old friend"), "Xi's greeting");
}
