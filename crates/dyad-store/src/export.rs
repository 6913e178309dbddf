//! Exporting events: GDELT 2.0-style TSV, PLOVER JSON lines, and CSV.
//!
//! Rows stream from the store to the writer, so an export of millions of events holds one
//! row in memory at a time. Events of near-duplicate copies that repeat their original's
//! events are exported once, with the number of documents reporting them.
//!
//! The GDELT 2.0 event table has 61 columns; dyad fills those it knows and leaves the rest
//! empty (`docs/exports.md` lists them): identifiers and dates, both actors' codes, names,
//! countries and sector (`Type1Code`), the CAMEO code at three levels, QuadClass, Goldstein
//! scale, the number of reporting documents (as mentions, sources and articles), whether
//! the event is in the article's first paragraph (`IsRootEvent`), `DATEADDED` and
//! `SOURCEURL`. Tone and geography are not computed. GDELT has no mode column, so only
//! events that happened (mode null) are written in that format.

use std::io::Write;

use rusqlite::{params_from_iter, types::Value};

use crate::query::{EventQuery, event_filter};
use crate::{Store, StoreError};

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Gdelt,
    Plover,
    Csv,
}

impl std::str::FromStr for ExportFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<ExportFormat, String> {
        match s {
            "gdelt" | "tsv" => Ok(ExportFormat::Gdelt),
            "plover" | "json" | "jsonl" => Ok(ExportFormat::Plover),
            "csv" => Ok(ExportFormat::Csv),
            _ => Err(format!(
                "unknown export format {s:?}: use gdelt, plover or csv"
            )),
        }
    }
}

/// An actor's code, name, country, sector and text.
type ActorCols = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
);

/// One event as exported.
struct Row {
    id: i64,
    date: Option<String>,
    source: ActorCols,
    target: Option<ActorCols>,
    cameo: String,
    plover: Option<String>,
    mode: Option<String>,
    goldstein: f64,
    quad: i64,
    trigger: String,
    sentence: String,
    sources: i64,
    document: String,
    url: Option<String>,
    lead: bool,
}

