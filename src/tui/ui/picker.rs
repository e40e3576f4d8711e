//! The draft picker: a centred list of every draft, for Browse, Red lines and Compare.

use super::{marker, row_style};
use crate::tui::app::{App, Cursor, PickFor};
use crate::tui::wrap;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear};

/// The picker's box for a terminal of `width` × `height` and `n` drafts.
pub fn area(width: u16, height: u16, n: usize) -> Rect {
    let h = (n as u16 + 2).min(height.saturating_sub(4)).max(3);
    let w = width.saturating_sub(8).min(72);
    Rect::new((width - w) / 2, height.saturating_sub(h) / 2, w, h)
}

/// The screen row of the picker's first entry.
pub fn first_row(height: u16, n: usize) -> u16 {
    area(100, height, n).y + 1
}

pub fn render(frame: &mut Frame, screen: Rect, app: &App, purpose: PickFor, cursor: &Cursor) {
    let t = app.theme;
    let n = app.corpus.plans.len();
    let box_ = area(screen.width, screen.height, n);
    let title = match purpose {
        PickFor::Browse => " browse which draft? ".to_string(),
        PickFor::RedLines => " red lines of which draft? ".to_string(),
        PickFor::Topics => " which draft's column? ".to_string(),
        PickFor::CompareLeft => " compare: the LEFT draft? ".to_string(),
        PickFor::CompareRight { left } => format!(
            " compare {} with which RIGHT draft? ",
            app.plan(left).map_or("?", |p| p.short.as_str())
        ),
    };
    frame.render_widget(Clear, box_);
    frame.render_widget(
        Block::new()
            .borders(Borders::ALL)
            .border_style(t.border(true))
            .title(title)
            .title_bottom(" enter: choose · esc: cancel "),
        box_,
    );
    let body = crate::tui::layout::inner(box_);
    for (y, (i, p)) in cursor.visible(&app.corpus.plans, usize::from(body.height)) {
        let selected = i == cursor.selected;
        let text = format!(
            "{}{} {} {}",
            marker(selected),
            wrap::fit(app.plan_label(i, 8), 8),
            wrap::fit(&p.date.to_string(), 10),
            p.title
        );
        frame.render_widget(
            Line::raw(wrap::fit(&text, usize::from(body.width)))
                .style(row_style(t, selected, true)),
            Rect::new(body.x, body.y + y as u16, body.width, 1),
        );
    }
}
