//! Red lines, gaps and history on small hand-made drafts.

use peacediff::analysis::{
    clause_history, gaps, headline, plan_redlines, redline_delta, topic_history,
};
use peacediff::model::{Corpus, Effect, Firmness, Link, LinkBasis, Relation};
use peacediff::testing::{assess, clause, corpus, party, plan};

fn sample() -> Corpus {
    let ua = party(
        "ua",
        "Ukraine",
        &[
            ("ua-territory", Firmness::HardLegal),
            ("ua-army", Firmness::HardDeclared),
            ("ua-nato", Firmness::Firm),
            ("ua-children", Firmness::HardDeclared),
            ("ua-language", Firmness::Preference),
        ],
    );
    let us = party("us", "United States", &[("us-deal", Firmness::Firm)]);
    let mut a1 = clause("1", "Crimea is recognised as Russian.", &["territory"]);
    a1.assessments = vec![assess("ua", Effect::Crosses, "ua-territory")];
    let mut a2 = clause("2", "The army is capped at 600,000.", &["military"]);
    a2.assessments = vec![
        assess("ua", Effect::Crosses, "ua-army"),
        assess("us", Effect::Meets, "us-deal"),
    ];
    let mut a3 = clause("3", "Ukraine never joins NATO.", &["nato"]);
    a3.assessments = vec![assess("ua", Effect::Crosses, "ua-nato")];
    let mut a4 = clause("4", "Talks continue on NATO.", &["nato"]);
    a4.assessments = vec![assess("ua", Effect::Meets, "ua-nato")];
    let a = plan("a", (2025, 11, 20), vec![a1, a2, a3, a4]);

    let mut b1 = clause(
        "1",
        "Territory is discussed from the line of contact.",
        &["territory"],
    );
    b1.assessments = vec![assess("ua", Effect::Partial, "ua-territory")];
    b1.links = vec![Link {
        plan: "a".into(),
        clause: "1".into(),
        relation: Relation::Revises,
        basis: LinkBasis::Reported,
        note: None,
    }];
    let mut b2 = clause("2", "The army is capped at 800,000.", &["military"]);
    b2.assessments = vec![assess("ua", Effect::Meets, "ua-army")];
    let mut b5 = clause("5", "Children are returned.", &["children"]);
    b5.assessments = vec![assess("ua", Effect::Crosses, "ua-children")];
    let b = plan("b", (2025, 11, 23), vec![b1, b2, b5]);

    let mut pf = plan(
        "pf",
        (2022, 11, 15),
        vec![clause(
            "4",
            "All deported children are returned.",
            &["children"],
        )],
    );
    pf.clauses[0].links = vec![Link {
        plan: "b".into(),
        clause: "5".into(),
        relation: Relation::Same,
        basis: LinkBasis::Inferred,
        note: None,
    }];
    corpus(vec![ua, us], vec![a, b, pf])
}

#[test]
fn one_draft_per_party_crossed_partial_met_with_clauses() {
    let c = sample();
    let r = plan_redlines(&c, c.plan("a").unwrap());
    let ua = r.party("ua").unwrap();
    let crossed: Vec<&str> = ua.crossed.iter().map(|h| h.red_line.as_str()).collect();
    // ua-nato is crossed by 3 and met by 4: the strongest effect wins, both clauses listed.
    assert_eq!(crossed, ["ua-territory", "ua-army", "ua-nato"]);
    let nato = &ua.crossed[2];
    let by: Vec<(&str, Effect)> = nato
        .clauses
        .iter()
        .map(|(c, e)| (c.id.as_str(), *e))
        .collect();
    assert_eq!(by, [("3", Effect::Crosses), ("4", Effect::Meets)]);
    assert_eq!(
        ua.hard_crossed, 2,
        "territory and army are hard; nato is a demand"
    );
    assert_eq!(ua.demands_crossed, 1);
    assert_eq!(ua.silent, ["ua-children", "ua-language"]);
    let us = r.party("us").unwrap();
    assert_eq!(us.met.len(), 1);
    assert_eq!(us.met[0].clauses[0].0.id, "2");
}

