//! The JSON export: it reads back into the same report through serde, and its fields are
//! exactly the ones docs/json.md documents.

use peacediff::export::report::*;
use peacediff::export::{self, ExportOptions, build, json};
use std::collections::BTreeSet;

fn bundled() -> peacediff::model::Corpus {
    peacediff::load::load_bundled()
        .expect("bundled corpus")
        .corpus
}

/// Every key path in a JSON value: `rows[].left[].id`.
fn paths(v: &serde_json::Value, prefix: &str, out: &mut BTreeSet<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let p = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                out.insert(p.clone());
                paths(v, &p, out);
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                paths(item, &format!("{prefix}[]"), out);
            }
        }
        _ => {}
    }
}

/// The paths the export section of docs/json.md lists, from its field tables.
fn documented() -> BTreeSet<String> {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/json.md"))
        .expect("docs/json.md exists");
    let section = doc
        .split("\n## ")
        .find(|s| s.starts_with("`export A B`"))
        .expect("docs/json.md has a section on `export A B`");
    section
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split_once('`').map(|(p, _)| p.to_string()))
        .flat_map(|p| expand(&p))
        .collect()
}

/// `rows[].{left,right}[].id` stands for both `rows[].left[].id` and `rows[].right[].id`.
fn expand(path: &str) -> Vec<String> {
    match (path.find('{'), path.find('}')) {
        (Some(a), Some(b)) if a < b => path[a + 1..b]
            .split(',')
            .flat_map(|alt| expand(&format!("{}{alt}{}", &path[..a], &path[b + 1..])))
            .collect(),
        _ => vec![path.to_string()],
    }
}

/// A report with every optional part filled, so every documented field appears.
fn full_report() -> Report {
    let corpus = bundled();
    let (a, b) = export::default_pair(&corpus).unwrap();
    let opts = ExportOptions {
        changes_only: false,
        topic: Some("territory".into()),
        party: Some("ua".into()),
    };
    let mut r = build::build(&corpus, a, b, &opts);
    r.left.roles = vec![RoleEntry {
        role: "signed by".into(),
        ids: vec!["ua".into(), "osce".into()],
        names: "Ukraine and OSCE".into(),
    }];
    r.left.documents = vec![DocumentEntry {
        key: "charter".into(),
        title: "UN Charter".into(),
        date: Some("1945-06-26".into()),
        url: Some("https://example.org/charter".into()),
    }];
    r.right.roles = r.left.roles.clone();
    r.right.documents = r.left.documents.clone();
    let line = LineRef {
        id: "x".into(),
        title: "x".into(),
        hard: true,
    };
    for p in &mut r.red_lines {
        for v in [
            &mut p.crossed_left,
            &mut p.crossed_right,
            &mut p.newly_crossed,
            &mut p.no_longer_crossed,
            &mut p.still_crossed,
            &mut p.open_left,
            &mut p.open_right,
            &mut p.now_open,
            &mut p.dated_out_left,
            &mut p.dated_out_right,
        ] {
            v.push(line.clone());
        }
    }
    let row = r
        .rows
        .first_mut()
        .expect("rows on territory touching Ukraine");
    let mut clause = row.left.first().or(row.right.first()).cloned().unwrap();
    clause.confidence = Some("low".into());
    clause.certainty_flag = Some("reported · low confidence".into());
    clause.refs = vec![RefEntry {
        relation: "depends-on".into(),
        kind: "document".into(),
        target: "charter".into(),
        part: Some("Article 2".into()),
        note: Some("n".into()),
        words: "depends on UN Charter (1945-06-26), Article 2 — n".into(),
        url: Some("https://example.org/charter".into()),
    }];
    clause.cited_by = vec!["9 (Border) depends on it".into()];
    for side in [&mut row.left, &mut row.right] {
        for c in side.iter_mut() {
            c.confidence = clause.confidence.clone();
            c.certainty_flag = clause.certainty_flag.clone();
            c.refs = clause.refs.clone();
            c.cited_by = clause.cited_by.clone();
        }
    }
    for side in [&mut row.left, &mut row.right] {
        if side.is_empty() {
            side.push(clause.clone());
        }
        if side[0].assessments.is_empty() {
            side[0].assessments.push(AssessmentEntry {
                party: "ua".into(),
                effect: "meets".into(),
                red_lines: vec!["x".into()],
                note: "n".into(),
                confidence: Some("low".into()),
                as_of: Some("2015-02".into()),
            });
        }
    }
    row.diff = Some(vec![DiffSegment {
        kind: "removed".into(),
        text: "600,000".into(),
    }]);
    row.strength.push(StrengthEntry {
        kind: "number".into(),
        shift: "increased".into(),
        removed: vec!["600,000".into()],
        added: vec!["800,000".into()],
        summary: "number increased: 600,000 → 800,000".into(),
    });
    row.removal = Some(RemovalEntry {
        action: "dropped".into(),
        certainty: "reported".into(),
        note: Some("n".into()),
        sources: vec![1],
    });
    let note = EffectNote {
        effect: "crosses".into(),
        clause: "6".into(),
        note: "n".into(),
    };
    row.assessment_changes.push(AssessmentChange {
        party: "ua".into(),
        red_line: Some(line),
        left: Some(note.clone()),
        right: Some(note),
        left_standing: "✗ crosses".into(),
        right_standing: "✗ crosses".into(),
    });
    r
}

