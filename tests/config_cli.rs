//! The config file as a user meets it: found where bat and lazygit keep theirs, overridden by
//! flags, and one bad file per defect, each with the exact message it gets. Every run here
//! names its own config (or none), so a file on the machine running the tests plays no part.

use assert_cmd::Command;

const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");

/// The binary with a config file holding `text`, in a folder of its own.
fn with_config(text: &str) -> (Command, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("config.toml"), text).unwrap();
    (again(&dir), dir)
}

/// The binary again, with the config file in `dir`.
fn again(dir: &tempfile::TempDir) -> Command {
    let mut cmd = Command::cargo_bin("peacediff").unwrap();
    cmd.env("PEACEDIFF_NO_CACHE", "1")
        .env("NO_COLOR", "1")
        .env("PEACEDIFF_CONFIG", dir.path().join("config.toml"));
    cmd
}

fn stderr_of(cmd: &mut Command, args: &[&str]) -> String {
    let out = cmd.args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "a bad config is a usage error");
    assert!(out.stdout.is_empty());
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn the_config_files_plans_folder_is_used_and_the_flag_wins() {
    let (mut cmd, dir) = with_config(&format!("plans = \"{MINI}\"\n"));
    let out = cmd.arg("list").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Example Wire") && !text.contains("28-pt"),
        "{text}"
    );
    // Relative to the config file's folder.
    let (mut cmd, dir2) = with_config("plans = \"drafts\"\n");
    let drafts = dir2.path().join("drafts");
    std::fs::create_dir(&drafts).unwrap();
    for f in std::fs::read_dir(MINI).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, drafts.join(f.file_name().unwrap())).unwrap();
    }
    cmd.current_dir(dir.path()).arg("list").assert().success();
    // --plans overrides the file: the bundled drafts are not what it lists.
    let (mut cmd, _d) = with_config("plans = \"/no/such/folder\"\n");
    let out = cmd.args(["--plans", MINI, "list"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn paging_comes_from_the_file_unless_a_flag_says_otherwise() {
    use std::os::unix::fs::PermissionsExt;
    let (mut cmd, dir) = with_config("paging = \"always\"\n");
    let saved = dir.path().join("paged.txt");
    let script = dir.path().join("pager.sh");
    std::fs::write(&script, format!("#!/bin/sh\ncat > '{}'\n", saved.display())).unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let never = again(&dir)
        .env("PEACEDIFF_PAGER", &script)
        .args(["--paging", "never", "list"])
        .output()
        .unwrap();
    assert!(!never.stdout.is_empty() && !saved.exists(), "the flag wins");
    let paged = cmd
        .env("PEACEDIFF_PAGER", &script)
        .arg("list")
        .output()
        .unwrap();
    assert!(
        paged.stdout.is_empty(),
        "the file's `always` pages even in a pipe"
    );
    assert_eq!(std::fs::read(&saved).unwrap(), never.stdout);
}

#[test]
fn an_unknown_key_is_located_with_the_nearest_one() {
    let (mut cmd, dir) = with_config("theme = \"light\"\npagign = \"never\"\n");
    let err = stderr_of(&mut cmd, &["list"]);
    let file = dir.path().join("config.toml");
    assert!(
        err.starts_with(&format!(
            "{}:2:1: error: unknown key `pagign`\n    | pagign = \"never\"\n    | ^\n    = hint: did you mean `paging`?",
            file.display()
        )),
        "{err}"
    );
    assert!(
        err.contains("1 error(s) and 0 warning(s) in 1 file(s)"),
        "{err}"
    );
    assert!(
        err.ends_with("run with PEACEDIFF_CONFIG= (empty) to leave it out\n"),
        "{err}"
    );
}

#[test]
fn a_syntax_error_is_located() {
    let (mut cmd, _d) = with_config("[keys\nquit = [\"q\"]\n");
    let err = stderr_of(&mut cmd, &["list"]);
    assert!(
        err.contains("config.toml:1:6: error: TOML syntax: "),
        "{err}"
    );
}

#[test]
fn a_bad_theme_names_the_themes() {
    let (mut cmd, _d) = with_config("theme = \"solarized\"\n");
    let err = stderr_of(&mut cmd, &["list"]);
    assert!(
        err.contains("config.toml:1:9: error: unknown theme `solarized`"),
        "{err}"
    );
    assert!(
        err.contains("hint: write one of `dark`, `light`, `colour-blind` or `color-blind`"),
        "{err}"
    );
}

#[test]
fn a_key_bound_twice_in_a_view_is_reported() {
    let (mut cmd, _d) = with_config("[keys]\ntoggle-unchanged = [\"x\"]\ncopy = [\"x\"]\n");
    let err = stderr_of(&mut cmd, &["list"]);
    assert!(
        err.contains(
            "config.toml:3:9: error: `x` is bound to both `toggle-unchanged` and `copy` in Compare"
        ),
        "{err}"
    );
}

#[test]
fn an_unknown_action_is_reported_with_the_nearest_one() {
    let (mut cmd, _d) = with_config("[keys]\nqiut = [\"x\"]\n");
    let err = stderr_of(&mut cmd, &["list"]);
    assert!(
        err.contains("config.toml:2:1: error: unknown action `qiut` in [keys]"),
        "{err}"
    );
    assert!(err.contains("hint: did you mean `quit`?"), "{err}");
}

#[test]
fn escape_sequences_in_the_file_never_reach_the_terminal() {
    let (mut cmd, _d) = with_config("\"\u{1b}]0;owned\u{7}\" = 1\n");
    let err = stderr_of(&mut cmd, &["list"]);
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
}

#[test]
fn a_named_file_must_exist_but_the_usual_one_may_not() {
    let mut cmd = Command::cargo_bin("peacediff").unwrap();
    let err = stderr_of(
        cmd.env("PEACEDIFF_CONFIG", "/no/such/peacediff.toml"),
        &["list"],
    );
    assert!(
        err.contains("(named by PEACEDIFF_CONFIG) does not exist"),
        "{err}"
    );
    let home = tempfile::tempdir().unwrap();
    Command::cargo_bin("peacediff")
        .unwrap()
        .env_remove("PEACEDIFF_CONFIG")
        .env("XDG_CONFIG_HOME", home.path())
        .args(["--config", "/no/such.toml", "list"])
        .assert()
        .code(2);
    Command::cargo_bin("peacediff")
        .unwrap()
        .env_remove("PEACEDIFF_CONFIG")
        .env("XDG_CONFIG_HOME", home.path())
        .arg("list")
        .assert()
        .success();
}

#[test]
fn the_usual_place_is_xdg_config_home_and_an_empty_variable_turns_the_file_off() {
    let xdg = tempfile::tempdir().unwrap();
    let folder = xdg.path().join("peacediff");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("config.toml"), "theme = 3\n").unwrap();
    let run = |config: Option<&str>| {
        let mut c = Command::cargo_bin("peacediff").unwrap();
        c.env("XDG_CONFIG_HOME", xdg.path())
            .env_remove("PEACEDIFF_CONFIG");
        if let Some(v) = config {
            c.env("PEACEDIFF_CONFIG", v);
        }
        c.arg("list").output().unwrap()
    };
    let found = run(None);
    assert_eq!(
        found.status.code(),
        Some(2),
        "the bad file at the usual place is read"
    );
    assert!(String::from_utf8_lossy(&found.stderr).contains("`theme` must be a string"));
    assert!(
        run(Some("")).status.success(),
        "PEACEDIFF_CONFIG= leaves it out"
    );
}

#[test]
fn config_shows_the_place_and_prints_a_file_that_reads_back() {
    let xdg = tempfile::tempdir().unwrap();
    let expected = xdg.path().join("peacediff").join("config.toml");
    let peacediff = || {
        let mut c = Command::cargo_bin("peacediff").unwrap();
        c.env("XDG_CONFIG_HOME", xdg.path())
            .env_remove("PEACEDIFF_CONFIG");
        c
    };
    let path = peacediff().args(["config", "--path"]).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&path.stdout).trim_end(),
        expected.display().to_string()
    );
    let missing = peacediff().arg("config").output().unwrap();
    let text = String::from_utf8_lossy(&missing.stdout);
    assert!(
        text.contains("(from XDG_CONFIG_HOME)") && text.contains("not there"),
        "{text}"
    );
    let default = peacediff().args(["config", "--default"]).output().unwrap();
    std::fs::create_dir_all(expected.parent().unwrap()).unwrap();
    std::fs::write(&expected, &default.stdout).unwrap();
    let found = peacediff().arg("config").output().unwrap();
    assert!(found.status.success());
    let text = String::from_utf8_lossy(&found.stdout);
    assert!(text.contains("\n             read\n"), "{text}");
    assert!(text.contains("theme          dark"), "{text}");
}

