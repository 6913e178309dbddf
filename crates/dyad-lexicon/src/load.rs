//! Reading the lexicon's tab-separated tables, built-in or from user files.
//!
//! Every table has `#` comment lines, one header line that names its columns (and so tells
//! which table it is), then one row per line with TAB between fields, `|` between the values
//! of a multi-valued field and `-` for an empty field.

use std::collections::{BTreeMap, HashMap};

use crate::StrMap;
use crate::matcher::Matcher;
use crate::{
    Country, EventFrame, EventPattern, FrameNoun, FrameVerb, Group, Lexicon, Office, Organization,
    Person, Place, Role, RoleKind, Surface, Target, Term,
};

/// A problem in a lexicon file, with where it is.
#[derive(Debug, thiserror::Error)]
#[error("{source_name}:{line}: {message}")]
pub struct LexiconError {
    pub source_name: String,
    pub line: usize,
    pub message: String,
}

const COUNTRIES: &[&str] = &[
    "code", "iso2", "name", "aliases", "demonyms", "capitals", "seats",
];
const LEADERS: &[&str] = &[
    "name", "aliases", "country", "office", "primary", "start", "end",
];
const ORGANIZATIONS: &[&str] = &["code", "name", "aliases", "country", "sector", "kind"];
const ROLES: &[&str] = &["forms", "sector", "kind", "office"];
const NOT_ACTORS: &[&str] = &["phrase"];
const EVENTS: &[&str] = &["code", "forms", "target", "unless"];
const FRAMES: &[&str] = &["code", "verbs", "nouns", "target", "unless"];
const PLACES: &[&str] = &["name", "country", "kind"];
const GROUPS: &[&str] = &["forms", "code", "kind", "countries"];

/// The tables as read, before compiling.
#[derive(Default)]
pub(crate) struct Tables {
    countries: Vec<Country>,
    /// Leader rows keyed by full name, in first-seen order.
    people: Vec<Person>,
    person_index: HashMap<String, usize>,
    organizations: Vec<Organization>,
    roles: Vec<Role>,
    not_actors: Vec<String>,
    events: Vec<EventPattern>,
    frames: Vec<EventFrame>,
    places: Vec<Place>,
    groups: Vec<Group>,
}

fn list(field: &str) -> Vec<String> {
    if field == "-" || field.is_empty() {
        Vec::new()
    } else {
        field
            .split('|')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    }
}

/// The code, target rules and cancelling words shared by word patterns and frames.
fn pattern(code: &str, targets: &str, unless: &str) -> Result<EventPattern, String> {
    if dyad_model::cameo::lookup(code).is_none() {
        return Err(format!("{code:?} is not a CAMEO event code"));
    }
    let targets: Vec<Target> = list(targets)
        .into_iter()
        .map(|t| {
            if t == "object" {
                Target::Object
            } else {
                Target::Preposition(t.to_lowercase())
            }
        })
        .collect();
    if targets.is_empty() {
        return Err("an event pattern needs a target rule".into());
    }
    Ok(EventPattern {
        code: code.to_string(),
        forms: Vec::new(),
        targets,
        unless: list(unless).into_iter().map(|s| s.to_lowercase()).collect(),
    })
}

fn opt(field: &str) -> Option<String> {
    (field != "-" && !field.is_empty()).then(|| field.trim().to_string())
}

