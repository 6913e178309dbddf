//! Intake: from bytes, as news really arrives, to [`Document`]s with clean text and metadata.
//!
//! The one crate in dyad that reads files. It expands directories, sniffs formats (plain
//! text, HTML, JSONL; by extension, then by content), and hands each record to its reader:
//!
//! - [`text`] recognises the shape of scraped articles: a title line with a site suffix, an
//!   agency byline, a stray author line and comment-form furniture are taken out of the text
//!   and kept as metadata where they are metadata;
//! - [`html`] extracts the article body and metadata from a web page;
//! - JSONL lines are `{"id", "text"|"html", "url"?, "date"?}`; a `text` is taken verbatim.
//!
//! Every record yields a [`Record`]: its id and either a document or an [`IntakeError`]
//! saying why that one record could not be read. A bad record never stops the others.
//!
//! ```
//! use dyad_intake::{read_bytes, Format, IntakeOptions};
//! let raw = "Leaders Meet | World | Example News\n\nPutin met Xi on Monday.\n\nLeave a Reply\n";
//! let records = read_bytes("a.txt", raw.as_bytes(), Format::Auto, &IntakeOptions::default());
//! let doc = records[0].result.as_ref().unwrap();
//! assert_eq!(doc.title.as_deref(), Some("Leaders Meet"));
//! assert_eq!(doc.site.as_deref(), Some("Example News"));
//! assert_eq!(doc.text, "Putin met Xi on Monday.");
//! ```

pub mod charset;
pub mod fingerprint;
pub mod html;
mod input;
pub mod text;
pub mod warc;

use dyad_model::{DateSource, DateValue, Document};

pub use input::{Input, expand_inputs, read_path, read_stdin};
pub use warc::WarcRecords;

/// How to read an input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Decide by file extension, then by content.
    #[default]
    Auto,
    Text,
    Html,
    Warc,
    Jsonl,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "auto" => Ok(Format::Auto),
            "text" | "txt" => Ok(Format::Text),
            "html" => Ok(Format::Html),
            "warc" => Ok(Format::Warc),
            "jsonl" | "ndjson" => Ok(Format::Jsonl),
            other => Err(format!(
                "unknown format {other:?} (expected auto, text, html, warc or jsonl)"
            )),
        }
    }
}

/// Options for every reader.
#[derive(Clone, Debug)]
pub struct IntakeOptions {
    /// Publication date to give documents that carry none (`--date`), as `YYYY-MM-DD`.
    pub date: Option<jiff::civil::Date>,
    /// Largest input accepted per document, in bytes.
    pub max_bytes: usize,
    /// Counts shared by every reader of a run (clones share them).
    pub stats: std::sync::Arc<IntakeStats>,
}

impl Default for IntakeOptions {
    fn default() -> Self {
        IntakeOptions {
            date: None,
            max_bytes: 16 * 1024 * 1024,
            stats: Default::default(),
        }
    }
}

/// What readers passed over, for a run's summary.
#[derive(Debug, Default)]
pub struct IntakeStats {
    /// WARC records that are not HTML responses (requests, metadata, redirects, PDFs).
    pub skipped_records: std::sync::atomic::AtomicUsize,
    /// Places where a WARC reader had to skip bytes to find the next record.
    pub resynced: std::sync::atomic::AtomicUsize,
}

/// Why one record could not be read.
#[derive(Debug, thiserror::Error)]
pub enum IntakeError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("input is empty")]
    Empty,
    #[error("input has no article text after cleanup")]
    NoText,
    #[error("input looks binary (NUL or control bytes at byte {offset}), not text")]
    Binary { offset: usize },
    #[error("input is not valid UTF-8 (first bad byte at {offset})")]
    InvalidUtf8 { offset: usize },
    #[error("input is {size} bytes, over the limit of {limit}")]
    TooLarge { size: usize, limit: usize },
    #[error("JSONL line {line}: {message}")]
    Json { line: usize, message: String },
    #[error("HTML: {0}")]
    Html(String),
    #[error("WARC: {0}")]
    Warc(String),
    #[error("gzip: {0}")]
    Gzip(String),
}

/// One record of an input: its id and what reading it gave.
#[derive(Debug)]
pub struct Record {
    pub id: String,
    pub result: Result<Document, IntakeError>,
}

