//! Event arguments from the dependency parse: who did it and to whom, read off the tree
//! rather than word order.
//!
//! For a verbal trigger the source is its subject (the agent of a passive, which makes
//! the passive subject the target), inherited from the governing verb through `xcomp`
//! ("hopes to meet"), from the first conjunct ("condemned and sanctioned"), or from the noun
//! a relative clause hangs on. For a nominal trigger ("summit", "boycott", "sanctions") the
//! source is a possessor or compound modifier that names an actor ("the US boycott"), else
//! the subject of the verb it is the object of ("announced a boycott"). Targets follow the
//! pattern's rules: the direct object, or an oblique with the pattern's preposition on the
//! trigger, on its object, or on the light verb ("imposed sanctions on Russia").
//! Coordinated arguments give one actor each.

use dyad_lexicon::{EventPattern, Target};
use dyad_nlp::Tree;

use crate::actors::Found;
use crate::events::{LOCATIVE_RULES, is_place, root_of};

/// Nouns for someone who belongs to or speaks for a body ("a member of the parliament").
const MEMBER_NOUNS: &[&str] = &[
    "member",
    "leader",
    "head",
    "chief",
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "representative",
    "delegation",
    "delegate",
    "envoy",
    "commander",
    // "the military government of President Prosper Avril", "supporters of former
    // President Ben Bella", "forces of General Haftar": a body or following acts for its
    // leader's side.
    "government",
    "regime",
    "administration",
    "cabinet",
    "force",
    "forces",
    "troop",
    "troops",
    "army",
    "supporter",
    "follower",
    "loyalist",
    // "the first deployment of NATO peacekeeping troops", "a contingent of Bangladeshi
    // troops", "one third of the guerrillas": a part acts for the whole.
    "deployment",
    "contingent",
    "detachment",
    "unit",
    "batch",
    "group",
    "team",
    "half",
    "third",
    "majority",
];

/// The actors of a sentence, located by its word indices.
pub(crate) struct Located<'a, 'f> {
    pub tree: &'a Tree<'a>,
    /// Token index of the sentence's first word.
    pub offset: usize,
    pub actors: &'a [&'f Found],
}

impl<'a, 'f> Located<'a, 'f> {
    /// Actors covering word `w`; else those inside `w`'s subtree, outside its
    /// prepositional or clausal dependents; else, for a member, leader or official, the
    /// body its "of" phrase names.
    fn at(&self, w: usize) -> Vec<&'f Found> {
        let tok = self.offset + w;
        let covering: Vec<&'f Found> = self
            .actors
            .iter()
            .filter(|f| f.first <= tok && tok < f.end && !f.in_compound)
            .copied()
            .collect();
        if !covering.is_empty() {
            return covering;
        }
        // A modifier that names an actor inside the phrase: "Chinese" in "Chinese troops"
        // is already covered; here "Russian forces of the army" style phrases whose head
        // word is not part of the mention.
        let mut inside = Vec::new();
        for d in self.tree.children(w) {
            if matches!(
                self.tree.relation(d),
                "amod" | "compound" | "nmod" | "flat" | "appos"
            ) && (self.tree.relation(d) != "nmod"
                || matches!(self.tree.deprel(d), "nmod:poss" | "nmod:desc"))
            {
                let mut named = self.at_word_only(d);
                // "US Predator attacks": a chain of compounds names its actor further in.
                if named.is_empty() && self.tree.relation(d) == "compound" {
                    for e in self.tree.children_by(d, "compound") {
                        named.extend(self.at_word_only(e));
                    }
                }
                // "Kenzo Oshima, the United Nations relief coordinator": a title in
                // apposition says whom the person acts for (not "a key U.S. ally").
                if named.is_empty()
                    && self.tree.relation(d) == "appos"
                    && TITLES.contains(&self.tree.lemma(d).to_lowercase().as_str())
                {
                    named.extend(self.at(d));
                }
                inside.extend(named);
            }
        }
        // "a member of the Syrian parliament", "officials of the Red Cross": one who
        // belongs to or speaks for a body acts for it.
        if inside.is_empty() && MEMBER_NOUNS.contains(&self.tree.lemma(w).to_lowercase().as_str()) {
            for (d, case) in self.tree.obliques(w) {
                if case == Some("of") {
                    inside.extend(self.at(d));
                }
            }
        }
        // "doctors from two American aid groups", "a delegation from Beijing": people
        // from a body or a country, as the subject, act for it (not "received aid from
        // Germany": that is where the aid came from).
        if inside.is_empty() && self.tree.upos(w) == "NOUN" && self.tree.relation(w) == "nsubj" {
            for (d, case) in self.tree.obliques(w) {
                if case == Some("from") {
                    inside.extend(self.at_word_only(d));
                }
            }
        }
        inside
    }

    fn at_word_only(&self, w: usize) -> Vec<&'f Found> {
        let tok = self.offset + w;
        self.actors
            .iter()
            .filter(|f| f.first <= tok && tok < f.end && !f.in_compound)
            .copied()
            .collect()
    }

    /// The actor listed right before mention `f`, joined to it by "and", "or" or a comma
    /// ("US and British activists").
    pub(crate) fn listed_before(&self, f: &Found) -> Option<&'f Found> {
        self.actors.iter().copied().find(|g| {
            g.end < f.first
                && f.first - g.end <= 2
                && !g.in_compound
                && (g.end..f.first).all(|t| {
                    t >= self.offset
                        && matches!(self.tree.lemma(t - self.offset), "and" | "or" | ",")
                })
        })
    }

    /// The sentence words of mention `f`, or `None` when it is not in this sentence.
    pub(crate) fn words_of(&self, f: &Found) -> Option<std::ops::Range<usize>> {
        let first = f.first.checked_sub(self.offset)?;
        let end = f.end.checked_sub(self.offset)?;
        (end <= self.tree.len() && first < end).then_some(first..end)
    }

    /// Whether word `a` is `w`'s head or an ancestor of it.
    fn governs(&self, a: usize, w: usize) -> bool {
        let mut at = w;
        for _ in 0..self.tree.len() {
            match self.tree.head(at) {
                Some(h) if h == a => return true,
                Some(h) => at = h,
                None => return false,
            }
        }
        false
    }

    /// The first actor named inside the phrase headed by word `w` (not at `w` itself),
    /// leaving out the clauses inside it ("the group that attacked Israel" names no Israel).
    pub(crate) fn first_in_phrase(&self, w: usize) -> Option<&'f Found> {
        let tree = self.tree;
        let mut words = Vec::new();
        let mut todo = vec![w];
        while let Some(x) = todo.pop() {
            for d in tree.children(x) {
                if !matches!(
                    tree.relation(d),
                    "acl" | "advcl" | "ccomp" | "parataxis" | "xcomp"
                ) {
                    words.push(d);
                    todo.push(d);
                }
            }
        }
        self.actors
            .iter()
            .copied()
            .filter(|f| {
                !f.in_compound
                    && self
                        .words_of(f)
                        .is_some_and(|r| !r.contains(&w) && r.clone().any(|x| words.contains(&x)))
            })
            .min_by_key(|f| f.first)
    }

    /// Actors of `w` and of the words coordinated with it.
    pub(crate) fn with_conjuncts(&self, w: usize) -> Vec<&'f Found> {
        let mut out = self.at(w);
        for c in self.tree.conjuncts(w) {
            // "aid to Nepal and India sent troops": a conjunct the parse took in that is
            // the next clause's subject.
            // ("France and Germany held talks": "held" governs them both, so it stays.)
            let after = self.tree.subtree(c).end;
            if after < self.tree.len()
                && matches!(self.tree.upos(after), "VERB" | "AUX")
                && !self.governs(after, w)
            {
                continue;
            }
            for f in self.at(c) {
                if !out.iter().any(|g| std::ptr::eq(*g, f)) {
                    out.push(f);
                }
            }
        }
        out
    }
}

