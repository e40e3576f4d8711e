//! Groups into rows: each row's kind from its shape and texts, then moves and order, then the
//! word diffs and strength flags of the rows that change wording.

use super::matcher::Matcher;
use super::order::{mark_moves, order_rows};
use super::report::joined;
use super::{Row, RowKind};
use crate::model::{ChangeAction, Clause, ClauseStatus};

fn is_bracketed(c: &Clause) -> bool {
    c.status == Some(ClauseStatus::Bracketed)
        || c.inherited
            .as_ref()
            .is_some_and(|i| i.action == ChangeAction::Bracketed)
}

impl Matcher<'_> {
    /// Decides kinds, marks moves, orders the rows, and computes diffs and strength flags.
    pub(super) fn finish(self, guarantors: &crate::strength::Guarantors) -> Vec<Row> {
        let (left, right) = (self.left, self.right);
        let text = joined;
        let mut rows: Vec<Row> = self
            .groups
            .into_iter()
            .map(|g| {
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
                let bracketed = g.left.iter().any(|&i| is_bracketed(&left.clauses[i]))
                    || g.right.iter().any(|&i| is_bracketed(&right.clauses[i]));
                Row {
                    kind,
                    left: g.left,
                    right: g.right,
                    basis: g.basis,
                    diff: None,
                    strength: Vec::new(),
                    bracketed,
                    removal: g.removal,
                }
            })
            .collect();
        mark_moves(&mut rows, left, right);
        order_rows(&mut rows, left.clauses.len());
        let work = |row: &mut Row| {
            let wants_diff = match row.kind {
                RowKind::Revised | RowKind::Split | RowKind::Merged => true,
                RowKind::Moved => {
                    left.clauses[row.left[0]].text != right.clauses[row.right[0]].text
                }
                _ => false,
            };
            if wants_diff {
                let d = crate::diff::word_diff(&text(left, &row.left), &text(right, &row.right));
                row.strength = crate::strength::strength_flags_for(guarantors, &d);
                row.diff = Some(d);
            }
        };
        // Word diffs are independent: spread them over the cores for large drafts.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        if threads > 1 && rows.len() >= 2_000 {
            let chunk = rows.len().div_ceil(threads);
            std::thread::scope(|scope| {
                for part in rows.chunks_mut(chunk) {
                    let work = &work;
                    scope.spawn(move || part.iter_mut().for_each(work));
                }
            });
        } else {
            rows.iter_mut().for_each(work);
        }
        rows
    }
}
