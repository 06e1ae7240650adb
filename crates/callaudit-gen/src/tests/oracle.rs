//! An independent oracle: each call's SOP path and its three action-log steps recomputed
//! from the written CSVs exactly as SPEC §2–3 state them.

use super::*;

/// SPEC §2 and the §3 action steps, recomputed from the CSVs alone.
pub(super) fn oracle_paths_and_actions(
    calls: &[Row],
    actions: &[Row],
    reports: &[Row],
    expected: &[Row],
    truth: &HashMap<(&str, &str), &str>,
) {
    let by_no: HashMap<&str, &Row> = reports
        .iter()
        .map(|r| (r["report_no"].as_str(), r))
        .collect();
    let mut acts: HashMap<&str, Vec<&Row>> = HashMap::new();
    for a in actions {
        acts.entry(a["call_id"].as_str()).or_default().push(a);
    }
    let norm = |p: &str| {
        if let Some(r) = p.strip_prefix("+62") {
            format!("0{r}")
        } else if let Some(r) = p.strip_prefix("62") {
            format!("0{r}")
        } else {
            p.to_string()
        }
    };
    let exp: HashMap<&str, &Row> = expected
        .iter()
        .map(|r| (r["call_id"].as_str(), r))
        .collect();
    let mut checked = BTreeMap::<&str, usize>::new();
    for c in calls {
        let id = c["call_id"].as_str();
        let start = ts(&c["started_at"]);
        let my = acts.get(id).cloned().unwrap_or_default();
        // Prior: named by an action and created before the call...
        let mut named: BTreeSet<&str> = BTreeSet::new();
        for a in &my {
            let no = match a["action"].as_str() {
                "search" | "update" | "lapor_ulang" => a["report_no"].as_str(),
                "create" => a["ref_report_no"].as_str(),
                _ => "",
            };
            if by_no.get(no).is_some_and(|r| ts(&r["created_at"]) < start) {
                named.insert(no);
            }
        }
        assert!(named.len() <= 1, "{id}: several priors {named:?}");
        let mut prior = named.into_iter().next().map(|n| by_no[n]);
        // ...else the newest unresolved report of the caller's phone.
        if prior.is_none() && !c["caller_number"].is_empty() {
            let phone = norm(&c["caller_number"]);
            prior = reports
                .iter()
                .filter(|r| norm(&r["caller_phone"]) == phone && ts(&r["created_at"]) < start)
                .filter(|r| r["resolved_at"].is_empty() || ts(&r["resolved_at"]) > start)
                .max_by_key(|r| ts(&r["created_at"]));
        }
        let e = exp[id];
        let path = match prior {
            None => {
                assert!(
                    e["path"] == "FIRST_REPORT" || e["path"] == "TUSBUNG_PAID",
                    "{id}: {}",
                    e["path"]
                );
                PathKind::from_name(&e["path"]).unwrap()
            }
            Some(p) => {
                assert_eq!(e["prior_report_no"], p["report_no"], "{id}");
                let resolved = !p["resolved_at"].is_empty() && ts(&p["resolved_at"]) <= start;
                let age = (start - ts(&p["created_at"])).num_seconds();
                let path = if resolved {
                    PathKind::RepeatResolved
                } else if age < 12 * 3600 {
                    PathKind::RepeatOpenLt12h
                } else {
                    PathKind::RepeatOpenGe12h
                };
                assert_eq!(e["path"], path.as_str(), "{id}");
                path
            }
        };
        let prior_no = prior.map_or("", |p| p["report_no"].as_str());
        let urgent = e["urgent"] == "true";

        // apkt_action: exactly the required APKT form actions.
        let forms: Vec<(&str, &str)> = my
            .iter()
            .filter(|a| matches!(a["action"].as_str(), "create" | "update" | "lapor_ulang"))
            .map(|a| (a["action"].as_str(), a["report_no"].as_str()))
            .collect();
        let apkt_ok = match path {
            PathKind::FirstReport | PathKind::TusbungPaid | PathKind::RepeatResolved => {
                forms.len() == 1 && forms[0].0 == "create"
            }
            PathKind::RepeatOpenLt12h => forms == [("update", prior_no)],
            PathKind::RepeatOpenGe12h => forms == [("lapor_ulang", prior_no)],
        };
        assert_eq!(
            truth[&(id, "apkt_action")],
            if apkt_ok { "PASS" } else { "FAIL" },
            "{id} apkt_action"
        );

        // apkt_note.
        let note_ok = match path {
            PathKind::FirstReport | PathKind::TusbungPaid => None,
            PathKind::RepeatResolved => Some(my.iter().any(|a| {
                a["action"] == "create"
                    && (a["ref_report_no"] == prior_no || a["note"].contains(&prior_no[1..]))
            })),
            PathKind::RepeatOpenGe12h => {
                let tag = format!("CC.{}.{}", c["site_code"], c["agent_name"]).to_uppercase();
                Some(my.iter().any(|a| {
                    a["action"] == "lapor_ulang"
                        && a["report_no"] == prior_no
                        && a["note"].to_uppercase().contains(&tag)
                }))
            }
            PathKind::RepeatOpenLt12h => Some(my.iter().any(|a| {
                a["action"] == "update"
                    && a["report_no"] == prior_no
                    && !a["note"].trim().is_empty()
            })),
        };
        let want = note_ok.map_or("NA", |ok| if ok { "PASS" } else { "FAIL" });
        assert_eq!(truth[&(id, "apkt_note")], want, "{id} apkt_note");

        // simone_escalation: exactly one of the accepted escalation sets.
        let mut esc: Vec<(&str, &str)> = my
            .iter()
            .filter(|a| a["action"] == "escalate")
            .map(|a| (a["escalation_type"].as_str(), a["report_no"].as_str()))
            .collect();
        esc.sort();
        let new_no = my
            .iter()
            .find(|a| a["action"] == "create")
            .map_or("", |a| a["report_no"].as_str());
        let already = my.iter().any(|a| a["action"] == "notice")
            || prior
                .is_some_and(|p| !p["escalated_at"].is_empty() && ts(&p["escalated_at"]) < start);
        let options: Vec<Vec<(&str, &str)>> = match path {
            PathKind::FirstReport | PathKind::TusbungPaid if urgent => {
                vec![vec![("URGENT", new_no)]]
            }
            PathKind::FirstReport | PathKind::TusbungPaid => vec![vec![]],
            PathKind::RepeatResolved if urgent => {
                vec![vec![("TIDAK_SEMESTINYA", new_no)], vec![("URGENT", new_no)]]
            }
            PathKind::RepeatResolved => vec![vec![("TIDAK_SEMESTINYA", new_no)]],
            PathKind::RepeatOpenLt12h if urgent => vec![vec![("URGENT", prior_no)]],
            PathKind::RepeatOpenLt12h => vec![vec![]],
            PathKind::RepeatOpenGe12h if already => vec![vec![("LAPOR_ULANG", prior_no)]],
            PathKind::RepeatOpenGe12h if urgent => {
                vec![vec![("MELEBIHI_TMP", prior_no)], vec![("URGENT", prior_no)]]
            }
            PathKind::RepeatOpenGe12h => vec![vec![("MELEBIHI_TMP", prior_no)]],
        };
        let ok = options
            .iter()
            .any(|o| *o == esc && o.iter().all(|(_, no)| !no.is_empty()));
        assert_eq!(
            truth[&(id, "simone_escalation")],
            if ok { "PASS" } else { "FAIL" },
            "{id} simone {esc:?}"
        );
        *checked.entry(path.as_str()).or_default() += 1;
    }
    assert_eq!(checked.len(), 5, "{checked:?}");
}
