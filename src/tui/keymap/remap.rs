//! Key remapping from a config file's `[keys]` table: `quit = ["q", "ctrl-c"]` gives `quit`
//! exactly those keys, and takes them from whatever else had them by default, so a remapped
//! key never does two things. Two remapped actions sharing a key in one view is an error.

use super::{BINDINGS, Key, Keymap, Scope, names};
use crate::tui::action::{Action, View};
use peacediff::diagnostic::{Diagnostic, SourceText, suggest};
use std::ops::Range;

/// One `[keys]` entry as the file wrote it, with where each part is.
#[derive(Debug, Clone)]
pub struct Entry {
    pub action: String,
    pub action_span: Range<usize>,
    pub keys: Vec<(String, Range<usize>)>,
    /// The whole value, for an empty list.
    pub value_span: Range<usize>,
}

/// An action's name in a config file.
pub fn config_name(action: &Action) -> Option<&'static str> {
    Some(match action {
        Action::Quit => "quit",
        Action::Interrupt => "interrupt",
        Action::Suspend => "suspend",
        Action::Show(View::Browse) => "browse",
        Action::Show(View::Compare) => "compare",
        Action::Show(View::RedLines) => "red-lines",
        Action::Show(View::Topics) => "topics",
        Action::Up => "up",
        Action::Down => "down",
        Action::Left => "left",
        Action::Right => "right",
        Action::Top => "top",
        Action::Bottom => "bottom",
        Action::HalfPageDown => "half-page-down",
        Action::HalfPageUp => "half-page-up",
        Action::NextPane => "next-pane",
        Action::PrevPane => "previous-pane",
        Action::Open => "open",
        Action::Back => "back",
        Action::Search => "search",
        Action::Next => "next",
        Action::Prev => "previous",
        Action::ToggleUnchanged => "toggle-unchanged",
        Action::RowScrollDown => "row-scroll-down",
        Action::RowScrollUp => "row-scroll-up",
        Action::PickDrafts => "pick-drafts",
        Action::SwapSides => "swap-sides",
        Action::PrevDraft => "previous-draft",
        Action::NextDraft => "next-draft",
        Action::Export => "export",
        Action::Copy => "copy",
        Action::Help => "help",
        Action::About => "about",
        _ => return None,
    })
}

