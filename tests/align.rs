//! Alignment on small hand-made drafts: one test per row kind, and the properties every
//! alignment must have (coverage, exact word diffs, symmetry under swapping the drafts).

use peacediff::align::{
    AlignOptions, Alignment, MatchBasis, Row, RowClass, RowKind, align, align_with,
};
use peacediff::model::{
    ChangeAction, Clause, ClauseStatus, Corpus, Inheritance, Link, LinkBasis, Plan, Relation,
    Removal,
};
use peacediff::testing::{clause, corpus, plan};
use proptest::prelude::*;

mod common;

fn ids<'p>(plan: &'p Plan, idx: &[usize]) -> Vec<&'p str> {
    idx.iter().map(|&i| plan.clauses[i].id.as_str()).collect()
}

/// The row holding the given left clause id (or, for added rows, right clause id).
fn row_of<'a>(al: &'a Alignment, c: &Corpus, side: char, id: &str) -> &'a Row {
    let left = c.plan(&al.left).unwrap();
    let right = c.plan(&al.right).unwrap();
    al.rows
        .iter()
        .find(|r| match side {
            'l' => ids(left, &r.left).contains(&id),
            _ => ids(right, &r.right).contains(&id),
        })
        .unwrap_or_else(|| panic!("no row with {side}:{id}"))
}

fn link(plan: &str, clause: &str, relation: Relation) -> Link {
    Link {
        plan: plan.into(),
        clause: clause.into(),
        relation,
        basis: LinkBasis::Text,
        note: None,
    }
}

fn two(left: Vec<Clause>, right: Vec<Clause>) -> Corpus {
    corpus(
        vec![],
        vec![
            plan("a", (2025, 1, 1), left),
            plan("b", (2025, 2, 1), right),
        ],
    )
}

fn run(c: &Corpus) -> Alignment {
    align(c, c.plan("a").unwrap(), c.plan("b").unwrap())
}

const T1: &str = "Ukraine's armed forces are limited to 600,000 personnel in peacetime.";
const T2: &str = "Elections are held within 100 days of the signing of the agreement.";
const T3: &str = "Russia returns the Zaporizhzhia nuclear power plant to Ukrainian control.";
const T4: &str =
    "All prisoners of war and civilian detainees are exchanged on an all for all basis.";
const T5: &str =
    "Frozen Russian sovereign assets are used to rebuild the damaged Ukrainian cities.";

#[test]
fn unchanged_revised_dropped_added() {
    let c = two(
        vec![
            clause("1", T1, &["military"]),
            clause("2", T2, &["elections"]),
            clause("3", T3, &["nuclear"]),
        ],
        vec![
            clause("1", &T1.replace("600,000", "800,000"), &["military"]),
            clause("2", T2, &["elections"]),
            clause("9", T5, &["reconstruction"]),
        ],
    );
    let al = run(&c);
    let r = row_of(&al, &c, 'l', "1");
    assert_eq!(r.kind, RowKind::Revised);
    assert!(matches!(r.basis, MatchBasis::Similarity { .. }));
    let d = r.diff.as_ref().expect("a revised row has a diff");
    assert_eq!(d.changes(), vec![("600,000".into(), "800,000".into())]);
    assert!(
        r.strength
            .iter()
            .any(|f| f.summary.contains("600,000 → 800,000"))
    );
    assert_eq!(row_of(&al, &c, 'l', "2").kind, RowKind::Unchanged);
    assert_eq!(row_of(&al, &c, 'l', "3").kind, RowKind::Dropped);
    assert_eq!(row_of(&al, &c, 'r', "9").kind, RowKind::Added);
    // Dropped right after its left neighbour, added in the right draft's order.
    let kinds: Vec<RowKind> = al.rows.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [
            RowKind::Revised,
            RowKind::Unchanged,
            RowKind::Dropped,
            RowKind::Added
        ]
    );
    let counts = al.counts();
    assert_eq!((counts.revised, counts.dropped, counts.added), (1, 1, 1));
}

