//! Actors: every name, description and pronoun in a document resolved to a CAMEO actor.
//!
//! A first pass takes the lexicon's matches and composes them with the words around them:
//! - a known person ("Putin", "Xi Jinping") becomes the office they held on the document's
//!   date (`RUSGOV`), or an elite (`ELI`) when they held none then;
//! - a country word followed by a role ("Russian president", "China's president",
//!   "Kremlin adviser", "Chinese troops", "US counterpart") becomes that country plus the
//!   role's sector, and the office holder on the date when the role names an office
//!   ("the Kremlin chief" is Russia's primary leader: Putin in 2021);
//! - a role, country and name ("Kremlin adviser Yuri Ushakov") is a person coded by role;
//! - "the leaders of Russia and China" gives one actor per country;
//! - a country name is the country, a seat of power its government, an organisation its code;
//!   a capital after a preposition of place ("in Beijing") is a place, not an actor.
//!
//! A second pass resolves references: "the two leaders" to the last two people named,
//! "he"/"she" to the last person, "his country" to that person's country.

use dyad_lexicon::{LexMatch, Role, RoleKind, Surface};
use dyad_model::{Actor, ActorKind, Mention, Span};

use crate::context::{Context, DETERMINERS, LOCATIVES, PREPOSITIONS};

/// An actor mention with what later annotators need to know about where it sits.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub mention: Mention,
    /// Token range `[first, end)` of the mention.
    pub first: usize,
    pub end: usize,
    pub sentence: usize,
    /// The known person, when there is one.
    pub person: Option<usize>,
    /// Inside a hyphenated compound ("Russia-China relations").
    pub in_compound: bool,
    /// A pronoun or description resolved to an earlier mention.
    pub anaphor: bool,
}

/// What a state puts forward, owns or sends, so that "an Indian proposal" or "a British
/// tanker" stands for the country in an event ("rejected an Indian proposal"). A
/// demonym before other nouns ("a Russian translation") names no actor.
const STATE_THINGS: &[&str] = &[
    "proposal",
    "plan",
    "offer",
    "initiative",
    "demand",
    "request",
    "ultimatum",
    "resolution",
    "draft",
    "warning",
    "claim",
    "bid",
    "position",
    "stance",
    "decision",
    "move",
    "veto",
    "refusal",
    "intervention",
    "invasion",
    "offensive",
    "incursion",
    "attack",
    "strike",
    "tanker",
    "ship",
    "vessel",
    "warship",
    "submarine",
    "aircraft",
    "plane",
    "jet",
    "drone",
    "embassy",
    "consulate",
    "border",
    "territory",
    "airspace",
    "waters",
    "flag",
    "note",
    "protest",
    "complaint",
    "accusation",
    "statement",
    "sanctions",
    "embargo",
    "ban",
    "aid",
    "loan",
    "grant",
    "package",
    "deal",
    "agreement",
    "treaty",
];

/// Nouns for what belongs to a country's culture rather than its state: a demonym before
/// them ("a Russian translation", "Chinese food") names no actor.
const CULTURE: &[&str] = &[
    "translation",
    "translations",
    "language",
    "languages",
    "version",
    "word",
    "words",
    "name",
    "names",
    "text",
    "texts",
    "cuisine",
    "food",
    "foods",
    "dish",
    "dishes",
    "wine",
    "wines",
    "music",
    "song",
    "songs",
    "style",
    "accent",
    "alphabet",
    "script",
    "literature",
    "poetry",
    "poet",
    "novel",
    "novels",
    "film",
    "films",
    "movie",
    "movies",
    "art",
    "culture",
    "history",
    "tradition",
    "traditions",
    "holiday",
    "holidays",
    "festival",
    "new",
    "year",
    "dialect",
    "grammar",
    "spelling",
    "writer",
    "author",
    "composer",
    "painter",
    "cinema",
    "football",
    "soccer",
    "league",
    "cup",
    "team",
    "club",
    "champion",
    "championship",
    "descent",
    "origin",
    "ancestry",
    "heritage",
    "speakers",
    "speaker",
    "studies",
    "teacher",
];

/// The last word of the noun phrase that starts at `t`: up to two more lower-case nouns
/// ("peace plan", "border guard post"). `None` when `t` starts no noun phrase.
fn noun_phrase_end(cx: &Context, t: usize) -> Option<usize> {
    if !matches!(cx.upos(t), Some("NOUN" | "PROPN")) {
        return None;
    }
    let mut end = t;
    while end + 1 < cx.len()
        && end < t + 2
        && cx.upos(end + 1) == Some("NOUN")
        && cx.kind(end + 1) == Some(dyad_model::TokenKind::Word)
    {
        end += 1;
    }
    Some(end)
}

/// Nouns for a settled place, which a country's adjective before them locates ("the
/// Bosnian town of Gorazde").
const PLACE_NOUNS: &[&str] = &[
    "town",
    "city",
    "village",
    "capital",
    "port",
    "province",
    "region",
    "enclave",
    "district",
    "border",
    "frontier",
    "camp",
    "island",
    "coast",
    "countryside",
    "territory",
];

/// The preposition before a mention starting at token `t`, over determiners and
/// adjectives ("from the besieged Bosnian town").
fn governing_preposition_over_adjectives<'c>(cx: &'c Context, t: usize) -> Option<&'c str> {
    let mut p = t;
    while p > 0 && (DETERMINERS.contains(&cx.lower(p - 1)) || cx.upos(p - 1) == Some("ADJ")) {
        p -= 1;
    }
    (p > 0 && PREPOSITIONS.contains(&cx.lower(p - 1))).then(|| cx.lower(p - 1))
}

/// Words after which a demonym ("a Palestinian was ...") is a noun, not an adjective.
const NOUN_FOLLOWERS: &[&str] = &[
    "was", "were", "is", "are", "has", "had", "have", "who", "said", "says", "died", "and", "or",
    "in", "on", "at", "from", "with", "by",
];

/// A lower-case plural noun ("farmers", "prisoners"), not a verb in -s after a name
/// ("Russian says"): plural in -s, -es or -ies, and not a frequent verb form.
fn is_plural_noun(w: &str) -> bool {
    const VERBS: &[&str] = &[
        "says", "is", "has", "was", "does", "goes", "makes", "takes", "gives", "wants", "needs",
        "plans", "hopes", "seeks", "calls", "warns", "urges", "meets", "holds", "visits",
    ];
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !VERBS.contains(&w)
}

/// Words that may stand between a country word and its role without changing it.
const ROLE_MODIFIERS: &[&str] = &[
    "top", "senior", "then", "acting", "outgoing", "incoming", "new", "former", "ex",
];

/// Find every actor mention in the document, in text order.
pub fn find(cx: &Context) -> Vec<Found> {
    let mut out = first_pass(cx);
    out.sort_by_key(|f| (f.mention.span.start, f.mention.span.end));
    let refs = references(cx, &out);
    out.extend(refs);
    let local = local_groups(cx, &out);
    out.extend(local);
    out.sort_by(|a, b| {
        (
            a.mention.span.start,
            a.mention.span.end,
            &a.mention.actor.code,
        )
            .cmp(&(
                b.mention.span.start,
                b.mention.span.end,
                &b.mention.actor.code,
            ))
    });
    out.dedup_by(|a, b| a.mention.span == b.mention.span && a.mention.actor == b.mention.actor);
    out
}

/// The lexicon's matches plus the misspelt names among the words they leave out: a
/// capitalised word the tagger reads as a proper noun, unknown to the lexicon and a small
/// edit away from one name it knows ("Ethopia", "Afganistan"). Wire copy and machine
/// translation misspell names often enough to matter.
fn with_misspellings<'a>(
    cx: &Context<'a>,
    mut matches: Vec<dyad_lexicon::LexMatch<'a>>,
) -> Vec<dyad_lexicon::LexMatch<'a>> {
    let mut next = 0; // index into `matches` of the first match not wholly before the token
    let mut extra = Vec::new();
    for t in 0..cx.len() {
        let span = cx.span(t);
        while next < matches.len() && matches[next].end <= span.start {
            next += 1;
        }
        // Cheap tests first: the tagger runs only for a sentence that has a candidate.
        if matches.get(next).is_some_and(|m| m.start < span.end)
            || !cx.is_capitalised(t)
            || span.end - span.start < 6
            || dyad_nlp::Model::builtin().is_ok_and(|m| m.knows(cx.word(t)))
        {
            continue;
        }
        if let Some(surfaces) = cx.lexicon.misspelt(cx.word(t))
            && cx.upos(t) == Some("PROPN")
        {
            extra.push(dyad_lexicon::LexMatch {
                start: span.start,
                end: span.end,
                surfaces,
            });
        }
    }
    if !extra.is_empty() {
        matches.extend(extra);
        matches.sort_by_key(|m| (m.start, m.end));
    }
    matches
}

