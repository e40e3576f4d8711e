//! The engine on the bundled drafts. Expectations are read from the data (what the 19-point
//! framework records for each clause of the 28), so they follow the corpus as it is completed.

use peacediff::align::{MatchBasis, RowClass, RowKind, align};
use peacediff::analysis::{clause_history, gaps, plan_redlines, redline_delta, topic_history};
use peacediff::model::{ChangeAction, Corpus, Plan};
use peacediff::strength::{FlagKind, Shift};

fn corpus() -> Corpus {
    peacediff::load::load_bundled()
        .expect("the bundled corpus loads")
        .corpus
}

fn plan<'c>(c: &'c Corpus, name: &str) -> &'c Plan {
    c.find_plan(name)
        .unwrap_or_else(|| panic!("{name} is bundled"))
}

#[test]
fn twenty_eight_against_nineteen_follows_what_the_19_points_record() {
    let c = corpus();
    let (us, geneva) = (plan(&c, "28-pt"), plan(&c, "19-pt"));
    let al = align(&c, us, geneva);
    for (i, base_clause) in us.clauses.iter().enumerate() {
        let row = al
            .rows
            .iter()
            .find(|r| r.left.contains(&i))
            .unwrap_or_else(|| panic!("28-pt:{} has a row", base_clause.id));
        let removal = geneva
            .removals
            .iter()
            .position(|r| r.base_clause == base_clause.id);
        let derived = geneva.clauses.iter().find(|d| {
            d.inherited
                .as_ref()
                .is_some_and(|h| h.base_clause == base_clause.id)
        });
        match (removal, derived) {
            (Some(k), None) => {
                assert_eq!(row.kind, RowKind::Dropped, "28-pt:{}", base_clause.id);
                assert_eq!(row.removal, Some(k));
            }
            (None, Some(d)) => {
                let action = d.inherited.as_ref().unwrap().action;
                let expected = match action {
                    ChangeAction::Unknown => RowClass::Unreported,
                    ChangeAction::Revised => RowClass::Revised,
                    ChangeAction::Bracketed if d.text == base_clause.text => RowClass::Bracketed,
                    _ if d.text == base_clause.text => RowClass::Unchanged,
                    _ => RowClass::Revised,
                };
                assert_eq!(
                    row.class(),
                    expected,
                    "28-pt:{} ({action:?})",
                    base_clause.id
                );
                assert_eq!(row.bracketed, action == ChangeAction::Bracketed);
                assert_eq!(row.unreported, action == ChangeAction::Unknown);
                assert!(matches!(row.basis, MatchBasis::Inherited { .. }));
            }
            other => panic!(
                "28-pt:{} is both kept and removed: {other:?}",
                base_clause.id
            ),
        }
    }
}

#[test]
fn the_army_cap_is_revised_and_the_amnesty_dropped_in_the_19_points() {
    let c = corpus();
    let (us, geneva) = (plan(&c, "28-pt"), plan(&c, "19-pt"));
    // Found by title in the data, not by number.
    let army = us
        .clauses
        .iter()
        .position(|x| x.text.contains("600,000"))
        .expect("the 28 points cap the army at 600,000");
    let amnesty = us
        .clauses
        .iter()
        .position(|x| x.title.to_lowercase().contains("amnesty"))
        .expect("the 28 points have an amnesty clause");
    let al = align(&c, us, geneva);
    let row = |i: usize| al.rows.iter().find(|r| r.left == [i]).unwrap();
    let army_action = geneva
        .clauses
        .iter()
        .find(|d| d.inherited.as_ref().unwrap().base_clause == us.clauses[army].id)
        .map(|d| d.inherited.as_ref().unwrap().action);
    if army_action == Some(ChangeAction::Revised) {
        assert_eq!(row(army).kind, RowKind::Revised);
        assert!(row(army).diff.is_some());
    }
    let dropped = geneva
        .removals
        .iter()
        .any(|r| r.base_clause == us.clauses[amnesty].id);
    if dropped {
        let r = row(amnesty);
        assert_eq!(r.kind, RowKind::Dropped);
        let evidence = &geneva.removals[r.removal.unwrap()];
        assert!(!evidence.sources.is_empty());
    }
    // The corpus as bundled records both.
    assert_eq!(army_action, Some(ChangeAction::Revised));
    assert!(dropped);
}

