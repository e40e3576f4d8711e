//! Red lines: a clause × party matrix for one draft, the selected cell's rationale, and a
//! scoreboard of hard red lines crossed per party in every draft.

use super::{marker, pane, row_style};
use crate::tui::app::{App, RedLinePane};
use crate::tui::layout::{self, inner};
use crate::tui::theme::status_mark;
use crate::tui::wrap::{self, wrap, wrap_plain};
use peacediff::legend::Standing;
use peacediff::model::Plan;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Width of one party column in the matrix.
const CELL: u16 = 4;

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let Some(plan) = app.plan(app.redlines.plan) else {
        frame.render_widget(Paragraph::new("no drafts loaded"), area);
        return;
    };
    let areas = layout::redlines(area, app.corpus.plans.len());
    render_matrix(frame, areas.matrix, app, plan);
    render_scoreboard(frame, areas.scoreboard, app);
    render_cell(frame, areas.cell, app);
}

/// The matrix cell of clause `clause` of the Red lines draft for party `party`.
pub fn cell_standing(app: &App, clause: usize, party: usize) -> Option<Standing> {
    app.clause_cells(app.redlines.plan)
        .and_then(|p| p.get(clause))
        .and_then(|c| c.get(party))
        .copied()
}

/// The party column under `column` in the matrix's inner area.
pub fn party_at(body: Rect, parties: usize, column: u16) -> Option<usize> {
    let start = body.x + body.width.saturating_sub(CELL * parties as u16);
    (column >= start)
        .then(|| usize::from((column - start) / CELL))
        .filter(|p| *p < parties)
}

fn render_matrix(frame: &mut Frame, area: Rect, app: &App, plan: &Plan) {
    let t = app.theme;
    let focused = app.redlines.focus == RedLinePane::Matrix;
    let title = format!(" {} · clause × party ", plan.short);
    frame.render_widget(pane(title, focused, t), area);
    let body = inner(area);
    let parties = &app.corpus.parties;
    let cells_w = usize::from(CELL) * parties.len();
    let text_w = usize::from(body.width).saturating_sub(cells_w);
    let mut header = vec![Span::styled(wrap::fit("  clause", text_w), t.dim())];
    for (i, p) in parties.iter().enumerate() {
        let style = if i == app.redlines.party {
            t.title()
        } else {
            t.dim()
        };
        header.push(Span::styled(wrap::fit(&format!(" {}", p.short), 4), style));
    }
    frame.render_widget(Line::from(header), Rect::new(body.x, body.y, body.width, 1));
    let label_w = super::browse::label_width(plan);
    let cursor = app.redlines.rows;
    let rows = usize::from(body.height.saturating_sub(1));
    for (y, (i, c)) in cursor.visible(&plan.clauses, rows) {
        let selected = i == cursor.selected;
        let head = format!(
            "{}{} {} {}",
            marker(selected),
            wrap::fit(&c.label, label_w),
            status_mark(c.status),
            c.title
        );
        let mut spans = vec![Span::styled(
            wrap::fit(&head, text_w),
            row_style(t, selected, focused),
        )];
        for pi in 0..parties.len() {
            let s = cell_standing(app, i, pi).unwrap_or(Standing::NotAssessed);
            let cur = selected && pi == app.redlines.party;
            // The selected cell is fenced as well as reversed, so it shows without colour.
            let text = if cur {
                format!("[{}] ", s.mark())
            } else {
                format!(" {}  ", s.mark())
            };
            let style = if cur {
                t.selected()
            } else {
                t.tone(s.legend().tone)
            };
            spans.push(Span::styled(text, style));
        }
        frame.render_widget(
            Line::from(spans),
            Rect::new(body.x, body.y + 1 + y as u16, body.width, 1),
        );
    }
}

