//! Turns a drawn call into what the systems show and what the agent says about the
//! ticket: the APKT form actions (with their notes), the SIMONE escalations and notice, the
//! search that links the prior report, the distractor reports of the same phone, and the
//! couplings a real agent's mistakes bring (no new report means no number to read out and
//! nothing to escalate on).

use super::catalog::{self, PROBLEMS};
use super::draw;
use super::facts::*;
use super::rng::Rng;
use callaudit::model::{ActionKind, PathKind};

/// Builds the APKT and SIMONE actions the call will show.
pub(super) fn actions(sc: &mut Scenario, seed: u64, unit: &str, rng: &mut Rng) {
    let path = sc.path;
    let cc = format!("CC.{}.{}", sc.agent.site, sc.agent.name.to_uppercase());
    let category = sc.problem.category;
    let new_no = draw::report_no(seed, sc.index, 1, unit);
    let tail = *rng.pick(catalog::CREATE_NOTE_TAILS);
    let create_note = format!("{}{tail}", sc.problem.report);
    let prior_no = sc.prior.as_ref().map(|p| p.no.clone()).unwrap_or_default();

    let create = |no: &str, refno: &str, note: String| Apkt {
        kind: ActionKind::Create,
        report_no: no.to_string(),
        ref_report_no: refno.to_string(),
        category,
        note,
    };
    let on_prior = |kind: ActionKind, note: String| Apkt {
        kind,
        report_no: prior_no.clone(),
        ref_report_no: String::new(),
        category: "",
        note,
    };
    let update_note = (*rng.pick(catalog::UPDATE_NOTES)).to_string();
    let lapor_note = {
        let base = *rng.pick(catalog::LAPOR_ULANG_NOTES);
        let tag = if rng.chance(0.1) {
            format!("CC.{}.{}", sc.agent.site, sc.agent.name)
        } else {
            cc.clone()
        };
        if rng.chance(0.8) {
            format!("{base}, {tag}")
        } else {
            format!("{tag} - {base}")
        }
    };

    // --- APKT
    let mut apkt = Vec::new();
    match (path, sc.v.apkt) {
        (PathKind::FirstReport | PathKind::TusbungPaid, None) => {
            apkt.push(create(&new_no, "", create_note.clone()))
        }
        (PathKind::FirstReport | PathKind::TusbungPaid, Some(_)) => {}
        (PathKind::RepeatResolved, None) => {
            let digits = &prior_no[1..];
            let named = [
                format!("{} LAPORAN TERKAIT K: {digits}", sc.problem.report),
                format!("{} LAPORAN TERKAIT {prior_no}", sc.problem.report),
                format!("{}, TERKAIT NO LAPOR {prior_no}", sc.problem.report),
                format!("REF {prior_no}, {}", sc.problem.report),
            ];
            let named_note = rng.pick(&named).clone();
            let (refno, note) = match sc.v.note {
                Some(NoteV::NoRef) => (String::new(), create_note.clone()),
                Some(NoteV::WrongRef) => {
                    if rng.chance(0.5) {
                        (sc.ghost_no.clone(), create_note.clone())
                    } else {
                        (
                            String::new(),
                            format!(
                                "{} LAPORAN TERKAIT K: {}",
                                sc.problem.report,
                                &sc.ghost_no[1..]
                            ),
                        )
                    }
                }
                _ => match rng.below(3) {
                    0 => (prior_no.clone(), create_note.clone()),
                    1 => (prior_no.clone(), named_note),
                    _ => (String::new(), named_note),
                },
            };
            apkt.push(create(&new_no, &refno, note));
        }
        (PathKind::RepeatResolved, Some(ApktV::UpdateInstead)) => {
            apkt.push(on_prior(ActionKind::Update, update_note.clone()))
        }
        (PathKind::RepeatResolved, Some(ApktV::LaporUlangInstead)) => {
            apkt.push(on_prior(ActionKind::LaporUlang, lapor_note.clone()))
        }
        (PathKind::RepeatResolved, Some(_)) => {}
        (PathKind::RepeatOpenLt12h, v) => {
            let note = if sc.v.note == Some(NoteV::EmptyNote) {
                String::new()
            } else {
                update_note.clone()
            };
            match v {
                None => apkt.push(on_prior(ActionKind::Update, note)),
                Some(ApktV::ExtraCreate) => {
                    apkt.push(on_prior(ActionKind::Update, note));
                    apkt.push(create(&new_no, &prior_no, create_note.clone()));
                }
                Some(ApktV::CreateInstead) => {
                    let refno = if sc.prior.as_ref().is_some_and(|p| p.link == Link::Phone)
                        || rng.chance(0.5)
                    {
                        String::new()
                    } else {
                        prior_no.clone()
                    };
                    apkt.push(create(&new_no, &refno, create_note.clone()));
                }
                Some(ApktV::LaporUlangInstead) => {
                    apkt.push(on_prior(ActionKind::LaporUlang, lapor_note.clone()))
                }
                Some(_) => {}
            }
        }
        (PathKind::RepeatOpenGe12h, v) => {
            let note = match sc.v.note {
                Some(NoteV::NoCc) => rng.pick(catalog::LAPOR_ULANG_NOTES).to_string(),
                Some(NoteV::WrongSite) => {
                    let other = ["51", "52", "53", "54"]
                        .into_iter()
                        .find(|s| *s != sc.agent.site)
                        .unwrap_or("52");
                    format!(
                        "{}, CC.{other}.{}",
                        rng.pick(catalog::LAPOR_ULANG_NOTES),
                        sc.agent.name.to_uppercase()
                    )
                }
                Some(NoteV::WrongName) => {
                    let other = loop {
                        let a = rng.pick(catalog::AGENTS);
                        if a.name != sc.agent.name {
                            break a.name;
                        }
                    };
                    format!(
                        "{}, CC.{}.{}",
                        rng.pick(catalog::LAPOR_ULANG_NOTES),
                        sc.agent.site,
                        other.to_uppercase()
                    )
                }
                _ => lapor_note.clone(),
            };
            match v {
                None => apkt.push(on_prior(ActionKind::LaporUlang, note)),
                Some(ApktV::ExtraCreate) => {
                    apkt.push(on_prior(ActionKind::LaporUlang, note));
                    apkt.push(create(&new_no, &prior_no, create_note.clone()));
                }
                // The wrong action's note never carries the CC tag, so the note step fails
                // under any reading of "the note".
                Some(ApktV::UpdateInstead) => {
                    apkt.push(on_prior(ActionKind::Update, update_note.clone()))
                }
                Some(ApktV::CreateInstead) => {
                    let refno = if sc.prior.as_ref().is_some_and(|p| p.link == Link::Phone)
                        || rng.chance(0.5)
                    {
                        String::new()
                    } else {
                        prior_no.clone()
                    };
                    apkt.push(create(&new_no, &refno, create_note.clone()));
                }
                Some(_) => {}
            }
        }
    }
    if apkt.iter().any(|a| a.kind == ActionKind::Create) {
        sc.new_no = Some(new_no);
    }
    sc.apkt = apkt;

    // --- search
    sc.search = match &sc.prior {
        Some(p) if p.link == Link::Search => Some(p.no.clone()),
        Some(_) => None,
        // The caller gave a number APKT does not know: only when the agent asked for it.
        None if sc.first_answer == FirstAnswer::YesNotFound && sc.v.prior_q.is_none() => {
            Some(sc.ghost_no.clone())
        }
        None => None,
    };
    // A RESOLVED prior must be reachable from an action: if nothing else names it, search.
    if sc.path == PathKind::RepeatResolved && sc.search.is_none() {
        let named = sc
            .apkt
            .iter()
            .any(|a| a.ref_report_no == prior_no || a.report_no == prior_no);
        if !named {
            sc.search = Some(prior_no.clone());
            if let Some(p) = sc.prior.as_mut() {
                p.link = Link::Search;
            }
        }
    }
    if let Some(p) = sc.prior.as_mut() {
        if p.link == Link::Action {
            let named = sc.apkt.iter().any(|a| {
                a.ref_report_no == p.no || (a.report_no == p.no && a.kind != ActionKind::Create)
            });
            if !named {
                p.link = Link::Search;
                sc.search = Some(p.no.clone());
            }
        }
    }

    // --- SIMONE
    escalations(sc, rng);
}