impl Tables {
    pub(crate) fn add_source(&mut self, name: &str, text: &str) -> Result<(), LexiconError> {
        let err = |line: usize, message: String| LexiconError {
            source_name: name.to_string(),
            line,
            message,
        };
        let mut rows = text
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
            .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
        let Some((hline, header)) = rows.next() else {
            return Err(err(1, "no header line".into()));
        };
        let columns: Vec<&str> = header.split('\t').map(str::trim).collect();
        let kind = [
            COUNTRIES,
            LEADERS,
            ORGANIZATIONS,
            ROLES,
            NOT_ACTORS,
            EVENTS,
            FRAMES,
            PLACES,
            GROUPS,
        ]
        .into_iter()
        .find(|k| columns == *k)
        .ok_or_else(|| {
            err(
                hline,
                format!(
                    "unknown table header {columns:?}; expected the columns of countries, \
                         leaders, organizations, roles, not-actors, events, frames, places or groups (see \
                         data/README.md)"
                ),
            )
        })?;
        for (line, row) in rows {
            let f: Vec<&str> = row.split('\t').map(str::trim).collect();
            if f.len() != kind.len() {
                return Err(err(
                    line,
                    format!("expected {} fields, found {}", kind.len(), f.len()),
                ));
            }
            let r = if kind == COUNTRIES {
                self.country(&f)
            } else if kind == LEADERS {
                self.leader(&f)
            } else if kind == ORGANIZATIONS {
                self.organization(&f)
            } else if kind == ROLES {
                self.role(&f)
            } else if kind == EVENTS {
                self.event(&f)
            } else if kind == FRAMES {
                self.frame(&f)
            } else if kind == PLACES {
                self.place(&f)
            } else if kind == GROUPS {
                self.group(&f)
            } else {
                self.not_actors.extend(list(f[0]));
                Ok(())
            };
            r.map_err(|m| err(line, m))?;
        }
        Ok(())
    }

