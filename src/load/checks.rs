//! The checks loading makes once every file is parsed — cross-references between clauses,
//! unique plan ids and short labels, red lines no clause assesses — and the order in which
//! all problems are reported (root causes first, no echoes of placeholders).
//!
//! Apart from the loading sequence so that each check reads on its own.

use super::resolve::{DraftPart, Registry};
use super::{fields, parse, raw, roles};
use crate::diagnostic::{Diagnostic, SourceText};
use std::collections::HashMap;

/// Checks each clause's cross-references once its draft's clause list is final (a derived
/// draft's clauses include its base's), and stores them on the clauses.
pub(super) fn resolve_refs(
    src: &SourceText,
    plan: &mut crate::model::Plan,
    pending: Vec<(String, Vec<toml::Spanned<raw::RawRef>>)>,
    diags: &mut Vec<Diagnostic>,
) {
    let mut sink = fields::Sink { src, out: diags };
    for (clause, raw) in pending {
        let refs = roles::references(&mut sink, &clause, &raw, plan);
        if let Some(i) = plan.clause_index(&clause) {
            plan.clauses[i].refs = refs;
        }
    }
}

/// Removes the diagnostics from `from` on that sit on a placeholder: a wrong-typed value was
/// reported as such, and what the checks say about its empty stand-in is only an echo of it.
pub(super) fn drop_placeholder_echoes(
    diags: &mut Vec<Diagnostic>,
    from: usize,
    src: &SourceText,
    poisoned: &parse::Poisoned,
) {
    if poisoned.is_empty() {
        return;
    }
    let at: Vec<(usize, usize)> = poisoned.iter().map(|p| src.locate(p.start)).collect();
    let file = crate::sanitize::clean_line(&src.name);
    let mut i = 0;
    diags.retain(|d| {
        i += 1;
        i <= from || d.file != file || !at.contains(&(d.line, d.column))
    });
}

/// Every file's own problems first, each file's in position order, then the problems of
/// references between files (from `cross_from`), without echoes of placeholders: a root
/// cause comes before anything it may have caused.
pub(super) fn in_report_order(
    mut diags: Vec<Diagnostic>,
    cross_from: usize,
    poisoned: &[(String, usize, usize)],
) -> Vec<Diagnostic> {
    let mut cross = diags.split_off(cross_from);
    cross.retain(|d| !poisoned.contains(&(d.file.clone(), d.line, d.column)));
    let by_place = |a: &Diagnostic, b: &Diagnostic| {
        (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column))
    };
    diags.sort_by(by_place);
    cross.sort_by(by_place);
    diags.extend(cross);
    diags
}

pub(super) fn check_plan_ids(
    parsed: &[(&SourceText, parse::DraftDoc, DraftPart)],
    diags: &mut Vec<Diagnostic>,
) {
    let mut ids: HashMap<&str, &str> = HashMap::new();
    let mut shorts: HashMap<String, &str> = HashMap::new();
    for (src, doc, part) in parsed {
        let Some(h) = &doc.header else { continue };
        if let Some(other) = ids.insert(&part.plan.id, &src.name) {
            diags.push(
                src.error(
                    h.id.span(),
                    format!("duplicate plan id `{}` (also in {other})", part.plan.id),
                )
                .with_hint("each draft needs its own id"),
            );
        }
        if let Some(other) = shorts.insert(part.plan.short.to_lowercase(), &src.name) {
            diags.push(
                src.error(
                    h.short.span(),
                    format!(
                        "duplicate short label `{}` (also in {other})",
                        part.plan.short
                    ),
                )
                .with_hint(
                    "short labels name drafts in columns and on the command line; make them unique",
                ),
            );
        }
    }
}

pub(super) fn warn_untouched_red_lines(
    src: Option<&SourceText>,
    parties: &[crate::model::Party],
    reg: &Registry,
    spans: &HashMap<String, std::ops::Range<usize>>,
    diags: &mut Vec<Diagnostic>,
) {
    let Some(src) = src else { return };
    let used = reg
        .used_red_lines
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let untouched: Vec<&str> = parties
        .iter()
        .flat_map(|p| &p.red_lines)
        .filter(|r| !used.contains(&r.id) && r.untouched_note.is_none())
        .map(|r| r.id.as_str())
        .collect();
    let Some(first) = untouched.first() else {
        return;
    };
    let span = spans.get(*first).cloned().unwrap_or(0..0);
    let list = untouched
        .iter()
        .map(|id| format!("`{id}`"))
        .collect::<Vec<_>>()
        .join(", ");
    diags.push(
        src.warning(
            span,
            format!(
                "{} red line(s) not assessed by any clause: {list}",
                untouched.len()
            ),
        )
        .with_hint(
            "assess them where a clause touches them, or say why none does in `untouched_note`",
        ),
    );
}
