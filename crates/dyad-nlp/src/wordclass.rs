//! Word classes from a dictionary: which parts of speech an English word can have, for the
//! words the treebank never showed the tagger.
//!
//! The tagger learns a word's likely tags from the treebank, but one word in twelve of
//! unseen text was not there (names, rarer verbs and adjectives). For those it otherwise has
//! only spelling to go on. [`WordClasses`] adds what a dictionary knows: read from
//! Princeton WordNet 3.0 at training time (Debian's `wordnet-base`, `/usr/share/wordnet`),
//! it records for each single-word lemma whether it is a common noun, a name (written only
//! with a capital), a verb, an adjective or an adverb; inflected forms are traced back to
//! their lemma with WordNet's own exception lists and the regular English endings (as
//! WordNet's `morphy` does), which also says which inflection a form is ("walked" is a past
//! form of a verb, "cities" a plural noun). The table travels inside the model file, so
//! dyad reads no dictionary at run time.
//!
//! WordNet 3.0 is © Princeton University, under the WordNet licence (permissive, BSD-like:
//! use, copy and distribute with the copyright notice); see `models/README.md`.

use thiserror::Error;

use crate::perceptron::{IdMap, hash_concat, hash_str};

/// Lemma bits.
const NOUN: u16 = 1;
const NAME: u16 = 1 << 1;
const VERB: u16 = 1 << 2;
const ADJ: u16 = 1 << 3;
const ADV: u16 = 1 << 4;
/// Inflection bits (a form traced back to a lemma).
const PLURAL: u16 = 1 << 5;
const THIRD_PERSON: u16 = 1 << 6;
const PAST: u16 = 1 << 7;
const GERUND: u16 = 1 << 8;
const COMPARATIVE: u16 = 1 << 9;

/// Regular endings: (ending, replacement, part of speech of the lemma, inflection).
const ENDINGS: &[(&str, &str, u16, u16)] = &[
    ("s", "", NOUN, PLURAL),
    ("ses", "s", NOUN, PLURAL),
    ("xes", "x", NOUN, PLURAL),
    ("zes", "z", NOUN, PLURAL),
    ("ches", "ch", NOUN, PLURAL),
    ("shes", "sh", NOUN, PLURAL),
    ("men", "man", NOUN, PLURAL),
    ("ies", "y", NOUN, PLURAL),
    ("s", "", VERB, THIRD_PERSON),
    ("ies", "y", VERB, THIRD_PERSON),
    ("es", "e", VERB, THIRD_PERSON),
    ("es", "", VERB, THIRD_PERSON),
    ("ed", "e", VERB, PAST),
    ("ed", "", VERB, PAST),
    ("ied", "y", VERB, PAST),
    ("ing", "e", VERB, GERUND),
    ("ing", "", VERB, GERUND),
    ("er", "", ADJ, COMPARATIVE),
    ("est", "", ADJ, COMPARATIVE),
    ("er", "e", ADJ, COMPARATIVE),
    ("est", "e", ADJ, COMPARATIVE),
    ("ier", "y", ADJ, COMPARATIVE),
    ("iest", "y", ADJ, COMPARATIVE),
];

/// A dictionary that cannot be read.
#[derive(Debug, Error)]
pub enum WordNetError {
    #[error(
        "reading WordNet file {file}: {source} (install Debian's wordnet-base, or train with --wordnet none)"
    )]
    Io {
        file: String,
        source: std::io::Error,
    },
}

/// Parts of speech of lemmas and of irregular forms, keyed by the hash of the lower-cased
/// word.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WordClasses {
    pub(crate) lemmas: IdMap<u16>,
    /// Irregular forms ("went", "feet", "better"), with their full bits.
    pub(crate) irregular: IdMap<u16>,
    /// The semantic field of a lemma's most frequent sense, as WordNet's lexicographer
    /// file number plus one: the noun's in the low byte (`noun.person`, `noun.time`, ...),
    /// the verb's in the high byte (`verb.motion`, `verb.communication`, ...). Irregular
    /// forms have their lemma's.
    pub(crate) senses: IdMap<u16>,
}

