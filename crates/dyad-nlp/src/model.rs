//! The tagging, lemmatising and parsing model: training from a treebank, the binary model
//! file, and the model built into dyad.
//!
//! The file is little-endian binary: a magic string and version, the tag and label sets,
//! the tagger's weights and word tables, the parser's weights and the lemmatiser's rules and
//! exceptions, every table written in sorted order so that training twice on the same
//! treebank gives the same bytes. Weights are 16-bit integers with one scale per table (see
//! [`Weights`](crate::perceptron::Weights)), as they are held in memory.

use std::collections::HashMap;
use std::sync::OnceLock;

use thiserror::Error;

use crate::conllu::ConlluSentence;
use crate::lemma::{Lemmatizer, Rule, StrMap};
use crate::parser::{self, Arcs, Input, ParseExample, Parser, Rng};
use crate::perceptron::{Dense, IdMap, Weights};
use crate::table::Table;
use crate::tagger::{self, Tagger, WordKeys};
use crate::tree::{Lemmas, Tree};
use crate::wordclass::WordClasses;

const MAGIC: &[u8; 8] = b"DYADNLP\0";
const VERSION: u32 = 4;

/// The model shipped with dyad (trained on UD English EWT; see `models/README.md`).
static BUILTIN: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/en-ewt.dyad"
));

/// A model file that cannot be read.
#[derive(Debug, Error)]
pub enum ModelError {
    #[error("not a dyad model file (bad magic bytes)")]
    Magic,
    #[error("model file version {0} is not supported (this dyad reads version {VERSION})")]
    Version(u32),
    #[error("model file is truncated or corrupt at byte {0}")]
    Truncated(usize),
    #[error("dyad was built without a model (models/en-ewt.dyad is empty); run `dyad train`")]
    Missing,
}

/// How to train.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    /// Parsers trained on the data in different orders, whose mean weights are kept (1: one
    /// parser).
    pub parser_runs: usize,
    /// Tag the parser's training data with taggers trained on the other parts (so the
    /// parser learns from tags as good as it will see), in this many parts; 0 or 1 trains
    /// the parser on gold tags.
    pub jackknife: usize,
    pub seed: u64,
    /// What a dictionary says of words the treebank lacks (empty: none).
    pub dictionary: WordClasses,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            tagger_epochs: 8,
            parser_epochs: 20,
            parser_runs: 3,
            jackknife: 4,
            seed: 0x0dad,
            dictionary: WordClasses::default(),
        }
    }
}

/// Progress of training, for the caller to show.
#[derive(Clone, Debug)]
pub enum TrainEvent {
    TaggerEpoch {
        part: String,
        epoch: usize,
        accuracy: f64,
    },
    ParserEpoch {
        run: usize,
        epoch: usize,
        accuracy: f64,
    },
}

/// A sentence's tags from [`Model::tagged`], kept to parse it later without tagging again.
#[derive(Clone, Debug, PartialEq)]
pub struct Tagged {
    /// What the tagger read of each word, which the parser reads too.
    lexemes: Vec<Lexeme>,
    tags: Vec<u16>,
}

/// What the tagger and the parser read of a word form: its feature hashes, its ambiguity
/// class, and its semantic fields as a noun and as a verb.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Lexeme {
    keys: WordKeys,
    class: u64,
    fields: [u64; 2],
}

/// The built-in model, loaded once ([`Model::builtin`]).
static MODEL: OnceLock<Result<Model, ModelError>> = OnceLock::new();

/// Most word forms the [`LEXEMES`] cache holds before it starts again: about 9 MB per
/// thread at most, and enough for the words of most news, which repeat.
const LEXEMES_MAX: usize = 50_000;

std::thread_local! {
    /// What the built-in model's tagger and parser read of each word form seen on this
    /// thread ([`Lexeme`]), so that a form is looked up in the dictionary and the class
    /// tables once, not at every occurrence: news repeats its words, and working them out
    /// was a tenth of tagging. As spaCy keeps a lexeme per string. Only the built-in model
    /// uses it, so no entry can come from another model.
    static LEXEMES: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, Lexeme>> =
        std::cell::RefCell::new(rustc_hash::FxHashMap::default());
}

