//! The keys in force: the table's own, or as a config file rebound them. Matching a key
//! event, and writing the keys for the help and the footer, read from here.

use super::{BINDINGS, Key, Scope, matches, names, partner};
use crate::tui::action::{Action, View};
use crossterm::event::{KeyEvent, KeyEventKind};

/// The keys in force: the table's, with the ones a config file rebinds (`remap`). The help
/// and the footer read their labels from here, so they show the keys that work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// The keys of each row of [`BINDINGS`], by index.
    keys: Vec<Vec<Key>>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            keys: BINDINGS.iter().map(|b| b.keys.to_vec()).collect(),
        }
    }
}

impl Keymap {
    /// The action bound to a key in a view, if any. View rows come first in the table, so
    /// they win over rows for everywhere.
    pub fn action_for(&self, view: View, ev: &KeyEvent) -> Option<Action> {
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        BINDINGS
            .iter()
            .zip(&self.keys)
            .filter(|(b, _)| b.scope == Scope::Everywhere || b.scope == Scope::Only(view))
            .find(|(_, keys)| keys.iter().any(|k| matches(k, ev)))
            .map(|(b, _)| b.action.clone())
    }

    /// The keys of row `i` of [`BINDINGS`].
    pub fn keys(&self, i: usize) -> &[Key] {
        self.keys.get(i).map_or(&[], Vec::as_slice)
    }

    pub(crate) fn set_keys(&mut self, i: usize, keys: Vec<Key>) {
        if let Some(slot) = self.keys.get_mut(i) {
            *slot = keys;
        }
    }

    /// How row `i`'s keys are written in the help and the footer: the table's label while
    /// the row and its partner keep their keys, else the keys in force (`x/y`, `-` for none).
    pub fn label(&self, i: usize) -> String {
        let Some(b) = BINDINGS.get(i) else {
            return String::new();
        };
        let own = |i: usize| self.keys(i) == BINDINGS[i].keys;
        let partner = partner(&b.action).and_then(|p| {
            BINDINGS
                .iter()
                .position(|o| o.action == p && o.scope == b.scope)
        });
        if own(i) && partner.is_none_or(own) {
            return b.label.to_string();
        }
        let show = |i: usize| {
            let names: Vec<String> = self.keys(i).iter().map(|k| names::show(*k)).collect();
            if names.is_empty() {
                "-".to_string()
            } else {
                names.join("/")
            }
        };
        match partner {
            Some(p) => format!("{} {}", show(i), show(p)),
            None => show(i),
        }
    }

    /// The footer's hints for a view, in table order.
    pub fn footer_hints(&self, view: View) -> Vec<(String, &'static str)> {
        BINDINGS
            .iter()
            .enumerate()
            .filter(|(_, b)| b.footer.contains(&view))
            .map(|(i, b)| (self.label(i), b.hint))
            .collect()
    }
}
