//! Renders a [`Scenario`] as clean dialogue: turns with times, in the order a PLN 123 call
//! runs (greeting, the caller's problem, name, prior report, verification, empathy, status,
//! phone, APKT work on hold, guarantee, ticket, estimate, clarity, closing).
//!
//! Every decision was made by the scenario; this module only picks wordings from the
//! [`Phrasebook`], fills the placeholders, times the turns (speech rate, gaps, holds) and
//! records whether the wording that carries each step came from a held-out pool. It also
//! returns the moments the agent worked in APKT / SIMONE, so the action log lines up with
//! the holds in the conversation.

use super::clock::Band;
use super::facts::{
    ClosingV, DataV, EmpathyV, EtaV, FirstAnswer, GreetingV, GuaranteeV, IdAnswer, Link, NameV,
    NumberKind, PhoneV, PriorQV, Scenario, Step, TicketPlan, Urgency, N_STEPS, URGENT,
};
use super::phrases::{self, Phrasebook, Pool};
use super::rng::Rng;
use super::spoken::{self, NumberForm};
use callaudit::model::{ActionKind, PathKind, Role, Turn};

/// When, in seconds from the call's start, the agent worked in the systems.
#[derive(Debug, Clone, Copy, Default)]
pub struct Anchors {
    /// APKT search for the prior report.
    pub search: f64,
    /// First APKT form (create / update / lapor_ulang).
    pub apkt: f64,
    /// First SIMONE action.
    pub escalate: f64,
}

/// A rendered call before noise.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub turns: Vec<Turn>,
    /// Per step: the deciding wording came from a held-out pool.
    pub holdout: [bool; N_STEPS],
    pub anchors: Anchors,
    /// Call length in seconds.
    pub duration: f64,
}

/// Renders one call's dialogue.
pub fn render(sc: &Scenario, book: &Phrasebook, rng: &mut Rng) -> Rendered {
    let mut r = Renderer::new(sc, book, rng);
    r.greeting();
    r.opening();
    r.caller_name();
    r.first_report_details();
    r.prior_question();
    r.data_verification();
    r.empathy_and_urgency();
    r.status_update();
    r.phone_verification();
    r.process();
    r.guarantee();
    r.ticket();
    r.eta();
    r.clarity();
    r.wrap_up();
    r.closing();
    r.finish()
}

struct Renderer<'a> {
    sc: &'a Scenario,
    book: &'a Phrasebook,
    rng: &'a mut Rng,
    /// End of the last turn (or hold), seconds.
    t: f64,
    turns: Vec<Turn>,
    /// Agent lines waiting to become one turn.
    buf: String,
    holdout: [bool; N_STEPS],
    anchors: Anchors,
    /// Time-of-day word for `{tod}`.
    tod: &'static str,
    /// Reads "0" as "kosong" in this call.
    kosong: bool,
    /// Number for `{no}`.
    no: String,
    /// Number for `{old}`.
    old: String,
    /// `{cname}` / `{cfull}` while the agent addresses the caller by a wrong name.
    wrong_name: Option<(&'static str, String)>,
    eta_done: bool,
}

impl<'a> Renderer<'a> {
    fn new(sc: &'a Scenario, book: &'a Phrasebook, rng: &'a mut Rng) -> Self {
        let kosong = rng.chance(0.4);
        Renderer {
            sc,
            book,
            rng,
            t: 0.0,
            turns: Vec::with_capacity(40),
            buf: String::with_capacity(256),
            holdout: [false; N_STEPS],
            anchors: Anchors::default(),
            tod: sc.band.word(),
            kosong,
            no: sc.new_no.clone().unwrap_or_default(),
            old: sc.prior.as_ref().map(|p| p.no.clone()).unwrap_or_default(),
            wrong_name: None,
            eta_done: false,
        }
    }

    // ---- words

