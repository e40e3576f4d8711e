//! The `i` overlay: what is known about the draft in view as a whole — its date and status, who
//! proposed, signed, mediated, guaranteed or observed it, its summary and notes, the outside
//! documents its clauses cite, and its sources. The clause views never show these.

use super::help::{overlay_max_scroll, render_overlay};
use crate::tui::app::App;
use crate::tui::wrap::wrap_plain;
use peacediff::describe;
use peacediff::model::{Corpus, Plan};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    match app.plan_in_view() {
        Some(p) => plan_lines(&app.corpus, app.theme, p, width),
        None => vec![Line::raw("no draft in view")],
    }
}

/// The draft's facts, each wrapped to `width`.
pub fn plan_lines(
    corpus: &Corpus,
    theme: crate::tui::theme::Theme,
    p: &Plan,
    width: usize,
) -> Vec<Line<'static>> {
    let mut out = wrap_plain(&format!("{} · {}", p.short, p.title), theme.title(), width);
    let plain = |s: &str, out: &mut Vec<Line<'static>>| {
        out.extend(wrap_plain(s, Style::new(), width));
    };
    plain(&format!("{} · {}", p.date, p.status.as_str()), &mut out);
    for (role, names) in describe::participants(corpus, p) {
        plain(&format!("{role} {names}"), &mut out);
    }
    if let Some(b) = p.base.as_deref() {
        let short = corpus.plan(b).map_or(b, |x| x.short.as_str());
        plain(
            &format!("written as changes to {short}; clause numbers follow it"),
            &mut out,
        );
    }
    out.push(Line::raw(""));
    plain(&p.summary, &mut out);
    if let Some(n) = &p.note {
        out.push(Line::raw(""));
        plain(&format!("note: {n}"), &mut out);
    }
    if !p.documents.is_empty() {
        out.push(Line::raw(""));
        out.extend(wrap_plain("Documents cited", theme.title(), width));
        for d in &p.documents {
            let mut s = format!("[{}] {}", d.key, d.title);
            if let Some(date) = d.date {
                s.push_str(&format!(" ({date})"));
            }
            if let Some(u) = &d.url {
                s.push_str(&format!(" <{u}>"));
            }
            plain(&s, &mut out);
        }
    }
    out.push(Line::raw(""));
    out.extend(wrap_plain("Sources", theme.title(), width));
    for k in &p.main_sources {
        if let Some(s) = p.source(k) {
            plain(&format!("[{k}] {}", describe::source_line(s)), &mut out);
        }
    }
    out
}

pub fn max_scroll(app: &App, screen: Rect) -> usize {
    overlay_max_scroll(screen, |w| lines(app, w))
}

pub fn render(frame: &mut Frame, screen: Rect, app: &App, scroll: usize) {
    render_overlay(
        frame,
        screen,
        app,
        " about ",
        "i",
        |w| lines(app, w),
        scroll,
    );
}
