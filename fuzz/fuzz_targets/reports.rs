//! Fuzz target: the `reports.csv` export, indexed as the audit does (rows parsed, keys
//! sorted, rows looked up again by number and by phone), must never panic.
#![no_main]

use callaudit::ingest::report_index::ReportIndex;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let file = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(file.path(), data).expect("write");
    let mut rejects = Vec::new();
    let Ok(index) = ReportIndex::load(file.path(), "reports.csv", &mut rejects) else {
        return;
    };
    for row in callaudit::ingest::tables::reports(file.path(), "reports.csv").flatten() {
        if let Some(m) = index.find(&row.report_no) {
            let _ = index.load_row(&m);
        }
        for m in index.on_phone(&row.caller_phone) {
            let _ = index.load_row(&m);
        }
    }
});
