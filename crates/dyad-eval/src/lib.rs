//! Scorers that measure dyad against public gold sets, kept apart from the product code.
//!
//! A scorer takes a gold file's contents and a function that codes one text (the caller
//! wires in the real pipeline), and returns counts from which precision, recall and F1
//! follow. Nothing here reads files; the `dyad eval` command does.
//!
//! - [`events`]: the PETRARCH2 validation sentences (CAMEO codes with source and target
//!   countries) and the PLOVER gold sentences (CAMEO-manual examples with older PLOVER types).
//! - [`parse`]: tags, lemmas and dependency parses against a UD treebank, with gold tokens
//!   or from raw text.

pub mod actors;
pub mod events;
pub mod extraction;
pub mod parse;
pub mod quotes;
mod score;
pub mod time;

pub use score::{Counts, Table};

/// A gold file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("gold file is not the expected JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("gold file: {0}")]
    Shape(String),
}

/// Old CAMEO country codes found in gold data, and their ISO alpha-3 equivalents.
const LEGACY_CODES: &[(&str, &str)] = &[
    ("JAP", "JPN"),
    ("ITL", "ITA"),
    ("ROM", "ROU"),
    ("TMP", "TLS"),
    ("ZAR", "COD"),
    ("BUL", "BGR"),
    ("GMY", "DEU"),
    ("UKG", "GBR"),
    ("SPN", "ESP"),
    ("YUG", "SRB"),
];

/// The country part of a CAMEO actor code, as scorers compare it: its first three letters
/// (`RUSGOV` → `RUS`, `IGOUNO` → `IGO`), with pre-ISO CAMEO codes mapped to ISO alpha-3
/// (`JAP` → `JPN`), the only normalisation done.
pub(crate) fn country(code: &str) -> String {
    let c: String = code.chars().take(3).collect();
    LEGACY_CODES
        .iter()
        .find(|(old, _)| *old == c)
        .map_or(c, |(_, new)| new.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn countries_of_codes() {
        assert_eq!(super::country("RUSGOV"), "RUS");
        assert_eq!(super::country("JAP"), "JPN");
        assert_eq!(super::country("IGOUNO"), "IGO");
        assert_eq!(super::country(""), "");
    }
}
