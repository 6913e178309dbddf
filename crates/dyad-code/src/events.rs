//! Events: CAMEO-coded actions between actors, with mode, date and evidence.
//!
//! For each sentence, triggers are the longest word sequences that the lexicon's event
//! patterns know ("held talks" is found as "talks", "video conference" as one trigger).
//! Around a trigger, source and target come from the sentence's parse first
//! (the `syntax` module), else by word order:
//! - the **target** is found as the pattern says: the actor right after it ("met Xi") or after
//!   one of its prepositions ("talks with Xi"), each of a listed few ("to Iran, Libya and
//!   Cuba"); "between A and B" gives A as source and B as target;
//! - the **source** is the nearest actor before the trigger that is not governed by a
//!   preposition (so "the end of talks with X" does not make "talks" X's) nor inside an
//!   apposition ("Pakistan, a U.S. ally, ..."), expanded over a coordinated list ("the US,
//!   Canada and Britain") into one event per actor, as CAMEO does;
//! - a protest or a yielding act may have no target; a protest's is what it is done against
//!   ("to protest against Qatar's law"), else the country where it happens;
//! - the **mode** comes from the words between source and trigger and from the stance that
//!   governs the trigger's clause in the parse: negation ("did not meet"), denial, condition
//!   ("could") or intention ("hopes to", "will", "agreed in principle to");
//! - the **code** follows the CAMEO way of reading a stance: an intended meeting is 036 and
//!   other promised cooperation 03x, not the act; a threatened, announced-hostile or
//!   conditional ("unless") act is the 13 threat of it; a refused one ("refused to",
//!   "would not") the 12 rejection of it;
//! - what is claimed ("claimed that ISIL had attacked Iraq") or asked for ("demanded that
//!   Israel ease restrictions") did not happen: the claim or the demand is the event;
//! - the **date** is that of the time expression governing the clause, else publication.
//!
//! After the triggers, the `frames` module codes the stance verbs whose act is no event of
//! its own ("threatened to break relations with Russia"), and "X said Y must" is a demand.
//! Triggers inside quotation marks are left alone: a speaker's "we" is not an actor yet.
//! An event needs a source, and a target unless its kind may lack one; they must differ.

use std::collections::BTreeSet;

use dyad_lexicon::{EventPattern, Surface, Target};
use dyad_model::{ActorKind, DateSource, DateValue, Event, Evidence, Mode, TokenKind, cameo};

use crate::actors::{Found, governing_preposition};
use crate::context::{Context, DETERMINERS};
use crate::frames::Stance;
use crate::time::TimeFound;

/// Consultations that both sides do: consult, discuss by telephone, meet at a third
/// place, negotiate.
const MUTUAL_CODES: &[&str] = &["040", "041", "044", "046"];

/// Most words between a subject list and a reciprocal trigger ("Macron and Scholz held
/// talks in Berlin").
const RECIPROCAL_REACH: usize = 10;

/// How far after a trigger its preposition may come ("talks on Tuesday with").
const PREP_WINDOW: usize = 5;

/// Find the events in a document.
pub fn find(
    cx: &Context,
    actors: &[Found],
    times: &[TimeFound],
    published: Option<&DateValue>,
) -> Vec<Event> {
    let mut events = Vec::new();
    let mut seen = BTreeSet::new();
    for s in 0..cx.analysis.sentences.len() {
        let range = cx.sentence_tokens(s);
        // Actors are in text order, so a sentence's actors are one slice.
        let from = actors.partition_point(|f| f.sentence < s);
        let to = actors.partition_point(|f| f.sentence <= s);
        // Places where things happen ("in Baghdad") are among them, but are a target only
        // through a locative preposition rule ("protested in Baghdad") and never a source.
        let in_sentence: Vec<&Found> = actors[from..to].iter().collect();
        // One actor can only be the source of an event with no target named.
        let lone = in_sentence.len() < 2;
        if in_sentence.is_empty() {
            continue;
        }
        // The sentence's parse, made when its first trigger is found.
        let mut tree: Option<Option<dyad_nlp::Tree<'static>>> = None;
        // Every trigger of the sentence, for the stance frames read after them.
        let mut triggers: Vec<crate::frames::Trigger> = Vec::new();
        // Nouns a frame has taken ("lifted the *blockade*"): no triggers of their own.
        let mut consumed: Vec<usize> = Vec::new();
        let mut t = range.start;
        while t < range.end {
            if consumed.contains(&t) {
                t += 1;
                continue;
            }
            // Not a word pattern that runs into a frame's noun ("eased *economic
            // sanctions*": the sanctions are what was eased).
            let contiguous = trigger_at(cx, t, range.end)
                .filter(|(_, e)| !(t..*e).any(|i| consumed.contains(&i)));
            // A verb with the noun it governs ("lifted ... a day-old blockade"), unless a
            // word pattern of two words or more starts here; a pattern that is only the
            // verb and its particle ("blew up") gives way to a frame that names what was
            // done to ("blew up power lines" is property destroyed, not a bombing).
            let phrasal_only = |e: usize| e == t + 2 && cx.upos(t + 1) == Some("ADP");
            let framed = match &contiguous {
                Some((_, e)) if *e > t + 1 && !phrasal_only(*e) => None,
                _ if !frame_verb(cx, s, range.start, t) => None,
                _ => tree
                    .get_or_insert_with(|| parse_sentence(cx, s, range.clone()))
                    .as_ref()
                    .and_then(|tree| frame_trigger(cx, tree, range.start, t, range.end)),
            };
            // The evidence a frame shows runs to its noun; its arguments are the verb's.
            let mut shown_end = None;
            let found = match framed {
                Some((patterns, shown, nouns)) => {
                    consumed.extend(nouns);
                    shown_end = Some(shown);
                    Some((patterns, t + 1))
                }
                None => contiguous,
            };
            let Some((patterns, end)) = found else {
                t += 1;
                continue;
            };
            let before = events.len();
            let hostile = patterns
                .iter()
                .any(|p| root_of(&p.code).is_some_and(|r| r >= 10));
            let inside_actor = in_sentence
                .iter()
                .any(|f| f.first <= t && t < f.end && !f.anaphor);
            if cx.in_quote(t) || inside_actor {
                t = end;
                continue;
            }
            let parsed = tree
                .get_or_insert_with(|| parse_sentence(cx, s, range.clone()))
                .as_ref();
            // "The US claimed that ISIL had attacked Iraq": the claim is the event (an
            // accusation, coded from "claimed that"); what is claimed is not known to
            // have happened.
            if parsed.is_some_and(|tree| {
                unrealized(tree, t - range.start) || mandative_by_order(cx, tree, range.start, t)
            }) {
                t = end;
                continue;
            }
            // "native speakers demonstrate various tasks", "demonstrating steady growth":
            // to demonstrate something is to show it; a protest takes no object.
            if parsed.is_some_and(|tree| {
                let w = t - range.start;
                tree.lemma(w).eq_ignore_ascii_case("demonstrate")
                    && tree
                        .children(w)
                        .any(|d| matches!(tree.relation(d), "obj" | "ccomp" | "xcomp"))
            }) {
                t = end;
                continue;
            }
            // "on the issue of sports cooperation", "the question of sanctions": a topic
            // named, not an act done.
            if parsed.is_some_and(|tree| {
                let w = end - 1 - range.start;
                tree.relation(w) == "nmod" && head_is(tree, w, TOPICS)
            }) {
                t = end;
                continue;
            }
            // "in the context of *Cold War* rivalries": a nominal trigger written as a name,
            // in a sentence that is not written in title case, names a period or a past
            // event, not an act.
            if end > t + 1
                && t > range.start
                && (t..end).all(|i| cx.is_capitalised(i) && cx.upos(i) != Some("VERB"))
                && {
                    let words = range
                        .clone()
                        .filter(|&i| cx.kind(i) == Some(TokenKind::Word));
                    let (caps, all) = words.fold((0, 0), |(c, a), i| {
                        (c + usize::from(cx.is_capitalised(i)), a + 1)
                    });
                    caps * 2 < all
                }
            {
                t = end;
                continue;
            }
            // "signed a treaty of friendship and cooperation", "an agreement on the
            // withdrawal of troops": what a text agreed on is of or on is its content, no
            // act of its own.
            if parsed.is_some_and(|tree| {
                let mut w = end - 1 - range.start;
                if tree.relation(w) == "conj"
                    && let Some(h) = tree.head(w)
                {
                    w = h;
                }
                tree.upos(w) == "NOUN"
                    && tree.relation(w) == "nmod"
                    && tree
                        .children_by(w, "case")
                        .any(|c| matches!(tree.lemma(c).to_lowercase().as_str(), "of" | "on"))
                    && (head_is(tree, w, AGREEMENTS) || head_is(tree, w, TEXTS))
            }) {
                t = end;
                continue;
            }
            // "demonstrations against human rights violations by the army": a wrong
            // protested against is what the protest is about, not an accusation of its own.
            if patterns.iter().all(|p| p.code.starts_with("11"))
                && parsed.is_some_and(|tree| {
                    let w = crate::syntax::head_of(tree, t - range.start, end - range.start);
                    tree.upos(w) == "NOUN"
                        && matches!(tree.relation(w), "nmod" | "obl")
                        && tree.children(w).any(|c| {
                            tree.relation(c) == "case"
                                && matches!(
                                    tree.lemma(c).to_lowercase().as_str(),
                                    "against" | "over" | "at"
                                )
                        })
                })
            {
                t = end;
                continue;
            }
            // "staged demonstrations to demand reforms", "a hunger strike to demand his
            // release": what a protest demands is what it is for, coded as the protest.
            if patterns.iter().all(|p| p.code.starts_with("10"))
                && parsed.is_some_and(|tree| protest_purpose(tree, t - range.start, &triggers))
            {
                t = end;
                continue;
            }
            // "bans on travel to Canada", "a moratorium on visits": what a ban stops is
            // not done.
            if parsed.is_some_and(|tree| {
                (t - range.start..end - range.start).any(|w| {
                    tree.upos(w) == "NOUN"
                        && matches!(tree.relation(w), "nmod" | "obl")
                        && head_is(tree, w, BANS)
                })
            }) {
                t = end;
                continue;
            }
            // "Jordan's visiting King Abdullah", "the besieged town", "the release of
            // *jailed* opposition leaders": a participle that describes a noun tells no
            // event of its own.
            if end == t + 1
                && t > range.start
                && (DETERMINERS.contains(&cx.lower(t - 1))
                    || matches!(cx.lower(t - 1), "'s" | "of" | "for" | "to" | "and"))
                && parsed.is_some_and(|tree| {
                    tree.relation(t - range.start) == "amod"
                        && matches!(cx.upos(t), Some("VERB" | "ADJ"))
                })
            {
                t = end;
                continue;
            }
            // Every pattern is tried with a target first; only when none finds one is a
            // target-less reading tried ("the rebels demobilized": 0873 may go without a
            // target, 087 may not, whichever is listed first).
            let passes: &[bool] = if patterns.iter().any(|p| may_lack_target(p)) {
                &[false, true]
            } else {
                &[false]
            };
            'patterns: for &targetless in passes {
                for p in &patterns {
                    if p.unless.iter().any(|u| cx.lower(end) == u) {
                        continue;
                    }
                    if lone && !may_lack_target(p) {
                        continue;
                    }
                    let mut unnamed_actor = false;
                    let by_syntax = parsed.and_then(|tree| {
                        let located = crate::syntax::Located {
                            tree,
                            offset: range.start,
                            actors: &in_sentence,
                        };
                        let (first, last) = (t - range.start, end - range.start);
                        unnamed_actor =
                            crate::syntax::acted_by_unnamed_antecedent(&located, first, last)
                                || crate::syntax::agentless_participle(&located, first, last)
                                || crate::syntax::unknown_named_subject(&located, first, last)
                                || crate::syntax::purpose_of_stopped_protest(&located, first, last)
                                || crate::syntax::unowned_plan(&located, first, last);
                        crate::syntax::arguments(&located, p, first, last)
                    });
                    // A named act of force with no actor the parse gives it is talk about
                    // force ("assistance to the war against Iraq", "during the fight against
                    // Serb forces"), not an event; word order would pick the nearest names.
                    // "Fighting between Armenia and Azerbaijan" names both sides: that reading
                    // stays.
                    let named_force = parsed.is_some()
                        && root_of(&p.code).is_some_and(|r| r >= 17)
                        && (t..end).all(|i| !matches!(cx.upos(i), Some("VERB" | "AUX")))
                        && !(end..(end + 3).min(range.end)).any(|i| cx.lower(i) == "between");
                    // An act of force done by no one the parse names, in a named place: by
                    // unidentified people of that place's country ("a roadside bombing near
                    // Samarra killed one U.S. soldier"), before word order picks a doer.
                    let placed = match parsed {
                        Some(tree)
                            if by_syntax.is_none()
                                && root_of(&p.code).is_some_and(|r| r >= 17 || r == 9) =>
                        {
                            let located = crate::syntax::Located {
                                tree,
                                offset: range.start,
                                actors: &in_sentence,
                            };
                            crate::syntax::unnamed_doer_in_place(
                                &located,
                                t - range.start,
                                end - range.start,
                            )
                        }
                        _ => None,
                    };
                    let by_place = placed.is_some();
                    let pairs: Vec<(&Found, &Found)> = match by_syntax {
                        _ if by_place => placed
                            .into_iter()
                            .flat_map(|(place, targets)| {
                                targets.into_iter().map(move |t| (place, t))
                            })
                            .collect(),
                        Some((sources, targets)) => sources
                            .iter()
                            .flat_map(|s| targets.iter().map(move |t| (*s, *t)))
                            .collect(),
                        None if named_force || unnamed_actor => Vec::new(),
                        None => match arguments(cx, &in_sentence, p, t, end) {
                            Some((sources, target)) => {
                                let targets = with_following(cx, &in_sentence, target);
                                sources
                                    .into_iter()
                                    .flat_map(|s| targets.iter().map(move |t| (s, *t)))
                                    .collect()
                            }
                            // "are guilty of violating the ceasefire agreement": a noun
                            // that another act is done to is no joint act of the subjects.
                            None if parsed.is_some_and(|tree| {
                                let w = end - 1 - range.start;
                                tree.upos(w) == "NOUN"
                                    && tree
                                        .head(w)
                                        .is_some_and(|g| triggers.iter().any(|tr| tr.word == g))
                            }) =>
                            {
                                Vec::new()
                            }
                            None => reciprocal(cx, &in_sentence, p, (t, end)),
                        },
                    };
                    // A protest or a yielding act with no target named ("protesters
                    // demonstrated", "the president resigned") is coded with none.
                    let pairs: Vec<(&Found, Option<&Found>)> = if pairs.is_empty() {
                        // Done by a noun that names no actor: word order must not find one.
                        if !targetless || unnamed_actor || !may_lack_target(p) {
                            continue;
                        }
                        // (A frame's words run to its noun.)
                        if !done_alone(cx, p, (t, shown_end.unwrap_or(end))) {
                            continue;
                        }
                        if mode(cx, t, t, range.start).is_some() {
                            continue;
                        }
                        let lone =
                            without_target(cx, &in_sentence, parsed, p, (t, end), range.clone());
                        if lone.is_empty() {
                            continue;
                        }
                        lone
                    } else {
                        pairs.into_iter().map(|(s, t)| (s, Some(t))).collect()
                    };
                    for (source, target) in pairs {
                        // No one acts on themselves; "Kenyans demonstrated in Nairobi" is a
                        // protest with no target named.
                        let target = match target {
                            // (Unidentified people of a place may act on its own people: "a
                            // minefield explosion near Samarra killed two Iraqi youths".)
                            Some(tg)
                                if source.mention.actor.code == tg.mention.actor.code
                                    && source.mention.actor.name == tg.mention.actor.name
                                    && !by_place =>
                            {
                                if !may_lack_target(p) {
                                    continue;
                                }
                                None
                            }
                            other => other,
                        };
                        let (code, mode) =
                            code_and_mode(cx, parsed, p, source, (t, end), range.clone());
                        let code = against_civilians(code, source, target);
                        let Some(info) = cameo::lookup(code) else {
                            continue;
                        };
                        let key = (
                            s,
                            source.mention.actor.code.clone(),
                            target
                                .map(|t| t.mention.actor.code.clone())
                                .unwrap_or_default(),
                            info.root(),
                        );
                        if !seen.insert(key) {
                            continue;
                        }
                        let at = Where {
                            sentence: s,
                            trigger: (t, shown_end.unwrap_or(end)),
                            sentence_end: range.end,
                        };
                        events.push(event(cx, times, published, at, source, target, info, mode));
                        // Consulting is mutual: "A telephoned B", "A held talks with B" is
                        // also B's consultation with A (not a visit, a hosting or a
                        // mediation, which go one way).
                        if let Some(tg) = target
                            && mode.is_none()
                            && MUTUAL_CODES.contains(&info.code)
                            && !is_place(tg)
                            && seen.insert((
                                s,
                                tg.mention.actor.code.clone(),
                                source.mention.actor.code.clone(),
                                info.root(),
                            ))
                        {
                            events.push(event(
                                cx,
                                times,
                                published,
                                at,
                                tg,
                                Some(source),
                                info,
                                mode,
                            ));
                        }
                    }
                    break 'patterns;
                }
            }
            let coded = events.len() > before;
            // A protest, threat or act of force: what its purpose clause demands is part of
            // it ("would blockade Paris to demand an end to the reform").
            let presses = patterns
                .iter()
                .any(|p| root_of(&p.code).is_some_and(|r| (13..=20).contains(&r)));
            triggers.extend((t..end).map(|w| crate::frames::Trigger {
                word: w - range.start,
                coded,
                hostile,
                presses,
            }));
            t = end;
        }
        // "Syria is willing to withdraw its troops from Lebanon": the stance is the event.
        if !lone && (range.clone()).any(|i| crate::frames::STANCE_FORMS.contains(&cx.lower(i))) {
            let parsed = tree
                .get_or_insert_with(|| parse_sentence(cx, s, range.clone()))
                .as_ref();
            if let Some(tree) = parsed {
                let located = crate::syntax::Located {
                    tree,
                    offset: range.start,
                    actors: &in_sentence,
                };
                let framed = crate::frames::find(&located, &triggers, |tok| {
                    sources_before(cx, &in_sentence, tok)
                });
                for f in framed {
                    let tok = range.start + f.word;
                    // "demanded that its partners refuse to recognize Macedonia": a
                    // stance asked for is not taken.
                    if cx.in_quote(tok) || unrealized(tree, f.word) {
                        continue;
                    }
                    let Some(info) = cameo::lookup(f.code) else {
                        continue;
                    };
                    let key = (
                        s,
                        f.source.mention.actor.code.clone(),
                        f.target
                            .map(|t| t.mention.actor.code.clone())
                            .unwrap_or_default(),
                        info.root(),
                    );
                    if !seen.insert(key) {
                        continue;
                    }
                    let mode = match mode(cx, f.source.end.min(tok), tok, range.start) {
                        // The stance is the event: "agreed to" is no intention to agree.
                        Some(Mode::Intended) => None,
                        m => m,
                    };
                    let at = Where {
                        sentence: s,
                        trigger: (tok, tok + 1),
                        sentence_end: range.end,
                    };
                    events.push(event(
                        cx, times, published, at, f.source, f.target, info, mode,
                    ));
                }
            }
        }
        // "Britain said Libya must hand over the suspects": a demand.
        for (source, target, m) in must_demands(cx, &in_sentence, range.clone()) {
            let Some(info) = cameo::lookup(MUST_CODE) else {
                continue;
            };
            let key = (
                s,
                source.mention.actor.code.clone(),
                target.mention.actor.code.clone(),
                info.root(),
            );
            // Rebels may make demands of their own government, but a country not of itself
            // ("Putin said Russia must strengthen its army").
            let (a, b) = (&source.mention.actor, &target.mention.actor);
            let own_country = a.country == b.country
                && (a.sector.is_none() || b.sector.is_none() || a.sector == b.sector);
            if own_country || !seen.insert(key) {
                continue;
            }
            let at = Where {
                sentence: s,
                trigger: (m, m + 1),
                sentence_end: range.end,
            };
            events.push(event(
                cx,
                times,
                published,
                at,
                source,
                Some(target),
                info,
                None,
            ));
        }
    }
    events
}

