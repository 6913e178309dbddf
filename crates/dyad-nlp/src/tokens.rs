//! The tokenizer: text to word, number, quote and punctuation tokens with byte spans.

use dyad_model::{Span, Token, TokenKind};

/// Abbreviations that keep their final dot. Case-sensitive, as written in news.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Sens", "Rep", "Reps", "Gov", "Gen", "Lt", "Col",
    "Maj", "Capt", "Sgt", "Adm", "Cmdr", "Cpl", "Pres", "St", "Ste", "Jr", "Sr", "Rev", "Hon",
    "Amb", "Messrs", "Inc", "Corp", "Ltd", "Co", "Bros", "Plc", "vs", "etc", "approx", "Jan",
    "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "Nos",
    "Fig", "Vol", "pp", "Mt", "Ft", "Dept", "Univ", "Ave", "Blvd", "Rd", "est", "cf",
];

/// Abbreviations that introduce a name and so never end a sentence.
pub(crate) const TITLE_ABBREVIATIONS: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sen.", "Sens.", "Rep.", "Reps.", "Gov.", "Gen.", "Lt.",
    "Col.", "Maj.", "Capt.", "Sgt.", "Adm.", "Cmdr.", "Cpl.", "Pres.", "St.", "Rev.", "Hon.",
    "Amb.", "Messrs.", "No.", "Nos.", "Mt.", "Ft.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.",
    "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "vs.", "cf.",
];

/// English clitics split from their host word (`Xi’s`, `I’m`, `they’re`, `we’ll`).
const CLITICS: &[&str] = &[
    "s", "m", "re", "ve", "ll", "d", "S", "M", "RE", "VE", "LL", "D",
];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '‘' | '’' | '\'' | '‹' | '›' | '‚' | '`'
    )
}

/// True for quotation marks that can only open a quote. Straight quotes are ambiguous and
/// return false; callers decide them by position.
pub fn is_opening_quote(s: &str) -> bool {
    matches!(s, "“" | "„" | "«" | "‘" | "‹" | "‚")
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF)
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Length in bytes of the clitic starting at `i` (an apostrophe plus `s`, `re`, ...), if any.
fn clitic_len(text: &str, i: usize) -> Option<usize> {
    let c = char_at(text, i)?;
    if !is_apostrophe(c) {
        return None;
    }
    let rest = &text[i + c.len_utf8()..];
    let letters: usize = rest
        .char_indices()
        .find(|&(_, ch)| !ch.is_alphabetic())
        .map(|(j, _)| j)
        .unwrap_or(rest.len());
    if letters == 0 {
        return None;
    }
    CLITICS
        .contains(&&rest[..letters])
        .then_some(c.len_utf8() + letters)
}

/// Split `text` into tokens. Whitespace is dropped; every other byte belongs to one token.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        if c.is_whitespace() || c.is_control() || c == '\u{feff}' {
            i += c.len_utf8();
            continue;
        }
        if is_word_char(c) {
            i = word(text, i, &mut tokens);
            continue;
        }
        // A clitic right after a word: `’s`, `’re`.
        if let Some(len) = clitic_len(text, i).filter(|_| ends_word(&tokens, i)) {
            tokens.push(Token {
                span: Span::new(i, i + len),
                kind: TokenKind::Word,
            });
            i += len;
            continue;
        }
        let (len, kind) = if text[i..].starts_with("...") {
            (3, TokenKind::Punct)
        } else if text[i..].starts_with("--") {
            (2, TokenKind::Punct)
        } else if is_apostrophe(c) && possessive_plural(text, &tokens, i) {
            (c.len_utf8(), TokenKind::Word)
        } else if is_quote_char(c) {
            (c.len_utf8(), TokenKind::Quote)
        } else {
            (c.len_utf8(), TokenKind::Punct)
        };
        tokens.push(Token {
            span: Span::new(i, i + len),
            kind,
        });
        i += len;
    }
    tokens
}

/// True when the last token is a word ending exactly at `i`.
fn ends_word(tokens: &[Token], i: usize) -> bool {
    tokens
        .last()
        .is_some_and(|t| t.span.end == i && t.kind == TokenKind::Word)
}

/// `countries’ leaders`: an apostrophe after a plural in -s, followed by a space.
fn possessive_plural(text: &str, tokens: &[Token], i: usize) -> bool {
    ends_word(tokens, i)
        && text[..i].ends_with('s')
        && char_at(text, i + 1).is_none_or(|c| c == ' ')
        && text[i..].chars().nth(1).is_none_or(|c| c == ' ')
}

