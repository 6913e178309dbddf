//! Event coding against two public gold sets.
//!
//! - **PETRARCH2 validation sentences** (`petr2-gsr-dev.json`): news sentences with the
//!   expected `{sourcecode, targetcode, eventcode}` events, or `{noevents}`. The headline
//!   score is F1 over (source country, target country, CAMEO root) triples, with predicted
//!   events that have a mode (negated, intended, ...) left out.
//! - **PLOVER gold sentences** (`plover-gsr.json`): CAMEO-manual examples with one event of
//!   an older 18-type PLOVER scheme each, and source and target actor lists. The types line up
//!   with CAMEO roots (AGREE 03 ... FIGHT 19; CONCEDE and RETREAT both 08), so predictions are
//!   compared by root: type F1, and F1 with source and target countries. Intended events
//!   count (the gold codes intentions as AGREE); negated, denied and hypothetical ones do
//!   not. A sentence the gold files under two types is scored once, with both events.
//!
//! Actors are compared by country ([`crate::country`]), for gold and predictions alike, with
//! international bodies (IGO, NGO) as one side (`side`).

use dyad_model::CodedDocument;
use serde_json::Value;

use crate::{Counts, EvalError, Table, country};

/// One gold sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldSentence {
    pub id: String,
    pub text: String,
    /// ISO date of the story, when the gold gives one.
    pub date: Option<String>,
    pub events: Vec<GoldEvent>,
}

/// One expected event: source and target codes and a CAMEO code (a root for PLOVER).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct GoldEvent {
    pub source: String,
    pub target: String,
    pub code: String,
}

/// Which gold set a file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoldSet {
    Petrarch,
    Plover,
}

/// The older PLOVER types of the gold set and their CAMEO roots.
const PLOVER_ROOTS: &[(&str, &str)] = &[
    ("AGREE", "03"),
    ("CONSULT", "04"),
    ("SUPPORT", "05"),
    ("COOPERATE", "06"),
    ("AID", "07"),
    ("CONCEDE", "08"),
    ("RETREAT", "08"),
    ("INVESTIGATE", "09"),
    ("DEMAND", "10"),
    ("DISAPPROVE", "11"),
    ("REJECT", "12"),
    ("THREATEN", "13"),
    ("PROTEST", "14"),
    ("MOBILIZE", "15"),
    ("SANCTION", "16"),
    ("COERCE", "17"),
    ("ASSAULT", "18"),
    ("FIGHT", "19"),
];

fn plover_root(t: &str) -> Option<&'static str> {
    PLOVER_ROOTS.iter().find(|(n, _)| *n == t).map(|(_, r)| *r)
}

/// The name a report uses for a root: the PLOVER type for the PLOVER set, else the root.
fn root_label(set: GoldSet, root: &str) -> String {
    match set {
        GoldSet::Plover => PLOVER_ROOTS
            .iter()
            .filter(|(_, r)| *r == root)
            .map(|(n, _)| *n)
            .collect::<Vec<_>>()
            .join("/"),
        GoldSet::Petrarch => root.to_string(),
    }
}

fn str_field(v: &Value, k: &str) -> String {
    v.get(k).and_then(Value::as_str).unwrap_or("").to_string()
}

/// Read the PETRARCH2 gold sentences.
pub fn load_petrarch(json: &str) -> Result<Vec<GoldSentence>, EvalError> {
    let items: Vec<Value> = serde_json::from_str(json)?;
    let mut out = Vec::new();
    for it in items {
        let date = str_field(&it, "date");
        let date =
            (date.len() == 8).then(|| format!("{}-{}-{}", &date[..4], &date[4..6], &date[6..]));
        let expected = it
            .get("expected")
            .and_then(Value::as_array)
            .ok_or_else(|| EvalError::Shape("a sentence without \"expected\"".into()))?;
        let events = expected
            .iter()
            .filter(|e| e.get("eventcode").is_some())
            .map(|e| GoldEvent {
                source: str_field(e, "sourcecode"),
                // PETRARCH2 writes a target it found no actor for as "---"; dyad writes
                // no target, which the PLOVER gold writes as none too.
                target: Some(str_field(e, "targetcode"))
                    .filter(|t| t != "---")
                    .unwrap_or_default(),
                code: str_field(e, "eventcode"),
            })
            .collect();
        out.push(GoldSentence {
            id: str_field(&it, "id"),
            text: str_field(&it, "text"),
            date,
            events,
        });
    }
    Ok(out)
}

