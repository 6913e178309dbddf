//! The name matcher: one Aho-Corasick automaton over every surface form in the lexicon.

use std::collections::{BTreeMap, HashMap};

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};

use crate::Surface;

/// A name found in text: its byte range and everything it may denote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexMatch<'l> {
    pub start: usize,
    pub end: usize,
    pub surfaces: &'l [Surface],
}

/// Names that are also common English words in lower case: matched only as written.
const COMMON_WORDS: &[&str] = &[
    "china", "turkey", "chad", "jordan", "guinea", "georgia", "niger", "japan", "trump", "bush",
    "rice", "brown", "hunt", "cook", "may", "ford", "nice", "reading", "march", "victoria",
    "valletta", "male", "lima", "santiago",
];

#[derive(Debug)]
pub(crate) struct Matcher {
    /// Every form's key, matched from a given start only (see [`Matcher::find`]).
    automaton: Option<NFA>,
    /// Every surface form, exactly as the lexicon writes it.
    forms: Vec<String>,
    /// Whether a form may also match in other letter case ("obama", "iSrael"): names of
    /// four letters or more, not acronyms, not common words.
    any_case: Vec<bool>,
    meanings: Vec<Vec<Surface>>,
    /// Forms that are equal but for ASCII case share one automaton pattern ("Hamas" and
    /// "HAMAS"): the pattern's group lists them.
    groups: Vec<Vec<usize>>,
    index: crate::StrMap<usize>,
    /// Forms a misspelling may stand for ([`Matcher::misspelt`]), by lower-case first letter
    /// and length in letters.
    spellable: HashMap<(char, usize), Vec<Spellable>>,
}

/// A form a misspelling may stand for: its index, its letters in lower case, and which
/// letters it has ([`letter_mask`]).
type Spellable = (usize, Vec<char>, u64);

/// Which letters a word has, one bit per letter (letters past `z` share bits). One edit
/// changes at most two bits (a substitution takes one letter away and brings another), so
/// words `d` edits apart differ in at most `2d` bits: most forms are ruled out by that
/// before their edit distance is worked out.
fn letter_mask(letters: &[char]) -> u64 {
    letters
        .iter()
        .fold(0, |m, &c| m | 1u64 << (u32::from(c) % 64))
}

/// Shortest word (in letters) looked up as a misspelling: shorter words are too often
/// other names one letter away.
const MIN_MISSPELT: usize = 6;