impl WordClasses {
    /// Build the table from WordNet's database files (`data.*`, `index.*`, `*.exc`), each
    /// given by `file(name)` and read once: the caller does the reading (this crate does
    /// no I/O).
    pub fn from_wordnet(
        file: impl Fn(&str) -> std::io::Result<String>,
    ) -> Result<WordClasses, WordNetError> {
        let read = |name: &str| {
            file(name).map_err(|source| WordNetError::Io {
                file: name.to_string(),
                source,
            })
        };
        // Lemma → (bits, seen in lower case); synset offset → lexicographer file, per part.
        let mut seen: IdMap<(u16, bool)> = IdMap::default();
        let mut noun_fields: IdMap<u16> = IdMap::default();
        let mut verb_fields: IdMap<u16> = IdMap::default();
        for (name, part) in [
            ("data.noun", NOUN),
            ("data.verb", VERB),
            ("data.adj", ADJ),
            ("data.adv", ADV),
        ] {
            for line in read(name)?.lines() {
                let fields = match part {
                    NOUN => Some(&mut noun_fields),
                    VERB => Some(&mut verb_fields),
                    _ => None,
                };
                if let (Some(fields), Some((offset, field))) = (fields, synset_field(line)) {
                    fields.insert(offset, field);
                }
                for word in synset_words(line) {
                    let word = word.split('(').next().unwrap_or(word);
                    if word.is_empty() || word.contains('_') {
                        continue;
                    }
                    let lower = word.to_lowercase();
                    let e = seen.entry(hash_str(&lower)).or_default();
                    e.0 |= part;
                    if part == NOUN && lower == word {
                        e.1 = true;
                    }
                }
            }
        }
        let lemmas: IdMap<u16> = seen
            .into_iter()
            .map(|(k, (bits, lower))| {
                // A noun only ever written with a capital is a name.
                let bits = if bits & NOUN != 0 && !lower {
                    bits & !NOUN | NAME
                } else {
                    bits
                };
                (k, bits)
            })
            .collect();
        // The field of each lemma's first (most frequent) sense.
        let mut senses: IdMap<u16> = IdMap::default();
        for (index, fields, shift) in [
            ("index.noun", &noun_fields, 0),
            ("index.verb", &verb_fields, 8),
        ] {
            for line in read(index)?.lines() {
                if let Some((lemma, field)) =
                    first_sense(line).and_then(|(l, o)| Some((l, *fields.get(&o)?)))
                {
                    *senses.entry(hash_str(lemma)).or_default() |= (field + 1) << shift;
                }
            }
        }
        // Irregular forms: their inflection, and their lemma's field.
        let mut irregular: IdMap<u16> = IdMap::default();
        for (name, part) in [
            ("noun.exc", NOUN),
            ("verb.exc", VERB),
            ("adj.exc", ADJ),
            ("adv.exc", ADV),
        ] {
            for line in read(name)?.lines() {
                let mut words = line.split_whitespace();
                let (Some(form), Some(lemma)) = (words.next(), words.next()) else {
                    continue;
                };
                let shift = match part {
                    NOUN => Some(0),
                    VERB => Some(8),
                    _ => None,
                };
                if let (Some(shift), Some(&sense)) = (shift, senses.get(&hash_str(lemma))) {
                    *senses.entry(hash_str(form)).or_default() |= sense & (0xff << shift);
                }
                if form.contains('_') || lemmas.get(&hash_str(lemma)).is_none_or(|b| b & part == 0)
                {
                    continue;
                }
                let inflection = match part {
                    NOUN => PLURAL,
                    VERB if form.ends_with("ing") => GERUND,
                    VERB => PAST,
                    ADJ => COMPARATIVE,
                    _ => 0,
                };
                *irregular.entry(hash_str(form)).or_default() |= inflection | part;
            }
        }
        Ok(WordClasses {
            lemmas,
            irregular,
            senses,
        })
    }