/// The word of `first..end` (sentence word indices) that heads the others.
pub(crate) fn head_of(tree: &Tree, first: usize, end: usize) -> usize {
    (first..end)
        .find(|&w| tree.head(w).is_none_or(|h| h < first || h >= end))
        .unwrap_or(first)
}

/// The subject of verb `v`, looking up through control, coordination and relative clauses.
fn subject_of(tree: &Tree, v: usize) -> Option<(usize, bool)> {
    // A verb coordinated with a passive one shares its subject, not its agent ("was
    // indicted by the court and will resign"), unless it is a bare participle that shares
    // the passive too ("was attacked by rebels and shelled").
    let bare_participle = tree.xpos(v) == "VBN"
        && !tree
            .children(v)
            .any(|d| matches!(tree.relation(d), "aux" | "nsubj"));
    let mut at = v;
    for _ in 0..4 {
        if tree.is_passive(at) && (at == v || bare_participle) {
            if let Some(agent) = tree.passive_agent(at) {
                return Some((agent, false));
            }
        } else if let Some(s) = tree.subject(at).or_else(|| unlabelled_subject(tree, at)) {
            // "the group that has seized parts of Iraq": a relative pronoun stands for the
            // noun its clause describes.
            if tree.deprel(at) == "acl:relcl" && is_relative_pronoun(tree, s) {
                return tree.head(at).map(|h| (h, false));
            }
            return Some((s, false));
        }
        let h = tree.head(at)?;
        // "will visit Togo and Benin to mediate": a purpose clause's subject is the
        // subject of the verb it is the purpose of.
        // So is a gerund's with none of its own ("shelled the town before allowing
        // convoys in", "opened fire, killing one person").
        let purpose = tree.relation(at) == "advcl"
            && is_verbal(tree, h)
            && (tree.has_mark(at, "to") || (tree.xpos(at) == "VBG" && !tree.has_mark(at, "of")));
        match tree.relation(at) {
            "xcomp" | "conj" => at = h,
            "advcl" if purpose => at = h,
            // "soldiers who were killed in Kashmir" (its agent, if named, was taken above).
            "acl" if tree.is_passive(at) => return None,
            // "soldiers killed in Ukraine": the noun a participle with no object describes
            // is what was done to, not who did it; only "by" names who did ("tanks fired
            // shells at ..." is a main verb the parse took for a participle).
            "acl" if tree.deprel(at) != "acl:relcl" && passive_participle(tree, at) => {
                return tree
                    .obliques(at)
                    .into_iter()
                    .find(|&(_, case)| case == Some("by"))
                    .map(|(w, _)| (w, false));
            }
            // "an attempt *by Chechen rebels* to assassinate", "a move by Moscow to cut
            // gas supplies": the one "by" names does what the noun's clause says.
            "acl" => {
                let by = tree
                    .obliques(h)
                    .into_iter()
                    .find(|&(w, case)| case == Some("by") && w < at)
                    .map(|(w, _)| w);
                return Some((by.unwrap_or(h), false));
            }
            _ => return None,
        }
    }
    None
}

/// A noun before verb `v` that the parse attached to it with no relation it knows
/// ("The United Nations on Tuesday reduced ...": `dep`), when the verb has no subject: the
/// subject it missed.
fn unlabelled_subject(tree: &Tree, v: usize) -> Option<usize> {
    tree.children_by(v, "dep")
        .find(|&d| d < v && matches!(tree.upos(d), "NOUN" | "PROPN" | "PRON"))
        // "Recent US Predator attacks, occurring ..., have killed": a bare oblique before
        // a finite verb with no subject (not one of time, "obl:unmarked").
        .or_else(|| {
            let finite = tree.xpos(v) != "VBG"
                && tree.children(v).any(|a| tree.relation(a) == "aux")
                || matches!(tree.xpos(v), "VBD" | "VBZ" | "VBP");
            tree.children(v)
                .find(|&d| {
                    d < v
                        && tree.deprel(d) == "obl"
                        && matches!(tree.upos(d), "NOUN" | "PROPN")
                        && !tree.children(d).any(|c| tree.relation(c) == "case")
                })
                .filter(|_| finite)
        })
}

/// Verbs that speak of an act done by others, judging or describing it.
const SPEAKING_OF: &[&str] = &[
    "call",
    "describe",
    "condemn",
    "denounce",
    "blame",
    "criticize",
    "criticise",
    "deplore",
    "regret",
    "discuss",
    "deny",
    "investigate",
    "term",
    "label",
    "brand",
    "dub",
    "mourn",
    "protest",
    "decry",
    "witness",
    "recall",
    "remember",
    "fear",
    // Those who watch over an act do not do it ("peacekeepers deployed to oversee a
    // ceasefire between Ethiopia and Eritrea").
    "oversee",
    "monitor",
    "supervise",
    "observe",
    "verify",
];

/// Verbs by which a speaker reports its own intentions or acts: their clause's "it" is the
/// speaker ("Egypt *feared* they would attack" is not).
const REPORTING_LEMMAS: &[&str] = &[
    "say",
    "announce",
    "tell",
    "state",
    "declare",
    "confirm",
    "report",
    "warn",
    "insist",
    "add",
    "claim",
    "promise",
    "pledge",
    "vow",
    "decide",
    "indicate",
    "signal",
    "reveal",
    "reiterate",
    "stress",
    "affirm",
    "assert",
];

/// "Israel announced *it* would free 150 prisoners": a pronoun that names no actor, subject
/// of a clause a saying verb reports, is that verb's subject. Returns the word it stands
/// for, or `None`.
fn reported_pronoun(at: &Located<'_, '_>, verb: usize, s: usize) -> Option<usize> {
    let tree = at.tree;
    if !matches!(tree.lemma(s).to_lowercase().as_str(), "it" | "they" | "we")
        || !at.with_conjuncts(s).is_empty()
    {
        return None;
    }
    let mut c = verb;
    for _ in 0..4 {
        let h = tree.head(c)?;
        // "issued a reminder to Iraq that it must cooperate", "told Kyiv it should
        // withdraw": what one must do is asked of the one spoken to.
        if matches!(tree.relation(c), "ccomp" | "acl")
            && tree
                .auxiliaries(c)
                .iter()
                .any(|a| matches!(a.to_lowercase().as_str(), "must" | "should"))
            && let Some(addressee) = std::iter::once(h)
                .chain(tree.objects(h))
                .chain(tree.head(h).filter(|_| tree.relation(h) == "obj"))
                .flat_map(|x| tree.obliques(x))
                .filter(|&(_, case)| case == Some("to"))
                .map(|(w, _)| w)
                .chain(tree.objects(h))
                .find(|&w| !at.with_conjuncts(w).is_empty())
        {
            return Some(addressee);
        }
        match tree.relation(c) {
            "ccomp" if REPORTING_LEMMAS.contains(&tree.lemma(h).to_lowercase().as_str()) => {
                let (said_by, _) = subject_of(tree, h)?;
                return (said_by != s).then_some(said_by);
            }
            "xcomp" | "conj" => c = h,
            _ => return None,
        }
    }
    None
}

