//! The small interface lint needs of a profile: its phrase lists, each with its key,
//! the step it belongs to and who says it (the profile's own table of lists,
//! [`crate::profile::sets`]). Everything else lint checks works on the TOML itself or
//! on compiled phrases.

pub use crate::model::Role as Side;
pub use crate::profile::{phrase_lists, PhraseList};

/// Key paths of the TOML whose keys are free (a map, not fields), and whether their
/// keys must be step ids: a profile's own variants, recogniser confusions and concepts
/// are not unknown keys.
pub const FREE_MAPS: [(&str, bool); 4] = [
    ("normalize.variants", false),
    ("matching.confusions", false),
    ("concepts", false),
    ("scoring.weights", true),
];
