//! The topic pass: for drafts of different structure, leftovers on a shared topic grouped many
//! to many into related rows.

use super::matcher::{Group, Matcher};
use super::{AlignOptions, MatchBasis, RowKind};
use crate::model::Clause;

/// The most clauses a topic row holds on either side; larger topic groups are not made, and
/// their clauses stay dropped or added.
const MAX_TOPIC_GROUP: usize = 40;

impl Matcher<'_> {
    /// For drafts of different structure: leftovers sharing a topic, grouped many to many.
    ///
    /// Per topic (in the corpus's order): the unmatched clauses of both drafts on it; when only
    /// one draft has unmatched clauses on it, they are set against all of the other draft's
    /// clauses on it (matched elsewhere or not), so a point of the 28 with no counterpart of its
    /// own still shows which Peace Formula points deal with its subject. Topics with the same
    /// clauses on both sides share a row. A group of more than [`MAX_TOPIC_GROUP`] clauses on a
    /// side is not made.
    pub(super) fn topics(&mut self, opts: &AlignOptions) {
        let (ls, rs) = self.free_clauses();
        let (nl, nr) = (self.left.clauses.len(), self.right.clauses.len());
        let share_l = ls.len() as f32 / nl.max(1) as f32;
        let share_r = rs.len() as f32 / nr.max(1) as f32;
        if (ls.is_empty() && rs.is_empty()) || share_l.max(share_r) <= opts.topic_threshold {
            return;
        }
        let mut groups: Vec<Group> = Vec::new();
        for t in self.topic_order() {
            let Some((gl, gr)) = self.on_topic(t, &ls, &rs) else {
                continue;
            };
            // A topic with dozens of clauses on a side says nothing about which belong together.
            if gl.is_empty() || gr.is_empty() || gl.len().max(gr.len()) > MAX_TOPIC_GROUP {
                continue;
            }
            if let Some(g) = groups.iter_mut().find(|g| g.left == gl && g.right == gr) {
                if let MatchBasis::Topic { topics } = &mut g.basis {
                    topics.push(t.to_string());
                }
                continue;
            }
            groups.push(Group {
                left: gl,
                right: gr,
                basis: MatchBasis::Topic {
                    topics: vec![t.to_string()],
                },
                fixed: Some(RowKind::Related),
                removal: None,
            });
        }
        for g in groups {
            self.push(g);
        }
    }

    /// The corpus's topics in its order, then any other topic the two drafts use, sorted.
    fn topic_order(&self) -> Vec<&str> {
        let mut order: Vec<&str> = self.corpus.topics.iter().map(|t| t.id.as_str()).collect();
        let mut extra: Vec<&str> = self
            .left
            .clauses
            .iter()
            .chain(&self.right.clauses)
            .flat_map(|c| c.topics.iter().map(String::as_str))
            .filter(|t| !order.contains(t))
            .collect();
        extra.sort_unstable();
        extra.dedup();
        order.extend(extra);
        order
    }

    /// The clauses of each side a topic groups: the free ones on it, set against all of the
    /// other side's clauses on it when that side has no free ones; `None` when neither has.
    fn on_topic(&self, t: &str, ls: &[usize], rs: &[usize]) -> Option<(Vec<usize>, Vec<usize>)> {
        let on = |c: &Clause| c.topics.iter().any(|x| x == t);
        let (left, right) = (&self.left.clauses, &self.right.clauses);
        let fl: Vec<usize> = ls.iter().copied().filter(|&l| on(&left[l])).collect();
        let fr: Vec<usize> = rs.iter().copied().filter(|&r| on(&right[r])).collect();
        match (fl.is_empty(), fr.is_empty()) {
            (true, true) => None,
            (false, false) => Some((fl, fr)),
            (false, true) => Some((fl, (0..right.len()).filter(|&r| on(&right[r])).collect())),
            (true, false) => Some(((0..left.len()).filter(|&l| on(&left[l])).collect(), fr)),
        }
    }
}