/// Consume one word or number starting at `start`; push its token(s); return the new position.
fn word(text: &str, start: usize, tokens: &mut Vec<Token>) -> usize {
    let first = char_at(text, start).unwrap_or(' ');
    let numeric = first.is_ascii_digit();
    let mut end = start;
    while let Some(c) = char_at(text, end) {
        if is_word_char(c) {
            end += c.len_utf8();
            continue;
        }
        let next = char_at(text, end + c.len_utf8());
        let next_is_word = next.is_some_and(is_word_char);
        // Hyphenated compounds: face-to-face, Russia-China, COVID-19.
        if (c == '-' || c == '‑') && next_is_word {
            end += c.len_utf8();
            continue;
        }
        // Number separators: 1,000.5 and 10:30.
        if numeric && matches!(c, ',' | '.' | ':') && next.is_some_and(|n| n.is_ascii_digit()) {
            end += 1;
            continue;
        }
        // Inner apostrophes that are not clitics: O'Brien, rock'n'roll.
        if is_apostrophe(c) && next_is_word && clitic_len(text, end).is_none() {
            let n_t = text[end + c.len_utf8()..].starts_with('t')
                && text[..end].ends_with('n')
                && !char_at(text, end + c.len_utf8() + 1).is_some_and(char::is_alphabetic);
            if !n_t {
                end += c.len_utf8();
                continue;
            }
        }
        break;
    }
    let kind = if numeric {
        TokenKind::Number
    } else {
        TokenKind::Word
    };

    // don't -> do + n't
    if let Some(c) = char_at(text, end)
        && is_apostrophe(c)
        && !numeric
        && end > start + 1
        && text[..end].ends_with('n')
        && text[end + c.len_utf8()..].starts_with('t')
        && !char_at(text, end + c.len_utf8() + 1).is_some_and(char::is_alphabetic)
    {
        let split = end - 1;
        tokens.push(Token {
            span: Span::new(start, split),
            kind,
        });
        let nt_end = end + c.len_utf8() + 1;
        tokens.push(Token {
            span: Span::new(split, nt_end),
            kind: TokenKind::Word,
        });
        return nt_end;
    }

    // Dots that belong to the word: acronyms (U.S., e.g.), initials (J.), abbreviations (Sen.).
    if !numeric && char_at(text, end) == Some('.') {
        let w = &text[start..end];
        if w.chars().count() == 1 {
            // Single letter then dot: an initial or the start of an acronym.
            let mut e = end + 1;
            loop {
                let mut it = text[e..].chars();
                match (it.next(), it.next()) {
                    (Some(l), Some('.')) if l.is_alphabetic() => e += l.len_utf8() + 1,
                    _ => break,
                }
            }
            let letters_only = w.chars().all(char::is_alphabetic);
            if letters_only && (e > end + 1 || first.is_uppercase()) {
                end = e;
            }
        } else if ABBREVIATIONS.contains(&w) {
            end += 1;
        }
    }
    tokens.push(Token {
        span: Span::new(start, end),
        kind,
    });
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| t.span.slice(text).unwrap())
            .collect()
    }

    #[test]
    fn words_and_punctuation() {
        assert_eq!(
            toks("Putin met Xi, then left."),
            ["Putin", "met", "Xi", ",", "then", "left", "."]
        );
    }

    #[test]
    fn abbreviations_and_acronyms() {
        assert_eq!(
            toks("Sen. Smith visited the U.S. and U.K. on Jan. 5."),
            [
                "Sen.", "Smith", "visited", "the", "U.S.", "and", "U.K.", "on", "Jan.", "5", "."
            ]
        );
        assert_eq!(toks("J. R. Smith"), ["J.", "R.", "Smith"]);
        assert_eq!(toks("e.g. this"), ["e.g.", "this"]);
        assert_eq!(toks("the end."), ["the", "end", "."]);
    }

    #[test]
    fn clitics() {
        assert_eq!(toks("Xi’s support"), ["Xi", "’s", "support"]);
        assert_eq!(
            toks("I'm sure they don't"),
            ["I", "'m", "sure", "they", "do", "n't"]
        );
        assert_eq!(toks("can’t stop"), ["ca", "n’t", "stop"]);
        assert_eq!(toks("O'Brien said"), ["O'Brien", "said"]);
        assert_eq!(
            toks("the countries’ leaders"),
            ["the", "countries", "’", "leaders"]
        );
    }

    #[test]
    fn quotes_numbers_compounds() {
        let text = "“Dear friends,” he said of face-to-face talks worth $1,000.50 in 2021.";
        assert_eq!(
            toks(text),
            [
                "“",
                "Dear",
                "friends",
                ",",
                "”",
                "he",
                "said",
                "of",
                "face-to-face",
                "talks",
                "worth",
                "$",
                "1,000.50",
                "in",
                "2021",
                "."
            ]
        );
        let kinds: Vec<TokenKind> = tokenize(text).iter().map(|t| t.kind).collect();
        assert_eq!(kinds[0], TokenKind::Quote);
        assert_eq!(kinds[12], TokenKind::Number);
    }

    #[test]
    fn ellipsis_and_dashes() {
        assert_eq!(
            toks("wait... now -- go — on"),
            ["wait", "...", "now", "--", "go", "—", "on"]
        );
    }

    #[test]
    fn spans_cover_text_without_whitespace() {
        let text = "  Mixed: ünïcödé, 中国 and Россия!\n";
        let tokens = tokenize(text);
        let joined: String = tokens.iter().map(|t| t.span.slice(text).unwrap()).collect();
        let expected: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(joined, expected);
        for w in tokens.windows(2) {
            assert!(w[0].span.end <= w[1].span.start);
        }
    }
}
