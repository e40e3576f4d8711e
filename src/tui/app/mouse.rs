//! The mouse: a click focuses the pane under the pointer and selects the row or cell there; the
//! wheel scrolls the pane it is over. Positions come from the same layout the renderer uses.

use super::{App, BrowsePane, Cursor, RedLinePane, TopicPane};
use crate::tui::action::View;
use crate::tui::layout::{self, inner};
use ratatui::layout::Rect;

impl App {
    /// A click focuses the pane under the pointer and selects the row under it; a click on a
    /// tab opens that view.
    pub(super) fn click(&mut self, column: u16, row: u16) {
        let screen = layout::screen(Rect::new(0, 0, self.width, self.height));
        if layout::contains(screen.tabs, column, row) {
            if let Some(v) = layout::tab_at(column) {
                self.show(v);
            }
            return;
        }
        if !layout::contains(screen.body, column, row) {
            return;
        }
        match self.view {
            View::Browse => self.click_browse(column, row),
            View::Compare => self.click_compare(row),
            View::RedLines => self.click_redlines(column, row),
            View::Topics => self.click_topics(column, row),
        }
    }

    /// The list row under the pointer in a bordered pane, if any.
    fn row_in(area: Rect, header: u16, cursor: &Cursor, row: u16) -> Option<usize> {
        let top = inner(area).y + header;
        (row >= top && row < inner(area).y + inner(area).height)
            .then(|| cursor.offset + usize::from(row - top))
    }

    /// Focuses the pane under the pointer, so the wheel scrolls what it is over.
    pub(super) fn point(&mut self, column: u16, row: u16) {
        let body = self.body();
        match self.view {
            View::Browse => {
                let a = layout::browse(body, self.counterpart_count());
                self.browse.focus = Some(if layout::contains(a.list, column, row) {
                    BrowsePane::List
                } else if layout::contains(a.counterparts, column, row) {
                    BrowsePane::Counterparts
                } else {
                    BrowsePane::Detail
                });
            }
            View::RedLines => {
                let a = layout::redlines(body, self.corpus.plans.len());
                if layout::contains(a.scoreboard, column, row) {
                    self.redlines.focus = RedLinePane::Scoreboard;
                } else if layout::contains(a.matrix, column, row) {
                    self.redlines.focus = RedLinePane::Matrix;
                } else if layout::contains(a.cell, column, row) {
                    self.redlines.focus = RedLinePane::Rationale;
                }
            }
            View::Topics => {
                let a = layout::topics(body, self.corpus.plans.len());
                if layout::contains(a.grid, column, row) {
                    self.topics.focus = TopicPane::Grid;
                } else if layout::contains(a.clauses, column, row) {
                    self.topics.focus = TopicPane::Clauses;
                } else if layout::contains(a.history, column, row) {
                    self.topics.focus = TopicPane::History;
                }
            }
            View::Compare => {}
        }
    }

    fn click_browse(&mut self, column: u16, row: u16) {
        let a = layout::browse(self.body(), self.counterpart_count());
        self.point(column, row);
        if layout::contains(a.list, column, row) {
            if let Some(i) = Self::row_in(a.list, 0, &self.browse.list, row)
                && i < self.plan_len(self.browse.plan)
            {
                self.browse.list.selected = i;
                self.clause_changed();
            }
        } else if layout::contains(a.counterparts, column, row)
            && let Some(i) = Self::row_in(a.counterparts, 0, &self.browse.counterpart, row)
        {
            self.browse.counterpart.set(i, self.counterpart_count());
        }
    }

    fn click_redlines(&mut self, column: u16, row: u16) {
        let a = layout::redlines(self.body(), self.corpus.plans.len());
        self.point(column, row);
        if layout::contains(a.matrix, column, row) {
            if let Some(i) = Self::row_in(a.matrix, 1, &self.redlines.rows, row) {
                self.redlines.rows.set(i, self.plan_len(self.redlines.plan));
            }
            let parties = self.corpus.parties.len();
            if let Some(p) = crate::tui::ui::redlines::party_at(inner(a.matrix), parties, column) {
                self.redlines.party = p;
            }
        } else if layout::contains(a.scoreboard, column, row)
            && let Some(i) = Self::row_in(a.scoreboard, 2, &self.redlines.board, row)
        {
            self.redlines.board.set(i, self.corpus.plans.len());
        }
    }

    fn click_topics(&mut self, column: u16, row: u16) {
        let a = layout::topics(self.body(), self.corpus.plans.len());
        self.point(column, row);
        if layout::contains(a.grid, column, row) {
            if let Some(i) = Self::row_in(a.grid, 1, &self.topics.topics, row) {
                self.topics.topics.set(i, self.corpus.topics.len());
            }
            let drafts = self.corpus.plans.len();
            let first = self.topics.plan_offset;
            if let Some(p) = crate::tui::ui::topics::draft_at(inner(a.grid), drafts, first, column)
            {
                self.topics.plan = p;
            }
            self.topic_cell_changed();
        } else if layout::contains(a.clauses, column, row) {
            if let Some(i) = Self::row_in(a.clauses, 0, &self.topics.clauses, row) {
                self.topics.clauses.set(i, self.topic_cell().len());
                self.topics.history = Cursor::default();
            }
        } else if layout::contains(a.history, column, row) {
            let len = self.topic_history().map_or(0, |h| h.entries.len());
            if let Some(i) = Self::row_in(a.history, 0, &self.topics.history, row) {
                self.topics.history.set(i, len);
            }
        }
    }
}
