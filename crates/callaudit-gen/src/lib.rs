//! `callaudit-gen`: writes a synthetic archive of PLN 123 calls in the SPEC's input
//! formats, with the ground truth an auditor is evaluated against.
//!
//! Output in `--out`: `calls.csv`, `actions.csv`, `reports.csv`, transcripts (one
//! `transcripts/NNN/<call_id>.txt` per call and/or `bundle-NNNN.jsonl` bundles, by
//! `--layout`), `truth.csv` (`call_id,step,expected,holdout`: all 16 steps of every call)
//! and `expected_calls.csv` (`call_id,path,urgent,prior_report_no`).
//!
//! Per call, in order: [`scenario`] decides what the call is and its truth (from the
//! call's own scenario stream, in the stages `draw`, `plan`, `truth`), [`transcript`]
//! renders the dialogue from the [`phrases`] pools and the [`catalog`] of problems, people
//! and places, [`noise`] garbles it like ASR (its own stream, so truth is the same
//! at every noise level), [`records`] derives the action log and report export, and
//! [`writer`] streams it out. Calls depend only on (seed, index): no state carries over
//! from one call to the next, memory stays flat, and the same seed gives the same bytes.
//! Cost is roughly linear in calls.
//!
//! The generator is deliberately independent of the auditor's profiles and matchers: its
//! phrases were written from the SOP, not from what the matcher looks for.
//!
//! ## Noise kinds, and the held-out ones
//!
//! Noise 1 lower-cases, strips punctuation and writes some numbers as words. Noise 2 and
//! 3 add typos, drops, doubles, fillers, colloquial forms and turn splits / merges, and on
//! top of those the recogniser kinds of `noise/asr.rs` (written blind, from Indonesian
//! phonology, without reading the matcher):
//!
//! - default kinds, in every noise 2 / 3 archive: `short_typo` (one-letter slips and
//!   doubled letters in 3–5 letter words), `sound_confusion` (real-word confusions between
//!   similar sounds: maaf→maap, pagi→bagi, malam→malang), `name_variant` (a person's name
//!   as a neighbouring spelling: Rahmat→Rahmad), `word_boundary` (di bantu, mohonmaaf,
//!   ditindak lanjuti), `stutter_filler` (ma- maaf, restarts, eh / anu / hmm / ya) and
//!   `whisper_style` (per call: capitals, punctuation, numbers back to digits);
//! - **held-out kinds**, only with [`Options::heldout_noise`] (`--heldout-noise`), never
//!   in a default archive so that nothing is tuned against them: `phonetic_drift` (e/i,
//!   o/u, final h/k lost, final t/d, final n/m → ng), `english_filler` (okay, sorry, so,
//!   actually) and `backchannel_split` (a step's sentence split over two agent turns
//!   around a caller's "iya" / "hmm" / "oke").
//!
//! Levels 0 and 1 are byte for byte what they were before these kinds; the truth never
//! depends on the noise.

pub mod catalog;
pub mod clock;
mod draw;
pub mod facts;
pub mod noise;
pub mod order;
pub mod phrases;
mod plan;
pub mod records;
pub mod rng;
pub mod scenario;
pub mod spoken;
pub mod transcript;
mod truth;
pub mod writer;

#[cfg(test)]
mod tests;

use anyhow::Result;
use callaudit::model::Turn;
use facts::{Scenario, N_STEPS};
use noise::Noise;
use phrases::Phrasebook;
use records::{ActionRow, ReportRow};
use rng::{Rng, Stream};
use writer::{Archive, CallRecord, Layout};

/// What to write: the options of the `callaudit-gen` binary, as plain data.
#[derive(Debug, Clone)]
pub struct Options {
    /// Number of calls.
    pub calls: u64,
    /// Random seed; the same seed writes the same archive.
    pub seed: u64,
    /// ASR noise level 0 (clean) to 3 (very noisy).
    pub noise: u8,
    /// Output folder.
    pub out: std::path::PathBuf,
    /// Transcript layout: `files`, `jsonl` or `mixed`.
    pub layout: String,
    /// Row order: `time`, `call-id` or `shuffled`.
    pub order: String,
    /// Add the held-out recogniser noise kinds at noise 2 and 3 (see the crate doc).
    pub heldout_noise: bool,
    /// Calls per JSONL bundle file (10,000 unless a test wants small bundles).
    pub bundle_calls: u64,
}

impl Options {
    /// `calls` calls of `seed` at noise 1, mixed layout, time order, into `out`.
    pub fn new(out: impl Into<std::path::PathBuf>, calls: u64, seed: u64) -> Options {
        Options {
            calls,
            seed,
            noise: 1,
            out: out.into(),
            layout: "mixed".into(),
            order: "time".into(),
            heldout_noise: false,
            bundle_calls: writer::BUNDLE_CALLS,
        }
    }
}

