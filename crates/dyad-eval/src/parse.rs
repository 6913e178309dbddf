//! Scoring tagging, lemmas and dependency parses against a UD treebank.
//!
//! Two settings, as in the CoNLL 2018 shared task. With gold tokens ([`score_gold_tokens`])
//! the system's file has the gold file's words and every word is compared directly. From raw
//! text ([`score_raw`]) the system tokenises and splits the treebank's own text; words are
//! aligned by character span, and each measure is an F1 over gold and system words (a word
//! counts as right only if it is aligned and the measured fields agree; for attachment, the
//! heads must be aligned words too).

use dyad_nlp::conllu::{ConlluSentence, Word};

use crate::Counts;

/// Scores of one system against one gold treebank.
#[derive(Clone, Debug, Default)]
pub struct ParseScores {
    pub sentences: Counts,
    pub tokens: Counts,
    pub upos: Counts,
    pub xpos: Counts,
    pub lemma: Counts,
    /// Head right.
    pub uas: Counts,
    /// Head and universal relation (`nsubj` for `nsubj:pass`) right, the CoNLL 2018 LAS.
    pub las: Counts,
    /// Head and full relation with subtype right.
    pub las_full: Counts,
}

fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Compare words that are known to correspond; `head_match` says whether the heads agree.
fn compare(s: &mut ParseScores, g: &Word, p: &Word, head_match: bool) {
    let hit = |c: &mut Counts, ok: bool| {
        if ok {
            c.tp += 1;
        } else {
            c.fp += 1;
            c.fn_ += 1;
        }
    };
    hit(&mut s.tokens, true);
    hit(&mut s.upos, g.upos == p.upos);
    hit(&mut s.xpos, g.xpos == p.xpos);
    hit(&mut s.lemma, g.lemma == p.lemma);
    hit(&mut s.uas, head_match);
    hit(
        &mut s.las,
        head_match && universal(&g.deprel) == universal(&p.deprel),
    );
    hit(&mut s.las_full, head_match && g.deprel == p.deprel);
}

/// Score a system file that kept the gold file's sentences and words.
pub fn score_gold_tokens(
    gold: &[ConlluSentence],
    system: &[ConlluSentence],
) -> Result<ParseScores, crate::EvalError> {
    if gold.len() != system.len() {
        return Err(crate::EvalError::Shape(format!(
            "gold has {} sentences, system {}",
            gold.len(),
            system.len()
        )));
    }
    let mut s = ParseScores::default();
    for (i, (g, p)) in gold.iter().zip(system).enumerate() {
        if g.words.len() != p.words.len() {
            return Err(crate::EvalError::Shape(format!(
                "sentence {}: gold has {} words, system {}",
                i + 1,
                g.words.len(),
                p.words.len()
            )));
        }
        s.sentences.tp += 1;
        for (gw, pw) in g.words.iter().zip(&p.words) {
            compare(&mut s, gw, pw, gw.head == pw.head);
        }
    }
    Ok(s)
}

/// A treebank's raw text, rebuilt from its `# text` comments, with each gold word's byte
/// span in it and each sentence's span. Sentences are joined by a space, paragraphs and
/// documents by a blank line.
pub struct RawText {
    pub text: String,
    /// Per sentence, per word: the word's span (`None` when the word is not written out
    /// literally, as inside some contractions).
    pub words: Vec<Vec<Option<(usize, usize)>>>,
    pub sentences: Vec<(usize, usize)>,
}

