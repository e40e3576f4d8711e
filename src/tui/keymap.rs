//! Keys → actions, in ONE table. The footer and the `?` help overlay are generated from it, so
//! what the screen says and what the keys do cannot drift apart.

use super::action::{Action, View};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

mod bound;
pub mod names;
pub mod prompt;
pub mod remap;
mod table;
pub use bound::Keymap;
pub use prompt::prompt_action;
pub use table::BINDINGS;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Everywhere,
    Only(View),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

pub struct Binding {
    pub keys: &'static [Key],
    /// How the keys are written in help and footer.
    pub label: &'static str,
    pub action: Action,
    pub scope: Scope,
    pub help: &'static str,
    /// The views whose footer lists this binding (the keys that matter there).
    pub footer: &'static [View],
    /// The binding's name in the footer.
    pub hint: &'static str,
}

fn matches(k: &Key, ev: &KeyEvent) -> bool {
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    k.code == ev.code && k.ctrl == ctrl
}

/// The action paired with another in one help row and one footer hint (`n/N`, `J/K`, `[ ]`):
/// the second of the pair, which has no row of its own.
pub fn partner(action: &Action) -> Option<Action> {
    match action {
        Action::Next => Some(Action::Prev),
        Action::RowScrollDown => Some(Action::RowScrollUp),
        Action::NextDraft => Some(Action::PrevDraft),
        _ => None,
    }
}

/// Whether a binding is the second of a pair, listed with the first.
pub fn is_partner(action: &Action) -> bool {
    matches!(
        action,
        Action::Prev | Action::RowScrollUp | Action::PrevDraft
    )
}
