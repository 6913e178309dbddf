//! Reading the store for people: a dyad's relations over time, one document with all its
//! evidence, and quotes page by page.
//!
//! `relations` is the standard way to chart a dyad: per period, event counts by GDELT
//! QuadClass and the sum and mean of the Goldstein scores. Events of near-duplicate copies
//! that repeat their original's events are counted once, as in event lists.

use rusqlite::{OptionalExtension, params, params_from_iter, types::Value};
use serde::Serialize;
use serde_json::{Value as Json, json};

use crate::{Store, StoreError};

/// The length of a period in a relations series.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Day,
    /// ISO 8601 weeks (`2021-W49`).
    Week,
    Month,
    Year,
}

impl std::str::FromStr for Period {
    type Err = String;
    fn from_str(s: &str) -> Result<Period, String> {
        match s {
            "day" => Ok(Period::Day),
            "week" => Ok(Period::Week),
            "month" => Ok(Period::Month),
            "year" => Ok(Period::Year),
            _ => Err(format!(
                "unknown period {s:?}: use day, week, month or year"
            )),
        }
    }
}

impl Period {
    /// The SQL expression of an event's period, and the shortest date that has one.
    fn sql(self) -> (&'static str, i64) {
        match self {
            Period::Day => ("substr(e.date, 1, 10)", 10),
            Period::Week => ("strftime('%G-W%V', substr(e.date, 1, 10))", 10),
            Period::Month => ("substr(e.date, 1, 7)", 7),
            Period::Year => ("substr(e.date, 1, 4)", 4),
        }
    }
}

/// One period of a dyad's relations.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PeriodCounts {
    pub period: String,
    pub events: u64,
    /// Events of QuadClass 1 (verbal cooperation) to 4 (material conflict).
    pub q1: u64,
    pub q2: u64,
    pub q3: u64,
    pub q4: u64,
    pub goldstein_sum: f64,
    pub goldstein_mean: Option<f64>,
}

/// One stored quote, with its document and speakers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuoteView {
    pub document_id: String,
    pub title: Option<String>,
    pub text: String,
    pub span: [usize; 2],
    pub kind: String,
    pub cue: Option<String>,
    pub speaker: Option<Json>,
    pub via: Option<Json>,
}

