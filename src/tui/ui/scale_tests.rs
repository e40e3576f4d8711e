//! Screens at scale. A clause far longer than the screen: the detail pane and a Compare row
//! show its first lines and say there is more; scrolling to the end shows what follows the
//! text. More drafts than the Topics grid has columns for: the columns scroll with the
//! selected draft.

use crate::tui::app::App;
use crate::tui::testkit::{fixture, press, screen};
use crate::tui::theme::Theme;

/// The fixture with "new" 4's text made `words` words long, ending in "LAST", and "next"
/// given the same clause with one word changed, so that Compare pairs them.
fn long_app(words: usize) -> App {
    let mut corpus = fixture();
    let mut text = "amnesty ".repeat(words);
    text.push_str("LAST");
    let mut plans = corpus.plans.clone();
    plans[1].clauses[3].text = text.clone();
    let mut twin = plans[1].clauses[3].clone();
    twin.text = text.replacen("amnesty", "pardon", 1);
    plans[2].clauses.push(twin);
    corpus = peacediff::testing::corpus(corpus.parties.clone(), plans);
    let mut app = App::new(corpus, Theme::new(false), 100, 30);
    app.set_pair(1, 2);
    app.browse.plan = 1;
    app
}

#[test]
fn the_detail_pane_shows_the_top_of_a_long_clause_and_its_end_after_g() {
    let mut a = long_app(50_000);
    press(&mut a, "jjj");
    let top = screen(&a);
    assert!(top.contains("clause · more ↓"), "{top}");
    assert!(top.contains("amnesty amnesty"));
    assert!(!top.contains("LAST"));
    press(&mut a, "<tab>G");
    let end = screen(&a);
    assert!(end.contains("LAST"), "{end}");
    assert!(end.contains("topics"), "what follows the text: {end}");
    assert!(!end.contains("more ↓"), "{end}");
    press(&mut a, "g");
    let back = screen(&a);
    assert!(
        back.contains("4 · Full amnesty") && back.contains("more ↓"),
        "{back}"
    );
    assert!(!back.contains("LAST"), "back at the top: {back}");
}

#[test]
fn a_compare_row_holding_a_long_clause_shows_its_top_and_scrolls_within() {
    let mut a = long_app(50_000);
    press(&mut a, "2");
    let row = a
        .compare
        .visible
        .iter()
        .position(|&i| a.alignment().is_some_and(|al| al.rows[i].left == [3]))
        .expect("the long clause's row");
    press(&mut a, &"j".repeat(row));
    let shown = screen(&a);
    assert!(
        shown.contains("more of this row · J: scroll down"),
        "{shown}"
    );
    assert!(shown.contains("pardon"), "{shown}");
    press(&mut a, "JJJ");
    let scrolled = screen(&a);
    assert!(scrolled.contains("3 line(s) above"), "{scrolled}");
}

#[test]
fn the_topics_grid_scrolls_its_columns_to_keep_the_selected_draft_in_view() {
    let base = fixture();
    let mut plans = base.plans.clone();
    for i in 0..40u8 {
        let mut p = base.plans[1].clone();
        p.id = format!("d{i:02}");
        p.short = format!("d{i:02}");
        p.date =
            peacediff::model::PartialDate::from_numbers(2026, Some(1), Some(i64::from(i % 28 + 1)))
                .expect("a date");
        plans.push(p);
    }
    let corpus = peacediff::testing::corpus(base.parties.clone(), plans);
    let drafts = corpus.plans.len();
    let mut a = App::new(corpus, Theme::new(false), 100, 30);
    press(&mut a, "4");
    let first = screen(&a);
    assert!(first.contains(&format!("of {drafts})")), "{first}");
    for _ in 0..30 {
        press(&mut a, "l");
        let shown = screen(&a);
        let label = a.plan_label(a.topics.plan, 6).to_string();
        let header = shown.lines().nth(2).unwrap_or_default();
        assert!(header.contains(&label), "{label} not in {header}");
        let lo = a.topics.plan_offset + 1;
        assert!(shown.contains(&format!("({lo}–")), "{shown}");
    }
    assert!(a.topics.plan_offset > 0);
}