impl Record {
    fn failed(id: impl Into<String>, e: IntakeError) -> Self {
        Record {
            id: id.into(),
            result: Err(e),
        }
    }
}

/// A stable content hash (xxh3-128, hex), used as the id of inputs that have none.
pub fn content_hash(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

/// Read the records in one input's bytes. `id` is the input's name (a path as given).
pub fn read_bytes(id: &str, bytes: &[u8], format: Format, opts: &IntakeOptions) -> Vec<Record> {
    // Gzip-compressed input: a WARC is streamed through the decoder, anything else is
    // decompressed (up to the size cap) and read by its inner name.
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let inner_name = id
            .strip_suffix(".gz")
            .or_else(|| id.strip_suffix(".GZ"))
            .unwrap_or(id);
        if format == Format::Warc
            || (format == Format::Auto && inner_name.to_ascii_lowercase().ends_with(".warc"))
        {
            let decoder = std::io::BufReader::new(flate2::read::MultiGzDecoder::new(bytes));
            return warc::WarcRecords::new(decoder, id, opts).collect();
        }
        return match gunzip(bytes, opts.max_bytes) {
            Ok(inner) => {
                let mut recs = read_bytes(inner_name, &inner, format, opts);
                for r in &mut recs {
                    if r.id == inner_name {
                        r.id = id.to_string();
                        if let Ok(d) = &mut r.result {
                            d.id = id.to_string();
                        }
                    }
                }
                recs
            }
            Err(e) => vec![Record::failed(id, e)],
        };
    }
    let format = match format {
        Format::Auto => sniff(id, bytes),
        f => f,
    };
    match format {
        Format::Jsonl => read_jsonl(id, bytes, opts),
        Format::Warc => warc::WarcRecords::new(bytes, id, opts).collect(),
        Format::Html | Format::Text | Format::Auto => {
            let result = check_size(bytes, opts).and_then(|_| match format {
                Format::Html => {
                    charset::decode_html(bytes, None).and_then(|s| html::read(id, &s, None, opts))
                }
                _ => decode_text(bytes).and_then(|s| text::read(id, s, opts)),
            });
            vec![Record {
                id: id.to_string(),
                result,
            }]
        }
    }
}

/// Decompress a whole gzip input (all members), refusing to grow past `limit` bytes.
pub fn gunzip(bytes: &[u8], limit: usize) -> Result<Vec<u8>, IntakeError> {
    use std::io::Read;
    let mut out = Vec::new();
    let mut decoder =
        flate2::read::MultiGzDecoder::new(bytes).take((limit as u64).saturating_add(1));
    decoder
        .read_to_end(&mut out)
        .map_err(|e| IntakeError::Gzip(format!("corrupt or truncated ({e})")))?;
    if out.len() > limit {
        return Err(IntakeError::TooLarge {
            size: out.len(),
            limit,
        });
    }
    Ok(out)
}

fn check_size(bytes: &[u8], opts: &IntakeOptions) -> Result<(), IntakeError> {
    if bytes.len() > opts.max_bytes {
        return Err(IntakeError::TooLarge {
            size: bytes.len(),
            limit: opts.max_bytes,
        });
    }
    Ok(())
}

/// Decide a format from the name, then the first bytes.
pub fn sniff(name: &str, bytes: &[u8]) -> Format {
    let lower = name.to_ascii_lowercase();
    let by_ext = [
        (".jsonl", Format::Jsonl),
        (".ndjson", Format::Jsonl),
        (".warc", Format::Warc),
        (".warc.gz", Format::Warc),
        (".html", Format::Html),
        (".htm", Format::Html),
        (".xhtml", Format::Html),
        (".txt", Format::Text),
    ];
    if let Some((_, f)) = by_ext.iter().find(|(ext, _)| lower.ends_with(ext)) {
        return *f;
    }
    let head = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(head);
    let trimmed = head.trim_start_matches('\u{feff}').trim_start();
    let lower_head = trimmed.to_ascii_lowercase();
    if trimmed.starts_with("WARC/") {
        Format::Warc
    } else if trimmed.starts_with('{') {
        Format::Jsonl
    } else if lower_head.starts_with("<!doctype html")
        || lower_head.starts_with("<html")
        || lower_head.contains("<body")
        || lower_head.contains("<head")
    {
        Format::Html
    } else {
        Format::Text
    }
}

