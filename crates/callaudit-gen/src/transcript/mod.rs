//! Renders a [`Scenario`] as clean dialogue: turns with times, in the order a PLN 123 call
//! runs (greeting, the caller's problem, name, prior report, verification, empathy, status,
//! phone, APKT work on hold, guarantee, ticket, estimate, clarity, closing).
//!
//! Every decision was made by the scenario; this module only picks wordings from the
//! [`Phrasebook`], fills the placeholders, times the turns (speech rate, gaps, holds) and
//! records whether the wording that carries each step came from a held-out pool. It also
//! returns the moments the agent worked in APKT / SIMONE, so the action log lines up with
//! the holds in the conversation.

mod closing;
mod opening;

use super::facts::{Scenario, Step, N_STEPS};
use super::phrases::{self, Phrasebook, Pool};
use super::rng::Rng;
use super::spoken::{self, NumberForm};
use callaudit::model::{Role, Turn};

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
