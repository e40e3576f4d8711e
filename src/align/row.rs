//! The public result of an alignment: rows, their kinds, flags, classes and match bases, and
//! counts per class.
//! Plain data with words for readers; nothing here matches clauses.

mod basis;
mod class;
mod counts;

pub use basis::MatchBasis;
pub use class::{RowClass, RowKind, flag};
pub use counts::Counts;

use crate::diff::WordDiff;
use crate::strength::StrengthFlag;
use serde::Serialize;

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
    /// The parties the record says left the row's bracketed clauses open (party ids, each once,
    /// in the order met); empty when not bracketed or not reported by whom.
    pub bracketed_by: Vec<String>,
    /// A one-to-one match that is out of order (not on every longest order-keeping chain).
    pub moved: bool,
    /// A derived draft's clause whose fate was not reported: its words are the base's, carried
    /// over, not confirmed.
    pub unreported: bool,
    /// Any clause of the row is disputed between sources.
    pub disputed: bool,
    /// For a clause a derived draft removed: the index into that derived draft's `removals`
    /// (the right draft's for `Dropped`, the left draft's for `Added`) giving the evidence.
    pub removal: Option<usize>,
}

impl Row {
    /// The class the row is counted and marked under.
    pub fn class(&self) -> RowClass {
        match self.kind {
            RowKind::Unchanged if self.unreported => RowClass::Unreported,
            RowKind::Unchanged if self.bracketed => RowClass::Bracketed,
            RowKind::Unchanged => RowClass::Unchanged,
            RowKind::Revised => RowClass::Revised,
            RowKind::Dropped => RowClass::Dropped,
            RowKind::Added => RowClass::Added,
            RowKind::Split => RowClass::Split,
            RowKind::Merged => RowClass::Merged,
            RowKind::Related => RowClass::Related,
        }
    }

    /// The row's mark: its class's, then a mark for each flag the class does not already say
    /// ("~↕" moved and revised, "~⧗" revised and bracketed).
    pub fn marks(&self) -> String {
        let class = self.class();
        let mut m = class.mark().to_string();
        if self.moved {
            m.push_str(flag::MOVED.mark);
        }
        if self.bracketed && class != RowClass::Bracketed {
            m.push_str(flag::BRACKETED.mark);
        }
        if self.disputed {
            m.push_str(flag::DISPUTED.mark);
        }
        m
    }

    /// Words for the row: "revised, moved, bracketed".
    pub fn words(&self) -> String {
        self.words_with(None)
    }

    /// [`Row::words`], saying by whom a bracketed row was left open when the record does
    /// ("bracketed by US and UA"), with the corpus's short party names.
    pub fn words_in(&self, corpus: &crate::model::Corpus) -> String {
        self.words_with(Some(corpus))
    }

    fn words_with(&self, corpus: Option<&crate::model::Corpus>) -> String {
        let class = self.class();
        let by = corpus.filter(|_| !self.bracketed_by.is_empty()).map(|c| {
            format!(
                "{} {}",
                flag::BRACKETED.word,
                by_parties(c, &self.bracketed_by)
            )
        });
        let bracketed = || {
            by.clone()
                .unwrap_or_else(|| flag::BRACKETED.word.to_string())
        };
        let mut w = vec![if class == RowClass::Bracketed {
            bracketed()
        } else {
            class.label().to_string()
        }];
        if self.moved {
            w.push(flag::MOVED.word.to_string());
        }
        if self.bracketed && class != RowClass::Bracketed {
            w.push(bracketed());
        }
        if self.disputed {
            w.push(flag::DISPUTED.word.to_string());
        }
        w.join(", ")
    }

    /// Whether the row belongs in a changes-only view: anything but a clean unchanged row
    /// (a bracketed or unreported row is not clean, whatever its words).
    pub fn is_change(&self) -> bool {
        self.class() != RowClass::Unchanged || self.moved || self.disputed
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
        Counts::of(&self.rows)
    }
}

/// "by US and UA": parties named by their short labels (ids the corpus does not know, as given).
pub fn by_parties(corpus: &crate::model::Corpus, ids: &[String]) -> String {
    if ids == ["all"] {
        return "by all delegations".to_string();
    }
    let names: Vec<&str> = ids.iter().map(|id| corpus.label_of(id)).collect();
    if names.is_empty() {
        return String::new();
    }
    format!("by {}", crate::describe::join_and(&names))
}
