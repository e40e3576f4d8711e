//! Red lines, coverage gaps and history: what a draft means for each party, and how a topic or
//! a clause moved across drafts.
//!
//! Red-line effects come only from the assessments written in the data (`[[clause.assess]]` and
//! a derived draft's `assess`); nothing here guesses them from wording. When several clauses of
//! a draft affect the same red line differently, the strongest effect decides where it is
//! listed (crosses > partial > meets), and every clause responsible for any effect on it is
//! listed with its own effect.

use crate::model::{Clause, Corpus, Direction, Effect, LinkBasis, Plan, Relation};
use serde::Serialize;

/// A clause named in a result: its index in the draft's `clauses`, its id, printed label and
/// title.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ClauseRef {
    pub index: usize,
    pub id: String,
    pub label: String,
    pub title: String,
}

impl ClauseRef {
    pub fn new(plan: &Plan, index: usize) -> ClauseRef {
        let c = &plan.clauses[index];
        ClauseRef {
            index,
            id: c.id.clone(),
            label: c.label.clone(),
            title: c.title.clone(),
        }
    }
}

/// One red line (or demand) and the clauses of a draft that affect it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RedLineHit {
    /// The red line's id (`ua-no-recognition-of-occupation`).
    pub red_line: String,
    /// Whether it is a hard red line ([`crate::model::Firmness::is_hard`]) rather than a demand.
    pub hard: bool,
    /// The strongest effect any clause has on it: crosses > partial > meets.
    pub effect: Effect,
    /// Every clause with an assessment on this line, with that assessment's effect.
    pub clauses: Vec<(ClauseRef, Effect)>,
}

/// One party's standing in one draft.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartyRedLines {
    pub party: String,
    /// Lines whose strongest effect is `crosses`, in the party's red-line order.
    pub crossed: Vec<RedLineHit>,
    /// Lines whose strongest effect is `partial`.
    pub partial: Vec<RedLineHit>,
    /// Lines only met.
    pub met: Vec<RedLineHit>,
    /// Hard red lines crossed (`crossed` filtered by `hard`).
    pub hard_crossed: usize,
    /// Demands (firm or preference) crossed.
    pub demands_crossed: usize,
    /// Lines that the base draft's clauses affect but whose clauses this derived draft leaves
    /// unreported (`unknown`) or bracketed without an assessment: open, as far as the data
    /// goes. Each hit carries the base clause's effect and this draft's clauses. Empty for
    /// drafts that are not derived. Not counted in `hard_crossed`.
    pub open: Vec<RedLineHit>,
    /// The party's lines this draft says nothing about.
    pub silent: Vec<String>,
}

/// Every party's standing in one draft.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanRedLines {
    pub plan: String,
    /// In the corpus's party order.
    pub parties: Vec<PartyRedLines>,
}

impl PlanRedLines {
    pub fn party(&self, id: &str) -> Option<&PartyRedLines> {
        self.parties.iter().find(|p| p.party == id)
    }
}

/// Per party, the red lines each clause of `plan` crosses, meets or partly meets.
pub fn plan_redlines(corpus: &Corpus, plan: &Plan) -> PlanRedLines {
    let base = plan.base.as_deref().and_then(|b| corpus.plan(b));
    let parties = corpus
        .parties
        .iter()
        .map(|party| {
            let mut crossed = Vec::new();
            let mut partial = Vec::new();
            let mut met = Vec::new();
            let mut open = Vec::new();
            let mut silent = Vec::new();
            for rl in &party.red_lines {
                let clauses: Vec<(ClauseRef, Effect)> = plan
                    .clauses
                    .iter()
                    .enumerate()
                    .flat_map(|(i, c)| {
                        c.assessments
                            .iter()
                            .filter(|a| a.party == party.id && a.red_lines.contains(&rl.id))
                            .map(move |a| (i, a.effect))
                    })
                    .map(|(i, e)| (ClauseRef::new(plan, i), e))
                    .collect();
                let hard = rl.firmness.is_hard();
                let Some(effect) = clauses.iter().map(|(_, e)| *e).min() else {
                    // Not assessed here: open if an unreported or bracketed inherited clause
                    // carries a base assessment of it.
                    let pending = open_clauses(plan, base, &party.id, &rl.id);
                    match pending.iter().map(|(_, e)| *e).min() {
                        Some(effect) => open.push(RedLineHit {
                            red_line: rl.id.clone(),
                            hard,
                            effect,
                            clauses: pending,
                        }),
                        None => silent.push(rl.id.clone()),
                    }
                    continue;
                };
                let hit = RedLineHit {
                    red_line: rl.id.clone(),
                    hard,
                    effect,
                    clauses,
                };
                match effect {
                    Effect::Crosses => crossed.push(hit),
                    Effect::Partial => partial.push(hit),
                    Effect::Meets => met.push(hit),
                }
            }
            let hard_crossed = crossed.iter().filter(|h| h.hard).count();
            PartyRedLines {
                party: party.id.clone(),
                demands_crossed: crossed.len() - hard_crossed,
                hard_crossed,
                crossed,
                partial,
                met,
                open,
                silent,
            }
        })
        .collect();
    PlanRedLines {
        plan: plan.id.clone(),
        parties,
    }
}

