//! Which built-in profile phrases a text holds, with the tokens they matched: a quick
//! way for a QA lead or a developer to see why a turn passes or fails a step.
//!
//! `cargo run --release --example phrases -- "pln 123 selamat pagi dengan andri"`

use callaudit::matching::phrase::{Slots, Toks};
use callaudit::profile::Compiled;

fn main() {
    let text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let prof = Compiled::builtin();
    let tokens = prof.norm.tokens(&text);
    println!("tokens: {tokens:?}");
    let ids: Vec<_> = tokens.iter().map(|t| prof.lexicon.lookup(t)).collect();
    let mut slots = Slots::default();
    slots.insert(
        "time_of_day",
        prof.bands.iter().map(|b| vec![b.name.clone()]).collect(),
    );
    let toks = Toks {
        text: &tokens,
        ids: Some(&ids),
    };
    for p in prof.all_phrases() {
        for h in p.all_in(toks, &slots, prof.opts) {
            println!("{:?} -> {:?}", p.source, &tokens[h.first..=h.last]);
        }
    }
}
