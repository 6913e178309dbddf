//! dyad's store: coded documents in an embedded SQLite database.
//!
//! - **Schema and migrations**: versioned with SQLite's `user_version`; opening a store
//!   brings it to the current version inside a transaction.
//! - **Writes**: [`Store::write_batch`] stores a batch of coded documents in one transaction
//!   (WAL mode), so a crash loses at most the batch in flight and never leaves half a
//!   document. A document's key is a hash of its input id and its text: writing the same
//!   document twice stores nothing new.
//! - **Near-duplicates**: each document's MinHash signature is stored with its bands; a new
//!   document that shares a band with a stored one and is similar enough is linked to the
//!   original (`duplicate_of`), so reposts and syndicated copies of a story are known as such.
//! - **Queries**: events, quotes and actors, filtered, as rows ready to print or serialise.
//!
//! Only this crate knows SQL. Every stored span can be traced back to the document text,
//! which is stored too.
//!
//! ```
//! use dyad_model::CodedDocument;
//! let mut store = dyad_store::Store::open_in_memory().unwrap();
//! let doc = CodedDocument::from_document(dyad_model::Document {
//!     id: "a".into(),
//!     text: "Putin met Xi.".into(),
//!     ..Default::default()
//! });
//! let first = store.write_batch(&[doc.clone()]).unwrap();
//! let again = store.write_batch(&[doc]).unwrap();
//! assert_eq!((first.documents, again.documents, again.unchanged), (1, 0, 1));
//! ```

mod export;
mod query;
mod schema;
mod views;

use std::path::Path;

use dyad_intake::fingerprint::{NEAR, Signature};
use dyad_model::CodedDocument;
use rusqlite::{Connection, params};

#[cfg(feature = "parquet")]
pub use export::export_parquet;
pub use export::{ExportFormat, export_events};
pub use query::{ActorRow, EventQuery, EventRow, QuoteRow, Totals};
pub use views::{Period, PeriodCounts, QuoteView};

/// A store error.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("store at version {found} is newer than this dyad understands ({supported})")]
    TooNew { found: i64, supported: i64 },
    #[error("writing the export: {0}")]
    Write(#[from] std::io::Error),
}

/// An open store.
pub struct Store {
    conn: Connection,
}

/// What one batch write did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BatchOutcome {
    /// New documents stored.
    pub documents: usize,
    /// Documents already in the store, left as they were.
    pub unchanged: usize,
    pub events: usize,
    pub quotes: usize,
    pub actors: usize,
    /// Inputs that could not be read, recorded with their errors.
    pub failures: usize,
    /// New documents linked to an earlier copy of the same story.
    pub duplicates: usize,
}

impl BatchOutcome {
    /// Add another outcome's counts to this one.
    pub fn add(&mut self, o: BatchOutcome) {
        self.documents += o.documents;
        self.unchanged += o.unchanged;
        self.events += o.events;
        self.quotes += o.quotes;
        self.actors += o.actors;
        self.failures += o.failures;
        self.duplicates += o.duplicates;
    }
}

/// The stable key of a coded document: xxh3-128 of its id and text, in hex.
pub fn document_key(doc: &CodedDocument) -> String {
    let mut bytes = Vec::with_capacity(doc.id().len() + doc.text().len() + 1);
    bytes.extend_from_slice(doc.id().as_bytes());
    bytes.push(0);
    bytes.extend_from_slice(doc.text().as_bytes());
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(&bytes))
}

impl Store {
    /// Open (creating if needed) the store at `path` and bring its schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        Store::init(conn)
    }

    /// A store in memory, for tests and one-off runs.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Store::init(Connection::open_in_memory()?)
    }

    fn init(mut conn: Connection) -> Result<Store, StoreError> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        schema::migrate(&mut conn)?;
        Ok(Store { conn })
    }

    /// The schema version of this store.
    pub fn version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Store a batch of coded documents in one transaction. Documents already stored are
    /// left untouched; failed inputs are recorded once per (input, error).
    pub fn write_batch(&mut self, docs: &[CodedDocument]) -> Result<BatchOutcome, StoreError> {
        let tx = self.conn.transaction()?;
        let mut out = BatchOutcome::default();
        {
            let mut exists = tx.prepare_cached("SELECT 1 FROM documents WHERE key = ?1")?;
            let mut failure = tx.prepare_cached(
                "INSERT OR IGNORE INTO failures (input_id, message) VALUES (?1, ?2)",
            )?;
            for doc in docs {
                if doc.is_failure() {
                    for e in &doc.errors {
                        out.failures += failure.execute(params![doc.id(), e])?;
                    }
                    continue;
                }
                let key = document_key(doc);
                if exists.exists(params![key])? {
                    out.unchanged += 1;
                    continue;
                }
                out.duplicates += usize::from(insert_document(&tx, &key, doc)?.is_some());
                out.documents += 1;
                out.events += doc.events.len();
                out.quotes += doc.quotes.len();
                out.actors += doc.actors.len();
            }
        }
        tx.commit()?;
        Ok(out)
    }
}

