//! The public result of an alignment: rows, their kinds, flags, classes and match bases, and
//! counts per class.
//! Plain data with words for readers; nothing here matches clauses.

use crate::diff::WordDiff;
use crate::model::{ChangeAction, LinkBasis, Relation};
use crate::strength::StrengthFlag;
use serde::Serialize;

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
