//! Article extraction against gold article bodies: precision, recall and F1 over word
//! 4-gram shingles, the measure of the ScrapingHub article-extraction benchmark, plus title
//! and date accuracy where the gold has them.
//!
//! Text is cut into lower-case word tokens (runs of letters and digits); each document's
//! shingles are compared as multisets. Precision and recall are averaged over documents and
//! F1 is taken from the averages, as the benchmark does.

use std::collections::HashMap;

/// One page's result.
#[derive(Clone, Debug, PartialEq)]
pub struct PageScore {
    pub precision: f64,
    pub recall: f64,
}

/// Word 4-gram shingles of a text (the whole text as one shingle when shorter).
fn shingles(text: &str) -> HashMap<Vec<String>, usize> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut out = HashMap::new();
    if words.is_empty() {
        return out;
    }
    if words.len() < 4 {
        *out.entry(words).or_insert(0) += 1;
        return out;
    }
    for w in words.windows(4) {
        *out.entry(w.to_vec()).or_insert(0) += 1;
    }
    out
}

/// Score one extracted body against the gold body.
pub fn score_page(predicted: &str, gold: &str) -> PageScore {
    let (p, g) = (shingles(predicted), shingles(gold));
    let total = |m: &HashMap<Vec<String>, usize>| m.values().sum::<usize>();
    let (np, ng) = (total(&p), total(&g));
    if np == 0 && ng == 0 {
        return PageScore {
            precision: 1.0,
            recall: 1.0,
        };
    }
    let common: usize = p
        .iter()
        .map(|(k, n)| (*n).min(*g.get(k).unwrap_or(&0)))
        .sum();
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    PageScore {
        precision: ratio(common, np),
        recall: ratio(common, ng),
    }
}

/// Averages over a set of pages.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExtractionReport {
    pub pages: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Pages whose extraction failed outright (counted with zero scores).
    pub failures: usize,
    /// (correct, compared) for titles and dates, where the gold gives them.
    pub titles: (usize, usize),
    pub dates: (usize, usize),
}

impl ExtractionReport {
    /// Average page scores.
    pub fn from_pages(scores: &[PageScore]) -> ExtractionReport {
        let n = scores.len().max(1) as f64;
        let precision = scores.iter().map(|s| s.precision).sum::<f64>() / n;
        let recall = scores.iter().map(|s| s.recall).sum::<f64>() / n;
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        ExtractionReport {
            pages: scores.len(),
            precision,
            recall,
            f1,
            ..Default::default()
        }
    }
}

/// Titles compared without case, surrounding space or inner runs of space.
pub fn same_title(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingle_scores() {
        let gold = "Putin met Xi in Beijing on Monday for talks.";
        let s = score_page(gold, gold);
        assert_eq!((s.precision, s.recall), (1.0, 1.0));
        // Extra boilerplate lowers precision only.
        let s = score_page(
            &format!("Home | World | Login. {gold} Share this article on social media"),
            gold,
        );
        assert_eq!(s.recall, 1.0);
        assert!(s.precision < 0.6);
        // Half the body missing lowers recall.
        let s = score_page("Putin met Xi in Beijing", gold);
        assert_eq!(s.precision, 1.0);
        assert!(s.recall < 0.5);
        assert_eq!(score_page("", gold).recall, 0.0);
        let r = ExtractionReport::from_pages(&[
            PageScore {
                precision: 1.0,
                recall: 0.5,
            },
            PageScore {
                precision: 0.5,
                recall: 1.0,
            },
        ]);
        assert!((r.f1 - 0.75).abs() < 1e-9);
        assert!(same_title(" Putin  meets Xi", "putin meets xi"));
    }
}
