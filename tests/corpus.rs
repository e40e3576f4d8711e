//! The bundled corpus: complete, consistent and faithful on the facts that matter most.
//!
//! Counts and spot checks are asserted against the loaded data (what users see), not against
//! the files' text.

use peacediff::model::*;
use std::collections::HashSet;

fn corpus() -> Corpus {
    let loaded = peacediff::load::load_bundled().expect("bundled corpus loads");
    assert!(
        loaded.warnings.is_empty(),
        "bundled corpus has warnings: {:#?}",
        loaded.warnings
    );
    loaded.corpus
}

fn plan<'c>(c: &'c Corpus, id: &str) -> &'c Plan {
    c.plan(id)
        .unwrap_or_else(|| panic!("draft {id} is bundled"))
}

fn text<'c>(c: &'c Corpus, plan_id: &str, clause: &str) -> &'c str {
    &plan(c, plan_id)
        .clause(clause)
        .unwrap_or_else(|| panic!("{plan_id} {clause}"))
        .text
}

#[test]
fn every_known_draft_is_bundled() {
    let c = corpus();
    let ids: Vec<&str> = c.plans.iter().map(|p| p.id.as_str()).collect();
    for id in [
        "us-28",
        "geneva-19",
        "e3-28",
        "eu-24",
        "pf-10",
        "ru-memo",
        "ua-20",
        "ua-letter-26",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    assert!(
        c.info.coverage.contains("end of June 2026"),
        "the corpus says how current it is"
    );
}

#[test]
fn counts_match_the_originals() {
    let c = corpus();
    let us = plan(&c, "us-28");
    assert_eq!(us.top_level_count(), 28);
    let subpoints: Vec<&str> = us
        .clauses
        .iter()
        .filter(|c| c.parent.is_some())
        .map(|c| c.id.as_str())
        .collect();
    let expected: Vec<String> = [
        ("10", "abcd"),
        ("12", "abcdef"),
        ("13", "abc"),
        ("20", "abc"),
        ("21", "abcd"),
        ("24", "abcd"),
    ]
    .iter()
    .flat_map(|(n, letters)| letters.chars().map(move |l| format!("{n}{l}")))
    .collect();
    assert_eq!(subpoints, expected);
    assert_eq!(plan(&c, "pf-10").top_level_count(), 10);
    let ua20 = plan(&c, "ua-20");
    assert_eq!(ua20.top_level_count(), 20);
    let ua20_sub: Vec<&str> = ua20
        .clauses
        .iter()
        .filter(|c| c.parent.is_some())
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(ua20_sub, ["5A", "5B", "5C", "5D"]);
    // Russia's memorandum: 12 items in section I, two ceasefire options (the second with 10
    // points), and the section III sequence, 31 items in all.
    let memo = plan(&c, "ru-memo");
    let section = |p: &str| {
        memo.clauses
            .iter()
            .filter(|c| c.id.starts_with(p) && c.id != "II.B")
            .count()
    };
    assert_eq!(section("I."), 12);
    assert_eq!(section("II.B."), 10);
    assert_eq!(section("II."), 11);
    assert_eq!(section("I.") + section("II.") + section("III."), 31);
    assert!(
        memo.clauses
            .iter()
            .filter(|c| c.id.starts_with("III."))
            .all(|c| c.order_uncertain)
    );
    // The European 24-point plan: items 1–12 are firm, the order after that is not.
    let eu = plan(&c, "eu-24");
    for n in 1..=20 {
        assert!(eu.clause(&n.to_string()).is_some(), "EU-24 item {n}");
    }
    assert!(
        eu.clauses
            .iter()
            .all(|c| c.order_uncertain == (c.id.parse::<u32>().unwrap() > 12))
    );
}

#[test]
fn the_geneva_framework_is_reported_changes_over_the_28_points_never_invented_points() {
    let c = corpus();
    let g = plan(&c, "geneva-19");
    let us = plan(&c, "us-28");
    assert_eq!(g.base.as_deref(), Some("us-28"));
    assert!(
        g.clauses
            .iter()
            .all(|c| c.certainty != Certainty::PublishedText),
        "nothing of it was published"
    );
    // Every base clause is accounted for: present (kept, revised, bracketed or unknown) or removed.
    for b in &us.clauses {
        let present = g.clause(&b.id).is_some();
        let removed = g.removals.iter().any(|r| r.base_clause == b.id);
        assert!(
            present ^ removed,
            "28-pt {} must be present or removed, not both or neither",
            b.id
        );
    }
    let action = |id: &str| {
        g.clause(id)
            .and_then(|c| c.inherited.as_ref())
            .map(|i| i.action)
    };
    assert_eq!(
        action("6"),
        Some(ChangeAction::Revised),
        "army cap softened"
    );
    assert_eq!(
        g.clause("6").unwrap().status,
        Some(ClauseStatus::Disputed),
        "the new figure is uncertain"
    );
    assert_eq!(
        action("21"),
        Some(ChangeAction::Bracketed),
        "territory left to the presidents"
    );
    assert_eq!(action("1"), Some(ChangeAction::Kept));
    let dropped: Vec<&str> = g
        .removals
        .iter()
        .filter(|r| r.action == ChangeAction::Dropped)
        .map(|r| r.base_clause.as_str())
        .collect();
    assert!(dropped.contains(&"26"), "amnesty dropped: {dropped:?}");
    let parked: Vec<&str> = g
        .removals
        .iter()
        .filter(|r| r.action == ChangeAction::SeparateTrack)
        .map(|r| r.base_clause.as_str())
        .collect();
    assert!(
        parked.contains(&"14"),
        "frozen assets moved to a separate track: {parked:?}"
    );
    // Unreported points are shown as unknown, never silently as kept.
    let unknown: Vec<&Clause> = g
        .clauses
        .iter()
        .filter(|c| c.status == Some(ClauseStatus::Unknown))
        .collect();
    assert!(unknown.len() > 10);
    for u in unknown {
        assert_eq!(u.certainty, Certainty::Inferred);
        assert!(
            u.assessments.is_empty(),
            "no assessment is claimed for unreported point {}",
            u.id
        );
        assert_eq!(u.inherited.as_ref().unwrap().action, ChangeAction::Unknown);
    }
}

#[test]
fn every_clause_is_sourced_and_every_reference_resolves() {
    let c = corpus();
    let topics: HashSet<&str> = c.topics.iter().map(|t| t.id.as_str()).collect();
    for p in &c.plans {
        assert!(!p.main_sources.is_empty());
        for cl in &p.clauses {
            assert!(!cl.sources.is_empty(), "{} {} has no source", p.id, cl.id);
            for k in &cl.sources {
                assert!(
                    p.source(k).is_some(),
                    "{} {} cites undeclared {k}",
                    p.id,
                    cl.id
                );
            }
            assert!(!cl.text.trim().is_empty() && !cl.title.trim().is_empty());
            if cl.certainty == Certainty::Inferred {
                assert!(
                    cl.certainty_note.is_some(),
                    "{} {}: inferred without a basis",
                    p.id,
                    cl.id
                );
            }
            assert!(cl.topics.iter().all(|t| topics.contains(t.as_str())));
            for a in &cl.assessments {
                assert!(
                    !a.note.trim().is_empty(),
                    "{} {}: assessment without rationale",
                    p.id,
                    cl.id
                );
                for r in &a.red_lines {
                    let line = c
                        .red_line(r)
                        .unwrap_or_else(|| panic!("{} {} names unknown {r}", p.id, cl.id));
                    assert_eq!(line.party, a.party);
                }
            }
            for l in &cl.links {
                assert!(
                    c.plan(&l.plan).and_then(|t| t.clause(&l.clause)).is_some(),
                    "{} {} → {}:{}",
                    p.id,
                    cl.id,
                    l.plan,
                    l.clause
                );
            }
        }
    }
}

#[test]
fn every_red_line_is_assessed_somewhere_or_explained() {
    let c = corpus();
    let used: HashSet<&str> = c
        .plans
        .iter()
        .flat_map(|p| &p.clauses)
        .flat_map(|cl| &cl.assessments)
        .flat_map(|a| a.red_lines.iter().map(String::as_str))
        .collect();
    for party in &c.parties {
        assert!(!party.red_lines.is_empty(), "{} has red lines", party.id);
        for r in &party.red_lines {
            assert!(
                used.contains(r.id.as_str()) || r.untouched_note.is_some(),
                "{} is never assessed",
                r.id
            );
            assert!(!r.sources.is_empty());
        }
    }
    let ids: Vec<&str> = c.parties.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["ua", "ru", "us", "eu"]);
}