/// A trained model.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub(crate) tagger: Tagger,
    pub(crate) parser: Parser,
    pub(crate) lemmatizer: Lemmatizer,
}

fn shuffled(rng: &mut Rng, n: usize) -> Vec<usize> {
    let mut v: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = (rng.next() % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
    v
}

fn joint(w: &crate::conllu::Word) -> String {
    format!("{}\t{}", w.upos, w.xpos)
}

fn tagger_data(sentences: &[&ConlluSentence]) -> Vec<(Vec<String>, Vec<String>)> {
    sentences
        .iter()
        .map(|s| {
            (
                s.words.iter().map(|w| w.form.clone()).collect(),
                s.words.iter().map(joint).collect(),
            )
        })
        .collect()
}

impl Model {
    /// The model built into this binary, loaded once.
    pub fn builtin() -> Result<&'static Model, &'static ModelError> {
        MODEL
            .get_or_init(|| {
                if BUILTIN.is_empty() {
                    Err(ModelError::Missing)
                } else {
                    Model::from_bytes(BUILTIN)
                }
            })
            .as_ref()
    }

    /// Train on treebank sentences. Deterministic for the same sentences and options.
    pub fn train(
        sentences: &[ConlluSentence],
        options: &TrainOptions,
        mut progress: impl FnMut(TrainEvent),
    ) -> Model {
        let all: Vec<&ConlluSentence> = sentences.iter().filter(|s| !s.words.is_empty()).collect();
        let mut rng = Rng::new(options.seed);

        let mut train_tagger = |part: &str, data: &[&ConlluSentence], rng: &mut Rng| {
            let data = tagger_data(data);
            tagger::train(
                &data,
                &options.dictionary,
                options.tagger_epochs,
                |n| shuffled(rng, n),
                |epoch, accuracy| {
                    progress(TrainEvent::TaggerEpoch {
                        part: part.to_string(),
                        epoch,
                        accuracy,
                    })
                },
            )
        };
        let tagger = train_tagger("all", &all, &mut rng);

        // Tags for the parser's training data.
        let folds = options.jackknife;
        let mut tags: Vec<Vec<u16>> = vec![Vec::new(); all.len()];
        if folds >= 2 {
            for k in 0..folds {
                let rest: Vec<&ConlluSentence> = all
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % folds != k)
                    .map(|(_, s)| *s)
                    .collect();
                let part = train_tagger(&format!("fold {}/{folds}", k + 1), &rest, &mut rng);
                for (i, s) in all.iter().enumerate().filter(|(i, _)| i % folds == k) {
                    let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
                    // Map the fold tagger's tag names onto the full tagger's indices.
                    tags[i] = part
                        .tag(&forms)
                        .into_iter()
                        .map(|t| {
                            let name = &part.tags[usize::from(t)];
                            tagger.tags.iter().position(|n| n == name).unwrap_or(0) as u16
                        })
                        .collect();
                }
            }
        } else {
            let index: HashMap<&str, u16> = tagger
                .tags
                .iter()
                .enumerate()
                .map(|(i, t)| (t.as_str(), i as u16))
                .collect();
            for (i, s) in all.iter().enumerate() {
                tags[i] = s
                    .words
                    .iter()
                    .map(|w| index.get(joint(w).as_str()).copied().unwrap_or(0))
                    .collect();
            }
        }

        let examples: Vec<ParseExample> = all
            .iter()
            .zip(&tags)
            .map(|(s, t)| ParseExample {
                input: s
                    .words
                    .iter()
                    .zip(t)
                    .map(|(w, &tag)| {
                        let keys = tagger.keys(&w.form);
                        Input {
                            word: keys.norm,
                            tag: u64::from(tag),
                            class: tagger.class_of(&keys),
                            field: tagger.field(&w.form, &keys, tag),
                        }
                    })
                    .collect(),
                heads: std::iter::once(0)
                    .chain(s.words.iter().map(|w| w.head))
                    .collect(),
                labels: s.words.iter().map(|w| w.deprel.clone()).collect(),
            })
            .collect();
        let parser = parser::train(
            &examples,
            options.parser_epochs,
            options.parser_runs,
            &mut rng,
            |run, n| {
                let mut r = Rng::new(options.seed ^ (n as u64).rotate_left(17) ^ run as u64);
                shuffled(&mut r, n)
            },
            |run, epoch, accuracy| {
                progress(TrainEvent::ParserEpoch {
                    run,
                    epoch,
                    accuracy,
                })
            },
        );
        let lemmatizer = Lemmatizer::train(all.iter().flat_map(|s| {
            s.words.iter().map(|w| {
                (
                    w.form.as_str(),
                    w.upos.as_str(),
                    w.xpos.as_str(),
                    w.lemma.as_str(),
                )
            })
        }));
        Model {
            tagger,
            parser,
            lemmatizer,
        }
    }

    /// Tag one sentence of word forms: (UPOS, XPOS) per word.
    pub fn tag(&self, forms: &[&str]) -> Vec<(&str, &str)> {
        self.tagger
            .tag(forms)
            .into_iter()
            .map(|t| self.tag_name(t))
            .collect()
    }

    /// Whether the tagger's training text had this exact word form ("Minister",
    /// "Wednesday"): a known word is no misspelt name.
    pub fn knows(&self, form: &str) -> bool {
        self.tagger.knows(form)
    }

    /// Tag one sentence, keeping the tags for a later [`Model::annotate_tagged`]: a caller
    /// that needs a sentence's tags first and its parse only sometimes tags it once.
    pub fn tagged(&self, forms: &[&str]) -> Tagged {
        let lexemes = self.lexemes(forms);
        let keys: Vec<WordKeys> = lexemes.iter().map(|l| l.keys).collect();
        let classes: Vec<u64> = lexemes.iter().map(|l| l.class).collect();
        let tags = self.tagger.tag_classified(&keys, &classes);
        Tagged { lexemes, tags }
    }

    /// Empty this thread's cache of word forms ([`LEXEMES`]), as at start-up: a benchmark
    /// that repeats its texts clears it before each run so that every run pays for
    /// working out its words once.
    pub fn clear_word_cache() {
        LEXEMES.with_borrow_mut(|cache| cache.clear());
    }

    /// Each form's [`Lexeme`], from the [`LEXEMES`] cache for the built-in model.
    fn lexemes(&self, forms: &[&str]) -> Vec<Lexeme> {
        let work_out = |f: &str| {
            let keys = self.tagger.keys(f);
            Lexeme {
                keys,
                class: self.tagger.class_of(&keys),
                fields: self.tagger.fields(f, &keys),
            }
        };
        let builtin = matches!(MODEL.get(), Some(Ok(m)) if std::ptr::eq(m, self));
        if builtin {
            LEXEMES.with_borrow_mut(|cache| {
                if cache.len() > LEXEMES_MAX {
                    cache.clear();
                }
                forms
                    .iter()
                    .map(|&f| match cache.get(f) {
                        Some(&lexeme) => lexeme,
                        None => *cache.entry(f.into()).or_insert_with(|| work_out(f)),
                    })
                    .collect()
            })
        } else {
            forms.iter().map(|&f| work_out(f)).collect()
        }
    }

    /// The lemma of word `i` (written `form`) of a tagged sentence, without parsing it.
    pub fn lemma_of(&self, form: &str, tagged: &Tagged, i: usize) -> Option<String> {
        let &t = tagged.tags.get(i)?;
        Some(self.lemma(form, t))
    }

    /// The lemma of a word with this tag: the lemmatiser's, with a doubled final consonant
    /// undone when only the dictionary's verb has one ("expelled" → "expel", not "expell";
    /// "controlled" → "control"; but "called" → "call"), and a final "e" restored or cut
    /// when only the dictionary's verb has or lacks one ("toppled" → "topple", "rioted" →
    /// "riot").
    pub(crate) fn lemma(&self, form: &str, tag: u16) -> String {
        let upos = self.tagger.upos(tag);
        let lemma = self.lemmatizer.lemma(form, upos, self.tagger.xpos(tag));
        if upos != "VERB" {
            return lemma;
        }
        let b = lemma.as_bytes();
        let doubled = b.len() > 3
            && b[b.len() - 1] == b[b.len() - 2]
            && matches!(
                b[b.len() - 1],
                b'l' | b't' | b'p' | b'r' | b'n' | b'm' | b'g' | b'd' | b'b'
            );
        let dictionary = &self.tagger.dictionary;
        if doubled && !dictionary.is_verb(&lemma) && dictionary.is_verb(&lemma[..lemma.len() - 1]) {
            return lemma[..lemma.len() - 1].to_string();
        }
        // "toppled" → "topple", where the rule for "-led" cut too much; "rioted" → "riot",
        // where the rule for "-oted" ("voted") added an "e".
        if !lemma.is_empty() && !dictionary.is_verb(&lemma) {
            let with_e = format!("{lemma}e");
            if dictionary.is_verb(&with_e) {
                return with_e;
            }
            if let Some(without_e) = lemma.strip_suffix('e')
                && dictionary.is_verb(without_e)
            {
                return without_e.to_string();
            }
        }
        lemma
    }

    /// The Universal POS tag of word `i` of a tagged sentence.
    pub fn upos_of(&self, tagged: &Tagged, i: usize) -> Option<&str> {
        tagged.tags.get(i).map(|&t| self.tagger.upos(t))
    }

    /// Tag, lemmatise and parse one sentence of word forms.
    pub fn annotate<'m>(&'m self, forms: &[&str]) -> Tree<'m> {
        let tagged = self.tagged(forms);
        self.annotate_tagged(forms, &tagged)
    }

    /// Lemmatise and parse a sentence tagged by [`Model::tagged`] (the same forms).
    pub fn annotate_tagged<'m>(&'m self, forms: &[&str], tagged: &Tagged) -> Tree<'m> {
        let tags = tagged.tags.clone();
        let input: Vec<Input> = tagged
            .lexemes
            .iter()
            .zip(&tags)
            .map(|(l, &t)| Input {
                word: l.keys.norm,
                tag: u64::from(t),
                class: l.class,
                field: self.tagger.field_for(l.fields, t),
            })
            .collect();
        let mut arcs = self.parser.parse(&input);
        let lemmas = Lemmas::new(forms);
        self.repair_false_passives(&tags, &lemmas, &mut arcs);
        self.repair_reporting_subjects(&tags, &lemmas, &mut arcs);
        self.repair_auxiliaries_on_nouns(&tags, &mut arcs);
        self.repair_reduced_relatives(&tags, &mut arcs);
        Tree::new(self, tags, arcs.heads, arcs.labels, lemmas)
    }

    /// A closing reporting clause whose subject the parser hung elsewhere ("... computer
    /// hackers capable of cyber warfare, *South Korea's defense ministry* said", read as an
    /// apposition of "hackers"): a verb of saying with no subject takes the noun phrase
    /// right before it, after a comma, as its subject.
    fn repair_reporting_subjects(&self, tags: &[u16], lemmas: &Lemmas, arcs: &mut Arcs) {
        let n = tags.len();
        for v in 2..n {
            if self.tag_name(tags[v]).0 != "VERB"
                || ![
                    "say", "tell", "report", "announce", "add", "state", "confirm", "warn",
                ]
                .iter()
                .any(|w| lemmas.get(self, tags, v).eq_ignore_ascii_case(w))
                || (0..n).any(|d| {
                    arcs.heads[d] == v + 1 && self.label_name(arcs.labels[d]).starts_with("nsubj")
                })
            {
                continue;
            }
            // The noun right before the verb, heading a phrase that starts after a comma
            // and hangs on a word before that comma.
            let noun = v - 1;
            if !matches!(self.tag_name(tags[noun]).0, "NOUN" | "PROPN")
                || arcs.heads[noun] == v + 1
                || arcs.heads[noun] == 0
                || arcs.heads[noun] > noun
            {
                continue;
            }
            let mut start = noun;
            while start > 0 && self.governs(arcs, noun, start - 1) {
                start -= 1;
            }
            let comma = start.checked_sub(1);
            let after_comma = comma.is_some_and(|c| self.tag_name(tags[c]).1 == ",")
                || (self.tag_name(tags[start]).1 == "," && start < noun);
            if !after_comma {
                continue;
            }
            arcs.heads[noun] = v + 1;
            arcs.labels[noun] = self.parser.label_index("nsubj");
        }
    }

    /// An auxiliary the parser hung on a noun, with a participle between them that it made
    /// the noun's modifier ("Saudi Arabia *has* mobilized pressure *groups*": `has` aux of
    /// `groups`, `mobilized` amod): the participle is the verb. It takes the noun's place in
    /// the tree, the words before it that hung on the noun (subject, auxiliaries) hang on it,
    /// and the noun becomes its object.
    fn repair_auxiliaries_on_nouns(&self, tags: &[u16], arcs: &mut Arcs) {
        let n = tags.len();
        for x in 0..n {
            let label = self.label_name(arcs.labels[x]);
            if !matches!(label, "aux" | "aux:pass") || arcs.heads[x] == 0 {
                continue;
            }
            let noun = arcs.heads[x] - 1;
            if noun <= x || !matches!(self.tag_name(tags[noun]).0, "NOUN" | "PROPN") {
                continue;
            }
            // The participle: the first word after the auxiliary that hangs on the noun and
            // is tagged VBN or VBD.
            // (Not a copula: "has been a teacher" is right as it is.)
            let Some(v) = (x + 1..noun).find(|&v| {
                arcs.heads[v] == noun + 1
                    && matches!(self.tag_name(tags[v]).1, "VBN" | "VBD")
                    && self.label_name(arcs.labels[v]) == "amod"
            }) else {
                continue;
            };
            let obj = self.parser.label_index("obj");
            arcs.heads[v] = arcs.heads[noun];
            arcs.labels[v] = arcs.labels[noun];
            self.rehang(arcs, noun, v, (0..v).filter(|&d| d != v));
            arcs.heads[noun] = v + 1;
            arcs.labels[noun] = obj;
        }
    }

    /// A reduced relative clause the parser read as a clause of its own, with the noun it
    /// describes for its subject ("A newspaper *based* in Beirut has violated a ban":
    /// `newspaper` nsubj of `based`, `based` advcl of `violated`, which has no subject): a
    /// participle with no auxiliary before a finite verb with no subject of its own
    /// describes that noun, and the noun is the verb's subject.
    fn repair_reduced_relatives(&self, tags: &[u16], arcs: &mut Arcs) {
        let n = tags.len();
        for p in 1..n {
            let h = arcs.heads[p];
            // (Tagged VBN, or VBD where the tagger took the participle for a past tense:
            // "Soldiers *stationed* near the border have fired".)
            if !matches!(self.tag_name(tags[p]).1, "VBN" | "VBD")
                || self.label_name(arcs.labels[p]) != "advcl"
                || h == 0
                || h - 1 <= p
            {
                continue;
            }
            let h = h - 1;
            let heads = &arcs.heads;
            let labels = &arcs.labels;
            let has_dep = |w: usize, f: &dyn Fn(usize, &str) -> bool| {
                (0..n).any(|d| heads[d] == w + 1 && f(d, self.label_name(labels[d])))
            };
            let Some(noun) = (0..p).find(|&d| {
                heads[d] == p + 1
                    && self.label_name(labels[d]).starts_with("nsubj")
                    && matches!(self.tag_name(tags[d]).0, "NOUN" | "PROPN")
            }) else {
                continue;
            };
            let finite_head = self.tag_name(tags[h]).0 == "VERB"
                && (matches!(self.tag_name(tags[h]).1, "VBD" | "VBZ" | "VBP")
                    || has_dep(h, &|_, l| l == "aux"));
            if !finite_head
                || has_dep(p, &|_, l| l.starts_with("aux"))
                || has_dep(h, &|_, l| l.starts_with("nsubj") || l == "expl")
            {
                continue;
            }
            arcs.heads[noun] = h + 1;
            arcs.labels[noun] = self.parser.label_index("nsubj");
            arcs.heads[p] = noun + 1;
            arcs.labels[p] = self.parser.label_index("acl");
        }
    }

    /// Moves the dependents of word `from` among `words` to word `to` (0-based words); a
    /// passive subject becomes a plain one, as the new head is active.
    fn rehang(&self, arcs: &mut Arcs, from: usize, to: usize, words: impl Iterator<Item = usize>) {
        let nsubj = self.parser.label_index("nsubj");
        for d in words {
            if arcs.heads[d] == from + 1 {
                arcs.heads[d] = to + 1;
                if self.label_name(arcs.labels[d]) == "nsubj:pass" {
                    arcs.labels[d] = nsubj;
                }
            }
        }
    }

    /// Whether word `a` is an ancestor of word `w` in `arcs` (0-based words).
    fn governs(&self, arcs: &Arcs, a: usize, w: usize) -> bool {
        let mut at = w;
        for _ in 0..arcs.heads.len() {
            match arcs.heads[at] {
                0 => return false,
                h if h - 1 == a => return true,
                h => at = h - 1,
            }
        }
        false
    }

    /// A finite verb right before a participle that the parser made the participle's
    /// passive auxiliary ("Zambia *extradited* suspected militant Haroon Aswad", "The
    /// Palestinians *reject* proposed Israeli changes"): only "be" and "get" make a
    /// passive, so the verb heads the clause and the participle describes the noun after
    /// it, which is the verb's object.
    fn repair_false_passives(&self, tags: &[u16], lemmas: &Lemmas, arcs: &mut Arcs) {
        let n = tags.len();
        for x in 0..n.saturating_sub(1) {
            let v = x + 1;
            if arcs.heads[x] != v + 1
                || self.label_name(arcs.labels[x]) != "aux:pass"
                || ["be", "get", "become"]
                    .iter()
                    .any(|w| lemmas.get(self, tags, x).eq_ignore_ascii_case(w))
                || !matches!(self.tag_name(tags[x]).1, "VBD" | "VBP" | "VBZ")
                || self.tag_name(tags[v]).1 != "VBN"
            {
                continue;
            }
            // The noun the participle describes: its first object or bare oblique after it.
            let Some(noun) = (v + 1..n).find(|&d| {
                arcs.heads[d] == v + 1
                    && matches!(self.label_name(arcs.labels[d]), "obj" | "obl")
                    && matches!(self.tag_name(tags[d]).0, "NOUN" | "PROPN")
            }) else {
                continue;
            };
            let (obj, amod) = (
                self.parser.label_index("obj"),
                self.parser.label_index("amod"),
            );
            arcs.heads[x] = arcs.heads[v];
            arcs.labels[x] = arcs.labels[v];
            self.rehang(arcs, v, x, (0..n).filter(|&d| d != noun && d != x));
            arcs.heads[noun] = x + 1;
            arcs.labels[noun] = obj;
            arcs.heads[v] = noun + 1;
            arcs.labels[v] = amod;
        }
    }

    /// Fill UPOS, XPOS, LEMMA, HEAD and DEPREL of a CoNLL-U sentence (FEATS and DEPS are
    /// cleared; ID, FORM, MISC and comments are kept).
    pub fn annotate_conllu(&self, sentence: &mut ConlluSentence) {
        let forms: Vec<&str> = sentence.words.iter().map(|w| w.form.as_str()).collect();
        let tree = self.annotate(&forms);
        let filled: Vec<(String, String, String, usize, String)> = (0..tree.len())
            .map(|i| {
                (
                    tree.upos(i).to_string(),
                    tree.xpos(i).to_string(),
                    tree.lemma(i).to_string(),
                    tree.head(i).map_or(0, |h| h + 1),
                    tree.deprel(i).to_string(),
                )
            })
            .collect();
        for (w, (upos, xpos, lemma, head, deprel)) in sentence.words.iter_mut().zip(filled) {
            w.upos = upos;
            w.xpos = xpos;
            w.lemma = lemma;
            w.head = head;
            w.deprel = deprel;
            w.feats = "_".into();
            w.deps = "_".into();
        }
    }

    pub(crate) fn tag_name(&self, tag: u16) -> (&str, &str) {
        (self.tagger.upos(tag), self.tagger.xpos(tag))
    }

    pub(crate) fn label_name(&self, label: u16) -> &str {
        self.parser
            .labels
            .get(usize::from(label))
            .map_or("dep", String::as_str)
    }

    /// Sizes, for the model card: (tagger features, parser features, weights in all).
    pub fn sizes(&self) -> (usize, usize, usize) {
        (
            self.tagger.weights.features(),
            self.parser.moves.used() + self.parser.labeler.features(),
            self.tagger.weights.len() + self.parser.labeler.len(),
        )
    }

    /// The model file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer(Vec::new());
        w.0.extend_from_slice(MAGIC);
        w.u32(VERSION);
        w.strings(&self.tagger.tags);
        w.weights(&self.tagger.weights);
        w.id_map(&self.tagger.sure, |w, v| w.u32(u32::from(*v)));
        w.id_map(&self.tagger.ambiguity, |w, v| w.u64(*v));
        w.id_map(&self.tagger.dictionary.lemmas, |w, v| w.u16(*v));
        w.id_map(&self.tagger.dictionary.irregular, |w, v| w.u16(*v));
        w.id_map(&self.tagger.dictionary.senses, |w, v| w.u16(*v));
        w.strings(&self.parser.labels);
        w.dense(&self.parser.moves);
        w.weights(&self.parser.labeler);
        let mut rules: Vec<((&String, &String), &Rule)> = self
            .lemmatizer
            .rules
            .iter()
            .flat_map(|(x, m)| m.iter().map(move |(end, r)| ((x, end), r)))
            .collect();
        rules.sort();
        w.u32(rules.len() as u32);
        for ((x, end), r) in rules {
            w.str(x);
            w.str(end);
            w.str(&r.remove);
            w.str(&r.append);
        }
        let mut exc: Vec<((&String, &String), &String)> = self
            .lemmatizer
            .exceptions
            .iter()
            .flat_map(|(x, m)| m.iter().map(move |(form, l)| ((x, form), l)))
            .collect();
        exc.sort();
        w.u32(exc.len() as u32);
        for ((x, form), lemma) in exc {
            w.str(x);
            w.str(form);
            w.str(lemma);
        }
        w.0
    }

    /// Read a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(8)? != MAGIC {
            return Err(ModelError::Magic);
        }
        let version = r.u32()?;
        if version != VERSION {
            return Err(ModelError::Version(version));
        }
        let tags = r.strings()?;
        let tag_weights = r.weights()?;
        let sure = r.id_map(|r| Ok(r.u32()? as u16))?;
        let ambiguity = r.id_map(|r| r.u64())?;
        let dictionary = WordClasses {
            lemmas: r.id_map(|r| r.u16())?,
            irregular: r.id_map(|r| r.u16())?,
            senses: r.id_map(|r| r.u16())?,
        };
        let labels = r.strings()?;
        let moves = r.dense()?;
        let labeler = r.weights()?;
        let mut rules: StrMap<StrMap<Rule>> = StrMap::default();
        for _ in 0..r.u32()? {
            let x = r.str()?;
            let end = r.str()?;
            let remove = r.str()?;
            let append = r.str()?;
            rules
                .entry(x)
                .or_default()
                .insert(end, Rule { remove, append });
        }
        let mut exceptions: StrMap<StrMap<String>> = StrMap::default();
        for _ in 0..r.u32()? {
            let x = r.str()?;
            let form = r.str()?;
            exceptions.entry(x).or_default().insert(form, r.str()?);
        }
        if r.at != bytes.len() {
            return Err(ModelError::Truncated(r.at));
        }
        Ok(Model {
            tagger: Tagger {
                kinds: crate::tagger::tag_kinds(&tags),
                tags,
                weights: tag_weights,
                sure,
                ambiguity,
                dictionary,
            },
            parser: Parser {
                labels,
                moves,
                labeler,
            },
            lemmatizer: Lemmatizer { rules, exceptions },
        })
    }
}

