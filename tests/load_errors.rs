//! One defect per test: a valid fixture folder with one mutation, and the exact diagnostic
//! (file, line, column, message) the loader must give for it.

use peacediff::diagnostic::{Diagnostic, Severity};
use peacediff::load::{LoadError, load_dir};
use std::path::{Path, PathBuf};

const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");

/// Copies the fixture, replaces `from` with `to` in `file`, and loads the copy.
fn load_mutated(file: &str, from: &str, to: &str) -> (Vec<Diagnostic>, PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(MINI).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let target = dir.path().join(file);
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(text.contains(from), "fixture {file} lacks {from:?}");
    std::fs::write(&target, text.replacen(from, to, 1)).unwrap();
    let diags = match load_dir(dir.path()) {
        Err(LoadError::Invalid { diagnostics }) => diagnostics,
        Ok(_) => Vec::new(),
        Err(e) => panic!("unexpected error: {e}"),
    };
    (diags, target, dir)
}

fn errors(diags: &[Diagnostic]) -> Vec<&Diagnostic> {
    diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

/// Asserts exactly one error in `file`, at `line:column`, with this message. (Other files may
/// report consequences, such as a change naming a clause that no longer exists.)
fn assert_single(diags: &[Diagnostic], file: &Path, line: usize, column: usize, message: &str) {
    let errs: Vec<_> = errors(diags)
        .into_iter()
        .filter(|d| Path::new(&d.file) == file)
        .collect();
    assert_eq!(errs.len(), 1, "expected one error, got: {errs:#?}");
    let d = errs[0];
    assert_eq!((d.line, d.column), (line, column), "{d}");
    assert_eq!(d.message, message);
    assert!(d.hint.is_some(), "every error carries a hint: {d}");
}

#[test]
fn the_fixture_itself_is_valid() {
    let loaded = load_dir(Path::new(MINI)).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.corpus.plans.len(), 2);
}

#[test]
fn unknown_key_is_located_and_suggests_the_right_name() {
    let (d, f, _t) = load_mutated(
        "alpha.toml",
        "title = \"Army capped\"",
        "titel = \"Army capped\"",
    );
    let errs: Vec<_> = errors(&d)
        .into_iter()
        .filter(|e| Path::new(&e.file) == f)
        .collect();
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert_eq!((errs[0].line, errs[0].column), (19, 1));
    assert!(
        errs[0]
            .message
            .starts_with("in clause: unknown key `titel`"),
        "{}",
        errs[0]
    );
    assert_eq!(errs[0].hint.as_deref(), Some("did you mean `title`?"));
}

#[test]
fn duplicate_clause_id() {
    let (d, f, _t) = load_mutated("alpha.toml", "id = \"2\"", "id = \"1\"");
    assert_single(&d, &f, 38, 6, "duplicate clause id `1`");
}

#[test]
fn unknown_topic_gets_a_suggestion() {
    let (d, f, _t) = load_mutated(
        "alpha.toml",
        "topics = [\"amnesty\"]",
        "topics = [\"amnesti\"]",
    );
    assert_single(&d, &f, 41, 11, "unknown topic `amnesti`");
    assert_eq!(
        errors(&d)[0].hint.as_deref(),
        Some("did you mean `amnesty`?")
    );
}

#[test]
fn unknown_source_key() {
    let (d, f, _t) = load_mutated(
        "alpha.toml",
        "sources = [\"W1\"]\nassess",
        "sources = [\"W9\"]\nassess",
    );
    assert_single(&d, &f, 43, 12, "unknown source `W9`");
}

#[test]
fn red_line_of_another_party() {
    let (d, f, _t) = load_mutated(
        "alpha.toml",
        "red_lines = [\"ua-no-cap\"]",
        "red_lines = [\"ru-caps\"]",
    );
    assert_single(
        &d,
        &f,
        28,
        14,
        "red line `ru-caps` belongs to `ru`, not `ua`",
    );
}

#[test]
fn unknown_party() {
    let (d, f, _t) = load_mutated(
        "alpha.toml",
        "proposers = [\"ua\"]",
        "proposers = [\"UA-\"]",
    );
    assert_single(&d, &f, 6, 14, "unknown party or actor `UA-` in `proposers`");
}

