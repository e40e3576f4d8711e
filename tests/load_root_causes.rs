//! Root causes, not their echoes: one defect gives one located error, first in the report;
//! every problem of a table is reported; and problems with the folder itself (bytes that are
//! not UTF-8, no plan files, broken symlinks, absurd nesting) are named plainly.

use peacediff::diagnostic::{Diagnostic, Severity};
use peacediff::load::{LoadError, load_dir};
use std::path::{Path, PathBuf};

const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");

/// A copy of `from` (a fixture folder) in a fresh temporary folder.
fn copy_of(from: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    dir
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
