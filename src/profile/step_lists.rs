//! The per-step sections of the profile (`[steps.*]`): phrase lists and the numbers
//! each step reads.

use super::Phrases;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Steps {
    pub greeting: Greeting,
    pub caller_name: CallerName,
    pub prior_report_question: PriorReportQuestion,
    pub data_verification: DataVerification,
    pub empathy: Empathy,
    pub status_update: StatusUpdate,
    pub phone_verification: PhoneVerification,
    pub clarity_check: ClarityCheck,
    pub eta_3x24: Eta,
    pub service_guarantee: ServiceGuarantee,
    pub ticket_number: TicketNumber,
    pub closing: Closing,
    pub forbidden_phrases: Forbidden,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Greeting {
    /// Seconds from call start within which the greeting must begin.
    pub window_s: f64,
    /// How many opening agent turns may carry the greeting.
    pub turns: usize,
    pub pln: Phrases,
    pub salutation: Phrases,
    pub own_name: Phrases,
    pub offer: Phrases,
    /// Required words of an offer that may be said loosely when the other parts of the
    /// greeting are said ("ado yang bisah saya bantoo": two small slips).
    #[serde(default)]
    pub offer_loose_words: usize,
    /// Caller turns of at most this many tokens ("iya halo") do not end the opening
    /// (0: `matching.backchannel_tokens`).
    #[serde(default)]
    pub interjection_tokens: usize,
    /// Words the recogniser glues to the agent's name ("bayudi sini"): the name said
    /// with one of them in one token is the name said.
    #[serde(default)]
    pub name_glued: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallerName {
    /// Asking the caller's name.
    pub ask: Phrases,
    /// Addressing a CRM-known caller by name.
    pub address: Phrases,
    /// Words that make a name right after them a read-back of a report ("atas nama
    /// ..."), not the agent addressing the caller.
    #[serde(default)]
    pub readback_before: Vec<String>,
    /// Honorifics the recogniser glues to the caller's name ("ibuhesti"): the CRM name
    /// said with one of them in one token addresses the caller.
    #[serde(default)]
    pub glued_honorifics: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriorReportQuestion {
    pub ask: Phrases,
    pub caller_yes: Phrases,
    pub caller_no: Phrases,
    /// Asking for the report number, phone used, customer id or meter number ...
    pub ask_identifier: Phrases,
    /// ... within this many turns after the caller's "yes".
    pub follow_up_turns: usize,
    /// A caller turn of these words only (or of fillers only) while the question goes
    /// on is a backchannel: the next turn within `follow_up_turns` that says yes or no
    /// is the answer.
    #[serde(default)]
    pub backchannel: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataVerification {
    /// Share of the report's address and problem words that must be read back ...
    pub min_share: f64,
    /// ... or at least this many of them (also for the unit's answer).
    pub min_words: usize,
    /// Words ignored when comparing.
    pub stopwords: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Empathy {
    pub phrases: Phrases,
    /// Words that, inside an apology, make it a polite question rather than empathy.
    pub question_words: Vec<String>,
    /// Tokens after an apology searched for one of `question_after_words` ...
    pub question_after: usize,
    pub question_after_words: Vec<String>,
    /// ... unless the apology names its object with one of these words ("maaf atas").
    pub apology_object: Vec<String>,
    /// Words of contrast: a question word before one of them inside the apology is a
    /// concession that the apology goes on past to the problem ("maaf, sudah melapor
    /// namun gangguannya terulang"), not a question.
    #[serde(default)]
    pub concession: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusUpdate {
    /// Share of the unit's answer words that counts as telling it.
    pub min_share: f64,
    /// Generic ways of telling the progress.
    pub progress: Phrases,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhoneVerification {
    /// Asking for a mobile number (PSTN or withheld callers).
    pub ask_mobile: Phrases,
    /// Asking whether the number in use can be contacted (mobile callers).
    pub ask_this_number: Phrases,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClarityCheck {
    pub phrases: Phrases,
    /// Two-word statements of the agent's own understanding ("kami paham"): a match
    /// starting with the second word right after the first is no question.
    #[serde(default)]
    pub understood: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Eta {
    /// Caller asks how long / when.
    pub caller_asks: Phrases,
    /// Agent gives the 3 x 24 jam standard.
    pub agent_says: Phrases,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceGuarantee {
    /// The report is passed to the unit ...
    pub forward: Phrases,
    /// ... to be followed up promptly.
    pub follow_up: Phrases,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TicketNumber {
    /// Trailing digits of the number that must be read out ...
    pub min_tail_digits: usize,
    /// ... or the share of its digits said in order.
    pub min_digit_share: f64,
    /// Saying the existing number still applies (repeat-open paths).
    pub still_applies: Phrases,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Closing {
    /// How many last agent turns make the closing.
    pub last_turns: usize,
    pub campaign: Phrases,
    pub thanks: Phrases,
    pub salutation: Phrases,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Forbidden {
    pub lines: Phrases,
    /// Words that cancel a line when they stand just before it.
    pub negations: Vec<String>,
    /// Word pairs starting with a negation that do not negate ("jangan lupa").
    pub negation_exceptions: Vec<String>,
    /// Tokens before a line searched for a negation.
    pub negation_window: usize,
    /// Tokens after a line searched for a negation ("… sudah tidak berlaku").
    pub negation_after_window: usize,
}
