//! The text passes: identical texts paired in order, then word similarity among candidates found
//! through an inverted word index, best pairs first. The order prior between matched pairs
//! (`gaps`) and the parts and sub-points that join rows already matched (`absorb`) follow it,
//! each in its own module.

mod absorb;
mod gaps;

use super::AlignOptions;
use super::MatchBasis;
use super::matcher::{Group, Matcher};
use super::place::Places;
use super::word_index::{Overlap, WordIndex};
use crate::model::Plan;
use rustc_hash::FxHashMap as HashMap;

impl Matcher<'_> {
    /// Identical texts, paired in order (the k-th copy on the left with the k-th on the right).
    pub(super) fn exact_text(&mut self) {
        let mut by_text: HashMap<&str, Vec<usize>> = HashMap::default();
        for (r, rc) in self.right.clauses.iter().enumerate() {
            if self.free_r(r) {
                by_text.entry(rc.text.as_str()).or_default().push(r);
            }
        }
        for list in by_text.values_mut() {
            list.reverse();
        }
        for l in 0..self.left.clauses.len() {
            if !self.free_l(l) {
                continue;
            }
            let text = self.left.clauses[l].text.as_str();
            if let Some(r) = by_text.get_mut(text).and_then(|v| v.pop()) {
                self.push(Group {
                    left: vec![l],
                    right: vec![r],
                    basis: MatchBasis::Similarity { score: 1.0 },
                    fixed: None,
                    removal: None,
                });
            }
        }
    }

    /// Word similarity (IDF-weighted Dice over distinct words) among candidates that share
    /// rare words, with a bonus for shared topics; matched greedily, best first.
    pub(super) fn similarity(&mut self, opts: &AlignOptions) {
        let (ls, rs) = self.free_clauses();
        if ls.is_empty() || rs.is_empty() {
            return;
        }
        let index = WordIndex::new(&texts(self.left, &ls), &texts(self.right, &rs));
        let places = self.places(&ls, &rs);
        let mut cands = self.candidates(&index, &places, &ls, &rs, opts);
        // Unstable is enough: two candidates the order ties are the same pair, found from both
        // sides, and equal.
        cands.sort_unstable_by(greedy_order);
        for (_, s, i, j) in cands {
            let (l, r) = (ls[i], rs[j]);
            if self.l_used[l] || self.r_used[r] {
                continue;
            }
            self.push_similar(l, r, s);
        }
        if opts.gap_similarity < opts.min_similarity {
            self.fill_gaps(&index, &ls, &rs, opts);
        }
        self.absorb_subpoints(&index, &ls, &rs, opts.gap_similarity / 2.0);
        let places = self.places(&ls, &rs);
        self.absorb_parts(&index, &places, &ls, &rs, opts);
    }

    /// Where each free clause would sit among the other draft's, by the ordered pairs so far.
    fn places(&self, ls: &[usize], rs: &[usize]) -> Places {
        let (nl, nr) = (self.left.clauses.len(), self.right.clauses.len());
        Places::new(&self.ordered_chain(), ls, rs, nl, nr)
    }

    fn push_similar(&mut self, l: usize, r: usize, score: f32) {
        self.push(Group {
            left: vec![l],
            right: vec![r],
            basis: MatchBasis::Similarity {
                score: (score * 100.0).round() / 100.0,
            },
            fixed: None,
            removal: None,
        });
    }

    /// Candidate pairs: from each side, the clauses of the other that share the most of its
    /// rarest words. Both directions, so the result does not depend on which side is left.
    fn candidates(
        &self,
        index: &WordIndex,
        places: &Places,
        ls: &[usize],
        rs: &[usize],
        opts: &AlignOptions,
    ) -> Vec<Candidate> {
        // Each clause's search is independent of the others': split them over the cores.
        let n0 = index.len(0);
        crate::par::flat_map_ranges(n0 + index.len(1), 2_000, |range| {
            let mut cands: Vec<Candidate> = Vec::new();
            let mut mine: Vec<Candidate> = Vec::new();
            let mut tally = index.tally();
            for k in range {
                let (side, i) = if k < n0 { (0, k) } else { (1, k - n0) };
                let centre = places.of(side, i);
                index.load(side, i, &mut tally);
                for j in index.shortlist(side, i, centre, opts.max_candidates, &mut tally) {
                    let (li, rj) = if side == 0 {
                        (i, j as usize)
                    } else {
                        (j as usize, i)
                    };
                    let share_topic = || {
                        let (a, b) = (&self.left.clauses[ls[li]], &self.right.clauses[rs[rj]]);
                        a.topics.iter().any(|t| b.topics.contains(t))
                    };
                    let overlap = || index.overlap_loaded(&tally, j as usize);
                    mine.extend(candidate(
                        index.weights(li, rj),
                        overlap,
                        li,
                        rj,
                        opts,
                        share_topic,
                    ));
                }
                if mine.len() > KEEP {
                    mine.select_nth_unstable_by(KEEP - 1, greedy_order);
                    mine.truncate(KEEP);
                }
                cands.append(&mut mine);
            }
            cands
        })
    }
}

/// At most this many of a clause's candidates, its best, are kept for the greedy matching. A
/// pair left out is one that neither clause would take while a better one is free: it could
/// only be matched once this many better partners of both clauses had been taken by others,
/// which happens among near-duplicates (each clause then has dozens of candidates) and not
/// among distinct clauses. It bounds the candidates, their memory and their sort by the
/// number of clauses.
const KEEP: usize = 12;

/// The order the greedy matching takes candidates in: best score (topic bonus included)
/// first; ties to the pair nearest the start of both drafts, so that the order is the same
/// whichever draft is on the left.
fn greedy_order(a: &Candidate, b: &Candidate) -> std::cmp::Ordering {
    b.0.total_cmp(&a.0)
        .then((a.2 + a.3).cmp(&(b.2 + b.3)))
        .then(a.2.max(a.3).cmp(&b.2.max(b.3)))
        .then(a.2.cmp(&b.2))
}

/// The texts of a draft's clauses at `idx`, in that order.
fn texts<'p>(plan: &'p Plan, idx: &[usize]) -> Vec<&'p str> {
    idx.iter().map(|&i| plan.clauses[i].text.as_str()).collect()
}

/// A pair worth matching: (score with the topic bonus, score, left index, right index), the
/// indices into the free clauses.
type Candidate = (f32, f32, usize, usize);

/// Left free clause `li` and right free clause `rj` (weighing `wa` and `wb`; `overlap` what
/// they share, asked only when their weights leave the pair a chance) as a candidate, if they
/// can reach the lowest similarity accepted.
fn candidate(
    (wa, wb): (f32, f32),
    overlap: impl FnOnce() -> Overlap,
    li: usize,
    rj: usize,
    opts: &AlignOptions,
    share_topic: impl Fn() -> bool,
) -> Option<Candidate> {
    // The score cannot beat the lighter clause's share of the total weight.
    if wa + wb > 0.0 && 2.0 * wa.min(wb) / (wa + wb) + opts.topic_bonus < opts.min_similarity {
        return None;
    }
    // Rounded, so that sums taken in another order (the word ids depend on which draft is read
    // first) compare equal, and ties break the same way whichever draft is on the left.
    let s = (overlap().score() * 10_000.0).round() / 10_000.0;
    if s + opts.topic_bonus < opts.min_similarity {
        return None;
    }
    let bonus = if share_topic() { opts.topic_bonus } else { 0.0 };
    (s + bonus >= opts.min_similarity).then_some((s + bonus, s, li, rj))
}
