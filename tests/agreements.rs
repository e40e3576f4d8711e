//! The worked example of the plan format (tests/fixtures/agreements): two invented agreements
//! that use every key the format has — actors in every role, dated positions, an owned and an
//! all-party bracket, clause confidence, outside documents, a cross-reference and a footnote of
//! nested items — loaded, and read back in every view as a user would.

use peacediff::analysis::{plan_redlines, redline_delta};
use peacediff::legend::{OpenReason, Standing};
use peacediff::load::load_dir;
use peacediff::model::{ActorKind, Confidence, Corpus, RefRelation, RefTarget};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/agreements")
}

fn load() -> Corpus {
    let loaded = load_dir(&folder()).expect("the example loads");
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    loaded.corpus
}

fn run(args: &[&str]) -> String {
    let out: Output = Command::new(env!("CARGO_BIN_EXE_peacediff"))
        .arg("--plans")
        .arg(folder())
        .args(args)
        .env("NO_COLOR", "1")
        .env("PEACEDIFF_NO_CACHE", "1")
        .env("PEACEDIFF_CONFIG", "")
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn every_new_key_loads_into_the_model() {
    let c = load();
    assert_eq!(c.actors.len(), 5);
    assert_eq!(c.actor("east-council").unwrap().kind, ActorKind::ArmedGroup);
    assert_eq!(c.label_of("rso"), "RSO");
    assert_eq!(c.name_of("south"), "Southland");
    // Actors take roles but never become red-line parties.
    assert_eq!(c.parties.len(), 2);
    let two = c.plan("lake-2").unwrap();
    assert_eq!(two.proposers, ["valdor", "corvel"]);
    assert_eq!(two.roles.guarantors, ["rso"]);
    assert_eq!(two.roles.signatories.len(), 4);
    assert_eq!(two.documents.len(), 2);
    // Nesting: a footnote under point 5, and its items under the footnote.
    let at = |id: &str| two.clause_index(id).unwrap();
    assert_eq!(two.depth(at("5")), 0);
    assert_eq!(two.depth(at("5-fn")), 1);
    assert_eq!(two.depth(at("5-fn-b")), 2);
    // A cross-reference to a later clause, and one to an outside document.
    let four = two.clause("4").unwrap();
    assert_eq!(four.refs[0].target, RefTarget::Clause("5".into()));
    assert_eq!(four.refs[0].relation, RefRelation::DependsOn);
    assert_eq!(two.referred_by("5").len(), 1);
    let one = two.clause("1").unwrap();
    assert_eq!(one.refs[0].part.as_deref(), Some("Article 2(4)"));
    // Text over several lines keeps its line breaks.
    assert!(two.clause("2").unwrap().text.contains("larger,\n70 km"));
    assert_eq!(two.clause("7").unwrap().confidence, Some(Confidence::Low));
    assert_eq!(two.clause("7").unwrap().bracketed_by, ["all"]);
    // Periods: the party's default, and a line's own.
    let unitary = c.red_line("south-unitary").unwrap();
    assert_eq!(unitary.held.from.unwrap().to_string(), "1996-06");
    let border = c.red_line("south-border-first").unwrap();
    assert_eq!(border.held.from.unwrap().to_string(), "2014-06");
    let lake1 = c.plan("lake-1").unwrap();
    assert_eq!(
        lake1.clause("3").unwrap().assessments[1]
            .as_of
            .unwrap()
            .to_string(),
        "2014-09"
    );
}

#[test]
fn owned_brackets_and_dated_positions_are_scored_as_the_record_allows() {
    let c = load();
    let two = c.plan("lake-2").unwrap();
    let r = plan_redlines(&c, two);
    let north = r.party("north").unwrap();
    // Northland's own bracketed demand leaves its line open, not met.
    assert_eq!(north.summary.hard.met, 0);
    assert_eq!(north.summary.hard.open, 1);
    assert_eq!(
        north.standing_of("north-special-status"),
        Standing::Open(OpenReason::Unreported)
    );
    // A position first held in 2016 is not assessed for a 2015 agreement, not silent.
    assert_eq!(north.dated_out, ["north-no-monitors-on-border"]);
    assert_eq!(
        north.standing_of("north-no-monitors-on-border"),
        Standing::NotAssessed
    );
    // Southland's unitary-state line is not crossed by the bracket either.
    let south = r.party("south").unwrap();
    assert_eq!(south.summary.hard.crossed, 0);
    assert_eq!(south.summary.hard.partial, 1);
    let d = redline_delta(&c, c.plan("lake-1").unwrap(), two);
    let sd = d.party("south").unwrap();
    assert_eq!(sd.newly_crossed, ["south-border-first"]);
}

#[test]
fn the_command_line_shows_roles_references_nesting_and_dates() {
    let draft = run(&["show", "lake-2"]);
    for want in [
        "proposed by Republic of Valdor and Kingdom of Corvel",
        "signed by Envoy Ilse Mara, Southland, Northland and Eastern Districts Council",
        "guaranteed by Regional Security Organisation",
        "observed by Envoy Ilse Mara",
        "\n    5¹ Footnote",
        "\n      5¹a No punishment",
        "[bracketed by NL]",
        "[bracketed by all delegations]  (reported · low confidence)",
    ] {
        assert!(draft.contains(want), "{want:?} in:\n{draft}");
    }
    let four = run(&["show", "lake-2", "4"]);
    assert!(four.contains("see        depends on 5 (Constitutional reform with decentralisation)"));
    let five = run(&["show", "lake-2", "5"]);
    assert!(five.contains("cited by   4 (Border control returns after the reform) depends on it"));
    let one = run(&["show", "lake-2", "1"]);
    assert!(one.contains(
        "refers to Charter of the United Nations (1945-06-26), Article 2(4) \
         <https://www.un.org/en/about-us/un-charter>"
    ));
    let three = run(&["show", "lake-1", "3"]);
    assert!(three.contains("(as of 2014-09)"), "{three}");
    let lines = run(&["redlines", "lake-2"]);
    assert!(
        lines.contains("clauses Lake II:6 (if agreed: meets)"),
        "{lines}"
    );
    assert!(
        lines.contains("held from 2016-04; Lake II is dated 2015-02-12"),
        "{lines}"
    );
}

#[test]
fn the_export_carries_roles_references_and_dated_positions() {
    let md = run(&["export", "lake-1", "lake-2"]);
    for want in [
        "| Signed by | Envoy Ilse Mara, Southland, Northland and Eastern Districts Council |",
        "| Guaranteed by | — | Regional Security Organisation |",
        "depends on 5 (Constitutional reform with decentralisation)",
        "*Not assessed in Lake II: held only in another period:*",
        "*reported · low confidence*",
    ] {
        assert!(md.contains(want), "{want:?} in:\n{md}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&run(&["export", "lake-1", "lake-2", "--format", "json"])).unwrap();
    assert_eq!(json["right"]["roles"][2]["role"], "guaranteed by");
    assert_eq!(json["right"]["roles"][2]["ids"][0], "rso");
    let rows = json["rows"].as_array().unwrap();
    let four = rows
        .iter()
        .flat_map(|r| r["right"].as_array().unwrap())
        .find(|c| c["id"] == "4")
        .unwrap();
    assert_eq!(four["refs"][0]["relation"], "depends-on");
    assert_eq!(four["refs"][0]["target"], "5");
    let north = json["red_lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["party"] == "north")
        .unwrap();
    assert_eq!(
        north["dated_out_right"][0]["id"],
        "north-no-monitors-on-border"
    );
}

#[test]
fn list_json_names_every_role() {
    let json: serde_json::Value =
        serde_json::from_str(&run(&["list", "--format", "json"])).unwrap();
    let two = &json["plans"][1];
    assert_eq!(two["id"], "lake-2");
    assert_eq!(two["proposers"], serde_json::json!(["valdor", "corvel"]));
    assert_eq!(two["roles"]["guarantors"], serde_json::json!(["rso"]));
    assert_eq!(two["roles"]["observers"], serde_json::json!(["envoy-mara"]));
}