#[test]
fn between_drafts_newly_no_longer_and_still_crossed_with_a_headline() {
    let c = sample();
    let (a, b) = (c.plan("a").unwrap(), c.plan("b").unwrap());
    let d = redline_delta(&c, a, b);
    let ua = d.party("ua").unwrap();
    assert_eq!(ua.newly_crossed, ["ua-children"]);
    assert_eq!(ua.no_longer_crossed, ["ua-territory", "ua-army", "ua-nato"]);
    assert!(ua.still_crossed.is_empty());
    assert_eq!(ua.newly_met, ["ua-army"]);
    assert_eq!(ua.no_longer_met, Vec::<String>::new());
    assert_eq!(ua.hard_crossed, (2, 1));
    assert_eq!(
        ua.headline, "b crosses 1 of Ukraine's red lines, down from 2 in a",
        "the headline names the draft it is measured against"
    );
    let us = d.party("us").unwrap();
    // Nobody assessed b for the US: not "crosses none".
    assert_eq!(us.headline, "b was not assessed for United States");
    // The other way round.
    let back = redline_delta(&c, b, a);
    let ua = back.party("ua").unwrap();
    assert_eq!(ua.newly_crossed, ["ua-territory", "ua-army", "ua-nato"]);
    assert_eq!(ua.no_longer_crossed, ["ua-children"]);
    assert_eq!(
        ua.headline,
        "a crosses 2 of Ukraine's red lines, up from 1 in b"
    );
}

#[test]
fn headline_wording() {
    assert_eq!(
        headline("19-pt", "Ukraine", 7, 2),
        "19-pt crosses 2 of Ukraine's red lines, down from 7"
    );
    assert_eq!(
        headline("X", "Russia", 0, 1),
        "X crosses 1 of Russia's red lines, up from 0"
    );
    assert_eq!(
        headline("X", "Russia", 0, 0),
        "X crosses none of Russia's red lines, as before"
    );
}

#[test]
fn gaps_by_topic() {
    let c = sample();
    let (a, b) = (c.plan("a").unwrap(), c.plan("b").unwrap());
    let g = gaps(&c, a, b);
    let only_a: Vec<&str> = g.only_left.iter().map(|t| t.topic.as_str()).collect();
    let only_b: Vec<&str> = g.only_right.iter().map(|t| t.topic.as_str()).collect();
    assert_eq!(only_a, ["nato"]);
    assert_eq!(only_b, ["children"]);
    let nato: Vec<&str> = g.only_left[0]
        .clauses
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(nato, ["3", "4"]);
    assert_eq!(g.both, ["military", "territory"]);
}

#[test]
fn topic_history_in_date_order_with_gaps() {
    let c = sample();
    let h = topic_history(&c, "children");
    let got: Vec<(&str, usize)> = h
        .entries
        .iter()
        .map(|e| (e.plan.as_str(), e.clauses.len()))
        .collect();
    assert_eq!(got, [("pf", 1), ("a", 0), ("b", 1)]);
}

#[test]
fn clause_history_follows_links_both_ways_and_onwards() {
    let c = sample();
    let pf = c.plan("pf").unwrap();
    let h = clause_history(&c, pf, 0);
    let got: Vec<(&str, &str, usize, &str)> = h
        .entries
        .iter()
        .map(|e| {
            (
                e.plan.as_str(),
                e.clause.id.as_str(),
                e.hops,
                e.describe.as_str(),
            )
        })
        .collect();
    assert_eq!(got, [("pf", "4", 0, ""), ("b", "5", 1, "same")]);
    // From the 23 November draft back: 1 revises a:1 (written on b, read from a as incoming).
    let a = c.plan("a").unwrap();
    let h = clause_history(&c, a, 0);
    let got: Vec<(&str, &str, &str)> = h
        .entries
        .iter()
        .map(|e| (e.plan.as_str(), e.clause.id.as_str(), e.describe.as_str()))
        .collect();
    assert_eq!(got, [("a", "1", ""), ("b", "1", "revised by")]);
}

#[test]
fn analysis_serialises() {
    let c = sample();
    let (a, b) = (c.plan("a").unwrap(), c.plan("b").unwrap());
    let v = serde_json::to_value(plan_redlines(&c, a)).unwrap();
    assert_eq!(v["parties"][0]["crossed"][0]["red_line"], "ua-territory");
    assert_eq!(v["parties"][0]["crossed"][0]["clauses"][0][0]["id"], "1");
    assert_eq!(v["parties"][0]["crossed"][0]["clauses"][0][1], "crosses");
    let v = serde_json::to_value(redline_delta(&c, a, b)).unwrap();
    assert_eq!(v["parties"][0]["hard_crossed"], serde_json::json!([2, 1]));
}

