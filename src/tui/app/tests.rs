//! State tests: key sequences drive `update`, and the resulting state is asserted.

use super::{BrowsePane, Effect, Mode, RedLinePane, TopicPane};
use crate::tui::action::{Action, View};
use crate::tui::testkit::{app, press};

#[test]
fn vim_keys_and_arrows_move_the_clause_selection() {
    let mut a = app(80, 24, true);
    assert_eq!(a.view, View::Browse);
    press(&mut a, "jj");
    assert_eq!(a.browse.list.selected, 2);
    press(&mut a, "<up>");
    assert_eq!(a.browse.list.selected, 1);
    press(&mut a, "G");
    assert_eq!(a.browse.list.selected, 3);
    press(&mut a, "g");
    assert_eq!(a.browse.list.selected, 0);
    press(&mut a, "<c-d>");
    assert_eq!(
        a.browse.list.selected, 3,
        "half a page is more than four clauses"
    );
}

#[test]
fn enter_jumps_to_a_counterpart_and_esc_comes_back() {
    let mut a = app(80, 24, true);
    // "new" 1 opposes "old" 1, and "next" 1 inherits it: two counterparts, in date order.
    assert_eq!(a.counterpart_count(), 2);
    press(&mut a, "<enter>");
    assert_eq!(a.browse.focus, Some(BrowsePane::Counterparts));
    press(&mut a, "<enter>");
    assert_eq!(a.browse_plan().map(|p| p.id.as_str()), Some("old"));
    assert_eq!(a.browse_clause().map(|c| c.id.as_str()), Some("1"));
    press(&mut a, "<esc>");
    assert_eq!(a.browse_plan().map(|p| p.id.as_str()), Some("new"));
    assert_eq!(a.browse.list.selected, 0);
}

#[test]
fn tab_and_shift_tab_cycle_the_panes() {
    let mut a = app(80, 24, true);
    press(&mut a, "<tab>");
    assert_eq!(a.browse.pane(), BrowsePane::Detail);
    press(&mut a, "<tab>");
    assert_eq!(a.browse.pane(), BrowsePane::Counterparts);
    press(&mut a, "<s-tab><s-tab>");
    assert_eq!(a.browse.pane(), BrowsePane::List);
}

#[test]
fn number_keys_switch_views() {
    let mut a = app(80, 24, true);
    for (k, v) in [
        ("2", View::Compare),
        ("3", View::RedLines),
        ("4", View::Topics),
        ("1", View::Browse),
    ] {
        press(&mut a, k);
        assert_eq!(a.view, v);
    }
}

#[test]
fn search_selects_matches_and_n_steps_through_them() {
    let mut a = app(80, 24, true);
    press(&mut a, "/capped");
    assert!(matches!(a.mode, Mode::Search { .. }));
    assert_eq!(a.browse.list.selected, 1, "typing moves to the first match");
    press(&mut a, "<enter>");
    assert_eq!(a.mode, Mode::Normal);
    let s = a.search.clone().expect("the search stays active");
    assert_eq!(s.query, "capped");
    assert_eq!(s.hits, vec![1]);
    press(&mut a, "gn");
    assert_eq!(a.browse.list.selected, 1);
    press(&mut a, "<esc>");
    assert!(a.search.is_none());
}

#[test]
fn search_finds_cyrillic_text() {
    let mut a = app(80, 24, true);
    press(&mut a, "/нато<enter>");
    assert_eq!(a.search.as_ref().map(|s| s.hits.clone()), Some(vec![2]));
    assert_eq!(a.browse.list.selected, 2);
}

