//! The parties and their positions (red lines and demands), graded by firmness.

use super::Period;
use serde::{Deserialize, Serialize};

/// How firmly a party holds a position, as graded in `parties.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Firmness {
    /// Backed by a constitution, statute or formally adopted legal act.
    HardLegal,
    /// Declared non-negotiable at the top level, with no softening seen.
    HardDeclared,
    /// Consistently held, with visible conditions.
    Firm,
    /// An aim that has been traded or softened.
    Preference,
}

impl Firmness {
    /// Hard lines are the ones a headline counts as "red lines"; the rest are demands.
    pub fn is_hard(self) -> bool {
        matches!(self, Firmness::HardLegal | Firmness::HardDeclared)
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Firmness::HardLegal => "hard-legal",
            Firmness::HardDeclared => "hard-declared",
            Firmness::Firm => "firm",
            Firmness::Preference => "preference",
        }
    }
}

/// One position of one party.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RedLine {
    pub id: String,
    pub party: String,
    pub title: String,
    pub summary: String,
    pub firmness: Firmness,
    pub trend: Option<String>,
    pub sources: Vec<String>,
    /// Why no draft assesses this line yet, when that is the case on purpose.
    pub untouched_note: Option<String>,
    /// The time the sources document this position for. A draft dated outside it is not
    /// scored against the line (it is "not assessed") unless a clause assesses it explicitly.
    pub held: Period,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Party {
    pub id: String,
    pub name: String,
    /// Two-letter label for narrow columns ("UA").
    pub short: String,
    pub summary: Option<String>,
    /// The period the party's positions are documented for, unless a line says otherwise
    /// (each [`RedLine::held`] already carries the result).
    pub held: Period,
    pub red_lines: Vec<RedLine>,
}
