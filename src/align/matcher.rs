//! The state the matching passes share: which clauses are taken, which carry removal evidence,
//! and the groups found so far; and the last pass, which leaves the rest dropped or added.

use super::{MatchBasis, RowKind};
use crate::model::{Corpus, Plan};
use rustc_hash::FxHashMap as HashMap;

/// A group of clauses matched together, before it becomes a row.
pub(super) struct Group {
    pub(super) left: Vec<usize>,
    pub(super) right: Vec<usize>,
    pub(super) basis: MatchBasis,
    /// Related (topic / loose link / opposing positions); otherwise the kind is worked out from
    /// the shape and the texts.
    pub(super) fixed: Option<RowKind>,
    pub(super) removal: Option<usize>,
}

pub(super) struct Matcher<'a> {
    pub(super) corpus: &'a Corpus,
    pub(super) left: &'a Plan,
    pub(super) right: &'a Plan,
    /// Which group each clause is in (topic rows aside, at most one).
    pub(super) l_used: Vec<bool>,
    pub(super) r_used: Vec<bool>,
    /// Removal evidence for a left clause the right draft removed, and vice versa.
    pub(super) l_removal: Vec<Option<usize>>,
    pub(super) r_removal: Vec<Option<usize>>,
    pub(super) groups: Vec<Group>,
}

/// Maps the anchors of a draft's clauses — (plan id, clause id) of the clause itself, and of the
/// base clause it inherits — to the clause indices.
pub(super) fn anchors(plan: &Plan) -> HashMap<(&str, &str), Vec<usize>> {
    let mut map: HashMap<(&str, &str), Vec<usize>> =
        HashMap::with_capacity_and_hasher(plan.clauses.len(), Default::default());
    for (i, c) in plan.clauses.iter().enumerate() {
        map.entry((plan.id.as_str(), c.id.as_str()))
            .or_default()
            .push(i);
        if let Some(inh) = &c.inherited {
            map.entry((inh.base_plan.as_str(), inh.base_clause.as_str()))
                .or_default()
                .push(i);
        }
    }
    map
}

impl<'a> Matcher<'a> {
    pub(super) fn new(corpus: &'a Corpus, left: &'a Plan, right: &'a Plan) -> Self {
        Matcher {
            corpus,
            left,
            right,
            l_used: vec![false; left.clauses.len()],
            r_used: vec![false; right.clauses.len()],
            l_removal: vec![None; left.clauses.len()],
            r_removal: vec![None; right.clauses.len()],
            groups: Vec::new(),
        }
    }

    pub(super) fn push(&mut self, g: Group) {
        for &l in &g.left {
            self.l_used[l] = true;
        }
        for &r in &g.right {
            self.r_used[r] = true;
        }
        self.groups.push(g);
    }

    pub(super) fn free_l(&self, l: usize) -> bool {
        !self.l_used[l] && self.l_removal[l].is_none()
    }
    pub(super) fn free_r(&self, r: usize) -> bool {
        !self.r_used[r] && self.r_removal[r].is_none()
    }

    /// The left and the right clauses that are still free, in order.
    pub(super) fn free_clauses(&self) -> (Vec<usize>, Vec<usize>) {
        let ls = (0..self.left.clauses.len())
            .filter(|&l| self.free_l(l))
            .collect();
        let rs = (0..self.right.clauses.len())
            .filter(|&r| self.free_r(r))
            .collect();
        (ls, rs)
    }

    pub(super) fn leftovers(&mut self) {
        for l in 0..self.left.clauses.len() {
            if self.l_used[l] {
                continue;
            }
            let removal = self.l_removal[l];
            let basis = removal.map_or(MatchBasis::None, |k| MatchBasis::Inherited {
                action: self.right.removals[k].action,
                reported: true,
            });
            self.push(Group {
                left: vec![l],
                right: vec![],
                basis,
                fixed: Some(RowKind::Dropped),
                removal,
            });
        }
        for r in 0..self.right.clauses.len() {
            if self.r_used[r] {
                continue;
            }
            let removal = self.r_removal[r];
            let basis = removal.map_or(MatchBasis::None, |k| MatchBasis::Inherited {
                action: self.left.removals[k].action,
                reported: true,
            });
            self.push(Group {
                left: vec![],
                right: vec![r],
                basis,
                fixed: Some(RowKind::Added),
                removal,
            });
        }
    }
}
