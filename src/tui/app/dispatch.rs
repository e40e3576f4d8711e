//! Applying an action: `update`, the one function that changes the app, and the commands it
//! dispatches to by mode (overlays scroll or close, the normal mode's commands run or move).
//!
//! Kept apart from the app's state and accessors in [`super`] so that what each key does can
//! be followed from one place, and the state's definition read without it.

use super::{App, Cursor, Effect, Field, Mode, RedLinePane, TopicPane};
use crate::tui::action::{Action, View};

impl App {
    /// Applies one action. The only function that changes the app.
    pub fn update(&mut self, action: Action) {
        if let Action::Resize { width, height } = action {
            self.width = width;
            self.height = height;
            self.ensure_view();
            self.fit();
            return;
        }
        // `q` closes an overlay first, as Esc does; Ctrl-C always quits.
        let overlay = matches!(
            self.mode,
            Mode::Help { .. } | Mode::About { .. } | Mode::Picker { .. } | Mode::Problems { .. }
        );
        if action == Action::Interrupt || (action == Action::Quit && !overlay) {
            self.quit = true;
            return;
        }
        if action == Action::Suspend {
            self.effects.push(Effect::Suspend);
            return;
        }
        let action = if action == Action::Quit {
            Action::Back
        } else {
            action
        };
        match self.mode.clone() {
            Mode::Normal => self.normal(action),
            Mode::Help { scroll } => self.help(action, scroll),
            Mode::About { scroll } => self.about(action, scroll),
            Mode::Search { query, origin } => self.search_prompt(action, query, origin),
            Mode::ExportPath { path } => self.export_prompt(action, path),
            Mode::ConfirmOverwrite { path } => self.confirm_overwrite(action, path),
            Mode::Picker { purpose, cursor } => self.picker(action, purpose, cursor),
            Mode::Problems { scroll } => self.problems_overlay(action, scroll),
        }
        self.ensure_view();
        self.fit();
    }

    fn normal(&mut self, action: Action) {
        // A new command replaces the last message, except one that only moves.
        if !matches!(
            action,
            Action::Up | Action::Down | Action::ScrollUp { .. } | Action::ScrollDown { .. }
        ) {
            self.message = None;
        }
        match action {
            Action::Show(view) => self.show(view),
            Action::Help => self.mode = Mode::Help { scroll: 0 },
            Action::About => self.mode = Mode::About { scroll: 0 },
            Action::Search => {
                self.mode = Mode::Search {
                    query: Field::default(),
                    origin: self.main_selected(),
                }
            }
            Action::Next => self.next(1),
            Action::Prev => self.next(-1),
            Action::Back => self.back(),
            Action::Copy => self.copy(),
            Action::Export => self.start_export(),
            Action::PickDrafts => self.open_picker(),
            Action::NextDraft => self.cycle_draft(1),
            Action::PrevDraft => self.cycle_draft(-1),
            Action::ToggleUnchanged => self.toggle_unchanged(),
            Action::RowScrollDown => self.scroll_row(true),
            Action::RowScrollUp => self.scroll_row(false),
            Action::SwapSides => self.swap_sides(),
            Action::Click { column, row } => self.click(column, row),
            Action::ScrollUp { column, row } | Action::ScrollDown { column, row } => {
                self.point(column, row);
                self.navigate(action);
            }
            other => self.navigate(other),
        }
    }

    pub(super) fn show(&mut self, view: View) {
        if self.view != view {
            self.view = view;
            self.search = None;
        }
    }

    fn help(&mut self, action: Action, scroll: usize) {
        let screen = ratatui::layout::Rect::new(0, 0, self.width, self.height);
        let most = crate::tui::ui::help::max_scroll(self, screen);
        self.mode = match scrolled(action, scroll, most, Action::Help) {
            Some(scroll) => Mode::Help { scroll },
            None => Mode::Normal,
        };
    }

    fn about(&mut self, action: Action, scroll: usize) {
        let screen = ratatui::layout::Rect::new(0, 0, self.width, self.height);
        let most = crate::tui::ui::about::max_scroll(self, screen);
        self.mode = match scrolled(action, scroll, most, Action::About) {
            Some(scroll) => Mode::About { scroll },
            None => Mode::Normal,
        };
    }

    fn back(&mut self) {
        if self.search.take().is_some() {
            self.inform("search cleared");
            return;
        }
        if let Some(j) = self.jumps.pop() {
            self.view = j.view;
            self.browse.plan = j.plan;
            self.browse.list.selected = j.clause;
            self.browse.detail_scroll = 0;
            self.browse.counterpart = Cursor::default();
            return;
        }
        match self.view {
            View::Browse => self.browse.focus = None,
            View::RedLines => self.redlines.focus = RedLinePane::Matrix,
            View::Topics => self.topics.focus = TopicPane::Grid,
            View::Compare => {}
        }
    }
}

/// A scrolling overlay's position after `action` (`None`: closed by Esc, `q` or the key that
/// opened it), never past its last page `most`, so `k` after `G` moves at once.
pub(super) fn scrolled(
    action: Action,
    scroll: usize,
    most: usize,
    toggle: Action,
) -> Option<usize> {
    let to = match action {
        a if a == toggle => return None,
        Action::Back => return None,
        Action::Down | Action::ScrollDown { .. } => scroll + 1,
        Action::Up | Action::ScrollUp { .. } => scroll.saturating_sub(1),
        Action::HalfPageDown => scroll + 8,
        Action::HalfPageUp => scroll.saturating_sub(8),
        Action::Top => 0,
        Action::Bottom => most,
        _ => scroll,
    };
    Some(to.min(most))
}
