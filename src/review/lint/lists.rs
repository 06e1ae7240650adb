//! The small interface lint needs of a profile: its phrase lists, each with its key,
//! the step it belongs to and who says it. Everything else lint checks works on the
//! TOML itself or on compiled phrases, so a change in how the profile is loaded or
//! matched only touches this list.

use crate::profile::{Phrases, Profile};

/// Who says a list's phrases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Agent,
    Caller,
}

/// One phrase list of a profile.
#[derive(Debug, Clone, Copy)]
pub struct PhraseList<'a> {
    /// TOML key path (`steps.closing.thanks`).
    pub key: &'static str,
    /// The step id whose verdict the list decides; `None` for path cues (urgent,
    /// tusbung).
    pub step: Option<&'static str>,
    pub side: Side,
    pub phrases: &'a Phrases,
}

/// Every phrase list of `p`.
pub fn phrase_lists(p: &Profile) -> Vec<PhraseList<'_>> {
    use Side::{Agent, Caller};
    let s = &p.steps;
    let list = |key, step, side, phrases| PhraseList {
        key,
        step,
        side,
        phrases,
    };
    vec![
        list("urgent.cues", None, Caller, &p.urgent.cues),
        list("tusbung.paid", None, Caller, &p.tusbung.paid),
        list("tusbung.reconnect", None, Caller, &p.tusbung.reconnect),
        list(
            "steps.greeting.pln",
            Some("greeting"),
            Agent,
            &s.greeting.pln,
        ),
        list(
            "steps.greeting.salutation",
            Some("greeting"),
            Agent,
            &s.greeting.salutation,
        ),
        list(
            "steps.greeting.own_name",
            Some("greeting"),
            Agent,
            &s.greeting.own_name,
        ),
        list(
            "steps.greeting.offer",
            Some("greeting"),
            Agent,
            &s.greeting.offer,
        ),
        list(
            "steps.caller_name.ask",
            Some("caller_name"),
            Agent,
            &s.caller_name.ask,
        ),
        list(
            "steps.caller_name.address",
            Some("caller_name"),
            Agent,
            &s.caller_name.address,
        ),
        list(
            "steps.prior_report_question.ask",
            Some("prior_report_question"),
            Agent,
            &s.prior_report_question.ask,
        ),
        list(
            "steps.prior_report_question.caller_yes",
            Some("prior_report_question"),
            Caller,
            &s.prior_report_question.caller_yes,
        ),
        list(
            "steps.prior_report_question.caller_no",
            Some("prior_report_question"),
            Caller,
            &s.prior_report_question.caller_no,
        ),
        list(
            "steps.prior_report_question.ask_identifier",
            Some("prior_report_question"),
            Agent,
            &s.prior_report_question.ask_identifier,
        ),
        list(
            "steps.empathy.phrases",
            Some("empathy"),
            Agent,
            &s.empathy.phrases,
        ),
        list(
            "steps.status_update.progress",
            Some("status_update"),
            Agent,
            &s.status_update.progress,
        ),
        list(
            "steps.phone_verification.ask_mobile",
            Some("phone_verification"),
            Agent,
            &s.phone_verification.ask_mobile,
        ),
        list(
            "steps.phone_verification.ask_this_number",
            Some("phone_verification"),
            Agent,
            &s.phone_verification.ask_this_number,
        ),
        list(
            "steps.clarity_check.phrases",
            Some("clarity_check"),
            Agent,
            &s.clarity_check.phrases,
        ),
        list(
            "steps.eta_3x24.caller_asks",
            Some("eta_3x24"),
            Caller,
            &s.eta_3x24.caller_asks,
        ),
        list(
            "steps.eta_3x24.agent_says",
            Some("eta_3x24"),
            Agent,
            &s.eta_3x24.agent_says,
        ),
        list(
            "steps.service_guarantee.forward",
            Some("service_guarantee"),
            Agent,
            &s.service_guarantee.forward,
        ),
        list(
            "steps.service_guarantee.follow_up",
            Some("service_guarantee"),
            Agent,
            &s.service_guarantee.follow_up,
        ),
        list(
            "steps.ticket_number.still_applies",
            Some("ticket_number"),
            Agent,
            &s.ticket_number.still_applies,
        ),
        list(
            "steps.closing.campaign",
            Some("closing"),
            Agent,
            &s.closing.campaign,
        ),
        list(
            "steps.closing.thanks",
            Some("closing"),
            Agent,
            &s.closing.thanks,
        ),
        list(
            "steps.closing.salutation",
            Some("closing"),
            Agent,
            &s.closing.salutation,
        ),
        list(
            "steps.forbidden_phrases.lines",
            Some("forbidden_phrases"),
            Agent,
            &s.forbidden_phrases.lines,
        ),
    ]
}

/// Key paths of the TOML whose keys are free (a map, not fields), and whether their
/// keys must be step ids.
pub const FREE_MAPS: [(&str, bool); 2] = [("normalize.variants", false), ("scoring.weights", true)];
