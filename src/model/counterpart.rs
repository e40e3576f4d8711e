//! A clause's counterparts in other drafts — through links written on either side and through
//! inheritance — and which way each correspondence reads in time.

use super::{ChangeAction, Clause, Corpus, LinkBasis, Plan, Relation};
use rustc_hash::FxHashMap;
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

/// A list of counterparts that keeps the first correspondence found with each clause.
#[derive(Default)]
struct Found<'c>(Vec<Counterpart<'c>>);

impl<'c> Found<'c> {
    fn push(&mut self, cp: Counterpart<'c>) {
        if !self
            .0
            .iter()
            .any(|o| o.plan.id == cp.plan.id && o.clause.id == cp.clause.id)
        {
            self.0.push(cp);
        }
    }
}

/// The correspondences another draft's clause `c` states with clause `target` of `plan` (any
/// of its clauses when `target` is `None`): its links to it, then its inheritance of it, with
/// the id of the clause each one names.
fn stated_by<'a, 'c>(
    plan: &'a str,
    target: Option<&'a str>,
    other: &'c Plan,
    c: &'c Clause,
) -> impl Iterator<Item = (&'c str, Counterpart<'c>)> {
    let named = move |clause: &str| target.is_none_or(|t| t == clause);
    let links = c
        .links
        .iter()
        .filter(move |l| l.plan == plan && named(&l.clause))
        .map(move |l| {
            let cp = Counterpart {
                plan: other,
                clause: c,
                relation: l.relation,
                basis: l.basis,
                direction: Direction::Incoming,
            };
            (l.clause.as_str(), cp)
        });
    let inherited = c
        .inherited
        .as_ref()
        .filter(move |i| i.base_plan == plan && named(&i.base_clause))
        .map(move |i| {
            let cp = Counterpart {
                plan: other,
                clause: c,
                relation: inheritance_relation(i.action),
                basis: i.basis(),
                direction: Direction::Incoming,
            };
            (i.base_clause.as_str(), cp)
        });
    links.chain(inherited)
}

impl Corpus {
    /// Every clause of another draft that corresponds to `clause` of `plan`: links written on
    /// either side, and inheritance between a derived draft and its base. In date order.
    pub fn counterparts<'c>(&'c self, plan: &Plan, clause: &Clause) -> Vec<Counterpart<'c>> {
        let mut found = self.outgoing(clause, &mut |p, id| p.clause(id));
        for other in self.plans.iter().filter(|p| p.id != plan.id) {
            for c in &other.clauses {
                for (_, cp) in stated_by(&plan.id, Some(&clause.id), other, c) {
                    found.push(cp);
                }
            }
        }
        self.in_time(plan, found)
    }

    /// [`Corpus::counterparts`] of every clause of `plan`, in clause order, with one pass over
    /// the other drafts instead of one per clause (which made measuring a 10,000-clause draft
    /// against the draft before it quadratic).
    pub fn counterparts_of_all<'c>(&'c self, plan: &Plan) -> Vec<Vec<Counterpart<'c>>> {
        let mut incoming: FxHashMap<&str, Vec<Counterpart<'c>>> = FxHashMap::default();
        for other in self.plans.iter().filter(|p| p.id != plan.id) {
            for c in &other.clauses {
                for (id, cp) in stated_by(&plan.id, None, other, c) {
                    incoming.entry(id).or_default().push(cp);
                }
            }
        }
        // Each linked draft's clauses by id (the first of an id, as `Plan::clause` finds it),
        // indexed when a link first names the draft.
        let mut by_id: FxHashMap<&str, FxHashMap<&str, &'c Clause>> = FxHashMap::default();
        let mut find = |p: &'c Plan, id: &str| -> Option<&'c Clause> {
            let index = by_id.entry(p.id.as_str()).or_insert_with(|| {
                let mut m = FxHashMap::default();
                for c in &p.clauses {
                    m.entry(c.id.as_str()).or_insert(c);
                }
                m
            });
            index.get(id).copied()
        };
        plan.clauses
            .iter()
            .map(|clause| {
                let mut found = self.outgoing(clause, &mut find);
                for cp in incoming.get(clause.id.as_str()).into_iter().flatten() {
                    found.push(*cp);
                }
                self.in_time(plan, found)
            })
            .collect()
    }

    /// What `clause` itself states: its links, then the clause it inherits.
    fn outgoing<'c>(
        &'c self,
        clause: &Clause,
        find: &mut dyn FnMut(&'c Plan, &str) -> Option<&'c Clause>,
    ) -> Found<'c> {
        let mut found = Found::default();
        for l in &clause.links {
            if let Some((p, c)) = self
                .plan(&l.plan)
                .and_then(|p| find(p, &l.clause).map(|c| (p, c)))
            {
                found.push(Counterpart {
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
                .and_then(|p| find(p, &i.base_clause).map(|c| (p, c)))
        {
            found.push(Counterpart {
                plan: p,
                clause: c,
                relation: inheritance_relation(i.action),
                basis: i.basis(),
                direction: Direction::Outgoing,
            });
        }
        found
    }

    /// Time decides each direction between drafts of different dates; in date order.
    fn in_time<'c>(&'c self, plan: &Plan, found: Found<'c>) -> Vec<Counterpart<'c>> {
        let mut out = found.0;
        for cp in &mut out {
            if cp.plan.date != plan.date {
                cp.direction = if cp.plan.date < plan.date {
                    Direction::Outgoing
                } else {
                    Direction::Incoming
                };
            }
        }
        out.sort_by_key(|cp| self.plan_position(&cp.plan.id).unwrap_or(usize::MAX));
        out
    }
}
