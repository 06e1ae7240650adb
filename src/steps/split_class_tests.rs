//! Table-driven tests of the recogniser classes the matcher repairs at the word level:
//! affixes written apart, short key words one letter off, vowels heard as their
//! neighbour, real-word confusions. Each class has a near miss that must stay FAIL.

use super::class_tests::check;
use super::Status::{self, Fail, Pass};

#[test]
fn split_affix_classes() {
    check(
        "service_guarantee",
        "09:00",
        "",
        &[
            // A suffix written apart from the hand-over verb.
            (
                &["A: laporannya kami terus kan ke unit agar segera diproses"],
                Pass,
            ),
            (
                &["A: sudah kami sampai kan ke petugas untuk segera ditangani"],
                Pass,
            ),
            // ... also after a nasal prefix that swallowed the stem's first letter.
            (
                &["A: laporannya kami menyampai kan ke unit agar segera diproses"],
                Pass,
            ),
            // Near miss: "terus" (then) without the suffix does not hand anything over.
            (&["A: terus nanti segera ditangani ya pak"], Fail),
        ],
    );
    check(
        "prior_report_question",
        "09:00",
        "",
        &[
            // The particle or the prefix of "sebelumnya" written apart.
            (
                &[
                    "A: sebelum nya sudah ada laporan untuk gangguan ini",
                    "C: belum",
                ],
                Pass,
            ),
            (
                &["A: apakah se belumnya sudah pernah melapor", "C: belum"],
                Pass,
            ),
            // Near miss: the agent reading the prior report back ("di laporan
            // sebelumnya" is not "dilaporkan sebelumnya").
            (
                &[
                    "A: saya tambahkan keterangannya di laporan sebelumnya ya",
                    "C: iya",
                ],
                Fail,
            ),
        ],
    );
}

#[test]
fn short_key_word_classes() {
    check(
        "caller_name",
        "09:00",
        "",
        &[
            // The key word garbled under its particle: a typo of "namanya" is "nama".
            (&["A: baik boleh tahu nmanya pak"], Pass),
            (&["A: boleh sebutkan namaya bu"], Pass),
            // Near miss: another word with the particle, said as written.
            (&["A: boleh tahu lamanya padam pak"], Fail),
        ],
    );
    check(
        "closing",
        "12:30",
        "",
        &[
            // A vowel of the time of day heard as its neighbour, where "seang" is also
            // one letter off another vocabulary word ("sedang").
            (&["A: silakan download pln mobile di playstore terima kasih telah menghubungi pln 123 selamat seang"], Pass),
            // Near miss: the wrong time of day stays wrong.
            (&["A: silakan download pln mobile di playstore terima kasih telah menghubungi pln 123 selamat sore"], Fail),
        ],
    );
}

#[test]
fn short_word_vowel_classes() {
    check(
        "phone_verification",
        "09:00",
        "",
        &[
            // "ini" with a vowel or a nasal heard as its neighbour.
            (&["A: nomor ine bisa dihubungi ya pak"], Pass),
            (&["A: apakah nomor imi masih aktif bu"], Pass),
            // Near miss: another number, not this one, for a mobile caller.
            (&["A: boleh minta nomor lain yang bisa dihubungi"], Fail),
        ],
    );
}

#[test]
fn number_word_confusion_classes() {
    check(
        "eta_3x24",
        "09:00",
        "",
        &[
            // "lama" heard as the number word "lima": the caller still asks how long.
            (
                &[
                    "A: laporan sudah kami teruskan ke petugas",
                    "C: kira kira berapa lima ya mbak",
                    "A: mohon ditunggu ya pak",
                ],
                Fail,
            ),
            (
                &[
                    "A: laporan sudah kami teruskan ke petugas",
                    "C: berapa lima mbak",
                    "A: paling lambat 3 x 24 jam pak",
                ],
                Pass,
            ),
            // Near miss: a number said as a number is no question ("lima" alone).
            (
                &[
                    "A: laporan sudah kami teruskan ke petugas",
                    "C: rumah saya nomor lima mbak",
                    "A: baik pak",
                ],
                Status::Na,
            ),
        ],
    );
}

#[test]
fn number_beside_word_classes() {
    let ask = "C: kira kira berapa lama ya mbak";
    check(
        "eta_3x24",
        "09:00",
        "",
        &[
            // A garbled word before the 3 x 24 is the word it is one letter from, not a
            // number word: "lma" is "lama" as much as "lima".
            (
                &[ask, "A: paling lma tiga kali dua puluh empat jam pak"],
                Pass,
            ),
            // The multiplied digit stands alone, however the word before it is read.
            (
                &[ask, "A: paling lima tiga kali dua puluh empat jam pak"],
                Pass,
            ),
            // Near misses: another multiplier, or a number one digit off "72 jam".
            (
                &[ask, "A: paling lama dua kali dua puluh empat jam pak"],
                Fail,
            ),
            (&[ask, "A: paling lima 2 x 24 jam pak"], Fail),
        ],
    );
}

#[test]
fn garbled_question_word_classes() {
    check(
        "eta_3x24",
        "09:00",
        "",
        &[
            // A one-word question garbled, anchored by what it asks the time of.
            (
                &["C: terus kpan petugasnya datang", "A: baik ditunggu ya"],
                Fail,
            ),
            (
                &[
                    "C: perkiraan kapam ditangani mbak",
                    "A: maksimal 3 x 24 jam pak",
                ],
                Pass,
            ),
            // Near misses: garbled with nothing to anchor it, or a number that is no
            // question.
            (&["C: kapn ya", "A: baik ditunggu ya"], Status::Na),
            (
                &["C: rumah saya nomor lima", "A: baik ditunggu ya"],
                Status::Na,
            ),
        ],
    );
}