/// A verdict on a clause as a whole (no red line named) is a position too: when the matching
/// clause of the other draft drops it, the row says so, after the party's lines.
#[test]
fn a_general_position_that_changes_is_a_standing_change() {
    use peacediff::analysis::{Standing, row_standing_changes};
    let mut c = sample();
    let index = |id: &str| c.plans.iter().position(|p| p.id == id).unwrap();
    let (ia, ib) = (index("a"), index("b"));
    let general = |effect| {
        let mut a = assess("us", effect, "x");
        a.red_lines.clear();
        a
    };
    c.plans[ia].clauses[1]
        .assessments
        .push(general(Effect::Partial));
    let (a, b) = (&c.plans[ia], &c.plans[ib]);
    let changes = row_standing_changes(&c, (a, &[1]), (b, &[1]));
    let us: Vec<_> = changes.iter().filter(|ch| ch.party == "us").collect();
    assert_eq!(us.len(), 2, "{us:?}");
    assert_eq!(us[0].red_line.as_deref(), Some("us-deal"));
    assert_eq!(us[1].red_line, None);
    assert_eq!(us[1].from, Some(Standing::Partial));
    assert_eq!(
        us[1].to,
        Some(Standing::NotAssessed),
        "nobody assessed b for the US: that is not silence"
    );
    c.plans[ib].clauses[2]
        .assessments
        .push(assess("us", Effect::Meets, "us-deal"));
    let (a, b) = (&c.plans[ia], &c.plans[ib]);
    let changes = row_standing_changes(&c, (a, &[1]), (b, &[1]));
    let whole = changes.iter().find(|ch| ch.red_line.is_none()).unwrap();
    assert_eq!(whole.to, Some(Standing::Silent), "b is assessed for the US");

    // The same general verdict on both sides is no change.
    c.plans[ib].clauses[1]
        .assessments
        .push(general(Effect::Partial));
    let (a, b) = (&c.plans[ia], &c.plans[ib]);
    let changes = row_standing_changes(&c, (a, &[1]), (b, &[1]));
    assert!(
        changes.iter().all(|ch| ch.red_line.is_some()),
        "{changes:?}"
    );
}

/// A demand one side put in brackets is not agreed text: Ukraine's line it would cross stays
/// open, in the draft's tally, the clause's cell and a row's change, until the bracket goes.
#[test]
fn an_owned_bracket_leaves_the_line_open_instead_of_crossing_it() {
    use peacediff::analysis::{clause_standing, side_standing};
    use peacediff::legend::{OpenReason, Standing};
    use peacediff::model::ClauseStatus;
    let ua = party("ua", "Ukraine", &[("ua-army", Firmness::HardDeclared)]);
    let ru = party("ru", "Russia", &[("ru-caps", Firmness::HardDeclared)]);
    let mut cap = clause("1", "[The army is capped at 85,000.]", &["military"]);
    cap.assessments = vec![
        assess("ua", Effect::Crosses, "ua-army"),
        assess("ru", Effect::Meets, "ru-caps"),
    ];
    cap.status = Some(ClauseStatus::Bracketed);
    let mut other = clause("2", "Talks continue.", &["diplomacy"]);
    other.assessments = vec![assess("ua", Effect::Meets, "ua-army")];
    let unowned = plan("unowned", (2022, 4, 15), vec![cap.clone(), other.clone()]);
    cap.bracketed_by = vec!["ru".into()];
    let owned = plan("owned", (2022, 4, 15), vec![cap, other]);
    let c = corpus(vec![ua, ru], vec![unowned, owned]);
    let owned = c.plan("owned").unwrap();

    // Without an owner, the bracketed clause's assessment counts, as before.
    let before = plan_redlines(&c, c.plan("unowned").unwrap());
    assert_eq!(before.party("ua").unwrap().summary.hard.crossed, 1);

    let r = plan_redlines(&c, owned);
    let ua = r.party("ua").unwrap();
    assert_eq!(ua.summary.hard.crossed, 0, "{ua:?}");
    // Clause 2 meets it: the line is met, not open (what is agreed counts).
    assert_eq!(ua.summary.hard.met, 1);
    let ru = r.party("ru").unwrap();
    assert_eq!((ru.summary.hard.met, ru.summary.hard.open), (0, 1));
    assert_eq!(
        ru.open[0].effect,
        Effect::Meets,
        "what it would do if agreed"
    );
    let open = Standing::Open(OpenReason::Bracketed);
    assert_eq!(clause_standing(&c, owned, 0, "ua"), open);
    let army = c.red_line("ua-army").unwrap();
    assert_eq!(side_standing(owned, &[0], "ua", army), open);
}

