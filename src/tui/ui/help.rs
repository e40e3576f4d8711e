//! The `?` overlay: every key binding, generated from the key table, and a legend of marks.

use crate::tui::action::View;
use crate::tui::app::App;
use crate::tui::keymap::{BINDINGS, Scope};
use crate::tui::theme::{effect_mark, status_mark};
use peacediff::align::RowKind;
use peacediff::model::{ClauseStatus, Effect};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// The overlay's lines, so tests can read them without drawing.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let t = app.theme;
    let mut out = Vec::new();
    let section = |title: &str| Line::styled(title.to_string(), t.title());
    let key = |label: &str, help: &str| {
        Line::from(vec![
            Span::styled(format!("  {:<7}", label), t.key()),
            Span::raw(help.to_string()),
        ])
    };
    out.push(section("Keys everywhere"));
    for b in BINDINGS.iter().filter(|b| b.scope == Scope::Everywhere) {
        // `n`/`N` are listed once, with the rule for Compare, under Compare.
        if matches!(b.label, "N") {
            continue;
        }
        out.push(key(b.label, b.help));
    }
    for v in View::ALL {
        let own: Vec<_> = BINDINGS
            .iter()
            .filter(|b| b.scope == Scope::Only(v) && b.label != "N")
            .collect();
        if own.is_empty() {
            continue;
        }
        out.push(Line::raw(""));
        out.push(section(&format!("Keys in {}", v.title())));
        for b in own {
            out.push(key(b.label, b.help));
        }
    }
    out.push(Line::raw(""));
    out.push(section("n/N in Compare"));
    out.push(Line::raw(
        "  While a search (/) is active, n/N step through its matches; esc clears the",
    ));
    out.push(Line::raw(
        "  search, and n/N go back to jumping between changes.",
    ));
    out.push(Line::raw(""));
    out.push(section("Mouse"));
    out.push(Line::raw(
        "  wheel scrolls the pane under the pointer; click selects a row, a cell or a tab",
    ));
    out.push(Line::raw(""));
    out.push(section("Marks in Compare (gutter)"));
    for k in RowKind::ALL {
        out.push(key(k.mark(), &format!("{}: {}", k.label(), k.describe())));
    }
    out.push(key("⧗", "bracketed: left open for the leaders"));
    out.push(key(
        "[-x-]",
        "removed words, {+x+} added words (without colour)",
    ));
    out.push(Line::raw(""));
    out.push(section("Marks in clause lists"));
    out.push(key(status_mark(Some(ClauseStatus::Bracketed)), "bracketed"));
    out.push(key(status_mark(Some(ClauseStatus::Disputed)), "disputed"));
    out.push(key(
        status_mark(Some(ClauseStatus::Unknown)),
        "inherited, what happened to it not reported",
    ));
    out.push(key(
        "r / i",
        "text reported, or inferred (no mark: published text)",
    ));
    out.push(key("•", "matches the search"));
    out.push(Line::raw(""));
    out.push(section("Marks in Red lines"));
    for e in [
        Some(Effect::Crosses),
        Some(Effect::Partial),
        Some(Effect::Meets),
        None,
    ] {
        out.push(key(
            effect_mark(e),
            e.map_or("silent: no assessment", |e| e.as_str()),
        ));
    }
    out
}

pub fn render(frame: &mut Frame, screen: Rect, app: &App, scroll: usize) {
    // Narrow screens get the whole width, so nothing underneath shows at the edges.
    let w = screen.width.min(90);
    let h = screen.height.saturating_sub(2);
    let area = Rect::new((screen.width - w) / 2, 1, w, h);
    let all = lines(app);
    let inner_h = usize::from(h.saturating_sub(2));
    let scroll = scroll.min(all.len().saturating_sub(inner_h));
    let more = all.len() > scroll + inner_h;
    let shown: Vec<Line> = all.into_iter().skip(scroll).take(inner_h).collect();
    // The whole screen under the tab bar is cleared, so no half-hidden text shows at the sides.
    frame.render_widget(
        Clear,
        Rect::new(0, 1, screen.width, screen.height.saturating_sub(1)),
    );
    let bottom = if more {
        " j/k scroll · more ↓ · esc or ? close "
    } else {
        " esc or ? close "
    };
    frame.render_widget(
        Paragraph::new(shown).block(
            Block::new()
                .borders(Borders::ALL)
                .border_style(app.theme.border(true))
                .title(" help ")
                .title_bottom(bottom),
        ),
        area,
    );
}
