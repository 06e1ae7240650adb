//! The second half of a call, in order: phone verification, the APKT / SIMONE work on
//! hold, the service guarantee, the ticket number, the time estimate, the clarity check,
//! the wrap-up and the closing.

use super::Renderer;
use crate::clock::Band;
use crate::facts::{
    ClosingV, EmpathyV, EtaV, ForbiddenV, GuaranteeV, NumberKind, PhoneV, Step, TicketPlan,
};
use crate::phrases;
use callaudit::model::{ActionKind, PathKind};

impl Renderer<'_> {
    pub(super) fn phone_verification(&mut self) {
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

    pub(super) fn process(&mut self) {
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

    pub(super) fn guarantee(&mut self) {
        let book = self.book;
        let pool = match self.sc.v.guarantee {
            None => &book.guarantee,
            Some(GuaranteeV::Weak) => &book.guarantee_weak,
            Some(GuaranteeV::Omitted) => return,
        };
        let line = self.say(pool, Some(Step::ServiceGuarantee));
        self.agent(line);
    }

    pub(super) fn ticket(&mut self) {
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

    pub(super) fn ask_and_answer_eta(&mut self) {
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

    pub(super) fn eta(&mut self) {
        let sc = self.sc;
        if sc.eta_asked {
            self.ask_and_answer_eta();
        } else if sc.traps.eta_volunteer {
            let line = self.line(phrases::ETA_VOLUNTEER);
            self.agent(line);
        }
    }

    pub(super) fn clarity(&mut self) {
        if self.sc.v.clarity {
            return;
        }
        let book = self.book;
        let q = self.say(&book.clarity, Some(Step::ClarityCheck));
        self.agent(q);
        let a = self.line(phrases::CLARITY_REPLY);
        self.caller(a);
    }

    pub(super) fn wrap_up(&mut self) {
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

    pub(super) fn closing(&mut self) {
        let sc = self.sc;
        let book = self.book;
        let forbidden = sc.v.forbidden.map(|f| {
            let pool = match f {
                ForbiddenV::Intimacy => &book.forbidden_intimacy,
                ForbiddenV::Ilp => &book.forbidden_ilp,
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
}
