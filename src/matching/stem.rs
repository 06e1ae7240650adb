//! Light Indonesian affix handling, so a phrase word matches its inflected forms:
//! `lapor` / `melaporkan` / `laporannya`, `tindaklanjuti` / `menindaklanjuti`,
//! `lunas` / `lunasin`. Not a full stemmer: it lists the forms a spoken word may be once
//! its particles, suffixes and prefix are stripped (nasal prefixes restore the dropped
//! letter). The match is one-sided: the phrase word must be one of the spoken word's
//! forms (or the spoken word the phrase word less its prefix), so a profile says `baik`
//! to mean "good" without matching `perbaikan`, and `perbaikan` without matching `baik`.
//!
//! Cost: no allocation; a form is a slice of the word plus at most one restored letter,
//! kept in a fixed array on the stack.

use super::lang::{DERIVATIONAL, PARTICLES, PREFIXES, SUFFIXES};

/// Shortest form worth comparing.
const MIN_FORM: usize = 4;
const MAX_FORMS: usize = 48;

/// A form: an optional restored first letter and a slice of the word.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Form<'a>(u8, &'a str);

impl Form<'_> {
    fn len(&self) -> usize {
        self.1.len() + usize::from(self.0 != 0)
    }
}

struct Forms<'a> {
    items: [Form<'a>; MAX_FORMS],
    len: usize,
}

