//! One story in every view: over the bundled drafts, the numbers the terminal app, the CLI's
//! text and JSON, and the Markdown export print are the same.
//!
//! Each view is read back as a user sees it (the screen, stdout, the document) and compared
//! with the others, not with the engine, so a view that re-derives or mislabels a count fails.

use crate::cli::{self, Cli};
use crate::tui::{app::App, testkit::screen, theme::Theme};
use clap::Parser;
use peacediff::model::Corpus;

fn bundled() -> Corpus {
    peacediff::load::load_bundled()
        .expect("the bundled corpus loads")
        .corpus
}

/// Runs a command as `peacediff ARGS` would, and returns its stdout.
fn run(args: &[&str]) -> String {
    let cli = Cli::parse_from(std::iter::once("peacediff").chain(args.iter().copied()));
    let mut out = String::new();
    let command = cli.command.as_ref().expect("a command");
    cli::run(&cli, command, &mut out).expect("the command runs");
    out
}

/// "=1 unchanged", "⧗8 bracketed": the (word, count) pairs a counts line holds, in order.
fn counts_in(line: &str, separator: &str) -> Vec<(String, usize)> {
    line.split(separator)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .filter_map(|p| {
            let (head, word) = p.split_once(' ')?;
            let digits: String = head.chars().filter(char::is_ascii_digit).collect();
            Some((word.trim().to_string(), digits.parse().ok()?))
        })
        .collect()
}

#[test]
fn every_pair_of_drafts_has_the_same_counts_in_every_view() {
    let corpus = bundled();
    let ids: Vec<String> = corpus.plans.iter().map(|p| p.id.clone()).collect();
    let mut app = App::new(bundled(), Theme::new(false), 220, 30);
    for (li, a) in ids.iter().enumerate() {
        for (ri, b) in ids.iter().enumerate().filter(|(ri, _)| *ri != li) {
            // CLI text: "53 rows: =1 unchanged · ⧗8 bracketed · …".
            let text = run(&["diff", a, b]);
            let line = text.lines().nth(1).expect("a counts line");
            let (total, rest) = line.split_once(" rows: ").expect("N rows: …");
            let cli_counts = counts_in(rest, " · ");

            // JSON: the same numbers by name (zeros left out, as the text leaves them out).
            let json: serde_json::Value =
                serde_json::from_str(&run(&["diff", a, b, "--format", "json"])).unwrap();
            let json_counts: Vec<(String, usize)> = json["counts"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.replace('_', " "), v.as_u64().unwrap() as usize))
                .filter(|(_, n)| *n > 0)
                .collect();
            // (JSON objects have no order: compared as sets.)
            let sorted = |mut v: Vec<(String, usize)>| {
                v.sort();
                v
            };
            assert_eq!(
                sorted(cli_counts.clone()),
                sorted(json_counts),
                "{a} → {b}: text and JSON"
            );

            // Markdown summary table: "| Bracketed | ⧗ | 8 |", then "| of which moved | ↕ | 2 |".
            let md = run(&["export", a, b]);
            let md_counts: Vec<(String, usize)> = md
                .split("## Summary")
                .nth(1)
                .unwrap()
                .lines()
                .filter(|l| l.starts_with("| ") && !l.starts_with("| Rows") && !l.contains("All"))
                .filter_map(|l| {
                    let cells: Vec<&str> = l.split('|').map(str::trim).collect();
                    let word = cells[1].trim_start_matches("of which ").to_lowercase();
                    Some((word, cells[3].parse().ok()?))
                })
                .filter(|(_, n)| *n > 0)
                .collect();
            assert_eq!(cli_counts, md_counts, "{a} → {b}: text and Markdown");
            let md_total = md
                .lines()
                .find(|l| l.starts_with("| **All**"))
                .and_then(|l| l.split("**").nth(3).map(str::to_string))
                .unwrap();
            assert_eq!(total, md_total, "{a} → {b}: row totals");

            // The terminal app's Compare header.
            app.set_pair(li, ri);
            app.update(crate::tui::action::Action::Show(
                crate::tui::action::View::Compare,
            ));
            let shown = screen(&app);
            let header = shown.lines().nth(2).expect("the counts line");
            let header = header.split("row ").next().unwrap();
            assert_eq!(
                counts_in(header, "  "),
                cli_counts,
                "{a} → {b}: text and the app's header"
            );
        }
    }
}

#[test]
fn every_draft_and_party_has_the_same_standing_in_every_view() {
    let corpus = bundled();
    let mut app = App::new(bundled(), Theme::new(false), 220, 40);
    app.update(crate::tui::action::Action::Show(
        crate::tui::action::View::RedLines,
    ));
    let board = screen(&app);
    let table = run(&["redlines"]);
    let header: Vec<&str> = table.lines().next().unwrap().split_whitespace().collect();
    for (pi, party) in corpus.parties.iter().enumerate() {
        // `redlines`: the party's row of the HARD LINES table, one cell per draft.
        let row = table
            .lines()
            .skip(1)
            .find(|l| l.starts_with(&format!("{} ", party.short)))
            .expect("a row per party");
        let cells = split_cells(&row[party.short.len()..]);
        assert_eq!(cells.len(), header.len() - 2, "{row}");
        for (di, plan) in corpus.plans.iter().enumerate() {
            let cli_cell = &cells[di];
            // The app's scoreboard: the draft's row, this party's cell.
            let line = board
                .lines()
                .filter_map(|l| l.rsplit_once("││").map(|(_, r)| r.trim_end_matches('│')))
                .map(|l| l.trim_start_matches(['▸', ' ']))
                .find(|l| l.starts_with(&format!("{} ", plan.short)))
                .unwrap_or_else(|| panic!("{} on the scoreboard:\n{board}", plan.short));
            let app_cells = split_cells(&line[plan.short.len()..]);
            assert_eq!(
                &app_cells[pi], cli_cell,
                "{} for {}: app and CLI",
                plan.short, party.short
            );
            // The export against any other draft: the party's row of the scoreboard table.
            let other = corpus.plans.iter().find(|p| p.id != plan.id).unwrap();
            let md = run(&["export", &plan.id, &other.id]);
            let md_row = md
                .lines()
                .find(|l| l.starts_with(&format!("| {} ({}) |", party.name, party.short)))
                .expect("the party in the export's scoreboard");
            let md_cell = md_row.split('|').nth(2).unwrap().trim();
            assert_eq!(
                md_cell, cli_cell,
                "{} for {}: export and CLI",
                plan.short, party.short
            );
        }
    }
}

/// Cells separated by two or more spaces ("✗0 ○5" keeps its single space), bars dropped.
fn split_cells(s: &str) -> Vec<String> {
    s.replace('█', "")
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}