#[test]
fn in_compare_n_jumps_changes_unless_a_search_is_active() {
    let mut a = app(80, 24, true);
    press(&mut a, "2");
    let kinds: Vec<_> = a
        .alignment()
        .map(|al| al.rows.iter().map(|r| r.is_change()).collect())
        .unwrap_or_default();
    assert!(!kinds.is_empty());
    press(&mut a, "n");
    let first_change = kinds.iter().skip(1).position(|k| *k).map(|i| i + 1);
    if let Some(i) = first_change {
        assert_eq!(a.compare.rows.selected, i);
    }
    // With a search active, n goes to the next match instead.
    press(&mut a, "g/amnesty<enter>");
    let hits = a
        .search
        .as_ref()
        .map(|s| s.hits.clone())
        .unwrap_or_default();
    assert_eq!(hits.len(), 1, "one row holds the amnesty clause");
    press(&mut a, "gn");
    assert_eq!(a.compare.rows.selected, hits[0]);
    press(&mut a, "<esc>");
    assert!(!a.search_active());
}

#[test]
fn u_hides_unchanged_rows_and_keeps_the_place() {
    let mut a = app(80, 24, true);
    press(&mut a, "2");
    let all = a.compare.visible.len();
    let unchanged = a
        .alignment()
        .map(|al| al.rows.iter().filter(|r| !r.is_change()).count())
        .unwrap_or(0);
    press(&mut a, "u");
    assert!(a.compare.hide_unchanged);
    assert_eq!(a.compare.visible.len(), all - unchanged);
    press(&mut a, "u");
    assert_eq!(a.compare.visible.len(), all);
}

#[test]
fn the_picker_chooses_left_then_right() {
    let mut a = app(80, 24, true);
    press(&mut a, "2p");
    assert!(matches!(a.mode, Mode::Picker { .. }));
    press(&mut a, "k<enter>");
    press(&mut a, "g<enter>");
    assert_eq!(a.mode, Mode::Normal);
    assert_eq!((a.compare.left, a.compare.right), (0, 0));
    press(&mut a, "pj<enter>G<enter>");
    assert_eq!((a.compare.left, a.compare.right), (1, 2));
    press(&mut a, "s");
    assert_eq!((a.compare.left, a.compare.right), (2, 1));
    press(&mut a, "p<esc>");
    assert_eq!(a.mode, Mode::Normal);
}

#[test]
fn y_copies_the_clause_as_plain_text() {
    let mut a = app(80, 24, true);
    press(&mut a, "jy");
    let Some(Effect::Clipboard(text)) = a.effects.last() else {
        panic!("nothing copied");
    };
    assert!(text.contains("Army capped at 600,000"));
    assert!(text.contains("capped at 600,000 personnel."));
    assert!(
        !text.contains('│') && !text.contains('▸'),
        "no borders or marks: {text}"
    );
    // Citable as it stands: how the text is known and where it comes from.
    assert!(text.contains("[published-text]"), "{text}");
    assert!(text.contains("\nSources: "), "{text}");
    // The terminal never confirms a clipboard write: the message claims only what was sent.
    let message = a
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(
        message.starts_with("sent 4 line(s) to the terminal's clipboard"),
        "{message}"
    );
    assert!(!message.contains("copied"));
}

#[test]
fn y_in_compare_copies_both_sides_of_the_row() {
    let mut a = app(80, 24, true);
    press(&mut a, "2");
    let row = a.compare_row().cloned().expect("a row is selected");
    press(&mut a, "y");
    let Some(Effect::Clipboard(text)) = a.effects.last() else {
        panic!("nothing copied");
    };
    for &i in &row.left {
        let c = &a.corpus.plans[1].clauses[i];
        assert!(text.contains(&c.text));
    }
    for &i in &row.right {
        let c = &a.corpus.plans[2].clauses[i];
        assert!(text.contains(&c.text));
    }
}

