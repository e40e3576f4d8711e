//! The text passes: identical texts paired in order, then word similarity among candidates found
//! through an inverted word index, best pairs first.

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

    /// Splits and merges found by wording: a clause left over whose words mostly reappear in a
    /// clause already matched by wording (at least [`PART_OF`] of its weight, and the pair at
    /// least the order prior's similarity) is a part of that clause's row — the other draft
    /// folded it in, or split it out. Best containment first; each clause joins one row.
    fn absorb_parts(
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
    fn absorb_subpoints(&mut self, index: &WordIndex, ls: &[usize], rs: &[usize], floor: f32) {
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

    /// The order prior. Where both drafts keep their order, a clause left over between two
    /// matched neighbours most likely corresponds to a leftover between their counterparts,
    /// even when a rewrite shares fewer words. So within each gap of the chain of matched
    /// one-to-one pairs that keeps its order in both drafts (the drafts' ends count as matched),
    /// pairs are accepted at the lower [`AlignOptions::gap_similarity`], best first and without
    /// crossing each other.
    fn fill_gaps(&mut self, index: &WordIndex, ls: &[usize], rs: &[usize], opts: &AlignOptions) {
        let chain = self.ordered_chain();
        let (nl, nr) = (self.left.clauses.len(), self.right.clauses.len());
        // The prior needs evidence that the drafts do keep one order: enough anchors.
        if chain.len() < MIN_ANCHORS || chain.len() * 5 < nl.min(nr) {
            return;
        }
        let bounds = std::iter::once((None, None))
            .chain(chain.iter().map(|&(l, r)| (Some(l), Some(r))))
            .chain(std::iter::once((None, None)));
        let bounds: Vec<(Option<usize>, Option<usize>)> = bounds.collect();
        for w in bounds.windows(2) {
            let (l0, r0) = (w[0].0.map_or(0, |l| l + 1), w[0].1.map_or(0, |r| r + 1));
            let (l1, r1) = (w[1].0.unwrap_or(nl), w[1].1.unwrap_or(nr));
            // Positions in the index's free lists (which are in draft order) of the leftovers
            // inside this gap: found by binary search, so all gaps together cost one pass.
            let gl: Vec<usize> = within(ls, l0..l1)
                .filter(|&i| !self.l_used[ls[i]])
                .collect();
            let gr: Vec<usize> = within(rs, r0..r1)
                .filter(|&j| !self.r_used[rs[j]])
                .collect();
            if gl.is_empty() || gr.is_empty() || gl.len() * gr.len() > MAX_GAP_PAIRS {
                continue;
            }
            let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
            for &i in &gl {
                for &j in &gr {
                    let s = (index.score(i, j) * 10_000.0).round() / 10_000.0;
                    if s >= opts.gap_similarity {
                        pairs.push((s, i, j));
                    }
                }
            }
            pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1 + a.2).cmp(&(b.1 + b.2))));
            let mut taken: Vec<(usize, usize)> = Vec::new();
            for (s, i, j) in pairs {
                let (l, r) = (ls[i], rs[j]);
                let crosses = taken.iter().any(|&(a, b)| (a < l) != (b < r));
                if self.l_used[l] || self.r_used[r] || crosses {
                    continue;
                }
                taken.push((l, r));
                self.push_similar(l, r, s);
            }
        }
    }

    /// The one-to-one groups found so far that lie on every longest chain in the same order in
    /// both drafts, by left index.
    fn ordered_chain(&self) -> Vec<(usize, usize)> {
        let mut pairs: Vec<(usize, usize)> = self
            .groups
            .iter()
            .filter(|g| g.left.len() == 1 && g.right.len() == 1)
            .map(|g| (g.left[0], g.right[0]))
            .collect();
        pairs.sort_unstable();
        super::order::stable_chain(&pairs)
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

/// A leftover clause joins a matched clause's row when at least this share of its word weight
/// reappears there.
const PART_OF: f32 = 0.6;

/// The order prior applies only where at least this many matched pairs (and a fifth of the
/// shorter draft) keep one order in both drafts.
const MIN_ANCHORS: usize = 3;

/// Gaps with more leftover pairs than this are not searched: such a gap is no longer a
/// neighbourhood, and the order says little there.
const MAX_GAP_PAIRS: usize = 400;

/// The positions in `sorted` of the values in `range`.
fn within(sorted: &[usize], range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    sorted.partition_point(|&x| x < range.start)..sorted.partition_point(|&x| x < range.end)
}

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
