//! Table-driven tests of the step rules on the built-in profile, by class of ASR noise
//! and of near miss. The sentences are written for these tests: each row is one class
//! (a short word one letter off, a word boundary moved, a name heard as a neighbour, a
//! concept said in other words ...), and the near misses must stay FAIL.

use super::*;
use crate::model::numbers::NumberKind;
use crate::model::{CallMeta, PathKind, Turn};
use crate::path::PathInfo;

/// A first-report call by agent Rahmat starting at `hh:mm` local time, its turns
/// alternating agent / caller from `turns` ("A: ..." or "C: ...").
pub(super) fn call(hhmm: &str, crm: &str, turns: &[&str]) -> Call {
    let started =
        chrono::DateTime::parse_from_rfc3339(&format!("2026-11-20T{hhmm}:00+07:00")).expect("time");
    Call {
        meta: CallMeta {
            call_id: "T1".into(),
            started_at: started,
            duration_s: None,
            agent_id: "A1".into(),
            agent_name: "Rahmat".into(),
            site_code: "54".into(),
            team: String::new(),
            caller_number: "081234567890".into(),
            crm_caller_name: crm.into(),
            transcript: String::new(),
            line: 2,
            file: "calls.csv".into(),
        },
        turns: turns
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let (role, text) = match t.split_once(": ") {
                    Some(("A", x)) => (Role::Agent, x),
                    Some((_, x)) => (Role::Caller, x),
                    None => (Role::Agent, *t),
                };
                Turn {
                    role,
                    start: i as f64 * 4.0,
                    end: i as f64 * 4.0 + 3.0,
                    text: text.into(),
                }
            })
            .collect(),
        actions: Vec::new(),
        asr_confidence: None,
    }
}

/// The status of step `step` on `call`.
pub(super) fn status(call: &Call, step: &str) -> Status {
    status_on(call, step, NumberKind::Mobile)
}

/// [`status`] with the caller number of kind `number`.
pub(super) fn status_on(call: &Call, step: &str, number: NumberKind) -> Status {
    let prof = Compiled::builtin();
    let text = CallText::new(&call.turns, &prof.norm, Some(&prof.lexicon), 2);
    let slots = slots_for(call, &prof);
    let path = PathInfo {
        kind: PathKind::FirstReport,
        urgent: false,
        urgent_hit: None,
        prior: None,
        prior_via: None,
        prior_age_h: None,
        already_escalated: false,
        new_report_no: None,
        number_kind: number,
    };
    let ctx = Ctx {
        call,
        text: &text,
        prof: &prof,
        path: &path,
        slots: &slots,
    };
    let k = step.parse::<StepId>().expect("step id").index();
    check_all(&ctx).swap_remove(k).status
}

pub(super) fn check(step: &str, hhmm: &str, crm: &str, rows: &[(&[&str], Status)]) {
    for (turns, want) in rows {
        let c = call(hhmm, crm, turns);
        assert_eq!(status(&c, step), *want, "{step}: {turns:?}");
    }
}

use Status::{Fail, Pass};

#[test]
fn greeting_classes() {
    check(
        "greeting",
        "08:10",
        "",
        &[
            (
                &["A: PLN 123, selamat pagi, dengan Rahmat, ada yang bisa dibantu?"],
                Pass,
            ),
            // A short word one letter off: the time of day, "bantu".
            (
                &["A: pln 123 selamat pgai dengan rahmat ada yang bisa di bnatu"],
                Pass,
            ),
            // The agent's name heard as a neighbouring name, capitals and commas.
            (
                &["A: PLN 123. Selamat pagi, dengan Rahmad, bisa saya bantu?"],
                Pass,
            ),
            // The line's number read in words, one of them garbled.
            (
                &["A: pln seratus dua puluh tgia selamat pagi dengan rahmat bisa dibantu"],
                Pass,
            ),
            // Near miss: the wrong time of day.
            (
                &["A: pln 123 selamat malam dengan rahmat ada yang bisa dibantu"],
                Fail,
            ),
            // Near miss: no name at all, no offer at all.
            (&["A: pln 123 selamat pagi ada yang bisa dibantu"], Fail),
            (&["A: pln 123 selamat pagi dengan rahmat"], Fail),
        ],
    );
}

