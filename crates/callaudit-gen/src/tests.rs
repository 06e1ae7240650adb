//! Whole-archive tests of the generator: determinism, the shape of every file, coverage of
//! paths / steps / violation kinds, noise independence of the truth, and independent
//! oracles that recompute each call's SOP path and its three action-log steps from the
//! written CSVs exactly as SPEC §2–3 state them.

use super::*;
use callaudit::ingest::transcript::{jsonl, text};
use callaudit::model::{PathKind, STEP_IDS};
use chrono::{DateTime, FixedOffset};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

mod noise_archive;

fn args(out: &Path, calls: u64, seed: u64, noise: u8, layout: &str) -> Options {
    Options {
        calls,
        seed,
        noise,
        out: out.to_path_buf(),
        layout: layout.to_string(),
        order: "call-id".to_string(),
        heldout_noise: false,
        bundle_calls: writer::BUNDLE_CALLS,
    }
}

fn all_files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(
                    p.strip_prefix(dir).unwrap().to_path_buf(),
                    fs::read(&p).unwrap(),
                );
            }
        }
    }
    out
}

type Row = HashMap<String, String>;

fn read_csv(path: &Path) -> (Vec<String>, Vec<Row>) {
    let mut r = csv::Reader::from_path(path).unwrap();
    let headers: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|rec| {
            let rec = rec.unwrap();
            headers
                .iter()
                .cloned()
                .zip(rec.iter().map(str::to_string))
                .collect()
        })
        .collect();
    (headers, rows)
}

fn ts(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap_or_else(|e| panic!("bad time {s:?}: {e}"))
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    let c = tmp.path().join("c");
    let sa = run(&args(&a, 300, 42, 2, "mixed")).unwrap();
    let sb = run(&args(&b, 300, 42, 2, "mixed")).unwrap();
    run(&args(&c, 300, 43, 2, "mixed")).unwrap();
    assert_eq!(sa, sb);
    let fa = all_files(&a);
    assert_eq!(fa, all_files(&b));
    let fc = all_files(&c);
    for name in ["calls.csv", "actions.csv", "reports.csv", "truth.csv"] {
        assert_ne!(
            fa[Path::new(name)],
            fc[Path::new(name)],
            "{name} same for two seeds"
        );
    }
    assert_eq!(sa.calls, 300);
    assert_eq!(sa.files as usize, fa.len());
    assert_eq!(sa.bytes, fa.values().map(|v| v.len() as u64).sum::<u64>());
}

#[test]
fn noise_changes_words_not_truth() {
    let tmp = tempfile::tempdir().unwrap();
    let clean = tmp.path().join("n0");
    let noisy = tmp.path().join("n3");
    run(&args(&clean, 400, 5, 0, "files")).unwrap();
    run(&args(&noisy, 400, 5, 3, "files")).unwrap();
    for name in [
        "truth.csv",
        "expected_calls.csv",
        "actions.csv",
        "reports.csv",
        "calls.csv",
    ] {
        assert_eq!(
            fs::read(clean.join(name)).unwrap(),
            fs::read(noisy.join(name)).unwrap(),
            "{name}"
        );
    }
    let t0 = fs::read_to_string(clean.join("transcripts/000/C00000000.txt")).unwrap();
    let t3 = fs::read_to_string(noisy.join("transcripts/000/C00000000.txt")).unwrap();
    assert_ne!(t0, t3);
    assert!(t0.contains("PLN 123") || t0.contains("Selamat") || t0.contains("Halo"));
    // Noise 1 writes lower case without punctuation (noise 3 may render a call
    // Whisper-style, with capitals and punctuation).
    let n1 = tmp.path().join("n1");
    run(&args(&n1, 1, 5, 1, "files")).unwrap();
    let t1 = fs::read_to_string(n1.join("transcripts/000/C00000000.txt")).unwrap();
    assert_eq!(
        t1,
        t1.to_lowercase()
            .replace("agent:", "AGENT:")
            .replace("pelanggan:", "PELANGGAN:")
    );
}

