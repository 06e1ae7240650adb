//! Which built-in profile phrases a text holds, with the tokens they matched: a quick
//! way for a QA lead or a developer to see why a turn passes or fails a step.
//!
//! `cargo run --release --example phrases -- "pln 123 selamat pagi dengan andri"`

use callaudit::matching::ids::IdLists;
use callaudit::matching::phrase::{Slots, Toks};
use callaudit::profile::Compiled;

fn main() {
    let text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let prof = Compiled::builtin();
    let tokens = prof.norm.tokens(&text);
    println!("tokens: {tokens:?}");
    // Each token's lexicon ids, as ranges of one pool.
    let (mut spans, mut pool) = (Vec::new(), Vec::new());
    for t in &tokens {
        let from = pool.len() as u32;
        pool.extend_from_slice(&prof.lexicon.lookup(t));
        spans.push((from, pool.len() as u32));
    }
    let mut slots = Slots::default();
    slots.insert(
        "time_of_day",
        prof.bands.iter().map(|b| vec![b.name.clone()]).collect(),
    );
    let toks = Toks {
        text: &tokens,
        ids: Some(IdLists::new(&spans, &pool)),
    };
    for p in prof.all_phrases() {
        for h in p.all_in(toks, &slots, prof.opts) {
            println!("{:?} -> {:?}", p.source, &tokens[h.first..=h.last]);
        }
    }
}
