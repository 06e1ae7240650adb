//! Fuzz target: the `Text` reader must return Ok or Err on any input, never panic.
#![no_main]

use callaudit::ingest::transcript::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Readers take text; invalid UTF-8 reaches them replaced, as the ingest layer does.
    let text = String::from_utf8_lossy(data);
    let _ = Format::Text.parse(&text);
});
