//! Builds a [`Report`] from the engine: aligns the two drafts, applies the filters, collects the
//! red-line scoreboard, and numbers every source cited. Knows nothing of Markdown or JSON.

mod red_lines;
mod sources;

use super::report::*;
use super::{ExportOptions, Resolved};
use crate::align;
use crate::analysis;
use crate::diff::SegmentKind;
use crate::model::{Clause, Corpus, Plan};
use red_lines::{assessment_changes, scoreboard};
use sources::SourceBook;

/// The report for `left` against `right` with the given options. Filters that name no topic
/// or party of the corpus match nothing (check them first with [`ExportOptions::resolve`]).
pub fn build(corpus: &Corpus, left: &Plan, right: &Plan, options: &ExportOptions) -> Report {
    let filters = options.resolve_lenient(corpus);
    let alignment = align::align(corpus, left, right);
    let mut book = SourceBook::default();
    let left_header = draft_header(corpus, left, &mut book);
    let right_header = draft_header(corpus, right, &mut book);

    let matching: Vec<&align::Row> = alignment
        .rows
        .iter()
        .filter(|r| row_matches(r, left, right, &filters))
        .collect();
    let tally = align::Counts::of(matching.iter().copied());
    let counts = tally
        .class_items()
        .into_iter()
        .chain(tally.flag_items())
        .map(|(e, count)| KindCount {
            kind: e.word.to_string(),
            mark: mark(e.mark),
            count,
        })
        .collect();
    let rows: Vec<Row> = matching
        .iter()
        .filter(|r| !options.changes_only || r.is_change())
        .map(|r| row(corpus, left, right, r, &mut book))
        .collect();

    Report {
        schema: SCHEMA.to_string(),
        generator: format!("peacediff {}", env!("CARGO_PKG_VERSION")),
        corpus: CorpusHeader {
            title: corpus.info.title.clone(),
            coverage: corpus.info.coverage.clone(),
            as_of: corpus.info.as_of.map(|d| d.to_string()),
        },
        left: left_header,
        right: right_header,
        filters: Filters {
            changes_only: options.changes_only,
            topic: filters.topic.clone(),
            party: filters.party.clone(),
        },
        summary: Summary {
            rows_total: alignment.rows.len(),
            rows_matching: matching.len(),
            rows_shown: rows.len(),
            counts,
        },
        red_lines: scoreboard(corpus, left, right, filters.party.as_ref()),
        rows,
        sources: book.entries,
    }
}

/// A row mark as the export writes it. The engine's `-` for dropped becomes a real minus sign
/// (the same glyph), which cannot be read as a Markdown list marker and lines up with `+`.
pub fn mark(mark: &str) -> String {
    mark.replace('-', "−")
}

fn row_matches(r: &align::Row, left: &Plan, right: &Plan, f: &Resolved) -> bool {
    let clauses = || {
        r.left
            .iter()
            .filter_map(|&i| left.clauses.get(i))
            .chain(r.right.iter().filter_map(|&i| right.clauses.get(i)))
    };
    let topic_ok = f
        .topic
        .as_ref()
        .is_none_or(|t| clauses().any(|c| c.topics.contains(&t.id)));
    let party_ok = f
        .party
        .as_ref()
        .is_none_or(|p| clauses().any(|c| c.assessments.iter().any(|a| a.party == p.id)));
    topic_ok && party_ok
}

fn draft_header(corpus: &Corpus, plan: &Plan, book: &mut SourceBook) -> DraftHeader {
    DraftHeader {
        id: plan.id.clone(),
        short: plan.short.clone(),
        title: plan.title.clone(),
        date: plan.date.to_string(),
        status: plan.status.as_str().to_string(),
        proposers: plan
            .proposers
            .iter()
            .map(|id| corpus.party(id).map_or(id.clone(), |p| p.name.clone()))
            .collect(),
        base: plan.base.clone(),
        summary: plan.summary.clone(),
        sources: book.cite_all(plan, &plan.main_sources),
        roles: plan
            .roles
            .named()
            .into_iter()
            .map(|(role, ids)| RoleEntry {
                role: role.to_string(),
                ids: ids.to_vec(),
                names: crate::describe::names(corpus, ids),
            })
            .collect(),
        documents: plan
            .documents
            .iter()
            .map(|d| DocumentEntry {
                key: d.key.clone(),
                title: d.title.clone(),
                date: d.date.map(|x| x.to_string()),
                url: d.url.clone(),
            })
            .collect(),
    }
}

