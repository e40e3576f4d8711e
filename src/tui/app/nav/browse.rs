//! Moving around the Browse view: the clause list, the detail pane's scroll, and its list of
//! counterparts in other drafts with the jump to one.
//!
//! Kept apart from the moves every view shares ([`super`]) because its panes, and the detail
//! pane's scroll measured only as far as it goes, are Browse's alone.

use crate::tui::action::Action;
use crate::tui::app::{App, BrowsePane};

impl App {
    pub fn counterpart_count(&self) -> usize {
        match (self.browse_plan(), self.browse_clause()) {
            (Some(p), Some(c)) => self.corpus.counterparts(p, c).len(),
            _ => 0,
        }
    }

    pub(super) fn navigate_browse(&mut self, action: Action) {
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
}
