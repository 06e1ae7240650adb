//! Draws the facts of a call (start time, problem, urgency, caller and numbers, address,
//! prior report) and, for a non-compliant call, its violations. Every number that could
//! link two calls (phones, report numbers) is made unique per call index by an affine map,
//! so one call's reports never become another call's prior.

use super::catalog::{self, Problem, PROBLEMS};
use super::clock;
use super::facts::*;
use super::rng::{mix, Rng};
use callaudit::model::PathKind;

/// First day of the generated calls (local).
pub(super) const BASE_DAY: (i64, u32, u32) = (2026, 11, 16);
pub(super) const DAYS: i64 = 7;

pub(super) const MOBILE_PREFIXES: [&str; 8] = [
    "0812", "0813", "0821", "0822", "0852", "0857", "0877", "0878",
];
pub(super) const GIVEN_PREFIXES: [&str; 4] = ["0811", "0819", "0831", "0838"];
pub(super) const OTHER_PREFIXES: [&str; 4] = ["0895", "0896", "0898", "0899"];
pub(super) const LANDLINE_AREAS: [&str; 3] = ["21", "22", "31"];
pub(super) const UNITS: [&str; 6] = ["5421", "5422", "5431", "5312", "5315", "5121"];

/// A per-call 8-digit number, distinct for every call index below 10^8 (an affine map
/// with a multiplier coprime to 10), so phones never collide across calls.
pub(super) fn unique8(seed: u64, index: u64) -> u64 {
    (index.wrapping_mul(2_654_435_761) + (mix(seed) % 100_000_000)) % 100_000_000
}

/// The `slot`-th report number of call `index`: `K` + unit + 9 digits, distinct for every
/// (index, slot) below 2.5 * 10^8 calls.
pub(super) fn report_no(seed: u64, index: u64, slot: u64, unit: &str) -> String {
    let x = (index * 4 + slot).wrapping_mul(387_420_489) + (mix(seed ^ 0x5eed) % 1_000_000_000);
    format!("K{unit}{:09}", x % 1_000_000_000)
}

pub(super) fn start(rng: &mut Rng) -> i64 {
    let base = clock::days_from_civil(BASE_DAY.0, BASE_DAY.1, BASE_DAY.2) * 86_400;
    loop {
        let t = base + rng.range(0, DAYS - 1) * 86_400 + rng.range(0, 86_399);
        if !clock::near_boundary(t) {
            return t;
        }
    }
}

pub(super) fn problem(path: PathKind, rng: &mut Rng) -> &'static Problem {
    let tus = catalog::tusbung_problem();
    match path {
        PathKind::TusbungPaid => &PROBLEMS[tus],
        // A repeat caller may be chasing a reconnection request too.
        _ if path.is_repeat() && rng.chance(0.05) => &PROBLEMS[tus],
        _ => loop {
            let p = rng.pick(PROBLEMS);
            if p.category != "TUSBUNG" {
                break p;
            }
        },
    }
}

pub(super) fn urgency(problem: &Problem, rng: &mut Rng) -> Option<Urgency> {
    if !rng.chance(0.22) {
        return None;
    }
    let sick = if problem.outage { 30 } else { 0 };
    let danger = if problem.category == "GANGGUAN" {
        25
    } else {
        0
    };
    Some(
        [
            Urgency::Sick,
            Urgency::Complaint,
            Urgency::Threat,
            Urgency::Danger,
        ][rng.weighted(&[sick, 25, 25, danger])],
    )
}

