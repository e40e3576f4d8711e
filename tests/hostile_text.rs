//! Text from plan files and file names never reaches a terminal as a control sequence.
//!
//! Hostile text (escape sequences that retitle the terminal, write the clipboard or clear the
//! screen; C1 controls; bidirectional overrides; arbitrary characters) is put into one field of
//! a small plan folder at a time — identifiers that end up quoted in error messages as well as
//! texts — or into a file's name, and every command's stdout and stderr are read back.

use assert_cmd::Command;
use proptest::prelude::*;
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

mod common;

const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");

/// Where the hostile text goes: (file, what to replace, its replacement with `@` for the text).
const PLACES: &[(&str, &str, &str)] = &[
    (
        "alpha.toml",
        "topics = [\"military-limits\"]",
        "topics = [\"@\"]",
    ),
    ("alpha.toml", "sources = [\"W1\"]\n", "sources = [\"@\"]\n"),
    ("alpha.toml", "party = \"ua\"", "party = \"@\""),
    (
        "alpha.toml",
        "red_lines = [\"ua-no-cap\"]",
        "red_lines = [\"@\"]",
    ),
    ("alpha.toml", "effect = \"crosses\"", "effect = \"@\""),
    ("alpha.toml", "parent = \"3\"", "parent = \"@\""),
    ("alpha.toml", "id = \"alpha\"", "id = \"@\""),
    ("alpha.toml", "date = 2025-11-20", "date = \"@\""),
    ("alpha.toml", "[plan]\n", "[plan]\n\"@\" = 1\n"),
    ("alpha.toml", "title = \"Army capped\"", "title = \"@\""),
    ("alpha.toml", "text = \"The army", "text = \"@ The army"),
    ("beta.toml", "base = \"alpha\"", "base = \"@\""),
    ("beta.toml", "clause = \"1\"", "clause = \"@\""),
    ("beta.toml", "plan = \"alpha\"", "plan = \"@\""),
    ("beta.toml", "action = \"dropped\"", "action = \"@\""),
    ("parties.toml", "id = \"ua\"", "id = \"@\""),
];

/// Text an attacker would write, mixed with arbitrary characters.
fn hostile() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\u{1b}]2;PWNED\u{7}".to_string()),
        Just("\u{1b}]52;c;cGVhY2U=\u{7}".to_string()),
        Just("\u{1b}[2J\u{1b}[H".to_string()),
        Just("\u{9b}31m".to_string()),
        Just("\u{1b}P1$r\u{1b}\\".to_string()),
        Just("\u{202e}\u{2066}\u{61c}".to_string()),
        Just("\r\t\u{7}\u{8}\u{0}".to_string()),
        "[a-z-]{1,6}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 1..4).prop_map(|v| v.concat())
}

/// A TOML basic string's content spelling every character as an escape, so any text fits.
fn toml_escaped(text: &str) -> String {
    text.chars()
        .map(|c| format!("\\U{:08X}", c as u32))
        .collect()
}

/// Bytes for a file name: anything but `/` and NUL.
fn file_name() -> impl Strategy<Value = Vec<u8>> {
    let hostile_bytes = hostile().prop_map(|s| s.into_bytes());
    prop_oneof![hostile_bytes, prop::collection::vec(any::<u8>(), 1..40)].prop_map(|mut b| {
        b.retain(|&x| x != b'/' && x != 0);
        b.truncate(200);
        b.extend_from_slice(b".toml");
        b
    })
}

/// Copies the mini folder into `dir`, with `edit` applied and `alpha.toml` renamed to `alpha`.
fn write_folder(dir: &Path, place: Option<(usize, &str)>, alpha: &OsStr) {
    for name in ["corpus.toml", "parties.toml", "alpha.toml", "beta.toml"] {
        let mut text = std::fs::read_to_string(Path::new(MINI).join(name)).unwrap();
        if let Some((i, h)) = place {
            let (file, from, to) = PLACES[i];
            if file == name {
                assert!(text.contains(from), "{from} is in {file}");
                text = text.replacen(from, &to.replace('@', &toml_escaped(h)), 1);
            }
        }
        let target = if name == "alpha.toml" {
            dir.join(alpha)
        } else {
            dir.join(name)
        };
        std::fs::write(target, text).unwrap();
    }
}

/// Runs every command that loads the folder and checks both output streams.
fn assert_clean_outputs(dir: &Path) -> Result<(), TestCaseError> {
    let commands: [&[&str]; 5] = [
        &["check"],
        &["list"],
        &["show", "alpha", "1"],
        &["diff", "alpha", "beta"],
        &["redlines"],
    ];
    for args in commands {
        let out = Command::cargo_bin("peacediff")
            .unwrap()
            .env("PEACEDIFF_NO_CACHE", "1")
            .env("PEACEDIFF_CONFIG", "")
            .arg("--plans")
            .arg(dir)
            .args(args)
            .output()
            .unwrap();
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let text = String::from_utf8_lossy(bytes);
            let bad = text
                .chars()
                .find(|&c| (c.is_control() && c != '\n') || is_bidi_control(c));
            prop_assert!(bad.is_none(), "{args:?} {stream} carries {bad:?}:\n{text}");
        }
        // A command either worked or said why: never a panic.
        let stderr = String::from_utf8_lossy(&out.stderr);
        prop_assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
    Ok(())
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{61c}')
}

proptest! {
    #![proptest_config(common::proptest_config(24))]

    #[test]
    fn hostile_text_in_any_field_never_reaches_the_terminal(
        place in 0..PLACES.len(),
        text in hostile(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        write_folder(dir.path(), Some((place, &text)), OsStr::new("alpha.toml"));
        assert_clean_outputs(dir.path())?;
    }

    #[test]
    fn hostile_file_names_never_reach_the_terminal(name in file_name()) {
        let dir = tempfile::tempdir().unwrap();
        write_folder(dir.path(), None, OsStr::from_bytes(&name));
        assert_clean_outputs(dir.path())?;
    }
}

/// The case from the issue, every place at once: a topic that retitles the terminal, writes
/// the clipboard and clears the screen.
#[test]
fn the_reported_title_clipboard_and_clear_sequence_is_stripped_everywhere() {
    let attack = "sov\u{1b}]2;PWNED\u{7}\u{1b}]52;c;cGVhY2U=\u{7}\u{1b}[2J";
    for (i, place) in PLACES.iter().enumerate() {
        let dir = tempfile::tempdir().unwrap();
        write_folder(dir.path(), Some((i, attack)), OsStr::new("alpha.toml"));
        if let Err(e) = assert_clean_outputs(dir.path()) {
            panic!("{place:?}: {e}");
        }
    }
}
