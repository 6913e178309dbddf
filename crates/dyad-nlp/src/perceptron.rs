//! The averaged perceptron shared by the tagger and the parser.
//!
//! Features are 64-bit hashes (see [`feature`]). Weights are sparse: a feature keeps a
//! weight only for the classes it was ever updated for, which is what keeps the models
//! small. Training uses the usual lazy averaging (each weight remembers when it last
//! changed, so averaging costs nothing per step); [`Trainer::finish`] freezes the averaged
//! weights into [`Weights`], an open-addressing table laid out for fast scoring.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::table::Table;

/// A hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A `HashMap` keyed by pre-hashed `u64`s.
pub type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// Combine two 64-bit values into a well-mixed hash (splitmix64's finaliser over a
/// rotate-xor of the inputs). Deterministic on every platform.
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    let mut z = a.rotate_left(25) ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The hash of a feature template and its values: one multiply per value, then a fold of
/// the high half into the low half, so both the top bits ([`Dense`] buckets) and the low
/// bits ([`Weights`] slots) depend on every value. Word values are already [`hash_str`]
/// hashes and the rest are small codes, so this is enough mixing; the parser computes about
/// 90 of these per transition, and a full [`mix`] per value cost a third of its time.
#[inline]
pub fn feature(template: u64, values: &[u64]) -> u64 {
    let h = values
        .iter()
        .fold(template.wrapping_mul(0x9E37_79B9_7F4A_7C15), |h, &v| {
            (h ^ v).wrapping_mul(0xBF58_476D_1CE4_E5B9)
        });
    h ^ (h >> 32)
}

/// A 64-bit hash of a string (FNV-1a, then mixed).
pub fn hash_str(s: &str) -> u64 {
    hash_concat(&[s])
}