/// The country a single word names, if it is a country's name, demonym, capital or place
/// ("Iraqi", "Kosovo", "Bosnian").
fn country_word(cx: &Context, t: usize) -> Option<usize> {
    cx.lexicon.lookup(cx.word(t)).iter().find_map(|s| match s {
        Surface::CountryName(c) | Surface::Demonym(c) | Surface::Capital(c) | Surface::Place(c) => {
            Some(*c)
        }
        _ => None,
    })
}

/// The group a single word at `t` names, if any. A country word before a group's name
/// belongs to the group's mention ("Iraqi Kurds", "Bosnian Serbs", "Iraqi Muslims").
fn group_word(cx: &Context, t: usize) -> Option<usize> {
    cx.lexicon.lookup(cx.word(t)).iter().find_map(|s| match s {
        Surface::Group(g) => Some(*g),
        _ => None,
    })
}

/// A mention of the group `g` whose name is at tokens `t0..t1`: "Iraqi Kurds" IRQCVLkur,
/// "ethnic Albanians in Macedonia" MKDCVLalb, "Yoruba leaders" NGAGOVyor (with the role's
/// sector), "Hutu rebels" RWAREBhut. The country is the country word before the group, or
/// the country after "in" or "of", or one of its homelands the sentence names, or where
/// the group usually lives (the first country of its row); the sector is that of a role
/// noun after the group, else civilians (CVL). A name that is also a country's demonym
/// ("Albanians", "Serbs") is a group only after "ethnic" or another country's word; else it
/// is the country's people, as before. `None` when no country can be told.
fn group_mention(
    cx: &Context,
    g: usize,
    surfaces: &[Surface],
    t0: usize,
    t1: usize,
    sentence: usize,
) -> Option<Found> {
    let group = cx.lexicon.group(g);
    let mut start = t0;
    let ethnic = t0 > 0 && cx.lower(t0 - 1) == "ethnic";
    if ethnic {
        start = t0 - 1;
    }
    let mut country = None;
    if start > 0
        && cx.sentence_of(start - 1) == sentence
        && let Some(c) = country_word(cx, start - 1)
    {
        country = Some(c);
        start -= 1;
    }
    let kin = surfaces.iter().find_map(|s| match s {
        Surface::Demonym(c) => Some(*c),
        _ => None,
    });
    if let Some(k) = kin
        && !ethnic
        && country.is_none_or(|c| c == k)
    {
        return None;
    }
    // A role after the group, past one modifier: "Ibo traditional elders".
    let mut end = t1;
    let mut sector = None;
    for skip in 0..2 {
        let j = t1 + skip;
        if j >= cx.len() || cx.sentence_of(j) != sentence {
            break;
        }
        if let Some((role, role_end)) = role_at(cx, j) {
            sector = Some(role.sector.clone());
            end = role_end;
            break;
        }
        if cx.is_capitalised(j) || cx.kind(j) != Some(dyad_model::TokenKind::Word) {
            break;
        }
    }
    // "Albanians in Macedonia", "Kurds of Syria", "Albanians in southern Serbia".
    if country.is_none() {
        country = country_they_live_in(cx, end, sentence);
    }
    // Else one of its homelands that the sentence names: "the Mozambique government
    // accepted demands from Shona rebels" (Shona live in Zimbabwe and Mozambique).
    if country.is_none() {
        country = cx.sentence_tokens(sentence).find_map(|j| {
            country_word(cx, j).filter(|&c| group.countries.contains(&cx.lexicon.country(c).code))
        });
    }
    let code = match country {
        Some(c) => cx.lexicon.country(c).code.clone(),
        None => group.countries.first()?.clone(),
    };
    let sector = sector.unwrap_or_else(|| "CVL".to_string());
    let actor = Actor {
        code: format!("{code}{sector}{}", group.code),
        name: None,
        country: Some(code),
        sector: Some(sector),
        kind: ActorKind::Group,
    };
    let span = Span::new(cx.span(start).start, cx.span(end - 1).end);
    Some(found(cx, span, actor, (start, end, sentence), None, false))
}

/// The country named by "in" or "of" at token `end` ("in Macedonia", "of southern Serbia"),
/// where the people just named live.
fn country_they_live_in(cx: &Context, end: usize, sentence: usize) -> Option<usize> {
    if end >= cx.len() || !matches!(cx.lower(end), "in" | "of") {
        return None;
    }
    for j in (end + 1..cx.len().min(end + 4)).take_while(|&j| cx.sentence_of(j) == sentence) {
        if let Some(c) = country_word(cx, j) {
            return Some(c);
        }
        if !BEFORE_A_REGION.contains(&cx.lower(j)) {
            break;
        }
    }
    None
}

/// Words between "in" and a country that still place a group there ("in southern Serbia").
const BEFORE_A_REGION: &[&str] = &[
    "the",
    "south",
    "southern",
    "north",
    "northern",
    "east",
    "eastern",
    "west",
    "western",
    "central",
    "occupied",
    "neighbouring",
    "neighboring",
];

/// What a country-like word contributes to a composed actor.
#[derive(Clone, Copy)]
enum Anchor {
    Country(usize),
    Seat(usize),
    Org(usize),
}

