//! Table-driven tests of the recogniser classes repaired at the token level: short words
//! glued to their neighbour, colloquial suffixes, apostrophes inside words. Each class
//! has a near miss that must stay FAIL (or a word that must stay whole).

use super::class_tests::check;
use super::Status::{Fail, Pass};

#[test]
fn glued_word_classes() {
    check(
        "service_guarantee",
        "09:00",
        "",
        &[
            // "ke" glued to the hand-over verb before it.
            (
                &["A: keluhan ibu sudah kami sampaikanke unit agar segera diproses"],
                Pass,
            ),
            // "dan" glued to the word of promptness after it.
            (
                &["A: sudah diteruskan ke unit layanan dancepat ditangani ya pak"],
                Pass,
            ),
            // "pln" glued to the unit.
            (
                &["A: laporannya diteruskan ke petugaspln setempat agar segera dicek"],
                Pass,
            ),
            // A hand-over verb one typo off is that word, not a verb and a glued word
            // ("sampaidan" says "sampaikan").
            (
                &["A: sudah kami sampaidan ke unit agar segera diproses"],
                Pass,
            ),
            // Near miss: split, the pieces still hand nothing over to anyone.
            (&["A: saya cekdan segera ditangani ya pak"], Fail),
        ],
    );
    check(
        "closing",
        "19:00",
        "",
        &[
            (
                &["A: ayo downloadnew pln mobile di playstore terima kasih telah menghubungipln 123 selamat malam"],
                Pass,
            ),
            (
                &["A: yuk pasang aplikasi newpln mobile ya terima kasih sudah menghubungi pln satu dua tigaya selamat malam"],
                Pass,
            ),
            // Near miss: a word merely starting like a glued word ("penelepon")
            // is not split, and the line's name is still missing.
            (
                &["A: download pln mobile di playstore terima kasih penelepon selamat malam"],
                Fail,
            ),
        ],
    );
}

#[test]
fn colloquial_suffix_classes() {
    check(
        "service_guarantee",
        "09:00",
        "",
        &[
            // "-in" for "-kan": "terusin", "sampaiin".
            (
                &["A: laporannya saya terusin ke unit biar segera ditangani"],
                Pass,
            ),
            (
                &["A: sudah saya sampaiin ke petugas supaya cepat diperbaiki"],
                Pass,
            ),
            // Near miss: "-in" for "-i" first: "hubungin" is "hubungi" (the crew will
            // call), not the hand-over "hubungkan".
            (
                &["A: nanti petugas bisa hubungin ke nomor ini agar segera"],
                Fail,
            ),
        ],
    );
}

#[test]
fn apostrophe_inside_word_classes() {
    check(
        "empathy",
        "09:00",
        "",
        &[
            // A glottal stop spelled inside the word: "ma'af" is "maaf".
            (&["A: mohon ma'af atas ketidaknyamanannya bu"], Pass),
            (&["A: Ma\u{2019}af ya Pak, atas gangguannya"], Pass),
            // Near miss: the apology is still a polite question.
            (&["A: ma'af dengan bapak siapa saya bicara"], Fail),
        ],
    );
}

#[test]
fn apology_after_problem_classes() {
    check(
        "empathy",
        "09:00",
        "",
        &[
            // The problem named first, the apology right after it.
            (&["A: atas kendala ini kami mohon maaf ya pak"], Pass),
            (&["A: atas gangguannya saya minta maaf bu"], Pass),
            // A compound written apart.
            (&["A: mohon maaf atas ketidak nyamanannya ya"], Pass),
            // Near miss: a read-back of the complaint, then an apology for the line.
            (
                &[
                    "A: untuk keluhannya listrik padam benar ya",
                    "A: maaf suaranya putus putus",
                ],
                Fail,
            ),
        ],
    );
}

#[test]
fn campaign_spelled_as_said_classes() {
    check(
        "closing",
        "19:00",
        "",
        &[
            // English words of the campaign spelled as they are said.
            (
                &["A: silakan donlot aplikasi new pln mobail di ple store makasi sudah menghubungi pln 123 selamat malam"],
                Pass,
            ),
            (
                &["A: jangan lupa unduh pln mobel di apstor ya terima kasih telah menghubungi pln 123 selamat malam"],
                Pass,
            ),
            // Near miss: an electric car is no app ("mobil" stays "mobil").
            (
                &["A: ayo beli mobil listrik terima kasih telah menghubungi pln 123 selamat malam"],
                Fail,
            ),
        ],
    );
}