/// Positions have dates: a 2015 agreement is not scored against a line first documented in
/// 2025. The line is "not assessed" (not silent) in the tally, the scoreboard cell, the
/// line's standing, a row's side and the clause cells, unless a clause assesses it
/// explicitly — which always counts.
#[test]
fn a_draft_dated_before_a_position_is_not_assessed_against_it() {
    use peacediff::analysis::{clause_standing, scored_for, side_standing};
    use peacediff::legend::Standing;
    use peacediff::model::{PartialDate, Period};
    let mut ua = party(
        "ua",
        "Ukraine",
        &[
            ("ua-unitary", Firmness::HardLegal),
            ("ua-army", Firmness::HardDeclared),
            ("ua-nato", Firmness::HardDeclared),
        ],
    );
    let since = |y: u16| Period {
        from: Some(PartialDate {
            year: y,
            month: None,
            day: None,
        }),
        to: None,
    };
    ua.red_lines[1].held = since(2025);
    ua.red_lines[2].held = since(2025);
    let mut special = clause(
        "11",
        "Decentralisation with a special status.",
        &["governance"],
    );
    special.assessments = vec![assess("ua", Effect::Partial, "ua-unitary")];
    let mut explicit = clause("12", "Neutral status for Ukraine.", &["nato"]);
    explicit.assessments = vec![assess("ua", Effect::Crosses, "ua-nato")];
    let quiet = clause("13", "Heavy weapons withdrawn 50 km.", &["military"]);
    let old = plan("old", (2015, 2, 12), vec![special, explicit, quiet.clone()]);
    let mut recent_special = clause("1", "Special status.", &["governance"]);
    recent_special.assessments = vec![assess("ua", Effect::Partial, "ua-unitary")];
    let recent = plan("recent", (2025, 11, 20), vec![recent_special, quiet]);
    let c = corpus(vec![ua], vec![old, recent]);
    let (old, recent) = (c.plan("old").unwrap(), c.plan("recent").unwrap());

    let r = plan_redlines(&c, old);
    let ua = r.party("ua").unwrap();
    assert_eq!(ua.dated_out, vec!["ua-army".to_string()]);
    assert_eq!(ua.not_assessed, vec!["ua-army".to_string()]);
    assert!(ua.silent.is_empty(), "{ua:?}");
    assert_eq!(ua.summary.hard.dated_out, 1);
    assert_eq!(ua.summary.hard.crossed, 1, "the explicit assessment counts");
    assert_eq!(ua.summary.cell(), "✗1 ∅1");
    assert_eq!(ua.standing_of("ua-army"), Standing::NotAssessed);
    assert_eq!(ua.standing_of("ua-nato"), Standing::Crossed);
    let army = c.red_line("ua-army").unwrap();
    assert_eq!(side_standing(old, &[2], "ua", army), Standing::NotAssessed);
    // A clause nobody assessed is still silent: the unitary-state line applies in 2015.
    assert!(scored_for(&c, old, "ua"));
    assert_eq!(clause_standing(&c, old, 2, "ua"), Standing::Silent);
    let delta = redline_delta(&c, recent, old);
    let h = &delta.party("ua").unwrap().headline;
    assert!(h.starts_with("old crosses 1 of Ukraine's red lines"), "{h}");
    assert!(
        h.ends_with("(1 more not assessed: held only in another period than old's date)"),
        "{h}"
    );

    // From the old draft to one that crosses the army line, nothing is "newly" crossed: the
    // old draft was not scored against that line.
    let mut crossing = clause("2", "The army is capped at 600,000.", &["military"]);
    crossing.assessments = vec![assess("ua", Effect::Crosses, "ua-army")];
    let mut c2 = c.clone();
    let i = c2.plans.iter().position(|p| p.id == "recent").unwrap();
    c2.plans[i].clauses.push(crossing);
    let d = redline_delta(&c2, c2.plan("old").unwrap(), c2.plan("recent").unwrap());
    let ud = d.party("ua").unwrap();
    assert!(ud.newly_crossed.is_empty(), "{ud:?}");
    assert_eq!(ud.not_comparable, vec!["ua-army".to_string()]);
    assert!(
        ud.headline.ends_with(
            "(old was not assessed on 1 of them: held only in another period than its date)"
        ),
        "{}",
        ud.headline
    );

    // The same line in a draft of its own time is silent, as before.
    let r = plan_redlines(&c, recent);
    let ua = r.party("ua").unwrap();
    assert!(ua.dated_out.is_empty());
    assert_eq!(
        ua.silent,
        vec!["ua-army".to_string(), "ua-nato".to_string()]
    );
    assert_eq!(ua.standing_of("ua-army"), Standing::Silent);
    assert_eq!(side_standing(recent, &[1], "ua", army), Standing::Silent);
}

