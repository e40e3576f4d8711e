//! Checks for single fields: non-empty text, identifiers, enumerated values and dates.
//!
//! Each check records a diagnostic and returns what it could salvage, so loading carries on
//! and reports every problem in one run.

use super::raw::Str;
use crate::diagnostic::{Diagnostic, SourceText, one_of, suggest};
use crate::model::PartialDate;
use crate::sanitize::{clean_line, clean_text};
use toml::Spanned;

/// How a value still to be written starts (`peacediff import` leaves these where it cannot know
/// the answer): loading accepts it, and `check` reports each as a warning.
pub const PLACEHOLDER: &str = "TODO";

/// Where a file's diagnostics go while it is checked.
pub struct Sink<'a> {
    pub src: &'a SourceText,
    pub out: &'a mut Vec<Diagnostic>,
}

impl Sink<'_> {
    pub fn error(&mut self, span: std::ops::Range<usize>, msg: impl Into<String>) {
        self.out.push(self.src.error(span, msg));
    }

    pub fn error_hint(
        &mut self,
        span: std::ops::Range<usize>,
        msg: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.out.push(self.src.error(span, msg).with_hint(hint));
    }

    /// A one-line field that must say something.
    pub fn line(&mut self, s: &Str, field: &str) -> String {
        self.non_blank(s, field, clean_line)
    }

    /// A multi-line text field that must say something.
    pub fn text(&mut self, s: &Str, field: &str) -> String {
        self.non_blank(s, field, clean_text)
    }

    fn non_blank(&mut self, s: &Str, field: &str, clean: fn(&str) -> String) -> String {
        let cleaned = clean(s.get_ref()).trim().to_string();
        if cleaned.is_empty() {
            self.error_hint(
                s.span(),
                format!("empty `{field}`"),
                format!("write the {field}, or remove the key if it is optional"),
            );
        } else if cleaned.starts_with(PLACEHOLDER) {
            self.out.push(
                self.src
                    .warning(s.span(), format!("`{field}` is still to be filled in"))
                    .with_hint(format!(
                        "replace the `{PLACEHOLDER}` text with the {field}: the value is shown \
                         as it stands until then"
                    )),
            );
        }
        cleaned
    }

    pub fn opt_line(&mut self, s: &Option<Str>, field: &str) -> Option<String> {
        s.as_ref().map(|s| self.line(s, field))
    }

    /// An optional `url`, which must be a web address (a source's, a document's).
    pub fn opt_url(&mut self, url: &Option<Str>) -> Option<String> {
        let u = url.as_ref()?;
        let cleaned = self.line(u, "url");
        if !(cleaned.starts_with("https://") || cleaned.starts_with("http://")) {
            self.error_hint(
                u.span(),
                format!("url `{cleaned}` is not a web address"),
                "write a full address starting with https://",
            );
        }
        Some(cleaned)
    }

    pub fn opt_text(&mut self, s: &Option<Str>, field: &str) -> Option<String> {
        s.as_ref().map(|s| self.text(s, field))
    }

    /// An identifier: letters, digits, `-`, `_` and `.`, nothing else.
    pub fn id(&mut self, s: &Str, what: &str) -> String {
        let v = s.get_ref();
        if v.is_empty() {
            self.error_hint(s.span(), format!("empty {what} id"), "write an id");
        } else if let Some(bad) = v
            .chars()
            .find(|c| !(c.is_alphanumeric() || matches!(c, '-' | '_' | '.')))
        {
            self.error_hint(
                s.span(),
                format!(
                    "{what} id `{}` contains `{}`",
                    clean_line(v),
                    bad.escape_default()
                ),
                "ids use letters, digits, `-`, `_` and `.` only",
            );
        }
        clean_line(v)
    }

    /// One of a fixed set of words.
    pub fn choice<T: Copy>(&mut self, s: &Str, field: &str, table: &[(&str, T)]) -> Option<T> {
        let v = s.get_ref().as_str();
        if let Some((_, t)) = table.iter().find(|(name, _)| *name == v) {
            return Some(*t);
        }
        let names: Vec<&str> = table.iter().map(|(n, _)| *n).collect();
        self.error_hint(
            s.span(),
            format!(
                "unknown {field} `{}`; expected {}",
                clean_line(v),
                one_of(&names)
            ),
            suggest(v, names.iter().copied())
                .unwrap_or_else(|| format!("use one of {}", one_of(&names))),
        );
        None
    }

    pub fn date(&mut self, v: &Spanned<toml::Value>, field: &str) -> Option<PartialDate> {
        let span = v.span();
        let parsed = match v.get_ref() {
            toml::Value::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt
                .date
                .map(|d| (d.year as i64, Some(d.month as i64), Some(d.day as i64))),
            toml::Value::String(s) => PartialDate::split_text(s),
            _ => None,
        };
        let Some((year, month, day)) = parsed else {
            self.error_hint(
                span,
                format!("`{field}` is not a date"),
                "write a date like 2025-11-20, or \"2025-11\" or \"2025\" when only the month or year is known",
            );
            return None;
        };
        match PartialDate::from_numbers(year, month, day) {
            Some(d) => Some(d),
            None => {
                let shown = [Some(year), month, day]
                    .iter()
                    .flatten()
                    .map(|n| format!("{n:02}"))
                    .collect::<Vec<_>>()
                    .join("-");
                self.error_hint(
                    span,
                    format!("impossible date `{shown}` in `{field}`"),
                    "use a real calendar date, or give only the month (\"2025-02\")",
                );
                None
            }
        }
    }

    /// A list that must not be empty.
    pub fn non_empty<T>(&mut self, v: &Spanned<Vec<T>>, field: &str, hint: &str) -> bool {
        if v.get_ref().is_empty() {
            self.error_hint(v.span(), format!("`{field}` is empty"), hint.to_string());
            false
        } else {
            true
        }
    }
}
