//! The domain model: what a call, a turn, an action and an APKT report are once ingested.
//!
//! Every ingest format produces these types and every later stage (path, steps, scoring,
//! reports) reads only these, so a new transcript format never touches the audit logic.

pub mod numbers;

use chrono::{DateTime, FixedOffset};
use std::sync::Arc;

/// Local timestamp with the contact centre's offset, as given in the inputs.
pub type Timestamp = DateTime<FixedOffset>;

/// Who speaks a turn once speaker labels are mapped to roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The CSO.
    Agent,
    /// The person who phoned PLN 123.
    Caller,
}

/// One speaker turn of a transcript, times in seconds from call start.
#[derive(Debug, Clone, PartialEq)]
pub struct Turn {
    pub role: Role,
    pub start: f64,
    pub end: f64,
    pub text: String,
}

/// One row of the call manifest (`calls.csv`).
#[derive(Debug, Clone, PartialEq)]
pub struct CallMeta {
    pub call_id: String,
    pub started_at: Timestamp,
    pub duration_s: Option<f64>,
    pub agent_id: String,
    pub agent_name: String,
    pub site_code: String,
    pub team: String,
    /// Caller ID as received; empty when withheld.
    pub caller_number: String,
    /// Name the CRM shows for a known number; empty when unknown.
    pub crm_caller_name: String,
    /// Transcript path relative to the manifest; empty when the call is in a JSONL bundle.
    pub transcript: String,
    /// 1-based line of the row in the manifest, for rejects and evidence.
    pub line: u64,
    /// The manifest file the row is in, as named in rejects.
    pub file: Arc<str>,
}

/// Which system an action row comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum System {
    Apkt,
    Simone,
}

/// What was done in APKT or SIMONE.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActionKind {
    Search,
    Create,
    Update,
    LaporUlang,
    Escalate,
    Notice,
}

impl ActionKind {
    /// The spelling used in `actions.csv`.
    pub fn as_str(self) -> &'static str {
        match self {
            ActionKind::Search => "search",
            ActionKind::Create => "create",
            ActionKind::Update => "update",
            ActionKind::LaporUlang => "lapor_ulang",
            ActionKind::Escalate => "escalate",
            ActionKind::Notice => "notice",
        }
    }

    /// The system an action kind belongs to.
    pub fn system(self) -> System {
        match self {
            ActionKind::Escalate | ActionKind::Notice => System::Simone,
            _ => System::Apkt,
        }
    }
}

/// One row of the APKT / SIMONE action log (`actions.csv`).
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    pub call_id: String,
    pub at: Timestamp,
    pub kind: ActionKind,
    pub report_no: String,
    pub ref_report_no: String,
    pub category: String,
    pub escalation_type: String,
    pub note: String,
    /// 1-based line in the action log file.
    pub line: u64,
    /// The action log file the row is in, as named in rejects and evidence.
    pub file: Arc<str>,
}

impl Action {
    /// A one-line rendering for evidence columns. Built in one buffer (it is called for
    /// several steps of every call): no intermediate `format!` strings.
    pub fn describe(&self) -> String {
        let system = match self.kind.system() {
            System::Apkt => "APKT",
            System::Simone => "SIMONE",
        };
        let mut s = String::with_capacity(64 + self.note.len());
        for part in [system, " ", self.kind.as_str(), " ", &self.report_no] {
            s.push_str(part);
        }
        for (label, value) in [
            ("ref", &self.ref_report_no),
            ("category", &self.category),
            ("type", &self.escalation_type),
            ("note", &self.note),
        ] {
            if !value.is_empty() {
                for part in [" ", label, "=", value] {
                    s.push_str(part);
                }
            }
        }
        s.push_str(" (");
        s.push_str(&self.file);
        s.push_str(" line ");
        s.push_str(&self.line.to_string());
        s.push(')');
        s
    }
}

/// One row of the APKT report export (`reports.csv`).
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub report_no: String,
    pub created_at: Timestamp,
    pub resolved_at: Option<Timestamp>,
    pub category: String,
    pub caller_name: String,
    pub address: String,
    pub problem: String,
    pub caller_phone: String,
    pub escalated_at: Option<Timestamp>,
    pub unit_answer: String,
}

