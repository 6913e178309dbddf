//! The API end to end: a store built by coding the bundled example articles, the server on
//! a loopback port, and plain HTTP/1.1 requests.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use dyad_model::{DateSource, DateValue, Document};
use dyad_store::Store;
use serde_json::Value;

fn examples() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples"))
}

/// Code the text examples (dated 2021-12-15) into a fresh store file.
fn build_store() -> PathBuf {
    let path = std::env::temp_dir().join(format!("dyad-serve-test-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let lexicon = dyad_lexicon::Lexicon::builtin();
    let mut store = Store::open(&path).expect("store");
    let mut docs = Vec::new();
    for name in [
        "01-summit.txt",
        "02-sanctions.txt",
        "03-phone-call.txt",
        "04-aid.txt",
    ] {
        let text = std::fs::read_to_string(examples().join(name)).expect("example");
        let doc = Document {
            id: name.into(),
            text,
            published: Some(DateValue {
                value: "2021-12-15".into(),
                source: DateSource::Given,
            }),
            ..Default::default()
        };
        docs.push(dyad_code::code_document(doc, &lexicon));
    }
    store.write_batch(&docs).expect("written");
    path
}

struct Fixed(&'static str);

impl dyad_serve::Ingest for Fixed {
    fn ingest(&self, body: &[u8], format: &str, _: Option<&str>) -> Result<Value, String> {
        Ok(serde_json::json!({"bytes": body.len(), "format": format, "by": self.0}))
    }
}

/// One server for all tests in this file.
fn server() -> SocketAddr {
    static ADDR: OnceLock<SocketAddr> = OnceLock::new();
    *ADDR.get_or_init(|| {
        let db = build_store();
        let app = Arc::new(
            dyad_serve::App::new(
                db,
                Some("a-test-token-of-some-length".into()),
                Some(Arc::new(Fixed("test"))),
            )
            .expect("app"),
        );
        dyad_serve::spawn_on_loopback(app, 1 << 20).expect("server")
    })
}

/// Send a request; returns the status, the content type and the body.
fn request(method: &str, path: &str, headers: &str, body: &str) -> (u16, String, String) {
    let mut s = TcpStream::connect(server()).expect("connect");
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: {}\r\n{headers}\r\n{body}",
        body.len()
    )
    .expect("send");
    let mut raw = String::new();
    s.read_to_string(&mut raw).expect("read");
    let (head, body) = raw.split_once("\r\n\r\n").expect("a response");
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .expect("status");
    let content_type = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-type: ")
                .map(str::to_string)
        })
        .unwrap_or_default();
    (status, content_type, body.to_string())
}

fn get_json(path: &str) -> (u16, Value) {
    let (status, content_type, body) = request("GET", path, "", "");
    assert!(
        content_type.starts_with("application/json"),
        "{path}: {content_type}"
    );
    (
        status,
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("{path}: {e}: {body}")),
    )
}

#[test]
fn events_with_filters_and_paging() {
    let (status, all) = get_json("/api/events");
    assert_eq!(status, 200);
    let total = all["total"].as_u64().expect("total");
    assert!(total >= 10, "{total}");
    let first = &all["events"][0];
    for field in [
        "id",
        "document_id",
        "source",
        "cameo",
        "cameo_label",
        "quad_class",
        "trigger",
        "sentence",
        "sources",
    ] {
        assert!(!first[field].is_null(), "{field} in {first}");
    }
    let (_, page) = get_json("/api/events?limit=2&offset=1");
    assert_eq!(page["events"].as_array().expect("list").len(), 2);
    assert_eq!(page["events"][0]["id"], all["events"][1]["id"]);
    let (_, consult) = get_json("/api/events?root=04&quad=1");
    let events = consult["events"].as_array().expect("list");
    assert!(!events.is_empty());
    assert!(
        events
            .iter()
            .all(|e| e["cameo"].as_str().is_some_and(|c| c.starts_with("04")))
    );
    let (_, fra) = get_json("/api/events?actor=FRA");
    assert!(fra["events"].as_array().expect("list").iter().all(|e| {
        e["source"]["code"]
            .as_str()
            .is_some_and(|c| c.starts_with("FRA"))
            || e["target"]["code"]
                .as_str()
                .is_some_and(|c| c.starts_with("FRA"))
    }));
}