/// The CAMEO root of a code as a number: "0356" is 3, "1384" 13.
pub(crate) fn root_of(code: &str) -> Option<u8> {
    code.get(..2)?.parse().ok()
}

/// Verbs of intent whose open complement is the act announced ("plans to attack").
const INTENT_LEMMAS: &[&str] = &[
    "want", "plan", "hope", "intend", "aim", "seek", "prepare", "vow", "pledge", "decide",
    "expect", "promise",
];

/// Verbs that a nominal act is done with ("launch an offensive", "impose sanctions",
/// "tighten the blockade") or given by ("provide support").
const LIGHT_VERBS: &[&str] = &[
    "launch",
    "carry",
    "stage",
    "impose",
    "wage",
    "mount",
    "conduct",
    "begin",
    "start",
    "resume",
    "declare",
    "take",
    "provide",
    "give",
    "send",
    "offer",
    "grant",
    "extend",
    "supply",
    "make",
    "hold",
    "tighten",
    "expand",
    "intensify",
    "escalate",
    "step",
];

/// The verb that does the act at sentence word `w`: the word itself when it is a verb,
/// else the light verb it is the object of.
fn acting_verb(tree: &dyad_nlp::Tree, w: usize) -> Option<usize> {
    if tree.upos(w) == "VERB" {
        return Some(w);
    }
    let h = tree.head(w)?;
    (tree.relation(w) == "obj"
        && tree.upos(h) == "VERB"
        && LIGHT_VERBS.contains(&tree.lemma(h).to_lowercase().as_str()))
    .then_some(h)
}

/// Whether the act at sentence word `w` is itself what is announced: its verb has "will"
/// ("will attack"), or is the open complement of a verb of intent ("plans to attack",
/// "plans to launch an offensive"). "Wants to avoid a war" announces no war.
fn announced(tree: &dyad_nlp::Tree, w: usize) -> bool {
    let Some(v) = acting_verb(tree, w) else {
        return false;
    };
    tree.auxiliaries(v).iter().any(|a| {
        matches!(
            a.to_lowercase().as_str(),
            "will" | "would" | "shall" | "'ll"
        )
    }) || (tree.relation(v) == "xcomp"
        && tree
            .head(v)
            .is_some_and(|h| INTENT_LEMMAS.contains(&tree.lemma(h).to_lowercase().as_str())))
}

/// Whether the act at sentence word `w` is said not to be going to happen: its own verb
/// has "will"/"would" and "not" ("would not provide support"), and neither "have" ("would
/// not have sent": a counterfactual) nor "only" ("would not only send aid but also ...").
fn will_not_do(tree: &dyad_nlp::Tree, w: usize) -> bool {
    let Some(v) = acting_verb(tree, w) else {
        return false;
    };
    let aux: Vec<String> = tree
        .auxiliaries(v)
        .iter()
        .map(|a| a.to_lowercase())
        .collect();
    tree.is_negated(v)
        && aux
            .iter()
            .any(|a| matches!(a.as_str(), "will" | "would" | "shall"))
        && !aux.iter().any(|a| a == "have")
        && !tree
            .children(v)
            .any(|d| tree.lemma(d).eq_ignore_ascii_case("only"))
}

/// Verbs of claiming: what they report is an accusation, not an event.
const CLAIMING: &[&str] = &["claim", "allege", "accuse", "charge"];

/// Words of asking: what they ask for has not happened ("demanded that Israel ease the
/// restrictions", "its demand that ...", "urged Serbia to withdraw", "to force the
/// Palestinians to capitulate").
const ASKING: &[&str] = &[
    "demand", "urge", "ask", "request", "call", "appeal", "insist", "press", "pressure", "force",
    "compel", "persuade", "convince",
];

/// Nouns that name a topic: "on the issue of sports cooperation".
const TOPICS: &[&str] = &[
    "issue", "question", "matter", "topic", "subject", "prospect",
];
/// Nouns of stopping: "bans on travel to Canada".
const BANS: &[&str] = &["ban", "restriction", "curb", "moratorium", "prohibition"];

/// Whether word `w`'s head has one of these lemmas.
fn head_is(tree: &dyad_nlp::Tree, w: usize, lemmas: &[&str]) -> bool {
    tree.head(w)
        .is_some_and(|h| lemmas.contains(&tree.lemma(h).to_lowercase().as_str()))
}

/// Nouns of a written text that parties sign: what it is of or on is its content.
const TEXTS: &[&str] = &[
    "treaty",
    "memorandum",
    "protocol",
    "convention",
    "charter",
    "declaration",
];

/// Nouns of agreement: what they say is to be done ("an agreement *to*") is no act yet,
/// and the agreement itself is an intent to cooperate (030) rather than a signed one.
const AGREEMENTS: &[&str] = &[
    "agreement",
    "consensus",
    "deal",
    "accord",
    "understanding",
    "pact",
    "compromise",
];

/// Whether the verb at sentence word `w` is the purpose ("to demand ...") of a protest, a
/// threat or an act of force coded before it: the clause hangs on that act's word or on the
/// verb whose object it is ("staged demonstrations to demand", "would blockade Paris to
/// demand").
fn protest_purpose(tree: &dyad_nlp::Tree, w: usize, triggers: &[crate::frames::Trigger]) -> bool {
    let to_clause = matches!(tree.relation(w), "advcl" | "xcomp" | "acl") && tree.has_mark(w, "to");
    // "joining thousands of demonstrators in demanding a referendum": what one joins
    // protesters in doing is their protest's demand.
    let joined = tree.relation(w) == "advcl"
        && tree.has_mark(w, "in")
        && tree.head(w).is_some_and(|h| {
            tree.lemma(h).eq_ignore_ascii_case("join")
                && tree.objects(h).into_iter().any(|o| {
                    std::iter::once(o)
                        .chain(tree.children_by(o, "nmod"))
                        .any(|n| PROTESTERS.contains(&tree.lemma(n).to_lowercase().as_str()))
                })
        });
    if joined {
        return true;
    }
    let Some(h) = tree.head(w).filter(|_| to_clause) else {
        return false;
    };
    triggers
        .iter()
        .any(|tr| tr.presses && tr.coded && (tr.word == h || tree.head(tr.word) == Some(h)))
}

/// Whether sentence word `w` is in the clause that a verb of claiming governs ("claimed
/// that ISIL had attacked Iraq", "accused Kyiv of shelling the plant"), or in what a word
/// of asking asks for ("demanded that Israel ease the restrictions") or a bid tries for
/// ("in his bid to secure guarantees").
fn unrealized(tree: &dyad_nlp::Tree, w: usize) -> bool {
    let mut at = w;
    for _ in 0..6 {
        let Some(h) = tree.head(at) else {
            return false;
        };
        // What is claimed: the clause said ("claimed that ...") or charged ("accused Kyiv
        // of shelling ..."), not a clause of time ("after Israel bombed Gaza").
        let via_clause = tree.relation(at) == "ccomp"
            || (tree.relation(at) == "advcl" && tree.has_mark(at, "of"));
        let to_clause = tree.relation(at) == "advcl" && tree.has_mark(at, "to");
        // What is agreed to be done is not done yet: "reached a consensus to exchange
        // information", "a deal to free prisoners" (the agreement is the event).
        if matches!(tree.relation(at), "acl" | "xcomp")
            && tree.upos(h) == "NOUN"
            && AGREEMENTS.contains(&tree.lemma(h).to_lowercase().as_str())
            && tree.has_mark(at, "to")
        {
            return true;
        }
        // "vetoed a resolution censuring the US": what a text that was turned down would
        // have done, it did not do.
        if tree.relation(at) == "acl"
            && tree.relation(h) == "obj"
            && tree.head(h).is_some_and(|g| {
                matches!(
                    tree.lemma(g).to_lowercase().as_str(),
                    "veto" | "reject" | "block" | "defeat" | "oppose" | "withdraw" | "shelve"
                )
            })
        {
            return true;
        }
        // What someone is allowed or enabled to do is not said to be done ("to allow
        // teachers to protest at the state Capitol"); the allowing is the event.
        let allowing = |v: usize| {
            matches!(
                tree.lemma(v).to_lowercase().as_str(),
                "allow" | "permit" | "let" | "enable" | "authorize" | "authorise"
            )
        };
        // (The parse may hang the clause on the one allowed: "allowed refugees *to
        // protest*".)
        let on_the_allowed = tree.relation(at) == "acl"
            && tree.has_mark(at, "to")
            && tree.relation(h) == "obj"
            && tree.head(h).is_some_and(allowing);
        if (matches!(tree.relation(at), "xcomp" | "ccomp") && allowing(h)) || on_the_allowed {
            return true;
        }
        // A verb of asking, or a noun of it ("its demand that ..."); not "forces" the noun.
        let asking = tree.lemma(h).to_lowercase();
        let asked = (matches!(tree.relation(at), "ccomp" | "xcomp" | "acl") || to_clause)
            && ASKING.contains(&asking.as_str())
            && (tree.upos(h) == "VERB"
                || matches!(
                    asking.as_str(),
                    "demand" | "request" | "call" | "appeal" | "pressure"
                ));
        // "in his bid to secure security guarantees", "an attempt to end the war": what
        // is tried has not happened.
        // (An attempt on someone's life is an act of its own, CAMEO 185: see
        // `attempted_assassination`.)
        let tried = matches!(tree.relation(at), "acl" | "xcomp")
            && tree.upos(h) == "NOUN"
            && matches!(asking.as_str(), "bid" | "attempt" | "effort")
            && !attempted_assassination(tree, at);
        // "dismissed an appeal from the president to lay down their arms": the parse may
        // hang what is asked on the verb whose object the asking noun is.
        let asked_of_object = to_clause
            && tree.objects(h).into_iter().any(|o| {
                o < at
                    && matches!(
                        tree.lemma(o).to_lowercase().as_str(),
                        "demand" | "request" | "call" | "appeal" | "plea" | "invitation"
                    )
            });
        // "demanded a truce before allowing aid convoys": what one will do only once one's
        // demand is met has not been done.
        // Nor has what someone waits for in the present tense ("opposed the deployment
        // until their demands *are met*"; not "fought until the army withdrew").
        let present = |v: usize| {
            matches!(tree.xpos(v), "VBP" | "VBZ")
                || tree.children(v).any(|a| {
                    matches!(tree.relation(a), "aux" | "aux:pass")
                        && matches!(tree.xpos(a), "VBP" | "VBZ")
                })
        };
        // (The parse may make "until" its subject's preposition.)
        let until = tree.has_mark(at, "until")
            || tree.subject(at).is_some_and(|s| {
                tree.children_by(s, "case")
                    .any(|c| tree.lemma(c).eq_ignore_ascii_case("until"))
            });
        let held_back = (tree.relation(at) == "advcl"
            && (tree.has_mark(at, "before") || tree.has_mark(at, "until"))
            && ASKING.contains(&asking.as_str()))
            || (until && present(at));
        if tried || asked_of_object || held_back {
            return true;
        }
        if asked {
            return true;
        }
        if via_clause && CLAIMING.contains(&tree.lemma(h).to_lowercase().as_str()) {
            // "claimed that its fighters attacked ...": a claim of one's own act is a
            // report of it.
            let own = tree.subject(at).is_some_and(|s| {
                tree.children(s).any(|d| {
                    tree.deprel(d) == "nmod:poss"
                        && matches!(
                            tree.lemma(d).to_lowercase().as_str(),
                            "its" | "their" | "our" | "his" | "her"
                        )
                })
            });
            return !own;
        }
        at = h;
    }
    false
}

/// Whether sentence word `w` is an assassination tried or plotted ("an attempt by Chechen
/// rebels *to assassinate* the minister", "a plot to kill the president"): CAMEO codes
/// the attempt itself (185).
fn attempted_assassination(tree: &dyad_nlp::Tree, w: usize) -> bool {
    matches!(
        tree.lemma(w).to_lowercase().as_str(),
        "assassinate" | "kill" | "murder"
    ) && matches!(tree.relation(w), "acl" | "xcomp")
        && tree.has_mark(w, "to")
        && tree.head(w).is_some_and(|h| {
            matches!(
                tree.lemma(h).to_lowercase().as_str(),
                "attempt" | "bid" | "plot" | "try" | "effort"
            )
        })
}

/// Whether the trigger at token `t` is in a clause demanded by the word order alone: a
/// word of asking ([`ASKING`]), "that" at most three words later, and the trigger in its
/// base form within six words of "that" ("reiterated its demand today that Israel *ease*
/// restrictions"), or within eleven after such a bare verb ("that the US cancel plans to
/// sell *weapons*"), with no finite verb between. The tagger often reads such a bare verb
/// as a noun, and the parse built on it shows no clause.
fn mandative_by_order(cx: &Context, tree: &dyad_nlp::Tree, offset: usize, t: usize) -> bool {
    let w = t - offset;
    let base = !matches!(tree.xpos(w), "VBD" | "VBZ" | "VBN" | "VBG" | "MD")
        && tree.lemma(w).eq_ignore_ascii_case(cx.word(t));
    // Or a word further into that clause, after its bare verb ("demanded that the US
    // *cancel* plans to sell *weapons* to Taiwan").
    let reach = if base { 7 } else { 12 };
    let Some(that) = (t.saturating_sub(reach).max(offset)..t)
        .rev()
        .find(|&i| cx.lower(i) == "that")
    else {
        return false;
    };
    // A subject between "that" and the verb, and "that" no determiner ("called that
    // attack a war crime").
    let bare_verb_before = (that + 2..t).any(|i| {
        let j = i - offset;
        tree.lemma(j).eq_ignore_ascii_case(cx.word(i))
            && (tree.xpos(j) == "VB"
                || (tree.upos(j) == "NOUN" && tree.xpos(j - 1) == "NNP" && i == that + 3))
    });
    t >= that + 2
        && (base || bare_verb_before)
        && tree.xpos(that - offset) != "DT"
        && (that.saturating_sub(4).max(offset)..that)
            .any(|i| ASKING.contains(&tree.lemma(i - offset).to_lowercase().as_str()))
        && (that + 1..t).all(|i| !matches!(tree.xpos(i - offset), "VBD" | "VBZ" | "MD"))
}

/// The events of a trigger that found no pair, when its kind may have no target: a
/// protest or a yielding act done by a source before it and each actor listed with it
/// (else the parse's subject; or, for a protest by people named only by a place, that
/// place), against what its purpose clause or its place names.
fn without_target<'f>(
    cx: &Context,
    in_sentence: &[&'f Found],
    parsed: Option<&dyad_nlp::Tree>,
    p: &EventPattern,
    (t, end): (usize, usize),
    range: std::ops::Range<usize>,
) -> Vec<(&'f Found, Option<&'f Found>)> {
    // "Thousands of people blocked streets in Hong Kong": people named only by where
    // they are.
    let located = parsed.map(|tree| crate::syntax::Located {
        tree,
        offset: range.start,
        actors: in_sentence,
    });
    // The parse's subject first ("..., Amnesty International protested"); none by word
    // order when that subject names no actor ("..., a human rights group protested").
    let by_parse = located
        .as_ref()
        .and_then(|at| crate::syntax::subject_actor(at, t - range.start, end - range.start));
    let unnamed = by_parse.is_none()
        && located.as_ref().is_some_and(|at| {
            crate::syntax::subject_names_no_actor(at, t - range.start, end - range.start)
        });
    // "Bosnia and Slovenia agreed to a ceasefire": each listed subject acts.
    let listed = if unnamed {
        Vec::new()
    } else {
        let before = sources_before(cx, in_sentence, t);
        match by_parse {
            Some(s) if !before.iter().any(|b| std::ptr::eq(*b, s)) => vec![s],
            _ => before,
        }
    };
    let Some(source) = listed.first().copied().or(by_parse).or_else(|| {
        (is_protest(p) && people_before(cx, t, range.start))
            .then(|| place_after(cx, in_sentence, end, range.end, None))
            .flatten()
    }) else {
        return Vec::new();
    };
    if cx.in_quote(t) {
        return Vec::new();
    }
    let sources = if listed.is_empty() {
        vec![source]
    } else {
        listed
    };
    if !is_protest(p) {
        return sources.into_iter().map(|s| (s, None)).collect();
    }
    // (Protesters named only by their place do not protest against that place:
    // "prisoners rioted in Dili ... demanding independence from Indonesian rule" is
    // against Indonesia.)
    let by_place = is_place(source) || source.mention.actor.kind == ActorKind::Country;
    let own = |f: &&Found| by_place && f.mention.actor.country == source.mention.actor.country;
    let against = located
        .as_ref()
        .and_then(|at| {
            crate::syntax::protest_target(at, t - range.start, end - range.start, source)
        })
        .filter(|f| !own(f))
        .or_else(|| purpose_after(cx, in_sentence, end, range.end, source))
        .or_else(|| place_after(cx, in_sentence, end, range.end, Some(source)));
    sources.into_iter().map(|s| (s, against)).collect()
}

