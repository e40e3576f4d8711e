//! The inheritance pass: a derived draft against its base, or two derived drafts of one base,
//! matched by what the derived drafts report, and removals kept as evidence for dropped rows.

use super::MatchBasis;
use super::matcher::{Group, Matcher, anchors};
use crate::model::{ChangeAction, Inheritance, Plan};
use rustc_hash::FxHashMap as HashMap;

impl Matcher<'_> {
    /// A derived draft against its base, or two derived drafts of the same base.
    pub(super) fn inheritance(&mut self) {
        let (left, right) = (self.left, self.right);
        let derived =
            |p: &Plan| p.base.is_some() || p.clauses.iter().any(|c| c.inherited.is_some());
        if !derived(left) && !derived(right) {
            return;
        }
        self.pair_right_heirs();
        self.pair_left_heirs();
        // Removals: the base clause (or a sibling's copy of it) is dropped, with evidence.
        mark_removals(right, left, &self.l_used, &mut self.l_removal);
        mark_removals(left, right, &self.r_used, &mut self.r_removal);
    }

    /// Right clauses inheriting a left clause, or the same base clause as a left clause.
    fn pair_right_heirs(&mut self) {
        let (left, right) = (self.left, self.right);
        let l_inherited: HashMap<(&str, &str), usize> = left
            .clauses
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                c.inherited
                    .as_ref()
                    .map(|h| ((h.base_plan.as_str(), h.base_clause.as_str()), i))
            })
            .collect();
        for (r, rc) in right.clauses.iter().enumerate() {
            let Some(rh) = &rc.inherited else { continue };
            let (l, action, reported) = if rh.base_plan == left.id {
                match left.clause_index(&rh.base_clause) {
                    Some(l) => (l, rh.action, rh.reported),
                    None => continue,
                }
            } else if let Some(&l) =
                l_inherited.get(&(rh.base_plan.as_str(), rh.base_clause.as_str()))
            {
                let lh = left.clauses[l].inherited.as_ref().expect("inherited");
                let (action, reported) = shared_report(lh, rh);
                (l, action, reported)
            } else {
                continue;
            };
            if self.l_used[l] {
                continue;
            }
            self.push(inherited_group(l, r, action, reported));
        }
    }

    /// Left clauses inheriting a right clause.
    fn pair_left_heirs(&mut self) {
        let (left, right) = (self.left, self.right);
        for (l, lc) in left.clauses.iter().enumerate() {
            let Some(lh) = &lc.inherited else { continue };
            if lh.base_plan != right.id || self.l_used[l] {
                continue;
            }
            let Some(r) = right.clause_index(&lh.base_clause) else {
                continue;
            };
            if self.r_used[r] {
                continue;
            }
            self.push(inherited_group(l, r, lh.action, lh.reported));
        }
    }
}

/// For two derived drafts of one base clause: the more telling of the two reports, whichever
/// side it is on; unknown if either draft left it unreported.
fn shared_report(lh: &Inheritance, rh: &Inheritance) -> (ChangeAction, bool) {
    let rank = |a: ChangeAction| match a {
        ChangeAction::Unknown => 0,
        ChangeAction::Revised => 1,
        ChangeAction::Bracketed => 2,
        _ => 3,
    };
    if lh.action == ChangeAction::Unknown || rh.action == ChangeAction::Unknown {
        (ChangeAction::Unknown, false)
    } else if rank(lh.action) < rank(rh.action) {
        (lh.action, lh.reported)
    } else {
        (rh.action, rh.reported)
    }
}

/// A one-to-one group resting on a derived draft's report.
fn inherited_group(l: usize, r: usize, action: ChangeAction, reported: bool) -> Group {
    Group {
        left: vec![l],
        right: vec![r],
        basis: MatchBasis::Inherited { action, reported },
        fixed: None,
        removal: None,
    }
}

/// Marks each unused clause of `other` that `remover` removed (by its base clause id, so a
/// sibling's copy counts) with the index of that removal; a later removal wins.
fn mark_removals(remover: &Plan, other: &Plan, used: &[bool], marks: &mut [Option<usize>]) {
    let anchor = anchors(other);
    let base = remover.base.as_deref().unwrap_or_default();
    for (k, rem) in remover.removals.iter().enumerate() {
        if let Some(found) = anchor.get(&(base, rem.base_clause.as_str())) {
            for &i in found {
                if !used[i] {
                    marks[i] = Some(k);
                }
            }
        }
    }
}
