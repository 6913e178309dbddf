//! The sentence-analysis commands: `dyad parse`, `dyad train` and `dyad eval parse`.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, bail};
use dyad_eval::parse::{
    ByteSpan, ParseScores, SystemSentence, raw_text, score_gold_tokens, score_raw,
};
use dyad_nlp::conllu::{self, ConlluSentence, Extra, Word};
use dyad_nlp::{Model, TrainEvent, TrainOptions};

/// The model to use: a file given with `--model`, else the built-in one.
pub fn load_model(path: Option<&Path>) -> anyhow::Result<Model> {
    match path {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
            Model::from_bytes(&bytes).with_context(|| format!("loading {}", p.display()))
        }
        None => Ok(Model::builtin()
            .map_err(|e| anyhow::anyhow!("{e}"))?
            .clone()),
    }
}

fn read_input(file: Option<&Path>) -> anyhow::Result<String> {
    match file {
        Some(p) if p != Path::new("-") => {
            std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))
        }
        _ => {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .context("reading stdin")?;
            Ok(s)
        }
    }
}

/// Analyse raw text into CoNLL-U sentences with dyad's own tokens, keeping each word's span.
fn analyse_raw(model: &Model, text: &str) -> Vec<(ConlluSentence, ByteSpan, Vec<ByteSpan>)> {
    let a = dyad_nlp::analyse(text);
    let mut out = Vec::with_capacity(a.sentences.len());
    for (i, s) in a.sentences.iter().enumerate() {
        let tokens: Vec<&dyad_nlp::Token> = a.sentence_tokens(i).collect();
        if tokens.is_empty() {
            continue;
        }
        let forms: Vec<&str> = tokens.iter().map(|t| a.text_of(t)).collect();
        let tree = model.annotate(&forms);
        let words: Vec<Word> = tokens
            .iter()
            .enumerate()
            .map(|(k, t)| {
                let glued = tokens
                    .get(k + 1)
                    .is_some_and(|n| n.span.start == t.span.end);
                Word {
                    form: forms[k].to_string(),
                    lemma: tree.lemma(k).to_string(),
                    upos: tree.upos(k).to_string(),
                    xpos: tree.xpos(k).to_string(),
                    feats: "_".into(),
                    head: tree.head(k).map_or(0, |h| h + 1),
                    deprel: tree.deprel(k).to_string(),
                    deps: "_".into(),
                    misc: if glued {
                        "SpaceAfter=No".into()
                    } else {
                        "_".into()
                    },
                }
            })
            .collect();
        let sentence_text = s.span.slice(text).unwrap_or("").replace(['\n', '\r'], " ");
        out.push((
            ConlluSentence {
                words,
                extras: vec![
                    Extra {
                        before: 0,
                        line: format!("# sent_id = {}", i + 1),
                    },
                    Extra {
                        before: 0,
                        line: format!("# text = {sentence_text}"),
                    },
                ],
            },
            (s.span.start, s.span.end),
            tokens.iter().map(|t| (t.span.start, t.span.end)).collect(),
        ));
    }
    out
}

/// `dyad parse`: CoNLL-U in (gold tokens kept) or raw text in, CoNLL-U out.
pub fn parse(
    file: Option<&Path>,
    conllu_input: bool,
    model: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let model = load_model(model)?;
    let input = read_input(file)?;
    let mut out = String::with_capacity(input.len() * 2);
    if conllu_input {
        let mut sentences = conllu::read(&input)?;
        for s in &mut sentences {
            model.annotate_conllu(s);
            conllu::write_sentence(&mut out, s);
        }
    } else {
        for (s, _, _) in analyse_raw(&model, &input) {
            conllu::write_sentence(&mut out, &s);
        }
    }
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn treebank_file(dir: &Path, part: &str) -> anyhow::Result<PathBuf> {
    let entries = std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))?;
    for e in entries {
        let p = e?.path();
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.ends_with(&format!("-ud-{part}.conllu")) {
            return Ok(p);
        }
    }
    bail!("no *-ud-{part}.conllu in {}", dir.display())
}

