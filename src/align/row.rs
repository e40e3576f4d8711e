//! The public result of an alignment: rows, their kinds and match bases, and counts per kind.
//! Plain data with words for readers; nothing here matches clauses.

use crate::diff::WordDiff;
use crate::model::{ChangeAction, LinkBasis, Relation};
use crate::strength::StrengthFlag;
use serde::Serialize;

/// What happened to a clause (or clauses) between the left and the right draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RowKind {
    /// Same text on both sides.
    Unchanged,
    /// Same clause, changed wording (the row has a word diff).
    Revised,
    /// Only in the left draft.
    Dropped,
    /// Only in the right draft.
    Added,
    /// Same clause in another position (may also have a word diff).
    Moved,
    /// One left clause became several right clauses.
    Split,
    /// Several left clauses became one right clause.
    Merged,
    /// A derived draft's clause whose fate was not reported: inherited, text unknown.
    Unknown,
    /// Clauses matched only by shared topics, possibly many to many.
    Related,
}

impl RowKind {
    /// Every kind, in the order legends list them.
    pub const ALL: [RowKind; 9] = [
        RowKind::Unchanged,
        RowKind::Revised,
        RowKind::Dropped,
        RowKind::Added,
        RowKind::Moved,
        RowKind::Split,
        RowKind::Merged,
        RowKind::Unknown,
        RowKind::Related,
    ];

    /// A one-character mark for gutters and legends.
    pub fn mark(self) -> &'static str {
        match self {
            RowKind::Unchanged => "=",
            RowKind::Revised => "~",
            RowKind::Dropped => "-",
            RowKind::Added => "+",
            RowKind::Moved => "↕",
            RowKind::Split => "<",
            RowKind::Merged => ">",
            RowKind::Unknown => "?",
            RowKind::Related => "≈",
        }
    }

    /// A word for the kind ("unchanged", "revised", …), as in JSON.
    pub fn label(self) -> &'static str {
        match self {
            RowKind::Unchanged => "unchanged",
            RowKind::Revised => "revised",
            RowKind::Dropped => "dropped",
            RowKind::Added => "added",
            RowKind::Moved => "moved",
            RowKind::Split => "split",
            RowKind::Merged => "merged",
            RowKind::Unknown => "unknown",
            RowKind::Related => "related",
        }
    }

    /// A sentence for legends and help screens.
    pub fn describe(self) -> &'static str {
        match self {
            RowKind::Unchanged => "same text in both drafts",
            RowKind::Revised => "same clause, changed wording",
            RowKind::Dropped => "only in the left draft",
            RowKind::Added => "only in the right draft",
            RowKind::Moved => "same clause, other position",
            RowKind::Split => "one clause became several",
            RowKind::Merged => "several clauses became one",
            RowKind::Unknown => "inherited, fate not reported",
            RowKind::Related => "matched by topic only",
        }
    }

    /// Whether the kind itself is a change (all but unchanged); see [`Row::is_change`], which
    /// also keeps bracketed rows.
    pub fn is_change(self) -> bool {
        self != RowKind::Unchanged
    }
}

/// What a row's match rests on, so a reader can judge it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "by", rename_all = "kebab-case")]
pub enum MatchBasis {
    /// A link written in the data (on either side). `via` names the base draft when the link
    /// was written to the base clause a derived draft inherits (derived clauses carry no links
    /// of their own), e.g. a Peace Formula link to `us-28:6` matching the 19-pt draft's 6.
    Link {
        relation: Relation,
        basis: LinkBasis,
        via: Option<String>,
    },
    /// A derived draft's report on its base clause (for two derived drafts: both reports on the
    /// shared base clause; `action` is the right side's, or the left's if the right kept it).
    Inherited {
        action: ChangeAction,
        reported: bool,
    },
    /// Word similarity, 0.0–1.0 (shared topics add a bonus before the threshold).
    Similarity { score: f32 },
    /// Shared topic ids.
    Topic { topics: Vec<String> },
    /// Nothing: a one-sided row without evidence.
    None,
}

