use callaudit::matching::phrase::{Slots, Toks};
use callaudit::profile::Compiled;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let prof = Compiled::builtin();
    let toks = prof.norm.tokens(&args[1]);
    println!("tokens: {:?}", toks);
    let ids: Vec<_> = toks.iter().map(|t| prof.lexicon.lookup(t)).collect();
    let mut slots = Slots::new();
    slots.insert("time_of_day", vec![vec!["pagi".to_string()]]);
    for p in prof.all_phrases() {
        if let Some(h) = p.full_in(
            Toks {
                text: &toks,
                ids: Some(&ids),
            },
            &slots,
            prof.opts,
        ) {
            println!("{:?} -> {:?}", p.source, &toks[h.first..=h.last]);
        }
    }
}
