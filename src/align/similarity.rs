//! The text passes: identical texts paired in order, then word similarity among candidates found
//! through an inverted word index, best pairs first.

use super::AlignOptions;
use super::MatchBasis;
use super::matcher::{Group, Matcher};
use super::word_index::{Tally, WordIndex};
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
        let mut cands = self.candidates(&index, &ls, &rs, opts);
        cands.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then((a.2 + a.3).cmp(&(b.2 + b.3)))
                .then(a.2.max(a.3).cmp(&b.2.max(b.3)))
                .then(a.2.cmp(&b.2))
        });
        for (_, s, i, j) in cands {
            let (l, r) = (ls[i], rs[j]);
            if self.l_used[l] || self.r_used[r] {
                continue;
            }
            self.push(Group {
                left: vec![l],
                right: vec![r],
                basis: MatchBasis::Similarity {
                    score: (s * 100.0).round() / 100.0,
                },
                fixed: None,
                removal: None,
            });
        }
    }

    /// Candidate pairs: from each side, the clauses of the other that share the most of its
    /// rarest words. Both directions, so the result does not depend on which side is left.
    fn candidates(
        &self,
        index: &WordIndex,
        ls: &[usize],
        rs: &[usize],
        opts: &AlignOptions,
    ) -> Vec<Candidate> {
        // Each clause's search is independent of the others': split them over the cores.
        let n0 = index.len(0);
        crate::par::flat_map_ranges(n0 + index.len(1), 2_000, |range| {
            let mut cands: Vec<Candidate> = Vec::new();
            let mut tally = Tally::new(ls.len().max(rs.len()));
            for k in range {
                let (side, i) = if k < n0 { (0, k) } else { (1, k - n0) };
                for j in index.shortlist(side, i, opts.max_candidates, &mut tally) {
                    let (li, rj) = if side == 0 {
                        (i, j as usize)
                    } else {
                        (j as usize, i)
                    };
                    let share_topic = || {
                        let (a, b) = (&self.left.clauses[ls[li]], &self.right.clauses[rs[rj]]);
                        a.topics.iter().any(|t| b.topics.contains(t))
                    };
                    cands.extend(candidate(index, li, rj, opts, share_topic));
                }
            }
            cands
        })
    }
}

/// The texts of a draft's clauses at `idx`, in that order.
fn texts<'p>(plan: &'p Plan, idx: &[usize]) -> Vec<&'p str> {
    idx.iter().map(|&i| plan.clauses[i].text.as_str()).collect()
}

/// A pair worth matching: (score with the topic bonus, score, left index, right index), the
/// indices into the free clauses.
type Candidate = (f32, f32, usize, usize);

/// Left free clause `li` and right free clause `rj` as a candidate, if they can reach the
/// lowest similarity accepted.
fn candidate(
    index: &WordIndex,
    li: usize,
    rj: usize,
    opts: &AlignOptions,
    share_topic: impl Fn() -> bool,
) -> Option<Candidate> {
    // The score cannot beat the lighter clause's share of the total weight.
    let (wa, wb) = index.weights(li, rj);
    if wa + wb > 0.0 && 2.0 * wa.min(wb) / (wa + wb) + opts.topic_bonus < opts.min_similarity {
        return None;
    }
    // Rounded, so that sums taken in another order (the word ids depend on which draft is read
    // first) compare equal, and ties break the same way whichever draft is on the left.
    let s = (index.score(li, rj) * 10_000.0).round() / 10_000.0;
    if s + opts.topic_bonus < opts.min_similarity {
        return None;
    }
    let bonus = if share_topic() { opts.topic_bonus } else { 0.0 };
    (s + bonus >= opts.min_similarity).then_some((s + bonus, s, li, rj))
}
