//! What every annotator reads: the text, its tokens and sentences, the lexicon and the date,
//! with small helpers for looking at words.

use dyad_lexicon::Lexicon;
use dyad_model::{Span, TokenKind};
use dyad_nlp::Analysis;
use jiff::civil::Date;

/// Determiners and possessives that may open a noun phrase.
pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those",
];

/// Prepositions after which a name is not the subject of a clause. Words that also open
/// clauses ("after the two leaders held talks") are left out.
pub(crate) const PREPOSITIONS: &[&str] = &[
    "of", "in", "with", "for", "to", "from", "by", "on", "at", "about", "between", "against",
    "into", "over", "under", "during", "toward", "towards", "among", "amid", "near", "across",
    "through", "via", "than", "like", "without", "within", "upon", "inside", "outside", "around",
    "beside", "behind", "despite",
];

/// Prepositions of place: a capital after them is where, not who.
pub(crate) const LOCATIVES: &[&str] = &[
    "in",
    "at",
    "from",
    "near",
    "to",
    "into",
    "outside",
    "inside",
    "across",
    "via",
    "around",
    "throughout",
    "toward",
    "towards",
];

/// The shared view of one document that annotators work on.
pub struct Context<'a> {
    pub text: &'a str,
    pub analysis: &'a Analysis<'a>,
    pub lexicon: &'a Lexicon,
    /// The document's publication date, when known to the day.
    pub date: Option<Date>,
    /// Every token's normalised form, end to end in one buffer (one allocation per
    /// document, not per token), and where each ends in it.
    lower: String,
    lower_ends: Vec<usize>,
    sentence_of: Vec<usize>,
    in_quote: Vec<bool>,
    /// Each sentence's tags, tagged when first asked for (`None` without a model).
    tags: Vec<std::cell::OnceCell<Option<dyad_nlp::Tagged>>>,
}

impl<'a> Context<'a> {
    pub fn new(
        text: &'a str,
        analysis: &'a Analysis<'a>,
        lexicon: &'a Lexicon,
        date: Option<Date>,
    ) -> Self {
        let mut lower = String::with_capacity(text.len());
        let mut lower_ends = Vec::with_capacity(analysis.tokens.len());
        for t in &analysis.tokens {
            let w = t.span.slice(text).unwrap_or("");
            let start = lower.len();
            if w.is_ascii() {
                lower.push_str(w);
                lower[start..].make_ascii_lowercase();
            } else {
                lower.push_str(&normalise(w));
            }
            lower_ends.push(lower.len());
        }
        let mut sentence_of = vec![0; analysis.tokens.len()];
        for (i, s) in analysis.sentences.iter().enumerate() {
            for t in s.tokens.clone() {
                sentence_of[t] = i;
            }
        }
        let in_quote = quote_regions(text, analysis);
        Context {
            text,
            analysis,
            lexicon,
            date,
            lower,
            lower_ends,
            sentence_of,
            in_quote,
            tags: (0..analysis.sentences.len())
                .map(|_| std::cell::OnceCell::new())
                .collect(),
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.analysis.tokens.len()
    }

    /// True when the document has no tokens.
    pub fn is_empty(&self) -> bool {
        self.analysis.tokens.is_empty()
    }

    /// A token's text as written.
    pub fn word(&self, i: usize) -> &'a str {
        self.analysis
            .tokens
            .get(i)
            .and_then(|t| t.span.slice(self.text))
            .unwrap_or("")
    }

