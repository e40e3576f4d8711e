//! Checks for single fields: non-empty text, identifiers, enumerated values and dates.
//!
//! Each check records a diagnostic and returns what it could salvage, so loading carries on
//! and reports every problem in one run.

use super::raw::Str;
use crate::diagnostic::{Diagnostic, SourceText, one_of, suggest};
use crate::model::PartialDate;
use crate::sanitize::{clean_line, clean_text};
use toml::Spanned;

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
        }
        cleaned
    }

    pub fn opt_line(&mut self, s: &Option<Str>, field: &str) -> Option<String> {
        s.as_ref().map(|s| self.line(s, field))
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
            toml::Value::String(s) => parse_date_text(s),
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
        match check_date(year, month, day) {
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

fn parse_date_text(s: &str) -> Option<(i64, Option<i64>, Option<i64>)> {
    let mut parts = s.split('-');
    let year = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    let month = match parts.next() {
        Some(m) if m.len() == 2 => Some(m.parse().ok()?),
        Some(_) => return None,
        None => None,
    };
    let day = match parts.next() {
        Some(d) if d.len() == 2 => Some(d.parse().ok()?),
        Some(_) => return None,
        None => None,
    };
    if parts.next().is_some() {
        return None;
    }
    Some((year, month, day))
}

fn check_date(year: i64, month: Option<i64>, day: Option<i64>) -> Option<PartialDate> {
    let year_ok = (1900..=2200).contains(&year);
    let month_ok = month.is_none_or(|m| (1..=12).contains(&m));
    let day_ok = match (month, day) {
        (Some(m), Some(d)) => d >= 1 && d <= days_in_month(year, m),
        (None, Some(_)) => false,
        _ => true,
    };
    (year_ok && month_ok && day_ok).then(|| PartialDate {
        year: year as u16,
        month: month.map(|m| m as u8),
        day: day.map(|d| d as u8),
    })
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_parse_and_impossible_ones_do_not() {
        assert_eq!(parse_date_text("2025-11"), Some((2025, Some(11), None)));
        assert_eq!(parse_date_text("Nov 2025"), None);
        assert!(check_date(2024, Some(2), Some(29)).is_some());
        assert!(check_date(2025, Some(2), Some(29)).is_none());
        assert!(check_date(2025, Some(13), None).is_none());
        assert!(check_date(2025, Some(4), Some(31)).is_none());
    }
}
