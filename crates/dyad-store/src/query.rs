//! Reading the store: events, quotes and actors as rows, with filters.
//!
//! Filters are bound as parameters, never spliced into SQL.

use rusqlite::{Row, params_from_iter, types::Value};
use serde::Serialize;

use crate::{Store, StoreError};

/// Filters for [`Store::events`]. Empty fields do not filter.
#[derive(Clone, Debug, Default)]
pub struct EventQuery {
    /// Source or target actor: a code prefix (`RUS`, `RUSGOV`) or part of a name (`Putin`).
    pub actor: Option<String>,
    /// Source or target country (ISO alpha-3).
    pub country: Option<String>,
    /// A dyad: events between actors whose codes start with `a` and `b`, in either
    /// direction unless `directed` (then `a` is the source).
    pub a: Option<String>,
    pub b: Option<String>,
    pub directed: bool,
    /// Source actor / target actor: code prefix or part of a name.
    pub source: Option<String>,
    pub target: Option<String>,
    /// CAMEO root (`16`).
    pub root: Option<String>,
    /// CAMEO code prefix (`04`, `042`).
    pub cameo: Option<String>,
    /// PLOVER type (`CONSULT`).
    pub plover: Option<String>,
    /// GDELT QuadClass, 1 to 4.
    pub quad: Option<u8>,
    /// `negated`, `intended`, `hypothetical`, `denied`, or `none`/`asserted` for events that
    /// happened.
    pub mode: Option<String>,
    /// Only events dated on or after / before this ISO date.
    pub since: Option<String>,
    pub until: Option<String>,
    /// Words in the event's sentence.
    pub text: Option<String>,
    pub limit: Option<usize>,
    pub offset: Option<usize>,
}

/// Events of a copy of a stored story that its original already reports (same source,
/// target and code) are the original's event, reported again: they are left out of event
/// lists and counts, and counted in the original's `sources`.
pub(crate) const NOT_A_REPEAT_SQL: &str = " AND e.repeat = 0";

/// A page of events for a country code on either side, or for a dyad of country codes
/// (optionally within a date range), as index walks in date order, each stopped after the
/// rows the page needs, then merged: on a store of millions of events this reads a few
/// hundred rows instead of sorting all of the country's events. Other filters take the
/// general path.
fn one_country_page(q: &EventQuery) -> Option<(String, Vec<Value>)> {
    // Every field is named, so a new filter must decide whether it can take this path.
    let EventQuery {
        actor,
        country: None,
        a,
        b,
        directed,
        source: None,
        target: None,
        root: None,
        cameo: None,
        plover: None,
        quad: None,
        mode: None,
        since,
        until,
        text: None,
        limit: Some(limit),
        offset,
    } = q
    else {
        return None;
    };
    fn code(v: &Option<String>) -> Option<&str> {
        v.as_deref().filter(|c| is_country_code(c))
    }
    // The walks: (index, condition, its arguments).
    let walks: Vec<(&str, String, Vec<Value>)> = match (actor, a, b) {
        (Some(_), None, None) => {
            let x = code(actor)?;
            vec![
                (
                    "events_source3_date",
                    "substr(e.source_code, 1, 3) = ?".into(),
                    vec![Value::Text(x.into())],
                ),
                (
                    "events_target3_date",
                    "substr(e.target_code, 1, 3) = ?".into(),
                    vec![Value::Text(x.into())],
                ),
            ]
        }
        (None, Some(_), Some(_)) => {
            let (x, y) = (code(a)?, code(b)?);
            let pair = |s: &str, t: &str| {
                (
                    "events_dyad3_cover",
                    "substr(e.source_code, 1, 3) = ? AND substr(e.target_code, 1, 3) = ?"
                        .to_string(),
                    vec![Value::Text(s.into()), Value::Text(t.into())],
                )
            };
            if *directed || x == y {
                vec![pair(x, y)]
            } else {
                vec![pair(x, y), pair(y, x)]
            }
        }
        _ => return None,
    };
    let need = limit + offset.unwrap_or(0);
    let q = EventQuery {
        since: since.clone(),
        until: until.clone(),
        ..EventQuery::default()
    };
    let mut dates = String::new();
    let mut date_args = Vec::new();
    if let Some(s) = &q.since {
        dates.push_str(" AND e.date >= ?");
        date_args.push(Value::Text(s.clone()));
    }
    if let Some(u) = &q.until {
        dates.push_str(" AND substr(e.date, 1, length(?)) <= ?");
        date_args.extend([Value::Text(u.clone()), Value::Text(u.clone())]);
    }
    let mut parts = Vec::new();
    let mut args = Vec::new();
    for (index, condition, values) in walks {
        parts.push(format!(
            "SELECT rowid FROM (SELECT e.rowid FROM events e INDEXED BY {index}
             WHERE {condition}{dates}{NOT_A_REPEAT_SQL} ORDER BY e.date, e.rowid LIMIT {need})"
        ));
        args.extend(values);
        args.extend(date_args.clone());
    }
    let sql = format!("e.rowid IN ({})", parts.join(" UNION "));
    Some((sql, args))
}

