//! ASR noise: turns clean dialogue into what a speech-to-text engine writes, without
//! changing what was said (the truth).
//!
//! Level 0 leaves the text alone. Level 1 lower-cases, drops punctuation and writes some
//! numbers as Indonesian words. Level 2 adds one-character typos (~3 % of words), dropped
//! and doubled words (~1 % each), fillers (eh, em, hmm, anu), colloquial forms (bapak→pak,
//! tidak→gak/nggak, sudah→udah, saja→aja, nomor→nomer, handphone→hp), an agent turn split
//! in two at a sentence boundary and two consecutive agent turns merged. Level 3 is
//! heavier on all of those.
//!
//! What keeps the truth intact: words that carry a step ([`KEY_WORDS`], the call's names
//! and address words, anything with a digit) are never dropped, doubled or preceded by a
//! filler; only long key words may get a single-character typo, and numbers and
//! time-of-day words never do. Splits keep both halves of a turn in order and in time.
//! Noise draws from its own random stream, so the scenario is the same at every level.
//!
//! Levels 2 and 3 then add the recogniser kinds of [`asr`] (short-word typos, real-word
//! sound confusions, neighbouring names, word boundaries, stutters and fillers,
//! Whisper-style rendering; held out unless asked for: phonetic drift, English fillers,
//! a step split around a caller backchannel). They draw from streams split off after the
//! base noise, so the base noise of every level is byte for byte what it was, and levels
//! 0 and 1 are unchanged.

mod asr;
#[cfg(test)]
mod asr_tests;
mod render;
mod tables;

pub use asr::AsrLevel;

use super::rng::Rng;
use super::spoken;
use callaudit::model::{Role, Turn};

/// Words that carry a step or a cue; kept whole (long ones may get one typo).
#[rustfmt::skip]
pub const KEY_WORDS: &[&str] = &[
    "123", "aktif", "alamat", "api", "aplikasi", "app", "appstore", "asap", "atas", "atasan",
    "bahagia", "bahaya", "bantu", "bayar", "bayi", "belas", "belum", "berapa", "beristirahat",
    "berita", "bukan", "catat", "cc", "darah", "daya", "delapan", "demam", "demo", "dengan",
    "dibantu", "dicatat", "dihubungi", "dimengerti", "dipahami", "diputus", "disambung",
    "ditangani", "diteruskan", "ditindaklanjuti", "diunduh", "download", "dua", "empat", "enam",
    "estimasi", "gak", "gangguan", "gosong", "handphone", "harinya", "hemat", "hp", "id", "ilp",
    "induksi", "informasi", "informasinya", "ini", "instagram", "jam", "jawaban", "jelas", "k",
    "kali", "kapan", "kasih", "kebakaran", "kecewa", "keluarga", "keluhan", "kendala",
    "kendalanya", "kendaraan", "kesehatan", "ketidaknyamanan", "ketidaknyamanannya", "komplain",
    "kompor", "korsleting", "kosong", "lain", "lama", "lansia", "lapor", "laporan", "laporannya",
    "lima", "lokasi", "lunas", "maaf", "makasih", "maksimal", "malam", "marah", "masih", "media",
    "medis", "melapor", "meledak", "menghubungi", "menyenangkan", "meter", "mobile", "mohon",
    "muak", "nama", "namanya", "napas", "nebulizer", "new", "nggak", "nol", "nomer", "nomor",
    "nyetrum", "oksigen", "ombudsman", "pagi", "panik", "pelanggan", "penjelasan", "percikan",
    "permasalahan", "permasalahannya", "pernah", "pertama", "petugas", "play", "playstore", "pln",
    "polisi", "ponsel", "progres", "progresnya", "promo", "proses", "puluh", "ratus", "ribu",
    "roboh", "sakit", "sama", "sampaikan", "satu", "sebelas", "sebelumnya", "segera", "sehat",
    "selamat", "selesai", "seluler", "semangat", "sembilan", "semoga", "sepuluh", "seratus",
    "seribu", "siang", "siapa", "sore", "spklu", "standar", "store", "stroke", "sudah", "tambah",
    "telah", "terima", "terkait", "teruskan", "tetap", "tidak", "tiga", "tiket", "tujuh",
    "tunggakan", "twitter", "udah", "unduh", "unit", "viral", "viralkan", "wartawan", "whatsapp",
    "x",
];

