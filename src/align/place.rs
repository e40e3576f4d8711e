//! Where each free clause would sit in the other draft if both drafts kept one order: the
//! centre of the bounded candidate search ([`super::word_index::WordIndex::shortlist`]), for
//! words so common that only the clauses near that place are counted.

/// For each side, each free clause's expected position among the other side's free clauses.
pub(super) struct Places {
    centre: [Vec<u32>; 2],
}

impl Places {
    /// From the pairs matched so far that keep one order in both drafts (`chain`, increasing on
    /// both sides): a free clause is expected as far after its nearest anchor's counterpart as
    /// it is after its nearest anchor (before the first anchor, as far before it). Without
    /// anchors, at the same proportion of the draft. `ls` and `rs` are the free clauses, in
    /// order; `nl` and `nr` the drafts' lengths.
    pub(super) fn new(
        chain: &[(usize, usize)],
        ls: &[usize],
        rs: &[usize],
        nl: usize,
        nr: usize,
    ) -> Places {
        let swapped: Vec<(usize, usize)> = chain.iter().map(|&(l, r)| (r, l)).collect();
        Places {
            centre: [
                centres(chain, ls, rs, nl, nr),
                centres(&swapped, rs, ls, nr, nl),
            ],
        }
    }

    /// Clause `i` of side `side`'s free list: its expected position in the other side's.
    pub(super) fn of(&self, side: usize, i: usize) -> u32 {
        self.centre[side][i]
    }
}

/// For each clause of `free` (this side), its expected position in `other_free`.
fn centres(
    chain: &[(usize, usize)],
    free: &[usize],
    other_free: &[usize],
    n: usize,
    n_other: usize,
) -> Vec<u32> {
    free.iter()
        .map(|&c| {
            let k = chain.partition_point(|p| p.0 <= c);
            let expected = match (k, chain.first()) {
                (_, None) => (c as u64 * n_other as u64 / n.max(1) as u64) as usize,
                (0, Some(&(a, b))) => b.saturating_sub(a - c),
                _ => {
                    let (a, b) = chain[k - 1];
                    b + (c - a)
                }
            };
            other_free.partition_point(|&x| x < expected) as u32
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clause_is_expected_as_far_from_its_anchor_on_both_sides() {
        // Left clause 5 follows anchor (4, 10) by one: expected at right 11, which is the
        // second free right clause.
        let p = Places::new(&[(4, 10)], &[5], &[3, 11, 12], 8, 14);
        assert_eq!(p.of(0, 0), 1);
        // Right clause 3 is seven before the anchor's right side: expected before left 0.
        let p = Places::new(&[(4, 10)], &[0, 5], &[3], 8, 14);
        assert_eq!(p.of(1, 0), 0);
    }

    #[test]
    fn without_anchors_the_place_is_proportional() {
        let p = Places::new(&[], &[50], &(0..200).collect::<Vec<_>>(), 100, 200);
        assert_eq!(p.of(0, 0), 100);
    }
}
