//! Quotes: direct quotations and who said them.
//!
//! A quotation is the text between matching quotation marks (curly, guillemets, or straight
//! quotes paired within a paragraph). Its attribution is looked for
//! - after it, in the same sentence: `“…,” Putin said`, `“…,” said the Kremlin chief`,
//!   `“…,” he pointed out`;
//! - before it: `Xi indicated … that he was “…”`, `Putin said: “…”`.
//!
//! The speaker is the actor mention next to the cue word; a pronoun is resolved to the last
//! person named before the quote. When both are there ("China's president said that … “…,”
//! Kremlin adviser Yuri Ushakov said"), the words are the first speaker's and the second
//! only relays them (`via`). Short quoted phrases with no attribution (scare quotes
//! such as “in depth”) are not reported.

use dyad_model::{ActorKind, Mention, Quote, QuoteKind, Span};

use crate::actors::{Found, governing_preposition};
use crate::context::Context;

/// Verbs and phrases that attribute speech, in lower case, one or two words.
const CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "replied",
    "replies",
    "stressed",
    "stresses",
    "added",
    "adds",
    "told",
    "tells",
    "noted",
    "notes",
    "pointed out",
    "points out",
    "asked",
    "asks",
    "insisted",
    "insists",
    "warned",
    "warns",
    "declared",
    "declares",
    "explained",
    "explains",
    "wrote",
    "writes",
    "recalled",
    "recalls",
    "emphasized",
    "emphasised",
    "emphasizes",
    "emphasises",
    "indicated",
    "indicates",
    "announced",
    "announces",
    "continued",
    "concluded",
    "remarked",
    "argued",
    "argues",
    "claimed",
    "claims",
    "stated",
    "states",
    "urged",
    "urges",
    "vowed",
    "vows",
    "acknowledged",
    "admitted",
    "answered",
    "commented",
    "according to",
    "expressed",
    "saying",
    "condemned",
    "condemns",
    "criticised",
    "criticized",
    "denounced",
    "described",
    "describes",
    "called",
    "labelled",
    "labeled",
    "branded",
    "thanked",
    "praised",
    "expresses",
    "posted",
    "tweeted",
    "quoted",
    "underlined",
    "underscored",
    "affirmed",
    "assured",
];

/// Quoted passages shorter than this, with no attribution, are scare quotes.
const MIN_UNATTRIBUTED_WORDS: usize = 6;

/// Find the quotations in a document and their speakers: direct ones in quotation marks,
/// then reported speech ("X said (that) …", "according to X, …") in sentences without them.
pub fn find(cx: &Context, actors: &[Found]) -> Vec<Quote> {
    let mut quotes: Vec<Quote> = Vec::new();
    let mut quoted_sentences = std::collections::BTreeSet::new();
    let mut runs_on_from: Vec<usize> = Vec::new();
    for QuoteMarks {
        open,
        close,
        end,
        runs_on,
    } in quotation_marks(cx)
    {
        if close <= open + usize::from(!runs_on) {
            continue;
        }
        let span = Span::new(cx.span(open).end, end);
        let Some(text) = span.slice(cx.text) else {
            continue;
        };
        let words = (open + 1..close)
            .filter(|&i| cx.kind(i) == Some(dyad_model::TokenKind::Word))
            .count();
        let after = if runs_on {
            None
        } else {
            after(cx, actors, close)
        };
        let before = before(cx, actors, open);
        // "X said that … “…,” Y said": X's words, relayed by Y.
        let (mut attribution, via) = match (before, after) {
            (Some(b), Some(a)) if b.0.is_some() && a.0.is_some() && b.0 != a.0 => (Some(b), a.0),
            (b, a) => (a.or(b), None),
        };
        // A quotation opening its sentence with no attribution continues the last speaker:
        // `“…,” said the Kremlin chief. “…”` and quotes in a paragraph of their own.
        let opens_sentence = cx.sentence_tokens(cx.sentence_of(open)).start == open;
        if attribution.is_none()
            && opens_sentence
            && words >= MIN_UNATTRIBUTED_WORDS
            && let Some(last) = quotes
                .last()
                .filter(|q| q.kind == QuoteKind::Direct && q.speaker.is_some())
        {
            attribution = Some((last.speaker.clone(), None));
        }
        if attribution.is_none() && words < MIN_UNATTRIBUTED_WORDS {
            continue;
        }
        for t in open..=close {
            quoted_sentences.insert(cx.sentence_of(t));
        }
        let (speaker, cue) = attribution.unwrap_or((None, None));
        // The paragraphs of a running quotation share the speaker named at its end.
        if !runs_on && speaker.is_some() {
            for k in runs_on_from.drain(..) {
                let q: &mut Quote = &mut quotes[k];
                if q.speaker.is_none() {
                    q.speaker.clone_from(&speaker);
                    q.cue.clone_from(&cue);
                }
            }
        }
        if runs_on {
            runs_on_from.push(quotes.len());
        } else {
            runs_on_from.clear();
        }
        quotes.push(Quote {
            text: text.to_string(),
            span,
            kind: QuoteKind::Direct,
            speaker,
            cue,
            via,
        });
    }
    for s in 0..cx.analysis.sentences.len() {
        if !quoted_sentences.contains(&s)
            && let Some(q) = reported(cx, actors, s)
        {
            quotes.push(q);
        }
    }
    quotes.sort_by_key(|q| q.span.start);
    quotes
}