fn row<'c>(
    corpus: &Corpus,
    left: &'c Plan,
    right: &'c Plan,
    r: &align::Row,
    book: &mut SourceBook,
) -> Row {
    let side = |plan: &Plan, idx: &[usize], book: &mut SourceBook| -> Vec<ClauseEntry> {
        idx.iter()
            .filter_map(|&i| plan.clauses.get(i))
            .map(|c| clause_entry(corpus, plan, c, book))
            .collect()
    };
    let left_entries = side(left, &r.left, book);
    let right_entries = side(right, &r.right, book);
    let removal = r.removal.and_then(|i| {
        let holder = if r.left.is_empty() { left } else { right };
        holder.removals.get(i).map(|rm| RemovalEntry {
            action: rm.action.as_str().to_string(),
            certainty: rm.certainty.as_str().to_string(),
            note: rm.note.clone(),
            sources: book.cite_all(holder, &rm.sources),
        })
    });
    let clauses = |plan: &'c Plan, idx: &[usize]| -> Vec<&'c Clause> {
        idx.iter().filter_map(|&i| plan.clauses.get(i)).collect()
    };
    Row {
        kind: r.kind.label().to_string(),
        class: r.class().label().to_string(),
        mark: mark(&r.marks()),
        words: r.words_in(corpus),
        matched_on: r.basis.describe(),
        left: left_entries,
        right: right_entries,
        diff: r.diff.as_ref().map(|d| {
            d.segments
                .iter()
                .map(|s| DiffSegment {
                    kind: match s.kind {
                        SegmentKind::Equal => "equal",
                        SegmentKind::Removed => "removed",
                        SegmentKind::Added => "added",
                    }
                    .to_string(),
                    text: s.text.clone(),
                })
                .collect()
        }),
        strength: r
            .strength
            .iter()
            .map(|f| StrengthEntry {
                kind: f.kind.as_str().to_string(),
                shift: f.shift.as_str().to_string(),
                removed: f.removed.clone(),
                added: f.added.clone(),
                summary: f.summary.clone(),
            })
            .collect(),
        bracketed: r.bracketed,
        moved: r.moved,
        unreported: r.unreported,
        disputed: r.disputed,
        left_open: all_open(left, &r.left),
        right_open: all_open(right, &r.right),
        removal,
        assessment_changes: assessment_changes(
            corpus,
            (left, &clauses(left, &r.left), &r.left),
            (right, &clauses(right, &r.right), &r.right),
        ),
    }
}

/// Whether every clause of one side of a row leaves positions open (none: it does not).
fn all_open(plan: &Plan, idx: &[usize]) -> bool {
    !idx.is_empty()
        && idx
            .iter()
            .filter_map(|&i| plan.clauses.get(i))
            .all(crate::analysis::leaves_open)
}

fn clause_entry(corpus: &Corpus, plan: &Plan, c: &Clause, book: &mut SourceBook) -> ClauseEntry {
    ClauseEntry {
        id: c.id.clone(),
        label: c.label.clone(),
        title: c.title.clone(),
        text: c.text.clone(),
        topics: c.topics.clone(),
        certainty: c.certainty.as_str().to_string(),
        certainty_note: c.certainty_note.clone(),
        confidence: c.confidence.map(|x| x.as_str().to_string()),
        certainty_flag: crate::describe::certainty_flag(c),
        depth: plan.clause_index(&c.id).map_or(0, |i| plan.depth(i)),
        refs: c
            .refs
            .iter()
            .map(|r| {
                let (kind, target) = match &r.target {
                    crate::model::RefTarget::Clause(id) => ("clause", id.clone()),
                    crate::model::RefTarget::Document(key) => ("document", key.clone()),
                };
                RefEntry {
                    relation: r.relation.as_str().to_string(),
                    kind: kind.to_string(),
                    target,
                    part: r.part.clone(),
                    note: r.note.clone(),
                    words: crate::describe::reference(plan, r),
                    url: crate::describe::target_url(plan, &r.target).map(str::to_string),
                }
            })
            .collect(),
        cited_by: crate::describe::referred_by(plan, c),
        status: c.status.map(|s| s.as_str().to_string()),
        status_words: analysis::status_words(corpus, c),
        bracketed_by: c.bracketed_by.clone(),
        note: c.note.clone(),
        order_uncertain: c.order_uncertain,
        sources: book.cite_all(plan, &c.sources),
        assessments: c
            .assessments
            .iter()
            .map(|a| AssessmentEntry {
                party: a.party.clone(),
                effect: a.effect.as_str().to_string(),
                red_lines: a.red_lines.clone(),
                note: a.note.clone(),
                confidence: a.confidence.map(|c| c.as_str().to_string()),
                as_of: a.as_of.map(|d| d.to_string()),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Effect, Firmness, Party};
    use crate::testing::{assess, clause, corpus, party, plan};

    /// A clause assessed by Ukraine against its one line (also for `red_lines`' tests).
    pub(super) fn with_effect(id: &str, effect: Effect) -> Clause {
        let mut c = clause(id, "text", &["t"]);
        c.assessments = vec![assess("ua", effect, "ua-line")];
        c
    }

    /// Ukraine with one hard line, `ua-line`.
    pub(super) fn ua() -> Party {
        party("ua", "Ukraine", &[("ua-line", Firmness::HardLegal)])
    }

    #[test]
    fn filters_keep_rows_on_the_topic_that_touch_the_party() {
        let mut on_topic = clause("1", "one", &["territory"]);
        on_topic.assessments = vec![assess("ua", Effect::Crosses, "ua-line")];
        let off_topic = with_effect("2", Effect::Crosses);
        let silent = clause("3", "three", &["territory"]);
        let a = plan("a", (2025, 1, 1), vec![on_topic, off_topic, silent]);
        let b = plan("b", (2025, 1, 2), vec![]);
        let c = corpus(vec![ua()], vec![a.clone(), b.clone()]);
        let opts = ExportOptions {
            topic: Some("territory".into()),
            party: Some("Ukraine".into()),
            ..ExportOptions::default()
        };
        let report = build(&c, &a, &b, &opts);
        let kept: Vec<&str> = report
            .rows
            .iter()
            .flat_map(|r| r.left.iter().map(|c| c.id.as_str()))
            .collect();
        assert_eq!(kept, ["1"]);
        assert_eq!(report.summary.rows_matching, 1);
        assert_eq!(report.summary.rows_total, 3);
        assert_eq!(
            report.filters.party.as_ref().map(|p| p.id.as_str()),
            Some("ua")
        );
    }
}