#[test]
fn archive_parses_back_and_is_consistent() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("arch");
    // 400 calls unoptimised keeps `cargo test` short; CI runs 1500 in release.
    let n = if cfg!(debug_assertions) { 400 } else { 1500 };
    run(&args(&out, n, 11, 3, "mixed")).unwrap();

    let (h, calls) = read_csv(&out.join("calls.csv"));
    assert_eq!(
        h,
        [
            "call_id",
            "started_at",
            "duration_s",
            "agent_id",
            "agent_name",
            "site_code",
            "team",
            "caller_number",
            "crm_caller_name",
            "transcript"
        ]
    );
    assert_eq!(calls.len() as u64, n);
    let (h, actions) = read_csv(&out.join("actions.csv"));
    assert_eq!(
        h,
        [
            "call_id",
            "at",
            "system",
            "action",
            "report_no",
            "ref_report_no",
            "category",
            "escalation_type",
            "note"
        ]
    );
    let (h, reports) = read_csv(&out.join("reports.csv"));
    assert_eq!(
        h,
        [
            "report_no",
            "created_at",
            "resolved_at",
            "category",
            "caller_name",
            "address",
            "problem",
            "caller_phone",
            "escalated_at",
            "unit_answer"
        ]
    );
    let (h, truth) = read_csv(&out.join("truth.csv"));
    assert_eq!(h, ["call_id", "step", "expected", "holdout"]);
    let (h, expected) = read_csv(&out.join("expected_calls.csv"));
    assert_eq!(h, ["call_id", "path", "urgent", "prior_report_no"]);

    // truth: 16 rows per call, in step order, valid values.
    assert_eq!(truth.len() as u64, n * 16);
    for (i, row) in truth.iter().enumerate() {
        assert_eq!(row["call_id"], calls[i / 16]["call_id"]);
        assert_eq!(row["step"], STEP_IDS[i % 16]);
        assert!(["PASS", "FAIL", "NA"].contains(&row["expected"].as_str()));
        assert!(["true", "false"].contains(&row["holdout"].as_str()));
    }
    let truth_of: HashMap<(&str, &str), &str> = truth
        .iter()
        .map(|r| {
            (
                (r["call_id"].as_str(), r["step"].as_str()),
                r["expected"].as_str(),
            )
        })
        .collect();

    // report numbers unique, K + 13 digits.
    let mut seen = BTreeSet::new();
    for r in &reports {
        let no = &r["report_no"];
        assert!(
            no.len() == 14 && no.starts_with('K') && no[1..].bytes().all(|b| b.is_ascii_digit()),
            "{no}"
        );
        assert!(seen.insert(no.clone()), "duplicate report {no}");
    }

    // transcripts: files and bundle lines parse, times increase, greeting early, closing last.
    let mut bundle_turns = HashMap::new();
    for e in fs::read_dir(&out).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "jsonl") {
            for t in jsonl::parse(&fs::read_to_string(&p).unwrap()).unwrap() {
                bundle_turns.insert(t.call_id.clone().unwrap(), t.turns);
            }
        }
    }
    let mut per_dir: HashMap<String, usize> = HashMap::new();
    for c in &calls {
        let id = c["call_id"].as_str();
        let turns = if c["transcript"].is_empty() {
            bundle_turns
                .remove(id)
                .unwrap_or_else(|| panic!("{id} not in a bundle"))
        } else {
            let rel = &c["transcript"];
            assert!(rel.starts_with("transcripts/") && rel.ends_with(&format!("{id}.txt")));
            *per_dir
                .entry(rel.rsplit_once('/').unwrap().0.to_string())
                .or_default() += 1;
            text::parse(&fs::read_to_string(out.join(rel)).unwrap())
                .unwrap()
                .turns
        };
        assert!(turns.len() >= 6, "{id}: {} turns", turns.len());
        assert!(
            turns.windows(2).all(|w| w[1].start > w[0].start),
            "{id}: turn times"
        );
        let first_agent = turns
            .iter()
            .find(|t| t.speaker.eq_ignore_ascii_case("agent"))
            .unwrap();
        if truth_of[&(id, "greeting")] == "PASS" {
            assert!(
                first_agent.start < 20.0,
                "{id}: greeting at {}",
                first_agent.start
            );
        }
        assert!(
            turns.last().unwrap().speaker.eq_ignore_ascii_case("agent"),
            "{id}: closing not last"
        );
        let start = ts(&c["started_at"]);
        let dur: i64 = c["duration_s"].parse().unwrap();
        for a in actions.iter().filter(|a| a["call_id"] == id) {
            let at = ts(&a["at"]);
            assert!(
                at >= start && (at - start).num_seconds() <= dur,
                "{id}: action outside the call"
            );
        }
    }
    assert!(bundle_turns.is_empty());
    assert!(per_dir
        .values()
        .all(|&k| k <= writer::FILES_PER_DIR as usize));

    oracle_paths_and_actions(&calls, &actions, &reports, &expected, &truth_of);
}