/// Whether two mentions are one actor: the same mention, or the same code and name.
fn same_actor(a: &Found, b: &Found) -> bool {
    std::ptr::eq(a, b)
        || (a.mention.actor.code == b.mention.actor.code
            && a.mention.actor.name == b.mention.actor.name)
}

/// Whether `v`, a participle modifying a noun, reads as passive: past form, and no object
/// (direct, indirect, or one the parse left as a bare oblique).
fn passive_participle(tree: &Tree, v: usize) -> bool {
    matches!(tree.xpos(v), "VBN" | "VBD")
        && tree.objects(v).is_empty()
        && tree
            .obliques(v)
            .iter()
            .all(|&(d, case)| case.is_some() || tree.deprel(d) != "obl")
}

fn is_relative_pronoun(tree: &Tree, w: usize) -> bool {
    matches!(
        tree.lemma(w).to_lowercase().as_str(),
        "that" | "which" | "who" | "whom"
    )
}

/// Whether the trigger at `first..end` is the verb of a relative clause whose subject is
/// its relative pronoun, standing for a noun that names no actor ("expanding its campaign
/// against the militant group that has seized parts of Iraq"): the parse says who acted,
/// and word order must not put the nearest name before it in its place.
pub(crate) fn acted_by_unnamed_antecedent(at: &Located<'_, '_>, first: usize, end: usize) -> bool {
    let tree = at.tree;
    let h = head_of(tree, first, end);
    is_verbal(tree, h)
        && tree.deprel(h) == "acl:relcl"
        && tree
            .subject(h)
            .is_some_and(|s| is_relative_pronoun(tree, s))
        && tree
            .head(h)
            .is_some_and(|antecedent| at.with_conjuncts(antecedent).is_empty())
}

/// Whether the verbal trigger at `first..end` is the purpose of a protest that the parse
/// hung on the verb that stopped it ("police prevented the demonstration staged by
/// students ... *to protest* the decision"): the protesters protest, not the police, and
/// word order must not make the police the doer.
pub(crate) fn purpose_of_stopped_protest(at: &Located<'_, '_>, first: usize, end: usize) -> bool {
    let tree = at.tree;
    let h = head_of(tree, first, end);
    tree.relation(h) == "advcl"
        && tree.has_mark(h, "to")
        && tree.head(h).is_some_and(|g| {
            STOPPING.contains(&tree.lemma(g).to_lowercase().as_str())
                && tree
                    .objects(g)
                    .into_iter()
                    .any(|o| PROTEST_NOUNS.contains(&tree.lemma(o).to_lowercase().as_str()))
        })
}

/// Whether the verbal trigger at `first..end` is what a decision or plan that names no
/// one's is of ("to protest the decision *of sending* troops to Iraq"): someone decided
/// it, and word order must not make the nearest known name the decider. "Turkey's
/// decision to send troops" names its owner and is left to the other rules.
pub(crate) fn unowned_plan(at: &Located<'_, '_>, first: usize, end: usize) -> bool {
    let tree = at.tree;
    let h = head_of(tree, first, end);
    // (The parse may hang "of sending" on the verb whose object the plan is.)
    let plan = match tree.deprel(h) {
        "acl" if tree.has_mark(h, "of") || tree.has_mark(h, "to") => tree.head(h),
        "advcl" if tree.has_mark(h, "of") => tree
            .head(h)
            .and_then(|g| tree.objects(g).into_iter().filter(|&o| o < h).max()),
        _ => None,
    };
    plan.is_some_and(|n| {
        PLAN_NOUNS.contains(&tree.lemma(n).to_lowercase().as_str())
            && at.with_conjuncts(n).is_empty()
            && tree
                .children(n)
                .filter(|&c| c != h)
                .all(|c| at.with_conjuncts(c).is_empty())
    })
}

/// Nouns of deciding or planning to do something.
const PLAN_NOUNS: &[&str] = &["decision", "plan", "proposal", "move", "idea", "order"];

/// Verbs of stopping or breaking up a gathering.
const STOPPING: &[&str] = &[
    "prevent", "ban", "block", "stop", "prohibit", "forbid", "disperse", "break", "crush",
    "suppress", "quell", "halt",
];

/// Nouns of a gathering in protest.
const PROTEST_NOUNS: &[&str] = &[
    "demonstration",
    "protest",
    "rally",
    "march",
    "gathering",
    "sit-in",
    "strike",
    "riot",
];

/// Whether the verbal trigger at `first..end` has for subject a name that is no actor dyad
/// knows ("Abdul Rahman, a key U.S. ally, attacked Iran"): someone did it, and word order
/// must not make the nearest known name the doer.
pub(crate) fn unknown_named_subject(at: &Located<'_, '_>, first: usize, end: usize) -> bool {
    let tree = at.tree;
    let h = head_of(tree, first, end);
    // Not a dateline the parse took for the subject ("ANKARA, Aug. 2 (Wire) — Turkish
    // President Erdogan held ..."): a name in capitals, or one cut off by a dash, colon or
    // bracket.
    let dateline = |s: usize| {
        tree.lemma(s).chars().all(|c| !c.is_lowercase())
            || (s..h).any(|i| matches!(tree.lemma(i), "-" | "—" | "--" | ":" | "("))
    };
    is_verbal(tree, h)
        && tree.subject(h).is_some_and(|s| {
            tree.upos(s) == "PROPN" && at.with_conjuncts(s).is_empty() && !dateline(s)
        })
}

/// Whether the trigger at `first..end` is a past participle describing a noun with no
/// agent named ("the ceasefire agreement *signed* in March 2001"): the parse says no one
/// here did it, and word order must not find someone.
pub(crate) fn agentless_participle(at: &Located<'_, '_>, first: usize, end: usize) -> bool {
    let tree = at.tree;
    let h = head_of(tree, first, end);
    // In a sentence with no finite verb, the participle is more likely its main verb
    // misread ("Hundreds of workers *demonstrated* outside the embassy").
    let finite_elsewhere =
        (0..tree.len()).any(|w| w != h && matches!(tree.xpos(w), "VBD" | "VBZ" | "VBP" | "MD"));
    is_verbal(tree, h)
        && finite_elsewhere
        && tree.relation(h) == "acl"
        && tree.deprel(h) != "acl:relcl"
        && passive_participle(tree, h)
        && tree.obliques(h).iter().all(|&(_, case)| case != Some("by"))
}

/// Titles of office, whose holder acts for the body the title names ("the United Nations
/// Emergency Relief *Coordinator*").
const TITLES: &[&str] = &[
    "coordinator",
    "secretary",
    "secretary-general",
    "minister",
    "director",
    "director-general",
    "ambassador",
    "envoy",
    "adviser",
    "advisor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "chair",
    "commissioner",
    "representative",
    "president",
    "chief",
    "head",
    "commander",
    "official",
];

/// Nouns of a thing that kills or destroys by itself, which stand as the subject of an act
/// of force whose doer is not named ("a roadside *bombing* killed one U.S. soldier").
const BLASTS: &[&str] = &[
    "bomb",
    "bombing",
    "blast",
    "explosion",
    "explosive",
    "device",
    "mine",
    "minefield",
    "attack",
    "shell",
    "shelling",
    "rocket",
    "mortar",
    "missile",
    "grenade",
    "ambush",
];

