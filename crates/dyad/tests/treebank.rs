//! The built-in parsing model on the UD English EWT test set (`../shared/corpora`, not
//! bundled): `dyad eval parse` runs and its scores stay above regression floors. The floors
//! sit just under the shipped model's scores (see `models/README.md`); they guard against
//! breaking the model or its file, they are not the accuracy targets.
//!
//! Run with `cargo test -p dyad --test treebank -- --ignored`.

use std::path::Path;
use std::process::Command;

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

#[test]
#[ignore = "reads ../shared/corpora"]
fn ewt_test_scores_hold() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["eval", "parse"])
        .current_dir(&workspace)
        .output()
        .expect("dyad runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let gold = stdout
        .lines()
        .find(|l| l.starts_with("gold tokens:"))
        .expect("gold-token scores");
    assert!(score(gold, "UPOS") >= 0.950, "{gold}");
    assert!(score(gold, "UAS") >= 0.840, "{gold}");
    assert!(score(gold, "LAS") >= 0.805, "{gold}");
    assert!(score(gold, "lemma") >= 0.960, "{gold}");
    let raw = stdout
        .lines()
        .find(|l| l.starts_with("raw text:"))
        .expect("raw-text scores");
    assert!(score(raw, "tokens F1") >= 0.94, "{raw}");
    assert!(score(raw, "LAS") >= 0.73, "{raw}");
}
