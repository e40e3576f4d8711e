//! The report's red-line parts: what each row changes for a party's red lines (with the
//! assessments behind it) and the per-party scoreboard of the whole pair.
//!
//! Apart from the row and clause building in [`super`] because these read the engine's
//! red-line analysis and only arrange it for the report.

use crate::analysis::{self, PartyRedLines};
use crate::export::report::*;
use crate::model::{Clause, Corpus, Effect, Plan};
use std::collections::HashMap;

/// Per red line, the strongest effect on one side of a row, with the clause and note.
fn effects<'c>(clauses: &[&'c Clause]) -> HashMap<(&'c str, &'c str), (Effect, EffectNote)> {
    let mut map: HashMap<(&str, &str), (Effect, EffectNote)> = HashMap::new();
    for c in clauses {
        for a in &c.assessments {
            // A general position (no red line) is keyed by the empty id.
            let ids = a.red_lines.iter().map(String::as_str);
            for rl in ids.chain(a.is_general().then_some("")) {
                let key = (a.party.as_str(), rl);
                if map.get(&key).is_none_or(|(e, _)| a.effect < *e) {
                    let note = EffectNote {
                        effect: a.effect.as_str().to_string(),
                        clause: c.label.clone(),
                        note: a.note.clone(),
                    };
                    map.insert(key, (a.effect, note));
                }
            }
        }
    }
    map
}

