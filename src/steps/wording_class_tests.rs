//! Table-driven tests of concepts said in words the earlier tables did not cover: the
//! payment of a disconnected caller, the greeting's offer glued together, ... Each
//! class has a near miss that must stay as it was (FAIL, or the other path).

use super::class_tests::{call, check, path_on_words};
use super::Status::{Fail, Pass};
use crate::model::PathKind;

/// The path a first-report call with no action takes on the caller's words alone.
fn path_of(turns: &[&str]) -> PathKind {
    path_on_words(turns).kind
}

#[test]
fn paid_and_disconnected_classes() {
    use PathKind::{FirstReport, TusbungPaid};
    for (caller, want) in [
        // The payment said to be settled, "sudah" after it or not at all.
        (
            "tagihan bulan lalu pembayarannya selesai, tolong disambung",
            TusbungPaid,
        ),
        (
            "pembayaran sudah masuk kok mas, minta disambung kembali",
            TusbungPaid,
        ),
        // Paid a moment ago, without "sudah".
        (
            "meteran dicabut kemarin, tadi pagi dilunasi, tolong sambungkan",
            TusbungPaid,
        ),
        // The arrears paid.
        (
            "saya bayar tunggakan dua bulan, listriknya minta disambung",
            TusbungPaid,
        ),
        // Near misses: the payment not made yet, or only intended.
        (
            "listrik diputus, pembayarannya belum beres, tolong disambung dulu",
            FirstReport,
        ),
        (
            "sekarang mau saya lunasi, nanti disambung lagi kan",
            FirstReport,
        ),
        (
            "saya belum bayar tunggakan, kenapa langsung diputus",
            FirstReport,
        ),
    ] {
        let turns = ["A: pln 123 ada yang bisa dibantu", &format!("C: {caller}")];
        assert_eq!(path_of(&turns), want, "{caller}");
    }
}

#[test]
fn glued_offer_classes() {
    check(
        "greeting",
        "08:10",
        "",
        &[
            // "bisa" and "ada" glued to the word after them.
            (
                &["A: selamat pagi pln 123 saya rahmat apa yang bisadibantu"],
                Pass,
            ),
            (
                &["A: pln 123 selamat pagi rahmat berbicara adayang perlu dibantu"],
                Pass,
            ),
            // Near miss: a word that only starts like them ("adalah") stays whole, and
            // no help is offered.
            (
                &["A: pln 123 selamat pagi dengan rahmat adalah petugas"],
                Fail,
            ),
        ],
    );
}

#[test]
fn name_heard_with_s_for_z_classes() {
    // Agent Rizky heard with "s" for "z" and "i" for "y".
    for (turn, want) in [
        (
            "A: pln 123 selamat pagi saya riski ada yang bisa dibantu",
            Pass,
        ),
        ("A: pln 123 selamat pagi riski di sini bisadibantu", Pass),
        // Near miss: another name of the same start.
        (
            "A: pln 123 selamat pagi saya riska ada yang bisa dibantu",
            Fail,
        ),
    ] {
        let mut c = call("08:10", "", &[turn]);
        c.meta.agent_name = "Rizky".into();
        assert_eq!(super::class_tests::status(&c, "greeting"), want, "{turn}");
    }
}

#[test]
fn prior_report_question_classes() {
    check(
        "prior_report_question",
        "09:00",
        "",
        &[
            // "Before" said as "sebelum ini".
            (
                &[
                    "A: sebelum ini bapak sudah pernah buat laporan",
                    "C: belum mbak",
                ],
                Pass,
            ),
            // The passive verb written apart ("di laporkan"), a filler or a turn
            // break between; "sempat" for "pernah".
            (
                &[
                    "A: gangguan ini sudah pernah di eh laporkan ke kami sebelumnya",
                    "C: belum",
                ],
                Pass,
            ),
            (
                &[
                    "A: listriknya sudah pernah di",
                    "A: laporkan sebelumnya bu",
                    "C: belum",
                ],
                Pass,
            ),
            // "sudah" glued to "pernah".
            (
                &[
                    "A: untuk listrik ini ibu sudahpernah lapor",
                    "C: belum pernah",
                ],
                Pass,
            ),
            // Asked with "apa" alone.
            (
                &[
                    "A: apa ada laporan sebelum ini dari rumah bapak",
                    "C: tidak pernah",
                ],
                Pass,
            ),
            // Near miss: a report read back, nothing asked.
            (
                &[
                    "A: laporan sebelumnya atas nama ibu ani di jalan mawar",
                    "C: iya",
                ],
                Fail,
            ),
        ],
    );
    check(
        "prior_report_question",
        "09:00",
        "",
        &[
            // A bare "ya" while the question goes on; the answer after it says no.
            (
                &[
                    "A: pak sudah pernah melapor",
                    "C: iya",
                    "A: soal lampu mati ini",
                    "C: belum, baru kali ini",
                ],
                Pass,
            ),
            // The same with a yes: the report number must then be asked.
            (
                &[
                    "A: pak sudah pernah melapor",
                    "C: iya",
                    "A: soal lampu mati ini",
                    "C: sudah kemarin",
                    "A: baik saya cek dulu",
                ],
                Fail,
            ),
            // "belum ada kabar" after a yes is no "no": the number must be asked.
            (
                &[
                    "A: apakah sudah pernah dilaporkan sebelumnya",
                    "C: sudah tapi belum ada kabar",
                    "A: baik saya cek dulu",
                ],
                Fail,
            ),
            // Near miss: an address number read back beside "laporan" asks nothing.
            (
                &[
                    "A: apakah sudah pernah dilaporkan sebelumnya",
                    "C: sudah mbak",
                    "A: atas nama joko di jalan melati no 12 bantul laporan padam",
                ],
                Fail,
            ),
            (
                &[
                    "A: apakah sudah pernah dilaporkan sebelumnya",
                    "C: sudah mbak",
                    "A: boleh nomor laporannya",
                ],
                Pass,
            ),
        ],
    );
}