/// Whether a clause leaves its parties' positions open: an inherited clause whose fate was not
/// reported, or that was bracketed with no assessment of its own. A missing assessment on such a
/// clause claims nothing, unlike silence on a clause whose text is known.
pub fn leaves_open(c: &crate::model::Clause) -> bool {
    c.inherited.as_ref().is_some_and(|h| {
        h.action == crate::model::ChangeAction::Unknown
            || (h.action == crate::model::ChangeAction::Bracketed && c.assessments.is_empty())
    })
}

/// A derived draft's clauses that [leave positions open](leaves_open), whose base clause
/// assesses `red_line`, with the base clause's effect.
fn open_clauses(
    plan: &Plan,
    base: Option<&Plan>,
    party: &str,
    red_line: &str,
) -> Vec<(ClauseRef, Effect)> {
    let Some(base) = base else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, c) in plan.clauses.iter().enumerate() {
        let Some(h) = c.inherited.as_ref().filter(|_| leaves_open(c)) else {
            continue;
        };
        let Some(bc) = base.clause(&h.base_clause) else {
            continue;
        };
        for a in &bc.assessments {
            if a.party == party && a.red_lines.iter().any(|r| r == red_line) {
                out.push((ClauseRef::new(plan, i), a.effect));
            }
        }
    }
    out
}

/// How one party's standing changed from draft `a` to draft `b`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartyDelta {
    pub party: String,
    /// Crossed in `b`, not in `a`.
    pub newly_crossed: Vec<String>,
    /// Crossed in `a`, not in `b`, and not merely open in `b`.
    pub no_longer_crossed: Vec<String>,
    /// Crossed in both.
    pub still_crossed: Vec<String>,
    /// Met in `b` (strongest effect `meets`), not in `a`.
    pub newly_met: Vec<String>,
    /// Met in `a`, not in `b`, and not merely open in `b`.
    pub no_longer_met: Vec<String>,
    /// Assessed in `a` (crossed, partial or met) and open in `b` (see [`PartyRedLines::open`]):
    /// `b` does not say, so no change is claimed.
    pub now_open: Vec<String>,
    /// Hard red lines crossed in `a` and in `b`.
    pub hard_crossed: (usize, usize),
    /// Demands crossed in `a` and in `b`.
    pub demands_crossed: (usize, usize),
    /// "19-pt crosses 2 of Ukraine's red lines, down from 7".
    pub headline: String,
}

/// Every party's change from `a` to `b`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RedLineDelta {
    pub from: String,
    pub to: String,
    pub parties: Vec<PartyDelta>,
}

impl RedLineDelta {
    pub fn party(&self, id: &str) -> Option<&PartyDelta> {
        self.parties.iter().find(|p| p.party == id)
    }
}

