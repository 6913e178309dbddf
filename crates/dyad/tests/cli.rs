//! End-to-end tests of the `dyad` binary on the bundled example articles: the JSONL
//! contract, evidence spans, bad inputs, idempotent ingest and the query commands.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .current_dir(workspace())
        .output()
        .expect("dyad runs")
}

fn dyad_stdin(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .current_dir(workspace())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("dyad runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("every line is JSON"))
        .collect()
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-e2e-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Every span in a coded document must cut exactly the text it claims.
fn assert_spans_point_at_text(doc: &Value) {
    let text = doc["text"].as_str().unwrap();
    let check = |v: &Value, what: &str| {
        let s = v["span"]
            .as_array()
            .unwrap_or_else(|| panic!("{what} has no span: {v}"));
        let (a, b) = (
            s[0].as_u64().unwrap() as usize,
            s[1].as_u64().unwrap() as usize,
        );
        let cut = text
            .get(a..b)
            .unwrap_or_else(|| panic!("{what} span {a}..{b} not in text"));
        assert_eq!(cut, v["text"].as_str().unwrap(), "{what} span text");
    };
    for a in doc["actors"].as_array().unwrap() {
        check(a, "actor");
    }
    for e in doc["events"].as_array().unwrap() {
        check(&e["source"], "event source");
        if !e["target"].is_null() {
            check(&e["target"], "event target");
        }
        check(&e["trigger"], "event trigger");
        let s = e["sentence"].as_array().unwrap();
        let sentence = &text[s[0].as_u64().unwrap() as usize..s[1].as_u64().unwrap() as usize];
        assert!(sentence.contains(e["trigger"]["text"].as_str().unwrap()));
    }
    for q in doc["quotes"].as_array().unwrap() {
        check(q, "quote");
        if !q["speaker"].is_null() {
            check(&q["speaker"], "speaker");
        }
    }
}

#[test]
fn code_examples_follow_the_contract() {
    let out = dyad(&["code", "examples/"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = lines(&out);
    assert_eq!(
        docs.len(),
        7,
        "one line per example article (the WARC holds one HTML page)"
    );
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids[0], "examples/01-summit.txt");
    for d in &docs {
        for key in [
            "id",
            "url",
            "title",
            "site",
            "published",
            "language",
            "text",
            "actors",
            "events",
            "quotes",
            "times",
            "errors",
        ] {
            assert!(d.get(key).is_some(), "{} lacks {key}", d["id"]);
        }
        assert!(
            d["errors"].as_array().unwrap().is_empty(),
            "{}",
            d["errors"]
        );
        assert_spans_point_at_text(d);
        for e in d["events"].as_array().unwrap() {
            let code = e["cameo"].as_str().unwrap();
            assert!(dyad_model::cameo::lookup(code).is_some(), "{code}");
            assert!((1..=4).contains(&e["quad_class"].as_u64().unwrap()));
        }
    }
    // The HTML page's metadata comes through.
    let html = docs
        .iter()
        .find(|d| d["id"] == "examples/05-visit.html")
        .unwrap();
    assert_eq!(html["published"]["source"], "metadata");
    assert!(!html["text"].as_str().unwrap().contains("cookie"));
    // The WARC record is named by its record id and keeps its URL.
    let crawl = docs
        .iter()
        .find(|d| d["id"] == "<urn:uuid:00000000-0000-4000-8000-000000000003>")
        .unwrap();
    assert_eq!(crawl["url"], "https://post.example.org/world/au-jp-defence");
    assert_eq!(crawl["events"][0]["place"]["text"], "Canberra");
    // Blog furniture is gone from the repost.
    let blog = docs
        .iter()
        .find(|d| d["id"] == "examples/02-sanctions.txt")
        .unwrap();
    assert!(!blog["text"].as_str().unwrap().contains("Leave a Reply"));
    assert!(!blog["byline"].is_null());
}

#[test]
fn examples_code_their_consultations() {
    let out = dyad(&[
        "code",
        "examples/01-summit.txt",
        "examples/03-phone-call.txt",
    ]);
    let docs = lines(&out);
    let triples = |d: &Value| -> Vec<(String, String, String, Value)> {
        d["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["source"]["code"].as_str().unwrap().to_string(),
                    e["target"]["code"].as_str().unwrap_or("").to_string(),
                    e["cameo"].as_str().unwrap().to_string(),
                    e["mode"].clone(),
                )
            })
            .collect()
    };
    let summit = triples(&docs[0]);
    assert!(
        summit.contains(&("FRAGOV".into(), "DEUGOV".into(), "040".into(), Value::Null)),
        "{summit:?}"
    );
    let call = triples(&docs[1]);
    assert!(
        call.contains(&("TURGOV".into(), "RUSGOV".into(), "041".into(), Value::Null)),
        "{call:?}"
    );
    assert!(
        call.contains(&(
            "TURGOV".into(),
            "RUSGOV".into(),
            "040".into(),
            Value::from("negated")
        )),
        "{call:?}"
    );
    assert!(
        call.contains(&(
            "RUSGOV".into(),
            "TUR".into(),
            "036".into(),
            Value::from("intended")
        )),
        "{call:?}"
    );
}

#[test]
fn bad_inputs_get_error_lines_and_the_run_goes_on() {
    let dir = temp("bad");
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    std::fs::write(dir.join("binary.txt"), b"\x00\x01\x02ELF\x00\xff").unwrap();
    std::fs::write(dir.join("latin1.txt"), b"Caf\xe9 talks in Paris.").unwrap();
    std::fs::write(dir.join("good.txt"), "Putin met Xi in Beijing.").unwrap();
    let d = dir.to_string_lossy().into_owned();
    let out = dyad(&[
        "code",
        &format!("{d}/empty.txt"),
        &format!("{d}/binary.txt"),
        &format!("{d}/latin1.txt"),
        &format!("{d}/good.txt"),
        &format!("{d}/missing.txt"),
    ]);
    assert!(out.status.success(), "some inputs were good: exit 0");
    let docs = lines(&out);
    assert_eq!(docs.len(), 5);
    for (i, what) in [
        (0, "empty"),
        (1, "binary"),
        (2, "UTF-8"),
        (4, "cannot read"),
    ] {
        let errors = docs[i]["errors"].as_array().unwrap();
        assert!(
            errors[0].as_str().unwrap().contains(what),
            "{}: {errors:?}",
            docs[i]["id"]
        );
        assert_eq!(docs[i]["text"], "");
    }
    assert_eq!(docs[3]["events"][0]["cameo"], "040");

    let all_bad = dyad(&["code", &format!("{d}/empty.txt")]);
    assert_eq!(all_bad.status.code(), Some(1), "every input failed: exit 1");
    assert_eq!(lines(&all_bad).len(), 1);
}

#[test]
fn jsonl_and_stdin() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"Biden held talks with Macron.\", \"date\": \"2022-02-01\"}\n",
        "{\"id\": \"b\", \"text\": \"\"}\n"
    );
    let out = dyad_stdin(&["code", "--format", "jsonl"], input);
    let docs = lines(&out);
    assert_eq!(docs[0]["id"], "a");
    assert_eq!(docs[0]["text"], "Biden held talks with Macron.");
    assert_eq!(docs[0]["events"][0]["date"]["value"], "2022-02-01");
    assert_eq!(docs[0]["events"][0]["source"]["code"], "USAGOV");
    assert!(!docs[1]["errors"].as_array().unwrap().is_empty());

    let out = dyad_stdin(
        &["code", "--date", "2021-12-15"],
        "Xi held a phone call with Putin.",
    );
    let docs = lines(&out);
    assert_eq!(
        docs[0]["id"].as_str().unwrap().len(),
        32,
        "stdin text is named by its hash"
    );
    assert_eq!(docs[0]["published"]["source"], "given");
    assert_eq!(docs[0]["events"][0]["cameo"], "041");
}

