//! Time expressions against TimeML gold (TempEval-3): span F1, strict and relaxed, and value
//! F1.
//!
//! A TimeML file is read without an XML library: the document creation time from `<DCT>`,
//! and the text of `<TEXT>` with its markup removed and entities decoded, keeping the byte
//! span of every `TIMEX3` in that text. Scoring follows TempEval-3: a predicted expression
//! matches a gold one strictly when the spans are equal and relaxed when they overlap; the
//! value score counts relaxed matches with the same value.

use dyad_model::{Span, Timex};

use crate::{Counts, EvalError, Table};

/// One gold expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldTimex {
    pub span: Span,
    pub value: String,
    pub kind: String,
}

/// One TimeML document: clean text, creation time and gold expressions.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeMlDoc {
    pub name: String,
    pub dct: Option<String>,
    pub text: String,
    pub timexes: Vec<GoldTimex>,
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_string())
}

/// Read a TimeML document.
pub fn parse_timeml(name: &str, xml: &str) -> Result<TimeMlDoc, EvalError> {
    let dct = xml
        .find("<DCT>")
        .and_then(|p| xml[p..].find("<TIMEX3").map(|q| p + q))
        .and_then(|p| xml[p..].find('>').map(|q| &xml[p..p + q]))
        .and_then(|tag| attribute(tag, "value"));
    let start = xml
        .find("<TEXT>")
        .ok_or_else(|| EvalError::Shape(format!("{name}: no <TEXT>")))?
        + "<TEXT>".len();
    let end = xml[start..]
        .find("</TEXT>")
        .ok_or_else(|| EvalError::Shape(format!("{name}: no </TEXT>")))?
        + start;
    let body = &xml[start..end];
    let mut text = String::with_capacity(body.len());
    let mut timexes = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with('<') {
            let close = rest
                .find('>')
                .ok_or_else(|| EvalError::Shape(format!("{name}: unclosed tag")))?;
            let tag = &rest[1..close];
            if tag.starts_with("TIMEX3") {
                open = Some((
                    text.len(),
                    attribute(tag, "value").unwrap_or_default(),
                    attribute(tag, "type").unwrap_or_default(),
                ));
            } else if tag.starts_with("/TIMEX3")
                && let Some((s, value, kind)) = open.take()
            {
                timexes.push(GoldTimex {
                    span: Span::new(s, text.len()),
                    value,
                    kind,
                });
            }
            i += close + 1;
        } else if rest.starts_with('&') {
            let semi = rest.find(';').unwrap_or(0);
            let decoded = match &rest[..=semi] {
                "&amp;" => "&",
                "&lt;" => "<",
                "&gt;" => ">",
                "&quot;" => "\"",
                "&apos;" => "'",
                _ => "&",
            };
            text.push_str(decoded);
            i += if decoded == "&" && &rest[..=semi] != "&amp;" {
                1
            } else {
                semi + 1
            };
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            text.push(c);
            i += c.len_utf8();
        }
    }
    Ok(TimeMlDoc {
        name: name.to_string(),
        dct,
        text,
        timexes,
    })
}

/// Scores over a set of documents.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimeReport {
    pub strict: Counts,
    pub relaxed: Counts,
    pub value: Counts,
    /// (document, gold text, gold value, predicted text and value or "-")
    pub misses: Vec<(String, String, String, String)>,
}

impl TimeReport {
    pub fn table(&self, docs: usize) -> Table {
        Table {
            title: format!("TimeML gold: {docs} documents"),
            rows: vec![
                ("span, strict".into(), self.strict),
                ("span, relaxed".into(), self.relaxed),
                ("value".into(), self.value),
            ],
        }
    }
}

