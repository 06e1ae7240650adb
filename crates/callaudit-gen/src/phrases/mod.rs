//! Paraphrase pools: every way the generator lets an agent or a caller say a line.
//!
//! Written from the SOP and from how PLN 123 agents and callers actually talk (formal
//! script lines, casual ones, Jakarta colloquial). Each pool is split once, by a fixed hash
//! of the phrase text, into a training part and a held-out part (about a quarter,
//! [`Pool::new`]); `truth.csv` marks a step `holdout = true` when the wording that decides
//! it came from the held-out part, so an evaluation can tell phrase-list recall from
//! generalisation. The split does not depend on the seed, so it is the same in every
//! archive. This module never looks at the auditor's profiles: the generator must stay
//! independent of the matcher it evaluates.
//!
//! Placeholders filled by [`super::transcript`]: `{hon}` Bapak/Ibu, `{hs}` Pak/Bu, `{cname}`
//! caller's first name, `{cfull}` full name, `{agent}` CSO name, `{tod}` time of day,
//! `{mbak}` how the caller addresses the CSO, `{no}` the new report number as spoken,
//! `{old}` the prior number as spoken, `{rname}` name on the prior report, `{addr}`
//! address, `{rprob}` the report's problem, `{answer}` the unit's answer, `{phone}` a phone
//! number as spoken, `{idpel}` customer id, `{eta}` a spelling of 3 x 24 jam.

use super::rng::{fnv1a, Rng};

/// One pool of paraphrases with its held-out flags.
#[derive(Debug)]
pub struct Pool {
    pub items: &'static [&'static str],
    holdout: Vec<bool>,
}

impl Pool {
    /// Holds out the `(n + 2) / 4` phrases with the smallest FNV-1a hash (about 25 %).
    pub fn new(items: &'static [&'static str]) -> Pool {
        assert!(!items.is_empty(), "empty phrase pool");
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by_key(|&i| (fnv1a(items[i]), i));
        let k = (items.len() + 2) / 4;
        let mut holdout = vec![false; items.len()];
        for &i in &order[..k] {
            holdout[i] = true;
        }
        Pool { items, holdout }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn is_holdout(&self, i: usize) -> bool {
        self.holdout[i]
    }

    /// A uniformly drawn phrase and whether it is held out.
    pub fn pick(&self, rng: &mut Rng) -> (&'static str, bool) {
        let i = rng.index(self.items.len());
        (self.items[i], self.holdout[i])
    }

    /// Like [`Pool::pick`] but never a phrase naming the caller (`{cname}`, `{cfull}`),
    /// for calls where the agent must not address the caller by name.
    pub fn pick_nameless(&self, rng: &mut Rng) -> (&'static str, bool) {
        for _ in 0..32 {
            let (p, h) = self.pick(rng);
            if !p.contains("{cname}") && !p.contains("{cfull}") {
                return (p, h);
            }
        }
        let i = self
            .items
            .iter()
            .position(|p| !p.contains("{cname}") && !p.contains("{cfull}"))
            .expect("pool has a phrase without the caller's name");
        (self.items[i], self.holdout[i])
    }
}

mod closing;
mod opening;
mod service;
mod talk;

pub use closing::*;
pub use opening::*;
pub use service::*;
pub use talk::*;