fn render_scoreboard(frame: &mut Frame, area: Rect, app: &App) {
    let t = app.theme;
    let focused = app.redlines.focus == RedLinePane::Scoreboard;
    frame.render_widget(pane(" hard red lines per draft ", focused, t), area);
    let body = inner(area);
    let parties = &app.corpus.parties;
    let name_w = 9usize;
    let cell_w = (usize::from(body.width).saturating_sub(name_w) / parties.len().max(1)).max(4);
    let mut header = vec![Span::styled(wrap::fit(" draft", name_w), t.dim())];
    for p in parties {
        header.push(Span::styled(wrap::fit(&p.short, cell_w), t.dim()));
    }
    frame.render_widget(Line::from(header), Rect::new(body.x, body.y, body.width, 1));
    let most = app
        .board()
        .iter()
        .flat_map(|b| b.parties.iter().map(|p| p.summary.hard.crossed))
        .max()
        .unwrap_or(0)
        .max(1);
    let cursor = app.redlines.board;
    let rows = usize::from(body.height.saturating_sub(1));
    for (y, (i, board)) in cursor.visible(app.board(), rows) {
        // The marker takes one cell of the name column.
        let short = app.plan_label(i, name_w.saturating_sub(1));
        let selected = if focused {
            i == cursor.selected
        } else {
            i == app.redlines.plan
        };
        let mut spans = vec![Span::styled(
            wrap::fit(&format!("{}{short}", marker(selected)), name_w),
            row_style(t, selected, focused),
        )];
        for p in &board.parties {
            // The engine's cell ("✗3", "✗0 ○5", "∅"), then a bar where there is room; the
            // cell always keeps one blank column before the next.
            let mut cell = p.summary.cell();
            if wrap::width(&cell) + 1 > cell_w {
                cell = p.summary.cell_compact();
            }
            let room = cell_w.saturating_sub(wrap::width(&cell) + 2);
            let bar = (p.summary.hard.crossed * room).div_ceil(most);
            let text = if room >= 2 && bar > 0 {
                format!("{cell} {}", "█".repeat(bar))
            } else {
                cell
            };
            spans.push(Span::styled(
                wrap::fit(&text, cell_w.saturating_sub(1)) + " ",
                t.tone(p.summary.standing().legend().tone),
            ));
        }
        frame.render_widget(
            Line::from(spans),
            Rect::new(body.x, body.y + 1 + y as u16, body.width, 1),
        );
    }
}

fn render_cell(frame: &mut Frame, area: Rect, app: &App) {
    let t = app.theme;
    let focused = app.redlines.focus == RedLinePane::Rationale;
    let body = inner(area);
    let lines = rationale_lines(app, body.width);
    let total = lines.len();
    let scroll = app.redlines.note_scroll.min(total.saturating_sub(1));
    let more = total > scroll + usize::from(body.height);
    let mut title = rationale_title(app);
    if more {
        title.push_str("· more ↓ (tab, j) ");
    }
    frame.render_widget(pane(title, focused, t), area);
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .take(usize::from(body.height))
        .collect();
    frame.render_widget(Paragraph::new(shown), body);
}

/// "Ukraine · 28-pt 6 · ✗ crosses": whose verdict on which clause.
fn rationale_title(app: &App) -> String {
    let plan = app.plan(app.redlines.plan);
    let c = plan.and_then(|p| p.clauses.get(app.redlines.rows.selected));
    let party = app.corpus.parties.get(app.redlines.party);
    match (plan, c, party) {
        (Some(plan), Some(c), Some(party)) => {
            let s = cell_standing(app, app.redlines.rows.selected, app.redlines.party)
                .unwrap_or(Standing::NotAssessed);
            format!(
                " {} · {} {} · {} {} ",
                party.name,
                plan.short,
                c.label,
                s.mark(),
                s.word()
            )
        }
        _ => " rationale ".to_string(),
    }
}

