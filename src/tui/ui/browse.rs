//! Browse: a draft's clauses beside the selected clause in full, and its counterparts.

mod detail;

pub use detail::detail;

use super::{marker, pane, row_style};
use crate::tui::app::{App, BrowsePane};
use crate::tui::layout::{self, inner};
use crate::tui::theme::{Theme, certainty_mark, status_mark};
use crate::tui::wrap::{self, LineIndex};
use peacediff::model::{Clause, Plan};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let Some(plan) = app.browse_plan() else {
        frame.render_widget(Paragraph::new("no drafts loaded"), area);
        return;
    };
    let areas = layout::browse(area, app.counterpart_count());
    render_list(frame, areas.list, app, plan);
    render_detail(frame, areas.detail, app);
    render_counterparts(frame, areas.counterparts, app);
}

/// One list row: marker, label, status and certainty marks, title.
pub fn clause_row(
    theme: Theme,
    c: &Clause,
    depth: usize,
    label_w: usize,
    width: usize,
    selected: bool,
    hit: bool,
) -> Line<'static> {
    let head = format!(
        "{}{} {}{}",
        if selected {
            marker(true)
        } else if hit {
            "•"
        } else {
            " "
        },
        wrap::fit(&c.label, label_w),
        status_mark(c.status),
        certainty_mark(c.certainty),
    );
    let room = width.saturating_sub(wrap::width(&head) + 1);
    // Sub-points step in by a cell a level (a footnote's items under their point), up to a
    // third of the row so that deep nesting never hides the title.
    let indent = " ".repeat(depth.min(room / 3));
    let title = wrap::fit(&format!("{indent}{}", c.title), room);
    Line::from(vec![
        Span::raw(head),
        Span::raw(" "),
        Span::styled(title, if hit { theme.title() } else { Style::new() }),
    ])
}

pub fn label_width(plan: &Plan) -> usize {
    plan.clauses
        .iter()
        .map(|c| wrap::width(&c.label))
        .max()
        .unwrap_or(1)
        .clamp(2, 6)
}

fn render_list(frame: &mut Frame, area: Rect, app: &App, plan: &Plan) {
    let focused = app.browse.pane() == BrowsePane::List;
    let title = format!(" {} · {} clauses ", plan.short, plan.clauses.len());
    let block = pane(title, focused, app.theme);
    let body = inner(area);
    frame.render_widget(block, area);
    let hits = app.hits_in_view();
    let label_w = label_width(plan);
    let cursor = app.browse.list;
    // Only the rows on screen are built, so a 10,000-clause draft costs what 20 rows cost.
    for (y, (i, c)) in cursor.visible(&plan.clauses, usize::from(body.height)) {
        let selected = i == cursor.selected;
        let line = clause_row(
            app.theme,
            c,
            plan.depth(i),
            label_w,
            usize::from(body.width),
            selected,
            hits.binary_search(&i).is_ok(),
        )
        .style(row_style(app.theme, selected, focused));
        let r = Rect::new(body.x, body.y + y as u16, body.width, 1);
        frame.render_widget(line, r);
    }
}

/// The selected clause in the detail pane: the lines above its text, the text, and the lines
/// below it. The text alone can be long; it is wrapped through a [`LineIndex`], a screenful
/// at a time.
pub struct Detail<'a> {
    pub head: Vec<Line<'static>>,
    pub text: &'a str,
    pub tail: Vec<Line<'static>>,
}

impl Detail<'_> {
    /// The pane's lines from `scroll`, at most `height` of them, and whether more follow.
    /// `index` must know the text's lines as far as `scroll + height + 1`, or be complete.
    pub fn window(
        &self,
        index: &LineIndex,
        scroll: usize,
        height: usize,
    ) -> (Vec<Line<'static>>, bool) {
        let (head, text) = (self.head.len(), index.known());
        let end = scroll + height;
        let mut out: Vec<Line<'static>> = self
            .head
            .iter()
            .skip(scroll)
            .take(height)
            .cloned()
            .collect();
        let from = scroll.saturating_sub(head);
        let to = end.saturating_sub(head).min(text);
        if from < to {
            out.extend(index.lines(self.text, from, to, Style::new()));
        }
        if !index.is_complete() {
            return (out, true);
        }
        let tail_from = scroll.saturating_sub(head + text);
        let room = height.saturating_sub(out.len());
        out.extend(self.tail.iter().skip(tail_from).take(room).cloned());
        (out, head + text + self.tail.len() > end)
    }
}