/// A call ready to audit: manifest row, transcript turns and its action log.
#[derive(Debug, Clone)]
pub struct Call {
    pub meta: CallMeta,
    pub turns: Vec<Turn>,
    pub actions: Vec<Action>,
    /// The recogniser's mean word confidence (0..=1), when the transcript carries one.
    pub asr_confidence: Option<f64>,
}

/// The sixteen step ids of SPEC §3, in report order (the order of [`StepId::ALL`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StepId {
    Greeting,
    CallerName,
    PriorReportQuestion,
    DataVerification,
    Empathy,
    StatusUpdate,
    PhoneVerification,
    ApktAction,
    ApktNote,
    SimoneEscalation,
    ClarityCheck,
    Eta3x24,
    ServiceGuarantee,
    TicketNumber,
    Closing,
    ForbiddenPhrases,
}

/// Number of steps: the length of every per-step array.
pub const STEP_COUNT: usize = 16;

impl StepId {
    /// Every step, in report order; `ALL[s.index()] == s`.
    pub const ALL: [StepId; STEP_COUNT] = [
        StepId::Greeting,
        StepId::CallerName,
        StepId::PriorReportQuestion,
        StepId::DataVerification,
        StepId::Empathy,
        StepId::StatusUpdate,
        StepId::PhoneVerification,
        StepId::ApktAction,
        StepId::ApktNote,
        StepId::SimoneEscalation,
        StepId::ClarityCheck,
        StepId::Eta3x24,
        StepId::ServiceGuarantee,
        StepId::TicketNumber,
        StepId::Closing,
        StepId::ForbiddenPhrases,
    ];

    /// The id as written in profiles and reports.
    pub const fn as_str(self) -> &'static str {
        match self {
            StepId::Greeting => "greeting",
            StepId::CallerName => "caller_name",
            StepId::PriorReportQuestion => "prior_report_question",
            StepId::DataVerification => "data_verification",
            StepId::Empathy => "empathy",
            StepId::StatusUpdate => "status_update",
            StepId::PhoneVerification => "phone_verification",
            StepId::ApktAction => "apkt_action",
            StepId::ApktNote => "apkt_note",
            StepId::SimoneEscalation => "simone_escalation",
            StepId::ClarityCheck => "clarity_check",
            StepId::Eta3x24 => "eta_3x24",
            StepId::ServiceGuarantee => "service_guarantee",
            StepId::TicketNumber => "ticket_number",
            StepId::Closing => "closing",
            StepId::ForbiddenPhrases => "forbidden_phrases",
        }
    }

    /// Position in report order: the index of the step's slot in a `[T; 16]`.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The step of a report-order position.
    pub fn from_index(i: usize) -> Option<StepId> {
        StepId::ALL.get(i).copied()
    }

    /// The step named `s`, if it is one of the sixteen ids.
    pub fn from_name(s: &str) -> Option<StepId> {
        StepId::ALL.into_iter().find(|id| id.as_str() == s)
    }

    /// Every id, comma-separated, for error messages.
    pub fn known() -> String {
        STEP_IDS.join(", ")
    }
}

impl std::fmt::Display for StepId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is not one of the sixteen step ids.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown step id {0:?}")]
pub struct UnknownStep(pub String);

impl std::str::FromStr for StepId {
    type Err = UnknownStep;

    fn from_str(s: &str) -> Result<StepId, UnknownStep> {
        StepId::from_name(s).ok_or_else(|| UnknownStep(s.to_string()))
    }
}

/// The step ids as strings, in report order (derived from [`StepId::ALL`]), for code that
/// only writes names (headers, the generator's truth files).
pub const STEP_IDS: [&str; STEP_COUNT] = {
    let mut out = [""; STEP_COUNT];
    let mut i = 0;
    while i < STEP_COUNT {
        out[i] = StepId::ALL[i].as_str();
        i += 1;
    }
    out
};

/// When a verdict's evidence happened, in the unit of its source: a turn's start in
/// seconds from call start, or an action row's timestamp. Written out by the reports
/// (`evidence_time` / `evidence_at`), which alone choose the text form.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum EvidenceTime {
    /// Seconds from call start of the evidence turn.
    Offset(f64),
    /// Timestamp of the evidence action.
    At(Timestamp),
}

