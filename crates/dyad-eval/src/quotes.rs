//! Quote attribution against an answer key: for each quotation in the key, is it found, and
//! is its speaker the key's (same country, and the same person where the key names one)?
//!
//! The key is a tab-separated file: `file`, the first words of the quotation, the speaker's
//! country code, the speaker's name or `-`.

use dyad_model::CodedDocument;

use crate::EvalError;

/// One expected quotation.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldQuote {
    pub file: String,
    pub start: String,
    pub country: String,
    pub name: Option<String>,
}

/// Read an answer key.
pub fn load(tsv: &str) -> Result<Vec<GoldQuote>, EvalError> {
    let mut out = Vec::new();
    let mut header = false;
    for (n, line) in tsv.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !header {
            header = true;
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let [file, start, country, name] = f[..] else {
            return Err(EvalError::Shape(format!(
                "line {}: expected 4 fields",
                n + 1
            )));
        };
        out.push(GoldQuote {
            file: file.to_string(),
            start: start.to_string(),
            country: country.to_string(),
            name: (name != "-").then(|| name.to_string()),
        });
    }
    Ok(out)
}

/// Results over an answer key.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuoteReport {
    pub gold: usize,
    pub found: usize,
    pub right_speaker: usize,
    /// (file, quotation start, expected, got)
    pub misses: Vec<(String, String, String, String)>,
}

impl QuoteReport {
    pub fn speaker_accuracy(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.right_speaker as f64 / self.gold as f64
        }
    }
}

/// Score the key against coded documents; `docs(file)` gives the documents coded from a file.
pub fn score(gold: &[GoldQuote], docs: impl Fn(&str) -> Vec<CodedDocument>) -> QuoteReport {
    let mut r = QuoteReport::default();
    let mut cache: Vec<(String, Vec<CodedDocument>)> = Vec::new();
    for g in gold {
        r.gold += 1;
        if !cache.iter().any(|(f, _)| f == &g.file) {
            cache.push((g.file.clone(), docs(&g.file)));
        }
        let coded = &cache
            .iter()
            .find(|(f, _)| f == &g.file)
            .map(|(_, d)| d)
            .expect("cached");
        let quote = coded
            .iter()
            .flat_map(|d| &d.quotes)
            .find(|q| q.text.starts_with(&g.start));
        let expected = format!("{} {}", g.country, g.name.as_deref().unwrap_or("-"));
        let Some(q) = quote else {
            r.misses.push((
                g.file.clone(),
                g.start.clone(),
                expected,
                "quotation not found".into(),
            ));
            continue;
        };
        r.found += 1;
        let got = q.speaker.as_ref().map(|s| {
            (
                s.actor.code.chars().take(3).collect::<String>(),
                s.actor.name.clone(),
            )
        });
        let right = got
            .as_ref()
            .is_some_and(|(c, n)| c == &g.country && (g.name.is_none() || n == &g.name));
        if right {
            r.right_speaker += 1;
        } else {
            let got = got.map_or("no speaker".into(), |(c, n)| {
                format!("{c} {}", n.unwrap_or_else(|| "-".into()))
            });
            r.misses
                .push((g.file.clone(), g.start.clone(), expected, got));
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_model::{Actor, ActorKind, Document, Mention, Quote, QuoteKind, Span};

    #[test]
    fn scores_speakers() {
        let gold = load("# key\nfile\tquote\tcountry\tname\na.txt\tDear friends\tRUS\tVladimir Putin\na.txt\tMy old\tCHN\t-\na.txt\tMissing\tUSA\t-\n").unwrap();
        let r = score(&gold, |_| {
            let mut d = CodedDocument::from_document(Document::default());
            let putin = Mention {
                text: "Putin".into(),
                span: Span::new(0, 5),
                actor: Actor {
                    code: "RUSGOV".into(),
                    name: Some("Vladimir Putin".into()),
                    country: None,
                    sector: None,
                    kind: ActorKind::Person,
                },
            };
            for t in ["Dear friends, hello", "My old friend"] {
                d.quotes.push(Quote {
                    text: t.into(),
                    span: Span::new(0, 1),
                    kind: QuoteKind::Direct,
                    speaker: Some(putin.clone()),
                    cue: None,
                    via: None,
                });
            }
            vec![d]
        });
        assert_eq!((r.gold, r.found, r.right_speaker), (3, 2, 1));
        assert!(load("file\tquote\na\tb\n").is_err());
    }
}