/// The CAMEO code and mode of pattern `p`'s act at trigger `t` done by `source`, read the
/// CAMEO way: a promised cooperative act is its 03 intent, a threatened, conditional or
/// announced hostile one the 13 threat of it, a refused one the 12 rejection of it.
fn code_and_mode<'p>(
    cx: &Context,
    parsed: Option<&dyad_nlp::Tree>,
    p: &'p EventPattern,
    source: &Found,
    (t, end): (usize, usize),
    range: std::ops::Range<usize>,
) -> (&'p str, Option<Mode>) {
    let mut mode = mode(cx, source.end.min(t), t, range.start);
    // The word the trigger hangs by: "blockade" in "the *naval blockade*".
    let head = parsed.map(|tree| crate::syntax::head_of(tree, t - range.start, end - range.start));
    // The parse sees a stance the word window misses: "agreed in principle to provide
    // aid"; and "agreed that their countries should cooperate": the "should" is what was
    // agreed, not a condition.
    let stance = parsed.and_then(|tree| crate::frames::stance_over(tree, t - range.start));
    if matches!(mode, None | Some(Mode::Hypothetical)) && stance == Some(Stance::Intent) {
        mode = Some(Mode::Intended);
    }
    let mut code = match mode {
        Some(Mode::Intended) => intent_code(&p.code).unwrap_or(p.code.as_str()),
        _ => p.code.as_str(),
    };
    // "reached a consensus to exchange information": an agreement to do something is
    // the intent to cooperate (030), as "agreed to" is.
    if code.starts_with("05")
        && parsed.is_some_and(|tree| {
            let w = t - range.start;
            (w..(w + 4).min(tree.len())).any(|n| {
                AGREEMENTS.contains(&tree.lemma(n).to_lowercase().as_str())
                    && tree.children(n).any(|c| {
                        matches!(tree.relation(c), "acl" | "xcomp") && tree.has_mark(c, "to")
                    })
            })
        })
    {
        code = "030";
    }
    // "an attempt by Chechen rebels to assassinate the minister": the attempt (185).
    if root_of(code) == Some(18)
        && parsed
            .zip(head)
            .is_some_and(|(tree, w)| attempted_assassination(tree, w))
    {
        code = "185";
    }
    // "Hezbollah guerrillas killed the deputy chief": a killing by an irregular armed
    // group is unconventional violence, killing by physical assault (1823), as CAMEO
    // tells it from a military's use of conventional force (19).
    if code == "190"
        && cx.lower(t).starts_with("kill")
        && (source.mention.actor.sector.as_deref() == Some("REB")
            || source.mention.actor.code.starts_with("IMG"))
    {
        code = "1823";
    }
    // "protesters set fire to a police station": force used by protesters is a violent
    // protest, a riot (145), as CAMEO codes it, not coercion or an assault by a state.
    if root_of(code).is_some_and(|r| (17..=19).contains(&r))
        && (source.first..(source.end + 1).min(range.end))
            .any(|i| PROTESTERS.contains(&cx.lower(i)))
    {
        code = "145";
    }
    // "..., Amnesty International protested", "protested that the police had ...": a
    // protest that reports what is wrong is said, a formal complaint (114), not a
    // demonstration.
    if code.starts_with("14")
        && parsed.zip(head).is_some_and(|(tree, w)| {
            // (The clause reported may come first, unmarked: "X is failing ..., a rights
            // group protested".)
            let reported = |c: usize| {
                tree.relation(c) == "ccomp"
                    || (c < w
                        && matches!(tree.relation(c), "advcl" | "parataxis")
                        && !tree.children(c).any(|d| tree.relation(d) == "mark"))
            };
            // (Or the parse hung the closing "..., X protested" on the clause it reports.)
            let closing = tree.relation(w) == "advcl"
                && tree.head(w).is_some_and(|h| h < w)
                && !tree.children(w).any(|d| tree.relation(d) == "mark")
                && tree
                    .children(w)
                    .any(|d| d < w && tree.relation(d) == "punct" && tree.lemma(d) == ",");
            tree.upos(w) == "VERB"
                && tree.lemma(w).eq_ignore_ascii_case("protest")
                && (tree.relation(w) == "parataxis"
                    || closing
                    || tree.children(w).any(reported)
                    || tree.lemma(w + 1).eq_ignore_ascii_case("that"))
        })
    {
        code = "114";
    }
    // "NATO peacekeepers arrived in Bosnia": peacekeepers who arrive come to keep the
    // peace (074), not to visit.
    if code.starts_with("042")
        && parsed
            .zip(head)
            .is_some_and(|(tree, w)| by_peacekeepers(tree, w))
    {
        code = "074";
    }
    // "threatened to impose sanctions", "will withdraw its force unless ...": the threat
    // is what happened.
    if (threatened(cx, &p.code, (t, range.start, range.end), mode)
        || stance == Some(Stance::Threat))
        && let Some(c) = threat_code(&p.code)
    {
        code = c;
        mode = None;
    }
    // "plans to impose sanctions", "wants to attack": a hostile act announced is a
    // threat, and the threat is what happened. Only the act itself: "wants to avoid a
    // war" announces no war.
    if mode == Some(Mode::Intended)
        && root_of(&p.code).is_some_and(|r| r >= 14)
        && parsed.zip(head).is_some_and(|(tree, w)| announced(tree, w))
        && let Some(c) = threat_code(&p.code)
    {
        code = c;
        mode = None;
    }
    // "refused to deploy troops", "would not provide support": the refusal is what
    // happened.
    let will_not = mode == Some(Mode::Negated)
        && (source.end.min(t)..t).any(|i| {
            matches!(cx.lower(i), "will" | "would" | "'ll" | "wo" | "shall")
                && NEGATION.contains(&cx.lower(i + 1))
        })
        && parsed
            .zip(head)
            .is_some_and(|(tree, w)| will_not_do(tree, w));
    // (Not for an act whose doer is named after it: "refused to respond to a demand *from
    // the US*" refuses the demand, it does not refuse to make it.)
    let refusal =
        source.first < t && (refused(cx, t, range.start) || stance == Some(Stance::Refusal));
    if (mode.is_none() && refusal) || will_not {
        match refusal_code(&p.code) {
            Some(c) => {
                code = c;
                mode = None;
            }
            // "refused to attack": no attack, and no rejection to code.
            None => mode = Some(Mode::Negated),
        }
    }
    (code, mode)
}

/// "A camp for Congolese refugees was attacked by Burundian militiamen": force used by an
/// irregular armed group (rebels, militias, warlords, insurgents) on civilians or refugees
/// is unconventional violence (180), as CAMEO tells it from fighting between armed forces
/// (19).
fn against_civilians<'c>(code: &'c str, source: &Found, target: Option<&Found>) -> &'c str {
    let irregular = matches!(source.mention.actor.sector.as_deref(), Some("REB" | "UAF"))
        || source.mention.actor.code.starts_with("IMG");
    // (People of a country with no sector: "Afghan families", "Congolese villagers".)
    let civilian = target.is_some_and(|t| match t.mention.actor.sector.as_deref() {
        Some(s) => matches!(s, "CVL" | "REF"),
        None => t.mention.actor.kind == ActorKind::Group,
    });
    if code == "190" && irregular && civilian {
        "180"
    } else {
        code
    }
}

/// Words for people protesting, in or right after a source's mention ("a Ukrainian
/// *protestor*").
const PROTESTERS: &[&str] = &[
    "protester",
    "protesters",
    "protestor",
    "protestors",
    "demonstrator",
    "demonstrators",
    "rioter",
    "rioters",
    "marcher",
    "marchers",
];

/// Whether the subject of verb `v` is peacekeepers: "peacekeepers", "peacekeeping
/// troops", or a part of them ("the first deployment of NATO peacekeeping troops").
fn by_peacekeepers(tree: &dyad_nlp::Tree, v: usize) -> bool {
    let Some(s) = tree.subject(v) else {
        return false;
    };
    let keeping = |n: usize| {
        tree.lemma(n).eq_ignore_ascii_case("peacekeeper")
            || tree
                .children(n)
                .any(|d| tree.lemma(d).eq_ignore_ascii_case("peacekeeping"))
    };
    keeping(s)
        || tree
            .obliques(s)
            .into_iter()
            .any(|(n, case)| case == Some("of") && keeping(n))
}

/// The parse of sentence `s` (tokens `range`), reusing its tags when the actor rules
/// tagged it.
fn parse_sentence(
    cx: &Context,
    s: usize,
    range: std::ops::Range<usize>,
) -> Option<dyad_nlp::Tree<'static>> {
    let model = dyad_nlp::Model::builtin().ok()?;
    let words: Vec<&str> = range.map(|i| cx.word(i)).collect();
    Some(match cx.tagged(s) {
        Some(tagged) => model.annotate_tagged(&words, tagged),
        None => model.annotate(&words),
    })
}

/// Where an event was found: its sentence, its trigger's tokens, the sentence's end.
#[derive(Clone, Copy)]
struct Where {
    sentence: usize,
    trigger: (usize, usize),
    sentence_end: usize,
}

/// An event with its derived fields and evidence.
#[allow(clippy::too_many_arguments)]
fn event(
    cx: &Context,
    times: &[TimeFound],
    published: Option<&DateValue>,
    at: Where,
    source: &Found,
    target: Option<&Found>,
    info: &cameo::CameoCode,
    mode: Option<Mode>,
) -> Event {
    let (t, end) = at.trigger;
    let trigger = cx.span_of(t, end);
    Event {
        source: source.mention.clone(),
        target: target.map(|t| t.mention.clone()),
        cameo: info.code.to_string(),
        plover: info.plover.map(str::to_string),
        mode,
        goldstein: info.goldstein,
        quad_class: info.quad_class,
        date: event_date(cx, times, t, end).or_else(|| {
            published.map(|d| DateValue {
                value: d.value.clone(),
                source: DateSource::Published,
            })
        }),
        place: place_of(cx, end, at.sentence_end),
        trigger: Evidence {
            text: trigger.slice(cx.text).unwrap_or("").to_string(),
            span: trigger,
        },
        sentence: cx.analysis.sentences[at.sentence].span,
    }
}

/// The CAMEO code of a demand read from "must": demand, not specified (100).
const MUST_CODE: &str = "100";

/// Verbs that report what someone says.
const SAYING: &[&str] = &[
    "said",
    "says",
    "say",
    "declared",
    "declares",
    "announced",
    "announces",
    "reiterated",
    "reiterates",
    "insisted",
    "insists",
    "stated",
    "states",
    "stressed",
    "stresses",
    "concluded",
    "concludes",
    "told",
    "tells",
    "warned",
    "warns",
    "argued",
    "argues",
    "maintained",
    "maintains",
    "added",
    "adds",
    "reminded",
    "reminds",
    "reminder",
];

/// "X said (that) Y must ...": for each "must" after an actor Y (right after it, or after
/// a few plain words: "the US and other developed nations must"), with the actors listed
/// before Y ("the Sudanese government and the rebels in Darfur must"), and a saying verb
/// shortly before them whose subject is the actor X: the pairs (X, Y) and the token of
/// "must".
fn must_demands<'f>(
    cx: &Context,
    actors: &[&'f Found],
    range: std::ops::Range<usize>,
) -> Vec<(&'f Found, &'f Found, usize)> {
    let mut out = Vec::new();
    let plain = |i: usize| {
        cx.kind(i) == Some(dyad_model::TokenKind::Word)
            && !cx.is_capitalised(i)
            && !matches!(cx.upos(i), Some("VERB" | "AUX"))
            && !matches!(cx.lower(i), "that" | "which" | "who" | "whom")
    };
    for m in range.clone() {
        if cx.lower(m) != "must" || cx.in_quote(m) {
            continue;
        }
        let Some(&last) = actors
            .iter()
            .filter(|f| {
                f.end <= m && f.end + 4 >= m && !is_place(f) && !f.anaphor && (f.end..m).all(plain)
            })
            .max_by_key(|f| f.end)
        else {
            continue;
        };
        let mut targets = vec![last];
        let mut first = last.first;
        while let Some(&g) = actors
            .iter()
            .filter(|g| {
                g.end <= first
                    && first - g.end <= 3
                    && !is_place(g)
                    && !g.anaphor
                    && (g.end..first).any(|i| matches!(cx.lower(i), "and" | ","))
                    && (g.end..first).all(|i| {
                        matches!(
                            cx.lower(i),
                            "and" | "," | "the" | "his" | "her" | "its" | "their"
                        )
                    })
            })
            .max_by_key(|g| g.end)
        {
            targets.insert(0, g);
            first = g.first;
        }
        // The saying verb: at most four words before the first target ("declared Tuesday
        // that").
        let Some(v) = (first.saturating_sub(5).max(range.start)..first)
            .rev()
            .find(|&i| SAYING.contains(&cx.lower(i)))
        else {
            continue;
        };
        if (v + 1..first).any(|i| cx.lower(i) == "not") {
            continue;
        }
        if let Some(&source) = sources_before(cx, actors, v).first() {
            out.extend(targets.into_iter().map(|t| (source, t, m)));
        }
    }
    out
}

/// Words that make the act after them a threat: "threatened to".
const THREAT_VERBS: &[&str] = &["threatened", "threatens", "threaten", "threatening"];

/// Whether the act at trigger `t` is threatened rather than done: "threatened to" within
/// the six words before it ("threatened to launch a new offensive"), or an intended or
/// conditional act followed by "unless" ("may halt its mediation unless ..."), or an
/// announced one followed by "if" ("will withdraw its troops if ..."). `code` is the
/// act's own CAMEO code.
fn threatened(
    cx: &Context,
    code: &str,
    (t, first, last): (usize, usize, usize),
    mode: Option<Mode>,
) -> bool {
    let before = t.saturating_sub(6).max(first)..t;
    let said = before
        .clone()
        .any(|i| THREAT_VERBS.contains(&cx.lower(i)) && (i + 1..t).any(|j| cx.lower(j) == "to"));
    // "unless" conditions an act on the other side's; "if" does only for an act the
    // source announces ("will withdraw if ..."), not for speculation ("could attack if"),
    // except cutting ties or aid, which only its doer can say it may do ("the Community
    // may halt mediation if cooperation founders").
    let announced_if = mode == Some(Mode::Intended)
        || (mode == Some(Mode::Hypothetical) && code.starts_with("16"));
    let conditional = (matches!(mode, Some(Mode::Intended | Mode::Hypothetical))
        && (t..last).any(|i| cx.lower(i) == "unless"))
        || (announced_if && (t..last).any(|i| cx.lower(i) == "if"));
    said || conditional
}

const REFUSAL_VERBS: &[&str] = &[
    "refused",
    "refuses",
    "refuse",
    "refusing",
    "declined",
    "declines",
    "decline",
    "declining",
];

/// Whether the act at trigger `t` is refused: "refused to" or "declined to" within the six
/// words before it, with no clause opening between them.
fn refused(cx: &Context, t: usize, first: usize) -> bool {
    (t.saturating_sub(6).max(first)..t).any(|i| {
        REFUSAL_VERBS.contains(&cx.lower(i))
            && (i + 1..t).any(|j| cx.lower(j) == "to")
            // "declined to say whether Russia sent troops": another clause's act.
            && (i + 1..t).all(|j| {
                !matches!(
                    cx.lower(j),
                    "whether" | "that" | "if" | "what" | "how" | "when" | "why" | "who"
                )
            })
    })
}

/// The CAMEO 12 code for refusing the act coded `code`: to meet or negotiate (125), to
/// cooperate economically (1211) or militarily (1212), to yield (124: release 1243, ease
/// sanctions 1244, allow in 1245, de-escalate 1246), to accept mediation (126), to
/// settle (127); `None` for acts whose refusal is no rejection (a refused attack is no
/// event).
fn refusal_code(code: &str) -> Option<&'static str> {
    let c = match code {
        c if c.starts_with("04") => "125",
        "061" => "1211",
        "062" => "1212",
        c if c.starts_with("06") || c.starts_with("07") => "121",
        c if c.starts_with("084") => "1243",
        c if c.starts_with("085") => "1244",
        c if c.starts_with("086") => "1245",
        c if c.starts_with("087") => "1246",
        c if c.starts_with("08") => "124",
        c if c.starts_with("03") || c.starts_with("05") => "120",
        c if c.starts_with("15") => "120",
        _ => return None,
    };
    Some(c)
}

/// The CAMEO 13 code for threatening the act coded `code`, by what is threatened: aid
/// (1311), sanctions and boycotts (1312), relations (1313), administrative sanctions (132),
/// curfews (1323) and martial law (1324), protest (133), halting talks (134) or mediation
/// (135), international involvement (136: pulling out peacekeepers or troops), repression
/// (137), force (138: blockade 1381, occupation 1382, attack 1384). `None` for acts that
/// are no threat when promised (cooperation).
fn threat_code(code: &str) -> Option<&'static str> {
    let root = code.get(..2)?;
    let c = match (root, code) {
        (_, "162") => "1311",
        (_, "163") | (_, "1621") => "1312",
        (_, "161") | (_, "160") => "1313",
        (_, "165") => "135",
        (_, "164") => "134",
        (_, "166") => "136",
        // Pulling out troops, peacekeepers or inspectors unless something is done.
        ("08", c) if c.starts_with("087") => "136",
        ("16", _) => "131",
        (_, "1723") => "1323",
        (_, "1724") => "1324",
        ("17", c) if c.starts_with("172") => "132",
        ("17", c) if c.starts_with("173") || c.starts_with("175") => "137",
        ("17", _) => "130",
        ("14", _) => "133",
        ("15", _) => "138",
        (_, "191") => "1381",
        (_, "192") => "1382",
        ("18", _) | ("19", _) => "1384",
        ("20", _) => "1385",
        ("12", _) | ("11", _) | ("10", _) => "130",
        _ => return None,
    };
    Some(c)
}

/// The CAMEO 03 code for a promised or planned act of cooperation (04-08): "will meet" is
/// 036 (intent to meet), "pledged to support" 032, "will send military aid" 0332, "will
/// release the prisoners" 0353, as the CAMEO codebook pairs each cooperative action with
/// its expression of intent. Other codes keep their own code and carry mode `intended`.
fn intent_code(code: &str) -> Option<&'static str> {
    let c = match code {
        c if c.starts_with("04") => "036",
        c if c.starts_with("05") => "032",
        "061" => "0311",
        "062" => "0312",
        "063" => "0313",
        "064" => "0314",
        c if c.starts_with("06") => "031",
        "071" => "0331",
        "072" => "0332",
        "073" => "0333",
        "074" => "0334",
        c if c.starts_with("07") => "033",
        c if c.starts_with("081") => "0351",
        c if c.starts_with("082") => "0352",
        c if c.starts_with("083") => "034",
        c if c.starts_with("084") => "0353",
        c if c.starts_with("085") => "0354",
        c if c.starts_with("086") => "0355",
        c if c.starts_with("087") => "0356",
        c if c.starts_with("08") => "035",
        _ => return None,
    };
    Some(c)
}

