//! What the views show that is worked out from the whole corpus — the red-line scoreboard,
//! each draft's clause × party cells and its change from the draft before, the topic × draft
//! grid, the Topics view's clause history and Compare's alignment — computed the first time a
//! view needs it rather than all at start.
//!
//! On two drafts of 10,000 clauses computing everything up front took about a third of a
//! second before the first frame, most of it for views the user may never open. `update`
//! calls [`App::ensure_view`] after every action (and so does everything else that changes
//! the view or its draft), so render functions only read what is already there; each part is
//! computed once and kept, and every value is still the engine's own (`analysis::*`,
//! `align::align`), never re-derived here.

use super::App;
use crate::tui::action::View;
use crate::tui::layout::{self, inner};
use crate::tui::wrap::LineIndex;
use peacediff::analysis::{
    Baseline, ClauseHistory, PlanRedLines, RedLineDelta, baseline, clause_history, clause_matrix,
    plan_redlines, redline_delta, topic_history,
};
use peacediff::legend::Standing;
use std::collections::HashMap;

/// The parts computed so far (all empty at start).
#[derive(Default)]
pub struct Derived {
    /// Every draft's red-line standing, for the scoreboard.
    board: Option<Vec<PlanRedLines>>,
    /// Per draft: [clause][party] standings (`analysis::clause_matrix`).
    cells: HashMap<usize, Vec<Vec<Standing>>>,
    /// Per draft: the draft it is measured against and every party's change from it, when
    /// it has one.
    trends: HashMap<usize, Option<(Baseline, RedLineDelta)>>,
    /// Clause indices per topic (rows, corpus order) and draft (columns, date order).
    topic_grid: Option<Vec<Vec<Vec<usize>>>>,
    /// The history of the clause selected in Topics: (draft, clause) and its history.
    history: Option<((usize, usize), ClauseHistory)>,
    /// Where the lines of the clause in Browse's detail pane start: (draft, clause) and the
    /// index at the pane's width, extended as far as the pane has been scrolled.
    detail: Option<((usize, usize), LineIndex)>,
}

impl App {
    /// Computes what the view on show needs and is not computed yet.
    pub fn ensure_view(&mut self) {
        match self.view {
            View::Browse => {
                let (width, height) = self.detail_size();
                let lines = self.browse.detail_scroll.saturating_add(height + 1);
                self.ensure_detail_index(width, lines);
            }
            View::Compare => self.ensure_alignment(),
            View::RedLines => {
                let plan = self.redlines.plan;
                if plan >= self.corpus.plans.len() {
                    return;
                }
                let corpus = &self.corpus;
                let d = &mut self.derived;
                d.board.get_or_insert_with(|| {
                    corpus
                        .plans
                        .iter()
                        .map(|p| plan_redlines(corpus, p))
                        .collect()
                });
                d.cells
                    .entry(plan)
                    .or_insert_with(|| clause_matrix(corpus, &corpus.plans[plan]));
                d.trends.entry(plan).or_insert_with(|| {
                    let now = &corpus.plans[plan];
                    let b = baseline(corpus, now)?;
                    let before = corpus.plan(&b.plan)?;
                    let delta = redline_delta(corpus, before, now);
                    Some((b, delta))
                });
            }
            View::Topics => {
                let corpus = &self.corpus;
                self.derived.topic_grid.get_or_insert_with(|| {
                    corpus
                        .topics
                        .iter()
                        .map(|t| {
                            topic_history(corpus, &t.id)
                                .entries
                                .into_iter()
                                .map(|e| e.clauses.into_iter().map(|c| c.index).collect())
                                .collect()
                        })
                        .collect()
                });
                let at = self.topic_clause();
                let cached = self.derived.history.as_ref().map(|(k, _)| *k);
                if at != cached {
                    self.derived.history = at.and_then(|(p, c)| {
                        let plan = self.corpus.plans.get(p)?;
                        Some(((p, c), clause_history(&self.corpus, plan, c)))
                    });
                }
            }
        }
    }

    /// The inner width and height of Browse's detail pane.
    pub(super) fn detail_size(&self) -> (usize, usize) {
        let areas = layout::browse(self.body(), self.counterpart_count());
        let body = inner(areas.detail);
        (usize::from(body.width), usize::from(body.height))
    }

    /// The line index of the clause selected in Browse at `width`, knowing at least `lines`
    /// lines of its text (or all of them).
    pub(super) fn ensure_detail_index(&mut self, width: usize, lines: usize) -> Option<&LineIndex> {
        let key = (self.browse.plan, self.browse.list.selected);
        let text = self
            .corpus
            .plans
            .get(key.0)?
            .clauses
            .get(key.1)?
            .text
            .as_str();
        let fresh = |d: &((usize, usize), LineIndex)| d.0 == key && d.1.width() == width.max(1);
        if !self.derived.detail.as_ref().is_some_and(fresh) {
            self.derived.detail = Some((key, LineIndex::new(width)));
        }
        let (_, index) = self.derived.detail.as_mut()?;
        index.extend(text, lines);
        Some(index)
    }

