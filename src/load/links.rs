//! Links between clauses of different drafts, checked once every draft's clause ids are known:
//! the target draft and clause must exist, and the relation and basis be ones peacediff knows.

use super::fields::Sink;
use super::raw::RawLink;
use crate::diagnostic::{Diagnostic, SourceText, suggest};
use crate::model::{Link, LinkBasis, Plan, Relation};
use std::collections::{HashMap, HashSet};

const RELATIONS: &[(&str, Relation)] = &[
    ("same", Relation::Same),
    ("revises", Relation::Revises),
    ("replaces", Relation::Replaces),
    ("opposes", Relation::Opposes),
    ("related", Relation::Related),
];
const BASES: &[(&str, LinkBasis)] = &[
    ("text", LinkBasis::Text),
    ("reported", LinkBasis::Reported),
    ("inferred", LinkBasis::Inferred),
];

/// Drafts that references cannot be checked against: their files had problems of their own.
#[derive(Default)]
pub struct Unsure {
    /// Ids of drafts that were not built, or built from a file with problems: a reference to
    /// a clause they lack may be to one they have, so it is not reported.
    pub plans: HashSet<String>,
    /// A draft file whose plan id could not be read: an unknown plan id may be its.
    pub unnamed: bool,
}

impl Unsure {
    /// Records what a draft file declared, and whether it was built. The id of a draft that
    /// was not built is a guess (a syntax error may have garbled it): another id may be its.
    pub fn note(&mut self, declared: &super::parse::Declared, built: bool) {
        self.unnamed |= !built;
        match &declared.id {
            Some(id) if declared.troubled || !built => {
                self.plans.insert(id.clone());
            }
            Some(_) => {}
            None => self.unnamed = true,
        }
    }

    /// The hint for an unknown plan id: `plain` unless a draft file's id could not be read,
    /// when the id may well be that file's.
    pub fn unknown_plan_hint(&self, plain: &str) -> String {
        if self.unnamed {
            "no draft read from this folder has this id; fix the draft files with errors \
             first, one of them may be this draft"
                .into()
        } else {
            plain.into()
        }
    }
}

/// Resolves every draft's links once all clause ids are known.
pub fn check(
    sinks: &mut [(&SourceText, Vec<RawLinkSet>)],
    plans: &mut [Plan],
    out: &mut Vec<Diagnostic>,
    unsure: &Unsure,
) {
    // Most large drafts carry no links: spare them the id maps below.
    if sinks.iter().all(|(_, sets)| sets.is_empty()) {
        return;
    }
    let ids: HashMap<String, HashSet<String>> = plans
        .iter()
        .map(|p| {
            (
                p.id.clone(),
                p.clauses.iter().map(|c| c.id.clone()).collect(),
            )
        })
        .collect();
    // Clause positions by id, so attaching links stays linear in large drafts.
    let positions: Vec<HashMap<String, usize>> = plans
        .iter()
        .map(|p| {
            p.clauses
                .iter()
                .enumerate()
                .map(|(i, c)| (c.id.clone(), i))
                .collect()
        })
        .collect();
    for (src, sets) in sinks.iter_mut() {
        let mut s = Sink { src, out };
        for set in sets.iter() {
            let plan = &mut plans[set.plan];
            let own = plan.id.clone();
            let mut resolved = Vec::new();
            for l in &set.links {
                let target = l.plan.get_ref();
                let relation = s.choice(&l.relation, "relation", RELATIONS);
                let basis = s.choice(&l.basis, "basis", BASES);
                if target == &own {
                    s.error_hint(
                        l.plan.span(),
                        "link to the clause's own draft",
                        "links join clauses of different drafts; use `parent` for sub-points",
                    );
                    continue;
                }
                let Some(targets) = ids.get(target).filter(|_| !unsure.plans.contains(target))
                else {
                    // A draft file whose id could not be read may be this very draft: the
                    // link is a consequence of that file's own error, checked once it is fixed.
                    if unsure.plans.contains(target) || unsure.unnamed {
                        continue;
                    }
                    let hint = suggest(target, ids.keys().map(String::as_str))
                        .unwrap_or_else(|| "use a plan id from the folder".into());
                    s.error_hint(
                        l.plan.span(),
                        format!("link to unknown plan `{target}`"),
                        hint,
                    );
                    continue;
                };
                let cid = l.clause.get_ref();
                if !targets.contains(cid) {
                    let hint = suggest(cid, targets.iter().map(String::as_str))
                        .unwrap_or_else(|| format!("check the clause ids of `{target}`"));
                    s.error_hint(
                        l.clause.span(),
                        format!("link to unknown clause `{target}:{cid}`"),
                        hint,
                    );
                    continue;
                }
                if let (Some(relation), Some(basis)) = (relation, basis) {
                    resolved.push(Link {
                        plan: target.clone(),
                        clause: cid.clone(),
                        relation,
                        basis,
                        note: s.opt_line(&l.note, "note"),
                    });
                }
            }
            if let Some(&i) = positions[set.plan].get(&set.clause) {
                plan.clauses[i].links = resolved;
            }
        }
    }
}

pub struct RawLinkSet {
    pub plan: usize,
    pub clause: String,
    pub links: Vec<RawLink>,
}