/// How many documents report an event: its own and the copies that repeat it. The copies
/// are found through their link (`INDEXED BY`: in a store without copies the planner's
/// statistics make that index look useless, and scanning events instead is ruinous).
pub(crate) const SOURCES_SQL: &str =
    "1 + (SELECT COUNT(*) FROM documents cd INDEXED BY documents_duplicate_of
        WHERE cd.duplicate_of = e.doc_key AND EXISTS (
            SELECT 1 FROM events c WHERE c.doc_key = cd.key AND c.source_code = e.source_code
              AND c.target_code IS e.target_code AND c.cameo = e.cameo))";

/// A country-level code (`RUS`, `IGO`): three capital letters, matched through the
/// `substr(code, 1, 3)` indexes.
pub(crate) fn is_country_code(v: &str) -> bool {
    v.len() == 3 && v.bytes().all(|b| b.is_ascii_uppercase())
}

/// The condition that `e.{side}_code` starts with `v`, in the form an index can answer.
pub(crate) fn code_prefix(side: &str, v: &str) -> String {
    if is_country_code(v) {
        format!("substr(e.{side}_code, 1, 3) = ?")
    } else {
        format!("e.{side}_code LIKE ? || '%'")
    }
}

/// The SQL condition (after `WHERE 1=1`) and its parameters for an event query.
pub(crate) fn event_filter(q: &EventQuery) -> (String, Vec<Value>) {
    let mut sql = String::from(NOT_A_REPEAT_SQL);
    let mut args: Vec<Value> = Vec::new();
    let text = |v: &str| Value::Text(v.to_string());
    let actor = |sql: &mut String, args: &mut Vec<Value>, side: &str, v: &str| {
        sql.push_str(&format!(
            " AND (e.{side}_code LIKE ? || '%' OR e.{side}_name LIKE '%' || ? || '%')"
        ));
        args.push(text(v));
        args.push(text(v));
    };
    if let Some(a) = &q.actor {
        if is_country_code(a) {
            // A country code is not a name: match codes only, through the indexes.
            sql.push_str(&format!(
                " AND ({} OR {})",
                code_prefix("source", a),
                code_prefix("target", a)
            ));
            args.extend([text(a), text(a)]);
        } else {
            sql.push_str(
                " AND (e.source_code LIKE ? || '%' OR e.target_code LIKE ? || '%'
                       OR e.source_name LIKE '%' || ? || '%' OR e.target_name LIKE '%' || ? || '%')",
            );
            for _ in 0..4 {
                args.push(text(a));
            }
        }
    }
    if let Some(c) = &q.country {
        sql.push_str(" AND (e.source_country = ? OR e.target_country = ?)");
        args.push(text(c));
        args.push(text(c));
    }
    if let Some(v) = &q.source {
        actor(&mut sql, &mut args, "source", v);
    }
    if let Some(v) = &q.target {
        actor(&mut sql, &mut args, "target", v);
    }
    match (&q.a, &q.b) {
        (Some(a), Some(b)) => {
            let (sa, tb) = (code_prefix("source", a), code_prefix("target", b));
            if q.directed {
                sql.push_str(&format!(" AND ({sa} AND {tb})"));
                args.extend([text(a), text(b)]);
            } else {
                let (sb, ta) = (code_prefix("source", b), code_prefix("target", a));
                sql.push_str(&format!(" AND (({sa} AND {tb}) OR ({sb} AND {ta}))"));
                args.extend([text(a), text(b), text(b), text(a)]);
            }
        }
        (Some(x), None) | (None, Some(x)) => {
            sql.push_str(&format!(
                " AND ({} OR {})",
                code_prefix("source", x),
                code_prefix("target", x)
            ));
            args.extend([text(x), text(x)]);
        }
        (None, None) => {}
    }
    if let Some(r) = &q.root {
        sql.push_str(" AND e.root = ?");
        args.push(text(r));
    }
    if let Some(c) = &q.cameo {
        sql.push_str(" AND e.cameo LIKE ? || '%'");
        args.push(text(c));
    }
    if let Some(p) = &q.plover {
        sql.push_str(" AND e.plover = ?");
        args.push(text(&p.to_uppercase()));
    }
    if let Some(k) = q.quad {
        sql.push_str(" AND e.quad_class = ?");
        args.push(Value::Integer(i64::from(k)));
    }
    match q.mode.as_deref() {
        None => {}
        Some("none" | "asserted") => sql.push_str(" AND e.mode IS NULL"),
        Some(m) => {
            sql.push_str(" AND e.mode = ?");
            args.push(text(m));
        }
    }
    if let Some(s) = &q.since {
        sql.push_str(" AND e.date >= ?");
        args.push(text(s));
    }
    if let Some(u) = &q.until {
        // A date "until 2021-12-31" includes "2021-12-31" and anything more precise on it.
        sql.push_str(" AND substr(e.date, 1, length(?)) <= ?");
        args.extend([text(u), text(u)]);
    }
    if let Some(t) = &q.text {
        sql.push_str(&format!(" AND instr(lower({SENTENCE_SQL}), lower(?)) > 0"));
        args.push(text(t));
    }
    (sql, args)
}

