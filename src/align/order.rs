//! Where rows stand: which one-to-one rows moved, and the order rows are listed in. Never
//! changes what a row matches.

use super::{Row, RowKind};
use crate::model::Plan;

/// One-to-one unchanged or revised rows that are not in every longest order-preserving chain
/// are flagged `moved` (a rule that does not depend on which draft is on the left). Clauses whose
/// order the data marks uncertain are never reported as moved.
pub(super) fn mark_moves(rows: &mut [Row], left: &Plan, right: &Plan) {
    let mut pts: Vec<(usize, usize, usize)> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            matches!(r.kind, RowKind::Unchanged | RowKind::Revised)
                && r.left.len() == 1
                && r.right.len() == 1
        })
        .map(|(i, r)| (r.left[0], r.right[0], i))
        .collect();
    if pts.len() < 2 {
        return;
    }
    pts.sort_unstable();
    let seq: Vec<usize> = pts.iter().map(|p| p.1).collect();
    let in_all = on_every_longest_chain(&seq);
    for (i, &(l, r, row)) in pts.iter().enumerate() {
        let uncertain = left.clauses[l].order_uncertain || right.clauses[r].order_uncertain;
        let row = &mut rows[row];
        if !in_all[i] && !uncertain && !row.unreported {
            row.moved = true;
        }
    }
}

/// For each position, the length of the longest strictly increasing subsequence ending there.
fn lis_ending(seq: &[usize]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new();
    let mut out = Vec::with_capacity(seq.len());
    for &x in seq {
        let k = tails.partition_point(|&t| t < x);
        if k == tails.len() {
            tails.push(x);
        } else {
            tails[k] = x;
        }
        out.push(k + 1);
    }
    out
}

/// Rows in the right draft's order; a left-only row right after the row holding the nearest
/// earlier left clause that kept its place (or first, if none).
pub(super) fn order_rows(rows: &mut Vec<Row>, n_left: usize) {
    const NONE: usize = usize::MAX;
    let mut anchor_of_left = vec![NONE; n_left];
    for r in rows.iter() {
        if r.right.is_empty() || r.moved {
            continue;
        }
        let pos = r.right[0];
        for &l in &r.left {
            anchor_of_left[l] = anchor_of_left[l].min(pos);
        }
    }
    // For each left clause, the anchor of the nearest anchored left clause at or before it.
    let mut last = NONE;
    let mut before = vec![NONE; n_left];
    for l in 0..n_left {
        if anchor_of_left[l] != NONE {
            last = anchor_of_left[l];
        }
        before[l] = last;
    }
    let mut keyed: Vec<((usize, u8, usize, usize), Row)> = rows
        .drain(..)
        .enumerate()
        .map(|(i, r)| {
            let key = if let Some(&pos) = r.right.iter().min() {
                (pos, 1, r.left.first().copied().unwrap_or(0), i)
            } else {
                let l = r.left[0];
                match before[l] {
                    NONE => (0, 0, l, i),
                    pos => (pos, 2, l, i),
                }
            };
            (key, r)
        })
        .collect();
    keyed.sort_by_key(|(k, _)| *k);
    rows.extend(keyed.into_iter().map(|(_, r)| r));
}

/// For a sequence (the right indices of pairs sorted by left index), whether each element is on
/// every longest strictly increasing subsequence: the pairs that keep their place whichever
/// draft is read first.
fn on_every_longest_chain(seq: &[usize]) -> Vec<bool> {
    let f = lis_ending(seq);
    let rev: Vec<usize> = seq.iter().rev().map(|&x| usize::MAX - x).collect();
    let mut g = lis_ending(&rev);
    g.reverse();
    let best = f.iter().copied().max().unwrap_or(0);
    let in_some: Vec<bool> = (0..seq.len()).map(|i| f[i] + g[i] - 1 == best).collect();
    let mut per_level = vec![0usize; best + 1];
    for i in 0..seq.len() {
        if in_some[i] {
            per_level[f[i]] += 1;
        }
    }
    (0..seq.len())
        .map(|i| in_some[i] && per_level[f[i]] == 1)
        .collect()
}

/// Of pairs sorted by left index, those on every longest chain whose right indices increase
/// too: anchors that do not depend on which draft is on the left.
pub(super) fn stable_chain(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let rights: Vec<usize> = pairs.iter().map(|p| p.1).collect();
    let keep = on_every_longest_chain(&rights);
    pairs
        .iter()
        .zip(keep)
        .filter_map(|(&p, k)| k.then_some(p))
        .collect()
}
