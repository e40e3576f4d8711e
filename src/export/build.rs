//! Builds a [`Report`] from the engine: aligns the two drafts, applies the filters, collects the
//! red-line scoreboard, and numbers every source cited. Knows nothing of Markdown or JSON.

use super::report::*;
use super::{ExportOptions, Resolved};
use crate::align;
use crate::analysis::{self, PartyRedLines};
use crate::diff::SegmentKind;
use crate::model::{Clause, Corpus, Effect, Plan};
use std::collections::HashMap;

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

/// Per red line, the strongest effect on one side of a row, with the clause and note.
fn effects<'c>(clauses: &[&'c Clause]) -> HashMap<(&'c str, &'c str), (Effect, EffectNote)> {
    let mut map: HashMap<(&str, &str), (Effect, EffectNote)> = HashMap::new();
    for c in clauses {
        for a in &c.assessments {
            // A general position (no red line) is keyed by the empty id.
            let ids = a.red_lines.iter().map(String::as_str);
            for rl in ids.chain(a.is_general().then_some("")) {
                let key = (a.party.as_str(), rl);
                if map.get(&key).is_none_or(|(e, _)| a.effect < *e) {
                    let note = EffectNote {
                        effect: a.effect.as_str().to_string(),
                        clause: c.label.clone(),
                        note: a.note.clone(),
                    };
                    map.insert(key, (a.effect, note));
                }
            }
        }
    }
    map
}