/// Rebuild the raw text of a treebank.
pub fn raw_text(gold: &[ConlluSentence]) -> RawText {
    let mut text = String::new();
    let mut words = Vec::with_capacity(gold.len());
    let mut sentences = Vec::with_capacity(gold.len());
    for s in gold {
        let new_block = s
            .extras
            .iter()
            .any(|e| e.line.starts_with("# newdoc") || e.line.starts_with("# newpar"));
        if !text.is_empty() {
            text.push_str(if new_block { "\n\n" } else { " " });
        }
        let own = s.comment("text").map(str::to_string).unwrap_or_else(|| {
            s.words
                .iter()
                .map(|w| w.form.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        });
        let base = text.len();
        text.push_str(&own);
        sentences.push((base, text.len()));
        let mut at = 0usize;
        let mut spans = Vec::with_capacity(s.words.len());
        for w in &s.words {
            let rest = &own[at..];
            let skip = rest.len() - rest.trim_start().len();
            if own[at + skip..].starts_with(w.form.as_str()) && !w.form.is_empty() {
                let start = at + skip;
                at = start + w.form.len();
                spans.push(Some((base + start, base + at)));
            } else {
                spans.push(None);
            }
        }
        words.push(spans);
    }
    RawText {
        text,
        words,
        sentences,
    }
}

/// A byte span `(start, end)` in the raw text.
pub type ByteSpan = (usize, usize);

/// One sentence of a system's analysis of raw text: its span, and its words with theirs.
pub type SystemSentence = (ByteSpan, Vec<(ByteSpan, Word)>);

/// Score a system's analysis of the raw text: `system` gives, per system sentence, its
/// span and its words with their spans in `raw.text`.
pub fn score_raw(gold: &[ConlluSentence], raw: &RawText, system: &[SystemSentence]) -> ParseScores {
    use std::collections::HashMap;
    let mut s = ParseScores::default();
    let gold_sents: Vec<(usize, usize)> = raw.sentences.clone();
    let sys_sents: Vec<(usize, usize)> = system.iter().map(|x| x.0).collect();
    s.sentences = Counts::of(&gold_sents, &sys_sents);

    // Every system word by span, with the span of its head (None for the root).
    let mut sys: HashMap<ByteSpan, (&Word, Option<ByteSpan>)> = HashMap::new();
    let mut sys_total = 0usize;
    for (_, words) in system {
        for (span, w) in words {
            sys_total += 1;
            let head = w
                .head
                .checked_sub(1)
                .and_then(|h| words.get(h))
                .map(|h| h.0);
            sys.insert(*span, (w, head));
        }
    }
    let mut gold_total = 0usize;
    let mut aligned = ParseScores::default();
    for (g, spans) in gold.iter().zip(&raw.words) {
        for (w, span) in g.words.iter().zip(spans) {
            gold_total += 1;
            let Some(span) = span else { continue };
            let Some((p, p_head)) = sys.get(span) else {
                continue;
            };
            let g_head = w.head.checked_sub(1).and_then(|h| spans[h]);
            let head_match = match (w.head, p_head) {
                (0, None) => true,
                (0, Some(_)) | (_, None) => false,
                (_, Some(ph)) => g_head == Some(*ph),
            };
            compare(&mut aligned, w, p, head_match);
        }
    }
    // Turn aligned agreements into F1 counts over all gold and system words.
    let f = |c: Counts| Counts {
        tp: c.tp,
        fp: sys_total - c.tp,
        fn_: gold_total - c.tp,
    };
    s.tokens = f(aligned.tokens);
    s.upos = f(aligned.upos);
    s.xpos = f(aligned.xpos);
    s.lemma = f(aligned.lemma);
    s.uas = f(aligned.uas);
    s.las = f(aligned.las);
    s.las_full = f(aligned.las_full);
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_nlp::conllu::read;

    const GOLD: &str = "# newdoc id = d\n# text = Xi backed Putin.\n1\tXi\tXi\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tbacked\tback\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tPutin\tPutin\tPROPN\tNNP\t_\t2\tobj\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

    #[test]
    fn gold_tokens_scores_each_field() {
        let gold = read(GOLD).expect("gold");
        let mut sys = gold.clone();
        sys[0].words[2].upos = "NOUN".into();
        sys[0].words[2].deprel = "nsubj".into();
        sys[0].words[3].head = 3;
        let s = score_gold_tokens(&gold, &sys).expect("same shape");
        assert_eq!(s.upos.tp, 3);
        assert_eq!(s.uas.tp, 3);
        assert_eq!(s.las.tp, 2);
        assert!((s.upos.f1() - 0.75).abs() < 1e-9);
    }

    #[test]
    fn raw_text_alignment_counts_split_tokens_as_errors() {
        let gold = read(GOLD).expect("gold");
        let raw = raw_text(&gold);
        assert_eq!(raw.text, "Xi backed Putin.");
        assert_eq!(raw.words[0][2], Some((10, 15)));
        // A system that glued "Putin." into one word.
        let w = |form: &str, head: usize, rel: &str| Word {
            form: form.into(),
            upos: "PROPN".into(),
            head,
            deprel: rel.into(),
            ..Word::default()
        };
        let system = vec![(
            (0, 16),
            vec![
                ((0, 2), w("Xi", 2, "nsubj")),
                ((3, 9), w("backed", 0, "root")),
                ((10, 16), w("Putin.", 2, "obj")),
            ],
        )];
        let s = score_raw(&gold, &raw, &system);
        assert_eq!(s.tokens.tp, 2);
        assert_eq!(s.tokens.fn_, 2);
        assert_eq!(s.tokens.fp, 1);
        assert_eq!(s.las.tp, 2);
        assert_eq!(s.sentences.tp, 1);
    }
}
