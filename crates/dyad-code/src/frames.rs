//! Events told through a verb of stance and the act it governs.
//!
//! Much of what states do to each other is said rather than done: "Azerbaijan threatened
//! to break relations with Russia" (a threat, CAMEO 13), "China demanded that the US cancel
//! its plans" (a demand, 10), "Syria is willing to withdraw its troops from Lebanon" (an
//! intent to cooperate, 03), "Pakistan refused to deploy peacekeepers in Iraq" (a
//! rejection, 12). The act itself ("break", "deploy") is often no event of its own, so the
//! trigger patterns find nothing; the stance verb ("threatened", "willing", "refused") is
//! the event, its subject the source, and the target is whoever the governed clause acts on.
//!
//! A frame is coded only when the clause it governs holds no event trigger that was coded
//! already: "threatened to impose sanctions on Iran" is the trigger pattern's threat of
//! sanctions (1312), not a second, vaguer threat.

use dyad_nlp::Tree;

use crate::actors::Found;
use crate::syntax::Located;

/// What a stance verb makes of the act it governs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stance {
    /// "threatened to ...": CAMEO 13.
    Threat,
    /// "demanded that ...", "insisted that ...": CAMEO 10.
    Demand,
    /// "agreed to ...", "is willing to ...", "promised to ...": CAMEO 03.
    Intent,
    /// "refused to ...", "declined to ...": CAMEO 12.
    Refusal,
}

/// Stance words by lemma (the tagger's lemma, lowercased).
const STANCES: &[(&str, Stance)] = &[
    ("threaten", Stance::Threat),
    ("demand", Stance::Demand),
    ("insist", Stance::Demand),
    ("agree", Stance::Intent),
    ("promise", Stance::Intent),
    ("pledge", Stance::Intent),
    ("vow", Stance::Intent),
    ("offer", Stance::Intent),
    ("undertake", Stance::Intent),
    ("commit", Stance::Intent),
    ("committed", Stance::Intent),
    ("ready", Stance::Intent),
    ("willing", Stance::Intent),
    ("prepared", Stance::Intent),
    ("refuse", Stance::Refusal),
    ("decline", Stance::Refusal),
];

/// Inflected forms of the stance words (and of the verbs of getting that
/// [`arms_received`] reads), to decide cheaply whether a sentence needs its parse for
/// frames at all.
pub(crate) const STANCE_FORMS: &[&str] = &[
    "threatened",
    "threatens",
    "threaten",
    "threatening",
    "demanded",
    "demands",
    "demand",
    "demanding",
    "insisted",
    "insists",
    "insist",
    "insisting",
    "agreed",
    "agrees",
    "agree",
    "agreeing",
    "promised",
    "promises",
    "promise",
    "promising",
    "pledged",
    "pledges",
    "pledge",
    "pledging",
    "vowed",
    "vows",
    "vow",
    "vowing",
    "offered",
    "offers",
    "offer",
    "offering",
    "undertook",
    "undertakes",
    "undertake",
    "committed",
    "commits",
    "commit",
    "ready",
    "willing",
    "prepared",
    "refused",
    "refuses",
    "refuse",
    "refusing",
    "declined",
    "declines",
    "decline",
    "declining",
    // Verbs of getting, for arms received.
    "received",
    "receives",
    "receive",
    "receiving",
    "got",
    "gets",
    "obtained",
    "obtains",
    "secured",
];

/// One event read from a stance verb: who, to whom, the CAMEO code, and the stance word
/// (a sentence word index).
pub(crate) struct Framed<'f> {
    pub source: &'f Found,
    pub target: Option<&'f Found>,
    pub code: &'static str,
    pub word: usize,
}

/// An event trigger of the sentence as the frames see it.
pub(crate) struct Trigger {
    /// Sentence word index.
    pub word: usize,
    /// An event was coded from it.
    pub coded: bool,
    /// Its pattern is a conflictual act (CAMEO 10-20).
    pub hostile: bool,
    /// Its pattern is a threat, a protest or an act of force (CAMEO 13-20), whose purpose
    /// clause's demand is part of it.
    pub presses: bool,
}

