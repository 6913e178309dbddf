//! Dependency parsing: a greedy arc-eager transition parser scored by an averaged
//! perceptron and trained with a dynamic oracle.
//!
//! The parser reads a sentence left to right with a stack and a buffer. At each step it
//! shifts the next word, reduces the stack, or adds a labelled arc between the stack's top
//! and the buffer's front (arc-eager, Nivre 2003). Features follow Zhang and Nivre (2011):
//! words, tags, labels, distances and valencies around the stack and buffer, including the
//! heads and outermost children already found. Training uses the dynamic oracle of Goldberg
//! and Nivre (2012): after each step the oracle says which transitions lose no more gold
//! arcs from the current (possibly wrong) state, so the model learns to recover from its
//! own mistakes.
//!
//! The artificial root sits at the end of the buffer (Ballesteros and Nivre 2013), so the
//! parser decides what the sentence's root is last, when it has seen the whole sentence.
//! A tree always has one root: the artificial root takes one dependent, and words left
//! without a head at the end are attached to that dependent.

use std::collections::HashMap;

use crate::perceptron::{Dense, Trainer, Weights, best, feature};

/// Buckets of the transition weights: 2^20 buckets of four 16-bit weights, 8 MB.
pub(crate) const MOVE_BITS: u32 = 20;

const NONE: usize = usize::MAX;
const SHIFT: usize = 0;
const REDUCE: usize = 1;
const LEFT: usize = 2;
const RIGHT: usize = 3;

/// Value used for a missing word in a feature.
const W_NONE: u64 = 0x6e6f6e65;
/// Word value of the artificial root.
const W_ROOT: u64 = 0x726f6f74;
const P_NONE: u64 = 0xfffe;
const P_ROOT: u64 = 0xfffd;
const L_NONE: u64 = 0xfffc;

/// The parser's label set and weights.
#[derive(Clone, Debug, PartialEq)]
pub struct Parser {
    pub(crate) labels: Vec<String>,
    /// Scores the four transitions (shift, reduce, left arc, right arc).
    pub(crate) moves: Dense,
    /// Scores the label of each arc when it is made.
    pub(crate) labeler: Weights,
}

/// The parse of one sentence: for each word (0-based), its head (0 = root, else 1-based
/// word index, as in CoNLL-U) and its label index.
#[derive(Clone, Debug, PartialEq)]
pub struct Arcs {
    pub heads: Vec<usize>,
    pub labels: Vec<u16>,
}

/// What the parser reads of each word: its form hash and its tag.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Input {
    pub word: u64,
    pub tag: u64,
    /// The word's ambiguity class (the tags it had in the tagger's training data), which
    /// lets the parser weigh a doubtful tag ("fired": past tense or participle).
    pub class: u64,
    /// The semantic field of a noun or verb from the dictionary (`noun.time`,
    /// `verb.motion`), 0 if none: what a phrase is about helps attach it.
    pub field: u64,
}

struct State<'a> {
    input: &'a [Input],
    n: usize,
    stack: Vec<usize>,
    in_stack: Vec<bool>,
    /// Next buffer word (1-based); `n + 1` is the artificial root, last in the buffer.
    b: usize,
    head: Vec<usize>,
    label: Vec<u16>,
    /// Leftmost and second-leftmost children.
    left: Vec<[usize; 2]>,
    /// Rightmost and second-rightmost children.
    right: Vec<[usize; 2]>,
    n_left: Vec<u8>,
    n_right: Vec<u8>,
    left_labels: Vec<u64>,
    right_labels: Vec<u64>,
    root_child: usize,
}