fn first_pass(cx: &Context) -> Vec<Found> {
    let lex = cx.lexicon;
    let matches = with_misspellings(cx, lex.find(cx.text));
    let mut out: Vec<Found> = Vec::new();
    let mut consumed_until = 0usize; // byte offset up to which matches were used by a composition
    // Role inherited by coordinated countries: "the leaders of Russia and China".
    let mut of_role: Option<(usize, &Role, usize)> = None; // (token end of last, role, role start token)

    for m in &matches {
        if m.start < consumed_until {
            continue;
        }
        let Some(surface) = best_surface(m.surfaces) else {
            continue;
        };
        let t0 = cx.token_at(m.start);
        if t0 >= cx.len() {
            continue;
        }
        let surface = place_in_context(cx, &matches, m.surfaces, surface, t0);
        let tok_span = cx.span(t0);
        let in_compound = tok_span.start < m.start || tok_span.end > m.end;
        let mut t1 = t0;
        while t1 < cx.len() && cx.span(t1).end <= m.end {
            t1 += 1;
        }
        let t1 = t1.max(t0 + 1);
        let sentence = cx.sentence_of(t0);
        let name_span = Span::new(m.start, m.end);

        // "Iraqi Kurds", "ethnic Albanians", "Yoruba leaders": an ethnic or religious group.
        if !in_compound
            && let Some(g) = m.surfaces.iter().find_map(|s| match s {
                Surface::Group(g) => Some(*g),
                _ => None,
            })
            && let Some(f) = group_mention(cx, g, m.surfaces, t0, t1, sentence)
        {
            consumed_until = f.mention.span.end;
            out.push(f);
            continue;
        }
        // A country word that a group follows is part of the group's mention.
        if matches!(
            surface,
            Surface::Demonym(_) | Surface::CountryName(_) | Surface::Place(_)
        ) && group_word(cx, t1).is_some()
        {
            continue;
        }

        if let Surface::Person(p) = surface {
            let start = extend_over_title(cx, t0);
            out.push(found(
                cx,
                Span::new(cx.span(start).start, m.end),
                person_actor(cx, p),
                (start, t1, sentence),
                Some(p),
                in_compound,
            ));
            consumed_until = m.end;
            continue;
        }

        let anchor = match surface {
            Surface::CountryName(c)
            | Surface::Demonym(c)
            | Surface::Capital(c)
            | Surface::Place(c) => Anchor::Country(c),
            Surface::Seat(c) => Anchor::Seat(c),
            Surface::Organization(o) => Anchor::Org(o),
            Surface::Person(_) | Surface::NotActor | Surface::Group(_) => continue,
        };

        // "US-led coalition", "Vietnamese-led forces": those a country leads act for it.
        if in_compound
            && tok_span.start == m.start
            && cx.text[m.end..tok_span.end].eq_ignore_ascii_case("-led")
            && t0 + 1 < cx.len()
            && let Some(code) = anchor_country(cx, anchor)
        {
            let role = role_at(cx, t0 + 1);
            let led = role
                .map(|(_, end)| end)
                .or_else(|| LED_BODIES.contains(&cx.lower(t0 + 1)).then_some(t0 + 2));
            if let Some(end) = led {
                let actor = match role {
                    Some((r, _)) => role_actor(cx, &code, r, None, false).0,
                    None => simple(&code, None, None, ActorKind::Organization),
                };
                let start = with_determiner(cx, t0);
                let span = cx.span_of(start, end);
                out.push(found(cx, span, actor, (start, end, sentence), None, false));
                consumed_until = span.end;
                continue;
            }
        }

        // Country word + role (+ name): "Russian president", "Kremlin adviser Yuri Ushakov".
        if !in_compound && let Some(c) = compose_forward(cx, anchor, t1) {
            let start = if c.shared {
                t0
            } else {
                with_determiner(cx, t0)
            };
            let end_byte = cx.span(c.end - 1).end;
            // "opponents of the Kenyan government": those who oppose it, at home.
            let opposing = role_before_of(cx, t0)
                .filter(|(_, r)| r.sector == "OPP")
                .zip(c.actor.country.clone());
            let (first, actor, person) = match opposing {
                Some(((role_start, role), code)) => {
                    let (actor, person) = role_actor(cx, &code, role, None, false);
                    (with_determiner(cx, role_start), actor, person)
                }
                None => (start, c.actor, c.person),
            };
            out.push(found(
                cx,
                Span::new(cx.span(first).start, end_byte),
                actor,
                (first, c.end, sentence),
                person,
                false,
            ));
            consumed_until = end_byte;
            continue;
        }

        // Role + "of" + country: "the leaders of Russia", then "... and China".
        let role_before = role_before_of(cx, t0).map(|(rs, r)| (rs, r, t0));
        let inherited = of_role
            .filter(|(end, _, _)| coordinated(cx, *end, t0))
            .map(|(_, r, rs)| (rs, r, t0));
        if let Some((role_start, role, _)) = role_before.or(inherited)
            && let Some(code) = anchor_country(cx, anchor)
        {
            let (actor, person) = role_actor(cx, &code, role, None, false);
            let from_role = role_before.is_some();
            let start = if from_role {
                with_determiner(cx, role_start)
            } else {
                t0
            };
            out.push(found(
                cx,
                Span::new(cx.span(start).start, m.end),
                actor,
                (start, t1, sentence),
                person,
                in_compound,
            ));
            of_role = Some((t1, role, role_start));
            continue;
        }

        let actor = match anchor {
            Anchor::Country(c) => {
                let country = lex.country(c);
                match surface {
                    Surface::Demonym(_) => {
                        if in_compound {
                            continue;
                        }
                        let w = &cx.text[name_span.start..name_span.end];
                        let people_noun = w.ends_with('s') && !w.ends_with("ss");
                        // "French farmers", "Palestinian prisoners": a demonym before plural
                        // nouns names people of that country.
                        // Not after a demonym that is itself the plural noun ("Young
                        // Algerians blocked roads"), not over a verb, and not onto a noun
                        // that names an act ("Palestinian riots" is the riots of
                        // Palestinians, an event, not a group).
                        let plural_after = (t1..t1 + 2)
                            .take_while(|&i| {
                                !people_noun
                                    && cx.kind(i) == Some(dyad_model::TokenKind::Word)
                                    && !cx.is_capitalised(i)
                                    && !matches!(cx.upos(i), Some("VERB" | "AUX"))
                            })
                            .find(|&i| is_plural_noun(cx.lower(i)))
                            .filter(|&i| cx.lexicon.event_patterns(cx.lower(i)).next().is_none());
                        // "a Palestinian was wounded": a demonym used as a noun.
                        let as_noun = t0 > 0
                            && matches!(
                                cx.lower(t0 - 1),
                                "a" | "an" | "one" | "two" | "three" | "four" | "five" | "several"
                            )
                            && (cx.kind(t1) != Some(dyad_model::TokenKind::Word)
                                || NOUN_FOLLOWERS.contains(&cx.lower(t1)));
                        if let Some(last) = plural_after {
                            let span = Span::new(cx.span(t0).start, cx.span(last).end);
                            out.push(found(
                                cx,
                                span,
                                simple(&country.code, None, None, ActorKind::Group),
                                (t0, last + 1, sentence),
                                None,
                                false,
                            ));
                            consumed_until = span.end;
                            continue;
                        }
                        // "the French rejected ...": the people, or the state, as a noun.
                        let the_people = t0 > 0
                            && cx.lower(t0 - 1) == "the"
                            && !matches!(cx.upos(t1), Some("NOUN" | "PROPN" | "ADJ"));
                        // "rejected an Indian proposal": what a country put forward stands
                        // for the country, as CAMEO codes it.
                        let countrys_thing = t0 > 0
                            && matches!(cx.lower(t0 - 1), "a" | "an" | "the")
                            && STATE_THINGS.contains(&cx.lower(t1));
                        // "French mediation", "a Senegalese peace plan", "Indonesian rule",
                        // "the Bosnian town of Gorazde": before a noun phrase about the
                        // state, the adjective stands for the country, as CAMEO codes it;
                        // not before what is only the country's culture ("a Russian
                        // translation", "Chinese food").
                        let countrys_thing = countrys_thing
                            || (matches!(cx.upos(t1), Some("NOUN" | "PROPN"))
                                && noun_phrase_end(cx, t1).is_some_and(|h| {
                                    !CULTURE.contains(&cx.lower(h))
                                        && !CULTURE.contains(&cx.lower(t1))
                                }));
                        // "from the besieged Bosnian town of Gorazde": a town named by
                        // its country's adjective, where something happens or is left, is
                        // a place there.
                        let place_there = noun_phrase_end(cx, t1)
                            .is_some_and(|h| PLACE_NOUNS.contains(&cx.lower(h)))
                            && matches!(
                                governing_preposition_over_adjectives(cx, t0),
                                Some("from" | "in" | "at" | "near" | "inside" | "outside")
                            );
                        if countrys_thing && place_there {
                            simple(&country.code, None, None, ActorKind::Place)
                        } else if countrys_thing {
                            simple(&country.code, None, None, ActorKind::Country)
                        } else if !people_noun && !as_noun && !the_people {
                            continue;
                        } else if let Some(home) = country_they_live_in(cx, t1, sentence)
                            .filter(|&h| people_noun && h != c)
                        {
                            // "the Albanians of southern Serbia", "Russians in Ukraine": an
                            // ethnic group of the country they live in, as CAMEO codes it.
                            let home = &lex.country(home).code;
                            Actor {
                                code: format!("{home}CVL{}", country.code.to_lowercase()),
                                name: None,
                                country: Some(home.clone()),
                                sector: Some("CVL".to_string()),
                                kind: ActorKind::Group,
                            }
                        } else {
                            simple(
                                &country.code,
                                None,
                                None,
                                if as_noun {
                                    ActorKind::Person
                                } else {
                                    ActorKind::Group
                                },
                            )
                        }
                    }
                    Surface::Capital(_) | Surface::Place(_) if in_compound => continue,
                    Surface::Capital(_) | Surface::Place(_) if is_locative(cx, t0) => {
                        simple(&country.code, None, None, ActorKind::Place)
                    }
                    _ => simple(&country.code, None, None, ActorKind::Country),
                }
            }
            Anchor::Seat(c) => {
                let code = &lex.country(c).code;
                simple(code, Some("GOV"), None, ActorKind::Organization)
            }
            Anchor::Org(o) => org_actor(cx, o),
        };
        out.push(found(
            cx,
            name_span,
            actor,
            (t0, t1, sentence),
            None,
            in_compound,
        ));
    }
    out
}

/// Bodies a country may lead that are no role noun: "the US-led coalition".
const LED_BODIES: &[&str] = &[
    "coalition",
    "alliance",
    "bloc",
    "mission",
    "operation",
    "campaign",
    "intervention",
];

/// Sectors of the state, whose mention says in which country a sentence happens.
const STATE_SECTORS: &[&str] = &["GOV", "COP", "MIL", "JUD", "LEG"];
/// Sectors of people a sentence may name with no country ("demonstrators", "students"),
/// and the police, who act where they are ("riot police broke up a protest in Minsk");
/// not troops, who are often abroad. One journalist is local too ("a journalist was killed
/// in Beirut"); the media named as a group are most often spoken of, not acting ("to
/// protest the arrests of journalists", "restrictions on radio and television").
const PEOPLE_SECTORS: &[&str] = &[
    "OPP", "REB", "CVL", "LAB", "EDU", "REF", "AGR", "SET", "HLH", "RAD", "COP",
];

