//! Topics one draft covers and another does not, and how a topic or a clause moved across
//! drafts.

use super::*;

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

pub(crate) fn covering(plan: &Plan, topic: &str) -> Vec<ClauseRef> {
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
    /// Drafts that removed the clause or one of its counterparts, in date order.
    pub removed: Vec<ClauseRemoval>,
}

/// A draft written as changes to another that removed a clause of it (dropped it, or moved it
/// to a separate track), with the evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClauseRemoval {
    /// The draft that removed it.
    pub plan: String,
    /// The removed clause, as (plan id, clause id) of the draft it was in.
    pub of: (String, String),
    pub removal: crate::model::Removal,
}

impl ClauseRemoval {
    /// "dropped in 19-pt (reported)", "moved to a separate track in 19-pt (inferred)".
    pub fn describe(&self, corpus: &Corpus) -> String {
        let what = match self.removal.action {
            crate::model::ChangeAction::SeparateTrack => "moved to a separate track",
            _ => "dropped",
        };
        let by = corpus
            .plan(&self.plan)
            .map_or(self.plan.as_str(), |p| p.short.as_str());
        format!("{what} in {by} ({})", self.removal.certainty.as_str())
    }
}

/// The drafts that removed clause `clause` of `plan` (through its own id, or the base clause it
/// inherits), in the corpus's date order. A removal leaves no clause behind, so following
/// counterparts alone would never show it.
pub fn removals_of(corpus: &Corpus, plan: &Plan, clause: usize) -> Vec<ClauseRemoval> {
    let c = &plan.clauses[clause];
    let mut anchors = vec![(plan.id.as_str(), c.id.as_str())];
    if let Some(h) = &c.inherited {
        anchors.push((h.base_plan.as_str(), h.base_clause.as_str()));
    }
    let mut out = Vec::new();
    for q in corpus.plans.iter().filter(|q| q.id != plan.id) {
        let Some(base) = q.base.as_deref() else {
            continue;
        };
        for rem in &q.removals {
            if anchors.contains(&(base, rem.base_clause.as_str())) {
                out.push(ClauseRemoval {
                    plan: q.id.clone(),
                    of: (base.to_string(), rem.base_clause.clone()),
                    removal: rem.clone(),
                });
            }
        }
    }
    out
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
    let mut removed: Vec<ClauseRemoval> = Vec::new();
    for e in &entries {
        let Some(p) = corpus.plan(&e.plan) else {
            continue;
        };
        for r in removals_of(corpus, p, e.clause.index) {
            if !removed.iter().any(|x| x.plan == r.plan && x.of == r.of) {
                removed.push(r);
            }
        }
    }
    removed.sort_by_key(|r| order(&r.plan));
    ClauseHistory {
        plan: plan.id.clone(),
        clause: start,
        entries,
        removed,
    }
}