#[test]
fn this_phone_classes() {
    use crate::model::numbers::NumberKind::{Mobile, Pstn};
    for (turn, number, want) in [
        // The phone in use named instead of its number.
        (
            "A: handphone yang bapak pakai sekarang bisa kami telepon",
            Mobile,
            Pass,
        ),
        ("A: hp yang digunakan ini aktif ya pak", Mobile, Pass),
        // Near miss: the phone of the earlier report is not the number in use.
        ("A: atau nomor hp yang dipakai waktu lapor", Mobile, Fail),
        // Near miss: a landline caller asked only about the number in use.
        ("A: nomor yang dipakai ini bisa dihubungi pak", Pstn, Fail),
    ] {
        let c = call("09:00", "", &[turn]);
        assert_eq!(
            super::class_tests::status_on(&c, "phone_verification", number),
            want,
            "{turn}"
        );
    }
}

#[test]
fn apology_for_a_problem_come_back_classes() {
    check(
        "empathy",
        "09:00",
        "",
        &[
            // The report conceded, then the problem apologised for.
            (
                &["A: maaf ya bu, ibu sudah melapor tetapi kendalanya datang lagi"],
                Pass,
            ),
            (
                &["A: maaf pak sudah pernah lapor namun gangguannya terulang"],
                Pass,
            ),
            // Near misses: the apology only prefaces a question.
            (
                &["A: mohon maaf untuk kendala ini sudah pernah lapor"],
                Fail,
            ),
            (&["A: maaf dengan siapa saya bicara, masalahnya apa"], Fail),
        ],
    );
}

#[test]
fn closing_split_over_turns_classes() {
    check(
        "closing",
        "16:00",
        "",
        &[
            // The campaign in the turn before the closing's last three, the sentence
            // running on into them past backchannels.
            (
                &[
                    "A: silakan unduh aplikasi pln mobile lewat play store",
                    "C: iya",
                    "A: maupun app store ya bu",
                    "C: hmm",
                    "A: terima kasih sudah menghubungi",
                    "A: pln 123 selamat sore",
                ],
                Pass,
            ),
            // The line's number in words before the honorific ("tiga bu" is no
            // "tiga ribu").
            (
                &[
                    "A: baik bu terima kasih telah menelepon pln seratus dua puluh tiga bu",
                    "A: silakan pasang pln mobile dari appstore, selamat sore",
                ],
                Pass,
            ),
            // Near miss: the campaign said well before the closing, the caller answering
            // between the agent's sentences (consecutive agent turns are one run-on turn
            // for the closing window, so each sentence here has its answer).
            (
                &[
                    "A: ada aplikasi new pln mobile di playstore",
                    "C: oke",
                    "A: baik saya cek dulu",
                    "C: iya",
                    "A: sudah saya teruskan",
                    "C: baik",
                    "A: terima kasih sudah menghubungi",
                    "A: pln 123 selamat sore",
                ],
                Fail,
            ),
            // Near miss: the wrong time of day.
            (
                &[
                    "A: silakan unduh aplikasi pln mobile lewat play store",
                    "A: maupun app store ya bu",
                    "A: terima kasih sudah menghubungi",
                    "A: pln 123 selamat pagi",
                ],
                Fail,
            ),
        ],
    );
}
