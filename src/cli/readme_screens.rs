//! The README's and the tour's screen captures and command samples are the app's own output:
//! each fenced block after a `<!-- screen: NAME -->` marker must equal what this test renders
//! from the bundled drafts, and each after `<!-- output: ARGS -->` what `peacediff ARGS`
//! prints (after a `$ peacediff ARGS` line), so a change to a view, a command or the corpus
//! cannot leave a stale picture for users.
//!
//! `PEACEDIFF_BLESS=1 cargo test readme_screens` rewrites the blocks; read the diff before
//! committing it, as with any snapshot.

use crate::tui::{
    app::App,
    testkit::{press, screen},
    theme::Theme,
};

/// A named capture: the size, and the keys pressed after the app opens on the bundled drafts.
struct Capture {
    name: &'static str,
    width: u16,
    height: u16,
    keys: &'static str,
}

/// At 80×24, the smallest common terminal, and in monochrome, as the tour says.
const CAPTURES: &[Capture] = &[
    Capture {
        name: "browse",
        width: 80,
        height: 24,
        keys: "jjjjj",
    },
    Capture {
        name: "compare",
        width: 80,
        height: 24,
        keys: "2unnnn",
    },
    Capture {
        name: "red-lines",
        width: 80,
        height: 24,
        keys: "3jjjjj",
    },
    Capture {
        name: "topics",
        width: 80,
        height: 24,
        keys: "4jj<tab>",
    },
    Capture {
        name: "help",
        width: 80,
        height: 24,
        keys: "4?",
    },
];

fn render(c: &Capture) -> String {
    let corpus = peacediff::load::load_bundled()
        .expect("the bundled corpus loads")
        .corpus;
    let mut app = App::new(corpus, Theme::new(false), c.width, c.height);
    press(&mut app, c.keys);
    screen(&app)
}

/// Runs `peacediff ARGS` in process, without colour, and returns the sample as the README
/// shows it: the command line, then what it printed.
fn command_output(args: &str) -> String {
    use clap::Parser;
    let argv: Vec<&str> = std::iter::once("peacediff")
        .chain(["--color", "never"])
        .chain(args.split_whitespace())
        .collect();
    let cli = crate::cli::Cli::parse_from(argv);
    let mut out = String::new();
    let command = cli.command.as_ref().expect("a command");
    crate::cli::run(&cli, command, &mut out).expect("the sample command runs");
    format!("$ peacediff {args}\n{out}")
}

/// What a marker asks for: `screen: NAME` or `output: ARGS`.
fn render_marker(marker: &str, shots: &[(&str, String)]) -> Option<String> {
    if let Some(name) = marker.strip_prefix("screen: ") {
        shots
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| s.clone())
    } else {
        marker.strip_prefix("output: ").map(command_output)
    }
}

/// Replaces the fenced block after each marker with what it asks for; returns the new text and
/// the markers whose block differed.
fn refresh(doc: &str, render: impl Fn(&str) -> Option<String>) -> (String, Vec<String>) {
    let mut out = String::new();
    let mut stale = Vec::new();
    let mut lines = doc.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        out.push_str(line);
        let Some(marker) = line
            .trim()
            .strip_prefix("<!-- ")
            .and_then(|r| r.strip_suffix(" -->"))
            .filter(|m| m.starts_with("screen: ") || m.starts_with("output: "))
        else {
            continue;
        };
        let Some(shot) = render(marker) else {
            stale.push(format!("{marker} (no such capture)"));
            continue;
        };
        // The marker is followed by an opening fence, the capture and a closing fence.
        let fence = lines.next().unwrap_or_default();
        let mut old = String::new();
        for l in lines.by_ref() {
            if l.trim_end() == "```" {
                break;
            }
            old.push_str(l);
        }
        if old != shot {
            stale.push(marker.to_string());
        }
        out.push_str(if fence.starts_with("```") {
            fence
        } else {
            "```\n"
        });
        out.push_str(&shot);
        out.push_str("```\n");
    }
    (out, stale)
}

#[test]
fn readme_screens_are_what_the_app_shows() {
    let shots: Vec<(&str, String)> = CAPTURES.iter().map(|c| (c.name, render(c))).collect();
    let bless = std::env::var_os("PEACEDIFF_BLESS").is_some();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (mut seen, mut samples) = (0, 0);
    for doc in ["README.md", "docs/tour.md"] {
        let path = root.join(doc);
        let text = std::fs::read_to_string(&path).expect("the document reads");
        seen += text.matches("<!-- screen: ").count();
        samples += text.matches("<!-- output: ").count();
        let (fresh, stale) = refresh(&text, |m| render_marker(m, &shots));
        if bless && fresh != text {
            std::fs::write(&path, fresh).expect("the document writes");
        } else {
            assert!(
                stale.is_empty(),
                "{doc}: stale screen captures {stale:?}; run PEACEDIFF_BLESS=1 cargo test \
                 readme_screens and read the diff"
            );
        }
    }
    assert!(seen >= CAPTURES.len(), "every capture is shown somewhere");
    assert!(samples > 0, "the README shows a command's output");
}

#[test]
fn refresh_replaces_only_marked_blocks() {
    let doc = "a\n<!-- screen: x -->\n```\nold\n```\n```\nkept\n```\n";
    let shots = [("x", "new\n".to_string())];
    let (out, stale) = refresh(doc, |m| render_marker(m, &shots));
    assert_eq!(
        out,
        "a\n<!-- screen: x -->\n```\nnew\n```\n```\nkept\n```\n"
    );
    assert_eq!(stale, ["screen: x"]);
    let (again, stale) = refresh(&out, |m| render_marker(m, &shots));
    assert_eq!((again.as_str(), stale.len()), (out.as_str(), 0));
}
