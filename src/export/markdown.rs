//! The Markdown export: a [`Report`] as a GitHub-flavoured document that reads without colour.
//!
//! Title and header table, filters, summary counts, the red-line scoreboard, a legend, the
//! clause-by-clause section (in `rows.rs`) and the sources as footnotes. Every string from the
//! data goes through `escape`; this module only decides the layout.

use super::escape::{self, Breaks, Inline};
use super::report::{LineRef, PartyScore, Report, SourceEntry};
use super::rows;
use crate::align::RowKind;
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
    let always = [
        RowKind::Unchanged,
        RowKind::Revised,
        RowKind::Dropped,
        RowKind::Added,
        RowKind::Moved,
    ];
    for k in &r.summary.counts {
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
    block(out, &t);
}

fn scoreboard(r: &Report, out: &mut String) {
    block(out, "## Red lines");
    let (a, b) = (escape::cell(&r.left.short), escape::cell(&r.right.short));
    let mut intro = format!(
        "Hard red lines of each party crossed in A ({a}) and in B ({b}), from the assessments \
         in the data; demands (firm positions and preferences) are counted apart. Open: \
         positions a draft written as changes to another leaves open, its clauses on them \
         unreported or bracketed without an assessment; they are not counted as crossed."
    );
    if r.filters.topic.is_some() || r.filters.party.is_some() {
        intro.push_str(" The counts cover the whole drafts, not only the rows shown.");
    }
    block(out, &intro);
    let mut t = format!(
        "| Party | ✗ in A ({a}) | ✗ in B ({b}) | Change | Demands crossed, A → B | Open, A → B |\n\
         | --- | --: | --: | --: | :-: | :-: |\n"
    );
    for p in &r.red_lines {
        let (ha, hb) = p.hard_counts();
        let _ = writeln!(
            t,
            "| {} ({}) | {ha} | {hb} | {} | {} → {} | {} → {} |",
            escape::cell(&p.name),
            escape::cell(&p.short),
            signed(p.change),
            p.crossed_left.len() - ha,
            p.crossed_right.len() - hb,
            p.open_left.len(),
            p.open_right.len()
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
    let mut t = String::from("| Mark | Meaning |\n| :-: | --- |\n");
    for k in RowKind::ALL {
        let _ = writeln!(
            t,
            "| {} | {}: {} |",
            escape::cell(super::build::mark(k)),
            escape::cell(k.label()),
            escape::cell(k.describe())
        );
    }
    let (a, b) = (escape::cell(&r.left.short), escape::cell(&r.right.short));
    let _ = write!(
        t,
        "| ✗ | crosses a party's red line or demand |\n\
         | ~ | partly meets it (ambiguous, or meets one position and crosses another) |\n\
         | ✓ | meets it |\n\
         | ? open | not assessed in a draft that leaves the clause's fate unreported, or bracketed |\n\
         | ~~text~~ | words only in A ({a}) |\n\
         | **text** | words only in B ({b}) |\n\
         | \\[bracketed\\] | left open for the leaders to decide |\n\
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

fn signed(n: i64) -> String {
    match n {
        0 => "0".to_string(),
        n if n > 0 => format!("+{n}"),
        n => format!("−{}", -n),
    }
}
