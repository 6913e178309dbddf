//! A tagged and parsed sentence, and the walks over it that event coding needs.
//!
//! Words are indexed from 0 in sentence order. Relations are Universal Dependencies labels
//! with their subtypes (`nsubj:pass`, `obl:agent`, `acl:relcl`); the helpers compare on
//! the universal part where a subtype does not matter.

use std::cell::OnceCell;

use crate::model::Model;

/// A sentence's lemmas, each made from its word form and tag the first time it is asked
/// for: event coding reads the lemmas of a few words per sentence, and lemmatising every
/// word of every parsed sentence was a twentieth of the whole pipeline's time.
#[derive(Clone, Debug)]
pub(crate) struct Lemmas {
    /// The word forms end to end, and where each ends.
    forms: String,
    ends: Vec<usize>,
    lemmas: Vec<OnceCell<String>>,
}

impl Lemmas {
    pub(crate) fn new(forms: &[&str]) -> Lemmas {
        let mut joined = String::with_capacity(forms.iter().map(|f| f.len()).sum());
        let ends = forms
            .iter()
            .map(|f| {
                joined.push_str(f);
                joined.len()
            })
            .collect();
        Lemmas {
            forms: joined,
            ends,
            lemmas: vec![OnceCell::new(); forms.len()],
        }
    }

    /// The lemma of word `i`, tagged `tags[i]`; "" past the end.
    pub(crate) fn get(&self, model: &Model, tags: &[u16], i: usize) -> &str {
        let (Some(cell), Some(&tag), Some(&end)) =
            (self.lemmas.get(i), tags.get(i), self.ends.get(i))
        else {
            return "";
        };
        cell.get_or_init(|| {
            let start = i.checked_sub(1).map_or(0, |j| self.ends[j]);
            model.lemma(&self.forms[start..end], tag)
        })
    }
}

/// The analysis of one sentence.
#[derive(Clone, Debug)]
pub struct Tree<'m> {
    model: &'m Model,
    tags: Vec<u16>,
    /// Head of each word: `None` for the root word.
    heads: Vec<Option<usize>>,
    labels: Vec<u16>,
    lemmas: Lemmas,
}

