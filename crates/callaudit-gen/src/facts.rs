//! What a generated call is made of: its path, urgency, caller, address, prior report,
//! the variant of every step the agent says, the violations and traps, the planned APKT
//! / SIMONE actions, and the truth of every step ([`Scenario`]). [`super::scenario`]
//! draws them; every later stage only reads them.

use super::catalog::{Agent, Problem, UnitAnswer};
use super::clock::Band;
use callaudit::model::{ActionKind, PathKind, Status};

/// The SOP steps: the auditor's own step ids, in [`callaudit::model::STEP_IDS`] order.
pub use callaudit::model::StepId as Step;

pub const N_STEPS: usize = 16;

/// What kind of number the caller ID shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    Landline,
    Mobile,
    Withheld,
}

/// Why a call is urgent (SPEC §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    Sick,
    Complaint,
    Threat,
    Danger,
}

/// How the prior report can be found (SPEC §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// An APKT search on the prior number (plus whatever else names it).
    Search,
    /// Only the update / lapor_ulang / create's ref names it.
    Action,
    /// No action names it: newest unresolved report with the caller's phone.
    Phone,
}

/// What the caller answers to "have you reported before" on a first report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FirstAnswer {
    No,
    /// Says yes and gives a number APKT does not know.
    YesNotFound,
    /// Says yes but knows no number, phone or id.
    YesUnknown,
}

/// What the caller gives when asked for the prior report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdAnswer {
    Number,
    Phone,
    Idpel,
    Unknown,
}

/// Violations, one optional kind per step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GreetingV {
    Omitted,
    NoName,
    NoPln,
    NoOffer,
    WrongTod,
    Late,
}

