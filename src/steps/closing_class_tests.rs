//! Table-driven tests of the closing's window and of two urgency cues: a closing
//! spoken over several agent turns in a row, the line's number said twice, the
//! campaign's verb written apart; a colloquial comparison that names nobody, a threat
//! glued to the word after it. Each class has a near miss that must stay as it was.

use super::class_tests::{check, urgent};
use super::Status::{Fail, Pass};

#[test]
fn closing_over_agent_turns_classes() {
    check(
        "closing",
        "19:00",
        "",
        &[
            // The agent's turns in a row (an "iya" of their own between) are one part
            // of the closing.
            (
                &[
                    "A: jangan lupa download aplikasi new pln mobile di play store",
                    "A: iya",
                    "A: terima kasih telah menghubungi pln 123",
                    "A: selamat malam",
                ],
                Pass,
            ),
            // The line's number said twice; the verb written apart; "ke" glued.
            (
                &[
                    "A: ayo download pln mobile di playstore",
                    "C: oke",
                    "A: terima kasih sudah menghubungi pln satu dua tiga satu dua tiga selamat malam",
                ],
                Pass,
            ),
            (
                &["A: silakan down load new pln mobile di play store terima kasih atas teleponnya kepln 123 selamat malam"],
                Pass,
            ),
            // Near misses: the campaign said turns before the closing, the caller
            // answering between; thanks without the line's name.
            (
                &[
                    "A: ayo download aplikasi pln mobile",
                    "C: iya nanti",
                    "A: nomor laporannya sudah saya kirim",
                    "C: oke",
                    "A: ada lagi yang bisa dibantu",
                    "C: tidak",
                    "A: baik pak",
                    "C: iya",
                    "A: terima kasih telah menghubungi pln 123 selamat malam",
                ],
                Fail,
            ),
            (
                &[
                    "A: ayo download pln mobile di playstore",
                    "A: terima kasih ya pak selamat malam",
                ],
                Fail,
            ),
        ],
    );
}

#[test]
fn comparison_and_glued_threat_classes() {
    for (turns, want) in [
        // Near miss: "kayak" (like) is no "kakak" (an elder sibling): weak power, nobody
        // sick.
        (
            &[
                "A: ada yang bisa dibantu",
                "C: listrik di rumah kayak lemah lampunya redup terus",
            ][..],
            false,
        ),
        // The sibling named as said is a person.
        (
            &[
                "A: ada yang bisa dibantu",
                "C: kakak saya lagi lemah habis operasi listriknya mati",
            ],
            true,
        ),
        // A threat glued to the word after it.
        (
            &[
                "A: ada yang bisa dibantu",
                "C: kalau tidak ditangani saya lapor polisiaja",
            ],
            true,
        ),
        // Near miss: the police only mentioned.
        (
            &[
                "A: ada yang bisa dibantu",
                "C: tadi ada mobil polisi lewat depan rumah terus listrik mati",
            ],
            false,
        ),
    ] {
        assert_eq!(urgent(turns), want, "{turns:?}");
    }
}
