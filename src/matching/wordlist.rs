//! The embedded Indonesian word list (`profiles/words/id_ID.words.gz`, see its README
//! for source and licence): the quality gate counts its words, the normaliser keeps
//! them whole.

use rustc_hash::FxHashSet;
use std::io::Read;
use std::sync::OnceLock;

/// The embedded word list: one lower-case word a line, gzip-compressed.
const LIST: &[u8] = include_bytes!("../../profiles/words/id_ID.words.gz");

/// The embedded word list, decompressed on first use.
pub fn list() -> &'static FxHashSet<Box<str>> {
    static WORDS: OnceLock<FxHashSet<Box<str>>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut text = String::new();
        // The list is part of the binary: a failure here is a build defect, caught by the
        // tests, and leaves an empty list rather than a panic in a nightly run.
        let _ = flate2::read::GzDecoder::new(LIST).read_to_string(&mut text);
        text.lines()
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(Box::from)
            .collect()
    })
}