#[test]
fn moved() {
    let c = two(
        vec![
            clause("1", T1, &["military"]),
            clause("2", T2, &["elections"]),
            clause("3", T3, &["nuclear"]),
            clause("4", T4, &["humanitarian"]),
        ],
        vec![
            clause("2", T2, &["elections"]),
            clause("3", T3, &["nuclear"]),
            clause("4", T4, &["humanitarian"]),
            clause("1", T1, &["military"]),
        ],
    );
    let al = run(&c);
    let moved = row_of(&al, &c, 'l', "1");
    assert_eq!((moved.kind, moved.moved), (RowKind::Unchanged, true));
    assert_eq!(moved.marks(), "=↕");
    for id in ["2", "3", "4"] {
        let r = row_of(&al, &c, 'l', id);
        assert_eq!((r.kind, r.moved), (RowKind::Unchanged, false));
    }
    // A moved clause whose text also changed carries a diff.
    let c = two(
        vec![
            clause("1", T1, &["military"]),
            clause("2", T2, &["e"]),
            clause("3", T3, &["n"]),
        ],
        vec![
            clause("2", T2, &["e"]),
            clause("3", T3, &["n"]),
            clause("1", &T1.replace("600,000", "500,000"), &["military"]),
        ],
    );
    let r = run(&c);
    let r = row_of(&r, &c, 'l', "1");
    // Moved and revised, both said: the kind and the flag.
    assert_eq!((r.kind, r.moved), (RowKind::Revised, true));
    assert_eq!(r.words(), "revised, moved");
    assert!(r.diff.is_some());
}

#[test]
fn split_and_merged_by_links() {
    let mut a1 = clause("1", T1, &["military"]);
    a1.links = vec![
        link("b", "1a", Relation::Revises),
        link("b", "1b", Relation::Revises),
    ];
    let c = two(
        vec![
            a1,
            clause("2", T2, &["elections"]),
            clause("3", T3, &["nuclear"]),
        ],
        vec![
            clause("1a", "The army is capped at 800,000.", &["military"]),
            clause("1b", "The navy is capped at 20 ships.", &["military"]),
            {
                let mut m = clause("23", "Elections and the nuclear plant.", &["elections"]);
                m.links = vec![
                    link("a", "2", Relation::Revises),
                    link("a", "3", Relation::Same),
                ];
                m
            },
        ],
    );
    let al = run(&c);
    let (a, b) = (c.plan("a").unwrap(), c.plan("b").unwrap());
    let split = row_of(&al, &c, 'l', "1");
    assert_eq!(split.kind, RowKind::Split);
    assert_eq!(ids(b, &split.right), ["1a", "1b"]);
    assert!(split.diff.is_some());
    let merged = row_of(&al, &c, 'r', "23");
    assert_eq!(merged.kind, RowKind::Merged);
    assert_eq!(ids(a, &merged.left), ["2", "3"]);
    assert!(matches!(
        merged.basis,
        MatchBasis::Link {
            relation: Relation::Same,
            ..
        }
    ));
}

#[test]
fn links_decide_before_similarity_and_are_read_both_ways() {
    // Left 1 is textually identical to right 2, but a link (written on the right) pairs
    // left 1 with right 1.
    let mut r1 = clause("1", T5, &["reconstruction"]);
    r1.links = vec![link("a", "1", Relation::Replaces)];
    let c = two(
        vec![clause("1", T1, &["military"])],
        vec![r1, clause("2", T1, &["other"])],
    );
    let al = run(&c);
    let r = row_of(&al, &c, 'l', "1");
    assert_eq!(ids(c.plan("b").unwrap(), &r.right), ["1"]);
    assert_eq!(r.kind, RowKind::Revised);
    assert_eq!(r.basis.describe(), "link: replaces (text)");
    assert_eq!(row_of(&al, &c, 'r', "2").kind, RowKind::Added);
}

