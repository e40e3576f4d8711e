//! Moving around the Red lines view: the clause × party matrix, the scoreboard of drafts and
//! the scrolled rationale of a cell.
//!
//! Kept apart from the moves every view shares ([`super`]) because its three panes move in
//! ways of their own (columns by party, a draft chosen from the scoreboard).

use crate::tui::action::Action;
use crate::tui::app::{App, Cursor, RedLinePane};
use crate::tui::layout::{self, inner};

impl App {
    pub(super) fn navigate_redlines(&mut self, action: Action) {
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

    pub(in super::super) fn set_redline_plan(&mut self, plan: usize) {
        if plan != self.redlines.plan && plan < self.corpus.plans.len() {
            self.redlines.plan = plan;
            self.redlines.rows = Cursor::default();
            self.search = None;
        }
    }
}