#[test]
fn impossible_date() {
    let (d, f, _t) = load_mutated("beta.toml", "date = \"2025-12\"", "date = \"2025-02-30\"");
    assert_single(&d, &f, 6, 8, "impossible date `2025-02-30` in `date`");
}

#[test]
fn empty_text() {
    let (d, f, _t) = load_mutated(
        "alpha.toml",
        "text = \"Everyone receives a full amnesty.\"",
        "text = \"   \"",
    );
    assert_single(&d, &f, 40, 8, "empty `text`");
}

#[test]
fn link_to_a_missing_clause() {
    let (d, f, _t) = load_mutated(
        "beta.toml",
        "clause = \"3\", relation",
        "clause = \"33\", relation",
    );
    assert_single(&d, &f, 46, 37, "link to unknown clause `alpha:33`");
}

#[test]
fn inferred_without_a_note() {
    let (d, f, _t) = load_mutated(
        "alpha.toml",
        "certainty = \"reported\"",
        "certainty = \"inferred\"",
    );
    assert_single(
        &d,
        &f,
        60,
        13,
        "certainty `inferred` needs a `certainty_note`",
    );
}

#[test]
fn revised_change_without_text() {
    let (d, f, _t) = load_mutated(
        "beta.toml",
        "text = \"The army is capped at 800,000 personnel.\"\n",
        "",
    );
    assert_single(&d, &f, 19, 10, "a `revised` change needs the new `text`");
}

#[test]
fn change_to_a_clause_the_base_lacks() {
    let (d, f, _t) = load_mutated("beta.toml", "clause = \"2\"", "clause = \"7\"");
    assert_single(&d, &f, 26, 10, "change to unknown base clause `alpha:7`");
}

#[test]
fn unknown_base_plan() {
    let (d, f, _t) = load_mutated("beta.toml", "base = \"alpha\"", "base = \"alfa\"");
    assert_single(&d, &f, 3, 8, "unknown base plan `alfa`");
}

#[test]
fn missing_parent() {
    let (d, f, _t) = load_mutated("alpha.toml", "parent = \"3\"", "parent = \"4\"");
    assert_single(&d, &f, 56, 10, "unknown parent clause `4`");
}

#[test]
fn bad_enum_value() {
    let (d, f, _t) = load_mutated(
        "alpha.toml",
        "effect = \"crosses\"\nred_lines = [\"ua-no-cap\"]",
        "effect = \"crossses\"\nred_lines = [\"ua-no-cap\"]",
    );
    assert_single(
        &d,
        &f,
        27,
        10,
        "unknown effect `crossses`; expected `crosses`, `partial` or `meets`",
    );
}

#[test]
fn toml_syntax_error_is_located() {
    let (d, f, _t) = load_mutated("alpha.toml", "short = \"A\"", "short = \"A");
    let errs = errors(&d);
    assert!(!errs.is_empty());
    assert_eq!(Path::new(&errs[0].file), f);
    assert_eq!(errs[0].line, 4);
    assert!(errs[0].message.starts_with("TOML syntax:"), "{}", errs[0]);
}

#[test]
fn every_error_in_a_file_is_reported_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(MINI).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let alpha = dir.path().join("alpha.toml");
    let text = std::fs::read_to_string(&alpha)
        .unwrap()
        .replacen("topics = [\"amnesty\"]", "topics = [\"amnesti\"]", 1)
        .replacen("proposers = [\"ua\"]", "proposers = [\"xx\"]", 1)
        .replacen("title = \"Army capped\"", "tite = \"Army capped\"", 1);
    std::fs::write(&alpha, text).unwrap();
    let Err(LoadError::Invalid { diagnostics }) = load_dir(dir.path()) else {
        panic!("expected errors")
    };
    let in_alpha: Vec<usize> = errors(&diagnostics)
        .iter()
        .filter(|d| d.file.ends_with("alpha.toml"))
        .map(|d| d.line)
        .collect();
    assert_eq!(
        in_alpha,
        vec![6, 19, 41],
        "all three reported, sorted by position"
    );
}

#[test]
fn unreadable_folder_is_an_io_error_not_a_data_error() {
    let err = load_dir(Path::new("/no/such/folder")).unwrap_err();
    assert!(matches!(err, LoadError::Io { .. }), "{err}");
}