#[test]
fn opposing_positions_are_related_without_a_word_diff() {
    // One clause opposed by two others: not a split (neither revises the other), so one
    // related row with no diff and no strength flags; a `revises` link in the same group
    // still makes it a split.
    let mut r1 = clause("1", T2, &["elections"]);
    r1.links = vec![link("a", "1", Relation::Opposes)];
    let mut r2 = clause("2", T4, &["prisoners"]);
    r2.links = vec![link("a", "1", Relation::Opposes)];
    let c = two(vec![clause("1", T1, &["military"])], vec![r1, r2]);
    let al = run(&c);
    let r = row_of(&al, &c, 'l', "1");
    assert_eq!(ids(c.plan("b").unwrap(), &r.right), ["1", "2"]);
    assert_eq!(r.kind, RowKind::Related);
    assert_eq!(r.basis.describe(), "link: opposes (text)");
    assert!(r.diff.is_none() && r.strength.is_empty());

    let mut r1 = clause("1", T2, &["elections"]);
    r1.links = vec![link("a", "1", Relation::Revises)];
    let mut r2 = clause("2", T4, &["prisoners"]);
    r2.links = vec![link("a", "1", Relation::Opposes)];
    let c = two(vec![clause("1", T1, &["military"])], vec![r1, r2]);
    let al = run(&c);
    let r = row_of(&al, &c, 'l', "1");
    assert_eq!(r.kind, RowKind::Split);
    assert!(r.diff.is_some());
}

fn derived_pair() -> Corpus {
    let base = plan(
        "base",
        (2025, 1, 1),
        vec![
            clause("1", T1, &["military"]),
            clause("2", T2, &["elections"]),
            clause("3", T3, &["nuclear"]),
            clause("4", T4, &["humanitarian"]),
            clause("5", T5, &["reconstruction"]),
        ],
    );
    let inherit = |c: &Clause, action: ChangeAction| {
        let mut d = c.clone();
        d.inherited = Some(Inheritance {
            base_plan: "base".into(),
            base_clause: c.id.clone(),
            action,
            reported: action != ChangeAction::Unknown,
        });
        d
    };
    let mut derived = plan("derived", (2025, 2, 1), vec![]);
    derived.base = Some("base".into());
    derived.clauses = vec![
        inherit(&base.clauses[0], ChangeAction::Revised),
        inherit(&base.clauses[1], ChangeAction::Kept),
        {
            let mut c = inherit(&base.clauses[2], ChangeAction::Bracketed);
            c.status = Some(ClauseStatus::Bracketed);
            c
        },
        inherit(&base.clauses[3], ChangeAction::Unknown),
    ];
    derived.clauses[0].text = T1.replace("600,000", "800,000");
    derived.removals = vec![Removal {
        base_clause: "5".into(),
        action: ChangeAction::Dropped,
        certainty: peacediff::model::Certainty::Reported,
        sources: vec!["S1".into()],
        note: Some("Too contested.".into()),
    }];
    corpus(vec![], vec![base, derived])
}

#[test]
fn a_derived_draft_against_its_base_follows_inheritance() {
    let c = derived_pair();
    let (base, derived) = (c.plan("base").unwrap(), c.plan("derived").unwrap());
    let al = align(&c, base, derived);
    let by = |id: &str| row_of(&al, &c, 'l', id);
    assert_eq!(by("1").kind, RowKind::Revised);
    assert!(by("1").diff.is_some());
    assert!(matches!(
        by("1").basis,
        MatchBasis::Inherited {
            action: ChangeAction::Revised,
            ..
        }
    ));
    assert_eq!(by("2").kind, RowKind::Unchanged);
    assert_eq!(by("3").kind, RowKind::Unchanged);
    assert!(by("3").bracketed);
    // Bracketed with the same words is not counted as unchanged.
    assert_eq!(by("3").class(), RowClass::Bracketed);
    assert_eq!(by("2").class(), RowClass::Unchanged);
    assert!(by("4").unreported);
    assert_eq!(by("4").class(), RowClass::Unreported);
    assert_eq!(by("4").basis.describe(), "inherited: not reported");
    let dropped = by("5");
    assert_eq!(dropped.kind, RowKind::Dropped);
    let k = dropped.removal.expect("evidence for the drop");
    assert_eq!(derived.removals[k].note.as_deref(), Some("Too contested."));
    assert_eq!(dropped.basis.describe(), "inherited: dropped");
    // Swapped: the removal becomes an added row, still with its evidence.
    let back = align(&c, derived, base);
    let added = back
        .rows
        .iter()
        .find(|r| r.kind == RowKind::Added)
        .expect("the removed clause is added going back");
    assert_eq!(ids(base, &added.right), ["5"]);
    assert_eq!(added.removal, Some(k));
    let report = back.report(derived, base, true);
    let added = report
        .rows
        .iter()
        .find(|r| r.kind == RowKind::Added)
        .unwrap();
    assert_eq!(added.removal.as_ref().unwrap().base_clause, "5");
}

