//! The clause-by-clause section of the Markdown export: one heading per alignment row, with the
//! status mark, clause labels and titles, the text with its word diff, certainty and status
//! marks, what changed for the parties' red lines, notes, and the sources as footnotes.

use super::escape::{self, Breaks, Inline};
use super::markdown::{block, capitalise, cites, line_name};
use super::marked;
use super::report::{AssessmentChange, ClauseEntry, Report, Row};
use crate::diff::{Segment, SegmentKind, WordDiff};

/// `## Clause by clause` and every row.
pub fn section(r: &Report, out: &mut String) {
    block(out, "## Clause by clause");
    if r.rows.is_empty() {
        block(out, "No rows match the filters.");
        return;
    }
    for row in &r.rows {
        render_row(r, row, out);
    }
}

fn render_row(r: &Report, row: &Row, out: &mut String) {
    let (a, b) = (&r.left.short, &r.right.short);
    block(out, &heading(row));
    block(out, &meta(row, a, b));
    body(row, a, b, out);
    let items = details(r, row, a, b);
    if !items.is_empty() {
        block(out, &items.join("\n"));
    }
}

fn labels(side: &[ClauseEntry]) -> String {
    side.iter()
        .map(|c| c.label.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn heading(row: &Row) -> String {
    let ids = match (row.left.is_empty(), row.right.is_empty()) {
        (false, false) => format!("{} → {}", labels(&row.left), labels(&row.right)),
        (false, true) => labels(&row.left),
        _ => labels(&row.right),
    };
    let title = |side: &[ClauseEntry]| {
        side.iter()
            .map(|c| c.title.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let (ta, tb) = (title(&row.left), title(&row.right));
    let titles = if ta.is_empty() || ta == tb {
        tb
    } else if tb.is_empty() {
        ta
    } else {
        format!("{ta} → {tb}")
    };
    format!(
        "### {} {} · {}",
        escape::line(&row.mark),
        escape::line(&ids),
        escape::line(&titles)
    )
}

/// "**Revised** · 28-pt 6 → 19-pt 6 · matched on link: revises (text) · 19-pt 6: *reported*".
fn meta(row: &Row, a: &str, b: &str) -> String {
    let mut w = Inline::new(Breaks::Hard(0));
    w.wrapped("**", &capitalise(&row.words));
    let refs = |short: &str, side: &[ClauseEntry]| format!("{short} {}", labels(side));
    let place = match (row.left.is_empty(), row.right.is_empty()) {
        (false, false) => format!("{} → {}", refs(a, &row.left), refs(b, &row.right)),
        (false, true) => format!("{}, not in {b}", refs(a, &row.left)),
        (true, false) => format!("{}, not in {a}", refs(b, &row.right)),
        (true, true) => String::new(),
    };
    w.text(" · ").text(&place);
    if row.matched_on != "no match" {
        w.text(" · matched on ").text(&row.matched_on);
    }
    for (short, side) in [(a, &row.left), (b, &row.right)] {
        for c in side.iter() {
            let mut marks = Vec::new();
            if let Some(flag) = &c.certainty_flag {
                marks.push(format!("*{}*", escape::line(flag)));
            }
            if let Some(s) = &c.status_words {
                marks.push(format!("\\[{}\\]", escape::line(s)));
            }
            if c.order_uncertain {
                marks.push("order uncertain".to_string());
            }
            if !marks.is_empty() {
                w.text(&format!(" · {short} {}: ", c.label))
                    .markup(&marks.join(", "));
            }
        }
    }
    w.finish()
}

fn body(row: &Row, a: &str, b: &str, out: &mut String) {
    if let Some(segments) = &row.diff {
        let diff = WordDiff {
            segments: segments
                .iter()
                .map(|s| Segment {
                    kind: match s.kind.as_str() {
                        "removed" => SegmentKind::Removed,
                        "added" => SegmentKind::Added,
                        _ => SegmentKind::Equal,
                    },
                    text: s.text.clone(),
                })
                .collect(),
        };
        let mut w = Inline::new(Breaks::Hard(0));
        marked::write(&diff, &mut w);
        block(out, &w.finish());
        return;
    }
    let same_text = row.left.len() == 1
        && row.right.len() == 1
        && row.left[0].text.trim() == row.right[0].text.trim();
    if same_text {
        block(out, &escape::para(&row.right[0].text, 0));
        return;
    }
    for (short, side) in [(a, &row.left), (b, &row.right)] {
        for c in side.iter() {
            let mut w = Inline::new(Breaks::Hard(0));
            w.wrapped("**", &format!("{} {}:", short.trim(), c.label.trim()))
                .text(" ")
                .text(&c.text);
            block(out, &w.finish());
        }
    }
}

/// The bullet list under a row: commitment changes, red lines, removal evidence, notes and
/// sources.
fn details(r: &Report, row: &Row, a: &str, b: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut item = |build: &dyn Fn(&mut Inline)| {
        let mut w = Inline::new(Breaks::Hard(2));
        build(&mut w);
        items.push(format!("- {}", w.finish()));
    };
    for f in &row.strength {
        item(&|w| {
            w.wrapped("*", &format!("Commitment ({}):", f.shift))
                .text(" ")
                .text(&f.summary);
        });
    }
    for ch in &row.assessment_changes {
        let party = r
            .red_lines
            .iter()
            .find(|p| p.party == ch.party)
            .map_or(ch.party.to_uppercase(), |p| p.short.clone());
        item(&|w| assessment(w, &party, ch, (a, b)));
    }
    if let Some(rm) = &row.removal {
        let holder = if row.left.is_empty() { a } else { b };
        item(&|w| {
            let what = format!(
                "{} in {}",
                capitalise(&rm.action.replace('-', " ")),
                holder.trim()
            );
            w.wrapped("*", &what).text(&format!(" ({}).", rm.certainty));
            if let Some(n) = &rm.note {
                w.text(" ").text(n);
            }
            w.text(" Sources: ").markup(&cites(&rm.sources)).text(".");
        });
    }
    for (short, side) in [(a, &row.left), (b, &row.right)] {
        for c in side.iter() {
            if let Some(n) = &c.certainty_note {
                item(&|w| {
                    w.wrapped(
                        "*",
                        &format!("How {} {} is known:", short.trim(), c.label.trim()),
                    )
                    .text(" ")
                    .text(n);
                });
            }
            if let Some(n) = &c.note {
                item(&|w| {
                    w.wrapped(
                        "*",
                        &format!("Note on {} {}:", short.trim(), c.label.trim()),
                    )
                    .text(" ")
                    .text(n);
                });
            }
            for r in &c.refs {
                item(&|w| {
                    let lead = format!("{} {}", short.trim(), c.label.trim());
                    w.wrapped("*", &lead).text(" ").text(&r.words);
                    if let Some(u) = &r.url {
                        w.text(&format!(" ({u})"));
                    }
                    w.text(".");
                });
            }
        }
    }
    let sources: Vec<String> = [(a, &row.left), (b, &row.right)]
        .iter()
        .flat_map(|(short, side)| {
            side.iter().map(move |c| {
                format!(
                    "{} {}: {}",
                    escape::line(short),
                    escape::line(&c.label),
                    cites(&c.sources)
                )
            })
        })
        .collect();
    if !sources.is_empty() {
        item(&|w| {
            w.markup("*Sources:*").text(" ").markup(&sources.join("; "));
        });
    }
    items
}

/// "**UA** ✗ crosses → ◐ partly meets: Title. 28-pt 6: note. 19-pt 6: note."
fn assessment(w: &mut Inline, party: &str, ch: &AssessmentChange, (a, b): (&str, &str)) {
    w.wrapped("**", party).text(" ");
    w.text(&ch.left_standing)
        .text(" → ")
        .text(&ch.right_standing)
        .text(": ")
        .markup(&ch.red_line.as_ref().map_or_else(
            || "General position (no listed red line)".to_string(),
            |l| line_name(l, false),
        ))
        .text(".");
    for (short, e) in [(a, &ch.left), (b, &ch.right)] {
        if let Some(e) = e {
            w.text(&format!(" {short} {}: ", e.clause)).text(&e.note);
            if !e.note.ends_with('.') {
                w.text(".");
            }
        }
    }
}