#[test]
fn red_lines_move_by_cell_and_the_scoreboard_switches_drafts() {
    let mut a = app(80, 24, true);
    press(&mut a, "3lj");
    assert_eq!((a.redlines.rows.selected, a.redlines.party), (1, 1));
    press(&mut a, "lll");
    assert_eq!(a.redlines.party, 3, "stops at the last party");
    press(&mut a, "<tab>");
    assert_eq!(a.redlines.focus, RedLinePane::Scoreboard);
    press(&mut a, "j<enter>");
    assert_eq!(a.redlines.plan, 2);
    assert_eq!(a.redlines.focus, RedLinePane::Matrix);
    press(&mut a, "]");
    assert_eq!(a.redlines.plan, 0, "] cycles round");
}

#[test]
fn topics_cell_lists_clauses_and_enter_opens_one() {
    let mut a = app(80, 24, true);
    press(&mut a, "4");
    // Topics are sorted ids: humanitarian, military, nato, territory.
    assert_eq!(a.corpus.topics[0].id, "humanitarian");
    assert_eq!(a.topics.plan, 1);
    assert_eq!(a.topic_cell(), &[3], "new's amnesty clause");
    press(&mut a, "h");
    assert_eq!(a.topic_cell(), &[1], "old's prisoner exchange");
    press(&mut a, "<enter>");
    assert_eq!(a.topics.focus, TopicPane::Clauses);
    press(&mut a, "<enter>");
    assert_eq!(a.view, View::Browse);
    assert_eq!(a.browse_plan().map(|p| p.id.as_str()), Some("old"));
    assert_eq!(a.browse.list.selected, 1);
}

#[test]
fn topic_history_follows_a_clause_in_date_order() {
    let mut a = app(80, 24, true);
    press(&mut a, "4jj<enter>");
    let h = a.topic_history().expect("a clause is selected");
    let plans: Vec<&str> = h.entries.iter().map(|e| e.plan.as_str()).collect();
    assert_eq!(plans, ["new", "next"]);
}

#[test]
fn export_asks_for_a_path_with_a_default() {
    let mut a = app(80, 24, true);
    let dir = tempfile::tempdir().expect("a temp dir");
    a.export_dir = dir.path().to_path_buf();
    press(&mut a, "2e");
    let expected = dir.path().join("peacediff-new-vs-next.md");
    assert_eq!(
        a.mode,
        Mode::ExportPath {
            path: expected.to_string_lossy().as_ref().into()
        }
    );
    press(&mut a, "<esc>");
    assert_eq!(a.mode, Mode::Normal);
    assert!(!expected.exists());
}

#[test]
fn export_refuses_to_overwrite_without_confirmation() {
    let mut a = app(80, 24, true);
    let dir = tempfile::tempdir().expect("a temp dir");
    a.export_dir = dir.path().to_path_buf();
    let path = dir.path().join("peacediff-new-vs-next.md");
    std::fs::write(&path, "keep me").expect("write");
    press(&mut a, "e<enter>");
    assert_eq!(a.mode, Mode::ConfirmOverwrite { path: path.clone() });
    press(&mut a, "n");
    assert_eq!(a.mode, Mode::Normal);
    assert_eq!(
        std::fs::read_to_string(&path).ok().as_deref(),
        Some("keep me")
    );
    assert!(
        a.message
            .as_ref()
            .is_some_and(|m| m.text.contains("not saved"))
    );
}

#[test]
fn typing_in_a_prompt_never_runs_commands() {
    let mut a = app(80, 24, true);
    press(&mut a, "/q2?");
    assert!(!a.quit);
    assert_eq!(a.view, View::Browse);
    assert_eq!(
        a.mode,
        Mode::Search {
            query: "q2?".into(),
            origin: 0,
        }
    );
    press(&mut a, "<bs><bs><bs><esc>q");
    assert!(a.quit);
}

#[test]
fn ctrl_c_quits_from_anywhere() {
    let mut a = app(80, 24, true);
    press(&mut a, "/abc<c-c>");
    assert!(a.quit);
}

#[test]
fn help_opens_and_closes() {
    let mut a = app(80, 24, true);
    press(&mut a, "?");
    assert_eq!(a.mode, Mode::Help { scroll: 0 });
    press(&mut a, "jj");
    assert_eq!(a.mode, Mode::Help { scroll: 2 });
    press(&mut a, "<esc>");
    assert_eq!(a.mode, Mode::Normal);
}