/// Every action a config file can bind, in the key table's order, once each.
pub fn action_names() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for name in BINDINGS.iter().filter_map(|b| config_name(&b.action)) {
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// The views a scope covers.
fn views(scope: Scope) -> Vec<View> {
    match scope {
        Scope::Everywhere => View::ALL.to_vec(),
        Scope::Only(v) => vec![v],
    }
}

/// Whether a key of row `owner` (rebound by the user) should be taken from default row
/// `other`: where both apply, `other` would otherwise share it. A key for one view leaves
/// rows for everywhere alone: view rows win there already, and the key works elsewhere.
fn takes_from(owner: Scope, other: Scope) -> bool {
    match (owner, other) {
        (_, Scope::Only(v)) => views(owner).contains(&v),
        (Scope::Everywhere, Scope::Everywhere) => true,
        (Scope::Only(_), Scope::Everywhere) => false,
    }
}

/// A user entry resolved: the table rows it rebinds and its keys.
struct Rebound {
    name: String,
    rows: Vec<usize>,
    keys: Vec<(Key, Range<usize>)>,
}

/// The keymap the entries make, and a diagnostic for each problem in them (the entry with a
/// problem is left out; the rest apply).
pub fn apply(entries: &[Entry], src: &SourceText, out: &mut Vec<Diagnostic>) -> Keymap {
    let mut rebound: Vec<Rebound> = Vec::new();
    for e in entries {
        if let Some(r) = resolve(e, src, out) {
            report_conflicts(&rebound, &r, src, out);
            rebound.push(r);
        }
    }
    let mut map = Keymap::default();
    let mine: Vec<usize> = rebound.iter().flat_map(|r| r.rows.clone()).collect();
    for (i, b) in BINDINGS.iter().enumerate() {
        if mine.contains(&i) {
            continue;
        }
        let kept: Vec<Key> = map
            .keys(i)
            .iter()
            .copied()
            .filter(|k| {
                !rebound.iter().any(|r| {
                    r.keys.iter().any(|(rk, _)| rk == k)
                        && r.rows
                            .iter()
                            .any(|&o| takes_from(BINDINGS[o].scope, b.scope))
                })
            })
            .collect();
        map.set_keys(i, kept);
    }
    for r in &rebound {
        let mut keys: Vec<Key> = Vec::new();
        for (k, _) in &r.keys {
            if !keys.contains(k) {
                keys.push(*k);
            }
        }
        for &row in &r.rows {
            map.set_keys(row, keys.clone());
        }
    }
    map
}

fn resolve(e: &Entry, src: &SourceText, out: &mut Vec<Diagnostic>) -> Option<Rebound> {
    let rows: Vec<usize> = BINDINGS
        .iter()
        .enumerate()
        .filter(|(_, b)| config_name(&b.action) == Some(e.action.as_str()))
        .map(|(i, _)| i)
        .collect();
    if rows.is_empty() {
        let names = action_names();
        let hint = match suggest(&e.action, names.iter().copied()) {
            Some(s) => s,
            None => format!("the actions are {}", peacediff::diagnostic::one_of(&names)),
        };
        out.push(
            src.error(
                e.action_span.clone(),
                format!("unknown action `{}` in [keys]", e.action),
            )
            .with_hint(hint),
        );
        return None;
    }
    if e.keys.is_empty() {
        out.push(
            src.error(e.value_span.clone(), format!("`{}` has no keys", e.action))
                .with_hint(format!(
                    "give it at least one key (`{} = [\"x\"]`), or leave it out to keep its \
                     default keys",
                    e.action
                )),
        );
        return None;
    }
    let mut keys = Vec::new();
    let mut ok = true;
    for (text, span) in &e.keys {
        match names::parse(text) {
            Ok(k) => keys.push((k, span.clone())),
            Err(bad) => {
                ok = false;
                out.push(src.error(span.clone(), bad.message).with_hint(bad.hint));
            }
        }
    }
    ok.then(|| Rebound {
        name: e.action.clone(),
        rows,
        keys,
    })
}

/// A key `new` shares with an entry before it, in a view where both apply.
fn report_conflicts(
    earlier: &[Rebound],
    new: &Rebound,
    src: &SourceText,
    out: &mut Vec<Diagnostic>,
) {
    let scope_views = |r: &Rebound| -> Vec<View> {
        let mut vs: Vec<View> = r
            .rows
            .iter()
            .flat_map(|&i| views(BINDINGS[i].scope))
            .collect();
        vs.dedup();
        vs
    };
    let mine = scope_views(new);
    for (key, span) in &new.keys {
        for other in earlier {
            if !other.keys.iter().any(|(k, _)| k == key) {
                continue;
            }
            let shared: Vec<&str> = scope_views(other)
                .into_iter()
                .filter(|v| mine.contains(v))
                .map(View::title)
                .collect();
            if shared.is_empty() {
                continue;
            }
            let place = if shared.len() == View::ALL.len() {
                "in every view".to_string()
            } else {
                format!("in {}", shared.join(", "))
            };
            out.push(
                src.error(
                    span.clone(),
                    format!(
                        "`{}` is bound to both `{}` and `{}` {place}",
                        names::show(*key),
                        other.name,
                        new.name
                    ),
                )
                .with_hint("give one of them another key: a key does one thing in a view"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    /// Entries from `action = ["key", …]` lines, with spans into the text they make.
    fn entries(lines: &[(&str, &[&str])]) -> (Vec<Entry>, SourceText) {
        let mut text = String::new();
        let mut out = Vec::new();
        for (action, keys) in lines {
            let start = text.len();
            text.push_str(action);
            let action_span = start..text.len();
            text.push_str(" = [");
            let value_start = text.len() - 1;
            let mut spans = Vec::new();
            for (i, k) in keys.iter().enumerate() {
                if i > 0 {
                    text.push_str(", ");
                }
                let s = text.len();
                text.push_str(&format!("\"{k}\""));
                spans.push((k.to_string(), s..text.len()));
            }
            text.push_str("]\n");
            out.push(Entry {
                action: action.to_string(),
                action_span,
                keys: spans,
                value_span: value_start..text.len() - 1,
            });
        }
        (out, SourceText::new("config.toml", text))
    }

    fn remapped(lines: &[(&str, &[&str])]) -> (Keymap, Vec<Diagnostic>) {
        let (e, src) = entries(lines);
        let mut out = Vec::new();
        (apply(&e, &src, &mut out), out)
    }

    fn ch(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn a_rebound_key_does_its_new_action_and_leaves_its_old_one() {
        let (map, problems) = remapped(&[("next", &["j", "down"]), ("quit", &["x"])]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(map.action_for(View::Compare, &ch('j')), Some(Action::Next));
        assert_eq!(map.action_for(View::Browse, &ch('j')), Some(Action::Next));
        // `n` was only `next`'s: it now does nothing; `q` is free, `x` quits.
        assert_eq!(map.action_for(View::Compare, &ch('n')), None);
        assert_eq!(map.action_for(View::Browse, &ch('q')), None);
        assert_eq!(map.action_for(View::Browse, &ch('x')), Some(Action::Quit));
        // `down` keeps no key: the help says so.
        let down = BINDINGS.iter().position(|b| b.action == Action::Down);
        assert_eq!(down.map(|i| map.label(i)), Some("-".to_string()));
        let next = BINDINGS.iter().position(|b| b.action == Action::Next);
        assert_eq!(next.map(|i| map.label(i)), Some("j/↓ N".to_string()));
    }

    #[test]
    fn a_key_for_one_view_leaves_the_others_alone() {
        let (map, problems) = remapped(&[("toggle-unchanged", &["j"])]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            map.action_for(View::Compare, &ch('j')),
            Some(Action::ToggleUnchanged)
        );
        assert_eq!(map.action_for(View::Browse, &ch('j')), Some(Action::Down));
    }

    #[test]
    fn problems_are_located_and_say_what_to_write() {
        let (map, problems) = remapped(&[
            ("qiut", &["x"]),
            ("help", &["F1", "dwon"]),
            ("copy", &["c"]),
            ("export", &["c"]),
            ("top", &[]),
        ]);
        let shown: Vec<String> = problems.iter().map(|d| d.to_string()).collect();
        assert_eq!(problems.len(), 4, "{shown:#?}");
        assert!(shown[0].starts_with("config.toml:1:1: error: unknown action `qiut` in [keys]"));
        assert!(shown[0].contains("hint: did you mean `quit`?"));
        assert!(shown[1].starts_with("config.toml:2:15: error: unknown key `dwon`"));
        assert!(shown[2].starts_with(
            "config.toml:4:11: error: `c` is bound to both `copy` and `export` in every view"
        ));
        assert!(shown[3].starts_with("config.toml:5:7: error: `top` has no keys"));
        // What was right still applies.
        assert_eq!(map.action_for(View::Browse, &ch('c')), Some(Action::Copy));
    }

    #[test]
    fn keys_in_different_views_do_not_conflict() {
        let (_, problems) = remapped(&[("toggle-unchanged", &["x"]), ("swap-sides", &["y"])]);
        assert!(problems.is_empty());
        let (_, problems) = remapped(&[("toggle-unchanged", &["x"]), ("copy", &["x"])]);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.ends_with("in Compare"), "{problems:?}");
    }

    #[test]
    fn the_help_and_the_footer_show_the_keys_in_force() {
        use crate::tui::testkit::{app, press, screen};
        let (map, _) = remapped(&[("quit", &["x", "ctrl-q"]), ("help", &["F1"])]);
        let mut a = app(160, 48, false);
        a.keymap = map;
        let footer = screen(&a);
        assert!(footer.contains("F1 help  x/C-q quit"), "{footer}");
        press(&mut a, "?");
        assert_eq!(a.mode, crate::tui::app::Mode::Normal, "`?` is free now");
        a.update(Action::Help);
        let help = screen(&a);
        assert!(help.contains("  F1     this help"), "{help}");
        assert!(help.contains("  x/C-q  quit (in the help"), "{help}");
    }

    #[test]
    fn every_action_in_the_table_has_a_config_name() {
        for b in BINDINGS {
            assert!(config_name(&b.action).is_some(), "{:?}", b.action);
        }
    }
}
