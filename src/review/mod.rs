//! Reviewing audits after the fact: [`diff`] of two audits, [`calibrate`] against human
//! graders, [`lint`] of a profile (and of a run's reports). They read audits back through
//! [`view`] (a report folder or a history run) and never re-run the matcher on calls.

pub mod calibrate;
pub mod diff;
pub mod lint;
pub mod view;
