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
    /// The offending line of the file, for context: cleaned, and around the column when the
    /// line is too long to show whole (cut ends marked `…`).
    pub excerpt: Option<String>,
    /// Terminal cells of `excerpt` before the caret. Counted on what is shown (wide
    /// characters take two cells, stripped control characters none), so the caret sits under
    /// the character `column` names, which counts characters of the file.
    #[serde(default)]
    pub caret: usize,
}

/// Longest excerpt shown whole, in terminal cells; a longer line is shown around its column.
const EXCERPT_CELLS: usize = 160;
/// Cells of context kept on each side of the column in a long line.
const CONTEXT_CELLS: usize = 60;

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
                write!(f, "\n    | {}^", " ".repeat(self.caret))?;
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

    /// A line's raw text (without its line break) and the byte offset where it starts.
    fn raw_line(&self, line: usize) -> Option<(&str, usize)> {
        let starts = self.line_starts();
        let start = *starts.get(line.checked_sub(1)?)?;
        let end = starts.get(line).map_or(self.text.len(), |&next| next - 1);
        // Past the last line break there is no line (as `str::lines` counts them).
        if start >= self.text.len() {
            return None;
        }
        let raw = &self.text[start..end];
        Some((raw.strip_suffix('\r').unwrap_or(raw), start))
    }

    /// A line's text (without its line break), cleaned and cut to 160 characters.
    #[cfg(test)]
    fn line_text(&self, line: usize) -> Option<String> {
        let (raw, _) = self.raw_line(line)?;
        Some(clean_line(raw).chars().take(160).collect())
    }

    /// The excerpt shown for a byte offset, and the cells before the caret in it. Each side
    /// of the offset is cleaned on its own, so characters the sanitiser strips before the
    /// column move the caret left with the text.
    fn excerpt_at(&self, offset: usize) -> Option<(String, usize)> {
        let (line, _) = self.locate(offset);
        let (raw, start) = self.raw_line(line)?;
        let mut cut = offset.clamp(start, start + raw.len()) - start;
        while !raw.is_char_boundary(cut) {
            cut -= 1;
        }
        let before = clean_line(&raw[..cut]);
        let after = clean_line(&raw[cut..]);
        Some(excerpt_window(&before, &after))
    }

    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        self.at(Severity::Error, span, message)
    }

    pub fn warning(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        self.at(Severity::Warning, span, message)
    }

    fn at(&self, severity: Severity, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        let (line, column) = self.locate(span.start);
        let (excerpt, caret) = self.excerpt_at(span.start).unzip();
        Diagnostic {
            severity,
            file: clean_line(&self.name),
            line,
            column,
            message: clean_line(&message.into()),
            hint: None,
            excerpt,
            caret: caret.unwrap_or(0),
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
            caret: 0,
        }
    }
}

/// Joins the shown text before and after the column into an excerpt that fits
/// [`EXCERPT_CELLS`], and the cells before the caret. A long line keeps [`CONTEXT_CELLS`] on
/// each side of the column and marks what it cut with `…`, so the caret stays on screen.
fn excerpt_window(before: &str, after: &str) -> (String, usize) {
    let width = |s: &str| unicode_width::UnicodeWidthStr::width(s);
    if width(before) + width(after) <= EXCERPT_CELLS {
        return (format!("{before}{after}"), width(before));
    }
    let (head, head_cells) = if width(before) <= EXCERPT_CELLS - CONTEXT_CELLS {
        (before.to_string(), width(before))
    } else {
        let tail = take_cells(before.chars().rev(), CONTEXT_CELLS);
        let tail: String = tail.chars().rev().collect();
        let cells = width(&tail) + 1;
        (format!("…{tail}"), cells)
    };
    let room = EXCERPT_CELLS.saturating_sub(head_cells);
    let shown = take_cells(after.chars(), room.saturating_sub(1));
    let ellipsis = if shown.len() < after.len() { "…" } else { "" };
    (format!("{head}{shown}{ellipsis}"), head_cells)
}

/// The longest run of `chars` that fits in `cells` terminal cells.
fn take_cells(chars: impl Iterator<Item = char>, cells: usize) -> String {
    let mut used = 0;
    let mut out = String::new();
    for c in chars {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > cells {
            break;
        }
        used += w;
        out.push(c);
    }
    out
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

    /// The caret line of a rendered diagnostic, and the excerpt line above it.
    fn excerpt_and_caret(d: &Diagnostic) -> (String, String) {
        let shown = d.to_string();
        let lines: Vec<&str> = shown.lines().collect();
        let caret = lines
            .iter()
            .position(|l| l.trim_end().ends_with('^'))
            .unwrap();
        let strip = |l: &str| l.strip_prefix("    | ").unwrap().to_string();
        (strip(lines[caret - 1]), strip(lines[caret]))
    }

    /// The text shown above the caret, up to the caret's cell: what the caret points after.
    fn shown_before_caret(d: &Diagnostic) -> String {
        let (excerpt, caret) = excerpt_and_caret(d);
        let cells = caret.len() - 1;
        take_cells(excerpt.chars(), cells)
    }

    #[test]
    fn the_caret_sits_under_the_column_after_wide_characters() {
        let text = "title = \"和平计划\" x = 1\n";
        let src = SourceText::new("a.toml", text);
        let at = text.find("x =").unwrap();
        let d = src.error(at..at + 1, "unknown key `x`");
        assert_eq!((d.line, d.column), (1, 16));
        assert_eq!(shown_before_caret(&d), "title = \"和平计划\" ");
        // Four wide characters take eight cells: the caret is 19 cells in, not 15.
        assert_eq!(excerpt_and_caret(&d).1, format!("{}^", " ".repeat(19)));
    }

    #[test]
    fn the_caret_counts_what_is_shown_after_stripped_controls() {
        let text = "title = \"a\u{1b}[31mb\u{7}c\" x = 1\n";
        let src = SourceText::new("a.toml", text);
        let at = text.find("x =").unwrap();
        let d = src.error(at..at + 1, "unknown key `x`");
        assert_eq!(d.excerpt.as_deref(), Some("title = \"abc\" x = 1"));
        assert_eq!(shown_before_caret(&d), "title = \"abc\" ");
        assert_eq!(excerpt_and_caret(&d).1, format!("{}^", " ".repeat(14)));
    }

    #[test]
    fn a_long_line_is_shown_around_its_column() {
        let text = format!(
            "note = \"{}\" oops = 1 {}\n",
            "w".repeat(300),
            "z".repeat(300)
        );
        let src = SourceText::new("a.toml", text.clone());
        let at = text.find("oops").unwrap();
        let d = src.error(at..at + 4, "unknown key `oops`");
        assert_eq!(d.column, 311);
        let (excerpt, caret) = excerpt_and_caret(&d);
        assert!(
            excerpt.starts_with('…') && excerpt.ends_with('…'),
            "{excerpt}"
        );
        assert!(excerpt.chars().count() <= EXCERPT_CELLS, "{excerpt}");
        let cells = caret.len() - 1;
        let under: String = excerpt.chars().skip(cells).take(4).collect();
        assert_eq!(under, "oops");
        // A short line is shown whole, its caret under the column.
        let src = SourceText::new("b.toml", "id = 1\n");
        let d = src.error(5..6, "`id` is not a string");
        assert_eq!(excerpt_and_caret(&d), ("id = 1".into(), "     ^".into()));
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
