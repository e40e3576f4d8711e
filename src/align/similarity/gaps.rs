//! The order prior: leftovers between the same matched neighbours in both drafts paired at
//! a lower similarity, and the order-keeping chain of matched pairs it (and the places of
//! free clauses) rests on.
//!
//! Kept apart from the candidate search because it trusts position over wording, and is
//! bounded by rules (enough anchors, small gaps) that only concern it.

use crate::align::AlignOptions;
use crate::align::matcher::Matcher;
use crate::align::word_index::WordIndex;

impl Matcher<'_> {
    /// The order prior. Where both drafts keep their order, a clause left over between two
    /// matched neighbours most likely corresponds to a leftover between their counterparts,
    /// even when a rewrite shares fewer words. So within each gap of the chain of matched
    /// one-to-one pairs that keeps its order in both drafts (the drafts' ends count as matched),
    /// pairs are accepted at the lower [`AlignOptions::gap_similarity`], best first and without
    /// crossing each other.
    pub(super) fn fill_gaps(
        &mut self,
        index: &WordIndex,
        ls: &[usize],
        rs: &[usize],
        opts: &AlignOptions,
    ) {
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
    pub(super) fn ordered_chain(&self) -> Vec<(usize, usize)> {
        let mut pairs: Vec<(usize, usize)> = self
            .groups
            .iter()
            .filter(|g| g.left.len() == 1 && g.right.len() == 1)
            .map(|g| (g.left[0], g.right[0]))
            .collect();
        pairs.sort_unstable();
        crate::align::order::stable_chain(&pairs)
    }
}

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