/// The frames of one parsed sentence. A frame whose clause holds a trigger that was coded
/// is left to that event; an intent whose clause holds a hostile trigger ("vowed to crush
/// the rebels") is no promise of cooperation. `fallback` gives the sources by word order
/// for a stance word (a token index) whose subject the parse does not give.
pub(crate) fn find<'f>(
    at: &Located<'_, 'f>,
    triggers: &[Trigger],
    fallback: impl Fn(usize) -> Vec<&'f Found>,
) -> Vec<Framed<'f>> {
    let tree = at.tree;
    let mut out = Vec::new();
    for w in 0..tree.len() {
        let lemma = tree.lemma(w).to_lowercase();
        if let Some(f) = arms_received(at, w, &lemma, triggers) {
            out.push(f);
            continue;
        }
        let Some(&(_, mut stance)) = STANCES.iter().find(|(l, _)| *l == lemma) else {
            continue;
        };
        // A stance is a verb or an adjective ("a US offer" is the thing offered), said
        // as a fact: "must be ready to mediate" is part of someone else's demand.
        if !matches!(tree.upos(w), "VERB" | "ADJ")
            || after_determiner(tree, w)
            || tree
                .auxiliaries(w)
                .iter()
                .any(|a| matches!(a.to_lowercase().as_str(), "must" | "should" | "ought"))
            || triggers.iter().any(|t| t.word == w && t.coded)
        {
            continue;
        }
        // An adjective of stance is one only with a clause after it: "ready to help", not
        // "the ready reserve"; a verb of stance needs the clause too ("agreed on a date" is
        // no frame).
        let Some(clause) = clause_of(tree, w, stance) else {
            continue;
        };
        // A demand says what is to be done ("that Israel ease", "that it should leave");
        // "insisted that Taiwan is part of China" asserts.
        if stance == Stance::Demand && !crate::syntax::mandative(tree, clause) {
            continue;
        }
        // "vowed not to return the Golan Heights": a refusal.
        if tree.is_negated(clause) {
            match stance {
                Stance::Intent => stance = Stance::Refusal,
                Stance::Refusal => continue,
                _ => {}
            }
        }
        let span = tree.subtree(clause);
        // The act promised is the clause's head and its objects; a hostile word deeper
        // down ("to help defend Saudi Arabia if it is attacked") is not what is promised.
        let act: Vec<usize> = std::iter::once(clause)
            .chain(tree.objects(clause))
            .collect();
        let inside = |t: &&Trigger| span.contains(&t.word);
        if triggers.iter().filter(inside).any(|t| t.coded)
            || (stance == Stance::Intent
                && triggers.iter().any(|t| t.hostile && act.contains(&t.word)))
        {
            continue;
        }
        // By word order only when the parse gives no subject, or a pronoun: "Syria says it
        // is willing to ...", not "Syria said the attack threatened to ...".
        let sources = sources_of(at, w).unwrap_or_else(|| fallback(at.offset + w));
        if sources.is_empty() {
            continue;
        }
        let mut targets: Vec<&'f Found> = at
            .actors
            .iter()
            .filter(|f| {
                at.words_of(f)
                    .is_some_and(|words| span.contains(&words.start))
                    && !f.in_compound
                    && !sources
                        .iter()
                        .any(|s| s.mention.actor.country == f.mention.actor.country)
            })
            .copied()
            .collect();
        // Where the act is done is its target only when nobody else is named ("set up a
        // research centre in Tokyo"), and never for a meeting: "ready to resume
        // negotiations in Vienna" is no act towards Austria.
        let meeting = matches!(
            tree.lemma(clause).to_lowercase().as_str(),
            "meet" | "negotiate" | "talk" | "discuss" | "resume" | "hold" | "attend" | "host"
        );
        if meeting || targets.iter().any(|f| !crate::events::is_place(f)) {
            targets.retain(|f| !crate::events::is_place(f));
        }
        let code = code_for(tree, stance, clause);
        match targets.first() {
            Some(&target) => {
                // The first actor the clause names, and those coordinated with it.
                let group: Vec<&'f Found> = targets
                    .iter()
                    .filter(|t| t.first == target.first || coordinated(at, target, t))
                    .copied()
                    .collect();
                for s in &sources {
                    for t in &group {
                        out.push(Framed {
                            source: s,
                            target: Some(t),
                            code,
                            word: w,
                        });
                    }
                }
            }
            // "Bosnia and Slovenia agreed to a ceasefire": each party to the other. Only an
            // agreement is mutual: "Britain and France pledged to cut emissions" is two
            // pledges, to nobody.
            None if lemma == "agree" && sources.len() >= 2 => {
                for s in &sources {
                    for t in &sources {
                        if s.mention.actor.country != t.mention.actor.country {
                            out.push(Framed {
                                source: s,
                                target: Some(t),
                                code,
                                word: w,
                            });
                        }
                    }
                }
            }
            None => {}
        }
    }
    out
}