#[test]
fn key_figures_survive_the_paraphrase() {
    let c = corpus();
    assert!(
        text(&c, "us-28", "6").contains("600,000"),
        "army cap in the 28 points"
    );
    assert!(
        text(&c, "e3-28", "6").contains("800,000"),
        "E3 raises the cap"
    );
    assert!(
        text(&c, "ua-20", "4").contains("800,000"),
        "20-point peacetime level"
    );
    assert!(
        text(&c, "us-28", "25").contains("100 days"),
        "election deadline"
    );
    let assets = text(&c, "us-28", "14");
    assert!(
        assets.contains("$100 billion") && assets.contains("50%"),
        "frozen-asset scheme: {assets}"
    );
    assert!(
        text(&c, "us-28", "19").contains("50:50"),
        "Zaporizhzhia power split"
    );
    assert!(
        text(&c, "ru-memo", "II.B.9").contains("100 days"),
        "Russia: elections after martial law"
    );
    let e3 = plan(&c, "e3-28");
    assert!(
        e3.removals
            .iter()
            .any(|r| r.base_clause == "3" && r.action == ChangeAction::Dropped),
        "E3 deletes point 3"
    );
}

#[test]
fn the_28_points_cross_ukraines_army_line_and_the_e3_edit_does_not() {
    let c = corpus();
    let effect = |plan_id: &str, clause: &str, red_line: &str| {
        plan(&c, plan_id)
            .clause(clause)
            .unwrap()
            .assessments
            .iter()
            .find(|a| a.red_lines.iter().any(|r| r == red_line))
            .map(|a| a.effect)
    };
    assert_eq!(
        effect("us-28", "6", "ua-army-800k-no-lower-cap"),
        Some(Effect::Crosses)
    );
    assert_ne!(
        effect("e3-28", "6", "ua-army-800k-no-lower-cap"),
        Some(Effect::Crosses)
    );
    assert_eq!(
        effect("us-28", "26", "ua-accountability-no-blanket-amnesty"),
        Some(Effect::Crosses)
    );
}

