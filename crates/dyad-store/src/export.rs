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
    /// Written by `export_parquet` (cargo feature `parquet`), to a file.
    Parquet,
}

impl std::str::FromStr for ExportFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<ExportFormat, String> {
        match s {
            "gdelt" | "tsv" => Ok(ExportFormat::Gdelt),
            "plover" | "json" | "jsonl" => Ok(ExportFormat::Plover),
            "csv" => Ok(ExportFormat::Csv),
            "parquet" => Ok(ExportFormat::Parquet),
            _ => Err(format!(
                "unknown export format {s:?}: use gdelt, plover, csv or parquet"
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
    if format == ExportFormat::Csv {
        writeln!(out, "{CSV_HEADER}")?;
    }
    let mut n = 0;
    for_each_row(store, &q, &mut |row| {
        match format {
            ExportFormat::Gdelt => writeln!(out, "{}", row.gdelt(added))?,
            ExportFormat::Csv => writeln!(out, "{}", row.csv())?,
            ExportFormat::Plover => writeln!(out, "{}", row.plover())?,
            ExportFormat::Parquet => {
                return Err(StoreError::Write(std::io::Error::other(
                    "Parquet is written to a file (export_parquet), not a stream",
                )));
            }
        }
        n += 1;
        Ok(())
    })?;
    Ok(n)
}

/// Stream the events matching `q` (limit and offset apply) to `f`, in date order.
fn for_each_row(
    store: &Store,
    q: &EventQuery,
    f: &mut dyn FnMut(Row) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let (filter, mut args) = event_filter(q);
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
    let mut stmt = store.conn.prepare(&sql)?;
    let mut rows = stmt.query(params_from_iter(args))?;
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
        f(Row {
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
        })?;
    }
    Ok(())
}

/// The Parquet schema of exported events (the CSV columns, typed).
#[cfg(feature = "parquet")]
const PARQUET_SCHEMA: &str = "message event {
    required int64 id;
    optional binary date (UTF8);
    required binary source (UTF8);
    optional binary source_name (UTF8);
    optional binary source_country (UTF8);
    optional binary source_sector (UTF8);
    required binary source_text (UTF8);
    optional binary target (UTF8);
    optional binary target_name (UTF8);
    optional binary target_country (UTF8);
    optional binary target_sector (UTF8);
    optional binary target_text (UTF8);
    required binary cameo (UTF8);
    optional binary plover (UTF8);
    optional binary mode (UTF8);
    required double goldstein;
    required int32 quad_class;
    required binary trigger (UTF8);
    required binary sentence (UTF8);
    required int64 sources;
    required binary document (UTF8);
    optional binary url (UTF8);
}";

/// How an optional text column is read from a row.
#[cfg(feature = "parquet")]
type OptionalColumn = Box<dyn Fn(&Row) -> Option<String>>;

/// Rows per Parquet row group.
#[cfg(feature = "parquet")]
const ROW_GROUP: usize = 65_536;

/// Write the events matching `q` to a Parquet file at `path` (the columns of the CSV
/// export, typed); returns how many were written. Rows are written in row groups of
/// 65,536, so memory stays bounded.
#[cfg(feature = "parquet")]
pub fn export_parquet(
    store: &Store,
    q: &EventQuery,
    path: &std::path::Path,
) -> Result<usize, StoreError> {
    use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
    use parquet::file::writer::SerializedFileWriter;
    use std::sync::Arc;

    let pq = |e: parquet::errors::ParquetError| StoreError::Write(std::io::Error::other(e));
    let schema = Arc::new(parquet::schema::parser::parse_message_type(PARQUET_SCHEMA).map_err(pq)?);
    let file = std::fs::File::create(path)?;
    let mut writer = SerializedFileWriter::new(file, schema, Default::default()).map_err(pq)?;

    let mut rows: Vec<Row> = Vec::with_capacity(ROW_GROUP);
    let mut n = 0;
    let mut flush = |rows: &mut Vec<Row>| -> Result<(), StoreError> {
        if rows.is_empty() {
            return Ok(());
        }
        let mut group = writer.next_row_group().map_err(pq)?;
        let text = |v: &str| ByteArray::from(v.as_bytes().to_vec());
        let required = |f: &dyn Fn(&Row) -> String| -> Vec<ByteArray> {
            rows.iter().map(|r| text(&f(r))).collect()
        };
        let optional = |f: &dyn Fn(&Row) -> Option<String>| -> (Vec<ByteArray>, Vec<i16>) {
            let mut values = Vec::new();
            let mut defs = Vec::with_capacity(rows.len());
            for r in rows.iter() {
                match f(r) {
                    Some(v) => {
                        values.push(text(&v));
                        defs.push(1);
                    }
                    None => defs.push(0),
                }
            }
            (values, defs)
        };
        let target = |i: usize| -> OptionalColumn {
            Box::new(move |r: &Row| {
                r.target.as_ref().and_then(|t| match i {
                    0 => Some(t.0.clone()),
                    1 => t.1.clone(),
                    2 => t.2.clone(),
                    3 => t.3.clone(),
                    _ => Some(t.4.clone()),
                })
            })
        };
        let mut column = 0usize;
        while let Some(mut col) = group.next_column().map_err(pq)? {
            match column {
                0 => {
                    let v: Vec<i64> = rows.iter().map(|r| r.id).collect();
                    col.typed::<Int64Type>()
                        .write_batch(&v, None, None)
                        .map_err(pq)?;
                }
                15 => {
                    let v: Vec<f64> = rows.iter().map(|r| r.goldstein).collect();
                    col.typed::<DoubleType>()
                        .write_batch(&v, None, None)
                        .map_err(pq)?;
                }
                16 => {
                    let v: Vec<i32> = rows.iter().map(|r| r.quad as i32).collect();
                    col.typed::<Int32Type>()
                        .write_batch(&v, None, None)
                        .map_err(pq)?;
                }
                19 => {
                    let v: Vec<i64> = rows.iter().map(|r| r.sources).collect();
                    col.typed::<Int64Type>()
                        .write_batch(&v, None, None)
                        .map_err(pq)?;
                }
                2 | 6 | 12 | 17 | 18 | 20 => {
                    let f: &dyn Fn(&Row) -> String = match column {
                        2 => &|r| r.source.0.clone(),
                        6 => &|r| r.source.4.clone(),
                        12 => &|r| r.cameo.clone(),
                        17 => &|r| r.trigger.clone(),
                        18 => &|r| r.sentence.clone(),
                        _ => &|r| r.document.clone(),
                    };
                    col.typed::<ByteArrayType>()
                        .write_batch(&required(f), None, None)
                        .map_err(pq)?;
                }
                _ => {
                    let f: OptionalColumn = match column {
                        1 => Box::new(|r: &Row| r.date.clone()),
                        3 => Box::new(|r: &Row| r.source.1.clone()),
                        4 => Box::new(|r: &Row| r.source.2.clone()),
                        5 => Box::new(|r: &Row| r.source.3.clone()),
                        7..=11 => target(column - 7),
                        13 => Box::new(|r: &Row| r.plover.clone()),
                        14 => Box::new(|r: &Row| r.mode.clone()),
                        _ => Box::new(|r: &Row| r.url.clone()),
                    };
                    let (values, defs) = optional(f.as_ref());
                    col.typed::<ByteArrayType>()
                        .write_batch(&values, Some(&defs), None)
                        .map_err(pq)?;
                }
            }
            col.close().map_err(pq)?;
            column += 1;
        }
        group.close().map_err(pq)?;
        rows.clear();
        Ok(())
    };
    for_each_row(store, q, &mut |row| {
        rows.push(row);
        n += 1;
        if rows.len() >= ROW_GROUP {
            flush(&mut rows)?;
        }
        Ok(())
    })?;
    flush(&mut rows)?;
    writer.close().map_err(pq)?;
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

    #[cfg(feature = "parquet")]
    #[test]
    fn parquet_files_read_back() {
        use parquet::file::reader::{FileReader, SerializedFileReader};
        use parquet::record::Field;
        let mut store = Store::open_in_memory().expect("store");
        let text = "Putin met Xi in Beijing. Xi praised Putin.";
        let mention = |t: &str, code: &str| dyad_model::Mention {
            text: t.into(),
            span: dyad_model::Span::new(
                text.find(t).expect("in text"),
                text.find(t).expect("in text") + t.len(),
            ),
            actor: dyad_model::Actor {
                code: code.into(),
                name: None,
                country: Some(code[..3].into()),
                sector: Some("GOV".into()),
                kind: dyad_model::ActorKind::Person,
            },
        };
        let event = |cameo: &str, date: Option<&str>| dyad_model::Event {
            source: mention("Putin", "RUSGOV"),
            target: Some(mention("Xi", "CHNGOV")),
            cameo: cameo.into(),
            plover: None,
            mode: None,
            goldstein: 1.0,
            quad_class: 1,
            date: date.map(|d| dyad_model::DateValue {
                value: d.into(),
                source: dyad_model::DateSource::Published,
            }),
            place: None,
            trigger: dyad_model::Evidence {
                text: "met".into(),
                span: dyad_model::Span::new(6, 9),
            },
            sentence: dyad_model::Span::new(0, 24),
        };
        let mut doc = dyad_model::CodedDocument::from_document(dyad_model::Document {
            id: "d".into(),
            text: text.into(),
            ..Default::default()
        });
        doc.events = vec![event("040", Some("2021-12-15")), event("051", None)];
        store.write_batch(&[doc]).expect("written");
        let path = std::env::temp_dir().join(format!("dyad-export-{}.parquet", std::process::id()));
        let n = super::export_parquet(&store, &EventQuery::default(), &path).expect("export");
        assert_eq!(n, 2);
        let reader =
            SerializedFileReader::new(std::fs::File::open(&path).expect("file")).expect("parquet");
        assert_eq!(reader.metadata().file_metadata().num_rows(), 2);
        let rows: Vec<_> = reader
            .get_row_iter(None)
            .expect("rows")
            .map(|r| r.expect("row"))
            .collect();
        let field = |row: usize, name: &str| {
            rows[row]
                .get_column_iter()
                .find(|(n, _)| n.as_str() == name)
                .map(|(_, f)| f.clone())
                .expect("column")
        };
        assert_eq!(field(0, "date"), Field::Null, "undated events sort first");
        assert_eq!(field(1, "date"), Field::Str("2021-12-15".into()));
        assert_eq!(field(1, "target"), Field::Str("CHNGOV".into()));
        assert_eq!(field(1, "quad_class"), Field::Int(1));
        let _ = std::fs::remove_file(&path);
    }

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("Putin"), "Putin");
        assert_eq!(csv_field("Putin, Xi"), "\"Putin, Xi\"");
        assert_eq!(csv_field("say \"no\""), "\"say \"\"no\"\"\"");
    }
}