fn render_detail(frame: &mut Frame, area: Rect, app: &App) {
    let focused = app.browse.pane() == BrowsePane::Detail;
    let body = inner(area);
    let Some(d) = detail(app, body.width) else {
        frame.render_widget(pane(" clause ", focused, app.theme), area);
        frame.render_widget(Paragraph::new("no clause selected"), body);
        return;
    };
    let (scroll, height) = (app.browse.detail_scroll, usize::from(body.height));
    // The index `update` keeps for the clause on show; built here only for a state no key
    // led to (a test setting fields), as far as this frame needs.
    let local;
    let index = match app.detail_index(usize::from(body.width), scroll + height + 1) {
        Some(i) => i,
        None => {
            let mut i = LineIndex::new(usize::from(body.width));
            i.extend(d.text, scroll + height + 1);
            local = i;
            &local
        }
    };
    let (shown, more) = d.window(index, scroll, height);
    let title = if more {
        " clause · more ↓ "
    } else {
        " clause "
    };
    frame.render_widget(pane(title, focused, app.theme), area);
    frame.render_widget(Paragraph::new(shown), body);
}

fn render_counterparts(frame: &mut Frame, area: Rect, app: &App) {
    let focused = app.browse.pane() == BrowsePane::Counterparts;
    let body = inner(area);
    let (Some(plan), Some(c)) = (app.browse_plan(), app.browse_clause()) else {
        return;
    };
    let cps = app.corpus.counterparts(plan, c);
    // Drafts that removed the clause leave no counterpart to open: listed after them.
    let removed = peacediff::analysis::removals_of(&app.corpus, plan, app.browse.list.selected);
    // The title says it even when the pane is too short to list them.
    let mut title = format!(" in other drafts ({}) ", cps.len());
    if !removed.is_empty() {
        let by: Vec<&str> = removed
            .iter()
            .filter_map(|r| app.corpus.plan(&r.plan).map(|p| p.short.as_str()))
            .collect();
        title.push_str(&format!("· removed in {} ", by.join(", ")));
    }
    title.push_str("· enter: open ");
    frame.render_widget(pane(title, focused, app.theme), area);
    let height = usize::from(body.height);
    let below = cps.len().min(height);
    for (k, r) in removed
        .iter()
        .enumerate()
        .take(height.saturating_sub(below))
    {
        let text = format!(
            " {} {}",
            peacediff::align::RowClass::Dropped.mark(),
            r.describe(&app.corpus)
        );
        frame.render_widget(
            Line::styled(
                wrap::fit(&text, usize::from(body.width)),
                app.theme
                    .tone(peacediff::align::RowClass::Dropped.legend().tone),
            ),
            Rect::new(body.x, body.y + (below + k) as u16, body.width, 1),
        );
    }
    if cps.is_empty() {
        if removed.is_empty() {
            frame.render_widget(
                Line::styled(" none recorded", app.theme.dim()),
                Rect::new(body.x, body.y, body.width, 1),
            );
        }
        return;
    }
    let cursor = app.browse.counterpart;
    for (y, (i, cp)) in cursor.visible(&cps, usize::from(body.height)) {
        let selected = i == cursor.selected;
        let text = format!(
            "{}{} {} {:<11} {}",
            marker(selected && focused),
            wrap::fit(app.plan_label_of(&cp.plan.id, 7), 7),
            wrap::fit(&cp.clause.label, 5),
            cp.describe(),
            cp.clause.title
        );
        let line = Line::raw(wrap::fit(&text, usize::from(body.width))).style(row_style(
            app.theme,
            selected && focused,
            focused,
        ));
        frame.render_widget(line, Rect::new(body.x, body.y + y as u16, body.width, 1));
    }
}
