//! A whole compared row as drawn: the status gutter, then both sides side by side or left
//! above right, cut to what the screen can show; and the row's height, for scrolling.
//!
//! Apart from the header and facts line in [`super`] because this is what runs for every
//! visible row in every frame.

use super::side::{Side, same_lines, same_text, side_lines};
use super::{GUTTER, SEPARATOR, row_style};
use crate::tui::app::App;
use crate::tui::wrap;
use peacediff::align::Row;
use ratatui::text::{Line, Span};

/// The lines of visible row `k`, as drawn: gutter, then both sides (side by side or stacked),
/// then a blank line between rows; the first `limit` of them only (what the screen can show:
/// a row holding a 50 MB clause is not wrapped whole for a frame).
pub fn row_lines(
    app: &App,
    k: usize,
    width: u16,
    stacked: bool,
    limit: usize,
) -> Vec<Line<'static>> {
    let Some(row) = app
        .compare
        .visible
        .get(k)
        .and_then(|&i| app.alignment().and_then(|a| a.rows.get(i)))
    else {
        return vec![];
    };
    let width = usize::from(width);
    let body = if stacked {
        stacked_body(app, row, width.saturating_sub(GUTTER + 2).max(1), limit)
    } else {
        let w = width.saturating_sub(GUTTER + wrap::width(SEPARATOR)) / 2;
        side_by_side_body(app, row, w.max(1), limit)
    };
    let mut out = with_gutter(app, row, k == app.compare.rows.selected, body);
    out.push(Line::raw(""));
    out.truncate(limit.max(1));
    out
}

/// Left above right, each side's first line marked with its arrow.
fn stacked_body(app: &App, row: &Row, w: usize, limit: usize) -> Vec<Vec<Span<'static>>> {
    let mut lines = Vec::new();
    for (arrow, side) in [("◀ ", Side::Left), ("▶ ", Side::Right)] {
        if lines.len() >= limit {
            break;
        }
        let side_lines = match side {
            Side::Right if same_text(app, row) => same_lines(app, row, w),
            _ => side_lines(app, row, side, w, limit - lines.len()),
        };
        for (n, l) in side_lines.into_iter().enumerate() {
            let lead = if n == 0 { arrow } else { "  " };
            let mut spans = vec![Span::styled(lead, app.theme.dim())];
            spans.extend(l.spans);
            lines.push(spans);
        }
    }
    lines
}

/// Both sides in columns of `w` cells, padded line by line.
fn side_by_side_body(app: &App, row: &Row, w: usize, limit: usize) -> Vec<Vec<Span<'static>>> {
    let left = side_lines(app, row, Side::Left, w, limit);
    let right = side_lines(app, row, Side::Right, w, limit);
    (0..left.len().max(right.len()))
        .map(|n| {
            let mut spans: Vec<Span<'static>> = Vec::new();
            let lw = left.get(n).map_or(0, |l| {
                spans.extend(l.spans.iter().cloned());
                l.width()
            });
            spans.push(Span::raw(" ".repeat(w.saturating_sub(lw))));
            spans.push(Span::styled(SEPARATOR, app.theme.dim()));
            if let Some(r) = right.get(n) {
                spans.extend(r.spans.iter().cloned());
            }
            spans
        })
        .collect()
}

/// The status gutter: the kind's mark and the bracket mark on the first line; for the selected
/// row, a reverse-video bar down its whole height, so it shows without colour.
fn with_gutter(
    app: &App,
    row: &Row,
    selected: bool,
    body: Vec<Vec<Span<'static>>>,
) -> Vec<Line<'static>> {
    let style = if selected {
        app.theme.selected()
    } else {
        row_style(app.theme, row)
    };
    body.into_iter()
        .enumerate()
        .map(|(n, spans)| {
            let g = match (n, selected) {
                (0, _) => wrap::fit(&row.marks(), GUTTER),
                (_, true) => "▌  ".to_string(),
                (_, false) => "   ".to_string(),
            };
            let mut all = vec![Span::styled(g, style)];
            all.extend(spans);
            Line::from(all)
        })
        .collect()
}

/// The height of visible row `k` in lines, or `cap` when it is taller.
pub fn row_height(app: &App, k: usize, width: u16, stacked: bool, cap: usize) -> usize {
    row_lines(app, k, width, stacked, cap.max(1)).len().max(1)
}
