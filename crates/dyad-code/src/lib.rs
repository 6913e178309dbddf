//! dyad's annotators: from an analysed document to actors, quotes and CAMEO events.
//!
//! One module per annotator, run in order over a shared [`Context`] (the text, its tokens
//! and sentences, the lexicon and the document's date):
//! - [`actors`]: names, descriptions ("the Kremlin chief", "Chinese troops", "Kremlin
//!   adviser Yuri Ushakov") and pronouns resolved to CAMEO actor codes for the document's date;
//! - [`quotes`]: direct quotations and who said them;
//! - [`events`]: event triggers from the lexicon's patterns, with source and target found
//!   around them, mode (negated, intended, hypothetical, denied), date and evidence spans.
//!
//! Analysis never fails: a document always comes back coded, and whatever could not be done
//! is reported in its `errors`. This crate does no I/O.
//!
//! ```
//! use dyad_model::{DateSource, DateValue, Document};
//! let lex = dyad_lexicon::Lexicon::builtin();
//! let doc = Document {
//!     id: "ex".into(),
//!     text: "Russian President Vladimir Putin held talks with Xi Jinping on Wednesday.".into(),
//!     published: Some(DateValue { value: "2021-12-15".into(), source: DateSource::Given }),
//!     ..Default::default()
//! };
//! let coded = dyad_code::code_document(doc, &lex);
//! let e = &coded.events[0];
//! assert_eq!((e.source.actor.code.as_str(), e.cameo.as_str()), ("RUSGOV", "040"));
//! assert_eq!(e.target.as_ref().unwrap().actor.code, "CHNGOV");
//! ```

pub mod actors;
mod context;
pub mod events;
pub mod quotes;

use dyad_lexicon::Lexicon;
use dyad_model::{CodedDocument, Document};

pub use actors::resolve;
pub use context::Context;

/// Code one document: find its actors, quotes and events.
pub fn code_document(doc: Document, lexicon: &Lexicon) -> CodedDocument {
    let analysis = dyad_nlp::analyse(&doc.text);
    let date = doc
        .published
        .as_ref()
        .and_then(|d| d.value.parse::<jiff::civil::Date>().ok());
    let cx = Context::new(&doc.text, &analysis, lexicon, date);
    let found = actors::find(&cx);
    let quotes = quotes::find(&cx, &found);
    let events = events::find(&cx, &found, doc.published.as_ref());
    let actors = found.into_iter().map(|f| f.mention).collect();
    let mut coded = CodedDocument::from_document(doc);
    coded.actors = actors;
    coded.quotes = quotes;
    coded.events = events;
    coded
}

/// A document dated 2021-12-15, for the annotators' tests.
#[cfg(test)]
pub(crate) fn test_document(text: &str) -> Document {
    Document {
        id: "test".into(),
        text: text.into(),
        published: Some(dyad_model::DateValue {
            value: "2021-12-15".into(),
            source: dyad_model::DateSource::Given,
        }),
        ..Default::default()
    }
}
