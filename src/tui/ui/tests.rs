//! Screens: every view, the help overlay, a narrow terminal and NO_COLOR, through ratatui's
//! TestBackend and insta; cell styles asserted directly where colour carries meaning.

use crate::tui::testkit::{app, buffer, press, screen};
use insta::assert_snapshot;
use ratatui::style::{Color, Modifier};

fn shot(keys: &str, w: u16, h: u16, color: bool) -> String {
    let mut a = app(w, h, color);
    press(&mut a, keys);
    screen(&a)
}

#[test]
fn browse_80x24() {
    assert_snapshot!(shot("j", 80, 24, true));
}

#[test]
fn browse_160x48() {
    assert_snapshot!(shot("j", 160, 48, true));
}

#[test]
fn compare_80x24_stacked() {
    assert_snapshot!(shot("2", 80, 24, true));
}

#[test]
fn compare_160x48_side_by_side() {
    assert_snapshot!(shot("2", 160, 48, true));
}

#[test]
fn compare_no_color_fences_changed_words() {
    let s = shot("2", 160, 48, false);
    assert_snapshot!(s);
}

#[test]
fn red_lines_80x24() {
    assert_snapshot!(shot("3l", 80, 24, true));
}

#[test]
fn red_lines_160x48() {
    assert_snapshot!(shot("3", 160, 48, true));
}

#[test]
fn topics_80x24() {
    assert_snapshot!(shot("4jj<enter>", 80, 24, true));
}

#[test]
fn topics_160x48() {
    assert_snapshot!(shot("4jj<enter>", 160, 48, true));
}

#[test]
fn help_80x24() {
    assert_snapshot!(shot("?", 80, 24, true));
}

#[test]
fn help_160x48() {
    assert_snapshot!(shot("?", 160, 48, true));
}

#[test]
fn help_wraps_every_entry_instead_of_cutting_it() {
    let a = app(80, 24, true);
    for width in [40, 60, 78, 88] {
        let lines = super::help::lines(&a, width);
        assert!(
            lines.iter().all(|l| l.width() <= width),
            "a help line is wider than {width}"
        );
        let text: String = lines
            .iter()
            .map(|l| l.to_string())
            .collect::<Vec<_>>()
            .join(" ");
        let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        let all = words(&text).join(" ");
        for b in crate::tui::keymap::BINDINGS
            .iter()
            .filter(|b| !crate::tui::keymap::is_partner(&b.action))
        {
            assert!(
                all.contains(&words(b.help).join(" ")),
                "`{}` is not whole in the help at {width} cells",
                b.help
            );
        }
    }
}

#[test]
fn too_small() {
    assert_snapshot!(shot("", 50, 12, true));
}

#[test]
fn narrow_60x16_browse() {
    assert_snapshot!(shot("jj", 60, 16, false));
}

#[test]
fn picker_80x24() {
    assert_snapshot!(shot("2p", 80, 24, true));
}

#[test]
fn search_prompt_80x24() {
    assert_snapshot!(shot("/army", 80, 24, true));
}

#[test]
fn the_selected_row_is_reverse_video_with_and_without_colour() {
    for color in [true, false] {
        let mut a = app(80, 24, color);
        press(&mut a, "j");
        let buf = buffer(&a);
        // The list's second row is at y = 3; its marker column at x = 1.
        assert_eq!(buf[(1, 3)].symbol(), "▸");
        assert!(
            buf[(5, 3)].modifier.contains(Modifier::REVERSED),
            "color={color}"
        );
        assert!(!buf[(5, 2)].modifier.contains(Modifier::REVERSED));
    }
}

#[test]
fn crosses_is_red_in_colour_and_a_symbol_always() {
    for color in [true, false] {
        let mut a = app(80, 24, color);
        press(&mut a, "3j");
        let text = screen(&a);
        assert!(text.contains('✗'));
        let buf = buffer(&a);
        let cross = buf
            .content()
            .iter()
            .find(|c| c.symbol() == "✗")
            .map(|c| c.fg);
        let expected = if color { Color::Red } else { Color::Reset };
        assert_eq!(cross, Some(expected), "color={color}");
    }
}

