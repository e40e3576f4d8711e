//! Red lines, coverage gaps and history: what a draft means for each party, and how a topic or
//! a clause moved across drafts.
//!
//! Red-line effects come only from the assessments written in the data (`[[clause.assess]]` and
//! a derived draft's `assess`); nothing here guesses them from wording. When several clauses of
//! a draft affect the same red line differently, the strongest effect decides where it is
//! listed (crosses > partial > meets), and every clause responsible for any effect on it is
//! listed with its own effect.

pub use crate::legend::{OpenReason, Standing};
use crate::model::{
    Assessment, Clause, ClauseStatus, Corpus, Direction, Effect, LinkBasis, Plan, RedLine, Relation,
};
use serde::Serialize;

mod hits;

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

/// A clause's status in words, as every view prints it: "bracketed by US and UA" when the record
/// says who left it open, else the status word ("bracketed", "disputed", "unknown").
pub fn status_words(corpus: &Corpus, c: &Clause) -> Option<String> {
    let status = c.status?;
    let mut s = status.as_str().to_string();
    if !c.bracketed_by.is_empty() {
        let by = crate::align::by_parties(corpus, &c.bracketed_by);
        if status == ClauseStatus::Bracketed {
            s = format!("{s} {by}");
        } else {
            s = format!("{s}; bracketed {by}");
        }
    }
    Some(s)
}

/// Whether a clause is bracketed (left open for the leaders): by its status, or by the report
/// of the derived draft it belongs to.
pub fn is_bracketed(c: &Clause) -> bool {
    c.status == Some(ClauseStatus::Bracketed)
        || c.inherited
            .as_ref()
            .is_some_and(|i| i.action == crate::model::ChangeAction::Bracketed)
}

/// Whether the record says who bracketed the clause (`bracketed_by`): then it is one side's
/// demand, or a question the negotiators left open, not agreed text. Its assessments say what
/// it would do if agreed; they do not count as the draft crossing or meeting a line, which
/// stays open (bracketed) for every party.
pub fn is_owned_bracket(c: &Clause) -> bool {
    is_bracketed(c) && !c.bracketed_by.is_empty()
}

/// For an [owned bracket](is_owned_bracket) with assessments, what they mean, as every view
/// says it before listing them.
pub fn owned_bracket_note(corpus: &Corpus, c: &Clause) -> Option<String> {
    (is_owned_bracket(c) && !c.assessments.is_empty()).then(|| {
        format!(
            "bracketed {}: the verdicts below say what it would do if agreed; until then the \
             lines they name stay open",
            crate::align::by_parties(corpus, &c.bracketed_by)
        )
    })
}

/// The assessments that count toward a draft's standing: all of a clause's, none of an
/// [owned bracket](is_owned_bracket)'s.
pub fn counted(c: &Clause) -> &[Assessment] {
    if is_owned_bracket(c) {
        &[]
    } else {
        &c.assessments
    }
}

