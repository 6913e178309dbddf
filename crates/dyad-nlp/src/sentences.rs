//! The sentence splitter: token runs cut at terminal punctuation and at line structure.
//!
//! A sentence ends
//! - at a blank line (a paragraph break), always;
//! - at a single line break, unless the next line starts in lower case (hard-wrapped text);
//! - after `.`, `!`, `?` or an ellipsis (with any closing quotes and brackets that follow),
//!   when the next token starts a sentence: a capital, a digit or an opening quote;
//! - after an abbreviation such as `U.S.` only when the next word is a typical sentence opener
//!   (`The`, `He`, `But`, ...), never after a title (`Mr.`, `Sen.`, `Jan.`).

use dyad_model::{Sentence, Span, Token, TokenKind};

use crate::tokens::TITLE_ABBREVIATIONS;

/// Words that start sentences and rarely follow an abbreviation inside one.
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "In",
    "On",
    "At",
    "For",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "However",
    "Meanwhile",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "If",
    "According",
];

fn starts_upper_or_digit(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

fn is_closer(s: &str) -> bool {
    matches!(s, "”" | "\"" | "’" | "'" | ")" | "]" | "»" | "›")
}

/// Split a token stream into sentences.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let tok = |i: usize| tokens[i].span.slice(text).unwrap_or("");
    let mut i = 0;
    while i < tokens.len() {
        let mut end_here = false;
        let mut last = i;
        let t = tok(i);
        if matches!(t, "." | "!" | "?" | "..." | "…") || t.ends_with('.') && t.len() > 1 {
            // Absorb closing quotes and brackets.
            while last + 1 < tokens.len()
                && is_closer(tok(last + 1))
                && gap(text, tokens, last).is_empty()
            {
                last += 1;
            }
            if last + 1 < tokens.len() {
                let next = tok(last + 1);
                let opens = starts_upper_or_digit(next)
                    || tokens[last + 1].kind == TokenKind::Quote
                    || next == "(";
                end_here = if t.len() > 1 && t.ends_with('.') && t != "..." {
                    // An abbreviation with its dot.
                    !TITLE_ABBREVIATIONS.contains(&t) && OPENERS.contains(&next)
                } else {
                    opens
                };
            }
        }
        if !end_here && last + 1 < tokens.len() {
            let g = gap(text, tokens, last);
            let newlines = g.matches('\n').count();
            if newlines >= 2 || (newlines == 1 && !starts_lower(tok(last + 1))) {
                end_here = true;
            }
        }
        if end_here || last + 1 == tokens.len() {
            sentences.push(Sentence {
                span: Span::new(tokens[start].span.start, tokens[last].span.end),
                tokens: start..last + 1,
            });
            start = last + 1;
        }
        i = last + 1;
    }
    sentences
}

/// The text between token `i` and token `i + 1`.
fn gap<'t>(text: &'t str, tokens: &[Token], i: usize) -> &'t str {
    match tokens.get(i + 1) {
        Some(next) => text.get(tokens[i].span.end..next.span.start).unwrap_or(""),
        None => "",
    }
}

#[cfg(test)]
mod tests {
    use crate::analyse;

    fn sents(text: &str) -> Vec<&str> {
        let a = analyse(text);
        a.sentences
            .iter()
            .map(|s| s.span.slice(text).unwrap())
            .collect()
    }

    #[test]
    fn terminal_punctuation() {
        assert_eq!(
            sents("Putin met Xi. They talked! Did they agree? Yes."),
            ["Putin met Xi.", "They talked!", "Did they agree?", "Yes."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sents("“China knows how to do it.” The president said so."),
            ["“China knows how to do it.”", "The president said so."]
        );
        assert_eq!(
            sents("“I am happy,” Putin said. “Me too,” Xi replied."),
            ["“I am happy,” Putin said.", "“Me too,” Xi replied."]
        );
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sents("Sen. Smith met Gen. Lee in the U.S. capital on Jan. 5. The talks ended."),
            [
                "Sen. Smith met Gen. Lee in the U.S. capital on Jan. 5.",
                "The talks ended."
            ]
        );
        assert_eq!(
            sents("It was sent to the U.S. The reply came."),
            ["It was sent to the U.S.", "The reply came."]
        );
    }

    #[test]
    fn line_structure() {
        assert_eq!(
            sents("Trade increase\n\nAt the summit, Xi spoke.\nHe left"),
            ["Trade increase", "At the summit, Xi spoke.", "He left"]
        );
        assert_eq!(
            sents("a line that is\nwrapped in the middle."),
            ["a line that is\nwrapped in the middle."]
        );
    }

    #[test]
    fn lowercase_after_dot_does_not_split() {
        assert_eq!(
            sents("the end of the meeting. on."),
            ["the end of the meeting. on."]
        );
    }

    #[test]
    fn empty_text() {
        assert!(sents("").is_empty());
        assert!(sents("  \n ").is_empty());
    }
}