#[test]
fn empathy_classes() {
    check(
        "empathy",
        "09:00",
        "",
        &[
            (&["A: kami mohon maaf atas kendala listriknya pak"], Pass),
            // Doubled letter, a joined word boundary, a recogniser confusion.
            (&["A: mohon maaaf atas gangguannya bu"], Pass),
            (&["A: mohonmaaf untuk ketidaknyamanan ini"], Pass),
            (&["A: kami maap atas kendala yang terjadi"], Pass),
            // Said in other words of the apology concept.
            (
                &["A: kami minta maaf sekali atas padamnya listrik di rumah ibu"],
                Pass,
            ),
            // Near miss: an apology that only prefaces a question.
            (&["A: mohon maaf dengan ibu siapa saya berbicara"], Fail),
            (
                &["A: maaf untuk kendala ini sudah pernah dilaporkan sebelumnya"],
                Fail,
            ),
            // Near miss: sorry for the wait is not empathy for the problem.
            (&["A: terima kasih sudah menunggu"], Fail),
        ],
    );
}

#[test]
fn prior_report_question_classes() {
    check(
        "prior_report_question",
        "09:00",
        "",
        &[
            (
                &[
                    "A: apakah bapak sudah pernah melapor sebelumnya",
                    "C: belum pernah",
                ],
                Pass,
            ),
            // A short "no" one letter off still answers no.
            (
                &[
                    "A: sebelumnya sudah pernah lapor belum pak",
                    "C: blum pernah mas",
                ],
                Pass,
            ),
            // Near miss: a question about the app is not about reporting before.
            (
                &[
                    "A: apakah ibu sudah pernah memakai aplikasi pln mobile",
                    "C: belum",
                ],
                Fail,
            ),
        ],
    );
}

#[test]
fn service_guarantee_classes() {
    check(
        "service_guarantee",
        "09:00",
        "",
        &[
            (
                &["A: laporan ibu kami teruskan ke petugas agar segera ditangani"],
                Pass,
            ),
            // The unit one letter off, split over two turns with a backchannel.
            (
                &[
                    "A: laporannya kami sampaikan ke unt terkait",
                    "C: iya",
                    "A: untuk segera diproses",
                ],
                Pass,
            ),
            // Other words of the forward concept.
            (
                &["A: keluhan bapak kami limpahkan ke tim lapangan supaya cepat diperbaiki"],
                Pass,
            ),
            // Near miss: promptly without passing it on.
            (&["A: kami usahakan secepatnya ya pak"], Fail),
        ],
    );
}

#[test]
fn closing_classes() {
    check(
        "closing",
        "16:30",
        "",
        &[
            (&["A: silakan download pln mobile di playstore terima kasih telah menghubungi pln 123 selamat sore"], Pass),
            // A garbled joined "terimakasih", a filler inside the line's number.
            (&["A: silakan unduh aplikasi pln mobile di appstore teriamkasih sudah menghubungi pln satu dua em tiga selamat sroe"], Pass),
            // Near miss: the campaign and thanks, but not for calling PLN 123.
            (&["A: silakan download pln mobile di playstore terima kasih atas waktunya selamat sore"], Fail),
            // Near miss: the wrong time of day.
            (&["A: silakan download pln mobile di playstore terima kasih telah menghubungi pln 123 selamat pagi"], Fail),
        ],
    );
}

