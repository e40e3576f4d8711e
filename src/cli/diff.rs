//! `peacediff diff A B [--changes-only]`: two drafts aligned row by row, with word diffs and
//! commitment-strength flags.

use super::show::find_plan;
use super::style::Styles;
use super::{CliError, Format, to_json};
use peacediff::align::{self, Alignment, RowKind};
use peacediff::diff::{SegmentKind, WordDiff};
use peacediff::model::{Corpus, Plan};
use std::fmt::Write;

pub fn run(
    corpus: &Corpus,
    a: &str,
    b: &str,
    changes_only: bool,
    format: Format,
    st: &Styles,
    out: &mut String,
) -> Result<usize, CliError> {
    let left = find_plan(corpus, a)?;
    let right = find_plan(corpus, b)?;
    let al = align::align(corpus, left, right);
    let changes = al.counts().changes();
    let result = match format {
        Format::Json => {
            let report = al.report(left, right, changes_only);
            let r = to_json(&report, out);
            std::mem::forget(report);
            r
        }
        Format::Text => {
            text(corpus, &al, left, right, changes_only, st, out);
            Ok(())
        }
    };
    // See `Command::Diff` in mod.rs: the process ends after printing.
    std::mem::forget(al);
    result.map(|()| changes)
}

/// `[-old-]{+new+}` inline, as `git diff --word-diff=plain`; coloured on terminals.
pub fn inline_diff(d: &WordDiff, st: &Styles) -> String {
    let mut s = String::new();
    for seg in &d.segments {
        match seg.kind {
            SegmentKind::Equal => s.push_str(&seg.text),
            SegmentKind::Removed if st.color => s.push_str(&st.removed(&seg.text)),
            SegmentKind::Added if st.color => s.push_str(&st.added(&seg.text)),
            SegmentKind::Removed => s.push_str(&format!("[-{}-]", seg.text)),
            SegmentKind::Added => s.push_str(&format!("{{+{}+}}", seg.text)),
        }
    }
    s
}

fn labels(plan: &Plan, idx: &[usize]) -> String {
    if idx.is_empty() {
        return "·".to_string();
    }
    idx.iter()
        .map(|&i| plan.clauses[i].label.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

fn text(
    corpus: &Corpus,
    al: &Alignment,
    left: &Plan,
    right: &Plan,
    changes_only: bool,
    st: &Styles,
    out: &mut String,
) {
    out.push_str(&format!(
        "{} {} ({}) → {} {} ({})\n",
        st.bold(&left.short),
        left.title,
        left.date,
        st.bold(&right.short),
        right.title,
        right.date
    ));
    let counts = al.counts();
    out.push_str(&format!("{} rows: {}\n", counts.total(), counts.summary()));
    let legend: Vec<String> = peacediff::legend::sections()[0]
        .1
        .iter()
        .map(|e| format!("{} {}", e.mark, e.word))
        .collect();
    out.push_str(&st.dim(&format!("key: {}\n", legend.join("  "))));
    // Each row's clause labels, worked out once: they set the column widths and are printed.
    let row_labels: Vec<(String, String)> = al
        .rows
        .iter()
        .map(|r| (labels(left, &r.left), labels(right, &r.right)))
        .collect();
    let width = |s: &String| s.chars().count();
    let lw = row_labels
        .iter()
        .map(|l| width(&l.0))
        .max()
        .unwrap_or(1)
        .min(16);
    let rw = row_labels
        .iter()
        .map(|l| width(&l.1))
        .max()
        .unwrap_or(1)
        .min(16);
    for (row, (l_labels, r_labels)) in al.rows.iter().zip(&row_labels) {
        if changes_only && !row.is_change() {
            continue;
        }
        let title = row
            .right
            .first()
            .map(|&i| &right.clauses[i])
            .or_else(|| row.left.first().map(|&i| &left.clauses[i]))
            .map(|c| c.title.as_str())
            .unwrap_or("");
        let mark = st.tone(row.class().legend().tone, &row.marks());
        // Which draft left it open, since the title printed is the right-hand clause's.
        let bracketed_in = |plan: &Plan, idx: &[usize]| {
            idx.iter()
                .any(|&i| peacediff::analysis::is_bracketed(&plan.clauses[i]))
        };
        let sides: Vec<&str> = [(left, &row.left), (right, &row.right)]
            .iter()
            .filter(|(p, idx)| bracketed_in(p, idx))
            .map(|(p, _)| p.short.as_str())
            .collect();
        let bracket = if sides.is_empty() {
            String::new()
        } else if row.bracketed_by.is_empty() {
            format!(" [bracketed in {}]", sides.join(" and "))
        } else {
            let by = peacediff::align::by_parties(corpus, &row.bracketed_by);
            format!(" [bracketed in {} {by}]", sides.join(" and "))
        };
        // Writing to a String cannot fail.
        let _ = writeln!(
            out,
            "\n{mark} {l_labels:<lw$}  {r_labels:<rw$}  {}{bracket}  {}",
            st.bold(title),
            st.dim(&format!("({})", row.basis.describe())),
        );
        if let Some(d) = &row.diff {
            out.push_str(&st.paragraph(&inline_diff(d, st), "    "));
            out.push('\n');
        }
        for f in &row.strength {
            out.push_str(&format!(
                "    {} {}\n",
                st.yellow(&format!("! {}", f.shift.mark())),
                f.summary
            ));
        }
        if let Some(k) = row.removal {
            let holder = if row.kind == RowKind::Added {
                left
            } else {
                right
            };
            if let Some(rem) = holder.removals.get(k) {
                let mut ev = format!(
                    "{} in {} ({}; sources {})",
                    rem.action.as_str(),
                    holder.short,
                    rem.certainty.as_str(),
                    if rem.sources.is_empty() {
                        "none".to_string()
                    } else {
                        rem.sources.join(", ")
                    }
                );
                if let Some(n) = &rem.note {
                    ev.push_str(": ");
                    ev.push_str(n);
                }
                out.push_str(&st.paragraph(&st.dim(&ev), "    "));
                out.push('\n');
            }
        }
    }
}
