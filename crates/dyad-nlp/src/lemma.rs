//! Lemmatisation learned from the treebank: suffix rules per tag, plus the exceptions the
//! rules get wrong.
//!
//! For each fine tag (XPOS) and each word ending of up to five letters, training counts
//! how the lemma is made from the form (remove this ending, append that) and keeps the most
//! frequent way. A new word takes the rule of its longest known ending that fits it, so
//! "boycotted" (VBD) becomes "boycott" like "allotted" would. Irregular forms seen in training
//! ("went", "was", "children") are stored as exceptions.

use std::collections::HashMap;

/// A map keyed by short strings (tags, word endings, forms), with rustc's Fx hash: the
/// lemmatiser looks up several keys per word, and the default SipHash cost more than the
/// look-ups themselves.
pub(crate) type StrMap<V> = rustc_hash::FxHashMap<String, V>;

/// Longest word ending a rule looks at.
const MAX_SUFFIX: usize = 5;

/// A way to make a lemma from a form: remove this ending, append that.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Rule {
    pub remove: String,
    pub append: String,
}

impl Rule {
    fn learn(form: &str, lemma: &str) -> Rule {
        let common = form
            .chars()
            .zip(lemma.chars())
            .take_while(|(a, b)| a == b)
            .count();
        Rule {
            remove: form.chars().skip(common).collect(),
            append: lemma.chars().skip(common).collect(),
        }
    }

    /// The lemma, if the form has the ending this rule removes (compared without case).
    fn apply(&self, form: &str) -> Option<String> {
        let cut = form.len().checked_sub(self.remove.len())?;
        let ending = form.get(cut..)?;
        if !ending.eq_ignore_ascii_case(&self.remove) && ending.to_lowercase() != self.remove {
            return None;
        }
        let mut out = form[..cut].to_string();
        out.push_str(&self.append);
        (!out.is_empty()).then_some(out)
    }
}

/// The lemmatiser.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lemmatizer {
    /// XPOS → lower-cased ending → rule.
    pub(crate) rules: StrMap<StrMap<Rule>>,
    /// XPOS → form → lemma, where the rules are wrong.
    pub(crate) exceptions: StrMap<StrMap<String>>,
}

fn keeps_case(form: &str, upos: &str) -> bool {
    let capital = form.chars().next().is_some_and(char::is_uppercase);
    capital && matches!(upos, "PROPN" | "ADJ") || form == "I"
}

fn endings(lower: &str) -> impl Iterator<Item = &str> {
    let starts: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
    let n = starts.len();
    (0..=MAX_SUFFIX.min(n))
        .rev()
        .map(move |k| if k == 0 { "" } else { &lower[starts[n - k]..] })
}

impl Lemmatizer {
    fn by_rule(&self, form: &str, upos: &str, xpos: &str) -> String {
        let lower = form.to_lowercase();
        let base = if keeps_case(form, upos) {
            form.to_string()
        } else {
            lower.clone()
        };
        let Some(rules) = self.rules.get(xpos) else {
            return base;
        };
        for end in endings(&lower) {
            if let Some(rule) = rules.get(end)
                && let Some(lemma) = rule.apply(&base)
            {
                return lemma;
            }
        }
        base
    }

    /// The lemma of a word with its tags.
    pub fn lemma(&self, form: &str, upos: &str, xpos: &str) -> String {
        if let Some(l) = self.exceptions.get(xpos).and_then(|m| m.get(form)) {
            return l.clone();
        }
        self.by_rule(form, upos, xpos)
    }

