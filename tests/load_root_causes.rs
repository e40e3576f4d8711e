//! Root causes, not their echoes: one defect gives one located error, first in the report;
//! every problem of a table is reported; and problems with the folder itself (bytes that are
//! not UTF-8, no plan files, broken symlinks, absurd nesting) are named plainly.

use peacediff::diagnostic::{Diagnostic, Severity};
use peacediff::load::{LoadError, load_dir};
use std::path::{Path, PathBuf};

const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");
const PLANS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/plans");

/// A copy of `from` (a fixture folder) in a fresh temporary folder.
fn copy_of(from: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    dir
}

/// Replaces the first `from` with `to` in `file` of `dir`.
fn mutate(dir: &Path, file: &str, from: &str, to: &str) -> PathBuf {
    let target = dir.join(file);
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(text.contains(from), "{file} lacks {from:?}");
    std::fs::write(&target, text.replacen(from, to, 1)).unwrap();
    target
}

/// The diagnostics of a folder that must fail to load.
fn diagnostics(dir: &Path) -> Vec<Diagnostic> {
    match load_dir(dir) {
        Err(LoadError::Invalid { diagnostics }) => diagnostics,
        Ok(_) => panic!("expected problems in {}", dir.display()),
        Err(e) => panic!("unexpected error: {e}"),
    }
}

fn errors(diags: &[Diagnostic]) -> Vec<&Diagnostic> {
    diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

/// Asserts the errors are exactly these (file, line, column, message), in this order.
fn assert_errors(diags: &[Diagnostic], expected: &[(&Path, usize, usize, &str)]) {
    let got: Vec<(PathBuf, usize, usize, String)> = errors(diags)
        .iter()
        .map(|d| (PathBuf::from(&d.file), d.line, d.column, d.message.clone()))
        .collect();
    let want: Vec<(PathBuf, usize, usize, String)> = expected
        .iter()
        .map(|(f, l, c, m)| (f.to_path_buf(), *l, *c, m.to_string()))
        .collect();
    assert_eq!(got, want, "{diags:#?}");
    for d in errors(diags) {
        assert!(d.hint.is_some(), "every error carries a hint: {d}");
    }
}

#[test]
fn every_file_that_is_not_utf8_is_located_by_line_and_column() {
    let dir = copy_of(MINI);
    let alpha = dir.path().join("alpha.toml");
    let text = std::fs::read_to_string(&alpha).unwrap();
    let mut bytes = text
        .replacen("Army capped", "Army \u{0} capped", 1)
        .into_bytes();
    let at = bytes.iter().position(|&b| b == 0).unwrap();
    bytes[at] = 0xff;
    std::fs::write(&alpha, bytes).unwrap();
    let beta = dir.path().join("beta.toml");
    let text = std::fs::read_to_string(&beta).unwrap();
    // Wide characters before the bad byte: the column counts characters, not bytes.
    let mut bytes = text
        .replacen("Beta changes reported", "Бета 改变 \u{0}", 1)
        .into_bytes();
    let at = bytes.iter().position(|&b| b == 0).unwrap();
    bytes[at] = 0xc3;
    std::fs::write(&beta, bytes).unwrap();
    let d = diagnostics(dir.path());
    assert_errors(
        &d,
        &[
            (&alpha, 19, 15, "not UTF-8: invalid byte 0xff"),
            (&beta, 14, 18, "not UTF-8: invalid byte 0xc3"),
        ],
    );
}

#[test]
fn an_empty_folder_is_named_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let d = diagnostics(dir.path());
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(Path::new(&d[0].file), dir.path());
    assert_eq!(
        d[0].message,
        "no plan files here: the folder has no corpus.toml, parties.toml or draft `*.toml` files"
    );
    assert!(d[0].hint.as_deref().unwrap().contains("peacediff init DIR"));
}

#[test]
fn dangling_and_looping_symlinks_are_errors() {
    let dir = copy_of(MINI);
    let dangling = dir.path().join("gamma.toml");
    std::os::unix::fs::symlink(dir.path().join("nowhere.toml"), &dangling).unwrap();
    let looping = dir.path().join("delta.toml");
    std::os::unix::fs::symlink("delta.toml", &looping).unwrap();
    let d = diagnostics(dir.path());
    let want_dangling = format!(
        "dangling symlink: its target {} does not exist",
        dir.path().join("nowhere.toml").display()
    );
    assert_errors(
        &d,
        &[
            (
                &looping,
                0,
                0,
                "symlink loop: the link leads back to itself",
            ),
            (&dangling, 0, 0, &want_dangling),
        ],
    );
}

#[test]
fn an_unknown_key_in_plan_is_the_only_error() {
    let dir = copy_of(PLANS);
    let us = mutate(
        dir.path(),
        "us-28.toml",
        "id = \"us-28\"\n",
        "id = \"us-28\"\nfoo = 1\n",
    );
    let d = diagnostics(dir.path());
    assert_errors(
        &d,
        &[(
            &us,
            6,
            1,
            "in [plan]: unknown key `foo`, expected one of `id`, `title`, `short`, `date`, \
             `proposers`, `signatories`, `mediators`, `guarantors`, `observers`, `status`, \
             `summary`, `sources`, `note`, `base`",
        )],
    );
    assert_eq!(
        errors(&d)[0].hint.as_deref(),
        Some("remove `foo` or correct its name")
    );
}

