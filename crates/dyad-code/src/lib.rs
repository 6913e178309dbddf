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
mod frames;
pub mod quotes;
mod syntax;
pub mod time;

use dyad_lexicon::Lexicon;
use dyad_model::{CodedDocument, DateSource, DateValue, Document, Timex};

pub use actors::resolve;
pub use context::Context;

/// Code one document: find its time expressions, actors, quotes and events. A document
/// without a publication date gets one inferred from its text when the text allows.
pub fn code_document(mut doc: Document, lexicon: &Lexicon) -> CodedDocument {
    let analysis = dyad_nlp::analyse(&doc.text);
    let mut anchor = doc.published.as_ref().and_then(|d| date_range(&d.value));
    let probe = Context::new(&doc.text, &analysis, lexicon, None);
    let mut times = time::find(&probe, anchor);
    if anchor.is_none()
        && let Some(inferred) = time::infer_publication(&times)
    {
        anchor = Some(inferred);
        times = time::find(&probe, anchor);
        doc.published = Some(DateValue {
            value: time::anchor_label(inferred),
            source: DateSource::Inferred,
        });
    }
    // Actors are resolved on the publication day, or the latest day it may be.
    let cx = Context::new(&doc.text, &analysis, lexicon, anchor.map(|a| a.hi));
    let found = actors::find(&cx);
    let quotes = quotes::find(&cx, &found);
    let events = events::find(&cx, &found, &times, doc.published.as_ref());
    let timexes = times
        .iter()
        .filter_map(|t| {
            let span = cx.span_of(t.first, t.end);
            Some(Timex {
                text: span.slice(&doc.text)?.to_string(),
                span,
                value: t.value.clone()?,
                kind: t.kind.to_string(),
            })
        })
        .collect();
    let actors = found.into_iter().map(|f| f.mention).collect();
    let mut coded = CodedDocument::from_document(doc);
    coded.actors = actors;
    coded.quotes = quotes;
    coded.events = events;
    coded.times = timexes;
    coded
}

/// A publication date as the range of days it may be: `2021-12-15`, `2021-12`, `2021`.
fn date_range(value: &str) -> Option<time::Anchor> {
    use jiff::civil::Date;
    if let Ok(d) = value.parse::<Date>() {
        return Some(time::Anchor::exact(d));
    }
    let mut parts = value.split('-');
    let y: i16 = parts.next()?.parse().ok()?;
    match parts.next() {
        Some(m) => {
            let first = Date::new(y, m.parse().ok()?, 1).ok()?;
            Some(time::Anchor {
                lo: first,
                hi: first.last_of_month(),
            })
        }
        None => Some(time::Anchor {
            lo: Date::new(y, 1, 1).ok()?,
            hi: Date::new(y, 12, 31).ok()?,
        }),
    }
}

/// (source, target or "", CAMEO code, mode) of every event coded from `text` (dated
/// 2021-12-15, with the built-in lexicon), each actor written by `name` (its code, or its
/// country), for the annotators' tests.
#[cfg(test)]
pub(crate) fn test_events(
    text: &str,
    name: fn(&dyad_model::Actor) -> String,
) -> Vec<(String, String, String, Option<String>)> {
    let coded = code_document(test_document(text), &Lexicon::builtin());
    coded
        .events
        .iter()
        .map(|e| {
            (
                name(&e.source.actor),
                e.target
                    .as_ref()
                    .map(|t| name(&t.actor))
                    .unwrap_or_default(),
                e.cameo.clone(),
                e.mode.map(|m| format!("{m:?}").to_lowercase()),
            )
        })
        .collect()
}

/// Whether `text` codes an event from `source` to `target` (countries) whose CAMEO code
/// starts with `code`; prints what was coded when not, for the annotators' tests.
#[cfg(test)]
pub(crate) fn test_has(text: &str, source: &str, target: &str, code: &str) -> bool {
    let found = test_events(text, |a| a.country.clone().unwrap_or_default());
    let ok = found
        .iter()
        .any(|e| e.0 == source && e.1 == target && e.2.starts_with(code));
    if !ok {
        eprintln!("{text}\n  {found:?}");
    }
    ok
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
