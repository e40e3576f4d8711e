//! Compare: two drafts side by side (stacked when narrow), one aligned row per clause group,
//! word-level highlights, a status gutter and a header with the row counts.

mod row;
mod side;

pub use row::{row_height, row_lines};
#[cfg(test)]
pub use side::split_side_for_test;

use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::theme::Theme;
use crate::tui::wrap;
use peacediff::align::Row;
use peacediff::model::Plan;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Gutter: the row kind's mark, the bracket mark, a space.
const GUTTER: usize = 3;
const SEPARATOR: &str = " │ ";

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let areas = layout::compare(area, app.compare_layout);
    let (Some(l), Some(r), Some(a)) = (
        app.plan(app.compare.left),
        app.plan(app.compare.right),
        app.alignment(),
    ) else {
        // The pair is being aligned on another thread: the rows come when it is done.
        let message = if app.aligning() {
            format!(
                "aligning {} and {}…",
                app.plan_label(app.compare.left, 16),
                app.plan_label(app.compare.right, 16)
            )
        } else {
            "pick two drafts with p".to_string()
        };
        frame.render_widget(Paragraph::new(message), area);
        return;
    };
    render_header(frame, areas.header, app, l, r, a);
    let rows = areas.rows;
    let mut y = 0usize;
    let height = usize::from(rows.height);
    for k in app.compare.rows.offset..app.compare.visible.len() {
        if y >= height {
            break;
        }
        let selected = k == app.compare.rows.selected;
        let skip = if selected { app.row_scroll() } else { 0 };
        let room = height - y;
        // Only the lines that can show (and one more, to know whether the row goes on).
        let mut lines = row_lines(app, k, rows.width, areas.stacked, skip + room + 2);
        // The blank line after a row does not count as more of it.
        let content = lines.len().saturating_sub(1);
        let cut_below = selected && content > skip + room;
        lines.drain(..skip.min(lines.len()));
        let mut shown: Vec<Line> = lines.into_iter().take(room).collect();
        // A row that does not fit says so, and how to read the rest.
        if skip > 0
            && let Some(first) = shown.first_mut()
        {
            *first = more_line(app, &format!("▲ {skip} line(s) above · K: scroll up"));
        }
        if cut_below && let Some(last) = shown.last_mut() {
            *last = more_line(app, "▼ more of this row · J: scroll down");
        }
        for line in shown {
            let r = Rect::new(rows.x, rows.y + y as u16, rows.width, 1);
            frame.render_widget(line, r);
            y += 1;
        }
    }
    if app.compare.visible.is_empty() {
        frame.render_widget(
            Line::styled("no rows to show (u: show unchanged rows)", app.theme.dim()),
            rows,
        );
    }
}

fn render_header(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    l: &Plan,
    r: &Plan,
    a: &peacediff::align::Alignment,
) {
    let t = app.theme;
    let w = usize::from(area.width);
    let side = |p: &Plan, arrow: &str| format!("{arrow} {} ({}) {}", p.short, p.date, p.title);
    let top = if layout::compare(area, app.compare_layout).stacked || w < 60 {
        format!("{}   {}", side(l, "◀"), side(r, "▶"))
    } else {
        let half = w.saturating_sub(GUTTER + wrap::width(SEPARATOR)) / 2;
        format!(
            "{}{}{}{}",
            " ".repeat(GUTTER),
            wrap::fit(&side(l, "◀"), half),
            SEPARATOR,
            side(r, "▶")
        )
    };
    // The engine's counts, in the legend's order and words (the same as `diff` and the export).
    let present = a.counts().items();
    let pos = format!(
        "row {}/{}{}",
        (app.compare.rows.selected + 1).min(app.compare.visible.len()),
        app.compare.visible.len(),
        if app.compare.hide_unchanged {
            " · unchanged hidden"
        } else {
            ""
        }
    );
    // Counts with their words when they fit, else marks and numbers only.
    let long: usize = present
        .iter()
        .map(|(k, n)| format!("{}{} {}  ", k.mark, n, k.word).chars().count())
        .sum();
    let words = long + pos.chars().count() <= w;
    let mut spans: Vec<Span> = present
        .iter()
        .map(|(k, n)| {
            let text = if words {
                format!("{}{} {}  ", k.mark, n, k.word)
            } else {
                format!("{}{} ", k.mark, n)
            };
            Span::styled(text, t.tone(k.tone))
        })
        .collect();
    if !words {
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled(pos, t.dim()));
    frame.render_widget(
        Line::styled(wrap::truncate(&top, w), t.title()),
        Rect::new(area.x, area.y, area.width, 1),
    );
    let second: Vec<Span> = clip_spans(spans, w);
    frame.render_widget(
        Line::from(second),
        Rect::new(area.x, area.y + 1, area.width, 1),
    );
    if let Some(row) = app.compare_row().filter(|_| area.height > 2) {
        frame.render_widget(
            Line::from(clip_spans(row_facts(app, row), w)),
            Rect::new(area.x, area.y + 2, area.width, 1),
        );
    }
}