#[test]
fn a_click_selects_the_row_under_the_pointer_and_tabs_switch_views() {
    let mut a = app(80, 24, true);
    // The list's first row is at y = 2 (tab bar, then the border); the third clause is y = 4.
    a.update(Action::Click { column: 5, row: 4 });
    assert_eq!(a.browse.list.selected, 2);
    a.update(Action::ScrollDown { column: 5, row: 4 });
    assert_eq!(a.browse.list.selected, 3);
    let x = crate::tui::layout::tab_labels().iter().take(2).fold(
        crate::tui::wrap::width(crate::tui::layout::BRAND),
        |x, (_, l)| x + crate::tui::wrap::width(l) + 1,
    );
    a.update(Action::Click {
        column: x as u16 + 2,
        row: 0,
    });
    assert_eq!(a.view, View::RedLines);
}

#[test]
fn resizing_keeps_the_selection_visible() {
    let mut a = app(160, 48, true);
    press(&mut a, "G");
    a.update(Action::Resize {
        width: 60,
        height: 16,
    });
    let c = a.browse.list;
    assert!(c.selected >= c.offset);
    a.update(Action::Resize {
        width: 10,
        height: 3,
    });
    press(&mut a, "jjkk");
    assert_eq!(a.width, 10);
}

#[test]
fn export_writes_the_comparison_and_says_where() {
    let mut a = app(80, 24, true);
    let dir = tempfile::tempdir().expect("a temp dir");
    a.export_dir = dir.path().to_path_buf();
    press(&mut a, "2e<enter>");
    let path = dir.path().join("peacediff-new-vs-next.md");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(text.starts_with("# "), "{text}");
    assert!(text.contains("Army capped at 800,000"));
    assert_eq!(a.last_export.as_deref(), Some(path.as_path()));
    let msg = a.message.clone().map(|m| m.text).unwrap_or_default();
    assert!(msg.contains(&path.display().to_string()), "{msg}");
    // A second export to the same file asks first; `y` overwrites.
    std::fs::write(&path, "old").expect("write");
    press(&mut a, "e<enter>y");
    let again = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(again.starts_with("# "));
}

#[test]
fn an_edited_export_path_is_used() {
    let mut a = app(80, 24, true);
    let dir = tempfile::tempdir().expect("a temp dir");
    a.export_dir = dir.path().to_path_buf();
    press(&mut a, "e");
    let Mode::ExportPath { path } = a.mode.clone() else {
        panic!("no prompt");
    };
    let path = path.text();
    let cut = path.len() - "peacediff-new-vs-next.md".len();
    let erase = "<bs>".repeat(path.len() - cut);
    press(&mut a, &format!("{erase}x.md<enter>"));
    assert!(dir.path().join("x.md").exists());
}

#[test]
fn matrix_cells_come_from_the_red_line_analysis() {
    use peacediff::legend::Standing::*;
    let mut a = app(80, 24, true);
    assert_eq!(
        a.clause_cells(1),
        None,
        "computed when the Red lines view first shows it"
    );
    press(&mut a, "3");
    // "new" 1: UA crosses, RU meets, US silent, EU partial; "new" 2: UA crosses, RU partial,
    // US and EU (assessed elsewhere in "new") silent.
    let cells = a.clause_cells(1).expect("shown");
    assert_eq!(cells[0], vec![Crossed, Met, Silent, Partial]);
    assert_eq!(cells[1], vec![Crossed, Partial, Silent, Silent]);
    a.update(crate::tui::action::Action::PrevDraft);
    assert_eq!(
        a.clause_cells(0).expect("shown")[0],
        vec![NotAssessed; 4],
        "old has no assessments: not assessed, never silent"
    );
}