#[test]
fn relations_series() {
    let (status, r) = get_json("/api/relations?a=FRA&b=DEU&by=month");
    assert_eq!(status, 200);
    let series = r["series"].as_array().expect("series");
    assert_eq!(series[0]["period"], "2021-12");
    assert!(series[0]["events"].as_u64().expect("count") >= 1);
    let (status, e) = get_json("/api/relations?a=FRA");
    assert_eq!(status, 400);
    assert!(
        e["error"]
            .as_str()
            .expect("message")
            .contains("b is required")
    );
    let (status, _) = get_json("/api/relations?a=FRA&b=DEU&by=fortnight");
    assert_eq!(status, 400);
}

#[test]
fn documents_quotes_actors_stats() {
    let (status, doc) = get_json("/api/document?id=01-summit.txt");
    assert_eq!(status, 200);
    let text = doc["text"].as_str().expect("text");
    let e = &doc["events"][0];
    let span = &e["trigger"]["span"];
    let (s, t) = (
        span[0].as_u64().expect("start") as usize,
        span[1].as_u64().expect("end") as usize,
    );
    assert_eq!(&text[s..t], e["trigger"]["text"].as_str().expect("trigger"));
    let (status, _) = get_json("/api/document?id=missing.txt");
    assert_eq!(status, 404);
    let (_, quotes) = get_json("/api/quotes?limit=5");
    assert!(quotes["total"].as_u64().expect("total") >= 1);
    let (_, actors) = get_json("/api/actors?name=FRA&limit=3");
    assert!(actors["actors"].as_array().expect("list").len() <= 3);
    let (_, stats) = get_json("/api/stats");
    assert_eq!(stats["documents"], 4);
}

#[test]
fn bad_requests_say_what_is_wrong() {
    for (path, needle) in [
        ("/api/events?root=21", "root"),
        ("/api/events?quad=5", "quad"),
        ("/api/events?from=yesterday", "from"),
        ("/api/events?limit=501", "at most 500"),
        ("/api/events?mode=maybe", "mode"),
        ("/api/events?colour=red", "unknown parameter"),
        ("/api/events?a=RUS%27%3B%20DROP", "a must be"),
        ("/api/document", "id is required"),
    ] {
        let (status, e) = get_json(path);
        assert_eq!(status, 400, "{path}");
        assert!(
            e["error"].as_str().expect("message").contains(needle),
            "{path}: {e}"
        );
    }
    let (status, e) = get_json("/api/nothing-here");
    assert_eq!(status, 404);
    assert!(e["error"].is_string());
}

#[test]
fn ingest_needs_the_token() {
    let (status, _, body) = request("POST", "/api/ingest?format=text", "", "Putin met Xi.");
    assert_eq!(status, 401, "{body}");
    let (status, _, body) = request(
        "POST",
        "/api/ingest?format=text",
        "Authorization: Bearer wrong-token-of-some-length\r\n",
        "Putin met Xi.",
    );
    assert_eq!(status, 401, "{body}");
    let (status, _, body) = request(
        "POST",
        "/api/ingest?format=text",
        "Authorization: Bearer a-test-token-of-some-length\r\n",
        "Putin met Xi.",
    );
    assert_eq!(status, 200, "{body}");
    let v: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(
        (v["bytes"].as_u64(), v["format"].as_str()),
        (Some(13), Some("text"))
    );
    let big = "x".repeat((1 << 20) + 10);
    let (status, _, _) = request(
        "POST",
        "/api/ingest",
        "Authorization: Bearer a-test-token-of-some-length\r\n",
        &big,
    );
    assert_eq!(status, 413);
}

#[test]
fn page_assets_and_openapi() {
    let (status, content_type, body) = request("GET", "/", "", "");
    assert_eq!(status, 200);
    assert!(content_type.starts_with("text/html"));
    assert!(body.contains("app.js"));
    let (status, content_type, _) = request("GET", "/app.js", "", "");
    assert_eq!(
        (status, content_type.starts_with("text/javascript")),
        (200, true)
    );
    let (status, spec) = get_json("/openapi.json");
    assert_eq!(status, 200);
    for route in [
        "/api/events",
        "/api/relations",
        "/api/quotes",
        "/api/document",
        "/api/ingest",
    ] {
        assert!(spec["paths"][route].is_object(), "{route} documented");
    }
}