#[test]
fn every_size_from_tiny_to_large_renders_without_panic() {
    let mut a = app(80, 24, true);
    for (w, h) in [
        (1, 1),
        (20, 5),
        (59, 15),
        (60, 16),
        (80, 24),
        (100, 30),
        (250, 80),
    ] {
        a.update(crate::tui::action::Action::Resize {
            width: w,
            height: h,
        });
        for k in ["1", "2", "3", "4", "?"] {
            press(&mut a, k);
            let s = screen(&a);
            assert_eq!(s.lines().count(), usize::from(h));
            press(&mut a, "<esc>");
        }
    }
}

#[test]
fn escape_sequences_in_plan_files_never_reach_the_screen() {
    let mut files = peacediff::testing::synthetic_files(5, 3);
    let plan = files
        .iter_mut()
        .find(|f| f.text.contains("[[clause]]"))
        .expect("a plan file");
    // A colour change, a title change and a bell, written as TOML escapes in a clause text.
    plan.text = plan.text.replacen(
        "text = \"",
        "text = \"\\u001b[31mRED\\u001b]0;pwned\\u0007 \\u009b2J",
        1,
    );
    let corpus = peacediff::load::load_texts(files)
        .expect("the edited files still load")
        .corpus;
    let mut a = crate::tui::app::App::new(corpus, crate::tui::theme::Theme::new(true), 100, 30);
    for keys in ["1", "<tab>", "2", "3", "4"] {
        press(&mut a, keys);
        let buf = buffer(&a);
        let all: String = buf.content().iter().map(|c| c.symbol()).collect();
        assert!(
            !all.chars().any(|c| c.is_control()),
            "a control character was drawn after {keys}"
        );
    }
    let text = screen(&{
        let mut b = a;
        press(&mut b, "1g");
        b
    });
    assert!(
        text.contains("RED"),
        "the text around the escapes is kept:\n{text}"
    );
}

#[test]
fn without_colour_no_cell_has_a_colour() {
    let mut a = app(160, 48, false);
    for keys in [
        "1", "<tab>", "2", "3", "<tab>", "4", "<enter>", "?", "<esc>p",
    ] {
        press(&mut a, keys);
        let buf = buffer(&a);
        for c in buf.content() {
            assert!(
                c.fg == Color::Reset && c.bg == Color::Reset,
                "a coloured cell {:?} after {keys}",
                c.symbol()
            );
        }
    }
}

/// "new" against "next" as one revised row (the army cap) and one kept row.
fn revised_pair(color: bool) -> crate::tui::app::App {
    use peacediff::align::{Alignment, MatchBasis, Row, RowKind};
    let mut a = app(160, 48, color);
    let (l, r) = (&a.corpus.plans[1].clauses[1], &a.corpus.plans[2].clauses[1]);
    let diff = peacediff::diff::word_diff(&l.text, &r.text);
    let row = |kind, left: usize, right: usize, diff| Row {
        kind,
        left: vec![left],
        right: vec![right],
        basis: MatchBasis::None,
        diff,
        strength: vec![],
        bracketed: false,
        bracketed_by: vec![],
        moved: false,
        unreported: false,
        disputed: false,
        removal: None,
    };
    a.replace_alignment(Alignment {
        left: "new".into(),
        right: "next".into(),
        rows: vec![
            row(RowKind::Revised, 1, 1, Some(diff)),
            row(RowKind::Unchanged, 2, 2, None),
        ],
    });
    press(&mut a, "2");
    a
}

#[test]
fn changed_words_are_coloured_and_fenced_without_colour() {
    let a = revised_pair(true);
    let buf = buffer(&a);
    let coloured = |fg: Color| {
        buf.content()
            .iter()
            .filter(|c| {
                c.fg == fg
                    && c.symbol()
                        .chars()
                        .all(|ch| ch.is_ascii_digit() || ch == ',')
            })
            .map(|c| c.symbol())
            .collect::<String>()
    };
    assert!(
        coloured(Color::Red).contains("600,000"),
        "removed words red"
    );
    assert!(
        coloured(Color::Green).contains("800,000"),
        "added words green"
    );
    let plain = screen(&revised_pair(false));
    assert!(
        plain.contains("[-600,000-]") && plain.contains("{+800,000+}"),
        "{plain}"
    );
}