    /// Fills a template's placeholders.
    fn fill(&mut self, tpl: &str) -> String {
        let sc = self.sc;
        let mut out = String::with_capacity(tpl.len() + 48);
        let mut rest = tpl;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("closed placeholder");
            let key = &rest[open + 1..close];
            rest = &rest[close + 1..];
            match key {
                "hon" => out.push_str(if sc.caller.male { "Bapak" } else { "Ibu" }),
                "hs" => out.push_str(if sc.caller.male { "Pak" } else { "Bu" }),
                "cname" => match &self.wrong_name {
                    Some((first, _)) => out.push_str(first),
                    None => out.push_str(sc.caller.first),
                },
                "cfull" => match &self.wrong_name {
                    Some((_, full)) => out.push_str(full),
                    None => out.push_str(&sc.caller.full),
                },
                "agent" => out.push_str(sc.agent.name),
                "tod" => out.push_str(self.tod),
                "mbak" => out.push_str(if sc.agent.female { "Mbak" } else { "Mas" }),
                "no" => {
                    let form = NumberForm::pick(self.rng);
                    out.push_str(&spoken::report_number(&self.no, form, self.kosong));
                }
                "old" => {
                    // Callers and agents referring to an existing number say it in full.
                    let form = loop {
                        let f = NumberForm::pick(self.rng);
                        if f != NumberForm::Ending {
                            break f;
                        }
                    };
                    out.push_str(&spoken::report_number(&self.old, form, self.kosong));
                }
                "rname" => {
                    let p = sc.prior.as_ref().expect("repeat path");
                    out.push_str(if p.name_male { "Bapak " } else { "Ibu " });
                    out.push_str(&p.name);
                }
                "addr" => {
                    let long = self.rng.chance(0.5);
                    out.push_str(&sc.address.spoken(long));
                }
                "rprob" => out.push_str(sc.problem.spoken),
                "answer" => {
                    let a = sc.prior.as_ref().and_then(|p| p.answer).map_or("", |a| a.1);
                    out.push_str(a);
                }
                "phone" => {
                    let p = spoken::phone(&sc.caller.given_mobile, self.rng);
                    out.push_str(&p);
                }
                "idpel" => {
                    let p = spoken::idpel(&sc.caller.idpel, self.rng);
                    out.push_str(&p);
                }
                "eta" => out.push_str(self.rng.pick_str(phrases::ETA_FORMS)),
                other => panic!("unknown placeholder {other}"),
            }
        }
        out.push_str(rest);
        out
    }

    /// A phrase from a step pool, marking the step held out when it was.
    fn say(&mut self, pool: &Pool, step: Option<Step>) -> String {
        let (tpl, held) = if self.sc.may_use_name() {
            pool.pick(self.rng)
        } else {
            pool.pick_nameless(self.rng)
        };
        if let Some(s) = step {
            self.holdout[s as usize] |= held;
        }
        self.fill(tpl)
    }

    /// A phrase from a plain list (no held-out split: it carries no step).
    fn line(&mut self, list: &[&'static str]) -> String {
        let tpl = *self.rng.pick(list);
        self.fill(tpl)
    }

    // ---- timing

    fn push_turn(&mut self, role: Role, text: String, gap: f64) {
        let words = text.split_whitespace().count() as f64;
        let rate = match role {
            Role::Agent => 2.5 + self.rng.unit() * 0.8,
            Role::Caller => 2.1 + self.rng.unit() * 0.7,
        };
        let start = self.t + gap;
        let dur = (words / rate + 0.2).max(1.3);
        let start = (start * 10.0).round() / 10.0;
        let end = ((start + dur) * 10.0).round() / 10.0;
        self.t = end;
        self.turns.push(Turn {
            role,
            start,
            end,
            text,
        });
    }

    fn gap(&mut self) -> f64 {
        0.3 + self.rng.unit() * 1.1
    }

    /// Adds an agent line, usually to the current turn, sometimes as a new turn.
    fn agent(&mut self, text: String) {
        if !self.buf.is_empty() {
            if self.rng.chance(0.2) {
                self.flush();
            } else {
                self.buf.push(' ');
            }
        }
        self.buf.push_str(&text);
    }

    fn flush(&mut self) {
        if self.buf.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.buf);
        let gap = self.gap();
        self.push_turn(Role::Agent, text, gap);
    }

    fn caller(&mut self, text: String) {
        self.flush();
        let gap = self.gap();
        self.push_turn(Role::Caller, text, gap);
    }

    /// Silence while the agent works; returns when it started.
    fn hold(&mut self, lo: f64, hi: f64) -> f64 {
        self.flush();
        let start = self.t;
        self.t += lo + self.rng.unit() * (hi - lo);
        start
    }

    // ---- the call, in order

    fn greeting(&mut self) {
        let sc = self.sc;
        let book = self.book;
        let (pool, tod) = match sc.v.greeting {
            None | Some(GreetingV::Late) => (&book.greeting, sc.band),
            Some(GreetingV::WrongTod) => (&book.greeting, sc.band.confused(self.rng.next_u64())),
            Some(GreetingV::NoName) => (&book.greeting_no_name, sc.band),
            Some(GreetingV::NoPln) => (&book.greeting_no_pln, sc.band),
            Some(GreetingV::NoOffer) => (&book.greeting_no_offer, sc.band),
            Some(GreetingV::Omitted) => (&book.greeting_none, sc.band),
        };
        self.tod = tod.word();
        let text = self.say(pool, Some(Step::Greeting));
        self.tod = sc.band.word();
        self.t = if sc.v.greeting == Some(GreetingV::Late) {
            21.0 + self.rng.unit() * 14.0
        } else {
            0.3 + self.rng.unit() * 2.2
        };
        self.push_turn(Role::Agent, text, 0.0);
    }

    fn urgent_cue(&mut self) -> String {
        let book = self.book;
        let pool = match self.sc.urgency.expect("urgent call") {
            Urgency::Sick => &book.urgent_sick,
            Urgency::Complaint => &book.urgent_complaint,
            Urgency::Threat => &book.urgent_threat,
            Urgency::Danger => &book.urgent_danger,
        };
        self.say(pool, Some(Step::SimoneEscalation))
    }

    fn opening(&mut self) {
        let sc = self.sc;
        let mut text = String::new();
        if self.rng.chance(0.5) {
            text.push_str(&self.line(phrases::CALLER_HELLO));
            text.push(' ');
        }
        let problem_line = |r: &mut Self| r.line(sc.problem.caller);
        match sc.path {
            PathKind::FirstReport | PathKind::TusbungPaid => text.push_str(&problem_line(self)),
            PathKind::RepeatResolved => {
                text.push_str(&self.line(phrases::REPEAT_RESOLVED_OPENING));
                if self.rng.chance(0.6) {
                    text.push(' ');
                    text.push_str(&problem_line(self));
                }
            }
            PathKind::RepeatOpenLt12h | PathKind::RepeatOpenGe12h => {
                text.push_str(&self.line(phrases::REPEAT_OPEN_OPENING));
                if self.rng.chance(0.6) {
                    text.push(' ');
                    text.push_str(&problem_line(self));
                }
            }
        }
        if sc.urgency.is_some() && sc.traps.urgent_early {
            text.push(' ');
            text.push_str(&self.urgent_cue());
        }
        if sc.traps.urgent_negated && sc.traps.urgent_early {
            text.push(' ');
            let book = self.book;
            text.push_str(&self.say(&book.urgent_negated, Some(Step::SimoneEscalation)));
        }
        self.caller(text);
    }

    fn caller_name(&mut self) {
        let sc = self.sc;
        let book = self.book;
        match sc.v.caller_name {
            None => {}
            Some(NameV::Omitted) => return,
            Some(NameV::WrongName { first, surname }) => {
                // Addressed by another name, in the words of addressing a caller by name.
                let (tpl, held) = book.crm_address.pick(self.rng);
                self.holdout[Step::CallerName as usize] |= held;
                self.wrong_name = Some((first, format!("{first} {surname}")));
                let line = self.fill(tpl);
                self.wrong_name = None;
                self.agent(line);
                let reply = self.line(phrases::WRONG_NAME_REPLY);
                self.caller(reply);
                return;
            }
        }
        if sc.caller.crm {
            let line = self.say(&book.crm_address, Some(Step::CallerName));
            self.agent(line);
            let reply = self.line(phrases::CRM_CONFIRM);
            self.caller(reply);
        } else {
            let pool = if sc.traps.name_q_maaf {
                &book.ask_name_maaf
            } else {
                &book.ask_name
            };
            let line = self.say(pool, Some(Step::CallerName));
            self.agent(line);
            let reply = self.line(phrases::NAME_ANSWER);
            self.caller(reply);
        }
    }

    fn first_report_details(&mut self) {
        let sc = self.sc;
        if sc.path.is_repeat() {
            return;
        }
        if self.rng.chance(0.6) {
            let q = self.line(phrases::ASK_ADDRESS);
            self.agent(q);
            let a = self.line(phrases::GIVE_ADDRESS);
            self.caller(a);
            if self.rng.chance(0.3) {
                let rb = self.line(phrases::ADDRESS_READBACK);
                self.agent(rb);
            }
        }
        // Asking for the customer id looks like the prior-report id question; never when
        // that question's truth hinges on whether the id was asked.
        if sc.v.prior_q.is_none() && self.rng.chance(0.3) {
            let q = self.line(phrases::ASK_IDPEL);
            self.agent(q);
            let a = self.line(phrases::ID_GIVE_IDPEL);
            self.caller(a);
        }
    }

    fn check_hold(&mut self) {
        let line = self.line(phrases::HOLD_CHECK);
        self.agent(line);
        let start = self.hold(6.0, 25.0);
        self.anchors.search = start + 2.0;
        if self.rng.chance(0.6) {
            let back = self.line(phrases::HOLD_BACK);
            self.agent(back);
        }
    }

    fn prior_question(&mut self) {
        let sc = self.sc;
        let book = self.book;
        let repeat = sc.path.is_repeat();
        let said_yes = repeat || sc.first_answer != FirstAnswer::No;
        if sc.v.prior_q == Some(PriorQV::Omitted) {
            if repeat {
                self.check_hold();
            }
            return;
        }
        let pool = if sc.traps.prior_q_maaf {
            &book.prior_ask_maaf
        } else {
            &book.prior_ask
        };
        let q = self.say(pool, Some(Step::PriorReportQuestion));
        self.agent(q);
        let answer_pool = if said_yes {
            &book.prior_yes
        } else {
            &book.prior_no
        };
        let a = self.say(answer_pool, Some(Step::PriorReportQuestion));
        self.caller(a);
        if !said_yes {
            return;
        }
        if sc.v.prior_q != Some(PriorQV::NoIdAsk) {
            let q = self.say(&book.prior_id_ask, Some(Step::PriorReportQuestion));
            self.agent(q);
            let answer = match (&sc.prior, sc.first_answer) {
                (None, FirstAnswer::YesNotFound) => {
                    self.old = sc.ghost_no.clone();
                    let a = self.line(phrases::ID_GIVE_NUMBER);
                    self.old.clear();
                    a
                }
                (None, _) => self.line(phrases::ID_UNKNOWN),
                (Some(p), _) => {
                    // A caller whose report is found only by phone gives the phone.
                    let kind = if p.link == Link::Phone {
                        IdAnswer::Phone
                    } else {
                        sc.id_answer
                    };
                    match kind {
                        IdAnswer::Number => self.line(phrases::ID_GIVE_NUMBER),
                        IdAnswer::Phone if sc.caller.kind != NumberKind::Withheld => {
                            self.line(phrases::ID_GIVE_PHONE)
                        }
                        IdAnswer::Idpel | IdAnswer::Phone => self.line(phrases::ID_GIVE_IDPEL),
                        IdAnswer::Unknown => self.line(phrases::ID_UNKNOWN),
                    }
                }
            };
            self.caller(answer);
        }
        self.check_hold();
        if !repeat {
            let line = if sc.first_answer == FirstAnswer::YesNotFound && sc.v.prior_q.is_none() {
                self.line(phrases::NOT_FOUND)
            } else {
                self.fill("Baik {hs}, kalau begitu kami buatkan laporan baru ya.")
            };
            self.agent(line);
        }
    }

    fn data_verification(&mut self) {
        let sc = self.sc;
        let book = self.book;
        let Some(prior) = &sc.prior else { return };
        let pool = match sc.v.data {
            None => &book.data_verif,
            Some(DataV::NameAddr) => &book.data_verif_name_addr,
            Some(DataV::NameOnly) => &book.data_verif_name,
            Some(DataV::Omitted) => return,
        };
        let line = self.say(pool, Some(Step::DataVerification));
        self.agent(line);
        let reply = if prior.is_caller {
            self.line(phrases::DATA_CONFIRM)
        } else {
            self.line(phrases::DATA_CONFIRM_OTHER)
        };
        self.caller(reply);
    }

    fn empathy_and_urgency(&mut self) {
        let sc = self.sc;
        let book = self.book;
        if sc.v.empathy.is_none() {
            let line = self.say(&book.empathy, Some(Step::Empathy));
            self.agent(line);
            if self.rng.chance(0.4) {
                let ack = self.line(phrases::ACK);
                self.caller(ack);
            }
        }
        if sc.urgency.is_some() && !sc.traps.urgent_early {
            let cue = self.urgent_cue();
            self.caller(cue);
            if sc.escalations.iter().any(|e| e.kind == URGENT) && self.rng.chance(0.6) {
                let ack = self.line(phrases::URGENT_ACK);
                self.agent(ack);
            }
        }
        if sc.traps.urgent_negated && !sc.traps.urgent_early {
            let line = self.say(&book.urgent_negated, Some(Step::SimoneEscalation));
            self.caller(line);
        }
        if !sc.path.is_repeat() && sc.eta_asked && sc.traps.eta_early {
            self.ask_and_answer_eta();
        }
    }

    fn status_update(&mut self) {
        let sc = self.sc;
        let book = self.book;
        let Some(prior) = &sc.prior else { return };
        if !sc.v.status {
            let pool = if sc.path == PathKind::RepeatResolved {
                &book.status_resolved
            } else if prior.answer.is_some() {
                &book.status_open
            } else {
                &book.status_pending
            };
            let line = self.say(pool, Some(Step::StatusUpdate));
            self.agent(line);
        }
        if sc.eta_asked && sc.traps.eta_early {
            self.ask_and_answer_eta();
        } else if self.rng.chance(0.5) {
            let ack = self.line(phrases::ACK);
            self.caller(ack);
        }
    }

    fn phone_verification(&mut self) {
        let sc = self.sc;
        let book = self.book;
        let mobile = sc.caller.kind == NumberKind::Mobile;
        match sc.v.phone {
            Some(PhoneV::Omitted) => {}
            None if mobile => {
                let q = self.say(&book.phone_this, Some(Step::PhoneVerification));
                self.agent(q);
                if sc.traps.mobile_unreachable {
                    let no = self.line(phrases::PHONE_THIS_NO);
                    self.caller(no);
                    let q = self.say(&book.phone_other, Some(Step::PhoneVerification));
                    self.agent(q);
                    let give = self.line(phrases::PHONE_GIVE);
                    self.caller(give);
                } else {
                    let yes = self.line(phrases::PHONE_THIS_YES);
                    self.caller(yes);
                }
            }
            None => {
                let q = self.say(&book.phone_mobile, Some(Step::PhoneVerification));
                self.agent(q);
                let give = self.line(phrases::PHONE_GIVE);
                self.caller(give);
            }
            Some(PhoneV::WrongKind) if mobile => {
                let q = self.say(&book.phone_mobile, Some(Step::PhoneVerification));
                self.agent(q);
                let give = self.line(phrases::PHONE_GIVE);
                self.caller(give);
            }
            Some(PhoneV::WrongKind) => {
                let q = self.say(&book.phone_this, Some(Step::PhoneVerification));
                self.agent(q);
                let yes = self.line(phrases::PHONE_THIS_YES);
                self.caller(yes);
            }
        }
    }

    fn process(&mut self) {
        let sc = self.sc;
        let line = match sc.apkt.first().map(|a| a.kind) {
            Some(ActionKind::Create) => self.line(phrases::PROCESS_CREATE),
            Some(_) => self.line(phrases::PROCESS_UPDATE),
            None => self.line(phrases::PROCESS_NEUTRAL),
        };
        self.agent(line);
        let start = self.hold(28.0, 60.0);
        self.anchors.apkt = start + 3.0;
        self.anchors.escalate = start + 14.0;
        let wait_apology = sc.v.empathy == Some(EmpathyV::WaitOnly) || sc.traps.wait_apology;
        if !wait_apology && self.rng.chance(0.6) {
            let back = self.line(phrases::HOLD_BACK);
            self.agent(back);
        }
        if wait_apology {
            let book = self.book;
            let pool = &book.apology_wait;
            let step = (sc.v.empathy == Some(EmpathyV::WaitOnly)).then_some(Step::Empathy);
            let line = self.say(pool, step);
            self.agent(line);
        }
    }

    fn guarantee(&mut self) {
        let book = self.book;
        let pool = match self.sc.v.guarantee {
            None => &book.guarantee,
            Some(GuaranteeV::Weak) => &book.guarantee_weak,
            Some(GuaranteeV::Omitted) => return,
        };
        let line = self.say(pool, Some(Step::ServiceGuarantee));
        self.agent(line);
    }

    fn ticket(&mut self) {
        let sc = self.sc;
        let book = self.book;
        let read = match sc.ticket {
            TicketPlan::New => {
                let line = self.say(&book.ticket_new, Some(Step::TicketNumber));
                self.agent(line);
                if sc.path == PathKind::RepeatResolved {
                    if self.rng.chance(0.5) {
                        let link = self.say(&book.ticket_linked, Some(Step::TicketNumber));
                        self.agent(link);
                    } else {
                        let noted = self.line(phrases::TICKET_NOTED);
                        let why = self.line(phrases::WHY_NEW_NUMBER);
                        self.caller(format!("{noted} {why}"));
                        let link = self.say(&book.ticket_linked, Some(Step::TicketNumber));
                        self.agent(link);
                        return;
                    }
                }
                true
            }
            TicketPlan::Same => {
                let line = self.say(&book.ticket_same, Some(Step::TicketNumber));
                self.agent(line);
                false
            }
            TicketPlan::WrongNumber => {
                if sc.path == PathKind::RepeatResolved {
                    self.no = self.old.clone();
                }
                let line = self.say(&book.ticket_new, Some(Step::TicketNumber));
                self.agent(line);
                true
            }
            TicketPlan::NoNumber => {
                let line = self.say(&book.ticket_none, Some(Step::TicketNumber));
                self.agent(line);
                false
            }
            TicketPlan::Omitted => false,
        };
        if read {
            let noted = self.line(phrases::TICKET_NOTED);
            self.caller(noted);
        }
    }

    fn ask_and_answer_eta(&mut self) {
        let sc = self.sc;
        let book = self.book;
        if self.eta_done {
            return;
        }
        self.eta_done = true;
        let q = self.say(&book.eta_ask, Some(Step::Eta3x24));
        self.caller(q);
        match sc.v.eta {
            None => {
                let a = self.say(&book.eta_answer, Some(Step::Eta3x24));
                self.agent(a);
            }
            Some(EtaV::Wrong) => {
                let a = self.say(&book.eta_wrong, Some(Step::Eta3x24));
                self.agent(a);
            }
            Some(EtaV::Omitted) => {}
        }
    }

    fn eta(&mut self) {
        let sc = self.sc;
        if sc.eta_asked {
            self.ask_and_answer_eta();
        } else if sc.traps.eta_volunteer {
            let line = self.line(phrases::ETA_VOLUNTEER);
            self.agent(line);
        }
    }

    fn clarity(&mut self) {
        if self.sc.v.clarity {
            return;
        }
        let book = self.book;
        let q = self.say(&book.clarity, Some(Step::ClarityCheck));
        self.agent(q);
        let a = self.line(phrases::CLARITY_REPLY);
        self.caller(a);
    }

    fn wrap_up(&mut self) {
        let sc = self.sc;
        let book = self.book;
        if sc.traps.negated_forbidden || self.rng.chance(0.55) {
            let q = self.line(phrases::ANYTHING_ELSE);
            self.agent(q);
            if sc.traps.negated_forbidden {
                // The caller asks about the topic the agent then declines.
                let no = self.say(&book.negated_forbidden, Some(Step::ForbiddenPhrases));
                let asks = if no.contains("kompor") {
                    phrases::CALLER_ASK_KOMPOR
                } else if no.contains("ILP") {
                    phrases::CALLER_ASK_ILP
                } else {
                    phrases::CALLER_ASK_TAMBAH_DAYA
                };
                let ask = self.line(asks);
                self.caller(ask);
                self.agent(no);
            }
            let mut done = self.line(phrases::NOTHING_ELSE);
            if sc.traps.caller_intimacy {
                done.push(' ');
                done.push_str(&self.line(phrases::CALLER_INTIMACY));
            }
            self.caller(done);
        } else if sc.traps.caller_intimacy {
            let line = self.line(phrases::CALLER_INTIMACY);
            self.caller(line);
        } else if self.rng.chance(0.4) {
            let line = self.line(phrases::CALLER_THANKS);
            self.caller(line);
        }
    }

    fn closing(&mut self) {
        let sc = self.sc;
        let book = self.book;
        let forbidden = sc.v.forbidden.map(|f| {
            let pool = match f {
                super::facts::ForbiddenV::Intimacy => &book.forbidden_intimacy,
                super::facts::ForbiddenV::Ilp => &book.forbidden_ilp,
            };
            self.say(pool, Some(Step::ForbiddenPhrases))
        });
        let mut lines: Vec<String> = Vec::with_capacity(3);
        let campaign = matches!(
            sc.v.closing,
            None | Some(ClosingV::NoThanks) | Some(ClosingV::WrongTod)
        );
        if campaign {
            lines.push(self.say(&book.campaign, Some(Step::Closing)));
        }
        let last = match sc.v.closing {
            None | Some(ClosingV::NoCampaign) => self.say(&book.thanks, Some(Step::Closing)),
            Some(ClosingV::WrongTod) => {
                let wrong: Band = sc.band.confused(self.rng.next_u64());
                self.tod = wrong.word();
                let line = self.say(&book.thanks, Some(Step::Closing));
                self.tod = sc.band.word();
                line
            }
            Some(ClosingV::NoThanks) => self.say(&book.closing_no_thanks, Some(Step::Closing)),
            Some(ClosingV::Omitted) => self.say(&book.closing_none, Some(Step::Closing)),
        };
        lines.push(last);
        if let Some(f) = forbidden {
            match self.rng.below(3) {
                0 => {
                    self.flush();
                    self.agent(f);
                    self.flush();
                }
                1 => {
                    let at = lines.len() - 1;
                    lines.insert(at, f);
                }
                _ => lines.push(f),
            }
        }
        // The closing is the last agent turn (sometimes two): nothing may follow it.
        self.flush();
        if lines.len() >= 2 && self.rng.chance(0.35) {
            let first = lines.remove(0);
            self.buf.push_str(&first);
            self.flush();
        }
        self.buf.push_str(&lines.join(" "));
        self.flush();
    }

    fn finish(mut self) -> Rendered {
        self.flush();
        let duration = self.t + 0.5 + self.rng.unit() * 2.0;
        Rendered {
            turns: self.turns,
            holdout: self.holdout,
            anchors: self.anchors,
            duration,
        }
    }
}
