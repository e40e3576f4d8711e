//! Computing a word diff: the token diff from `similar`, short equalities folded into the
//! changes around them, then merged into [`Segment`]s.
//!
//! Kept apart from the [`WordDiff`] type so that the one place the `similar` crate is used,
//! and the folding rule that decides how a rewritten sentence reads, can be read on their own.

use super::tokenise::{is_word, tokens};
use super::{Segment, SegmentKind, WordDiff};

/// One step of a diff over tokens: a run in both, or a change (either side may be empty).
enum Hunk<'a> {
    Equal(Vec<&'a str>),
    Change(Vec<&'a str>, Vec<&'a str>),
}

fn word_count(tokens: &[&str]) -> usize {
    tokens.iter().filter(|t| is_word(t)).count()
}

/// The word diff of two texts (see the module docs for how they are tokenised).
///
/// After the token diff, short runs of equal text caught between two changes — whitespace
/// and punctuation always, words when there are no more of them than in the changes on either
/// side — are folded into the changes, so a rewritten sentence reads as one replacement rather
/// than a word-by-word interleaving, while `600,000` → `800,000` stays a one-token change.
pub fn word_diff(old: &str, new: &str) -> WordDiff {
    let a: Vec<&str> = tokens(old).collect();
    let b: Vec<&str> = tokens(new).collect();
    word_diff_tokens(&a, &b)
}

/// [`word_diff`] of two texts already cut with [`tokens`] (the alignment cuts each text once
/// for its diff and its strength flags).
pub(crate) fn word_diff_tokens<'t>(a: &[&'t str], b: &[&'t str]) -> WordDiff {
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, a, b);
    let mut hunks: Vec<Hunk> = Vec::new();
    fn change<'a>(hunks: &mut Vec<Hunk<'a>>, del: &[&'a str], ins: &[&'a str]) {
        if let Some(Hunk::Change(d, i)) = hunks.last_mut() {
            d.extend_from_slice(del);
            i.extend_from_slice(ins);
        } else {
            hunks.push(Hunk::Change(del.to_vec(), ins.to_vec()));
        }
    }
    for op in ops {
        match op {
            similar::DiffOp::Equal { old_index, len, .. } => {
                hunks.push(Hunk::Equal(a[old_index..old_index + len].to_vec()))
            }
            similar::DiffOp::Delete {
                old_index, old_len, ..
            } => change(&mut hunks, &a[old_index..old_index + old_len], &[]),
            similar::DiffOp::Insert {
                new_index, new_len, ..
            } => change(&mut hunks, &[], &b[new_index..new_index + new_len]),
            similar::DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => change(
                &mut hunks,
                &a[old_index..old_index + old_len],
                &b[new_index..new_index + new_len],
            ),
        }
    }
    // Fold short equalities between changes into them, until nothing changes.
    loop {
        let mut folded = false;
        let mut i = 1;
        while i + 1 < hunks.len() {
            let fold = match (&hunks[i - 1], &hunks[i], &hunks[i + 1]) {
                (Hunk::Change(d0, i0), Hunk::Equal(eq), Hunk::Change(d1, i1)) => {
                    let n = word_count(eq);
                    let before = word_count(d0).max(word_count(i0));
                    let after = word_count(d1).max(word_count(i1));
                    n == 0 || (n <= before && n <= after)
                }
                _ => false,
            };
            if fold {
                let Hunk::Change(d1, i1) = hunks.remove(i + 1) else {
                    unreachable!()
                };
                let Hunk::Equal(eq) = hunks.remove(i) else {
                    unreachable!()
                };
                if let Hunk::Change(d0, i0) = &mut hunks[i - 1] {
                    d0.extend_from_slice(&eq);
                    d0.extend(d1);
                    i0.extend_from_slice(&eq);
                    i0.extend(i1);
                }
                folded = true;
            } else {
                i += 1;
            }
        }
        if !folded {
            break;
        }
    }
    let mut out = WordDiff::default();
    let mut push = |kind: SegmentKind, parts: &[&str]| {
        if parts.is_empty() {
            return;
        }
        match out.segments.last_mut() {
            Some(last) if last.kind == kind => parts.iter().for_each(|p| last.text.push_str(p)),
            _ => out.segments.push(Segment {
                kind,
                text: parts.concat(),
            }),
        }
    };
    for h in &hunks {
        match h {
            Hunk::Equal(eq) => push(SegmentKind::Equal, eq),
            Hunk::Change(d, i) => {
                push(SegmentKind::Removed, d);
                push(SegmentKind::Added, i);
            }
        }
    }
    out
}
