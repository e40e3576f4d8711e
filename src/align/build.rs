//! Groups into rows: each row's kind from its shape and texts, then moves and order, then the
//! word diffs and strength flags of the rows that change wording.

use super::matcher::{Group, Matcher};
use super::order::{mark_moves, order_rows};
use super::report::joined;
use super::{MatchBasis, Row, RowKind};
use crate::model::{ChangeAction, Clause, ClauseStatus, Plan};
use crate::strength::Vocabulary;

impl Matcher<'_> {
    /// Decides kinds, marks moves, orders the rows, and computes diffs and strength flags.
    pub(super) fn finish(self, vocabulary: &Vocabulary) -> Vec<Row> {
        let (left, right) = (self.left, self.right);
        let mut rows: Vec<Row> = self
            .groups
            .into_iter()
            .map(|g| row_of(g, left, right))
            .collect();
        mark_moves(&mut rows, left, right);
        order_rows(&mut rows, left.clauses.len());
        add_diffs(&mut rows, left, right, vocabulary);
        rows
    }
}

/// A group as a row, its kind (unless the pass fixed it) from its shape and texts.
fn row_of(g: Group, left: &Plan, right: &Plan) -> Row {
    let kind = g.fixed.unwrap_or(match (g.left.len(), g.right.len()) {
        (1, 1) => {
            if left.clauses[g.left[0]].text == right.clauses[g.right[0]].text {
                RowKind::Unchanged
            } else {
                RowKind::Revised
            }
        }
        (1, _) => RowKind::Split,
        (_, 1) => RowKind::Merged,
        _ => RowKind::Related,
    });
    let any = |test: fn(&Clause) -> bool| {
        g.left.iter().any(|&i| test(&left.clauses[i]))
            || g.right.iter().any(|&i| test(&right.clauses[i]))
    };
    let bracketed = any(crate::analysis::is_bracketed);
    let mut bracketed_by: Vec<String> = Vec::new();
    let sides = [(left, &g.left), (right, &g.right)];
    for (plan, idx) in sides {
        for &i in idx.iter() {
            let c = &plan.clauses[i];
            for p in &c.bracketed_by {
                if !bracketed_by.contains(p) {
                    bracketed_by.push(p.clone());
                }
            }
        }
    }
    let unreported = matches!(
        g.basis,
        MatchBasis::Inherited {
            action: ChangeAction::Unknown,
            ..
        }
    ) || any(|c| c.status == Some(ClauseStatus::Unknown));
    let disputed = any(|c| c.status == Some(ClauseStatus::Disputed));
    Row {
        kind,
        left: g.left,
        right: g.right,
        basis: g.basis,
        diff: None,
        strength: Vec::new(),
        bracketed,
        bracketed_by,
        moved: false,
        unreported,
        disputed,
        removal: g.removal,
    }
}

/// The word diff and strength flags of every row whose wording changed.
fn add_diffs(rows: &mut [Row], left: &Plan, right: &Plan, vocabulary: &Vocabulary) {
    let work = |row: &mut Row| {
        let wants_diff = matches!(
            row.kind,
            RowKind::Revised | RowKind::Split | RowKind::Merged
        );
        if wants_diff {
            let (old, new) = (joined(left, &row.left), joined(right, &row.right));
            // Each text is cut into tokens once, for its diff and for its strength flags.
            let a: Vec<&str> = crate::diff::tokens(&old).collect();
            let b: Vec<&str> = crate::diff::tokens(&new).collect();
            row.strength = crate::strength::strength_flags_tokens(vocabulary, &a, &b);
            row.diff = Some(crate::diff::word_diff_tokens(&a, &b));
        }
    };
    // Word diffs are independent: spread them over the cores for large drafts.
    crate::par::for_each_mut(rows, 2_000, work);
}
