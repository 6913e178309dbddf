//! What dyad knows about the world, and a fast way to find it in text.
//!
//! The lexicon is data, not code: the team's tables in `data/` (countries with their names,
//! demonyms, capitals and seats of power; heads of state and government with the dates of
//! each term; organisations; role and sector nouns; phrases that are not actors) are
//! compiled into the binary as the built-in lexicon, and users add or override entries at run
//! time with files of the same format (`dyad --lexicon FILE`), without recompiling.
//!
//! [`Lexicon::find`] runs one Aho-Corasick automaton (leftmost-longest, case-sensitive, whole
//! words only) over a text and returns every name it knows, with what each may denote.
//! Resolution by date ([`Lexicon::person_on`], [`Lexicon::office_holder`]) answers "who was
//! the Russian president on 2021-12-15".
//!
//! ```
//! use dyad_lexicon::{Lexicon, Office, Surface};
//! let lex = Lexicon::builtin();
//! let text = "Putin spoke with Chinese officials in the Kremlin.";
//! let found: Vec<&str> = lex.find(text).iter().map(|m| &text[m.start..m.end]).collect();
//! assert_eq!(found, ["Putin", "Chinese", "the Kremlin"]);
//! let date = "2021-12-15".parse().unwrap();
//! let holder = lex.office_holder("CHN", &Office::Named("president".into()), Some(date)).unwrap();
//! assert_eq!(lex.person(holder).name, "Xi Jinping");
//! ```

mod load;
mod matcher;

/// A map keyed by words and phrases, with rustc's Fx hash: several times faster than the
/// standard SipHash on short keys, and the coder looks words up for every token.
pub(crate) type StrMap<V> = rustc_hash::FxHashMap<String, V>;

use jiff::civil::Date;

pub use load::LexiconError;
pub use matcher::LexMatch;

/// A country or territory.
#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    /// CAMEO country code (ISO 3166 alpha-3 in nearly all cases).
    pub code: String,
    pub iso2: Option<String>,
    pub name: String,
    pub aliases: Vec<String>,
    pub demonyms: Vec<String>,
    pub capitals: Vec<String>,
    pub seats: Vec<String>,
}

/// One term of one office held by one person.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    pub country: String,
    /// Lower-case title (`president`, `prime minister`).
    pub office: String,
    /// True when this office is the country's top executive at the time.
    pub primary: bool,
    pub start: Date,
    /// `None` for an incumbent.
    pub end: Option<Date>,
}

impl Term {
    /// True when the term covers `date`.
    pub fn covers(&self, date: Date) -> bool {
        self.start <= date && self.end.is_none_or(|e| date <= e)
    }
}

/// A known person and every term of office they held.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub name: String,
    pub aliases: Vec<String>,
    pub terms: Vec<Term>,
}

/// An organisation with a CAMEO-style code.
#[derive(Clone, Debug, PartialEq)]
pub struct Organization {
    pub code: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub country: Option<String>,
    pub sector: Option<String>,
}

/// How many people a role noun denotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleKind {
    Person,
    Group,
    Organization,
}

/// Which office a role noun names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Office {
    /// The country's primary office on the date ("leader", "chief").
    Primary,
    /// A named office ("president", "prime minister").
    Named(String),
}

/// A role or sector noun ("president", "troops", "adviser").
#[derive(Clone, Debug, PartialEq)]
pub struct Role {
    pub forms: Vec<String>,
    pub sector: String,
    pub kind: RoleKind,
    pub office: Option<Office>,
}

/// Where an event pattern finds its target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// The actor right after the trigger ("met Xi").
    Object,
    /// The actor after this preposition ("talks with Xi", "summit between A and B").
    Preposition(String),
}

/// A word or phrase that signals a CAMEO event.
#[derive(Clone, Debug, PartialEq)]
pub struct EventPattern {
    pub code: String,
    /// Lower-case forms, one or more words each.
    pub forms: Vec<String>,
    pub targets: Vec<Target>,
    /// Words that, right after the trigger, cancel it ("called on").
    pub unless: Vec<String>,
}