/// Verbs of reported speech that take a clause: "X said (that) …".
const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stressed",
    "insisted",
    "warned",
    "argued",
    "claimed",
    "stated",
    "declared",
    "explained",
    "emphasised",
    "emphasized",
    "pointed out",
];
/// Verbs that report speech only with "that" ("announced that …", not "announced a boycott").
const REPORTING_THAT: &[&str] = &[
    "announced",
    "noted",
    "confirmed",
    "acknowledged",
    "admitted",
    "indicated",
    "recalled",
];

/// Reported speech in sentence `s`: "X said (that) CONTENT" or "According to X, CONTENT".
/// The speaker must be an actor; the content is the clause after the cue (and "that").
fn reported(cx: &Context, actors: &[Found], s: usize) -> Option<Quote> {
    let range = cx.sentence_tokens(s);
    let last = range.end - 1;
    let content_end = if cx.kind(last) == Some(dyad_model::TokenKind::Punct) {
        last
    } else {
        range.end
    };
    // According to X, CONTENT
    if cx.phrase(range.start, range.start + 2) == "according to"
        && let Some(speaker) = between(actors, range.start + 2, range.start + 4).first()
        && cx.lower(speaker.end) == ","
        && speaker.end + 1 < content_end
    {
        return Some(reported_quote(
            cx,
            speaker,
            "According to",
            speaker.end + 1,
            content_end,
        ));
    }
    // X [adverb] CUE [object] [that] CONTENT
    let mut p = String::new();
    for t in range.clone() {
        let Some(k) = [2, 1].into_iter().find(|&k| {
            cx.phrase_into(t, t + k, &mut p);
            REPORTING.contains(&p.as_str())
                || (REPORTING_THAT.contains(&p.as_str()) && cx.lower(t + k) == "that")
        }) else {
            continue;
        };
        // "is announced", "was told": passive, not the subject speaking.
        if t > 0
            && matches!(
                cx.lower(t - 1),
                "is" | "was" | "were" | "are" | "been" | "be"
            )
        {
            continue;
        }
        let subject = between(actors, range.start, t).iter().rev().find(|f| {
            f.end + 1 >= t && f.end <= t && governing_preposition(cx, f.first).is_none()
        })?;
        let mut c = t + k;
        // "told reporters that", "told the BBC that"
        if cx.lower(t) == "told" {
            while c < content_end && c < t + 5 && cx.lower(c) != "that" {
                c += 1;
            }
        }
        if cx.lower(c) == "that" {
            c += 1;
        }
        if c + 2 >= content_end || matches!(cx.lower(c), "," | "." | "on" | "in" | "at") {
            return None;
        }
        let cue = cx.text_of(t, t + k).to_string();
        return Some(reported_quote(cx, subject, &cue, c, content_end));
    }
    None
}

