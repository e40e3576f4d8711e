//! A clause's counterparts in other drafts — through links written on either side and through
//! inheritance — and which way each correspondence reads in time.

use super::{ChangeAction, Clause, Corpus, LinkBasis, Plan, Relation};
use serde::Serialize;

/// Which way a revision or replacement reads between two clauses.
///
/// Time decides: the later draft revises the earlier, whichever file the link was written in
/// (a link from the 2022 Peace Formula to the 28 points must still read "28-pt revises").
/// Only between drafts of the same date does the side the link was written on decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// This clause revises (or replaces) the counterpart.
    Outgoing,
    /// The counterpart revises (or replaces) this clause.
    Incoming,
}

/// A clause of another draft that corresponds to a given clause.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Counterpart<'c> {
    #[serde(serialize_with = "plan_id")]
    pub plan: &'c Plan,
    #[serde(serialize_with = "clause_id")]
    pub clause: &'c Clause,
    pub relation: Relation,
    pub basis: LinkBasis,
    pub direction: Direction,
}

fn plan_id<S: serde::Serializer>(p: &&Plan, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&p.id)
}

fn clause_id<S: serde::Serializer>(c: &&Clause, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&c.id)
}

impl Counterpart<'_> {
    /// The relation read from the given clause's side ("revises" or "revised by").
    pub fn describe(&self) -> &'static str {
        match (self.direction, self.relation) {
            (_, Relation::Same) => "same",
            (_, Relation::Related) => "related",
            (_, Relation::Opposes) => "opposes",
            (Direction::Outgoing, Relation::Revises) => "revises",
            (Direction::Incoming, Relation::Revises) => "revised by",
            (Direction::Outgoing, Relation::Replaces) => "replaces",
            (Direction::Incoming, Relation::Replaces) => "replaced by",
        }
    }
}

/// The relation a derived clause has to the base clause it inherits.
pub fn inheritance_relation(action: ChangeAction) -> Relation {
    match action {
        ChangeAction::Revised => Relation::Revises,
        ChangeAction::Kept | ChangeAction::Bracketed | ChangeAction::Unknown => Relation::Same,
        ChangeAction::Dropped | ChangeAction::SeparateTrack => Relation::Related,
    }
}

impl Corpus {
    /// Every clause of another draft that corresponds to `clause` of `plan`: links written on
    /// either side, and inheritance between a derived draft and its base. In date order.
    pub fn counterparts<'c>(&'c self, plan: &Plan, clause: &Clause) -> Vec<Counterpart<'c>> {
        let mut out: Vec<Counterpart<'c>> = Vec::new();
        let mut push = |cp: Counterpart<'c>| {
            if !out
                .iter()
                .any(|o| o.plan.id == cp.plan.id && o.clause.id == cp.clause.id)
            {
                out.push(cp);
            }
        };
        for l in &clause.links {
            if let Some((p, c)) = self
                .plan(&l.plan)
                .and_then(|p| p.clause(&l.clause).map(|c| (p, c)))
            {
                push(Counterpart {
                    plan: p,
                    clause: c,
                    relation: l.relation,
                    basis: l.basis,
                    direction: Direction::Outgoing,
                });
            }
        }
        if let Some(i) = &clause.inherited
            && let Some((p, c)) = self
                .plan(&i.base_plan)
                .and_then(|p| p.clause(&i.base_clause).map(|c| (p, c)))
        {
            push(Counterpart {
                plan: p,
                clause: c,
                relation: inheritance_relation(i.action),
                basis: i.basis(),
                direction: Direction::Outgoing,
            });
        }
        for other in self.plans.iter().filter(|p| p.id != plan.id) {
            for c in &other.clauses {
                for l in c
                    .links
                    .iter()
                    .filter(|l| l.plan == plan.id && l.clause == clause.id)
                {
                    push(Counterpart {
                        plan: other,
                        clause: c,
                        relation: l.relation,
                        basis: l.basis,
                        direction: Direction::Incoming,
                    });
                }
                if let Some(i) = c
                    .inherited
                    .as_ref()
                    .filter(|i| i.base_plan == plan.id && i.base_clause == clause.id)
                {
                    push(Counterpart {
                        plan: other,
                        clause: c,
                        relation: inheritance_relation(i.action),
                        basis: i.basis(),
                        direction: Direction::Incoming,
                    });
                }
            }
        }
        for cp in &mut out {
            if cp.plan.date != plan.date {
                cp.direction = if cp.plan.date < plan.date {
                    Direction::Outgoing
                } else {
                    Direction::Incoming
                };
            }
        }
        let order = |p: &Plan| {
            self.plans
                .iter()
                .position(|x| x.id == p.id)
                .unwrap_or(usize::MAX)
        };
        out.sort_by_key(|cp| order(cp.plan));
        out
    }
}