/// Read the PLOVER gold sentences (the documentation record is skipped).
pub fn load_plover(json: &str) -> Result<Vec<GoldSentence>, EvalError> {
    let items: Vec<Value> = serde_json::from_str(json)?;
    let mut out = Vec::new();
    for it in items {
        let Some(root) = plover_root(&str_field(&it, "event")) else {
            continue;
        };
        let actors = |k: &str| -> Vec<String> {
            it.get(k)
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .map(|x| str_field(x, "code"))
                        .filter(|c| !c.is_empty())
                        .collect()
                })
                .unwrap_or_default()
        };
        let (sources, targets) = (actors("source"), actors("target"));
        let targets = if targets.is_empty() {
            vec![String::new()]
        } else {
            targets
        };
        let mut events = Vec::new();
        for s in &sources {
            for t in &targets {
                events.push(GoldEvent {
                    source: s.clone(),
                    target: t.clone(),
                    code: root.to_string(),
                });
            }
        }
        out.push(GoldSentence {
            id: str_field(&it, "id"),
            text: str_field(&it, "text"),
            date: Some(str_field(&it, "date")).filter(|d| d.len() == 10),
            events,
        });
    }
    Ok(merge_same_text(out))
}

/// One sentence per text: the PLOVER gold files each example under one type, so a
/// sentence with two events ("Benin opened its borders to West Africans ... but was still
/// refusing admittance to Ghanaians") is there twice, once per event. Scored apart, the
/// event one record names would count as a false positive in the other; joined, the
/// sentence is expected to give both. The ids are joined with "+".
fn merge_same_text(sentences: Vec<GoldSentence>) -> Vec<GoldSentence> {
    let mut out: Vec<GoldSentence> = Vec::with_capacity(sentences.len());
    let mut at: std::collections::HashMap<String, usize> = Default::default();
    for s in sentences {
        match at.get(s.text.trim()) {
            Some(&i) => {
                let kept = &mut out[i];
                kept.id = format!("{}+{}", kept.id, s.id);
                kept.events.extend(s.events);
            }
            None => {
                at.insert(s.text.trim().to_string(), out.len());
                out.push(s);
            }
        }
    }
    out
}

/// A sentence where prediction and gold differ, for reading.
#[derive(Clone, Debug, PartialEq)]
pub struct Miss {
    pub id: String,
    pub text: String,
    pub gold: Vec<String>,
    pub predicted: Vec<String>,
}

/// The result of scoring one gold set.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub tables: Vec<Table>,
    pub misses: Vec<Miss>,
    /// The headline counts (triples with countries, by root).
    pub headline: Counts,
}

/// (source country, target country, code) as compared.
type Triple = (String, String, String);