/// The stance that governs sentence word `w`, if one does within a few clauses: "agreed
/// in principle to provide aid" (intent), "threatened on Monday to impose sanctions"
/// (threat), "refused to hand over the suspects" (refusal). Demands are left out: what is
/// demanded is another actor's act.
pub(crate) fn stance_over(tree: &Tree, w: usize) -> Option<Stance> {
    let mut at = w;
    for _ in 0..4 {
        let h = tree.head(at)?;
        let rel = tree.relation(at);
        let clausal =
            matches!(rel, "xcomp" | "ccomp") || (rel == "advcl" && tree.has_mark(at, "to"));
        if !clausal {
            // "agreed to a ceasefire", "agreed upon a free-trade pact": what is agreed to.
            let agreed_to = rel == "obl"
                && matches!(tree.lemma(h).to_lowercase().as_str(), "agree" | "commit")
                && tree.children(at).any(|c| {
                    tree.relation(c) == "case" && matches!(tree.lemma(c), "to" | "upon" | "on")
                });
            if agreed_to {
                return Some(refused_or(tree, h, Stance::Intent));
            }
            // A noun inside the clause ("to impose sanctions") climbs to its verb.
            if matches!(rel, "obj" | "obl" | "nmod" | "compound" | "amod" | "conj") {
                at = h;
                continue;
            }
            return None;
        }
        let lemma = tree.lemma(h).to_lowercase();
        // "declined to say whether Russia sent troops": a stance over saying is not over
        // what is said.
        if rel == "ccomp" && REPORTING.contains(&lemma.as_str()) {
            return None;
        }
        if let Some(&(_, stance)) = STANCES.iter().find(|(l, _)| *l == lemma)
            && matches!(tree.upos(h), "VERB" | "ADJ")
            && stance != Stance::Demand
        {
            return Some(refused_or(tree, h, stance));
        }
        at = h;
    }
    None
}

/// Weapons are no event word of their own ("weapons" names far more than a transfer), but
/// "the rebels received weapons from Russia" is Russia arming the rebels (072).
const ARMS: &[&str] = &[
    "weapon",
    "weapons",
    "arm",
    "arms",
    "ammunition",
    "munition",
    "munitions",
];

/// "X received / got / obtained weapons from Y": Y gives X military aid.
fn arms_received<'f>(
    at: &Located<'_, 'f>,
    w: usize,
    lemma: &str,
    triggers: &[Trigger],
) -> Option<Framed<'f>> {
    let tree = at.tree;
    if !crate::syntax::GETTING_VERBS.contains(&lemma) || tree.upos(w) != "VERB" {
        return None;
    }
    let object = tree
        .objects(w)
        .into_iter()
        .find(|&o| ARMS.contains(&tree.lemma(o).to_lowercase().as_str()))?;
    if triggers.iter().any(|t| t.word == object && t.coded) {
        return None;
    }
    let giver = tree
        .obliques(w)
        .into_iter()
        .chain(tree.obliques(object))
        .find(|(_, case)| *case == Some("from"))
        .map(|(g, _)| g)?;
    let source = *at.with_conjuncts(giver).first()?;
    let target = *at.with_conjuncts(tree.subject(w)?).first()?;
    (!std::ptr::eq(source, target)).then_some(Framed {
        source,
        target: Some(target),
        code: "072",
        word: w,
    })
}

/// `stance`, unless the stance word `h` is itself refused: "refused to commit to any
/// assistance" is a refusal, not a promise.
fn refused_or(tree: &Tree, h: usize, stance: Stance) -> Stance {
    if stance == Stance::Intent && stance_over(tree, h) == Some(Stance::Refusal) {
        Stance::Refusal
    } else {
        stance
    }
}

