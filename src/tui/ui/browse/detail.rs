//! The lines the detail pane shows around the selected clause's text: its label, title and
//! standing above; its topics, notes, references, assessments and sources below.
//!
//! Apart from the pane itself in [`super`] because this is the one place a clause is
//! described in full, field by field.

use super::Detail;
use crate::tui::app::App;
use crate::tui::theme::{Theme, status_mark};
use crate::tui::wrap::{self, wrap_plain};
use peacediff::describe;
use peacediff::model::{Clause, Corpus, Plan};
use ratatui::text::{Line, Span};

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
