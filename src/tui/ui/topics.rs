//! Topics: a topic × draft grid of clause counts, the clauses of the selected cell, and the
//! history of the selected clause across every draft in date order.

use super::{marker, pane, row_style};
use crate::tui::app::{App, TopicPane};
use crate::tui::layout::{self, inner};
use crate::tui::wrap;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Width of one draft column in the grid.
const CELL: u16 = 7;

/// The least room left for topic titles when the drafts' columns do not all fit.
const TITLE_MIN: u16 = 16;

/// How many draft columns the grid's inner area of `width` cells draws: all when they fit,
/// else as many as leave `TITLE_MIN` cells for titles (at least one). A corpus of 2,000
/// drafts draws a screenful of columns, scrolled to keep the selected draft in view.
pub fn columns(width: u16, drafts: usize) -> usize {
    if usize::from(CELL) * drafts <= usize::from(width) {
        return drafts;
    }
    (usize::from(width.saturating_sub(TITLE_MIN) / CELL)).clamp(1, drafts.max(1))
}

/// The draft column under `column` in the grid's inner area, whose first column drawn is
/// draft `first`.
pub fn draft_at(body: Rect, drafts: usize, first: usize, column: u16) -> Option<usize> {
    let shown = columns(body.width, drafts).min(drafts.saturating_sub(first));
    let cells = (usize::from(CELL) * shown) as u16;
    let start = body.x + body.width.saturating_sub(cells);
    (column >= start)
        .then(|| first + usize::from((column - start) / CELL))
        .filter(|d| *d < first + shown)
}

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let areas = layout::topics(area, app.corpus.plans.len());
    render_grid(frame, areas.grid, app);
    render_clauses(frame, areas.clauses, app);
    render_history(frame, areas.history, app);
}

fn render_grid(frame: &mut Frame, area: Rect, app: &App) {
    let t = app.theme;
    let focused = app.topics.focus == TopicPane::Grid;
    let body = inner(area);
    let drafts = app.corpus.plans.len();
    // Only the columns on screen are built.
    let first = app.topics.plan_offset.min(drafts);
    let shown = columns(body.width, drafts).min(drafts - first);
    let title = if shown < drafts {
        format!(
            " topic × draft ({}–{} of {drafts}) ",
            first + 1,
            first + shown
        )
    } else {
        " topic × draft ".to_string()
    };
    frame.render_widget(pane(title, focused, t), area);
    let cells_w = usize::from(CELL) * shown;
    let text_w = usize::from(body.width).saturating_sub(cells_w);
    let mut header = vec![Span::styled(wrap::fit(" topic", text_w), t.dim())];
    for i in first..first + shown {
        let style = if i == app.topics.plan {
            t.title()
        } else {
            t.dim()
        };
        let short = app.plan_label(i, 6);
        let pad = 6usize.saturating_sub(wrap::width(short));
        header.push(Span::styled(format!("{}{short} ", " ".repeat(pad)), style));
    }
    frame.render_widget(Line::from(header), Rect::new(body.x, body.y, body.width, 1));
    let hits = app.hits_in_view();
    let cursor = app.topics.topics;
    let rows = usize::from(body.height.saturating_sub(1));
    for (y, (i, topic)) in cursor.visible(&app.corpus.topics, rows) {
        let selected = i == cursor.selected;
        let lead = if selected {
            marker(true)
        } else if hits.contains(&i) {
            "•"
        } else {
            " "
        };
        let mut spans = vec![Span::styled(
            wrap::fit(&format!("{lead}{}", topic.title), text_w),
            row_style(t, selected, focused),
        )];
        for d in first..first + shown {
            let n = app.topic_clauses(i, d).len();
            let cur = selected && d == app.topics.plan;
            let n_text = if n == 0 {
                "·".to_string()
            } else {
                n.to_string()
            };
            // Numbers end in the column where the draft's label ends; brackets fence the
            // selected cell so it shows without colour.
            let text = if cur {
                format!("  [{n_text:>2}]")
            } else {
                format!("   {n_text:>3} ")
            };
            let style = if cur {
                t.selected()
            } else if n == 0 {
                t.dim()
            } else {
                t.label()
            };
            spans.push(Span::styled(wrap::fit(&text, usize::from(CELL)), style));
        }
        frame.render_widget(
            Line::from(spans),
            Rect::new(body.x, body.y + 1 + y as u16, body.width, 1),
        );
    }
}