impl Store {
    /// Events between actors `a` and `b` (code prefixes: `RUS`, `RUSGOV`) per period, in
    /// either direction unless `directed` (then `a` is the source). Periods without events
    /// are left out; events without a date precise enough for the period too.
    pub fn relations(
        &self,
        a: &str,
        b: &str,
        by: Period,
        directed: bool,
    ) -> Result<Vec<PeriodCounts>, StoreError> {
        if by == Period::Month
            && crate::query::is_country_code(a)
            && crate::query::is_country_code(b)
        {
            return self.monthly_relations(a, b, directed);
        }
        let (period, min_len) = by.sql();
        // One walk of the dyad index per direction, each reading only the index (it holds
        // date, repeat flag, QuadClass and Goldstein score), then one aggregation.
        let side = |from: (u8, &str), to: (u8, &str)| {
            let cond = |col: &str, (n, v): (u8, &str)| {
                crate::query::code_prefix(col, v).replacen('?', &format!("?{n}"), 1)
            };
            format!(
                "SELECT {period} AS p, e.quad_class AS q, e.goldstein AS g FROM events e
                 WHERE {} AND {} AND e.date IS NOT NULL AND length(e.date) >= ?3{repeat}",
                cond("source", from),
                cond("target", to),
                repeat = crate::query::NOT_A_REPEAT_SQL,
            )
        };
        let mut parts = vec![side((1, a), (2, b))];
        if !directed && a != b {
            parts.push(side((2, b), (1, a)));
        }
        let sql = format!(
            "SELECT p, COUNT(*), SUM(q = 1), SUM(q = 2), SUM(q = 3), SUM(q = 4), SUM(g), AVG(g)
             FROM ({}) GROUP BY p HAVING p IS NOT NULL ORDER BY p",
            parts.join(" UNION ALL ")
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![a, b, min_len], |r| {
            let n = |i: usize| -> rusqlite::Result<u64> {
                Ok(r.get::<_, Option<i64>>(i)?.unwrap_or(0) as u64)
            };
            Ok(PeriodCounts {
                period: r.get(0)?,
                events: n(1)?,
                q1: n(2)?,
                q2: n(3)?,
                q3: n(4)?,
                q4: n(5)?,
                goldstein_sum: r.get::<_, Option<f64>>(6)?.unwrap_or(0.0),
                goldstein_mean: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The monthly series of two country codes, from the counts kept by every write.
    fn monthly_relations(
        &self,
        a: &str,
        b: &str,
        directed: bool,
    ) -> Result<Vec<PeriodCounts>, StoreError> {
        let reverse = if directed || a == b {
            ""
        } else {
            " OR (source3 = ?2 AND target3 = ?1)"
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT month, SUM(events), SUM(q1), SUM(q2), SUM(q3), SUM(q4), SUM(goldstein_sum)
             FROM dyad_months WHERE (source3 = ?1 AND target3 = ?2){reverse}
             GROUP BY month ORDER BY month"
        ))?;
        let rows = stmt.query_map(params![a, b], |r| {
            let n = |i: usize| -> rusqlite::Result<u64> { Ok(r.get::<_, i64>(i)? as u64) };
            let events = n(1)?;
            let sum: f64 = r.get(6)?;
            Ok(PeriodCounts {
                period: r.get(0)?,
                events,
                q1: n(2)?,
                q2: n(3)?,
                q3: n(4)?,
                q4: n(5)?,
                goldstein_sum: sum,
                goldstein_mean: (events > 0).then(|| sum / events as f64),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Quotes by speaker (code prefix or part of a name; also matches who relayed them)
    /// and text, a page at a time, with the total.
    pub fn quotes_page(
        &self,
        speaker: Option<&str>,
        text: Option<&str>,
        limit: usize,
        offset: usize,
    ) -> Result<(u64, Vec<QuoteView>), StoreError> {
        let mut filter = String::new();
        let mut args: Vec<Value> = Vec::new();
        if let Some(s) = speaker {
            filter.push_str(
                " AND (q.speaker_code LIKE ? || '%' OR q.speaker_name LIKE '%' || ? || '%'
                       OR q.speaker_text LIKE '%' || ? || '%')",
            );
            for _ in 0..3 {
                args.push(Value::Text(s.to_string()));
            }
        }
        if let Some(t) = text {
            filter.push_str(" AND instr(lower(q.text), lower(?)) > 0");
            args.push(Value::Text(t.to_string()));
        }
        let total: i64 = self.conn.query_row(
            &format!("SELECT COUNT(*) FROM quotes q WHERE 1=1{filter}"),
            params_from_iter(args.iter()),
            |r| r.get(0),
        )?;
        args.push(Value::Integer(limit as i64));
        args.push(Value::Integer(offset as i64));
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT d.id, d.title, q.text, q.start, q.end, q.kind, q.cue,
                    q.speaker_code, q.speaker_name, q.speaker_text, q.via_code, q.via_name, q.via_text
             FROM quotes q JOIN documents d ON d.key = q.doc_key WHERE 1=1{filter}
             ORDER BY d.published, d.id, q.seq LIMIT ? OFFSET ?"
        ))?;
        let rows = stmt.query_map(params_from_iter(args), |r| {
            let who = |i: usize| -> rusqlite::Result<Option<Json>> {
                let code: Option<String> = r.get(i)?;
                Ok(code.map(|code| {
                    json!({"code": code, "name": r.get::<_, Option<String>>(i + 1).ok().flatten(),
                           "text": r.get::<_, Option<String>>(i + 2).ok().flatten()})
                }))
            };
            Ok(QuoteView {
                document_id: r.get(0)?,
                title: r.get(1)?,
                text: r.get(2)?,
                span: [r.get::<_, i64>(3)? as usize, r.get::<_, i64>(4)? as usize],
                kind: r.get(5)?,
                cue: r.get(6)?,
                speaker: who(7)?,
                via: who(10)?,
            })
        })?;
        Ok((total as u64, rows.collect::<Result<_, _>>()?))
    }

    /// One document as `dyad code` printed it (without places), plus `copies` (ids of
    /// near-duplicates linked to it) and `original` (the id it copies). `None` if no
    /// document has this id.
    pub fn document(&self, id: &str) -> Result<Option<Json>, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT key, id, url, title, site, byline, published, published_source, language,
                        text, errors, (SELECT o.id FROM documents o WHERE o.key = d.duplicate_of)
                 FROM documents d WHERE id = ?1 ORDER BY rowid LIMIT 1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        json!({
                            "id": r.get::<_, String>(1)?,
                            "url": r.get::<_, Option<String>>(2)?,
                            "title": r.get::<_, Option<String>>(3)?,
                            "site": r.get::<_, Option<String>>(4)?,
                            "byline": r.get::<_, Option<String>>(5)?,
                            "published": r.get::<_, Option<String>>(6)?.map(|v| json!({
                                "value": v,
                                "source": r.get::<_, Option<String>>(7).ok().flatten(),
                            })),
                            "language": r.get::<_, Option<String>>(8)?,
                            "text": r.get::<_, String>(9)?,
                            "errors": r.get::<_, Option<String>>(10)?
                                .map(|e| e.lines().map(str::to_string).collect::<Vec<_>>())
                                .unwrap_or_default(),
                            "original": r.get::<_, Option<String>>(11)?,
                        }),
                    ))
                },
            )
            .optional()?;
        let Some((key, mut doc)) = row else {
            return Ok(None);
        };
        let span = |r: &rusqlite::Row, i: usize| -> rusqlite::Result<Json> {
            Ok(json!([r.get::<_, i64>(i)?, r.get::<_, i64>(i + 1)?]))
        };
        let actor = |r: &rusqlite::Row, i: usize| -> rusqlite::Result<Json> {
            // text, start, end, code, name, country, sector
            Ok(json!({
                "text": r.get::<_, String>(i)?,
                "span": span(r, i + 1)?,
                "code": r.get::<_, String>(i + 3)?,
                "name": r.get::<_, Option<String>>(i + 4)?,
                "country": r.get::<_, Option<String>>(i + 5)?,
                "sector": r.get::<_, Option<String>>(i + 6)?,
            }))
        };
        let collect = |sql: &str, f: &dyn Fn(&rusqlite::Row) -> rusqlite::Result<Json>| {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let rows = stmt.query_map([&key], |r| f(r))?;
            rows.collect::<Result<Vec<Json>, _>>()
        };
        let actors = collect(
            "SELECT text, start, end, code, name, country, sector, kind FROM mentions
             WHERE doc_key = ?1 ORDER BY start, rowid",
            &|r| {
                let mut m = actor(r, 0)?;
                m["kind"] = json!(r.get::<_, String>(7)?);
                Ok(m)
            },
        )?;
        let events = collect(
            "SELECT source_text, source_start, source_end, source_code, source_name,
                    source_country, source_sector,
                    target_text, target_start, target_end, target_code, target_name,
                    target_country, target_sector,
                    cameo, plover, mode, goldstein, quad_class, date, date_source,
                    trigger_text, trigger_start, trigger_end, sentence_start, sentence_end
             FROM events WHERE doc_key = ?1 ORDER BY seq",
            &|r| {
                let target = match r.get::<_, Option<String>>(7)? {
                    Some(_) => actor(r, 7)?,
                    None => Json::Null,
                };
                Ok(json!({
                    "source": actor(r, 0)?,
                    "target": target,
                    "cameo": r.get::<_, String>(14)?,
                    "plover": r.get::<_, Option<String>>(15)?,
                    "mode": r.get::<_, Option<String>>(16)?,
                    "goldstein": r.get::<_, f64>(17)?,
                    "quad_class": r.get::<_, i64>(18)?,
                    "date": r.get::<_, Option<String>>(19)?.map(|v| json!({
                        "value": v, "source": r.get::<_, Option<String>>(20).ok().flatten()
                    })),
                    "place": Json::Null,
                    "trigger": {"text": r.get::<_, String>(21)?, "span": span(r, 22)?},
                    "sentence": span(r, 24)?,
                }))
            },
        )?;
        let quotes = collect(
            "SELECT text, start, end, kind, cue, speaker_code, speaker_name, speaker_text,
                    speaker_start, speaker_end, via_code, via_name, via_text
             FROM quotes WHERE doc_key = ?1 ORDER BY seq",
            &|r| {
                let speaker = match r.get::<_, Option<String>>(5)? {
                    Some(code) => json!({
                        "code": code,
                        "name": r.get::<_, Option<String>>(6)?,
                        "text": r.get::<_, Option<String>>(7)?,
                        "span": match (r.get::<_, Option<i64>>(8)?, r.get::<_, Option<i64>>(9)?) {
                            (Some(s), Some(e)) => json!([s, e]),
                            _ => Json::Null,
                        },
                    }),
                    None => Json::Null,
                };
                let via = match r.get::<_, Option<String>>(10)? {
                    Some(code) => json!({
                        "code": code,
                        "name": r.get::<_, Option<String>>(11)?,
                        "text": r.get::<_, Option<String>>(12)?,
                    }),
                    None => Json::Null,
                };
                Ok(json!({
                    "text": r.get::<_, String>(0)?,
                    "span": span(r, 1)?,
                    "kind": r.get::<_, String>(3)?,
                    "cue": r.get::<_, Option<String>>(4)?,
                    "speaker": speaker,
                    "via": via,
                }))
            },
        )?;
        let times = collect(
            "SELECT text, start, end, value, type FROM times WHERE doc_key = ?1 ORDER BY start",
            &|r| {
                Ok(json!({
                    "text": r.get::<_, String>(0)?,
                    "span": span(r, 1)?,
                    "value": r.get::<_, String>(3)?,
                    "type": r.get::<_, String>(4)?,
                }))
            },
        )?;
        let copies = collect(
            "SELECT id FROM documents WHERE duplicate_of = ?1 ORDER BY id",
            &|r| Ok(json!(r.get::<_, String>(0)?)),
        )?;
        doc["actors"] = json!(actors);
        doc["events"] = json!(events);
        doc["quotes"] = json!(quotes);
        doc["times"] = json!(times);
        doc["copies"] = json!(copies);
        Ok(Some(doc))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EventQuery, ExportFormat, export_events};
    use dyad_model::*;

    const STORY: &str = "Russian President Vladimir Putin and Chinese leader Xi Jinping held a video call on \
        Wednesday, stressing the unprecedented level of relations between their countries. Putin said he \
        hoped to meet Xi in person in February when he visits Beijing for the opening of the Winter Olympics.";

    fn actor(text: &str, at: &str, code: &str, name: &str) -> Mention {
        let start = at.find(text).expect("actor in text");
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

    /// The story as `id`, with `extra` after it, coded with one consultation and one
    /// intended meeting.
    fn story(id: &str, extra: &str) -> CodedDocument {
        let text = format!("{STORY}{extra}");
        let putin = actor("Vladimir Putin", &text, "RUSGOV", "Vladimir Putin");
        let xi = actor("Xi Jinping", &text, "CHNGOV", "Xi Jinping");
        let call = text.find("video call").expect("trigger");
        let meet = text.find("meet").expect("trigger");
        let end_of_first = text.find(". ").expect("two sentences") + 1;
        let event =
            |cameo: &str, mode: Option<Mode>, trigger: usize, len: usize, date: &str| Event {
                source: putin.clone(),
                target: Some(xi.clone()),
                cameo: cameo.into(),
                plover: Some("CONSULT".into()),
                mode,
                goldstein: if cameo == "040" { 1.0 } else { 4.0 },
                quad_class: 1,
                date: Some(DateValue {
                    value: date.into(),
                    source: DateSource::Published,
                }),
                place: None,
                trigger: Evidence {
                    text: text[trigger..trigger + len].into(),
                    span: Span::new(trigger, trigger + len),
                },
                sentence: if trigger < end_of_first {
                    Span::new(0, end_of_first)
                } else {
                    Span::new(end_of_first + 1, text.len())
                },
            };
        CodedDocument {
            document: Document {
                id: id.into(),
                title: Some("Putin and Xi".into()),
                text: text.clone(),
                ..Default::default()
            },
            actors: vec![putin.clone(), xi.clone()],
            events: vec![
                event("040", None, call, 10, "2021-12-15"),
                event("036", Some(Mode::Intended), meet, 4, "2022-02"),
            ],
            quotes: Vec::new(),
            times: vec![Timex {
                text: "February".into(),
                span: Span::new(
                    text.find("February").expect("time"),
                    text.find("February").expect("time") + 8,
                ),
                kind: "DATE".into(),
                value: "2022-02".into(),
            }],
            errors: Vec::new(),
        }
    }

    fn store() -> Store {
        let mut s = Store::open_in_memory().expect("store");
        let o = s
            .write_batch(&[story("dw", ""), story("blog", " Leave a reply.")])
            .expect("written");
        assert_eq!((o.documents, o.duplicates), (2, 1));
        s
    }

    #[test]
    fn copies_repeat_events_once_with_a_source_count() {
        let s = store();
        let all = s.events(&EventQuery::default()).expect("events");
        assert_eq!(all.len(), 2, "the blog copy's events are the original's");
        assert!(all.iter().all(|e| e.sources == 2 && e.document == "dw"));
        assert_eq!(s.count_events(&EventQuery::default()).expect("count"), 2);
    }

    #[test]
    fn event_filters() {
        let s = store();
        let count = |q: EventQuery| s.count_events(&q).expect("count");
        assert_eq!(
            count(EventQuery {
                root: Some("04".into()),
                ..Default::default()
            }),
            1
        );
        assert_eq!(
            count(EventQuery {
                quad: Some(1),
                plover: Some("consult".into()),
                ..Default::default()
            }),
            2
        );
        assert_eq!(
            count(EventQuery {
                mode: Some("asserted".into()),
                ..Default::default()
            }),
            1
        );
        assert_eq!(
            count(EventQuery {
                mode: Some("intended".into()),
                ..Default::default()
            }),
            1
        );
        assert_eq!(
            count(EventQuery {
                a: Some("CHN".into()),
                b: Some("RUS".into()),
                ..Default::default()
            }),
            2
        );
        assert_eq!(
            count(EventQuery {
                a: Some("CHN".into()),
                b: Some("RUS".into()),
                directed: true,
                ..Default::default()
            }),
            0
        );
        assert_eq!(
            count(EventQuery {
                country: Some("CHN".into()),
                ..Default::default()
            }),
            2
        );
        assert_eq!(
            count(EventQuery {
                source: Some("Putin".into()),
                ..Default::default()
            }),
            2
        );
        assert_eq!(
            count(EventQuery {
                target: Some("Putin".into()),
                ..Default::default()
            }),
            0
        );
        assert_eq!(
            count(EventQuery {
                text: Some("winter olympics".into()),
                ..Default::default()
            }),
            1
        );
        assert_eq!(
            count(EventQuery {
                until: Some("2021-12-31".into()),
                ..Default::default()
            }),
            1
        );
        assert_eq!(
            count(EventQuery {
                since: Some("2022-01-01".into()),
                ..Default::default()
            }),
            1
        );
        let page = s
            .events(&EventQuery {
                limit: Some(1),
                offset: Some(1),
                ..Default::default()
            })
            .expect("page");
        assert_eq!(page.len(), 1);
        assert_eq!(page[0].cameo, "036");
        // A country code on either side takes the indexed path; it must agree with the
        // general one (a longer code prefix).
        let fast = |actor: &str, offset| {
            s.events(&EventQuery {
                actor: Some(actor.into()),
                limit: Some(1),
                offset: Some(offset),
                ..Default::default()
            })
            .expect("page")
        };
        for offset in 0..3 {
            assert_eq!(
                fast("CHN", offset),
                fast("CHNGOV", offset),
                "offset {offset}"
            );
        }
        assert_eq!(fast("CHN", 0).len(), 1);
        let dyad = |a: &str, b: &str, directed: bool| {
            s.events(&EventQuery {
                a: Some(a.into()),
                b: Some(b.into()),
                directed,
                limit: Some(5),
                ..Default::default()
            })
            .expect("page")
        };
        assert_eq!(dyad("CHN", "RUS", false), dyad("CHNGOV", "RUSGOV", false));
        assert_eq!(dyad("RUS", "CHN", true), dyad("RUSGOV", "CHNGOV", true));
        assert_eq!(dyad("RUS", "CHN", true).len(), 2);
        assert!(dyad("CHN", "RUS", true).is_empty());
    }

    #[test]
    fn relations_by_month_and_week() {
        let s = store();
        let months = s
            .relations("RUS", "CHN", Period::Month, false)
            .expect("series");
        // The kept monthly counts agree with counting the events (a longer code prefix).
        assert_eq!(
            months,
            s.relations("RUSGOV", "CHNGOV", Period::Month, false)
                .expect("series")
        );
        assert_eq!(
            s.relations("RUS", "CHN", Period::Month, true)
                .expect("series"),
            s.relations("RUSGOV", "CHNGOV", Period::Month, true)
                .expect("series")
        );
        assert_eq!(
            months
                .iter()
                .map(|p| (p.period.as_str(), p.events, p.q1))
                .collect::<Vec<_>>(),
            [("2021-12", 1, 1), ("2022-02", 1, 1)]
        );
        assert_eq!(months[0].goldstein_mean, Some(1.0));
        // 15 December 2021 is in ISO week 50; "2022-02" has no day, so no week.
        let weeks = s
            .relations("RUS", "CHN", Period::Week, false)
            .expect("series");
        assert_eq!(
            weeks.iter().map(|p| p.period.as_str()).collect::<Vec<_>>(),
            ["2021-W50"]
        );
        assert!(
            s.relations("CHN", "RUS", Period::Month, true)
                .expect("series")
                .is_empty()
        );
        assert_eq!(
            s.relations("CHN", "RUS", Period::Year, false)
                .expect("series")
                .len(),
            2
        );
        assert!("fortnight".parse::<Period>().is_err());
    }

    #[test]
    fn a_document_with_its_evidence_and_copies() {
        let s = store();
        let doc = s.document("dw").expect("query").expect("stored");
        assert_eq!(doc["title"], "Putin and Xi");
        assert_eq!(doc["events"][0]["trigger"]["text"], "video call");
        assert_eq!(doc["events"][1]["mode"], "intended");
        assert_eq!(doc["actors"][0]["code"], "RUSGOV");
        assert_eq!(doc["times"][0]["value"], "2022-02");
        assert_eq!(doc["copies"], serde_json::json!(["blog"]));
        let blog = s.document("blog").expect("query").expect("stored");
        assert_eq!(blog["original"], "dw");
        assert!(s.document("nothing").expect("query").is_none());
    }

    #[test]
    fn exports() {
        let s = store();
        let mut gdelt = Vec::new();
        let n = export_events(
            &s,
            &EventQuery::default(),
            ExportFormat::Gdelt,
            "20261128000000",
            &mut gdelt,
        )
        .expect("export");
        assert_eq!(n, 1, "GDELT rows are events that happened");
        let line = String::from_utf8(gdelt).expect("UTF-8");
        let cols: Vec<&str> = line.trim_end().split('\t').collect();
        assert_eq!(cols.len(), 61);
        assert_eq!(&cols[1..4], ["20211215", "202112", "2021"]);
        assert_eq!((cols[5], cols[7], cols[12]), ("RUSGOV", "RUS", "GOV"));
        assert_eq!((cols[15], cols[25]), ("CHNGOV", "1"));
        assert_eq!(
            &cols[26..35],
            ["040", "040", "04", "1", "1.0", "2", "2", "2", ""]
        );
        assert_eq!(cols[59], "20261128000000");

        let mut csv = Vec::new();
        export_events(&s, &EventQuery::default(), ExportFormat::Csv, "", &mut csv).expect("export");
        let csv = String::from_utf8(csv).expect("UTF-8");
        assert_eq!(csv.lines().count(), 3);
        assert!(csv.lines().nth(2).expect("row").contains(",intended,"));

        let mut plover = Vec::new();
        export_events(
            &s,
            &EventQuery::default(),
            ExportFormat::Plover,
            "",
            &mut plover,
        )
        .expect("export");
        let first: serde_json::Value = serde_json::from_str(
            String::from_utf8(plover)
                .expect("UTF-8")
                .lines()
                .next()
                .expect("a line"),
        )
        .expect("JSON");
        assert_eq!(first["event_type"], "CONSULT");
        assert_eq!(first["actor"]["country"], "RUS");
        assert_eq!(first["recipient"]["code"], "CHNGOV");
    }
}