    fn country(&mut self, f: &[&str]) -> Result<(), String> {
        let code = f[0].to_string();
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(format!(
                "country code {code:?} is not three capital letters"
            ));
        }
        let c = Country {
            code,
            iso2: opt(f[1]),
            name: f[2].to_string(),
            aliases: list(f[3]),
            demonyms: list(f[4]),
            capitals: list(f[5]),
            seats: list(f[6]),
        };
        match self.countries.iter_mut().find(|x| x.code == c.code) {
            Some(existing) => *existing = c,
            None => self.countries.push(c),
        }
        Ok(())
    }

    fn leader(&mut self, f: &[&str]) -> Result<(), String> {
        let date = |s: &str| -> Result<jiff::civil::Date, String> {
            s.parse().map_err(|e| format!("bad date {s:?}: {e}"))
        };
        let start = date(f[5])?;
        let end = if f[6] == "-" { None } else { Some(date(f[6])?) };
        if end.is_some_and(|e| e < start) {
            return Err("term ends before it starts".into());
        }
        let primary = match f[4] {
            "yes" => true,
            "no" => false,
            other => return Err(format!("primary must be yes or no, not {other:?}")),
        };
        let term = Term {
            country: f[2].to_string(),
            office: f[3].to_lowercase(),
            primary,
            start,
            end,
        };
        let name = f[0].to_string();
        let idx = *self.person_index.entry(name.clone()).or_insert_with(|| {
            self.people.push(Person {
                name,
                aliases: Vec::new(),
                terms: Vec::new(),
            });
            self.people.len() - 1
        });
        let p = &mut self.people[idx];
        for a in list(f[1]) {
            if !p.aliases.contains(&a) {
                p.aliases.push(a);
            }
        }
        // A row for the same office and start replaces the earlier one (overlays fix dates).
        p.terms.retain(|t| {
            !(t.office == term.office && t.start == term.start && t.country == term.country)
        });
        p.terms.push(term);
        Ok(())
    }

    fn organization(&mut self, f: &[&str]) -> Result<(), String> {
        let o = Organization {
            code: f[0].to_string(),
            name: f[1].to_string(),
            aliases: list(f[2]),
            country: opt(f[3]),
            sector: opt(f[4]),
        };
        if o.code.is_empty() || !o.code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(format!(
                "organisation code {:?} is not capital letters",
                o.code
            ));
        }
        match self.organizations.iter_mut().find(|x| x.code == o.code) {
            Some(existing) => *existing = o,
            None => self.organizations.push(o),
        }
        Ok(())
    }

    fn role(&mut self, f: &[&str]) -> Result<(), String> {
        let kind = match f[2] {
            "person" => RoleKind::Person,
            "group" => RoleKind::Group,
            "organization" => RoleKind::Organization,
            other => {
                return Err(format!(
                    "role kind must be person, group or organization, not {other:?}"
                ));
            }
        };
        let office = match f[3] {
            "-" => None,
            "*" => Some(Office::Primary),
            o => Some(Office::Named(o.to_lowercase())),
        };
        self.roles.push(Role {
            forms: list(f[0]).into_iter().map(|s| s.to_lowercase()).collect(),
            sector: f[1].to_string(),
            kind,
            office,
        });
        Ok(())
    }

    fn event(&mut self, f: &[&str]) -> Result<(), String> {
        let pattern = pattern(f[0], f[2], f[3])?;
        self.events.push(EventPattern {
            forms: list(f[1]).into_iter().map(|s| s.to_lowercase()).collect(),
            ..pattern
        });
        Ok(())
    }

    /// A row of `frames.tsv`: verbs ("lift", "call off"), nouns ("blockade", "in
    /// firefight"), target rules, cancelling words.
    fn frame(&mut self, f: &[&str]) -> Result<(), String> {
        let pattern = pattern(f[0], f[3], f[4])?;
        let mut verbs = Vec::new();
        for v in list(f[1]) {
            let v = v.to_lowercase();
            let mut words = v.split_whitespace();
            let (Some(lemma), particle, None) = (words.next(), words.next(), words.next()) else {
                return Err(format!(
                    "a frame verb is a lemma and at most a particle, not {v:?}"
                ));
            };
            verbs.push(FrameVerb {
                lemma: lemma.to_string(),
                particle: particle.map(str::to_string),
            });
        }
        let mut nouns = Vec::new();
        for n in list(f[2]) {
            let n = n.to_lowercase();
            let mut words = n.split_whitespace();
            let noun = match (words.next(), words.next(), words.next()) {
                (Some(lemma), None, None) => FrameNoun {
                    lemma: lemma.to_string(),
                    case: None,
                },
                (Some(case), Some(lemma), None) => FrameNoun {
                    lemma: lemma.to_string(),
                    case: Some(case.to_string()),
                },
                _ => {
                    return Err(format!(
                        "a frame noun is a lemma, after at most a preposition, not {n:?}"
                    ));
                }
            };
            nouns.push(noun);
        }
        if verbs.is_empty() || nouns.is_empty() {
            return Err("a frame needs verbs and nouns".into());
        }
        self.frames.push(EventFrame {
            verbs,
            nouns,
            pattern,
        });
        Ok(())
    }

    fn group(&mut self, f: &[&str]) -> Result<(), String> {
        let religious = match f[2] {
            "ethnic" => false,
            "religious" => true,
            other => {
                return Err(format!(
                    "group kind must be ethnic or religious, not {other:?}"
                ));
            }
        };
        let code = f[1];
        let well_formed = code.len() == 3
            && code.chars().all(|c| {
                if religious {
                    c.is_ascii_uppercase()
                } else {
                    c.is_ascii_lowercase()
                }
            });
        if !well_formed {
            return Err(format!(
                "group code {code:?} must be three {} letters",
                if religious {
                    "upper-case"
                } else {
                    "lower-case"
                }
            ));
        }
        let forms = list(f[0]);
        if forms.is_empty() {
            return Err("a group needs at least one form".into());
        }
        self.groups.push(Group {
            forms,
            code: code.to_string(),
            religious,
            countries: list(f[3]),
        });
        Ok(())
    }

    fn place(&mut self, f: &[&str]) -> Result<(), String> {
        if !matches!(f[2], "city" | "region" | "area" | "island") {
            return Err(format!(
                "place kind must be city, region, area or island, not {:?}",
                f[2]
            ));
        }
        self.places.push(Place {
            name: f[0].to_string(),
            country: f[1].to_string(),
            kind: f[2].to_string(),
        });
        Ok(())
    }

    pub(crate) fn compile(self) -> Lexicon {
        // Surface forms to what they may denote; a BTreeMap keeps the build deterministic.
        let mut surfaces: BTreeMap<String, Vec<Surface>> = BTreeMap::new();
        let mut add = |s: &str, what: Surface| {
            for v in variants(s) {
                let e = surfaces.entry(v).or_default();
                if !e.contains(&what) {
                    e.push(what);
                }
            }
        };
        for (i, c) in self.countries.iter().enumerate() {
            for n in std::iter::once(&c.name).chain(&c.aliases) {
                add(n, Surface::CountryName(i));
            }
            for n in &c.demonyms {
                add(n, Surface::Demonym(i));
            }
            for n in &c.capitals {
                add(n, Surface::Capital(i));
            }
            for n in &c.seats {
                add(n, Surface::Seat(i));
            }
        }
        for (i, p) in self.people.iter().enumerate() {
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                add(n, Surface::Person(i));
            }
        }
        for (i, o) in self.organizations.iter().enumerate() {
            for n in std::iter::once(&o.name).chain(&o.aliases) {
                add(n, Surface::Organization(i));
            }
        }
        let country_of: HashMap<&str, usize> = self
            .countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.code.as_str(), i))
            .collect();
        for p in &self.places {
            // A place in a country the lexicon does not know is left out.
            if let Some(&c) = country_of.get(p.country.as_str()) {
                add(&p.name, Surface::Place(c));
            }
        }
        for (i, g) in self.groups.iter().enumerate() {
            for n in &g.forms {
                add(n, Surface::Group(i));
            }
        }
        for n in &self.not_actors {
            add(n, Surface::NotActor);
        }
        let mut role_index = StrMap::default();
        let mut max_role_words = 1;
        for (i, r) in self.roles.iter().enumerate() {
            for form in &r.forms {
                max_role_words = max_role_words.max(form.split_whitespace().count());
                role_index.insert(form.clone(), i);
            }
        }
        let mut event_index: StrMap<Vec<usize>> = StrMap::default();
        let mut max_event_words = 1;
        let mut event_reach: StrMap<usize> = StrMap::default();
        for (i, e) in self.events.iter().enumerate() {
            for form in &e.forms {
                let words = form.split_whitespace().count();
                max_event_words = max_event_words.max(words);
                event_index.entry(form.clone()).or_default().push(i);
                if let Some(first) = form.split_whitespace().next() {
                    let reach = event_reach.entry(first.to_string()).or_default();
                    *reach = (*reach).max(words);
                }
            }
        }
        let mut frame_index: StrMap<Vec<usize>> = StrMap::default();
        for (i, f) in self.frames.iter().enumerate() {
            for v in &f.verbs {
                let at = frame_index.entry(v.lemma.clone()).or_default();
                if at.last() != Some(&i) {
                    at.push(i);
                }
            }
        }
        let country_index = self
            .countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.code.clone(), i))
            .collect();
        let mut terms_by_country: StrMap<Vec<(usize, usize)>> = StrMap::default();
        for (i, p) in self.people.iter().enumerate() {
            for (k, t) in p.terms.iter().enumerate() {
                terms_by_country
                    .entry(t.country.clone())
                    .or_default()
                    .push((i, k));
            }
        }
        Lexicon {
            terms_by_country,
            countries: self.countries,
            people: self.people,
            organizations: self.organizations,
            groups: self.groups,
            roles: self.roles,
            role_index,
            max_role_words,
            country_index,
            events: self.events,
            event_index,
            frames: self.frames,
            frame_index,
            event_reach,
            max_event_words,
            matcher: Matcher::new(surfaces),
        }
    }
}