impl Matcher {
    pub(crate) fn new(surfaces: BTreeMap<String, Vec<Surface>>) -> Matcher {
        let (forms, meanings): (Vec<String>, Vec<Vec<Surface>>) = surfaces.into_iter().unzip();
        let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, f) in forms.iter().enumerate() {
            by_key.entry(f.to_ascii_lowercase()).or_default().push(i);
        }
        let (keys, groups): (Vec<String>, Vec<Vec<usize>>) = by_key.into_iter().unzip();
        let automaton = NFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&keys)
            .ok();
        let any_case: Vec<bool> = forms
            .iter()
            .map(|p| {
                p.chars().filter(|c| c.is_alphabetic()).count() >= 4
                    && p.chars().any(char::is_lowercase)
                    && !COMMON_WORDS.contains(&p.to_lowercase().as_str())
            })
            .collect();
        let index = forms
            .iter()
            .enumerate()
            .map(|(i, p)| (p.clone(), i))
            .collect();
        let mut spellable: HashMap<(char, usize), Vec<Spellable>> = HashMap::new();
        for (i, f) in forms.iter().enumerate() {
            let one_word = f.chars().all(char::is_alphabetic);
            let kind = meanings[i].iter().all(|s| {
                matches!(
                    s,
                    Surface::CountryName(_)
                        | Surface::Demonym(_)
                        | Surface::Capital(_)
                        | Surface::Person(_)
                        | Surface::Group(_)
                )
            });
            if one_word
                && kind
                && any_case[i]
                && f.chars().count() + 1 >= MIN_MISSPELT
                && let Some(c) = f.chars().next()
            {
                let lower: Vec<char> = f.to_lowercase().chars().collect();
                let mask = letter_mask(&lower);
                spellable
                    .entry((c.to_ascii_lowercase(), lower.len()))
                    .or_default()
                    .push((i, lower, mask));
            }
        }
        Matcher {
            automaton,
            forms,
            any_case,
            meanings,
            groups,
            index,
            spellable,
        }
    }

    /// The form a found text stands for: the one written exactly so, else one that may match
    /// in any case, unless the text is all capitals (an all-capitals "MOSCOW" is a dateline,
    /// not the capital as an actor).
    fn form_for(&self, group: usize, found: &str) -> Option<usize> {
        let members = &self.groups[group];
        members
            .iter()
            .copied()
            .find(|&f| self.forms[f] == found)
            .or_else(|| {
                found
                    .chars()
                    .any(char::is_lowercase)
                    .then(|| members.iter().copied().find(|&f| self.any_case[f]))
                    .flatten()
            })
    }

    /// Every name in `text`, leftmost first and longest at each place, that is a whole word
    /// written in a case its form allows.
    ///
    /// A name can only start where no letter or digit comes before it, so the automaton
    /// is run anchored from each such place and walks only as far as some name's spelling
    /// goes on: a few bytes per word, near the automaton's start, instead of a walk of
    /// every byte through failure transitions spread over the whole automaton, which
    /// missed the cache. As in the unanchored leftmost-longest search this replaced, the
    /// longest name at a place is the only one tried there: when it is rejected (it does
    /// not end a word, or is in the wrong case) the place has no name, and the search goes
    /// on at the next place a word may start.
    pub(crate) fn find<'l>(&'l self, text: &str) -> Vec<LexMatch<'l>> {
        let mut out = Vec::new();
        let Some(ac) = &self.automaton else {
            return out;
        };
        let Ok(start) = ac.start_state(Anchored::Yes) else {
            return out;
        };
        let bytes = text.as_bytes();
        let mut resume = 0;
        let mut after_word = false;
        for (p, c) in text.char_indices() {
            let may_start = !after_word && p >= resume;
            after_word = c.is_alphanumeric();
            if !may_start {
                continue;
            }
            let mut sid = start;
            let mut longest = None;
            for (k, &b) in bytes[p..].iter().enumerate() {
                sid = ac.next_state(Anchored::Yes, sid, b);
                if ac.is_special(sid) {
                    if ac.is_dead(sid) {
                        break;
                    }
                    // A state also holds the matches of names that end here but start
                    // later ("uman" at the end of "human"): only those starting at `p`.
                    if ac.is_match(sid) {
                        let end = p + k + 1;
                        longest = (0..ac.match_len(sid))
                            .map(|i| ac.match_pattern(sid, i))
                            .find(|&pid| ac.pattern_len(pid) == end - p)
                            .map(|pid| (pid, end))
                            .or(longest);
                    }
                }
            }
            let Some((pattern, end)) = longest else {
                continue;
            };
            let form = is_boundary(text, p, end)
                .then(|| self.form_for(pattern.as_usize(), &text[p..end]))
                .flatten();
            if let Some(f) = form {
                out.push(LexMatch {
                    start: p,
                    end,
                    surfaces: &self.meanings[f],
                });
                resume = end;
            }
        }
        out
    }

    /// What a capitalised word the lexicon does not know may be a misspelling of
    /// ("Ethopia", "Afganistan", "Bouteflicka"): the one country name, demonym, capital or
    /// person's name within one edit (two for words of nine letters or more; always one
    /// for people, and only for names of nine letters or more, since people's names one
    /// letter apart are often different people). `None` when no form or several different
    /// ones are that close.
    pub(crate) fn misspelt(&self, word: &str) -> Option<&[Surface]> {
        let w: Vec<char> = word.to_lowercase().chars().collect();
        if w.len() < MIN_MISSPELT || !w.iter().all(|c| c.is_alphabetic()) {
            return None;
        }
        let limit = if w.len() >= 9 { 2 } else { 1 };
        let mut best: Option<(usize, usize)> = None; // (distance, form)
        let mut tie = false;
        let candidates = (w.len().saturating_sub(limit)..=w.len() + limit)
            .filter_map(|n| self.spellable.get(&(w[0], n)))
            .flatten();
        let mask = letter_mask(&w);
        for (f, form, form_mask) in candidates {
            let (f, form) = (*f, form.as_slice());
            if form.len().abs_diff(w.len()) > limit
                || (mask ^ form_mask).count_ones() as usize > 2 * limit
            {
                continue;
            }
            let person = self.meanings[f]
                .iter()
                .any(|s| matches!(s, Surface::Person(_)));
            let limit = if person {
                if w.len() < 9 {
                    continue;
                }
                1
            } else {
                limit
            };
            if form.len().abs_diff(w.len()) > limit {
                continue;
            }
            let Some(d) = edit_distance(&w, form, limit) else {
                continue;
            };
            match best {
                Some((bd, bf)) if d == bd => {
                    tie |= self.meanings[bf] != self.meanings[f];
                }
                Some((bd, _)) if d > bd => {}
                _ => {
                    best = Some((d, f));
                    tie = false;
                }
            }
        }
        let (d, f) = best?;
        (d > 0 && !tie).then(|| self.meanings[f].as_slice())
    }

    pub(crate) fn lookup(&self, surface: &str) -> &[Surface] {
        self.index
            .get(surface)
            .map(|&i| self.meanings[i].as_slice())
            .unwrap_or(&[])
    }
}