#[test]
fn u_hides_the_unchanged_row_on_screen() {
    let mut a = revised_pair(false);
    assert!(screen(&a).contains("Без НАТО"));
    press(&mut a, "u");
    let s = screen(&a);
    assert!(!s.contains("Без НАТО"), "{s}");
    assert!(s.contains("Army capped at 800,000"));
}

#[test]
fn compare_revised_row_no_color_160x48() {
    assert_snapshot!(screen(&revised_pair(false)));
}

#[test]
fn compare_revised_row_no_color_80x24_stacked() {
    let mut a = revised_pair(false);
    a.update(crate::tui::action::Action::Resize {
        width: 80,
        height: 24,
    });
    assert_snapshot!(screen(&a));
}

#[test]
fn an_empty_or_single_draft_corpus_never_panics() {
    use peacediff::testing::{clause, corpus, plan};
    let one = corpus(
        vec![],
        vec![plan("only", (2025, 1, 1), vec![clause("1", "Text.", &[])])],
    );
    for c in [corpus(vec![], vec![]), one] {
        let mut a = crate::tui::app::App::new(c, crate::tui::theme::Theme::new(true), 80, 24);
        for keys in [
            "jkG",
            "<tab><enter>",
            "2nNu<enter>y",
            "3lh<tab>j<enter>",
            "4<enter><enter>",
            "p<enter><enter>",
            "/x<enter>n",
            "?<esc>",
            "e<esc>",
        ] {
            press(&mut a, keys);
            let s = screen(&a);
            assert_eq!(s.lines().count(), 24);
        }
    }
}

/// A draft known only as reported changes must not look like it crosses nothing: the
/// scoreboard marks its unassessed lines as open.
#[test]
fn scoreboard_marks_lines_a_derived_draft_leaves_open() {
    let corpus = peacediff::load::load_bundled()
        .expect("bundled corpus")
        .corpus;
    let mut a = crate::tui::app::App::new(corpus, crate::tui::theme::Theme::new(false), 160, 48);
    press(&mut a, "3");
    let s = screen(&a);
    let row = s
        .lines()
        .find(|l| l.contains(" 19-pt "))
        .expect("19-pt on the scoreboard");
    let board = &row[row.find(" 19-pt ").unwrap()..];
    assert!(board.contains("✗0 ○"), "open lines shown: {board}");
    assert!(
        !board.contains('✓'),
        "no clean tick for a draft with open lines: {board}"
    );
    let full = s
        .lines()
        .find(|l| l.contains("▸28-pt ") && l.contains('✗'))
        .expect("28-pt row");
    assert!(
        !full.contains('○'),
        "the fully assessed 28 points have nothing open: {full}"
    );
}

/// An unreported point of a derived draft is "not assessed", never "silent": silence would
/// claim the parties have no position on text that may not exist.
#[test]
fn unreported_clause_is_not_called_silent() {
    let corpus = peacediff::load::load_bundled()
        .expect("bundled corpus")
        .corpus;
    let geneva = corpus
        .plans
        .iter()
        .position(|p| p.id == "geneva-19")
        .expect("19-pt");
    let unknown = corpus.plans[geneva].clause_index("2").expect("19-pt 2");
    let mut a = crate::tui::app::App::new(corpus, crate::tui::theme::Theme::new(false), 160, 48);
    a.browse.plan = geneva;
    a.browse.list.selected = unknown;
    let s = screen(&a);
    assert!(
        s.contains("○ open (unreported)") && !s.contains("silent"),
        "{s}"
    );
    assert!(!s.contains("silent"), "{s}");
}

/// A row taller than the screen says there is more, and J/K scroll within it.
#[test]
fn a_tall_row_says_there_is_more_and_scrolls_within_itself() {
    let mut corpus = crate::tui::testkit::fixture();
    corpus.plans[1].clauses[0].text = "A long clause that runs on. ".repeat(30);
    let mut a = crate::tui::app::App::new(corpus, crate::tui::theme::Theme::new(false), 60, 16);
    a.set_pair(1, 2);
    press(&mut a, "2");
    let before = screen(&a);
    assert!(
        before.contains("▼ more of this row · J: scroll down"),
        "{before}"
    );
    press(&mut a, "J");
    let after = screen(&a);
    assert!(
        after.contains("▲ 1 line(s) above · K: scroll up"),
        "{after}"
    );
    press(&mut a, "K");
    assert_eq!(screen(&a), before, "K scrolls back");
    // Scrolling stops once the row's last line is on screen.
    press(&mut a, &"J".repeat(50));
    let bottom = screen(&a);
    assert!(!bottom.contains("▼ more of this row"), "{bottom}");
    // Moving to another row starts it from its top.
    press(&mut a, "j");
    assert!(!screen(&a).contains("line(s) above"));
}

