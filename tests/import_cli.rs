//! `peacediff import` as a user runs it: a numbered text into a plans folder, then `check` and
//! `diff` on the result; the file rules (new files only, `--force`), standard input, hostile
//! bytes, and no panic on any text.

mod common;

use assert_cmd::Command;
use proptest::prelude::*;

const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");

fn peacediff() -> Command {
    let mut c = Command::cargo_bin("peacediff").unwrap();
    c.env("NO_COLOR", "1")
        .env("PEACEDIFF_NO_CACHE", "1")
        .env("PEACEDIFF_CONFIG", "");
    c
}

/// A copy of the small fixture folder to import into.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(MINI).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    dir
}

/// The alpha draft reworded by another hand, reordered, with one point new.
const LEAK: &str = "\
Gamma framework, as read out

1. A full pardon is granted to everyone.
2. **Army.** The army is limited to 800,000 personnel.
3. Lines of control are frozen where they now stand.
   a) A demilitarised buffer zone is created.
4. Elections are held within 100 days.
";

#[test]
fn a_numbered_text_becomes_a_draft_that_loads_links_and_compares() {
    let dir = folder();
    let plans = dir.path().to_str().unwrap();
    let input = dir.path().join("leak.txt");
    std::fs::write(&input, LEAK).unwrap();
    let out = dir.path().join("gamma.toml");
    let o = peacediff()
        .args(["--plans", plans, "import", input.to_str().unwrap()])
        .args([
            "--base",
            "A",
            "--date",
            "2026-07-01",
            "-o",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let said = String::from_utf8(o.stderr).unwrap();
    assert!(said.contains("5 clause(s)"), "{said}");
    assert!(said.contains("proposed to alpha"), "{said}");
    let toml = std::fs::read_to_string(&out).unwrap();
    assert!(toml.contains("summary = \"Gamma framework, as read out\""));
    assert!(toml.contains("parent = \"3\""));
    assert!(toml.contains("title = \"Army\""));

    // It loads: warnings for what is left to fill in, no errors.
    let check = peacediff().args(["check", plans]).output().unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let report =
        String::from_utf8(check.stderr).unwrap() + &String::from_utf8(check.stdout).unwrap();
    assert!(
        report.contains("gamma.toml:"),
        "warnings name the file: {report}"
    );
    assert!(report.contains("is still to be filled in"), "{report}");
    assert!(report.contains("0 error(s)"), "{report}");

    // Compared by the proposed links: the army cap is a revision of alpha's point 1, the
    // frozen lines of point 3, and the new elections point is added.
    let diff = peacediff()
        .args([
            "--plans", plans, "diff", "alpha", "gamma", "--format", "json",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&diff.stdout).unwrap();
    let pairs: Vec<(String, String, String)> = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let ids = |side: &str| {
                r[side]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c["id"].as_str().unwrap().to_string())
                    .collect::<Vec<_>>()
                    .join(",")
            };
            (
                r["class"].as_str().unwrap().to_string(),
                ids("left"),
                ids("right"),
            )
        })
        .collect();
    assert!(
        pairs.contains(&("revised".into(), "1".into(), "2".into())),
        "{pairs:?}"
    );
    assert!(
        pairs.contains(&("revised".into(), "3".into(), "3".into())),
        "{pairs:?}"
    );
    assert!(
        pairs.contains(&("added".into(), "".into(), "4".into())),
        "{pairs:?}"
    );
}

#[test]
fn never_overwrites_without_force_and_reads_standard_input() {
    let dir = folder();
    let plans = dir.path().to_str().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("gamma.toml");
    std::fs::write(&out, "keep me").unwrap();
    let run = |force: bool| {
        let mut c = peacediff();
        c.args([
            "--plans",
            plans,
            "import",
            "-",
            "--no-links",
            "--date",
            "2026-07",
        ])
        .args(["--id", "gamma", "-o", out.to_str().unwrap()])
        .write_stdin(LEAK);
        if force {
            c.arg("--force");
        }
        c.output().unwrap()
    };
    let refused = run(false);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("already exists"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    assert!(run(true).status.success());
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("id = \"gamma\"")
    );
    // --dry-run prints instead of writing.
    let dry = peacediff()
        .args([
            "--plans",
            plans,
            "import",
            "--dry-run",
            "--date",
            "2026-07-01",
            "--id",
            "delta",
        ])
        .write_stdin(LEAK)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&dry.stdout).contains("id = \"delta\""));
    // A text with no numbered points is an error that says how to number them.
    let none = peacediff()
        .args(["--plans", plans, "import", "--date", "2026-07-01"])
        .write_stdin("Just prose, no points.")
        .output()
        .unwrap();
    assert_eq!(none.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&none.stderr).contains("no numbered points"));
}

#[test]
fn hostile_bytes_in_the_text_never_reach_the_terminal_raw() {
    let dir = folder();
    let plans = dir.path().to_str().unwrap();
    let hostile =
        "1. Title\u{1b}]2;PWNED\u{7} here.\n2. \u{1b}[2JClear \u{9b}31m and \u{202e}reversed.\n";
    let o = peacediff()
        .args([
            "--plans",
            plans,
            "import",
            "--dry-run",
            "--no-links",
            "--date",
            "2026-07-01",
        ])
        .write_stdin(hostile)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for stream in [&o.stdout, &o.stderr] {
        let s = String::from_utf8_lossy(stream);
        assert!(
            !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
            "a control character got through: {s:?}"
        );
    }
    // The written file loads, and the loader cleans the text for display.
    let out = dir.path().join("h.toml");
    peacediff()
        .args([
            "--plans",
            plans,
            "import",
            "--no-links",
            "--date",
            "2026-07-01",
        ])
        .args(["-o", out.to_str().unwrap()])
        .write_stdin(hostile)
        .assert()
        .success();
    let show = peacediff()
        .args(["--plans", plans, "show", "h", "1"])
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&show.stdout);
    assert!(
        show.status.success(),
        "{}",
        String::from_utf8_lossy(&show.stderr)
    );
    assert!(!s.contains('\u{1b}'), "{s:?}");
}

proptest! {
    #![proptest_config(common::proptest_config(256))]

    /// Any text: the parser never panics, every clause has an id and a line, and ids are unique.
    #[test]
    fn parsing_any_text_never_panics(text in "(\\PC|[\\n\\t ()\\[\\].:*#-]|[0-9a-zIVX]){0,400}") {
        let parsed = peacediff::import::parse::parse(&text);
        let mut ids: Vec<&str> = parsed.clauses.iter().map(|c| c.id.as_str()).collect();
        for c in &parsed.clauses {
            prop_assert!(!c.id.is_empty() && c.line >= 1);
        }
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        prop_assert_eq!(ids.len(), n);
    }
}