/// Score predictions for each document; `tag` finds the expressions in a text given its DCT.
pub fn score(docs: &[TimeMlDoc], tag: impl Fn(&str, Option<&str>) -> Vec<Timex>) -> TimeReport {
    let mut r = TimeReport::default();
    for d in docs {
        let pred = tag(&d.text, d.dct.as_deref());
        let mut used = vec![false; pred.len()];
        let (mut strict, mut relaxed, mut value) = (0, 0, 0);
        for g in &d.timexes {
            let hit = pred
                .iter()
                .enumerate()
                .find(|(k, p)| !used[*k] && p.span.overlaps(g.span));
            match hit {
                Some((k, p)) => {
                    used[k] = true;
                    relaxed += 1;
                    strict += usize::from(p.span == g.span);
                    if p.value == g.value {
                        value += 1;
                    } else {
                        r.misses.push((
                            d.name.clone(),
                            slice(&d.text, g.span),
                            g.value.clone(),
                            format!("{} = {}", p.text, p.value),
                        ));
                    }
                }
                None => r.misses.push((
                    d.name.clone(),
                    slice(&d.text, g.span),
                    g.value.clone(),
                    "-".into(),
                )),
            }
        }
        for (k, p) in pred.iter().enumerate() {
            if !used[k] {
                r.misses.push((
                    d.name.clone(),
                    "-".into(),
                    "-".into(),
                    format!("{} = {}", p.text, p.value),
                ));
            }
        }
        let (ng, np) = (d.timexes.len(), pred.len());
        r.strict.add(Counts {
            tp: strict,
            fp: np - strict,
            fn_: ng - strict,
        });
        r.relaxed.add(Counts {
            tp: relaxed,
            fp: np - relaxed,
            fn_: ng - relaxed,
        });
        r.value.add(Counts {
            tp: value,
            fp: np - value,
            fn_: ng - value,
        });
    }
    r
}

fn slice(text: &str, s: Span) -> String {
    s.slice(text).unwrap_or("").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<?xml version="1.0" ?><TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22">March 22, 2013</TIMEX3></DCT>
<TEXT>
Keep launched <TIMEX3 tid="t1" type="DATE" value="2013-W12">this week</TIMEX3> &amp; <EVENT eid="e1">grew</EVENT> for <TIMEX3 tid="t2" type="DURATION" value="P2Y">two years</TIMEX3>.
</TEXT></TimeML>"#;

    #[test]
    fn parses_timeml() {
        let d = parse_timeml("x", DOC).unwrap();
        assert_eq!(d.dct.as_deref(), Some("2013-03-22"));
        assert_eq!(d.text, "\nKeep launched this week & grew for two years.\n");
        assert_eq!(d.timexes.len(), 2);
        assert_eq!(d.timexes[0].span.slice(&d.text), Some("this week"));
        assert_eq!(d.timexes[1].value, "P2Y");
    }

    #[test]
    fn scores_strict_relaxed_value() {
        let d = parse_timeml("x", DOC).unwrap();
        let text = d.text.clone();
        let at = |s: &str| {
            let p = text.find(s).unwrap();
            Span::new(p, p + s.len())
        };
        let r = score(&[d], |_, _| {
            vec![
                Timex {
                    text: "this week".into(),
                    span: at("this week"),
                    value: "2013-W12".into(),
                    kind: "DATE".into(),
                },
                Timex {
                    text: "years".into(),
                    span: at("years"),
                    value: "P1Y".into(),
                    kind: "DURATION".into(),
                },
                Timex {
                    text: "Keep".into(),
                    span: at("Keep"),
                    value: "X".into(),
                    kind: "DATE".into(),
                },
            ]
        });
        assert_eq!(
            r.strict,
            Counts {
                tp: 1,
                fp: 2,
                fn_: 1
            }
        );
        assert_eq!(
            r.relaxed,
            Counts {
                tp: 2,
                fp: 1,
                fn_: 0
            }
        );
        assert_eq!(
            r.value,
            Counts {
                tp: 1,
                fp: 2,
                fn_: 1
            }
        );
    }
}