/// The PLOVER gold writes a joint event ("Jordan and Britain agreed to hold exercises") as
/// one target-less event per party (JOR → -, GBR → -), where dyad writes each party as the
/// other's target (JOR → GBR, GBR → JOR), as PETRARCH2's gold does. A predicted event
/// between two parties that the gold lists as target-less sources of the same sentence is
/// rewritten the gold's way before counting; every other event is compared as it is. The
/// strict count is reported beside it.
fn joint_as_gold_writes_them(gold: &[Triple], predicted: Vec<Triple>) -> Vec<Triple> {
    let targetless = |c: &str| gold.iter().any(|g| g.0 == c && g.1.is_empty());
    let mut out: Vec<Triple> = predicted
        .into_iter()
        .map(|(s, t, r)| {
            if !t.is_empty() && s != t && targetless(&s) && targetless(&t) {
                (s, String::new(), r)
            } else {
                (s, t, r)
            }
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The side an actor code is on, as events are compared: its country, with international
/// bodies of both kinds as one side, "INT". Neither an intergovernmental organisation
/// (IGO) nor a non-governmental one (NGO) is a state, and the gold sets do not keep them
/// apart as CAMEO does: the PLOVER gold writes Amnesty International and the Red Cross as
/// IGO, where CAMEO and dyad write NGO.
fn side(code: &str) -> String {
    match country(code).as_str() {
        "IGO" | "NGO" => "INT".to_string(),
        c => c.to_string(),
    }
}

/// PETRARCH2 writes "---" for a source it found no actor for ("Obama faces pressure from
/// Congress": its dictionaries had no Congress). Such an event has no source country, and
/// dyad, whose events always have a source, cannot write it; so it is left out of the
/// counts that compare actors, with the one predicted event of the same target and code
/// that stands for it (whatever its source). Returns how many gold events were left out.
fn leave_out_unnamed_sources(gold: &mut Vec<Triple>, predicted: &mut Vec<Triple>) -> usize {
    let mut n = 0;
    gold.retain(|(source, target, code)| {
        if source != "---" {
            return true;
        }
        if let Some(i) = predicted
            .iter()
            .position(|p| &p.1 == target && &p.2 == code)
        {
            predicted.remove(i);
        }
        n += 1;
        false
    });
    n
}

/// Score a gold set. `code` codes one sentence given its text and date.
pub fn score(
    set: GoldSet,
    gold: &[GoldSentence],
    code: impl Fn(&str, Option<&str>) -> CodedDocument,
) -> Report {
    let mut with_actors = Counts::default();
    let mut strict = Counts::default();
    let mut root_only = Counts::default();
    let mut full = Counts::default();
    let mut per_root: std::collections::BTreeMap<String, Counts> = Default::default();
    let mut misses = Vec::new();

    // A gold record with no text (the PETRARCH2 set has one) cannot be coded by anyone:
    // it is left out and the title says so.
    let (gold, blank): (Vec<&GoldSentence>, Vec<&GoldSentence>) =
        gold.iter().partition(|s| !s.text.trim().is_empty());
    let mut unnamed_sources = 0;
    for s in gold.iter().copied() {
        let doc = code(&s.text, s.date.as_deref());
        // Events that happened: a negated or intended event is not the gold's event, but an
        // intention coded as CAMEO 03 (dyad writes "will meet" as 036 with mode intended) is
        // the expression of intent, which the gold codes as 03. The PLOVER set codes
        // intentions as AGREE, so it keeps every intended event; in both sets a negated,
        // denied or hypothetical act ("must reach an agreement", "may halt mediation") did
        // not happen and is left out.
        let happened = |e: &&dyad_model::Event| {
            e.mode.is_none()
                || (e.mode == Some(dyad_model::Mode::Intended) && e.cameo.starts_with("03"))
        };
        let predicted: Vec<&dyad_model::Event> = doc
            .events
            .iter()
            .filter(|e| {
                happened(e)
                    || (set == GoldSet::Plover && e.mode == Some(dyad_model::Mode::Intended))
            })
            .collect();
        let root = |c: &str| -> String { c.get(..2).unwrap_or(c).to_string() };
        let mut gold_triples: Vec<Triple> = s
            .events
            .iter()
            .map(|e| (side(&e.source), side(&e.target), root(&e.code)))
            .collect();
        if set == GoldSet::Plover {
            // Compared as sets on both sides: two actors of one country ("the Sudanese
            // government and SPLM/A agreed") give one SDN triple, as dyad's predictions are
            // counted once each below; so does a text filed twice under one type.
            gold_triples.sort();
            gold_triples.dedup();
        }
        let mut pred_triples: Vec<Triple> = predicted
            .iter()
            .map(|e| {
                let target = e
                    .target
                    .as_ref()
                    .map(|t| side(&t.actor.code))
                    .unwrap_or_default();
                (side(&e.source.actor.code), target, root(&e.cameo))
            })
            .collect();
        let mut gold_roots: Vec<String> = gold_triples.iter().map(|t| t.2.clone()).collect();
        let mut pred_roots: Vec<String> = pred_triples.iter().map(|t| t.2.clone()).collect();
        if set == GoldSet::Petrarch {
            unnamed_sources += leave_out_unnamed_sources(&mut gold_triples, &mut pred_triples);
        }
        if set == GoldSet::Plover {
            // One event type per sentence: compare the sets of types, and each predicted
            // triple once.
            gold_roots.sort();
            gold_roots.dedup();
            pred_roots.sort();
            pred_roots.dedup();
            pred_triples.sort();
            pred_triples.dedup();
        }
        if set == GoldSet::Plover {
            strict.add(Counts::of(&gold_triples, &pred_triples));
            pred_triples = joint_as_gold_writes_them(&gold_triples, pred_triples);
        }
        let c = Counts::of(&gold_triples, &pred_triples);
        with_actors.add(c);
        root_only.add(Counts::of(&gold_roots, &pred_roots));
        if set == GoldSet::Petrarch {
            let mut g: Vec<Triple> = s
                .events
                .iter()
                .map(|e| (side(&e.source), side(&e.target), e.code.clone()))
                .collect();
            let mut p: Vec<Triple> = predicted
                .iter()
                .map(|e| {
                    let target = e
                        .target
                        .as_ref()
                        .map(|t| side(&t.actor.code))
                        .unwrap_or_default();
                    (side(&e.source.actor.code), target, e.cameo.clone())
                })
                .collect();
            leave_out_unnamed_sources(&mut g, &mut p);
            full.add(Counts::of(&g, &p));
        }
        let roots: std::collections::BTreeSet<&String> = gold_triples
            .iter()
            .chain(&pred_triples)
            .map(|t| &t.2)
            .collect();
        for r in roots {
            let g: Vec<&Triple> = gold_triples.iter().filter(|t| &t.2 == r).collect();
            let p: Vec<&Triple> = pred_triples.iter().filter(|t| &t.2 == r).collect();
            per_root
                .entry(r.clone())
                .or_default()
                .add(Counts::of(&g, &p));
        }
        if c.fp > 0 || c.fn_ > 0 {
            let show = |t: &Triple| {
                format!(
                    "{} -> {} {}",
                    t.0,
                    if t.1.is_empty() { "-" } else { &t.1 },
                    t.2
                )
            };
            misses.push(Miss {
                id: s.id.clone(),
                text: s.text.clone(),
                gold: gold_triples.iter().map(show).collect(),
                predicted: pred_triples.iter().map(show).collect(),
            });
        }
    }

    let name = match set {
        GoldSet::Petrarch => "PETRARCH2 gold (dev half)",
        GoldSet::Plover => "PLOVER gold (CAMEO manual sentences)",
    };
    let mut summary = Table {
        title: {
            let mut left_out = Vec::new();
            if !blank.is_empty() {
                let ids: Vec<&str> = blank.iter().map(|s| s.id.as_str()).collect();
                left_out.push(format!(
                    "{} with no text left out: {}",
                    blank.len(),
                    ids.join(", ")
                ));
            }
            if unnamed_sources > 0 {
                left_out.push(format!(
                    "{unnamed_sources} gold events with source \"---\" left out of the counts with actors"
                ));
            }
            if left_out.is_empty() {
                format!("{name}: {} sentences", gold.len())
            } else {
                format!("{name}: {} sentences ({})", gold.len(), left_out.join("; "))
            }
        },
        rows: Vec::new(),
    };
    summary
        .rows
        .push(("root + source and target countries".into(), with_actors));

    summary.rows.push((
        if set == GoldSet::Plover {
            "type only"
        } else {
            "root only"
        }
        .into(),
        root_only,
    ));
    if set == GoldSet::Petrarch {
        summary.rows.push(("full code + countries".into(), full));
    } else {
        summary
            .rows
            .push(("countries, joint events not rewritten".into(), strict));
    }
    let by_root = Table {
        title: format!("{name}, per category (with countries)"),
        rows: per_root
            .into_iter()
            .map(|(r, c)| (root_label(set, &r), c))
            .collect(),
    };
    Report {
        tables: vec![summary, by_root],
        misses,
        headline: with_actors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_model::{Actor, ActorKind, Document, Event, Evidence, Mention, Span};

    fn mention(code: &str) -> Mention {
        Mention {
            text: code.into(),
            span: Span::new(0, 1),
            actor: Actor {
                code: code.into(),
                name: None,
                country: None,
                sector: None,
                kind: ActorKind::Country,
            },
        }
    }

    fn doc_with(events: &[(&str, &str, &str)]) -> CodedDocument {
        let mut d = CodedDocument::from_document(Document::default());
        for (s, t, c) in events {
            d.events.push(Event {
                source: mention(s),
                target: (!t.is_empty()).then(|| mention(t)),
                cameo: c.to_string(),
                plover: None,
                mode: None,
                goldstein: 0.0,
                quad_class: 1,
                date: None,
                place: None,
                trigger: Evidence {
                    text: String::new(),
                    span: Span::new(0, 0),
                },
                sentence: Span::new(0, 0),
            });
        }
        d
    }

    #[test]
    fn petrarch_scoring() {
        let gold = load_petrarch(
            r#"[{"id":"a","date":"20080806","text":"A","expected":[{"eventcode":"190","sourcecode":"USAMIL","targetcode":"RUS"}]},
                {"id":"b","date":"20080806","text":"B","expected":[{"noevents":"True"}]}]"#,
        )
        .unwrap();
        assert_eq!(gold[0].date.as_deref(), Some("2008-08-06"));
        let r = score(GoldSet::Petrarch, &gold, |t, _| match t {
            "A" => doc_with(&[("USA", "RUSGOV", "193")]),
            _ => doc_with(&[("CHN", "USA", "040")]),
        });
        assert_eq!(
            r.headline,
            Counts {
                tp: 1,
                fp: 1,
                fn_: 0
            }
        );
        assert_eq!(
            r.tables[0].rows[2].1,
            Counts {
                tp: 0,
                fp: 2,
                fn_: 1
            },
            "full code differs"
        );
        assert_eq!(r.misses.len(), 1);
        assert_eq!(r.misses[0].id, "b");
    }

    #[test]
    fn a_petrarch_source_of_dashes_is_left_out_of_the_counts_with_actors() {
        let gold = load_petrarch(
            r#"[{"id":"a","date":"20150609","text":"A","expected":[{"eventcode":"100","sourcecode":"---","targetcode":"USA"},{"eventcode":"190","sourcecode":"ISR","targetcode":"PSE"}]}]"#,
        )
        .unwrap();
        // dyad names Congress (USA) as the source; that event stands for the gold's and
        // is neither a hit nor a false positive. The second event counts as usual.
        let r = score(GoldSet::Petrarch, &gold, |_, _| {
            doc_with(&[
                ("USALEG", "USA", "100"),
                ("ISR", "PSE", "190"),
                ("ISR", "EGY", "190"),
            ])
        });
        assert_eq!(
            r.headline,
            Counts {
                tp: 1,
                fp: 1,
                fn_: 0
            }
        );
        assert!(
            r.tables[0]
                .title
                .contains("1 gold events with source \"---\" left out")
        );
        // Root only still counts it.
        assert_eq!(r.tables[0].rows[1].1.tp, 2);
    }

    #[test]
    fn international_bodies_are_one_side() {
        let gold = load_plover(
            r#"[{"id":"a","event":"DEMAND","text":"A",
                 "source":[{"code":"IGO"}],"target":[{"code":"SDN"}]}]"#,
        )
        .unwrap();
        // Amnesty International: IGO in the gold, NGO in CAMEO and dyad.
        let r = score(GoldSet::Plover, &gold, |_, _| {
            doc_with(&[("NGOHRIAMN", "SDN", "100")])
        });
        assert_eq!(r.headline.tp, 1, "{:?}", r.headline);
        assert_eq!(side("IGOUNO"), "INT");
        assert_eq!(side("RUSGOV"), "RUS");
    }

    #[test]
    fn a_gold_record_with_no_text_is_left_out_and_named() {
        let gold = load_petrarch(
            r#"[{"id":"a","date":"20150609","text":"A","expected":[{"eventcode":"140","sourcecode":"RWA","targetcode":"BDI"}]},
                {"id":"empty","date":"20150101","text":" ","expected":[{"eventcode":"190","sourcecode":"NGAREB","targetcode":"NGAMUS"}]}]"#,
        )
        .unwrap();
        let r = score(GoldSet::Petrarch, &gold, |_, _| {
            doc_with(&[("RWA", "BDI", "141")])
        });
        assert_eq!(
            r.headline,
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert!(
            r.tables[0]
                .title
                .contains("1 sentences (1 with no text left out: empty)")
        );
    }

    #[test]
    fn a_petrarch_target_of_dashes_is_no_target() {
        let gold = load_petrarch(
            r#"[{"id":"a","date":"20150609","text":"A","expected":[{"eventcode":"140","sourcecode":"RWALEG","targetcode":"---"}]}]"#,
        )
        .unwrap();
        assert_eq!(gold[0].events[0].target, "");
        let r = score(GoldSet::Petrarch, &gold, |_, _| {
            doc_with(&[("RWAOPP", "", "141")])
        });
        assert_eq!(r.headline.tp, 1, "{:?}", r.headline);
    }

    #[test]
    fn an_expressed_intent_happened_an_intended_act_did_not() {
        let gold = load_petrarch(
            r#"[{"id":"a","date":"20080806","text":"A","expected":[{"eventcode":"033","sourcecode":"USA","targetcode":"ISR"}]},
                {"id":"b","date":"20080806","text":"B","expected":[{"noevents":"True"}]}]"#,
        )
        .unwrap();
        let intended = |s: &str, t: &str, c: &str| {
            let mut d = doc_with(&[(s, t, c)]);
            d.events[0].mode = Some(dyad_model::Mode::Intended);
            d
        };
        // "wants to help Israel": dyad's 033 with mode intended is the gold's 033; "will
        // attack" (190, intended) did not happen and is no false positive.
        let r = score(GoldSet::Petrarch, &gold, |t, _| match t {
            "A" => intended("USA", "ISR", "033"),
            _ => intended("CHN", "USA", "190"),
        });
        assert_eq!(
            r.headline,
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
    }

    #[test]
    fn plover_keeps_intended_events_and_leaves_out_those_that_did_not_happen() {
        let gold = load_plover(
            r#"[{"id":"a","event":"AGREE","text":"A",
                 "source":[{"code":"DEU"}],"target":[{"code":"ALB"}]}]"#,
        )
        .unwrap();
        let r = score(GoldSet::Plover, &gold, |_, _| {
            let mut d = doc_with(&[
                ("DEU", "ALB", "042"),
                ("DEU", "ALB", "050"),
                ("DEU", "SRB", "160"),
            ]);
            // "will visit Albania" (intended), "must strengthen ties" (hypothetical), "did
            // not cut ties" (negated).
            d.events[0].mode = Some(dyad_model::Mode::Intended);
            d.events[0].cameo = "036".into();
            d.events[1].mode = Some(dyad_model::Mode::Hypothetical);
            d.events[2].mode = Some(dyad_model::Mode::Negated);
            d
        });
        assert_eq!(
            r.headline,
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
    }

    #[test]
    fn plover_scoring() {
        let gold = load_plover(
            r#"[{"id":"doc","event":"DOCUMENT"},
                {"id":"x","date":"2000-01-01","event":"RETREAT","text":"X",
                 "source":[{"code":"HUN"},{"code":"ROU"}],"target":[{"code":"SRB"}]}]"#,
        )
        .unwrap();
        assert_eq!(gold.len(), 1);
        assert_eq!(gold[0].events.len(), 2);
        let r = score(GoldSet::Plover, &gold, |_, _| {
            doc_with(&[("HUNGOV", "SRB", "081"), ("HUN", "SRB", "084")])
        });
        assert_eq!(
            r.tables[0].rows[1].1,
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            },
            "type once"
        );
        assert_eq!(
            r.headline,
            Counts {
                tp: 1,
                fp: 0,
                fn_: 1
            }
        );
        assert_eq!(r.tables[1].rows[0].0, "CONCEDE/RETREAT");
    }

    #[test]
    fn a_sentence_filed_under_two_types_is_scored_once_with_both_events() {
        let gold = load_plover(
            r#"[{"id":"a","event":"AID","text":"Benin opened its borders. ",
                 "source":[{"code":"BEN"}],"target":[{"code":"NGA"}]},
                {"id":"b","event":"REJECT","text":"Benin opened its borders.",
                 "source":[{"code":"BEN"}],"target":[{"code":"GHA"}]},
                {"id":"c","event":"REJECT","text":"Other.",
                 "source":[{"code":"BEN"}],"target":[{"code":"GHA"}]}]"#,
        )
        .unwrap();
        assert_eq!(gold.len(), 2);
        assert_eq!(gold[0].id, "a+b");
        assert_eq!(gold[0].events.len(), 2);
        let r = score(GoldSet::Plover, &gold[..1], |_, _| {
            doc_with(&[("BEN", "NGA", "070"), ("BEN", "GHA", "120")])
        });
        assert_eq!(
            r.headline,
            Counts {
                tp: 2,
                fp: 0,
                fn_: 0
            }
        );
        // Both types are expected, and both found.
        assert_eq!(
            r.tables[0].rows[1].1,
            Counts {
                tp: 2,
                fp: 0,
                fn_: 0
            }
        );
    }

    #[test]
    fn plover_triples_are_compared_as_sets_on_both_sides() {
        // Two Sudanese parties agreed: the gold names both, which are one SDN triple.
        let gold = load_plover(
            r#"[{"id":"s","date":"2000-01-01","event":"AGREE","text":"S",
                 "source":[{"code":"SDNGOV"},{"code":"SDNREB"}],"target":[]}]"#,
        )
        .unwrap();
        assert_eq!(gold[0].events.len(), 2);
        let r = score(GoldSet::Plover, &gold, |_, _| {
            doc_with(&[("SDNGOV", "", "030"), ("SDNREB", "", "030")])
        });
        assert_eq!(
            r.headline,
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        // The PETRARCH2 set keeps counting each gold event.
        let petr = load_petrarch(
            r#"[{"id":"p","date":"20080806","text":"P","expected":[{"eventcode":"190","sourcecode":"ISR","targetcode":"PSE"},{"eventcode":"190","sourcecode":"ISR","targetcode":"PSE"}]}]"#,
        )
        .unwrap();
        let r = score(GoldSet::Petrarch, &petr, |_, _| {
            doc_with(&[("ISR", "PSE", "190")])
        });
        assert_eq!(r.headline.fn_, 1);
    }

    #[test]
    fn joint_events_are_compared_the_way_the_plover_gold_writes_them() {
        let gold = load_plover(
            r#"[{"id":"j","date":"2000-01-01","event":"AGREE","text":"J",
                 "source":[{"code":"JOR"},{"code":"GBR"}],"target":[]}]"#,
        )
        .unwrap();
        // JOR -> GBR and GBR -> JOR are the gold's JOR -> - and GBR -> -; JOR -> USA is not.
        let r = score(GoldSet::Plover, &gold, |_, _| {
            doc_with(&[
                ("JOR", "GBR", "030"),
                ("GBR", "JOR", "030"),
                ("JOR", "USA", "030"),
            ])
        });
        assert_eq!(
            r.headline,
            Counts {
                tp: 2,
                fp: 1,
                fn_: 0
            }
        );
        // The strict count, as the predictions were.
        assert_eq!(
            r.tables[0].rows[2].1,
            Counts {
                tp: 0,
                fp: 3,
                fn_: 2
            }
        );
    }
}