    /// The kept line index of the clause selected in Browse, if it is at `width` and knows
    /// `lines` lines (or all).
    pub fn detail_index(&self, width: usize, lines: usize) -> Option<&LineIndex> {
        let key = (self.browse.plan, self.browse.list.selected);
        self.derived
            .detail
            .as_ref()
            .filter(|(k, i)| {
                *k == key && i.width() == width.max(1) && (i.is_complete() || i.known() >= lines)
            })
            .map(|(_, i)| i)
    }

    /// Every draft's red-line standing (empty until the Red lines view was shown).
    pub fn board(&self) -> &[PlanRedLines] {
        self.derived.board.as_deref().unwrap_or(&[])
    }

    /// The [clause][party] standings of draft `plan`, once the Red lines view showed it.
    pub fn clause_cells(&self, plan: usize) -> Option<&[Vec<Standing>]> {
        self.derived.cells.get(&plan).map(Vec::as_slice)
    }

    /// The draft draft `plan` is measured against, and every party's change from it (`None`
    /// when it has none, or before the Red lines view showed it).
    pub fn trend(&self, plan: usize) -> Option<&(Baseline, RedLineDelta)> {
        self.derived.trends.get(&plan).and_then(Option::as_ref)
    }

    /// Clause indices of topic `topic` in draft `plan` (empty until Topics was shown).
    pub fn topic_clauses(&self, topic: usize, plan: usize) -> &[usize] {
        self.derived
            .topic_grid
            .as_ref()
            .and_then(|g| g.get(topic))
            .and_then(|row| row.get(plan))
            .map_or(&[], Vec::as_slice)
    }

    /// The history of the clause selected in Topics across every draft.
    pub fn topic_history(&self) -> Option<&ClauseHistory> {
        let at = self.topic_clause()?;
        self.derived
            .history
            .as_ref()
            .filter(|(k, _)| *k == at)
            .map(|(_, h)| h)
    }
}

#[cfg(test)]
mod tests {
    use crate::tui::action::View;
    use crate::tui::testkit::{app, fixture, press, screen};

    #[test]
    fn each_view_computes_its_part_when_first_shown_and_keeps_it() {
        let mut a = app(100, 30, false);
        assert!(a.alignment().is_none(), "Browse does not align");
        assert!(a.board().is_empty());
        assert!(a.clause_cells(1).is_none());
        assert!(a.topic_clauses(0, 1).is_empty());
        assert!(a.topic_history().is_none());
        press(&mut a, "2");
        assert!(a.alignment().is_some());
        assert!(!a.compare.visible.is_empty());
        press(&mut a, "3");
        assert_eq!(a.board().len(), 3);
        assert!(a.clause_cells(1).is_some());
        assert!(a.clause_cells(0).is_none(), "only the draft on show");
        press(&mut a, "4");
        let territory = a.corpus.topics.iter().position(|t| t.id == "territory");
        assert_eq!(territory.map(|t| a.topic_clauses(t, 1)), Some(&[0][..]));
        press(&mut a, "1");
        assert!(a.alignment().is_some(), "kept when another view is shown");
    }

    #[test]
    fn the_history_follows_the_clause_selected_in_topics() {
        let mut a = app(100, 30, false);
        press(&mut a, "4");
        let mut seen = Vec::new();
        for _ in 0..a.corpus.topics.len() {
            if let Some((p, c)) = a.topic_clause() {
                let h = a.topic_history().expect("computed for the selection");
                assert_eq!(
                    (h.plan.as_str(), h.clause.index),
                    (a.corpus.plans[p].id.as_str(), c)
                );
                seen.push(c);
            } else {
                assert!(a.topic_history().is_none());
            }
            press(&mut a, "j");
        }
        assert!(seen.len() > 1, "{seen:?}");
    }

    #[test]
    fn a_reload_in_browse_keeps_the_compare_row_once_compare_was_shown() {
        let mut a = app(100, 30, false);
        press(&mut a, "2jj1");
        let row = a.compare.rows.selected;
        a.reload(Ok(fixture()));
        assert_eq!(a.view, View::Browse);
        assert!(a.alignment().is_some(), "aligned again to find the row");
        assert_eq!(a.compare.rows.selected, row);
        press(&mut a, "2");
        assert!(screen(&a).contains("▸"));
    }
}
