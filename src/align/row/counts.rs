//! Counting rows by class and flag ([`Counts`]), and the one summary wording every view
//! prints.
//!
//! Kept apart from the row because counts are what reports and headers quote: their rule
//! (classes add up to the rows, flags counted besides) is read and checked on its own.

use super::{Row, RowClass, flag};
use serde::Serialize;

/// How many rows of each class (they add up to the rows), and how many carry each flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    pub unchanged: usize,
    pub bracketed: usize,
    pub unreported: usize,
    pub revised: usize,
    pub dropped: usize,
    pub added: usize,
    pub split: usize,
    pub merged: usize,
    pub related: usize,
    /// Rows flagged moved (of any class).
    pub moved: usize,
    /// Rows of another class that are also bracketed (revised and bracketed, …).
    pub also_bracketed: usize,
    /// Rows flagged disputed.
    pub disputed: usize,
}

impl Counts {
    pub fn get(&self, class: RowClass) -> usize {
        match class {
            RowClass::Unchanged => self.unchanged,
            RowClass::Bracketed => self.bracketed,
            RowClass::Unreported => self.unreported,
            RowClass::Revised => self.revised,
            RowClass::Dropped => self.dropped,
            RowClass::Added => self.added,
            RowClass::Split => self.split,
            RowClass::Merged => self.merged,
            RowClass::Related => self.related,
        }
    }

    fn add(&mut self, row: &Row) {
        let class = row.class();
        let slot = match class {
            RowClass::Unchanged => &mut self.unchanged,
            RowClass::Bracketed => &mut self.bracketed,
            RowClass::Unreported => &mut self.unreported,
            RowClass::Revised => &mut self.revised,
            RowClass::Dropped => &mut self.dropped,
            RowClass::Added => &mut self.added,
            RowClass::Split => &mut self.split,
            RowClass::Merged => &mut self.merged,
            RowClass::Related => &mut self.related,
        };
        *slot += 1;
        self.moved += usize::from(row.moved);
        self.also_bracketed += usize::from(row.bracketed && class != RowClass::Bracketed);
        self.disputed += usize::from(row.disputed);
    }

    /// Counts of a set of rows.
    pub fn of<'r>(rows: impl IntoIterator<Item = &'r Row>) -> Counts {
        let mut c = Counts::default();
        for r in rows {
            c.add(r);
        }
        c
    }

    /// All rows counted.
    pub fn total(&self) -> usize {
        RowClass::ALL.iter().map(|k| self.get(*k)).sum()
    }

    /// Rows that are not clean unchanged rows.
    pub fn changes(&self) -> usize {
        self.total() - self.unchanged
    }

    /// Every class with its count (zeros included), in legend order.
    pub fn class_items(&self) -> Vec<(crate::legend::Entry, usize)> {
        RowClass::ALL
            .iter()
            .map(|k| (k.legend(), self.get(*k)))
            .collect()
    }

    /// Every flag with the rows carrying it (zeros included). Flags overlap the classes: they
    /// are not added to the total.
    pub fn flag_items(&self) -> Vec<(crate::legend::Entry, usize)> {
        vec![
            (flag::MOVED, self.moved),
            (
                crate::legend::Entry {
                    word: "also bracketed",
                    ..flag::BRACKETED
                },
                self.also_bracketed,
            ),
            (flag::DISPUTED, self.disputed),
        ]
    }

    /// The non-zero counts in legend order, classes then flags, each with its legend entry:
    /// what every view prints as its summary ("=1 unchanged · ⧗8 bracketed · …").
    pub fn items(&self) -> Vec<(crate::legend::Entry, usize)> {
        let mut out = self.class_items();
        out.extend(self.flag_items());
        out.retain(|(_, n)| *n > 0);
        out
    }

    /// "=1 unchanged · ⧗8 bracketed · ?34 unreported · ~3 revised", the summary's one wording.
    pub fn summary(&self) -> String {
        self.items()
            .iter()
            .map(|(e, n)| format!("{}{n} {}", e.mark, e.word))
            .collect::<Vec<_>>()
            .join(" · ")
    }
}