/// An event read from the parse: a verb (by lemma) with a noun it governs (by lemma), such
/// as "lift" with the object "blockade". It is found wherever the words stand and however
/// they are inflected ("lifted Friday a day-old blockade", "the blockade was lifted").
#[derive(Clone, Debug, PartialEq)]
pub struct EventFrame {
    /// The verbs, each with the particle it must have ("call off"), if any.
    pub verbs: Vec<FrameVerb>,
    /// The nouns: lemmas of the verb's object (or of a passive verb's subject), or of an
    /// oblique with the given preposition ("engage X *in a firefight*").
    pub nouns: Vec<FrameNoun>,
    /// Code, target rules and cancelling words, as for a word pattern (`forms` is empty).
    pub pattern: EventPattern,
}

/// A frame's verb: its lemma and, for a phrasal verb, its particle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameVerb {
    pub lemma: String,
    pub particle: Option<String>,
}

/// A frame's noun: its lemma and, when it is an oblique, the preposition before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameNoun {
    pub lemma: String,
    pub case: Option<String>,
}

/// An ethnic or religious group ("Kurds", "Yoruba", "Druze") and where it usually lives.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Surface forms: plural, singular, adjective, variants.
    pub forms: Vec<String>,
    /// CAMEO group code: lower case for an ethnic group (CAMEOECS), upper case for a
    /// religious one.
    pub code: String,
    pub religious: bool,
    /// CAMEO codes of the countries where the group usually lives, the most usual first;
    /// empty when only the context can tell.
    pub countries: Vec<String>,
}

/// A place inside a country: a city, region, area or island.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub name: String,
    /// CAMEO country code.
    pub country: String,
    pub kind: String,
}

/// What a matched name may denote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Surface {
    /// A country's name or alias (index into [`Lexicon::countries`]).
    CountryName(usize),
    /// A demonym or adjective ("Russian", "Chinese").
    Demonym(usize),
    /// A capital used as a metonym ("Moscow").
    Capital(usize),
    /// A seat of government ("the Kremlin").
    Seat(usize),
    /// A city, region or area of a country ("Alaska", "Kharkiv"; index of the country).
    Place(usize),
    /// A known person (index into [`Lexicon::people`]).
    Person(usize),
    /// An organisation (index into [`Lexicon::organizations`]).
    Organization(usize),
    /// An ethnic or religious group (index into [`Lexicon::groups`]).
    Group(usize),
    /// A phrase that is not an actor and hides the names inside it.
    NotActor,
}

/// The compiled lexicon.
#[derive(Debug)]
pub struct Lexicon {
    countries: Vec<Country>,
    people: Vec<Person>,
    organizations: Vec<Organization>,
    groups: Vec<Group>,
    roles: Vec<Role>,
    role_index: StrMap<usize>,
    max_role_words: usize,
    country_index: StrMap<usize>,
    /// Each country's terms of office, as (person, term) indices.
    terms_by_country: StrMap<Vec<(usize, usize)>>,
    events: Vec<EventPattern>,
    event_index: StrMap<Vec<usize>>,
    frames: Vec<EventFrame>,
    /// Frames by verb lemma.
    frame_index: StrMap<Vec<usize>>,
    /// For each word that starts an event form, the most words such a form has.
    event_reach: StrMap<usize>,
    max_event_words: usize,
    matcher: matcher::Matcher,
}

/// The team's data files, compiled in.
pub const BUILTIN_SOURCES: &[(&str, &str)] = &[
    (
        "data/countries.tsv",
        include_str!("../../../data/countries.tsv"),
    ),
    (
        "data/leaders.tsv",
        include_str!("../../../data/leaders.tsv"),
    ),
    (
        "data/organizations.tsv",
        include_str!("../../../data/organizations.tsv"),
    ),
    ("data/roles.tsv", include_str!("../../../data/roles.tsv")),
    ("data/events.tsv", include_str!("../../../data/events.tsv")),
    ("data/frames.tsv", include_str!("../../../data/frames.tsv")),
    ("data/places.tsv", include_str!("../../../data/places.tsv")),
    ("data/groups.tsv", include_str!("../../../data/groups.tsv")),
    (
        "data/not-actors.tsv",
        include_str!("../../../data/not-actors.tsv"),
    ),
];

impl Lexicon {
    /// The built-in lexicon. The data files are part of the build and checked by tests.
    pub fn builtin() -> Lexicon {
        Lexicon::load(&[]).expect("built-in lexicon files are valid (checked by tests)")
    }