#[test]
fn the_e3_army_cap_is_one_changed_number_with_its_flag() {
    let c = corpus();
    let (us, e3) = (plan(&c, "28-pt"), plan(&c, "E3"));
    let al = align(&c, us, e3);
    let row = al
        .rows
        .iter()
        .find(|r| {
            r.left
                .first()
                .is_some_and(|&i| us.clauses[i].text.contains("600,000"))
        })
        .unwrap();
    let right = &e3.clauses[row.right[0]];
    if right.text.contains("800,000") {
        assert_eq!(row.kind, RowKind::Revised);
        let flag = row
            .strength
            .iter()
            .find(|f| f.kind == FlagKind::Number)
            .expect("a number flag");
        assert_eq!(flag.shift, Shift::Increased);
        assert_eq!(flag.removed, ["600,000"]);
        assert_eq!(flag.added, ["800,000"]);
    }
}

#[test]
fn the_peace_formula_against_the_28_points_lines_up_by_links_and_topics() {
    let c = corpus();
    let (pf, us) = (plan(&c, "PF-10"), plan(&c, "28-pt"));
    let al = align(&c, pf, us);
    // Every Peace Formula point finds something in the 28 points.
    for (i, p) in pf.clauses.iter().enumerate() {
        let rows: Vec<_> = al.rows.iter().filter(|r| r.left.contains(&i)).collect();
        assert!(
            rows.iter().any(|r| !r.right.is_empty()),
            "PF-10:{} has no counterpart",
            p.id
        );
    }
    assert!(al.counts().related > 0);
    // The 28-pt points with no link of their own are added, each in one row: a topic row
    // never repeats a clause that is aligned elsewhere.
    assert!(
        al.rows
            .iter()
            .all(|r| !matches!(r.basis, MatchBasis::Topic { .. }))
    );
    for (i, p) in us.clauses.iter().enumerate() {
        let n = al.rows.iter().filter(|r| r.right.contains(&i)).count();
        assert!(n >= 1, "28-pt:{} is in no row", p.id);
    }
}

/// Drafts with no links between them line up by topic: each leftover clause joins one topic
/// row at most, and a clause no topic pairs stays dropped or added.
#[test]
fn the_peace_formula_against_the_memorandum_lines_up_by_topic_once_each() {
    let c = corpus();
    let (pf, ru) = (plan(&c, "PF-10"), plan(&c, "RU-memo"));
    let al = align(&c, pf, ru);
    let topic_rows: Vec<_> = al
        .rows
        .iter()
        .filter(|r| matches!(r.basis, MatchBasis::Topic { .. }))
        .collect();
    assert!(topic_rows.len() >= 5, "{}", topic_rows.len());
    for r in &topic_rows {
        for &l in &r.left {
            assert_eq!(al.rows.iter().filter(|x| x.left.contains(&l)).count(), 1);
        }
        for &x in &r.right {
            assert_eq!(al.rows.iter().filter(|y| y.right.contains(&x)).count(), 1);
        }
    }
    assert!(al.counts().added > 0 && al.counts().dropped > 0);
}

#[test]
fn red_lines_per_draft_follow_the_assessments() {
    let c = corpus();
    let us = plan(&c, "28-pt");
    let r = plan_redlines(&c, us);
    let ua = r.party("ua").expect("Ukraine is a party");
    // Recount from the data.
    let party = c.party("ua").unwrap();
    let crossed_in_data: std::collections::BTreeSet<&str> = us
        .clauses
        .iter()
        .flat_map(|cl| cl.assessments.iter())
        .filter(|a| a.party == "ua" && a.effect == peacediff::model::Effect::Crosses)
        .flat_map(|a| a.red_lines.iter().map(String::as_str))
        .collect();
    let crossed: std::collections::BTreeSet<&str> =
        ua.crossed.iter().map(|h| h.red_line.as_str()).collect();
    assert_eq!(crossed, crossed_in_data);
    let hard = ua
        .crossed
        .iter()
        .filter(|h| c.red_line(&h.red_line).unwrap().firmness.is_hard())
        .count();
    assert_eq!(ua.hard_crossed, hard);
    assert_eq!(ua.hard_crossed + ua.demands_crossed, ua.crossed.len());
    for h in &ua.crossed {
        assert!(!h.clauses.is_empty());
        for (cref, _) in &h.clauses {
            assert_eq!(us.clauses[cref.index].id, cref.id);
        }
    }
    // Every line of the party is listed exactly once.
    let listed =
        ua.crossed.len() + ua.partial.len() + ua.met.len() + ua.open.len() + ua.silent.len();
    assert_eq!(listed, party.red_lines.len());
}

