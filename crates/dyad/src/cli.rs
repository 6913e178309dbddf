//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// dyad reads the news and records who did what to whom.
#[derive(Debug, Parser)]
#[command(name = "dyad", version, about, long_about = None)]
pub struct Cli {
    /// More log output on stderr (-v info, -vv debug). DYAD_LOG overrides.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Code articles and print one JSON line per document to stdout.
    Code(InputArgs),
    /// Code articles into the store (idempotent: the same input twice stores nothing new).
    Ingest {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        db: DbArg,
    },
    /// List stored events (one per story: copies of a stored story add to its sources).
    Events {
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        filter: EventFilter,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// A dyad's relations over time: per period, event counts by QuadClass and the sum and
    /// mean of Goldstein scores.
    Relations {
        /// One side: a code prefix (RUS, RUSGOV).
        a: String,
        /// The other side.
        b: String,
        /// Period: day, week (ISO), month or year.
        #[arg(long, default_value = "month")]
        by: dyad_store::Period,
        /// Only events with A as source and B as target.
        #[arg(long)]
        directed: bool,
        #[command(flatten)]
        db: DbArg,
        /// JSON lines instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Export events: GDELT 2.0-style TSV, PLOVER JSON lines, CSV, or Parquet (builds with
    /// the `parquet` feature).
    Export {
        /// gdelt, plover, csv or parquet (parquet needs --out).
        #[arg(long, default_value = "csv")]
        format: dyad_store::ExportFormat,
        /// Write here instead of stdout.
        #[arg(long, short)]
        out: Option<PathBuf>,
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        filter: EventFilter,
        /// At most this many events.
        #[arg(long)]
        limit: Option<usize>,
    },
    /// Serve the store: a JSON API and a web page to explore events, dyads, quotes and
    /// articles with their evidence.
    Serve {
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        #[command(flatten)]
        db: DbArg,
        /// Allow `POST /api/ingest` for requests bearing this token (`Authorization:
        /// Bearer TOKEN`). Without it the server is read-only. Also read from DYAD_TOKEN.
        #[arg(long)]
        token: Option<String>,
        #[command(flatten)]
        lexicon: LexiconArgs,
    },
    /// List stored quotes.
    Quotes {
        #[command(flatten)]
        db: DbArg,
        /// Speaker: a code prefix or part of a name.
        #[arg(long)]
        speaker: Option<String>,
        /// Only quotes containing this text.
        #[arg(long)]
        text: Option<String>,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// List stored actors by number of mentions.
    Actors {
        #[command(flatten)]
        db: DbArg,
        /// A code prefix or part of a name.
        filter: Option<String>,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Tag and parse: CoNLL-U in (`--conllu`, sentences and words kept) or raw text in,
    /// CoNLL-U out with UPOS, XPOS, LEMMA, HEAD and DEPREL.
    Parse {
        /// The input file; none or `-` reads stdin.
        file: Option<PathBuf>,
        /// The input is CoNLL-U: keep its sentences and words.
        #[arg(long)]
        conllu: bool,
        /// A model file instead of the built-in one.
        #[arg(long)]
        model: Option<PathBuf>,
    },
    /// Train the tagger, lemmatiser and parser on a UD treebank (its *-ud-train.conllu) and
    /// write the model file; prints scores on its dev part. Deterministic.
    Train {
        /// Folder of the treebank.
        #[arg(long, default_value = "../shared/corpora/ud-english-ewt")]
        treebank: PathBuf,
        /// Where to write the model.
        #[arg(long, default_value = "models/en-ewt.dyad")]
        out: PathBuf,
        #[arg(long, default_value_t = 8)]
        tagger_epochs: usize,
        #[arg(long, default_value_t = 20)]
        parser_epochs: usize,
        /// Parsers trained in different orders whose mean weights make the model.
        #[arg(long, default_value_t = 3)]
        parser_runs: usize,
        /// Parts for tagging the parser's training data with held-out taggers (0: gold tags).
        #[arg(long, default_value_t = 4)]
        jackknife: usize,
        /// WordNet's database folder (Debian's wordnet-base), whose word classes help the
        /// tagger with words the treebank lacks; `none` trains without it.
        #[arg(long, default_value = "/usr/share/wordnet")]
        wordnet: PathBuf,
        /// Seed of the training order (the shipped model uses the default).
        #[arg(long, default_value_t = 0x0dad)]
        seed: u64,
    },
    /// Measure dyad against gold sets.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Whole-pipeline speed on one core: text in, JSON lines out, against tokenising alone.
    Bench {
        /// Text files to measure on (default: the bundled example articles).
        texts: Vec<PathBuf>,
        /// Repeat the texts up to about this many megabytes.
        #[arg(long, default_value_t = 1.0)]
        megabytes: f64,
        /// Time each measurement this many times and report the fastest (and the median).
        #[arg(long, default_value_t = 3)]
        runs: usize,
        #[command(flatten)]
        lexicon: LexiconArgs,
    },
    /// Resolve actor phrases: JSON lines {"text", "context"?, "date"?} on stdin, one answer
    /// line each on stdout.
    Resolve {
        /// Date for phrases that carry none (YYYY-MM-DD).
        #[arg(long)]
        date: Option<jiff::civil::Date>,
        #[command(flatten)]
        lexicon: LexiconArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Event coding on the PETRARCH2 and PLOVER gold sentences: precision, recall and F1 by
    /// root, with and without actors, per category, and the misses.
    Events {
        /// Folder with petr2-gsr-dev.json and plover-gsr.json.
        #[arg(default_value = "../shared/bench/events")]
        dir: PathBuf,
        /// Print up to this many misses (sentences where dyad and the gold differ).
        #[arg(long, default_value_t = 0)]
        misses: usize,
        #[command(flatten)]
        lexicon: LexiconArgs,
    },
    /// Actor finding on the PLOVER gold sentences: how many gold source and target actors
    /// dyad finds, and with the right country.
    Actors {
        /// The PLOVER gold file.
        #[arg(default_value = "../shared/bench/events/plover-gsr.json")]
        file: PathBuf,
        /// Print the gold actors dyad misses or codes with another country.
        #[arg(long)]
        misses: bool,
        #[command(flatten)]
        lexicon: LexiconArgs,
    },
    /// Quote attribution against an answer key (file, first words, speaker country, name).
    Quotes {
        /// The answer key.
        #[arg(default_value = "examples/quotes-gold.tsv")]
        key: PathBuf,
    },
    /// Article extraction on the ScrapingHub and WCXB benchmarks: body precision, recall and
    /// F1 over word 4-gram shingles; title and date accuracy where the gold has them.
    Extraction {
        /// Folder holding scrapinghub/ and wcxb-articles/.
        #[arg(default_value = "../shared/bench/extraction")]
        dir: PathBuf,
        /// Print the pages scoring below this F1.
        #[arg(long)]
        below: Option<f64>,
        /// Reads of each page for its time; the fastest counts (1 for a quick check).
        #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..))]
        repeat: u32,
    },
    /// Tagging, lemmas and parsing on a UD treebank file: with its gold tokens, and from its
    /// raw text with dyad's own tokens and sentences.
    Parse {
        /// The gold CoNLL-U file.
        #[arg(default_value = "../shared/corpora/ud-english-ewt/en_ewt-ud-test.conllu")]
        gold: PathBuf,
        /// A model file instead of the built-in one.
        #[arg(long)]
        model: Option<PathBuf>,
    },
    /// Time expressions on TimeML files (TempEval-3): strict and relaxed span F1, value F1.
    Time {
        /// Folder of .tml files.
        #[arg(default_value = "../shared/bench/timex/te3-platinum-dev")]
        dir: PathBuf,
        /// Print the misses (gold expressions not found or valued differently, extra ones).
        #[arg(long)]
        misses: bool,
    },
}

/// Filters for stored events.
#[derive(Debug, Args, Default)]
pub struct EventFilter {
    /// Source or target: a code prefix (RUS, RUSGOV) or part of a name (Putin).
    #[arg(long)]
    pub actor: Option<String>,
    /// Source or target country (ISO alpha-3).
    #[arg(long)]
    pub country: Option<String>,
    /// A dyad, `A,B`: events between the two (code prefixes), in either direction unless
    /// --directed.
    #[arg(long, value_name = "A,B")]
    pub dyad: Option<String>,
    /// With --dyad: only events from A to B.
    #[arg(long)]
    pub directed: bool,
    /// Source actor: a code prefix or part of a name.
    #[arg(long)]
    pub source: Option<String>,
    /// Target actor: a code prefix or part of a name.
    #[arg(long)]
    pub target: Option<String>,
    /// CAMEO root code (two digits: 16).
    #[arg(long)]
    pub root: Option<String>,
    /// CAMEO code prefix (04, 042).
    #[arg(long)]
    pub cameo: Option<String>,
    /// PLOVER type (CONSULT, SANCTION...).
    #[arg(long)]
    pub plover: Option<String>,
    /// QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4
    /// material conflict.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    pub quad: Option<u8>,
    /// negated, intended, hypothetical, denied, or none (events that happened).
    #[arg(long)]
    pub mode: Option<String>,
    /// Events dated on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long)]
    pub since: Option<String>,
    /// Events dated on or before this date.
    #[arg(long)]
    pub until: Option<String>,
    /// Words in the event's sentence.
    #[arg(long)]
    pub text: Option<String>,
}

#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or directories to read (directories recursively); none or `-` reads stdin.
    pub inputs: Vec<String>,
    /// Input format: auto (by extension, then content), text, html, warc or jsonl.
    #[arg(long, default_value = "auto")]
    pub format: dyad_intake::Format,
    /// Publication date for inputs that carry none (YYYY-MM-DD).
    #[arg(long)]
    pub date: Option<jiff::civil::Date>,
    /// Largest document accepted, in bytes.
    #[arg(long, default_value_t = 16 * 1024 * 1024)]
    pub max_bytes: usize,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
}

#[derive(Debug, Args)]
pub struct LexiconArgs {
    /// Extra lexicon file (same format as data/*.tsv); repeatable. Entries add to or replace
    /// the built-in ones.
    #[arg(long = "lexicon", value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct DbArg {
    /// The store.
    #[arg(long, default_value = "dyad.db")]
    pub db: PathBuf,
}

#[derive(Debug, Args)]
pub struct OutputArgs {
    /// JSON lines instead of a table.
    #[arg(long)]
    pub json: bool,
    /// At most this many rows.
    #[arg(long)]
    pub limit: Option<usize>,
}