/// The stored document this text copies, if any: the best candidate sharing a MinHash band,
/// followed back to its own original.
fn original_of(tx: &rusqlite::Transaction, sig: &Signature) -> Result<Option<String>, StoreError> {
    let mut candidates = std::collections::BTreeSet::new();
    {
        let mut lookup =
            tx.prepare_cached("SELECT doc_key FROM document_bands WHERE band = ?1 AND hash = ?2")?;
        for (band, hash) in sig.bands().into_iter().enumerate() {
            for key in lookup.query_map(params![band, hash], |r| r.get::<_, String>(0))? {
                candidates.insert(key?);
            }
        }
    }
    let mut best: Option<(f64, String)> = None;
    let mut load = tx.prepare_cached(
        "SELECT signature, COALESCE(duplicate_of, key) FROM documents WHERE key = ?1",
    )?;
    for key in candidates {
        let (bytes, root): (Option<Vec<u8>>, String) =
            load.query_row(params![key], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let Some(other) = bytes.as_deref().and_then(Signature::from_bytes) else {
            continue;
        };
        let sim = sig.similarity(&other);
        if sim >= NEAR && best.as_ref().is_none_or(|(b, _)| sim > *b) {
            best = Some((sim, root));
        }
    }
    Ok(best.map(|(_, k)| k))
}

/// Insert one document and what was found in it; returns the original it copies, if any.
fn insert_document(
    tx: &rusqlite::Transaction,
    key: &str,
    doc: &CodedDocument,
) -> Result<Option<String>, StoreError> {
    let d = &doc.document;
    let published = d.published.as_ref();
    let signature = Signature::of(&d.text);
    let original = match &signature {
        Some(sig) => original_of(tx, sig)?,
        None => None,
    };
    tx.prepare_cached(
        "INSERT INTO documents (key, id, url, title, site, byline, published, published_source, language, text, errors, signature, duplicate_of)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        key,
        d.id,
        d.url,
        d.title,
        d.site,
        d.byline,
        published.map(|p| p.value.as_str()),
        published.map(|p| source_name(p.source)),
        d.language,
        d.text,
        (!doc.errors.is_empty()).then(|| doc.errors.join("\n")),
        signature.as_ref().map(Signature::to_bytes),
        original,
    ])?;
    if let Some(sig) = &signature {
        let mut band = tx.prepare_cached(
            "INSERT INTO document_bands (band, hash, doc_key) VALUES (?1, ?2, ?3)",
        )?;
        for (i, hash) in sig.bands().into_iter().enumerate() {
            band.execute(params![i, hash, key])?;
        }
    }
    let mut mention = tx.prepare_cached(
        "INSERT INTO mentions (doc_key, start, end, text, code, name, country, sector, kind)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for m in &doc.actors {
        let a = &m.actor;
        mention.execute(params![
            key,
            m.span.start,
            m.span.end,
            m.text,
            a.code,
            a.name,
            a.country,
            a.sector,
            a.kind.as_str()
        ])?;
    }
    let mut event = tx.prepare_cached(
        "INSERT INTO events (doc_key, seq, sentence_start, sentence_end,
            source_code, source_name, source_country, source_sector, source_text, source_start, source_end,
            target_code, target_name, target_country, target_sector, target_text, target_start, target_end,
            cameo, root, plover, mode, goldstein, quad_class, date, date_source,
            trigger_text, trigger_start, trigger_end, repeat)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                 ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30)",
    )?;
    // The events the original reports, which this copy's events repeat.
    let mut reported: std::collections::BTreeSet<(String, Option<String>, String)> =
        std::collections::BTreeSet::new();
    if let Some(original) = &original {
        let mut stmt = tx.prepare_cached(
            "SELECT source_code, target_code, cameo FROM events WHERE doc_key = ?1",
        )?;
        for row in stmt.query_map([original], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))? {
            reported.insert(row?);
        }
    }
    let mut months = tx.prepare_cached(
        "INSERT INTO dyad_months (source3, target3, month, events, q1, q2, q3, q4, goldstein_sum)
         VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (source3, target3, month) DO UPDATE SET
             events = events + 1, q1 = q1 + excluded.q1, q2 = q2 + excluded.q2,
             q3 = q3 + excluded.q3, q4 = q4 + excluded.q4,
             goldstein_sum = goldstein_sum + excluded.goldstein_sum",
    )?;
    for (seq, e) in doc.events.iter().enumerate() {
        let s = &e.source;
        let t = e.target.as_ref();
        let repeat = reported.contains(&(
            s.actor.code.clone(),
            t.map(|t| t.actor.code.clone()),
            e.cameo.clone(),
        ));
        event.execute(params![
            key,
            seq,
            e.sentence.start,
            e.sentence.end,
            s.actor.code,
            s.actor.name,
            s.actor.country,
            s.actor.sector,
            s.text,
            s.span.start,
            s.span.end,
            t.map(|t| t.actor.code.as_str()),
            t.and_then(|t| t.actor.name.as_deref()),
            t.and_then(|t| t.actor.country.as_deref()),
            t.and_then(|t| t.actor.sector.as_deref()),
            t.map(|t| t.text.as_str()),
            t.map(|t| t.span.start),
            t.map(|t| t.span.end),
            e.cameo,
            e.cameo.get(..2).unwrap_or(""),
            e.plover,
            e.mode.map(|m| m.as_str()),
            e.goldstein,
            e.quad_class,
            e.date.as_ref().map(|d| d.value.as_str()),
            e.date.as_ref().map(|d| source_name(d.source)),
            e.trigger.text,
            e.trigger.span.start,
            e.trigger.span.end,
            repeat,
        ])?;
        // The monthly dyad counts (migration 6) follow every new event.
        if let (false, Some(t), Some(date)) = (repeat, t, e.date.as_ref())
            && date.value.len() >= 7
        {
            let three = |c: &str| c.get(..3).unwrap_or(c).to_string();
            months.execute(params![
                three(&s.actor.code),
                three(&t.actor.code),
                &date.value[..7],
                i64::from(e.quad_class == 1),
                i64::from(e.quad_class == 2),
                i64::from(e.quad_class == 3),
                i64::from(e.quad_class == 4),
                e.goldstein,
            ])?;
        }
    }
    let mut quote = tx.prepare_cached(
        "INSERT INTO quotes (doc_key, seq, start, end, text, kind, cue,
            speaker_code, speaker_name, speaker_text, speaker_start, speaker_end,
            via_code, via_name, via_text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?;
    for (seq, q) in doc.quotes.iter().enumerate() {
        let sp = q.speaker.as_ref();
        quote.execute(params![
            key,
            seq,
            q.span.start,
            q.span.end,
            q.text,
            match q.kind {
                dyad_model::QuoteKind::Direct => "direct",
                dyad_model::QuoteKind::Indirect => "indirect",
            },
            q.cue,
            sp.map(|s| s.actor.code.as_str()),
            sp.and_then(|s| s.actor.name.as_deref()),
            sp.map(|s| s.text.as_str()),
            sp.map(|s| s.span.start),
            sp.map(|s| s.span.end),
            q.via.as_ref().map(|v| v.actor.code.as_str()),
            q.via.as_ref().and_then(|v| v.actor.name.as_deref()),
            q.via.as_ref().map(|v| v.text.as_str()),
        ])?;
    }
    let mut time = tx.prepare_cached(
        "INSERT INTO times (doc_key, start, end, text, value, type) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for t in &doc.times {
        time.execute(params![
            key,
            t.span.start,
            t.span.end,
            t.text,
            t.value,
            t.kind
        ])?;
    }
    Ok(original)
}

fn source_name(s: dyad_model::DateSource) -> &'static str {
    use dyad_model::DateSource::*;
    match s {
        Given => "given",
        Metadata => "metadata",
        Inferred => "inferred",
        Published => "published",
        Text => "text",
    }
}