/// In a merged or split row, each clause's text sits under its own label, diff marks included.
#[test]
fn each_clause_of_a_merged_side_keeps_its_own_text() {
    use peacediff::diff::word_diff;
    let d = word_diff("one two\n\nthree four", "one six\n\nthree four");
    let t = crate::tui::theme::Theme::new(false);
    let text = |pieces: Vec<Vec<ratatui::text::Span<'static>>>| -> Vec<String> {
        pieces
            .iter()
            .map(|p| p.iter().map(|s| s.content.to_string()).collect())
            .collect()
    };
    let left = super::compare::split_side_for_test(&d, true, &[7, 10], t);
    assert_eq!(text(left), ["one [-two-]", "three four"]);
    let right = super::compare::split_side_for_test(&d, false, &[7, 10], t);
    assert_eq!(text(right), ["one {+six+}", "three four"]);
}

#[test]
fn the_prompt_draws_its_cursor_where_it_is_and_scrolls_a_long_line() {
    let mut a = app(80, 24, false);
    press(&mut a, "/army<left><left>");
    let buf = buffer(&a);
    let y = 22;
    let row: String = (0..8).map(|x| buf[(x, y)].symbol()).collect();
    assert_eq!(row, "/army  1", "the text stays whole around the cursor");
    assert!(
        buf[(3, y)].modifier.contains(Modifier::REVERSED),
        "cursor on `m`"
    );
    assert!(!buf[(2, y)].modifier.contains(Modifier::REVERSED));

    // A path longer than the line: its end, where the cursor is, stays in view.
    let mut a = app(80, 24, false);
    press(&mut a, "2e<c-u>");
    press(&mut a, &format!("{}end.md", "d/".repeat(60)));
    let text = screen(&a);
    let line = text.lines().nth(22).unwrap_or_default();
    assert!(line.starts_with("export to: "), "{line}");
    assert!(line.ends_with("end.md█"), "{line}");
}

/// The worked example of the format (two invented agreements): its draft, in Browse.
fn agreements_app(w: u16, h: u16) -> crate::tui::app::App {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/agreements");
    let corpus = peacediff::load::load_dir(&dir)
        .expect("the example loads")
        .corpus;
    let mut a = crate::tui::app::App::new(corpus, crate::tui::theme::Theme::new(false), w, h);
    a.browse.plan = 1;
    a
}

/// A footnote's items sit one step further in than the footnote, which sits under its point;
/// the detail of the point they depend on says who refers to it.
#[test]
fn nested_footnote_and_references_80x24() {
    let mut a = agreements_app(80, 24);
    press(&mut a, "jjjj");
    assert_snapshot!(screen(&a));
}

/// `i`: who proposed, signed, mediated, guaranteed and observed the draft, its documents and
/// sources; Esc closes it.
#[test]
fn about_the_draft_80x24() {
    let mut a = agreements_app(80, 24);
    press(&mut a, "i");
    let s = screen(&a);
    assert_snapshot!(s);
    press(&mut a, "<esc>");
    assert_eq!(a.mode, crate::tui::app::Mode::Normal);
}

/// Compare names who bracketed a clause and how it is known, in the words Browse and `show`
/// use, not a bare status.
#[test]
fn compare_says_who_bracketed_and_how_a_clause_is_known() {
    let mut a = agreements_app(100, 40);
    a.set_pair(0, 1);
    press(&mut a, "2G");
    let s = screen(&a);
    assert!(
        s.contains("7 Working group on crossings (bracketed by all"),
        "{s}"
    );
    assert!(s.contains("delegations; reported · low confidence)"), "{s}");
    assert!(s.contains("(bracketed by NL)"), "{s}");
}
