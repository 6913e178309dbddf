//! The store's schema, as a list of migrations applied in order.
//!
//! `PRAGMA user_version` records how many migrations a store has had. A migration is never
//! edited once released; a change to the schema is a new migration at the end of the list.

use rusqlite::Connection;

use crate::StoreError;

/// Each entry moves the schema from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: documents and what was found in them.
    "
    CREATE TABLE documents (
        key TEXT PRIMARY KEY,
        id TEXT NOT NULL,
        url TEXT,
        title TEXT,
        site TEXT,
        byline TEXT,
        published TEXT,
        published_source TEXT,
        language TEXT,
        text TEXT NOT NULL,
        errors TEXT
    );
    CREATE INDEX documents_id ON documents(id);
    CREATE INDEX documents_published ON documents(published);

    CREATE TABLE mentions (
        doc_key TEXT NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        code TEXT NOT NULL,
        name TEXT,
        country TEXT,
        sector TEXT,
        kind TEXT NOT NULL
    );
    CREATE INDEX mentions_doc ON mentions(doc_key);
    CREATE INDEX mentions_code ON mentions(code);

    CREATE TABLE events (
        doc_key TEXT NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        source_code TEXT NOT NULL,
        source_name TEXT,
        source_country TEXT,
        source_sector TEXT,
        source_text TEXT NOT NULL,
        source_start INTEGER NOT NULL,
        source_end INTEGER NOT NULL,
        target_code TEXT,
        target_name TEXT,
        target_country TEXT,
        target_sector TEXT,
        target_text TEXT,
        target_start INTEGER,
        target_end INTEGER,
        cameo TEXT NOT NULL,
        root TEXT NOT NULL,
        plover TEXT,
        mode TEXT,
        goldstein REAL NOT NULL,
        quad_class INTEGER NOT NULL,
        date TEXT,
        date_source TEXT,
        trigger_text TEXT NOT NULL,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL,
        PRIMARY KEY (doc_key, seq)
    );
    CREATE INDEX events_source ON events(source_code);
    CREATE INDEX events_target ON events(target_code);
    CREATE INDEX events_date ON events(date);
    CREATE INDEX events_cameo ON events(cameo);

    CREATE TABLE quotes (
        doc_key TEXT NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        cue TEXT,
        speaker_code TEXT,
        speaker_name TEXT,
        speaker_text TEXT,
        speaker_start INTEGER,
        speaker_end INTEGER,
        PRIMARY KEY (doc_key, seq)
    );
    CREATE INDEX quotes_speaker ON quotes(speaker_code);

    CREATE TABLE times (
        doc_key TEXT NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        value TEXT NOT NULL,
        type TEXT NOT NULL
    );
    CREATE INDEX times_doc ON times(doc_key);

    CREATE TABLE failures (
        input_id TEXT NOT NULL,
        message TEXT NOT NULL,
        PRIMARY KEY (input_id, message)
    );
    ",
    // 2: near-duplicate links. A document's MinHash signature, its bands for candidate
    // lookup, and the original it copies.
    "
    ALTER TABLE documents ADD COLUMN signature BLOB;
    ALTER TABLE documents ADD COLUMN duplicate_of TEXT REFERENCES documents(key);
    CREATE INDEX documents_duplicate_of ON documents(duplicate_of);
    CREATE TABLE document_bands (
        band INTEGER NOT NULL,
        hash INTEGER NOT NULL,
        doc_key TEXT NOT NULL REFERENCES documents(key) ON DELETE CASCADE
    );
    CREATE INDEX document_bands_lookup ON document_bands(band, hash);
    ",
    // 3: who relays a quote ("…,” Kremlin adviser Yuri Ushakov said, of Xi's words).
    "
    ALTER TABLE quotes ADD COLUMN via_code TEXT;
    ALTER TABLE quotes ADD COLUMN via_name TEXT;
    ALTER TABLE quotes ADD COLUMN via_text TEXT;
    ",
    // 4: indexes for the queries of large stores: events by the country part of an actor
    // code (`RUS` for RUSGOV) in date order, and dyads by both.
    "
    CREATE INDEX events_source3_date ON events(substr(source_code, 1, 3), date);
    CREATE INDEX events_target3_date ON events(substr(target_code, 1, 3), date);
    CREATE INDEX events_dyad3_date ON events(substr(source_code, 1, 3), substr(target_code, 1, 3), date);
    ",
    // 5: an event of a near-duplicate copy that its original already reports (same source,
    // target and code) is marked as a repeat when written, so lists and series skip it
    // with a column test instead of a lookup per row; the dyad index covers the series.
    "
    ALTER TABLE events ADD COLUMN repeat INTEGER NOT NULL DEFAULT 0;
    UPDATE events SET repeat = 1 WHERE EXISTS (
        SELECT 1 FROM documents cd JOIN events o ON o.doc_key = cd.duplicate_of
        WHERE cd.key = events.doc_key AND o.source_code = events.source_code
          AND o.target_code IS events.target_code AND o.cameo = events.cameo);
    DROP INDEX events_dyad3_date;
    CREATE INDEX events_dyad3_cover ON events(substr(source_code, 1, 3), substr(target_code, 1, 3),
        date, repeat, quad_class, goldstein);
    ",
    // 6: monthly counts per directed dyad of countries, kept up to date by every write, so
    // a dyad's monthly series reads a few hundred rows however large the store.
    "
    CREATE TABLE dyad_months (
        source3 TEXT NOT NULL,
        target3 TEXT NOT NULL,
        month TEXT NOT NULL,
        events INTEGER NOT NULL,
        q1 INTEGER NOT NULL,
        q2 INTEGER NOT NULL,
        q3 INTEGER NOT NULL,
        q4 INTEGER NOT NULL,
        goldstein_sum REAL NOT NULL,
        PRIMARY KEY (source3, target3, month)
    ) WITHOUT ROWID;
    INSERT INTO dyad_months
        SELECT substr(source_code, 1, 3), substr(target_code, 1, 3), substr(date, 1, 7),
               COUNT(*), SUM(quad_class = 1), SUM(quad_class = 2), SUM(quad_class = 3),
               SUM(quad_class = 4), SUM(goldstein)
        FROM events
        WHERE repeat = 0 AND target_code IS NOT NULL AND length(date) >= 7
        GROUP BY 1, 2, 3;
    ",
];

/// The schema version this build writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

/// Bring a store up to [`VERSION`], one transaction per migration.
pub(crate) fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > VERSION {
        return Err(StoreError::TooNew {
            found,
            supported: VERSION,
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}