pub(super) fn caller(seed: u64, index: u64, rng: &mut Rng) -> Caller {
    let male = rng.chance(0.55);
    let first = if male {
        *rng.pick(catalog::MALE_NAMES)
    } else {
        *rng.pick(catalog::FEMALE_NAMES)
    };
    let full = format!("{first} {}", rng.pick(catalog::SURNAMES));
    let u = unique8(seed, index);
    let kind = [
        NumberKind::Landline,
        NumberKind::Mobile,
        NumberKind::Withheld,
    ][rng.weighted(&[30, 55, 15])];
    let (number, number_local) = match kind {
        NumberKind::Mobile => {
            let local = format!("{}{u:08}", rng.pick(&MOBILE_PREFIXES));
            let shown = match rng.below(3) {
                0 => local.clone(),
                1 => format!("+62{}", &local[1..]),
                _ => format!("62{}", &local[1..]),
            };
            (shown, local)
        }
        NumberKind::Landline => {
            let area = rng.pick(&LANDLINE_AREAS);
            let local = format!("0{area}{u:08}");
            let shown = if rng.chance(0.3) {
                format!("+62{}", &local[1..])
            } else {
                local.clone()
            };
            (shown, local)
        }
        NumberKind::Withheld => (String::new(), String::new()),
    };
    let crm = kind != NumberKind::Withheld && rng.chance(0.3);
    let given_mobile = format!("{}{u:08}", rng.pick(&GIVEN_PREFIXES));
    let idpel = format!("5{}{:09}", rng.range(10, 59), rng.below(1_000_000_000));
    Caller {
        male,
        first,
        full,
        number,
        kind,
        number_local,
        crm,
        given_mobile,
        idpel,
    }
}

