//! Near-duplicate fingerprints: MinHash signatures over word 3-shingles.
//!
//! Reposts and syndicated copies of one story (the seed is a blog's copy of a DW report)
//! differ in furniture, a sentence here and there, or machine-translation noise, but share
//! most of their word sequences. A MinHash signature estimates the Jaccard similarity of two
//! texts' shingle sets; its bands (groups of [`ROWS`] values) let a store find candidate
//! copies by exact lookup: two texts with Jaccard similarity 0.5 share a band with
//! probability about 0.4, at 0.8 about 0.98. Hashes are xxh3, stable across machines and
//! runs, so signatures can be stored.

use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

/// Values in a signature.
pub const HASHES: usize = 32;
/// Values per band.
pub const ROWS: usize = 4;
/// Estimated Jaccard similarity at or above which two texts are near-duplicates.
pub const NEAR: f64 = 0.5;

/// A MinHash signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature(pub [u64; HASHES]);

impl Signature {
    /// The signature of a text, or `None` when it has too few words to say anything.
    pub fn of(text: &str) -> Option<Signature> {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        if words.len() < 8 {
            return None;
        }
        let shingles: Vec<u64> = words
            .windows(3)
            .map(|w| xxh3_64(w.join(" ").as_bytes()))
            .collect();
        let mut sig = [u64::MAX; HASHES];
        for s in shingles {
            let bytes = s.to_le_bytes();
            for (seed, slot) in sig.iter_mut().enumerate() {
                *slot = (*slot).min(xxh3_64_with_seed(&bytes, seed as u64));
            }
        }
        Some(Signature(sig))
    }

    /// Estimated Jaccard similarity of the two texts' shingle sets.
    pub fn similarity(&self, other: &Signature) -> f64 {
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / HASHES as f64
    }

    /// One hash per band, for candidate lookup.
    pub fn bands(&self) -> Vec<i64> {
        self.0
            .chunks(ROWS)
            .map(|band| {
                let bytes: Vec<u8> = band.iter().flat_map(|v| v.to_le_bytes()).collect();
                xxh3_64(&bytes) as i64
            })
            .collect()
    }

    /// The signature as bytes, for storage.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// A stored signature, or `None` for bytes of the wrong length.
    pub fn from_bytes(b: &[u8]) -> Option<Signature> {
        if b.len() != HASHES * 8 {
            return None;
        }
        let mut sig = [0u64; HASHES];
        for (i, chunk) in b.chunks_exact(8).enumerate() {
            sig[i] = u64::from_le_bytes(chunk.try_into().ok()?);
        }
        Some(Signature(sig))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Russian President Vladimir Putin and Chinese leader Xi Jinping held a video call on \
        Wednesday, stressing the unprecedented level of relations between their countries. Putin said he \
        hoped to meet Xi in person in February when he visits Beijing for the opening of the Winter Olympics, \
        which several Western countries are boycotting diplomatically over human rights concerns. Xi thanked \
        Moscow for its support and said the two countries would keep working together on security.";

    #[test]
    fn copies_are_near_and_others_far() {
        let original = Signature::of(STORY).unwrap();
        let repost = format!(
            "{} Leave a reply. Your email address will not be published.",
            STORY.replace("Wednesday", "Wednesday evening")
        );
        let copy = Signature::of(&repost).unwrap();
        assert!(
            original.similarity(&copy) >= NEAR,
            "{}",
            original.similarity(&copy)
        );
        assert!(
            original
                .bands()
                .iter()
                .zip(copy.bands())
                .any(|(a, b)| *a == b),
            "shares a band"
        );
        let other = Signature::of(
            "Brazil and India signed agreements on agriculture, energy and space cooperation on Tuesday \
             as President Lula visited New Delhi for talks with Prime Minister Modi, officials said.",
        )
        .unwrap();
        assert!(original.similarity(&other) < 0.2);
        assert_eq!(Signature::of(STORY), Some(original.clone()), "stable");
        assert_eq!(Signature::from_bytes(&original.to_bytes()), Some(original));
        assert_eq!(Signature::of("too short"), None);
    }
}