/// Per party, the red lines newly crossed, no longer crossed and still crossed from `a` to `b`.
pub fn redline_delta(corpus: &Corpus, a: &Plan, b: &Plan) -> RedLineDelta {
    let ra = plan_redlines(corpus, a);
    let rb = plan_redlines(corpus, b);
    let parties = ra
        .parties
        .iter()
        .zip(&rb.parties)
        .map(|(pa, pb)| {
            let ids = |v: &[RedLineHit]| v.iter().map(|h| h.red_line.clone()).collect::<Vec<_>>();
            let (ca, cb) = (ids(&pa.crossed), ids(&pb.crossed));
            let (ma, mb) = (ids(&pa.met), ids(&pb.met));
            let ob = ids(&pb.open);
            let assessed_a: Vec<String> = ca
                .iter()
                .chain(&ma)
                .cloned()
                .chain(ids(&pa.partial))
                .collect();
            let minus = |x: &[String], y: &[String]| {
                x.iter()
                    .filter(|i| !y.contains(i))
                    .cloned()
                    .collect::<Vec<_>>()
            };
            let name = corpus
                .party(&pa.party)
                .map(|p| p.name.as_str())
                .unwrap_or(&pa.party);
            PartyDelta {
                party: pa.party.clone(),
                newly_crossed: minus(&cb, &ca),
                no_longer_crossed: minus(&minus(&ca, &cb), &ob),
                still_crossed: cb.iter().filter(|i| ca.contains(i)).cloned().collect(),
                newly_met: minus(&mb, &ma),
                no_longer_met: minus(&minus(&ma, &mb), &ob),
                now_open: ob
                    .iter()
                    .filter(|i| assessed_a.contains(i))
                    .cloned()
                    .collect(),
                hard_crossed: (pa.hard_crossed, pb.hard_crossed),
                demands_crossed: (pa.demands_crossed, pb.demands_crossed),
                headline: {
                    let mut h = headline(&b.short, name, pa.hard_crossed, pb.hard_crossed);
                    let open = pb.open.iter().filter(|x| x.hard).count();
                    if open > 0 {
                        h.push_str(&format!(
                            " ({open} more open: clauses unreported or bracketed)"
                        ));
                    }
                    h
                },
            }
        })
        .collect();
    RedLineDelta {
        from: a.id.clone(),
        to: b.id.clone(),
        parties,
    }
}

/// "19-pt crosses 2 of Ukraine's red lines, down from 7".
pub fn headline(plan_short: &str, party_name: &str, before: usize, after: usize) -> String {
    let owner = if party_name.ends_with('s') {
        format!("{party_name}'")
    } else {
        format!("{party_name}'s")
    };
    let trend = match after.cmp(&before) {
        std::cmp::Ordering::Less => format!(", down from {before}"),
        std::cmp::Ordering::Greater => format!(", up from {before}"),
        std::cmp::Ordering::Equal => ", as before".to_string(),
    };
    if after == 0 {
        format!("{plan_short} crosses none of {owner} red lines{trend}")
    } else {
        format!("{plan_short} crosses {after} of {owner} red lines{trend}")
    }
}

/// A topic and the clauses of one draft on it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicCoverage {
    pub topic: String,
    pub clauses: Vec<ClauseRef>,
}

/// Topics one draft covers and the other does not.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gaps {
    pub left: String,
    pub right: String,
    /// Covered by the left draft only, with its clauses on each, in the corpus's topic order.
    pub only_left: Vec<TopicCoverage>,
    /// Covered by the right draft only.
    pub only_right: Vec<TopicCoverage>,
    /// Topic ids covered by both.
    pub both: Vec<String>,
    /// Topic ids covered by neither.
    pub neither: Vec<String>,
}

fn covering(plan: &Plan, topic: &str) -> Vec<ClauseRef> {
    plan.clauses
        .iter()
        .enumerate()
        .filter(|(_, c)| c.topics.iter().any(|t| t == topic))
        .map(|(i, _)| ClauseRef::new(plan, i))
        .collect()
}

/// The coverage gaps between two drafts, by topic.
pub fn gaps(corpus: &Corpus, a: &Plan, b: &Plan) -> Gaps {
    let mut g = Gaps {
        left: a.id.clone(),
        right: b.id.clone(),
        only_left: vec![],
        only_right: vec![],
        both: vec![],
        neither: vec![],
    };
    let mut ids: Vec<&str> = corpus.topics.iter().map(|t| t.id.as_str()).collect();
    // Topics used by the plans but not declared (synthetic plans) come last, sorted.
    let mut extra: Vec<&str> = a
        .clauses
        .iter()
        .chain(&b.clauses)
        .flat_map(|c| c.topics.iter().map(String::as_str))
        .filter(|t| !ids.contains(t))
        .collect();
    extra.sort_unstable();
    extra.dedup();
    ids.extend(extra);
    for t in ids {
        let (ca, cb) = (covering(a, t), covering(b, t));
        match (ca.is_empty(), cb.is_empty()) {
            (false, false) => g.both.push(t.to_string()),
            (false, true) => g.only_left.push(TopicCoverage {
                topic: t.to_string(),
                clauses: ca,
            }),
            (true, false) => g.only_right.push(TopicCoverage {
                topic: t.to_string(),
                clauses: cb,
            }),
            (true, true) => g.neither.push(t.to_string()),
        }
    }
    g
}

