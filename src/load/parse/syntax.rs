//! The TOML syntax pass: a file's top-level table, with located syntax errors, including
//! the parser's nesting-limit error, which comes without a position.
//!
//! Separate because it works on the text alone, before any table is read into raw structs.

use crate::diagnostic::{Diagnostic, SourceText};
use toml::de::DeTable;

/// The file's top-level table, and whether it parsed cleanly. A file with syntax errors
/// gives what the parser recovered, for its declarations only.
pub(super) fn read_table<'s>(
    src: &'s SourceText,
    out: &mut Vec<Diagnostic>,
) -> (DeTable<'s>, bool) {
    let (table, errors) = DeTable::parse_recoverable(&src.text);
    if errors.is_empty() {
        return (table.into_inner(), true);
    }
    for e in errors {
        // The parser gives up on deep nesting without a position: find the place ourselves.
        let span = e
            .span()
            .or_else(|| deepest_nesting(&src.text).map(|at| at..at + 1))
            .unwrap_or(0..0);
        out.push(
            src.error(span, format!("TOML syntax: {}", e.message().trim()))
                .with_hint("fix the TOML syntax first; other checks run once the file parses"),
        );
    }
    (table.into_inner(), false)
}

/// The byte offset where the file nests deepest: dotted keys of a table header, or brackets
/// and braces of values (outside strings and comments). Used to locate the parser's
/// recursion-limit error, which carries no position. Iterative, so no input overflows it.
fn deepest_nesting(text: &str) -> Option<usize> {
    let (mut best, mut best_at) = (0usize, None);
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut line_start = true;
    let mut header = false;
    let mut comment = false;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            if header {
                depth = 0;
            }
            (line_start, header, comment) = (true, false, false);
            continue;
        }
        if comment {
            continue;
        }
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        if line_start && c.is_whitespace() {
            continue;
        }
        if line_start && c == '[' {
            (header, depth) = (true, 1);
        } else if header {
            depth += usize::from(c == '.');
        } else {
            match c {
                '[' | '{' => depth += 1,
                ']' | '}' => depth = depth.saturating_sub(1),
                '"' | '\'' => quote = Some(c),
                '#' => comment = true,
                _ => {}
            }
        }
        line_start = false;
        if depth > best {
            (best, best_at) = (depth, Some(i));
        }
    }
    best_at.filter(|_| best > 1)
}
