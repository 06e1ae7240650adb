//! `callaudit` binary: parses arguments, calls the library, picks the exit code.
//! Exit 0: the run finished (rejects included). Exit 2: it could not run at all.

use anyhow::{bail, Context, Result};
use callaudit::audit::{self, AuditOptions};
use callaudit::cli::{AuditArgs, Cli, Command, EvalArgs, GenerateArgs, ProfileArgs};
use callaudit::eval::{self, Weights};
use callaudit::ingest::roles::RoleOptions;
use callaudit::ingest::transcript::Format;
use callaudit::model::STEP_IDS;
use callaudit::profile::{Compiled, Profile, BUILTIN};
use callaudit::report::{Cells, ReportOptions};
use clap::Parser;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

// The audit allocates many small strings per call (tokens, evidence) on every worker;
// mimalloc's per-thread heaps keep that cheap.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn load_profile(sop: Option<&Path>) -> Result<Compiled> {
    match sop {
        Some(p) => Ok(Profile::load(p)?),
        None => Ok(Compiled::builtin()),
    }
}

fn audit(args: AuditArgs) -> Result<()> {
    let mut prof = load_profile(args.sop.as_deref()).context("invalid SOP profile")?;
    let l = &mut prof.profile.limits;
    l.transcript_bytes = args.max_transcript_bytes.unwrap_or(l.transcript_bytes);
    l.turns_per_call = args.max_turns.unwrap_or(l.turns_per_call);
    l.turn_chars = args.max_turn_chars.unwrap_or(l.turn_chars);
    l.evidence_chars = args.max_evidence_chars.unwrap_or(l.evidence_chars);
    if let Some(key) = l.zero_key() {
        bail!("limits.{key} (or its --max-* flag) must be at least 1");
    }
    // SIGINT / SIGTERM remove the report set being written (the previous one stays).
    let _ = callaudit::report::remove_staging_on_signal();
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    if args.dir.is_some() && !dir.is_dir() {
        bail!("{}: not a readable folder", dir.display());
    }
    let format = match &args.format {
        Some(f) => Some(Format::from_name(f).with_context(|| {
            format!(
                "--format {f:?}: unknown format (known: {})",
                Format::NAMES.join(", ")
            )
        })?),
        None => None,
    };
    if args.agent_speaker.is_some() && args.agent_channel.is_some() {
        bail!("--agent-speaker and --agent-channel name the same thing: give one");
    }
    let opts = AuditOptions {
        calls: args.calls.unwrap_or_else(|| dir.join("calls.csv")),
        actions: args.actions.unwrap_or_else(|| dir.join("actions.csv")),
        reports: args.reports.unwrap_or_else(|| dir.join("reports.csv")),
        bundles: if args.transcripts.is_empty() {
            vec![dir.clone()]
        } else {
            args.transcripts
        },
        out: args.out,
        format,
        roles: RoleOptions {
            agent_label: args.agent_speaker.or(args.agent_channel),
        },
        threads: args.threads,
        progress: !args.quiet,
        input_dirs: args.dir.iter().cloned().collect(),
        allow_outside: args.allow_outside,
        output: ReportOptions {
            cells: if args.raw_cells {
                Cells::Raw
            } else {
                Cells::Neutral
            },
            redact: args.redact,
        },
    };
    let s = audit::run(&opts, &prof)?;
    if !args.quiet {
        eprintln!(
            "callaudit: audited {} calls with profile \"{}\" {} in {:.2} s ({:.0} calls/s, inputs {}); {} rejected rows or files; mean score {}; {} critical fails; reports in {}",
            s.calls_audited,
            prof.profile.name,
            prof.profile.version,
            s.seconds,
            s.calls_audited as f64 / s.seconds.max(1e-9),
            if s.streamed { "streamed in call_id order" } else { "indexed: not sorted by call_id" },
            s.rejects,
            s.mean_score.map_or("-".into(), |m| format!("{m:.1}")),
            s.critical_fails,
            opts.out.display(),
        );
    }
    Ok(())
}

fn profile(args: ProfileArgs) -> Result<()> {
    let prof = load_profile(args.sop.as_deref()).context("invalid SOP profile")?;
    if args.phrases {
        let mut seen = std::collections::BTreeSet::new();
        for p in prof.all_phrases() {
            let lit = p.literal();
            if !lit.is_empty() && seen.insert(lit.clone()) {
                println!("{lit}");
            }
        }
    } else if let Some(path) = args.sop {
        print!("{}", std::fs::read_to_string(path)?);
    } else {
        print!("{BUILTIN}");
    }
    Ok(())
}

fn eval_cmd(args: EvalArgs) -> Result<()> {
    let prof = load_profile(args.sop.as_deref()).context("invalid SOP profile")?;
    let weights = Weights {
        per_step: STEP_IDS
            .iter()
            .enumerate()
            .map(|(i, s)| (s.to_string(), prof.weights[i]))
            .collect(),
        critical: STEP_IDS
            .iter()
            .enumerate()
            .filter(|(i, _)| prof.critical[*i])
            .map(|(_, s)| s.to_string())
            .collect(),
        critical_zeroes_score: prof.profile.scoring.critical_zeroes_score,
    };
    eval::run(&args, &weights, &mut std::io::stdout().lock())?;
    Ok(())
}

fn generate_cmd(args: GenerateArgs) -> Result<()> {
    let s = callaudit::generate::run(&args)?;
    eprintln!(
        "callaudit: generated {} calls at noise {} in {} ({} files, {:.1} MB)",
        s.calls,
        args.noise,
        args.out.display(),
        s.files,
        s.bytes as f64 / 1e6
    );
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Audit(a) => audit(*a),
        Command::Profile(p) => profile(p),
        Command::Eval(e) => eval_cmd(e),
        Command::Generate(g) => generate_cmd(g),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("callaudit: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