/// "Egyptian police opened fire to disperse demonstrators", "protesters in Nairobi": a
/// group named by a role noun alone belongs to the country where its sentence happens,
/// when the sentence says so with one country only, through a place or an organ of the
/// state. (A country named otherwise, as in "burned an Israeli flag", says nothing of
/// where the burning was.)
fn local_groups(cx: &Context, mentions: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    for s in 0..cx.analysis.sentences.len() {
        let range = cx.sentence_tokens(s);
        let in_sentence: Vec<&Found> = mentions.iter().filter(|f| f.sentence == s).collect();
        // A country inside a compound ("Russian-backed") is not where the sentence is.
        let mut countries: Vec<&str> = in_sentence
            .iter()
            .filter(|f| !f.in_compound)
            .filter_map(|f| f.mention.actor.country.as_deref())
            .collect();
        countries.sort_unstable();
        countries.dedup();
        let [country] = countries[..] else {
            continue;
        };
        let local = in_sentence.iter().any(|f| {
            f.mention.actor.kind == ActorKind::Place
                || matches!(
                    governing_preposition(cx, f.first),
                    Some("in" | "across" | "throughout")
                )
                || f.mention
                    .actor
                    .sector
                    .as_deref()
                    .is_some_and(|x| STATE_SECTORS.contains(&x))
        });
        if !local {
            continue;
        }
        let covered = |t: usize| in_sentence.iter().any(|f| f.first <= t && t < f.end);
        let mut t = range.start;
        while t < range.end {
            // Role phrases start with a noun or an adjective ("riot police").
            if !matches!(cx.upos(t), Some("NOUN" | "ADJ")) || covered(t) {
                t += 1;
                continue;
            }
            let role = (1..=cx.lexicon.max_role_words())
                .rev()
                .filter(|k| t + k <= range.end)
                .find_map(|k| cx.lexicon.role(&cx.phrase(t, t + k)).map(|r| (r, t + k)));
            let Some((role, end)) = role else {
                t += 1;
                continue;
            };
            // "Judge Alejandro Rivera": a judge or prosecutor named by title works where the
            // sentence happens (a judge, unlike a minister, seldom acts abroad).
            let name_end = (end..range.end)
                .take_while(|&i| cx.upos(i) == Some("PROPN") && cx.is_capitalised(i))
                .last()
                .map(|i| i + 1);
            if role.kind == RoleKind::Person
                && role.sector == "JUD"
                && cx.is_capitalised(t)
                && let Some(name_end) = name_end
                && !(t..name_end).any(covered)
                && !cx.in_quote(t)
            {
                out.push(found(
                    cx,
                    cx.span_of(t, name_end),
                    simple(country, Some("JUD"), None, ActorKind::Person),
                    (t, name_end, s),
                    None,
                    false,
                ));
                t = name_end;
                continue;
            }
            // (One person too: "a prominent journalist has been killed in Beirut".)
            let usable = matches!(role.kind, RoleKind::Group | RoleKind::Person)
                && (PEOPLE_SECTORS.contains(&role.sector.as_str())
                    || (role.sector == "MED" && role.kind == RoleKind::Person))
                && !(t..end).any(covered)
                && !cx.in_quote(t)
                && (t == range.start || !cx.is_capitalised(t))
                // The head of its phrase: not "protest leaders", "student union".
                && !(end < range.end && matches!(cx.upos(end), Some("NOUN" | "PROPN")))
                // Not named as someone's: "its students", "the country's refugees".
                && !(t > range.start && matches!(cx.upos(t - 1), Some("PROPN" | "PRON")));
            if usable {
                let span = cx.span_of(t, end);
                out.push(found(
                    cx,
                    span,
                    simple(country, Some(&role.sector), None, ActorKind::Group),
                    (t, end, s),
                    None,
                    false,
                ));
            }
            t = end;
        }
    }
    out
}

fn found(
    cx: &Context,
    span: Span,
    actor: Actor,
    (first, end, sentence): (usize, usize, usize),
    person: Option<usize>,
    in_compound: bool,
) -> Found {
    Found {
        mention: Mention {
            text: span.slice(cx.text).unwrap_or("").to_string(),
            span,
            actor,
        },
        first,
        end,
        sentence,
        person,
        in_compound,
        anaphor: false,
    }
}

/// Names shared by two countries that one of them took only on a date: the Democratic
/// Republic of the Congo was Zaire until 17 May 1997, so before then "Congo" and
/// "Congolese" are the Republic of the Congo's.
const NAMED_SINCE: &[(&str, (i16, i8, i8))] = &[("COD", (1997, 5, 17))];

/// The country a surface stands for, when it has one.
fn country_of(s: Surface) -> Option<usize> {
    match s {
        Surface::CountryName(c) | Surface::Demonym(c) | Surface::Capital(c) | Surface::Place(c) => {
            Some(c)
        }
        _ => None,
    }
}

/// A name of two countries' places ("Tripoli" is Libya's capital and Lebanon's second city)
/// or of two countries ("Congo", "Congolese") is the one whose country its sentence, else
/// its document, names unambiguously, by name, adjective or capital ("the north Lebanese
/// port", "Kinshasa"). Else a shared country name is not yet the one that took it later
/// ([`NAMED_SINCE`]); else it is `surface`, the first country listed (for places, the one
/// whose capital it is).
fn place_in_context(
    cx: &Context,
    matches: &[LexMatch<'_>],
    surfaces: &[Surface],
    surface: Surface,
    t: usize,
) -> Surface {
    let same_kind = |s: &Surface| match surface {
        Surface::Capital(_) | Surface::Place(_) => {
            matches!(s, Surface::Capital(_) | Surface::Place(_))
        }
        Surface::CountryName(_) | Surface::Demonym(_) => {
            matches!(s, Surface::CountryName(_) | Surface::Demonym(_))
        }
        _ => false,
    };
    let candidates: Vec<(usize, Surface)> = surfaces
        .iter()
        .filter(|s| same_kind(s))
        .filter_map(|&s| Some((country_of(s)?, s)))
        .collect();
    if candidates.iter().all(|&(c, _)| c == candidates[0].0) {
        return surface;
    }
    // A match elsewhere that names exactly one of the candidates.
    let names = |m: &LexMatch<'_>| -> Option<Surface> {
        if cx.token_at(m.start) == t {
            return None;
        }
        let mut named = m.surfaces.iter().filter_map(|&s| {
            let c = country_of(s)?;
            candidates
                .iter()
                .find(|&&(k, _)| k == c)
                .map(|&(_, s)| (c, s))
        });
        let (c, s) = named.next()?;
        named.all(|(k, _)| k == c).then_some(s)
    };
    let sentence = cx.sentence_of(t);
    if let Some(s) = matches
        .iter()
        .filter(|m| {
            cx.sentence_of(cx.token_at(m.start).min(cx.len().saturating_sub(1))) == sentence
        })
        .find_map(names)
        .or_else(|| matches.iter().find_map(names))
    {
        return s;
    }
    if let (Some(date), Some(c)) = (cx.date, country_of(surface)) {
        let code = cx.lexicon.country(c).code.as_str();
        let not_yet = NAMED_SINCE
            .iter()
            .any(|&(k, (y, m, d))| k == code && jiff::civil::date(y, m, d) > date);
        if not_yet && let Some(&(_, other)) = candidates.iter().find(|&&(k, _)| k != c) {
            return other;
        }
    }
    surface
}

/// The most specific meaning of an ambiguous surface.
fn best_surface(surfaces: &[Surface]) -> Option<Surface> {
    if surfaces.contains(&Surface::NotActor) {
        return None;
    }
    let rank = |s: &Surface| match s {
        Surface::Person(_) => 0,
        Surface::Organization(_) => 1,
        Surface::Seat(_) => 2,
        Surface::CountryName(_) => 3,
        Surface::Demonym(_) => 4,
        Surface::Capital(_) => 5,
        Surface::Place(_) => 6,
        Surface::Group(_) => 7,
        Surface::NotActor => 8,
    };
    surfaces.iter().min_by_key(|s| rank(s)).copied()
}

pub(crate) fn simple(
    country: &str,
    sector: Option<&str>,
    name: Option<String>,
    kind: ActorKind,
) -> Actor {
    Actor {
        code: format!("{country}{}", sector.unwrap_or("")),
        name,
        country: Some(country.to_string()),
        sector: sector.map(str::to_string),
        kind,
    }
}

/// A known person as of the document's date: their office's country and `GOV`, or `ELI` when
/// they held no listed office then.
fn person_actor(cx: &Context, p: usize) -> Actor {
    let lex = cx.lexicon;
    let person = lex.person(p);
    let (country, sector) = match lex.person_on(p, cx.date) {
        Some(t) => (t.country.clone(), "GOV"),
        None => {
            let latest = person.terms.iter().max_by_key(|t| t.start);
            (latest.map(|t| t.country.clone()).unwrap_or_default(), "ELI")
        }
    };
    simple(
        &country,
        Some(sector),
        Some(person.name.clone()),
        ActorKind::Person,
    )
}

fn org_actor(cx: &Context, o: usize) -> Actor {
    let org = cx.lexicon.organization(o);
    Actor {
        code: org.code.clone(),
        name: Some(org.name.clone()),
        country: org.country.clone(),
        sector: org.sector.clone(),
        kind: ActorKind::Organization,
    }
}

fn anchor_country(cx: &Context, a: Anchor) -> Option<String> {
    match a {
        Anchor::Country(c) | Anchor::Seat(c) => Some(cx.lexicon.country(c).code.clone()),
        Anchor::Org(o) => cx.lexicon.organization(o).country.clone(),
    }
}

/// Include a determiner right before `t` ("the Kremlin chief", "a Kremlin adviser").
fn with_determiner(cx: &Context, t: usize) -> usize {
    if t > 0
        && matches!(cx.lower(t - 1), "the" | "a" | "an")
        && cx.sentence_of(t - 1) == cx.sentence_of(t)
    {
        t - 1
    } else {
        t
    }
}

