//! Floor of the audit's cost on a JSONL archive: how long reading and parsing alone, then
//! parsing plus normalising, then plus the lexicon index take, on all cores. Run by hand:
//! `cargo run --release -p callaudit-bench --bin floor -- DIR`.

use callaudit::ingest::transcript::jsonl;
use callaudit::matching::CallText;
use callaudit::model::{Role, Turn};
use callaudit::profile::Compiled;
use rayon::prelude::*;
use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).expect("DIR");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    let prof = Compiled::builtin();
    for stage in 0..3 {
        let t = Instant::now();
        let n: usize = files
            .par_iter()
            .map(|f| {
                let text = std::fs::read_to_string(f).unwrap();
                let mut n = 0;
                for (i, line) in text.lines().enumerate() {
                    let raw = jsonl::parse_line(line, i as u64 + 1).unwrap();
                    match stage {
                        0 => n += raw.turns.len(),
                        1 => {
                            n += raw
                                .turns
                                .iter()
                                .map(|t| prof.norm.tokens(&t.text).len())
                                .sum::<usize>()
                        }
                        _ => {
                            let turns: Vec<Turn> = raw
                                .turns
                                .into_iter()
                                .map(|t| Turn {
                                    role: Role::Agent,
                                    start: t.start,
                                    end: t.end,
                                    text: t.text,
                                })
                                .collect();
                            n += CallText::new(&turns, &prof.norm, Some(&prof.lexicon), 2)
                                .turns
                                .len();
                        }
                    }
                }
                n
            })
            .sum();
        println!("stage {stage}: {:.2} s ({n})", t.elapsed().as_secs_f64());
    }
}