type Side<'a, 'c> = (&'a Plan, &'a [&'c Clause], &'a [usize]);

/// The row's red-line changes (`analysis::row_standing_changes`), with the notes behind them.
fn assessment_changes(
    corpus: &Corpus,
    (lplan, left, lidx): Side,
    (rplan, right, ridx): Side,
) -> Vec<AssessmentChange> {
    let (l, r) = (effects(left), effects(right));
    analysis::row_standing_changes(corpus, (lplan, lidx), (rplan, ridx))
        .into_iter()
        .map(|ch| {
            let id = ch.red_line.as_deref().unwrap_or("");
            let key = (ch.party.as_str(), id);
            AssessmentChange {
                party: ch.party.clone(),
                red_line: ch.red_line.as_ref().map(|id| {
                    let rl = corpus.red_line(id);
                    LineRef {
                        id: id.clone(),
                        title: rl.map_or(id.clone(), |r| r.title.clone()),
                        hard: rl.is_some_and(|r| r.firmness.is_hard()),
                    }
                }),
                left: l.get(&key).map(|x| x.1.clone()),
                right: r.get(&key).map(|x| x.1.clone()),
                left_standing: analysis::StandingChange::describe(ch.from, true),
                right_standing: analysis::StandingChange::describe(ch.to, false),
            }
        })
        .collect()
}

fn scoreboard(corpus: &Corpus, left: &Plan, right: &Plan, only: Option<&Named>) -> Vec<PartyScore> {
    let (ra, rb) = (
        analysis::plan_redlines(corpus, left),
        analysis::plan_redlines(corpus, right),
    );
    let delta = analysis::redline_delta(corpus, left, right);
    let line = |id: &String| LineRef {
        id: id.clone(),
        title: corpus.red_line(id).map_or(id.clone(), |r| r.title.clone()),
        hard: corpus.red_line(id).is_some_and(|r| r.firmness.is_hard()),
    };
    let crossed = |p: Option<&PartyRedLines>| -> Vec<LineRef> {
        p.map(|p| p.crossed.iter().map(|h| line(&h.red_line)).collect())
            .unwrap_or_default()
    };
    let open = |p: Option<&PartyRedLines>| -> Vec<LineRef> {
        p.map(|p| p.open.iter().map(|h| line(&h.red_line)).collect())
            .unwrap_or_default()
    };
    let dated_out = |p: Option<&PartyRedLines>| -> Vec<LineRef> {
        p.map(|p| p.dated_out.iter().map(line).collect())
            .unwrap_or_default()
    };
    let summary = |p: Option<&PartyRedLines>| {
        p.map(|p| p.summary).unwrap_or(analysis::PartySummary {
            assessed: false,
            hard: Default::default(),
            demands: Default::default(),
        })
    };
    let demands = |p: Option<&PartyRedLines>| {
        p.filter(|p| p.summary.assessed)
            .map(|p| p.summary.demands.crossed)
    };
    corpus
        .parties
        .iter()
        .filter(|p| only.is_none_or(|o| o.id == p.id))
        .map(|p| {
            let d = delta.party(&p.id);
            let ids = |f: fn(&analysis::PartyDelta) -> &Vec<String>| -> Vec<LineRef> {
                d.map(|d| f(d).iter().map(line).collect())
                    .unwrap_or_default()
            };
            let mut score = PartyScore {
                party: p.id.clone(),
                name: p.name.clone(),
                short: p.short.clone(),
                crossed_left: crossed(ra.party(&p.id)),
                crossed_right: crossed(rb.party(&p.id)),
                change: 0,
                newly_crossed: ids(|d| &d.newly_crossed),
                no_longer_crossed: ids(|d| &d.no_longer_crossed),
                still_crossed: ids(|d| &d.still_crossed),
                open_left: open(ra.party(&p.id)),
                open_right: open(rb.party(&p.id)),
                now_open: ids(|d| &d.now_open),
                dated_out_left: dated_out(ra.party(&p.id)),
                dated_out_right: dated_out(rb.party(&p.id)),
                headline: d.map(|d| d.headline.clone()).unwrap_or_default(),
                cell_left: summary(ra.party(&p.id)).cell(),
                cell_right: summary(rb.party(&p.id)).cell(),
                demands_left: demands(ra.party(&p.id)),
                demands_right: demands(rb.party(&p.id)),
            };
            let (a, b) = score.hard_counts();
            score.change = b as i64 - a as i64;
            score
        })
        .collect()
}

/// Numbers sources in order of first citation, citing a source shared by both drafts (a
/// derived draft's `us-28/A1`) once.
#[derive(Default)]
struct SourceBook {
    entries: Vec<SourceEntry>,
}

impl SourceBook {
    fn cite_all(&mut self, plan: &Plan, keys: &[String]) -> Vec<usize> {
        let mut out: Vec<usize> = keys.iter().filter_map(|k| self.cite(plan, k)).collect();
        out.dedup();
        out
    }

    fn cite(&mut self, plan: &Plan, key: &str) -> Option<usize> {
        let s = plan.source(key)?;
        let date = s.date.map(|d| d.to_string());
        if let Some(e) = self.entries.iter().find(|e| {
            e.outlet == s.outlet && e.title == s.title && e.url == s.url && e.date == date
        }) {
            return Some(e.number);
        }
        let number = self.entries.len() + 1;
        self.entries.push(SourceEntry {
            number,
            plan: plan.id.clone(),
            key: s.key.clone(),
            outlet: s.outlet.clone(),
            title: s.title.clone(),
            date,
            url: s.url.clone(),
            note: s.note.clone(),
        });
        Some(number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Firmness, Party, Source};
    use crate::testing::{assess, clause, corpus, party, plan};

    fn with_effect(id: &str, effect: Effect) -> Clause {
        let mut c = clause(id, "text", &["t"]);
        c.assessments = vec![assess("ua", effect, "ua-line")];
        c
    }

    fn ua() -> Party {
        party("ua", "Ukraine", &[("ua-line", Firmness::HardLegal)])
    }

    #[test]
    fn only_effects_that_differ_are_changes() {
        let c = corpus(vec![ua()], vec![]);
        let (cross, meet) = (
            with_effect("1", Effect::Crosses),
            with_effect("2", Effect::Meets),
        );
        // Draft a: 0 crosses, 1 meets; draft b: 0 crosses, 1 meets, 2 silent on the line.
        let a = plan("a", (2025, 1, 1), vec![cross.clone(), meet.clone()]);
        let mut quiet = clause("2", "other", &["t"]);
        quiet.assessments.clear();
        let b = plan("b", (2025, 2, 1), vec![cross.clone(), meet.clone(), quiet]);
        let changes = |l: &[usize], r: &[usize]| {
            let side = |p: &'_ Plan, idx: &[usize]| -> Vec<Clause> {
                idx.iter().map(|&i| p.clauses[i].clone()).collect()
            };
            let (lc, rc) = (side(&a, l), side(&b, r));
            let lr: Vec<&Clause> = lc.iter().collect();
            let rr: Vec<&Clause> = rc.iter().collect();
            assessment_changes(&c, (&a, &lr, l), (&b, &rr, r))
        };
        assert!(changes(&[0], &[0]).is_empty());
        let ch = changes(&[0], &[1]);
        assert_eq!(ch.len(), 1);
        assert_eq!(
            ch[0].left.as_ref().map(|e| e.effect.as_str()),
            Some("crosses")
        );
        assert_eq!(ch[0].right.as_ref().map(|e| e.clause.as_str()), Some("2"));
        assert_eq!(
            (ch[0].left_standing.as_str(), ch[0].right_standing.as_str()),
            ("✗ crosses", "✓ meets")
        );
        // Several clauses on one side: the strongest effect stands for them.
        assert!(changes(&[1, 0], &[0]).is_empty());
        let ch = changes(&[0], &[]);
        assert!(ch[0].right.is_none(), "no assessment on the right");
        assert_eq!(ch[0].right_standing, "- dropped", "no clause on the right");
    }

    #[test]
    fn a_source_shared_by_both_drafts_is_numbered_once() {
        let source = |key: &str| Source {
            key: key.into(),
            outlet: "Outlet".into(),
            title: "Headline".into(),
            date: None,
            url: Some("https://example.org".into()),
            note: None,
        };
        let mut a = plan("a", (2025, 1, 1), vec![]);
        a.sources = vec![source("A1")];
        let mut b = plan("b", (2025, 1, 2), vec![]);
        b.sources = vec![source("B1"), source("a/A1")];
        b.sources[0].title = "Other".into();
        let mut book = SourceBook::default();
        assert_eq!(book.cite_all(&a, &["A1".into()]), vec![1]);
        assert_eq!(
            book.cite_all(&b, &["B1".into(), "a/A1".into(), "nope".into()]),
            vec![2, 1]
        );
        assert_eq!(book.entries.len(), 2);
        assert_eq!(book.entries[1].key, "B1");
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
