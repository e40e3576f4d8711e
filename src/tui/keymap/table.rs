//! The bindings themselves: every key of the app, its action, where it applies, its help line
//! and its footer hint, as one table of data.
//!
//! Kept apart from the types and lookups in [`super`] so that adding or changing a key is an
//! edit to this table alone, and the table's order (view-specific before global) is tested
//! next to it.

use super::{Binding, Key, Scope};
use crate::tui::action::{Action, View};
use crossterm::event::KeyCode;

const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

const ALL: &[View] = &View::ALL;
const NONE: &[View] = &[];

/// Every binding. View-specific ones come first so they win over the global ones.
pub static BINDINGS: &[Binding] = &[
    Binding {
        keys: &[ch('u')],
        label: "u",
        action: Action::ToggleUnchanged,
        scope: Scope::Only(View::Compare),
        help: "hide or show unchanged rows (bracketed ones stay)",
        footer: &[View::Compare],
        hint: "unchanged",
    },
    Binding {
        keys: &[ch('J')],
        label: "J/K",
        action: Action::RowScrollDown,
        scope: Scope::Only(View::Compare),
        help: "scroll within the selected row when it is taller than the screen",
        footer: NONE,
        hint: "row scroll",
    },
    Binding {
        keys: &[ch('K')],
        label: "K",
        action: Action::RowScrollUp,
        scope: Scope::Only(View::Compare),
        help: "",
        footer: NONE,
        hint: "",
    },
    Binding {
        keys: &[ch('s')],
        label: "s",
        action: Action::SwapSides,
        scope: Scope::Only(View::Compare),
        help: "swap left and right drafts",
        footer: NONE,
        hint: "swap",
    },
    Binding {
        keys: &[ch('j'), code(KeyCode::Down)],
        label: "j/↓",
        action: Action::Down,
        scope: Scope::Everywhere,
        help: "move down",
        footer: NONE,
        hint: "down",
    },
    Binding {
        keys: &[ch('k'), code(KeyCode::Up)],
        label: "k/↑",
        action: Action::Up,
        scope: Scope::Everywhere,
        help: "move up",
        footer: NONE,
        hint: "up",
    },
    Binding {
        keys: &[ch('h'), code(KeyCode::Left)],
        label: "h/←",
        action: Action::Left,
        scope: Scope::Everywhere,
        help: "move left (grid columns, previous pane)",
        footer: NONE,
        hint: "left",
    },
    Binding {
        keys: &[ch('l'), code(KeyCode::Right)],
        label: "l/→",
        action: Action::Right,
        scope: Scope::Everywhere,
        help: "move right (grid columns, next pane)",
        footer: NONE,
        hint: "right",
    },
    Binding {
        keys: &[ch('g'), code(KeyCode::Home)],
        label: "g",
        action: Action::Top,
        scope: Scope::Everywhere,
        help: "go to the first row",
        footer: NONE,
        hint: "top",
    },
    Binding {
        keys: &[ch('G'), code(KeyCode::End)],
        label: "G",
        action: Action::Bottom,
        scope: Scope::Everywhere,
        help: "go to the last row",
        footer: NONE,
        hint: "bottom",
    },
    Binding {
        keys: &[ctrl('d'), code(KeyCode::PageDown)],
        label: "C-d",
        action: Action::HalfPageDown,
        scope: Scope::Everywhere,
        help: "half a page down (PgDn too; in Compare, by the lines rows take)",
        footer: NONE,
        hint: "page down",
    },
    Binding {
        keys: &[ctrl('u'), code(KeyCode::PageUp)],
        label: "C-u",
        action: Action::HalfPageUp,
        scope: Scope::Everywhere,
        help: "half a page up (PgUp too)",
        footer: NONE,
        hint: "page up",
    },
    Binding {
        keys: &[code(KeyCode::Tab)],
        label: "tab",
        action: Action::NextPane,
        scope: Scope::Everywhere,
        help: "next pane",
        footer: &[View::Browse, View::RedLines, View::Topics],
        hint: "pane",
    },
    Binding {
        keys: &[code(KeyCode::BackTab)],
        label: "S-tab",
        action: Action::PrevPane,
        scope: Scope::Everywhere,
        help: "previous pane",
        footer: NONE,
        hint: "pane",
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        label: "enter",
        action: Action::Open,
        scope: Scope::Everywhere,
        help: "open: jump to a counterpart or clause, choose in a picker",
        footer: &[View::Browse, View::Topics],
        hint: "open",
    },
    Binding {
        keys: &[code(KeyCode::Esc)],
        label: "esc",
        action: Action::Back,
        scope: Scope::Everywhere,
        help: "back: close, clear the search, return from a jump",
        footer: NONE,
        hint: "back",
    },
    Binding {
        keys: &[ch('n')],
        label: "n/N",
        action: Action::Next,
        scope: Scope::Only(View::Compare),
        help: "next/previous change (not unchanged or unreported rows); search hits while a search is active",
        footer: &[View::Compare],
        hint: "change/match",
    },
    Binding {
        keys: &[ch('N')],
        label: "N",
        action: Action::Prev,
        scope: Scope::Only(View::Compare),
        help: "previous change (or hit while searching)",
        footer: NONE,
        hint: "previous",
    },
    Binding {
        keys: &[ch('/')],
        label: "/",
        action: Action::Search,
        scope: Scope::Everywhere,
        help: "search the current list",
        footer: ALL,
        hint: "search",
    },
    Binding {
        keys: &[ch('n')],
        label: "n/N",
        action: Action::Next,
        scope: Scope::Everywhere,
        help: "next/previous search hit",
        footer: NONE,
        hint: "next",
    },
    Binding {
        keys: &[ch('N')],
        label: "N",
        action: Action::Prev,
        scope: Scope::Everywhere,
        help: "previous search hit",
        footer: NONE,
        hint: "previous",
    },
    Binding {
        keys: &[ch('p')],
        label: "p",
        action: Action::PickDrafts,
        scope: Scope::Everywhere,
        help: "pick the draft (in Compare: left, then right)",
        footer: ALL,
        hint: "drafts",
    },
    Binding {
        keys: &[ch(']')],
        label: "[ ]",
        action: Action::NextDraft,
        scope: Scope::Everywhere,
        help: "previous / next draft",
        footer: &[View::Browse, View::RedLines],
        hint: "draft",
    },
    Binding {
        keys: &[ch('[')],
        label: "[",
        action: Action::PrevDraft,
        scope: Scope::Everywhere,
        help: "",
        footer: NONE,
        hint: "",
    },
    Binding {
        keys: &[ch('y')],
        label: "y",
        action: Action::Copy,
        scope: Scope::Everywhere,
        help: "copy the selected clause or row as plain text (OSC 52)",
        footer: &[View::Browse, View::Compare],
        hint: "copy",
    },
    Binding {
        keys: &[ch('e')],
        label: "e",
        action: Action::Export,
        scope: Scope::Everywhere,
        help: "export the current comparison to Markdown",
        footer: &[View::Compare],
        hint: "export",
    },
    Binding {
        keys: &[ch('1')],
        label: "1",
        action: Action::Show(View::Browse),
        scope: Scope::Everywhere,
        help: "Browse: a draft's clauses in full",
        footer: NONE,
        hint: "browse",
    },
    Binding {
        keys: &[ch('2')],
        label: "2",
        action: Action::Show(View::Compare),
        scope: Scope::Everywhere,
        help: "Compare: two drafts side by side",
        footer: NONE,
        hint: "compare",
    },
    Binding {
        keys: &[ch('3')],
        label: "3",
        action: Action::Show(View::RedLines),
        scope: Scope::Everywhere,
        help: "Red lines: clause × party matrix and scoreboard",
        footer: NONE,
        hint: "red lines",
    },
    Binding {
        keys: &[ch('4')],
        label: "4",
        action: Action::Show(View::Topics),
        scope: Scope::Everywhere,
        help: "Topics: topic × draft grid and clause history",
        footer: NONE,
        hint: "topics",
    },
    Binding {
        keys: &[ch('i')],
        label: "i",
        action: Action::About,
        scope: Scope::Everywhere,
        help: "about the draft in view: who took part, summary, documents, sources",
        footer: NONE,
        hint: "about",
    },
    Binding {
        keys: &[ch('?')],
        label: "?",
        action: Action::Help,
        scope: Scope::Everywhere,
        help: "this help",
        footer: ALL,
        hint: "help",
    },
    Binding {
        keys: &[ch('q')],
        label: "q",
        action: Action::Quit,
        scope: Scope::Everywhere,
        help: "quit (in the help or a picker: close it); Ctrl-C quits from anywhere",
        footer: ALL,
        hint: "quit",
    },
    Binding {
        keys: &[ctrl('c')],
        label: "C-c",
        action: Action::Interrupt,
        scope: Scope::Everywhere,
        help: "",
        footer: NONE,
        hint: "",
    },
    Binding {
        keys: &[ctrl('z')],
        label: "C-z",
        action: Action::Suspend,
        scope: Scope::Everywhere,
        help: "suspend to the shell (its fg command brings the app back as it was)",
        footer: NONE,
        hint: "",
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::Keymap;
    use crossterm::event::{KeyEvent, KeyModifiers};

    fn key(c: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(c, m)
    }

    fn action_for(view: View, ev: &KeyEvent) -> Option<Action> {
        Keymap::default().action_for(view, ev)
    }

    fn footer_hints(view: View) -> Vec<(String, &'static str)> {
        Keymap::default().footer_hints(view)
    }

    #[test]
    fn view_bindings_win_over_global_ones() {
        let n = key(KeyCode::Char('n'), KeyModifiers::NONE);
        assert_eq!(action_for(View::Compare, &n), Some(Action::Next));
        assert_eq!(action_for(View::Browse, &n), Some(Action::Next));
        let u = key(KeyCode::Char('u'), KeyModifiers::NONE);
        assert_eq!(action_for(View::Compare, &u), Some(Action::ToggleUnchanged));
        assert_eq!(action_for(View::Browse, &u), None);
    }

    #[test]
    fn control_keys_are_distinct_from_letters() {
        let cd = key(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(action_for(View::Browse, &cd), Some(Action::HalfPageDown));
        let cc = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(View::Topics, &cc), Some(Action::Interrupt));
        let d = key(KeyCode::Char('d'), KeyModifiers::NONE);
        assert_eq!(action_for(View::Browse, &d), None);
        // Shift is part of the character, not a modifier to match.
        let g = key(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(action_for(View::Browse, &g), Some(Action::Bottom));
    }

    #[test]
    fn every_view_footer_offers_help_and_quit() {
        for v in View::ALL {
            let hints = footer_hints(v);
            assert!(hints.iter().any(|(k, _)| *k == "?"), "{v:?}");
            assert!(hints.iter().any(|(k, _)| *k == "q"), "{v:?}");
        }
    }
}