    /// Learn from (form, UPOS, XPOS, lemma) quadruples.
    pub(crate) fn train<'a>(
        words: impl Iterator<Item = (&'a str, &'a str, &'a str, &'a str)>,
    ) -> Self {
        let words: Vec<_> = words.collect();
        let mut counts: HashMap<(String, String), HashMap<Rule, u32>> = HashMap::new();
        for &(form, upos, xpos, lemma) in &words {
            let (f, l) = if keeps_case(form, upos) {
                (form.to_string(), lemma.to_string())
            } else {
                (form.to_lowercase(), lemma.to_lowercase())
            };
            let rule = Rule::learn(&f, &l);
            let lower = form.to_lowercase();
            for end in endings(&lower) {
                *counts
                    .entry((xpos.to_string(), end.to_string()))
                    .or_default()
                    .entry(rule.clone())
                    .or_default() += 1;
            }
        }
        let mut rules: StrMap<StrMap<Rule>> = StrMap::default();
        for ((xpos, end), seen) in counts {
            let best = seen
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                .map(|(r, _)| r);
            if let Some(r) = best {
                rules.entry(xpos).or_default().insert(end, r);
            }
        }
        let mut lem = Lemmatizer {
            rules,
            exceptions: StrMap::default(),
        };
        // Exceptions: the most frequent lemma of each (XPOS, form) the rules get wrong.
        let mut seen: HashMap<(String, String), HashMap<&str, u32>> = HashMap::new();
        for &(form, _, xpos, lemma) in &words {
            *seen
                .entry((xpos.to_string(), form.to_string()))
                .or_default()
                .entry(lemma)
                .or_default() += 1;
        }
        let upos_of: HashMap<(&str, &str), &str> =
            words.iter().map(|&(f, u, x, _)| ((x, f), u)).collect();
        for (key, lemmas) in seen {
            let Some((lemma, _)) = lemmas
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
            else {
                continue;
            };
            let upos = upos_of
                .get(&(key.0.as_str(), key.1.as_str()))
                .copied()
                .unwrap_or("X");
            if lem.by_rule(&key.1, upos, &key.0) != lemma {
                lem.exceptions
                    .entry(key.0)
                    .or_default()
                    .insert(key.1, lemma.to_string());
            }
        }
        // Rules that only restate their shorter ending's rule add nothing.
        let redundant: Vec<(String, String)> = lem
            .rules
            .iter()
            .flat_map(|(x, by_end)| {
                by_end.iter().filter_map(move |(end, r)| {
                    let shorter: String = end.chars().skip(1).collect();
                    (!end.is_empty() && by_end.get(&shorter) == Some(r))
                        .then(|| (x.clone(), end.clone()))
                })
            })
            .collect();
        // Lookup takes the longest known ending, and every ending of a known ending is known,
        // so dropping these (decided on the full table) changes no answer.
        for (x, end) in redundant {
            if let Some(m) = lem.rules.get_mut(&x) {
                m.remove(&end);
            }
        }
        lem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_generalise_to_unseen_words() {
        let words = [
            ("allotted", "VERB", "VBD", "allot"),
            ("talked", "VERB", "VBD", "talk"),
            ("walked", "VERB", "VBD", "walk"),
            ("countries", "NOUN", "NNS", "country"),
            ("parties", "NOUN", "NNS", "party"),
            ("talks", "NOUN", "NNS", "talk"),
            ("sanctions", "NOUN", "NNS", "sanction"),
            ("troops", "NOUN", "NNS", "troop"),
            ("went", "VERB", "VBD", "go"),
            ("Russian", "ADJ", "JJ", "Russian"),
        ];
        let lem = Lemmatizer::train(words.iter().copied());
        assert_eq!(lem.lemma("backed", "VERB", "VBD"), "back");
        assert_eq!(lem.lemma("militaries", "NOUN", "NNS"), "military");
        assert_eq!(lem.lemma("Leaders", "NOUN", "NNS"), "leader");
        assert_eq!(lem.lemma("went", "VERB", "VBD"), "go");
        assert_eq!(lem.lemma("Chinese", "ADJ", "JJ"), "Chinese");
        assert_eq!(lem.lemma("Kremlin", "PROPN", "NNP"), "Kremlin");
    }
}
