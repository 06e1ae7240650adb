//! Fuzz target: format detection must pick a format for any head, never panic.
#![no_main]

use callaudit::ingest::transcript::Format;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for name in ["call.json", "call.txt", "call"] {
        let _ = Format::detect(Path::new(name), &text);
    }
});