pub(super) fn escalations(sc: &mut Scenario, rng: &mut Rng) {
    use SimoneV::*;
    let urgent = sc.urgency.is_some();
    let has_new = sc.new_no.is_some();
    let esc = |kind: &'static str, target: Target| Escalation { kind, target };

    // Already escalated before the call (GE12H): by a SIMONE notice row, by reports.csv
    // escalated_at, or both.
    let mut already = false;
    if sc.path == PathKind::RepeatOpenGe12h && rng.chance(0.35) {
        already = true;
        let how = rng.below(3);
        sc.notice = how != 1;
        if how != 0 {
            let p = sc.prior.as_mut().expect("repeat path has a prior");
            let lo = p.created + 3600;
            let hi = (sc.start - 1800).max(lo);
            p.escalated_before = Some(rng.range(lo, hi));
        }
    }

    let required: Vec<Escalation> = match sc.path {
        PathKind::FirstReport | PathKind::TusbungPaid if urgent => vec![esc(URGENT, Target::New)],
        PathKind::FirstReport | PathKind::TusbungPaid => vec![],
        PathKind::RepeatResolved if urgent && rng.chance(0.7) => vec![esc(URGENT, Target::New)],
        PathKind::RepeatResolved => vec![esc(TIDAK_SEMESTINYA, Target::New)],
        PathKind::RepeatOpenLt12h if urgent => vec![esc(URGENT, Target::Prior)],
        PathKind::RepeatOpenLt12h => vec![],
        // Judgement: URGENT is accepted instead of MELEBIHI_TMP, not instead of LAPOR_ULANG;
        // an urgent call on an already-escalated report is generated with LAPOR_ULANG only.
        PathKind::RepeatOpenGe12h if already => vec![esc(LAPOR_ULANG, Target::Prior)],
        PathKind::RepeatOpenGe12h if urgent && rng.chance(0.7) => vec![esc(URGENT, Target::Prior)],
        PathKind::RepeatOpenGe12h => vec![esc(MELEBIHI_TMP, Target::Prior)],
    };

    // Couplings with a wrong APKT action: no new report means nothing to escalate on.
    let forced = match (sc.path, sc.v.apkt) {
        (PathKind::FirstReport | PathKind::TusbungPaid, Some(_)) if urgent => Some(Missing),
        (PathKind::FirstReport | PathKind::TusbungPaid, Some(_)) => {
            sc.v.simone = None;
            None
        }
        (PathKind::RepeatResolved, Some(_)) => Some(if rng.chance(0.5) {
            WrongNumber
        } else {
            Missing
        }),
        _ => None,
    };
    if let Some(f) = forced {
        sc.v.simone = Some(f);
    } else if sc.v.simone.is_some() {
        // Pick a kind this path and urgency allow.
        let mut kinds: Vec<SimoneV> = Vec::new();
        if !required.is_empty() {
            kinds.push(Missing);
            kinds.push(WrongType);
        }
        let extra_ok = match sc.path {
            PathKind::FirstReport | PathKind::TusbungPaid => !urgent && has_new,
            PathKind::RepeatResolved => !urgent,
            PathKind::RepeatOpenLt12h => !urgent,
            PathKind::RepeatOpenGe12h => !urgent,
        };
        if extra_ok {
            kinds.push(Extra);
        }
        if sc.path == PathKind::RepeatResolved {
            kinds.push(WrongNumber);
        }
        sc.v.simone = if kinds.is_empty() {
            None
        } else {
            Some(*rng.pick(&kinds))
        };
    }

    let plan: Vec<Escalation> = match sc.v.simone {
        None => required.clone(),
        Some(Missing) => vec![],
        Some(WrongNumber) => required
            .iter()
            .map(|e| esc(e.kind, Target::Prior))
            .collect(),
        Some(WrongType) => {
            let wrong = match (sc.path, already) {
                (PathKind::FirstReport | PathKind::TusbungPaid, _) => TIDAK_SEMESTINYA,
                (PathKind::RepeatResolved, _) => MELEBIHI_TMP,
                (PathKind::RepeatOpenLt12h, _) => MELEBIHI_TMP,
                (PathKind::RepeatOpenGe12h, true) => MELEBIHI_TMP,
                (PathKind::RepeatOpenGe12h, false) => *rng.pick(&[TIDAK_SEMESTINYA, LAPOR_ULANG]),
            };
            required.iter().map(|e| esc(wrong, e.target)).collect()
        }
        Some(Extra) => {
            let mut p = required.clone();
            match sc.path {
                PathKind::FirstReport | PathKind::TusbungPaid => {
                    p.push(esc(rng.pick_str(&[URGENT, TIDAK_SEMESTINYA]), Target::New))
                }
                PathKind::RepeatResolved => p.push(esc(URGENT, Target::New)),
                PathKind::RepeatOpenLt12h => {
                    p.push(esc(rng.pick_str(&[MELEBIHI_TMP, URGENT]), Target::Prior))
                }
                PathKind::RepeatOpenGe12h if already => p.push(esc(MELEBIHI_TMP, Target::Prior)),
                PathKind::RepeatOpenGe12h => p.push(esc(URGENT, Target::Prior)),
            }
            p
        }
    };
    sc.escalations = plan;
}

