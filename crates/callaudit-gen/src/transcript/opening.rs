//! The first half of a call, in order: greeting, opening and the caller's problem, the
//! caller's name, the prior-report question, data verification, empathy and urgency,
//! the status update.

use super::Renderer;
use crate::facts::{
    DataV, FirstAnswer, GreetingV, IdAnswer, Link, NameV, NumberKind, PriorQV, Step, Urgency,
    URGENT,
};
use crate::phrases;
use callaudit::model::{PathKind, Role};

impl Renderer<'_> {
    pub(super) fn greeting(&mut self) {
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

    pub(super) fn urgent_cue(&mut self) -> String {
        let book = self.book;
        let pool = match self.sc.urgency.expect("urgent call") {
            Urgency::Sick => &book.urgent_sick,
            Urgency::Complaint => &book.urgent_complaint,
            Urgency::Threat => &book.urgent_threat,
            Urgency::Danger => &book.urgent_danger,
        };
        self.say(pool, Some(Step::SimoneEscalation))
    }

    pub(super) fn opening(&mut self) {
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

    pub(super) fn caller_name(&mut self) {
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

    pub(super) fn first_report_details(&mut self) {
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

    pub(super) fn check_hold(&mut self) {
        let line = self.line(phrases::HOLD_CHECK);
        self.agent(line);
        let start = self.hold(6.0, 25.0);
        self.anchors.search = start + 2.0;
        if self.rng.chance(0.6) {
            let back = self.line(phrases::HOLD_BACK);
            self.agent(back);
        }
    }

    pub(super) fn prior_question(&mut self) {
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

    pub(super) fn data_verification(&mut self) {
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

    pub(super) fn empathy_and_urgency(&mut self) {
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

    pub(super) fn status_update(&mut self) {
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
}
