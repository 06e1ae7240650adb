//! Table-driven tests of the ways of addressing and asking the matcher widens: a name
//! heard by its sound, a multi-word filler, a truncated question word, asking about a
//! past contact without the reporting word, the report number by its SOP name. Each
//! class has a near miss that must stay FAIL.

use super::class_tests::check;
use super::Status::{Fail, Pass};

/// A call addressing the caller with `line`, and the turns around it (the closing
/// turns are not where a caller is addressed).
fn addressed(line: &'static str) -> [&'static str; 6] {
    [
        "A: pln 123 selamat pagi dengan rahmat ada yang bisa dibantu",
        line,
        "C: iya",
        "A: baik ditunggu",
        "A: terima kasih",
        "A: selamat pagi",
    ]
}

#[test]
fn name_by_its_sound_classes() {
    let rows = [
        // The CRM name heard as a neighbouring spelling, the honorific garbled too.
        ("A: baik dengan bapa jokko ya", Pass),
        ("A: halo bak djoko iya silakan", Pass),
        ("A: oh iya jokko silakan", Pass),
        // A multi-word filler between a cue word and the name is no read-back cue.
        ("A: baik apa namanya dengan bapak joko ya", Pass),
        // Near misses: another name one letter off; the name only read back.
        ("A: baik dengan bapak jaka ya", Fail),
        ("A: laporan atas nama bapak jokko kusuma", Fail),
    ];
    for (line, want) in rows {
        check(
            "caller_name",
            "09:00",
            "Joko Kusuma",
            &[(&addressed(line), want)],
        );
    }
}

#[test]
fn truncated_question_word_classes() {
    check(
        "caller_name",
        "09:00",
        "",
        &[
            // "siapa" heard without its last letter, anchored by the rest.
            (&["A: baik sebelumnya dengan bapak siap", "C: budi"], Pass),
            (&["A: namanya siap bu", "C: wati"], Pass),
            // Near miss: "siap" as itself, no question.
            (&["A: baik saya siap membantu", "C: iya"], Fail),
        ],
    );
}

#[test]
fn prior_contact_classes() {
    check(
        "prior_report_question",
        "09:00",
        "",
        &[
            // Asking about a past contact with PLN, without the reporting word.
            (
                &[
                    "A: kendala ini sudah pernah ke pln sebelumnya bu",
                    "C: belum",
                ],
                Pass,
            ),
            // The number of the earlier report by its SOP name, in the follow-up.
            (
                &[
                    "A: sudah pernah lapor sebelumnya bu",
                    "C: pernah kemarin",
                    "A: kalau ada boleh disebutkan nomor bukti",
                ],
                Pass,
            ),
            (
                &[
                    "A: sudah pernah lapor sebelumnya bu",
                    "C: pernah kemarin",
                    "A: melapor pakai nomor telepon yang mana bu",
                ],
                Pass,
            ),
            // A first report told as "the first one".
            (
                &[
                    "A: apakah sebelumnya sudah pernah melapor",
                    "C: ya ini yang pertama",
                ],
                Pass,
            ),
            // Near misses: a question about the app; a report read back, not asked; a
            // name that only sounds like "digunakan" before a number.
            (
                &[
                    "A: apakah sudah pernah pakai pln mobile sebelumnya",
                    "C: belum",
                ],
                Fail,
            ),
            (
                &[
                    "A: terima kasih sudah menunggu laporan sebelumnya atas nama bu rina betul",
                    "C: betul",
                    "A: mohon maaf sekali ya bu atas kejadiannya",
                ],
                Fail,
            ),
            (
                &[
                    "A: maaf untuk kendala ini sudah pernah dilaporkan bu",
                    "C: sudah tadi saya telepon",
                    "A: laporan atas nama bu maya gunawan lokasi nya jalan kemuning nomor 115",
                ],
                Fail,
            ),
        ],
    );
}
