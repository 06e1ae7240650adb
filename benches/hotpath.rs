//! Hot-path benchmarks, run by hand (`cargo bench -p callaudit-bench --bench hotpath`), never timed in CI:
//! one call audited against the compiled profile, text normalisation, and the
//! transcript readers (our JSONL and text on the bundled demo calls, every engine reader
//! on the published samples of `fixtures/formats`).

use callaudit::audit::audit_call;
use callaudit::ingest::report_index::ReportIndex;
use callaudit::ingest::roles::{self, RoleMethod, RoleOptions};
use callaudit::ingest::transcript::{jsonl, Format};
use callaudit::model::{Call, CallMeta};
use callaudit::profile::Compiled;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

fn demo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/demo"))
}

/// The demo's bundle calls as audit-ready calls (no actions: the matcher is measured).
fn demo_calls() -> (Vec<Call>, usize) {
    let text = std::fs::read_to_string(demo().join("bundle.jsonl")).unwrap();
    let mut calls = Vec::new();
    let mut bytes = 0;
    for (i, line) in text.lines().enumerate() {
        let raw = jsonl::parse_line(line, i as u64 + 1).unwrap();
        bytes += raw.turns.iter().map(|t| t.text.len()).sum::<usize>();
        let (turns, _) = roles::assign(&raw.turns, &RoleOptions::default(), &|_| 0.0).unwrap();
        calls.push(Call {
            meta: CallMeta {
                call_id: raw.call_id.unwrap(),
                started_at: chrono::DateTime::parse_from_rfc3339("2026-11-20T08:15:03+07:00")
                    .unwrap(),
                duration_s: None,
                agent_id: "A1".into(),
                agent_name: "Andri".into(),
                site_code: "54".into(),
                team: String::new(),
                caller_number: "081234567890".into(),
                crm_caller_name: String::new(),
                transcript: String::new(),
                line: 0,
                file: "calls.csv".into(),
            },
            turns,
            actions: Vec::new(),
            asr_confidence: None,
        });
    }
    (calls, bytes)
}

fn bench(c: &mut Criterion) {
    let prof = Compiled::builtin();
    let reports = ReportIndex::default();
    let (calls, bytes) = demo_calls();
    let mut g = c.benchmark_group("audit_call");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("demo bundle calls", |b| {
        b.iter(|| {
            for call in &calls {
                std::hint::black_box(audit_call(call, &RoleMethod::Explicit, &reports, &prof));
            }
        })
    });
    g.finish();

    let texts: Vec<&str> = calls
        .iter()
        .flat_map(|c| c.turns.iter().map(|t| t.text.as_str()))
        .collect();
    let mut g = c.benchmark_group("normalise");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("demo turns", |b| {
        b.iter(|| {
            for t in &texts {
                std::hint::black_box(prof.norm.tokens(t));
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("readers");
    let bundle = std::fs::read_to_string(demo().join("bundle.jsonl")).unwrap();
    g.throughput(Throughput::Bytes(bundle.len() as u64));
    g.bench_function("jsonl bundle", |b| {
        b.iter(|| Format::Jsonl.parse(&bundle).unwrap())
    });
    let txt: Vec<String> = std::fs::read_dir(demo().join("transcripts"))
        .unwrap()
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    g.throughput(Throughput::Bytes(
        txt.iter().map(String::len).sum::<usize>() as u64,
    ));
    g.bench_function("plain text files", |b| {
        b.iter(|| {
            for t in &txt {
                std::hint::black_box(Format::Text.parse(t).unwrap());
            }
        })
    });
    g.finish();
    engine_readers(c);
}

/// Every engine reader on the published samples of `fixtures/formats` (those that parse;
/// the malformed ones are rejection tests, not workloads), one benchmark per format.
fn engine_readers(c: &mut Criterion) {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures/formats"));
    let mut by_format: std::collections::BTreeMap<&'static str, (Format, Vec<String>)> =
        Default::default();
    for dir in std::fs::read_dir(root).unwrap().flatten() {
        for file in std::fs::read_dir(dir.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let path = file.path();
            if path.extension().is_some_and(|e| e == "md") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let format = Format::detect(&path, &text);
            if format.parse(&text).is_ok() {
                by_format
                    .entry(format.name())
                    .or_insert_with(|| (format, Vec::new()))
                    .1
                    .push(text);
            }
        }
    }
    let mut g = c.benchmark_group("engine_readers");
    for (name, (format, texts)) in &by_format {
        g.throughput(Throughput::Bytes(
            texts.iter().map(String::len).sum::<usize>() as u64,
        ));
        g.bench_function(*name, |b| {
            b.iter(|| {
                for t in texts {
                    std::hint::black_box(format.parse(t).unwrap());
                }
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