/// SPEC §2 and the §3 action steps, recomputed from the CSVs alone.
fn oracle_paths_and_actions(
    calls: &[Row],
    actions: &[Row],
    reports: &[Row],
    expected: &[Row],
    truth: &HashMap<(&str, &str), &str>,
) {
    let by_no: HashMap<&str, &Row> = reports
        .iter()
        .map(|r| (r["report_no"].as_str(), r))
        .collect();
    let mut acts: HashMap<&str, Vec<&Row>> = HashMap::new();
    for a in actions {
        acts.entry(a["call_id"].as_str()).or_default().push(a);
    }
    let norm = |p: &str| {
        if let Some(r) = p.strip_prefix("+62") {
            format!("0{r}")
        } else if let Some(r) = p.strip_prefix("62") {
            format!("0{r}")
        } else {
            p.to_string()
        }
    };
    let exp: HashMap<&str, &Row> = expected
        .iter()
        .map(|r| (r["call_id"].as_str(), r))
        .collect();
    let mut checked = BTreeMap::<&str, usize>::new();
    for c in calls {
        let id = c["call_id"].as_str();
        let start = ts(&c["started_at"]);
        let my = acts.get(id).cloned().unwrap_or_default();
        // Prior: named by an action and created before the call...
        let mut named: BTreeSet<&str> = BTreeSet::new();
        for a in &my {
            let no = match a["action"].as_str() {
                "search" | "update" | "lapor_ulang" => a["report_no"].as_str(),
                "create" => a["ref_report_no"].as_str(),
                _ => "",
            };
            if by_no.get(no).is_some_and(|r| ts(&r["created_at"]) < start) {
                named.insert(no);
            }
        }
        assert!(named.len() <= 1, "{id}: several priors {named:?}");
        let mut prior = named.into_iter().next().map(|n| by_no[n]);
        // ...else the newest unresolved report of the caller's phone.
        if prior.is_none() && !c["caller_number"].is_empty() {
            let phone = norm(&c["caller_number"]);
            prior = reports
                .iter()
                .filter(|r| norm(&r["caller_phone"]) == phone && ts(&r["created_at"]) < start)
                .filter(|r| r["resolved_at"].is_empty() || ts(&r["resolved_at"]) > start)
                .max_by_key(|r| ts(&r["created_at"]));
        }
        let e = exp[id];
        let path = match prior {
            None => {
                assert!(
                    e["path"] == "FIRST_REPORT" || e["path"] == "TUSBUNG_PAID",
                    "{id}: {}",
                    e["path"]
                );
                PathKind::from_name(&e["path"]).unwrap()
            }
            Some(p) => {
                assert_eq!(e["prior_report_no"], p["report_no"], "{id}");
                let resolved = !p["resolved_at"].is_empty() && ts(&p["resolved_at"]) <= start;
                let age = (start - ts(&p["created_at"])).num_seconds();
                let path = if resolved {
                    PathKind::RepeatResolved
                } else if age < 12 * 3600 {
                    PathKind::RepeatOpenLt12h
                } else {
                    PathKind::RepeatOpenGe12h
                };
                assert_eq!(e["path"], path.as_str(), "{id}");
                path
            }
        };
        let prior_no = prior.map_or("", |p| p["report_no"].as_str());
        let urgent = e["urgent"] == "true";

        // apkt_action: exactly the required APKT form actions.
        let forms: Vec<(&str, &str)> = my
            .iter()
            .filter(|a| matches!(a["action"].as_str(), "create" | "update" | "lapor_ulang"))
            .map(|a| (a["action"].as_str(), a["report_no"].as_str()))
            .collect();
        let apkt_ok = match path {
            PathKind::FirstReport | PathKind::TusbungPaid | PathKind::RepeatResolved => {
                forms.len() == 1 && forms[0].0 == "create"
            }
            PathKind::RepeatOpenLt12h => forms == [("update", prior_no)],
            PathKind::RepeatOpenGe12h => forms == [("lapor_ulang", prior_no)],
        };
        assert_eq!(
            truth[&(id, "apkt_action")],
            if apkt_ok { "PASS" } else { "FAIL" },
            "{id} apkt_action"
        );

        // apkt_note.
        let note_ok = match path {
            PathKind::FirstReport | PathKind::TusbungPaid => None,
            PathKind::RepeatResolved => Some(my.iter().any(|a| {
                a["action"] == "create"
                    && (a["ref_report_no"] == prior_no || a["note"].contains(&prior_no[1..]))
            })),
            PathKind::RepeatOpenGe12h => {
                let tag = format!("CC.{}.{}", c["site_code"], c["agent_name"]).to_uppercase();
                Some(my.iter().any(|a| {
                    a["action"] == "lapor_ulang"
                        && a["report_no"] == prior_no
                        && a["note"].to_uppercase().contains(&tag)
                }))
            }
            PathKind::RepeatOpenLt12h => Some(my.iter().any(|a| {
                a["action"] == "update"
                    && a["report_no"] == prior_no
                    && !a["note"].trim().is_empty()
            })),
        };
        let want = note_ok.map_or("NA", |ok| if ok { "PASS" } else { "FAIL" });
        assert_eq!(truth[&(id, "apkt_note")], want, "{id} apkt_note");

        // simone_escalation: exactly one of the accepted escalation sets.
        let mut esc: Vec<(&str, &str)> = my
            .iter()
            .filter(|a| a["action"] == "escalate")
            .map(|a| (a["escalation_type"].as_str(), a["report_no"].as_str()))
            .collect();
        esc.sort();
        let new_no = my
            .iter()
            .find(|a| a["action"] == "create")
            .map_or("", |a| a["report_no"].as_str());
        let already = my.iter().any(|a| a["action"] == "notice")
            || prior
                .is_some_and(|p| !p["escalated_at"].is_empty() && ts(&p["escalated_at"]) < start);
        let options: Vec<Vec<(&str, &str)>> = match path {
            PathKind::FirstReport | PathKind::TusbungPaid if urgent => {
                vec![vec![("URGENT", new_no)]]
            }
            PathKind::FirstReport | PathKind::TusbungPaid => vec![vec![]],
            PathKind::RepeatResolved if urgent => {
                vec![vec![("TIDAK_SEMESTINYA", new_no)], vec![("URGENT", new_no)]]
            }
            PathKind::RepeatResolved => vec![vec![("TIDAK_SEMESTINYA", new_no)]],
            PathKind::RepeatOpenLt12h if urgent => vec![vec![("URGENT", prior_no)]],
            PathKind::RepeatOpenLt12h => vec![vec![]],
            PathKind::RepeatOpenGe12h if already => vec![vec![("LAPOR_ULANG", prior_no)]],
            PathKind::RepeatOpenGe12h if urgent => {
                vec![vec![("MELEBIHI_TMP", prior_no)], vec![("URGENT", prior_no)]]
            }
            PathKind::RepeatOpenGe12h => vec![vec![("MELEBIHI_TMP", prior_no)]],
        };
        let ok = options
            .iter()
            .any(|o| *o == esc && o.iter().all(|(_, no)| !no.is_empty()));
        assert_eq!(
            truth[&(id, "simone_escalation")],
            if ok { "PASS" } else { "FAIL" },
            "{id} simone {esc:?}"
        );
        *checked.entry(path.as_str()).or_default() += 1;
    }
    assert_eq!(checked.len(), 5, "{checked:?}");
}

