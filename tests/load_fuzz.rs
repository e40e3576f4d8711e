//! No input makes loading panic or hang: arbitrary text, and valid files with random damage.

use peacediff::diagnostic::SourceText;
use peacediff::load::{LoadError, load_texts};
use proptest::prelude::*;

mod common;

const CORPUS: &str = include_str!("fixtures/mini/corpus.toml");
const PARTIES: &str = include_str!("fixtures/mini/parties.toml");
const ALPHA: &str = include_str!("fixtures/mini/alpha.toml");
const BETA: &str = include_str!("fixtures/mini/beta.toml");

fn folder(alpha: &str, beta: &str) -> Vec<SourceText> {
    vec![
        SourceText::new("corpus.toml", CORPUS),
        SourceText::new("parties.toml", PARTIES),
        SourceText::new("alpha.toml", alpha),
        SourceText::new("beta.toml", beta),
    ]
}

/// Loading either succeeds or reports located problems; it never fails silently.
fn check_outcome(result: Result<peacediff::load::Loaded, LoadError>, files: usize) {
    match result {
        Ok(loaded) => assert!(loaded.corpus.plans.len() <= files),
        Err(LoadError::Invalid { diagnostics }) => {
            assert!(!diagnostics.is_empty());
            for d in &diagnostics {
                assert!(!d.message.is_empty());
                assert!(!d.message.contains('\u{1b}'), "messages are clean: {d}");
            }
        }
        Err(other) => panic!("texts cannot fail with I/O: {other}"),
    }
}

#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, String),
    DuplicateLine(usize),
    SwapLines(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 0usize..40).prop_map(|(a, n)| Edit::Delete(a, n)),
        (any::<usize>(), "[\\[\\]{}=\"',#\\n a-z0-9\\\\.-]{0,12}")
            .prop_map(|(a, s)| Edit::Insert(a, s)),
        any::<usize>().prop_map(Edit::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut s = text.to_string();
    for e in edits {
        let boundary = |s: &str, i: usize| {
            let mut i = i % (s.len() + 1);
            while !s.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        match e {
            Edit::Delete(at, n) => {
                let a = boundary(&s, *at);
                let b = boundary(&s, (a + n).min(s.len()));
                s.replace_range(a..b.max(a), "");
            }
            Edit::Insert(at, t) => {
                let a = boundary(&s, *at);
                s.insert_str(a, t);
            }
            Edit::DuplicateLine(i) | Edit::SwapLines(i, _) if s.lines().count() == 0 => {
                let _ = i;
            }
            Edit::DuplicateLine(i) => {
                let mut lines: Vec<&str> = s.lines().collect();
                let i = i % lines.len();
                lines.insert(i, lines[i]);
                s = lines.join("\n");
            }
            Edit::SwapLines(a, b) => {
                let mut lines: Vec<&str> = s.lines().collect();
                let n = lines.len();
                lines.swap(a % n, b % n);
                s = lines.join("\n");
            }
        }
    }
    s
}

proptest! {
    #![proptest_config(common::proptest_config(300))]

    #[test]
    fn arbitrary_text_as_a_draft_never_panics(text in any::<String>()) {
        check_outcome(load_texts(folder(&text, BETA)), 2);
    }

    #[test]
    fn damaged_base_and_derived_drafts_never_panic(
        a in prop::collection::vec(edit(), 1..6),
        b in prop::collection::vec(edit(), 0..4),
    ) {
        check_outcome(load_texts(folder(&apply(ALPHA, &a), &apply(BETA, &b))), 2);
    }

    #[test]
    fn damaged_party_and_topic_files_never_panic(a in prop::collection::vec(edit(), 1..6)) {
        let mut files = folder(ALPHA, BETA);
        files[0] = SourceText::new("corpus.toml", apply(CORPUS, &a));
        files[1] = SourceText::new("parties.toml", apply(PARTIES, &a));
        check_outcome(load_texts(files), 2);
    }
}

#[test]
fn an_empty_folder_reports_the_missing_files() {
    let Err(LoadError::Invalid { diagnostics }) = load_texts(Vec::new()) else {
        panic!("an empty folder is not a corpus")
    };
    let messages: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        ["no plan files here: the folder has no corpus.toml, parties.toml or draft `*.toml` files"]
    );
}

#[test]
fn escape_sequences_in_data_are_stripped_on_load() {
    let alpha = ALPHA.replacen(
        "The army is capped",
        "The army\\u001b[2J\\u001b]0;owned\\u0007 is capped",
        1,
    );
    let loaded = load_texts(folder(&alpha, BETA)).unwrap();
    let clause = loaded.corpus.plan("alpha").unwrap().clause("1").unwrap();
    assert_eq!(clause.text, "The army is capped at 600,000 personnel.");
}