/// Check that bytes are text: not empty, not binary, valid UTF-8 (a BOM is dropped).
pub fn decode_text(bytes: &[u8]) -> Result<&str, IntakeError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IntakeError::Empty);
    }
    if let Some(offset) = bytes
        .iter()
        .position(|&b| b == 0 || (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)))
    {
        return Err(IntakeError::Binary { offset });
    }
    std::str::from_utf8(bytes).map_err(|e| IntakeError::InvalidUtf8 {
        offset: e.valid_up_to(),
    })
}

/// The publication date for a document: given beats metadata.
fn published(
    given: Option<jiff::civil::Date>,
    metadata: Option<jiff::civil::Date>,
) -> Option<DateValue> {
    given
        .map(|d| DateValue {
            value: d.to_string(),
            source: DateSource::Given,
        })
        .or_else(|| {
            metadata.map(|d| DateValue {
                value: d.to_string(),
                source: DateSource::Metadata,
            })
        })
}

/// Parse the date part of an ISO 8601 date or timestamp (`2023-11-21T14:35:00Z`).
pub fn parse_date_prefix(s: &str) -> Option<jiff::civil::Date> {
    let s = s.trim();
    s.get(..10)?.parse().ok()
}

#[derive(serde::Deserialize)]
struct JsonlLine {
    id: Option<serde_json::Value>,
    text: Option<String>,
    html: Option<String>,
    url: Option<String>,
    date: Option<String>,
}

fn read_jsonl(name: &str, bytes: &[u8], opts: &IntakeOptions) -> Vec<Record> {
    let mut out = Vec::new();
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let lineno = n + 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let fallback_id = format!("{name}:{lineno}");
        let parsed = std::str::from_utf8(line)
            .map_err(|e| IntakeError::Json {
                line: lineno,
                message: format!("not valid UTF-8 at byte {}", e.valid_up_to()),
            })
            .and_then(|s| {
                serde_json::from_str::<JsonlLine>(s).map_err(|e| IntakeError::Json {
                    line: lineno,
                    message: e.to_string(),
                })
            });
        let rec = match parsed {
            Err(e) => Record::failed(fallback_id, e),
            Ok(l) => {
                let id = match &l.id {
                    Some(serde_json::Value::String(s)) => s.clone(),
                    Some(v) => v.to_string(),
                    None => content_hash(line),
                };
                let result = jsonl_document(&id, l, lineno, opts);
                Record { id, result }
            }
        };
        out.push(rec);
    }
    if out.is_empty() {
        out.push(Record::failed(name, IntakeError::Empty));
    }
    out
}