#[test]
fn the_fields_are_the_documented_ones() {
    let report = full_report();
    assert!(report.red_lines.iter().any(|p| !p.crossed_left.is_empty()));
    let value: serde_json::Value = serde_json::from_str(&json::render(&report)).unwrap();
    let mut got = BTreeSet::new();
    paths(&value, "", &mut got);
    let doc = documented();
    let undocumented: Vec<_> = got.difference(&doc).collect();
    let missing: Vec<_> = doc.difference(&got).collect();
    assert!(
        undocumented.is_empty(),
        "fields not in docs/json.md: {undocumented:?}"
    );
    assert!(
        missing.is_empty(),
        "documented fields the export lacks: {missing:?}"
    );
}

#[test]
fn exports_read_back_into_the_same_report() {
    let corpus = bundled();
    let (a, b) = export::default_pair(&corpus).unwrap();
    for opts in [
        ExportOptions::default(),
        ExportOptions {
            changes_only: true,
            topic: Some("Territory".into()),
            party: Some("Russia".into()),
        },
    ] {
        let text = export::export_json(&corpus, a, b, &opts);
        let back = json::parse(&text).expect("the export parses");
        assert_eq!(back, build::build(&corpus, a, b, &opts));
        assert_eq!(back.schema, SCHEMA);
        assert_eq!(json::render(&back), text, "render ∘ parse is the identity");
    }
    let full = full_report();
    assert_eq!(json::parse(&json::render(&full)).unwrap(), full);
}

#[test]
fn unknown_fields_are_rejected_when_reading_back() {
    let corpus = bundled();
    let (a, b) = export::default_pair(&corpus).unwrap();
    let text = export::export_json(&corpus, a, b, &ExportOptions::default());
    let tampered = text.replacen("\"schema\"", "\"schemaa\"", 1);
    assert!(json::parse(&tampered).is_err());
}

#[test]
fn source_numbers_point_into_the_source_list() {
    let r = full_report();
    let n = r.sources.len();
    for (i, s) in r.sources.iter().enumerate() {
        assert_eq!(s.number, i + 1);
    }
    let cited = r
        .left
        .sources
        .iter()
        .chain(&r.right.sources)
        .chain(r.rows.iter().flat_map(|row| {
            row.left
                .iter()
                .chain(&row.right)
                .flat_map(|c| c.sources.iter())
        }));
    for &k in cited {
        assert!((1..=n).contains(&k), "source {k} of {n}");
    }
}
