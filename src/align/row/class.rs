//! What happened to a row and how it is counted: its kind, its one class with the class's
//! legend entry, and the marks of the flags a row can carry besides.
//!
//! Kept apart from [`Row`](super::Row) because every view's legend reads these definitions
//! without touching a row; they are the one place a mark or word for a class is written.

use serde::Serialize;

// For the doc links only.
#[cfg(doc)]
use super::{Counts, Row};

/// What happened to the words of a clause (or clauses) between the left and the right draft.
/// Independent of it, a row carries flags ([`Row::moved`], [`Row::bracketed`],
/// [`Row::unreported`], [`Row::disputed`]), so "moved and revised" or "bracketed, words
/// unchanged" can both be said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RowKind {
    /// Same text on both sides (for an unreported clause: the base wording, carried over).
    Unchanged,
    /// Same clause, changed wording (the row has a word diff).
    Revised,
    /// Only in the left draft.
    Dropped,
    /// Only in the right draft.
    Added,
    /// One left clause became several right clauses.
    Split,
    /// Several left clauses became one right clause.
    Merged,
    /// Clauses on the same matter that neither revises (a `related` or `opposes` link, or
    /// shared topics), possibly many to many.
    Related,
}

impl RowKind {
    /// A word for the kind ("unchanged", "revised", …), as in JSON.
    pub fn label(self) -> &'static str {
        match self {
            RowKind::Unchanged => "unchanged",
            RowKind::Revised => "revised",
            RowKind::Dropped => "dropped",
            RowKind::Added => "added",
            RowKind::Split => "split",
            RowKind::Merged => "merged",
            RowKind::Related => "related",
        }
    }
}

/// The one class a row is counted under, so that counts add up to the rows and never read
/// cleaner than the record: a row whose words are unchanged but which is bracketed or whose
/// fate was not reported is not "unchanged". Every view counts and marks rows by this class,
/// and only by it ([`Row::class`], [`Counts`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RowClass {
    Unchanged,
    Bracketed,
    Unreported,
    Revised,
    Dropped,
    Added,
    Split,
    Merged,
    Related,
}

impl RowClass {
    /// Every class, in the order legends and counts list them.
    pub const ALL: [RowClass; 9] = [
        RowClass::Unchanged,
        RowClass::Bracketed,
        RowClass::Unreported,
        RowClass::Revised,
        RowClass::Dropped,
        RowClass::Added,
        RowClass::Split,
        RowClass::Merged,
        RowClass::Related,
    ];

    /// The class's mark, word, meaning and tone: the one definition every view uses.
    pub fn legend(self) -> crate::legend::Entry {
        use crate::legend::{Entry, Tone};
        let (mark, word, describe, tone) = match self {
            RowClass::Unchanged => (
                "=",
                "unchanged",
                "same words, nothing left open",
                Tone::Quiet,
            ),
            RowClass::Bracketed => (
                "⧗",
                "bracketed",
                "left open for the leaders (alone: words unchanged; after ~ < >: changed too)",
                Tone::Open,
            ),
            RowClass::Unreported => (
                "?",
                "unreported",
                "inherited; what became of it was not reported",
                Tone::Open,
            ),
            RowClass::Revised => ("~", "revised", "same clause, changed words", Tone::Changed),
            RowClass::Dropped => ("-", "dropped", "only in the left draft", Tone::Removed),
            RowClass::Added => ("+", "added", "only in the right draft", Tone::Added),
            RowClass::Split => ("<", "split", "one clause became several", Tone::Changed),
            RowClass::Merged => (">", "merged", "several clauses became one", Tone::Changed),
            RowClass::Related => (
                "≈",
                "related",
                "same matter, neither revises the other (link or topic)",
                Tone::Changed,
            ),
        };
        Entry {
            mark,
            word,
            describe,
            tone,
        }
    }

    pub fn mark(self) -> &'static str {
        self.legend().mark
    }

    pub fn label(self) -> &'static str {
        self.legend().word
    }
}

/// Marks for a row's flags, shown after its class mark.
pub mod flag {
    use crate::legend::{Entry, Tone};

    pub const MOVED: Entry = Entry {
        mark: "↕",
        word: "moved",
        describe: "in another position (shown with its class: moved and revised is ~↕)",
        tone: Tone::Changed,
    };
    /// A bracketed row that is also revised, split or merged (the class says the rest).
    pub const BRACKETED: Entry = Entry {
        mark: "⧗",
        word: "bracketed",
        describe: "left open for the leaders",
        tone: Tone::Open,
    };
    pub const DISPUTED: Entry = Entry {
        mark: "‡",
        word: "disputed",
        describe: "sources disagree on this clause",
        tone: Tone::Open,
    };
}