fn jsonl_document(
    id: &str,
    l: JsonlLine,
    lineno: usize,
    opts: &IntakeOptions,
) -> Result<Document, IntakeError> {
    let given = match &l.date {
        Some(d) => Some(parse_date_prefix(d).ok_or_else(|| IntakeError::Json {
            line: lineno,
            message: format!("date {d:?} is not an ISO date"),
        })?),
        None => opts.date,
    };
    let mut doc = match (l.text, l.html) {
        (Some(text), _) => {
            if text.trim().is_empty() {
                return Err(IntakeError::Empty);
            }
            check_size(text.as_bytes(), opts)?;
            Document {
                id: id.to_string(),
                text,
                ..Default::default()
            }
        }
        (None, Some(html)) => {
            check_size(html.as_bytes(), opts)?;
            html::read(id, &html, l.url.as_deref(), opts)?
        }
        (None, None) => {
            return Err(IntakeError::Json {
                line: lineno,
                message: "neither \"text\" nor \"html\" field".into(),
            });
        }
    };
    if let Some(url) = l.url {
        doc.url = Some(url);
    }
    if given.is_some() {
        doc.published = published(given, None);
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str, bytes: &[u8]) -> Vec<Record> {
        read_bytes(name, bytes, Format::Auto, &IntakeOptions::default())
    }

    #[test]
    fn bad_inputs_are_errors_not_panics() {
        assert!(matches!(
            read("e.txt", b"")[0].result,
            Err(IntakeError::Empty)
        ));
        assert!(matches!(
            read("w.txt", b" \n\t ")[0].result,
            Err(IntakeError::Empty)
        ));
        assert!(matches!(
            read("b.bin", b"\x7fELF\x02\x01\x01\x00\x00")[0].result,
            Err(IntakeError::Binary { .. })
        ));
        assert!(matches!(
            read("u.txt", b"caf\xe9 au lait")[0].result,
            Err(IntakeError::InvalidUtf8 { offset: 3 })
        ));
        let opts = IntakeOptions {
            max_bytes: 10,
            ..Default::default()
        };
        let r = read_bytes("big.txt", &[b'a'; 11], Format::Auto, &opts);
        assert!(matches!(
            r[0].result,
            Err(IntakeError::TooLarge {
                size: 11,
                limit: 10
            })
        ));
    }

    #[test]
    fn gzip_inputs() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"<html><body><article><p>Macron held talks with Scholz in Berlin on Tuesday about energy and defence.</p></article></body></html>").unwrap();
        let gz = enc.finish().unwrap();
        let recs = read("page.html.gz", &gz);
        assert_eq!(recs[0].id, "page.html.gz");
        assert!(
            recs[0]
                .result
                .as_ref()
                .unwrap()
                .text
                .contains("Macron held talks")
        );
        let truncated = &gz[..gz.len() / 2];
        assert!(matches!(
            read("page.html.gz", truncated)[0].result,
            Err(IntakeError::Gzip(_))
        ));
        let opts = IntakeOptions {
            max_bytes: 20,
            ..Default::default()
        };
        let r = read_bytes("page.html.gz", &gz, Format::Auto, &opts);
        assert!(matches!(r[0].result, Err(IntakeError::TooLarge { .. })));
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff("a.html", b""), Format::Html);
        assert_eq!(sniff("x", b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff("x", b"{\"id\": 1}"), Format::Jsonl);
        assert_eq!(sniff("x", b"WARC/1.0\r\n"), Format::Warc);
        assert_eq!(sniff("x", b"Just some words."), Format::Text);
        assert_eq!(sniff("X.WARC.GZ", b""), Format::Warc);
    }

    #[test]
    fn jsonl_text_is_kept_verbatim() {
        let input = concat!(
            "{\"id\": \"a\", \"text\": \"  Putin met Xi.\\n\", \"date\": \"2021-12-15\"}\n",
            "\n",
            "not json\n",
            "{\"id\": 7, \"html\": \"<html><body><article><p>Biden called Macron on Monday to discuss the summit and other matters of state.</p></article></body></html>\"}\n",
            "{\"id\": \"c\"}\n",
        );
        let recs = read("in.jsonl", input.as_bytes());
        assert_eq!(recs.len(), 4);
        let a = recs[0].result.as_ref().unwrap();
        assert_eq!(a.id, "a");
        assert_eq!(a.text, "  Putin met Xi.\n");
        assert_eq!(a.published.as_ref().unwrap().value, "2021-12-15");
        assert_eq!(a.published.as_ref().unwrap().source, DateSource::Given);
        assert_eq!(recs[1].id, "in.jsonl:3");
        assert!(matches!(
            recs[1].result,
            Err(IntakeError::Json { line: 3, .. })
        ));
        let b = recs[2].result.as_ref().unwrap();
        assert_eq!(b.id, "7");
        assert!(b.text.contains("Biden called Macron"), "{:?}", b.text);
        assert!(recs[3].result.is_err());
    }

    #[test]
    fn given_date_applies_to_text() {
        let opts = IntakeOptions {
            date: Some("2021-12-15".parse().unwrap()),
            ..Default::default()
        };
        let r = read_bytes("a.txt", b"Putin met Xi.", Format::Text, &opts);
        let d = r[0].result.as_ref().unwrap().published.clone().unwrap();
        assert_eq!(
            (d.value.as_str(), d.source),
            ("2021-12-15", DateSource::Given)
        );
    }

    #[test]
    fn hashes_are_stable() {
        assert_eq!(content_hash(b"dyad"), content_hash(b"dyad"));
        assert_ne!(content_hash(b"dyad"), content_hash(b"dyad "));
        assert_eq!(content_hash(b"").len(), 32);
    }
}