#[test]
fn inherited_sources_are_carried_with_the_base_prefix() {
    let c = corpus();
    let g = plan(&c, "geneva-19");
    let kept = g.clause("1").unwrap();
    assert!(
        kept.sources.iter().any(|k| k.starts_with("us-28/")),
        "{:?}",
        kept.sources
    );
    assert!(kept.sources.iter().all(|k| g.source(k).is_some()));
}

#[test]
fn revisions_read_forward_in_time_whichever_side_wrote_the_link() {
    let c = corpus();
    let us = plan(&c, "us-28");
    let pf = plan(&c, "pf-10");
    // The link is written on the 2022 Peace Formula's clause, pointing at the 28 points.
    assert!(
        pf.clause("5")
            .unwrap()
            .links
            .iter()
            .any(|l| l.plan == "us-28" && l.clause == "1" && l.relation == Relation::Revises)
    );
    let from_us = c.counterparts(us, us.clause("1").unwrap());
    let pf5 = from_us
        .iter()
        .find(|cp| cp.plan.id == "pf-10" && cp.clause.id == "5")
        .unwrap();
    assert_eq!(
        pf5.describe(),
        "revises",
        "the 2025 draft revises the 2022 one"
    );
    let from_pf = c.counterparts(pf, pf.clause("5").unwrap());
    let us1 = from_pf
        .iter()
        .find(|cp| cp.plan.id == "us-28" && cp.clause.id == "1")
        .unwrap();
    assert_eq!(us1.describe(), "revised by");
}

#[test]
fn a_bracketed_point_that_sources_dispute_keeps_both_marks() {
    let c = corpus();
    let g = plan(&c, "geneva-19");
    let nato = g.clause("7").unwrap();
    assert_eq!(
        nato.inherited.as_ref().unwrap().action,
        ChangeAction::Bracketed
    );
    assert_eq!(
        nato.status,
        Some(ClauseStatus::Disputed),
        "FT: bracketed; NY Post: removed"
    );
    let us = plan(&c, "us-28");
    let rows = peacediff::align::align(&c, us, g).rows;
    let row = rows
        .iter()
        .find(|r| r.right.iter().any(|&i| g.clauses[i].id == "7"))
        .unwrap();
    assert!(row.bracketed, "still shown as bracketed in the comparison");
    assert_eq!(
        g.clause("4").unwrap().status,
        Some(ClauseStatus::Bracketed),
        "undisputed bracket"
    );
}