fn reported_quote(cx: &Context, speaker: &Found, cue: &str, from: usize, to: usize) -> Quote {
    let span = cx.span_of(from, to);
    Quote {
        text: span.slice(cx.text).unwrap_or("").to_string(),
        span,
        kind: QuoteKind::Indirect,
        speaker: Some(speaker.mention.clone()),
        cue: Some(cue.to_string()),
        via: None,
    }
}

/// Pairs of (opening, closing) quotation-mark tokens.
fn quotation_marks(cx: &Context) -> Vec<QuoteMarks> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut last_end = 0;
    for i in 0..cx.len() {
        let sp = cx.span(i);
        if cx
            .text
            .get(last_end..sp.start)
            .is_some_and(|g| g.contains("\n\n"))
        {
            // A quotation that runs on into the next paragraph leaves its first paragraph
            // unclosed and opens the next one again (the news convention).
            if let Some(o) = open.take()
                && matches!(cx.word(i), "“" | "«" | "\"")
                && i > o + 1
            {
                out.push(QuoteMarks {
                    open: o,
                    close: i - 1,
                    end: cx.span(i - 1).end,
                    runs_on: true,
                });
            }
        }
        last_end = sp.end;
        match cx.word(i) {
            "“" | "«" | "„" => open = Some(i),
            "”" | "»" => {
                if let Some(o) = open.take() {
                    out.push(QuoteMarks {
                        open: o,
                        close: i,
                        end: sp.start,
                        runs_on: false,
                    });
                }
            }
            "\"" => match open.take() {
                Some(o) => out.push(QuoteMarks {
                    open: o,
                    close: i,
                    end: sp.start,
                    runs_on: false,
                }),
                None => open = Some(i),
            },
            _ => {}
        }
    }
    out
}

/// Where a quotation is: its opening mark, its closing mark (or the last token of a paragraph
/// it runs on from), and the byte where its words end.
struct QuoteMarks {
    open: usize,
    close: usize,
    end: usize,
    /// The quotation continues in the next paragraph.
    runs_on: bool,
}

/// A cue phrase starting at token `t`: its text and the token after it.
fn cue_at(cx: &Context, t: usize) -> Option<(String, usize)> {
    [2, 1].into_iter().find_map(|k| {
        let p = cx.phrase(t, t + k);
        CUES.contains(&p.as_str())
            .then(|| (cx.text_of(t, t + k).to_string(), t + k))
    })
}

type Attribution = (Option<Mention>, Option<String>);

/// `“…,” Putin said` / `“…,” said the Kremlin chief` / `“…,” he pointed out`.
fn after(cx: &Context, actors: &[Found], close: usize) -> Option<Attribution> {
    let s = cx.sentence_of(close);
    let end = cx.sentence_tokens(s).end;
    let mut j = close + 1;
    while j < end && cx.lower(j) == "," {
        j += 1;
    }
    if j >= end {
        return None;
    }
    // `“…,” said the Kremlin chief` / `“…,” he pointed out`
    if let Some((cue, after_cue)) = cue_at(cx, j) {
        let speaker = between(actors, after_cue, after_cue + 2)
            .first()
            .map(|f| f.mention.clone());
        return Some((speaker.or_else(|| last_person(actors, close)), Some(cue)));
    }
    // `“…,” Putin said` / `“…,” the Kremlin quoted Putin as saying` / `“…,” Xi later added`
    let speaker = between(actors, j, j + 2)
        .iter()
        .filter(|f| f.first <= j + 1)
        .max_by_key(|f| f.end)?;
    let mut t = speaker.end;
    if t < end && cx.lower(t).ends_with("ly") {
        t += 1;
    }
    let (cue, after_cue) = cue_at(cx, t)?;
    if cue.eq_ignore_ascii_case("quoted")
        && let Some(quoted) = between(actors, after_cue, after_cue + 2).first()
        && cx.lower(quoted.end) == "as"
    {
        return Some((Some(quoted.mention.clone()), Some(cue)));
    }
    Some((Some(speaker.mention.clone()), Some(cue)))
}