const TIME_WORDS: &[&str] = &["pagi", "siang", "sore", "malam"];

const FILLERS: &[&str] = &["eh", "em", "hmm", "anu", "eee"];

/// How much of each kind of noise a level adds.
#[derive(Debug, Clone, Copy)]
pub struct Level {
    pub number_words: f64,
    pub typo: f64,
    pub drop: f64,
    pub double: f64,
    pub filler: f64,
    pub colloquial: f64,
    pub split: f64,
    pub merge: f64,
}

impl Level {
    pub fn of(level: u8) -> Level {
        let none = Level {
            number_words: 0.0,
            typo: 0.0,
            drop: 0.0,
            double: 0.0,
            filler: 0.0,
            colloquial: 0.0,
            split: 0.0,
            merge: 0.0,
        };
        match level {
            0 => none,
            1 => Level {
                number_words: 0.3,
                ..none
            },
            2 => Level {
                number_words: 0.4,
                typo: 0.03,
                drop: 0.01,
                double: 0.01,
                filler: 0.025,
                colloquial: 0.6,
                split: 0.12,
                merge: 0.3,
            },
            _ => Level {
                number_words: 0.5,
                typo: 0.07,
                drop: 0.02,
                double: 0.02,
                filler: 0.05,
                colloquial: 0.85,
                split: 0.3,
                merge: 0.5,
            },
        }
    }
}

/// The noise applier for one run: the key-word table, built once, read-only.
#[derive(Debug)]
pub struct Noise {
    keys: Vec<&'static str>,
    /// Whether the held-out recogniser kinds are applied too.
    heldout: bool,
}

impl Default for Noise {
    fn default() -> Self {
        Noise::new()
    }
}

impl Noise {
    pub fn new() -> Noise {
        Noise::with_heldout(false)
    }

    /// The noise applier; `heldout` adds the held-out recogniser kinds at levels 2 and 3.
    pub fn with_heldout(heldout: bool) -> Noise {
        let mut keys: Vec<&'static str> = KEY_WORDS.to_vec();
        keys.sort_unstable();
        keys.dedup();
        Noise { keys, heldout }
    }

    fn is_key(&self, w: &str, names: &[String]) -> bool {
        w.bytes().any(|b| b.is_ascii_digit())
            || self.keys.binary_search(&w).is_ok()
            || names.iter().any(|n| n == w)
    }

    /// Applies `level` to the turns. `names` are lower-case words that must survive (the
    /// agent's and caller's names, address words).
    pub fn apply(&self, turns: &mut Vec<Turn>, level: u8, names: &[String], rng: &mut Rng) {
        self.apply_call(turns, level, names, &[], rng);
    }

    /// [`Noise::apply`] for a call whose people's names (lower case, a subset of `names`)
    /// may be heard as neighbouring names.
    pub fn apply_call(
        &self,
        turns: &mut Vec<Turn>,
        level: u8,
        names: &[String],
        people: &[String],
        rng: &mut Rng,
    ) {
        self.apply_base(turns, level, names, rng);
        if level >= 2 {
            let mut streams = asr::Streams::from(rng);
            let lv = AsrLevel::of(level);
            asr::apply(self, turns, &lv, names, people, self.heldout, &mut streams);
        }
    }

    /// The base noise alone (what levels 2 and 3 were before the recogniser kinds).
    pub fn apply_base(&self, turns: &mut Vec<Turn>, level: u8, names: &[String], rng: &mut Rng) {
        if level == 0 {
            return;
        }
        let lv = Level::of(level);
        if lv.merge > 0.0 {
            merge_agent_turns(turns, lv.merge, rng);
        }
        if lv.split > 0.0 {
            split_agent_turns(turns, lv.split, rng);
        }
        for turn in turns.iter_mut() {
            turn.text = self.garble(&turn.text, &lv, names, rng);
        }
    }

