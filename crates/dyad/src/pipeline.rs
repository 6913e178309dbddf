//! The one pipeline: inputs → intake → coding (parallel over documents) → a sink.
//!
//! Records are read in input order, coded in parallel in batches with rayon, and handed to
//! the sink in the same order, so output is deterministic. A record that cannot be read
//! becomes a document with `errors` and no content; the run goes on.

use dyad_intake::{Format, Input, IntakeOptions, Record};
use dyad_lexicon::Lexicon;
use dyad_model::CodedDocument;
use indicatif::ProgressBar;
use rayon::prelude::*;

/// Where coded documents go. `dyad code` prints them, `dyad ingest` stores them.
pub trait Sink {
    /// Take the next batch of coded documents, in input order.
    fn accept(&mut self, batch: Vec<CodedDocument>) -> anyhow::Result<()>;
}

/// Documents per parallel batch: enough to keep both cores busy, small enough that a crash
/// loses little.
const BATCH: usize = 64;

/// Counts of one run.
#[derive(Clone, Copy, Debug, Default)]
pub struct RunStats {
    pub records: usize,
    pub failed: usize,
}

pub struct Pipeline {
    pub lexicon: Lexicon,
    pub format: Format,
    pub options: IntakeOptions,
}

impl Pipeline {
    /// Read, code and sink every input.
    pub fn run(
        &self,
        inputs: &[Input],
        sink: &mut dyn Sink,
        progress: &ProgressBar,
    ) -> anyhow::Result<RunStats> {
        let mut stats = RunStats::default();
        let mut pending: Vec<Record> = Vec::new();
        for input in inputs {
            if let Input::Path(p) = input {
                progress.set_message(p.display().to_string());
            }
            for record in input.records(self.format, &self.options) {
                pending.push(record);
                if pending.len() >= BATCH {
                    self.flush(&mut pending, sink, &mut stats)?;
                }
            }
            progress.inc(1);
        }
        self.flush(&mut pending, sink, &mut stats)?;
        Ok(stats)
    }

    fn flush(
        &self,
        pending: &mut Vec<Record>,
        sink: &mut dyn Sink,
        stats: &mut RunStats,
    ) -> anyhow::Result<()> {
        if pending.is_empty() {
            return Ok(());
        }
        let batch: Vec<CodedDocument> = std::mem::take(pending)
            .into_par_iter()
            .map(|r| self.code(r))
            .collect();
        stats.records += batch.len();
        stats.failed += batch.iter().filter(|d| d.is_failure()).count();
        sink.accept(batch)
    }

    /// Code one record; an unreadable one becomes an error document. A bug that panics
    /// while coding one document costs that document, not the run.
    pub fn code(&self, record: Record) -> CodedDocument {
        match record.result {
            Ok(doc) => {
                let id = doc.id.clone();
                let coded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    dyad_code::code_document(doc, &self.lexicon)
                }));
                coded.unwrap_or_else(|_| {
                    tracing::error!(input = %id, "internal error while coding; document skipped");
                    CodedDocument::failed(
                        id,
                        vec![
                            "internal error while coding this document (a bug: please report it)"
                                .into(),
                        ],
                    )
                })
            }
            Err(e) => {
                tracing::warn!(input = %record.id, "skipped: {e}");
                CodedDocument::failed(record.id, vec![format!("intake: {e}")])
            }
        }
    }
}
