//! The two bottom lines: the message line (results, errors, open prompts) and the key hints
//! for the current view, read from the key table.

use crate::tui::app::{App, Mode, Tone};
use crate::tui::keymap;
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
            Line::from(vec![
                Span::styled("/", t.key()),
                Span::raw(query.clone()),
                Span::styled("█", t.dim()),
                Span::styled(
                    format!("  {n} match(es) · enter: keep · esc: cancel"),
                    t.dim(),
                ),
            ])
        }
        Mode::ExportPath { path } => Line::from(vec![
            Span::styled("export to: ", t.key()),
            Span::raw(path.clone()),
            Span::styled("█", t.dim()),
            Span::styled("  enter: save · esc: cancel", t.dim()),
        ]),
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
            _ => Line::raw(""),
        },
    };
    frame.render_widget(line, area);
}

pub fn render_keys(frame: &mut Frame, area: Rect, app: &App) {
    let t = app.theme;
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, what) in keymap::footer_hints(app.view) {
        let w = wrap::width(key) + wrap::width(what) + 3;
        if used + w > usize::from(area.width) {
            break;
        }
        used += w;
        spans.push(Span::styled(key, t.key()));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    frame.render_widget(Line::from(spans).style(t.dim()), area);
}