    /// A token's text in lower case with typographic apostrophes made straight.
    pub fn lower(&self, i: usize) -> &str {
        let Some(&end) = self.lower_ends.get(i) else {
            return "";
        };
        let start = i.checked_sub(1).map_or(0, |j| self.lower_ends[j]);
        &self.lower[start..end]
    }

    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.analysis.tokens.get(i).map(|t| t.kind)
    }

    pub fn span(&self, i: usize) -> Span {
        self.analysis.tokens[i].span
    }

    /// The span from the start of token `a` to the end of token `b - 1`.
    pub fn span_of(&self, a: usize, b: usize) -> Span {
        Span::new(self.span(a).start, self.span(b.max(a + 1) - 1).end)
    }

    /// The text of tokens `a..b`, as written.
    pub fn text_of(&self, a: usize, b: usize) -> &'a str {
        self.span_of(a, b).slice(self.text).unwrap_or("")
    }

    /// The lower-case words `a..b` joined by single spaces.
    pub fn phrase(&self, a: usize, b: usize) -> String {
        let mut out = String::with_capacity(32);
        self.phrase_into(a, b, &mut out);
        out
    }

    /// [`Context::phrase`] written into `out` (emptied first), for loops that try a phrase
    /// at every token and should not allocate for each.
    pub fn phrase_into(&self, a: usize, b: usize, out: &mut String) {
        out.clear();
        for i in a..b.min(self.len()) {
            if i > a {
                out.push(' ');
            }
            out.push_str(self.lower(i));
        }
    }

    /// The sentence a token belongs to.
    pub fn sentence_of(&self, token: usize) -> usize {
        self.sentence_of.get(token).copied().unwrap_or(0)
    }

    /// Token range of sentence `s`.
    pub fn sentence_tokens(&self, s: usize) -> std::ops::Range<usize> {
        self.analysis.sentences[s].tokens.clone()
    }

    /// True when the token lies inside quotation marks.
    pub fn in_quote(&self, token: usize) -> bool {
        self.in_quote.get(token).copied().unwrap_or(false)
    }

    /// The first token whose span starts at or after `byte`.
    pub fn token_at(&self, byte: usize) -> usize {
        self.analysis.tokens.partition_point(|t| t.span.end <= byte)
    }

    /// The token's Universal POS tag from the built-in tagger (the token's sentence is
    /// tagged the first time one of its tokens is asked about); `None` without a model.
    pub fn upos(&self, i: usize) -> Option<&'static str> {
        let s = self.sentence_of(i);
        let start = self.analysis.sentences.get(s)?.tokens.start;
        let model = dyad_nlp::Model::builtin().ok()?;
        model.upos_of(self.tagged(s)?, i.checked_sub(start)?)
    }

    /// Sentence `s`'s tags, made the first time they are asked for.
    pub fn tagged(&self, s: usize) -> Option<&dyad_nlp::Tagged> {
        let range = self.analysis.sentences.get(s)?.tokens.clone();
        self.tags
            .get(s)?
            .get_or_init(|| {
                let model = dyad_nlp::Model::builtin().ok()?;
                let words: Vec<&str> = range.map(|t| self.word(t)).collect();
                Some(model.tagged(&words))
            })
            .as_ref()
    }

    /// True when the token starts with a capital letter.
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.word(i).chars().next().is_some_and(char::is_uppercase)
    }
}

/// Lower case, with curly apostrophes straightened so rules see one form.
pub(crate) fn normalise(s: &str) -> String {
    let lower = s.to_lowercase();
    if lower.contains('’') {
        lower.replace('’', "'")
    } else {
        lower
    }
}

/// Which tokens are inside quotation marks. Curly quotes open and close explicitly;
/// straight double quotes alternate within a paragraph.
fn quote_regions(text: &str, analysis: &Analysis) -> Vec<bool> {
    let mut inside = vec![false; analysis.tokens.len()];
    let mut open = false;
    let mut last_end = 0;
    for (i, t) in analysis.tokens.iter().enumerate() {
        // A paragraph break closes any quote left open.
        if text
            .get(last_end..t.span.start)
            .is_some_and(|g| g.contains("\n\n"))
        {
            open = false;
        }
        last_end = t.span.end;
        let w = t.span.slice(text).unwrap_or("");
        match w {
            "“" | "«" | "„" => open = true,
            "”" | "»" => open = false,
            "\"" => open = !open,
            _ => inside[i] = open,
        }
    }
    inside
}