/// The date of a time expression governing the trigger at `t..end`: the nearest one in the
/// same sentence that names a calendar date, with no other event trigger between them.
fn event_date(cx: &Context, times: &[TimeFound], t: usize, end: usize) -> Option<DateValue> {
    let s = cx.sentence_of(t);
    times
        .iter()
        .filter(|x| cx.sentence_of(x.first) == s && x.kind == "DATE")
        .filter_map(|x| {
            x.value
                .as_ref()
                .filter(|v| v.starts_with(|c: char| c.is_ascii_digit()))
                .map(|v| (x, v))
        })
        .filter(|(x, _)| {
            let (a, b) = if x.first >= end {
                (end, x.first)
            } else {
                (x.end, t)
            };
            !(a..b).any(|i| trigger_at(cx, i, b).is_some())
        })
        // A time inside a frame's span ("lifted *Friday* a day-old blockade") is nearest.
        .min_by_key(|(x, _)| {
            if x.first >= end {
                x.first - end
            } else {
                t.saturating_sub(x.end)
            }
        })
        .map(|(_, v)| DateValue {
            value: v.clone(),
            source: DateSource::Text,
        })
}

/// Where an event happened: a place, capital or country after "in", "at" or "near" in the
/// few words after the trigger ("met Xi in Beijing", "talks at Camp David" is not known).
fn place_of(cx: &Context, end: usize, sentence_end: usize) -> Option<Evidence> {
    const WINDOW: usize = 10;
    let limit = (end + WINDOW).min(sentence_end);
    for i in end..limit {
        if matches!(cx.lower(i), "," | ";" | "“" | "”" | "\"") {
            return None;
        }
        if !matches!(cx.lower(i), "in" | "at" | "near" | "outside" | "inside") {
            continue;
        }
        let at = skip_determiners(cx, i + 1);
        if at >= sentence_end {
            return None;
        }
        let start = cx.span(at).start;
        let stop = cx.span(sentence_end - 1).end;
        let m = cx.lexicon.find(&cx.text[start..stop]).into_iter().next()?;
        let is_place = m.surfaces.iter().any(|s| {
            matches!(
                s,
                Surface::Place(_) | Surface::Capital(_) | Surface::CountryName(_)
            )
        });
        if m.start == 0 && is_place {
            let span = dyad_model::Span::new(start, start + m.end);
            return Some(Evidence {
                text: span.slice(cx.text).unwrap_or("").to_string(),
                span,
            });
        }
    }
    None
}

/// The longest trigger starting at token `t`: its patterns and the token after it.
fn trigger_at<'l>(
    cx: &'l Context,
    t: usize,
    limit: usize,
) -> Option<(Vec<&'l EventPattern>, usize)> {
    let max = cx.lexicon.event_reach(cx.lower(t))?;
    let mut phrase = String::with_capacity(64);
    (1..=max).rev().filter(|k| t + k <= limit).find_map(|k| {
        cx.phrase_into(t, t + k, &mut phrase);
        let ps: Vec<&EventPattern> = cx.lexicon.event_patterns(&phrase).collect();
        (!ps.is_empty()).then_some((ps, t + k))
    })
}

/// Whether token `t` (of sentence `s`, which starts at token `offset`) is a verb whose
/// lemma some event frame has: checked on the tags alone, before any parse.
fn frame_verb(cx: &Context, s: usize, offset: usize, t: usize) -> bool {
    if cx.upos(t) != Some("VERB") {
        return false;
    }
    let (Ok(model), Some(tagged)) = (dyad_nlp::Model::builtin(), cx.tagged(s)) else {
        return false;
    };
    model
        .lemma_of(cx.word(t), tagged, t - offset)
        .is_some_and(|l| cx.lexicon.is_frame_verb(&l.to_lowercase()))
}

/// Nouns that measure what they count: "5.1 million dollars of aid", "700 kg of medicine",
/// "thousands of troops", "part of a rebel stronghold".
pub(crate) const MEASURES: &[&str] = &[
    "dollar",
    "euro",
    "pound",
    "yen",
    "yuan",
    "franc",
    "ton",
    "tonne",
    "kg",
    "kilogram",
    "kilo",
    "worth",
    "million",
    "billion",
    "amount",
    "quantity",
    "load",
    "truckload",
    "planeload",
    "batch",
    "lot",
    "thousand",
    "hundred",
    "dozen",
    "number",
    "part",
    "series",
    "string",
    "wave",
];

/// The nouns verb `w` governs that a frame may name, each with its preposition: objects, a
/// passive's subject and bare obliques with none ("lifted Friday a day-old blockade"),
/// other obliques with theirs; with their conjuncts, and what a measure counts.
fn frame_nouns<'t>(tree: &'t dyad_nlp::Tree<'_>, w: usize) -> Vec<(usize, Option<&'t str>)> {
    let mut direct: Vec<(usize, Option<&str>)> =
        tree.objects(w).into_iter().map(|o| (o, None)).collect();
    if tree.is_passive(w)
        && let Some(subject) = tree.subject(w)
    {
        direct.push((subject, None));
    } else if let Some(subject) = tree.subject(w)
        && tree.upos(subject) == "NOUN"
    {
        // "a roadside *bombing* killed one soldier": a frame's noun written "subj bombing".
        direct.push((subject, Some("subj")));
    }
    direct.extend(tree.obliques(w));
    // "wounded two soldiers in a bomb attack": the parse may hang the verb's oblique on
    // its object.
    for o in tree.objects(w) {
        direct.extend(
            tree.obliques(o)
                .into_iter()
                .filter(|&(_, case)| case.is_some_and(|c| c != "of")),
        );
    }
    // "has called off a four-day strike": the parse may read the object as the verb's
    // predicate noun, as in "called it a strike".
    direct.extend(
        tree.children_by(w, "xcomp")
            .filter(|&c| tree.upos(c) == "NOUN")
            .map(|c| (c, None)),
    );
    // "is providing aerial photographs and other military intelligence": a noun the parse
    // coordinated with the verb is the object's conjunct.
    direct.extend(
        tree.children_by(w, "conj")
            .filter(|&c| matches!(tree.upos(c), "NOUN" | "PROPN"))
            .map(|c| (c, None)),
    );
    let mut out = Vec::new();
    for (n, case) in direct {
        // "lifted Friday a day-old blockade": the parse may hang the object on a time
        // word as its apposition.
        let appositions = tree.children_by(n, "appos");
        for m in std::iter::once(n)
            .chain(tree.conjuncts(n))
            .chain(appositions)
        {
            out.push((m, case));
            let measure =
                tree.upos(m) == "NUM" || MEASURES.contains(&tree.lemma(m).to_lowercase().as_str());
            if measure {
                for (k, of) in tree.obliques(m) {
                    if of == Some("of") {
                        out.push((k, case));
                        out.extend(tree.conjuncts(k).into_iter().map(|c| (c, case)));
                    }
                }
            }
        }
    }
    out
}

/// Whether noun `n`, or a compound word before it, has `lemma` ("mediation efforts").
fn noun_is(tree: &dyad_nlp::Tree<'_>, n: usize, lemma: &str) -> bool {
    std::iter::once(n)
        .chain(tree.children_by(n, "compound"))
        .any(|m| tree.lemma(m).eq_ignore_ascii_case(lemma))
}

/// The event frames matched at verb token `t` (sentence starting at token `offset`): their
/// patterns, the token after the last noun they took (for the evidence), and the tokens of
/// those nouns' phrases, which are no triggers of their own.
fn frame_trigger<'l>(
    cx: &'l Context,
    tree: &dyad_nlp::Tree<'_>,
    offset: usize,
    t: usize,
    limit: usize,
) -> Option<(Vec<&'l EventPattern>, usize, Vec<usize>)> {
    let w = t - offset;
    let lemma = tree.lemma(w).to_lowercase();
    let particles: Vec<usize> = tree
        .children(w)
        .filter(|&d| tree.deprel(d) == "compound:prt")
        .collect();
    let nouns = frame_nouns(tree, w);
    let mut patterns = Vec::new();
    let mut shown = t + 1;
    let mut consumed = Vec::new();
    let mut matched: Vec<(&'l EventPattern, usize)> = Vec::new();
    let mut deferred: Vec<usize> = Vec::new();
    for frame in cx.lexicon.event_frames(&lemma) {
        // The particle, when the parse did not make it one but the next word is it ("asked
        // *for* asylum", "hacked *into* servers"): then the noun carries it as its
        // preposition.
        let mut next_particle: Option<&str> = None;
        let verb_fits = frame.verbs.iter().any(|v| {
            v.lemma == lemma
                && match &v.particle {
                    Some(p) => {
                        if particles
                            .iter()
                            .any(|&d| tree.lemma(d).eq_ignore_ascii_case(p))
                        {
                            true
                        } else if t + 1 < limit && cx.lower(t + 1) == p {
                            next_particle = Some(p.as_str());
                            true
                        } else {
                            // "forced the agency out of the country": the particle after
                            // the object, read as the first of two prepositions.
                            std::iter::once(w)
                                .chain(tree.objects(w))
                                .flat_map(|h| tree.obliques(h))
                                .any(|(o, _)| {
                                    let cases: Vec<usize> = tree.children_by(o, "case").collect();
                                    cases.len() >= 2 && tree.lemma(cases[0]).eq_ignore_ascii_case(p)
                                })
                        }
                    }
                    None => particles.is_empty(),
                }
        });
        if !verb_fits {
            continue;
        }
        let root = root_of(&frame.pattern.code);
        let Some(&(n, case)) = nouns.iter().find(|&&(n, case)| {
            frame.nouns.iter().any(|f| {
                let case_fits = f.case.as_deref() == case
                    || (f.case.is_none()
                        && next_particle
                            .is_some_and(|p| case.is_some_and(|c| c.eq_ignore_ascii_case(p))));
                case_fits && noun_is(tree, n, &f.lemma)
            })
        }) else {
            continue;
        };
        let direct = case.is_none() || next_particle.is_some();
        if direct && same_root_trigger(cx, tree, offset, n, limit, root) {
            deferred.push(n);
            continue;
        }
        matched.push((&frame.pattern, n));
    }
    // A noun one of the verb's frames leaves to its own trigger is left to it by every
    // frame ("sent tanks": the tanks are arms given, not troops deployed).
    matched.retain(|(_, n)| !deferred.contains(n));
    for &(pattern, n) in &matched {
        patterns.push(pattern);
        shown = shown.max(offset + n + 1);
        consumed.push(offset + n);
        consumed.extend(tree.children_by(n, "compound").map(|c| offset + c));
    }
    (!patterns.is_empty()).then_some((patterns, shown, consumed))
}

/// Whether the noun phrase of `n` is itself a word-pattern trigger of CAMEO root `root`
/// ("launched an *attack*"): that trigger codes it, as the verb's object, with the verb's
/// subject as its source.
fn same_root_trigger(
    cx: &Context,
    tree: &dyad_nlp::Tree<'_>,
    offset: usize,
    n: usize,
    limit: usize,
    root: Option<u8>,
) -> bool {
    let first = tree.children_by(n, "compound").fold(n, usize::min);
    // Not one that may lack a target: alone, such a noun is coded only with one
    // ("declared a unilateral *ceasefire*" is the verb's act).
    (offset + first..=offset + n).any(|i| {
        trigger_at(cx, i, limit).is_some_and(|(ps, e)| {
            e > offset + n
                && ps
                    .iter()
                    .any(|p| root_of(&p.code) == root && !may_lack_target(p))
        })
    })
}

/// The first token after `t` that is not a determiner.
/// Also passes over numbers and quantifiers: "expelled two British diplomats".
fn skip_determiners(cx: &Context, mut t: usize) -> usize {
    const QUANTIFIERS: &[&str] = &[
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "dozens",
        "dozen",
        "several",
        "some",
        "many",
        "more",
        "other",
        "senior",
        "top",
        "hundreds",
        "thousands",
        "tens",
        "scores",
        "million",
        "millions",
        "about",
        "nearly",
        "almost",
        "of",
    ];
    let start = t;
    // Adjectives too ("to the *biggest* Cambodian refugee camp"): an actor that starts
    // with one ("Israeli troops") still starts inside the words passed.
    while DETERMINERS.contains(&cx.lower(t))
        || (t > start && cx.upos(t) == Some("ADJ") && cx.upos(t + 1) == Some("ADJ"))
        || cx.kind(t) == Some(dyad_model::TokenKind::Number)
        || (QUANTIFIERS.contains(&cx.lower(t)) && !(cx.lower(t) == "of" && t == start))
    {
        t += 1;
    }
    t
}

/// The actors that start at token `t`, or at a determiner just before it ("the leaders of").
fn actors_at<'f>(actors: &[&'f Found], from: usize, t: usize) -> Vec<&'f Found> {
    actors
        .iter()
        .filter(|f| (from..=t).contains(&f.first))
        .copied()
        .collect()
}

/// Whether a pattern is a protest (CAMEO 14): demonstrations, strikes, boycotts, blockades
/// and riots, which the news often reports without naming whom they are against.
fn is_protest(p: &EventPattern) -> bool {
    p.code.starts_with("14")
}

/// Whether an event of pattern `p` may be coded with no target when the text names none:
/// protests; refugees taken in (075, "accepted 20,000 refugees"); and yielding acts that
/// take no object: easing restrictions, a curfew or a
/// state of emergency (081x, most often at home: "cancelled restrictions on the use of
/// Russian"), calling off a protest (082), meeting demands (083, "would not meet the
/// hostage-takers' demands" is a refusal), resigning (0831), demobilising (0873),
/// declaring a ceasefire (0871), surrendering (0874); investigations opened (09x,
/// "launched an investigation into alleged crimes"); demands for political reform, a
/// leader's removal or rights (104x), which are made of one's own rulers as often as named
/// ("demanded immediate elections"); a call or plan rejected (120, "rejected a call for
/// its forces to be deployed"); patrols ordered (153); peacekeepers pulled out (1661);
/// protests banned or broken up (1721, 175), whose protesters go unnamed as often as not;
/// and a curfew, martial law or a state of emergency imposed (1723, 1724), on one's own
/// people.
/// The target-less reading of some of these asks more of the trigger: see
/// [`done_alone`].
fn may_lack_target(p: &EventPattern) -> bool {
    is_protest(p)
        || matches!(
            p.code.as_str(),
            "075"
                | "081"
                | "0811"
                | "0813"
                | "0814"
                | "082"
                | "083"
                | "0831"
                | "0871"
                | "0873"
                | "0874"
                | "090"
                | "091"
                | "092"
                | "093"
                | "094"
                | "104"
                | "1041"
                | "1042"
                | "1043"
                | "120"
                | "153"
                | "1661"
                | "1721"
                | "1723"
                | "1724"
                | "175"
        )
}

/// Whether the trigger `(t, end)` of pattern `p`, which found no target, tells an act
/// done: a protest done, not only named ([`protest_action`]); an investigation opened,
/// not every one spoken of ([`OPENING`]: "launched an investigation into alleged
/// crimes"); a rejection of something asked ("rejected a call", "dismissed an appeal"),
/// not of whatever is ignored or backtracked on; refugees or asylum-seekers taken in, not
/// whatever is harboured; else any verb.
fn done_alone(cx: &Context, p: &EventPattern, (t, end): (usize, usize)) -> bool {
    if is_protest(p) {
        protest_action(cx, t)
    } else if p.code.starts_with("09") {
        OPENING.contains(&cx.lower(t))
    } else if p.code.starts_with("12") {
        (t..end).any(|i| ASKED.contains(&cx.lower(i)))
    } else if p.code == "075" {
        (t..end).any(|i| cx.lower(i).starts_with("refugee") || cx.lower(i).starts_with("asylum"))
    } else {
        cx.upos(t) == Some("VERB")
    }
}

/// Nouns of something asked or put forward, whose rejection is an act of its own.
const ASKED: &[&str] = &[
    "call",
    "calls",
    "appeal",
    "appeals",
    "demand",
    "demands",
    "request",
    "requests",
    "proposal",
    "proposals",
    "plan",
    "plans",
    "offer",
    "offers",
    "plea",
    "pleas",
];

/// Verbs that open an inquiry: an investigation opened is an event even when the text
/// names no one it is into.
const OPENING: &[&str] = &[
    "opened",
    "opens",
    "launched",
    "launches",
    "began",
    "begins",
    "started",
    "starts",
    "ordered",
    "orders",
    "initiated",
    "initiates",
    "completed",
    "completes",
    "held",
    "holds",
];

/// Verbs that make a protest noun an action: "staged a protest", "began a hunger strike".
const PROTEST_VERBS: &[&str] = &[
    "staged",
    "stage",
    "stages",
    "staging",
    "held",
    "hold",
    "holds",
    "holding",
    "began",
    "begin",
    "begins",
    "beginning",
    "started",
    "start",
    "starts",
    "starting",
    "launched",
    "launch",
    "launches",
    "launching",
    "continued",
    "continue",
    "continues",
    "continuing",
    "organized",
    "organised",
    "organize",
    "organise",
    "mounted",
    "mount",
    "declared",
    "called",
    "joined",
    "join",
];

/// Whether the protest trigger at `t` is something done, not only named ("killed in ethnic
/// riots", "called off a strike", "rallies by the group"): a verb ("demonstrated",
/// "rioted"), or a noun that one of [`PROTEST_VERBS`] governs within three words.
fn protest_action(cx: &Context, t: usize) -> bool {
    if cx.upos(t) == Some("VERB") {
        return true;
    }
    let first = cx.sentence_tokens(cx.sentence_of(t)).start;
    (t.saturating_sub(3).max(first)..t)
        .any(|i| PROTEST_VERBS.contains(&cx.lower(i)) && !matches!(cx.lower(i + 1), "off" | "for"))
}

/// Words that open what a protest is for or against: "to demand ...", "against ...",
/// "calling for ...".
const PURPOSES: &[&str] = &[
    "against",
    "over",
    "demanding",
    "calling",
    "denouncing",
    "protesting",
    "urging",
];

/// By word order, whom a protest is against: the first actor named within twelve words
/// after "to" + verb or one of [`PURPOSES`] following the trigger ("a hunger strike
/// outside parliament to demand the return of land seized by Algerian forces").
fn purpose_after<'f>(
    cx: &Context,
    actors: &[&'f Found],
    end: usize,
    sentence_end: usize,
    source: &Found,
) -> Option<&'f Found> {
    let opens = (end..sentence_end).find(|&i| {
        PURPOSES.contains(&cx.lower(i)) || (cx.lower(i) == "to" && cx.upos(i + 1) == Some("VERB"))
    })?;
    actors
        .iter()
        .find(|f| {
            f.first > opens
                && f.first <= opens + 12
                && !std::ptr::eq(**f, source)
                && !f.in_compound
                && !is_place(f)
                && (opens..f.first).all(|j| !matches!(cx.lower(j), ";" | ":"))
        })
        .copied()
}

