//! The name matcher: one Aho-Corasick automaton over every surface form in the lexicon.

use std::collections::{BTreeMap, HashMap};

use aho_corasick::{AhoCorasick, MatchKind};

use crate::Surface;

/// A name found in text: its byte range and everything it may denote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexMatch<'l> {
    pub start: usize,
    pub end: usize,
    pub surfaces: &'l [Surface],
}

#[derive(Debug)]
pub(crate) struct Matcher {
    automaton: Option<AhoCorasick>,
    patterns: Vec<String>,
    meanings: Vec<Vec<Surface>>,
    index: HashMap<String, usize>,
}

impl Matcher {
    pub(crate) fn new(surfaces: BTreeMap<String, Vec<Surface>>) -> Matcher {
        let (patterns, meanings): (Vec<String>, Vec<Vec<Surface>>) = surfaces.into_iter().unzip();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok();
        let index = patterns
            .iter()
            .enumerate()
            .map(|(i, p)| (p.clone(), i))
            .collect();
        Matcher {
            automaton,
            patterns,
            meanings,
            index,
        }
    }

    pub(crate) fn find<'l>(&'l self, text: &str) -> Vec<LexMatch<'l>> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        ac.find_iter(text)
            .filter(|m| is_boundary(text, m.start(), m.end()))
            .map(|m| LexMatch {
                start: m.start(),
                end: m.end(),
                surfaces: &self.meanings[m.pattern().as_usize()],
            })
            .collect()
    }

    pub(crate) fn lookup(&self, surface: &str) -> &[Surface] {
        self.index
            .get(surface)
            .map(|&i| self.meanings[i].as_slice())
            .unwrap_or(&[])
    }

    #[allow(dead_code)]
    pub(crate) fn len(&self) -> usize {
        self.patterns.len()
    }
}

/// True when `start..end` is a whole word: no letter or digit just outside it.
fn is_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let pattern_ends_with_dot = text[..end].ends_with('.');
    !before.is_some_and(char::is_alphanumeric)
        && (pattern_ends_with_dot || !after.is_some_and(char::is_alphanumeric))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(pats: &[&str]) -> Matcher {
        Matcher::new(
            pats.iter()
                .enumerate()
                .map(|(i, p)| (p.to_string(), vec![Surface::CountryName(i)]))
                .collect(),
        )
    }

    #[test]
    fn whole_words_longest_first() {
        let mt = m(&["China", "Chinese", "US", "U.S.", "Latin America", "America"]);
        let text = "Chinese and US firms in Latin America, not USSR; U.S.-China ties; America.";
        let got: Vec<&str> = mt
            .find(text)
            .iter()
            .map(|x| &text[x.start..x.end])
            .collect();
        assert_eq!(
            got,
            ["Chinese", "US", "Latin America", "U.S.", "China", "America"]
        );
    }

    #[test]
    fn lookup_exact() {
        let mt = m(&["Xi"]);
        assert_eq!(mt.lookup("Xi"), &[Surface::CountryName(0)]);
        assert!(mt.lookup("xi").is_empty());
    }
}