/// An act of force done to a named actor by no one named, in a named place: "a roadside
/// bombing near Samarra killed one U.S. soldier", "three US servicemen were killed by an
/// improvised explosive device outside Basra", "10 Russian soldiers killed in Ukraine".
/// Its doer is unidentified people of the country where it happened, as ICEWS codes
/// "Unidentified Gunmen (Iraq)"; the place is the evidence. Gives the place and the
/// actors the act was done to.
pub(crate) fn unnamed_doer_in_place<'f>(
    at: &Located<'_, 'f>,
    first: usize,
    end: usize,
) -> Option<(&'f Found, Vec<&'f Found>)> {
    let tree = at.tree;
    let h = head_of(tree, first, end);
    // "were engaged in ethnic cleansing": what its subject does, not what is done to it
    // (unlike "was put under investigation").
    if !is_verbal(tree, h)
        || matches!(
            tree.lemma(h).to_lowercase().as_str(),
            "engage" | "involve" | "embroil" | "implicate" | "mire"
        )
    {
        return None;
    }
    let unnamed = |w: usize| at.with_conjuncts(w).is_empty() && tree.upos(w) == "NOUN";
    // Whom it was done to, when no one is named as doing it.
    let victims: Vec<usize> = if tree.is_passive(h) {
        // "were killed by an improvised explosive device": a thing, not a doer.
        if tree.passive_agent(h).is_some_and(|a| !unnamed(a)) {
            return None;
        }
        tree.subject(h).into_iter().collect()
    } else if tree.relation(h) == "acl" && passive_participle(tree, h) {
        // "10 Russian soldiers killed in Ukraine".
        if tree.obliques(h).iter().any(|&(_, case)| case == Some("by")) {
            return None;
        }
        tree.head(h).into_iter().collect()
    } else {
        // "a minefield explosion killed two Iraqi youths".
        let s = tree.subject(h)?;
        if !(unnamed(s) && BLASTS.contains(&tree.lemma(s).to_lowercase().as_str())) {
            return None;
        }
        tree.objects(h)
    };
    let targets: Vec<&'f Found> = victims
        .iter()
        .flat_map(|&v| at.with_conjuncts(v))
        .filter(|f| !is_place(f))
        .collect();
    if targets.is_empty() {
        return None;
    }
    // The place: a city, region or country named after a preposition of place anywhere
    // under the act, and not one of those it was done to.
    let place = at.actors.iter().copied().find(|f| {
        let Some(words) = at.words_of(f) else {
            return false;
        };
        let w = words.start;
        !f.in_compound
            && matches!(
                f.mention.actor.kind,
                dyad_model::ActorKind::Place | dyad_model::ActorKind::Country
            )
            && f.mention.actor.country.is_some()
            && !targets.iter().any(|t| std::ptr::eq(*t, *f))
            && (w == h || at.governs(h, w))
            && placed(tree, w)
    })?;
    Some((place, targets))
}

/// Whether word `w` (a name) is where something happens: the object of "in", "near",
/// "outside", ... or of "of" in such a phrase ("near the town of Samarra"), or a demonym
/// in one ("outside of the Iraqi city of Basra").
fn placed(tree: &Tree, w: usize) -> bool {
    let locative = |n: usize| {
        tree.children(n).any(|c| {
            tree.relation(c) == "case"
                && matches!(
                    tree.lemma(c).to_lowercase().as_str(),
                    "in" | "near" | "outside" | "at" | "across" | "around"
                )
        })
    };
    let mut n = w;
    for _ in 0..3 {
        if locative(n) {
            return true;
        }
        match tree.head(n) {
            Some(h) if matches!(tree.relation(n), "nmod" | "amod" | "compound" | "flat") => n = h,
            _ => return false,
        }
    }
    false
}

/// The actor the parse gives as the subject of the verbal trigger at `first..end`, for
/// acts coded without a target ("a member of the Syrian parliament started a hunger
/// strike").
pub(crate) fn subject_actor<'f>(
    at: &Located<'_, 'f>,
    first: usize,
    end: usize,
) -> Option<&'f Found> {
    let tree = at.tree;
    let h = head_of(tree, first, end);
    if !is_verbal(tree, h) {
        return None;
    }
    let (s, _) = subject_of(tree, h)?;
    at.with_conjuncts(s).into_iter().find(|f| !is_place(f))
}

/// Whether the parse gives the verbal trigger at `first..end` a subject, a common noun,
/// that names no actor dyad knows, nor anyone's in its phrase ("a human rights group
/// protested"; not "thousands *of Iraqi Kurds*", "*their* forces"): someone did it, and
/// word order must not make an earlier name the doer.
pub(crate) fn subject_names_no_actor(at: &Located<'_, '_>, first: usize, end: usize) -> bool {
    let tree = at.tree;
    let h = head_of(tree, first, end);
    is_verbal(tree, h)
        && tree.subject(h).is_some_and(|s| {
            tree.upos(s) == "NOUN"
                && at.with_conjuncts(s).is_empty()
                && at.first_in_phrase(s).is_none()
                && !tree.children(s).any(|d| tree.deprel(d) == "nmod:poss")
        })
}

/// Nouns of support, and verbs of getting: "Putin won Xi's support" is Xi supporting
/// Putin, the reverse of the word order.
const SUPPORT_NOUNS: &[&str] = &["support", "backing", "endorsement", "approval", "blessing"];
pub(crate) const GETTING_VERBS: &[&str] = &[
    "win", "gain", "secure", "receive", "get", "earn", "obtain", "garner", "enjoy",
];

/// "X won / secured / received Y's support (the support of Y)", "X received aid from Y":
/// Y is the source, X the target.
fn support_received<'f>(
    at: &Located<'_, 'f>,
    h: usize,
    p: &EventPattern,
) -> Option<(Vec<&'f Found>, Vec<&'f Found>)> {
    let tree = at.tree;
    // Support, and aid of any kind: "received military aid from Germany".
    let given =
        SUPPORT_NOUNS.contains(&tree.lemma(h).to_lowercase().as_str()) || p.code.starts_with("07");
    if !given || tree.relation(h) != "obj" {
        return None;
    }
    let verb = tree.head(h)?;
    if !GETTING_VERBS.contains(&tree.lemma(verb).to_lowercase().as_str()) {
        return None;
    }
    let giver = tree
        .children(h)
        .find(|&d| tree.deprel(d) == "nmod:poss")
        .or_else(|| {
            tree.obliques(h)
                .into_iter()
                .chain(tree.obliques(verb))
                .find(|(_, case)| matches!(case, Some("of" | "from")))
                .map(|(w, _)| w)
        })?;
    let sources = at.with_conjuncts(giver);
    let targets = at.with_conjuncts(subject_of(tree, verb)?.0);
    (!sources.is_empty() && !targets.is_empty()).then_some((sources, targets))
}

fn is_verbal(tree: &Tree, w: usize) -> bool {
    matches!(tree.upos(w), "VERB" | "AUX")
}

/// Whether clause `c` says what is to be done: a bare verb ("that Israel ease the
/// restrictions") or one with "should" or "must"; not a statement ("that Taiwan is part of
/// China").
pub(crate) fn mandative(tree: &Tree, c: usize) -> bool {
    // The tagger often reads a bare verb after a plural-looking name as present tense
    // ("that the United States match"): that counts too, but not "be" or "have".
    (tree.xpos(c) == "VB" || (tree.xpos(c) == "VBP" && !matches!(tree.lemma(c), "be" | "have")))
        || tree
            .auxiliaries(c)
            .iter()
            .any(|a| matches!(a.to_lowercase().as_str(), "should" | "must" | "shall"))
}

