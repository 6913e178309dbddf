//! The types every dyad stage shares.
//!
//! Data moves one way through dyad: intake turns bytes into a [`Document`], the NLP stage
//! adds [`Sentence`]s and [`Token`]s, the coder adds actor [`Mention`]s, [`Event`]s,
//! [`Quote`]s and [`Timex`]es, and sinks (JSONL, the store) take the finished
//! [`CodedDocument`]. Every fact points back to its evidence with a [`Span`] of byte
//! offsets into [`Document::text`].
//!
//! This crate does no I/O and has one dependency (`serde`). The CAMEO code table, with
//! names, Goldstein scores, QuadClass and PLOVER types, lives in [`cameo`]; it is compiled
//! in from the team's data file `data/cameo.tsv`.
//!
//! ```
//! use dyad_model::cameo;
//! let consult = cameo::lookup("040").unwrap();
//! assert_eq!(consult.name, "Consult");
//! assert_eq!(consult.quad_class, 1);
//! assert_eq!(consult.plover, Some("CONSULT"));
//! ```

pub mod cameo;
mod coded;
mod document;
mod span;

pub use coded::{
    Actor, ActorKind, CodedDocument, DateSource, DateValue, Event, Evidence, Mention, Mode, Quote,
    QuoteKind, Timex,
};
pub use document::{Document, Sentence, Token, TokenKind};
pub use span::Span;
