//! Table-driven tests of questions whose short words the recogniser glues to a
//! neighbour: an honorific ("denganbu", "ibusiapa", "jelaspak"), "ini" / "yang"
//! ("nomorini", "adayang"), a tag ("siapanih"). Each class has a near miss that must
//! stay FAIL once the pieces are apart.

use super::class_tests::check;
use super::Status::{Fail, Pass};

#[test]
fn glued_honorific_classes() {
    check(
        "caller_name",
        "09:00",
        "",
        &[
            (&["A: baik dengan bu siapanih"], Pass),
            (&["A: kalau boleh saya panggil ibusiapa ya"], Pass),
            (&["A: denganpak siapa saya bicara"], Pass),
            (&["A: boleh tahu ibunamanya siapa"], Pass),
            // Near miss: "siap" glued to the honorific is still no question.
            (&["A: siapbu saya cek dulu datanya"], Fail),
        ],
    );
}

#[test]
fn glued_this_number_classes() {
    // The caller number of these calls is a mobile one.
    check(
        "phone_verification",
        "09:00",
        "",
        &[
            (&["A: nanti petugas bisa hubungike nomorini ya bu"], Pass),
            (
                &["A: boleh dipastikan nomoribu yang sekarangini bisa ditelepon petugas"],
                Pass,
            ),
            // Near misses: the number only noted; another mobile asked for.
            (&["A: nomorini sudah saya catat di laporan"], Fail),
            (&["A: boleh minta nomorhp lain yang bisa dihubungi"], Fail),
        ],
    );
}

#[test]
fn glued_clarity_classes() {
    check(
        "clarity_check",
        "09:00",
        "",
        &[
            (
                &["A: apakah informasi yang saya sampaikan sudah cukup jelasbu"],
                Pass,
            ),
            (&["A: adayang kurang jelas dari penjelasan saya pak"], Pass),
            (&["A: informasinya bisa dipahamipak"], Pass),
            // Near miss: the agent saying they understand.
            (&["A: baikpak kami paham"], Fail),
        ],
    );
}
