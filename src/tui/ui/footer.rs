//! The two bottom lines: the message line (results, errors, open prompts) and the key hints
//! for the current view, read from the key table.

use crate::tui::app::{App, Field, Mode, Tone};
use crate::tui::theme::Theme;
use crate::tui::wrap;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub fn render_message(frame: &mut Frame, area: Rect, app: &App) {
    let t = app.theme;
    let w = usize::from(area.width);
    let line = match &app.mode {
        Mode::Search { query, .. } => {
            let n = app.search.as_ref().map_or(0, |s| s.hits.len());
            prompt_line(
                Span::styled("/", t.key()),
                query,
                &format!("  {n} match(es) · enter: keep · esc: cancel"),
                w,
                t,
            )
        }
        Mode::ExportPath { path } => prompt_line(
            Span::styled("export to: ", t.key()),
            path,
            "  enter: save · esc: cancel",
            w,
            t,
        ),
        Mode::ConfirmOverwrite { path } => Line::from(vec![Span::styled(
            format!(
                "{} exists. Overwrite it? y: yes, any other key: no",
                peacediff::sanitize::path(path)
            ),
            t.warning(),
        )]),
        _ => match (&app.message, &app.search) {
            (Some(m), _) => Line::styled(
                wrap::truncate(&m.text, w),
                match m.tone {
                    Tone::Info => Style::new(),
                    Tone::Error => t.error(),
                },
            ),
            (None, Some(s)) if s.view == app.view => Line::styled(
                format!(
                    "search “{}”: {} match(es) · n/N: next/previous · esc: clear",
                    s.query,
                    s.hits.len()
                ),
                t.dim(),
            ),
            // Load problems stay said until a load works, once their list is closed.
            _ if !app.problems.is_empty() => Line::styled(
                wrap::truncate(
                    &format!(
                        "the plans folder did not load ({} problem(s)); fix and save to reload",
                        app.problems.len()
                    ),
                    w,
                ),
                t.error(),
            ),
            _ => Line::raw(""),
        },
    };
    frame.render_widget(line, area);
}

pub fn render_keys(frame: &mut Frame, area: Rect, app: &App) {
    let t = app.theme;
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, what) in app.keymap.footer_hints(app.view) {
        let w = wrap::width(&key) + wrap::width(what) + 3;
        if used + w > usize::from(area.width) {
            break;
        }
        used += w;
        spans.push(Span::styled(key, t.key()));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    frame.render_widget(Line::from(spans).style(t.dim()), area);
}

/// A prompt: its lead, the line being edited with the cursor drawn on it, and a hint when
/// there is room. A line wider than the room scrolls so the cursor stays in view.
fn prompt_line(
    lead: Span<'static>,
    field: &Field,
    hint: &str,
    width: usize,
    t: Theme,
) -> Line<'static> {
    let room = width.saturating_sub(lead.width() + 1).max(1);
    let hint_fits = wrap::width(field.text()) + 1 + wrap::width(hint) <= room;
    let scroll = field.scroll(room.saturating_sub(1));
    let (mut before, mut under, mut after) = (String::new(), None, String::new());
    let mut cells = 0;
    for c in field.text().chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if cells < scroll {
            cells += w;
            continue;
        }
        if cells + w > scroll + room {
            break;
        }
        match cells.cmp(&field.cursor_cells()) {
            std::cmp::Ordering::Less => before.push(c),
            std::cmp::Ordering::Equal if under.is_none() => under = Some(c),
            _ => after.push(c),
        }
        cells += w;
    }
    let cursor = match under {
        // The character under the cursor, in reverse video, as a terminal draws it.
        Some(c) => Span::styled(c.to_string(), t.selected()),
        None => Span::styled("█", t.dim()),
    };
    let mut spans = vec![lead, Span::raw(before), cursor, Span::raw(after)];
    if hint_fits {
        spans.push(Span::styled(hint.to_string(), t.dim()));
    }
    Line::from(spans)
}