/// Whom a protest with no target named is against: an actor in what it is done for or
/// against ("a hunger strike to demand the resignation of the Algerian president", "in
/// protest of the Russian government's refusal", "against Israeli military policies"), else
/// the country of the place where it happens ("demonstrated in the northern city of
/// Kirkuk", "throughout Indonesia"). `source` is the protester, never their own target.
pub(crate) fn protest_target<'f>(
    at: &Located<'_, 'f>,
    first: usize,
    end: usize,
    source: &Found,
) -> Option<&'f Found> {
    let tree = at.tree;
    let h = head_of(tree, first, end);
    // The protest, and the verb it is done with ("staged rallies", "began a hunger strike").
    let mut hosts: Vec<usize> = (first..end).collect();
    if !is_verbal(tree, h)
        && let Some(g) = tree.head(h).filter(|&g| is_verbal(tree, g))
    {
        hosts.push(g);
    }
    let other = |f: &&&'f Found| !std::ptr::eq(**f, source) && !f.in_compound;
    let mut places = Vec::new();
    for &host in &hosts {
        for d in tree.children(host) {
            let case = tree
                .children(d)
                .find(|&c| matches!(tree.relation(c), "case" | "mark"))
                .map(|c| tree.lemma(c).to_lowercase());
            let purpose = match tree.relation(d) {
                "advcl" | "xcomp" => case.as_deref() == Some("to") || tree.upos(d) == "VERB",
                "obl" | "nmod" => {
                    matches!(case.as_deref(), Some("against" | "over" | "at" | "for"))
                        || (case.as_deref() == Some("in")
                            && tree.lemma(d).to_lowercase() == "protest")
                }
                _ => false,
            };
            let span = tree.subtree(d);
            if purpose {
                let inside: Vec<&'f Found> = at
                    .actors
                    .iter()
                    .filter(other)
                    .filter(|f| f.first >= at.offset + span.start && f.end <= at.offset + span.end)
                    .copied()
                    .collect();
                // Whom it is against, else where that is: "against the regime in Tehran"
                // comes before the venue "in Paris".
                if let Some(found) = inside.iter().find(|f| !is_place(f)).or(inside.first()) {
                    return Some(found);
                }
            }
            let locative = case
                .as_deref()
                .is_some_and(|c| crate::events::PROTEST_PLACES.contains(&c));
            if locative && matches!(tree.relation(d), "obl" | "nmod") {
                places.extend(
                    at.actors
                        .iter()
                        .filter(other)
                        .filter(|f| {
                            f.first >= at.offset + span.start && f.end <= at.offset + span.end
                        })
                        .copied(),
                );
            }
        }
    }
    places.into_iter().next()
}