/// [`hash_str`] of the concatenation of `parts`, without building it.
pub fn hash_concat(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in parts.iter().flat_map(|p| p.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    mix(h, 0x51)
}

#[derive(Clone, Copy, Debug)]
struct Trained {
    class: u16,
    weight: f32,
    total: f64,
    stamp: u32,
}

/// Weights being trained.
#[derive(Default)]
pub struct Trainer {
    classes: usize,
    weights: IdMap<Vec<Trained>>,
    /// Number of training instances seen so far (the averaging clock).
    now: u32,
    /// When set, features are folded into `2^bits` buckets, as [`Dense`] weights use them.
    bits: Option<u32>,
}

impl Trainer {
    pub fn new(classes: usize) -> Trainer {
        Trainer {
            classes,
            weights: IdMap::default(),
            now: 0,
            bits: None,
        }
    }

    /// A trainer for [`Dense`] weights of `2^bits` buckets.
    pub fn hashed(classes: usize, bits: u32) -> Trainer {
        Trainer {
            bits: Some(bits.clamp(4, 30)),
            ..Trainer::new(classes)
        }
    }

    #[inline]
    fn key(&self, f: u64) -> u64 {
        match self.bits {
            Some(b) => bucket(f, b) as u64,
            None => f,
        }
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Add the current weights of `features` into `scores` (one per class).
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for &f in features {
            if let Some(row) = self.weights.get(&self.key(f)) {
                for s in row {
                    scores[usize::from(s.class)] += s.weight;
                }
            }
        }
    }

    /// Advance the averaging clock by one training instance.
    pub fn tick(&mut self) {
        self.now += 1;
    }

    /// Reward `truth` and penalise `guess` on `features` (no-op when they are equal).
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        let now = self.now;
        for &f in features {
            let row = self.weights.entry(self.key(f)).or_default();
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0f32)] {
                let class = class as u16;
                let slot = match row.iter_mut().position(|s| s.class == class) {
                    Some(i) => &mut row[i],
                    None => {
                        row.push(Trained {
                            class,
                            weight: 0.0,
                            total: 0.0,
                            stamp: now,
                        });
                        row.last_mut().expect("just pushed")
                    }
                };
                slot.total += f64::from(now - slot.stamp) * f64::from(slot.weight);
                slot.stamp = now;
                slot.weight += delta;
            }
        }
    }

    /// The averaged weights as a [`Dense`] table (for a trainer made by [`Trainer::hashed`]).
    pub fn finish_dense(&self) -> Dense {
        Trainer::mean_dense(std::slice::from_ref(self))
    }

    /// The mean of the averaged weights of trainers that learnt the same task from the same
    /// data in different orders, as a [`Dense`] table ("parameter mixing": the mean is
    /// steadier than any one of them, and scores as fast).
    pub fn mean_dense(trainers: &[Trainer]) -> Dense {
        let Some(first) = trainers.first() else {
            return Dense::empty(1);
        };
        let (classes, bits) = (first.classes, first.bits.unwrap_or(16));
        let rows = Trainer::mean_rows(trainers);
        let scale = quantum(&rows);
        let mut weights = Table::filled((1usize << bits) * classes);
        let w = weights.as_mut_slice();
        for (k, row) in rows {
            for (c, v) in row {
                w[k as usize * classes + usize::from(c)] = (v / scale).round() as i16;
            }
        }
        Dense {
            classes,
            bits,
            scale,
            weights,
        }
    }

    /// The mean of trainers' averaged weights as sparse [`Weights`].
    pub fn mean(trainers: &[Trainer]) -> Weights {
        let classes = trainers.first().map_or(0, |t| t.classes);
        Weights::from_rows(classes, Trainer::mean_rows(trainers))
    }

    fn mean_rows(trainers: &[Trainer]) -> Vec<(u64, Vec<(u16, f32)>)> {
        if let [one] = trainers {
            return one.averaged(0.0);
        }
        let n = trainers.len() as f32;
        let mut sum: std::collections::BTreeMap<u64, std::collections::BTreeMap<u16, f32>> =
            std::collections::BTreeMap::new();
        for t in trainers {
            for (k, row) in t.averaged(0.0) {
                let into = sum.entry(k).or_default();
                for (c, v) in row {
                    *into.entry(c).or_default() += v / n;
                }
            }
        }
        sum.into_iter()
            .map(|(k, row)| (k, row.into_iter().collect()))
            .collect()
    }

    /// The averaged weights, dropping those smaller than `min_abs` in magnitude.
    pub fn finish(&self, min_abs: f32) -> Weights {
        Weights::from_rows(self.classes, self.averaged(min_abs))
    }

    fn averaged(&self, min_abs: f32) -> Vec<(u64, Vec<(u16, f32)>)> {
        let now = f64::from(self.now.max(1));
        let mut keys: Vec<u64> = self.weights.keys().copied().collect();
        keys.sort_unstable();
        let mut rows: Vec<(u64, Vec<(u16, f32)>)> = Vec::with_capacity(keys.len());
        for k in keys {
            let mut row: Vec<(u16, f32)> = self.weights[&k]
                .iter()
                .filter_map(|s| {
                    let total = s.total + (now - f64::from(s.stamp)) * f64::from(s.weight);
                    let avg = (total / now) as f32;
                    (avg.abs() >= min_abs && avg != 0.0).then_some((s.class, avg))
                })
                .collect();
            if row.is_empty() {
                continue;
            }
            row.sort_unstable_by_key(|e| e.0);
            rows.push((k, row));
        }
        rows
    }
}

/// A feature hash and the length of its row.
pub(crate) type RowKey = (u64, u32);

/// One slot of the frozen table: a feature hash and where its row is, or, for a row of two
/// weights, the row itself. Keeping the key and the row's place in one 16-byte slot makes
/// a lookup one cache miss instead of two; most rows have exactly two weights (the
/// perceptron's updates come in pairs, one up and one down), and keeping those in the slot
/// saves the second miss for most lookups.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[repr(C)]
struct Slot {
    /// 0 marks an empty slot (a real key of 0 is remapped to 1).
    key: u64,
    /// Where the row starts in `entries` or `dense`; for an inline row, its first entry
    /// ([`pack`]).
    start: u32,
    /// The row's length in `entries`, or [`DENSE`], or [`INLINE`] with the second entry.
    len: u32,
}