fn render_clauses(frame: &mut Frame, area: Rect, app: &App) {
    let t = app.theme;
    let focused = app.topics.focus == TopicPane::Clauses;
    let topic = app
        .corpus
        .topics
        .get(app.topics.topics.selected)
        .map_or("", |x| x.title.as_str());
    let plan = app.plan(app.topics.plan);
    let short = plan.map_or("?", |p| p.short.as_str());
    let title = format!(" {short} on {topic} ");
    frame.render_widget(pane(title, focused, t), area);
    let body = inner(area);
    let (Some(plan), cell) = (plan, app.topic_cell()) else {
        return;
    };
    if cell.is_empty() {
        frame.render_widget(
            Line::styled(" no clause of this draft is on this topic", t.dim()),
            Rect::new(body.x, body.y, body.width, 1),
        );
        return;
    }
    let cursor = app.topics.clauses;
    let label_w = super::browse::label_width(plan);
    for (y, (k, &ci)) in cursor.visible(cell, usize::from(body.height)) {
        let Some(c) = plan.clauses.get(ci) else {
            continue;
        };
        let selected = k == cursor.selected;
        let width = usize::from(body.width);
        let depth = plan.depth(ci);
        let line = super::browse::clause_row(t, c, depth, label_w, width, selected, false)
            .style(row_style(t, selected, focused));
        frame.render_widget(line, Rect::new(body.x, body.y + y as u16, body.width, 1));
    }
}

fn render_history(frame: &mut Frame, area: Rect, app: &App) {
    let t = app.theme;
    let focused = app.topics.focus == TopicPane::History;
    let body = inner(area);
    let Some(h) = app.topic_history() else {
        frame.render_widget(pane(" history ", focused, t), area);
        frame.render_widget(
            Line::styled(" select a clause to see it across all drafts", t.dim()),
            Rect::new(body.x, body.y, body.width, 1),
        );
        return;
    };
    let start = app
        .corpus
        .plan(&h.plan)
        .map_or(h.plan.as_str(), |p| p.short.as_str());
    let title = format!(" {start} {} across all drafts, by date ", h.clause.label);
    frame.render_widget(pane(title, focused, t), area);
    let cursor = app.topics.history;
    // Drafts that removed the clause, after its counterparts (they cannot be opened).
    let shown = h.entries.len().min(usize::from(body.height));
    for (k, r) in h
        .removed
        .iter()
        .enumerate()
        .take(usize::from(body.height).saturating_sub(shown))
    {
        let date = app
            .corpus
            .plan(&r.plan)
            .map_or(String::new(), |p| p.date.to_string());
        let text = format!(
            " {} {} {}",
            wrap::fit(&date, 10),
            peacediff::align::RowClass::Dropped.mark(),
            r.describe(&app.corpus)
        );
        frame.render_widget(
            Line::styled(
                wrap::fit(&text, usize::from(body.width)),
                t.tone(peacediff::align::RowClass::Dropped.legend().tone),
            ),
            Rect::new(body.x, body.y + (shown + k) as u16, body.width, 1),
        );
    }
    for (y, (k, e)) in cursor.visible(&h.entries, usize::from(body.height)) {
        let Some(p) = app.corpus.plan(&e.plan) else {
            continue;
        };
        let clause = p.clauses.get(e.clause.index);
        let title = clause.map_or("", |c| c.title.as_str());
        // Bracketed, disputed or unreported in that draft: its mark before the title.
        let status = clause.and_then(|c| c.status);
        let title = match status {
            Some(s) => format!("{} {title}", crate::tui::theme::status_mark(Some(s))),
            None => title.to_string(),
        };
        let selected = k == cursor.selected;
        let lead = if e.hops == 0 { "●" } else { marker(selected) };
        let relation = if e.hops == 0 {
            "this clause"
        } else {
            e.describe.as_str()
        };
        let text = format!(
            "{lead}{} {} {} {:<12} {title}",
            wrap::fit(&p.date.to_string(), 10),
            wrap::fit(app.plan_label_of(&p.id, 7), 7),
            wrap::fit(&e.clause.label, 4),
            relation
        );
        let line = Line::raw(wrap::fit(&text, usize::from(body.width)))
            .style(row_style(t, selected, focused));
        frame.render_widget(line, Rect::new(body.x, body.y + y as u16, body.width, 1));
    }
}