#[test]
fn caller_name_classes() {
    check(
        "caller_name",
        "09:00",
        "SITI AMINAH",
        &[
            (
                &[
                    "A: pln 123 selamat pagi",
                    "C: halo",
                    "A: benar saya berbicara dengan ibu siti",
                    "C: ya",
                    "A: baik",
                    "C: ya",
                    "A: terima kasih",
                ],
                Pass,
            ),
            // The CRM name one letter off, anchored by the honorific.
            (
                &[
                    "A: pln 123 selamat pagi",
                    "C: halo",
                    "A: dengan ibu sitti ya",
                    "C: ya",
                    "A: baik",
                    "C: ya",
                    "A: terima kasih",
                ],
                Pass,
            ),
            // Near miss: the name only read back from a report, or only in the closing.
            (
                &[
                    "A: pln 123 selamat pagi",
                    "C: halo",
                    "A: laporan atas nama ibu siti aminah",
                    "C: iya",
                    "A: baik",
                    "C: ya",
                    "A: terima kasih",
                    "C: sama sama",
                    "A: selamat pagi",
                ],
                Fail,
            ),
        ],
    );
    // Near miss: a vocabulary word one letter off the name is not the name.
    check(
        "caller_name",
        "09:00",
        "MAYA SARI",
        &[(
            &[
                "A: pln 123 selamat pagi",
                "C: halo",
                "A: baik ibu saya cek dulu",
                "C: ya",
                "A: a",
                "C: b",
                "A: c",
                "C: d",
                "A: e",
            ],
            Fail,
        )],
    );
}

/// The path decision on a first-report call at 09:00 with no action and no report
/// export: the caller's words alone decide.
pub(super) fn path_on_words(turns: &[&str]) -> PathInfo {
    let prof = Compiled::builtin();
    let c = call("09:00", "", turns);
    let text = CallText::new(&c.turns, &prof.norm, Some(&prof.lexicon), 2);
    let slots = slots_for(&c, &prof);
    let reports = crate::ingest::report_index::ReportIndex::default();
    crate::path::decide(&c, &text, &slots, &reports, &prof)
}

/// Whether the path decision finds the call urgent.
pub(super) fn urgent(turns: &[&str]) -> bool {
    path_on_words(turns).urgent
}

#[test]
fn urgency_classes() {
    for (turns, want) in [
        (
            &[
                "A: ada yang bisa dibantu",
                "C: bapak saya pakai oksigen di rumah listriknya mati",
            ][..],
            true,
        ),
        // Medical need in other words of the concept.
        (
            &[
                "A: ada yang bisa dibantu",
                "C: ayah saya lagi dirawat di rumah dan butuh listrik",
            ],
            true,
        ),
        (
            &[
                "A: ada yang bisa dibantu",
                "C: obat insulin anak saya harus disimpan dingin",
            ],
            true,
        ),
        // A threat to go public.
        (
            &[
                "A: ada yang bisa dibantu",
                "C: kalau tidak beres saya sebarkan ke medsos",
            ],
            true,
        ),
        // Near miss: a mention of the media is not a threat.
        (
            &[
                "A: ada yang bisa dibantu",
                "C: saya lihat di media sosial ada pemadaman di daerah saya",
            ],
            false,
        ),
        // Near miss: the sick person denied, also inside the cue.
        (
            &[
                "A: ada yang bisa dibantu",
                "C: anak saya di rumah tidak ada yang sakit kok",
            ],
            false,
        ),
        // Near miss: thanks after a "no" is not "tidak terima".
        (
            &["A: ada lagi yang bisa dibantu", "C: nggak ada mas makasih"],
            false,
        ),
        // Near miss: a real word one letter off a cue word is that word ("rumah saya
        // dekat bengkel las" is a landmark, not "jengkel").
        (
            &["A: alamatnya di mana", "C: rumah saya dekat bengkel las"],
            false,
        ),
        // Words between a cue's words do not count against it.
        (
            &[
                "A: ada yang bisa dibantu",
                "C: nenek saya baru pulang dari rumah sakit mbak",
            ],
            true,
        ),
        // The cue word itself, and a typo of it that is no word, still count.
        (
            &[
                "A: ada yang bisa dibantu",
                "C: saya jengkel sekali sudah tiga hari",
            ],
            true,
        ),
        (
            &[
                "A: ada yang bisa dibantu",
                "C: saya jengkell sekali sudah tiga hari",
            ],
            true,
        ),
    ] {
        assert_eq!(urgent(turns), want, "{turns:?}");
    }
}