pub(super) fn ticket(sc: &mut Scenario, compliant: bool, rng: &mut Rng) {
    use TicketPlan::*;
    let creates = sc.path == PathKind::FirstReport
        || sc.path == PathKind::TusbungPaid
        || sc.path == PathKind::RepeatResolved;
    let right = if creates { New } else { Same };
    // Couplings: the ticket follows what the agent actually did in APKT.
    let forced = match (sc.path, sc.v.apkt) {
        (PathKind::FirstReport | PathKind::TusbungPaid, Some(_)) => Some(NoNumber),
        (PathKind::RepeatResolved, Some(ApktV::Missing)) => Some(*rng.pick(&[NoNumber, Same])),
        (PathKind::RepeatResolved, Some(_)) => Some(Same),
        (PathKind::RepeatOpenLt12h | PathKind::RepeatOpenGe12h, Some(ApktV::CreateInstead)) => {
            Some(WrongNumber)
        }
        _ => None,
    };
    sc.ticket = if let Some(f) = forced {
        f
    } else if !compliant && rng.chance(0.30) {
        let mut kinds = vec![Omitted, NoNumber];
        if sc.path == PathKind::RepeatResolved {
            kinds.push(WrongNumber);
            kinds.push(WrongNumber);
        }
        *rng.pick(&kinds)
    } else {
        right
    };
    // A non-compliant call must still fail somewhere: guaranteed by draw_violations.
}

pub(super) fn distractor(sc: &mut Scenario, seed: u64, unit: &str, rng: &mut Rng) {
    let no = draw::report_no(seed, sc.index, 2, unit);
    let other_problem = rng.pick(PROBLEMS);
    let has_phone = sc.caller.kind != NumberKind::Withheld;
    match &sc.prior {
        // An old, resolved report of the same phone: the phone rule only looks at
        // unresolved reports, so this call stays a first report.
        None if has_phone && rng.chance(0.15) => {
            let created = sc.start - rng.range(30, 200) * 86_400;
            sc.distractor = Some(Distractor {
                no,
                created,
                resolved: Some(created + rng.range(2, 48) * 3600),
                problem: other_problem,
            });
            sc.tags.push("trap:first_old_resolved_same_phone");
        }
        // An older unresolved report of the same phone: the newest one is the prior.
        Some(p) if p.link == Link::Phone && rng.chance(0.3) => {
            let created = p.created - rng.range(1, 72) * 3600;
            sc.distractor = Some(Distractor {
                no,
                created,
                resolved: None,
                problem: other_problem,
            });
            sc.tags.push("trap:older_unresolved_same_phone");
        }
        _ => {}
    }
}
