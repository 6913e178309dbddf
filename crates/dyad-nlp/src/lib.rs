//! Sentence and token analysis for news text.
//!
//! Every token and sentence is a [`Span`] of byte offsets into the text it was cut from, so
//! later stages can point at their evidence exactly. The tokenizer knows what news throws at
//! it: abbreviations (`U.S.`, `Sen.`, `Jan.`), initials, curly and straight quotes, clitics
//! (`Xi’s` is `Xi` + `’s`, `don't` is `do` + `n't`), hyphenated compounds, numbers with
//! separators, ellipses and dashes. The sentence splitter works on tokens and on line
//! structure: paragraph breaks always end a sentence, as do headings on a line of their own.
//!
//! On top of tokens, [`Model`] tags each word with Universal and Penn Treebank parts of
//! speech, gives its lemma and parses the sentence into Universal Dependencies
//! ([`Tree`]): an averaged-perceptron tagger and a greedy arc-eager parser trained with a
//! dynamic oracle, all in this crate, trained on UD English EWT by `dyad train` and built
//! into the binary (`models/en-ewt.dyad`, see `models/README.md`). [`conllu`] reads and
//! writes the treebank format.
//!
//! ```
//! let a = dyad_nlp::analyse("Putin met Xi in Beijing. They held talks on the U.S. economy.");
//! assert_eq!(a.sentences.len(), 2);
//! let words: Vec<&str> = a.sentence_tokens(1).map(|t| a.text_of(t)).collect();
//! assert_eq!(words, ["They", "held", "talks", "on", "the", "U.S.", "economy", "."]);
//! ```

pub mod conllu;
mod lemma;
mod model;
mod parser;
pub mod perceptron;
mod sentences;
mod table;
mod tagger;
mod tokens;
mod tree;
mod wordclass;

pub use dyad_model::{Sentence, Span, Token, TokenKind};
pub use lemma::Lemmatizer;
pub use model::{Model, ModelError, Tagged, TrainEvent, TrainOptions};
pub use parser::Parser;
pub use sentences::split_sentences;
pub use tagger::{Tagger, normalise};
pub use tokens::{is_opening_quote, tokenize};
pub use tree::Tree;
pub use wordclass::{WordClasses, WordNetError};

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

impl<'t> Analysis<'t> {
    /// Tag and parse sentence `i` with `model`.
    pub fn parse<'m>(&self, model: &'m Model, i: usize) -> Tree<'m> {
        let forms: Vec<&str> = self.sentence_tokens(i).map(|t| self.text_of(t)).collect();
        model.annotate(&forms)
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