#[test]
fn two_derived_drafts_align_through_their_base() {
    let c = derived_pair();
    let base = c.plan("base").unwrap().clone();
    let mut other = c.plan("derived").unwrap().clone();
    other.id = "other".into();
    other.short = "other".into();
    other.clauses[0].text = T1.replace("600,000", "700,000");
    other.clauses[1].inherited.as_mut().unwrap().action = ChangeAction::Revised;
    other.clauses[1].text = T2.replace("100", "200");
    other.removals.clear();
    other.clauses.push({
        let mut c5 = base.clauses[4].clone();
        c5.inherited = Some(Inheritance {
            base_plan: "base".into(),
            base_clause: "5".into(),
            action: ChangeAction::Kept,
            reported: true,
        });
        c5
    });
    let derived = c.plan("derived").unwrap().clone();
    let c = corpus(vec![], vec![base, derived, other]);
    let (d, o) = (c.plan("derived").unwrap(), c.plan("other").unwrap());
    let al = align(&c, d, o);
    let r1 = row_of(&al, &c, 'l', "1");
    assert_eq!(r1.kind, RowKind::Revised);
    assert_eq!(
        r1.diff.as_ref().unwrap().changes(),
        vec![("800,000".into(), "700,000".into())]
    );
    // Kept on one side, revised on the other: the row says revised.
    let r2 = row_of(&al, &c, 'l', "2");
    assert_eq!(r2.kind, RowKind::Revised);
    assert!(matches!(
        r2.basis,
        MatchBasis::Inherited {
            action: ChangeAction::Revised,
            ..
        }
    ));
    assert_eq!(row_of(&al, &c, 'l', "4").class(), RowClass::Unreported);
    // Removed from `derived`, kept in `other`: added, with the evidence from `derived`.
    let added = row_of(&al, &c, 'r', "5");
    assert_eq!(added.kind, RowKind::Added);
    assert_eq!(added.removal, Some(0));
}

#[test]
fn links_written_on_a_base_clause_reach_its_derived_copies() {
    let c = derived_pair();
    let base = c.plan("base").unwrap().clone();
    let derived = c.plan("derived").unwrap().clone();
    let mut pf = plan(
        "pf",
        (2022, 1, 1),
        vec![clause(
            "1",
            "Nuclear safety at the power plants.",
            &["nuclear"],
        )],
    );
    pf.clauses[0].links = vec![link("base", "3", Relation::Related)];
    let c = corpus(vec![], vec![base, derived, pf]);
    let al = align(&c, c.plan("pf").unwrap(), c.plan("derived").unwrap());
    let r = row_of(&al, &c, 'l', "1");
    assert_eq!(ids(c.plan("derived").unwrap(), &r.right), ["3"]);
    assert_eq!(r.kind, RowKind::Related);
    assert_eq!(r.basis.describe(), "link: related (text, via base)");
}