/// Extend a person's name left over a capitalised title and a country word:
/// "Russian President Vladimir Putin", "Chancellor Scholz".
fn extend_over_title(cx: &Context, t0: usize) -> usize {
    let mut start = t0;
    let lex = cx.lexicon;
    loop {
        let mut moved = false;
        for k in (1..=lex.max_role_words()).rev() {
            if start < k {
                continue;
            }
            let a = start - k;
            if (a..start).all(|i| cx.is_capitalised(i)) && lex.role(&cx.phrase(a, start)).is_some()
            {
                start = a;
                moved = true;
                break;
            }
        }
        // A demonym or country before the title: "Russian President".
        if moved && start > 0 && cx.is_capitalised(start - 1) {
            let w = cx.word(start - 1);
            if cx
                .lexicon
                .lookup(w)
                .iter()
                .any(|s| matches!(s, Surface::Demonym(_) | Surface::CountryName(_)))
            {
                start -= 1;
            }
        }
        if !moved {
            break;
        }
    }
    start
}

struct Composed {
    actor: Actor,
    person: Option<usize>,
    end: usize,
    /// The role belongs to a list ("Hungarian and Romanian officials"): the mention is the
    /// country word alone, and the next country word composes with the role itself.
    shared: bool,
}

/// The longest role phrase starting at token `t`.
fn role_at<'l>(cx: &'l Context, t: usize) -> Option<(&'l Role, usize)> {
    (1..=cx.lexicon.max_role_words())
        .rev()
        .filter(|k| t + k <= cx.len())
        .find_map(|k| cx.lexicon.role(&cx.phrase(t, t + k)).map(|r| (r, t + k)))
}

/// After a country word at `t` (exclusive end of the word): an optional `'s`, modifiers, a
/// role, and an optional name.
fn compose_forward(cx: &Context, anchor: Anchor, t: usize) -> Option<Composed> {
    let mut j = t;
    if matches!(cx.lower(j), "'s" | "'") {
        j += 1;
    }
    let mut former = false;
    while j < cx.len() && ROLE_MODIFIERS.contains(&cx.lower(j)) {
        former |= matches!(cx.lower(j), "former" | "ex");
        j += 1;
    }
    // "Hungarian and Romanian officials": the role after the next country word is shared.
    let mut shared = false;
    // Not after a people noun ("refusing admittance to Ghanaians, Benin police said"): only
    // an adjective waits for a role.
    let before = cx.lower(t.saturating_sub(1));
    let people_noun = t > 0 && before.ends_with('s') && !before.ends_with("ss");
    if matches!(cx.lower(j), "and" | "," | "or")
        && !people_noun
        && cx
            .lexicon
            .lookup(cx.word(j + 1))
            .iter()
            .any(|s| matches!(s, Surface::Demonym(_) | Surface::CountryName(_)))
        && role_at(cx, j + 2).is_some()
    {
        shared = true;
        j += 2;
    }
    // One or two plain words may stand before the role: "a Russian newspaper editor",
    // "Turkish Kurd refugees"; not a verb ("Russia deployed troops" is a country and what
    // it did, not one actor) nor a conjunction ("from Chad unless President X agrees").
    let role = role_at(cx, j).or_else(|| {
        (1..=2).find_map(|skip| {
            let plain = (j..j + skip).all(|i| {
                cx.kind(i) == Some(dyad_model::TokenKind::Word)
                    && !PREPOSITIONS.contains(&cx.lower(i))
                    && !DETERMINERS.contains(&cx.lower(i))
                    && !matches!(cx.lower(i), "and" | "or" | "but" | "'s")
                    && cx.lexicon.lookup(cx.word(i)).is_empty()
                    // Nouns and adjectives only: "Chad unless President X" is two actors.
                    && matches!(cx.upos(i), Some("NOUN" | "PROPN" | "ADJ"))
            });
            if plain { role_at(cx, j + skip) } else { None }
        })
    });
    let (role, role_end) = role?;
    if cx.sentence_of(role_end - 1) != cx.sentence_of(t.saturating_sub(1)) {
        return None;
    }
    let code = anchor_country(cx, anchor);
    // A name after the role: a known person, or capitalised words.
    let (name, end) = name_at(cx, role_end);
    if let Anchor::Org(o) = anchor
        && code.is_none()
    {
        // An international body with a role: "UN chief", "NATO troops".
        let mut actor = org_actor(cx, o);
        if matches!(name, Some(Name::Unknown)) || role.kind == RoleKind::Person {
            actor.kind = ActorKind::Person;
            actor.name = None;
        }
        return Some(Composed {
            actor,
            person: None,
            end: if shared { t } else { end.unwrap_or(role_end) },
            shared,
        });
    }
    let code = code?;
    let (actor, person) = role_actor(cx, &code, role, if shared { None } else { name }, former);
    Some(Composed {
        actor,
        person: if shared { None } else { person },
        end: if shared { t } else { end.unwrap_or(role_end) },
        shared,
    })
}

enum Name {
    Known(usize),
    /// Capitalised words the lexicon does not know: a person coded by role.
    Unknown,
}

/// A name starting at token `t`: a known person, or one to three capitalised words.
fn name_at(cx: &Context, t: usize) -> (Option<Name>, Option<usize>) {
    if t >= cx.len() {
        return (None, None);
    }
    let start_byte = cx.span(t).start;
    let mut window_end = cx.text.len().min(start_byte + 80);
    while !cx.text.is_char_boundary(window_end) {
        window_end -= 1;
    }
    if let Some(m) = cx.lexicon.find(&cx.text[start_byte..window_end]).first()
        && m.start == 0
        && let Some(Surface::Person(p)) =
            m.surfaces.iter().find(|s| matches!(s, Surface::Person(_)))
    {
        let end = cx.token_at(start_byte + m.end);
        return (Some(Name::Known(*p)), Some(end));
    }
    let mut e = t;
    while e < t + 3
        && e < cx.len()
        && cx.is_capitalised(e)
        && cx
            .word(e)
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '.')
        && cx.lexicon.lookup(cx.word(e)).is_empty()
        && cx.sentence_of(e) == cx.sentence_of(t)
    {
        e += 1;
    }
    // A single capitalised word may just start the next clause; ask for two.
    if e - t >= 2 {
        (Some(Name::Unknown), Some(e))
    } else {
        (None, None)
    }
}

fn role_actor(
    cx: &Context,
    country: &str,
    role: &Role,
    name: Option<Name>,
    former: bool,
) -> (Actor, Option<usize>) {
    let sector = if former { "ELI" } else { role.sector.as_str() };
    match name {
        Some(Name::Known(p)) => (person_actor(cx, p), Some(p)),
        // An unknown person is coded by role; `name` is kept for people the lexicon knows.
        Some(Name::Unknown) => (simple(country, Some(sector), None, ActorKind::Person), None),
        None => {
            if let (Some(office), RoleKind::Person, false) = (&role.office, role.kind, former)
                && let Some(p) = cx.lexicon.office_holder(country, office, cx.date)
            {
                return (person_actor(cx, p), Some(p));
            }
            let kind = match role.kind {
                RoleKind::Person => ActorKind::Person,
                RoleKind::Group => ActorKind::Group,
                RoleKind::Organization => ActorKind::Organization,
            };
            (simple(country, Some(sector), None, kind), None)
        }
    }
}

/// "the leaders of" or "rebels in" right before token `t`: the role and the token where it
/// starts.
fn role_before_of<'l>(cx: &'l Context, t: usize) -> Option<(usize, &'l Role)> {
    // "rebels in the Ivory Coast": over a determiner.
    let t = if t >= 3 && DETERMINERS.contains(&cx.lower(t - 1)) {
        t - 1
    } else {
        t
    };
    if t < 2 {
        return None;
    }
    // "the leaders of Russia", "opponents of Rwanda's Senate"; "rebels in the Ivory Coast", "opposition groups in
    // Zimbabwe", "police in Jericho". Not troops or refugees "in" a country: those are as
    // often foreign ("troops in Afghanistan", "refugees in Lebanon").
    let of = match cx.lower(t - 1) {
        "of" => true,
        "in" => false,
        _ => return None,
    };
    let end = t - 1;
    (1..=cx.lexicon.max_role_words())
        .rev()
        .filter(|k| *k <= end)
        .find_map(|k| {
            cx.lexicon
                .role(&cx.phrase(end - k, end))
                .map(|r| (end - k, r))
        })
        .filter(|(start, r)| {
            if of {
                // "opponents of the Kenyan government" oppose at home.
                matches!(r.sector.as_str(), "GOV" | "MIL" | "OPP")
            } else {
                // "Albanian rebels in Macedonia" are Albanian: a name before the role wins.
                let named_before = *start > 0
                    && cx.is_capitalised(*start - 1)
                    && !DETERMINERS.contains(&cx.lower(*start - 1));
                !named_before
                    && matches!(
                        r.sector.as_str(),
                        "REB" | "OPP" | "COP" | "GOV" | "CVL" | "LAB" | "EDU"
                    )
            }
        })
}

