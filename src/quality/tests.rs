use super::*;
use crate::model::{CallMeta, Role, StepId, Turn};

fn call(texts: &[&str], confidence: Option<f64>) -> Call {
    Call {
        meta: CallMeta {
            call_id: "C1".into(),
            started_at: chrono::DateTime::parse_from_rfc3339("2026-11-20T08:15:03+07:00").unwrap(),
            duration_s: None,
            agent_id: "A1".into(),
            agent_name: "Yoga".into(),
            site_code: "54".into(),
            team: String::new(),
            caller_number: String::new(),
            crm_caller_name: "Heni Kurniawan".into(),
            transcript: String::new(),
            line: 1,
            file: "calls.csv".into(),
        },
        turns: texts
            .iter()
            .enumerate()
            .map(|(i, t)| Turn {
                role: if i % 2 == 0 {
                    Role::Agent
                } else {
                    Role::Caller
                },
                start: i as f64,
                end: i as f64 + 1.0,
                text: t.to_string(),
            })
            .collect(),
        actions: Vec::new(),
        asr_confidence: confidence,
    }
}

const CLEAN: &[&str] = &[
    "PLN 123, selamat pagi, saya Yoga, ada yang bisa kami bantu?",
    "Saya sudah lapor, tapi belum ada yang datang, kabelnya putus kena dahan pohon.",
    "Mohon maaf Bu Heni, jadi mengganggu aktivitas Ibu. Laporannya kami teruskan ke unit.",
    "Iya, terima kasih banyak ya Mas.",
];
/// What a small recogniser made of the same lines.
const MISHEARD: &[&str] = &[
    "Belen seratus tuapuru tiga, seramat pami, sayang yonga, anak yang bisa kami bantu.",
    "Sayang sunap lapol, tapi belum anak yang natan, kamel seberia putus keanakan pohon.",
    "Mohon maafmu buteni, jadi mengganggu aktipitah ibu. Laporana kami terusan keunit.",
    "Iya, terima kasi banya ya mas.",
];

#[test]
fn engine_confidence_wins_and_is_judged_by_its_threshold() {
    let prof = Compiled::builtin();
    let min = prof.profile.quality.min_confidence;
    let e = estimate(&call(MISHEARD, Some(min + 0.05)), None, &prof).unwrap();
    assert_eq!(e.source, Source::Engine);
    assert_eq!(e.quality, min + 0.05);
    assert!(!e.low);
    let e = estimate(&call(CLEAN, Some(min - 0.05)), None, &prof).unwrap();
    assert!(
        e.low,
        "the engine's doubt stands even on words that read well"
    );
}

#[test]
fn known_word_share_separates_clean_from_misheard() {
    let prof = Compiled::builtin();
    let clean = estimate(&call(CLEAN, None), None, &prof).unwrap();
    assert_eq!(clean.source, Source::Words);
    assert!(clean.quality > 0.95, "{clean:?}");
    assert!(!clean.low);
    let bad = estimate(&call(MISHEARD, None), None, &prof).unwrap();
    assert!(bad.quality < 0.75, "{bad:?}");
    assert!(bad.low);
}

#[test]
fn the_prior_reports_words_are_known() {
    let prof = Compiled::builtin();
    let mut c = call(CLEAN, None);
    c.turns[1].text = "alamatnya jalan kenanga sunter agung, ya betul".into();
    let before = estimate(&c, None, &prof).unwrap().quality;
    let prior = Report {
        report_no: "K1".into(),
        created_at: c.meta.started_at,
        resolved_at: None,
        category: String::new(),
        caller_name: "Heni".into(),
        address: "Jalan Kenanga 109, Sunter Agung".into(),
        problem: String::new(),
        caller_phone: String::new(),
        escalated_at: None,
        unit_answer: String::new(),
    };
    let after = estimate(&c, Some(&prior), &prof).unwrap().quality;
    assert!(after > before, "{before} -> {after}");
}

#[test]
fn too_few_words_say_nothing() {
    let prof = Compiled::builtin();
    assert_eq!(estimate(&call(&["halo", "ya"], None), None, &prof), None);
}

#[test]
fn only_transcript_fails_of_a_low_call_need_review() {
    let prof = Compiled::builtin();
    let mut statuses = vec![Status::Pass; STEP_COUNT];
    let at = |id: &str| id.parse::<StepId>().unwrap().index();
    statuses[at("greeting")] = Status::Fail;
    statuses[at("apkt_action")] = Status::Fail;
    statuses[at("eta_3x24")] = Status::Na;
    let low = Estimate {
        quality: 0.3,
        source: Source::Engine,
        low: true,
    };
    let r = needs_review(&statuses, Some(&low), &prof);
    assert!(r[at("greeting")]);
    assert!(!r[at("apkt_action")], "the action log is not misheard");
    assert_eq!(r.iter().filter(|x| **x).count(), 1);
    let fine = Estimate { low: false, ..low };
    assert!(!needs_review(&statuses, Some(&fine), &prof).contains(&true));
    assert!(!needs_review(&statuses, None, &prof).contains(&true));

    let s = scored(&statuses, &r, &prof);
    assert_eq!(s[at("greeting")], Status::Na);
    assert_eq!(s[at("apkt_action")], Status::Fail);
    let mut counting = Compiled::builtin();
    counting.profile.quality.review_fails_count = true;
    assert_eq!(scored(&statuses, &r, &counting), statuses);
}
