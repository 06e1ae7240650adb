//! The parse-and-write floor of an audit: what any auditor of the archive must at least
//! do, done as cheaply as we know how, on all cores. `benches/archive.sh` divides the
//! audit's wall time by this probe's.
//!
//! It parses the three CSV tables (calls, actions, reports) into rows, reads every
//! transcript (JSONL bundles with serde_json, or the per-call files the manifest names,
//! with the audit's own readers), lower-cases the agent turns and scans them for the
//! profile's phrases with one Aho-Corasick automaton, and writes a CSV of 16 rows per
//! call (call_id, step, hit or not, the turn that hit), about the size of steps.csv.
//! No normalising, no fuzzy lexicon, no step logic: a floor, not an auditor.
//!
//! `cargo run --release -p callaudit-bench --bin floor_write -- DIR PHRASES OUT.csv`, PHRASES being
//! `callaudit profile --phrases` (one phrase a line).

use aho_corasick::AhoCorasick;
use callaudit::ingest::transcript::{jsonl, Format, RawTurn};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

const STEPS: usize = 16;

fn table(path: &Path) -> Vec<csv::StringRecord> {
    let Ok(mut r) = csv::Reader::from_path(path) else {
        return Vec::new();
    };
    r.records().flatten().collect()
}

/// The CSV rows of one call: per step, whether a phrase of that step's share of the
/// automaton hit, and the agent turn it hit in.
fn rows(ac: &AhoCorasick, call_id: &str, agent: &str, turns: &[RawTurn], out: &mut Vec<u8>) {
    let mut hit: [Option<usize>; STEPS] = [None; STEPS];
    let mut lower = String::new();
    for (i, t) in turns.iter().enumerate() {
        if !t.speaker.to_ascii_lowercase().starts_with("agent") {
            continue;
        }
        lower.clear();
        lower.extend(t.text.chars().flat_map(char::to_lowercase));
        for m in ac.find_iter(&lower) {
            let s = m.pattern().as_usize() % STEPS;
            hit[s].get_or_insert(i);
        }
    }
    for (s, h) in hit.iter().enumerate() {
        let (status, text) = match h {
            Some(i) => ("PASS", turns[*i].text.as_str()),
            None => ("FAIL", ""),
        };
        let mut w = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(&mut *out);
        let _ = w.write_record([call_id, &s.to_string(), status, text, agent]);
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (dir, phrases, out) = match (args.next(), args.next(), args.next()) {
        (Some(d), Some(p), Some(o)) => (PathBuf::from(d), PathBuf::from(p), PathBuf::from(o)),
        _ => {
            eprintln!("usage: floor_write DIR PHRASES OUT.csv");
            std::process::exit(2);
        }
    };
    let t0 = Instant::now();
    let phrases: Vec<String> = std::fs::read_to_string(&phrases)
        .expect("PHRASES")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect();
    let ac = AhoCorasick::new(&phrases).expect("automaton");
    let calls = table(&dir.join("calls.csv"));
    let actions = table(&dir.join("actions.csv"));
    let reports = table(&dir.join("reports.csv"));
    let mut acts: HashMap<&str, usize> = HashMap::new();
    for a in &actions {
        *acts.entry(a.get(0).unwrap_or("")).or_default() += 1;
    }
    // Manifest columns by name.
    let head = csv::Reader::from_path(dir.join("calls.csv"))
        .and_then(|mut r| r.headers().cloned())
        .expect("calls.csv");
    let col = |n: &str| head.iter().position(|h| h == n);
    let (id_col, agent_col, tr_col) = (col("call_id"), col("agent_id"), col("transcript"));
    let agent_of: HashMap<&str, &str> = calls
        .iter()
        .map(|c| {
            let get = |i: Option<usize>| i.and_then(|i| c.get(i)).unwrap_or("");
            (get(id_col), get(agent_col))
        })
        .collect();
    // Bundles: every line of every *.jsonl; per-call files: those the manifest names.
    let mut bundles: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("DIR")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    bundles.sort();
    let mut w = BufWriter::with_capacity(1 << 16, std::fs::File::create(&out).expect("OUT"));
    let _ = w.write_all(b"call_id,step,status,evidence_text,agent_id\n");
    let (mut n, mut bytes) = (0usize, 0usize);
    // Written a block of calls at a time, in order, so what is held stays small.
    let mut put = |blocks: Vec<Vec<u8>>| {
        for b in blocks {
            n += usize::from(!b.is_empty());
            bytes += b.len();
            w.write_all(&b).expect("write");
        }
    };
    for b in &bundles {
        let text = std::fs::read_to_string(b).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        for (c, chunk) in lines.chunks(4096).enumerate() {
            put(chunk
                .par_iter()
                .enumerate()
                .map(|(i, line)| {
                    let mut out = Vec::with_capacity(2400);
                    let no = (c * 4096 + i) as u64 + 1;
                    if let Ok(raw) = jsonl::parse_line(line, no) {
                        let id = raw.call_id.unwrap_or_default();
                        let agent = agent_of.get(id.as_str()).copied().unwrap_or("");
                        rows(&ac, &id, agent, &raw.turns, &mut out);
                    }
                    out
                })
                .collect());
        }
    }
    for chunk in calls.chunks(4096) {
        put(chunk
            .par_iter()
            .map(|c| {
                let mut out = Vec::new();
                let Some(t) = tr_col
                    .and_then(|i| c.get(i))
                    .filter(|t| !t.is_empty() && !t.ends_with(".jsonl"))
                else {
                    return out;
                };
                let path = dir.join(t);
                let Ok(text) = std::fs::read_to_string(&path) else {
                    return out;
                };
                let id = id_col.and_then(|i| c.get(i)).unwrap_or("");
                let agent = agent_col.and_then(|i| c.get(i)).unwrap_or("");
                out.reserve(2400);
                for r in Format::detect(&path, &text)
                    .parse(&text)
                    .unwrap_or_default()
                {
                    rows(&ac, id, agent, &r.turns, &mut out);
                }
                out
            })
            .collect());
    }
    w.flush().expect("write");
    eprintln!(
        "floor_write: {n} calls ({} manifest rows, {} actions, {} reports), {:.1} kB a call written, {:.2} s",
        calls.len(),
        acts.values().sum::<usize>(),
        reports.len(),
        bytes as f64 / n.max(1) as f64 / 1e3,
        t0.elapsed().as_secs_f64()
    );
}