impl<'a> Forms<'a> {
    fn of(w: &'a str) -> Forms<'a> {
        Forms::build(w, true)
    }

    /// Only the prefix stripped (the word may carry particles and suffixes).
    fn prefix_only(w: &'a str) -> Forms<'a> {
        Forms::build(w, false)
    }

    fn build(w: &'a str, suffixes: bool) -> Forms<'a> {
        let mut f = Forms {
            items: [Form(0, ""); MAX_FORMS],
            len: 0,
        };
        f.push(Form(0, w));
        if !suffixes {
            for (p, restore) in PREFIXES {
                if let Some(rest) = w.strip_prefix(p).filter(|r| !r.starts_with(p)) {
                    for &r in restore {
                        f.push(Form(r, rest));
                    }
                }
            }
            return f;
        }
        for p in PARTICLES {
            if let Some(s) = w.strip_suffix(p) {
                f.push(Form(0, s));
            }
        }
        let unsuffixed = f.len;
        for i in 0..f.len {
            let base = f.items[i].1;
            for s in SUFFIXES {
                if let Some(stripped) = base.strip_suffix(s) {
                    f.push(Form(0, stripped));
                }
            }
        }
        for i in 0..f.len {
            let base = f.items[i].1;
            for (p, restore) in PREFIXES {
                // pe-/per-/ke-/se- with a suffix make a new word (perbaikan is not baik,
                // keterangan not terang): strip them only from unsuffixed forms.
                if i >= unsuffixed && DERIVATIONAL.contains(&p) {
                    continue;
                }
                if let Some(rest) = base.strip_prefix(p) {
                    // A syllable said twice is the word's own, no prefix: "beberapa"
                    // (several) is not "be-" + "berapa" (how many).
                    if rest.starts_with(p) {
                        continue;
                    }
                    for &r in restore {
                        f.push(Form(r, rest));
                    }
                }
            }
        }
        f
    }

    fn push(&mut self, form: Form<'a>) {
        if form.len() >= MIN_FORM && self.len < MAX_FORMS && !self.items[..self.len].contains(&form)
        {
            self.items[self.len] = form;
            self.len += 1;
        }
    }

    fn as_slice(&self) -> &[Form<'a>] {
        &self.items[..self.len]
    }
}

fn same_form(a: Form, b: Form) -> bool {
    match (a.0, b.0) {
        (0, 0) => a.1 == b.1,
        (x, 0) => b.1.as_bytes().first() == Some(&x) && &b.1[1..] == a.1,
        (0, y) => a.1.as_bytes().first() == Some(&y) && &a.1[1..] == b.1,
        (x, y) => x == y && a.1 == b.1,
    }
}

/// Every stripped form of `w` as owned strings (restored letters included); empty for
/// words too short or not ASCII, which never match by stem.
pub fn forms_of(w: &str) -> Vec<String> {
    owned(w, Forms::of)
}

/// Whether `pred` holds for one of the stripped forms of `w` other than `w` itself, as
/// [`forms_of`] lists them, without allocating.
pub fn any_form(w: &str, mut pred: impl FnMut(&str) -> bool) -> bool {
    if w.len() < MIN_FORM || !w.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 64];
    Forms::of(w).as_slice().iter().any(|f| {
        let s = match f.0 {
            0 => f.1,
            r if f.1.len() < buf.len() => {
                buf[0] = r;
                buf[1..=f.1.len()].copy_from_slice(f.1.as_bytes());
                // ASCII word plus an ASCII letter.
                std::str::from_utf8(&buf[..=f.1.len()]).unwrap_or_default()
            }
            _ => return false,
        };
        s != w && pred(s)
    })
}

/// `w` and `w` without its prefix, as owned strings.
pub fn prefix_forms_of(w: &str) -> Vec<String> {
    owned(w, Forms::prefix_only)
}

fn owned<'a>(w: &'a str, forms: fn(&'a str) -> Forms<'a>) -> Vec<String> {
    if w.len() < MIN_FORM || !w.is_ascii() {
        return Vec::new();
    }
    forms(w)
        .as_slice()
        .iter()
        .map(|f| {
            let mut s = String::with_capacity(f.len());
            if f.0 != 0 {
                s.push(f.0 as char);
            }
            s.push_str(f.1);
            s
        })
        .collect()
}

/// Whether two words share a 3-letter run: forms are slices of the words (plus at most
/// one restored letter), so words without one cannot share a form of 4+ letters.
fn share_trigram(a: &[u8], b: &[u8]) -> bool {
    a.windows(3).any(|w| b.windows(3).any(|v| v == w))
}

/// Whether spoken word `b` says phrase word `a` up to affixes: `a` is a stripped form
/// of `b`, or `b` is `a` without its prefix.
pub fn same_stem(a: &str, b: &str) -> bool {
    if a.len() < MIN_FORM || b.len() < MIN_FORM || !a.is_ascii() || !b.is_ascii() {
        return false;
    }
    if !share_trigram(a.as_bytes(), b.as_bytes()) {
        return false;
    }
    let whole = Form(0, a);
    Forms::of(b).as_slice().iter().any(|f| same_form(whole, *f))
        || Forms::prefix_only(a)
            .as_slice()
            .iter()
            .any(|f| same_form(*f, Form(0, b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_forms_meet() {
        for (a, b) in [
            ("lapor", "melaporkan"),
            ("lapor", "laporannya"),
            ("tindaklanjuti", "menindaklanjuti"),
            ("sampaikan", "disampaikan"),
            ("sampai", "sampaikan"),
            ("dihubungi", "hubungi"),
            ("eskalasi", "eskalasikan"),
            ("lunas", "lunasin"),
            ("hubungi", "dihubungi"),
            ("pakai", "memakai"),
            ("kirim", "mengirimkan"),
            ("sambung", "menyambungkan"),
        ] {
            assert!(same_stem(a, b), "{a} / {b}");
        }
    }

    /// A syllable said twice is no prefix: "beberapa" (several) is not "berapa" (how
    /// many), while "memeriksa" is still "periksa" (the nasal prefix).
    #[test]
    fn doubled_syllable_is_no_prefix() {
        assert!(!same_stem("berapa", "beberapa"));
        assert!(same_stem("periksa", "memeriksa"));
        assert!(same_stem("kerja", "bekerja"));
    }

    #[test]
    fn owned_forms_agree_with_same_stem() {
        for (a, b) in [
            ("pakai", "memakai"),
            ("lapor", "melaporkan"),
            ("tahu", "tahun"),
            ("dihubungi", "hubungi"),
            ("baik", "perbaikan"),
        ] {
            let meet =
                forms_of(b).iter().any(|f| f == a) || prefix_forms_of(a).iter().any(|f| f == b);
            assert_eq!(meet, same_stem(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn any_form_sees_the_owned_forms() {
        for w in [
            "melaporkan",
            "menyambungkan",
            "dihubunginya",
            "abc",
            "perbaikan",
        ] {
            let mut seen = Vec::new();
            any_form(w, |f| {
                seen.push(f.to_string());
                false
            });
            let owned: Vec<String> = forms_of(w).into_iter().filter(|f| f != w).collect();
            assert_eq!(seen, owned, "{w}");
        }
    }

    #[test]
    fn different_words_stay_apart() {
        for (a, b) in [
            ("tahu", "tahun"),
            ("pagi", "siang"),
            ("lama", "malam"),
            ("bayar", "bayi"),
            ("perbaikan", "baik"),
            ("baik", "perbaikan"),
            ("menunggu", "ditunggu"),
            ("belum", "sebelumnya"),
        ] {
            assert!(!same_stem(a, b), "{a} / {b}");
        }
    }
}
