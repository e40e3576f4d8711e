//! Test helpers: a small fixed corpus, a key-string driver (`"jj<tab><enter>"`, after helix's
//! test helpers) and a screen renderer on ratatui's TestBackend.

use super::app::App;
use super::theme::Theme;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use peacediff::model::{
    ChangeAction, ClauseStatus, Corpus, Effect, Firmness, Inheritance, Link, LinkBasis, Relation,
};
use peacediff::testing::{assess, clause, corpus, party, plan};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Three drafts in date order — "old" (2022), "new" (2025) and its derived "next" — with
/// assessments for four parties, links, a bracketed clause, and Cyrillic and CJK text.
pub fn fixture() -> Corpus {
    use Effect::*;
    let parties = vec![
        party(
            "ua",
            "Ukraine",
            &[
                ("ua-borders", Firmness::HardLegal),
                ("ua-army", Firmness::Firm),
            ],
        ),
        party("ru", "Russia", &[("ru-nato", Firmness::HardDeclared)]),
        party("us", "United States", &[("us-deal", Firmness::Preference)]),
        party("eu", "European Union", &[("eu-seat", Firmness::Firm)]),
    ];
    let mut o1 = clause(
        "1",
        "Ukraine's territorial integrity within its 1991 borders is restored.",
        &["territory"],
    );
    o1.title = "Borders of 1991".into();
    let mut o2 = clause(
        "2",
        "All prisoners are exchanged, all for all.",
        &["humanitarian"],
    );
    o2.title = "Prisoner exchange".into();
    let old = plan("old", (2022, 11, 15), vec![o1, o2]);

    let mut n1 = clause(
        "1",
        "Crimea, Luhansk and Donetsk are recognised as de facto Russian.",
        &["territory"],
    );
    n1.title = "Territory recognised".into();
    n1.assessments = vec![
        assess("ua", Crosses, "ua-borders"),
        assess("ru", Meets, "ru-nato"),
        assess("eu", Partial, "eu-seat"),
    ];
    n1.links = vec![Link {
        plan: "old".into(),
        clause: "1".into(),
        relation: Relation::Opposes,
        basis: LinkBasis::Text,
        note: None,
    }];
    let mut n2 = clause(
        "2",
        "Ukraine's armed forces are capped at 600,000 personnel.",
        &["military"],
    );
    n2.title = "Army capped at 600,000".into();
    n2.assessments = vec![
        assess("ua", Crosses, "ua-army"),
        assess("ru", Partial, "ru-nato"),
    ];
    let mut n3 = clause("3", "Україна не вступає до НАТО; 北约不再扩大。", &["nato"]);
    n3.title = "Без НАТО · 不扩大".into();
    n3.assessments = vec![
        assess("ru", Meets, "ru-nato"),
        assess("us", Meets, "us-deal"),
    ];
    let mut n4 = clause(
        "4",
        "A full amnesty is granted for acts committed during the war.",
        &["humanitarian"],
    );
    n4.title = "Full amnesty".into();
    let new = plan("new", (2025, 11, 20), vec![n1, n2, n3, n4]);

    let mut x1 = clause(
        "1",
        "Territorial questions are left to the presidents to settle.",
        &["territory"],
    );
    x1.title = "Territory to the presidents".into();
    x1.status = Some(ClauseStatus::Bracketed);
    x1.inherited = Some(inherit("1", ChangeAction::Bracketed));
    x1.assessments = vec![assess("ua", Partial, "ua-borders")];
    let mut x2 = clause(
        "2",
        "Ukraine's armed forces are capped at 800,000 personnel.",
        &["military"],
    );
    x2.title = "Army capped at 800,000".into();
    x2.inherited = Some(inherit("2", ChangeAction::Revised));
    x2.assessments = vec![assess("ua", Meets, "ua-army")];
    let mut x3 = clause("3", "Україна не вступає до НАТО; 北约不再扩大。", &["nato"]);
    x3.title = "Без НАТО · 不扩大".into();
    x3.inherited = Some(inherit("3", ChangeAction::Kept));
    let mut next = plan("next", (2025, 11, 23), vec![x1, x2, x3]);
    next.base = Some("new".into());
    corpus(parties, vec![old, new, next])
}