impl<'m> Tree<'m> {
    pub(crate) fn new(
        model: &'m Model,
        tags: Vec<u16>,
        heads: Vec<usize>,
        labels: Vec<u16>,
        lemmas: Lemmas,
    ) -> Tree<'m> {
        Tree {
            model,
            tags,
            heads: heads.into_iter().map(|h| h.checked_sub(1)).collect(),
            labels,
            lemmas,
        }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.tags.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }

    /// Universal POS tag.
    pub fn upos(&self, i: usize) -> &'m str {
        self.model.tag_name(self.tags[i]).0
    }

    /// Penn Treebank tag.
    pub fn xpos(&self, i: usize) -> &'m str {
        self.model.tag_name(self.tags[i]).1
    }

    pub fn lemma(&self, i: usize) -> &str {
        self.lemmas.get(self.model, &self.tags, i)
    }

    /// The head word, or `None` for the sentence's root.
    pub fn head(&self, i: usize) -> Option<usize> {
        self.heads[i]
    }

    /// The full relation to the head (`nsubj:pass`).
    pub fn deprel(&self, i: usize) -> &'m str {
        self.model.label_name(self.labels[i])
    }

    /// The universal part of the relation (`nsubj` for `nsubj:pass`).
    pub fn relation(&self, i: usize) -> &'m str {
        let r = self.deprel(i);
        r.split(':').next().unwrap_or(r)
    }

    /// The root word.
    pub fn root(&self) -> Option<usize> {
        (0..self.len()).find(|&i| self.heads[i].is_none())
    }

    /// Dependents of `i`, in sentence order.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.len()).filter(move |&d| self.heads[d] == Some(i))
    }

    /// Dependents of `i` whose full relation is `rel` or has `rel` as its universal part.
    pub fn children_by<'a>(&'a self, i: usize, rel: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.children(i)
            .filter(move |&d| self.deprel(d) == rel || self.relation(d) == rel)
    }

    fn first_child(&self, i: usize, rel: &str) -> Option<usize> {
        self.children_by(i, rel).next()
    }

    /// Whether clause `i` is introduced by the marker `word` ("*to* disperse", "*that* it
    /// must"), compared without case.
    pub fn has_mark(&self, i: usize, word: &str) -> bool {
        self.children(i)
            .any(|m| self.relation(m) == "mark" && self.lemma(m).eq_ignore_ascii_case(word))
    }

    /// The subject of a predicate (active or passive, nominal or clausal).
    pub fn subject(&self, i: usize) -> Option<usize> {
        self.first_child(i, "nsubj")
            .or_else(|| self.first_child(i, "csubj"))
    }

    /// Whether the predicate is passive (has a passive subject or auxiliary).
    pub fn is_passive(&self, i: usize) -> bool {
        self.children(i)
            .any(|d| matches!(self.deprel(d), "nsubj:pass" | "aux:pass" | "csubj:pass"))
    }

    /// Direct and indirect objects.
    pub fn objects(&self, i: usize) -> Vec<usize> {
        self.children(i)
            .filter(|&d| matches!(self.relation(d), "obj" | "iobj"))
            .collect()
    }

    /// Oblique arguments with their preposition: `(word, "with")` for "talks with China".
    pub fn obliques(&self, i: usize) -> Vec<(usize, Option<&str>)> {
        self.children(i)
            .filter(|&d| matches!(self.relation(d), "obl" | "nmod"))
            .map(|d| {
                let case = self.first_child(d, "case").map(|c| self.lemma(c));
                (d, case)
            })
            .collect()
    }

    /// The agent of a passive ("condemned by the UN" → "UN"): an oblique of a passive
    /// verb marked "by" (the parser's `obl:agent` label alone is not trusted: it gives it
    /// to "according to the UN" too).
    pub fn passive_agent(&self, i: usize) -> Option<usize> {
        self.children(i).find(|&d| {
            (self.deprel(d) == "obl:agent" || (self.relation(d) == "obl" && self.is_passive(i)))
                && self
                    .first_child(d, "case")
                    .is_some_and(|c| self.lemma(c) == "by")
        })
    }

    /// Words coordinated with `i` ("Canada" and "Britain" in "the US, Canada and Britain").
    pub fn conjuncts(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut todo = vec![i];
        while let Some(w) = todo.pop() {
            for d in self.children_by(w, "conj") {
                out.push(d);
                todo.push(d);
            }
        }
        out.sort_unstable();
        out
    }

    /// Whether the predicate is negated ("did not attend", "never").
    pub fn is_negated(&self, i: usize) -> bool {
        self.children(i).any(|d| {
            self.deprel(d) == "advmod"
                && matches!(
                    self.lemma(d).to_lowercase().as_str(),
                    "not" | "never" | "n't"
                )
        })
    }

    /// Auxiliaries and modals of a predicate, as lemmas ("will", "could", "have").
    pub fn auxiliaries(&self, i: usize) -> Vec<&str> {
        self.children(i)
            .filter(|&d| self.relation(d) == "aux")
            .map(|d| self.lemma(d))
            .collect()
    }

    /// The clausal complement of a speech verb: what was said ("said that X would…").
    pub fn complement(&self, i: usize) -> Option<usize> {
        self.first_child(i, "ccomp")
            .or_else(|| self.first_child(i, "xcomp"))
            .or_else(|| self.first_child(i, "parataxis"))
    }

    /// The words of the subtree under `i`, as a range of word indices (projective trees
    /// give contiguous phrases; the range spans the outermost descendants).
    pub fn subtree(&self, i: usize) -> std::ops::Range<usize> {
        let (mut lo, mut hi) = (i, i);
        let mut todo = vec![i];
        while let Some(w) = todo.pop() {
            for d in self.children(w) {
                lo = lo.min(d);
                hi = hi.max(d);
                todo.push(d);
            }
        }
        lo..hi + 1
    }
}
