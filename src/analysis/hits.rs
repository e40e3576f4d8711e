//! A party's assessments in one draft, sorted by red line in one pass over the clauses.
//!
//! [`super::plan_redlines`] needs, for every red line of a party, the clauses assessing it. It
//! used to scan every clause once per red line (and, for a derived draft, look each base
//! clause up by a linear search): fine for a few thousand clauses, but on 100,000 the repeated
//! passes over tens of megabytes of clauses no longer fit in the processor's cache and the time
//! grew much faster than the draft. Here each clause is visited once per party and each
//! assessment is put in the bucket of every line it names; the buckets hold exactly what the
//! per-line scans found, in the same order (clause order, then assessment order).

use super::{ClauseRef, is_owned_bracket, leaves_open};
use crate::model::{Assessment, Effect, Party, Plan};
use rustc_hash::FxHashMap;

/// One clause's effect on a red line, as the analysis lists it.
pub(super) type Hit = (ClauseRef, Effect);

/// A party's assessments in one draft, per red line in the party's order.
pub(super) struct PartyHits {
    /// Assessments that count toward the standing (all but owned brackets').
    pub counted: Vec<Vec<Hit>>,
    /// Owned brackets' assessments: what they would do if agreed.
    pub if_agreed: Vec<Vec<Hit>>,
    /// Clauses that leave a position open (unreported or bracketed inherited clauses), with
    /// their base clause's assessment of the line.
    pub open: Vec<Vec<Hit>>,
    /// Counted verdicts on a clause as a whole, naming no red line, in clause order.
    pub general: Vec<Hit>,
}

/// Puts each assessment of a party once in the bucket of every red line it names (naming a
/// line twice in one assessment still counts once, as `contains` did in the scans).
struct Buckets<'p> {
    lines: FxHashMap<&'p str, Vec<usize>>,
    /// The serial number of the last assessment put in each bucket.
    last: Vec<usize>,
    serial: usize,
}

impl<'p> Buckets<'p> {
    fn new(party: &'p Party) -> Buckets<'p> {
        let mut lines: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        for (k, rl) in party.red_lines.iter().enumerate() {
            lines.entry(rl.id.as_str()).or_default().push(k);
        }
        Buckets {
            lines,
            last: vec![usize::MAX; party.red_lines.len()],
            serial: 0,
        }
    }

    fn put(&mut self, a: &Assessment, hit: impl Fn() -> Hit, into: &mut [Vec<Hit>]) {
        self.serial += 1;
        for id in &a.red_lines {
            for &k in self.lines.get(id.as_str()).map_or(&[][..], Vec::as_slice) {
                if self.last[k] != self.serial {
                    self.last[k] = self.serial;
                    into[k].push(hit());
                }
            }
        }
    }
}

/// `party`'s assessments in `plan` (derived from `base`, if it is), per red line.
pub(super) fn gather(plan: &Plan, base: Option<&Plan>, party: &Party) -> PartyHits {
    let n = party.red_lines.len();
    let mut hits = PartyHits {
        counted: vec![Vec::new(); n],
        if_agreed: vec![Vec::new(); n],
        open: vec![Vec::new(); n],
        general: Vec::new(),
    };
    let mut buckets = Buckets::new(party);
    // The base draft's clauses by id (the first of an id, as `Plan::clause` finds it), built
    // only once a clause leaves a position open.
    let mut base_index: Option<FxHashMap<&str, usize>> = None;
    for (i, c) in plan.clauses.iter().enumerate() {
        let hit = |a: &Assessment| (ClauseRef::new(plan, i), a.effect);
        let owned = is_owned_bracket(c);
        for a in c.assessments.iter().filter(|a| a.party == party.id) {
            if owned {
                buckets.put(a, || hit(a), &mut hits.if_agreed);
            } else {
                if a.is_general() {
                    hits.general.push(hit(a));
                }
                buckets.put(a, || hit(a), &mut hits.counted);
            }
        }
        let (Some(base), Some(h)) = (base, c.inherited.as_ref().filter(|_| leaves_open(c))) else {
            continue;
        };
        let index = base_index.get_or_insert_with(|| {
            let mut m = FxHashMap::default();
            for (k, bc) in base.clauses.iter().enumerate() {
                m.entry(bc.id.as_str()).or_insert(k);
            }
            m
        });
        let Some(bc) = index.get(h.base_clause.as_str()).map(|&k| &base.clauses[k]) else {
            continue;
        };
        for a in bc.assessments.iter().filter(|a| a.party == party.id) {
            buckets.put(a, || hit(a), &mut hits.open);
        }
    }
    hits
}