/// Words for people who protest without a name for who they are.
const PEOPLE: &[&str] = &[
    "people",
    "residents",
    "protesters",
    "protestors",
    "demonstrators",
    "students",
    "workers",
    "crowds",
    "crowd",
    "villagers",
    "citizens",
    "youths",
    "farmers",
    "marchers",
    "rioters",
    "prisoners",
    "inmates",
    "detainees",
    "refugees",
    "pensioners",
    "women",
    "mourners",
    "supporters",
    "followers",
    "activists",
    "opponents",
    "teachers",
    "traders",
];

/// Whether the words just before a protest trigger at `t`, back to the verb or comma
/// before them, name people only generally ("hundreds of thousands of people blocked",
/// "angry crowds marched", "about 200 supporters of the former president blocked").
fn people_before(cx: &Context, t: usize, first: usize) -> bool {
    (t.saturating_sub(8).max(first)..t)
        .rev()
        // (A participle after a determiner describes: "the *jailed* mayor".)
        .take_while(|&i| {
            let describes = i > first && DETERMINERS.contains(&cx.lower(i - 1));
            (describes || !matches!(cx.upos(i), Some("VERB" | "AUX"))) && cx.lower(i) != ","
        })
        .any(|i| PEOPLE.contains(&cx.lower(i)))
}

/// Prepositions of where a protest happens.
pub(crate) const PROTEST_PLACES: &[&str] = &[
    "in",
    "at",
    "outside",
    "near",
    "inside",
    "throughout",
    "across",
    "around",
];

/// By word order, the actor a protest happens at or in: the first named within six words
/// after one of [`PROTEST_PLACES`] following the trigger ("in the coastal city of
/// Mombasa", "outside the US embassy").
fn place_after<'f>(
    cx: &Context,
    actors: &[&'f Found],
    end: usize,
    sentence_end: usize,
    source: Option<&Found>,
) -> Option<&'f Found> {
    (end..sentence_end)
        .filter(|&i| PROTEST_PLACES.contains(&cx.lower(i)))
        .find_map(|i| {
            actors
                .iter()
                .find(|f| {
                    f.first > i
                        && f.first <= i + 6
                        && source.is_none_or(|s| !std::ptr::eq(**f, s))
                        && !f.in_compound
                        && (i + 1..f.first).all(|j| cx.upos(j) != Some("VERB"))
                })
                .copied()
        })
}

/// Prepositions of place: a target rule with one of them may take a place ("protested in
/// Baghdad" has Iraq as its target); other rules never do.
pub(crate) const LOCATIVE_RULES: &[&str] = &["in", "at", "outside", "near", "inside"];

/// Whether a mention is a place where something happens ("in Amman").
pub(crate) fn is_place(f: &Found) -> bool {
    f.mention.actor.kind == ActorKind::Place
}

/// Source(s) and target for a trigger at `t..end`.
fn arguments<'f>(
    cx: &Context,
    actors: &[&'f Found],
    p: &EventPattern,
    t: usize,
    end: usize,
) -> Option<(Vec<&'f Found>, &'f Found)> {
    let sentence_end = cx.sentence_tokens(cx.sentence_of(t)).end;
    if let Some(found) = passive(cx, actors, t, end, sentence_end) {
        return Some(found);
    }
    for rule in &p.targets {
        match rule {
            Target::Object => {
                let at = skip_determiners(cx, end);
                // A place is the object only of a trigger that ends in a preposition of
                // place: "arrived in Amman".
                let of_place = end > t && LOCATIVE_RULES.contains(&cx.lower(end - 1));
                if let Some(target) = actors_at(actors, end, at)
                    .into_iter()
                    .find(|f| !is_place(f) || of_place)
                {
                    let sources = sources_before(cx, actors, t);
                    if !sources.is_empty() {
                        return Some((sources, target));
                    }
                }
            }
            Target::Preposition(prep) => {
                let limit = (end + PREP_WINDOW).min(sentence_end);
                let Some(pt) = (end..limit)
                    .take_while(|&i| !matches!(cx.lower(i), "," | ";" | ":" | "“" | "”" | "\""))
                    .find(|&i| cx.lower(i) == prep)
                else {
                    continue;
                };
                let at = skip_determiners(cx, pt + 1);
                let Some(first) = actors_at(actors, pt + 1, at)
                    .into_iter()
                    .find(|f| !is_place(f) || LOCATIVE_RULES.contains(&prep.as_str()))
                else {
                    continue;
                };
                if prep == "between" && !p.code.starts_with("045") {
                    // "between A and B": A is the source, B the target (a mediator's
                    // "between A and B" names both as targets, as any list does).
                    let second = actors
                        .iter()
                        .find(|f| {
                            f.first >= first.end
                                && f.first <= first.end + 2
                                && (first.end..f.first).all(|i| matches!(cx.lower(i), "and" | ","))
                        })
                        .copied();
                    if let Some(second) = second {
                        return Some((vec![first], second));
                    }
                    continue;
                }
                let sources = sources_before(cx, actors, t);
                if !sources.is_empty() {
                    return Some((sources, first));
                }
            }
        }
    }
    None
}

/// Forms of "be" (and "get") that make a following participle passive.
const PASSIVE_AUXILIARIES: &[&str] = &[
    "was", "were", "is", "are", "been", "being", "be", "got", "gets", "get",
];

/// "Russia was condemned by the UN": the agent after "by" is the source and the passive
/// subject the target.
fn passive<'f>(
    cx: &Context,
    actors: &[&'f Found],
    t: usize,
    end: usize,
    sentence_end: usize,
) -> Option<(Vec<&'f Found>, &'f Found)> {
    let mut a = t;
    // Adverbs between auxiliary and participle: "was strongly condemned".
    while a > 0 && cx.lower(a - 1).ends_with("ly") {
        a -= 1;
    }
    if a == 0 || !PASSIVE_AUXILIARIES.contains(&cx.lower(a - 1)) {
        return None;
    }
    let limit = (end + PREP_WINDOW).min(sentence_end);
    let by = (end..limit)
        .take_while(|&i| !matches!(cx.lower(i), "," | ";" | ":"))
        .find(|&i| cx.lower(i) == "by")?;
    let at = skip_determiners(cx, by + 1);
    let agent = actors_at(actors, by + 1, at).into_iter().next()?;
    let subject = sources_before(cx, actors, a - 1).pop()?;
    Some((vec![agent], subject))
}

/// "Macron and Scholz held talks": a reciprocal event (one whose pattern takes "with") with
/// a coordinated subject and no target is coded between every ordered pair of the subject's
/// members, as CAMEO coders do (each side met the other).
fn reciprocal<'f>(
    cx: &Context,
    actors: &[&'f Found],
    p: &EventPattern,
    (t, end): (usize, usize),
) -> Vec<(&'f Found, &'f Found)> {
    let takes_with = p
        .targets
        .iter()
        .any(|r| matches!(r, Target::Preposition(w) if w == "with" || w == "between"));
    // Meeting, agreeing and cooperating are mutual, and so is failing to agree ("Israel
    // and Syria failed to reach agreement"); fighting "with" someone is not coded from a
    // subject list alone. Anything done to "each other" is.
    let failed = matches!(cx.lower(t), "failed" | "fail" | "fails" | "failing");
    // Not mediating: a mediator is not among those it mediates between.
    let mutual = (matches!(p.code.get(..2), Some("03" | "04" | "05" | "06"))
        && !p.code.starts_with("045"))
        || (p.code.starts_with("12") && failed);
    let each_other = matches!(
        (cx.lower(end), cx.lower(end + 1)),
        ("each", "other") | ("one", "another")
    );
    if !(each_other || (takes_with && mutual)) {
        return Vec::new();
    }
    let group = sources_before(cx, actors, t);
    // The subject list must belong to the trigger's clause, not a distant one.
    if group
        .last()
        .is_some_and(|g| t.saturating_sub(g.end) > RECIPROCAL_REACH)
    {
        return Vec::new();
    }
    let mut pairs = Vec::new();
    for a in &group {
        for b in &group {
            if a.first != b.first {
                pairs.push((*a, *b));
            }
        }
    }
    pairs
}

/// The subject before token `t`: the nearest actor not governed by a preposition, with the
/// actors coordinated with it.
fn sources_before<'f>(cx: &Context, actors: &[&'f Found], t: usize) -> Vec<&'f Found> {
    let candidates: Vec<&Found> = actors
        .iter()
        .filter(|f| {
            f.end <= t
                && !f.in_compound
                && !is_place(f)
                && !cx.in_quote(f.first)
                && subject_like(cx, actors, f)
        })
        .copied()
        .collect();
    let Some(mut last) = candidates.last() else {
        return Vec::new();
    };
    // "Pakistan, a key U.S. ally in the war, has refused": the subject is before the
    // apposition, not inside it.
    if let Some(before) = candidates.iter().rev().find(|f| {
        f.end < last.first
            && cx.lower(f.end) == ","
            && matches!(cx.lower(f.end + 1), "a" | "an" | "the" | "its" | "whose")
            && (f.end + 1..last.first).all(|i| cx.lower(i) != ",")
            && (f.end..last.end).all(|i| !matches!(cx.lower(i), "and" | "or"))
            && (last.end..t).any(|i| cx.lower(i) == ",")
    }) {
        last = before;
    }
    // All mentions sharing the last one's span ("the two leaders" is two actors).
    let mut group: Vec<&Found> = candidates
        .iter()
        .filter(|f| f.first == last.first)
        .copied()
        .collect();
    // Walk back over a coordinated list: "The US, Canada, Australia and Britain",
    // "Brazil and the United States" (a mention does not take in "the").
    let mut head = last.first;
    loop {
        let prev = candidates.iter().rev().find(|f| {
            f.end < head
                && head - f.end <= 3
                && (f.end..head).all(|i| {
                    matches!(cx.lower(i), "," | "and" | "or")
                        || (i + 1 == head && cx.lower(i) == "the")
                })
                && (f.end..head).any(|i| matches!(cx.lower(i), "," | "and" | "or"))
        });
        match prev {
            Some(p) => {
                group.insert(0, p);
                head = p.first;
            }
            None => break,
        }
    }
    group
}

/// A target and the actors listed after it: "to Iran, Libya, North Korea and Cuba".
fn with_following<'f>(cx: &Context, actors: &[&'f Found], first: &'f Found) -> Vec<&'f Found> {
    let mut out = vec![first];
    let mut end = first.end;
    while let Some(next) = actors.iter().find(|f| {
        let gap = end..f.first;
        let joined = gap.clone().any(|i| matches!(cx.lower(i), "and" | "or"));
        // A comma alone joins only an item the list goes on after ("Iran, Libya and
        // Cuba"), not "…, the Israeli army said".
        f.first > end
            && f.first <= end + 2
            && !f.in_compound
            && gap
                .clone()
                .all(|i| matches!(cx.lower(i), "," | "and" | "or"))
            && (joined || matches!(cx.lower(f.end), "," | "and" | "or"))
            // "... to Syria and Russia supplied jets": the next clause's subject.
            && !matches!(cx.upos(f.end), Some("VERB" | "AUX"))
    }) {
        out.push(next);
        end = next.end;
    }
    out
}

/// True when a mention can be a subject: not the object of a preposition, and not
/// coordinated with one that is.
fn subject_like(cx: &Context, actors: &[&Found], f: &Found) -> bool {
    if governing_preposition(cx, f.first).is_some() && !counted(cx, f.first) {
        return false;
    }
    // "between Biden and Xi": Xi is coordinated with a prepositional object.
    let mut head = f.first;
    while head >= 2 && matches!(cx.lower(head - 1), "and" | "," | "or") {
        match actors
            .iter()
            .find(|g| g.end == head - 1 || (g.end + 1 == head - 1 && cx.lower(g.end) == ","))
        {
            Some(g) => {
                if governing_preposition(cx, g.first).is_some() {
                    return false;
                }
                head = g.first;
            }
            None => break,
        }
    }
    true
}

/// Words that count or gather the people named after "of": "thousands of Kenyan
/// students", "a group of Moroccan diplomats" are those students and diplomats.
const QUANTITIES: &[&str] = &[
    "thousands",
    "hundreds",
    "dozens",
    "scores",
    "millions",
    "tens",
    "group",
    "groups",
    "crowd",
    "crowds",
    "number",
    "handful",
    "some",
    "many",
    "most",
    "all",
    "several",
    "delegation",
    "team",
    "band",
    "majority",
];

/// Whether the mention at `t` follows "of" after a word of quantity ([`QUANTITIES`]).
fn counted(cx: &Context, t: usize) -> bool {
    let mut p = t;
    while p > 0 && DETERMINERS.contains(&cx.lower(p - 1)) {
        p -= 1;
    }
    p >= 2 && cx.lower(p - 1) == "of" && QUANTITIES.contains(&cx.lower(p - 2))
}

const NEGATION: &[&str] = &["not", "n't", "never", "no", "neither", "nor", "cannot"];
const DENIAL: &[&str] = &["denied", "denies", "deny", "denying"];
const CONDITION: &[&str] = &[
    "could",
    "would",
    "might",
    "may",
    "should",
    "must",
    "if",
    "unless",
    "proposed",
    "proposes",
    "suggested",
    "possible",
    "possibly",
];
/// Past-tense verbs of saying after which "would" is a reported "will".
const REPORTING_PAST: &[&str] = &[
    "said",
    "announced",
    "declared",
    "stated",
    "told",
    "warned",
    "confirmed",
    "indicated",
    "insisted",
    "reiterated",
    "added",
];
/// Modals that make what follows intended.
const INTENT_MODALS: &[&str] = &["will", "'ll", "shall"];
/// Verbs and adjectives that make an event intended when followed by "to" ("hopes to meet");
/// on their own they are events of their own ("pledged aid").
const INTENT: &[&str] = &[
    "plans",
    "plan",
    "planned",
    "planning",
    "hopes",
    "hope",
    "hoped",
    "hoping",
    "intends",
    "intend",
    "intended",
    "wants",
    "want",
    "wanted",
    "expects",
    "expect",
    "expected",
    "aims",
    "aim",
    "seeks",
    "seek",
    "seeking",
    "sought",
    "promised",
    "promises",
    "pledged",
    "pledges",
    "vowed",
    "vows",
    "agreed",
    "agrees",
    "scheduled",
    "set",
    "going",
    "ready",
    "willing",
    "invited",
    "eager",
    "due",
    "wishes",
    "wish",
    "like",
    "prepared",
    "preparing",
    "prepares",
    "travel",
    "travels",
    "traveling",
    "travelling",
];

/// The mode of an event from the words between its source (ending at `from`) and its
/// trigger at `t`, and any condition earlier in the sentence.
fn mode(cx: &Context, from: usize, t: usize, sentence_start: usize) -> Option<Mode> {
    let between: Vec<&str> = (from..t).map(|i| cx.lower(i)).collect();
    // A denial governs the clause it introduces: "X denied that Y met Z".
    if (sentence_start..t).any(|i| DENIAL.contains(&cx.lower(i))) {
        return Some(Mode::Denied);
    }
    if between.iter().any(|w| NEGATION.contains(w)) {
        return Some(Mode::Negated);
    }
    let would_like = between
        .windows(2)
        .any(|w| w[0] == "would" && w[1] == "like");
    let intent_to = between
        .windows(2)
        .any(|w| INTENT.contains(&w[0]) && w[1] == "to")
        || (from..t).any(|i| INTENT.contains(&cx.lower(i)) && cx.lower(i + 1) == "to");
    // Reported speech shifts "will" to "would": "Israel announced it would free 150
    // prisoners" reports an intention, not a condition.
    let reported_will = (from..t).any(|i| {
        cx.lower(i) == "would"
            && (sentence_start..i).any(|j| REPORTING_PAST.contains(&cx.lower(j)))
            && !(sentence_start..t).any(|j| matches!(cx.lower(j), "if" | "unless"))
    });
    if would_like || intent_to || reported_will || between.iter().any(|w| INTENT_MODALS.contains(w))
    {
        return Some(Mode::Intended);
    }
    if between.iter().any(|w| CONDITION.contains(w))
        || (sentence_start..t).any(|i| matches!(cx.lower(i), "if" | "unless"))
    {
        return Some(Mode::Hypothetical);
    }
    None
}

#[cfg(test)]
mod tests {
    use dyad_lexicon::Lexicon;
    use dyad_model::Mode;

    use crate::test_has as has;

    fn events(text: &str) -> Vec<(String, String, String, Option<Mode>, String)> {
        let lex = Lexicon::builtin();
        crate::code_document(crate::test_document(text), &lex)
            .events
            .into_iter()
            .map(|e| {
                (
                    e.source.actor.code,
                    e.target.map(|t| t.actor.code).unwrap_or_default(),
                    e.cameo,
                    e.mode,
                    e.trigger.text,
                )
            })
            .collect()
    }

    fn ev(
        s: &str,
        t: &str,
        c: &str,
        m: Option<Mode>,
        trig: &str,
    ) -> (String, String, String, Option<Mode>, String) {
        (s.into(), t.into(), c.into(), m, trig.into())
    }

    #[test]
    fn a_date_inside_a_frames_span_dates_its_event() {
        let lex = Lexicon::builtin();
        let doc = crate::code_document(
            crate::test_document("Turkey lifted on 3 May 2021 its blockade of Armenian trucks."),
            &lex,
        );
        let e = doc.events.iter().find(|e| e.cameo == "0872").expect("0872");
        assert_eq!(
            e.date.as_ref().map(|d| d.value.as_str()),
            Some("2021-05-03")
        );
    }