/// `Xi indicated … that he was “…”` / `Putin said: “…”`.
fn before(cx: &Context, actors: &[Found], open: usize) -> Option<Attribution> {
    let s = cx.sentence_of(open);
    let start = cx.sentence_tokens(s).start;
    let mut t = open;
    while t > start {
        t -= 1;
        if matches!(cx.word(t), "”" | "\"" | "»") {
            break;
        }
        if let Some((cue, _)) = cue_at(cx, t) {
            if cue.to_lowercase() == "according to" {
                // "according to Ushakov, …"; "according to a translation" names no speaker,
                // so look further back for a cue verb.
                if let Some(f) = between(actors, t + 2, t + 4).first() {
                    return Some((Some(f.mention.clone()), Some(cue)));
                }
                continue;
            }
            // The speaker is the clause's subject: the last person before the cue who is not
            // after a preposition, else the last such actor ("visit Beijing" is an object).
            let before_cue = between(actors, start, t);
            let subject = |f: &&Found| {
                f.end <= t && !f.in_compound && governing_preposition(cx, f.first).is_none()
            };
            let speaker = before_cue
                .iter()
                .rev()
                .filter(subject)
                .find(|f| f.mention.actor.kind == ActorKind::Person)
                .or_else(|| before_cue.iter().rev().find(subject))
                .map(|f| f.mention.clone());
            return Some((speaker, Some(cue)));
        }
    }
    None
}

/// The mentions that start in tokens `a..b` (`actors` is in text order).
fn between(actors: &[Found], a: usize, b: usize) -> &[Found] {
    let from = actors.partition_point(|f| f.first < a);
    let to = actors.partition_point(|f| f.first < b).max(from);
    &actors[from..to]
}

/// The last person named before token `t`, for a pronoun speaker with no mention of its own.
fn last_person(actors: &[Found], t: usize) -> Option<Mention> {
    between(actors, 0, t)
        .iter()
        .rev()
        .find(|f| f.end <= t && f.mention.actor.kind == ActorKind::Person)
        .map(|f| f.mention.clone())
}

#[cfg(test)]
mod tests {
    use dyad_lexicon::Lexicon;
    use dyad_model::QuoteKind;

    /// (quote, speaker text, speaker name, cue)
    type Row = (String, Option<String>, Option<String>, Option<String>);

    fn quotes(text: &str) -> Vec<Row> {
        let lex = Lexicon::builtin();
        crate::code_document(crate::test_document(text), &lex)
            .quotes
            .into_iter()
            .map(|q| {
                let sp = q.speaker.as_ref();
                (
                    q.text,
                    sp.map(|s| s.text.clone()),
                    sp.and_then(|s| s.actor.name.clone()),
                    q.cue,
                )
            })
            .collect()
    }

    fn q(
        t: &str,
        s: Option<&str>,
        n: Option<&str>,
        c: Option<&str>,
    ) -> (String, Option<String>, Option<String>, Option<String>) {
        (
            t.into(),
            s.map(Into::into),
            n.map(Into::into),
            c.map(Into::into),
        )
    }

    #[test]
    fn speaker_after_quote() {
        assert_eq!(
            quotes(
                "“Dear friends, I am very happy to see you,” Putin said in the videoconference."
            ),
            [q(
                "Dear friends, I am very happy to see you,",
                Some("Putin"),
                Some("Vladimir Putin"),
                Some("said")
            )]
        );
        assert_eq!(
            quotes("“China knows how to do it,” said the Kremlin chief."),
            [q(
                "China knows how to do it,",
                Some("the Kremlin chief"),
                Some("Vladimir Putin"),
                Some("said")
            )]
        );
    }

