//! Reading and writing CoNLL-U, the Universal Dependencies file format.
//!
//! A file is a sequence of sentences separated by blank lines. Each sentence has comment
//! lines (`# text = …`), then one line per word with ten tab-separated columns: ID, FORM,
//! LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL, DEPS, MISC. Multiword token lines (`1-2`) and
//! empty nodes (`8.1`) are kept verbatim so that a file read and written back keeps its
//! shape; only the word lines are analysed.

use std::fmt::Write as _;

use thiserror::Error;

/// A malformed CoNLL-U line.
#[derive(Debug, Error)]
#[error("CoNLL-U line {line}: {message}")]
pub struct ConlluError {
    pub line: usize,
    pub message: String,
}

/// One syntactic word of a sentence.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Word {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// 0 for the root, else the 1-based index of the head word.
    pub head: usize,
    pub deprel: String,
    pub deps: String,
    pub misc: String,
}

/// A line of a sentence block other than a word: a comment, a multiword token range or an
/// empty node, kept as written and placed before the word with index `before`.
#[derive(Clone, Debug, PartialEq)]
pub struct Extra {
    pub before: usize,
    pub line: String,
}

/// One sentence of a CoNLL-U file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ConlluSentence {
    pub words: Vec<Word>,
    pub extras: Vec<Extra>,
}

impl ConlluSentence {
    /// The value of a `# key = value` comment.
    pub fn comment(&self, key: &str) -> Option<&str> {
        self.extras.iter().find_map(|e| {
            let rest = e.line.strip_prefix('#')?.trim_start();
            let rest = rest.strip_prefix(key)?.trim_start();
            Some(rest.strip_prefix('=')?.trim())
        })
    }

    /// The word forms.
    pub fn forms(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.form.as_str()).collect()
    }

    /// Whether the gold tree (heads) has crossing arcs.
    pub fn is_projective(&self) -> bool {
        let arcs: Vec<(usize, usize)> = self
            .words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let d = i + 1;
                (d.min(w.head), d.max(w.head))
            })
            .collect();
        for (i, &(a, b)) in arcs.iter().enumerate() {
            for &(c, d) in &arcs[i + 1..] {
                if (a < c && c < b && b < d) || (c < a && a < d && d < b) {
                    return false;
                }
            }
        }
        true
    }
}

/// Parse a whole CoNLL-U text.
pub fn read(text: &str) -> Result<Vec<ConlluSentence>, ConlluError> {
    let mut out = Vec::new();
    let mut current = ConlluSentence::default();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !current.words.is_empty() || !current.extras.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        let before = current.words.len();
        if line.starts_with('#') {
            current.extras.push(Extra {
                before,
                line: line.to_string(),
            });
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(ConlluError {
                line: n + 1,
                message: format!("expected 10 tab-separated columns, found {}", cols.len()),
            });
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            current.extras.push(Extra {
                before,
                line: line.to_string(),
            });
            continue;
        }
        let id: usize = cols[0].parse().map_err(|_| ConlluError {
            line: n + 1,
            message: format!("bad word ID {:?}", cols[0]),
        })?;
        if id != before + 1 {
            return Err(ConlluError {
                line: n + 1,
                message: format!("word ID {id} out of sequence (expected {})", before + 1),
            });
        }
        let head = match cols[6] {
            "_" => 0,
            h => h.parse().map_err(|_| ConlluError {
                line: n + 1,
                message: format!("bad HEAD {h:?}"),
            })?,
        };
        current.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if !current.words.is_empty() || !current.extras.is_empty() {
        out.push(current);
    }
    for (i, s) in out.iter().enumerate() {
        if s.words.iter().any(|w| w.head > s.words.len()) {
            return Err(ConlluError {
                line: 0,
                message: format!("sentence {} has a HEAD beyond its last word", i + 1),
            });
        }
    }
    Ok(out)
}

fn field(s: &str) -> &str {
    if s.is_empty() { "_" } else { s }
}

/// Write one sentence, followed by its blank line.
pub fn write_sentence(out: &mut String, s: &ConlluSentence) {
    let mut extras = s.extras.iter().peekable();
    for (i, w) in s.words.iter().enumerate() {
        while let Some(e) = extras.next_if(|e| e.before <= i) {
            out.push_str(&e.line);
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            i + 1,
            field(&w.form),
            field(&w.lemma),
            field(&w.upos),
            field(&w.xpos),
            field(&w.feats),
            w.head,
            field(&w.deprel),
            field(&w.deps),
            field(&w.misc),
        );
    }
    for e in extras {
        out.push_str(&e.line);
        out.push('\n');
    }
    out.push('\n');
}

/// Write sentences as CoNLL-U text.
pub fn write(sentences: &[ConlluSentence]) -> String {
    let mut out = String::new();
    for s in sentences {
        write_sentence(&mut out, s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = 1\n# text = I don't know.\n1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t4:nsubj\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_\n3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n4\tknow\tknow\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n\n";

    #[test]
    fn round_trip_keeps_comments_and_multiword_tokens() {
        let s = read(SAMPLE).expect("valid sample");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words.len(), 5);
        assert_eq!(s[0].comment("text"), Some("I don't know."));
        assert_eq!(s[0].words[3].head, 0);
        assert_eq!(write(&s), SAMPLE);
    }

    #[test]
    fn bad_lines_are_errors_with_line_numbers() {
        let err = read("1\tI\n").expect_err("two columns");
        assert_eq!(err.line, 1);
        let err = read("2\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n").expect_err("starts at 2");
        assert!(err.message.contains("out of sequence"), "{err}");
        let err = read("1\tI\tI\tPRON\tPRP\t_\t7\troot\t_\t_\n").expect_err("head beyond");
        assert!(err.message.contains("beyond"), "{err}");
    }

    #[test]
    fn projectivity() {
        let mut s = read(SAMPLE).expect("valid");
        assert!(s[0].is_projective());
        // 1 -> 3 crossing 2 -> 4
        s[0].words[0].head = 3;
        s[0].words[1].head = 4;
        s[0].words[2].head = 0;
        s[0].words[3].head = 3;
        assert!(!s[0].is_projective());
    }
}