// General positions: an assessment that names no red line is not a defect. It records the
// party's verdict on the clause as a whole and must never count against a listed red line.

/// Copies the fixture with one replacement and loads it, expecting success.
fn load_ok(file: &str, from: &str, to: &str) -> peacediff::model::Corpus {
    let (diags, target, dir) = load_mutated(file, from, to);
    assert!(errors(&diags).is_empty(), "{diags:#?}");
    assert!(target.exists());
    load_dir(dir.path()).unwrap().corpus
}

#[test]
fn an_assessment_without_red_lines_is_a_general_position() {
    for to in ["", "red_lines = []"] {
        let c = load_ok("alpha.toml", "red_lines = [\"ua-no-cap\"]", to);
        let clause = c.plan("alpha").unwrap().clause("1").unwrap();
        let ua = clause.assessments.iter().find(|a| a.party == "ua").unwrap();
        assert!(ua.is_general(), "{to:?}: {ua:?}");
        assert!(ua.red_lines.is_empty());
        assert_eq!(ua.effect, peacediff::model::Effect::Crosses);
        assert_eq!(ua.note, "600,000 is below 800,000.");
        // The other party's assessment on the same clause is untouched.
        let ru = clause.assessments.iter().find(|a| a.party == "ru").unwrap();
        assert_eq!(ru.red_lines, ["ru-caps"]);
        assert!(!ru.is_general());
    }
}

#[test]
fn a_general_position_never_counts_as_crossing_a_red_line() {
    let c = load_ok("alpha.toml", "red_lines = [\"ua-no-cap\"]", "");
    let alpha = c.plan("alpha").unwrap();
    let scores = peacediff::analysis::plan_redlines(&c, alpha);
    let ua = scores.party("ua").unwrap();
    // Only the amnesty line (clause 2) is crossed; the general "crosses" on clause 1 is not
    // turned into a crossing of the army line, which stays silent in this draft.
    let crossed: Vec<&str> = ua.crossed.iter().map(|h| h.red_line.as_str()).collect();
    assert_eq!(crossed, ["ua-no-amnesty"]);
    assert_eq!(ua.hard_crossed + ua.demands_crossed, 1);
    assert!(ua.silent.iter().any(|r| r == "ua-no-cap"), "{ua:?}");
    assert!(ua.met.is_empty() && ua.partial.is_empty());
}

#[test]
fn a_general_position_still_checks_its_party_and_effect() {
    let (d, f, _t) = load_mutated(
        "alpha.toml",
        "effect = \"crosses\"\nred_lines = [\"ua-no-cap\"]",
        "effect = \"crossses\"",
    );
    let errs: Vec<_> = errors(&d)
        .into_iter()
        .filter(|x| Path::new(&x.file) == f)
        .collect();
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert!(errs[0].message.contains("crossses"), "{}", errs[0]);
}

#[test]
fn bracketed_by_names_known_parties_on_bracketed_clauses_only() {
    // On a clause that is not bracketed.
    let (d, f, _t) = load_mutated(
        "alpha.toml",
        "topics = [\"military-limits\"]\ncertainty = \"published-text\"",
        "topics = [\"military-limits\"]\nbracketed_by = [\"ua\"]\ncertainty = \"published-text\"",
    );
    assert_single(
        &d,
        &f,
        22,
        16,
        "`bracketed_by` on a clause that is not bracketed",
    );
    // On a bracketed change, with a party nobody declared.
    let (d, f, _t) = load_mutated(
        "beta.toml",
        "action = \"bracketed\"\n",
        "action = \"bracketed\"\nbracketed_by = [\"ua\", \"usa\"]\n",
    );
    assert_single(
        &d,
        &f,
        35,
        23,
        "unknown party or actor `usa` in `bracketed_by`",
    );
    // Accepted, and carried into the derived clause.
    let (d, _f, t) = load_mutated(
        "beta.toml",
        "action = \"bracketed\"\n",
        "action = \"bracketed\"\nbracketed_by = [\"ua\"]\n",
    );
    assert!(errors(&d).is_empty(), "{d:?}");
    let loaded = load_dir(t.path()).unwrap();
    let beta = loaded.corpus.plan("beta").unwrap();
    assert_eq!(beta.clause("3").unwrap().bracketed_by, ["ua"]);
}
