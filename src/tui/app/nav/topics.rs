//! Moving around the Topics view: the topic × draft grid, the clauses of the selected cell
//! and the history of the selected clause.
//!
//! Kept apart from the moves every view shares ([`super`]) because the grid moves by topic
//! and by draft, and each pane's contents follow the one before it.

use crate::tui::action::Action;
use crate::tui::app::{App, Cursor, TopicPane};

impl App {
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

    pub(super) fn navigate_topics(&mut self, action: Action) {
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
}