/// True when token `t` continues a list that ended at `prev_end`: "Russia and China".
fn coordinated(cx: &Context, prev_end: usize, t: usize) -> bool {
    t > prev_end
        && t - prev_end <= 2
        && (prev_end..t).all(|i| matches!(cx.lower(i), "and" | "," | "or"))
}

/// A capital right after a preposition of place is a location, past determiners and
/// adjectives ("in war-torn Kabul", "of mostly Christian eastern Beirut"); so is one that
/// "of" ties to a part of it ("a residential sector of eastern Beirut", "the outskirts of
/// Kabul").
fn is_locative(cx: &Context, t: usize) -> bool {
    let mut p = t;
    while p > 0
        && (DETERMINERS.contains(&cx.lower(p - 1))
            || cx.upos(p - 1) == Some("ADJ")
            || BEFORE_A_REGION.contains(&cx.lower(p - 1))
            || matches!(cx.lower(p - 1), "mostly" | "largely" | "predominantly"))
    {
        p -= 1;
    }
    p > 0
        && (LOCATIVES.contains(&cx.lower(p - 1))
            || (cx.lower(p - 1) == "of" && p >= 2 && AREA_NOUNS.contains(&cx.lower(p - 2))))
}

/// Parts of a city or country: "the outskirts *of* Kabul" is a place.
const AREA_NOUNS: &[&str] = &[
    "sector",
    "district",
    "districts",
    "suburb",
    "suburbs",
    "outskirts",
    "part",
    "parts",
    "area",
    "areas",
    "centre",
    "center",
    "streets",
    "heart",
    "neighbourhood",
    "neighborhood",
    "quarter",
];

/// The preposition governing a mention starting at token `t`, if any (skipping determiners).
pub(crate) fn governing_preposition<'c>(cx: &'c Context, t: usize) -> Option<&'c str> {
    let mut p = t;
    while p > 0 && DETERMINERS.contains(&cx.lower(p - 1)) {
        p -= 1;
    }
    (p > 0 && PREPOSITIONS.contains(&cx.lower(p - 1))).then(|| cx.lower(p - 1))
}

/// Second pass: "the two leaders", "he", "his country".
fn references(cx: &Context, found: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut covered = vec![false; cx.len()];
    for f in found {
        for c in &mut covered[f.first.min(cx.len())..f.end.min(cx.len())] {
            *c = true;
        }
    }
    for (t, &is_covered) in covered.iter().enumerate() {
        if is_covered || cx.in_quote(t) {
            continue;
        }
        let w = cx.lower(t);
        // "the two leaders", "both presidents": the last two people named.
        if matches!(w, "two" | "both")
            && let Some((role, end)) = role_at(cx, t + 1)
            && role.sector == "GOV"
            && cx.lower(end - 1).ends_with('s')
        {
            let start = with_determiner(cx, t);
            let prior = distinct_people_before(found, start);
            if prior.len() >= 2 {
                for p in prior[..2].iter().rev() {
                    out.push(reference(cx, start, end, p, p.mention.actor.clone()));
                }
            }
            continue;
        }
        if matches!(w, "he" | "she") {
            if let Some(p) = antecedent(cx, found, t) {
                out.push(reference(cx, t, t + 1, p, p.mention.actor.clone()));
            }
            continue;
        }
        // "his country", "her government"
        if matches!(w, "his" | "her")
            && matches!(cx.lower(t + 1), "country" | "nation" | "government")
            && let Some(p) = antecedent(cx, found, t)
            && let Some(country) = p.mention.actor.country.clone()
        {
            let actor = if cx.lower(t + 1) == "government" {
                simple(&country, Some("GOV"), None, ActorKind::Organization)
            } else {
                simple(&country, None, None, ActorKind::Country)
            };
            out.push(reference(cx, t, t + 2, p, actor));
        }
    }
    out
}

/// The people named before token `t`, latest first, each once.
/// `found` is in text order, so only the mentions before `t` are walked, latest first, and
/// the walk stops after a few distinct people.
fn distinct_people_before(found: &[Found], t: usize) -> Vec<&Found> {
    const ENOUGH: usize = 4;
    let before = &found[..found.partition_point(|f| f.first < t)];
    let mut seen: Vec<&Found> = Vec::new();
    for f in before
        .iter()
        .rev()
        .filter(|f| f.end <= t && f.mention.actor.kind == ActorKind::Person)
    {
        if !seen.iter().any(|s| s.mention.actor == f.mention.actor) {
            seen.push(f);
            if seen.len() == ENOUGH {
                break;
            }
        }
    }
    seen
}

/// The person a third-person pronoun at token `t` most likely refers to: the first person
/// named as a subject (not after a preposition, not in a quote) in the pronoun's sentence,
/// else in the sentences before it, else the last person named.
fn antecedent<'f>(cx: &Context, found: &'f [Found], t: usize) -> Option<&'f Found> {
    let sentence = cx.sentence_of(t);
    let first_sentence = sentence.saturating_sub(3);
    // `found` is in text order: the mentions of the sentences to look at are one slice.
    let window = &found[found.partition_point(|f| f.sentence < first_sentence)
        ..found.partition_point(|f| f.first < t)];
    let people = |s: usize| {
        window.iter().filter(move |f| {
            f.sentence == s
                && f.end <= t
                && f.mention.actor.kind == ActorKind::Person
                && !f.in_compound
                && !cx.in_quote(f.first)
        })
    };
    for s in (first_sentence..=sentence).rev() {
        if let Some(f) = people(s).find(|f| governing_preposition(cx, f.first).is_none()) {
            return Some(f);
        }
    }
    distinct_people_before(found, t).into_iter().next()
}

/// Resolve a short phrase ("Kremlin adviser Yuri Ushakov", "the Chinese president") to the
/// actor it names, as of `date`. `context` is a country code or name the phrase is about,
/// used when the phrase names a role without a country ("the foreign minister").
pub fn resolve(
    lexicon: &dyad_lexicon::Lexicon,
    phrase: &str,
    context: Option<&str>,
    date: Option<jiff::civil::Date>,
) -> Option<Actor> {
    let best = |text: &str| -> Option<Actor> {
        let a = dyad_nlp::analyse(text);
        let cx = Context::new(text, &a, lexicon, date);
        find(&cx)
            .into_iter()
            .filter(|f| !f.anaphor)
            .max_by_key(|f| {
                (
                    f.mention.span.len(),
                    std::cmp::Reverse(f.mention.span.start),
                )
            })
            .map(|f| f.mention.actor)
    };
    let direct = best(phrase);
    if direct
        .as_ref()
        .is_some_and(|a| a.country.is_some() || a.kind == ActorKind::Organization)
    {
        return direct;
    }
    let country = context
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .and_then(|c| {
            lexicon.country_by_code(&c.to_uppercase()).or_else(|| {
                lexicon.lookup(c).iter().find_map(|s| match s {
                    Surface::CountryName(i) | Surface::Demonym(i) => Some(*i),
                    _ => None,
                })
            })
        });
    if let Some(c) = country {
        let name = &lexicon.country(c).name;
        let bare = ["the ", "The ", "a ", "A ", "an ", "An "]
            .iter()
            .find_map(|d| phrase.strip_prefix(d))
            .unwrap_or(phrase);
        if let Some(a) = best(&format!("{name}'s {bare}")) {
            return Some(a);
        }
    }
    direct
}