    #[test]
    fn pronoun_speaker() {
        let got = quotes("Xi spoke first. \"We are ready to work with all partners,\" he added.");
        assert_eq!(
            got,
            [q(
                "We are ready to work with all partners,",
                Some("he"),
                Some("Xi Jinping"),
                Some("added")
            )]
        );
    }

    #[test]
    fn speaker_before_quote() {
        let got = quotes(
            "Xi indicated that he was “excitedly waiting for the Olympics meeting” with Putin.",
        );
        assert_eq!(
            got,
            [q(
                "excitedly waiting for the Olympics meeting",
                Some("Xi"),
                Some("Xi Jinping"),
                Some("indicated")
            )]
        );
    }

    #[test]
    fn according_to_without_a_speaker_is_passed_over() {
        let got = quotes(
            "In turn, Xi indicated, according to a Russian translation, that he was “excitedly waiting for the meeting” with Putin.",
        );
        assert_eq!(
            got,
            [q(
                "excitedly waiting for the meeting",
                Some("Xi"),
                Some("Xi Jinping"),
                Some("indicated")
            )]
        );
    }

    #[test]
    fn relayed_quotes() {
        let lex = Lexicon::builtin();
        let doc = crate::code_document(
            crate::test_document(
                "China’s president said the relationship “exceeds that level because of its effectiveness,” Kremlin adviser Yuri Ushakov said.",
            ),
            &lex,
        );
        let q = &doc.quotes[0];
        assert_eq!(
            q.speaker.as_ref().unwrap().actor.name.as_deref(),
            Some("Xi Jinping")
        );
        assert_eq!(q.via.as_ref().unwrap().text, "Kremlin adviser Yuri Ushakov");
    }

    #[test]
    fn split_and_floating_quotes_keep_the_speaker() {
        let got = quotes(
            "“I believe we will meet in Beijing,” the Kremlin chief said. “According to the agreement, we will carry out negotiations.”",
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].2.as_deref(), Some("Vladimir Putin"));
    }

    #[test]
    fn quotations_running_over_paragraphs() {
        let got = quotes(
            "“We will not accept any pressure from outside on this question at all.\n\n“Our partnership with China is stronger than ever before,” Putin said.",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            got[0].0,
            "We will not accept any pressure from outside on this question at all."
        );
        assert_eq!(got[0].2.as_deref(), Some("Vladimir Putin"));
        assert_eq!(got[1].2.as_deref(), Some("Vladimir Putin"));
    }

    #[test]
    fn quoted_as_saying() {
        let got = quotes(
            "“As soon as the commitments are fulfilled, we will return,” the Kremlin quoted Putin as saying.",
        );
        assert_eq!(got[0].1.as_deref(), Some("Putin"));
    }

    #[test]
    fn reported_speech() {
        let lex = Lexicon::builtin();
        let doc = crate::code_document(
            crate::test_document(
                "Erdogan told reporters that Turkey was ready to mediate. According to Ushakov's aide, nothing was agreed. Kremlin adviser Yuri Ushakov said the talks were constructive.",
            ),
            &lex,
        );
        let got: Vec<(&str, Option<&str>, &str)> = doc
            .quotes
            .iter()
            .map(|q| {
                (
                    q.text.as_str(),
                    q.speaker.as_ref().map(|s| s.actor.code.as_str()),
                    q.cue.as_deref().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Turkey was ready to mediate", Some("TURGOV"), "told"),
                ("the talks were constructive", Some("RUSGOV"), "said"),
            ]
        );
        assert!(doc.quotes.iter().all(|q| q.kind == QuoteKind::Indirect));
    }

    #[test]
    fn scare_quotes_are_skipped() {
        assert!(quotes("Putin hopes to discuss “in depth” the ties.").is_empty());
    }
}