impl<'a> State<'a> {
    fn new(input: &'a [Input]) -> State<'a> {
        let n = input.len();
        let size = n + 2;
        State {
            input,
            n,
            stack: Vec::with_capacity(n),
            in_stack: vec![false; size],
            b: 1,
            head: vec![NONE; size],
            label: vec![0; size],
            left: vec![[NONE; 2]; size],
            right: vec![[NONE; 2]; size],
            n_left: vec![0; size],
            n_right: vec![0; size],
            left_labels: vec![0; size],
            right_labels: vec![0; size],
            root_child: NONE,
        }
    }

    /// The artificial root's index.
    fn root(&self) -> usize {
        self.n + 1
    }

    fn done(&self) -> bool {
        self.b >= self.root() && self.stack.is_empty()
    }

    fn s0(&self) -> usize {
        self.stack.last().copied().unwrap_or(NONE)
    }

    fn add_arc(&mut self, h: usize, d: usize, l: u16) {
        self.head[d] = h;
        self.label[d] = l;
        let bit = 1u64 << (l % 64);
        if d < h {
            self.left[h] = [d, self.left[h][0]];
            self.n_left[h] = self.n_left[h].saturating_add(1);
            self.left_labels[h] |= bit;
        } else {
            self.right[h] = [d, self.right[h][0]];
            self.n_right[h] = self.n_right[h].saturating_add(1);
            self.right_labels[h] |= bit;
        }
        if h == self.root() {
            self.root_child = d;
        }
    }

    fn apply(&mut self, kind: usize, label: u16) {
        match kind {
            SHIFT => {
                self.stack.push(self.b);
                self.in_stack[self.b] = true;
                self.b += 1;
            }
            REDUCE => {
                if let Some(s) = self.stack.pop() {
                    self.in_stack[s] = false;
                }
            }
            LEFT => {
                if let Some(s) = self.stack.pop() {
                    self.in_stack[s] = false;
                    self.add_arc(self.b, s, label);
                }
            }
            RIGHT => {
                let s = self.s0();
                self.add_arc(s, self.b, label);
                self.stack.push(self.b);
                self.in_stack[self.b] = true;
                self.b += 1;
            }
            _ => {}
        }
    }

    /// The (head, dependent) pair an arc transition would join.
    fn arc(&self, kind: usize) -> (usize, usize) {
        if kind == LEFT {
            (self.b, self.s0())
        } else {
            (self.s0(), self.b)
        }
    }

    /// Features for choosing the label of an arc from `h` to `d`.
    fn label_features(&self, h: usize, d: usize, out: &mut Vec<u64>) {
        out.clear();
        let (hw, hp, dw, dp) = (self.word(h), self.tag(h), self.word(d), self.tag(d));
        let dir = u64::from(d < h);
        let dist = match h.abs_diff(d) {
            0..=1 => 1,
            2 => 2,
            3..=4 => 3,
            5..=8 => 4,
            _ => 5,
        };
        let near = |i: usize, delta: isize| -> u64 {
            let j = i as isize + delta;
            if j < 1 || j as usize > self.n {
                P_NONE
            } else {
                self.tag(j as usize)
            }
        };
        let child = |v: &Vec<[usize; 2]>, i: usize| if i == NONE { NONE } else { v[i][0] };
        let (dl, dr) = (child(&self.left, d), child(&self.right, d));
        let hh = if h > self.n { NONE } else { self.head[h] };
        let labels_of_h = self.left_labels[h] | self.right_labels[h];
        out.extend([
            feature(300, &[]),
            feature(301, &[hw]),
            feature(302, &[hp]),
            feature(303, &[dw]),
            feature(304, &[dp]),
            feature(305, &[hp, dp, dir]),
            feature(306, &[hw, dp, dir]),
            feature(307, &[hp, dw, dir]),
            feature(308, &[hw, dw]),
            feature(309, &[hp, dp, dist, dir]),
            feature(310, &[dw, dir]),
            feature(311, &[dp, dir]),
            feature(312, &[hp, dir]),
            feature(313, &[dp, near(d, -1), dir]),
            feature(314, &[dp, near(d, 1), dir]),
            feature(315, &[hp, near(h, -1), dp]),
            feature(316, &[hp, near(h, 1), dp]),
            feature(317, &[dp, self.tag(dl), self.lab(dl)]),
            feature(318, &[dp, self.word(dl)]),
            feature(319, &[dp, self.tag(dr), self.lab(dr)]),
            feature(320, &[hp, self.lab(h), self.tag(hh)]),
            feature(321, &[hp, dp, labels_of_h]),
            feature(322, &[dp, self.left_labels[d], self.right_labels[d]]),
            feature(323, &[hp, dp, self.word(dl)]),
            feature(324, &[dw, self.word(dl)]),
            feature(325, &[hw, dp, self.word(dl)]),
            feature(
                326,
                &[dp, u64::from(self.n_left[d]), u64::from(self.n_right[d])],
            ),
            feature(327, &[hp, dp, u64::from(hh == NONE)]),
            // What follows the dependent: "gave him money" (iobj) or "gave him" (obj).
            feature(328, &[dp, near(d, 1), near(d, 2)]),
            feature(329, &[hp, dp, near(d, 1)]),
            feature(330, &[dw, near(d, 1)]),
            feature(331, &[hw, dp, near(d, 1)]),
            // Semantic fields: "met on Monday" (a time) or "talks on trade".
            feature(332, &[dp, self.field(d)]),
            feature(333, &[hp, self.field(h), dp, self.field(d)]),
            feature(334, &[self.field(h), self.word(dl), self.field(d)]),
        ]);
    }

    /// Whether transition kind `kind` (0 shift, 1 reduce, 2 left, 3 right) is allowed.
    fn allowed(&self, kind: usize) -> bool {
        let s0 = self.s0();
        let word_next = self.b < self.root();
        match kind {
            SHIFT => word_next,
            REDUCE => s0 != NONE && self.head[s0] != NONE,
            LEFT => s0 != NONE && self.head[s0] == NONE && (word_next || self.root_child == NONE),
            _ => word_next && s0 != NONE,
        }
    }

    fn word(&self, i: usize) -> u64 {
        match i {
            NONE | 0 => W_NONE,
            i if i > self.n => W_ROOT,
            i => self.input[i - 1].word,
        }
    }

    fn tag(&self, i: usize) -> u64 {
        match i {
            NONE | 0 => P_NONE,
            i if i > self.n => P_ROOT,
            i => self.input[i - 1].tag,
        }
    }

    fn class(&self, i: usize) -> u64 {
        match i {
            NONE | 0 => P_NONE,
            i if i > self.n => P_ROOT,
            i => self.input[i - 1].class,
        }
    }

    fn field(&self, i: usize) -> u64 {
        match i {
            NONE | 0 => P_NONE,
            i if i > self.n => P_ROOT,
            i => self.input[i - 1].field,
        }
    }

    fn lab(&self, i: usize) -> u64 {
        if i == NONE || i == 0 || i > self.n || self.head[i] == NONE {
            L_NONE
        } else {
            u64::from(self.label[i])
        }
    }

    fn features(&self, out: &mut Vec<u64>) {
        out.clear();
        let s0 = self.s0();
        let s1 = if self.stack.len() >= 2 {
            self.stack[self.stack.len() - 2]
        } else {
            NONE
        };
        let at = |k: usize| if k <= self.root() { k } else { NONE };
        let n0 = at(self.b);
        let n1 = at(self.b + 1);
        let n2 = at(self.b + 2);
        let get = |v: &Vec<[usize; 2]>, i: usize, k: usize| if i == NONE { NONE } else { v[i][k] };
        let head_of = |i: usize| {
            if i == NONE || i > self.n {
                NONE
            } else {
                self.head[i]
            }
        };
        let s0h = head_of(s0);
        let s0h2 = head_of(s0h);
        let (s0l, s0l2) = (get(&self.left, s0, 0), get(&self.left, s0, 1));
        let (s0r, s0r2) = (get(&self.right, s0, 0), get(&self.right, s0, 1));
        let (n0l, n0l2) = (get(&self.left, n0, 0), get(&self.left, n0, 1));

        let (s0w, s0p) = (self.word(s0), self.tag(s0));
        let (n0w, n0p) = (self.word(n0), self.tag(n0));
        let (n1w, n1p) = (self.word(n1), self.tag(n1));
        let (n2w, n2p) = (self.word(n2), self.tag(n2));
        let (s1w, s1p) = (self.word(s1), self.tag(s1));
        let dist = if s0 == NONE || n0 == NONE || n0 > self.n {
            0
        } else {
            match n0 - s0 {
                1 => 1,
                2 => 2,
                3 => 3,
                4 => 4,
                5..=6 => 5,
                7..=9 => 6,
                _ => 7,
            }
        };
        let valency = |v: &Vec<u8>, i: usize| if i == NONE { 99 } else { u64::from(v[i]) };
        let (s0vl, s0vr, n0vl) = (
            valency(&self.n_left, s0),
            valency(&self.n_right, s0),
            valency(&self.n_left, n0),
        );
        let set = |v: &Vec<u64>, i: usize| if i == NONE { 1 << 63 } else { v[i] };
        let (s0sl, s0sr, n0sl) = (
            set(&self.left_labels, s0),
            set(&self.right_labels, s0),
            set(&self.left_labels, n0),
        );
        let s0_headed = u64::from(s0 != NONE && self.head[s0] != NONE);
        let rooted = u64::from(self.root_child != NONE);

        out.extend([
            // Single words.
            feature(100, &[s0w, s0p]),
            feature(101, &[s0w]),
            feature(102, &[s0p]),
            feature(103, &[n0w, n0p]),
            feature(104, &[n0w]),
            feature(105, &[n0p]),
            feature(106, &[n1w, n1p]),
            feature(107, &[n1w]),
            feature(108, &[n1p]),
            feature(109, &[n2w, n2p]),
            feature(110, &[n2w]),
            feature(111, &[n2p]),
            // Pairs.
            feature(120, &[s0w, s0p, n0w, n0p]),
            feature(121, &[s0w, s0p, n0w]),
            feature(122, &[s0w, n0w, n0p]),
            feature(123, &[s0w, s0p, n0p]),
            feature(124, &[s0p, n0w, n0p]),
            feature(125, &[s0w, n0w]),
            feature(126, &[s0p, n0p]),
            feature(127, &[n0p, n1p]),
            // Tag triples.
            feature(130, &[n0p, n1p, n2p]),
            feature(131, &[s0p, n0p, n1p]),
            feature(132, &[self.tag(s0h), s0p, n0p]),
            feature(133, &[s0p, self.tag(s0l), n0p]),
            feature(134, &[s0p, self.tag(s0r), n0p]),
            feature(135, &[s0p, n0p, self.tag(n0l)]),
            // Distance.
            feature(140, &[s0w, dist]),
            feature(141, &[s0p, dist]),
            feature(142, &[n0w, dist]),
            feature(143, &[n0p, dist]),
            feature(144, &[s0w, n0w, dist]),
            feature(145, &[s0p, n0p, dist]),
            // Valency.
            feature(150, &[s0w, s0vr]),
            feature(151, &[s0p, s0vr]),
            feature(152, &[s0w, s0vl]),
            feature(153, &[s0p, s0vl]),
            feature(154, &[n0w, n0vl]),
            feature(155, &[n0p, n0vl]),
            // Heads and children.
            feature(160, &[self.word(s0h)]),
            feature(161, &[self.tag(s0h)]),
            feature(162, &[self.lab(s0)]),
            feature(163, &[self.word(s0l)]),
            feature(164, &[self.tag(s0l)]),
            feature(165, &[self.lab(s0l)]),
            feature(166, &[self.word(s0r)]),
            feature(167, &[self.tag(s0r)]),
            feature(168, &[self.lab(s0r)]),
            feature(169, &[self.word(n0l)]),
            feature(170, &[self.tag(n0l)]),
            feature(171, &[self.lab(n0l)]),
            // Second order.
            feature(180, &[self.word(s0h2)]),
            feature(181, &[self.tag(s0h2)]),
            feature(182, &[self.lab(s0h)]),
            feature(183, &[self.word(s0l2)]),
            feature(184, &[self.tag(s0l2)]),
            feature(185, &[self.lab(s0l2)]),
            feature(186, &[self.word(s0r2)]),
            feature(187, &[self.tag(s0r2)]),
            feature(188, &[self.lab(s0r2)]),
            feature(189, &[self.word(n0l2)]),
            feature(190, &[self.tag(n0l2)]),
            feature(191, &[self.lab(n0l2)]),
            feature(192, &[s0p, self.tag(s0l), self.tag(s0l2)]),
            feature(193, &[s0p, self.tag(s0r), self.tag(s0r2)]),
            feature(194, &[s0p, self.tag(s0h), self.tag(s0h2)]),
            feature(195, &[n0p, self.tag(n0l), self.tag(n0l2)]),
            // Label sets.
            feature(200, &[s0w, s0sr]),
            feature(201, &[s0p, s0sr]),
            feature(202, &[s0w, s0sl]),
            feature(203, &[s0p, s0sl]),
            feature(204, &[n0w, n0sl]),
            feature(205, &[n0p, n0sl]),
            // The stack's second word, and the state of the stack top and the root.
            feature(210, &[s1w, s1p]),
            feature(211, &[s1p, s0p, n0p]),
            feature(212, &[s0_headed, s0p, n0p]),
            feature(213, &[rooted, s0p, n0p]),
            feature(214, &[s0_headed, self.lab(s0), n0p]),
            // Ambiguity classes, for doubtful tags.
            feature(215, &[self.class(n0)]),
            feature(216, &[self.class(s0), self.class(n0)]),
            feature(217, &[s0p, self.class(n0), n1p]),
            feature(218, &[self.class(s0), n0p]),
            // Semantic fields, for attachment ("met in Beijing", "talks on trade").
            feature(219, &[self.field(n0), n0p]),
            feature(220, &[self.field(s0), self.field(n0)]),
            feature(221, &[self.field(s0), self.word(n0l), self.field(n0)]),
            feature(222, &[s0p, self.word(n0l), self.field(n0)]),
            feature(223, &[self.field(s1), self.word(n0l), self.field(n0)]),
        ]);
    }

    /// The cost of each transition kind under the dynamic oracle: how many gold arcs it
    /// makes unreachable. `gold` is the gold head of each word (1-based, 0 for the root;
    /// index 0 unused). Disallowed kinds cost `usize::MAX`.
    fn costs(&self, gold: &[usize]) -> [usize; 4] {
        let root = self.root();
        let g = |i: usize| if gold[i] == 0 { root } else { gold[i] };
        let s0 = self.s0();
        let b = self.b;
        let words_left = b..=self.n;
        let headless_deps_of = |h: usize| {
            self.stack
                .iter()
                .filter(|&&d| self.head[d] == NONE && g(d) == h)
                .count()
        };
        let mut cost = [usize::MAX; 4];
        if self.allowed(SHIFT) {
            // b0 can no longer take a head from, or give one to, the stack.
            cost[SHIFT] = usize::from(self.in_stack[g(b)]) + headless_deps_of(b);
        }
        if self.allowed(REDUCE) {
            // s0's dependents still in the buffer are lost.
            cost[REDUCE] = words_left.clone().filter(|&d| g(d) == s0).count();
        }
        if self.allowed(LEFT) {
            // s0 takes b0 as head and leaves the stack.
            let h = g(s0);
            cost[LEFT] =
                usize::from(h != b && h > b) + words_left.clone().filter(|&d| g(d) == s0).count();
        }
        if self.allowed(RIGHT) {
            // b0 takes s0 as head and goes on the stack.
            let h = g(b);
            cost[RIGHT] = usize::from(h != s0 && (self.in_stack[h] || h > b)) + headless_deps_of(b);
        }
        cost
    }

    fn finish(mut self, root_label: u16, fallback_label: u16) -> Arcs {
        let headless: Vec<usize> = (1..=self.n).filter(|&i| self.head[i] == NONE).collect();
        let root = self.root();
        for i in headless {
            if self.root_child == NONE {
                self.add_arc(root, i, root_label);
            } else {
                let r = self.root_child;
                self.add_arc(r, i, fallback_label);
            }
        }
        Arcs {
            heads: self.head[1..=self.n]
                .iter()
                .map(|&h| if h == root { 0 } else { h })
                .collect(),
            labels: self.label[1..=self.n].to_vec(),
        }
    }
}

impl Parser {
    /// The dependency labels.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    pub(crate) fn label_index(&self, name: &str) -> u16 {
        self.labels.iter().position(|l| l == name).unwrap_or(0) as u16
    }