#[test]
fn every_path_step_and_violation_kind_appears_in_2000_calls() {
    let tables = Tables::new();
    let mut tags = BTreeSet::new();
    let mut paths = BTreeSet::new();
    let mut fails = [0usize; 16];
    let mut nas = [0usize; 16];
    let mut holdout = [0usize; 16];
    let mut holdout_fails = [0usize; 16];
    let mut kinds = BTreeSet::new();
    let mut crm_pass = 0;
    for i in 0..2000 {
        let c = generate_call(2024, i, 0, &tables);
        let sc = &c.scenario;
        paths.insert(sc.path.as_str());
        for t in &sc.tags {
            tags.insert(*t);
        }
        for s in 0..16 {
            match sc.truth[s].as_str() {
                "FAIL" => fails[s] += 1,
                "NA" => nas[s] += 1,
                _ => {}
            }
            holdout[s] += c.holdout[s] as usize;
            holdout_fails[s] += (c.holdout[s] && sc.truth[s].as_str() == "FAIL") as usize;
        }
        kinds.insert(match sc.caller.number.as_str() {
            "" => "withheld",
            n if n.starts_with("08") => "mobile_08",
            n if n.starts_with("+628") => "mobile_+628",
            n if n.starts_with("628") => "mobile_628",
            n if n.starts_with("021") => "landline_021",
            n if n.starts_with("022") => "landline_022",
            n if n.starts_with("+6221") => "landline_+6221",
            _ => "other",
        });
        if sc.caller.crm && sc.truth[1].as_str() == "PASS" {
            crm_pass += 1;
        }
    }
    assert_eq!(paths.len(), 5);
    for (s, name) in STEP_IDS.iter().enumerate() {
        assert!(fails[s] >= 100, "{name}: only {} FAILs", fails[s]);
        assert!(
            holdout[s] > 0 || matches!(*name, "apkt_action" | "apkt_note"),
            "{name}: no held-out wording"
        );
        // A violation that is said (not just left out) is said in held-out wordings too,
        // so the held-out slice has FAILs to find. Steps that fail only by omission or
        // only in APKT / SIMONE have none by construction.
        let said = !matches!(
            *name,
            "apkt_action" | "apkt_note" | "status_update" | "clarity_check"
        );
        assert!(
            !said || holdout_fails[s] >= 20,
            "{name}: only {} held-out FAILs",
            holdout_fails[s]
        );
    }
    for name in [
        "data_verification",
        "status_update",
        "apkt_note",
        "eta_3x24",
    ] {
        let s = STEP_IDS.iter().position(|x| *x == name).unwrap();
        assert!(nas[s] > 0, "{name} never NA");
    }
    for k in [
        "withheld",
        "mobile_08",
        "mobile_+628",
        "mobile_628",
        "landline_021",
        "landline_022",
        "landline_+6221",
    ] {
        assert!(kinds.contains(k), "no {k} caller");
    }
    assert!(crm_pass > 0);
    const EXPECTED: &[&str] = &[
        "greeting:omitted",
        "greeting:no_own_name",
        "greeting:no_pln_123",
        "greeting:no_offer",
        "greeting:wrong_time_of_day",
        "greeting:after_20s",
        "caller_name:crm_not_used",
        "caller_name:not_asked",
        "caller_name:crm_wrong_name",
        "caller_name:assumed_wrong_name",
        "prior_report_question:omitted",
        "prior_report_question:no_number_asked",
        "data_verification:omitted",
        "data_verification:no_problem",
        "data_verification:name_only",
        "empathy:omitted",
        "empathy:maaf_only_in_question",
        "empathy:apology_for_wait_only",
        "status_update:omitted",
        "phone_verification:omitted",
        "phone_verification:asked_mobile_of_mobile_caller",
        "phone_verification:asked_this_number_of_landline",
        "phone_verification:asked_this_number_of_withheld",
        "apkt_action:missing",
        "apkt_action:update_instead_of_create",
        "apkt_action:update_instead_of_lapor_ulang",
        "apkt_action:lapor_ulang_instead",
        "apkt_action:create_instead",
        "apkt_action:extra_create",
        "apkt_note:required_action_missing",
        "apkt_note:no_terkait_reference",
        "apkt_note:wrong_reference",
        "apkt_note:no_cc_tag",
        "apkt_note:cc_wrong_site",
        "apkt_note:cc_wrong_name",
        "apkt_note:empty_update_note",
        "simone_escalation:missing",
        "simone_escalation:wrong_type",
        "simone_escalation:extra",
        "simone_escalation:wrong_report_number",
        "clarity_check:omitted",
        "eta_3x24:not_answered",
        "eta_3x24:wrong_estimate",
        "service_guarantee:omitted",
        "service_guarantee:only_recorded",
        "ticket_number:omitted",
        "ticket_number:no_number_given",
        "ticket_number:old_number_for_new_report",
        "ticket_number:new_number_for_open_report",
        "ticket_number:says_same_but_report_resolved",
        "closing:omitted",
        "closing:no_pln_mobile",
        "closing:no_thanks",
        "closing:wrong_time_of_day",
        "forbidden_phrases:customer_intimacy",
        "forbidden_phrases:ilp_campaign",
        "trap:negated_forbidden_line",
        "trap:caller_says_intimacy_line",
        "trap:eta_volunteered_not_asked",
        "trap:urgency_negated",
        "trap:first_old_resolved_same_phone",
        "trap:older_unresolved_same_phone",
        "case:simone_notice_row",
        "case:prior_escalated_at",
        "case:linked_by_search",
        "case:linked_by_action",
        "case:linked_by_phone_only",
        "case:age_exactly_12h",
        "case:age_just_under_12h",
        "case:age_just_over_12h",
        "case:resolved_after_call_start",
        "case:resolved_at_call_start",
        "case:prior_in_household_member_name",
        "case:crm_known_caller",
        "urgent:sick_or_medical",
        "urgent:hard_complaint",
        "urgent:threat",
        "urgent:danger",
    ];
    let missing: Vec<&&str> = EXPECTED.iter().filter(|t| !tags.contains(**t)).collect();
    assert!(missing.is_empty(), "never generated: {missing:?}");
}