/// One draft's clauses on a topic.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicEntry {
    pub plan: String,
    /// Empty when the draft does not cover the topic.
    pub clauses: Vec<ClauseRef>,
}

/// Every draft's clauses on one topic, in date order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicHistory {
    pub topic: String,
    pub entries: Vec<TopicEntry>,
}

/// Each draft's clauses on `topic` (a topic id), in the corpus's date order. Drafts that do not
/// cover it are listed with no clauses, so gaps show.
pub fn topic_history(corpus: &Corpus, topic: &str) -> TopicHistory {
    TopicHistory {
        topic: topic.to_string(),
        entries: corpus
            .plans
            .iter()
            .map(|p| TopicEntry {
                plan: p.id.clone(),
                clauses: covering(p, topic),
            })
            .collect(),
    }
}

/// One step of a clause's evolution: a counterpart in another draft.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryEntry {
    pub plan: String,
    pub clause: ClauseRef,
    /// How this counterpart relates to the clause it was reached from (`None` for the clause
    /// the history was asked for).
    pub relation: Option<Relation>,
    pub basis: Option<LinkBasis>,
    pub direction: Option<Direction>,
    /// "revises", "revised by", "same", …; empty for the starting clause.
    pub describe: String,
    /// 0 for the starting clause, 1 for its direct counterparts, 2 for theirs, …
    pub hops: usize,
    /// The clause it was reached from, as (plan id, clause id); `None` for the start.
    pub via: Option<(String, String)>,
}

/// A clause and its counterparts across every draft, in date order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClauseHistory {
    pub plan: String,
    pub clause: ClauseRef,
    /// The starting clause included (hops 0), in the corpus's date order.
    pub entries: Vec<HistoryEntry>,
}

/// The evolution of clause `clause` (an index) of `plan`: its counterparts in every draft,
/// following links and inheritance in both directions. Direct counterparts come first; their
/// own counterparts are followed through `same`, `revises` and `replaces` links only, so a
/// loose `related` link does not pull in a whole topic.
pub fn clause_history(corpus: &Corpus, plan: &Plan, clause: usize) -> ClauseHistory {
    let start = ClauseRef::new(plan, clause);
    let mut entries = vec![HistoryEntry {
        plan: plan.id.clone(),
        clause: start.clone(),
        relation: None,
        basis: None,
        direction: None,
        describe: String::new(),
        hops: 0,
        via: None,
    }];
    let mut queue: std::collections::VecDeque<(&Plan, &Clause, usize)> =
        std::collections::VecDeque::from([(plan, &plan.clauses[clause], 0)]);
    while let Some((p, c, hops)) = queue.pop_front() {
        for cp in corpus.counterparts(p, c) {
            if hops > 0
                && !matches!(
                    cp.relation,
                    Relation::Same | Relation::Revises | Relation::Replaces
                )
            {
                continue;
            }
            if entries
                .iter()
                .any(|e| e.plan == cp.plan.id && e.clause.id == cp.clause.id)
            {
                continue;
            }
            let Some(index) = cp.plan.clause_index(&cp.clause.id) else {
                continue;
            };
            entries.push(HistoryEntry {
                plan: cp.plan.id.clone(),
                clause: ClauseRef::new(cp.plan, index),
                relation: Some(cp.relation),
                basis: Some(cp.basis),
                direction: Some(cp.direction),
                describe: cp.describe().to_string(),
                hops: hops + 1,
                via: Some((p.id.clone(), c.id.clone())),
            });
            if matches!(
                cp.relation,
                Relation::Same | Relation::Revises | Relation::Replaces
            ) {
                queue.push_back((cp.plan, cp.clause, hops + 1));
            }
        }
    }
    let order = |id: &str| {
        corpus
            .plans
            .iter()
            .position(|p| p.id == id)
            .unwrap_or(usize::MAX)
    };
    entries.sort_by_key(|e| (order(&e.plan), e.clause.index));
    ClauseHistory {
        plan: plan.id.clone(),
        clause: start,
        entries,
    }
}
