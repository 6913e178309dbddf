//! A document as intake hands it on, and the sentence and token views the NLP stage adds.

use serde::Serialize;

use crate::{DateValue, Span};

/// One article: clean text plus what is known about it.
///
/// `text` is the clean article body; every span anywhere in dyad points into it.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Document {
    /// The input's id: the path as given, a JSONL `id`, a WARC-Record-ID, or a content hash.
    pub id: String,
    pub url: Option<String>,
    /// Headline, without site suffixes such as `| World | DW`.
    pub title: Option<String>,
    /// Site or outlet name, when the page or title line gives it.
    pub site: Option<String>,
    /// Author or agency byline, when found (`rml(efe, afp, ap)`, `By Jane Doe`).
    pub byline: Option<String>,
    pub published: Option<DateValue>,
    /// ISO 639-1 language code, when known.
    pub language: Option<String>,
    pub text: String,
}

impl Document {
    /// The text a span covers, or the empty string for a span that does not fit.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text).unwrap_or("")
    }
}

/// What a token is made of, as the tokenizer sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or dots (`don't`, `U.S.`, `face-to-face`).
    Word,
    /// Digits, possibly with separators (`100`, `1,000.5`, `21st`).
    Number,
    /// An opening or closing quotation mark of any style.
    Quote,
    /// Any other punctuation or symbol.
    Punct,
}

/// One token: a span of the text and its kind. Later stages may add tags.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// One sentence: its span and the range of its tokens in the document's token list.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Sentence {
    pub span: Span,
    pub tokens: std::ops::Range<usize>,
}
