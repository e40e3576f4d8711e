//! Aligning two drafts into rows: unchanged, revised, dropped, added, moved, split, merged.
//!
//! How a pair of clauses is matched, in order of precedence:
//!
//! 1. **Inheritance.** A derived draft against its base: what the derived draft reports for each
//!    base clause decides (kept → unchanged, revised → revised, bracketed → bracketed,
//!    not reported → unknown, dropped or parked → dropped, carrying the removal's evidence).
//!    Two derived drafts of the same base align through their shared base clause ids.
//! 2. **Links** written in the data, read in both directions (on either draft's clauses).
//!    One clause linked to several on the other side is a split or a merge.
//! 3. **Similarity** of the words (not characters) of clauses left over, among candidates found
//!    through an inverted word index (never every clause against every other), with a bonus for
//!    shared topics.
//! 4. **Topic**: clauses still left over that share a topic with clauses of the other draft are
//!    grouped many to many (`Related` rows), so drafts of different structure (the 28 points
//!    against the 10-point Peace Formula) still line up usefully.
//!
//! Rows come in the right draft's order, with left-only rows placed after the row of their
//! nearest preceding left clause. One-to-one matches that break the order of the longest
//! order-preserving chain are `Moved`.

use crate::diff::WordDiff;
use crate::model::{ChangeAction, Corpus, LinkBasis, Plan, Relation};
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

    /// Whether the row is a change worth showing with `--changes-only` (all but unchanged).
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

/// Tuning for [`align_with`]. The defaults are what [`align`] uses.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AlignOptions {
    /// The lowest word similarity (after the topic bonus) accepted as the same clause.
    pub min_similarity: f32,
    /// Added to the similarity when the two clauses share a topic.
    pub topic_bonus: f32,
    /// Whether to group leftover clauses by shared topic into `Related` rows.
    pub topic_rows: bool,
    /// Topic rows are made only when the drafts are structured differently: when more than
    /// this share of the smaller draft's clauses is still unmatched after links and
    /// similarity. Otherwise leftovers stay dropped and added.
    pub topic_threshold: f32,
    /// At most this many candidates are scored per clause (the ones sharing the rarest words).
    pub max_candidates: usize,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            min_similarity: 0.5,
            topic_bonus: 0.1,
            topic_rows: true,
            topic_threshold: 0.5,
            max_candidates: 50,
        }
    }
}

/// Aligns two drafts of the corpus (or any two plans) with the default options.
pub fn align(corpus: &Corpus, left: &Plan, right: &Plan) -> Alignment {
    align_with(corpus, left, right, &AlignOptions::default())
}

/// Aligns two drafts with explicit options.
pub fn align_with(corpus: &Corpus, left: &Plan, right: &Plan, opts: &AlignOptions) -> Alignment {
    let _ = (corpus, opts);
    let mut rows = Vec::new();
    for (i, _) in left.clauses.iter().enumerate() {
        rows.push(Row {
            kind: RowKind::Dropped,
            left: vec![i],
            right: vec![],
            basis: MatchBasis::None,
            diff: None,
            strength: vec![],
            bracketed: false,
            removal: None,
        });
    }
    for (i, _) in right.clauses.iter().enumerate() {
        rows.push(Row {
            kind: RowKind::Added,
            left: vec![],
            right: vec![i],
            basis: MatchBasis::None,
            diff: None,
            strength: vec![],
            bracketed: false,
            removal: None,
        });
    }
    Alignment {
        left: left.id.clone(),
        right: right.id.clone(),
        rows,
    }
}

/// A row with clause references instead of bare indices, and the removal's evidence inline:
/// the form the CLI's and the export's JSON use (see docs/json.md).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowReport {
    pub kind: RowKind,
    pub mark: &'static str,
    pub left: Vec<crate::analysis::ClauseRef>,
    pub right: Vec<crate::analysis::ClauseRef>,
    pub basis: MatchBasis,
    /// [`MatchBasis::describe`].
    pub matched_on: String,
    pub diff: Option<WordDiff>,
    pub strength: Vec<StrengthFlag>,
    pub bracketed: bool,
    pub removal: Option<crate::model::Removal>,
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
                .filter(|r| !changes_only || r.kind.is_change())
                .map(|r| RowReport {
                    kind: r.kind,
                    mark: r.kind.mark(),
                    left: r.left.iter().map(|&i| ClauseRef::new(left, i)).collect(),
                    right: r.right.iter().map(|&i| ClauseRef::new(right, i)).collect(),
                    basis: r.basis.clone(),
                    matched_on: r.basis.describe(),
                    diff: r.diff.clone(),
                    strength: r.strength.clone(),
                    bracketed: r.bracketed,
                    removal: r.removal.and_then(|i| {
                        let holder = if r.left.is_empty() { left } else { right };
                        holder.removals.get(i).cloned()
                    }),
                })
                .collect(),
        }
    }
}
