//! `dyad bench`: whole-pipeline speed on one core, text in and JSON lines out.
//!
//! Reads the given text files (by default the bundled example articles built into the
//! binary), repeats them to about a megabyte, and times, on one thread: tokenising and
//! sentence splitting alone (the baseline every stage pays), then the whole coding of each
//! document with its JSON line written to a buffer. Each is timed `runs` times (on a shared
//! machine other work slows some runs down): the fastest run gives the figures, the median is
//! printed beside it. The tagger's cache of word forms is emptied before each run, so each
//! run pays for working out its words once; with the default texts, repeated, that is
//! still a small share, and texts that are not repeated show the cost on new words. Prints words per second and the ratio of the two, measured in the
//! same run.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context as _;
use dyad_model::{DateSource, DateValue, Document};

const EXAMPLES: &[&str] = &[
    include_str!("../../../examples/01-summit.txt"),
    include_str!("../../../examples/02-sanctions.txt"),
    include_str!("../../../examples/03-phone-call.txt"),
    include_str!("../../../examples/04-aid.txt"),
];

pub fn run(
    files: &[PathBuf],
    megabytes: f64,
    runs: usize,
    lexicon: &dyad_lexicon::Lexicon,
) -> anyhow::Result<ExitCode> {
    let mut texts: Vec<String> = if files.is_empty() {
        EXAMPLES.iter().map(|t| t.to_string()).collect()
    } else {
        files
            .iter()
            .map(|f| std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display())))
            .collect::<anyhow::Result<_>>()?
    };
    texts.retain(|t| !t.trim().is_empty());
    anyhow::ensure!(!texts.is_empty(), "no text to measure");
    let target = (megabytes * 1e6) as usize;
    let one_round: usize = texts.iter().map(String::len).sum();
    let rounds = target.div_ceil(one_round.max(1)).max(1);
    let docs: Vec<&String> = (0..rounds).flat_map(|_| texts.iter()).collect();
    let bytes: usize = docs.iter().map(|t| t.len()).sum();
    let words: usize = docs
        .iter()
        .map(|t| {
            let a = dyad_nlp::analyse(t);
            a.tokens
                .iter()
                .filter(|tok| a.text_of(tok).chars().any(char::is_alphanumeric))
                .count()
        })
        .sum();
    // Load the parsing model before timing.
    let _ = dyad_nlp::Model::builtin();

    let runs = runs.max(1);
    let mut tokens = 0;
    let baseline = timed(runs, || {
        for t in &docs {
            tokens += dyad_nlp::analyse(t).tokens.len();
        }
        Ok(())
    })?;

    let mut out = Vec::with_capacity(bytes * 4);
    let mut events = 0;
    let whole = timed(runs, || {
        out.clear();
        events = 0;
        dyad_nlp::Model::clear_word_cache();
        code_all(&docs, lexicon, &mut out, &mut events)
    })?;
    std::hint::black_box((&out, tokens));
    println!(
        "{} documents, {:.1} MB, {words} words ({} texts x {rounds}); {events} events; fastest of {runs} runs",
        docs.len(),
        bytes as f64 / 1e6,
        texts.len()
    );
    println!(
        "tokenise + split alone: {:>10.0} words/s ({:.3} s; median {:.0} words/s)",
        words as f64 / baseline.fastest,
        baseline.fastest,
        words as f64 / baseline.median
    );
    println!(
        "whole pipeline to JSON:  {:>10.0} words/s ({:.3} s, {:.2} MB/s; median {:.0} words/s), {:.1}x the baseline's time",
        words as f64 / whole.fastest,
        whole.fastest,
        bytes as f64 / 1e6 / whole.fastest,
        words as f64 / whole.median,
        whole.fastest / baseline.fastest
    );
    Ok(ExitCode::SUCCESS)
}

/// The fastest and the median of several timings, in seconds.
struct Timing {
    fastest: f64,
    median: f64,
}

/// Run `f` `runs` times and time each run.
fn timed(runs: usize, mut f: impl FnMut() -> anyhow::Result<()>) -> anyhow::Result<Timing> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        f()?;
        times.push(start.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    Ok(Timing {
        fastest: times[0],
        median: times[times.len() / 2],
    })
}

/// Code every document and write its JSON line to `out`, counting the events.
fn code_all(
    docs: &[&String],
    lexicon: &dyad_lexicon::Lexicon,
    out: &mut Vec<u8>,
    events: &mut usize,
) -> anyhow::Result<()> {
    for (i, t) in docs.iter().enumerate() {
        let doc = Document {
            id: format!("bench-{i}"),
            text: t.to_string(),
            published: Some(DateValue {
                value: "2021-12-15".into(),
                source: DateSource::Given,
            }),
            ..Default::default()
        };
        let coded = dyad_code::code_document(doc, lexicon);
        *events += coded.events.len();
        serde_json::to_writer(&mut *out, &coded)?;
        out.push(b'\n');
    }
    Ok(())
}
