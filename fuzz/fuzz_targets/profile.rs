//! Fuzz target: the SOP profile loader (TOML parse, then validation and phrase
//! compilation) must return a profile or an error on any input, never panic.
#![no_main]

use callaudit::profile::{Compiled, Profile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(p) = Profile::parse(&text, "fuzz.toml") {
        let _ = Compiled::new(p, "fuzz.toml");
    }
});