    #[test]
    fn a_verb_and_the_noun_it_governs_make_an_event_wherever_they_stand() {
        // Words between verb and object, any inflection.
        assert_eq!(
            events("Turkey on Tuesday lifted a two-week blockade on Armenian trucks."),
            [ev("TUR", "ARM", "0872", None, "lifted a two-week blockade")]
        );
        // The object before its verb: a passive, its agent the source.
        assert!(has(
            "The blockade of Qatar was lifted by Saudi Arabia in January.",
            "SAU",
            "QAT",
            "0872"
        ));
        // A phrasal verb, and what a measure counts.
        assert_eq!(
            events("Germany handed over 300 tonnes of medicine to Ukraine on Monday."),
            [ev(
                "DEU",
                "UKR",
                "073",
                None,
                "handed over 300 tonnes of medicine"
            )]
        );
        assert!(has(
            "Kenya cut off food supplies to Somalia.",
            "KEN",
            "SOM",
            "1623"
        ));
        // Coordinated objects; the preposition on the last of them.
        assert!(has(
            "Japan flew tents and blankets to Turkey after the earthquake.",
            "JPN",
            "TUR",
            "073"
        ));
        // The noun in an oblique ("engaged X in a gunbattle"), the object the target.
        assert!(has(
            "Colombian troops engaged FARC rebels in a gunbattle near the border.",
            "COL",
            "COL",
            "190"
        ));
        assert!(has(
            "Ethiopia recalled its ambassador from Kenya.",
            "ETH",
            "KEN",
            "161"
        ));
        // Expelling diplomats reduces relations; capturing a town occupies it; troops
        // deployed, however many.
        assert!(has(
            "Estonia expelled two Russian diplomats on Friday.",
            "EST",
            "RUS",
            "161"
        ));
        assert!(has(
            "Ethiopian troops captured part of the Somali town on Sunday.",
            "ETH",
            "SOM",
            "192"
        ));
        assert!(has(
            "Russia deployed thousands of troops near the Ukrainian border.",
            "RUS",
            "UKR",
            "154"
        ));
        // A relation's other side is named by "with"; cyber attacks; evacuations.
        assert!(has(
            "Moscow cut all trade with Georgia.",
            "RUS",
            "GEO",
            "160"
        ));
        assert!(has(
            "Russian hackers hacked into Ukrainian government servers.",
            "RUS",
            "UKR",
            "176"
        ));
        assert!(has(
            "Turkish rescuers evacuated wounded civilians from Syria.",
            "TUR",
            "SYR",
            "073"
        ));
        // The frame's noun phrase is no trigger of its own, even one that starts before
        // the noun ("economic sanctions" is 163 alone).
        assert_eq!(
            events("Cuba eased economic sanctions on Venezuela."),
            [ev("CUB", "VEN", "085", None, "eased economic sanctions")]
        );
        // A particle the parse left to the noun ("applied *for* asylum").
        assert!(has(
            "Hundreds of Afghans applied for asylum in Germany.",
            "AFG",
            "DEU",
            "100"
        ));
        // Fire exchanged, warnings issued, complaints filed, control seized.
        assert!(has(
            "Syrian troops exchanged fire with Turkish forces on the border.",
            "SYR",
            "TUR",
            "19"
        ));
        assert!(has(
            "Russia issued a warning to Finland over NATO membership.",
            "RUS",
            "FIN",
            "130"
        ));
        assert!(has(
            "Iran filed a complaint against the United States at the UN.",
            "IRN",
            "USA",
            "114"
        ));
        assert!(has(
            "Taliban fighters seized control of Kunduz.",
            "AFG",
            "AFG",
            "192"
        ));
        // A noun that may go without a target is the verb's act, not left to the noun.
        assert_eq!(
            events("Hizbollah declared a unilateral ceasefire on Wednesday in south Lebanon."),
            [ev(
                "LBNREBHEZ",
                "",
                "0871",
                None,
                "declared a unilateral ceasefire"
            )]
        );
        // A noun no frame of the verb lists makes no event.
        assert!(events("Kenya lifted its growth forecast for Somalia.").is_empty());
        assert!(events("Egypt opened a trade fair to companies from Sudan.").is_empty());
    }

    #[test]
    fn a_list_may_name_its_last_member_with_the() {
        // "Brazil and the United States": "the" stands between the names of one list.
        let e = events("Brazil and the United States held talks on Monday.");
        assert!(e.contains(&ev("BRA", "USA", "040", None, "talks")), "{e:?}");
        assert!(e.contains(&ev("USA", "BRA", "040", None, "talks")), "{e:?}");
    }

    #[test]
    fn an_agreement_to_act_is_an_intent_and_the_act_is_not_done() {
        let e = events("Serbia and Croatia reached an agreement to reopen their border crossings.");
        assert!(e.iter().all(|x| x.2 == "030"), "{e:?}");
        assert!(has(
            "Serbia and Croatia reached an agreement to reopen their border crossings.",
            "SRB",
            "HRV",
            "030"
        ));
    }

    #[test]
    fn a_verb_that_only_speaks_of_an_act_did_not_do_it() {
        // "that" is a determiner here, not a demanded clause; and calling an attack a
        // crime is not attacking.
        let e = events("Kyiv called that attack on Russia a war crime.");
        assert!(e.iter().all(|x| !x.2.starts_with("19")), "{e:?}");
    }

    #[test]
    fn what_a_ban_stops_and_what_no_one_named_did_are_no_events() {
        assert!(
            events(
                "The Japanese government announced bans on travel to Japan for Russian officials."
            )
            .iter()
            .all(|x| x.2 != "042")
        );
        // The agreement was signed by someone not named here; the subjects only violated it.
        assert!(
            events("Both the Kenyan army and the Somali rebels are accused of breaking the truce agreement signed in March.")
                .iter()
                .all(|x| !x.2.starts_with("05"))
        );
    }

    #[test]
    fn sorrow_opposition_and_evidence() {
        assert!(has(
            "The Kenyan president expressed sorrow over the deaths of Ugandan pilgrims.",
            "KEN",
            "UGA",
            "018"
        ));
        assert!(has(
            "Opponents of the Kenyan government protested in Nairobi on Monday.",
            "KEN",
            "KEN",
            "141"
        ));
        assert!(has(
            "Evidence against Iran was presented by Israel at the UN.",
            "ISR",
            "IRN",
            "112"
        ));
    }

    #[test]
    fn consultations() {
        // Meeting is mutual: each side consults the other.
        assert_eq!(
            events("Putin met Xi in Beijing."),
            [
                ev("RUSGOV", "CHNGOV", "040", None, "met"),
                ev("CHNGOV", "RUSGOV", "040", None, "met")
            ]
        );
        assert_eq!(
            events("Germany held talks with France on Monday."),
            [
                ev("DEU", "FRA", "040", None, "talks"),
                ev("FRA", "DEU", "040", None, "talks")
            ]
        );
        assert_eq!(
            events("The conversation between Biden and Xi took place on November 15."),
            [
                ev("USAGOV", "CHNGOV", "040", None, "conversation"),
                ev("CHNGOV", "USAGOV", "040", None, "conversation")
            ]
        );
        assert_eq!(
            events("Erdogan had a phone call with Putin."),
            [
                ev("TURGOV", "RUSGOV", "041", None, "phone call"),
                ev("RUSGOV", "TURGOV", "041", None, "phone call")
            ]
        );
        // A visit goes one way.
        assert_eq!(
            events("Macron visited China."),
            [ev("FRAGOV", "CHN", "042", None, "visited")]
        );
    }

    #[test]
    fn modes() {
        assert_eq!(
            events("The Russian president hopes to meet with Xi in February."),
            [ev("RUSGOV", "CHNGOV", "036", Some(Mode::Intended), "meet")]
        );
        assert_eq!(
            events("Scholz did not meet Putin."),
            [ev("DEUGOV", "RUSGOV", "040", Some(Mode::Negated), "meet")]
        );
        assert_eq!(
            events("Biden could meet Xi next month."),
            [ev(
                "USAGOV",
                "CHNGOV",
                "040",
                Some(Mode::Hypothetical),
                "meet"
            )]
        );
        assert_eq!(
            events("The Kremlin denied that Putin met Zelensky."),
            [ev("RUSGOV", "UKRGOV", "040", Some(Mode::Denied), "met")]
        );
        // Reported speech turns "will" into "would"; a condition keeps it hypothetical.
        assert_eq!(
            events("Israel said it would meet Syria in Geneva next week."),
            [ev("ISR", "SYR", "036", Some(Mode::Intended), "meet")]
        );
        assert_eq!(
            events("Israel would meet Syria if the talks resumed."),
            [ev("ISR", "SYR", "040", Some(Mode::Hypothetical), "meet")]
        );
    }

    #[test]
    fn coordination_and_references() {
        let got = events("Putin spoke to Xi. Then the two leaders held a meeting with Biden.");
        assert_eq!(
            got,
            [
                ev("CHNGOV", "USAGOV", "040", None, "meeting"),
                ev("USAGOV", "CHNGOV", "040", None, "meeting"),
                ev("RUSGOV", "USAGOV", "040", None, "meeting"),
                ev("USAGOV", "RUSGOV", "040", None, "meeting")
            ]
        );
        let got = events("France and Germany held talks with Japan.");
        assert_eq!(
            got,
            [
                ev("FRA", "JPN", "040", None, "talks"),
                ev("JPN", "FRA", "040", None, "talks"),
                ev("DEU", "JPN", "040", None, "talks"),
                ev("JPN", "DEU", "040", None, "talks")
            ]
        );
    }

    #[test]
    fn a_mediator_mediates_between_both_sides() {
        // "between" read by word order (the parse attaches it to "Monday"), and from the
        // noun the trigger modifies ("mission ... between").
        for text in [
            "Egypt launched a mediation effort on Monday between Ethiopia and Sudan.",
            "Egypt undertook a mediation mission between Ethiopia and Sudan.",
        ] {
            let got = events(text);
            let pairs: Vec<(&str, &str, &str)> = got
                .iter()
                .map(|e| (e.0.as_str(), e.1.as_str(), e.2.as_str()))
                .collect();
            assert_eq!(
                pairs,
                [("EGY", "ETH", "045"), ("EGY", "SDN", "045")],
                "{text}"
            );
        }
    }

    #[test]
    fn must_after_a_saying_verb_is_a_demand() {
        assert_eq!(
            events("A British minister reiterated that Libya must hand over the suspects."),
            [ev("GBRGOV", "LBY", "100", None, "must")]
        );
        // Not when the speaker speaks of itself, nor without a speaker.
        assert!(events("Russia said Russia must act.").is_empty());
        assert!(events("Libya must hand over the suspects.").is_empty());
        // Everyone listed before "must", and a subject with plain words after its name.
        assert_eq!(
            events("Norway said that the Sudanese government and the rebels in Darfur must talk."),
            [
                ev("NOR", "SDNGOV", "100", None, "must"),
                ev("NOR", "SDNREB", "100", None, "must")
            ]
        );
        assert_eq!(
            events("Canada said that Japan and other rich nations must give more."),
            [ev("CAN", "JPN", "100", None, "must")]
        );
        // A country makes no demand of itself; rebels may demand something of their own
        // country's government; what must be done is not done.
        assert!(events("Putin said Russia must strengthen its army.").is_empty());
        let got = events("Sudanese rebels said that President Bashir must resign.");
        assert!(
            got.iter()
                .any(|e| e.0 == "SDNREB" && e.1.starts_with("SDN") && e.2 == "100"),
            "{got:?}"
        );
        assert!(
            got.iter()
                .all(|e| e.2 == "100" || e.3 == Some(Mode::Hypothetical)),
            "{got:?}"
        );
    }

    #[test]
    fn threats_are_coded_as_threats() {
        assert_eq!(
            events("France threatened to impose sanctions on Germany."),
            [ev(
                "FRA",
                "DEU",
                "1312",
                None,
                "threatened to impose sanctions"
            )]
        );
        // An act promised on a condition is a threat, not an intention.
        assert_eq!(
            events("Russia will impose sanctions on Georgia unless it withdraws."),
            [ev("RUS", "GEO", "1312", None, "impose sanctions")]
        );
        assert_eq!(
            events("Russia imposed sanctions on Georgia."),
            [ev("RUS", "GEO", "163", None, "imposed sanctions")]
        );
        // Pulling out troops unless something is done threatens to end the involvement.
        let found = events("Nigeria will withdraw its troops from Chad unless Habre agrees.");
        assert!(
            found
                .iter()
                .any(|e| e.0 == "NGA" && e.1 == "TCD" && e.2 == "136"),
            "{found:?}"
        );
        // A hostile act announced or wanted is a threat of it.
        let found = events("Turkey plans to attack Kurdish militias in Syria next week.");
        assert!(
            found
                .iter()
                .any(|e| e.0 == "TUR" && e.1.starts_with("SYR") && e.2.starts_with("13")),
            "{found:?}"
        );
        // A cooperative act announced stays an intention (03).
        let found = events("Japan will send humanitarian aid to Nepal.");
        assert!(
            found.iter().all(|e| e.2.starts_with("03")) && !found.is_empty(),
            "{found:?}"
        );
    }

    #[test]
    fn lists_appositions_and_participles() {
        // Every country of a listed target.
        let found = events("Japan sent aid to Nepal, Bhutan and Bangladesh after the floods.");
        for c in ["NPL", "BTN", "BGD"] {
            assert!(
                found.iter().any(|e| e.0 == "JPN" && e.1 == c),
                "{c}: {found:?}"
            );
        }
        // A comma that ends the sentence's report is no list.
        let found =
            events("Police in Gaza arrested two activists from Egypt, the Israeli army said.");
        assert!(!found.iter().any(|e| e.1.starts_with("ISR")), "{found:?}");
        // The subject before an apposition acts, not the name inside it.
        let found = events(
            "Kenya, a close ally of Britain in the region, has expelled two Somali diplomats.",
        );
        assert!(
            found.iter().any(|e| e.0 == "KEN" && e.1.starts_with("SOM")),
            "{found:?}"
        );
        assert!(!found.iter().any(|e| e.0.starts_with("GBR")), "{found:?}");
    }

    #[test]
    fn an_object_names_its_owner() {
        // The object names no actor; whose it is does.
        assert!(has(
            "France defended the right of Israel to protect its citizens.",
            "FRA",
            "ISR",
            "05"
        ));
        assert!(has(
            "Germany praised the courage of Ukrainian soldiers.",
            "DEU",
            "UKR",
            "05"
        ));
    }

    #[test]
    fn a_summit_attended_somewhere_is_with_its_host_unless_a_partner_is_named() {
        assert!(has(
            "Obama attended a summit in Switzerland.",
            "USA",
            "CHE",
            "04"
        ));
        assert!(has(
            "Merkel attended a conference in Munich with Putin.",
            "DEU",
            "RUS",
            "04"
        ));
        // Planned: an intention to meet.
        assert!(has(
            "Obama will attend a summit in Switzerland.",
            "USA",
            "CHE",
            "036"
        ));
    }

    /// Sentences a reviewer found coded wrongly in this session's first version of the
    /// stance, refusal and list rules.
    #[test]
    fn what_is_avoided_refused_asked_or_asserted_is_no_act() {
        type Coded = (String, String, String, Option<Mode>, String);
        let none_of = |text: &str, bad: &dyn Fn(&Coded) -> bool| {
            let found = events(text);
            assert!(!found.iter().any(bad), "{text}\n{found:?}");
        };
        // Nor what lies further into a demanded clause the tagger lost ("cancel" read as
        // a noun).
        none_of(
            "China demanded that the US cancel plans to sell fighter jets to Taiwan.",
            &|e| e.1 == "TWN",
        );
        // Those a mediator goes to are not mediating between each other.
        none_of(
            "The Ghanaian president will visit Togo and Benin to mediate in a border dispute between the two neighbours.",
            &|e| e.0 == "TGO" || e.0 == "BEN",
        );
        // A stance asked for is not taken.
        none_of(
            "Greece demanded that its European Union partners refuse to recognize Kosovo.",
            &|e| e.2.starts_with("12"),
        );
        // What an appeal asks is not done, wherever the parse hangs it.
        none_of(
            "Rebels in the Ivory Coast on Wednesday dismissed an appeal from President Laurent Gbagbo to lay down their arms.",
            &|e| e.2.starts_with("08"),
        );
        // A peace effort is no threat of war.
        none_of("Turkey wants to avoid a war with Greece.", &|e| {
            e.2.starts_with("13")
        });
        none_of(
            "Qatar will try to stop the fighting between Sudan and Chad.",
            &|e| e.0 == "QAT",
        );
        // A refused attack did not happen.
        none_of(
            "Pakistan refused to attack Taliban fighters in Afghanistan.",
            &|e| e.2.starts_with("19") && e.3.is_none(),
        );
        // "would not rule out" and "would not hesitate" refuse nothing.
        none_of("France would not hesitate to send troops to Mali.", &|e| {
            e.2.starts_with("12")
        });
        // Another clause's act is not refused.
        none_of(
            "China declined to say whether Russia sent troops to Syria.",
            &|e| e.2.starts_with("12"),
        );
        // An assertion is no demand.
        none_of(
            "China insisted that Taiwan is part of its territory.",
            &|e| e.2.starts_with("10"),
        );
        // What is demanded has not happened. ("its demand that Israel ease restrictions"
        // was the sentence here until session 5: every tagger since tags the bare "ease" and
        // "lift" of that construction as nouns and the parse falls apart; see NOTES.md.)
        for text in [
            "The union demanded that Israel lift the restrictions on Palestinian workers.",
            "The union renewed its call for Israel to lift the restrictions on Palestinian workers.",
        ] {
            none_of(text, &|e| e.0 == "ISR");
        }
        // Found in real news: "according to" is no agent; "demonstrates that" shows;
        // what one is forced to do has not been done; a protest in one's own country.
        none_of(
            "More than 2,500 Afghan civilians have been killed this year, according to the United Nations.",
            &|e| e.0.starts_with("IGO"),
        );
        none_of(
            "The prosecutor said the case demonstrates that Russia cannot be trusted.",
            &|e| e.2.starts_with("14"),
        );
        none_of(
            "Erekat called the plan an attempt to force the Palestinians to capitulate.",
            &|e| e.0 == "PSE",
        );
        none_of(
            "Native speakers of Spanish from Spain demonstrate various language tasks.",
            &|e| e.2.starts_with("14"),
        );
        none_of(
            "The US, South Korea and Japan jointly warned about North Korean crypto thefts.",
            &|e| e.2.starts_with("13"),
        );
        none_of(
            "Ankara backed Baku in its bid to secure security guarantees from the West for Azerbaijan.",
            &|e| e.2.starts_with("07"),
        );
        none_of(
            "Russia and China support each other on the issue of sports cooperation.",
            &|e| e.2.starts_with("06"),
        );
        let found =
            events("Russia and China support each other on the issue of sports cooperation.");
        assert!(
            found
                .iter()
                .any(|e| e.0 == "RUS" && e.1 == "CHN" && e.2.starts_with("05")),
            "{found:?}"
        );
        let found = events("Thousands of Kenyans demonstrated in Nairobi on Monday.");
        assert!(
            found
                .iter()
                .any(|e| e.0 == "KEN" && e.1.is_empty() && e.2 == "141"),
            "{found:?}"
        );
        // What one is pressed or urged to do has not been done.
        none_of(
            "Japan is being pressed by Washington to help Ukraine.",
            &|e| e.0 == "JPN" && e.1 == "UKR",
        );
        none_of("Germany urged France to send troops to Mali.", &|e| {
            e.0 == "FRA" && e.1 == "MLI"
        });
        // The next clause's subject is not a listed target.
        none_of(
            "Japan sent aid to Nepal and India sent troops to Bhutan.",
            &|e| e.0 == "JPN" && e.1 == "IND",
        );
        // A meeting's venue is not its target.
        none_of(
            "Iran is ready to resume nuclear negotiations in Vienna.",
            &|e| e.1 == "AUT",
        );
        // Two pledges are not a pledge to each other.
        none_of(
            "Britain and France pledged to cut carbon emissions by half.",
            &|e| e.0 == "GBR" && e.1 == "FRA",
        );
        // Fighting between two sides is theirs.
        let found = events("Heavy fighting erupted between Armenia and Azerbaijan on Sunday.");
        assert!(
            found
                .iter()
                .any(|e| e.0 == "ARM" && e.1 == "AZE" && e.2.starts_with("19")),
            "{found:?}"
        );
    }