/// The five SOP branches of SPEC §2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PathKind {
    FirstReport,
    TusbungPaid,
    RepeatResolved,
    RepeatOpenLt12h,
    RepeatOpenGe12h,
}

impl PathKind {
    pub const ALL: [PathKind; 5] = [
        PathKind::FirstReport,
        PathKind::TusbungPaid,
        PathKind::RepeatResolved,
        PathKind::RepeatOpenLt12h,
        PathKind::RepeatOpenGe12h,
    ];

    /// The name used in reports and ground truth.
    pub fn as_str(self) -> &'static str {
        match self {
            PathKind::FirstReport => "FIRST_REPORT",
            PathKind::TusbungPaid => "TUSBUNG_PAID",
            PathKind::RepeatResolved => "REPEAT_RESOLVED",
            PathKind::RepeatOpenLt12h => "REPEAT_OPEN_LT12H",
            PathKind::RepeatOpenGe12h => "REPEAT_OPEN_GE12H",
        }
    }

    pub fn from_name(s: &str) -> Option<PathKind> {
        PathKind::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// Whether the caller had a prior report (the repeat branches).
    pub fn is_repeat(self) -> bool {
        matches!(
            self,
            PathKind::RepeatResolved | PathKind::RepeatOpenLt12h | PathKind::RepeatOpenGe12h
        )
    }
}

/// A step verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    Pass,
    Fail,
    Na,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "PASS",
            Status::Fail => "FAIL",
            Status::Na => "NA",
        }
    }

    pub fn from_name(s: &str) -> Option<Status> {
        match s.trim().to_ascii_uppercase().as_str() {
            "PASS" => Some(Status::Pass),
            "FAIL" => Some(Status::Fail),
            "NA" | "N/A" => Some(Status::Na),
            _ => None,
        }
    }
}

/// An input record or file that could not be used; becomes a row of `rejects.csv`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Reject {
    pub file: String,
    /// 1-based line, `None` for a whole file.
    pub line: Option<u64>,
    /// The call concerned, empty when unknown.
    pub call_id: String,
    pub reason: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_ids_round_trip_in_report_order() {
        for (i, id) in StepId::ALL.into_iter().enumerate() {
            assert_eq!(id.index(), i);
            assert_eq!(StepId::from_index(i), Some(id));
            assert_eq!(id.as_str().parse::<StepId>(), Ok(id));
            assert_eq!(STEP_IDS[i], id.as_str());
        }
        assert_eq!(
            "greetings".parse::<StepId>(),
            Err(UnknownStep("greetings".into()))
        );
        assert_eq!(StepId::ALL.len(), 16);
    }

    /// The rendering `describe` had when it was built with `format!`.
    fn by_format(a: &Action) -> String {
        let system = match a.kind.system() {
            System::Apkt => "APKT",
            System::Simone => "SIMONE",
        };
        let mut s = format!("{} {} {}", system, a.kind.as_str(), a.report_no);
        for (label, value) in [
            ("ref", &a.ref_report_no),
            ("category", &a.category),
            ("type", &a.escalation_type),
            ("note", &a.note),
        ] {
            if !value.is_empty() {
                s.push_str(&format!(" {label}={value}"));
            }
        }
        s.push_str(&format!(" ({} line {})", a.file, a.line));
        s
    }

    #[test]
    fn describe_renders_every_field() {
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-20T08:15:03+07:00").unwrap();
        let mut a = Action {
            call_id: "C1".into(),
            at,
            kind: ActionKind::Escalate,
            report_no: "K1".into(),
            ref_report_no: String::new(),
            category: "GANGGUAN".into(),
            escalation_type: String::new(),
            note: "a, b".into(),
            line: 42,
            file: "actions.csv".into(),
        };
        assert_eq!(
            a.describe(),
            "SIMONE escalate K1 category=GANGGUAN note=a, b (actions.csv line 42)"
        );
        assert_eq!(a.describe(), by_format(&a));
        a.kind = ActionKind::LaporUlang;
        a.ref_report_no = "K0".into();
        a.escalation_type = "X".into();
        a.report_no.clear();
        assert_eq!(a.describe(), by_format(&a));
    }
}
