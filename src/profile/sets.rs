//! The phrase lists of a profile, declared once: each list's field in [`Sets`], its TOML
//! key (spelt once, from the path of the profile field it is read from), the step whose
//! verdict it decides and who says it. Compiling, listing (`profile --phrases`, lint)
//! and binding to the lexicon all walk this one table.

use super::{Phrases, Profile};
use crate::matching::phrase::Phrase;
use crate::model::{Role, StepId};

/// One phrase list of a profile.
#[derive(Debug, Clone, Copy)]
pub struct PhraseList<'a> {
    /// TOML key path (`steps.closing.thanks`).
    pub key: &'static str,
    /// The step whose verdict the list decides; `None` for path cues (urgent, tusbung).
    pub step: Option<StepId>,
    /// Who says the list's phrases.
    pub side: Role,
    pub phrases: &'a Phrases,
}

/// The dotted TOML key of a profile field path.
macro_rules! key {
    ($first:ident $(. $rest:ident)*) => {
        concat!(stringify!($first) $(, ".", stringify!($rest))*)
    };
}

macro_rules! phrase_sets {
    ($($field:ident: $($seg:ident).+ => $step:expr, $side:ident;)*) => {
        /// Every phrase list of the profile, compiled.
        #[derive(Debug, Clone)]
        pub struct Sets {
            $(pub $field: Vec<Phrase>,)*
        }

        /// Every phrase list of `p`, in the order of the fields of [`Sets`].
        pub fn phrase_lists(p: &Profile) -> Vec<PhraseList<'_>> {
            vec![$(PhraseList {
                key: key!($($seg).+),
                step: $step,
                side: Role::$side,
                phrases: &p.$($seg).+,
            },)*]
        }

        impl Sets {
            /// Compiles every list of `p` with `compile`, stopping at the first error.
            pub fn compile<E>(
                p: &Profile,
                mut compile: impl FnMut(&PhraseList) -> Result<Vec<Phrase>, E>,
            ) -> Result<Sets, E> {
                let lists = phrase_lists(p);
                let mut lists = lists.iter();
                Ok(Sets {
                    $($field: compile(lists.next().expect("one list per field"))?,)*
                })
            }

            /// Every phrase of every list.
            pub fn all(&self) -> impl Iterator<Item = &Phrase> {
                [$(&self.$field),*].into_iter().flatten()
            }

            pub(super) fn all_mut(&mut self) -> impl Iterator<Item = &mut Phrase> {
                [$(&mut self.$field),*].into_iter().flatten()
            }
        }
    };
}

use StepId::*;

phrase_sets! {
    urgent: urgent.cues => None, Caller;
    tusbung_paid: tusbung.paid => None, Caller;
    tusbung_reconnect: tusbung.reconnect => None, Caller;
    greet_pln: steps.greeting.pln => Some(Greeting), Agent;
    greet_salutation: steps.greeting.salutation => Some(Greeting), Agent;
    greet_name: steps.greeting.own_name => Some(Greeting), Agent;
    greet_offer: steps.greeting.offer => Some(Greeting), Agent;
    name_ask: steps.caller_name.ask => Some(CallerName), Agent;
    name_address: steps.caller_name.address => Some(CallerName), Agent;
    prior_ask: steps.prior_report_question.ask => Some(PriorReportQuestion), Agent;
    prior_yes: steps.prior_report_question.caller_yes => Some(PriorReportQuestion), Caller;
    prior_no: steps.prior_report_question.caller_no => Some(PriorReportQuestion), Caller;
    prior_identifier: steps.prior_report_question.ask_identifier
        => Some(PriorReportQuestion), Agent;
    empathy: steps.empathy.phrases => Some(Empathy), Agent;
    progress: steps.status_update.progress => Some(StatusUpdate), Agent;
    ask_mobile: steps.phone_verification.ask_mobile => Some(PhoneVerification), Agent;
    ask_this_number: steps.phone_verification.ask_this_number => Some(PhoneVerification), Agent;
    clarity: steps.clarity_check.phrases => Some(ClarityCheck), Agent;
    eta_asks: steps.eta_3x24.caller_asks => Some(Eta3x24), Caller;
    eta_says: steps.eta_3x24.agent_says => Some(Eta3x24), Agent;
    forward: steps.service_guarantee.forward => Some(ServiceGuarantee), Agent;
    follow_up: steps.service_guarantee.follow_up => Some(ServiceGuarantee), Agent;
    still_applies: steps.ticket_number.still_applies => Some(TicketNumber), Agent;
    campaign: steps.closing.campaign => Some(Closing), Agent;
    thanks: steps.closing.thanks => Some(Closing), Agent;
    closing_salutation: steps.closing.salutation => Some(Closing), Agent;
    forbidden: steps.forbidden_phrases.lines => Some(ForbiddenPhrases), Agent;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_has_its_own_key_under_its_step() {
        let p = Profile::builtin();
        let lists = phrase_lists(&p);
        assert_eq!(lists.len(), 27);
        assert_eq!(lists[25].key, "steps.closing.salutation");
        let mut seen = std::collections::BTreeSet::new();
        for l in &lists {
            assert!(seen.insert(l.key), "{}", l.key);
            if let Some(step) = l.step {
                assert!(l.key.starts_with(&format!("steps.{step}.")), "{}", l.key);
            }
            assert!(!l.phrases.is_empty(), "{}", l.key);
        }
    }
}