    #[test]
    fn a_claimed_act_is_an_accusation_not_an_event() {
        let found = events("Iran claimed that Israel had attacked its embassy in Damascus.");
        assert!(
            found
                .iter()
                .any(|e| e.0 == "IRN" && e.1 == "ISR" && e.2 == "112"),
            "{found:?}"
        );
        assert!(!found.iter().any(|e| e.0 == "ISR"), "{found:?}");
        // A reported event stays an event: "said" claims nothing.
        let found = events("Officials said Russian forces shelled Kharkiv on Monday.");
        assert!(
            found
                .iter()
                .any(|e| e.0 == "RUSMIL" && e.2.starts_with("19")),
            "{found:?}"
        );
    }

    #[test]
    fn a_promise_not_to_cooperate_is_a_refusal() {
        let found = events("Germany said it would not provide military aid to Ukraine.");
        assert!(
            found
                .iter()
                .any(|e| e.0 == "DEU" && e.1 == "UKR" && e.2.starts_with("12") && e.3.is_none()),
            "{found:?}"
        );
        // Not doing something is only negated: "did not attend" refuses nothing said.
        let found = events("Germany did not provide military aid to Ukraine.");
        assert!(found.iter().all(|e| !e.2.starts_with("12")), "{found:?}");
    }

    #[test]
    fn protests_with_no_target_named() {
        // The protesters' event, with no target; counted people are the subject.
        assert_eq!(
            events("Thousands of Kenyan students demonstrated on Monday."),
            [ev("KENEDU", "", "141", None, "demonstrated")]
        );
        assert_eq!(
            events("Algerian landowners began a hunger strike outside Parliament."),
            [ev("DZA", "", "142", None, "began a hunger strike")]
        );
        // Yielding acts that take no object.
        assert_eq!(
            events("Georgian President Eduard Shevardnadze resigned on Sunday."),
            [ev("GEOELI", "", "0831", None, "resigned")]
        );
        // Named, not done: riots people were killed in, a strike called off (which is
        // the union yielding, 082, not protesting).
        assert!(events("Serbia said 28 people were killed in ethnic riots.").is_empty());
        let found = events("Nigerian teachers called off a strike on Thursday.");
        assert!(!found.iter().any(|e| e.2.starts_with("14")), "{found:?}");
        assert!(
            found.iter().any(|e| e.2 == "082" && e.1.is_empty()),
            "{found:?}"
        );
    }

    #[test]
    fn a_protest_is_against_what_it_is_done_for_or_where_it_happens() {
        // What the protest is for or against names its target.
        assert_eq!(
            events(
                "Hundreds of Bangladeshi workers demonstrated outside the embassy to protest against Qatar's new labour law."
            ),
            [ev("BGDLAB", "QAT", "141", None, "demonstrated")]
        );
        assert_eq!(
            events(
                "Iranian students began a hunger strike in protest of the Iraqi government's decision."
            ),
            [ev("IRNEDU", "IRQGOV", "142", None, "began a hunger strike")]
        );
        // By word order when the parse misses the clause.
        let found = events(
            "Algerian farmers began a hunger strike outside parliament to demand the return of land seized by Algerian government forces.",
        );
        assert!(
            found.iter().any(|e| e.1 == "DZAGOV" && e.2 == "142"),
            "{found:?}"
        );
        // People named only by where they are protest as that place's people.
        assert_eq!(
            events(
                "Hundreds of thousands of people blocked streets in Hong Kong to defy Chinese authorities."
            ),
            [ev("HKG", "CHNGOV", "144", None, "blocked streets")]
        );
        // Else the country of the place, however it is named.
        assert_eq!(
            events(
                "Thousands of Kenyan teachers staged demonstrations in the coastal city of Mombasa on Monday."
            ),
            [ev("KENEDU", "KEN", "141", None, "staged demonstrations")]
        );
    }

    #[test]
    fn property_destroyed_where_it_leads_and_fire_the_parse_left_bare() {
        // "blew up" alone is a bombing (183); with what was blown up, property destroyed,
        // against where it leads.
        assert!(has(
            "Rebels blew up a bridge leading into Mosul on Sunday.",
            "IRQ",
            "IRQ",
            "1712"
        ));
        assert!(has(
            "Turkish forces launched artillery, mortar, and rocket fire against Syrian army positions.",
            "TUR",
            "SYR",
            "190"
        ));
    }

    #[test]
    fn a_reminder_that_it_must_act_is_a_demand_of_the_one_reminded() {
        let text = "France issued a reminder to Iraq that it must cooperate with UN inspectors.";
        assert!(has(text, "FRA", "IRQ", "10"));
        // "it" is Iraq, the one spoken to, not France.
        let got = events(text);
        assert!(
            !got.iter()
                .any(|e| e.0.starts_with("FRA") && e.2.starts_with("06")),
            "{got:?}"
        );
    }

    #[test]
    fn a_purpose_clause_is_done_by_the_subject_of_its_verb() {
        let text = "Kenya's president visited Uganda on Monday and flew to Rwanda to meet Rwandan President Paul Kagame.";
        assert!(has(text, "KEN", "RWA", "04"));
        assert!(!has(text, "UGA", "RWA", "04"));
    }

    #[test]
    fn a_wrong_protested_against_is_no_accusation_of_its_own() {
        let got = events(
            "Kashmiri students demonstrated against human rights violations by Indian troops.",
        );
        assert!(
            got.iter().any(|e| e.2.starts_with("14") && e.1 == "INDMIL"),
            "{got:?}"
        );
        assert!(!got.iter().any(|e| e.2.starts_with("11")), "{got:?}");
        // Also where the parse splits the wrong's words.
        let got = events(
            "Ali Benhadj, Algeria's best known dissident, began a hunger strike in prison on Monday in protest against the widespread human rights violations by Algerian security forces.",
        );
        assert!(!got.iter().any(|e| e.2.starts_with("11")), "{got:?}");
        // Reported, they are one.
        let got =
            events("Amnesty International reported human rights violations by Indian troops.");
        assert!(got.iter().any(|e| e.2 == "1122"), "{got:?}");
        // Stones thrown are a violent protest.
        assert!(has(
            "Palestinian youths resorted to throwing stones at Israeli soldiers in Hebron.",
            "PSE",
            "ISR",
            "145"
        ));
    }

    #[test]
    fn what_a_protest_demands_is_coded_as_the_protest() {
        let got = events(
            "Thousands of Kenyan students staged demonstrations in Nairobi to demand the release of opposition leaders.",
        );
        assert!(got.iter().any(|e| e.2.starts_with("14")), "{got:?}");
        assert!(!got.iter().any(|e| e.2.starts_with("10")), "{got:?}");
        // What a vetoed resolution would have done is not done.
        let got = events(
            "Russia vetoed a Security Council resolution condemning its attacks on Ukraine.",
        );
        assert!(!got.iter().any(|e| e.2.starts_with("11")), "{got:?}");
        assert!(
            got.iter().any(|e| e.0 == "RUS" && e.2.starts_with("12")),
            "{got:?}"
        );
        // So is what a threatened blockade demands.
        let got = events(
            "Angry Belgian farmers said they would blockade Brussels to demand an end to the European Union's farm reform.",
        );
        assert!(got.iter().any(|e| e.2.starts_with("13")), "{got:?}");
        assert!(!got.iter().any(|e| e.2.starts_with("10")), "{got:?}");
        // "jailed" describes the leaders: the students jailed no one.
        let got =
            events("Kenyan students demanded the release of jailed opposition leaders in Nairobi.");
        assert!(!got.iter().any(|e| e.2.starts_with("17")), "{got:?}");
        // A demand of its own stays one.
        assert!(has(
            "Kenyan students demanded the release of jailed opposition leaders in Nairobi.",
            "KEN",
            "KEN",
            "10"
        ));
    }

    #[test]
    fn people_from_a_body_or_a_country_act_for_it() {
        assert!(has(
            "Doctors from French aid groups delivered medicine to Gaza.",
            "FRA",
            "PSE",
            "07"
        ));
        assert!(has(
            "Volunteers from Japan delivered food to Gaza on Monday.",
            "JPN",
            "PSE",
            "07"
        ));
    }

    #[test]
    fn killed_or_wounded_in_a_bombing_is_a_bombing() {
        // Wherever the parse hangs "in a bomb attack".
        assert!(has(
            "Basque guerrillas wounded two Spanish soldiers in a bomb attack on Thursday.",
            "ESP",
            "ESP",
            "183"
        ));
        assert!(has(
            "Taliban fighters killed 12 Afghan soldiers in a suicide bombing in Kandahar.",
            "AFG",
            "AFG",
            "183"
        ));
        // A country's assembly is its legislature.
        let got = events("Kosovo Serb officials demanded support from the Kosovo Assembly.");
        assert!(
            got.iter().any(|e| e.1 == "KSVLEG" && e.2 == "100"),
            "{got:?}"
        );
    }

    #[test]
    fn a_particle_after_the_object_completes_the_verb() {
        let got = events("Sudan forced the UN food agency out of Darfur last year.");
        assert!(
            got.iter()
                .any(|e| e.0 == "SDN" && e.1.starts_with("IGO") && e.2 == "1663"),
            "{got:?}"
        );
    }

    #[test]
    fn a_protest_stopped_is_against_whoever_staged_it() {
        assert!(has(
            "Turkish police prevented a demonstration staged by Kurdish activists in Istanbul.",
            "TUR",
            "TUR",
            "1721"
        ));
    }

    #[test]
    fn every_listed_subject_does_an_act_with_no_target() {
        let text = "Kenyan and Ugandan teachers went on strike.";
        assert!(has(text, "KEN", "", "14") && has(text, "UGA", "", "14"));
    }

    #[test]
    fn frame_nouns_the_parse_misplaced_and_targets_behind_adjectives() {
        // The object read as a predicate noun ("called it a strike").
        assert!(has(
            "Kenyan teachers have called off a four-day strike, their union said.",
            "KEN",
            "",
            "082"
        ));
        // What a measure counts holds the preposition.
        assert!(has(
            "Germany suspended part of a military aid program for Mali.",
            "DEU",
            "MLI",
            "162"
        ));
        // An adjective before the target's own.
        assert!(has(
            "Japan cut food supplies to the largest Syrian refugee camp in Jordan.",
            "JPN",
            "SYR",
            "16"
        ));
    }

    #[test]
    fn orders_demands_of_a_clause_and_failing_to_agree() {
        // An order to an actor is a demand of it.
        assert!(has(
            "The Kremlin ordered Ukraine to withdraw its troops.",
            "RUS",
            "UKR",
            "10"
        ));
        // "its demand that X act": X is asked, even where the tagger lost the clause.
        assert!(has(
            "Japan reiterated its demand that China release the detained fishermen.",
            "JPN",
            "CHN",
            "10"
        ));
        // Failing to agree is mutual; refusing to act is not.
        let text = "Armenia and Azerbaijan failed to reach agreement on Sunday.";
        assert!(has(text, "ARM", "AZE", "12") && has(text, "AZE", "ARM", "12"));
        assert!(!has(
            "Armenia and Azerbaijan refused to withdraw troops.",
            "ARM",
            "AZE",
            "12"
        ));
    }

    #[test]
    fn opposition_welcome_and_a_leaders_following() {
        // Opposition stated is rejection.
        assert!(has(
            "Turkey is opposed to Russian mediation in the conflict.",
            "TUR",
            "RUS",
            "120"
        ));
        // Welcoming a step is praise of whose step it is, not hosting them.
        assert!(has(
            "Japan welcomed China's decision to resume talks.",
            "JPN",
            "CHN",
            "051"
        ));
        // A leader's government or supporters act for the leader's side.
        assert!(has(
            "The government of Prime Minister Viktor Orban expelled two Russian diplomats.",
            "HUN",
            "RUS",
            "161"
        ));
        assert!(has(
            "Supporters of President Nicolas Maduro attacked opposition protesters in Caracas.",
            "VEN",
            "VEN",
            "190"
        ));
    }

    #[test]
    fn force_used_for_a_purpose_is_against_whom_the_purpose_acts_on() {
        let got = events("Kenyan police opened fire to disperse protesters in Nairobi on Tuesday.");
        assert!(
            got.iter()
                .any(|e| (e.0.as_str(), e.1.as_str(), e.2.as_str()) == ("KENCOP", "KENOPP", "193")),
            "{got:?}"
        );
    }

    #[test]
    fn a_place_is_a_target_only_through_a_rule_of_place() {
        // Exercises and protests take where they happen as their target.
        assert_eq!(
            events("Russia is conducting military exercises in Alaska."),
            [ev("RUS", "USA", "150", None, "exercises")]
        );
        assert_eq!(
            events("British activists staged a protest in Beijing on Wednesday."),
            [ev("GBROPP", "CHN", "141", None, "staged a protest")]
        );
        // A visit's place is its target.
        assert_eq!(
            events("Iraqi President Saddam Hussein arrived in Amman on Wednesday."),
            [ev("IRQELI", "JOR", "042", None, "arrived in")]
        );
        // A meeting's place is no party to it, and a place is never a source.
        let got = events("Putin met Xi in Beijing. In Moscow, officials praised the deal.");
        assert_eq!(
            got,
            [
                ev("RUSGOV", "CHNGOV", "040", None, "met"),
                ev("CHNGOV", "RUSGOV", "040", None, "met")
            ]
        );
    }

    #[test]
    fn places_after_the_trigger() {
        let lex = Lexicon::builtin();
        let coded = crate::code_document(
            crate::test_document(
                "Putin met Xi in Beijing on Friday. Scholz held talks with Macron at the Elysee.",
            ),
            &lex,
        );
        let places: Vec<Option<&str>> = coded
            .events
            .iter()
            .map(|e| e.place.as_ref().map(|p| p.text.as_str()))
            .collect();
        assert_eq!(places, [Some("Beijing"), Some("Beijing"), None, None]);
        let coded = crate::code_document(
            crate::test_document("Russian troops attacked Ukrainian forces near Kharkiv."),
            &lex,
        );
        let kharkiv: Vec<_> = coded
            .actors
            .iter()
            .filter(|a| a.text == "Kharkiv")
            .collect();
        assert!(
            kharkiv.len() == 1 && kharkiv[0].actor.kind == dyad_model::ActorKind::Place,
            "a place after a preposition is a place: {kharkiv:?}"
        );
        assert!(!coded.events.is_empty());
        assert!(
            coded.events.iter().all(|e| e.source.text != "Kharkiv"
                && e.target.as_ref().is_none_or(|t| t.text != "Kharkiv")),
            "a place is no source or target: {:?}",
            coded.events
        );
    }

    #[test]
    fn passive_voice_swaps_roles() {
        assert_eq!(
            events("Erdogan was warmly welcomed by Putin in Moscow."),
            [ev("RUSGOV", "TURGOV", "043", None, "welcomed")]
        );
    }

    #[test]
    fn reciprocal_subjects() {
        let got = events(
            "French President Emmanuel Macron and German Chancellor Olaf Scholz held talks in Berlin.",
        );
        assert_eq!(
            got,
            [
                ev("FRAGOV", "DEUGOV", "040", None, "talks"),
                ev("DEUGOV", "FRAGOV", "040", None, "talks")
            ]
        );
    }

    #[test]
    fn only_mutual_events_are_reciprocal() {
        let got =
            events("Macron and Scholz called on China to use its influence to help end the war.");
        assert!(got.iter().all(|e| !e.2.starts_with("19")), "{got:?}");
    }

    #[test]
    fn finite_intent_verbs_are_not_modes() {
        let got = events("Kishida pledged aid on Tuesday during a videoconference with Zelensky.");
        assert_eq!(
            got,
            [
                ev("JPNGOV", "UKRGOV", "040", None, "videoconference"),
                ev("UKRGOV", "JPNGOV", "040", None, "videoconference")
            ]
        );
    }

    #[test]
    fn categories_beyond_consultation() {
        let got = events("Putin called on China to act.");
        assert_eq!(
            got.first().map(|e| (e.0.as_str(), e.1.as_str(), &e.2[..2])),
            Some(("RUSGOV", "CHN", "02"))
        );
        let got = events("Germany condemned Russia on Monday.");
        assert_eq!(
            got.first().map(|e| (e.0.as_str(), e.1.as_str(), &e.2[..2])),
            Some(("DEU", "RUS", "11"))
        );
        let got = events("Britain imposed sanctions on Russia.");
        assert_eq!(
            got.first().map(|e| (e.0.as_str(), e.1.as_str(), &e.2[..2])),
            Some(("GBR", "RUS", "16"))
        );
        let got = events(
            "The United States, Canada, Australia and Britain announced a diplomatic boycott of the Beijing Olympics.",
        );
        let sources: Vec<&str> = got
            .iter()
            .filter(|e| e.2.starts_with("16") && e.1 == "CHN")
            .map(|e| e.0.as_str())
            .collect();
        assert_eq!(sources, ["USA", "CAN", "AUS", "GBR"], "{got:?}");
    }

    #[test]
    fn numbers_before_the_object() {
        let got = events("Russia expelled two British diplomats on Tuesday.");
        assert!(
            got.iter().any(|e| e.0 == "RUS" && e.1 == "GBRGOV"),
            "{got:?}"
        );
        // Counted people: "thousands of", "nearly a million".
        let got = events("Jordan gave refuge to thousands of Iraqi refugees last year.");
        assert!(
            got.iter()
                .any(|e| e.0 == "JOR" && e.1.starts_with("IRQ") && e.2 == "075"),
            "{got:?}"
        );
    }

    #[test]
    fn a_hostile_noun_announced_by_a_reported_pronoun_is_a_threat() {
        // The act hangs by "blockade", not by its adjective; "it" is who said it.
        let got = events("NATO said on Monday it would tighten the naval blockade of Cuba.");
        assert!(
            got.iter().any(|e| e.0 == "IGOWSTNAT"
                && e.1 == "CUB"
                && e.2.starts_with("13")
                && e.3.is_none()),
            "{got:?}"
        );
        assert!(has(
            "Turkey said it would tighten the naval blockade of Cyprus.",
            "TUR",
            "CYP",
            "13"
        ));
    }

