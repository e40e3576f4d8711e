//! The app's state types: list cursors, per-view selections and focus, overlays and prompts,
//! messages, and the effects `update` queues for the event loop.

pub use super::field::Field;
use crate::tui::action::View;
use std::path::PathBuf;

/// A selection in a list, and the first row drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

impl Cursor {
    pub fn set(&mut self, index: usize, len: usize) {
        self.selected = index.min(len.saturating_sub(1));
    }
    pub fn step(&mut self, delta: isize, len: usize) {
        let next = self.selected.saturating_add_signed(delta);
        self.set(next, len);
    }
    /// The rows on screen, as `(screen row, (index, item))` from the scroll offset, at most
    /// `height` of them: a list of 10,000 clauses costs what a screenful costs.
    pub fn visible<'a, T>(
        self,
        items: &'a [T],
        height: usize,
    ) -> impl Iterator<Item = (usize, (usize, &'a T))> + 'a {
        items
            .iter()
            .enumerate()
            .skip(self.offset)
            .take(height)
            .enumerate()
    }

    /// Scrolls so the selection is among the `height` rows drawn.
    pub fn fit(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
    }

    /// [`Cursor::fit`] for a list of `len` rows, also scrolling back up when rows above would
    /// fit (a window grown after `G` shows the list's top again, not blank space below it).
    pub fn fit_list(&mut self, height: usize, len: usize) {
        self.fit(height);
        self.offset = self.offset.min(len.saturating_sub(height.max(1)));
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BrowsePane {
    List,
    Detail,
    Counterparts,
}

#[derive(Debug, Clone, Default)]
pub struct BrowseState {
    pub plan: usize,
    pub list: Cursor,
    pub detail_scroll: usize,
    pub counterpart: Cursor,
    pub focus: Option<BrowsePane>,
}

impl BrowseState {
    pub fn pane(&self) -> BrowsePane {
        self.focus.unwrap_or(BrowsePane::List)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RedLinePane {
    Matrix,
    Scoreboard,
    /// The selected cell's rationale, scrolled with j/k when it is long.
    Rationale,
}

#[derive(Debug, Clone)]
pub struct RedLineState {
    pub plan: usize,
    pub rows: Cursor,
    pub party: usize,
    pub board: Cursor,
    pub focus: RedLinePane,
    /// The first line of the rationale drawn.
    pub note_scroll: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopicPane {
    Grid,
    Clauses,
    History,
}

#[derive(Debug, Clone)]
pub struct TopicState {
    pub topics: Cursor,
    pub plan: usize,
    /// The first draft column drawn, when the grid has more drafts than room.
    pub plan_offset: usize,
    pub clauses: Cursor,
    pub history: Cursor,
    pub focus: TopicPane,
}

/// What the draft picker is choosing for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickFor {
    Browse,
    RedLines,
    /// The draft column selected in the Topics grid.
    Topics,
    CompareLeft,
    /// The right draft, after the left one was chosen.
    CompareRight {
        left: usize,
    },
}

/// Overlays and prompts; `Normal` when none is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Help {
        scroll: usize,
    },
    /// The facts of the draft in view (`i`).
    About {
        scroll: usize,
    },
    /// Typing a search; `origin` is the row selected when it began, returned to on Esc or
    /// when the query matches nothing (as vim's incremental search does).
    Search {
        query: Field,
        origin: usize,
    },
    ExportPath {
        path: Field,
    },
    ConfirmOverwrite {
        path: PathBuf,
    },
    Picker {
        purpose: PickFor,
        cursor: Cursor,
    },
    /// The plans folder failed to load (`--watch`): its problems over the last good screen.
    Problems {
        scroll: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub view: View,
    pub query: String,
    /// Indices into the view's main list that match, in order.
    pub hits: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub tone: Tone,
}

/// Work for the event loop that needs the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this plain text on the clipboard (OSC 52).
    Clipboard(String),
    /// Ctrl-Z: hand the terminal back and stop, as a shell job does; `fg` resumes.
    Suspend,
}