    /// The semantic field of a lemma or irregular form given by the hash of its lower-case
    /// form, without tracing inflections (0 if none).
    pub(crate) fn field_of_hash(&self, hash: u64, verb: bool) -> u16 {
        let shift = if verb { 8 } else { 0 };
        self.senses.get(&hash).map_or(0, |s| (s >> shift) & 0xff)
    }

    /// The semantic field of a word as a noun (`verb` false) or as a verb: WordNet's
    /// lexicographer file number plus one of its lemma's most frequent sense, or 0.
    pub fn field(&self, form: &str, verb: bool) -> u16 {
        if self.senses.is_empty() {
            return 0;
        }
        let lower = form.to_lowercase();
        match self.field_of_hash(hash_str(&lower), verb) {
            0 => self.inflected_field(&lower, verb),
            own => own,
        }
    }

    /// The field of an inflected form's lemma ("cities", "walked"), or 0.
    fn inflected_field(&self, lower: &str, verb: bool) -> u16 {
        let part = if verb { VERB } else { NOUN };
        stems(lower)
            .filter(|s| s.part == part)
            .map(|s| self.field_of_hash(hash_concat(&s.parts), verb))
            .find(|&f| f != 0)
            .unwrap_or(0)
    }

    /// Whether a lower-case word is a verb lemma in the dictionary (false when it has none).
    pub fn is_verb(&self, lower: &str) -> bool {
        self.lemmas
            .get(&hash_str(lower))
            .is_some_and(|&bits| bits & VERB != 0)
    }

    /// Whether class bits (from [`WordClasses::bits`]) say the word is never a verb: the
    /// dictionary knows it, but not as a verb or a verb's inflection ("red", "officials").
    pub fn never_verb(bits: u16) -> bool {
        bits != 0 && bits & (VERB | PAST | GERUND | THIRD_PERSON) == 0
    }

    /// The class bits of a word form (0 when the dictionary knows nothing of it).
    pub fn bits(&self, form: &str) -> u16 {
        if self.lemmas.is_empty() {
            return 0;
        }
        self.bits_of_lower(&form.to_lowercase())
    }

    /// [`WordClasses::bits`] of a word already in lower case.
    pub(crate) fn bits_of_lower(&self, lower: &str) -> u16 {
        if self.lemmas.is_empty() || !lower.chars().any(char::is_alphabetic) {
            return 0;
        }
        let whole = hash_str(lower);
        let mut bits = self.lemmas.get(&whole).copied().unwrap_or(0)
            | self.irregular.get(&whole).copied().unwrap_or(0);
        for s in stems(lower) {
            let found = self
                .lemmas
                .get(&hash_concat(&s.parts))
                .copied()
                .unwrap_or(0);
            if found & s.part != 0 {
                bits |= s.inflection;
            }
        }
        bits
    }
}

/// A possible lemma of an inflected form: `parts` joined, if it is a `part` (noun, verb,
/// adjective), makes the form its `inflection`.
struct Stem<'a> {
    parts: [&'a str; 2],
    part: u16,
    inflection: u16,
}

/// The possible lemmas of a lower-case form by the regular endings, in [`ENDINGS`] order;
/// where stripping an ending leaves a doubled letter ("stopp", "bigg"), also the form
/// without it ("stop", "big").
fn stems(lower: &str) -> impl Iterator<Item = Stem<'_>> {
    ENDINGS
        .iter()
        .filter_map(move |&(ending, replacement, part, inflection)| {
            let base = lower.strip_suffix(ending).filter(|b| b.len() >= 2)?;
            let undoubled =
                (replacement.is_empty() && doubled(base)).then(|| &base[..base.len() - 1]);
            let stem = |parts| Stem {
                parts,
                part,
                inflection,
            };
            Some(std::iter::once(stem([base, replacement])).chain(undoubled.map(|u| stem([u, ""]))))
        })
        .flatten()
}

/// Whether a word ends in a doubled letter ("stopp", "bigg").
fn doubled(base: &str) -> bool {
    let b = base.as_bytes();
    b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2]
}

