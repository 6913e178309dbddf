//! Actor finding against the PLOVER gold sentences' source and target actors.
//!
//! Each gold actor is a phrase of the sentence (`actorText`) with a CAMEO code. It is
//! *found* when one of dyad's mentions overlaps the phrase, and *right* when that mention's
//! country (see [`crate::country`]) equals the gold's.

use dyad_model::{CodedDocument, Span};
use serde_json::Value;

use crate::{EvalError, country};

/// One gold actor in one sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldActor {
    pub text: String,
    pub code: String,
}

/// A PLOVER gold sentence with its actors.
#[derive(Clone, Debug, PartialEq)]
pub struct ActorSentence {
    pub id: String,
    pub text: String,
    pub date: Option<String>,
    pub actors: Vec<GoldActor>,
}

/// Read the actors of the PLOVER gold file.
pub fn load(json: &str) -> Result<Vec<ActorSentence>, EvalError> {
    let items: Vec<Value> = serde_json::from_str(json)?;
    let mut out = Vec::new();
    for it in items {
        let text = it["text"].as_str().unwrap_or("").to_string();
        if text.is_empty() {
            continue;
        }
        let mut actors = Vec::new();
        for k in ["source", "target"] {
            for a in it[k].as_array().into_iter().flatten() {
                let (Some(t), Some(c)) = (a["actorText"].as_str(), a["code"].as_str()) else {
                    continue;
                };
                if !t.is_empty() && !c.is_empty() {
                    actors.push(GoldActor {
                        text: t.to_string(),
                        code: c.to_string(),
                    });
                }
            }
        }
        out.push(ActorSentence {
            id: it["id"].as_str().unwrap_or("").to_string(),
            text,
            date: it["date"]
                .as_str()
                .filter(|d| d.len() == 10)
                .map(str::to_string),
            actors,
        });
    }
    Ok(out)
}

/// Counts over all gold actors.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActorReport {
    pub gold: usize,
    /// Gold phrases that could not be located in their sentence (left out of the scores).
    pub unlocated: usize,
    pub found: usize,
    pub right_country: usize,
    /// (sentence id, gold phrase, gold code, dyad's code or "-")
    pub misses: Vec<(String, String, String, String)>,
}

impl ActorReport {
    pub fn country_accuracy(&self) -> f64 {
        let n = self.gold - self.unlocated;
        if n == 0 {
            0.0
        } else {
            self.right_country as f64 / n as f64
        }
    }

    pub fn found_rate(&self) -> f64 {
        let n = self.gold - self.unlocated;
        if n == 0 {
            0.0
        } else {
            self.found as f64 / n as f64
        }
    }
}

/// Where a gold phrase is in its sentence. The gold's phrases carry stray spaces
/// ("NATO  peacekeeping troops") and mark a gap with dots ("U.S. ... negotiators",
/// "Bosnian Serbs ... forces"): spaces are collapsed, and a gapped phrase is located by its
/// first part.
fn locate(text: &str, phrase: &str) -> Option<Span> {
    let collapsed = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
    let first_part = collapsed
        .split("..")
        .map(|p| p.trim_matches(|c: char| c == '.' || c.is_whitespace()))
        .find(|p| !p.is_empty())?;
    // A part that ends a word with a dot ("U.S.") keeps it.
    let phrase = if collapsed.contains("..") {
        collapsed
            .find(first_part)
            .map(|at| {
                let rest = &collapsed[at + first_part.len()..];
                if rest.starts_with(". ") || rest == "." {
                    &collapsed[at..=at + first_part.len()]
                } else {
                    first_part
                }
            })
            .unwrap_or(first_part)
    } else {
        collapsed.as_str()
    };
    text.find(phrase)
        .map(|s| Span::new(s, s + phrase.len()))
        .or_else(|| {
            let lower = text.to_lowercase();
            // Lower-casing can change byte lengths in rare scripts; only trust equal lengths.
            (lower.len() == text.len())
                .then(|| {
                    lower
                        .find(&phrase.to_lowercase())
                        .map(|s| Span::new(s, s + phrase.len()))
                })
                .flatten()
        })
}

/// Score actor finding; `code` codes a sentence given its text and date.
pub fn score(
    gold: &[ActorSentence],
    code: impl Fn(&str, Option<&str>) -> CodedDocument,
) -> ActorReport {
    let mut r = ActorReport::default();
    for s in gold {
        if s.actors.is_empty() {
            continue;
        }
        let doc = code(&s.text, s.date.as_deref());
        for g in &s.actors {
            r.gold += 1;
            let Some(span) = locate(&s.text, &g.text) else {
                r.unlocated += 1;
                continue;
            };
            let hits: Vec<&str> = doc
                .actors
                .iter()
                .filter(|m| m.span.overlaps(span))
                .map(|m| m.actor.code.as_str())
                .collect();
            if !hits.is_empty() {
                r.found += 1;
            }
            if hits.iter().any(|c| country(c) == country(&g.code)) {
                r.right_country += 1;
            } else {
                r.misses.push((
                    s.id.clone(),
                    g.text.clone(),
                    g.code.clone(),
                    hits.first().map_or("-".into(), |c| c.to_string()),
                ));
            }
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_model::{Actor, ActorKind, Document, Mention};

    #[test]
    fn gold_phrases_with_stray_spaces_and_gaps_are_located() {
        let text = "U.S. and Russian negotiators met NATO peacekeeping troops.";
        let at = |p: &str| locate(text, p).map(|s| &text[s.start..s.end]);
        assert_eq!(at("U.S. ... negotiators"), Some("U.S."));
        assert_eq!(
            at("NATO  peacekeeping troops"),
            Some("NATO peacekeeping troops")
        );
        assert_eq!(at(" Russian negotiators"), Some("Russian negotiators"));
        assert_eq!(at("French warships"), None);
    }

    #[test]
    fn scores_by_country() {
        let gold = load(
            r#"[{"id":"a","date":"2000-01-01","text":"Tokyo and Hungarian officials met.",
                 "source":[{"actorText":"Tokyo","code":"JAP"},{"actorText":"Hungarian","code":"HUNGOV"}],
                 "target":[{"actorText":"Nowhere","code":"XYZ"}]},
                {"id":"doc","event":"DOCUMENT"}]"#,
        )
        .unwrap();
        assert_eq!(gold.len(), 1);
        let r = score(&gold, |text, _| {
            let mut d = CodedDocument::from_document(Document {
                text: text.into(),
                ..Default::default()
            });
            d.actors.push(Mention {
                text: "Tokyo".into(),
                span: Span::new(0, 5),
                actor: Actor {
                    code: "JPN".into(),
                    name: None,
                    country: None,
                    sector: None,
                    kind: ActorKind::Country,
                },
            });
            d
        });
        assert_eq!(
            (r.gold, r.unlocated, r.found, r.right_country),
            (3, 1, 1, 1)
        );
        assert!((r.country_accuracy() - 0.5).abs() < 1e-9);
        assert_eq!(r.misses[0].1, "Hungarian");
    }
}