    fn garble(&self, text: &str, lv: &Level, names: &[String], rng: &mut Rng) -> String {
        // 1. ASR casing and punctuation: lower case, no punctuation, words separated by one
        //    space, "3x24" → "3 x 24".
        let mut clean = String::with_capacity(text.len() + 8);
        let mut prev: Option<char> = None;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_alphanumeric() {
                let lone_x = (c == 'x' || c == 'X')
                    && prev.is_some_and(|p| p.is_ascii_digit())
                    && chars.peek().is_some_and(|n| n.is_ascii_digit());
                if lone_x {
                    clean.push_str(" x ");
                } else if c.is_ascii() {
                    clean.push(c.to_ascii_lowercase());
                } else {
                    clean.extend(c.to_lowercase());
                }
            } else if (c.is_whitespace() || c == '-' || c == '/')
                && !clean.is_empty()
                && !clean.ends_with(' ')
            {
                clean.push(' ');
            }
            prev = Some(c);
        }
        while clean.ends_with(' ') {
            clean.pop();
        }

        // 2. Numbers as words: an ASR engine is consistent within a turn, so a turn has
        //    either all its numbers as digits or all as words.
        let kosong = rng.chance(0.3);
        let as_words = rng.chance(lv.number_words);
        let staged = if as_words && clean.bytes().any(|b| b.is_ascii_digit()) {
            let mut out = String::with_capacity(clean.len() * 2);
            let mut prev_converted = false;
            for w in clean.split(' ') {
                if !out.is_empty() {
                    out.push(' ');
                }
                if w == "x" && prev_converted {
                    out.push_str("kali");
                } else if w.bytes().any(|b| b.is_ascii_digit()) {
                    out.push_str(&number_words(w, kosong, rng));
                    prev_converted = true;
                    continue;
                } else {
                    out.push_str(w);
                }
                prev_converted = false;
            }
            out
        } else {
            clean
        };
        if lv.typo == 0.0 && lv.drop == 0.0 && lv.filler == 0.0 && lv.colloquial == 0.0 {
            return staged;
        }

        // 3. Colloquial forms, typos, drops, doubles, fillers. Key words are looked up only
        //    when an event fires, which keeps this cheap.
        let mut out = String::with_capacity(staged.len() + 32);
        let mut prev: &str = "";
        for word in staged.split(' ') {
            let w: &str = match colloquial(word, rng) {
                Some(c) if rng.chance(lv.colloquial) => c,
                _ => word,
            };
            if rng.chance(lv.filler)
                && !prev.is_empty()
                && !self.is_key(w, names)
                && !self.is_key(prev, names)
            {
                out.push_str(rng.pick_str(FILLERS));
                out.push(' ');
            }
            if rng.chance(lv.drop) && !self.is_key(w, names) {
                continue;
            }
            let r = rng.unit();
            let typoed = if r < lv.typo {
                let key = self.is_key(w, names);
                let eligible = if key {
                    r < lv.typo * 0.5
                        && w.len() >= 7
                        && !w.bytes().any(|b| b.is_ascii_digit())
                        && !TIME_WORDS.contains(&w)
                        && !names.iter().any(|n| n == w)
                } else {
                    w.len() >= 4
                };
                eligible.then(|| typo(w, rng))
            } else {
                None
            };
            let w_out: &str = typoed.as_deref().unwrap_or(w);
            if rng.chance(lv.double) && !self.is_key(w, names) {
                out.push_str(w_out);
                out.push(' ');
            }
            out.push_str(w_out);
            out.push(' ');
            prev = w;
        }
        out.pop();
        out
    }
}

/// A number token as words: short numbers as numbers, long ones digit by digit; a letter
/// prefix (`k5421...`) stays a letter.
fn number_words(w: &str, kosong: bool, rng: &mut Rng) -> String {
    let letters: String = w.chars().take_while(|c| !c.is_ascii_digit()).collect();
    let digits: String = w.chars().skip(letters.chars().count()).collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) || digits.is_empty() {
        return w.to_string();
    }
    // "123" is said digit by digit as often as as a number; other short numbers are
    // numbers ("dua puluh empat"), long ones digit by digit.
    let digitwise =
        digits.len() > 3 || digits.starts_with('0') || (digits == "123" && rng.chance(0.5));
    let spoken = if digitwise {
        spoken::digits_as_words(&digits, kosong)
    } else {
        spoken::cardinal(digits.parse().unwrap_or(0))
    };
    if letters.is_empty() {
        spoken
    } else {
        format!("{letters} {spoken}")
    }
}