/// Source and target actors of the trigger at sentence words `first..end`, or `None` when
/// the tree does not give both.
pub(crate) fn arguments<'f>(
    at: &Located<'_, 'f>,
    p: &EventPattern,
    first: usize,
    end: usize,
) -> Option<(Vec<&'f Found>, Vec<&'f Found>)> {
    let tree = at.tree;
    let h = head_of(tree, first, end);
    if let Some(found) = support_received(at, h, p) {
        return Some(found);
    }
    // "fighting between Israel and Hamas": the sides named are the parties of a fight,
    // whoever is said to end or condemn it.
    let forceful = root_of(&p.code).is_some_and(|r| r >= 17);
    if !is_verbal(tree, h)
        && forceful
        && let Some((w, _)) = tree
            .obliques(h)
            .into_iter()
            .find(|(_, case)| *case == Some("between"))
    {
        let sides = at.with_conjuncts(w);
        if sides.len() >= 2 {
            return Some((vec![sides[0]], sides[1..].to_vec()));
        }
    }
    // Words whose dependents may hold the target: the trigger, its object, and for a
    // nominal trigger the verb it is the object of.
    let mut hosts: Vec<usize> = (first..end).collect();
    let (source_word, passive_target) = if is_verbal(tree, h) {
        // "provided food and medicine to Bosnia": the last of coordinated objects may
        // hold the preposition.
        for o in tree.objects(h) {
            hosts.push(o);
            hosts.extend(tree.conjuncts(o));
            // "suspended part of a military aid program for Bosnia": what a measure
            // counts holds the preposition.
            if tree.upos(o) == "NUM"
                || crate::events::MEASURES.contains(&tree.lemma(o).to_lowercase().as_str())
            {
                hosts.extend(
                    tree.obliques(o)
                        .into_iter()
                        .filter(|&(_, case)| case == Some("of"))
                        .map(|(k, _)| k),
                );
            }
        }
        // The same when the parse coordinated the last object with the verb itself, or
        // left it a bare oblique ("launched artillery, mortar, and rocket *fire* against
        // guerrilla camps").
        hosts.extend(
            tree.children_by(h, "conj")
                .filter(|&c| matches!(tree.upos(c), "NOUN" | "PROPN")),
        );
        hosts.extend(
            tree.obliques(h)
                .into_iter()
                .filter(|&(d, case)| case.is_none() && tree.upos(d) == "NOUN")
                .map(|(d, _)| d),
        );
        // What a passive is done to: its subject ("who" standing for the noun it
        // describes), or the noun a passive participle describes ("soldiers killed by
        // rebels").
        let passive_target = if tree.is_passive(h) {
            tree.subject(h).and_then(|s| {
                if is_relative_pronoun(tree, s) && tree.deprel(h) == "acl:relcl" {
                    tree.head(h)
                } else {
                    Some(s)
                }
            })
        } else if tree.relation(h) == "acl"
            && tree.deprel(h) != "acl:relcl"
            && passive_participle(tree, h)
        {
            tree.head(h)
        } else {
            None
        };
        // "the blockade of Qatar was lifted": what a passive is done to holds the target
        // as an object would.
        hosts.extend(passive_target);
        let subject = subject_of(tree, h).map(|s| s.0);
        (
            subject.map(|s| reported_pronoun(at, h, s).unwrap_or(s)),
            passive_target,
        )
    } else {
        // Nominal trigger: an actor-naming possessor or modifier, else the light verb's
        // subject.
        // (Or the one "by" names, as a passive's agent: "an attempt *by Chechen rebels* to
        // assassinate", "the killing of three villagers by the army"; asks are read
        // below.)
        let asks = matches!(p.code.get(..2), Some("10" | "02"));
        let own = tree
            .children(h)
            .filter(|&d| {
                matches!(tree.deprel(d), "nmod:poss" | "compound" | "amod")
                    && !at.at_word_only(d).is_empty()
            })
            .last()
            .or_else(|| {
                tree.obliques(h)
                    .into_iter()
                    .find(|&(w, case)| {
                        !asks && case == Some("by") && !at.with_conjuncts(w).is_empty()
                    })
                    .map(|(w, _)| w)
            });
        // "gave the Ivory Coast 5 million dollars of aid": the amount stands in for the aid.
        let phrase = match tree.head(h) {
            Some(m)
                if tree.relation(h) == "nmod"
                    && tree
                        .children(h)
                        .any(|c| tree.relation(c) == "case" && tree.lemma(c) == "of")
                    && matches!(tree.upos(m), "NOUN" | "NUM") =>
            {
                m
            }
            _ => h,
        };
        // Not a verb that only speaks of the act ("called that attack a war crime",
        // "condemned the attack"): its subject did not do it.
        let governor = tree.head(phrase).filter(|&g| {
            matches!(tree.relation(phrase), "obj" | "nsubj")
                && is_verbal(tree, g)
                && !SPEAKING_OF.contains(&tree.lemma(g).to_lowercase().as_str())
        });
        if let Some(g) = governor {
            hosts.push(g);
        }
        // "refused to respond to a demand from the US President": an ask made by someone
        // named after "from" or "by" is theirs, made of whoever the clause is about.
        let asker = tree
            .obliques(h)
            .into_iter()
            .find(|&(w, case)| {
                asks && matches!(case, Some("from" | "by")) && !at.with_conjuncts(w).is_empty()
            })
            .map(|(w, _)| w);
        if let Some(asker) = asker.filter(|_| own.is_none()) {
            let asked = tree
                .head(phrase)
                .filter(|&g| is_verbal(tree, g))
                .and_then(|g| subject_of(tree, g).map(|s| s.0));
            (Some(asker), asked)
        } else {
            let source = own.or_else(|| {
                governor
                    .filter(|_| tree.relation(phrase) == "obj")
                    .and_then(|g| {
                        // "NATO said it would tighten the blockade": "it" is NATO.
                        subject_of(tree, g).map(|s| reported_pronoun(at, g, s.0).unwrap_or(s.0))
                    })
            });
            (source, None)
        }
    };
    let mut sources = at.with_conjuncts(source_word?);
    sources.retain(|f| !is_place(f));
    // "US and British activists": names coordinated before the one the parse found.
    let mut i = 0;
    while i < sources.len() {
        if let Some(before) = at.listed_before(sources[i])
            && !sources.iter().any(|s| std::ptr::eq(*s, before))
            && !is_place(before)
        {
            sources.push(before);
        }
        i += 1;
    }
    if sources.is_empty() {
        return None;
    }
    let mut targets: Vec<&'f Found> = Vec::new();
    if let Some(t) = passive_target {
        targets = at.with_conjuncts(t);
        // "the offices of the opposition were raided", "a camp for Congolese refugees was
        // attacked": what is done to something that names no actor is done to its owner.
        if targets.is_empty() {
            for (w, case) in tree.obliques(t) {
                if owned_by(tree, t, w, case) {
                    targets.extend(at.with_conjuncts(w));
                }
            }
        }
        targets.retain(|f| !is_place(f));
    }
    for rule in &p.targets {
        if !targets.is_empty() {
            break;
        }
        match rule {
            Target::Object => {
                if is_verbal(tree, h) {
                    let asked = matches!(p.code.get(..2), Some("10" | "12"));
                    // A bare oblique is an object the parser misread: "arrested more than
                    // 100 Palestinians" (no preposition; times name no actor).
                    let bare = tree
                        .obliques(h)
                        .into_iter()
                        .filter(|&(d, case)| case.is_none() && tree.deprel(d) == "obl")
                        .map(|(d, _)| d);
                    let run_in: Vec<usize> = recipients(tree, h)
                        .filter(|&o| tree.relation(o) == "compound")
                        .collect();
                    for o in tree.objects(h).into_iter().chain(bare).chain(run_in) {
                        let found = at.with_conjuncts(o);
                        // An object that names no actor names whose it is ("defended the
                        // right of Russian troops", "raided the Kurds' camps"); what is
                        // demanded or rejected also whom it is asked of ("demanded an
                        // admission by Moscow", "rejected an offer from Afghanistan").
                        if found.is_empty() {
                            // "boycott all official contact with the United States", "cut
                            // trade with Iran": a relation's other side.
                            let relation =
                                RELATION_NOUNS.contains(&tree.lemma(o).to_lowercase().as_str());
                            for (w, case) in tree.obliques(o) {
                                let owner = (relation && case == Some("with"))
                                    || (case == Some("of") || !asked) && owned_by(tree, o, w, case);
                                if owner || (asked && matches!(case, Some("by" | "from"))) {
                                    targets.extend(at.with_conjuncts(w));
                                }
                            }
                            // "prevented the demonstration staged by students": whose
                            // it is, by the participle that says who made it.
                            for p in tree
                                .children_by(o, "acl")
                                .filter(|&p| passive_participle(tree, p))
                            {
                                for (w, case) in tree.obliques(p) {
                                    if case == Some("by") {
                                        targets.extend(at.with_conjuncts(w));
                                    }
                                }
                            }
                            // "rejected an invitation to attend a meeting of Palestinian
                            // factions": an invitation is to those it would have one meet.
                            if asked
                                && targets.is_empty()
                                && tree.lemma(o).eq_ignore_ascii_case("invitation")
                            {
                                for c in tree
                                    .children_by(o, "acl")
                                    .filter(|&c| tree.has_mark(c, "to"))
                                {
                                    targets.extend(at.first_in_phrase(c));
                                }
                                targets.retain(|f| !is_place(f));
                            }
                        }
                        targets.extend(found);
                    }
                    // "denounced as an ugly crime Serbia's suppression of ...": the object
                    // the parse took into the "as" phrase is whose its last noun is.
                    if targets.is_empty() && matches!(p.code.get(..2), Some("11" | "12")) {
                        for (w, case) in tree.obliques(h) {
                            if case == Some("as") {
                                for d in tree.children_by(w, "nmod:poss") {
                                    targets.extend(at.with_conjuncts(d));
                                }
                            }
                        }
                    }
                } else {
                    // A nominal trigger's "object": "sanctions against Iran", "invasion of
                    // Ukraine".
                    for (w, case) in tree.obliques(h) {
                        if matches!(case, Some("of" | "against" | "on")) {
                            targets.extend(at.with_conjuncts(w));
                        }
                    }
                    // The one it is given to: "will give Tanzania a grant", "gave the
                    // Ivory Coast 5 million dollars of aid".
                    let phrase = match tree.head(h) {
                        Some(m) if tree.relation(h) == "nmod" && tree.upos(m) != "VERB" => m,
                        _ => h,
                    };
                    if tree.relation(phrase) == "obj"
                        && let Some(g) = tree.head(phrase)
                    {
                        for o in recipients(tree, g).filter(|&o| o != phrase) {
                            targets.extend(at.with_conjuncts(o));
                        }
                    }
                }
                // A trigger that ends with its preposition ("spoke with", "sent a
                // delegation to"): the object is that preposition's.
                if targets.is_empty() && end > first && tree.upos(end - 1) == "ADP" {
                    let prep = tree.lemma(end - 1).to_lowercase();
                    for &host in &hosts {
                        for (w, case) in tree.obliques(host) {
                            if case.is_some_and(|c| c.eq_ignore_ascii_case(&prep)) {
                                let found = at.with_conjuncts(w);
                                if found.is_empty() {
                                    targets.extend(at.first_in_phrase(w));
                                }
                                targets.extend(found);
                            }
                        }
                    }
                }
                // A place is where, not whom; but a place a verb of force acts on is its
                // target ("would blockade Paris", "shelled Aleppo").
                if !(forceful && is_verbal(tree, h)) {
                    targets.retain(|f| !is_place(f));
                }
            }
            Target::Preposition(prep) => {
                let locative = LOCATIVE_RULES.contains(&prep.as_str());
                for &host in &hosts {
                    for (w, case) in tree.obliques(host) {
                        if case != Some(prep.as_str()) {
                            continue;
                        }
                        let mut found = at.with_conjuncts(w);
                        // A place is where, not whom, except after a preposition of place.
                        if !locative {
                            found.retain(|f| !is_place(f));
                        }
                        // "in the northern city of Kirkuk", "against the regime in
                        // Tehran": the actor inside the phrase, or where it is.
                        if found.is_empty() {
                            targets.extend(at.first_in_phrase(w));
                        }
                        targets.extend(found);
                    }
                    // "gave Mozambique aid" is "gave aid to Mozambique".
                    if prep == "to" && host != h && is_verbal(tree, host) {
                        for o in recipients(tree, host) {
                            targets.extend(at.with_conjuncts(o));
                        }
                    }
                }
            }
        }
    }
    // A demand or an appeal is made of whoever is to act: "demanded that Israel ease the
    // restrictions", "urged that the council meet".
    if targets.is_empty() && is_verbal(tree, h) && matches!(p.code.get(..2), Some("10" | "02")) {
        // Only a clause that says what is to be done ("that Israel ease", "that it
        // should leave"), not one that asserts ("insisted that Taiwan is part of China").
        for c in tree.children(h).filter(|&d| tree.relation(d) == "ccomp") {
            if mandative(tree, c)
                && let Some(s) = tree.subject(c)
            {
                targets.extend(at.with_conjuncts(s));
            }
        }
        targets.retain(|f| !is_place(f));
    }
    // An act of force whose target is named only by its purpose is against whom that
    // purpose acts on: "opened fire to disperse demonstrators".
    if targets.is_empty() && forceful && is_verbal(tree, h) {
        // The parse may hang the clause on the object ("fire to disperse").
        let clauses: Vec<usize> = std::iter::once(h)
            .chain(tree.objects(h))
            .flat_map(|host| tree.children(host))
            .filter(|&d| matches!(tree.relation(d), "xcomp" | "advcl" | "acl"))
            .filter(|&c| tree.has_mark(c, "to"))
            .collect();
        for c in clauses {
            for o in tree.objects(c) {
                targets.extend(at.with_conjuncts(o));
            }
        }
        targets.retain(|f| !is_place(f));
    }
    // An act of force whose target names no one is against the place where it happens:
    // "outlawed the largest Protestant group in Northern Ireland", "blew up power lines
    // leading into Kabul".
    // So is an investigation: "sent personnel to Bosnia to investigate the feasibility of a
    // peacekeeping force" is done in Bosnia, where the verb it is the purpose of sends them.
    let investigation = p.code.starts_with("09");
    if targets.is_empty() && (forceful || investigation) && is_verbal(tree, h) {
        let mut places = Vec::new();
        // "blew up power lines leading into Kabul": also where what was hit leads or lies.
        let objects = tree.objects(h);
        let described: Vec<usize> = objects
            .iter()
            .flat_map(|&o| tree.children_by(o, "acl"))
            .collect();
        let sent_to: Vec<usize> = tree
            .head(h)
            .filter(|_| investigation && tree.relation(h) == "advcl" && tree.has_mark(h, "to"))
            .map(|g| std::iter::once(g).chain(tree.objects(g)).collect())
            .unwrap_or_default();
        for host in std::iter::once(h)
            .chain(objects)
            .chain(described)
            .chain(sent_to.iter().copied())
        {
            for (w, case) in tree.obliques(host) {
                let destination = sent_to.contains(&host) && case == Some("to");
                if destination || matches!(case, Some("in" | "near" | "around" | "into" | "across"))
                {
                    let found = at.with_conjuncts(w);
                    if found.is_empty() {
                        places.extend(at.first_in_phrase(w));
                    }
                    places.extend(found);
                }
            }
        }
        // The first place that is not the source's own name ("Egyptian police ... in Egypt").
        targets.extend(
            places
                .into_iter()
                .filter(|t| !sources.iter().any(|s| same_actor(s, t)))
                .take(1),
        );
    }
    // The source is never its own target ("Russia and China held talks with each other" is
    // left to the reciprocal rule).
    targets.retain(|t| !sources.iter().any(|s| same_actor(s, t)));
    if targets.is_empty() {
        return None;
    }
    Some((sources, targets))
}