/// The edit distance between `a` and `b` counting insertions, deletions, substitutions and
/// swaps of neighbours as one each (optimal string alignment), or `None` when it is over
/// `limit`.
fn edit_distance(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    /// Longest word compared; longer ones are never names worth correcting.
    const MAX: usize = 40;
    let (n, m) = (a.len(), b.len());
    if n >= MAX || m >= MAX {
        return None;
    }
    // Three rolling rows on the stack: the one before last (for swaps), last, and current.
    let mut before = [0usize; MAX];
    let mut last: [usize; MAX] = std::array::from_fn(|j| j);
    let mut row = [0usize; MAX];
    for i in 1..=n {
        row[0] = i;
        let mut row_min = i;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (last[j] + 1).min(row[j - 1] + 1).min(last[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            row[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > limit {
            return None;
        }
        before = last;
        last = row;
    }
    (last[m] <= limit).then_some(last[m])
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
    fn a_name_inside_a_word_is_no_name() {
        let mt = m(&["Uman", "Oman", "Human Rights Watch"]);
        let text = "the human cost, Romania and Omani ports; Human Rights Watch and Oman.";
        let got: Vec<&str> = mt
            .find(text)
            .iter()
            .map(|x| &text[x.start..x.end])
            .collect();
        assert_eq!(got, ["Human Rights Watch", "Oman"]);
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
    fn other_letter_case_only_for_safe_names() {
        let mt = m(&["Obama", "US", "China", "Israel", "Moscow"]);
        let text = "President obama told us in china about iSrael. MOSCOW, Jan 5.";
        let got: Vec<&str> = mt
            .find(text)
            .iter()
            .map(|x| &text[x.start..x.end])
            .collect();
        assert_eq!(got, ["obama", "iSrael"]);
    }

    #[test]
    fn a_rejected_match_does_not_hide_the_next() {
        // "The Un" is no word here, so "United States" after it must still be found.
        let mt = m(&["the un", "United States"]);
        let text = "The United States agreed.";
        let got: Vec<&str> = mt
            .find(text)
            .iter()
            .map(|x| &text[x.start..x.end])
            .collect();
        assert_eq!(got, ["United States"]);
    }

    #[test]
    fn case_variants_do_not_shadow_each_other() {
        let mt = m(&["HAMAS", "Hamas"]);
        let text = "Hamas and HAMAS";
        assert_eq!(mt.find(text).len(), 2);
    }

    #[test]
    fn misspellings() {
        let mt = m(&[
            "Ethiopia",
            "Afghanistan",
            "Qatar",
            "Kathmandu",
            "Austria",
            "Australia",
        ]);
        assert_eq!(mt.misspelt("Ethopia"), Some(&[Surface::CountryName(0)][..]));
        assert_eq!(
            mt.misspelt("Afganistan"),
            Some(&[Surface::CountryName(1)][..])
        );
        assert_eq!(mt.misspelt("Quatar"), Some(&[Surface::CountryName(2)][..]));
        assert_eq!(
            mt.misspelt("Khatmandu"),
            Some(&[Surface::CountryName(3)][..])
        );
        assert_eq!(mt.misspelt("Qatar"), None, "a known form is no misspelling");
        assert_eq!(mt.misspelt("Ethics"), None);
        assert_eq!(mt.misspelt("Quatrain"), None);
        // Eight letters two edits away is another word ("Homeland" is not "Holland").
        let mt = m(&["Holland", "Americans"]);
        assert_eq!(mt.misspelt("Homeland"), None);
        assert_eq!(mt.misspelt("Africans"), None);
        // The letter masks never rule out a form within the edit limit.
        let words = [
            "bouteflika",
            "bouteflicka",
            "boutefika",
            "kathmandu",
            "khatmandu",
            "kyiv",
            "kiev",
            "ethiopia",
            "ethopia",
            "ethiopai",
            "qatar",
            "quatar",
            "zürich",
            "zurich",
        ];
        for a in words {
            for b in words {
                let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                if let Some(d) = edit_distance(&a, &b, 3) {
                    let differ = (letter_mask(&a) ^ letter_mask(&b)).count_ones() as usize;
                    assert!(differ <= 2 * d, "{a:?} {b:?}: {differ} bits, {d} edits");
                }
            }
        }
        assert_eq!(edit_distance(&['a', 'b'], &['b', 'a'], 1), Some(1));
        assert_eq!(edit_distance(&['a', 'b', 'c'], &['x', 'y', 'z'], 2), None);
    }

    #[test]
    fn lookup_exact() {
        let mt = m(&["Xi"]);
        assert_eq!(mt.lookup("Xi"), &[Surface::CountryName(0)]);
        assert!(mt.lookup("xi").is_empty());
    }
}