fn more_line(app: &App, text: &str) -> Line<'static> {
    Line::styled(format!("{}{text}", " ".repeat(GUTTER)), app.theme.key())
}

/// What the selected row rests on and what the engine found in it: the match basis and the
/// commitment-strength findings ("number increased: 600,000 → 800,000").
fn row_facts(app: &App, row: &Row) -> Vec<Span<'static>> {
    let t = app.theme;
    let mut spans = vec![
        Span::styled(
            format!("▸ {} ", row.words_in(&app.corpus)),
            row_style(t, row),
        ),
        Span::styled(format!("· {}", row.basis.describe()), t.dim()),
    ];
    // What the row does to each party's red lines, as the export lists it: "UA ✗→○".
    if let (Some(l), Some(r)) = (app.plan(app.compare.left), app.plan(app.compare.right)) {
        let changes =
            peacediff::analysis::row_standing_changes(&app.corpus, (l, &row.left), (r, &row.right));
        // One entry per party and change, with how many of its lines move that way.
        let mut grouped: Vec<(&peacediff::analysis::StandingChange, usize)> = Vec::new();
        for ch in &changes {
            match grouped
                .iter_mut()
                .find(|(g, _)| g.party == ch.party && g.from == ch.from && g.to == ch.to)
            {
                Some((_, n)) => *n += 1,
                None => grouped.push((ch, 1)),
            }
        }
        for (ch, n) in grouped {
            let party = app
                .corpus
                .party(&ch.party)
                .map_or(ch.party.as_str(), |p| p.short.as_str());
            spans.push(Span::styled(" · ", t.dim()));
            spans.push(Span::styled(format!("{party} "), t.title()));
            for (i, side) in [ch.from, ch.to].into_iter().enumerate() {
                if i == 1 {
                    spans.push(Span::styled("→", t.dim()));
                }
                // A side without clauses (dropped, added) shows the row's own mark.
                let (mark, tone) = match side {
                    Some(s) => (s.mark(), s.legend().tone),
                    None => (row.class().mark(), row.class().legend().tone),
                };
                spans.push(Span::styled(mark, t.tone(tone)));
            }
            if n > 1 {
                spans.push(Span::styled(format!(" ×{n}"), t.dim()));
            }
        }
    }
    for f in &row.strength {
        spans.push(Span::styled(" · ", t.dim()));
        spans.push(Span::styled(f.summary.clone(), t.warning()));
    }
    spans
}

fn clip_spans(spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    let mut used = 0;
    let mut out = Vec::new();
    for s in spans {
        let w = s.width();
        if used + w > width {
            out.push(Span::styled(
                wrap::truncate(&s.content, width - used),
                s.style,
            ));
            break;
        }
        used += w;
        out.push(s);
    }
    out
}

/// A row's style: its class's tone from the legend.
pub fn row_style(t: Theme, row: &Row) -> Style {
    t.tone(row.class().legend().tone)
}
