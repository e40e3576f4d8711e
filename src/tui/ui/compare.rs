//! Compare: two drafts side by side (stacked when narrow), one aligned row per clause group,
//! word-level highlights, a status gutter and a header with the row counts.

use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::theme::Theme;
use crate::tui::wrap::{self, wrap_at_most, wrap_plain};
use peacediff::align::Row;
use peacediff::diff::SegmentKind;
use peacediff::model::Plan;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
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
        frame.render_widget(Paragraph::new("pick two drafts with p"), area);
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

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
}

/// One side of a row: each clause's label and title, then its text with the diff's words; at
/// most `limit` lines, wrapping no more of a long text than they take.
fn side_lines(app: &App, row: &Row, side: Side, width: usize, limit: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let (plan_i, idx) = match side {
        Side::Left => (app.compare.left, &row.left),
        Side::Right => (app.compare.right, &row.right),
    };
    let Some(plan) = app.plan(plan_i) else {
        return vec![];
    };
    if idx.is_empty() {
        return absent_lines(app, row, side, width);
    }
    let clauses: Vec<&peacediff::model::Clause> =
        idx.iter().filter_map(|&i| plan.clauses.get(i)).collect();
    let head = |c: &peacediff::model::Clause| {
        // The status as every view says it ("bracketed by NL"), then how the clause is known
        // when that is short of a printed text or of high confidence.
        let marks: Vec<String> = [
            peacediff::analysis::status_words(&app.corpus, c),
            peacediff::describe::certainty_flag(c),
        ]
        .into_iter()
        .flatten()
        .collect();
        let status = if marks.is_empty() {
            String::new()
        } else {
            format!(" ({})", marks.join("; "))
        };
        wrap_plain(
            &format!("{} {}{status}", c.label, c.title),
            t.title(),
            width,
        )
    };
    // Each clause's text under its own label, so a merged or split row says which words are
    // whose. A diff runs over the side's texts joined by a blank line: it is cut back at
    // those joins.
    let pieces: Vec<Vec<Span<'_>>> = match &row.diff {
        Some(d) => {
            let lens: Vec<usize> = clauses.iter().map(|c| c.text.len()).collect();
            split_side(d, side, &lens, t)
        }
        None => {
            let style = if row.class() == peacediff::align::RowClass::Unchanged {
                t.dim()
            } else {
                Style::new()
            };
            clauses
                .iter()
                .map(|c| vec![Span::styled(c.text.as_str(), style)])
                .collect()
        }
    };
    let mut out = Vec::new();
    for (n, (c, spans)) in clauses.iter().zip(pieces).enumerate() {
        if out.len() >= limit {
            break;
        }
        if n > 0 {
            out.push(Line::raw(""));
        }
        out.extend(head(c));
        let left = limit.saturating_sub(out.len()).max(1);
        out.extend(wrap_at_most(&spans, width, left));
    }
    out.truncate(limit.max(1));
    out
}

/// One side's spans of a word diff, cut into one piece per clause. The side's text is its
/// clauses' texts (of byte lengths `lens`) joined by "\n\n"; the joins are dropped. Spans
/// borrow the diff's text (a long clause is not copied for each frame).
fn split_side<'d>(
    d: &'d peacediff::diff::WordDiff,
    side: Side,
    lens: &[usize],
    t: crate::tui::theme::Theme,
) -> Vec<Vec<Span<'d>>> {
    let fence = t.fences_words();
    // Where each clause's text starts and ends in the joined text.
    let mut bounds = Vec::with_capacity(lens.len());
    let mut at = 0;
    for &len in lens {
        bounds.push((at, at + len));
        at += len + 2;
    }
    let mut pieces: Vec<Vec<Span<'d>>> = vec![Vec::new(); lens.len()];
    let mut pos = 0usize;
    for s in &d.segments {
        let style = match (s.kind, side) {
            (SegmentKind::Equal, _) => None,
            (SegmentKind::Removed, Side::Left) => Some((t.removed(), "[-", "-]")),
            (SegmentKind::Added, Side::Right) => Some((t.added(), "{+", "+}")),
            _ => continue,
        };
        let (start, end) = (pos, pos + s.text.len());
        pos = end;
        for (k, &(a, b)) in bounds.iter().enumerate() {
            let (from, to) = (start.max(a), end.min(b));
            if from >= to {
                continue;
            }
            let (mut from, mut to) = (from - start, to - start);
            while !s.text.is_char_boundary(from) {
                from -= 1;
            }
            while !s.text.is_char_boundary(to) {
                to += 1;
            }
            let text = &s.text[from..to];
            pieces[k].push(match style {
                None => Span::raw(text),
                Some((st, open, close)) if fence => {
                    Span::styled(format!("{open}{text}{close}"), st)
                }
                Some((st, _, _)) => Span::styled(text, st),
            });
        }
    }
    pieces
}

/// The side a clause is missing from: why, with the removal's evidence when there is one.
fn absent_lines(app: &App, row: &Row, side: Side, width: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    // The removal belongs to the derived draft: the right one for a drop, the left for an add.
    let evidence_plan = match side {
        Side::Right => app.plan(app.compare.right),
        Side::Left => app.plan(app.compare.left),
    };
    let removal = row
        .removal
        .and_then(|i| evidence_plan.and_then(|p| p.removals.get(i)));
    let text = match removal {
        Some(r) => format!(
            "({} in this draft{})",
            r.action.as_str().replace('-', " "),
            r.note
                .as_ref()
                .map(|n| format!(": {n}"))
                .unwrap_or_default()
        ),
        None => "(not in this draft)".to_string(),
    };
    wrap_plain(&text, t.dim().add_modifier(Modifier::ITALIC), width)
}

/// Whether both sides of a one-to-one row hold the same text.
fn same_text(app: &App, row: &Row) -> bool {
    let text = |p: usize, idx: &[usize]| match idx {
        [i] => app
            .plan(p)
            .and_then(|p| p.clauses.get(*i))
            .map(|c| c.text.as_str()),
        _ => None,
    };
    let l = text(app.compare.left, &row.left);
    l.is_some() && l == text(app.compare.right, &row.right)
}

/// Stacked, the right side of a row with the same text says so instead of repeating it.
fn same_lines(app: &App, row: &Row, width: usize) -> Vec<Line<'static>> {
    let mut out = side_lines(app, row, Side::Right, width, 1);
    out.truncate(1);
    let note = if row.unreported {
        "(the same text, inherited: what became of it was not reported)"
    } else {
        "(the same text)"
    };
    out.extend(wrap_plain(note, app.theme.dim(), width));
    out
}

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

/// [`split_side`] for the tests (`left`: the left side).
#[cfg(test)]
pub fn split_side_for_test(
    d: &peacediff::diff::WordDiff,
    left: bool,
    lens: &[usize],
    t: crate::tui::theme::Theme,
) -> Vec<Vec<Span<'static>>> {
    split_side(d, if left { Side::Left } else { Side::Right }, lens, t)
        .into_iter()
        .map(|p| {
            p.into_iter()
                .map(|s| Span::styled(s.content.into_owned(), s.style))
                .collect()
        })
        .collect()
}