#[test]
fn the_red_line_headline_compares_two_drafts() {
    let c = corpus();
    let (us, geneva) = (plan(&c, "28-pt"), plan(&c, "19-pt"));
    let d = redline_delta(&c, us, geneva);
    let ua = d.party("ua").unwrap();
    let (before, after) = ua.hard_crossed;
    assert_eq!(
        before,
        plan_redlines(&c, us).party("ua").unwrap().hard_crossed
    );
    assert!(ua.headline.starts_with("19-pt crosses "));
    assert!(ua.headline.contains("Ukraine's red lines"));
    if after < before {
        assert!(
            ua.headline.contains(&format!("down from {before}")),
            "{}",
            ua.headline
        );
    }
    // Nothing is both no longer crossed and open.
    for id in &ua.no_longer_crossed {
        assert!(!ua.now_open.contains(id));
    }
    // Swapping the drafts swaps newly and no longer crossed, when nothing is open on either side.
    let (e3, us2) = (plan(&c, "E3"), plan(&c, "28-pt"));
    let fwd = redline_delta(&c, us2, e3);
    let back = redline_delta(&c, e3, us2);
    for (f, b) in fwd.parties.iter().zip(&back.parties) {
        if f.now_open.is_empty() && b.now_open.is_empty() {
            assert_eq!(f.newly_crossed, b.no_longer_crossed);
            assert_eq!(f.no_longer_crossed, b.newly_crossed);
            assert_eq!(f.still_crossed, b.still_crossed);
        }
    }
}

#[test]
fn coverage_gaps_are_read_from_the_topics() {
    let c = corpus();
    let (pf, us) = (plan(&c, "PF-10"), plan(&c, "28-pt"));
    let g = gaps(&c, pf, us);
    for t in &g.only_left {
        assert!(pf.clauses.iter().any(|x| x.topics.contains(&t.topic)));
        assert!(!us.clauses.iter().any(|x| x.topics.contains(&t.topic)));
        assert!(!t.clauses.is_empty());
    }
    for t in &g.only_right {
        assert!(!pf.clauses.iter().any(|x| x.topics.contains(&t.topic)));
    }
    let total = g.only_left.len() + g.only_right.len() + g.both.len() + g.neither.len();
    assert_eq!(total, c.topics.len());
    // Swapping swaps the sides.
    let back = gaps(&c, us, pf);
    assert_eq!(back.only_left, g.only_right);
    assert_eq!(back.only_right, g.only_left);
}

#[test]
fn topic_history_lists_every_draft_in_date_order() {
    let c = corpus();
    let h = topic_history(&c, "territory");
    let order: Vec<&str> = h.entries.iter().map(|e| e.plan.as_str()).collect();
    let plans: Vec<&str> = c.plans.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(order, plans);
    let dates: Vec<_> = h
        .entries
        .iter()
        .map(|e| c.plan(&e.plan).unwrap().date)
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]));
    assert!(h.entries.iter().any(|e| !e.clauses.is_empty()));
}

#[test]
fn clause_history_follows_counterparts_across_drafts() {
    let c = corpus();
    let us = plan(&c, "28-pt");
    let army = us
        .clauses
        .iter()
        .position(|x| x.text.contains("600,000"))
        .unwrap();
    let h = clause_history(&c, us, army);
    assert_eq!(h.entries.iter().filter(|e| e.hops == 0).count(), 1);
    // Every direct counterpart the corpus knows is in the history.
    for cp in c.counterparts(us, &us.clauses[army]) {
        assert!(
            h.entries
                .iter()
                .any(|e| e.plan == cp.plan.id && e.clause.id == cp.clause.id),
            "{}:{}",
            cp.plan.id,
            cp.clause.id
        );
    }
    // Both derived drafts of the 28 carry the clause.
    for d in ["e3-28", "geneva-19"] {
        assert!(h.entries.iter().any(|e| e.plan == d), "{d}");
    }
    let order: Vec<usize> = h
        .entries
        .iter()
        .map(|e| c.plans.iter().position(|p| p.id == e.plan).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] <= w[1]));
}
