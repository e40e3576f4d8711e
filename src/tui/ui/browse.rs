//! Browse: a draft's clauses beside the selected clause in full, and its counterparts.

use super::{marker, pane, row_style};
use crate::tui::app::{App, BrowsePane};
use crate::tui::layout::{self, inner};
use crate::tui::theme::{Theme, certainty_mark, status_mark};
use crate::tui::wrap::{self, LineIndex, wrap_plain};
use peacediff::describe;
use peacediff::model::{Clause, Corpus, Plan};
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

/// The selected clause's [`Detail`] at `width`, if a clause is selected.
pub fn detail(app: &App, width: u16) -> Option<Detail<'_>> {
    let (plan, c) = (app.browse_plan()?, app.browse_clause()?);
    let width = usize::from(width);
    Some(Detail {
        head: clause_head(&app.corpus, app.theme, c, width),
        text: &c.text,
        tail: clause_tail(&app.corpus, app.theme, plan, c, width),
    })
}

/// A labelled field whose value wraps with a hanging indent under the label.
fn field(theme: Theme, name: &str, value: String, width: usize) -> Vec<Line<'static>> {
    hanging(
        Span::styled(format!("{name:<9} "), theme.label()),
        &[Span::raw(value)],
        10,
        width,
    )
}

/// `lead` then `body` wrapped to the remaining width, continuation lines indented by `indent`.
fn hanging(
    lead: Span<'static>,
    body: &[Span<'_>],
    indent: usize,
    width: usize,
) -> Vec<Line<'static>> {
    let inner = width.saturating_sub(indent).max(10);
    wrap::wrap(body, inner)
        .into_iter()
        .enumerate()
        .map(|(i, mut l)| {
            let first = if i == 0 {
                Span::styled(wrap::fit(&lead.content, indent), lead.style)
            } else {
                Span::raw(" ".repeat(indent))
            };
            l.spans.insert(0, first);
            l
        })
        .collect()
}

/// What is shown of a clause above its text: label and title, how it is known and stands.
fn clause_head(corpus: &Corpus, theme: Theme, c: &Clause, width: usize) -> Vec<Line<'static>> {
    let mut out = wrap_plain(&format!("{} · {}", c.label, c.title), theme.title(), width);
    out.extend(wrap_plain(&standing(corpus, c), theme.dim(), width));
    out.push(Line::raw(""));
    out
}

/// What is shown of a clause below its text: topics, notes, references, assessments,
/// sources.
fn clause_tail(
    corpus: &Corpus,
    theme: Theme,
    plan: &Plan,
    c: &Clause,
    width: usize,
) -> Vec<Line<'static>> {
    let mut out = vec![Line::raw("")];
    if !c.topics.is_empty() {
        let names: Vec<&str> = c
            .topics
            .iter()
            .map(|t| corpus.topic(t).map_or(t.as_str(), |x| x.title.as_str()))
            .collect();
        out.extend(field(theme, "topics", names.join(", "), width));
    }
    if let Some(n) = peacediff::analysis::owned_bracket_note(corpus, c) {
        out.extend(field(theme, "note", n, width));
    }
    for r in &c.refs {
        let mut line = describe::reference(plan, r);
        if let Some(u) = describe::target_url(plan, &r.target) {
            line.push_str(&format!(" <{u}>"));
        }
        out.extend(field(theme, "see", line, width));
    }
    for r in describe::referred_by(plan, c) {
        out.extend(field(theme, "cited by", r, width));
    }
    out.extend(assessment_lines(corpus, theme, plan, c, width));
    out.push(Line::raw(""));
    out.extend(source_lines(theme, plan, c, width));
    for note in [&c.certainty_note, &c.note].into_iter().flatten() {
        out.extend(field(theme, "note", note.clone(), width));
    }
    out
}

/// "reported · ⧗ bracketed · from 28-pt 21 (bracketed)": how the clause is known and stands.
fn standing(corpus: &Corpus, c: &Clause) -> String {
    let mut s = describe::certainty(c).replace('-', " ");
    if let Some(words) = peacediff::analysis::status_words(corpus, c) {
        s.push_str(&format!(" · {} {words}", status_mark(c.status)));
    }
    if let Some(i) = &c.inherited {
        s.push_str(&format!(
            " · from {} {} ({}{})",
            corpus.plan(&i.base_plan).map_or(&i.base_plan, |p| &p.short),
            i.base_clause,
            i.action.as_str(),
            if i.reported { "" } else { ", not reported" }
        ));
    }
    s
}

/// Every party's verdict: each assessment with its red lines and rationale, then the parties
/// the data says nothing about, so silence is visible rather than absent.
fn assessment_lines(
    corpus: &Corpus,
    theme: Theme,
    plan: &Plan,
    c: &Clause,
    width: usize,
) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for a in &c.assessments {
        let party = corpus
            .party(&a.party)
            .map_or(a.party.to_uppercase(), |p| p.short.clone());
        let lines: Vec<&str> = a
            .red_lines
            .iter()
            .map(|r| corpus.red_line(r).map_or(r.as_str(), |x| x.title.as_str()))
            .collect();
        let verdict = peacediff::legend::Standing::of_effect(a.effect);
        let mark = format!("{party:<3}{} {} ", verdict.mark(), verdict.word());
        let what = if a.is_general() {
            // A verdict on the clause that names no red line: shown as what it is.
            "general position (no listed red line)".to_string()
        } else {
            lines.join("; ")
        };
        let mut head = vec![
            Span::styled(mark, theme.effect(a.effect)),
            Span::styled(what, theme.title()),
        ];
        let when = [
            a.confidence.map(|c| format!("{} confidence", c.as_str())),
            describe::as_of(a),
        ];
        let when: Vec<String> = when.into_iter().flatten().collect();
        if !when.is_empty() {
            head.push(Span::styled(format!(" ({})", when.join(", ")), theme.dim()));
        }
        out.extend(wrap::wrap(&head, width));
        out.extend(hanging(
            Span::raw(""),
            &[Span::raw(a.note.clone())],
            4,
            width,
        ));
    }
    // The parties without an assessment here, grouped by what that absence means (silent,
    // open, not assessed), in the engine's words.
    let index = plan.clause_index(&c.id);
    let mut groups: Vec<(peacediff::legend::Standing, Vec<&str>)> = Vec::new();
    for p in corpus
        .parties
        .iter()
        .filter(|p| !c.assessments.iter().any(|a| a.party == p.id))
    {
        let Some(i) = index else { continue };
        let s = peacediff::analysis::clause_standing(corpus, plan, i, &p.id);
        match groups.iter_mut().find(|(g, _)| *g == s) {
            Some((_, names)) => names.push(p.short.as_str()),
            None => groups.push((s, vec![p.short.as_str()])),
        }
    }
    for (s, names) in groups {
        let text = format!("{} {} {}", names.join(" "), s.mark(), s.word());
        out.extend(wrap_plain(&text, theme.tone(s.legend().tone), width));
    }
    out
}

/// Each cited source with outlet, title, date and address.
fn source_lines(theme: Theme, plan: &Plan, c: &Clause, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for key in &c.sources {
        let s = plan.source(key);
        let text = match s {
            Some(s) => format!(
                "{}, “{}”{}",
                s.outlet,
                s.title,
                s.date.map(|d| format!(", {d}")).unwrap_or_default()
            ),
            None => key.clone(),
        };
        out.extend(field(theme, "source", text, width));
        if let Some(url) = s.and_then(|s| s.url.as_ref()) {
            let url = [Span::styled(url.clone(), theme.dim())];
            out.extend(hanging(Span::raw(""), &url, 10, width));
        }
    }
    out
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