    /// The built-in lexicon plus user overlays `(name, contents)`, applied in order. An overlay
    /// row with the code of an existing country or organisation replaces it; other rows add.
    pub fn load(overlays: &[(&str, &str)]) -> Result<Lexicon, LexiconError> {
        let mut tables = load::Tables::default();
        for (name, text) in BUILTIN_SOURCES
            .iter()
            .copied()
            .chain(overlays.iter().copied())
        {
            tables.add_source(name, text)?;
        }
        Ok(tables.compile())
    }

    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    pub fn people(&self) -> &[Person] {
        &self.people
    }

    pub fn organizations(&self) -> &[Organization] {
        &self.organizations
    }

    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    pub fn group(&self, i: usize) -> &Group {
        &self.groups[i]
    }

    pub fn country(&self, i: usize) -> &Country {
        &self.countries[i]
    }

    pub fn person(&self, i: usize) -> &Person {
        &self.people[i]
    }

    pub fn organization(&self, i: usize) -> &Organization {
        &self.organizations[i]
    }

    /// A country by its code.
    pub fn country_by_code(&self, code: &str) -> Option<usize> {
        self.country_index.get(code).copied()
    }

    /// A role noun or phrase (any case: "President", "foreign ministers").
    pub fn role(&self, phrase: &str) -> Option<&Role> {
        let found = if phrase.chars().any(char::is_uppercase) {
            self.role_index.get(&phrase.to_lowercase())
        } else {
            self.role_index.get(phrase)
        };
        found.map(|&i| &self.roles[i])
    }

    /// The event patterns whose forms include `phrase` (lower case, words separated by one
    /// space).
    pub fn event_patterns(&self, phrase: &str) -> impl Iterator<Item = &EventPattern> {
        self.event_index
            .get(phrase)
            .into_iter()
            .flatten()
            .map(|&i| &self.events[i])
    }

    /// The event frames whose verbs include `lemma` (lower case), in file order.
    pub fn event_frames(&self, lemma: &str) -> impl Iterator<Item = &EventFrame> {
        self.frame_index
            .get(lemma)
            .into_iter()
            .flatten()
            .map(|&i| &self.frames[i])
    }

    /// Whether any event frame has `lemma` (lower case) as its verb.
    pub fn is_frame_verb(&self, lemma: &str) -> bool {
        self.frame_index.contains_key(lemma)
    }

    /// The most words an event form starting with `word` (lower case) has; `None` when no
    /// form starts with it, so most words are passed over with one lookup.
    pub fn event_reach(&self, word: &str) -> Option<usize> {
        self.event_reach.get(word).copied()
    }

    /// The longest event trigger, in words.
    pub fn max_event_words(&self) -> usize {
        self.max_event_words
    }

    /// The longest role phrase, in words.
    pub fn max_role_words(&self) -> usize {
        self.max_role_words
    }

