//! The keys for actors, roles, periods, documents and references, each broken once in the worked
//! example (tests/fixtures/agreements), and the exact diagnostic the loader gives: file, line,
//! column of the offending value, message, and a hint.

use peacediff::diagnostic::{Diagnostic, Severity};
use peacediff::load::{LoadError, load_dir};

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/agreements");

/// Copies the example, replaces `from` with `to` in `file`, loads the copy, and returns every
/// diagnostic with the (line, column) where `mark` starts in the changed file.
fn mutated(file: &str, from: &str, to: &str, mark: &str) -> (Vec<Diagnostic>, (usize, usize)) {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(EXAMPLE).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let target = dir.path().join(file);
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(text.contains(from), "{file} lacks {from:?}");
    let text = text.replacen(from, to, 1);
    std::fs::write(&target, &text).unwrap();
    let at = text.find(mark).expect("the mark is in the changed text");
    let line = text[..at].matches('\n').count() + 1;
    let column = text[..at].rsplit('\n').next().unwrap().chars().count() + 1;
    let diags = match load_dir(dir.path()) {
        Err(LoadError::Invalid { diagnostics }) => diagnostics,
        Ok(l) => l.warnings,
        Err(e) => panic!("unexpected error: {e}"),
    };
    (diags, (line, column))
}

/// Exactly one error, at the mark, with this message and a hint.
fn one_error(diags: &[Diagnostic], at: (usize, usize), message: &str) {
    let errs: Vec<_> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert_eq!((errs[0].line, errs[0].column), at, "{}", errs[0]);
    assert_eq!(errs[0].message, message);
    assert!(errs[0].hint.is_some());
}

#[test]
fn a_misspelt_signatory_suggests_the_actor() {
    let (d, at) = mutated(
        "lake-1.toml",
        "mediators = [\"rso\"]",
        "mediators = [\"rsoo\"]",
        "\"rsoo\"",
    );
    one_error(&d, at, "unknown party or actor `rsoo` in `mediators`");
    assert_eq!(
        d[0].hint.as_deref(),
        Some("did you mean `rso`?"),
        "{:?}",
        d[0].hint
    );
}

#[test]
fn an_actor_may_not_take_a_party_id() {
    let (d, at) = mutated(
        "corpus.toml",
        "id = \"valdor\"",
        "id = \"south\"",
        "\"south\"",
    );
    // The drafts naming `valdor` now name an unknown actor too; the clash is reported at its
    // declaration in corpus.toml.
    let here: Vec<_> = d
        .iter()
        .filter(|x| x.file.ends_with("corpus.toml") && x.severity == Severity::Error)
        .collect();
    assert_eq!(here.len(), 1, "{d:#?}");
    assert_eq!((here[0].line, here[0].column), at);
    assert_eq!(here[0].message, "actor `south` has the id of a party");
}

#[test]
fn an_unknown_actor_kind_lists_the_kinds() {
    let (d, at) = mutated(
        "corpus.toml",
        "kind = \"armed-group\"",
        "kind = \"militia\"",
        "\"militia\"",
    );
    one_error(
        &d,
        at,
        "unknown kind `militia`; expected `state`, `organisation`, `armed-group` or `person`",
    );
}

#[test]
fn a_reference_to_a_missing_clause_is_located() {
    let (d, at) = mutated(
        "lake-2.toml",
        "refs = [{ clause = \"5\", relation = \"depends-on\" }]",
        "refs = [{ clause = \"55\", relation = \"depends-on\" }]",
        "\"55\"",
    );
    one_error(&d, at, "reference to unknown clause `55`");
}

#[test]
fn a_reference_needs_exactly_one_target() {
    let (d, at) = mutated(
        "lake-2.toml",
        "refs = [{ clause = \"5\", relation = \"depends-on\" }]",
        "refs = [{ clause = \"5\", document = \"un-charter\" }]",
        "\"5\", document",
    );
    one_error(&d, at, "a reference names both a `clause` and a `document`");
    let (d, at) = mutated(
        "lake-2.toml",
        "refs = [{ document = \"un-charter\", part = \"Article 2(4)\" }]",
        "refs = [{ part = \"Article 2(4)\" }]",
        "{ part",
    );
    one_error(
        &d,
        at,
        "a reference names neither a `clause` nor a `document`",
    );
}

#[test]
fn a_reference_to_an_undeclared_document_says_where_to_declare_it() {
    let (d, at) = mutated(
        "lake-2.toml",
        "document = \"un-charter\", part",
        "document = \"charter\", part",
        "\"charter\"",
    );
    one_error(&d, at, "unknown document `charter`");
}

#[test]
fn a_period_must_run_forwards() {
    let (d, at) = mutated(
        "parties.toml",
        "held_from = \"1996-06\"",
        "held_from = \"1996-06\"\nheld_to = \"1990\"",
        "\"1990\"",
    );
    one_error(&d, at, "`held_to` 1990 is before `held_from` 1996-06");
}

#[test]
fn an_assessment_dated_outside_its_line_is_a_warning() {
    let (d, at) = mutated(
        "lake-1.toml",
        "note = \"Monitors on the border, but control does not return.\"",
        "note = \"Monitors on the border, but control does not return.\"\nas_of = \"2010\"",
        "\"2010\"",
    );
    assert!(d.iter().all(|x| x.severity == Severity::Warning), "{d:#?}");
    let w: Vec<_> = d.iter().filter(|x| x.message.contains("as of")).collect();
    assert_eq!(w.len(), 1, "{d:#?}");
    assert_eq!((w[0].line, w[0].column), at);
    assert_eq!(
        w[0].message,
        "assessment as of 2010 names `south-border-first`, a position documented from 2014-06"
    );
}

/// A draft whose `[plan]` cannot be read (here a misspelt `id`) is the one root cause: the
/// links other drafts make to it are not reported as errors of their own, nor answered with a
/// "did you mean" naming a different draft.
#[test]
fn links_into_a_draft_whose_id_cannot_be_read_are_not_a_cascade() {
    let (d, at) = mutated("lake-1.toml", "id = \"lake-1\"", "idd = \"lake-1\"", "idd");
    one_error(
        &d,
        at,
        "in [plan]: unknown key `idd`, expected one of `id`, `title`, `short`, `date`, \
         `proposers`, `signatories`, `mediators`, `guarantors`, `observers`, `status`, \
         `summary`, `sources`, `note`, `base`",
    );
}