/// One stored event, flattened for tables and JSON.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventRow {
    /// The event's row number in the store.
    pub id: i64,
    pub document: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    pub source: String,
    pub source_name: Option<String>,
    pub source_text: String,
    pub source_country: Option<String>,
    pub target: Option<String>,
    pub target_name: Option<String>,
    pub target_text: Option<String>,
    pub target_country: Option<String>,
    pub cameo: String,
    pub plover: Option<String>,
    pub mode: Option<String>,
    pub goldstein: f64,
    pub quad_class: u8,
    pub trigger: String,
    pub trigger_span: [usize; 2],
    pub sentence: String,
    /// Documents reporting the event: its own plus the near-duplicate copies that repeat it.
    pub sources: u64,
}

/// One stored quote.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuoteRow {
    pub document: String,
    pub speaker: Option<String>,
    pub speaker_name: Option<String>,
    pub speaker_text: Option<String>,
    pub cue: Option<String>,
    pub text: String,
    pub span: [usize; 2],
}

/// One actor with how often it is mentioned.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActorRow {
    pub code: String,
    pub name: Option<String>,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub kind: String,
    pub mentions: u64,
    pub documents: u64,
}

/// How much the store holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub documents: u64,
    pub events: u64,
    pub quotes: u64,
    pub mentions: u64,
    pub failures: u64,
    /// Documents linked to an earlier copy of the same story.
    pub duplicates: u64,
}

/// The bytes `start..end` of a document's text, as text (SQLite's substr counts characters
/// on TEXT, so the text is cut as a BLOB).
pub(crate) const SENTENCE_SQL: &str = "CAST(substr(CAST(d.text AS BLOB), e.sentence_start + 1, e.sentence_end - e.sentence_start) AS TEXT)";

