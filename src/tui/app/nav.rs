//! Moving around: selections, panes, draft cycling, search hits, mouse clicks, and keeping the
//! selection on screen after every change. The moves within one view's panes are in a child
//! module per view (`browse`, `redlines`, `topics`); what every view shares is here.

mod browse;
mod redlines;
mod topics;

use super::{App, Cursor, Mode, RedLinePane, TopicPane};
use crate::tui::action::{Action, View};
use crate::tui::layout::{self, inner};
use ratatui::layout::Rect;

/// How far a wheel notch moves.
const WHEEL_STEP: usize = 3;

impl App {
    pub(super) fn body(&self) -> Rect {
        layout::screen(Rect::new(0, 0, self.width, self.height)).body
    }

    pub(super) fn plan_len(&self, plan: usize) -> usize {
        self.plan(plan).map_or(0, |p| p.clauses.len())
    }

    /// The length of the view's main list (the one search hits index).
    pub(super) fn main_len(&self) -> usize {
        match self.view {
            View::Browse => self.plan_len(self.browse.plan),
            View::RedLines => self.plan_len(self.redlines.plan),
            View::Compare => self.compare.visible.len(),
            View::Topics => self.corpus.topics.len(),
        }
    }

    pub(super) fn main_selected(&self) -> usize {
        match self.view {
            View::Browse => self.browse.list.selected,
            View::RedLines => self.redlines.rows.selected,
            View::Compare => self.compare.rows.selected,
            View::Topics => self.topics.topics.selected,
        }
    }

    pub(super) fn select_main(&mut self, index: usize) {
        let len = self.main_len();
        match self.view {
            View::Browse => {
                self.browse.list.set(index, len);
                self.browse.focus = None;
                self.clause_changed();
            }
            View::RedLines => {
                self.redlines.rows.set(index, len);
                self.redlines.focus = RedLinePane::Matrix;
            }
            View::Compare => self.compare.rows.set(index, len),
            View::Topics => {
                self.topics.topics.set(index, len);
                self.topics.focus = TopicPane::Grid;
                self.topic_cell_changed();
            }
        }
    }

    pub(super) fn clause_changed(&mut self) {
        self.browse.detail_scroll = 0;
        self.browse.counterpart = Cursor::default();
    }

    pub(super) fn topic_cell_changed(&mut self) {
        self.topics.clauses = Cursor::default();
        self.topics.history = Cursor::default();
    }

    /// Moves and pane changes; everything that is not a command of its own.
    pub(super) fn navigate(&mut self, action: Action) {
        match self.view {
            View::Browse => self.navigate_browse(action),
            View::Compare => self.navigate_compare(action),
            View::RedLines => self.navigate_redlines(action),
            View::Topics => self.navigate_topics(action),
        }
    }

    fn half_page(&self) -> isize {
        (i32::from(self.body().height) as isize / 2).max(1)
    }

    /// The step a vertical move action means, if it is one.
    pub(super) fn vertical(&self, action: &Action, len: usize) -> Option<isize> {
        let len = len.min(isize::MAX as usize / 2) as isize;
        match action {
            Action::Up => Some(-1),
            Action::Down => Some(1),
            Action::HalfPageUp => Some(-self.half_page()),
            Action::HalfPageDown => Some(self.half_page()),
            Action::Top => Some(-len),
            Action::Bottom => Some(len),
            Action::ScrollUp { .. } => Some(-(WHEEL_STEP as isize)),
            Action::ScrollDown { .. } => Some(WHEEL_STEP as isize),
            _ => None,
        }
    }

    pub(super) fn cycle_draft(&mut self, dir: isize) {
        let n = self.corpus.plans.len();
        if n == 0 {
            return;
        }
        let step = |i: usize| (i as isize + dir).rem_euclid(n as isize) as usize;
        match self.view {
            View::Browse => {
                self.browse.plan = step(self.browse.plan);
                self.browse.list = Cursor::default();
                self.browse.focus = None;
                self.clause_changed();
                self.search = None;
            }
            View::RedLines => self.set_redline_plan(step(self.redlines.plan)),
            View::Compare => {
                let right = step(self.compare.right);
                self.set_pair(self.compare.left, right);
            }
            View::Topics => {
                self.topics.plan = step(self.topics.plan);
                self.topic_cell_changed();
            }
        }
        if let Some(s) = self.plan_in_view().map(|p| p.short.clone()) {
            self.inform(format!("draft: {s}"));
        }
    }

    /// The draft the view is about: Browse's, the Red lines view's, Compare's right side (the
    /// newer one), the Topics view's selected column.
    pub fn plan_in_view(&self) -> Option<&peacediff::model::Plan> {
        match self.view {
            View::Browse => self.browse_plan(),
            View::RedLines => self.plan(self.redlines.plan),
            View::Compare => self.plan(self.compare.right),
            View::Topics => self.plan(self.topics.plan),
        }
    }

    /// `n` / `N`: search hits when a search is active, else changes in Compare.
    pub(super) fn next(&mut self, dir: isize) {
        if self.search_active() {
            let hits = self
                .search
                .as_ref()
                .map(|s| s.hits.clone())
                .unwrap_or_default();
            if hits.is_empty() {
                self.fail("no matches");
                return;
            }
            let cur = self.main_selected();
            let pick = if dir > 0 {
                hits.iter().find(|&&h| h > cur).or(hits.first())
            } else {
                hits.iter().rev().find(|&&h| h < cur).or(hits.last())
            };
            if let Some(&h) = pick {
                self.select_main(h);
                let i = hits.iter().position(|&x| x == h).unwrap_or(0) + 1;
                self.inform(format!("match {i} of {}", hits.len()));
            }
        } else if self.view == View::Compare {
            self.next_change(dir);
        } else {
            self.inform("no search: press / to search");
        }
    }

    /// Keeps every selection within its pane's visible rows.
    pub(super) fn fit(&mut self) {
        let body = self.body();
        let rows = |r: Rect, header: u16| usize::from(inner(r).height.saturating_sub(header));
        let counterparts = self.counterpart_count();
        let b = layout::browse(body, counterparts);
        let browse_len = self.plan_len(self.browse.plan);
        self.browse.list.fit_list(rows(b.list, 0), browse_len);
        self.browse
            .counterpart
            .fit_list(rows(b.counterparts, 0), counterparts);
        let plans = self.corpus.plans.len();
        let r = layout::redlines(body, plans);
        let matrix_len = self.plan_len(self.redlines.plan);
        self.redlines.rows.fit_list(rows(r.matrix, 1), matrix_len);
        self.redlines.board.fit_list(rows(r.scoreboard, 2), plans);
        let t = layout::topics(body, plans);
        self.topics
            .topics
            .fit_list(rows(t.grid, 1), self.corpus.topics.len());
        let shown = crate::tui::ui::topics::columns(inner(t.grid).width, plans);
        let mut columns = Cursor {
            selected: self.topics.plan,
            offset: self.topics.plan_offset,
        };
        columns.fit_list(shown, plans);
        self.topics.plan_offset = columns.offset;
        let cell = self.topic_cell().len();
        self.topics.clauses.fit_list(rows(t.clauses, 0), cell);
        self.topics.history.fit(rows(t.history, 0));
        if let Mode::Picker { cursor, .. } = &mut self.mode {
            cursor.fit(usize::from(self.height.saturating_sub(6)).max(1));
        }
        self.fit_compare();
    }
}
