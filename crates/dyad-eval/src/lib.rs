//! Scorers that measure dyad against public gold sets, kept apart from the product code.
//!
//! A scorer takes a gold file's contents and a function that codes one text (the caller
//! wires in the real pipeline), and returns counts from which precision, recall and F1
//! follow. Nothing here reads files; the `dyad eval` command does.
//!
//! - [`events`]: the PETRARCH2 validation sentences (CAMEO codes with source and target
//!   countries) and the PLOVER gold sentences (CAMEO-manual examples with older PLOVER types).

pub mod actors;
pub mod events;
pub mod extraction;
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
