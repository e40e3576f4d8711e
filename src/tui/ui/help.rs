//! The `?` overlay: every key binding, generated from the key table, and a legend of marks.

use crate::tui::action::View;
use crate::tui::app::App;
use crate::tui::keymap::prompt::PROMPT_KEYS;
use crate::tui::keymap::{BINDINGS, Scope, is_partner};
use crate::tui::theme::status_mark;
use crate::tui::wrap;
use peacediff::model::ClauseStatus;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// Columns before a key's description ("  n/N    ").
const KEY_COLUMN: usize = 9;

/// The overlay's lines at `width` cells: every entry wrapped under its own column, so no
/// description is cut off on a narrow screen.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let mut out: Vec<Line<'static>> = Vec::new();
    let section = |title: &str| Line::styled(title.to_string(), t.title());
    // `text` wrapped to what is left of the width after `first` (the first line's lead) and
    // an indent of the same width on the lines after.
    let hanging = |first: Span<'static>, text: &str| -> Vec<Line<'static>> {
        let lead = first.width();
        let body = wrap::wrap_plain(text, Style::new(), width.saturating_sub(lead).max(20));
        body.into_iter()
            .enumerate()
            .map(|(i, mut line)| {
                let head = if i == 0 {
                    first.clone()
                } else {
                    Span::raw(" ".repeat(lead))
                };
                line.spans.insert(0, head);
                line
            })
            .collect()
    };
    let key = |label: &str, help: &str| {
        hanging(
            Span::styled(
                format!("  {label:<width$}", width = KEY_COLUMN - 2),
                t.key(),
            ),
            help,
        )
    };
    let note = |text: &str| hanging(Span::raw("  "), text);
    out.push(section("Keys everywhere"));
    // A binding without help, or the second of a pair (`N`, `K`, `[`), is listed with the
    // first of it.
    let listed = |b: &crate::tui::keymap::Binding| !is_partner(&b.action) && !b.help.is_empty();
    for (i, b) in BINDINGS.iter().enumerate() {
        if b.scope == Scope::Everywhere && listed(b) {
            out.extend(key(&app.keymap.label(i), b.help));
        }
    }
    for v in View::ALL {
        let own: Vec<_> = BINDINGS
            .iter()
            .enumerate()
            .filter(|(_, b)| b.scope == Scope::Only(v) && listed(b))
            .collect();
        if own.is_empty() {
            continue;
        }
        out.push(Line::raw(""));
        out.push(section(&format!("Keys in {}", v.title())));
        for (i, b) in own {
            out.extend(key(&app.keymap.label(i), b.help));
        }
    }
    out.push(Line::raw(""));
    out.push(section("Keys in prompts (/ search, e export)"));
    out.extend(key("enter", "accept; esc: cancel; other letters are typed"));
    for k in PROMPT_KEYS.iter().filter(|k| !k.help.is_empty()) {
        out.extend(key(k.label, k.help));
    }
    out.push(Line::raw(""));
    out.push(section("n/N in Compare"));
    out.extend(note(
        "While a search (/) is active, n/N step through its matches; esc clears the search, \
         and n/N go back to jumping between changes.",
    ));
    out.push(Line::raw(""));
    out.push(section("Mouse"));
    out.extend(note(
        "wheel scrolls the pane under the pointer; click selects a row, a cell or a tab",
    ));
    out.push(Line::raw(""));
    // The one legend the CLI and the export use too (peacediff::legend).
    for (title, entries) in peacediff::legend::sections() {
        out.push(section(&format!("Marks for {title}")));
        for e in entries {
            out.extend(key(e.mark, &format!("{}: {}", e.word, e.describe)));
        }
        out.push(Line::raw(""));
    }
    out.push(section("Scoreboard (Red lines)"));
    out.extend(note(peacediff::analysis::PartySummary::CELL_LEGEND));
    out.extend(key(
        "[-x-]",
        "removed words, {+x+} added words (without colour)",
    ));
    out.push(Line::raw(""));
    out.push(section("Marks in clause lists"));
    out.extend(key(status_mark(Some(ClauseStatus::Bracketed)), "bracketed"));
    out.extend(key(status_mark(Some(ClauseStatus::Disputed)), "disputed"));
    out.extend(key(
        status_mark(Some(ClauseStatus::Unknown)),
        "inherited, what happened to it not reported",
    ));
    out.extend(key(
        "r / i",
        "text reported, or inferred (no mark: published text)",
    ));
    out.extend(key("•", "matches the search"));
    out.push(Line::raw(""));
    out.push(section("Config file"));
    out.extend(note(
        "keys, theme, Compare's layout and the plans folder can be set in a config file; \
         `peacediff config` says where it is and what it sets",
    ));
    out.push(Line::raw(""));
    out
}

/// The overlay's size on a screen: (width, height) of its box. Narrow screens get the whole
/// width, so nothing underneath shows at the edges.
fn size(screen: Rect) -> (u16, u16) {
    (screen.width.min(90), screen.height.saturating_sub(2))
}

/// How far the help can scroll on a screen of this size: its last page at the bottom.
pub fn max_scroll(app: &App, screen: Rect) -> usize {
    overlay_max_scroll(screen, |w| lines(app, w))
}

pub fn render(frame: &mut Frame, screen: Rect, app: &App, scroll: usize) {
    let all = |w| lines(app, w);
    render_overlay(frame, screen, app, " help ", "?", all, scroll);
}

/// How far a scrolling overlay whose lines at a width are `lines(width)` can scroll.
pub fn overlay_max_scroll(screen: Rect, lines: impl Fn(usize) -> Vec<Line<'static>>) -> usize {
    let (w, h) = size(screen);
    let all = lines(usize::from(w.saturating_sub(2))).len();
    all.saturating_sub(usize::from(h.saturating_sub(2)))
}

/// A centred, scrolling overlay over the whole body (help, about a draft), closed by Esc or
/// the key `toggle` that opened it.
pub fn render_overlay(
    frame: &mut Frame,
    screen: Rect,
    app: &App,
    title: &str,
    toggle: &str,
    lines: impl Fn(usize) -> Vec<Line<'static>>,
    scroll: usize,
) {
    let (w, h) = size(screen);
    let area = Rect::new((screen.width - w) / 2, 1, w, h);
    let all = lines(usize::from(w.saturating_sub(2)));
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
        format!(" j/k scroll · more ↓ · esc or {toggle} close ")
    } else {
        format!(" esc or {toggle} close ")
    };
    frame.render_widget(
        Paragraph::new(shown).block(
            Block::new()
                .borders(Borders::ALL)
                .border_style(app.theme.border(true))
                .title(title.to_string())
                .title_bottom(bottom),
        ),
        area,
    );
}