/// The lemma of a line of a WordNet index file and the offset of its most frequent sense:
/// `lemma pos synsets pointers [pointer...] senses tagged offset...`.
fn first_sense(line: &str) -> Option<(&str, u64)> {
    if line.starts_with(' ') {
        return None;
    }
    let mut f = line.split(' ');
    let lemma = f.next()?;
    let pointers: usize = f.nth(2)?.parse().ok()?;
    f.nth(pointers + 2)?.parse().ok().map(|o| (lemma, o))
}

/// The synset offset and lexicographer file number of a line of a WordNet data file.
fn synset_field(line: &str) -> Option<(u64, u16)> {
    let mut f = line.split(' ');
    let offset = f.next()?.parse().ok()?;
    let field = f.next()?.parse().ok()?;
    Some((offset, field))
}

/// The words of one line of a WordNet data file: `offset lexfile pos count word lexid ...`
/// with the count in hexadecimal. Licence lines (starting with spaces) give none.
fn synset_words(line: &str) -> impl Iterator<Item = &str> {
    let mut fields = line.split(' ');
    let header_ok = line.starts_with(|c: char| c.is_ascii_digit());
    let count = if header_ok {
        fields
            .nth(3)
            .and_then(|c| usize::from_str_radix(c, 16).ok())
            .unwrap_or(0)
    } else {
        0
    };
    fields.step_by(2).take(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> WordClasses {
        let mut lemmas = IdMap::default();
        for (w, b) in [
            ("walk", VERB | NOUN),
            ("city", NOUN),
            ("stop", VERB | NOUN),
            ("big", ADJ),
            ("paris", NAME),
            ("quickly", ADV),
        ] {
            lemmas.insert(hash_str(w), b);
        }
        let mut irregular = IdMap::default();
        irregular.insert(hash_str("went"), VERB | PAST);
        let mut senses = IdMap::default();
        senses.insert(hash_str("walk"), 30 << 8 | 5);
        senses.insert(hash_str("went"), 30 << 8);
        WordClasses {
            lemmas,
            irregular,
            senses,
        }
    }

    #[test]
    fn inflections_are_traced_to_their_lemma() {
        let w = tiny();
        assert_eq!(w.bits("walked"), PAST);
        assert_eq!(w.bits("walks"), PLURAL | THIRD_PERSON);
        assert_eq!(w.bits("Walking"), GERUND);
        assert_eq!(w.bits("cities"), PLURAL);
        assert_eq!(w.bits("stopped"), PAST);
        assert_eq!(w.bits("biggest"), COMPARATIVE);
        assert_eq!(w.bits("went"), VERB | PAST);
        assert_eq!(w.bits("Paris"), NAME);
        assert_eq!(w.bits("quickly"), ADV);
        assert_eq!(w.bits("zzyzx"), 0);
        assert_eq!(w.bits("1,000"), 0);
        assert_eq!(WordClasses::default().bits("walked"), 0);
    }

    #[test]
    fn fields_are_read_from_the_lemma() {
        let w = tiny();
        assert_eq!(w.field("walked", true), 30);
        assert_eq!(w.field("walks", false), 5);
        assert_eq!(w.field("went", true), 30);
        assert_eq!(w.field("went", false), 0);
        assert_eq!(w.field("city", false), 0);
        let line = "dog n 7 5 @ ~ #m #p %p 7 1 02084071 10114209 10023039";
        assert_eq!(first_sense(line), Some(("dog", 2_084_071)));
        assert_eq!(first_sense("  1 This software"), None);
    }

    #[test]
    fn synset_lines_give_their_words() {
        let line = "00002312 00 a 02 abaxial 0 dorsal 4 002 ;c 06037666 n 0000 | facing away";
        assert_eq!(
            synset_words(line).collect::<Vec<_>>(),
            ["abaxial", "dorsal"]
        );
        assert_eq!(synset_words("  1 This software").count(), 0);
    }

    #[test]
    fn a_missing_dictionary_is_a_clear_error() {
        let missing = |_: &str| Err(std::io::Error::from(std::io::ErrorKind::NotFound));
        let err = WordClasses::from_wordnet(missing).unwrap_err();
        assert!(err.to_string().contains("wordnet-base"), "{err}");
    }
}
