//! `peacediff import` on text it can check: every bundled draft written out as numbered text
//! (label, title line, text) and imported again gives the same clause ids, nesting and texts.

use peacediff::import::parse::parse;
use peacediff::model::Plan;

/// A draft as a reader would type it out: "21a. Title", then the text, a blank line between.
fn numbered_text(plan: &Plan) -> String {
    let mut s = format!("{}\n\n", plan.title);
    for c in &plan.clauses {
        s.push_str(&format!("{}. {}\n{}\n\n", c.id, c.title, c.text));
    }
    s
}

#[test]
fn every_bundled_draft_survives_a_round_trip() {
    let corpus = peacediff::load::load_bundled().unwrap().corpus;
    assert_eq!(round_trip(&corpus.plans), corpus.plans.len());
}

/// Text written apart from the bundled corpus: the matcher evaluation's sixteen drafts
/// (tests/fixtures/matching), with their own numbering (A1, II.3, …).
#[test]
fn the_evaluation_drafts_survive_a_round_trip() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/matching");
    let mut plans = Vec::new();
    for entry in std::fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            plans.extend(peacediff::load::load_dir(&path).unwrap().corpus.plans);
        }
    }
    assert!(plans.len() >= 16, "{}", plans.len());
    assert_eq!(round_trip(&plans), plans.len());
}

/// Writes each draft out as numbered text, parses it back, and compares; returns how many.
fn round_trip(plans: &[Plan]) -> usize {
    let mut checked = 0;
    for plan in plans {
        let parsed = parse(&numbered_text(plan));
        let got: Vec<(&str, Option<&str>, &str)> = parsed
            .clauses
            .iter()
            .map(|c| (c.id.as_str(), c.parent.as_deref(), c.text.as_str()))
            .collect();
        let want: Vec<(&str, Option<&str>, &str)> = plan
            .clauses
            .iter()
            .map(|c| (c.id.as_str(), c.parent.as_deref(), c.text.as_str()))
            .collect();
        assert_eq!(got.len(), want.len(), "{}: clause count", plan.id);
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g, w, "{}", plan.id);
        }
        for (c, p) in parsed.clauses.iter().zip(&plan.clauses) {
            assert_eq!(
                c.title.as_deref(),
                Some(p.title.as_str()),
                "{} {}",
                plan.id,
                p.id
            );
        }
        checked += 1;
    }
    checked
}