struct Writer(Vec<u8>);

impl Writer {
    fn u16(&mut self, v: u16) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn strings(&mut self, v: &[String]) {
        self.u32(v.len() as u32);
        for s in v {
            self.str(s);
        }
    }
    fn id_map<V>(&mut self, m: &IdMap<V>, mut value: impl FnMut(&mut Self, &V)) {
        let mut keys: Vec<&u64> = m.keys().collect();
        keys.sort();
        self.u32(keys.len() as u32);
        for k in keys {
            self.u64(*k);
            value(self, &m[k]);
        }
    }
    /// Weights: classes, scale, then rows of (key, count, (class u16, weight i16)*) in key
    /// order.
    fn weights(&mut self, w: &Weights) {
        let (keys, entries) = w.parts();
        self.u32(w.classes() as u32);
        self.0.extend_from_slice(&w.scale().to_le_bytes());
        self.u32(keys.len() as u32);
        let mut rest = entries.as_slice();
        for (k, len) in keys {
            self.u64(k);
            self.0.extend_from_slice(&(len as u16).to_le_bytes());
            let (row, tail) = rest.split_at(len as usize);
            rest = tail;
            for &(c, v) in row {
                self.0.extend_from_slice(&c.to_le_bytes());
                self.0.extend_from_slice(&v.to_le_bytes());
            }
        }
    }
}