#[test]
fn hand_over_in_one_sentence_classes() {
    check(
        "service_guarantee",
        "09:00",
        "",
        &[
            // The report said to have reached the unit.
            (
                &["A: laporannya sudah masuk ke unit akan segera ditindaklanjuti"],
                Pass,
            ),
            (
                &["A: keluhan bapak sudah sampai ke bagian teknis agar cepat ditangani"],
                Pass,
            ),
            // The crew named as who follows it up promptly.
            (&["A: akan segera diperbaiki oleh petugas ya bu"], Pass),
            // A few words between verb and unit, in one sentence.
            (
                &["A: kami teruskan laporan ibu ke unit terkait supaya segera dicek"],
                Pass,
            ),
            // Near miss: a promise of priority, and the unit only in the next
            // sentence (a status), is no hand-over.
            (
                &["A: kami eskalasikan supaya jadi prioritas belum ada kabar dari tim"],
                Fail,
            ),
            // Near miss: the unit's own answer ("unit menyampaikan ...").
            (
                &["A: dari aplikasi unit menyampaikan datanya segera dicek"],
                Fail,
            ),
            // Near miss: the status with the crew ("sudah diperbaiki oleh petugas").
            (
                &["A: gangguannya sudah diperbaiki oleh petugas kemarin"],
                Fail,
            ),
            // Near miss: "lebih cepat" of the time estimate, the follow-up in another
            // sentence.
            (
                &[
                    "A: kami sampaikan ke petugas ya",
                    "A: biasanya lebih cepat kok paling lambat 3 x 24 jam nanti ditindaklanjuti",
                ],
                Fail,
            ),
        ],
    );
}

#[test]
fn several_is_no_question_classes() {
    check(
        "eta_3x24",
        "09:00",
        "",
        &[
            // "berapa hari" asks; the agent gives no standard.
            (
                &["C: kira kira berapa hari lagi", "A: nanti dikabari ya"],
                Fail,
            ),
            // The number word glued to the multiplier: "tigax24 jam".
            (
                &["C: kapan ini beresnya", "A: paling lama tigax24 jam ya bu"],
                Pass,
            ),
            // Near miss: a condition before a threat asks nothing.
            (
                &[
                    "C: kalau hari ini belum juga beres saya lapor ke atasan",
                    "A: baik",
                ],
                super::Status::Na,
            ),
            // Near miss that must not ask: "beberapa hari yang lalu" (several days ago)
            // is no question, so the step does not apply.
            (
                &[
                    "C: sudah beberapa hari yang lalu saya lapor",
                    "A: baik saya cek dulu",
                ],
                super::Status::Na,
            ),
        ],
    );
}

#[test]
fn statement_is_no_prior_report_question_classes() {
    check(
        "prior_report_question",
        "09:00",
        "",
        &[
            // The question, said in one sentence.
            (
                &["A: sebelumnya bapak sudah ada laporan untuk gangguan ini", "C: belum"],
                Pass,
            ),
            // Near miss: a read-back and a statement in the next sentence.
            (
                &[
                    "A: saya tambahkan di laporan sebelumnya ya pak mohon ditunggu ya mohon maaf menunggu lama sudah saya buatkan laporannya",
                    "C: iya",
                ],
                Fail,
            ),
            // After a "yes", asking for the report number passes ...
            (
                &[
                    "A: apakah sudah pernah melapor sebelumnya",
                    "C: sudah",
                    "A: nomor laporannya masih disimpan pak",
                ],
                Pass,
            ),
            // ... telling that the number still holds does not ask for it.
            (
                &[
                    "A: apakah sudah pernah melapor sebelumnya",
                    "C: sudah",
                    "A: baik nomor laporan tetap yang kemarin ya",
                ],
                Fail,
            ),
            // ... nor does telling how the number will come.
            (
                &[
                    "A: apakah sudah pernah melapor sebelumnya",
                    "C: sudah",
                    "A: baik nanti nomor laporan akan dikirim lewat sms ya",
                ],
                Fail,
            ),
        ],
    );
}
