//! After the greedy similarity pass: clauses left over that belong in a row already matched
//! by wording, as the parts of a split or merge — by shared wording, or as the unmatched
//! sub-points of a parent matched to a clause without sub-points.
//!
//! Kept apart from the candidate search because these passes grow existing rows instead of
//! pairing clauses, with rules (one side grows, containment first) of their own.

use crate::align::AlignOptions;
use crate::align::MatchBasis;
use crate::align::matcher::Matcher;
use crate::align::place::Places;
use crate::align::word_index::WordIndex;
use crate::model::Plan;
use rustc_hash::FxHashMap as HashMap;

impl Matcher<'_> {
    /// Splits and merges found by wording: a clause left over whose words mostly reappear in a
    /// clause already matched by wording (at least [`PART_OF`] of its weight, and the pair at
    /// least the order prior's similarity) is a part of that clause's row — the other draft
    /// folded it in, or split it out. Best containment first; each clause joins one row.
    pub(super) fn absorb_parts(
        &mut self,
        index: &WordIndex,
        places: &Places,
        ls: &[usize],
        rs: &[usize],
        opts: &AlignOptions,
    ) {
        // Which similarity group holds each clause alone on its side.
        let mut single_l: HashMap<usize, usize> = HashMap::default();
        let mut single_r: HashMap<usize, usize> = HashMap::default();
        for (k, g) in self.groups.iter().enumerate() {
            if !matches!(g.basis, MatchBasis::Similarity { .. }) {
                continue;
            }
            if let [r] = g.right[..] {
                single_r.insert(r, k);
            }
            if let [l] = g.left[..] {
                single_l.insert(l, k);
            }
        }
        // (containment, score, side, free clause, group).
        let mut found: Vec<(f32, f32, usize, usize, usize)> = Vec::new();
        let mut tally = index.tally();
        for side in 0..2 {
            let (free, other, single) = if side == 0 {
                (ls, rs, &single_r)
            } else {
                (rs, ls, &single_l)
            };
            if single.is_empty() {
                continue;
            }
            for (i, &c) in free.iter().enumerate() {
                let taken = if side == 0 {
                    self.l_used[c]
                } else {
                    self.r_used[c]
                };
                if taken {
                    continue;
                }
                let centre = places.of(side, i);
                index.load(side, i, &mut tally);
                for j in index.shortlist(side, i, centre, opts.max_candidates, &mut tally) {
                    let Some(&k) = single.get(&other[j as usize]) else {
                        continue;
                    };
                    let overlap = index.overlap_loaded(&tally, j as usize);
                    let (cl, cr) = overlap.containment();
                    let part = if side == 0 { cl } else { cr };
                    let s = overlap.score();
                    if part >= PART_OF && s >= opts.gap_similarity {
                        found.push((part, s, side, c, k));
                    }
                }
            }
        }
        found.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then(b.1.total_cmp(&a.1))
                .then((a.2, a.3, a.4).cmp(&(b.2, b.3, b.4)))
        });
        for (_, _, side, c, k) in found {
            let g = &self.groups[k];
            // A row grows on one side only: a split stays one-to-many, a merge many-to-one.
            let (grows, fixed) = if side == 0 {
                (&g.left, g.right.len())
            } else {
                (&g.right, g.left.len())
            };
            let used = if side == 0 {
                self.l_used[c]
            } else {
                self.r_used[c]
            };
            if used || fixed != 1 || grows.is_empty() {
                continue;
            }
            if side == 0 {
                self.l_used[c] = true;
                let left = &mut self.groups[k].left;
                left.push(c);
                left.sort_unstable();
            } else {
                self.r_used[c] = true;
                let right = &mut self.groups[k].right;
                right.push(c);
                right.sort_unstable();
            }
        }
    }

    /// One draft itemises a point in sub-points ("24a"–"24d") where the other says it all in one
    /// clause: when a parent was matched by wording to a clause that has no sub-points of its
    /// own, the parent's unmatched sub-points join its row, which becomes a merge (or a split,
    /// the other way round) rather than leaving each sub-point "dropped" beside it. A sub-point
    /// joins only if it shares some wording with that clause (`floor`): one the other draft
    /// left out stays dropped.
    pub(super) fn absorb_subpoints(
        &mut self,
        index: &WordIndex,
        ls: &[usize],
        rs: &[usize],
        floor: f32,
    ) {
        let score = |l: usize, r: usize| match (ls.binary_search(&l), rs.binary_search(&r)) {
            (Ok(i), Ok(j)) => index.score(i, j),
            _ => 0.0,
        };
        let (kids_l, kids_r) = (children_of(self.left), children_of(self.right));
        let none: &[usize] = &[];
        for k in 0..self.groups.len() {
            let g = &self.groups[k];
            if g.left.len() != 1
                || g.right.len() != 1
                || !matches!(g.basis, MatchBasis::Similarity { .. })
            {
                continue;
            }
            let (l, r) = (g.left[0], g.right[0]);
            let (cl, cr) = (
                kids_l.get(&l).map_or(none, Vec::as_slice),
                kids_r.get(&r).map_or(none, Vec::as_slice),
            );
            if cr.is_empty() {
                let extra: Vec<usize> = cl
                    .iter()
                    .copied()
                    .filter(|&c| self.free_l(c) && score(c, r) >= floor)
                    .collect();
                for &c in &extra {
                    self.l_used[c] = true;
                }
                self.groups[k].left.extend(extra);
            }
            if cl.is_empty() {
                let extra: Vec<usize> = cr
                    .iter()
                    .copied()
                    .filter(|&c| self.free_r(c) && score(l, c) >= floor)
                    .collect();
                for &c in &extra {
                    self.r_used[c] = true;
                }
                self.groups[k].right.extend(extra);
            }
        }
    }
}

/// A leftover clause joins a matched clause's row when at least this share of its word weight
/// reappears there.
const PART_OF: f32 = 0.6;

/// Each clause's sub-points (by index, in order), for the clauses that have any.
fn children_of(plan: &Plan) -> HashMap<usize, Vec<usize>> {
    let mut out: HashMap<usize, Vec<usize>> = HashMap::default();
    if plan.clauses.iter().all(|c| c.parent.is_none()) {
        return out;
    }
    let index: HashMap<&str, usize> = plan
        .clauses
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    for (i, c) in plan.clauses.iter().enumerate() {
        if let Some(&p) = c.parent.as_deref().and_then(|p| index.get(p)) {
            out.entry(p).or_default().push(i);
        }
    }
    out
}