/// How the caller's-name step (SOP 2) is violated. The agent never asks the caller's name
/// and never addresses them by the right one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameV {
    /// Says nothing about the caller's name.
    Omitted,
    /// Addresses the caller by a name that is not theirs (CRM: not the name CRM shows),
    /// in the wording of addressing a caller by name; the caller corrects it or lets it
    /// pass. The wrong name is clearly another name (never a near-spelling of the right
    /// one, which a grader could take for an ASR slip).
    WrongName {
        first: &'static str,
        surname: &'static str,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriorQV {
    Omitted,
    NoIdAsk,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataV {
    Omitted,
    NameAddr,
    NameOnly,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmpathyV {
    Omitted,
    /// The only apology is inside a question ("mohon maaf, dengan bapak siapa?").
    MaafInQuestion,
    /// The only apology is for the wait.
    WaitOnly,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneV {
    Omitted,
    WrongKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EtaV {
    Omitted,
    Wrong,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuaranteeV {
    Omitted,
    Weak,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClosingV {
    Omitted,
    NoCampaign,
    NoThanks,
    WrongTod,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ForbiddenV {
    Intimacy,
    Ilp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApktV {
    Missing,
    UpdateInstead,
    LaporUlangInstead,
    CreateInstead,
    ExtraCreate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteV {
    NoRef,
    WrongRef,
    NoCc,
    WrongSite,
    WrongName,
    EmptyNote,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SimoneV {
    Missing,
    WrongType,
    Extra,
    WrongNumber,
}

/// What the agent says about the ticket number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketPlan {
    /// Reads the new number (RESOLVED adds that it is linked to the old one).
    New,
    /// Says the prior number still applies.
    Same,
    /// Reads a number that is not the right one (old number on a new report, new
    /// number on an open report).
    WrongNumber,
    /// Promises the number later (SMS), reads none.
    NoNumber,
    /// Says nothing about it.
    Omitted,
}

/// The agent's violations in one call.
#[derive(Debug, Clone, Default)]
pub struct Violations {
    pub greeting: Option<GreetingV>,
    pub caller_name: Option<NameV>,
    pub prior_q: Option<PriorQV>,
    pub data: Option<DataV>,
    pub empathy: Option<EmpathyV>,
    pub status: bool,
    pub phone: Option<PhoneV>,
    pub apkt: Option<ApktV>,
    pub note: Option<NoteV>,
    pub simone: Option<SimoneV>,
    pub clarity: bool,
    pub eta: Option<EtaV>,
    pub guarantee: Option<GuaranteeV>,
    pub closing: Option<ClosingV>,
    pub forbidden: Option<ForbiddenV>,
}

/// Non-violations that look like violations (or like compliance) to a careless matcher.
#[derive(Debug, Clone, Default)]
pub struct Traps {
    /// A non-urgent caller says nobody is sick / nothing is dangerous.
    pub urgent_negated: bool,
    /// The caller asks about a promotion and the agent declines it (negated forbidden line).
    pub negated_forbidden: bool,
    /// The caller, not the agent, says a customer-intimacy line.
    pub caller_intimacy: bool,
    /// The agent says 3 x 24 jam although nobody asked (eta stays NA).
    pub eta_volunteer: bool,
    /// The agent also apologises for the wait (besides or instead of empathy).
    pub wait_apology: bool,
    /// Mobile caller whose number cannot be reached: the agent asks for another.
    pub mobile_unreachable: bool,
    /// Ask the name with "mohon maaf" in front.
    pub name_q_maaf: bool,
    /// Ask about a prior report with "mohon maaf" in front.
    pub prior_q_maaf: bool,
    /// The caller mentions the urgent cue in the opening rather than later.
    pub urgent_early: bool,
    /// The caller asks for the estimate right after the status update.
    pub eta_early: bool,
}

/// The caller.
#[derive(Debug, Clone)]
pub struct Caller {
    pub male: bool,
    pub first: &'static str,
    pub full: String,
    /// Caller ID as received (`calls.csv`), empty when withheld.
    pub number: String,
    pub kind: NumberKind,
    /// The caller ID in 0-leading form (for matching reports), empty when withheld.
    pub number_local: String,
    pub crm: bool,
    /// A reachable mobile number the caller gives when asked for one.
    pub given_mobile: String,
    pub idpel: String,
}

/// A street address, as stored and as said.
#[derive(Debug, Clone)]
pub struct Address {
    pub street: &'static str,
    pub house: u32,
    pub rt: u32,
    pub rw: u32,
    pub area: (&'static str, &'static str, &'static str),
}

impl Address {
    /// The APKT form: `JL. MELATI RAYA NO. 3 RT 002 RW 005, KEL. ..., KEC. ..., CITY`.
    pub fn report(&self) -> String {
        format!(
            "JL. {} NO. {} RT {:03} RW {:03}, KEL. {}, KEC. {}, {}",
            self.street.to_uppercase(),
            self.house,
            self.rt,
            self.rw,
            self.area.0.to_uppercase(),
            self.area.1.to_uppercase(),
            self.area.2.to_uppercase()
        )
    }

    /// As an agent or caller says it.
    pub fn spoken(&self, long: bool) -> String {
        if long {
            format!(
                "Jalan {} nomor {}, RT {} RW {}, {}, {}",
                self.street, self.house, self.rt, self.rw, self.area.0, self.area.2
            )
        } else {
            format!(
                "Jalan {} nomor {}, {}",
                self.street, self.house, self.area.0
            )
        }
    }
}

/// The caller's earlier report on a repeat path.
#[derive(Debug, Clone)]
pub struct Prior {
    pub no: String,
    pub created: i64,
    /// When the unit set it SELESAI; may be after the call started (then it was open).
    pub resolved: Option<i64>,
    /// Escalated in SIMONE before this call.
    pub escalated_before: Option<i64>,
    /// Name on the report; a household member when `is_caller` is false.
    pub name: String,
    pub name_male: bool,
    pub is_caller: bool,
    pub phone: String,
    pub answer: Option<UnitAnswer>,
    pub link: Link,
}

/// Which report an escalation is made on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Prior,
    New,
}

/// A planned SIMONE escalation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Escalation {
    pub kind: &'static str,
    pub target: Target,
}

pub const TIDAK_SEMESTINYA: &str = "TIDAK_SEMESTINYA";
pub const MELEBIHI_TMP: &str = "MELEBIHI_TMP";
pub const URGENT: &str = "URGENT";
pub const LAPOR_ULANG: &str = "LAPOR_ULANG";

/// A planned APKT action (time comes from the rendered transcript).
#[derive(Debug, Clone)]
pub struct Apkt {
    pub kind: ActionKind,
    pub report_no: String,
    pub ref_report_no: String,
    pub category: &'static str,
    pub note: String,
}

/// One generated call, fully decided.
#[derive(Debug, Clone)]
pub struct Scenario {
    pub index: u64,
    pub call_id: String,
    /// Local seconds of the start (see [`super::clock`]).
    pub start: i64,
    pub band: Band,
    pub agent: &'static Agent,
    pub caller: Caller,
    pub address: Address,
    pub path: PathKind,
    pub urgency: Option<Urgency>,
    pub problem: &'static Problem,
    pub eta_asked: bool,
    pub first_answer: FirstAnswer,
    pub id_answer: IdAnswer,
    pub prior: Option<Prior>,
    /// Number of the report created in this call, if one is.
    pub new_no: Option<String>,
    /// A number that exists nowhere (wrong references, numbers APKT cannot find).
    pub ghost_no: String,
    /// An older report of the same phone (resolved, or older and unresolved).
    pub distractor: Option<Distractor>,
    pub search: Option<String>,
    pub apkt: Vec<Apkt>,
    pub notice: bool,
    pub escalations: Vec<Escalation>,
    pub ticket: TicketPlan,
    pub v: Violations,
    pub traps: Traps,
    pub truth: [Status; N_STEPS],
    /// `step:kind` of every violation and notable case, for coverage tests.
    pub tags: Vec<&'static str>,
}

/// An older report with the caller's phone that must not be taken as the prior.
#[derive(Debug, Clone)]
pub struct Distractor {
    pub no: String,
    pub created: i64,
    pub resolved: Option<i64>,
    pub problem: &'static Problem,
}

impl Scenario {
    /// Whether the agent reads the caller's name anywhere (false on a name violation).
    pub fn may_use_name(&self) -> bool {
        self.v.caller_name.is_none()
    }

    /// Whether the call has every step PASS or NA.
    pub fn compliant(&self) -> bool {
        self.truth.iter().all(|s| *s != Status::Fail)
    }

    /// The caller's number in the form a report stores it.
    pub fn contact_phone(&self) -> &str {
        if self.caller.kind == NumberKind::Mobile && !self.traps.mobile_unreachable {
            &self.caller.number_local
        } else {
            &self.caller.given_mobile
        }
    }

    pub fn is_urgent(&self) -> bool {
        self.urgency.is_some()
    }
}
