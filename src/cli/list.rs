//! `peacediff list`: the drafts, one line each.

use super::style::Styles;
use super::{CliError, Format, to_json};
use peacediff::model::{Corpus, Plan};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

/// One draft in `list --format json`.
#[derive(Serialize)]
struct PlanSummary<'a> {
    id: &'a str,
    short: &'a str,
    title: &'a str,
    date: String,
    status: &'static str,
    proposers: &'a [String],
    roles: &'a peacediff::model::Roles,
    base: Option<&'a str>,
    clauses: usize,
    top_level_clauses: usize,
    removed_from_base: usize,
    main_source: Option<&'a peacediff::model::Source>,
    file: &'a str,
}

fn summary(p: &Plan) -> PlanSummary<'_> {
    PlanSummary {
        id: &p.id,
        short: &p.short,
        title: &p.title,
        date: p.date.to_string(),
        status: p.status.as_str(),
        proposers: &p.proposers,
        roles: &p.roles,
        base: p.base.as_deref(),
        clauses: p.clauses.len(),
        top_level_clauses: p.top_level_count(),
        removed_from_base: p.removals.len(),
        main_source: p.main_sources.first().and_then(|k| p.source(k)),
        file: &p.file,
    }
}

pub fn run(corpus: &Corpus, format: Format, st: &Styles, out: &mut String) -> Result<(), CliError> {
    if format == Format::Json {
        #[derive(Serialize)]
        struct Listing<'a> {
            coverage: &'a str,
            as_of: Option<String>,
            plans: Vec<PlanSummary<'a>>,
        }
        let listing = Listing {
            coverage: &corpus.info.coverage,
            as_of: corpus.info.as_of.map(|d| d.to_string()),
            plans: corpus.plans.iter().map(summary).collect(),
        };
        return to_json(&listing, out);
    }
    let rows: Vec<[String; 6]> = corpus
        .plans
        .iter()
        .map(|p| {
            let mut count = if p.clauses.len() == p.top_level_count() {
                p.clauses.len().to_string()
            } else {
                format!("{} ({})", p.top_level_count(), p.clauses.len())
            };
            if p.base.is_some() {
                // A derived draft's numbering is its base's: mark it so the count is not
                // mistaken for the draft's own (the Geneva text's 19 points were never published).
                count.push('*');
            }
            let source = p
                .main_sources
                .first()
                .and_then(|k| p.source(k))
                .map(|s| s.outlet.clone())
                .unwrap_or_default();
            [
                p.short.clone(),
                p.id.clone(),
                p.date.to_string(),
                p.status.as_str().to_string(),
                count,
                source,
            ]
        })
        .collect();
    let header = ["DRAFT", "ID", "DATE", "STATUS", "POINTS", "MAIN SOURCE"];
    let mut widths = header.map(|h| h.width());
    for r in &rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.width());
        }
    }
    let line = |cells: &[String]| -> String {
        let mut s = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            if i + 1 == cells.len() {
                s.push_str(cell);
            } else {
                s.push_str(cell);
                s.push_str(&" ".repeat(w - cell.width() + 2));
            }
        }
        s.trim_end().to_string()
    };
    out.push_str(&st.bold(&line(&header.map(String::from))));
    out.push('\n');
    for r in &rows {
        out.push_str(&line(r));
        out.push('\n');
    }
    out.push_str(&st.dim("POINTS: numbered points (all clauses, with lettered sub-points)"));
    out.push('\n');
    if corpus.plans.iter().any(|p| p.base.is_some()) {
        out.push_str(&st.dim("* known only as changes to another draft: counted in that draft's numbering, unreported points included as unknown"));
        out.push('\n');
    }
    out.push_str(&st.dim(&format!("Coverage: {}", corpus.info.coverage)));
    out.push('\n');
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_bundled_draft_with_its_short_label() {
        let corpus = peacediff::load::load_bundled().unwrap().corpus;
        let mut out = String::new();
        run(&corpus, Format::Text, &Styles::plain(), &mut out).unwrap();
        for p in &corpus.plans {
            assert!(
                out.lines()
                    .any(|l| l.starts_with(&p.short) && l.contains(&p.id)),
                "{} missing:\n{out}",
                p.id
            );
        }
        assert!(!out.contains('\u{1b}'));
    }
}