#[test]
fn drafts_of_different_structure_match_by_topic_many_to_many() {
    // A 2-point formula against a 6-point draft with no links and different wording.
    let c = two(
        vec![
            clause(
                "1",
                "Radiation and nuclear safety must be restored.",
                &["nuclear"],
            ),
            clause(
                "2",
                "Release of all prisoners and deportees.",
                &["humanitarian"],
            ),
        ],
        vec![
            clause(
                "1",
                "The Zaporizhzhia plant restarts under IAEA watch.",
                &["nuclear"],
            ),
            clause(
                "2",
                "Power from the plant is split evenly.",
                &["nuclear", "energy"],
            ),
            clause(
                "3",
                "An all for all exchange of captives.",
                &["humanitarian"],
            ),
            clause(
                "4",
                "Children are returned to their families.",
                &["humanitarian"],
            ),
            clause("5", "Elections within 100 days.", &["elections"]),
            clause("6", "Sanctions are lifted in stages.", &["sanctions"]),
        ],
    );
    let al = run(&c);
    let b = c.plan("b").unwrap();
    let nuclear = row_of(&al, &c, 'l', "1");
    assert_eq!(nuclear.kind, RowKind::Related);
    assert_eq!(ids(b, &nuclear.right), ["1", "2"]);
    assert_eq!(nuclear.basis.describe(), "topic: nuclear");
    // Prisoners and captives are one term to the lexicon: the release clause is matched by
    // its words; the children's clause, which nothing else pairs, is added, not repeated in a
    // topic row.
    let prisoners = row_of(&al, &c, 'l', "2");
    assert_eq!(ids(b, &prisoners.right), ["3"]);
    assert_eq!(prisoners.kind, RowKind::Revised);
    assert_eq!(row_of(&al, &c, 'r', "4").kind, RowKind::Added);
    assert_eq!(row_of(&al, &c, 'r', "5").kind, RowKind::Added);
    // Without topic rows, nothing matches.
    let plain = align_with(
        &c,
        c.plan("a").unwrap(),
        b,
        &AlignOptions {
            topic_rows: false,
            ..AlignOptions::default()
        },
    );
    assert_eq!(plain.counts().related, 0);
}

#[test]
fn unlinked_clauses_match_by_words_with_the_score_shown() {
    let c = two(
        vec![clause(
            "7",
            "NATO agrees not to station troops in Ukraine.",
            &["nato"],
        )],
        vec![
            clause("4", "Sanctions are lifted in stages.", &["sanctions"]),
            clause(
                "8",
                "NATO agrees not to station its troops in Ukraine in peacetime.",
                &["nato"],
            ),
        ],
    );
    let al = run(&c);
    let r = row_of(&al, &c, 'l', "7");
    assert_eq!(r.kind, RowKind::Revised);
    let MatchBasis::Similarity { score } = r.basis else {
        panic!("matched by similarity, not {:?}", r.basis)
    };
    assert!(score > 0.5 && score < 1.0, "{score}");
    assert!(r.basis.describe().starts_with("similarity 0."));
}

#[test]
fn order_uncertain_clauses_are_not_reported_as_moved() {
    let mut moved = clause("1", T1, &["military"]);
    moved.order_uncertain = true;
    let c = two(
        vec![
            moved.clone(),
            clause("2", T2, &["e"]),
            clause("3", T3, &["n"]),
        ],
        vec![clause("2", T2, &["e"]), clause("3", T3, &["n"]), moved],
    );
    assert_eq!(row_of(&run(&c), &c, 'l', "1").kind, RowKind::Unchanged);
}

#[test]
fn row_classes_have_marks_and_labels() {
    let marks: std::collections::HashSet<&str> = RowClass::ALL.iter().map(|k| k.mark()).collect();
    assert_eq!(marks.len(), RowClass::ALL.len(), "marks are distinct");
    for k in RowClass::ALL {
        assert_eq!(
            serde_json::to_value(k).unwrap(),
            serde_json::Value::String(k.label().into())
        );
        assert!(!k.legend().describe.is_empty());
    }
}

// ------------------------------------------------------------------------- properties

