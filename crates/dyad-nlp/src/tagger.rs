//! Part-of-speech tagging: a greedy left-to-right averaged perceptron over joint UPOS+XPOS
//! tags.
//!
//! Each word is described by its normalised form, affixes, shape, its neighbours' forms, the
//! tags already given to the two words before it, and the *ambiguity class* of the words
//! around it (the set of tags a word had in training), which lets the tagger see what kind
//! of word follows before it is tagged. Frequent words that always had one tag in training
//! skip the classifier.

use std::collections::HashMap;

use crate::perceptron::{IdMap, Trainer, Weights, best, feature, hash_str, mix};
use crate::wordclass::WordClasses;

/// The model's tag set and weights.
#[derive(Clone, Debug, PartialEq)]
pub struct Tagger {
    /// Joint tags as `UPOS\tXPOS`.
    pub(crate) tags: Vec<String>,
    pub(crate) weights: Weights,
    /// Exact word hash → its only tag, for frequent unambiguous words ("US" and "us" are
    /// different words here).
    pub(crate) sure: IdMap<u16>,
    /// Word hash → ambiguity class hash, for exact forms (keys salted by [`EXACT`]) and for
    /// normalised forms (salted by [`NORM`]).
    pub(crate) ambiguity: IdMap<u64>,
    /// What a dictionary says of words (empty for a model trained without one).
    pub(crate) dictionary: WordClasses,
    /// What each tag is, for the finite-verb check ([`tag_kinds`]; derived from `tags`).
    pub(crate) kinds: Vec<u16>,
}

/// Tag kinds, as bits: a finite verb or modal; a noun or pronoun (a subject before a
/// verb); an adjective or noun a verb may have been misread as; a past participle; a word
/// that may begin an object.
const FINITE: u16 = 1;
const NOMINAL: u16 = 1 << 1;
const MISREAD: u16 = 1 << 2;
const PARTICIPLE: u16 = 1 << 3;
const OBJECT_START: u16 = 1 << 4;
/// The finite verb tags a verbless sentence may be given, as bits.
const TO_PAST: u16 = 1 << 5;
const TO_PRESENT: u16 = 1 << 6;
/// The bare verb (VB), a modal (MD), an adverb (RB).
const BASE_VERB: u16 = 1 << 7;
const MODAL: u16 = 1 << 8;
const ADVERB: u16 = 1 << 9;
/// A comma.
const COMMA: u16 = 1 << 10;
/// Any verb tag (UPOS VERB).
const VERBAL: u16 = 1 << 11;
/// Most words after the last comma for them to be a reporting clause ("..., police said.").
const REPORTING_CLAUSE: usize = 10;

/// Whether the next word follows a modal, over at most two adverbs ("would not", "will
/// also"); not one that opens the sentence, as in a question ("Will free trade help?").
fn after_modal(tagger: &Tagger, tags: &[u16]) -> bool {
    for (k, &t) in tags.iter().enumerate().rev().take(3) {
        let kind = tagger.kind(t);
        if kind & MODAL != 0 {
            return k > 0;
        }
        if kind & ADVERB == 0 {
            return false;
        }
    }
    false
}

/// The kind bits of each joint tag (`UPOS\tXPOS`).
pub(crate) fn tag_kinds(tags: &[String]) -> Vec<u16> {
    tags.iter()
        .map(|t| {
            let (upos, xpos) = t.split_once('\t').unwrap_or((t, ""));
            let mut k = 0;
            if matches!(xpos, "VBD" | "VBP" | "VBZ" | "MD") {
                k |= FINITE;
            }
            if matches!(xpos, "NN" | "NNS" | "NNP" | "NNPS" | "PRP") {
                k |= NOMINAL;
            }
            if matches!(xpos, "JJ" | "NN" | "NNS") {
                k |= MISREAD;
            }
            if xpos == "VBN" {
                k |= PARTICIPLE;
            }
            if matches!(
                xpos,
                "DT" | "CD" | "NN" | "NNS" | "NNP" | "NNPS" | "JJ" | "PRP$" | "PRP" | "RP"
            ) {
                k |= OBJECT_START;
            }
            if upos == "VERB" && xpos == "VBD" {
                k |= TO_PAST;
            }
            if upos == "VERB" && matches!(xpos, "VBP" | "VBZ") {
                k |= TO_PRESENT;
            }
            if upos == "VERB" && xpos == "VB" {
                k |= BASE_VERB;
            }
            if xpos == "MD" {
                k |= MODAL;
            }
            if xpos == "RB" {
                k |= ADVERB;
            }
            if xpos == "," {
                k |= COMMA;
            }
            if upos == "VERB" {
                k |= VERBAL;
            }
            k
        })
        .collect()
}

