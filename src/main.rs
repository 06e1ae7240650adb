//! `callaudit` binary: parses arguments, calls the library, picks the exit code.
//! Exit 0: the run finished (rejects included). Exit 2: it could not run at all.

use anyhow::{bail, Context, Result};
use callaudit::audit::{self, AllowMissing, AuditOptions};
use callaudit::cli::{AuditArgs, Cli, Command, EvalArgs, GenerateArgs, ProfileArgs};
use callaudit::eval::{self, Weights};
use callaudit::ingest::input;
use callaudit::ingest::roles::RoleOptions;
use callaudit::ingest::transcript::Format;
use callaudit::model::STEP_IDS;
use callaudit::profile::{Compiled, Profile, BUILTIN};
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

fn audit(args: AuditArgs) -> Result<Outcome> {
    let prof = load_profile(args.sop.as_deref()).context("invalid SOP profile")?;
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
    let mut allow_missing = AllowMissing::default();
    for a in &args.allow_missing {
        match a.trim() {
            "actions" => allow_missing.actions = true,
            "reports" => allow_missing.reports = true,
            other => bail!("--allow-missing {other:?}: expected actions, reports"),
        }
    }
    let table = |given: Option<PathBuf>, name: &str| {
        given.unwrap_or_else(|| {
            input::default_table(&dir, name).unwrap_or_else(|| dir.join(format!("{name}.csv")))
        })
    };
    let opts = AuditOptions {
        calls: table(args.calls, "calls"),
        actions: table(args.actions, "actions"),
        reports: table(args.reports, "reports"),
        allow_missing,
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
    };
    let s = audit::run(&opts, &prof)?;
    let sorted = s.sorted.describe();
    let order = if sorted.is_empty() {
        "inputs streamed in call_id order".to_string()
    } else {
        format!("not in call_id order, sorted on disk: {sorted}")
    };
    if !args.quiet {
        eprintln!(
            "callaudit: audited {} calls with profile \"{}\" {} in {:.2} s ({:.0} calls/s, {}); {} rejected rows or files; mean score {}; {} critical fails; reports in {}",
            s.calls_audited,
            prof.profile.name,
            prof.profile.version,
            s.seconds,
            s.calls_audited as f64 / s.seconds.max(1e-9),
            order,
            s.rejects,
            s.mean_score.map_or("-".into(), |m| format!("{m:.1}")),
            s.critical_fails,
            opts.out.display(),
        );
    }
    if s.role_mismatches > 0 && !args.quiet {
        eprintln!(
            "callaudit: warning: in {} calls the agent flag ({}) was absent or another speaker greets (roles column of calls.csv: flag-absent / flag-contradicted)",
            s.role_mismatches,
            opts.roles.agent_label.as_deref().unwrap_or("-"),
        );
    }
    if args.strict && s.rejects > 0 {
        return Ok(Outcome::Rejects(s.rejects));
    }
    Ok(Outcome::Clean)
}

/// How a run that did finish ends.
enum Outcome {
    Clean,
    /// `--strict` and this many rejects: exit 1.
    Rejects(usize),
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
        Command::Audit(a) => audit(a),
        Command::Profile(p) => profile(p).map(|_| Outcome::Clean),
        Command::Eval(e) => eval_cmd(e).map(|_| Outcome::Clean),
        Command::Generate(g) => generate_cmd(g).map(|_| Outcome::Clean),
    };
    match result {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Rejects(n)) => {
            eprintln!("callaudit: --strict: {n} rejected rows or files (see rejects.csv)");
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("callaudit: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
