//! `callaudit-gen` binary: writes a synthetic archive with its ground truth.
//! Exit 0 when the archive was written, 2 when it could not be.

use callaudit_gen::Options;
use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;

/// Writes a synthetic PLN 123 archive (calls, actions, reports, transcripts) and the
/// truth an audit of it is scored against (`truth.csv`, `expected_calls.csv`).
#[derive(Debug, Parser)]
#[command(name = "callaudit-gen", version)]
struct Args {
    /// Number of calls.
    #[arg(long, default_value_t = 1000)]
    calls: u64,
    /// Random seed; the same seed writes the same archive.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// ASR noise level 0 (clean) to 3 (very noisy).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(0..=3))]
    noise: u8,
    /// Output folder.
    #[arg(long)]
    out: PathBuf,
    /// Transcript layout: `files` (one .txt per call), `jsonl` (bundles) or `mixed`.
    #[arg(long, default_value = "mixed")]
    layout: String,
    /// Row order of the tables and bundles: `time` (as the systems export: calls by
    /// started_at, actions by at, reports by created_at), `call-id` or `shuffled`.
    #[arg(long, default_value = "time")]
    order: String,
    /// At noise 2 and 3, add the held-out recogniser noise kinds too (phonetic drift,
    /// English fillers, a step split around a caller backchannel); never in a default
    /// archive, so nothing is tuned against them.
    #[arg(long)]
    heldout_noise: bool,
}

fn main() -> ExitCode {
    let a = Args::parse();
    let opts = Options {
        calls: a.calls,
        seed: a.seed,
        noise: a.noise,
        out: a.out,
        layout: a.layout,
        order: a.order,
        heldout_noise: a.heldout_noise,
        ..Options::new(PathBuf::new(), 0, 0)
    };
    match callaudit_gen::run(&opts) {
        Ok(s) => {
            eprintln!(
                "callaudit-gen: generated {} calls at noise {} in {} ({} files, {:.1} MB)",
                s.calls,
                opts.noise,
                opts.out.display(),
                s.files,
                s.bytes as f64 / 1e6
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("callaudit-gen: {e:#}");
            ExitCode::from(2)
        }
    }
}
