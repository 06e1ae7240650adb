//! Fuzz target: the `calls.csv` table reader must turn any bytes into rows and rejects,
//! never panic. The bytes go through a file, as the reader takes a path.
#![no_main]

use callaudit::ingest::tables;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let file = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(file.path(), data).expect("write");
    for row in tables::calls(file.path(), "calls.csv") {
        let _ = row;
    }
});
