//! `dyad serve`: wires the HTTP server to the store and, when a token is given, to the
//! coding pipeline for `POST /api/ingest`.

use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use dyad_intake::{Format, IntakeOptions, read_bytes};
use dyad_store::Store;

use crate::cli::LexiconArgs;
use crate::pipeline::Pipeline;

/// Largest request body `POST /api/ingest` accepts.
const MAX_BODY: usize = 32 * 1024 * 1024;

/// Codes posted bytes with the pipeline and writes them with the one writer connection.
struct Ingestor {
    pipeline: Pipeline,
    writer: Mutex<Store>,
}

impl dyad_serve::Ingest for Ingestor {
    fn ingest(
        &self,
        body: &[u8],
        format: &str,
        date: Option<&str>,
    ) -> Result<serde_json::Value, String> {
        let format: Format = format.parse().map_err(|e: String| e)?;
        let date = match date {
            Some(d) => Some(d.parse().map_err(|e| format!("date {d:?}: {e}"))?),
            None => None,
        };
        let options = IntakeOptions {
            date,
            ..self.pipeline.options.clone()
        };
        let id = format!("upload-{:016x}", xxhash_rust::xxh3::xxh3_64(body));
        let docs: Vec<_> = read_bytes(&id, body, format, &options)
            .into_iter()
            .map(|r| self.pipeline.code(r))
            .collect();
        let failed = docs.iter().filter(|d| d.is_failure()).count();
        let errors: Vec<String> = docs
            .iter()
            .filter(|d| d.is_failure())
            .flat_map(|d| d.errors.iter().map(move |e| format!("{}: {e}", d.id())))
            .collect();
        let mut store = self
            .writer
            .lock()
            .map_err(|_| "the store writer failed earlier".to_string())?;
        let o = store.write_batch(&docs).map_err(|e| e.to_string())?;
        Ok(serde_json::json!({
            "records": docs.len(),
            "failed": failed,
            "errors": errors,
            "documents": o.documents,
            "unchanged": o.unchanged,
            "copies": o.duplicates,
            "events": o.events,
            "quotes": o.quotes,
            "actors": o.actors,
        }))
    }
}

pub fn run(
    addr: SocketAddr,
    db: &Path,
    token: Option<String>,
    lexicon: &LexiconArgs,
) -> anyhow::Result<ExitCode> {
    let token = token.or_else(|| std::env::var("DYAD_TOKEN").ok().filter(|t| !t.is_empty()));
    let ingest: Option<Arc<dyn dyad_serve::Ingest>> = match &token {
        Some(t) if t.len() < 16 => {
            anyhow::bail!("--token must be at least 16 characters long")
        }
        Some(_) => Some(Arc::new(Ingestor {
            pipeline: Pipeline {
                lexicon: crate::commands::load_lexicon(lexicon)?,
                format: Format::Auto,
                options: IntakeOptions::default(),
            },
            writer: Mutex::new(Store::open(db)?),
        })),
        None => None,
    };
    dyad_serve::run(dyad_serve::Config {
        addr,
        db: db.to_path_buf(),
        token,
        ingest,
        max_body: MAX_BODY,
    })?;
    Ok(ExitCode::SUCCESS)
}
