//! Alignments as reports: rows with clause references, texts and evidence inline, the form the
//! JSON output uses. Reads an alignment, never changes one.

use super::{Alignment, Counts, MatchBasis, RowClass, RowKind};
use crate::diff::WordDiff;
use crate::model::Plan;
use crate::strength::StrengthFlag;
use serde::Serialize;

/// A row with clause references instead of bare indices, and the removal's evidence inline:
/// the form the CLI's and the export's JSON use (see docs/json.md).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowReport {
    /// What happened to the words.
    pub kind: RowKind,
    /// The class the row is counted under ([`super::Row::class`]).
    pub class: RowClass,
    /// The class's mark and a mark per flag ([`super::Row::marks`]).
    pub mark: String,
    pub left: Vec<crate::analysis::ClauseRef>,
    pub right: Vec<crate::analysis::ClauseRef>,
    /// The left clauses' texts, joined by a blank line; empty for added rows.
    pub left_text: String,
    /// The right clauses' texts, joined by a blank line; empty for dropped rows.
    pub right_text: String,
    pub basis: MatchBasis,
    /// [`MatchBasis::describe`].
    pub matched_on: String,
    pub diff: Option<WordDiff>,
    pub strength: Vec<StrengthFlag>,
    pub bracketed: bool,
    /// Party ids the record says left the row's bracketed clauses open.
    pub bracketed_by: Vec<String>,
    pub moved: bool,
    pub unreported: bool,
    pub disputed: bool,
    pub removal: Option<crate::model::Removal>,
}

pub(super) fn joined<'p>(plan: &'p Plan, idx: &[usize]) -> std::borrow::Cow<'p, str> {
    match idx {
        [one] => plan.clauses[*one].text.as_str().into(),
        _ => idx
            .iter()
            .map(|&i| plan.clauses[i].text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
            .into(),
    }
}

/// An alignment with clause references, ready to serialise.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlignmentReport {
    pub left: String,
    pub right: String,
    pub counts: Counts,
    pub rows: Vec<RowReport>,
}

impl Alignment {
    /// The alignment with clause ids and labels, for JSON. `changes_only` leaves out
    /// unchanged rows (the counts still count them).
    pub fn report(&self, left: &Plan, right: &Plan, changes_only: bool) -> AlignmentReport {
        use crate::analysis::ClauseRef;
        AlignmentReport {
            left: self.left.clone(),
            right: self.right.clone(),
            counts: self.counts(),
            rows: self
                .rows
                .iter()
                .filter(|r| !changes_only || r.is_change())
                .map(|r| RowReport {
                    kind: r.kind,
                    class: r.class(),
                    mark: r.marks(),
                    left: r.left.iter().map(|&i| ClauseRef::new(left, i)).collect(),
                    right: r.right.iter().map(|&i| ClauseRef::new(right, i)).collect(),
                    left_text: joined(left, &r.left).into_owned(),
                    right_text: joined(right, &r.right).into_owned(),
                    basis: r.basis.clone(),
                    matched_on: r.basis.describe(),
                    diff: r.diff.clone(),
                    strength: r.strength.clone(),
                    bracketed: r.bracketed,
                    bracketed_by: r.bracketed_by.clone(),
                    moved: r.moved,
                    unreported: r.unreported,
                    disputed: r.disputed,
                    removal: r.removal.and_then(|i| {
                        let holder = if r.left.is_empty() { left } else { right };
                        holder.removals.get(i).cloned()
                    }),
                })
                .collect(),
        }
    }
}