/// The verdicts on the US 28 points that name no specific red line: each party's position on
/// the clause as a whole (a general position), with the effect the sources support.
const GENERAL_VERDICTS_28: [(&str, &str, Effect); 14] = [
    ("1", "us", Effect::Meets),
    ("11", "us", Effect::Meets),
    ("16", "us", Effect::Meets),
    ("17", "ru", Effect::Meets),
    ("17", "us", Effect::Meets),
    ("18", "ua", Effect::Meets),
    ("18", "us", Effect::Meets),
    ("18", "eu", Effect::Meets),
    ("19", "eu", Effect::Partial),
    ("20", "us", Effect::Meets),
    ("23", "ua", Effect::Meets),
    ("23", "us", Effect::Meets),
    ("24", "us", Effect::Meets),
    ("26", "us", Effect::Meets),
];

#[test]
fn the_general_verdicts_on_the_28_points_are_loaded_where_they_belong() {
    let c = corpus();
    let us28 = plan(&c, "us-28");
    for (clause, party, effect) in GENERAL_VERDICTS_28 {
        let cl = us28.clause(clause).unwrap();
        let general: Vec<&Assessment> = cl
            .assessments
            .iter()
            .filter(|a| a.party == party && a.is_general())
            .collect();
        assert_eq!(
            general.len(),
            1,
            "28-pt {clause}: one general verdict for {party}"
        );
        let a = general[0];
        assert_eq!(a.effect, effect, "28-pt {clause} {party}");
        assert!(
            a.confidence.is_some(),
            "28-pt {clause} {party} has a confidence"
        );
        assert!(!a.note.trim().is_empty());
    }
    // No other clause of the draft carries a general verdict, and no party has two verdicts on
    // one clause.
    let all: Vec<(&str, &str)> = us28
        .clauses
        .iter()
        .flat_map(|cl| {
            cl.assessments
                .iter()
                .filter(|a| a.is_general())
                .map(move |a| (cl.id.as_str(), a.party.as_str()))
        })
        .collect();
    assert_eq!(all.len(), GENERAL_VERDICTS_28.len(), "{all:?}");
    for cl in &us28.clauses {
        let parties: Vec<&str> = cl.assessments.iter().map(|a| a.party.as_str()).collect();
        let unique: HashSet<&str> = parties.iter().copied().collect();
        assert_eq!(parties.len(), unique.len(), "28-pt {}: {parties:?}", cl.id);
    }
}

#[test]
fn general_verdicts_do_not_change_the_red_line_scores() {
    let c = corpus();
    let us28 = plan(&c, "us-28");
    let scores = peacediff::analysis::plan_redlines(&c, us28);
    for party in &c.parties {
        let s = scores.party(&party.id).unwrap();
        // Every counted hit is backed by an assessment that names that very red line.
        for hit in s.crossed.iter().chain(&s.partial).chain(&s.met) {
            assert!(
                us28.clauses.iter().any(|cl| cl
                    .assessments
                    .iter()
                    .any(|a| a.party == party.id && a.red_lines.contains(&hit.red_line))),
                "{} counted without a named assessment",
                hit.red_line
            );
        }
    }
}

#[test]
fn the_28_points_follow_the_sources_on_recognition_eu_membership_and_jets() {
    let c = corpus();
    let us28 = plan(&c, "us-28");
    // 21a: de facto recognition is not enough for Moscow, so the line is crossed.
    let ru_21a: Vec<&Assessment> = us28
        .clause("21a")
        .unwrap()
        .assessments
        .iter()
        .filter(|a| a.party == "ru")
        .collect();
    assert_eq!(ru_21a.len(), 1);
    assert_eq!(ru_21a[0].effect, Effect::Crosses);
    assert_eq!(ru_21a[0].red_lines, ["ru-legal-recognition-of-annexations"]);
    // With that, Russia's hard red lines crossed by the 28 points are two, not one.
    let ru = peacediff::analysis::plan_redlines(&c, us28);
    let ru = ru.party("ru").unwrap();
    assert_eq!(ru.hard_crossed, 2, "{:?}", ru.crossed);
    assert!(
        ru.crossed
            .iter()
            .any(|h| h.red_line == "ru-legal-recognition-of-annexations")
    );
    // 11: Russia is silent (not opposed), not recorded as meeting anything.
    let eleven = us28.clause("11").unwrap();
    assert!(eleven.assessments.iter().all(|a| a.party != "ru"));
    assert!(eleven.note.as_deref().unwrap_or("").contains("silent"));
    // E3 point 9: NATO jets, and the copy that says U.S. jets is not cited for it.
    let e3_9 = plan(&c, "e3-28").clause("9").unwrap();
    assert!(e3_9.text.contains("NATO"), "{}", e3_9.text);
    assert!(
        !e3_9.sources.iter().any(|s| s == "E7"),
        "{:?}",
        e3_9.sources
    );
}