/// Frozen weights: an open-addressing table from feature hash to a row of (class, weight).
/// Weights are 16-bit integers sharing one scale, so scores are exact integer sums and the
/// table stays small enough for the cache; only the order of scores matters to decoding.
#[derive(Clone, Debug, PartialEq)]
pub struct Weights {
    classes: usize,
    slots: Table<Slot>,
    /// Sparse rows: (class, weight) pairs.
    entries: Table<(u16, i16)>,
    /// Dense rows (one weight per class), for features with weights for many classes:
    /// adding them is a vectorised loop instead of scattered adds.
    dense: Table<i16>,
    mask: usize,
    /// What one integer step is worth as an averaged perceptron weight.
    scale: f32,
}

#[inline]
fn nonzero(k: u64) -> u64 {
    if k == 0 { 1 } else { k }
}

#[inline(always)]
fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint; it never faults, even on an invalid address, and
    // SSE is part of the x86_64 baseline.
    unsafe {
        core::arch::x86_64::_mm_prefetch::<{ core::arch::x86_64::_MM_HINT_T0 }>(p.cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// Most features one scoring call looks up at once (more are scored in chunks).
const CHUNK: usize = 64;

/// Marks a slot whose row is dense (in `Weights::dense`).
const DENSE: u32 = 1 << 31;

/// Marks a slot that holds its row of two entries itself: the first in `start`, the second
/// in the low 30 bits of `len` (so classes are below 2^14 for rows to be kept inline).
const INLINE: u32 = 1 << 30;

/// Classes up to this many may have their rows of two kept inline.
const INLINE_CLASSES: usize = 1 << 14;

/// A (class, weight) entry as 32 bits: the class above, the weight's bits below.
#[inline]
fn pack((class, weight): (u16, i16)) -> u32 {
    u32::from(class) << 16 | u32::from(weight as u16)
}

/// The entry [`pack`] made (the class part masked to 14 bits for the second entry).
#[inline]
fn unpack(bits: u32) -> (u16, i16) {
    (((bits >> 16) & 0x3fff) as u16, bits as u16 as i16)
}

impl Weights {
    /// Build the table from rows of real-valued weights (in any key order), quantising them.
    pub fn from_rows(classes: usize, rows: Vec<(u64, Vec<(u16, f32)>)>) -> Weights {
        let scale = quantum(&rows);
        let mut keys = Vec::with_capacity(rows.len());
        let mut entries = Vec::new();
        for (k, row) in rows {
            let start = entries.len();
            entries.extend(
                row.iter()
                    .map(|&(c, v)| (c, (v / scale).round() as i16))
                    .filter(|e| e.1 != 0),
            );
            let len = entries.len() - start;
            if len > 0 {
                keys.push((k, len as u32));
            }
        }
        Weights::from_parts(classes, scale, keys, entries)
    }

    /// Build the table from keys with their row lengths and the rows' entries, concatenated
    /// in the same order.
    pub(crate) fn from_parts(
        classes: usize,
        scale: f32,
        keys: Vec<(u64, u32)>,
        entries: Vec<(u16, i16)>,
    ) -> Weights {
        let capacity = (keys.len() * 3 / 2).next_power_of_two().max(16);
        let mask = capacity - 1;
        let mut slots = Table::<Slot>::filled(capacity);
        let table = slots.as_mut_slice();
        let mut sparse = Vec::with_capacity(entries.len());
        let mut dense = Vec::new();
        let mut rest = entries.as_slice();
        for (k, len) in keys {
            let (row, tail) = rest.split_at((len as usize).min(rest.len()));
            rest = tail;
            let k = nonzero(k);
            let mut i = (k as usize) & mask;
            while table[i].key != 0 && table[i].key != k {
                i = (i + 1) & mask;
            }
            table[i] = if row.len() * 4 >= classes && classes > 0 {
                let start = dense.len();
                dense.resize(start + classes, 0i16);
                for &(c, w) in row {
                    if let Some(d) = dense.get_mut(start + usize::from(c)) {
                        *d = w;
                    }
                }
                Slot {
                    key: k,
                    start: start as u32,
                    len: DENSE,
                }
            } else if let [first, second] = row
                && classes <= INLINE_CLASSES
            {
                Slot {
                    key: k,
                    start: pack(*first),
                    len: INLINE | pack(*second),
                }
            } else {
                let start = sparse.len();
                sparse.extend_from_slice(row);
                Slot {
                    key: k,
                    start: start as u32,
                    len: row.len() as u32,
                }
            };
        }
        Weights {
            classes,
            slots,
            entries: Table::collect(sparse.len(), sparse),
            dense: Table::collect(dense.len(), dense),
            mask,
            scale,
        }
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    pub(crate) fn scale(&self) -> f32 {
        self.scale
    }

    /// Number of features with weights.
    pub fn features(&self) -> usize {
        self.slots.iter().filter(|s| s.key != 0).count()
    }

    /// Number of (feature, class) weights.
    pub fn len(&self) -> usize {
        let inline = self
            .slots
            .iter()
            .filter(|s| s.key != 0 && s.len & INLINE != 0)
            .count();
        self.entries.len() + 2 * inline + self.dense.iter().filter(|&&w| w != 0).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The non-zero (class, weight) pairs of a slot's row.
    fn row(&self, slot: &Slot) -> Vec<(u16, i16)> {
        if slot.len == DENSE {
            let start = slot.start as usize;
            self.dense[start..start + self.classes]
                .iter()
                .enumerate()
                .filter(|(_, w)| **w != 0)
                .map(|(c, &w)| (c as u16, w))
                .collect()
        } else if slot.len & INLINE != 0 {
            vec![unpack(slot.start), unpack(slot.len)]
        } else {
            self.entries[slot.start as usize..(slot.start + slot.len) as usize].to_vec()
        }
    }

    #[inline]
    fn find(&self, key: u64) -> (u32, u32) {
        let k = nonzero(key);
        let mut i = (k as usize) & self.mask;
        loop {
            let slot = self.slots[i];
            if slot.key == k {
                return (slot.start, slot.len);
            }
            if slot.key == 0 {
                return (0, 0);
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Set `scores` (one per class) to the sum of the weights of `features`.
    ///
    /// The lookups are independent, so they are done in three passes (prefetch the slots,
    /// read them and prefetch the rows not kept in their slots, add the rows) to keep many
    /// cache misses in flight at once; this is most of the parser's speed.
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        let mut stack = [0i32; 256];
        let mut heap = Vec::new();
        let sums: &mut [i32] = if self.classes <= stack.len() {
            &mut stack[..self.classes]
        } else {
            heap.resize(self.classes, 0);
            &mut heap
        };
        for chunk in features.chunks(CHUNK) {
            for &f in chunk {
                prefetch(&self.slots[(nonzero(f) as usize) & self.mask]);
            }
            let mut rows = [(0u32, 0u32); CHUNK];
            for (r, &f) in rows.iter_mut().zip(chunk) {
                *r = self.find(f);
                if r.1 == DENSE {
                    prefetch(&self.dense[r.0 as usize]);
                } else if r.1 > 0 && r.1 & INLINE == 0 {
                    prefetch(&self.entries[r.0 as usize]);
                }
            }
            for &(start, len) in &rows[..chunk.len()] {
                let start = start as usize;
                if len == DENSE {
                    let row = &self.dense[start..start + sums.len()];
                    for (s, &w) in sums.iter_mut().zip(row) {
                        *s += i32::from(w);
                    }
                } else if len & INLINE != 0 {
                    for (c, w) in [unpack(start as u32), unpack(len)] {
                        if let Some(s) = sums.get_mut(usize::from(c)) {
                            *s += i32::from(w);
                        }
                    }
                } else {
                    for &(c, w) in &self.entries[start..start + len as usize] {
                        if let Some(s) = sums.get_mut(usize::from(c)) {
                            *s += i32::from(w);
                        }
                    }
                }
            }
        }
        for (s, &v) in scores.iter_mut().zip(sums.iter()) {
            *s = v as f32;
        }
    }

    /// Keys with their row lengths, and the entries in the same order, sorted by key: the
    /// form the model file stores.
    pub(crate) fn parts(&self) -> (Vec<RowKey>, Vec<(u16, i16)>) {
        let mut slots: Vec<&Slot> = self.slots.iter().filter(|s| s.key != 0).collect();
        slots.sort_unstable_by_key(|s| s.key);
        let mut entries = Vec::with_capacity(self.entries.len());
        let keys = slots
            .into_iter()
            .map(|s| {
                let row = self.row(s);
                entries.extend_from_slice(&row);
                (s.key, row.len() as u32)
            })
            .collect();
        (keys, entries)
    }
}

/// What one step of a 16-bit weight is worth for these rows: the largest weight maps to
/// `i16::MAX`.
fn quantum(rows: &[(u64, Vec<(u16, f32)>)]) -> f32 {
    let max = rows
        .iter()
        .flat_map(|r| r.1.iter())
        .fold(0.0f32, |m, e| m.max(e.1.abs()));
    if max > 0.0 {
        max / f32::from(i16::MAX)
    } else {
        1.0
    }
}

/// The bucket of a feature in a table of `2^bits` (its top bits: feature hashes are mixed).
#[inline]
fn bucket(f: u64, bits: u32) -> usize {
    (f >> (64 - bits)) as usize
}

/// Weights for few classes, by the hashing trick: every feature hash falls in one of
/// `2^bits` buckets holding one weight per class, with no keys stored. A lookup is one
/// memory access at a computed place, which is what makes the parser's transition scoring
/// fast; training sees the same collisions and learns around them. For at most 8 classes.
#[derive(Clone, Debug, PartialEq)]
pub struct Dense {
    classes: usize,
    bits: u32,
    scale: f32,
    weights: Table<i16>,
}

impl Dense {
    pub fn empty(classes: usize) -> Dense {
        Dense {
            classes,
            bits: 4,
            scale: 1.0,
            weights: Table::filled(16 * classes),
        }
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    pub(crate) fn bits(&self) -> u32 {
        self.bits
    }

    pub(crate) fn scale(&self) -> f32 {
        self.scale
    }

    pub(crate) fn raw(&self) -> &[i16] {
        &self.weights
    }

    /// Rebuild from the parts the model file stores; `None` if they do not fit together.
    pub(crate) fn from_raw(
        classes: usize,
        bits: u32,
        scale: f32,
        weights: Table<i16>,
    ) -> Option<Dense> {
        (classes <= 8 && (1..=30).contains(&bits) && weights.len() == (1usize << bits) * classes)
            .then_some(Dense {
                classes,
                bits,
                scale,
                weights,
            })
    }

    /// Number of buckets with any weight.
    pub fn used(&self) -> usize {
        self.weights
            .chunks(self.classes.max(1))
            .filter(|r| r.iter().any(|&w| w != 0))
            .count()
    }

    /// Set `scores` (one per class) to the sum of the weights of `features`.
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        let c = self.classes;
        if c == 4 {
            // The parser's four transitions: rows of four weights, read as arrays.
            let (rows, _) = self.weights.as_chunks::<4>();
            for &f in features {
                if let Some(row) = rows.get(bucket(f, self.bits)) {
                    prefetch(&row[0]);
                }
            }
            let mut sums = [0i32; 4];
            for &f in features {
                if let Some(row) = rows.get(bucket(f, self.bits)) {
                    for (s, &w) in sums.iter_mut().zip(row) {
                        *s += i32::from(w);
                    }
                }
            }
            for (s, &v) in scores.iter_mut().zip(sums.iter()) {
                *s = v as f32;
            }
            return;
        }
        for &f in features {
            prefetch(&self.weights[bucket(f, self.bits) * c]);
        }
        let mut sums = [0i32; 8];
        let sums = &mut sums[..c.min(8)];
        for &f in features {
            let row = &self.weights[bucket(f, self.bits) * c..][..c];
            for (s, &w) in sums.iter_mut().zip(row) {
                *s += i32::from(w);
            }
        }
        for (s, &v) in scores.iter_mut().zip(sums.iter()) {
            *s = v as f32;
        }
    }
}

/// The index of the highest score among the classes `allowed` says yes to; ties go to the
/// lowest index, so decoding is deterministic.
#[inline]
pub fn best(scores: &[f32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for (i, &s) in scores.iter().enumerate() {
        if allowed(i) && best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best.map(|b| b.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_freezes_the_same_decisions() {
        // Class = which of two features is present.
        let data = [(vec![1u64, 10], 0usize), (vec![2u64, 10], 1usize)];
        let mut t = Trainer::new(2);
        let mut scores = [0.0f32; 2];
        for _ in 0..5 {
            for (f, y) in &data {
                t.score(f, &mut scores);
                let guess = best(&scores, |_| true).expect("two classes");
                t.update(f, *y, guess);
                t.tick();
            }
        }
        let w = t.finish(0.0);
        for (f, y) in &data {
            w.score(f, &mut scores);
            assert_eq!(best(&scores, |_| true), Some(*y));
        }
        assert!(w.features() >= 2);
    }

    #[test]
    fn unknown_features_score_zero_and_masks_apply() {
        let w = Weights::from_rows(3, vec![(0, vec![(2, 1.5)]), (7, vec![(0, 0.5)])]);
        let mut s = [0.0f32; 3];
        w.score(&[0, 7, 99], &mut s);
        let scaled: Vec<f32> = s
            .iter()
            .map(|v| (v * w.scale() * 100.0).round() / 100.0)
            .collect();
        assert_eq!(scaled, [0.5, 0.0, 1.5]);
        assert_eq!(best(&s, |c| c != 2), Some(0));
        assert_eq!(best(&s, |_| false), None);
    }

    #[test]
    fn rows_of_every_shape_score_and_round_trip() {
        // Rows of two weights live in their slots; longer ones in `entries`; rows with
        // weights for a quarter of the classes or more are dense.
        let rows = vec![
            (5, vec![(0, 1.0), (9, -1.0)]),
            (6, vec![(1, 2.0), (2, -2.0), (3, 0.5)]),
            (7, vec![(0, 0.25), (1, 0.25), (2, 0.25), (3, 0.25)]),
            (8, vec![(9, -0.5), (4, 1.5)]),
        ];
        let w = Weights::from_rows(10, rows);
        let mut s = [0.0f32; 10];
        w.score(&[5, 6, 7, 8, 99], &mut s);
        let got: Vec<f32> = s
            .iter()
            .map(|v| (v * w.scale() * 100.0).round() / 100.0)
            .collect();
        assert_eq!(
            got,
            [1.25, 2.25, -1.75, 0.75, 1.5, 0.0, 0.0, 0.0, 0.0, -1.5]
        );
        assert_eq!(w.features(), 4);
        assert_eq!(w.len(), 11);
        let (keys, entries) = w.parts();
        let again = Weights::from_parts(10, w.scale(), keys.clone(), entries.clone());
        assert_eq!(again.parts(), (keys, entries));
        assert_eq!(again, w);
    }

    #[test]
    fn hashes_are_stable() {
        // Models on disk depend on these values never changing.
        assert_eq!(hash_str("Putin"), 0xf772_f3d8_5e8f_d131);
        assert_eq!(mix(1, 2), 0xd06d_972e_187f_bed9);
        assert_eq!(feature(1, &[2, 3]), 0x0612_3d45_a9c6_bef9);
        assert_ne!(hash_str("Putin"), hash_str("putin"));
        assert_ne!(feature(1, &[2, 3]), feature(1, &[3, 2]));
        assert_eq!(mix(0, 0), 0);
    }
}