type Side<'a, 'c> = (&'a Plan, &'a [&'c Clause], &'a [usize]);

/// The row's red-line changes (`analysis::row_standing_changes`), with the notes behind them.
pub(super) fn assessment_changes(
    corpus: &Corpus,
    (lplan, left, lidx): Side,
    (rplan, right, ridx): Side,
) -> Vec<AssessmentChange> {
    let (l, r) = (effects(left), effects(right));
    analysis::row_standing_changes(corpus, (lplan, lidx), (rplan, ridx))
        .into_iter()
        .map(|ch| {
            let id = ch.red_line.as_deref().unwrap_or("");
            let key = (ch.party.as_str(), id);
            AssessmentChange {
                party: ch.party.clone(),
                red_line: ch.red_line.as_ref().map(|id| {
                    let rl = corpus.red_line(id);
                    LineRef {
                        id: id.clone(),
                        title: rl.map_or(id.clone(), |r| r.title.clone()),
                        hard: rl.is_some_and(|r| r.firmness.is_hard()),
                    }
                }),
                left: l.get(&key).map(|x| x.1.clone()),
                right: r.get(&key).map(|x| x.1.clone()),
                left_standing: analysis::StandingChange::describe(ch.from, true),
                right_standing: analysis::StandingChange::describe(ch.to, false),
            }
        })
        .collect()
}

pub(super) fn scoreboard(
    corpus: &Corpus,
    left: &Plan,
    right: &Plan,
    only: Option<&Named>,
) -> Vec<PartyScore> {
    let (ra, rb) = (
        analysis::plan_redlines(corpus, left),
        analysis::plan_redlines(corpus, right),
    );
    let delta = analysis::redline_delta(corpus, left, right);
    let line = |id: &String| LineRef {
        id: id.clone(),
        title: corpus.red_line(id).map_or(id.clone(), |r| r.title.clone()),
        hard: corpus.red_line(id).is_some_and(|r| r.firmness.is_hard()),
    };
    let crossed = |p: Option<&PartyRedLines>| -> Vec<LineRef> {
        p.map(|p| p.crossed.iter().map(|h| line(&h.red_line)).collect())
            .unwrap_or_default()
    };
    let open = |p: Option<&PartyRedLines>| -> Vec<LineRef> {
        p.map(|p| p.open.iter().map(|h| line(&h.red_line)).collect())
            .unwrap_or_default()
    };
    let dated_out = |p: Option<&PartyRedLines>| -> Vec<LineRef> {
        p.map(|p| p.dated_out.iter().map(line).collect())
            .unwrap_or_default()
    };
    let summary = |p: Option<&PartyRedLines>| {
        p.map(|p| p.summary).unwrap_or(analysis::PartySummary {
            assessed: false,
            hard: Default::default(),
            demands: Default::default(),
        })
    };
    let demands = |p: Option<&PartyRedLines>| {
        p.filter(|p| p.summary.assessed)
            .map(|p| p.summary.demands.crossed)
    };
    corpus
        .parties
        .iter()
        .filter(|p| only.is_none_or(|o| o.id == p.id))
        .map(|p| {
            let d = delta.party(&p.id);
            let ids = |f: fn(&analysis::PartyDelta) -> &Vec<String>| -> Vec<LineRef> {
                d.map(|d| f(d).iter().map(line).collect())
                    .unwrap_or_default()
            };
            let mut score = PartyScore {
                party: p.id.clone(),
                name: p.name.clone(),
                short: p.short.clone(),
                crossed_left: crossed(ra.party(&p.id)),
                crossed_right: crossed(rb.party(&p.id)),
                change: 0,
                newly_crossed: ids(|d| &d.newly_crossed),
                no_longer_crossed: ids(|d| &d.no_longer_crossed),
                still_crossed: ids(|d| &d.still_crossed),
                open_left: open(ra.party(&p.id)),
                open_right: open(rb.party(&p.id)),
                now_open: ids(|d| &d.now_open),
                dated_out_left: dated_out(ra.party(&p.id)),
                dated_out_right: dated_out(rb.party(&p.id)),
                headline: d.map(|d| d.headline.clone()).unwrap_or_default(),
                cell_left: summary(ra.party(&p.id)).cell(),
                cell_right: summary(rb.party(&p.id)).cell(),
                demands_left: demands(ra.party(&p.id)),
                demands_right: demands(rb.party(&p.id)),
            };
            let (a, b) = score.hard_counts();
            score.change = b as i64 - a as i64;
            score
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::tests::{ua, with_effect};
    use super::*;
    use crate::testing::{clause, corpus, plan};

    #[test]
    fn only_effects_that_differ_are_changes() {
        let c = corpus(vec![ua()], vec![]);
        let (cross, meet) = (
            with_effect("1", Effect::Crosses),
            with_effect("2", Effect::Meets),
        );
        // Draft a: 0 crosses, 1 meets; draft b: 0 crosses, 1 meets, 2 silent on the line.
        let a = plan("a", (2025, 1, 1), vec![cross.clone(), meet.clone()]);
        let mut quiet = clause("2", "other", &["t"]);
        quiet.assessments.clear();
        let b = plan("b", (2025, 2, 1), vec![cross.clone(), meet.clone(), quiet]);
        let changes = |l: &[usize], r: &[usize]| {
            let side = |p: &'_ Plan, idx: &[usize]| -> Vec<Clause> {
                idx.iter().map(|&i| p.clauses[i].clone()).collect()
            };
            let (lc, rc) = (side(&a, l), side(&b, r));
            let lr: Vec<&Clause> = lc.iter().collect();
            let rr: Vec<&Clause> = rc.iter().collect();
            assessment_changes(&c, (&a, &lr, l), (&b, &rr, r))
        };
        assert!(changes(&[0], &[0]).is_empty());
        let ch = changes(&[0], &[1]);
        assert_eq!(ch.len(), 1);
        assert_eq!(
            ch[0].left.as_ref().map(|e| e.effect.as_str()),
            Some("crosses")
        );
        assert_eq!(ch[0].right.as_ref().map(|e| e.clause.as_str()), Some("2"));
        assert_eq!(
            (ch[0].left_standing.as_str(), ch[0].right_standing.as_str()),
            ("✗ crosses", "✓ meets")
        );
        // Several clauses on one side: the strongest effect stands for them.
        assert!(changes(&[1, 0], &[0]).is_empty());
        let ch = changes(&[0], &[]);
        assert!(ch[0].right.is_none(), "no assessment on the right");
        assert_eq!(ch[0].right_standing, "- dropped", "no clause on the right");
    }
}