#[test]
fn clauses_whose_details_are_only_reported_are_not_labelled_published() {
    let c = corpus();
    // Every point of the Peace Formula: only its headings were published.
    let formula = (1..=10).map(|n| ("pf-10", n.to_string()));
    let others = [
        ("ru-memo", "II.B.9"),
        ("ua-20", "8"),
        ("ua-20", "12"),
        ("ua-20", "14"),
        ("ua-20", "17"),
        ("ua-20", "20"),
    ]
    .map(|(p, c)| (p, c.to_string()));
    for (p, clause) in formula.chain(others) {
        let clause = clause.as_str();
        let cl = plan(&c, p).clause(clause).unwrap();
        assert_eq!(cl.certainty, Certainty::Reported, "{p} {clause}");
        let note = cl.certainty_note.as_deref().unwrap_or("");
        assert!(
            note.contains("Published") && note.contains("Reported"),
            "{p} {clause} says which part is printed: {note:?}"
        );
    }
}

#[test]
fn the_june_2026_letter_is_bundled_and_the_corpus_says_how_current_it_is() {
    let c = corpus();
    let letter = plan(&c, "ua-letter-26");
    assert_eq!(letter.status, PlanStatus::Reported);
    assert_eq!(letter.proposers, ["ua"]);
    assert_eq!(letter.date.to_string(), "2026-06-04");
    assert_eq!(letter.clauses.len(), 6);
    assert!(
        letter
            .clauses
            .iter()
            .all(|cl| cl.certainty == Certainty::Reported && !cl.sources.is_empty())
    );
    // The newest draft comes last in every listing.
    assert_eq!(c.plans.last().map(|p| p.id.as_str()), Some("ua-letter-26"));
    // Its ceasefire point reaches back to earlier drafts, and those see it too.
    let ceasefire = letter.clause("3").unwrap();
    assert!(ceasefire.links.iter().any(|l| l.plan == "us-28"));
    assert_eq!(
        c.info.as_of.map(|d| d.to_string()).as_deref(),
        Some("2026-06-30")
    );
    assert!(!c.info.title.contains("2022") && !c.info.title.contains("2026"));
    // The June 2026 statements on Anchorage are recorded, dated, on Russia's position.
    let anchorage = c.red_line("ru-anchorage-framework").unwrap();
    assert!(
        anchorage.summary.contains("28 June"),
        "{}",
        anchorage.summary
    );
}

/// Whether `text` refers to the project's private research notes rather than to public sources.
fn internal_reference(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    for needle in ["§", "plans.md", "redlines.md", "/work/"] {
        if lower.contains(needle) {
            return Some(needle);
        }
    }
    // "brief" as a word: "the brief", "brief's"; not "briefly", "briefing", "briefed".
    let bytes = lower.as_bytes();
    for (i, _) in lower.match_indices("brief") {
        let before = i.checked_sub(1).map(|j| bytes[j]);
        let after = bytes.get(i + 5).copied();
        let word = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphanumeric());
        if !word(before) && !word(after) {
            return Some("brief");
        }
    }
    None
}

#[test]
fn the_reference_check_catches_what_it_should() {
    assert_eq!(internal_reference("as the brief says"), Some("brief"));
    assert_eq!(
        internal_reference("The red-lines brief's crosswalk"),
        Some("brief")
    );
    assert_eq!(internal_reference("Brief §9.2: stricter"), Some("§"));
    assert_eq!(internal_reference("see /work/shared"), Some("/work/"));
    assert_eq!(
        internal_reference("anonymous briefings; Briefly (DW)"),
        None
    );
    assert_eq!(internal_reference("ABC's briefed source"), None);
}