    /// The label for an arc from `h` to `d`: `root` from the artificial root, else the best
    /// other label.
    fn label(
        &self,
        state: &State,
        h: usize,
        d: usize,
        root: u16,
        feats: &mut Vec<u64>,
        scores: &mut [f32],
    ) -> u16 {
        if h == state.root() {
            return root;
        }
        state.label_features(h, d, feats);
        self.labeler.score(feats, scores);
        best(scores, |l| l as u16 != root).unwrap_or(0) as u16
    }

    /// Parse one sentence.
    pub(crate) fn parse(&self, input: &[Input]) -> Arcs {
        let root = self.label_index("root");
        let dep = self.label_index("dep");
        let mut state = State::new(input);
        let mut feats = Vec::with_capacity(96);
        let mut scores = [0.0f32; 4];
        let mut label_scores = vec![0.0f32; self.labels.len()];
        while !state.done() {
            // Where only one transition is allowed (an empty stack must shift), scoring
            // could not change the choice.
            let allowed = [SHIFT, REDUCE, LEFT, RIGHT].map(|k| state.allowed(k));
            let kind = if allowed.iter().filter(|&&a| a).count() == 1 {
                allowed.iter().position(|&a| a)
            } else {
                state.features(&mut feats);
                self.moves.score(&feats, &mut scores);
                best(&scores, |k| allowed[k])
            };
            let Some(kind) = kind else {
                break;
            };
            let label = if kind >= LEFT {
                let (h, d) = state.arc(kind);
                self.label(&state, h, d, root, &mut feats, &mut label_scores)
            } else {
                0
            };
            state.apply(kind, label);
        }
        state.finish(root, dep)
    }
}

