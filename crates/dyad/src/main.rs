//! `dyad`: the command-line tool. A thin shell that parses arguments and wires dyad's
//! library crates together; every command that reads news runs the same pipeline
//! ([`pipeline`]) and differs only in where coded documents go (a [`pipeline::Sink`]).

mod bench;
mod cli;
mod commands;
mod nlp;
mod pipeline;
mod serve;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc instead of the system allocator: coding a document makes and frees many small
/// strings and vectors, and glibc's malloc and free took about a twelfth of `dyad bench`'s
/// time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    init_logging(args.verbose);
    if !matches!(args.command, cli::Command::Serve { .. }) {
        quit_quietly_on_closed_pipe();
    }
    match commands::run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dyad: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn init_logging(verbose: u8) {
    let default = match verbose {
        0 => "warn",
        1 => "info",
        _ => "debug",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("DYAD_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .init();
}

/// `dyad code ... | head`: when whoever reads stdout stops reading, stop as `cat` and
/// `grep` do, without an error. Rust ignores SIGPIPE, so a closed pipe would otherwise be
/// a "Broken pipe" error (or a panic in `println!`). Not for `serve`, whose clients may
/// hang up at any time.
fn quit_quietly_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: restoring a signal's default disposition at start-up, before any thread
    // is spawned, touches no Rust state.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