/// What the effect carried by an open line's clause means, as every view says it: "if agreed:
/// meets" for an [owned bracket](is_owned_bracket) (its own verdict, on hold), "base meets" for
/// an unreported or bracketed inherited clause (its base clause's verdict).
pub fn open_effect_words(plan: &Plan, c: &ClauseRef, effect: Effect) -> String {
    match plan.clauses.get(c.index) {
        Some(clause) if is_owned_bracket(clause) => format!("if agreed: {}", effect.as_str()),
        _ => format!("base {}", effect.as_str()),
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

/// Why a clause leaves positions open, if it does: an inherited clause not reported, or a
/// bracketed clause (in any draft) with no assessment for the party.
fn open_reason(c: &Clause, party: &str) -> Option<OpenReason> {
    if c.status == Some(ClauseStatus::Unknown)
        || c.inherited
            .as_ref()
            .is_some_and(|h| h.action == crate::model::ChangeAction::Unknown)
    {
        return Some(OpenReason::Unreported);
    }
    let bracketed = c.status == Some(ClauseStatus::Bracketed) || leaves_open(c);
    (bracketed && !counted(c).iter().any(|a| a.party == party)).then_some(OpenReason::Bracketed)
}

/// Whether any clause of the draft carries an assessment for the party (on a red line or as a
/// general position): if none does, the draft is "not assessed" for the party.
pub fn assessed_for(plan: &Plan, party: &str) -> bool {
    plan.clauses
        .iter()
        .any(|c| c.assessments.iter().any(|a| a.party == party))
}

/// A party's standing on one clause: the strongest effect of its assessments of the clause
/// (on red lines or as a general position); else open when the clause leaves it open; else
/// silent when the draft was assessed for the party, and not assessed when it was not.
pub fn clause_standing(corpus: &Corpus, plan: &Plan, clause: usize, party: &str) -> Standing {
    standing_in(
        &plan.clauses[clause],
        party,
        scored_for(corpus, plan, party),
    )
}

/// Whether the draft's silence means something for the party: someone assessed the draft for
/// it, and at least one of its positions was held when the draft was written (or is assessed in
/// it explicitly). A 2015 agreement scored only against 2025 positions is not assessed, not
/// silent, on the clauses nobody assessed.
pub fn scored_for(corpus: &Corpus, plan: &Plan, party: &str) -> bool {
    if !assessed_for(plan, party) {
        return false;
    }
    let Some(p) = corpus.party(party) else {
        return true;
    };
    p.red_lines.is_empty()
        || p.red_lines.iter().any(|rl| !rl.held.excludes(&plan.date))
        || plan.clauses.iter().any(|c| {
            c.assessments
                .iter()
                .any(|a| a.party == party && !a.is_general())
        })
}

/// Whether a derived draft reports a clause as revised without assessing the new wording for
/// the party: its base's assessments no longer apply, and nothing replaced them.
fn revision_unassessed(c: &Clause, party: &str) -> bool {
    c.inherited
        .as_ref()
        .is_some_and(|h| h.action == crate::model::ChangeAction::Revised)
        && !c.assessments.iter().any(|a| a.party == party)
}

fn standing_in(c: &Clause, party: &str, draft_assessed: bool) -> Standing {
    if let Some(e) = counted(c)
        .iter()
        .filter(|a| a.party == party)
        .map(|a| a.effect)
        .min()
    {
        Standing::of_effect(e)
    } else if let Some(reason) = open_reason(c, party) {
        Standing::Open(reason)
    } else if draft_assessed && !revision_unassessed(c, party) {
        Standing::Silent
    } else {
        Standing::NotAssessed
    }
}

/// A party's standing on one red line as a set of clauses of a draft (one side of a row) bears
/// on it: the strongest effect assessed on it; else open where a clause leaves it open; else
/// silent, or not assessed when nobody assessed the draft for the party.
/// A line the draft is dated outside of (and nobody assessed) is not assessed, not silent.
pub fn side_standing(plan: &Plan, idx: &[usize], party: &str, red_line: &RedLine) -> Standing {
    let on_line = |a: &Assessment| a.red_lines.contains(&red_line.id);
    match side_standing_on(plan, idx, party, on_line) {
        Standing::Silent if red_line.held.excludes(&plan.date) => Standing::NotAssessed,
        s => s,
    }
}

/// A party's general position (its verdict on a clause as a whole, naming no red line) as one
/// side of a row bears on it, with the same fall-backs as [`side_standing`].
pub fn side_general_standing(plan: &Plan, idx: &[usize], party: &str) -> Standing {
    side_standing_on(plan, idx, party, Assessment::is_general)
}

fn side_standing_on(
    plan: &Plan,
    idx: &[usize],
    party: &str,
    counts: impl Fn(&Assessment) -> bool,
) -> Standing {
    let clauses = || idx.iter().filter_map(|&i| plan.clauses.get(i));
    let effect = clauses()
        .flat_map(counted)
        .filter(|a| a.party == party && counts(a))
        .map(|a| a.effect)
        .min();
    if let Some(e) = effect {
        Standing::of_effect(e)
    } else if let Some(r) = clauses().filter_map(|c| open_reason(c, party)).min() {
        Standing::Open(r)
    } else if assessed_for(plan, party) && !clauses().any(|c| revision_unassessed(c, party)) {
        Standing::Silent
    } else {
        Standing::NotAssessed
    }
}

/// How a row moves one party's red line: its standing as the left clauses bear on it, and as
/// the right clauses do (`None`: the row has no clause on that side — dropped or added — so
/// the row says nothing of that draft's standing).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StandingChange {
    pub party: String,
    /// The red line; `None` for the party's general position on the row's clauses (a verdict
    /// that names no red line).
    pub red_line: Option<String>,
    pub from: Option<Standing>,
    pub to: Option<Standing>,
}

impl StandingChange {
    /// A side's standing in words for a reader: "✗ crosses", "○ open (bracketed)"; for a side
    /// with no clause, "- dropped" or "+ added" from the row legend.
    pub fn describe(side: Option<Standing>, left: bool) -> String {
        match side {
            Some(s) => format!("{} {}", s.mark(), s.word()),
            None => {
                let class = if left {
                    crate::align::RowClass::Added
                } else {
                    crate::align::RowClass::Dropped
                };
                format!("{} {}", class.mark(), class.label())
            }
        }
    }
}

/// The red lines whose assessed effect differs between the left clauses `li` of `left` and the
/// right clauses `ri` of `right` (one row of a comparison), with both standings, in the corpus's
/// party and red-line order; after each party's lines, its general position on the clauses when
/// that differs (a "meets" on the whole point that becomes unreported is news too). The Compare
/// view and the export list exactly these.
pub fn row_standing_changes(
    corpus: &Corpus,
    (left, li): (&Plan, &[usize]),
    (right, ri): (&Plan, &[usize]),
) -> Vec<StandingChange> {
    let effect = |plan: &Plan, idx: &[usize], party: &str, rl: Option<&RedLine>| {
        idx.iter()
            .filter_map(|&i| plan.clauses.get(i))
            .flat_map(counted)
            .filter(|a| {
                a.party == party
                    && match rl {
                        Some(rl) => a.red_lines.contains(&rl.id),
                        None => a.is_general(),
                    }
            })
            .map(|a| a.effect)
            .min()
    };
    let mut out = Vec::new();
    for party in &corpus.parties {
        let lines = party.red_lines.iter().map(Some);
        // The general position comes last, after the party's own lines.
        for rl in lines.chain([None]) {
            if effect(left, li, &party.id, rl) == effect(right, ri, &party.id, rl) {
                continue;
            }
            let side = |plan: &Plan, idx: &[usize]| {
                (!idx.is_empty()).then(|| match rl {
                    Some(rl) => side_standing(plan, idx, &party.id, rl),
                    None => side_general_standing(plan, idx, &party.id),
                })
            };
            out.push(StandingChange {
                party: party.id.clone(),
                red_line: rl.map(|r| r.id.clone()),
                from: side(left, li),
                to: side(right, ri),
            });
        }
    }
    out
}

/// Every clause's standing for every party of the corpus (clauses × parties, in corpus party
/// order): the Red lines matrix.
pub fn clause_matrix(corpus: &Corpus, plan: &Plan) -> Vec<Vec<Standing>> {
    let assessed: Vec<bool> = corpus
        .parties
        .iter()
        .map(|p| scored_for(corpus, plan, &p.id))
        .collect();
    plan.clauses
        .iter()
        .map(|c| {
            corpus
                .parties
                .iter()
                .zip(&assessed)
                .map(|(p, &assessed)| standing_in(c, &p.id, assessed))
                .collect()
        })
        .collect()
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