/// A training sentence for the parser.
pub(crate) struct ParseExample {
    pub input: Vec<Input>,
    /// Gold heads, 1-based with index 0 unused.
    pub heads: Vec<usize>,
    /// Gold labels, as names.
    pub labels: Vec<String>,
}

/// A small deterministic random number generator (xorshift64*), for exploration.
pub(crate) struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Train the parser with the dynamic oracle: `runs` times over the same data in different
/// orders (`order(run, n)`), keeping the mean of the runs' weights.
pub(crate) fn train(
    examples: &[ParseExample],
    epochs: usize,
    runs: usize,
    rng: &mut Rng,
    mut order: impl FnMut(usize, usize) -> Vec<usize>,
    mut progress: impl FnMut(usize, usize, f64),
) -> Parser {
    let mut labels: Vec<String> = examples
        .iter()
        .flat_map(|e| e.labels.iter().cloned())
        .collect();
    labels.sort();
    labels.dedup();
    for needed in ["root", "dep"] {
        if !labels.iter().any(|l| l == needed) {
            labels.push(needed.to_string());
            labels.sort();
        }
    }
    let index: HashMap<&str, u16> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i as u16))
        .collect();
    let mut parser = Parser {
        labels: labels.clone(),
        moves: Dense::empty(4),
        labeler: Weights::from_rows(0, Vec::new()),
    };
    let root = parser.label_index("root");
    let mut all_moves = Vec::new();
    let mut all_labelers = Vec::new();
    let mut feats = Vec::with_capacity(96);
    let mut label_feats = Vec::with_capacity(48);
    let mut scores = [0.0f32; 4];
    let mut label_scores = vec![0.0f32; labels.len()];
    for run in 0..runs.max(1) {
        let mut moves = Trainer::hashed(4, MOVE_BITS);
        let mut labeler = Trainer::new(labels.len());
        for epoch in 0..epochs {
            let (mut right, mut total) = (0usize, 0usize);
            for s in order(run, examples.len()) {
                let ex = &examples[s];
                let gold_labels: Vec<u16> = std::iter::once(0)
                    .chain(ex.labels.iter().map(|l| index[l.as_str()]))
                    .collect();
                let mut state = State::new(&ex.input);
                while !state.done() {
                    state.features(&mut feats);
                    moves.score(&feats, &mut scores);
                    let costs = state.costs(&ex.heads);
                    let min = costs.iter().copied().min().unwrap_or(usize::MAX);
                    if min == usize::MAX {
                        break;
                    }
                    let correct = |k: usize| costs[k] == min;
                    let (Some(guess), Some(target)) =
                        (best(&scores, |k| state.allowed(k)), best(&scores, correct))
                    else {
                        break;
                    };
                    let ok = correct(guess);
                    if !ok {
                        moves.update(&feats, target, guess);
                    }
                    moves.tick();
                    right += usize::from(ok);
                    total += 1;
                    let explore = epoch > 0 && rng.unit() < 0.9;
                    let kind = if ok || explore { guess } else { target };
                    let mut label = 0;
                    if kind >= LEFT {
                        let (h, d) = state.arc(kind);
                        if h == state.root() {
                            label = root;
                        } else {
                            state.label_features(h, d, &mut label_feats);
                            labeler.score(&label_feats, &mut label_scores);
                            let guessed = best(&label_scores, |l| l as u16 != root).unwrap_or(0);
                            label = guessed as u16;
                            if ex.heads[d] == h && h != 0 {
                                let gold = gold_labels[d];
                                labeler.update(&label_feats, usize::from(gold), guessed);
                                labeler.tick();
                                if !explore {
                                    label = gold;
                                }
                            }
                        }
                    }
                    state.apply(kind, label);
                }
            }
            progress(run, epoch, right as f64 / total.max(1) as f64);
        }
        all_moves.push(moves);
        all_labelers.push(labeler);
    }
    parser.moves = Trainer::mean_dense(&all_moves);
    parser.labeler = Trainer::mean(&all_labelers);
    parser
}
