//! Sentence and token analysis for news text.
//!
//! Every token and sentence is a [`Span`] of byte offsets into the text it was cut from, so
//! later stages can point at their evidence exactly. The tokenizer knows what news throws at
//! it: abbreviations (`U.S.`, `Sen.`, `Jan.`), initials, curly and straight quotes, clitics
//! (`Xi’s` is `Xi` + `’s`, `don't` is `do` + `n't`), hyphenated compounds, numbers with
//! separators, ellipses and dashes. The sentence splitter works on tokens and on line
//! structure: paragraph breaks always end a sentence, as do headings on a line of their own.
//!
//! This is the first stage of dyad's NLP; tags, lemmas and dependency parses are added on
//! the same [`Token`]s by later work.
//!
//! ```
//! let a = dyad_nlp::analyse("Putin met Xi in Beijing. They held talks on the U.S. economy.");
//! assert_eq!(a.sentences.len(), 2);
//! let words: Vec<&str> = a.sentence_tokens(1).map(|t| a.text_of(t)).collect();
//! assert_eq!(words, ["They", "held", "talks", "on", "the", "U.S.", "economy", "."]);
//! ```

mod sentences;
mod tokens;

pub use dyad_model::{Sentence, Span, Token, TokenKind};
pub use sentences::split_sentences;
pub use tokens::{is_opening_quote, tokenize};

/// The analysis of one text: its tokens and sentences.
#[derive(Clone, Debug)]
pub struct Analysis<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

impl<'t> Analysis<'t> {
    /// The text of a token.
    pub fn text_of(&self, token: &Token) -> &'t str {
        token.span.slice(self.text).unwrap_or("")
    }

    /// The tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> impl Iterator<Item = &Token> {
        self.sentences
            .get(i)
            .map(|s| &self.tokens[s.tokens.clone()])
            .unwrap_or(&[])
            .iter()
    }
}

/// Tokenize `text` and split it into sentences.
pub fn analyse(text: &str) -> Analysis<'_> {
    let tokens = tokenize(text);
    let sentences = split_sentences(text, &tokens);
    Analysis {
        text,
        tokens,
        sentences,
    }
}
