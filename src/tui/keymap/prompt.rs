//! Keys in the text prompts (`/` search, `e` export path): everything printable is typed, and
//! the editing keys are the ones shells and readline use. One table, which the `?` help reads.

use crate::tui::action::{Action, Edit};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;

pub struct PromptKey {
    pub keys: &'static [(KeyCode, KeyModifiers)],
    /// How the keys are written in the help.
    pub label: &'static str,
    pub edit: Edit,
    pub help: &'static str,
}

/// The editing keys, in the order the help lists them.
pub static PROMPT_KEYS: &[PromptKey] = &[
    PromptKey {
        keys: &[(KeyCode::Left, NONE), (KeyCode::Char('b'), CTRL)],
        label: "←/C-b",
        edit: Edit::Left,
        help: "cursor left (→ or C-f: right)",
    },
    PromptKey {
        keys: &[(KeyCode::Right, NONE), (KeyCode::Char('f'), CTRL)],
        label: "C-f",
        edit: Edit::Right,
        help: "",
    },
    PromptKey {
        keys: &[(KeyCode::Left, CTRL), (KeyCode::Char('b'), ALT)],
        label: "M-b",
        edit: Edit::WordLeft,
        help: "a word left (M-f, C-→: right; C-←: left too)",
    },
    PromptKey {
        keys: &[(KeyCode::Right, CTRL), (KeyCode::Char('f'), ALT)],
        label: "M-f",
        edit: Edit::WordRight,
        help: "",
    },
    PromptKey {
        keys: &[(KeyCode::Home, NONE), (KeyCode::Char('a'), CTRL)],
        label: "C-a",
        edit: Edit::Start,
        help: "start of the line (Home too)",
    },
    PromptKey {
        keys: &[(KeyCode::End, NONE), (KeyCode::Char('e'), CTRL)],
        label: "C-e",
        edit: Edit::End,
        help: "end of the line (End too)",
    },
    PromptKey {
        keys: &[(KeyCode::Backspace, NONE), (KeyCode::Char('h'), CTRL)],
        label: "bksp",
        edit: Edit::DeleteBack,
        help: "delete the character before the cursor",
    },
    PromptKey {
        keys: &[(KeyCode::Delete, NONE), (KeyCode::Char('d'), CTRL)],
        label: "del",
        edit: Edit::DeleteForward,
        help: "delete the character under the cursor (C-d too)",
    },
    PromptKey {
        keys: &[
            (KeyCode::Char('w'), CTRL),
            (KeyCode::Backspace, ALT),
            (KeyCode::Backspace, CTRL),
        ],
        label: "C-w",
        edit: Edit::DeleteWordBack,
        help: "delete the word before the cursor (M-d: the word after it)",
    },
    PromptKey {
        keys: &[(KeyCode::Char('d'), ALT)],
        label: "M-d",
        edit: Edit::DeleteWordForward,
        help: "",
    },
    PromptKey {
        keys: &[(KeyCode::Char('u'), CTRL)],
        label: "C-u",
        edit: Edit::DeleteToStart,
        help: "delete to the start of the line",
    },
    PromptKey {
        keys: &[(KeyCode::Char('k'), CTRL)],
        label: "C-k",
        edit: Edit::DeleteToEnd,
        help: "delete to the end of the line",
    },
    PromptKey {
        keys: &[(KeyCode::Char('y'), CTRL)],
        label: "C-y",
        edit: Edit::Yank,
        help: "put back what the last C-w, C-u or C-k deleted",
    },
];

/// What a key does while a prompt is open.
pub fn prompt_action(ev: &KeyEvent) -> Option<Action> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    // Shift is part of a typed character, not a modifier to match.
    let mods = ev.modifiers.difference(KeyModifiers::SHIFT);
    match (ev.code, mods) {
        (KeyCode::Char('c'), CTRL) => return Some(Action::Interrupt),
        (KeyCode::Char('z'), CTRL) => return Some(Action::Suspend),
        (KeyCode::Enter, _) => return Some(Action::Open),
        (KeyCode::Esc, _) => return Some(Action::Back),
        _ => {}
    }
    if let Some(k) = PROMPT_KEYS
        .iter()
        .find(|k| k.keys.iter().any(|&(code, m)| code == ev.code && m == mods))
    {
        return Some(Action::Edit(k.edit));
    }
    match ev.code {
        KeyCode::Char(c) if mods.is_empty() => Some(Action::Type(c)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: KeyCode, m: KeyModifiers) -> Option<Action> {
        prompt_action(&KeyEvent::new(c, m))
    }

    #[test]
    fn prompts_type_letters_that_are_commands_elsewhere() {
        assert_eq!(key(KeyCode::Char('q'), NONE), Some(Action::Type('q')));
        assert_eq!(
            key(KeyCode::Char('Q'), KeyModifiers::SHIFT),
            Some(Action::Type('Q'))
        );
        assert_eq!(key(KeyCode::Char('c'), CTRL), Some(Action::Interrupt));
    }

    #[test]
    fn editing_keys_are_those_of_a_shell() {
        for (code, m, edit) in [
            (KeyCode::Char('a'), CTRL, Edit::Start),
            (KeyCode::Home, NONE, Edit::Start),
            (KeyCode::Char('e'), CTRL, Edit::End),
            (KeyCode::Char('u'), CTRL, Edit::DeleteToStart),
            (KeyCode::Char('w'), CTRL, Edit::DeleteWordBack),
            (KeyCode::Delete, NONE, Edit::DeleteForward),
            (KeyCode::Char('b'), ALT, Edit::WordLeft),
            (KeyCode::Right, CTRL, Edit::WordRight),
        ] {
            assert_eq!(key(code, m), Some(Action::Edit(edit)), "{code:?} {m:?}");
        }
        // An unbound control key types nothing.
        assert_eq!(key(KeyCode::Char('g'), CTRL), None);
    }

    #[test]
    fn every_editing_key_is_in_the_help_or_paired_with_one_that_is() {
        for (i, k) in PROMPT_KEYS.iter().enumerate() {
            assert!(
                !k.help.is_empty() || PROMPT_KEYS[i - 1].help.contains(k.label),
                "{} is not mentioned in the help",
                k.label
            );
        }
    }
}