#[test]
fn urgency_appears_on_every_path_and_all_time_bands() {
    let tables = Tables::new();
    let mut urgent_paths = BTreeSet::new();
    let mut bands = BTreeSet::new();
    let mut eta = (0, 0);
    for i in 0..1500 {
        let sc = generate_call(77, i, 0, &tables).scenario;
        if sc.is_urgent() {
            urgent_paths.insert(sc.path.as_str());
        }
        bands.insert(sc.band.word());
        if sc.eta_asked {
            eta.0 += 1;
        } else {
            eta.1 += 1;
        }
    }
    assert_eq!(urgent_paths.len(), 5, "{urgent_paths:?}");
    assert_eq!(bands.len(), 4, "{bands:?}");
    assert!(eta.0 > 0 && eta.1 > 0);
}

#[test]
fn bundles_hold_at_most_bundle_calls() {
    // Ten thousand calls a bundle by default; a small limit keeps the test fast.
    assert_eq!(Options::new("x", 1, 1).bundle_calls, 10_000);
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("j");
    let opts = Options {
        bundle_calls: 40,
        ..args(&out, 2 * 40 + 3, 1, 0, "jsonl")
    };
    let s = run(&opts).unwrap();
    assert_eq!(s.files, 5 + 3);
    let lines = |n: u32| {
        fs::read_to_string(out.join(format!("bundle-{n:04}.jsonl")))
            .unwrap()
            .lines()
            .count()
    };
    assert_eq!((lines(0), lines(1), lines(2)), (40, 40, 3));
    assert!(!out.join("bundle-0003.jsonl").exists());
    let (_, calls) = read_csv(&out.join("calls.csv"));
    assert_eq!(calls.len(), 83);
    assert!(calls.iter().all(|c| c["transcript"].is_empty()));
}

#[test]
fn refuses_a_non_empty_folder_and_a_bad_layout() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("keep.txt"), "x").unwrap();
    let err = run(&args(tmp.path(), 5, 1, 0, "files")).unwrap_err();
    assert!(err.to_string().contains("not empty"), "{err}");
    let err = run(&args(&tmp.path().join("new"), 5, 1, 0, "zip")).unwrap_err();
    assert!(err.to_string().contains("layout"), "{err}");
}