/// When none of a party's positions was held at the draft's date and nothing names them, the
/// whole draft reads "not assessed" for the party: never "crosses none".
#[test]
fn a_draft_older_than_every_position_reads_not_assessed() {
    use peacediff::analysis::{clause_standing, scored_for};
    use peacediff::legend::Standing;
    use peacediff::model::{PartialDate, Period};
    let mut ua = party("ua", "Ukraine", &[("ua-army", Firmness::HardDeclared)]);
    ua.red_lines[0].held = Period {
        from: Some(PartialDate {
            year: 2025,
            month: Some(2),
            day: None,
        }),
        to: None,
    };
    let mut general = clause("1", "Talks continue.", &["diplomacy"]);
    general.assessments = vec![{
        let mut a = assess("ua", Effect::Meets, "x");
        a.red_lines.clear();
        a
    }];
    let quiet = clause("2", "Prisoners are exchanged.", &["prisoners"]);
    let old = plan("old", (2014, 9, 5), vec![general, quiet]);
    let c = corpus(vec![ua], vec![old]);
    let old = c.plan("old").unwrap();
    let r = plan_redlines(&c, old);
    let ua = r.party("ua").unwrap();
    assert!(ua.summary.assessed, "a general position was given");
    assert_eq!(ua.summary.standing(), Standing::NotAssessed);
    assert_eq!(ua.summary.cell(), "✗0 ∅1");
    assert!(!scored_for(&c, old, "ua"));
    assert_eq!(clause_standing(&c, old, 1, "ua"), Standing::NotAssessed);
    let delta = redline_delta(&c, old, old);
    assert!(
        delta
            .party("ua")
            .unwrap()
            .headline
            .starts_with("old was not assessed for Ukraine"),
        "{}",
        delta.party("ua").unwrap().headline
    );
}

/// A derived draft's unreported clause leaves open the lines its base clause assesses (found by
/// the base clause's id, wherever it stands in the base); a line named twice in one
/// assessment lists the clause once; each line lists its clauses in clause order.
#[test]
fn open_lines_come_from_the_base_clause_and_each_clause_is_listed_once() {
    use peacediff::model::{ChangeAction, Inheritance};
    let ua = party(
        "ua",
        "Ukraine",
        &[
            ("ua-army", Firmness::HardDeclared),
            ("ua-nato", Firmness::Firm),
        ],
    );
    let mut b1 = clause("b1", "The army is capped.", &["military"]);
    b1.assessments = vec![assess("ua", Effect::Crosses, "ua-nato")];
    let mut b2 = clause("b2", "No membership.", &["nato"]);
    b2.assessments = vec![assess("ua", Effect::Crosses, "ua-army")];
    b2.assessments[0].red_lines.push("ua-army".into());
    let mut b3 = clause("b3", "Talks continue.", &["diplomacy"]);
    b3.assessments = vec![assess("ua", Effect::Partial, "ua-army")];
    let base = plan("base", (2025, 1, 1), vec![b1, b2.clone(), b3]);
    let mut kept = clause("d1", "The army is capped, perhaps.", &["military"]);
    kept.inherited = Some(Inheritance {
        base_plan: "base".into(),
        base_clause: "b1".into(),
        action: ChangeAction::Unknown,
        reported: false,
    });
    let mut derived = plan("derived", (2025, 2, 1), vec![kept, b2.clone()]);
    derived.base = Some("base".into());
    let c = corpus(vec![ua], vec![base, derived]);

    let r = plan_redlines(&c, c.plan("base").unwrap());
    let army = &r.party("ua").unwrap().crossed[0];
    assert_eq!(army.red_line, "ua-army");
    let ids: Vec<&str> = army.clauses.iter().map(|(c, _)| c.id.as_str()).collect();
    assert_eq!(ids, ["b2", "b3"], "b2 once, though it names the line twice");

    let r = plan_redlines(&c, c.plan("derived").unwrap());
    let ua = r.party("ua").unwrap();
    assert_eq!(ua.crossed.len(), 1, "{ua:?}");
    assert_eq!(ua.open.len(), 1, "{ua:?}");
    assert_eq!(ua.open[0].red_line, "ua-nato");
    assert_eq!(
        ua.open[0].effect,
        Effect::Crosses,
        "the base clause's verdict"
    );
    assert_eq!(ua.open[0].clauses[0].0.id, "d1");
}