fn read_treebank(path: &Path) -> anyhow::Result<Vec<ConlluSentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    conllu::read(&text).with_context(|| format!("parsing {}", path.display()))
}

/// `dyad train`: train the model on a treebank's train part, write it, report dev scores.
pub fn train(treebank: &Path, out: &Path, options: &TrainOptions) -> anyhow::Result<ExitCode> {
    let train = read_treebank(&treebank_file(treebank, "train")?)?;
    let words: usize = train.iter().map(|s| s.words.len()).sum();
    eprintln!(
        "training on {} sentences, {words} words ({} tagger epochs, {} parser epochs, jackknife {})",
        train.len(),
        options.tagger_epochs,
        options.parser_epochs,
        options.jackknife
    );
    let start = Instant::now();
    let model = Model::train(&train, options, |e| match e {
        TrainEvent::TaggerEpoch {
            part,
            epoch,
            accuracy,
        } => eprintln!("  tagger ({part}) epoch {}: {accuracy:.4}", epoch + 1),
        TrainEvent::ParserEpoch {
            run,
            epoch,
            accuracy,
        } => {
            eprintln!(
                "  parser {} epoch {}: transitions right {accuracy:.4}",
                run + 1,
                epoch + 1
            )
        }
    });
    let bytes = model.to_bytes();
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    let (tf, pf, weights) = model.sizes();
    eprintln!(
        "wrote {} ({:.1} MB: {tf} tagger and {pf} parser features, {weights} weights) in {:.0} s",
        out.display(),
        bytes.len() as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    // Score what was written, as it will be loaded.
    let saved = Model::from_bytes(&bytes)?;
    if let Ok(dev) = treebank_file(treebank, "dev") {
        let gold = read_treebank(&dev)?;
        let scores = gold_token_scores(&saved, &gold)?.0;
        println!("dev (gold tokens): {}", summary(&scores));
    }
    Ok(ExitCode::SUCCESS)
}

fn gold_token_scores(model: &Model, gold: &[ConlluSentence]) -> anyhow::Result<(ParseScores, f64)> {
    let mut system = gold.to_vec();
    let start = Instant::now();
    for s in &mut system {
        model.annotate_conllu(s);
    }
    let secs = start.elapsed().as_secs_f64();
    Ok((score_gold_tokens(gold, &system)?, secs))
}

fn summary(s: &ParseScores) -> String {
    format!(
        "UPOS {:.4}  XPOS {:.4}  lemma {:.4}  UAS {:.4}  LAS {:.4}  LAS with subtypes {:.4}",
        s.upos.f1(),
        s.xpos.f1(),
        s.lemma.f1(),
        s.uas.f1(),
        s.las.f1(),
        s.las_full.f1()
    )
}

/// `dyad eval parse`: scores on a treebank file with gold tokens and from its raw text.
pub fn eval(gold_path: &Path, model: Option<&Path>) -> anyhow::Result<ExitCode> {
    let load = Instant::now();
    let model = load_model(model)?;
    let load_ms = load.elapsed().as_secs_f64() * 1e3;
    let gold = read_treebank(gold_path)?;
    let words: usize = gold.iter().map(|s| s.words.len()).sum();
    let (scores, secs) = gold_token_scores(&model, &gold)?;
    println!(
        "{} ({} sentences, {words} words)",
        gold_path.display(),
        gold.len()
    );
    println!("gold tokens: {}", summary(&scores));
    println!(
        "  {:.0} words/s tagging, lemmatising and parsing (one thread); model loaded in {load_ms:.0} ms",
        words as f64 / secs.max(1e-9)
    );

    let raw = raw_text(&gold);
    let system: Vec<SystemSentence> = analyse_raw(&model, &raw.text)
        .into_iter()
        .map(|(s, span, spans)| (span, spans.into_iter().zip(s.words).collect()))
        .collect();
    let r = score_raw(&gold, &raw, &system);
    println!(
        "raw text: sentences F1 {:.4}  tokens F1 {:.4}  {}",
        r.sentences.f1(),
        r.tokens.f1(),
        summary(&r)
    );
    Ok(ExitCode::SUCCESS)
}