/// Nouns of a relation between two sides, whose "with" names the other side.
/// Places built for people, whose people they are ("a camp for refugees", "a school for
/// girls").
const FACILITY_NOUNS: &[&str] = &[
    "camp",
    "shelter",
    "school",
    "hospital",
    "clinic",
    "home",
    "orphanage",
    "settlement",
];

/// Whether `w`, a dependent of `n` introduced by `case`, names whose `n` is: "the offices
/// of the party", "the party's offices", "a camp for refugees".
fn owned_by(tree: &dyad_nlp::Tree, n: usize, w: usize, case: Option<&str>) -> bool {
    case == Some("of")
        || tree.deprel(w) == "nmod:poss"
        || case == Some("for") && FACILITY_NOUNS.contains(&tree.lemma(n).to_lowercase().as_str())
}

const RELATION_NOUNS: &[&str] = &[
    "contact",
    "tie",
    "relation",
    "relationship",
    "trade",
    "talk",
    "dialogue",
    "cooperation",
    "negotiation",
    "link",
];

/// The one a verb gives to: its indirect object ("gave *Mozambique* a loan"), or, when the
/// parse gives the verb two direct objects (a common slip for the indirect one), the first.
fn recipients<'t>(tree: &'t dyad_nlp::Tree<'_>, verb: usize) -> impl Iterator<Item = usize> + 't {
    let objects: Vec<usize> = tree
        .children(verb)
        .filter(|&d| tree.relation(d) == "obj")
        .collect();
    let first_of_two = (objects.len() >= 2).then(|| objects[0]);
    // "gave the Ivory Coast 5 million dollars": a "compound" with a determiner of its own
    // is a noun phrase of its own, the indirect object the parse ran into the direct one.
    let run_in: Vec<usize> = objects
        .iter()
        .flat_map(|&o| tree.children_by(o, "compound"))
        .filter(|&c| tree.children_by(c, "det").next().is_some())
        .collect();
    tree.children(verb)
        .filter(move |&d| tree.relation(d) == "iobj")
        .chain(first_of_two)
        .chain(run_in)
}

#[cfg(test)]
mod tests {
    /// (source, target, CAMEO, mode) of every event coded from `text`.
    fn events(text: &str) -> Vec<(String, String, String, Option<String>)> {
        crate::test_events(text, |a| a.code.clone())
    }

    fn has(
        found: &[(String, String, String, Option<String>)],
        s: &str,
        t: &str,
        root: &str,
    ) -> bool {
        found
            .iter()
            .any(|e| e.0.starts_with(s) && e.1.starts_with(t) && e.2.starts_with(root))
    }

    #[test]
    fn passive_agent_is_the_source() {
        let e = events("North Korea was condemned by Japan and South Korea on Tuesday.");
        assert!(has(&e, "JPN", "PRK", "11"), "{e:?}");
        assert!(has(&e, "KOR", "PRK", "11"), "{e:?}");
    }

    #[test]
    fn a_subject_far_from_its_verb() {
        // Word order alone takes the nearest name before the verb (Ukraine).
        let e = events(
            "Poland, which shares a long border with Ukraine, expelled two Russian diplomats on Friday.",
        );
        assert!(has(&e, "POL", "RUS", "1"), "{e:?}");
        assert!(!has(&e, "UKR", "RUS", "1"), "{e:?}");
    }

    #[test]
    fn coordinated_subjects_each_act() {
        let e = events(
            "The United States, Canada and Britain imposed sanctions on Iran over its nuclear programme.",
        );
        for s in ["USA", "CAN", "GBR"] {
            assert!(has(&e, s, "IRN", "16"), "{s}: {e:?}");
        }
    }

    #[test]
    fn the_receiver_of_a_nominal_act_is_its_verbs_indirect_object() {
        let e = events("Norway gave Mozambique a loan of 40 million dollars on Tuesday.");
        assert!(has(&e, "NOR", "MOZ", "07"), "{e:?}");
        // An amount of aid, and a pattern whose target comes after "to".
        let e = events("Norway gave Mozambique 40 million dollars of aid on Tuesday.");
        assert!(has(&e, "NOR", "MOZ", "07"), "{e:?}");
    }

