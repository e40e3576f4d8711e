//! Screens of a clause far longer than the screen: the detail pane and a Compare row show
//! its first lines and say there is more; scrolling to the end shows what follows the text.

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