fn reference(cx: &Context, a: usize, b: usize, antecedent: &Found, actor: Actor) -> Found {
    let span = cx.span_of(a, b);
    Found {
        mention: Mention {
            text: span.slice(cx.text).unwrap_or("").to_string(),
            span,
            actor,
        },
        first: a,
        end: b,
        sentence: cx.sentence_of(a),
        person: antecedent.person,
        in_compound: false,
        anaphor: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_lexicon::Lexicon;

    fn actors(text: &str, date: &str) -> Vec<(String, String, Option<String>)> {
        let lex = Lexicon::builtin();
        let a = dyad_nlp::analyse(text);
        let cx = Context::new(text, &a, &lex, date.parse().ok());
        find(&cx)
            .into_iter()
            .map(|f| (f.mention.text, f.mention.actor.code, f.mention.actor.name))
            .collect()
    }

    fn codes(text: &str, date: &str) -> Vec<(String, String)> {
        actors(text, date)
            .into_iter()
            .map(|(t, c, _)| (t, c))
            .collect()
    }

    fn pair(t: &str, c: &str) -> (String, String) {
        (t.to_string(), c.to_string())
    }

    #[test]
    fn a_group_of_many_states_needs_a_country_word() {
        let found = codes(
            "Arab leaders met in Cairo. The two Arab states that signed treaties with Israel objected.",
            "2019-12-01",
        );
        assert!(!found.iter().any(|(_, c)| c.ends_with("ara")), "{found:?}");
        let found = codes("Israeli Arabs protested in Haifa.", "2019-12-01");
        assert!(
            found.contains(&pair("Israeli Arabs", "ISRCVLara")),
            "{found:?}"
        );
    }

    #[test]
    fn no_mention_runs_over_a_conjunction() {
        let found = codes(
            "Nigeria will withdraw its force from Chad unless President Habre agrees.",
            "1983-05-01",
        );
        assert!(found.contains(&pair("Chad", "TCD")), "{found:?}");
        assert!(
            !found.iter().any(|(t, _)| t.contains("unless")),
            "{found:?}"
        );
    }

    #[test]
    fn a_role_in_a_country_is_of_that_country() {
        let found = codes(
            "The rebels in Syria shelled Aleppo as police in Jericho arrested two settlers.",
            "2014-05-01",
        );
        assert!(
            found.contains(&pair("The rebels in Syria", "SYRREB")),
            "{found:?}"
        );
        assert!(
            found.contains(&pair("police in Jericho", "PSECOP")),
            "{found:?}"
        );
        // A name before the role wins; troops in a country are as often foreign.
        let found = codes(
            "Albanian rebels in Macedonia fired on troops in Afghanistan.",
            "2001-05-01",
        );
        assert!(
            found.contains(&pair("Albanian rebels", "ALBREB")),
            "{found:?}"
        );
        assert!(!found.iter().any(|(_, c)| c == "AFGMIL"), "{found:?}");
    }

    #[test]
    fn people_by_date() {
        let got = actors("Putin met Xi.", "2021-12-15");
        assert_eq!(
            got[0],
            (
                "Putin".into(),
                "RUSGOV".into(),
                Some("Vladimir Putin".into())
            )
        );
        assert_eq!(
            got[1],
            ("Xi".into(), "CHNGOV".into(), Some("Xi Jinping".into()))
        );
        // Biden was out of office in 2019: an elite, not the government.
        assert_eq!(
            codes("Biden spoke.", "2019-06-01"),
            [pair("Biden", "USAELI")]
        );
    }

    #[test]
    fn descriptions_resolve_to_office_holders() {
        let got = actors(
            "The Russian leader spoke, and so did China’s president and the Kremlin chief.",
            "2021-12-15",
        );
        let names: Vec<_> = got
            .iter()
            .map(|(t, c, n)| (t.as_str(), c.as_str(), n.as_deref()))
            .collect();
        assert_eq!(
            names,
            [
                ("The Russian leader", "RUSGOV", Some("Vladimir Putin")),
                ("China’s president", "CHNGOV", Some("Xi Jinping")),
                ("the Kremlin chief", "RUSGOV", Some("Vladimir Putin")),
            ]
        );
        let got = actors("The Russian president spoke.", "2010-01-01");
        assert_eq!(got[0].2.as_deref(), Some("Dmitry Medvedev"));
    }

    #[test]
    fn roles_with_names_and_sectors() {
        let got = actors(
            "Kremlin adviser Yuri Ushakov said Chinese troops and Russian police left.",
            "2021-12-15",
        );
        assert_eq!(
            got[0],
            ("Kremlin adviser Yuri Ushakov".into(), "RUSGOV".into(), None)
        );
        assert_eq!(pair(&got[1].0, &got[1].1), pair("Chinese troops", "CHNMIL"));
        assert_eq!(pair(&got[2].0, &got[2].1), pair("Russian police", "RUSCOP"));
        let got = actors("They met their US counterpart Joe Biden.", "2021-12-15");
        assert_eq!(
            got[0],
            (
                "US counterpart Joe Biden".into(),
                "USAGOV".into(),
                Some("Joe Biden".into())
            )
        );
    }

    #[test]
    fn coordinated_of_roles() {
        assert_eq!(
            codes(
                "The summit between the leaders of Russia and China ended.",
                "2021-12-15"
            ),
            [
                pair("the leaders of Russia", "RUSGOV"),
                pair("China", "CHNGOV")
            ]
        );
    }

    #[test]
    fn places_and_adjectives_are_not_actors() {
        // A place after a preposition of place is a mention of kind place, for its country;
        // the adjective before an ordinary noun is no mention.
        let text = "The Russian translation was read in Beijing.";
        let lex = Lexicon::builtin();
        let a = dyad_nlp::analyse(text);
        let cx = Context::new(text, &a, &lex, "2021-12-15".parse().ok());
        let found: Vec<(String, String, ActorKind)> = find(&cx)
            .into_iter()
            .map(|f| (f.mention.text, f.mention.actor.code, f.mention.actor.kind))
            .collect();
        assert_eq!(
            found,
            [("Beijing".to_string(), "CHN".to_string(), ActorKind::Place)]
        );
        assert_eq!(
            codes("Beijing said it would respond.", "2021-12-15"),
            [pair("Beijing", "CHN")]
        );
        assert_eq!(
            codes("Firms in Latin America.", "2021-12-15"),
            Vec::<(String, String)>::new()
        );
        assert_eq!(
            codes("Americans voted.", "2021-12-15"),
            [pair("Americans", "USA")]
        );
    }

    #[test]
    fn references_resolve() {
        let got = codes(
            "Putin met Xi. Later the two leaders spoke. He said his country was ready.",
            "2021-12-15",
        );
        // "He" is the subject of the last sentence that names someone: Putin.
        assert_eq!(
            got,
            [
                pair("Putin", "RUSGOV"),
                pair("Xi", "CHNGOV"),
                pair("the two leaders", "CHNGOV"),
                pair("the two leaders", "RUSGOV"),
                pair("He", "RUSGOV"),
                pair("his country", "RUS"),
            ]
        );
    }

    #[test]
    fn pronouns_prefer_subjects() {
        let got = codes(
            "The Russian president hopes to meet with Xi, when he will visit Beijing.",
            "2021-12-15",
        );
        assert!(got.contains(&pair("he", "RUSGOV")), "{got:?}");
    }

    #[test]
    fn shared_roles_and_modifiers() {
        let got = codes(
            "Senior Hungarian and Romanian officials agreed on Wednesday.",
            "2000-01-01",
        );
        assert_eq!(
            got,
            [
                pair("Hungarian", "HUNGOV"),
                pair("Romanian officials", "ROUGOV")
            ]
        );
        let got = codes(
            "Turkish Kurd refugees and a Russian wire reporter left.",
            "2000-01-01",
        );
        assert_eq!(
            got,
            [
                pair("Turkish Kurd refugees", "TURREFkur"),
                pair("a Russian wire reporter", "RUSMED")
            ]
        );
        // A verb between a country and a role noun ends the phrase.
        let got = codes("Russia deployed troops to Belarus on Monday.", "2022-02-01");
        assert_eq!(got, [pair("Russia", "RUS"), pair("Belarus", "BLR")]);
    }

    #[test]
    fn what_a_country_leads_acts_for_it() {
        let got = codes("The US-led coalition bombed Mosul.", "2016-01-01");
        assert_eq!(
            got,
            [pair("The US-led coalition", "USA"), pair("Mosul", "IRQ")]
        );
        let got = codes("Vietnamese-led forces attacked the camps.", "1985-01-01");
        assert_eq!(got, [pair("Vietnamese-led forces", "VNMMIL")]);
        // Backed is not led: the backer is not who acts.
        let got = codes(
            "Russian-backed separatists attacked the camps.",
            "2015-01-01",
        );
        assert!(got.iter().all(|(_, c)| !c.starts_with("RUS")), "{got:?}");
    }

    #[test]
    fn groups_named_by_role_alone_belong_where_their_sentence_happens() {
        // The police say where: the demonstrators are Egyptian.
        let got = codes(
            "Egyptian police opened fire to disperse demonstrators on Monday night.",
            "2000-01-01",
        );
        assert_eq!(
            got,
            [
                pair("Egyptian police", "EGYCOP"),
                pair("demonstrators", "EGYOPP")
            ]
        );
        // So does a place.
        let got = codes("Students marched in Nairobi on Tuesday.", "2000-01-01");
        assert_eq!(got, [pair("Students", "KENEDU"), pair("Nairobi", "KEN")]);
        // A country named otherwise says nothing of where: no actor for the protesters.
        let got = codes("Protesters burned an Israeli flag.", "2000-01-01");
        assert!(got.iter().all(|(t, _)| t != "Protesters"), "{got:?}");
        // Two countries: no guess.
        let got = codes(
            "Kenyan police and Ugandan troops dispersed demonstrators at the border.",
            "2000-01-01",
        );
        assert!(got.iter().all(|(t, _)| t != "demonstrators"), "{got:?}");
        // One person named by a role too.
        let got = codes(
            "Egyptian police arrested a student on Monday.",
            "2000-01-01",
        );
        assert!(got.contains(&pair("student", "EGYEDU")), "{got:?}");
        // A judge named by title and name works there too.
        let got = codes(
            "Judge Maria Lopez opened a fraud investigation against three Chilean ministers.",
            "2000-01-01",
        );
        assert_eq!(got[0], pair("Judge Maria Lopez", "CHLJUD"), "{got:?}");
    }

    #[test]
    fn a_name_of_places_in_two_countries_is_the_one_its_text_names() {
        let got = codes(
            "Militias fought in Tripoli as shells hit the north Lebanese port.",
            "2000-01-01",
        );
        assert!(got.contains(&pair("Tripoli", "LBN")), "{got:?}");
        // Else the capital.
        let got = codes("Militias fought in Tripoli on Monday.", "2000-01-01");
        assert!(got.contains(&pair("Tripoli", "LBY")), "{got:?}");
        // The document may say it in another sentence.
        let got = codes(
            "Lebanon's army moved north. Militias fought in Tripoli on Monday.",
            "2000-01-01",
        );
        assert!(got.contains(&pair("Tripoli", "LBN")), "{got:?}");
        // A capital names its country too.
        let got = codes("Militias fought in Tripoli and Beirut.", "2000-01-01");
        assert!(got.contains(&pair("Tripoli", "LBN")), "{got:?}");
    }

    #[test]
    fn a_capital_in_a_phrase_of_place_is_a_place() {
        for text in [
            "Shells fell on a residential district of mostly Christian eastern Beirut.",
            "Fighting raged on the outskirts of Kabul.",
            "Bombs exploded in war-torn Mogadishu.",
        ] {
            let actors =
                crate::code_document(crate::test_document(text), &Lexicon::builtin()).actors;
            assert!(!actors.is_empty(), "{text}");
            assert!(
                actors.iter().all(|a| a.actor.kind == ActorKind::Place),
                "{text}: {actors:?}"
            );
        }
    }

    #[test]
    fn a_name_of_two_countries_is_the_one_its_text_or_its_date_names() {
        // Both Congos are "Congo": the text may say which.
        let got = codes(
            "Congo accused Angola. Talks were held in Kinshasa.",
            "1991-01-01",
        );
        assert!(got.contains(&pair("Congo", "COD")), "{got:?}");
        let got = codes("Congolese troops left Brazzaville.", "2010-01-01");
        assert!(got.contains(&pair("Congolese troops", "COGMIL")), "{got:?}");
        // Else the date: before May 1997 the larger one was Zaire.
        let got = codes("Congolese refugees fled the fighting.", "1991-01-01");
        assert!(
            got.contains(&pair("Congolese refugees", "COGREF")),
            "{got:?}"
        );
        let got = codes("Congolese refugees fled the fighting.", "2004-08-13");
        assert!(
            got.contains(&pair("Congolese refugees", "CODREF")),
            "{got:?}"
        );
    }

    #[test]
    fn demonyms_as_nouns_and_before_plurals() {
        let got = codes(
            "French bakers blocked roads and a Palestinian was wounded.",
            "2000-01-01",
        );
        assert_eq!(
            got,
            [pair("French bakers", "FRA"), pair("Palestinian", "PSE")]
        );
        // A people noun waits for no role after a comma: "Ghanaians, Benin police said".
        let got = codes(
            "Benin refused admittance to Ghanaians, Benin police said.",
            "2000-01-01",
        );
        assert!(got.contains(&pair("Ghanaians", "GHA")), "{got:?}");
        // An adjective does: "Hungarian and Romanian officials".
        let got = codes("Hungarian and Romanian officials met.", "2000-01-01");
        assert!(got.contains(&pair("Hungarian", "HUNGOV")), "{got:?}");
        // A plural role noun gives the sector: farmers are CAMEO's agriculture (AGR).
        let got = codes("French farmers blocked roads.", "2000-01-01");
        assert_eq!(got, [pair("French farmers", "FRAAGR")]);
        // The people as a noun, and what a state puts forward.
        let got = codes(
            "The French rejected an Australian ultimatum on Friday.",
            "2000-01-01",
        );
        assert_eq!(got, [pair("French", "FRA"), pair("Australian", "AUS")]);
        let got = codes("The Russian translation was read.", "2021-12-15");
        assert_eq!(
            got,
            Vec::<(String, String)>::new(),
            "an adjective before the country's culture is no actor"
        );
        // Before what belongs to the state, with or without an article.
        let got = codes(
            "Israel opposed French mediation and rebels rejected a Senegalese peace plan.",
            "2000-01-01",
        );
        assert_eq!(
            got,
            [
                pair("Israel", "ISR"),
                pair("French", "FRA"),
                pair("Senegalese", "SEN")
            ]
        );
        let got = codes("She likes Chinese food and Russian music.", "2000-01-01");
        assert!(got.is_empty(), "culture, not the state: {got:?}");
    }

    #[test]
    fn ethnic_and_religious_groups() {
        let got = codes(
            "Iraqi Kurds and Yoruba leaders met ethnic Albanians in Macedonia.",
            "2001-01-01",
        );
        assert_eq!(
            got,
            [
                pair("Iraqi Kurds", "IRQCVLkur"),
                pair("Yoruba leaders", "NGAGOVyor"),
                pair("ethnic Albanians", "MKDCVLalb"),
                pair("Macedonia", "MKD"),
            ]
        );
        // A group's name that is also a people's name is that people without "ethnic".
        let got = codes("Albanians voted and Bosnian Serbs protested.", "2001-01-01");
        assert_eq!(
            got,
            [pair("Albanians", "ALB"), pair("Bosnian Serbs", "BIHCVLsrp")]
        );
        // A region of the country between "in" and its name.
        let got = codes(
            "Ethnic Albanians in southern Serbia held a rally.",
            "2001-01-01",
        );
        assert_eq!(got[0], pair("Ethnic Albanians", "SRBCVLalb"), "{got:?}");
        // A country's people named as living in another are an ethnic group there.
        let got = codes(
            "The Hungarians of southern Slovakia demanded autonomy from Bratislava.",
            "2001-01-01",
        );
        assert_eq!(got[0], pair("Hungarians", "SVKCVLhun"), "{got:?}");
        let got = codes(
            "Hungarians demanded autonomy from Bratislava.",
            "2001-01-01",
        );
        assert_eq!(got[0], pair("Hungarians", "HUN"), "{got:?}");
        // Else the homeland the sentence names: Kurds live in Iraq, Turkey, Syria and
        // Iran, and this sentence is about Syria; with no such clue, the first homeland.
        let got = codes(
            "Kurdish fighters took the town, the Syrian army said.",
            "2015-01-01",
        );
        assert_eq!(got[0], pair("Kurdish fighters", "SYRREBkur"), "{got:?}");
        let got = codes(
            "Kurdish fighters took the town, a Russian envoy said.",
            "2015-01-01",
        );
        assert_eq!(got[0], pair("Kurdish fighters", "IRQREBkur"), "{got:?}");
    }

    #[test]
    fn misspelt_names() {
        let got = codes(
            "Ethopia and Afganistan signed a deal, President Bouteflicka said.",
            "2005-06-01",
        );
        assert_eq!(
            got,
            [
                pair("Ethopia", "ETH"),
                pair("Afganistan", "AFG"),
                pair("President Bouteflicka", "DZAGOV")
            ]
        );
        // Real words and names the lexicon does not know are left alone.
        assert!(codes("Homeland Security officials met Johnston.", "2005-06-01").is_empty());
    }

    #[test]
    fn titles_extend_person_mentions() {
        let got = codes(
            "Russian President Vladimir Putin and Chancellor Olaf Scholz spoke.",
            "2022-03-01",
        );
        assert_eq!(
            got,
            [
                pair("Russian President Vladimir Putin", "RUSGOV"),
                pair("Chancellor Olaf Scholz", "DEUGOV")
            ]
        );
    }

    #[test]
    fn resolving_phrases() {
        let lex = Lexicon::builtin();
        let d = "2021-12-15".parse().ok();
        let r = |p: &str, c: Option<&str>| resolve(&lex, p, c, d).map(|a| (a.code, a.name));
        assert_eq!(
            r("Kremlin adviser Yuri Ushakov", None),
            Some(("RUSGOV".into(), None))
        );
        assert_eq!(
            r("the Chinese president", None),
            Some(("CHNGOV".into(), Some("Xi Jinping".into())))
        );
        assert_eq!(
            r("the president", Some("FRA")),
            Some(("FRAGOV".into(), Some("Emmanuel Macron".into())))
        );
        assert_eq!(
            r("the foreign minister", Some("Russia")).map(|a| a.0),
            Some("RUSGOV".into())
        );
        assert_eq!(r("a man in a hat", None), None);
    }

    #[test]
    fn seats_and_organisations() {
        let got = codes("The White House and NATO responded.", "2021-12-15");
        assert_eq!(got[0], pair("The White House", "USAGOV"));
        assert_eq!(got[1].0, "NATO");
    }
}
