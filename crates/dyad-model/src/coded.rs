//! What the coder finds in a document: actor mentions, events, quotes and time expressions,
//! and [`CodedDocument`], the shape of one line of `dyad code` output.
//!
//! The serialised form of [`CodedDocument`] is the JSONL contract documented in
//! `docs/output.md`; fields may be added, never renamed or removed.

use serde::Serialize;

use crate::{Document, Span};

/// Where a date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// Given by the user (`--date`) or by the input record (`"date"` in JSONL).
    Given,
    /// Read from the page's metadata (meta tags, JSON-LD, HTTP headers).
    Metadata,
    /// Inferred from the text, with evidence.
    Inferred,
    /// An event dated by its document's publication date.
    Published,
    /// An event dated by a time expression in the text.
    Text,
}

/// An ISO 8601 date as precise as known (`2021`, `2021-06`, `2021-12-15`) and its origin.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DateValue {
    pub value: String,
    pub source: DateSource,
}

/// What kind of thing an actor is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Country,
    Person,
    Organization,
    /// A group named by role or sector without a known person ("Chinese troops").
    Group,
    /// A place named as where something happens ("arrived in Amman", "protests in
    /// Baghdad"): it stands for its country, but is the source or target of an event only
    /// through the rules that take an event's place.
    Place,
}

impl ActorKind {
    /// The lower-case name used in output and storage.
    pub fn as_str(&self) -> &'static str {
        match self {
            ActorKind::Country => "country",
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Group => "group",
            ActorKind::Place => "place",
        }
    }
}

/// A resolved actor: a CAMEO-style code plus its structured parts.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Actor {
    /// CAMEO actor code: country then sector (`RUS`, `RUSGOV`, `IGOUNO`).
    pub code: String,
    /// The canonical name of a known person or organisation.
    pub name: Option<String>,
    /// ISO 3166 alpha-3 country, when the actor belongs to one.
    pub country: Option<String>,
    /// CAMEO sector (`GOV`, `MIL`, `COP`, ...), when known.
    pub sector: Option<String>,
    pub kind: ActorKind,
}

/// An actor as it appears in the text: the words, where they are, and who they denote.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mention {
    pub text: String,
    pub span: Span,
    #[serde(flatten)]
    pub actor: Actor,
}

/// A piece of text that is evidence for a field: the words and where they are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub text: String,
    pub span: Span,
}

/// How an event is asserted. `None` on an event means it happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// "did not attend"
    Negated,
    /// promised, planned, hoped for
    Intended,
    /// conditional or proposed
    Hypothetical,
    /// someone denies it happened
    Denied,
}

impl Mode {
    /// The lower-case name used in output and storage.
    pub fn as_str(&self) -> &'static str {
        match self {
            Mode::Negated => "negated",
            Mode::Intended => "intended",
            Mode::Hypothetical => "hypothetical",
            Mode::Denied => "denied",
        }
    }
}

/// One coded event: who did what to whom, when, with the evidence for each field.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    pub source: Mention,
    pub target: Option<Mention>,
    /// CAMEO event code (`040`, `0874`).
    pub cameo: String,
    /// PLOVER 2.0 event type derived from the CAMEO code (`None` for public statements).
    pub plover: Option<String>,
    pub mode: Option<Mode>,
    pub goldstein: f64,
    /// GDELT QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict.
    pub quad_class: u8,
    pub date: Option<DateValue>,
    pub place: Option<Evidence>,
    pub trigger: Evidence,
    /// The span of the sentence the event was read from.
    pub sentence: Span,
}

/// Whether a quote is reported word for word or paraphrased.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Indirect,
}

/// Something someone said, with the speaker resolved where possible.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub text: String,
    pub span: Span,
    pub kind: QuoteKind,
    pub speaker: Option<Mention>,
    /// The verb or phrase that attributes the quote ("said", "according to").
    pub cue: Option<String>,
    /// Who relays the speaker's words, when someone does ("…,” Kremlin adviser Yuri Ushakov
    /// said", reporting what Xi said).
    pub via: Option<Mention>,
}