/// The selected cell's rationale: each assessment's red lines and note, then the party's
/// standing in the whole draft against the draft before it.
pub fn rationale_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let t = app.theme;
    let width = usize::from(width);
    let (Some(plan), Some(party)) = (
        app.plan(app.redlines.plan),
        app.corpus.parties.get(app.redlines.party),
    ) else {
        return Vec::new();
    };
    let Some(c) = plan.clauses.get(app.redlines.rows.selected) else {
        return Vec::new();
    };
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mine: Vec<_> = c
        .assessments
        .iter()
        .filter(|a| a.party == party.id)
        .collect();
    if mine.is_empty() {
        let s = cell_standing(app, app.redlines.rows.selected, app.redlines.party)
            .unwrap_or(Standing::NotAssessed);
        lines.extend(wrap_plain(
            &format!(
                "{} {}: no assessment of this clause for {}. {} {}: {}.",
                c.label,
                c.title,
                party.name,
                s.mark(),
                s.word(),
                s.legend().describe
            ),
            t.tone(s.legend().tone),
            width,
        ));
    }
    for a in mine {
        if a.red_lines.is_empty() {
            let v = Standing::of_effect(a.effect);
            lines.extend(wrap(
                &[
                    Span::styled(format!("{} {} ", v.mark(), v.word()), t.effect(a.effect)),
                    Span::styled("general position (no listed red line)", t.title()),
                ],
                width,
            ));
        }
        for rl in &a.red_lines {
            let (title, firmness) = app.corpus.red_line(rl).map_or((rl.as_str(), ""), |r| {
                (r.title.as_str(), r.firmness.as_str())
            });
            lines.extend(wrap(
                &[
                    Span::styled(
                        format!(
                            "{} {} ",
                            Standing::of_effect(a.effect).mark(),
                            Standing::of_effect(a.effect).word()
                        ),
                        t.effect(a.effect),
                    ),
                    Span::styled(title.to_string(), t.title()),
                    Span::styled(format!(" ({firmness})"), t.dim()),
                ],
                width,
            ));
        }
        let note = match peacediff::describe::as_of(a) {
            Some(w) => format!("{} ({w})", a.note),
            None => a.note.clone(),
        };
        lines.extend(wrap_plain(&note, Style::new(), width));
    }
    if let Some(p) = app
        .board()
        .get(app.redlines.plan)
        .and_then(|b| b.party(&party.id))
    {
        lines.push(Line::raw(""));
        // Against the draft it revises (or the one before it), named with the reason.
        let trend = app
            .trend(app.redlines.plan)
            .and_then(|(b, d)| {
                let pd = d.party(&party.id)?;
                Some(format!("{} ({}). ", pd.headline, b.why))
            })
            .unwrap_or_default();
        let summary = if p.summary.assessed {
            format!(
                "In all: {} hard red line(s) of {} crossed, {} partly met, {} met, {} left open; \
                 {} demand(s) crossed.",
                p.summary.hard.crossed,
                party.name,
                p.summary.hard.partial,
                p.summary.hard.met,
                p.summary.hard.open,
                p.summary.demands.crossed
            ) + &dated_out_words(app, plan, &p.dated_out)
        } else {
            format!(
                "{} {}: nobody assessed {} for {}.",
                Standing::NotAssessed.mark(),
                Standing::NotAssessed.word(),
                plan.short,
                party.name
            )
        };
        lines.extend(wrap_plain(&format!("{trend}{summary}"), t.dim(), width));
    }
    lines
}

/// " Not assessed, held only in another period: No cap below 800,000 (held from 2025-02; 15-pt
/// is dated 2015-02-12)." — empty when the draft is dated inside every line's period.
fn dated_out_words(app: &App, plan: &peacediff::model::Plan, ids: &[String]) -> String {
    let lines: Vec<String> = ids
        .iter()
        .filter_map(|id| app.corpus.red_line(id))
        .map(|rl| {
            format!(
                "{} ({})",
                rl.title,
                peacediff::describe::dated_out(rl, plan)
            )
        })
        .collect();
    if lines.is_empty() {
        String::new()
    } else {
        format!(
            " {} not assessed, held only in another period: {}.",
            Standing::NotAssessed.mark(),
            lines.join("; ")
        )
    }
}