const CSV_HEADER: &str = "id,date,source,source_name,source_country,source_sector,source_text,target,target_name,target_country,target_sector,target_text,cameo,plover,mode,goldstein,quad_class,trigger,sentence,sources,document,url";

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A TSV cell: tabs and line breaks would break the row, so they become spaces.
fn tsv(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// `2021-12-15` → (`20211215`, `202112`, `2021`, `2021.9507`); a month or a year alone
/// is placed on its first day.
fn gdelt_dates(date: &str) -> Option<(String, String, String, String)> {
    let parts: Vec<&str> = date.split('-').collect();
    let year: i32 = parts.first()?.get(..4)?.parse().ok()?;
    let month: u32 = parts.get(1).and_then(|m| m.parse().ok()).unwrap_or(1);
    let day: u32 = parts
        .get(2)
        .and_then(|d| d.get(..2))
        .and_then(|d| d.parse().ok())
        .unwrap_or(1);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    const BEFORE: [u32; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let day_of_year = BEFORE[month as usize - 1] + day;
    Some((
        format!("{year:04}{month:02}{day:02}"),
        format!("{year:04}{month:02}"),
        format!("{year:04}"),
        format!("{:.4}", f64::from(year) + f64::from(day_of_year) / 365.0),
    ))
}

impl Row {
    fn gdelt(&self, added: &str) -> String {
        let (sqldate, month, year, fraction) = self
            .date
            .as_deref()
            .and_then(gdelt_dates)
            .unwrap_or_default();
        let actor = |a: Option<&ActorCols>| match a {
            Some((code, name, country, sector, text)) => vec![
                code.clone(),
                tsv(&name.clone().unwrap_or_else(|| text.to_uppercase())),
                country.clone().unwrap_or_default(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                sector.clone().unwrap_or_default(),
                String::new(),
                String::new(),
            ],
            None => vec![String::new(); 10],
        };
        let mut cols: Vec<String> = vec![self.id.to_string(), sqldate, month, year, fraction];
        cols.extend(actor(Some(&self.source)));
        cols.extend(actor(self.target.as_ref()));
        let code = &self.cameo;
        cols.extend([
            u8::from(self.lead).to_string(),
            code.clone(),
            code.chars().take(3).collect(),
            code.chars().take(2).collect(),
            self.quad.to_string(),
            format!("{:.1}", self.goldstein),
            self.sources.to_string(),
            self.sources.to_string(),
            self.sources.to_string(),
            String::new(),
        ]);
        // Actor1Geo, Actor2Geo and ActionGeo: eight columns each, not computed.
        cols.extend(std::iter::repeat_n(String::new(), 24));
        cols.push(added.to_string());
        cols.push(tsv(self.url.as_deref().unwrap_or(&self.document)));
        debug_assert_eq!(cols.len(), 61);
        cols.join("\t")
    }

    fn plover(&self) -> serde_json::Value {
        let actor = |a: Option<&ActorCols>| {
            a.map(|(code, name, country, sector, text)| {
                serde_json::json!({"code": code, "name": name, "country": country,
                                   "sector": sector, "text": text})
            })
        };
        serde_json::json!({
            "id": format!("dyad-{}", self.id),
            "date": self.date,
            "event_type": self.plover,
            "mode": serde_json::Value::Null,
            "context": [],
            "actor": actor(Some(&self.source)),
            "recipient": actor(self.target.as_ref()),
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "quad_class": self.quad,
            "dyad_mode": self.mode,
            "trigger": self.trigger,
            "text": self.sentence,
            "sources": self.sources,
            "document": self.document,
            "url": self.url,
        })
    }

    fn csv(&self) -> String {
        let o = |s: &Option<String>| csv_field(s.as_deref().unwrap_or(""));
        let actor = |a: Option<&ActorCols>| match a {
            Some((code, name, country, sector, text)) => {
                vec![
                    csv_field(code),
                    o(name),
                    o(country),
                    o(sector),
                    csv_field(text),
                ]
            }
            None => vec![String::new(); 5],
        };
        let mut cols = vec![self.id.to_string(), o(&self.date)];
        cols.extend(actor(Some(&self.source)));
        cols.extend(actor(self.target.as_ref()));
        cols.extend([
            csv_field(&self.cameo),
            o(&self.plover),
            o(&self.mode),
            self.goldstein.to_string(),
            self.quad.to_string(),
            csv_field(&self.trigger),
            csv_field(&self.sentence),
            self.sources.to_string(),
            csv_field(&self.document),
            o(&self.url),
        ]);
        cols.join(",")
    }
}

/// Write the events matching `q` (its limit and offset apply) to `out` in `format`;
/// returns how many were written. `added` is the export time for GDELT's `DATEADDED`
/// (`YYYYMMDDHHMMSS`).
pub fn export_events(
    store: &Store,
    q: &EventQuery,
    format: ExportFormat,
    added: &str,
    out: &mut dyn Write,
) -> Result<usize, StoreError> {
    let mut q = q.clone();
    if format == ExportFormat::Gdelt && q.mode.is_none() {
        q.mode = Some("none".into());
    }
    let (filter, mut args) = event_filter(&q);
    let sql = format!(
        "SELECT e.rowid, e.date,
                e.source_code, e.source_name, e.source_country, e.source_sector, e.source_text,
                e.target_code, e.target_name, e.target_country, e.target_sector, e.target_text,
                e.cameo, e.plover, e.mode, e.goldstein, e.quad_class, e.trigger_text,
                {sentence}, {sources}, d.id, d.url,
                (SELECT p = 0 OR e.sentence_start < p
                 FROM (SELECT instr(CAST(d.text AS BLOB), CAST(char(10, 10) AS BLOB)) AS p))
         FROM events e JOIN documents d ON d.key = e.doc_key WHERE 1=1{filter}
         ORDER BY e.date, e.rowid LIMIT ? OFFSET ?",
        sentence = crate::query::SENTENCE_SQL,
        sources = crate::query::SOURCES_SQL,
    );
    args.push(Value::Integer(q.limit.map(|l| l as i64).unwrap_or(-1)));
    args.push(Value::Integer(q.offset.unwrap_or(0) as i64));
    if format == ExportFormat::Csv {
        writeln!(out, "{CSV_HEADER}")?;
    }
    let mut stmt = store.conn.prepare(&sql)?;
    let mut rows = stmt.query(params_from_iter(args))?;
    let mut n = 0;
    while let Some(r) = rows.next()? {
        let target = match r.get::<_, Option<String>>(7)? {
            Some(code) => Some((
                code,
                r.get(8)?,
                r.get(9)?,
                r.get(10)?,
                r.get::<_, Option<String>>(11)?.unwrap_or_default(),
            )),
            None => None,
        };
        let row = Row {
            id: r.get(0)?,
            date: r.get(1)?,
            source: (r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?),
            target,
            cameo: r.get(12)?,
            plover: r.get(13)?,
            mode: r.get(14)?,
            goldstein: r.get(15)?,
            quad: r.get(16)?,
            trigger: r.get(17)?,
            sentence: r.get(18)?,
            sources: r.get(19)?,
            document: r.get(20)?,
            url: r.get(21)?,
            lead: r.get::<_, i64>(22)? != 0,
        };
        match format {
            ExportFormat::Gdelt => writeln!(out, "{}", row.gdelt(added))?,
            ExportFormat::Csv => writeln!(out, "{}", row.csv())?,
            ExportFormat::Plover => writeln!(out, "{}", row.plover())?,
        }
        n += 1;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gdelt_dates_of_full_and_partial_dates() {
        let (d, m, y, f) = gdelt_dates("2021-12-15").expect("a date");
        assert_eq!(
            (d.as_str(), m.as_str(), y.as_str()),
            ("20211215", "202112", "2021")
        );
        assert_eq!(f, "2021.9562");
        assert_eq!(gdelt_dates("2022-02").expect("a month").0, "20220201");
        assert!(gdelt_dates("2021-13-01").is_none());
        assert!(gdelt_dates("someday").is_none());
    }

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("Putin"), "Putin");
        assert_eq!(csv_field("Putin, Xi"), "\"Putin, Xi\"");
        assert_eq!(csv_field("say \"no\""), "\"say \"\"no\"\"\"");
    }
}