    /// Every known name in `text`, leftmost-longest, on whole words.
    pub fn find(&self, text: &str) -> Vec<LexMatch<'_>> {
        self.matcher.find(text)
    }

    /// What a capitalised word the lexicon does not know may be a misspelling of: the one
    /// country name, demonym, capital or person's name a small edit away ("Ethopia",
    /// "Afganistan"), if there is exactly one.
    pub fn misspelt(&self, word: &str) -> Option<&[Surface]> {
        self.matcher.misspelt(word)
    }

    /// Look up an exact surface form ("Xi", "the Kremlin", "Russian").
    pub fn lookup(&self, surface: &str) -> &[Surface] {
        self.matcher.lookup(surface)
    }

    /// The term a person held on `date`: the primary one if several. With no date, their
    /// latest term. `None` when they held no listed office on that date.
    pub fn person_on(&self, person: usize, date: Option<Date>) -> Option<&Term> {
        let terms = &self.people[person].terms;
        match date {
            Some(d) => terms
                .iter()
                .filter(|t| t.covers(d))
                .max_by_key(|t| (t.primary, t.start)),
            None => terms
                .iter()
                .max_by_key(|t| (t.end.is_none(), t.start, t.primary)),
        }
    }

    /// Who held `office` in `country` on `date` (the latest holder when no date is known).
    pub fn office_holder(
        &self,
        country: &str,
        office: &Office,
        date: Option<Date>,
    ) -> Option<usize> {
        let fits = |t: &Term| {
            t.country == country
                && match office {
                    Office::Primary => t.primary,
                    Office::Named(o) => &t.office == o,
                }
        };
        let mut best: Option<(usize, &Term)> = None;
        for &(i, k) in self.terms_by_country.get(country)? {
            let t = &self.people[i].terms[k];
            if !fits(t) {
                continue;
            }
            let ok = match date {
                Some(d) => t.covers(d),
                None => true,
            };
            let better =
                best.is_none_or(|(_, b)| (t.end.is_none(), t.start) > (b.end.is_none(), b.start));
            if ok && better {
                best = Some((i, t));
            }
        }
        best.map(|(i, _)| i)
    }

    /// A known person by full name or alias.
    pub fn person_by_name(&self, name: &str) -> Option<usize> {
        self.lookup(name).iter().find_map(|s| match s {
            Surface::Person(i) => Some(*i),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<Date> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn builtin_loads_every_table() {
        let lex = Lexicon::builtin();
        assert!(lex.countries().len() >= 195, "{}", lex.countries().len());
        assert!(lex.people().len() > 100);
        assert!(lex.organizations().len() > 50);
        assert!(lex.role("Prime Minister").is_some());
        let consult: Vec<&str> = lex
            .event_patterns("held talks")
            .map(|e| e.code.as_str())
            .collect();
        assert!(consult.is_empty());
        let talks: Vec<&str> = lex
            .event_patterns("talks")
            .map(|e| e.code.as_str())
            .collect();
        assert_eq!(talks, ["040"]);
        assert!(lex.max_event_words() >= 2);
        assert!(
            matches!(lex.lookup("Alaska"), [Surface::Place(c)] if lex.country(*c).code == "USA")
        );
        let rus = lex.country_by_code("RUS").unwrap();
        assert_eq!(lex.country(rus).name, "Russia");
    }

    #[test]
    fn frames_load_with_particles_and_prepositions() {
        let lex = Lexicon::builtin();
        let lift: Vec<&str> = lex
            .event_frames("lift")
            .map(|f| f.pattern.code.as_str())
            .collect();
        assert!(lift.contains(&"0872") && lift.contains(&"085"), "{lift:?}");
        assert!(lex.is_frame_verb("engage") && !lex.is_frame_verb("said"));
        let call_off = lex
            .event_frames("call")
            .flat_map(|f| &f.verbs)
            .find(|v| v.lemma == "call")
            .unwrap();
        assert_eq!(call_off.particle.as_deref(), Some("off"));
        let firefight = lex
            .event_frames("engage")
            .flat_map(|f| &f.nouns)
            .find(|n| n.lemma == "firefight")
            .unwrap();
        assert_eq!(firefight.case.as_deref(), Some("in"));

        let header = "code\tverbs\tnouns\ttarget\tunless\n";
        let bad_code = format!("{header}999\tlift\tsiege\tobject\t-\n");
        let err = Lexicon::load(&[("mine.tsv", &bad_code)]).unwrap_err();
        assert!(err.to_string().contains("not a CAMEO event code"), "{err}");
        let long_verb = format!("{header}0872\tbe done with\tsiege\tobject\t-\n");
        let err = Lexicon::load(&[("mine.tsv", &long_verb)]).unwrap_err();
        assert!(err.to_string().contains("at most a particle"), "{err}");
        let no_nouns = format!("{header}0872\tlift\t-\tobject\t-\n");
        assert!(Lexicon::load(&[("mine.tsv", &no_nouns)]).is_err());
        let good = format!("{header}0872\tunseal|unbolt off\tsiege|in cordon\tof\t-\n");
        let lex = Lexicon::load(&[("mine.tsv", &good)]).unwrap();
        assert_eq!(lex.event_frames("unbolt").count(), 1);
        assert!(lex.event_frames("off").next().is_none());
    }

    #[test]
    fn office_holders_by_date() {
        let lex = Lexicon::builtin();
        let pres = Office::Named("president".into());
        let name = |i: Option<usize>| i.map(|i| lex.person(i).name.as_str());
        assert_eq!(
            name(lex.office_holder("RUS", &pres, date("2021-12-15"))),
            Some("Vladimir Putin")
        );
        assert_eq!(
            name(lex.office_holder("RUS", &pres, date("2010-01-01"))),
            Some("Dmitry Medvedev")
        );
        assert_eq!(
            name(lex.office_holder("RUS", &Office::Primary, date("2010-01-01"))),
            Some("Dmitry Medvedev")
        );
        assert_eq!(
            name(lex.office_holder("USA", &pres, date("2021-12-15"))),
            Some("Joe Biden")
        );
        assert_eq!(
            name(lex.office_holder("CHN", &Office::Primary, date("2021-12-15"))),
            Some("Xi Jinping")
        );
        assert_eq!(
            name(lex.office_holder("GBR", &Office::Primary, date("2021-12-15"))),
            Some("Boris Johnson")
        );
        assert_eq!(lex.office_holder("ATA", &pres, date("2021-12-15")), None);
    }

    #[test]
    fn person_terms_by_date() {
        let lex = Lexicon::builtin();
        let putin = lex.person_by_name("Putin").unwrap();
        assert_eq!(
            lex.person_on(putin, date("2010-06-01")).unwrap().office,
            "prime minister"
        );
        assert_eq!(
            lex.person_on(putin, date("2021-12-15")).unwrap().office,
            "president"
        );
        let biden = lex.person_by_name("Joe Biden").unwrap();
        assert!(lex.person_on(biden, date("2019-01-01")).is_none());
    }

    #[test]
    fn overlays_add_and_replace() {
        let overlay = "code\tiso2\tname\taliases\tdemonyms\tcapitals\tseats\n\
                       XYZ\t-\tFreedonia\t-\tFreedonian|Freedonians\tFredville\t-\n";
        let lex = Lexicon::load(&[("mine.tsv", overlay)]).unwrap();
        let text = "Freedonian troops left Fredville.";
        let found: Vec<&str> = lex
            .find(text)
            .iter()
            .map(|m| &text[m.start..m.end])
            .collect();
        assert_eq!(found, ["Freedonian", "Fredville"]);
        let bad = Lexicon::load(&[("bad.tsv", "code\tiso2\tname\nXYZ\n")]);
        assert!(bad.is_err());
    }
}

#[cfg(test)]
mod data_checks {
    //! The built-in tables must be well formed: these tests read them whole.
    use std::collections::HashMap;

    use super::*;

    #[test]
    fn one_primary_office_at_a_time() {
        let lex = Lexicon::builtin();
        let mut by_country: HashMap<&str, Vec<(&Term, &str)>> = HashMap::new();
        for p in lex.people() {
            for t in p.terms.iter().filter(|t| t.primary) {
                by_country
                    .entry(t.country.as_str())
                    .or_default()
                    .push((t, &p.name));
            }
        }
        for (country, mut terms) in by_country {
            terms.sort_by_key(|(t, _)| t.start);
            for w in terms.windows(2) {
                let ((a, an), (b, bn)) = (w[0], w[1]);
                let a_end = a
                    .end
                    .expect("only the last primary term of a country may be open");
                let overlap = a_end.since(b.start).map(|s| s.get_days()).unwrap_or(0);
                assert!(
                    overlap <= 1,
                    "{country}: {an} until {a_end} overlaps {bn} from {}",
                    b.start
                );
            }
        }
    }

    #[test]
    fn codes_are_well_formed() {
        let lex = Lexicon::builtin();
        for p in lex.people() {
            for t in &p.terms {
                assert!(
                    lex.country_by_code(&t.country).is_some(),
                    "{}: unknown country {}",
                    p.name,
                    t.country
                );
            }
        }
        for o in lex.organizations() {
            assert!(
                o.code.len() >= 3 && o.code.bytes().all(|b| b.is_ascii_uppercase()),
                "{}",
                o.code
            );
            if let Some(c) = &o.country {
                assert!(
                    lex.country_by_code(c).is_some(),
                    "{}: unknown country {c}",
                    o.code
                );
            }
        }
        assert!(lex.groups().len() > 100);
        for g in lex.groups() {
            for c in &g.countries {
                assert!(
                    lex.country_by_code(c).is_some(),
                    "{}: unknown country {c}",
                    g.code
                );
            }
        }
    }

    #[test]
    fn groups_are_matched() {
        let lex = Lexicon::builtin();
        let kurds = lex
            .lookup("Kurds")
            .iter()
            .find_map(|s| match s {
                Surface::Group(g) => Some(lex.group(*g)),
                _ => None,
            })
            .expect("Kurds is a group");
        assert_eq!(kurds.code, "kur");
        assert!(!kurds.religious);
        assert_eq!(kurds.countries.first().map(String::as_str), Some("IRQ"));
    }
}
