mod model;

use super::record::{pack, unpack};
use super::*;
use model::*;
use proptest::prelude::*;
use rayon::prelude::*;

/// What the index says of one report, in the model's terms (and checked consistent).
fn seen(idx: &ReportIndex, m: ReportMeta) -> Seen {
    let row = idx.load_row(&m).expect("row reads back");
    assert_eq!(m.created_at, row.created_at);
    assert_eq!(m.resolved_at, row.resolved_at);
    assert_eq!(m.escalated_at, row.escalated_at);
    (m.id(), row)
}

fn queries() -> Vec<&'static str> {
    let mut q = NUMBERS.to_vec();
    q.extend(["k 5421-090602335", "", "zzz", "123456"]);
    q
}

fn check(idx: &ReportIndex, model: &Model) {
    assert_eq!(idx.len(), model.reports.len());
    for q in queries() {
        let got = idx.find(q).map(|m| seen(idx, m));
        assert_eq!(got, model.find(q), "number {q:?}");
    }
    for p in PHONES {
        let got: Vec<Seen> = idx.on_phone(p).into_iter().map(|m| seen(idx, m)).collect();
        assert_eq!(got, model.on_phone(p), "phone {p:?}");
    }
}

#[test]
fn rows_come_back_from_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("reports.csv");
    std::fs::write(
        &path,
        "report_no,created_at,resolved_at,caller_name,address,caller_phone\n\
         K5421090602335,2026-11-19T07:00:00+07:00,,\"Siti, Bu\",Jl Melati 3,+62215551234\n\
         K5421090602336,bad,,x,y,z\n\
         K5421090602337,2026-11-19T08:00:00+07:00,2026-11-19T09:00:00+07:00,Budi,Jl Mawar,0215551234\n",
    )
    .unwrap();
    let mut rejects = Vec::new();
    let idx = ReportIndex::load(&path, "reports.csv", &mut rejects).unwrap();
    assert_eq!(rejects.len(), 1);
    assert_eq!(idx.len(), 2);
    assert!(!idx.on_disk());
    let m = idx.find("5421090602335").unwrap();
    assert_eq!(idx.find("K5421090602335"), Some(m));
    assert_eq!(idx.load_row(&m).unwrap().caller_name, "Siti, Bu");
    assert_eq!(idx.on_phone("0215551234").len(), 2);
    let j = idx.find("K5421090602337").unwrap();
    assert_eq!(idx.load_row(&j).unwrap().address, "Jl Mawar");
    assert!(j.resolved_at.is_some());
    assert!(m.id() < j.id());
}

#[test]
fn on_disk_index_merges_many_runs_like_the_maps() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_csv(dir.path(), &many_rows(700));
    let model = Model::read(&path);
    // Runs of 5 rows: over a hundred runs, so the merge takes two passes.
    let idx = load(&path, 5);
    assert!(idx.on_disk());
    check(&idx, &model);
    // Several reports on one phone, and a number whose rows span many runs.
    assert!(idx.on_phone("081234567890").len() >= 2);
}

#[test]
fn small_exports_stay_in_memory_and_agree() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_csv(dir.path(), &many_rows(700));
    let idx = load(&path, RUN);
    assert!(!idx.on_disk());
    check(&idx, &Model::read(&path));
}

#[test]
fn in_memory_reports_index_like_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_csv(dir.path(), &many_rows(200));
    let reports: Vec<Report> = tables::collect(tables::reports(&path, "r"), &mut Vec::new());
    let idx = ReportIndex::new(reports.clone()).unwrap();
    let mut model = Model::default();
    for (i, r) in reports.into_iter().enumerate() {
        model.add(r, i as u64);
    }
    check(&idx, &model);
}

#[test]
fn lookups_agree_across_threads() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_csv(dir.path(), &many_rows(400));
    let idx = load(&path, 8);
    let once: Vec<Option<Seen>> = queries()
        .iter()
        .map(|q| idx.find(q).map(|m| seen(&idx, m)))
        .collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(4)
        .build()
        .unwrap();
    pool.install(|| {
        (0..64).into_par_iter().for_each(|_| {
            let again: Vec<Option<Seen>> = queries()
                .iter()
                .map(|q| idx.find(q).map(|m| seen(&idx, m)))
                .collect();
            assert_eq!(again, once);
        })
    });
}

#[test]
fn last_row_of_file_without_newline_and_long_quoted_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("reports.csv");
    let long = format!("a,\"b\"\n{}", "y\n".repeat(2000));
    let body = format!(
        "report_no,created_at,address\n\
         K111111,2026-11-19T07:00:00+07:00,\"{}\"\n\
         K222222,2026-11-19T07:00:00+07:00,end",
        long.replace('"', "\"\"")
    );
    std::fs::write(&path, body).unwrap();
    let idx = load(&path, 1);
    assert!(idx.on_disk());
    let a = idx.find("K111111").unwrap();
    assert_eq!(idx.load_row(&a).unwrap().address, long.trim());
    let b = idx.find("K222222").unwrap();
    assert_eq!(idx.load_row(&b).unwrap().address, "end");
}

#[test]
fn timestamps_pack_to_the_same_value() {
    for s in [
        "2026-11-20T08:15:03+07:00",
        "2026-11-20T08:15:03.123456789-03:30",
        "1901-01-01T00:00:00+14:00",
        "2016-12-31T23:59:60.5Z",
    ] {
        let t = chrono::DateTime::parse_from_rfc3339(s).unwrap();
        let back = unpack(pack(Some(t))).unwrap();
        assert_eq!(back, t);
        assert_eq!(back.offset(), t.offset());
        assert_eq!(back.to_rfc3339(), t.to_rfc3339());
    }
    assert_eq!(unpack(pack(None)), None);
}

fn row_spec() -> impl Strategy<Value = RowSpec> {
    (
        0..NUMBERS.len(),
        0..PHONES.len(),
        0u32..4000,
        proptest::option::of(0u32..2000),
        proptest::option::of(0u32..2000),
        "[a-z,\"\n ]{0,12}",
        proptest::bool::weighted(0.05),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        // PROPTEST_CASES overrides (CI runs the full count in release).
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64)
    ))]

    #[test]
    fn on_disk_index_matches_the_model(
        rows in proptest::collection::vec(row_spec(), 0..120),
        run in 1usize..16,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = write_csv(dir.path(), &rows);
        let model = Model::read(&path);
        check(&load(&path, run), &model);
        check(&load(&path, RUN), &model);
    }
}
