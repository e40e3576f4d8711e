//! The matcher evaluation data (tests/fixtures/matching, see docs/matching.md) stays usable:
//! every case folder loads clean, carries no links and no derived drafts, and every gold pair
//! names clauses that exist in the drafts its gold file names.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Gold {
    split: String,
    kind: String,
    description: String,
    left: String,
    right: String,
    pairs: Vec<[String; 2]>,
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/matching")
}

fn case_folders() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir())
        .expect("tests/fixtures/matching exists")
        .map(|e| e.expect("a readable entry").path())
        .filter(|p| p.is_dir())
        .collect();
    v.sort();
    v
}

#[test]
fn every_case_loads_clean_and_its_gold_names_real_clauses() {
    let folders = case_folders();
    assert!(folders.len() >= 8, "at least eight cases");
    let mut splits = BTreeSet::new();
    for folder in folders {
        let name = folder.file_name().unwrap().to_string_lossy().into_owned();
        let loaded = peacediff::load::load_dir(&folder)
            .unwrap_or_else(|e| panic!("{name}: does not load: {e}"));
        assert!(
            loaded.warnings.is_empty(),
            "{name}: warnings {:?}",
            loaded.warnings
        );
        let c = &loaded.corpus;
        assert_eq!(c.plans.len(), 2, "{name}: exactly two drafts");
        for p in &c.plans {
            assert!(p.base.is_none(), "{name}: {} is derived", p.id);
            for k in &p.clauses {
                assert!(k.links.is_empty(), "{name}: {}:{} has links", p.id, k.id);
                assert!(k.inherited.is_none(), "{name}: {}:{} inherited", p.id, k.id);
            }
        }
        let gold_path = dir().join(format!("{name}.gold.toml"));
        let text = std::fs::read_to_string(&gold_path)
            .unwrap_or_else(|e| panic!("{}: {e}", gold_path.display()));
        let gold: Gold = toml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            gold.split == "dev" || gold.split == "test",
            "{name}: split is dev or test"
        );
        splits.insert(gold.split.clone());
        assert_ne!(gold.left, gold.right, "{name}");
        let left = c
            .plan(&gold.left)
            .unwrap_or_else(|| panic!("{name}: no draft {}", gold.left));
        let right = c
            .plan(&gold.right)
            .unwrap_or_else(|| panic!("{name}: no draft {}", gold.right));
        assert!(!gold.pairs.is_empty(), "{name}: no gold pairs");
        let mut seen = BTreeSet::new();
        for [l, r] in &gold.pairs {
            assert!(
                left.clause(l).is_some(),
                "{name}: no clause {l} in {}",
                left.id
            );
            assert!(
                right.clause(r).is_some(),
                "{name}: no clause {r} in {}",
                right.id
            );
            assert!(seen.insert((l, r)), "{name}: pair {l}/{r} listed twice");
        }
    }
    assert_eq!(splits.len(), 2, "both dev and test cases exist");
}
