//! What a generated call *is*: its SOP path, urgency, caller, prior report, the
//! violations the agent commits, the APKT / SIMONE actions, and from those the truth of
//! every step as a QA grader would set it.
//!
//! Everything that decides the truth is drawn here, from the call's scenario stream, before
//! a single word is rendered; [`super::transcript`] only realises the decisions in words and
//! [`super::noise`] only garbles the words. That is why the truth cannot depend on the noise
//! level. Where the SOP or SPEC leaves a case ambiguous, the scenario never generates it
//! (see the `Judgement` comments) rather than guessing a truth.
//!
//! The work is split by stage: `draw` draws the facts and the violations,
//! `plan` turns them into APKT / SIMONE actions and what is said about the ticket,
//! `truth` sets each step's expected status from all of that.

use super::catalog;
use super::clock::Band;
use super::draw;
use super::facts::*;
use super::plan;
use super::rng::Rng;
use super::truth;
use callaudit::model::{PathKind, Status};

/// Probability that a call is fully compliant.
const P_COMPLIANT: f64 = 0.40;

/// Draws one call.
pub fn build(seed: u64, index: u64, rng: &mut Rng) -> Scenario {
    let call_id = format!("C{index:08}");
    let start = draw::start(rng);
    let band = Band::of(start);
    let agent = rng.pick(catalog::AGENTS);

    let path = PathKind::ALL[rng.weighted(&[26, 12, 20, 20, 22])];
    let problem = draw::problem(path, rng);
    let urgency = draw::urgency(problem, rng);
    let caller = draw::caller(seed, index, rng);
    let address = draw::address(rng);
    let eta_asked = rng.chance(0.55);
    let compliant = rng.chance(P_COMPLIANT);

    let unit = *rng.pick(&draw::UNITS);
    let ghost_no = draw::report_no(seed, index, 3, unit);

    let mut traps = Traps {
        urgent_negated: urgency.is_none() && rng.chance(0.08),
        negated_forbidden: rng.chance(0.08),
        caller_intimacy: rng.chance(0.08),
        eta_volunteer: !eta_asked && rng.chance(0.15),
        wait_apology: rng.chance(0.25),
        mobile_unreachable: caller.kind == NumberKind::Mobile && rng.chance(0.2),
        name_q_maaf: rng.chance(0.4),
        prior_q_maaf: rng.chance(0.4),
        urgent_early: rng.chance(0.5),
        eta_early: rng.chance(0.35),
    };

    let first_answer = if path.is_repeat() {
        FirstAnswer::No
    } else {
        [
            FirstAnswer::No,
            FirstAnswer::YesNotFound,
            FirstAnswer::YesUnknown,
        ][rng.weighted(&[84, 8, 8])]
    };
    let id_answer = {
        let w = if caller.kind == NumberKind::Withheld {
            [45, 0, 30, 10]
        } else {
            [45, 25, 20, 10]
        };
        [
            IdAnswer::Number,
            IdAnswer::Phone,
            IdAnswer::Idpel,
            IdAnswer::Unknown,
        ][rng.weighted(&w)]
    };

    let mut v = Violations::default();
    if !compliant {
        draw::violations(&mut v, path, urgency, eta_asked, first_answer, rng);
        if v.caller_name.is_some() {
            v.caller_name = Some(draw::name_violation(&caller, rng));
        }
    }

    // Judgement: on a repeat path the agent reads the prior report's name back; when the
    // caller's-name step is violated that name must not be the caller's own, or reading
    // it could count as addressing the caller by name. A household member reported it.
    let prior = path.is_repeat().then(|| {
        draw::prior(
            seed,
            index,
            unit,
            path,
            problem,
            start,
            &caller,
            v.caller_name.is_some(),
            v.apkt,
            rng,
        )
    });

    // Empathy "only inside a question" needs a question that starts with an apology.
    if v.empathy == Some(EmpathyV::MaafInQuestion) {
        let name_q = !caller.crm && v.caller_name.is_none();
        let prior_q = v.prior_q != Some(PriorQV::Omitted);
        if !name_q && !prior_q {
            v.empathy = Some(EmpathyV::Omitted);
        } else {
            traps.name_q_maaf = name_q;
            traps.prior_q_maaf = prior_q;
        }
    }

    let mut sc = Scenario {
        index,
        call_id,
        start,
        band,
        agent,
        caller,
        address,
        path,
        urgency,
        problem,
        eta_asked,
        first_answer,
        id_answer,
        prior,
        new_no: None,
        ghost_no,
        distractor: None,
        search: None,
        apkt: Vec::new(),
        notice: false,
        escalations: Vec::new(),
        ticket: TicketPlan::Omitted,
        v,
        traps,
        truth: [Status::Pass; N_STEPS],
        tags: Vec::new(),
    };
    plan::actions(&mut sc, seed, unit, rng);
    plan::ticket(&mut sc, compliant, rng);
    plan::distractor(&mut sc, seed, unit, rng);
    truth::settle(&mut sc);
    sc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Stream;
    use callaudit::model::{ActionKind, STEP_IDS};

    #[test]
    fn step_order_matches_model() {
        assert_eq!(STEP_IDS[Step::Greeting as usize], "greeting");
        assert_eq!(STEP_IDS[Step::ApktNote as usize], "apkt_note");
        assert_eq!(STEP_IDS[Step::Eta3x24 as usize], "eta_3x24");
        assert_eq!(
            STEP_IDS[Step::ForbiddenPhrases as usize],
            "forbidden_phrases"
        );
        assert_eq!(STEP_IDS.len(), N_STEPS);
    }

    #[test]
    fn about_forty_percent_compliant() {
        let n = 4000;
        let ok = (0..n)
            .filter(|&i| build(3, i, &mut Rng::for_call(3, i, Stream::Scenario)).compliant())
            .count();
        let share = ok as f64 / n as f64;
        assert!((0.35..0.45).contains(&share), "compliant share {share}");
    }

    #[test]
    fn path_facts_are_consistent() {
        for i in 0..3000 {
            let sc = build(9, i, &mut Rng::for_call(9, i, Stream::Scenario));
            match sc.path {
                PathKind::FirstReport | PathKind::TusbungPaid => assert!(sc.prior.is_none()),
                PathKind::RepeatResolved => {
                    let p = sc.prior.as_ref().unwrap();
                    assert!(p.resolved.unwrap() <= sc.start);
                }
                PathKind::RepeatOpenLt12h => {
                    let p = sc.prior.as_ref().unwrap();
                    assert!(sc.start - p.created < 12 * 3600);
                    assert!(p.resolved.is_none_or(|r| r > sc.start));
                }
                PathKind::RepeatOpenGe12h => {
                    let p = sc.prior.as_ref().unwrap();
                    assert!(sc.start - p.created >= 12 * 3600);
                    assert!(p.resolved.is_none_or(|r| r > sc.start));
                }
            }
            if let Some(p) = &sc.prior {
                if p.link == Link::Phone {
                    assert!(sc.search.is_none());
                    assert!(sc
                        .apkt
                        .iter()
                        .all(|a| a.report_no != p.no && a.ref_report_no != p.no));
                    assert!(p.resolved.is_none_or(|r| r > sc.start));
                } else {
                    let named = sc.search.as_deref() == Some(p.no.as_str())
                        || sc.apkt.iter().any(|a| {
                            a.ref_report_no == p.no
                                || (a.report_no == p.no && a.kind != ActionKind::Create)
                        });
                    assert!(named, "{}: prior not reachable from actions", sc.call_id);
                }
            }
        }
    }
}
