//! How a party's standing moves from one draft to another: the lists of lines newly or no
//! longer crossed, the headline, and the draft a draft is best measured against.

use super::*;

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
    /// Assessed in one draft and not assessed in the other (dated outside the line's period,
    /// see [`PartyRedLines::dated_out`]): no change is claimed either way, so these lines are
    /// in none of the lists above.
    pub not_comparable: Vec<String>,
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
            let ob = ids(&pb.open);
            // A line one draft was not scored against can be neither "newly" nor "no longer"
            // anything: the earlier draft's silence on it is not a verdict.
            let scored = |r: &RedLineHit| {
                !pa.not_assessed.contains(&r.red_line) && !pb.not_assessed.contains(&r.red_line)
            };
            let scored_ids = |v: &[RedLineHit]| {
                v.iter()
                    .filter(|h| scored(h))
                    .map(|h| h.red_line.clone())
                    .collect::<Vec<_>>()
            };
            let not_comparable: Vec<String> = {
                let assessed = |p: &PartyRedLines| -> Vec<String> {
                    p.crossed
                        .iter()
                        .chain(&p.partial)
                        .chain(&p.met)
                        .map(|h| h.red_line.clone())
                        .collect()
                };
                let mut v: Vec<String> = assessed(pb)
                    .into_iter()
                    .filter(|r| pa.not_assessed.contains(r))
                    .chain(
                        assessed(pa)
                            .into_iter()
                            .filter(|r| pb.not_assessed.contains(r)),
                    )
                    .collect();
                let order = |id: &String| {
                    corpus
                        .party(&pa.party)
                        .and_then(|p| p.red_lines.iter().position(|l| &l.id == id))
                };
                v.sort_by_key(order);
                v.dedup();
                v
            };
            let (ca, cb) = (scored_ids(&pa.crossed), scored_ids(&pb.crossed));
            let (ma, mb) = (scored_ids(&pa.met), scored_ids(&pb.met));
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
            // A draft nobody assessed for the party supports no claim of change either way.
            let both = pa.summary.assessed && pb.summary.assessed;
            let minus = |x: &[String], y: &[String]| if both { minus(x, y) } else { Vec::new() };
            PartyDelta {
                party: pa.party.clone(),
                newly_crossed: minus(&cb, &ca),
                no_longer_crossed: minus(&minus(&ca, &cb), &ob),
                still_crossed: cb
                    .iter()
                    .filter(|i| both && ca.contains(i))
                    .cloned()
                    .collect(),
                newly_met: minus(&mb, &ma),
                no_longer_met: minus(&minus(&ma, &mb), &ob),
                now_open: ob
                    .iter()
                    .filter(|i| both && assessed_a.contains(i))
                    .cloned()
                    .collect(),
                not_comparable,
                hard_crossed: (pa.hard_crossed, pb.hard_crossed),
                demands_crossed: (pa.demands_crossed, pb.demands_crossed),
                headline: delta_headline(a, b, name, &pa.summary, &pb.summary),
            }
        })
        .collect();
    RedLineDelta {
        from: a.id.clone(),
        to: b.id.clone(),
        parties,
    }
}

/// The draft a draft's changes are measured against when the user has not chosen one, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Baseline {
    pub plan: String,
    /// "19-pt is written as changes to 28-pt", "most of ua-20's links revise 28-pt (9)",
    /// "RU-memo is the draft before it by date".
    pub why: String,
}

/// The draft `plan` is best measured against: the draft it is written as changes to; else the
/// earlier draft most of its clauses revise, restate or replace by links; else the draft before
/// it by date. `None` for the first draft.
pub fn baseline(corpus: &Corpus, plan: &Plan) -> Option<Baseline> {
    if let Some(base) = plan.base.as_deref().and_then(|b| corpus.plan(b)) {
        return Some(Baseline {
            plan: base.id.clone(),
            why: format!("{} is written as changes to {}", plan.short, base.short),
        });
    }
    let mut votes: Vec<(&Plan, usize)> = Vec::new();
    for cps in corpus.counterparts_of_all(plan) {
        for cp in cps {
            let revises = matches!(
                cp.relation,
                Relation::Same | Relation::Revises | Relation::Replaces
            );
            if !revises || cp.plan.id == plan.id || cp.plan.date > plan.date {
                continue;
            }
            match votes.iter_mut().find(|(p, _)| p.id == cp.plan.id) {
                Some((_, n)) => *n += 1,
                None => votes.push((cp.plan, 1)),
            }
        }
    }
    // Most links first; among equals, the latest draft.
    if let Some((p, n)) = votes.into_iter().max_by_key(|(p, n)| (*n, p.date)) {
        return Some(Baseline {
            plan: p.id.clone(),
            why: format!(
                "{n} of {}'s links revise or restate {}",
                plan.short, p.short
            ),
        });
    }
    let at = corpus.plans.iter().position(|p| p.id == plan.id)?;
    let before = corpus.plans.get(at.checked_sub(1)?)?;
    Some(Baseline {
        plan: before.id.clone(),
        why: format!("{} is the draft before it by date", before.short),
    })
}

/// The headline of a party's change from `a` to `b`, naming the draft it is measured against
/// and never claiming more than the assessments do: "19-pt crosses none of Ukraine's red lines,
/// down from 3 in 28-pt (5 more left open: unreported or bracketed)"; "19-pt was not assessed
/// for Ukraine".
pub fn delta_headline(
    a: &Plan,
    b: &Plan,
    party_name: &str,
    sa: &PartySummary,
    sb: &PartySummary,
) -> String {
    if !sb.assessed {
        return format!("{} was not assessed for {party_name}", b.short);
    }
    if sb.standing() == Standing::NotAssessed {
        return format!(
            "{} was not assessed for {party_name}: its {} red line(s) not assessed were held \
             only in another period than {}'s date",
            b.short, sb.hard.dated_out, b.short
        );
    }
    let mut h = if sa.assessed {
        let h = headline(&b.short, party_name, sa.hard.crossed, sb.hard.crossed);
        match h.strip_suffix(", as before") {
            Some(same) => format!("{same}, as in {}", a.short),
            None => format!("{h} in {}", a.short),
        }
    } else {
        format!(
            "{} ({} was not assessed for {party_name})",
            headline(&b.short, party_name, sb.hard.crossed, sb.hard.crossed)
                .trim_end_matches(", as before"),
            a.short
        )
    };
    if sb.hard.open > 0 {
        h.push_str(&format!(
            " ({} more left open: unreported or bracketed)",
            sb.hard.open
        ));
    }
    if sb.hard.dated_out > 0 {
        h.push_str(&format!(
            " ({} more not assessed: held only in another period than {}'s date)",
            sb.hard.dated_out, b.short
        ));
    }
    if sa.assessed && sa.hard.dated_out > 0 {
        h.push_str(&format!(
            " ({} was not assessed on {} of them: held only in another period than its date)",
            a.short, sa.hard.dated_out
        ));
    }
    h
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
