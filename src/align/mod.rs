//! Aligning two drafts into rows: unchanged, revised, dropped, added, split, merged, related,
//! each flagged moved, bracketed, unreported or disputed where it is.
//!
//! How clauses are matched, in order of precedence (each pass sees only what earlier ones left):
//!
//! 1. **Inheritance.** A derived draft against its base: what the derived draft reports for each
//!    base clause decides (kept → unchanged, revised → revised, bracketed → flagged bracketed,
//!    not reported → flagged unreported, dropped or parked → dropped, carrying the removal's
//!    evidence).
//!    Two derived drafts of the same base align through their shared base clause ids.
//! 2. **Links** written in the data, read in both directions (on either draft's clauses), and
//!    through the base: a derived clause carries no links, so the links of the base clause it
//!    inherits speak for it. One clause linked to several on the other side is a split or a
//!    merge; a `related` link, a group linked many to many, or clauses linked only as
//!    opposing positions (`opposes`: the same matter, neither revising the other, so no word
//!    diff) form a `Related` row.
//! 3. **Identical texts**, paired in order.
//! 4. **Similarity** of the terms of clauses left over (words stemmed, stop words dropped,
//!    numbers joined and weighted as anchors, equivalent treaty terms merged: `terms`), among
//!    candidates found through an inverted index (never every clause against every other), with
//!    a bonus for shared topics; best pairs first. Then the **order prior**: where enough
//!    matched pairs keep one order in both drafts, leftovers between the same two matched
//!    neighbours pair at a lower similarity ([`AlignOptions::gap_similarity`]); and a parent
//!    matched to a clause without sub-points takes its own unmatched sub-points into its row
//!    when they share wording with that clause.
//! 5. **Topics**, for drafts of different structure (when more than
//!    [`AlignOptions::topic_threshold`] of either draft is still unmatched): per topic, the
//!    leftovers of both drafts on it form a `Related` row, many to many (at most 40 clauses a
//!    side), so the 28 points still line up with the 10-point Peace Formula. Otherwise leftovers
//!    are dropped and added.
//!
//! Rows come in the right draft's order, with left-only rows placed after the row of their
//! nearest preceding left clause. A one-to-one match that is not on every longest
//! order-preserving chain is flagged `moved`. Every step is symmetric: swapping the drafts swaps dropped
//! and added, split and merged, and leaves the rest.
//!
//! Each pass has its module: `inherit`, `link`, `similarity` (identical texts, similar
//! terms read through `word_index` and `terms`, the order prior), `topic`; `matcher` holds
//! what the passes share, `build` and `order` turn the groups into ordered rows, `row` and
//! `report` are the public results.

mod build;
mod inherit;
mod link;
mod matcher;
mod order;
mod place;
mod report;
mod row;
mod similarity;
mod terms;
mod topic;
mod word_index;

pub use report::{AlignmentReport, RowReport};
pub use row::{Alignment, Counts, MatchBasis, Row, RowClass, RowKind, by_parties, flag};

use crate::model::{Corpus, Plan};
use matcher::Matcher;
use serde::Serialize;

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
    /// this share of either draft's clauses is still unmatched after inheritance, links and
    /// similarity. Otherwise leftovers stay dropped and added.
    pub topic_threshold: f32,
    /// At most this many candidates are scored per clause (the ones sharing the rarest words).
    pub max_candidates: usize,
    /// The lower similarity accepted between leftovers that sit in the same place in both
    /// drafts: between the same two matched neighbours (the order prior).
    pub gap_similarity: f32,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            min_similarity: 0.4,
            topic_bonus: 0.1,
            topic_rows: true,
            topic_threshold: 0.4,
            max_candidates: 50,
            gap_similarity: 0.15,
        }
    }
}

/// Aligns two drafts of the corpus (or any two plans) with the default options.
pub fn align(corpus: &Corpus, left: &Plan, right: &Plan) -> Alignment {
    align_with(corpus, left, right, &AlignOptions::default())
}

/// Aligns two drafts with explicit options.
pub fn align_with(corpus: &Corpus, left: &Plan, right: &Plan, opts: &AlignOptions) -> Alignment {
    let mut m = Matcher::new(corpus, left, right);
    m.inheritance();
    m.links();
    m.exact_text();
    m.similarity(opts);
    if opts.topic_rows {
        m.topics(opts);
    }
    m.leftovers();
    let vocabulary = crate::strength::Vocabulary::from_corpus(corpus);
    let rows = m.finish(&vocabulary);
    Alignment {
        left: left.id.clone(),
        right: right.id.clone(),
        rows,
    }
}