impl Writer {
    /// Dense weights: classes, bits, scale, then the non-zero buckets as (index, weights).
    fn dense(&mut self, d: &Dense) {
        let c = d.classes().max(1);
        self.u32(d.classes() as u32);
        self.u32(d.bits());
        self.0.extend_from_slice(&d.scale().to_le_bytes());
        let used: Vec<(usize, &[i16])> = d
            .raw()
            .chunks(c)
            .enumerate()
            .filter(|(_, r)| r.iter().any(|&w| w != 0))
            .collect();
        self.u32(used.len() as u32);
        for (i, row) in used {
            self.u32(i as u32);
            for &w in row {
                self.0.extend_from_slice(&w.to_le_bytes());
            }
        }
    }
}

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Result<&'b [u8], ModelError> {
        let end = self
            .at
            .checked_add(n)
            .ok_or(ModelError::Truncated(self.at))?;
        let out = self
            .bytes
            .get(self.at..end)
            .ok_or(ModelError::Truncated(self.at))?;
        self.at = end;
        Ok(out)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let at = self.at;
        self.take(N)?
            .try_into()
            .map_err(|_| ModelError::Truncated(at))
    }
    fn u16(&mut self) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(self.array()?))
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    fn str(&mut self) -> Result<String, ModelError> {
        let at = self.at;
        let n = self.u32()? as usize;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| ModelError::Truncated(at))
    }
    fn strings(&mut self) -> Result<Vec<String>, ModelError> {
        let n = self.u32()?;
        (0..n).map(|_| self.str()).collect()
    }
    fn id_map<V>(
        &mut self,
        mut value: impl FnMut(&mut Self) -> Result<V, ModelError>,
    ) -> Result<IdMap<V>, ModelError> {
        let n = self.u32()?;
        let mut m = IdMap::default();
        for _ in 0..n {
            let k = self.u64()?;
            m.insert(k, value(self)?);
        }
        Ok(m)
    }
    fn dense(&mut self) -> Result<Dense, ModelError> {
        let at = self.at;
        let classes = self.u32()? as usize;
        let bits = self.u32()?;
        let scale = f32::from_le_bytes(self.array()?);
        if classes > 8 || !(1..=30).contains(&bits) {
            return Err(ModelError::Truncated(at));
        }
        let mut weights = Table::filled((1usize << bits) * classes);
        for _ in 0..self.u32()? {
            let i = self.u32()? as usize;
            let row = self.take(classes * 2)?;
            let dest = weights
                .as_mut_slice()
                .get_mut(i * classes..(i + 1) * classes)
                .ok_or(ModelError::Truncated(at))?;
            for (d, b) in dest.iter_mut().zip(row.chunks_exact(2)) {
                *d = i16::from_le_bytes([b[0], b[1]]);
            }
        }
        Dense::from_raw(classes, bits, scale, weights).ok_or(ModelError::Truncated(at))
    }

    fn weights(&mut self) -> Result<Weights, ModelError> {
        let classes = self.u32()? as usize;
        let scale = f32::from_le_bytes(self.array()?);
        let n = self.u32()? as usize;
        // Each row takes at least 10 bytes: a count beyond that is a corrupt file.
        if n > (self.bytes.len() - self.at) / 10 {
            return Err(ModelError::Truncated(self.at));
        }
        let mut keys = Vec::with_capacity(n);
        let mut entries = Vec::new();
        for _ in 0..n {
            let at = self.at;
            let k = self.u64()?;
            let len = self.u16()?;
            let row = self.take(usize::from(len) * 4)?;
            for e in row.chunks_exact(4) {
                let c = u16::from_le_bytes([e[0], e[1]]);
                if usize::from(c) >= classes {
                    return Err(ModelError::Truncated(at));
                }
                entries.push((c, i16::from_le_bytes([e[2], e[3]])));
            }
            keys.push((k, u32::from(len)));
        }
        Ok(Weights::from_parts(classes, scale, keys, entries))
    }
}