#[test]
fn a_wrong_typed_clause_field_does_not_drop_the_clause() {
    // Clause 1 of the base draft stays declared: the derived draft's change to it and the
    // links to it are not reported.
    let dir = copy_of(PLANS);
    let us = mutate(
        dir.path(),
        "us-28.toml",
        "title = \"Ukraine's sovereignty confirmed\"",
        "title = 5",
    );
    let d = diagnostics(dir.path());
    assert_errors(
        &d,
        &[(
            &us,
            183,
            9,
            "in clause: invalid type: integer `5`, expected a string",
        )],
    );
}

#[test]
fn a_syntax_error_is_not_echoed_by_the_other_drafts() {
    let dir = copy_of(PLANS);
    let us = mutate(
        dir.path(),
        "us-28.toml",
        "title = \"Ukraine's sovereignty confirmed\"",
        "title = \"Ukraine's sovereignty confirmed",
    );
    let d = diagnostics(dir.path());
    let errs = errors(&d);
    assert!(!errs.is_empty());
    for e in &errs {
        assert_eq!(Path::new(&e.file), us, "only the broken file reports: {e}");
        assert!(e.message.starts_with("TOML syntax:"), "{e}");
    }
    assert_eq!((errs[0].line, errs[0].column), (183, 41), "{}", errs[0]);
}

#[test]
fn an_unreadable_plan_id_gives_honest_hints_after_the_root_cause() {
    let dir = copy_of(MINI);
    let alpha = mutate(dir.path(), "alpha.toml", "id = \"alpha\"", "id = alpha\"");
    let d = diagnostics(dir.path());
    let errs = errors(&d);
    assert_eq!(Path::new(&errs[0].file), alpha, "root cause first: {d:#?}");
    assert!(errs[0].message.starts_with("TOML syntax:"), "{}", errs[0]);
    for e in &errs {
        let hint = e.hint.as_deref().unwrap_or("");
        assert!(
            !hint.contains("name the id of a draft in this folder"),
            "{e}"
        );
    }
}

#[test]
fn a_misspelt_certainty_is_one_error_with_a_suggestion() {
    let dir = copy_of(MINI);
    let alpha = mutate(
        dir.path(),
        "alpha.toml",
        "certainty = \"published-text\"",
        "certainty = \"publshed-text\"",
    );
    let d = diagnostics(dir.path());
    assert_errors(
        &d,
        &[(
            &alpha,
            22,
            13,
            "unknown certainty `publshed-text`; expected `published-text`, `reported` or `inferred`",
        )],
    );
    assert_eq!(
        errors(&d)[0].hint.as_deref(),
        Some("did you mean `published-text`?")
    );
}

#[test]
fn every_wrong_type_in_a_clause_is_reported() {
    let dir = copy_of(MINI);
    let alpha = mutate(
        dir.path(),
        "alpha.toml",
        "topics = [\"military-limits\"]\ncertainty = \"published-text\"",
        "topics = \"military-limits\"\ncertainty = 5",
    );
    let d = diagnostics(dir.path());
    assert_errors(
        &d,
        &[
            (
                &alpha,
                21,
                10,
                "in clause: invalid type: string \"military-limits\", expected a sequence",
            ),
            (
                &alpha,
                22,
                13,
                "in clause: invalid type: integer `5`, expected a string",
            ),
        ],
    );
}

#[test]
fn an_unknown_key_does_not_hide_a_bad_date() {
    let dir = copy_of(MINI);
    mutate(
        dir.path(),
        "alpha.toml",
        "short = \"A\"",
        "short = \"A\"\nfoo = 1",
    );
    let alpha = mutate(
        dir.path(),
        "alpha.toml",
        "date = 2025-11-20",
        "date = \"2025-02-30\"",
    );
    let d = diagnostics(dir.path());
    let errs = errors(&d);
    let got: Vec<(usize, usize, &str)> = errs
        .iter()
        .map(|e| (e.line, e.column, e.message.as_str()))
        .collect();
    assert!(errs.iter().all(|e| Path::new(&e.file) == alpha), "{d:#?}");
    assert_eq!(got.len(), 2, "{d:#?}");
    assert_eq!((got[0].0, got[0].1), (5, 1));
    assert!(
        got[0].2.starts_with("in [plan]: unknown key `foo`"),
        "{}",
        got[0].2
    );
    assert_eq!(got[1], (6, 8, "impossible date `2025-02-30` in `date`"));
}

#[test]
fn absurdly_deep_nesting_is_located_and_never_overflows() {
    let deep_header = format!("[{}]\nx = 1\n", vec!["a"; 10_000].join("."));
    let deep_array = format!("x = {}1{}\n", "[".repeat(10_000), "]".repeat(10_000));
    for (body, line) in [(deep_header, 4), (deep_array, 4)] {
        let dir = copy_of(MINI);
        let text = std::fs::read_to_string(dir.path().join("alpha.toml")).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let new = format!(
            "{}\n{}\n{}",
            lines[..3].join("\n"),
            body,
            lines[3..].join("\n")
        );
        std::fs::write(dir.path().join("alpha.toml"), new).unwrap();
        let d = diagnostics(dir.path());
        let first = errors(&d)[0];
        assert!(first.file.ends_with("alpha.toml"), "{first}");
        assert_eq!(first.line, line, "{first}");
    }
}
