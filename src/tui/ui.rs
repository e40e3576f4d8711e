//! `render(frame, &App)`: the layout, then one render function per region. Rendering reads the
//! app and never changes it; diffs and analyses come cached from the app or the library.

pub mod about;
pub mod browse;
pub mod compare;
mod footer;
pub mod help;
pub mod picker;
pub mod problems;
pub mod redlines;
pub mod topics;

#[cfg(test)]
mod scale_tests;
#[cfg(test)]
mod tests;

use super::action::View;
use super::app::{App, Mode};
use super::layout::{self, BRAND};
use super::theme::Theme;
use super::wrap;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn render(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if layout::too_small(area) {
        render_too_small(frame, area);
        return;
    }
    let screen = layout::screen(area);
    render_tabs(frame, screen.tabs, app);
    match app.view {
        View::Browse => browse::render(frame, screen.body, app),
        View::Compare => compare::render(frame, screen.body, app),
        View::RedLines => redlines::render(frame, screen.body, app),
        View::Topics => topics::render(frame, screen.body, app),
    }
    footer::render_message(frame, screen.message, app);
    footer::render_keys(frame, screen.footer, app);
    match &app.mode {
        Mode::Help { scroll } => help::render(frame, area, app, *scroll),
        Mode::About { scroll } => about::render(frame, area, app, *scroll),
        Mode::Picker { purpose, cursor } => picker::render(frame, area, app, *purpose, cursor),
        Mode::Problems { scroll } => problems::render(frame, area, app, *scroll),
        _ => {}
    }
}

fn render_too_small(frame: &mut Frame, area: Rect) {
    let text = format!(
        "terminal too small: {}×{}\npeacediff needs at least {}×{}\n\nenlarge the window, or press q to quit",
        area.width,
        area.height,
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    let p = Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .alignment(ratatui::layout::Alignment::Center);
    let y = area.height.saturating_sub(4) / 2;
    frame.render_widget(
        p,
        Rect::new(area.x, area.y + y, area.width, area.height - y),
    );
}

fn render_tabs(frame: &mut Frame, area: Rect, app: &App) {
    let t = app.theme;
    let mut spans = vec![Span::styled(BRAND, t.title())];
    for (v, label) in layout::tab_labels() {
        let style = if v == app.view {
            t.selected().add_modifier(ratatui::style::Modifier::BOLD)
        } else {
            t.dim()
        };
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(" "));
    }
    let used: usize = spans.iter().map(|s| s.width()).sum();
    let context = context_label(app);
    let room = usize::from(area.width).saturating_sub(used + 1);
    if room > 3 {
        let c = wrap::truncate(&context, room);
        let pad = room.saturating_sub(wrap::width(&c));
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(c, t.label()));
    }
    frame.render_widget(Line::from(spans), area);
}

/// What the tab bar's right end says: the draft or pair on show.
fn context_label(app: &App) -> String {
    let short = |i: usize| app.plan(i).map_or("?", |p| p.short.as_str());
    match app.view {
        View::Browse => short(app.browse.plan).to_string(),
        View::Compare => format!("{} ⇄ {}", short(app.compare.left), short(app.compare.right)),
        View::RedLines => short(app.redlines.plan).to_string(),
        View::Topics => format!("{} drafts", app.corpus.plans.len()),
    }
}

/// A bordered pane whose border shows whether it has the focus.
pub fn pane<'a>(title: impl Into<Line<'a>>, focused: bool, theme: Theme) -> Block<'a> {
    let mut title: Line<'a> = title.into();
    if focused {
        // The focus is also a symbol, for terminals without colour.
        title.spans.insert(0, Span::raw("▶"));
    }
    Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(title)
}

/// The style of a list row: reverse video when selected (dimmer when the pane is not focused).
pub fn row_style(theme: Theme, selected: bool, focused: bool) -> Style {
    match (selected, focused) {
        (true, true) => theme.selected(),
        (true, false) => theme.selected_unfocused(),
        _ => Style::new(),
    }
}

/// The first column of a list row: a marker for the selection, so it shows without colour.
pub fn marker(selected: bool) -> &'static str {
    if selected { "▸" } else { " " }
}
