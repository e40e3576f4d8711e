//! The Markdown export: a [`Report`] as a GitHub-flavoured document that reads without colour.
//!
//! Title and header table, filters, summary counts, the red-line scoreboard, a legend, the
//! clause-by-clause section (in `rows.rs`) and the sources as footnotes. Every string from the
//! data goes through `escape`; this module only decides the layout.

use super::escape::{self, Breaks, Inline};
use super::report::{DraftHeader, LineRef, PartyScore, Report, SourceEntry};
use super::rows;
use crate::align::RowClass;
use crate::legend::Standing;
use std::fmt::Write;

/// The whole document.
pub fn render(r: &Report) -> String {
    let mut out = String::new();
    title(r, &mut out);
    header_table(r, &mut out);
    filters(r, &mut out);
    summary(r, &mut out);
    scoreboard(r, &mut out);
    legend(r, &mut out);
    rows::section(r, &mut out);
    footnotes(&r.sources, &mut out);
    // One newline at the end of the file, not a blank line.
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// A paragraph (or any block) followed by the blank line that ends it.
pub(super) fn block(out: &mut String, s: &str) {
    out.push_str(s);
    out.push_str("\n\n");
}

/// Footnote references for source numbers: `[^1], [^4]`, or "none".
pub(super) fn cites(numbers: &[usize]) -> String {
    if numbers.is_empty() {
        return "none".to_string();
    }
    numbers
        .iter()
        .map(|n| format!("[^{n}]"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn title(r: &Report, out: &mut String) {
    block(
        out,
        &format!(
            "# {} → {}: {} compared with {}",
            escape::line(&r.left.short),
            escape::line(&r.right.short),
            escape::line(&r.left.title),
            escape::line(&r.right.title)
        ),
    );
    let mut w = Inline::new(Breaks::Hard(0));
    w.text("Exported by ")
        .text(&r.generator)
        .text(" from ")
        .wrapped("*", &r.corpus.title);
    if let Some(d) = &r.corpus.as_of {
        w.text(&format!(", as of {d}"));
    }
    w.text(". A is ")
        .text(&r.left.short)
        .text(", B is ")
        .text(&r.right.short)
        .text(": ")
        .markup("~~struck~~")
        .text(" words are only in A, ")
        .markup("**bold**")
        .text(" words only in B.");
    block(out, &w.finish());
}

fn header_table(r: &Report, out: &mut String) {
    let (a, b) = (&r.left, &r.right);
    let mut t = String::from("| | A | B |\n| --- | --- | --- |\n");
    let mut row = |name: &str, x: String, y: String| {
        let _ = writeln!(t, "| {name} | {x} | {y} |");
    };
    row("Draft", escape::cell(&a.short), escape::cell(&b.short));
    row("Title", escape::cell(&a.title), escape::cell(&b.title));
    row("Date", escape::cell(&a.date), escape::cell(&b.date));
    row("Status", escape::cell(&a.status), escape::cell(&b.status));
    let proposers = |p: &[String]| {
        if p.is_empty() {
            "—".to_string()
        } else {
            escape::cell(&p.join(", "))
        }
    };
    row(
        "Proposed by",
        proposers(&a.proposers),
        proposers(&b.proposers),
    );
    // Each role either draft records, in a fixed order ("Signed by", "Mediated by", …).
    let mut roles: Vec<&str> = Vec::new();
    for e in a.roles.iter().chain(&b.roles) {
        if !roles.contains(&e.role.as_str()) {
            roles.push(&e.role);
        }
    }
    for role in ["signed by", "mediated by", "guaranteed by", "observed by"] {
        if !roles.contains(&role) {
            continue;
        }
        let names = |d: &DraftHeader| {
            d.roles
                .iter()
                .find(|e| e.role == role)
                .map_or("—".to_string(), |e| escape::cell(&e.names))
        };
        row(&capitalise(role), names(a), names(b));
    }
    if a.base.is_some() || b.base.is_some() {
        let base = |x: &Option<String>| x.as_deref().map_or("—".to_string(), escape::cell);
        row("Written as changes to", base(&a.base), base(&b.base));
    }
    row("Main sources", cites(&a.sources), cites(&b.sources));
    block(out, t.trim_end());
    for (side, d) in [("A", a), ("B", b)] {
        let mut w = Inline::new(Breaks::Hard(0));
        w.wrapped("**", &format!("{side}, {}.", d.short.trim()))
            .text(" ")
            .text(&d.summary);
        block(out, &w.finish());
    }
}

fn filters(r: &Report, out: &mut String) {
    let f = &r.filters;
    let s = &r.summary;
    let mut w = Inline::new(Breaks::Hard(0));
    w.markup("**Filters:**").text(" ");
    if !f.any() {
        w.text(&format!("none; all {} rows are shown.", s.rows_total));
        block(out, &w.finish());
        return;
    }
    let mut parts = Vec::new();
    if let Some(t) = &f.topic {
        parts.push(format!(
            "topic {} (`{}`)",
            escape::line(&t.name),
            escape::line(&t.id)
        ));
    }
    if let Some(p) = &f.party {
        parts.push(format!(
            "party {}: only clauses that touch its red lines",
            escape::line(&p.name)
        ));
    }
    if f.changes_only {
        parts.push("changes only: unchanged rows left out, bracketed ones kept".to_string());
    }
    let matching = if f.topic.is_some() || f.party.is_some() {
        format!(" ({} match the topic and party filters)", s.rows_matching)
    } else {
        String::new()
    };
    w.markup(&parts.join("; ")).text(&format!(
        ". Showing {} of {} rows{matching}.",
        s.rows_shown, s.rows_total
    ));
    block(out, &w.finish());
}

fn summary(r: &Report, out: &mut String) {
    block(out, "## Summary");
    if r.filters.topic.is_some() || r.filters.party.is_some() {
        block(out, "Counts of the rows that match the filters.");
    }
    let mut t = String::from("| Rows | Mark | Count |\n| --- | :-: | --: |\n");
    // The classes add up to the rows; the flags (moved …) are counted across them, listed
    // after the total.
    let (classes, flags) = r.summary.counts.split_at(RowClass::ALL.len());
    let always = [
        RowClass::Unchanged,
        RowClass::Bracketed,
        RowClass::Revised,
        RowClass::Dropped,
        RowClass::Added,
    ];
    for k in classes {
        if k.count > 0 || always.iter().any(|a| a.label() == k.kind) {
            let _ = writeln!(
                t,
                "| {} | {} | {} |",
                escape::cell(&capitalise(&k.kind)),
                escape::cell(&k.mark),
                k.count
            );
        }
    }
    let _ = write!(t, "| **All** | | **{}** |", r.summary.rows_matching);
    for k in flags.iter().filter(|k| k.count > 0) {
        let _ = write!(
            t,
            "\n| of which {} | {} | {} |",
            escape::cell(&k.kind),
            escape::cell(&k.mark),
            k.count
        );
    }
    block(out, &t);
}

fn scoreboard(r: &Report, out: &mut String) {
    block(out, "## Red lines");
    let (a, b) = (escape::cell(&r.left.short), escape::cell(&r.right.short));
    let mut intro = format!(
        "Each party's hard red lines in A ({a}) and in B ({b}), from the assessments in the \
         data: {}. Demands (firm positions and preferences) are counted apart. A line left \
         open is one whose clause is unreported or bracketed: not counted as crossed.",
        escape::line(crate::analysis::PartySummary::CELL_LEGEND)
    );
    if r.filters.topic.is_some() || r.filters.party.is_some() {
        intro.push_str(" The counts cover the whole drafts, not only the rows shown.");
    }
    block(out, &intro);
    let mut t = format!(
        "| Party | A ({a}) | B ({b}) | Demands crossed, A → B |\n\
         | --- | :-: | :-: | :-: |\n"
    );
    let demands =
        |n: Option<usize>| n.map_or(Standing::NotAssessed.mark().to_string(), |n| n.to_string());
    for p in &r.red_lines {
        let _ = writeln!(
            t,
            "| {} ({}) | {} | {} | {} → {} |",
            escape::cell(&p.name),
            escape::cell(&p.short),
            escape::cell(&p.cell_left),
            escape::cell(&p.cell_right),
            demands(p.demands_left),
            demands(p.demands_right),
        );
    }
    block(out, t.trim_end());
    let items: Vec<String> = r.red_lines.iter().map(|p| party_lines(r, p)).collect();
    if !items.is_empty() {
        block(out, &items.join("\n"));
    }
}

fn party_lines(r: &Report, p: &PartyScore) -> String {
    let mut item = Inline::new(Breaks::Hard(2));
    item.wrapped("**", &p.name).text(": ");
    if p.headline.is_empty() {
        item.text("no assessments.");
    } else {
        item.text(&p.headline).text(".");
    }
    let mut s = format!("- {}", item.finish());
    let groups = [
        (
            format!("newly crossed in {}", r.right.short),
            &p.newly_crossed,
        ),
        (
            format!("no longer crossed in {}", r.right.short),
            &p.no_longer_crossed,
        ),
        ("still crossed".to_string(), &p.still_crossed),
        (
            format!("open in {}, assessed in {}", r.right.short, r.left.short),
            &p.now_open,
        ),
        (
            format!(
                "not assessed in {}: held only in another period",
                r.left.short
            ),
            &p.dated_out_left,
        ),
        (
            format!(
                "not assessed in {}: held only in another period",
                r.right.short
            ),
            &p.dated_out_right,
        ),
    ];
    for (what, lines) in groups {
        if lines.is_empty() {
            continue;
        }
        let mut w = Inline::new(Breaks::Hard(4));
        w.wrapped("*", &format!("{}:", capitalise(&what)));
        let _ = write!(s, "\n  - {}", w.finish());
        for l in lines.iter() {
            let _ = write!(s, "\n    - {}", line_name(l, true));
        }
    }
    s
}

/// A position's title, then "(demand)" for a demand, and its id in code when `with_id`:
/// "No cap below 800,000 (`ua-army-800k`, demand)".
pub(super) fn line_name(l: &LineRef, with_id: bool) -> String {
    let mut notes = Vec::new();
    if with_id {
        notes.push(escape::code(&l.id));
    }
    if !l.hard {
        notes.push("demand".to_string());
    }
    let mut w = Inline::new(Breaks::Space);
    w.text(&l.title);
    let title = w.finish();
    if notes.is_empty() {
        title
    } else {
        format!("{title} ({})", notes.join(", "))
    }
}

fn legend(r: &Report, out: &mut String) {
    block(out, "## Legend");
    // Every mark from the one legend the app and the CLI use (crate::legend).
    let mut t = String::from("| Mark | Meaning |\n| :-: | --- |\n");
    for (_, entries) in crate::legend::sections() {
        for e in entries {
            let _ = writeln!(
                t,
                "| {} | {}: {} |",
                escape::cell(&super::build::mark(e.mark)),
                escape::cell(e.word),
                escape::cell(e.describe)
            );
        }
    }
    let (a, b) = (escape::cell(&r.left.short), escape::cell(&r.right.short));
    let _ = write!(
        t,
        "| ~~text~~ | words only in A ({a}) |\n\
         | **text** | words only in B ({b}) |\n\
         | *reported*, *inferred* | how the text is known, when no outlet printed it |"
    );
    block(out, &t);
}

fn footnotes(sources: &[SourceEntry], out: &mut String) {
    if sources.is_empty() {
        return;
    }
    block(out, "## Sources");
    block(
        out,
        "Numbered in order of first citation; each gives the outlet, the headline (or a \
         description in parentheses), the date and the address.",
    );
    for s in sources {
        let mut w = Inline::continuing(Breaks::Space);
        w.text(&s.outlet).text(", “").text(&s.title).text("”");
        if let Some(d) = &s.date {
            w.text(", ").text(d);
        }
        w.text(". ");
        match s.url.as_deref().map(|u| (u, escape::url(u))) {
            Some((_, Some(link))) => {
                w.markup(&link).text(". ");
            }
            Some((raw, None)) => {
                w.text(raw).text(". ");
            }
            None => {}
        }
        if let Some(n) = &s.note {
            w.text(n).text(" ");
        }
        w.text("Cited as ")
            .markup(&escape::code(&s.key))
            .text(" in ");
        w.markup(&escape::code(&s.plan)).text(".");
        block(out, &format!("[^{}]: {}", s.number, w.finish()));
    }
}

pub(super) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
