//! The config file's text → `Settings`, every problem located. The file is read key by key
//! from TOML's spanned tables, so an unknown key, a wrong type and a bad value are each
//! reported at their own line and column, all in one run.

use super::Settings;
use crate::cli::pager::Paging;
use crate::tui::keymap::remap::{self, Entry};
use crate::tui::layout::CompareLayout;
use crate::tui::theme::Palette;
use peacediff::diagnostic::{Diagnostic, SourceText, one_of, suggest};
use std::path::Path;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The top-level keys, in the order `peacediff config --default` writes them.
pub const KEYS: [&str; 7] = [
    "plans",
    "theme",
    "paging",
    "compare-layout",
    "hide-unchanged",
    "mouse",
    "keys",
];

const PAGING: [(&str, Paging); 3] = [
    ("auto", Paging::Auto),
    ("always", Paging::Always),
    ("never", Paging::Never),
];

type Value<'i> = Spanned<DeValue<'i>>;

/// Reads a config file's text; `name` is how messages name it, `folder` where relative
/// paths start.
pub fn settings(name: &str, text: &str, folder: &Path) -> Result<Settings, Vec<Diagnostic>> {
    let src = SourceText::new(name, text);
    let mut out = Vec::new();
    let (table, errors) = DeTable::parse_recoverable(&src.text);
    for e in &errors {
        out.push(
            src.error(
                e.span().unwrap_or(0..0),
                format!("TOML syntax: {}", e.message().trim()),
            )
            .with_hint("fix the TOML syntax; the keys are checked once the file parses"),
        );
    }
    if !errors.is_empty() {
        return Err(out);
    }
    let mut s = Settings::default();
    let mut entries = Vec::new();
    let mut r = Reader {
        src: &src,
        out: &mut out,
    };
    for (key, value) in table.get_ref() {
        match key.get_ref().as_ref() {
            "plans" => {
                s.plans = r
                    .string(value, "plans", "a folder, e.g. `plans = \"~/peace/plans\"`")
                    .map(|p| super::expand_path(p, folder));
            }
            "theme" => s.theme = r.choice(value, "theme", &Palette::NAMES),
            "paging" => s.paging = r.choice(value, "paging", &PAGING),
            "compare-layout" => {
                s.compare_layout = r.choice(value, "compare-layout", &CompareLayout::NAMES)
            }
            "hide-unchanged" => s.hide_unchanged = r.boolean(value, "hide-unchanged"),
            "mouse" => s.mouse = r.boolean(value, "mouse"),
            "keys" => entries = r.keys(value),
            other => r.unknown(key.span(), other, &KEYS),
        }
    }
    s.rebound = entries.iter().map(|e| e.action.clone()).collect();
    s.keymap = remap::apply(&entries, &src, &mut out);
    if out.is_empty() { Ok(s) } else { Err(out) }
}

struct Reader<'a> {
    src: &'a SourceText,
    out: &'a mut Vec<Diagnostic>,
}

impl Reader<'_> {
    fn error(&mut self, span: std::ops::Range<usize>, msg: String, hint: String) {
        self.out.push(self.src.error(span, msg).with_hint(hint));
    }

    fn unknown(&mut self, span: std::ops::Range<usize>, key: &str, known: &[&str]) {
        let hint = suggest(key, known.iter().copied())
            .unwrap_or_else(|| format!("the keys are {}", one_of(known)));
        self.error(span, format!("unknown key `{key}`"), hint);
    }

    fn string<'v>(&mut self, v: &'v Value<'_>, key: &str, expected: &str) -> Option<&'v str> {
        let s = v.get_ref().as_str();
        if s.is_none() {
            self.error(
                v.span(),
                format!("`{key}` must be a string"),
                format!("write {expected}"),
            );
        }
        s
    }

    fn choice<T: Copy>(&mut self, v: &Value<'_>, key: &str, names: &[(&str, T)]) -> Option<T> {
        let all: Vec<&str> = names.iter().map(|(n, _)| *n).collect();
        let s = self.string(v, key, &one_of(&all))?;
        if let Some((_, t)) = names.iter().find(|(n, _)| *n == s) {
            return Some(*t);
        }
        let near = suggest(s, all.iter().copied());
        let hint = match near {
            Some(n) => format!("{n} (`{key}` is one of {})", one_of(&all)),
            None => format!("write one of {}", one_of(&all)),
        };
        self.error(v.span(), format!("unknown {key} `{s}`"), hint);
        None
    }

    fn boolean(&mut self, v: &Value<'_>, key: &str) -> Option<bool> {
        let b = v.get_ref().as_bool();
        if b.is_none() {
            self.error(
                v.span(),
                format!("`{key}` must be true or false"),
                format!("write `{key} = true` or `{key} = false`, without quotes"),
            );
        }
        b
    }

    /// The `[keys]` table: action names and lists of keys.
    fn keys(&mut self, v: &Value<'_>) -> Vec<Entry> {
        let Some(table) = v.get_ref().as_table() else {
            self.error(
                v.span(),
                "`keys` must be a table".into(),
                "write a `[keys]` section of lines like `quit = [\"q\", \"ctrl-c\"]`".into(),
            );
            return Vec::new();
        };
        let mut entries = Vec::new();
        for (action, value) in table {
            let name = action.get_ref().to_string();
            let example = format!("write a list of keys, e.g. `{name} = [\"x\", \"ctrl-x\"]`");
            let list: Vec<&Value<'_>> = match value.get_ref() {
                DeValue::Array(items) => items.iter().collect(),
                // One key alone is a list of one.
                DeValue::String(_) => vec![value],
                _ => {
                    self.error(
                        value.span(),
                        format!("the keys of `{name}` must be a list of strings"),
                        example,
                    );
                    continue;
                }
            };
            let mut keys = Vec::new();
            for item in list {
                match item.get_ref().as_str() {
                    Some(k) => keys.push((k.to_string(), item.span())),
                    None => self.error(
                        item.span(),
                        format!("a key of `{name}` is not a string"),
                        example.clone(),
                    ),
                }
            }
            entries.push(Entry {
                action: name,
                action_span: action.span(),
                keys,
                value_span: value.span(),
            });
        }
        entries
    }
}
