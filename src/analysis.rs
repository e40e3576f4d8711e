//! Red lines, coverage gaps and history: what a draft means for each party, and how a topic or
//! a clause moved across drafts.
//!
//! Red-line effects come only from the assessments written in the data (`[[clause.assess]]` and
//! a derived draft's `assess`); nothing here guesses them from wording. When several clauses of
//! a draft affect the same red line differently, the strongest effect decides where it is
//! listed (crosses > partial > meets), and every clause responsible for any effect on it is
//! listed with its own effect.
//!
//! Split by question: `redlines` (a draft's standing per party, the scoreboard counts),
//! `standing` (one clause's or one row side's standing, brackets and their owners), `delta`
//! (how standing moves between two drafts, headlines, baselines), `coverage` (topic gaps and
//! histories); `hits` gathers each party's assessments in one pass for `redlines`. The shared
//! imports live here and the submodules take them with `use super::*`.

pub use crate::legend::{OpenReason, Standing};
use crate::model::{
    Assessment, Clause, ClauseStatus, Corpus, Direction, Effect, LinkBasis, Plan, RedLine, Relation,
};
use serde::Serialize;

mod coverage;
mod delta;
mod hits;
mod redlines;
mod standing;

pub use coverage::*;
pub use delta::*;
pub use redlines::*;
pub use standing::*;

/// A clause named in a result: its index in the draft's `clauses`, its id, printed label and
/// title.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ClauseRef {
    pub index: usize,
    pub id: String,
    pub label: String,
    pub title: String,
}

impl ClauseRef {
    pub fn new(plan: &Plan, index: usize) -> ClauseRef {
        let c = &plan.clauses[index];
        ClauseRef {
            index,
            id: c.id.clone(),
            label: c.label.clone(),
            title: c.title.clone(),
        }
    }
}