#[test]
fn watch_needs_a_plans_folder() {
    let (mut cmd, _d) = with_config("");
    let out = cmd.arg("--watch").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--watch reloads a plans folder: name one with --plans DIR"),
        "{err}"
    );
}

#[test]
fn a_bad_config_does_not_stop_completions_manual_pages_or_a_fresh_file() {
    let (_, dir) = with_config("theme = \n");
    for args in [
        &["completions", "bash"][..],
        &["man"],
        &["config", "--default"],
        &["config", "--path"],
    ] {
        again(&dir).args(args).assert().success();
    }
}

#[test]
fn the_theme_colours_the_commands_too() {
    let run = |theme: &str| {
        let (mut cmd, _d) = with_config(&format!("theme = \"{theme}\"\n"));
        let out = cmd
            .args([
                "--plans", MINI, "--color", "always", "diff", "alpha", "beta",
            ])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let dark = run("dark");
    assert!(
        dark.contains("\u{1b}[31;9m") && dark.contains("\u{1b}[32;4m"),
        "{dark:?}"
    );
    let blind = run("colour-blind");
    assert!(
        blind.contains("\u{1b}[38;5;166;9m"),
        "removed words in vermilion"
    );
    assert!(blind.contains("\u{1b}[38;5;74;4m"), "added words in blue");
    assert!(
        !blind.contains("\u{1b}[31") && !blind.contains("\u{1b}[32"),
        "{blind:?}"
    );
    let strip = |s: &str| {
        let mut out = String::new();
        let mut in_escape = false;
        for c in s.chars() {
            match c {
                '\u{1b}' => in_escape = true,
                'm' if in_escape => in_escape = false,
                _ if !in_escape => out.push(c),
                _ => {}
            }
        }
        out
    };
    assert_eq!(strip(&blind), strip(&dark), "only the colours differ");
}