    #[test]
    fn a_quantified_object_read_as_a_bare_oblique_is_still_the_target() {
        // The parser makes "more than 20 Afghans" an oblique with no preposition.
        let e = events("Iranian guards detained more than 20 Afghans near Herat on Monday.");
        assert!(has(&e, "IRN", "AFG", "17"), "{e:?}");
        // A bare time is an oblique too, and adds no target.
        let e = events("Iranian guards detained two Afghans last week.");
        assert!(has(&e, "IRN", "AFG", "17"), "{e:?}");
        assert!(e.iter().all(|e| e.1 == "AFG"), "{e:?}");
    }

    #[test]
    fn a_relative_pronoun_stands_for_the_noun_its_clause_describes() {
        let e = events("Germany praised Poland, which sent aid to Ukraine on Monday.");
        assert!(has(&e, "DEU", "POL", "05"), "{e:?}");
        assert!(has(&e, "POL", "UKR", "07"), "{e:?}");
        assert!(!has(&e, "DEU", "UKR", "07"), "{e:?}");
        // The noun names no actor: no one else is made the attacker.
        let e = events("Russia condemned the rebels who attacked Syrian troops near Idlib.");
        assert!(!has(&e, "RUS", "SYR", "1"), "{e:?}");
    }

    #[test]
    fn a_member_acts_for_the_body_and_a_passive_verbs_conjunct_for_its_subject() {
        let e = events(
            "A member of the Egyptian parliament began a hunger strike to protest the arrests of journalists.",
        );
        assert!(
            e.iter()
                .any(|x| x.0 == "EGYLEG" && x.1.is_empty() && x.2.starts_with("14")),
            "{e:?}"
        );
        let e = events(
            "Kenya's finance minister was condemned by the European Union and resigned on Friday.",
        );
        assert!(has(&e, "IGOEUR", "KEN", "11"), "{e:?}");
        assert!(
            e.iter()
                .any(|x| x.0.starts_with("KEN") && x.1.is_empty() && x.2.starts_with("08")),
            "{e:?}"
        );
        assert!(!has(&e, "IGO", "", "08"), "{e:?}");
    }

    #[test]
    fn an_act_of_force_on_no_one_named_is_against_where_it_happens() {
        let e = events(
            "The Egyptian government outlawed the largest Islamist group in Cairo on Monday.",
        );
        assert!(has(&e, "EGY", "EGY", "17"), "{e:?}");
        // Bridges blown up are property destroyed (1712), not a bombing of people (183).
        let e = events("Afghan rebels blew up two bridges near Kandahar last week.");
        assert!(has(&e, "AFG", "AFG", "1712"), "{e:?}");
    }

    #[test]
    fn those_a_participle_describes_are_its_victims_not_its_agents() {
        // No one is named as the killer: no event, and certainly not one by the soldiers.
        let e = events("There were 12 Indian soldiers killed in Kashmir on Monday.");
        assert!(e.is_empty(), "{e:?}");
        // A passive relative clause: "who" stands for the soldiers, "by" names the agent.
        let e =
            events("Indian soldiers who were killed by Pakistani troops were buried on Monday.");
        assert!(has(&e, "PAK", "IND", "19"), "{e:?}");
        assert!(!has(&e, "IND", "", "1"), "{e:?}");
        // With an object, the participle is the parse's slip for a main verb.
        let e = events("Israeli tanks fired four shells at targets near Jenin.");
        assert!(has(&e, "ISR", "PSE", "19"), "{e:?}");
    }

    #[test]
    fn a_demand_is_made_of_the_subject_of_its_clause() {
        let e = events("Turkey demanded that Sweden extradite the two journalists.");
        assert!(has(&e, "TUR", "SWE", "10"), "{e:?}");
    }

    #[test]
    fn what_is_demanded_or_rejected_names_its_target() {
        let e = events("Lithuania demanded an apology by Minsk for the border incident.");
        assert!(has(&e, "LTU", "BLR", "10"), "{e:?}");
        let e = events("Kenya rejected a fresh offer from Somalia for talks on the border.");
        assert!(has(&e, "KEN", "SOM", "12"), "{e:?}");
    }

    #[test]
    fn named_force_without_an_actor_is_no_event() {
        // The war is Washington's, not Turkey's: Turkey refused to help it.
        let e = events(
            "Turkey has declined to commit troops to the US-led war against Iraq, officials said.",
        );
        assert!(!has(&e, "TUR", "IRQ", "19"), "{e:?}");
    }

    #[test]
    fn aid_received_goes_from_the_giver() {
        let e = events("Ukraine received military aid from Germany on Monday.");
        assert!(has(&e, "DEU", "UKR", "07"), "{e:?}");
        assert!(!has(&e, "UKR", "DEU", "0"), "{e:?}");
        let e = events("Georgian rebels received weapons from the Russian government.");
        assert!(has(&e, "RUS", "GEO", "072"), "{e:?}");
    }

    #[test]
    fn names_listed_before_the_subject_act_too() {
        let e = events("US and British activists staged a protest in Beijing on Wednesday.");
        assert!(has(&e, "USA", "CHN", "14"), "{e:?}");
        assert!(has(&e, "GBR", "CHN", "14"), "{e:?}");
    }

    #[test]
    fn support_won_goes_from_the_giver() {
        let e = events("Ukraine won Germany's support for its bid to join the European Union.");
        assert!(has(&e, "DEU", "UKR", "05"), "{e:?}");
        assert!(!has(&e, "UKR", "DEU", "0"), "{e:?}");
        let e = events("Serbia secured the backing of Russia at the Security Council on Monday.");
        assert!(has(&e, "RUS", "SRB", "05"), "{e:?}");
    }

    #[test]
    fn a_trigger_ending_with_its_preposition_takes_that_prepositions_object() {
        // Word order stops at "newly"; the parse reaches the country.
        let e = events("Japan sent a delegation to the newly independent East Timor.");
        assert!(has(&e, "JPN", "TLS", "042"), "{e:?}");
        let e = events("The IAEA dispatched inspectors to the Esfahan plant in central Iran.");
        assert!(has(&e, "IGO", "IRN", "090"), "{e:?}");
    }

    #[test]
    fn a_pronoun_reported_by_a_saying_verb_is_its_subject() {
        // "it" names no actor; the one who announced is who will act. Word order cannot
        // reach the object here ("over 150").
        let e = events("Israel announced it would free over 150 Palestinian prisoners.");
        assert!(has(&e, "ISR", "PSE", "0353"), "{e:?}");
        let e = events("Poland said it would send tanks to Ukraine.");
        assert!(has(&e, "POL", "UKR", "0332"), "{e:?}");
        // A pronoun with an antecedent of its own keeps it.
        let e = events("Japan said Kenya had sent aid to Sudan after it asked.");
        assert!(has(&e, "KEN", "SDN", "07"), "{e:?}");
    }

    #[test]
    fn promised_cooperation_is_an_intent() {
        let e = events("Japan promised to send humanitarian aid to Turkey after the earthquake.");
        assert!(
            e.iter()
                .any(|x| x.0.starts_with("JPN") && x.1.starts_with("TUR") && x.2.starts_with("03")),
            "{e:?}"
        );
        let e = events("Germany will support France's proposal at the summit, Scholz said.");
        assert!(has(&e, "DEU", "FRA", "032"), "{e:?}");
        assert!(
            e.iter().all(|x| x.3.as_deref() == Some("intended")),
            "{e:?}"
        );
    }
}
