//! Table tests of the classes of names run together, long vowels and short forms in
//! steps 1, 2, 7 and 9 (greeting, caller_name, phone_verification, clarity_check): a
//! name written onto the word beside it, a vowel held long, a question asked in fewer
//! or other words. Each class has its near misses, which stay FAIL. (Other words run
//! together, `[normalize] glued`, are tested in `matching::normalize::deglue`.)

use super::class_tests::check;
use crate::model::Status::{Fail, Pass};

#[test]
fn greeting_glue_and_slips() {
    check(
        "greeting",
        "08:10",
        "",
        &[
            // "bantu" said with a long o.
            (
                &["A: selamat pagi ini pln 123 saya rahmat ada yang bisa saya bantoo"],
                Pass,
            ),
            // The line's number said twice; the line's name heard as a spelling variant.
            (
                &["A: pln satu dua tiga satu dua tiga selamat pagi dengan rahmat ada yang bisa dibantu"],
                Pass,
            ),
            (
                &["A: peln satu dua tiga selamat pagi dengan rahmat ada yang bisa dibantu"],
                Pass,
            ),
            // The agent's name glued to "di" of "di sini".
            (
                &["A: pln 123 selamat pagi rahmatdi sini ada yang bisa dibantu"],
                Pass,
            ),
            // Two small slips in the offer when every other part is said.
            (
                &["A: pln 123 selamat pagi dengan rahmat ado yang bisah kami bantoo"],
                Pass,
            ),
            // The offer in a third agent turn of the opening.
            (
                &[
                    "A: pln 123 selamat pagi",
                    "C: halo",
                    "A: dengan rahmat ada yang",
                    "C: iya",
                    "A: bisa dibantu",
                ],
                Pass,
            ),
            // The caller's short "halo" between the parts of the opening.
            (
                &[
                    "A: pln 123 selamat pagi rahmat",
                    "C: iya halo pak",
                    "A: ada yang bisa dibantu",
                ],
                Pass,
            ),
            // Near miss: the offer after the caller has begun to speak.
            (
                &[
                    "A: pln 123 selamat pagi rahmat",
                    "C: saya mau lapor listrik padam",
                    "A: ada yang bisa dibantu",
                ],
                Fail,
            ),
            // Near misses: the slips do not stand in for a missing part.
            (
                &["A: pln 123 selamat pagi ado yang bisah kami bantoo"],
                Fail,
            ),
            (
                &["A: pln 123 selamat malam dengan rahmat ado yang bisah kami bantoo"],
                Fail,
            ),
            // Another name glued to "di" is not the agent's.
            (
                &["A: pln 123 selamat pagi rudidi sini ada yang bisa dibantu"],
                Fail,
            ),
            // A vowel held long and another letter off is two slips in one word.
            (
                &["A: pln 123 selamat pagi dengan rahmat ada yang bisa saya bontoo"],
                Fail,
            ),
        ],
    );
}

#[test]
fn caller_name_glue_and_short_forms() {
    check(
        "caller_name",
        "09:00",
        "",
        &[
            // The honorific and "siapa" alone, or with two honorifics.
            (&["A: baik bu", "C: iya", "A: ibu siapa ya?"], Pass),
            (&["A: maaf, bapak atau ibu siapa?"], Pass),
            // "bicara" with the "dengan" abbreviated or lost.
            (&["A: maaf, saya bicara dgn siapa ya"], Pass),
            // Near misses: "siapa" about someone else, or no question at all; a word
            // only near "siapa" after the honorific ("bu, saya proses dulu").
            (&["A: siapa petugas yang datang kemarin bu"], Fail),
            (&["A: sebentar ya bu saa proses dulu"], Fail),
            (&["A: oke bu ditunggu aja ya"], Fail),
            (
                &["A: selain itu ada lagi bu", "A: siap bu ditunggu ya"],
                Fail,
            ),
            (&["A: pln 123 dengan intan ada yang bisa sayaa bantu"], Fail),
            (&["A: baik ibu, laporannya sudah kami terima"], Fail),
        ],
    );
    // (The closing turns after the opening: addressing is looked for before them.)
    let rest = [
        "C: listrik mati",
        "A: baik",
        "C: iya",
        "A: ditunggu",
        "C: iya",
        "A: sudah",
        "C: oke",
        "A: terima kasih",
    ];
    let calls: Vec<(Vec<&str>, crate::model::Status)> = [
        // The CRM name glued to its honorific.
        ("A: iya ibuhesti, ada yang bisa dibantu", Pass),
        ("A: baik buhesti silakan disampaikan", Pass),
        // Near misses: another name glued, or the name read back from a report.
        ("A: iya ibuwati, ada yang bisa dibantu", Fail),
        ("A: laporan sebelumnya atas nama ibuhesti ya", Fail),
    ]
    .into_iter()
    .map(|(first, want)| (std::iter::once(first).chain(rest).collect(), want))
    .collect();
    let rows: Vec<(&[&str], crate::model::Status)> =
        calls.iter().map(|(t, w)| (t.as_slice(), *w)).collect();
    check("caller_name", "09:00", "Hesti Wibowo", &rows);
}

#[test]
fn phone_verification_glue_and_active() {
    // The caller number of these calls is a mobile one.
    check(
        "phone_verification",
        "09:00",
        "",
        &[
            // The number in use now, without "ini".
            (
                &["A: nomor hp yang sedang dipakai bisa dihubungi kan bu"],
                Pass,
            ),
            (
                &["A: kalau petugas mau konfirmasi bisa lewat nomor yang ibu pakai sekarang"],
                Pass,
            ),
            // Whether the number is active.
            (&["A: apakah nomor aktif untuk dihubungi balik pak"], Pass),
            (&["A: nomor yang bapak gunakan masih aktif ya"], Pass),
            // Near misses: the phone used for an earlier report, a mobile asked for.
            (
                &["A: nomor telepon yang dipakai waktu melapor dulu berapa pak"],
                Fail,
            ),
            (
                &["A: boleh minta nomor handphone yang bisa dihubungi"],
                Fail,
            ),
        ],
    );
}

#[test]
fn clarity_check_glue_and_forms() {
    check(
        "clarity_check",
        "09:00",
        "",
        &[
            // The agent's own words before the question do not make it a statement.
            (&["A: apakah penyampaian saya sudah jelas bu"], Pass),
            // "sampai sini", and what is unclear "dari penjelasan".
            (&["A: baik pak, sampai sini jelas?"], Pass),
            (&["A: ado yang kurang jelas dari penjelasan saya pak"], Pass),
            // Near misses: the agent saying they understand; "jelas" about something else.
            (
                &[
                    "A: baik bu kami paham",
                    "A: mohon maaf ya atas permasalahannya",
                ],
                Fail,
            ),
            (&["A: iya saya mengerti ya pak"], Fail),
            (
                &[
                    "A: baik pak kamih paham",
                    "A: mohon maaf ya atas kendalanya",
                ],
                Fail,
            ),
            (&["A: alamatnya sudah sampai sini ya pak"], Fail),
        ],
    );
}
