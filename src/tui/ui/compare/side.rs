//! One side of a compared row: each clause's label, title and status, then its text with the
//! diff's words (cut back per clause when a row merges several), or why the clause is absent.
//!
//! Apart from the row's assembly in [`super::row`]: stacked and side-by-side layouts both
//! draw sides the same way.

use crate::tui::app::App;
use crate::tui::wrap::{wrap_at_most, wrap_plain};
use peacediff::align::Row;
use peacediff::diff::SegmentKind;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    Left,
    Right,
}

/// One side of a row: each clause's label and title, then its text with the diff's words; at
/// most `limit` lines, wrapping no more of a long text than they take.
pub(super) fn side_lines(
    app: &App,
    row: &Row,
    side: Side,
    width: usize,
    limit: usize,
) -> Vec<Line<'static>> {
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
pub(super) fn same_text(app: &App, row: &Row) -> bool {
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
pub(super) fn same_lines(app: &App, row: &Row, width: usize) -> Vec<Line<'static>> {
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
