//! A draft large enough to be read in pieces (src/load/chunked.rs, from 4 MiB): what it loads
//! is what its text says, clause for clause, and its problems are located on the lines where
//! they are, in the first piece and in the last.

use peacediff::diagnostic::Severity;
use peacediff::load::{LoadError, load_dir};

const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");

/// Enough extra clauses to pass 4 MiB. Every fifth has a multi-line text holding a line that
/// reads like a clause header, which must stay text.
const EXTRA: usize = 24_000;

fn extra_clause(i: usize) -> String {
    let text = if i.is_multiple_of(5) {
        format!("\"\"\"\nClause {i} quotes a header:\n[[clause]]\nand goes on.\"\"\"")
    } else {
        format!("\"Clause {i} says the parties keep talking about point {i}.\"")
    };
    format!(
        "\n[[clause]]\nid = \"x{i}\"\ntitle = \"Extra {i}\"\ntext = {text}\ntopics = [\"territory\"]\ncertainty = \"published-text\"\nsources = [\"W1\"]\n"
    )
}

/// The mini fixture with alpha.toml grown past the piece threshold; `edit` may change the
/// text before it is written.
fn folder(edit: impl Fn(String) -> String) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(MINI).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let target = dir.path().join("alpha.toml");
    let mut text = std::fs::read_to_string(&target).unwrap();
    for i in 0..EXTRA {
        text.push_str(&extra_clause(i));
    }
    let text = edit(text);
    assert!(text.len() > 4 << 20, "{} bytes", text.len());
    std::fs::write(&target, &text).unwrap();
    (dir, text)
}

#[test]
fn a_large_draft_loads_every_clause_as_written() {
    let (dir, _) = folder(|t| t);
    let loaded = load_dir(dir.path()).unwrap();
    let alpha = loaded
        .corpus
        .plans
        .iter()
        .find(|p| p.id == "alpha")
        .unwrap();
    let small = load_dir(std::path::Path::new(MINI)).unwrap();
    let before = small.corpus.plans.iter().find(|p| p.id == "alpha").unwrap();
    assert_eq!(alpha.clauses.len(), before.clauses.len() + EXTRA);
    // The fixture's own clauses are unchanged, and every extra one reads as written.
    for (a, b) in alpha.clauses.iter().zip(&before.clauses) {
        assert_eq!((&a.id, &a.text), (&b.id, &b.text));
    }
    for (i, c) in alpha.clauses[before.clauses.len()..].iter().enumerate() {
        assert_eq!(c.id, format!("x{i}"));
        if i.is_multiple_of(5) {
            assert_eq!(
                c.text,
                format!("Clause {i} quotes a header:\n[[clause]]\nand goes on.")
            );
        }
    }
}

/// Line and column (1-based) of the first occurrence of `needle`.
fn position(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let column = at - text[..at].rfind('\n').map_or(0, |n| n + 1) + 1;
    (line, column)
}

#[test]
fn problems_in_a_large_draft_are_located_in_every_piece() {
    let (dir, text) = folder(|t| {
        t.replacen("title = \"Army capped\"", "titel = \"Army capped\"", 1)
            .replacen(
                "id = \"x23990\"\ntitle",
                "id = \"x23990\"\ntitl = \"x\"\ntitle",
                1,
            )
    });
    let diags = match load_dir(dir.path()) {
        Err(LoadError::Invalid { diagnostics }) => diagnostics,
        other => panic!("expected problems, got {:?}", other.map(|_| ())),
    };
    let mut errors: Vec<(usize, usize, String)> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error && d.file.ends_with("alpha.toml"))
        .map(|d| (d.line, d.column, d.message.clone()))
        .collect();
    errors.sort();
    let mut expected = vec![position(&text, "titel"), position(&text, "titl =")];
    expected.sort();
    let found: Vec<(usize, usize)> = errors.iter().map(|(l, c, _)| (*l, *c)).collect();
    assert_eq!(found, expected, "{errors:#?}");
    assert!(
        errors.iter().all(|(_, _, m)| m.contains("unknown key")),
        "{errors:#?}"
    );
    // The file is long: the second problem is far past the first piece.
    assert!(expected[1].0 > 100_000, "{expected:?}");
}

#[test]
fn a_syntax_error_in_a_large_draft_is_reported_once_where_it_is() {
    let (dir, text) = folder(|t| t.replacen("id = \"x12000\"", "id = \"x12000", 1));
    let diags = match load_dir(dir.path()) {
        Err(LoadError::Invalid { diagnostics }) => diagnostics,
        other => panic!("expected problems, got {:?}", other.map(|_| ())),
    };
    let syntax: Vec<_> = diags
        .iter()
        .filter(|d| d.message.starts_with("TOML syntax"))
        .collect();
    assert!(!syntax.is_empty(), "{diags:#?}");
    let (line, _) = position(&text, "id = \"x12000");
    assert_eq!(syntax[0].line, line, "{}", syntax[0]);
}