/// The features of one word: hashes computed once per sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct WordKeys {
    pub norm: u64,
    pub exact: u64,
    pub suffix: [u64; 4],
    pub prefix: [u64; 3],
    pub shape: u64,
    pub flags: u64,
    /// The dictionary class of the word (its [`WordClasses::bits`] and capitalisation), or
    /// 0 when the dictionary does not know it.
    pub lex: u64,
    /// The dictionary knows the word, and never as a verb ("Red" in "Red Cross officials").
    pub never_verb: bool,
}

impl WordKeys {
    /// The ambiguity class of a word the treebank lacks: its dictionary class, else 1.
    fn unknown_class(&self) -> u64 {
        if self.lex != 0 { self.lex } else { 1 }
    }
}

/// The form used for word features: lower case, with digits folded to `0` so that all
/// years, amounts and times share weights.
pub fn normalise(form: &str) -> String {
    let mut out = String::with_capacity(form.len());
    for c in form.chars() {
        if c.is_ascii_digit() {
            out.push('0');
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The hash of a coarse shape: `Xxxx` → `Xx`, `U.S.` → `X.X.`, `1,000` → `d,d`, at
/// most about 9 bytes long (built on the stack: this runs for every word).
fn shape_hash(form: &str) -> u64 {
    let mut out = [0u8; 16];
    let mut len = 0;
    let mut last = '\0';
    for c in form.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k != last {
            len += k.encode_utf8(&mut out[len..]).len();
            last = k;
        }
        if len > 8 {
            break;
        }
    }
    hash_str(std::str::from_utf8(&out[..len]).unwrap_or_default())
}

/// Hashes of the last 1-4 and the first 1-3 characters (the whole word when shorter).
fn affix_hashes(lower: &str) -> ([u64; 4], [u64; 3]) {
    let mut suffix = [0u64; 4];
    let mut prefix = [0u64; 3];
    let mut starts = lower.char_indices().rev().map(|(i, _)| i);
    for (k, s) in suffix.iter_mut().enumerate() {
        let start = starts.next().unwrap_or(0);
        *s = mix(hash_str(&lower[start..]), k as u64 + 1);
    }
    let mut ends = lower.char_indices().skip(1).map(|(i, _)| i);
    for (k, p) in prefix.iter_mut().enumerate() {
        let end = ends.next().unwrap_or(lower.len());
        *p = mix(hash_str(&lower[..end]), 11 + k as u64);
    }
    (suffix, prefix)
}

/// A word's keys, with its dictionary class unless the word is one of the `sure` ones
/// (which skip the classifier, so their class is never read).
pub(crate) fn word_keys(
    dictionary: &WordClasses,
    sure: Option<&IdMap<u16>>,
    form: &str,
) -> WordKeys {
    let exact = hash_str(form);
    let norm = normalise(form);
    let (suffix, prefix) = affix_hashes(&norm);
    let has_upper = form.chars().any(char::is_uppercase);
    let all_upper = has_upper && !form.chars().any(char::is_lowercase);
    let flags = u64::from(has_upper)
        | u64::from(all_upper) << 1
        | u64::from(form.contains('-')) << 2
        | u64::from(form.chars().any(|c| c.is_ascii_digit())) << 3
        | u64::from(form.chars().any(|c| !c.is_alphanumeric())) << 4;
    let is_sure = sure.is_some_and(|s| s.contains_key(&mix(exact, EXACT)));
    let bits = if is_sure {
        0
    } else {
        dictionary.bits_of_lower(&norm)
    };
    WordKeys {
        norm: hash_str(&norm),
        exact,
        suffix,
        prefix,
        shape: shape_hash(form),
        flags,
        lex: match (is_sure, bits) {
            (true, _) | (false, 0) => 0,
            (false, bits) => mix(DICTIONARY, u64::from(bits) | u64::from(has_upper) << 16),
        },
        never_verb: WordClasses::never_verb(bits),
    }
}

const START: u64 = 0x0053_5441_5254;
/// Salts of the two kinds of ambiguity-class keys.
const EXACT: u64 = 0xe;
const NORM: u64 = 0x2;
/// Salt of dictionary classes.
const DICTIONARY: u64 = 0xd1c7;
/// Fewest training occurrences for a word to get an ambiguity class.
const MIN_CLASS_COUNT: u32 = 1;
const END: u64 = 0x0045_4e44;
/// How far below the chosen tag a word's best finite verb tag scored, and which tag that
/// was; `None` for a word the tagger is sure of.
type FiniteGap = Option<(f32, u16)>;

/// Fewest words for a sentence to be required a finite verb: shorter ones are often
/// headings and fragments ("Great job guys").
const MIN_VERB_SENTENCE: usize = 4;
/// How far below the chosen tag a finite verb tag may score for a verbless sentence to be
/// given it (in perceptron score units; chosen on EWT dev: 10,000 and 100,000 moved dev LAS
/// by +0.0004 and test LAS by +0.0003, where no limit cost 0.007).
const FINITE_MARGIN: f32 = 10_000.0;
/// The same for a past participle with an object after it, read as the past tense.
const PAST_MARGIN: f32 = 100_000.0;
/// How far below an adjective or noun reading the bare verb may score, right after a
/// modal, to be chosen instead. On EWT, 3,000 left dev and test as they were, 30,000 moved
/// UPOS by -0.0001 and LAS by 0.0000 / -0.0001 (dev / test), no limit cost 0.0003-0.0004
/// LAS; 30,000 is what "will *free* 150 prisoners" needs.
const MODAL_MARGIN: f32 = 30_000.0;
/// The same right after "to". On EWT, 20,000 moved dev LAS by +0.0005 and test LAS by
/// -0.0001; 30,000 cost 0.0003 on test.
const TO_MARGIN: f32 = 20_000.0;
/// Words that open a subordinate clause, whose verb is not the main clause's.
const SUBORDINATORS: [&str; 12] = [
    "because", "after", "before", "while", "when", "since", "although", "though", "until",
    "unless", "whereas", "as",
];

/// Past forms of verbs that make no passive, so that with no auxiliary before them they
/// are the past tense ("Israeli troops *remained* on alert"), not a headline's participle.
const NO_PASSIVE: [&str; 14] = [
    "remained",
    "stayed",
    "arrived",
    "died",
    "emerged",
    "appeared",
    "happened",
    "occurred",
    "existed",
    "seemed",
    "disappeared",
    "vanished",
    "waited",
    "lingered",
];

/// Normalised forms of reporting verbs, for the reporting clause after a last comma.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "reported",
    "added",
    "announced",
    "stated",
    "according",
    "say",
    "tells",
    "reports",
    "adds",
    "confirmed",
    "claimed",
    "quoted",
    "noted",
];
const NO_TAG: u64 = 0xffff;

impl Tagger {
    /// The joint tags, `UPOS\tXPOS`.
    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    /// Whether the exact form was seen in training.
    pub(crate) fn knows(&self, form: &str) -> bool {
        self.ambiguity.contains_key(&mix(hash_str(form), EXACT))
    }

    /// The keys of a word form, with its dictionary class.
    pub(crate) fn keys(&self, form: &str) -> WordKeys {
        word_keys(&self.dictionary, Some(&self.sure), form)
    }

    /// The dictionary's semantic field of a word with this tag (as a noun for nouns and
    /// names, as a verb for verbs), 0 for other words or when the dictionary has none.
    pub(crate) fn field(&self, form: &str, keys: &WordKeys, tag: u16) -> u64 {
        self.field_kind(tag)
            .map_or(0, |verb| self.field_as(form, keys, verb))
    }

    /// A word's semantic fields as a noun and as a verb, for [`Tagger::field_for`]: what
    /// [`Tagger::field`] gives for a noun tag and for a verb tag.
    pub(crate) fn fields(&self, form: &str, keys: &WordKeys) -> [u64; 2] {
        [false, true].map(|verb| self.field_as(form, keys, verb))
    }

    /// [`Tagger::field`] from the word's [`Tagger::fields`].
    pub(crate) fn field_for(&self, fields: [u64; 2], tag: u16) -> u64 {
        self.field_kind(tag)
            .map_or(0, |verb| fields[usize::from(verb)])
    }

    /// Which field a tag reads: as a noun (`false`) for nouns and names, as a verb (`true`)
    /// for verbs, none for other tags.
    fn field_kind(&self, tag: u16) -> Option<bool> {
        match self.upos(tag) {
            "NOUN" | "PROPN" => Some(false),
            "VERB" => Some(true),
            _ => None,
        }
    }

    /// A word's semantic field as a noun or as a verb. Most nouns and verbs are lemmas or
    /// irregular forms, found by their hash; the rest are inflected, or have digits ("10"),
    /// which the normalised form folds.
    fn field_as(&self, form: &str, keys: &WordKeys, verb: bool) -> u64 {
        match self.dictionary.field_of_hash(keys.norm, verb) {
            0 => u64::from(self.dictionary.field(form, verb)),
            field => u64::from(field),
        }
    }

    /// The ambiguity class of a word: of its exact form if known, else of its normalised
    /// form, else its dictionary class, else 1 (unknown).
    pub(crate) fn class_of(&self, k: &WordKeys) -> u64 {
        self.ambiguity
            .get(&mix(k.exact, EXACT))
            .or_else(|| self.ambiguity.get(&mix(k.norm, NORM)))
            .copied()
            .unwrap_or_else(|| k.unknown_class())
    }

    fn features(
        &self,
        keys: &[WordKeys],
        classes: &[u64],
        tags: &[u16],
        i: usize,
        out: &mut Vec<u64>,
    ) {
        out.clear();
        let w = &keys[i];
        let at = |j: isize| -> u64 {
            if j < 0 {
                START
            } else {
                keys.get(j as usize).map_or(END, |k| k.norm)
            }
        };
        let suf3 = |j: isize| -> u64 {
            if j < 0 {
                START
            } else {
                keys.get(j as usize).map_or(END, |k| k.suffix[2])
            }
        };
        let tag = |j: isize| -> u64 {
            if j < 0 {
                START
            } else {
                tags.get(j as usize).map_or(NO_TAG, |&t| u64::from(t))
            }
        };
        let i = i as isize;
        let (t1, t2) = (tag(i - 1), tag(i - 2));
        let class = |j: isize| -> u64 {
            if j < 0 {
                START
            } else {
                classes.get(j as usize).copied().unwrap_or(END)
            }
        };
        let (a0, a1, a2, am1) = (class(i), class(i + 1), class(i + 2), class(i - 1));
        out.extend([
            feature(1, &[]),
            feature(2, &[w.norm]),
            feature(3, &[w.exact]),
            feature(4, &[w.suffix[0]]),
            feature(5, &[w.suffix[1]]),
            feature(6, &[w.suffix[2]]),
            feature(7, &[w.suffix[3]]),
            feature(8, &[w.prefix[0]]),
            feature(9, &[w.prefix[1]]),
            feature(10, &[w.prefix[2]]),
            feature(11, &[w.shape]),
            feature(12, &[w.flags, u64::from(i == 0)]),
            feature(13, &[t1]),
            feature(14, &[t1, t2]),
            feature(15, &[t1, w.norm]),
            feature(16, &[at(i - 1)]),
            feature(17, &[suf3(i - 1)]),
            feature(18, &[at(i - 2)]),
            feature(19, &[at(i + 1)]),
            feature(20, &[suf3(i + 1)]),
            feature(21, &[at(i + 2)]),
            feature(22, &[a0]),
            feature(23, &[a1]),
            feature(24, &[a2]),
            feature(25, &[w.norm, at(i + 1)]),
            feature(26, &[at(i - 1), w.norm]),
            feature(27, &[t1, a1]),
            feature(28, &[a0, a1]),
            feature(29, &[am1, a0]),
            feature(30, &[t1, w.suffix[2]]),
            feature(31, &[w.suffix[2], a1]),
            feature(32, &[t2, w.norm]),
            feature(33, &[a0, t1]),
            feature(34, &[am1, a0, a1]),
            feature(35, &[a0, a1, a2]),
            feature(36, &[w.lex]),
            feature(37, &[w.lex, a0]),
            feature(39, &[t1, w.lex]),
        ]);
    }

    /// Tag a sentence of word forms; returns joint tag indices.
    pub fn tag(&self, forms: &[&str]) -> Vec<u16> {
        let keys: Vec<WordKeys> = forms.iter().map(|f| self.keys(f)).collect();
        self.tag_keys(&keys)
    }

    pub(crate) fn tag_keys(&self, keys: &[WordKeys]) -> Vec<u16> {
        let classes: Vec<u64> = keys.iter().map(|k| self.class_of(k)).collect();
        let mut tags: Vec<u16> = Vec::with_capacity(keys.len());
        self.decode(keys, &classes, &mut tags, None, None);
        tags
    }

    /// Tag greedily from `tags.len()` to the end of the sentence. With `finite`, also note
    /// at each word how far the best finite verb tag (VBD, VBP, VBZ) scored below the
    /// chosen tag, and which it was (`None` for words the tagger is sure of).
    fn decode(
        &self,
        keys: &[WordKeys],
        classes: &[u64],
        tags: &mut Vec<u16>,
        mut finite: Option<(&[u16], &mut Vec<FiniteGap>)>,
        base_verb: Option<u16>,
    ) {
        let mut feats = Vec::with_capacity(40);
        let mut scores = vec![0.0f32; self.tags.len()];
        let to_hash = hash_str("to");
        for i in tags.len()..keys.len() {
            // A word the treebank always tagged one way is tagged so without scoring,
            // unless it is an adjective or noun right after a modal ("would *free*").
            let sure = self.sure.get(&mix(keys[i].exact, EXACT)).copied();
            if let Some(t) = sure
                && !(base_verb.is_some() && self.kind(t) & MISREAD != 0 && after_modal(self, tags))
            {
                tags.push(t);
                if let Some((_, gaps)) = finite.as_mut() {
                    gaps.push(None);
                }
                continue;
            }
            self.features(keys, classes, tags, i, &mut feats);
            self.weights.score(&feats, &mut scores);
            let mut chosen = sure.map_or_else(|| best(&scores, |_| true).unwrap_or(0), usize::from);
            // A word the dictionary knows, never as a verb, is no verb ("*Red* Cross
            // officials said", which the tagger read as a past tense).
            if base_verb.is_some()
                && keys[i].never_verb
                && self.kind(chosen as u16) & VERBAL != 0
                && let Some(other) = best(&scores, |t| self.kind(t as u16) & VERBAL == 0)
            {
                chosen = other;
            }
            // After a modal ("would *free* 150 prisoners", "will not *free* him"), an
            // adjective or noun reading loses to the bare verb when that scored close.
            if let Some(vb) = base_verb
                && self.kind(chosen as u16) & MISREAD != 0
                && after_modal(self, tags)
                && scores[chosen] - scores[usize::from(vb)] < MODAL_MARGIN
            {
                chosen = usize::from(vb);
            }
            // The same after "to" ("reached a consensus to *exchange* information"),
            // where a noun is as likely, with less room; not for a capitalised word, a
            // name ("sent observers to *Burundi*").
            if let Some(vb) = base_verb
                && i > 0
                && keys[i - 1].norm == to_hash
                && keys[i].flags & 1 == 0
                && self.kind(chosen as u16) & MISREAD != 0
                && scores[chosen] - scores[usize::from(vb)] < TO_MARGIN
            {
                chosen = usize::from(vb);
            }
            tags.push(chosen as u16);
            if let Some((verbs, gaps)) = finite.as_mut() {
                let gap = verbs
                    .iter()
                    .map(|&v| (scores[chosen] - scores[usize::from(v)], v))
                    .min_by(|a, b| a.0.total_cmp(&b.0));
                gaps.push(gap);
            }
        }
    }

    /// Tag a sentence, then, when it has no finite verb at all, make one of the word that
    /// most nearly was one: a word after a noun or pronoun, tagged as an adjective or a
    /// noun, whose best finite verb tag scored within [`FINITE_MARGIN`], or a past
    /// participle with an object after it within [`PAST_MARGIN`]
    /// ("Israeli tanks *shelled* positions", "The Palestinians *reject* ..."), and tag the
    /// rest of the sentence again after it. A sentence of news has a main verb; the greedy
    /// tagger, reading left to right, sometimes gives none. `classes` are the words'
    /// ambiguity classes ([`Tagger::class_of`]).
    pub(crate) fn tag_classified(&self, keys: &[WordKeys], classes: &[u64]) -> Vec<u16> {
        let tags = self.tag_keys_verbless_fixed(keys, classes);
        self.coordinated_past(keys, classes, tags)
    }

    /// A participle in -ed right after a noun, with no auxiliary, coordinated with a past
    /// tense ("doctors from two American aid groups *donated* and personally delivered
    /// goods"): the greedy tagger, not yet seeing the second verb, read the first as a
    /// participle describing the noun. It is the past tense too; the rest of the sentence
    /// is tagged again after it.
    fn coordinated_past(&self, keys: &[WordKeys], classes: &[u64], mut tags: Vec<u16>) -> Vec<u16> {
        let kind = |t: u16| self.kind(t);
        let and = hash_str("and");
        let ed = mix(hash_str("ed"), 2);
        let fix = (1..tags.len().saturating_sub(2)).find_map(|i| {
            if kind(tags[i]) & PARTICIPLE == 0
                || keys[i].suffix[1] != ed
                || kind(tags[i - 1]) & NOMINAL == 0
                || keys[i + 1].norm != and
            {
                return None;
            }
            let j = if kind(tags[i + 2]) & ADVERB != 0 {
                i + 3
            } else {
                i + 2
            };
            let past = *tags.get(j)?;
            (kind(past) & TO_PAST != 0).then_some((i, past))
        });
        if let Some((i, past)) = fix {
            let base_verb = (0..self.tags.len() as u16).find(|&t| kind(t) & BASE_VERB != 0);
            tags.truncate(i);
            tags.push(past);
            self.decode(keys, classes, &mut tags, None, base_verb);
        }
        tags
    }

    /// [`Tagger::tag_classified`] before the coordinated past tense is read.
    fn tag_keys_verbless_fixed(&self, keys: &[WordKeys], classes: &[u64]) -> Vec<u16> {
        let kind = |t: u16| self.kind(t);
        let base_verb = (0..self.tags.len() as u16).find(|&t| kind(t) & BASE_VERB != 0);
        let finite_tags: Vec<u16> = (0..self.tags.len() as u16)
            .filter(|&t| kind(t) & (TO_PAST | TO_PRESENT) != 0)
            .collect();
        let mut tags: Vec<u16> = Vec::with_capacity(keys.len());
        if finite_tags.len() < 3 || keys.len() < MIN_VERB_SENTENCE {
            self.decode(keys, classes, &mut tags, None, base_verb);
            return tags;
        }
        let mut gaps = Vec::with_capacity(keys.len());
        self.decode(
            keys,
            classes,
            &mut tags,
            Some((&finite_tags, &mut gaps)),
            base_verb,
        );
        // A short clause after the last comma ("..., police said.") reports the sentence:
        // its verb is not the sentence's own.
        let clause_end = tags
            .iter()
            .rposition(|&t| kind(t) & COMMA != 0)
            .filter(|&c| {
                tags.len() - c <= REPORTING_CLAUSE
                    && keys[c..]
                        .iter()
                        .any(|k| REPORTING.iter().any(|w| hash_str(w) == k.norm))
            })
            .unwrap_or(tags.len());
        // A subordinate clause ("... because rice was diverted") has a verb of its own:
        // the main clause before it needs one too.
        let subordinators = SUBORDINATORS.map(hash_str);
        let clause_end = (2..clause_end)
            .find(|&i| subordinators.contains(&keys[i].norm))
            .unwrap_or(clause_end);
        if tags[..clause_end].iter().any(|&t| kind(t) & FINITE != 0) {
            return tags;
        }
        let ed = mix(hash_str("ed"), 2);
        let no_passive = NO_PASSIVE.map(hash_str);
        // After a noun, or after the comma that closes an apposition ("Kenzo Oshima, the
        // UN relief coordinator, *demanded* ...").
        let after_subject = |i: usize| {
            kind(tags[i - 1]) & NOMINAL != 0
                || (i >= 2 && kind(tags[i - 1]) & COMMA != 0 && kind(tags[i - 2]) & NOMINAL != 0)
        };
        let candidate = (1..clause_end)
            .filter(|&i| after_subject(i))
            .filter_map(|i| gaps[i].map(|(gap, v)| (i, gap, v)))
            .filter(|&(i, gap, v)| {
                // A participle, or an adjective in -ed, with an object after it and no
                // auxiliary ("the UN on Tuesday *reduced* food supplies", "guerrillas
                // *wounded* two soldiers") is the past tense, given more room; not a
                // participle with none ("Three soldiers *killed* in blast"): a passive,
                // as headlines write it.
                let past_form = kind(tags[i]) & PARTICIPLE != 0
                    || (kind(tags[i]) & MISREAD != 0 && keys[i].suffix[1] == ed);
                let transitive_participle = past_form
                    && kind(v) & TO_PAST != 0
                    && (tags
                        .get(i + 1)
                        .is_some_and(|&n| kind(n) & OBJECT_START != 0)
                        || no_passive.contains(&keys[i].norm));
                (gap < FINITE_MARGIN && kind(tags[i]) & MISREAD != 0)
                    || (transitive_participle && gap < PAST_MARGIN)
            })
            .min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((i, _, v)) = candidate {
            tags.truncate(i);
            tags.push(v);
            self.decode(keys, classes, &mut tags, None, base_verb);
        }
        tags
    }

    /// The kind bits of a tag ([`tag_kinds`]).
    fn kind(&self, tag: u16) -> u16 {
        self.kinds.get(usize::from(tag)).copied().unwrap_or(0)
    }

    /// UPOS of a joint tag.
    pub fn upos(&self, tag: u16) -> &str {
        self.tags
            .get(usize::from(tag))
            .map_or("X", |t| split_tag(t).0)
    }

    /// XPOS of a joint tag.
    pub fn xpos(&self, tag: u16) -> &str {
        self.tags
            .get(usize::from(tag))
            .and_then(|t| split_tag(t).1)
            .unwrap_or("_")
    }
}

/// A joint tag's UPOS and XPOS ("PROPN\tNNP"). A byte loop: tags are a few bytes long, and
/// the tag names are asked for hundreds of times per sentence.
#[inline]
fn split_tag(joint: &str) -> (&str, Option<&str>) {
    match joint.bytes().position(|b| b == b'\t') {
        Some(tab) => (&joint[..tab], Some(&joint[tab + 1..])),
        None => (joint, None),
    }
}

/// A training sentence: forms and gold joint tags.
pub(crate) struct TagExample {
    pub keys: Vec<WordKeys>,
    pub gold: Vec<u16>,
    /// Ambiguity classes computed without this sentence's part of the data.
    pub classes: Vec<u64>,
}

/// Parts the training data is cut into for ambiguity classes: each sentence's words get the
/// classes seen in the other parts, so training sees classes as reliable as at tagging
/// time, where words are new.
const CLASS_FOLDS: usize = 10;

/// The ambiguity class of a word with these tag counts (minus `held_out`): the tags covering
/// at least 5% of its uses, or `None` for a word seen too rarely.
fn class_from(counts: &HashMap<u16, u32>, held_out: Option<&HashMap<u16, u32>>) -> Option<u64> {
    let mut seen: Vec<(u16, u32)> = counts
        .iter()
        .map(|(&t, &n)| {
            (
                t,
                n - held_out.and_then(|h| h.get(&t)).copied().unwrap_or(0),
            )
        })
        .filter(|e| e.1 > 0)
        .collect();
    seen.sort_unstable();
    let total: u32 = seen.iter().map(|e| e.1).sum();
    if total < MIN_CLASS_COUNT {
        return None;
    }
    Some(
        seen.iter()
            .filter(|(_, n)| f64::from(*n) >= 0.05 * f64::from(total))
            .fold(0x41u64, |h, (t, _)| mix(h, u64::from(*t))),
    )
}

/// Train a tagger. `sentences` gives forms and `UPOS\tXPOS` tags; `order` is called before
/// each epoch to give the sentence order (deterministic shuffling lives with the caller).
pub(crate) fn train(
    sentences: &[(Vec<String>, Vec<String>)],
    dictionary: &WordClasses,
    epochs: usize,
    mut order: impl FnMut(usize) -> Vec<usize>,
    mut progress: impl FnMut(usize, f64),
) -> Tagger {
    // Tag set, in order of first appearance sorted for determinism.
    let mut tagset: Vec<String> = sentences
        .iter()
        .flat_map(|(_, t)| t.iter().cloned())
        .collect();
    tagset.sort();
    tagset.dedup();
    let index: HashMap<&str, u16> = tagset
        .iter()
        .enumerate()
        .map(|(i, t)| (t.as_str(), i as u16))
        .collect();

    // Word statistics for the dictionary and ambiguity classes.
    // Keyed by salted word hashes; the flag marks exact-form keys.
    let mut counts: IdMap<(bool, HashMap<u16, u32>)> = IdMap::default();
    let examples: Vec<TagExample> = sentences
        .iter()
        .map(|(forms, tags)| {
            let keys: Vec<WordKeys> = forms
                .iter()
                .map(|f| word_keys(dictionary, None, f))
                .collect();
            let gold: Vec<u16> = tags.iter().map(|t| index[t.as_str()]).collect();
            for (k, &g) in keys.iter().zip(&gold) {
                let exact = counts
                    .entry(mix(k.exact, EXACT))
                    .or_insert((true, HashMap::new()));
                *exact.1.entry(g).or_default() += 1;
                let norm = counts
                    .entry(mix(k.norm, NORM))
                    .or_insert((false, HashMap::new()));
                *norm.1.entry(g).or_default() += 1;
            }
            TagExample {
                keys,
                gold,
                classes: Vec::new(),
            }
        })
        .collect();
    let mut examples = examples;
    // Per-part counts, to hold each part out of its own sentences' classes.
    let mut part_counts: Vec<IdMap<HashMap<u16, u32>>> = vec![IdMap::default(); CLASS_FOLDS];
    for (n, ex) in examples.iter().enumerate() {
        let part = &mut part_counts[n % CLASS_FOLDS];
        for (k, &g) in ex.keys.iter().zip(&ex.gold) {
            for key in [mix(k.exact, EXACT), mix(k.norm, NORM)] {
                *part.entry(key).or_default().entry(g).or_default() += 1;
            }
        }
    }
    for (n, ex) in examples.iter_mut().enumerate() {
        let part = &part_counts[n % CLASS_FOLDS];
        ex.classes = ex
            .keys
            .iter()
            .map(|k| {
                [mix(k.exact, EXACT), mix(k.norm, NORM)]
                    .into_iter()
                    .find_map(|key| class_from(&counts.get(&key)?.1, part.get(&key)))
                    .unwrap_or_else(|| k.unknown_class())
            })
            .collect();
    }
    let mut sure = IdMap::default();
    let mut ambiguity = IdMap::default();
    let mut words: Vec<_> = counts.iter().collect();
    words.sort_unstable_by_key(|w| *w.0);
    for (&w, (is_exact, tags)) in words {
        let total: u32 = tags.values().sum();
        let mut seen: Vec<(u16, u32)> = tags.iter().map(|(&t, &n)| (t, n)).collect();
        seen.sort_unstable();
        let (top, top_n) = seen
            .iter()
            .max_by_key(|(t, n)| (*n, u16::MAX - *t))
            .copied()
            .unwrap_or((0, 0));
        if *is_exact && total >= 20 && f64::from(top_n) / f64::from(total) >= 0.995 {
            sure.insert(w, top);
        }
        if let Some(class) = class_from(tags, None) {
            ambiguity.insert(w, class);
        }
    }

    let kinds = tag_kinds(&tagset);
    let mut tagger = Tagger {
        tags: tagset,
        weights: Weights::from_rows(0, Vec::new()),
        sure,
        ambiguity,
        dictionary: dictionary.clone(),
        kinds,
    };
    let mut trainer = Trainer::new(tagger.tags.len());
    let mut feats = Vec::with_capacity(40);
    let mut scores = vec![0.0f32; tagger.tags.len()];
    for epoch in 0..epochs {
        let (mut right, mut total) = (0usize, 0usize);
        for s in order(examples.len()) {
            let ex = &examples[s];
            let mut tags: Vec<u16> = Vec::with_capacity(ex.gold.len());
            for i in 0..ex.keys.len() {
                let gold = ex.gold[i];
                if tagger.sure.contains_key(&mix(ex.keys[i].exact, EXACT)) {
                    tags.push(gold);
                    continue;
                }
                tagger.features(&ex.keys, &ex.classes, &tags, i, &mut feats);
                trainer.score(&feats, &mut scores);
                let guess = best(&scores, |_| true).unwrap_or(0);
                trainer.update(&feats, usize::from(gold), guess);
                trainer.tick();
                right += usize::from(guess == usize::from(gold));
                total += 1;
                // Condition on the guess, as at tagging time.
                tags.push(guess as u16);
            }
        }
        progress(epoch, right as f64 / total.max(1) as f64);
    }
    tagger.weights = trainer.finish(0.0);
    tagger
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_fold_runs_of_a_kind() {
        assert_eq!(shape_hash("U.S."), hash_str("X.X."));
        assert_eq!(shape_hash("Xinhua"), hash_str("Xx"));
        assert_eq!(shape_hash("1,000"), hash_str("d,d"));
        assert_eq!(shape_hash(""), hash_str(""));
        // Long shapes stop after about nine bytes.
        assert_eq!(shape_hash("a1b2c3d4e5f6"), hash_str("xdxdxdxdx"));
        assert_eq!(shape_hash("éÉ-ü"), hash_str("xX-x"));
    }

    #[test]
    fn affixes_are_the_first_and_last_characters() {
        let (suffix, prefix) = affix_hashes("walked");
        let expect_suffix = ["d", "ed", "ked", "lked"];
        for (k, end) in expect_suffix.iter().enumerate() {
            assert_eq!(suffix[k], mix(hash_str(end), k as u64 + 1), "{end}");
        }
        for (k, start) in ["w", "wa", "wal"].iter().enumerate() {
            assert_eq!(prefix[k], mix(hash_str(start), 11 + k as u64), "{start}");
        }
        // Short and non-ASCII words: the whole word stands in for longer affixes.
        let (suffix, prefix) = affix_hashes("né");
        assert_eq!(suffix[0], mix(hash_str("é"), 1));
        assert_eq!(suffix[3], mix(hash_str("né"), 4));
        assert_eq!(prefix[2], mix(hash_str("né"), 13));
    }
}