#[test]
fn nothing_bundled_refers_to_private_research_notes() {
    let c = corpus();
    let value = serde_json::to_value(&c).unwrap();
    fn walk(v: &serde_json::Value, path: &str, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => {
                if let Some(n) = internal_reference(s) {
                    out.push(format!("{path}: {n}: {s}"));
                }
            }
            serde_json::Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    walk(x, &format!("{path}[{i}]"), out);
                }
            }
            serde_json::Value::Object(o) => {
                for (k, x) in o {
                    walk(x, &format!("{path}.{k}"), out);
                }
            }
            _ => {}
        }
    }
    let mut found = Vec::new();
    walk(&value, "corpus", &mut found);
    // The raw files too, comments included: `peacediff init` copies them out as they are.
    let files = peacediff::load::bundled_files();
    assert!(files.len() >= 10, "{} files", files.len());
    for (name, bytes) in files {
        let text = std::str::from_utf8(bytes).unwrap();
        for (n, line) in text.lines().enumerate() {
            if let Some(hit) = internal_reference(line) {
                found.push(format!("{name}:{}: {hit}: {line}", n + 1));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

/// The periods in parties.toml decide what the Peace Formula of November 2022 is scored
/// against: a position the sources document only from 2025 is "not assessed" there (the
/// party had not stated it yet), one held since earlier stays "silent", and a clause that
/// assesses a line explicitly counts whatever its period.
#[test]
fn the_2022_peace_formula_is_scored_only_against_positions_held_when_it_was_written() {
    use peacediff::analysis::plan_redlines;
    use peacediff::legend::Standing;
    let c = corpus();
    let pf = plan(&c, "pf-10");
    let r = plan_redlines(&c, pf);
    let ua = r.party("ua").unwrap();
    let held = |id: &str| &c.red_line(id).unwrap().held;

    // First documented in the London text of April 2025: not silent, not assessed.
    assert!(held("ua-army-800k-no-lower-cap").excludes(&pf.date));
    assert_eq!(
        ua.standing_of("ua-army-800k-no-lower-cap"),
        Standing::NotAssessed
    );
    assert!(
        ua.dated_out
            .iter()
            .any(|l| l == "ua-army-800k-no-lower-cap")
    );
    assert!(!ua.silent.iter().any(|l| l == "ua-army-800k-no-lower-cap"));
    // Written into the Constitution in 2019: held in 2022, and the formula says nothing on it.
    assert!(!held("ua-no-legal-bar-on-nato").excludes(&pf.date));
    assert_eq!(ua.standing_of("ua-no-legal-bar-on-nato"), Standing::Silent);
    // Documented only from December 2025, yet point 1 of the formula assesses it: it counts.
    assert!(held("ua-znpp-no-russian-control").excludes(&pf.date));
    assert_eq!(ua.standing_of("ua-znpp-no-russian-control"), Standing::Met);
    // Anchorage was in August 2025: Russia cannot have held the line in 2022.
    let ru = r.party("ru").unwrap();
    assert_eq!(
        ru.standing_of("ru-anchorage-framework"),
        Standing::NotAssessed
    );
    assert_eq!(ru.summary.hard.dated_out, 5, "{:?}", ru.dated_out);

    // Across every draft: a line is dated out exactly when the draft lies outside its period
    // and no clause of the draft names it nor leaves it open (a derived draft's unreported
    // clause carries its base's verdict); a silent line is never one it lies outside of.
    for p in &c.plans {
        let named: HashSet<&str> = p
            .clauses
            .iter()
            .flat_map(|cl| cl.assessments.iter())
            .flat_map(|a| a.red_lines.iter().map(String::as_str))
            .collect();
        for party in plan_redlines(&c, p).parties {
            for line in &c.party(&party.party).unwrap().red_lines {
                let open = party.open.iter().any(|h| h.red_line == line.id);
                let out = line.held.excludes(&p.date) && !named.contains(line.id.as_str()) && !open;
                let listed = party.dated_out.contains(&line.id);
                assert_eq!(listed, out, "{} / {}", p.id, line.id);
                if party.silent.contains(&line.id) {
                    assert!(!line.held.excludes(&p.date), "{} / {}", p.id, line.id);
                }
            }
        }
    }
}

/// Every draft's counterparts found in one pass are, clause by clause, those found one clause
/// at a time (links on either side, inheritance, directions and order).
#[test]
fn counterparts_of_all_clauses_are_each_clauses_counterparts() {
    let c = corpus();
    let mut seen = 0;
    for p in &c.plans {
        let all = c.counterparts_of_all(p);
        assert_eq!(all.len(), p.clauses.len());
        for (clause, found) in p.clauses.iter().zip(&all) {
            assert_eq!(found, &c.counterparts(p, clause), "{} {}", p.id, clause.id);
            seen += found.len();
        }
    }
    assert!(seen > 100, "the bundled drafts are linked: {seen}");
}
