//! `callaudit` binary: parses arguments, calls the library, picks the exit code.
//! Exit 0: the run finished (rejects included). Exit 1: `lint` found errors in the profile,
//! or `audit --strict` rejected something.
//! Exit 2: it could not run at all.

use anyhow::{bail, Context, Result};
use callaudit::audit::{self, AllowMissing, AuditOptions, Filter};
mod cli;

use callaudit::eval;
use callaudit::history::History;
use callaudit::ingest::input;
use callaudit::ingest::roles::RoleOptions;
use callaudit::ingest::transcript::Format;
use callaudit::profile::{Compiled, Profile, Provenance, BUILTIN};
use callaudit::report::explain::{self, use_color};
use callaudit::report::html::HtmlOptions;
use callaudit::report::{Cells, ReportOptions};
use callaudit::review;
use clap::Parser;
use cli::{AuditArgs, Cli, Command, EvalArgs, ExplainArgs, InputArgs, LintArgs, ProfileArgs};
use std::io::IsTerminal;
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

/// The provenance of the profile a run uses (read after it loaded, so it parses).
fn provenance(sop: Option<&Path>) -> Result<Provenance> {
    let text = match sop {
        Some(p) => std::fs::read_to_string(p)?,
        None => BUILTIN.to_string(),
    };
    Provenance::of(&text).map_err(|e| anyhow::anyhow!(e))
}

/// Turns the input flags into run options (output and threads left at defaults).
fn options(args: InputArgs, filter: Filter) -> Result<(AuditOptions, Compiled)> {
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
        out: PathBuf::from("reports"),
        format,
        roles: RoleOptions {
            agent_label: args.agent_speaker.or(args.agent_channel),
        },
        threads: None,
        progress: false,
        provenance: provenance(args.sop.as_deref())?,
        overrides: None,
        skip: None,
        filter,
        html: None,
        input_dirs: args.dir.iter().cloned().collect(),
        allow_outside: false,
        output: ReportOptions::default(),
    };
    Ok((opts, prof))
}

fn audit(args: AuditArgs) -> Result<Option<ExitCode>> {
    let input = args.input;
    let filter = Filter {
        call_id: None,
        agent_id: args.agent,
    };
    let (mut opts, mut prof) = options(input, filter)?;
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
    opts.allow_outside = args.allow_outside;
    opts.output = ReportOptions {
        cells: if args.raw_cells {
            Cells::Raw
        } else {
            Cells::Neutral
        },
        redact: args.redact,
    };
    opts.out = args.out;
    opts.threads = args.threads;
    opts.progress = !args.quiet;
    opts.overrides = args.overrides;
    opts.html = args.html.map(|dir| HtmlOptions {
        dir,
        all: args.html_all,
        ..HtmlOptions::default()
    });
    // The history opens before the run, so a database that cannot be written stops it.
    let mut history = match &args.history {
        Some(p) => Some(History::open(p).with_context(|| format!("{}", p.display()))?),
        None => None,
    };
    if let (Some(h), true) = (&history, args.skip_scored) {
        opts.skip = Some(h.scored(&opts.provenance.hash)?);
    }
    let s = audit::run(&opts, &prof)?;
    let sorted = s.sorted.describe();
    let order = if sorted.is_empty() {
        "inputs streamed in call_id order".to_string()
    } else {
        format!("not in call_id order, sorted on disk: {sorted}")
    };
    let run_id = match &mut history {
        Some(h) => Some(h.record(&s.info, &opts.out)?),
        None => None,
    };
    if !args.quiet {
        eprintln!(
            "callaudit: audited {} calls with profile \"{}\" {} (hash {}) in {:.2} s ({:.0} calls/s, {}); {}{} rejected rows or files; mean score {}; {} critical fails; reports in {}",
            s.calls_audited,
            opts.provenance.name,
            opts.provenance.version,
            opts.provenance.hash,
            s.seconds,
            s.calls_audited as f64 / s.seconds.max(1e-9),
            order,
            if s.skipped > 0 { format!("{} already scored with this profile skipped; ", s.skipped) } else { String::new() },
            s.rejects,
            s.mean_score.map_or("-".into(), |m| format!("{m:.1}")),
            s.critical_fails,
            opts.out.display(),
        );
        if let Some(id) = run_id {
            eprintln!("callaudit: history run {id} recorded");
        }
    }
    if s.role_mismatches > 0 && !args.quiet {
        eprintln!(
            "callaudit: warning: in {} calls the agent flag ({}) was absent or another speaker greets (roles column of calls.csv: flag-absent / flag-contradicted)",
            s.role_mismatches,
            opts.roles.agent_label.as_deref().unwrap_or("-"),
        );
    }
    if args.strict && s.rejects > 0 {
        eprintln!(
            "callaudit: --strict: {} rejected rows or files (see rejects.csv)",
            s.rejects
        );
        return Ok(Some(ExitCode::from(1)));
    }
    Ok(None)
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
    eval::run(&args.options(), &prof, &mut std::io::stdout().lock())?;
    Ok(())
}

/// Exit 1 when the profile has errors (warnings alone exit 0).
fn lint_cmd(args: LintArgs) -> Result<Option<ExitCode>> {
    let errors = review::run_lint(&args.into(), &mut std::io::stdout().lock())?;
    Ok((errors > 0).then_some(ExitCode::from(1)))
}

fn explain_cmd(args: ExplainArgs) -> Result<()> {
    let every = args.call_id == "-";
    if every && args.agent.is_none() {
        bail!("CALL_ID `-` (every call) needs --agent ID");
    }
    let filter = Filter {
        call_id: (!every).then(|| args.call_id.clone()),
        agent_id: args.agent.clone(),
    };
    let (opts, prof) = options(args.input, filter)?;
    let views = audit::explain(&opts, &prof)?;
    if views.is_empty() {
        match &args.agent {
            Some(a) if every => bail!("agent {a} has no call in {}", opts.calls.display()),
            Some(a) => bail!(
                "{}: no call {} of agent {a}",
                opts.calls.display(),
                args.call_id
            ),
            None => bail!("{}: no call {}", opts.calls.display(), args.call_id),
        }
    }
    let stdout = std::io::stdout();
    let color = use_color(
        args.color.into(),
        stdout.is_terminal(),
        std::env::var_os("NO_COLOR").as_deref(),
    );
    match explain::render_all(&views, color, &mut stdout.lock()) {
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let ok = |r: Result<()>| r.map(|()| None);
    let result = match cli.command {
        Command::Audit(a) => audit(*a),
        Command::Profile(p) => ok(profile(p)),
        Command::Eval(e) => ok(eval_cmd(e)),
        Command::Diff(d) => ok(review::run_diff(&d.into(), &mut std::io::stdout().lock())),
        Command::Calibrate(c) => ok(review::run_calibrate(
            &c.into(),
            &mut std::io::stdout().lock(),
        )),
        Command::Lint(l) => lint_cmd(l),
        Command::Explain(e) => ok(explain_cmd(e)),
    };
    match result {
        Ok(Some(code)) => code,
        Ok(None) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("callaudit: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