/// Every clause of both drafts appears exactly once, unless its row is a split, a merge or
/// a many-to-many (related) row.
fn check_coverage(c: &Corpus, al: &Alignment) -> Result<(), TestCaseError> {
    let (a, b) = (c.plan(&al.left).unwrap(), c.plan(&al.right).unwrap());
    let mut seen_l = vec![0usize; a.clauses.len()];
    let mut seen_r = vec![0usize; b.clauses.len()];
    let mut shared_l = vec![false; a.clauses.len()];
    let mut shared_r = vec![false; b.clauses.len()];
    for r in &al.rows {
        let many = matches!(r.kind, RowKind::Split | RowKind::Merged | RowKind::Related);
        for &l in &r.left {
            seen_l[l] += 1;
            shared_l[l] |= many;
        }
        for &x in &r.right {
            seen_r[x] += 1;
            shared_r[x] |= many;
        }
        match r.kind {
            RowKind::Dropped => prop_assert!(r.right.is_empty() && r.left.len() == 1),
            RowKind::Added => prop_assert!(r.left.is_empty() && r.right.len() == 1),
            RowKind::Split => prop_assert!(r.left.len() == 1 && r.right.len() > 1),
            RowKind::Merged => prop_assert!(r.left.len() > 1 && r.right.len() == 1),
            RowKind::Related => prop_assert!(!r.left.is_empty() && !r.right.is_empty()),
            _ => prop_assert!(r.left.len() == 1 && r.right.len() == 1),
        }
        if let Some(d) = &r.diff {
            let join = |p: &Plan, idx: &[usize]| {
                idx.iter()
                    .map(|&i| p.clauses[i].text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n\n")
            };
            prop_assert_eq!(d.old_text(), join(a, &r.left));
            prop_assert_eq!(d.new_text(), join(b, &r.right));
        }
    }
    // A topic row only gathers clauses nothing else aligned: none of them is in another row.
    for r in al
        .rows
        .iter()
        .filter(|r| matches!(r.basis, MatchBasis::Topic { .. }))
    {
        for &l in &r.left {
            prop_assert_eq!(seen_l[l], 1, "left {} of a topic row is in another row", l);
        }
        for &x in &r.right {
            prop_assert_eq!(seen_r[x], 1, "right {} of a topic row is in another row", x);
        }
    }
    for (i, n) in seen_l.iter().enumerate() {
        prop_assert!(
            *n == 1 || (*n > 1 && shared_l[i]),
            "left {} seen {} times",
            i,
            n
        );
    }
    for (i, n) in seen_r.iter().enumerate() {
        prop_assert!(
            *n == 1 || (*n > 1 && shared_r[i]),
            "right {} seen {} times",
            i,
            n
        );
    }
    Ok(())
}

fn mirror(k: RowKind) -> RowKind {
    match k {
        RowKind::Dropped => RowKind::Added,
        RowKind::Added => RowKind::Dropped,
        RowKind::Split => RowKind::Merged,
        RowKind::Merged => RowKind::Split,
        k => k,
    }
}

/// The rows as (kind, left, right), sorted: order-free, for comparing.
fn shape(al: &Alignment) -> Vec<(RowKind, Vec<usize>, Vec<usize>)> {
    let mut v: Vec<_> = al
        .rows
        .iter()
        .map(|r| (r.kind, r.left.clone(), r.right.clone()))
        .collect();
    v.sort();
    v
}

fn check_swap(c: &Corpus, a: &Plan, b: &Plan) -> Result<(), TestCaseError> {
    let ab = align(c, a, b);
    let ba = align(c, b, a);
    let mut swapped: Vec<_> = shape(&ba)
        .into_iter()
        .map(|(k, l, r)| (mirror(k), r, l))
        .collect();
    swapped.sort();
    prop_assert_eq!(shape(&ab), swapped);
    Ok(())
}

prop_compose! {
    fn texts()(words in prop::collection::vec(prop::sample::select(vec![
        "ukraine", "russia", "nato", "forces", "600,000", "800,000", "shall", "may", "the",
        "of", "elections", "within", "100", "days", "sanctions", "lifted", "territory",
        "guarantee", "unless", "Збройні", "сили", "ceasefire",
    ]), 3..12)) -> String {
        words.join(" ")
    }
}

prop_compose! {
    /// Two drafts sharing some texts, with random topics and a few random links.
    fn pair()(
        left in prop::collection::vec((texts(), 0usize..4), 0..12),
        edits in prop::collection::vec((0usize..3, texts(), 0usize..4), 0..14),
        links in prop::collection::vec((0usize..12, 0usize..14, 0usize..5), 0..4),
        seed in any::<u64>(),
    ) -> Corpus {
        const TOPICS: [&str; 4] = ["a", "b", "c", "d"];
        let mut rng = peacediff::testing::Rng::new(seed);
        let l: Vec<Clause> = left
            .iter()
            .enumerate()
            .map(|(i, (t, k))| clause(&format!("l{i}"), t, &[TOPICS[*k]]))
            .collect();
        let mut r: Vec<Clause> = Vec::new();
        for (i, (op, t, k)) in edits.iter().enumerate() {
            let base = if l.is_empty() { None } else { Some(&l[rng.below(l.len())]) };
            let text = match (op, base) {
                (0, Some(b)) => b.text.clone(),
                (1, Some(b)) => format!("{} {t}", b.text),
                _ => t.clone(),
            };
            r.push(clause(&format!("r{i}"), &text, &[TOPICS[*k]]));
        }
        let mut l = l;
        for (li, ri, rel) in links {
            if li < l.len() && ri < r.len() {
                let relation = [Relation::Same, Relation::Revises, Relation::Replaces,
                    Relation::Opposes, Relation::Related][rel];
                let id = r[ri].id.clone();
                l[li].links.push(link("b", &id, relation));
            }
        }
        two(l, r)
    }
}

proptest! {
    #![proptest_config(common::proptest_config(256))]

    #[test]
    fn every_clause_appears_and_diffs_rebuild_texts(c in pair()) {
        let al = run(&c);
        check_coverage(&c, &al)?;
    }

    #[test]
    fn swapping_the_drafts_swaps_dropped_and_added(c in pair()) {
        check_swap(&c, c.plan("a").unwrap(), c.plan("b").unwrap())?;
    }
}

#[test]
fn properties_hold_on_synthetic_drafts() {
    for (n, seed) in [(30, 1), (200, 2), (1_000, 3)] {
        let c = peacediff::testing::synthetic(n, seed);
        let (a, b) = (&c.plans[0], &c.plans[1]);
        let al = align(&c, a, b);
        check_coverage(&c, &al).unwrap();
        check_swap(&c, a, b).unwrap();
        let counts = al.counts();
        // The generator's edits show up as such.
        assert!(counts.revised > n / 20, "{counts:?}");
        assert!(counts.dropped > 0 && counts.added > 0, "{counts:?}");
        assert!(counts.unchanged > n / 2, "{counts:?}");
        if n >= 200 {
            assert!(counts.moved > 0, "{counts:?}");
        }
    }
}

#[test]
fn properties_hold_on_every_pair_of_the_bundled_corpus() {
    let c = peacediff::load::load_bundled().unwrap().corpus;
    for a in &c.plans {
        for b in &c.plans {
            if a.id == b.id {
                continue;
            }
            let al = align(&c, a, b);
            check_coverage(&c, &al).unwrap_or_else(|e| panic!("{} vs {}: {e}", a.id, b.id));
            check_swap(&c, a, b).unwrap_or_else(|e| panic!("{} vs {}: {e}", a.id, b.id));
        }
    }
}

/// Drafts that keep one order: a clause rewritten in other words, between two clauses that
/// match, is paired with the rewrite between their counterparts (the order prior), while a
/// clause with nothing in common stays dropped.
#[test]
fn a_rewrite_between_matched_neighbours_is_found_by_its_place() {
    let same = [
        (
            "1",
            "The parties declare a complete and lasting ceasefire along the whole front line.",
        ),
        (
            "3",
            "Heavy weapons are pulled back fifteen kilometres from the line on each side.",
        ),
        (
            "4",
            "An international mission observes the ceasefire and reports violations weekly.",
        ),
        (
            "6",
            "Local elections take place in the affected districts under agreed legislation.",
        ),
    ];
    let mut left: Vec<Clause> = same.iter().map(|(id, t)| clause(id, t, &[])).collect();
    let mut right = left.clone();
    left.insert(
        1,
        clause(
            "2",
            "All captives held by either side are released within a month.",
            &[],
        ),
    );
    right.insert(
        1,
        clause(
            "2",
            "Prisoners are freed by both parties in a full exchange.",
            &[],
        ),
    );
    left.insert(
        4,
        clause("5", "Fishing quotas in the estuary are renegotiated.", &[]),
    );
    right.insert(
        4,
        clause("5", "A joint body rebuilds the damaged water supply.", &[]),
    );
    let c = two(left, right);
    let al = run(&c);
    let b = c.plan("b").unwrap();
    let prisoners = row_of(&al, &c, 'l', "2");
    assert_eq!(ids(b, &prisoners.right), ["2"]);
    assert_eq!(prisoners.kind, RowKind::Revised);
    assert_eq!(row_of(&al, &c, 'l', "5").kind, RowKind::Dropped);
    assert_eq!(row_of(&al, &c, 'r', "5").kind, RowKind::Added);
    // Without the prior (gap threshold at the main one), the rewrite is not found.
    let plain = align_with(
        &c,
        c.plan("a").unwrap(),
        b,
        &AlignOptions {
            gap_similarity: 0.5,
            ..AlignOptions::default()
        },
    );
    assert_eq!(row_of(&plain, &c, 'l', "2").kind, RowKind::Dropped);
}

/// A clause the other draft split in two: the part left over, whose words all reappear in the
/// clause already matched, joins that row as a split rather than standing alone as added.
#[test]
fn a_part_split_out_of_a_matched_clause_joins_its_row() {
    let c = two(
        vec![
            clause(
                "1",
                "The parties declare a lasting ceasefire along the whole front.",
                &[],
            ),
            clause(
                "2",
                "A joint commission of three members from each side oversees the treaty, meets \
                 twice a year and decides by consensus.",
                &[],
            ),
            clause(
                "3",
                "Elections are held in the eastern districts within a year.",
                &[],
            ),
        ],
        vec![
            clause(
                "1",
                "The parties declare a lasting ceasefire along the whole front.",
                &[],
            ),
            clause(
                "2",
                "A joint commission of three members from each side oversees the treaty and \
                 meets twice a year.",
                &[],
            ),
            clause("2a", "The commission decides by consensus.", &[]),
            clause(
                "3",
                "Elections are held in the eastern districts within a year.",
                &[],
            ),
        ],
    );
    let al = run(&c);
    let b = c.plan("b").unwrap();
    let row = row_of(&al, &c, 'l', "2");
    assert_eq!(ids(b, &row.right), ["2", "2a"]);
    assert_eq!(row.kind, RowKind::Split);
}

/// The candidate search is bounded on inputs where no word is rare (near-duplicates, a tiny
/// vocabulary), counting only the clauses near each clause's expected place: the invariants
/// hold there too, at sizes where the bound applies, and on a full shuffle.
#[test]
fn properties_hold_on_every_generated_shape() {
    use peacediff::testing::{Shape, shaped};
    for shape in [
        Shape::NearDuplicates,
        Shape::TinyVocabulary,
        Shape::Unrelated,
        Shape::Shuffled,
        Shape::LongClause { bytes: 20_000 },
    ] {
        let c = shaped(shape, 600, 4);
        let (a, b) = (&c.plans[0], &c.plans[1]);
        let al = align(&c, a, b);
        check_coverage(&c, &al).unwrap_or_else(|e| panic!("{shape:?}: {e}"));
        check_swap(&c, a, b).unwrap_or_else(|e| panic!("{shape:?}: {e}"));
    }
}

/// A clause keeps its id through the generator's edit, so on realistic drafts — in order or
/// shuffled — every clause both drafts hold is matched with itself and nothing else.
#[test]
fn generated_edits_are_found_in_order_and_shuffled() {
    use peacediff::testing::{Shape, shaped};
    for shape in [Shape::Realistic, Shape::Shuffled] {
        let c = shaped(shape, 1_500, 9);
        let (a, b) = (&c.plans[0], &c.plans[1]);
        let al = align(&c, a, b);
        let mut pairs = 0;
        for row in &al.rows {
            for &l in &row.left {
                for &r in &row.right {
                    assert_eq!(a.clauses[l].id, b.clauses[r].id, "{shape:?}: {row:?}");
                    pairs += 1;
                }
            }
        }
        let shared = a
            .clauses
            .iter()
            .filter(|x| b.clauses.iter().any(|y| y.id == x.id))
            .count();
        assert_eq!(pairs, shared, "{shape:?}");
    }
}
