//! The expected status of every step, as a QA grader would set it from what the call
//! contains: applicability first (NA), then the violations, including the ones forced by
//! a wrong APKT action. Also tags each call with its violation kinds and notable cases,
//! which the coverage tests count.

use super::facts::*;
use callaudit::model::{PathKind, Status};

/// Sets `truth` from path, applicability and violations, and the coverage tags.
pub(super) fn settle(sc: &mut Scenario) {
    use Status::*;
    let repeat = sc.path.is_repeat();
    let mut t = [Pass; N_STEPS];
    if !repeat {
        t[Step::DataVerification as usize] = Na;
        t[Step::StatusUpdate as usize] = Na;
        t[Step::ApktNote as usize] = Na;
    }
    if !sc.eta_asked {
        t[Step::Eta3x24 as usize] = Na;
    }
    let v = &sc.v;
    let mut tags: Vec<&'static str> = std::mem::take(&mut sc.tags);
    let mut fail = |step: Step, tag: &'static str| {
        t[step as usize] = Fail;
        tags.push(tag);
    };
    if let Some(g) = v.greeting {
        fail(
            Step::Greeting,
            match g {
                GreetingV::Omitted => "greeting:omitted",
                GreetingV::NoName => "greeting:no_own_name",
                GreetingV::NoPln => "greeting:no_pln_123",
                GreetingV::NoOffer => "greeting:no_offer",
                GreetingV::WrongTod => "greeting:wrong_time_of_day",
                GreetingV::Late => "greeting:after_20s",
            },
        );
    }
    if let Some(n) = v.caller_name {
        fail(
            Step::CallerName,
            match (n, sc.caller.crm) {
                (NameV::Omitted, true) => "caller_name:crm_not_used",
                (NameV::Omitted, false) => "caller_name:not_asked",
                (NameV::WrongName { .. }, true) => "caller_name:crm_wrong_name",
                (NameV::WrongName { .. }, false) => "caller_name:assumed_wrong_name",
            },
        );
    }
    if let Some(p) = v.prior_q {
        fail(
            Step::PriorReportQuestion,
            match p {
                PriorQV::Omitted => "prior_report_question:omitted",
                PriorQV::NoIdAsk => "prior_report_question:no_number_asked",
            },
        );
    }
    if repeat {
        if let Some(d) = v.data {
            fail(
                Step::DataVerification,
                match d {
                    DataV::Omitted => "data_verification:omitted",
                    DataV::NameAddr => "data_verification:no_problem",
                    DataV::NameOnly => "data_verification:name_only",
                },
            );
        }
        if v.status {
            fail(Step::StatusUpdate, "status_update:omitted");
        }
    }
    if let Some(e) = v.empathy {
        fail(
            Step::Empathy,
            match e {
                EmpathyV::Omitted => "empathy:omitted",
                EmpathyV::MaafInQuestion => "empathy:maaf_only_in_question",
                EmpathyV::WaitOnly => "empathy:apology_for_wait_only",
            },
        );
    }
    if let Some(p) = v.phone {
        fail(
            Step::PhoneVerification,
            match (p, sc.caller.kind) {
                (PhoneV::Omitted, _) => "phone_verification:omitted",
                (PhoneV::WrongKind, NumberKind::Mobile) => {
                    "phone_verification:asked_mobile_of_mobile_caller"
                }
                (PhoneV::WrongKind, NumberKind::Landline) => {
                    "phone_verification:asked_this_number_of_landline"
                }
                (PhoneV::WrongKind, NumberKind::Withheld) => {
                    "phone_verification:asked_this_number_of_withheld"
                }
            },
        );
    }
    if let Some(a) = v.apkt {
        fail(
            Step::ApktAction,
            match (sc.path, a) {
                (_, ApktV::Missing) => "apkt_action:missing",
                (PathKind::RepeatResolved, ApktV::UpdateInstead) => {
                    "apkt_action:update_instead_of_create"
                }
                (_, ApktV::UpdateInstead) => "apkt_action:update_instead_of_lapor_ulang",
                (_, ApktV::LaporUlangInstead) => "apkt_action:lapor_ulang_instead",
                (_, ApktV::CreateInstead) => "apkt_action:create_instead",
                (_, ApktV::ExtraCreate) => "apkt_action:extra_create",
            },
        );
        // The note the path requires lives on the action the agent did not take.
        let note_lost = match (sc.path, a) {
            (PathKind::RepeatResolved, _) => true,
            (PathKind::RepeatOpenLt12h | PathKind::RepeatOpenGe12h, ApktV::ExtraCreate) => false,
            (PathKind::RepeatOpenLt12h | PathKind::RepeatOpenGe12h, _) => true,
            _ => false,
        };
        if note_lost {
            fail(Step::ApktNote, "apkt_note:required_action_missing");
        }
    }
    if let Some(n) = v.note {
        fail(
            Step::ApktNote,
            match n {
                NoteV::NoRef => "apkt_note:no_terkait_reference",
                NoteV::WrongRef => "apkt_note:wrong_reference",
                NoteV::NoCc => "apkt_note:no_cc_tag",
                NoteV::WrongSite => "apkt_note:cc_wrong_site",
                NoteV::WrongName => "apkt_note:cc_wrong_name",
                NoteV::EmptyNote => "apkt_note:empty_update_note",
            },
        );
    }
    if let Some(s) = v.simone {
        fail(
            Step::SimoneEscalation,
            match s {
                SimoneV::Missing => "simone_escalation:missing",
                SimoneV::WrongType => "simone_escalation:wrong_type",
                SimoneV::Extra => "simone_escalation:extra",
                SimoneV::WrongNumber => "simone_escalation:wrong_report_number",
            },
        );
    }
    if v.clarity {
        fail(Step::ClarityCheck, "clarity_check:omitted");
    }
    if sc.eta_asked {
        if let Some(e) = v.eta {
            fail(
                Step::Eta3x24,
                match e {
                    EtaV::Omitted => "eta_3x24:not_answered",
                    EtaV::Wrong => "eta_3x24:wrong_estimate",
                },
            );
        }
    }
    if let Some(g) = v.guarantee {
        fail(
            Step::ServiceGuarantee,
            match g {
                GuaranteeV::Omitted => "service_guarantee:omitted",
                GuaranteeV::Weak => "service_guarantee:only_recorded",
            },
        );
    }
    let ticket_ok = matches!(
        (sc.path, sc.ticket),
        (
            PathKind::FirstReport | PathKind::TusbungPaid | PathKind::RepeatResolved,
            TicketPlan::New
        ) | (
            PathKind::RepeatOpenLt12h | PathKind::RepeatOpenGe12h,
            TicketPlan::Same
        )
    );
    if !ticket_ok {
        fail(
            Step::TicketNumber,
            match (sc.path, sc.ticket) {
                (_, TicketPlan::Omitted) => "ticket_number:omitted",
                (_, TicketPlan::NoNumber) => "ticket_number:no_number_given",
                (PathKind::RepeatResolved, TicketPlan::WrongNumber) => {
                    "ticket_number:old_number_for_new_report"
                }
                (_, TicketPlan::WrongNumber) => "ticket_number:new_number_for_open_report",
                (_, TicketPlan::Same) => "ticket_number:says_same_but_report_resolved",
                (_, TicketPlan::New) => "ticket_number:unexpected",
            },
        );
    }
    if let Some(c) = v.closing {
        fail(
            Step::Closing,
            match c {
                ClosingV::Omitted => "closing:omitted",
                ClosingV::NoCampaign => "closing:no_pln_mobile",
                ClosingV::NoThanks => "closing:no_thanks",
                ClosingV::WrongTod => "closing:wrong_time_of_day",
            },
        );
    }
    if let Some(f) = v.forbidden {
        fail(
            Step::ForbiddenPhrases,
            match f {
                ForbiddenV::Intimacy => "forbidden_phrases:customer_intimacy",
                ForbiddenV::Ilp => "forbidden_phrases:ilp_campaign",
            },
        );
    }
    // Notable non-violations, for coverage.
    if sc.traps.negated_forbidden {
        tags.push("trap:negated_forbidden_line");
    }
    if sc.traps.caller_intimacy {
        tags.push("trap:caller_says_intimacy_line");
    }
    if sc.traps.eta_volunteer {
        tags.push("trap:eta_volunteered_not_asked");
    }
    if sc.traps.urgent_negated {
        tags.push("trap:urgency_negated");
    }
    if sc.notice {
        tags.push("case:simone_notice_row");
    }
    if sc
        .prior
        .as_ref()
        .is_some_and(|p| p.escalated_before.is_some())
    {
        tags.push("case:prior_escalated_at");
    }
    if let Some(p) = &sc.prior {
        tags.push(match p.link {
            Link::Search => "case:linked_by_search",
            Link::Action => "case:linked_by_action",
            Link::Phone => "case:linked_by_phone_only",
        });
        let age = sc.start - p.created;
        if age == 12 * 3600 {
            tags.push("case:age_exactly_12h");
        } else if (12 * 3600 - 60..12 * 3600).contains(&age) {
            tags.push("case:age_just_under_12h");
        } else if (12 * 3600 + 1..=12 * 3600 + 300).contains(&age) {
            tags.push("case:age_just_over_12h");
        }
        if p.resolved.is_some_and(|r| r > sc.start) {
            tags.push("case:resolved_after_call_start");
        }
        if p.resolved == Some(sc.start) {
            tags.push("case:resolved_at_call_start");
        }
        if !p.is_caller {
            tags.push("case:prior_in_household_member_name");
        }
    }
    if sc.caller.crm {
        tags.push("case:crm_known_caller");
    }
    if let Some(u) = sc.urgency {
        tags.push(match u {
            Urgency::Sick => "urgent:sick_or_medical",
            Urgency::Complaint => "urgent:hard_complaint",
            Urgency::Threat => "urgent:threat",
            Urgency::Danger => "urgent:danger",
        });
    }
    sc.tags = tags;
    sc.truth = t;
}
