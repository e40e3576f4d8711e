//! Moving around: selections, panes, draft cycling, search hits, mouse clicks, and keeping the
//! selection on screen after every change.

use super::{App, BrowsePane, Cursor, Mode, RedLinePane, TopicPane};
use crate::tui::action::{Action, View};
use crate::tui::layout::{self, inner};
use ratatui::layout::Rect;

/// How far a wheel notch moves.
const WHEEL_STEP: usize = 3;

impl App {
    pub(super) fn body(&self) -> Rect {
        layout::screen(Rect::new(0, 0, self.width, self.height)).body
    }

    pub fn counterpart_count(&self) -> usize {
        match (self.browse_plan(), self.browse_clause()) {
            (Some(p), Some(c)) => self.corpus.counterparts(p, c).len(),
            _ => 0,
        }
    }

    /// Clause indices of the Topics view's selected cell (topic × draft).
    pub fn topic_cell(&self) -> &[usize] {
        self.topic_clauses(self.topics.topics.selected, self.topics.plan)
    }

    /// The clause whose history the Topics view shows: (draft index, clause index).
    pub fn topic_clause(&self) -> Option<(usize, usize)> {
        self.topic_cell()
            .get(self.topics.clauses.selected)
            .map(|&c| (self.topics.plan, c))
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

    fn navigate_browse(&mut self, action: Action) {
        const PANES: [BrowsePane; 3] = [
            BrowsePane::List,
            BrowsePane::Detail,
            BrowsePane::Counterparts,
        ];
        let pane = self.browse.pane();
        let at = PANES.iter().position(|p| *p == pane).unwrap_or(0);
        match action {
            Action::NextPane | Action::Right => self.browse.focus = Some(PANES[(at + 1) % 3]),
            Action::PrevPane | Action::Left => self.browse.focus = Some(PANES[(at + 2) % 3]),
            Action::Open => match pane {
                BrowsePane::Counterparts => self.open_counterpart(),
                _ if self.counterpart_count() > 0 => {
                    self.browse.focus = Some(BrowsePane::Counterparts)
                }
                _ => self.inform("this clause has no counterparts in other drafts"),
            },
            a => {
                let len = match pane {
                    BrowsePane::List => self.plan_len(self.browse.plan),
                    // Measured as it scrolls (`scroll_detail`): a long clause's lines are not
                    // all counted for one step.
                    BrowsePane::Detail => usize::MAX,
                    BrowsePane::Counterparts => self.counterpart_count(),
                };
                let Some(step) = self.vertical(&a, len) else {
                    return;
                };
                match pane {
                    BrowsePane::List => {
                        let before = self.browse.list.selected;
                        self.browse.list.step(step, len);
                        if self.browse.list.selected != before {
                            self.clause_changed();
                        }
                    }
                    BrowsePane::Detail => self.scroll_detail(step),
                    BrowsePane::Counterparts => self.browse.counterpart.step(step, len),
                }
            }
        }
    }

    /// Scrolls the detail pane by `step` lines, no further than its last page. The clause's
    /// lines are found as far as the new place needs (all of them only for the bottom).
    fn scroll_detail(&mut self, step: isize) {
        let (width, height) = self.detail_size();
        let target = self.browse.detail_scroll.saturating_add_signed(step);
        let Some((head, tail)) = crate::tui::ui::browse::detail(self, width as u16)
            .map(|d| (d.head.len(), d.tail.len()))
        else {
            return;
        };
        let want = target.saturating_add(height + 1);
        let Some(index) = self.ensure_detail_index(width, want) else {
            return;
        };
        let known = head + index.known();
        let last = if index.is_complete() {
            (known + tail).saturating_sub(height)
        } else {
            known.saturating_sub(height)
        };
        self.browse.detail_scroll = target.min(last);
    }

    fn open_counterpart(&mut self) {
        let target = match (self.browse_plan(), self.browse_clause()) {
            (Some(p), Some(c)) => self
                .corpus
                .counterparts(p, c)
                .get(self.browse.counterpart.selected)
                .and_then(|cp| {
                    let pi = self.corpus.plans.iter().position(|x| x.id == cp.plan.id)?;
                    Some((pi, cp.plan.clause_index(&cp.clause.id)?))
                }),
            _ => None,
        };
        match target {
            Some((p, c)) => self.open_clause(p, c),
            None => self.inform("no counterpart selected"),
        }
    }

    fn navigate_redlines(&mut self, action: Action) {
        let parties = self.corpus.parties.len();
        let drafts = self.corpus.plans.len();
        match (self.redlines.focus, action) {
            (focus, a @ (Action::NextPane | Action::PrevPane)) => {
                const PANES: [RedLinePane; 3] = [
                    RedLinePane::Matrix,
                    RedLinePane::Scoreboard,
                    RedLinePane::Rationale,
                ];
                let at = PANES.iter().position(|p| *p == focus).unwrap_or(0);
                let next = if a == Action::NextPane {
                    at + 1
                } else {
                    at + 2
                };
                self.redlines.focus = PANES[next % 3];
                self.redlines.board.set(self.redlines.plan, drafts);
            }
            (RedLinePane::Matrix, Action::Left) => {
                self.redlines.party = self.redlines.party.saturating_sub(1);
                self.redlines.note_scroll = 0;
            }
            (RedLinePane::Matrix, Action::Right) => {
                self.redlines.party = (self.redlines.party + 1).min(parties.saturating_sub(1));
                self.redlines.note_scroll = 0;
            }
            (RedLinePane::Rationale, a) => {
                let body = inner(layout::redlines(self.body(), drafts).cell);
                let lines = crate::tui::ui::redlines::rationale_lines(self, body.width).len();
                let max = lines.saturating_sub(usize::from(body.height));
                if let Some(step) = self.vertical(&a, max + 1) {
                    let s = self.redlines.note_scroll.saturating_add_signed(step);
                    self.redlines.note_scroll = s.min(max);
                }
            }
            (RedLinePane::Matrix, Action::Open) => {
                let (p, c) = (self.redlines.plan, self.redlines.rows.selected);
                if c < self.plan_len(p) {
                    self.open_clause(p, c);
                }
            }
            (RedLinePane::Scoreboard, Action::Open) => {
                self.set_redline_plan(self.redlines.board.selected);
                self.redlines.focus = RedLinePane::Matrix;
            }
            (RedLinePane::Matrix, a) => {
                let len = self.plan_len(self.redlines.plan);
                if let Some(step) = self.vertical(&a, len) {
                    self.redlines.rows.step(step, len);
                    self.redlines.note_scroll = 0;
                }
            }
            (RedLinePane::Scoreboard, a) => {
                if let Some(step) = self.vertical(&a, drafts) {
                    self.redlines.board.step(step, drafts);
                }
            }
        }
    }

    pub(super) fn set_redline_plan(&mut self, plan: usize) {
        if plan != self.redlines.plan && plan < self.corpus.plans.len() {
            self.redlines.plan = plan;
            self.redlines.rows = Cursor::default();
            self.search = None;
        }
    }

    fn navigate_topics(&mut self, action: Action) {
        const PANES: [TopicPane; 3] = [TopicPane::Grid, TopicPane::Clauses, TopicPane::History];
        let at = PANES
            .iter()
            .position(|p| *p == self.topics.focus)
            .unwrap_or(0);
        let drafts = self.corpus.plans.len();
        match (self.topics.focus, action) {
            (_, Action::NextPane) => self.topics.focus = PANES[(at + 1) % 3],
            (_, Action::PrevPane) => self.topics.focus = PANES[(at + 2) % 3],
            (TopicPane::Grid, Action::Left) => {
                self.topics.plan = self.topics.plan.saturating_sub(1);
                self.topic_cell_changed();
            }
            (TopicPane::Grid, Action::Right) => {
                self.topics.plan = (self.topics.plan + 1).min(drafts.saturating_sub(1));
                self.topic_cell_changed();
            }
            (_, Action::Left) => self.topics.focus = PANES[(at + 2) % 3],
            (_, Action::Right) => self.topics.focus = PANES[(at + 1) % 3],
            (TopicPane::Grid, Action::Open) => {
                if self.topic_cell().is_empty() {
                    self.inform("this draft has no clause on this topic");
                } else {
                    self.topics.focus = TopicPane::Clauses;
                }
            }
            (TopicPane::Clauses, Action::Open) => {
                if let Some((p, c)) = self.topic_clause() {
                    self.open_clause(p, c);
                }
            }
            (TopicPane::History, Action::Open) => {
                let target = self.topic_history().and_then(|h| {
                    let e = h.entries.get(self.topics.history.selected)?;
                    let p = self.corpus.plans.iter().position(|x| x.id == e.plan)?;
                    Some((p, e.clause.index))
                });
                if let Some((p, c)) = target {
                    self.open_clause(p, c);
                }
            }
            (pane, a) => {
                let len = match pane {
                    TopicPane::Grid => self.corpus.topics.len(),
                    TopicPane::Clauses => self.topic_cell().len(),
                    TopicPane::History => self.topic_history().map_or(0, |h| h.entries.len()),
                };
                let Some(step) = self.vertical(&a, len) else {
                    return;
                };
                match pane {
                    TopicPane::Grid => {
                        let before = self.topics.topics.selected;
                        self.topics.topics.step(step, len);
                        if before != self.topics.topics.selected {
                            self.topic_cell_changed();
                        }
                    }
                    TopicPane::Clauses => {
                        self.topics.clauses.step(step, len);
                        self.topics.history = Cursor::default();
                    }
                    TopicPane::History => self.topics.history.step(step, len),
                }
            }
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
