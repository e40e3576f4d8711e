//! One clause's (or one side of a row's) standing for a party, and the words for a clause's
//! status: brackets and who owns them, open and unassessed clauses, the Red lines matrix.

use super::*;

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
pub(crate) fn open_reason(c: &Clause, party: &str) -> Option<OpenReason> {
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
pub(crate) fn revision_unassessed(c: &Clause, party: &str) -> bool {
    c.inherited
        .as_ref()
        .is_some_and(|h| h.action == crate::model::ChangeAction::Revised)
        && !c.assessments.iter().any(|a| a.party == party)
}

pub(crate) fn standing_in(c: &Clause, party: &str, draft_assessed: bool) -> Standing {
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

pub(crate) fn side_standing_on(
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
