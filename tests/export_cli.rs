//! `peacediff export` and `peacediff` in a pipe, run as a user would.

use std::path::Path;
use std::process::{Command, Output};

fn peacediff(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_peacediff"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        // Tests never touch the user's cache.
        .env("PEACEDIFF_NO_CACHE", "1")
        .env("PEACEDIFF_CONFIG", "")
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8 errors")
}

#[test]
fn exports_to_standard_output_by_default_and_with_dash() {
    let dir = tempfile::tempdir().unwrap();
    let plain = peacediff(&["export", "28-pt", "19-pt"], dir.path());
    assert!(plain.status.success(), "{}", stderr(&plain));
    assert!(stdout(&plain).starts_with("# 28-pt → 19-pt: "));
    let dash = peacediff(&["export", "us-28", "geneva-19", "-o", "-"], dir.path());
    assert_eq!(stdout(&dash), stdout(&plain));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no file written"
    );
}

#[test]
fn writes_a_file_and_never_overwrites_it_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let first = peacediff(&["export", "28-pt", "19-pt", "-o", "cmp.md"], dir.path());
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stdout(&first).is_empty());
    let path = dir.path().join("cmp.md");
    let written = std::fs::read_to_string(&path).unwrap();
    let expected = stdout(&peacediff(&["export", "28-pt", "19-pt"], dir.path()));
    assert_eq!(written, expected);

    let again = peacediff(
        &[
            "export", "28-pt", "19-pt", "--format", "json", "-o", "cmp.md",
        ],
        dir.path(),
    );
    assert_eq!(again.status.code(), Some(2));
    let err = stderr(&again);
    assert!(
        err.contains("`cmp.md`") && err.contains("already exists"),
        "{err}"
    );
    assert!(err.contains("--force"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        written,
        "left alone"
    );

    let forced = peacediff(
        &[
            "export", "28-pt", "19-pt", "--format", "json", "-o", "cmp.md", "--force",
        ],
        dir.path(),
    );
    assert!(forced.status.success(), "{}", stderr(&forced));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(json["schema"], "peacediff-export/1");
    // Only the one file: no temporary file is left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn says_which_file_and_why_when_it_cannot_write() {
    let dir = tempfile::tempdir().unwrap();
    let missing = peacediff(
        &["export", "28-pt", "19-pt", "-o", "no/such/dir/out.md"],
        dir.path(),
    );
    assert_eq!(missing.status.code(), Some(2));
    let err = stderr(&missing);
    assert!(err.contains("`no/such/dir/out.md`"), "{err}");
    assert!(err.contains("`no/such/dir` does not exist"), "{err}");

    std::fs::create_dir(dir.path().join("folder")).unwrap();
    let folder = peacediff(&["export", "28-pt", "19-pt", "-o", "folder"], dir.path());
    assert_eq!(folder.status.code(), Some(2));
    assert!(
        stderr(&folder).contains("it is a folder"),
        "{}",
        stderr(&folder)
    );
}

#[test]
fn rejects_unknown_filters_and_drafts_with_the_choices() {
    let dir = tempfile::tempdir().unwrap();
    let topic = peacediff(
        &["export", "28-pt", "19-pt", "--topic", "nonsense"],
        dir.path(),
    );
    assert_eq!(topic.status.code(), Some(2));
    assert!(
        stderr(&topic).contains("no topic `nonsense`; the topics are `"),
        "{}",
        stderr(&topic)
    );
    assert!(stdout(&topic).is_empty());

    let party = peacediff(&["export", "28-pt", "19-pt", "--party", "xx"], dir.path());
    assert_eq!(party.status.code(), Some(2));
    assert!(
        stderr(&party).contains("no party `xx`; the parties are `ua`"),
        "{}",
        stderr(&party)
    );

    let same = peacediff(&["export", "28-pt", "us-28"], dir.path());
    assert_eq!(same.status.code(), Some(2));
    assert!(stderr(&same).contains("same draft"), "{}", stderr(&same));

    let draft = peacediff(&["export", "28-pt", "nope"], dir.path());
    assert_eq!(draft.status.code(), Some(2));
    assert!(
        stderr(&draft).contains("no draft `nope`"),
        "{}",
        stderr(&draft)
    );
}

#[test]
fn filters_are_named_in_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = peacediff(
        &[
            "export",
            "28-pt",
            "19-pt",
            "--topic",
            "Territory",
            "--party",
            "ua",
            "--changes-only",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    let filters = md.lines().find(|l| l.starts_with("**Filters:**")).unwrap();
    assert!(
        filters.contains("topic Territory (`territory`)"),
        "{filters}"
    );
    assert!(filters.contains("party Ukraine"), "{filters}");
    assert!(filters.contains("changes only"), "{filters}");
}

#[test]
fn in_a_pipe_no_command_prints_the_default_comparison() {
    let dir = tempfile::tempdir().unwrap();
    // Output captured by the test is a pipe, not a terminal.
    let bare = peacediff(&[], dir.path());
    assert!(bare.status.success(), "{}", stderr(&bare));
    let export = peacediff(&["export", "us-28", "geneva-19"], dir.path());
    assert_eq!(stdout(&bare), stdout(&export));
}

/// `--force` replaces a regular file and nothing else: a FIFO (as a device node would be) is
/// refused with the reason, and left as it was.
#[cfg(unix)]
#[test]
fn force_never_replaces_a_fifo_or_device() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.md");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let o = peacediff(
        &[
            "export",
            "28-pt",
            "19-pt",
            "-o",
            fifo.to_str().unwrap(),
            "--force",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("not a regular file"), "{}", stderr(&o));
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    let o = peacediff(
        &["export", "28-pt", "19-pt", "-o", "/dev/null", "--force"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

/// An export interrupted at any moment leaves either the whole file or none, and never its
/// temporary file; the process ends by the signal (or finishes first).
#[cfg(unix)]
#[test]
fn an_interrupted_export_leaves_no_temporary_file() {
    use std::os::unix::process::ExitStatusExt;
    let plans = tempfile::tempdir().unwrap();
    peacediff::testing::write_synthetic_folder(plans.path(), 2_000, 7).unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_peacediff");
    let args = |out: &Path| {
        let mut c = Command::new(bin);
        c.env("PEACEDIFF_NO_CACHE", "1")
            .env("PEACEDIFF_CONFIG", "")
            .args(["--plans", plans.path().to_str().unwrap()])
            .args(["export", "syn-a", "syn-b", "-o", out.to_str().unwrap()]);
        c
    };
    let whole = out_dir.path().join("whole.md");
    assert!(args(&whole).status().unwrap().success());
    let expected = std::fs::read(&whole).unwrap();
    let mut ended_by_signal = 0;
    for (i, delay) in (0..12u64).map(|k| k * 40).enumerate() {
        let out = out_dir.path().join(format!("run{i}.md"));
        let mut child = args(&out).spawn().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let sig = if i % 2 == 0 { "-INT" } else { "-TERM" };
        let _ = Command::new("kill")
            .args([sig, &child.id().to_string()])
            .status();
        let status = child.wait().unwrap();
        if !status.success() {
            ended_by_signal += 1;
            assert!(status.signal().is_some(), "run {i}: {status:?}");
        }
        if let Ok(written) = std::fs::read(&out) {
            assert!(written == expected, "run {i}: a partial file");
        }
        let debris: Vec<_> = std::fs::read_dir(out_dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().starts_with(".peacediff-"))
            .collect();
        assert!(debris.is_empty(), "run {i}: left {debris:?}");
    }
    assert!(
        ended_by_signal > 0,
        "no run was interrupted: the test proves nothing"
    );
}
