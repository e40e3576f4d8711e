//! A draft's standing per party: which red lines it crosses, partly meets, meets, leaves
//! open or is not assessed on, and the counts every scoreboard shows.

use super::*;

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

/// How many of a party's positions (hard red lines, or demands) a draft crosses, partly meets,
/// meets or leaves open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Tally {
    pub crossed: usize,
    pub partial: usize,
    pub met: usize,
    pub open: usize,
    /// Positions not scored because the draft is dated outside the period the sources
    /// document them for (and no clause assesses them explicitly).
    pub dated_out: usize,
}

/// A party's standing in a whole draft, as every scoreboard shows it: hard red lines and
/// demands counted apart, and "not assessed" apart from "crosses none".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PartySummary {
    /// Whether any clause of the draft carries an assessment for this party (on a red line or
    /// a general position). When not, the draft is "not assessed" for the party: no claim.
    pub assessed: bool,
    pub hard: Tally,
    pub demands: Tally,
}

impl PartySummary {
    /// The standing a scoreboard cell is marked and coloured by: not assessed; crossed when a
    /// hard red line is; open when none is crossed but some are open; else silent.
    pub fn standing(&self) -> Standing {
        let h = &self.hard;
        if !self.assessed {
            Standing::NotAssessed
        } else if h.crossed > 0 {
            Standing::Crossed
        } else if h.open > 0 {
            Standing::Open(OpenReason::Unreported)
        } else if h.dated_out > 0 && h.partial + h.met == 0 {
            // Nothing scored, and some red lines were not held when the draft was written: no
            // claim that it crosses none of them.
            Standing::NotAssessed
        } else {
            Standing::Silent
        }
    }

    /// A scoreboard cell: "✗3" hard red lines crossed, "✗0 ○5" none crossed and five left
    /// open, "∅" not assessed. The one wording of every scoreboard.
    pub fn cell(&self) -> String {
        if !self.assessed {
            return Standing::NotAssessed.mark().to_string();
        }
        let mut s = format!("{}{}", Standing::Crossed.mark(), self.hard.crossed);
        if self.hard.open > 0 {
            s.push_str(&format!(
                " {}{}",
                Standing::Open(OpenReason::Unreported).mark(),
                self.hard.open
            ));
        }
        if self.hard.dated_out > 0 {
            s.push_str(&format!(
                " {}{}",
                Standing::NotAssessed.mark(),
                self.hard.dated_out
            ));
        }
        s
    }

    /// [`PartySummary::cell`] without its space ("✗0○5"), for narrow columns: the same facts,
    /// never cut.
    pub fn cell_compact(&self) -> String {
        self.cell().replace(' ', "")
    }

    /// What [`PartySummary::cell`] means, for the scoreboards' captions.
    pub const CELL_LEGEND: &'static str = "✗n hard red lines crossed · ○n more left open \
         (unreported or bracketed) · ∅n more not assessed (held only in another period) · ∅ \
         not assessed";
}

/// One party's standing in one draft.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartyRedLines {
    pub party: String,
    /// The counts every scoreboard shows.
    pub summary: PartySummary,
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
    /// Lines left open, as far as the data goes: ones the base draft's clauses affect but whose
    /// clauses this derived draft leaves unreported (`unknown`) or bracketed without an
    /// assessment (each hit carrying the base clause's effect), and ones only
    /// [owned brackets](is_owned_bracket) of this draft assess (carrying the effect they would
    /// have if agreed). Not counted in `hard_crossed`.
    pub open: Vec<RedLineHit>,
    /// The party's lines this draft says nothing about, when the draft was assessed for the
    /// party (see [`PartySummary::assessed`]).
    pub silent: Vec<String>,
    /// The lines this draft is not scored against: every line of the party when nobody
    /// assessed the draft for it, else the `dated_out` ones.
    pub not_assessed: Vec<String>,
    /// Lines the draft is dated outside of (see [`crate::model::RedLine::held`]) and no clause
    /// assesses: not silent, since the party did not hold them when it was written.
    pub dated_out: Vec<String>,
    /// The party's general positions: verdicts on a clause as a whole that name no red line,
    /// in clause order. They count toward no line's tally; views list them apart.
    pub general: Vec<(ClauseRef, Effect)>,
}

impl PartyRedLines {
    /// The party's standing on one of its red lines in this draft.
    pub fn standing_of(&self, red_line: &str) -> Standing {
        let has = |v: &[RedLineHit]| v.iter().any(|h| h.red_line == red_line);
        if has(&self.crossed) {
            Standing::Crossed
        } else if has(&self.partial) {
            Standing::Partial
        } else if has(&self.met) {
            Standing::Met
        } else if has(&self.open) {
            Standing::Open(OpenReason::Unreported)
        } else if self.not_assessed.iter().any(|r| r == red_line) {
            Standing::NotAssessed
        } else if self.summary.assessed {
            Standing::Silent
        } else {
            Standing::NotAssessed
        }
    }
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
            let mut hits = hits::gather(plan, base, party);
            let mut crossed = Vec::new();
            let mut partial = Vec::new();
            let mut met = Vec::new();
            let mut open = Vec::new();
            let mut silent = Vec::new();
            let mut dated_out = Vec::new();
            for (k, rl) in party.red_lines.iter().enumerate() {
                let clauses = std::mem::take(&mut hits.counted[k]);
                let hard = rl.firmness.is_hard();
                let Some(effect) = clauses.iter().map(|(_, e)| *e).min() else {
                    // Not assessed here: open if an unreported or bracketed inherited clause
                    // carries a base assessment of it, or an owned bracket would touch it.
                    let mut pending = std::mem::take(&mut hits.open[k]);
                    pending.append(&mut hits.if_agreed[k]);
                    match pending.iter().map(|(_, e)| *e).min() {
                        Some(effect) => open.push(RedLineHit {
                            red_line: rl.id.clone(),
                            hard,
                            effect,
                            clauses: pending,
                        }),
                        None if rl.held.excludes(&plan.date) => dated_out.push(rl.id.clone()),
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
            let assessed = assessed_for(plan, &party.id);
            let is_hard = |id: &String| {
                party
                    .red_lines
                    .iter()
                    .any(|l| &l.id == id && l.firmness.is_hard())
            };
            let tally = |hard: bool| Tally {
                crossed: crossed.iter().filter(|h| h.hard == hard).count(),
                partial: partial.iter().filter(|h| h.hard == hard).count(),
                met: met.iter().filter(|h| h.hard == hard).count(),
                open: open.iter().filter(|h| h.hard == hard).count(),
                dated_out: dated_out.iter().filter(|r| is_hard(r) == hard).count(),
            };
            let summary = PartySummary {
                assessed,
                hard: tally(true),
                demands: tally(false),
            };
            let not_assessed = if assessed {
                dated_out.clone()
            } else {
                // In the party's red-line order.
                let mut all = std::mem::take(&mut silent);
                all.extend(dated_out.iter().cloned());
                all.sort_by_key(|r| party.red_lines.iter().position(|l| &l.id == r));
                all
            };
            let general = hits.general;
            PartyRedLines {
                party: party.id.clone(),
                summary,
                not_assessed,
                dated_out,
                general,
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