/// A time expression and its TIMEX3 value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Timex {
    pub text: String,
    pub span: Span,
    /// TIMEX3 value (`2021-06`, `2021-W49`, `P4W`, `PAST_REF`).
    pub value: String,
    /// TIMEX3 type: `DATE`, `TIME`, `DURATION` or `SET`.
    #[serde(rename = "type")]
    pub kind: String,
}

/// A fully coded document: one line of `dyad code` output.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CodedDocument {
    /// The document as intake read it; its fields open the output line.
    #[serde(flatten)]
    pub document: Document,
    pub actors: Vec<Mention>,
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
    pub times: Vec<Timex>,
    /// Why a document could not be read, or which parts of it failed. A document that could
    /// not be read has errors and no other content.
    pub errors: Vec<String>,
}

impl CodedDocument {
    /// A document that could not be read: its id and the reasons, nothing else.
    pub fn failed(id: impl Into<String>, errors: Vec<String>) -> Self {
        CodedDocument {
            document: Document {
                id: id.into(),
                ..Default::default()
            },
            errors,
            ..Default::default()
        }
    }

    /// Wrap a document with no findings yet.
    pub fn from_document(document: Document) -> Self {
        CodedDocument {
            document,
            ..Default::default()
        }
    }

    /// The input's id.
    pub fn id(&self) -> &str {
        &self.document.id
    }

    /// The clean text every span points into.
    pub fn text(&self) -> &str {
        &self.document.text
    }

    /// True when the document could not be read at all.
    pub fn is_failure(&self) -> bool {
        !self.errors.is_empty() && self.document.text.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_fields_keep_their_order() {
        let doc = CodedDocument::from_document(Document {
            id: "a".into(),
            text: "t".into(),
            ..Default::default()
        });
        let json = serde_json::to_string(&doc).unwrap();
        let keys: Vec<&str> = [
            "\"id\"",
            "\"url\"",
            "\"title\"",
            "\"site\"",
            "\"byline\"",
            "\"published\"",
            "\"language\"",
            "\"text\"",
            "\"actors\"",
            "\"events\"",
            "\"quotes\"",
            "\"times\"",
            "\"errors\"",
        ]
        .to_vec();
        let positions: Vec<usize> = keys.iter().map(|k| json.find(k).unwrap()).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{json}");
    }

    #[test]
    fn failed_document_has_contract_shape() {
        let doc = CodedDocument::failed("x.txt", vec!["intake: empty input".into()]);
        let v: serde_json::Value = serde_json::to_value(&doc).unwrap();
        for key in [
            "id",
            "url",
            "title",
            "site",
            "published",
            "language",
            "text",
            "actors",
            "events",
            "quotes",
            "times",
            "errors",
        ] {
            assert!(v.get(key).is_some(), "missing {key}");
        }
        assert_eq!(v["errors"][0], "intake: empty input");
        assert_eq!(v["events"].as_array().unwrap().len(), 0);
        assert!(doc.is_failure());
    }

    #[test]
    fn mention_flattens_actor() {
        let m = Mention {
            text: "Putin".into(),
            span: Span::new(0, 5),
            actor: Actor {
                code: "RUSGOV".into(),
                name: Some("Vladimir Putin".into()),
                country: Some("RUS".into()),
                sector: Some("GOV".into()),
                kind: ActorKind::Person,
            },
        };
        let v = serde_json::to_value(&m).unwrap();
        assert_eq!(v["code"], "RUSGOV");
        assert_eq!(v["span"], serde_json::json!([0, 5]));
        assert_eq!(v["kind"], "person");
    }

    #[test]
    fn modes_serialise_lowercase() {
        assert_eq!(
            serde_json::to_string(&Some(Mode::Intended)).unwrap(),
            "\"intended\""
        );
        assert_eq!(serde_json::to_string(&None::<Mode>).unwrap(), "null");
        assert_eq!(Mode::Denied.as_str(), "denied");
    }
}