#[test]
fn output_is_deterministic() {
    let a = dyad(&["code", "examples/"]);
    let b = dyad(&["code", "examples/"]);
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn ingest_is_idempotent_and_queryable() {
    let dir = temp("ingest");
    let db = dir.join("t.db");
    let db = db.to_string_lossy();
    let first = dyad(&["ingest", "examples/", "--db", &db]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let summary = String::from_utf8_lossy(&first.stdout).into_owned();
    assert!(summary.contains("7 new documents"), "{summary}");
    assert!(
        summary.contains("3 WARC records that are not HTML responses skipped"),
        "{summary}"
    );
    let second = dyad(&["ingest", "examples/", "--db", &db]);
    let summary2 = String::from_utf8_lossy(&second.stdout).into_owned();
    assert!(
        summary2.contains("0 new documents (7 already stored, 0 copies of stored stories), 0 events, 0 quotes, 0 actor mentions; 0 errors"),
        "{summary2}"
    );

    let events = lines(&dyad(&["events", "--db", &db, "--json"]));
    assert!(events.len() >= 8, "{}", events.len());
    // The phone call, once from each side.
    let turkey = lines(&dyad(&[
        "events", "--db", &db, "--json", "--actor", "TUR", "--cameo", "041",
    ]));
    assert_eq!(turkey.len(), 2);
    assert!(
        turkey
            .iter()
            .all(|e| e["trigger"].as_str().unwrap().ends_with("phone call"))
    );
    let table = String::from_utf8(dyad(&["events", "--db", &db]).stdout).unwrap();
    assert!(table.starts_with("DATE"), "{table}");
    assert!(table.contains("041 Discuss by telephone"));

    let quotes = lines(&dyad(&[
        "quotes",
        "--db",
        &db,
        "--json",
        "--speaker",
        "Zelensky",
    ]));
    assert!(!quotes.is_empty());
    let actors = lines(&dyad(&["actors", "--db", &db, "--json", "RUS"]));
    assert!(actors.iter().any(|a| a["name"] == "Vladimir Putin"));

    let missing = dyad(&["events", "--db", &dir.join("none.db").to_string_lossy()]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no store"));
}

#[test]
fn resolve_follows_the_contract() {
    let input = concat!(
        "{\"text\": \"Kremlin adviser Yuri Ushakov\", \"context\": \"\", \"date\": \"2021-12-15\"}\n",
        "{\"text\": \"the Chinese president\", \"date\": \"2021-12-15\"}\n",
        "{\"text\": \"the prime minister\", \"context\": \"GBR\", \"date\": \"2021-12-15\"}\n",
        "{\"text\": \"a passer-by\"}\n",
    );
    let out = dyad_stdin(&["resolve"], input);
    let answers = lines(&out);
    assert_eq!(answers.len(), 4);
    assert_eq!(answers[0]["code"], "RUSGOV");
    assert_eq!(answers[0]["country"], "RUS");
    assert_eq!(answers[0]["sector"], "GOV");
    assert_eq!(answers[0]["kind"], "person");
    assert!(answers[0]["name"].is_null());
    assert_eq!(answers[1]["name"], "Xi Jinping");
    assert_eq!(answers[2]["name"], "Boris Johnson");
    assert!(answers[3]["code"].is_null());
}

#[test]
fn lexicon_overlays_apply_without_recompiling() {
    let dir = temp("lexicon");
    let file = dir.join("extra.tsv");
    std::fs::write(
        &file,
        "name\taliases\tcountry\toffice\tprimary\tstart\tend\nJane Roe\tRoe\tFRA\tforeign minister\tno\t2020-01-01\t-\n",
    )
    .unwrap();
    let out = dyad_stdin(
        &[
            "code",
            "--date",
            "2021-01-01",
            "--lexicon",
            &file.to_string_lossy(),
        ],
        "Roe met Xi in Beijing.",
    );
    let docs = lines(&out);
    assert_eq!(docs[0]["events"][0]["source"]["code"], "FRAGOV");
    assert_eq!(docs[0]["events"][0]["source"]["name"], "Jane Roe");
    let bad = dir.join("bad.tsv");
    std::fs::write(&bad, "nonsense\n").unwrap();
    let out = dyad_stdin(&["code", "--lexicon", &bad.to_string_lossy()], "x");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.tsv:1"));
}

#[test]
fn parse_raw_text_prints_conllu_with_spans_kept() {
    let out = dyad_stdin(
        &["parse"],
        "The United States announced a boycott.\n\nXi’s envoy did not attend.",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let sentences = dyad_nlp::conllu::read(&text).expect("valid CoNLL-U");
    assert_eq!(sentences.len(), 2);
    assert_eq!(
        sentences[0].comment("text"),
        Some("The United States announced a boycott.")
    );
    let first = &sentences[0].words;
    assert_eq!(first.iter().filter(|w| w.head == 0).count(), 1);
    let announced = first
        .iter()
        .position(|w| w.form == "announced")
        .expect("verb");
    assert_eq!(first[announced].deprel, "root");
    assert_eq!(first[announced].lemma, "announce");
    // "boycott" is glued to the full stop.
    assert!(
        first
            .iter()
            .any(|w| w.form == "boycott" && w.misc == "SpaceAfter=No")
    );
    let second = &sentences[1].words;
    assert_eq!(second[1].form, "’s");
    assert!(
        second
            .iter()
            .any(|w| w.form == "not" && w.deprel == "advmod")
    );
}

#[test]
fn parse_conllu_keeps_words_and_fills_columns() {
    let input = "# sent_id = a\n# text = Putin met Xi.\n1\tPutin\t_\t_\t_\t_\t_\t_\t_\t_\n2\tmet\t_\t_\t_\t_\t_\t_\t_\t_\n3\tXi\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n4\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
    let out = dyad_stdin(&["parse", "--conllu"], input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = dyad_nlp::conllu::read(&String::from_utf8(out.stdout).expect("UTF-8")).expect("valid");
    assert_eq!(s[0].comment("sent_id"), Some("a"));
    let forms: Vec<&str> = s[0].words.iter().map(|w| w.form.as_str()).collect();
    assert_eq!(forms, ["Putin", "met", "Xi", "."]);
    let rels: Vec<(&str, usize, &str)> = s[0]
        .words
        .iter()
        .map(|w| (w.upos.as_str(), w.head, w.deprel.as_str()))
        .collect();
    assert_eq!(
        rels,
        [
            ("PROPN", 2, "nsubj"),
            ("VERB", 0, "root"),
            ("PROPN", 2, "obj"),
            ("PUNCT", 2, "punct")
        ]
    );
    assert_eq!(s[0].words[3].misc, "_");
    assert_eq!(s[0].words[2].misc, "SpaceAfter=No");
}

#[test]
fn parse_rejects_malformed_conllu_with_a_line_number() {
    let out = dyad_stdin(&["parse", "--conllu"], "1\tPutin\tonly three\n");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 1"), "{err}");
}

#[test]
fn relations_exports_and_event_filters() {
    let dir = temp("relations");
    let db = dir.join("r.db").to_string_lossy().to_string();
    let out = dyad(&["ingest", "examples/", "--db", &db, "--date", "2021-12-15"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let series = lines(&dyad(&["relations", "FRA", "DEU", "--db", &db, "--json"]));
    assert_eq!(series[0]["period"], "2021-12");
    assert!(series[0]["q1"].as_u64().expect("count") >= 1);
    let table =
        String::from_utf8(dyad(&["relations", "FRA", "DEU", "--db", &db, "--by", "week"]).stdout)
            .expect("UTF-8");
    assert!(table.contains("2021-W50"), "{table}");

    let dyad_events = lines(&dyad(&[
        "events", "--db", &db, "--json", "--dyad", "DEU,FRA", "--root", "04",
    ]));
    assert!(!dyad_events.is_empty());
    for e in &dyad_events {
        assert!(e["cameo"].as_str().expect("code").starts_with("04"));
        let pair = [
            e["source"].as_str().unwrap_or(""),
            e["target"].as_str().unwrap_or(""),
        ];
        assert!(
            pair.iter().any(|c| c.starts_with("FRA")) && pair.iter().any(|c| c.starts_with("DEU")),
            "{e}"
        );
    }
    let bad = dyad(&["events", "--db", &db, "--dyad", "FRA"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("two actors"));
    assert!(
        !dyad(&["events", "--db", &db, "--quad", "5"])
            .status
            .success()
    );

    let gdelt = dyad(&["export", "--db", &db, "--format", "gdelt"]);
    assert!(
        gdelt.status.success(),
        "{}",
        String::from_utf8_lossy(&gdelt.stderr)
    );
    let tsv = String::from_utf8(gdelt.stdout).expect("UTF-8");
    assert!(tsv.lines().count() >= 5);
    assert!(tsv.lines().all(|l| l.split('\t').count() == 61));
    let csv_path = dir.join("events.csv");
    let csv = dyad(&[
        "export",
        "--db",
        &db,
        "--format",
        "csv",
        "--out",
        &csv_path.to_string_lossy(),
    ]);
    assert!(csv.status.success());
    let csv = std::fs::read_to_string(&csv_path).expect("written");
    assert!(csv.starts_with("id,date,source,"));
    let plover = lines(&dyad(&[
        "export", "--db", &db, "--format", "plover", "--limit", "3",
    ]));
    assert_eq!(plover.len(), 3);
    assert!(plover[0]["actor"]["code"].is_string());
}

#[test]
fn bench_reports_words_per_second_against_the_baseline() {
    let out = dyad(&["bench", "--megabytes", "0.02", "--runs", "2"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.contains("tokenise + split alone:"), "{text}");
    let whole = text
        .lines()
        .find(|l| l.starts_with("whole pipeline to JSON:"))
        .expect("the pipeline line");
    let rate: f64 = whole
        .split_whitespace()
        .nth(4)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("a rate in {whole}"));
    assert!(rate > 0.0, "{whole}");
    assert!(whole.contains("x the baseline's time"), "{whole}");
    assert!(whole.contains("median"), "{whole}");
    assert!(text.contains("fastest of 2 runs"), "{text}");
}

#[test]
fn a_killed_ingest_leaves_a_consistent_store_and_a_rerun_completes_it() {
    let dir = temp("killed");
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let base = std::fs::read_to_string(workspace().join("examples/01-summit.txt")).unwrap();
    for i in 0..400 {
        // Near-identical reports: each is still stored as its own document (linked to the
        // first as a copy), with the same events.
        std::fs::write(
            corpus.join(format!("{i:04}.txt")),
            format!("Report {i}.\n\n{base}"),
        )
        .unwrap();
    }
    let db = dir.join("k.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(&corpus)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("dyad runs");
    // Kill it (SIGKILL: no chance to clean up) once at least one batch is stored, while it
    // is writing the next ones.
    let started = std::time::Instant::now();
    let mut stored_when_killed = 0;
    while started.elapsed() < std::time::Duration::from_secs(60) {
        std::thread::sleep(std::time::Duration::from_millis(20));
        if child.try_wait().ok().flatten().is_some() {
            break;
        }
        let stored =
            rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .and_then(|c| {
                    c.query_row("SELECT COUNT(*) FROM documents", [], |r| r.get::<_, i64>(0))
                })
                .unwrap_or(0);
        if stored > 0 {
            stored_when_killed = stored;
            let _ = child.kill();
            break;
        }
    }
    let _ = child.wait();
    assert!(
        stored_when_killed > 0,
        "the ingest was caught after its first batch"
    );

    let check = || -> (i64, i64) {
        let conn = rusqlite::Connection::open(&db).expect("store opens");
        let ok: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("integrity check");
        assert_eq!(ok, "ok");
        // No half-written document: every stored document has all its events.
        let orphans: i64 = conn
            .query_row(
                "SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.key = e.doc_key)",
                [],
                |r| r.get(0),
            )
            .expect("count");
        assert_eq!(orphans, 0);
        let docs: i64 = conn
            .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0))
            .expect("count");
        let events: i64 = conn
            .query_row("SELECT COUNT(*) FROM events", [], |r| r.get(0))
            .expect("count");
        (docs, events)
    };
    if db.exists() {
        let (docs, events) = check();
        assert!(docs >= stored_when_killed && docs <= 400);
        if docs > 0 {
            assert_eq!(
                events % docs,
                0,
                "every document has the same events: {events} for {docs}"
            );
        }
    }
    let rerun = dyad(&[
        "ingest",
        "--db",
        &db.to_string_lossy(),
        &corpus.to_string_lossy(),
    ]);
    assert!(
        rerun.status.success(),
        "{}",
        String::from_utf8_lossy(&rerun.stderr)
    );
    let (docs, events) = check();
    assert_eq!(docs, 400);
    assert_eq!(events % 400, 0);
}

/// `dyad code examples | head -1`: a reader that stops early ends the run quietly.
#[cfg(unix)]
#[test]
fn a_reader_that_stops_early_ends_the_run_without_an_error() {
    use std::io::{BufRead, BufReader};
    use std::os::unix::process::ExitStatusExt;
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        // Three times the examples: more than a pipe's buffer holds.
        .args(["code", "examples", "examples", "examples"])
        .current_dir(workspace())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("dyad runs");
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with('{'), "{first}");
    // The reader is gone: the rest of the output has nowhere to go.
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
    assert!(
        out.status.success() || out.status.signal() == Some(libc_sigpipe()),
        "{:?}",
        out.status
    );
}

#[cfg(unix)]
fn libc_sigpipe() -> i32 {
    13
}