impl Store {
    /// Events matching `q`, by date, document and order in the document.
    pub fn events(&self, q: &EventQuery) -> Result<Vec<EventRow>, StoreError> {
        let (selection, mut args) = match one_country_page(q) {
            Some(fast) => fast,
            None => {
                let (filter, args) = event_filter(q);
                (format!("1=1{filter}"), args)
            }
        };
        let sql = format!(
            "SELECT e.rowid, d.id, d.title, d.url, e.date, e.source_code, e.source_name,
                    e.source_text, e.source_country, e.target_code, e.target_name,
                    e.target_text, e.target_country, e.cameo, e.plover, e.mode, e.goldstein,
                    e.quad_class, e.trigger_text, e.trigger_start, e.trigger_end,
                    {SENTENCE_SQL}, {SOURCES_SQL}
             FROM events e JOIN documents d ON d.key = e.doc_key WHERE {selection}
             ORDER BY e.date, e.rowid LIMIT ? OFFSET ?"
        );
        args.push(Value::Integer(q.limit.map(|l| l as i64).unwrap_or(-1)));
        args.push(Value::Integer(q.offset.unwrap_or(0) as i64));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), event_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many events match `q` (ignoring its limit and offset).
    pub fn count_events(&self, q: &EventQuery) -> Result<u64, StoreError> {
        let (filter, args) = event_filter(q);
        let needs_documents = q.text.is_some();
        let sql = if needs_documents {
            format!(
                "SELECT COUNT(*) FROM events e JOIN documents d ON d.key = e.doc_key WHERE 1=1{filter}"
            )
        } else {
            format!("SELECT COUNT(*) FROM events e WHERE 1=1{filter}")
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        Ok(stmt.query_row(params_from_iter(args), |r| r.get::<_, i64>(0))? as u64)
    }

    /// Quotes, optionally by speaker (code prefix or part of a name) or containing `text`.
    pub fn quotes(
        &self,
        speaker: Option<&str>,
        text: Option<&str>,
        limit: Option<usize>,
    ) -> Result<Vec<QuoteRow>, StoreError> {
        let mut sql = String::from(
            "SELECT d.id, q.speaker_code, q.speaker_name, q.speaker_text, q.cue, q.text, q.start, q.end
             FROM quotes q JOIN documents d ON d.key = q.doc_key WHERE 1=1",
        );
        let mut args: Vec<Value> = Vec::new();
        if let Some(s) = speaker {
            sql.push_str(
                " AND (q.speaker_code LIKE ? || '%' OR q.speaker_name LIKE '%' || ? || '%')",
            );
            args.push(Value::Text(s.to_string()));
            args.push(Value::Text(s.to_string()));
        }
        if let Some(t) = text {
            sql.push_str(" AND q.text LIKE '%' || ? || '%'");
            args.push(Value::Text(t.to_string()));
        }
        sql.push_str(" ORDER BY d.id, q.seq LIMIT ?");
        args.push(Value::Integer(limit.map(|l| l as i64).unwrap_or(-1)));
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), |r| {
            Ok(QuoteRow {
                document: r.get(0)?,
                speaker: r.get(1)?,
                speaker_name: r.get(2)?,
                speaker_text: r.get(3)?,
                cue: r.get(4)?,
                text: r.get(5)?,
                span: [r.get::<_, i64>(6)? as usize, r.get::<_, i64>(7)? as usize],
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Actors by number of mentions, optionally those whose code starts with or whose name
    /// contains `filter`.
    pub fn actors(
        &self,
        filter: Option<&str>,
        limit: Option<usize>,
    ) -> Result<Vec<ActorRow>, StoreError> {
        let mut sql = String::from(
            "SELECT code, name, country, sector, kind, COUNT(*), COUNT(DISTINCT doc_key)
             FROM mentions WHERE 1=1",
        );
        let mut args: Vec<Value> = Vec::new();
        if let Some(f) = filter {
            sql.push_str(" AND (code LIKE ? || '%' OR name LIKE '%' || ? || '%')");
            args.push(Value::Text(f.to_string()));
            args.push(Value::Text(f.to_string()));
        }
        sql.push_str(
            " GROUP BY code, name, country, sector, kind
              ORDER BY COUNT(*) DESC, code, name LIMIT ?",
        );
        args.push(Value::Integer(limit.map(|l| l as i64).unwrap_or(-1)));
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), |r| {
            Ok(ActorRow {
                code: r.get(0)?,
                name: r.get(1)?,
                country: r.get(2)?,
                sector: r.get(3)?,
                kind: r.get(4)?,
                mentions: r.get::<_, i64>(5)? as u64,
                documents: r.get::<_, i64>(6)? as u64,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many documents, events, quotes, mentions and failed inputs the store holds.
    pub fn totals(&self) -> Result<Totals, StoreError> {
        let count = |table: &str| -> Result<u64, StoreError> {
            Ok(self
                .conn
                .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| {
                    r.get::<_, i64>(0)
                })? as u64)
        };
        Ok(Totals {
            documents: count("documents")?,
            events: count("events")?,
            quotes: count("quotes")?,
            mentions: count("mentions")?,
            failures: count("failures")?,
            duplicates: self.conn.query_row(
                "SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL",
                [],
                |r| r.get::<_, i64>(0),
            )? as u64,
        })
    }
}

fn event_row(r: &Row) -> rusqlite::Result<EventRow> {
    Ok(EventRow {
        id: r.get(0)?,
        document: r.get(1)?,
        title: r.get(2)?,
        url: r.get(3)?,
        date: r.get(4)?,
        source: r.get(5)?,
        source_name: r.get(6)?,
        source_text: r.get(7)?,
        source_country: r.get(8)?,
        target: r.get(9)?,
        target_name: r.get(10)?,
        target_text: r.get(11)?,
        target_country: r.get(12)?,
        cameo: r.get(13)?,
        plover: r.get(14)?,
        mode: r.get(15)?,
        goldstein: r.get(16)?,
        quad_class: r.get::<_, i64>(17)? as u8,
        trigger: r.get(18)?,
        trigger_span: [r.get::<_, i64>(19)? as usize, r.get::<_, i64>(20)? as usize],
        sentence: r.get(21)?,
        sources: r.get::<_, i64>(22)? as u64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_model::*;

    fn mention(text: &str, start: usize, code: &str, name: &str) -> Mention {
        Mention {
            text: text.into(),
            span: Span::new(start, start + text.len()),
            actor: Actor {
                code: code.into(),
                name: Some(name.into()),
                country: Some(code[..3].into()),
                sector: Some("GOV".into()),
                kind: ActorKind::Person,
            },
        }
    }

    fn sample() -> CodedDocument {
        let text = "“Très bien,” said Putin. Putin met Xi in Beijing.";
        let start = text.find("Putin met").unwrap();
        let putin = mention("Putin", start, "RUSGOV", "Vladimir Putin");
        let xi = mention("Xi", text.find("Xi").unwrap(), "CHNGOV", "Xi Jinping");
        let met = text.find("met").unwrap();
        CodedDocument {
            document: Document {
                id: "doc-1".into(),
                text: text.into(),
                ..Default::default()
            },
            actors: vec![putin.clone(), xi.clone()],
            events: vec![Event {
                source: putin.clone(),
                target: Some(xi),
                cameo: "040".into(),
                plover: Some("CONSULT".into()),
                mode: None,
                goldstein: 1.0,
                quad_class: 1,
                date: Some(DateValue {
                    value: "2021-12-15".into(),
                    source: DateSource::Published,
                }),
                place: None,
                trigger: Evidence {
                    text: "met".into(),
                    span: Span::new(met, met + 3),
                },
                sentence: Span::new(start, text.len()),
            }],
            quotes: vec![Quote {
                text: "Très bien,".into(),
                span: Span::new(3, 14),
                kind: QuoteKind::Direct,
                speaker: Some(putin),
                cue: Some("said".into()),
                via: None,
            }],
            ..Default::default()
        }
    }

    #[test]
    fn round_trip_and_filters() {
        let mut s = Store::open_in_memory().unwrap();
        let o = s.write_batch(&[sample()]).unwrap();
        assert_eq!((o.documents, o.events, o.quotes, o.actors), (1, 1, 1, 2));
        let all = s.events(&EventQuery::default()).unwrap();
        assert_eq!(all.len(), 1);
        let e = &all[0];
        assert_eq!(
            (e.source.as_str(), e.target.as_deref(), e.cameo.as_str()),
            ("RUSGOV", Some("CHNGOV"), "040")
        );
        // The sentence is cut by bytes, across multi-byte characters before it.
        assert_eq!(e.sentence, "Putin met Xi in Beijing.");
        for (actor, n) in [("RUS", 1), ("CHNGOV", 1), ("Jinping", 1), ("USA", 0)] {
            let q = EventQuery {
                actor: Some(actor.into()),
                ..Default::default()
            };
            assert_eq!(s.events(&q).unwrap().len(), n, "{actor}");
        }
        let q = EventQuery {
            cameo: Some("19".into()),
            ..Default::default()
        };
        assert!(s.events(&q).unwrap().is_empty());
        let q = EventQuery {
            mode: Some("none".into()),
            since: Some("2021-12-01".into()),
            ..Default::default()
        };
        assert_eq!(s.events(&q).unwrap().len(), 1);
        let quotes = s.quotes(Some("Putin"), None, None).unwrap();
        assert_eq!(quotes[0].text, "Très bien,");
        let actors = s.actors(None, None).unwrap();
        assert_eq!(actors.len(), 2);
        assert!(
            s.actors(Some("'; DROP TABLE events; --"), None)
                .unwrap()
                .is_empty()
        );
        assert_eq!(s.totals().unwrap().events, 1);
    }

    #[test]
    fn idempotent_and_failures_once() {
        let mut s = Store::open_in_memory().unwrap();
        let failed = CodedDocument::failed("bad.bin", vec!["input looks binary".into()]);
        let o1 = s.write_batch(&[sample(), failed.clone()]).unwrap();
        let o2 = s.write_batch(&[sample(), failed]).unwrap();
        assert_eq!((o1.documents, o1.failures), (1, 1));
        assert_eq!(
            (o2.documents, o2.unchanged, o2.failures, o2.events),
            (0, 1, 0, 0)
        );
        let t = s.totals().unwrap();
        assert_eq!((t.documents, t.events, t.failures), (1, 1, 1));
    }

    #[test]
    fn copies_are_linked_to_their_original() {
        let story = "Russian President Vladimir Putin and Chinese leader Xi Jinping held a video call on \
            Wednesday, stressing the unprecedented level of relations between their countries. Putin said he \
            hoped to meet Xi in person in February when he visits Beijing for the opening of the Winter Olympics.";
        let doc = |id: &str, text: &str| {
            CodedDocument::from_document(Document {
                id: id.into(),
                text: text.into(),
                ..Default::default()
            })
        };
        let mut s = Store::open_in_memory().unwrap();
        let o = s
            .write_batch(&[
                doc("dw", story),
                doc("blog", &format!("{story} Leave a reply.")),
                doc("other", "Brazil and India signed agreements on agriculture, energy and space on Tuesday in New Delhi."),
            ])
            .unwrap();
        assert_eq!((o.documents, o.duplicates), (3, 1));
        let o = s
            .write_batch(&[doc(
                "agency",
                &story.replace("Wednesday", "Wednesday night"),
            )])
            .unwrap();
        assert_eq!(o.duplicates, 1);
        let original: String = s
            .conn
            .query_row(
                "SELECT duplicate_of FROM documents WHERE id = 'agency'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let dw: String = s
            .conn
            .query_row("SELECT key FROM documents WHERE id = 'dw'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(
            original, dw,
            "linked to the first copy, not to another copy"
        );
        assert_eq!(s.totals().unwrap().duplicates, 2);
    }

    #[test]
    fn reopening_keeps_data_and_version() {
        let path = std::env::temp_dir().join(format!("dyad-store-test-{}.db", std::process::id()));
        let _ = std::fs::remove_file(&path);
        {
            let mut s = Store::open(&path).unwrap();
            s.write_batch(&[sample()]).unwrap();
        }
        let s = Store::open(&path).unwrap();
        assert_eq!(s.version().unwrap(), crate::schema::VERSION);
        assert_eq!(s.totals().unwrap().documents, 1);
        drop(s);
        for ext in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
        }
    }
}
