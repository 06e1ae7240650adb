//! Coverage of generated archives: every path, step and violation kind appears, and urgency
//! on every path and in every time band.

use super::*;

#[test]
fn every_path_step_and_violation_kind_appears_in_2000_calls() {
    let tables = Tables::new();
    let mut tags = BTreeSet::new();
    let mut paths = BTreeSet::new();
    let mut fails = [0usize; 16];
    let mut nas = [0usize; 16];
    let mut holdout = [0usize; 16];
    let mut holdout_fails = [0usize; 16];
    let mut kinds = BTreeSet::new();
    let mut crm_pass = 0;
    for i in 0..2000 {
        let c = generate_call(2024, i, 0, &tables);
        let sc = &c.scenario;
        paths.insert(sc.path.as_str());
        for t in &sc.tags {
            tags.insert(*t);
        }
        for s in 0..16 {
            match sc.truth[s].as_str() {
                "FAIL" => fails[s] += 1,
                "NA" => nas[s] += 1,
                _ => {}
            }
            holdout[s] += c.holdout[s] as usize;
            holdout_fails[s] += (c.holdout[s] && sc.truth[s].as_str() == "FAIL") as usize;
        }
        kinds.insert(match sc.caller.number.as_str() {
            "" => "withheld",
            n if n.starts_with("08") => "mobile_08",
            n if n.starts_with("+628") => "mobile_+628",
            n if n.starts_with("628") => "mobile_628",
            n if n.starts_with("021") => "landline_021",
            n if n.starts_with("022") => "landline_022",
            n if n.starts_with("+6221") => "landline_+6221",
            _ => "other",
        });
        if sc.caller.crm && sc.truth[1].as_str() == "PASS" {
            crm_pass += 1;
        }
    }
    assert_eq!(paths.len(), 5);
    for (s, name) in STEP_IDS.iter().enumerate() {
        assert!(fails[s] >= 100, "{name}: only {} FAILs", fails[s]);
        assert!(
            holdout[s] > 0 || matches!(*name, "apkt_action" | "apkt_note"),
            "{name}: no held-out wording"
        );
        // A violation that is said (not just left out) is said in held-out wordings too,
        // so the held-out slice has FAILs to find. Steps that fail only by omission or
        // only in APKT / SIMONE have none by construction.
        let said = !matches!(
            *name,
            "apkt_action" | "apkt_note" | "status_update" | "clarity_check"
        );
        assert!(
            !said || holdout_fails[s] >= 20,
            "{name}: only {} held-out FAILs",
            holdout_fails[s]
        );
    }
    for name in [
        "data_verification",
        "status_update",
        "apkt_note",
        "eta_3x24",
    ] {
        let s = STEP_IDS.iter().position(|x| *x == name).unwrap();
        assert!(nas[s] > 0, "{name} never NA");
    }
    for k in [
        "withheld",
        "mobile_08",
        "mobile_+628",
        "mobile_628",
        "landline_021",
        "landline_022",
        "landline_+6221",
    ] {
        assert!(kinds.contains(k), "no {k} caller");
    }
    assert!(crm_pass > 0);
    const EXPECTED: &[&str] = &[
        "greeting:omitted",
        "greeting:no_own_name",
        "greeting:no_pln_123",
        "greeting:no_offer",
        "greeting:wrong_time_of_day",
        "greeting:after_20s",
        "caller_name:crm_not_used",
        "caller_name:not_asked",
        "caller_name:crm_wrong_name",
        "caller_name:assumed_wrong_name",
        "prior_report_question:omitted",
        "prior_report_question:no_number_asked",
        "data_verification:omitted",
        "data_verification:no_problem",
        "data_verification:name_only",
        "empathy:omitted",
        "empathy:maaf_only_in_question",
        "empathy:apology_for_wait_only",
        "status_update:omitted",
        "phone_verification:omitted",
        "phone_verification:asked_mobile_of_mobile_caller",
        "phone_verification:asked_this_number_of_landline",
        "phone_verification:asked_this_number_of_withheld",
        "apkt_action:missing",
        "apkt_action:update_instead_of_create",
        "apkt_action:update_instead_of_lapor_ulang",
        "apkt_action:lapor_ulang_instead",
        "apkt_action:create_instead",
        "apkt_action:extra_create",
        "apkt_note:required_action_missing",
        "apkt_note:no_terkait_reference",
        "apkt_note:wrong_reference",
        "apkt_note:no_cc_tag",
        "apkt_note:cc_wrong_site",
        "apkt_note:cc_wrong_name",
        "apkt_note:empty_update_note",
        "simone_escalation:missing",
        "simone_escalation:wrong_type",
        "simone_escalation:extra",
        "simone_escalation:wrong_report_number",
        "clarity_check:omitted",
        "eta_3x24:not_answered",
        "eta_3x24:wrong_estimate",
        "service_guarantee:omitted",
        "service_guarantee:only_recorded",
        "ticket_number:omitted",
        "ticket_number:no_number_given",
        "ticket_number:old_number_for_new_report",
        "ticket_number:new_number_for_open_report",
        "ticket_number:says_same_but_report_resolved",
        "closing:omitted",
        "closing:no_pln_mobile",
        "closing:no_thanks",
        "closing:wrong_time_of_day",
        "forbidden_phrases:customer_intimacy",
        "forbidden_phrases:ilp_campaign",
        "trap:negated_forbidden_line",
        "trap:caller_says_intimacy_line",
        "trap:eta_volunteered_not_asked",
        "trap:urgency_negated",
        "trap:first_old_resolved_same_phone",
        "trap:older_unresolved_same_phone",
        "case:simone_notice_row",
        "case:prior_escalated_at",
        "case:linked_by_search",
        "case:linked_by_action",
        "case:linked_by_phone_only",
        "case:age_exactly_12h",
        "case:age_just_under_12h",
        "case:age_just_over_12h",
        "case:resolved_after_call_start",
        "case:resolved_at_call_start",
        "case:prior_in_household_member_name",
        "case:crm_known_caller",
        "urgent:sick_or_medical",
        "urgent:hard_complaint",
        "urgent:threat",
        "urgent:danger",
    ];
    let missing: Vec<&&str> = EXPECTED.iter().filter(|t| !tags.contains(**t)).collect();
    assert!(missing.is_empty(), "never generated: {missing:?}");
}

#[test]
fn urgency_appears_on_every_path_and_all_time_bands() {
    let tables = Tables::new();
    let mut urgent_paths = BTreeSet::new();
    let mut bands = BTreeSet::new();
    let mut eta = (0, 0);
    for i in 0..1500 {
        let sc = generate_call(77, i, 0, &tables).scenario;
        if sc.is_urgent() {
            urgent_paths.insert(sc.path.as_str());
        }
        bands.insert(sc.band.word());
        if sc.eta_asked {
            eta.0 += 1;
        } else {
            eta.1 += 1;
        }
    }
    assert_eq!(urgent_paths.len(), 5, "{urgent_paths:?}");
    assert_eq!(bands.len(), 4, "{bands:?}");
    assert!(eta.0 > 0 && eta.1 > 0);
}