/// The forms a surface is matched in: as written, with a capital `The` for a leading `the`,
/// and with typographic apostrophes for straight ones.
fn variants(s: &str) -> Vec<String> {
    let mut out = vec![s.to_string()];
    if let Some(rest) = s.strip_prefix("the ") {
        out.push(format!("The {rest}"));
    }
    for v in out.clone() {
        if v.contains('\'') {
            out.push(v.replace('\'', "’"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surface_variants() {
        assert_eq!(variants("the Kremlin"), ["the Kremlin", "The Kremlin"]);
        assert_eq!(
            variants("People's Republic"),
            ["People's Republic", "People’s Republic"]
        );
    }

    #[test]
    fn errors_name_file_and_line() {
        let mut t = Tables::default();
        let e = t
            .add_source(
                "x.tsv",
                "# c\nforms\tsector\tkind\toffice\nboss\tGOV\tperson\n",
            )
            .unwrap_err();
        assert_eq!((e.source_name.as_str(), e.line), ("x.tsv", 3));
        let e = t.add_source("y.tsv", "what\tever\n").unwrap_err();
        assert!(e.message.contains("unknown table header"));
        let e = t
            .add_source(
                "z.tsv",
                "name\taliases\tcountry\toffice\tprimary\tstart\tend\nA B\t-\tXYZ\tking\tyes\t2020-01-01\t2019-01-01\n",
            )
            .unwrap_err();
        assert!(e.message.contains("ends before"));
    }
}