/// Every pool as `(name, pool)`, for tests and for counting.
pub fn all_pools() -> Vec<(&'static str, &'static [&'static str])> {
    vec![
        ("greeting", GREETING),
        ("greeting_no_name", GREETING_NO_NAME),
        ("greeting_no_pln", GREETING_NO_PLN),
        ("greeting_no_offer", GREETING_NO_OFFER),
        ("greeting_none", GREETING_NONE),
        ("ask_name", ASK_NAME),
        ("ask_name_maaf", ASK_NAME_MAAF),
        ("crm_address", CRM_ADDRESS),
        ("prior_ask", PRIOR_ASK),
        ("prior_ask_maaf", PRIOR_ASK_MAAF),
        ("prior_id_ask", PRIOR_ID_ASK),
        ("prior_yes", PRIOR_YES),
        ("prior_no", PRIOR_NO),
        ("data_verif", DATA_VERIF),
        ("data_verif_name_addr", DATA_VERIF_NAME_ADDR),
        ("data_verif_name", DATA_VERIF_NAME),
        ("empathy", EMPATHY),
        ("apology_wait", APOLOGY_WAIT),
        ("status_open", STATUS_OPEN),
        ("status_pending", STATUS_PENDING),
        ("status_resolved", STATUS_RESOLVED),
        ("phone_this", PHONE_THIS),
        ("phone_other", PHONE_OTHER),
        ("phone_mobile", PHONE_MOBILE),
        ("clarity", CLARITY),
        ("eta_ask", ETA_ASK),
        ("eta_answer", ETA_ANSWER),
        ("eta_forms", ETA_FORMS),
        ("eta_wrong", ETA_WRONG),
        ("guarantee", GUARANTEE),
        ("guarantee_weak", GUARANTEE_WEAK),
        ("ticket_new", TICKET_NEW),
        ("ticket_linked", TICKET_LINKED),
        ("ticket_same", TICKET_SAME),
        ("ticket_none", TICKET_NONE),
        ("campaign", CAMPAIGN),
        ("thanks", THANKS),
        ("closing_no_thanks", CLOSING_NO_THANKS),
        ("closing_none", CLOSING_NONE),
        ("forbidden_intimacy", FORBIDDEN_INTIMACY),
        ("forbidden_ilp", FORBIDDEN_ILP),
        ("negated_forbidden", NEGATED_FORBIDDEN),
        ("caller_intimacy", CALLER_INTIMACY),
        ("urgent_sick", URGENT_SICK),
        ("urgent_complaint", URGENT_COMPLAINT),
        ("urgent_threat", URGENT_THREAT),
        ("urgent_danger", URGENT_DANGER),
        ("urgent_negated", URGENT_NEGATED),
        ("repeat_open_opening", REPEAT_OPEN_OPENING),
        ("repeat_resolved_opening", REPEAT_RESOLVED_OPENING),
    ]
}

/// Every pool, built once with its held-out flags; read-only while generating.
#[derive(Debug)]
pub struct Phrasebook {
    pub greeting: Pool,
    pub greeting_no_name: Pool,
    pub greeting_no_pln: Pool,
    pub greeting_no_offer: Pool,
    pub greeting_none: Pool,
    pub ask_name: Pool,
    pub ask_name_maaf: Pool,
    pub crm_address: Pool,
    pub prior_ask: Pool,
    pub prior_ask_maaf: Pool,
    pub prior_id_ask: Pool,
    pub prior_yes: Pool,
    pub prior_no: Pool,
    pub data_verif: Pool,
    pub data_verif_name_addr: Pool,
    pub data_verif_name: Pool,
    pub empathy: Pool,
    pub apology_wait: Pool,
    pub status_open: Pool,
    pub status_pending: Pool,
    pub status_resolved: Pool,
    pub phone_this: Pool,
    pub phone_other: Pool,
    pub phone_mobile: Pool,
    pub clarity: Pool,
    pub eta_ask: Pool,
    pub eta_answer: Pool,
    pub eta_wrong: Pool,
    pub guarantee: Pool,
    pub guarantee_weak: Pool,
    pub ticket_new: Pool,
    pub ticket_linked: Pool,
    pub ticket_same: Pool,
    pub ticket_none: Pool,
    pub campaign: Pool,
    pub thanks: Pool,
    pub closing_no_thanks: Pool,
    pub closing_none: Pool,
    pub forbidden_intimacy: Pool,
    pub forbidden_ilp: Pool,
    pub negated_forbidden: Pool,
    pub urgent_sick: Pool,
    pub urgent_complaint: Pool,
    pub urgent_threat: Pool,
    pub urgent_danger: Pool,
    pub urgent_negated: Pool,
}

impl Phrasebook {
    pub fn new() -> Phrasebook {
        Phrasebook {
            greeting: Pool::new(GREETING),
            greeting_no_name: Pool::new(GREETING_NO_NAME),
            greeting_no_pln: Pool::new(GREETING_NO_PLN),
            greeting_no_offer: Pool::new(GREETING_NO_OFFER),
            greeting_none: Pool::new(GREETING_NONE),
            ask_name: Pool::new(ASK_NAME),
            ask_name_maaf: Pool::new(ASK_NAME_MAAF),
            crm_address: Pool::new(CRM_ADDRESS),
            prior_ask: Pool::new(PRIOR_ASK),
            prior_ask_maaf: Pool::new(PRIOR_ASK_MAAF),
            prior_id_ask: Pool::new(PRIOR_ID_ASK),
            prior_yes: Pool::new(PRIOR_YES),
            prior_no: Pool::new(PRIOR_NO),
            data_verif: Pool::new(DATA_VERIF),
            data_verif_name_addr: Pool::new(DATA_VERIF_NAME_ADDR),
            data_verif_name: Pool::new(DATA_VERIF_NAME),
            empathy: Pool::new(EMPATHY),
            apology_wait: Pool::new(APOLOGY_WAIT),
            status_open: Pool::new(STATUS_OPEN),
            status_pending: Pool::new(STATUS_PENDING),
            status_resolved: Pool::new(STATUS_RESOLVED),
            phone_this: Pool::new(PHONE_THIS),
            phone_other: Pool::new(PHONE_OTHER),
            phone_mobile: Pool::new(PHONE_MOBILE),
            clarity: Pool::new(CLARITY),
            eta_ask: Pool::new(ETA_ASK),
            eta_answer: Pool::new(ETA_ANSWER),
            eta_wrong: Pool::new(ETA_WRONG),
            guarantee: Pool::new(GUARANTEE),
            guarantee_weak: Pool::new(GUARANTEE_WEAK),
            ticket_new: Pool::new(TICKET_NEW),
            ticket_linked: Pool::new(TICKET_LINKED),
            ticket_same: Pool::new(TICKET_SAME),
            ticket_none: Pool::new(TICKET_NONE),
            campaign: Pool::new(CAMPAIGN),
            thanks: Pool::new(THANKS),
            closing_no_thanks: Pool::new(CLOSING_NO_THANKS),
            closing_none: Pool::new(CLOSING_NONE),
            forbidden_intimacy: Pool::new(FORBIDDEN_INTIMACY),
            forbidden_ilp: Pool::new(FORBIDDEN_ILP),
            negated_forbidden: Pool::new(NEGATED_FORBIDDEN),
            urgent_sick: Pool::new(URGENT_SICK),
            urgent_complaint: Pool::new(URGENT_COMPLAINT),
            urgent_threat: Pool::new(URGENT_THREAT),
            urgent_danger: Pool::new(URGENT_DANGER),
            urgent_negated: Pool::new(URGENT_NEGATED),
        }
    }
}

impl Default for Phrasebook {
    fn default() -> Self {
        Phrasebook::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_pool_has_six_training_phrases_and_a_holdout() {
        for (name, items) in all_pools() {
            let pool = Pool::new(items);
            let held = (0..pool.len()).filter(|&i| pool.is_holdout(i)).count();
            assert!(held >= 1, "{name}: no held-out phrase");
            assert!(pool.len() - held >= 4, "{name}: too few training phrases");
        }
        // The pools that carry a step's wording need at least six training phrases.
        for items in [
            GREETING,
            CRM_ADDRESS,
            PRIOR_ASK,
            PRIOR_ID_ASK,
            DATA_VERIF,
            EMPATHY,
            STATUS_OPEN,
            STATUS_PENDING,
            STATUS_RESOLVED,
            PHONE_THIS,
            PHONE_MOBILE,
            CLARITY,
            ETA_ASK,
            ETA_ANSWER,
            GUARANTEE,
            TICKET_NEW,
            TICKET_SAME,
            TICKET_LINKED,
            CAMPAIGN,
            THANKS,
            FORBIDDEN_INTIMACY,
            FORBIDDEN_ILP,
            URGENT_SICK,
            URGENT_COMPLAINT,
            URGENT_THREAT,
            URGENT_DANGER,
            PRIOR_YES,
            PRIOR_NO,
        ] {
            let pool = Pool::new(items);
            let held = (0..pool.len()).filter(|&i| pool.is_holdout(i)).count();
            assert!(pool.len() - held >= 6, "pool starting {:?}", items[0]);
        }
    }

    #[test]
    fn holdout_split_is_fixed() {
        let a = Pool::new(GREETING);
        let b = Pool::new(GREETING);
        assert_eq!(a.holdout, b.holdout);
        assert_eq!(a.holdout.iter().filter(|&&h| h).count(), 3);
    }

    #[test]
    fn placeholders_are_known() {
        const KNOWN: &[&str] = &[
            "hon", "hs", "cname", "cfull", "agent", "tod", "mbak", "no", "old", "rname", "addr",
            "rprob", "answer", "phone", "idpel", "eta",
        ];
        let mut all: Vec<&str> = all_pools()
            .into_iter()
            .flat_map(|(_, p)| p.iter().copied())
            .collect();
        for p in crate::catalog::PROBLEMS {
            all.extend(p.caller.iter().copied());
        }
        for text in all {
            let mut rest = text;
            while let Some(open) = rest.find('{') {
                let close = rest[open..].find('}').expect("closed placeholder") + open;
                let key = &rest[open + 1..close];
                assert!(KNOWN.contains(&key), "unknown placeholder {key} in {text}");
                rest = &rest[close + 1..];
            }
        }
    }
}