impl MatchBasis {
    /// A short phrase for a reader: "link: revises (text)", "similarity 0.82",
    /// "topic: territory, sanctions", "inherited: dropped".
    pub fn describe(&self) -> String {
        match self {
            MatchBasis::Link {
                relation,
                basis,
                via,
            } => match via {
                Some(v) => format!(
                    "link: {} ({}, via {v})",
                    relation.as_str(),
                    basis_str(*basis)
                ),
                None => format!("link: {} ({})", relation.as_str(), basis_str(*basis)),
            },
            MatchBasis::Inherited { action, reported } => {
                if *reported {
                    format!("inherited: {}", action.as_str())
                } else {
                    "inherited: not reported".to_string()
                }
            }
            MatchBasis::Similarity { score } => format!("similarity {score:.2}"),
            MatchBasis::Topic { topics } => format!("topic: {}", topics.join(", ")),
            MatchBasis::None => "no match".to_string(),
        }
    }
}

pub(crate) fn basis_str(b: LinkBasis) -> &'static str {
    match b {
        LinkBasis::Text => "text",
        LinkBasis::Reported => "reported",
        LinkBasis::Inferred => "inferred",
    }
}

/// One row of an alignment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub kind: RowKind,
    /// Indices into the left draft's `clauses`; empty for `Added`.
    pub left: Vec<usize>,
    /// Indices into the right draft's `clauses`; empty for `Dropped`.
    pub right: Vec<usize>,
    pub basis: MatchBasis,
    /// The word diff, for one-to-one rows whose texts differ (revised, moved) and for split and
    /// merged rows (the joined texts of each side, separated by a blank line).
    pub diff: Option<WordDiff>,
    /// Commitment-strength findings for rows with a diff.
    pub strength: Vec<StrengthFlag>,
    /// Whether any clause of the row is bracketed (left open for the leaders).
    pub bracketed: bool,
    /// For a clause a derived draft removed: the index into that derived draft's `removals`
    /// (the right draft's for `Dropped`, the left draft's for `Added`) giving the evidence.
    pub removal: Option<usize>,
}

impl Row {
    /// Whether the row belongs in a changes-only view: any kind but unchanged, and also an
    /// unchanged text that is bracketed, since leaving a point to the leaders changes its
    /// standing even when its words stay the same.
    pub fn is_change(&self) -> bool {
        self.kind.is_change() || self.bracketed
    }
}

/// How many rows of each kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    pub unchanged: usize,
    pub revised: usize,
    pub dropped: usize,
    pub added: usize,
    pub moved: usize,
    pub split: usize,
    pub merged: usize,
    pub unknown: usize,
    pub related: usize,
}

impl Counts {
    pub fn get(&self, kind: RowKind) -> usize {
        match kind {
            RowKind::Unchanged => self.unchanged,
            RowKind::Revised => self.revised,
            RowKind::Dropped => self.dropped,
            RowKind::Added => self.added,
            RowKind::Moved => self.moved,
            RowKind::Split => self.split,
            RowKind::Merged => self.merged,
            RowKind::Unknown => self.unknown,
            RowKind::Related => self.related,
        }
    }
    fn bump(&mut self, kind: RowKind) {
        let slot = match kind {
            RowKind::Unchanged => &mut self.unchanged,
            RowKind::Revised => &mut self.revised,
            RowKind::Dropped => &mut self.dropped,
            RowKind::Added => &mut self.added,
            RowKind::Moved => &mut self.moved,
            RowKind::Split => &mut self.split,
            RowKind::Merged => &mut self.merged,
            RowKind::Unknown => &mut self.unknown,
            RowKind::Related => &mut self.related,
        };
        *slot += 1;
    }
    /// Rows that are not unchanged.
    pub fn changes(&self) -> usize {
        RowKind::ALL
            .iter()
            .filter(|k| k.is_change())
            .map(|k| self.get(*k))
            .sum()
    }
}

/// Two drafts aligned into rows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alignment {
    /// The left draft's id.
    pub left: String,
    /// The right draft's id.
    pub right: String,
    pub rows: Vec<Row>,
}

impl Alignment {
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for r in &self.rows {
            c.bump(r.kind);
        }
        c
    }
}
