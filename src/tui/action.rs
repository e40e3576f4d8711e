//! The semantic actions the app understands. Keys, mouse events and resizes all become one of
//! these before `update` sees them, so behaviour is tested without a terminal.

/// The four views, in the order of their number keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Browse,
    Compare,
    RedLines,
    Topics,
}

impl View {
    pub const ALL: [View; 4] = [View::Browse, View::Compare, View::RedLines, View::Topics];

    pub fn title(self) -> &'static str {
        match self {
            View::Browse => "Browse",
            View::Compare => "Compare",
            View::RedLines => "Red lines",
            View::Topics => "Topics",
        }
    }

    pub fn number(self) -> usize {
        match self {
            View::Browse => 1,
            View::Compare => 2,
            View::RedLines => 3,
            View::Topics => 4,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// `q`: quit, or close the help or a picker when one is open.
    Quit,
    /// Ctrl-C: quit from anywhere.
    Interrupt,
    /// Ctrl-Z: suspend to the shell from anywhere (`fg` resumes).
    Suspend,
    Show(View),
    Up,
    Down,
    Left,
    Right,
    Top,
    Bottom,
    HalfPageDown,
    HalfPageUp,
    NextPane,
    PrevPane,
    /// Enter: open the selection (jump to a counterpart, pick a draft, confirm a prompt).
    Open,
    /// Esc: close the overlay or prompt, clear the search, or go back.
    Back,
    Search,
    /// `n`: the next search hit, or in Compare without a search the next change.
    Next,
    /// `N`: the reverse of `Next`.
    Prev,
    ToggleUnchanged,
    /// `J`/`K` in Compare: scroll within the selected row when it is taller than the screen.
    RowScrollDown,
    RowScrollUp,
    PickDrafts,
    SwapSides,
    PrevDraft,
    NextDraft,
    Export,
    Copy,
    Help,
    /// `i`: the facts of the draft in view (who took part, sources, documents).
    About,
    /// A character typed into the open prompt.
    Type(char),
    /// A cursor move or deletion in the open prompt.
    Edit(Edit),
    ScrollUp {
        column: u16,
        row: u16,
    },
    ScrollDown {
        column: u16,
        row: u16,
    },
    Click {
        column: u16,
        row: u16,
    },
    Resize {
        width: u16,
        height: u16,
    },
}

/// Editing a prompt's line, as readline and shells do it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Left,
    Right,
    WordLeft,
    WordRight,
    Start,
    End,
    DeleteBack,
    DeleteForward,
    DeleteWordBack,
    DeleteWordForward,
    DeleteToStart,
    DeleteToEnd,
    /// Puts back the text the last word or line deletion took (Ctrl-y).
    Yank,
}