/// The clause or phrase a stance word governs: its open or closed clausal complement, an
/// adverbial "to" clause the parser may have attached instead, or for "agreed to a
/// ceasefire" the noun after "to".
fn clause_of(tree: &Tree, w: usize, stance: Stance) -> Option<usize> {
    tree.children(w).find(|&d| match tree.relation(d) {
        // "..., the White House announced" is the report, not the act.
        "xcomp" | "ccomp" => !REPORTING.contains(&tree.lemma(d).to_lowercase().as_str()),
        "advcl" => tree.has_mark(d, "to"),
        "obl" => {
            matches!(stance, Stance::Intent | Stance::Refusal)
                && tree
                    .children(d)
                    .any(|m| tree.relation(m) == "case" && tree.lemma(m) == "to")
        }
        _ => false,
    })
}

/// Whether word `w` has a determiner before it ("a US offer"): a noun the tagger took for
/// a verb.
fn after_determiner(tree: &Tree, w: usize) -> bool {
    tree.children(w).any(|d| d < w && tree.upos(d) == "DET")
}

/// Verbs of reporting, which the parser may hang under the verb they report.
const REPORTING: &[&str] = &[
    "say", "announce", "report", "tell", "add", "state", "confirm", "claim", "quote",
];

/// The actors who take the stance: the subject (through control and coordination), with
/// its conjuncts. `None` when the parse gives no subject, or a pronoun that names no actor
/// ("it is willing to"); an empty list when the subject is something else ("the deal").
fn sources_of<'f>(at: &Located<'_, 'f>, w: usize) -> Option<Vec<&'f Found>> {
    let tree = at.tree;
    let mut at_word = w;
    // "it is willing to": the adjective's subject; "agreed and promised": the first verb's.
    for _ in 0..4 {
        if let Some(s) = tree.subject(at_word) {
            let mut found = at.with_conjuncts(s);
            found.retain(|f| !crate::events::is_place(f));
            if found.is_empty() && tree.upos(s) == "PRON" {
                return None;
            }
            return Some(found);
        }
        match (tree.head(at_word), tree.relation(at_word)) {
            (Some(h), "xcomp" | "conj") => at_word = h,
            _ => break,
        }
    }
    None
}

/// Whether mention `b` is coordinated with `a` in the text ("Congo and Costa Rica").
fn coordinated(at: &Located<'_, '_>, a: &Found, b: &Found) -> bool {
    let tree = at.tree;
    let (Some(wa), Some(wb)) = (at.words_of(a), at.words_of(b)) else {
        return false;
    };
    let head_a = wa
        .clone()
        .find(|&x| tree.head(x).is_none_or(|h| !wa.contains(&h)))
        .unwrap_or(wa.start);
    tree.conjuncts(head_a).iter().any(|c| wb.contains(c))
}

/// The CAMEO code of a stance, refined by the act it governs where the codebook names one.
fn code_for(tree: &Tree, stance: Stance, clause: usize) -> &'static str {
    let act = tree.lemma(clause).to_lowercase();
    let object = tree
        .objects(clause)
        .first()
        .map(|&o| tree.lemma(o).to_lowercase())
        .unwrap_or_default();
    match stance {
        Stance::Threat => match (act.as_str(), object.as_str()) {
            (_, "relation" | "relations" | "tie" | "ties") => "1313",
            (_, "talk" | "talks" | "negotiation" | "negotiations") => "134",
            (_, "mediation") => "135",
            ("boycott", _) => "1312",
            _ => "130",
        },
        Stance::Demand => "100",
        Stance::Intent => match act.as_str() {
            "withdraw" | "evacuate" | "pull" | "demobilize" | "demobilise" => "0356",
            "release" | "free" => "0353",
            "give" | "send" | "provide" | "contribute" | "donate" | "supply" => "033",
            "meet" | "negotiate" | "talk" | "discuss" => "036",
            "mediate" => "039",
            _ => "030",
        },
        Stance::Refusal => match act.as_str() {
            "meet" | "negotiate" | "talk" | "discuss" => "125",
            _ => "120",
        },
    }
}

#[cfg(test)]
mod tests {
    /// (source country, target country, CAMEO, mode) of every event coded from `text`.
    fn events(text: &str) -> Vec<(String, String, String, Option<String>)> {
        crate::test_events(text, |a| a.country.clone().unwrap_or_default())
    }