/// What a run wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub calls: u64,
    /// Files written (CSVs, transcript files, bundles).
    pub files: u64,
    /// Bytes written.
    pub bytes: u64,
}

/// One call, ready to write.
#[derive(Debug, Clone)]
pub struct GeneratedCall {
    pub scenario: Scenario,
    pub turns: Vec<Turn>,
    pub holdout: [bool; N_STEPS],
    pub actions: Vec<ActionRow>,
    pub reports: Vec<ReportRow>,
    pub duration_s: u32,
}

/// Read-only tables shared by every call of a run.
#[derive(Debug, Default)]
pub struct Tables {
    pub phrases: Phrasebook,
    pub noise: Noise,
}

impl Tables {
    pub fn new() -> Tables {
        Tables::with_heldout(false)
    }

    /// The tables with or without the held-out noise kinds.
    pub fn with_heldout(heldout: bool) -> Tables {
        Tables {
            phrases: Phrasebook::new(),
            noise: Noise::with_heldout(heldout),
        }
    }
}

/// Generates call `index` of the archive for `seed` at noise level `noise` (0..=3).
pub fn generate_call(seed: u64, index: u64, noise: u8, tables: &Tables) -> GeneratedCall {
    let mut rng = Rng::for_call(seed, index, Stream::Scenario);
    let scenario = scenario::build(seed, index, &mut rng);
    let rendered = transcript::render(&scenario, &tables.phrases, &mut rng);
    let actions = records::actions(&scenario, &rendered.anchors);
    let reports = records::reports(&scenario, &actions);
    let mut turns = rendered.turns;
    let names = protected_names(&scenario);
    let people = people_names(&scenario);
    let mut noise_rng = Rng::for_call(seed, index, Stream::Noise);
    tables
        .noise
        .apply_call(&mut turns, noise, &names, &people, &mut noise_rng);
    GeneratedCall {
        duration_s: rendered.duration.ceil() as u32,
        scenario,
        turns,
        holdout: rendered.holdout,
        actions,
        reports,
    }
}

/// Lower-case words noise must leave whole: names and address words.
fn protected_names(sc: &Scenario) -> Vec<String> {
    let mut words: Vec<String> = Vec::with_capacity(16);
    let mut add = |s: &str| {
        for w in s.split_whitespace() {
            words.push(w.to_lowercase());
        }
    };
    add(sc.agent.name);
    add(&sc.caller.full);
    if let Some(p) = &sc.prior {
        add(&p.name);
    }
    if let Some(facts::NameV::WrongName { first, surname }) = sc.v.caller_name {
        add(first);
        add(surname);
    }
    add(sc.address.street);
    add(sc.address.area.0);
    add(sc.address.area.2);
    words
}

/// Lower-case words of the people's names (agent, caller, prior reporter): the only
/// protected words noise may change, and then only into a neighbouring name.
fn people_names(sc: &Scenario) -> Vec<String> {
    let mut words: Vec<String> = Vec::with_capacity(8);
    let mut add = |s: &str| words.extend(s.split_whitespace().map(str::to_lowercase));
    add(sc.agent.name);
    add(&sc.caller.full);
    if let Some(p) = &sc.prior {
        add(&p.name);
    }
    if let Some(facts::NameV::WrongName { first, surname }) = sc.v.caller_name {
        add(first);
        add(surname);
    }
    words
}

/// Writes the archive described by `args` and returns what was written.
pub fn run(args: &Options) -> Result<Summary> {
    let layout = Layout::parse(&args.layout)?;
    order::Order::parse(&args.order)?;
    anyhow::ensure!(
        args.noise <= 3,
        "--noise must be 0 to 3, got {}",
        args.noise
    );
    let tables = Tables::with_heldout(args.heldout_noise);
    let mut archive = Archive::create(&args.out, args.bundle_calls)?;
    for index in 0..args.calls {
        let call = generate_call(args.seed, index, args.noise, &tables);
        archive.write(
            &CallRecord {
                scenario: &call.scenario,
                turns: &call.turns,
                holdout: &call.holdout,
                actions: &call.actions,
                reports: &call.reports,
                duration_s: call.duration_s,
            },
            layout.as_file(index),
        )?;
    }
    let (files, bytes) = archive.finish()?;
    order::apply(&args.out, order::Order::parse(&args.order)?, args.seed)?;
    Ok(Summary {
        calls: args.calls,
        files,
        bytes,
    })
}