fn inherit(base: &str, action: ChangeAction) -> Inheritance {
    Inheritance {
        base_plan: "new".into(),
        base_clause: base.into(),
        action,
        reported: true,
    }
}

/// The fixture app at a size, comparing "new" with "next".
pub fn app(width: u16, height: u16, color: bool) -> App {
    let mut app = App::new(fixture(), Theme::new(color), width, height);
    app.set_pair(1, 2);
    app.browse.plan = 1;
    app.redlines.plan = 1;
    app.topics.plan = 1;
    app
}

/// Presses keys written as a string: plain characters, and `<tab>`, `<s-tab>`, `<esc>`,
/// `<enter>`, `<bs>`, `<del>`, `<up>`, `<down>`, `<left>`, `<right>`, `<home>`, `<end>`,
/// `<c-left>`, `<c-right>`, control keys (`<c-d>`, `<c-w>`) and Alt keys (`<a-b>`).
pub fn press(app: &mut App, keys: &str) {
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (code, mods, len) = if c == '<' {
            let end = rest.find('>').unwrap_or(rest.len() - 1);
            let name = &rest[1..end];
            let (code, mods) = match name {
                "tab" => (KeyCode::Tab, KeyModifiers::NONE),
                "s-tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
                "esc" => (KeyCode::Esc, KeyModifiers::NONE),
                "enter" => (KeyCode::Enter, KeyModifiers::NONE),
                "bs" => (KeyCode::Backspace, KeyModifiers::NONE),
                "up" => (KeyCode::Up, KeyModifiers::NONE),
                "down" => (KeyCode::Down, KeyModifiers::NONE),
                "left" => (KeyCode::Left, KeyModifiers::NONE),
                "right" => (KeyCode::Right, KeyModifiers::NONE),
                "lt" => (KeyCode::Char('<'), KeyModifiers::NONE),
                "home" => (KeyCode::Home, KeyModifiers::NONE),
                "end" => (KeyCode::End, KeyModifiers::NONE),
                "del" => (KeyCode::Delete, KeyModifiers::NONE),
                "c-left" => (KeyCode::Left, KeyModifiers::CONTROL),
                "c-right" => (KeyCode::Right, KeyModifiers::CONTROL),
                n if n.starts_with("a-") => (
                    KeyCode::Char(n.chars().nth(2).unwrap_or('b')),
                    KeyModifiers::ALT,
                ),
                n if n.starts_with("c-") => (
                    KeyCode::Char(n.chars().nth(2).unwrap_or('c')),
                    KeyModifiers::CONTROL,
                ),
                other => panic!("unknown key <{other}>"),
            };
            (code, mods, end + 1)
        } else {
            (KeyCode::Char(c), KeyModifiers::NONE, c.len_utf8())
        };
        rest = &rest[len..];
        let ev = Event::Key(KeyEvent::new(code, mods));
        if let Some(a) = super::to_action(app, ev) {
            app.update(a);
        }
    }
}

/// The screen as text, one line per row (a wide character's second cell is skipped).
pub fn screen(app: &App) -> String {
    let backend = TestBackend::new(app.width, app.height);
    let mut terminal = Terminal::new(backend).expect("the test backend never fails");
    terminal
        .draw(|f| super::ui::render(f, app))
        .expect("the test backend never fails");
    let buf = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = crate::tui::wrap::width(sym).saturating_sub(1);
            line.push_str(sym);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The rendered buffer, for asserting styles of single cells.
pub fn buffer(app: &App) -> ratatui::buffer::Buffer {
    let backend = TestBackend::new(app.width, app.height);
    let mut terminal = Terminal::new(backend).expect("the test backend never fails");
    terminal
        .draw(|f| super::ui::render(f, app))
        .expect("the test backend never fails");
    terminal.backend().buffer().clone()
}
