//! The comparison commands end to end: `diff`, `redlines`, `history`, `gaps`, in text and JSON.

use serde_json::Value;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_peacediff"))
        .args(args)
        .args(["--color", "never"])
        .env_remove("NO_COLOR")
        // Tests never touch the user's cache.
        .env("PEACEDIFF_NO_CACHE", "1")
        .env("PEACEDIFF_CONFIG", "")
        .output()
        .expect("the binary runs")
}

fn ok(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn json(args: &[&str]) -> Value {
    let mut a = args.to_vec();
    a.extend(["--format", "json"]);
    serde_json::from_str(&ok(&a)).expect("valid JSON")
}

#[test]
fn diff_text_shows_rows_diffs_and_evidence() {
    let out = ok(&["diff", "28-pt", "19-pt"]);
    let first = out.lines().next().unwrap();
    assert!(
        first.starts_with("28-pt ") && first.contains("→ 19-pt"),
        "{first}"
    );
    // The counts line tells bracketed and unreported points apart from unchanged ones.
    assert!(
        out.contains("=1 unchanged · ⧗8 bracketed · ?34 unreported"),
        "counts line"
    );
    assert!(
        out.lines().any(|l| l.starts_with("~‡ 6 ")),
        "the army cap is revised, and disputed"
    );
    assert!(
        out.lines().any(|l| l.starts_with("- 26 ")),
        "the amnesty is dropped"
    );
    assert!(out.contains("[-") && out.contains("{+"), "inline word diff");
    assert!(out.contains("dropped in 19-pt"), "removal evidence");
    let changes = ok(&["diff", "28-pt", "19-pt", "--changes-only"]);
    // Points bracketed with their words unchanged are kept, marked ⧗ (never "="), and say
    // which draft bracketed them.
    assert!(!changes.lines().any(|l| l.starts_with("= ")));
    let same: Vec<&str> = changes.lines().filter(|l| l.starts_with('⧗')).collect();
    assert_eq!(
        same.len(),
        8,
        "19-pt brackets 8 points whose words stay the same"
    );
    assert!(
        same.iter()
            .all(|l| l.contains("[bracketed in 19-pt by US and UA]")),
        "{same:#?}"
    );
    assert!(changes.lines().count() < out.lines().count());
}

#[test]
fn diff_json_follows_the_documented_schema() {
    let v = json(&["diff", "us-28", "e3-28"]);
    assert_eq!(v["left"], "us-28");
    assert_eq!(v["right"], "e3-28");
    for k in [
        "unchanged",
        "bracketed",
        "unreported",
        "revised",
        "dropped",
        "added",
        "split",
        "merged",
        "related",
        "moved",
        "also_bracketed",
        "disputed",
    ] {
        assert!(v["counts"][k].is_u64(), "counts.{k}");
    }
    let rows = v["rows"].as_array().unwrap();
    assert!(!rows.is_empty());
    for r in rows {
        for k in [
            "kind",
            "class",
            "mark",
            "left",
            "right",
            "basis",
            "matched_on",
            "diff",
            "strength",
            "bracketed",
            "moved",
            "unreported",
            "disputed",
            "removal",
        ] {
            assert!(r.get(k).is_some(), "row.{k} in {r}");
        }
        assert!(r["basis"]["by"].is_string());
    }
    let army = rows
        .iter()
        .find(|r| r["left"][0]["id"] == "6")
        .expect("clause 6 has a row");
    assert_eq!(army["kind"], "revised");
    let segs = army["diff"]["segments"].as_array().unwrap();
    assert!(segs.iter().any(|s| s["kind"] == "removed"));
    assert!(
        army["strength"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["kind"] == "number")
    );
    let dropped = rows
        .iter()
        .find(|r| r["kind"] == "dropped")
        .expect("a dropped row");
    assert!(dropped["removal"]["base_clause"].is_string());
    let only = json(&["diff", "us-28", "e3-28", "--changes-only"]);
    assert!(
        only["rows"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["class"] != "unchanged")
    );
    assert_eq!(only["counts"], v["counts"]);
}

#[test]
fn redlines_for_one_draft_and_across_several() {
    let out = ok(&["redlines", "28-pt"]);
    assert!(out.contains("Ukraine: hard red lines: 3 crossed"), "{out}");
    assert!(out.contains("clauses 28-pt:"));
    let out = ok(&["redlines", "28-pt", "19-pt", "--party", "ua"]);
    assert!(out.contains("19-pt crosses "), "{out}");
    assert!(out.contains("Ukraine's red lines"));
    assert!(!out.contains("Russia's red lines"));
    let all = ok(&["redlines"]);
    assert!(all.starts_with("HARD LINES"));
    // The 19-pt leaves Ukraine's lines open; it does not cross "none" of them cleanly.
    let ua = all.lines().find(|l| l.starts_with("UA ")).unwrap();
    assert!(ua.contains("✗0 ○5"), "{ua}");
    let v = json(&["redlines", "28-pt"]);
    assert_eq!(v["plan"], "us-28");
    assert!(v["parties"][0]["crossed"].is_array());
    let v = json(&["redlines", "28-pt", "e3", "19-pt"]);
    assert_eq!(v["plans"].as_array().unwrap().len(), 3);
    assert_eq!(v["deltas"].as_array().unwrap().len(), 2);
    assert!(v["deltas"][0]["parties"][0]["headline"].is_string());
    let bad = run(&["redlines", "28-pt", "--party", "xx"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no party `xx`"));
}

#[test]
fn history_of_a_topic_and_of_a_clause() {
    let out = ok(&["history", "territory"]);
    assert!(out.starts_with("Territory"));
    assert!(out.contains("28-pt"));
    let out = ok(&["history", "28-pt:6"]);
    assert!(out.contains("(this clause)"));
    assert!(out.contains("E3"));
    let v = json(&["history", "28-pt:6"]);
    assert_eq!(v["plan"], "us-28");
    assert_eq!(v["clause"]["id"], "6");
    assert!(v["entries"].as_array().unwrap().len() > 1);
    let v = json(&["history", "territory"]);
    assert_eq!(v["topic"], "territory");
    let bad = run(&["history", "nonsense"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no topic `nonsense`"));
    let bad = run(&["history", "28-pt:999"]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no clause `999`"));
}

#[test]
fn gaps_between_two_drafts() {
    let out = ok(&["gaps", "pf-10", "28-pt"]);
    assert!(out.contains("In PF-10 but not in 28-pt"));
    assert!(out.contains("In 28-pt but not in PF-10"));
    let v = json(&["gaps", "pf-10", "28-pt"]);
    assert!(v["only_left"].is_array() && v["only_right"].is_array());
}

#[test]
fn unknown_drafts_are_usage_errors() {
    let bad = run(&["diff", "28-pt", "nope"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no draft `nope`"));
}

#[test]
fn synthetic_drafts_load_from_a_folder_and_diff() {
    let dir = tempfile::tempdir().unwrap();
    peacediff::testing::write_synthetic_folder(dir.path(), 60, 5).unwrap();
    let plans = dir.path().to_str().unwrap();
    let v = json(&["--plans", plans, "diff", "syn-a", "syn-b"]);
    assert!(v["counts"]["unchanged"].as_u64().unwrap() > 20);
    assert!(v["counts"]["revised"].as_u64().unwrap() > 0);
}

/// Names as users type them: parties by id, label or name in any case; clause ids in any case;
/// a near miss gets the nearest name, not a list of every choice.
#[test]
fn names_are_found_as_users_type_them() {
    let a = ok(&["redlines", "28-pt", "--party", "Ukraine"]);
    assert_eq!(a, ok(&["redlines", "28-pt", "--party", "UA"]));
    assert!(a.contains("Ukraine:") && !a.contains("Russia:"));
    assert_eq!(ok(&["show", "28-pt", "21D"]), ok(&["show", "28-pt", "21d"]));
    assert!(ok(&["history", "28-pt:21D"]).contains("Ukraine leaves Donetsk"));
    for (args, hint) in [
        (&["show", "28pt"][..], "did you mean `28-pt`?"),
        (
            &["redlines", "--party", "ukrane"][..],
            "did you mean `Ukraine`?",
        ),
        (&["history", "territry"][..], "did you mean `territory`?"),
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(hint), "{args:?}: {err}");
        assert!(!err.contains("the choices are"), "{err}");
    }
}
