//! The binary as a user runs it: exit codes, stdout, stderr locations, plain output in pipes.

use assert_cmd::Command;
use predicates::prelude::*;

const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");

fn peacediff() -> Command {
    let mut cmd = Command::cargo_bin("peacediff").unwrap();
    cmd.env_remove("NO_COLOR");
    // Tests never touch the user's cache; the cache tests name a folder of their own.
    cmd.env("PEACEDIFF_NO_CACHE", "1")
        .env("PEACEDIFF_CONFIG", "");
    cmd
}

#[test]
fn version_and_help() {
    peacediff()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("peacediff "));
    for sub in ["list", "show", "check", "init"] {
        peacediff()
            .args([sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Usage: peacediff"));
    }
}

#[test]
fn list_shows_every_draft_in_date_order_without_colour_in_a_pipe() {
    let out = peacediff()
        .args(["--plans", MINI, "list"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(!out.contains('\u{1b}'), "no escape codes in a pipe");
    let a = out.find("\nA ").expect("alpha listed");
    let b = out.find("\nB ").expect("beta listed");
    assert!(a < b, "date order:\n{out}");
    assert!(out.contains("2025-11-20") && out.contains("leaked") && out.contains("Example Wire"));
}

#[test]
fn colour_can_be_forced() {
    let out = peacediff()
        .args(["--plans", MINI, "--color", "always", "list"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains('\u{1b}'));
}

#[test]
fn list_json_parses_and_counts_clauses() {
    let out = peacediff()
        .args(["--plans", MINI, "list", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let plans = v["plans"].as_array().unwrap();
    assert_eq!(plans.len(), 2);
    assert_eq!(plans[0]["id"], "alpha");
    assert_eq!(plans[0]["clauses"], 4);
    assert_eq!(plans[1]["removed_from_base"], 1);
}

#[test]
fn show_a_clause_with_assessments_and_sources() {
    peacediff()
        .args(["--plans", MINI, "show", "A", "1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("600,000"))
        .stdout(predicate::str::contains("UA ✗ crosses ua-no-cap"))
        .stdout(predicate::str::contains("RU ✓ meets ru-caps"))
        .stdout(predicate::str::contains("[W1] Example Wire"))
        .stdout(predicate::str::contains("B 1 (revised by)"));
}

#[test]
fn show_explains_a_dropped_clause() {
    peacediff()
        .args(["--plans", MINI, "show", "beta", "2"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "clause `2` is not in B: it was dropped",
        ));
}

#[test]
fn show_json_is_the_model() {
    let out = peacediff()
        .args(["--plans", MINI, "show", "beta", "3a", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["status"], "unknown");
    assert_eq!(v["certainty"], "inferred");
    assert_eq!(v["inherited"]["action"], "unknown");
    assert_eq!(v["inherited"]["reported"], false);
}

#[test]
fn unknown_draft_is_a_usage_error_naming_the_choices() {
    peacediff()
        .args(["--plans", MINI, "show", "zzz"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no draft `zzz`; the choices are: A (alpha), B (beta)",
        ));
}

#[test]
fn check_exit_codes() {
    peacediff()
        .args(["check", MINI])
        .assert()
        .success()
        .stdout(predicate::str::contains("ok — 2 drafts"));
    peacediff()
        .args(["check", "/no/such/dir"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read /no/such/dir"));
    let dir = tempfile::tempdir().unwrap();
    for f in ["corpus.toml", "parties.toml", "alpha.toml", "beta.toml"] {
        std::fs::copy(format!("{MINI}/{f}"), dir.path().join(f)).unwrap();
    }
    let alpha = dir.path().join("alpha.toml");
    let text = std::fs::read_to_string(&alpha).unwrap().replacen(
        "status = \"leaked\"",
        "status = \"leakd\"",
        1,
    );
    std::fs::write(&alpha, text).unwrap();
    peacediff()
        .args(["check"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "alpha.toml:7:10: error: unknown status `leakd`",
        ))
        .stdout(predicate::str::contains("hint: did you mean `leaked`?"));
}

#[test]
fn bundled_corpus_checks_clean() {
    peacediff()
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("bundled plans: ok"));
}

#[test]
fn init_copies_the_corpus_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("mine");
    peacediff().arg("init").arg(&target).assert().success();
    peacediff().arg("check").arg(&target).assert().success();
    let before = std::fs::read(target.join("corpus.toml")).unwrap();
    peacediff()
        .arg("init")
        .arg(&target)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(std::fs::read(target.join("corpus.toml")).unwrap(), before);
}

#[test]
fn closed_pipe_is_not_an_error() {
    // `head -c1` closes the pipe early; peacediff must not print a panic or "Broken pipe".
    // The output is far larger than a pipe's buffer (64 KiB), so the writes do hit the closed
    // pipe: a synthetic pair of 2,000 clauses prints several megabytes.
    let plans = tempfile::tempdir().unwrap();
    peacediff::testing::write_synthetic_folder(plans.path(), 2_000, 3).unwrap();
    let bin = env!("CARGO_BIN_EXE_peacediff");
    let dir = plans.path().to_str().unwrap();
    let size = std::process::Command::new(bin)
        .env("PEACEDIFF_NO_CACHE", "1")
        .env("PEACEDIFF_CONFIG", "")
        .args(["--plans", dir, "diff", "syn-a", "syn-b", "--format", "json"])
        .output()
        .unwrap()
        .stdout
        .len();
    assert!(size > 1 << 20, "the output is only {size} bytes");
    for command in [
        "diff syn-a syn-b --format json",
        "diff syn-a syn-b",
        "show syn-a",
    ] {
        let out = std::process::Command::new("sh")
            .env("PEACEDIFF_NO_CACHE", "1")
            .env("PEACEDIFF_CONFIG", "")
            .arg("-c")
            .arg(format!(
                "{bin} --plans {dir} {command} | head -c1 >/dev/null"
            ))
            .output()
            .unwrap();
        assert!(
            String::from_utf8_lossy(&out.stderr).is_empty(),
            "{command}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// The `.bin` files in a cache folder.
fn cache_entries(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .map(|l| {
            l.map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "bin"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn large_folders_are_cached_and_give_the_same_output() {
    // 3,000 generated clauses a draft (1.2 MB): the folder is above the cache threshold.
    let tmp = tempfile::tempdir().unwrap();
    let plans = tmp.path().join("plans");
    std::fs::create_dir(&plans).unwrap();
    let total = peacediff::testing::write_synthetic_folder(&plans, 3_000, 11).unwrap();
    assert!(total > 1 << 20, "the folder is only {total} bytes");
    let plans = plans.to_str().unwrap();
    let run = |cache: &std::path::Path, extra: &[&str]| {
        let out = peacediff()
            .env_remove("PEACEDIFF_NO_CACHE")
            .env("PEACEDIFF_CACHE_DIR", cache)
            .args(["--plans", plans, "--color", "never"])
            .args(extra)
            .args(["diff", "syn-a", "syn-b"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };

    let cache = tmp.path().join("cache");
    let first = run(&cache, &[]);
    assert_eq!(
        cache_entries(&cache).len(),
        1,
        "the first run writes an entry"
    );
    let written = std::fs::metadata(&cache_entries(&cache)[0]).unwrap().len();
    let second = run(&cache, &[]);
    assert!(!first.is_empty());
    assert_eq!(first, second, "the cached corpus gives the same diff");
    assert_eq!(cache_entries(&cache).len(), 1, "the second run reuses it");
    assert_eq!(
        std::fs::metadata(&cache_entries(&cache)[0]).unwrap().len(),
        written
    );

    // Turned off, by flag or by environment: nothing is written, and the output is the same.
    let off = tmp.path().join("off");
    assert_eq!(run(&off, &["--no-cache"]), first);
    assert!(!off.exists());
    let out = peacediff()
        .env("PEACEDIFF_NO_CACHE", "1")
        .env("PEACEDIFF_CONFIG", "")
        .env("PEACEDIFF_CACHE_DIR", &off)
        .args([
            "--plans", plans, "--color", "never", "diff", "syn-a", "syn-b",
        ])
        .output()
        .unwrap();
    assert_eq!(out.stdout, first);
    assert!(!off.exists());
}

#[test]
fn small_folders_are_not_cached() {
    // A copy of the bundled drafts, the usual start of a folder of one's own, is small enough
    // to parse every time.
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let own = tmp.path().join("own");
    peacediff().arg("init").arg(&own).assert().success();
    for plans in [std::path::Path::new(MINI), own.as_path()] {
        peacediff()
            .env_remove("PEACEDIFF_NO_CACHE")
            .env("PEACEDIFF_CACHE_DIR", &cache)
            .arg("--plans")
            .arg(plans)
            .arg("list")
            .assert()
            .success();
    }
    assert!(cache_entries(&cache).is_empty());
}

/// A draft nobody assessed for a party reads "not assessed" (∅) in every printed view: never a
/// clean zero, and no claimed change. In the mini folder, Beta revises the only clause Russia
/// was assessed on without assessing the new wording for Russia.
#[test]
fn a_draft_without_assessments_for_a_party_reads_not_assessed_everywhere() {
    let stdout = |args: &[&str]| {
        let out = peacediff()
            .args(["--plans", MINI])
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let table = stdout(&["redlines"]);
    let ru = table.lines().find(|l| l.starts_with("RU ")).unwrap();
    assert!(ru.trim_end().ends_with('∅'), "{table}");
    assert!(table.contains("B was not assessed for Russia"), "{table}");
    assert!(
        !table.contains("no longer met: Caps"),
        "no change claimed: {table}"
    );
    let md = stdout(&["export", "alpha", "beta"]);
    assert!(md.contains("| Russia (RU) | ✗0 | ∅ | 0 → ∅ |"), "{md}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["redlines", "beta", "--format", "json"])).unwrap();
    let ru = &json["parties"][1];
    assert_eq!(ru["party"], "ru");
    assert_eq!(ru["summary"]["assessed"], false);
    assert!(ru["silent"].as_array().unwrap().is_empty());
    assert_eq!(ru["not_assessed"], serde_json::json!(["ru-caps"]));
}

/// Colour follows the conventions other tools share: CLICOLOR_FORCE colours even a pipe,
/// NO_COLOR wins over it, `--color never` also uncolours clap's help, and `--help` lists the
/// environment variables read.
#[test]
fn colour_follows_clicolor_no_color_and_the_flag() {
    let esc = |out: &std::process::Output| out.stdout.contains(&0x1b);
    let run = |envs: &[(&str, &str)], args: &[&str]| {
        let mut c = peacediff();
        c.env_remove("CLICOLOR").env_remove("CLICOLOR_FORCE");
        for (k, v) in envs {
            c.env(k, v);
        }
        c.args(["--plans", MINI]).args(args).output().unwrap()
    };
    assert!(!esc(&run(&[], &["list"])), "a pipe is plain");
    assert!(esc(&run(&[("CLICOLOR_FORCE", "1")], &["list"])), "forced");
    assert!(
        !esc(&run(
            &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
            &["list"]
        )),
        "NO_COLOR wins"
    );
    let help = run(&[("CLICOLOR_FORCE", "1")], &["--color", "never", "--help"]);
    assert!(!esc(&help), "--color never uncolours the help");
    let help = String::from_utf8(help.stdout).unwrap();
    for var in [
        "NO_COLOR",
        "CLICOLOR_FORCE",
        "PEACEDIFF_NO_CACHE",
        "PEACEDIFF_CACHE_DIR",
    ] {
        assert!(help.contains(var), "--help lists {var}");
    }
}

/// `check --format json` reports the same diagnostics as text, and `diff --exit-code` says
/// whether two drafts differ, as `git diff --exit-code` does.
#[test]
fn check_prints_json_and_diff_has_an_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["corpus.toml", "parties.toml", "alpha.toml", "beta.toml"] {
        let text = std::fs::read_to_string(format!("{MINI}/{name}")).unwrap();
        let text = text.replace("topics = [\"amnesty\"]", "topics = [\"amnesti\"]");
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let out = peacediff()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ok"], false);
    assert_eq!(v["errors"], 1);
    assert_eq!(v["loaded"], serde_json::Value::Null);
    let d = &v["diagnostics"][0];
    assert!(d["file"].as_str().unwrap().ends_with("alpha.toml"));
    assert_eq!(d["message"], "unknown topic `amnesti`");
    assert!(d["line"].as_u64().unwrap() > 0 && d["column"].as_u64().unwrap() > 0);
    let ok = peacediff()
        .args(["--plans", MINI, "check", "--format", "json"])
        .output()
        .unwrap();
    assert!(ok.status.success());
    let v: serde_json::Value = serde_json::from_slice(&ok.stdout).unwrap();
    assert_eq!(
        (v["ok"].as_bool(), v["loaded"]["drafts"].as_u64()),
        (Some(true), Some(2))
    );

    let code = |a: &str, b: &str| {
        peacediff()
            .args(["--plans", MINI, "diff", a, b, "--exit-code"])
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(code("alpha", "alpha"), Some(0));
    assert_eq!(code("alpha", "beta"), Some(1));
    let plain = peacediff()
        .args(["--plans", MINI, "diff", "alpha", "beta"])
        .output()
        .unwrap();
    assert_eq!(
        plain.status.code(),
        Some(0),
        "without the flag, differences are no error"
    );
}

#[test]
fn show_prints_a_general_position_as_one() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(MINI).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let alpha = dir.path().join("alpha.toml");
    let text = std::fs::read_to_string(&alpha).unwrap();
    let mutated = text.replacen("red_lines = [\"ru-caps\"]\n", "", 1);
    assert_ne!(text, mutated);
    std::fs::write(&alpha, mutated).unwrap();
    peacediff()
        .args(["--plans", dir.path().to_str().unwrap(), "show", "A", "1"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "RU ✓ meets (general position, no listed red line) — A cap is what Russia asks for.",
        ))
        .stdout(predicate::str::contains("UA ✗ crosses ua-no-cap"));
    // `redlines` lists it apart from the lines, in text and JSON alike.
    peacediff()
        .args(["--plans", dir.path().to_str().unwrap(), "redlines", "A"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "general positions (no listed red line): ✓ A:1",
        ));
    let out = peacediff()
        .args(["--plans", dir.path().to_str().unwrap()])
        .args(["redlines", "A", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ru = v["parties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["party"] == "ru")
        .unwrap();
    assert_eq!(ru["general"][0][0]["label"], "1");
    assert_eq!(ru["general"][0][1], "meets");
}

/// Who left a point in brackets is part of the record: the text diff, its JSON, `show` and the
/// export all say it the same way.
#[test]
fn bracketed_points_say_by_whom_in_every_output() {
    let run = |args: &[&str]| {
        let out = peacediff().args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let text = run(&["diff", "28-pt", "19-pt"]);
    let line = text
        .lines()
        .find(|l| l.contains("Crimea, Luhansk, Donetsk"))
        .unwrap();
    assert!(line.contains("[bracketed in 19-pt by US and UA]"), "{line}");
    let json: serde_json::Value =
        serde_json::from_str(&run(&["diff", "28-pt", "19-pt", "--format", "json"])).unwrap();
    let row = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| {
            r["right"]
                .as_array()
                .is_some_and(|c| c.iter().any(|c| c["id"] == "21a"))
        })
        .unwrap();
    assert_eq!(row["bracketed_by"], serde_json::json!(["us", "ua"]));
    assert!(run(&["show", "19-pt", "21a"]).contains("status     bracketed by US and UA"));
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("x.md");
    run(&["export", "28-pt", "19-pt", "-o", md.to_str().unwrap()]);
    let doc = std::fs::read_to_string(md).unwrap();
    assert!(doc.contains("\\[bracketed by US and UA\\]"));
}

/// A bracketed demand with an owner: `show` says its verdicts are conditional, and `redlines`
/// counts the line as open, not crossed.
#[test]
fn an_owned_bracket_is_open_in_show_and_redlines() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(MINI).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let beta = dir.path().join("beta.toml");
    let text = std::fs::read_to_string(&beta).unwrap();
    let mutated = text.replacen(
        "action = \"bracketed\"\n",
        "action = \"bracketed\"\nbracketed_by = [\"ru\"]\nassess = [{ party = \"ua\", effect = \
         \"crosses\", red_lines = [\"ua-no-cap\"], note = \"Would cap the army.\" }]\n",
        1,
    );
    assert_ne!(text, mutated);
    std::fs::write(&beta, mutated).unwrap();
    let plans = dir.path().to_str().unwrap();
    let show = peacediff()
        .args(["--plans", plans, "show", "B", "3"])
        .output()
        .unwrap();
    let show = String::from_utf8(show.stdout).unwrap();
    assert!(
        show.contains("(bracketed by RU: the verdicts below say what it would do if agreed"),
        "{show}"
    );
    let json = peacediff()
        .args(["--plans", plans, "redlines", "B", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let ua = v["parties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["party"] == "ua")
        .unwrap();
    let lines = |k: &str| -> Vec<String> {
        ua[k]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["red_line"].as_str().unwrap().to_string())
            .collect()
    };
    // Clause 1 meets the line in agreed text; the bracketed demand that would cross it does
    // not count until agreed.
    assert!(!lines("crossed").contains(&"ua-no-cap".to_string()), "{ua}");
    assert!(lines("met").contains(&"ua-no-cap".to_string()), "{ua}");
}

/// Shell completions and manual pages come from the same definition as `--help`.
#[test]
fn completions_and_manual_pages_cover_every_command() {
    let commands = [
        "list", "show", "diff", "redlines", "history", "gaps", "check", "export",
    ];
    for shell in ["bash", "zsh", "fish"] {
        let out = peacediff().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        for c in commands {
            assert!(script.contains(c), "{shell} completes {c}");
        }
        assert!(script.contains("changes-only"), "{shell} completes options");
    }
    // bash can load the script.
    let out = peacediff().args(["completions", "bash"]).output().unwrap();
    let status = std::process::Command::new("bash")
        .args(["-c", "source /dev/stdin && complete -p peacediff"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(&out.stdout)?;
            child.wait()
        })
        .unwrap();
    assert!(status.success(), "bash registers the completion");

    let page = peacediff().arg("man").output().unwrap();
    let page = String::from_utf8(page.stdout).unwrap();
    assert!(
        page.starts_with(".ie") || page.contains(".TH peacediff 1"),
        "{page}"
    );
    assert!(page.contains("NO_COLOR"), "the page lists the environment");
    let dir = tempfile::tempdir().unwrap();
    peacediff()
        .args(["man", "--out-dir", dir.path().to_str().unwrap()])
        .assert()
        .success();
    for c in commands {
        assert!(dir.path().join(format!("peacediff-{c}.1")).is_file(), "{c}");
    }
}

/// `--paging always` sends the output through `$PEACEDIFF_PAGER` (here a script that saves what
/// it reads); `never` and a pipe (auto) print directly and never start it.
#[cfg(unix)]
#[test]
fn long_output_goes_through_the_pager_when_asked() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("paged.txt");
    let script = dir.path().join("pager.sh");
    std::fs::write(&script, format!("#!/bin/sh\ncat > '{}'\n", saved.display())).unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let run = |paging: &str| {
        peacediff()
            .env("PEACEDIFF_PAGER", &script)
            .args(["--paging", paging, "list"])
            .output()
            .unwrap()
    };
    let direct = run("never");
    assert!(String::from_utf8_lossy(&direct.stdout).contains("28-pt"));
    assert!(!saved.exists(), "never: the pager did not run");
    let piped = run("auto");
    assert_eq!(
        piped.stdout, direct.stdout,
        "auto in a pipe prints directly"
    );
    assert!(!saved.exists(), "auto in a pipe: the pager did not run");
    let paged = run("always");
    assert!(paged.status.success());
    assert!(
        paged.stdout.is_empty(),
        "always: the output went to the pager"
    );
    assert_eq!(std::fs::read(&saved).unwrap(), direct.stdout);
    // An empty setting means no pager.
    let none = peacediff()
        .env("PEACEDIFF_PAGER", "")
        .args(["--paging", "always", "list"])
        .output()
        .unwrap();
    assert_eq!(none.stdout, direct.stdout);
}

/// In colour, removed words are struck through and added ones underlined as well as red and
/// green, so the two read apart without telling the colours apart.
#[test]
fn coloured_diffs_do_not_rely_on_red_and_green_alone() {
    let out = peacediff()
        .args(["--color", "always", "diff", "28-pt", "19-pt"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\u{1b}[31;9m"), "struck-through removals");
    assert!(text.contains("\u{1b}[32;4m"), "underlined additions");
}