#[test]
fn the_picker_in_topics_moves_the_draft_column() {
    let mut a = app(80, 24, true);
    press(&mut a, "4p");
    press(&mut a, "G<enter>");
    assert_eq!(a.view, View::Topics);
    assert_eq!(a.topics.plan, 2);
}

#[test]
fn y_in_topics_copies_the_selected_clause_of_the_cell() {
    let mut a = app(80, 24, true);
    press(&mut a, "4<enter>y");
    let Some(Effect::Clipboard(text)) = a.effects.last() else {
        panic!("nothing copied");
    };
    assert!(text.contains("Full amnesty"), "{text}");
}

#[test]
fn enter_on_a_compare_row_opens_it_and_esc_returns_to_compare() {
    let mut a = app(80, 24, true);
    press(&mut a, "2j");
    let row = a.compare_row().cloned().expect("a row");
    press(&mut a, "<enter>");
    assert_eq!(a.view, View::Browse);
    let expected = match (row.right.first(), row.left.first()) {
        (Some(&r), _) => ("next", r),
        (None, Some(&l)) => ("new", l),
        _ => panic!("an empty row"),
    };
    assert_eq!(a.browse_plan().map(|p| p.id.as_str()), Some(expected.0));
    assert_eq!(a.browse.list.selected, expected.1);
    press(&mut a, "<esc>");
    assert_eq!(a.view, View::Compare);
    assert_eq!(a.compare.rows.selected, 1);
}

#[test]
fn tab_reaches_the_rationale_and_j_scrolls_it_within_bounds() {
    let mut a = app(60, 16, true);
    press(&mut a, "3<tab><tab>");
    assert_eq!(a.redlines.focus, RedLinePane::Rationale);
    press(&mut a, "jjjjjjjjjjjjjjjjjjjj");
    let body = crate::tui::layout::inner(
        crate::tui::layout::redlines(a.body(), a.corpus.plans.len()).cell,
    );
    let lines = crate::tui::ui::redlines::rationale_lines(&a, body.width).len();
    assert!(
        lines > usize::from(body.height),
        "the note is long enough to scroll"
    );
    assert_eq!(
        a.redlines.note_scroll,
        lines.saturating_sub(usize::from(body.height)),
        "scrolls to the end and no further"
    );
    press(&mut a, "<tab>j");
    assert_eq!(
        a.redlines.note_scroll, 0,
        "moving in the matrix starts the note at the top"
    );
}

/// Hiding unchanged rows keeps a point the 19-pt framework bracketed, though its words are the
/// 28 points' own: leaving it to the presidents is the change.
#[test]
fn hiding_unchanged_rows_keeps_bracketed_points() {
    let corpus = peacediff::load::load_bundled()
        .expect("bundled corpus")
        .corpus;
    let mut app = crate::tui::app::App::new(corpus, crate::tui::theme::Theme::new(false), 160, 48);
    press(&mut app, "2u");
    assert!(app.compare.hide_unchanged);
    let Some(al) = app.alignment() else {
        panic!("the opening pair is aligned")
    };
    let right = app.plan(app.compare.right).expect("right draft");
    let shown: Vec<&str> = app
        .compare
        .visible
        .iter()
        .flat_map(|&i| {
            al.rows[i]
                .right
                .iter()
                .map(|&c| right.clauses[c].id.as_str())
        })
        .collect();
    assert!(shown.contains(&"4"), "bracketed 19-pt 4 stays: {shown:?}");
    assert!(
        !shown.contains(&"1"),
        "kept-as-is 19-pt 1 is hidden: {shown:?}"
    );
}