/// The colloquial form of a word, if it has one.
fn colloquial(w: &str, rng: &mut Rng) -> Option<&'static str> {
    Some(match w {
        "bapak" => "pak",
        "ibu" => "bu",
        "tidak" => {
            if rng.chance(0.5) {
                "gak"
            } else {
                "nggak"
            }
        }
        "sudah" => "udah",
        "saja" => "aja",
        "nomor" => "nomer",
        "handphone" => "hp",
        _ => return None,
    })
}

/// One-character edit somewhere after the first letter.
fn typo(w: &str, rng: &mut Rng) -> String {
    const LETTERS: &[u8] = b"aiueonmrstkglbdphj";
    let mut c: Vec<char> = w.chars().collect();
    if c.len() < 3 {
        return w.to_string();
    }
    let i = 1 + rng.index(c.len() - 1);
    match rng.below(4) {
        0 => c[i] = *rng.pick(LETTERS) as char,
        1 => {
            c.remove(i);
        }
        2 if i + 1 < c.len() => c.swap(i, i + 1),
        _ => c.insert(i, c[i]),
    }
    c.into_iter().collect()
}

/// Merges consecutive agent turns (the ASR heard one long turn).
fn merge_agent_turns(turns: &mut Vec<Turn>, p: f64, rng: &mut Rng) {
    let mut out: Vec<Turn> = Vec::with_capacity(turns.len());
    for t in turns.drain(..) {
        let len = out.len();
        if let Some(prev) = out.last_mut() {
            // Never merge into the greeting: it must stay the first agent turn.
            // Nor across a hold: the engine splits on long silences.
            let close = t.start - prev.end < 2.0;
            if prev.role == Role::Agent
                && t.role == Role::Agent
                && len > 1
                && close
                && rng.chance(p)
            {
                prev.text.push(' ');
                prev.text.push_str(&t.text);
                prev.end = t.end;
                continue;
            }
        }
        out.push(t);
    }
    *turns = out;
}

/// Splits agent turns in two at a sentence boundary, keeping both halves in time.
fn split_agent_turns(turns: &mut Vec<Turn>, p: f64, rng: &mut Rng) {
    let mut out: Vec<Turn> = Vec::with_capacity(turns.len() + 4);
    let mut next_start: Vec<f64> = turns.iter().skip(1).map(|t| t.start).collect();
    next_start.push(f64::INFINITY);
    for (i, t) in turns.drain(..).enumerate() {
        let dur = t.end - t.start;
        let room = next_start[i] - t.start;
        let bounds: Vec<usize> = t
            .text
            .match_indices(['.', '?', '!'])
            .map(|(k, _)| k + 1)
            .filter(|&k| k < t.text.len() && t.text[k..].starts_with(' '))
            .collect();
        if t.role != Role::Agent || bounds.is_empty() || dur < 2.6 || room < 2.6 || !rng.chance(p) {
            out.push(t);
            continue;
        }
        let cut = bounds[rng.index(bounds.len())];
        let (a, b) = t.text.split_at(cut);
        let share = a.len() as f64 / t.text.len() as f64;
        let d1 = (dur * share).clamp(1.0, dur - 1.2);
        let mid = ((t.start + d1) * 10.0).round() / 10.0;
        out.push(Turn {
            role: Role::Agent,
            start: t.start,
            end: mid,
            text: a.trim().to_string(),
        });
        out.push(Turn {
            role: Role::Agent,
            start: ((mid + 0.1) * 10.0).round() / 10.0,
            end: t.end,
            text: b.trim().to_string(),
        });
    }
    *turns = out;
}

#[cfg(test)]
mod tests;
