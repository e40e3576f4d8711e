//! Drafts and their clauses, with everything a clause carries: status, certainty, links to
//! other drafts, assessments against the parties' positions, and how a derived draft came
//! by it.

use super::{Document, PartialDate, Reference, Roles, Source};
use serde::{Deserialize, Serialize};

/// How a draft's text is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlanStatus {
    Official,
    Leaked,
    Reported,
    Reconstructed,
}

impl PlanStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PlanStatus::Official => "official",
            PlanStatus::Leaked => "leaked",
            PlanStatus::Reported => "reported",
            PlanStatus::Reconstructed => "reconstructed",
        }
    }
}

/// How sure we are of a clause's text. Ordered from most to least certain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Certainty {
    PublishedText,
    Reported,
    Inferred,
}

impl Certainty {
    pub fn as_str(self) -> &'static str {
        match self {
            Certainty::PublishedText => "published-text",
            Certainty::Reported => "reported",
            Certainty::Inferred => "inferred",
        }
    }
    /// The less certain of two labels: a clause is never surer than its least sure input.
    pub fn weakest(self, other: Certainty) -> Certainty {
        self.max(other)
    }
}

/// A clause's standing in the negotiation, when it is not simply part of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClauseStatus {
    /// Left open for the leaders to decide.
    Bracketed,
    /// Not agreed between the drafting parties, or reported differently by sources.
    Disputed,
    /// Inherited by a derived draft without any report of what happened to it.
    Unknown,
}

impl ClauseStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ClauseStatus::Bracketed => "bracketed",
            ClauseStatus::Disputed => "disputed",
            ClauseStatus::Unknown => "unknown",
        }
    }
}

/// How a clause relates to a counterpart in another draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// Same substance, carried over.
    Same,
    /// Same subject, changed wording or terms.
    Revises,
    /// A different provision takes its place.
    Replaces,
    /// Runs the opposite way on the same subject.
    Opposes,
    /// Touches the same subject loosely.
    Related,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Same => "same",
            Relation::Revises => "revises",
            Relation::Replaces => "replaces",
            Relation::Opposes => "opposes",
            Relation::Related => "related",
        }
    }
}

/// What a correspondence rests on, as the correspondence table marks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkBasis {
    /// Both texts are printed and plainly deal with the same thing.
    Text,
    /// The link rests on reports.
    Reported,
    /// A topical match or an assumed survival.
    Inferred,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub plan: String,
    pub clause: String,
    pub relation: Relation,
    pub basis: LinkBasis,
    pub note: Option<String>,
}

/// A clause's effect on one party's positions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Effect {
    Crosses,
    Partial,
    Meets,
}

impl Effect {
    pub fn as_str(self) -> &'static str {
        match self {
            Effect::Crosses => "crosses",
            Effect::Partial => "partial",
            Effect::Meets => "meets",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    High,
    Medium,
    Low,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub party: String,
    pub effect: Effect,
    /// The positions involved. Empty means a general verdict on the clause, not tied to a
    /// listed red line: it shows the party's stance but never counts as crossing or meeting
    /// any specific red line.
    pub red_lines: Vec<String>,
    pub note: String,
    pub confidence: Option<Confidence>,
    /// The date of the position the assessment reflects, when it is not the draft's own time
    /// (an old agreement judged against the party's stance when it was signed).
    pub as_of: Option<PartialDate>,
}

impl Assessment {
    /// A general position: the party's verdict on the clause as a whole, naming no red line.
    pub fn is_general(&self) -> bool {
        self.red_lines.is_empty()
    }
}

/// What a derived draft did with one clause of its base draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeAction {
    Kept,
    Revised,
    Bracketed,
    Dropped,
    SeparateTrack,
    Unknown,
}

impl ChangeAction {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeAction::Kept => "kept",
            ChangeAction::Revised => "revised",
            ChangeAction::Bracketed => "bracketed",
            ChangeAction::Dropped => "dropped",
            ChangeAction::SeparateTrack => "separate-track",
            ChangeAction::Unknown => "unknown",
        }
    }
    /// Dropped and parked clauses are not part of the derived draft's text.
    pub fn removes(self) -> bool {
        matches!(self, ChangeAction::Dropped | ChangeAction::SeparateTrack)
    }
}

/// How a clause of a derived draft came from its base, or how a base clause left it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inheritance {
    pub base_plan: String,
    pub base_clause: String,
    pub action: ChangeAction,
    /// Whether the action was stated in the data (`false`: not reported, so `unknown`).
    pub reported: bool,
}