    #[test]
    fn force_by_no_one_named_is_by_unidentified_people_of_its_place() {
        // As ICEWS codes "Unidentified Gunmen (Afghanistan)": the place is the evidence.
        assert!(has(
            "A roadside bomb near the town of Kandahar killed three Canadian soldiers on Monday.",
            "AFG",
            "CAN",
            "183"
        ));
        assert!(has(
            "Two Nigerian aid workers were shot dead outside the Somali town of Baidoa.",
            "SOM",
            "NGA",
            "19"
        ));
        // Their own people too.
        assert!(has(
            "A landmine explosion near the city of Herat killed four Afghan children.",
            "AFG",
            "AFG",
            "19"
        ));
        // A doer named, or no place named: nothing is made up.
        let got = events("Taliban fighters killed three Canadian soldiers near Kandahar.");
        assert!(
            got.iter().any(|e| e.1 == "CANMIL") && got.iter().all(|e| e.0 != "AFG"),
            "{got:?}"
        );
        let got = events("Three Canadian soldiers were killed on Monday.");
        assert!(got.is_empty(), "{got:?}");
        // Bombs set off somewhere are a bombing there.
        assert!(has(
            "Taliban fighters exploded a series of bombs in Kabul on Monday.",
            "AFG",
            "AFG",
            "183"
        ));
        // An investigation by no one named is by the place's authorities.
        assert!(has(
            "A Canadian citizen has been put under investigation in Egypt for spying.",
            "EGY",
            "CAN",
            "09"
        ));
        // What a subject is engaged in, it does.
        let got = events("Serb forces were engaged in ethnic cleansing in Kosovo.");
        assert!(got.iter().all(|e| e.0 != "KSV"), "{got:?}");
    }

    #[test]
    fn peacekeepers_who_arrive_keep_the_peace_and_a_part_acts_for_the_whole() {
        assert!(has(
            "The second contingent of Indian peacekeeping troops arrived in Liberia on Tuesday.",
            "IND",
            "LBR",
            "074"
        ));
        // A minister who arrives visits.
        assert!(has(
            "Indian Foreign Minister Jaishankar arrived in Liberia on Tuesday.",
            "IND",
            "LBR",
            "042"
        ));
    }

    #[test]
    fn a_demand_for_reform_or_elections_may_name_no_one() {
        assert!(has(
            "Kenya's opposition demanded early elections on Monday.",
            "KEN",
            "",
            "104"
        ));
        // Other demands need whom they are made of.
        let got = events("Kenya's opposition demanded weapons on Monday.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_chain_of_compounds_names_its_actor_further_in() {
        assert!(has(
            "Recent US Predator attacks have killed eight Hamas commanders.",
            "USA",
            "PSE",
            "19"
        ));
    }

    #[test]
    fn force_used_by_protesters_is_a_riot() {
        assert!(has(
            "Kenyan protesters set fire to the Ugandan embassy in Nairobi.",
            "KEN",
            "UGA",
            "145"
        ));
        assert!(has(
            "The Israeli consulate was stormed by Turkish demonstrators.",
            "TUR",
            "ISR",
            "145"
        ));
        // Force used on protesters stays what it was.
        assert!(has(
            "Ugandan police fired tear gas at Kenyan protesters.",
            "UGA",
            "KEN",
            "175"
        ));
    }

    #[test]
    fn settlements_and_positions_given_up_are_a_retreat() {
        assert!(has(
            "Russia abandoned its positions near Kherson on Friday.",
            "RUS",
            "UKR",
            "0874"
        ));
        // Announced, it is an intention (03).
        assert!(has(
            "Israel will dismantle four settlements in the West Bank next month.",
            "ISR",
            "PSE",
            "03"
        ));
    }

    #[test]
    fn a_target_less_reading_waits_for_every_pattern() {
        // "demobilized" is 0873 (may have no target) and 087 (may not): the first is
        // coded without a target once neither found one.
        assert!(has(
            "The Ugandan rebels demobilized on Friday.",
            "UGA",
            "",
            "0873"
        ));
    }

    #[test]
    fn demands_met_or_bowed_to_are_yielding_and_refused_a_rejection() {
        assert!(has(
            "Israel finally met the demands of the Palestinian Authority.",
            "ISR",
            "PSE",
            "083"
        ));
        assert!(has(
            "The Kenyan government bowed to demands from Somali elders.",
            "KEN",
            "SOM",
            "083"
        ));
        assert!(has(
            "Israel said it would not meet the demands of the Palestinian Authority.",
            "ISR",
            "PSE",
            "12"
        ));
    }

    #[test]
    fn a_title_in_apposition_says_whom_its_holder_acts_for() {
        assert!(has(
            "Kenzo Oshima, the United Nations Emergency Relief Coordinator, demanded that Sudan allow aid workers into Darfur.",
            "",
            "SDN",
            "10"
        ));
        // Someone dyad does not know did it: the U.S. in his apposition did not.
        let got = events("Abdul Rahman, a key U.S. ally, attacked Iran.");
        assert!(got.is_empty(), "{got:?}");
        // A dateline the parse takes for the subject is no one.
        assert!(has(
            "ANKARA, Aug. 2 (Example Wire) — Turkish President Recep Tayyip Erdogan held a phone call with Russian President Vladimir Putin on Wednesday.",
            "TUR",
            "RUS",
            "041"
        ));
    }

    #[test]
    fn people_held_as_human_shields_are_coerced() {
        assert!(has(
            "The Burmese army has been holding hundreds of Karen villagers as human shields.",
            "MMR",
            "MMR",
            "170"
        ));
    }

    #[test]
    fn goods_given_are_aid() {
        assert!(has(
            "Doctors from two French aid groups donated and personally delivered $50,000 worth of goods to a hospital in Gaza.",
            "FRA",
            "PSE",
            "070"
        ));
    }

    #[test]
    fn an_invitation_is_to_those_it_would_have_one_meet() {
        assert!(has(
            "Hezbollah rejected an invitation to attend a meeting next week of Lebanese factions.",
            "LBN",
            "LBN",
            "12"
        ));
    }

    #[test]
    fn a_demand_from_someone_is_theirs_and_refusing_it_a_rejection() {
        let got = events("Israel refused to respond to a demand from the United States.");
        assert!(
            got.contains(&ev("ISR", "USA", "120", None, "refused to respond to")),
            "{got:?}"
        );
        // The demand was made, of Israel, whatever Israel did with it.
        assert!(
            got.contains(&ev("USA", "ISR", "100", None, "demand")),
            "{got:?}"
        );
    }

    #[test]
    fn killing_by_an_irregular_group_is_an_assault_by_an_army_a_fight() {
        assert!(has(
            "Taliban gunmen killed a district governor in Helmand on Sunday.",
            "AFG",
            "AFG",
            "1823"
        ));
        let got = events("Israeli troops killed three Hamas fighters in Gaza.");
        assert!(got.iter().any(|e| e.2 == "190"), "{got:?}");
    }

    #[test]
    fn agreeing_to_a_ceasefire_is_the_intent_the_ceasefire_the_yielding() {
        let got = events("Armenia and Azerbaijan agreed to a ceasefire on Sunday.");
        assert!(got.iter().any(|e| e.0 == "ARM" && e.2 == "0356"), "{got:?}");
        assert!(has(
            "Armenia declared a ceasefire on Sunday.",
            "ARM",
            "",
            "0871"
        ));
    }

    #[test]
    fn prisoners_named_by_their_place_protest_against_whom_they_demand_of() {
        assert!(has(
            "Prisoners rioted at a jail in the Western Sahara town of Laayoune on Monday, demanding independence from Moroccan rule.",
            "ESH",
            "MAR",
            "145"
        ));
    }

    #[test]
    fn an_investigation_of_no_one_named_is_of_its_place() {
        assert!(has(
            "The African Union has sent 12 military observers to Burundi on Monday to investigate the killings.",
            "",
            "BDI",
            "09"
        ));
        assert!(has(
            "Amnesty International investigated abuses in Chechnya last year.",
            "",
            "RUS",
            "09"
        ));
    }

    #[test]
    fn what_someone_is_allowed_to_do_is_not_said_to_be_done() {
        let got =
            events("Kenya allowed Somali refugees to protest outside the UN office in Nairobi.");
        assert!(got.iter().all(|e| !e.2.starts_with("14")), "{got:?}");
        assert!(got.iter().any(|e| e.0 == "KEN" && e.2 == "080"), "{got:?}");
    }

    #[test]
    fn force_by_an_irregular_group_on_civilians_and_on_what_is_theirs() {
        // What is done to a place built for people is done to them.
        let got =
            events("A refugee camp for Afghan families was attacked by Pakistani militiamen.");
        assert!(
            got.iter()
                .any(|e| e.0 == "PAKREB" && e.1 == "AFG" && e.2 == "180"),
            "{got:?}"
        );
        assert!(has(
            "Congolese refugees were attacked by Rwandan rebels near the border.",
            "RWA",
            "COD",
            "180"
        ));
        // Armed forces on each other fight (19).
        assert!(has(
            "Rwandan rebels attacked Congolese soldiers near the border.",
            "RWA",
            "COD",
            "19"
        ));
    }

    #[test]
    fn cutting_ties_or_mediation_if_something_happens_is_a_threat() {
        assert!(has(
            "Kenya could cut diplomatic ties with Somalia if the raids continue.",
            "KEN",
            "SOM",
            "1313"
        ));
        let got = events(
            "The European Union may suspend its mediation between Ethiopia and Eritrea if the fighting goes on.",
        );
        assert!(got.iter().any(|e| e.2 == "135"), "{got:?}");
        // Force that could come is speculation, not a threat.
        let got = events("Russia could attack Ukraine if talks fail.");
        assert!(got.iter().all(|e| !e.2.starts_with("13")), "{got:?}");
    }

    #[test]
    fn what_is_held_back_until_a_demand_is_met_is_not_done() {
        let got = events(
            "Sudanese rebels demanded a ceasefire with Khartoum before releasing the prisoners.",
        );
        assert!(got.iter().any(|e| e.2.starts_with("10")), "{got:?}");
        assert!(got.iter().all(|e| !e.2.starts_with("08")), "{got:?}");
        // A gerund's doer is its clause's subject.
        let got = events(
            "Sudanese rebels shelled Darfur for hours before allowing Red Cross convoys into the region.",
        );
        assert!(
            got.iter().any(|e| e.0 == "SDNREB" && e.2.starts_with("08")),
            "{got:?}"
        );
    }

    #[test]
    fn acts_with_no_target_named() {
        // Restrictions eased at home.
        assert!(has(
            "The Hungarian parliament cancelled restrictions on the use of foreign languages.",
            "HUN",
            "",
            "081"
        ));
        // An investigation opened, but not every one spoken of.
        assert!(has(
            "Peruvian prosecutors launched an investigation into alleged abuses at the prison.",
            "PER",
            "",
            "09"
        ));
        for text in [
            "Peruvian scientists conducted investigations of the virus.",
            "Kenyan officials investigate the cause of the fire.",
        ] {
            let got = events(text);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
        // A call rejected, not whatever is ignored.
        assert!(has(
            "The Nepalese government rejected a call for early elections.",
            "NPL",
            "",
            "120"
        ));
        assert!(events("Beijing kept ignoring the rules.").is_empty());
        // Patrols ordered; a rally banned or broken up.
        assert!(has(
            "The Egyptian government ordered patrols by police along the canal.",
            "EGY",
            "",
            "153"
        ));
        assert!(has(
            "Georgian police prevented the demonstration near parliament on Sunday.",
            "GEO",
            "",
            "1721"
        ));
    }

    #[test]
    fn a_protests_purpose_is_the_protesters_and_a_plan_of_no_one_named_no_ones() {
        let got = events(
            "Belarusian police blocked the march organised by students near the university to protest the decision of closing the faculty.",
        );
        assert!(got.iter().all(|e| !e.2.starts_with("14")), "{got:?}");
        for text in [
            "Kurdish students protested the decision of sending troops to Iraq.",
            "Kurdish students protested the government's decision of sending troops to Iraq.",
        ] {
            let got = events(text);
            assert!(got.iter().any(|e| e.2.starts_with("14")), "{got:?}");
            assert!(got.iter().all(|e| !e.2.starts_with("15")), "{got:?}");
        }
        // A decision that names its owner keeps it.
        assert!(has(
            "Students protested Turkey's decision to send troops to Iraq.",
            "TUR",
            "IRQ",
            "15"
        ));
    }

    #[test]
    fn what_a_signed_text_is_of_or_on_is_its_content() {
        let got =
            events("Egypt and Sudan signed a treaty of friendship and cooperation on Monday.");
        assert!(got.iter().any(|e| e.2 == "057"), "{got:?}");
        assert!(got.iter().all(|e| !e.2.starts_with("06")), "{got:?}");
        let got = events(
            "Egypt and Sudan signed an agreement on the withdrawal of troops from the border.",
        );
        assert!(got.iter().all(|e| !e.2.starts_with("08")), "{got:?}");
    }

    #[test]
    fn what_one_joins_protesters_in_demanding_is_their_protest() {
        let got = events(
            "Jordanian students joined thousands of protesters in demanding the release of prisoners from Israeli jails.",
        );
        assert!(got.iter().all(|e| !e.2.starts_with("10")), "{got:?}");
    }

    #[test]
    fn a_protest_that_reports_a_wrong_is_a_complaint() {
        for text in [
            "Hungarian police were beating Roma children, Amnesty International protested on Friday.",
            "Amnesty International protested that Croatian police had beaten Serb refugees.",
        ] {
            let got = events(text);
            assert!(
                got.iter().any(|e| e.0 == "NGOHRIAMN" && e.2 == "114"),
                "{text}: {got:?}"
            );
        }
        // Not when it is done in the street.
        assert!(has(
            "Thousands of Serbs protested in Belgrade against the Croatian government.",
            "SRB",
            "HRV",
            "141"
        ));
        // A doer the parse names but dyad does not know is not replaced by an earlier name.
        let got = events(
            "Hungarian police were beating Roma children, a rights group protested on Friday.",
        );
        assert!(got.iter().all(|e| !e.2.starts_with("14")), "{got:?}");
    }

    #[test]
    fn refusing_demands_or_refugees_and_what_waits_until_demands_are_met() {
        assert!(has(
            "The Thai government said it would not meet the demands of the protesters.",
            "THA",
            "THA",
            "124"
        ));
        assert!(has(
            "Hungary will not accept any more refugees.",
            "HUN",
            "",
            "121"
        ));
        assert!(has(
            "Germany accepted 20,000 Syrian refugees last year.",
            "DEU",
            "SYR",
            "075"
        ));
        // Harbouring is no refugee taken in.
        let got = events("Vietnam harbors ambitions in the region.");
        assert!(got.is_empty(), "{got:?}");
        let got = events(
            "Malian rebels rejected an Algerian peace plan and said they opposed the deployment of foreign troops until their demands are met.",
        );
        assert!(got.iter().any(|e| e.2.starts_with("12")), "{got:?}");
        assert!(got.iter().all(|e| !e.2.starts_with("08")), "{got:?}");
    }

    #[test]
    fn a_bare_oblique_before_a_verb_with_no_subject_is_its_subject() {
        assert!(has(
            "Recent Turkish drone strikes, carried out almost daily, have killed at least twenty Syrian soldiers.",
            "TUR",
            "SYR",
            "19"
        ));
    }

    #[test]
    fn a_journalist_killed_in_a_part_of_a_city_is_that_citys() {
        assert!(has(
            "A prominent opposition journalist has been killed in a car bomb explosion in a residential district of western Kabul.",
            "AFG",
            "AFG",
            "183"
        ));
    }

    #[test]
    fn people_named_only_generally_protest_where_they_are() {
        assert!(has(
            "About 300 supporters of the jailed mayor blocked roads in Ankara on Monday.",
            "TUR",
            "",
            "144"
        ));
        // An opposition coalition acts in the country its sentence happens in, and agreeing
        // to put off a protest is the intent to ease dissent.
        let got = events("The opposition coalition agreed to postpone the rally in Tbilisi.");
        assert!(
            got.iter().any(|e| e.0 == "GEOOPP" && e.2 == "0352"),
            "{got:?}"
        );
    }

    #[test]
    fn an_attempt_on_a_life_is_an_act_and_by_names_who_made_it() {
        assert!(has(
            "An attempt by Chechen rebels to assassinate the Russian defence minister was thwarted in Moscow.",
            "RUS",
            "RUS",
            "185"
        ));
        assert!(has(
            "A move by Moscow to cut gas supplies to Ukraine angered Kyiv.",
            "RUS",
            "UKR",
            "16"
        ));
        // Other attempts are still only tried.
        let got = events("An attempt by Egypt to mediate between Israel and Hamas failed.");
        assert!(got.iter().all(|e| !e.2.starts_with("04")), "{got:?}");
    }

    #[test]
    fn emergency_rule_at_home_names_no_target_and_its_threat_is_its_own() {
        assert!(has(
            "The Peruvian government declared a state of emergency on Monday.",
            "PER",
            "",
            "1724"
        ));
        assert!(has(
            "The Thai government said it is prepared to impose martial law.",
            "THA",
            "",
            "1324"
        ));
        assert!(has(
            "The Thai government will impose a curfew in Bangkok.",
            "THA",
            "THA",
            "1323"
        ));
        // A state of emergency only spoken of is no act.
        let got = events("Thousands of Peruvians fled during the state of emergency.");
        assert!(got.iter().all(|e| !e.2.starts_with("17")), "{got:?}");
    }

    #[test]
    fn an_object_moved_after_an_as_phrase_is_still_the_target() {
        assert!(has(
            "Poland condemned as unacceptable Russia's decision to expel its diplomats.",
            "POL",
            "RUS",
            "111"
        ));
        assert!(has(
            "Hungary on Friday denounced as a crime Romania's treatment of ethnic Hungarian students.",
            "HUN",
            "ROU",
            "111"
        ));
    }

    #[test]
    fn a_trigger_written_as_a_name_is_a_period_not_an_act() {
        let got = events(
            "The book is set in the context of Cold War rivalries between the United States and the Soviet Union.",
        );
        assert!(got.is_empty(), "{got:?}");
        // A headline in title case keeps its event.
        assert!(has(
            "US Imposes New Sanctions On Russia Over Ukraine",
            "USA",
            "RUS",
            "16"
        ));
    }

    #[test]
    fn no_event_without_both_actors_or_inside_quotes() {
        assert!(events("The summit ended.").is_empty());
        assert!(events("Putin said: “We will hold talks with China.”").is_empty());
        // "called on" is an appeal (02), never a phone call (041).
        let appeal = events("Putin called on China to act.");
        assert!(appeal.iter().all(|e| !e.2.starts_with("041")), "{appeal:?}");
        assert!(events("Russia-China relations and talks.").is_empty());
    }
}
