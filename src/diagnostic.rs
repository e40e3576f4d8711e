//! Located problems in plan files, rendered compiler-style as `file:line:column: message`.
//!
//! Loading collects these instead of stopping at the first, so a user fixes a whole file in
//! one pass. Nothing here prints; the binary decides how to show them.
//!
//! Messages quote identifiers straight from the data (an unknown topic, a misspelt key) and
//! name files the user chose, so every constructor here cleans what it is given
//! ([`crate::sanitize`]): no diagnostic can carry an escape sequence to a terminal.

use crate::sanitize::clean_line;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    /// 1-based; 0 when the problem concerns the file as a whole.
    pub line: usize,
    /// 1-based, counted in characters.
    pub column: usize,
    pub message: String,
    pub hint: Option<String>,
    /// The offending line of the file, for context.
    pub excerpt: Option<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        if self.line > 0 {
            write!(f, "{}:{}:{}: ", self.file, self.line, self.column)?;
        } else {
            write!(f, "{}: ", self.file)?;
        }
        write!(f, "{kind}: {}", self.message)?;
        if let Some(excerpt) = &self.excerpt {
            write!(f, "\n    | {excerpt}")?;
            if self.column > 0 {
                let pad: String = excerpt
                    .chars()
                    .take(self.column - 1)
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                write!(f, "\n    | {pad}^")?;
            }
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n    = hint: {hint}")?;
        }
        Ok(())
    }
}

/// One file's name and text, able to turn byte spans into lines and columns.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub name: String,
    /// The file's text. Make a new `SourceText` rather than change it: the line index below
    /// is built from the text once.
    pub text: String,
    /// Byte offset of each line's start, worked out at the first diagnostic: a large file
    /// with thousands of problems is scanned once, not once per problem.
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

impl SourceText {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        SourceText {
            name: name.into(),
            text: text.into(),
            line_starts: std::sync::OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// 1-based line and character column of a byte offset, clamped to the text.
    pub fn locate(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let starts = self.line_starts();
        let line = starts.partition_point(|&s| s <= offset);
        let line_start = starts[line - 1];
        let column = self.text[line_start..offset].chars().count() + 1;
        (line, column)
    }

    /// A line's text (without its line break), cleaned and cut to 160 characters.
    fn line_text(&self, line: usize) -> Option<String> {
        let starts = self.line_starts();
        let start = *starts.get(line.checked_sub(1)?)?;
        let end = starts.get(line).map_or(self.text.len(), |&next| next - 1);
        // Past the last line break there is no line (as `str::lines` counts them).
        if start >= self.text.len() {
            return None;
        }
        let raw = &self.text[start..end];
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        Some(clean_line(raw).chars().take(160).collect())
    }

    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        self.at(Severity::Error, span, message)
    }

    pub fn warning(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        self.at(Severity::Warning, span, message)
    }

    fn at(&self, severity: Severity, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        let (line, column) = self.locate(span.start);
        Diagnostic {
            severity,
            file: clean_line(&self.name),
            line,
            column,
            message: clean_line(&message.into()),
            hint: None,
            excerpt: self.line_text(line),
        }
    }
}

impl Diagnostic {
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(clean_line(&hint.into()));
        self
    }

    /// A problem with a file as a whole (unreadable, misplaced).
    pub fn whole_file(file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: clean_line(&file.into()),
            line: 0,
            column: 0,
            message: clean_line(&message.into()),
            hint: None,
            excerpt: None,
        }
    }
}

/// The closest candidates to a misspelt name, for "did you mean" hints.
pub fn suggest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(wrong, c), c))
        .filter(|(score, _)| *score > 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.first().map(|(_, c)| format!("did you mean `{c}`?"))
}

/// Lists allowed values for a message: "`a`, `b` or `c`".
pub fn one_of(values: &[&str]) -> String {
    let quoted: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_counts_lines_and_characters() {
        let src = SourceText::new("a.toml", "ab\nцвет = 1\n");
        assert_eq!(src.locate(0), (1, 1));
        assert_eq!(src.locate(3), (2, 1));
        // "цвет" is 8 bytes and 4 characters: the `=` sits at column 6.
        assert_eq!(src.locate(3 + 9), (2, 6));
        assert_eq!(src.locate(999), (3, 1));
    }

    proptest::proptest! {
        #![proptest_config(crate::proptest_seed::config(256))]

        /// The line index gives what scanning the text from its start gives.
        #[test]
        fn located_lines_match_a_plain_scan(text in "[a-c\\n\\r é]{0,40}", at in 0usize..45) {
            let src = SourceText::new("t", text.clone());
            let mut offset = at.min(text.len());
            while !text.is_char_boundary(offset) {
                offset -= 1;
            }
            let before = &text[..offset];
            let line = before.matches('\n').count() + 1;
            let start = before.rfind('\n').map_or(0, |i| i + 1);
            let column = text[start..offset].chars().count() + 1;
            proptest::prop_assert_eq!(src.locate(at), (line, column));
            let expected = text
                .lines()
                .nth(line - 1)
                .map(|l| crate::sanitize::clean_line(l).chars().take(160).collect::<String>());
            proptest::prop_assert_eq!(src.line_text(line), expected);
        }
    }

    #[test]
    fn display_is_compiler_style() {
        let src = SourceText::new("plans/x.toml", "id = \"\"\n");
        let d = src.error(5..7, "empty `id`").with_hint("write an id");
        let shown = d.to_string();
        assert!(shown.starts_with("plans/x.toml:1:6: error: empty `id`"));
        assert!(shown.contains("= hint: write an id"));
    }

    #[test]
    fn identifiers_and_file_names_from_the_data_are_cleaned() {
        let src = SourceText::new("plans/a\u{1b}]2;T\u{7}.toml", "topics = [\"x\"]\n");
        let d = src
            .error(0..6, "unknown topic `sov\u{1b}[2Jx\u{9b}1m`")
            .with_hint("did you mean `\u{1b}]52;c;Zm9v\u{7}sovereignty`?");
        let whole = Diagnostic::whole_file("b\u{7}.toml", "bad\u{1b}[31m");
        for d in [d, whole] {
            let shown = d.to_string();
            assert!(
                shown.chars().all(|c| c == '\n' || !c.is_control()),
                "{shown:?}"
            );
        }
        let d = src.error(0..6, "unknown topic `sov\u{1b}[2Jx`");
        assert_eq!(d.message, "unknown topic `sovx`");
        assert_eq!(d.file, "plans/a.toml");
    }

    #[test]
    fn suggestions_pick_the_nearest() {
        let got = suggest("militray-limits", ["territory", "military-limits"]);
        assert_eq!(got.as_deref(), Some("did you mean `military-limits`?"));
        assert_eq!(suggest("zzz", ["territory"]), None);
    }

    #[test]
    fn one_of_joins_naturally() {
        assert_eq!(one_of(&["a"]), "`a`");
        assert_eq!(one_of(&["a", "b", "c"]), "`a`, `b` or `c`");
    }
}