impl Inheritance {
    /// What the correspondence with the base clause rests on: the derived draft's report, or
    /// an inference when it did not report on the clause.
    pub fn basis(&self) -> LinkBasis {
        if self.reported {
            LinkBasis::Reported
        } else {
            LinkBasis::Inferred
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clause {
    pub id: String,
    /// The number or letter as printed in the original ("21d", "II.B.4").
    pub label: String,
    pub parent: Option<String>,
    pub title: String,
    pub text: String,
    pub topics: Vec<String>,
    pub certainty: Certainty,
    pub certainty_note: Option<String>,
    /// How far the record can be trusted on this clause, apart from how its text is known
    /// (`certainty`): a reported clause resting on one unnamed official is low.
    pub confidence: Option<Confidence>,
    pub sources: Vec<String>,
    pub status: Option<ClauseStatus>,
    /// The parties whose negotiators left the clause in brackets, when the record says
    /// (party ids, in the order given). Empty: not bracketed, or not reported by whom.
    pub bracketed_by: Vec<String>,
    pub note: Option<String>,
    pub links: Vec<Link>,
    /// Cross-references to other clauses of the same draft and to outside documents.
    pub refs: Vec<Reference>,
    pub assessments: Vec<Assessment>,
    /// Set on clauses of a derived draft that come from its base.
    pub inherited: Option<Inheritance>,
    /// Whether the draft's own order for this clause is uncertain.
    pub order_uncertain: bool,
}

/// A base clause that a derived draft removed (dropped or moved to a separate track).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Removal {
    pub base_clause: String,
    pub action: ChangeAction,
    pub certainty: Certainty,
    pub sources: Vec<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub id: String,
    pub title: String,
    /// A short label for headers and columns ("28-pt").
    pub short: String,
    pub date: PartialDate,
    /// Party or actor ids.
    pub proposers: Vec<String>,
    /// Who signed, mediated, guarantees or observed it (party or actor ids).
    pub roles: Roles,
    pub status: PlanStatus,
    pub summary: String,
    /// The keys of the draft's main sources, most authoritative first.
    pub main_sources: Vec<String>,
    pub note: Option<String>,
    /// The draft this one is written as changes to, if any.
    pub base: Option<String>,
    pub clauses: Vec<Clause>,
    pub removals: Vec<Removal>,
    pub sources: Vec<Source>,
    /// Outside documents its clauses refer to.
    pub documents: Vec<Document>,
    /// The file the draft was loaded from, for messages.
    pub file: String,
}

impl Plan {
    pub fn clause(&self, id: &str) -> Option<&Clause> {
        self.clauses.iter().find(|c| c.id == id)
    }
    pub fn clause_index(&self, id: &str) -> Option<usize> {
        self.clauses.iter().position(|c| c.id == id)
    }
    /// A clause by what a user types: its id exactly, else its id or printed label in any case
    /// (`21D` finds `21d`).
    pub fn find_clause_index(&self, name: &str) -> Option<usize> {
        self.clause_index(name).or_else(|| {
            self.clauses
                .iter()
                .position(|c| c.id.eq_ignore_ascii_case(name) || c.label.eq_ignore_ascii_case(name))
        })
    }
    pub fn document(&self, key: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.key == key)
    }
    /// How deep a clause sits: 0 for a numbered point, 1 for its sub-point, and so on
    /// (parents are always earlier clauses, so the walk ends).
    /// Each step searches back from the child, where the parent usually sits just above.
    pub fn depth(&self, index: usize) -> usize {
        let mut depth = 0;
        let mut at = index;
        while let Some(p) = self.clauses[at].parent.as_deref() {
            match self.clauses[..at].iter().rposition(|c| c.id == p) {
                Some(up) => {
                    depth += 1;
                    at = up;
                }
                None => break,
            }
        }
        depth
    }
    /// The clauses of this draft that refer to clause `id`, with how.
    pub fn referred_by(&self, id: &str) -> Vec<(&Clause, &Reference)> {
        self.clauses
            .iter()
            .flat_map(|c| c.refs.iter().map(move |r| (c, r)))
            .filter(|(_, r)| matches!(&r.target, super::RefTarget::Clause(t) if t == id))
            .collect()
    }
    pub fn source(&self, key: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.key == key)
    }
    /// Top-level clauses (numbered points, not their lettered sub-points).
    pub fn top_level_count(&self) -> usize {
        self.clauses.iter().filter(|c| c.parent.is_none()).count()
    }
}
