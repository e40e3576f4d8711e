//! The topic pass: for drafts of different structure, leftovers on a shared topic grouped many
//! to many into related rows.

use super::matcher::{Group, Matcher};
use super::{AlignOptions, MatchBasis, RowKind};

/// The most clauses a topic row holds on either side; larger topic groups are not made, and
/// their clauses stay dropped or added.
const MAX_TOPIC_GROUP: usize = 40;

impl Matcher<'_> {
    /// For drafts of different structure: leftovers sharing a topic, grouped many to many.
    ///
    /// Per topic (in the corpus's order): the still unmatched clauses of both drafts on it form
    /// a related row when both sides have some. Each clause joins at most one topic row (its
    /// first topic that pairs it), so no clause is shown twice and a clause with no free
    /// counterpart on any of its topics stays dropped or added — which is what it is. The row
    /// names every topic its two sides share. A group of more than [`MAX_TOPIC_GROUP`] clauses
    /// on a side is not made.
    pub(super) fn topics(&mut self, opts: &AlignOptions) {
        let (ls, rs) = self.free_clauses();
        let (nl, nr) = (self.left.clauses.len(), self.right.clauses.len());
        let share_l = ls.len() as f32 / nl.max(1) as f32;
        let share_r = rs.len() as f32 / nr.max(1) as f32;
        if (ls.is_empty() && rs.is_empty()) || share_l.max(share_r) <= opts.topic_threshold {
            return;
        }
        let (mut ls, mut rs) = (ls, rs);
        let order = self.topic_order();
        let mut groups: Vec<Group> = Vec::new();
        for t in &order {
            let (gl, gr) = (self.on_topic(t, &ls, true), self.on_topic(t, &rs, false));
            // A topic with dozens of clauses on a side says nothing about which belong together.
            if gl.is_empty() || gr.is_empty() || gl.len().max(gr.len()) > MAX_TOPIC_GROUP {
                continue;
            }
            ls.retain(|l| !gl.contains(l));
            rs.retain(|r| !gr.contains(r));
            let shared = order
                .iter()
                .filter(|u| {
                    gl.iter()
                        .any(|&l| self.left.clauses[l].topics.iter().any(|x| x == *u))
                        && gr
                            .iter()
                            .any(|&r| self.right.clauses[r].topics.iter().any(|x| x == *u))
                })
                .map(|u| u.to_string())
                .collect();
            groups.push(Group {
                left: gl,
                right: gr,
                basis: MatchBasis::Topic { topics: shared },
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

    /// The clauses among `free` (of the left draft, or the right) that are on topic `t`.
    fn on_topic(&self, t: &str, free: &[usize], left: bool) -> Vec<usize> {
        let clauses = if left {
            &self.left.clauses
        } else {
            &self.right.clauses
        };
        free.iter()
            .copied()
            .filter(|&i| clauses[i].topics.iter().any(|x| x == t))
            .collect()
    }
}
