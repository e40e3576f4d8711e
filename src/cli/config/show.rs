//! What `peacediff config` prints: where the file is and what it sets, or a complete file of
//! the defaults to start from.

use super::{Location, Settings};
use crate::tui::keymap::remap::{action_names, config_name};
use crate::tui::keymap::{BINDINGS, Keymap, names};
use crate::tui::layout::CompareLayout;
use crate::tui::theme::Palette;

/// The file's place, whether it is there, and each setting in force.
pub fn describe(at: &Location, s: &Settings) -> String {
    let mut out = String::new();
    match &at.path {
        Some(p) => {
            let shown = peacediff::sanitize::path(p);
            let state = if p.is_file() {
                "read".to_string()
            } else {
                format!(
                    "not there: the defaults are in use; `peacediff config --default > {shown}` \
                     writes one to start from"
                )
            };
            out.push_str(&format!("config file  {shown} (from {})\n", at.from));
            out.push_str(&format!("             {state}\n"));
        }
        None => {
            out.push_str("config file  none (PEACEDIFF_CONFIG is empty): the defaults are in use\n")
        }
    }
    let plans = s.plans.as_ref().map_or_else(
        || "the bundled drafts".to_string(),
        |p| peacediff::sanitize::path(p),
    );
    let name = |names: &[(&'static str, _)], v| {
        names.iter().find(|(_, x)| *x == v).map_or("?", |(n, _)| *n)
    };
    let paging = s.paging.unwrap_or_default();
    let paging = match paging {
        crate::cli::pager::Paging::Auto => "auto",
        crate::cli::pager::Paging::Always => "always",
        crate::cli::pager::Paging::Never => "never",
    };
    let rows = [
        ("plans", plans),
        ("theme", s.theme.unwrap_or_default().name().to_string()),
        ("paging", paging.to_string()),
        (
            "compare-layout",
            name(&CompareLayout::NAMES, s.compare_layout.unwrap_or_default()).to_string(),
        ),
        (
            "hide-unchanged",
            s.hide_unchanged.unwrap_or(false).to_string(),
        ),
        ("mouse", s.mouse.unwrap_or(true).to_string()),
        (
            "keys",
            if s.rebound.is_empty() {
                "the defaults (`?` in the app lists them)".to_string()
            } else {
                format!("rebound: {}", s.rebound.join(", "))
            },
        ),
    ];
    out.push('\n');
    for (key, value) in rows {
        out.push_str(&format!("{key:<15}{value}\n"));
    }
    out
}

/// A config file that sets every default, each line commented out, to copy and edit.
pub fn default_file() -> String {
    let mut out = String::from(
        "# peacediff's config file: uncomment a line to change it.\n\
         # Flags on the command line override what is set here.\n\n",
    );
    let themes: Vec<&str> = Palette::NAMES.iter().take(3).map(|(n, _)| *n).collect();
    let layouts: Vec<&str> = CompareLayout::NAMES.iter().map(|(n, _)| *n).collect();
    let settings = [
        (
            "plans",
            "\"~/peace/plans\"",
            "the drafts to open instead of the bundled ones (`~` is home; relative paths start at this file's folder)",
        ),
        (
            "theme",
            "\"dark\"",
            &*format!("colours: {}", themes.join(", ")),
        ),
        (
            "paging",
            "\"auto\"",
            "long output through a pager: auto, always, never",
        ),
        (
            "compare-layout",
            "\"auto\"",
            &*format!("the two drafts in Compare: {}", layouts.join(", ")),
        ),
        (
            "hide-unchanged",
            "false",
            "Compare starts with unchanged rows hidden (u toggles)",
        ),
        (
            "mouse",
            "true",
            "capture the mouse in the app (false: as --no-mouse)",
        ),
    ];
    for (key, value, what) in settings {
        out.push_str(&format!("# {what}\n# {key} = {value}\n\n"));
    }
    out.push_str(
        "# Keys in the app: each action and its keys. A key given here leaves the action it\n\
         # had by default. Keys: a character (`q`, `G`, `?`), `ctrl-` and a letter, or a name\n\
         # (up, down, left, right, home, end, pageup, pagedown, tab, shift-tab, enter, esc,\n\
         # space, backspace, delete, insert, f1 to f12).\n[keys]\n",
    );
    let map = Keymap::default();
    for name in action_names() {
        let Some(i) = BINDINGS
            .iter()
            .position(|b| config_name(&b.action) == Some(name))
        else {
            continue;
        };
        let keys: Vec<String> = map
            .keys(i)
            .iter()
            .map(|k| format!("\"{}\"", names::config(*k)))
            .collect();
        out.push_str(&format!("# {name} = [{}]\n", keys.join(", ")));
    }
    out
}