#[test]
fn a_search_that_stops_matching_or_is_cancelled_returns_to_where_it_began() {
    let mut a = app(80, 24, true);
    assert_eq!(a.browse.list.selected, 0);
    press(&mut a, "/capped");
    assert_eq!(a.browse.list.selected, 1, "typing moves to the match");
    press(&mut a, "zz");
    assert_eq!(
        a.browse.list.selected, 0,
        "no match any more: back where it began"
    );
    press(&mut a, "<enter>");
    assert_eq!(a.browse.list.selected, 0);
    press(&mut a, "<esc>/capped<esc>");
    assert_eq!(
        a.browse.list.selected, 0,
        "a cancelled search leaves the selection alone"
    );
}

/// `q` in the help or a picker closes it, as Esc does; Ctrl-C quits from anywhere.
#[test]
fn q_closes_overlays_and_ctrl_c_quits() {
    let mut a = app(80, 24, true);
    press(&mut a, "?q");
    assert_eq!(a.mode, Mode::Normal);
    assert!(!a.quit);
    press(&mut a, "pq");
    assert_eq!(a.mode, Mode::Normal);
    assert!(!a.quit);
    press(&mut a, "?<c-c>");
    assert!(a.quit);
    let mut a = app(80, 24, true);
    press(&mut a, "q");
    assert!(a.quit);
}

/// `G` in the help goes to its last page, and `k` then moves at once.
#[test]
fn g_in_help_goes_to_the_end() {
    let mut a = app(80, 24, true);
    press(&mut a, "?G");
    let Mode::Help { scroll } = a.mode else {
        panic!("help is open")
    };
    assert!(scroll > 0);
    let end = crate::tui::testkit::screen(&a);
    assert!(!end.contains("more ↓"), "{end}");
    press(&mut a, "k");
    assert_eq!(a.mode, Mode::Help { scroll: scroll - 1 });
}

/// A window grown after `G` shows the list's top again instead of blank space.
#[test]
fn growing_the_window_after_g_brings_the_top_back() {
    let corpus = peacediff::load::load_bundled().unwrap().corpus;
    let mut a = crate::tui::app::App::new(corpus, crate::tui::theme::Theme::new(false), 80, 16);
    for keys in ["1G", "2G", "4G"] {
        press(&mut a, keys);
        a.update(Action::Resize {
            width: 200,
            height: 120,
        });
        match a.view {
            crate::tui::action::View::Browse => assert_eq!(a.browse.list.offset, 0, "browse"),
            crate::tui::action::View::Topics => assert_eq!(a.topics.topics.offset, 0, "topics"),
            _ => {
                // Not every row fits in Compare: the rows fill the screen down to the last.
                let shown = crate::tui::testkit::screen(&a);
                let lines: Vec<&str> = shown.lines().collect();
                // Blank lines just above the footer line: at most a row's own blank line
                // and one more that a taller row could not use.
                let blank = lines[..lines.len() - 1]
                    .iter()
                    .rev()
                    .take_while(|l| l.trim().is_empty())
                    .count();
                assert!(
                    blank <= 4,
                    "compare: {blank} blank lines at the bottom\n{shown}"
                );
            }
        }
        a.update(Action::Resize {
            width: 80,
            height: 16,
        });
    }
}

/// Ctrl-d in Compare moves by the lines rows take: past more than one or two short rows.
#[test]
fn half_a_page_in_compare_moves_by_lines() {
    let corpus = peacediff::load::load_bundled().unwrap().corpus;
    let mut a = crate::tui::app::App::new(corpus, crate::tui::theme::Theme::new(false), 160, 60);
    press(&mut a, "2u");
    let before = a.compare.rows.selected;
    press(&mut a, "<c-d>");
    let moved = a.compare.rows.selected - before;
    assert!(moved >= 2, "moved {moved} row(s)");
    press(&mut a, "<c-u>");
    assert_eq!(a.compare.rows.selected, before);
}