    use crate::test_has as has;

    #[test]
    fn a_threat_of_an_act_that_is_no_event_of_its_own() {
        assert!(has(
            "Turkey threatened on Friday to cut off relations with Austria unless Vienna withdrew the ambassador.",
            "TUR",
            "AUT",
            "1313"
        ));
        assert!(has(
            "Moscow has threatened to walk out of the negotiations with Ukraine.",
            "RUS",
            "UKR",
            "13"
        ));
    }

    #[test]
    fn an_intent_to_cooperate_is_coded_03_with_the_target_of_the_act() {
        assert!(has(
            "Poland is ready to send engineers to rebuild bridges in Ukraine, the minister said.",
            "POL",
            "UKR",
            "033"
        ));
        assert!(has(
            "Vietnam has agreed to withdraw its troops from Cambodia by next year.",
            "VNM",
            "KHM",
            "0356"
        ));
    }

    #[test]
    fn an_act_under_a_stance_takes_its_code_from_the_stance() {
        // Intent read from the parse, with words between "agreed" and "to".
        assert!(has(
            "Sweden agreed in principle on Monday to provide 50 million euros of aid to Moldova.",
            "SWE",
            "MDA",
            "03"
        ));
        // What is agreed, whatever modal it carries: "agreed that they should cooperate".
        let found = events(
            "Chilean and Peruvian officials agreed on Monday that their countries should cooperate on border security.",
        );
        assert!(
            found.iter().any(|e| e.2.starts_with("03"))
                && !found.iter().any(|e| e.2.starts_with("06")),
            "{found:?}"
        );
        // A promise refused is a refusal.
        assert!(has(
            "Hungary has refused to commit to any direct assistance to Ukraine, officials said.",
            "HUN",
            "UKR",
            "12"
        ));
        // A refusal two clauses up.
        assert!(has(
            "Serbia has refused for more than two years now to hand over the suspects to Croatia.",
            "SRB",
            "HRV",
            "12"
        ));
    }

    #[test]
    fn every_stance_word_is_among_the_forms_that_ask_for_a_parse() {
        // A sentence is parsed for frames only when one of STANCE_FORMS is in it.
        for (lemma, _) in super::STANCES {
            assert!(super::STANCE_FORMS.contains(lemma), "{lemma}");
        }
    }

    #[test]
    fn joint_agreement_gives_each_party_to_the_other() {
        let found = events("Chile and Peru agreed on Monday to reopen the border crossing.");
        assert!(
            found
                .iter()
                .any(|e| e.0 == "CHL" && e.1 == "PER" && e.2.starts_with("03")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|e| e.0 == "PER" && e.1 == "CHL" && e.2.starts_with("03")),
            "{found:?}"
        );
    }

    #[test]
    fn refusals_and_negated_promises_are_rejections() {
        assert!(has(
            "Hungary refused to deploy soldiers to Mali despite pressure from its allies.",
            "HUN",
            "MLI",
            "12"
        ));
        assert!(has(
            "The Israeli prime minister has vowed not to return the Golan Heights to Syria.",
            "ISR",
            "SYR",
            "12"
        ));
    }

    #[test]
    fn nouns_and_obligations_are_no_stance() {
        // "a US offer" is the thing rejected; the US offers nothing to the parties here.
        let found =
            events("Iran rejected a US offer to mediate between Armenia and Azerbaijan on Monday.");
        assert!(
            !found.iter().any(|e| e.0 == "USA" && e.2.starts_with("03")),
            "{found:?}"
        );
        // The US being ready to mediate is what Egypt demands, not what the US did.
        let found = events(
            "Egypt said the United States must be ready to mediate between Israel and Lebanon.",
        );
        assert!(
            !found.iter().any(|e| e.0 == "USA" && e.2.starts_with("03")),
            "{found:?}"
        );
    }

    #[test]
    fn an_act_coded_by_its_own_pattern_is_not_coded_twice() {
        let found = events("France threatened to impose sanctions on Iran over the launches.");
        let threats: Vec<_> = found.iter().filter(|e| e.2.starts_with("13")).collect();
        assert_eq!(threats.len(), 1, "{found:?}");
        assert_eq!(threats[0].2, "1312", "{found:?}");
    }
}
