//! dyad's evaluations on the shared data (`../shared`, not bundled) stay at their levels:
//! the built-in parsing model on the UD English EWT test set, and article extraction on
//! the ScrapingHub and WCXB benchmarks. The parser's floors sit just under the shipped
//! model's scores (see `models/README.md`): they guard against breaking the model or its
//! file and are not the accuracy targets. The extraction floors are the levels issue 3
//! asks for (ScrapingHub 0.965, WCXB 0.94). The event coding floors sit just under the
//! levels reached so far, far below what issue 6 asks for, so that a change that loses
//! events is seen. Timing is not checked: tests are not benchmarks.
//!
//! Run with `cargo test -p dyad --test evals -- --ignored`.

use std::path::Path;
use std::process::Command;

/// Run `dyad eval ...` from the workspace and return what it printed, checking it succeeded.
fn eval(args: &[&str]) -> String {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .arg("eval")
        .args(args)
        .current_dir(&workspace)
        .output()
        .expect("dyad runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The number after `name` in a line of `dyad eval parse`.
fn score(line: &str, name: &str) -> f64 {
    let at = line
        .find(&format!("{name} "))
        .unwrap_or_else(|| panic!("{name} in {line}"));
    line[at + name.len() + 1..]
        .split_whitespace()
        .next()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("a number after {name} in {line}"))
}

/// The F1 column of a set's line in the extraction table.
fn f1(stdout: &str, set: &str) -> f64 {
    let line = stdout
        .lines()
        .find(|l| l.starts_with(set))
        .unwrap_or_else(|| panic!("a line for {set} in\n{stdout}"));
    line.split_whitespace()
        .nth(4)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("an F1 in {line}"))
}

#[test]
#[ignore = "reads ../shared/corpora"]
fn ewt_test_scores_hold() {
    let stdout = eval(&["parse"]);
    let gold = stdout
        .lines()
        .find(|l| l.starts_with("gold tokens:"))
        .expect("gold-token scores");
    // Issue 4's floors: UPOS 0.955 and LAS 0.82 on EWT test with gold tokens.
    assert!(score(gold, "UPOS") >= 0.955, "{gold}");
    assert!(score(gold, "UAS") >= 0.850, "{gold}");
    assert!(score(gold, "LAS") >= 0.820, "{gold}");
    assert!(score(gold, "lemma") >= 0.965, "{gold}");
    let raw = stdout
        .lines()
        .find(|l| l.starts_with("raw text:"))
        .expect("raw-text scores");
    assert!(score(raw, "tokens F1") >= 0.94, "{raw}");
    assert!(score(raw, "LAS") >= 0.73, "{raw}");
}

#[test]
#[ignore = "reads ../shared/bench/extraction"]
fn extraction_scores_hold() {
    let stdout = eval(&["extraction", "../shared/bench/extraction", "--repeat", "1"]);
    assert!(f1(&stdout, "scrapinghub") >= 0.965, "{stdout}");
    assert!(f1(&stdout, "wcxb-articles/dev") >= 0.94, "{stdout}");
    assert!(f1(&stdout, "wcxb-articles/test") >= 0.94, "{stdout}");
}

/// The F1 of the first line starting with `row` after the line starting with `set`, in
/// `dyad eval events`.
fn events_f1(stdout: &str, set: &str, row: &str) -> f64 {
    let line = stdout
        .lines()
        .skip_while(|l| !l.starts_with(set))
        .find(|l| l.trim_start().starts_with(row))
        .unwrap_or_else(|| panic!("a {row} line after {set} in\n{stdout}"));
    line.split_whitespace()
        .last()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("an F1 in {line}"))
}

#[test]
#[ignore = "reads ../shared/bench/events"]
fn event_scores_hold() {
    // Floors just under the levels reached in session 10 (docs/events.md); issue 6 asks for
    // 0.85 (PETRARCH2), 0.75 (PLOVER, countries) and 0.85 (PLOVER type).
    let stdout = eval(&["events", "../shared/bench/events"]);
    let petrarch = events_f1(&stdout, "PETRARCH2 gold", "root + source and target");
    let plover = events_f1(&stdout, "PLOVER gold", "root + source and target");
    let plover_type = events_f1(&stdout, "PLOVER gold", "type only");
    assert!(petrarch >= 0.84, "{stdout}");
    assert!(plover >= 0.76, "{stdout}");
    assert!(plover_type >= 0.85, "{stdout}");
}
