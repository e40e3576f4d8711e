//! The load problems' overlay (`--watch`): why the plans folder did not load, each problem as
//! `check` prints it (file:line:column, the line, a caret, a hint), over the last good screen.
//! Diagnostics are cleaned when they are made; each line is cleaned again here, as everything
//! quoted from a file is before it reaches the terminal.

use crate::tui::app::App;
use crate::tui::wrap;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// The overlay's lines at `width` cells.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let errors = app
        .problems
        .iter()
        .filter(|d| d.severity == peacediff::diagnostic::Severity::Error)
        .count();
    let lead = if app.corpus.plans.is_empty() {
        "Nothing has loaded yet."
    } else {
        "The drafts on screen are from the last load that worked."
    };
    let mut out = wrap::wrap_plain(
        &format!("{errors} error(s) kept the plans folder from loading. {lead}"),
        t.error(),
        width.max(20),
    );
    out.extend(wrap::wrap_plain(
        "Fix the file and save it: the app loads the folder again by itself.",
        t.dim(),
        width.max(20),
    ));
    out.push(Line::raw(""));
    for d in &app.problems {
        for (i, text) in d.to_string().lines().enumerate() {
            let clean = peacediff::sanitize::clean_line(text);
            // The caret line must keep its spaces to stay under the right column.
            let style = if i == 0 {
                t.title()
            } else {
                ratatui::style::Style::new()
            };
            if i == 0 {
                out.extend(wrap::wrap_plain(&clean, style, width.max(20)));
            } else {
                out.push(Line::styled(wrap::truncate(&clean, width), style));
            }
        }
        out.push(Line::raw(""));
    }
    out
}

/// The box: as tall as its lines, at most the screen between the tab bar and the message
/// line, which stays in view.
fn area(app: &App, screen: Rect) -> Rect {
    let w = screen.width.min(100);
    let most = screen.height.saturating_sub(3);
    let want = lines(app, usize::from(w.saturating_sub(2))).len() + 2;
    let h = u16::try_from(want).unwrap_or(u16::MAX).min(most);
    Rect::new((screen.width - w) / 2, 1, w, h)
}

/// How far the list can scroll on a screen of this size.
pub fn max_scroll(app: &App, screen: Rect) -> usize {
    let a = area(app, screen);
    let all = lines(app, usize::from(a.width.saturating_sub(2))).len();
    all.saturating_sub(usize::from(a.height.saturating_sub(2)))
}

pub fn render(frame: &mut Frame, screen: Rect, app: &App, scroll: usize) {
    let a = area(app, screen);
    let all = lines(app, usize::from(a.width.saturating_sub(2)));
    let inner = usize::from(a.height.saturating_sub(2));
    let scroll = scroll.min(all.len().saturating_sub(inner));
    let more = all.len() > scroll + inner;
    let shown: Vec<Line> = all.into_iter().skip(scroll).take(inner).collect();
    frame.render_widget(Clear, a);
    let bottom = if more {
        " j/k scroll · more ↓ · esc hide "
    } else {
        " esc hide "
    };
    frame.render_widget(
        Paragraph::new(shown).block(
            Block::new()
                .borders(Borders::ALL)
                .border_style(app.theme.error())
                .title(" the plans folder did not load ")
                .title_bottom(bottom),
        ),
        a,
    );
}