pub(super) fn address(rng: &mut Rng) -> Address {
    Address {
        street: rng.pick_str(catalog::STREETS),
        house: rng.range(1, 120) as u32,
        rt: rng.range(1, 15) as u32,
        rw: rng.range(1, 12) as u32,
        area: *rng.pick(catalog::AREAS),
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn prior(
    seed: u64,
    index: u64,
    unit: &str,
    path: PathKind,
    problem: &Problem,
    start: i64,
    caller: &Caller,
    name_violated: bool,
    apkt: Option<ApktV>,
    rng: &mut Rng,
) -> Prior {
    const H: i64 = 3600;
    let age = match path {
        PathKind::RepeatOpenLt12h => {
            if rng.chance(0.35) {
                12 * H - rng.range(1, 60)
            } else {
                rng.range(20 * 60, 12 * H - 61)
            }
        }
        PathKind::RepeatOpenGe12h => match rng.below(20) {
            0..=2 => 12 * H,
            3..=6 => 12 * H + rng.range(1, 300),
            _ => rng.range(12 * H + 301, 7 * 24 * H),
        },
        _ => rng.range(2 * H, 20 * 24 * H),
    };
    let created = start - age;
    let resolved = match path {
        PathKind::RepeatResolved => Some(if rng.chance(0.05) {
            start // resolved_at == started_at counts as resolved
        } else {
            rng.range(created + 30 * 60, start - 60)
        }),
        // Judgement-free trap: fixed later that day, so still open when the call started.
        _ if rng.chance(0.10) => Some(start + rng.range(30 * 60, 6 * H)),
        _ => None,
    };
    // Phone-only link: possible only on open paths when no action names the prior report.
    let phone_link_possible = matches!(path, PathKind::RepeatOpenLt12h | PathKind::RepeatOpenGe12h)
        && matches!(apkt, Some(ApktV::Missing) | Some(ApktV::CreateInstead))
        && caller.kind != NumberKind::Withheld;
    let link = if phone_link_possible && rng.chance(0.6) {
        Link::Phone
    } else if path == PathKind::RepeatResolved || rng.chance(0.7) {
        Link::Search
    } else {
        Link::Action
    };
    let phone = if link == Link::Phone || (caller.kind != NumberKind::Withheld && rng.chance(0.75))
    {
        // Same line, possibly stored in another spelling.
        match rng.below(3) {
            0 if caller.number_local.starts_with("08") => {
                format!("+62{}", &caller.number_local[1..])
            }
            1 if caller.number_local.starts_with("08") => {
                format!("62{}", &caller.number_local[1..])
            }
            _ => caller.number_local.clone(),
        }
    } else {
        format!("{}{:08}", rng.pick(&OTHER_PREFIXES), unique8(seed, index))
    };
    let is_caller = !name_violated && rng.chance(0.9);
    let (name, name_male) = if is_caller {
        (caller.full.clone(), caller.male)
    } else {
        let male = !caller.male;
        let first = if male {
            *rng.pick(catalog::MALE_NAMES)
        } else {
            *rng.pick(catalog::FEMALE_NAMES)
        };
        let surname = caller.full.split(' ').nth(1).unwrap_or("Santoso");
        (format!("{first} {surname}"), male)
    };
    let billing = problem.category == "KELUHAN" && !problem.outage;
    let answer = match (path, billing) {
        (PathKind::RepeatResolved, false) => Some(*rng.pick(catalog::ANSWERS_RESOLVED)),
        (PathKind::RepeatResolved, true) => Some(*rng.pick(catalog::ANSWERS_RESOLVED_BILLING)),
        _ if rng.chance(0.3) => None,
        (_, false) => Some(*rng.pick(catalog::ANSWERS_OPEN)),
        (_, true) => Some(*rng.pick(catalog::ANSWERS_OPEN_BILLING)),
    };
    Prior {
        no: report_no(seed, index, 0, unit),
        created,
        resolved,
        escalated_before: None,
        name,
        name_male,
        is_caller,
        phone,
        answer,
        link,
    }
}

/// Chooses the violations of a non-compliant call; at least one step fails.
pub(super) fn violations(
    v: &mut Violations,
    path: PathKind,
    urgency: Option<Urgency>,
    eta_asked: bool,
    first_answer: FirstAnswer,
    rng: &mut Rng,
) {
    let repeat = path.is_repeat();
    let said_yes = repeat || first_answer != FirstAnswer::No;
    loop {
        if rng.chance(0.36) {
            v.greeting = Some(
                [
                    GreetingV::Omitted,
                    GreetingV::NoName,
                    GreetingV::NoPln,
                    GreetingV::NoOffer,
                    GreetingV::WrongTod,
                    GreetingV::Late,
                ][rng.weighted(&[15, 22, 15, 15, 23, 10])],
            );
        }
        // The kind (and a wrong name) is drawn once the caller is known: name_violation.
        v.caller_name = rng.chance(0.34).then_some(NameV::Omitted);
        if rng.chance(0.36) {
            v.prior_q = Some(if said_yes && rng.chance(0.5) {
                PriorQV::NoIdAsk
            } else {
                PriorQV::Omitted
            });
        }
        if repeat && rng.chance(0.6) {
            v.data = Some(
                [DataV::Omitted, DataV::NameAddr, DataV::NameOnly][rng.weighted(&[40, 35, 25])],
            );
        }
        if rng.chance(0.36) {
            v.empathy = Some(
                [
                    EmpathyV::Omitted,
                    EmpathyV::MaafInQuestion,
                    EmpathyV::WaitOnly,
                ][rng.weighted(&[40, 35, 25])],
            );
        }
        v.status = repeat && rng.chance(0.6);
        if rng.chance(0.36) {
            v.phone = Some(if rng.chance(0.5) {
                PhoneV::Omitted
            } else {
                PhoneV::WrongKind
            });
        }
        if rng.chance(0.33) {
            v.apkt = Some(apkt_violation(path, urgency, rng));
        }
        if repeat && v.apkt.is_none() && rng.chance(0.45) {
            v.note = Some(match path {
                PathKind::RepeatResolved => *rng.pick(&[NoteV::NoRef, NoteV::WrongRef]),
                PathKind::RepeatOpenGe12h => {
                    *rng.pick(&[NoteV::NoCc, NoteV::WrongSite, NoteV::WrongName])
                }
                _ => NoteV::EmptyNote,
            });
        }
        if rng.chance(0.33) {
            v.simone = Some(SimoneV::Missing); // refined in plan_actions
        }
        v.clarity = rng.chance(0.36);
        if eta_asked && rng.chance(0.65) {
            v.eta = Some(if rng.chance(0.5) {
                EtaV::Omitted
            } else {
                EtaV::Wrong
            });
        }
        if rng.chance(0.36) {
            v.guarantee = Some(if rng.chance(0.5) {
                GuaranteeV::Omitted
            } else {
                GuaranteeV::Weak
            });
        }
        if rng.chance(0.36) {
            v.closing = Some(
                [
                    ClosingV::Omitted,
                    ClosingV::NoCampaign,
                    ClosingV::NoThanks,
                    ClosingV::WrongTod,
                ][rng.weighted(&[20, 35, 20, 25])],
            );
        }
        if rng.chance(0.36) {
            v.forbidden = Some(if rng.chance(0.55) {
                ForbiddenV::Intimacy
            } else {
                ForbiddenV::Ilp
            });
        }
        if any_violation(v) {
            break;
        }
    }
}

pub(super) fn any_violation(v: &Violations) -> bool {
    v.greeting.is_some()
        || v.caller_name.is_some()
        || v.prior_q.is_some()
        || v.data.is_some()
        || v.empathy.is_some()
        || v.status
        || v.phone.is_some()
        || v.apkt.is_some()
        || v.note.is_some()
        || v.simone.is_some()
        || v.clarity
        || v.eta.is_some()
        || v.guarantee.is_some()
        || v.closing.is_some()
        || v.forbidden.is_some()
}

/// The kind of a caller's-name violation. CRM callers: half the time the agent reads a
/// wrong name (another caller's, a wrong CRM field); callers CRM does not know: now and
/// then the agent assumes a name instead of asking. A wrong name is of the caller's gender,
/// with another surname, and at least three edits away from the caller's own first name.
pub(super) fn name_violation(caller: &Caller, rng: &mut Rng) -> NameV {
    let p = if caller.crm { 0.5 } else { 0.25 };
    if !rng.chance(p) {
        return NameV::Omitted;
    }
    let names = if caller.male {
        catalog::MALE_NAMES
    } else {
        catalog::FEMALE_NAMES
    };
    let own = caller.first.to_lowercase();
    let first = loop {
        let n = *rng.pick(names);
        if strsim::levenshtein(&n.to_lowercase(), &own) >= 3 {
            break n;
        }
    };
    let own_surname = caller.full.split(' ').nth(1).unwrap_or("");
    let surname = loop {
        let s = *rng.pick(catalog::SURNAMES);
        if s != own_surname {
            break s;
        }
    };
    NameV::WrongName { first, surname }
}

pub(super) fn apkt_violation(path: PathKind, urgency: Option<Urgency>, rng: &mut Rng) -> ApktV {
    use ApktV::*;
    match path {
        PathKind::FirstReport | PathKind::TusbungPaid => Missing,
        PathKind::RepeatResolved => *rng.pick(&[UpdateInstead, LaporUlangInstead, Missing]),
        // Judgement: the SOP allows lapor_ulang on a < 12 h report "for urgent cases", so
        // lapor_ulang-instead-of-update is only generated on non-urgent calls.
        PathKind::RepeatOpenLt12h if urgency.is_none() => {
            *rng.pick(&[CreateInstead, LaporUlangInstead, Missing, ExtraCreate])
        }
        PathKind::RepeatOpenLt12h => *rng.pick(&[CreateInstead, Missing, ExtraCreate]),
        PathKind::RepeatOpenGe12h => {
            *rng.pick(&[UpdateInstead, CreateInstead, Missing, ExtraCreate])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_unique_per_call() {
        let mut seen = std::collections::HashSet::new();
        for i in 0..20_000 {
            assert!(seen.insert(unique8(5, i)));
        }
        let mut nos = std::collections::HashSet::new();
        for i in 0..5_000 {
            for slot in 0..4 {
                let no = report_no(5, i, slot, "5421");
                assert_eq!(no.len(), 14);
                assert!(nos.insert(no));
            }
        }
    }
}