/// The export prompt reads paths as a shell user types them: `~` is home, a folder gets the
/// default name inside it, a missing folder or a FIFO is said plainly and the prompt stays.
#[test]
fn the_export_prompt_understands_home_folders_and_refuses_what_it_cannot_write() {
    let mut a = app(80, 24, true);
    let dir = tempfile::tempdir().expect("a temp dir");
    a.export_dir = dir.path().to_path_buf();
    let home = dirs::home_dir().unwrap_or_default();
    assert_eq!(a.export_target("~/x.md"), home.join("x.md"));
    assert_eq!(a.export_target("~"), home.join("peacediff-new-vs-next.md"));

    // A folder: the file goes inside it.
    let folder = dir.path().join("out");
    std::fs::create_dir(&folder).unwrap();
    let typed = |a: &mut crate::tui::app::App, p: &std::path::Path| {
        press(a, "e");
        let Mode::ExportPath { path } = a.mode.clone() else {
            panic!("no prompt");
        };
        press(a, &"<bs>".repeat(path.text().chars().count()));
        press(a, &format!("{}<enter>", p.display()));
    };
    typed(&mut a, &folder);
    assert!(folder.join("peacediff-new-vs-next.md").is_file());
    assert_eq!(a.mode, Mode::Normal);

    // A folder that does not exist: said, and the prompt stays for a correction.
    typed(&mut a, &dir.path().join("no/such/x.md"));
    assert!(matches!(a.mode, Mode::ExportPath { .. }));
    let text = a
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(text.contains("its folder does not exist"), "{text}");
    press(&mut a, "<esc>");

    // A FIFO is not offered for overwriting.
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()));
    typed(&mut a, &fifo);
    assert!(matches!(a.mode, Mode::ExportPath { .. }));
    let text = a
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(text.contains("not a regular file"), "{text}");
}

#[test]
fn prompts_edit_at_the_cursor_with_shell_keys() {
    let mut a = app(80, 24, true);
    let dir = tempfile::tempdir().expect("a temp dir");
    a.export_dir = dir.path().to_path_buf();
    press(&mut a, "2e");
    // Ctrl-u empties the line; typing, then moving back a word and inserting there.
    press(&mut a, "<c-u>out.md");
    press(&mut a, "<c-a>new-<end><bs><bs>txt");
    let Mode::ExportPath { path } = a.mode.clone() else {
        panic!("no prompt");
    };
    assert_eq!(path.text(), "new-out.txt");
    press(&mut a, "<home><del><del><del><del>");
    let Mode::ExportPath { path } = a.mode.clone() else {
        panic!("no prompt");
    };
    assert_eq!(path.text(), "out.txt");
    press(&mut a, "<c-e><c-w>");
    let Mode::ExportPath { path } = a.mode.clone() else {
        panic!("no prompt");
    };
    // "out.txt" is one word, as in Unicode's word boundaries.
    assert_eq!(path.text(), "");
    press(&mut a, "<c-y><bs><bs><bs>md<a-b><c-k>");
    let Mode::ExportPath { path } = a.mode.clone() else {
        panic!("no prompt");
    };
    assert_eq!((path.text(), path.cursor()), ("", 0));
    press(&mut a, "<c-y>");
    let Mode::ExportPath { path } = a.mode.clone() else {
        panic!("no prompt");
    };
    assert_eq!((path.text(), path.cursor()), ("out.md", 6));
    press(&mut a, &format!("<c-a>{}/<enter>", dir.path().display()));
    assert!(dir.path().join("out.md").is_file(), "{:?}", a.message);
}

#[test]
fn search_typed_in_the_middle_finds_and_a_cursor_move_keeps_the_hits() {
    let mut a = app(80, 24, true);
    press(&mut a, "/cd<left>appe");
    assert_eq!(a.search.as_ref().map(|s| s.query.as_str()), Some("capped"));
    assert_eq!(a.browse.list.selected, 1);
    press(&mut a, "<home><right>");
    assert_eq!(a.search.as_ref().map(|s| s.hits.clone()), Some(vec![1]));
    let Mode::Search { query, .. } = a.mode.clone() else {
        panic!("no prompt");
    };
    assert_eq!(query.cursor(), 1);
}
