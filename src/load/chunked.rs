//! Reading a large draft's TOML in pieces, to bound the parser's memory.
//!
//! The `toml` crate parses a whole document at once and, while it works, holds tokens and
//! events of about seven bytes per byte of text: a 40 MB draft needs some 275 MB for that
//! alone, on top of the text and the tree it builds. A draft is mostly a long run of
//! `[[clause]]` tables, each complete in itself, so a large file is cut before some of those
//! headers into pieces of about [`PIECE_BYTES`], each piece parsed on its own, its spans moved
//! to where the piece sits in the file, and its tables turned into raw structs (by
//! `parse::draft`) before the next piece is parsed: the parser's working memory and the tree
//! of a piece are freed as it goes, and what comes out is what a whole parse gives.
//!
//! Cutting is only safe where a `[[clause]]` header really starts a table, so the cut finder
//! follows strings (a line inside a multi-line string that reads `[[clause]]` is text) and
//! comments. Whenever anything is unusual — a piece with a syntax error, the same top-level
//! key in two pieces other than the clause list — the caller parses the whole file instead,
//! so every diagnostic still comes from one parse of the whole text, exactly as before.

use std::ops::Range;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

/// Drafts at least this large are read in pieces.
pub const CHUNKED_FROM: usize = 4 << 20;

/// About how much text each piece holds.
pub const PIECE_BYTES: usize = 1 << 20;

/// One piece of the text (`range`, from [`piece_starts`]) parsed alone, its spans moved to
/// where the piece sits in the whole text; `None` when it has a syntax error.
pub fn parse_piece(text: &str, range: Range<usize>) -> Option<DeTable<'_>> {
    let start = range.start;
    let (table, errors) = DeTable::parse_recoverable(&text[range]);
    errors
        .is_empty()
        .then(|| shift_table(table.into_inner(), start))
}

/// The file's top-level table, read in pieces of about `piece` bytes and joined; `None` when
/// the file must be parsed whole instead. The loader turns each piece into raw structs as it
/// goes instead of joining them; this joined form is what tests compare with a whole parse.
#[cfg(test)]
fn read(text: &str, piece: usize) -> Option<DeTable<'_>> {
    let starts = piece_starts(text, piece);
    let mut merged: Option<DeTable<'_>> = None;
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(text.len());
        let table = parse_piece(text, start..end)?;
        merged = Some(match merged {
            None => table,
            Some(mut whole) => {
                join(&mut whole, table)?;
                whole
            }
        });
    }
    merged
}

/// Moves every span of a table by `by` bytes.
fn shift_table(table: DeTable<'_>, by: usize) -> DeTable<'_> {
    table
        .into_iter()
        .map(|(k, v)| (shift_spanned(k, by), shift_value(v, by)))
        .collect()
}

fn shift_range(r: Range<usize>, by: usize) -> Range<usize> {
    r.start + by..r.end + by
}

fn shift_spanned<T>(s: Spanned<T>, by: usize) -> Spanned<T> {
    let span = shift_range(s.span(), by);
    Spanned::new(span, s.into_inner())
}

fn shift_value(v: Spanned<DeValue<'_>>, by: usize) -> Spanned<DeValue<'_>> {
    let span = shift_range(v.span(), by);
    let inner = match v.into_inner() {
        DeValue::Table(t) => DeValue::Table(shift_table(t, by)),
        DeValue::Array(a) => DeValue::Array(shift_array(a, by)),
        other => other,
    };
    Spanned::new(span, inner)
}

fn shift_array(a: DeArray<'_>, by: usize) -> DeArray<'_> {
    let mut out = DeArray::new();
    for v in a {
        out.push(shift_value(v, by));
    }
    out
}

#[cfg(test)]
/// Adds a later piece's keys to the table so far: its clauses go after the clauses already
/// read; any other key must be new. `None` when a key repeats (the whole parse then decides
/// what that means and reports it).
fn join<'i>(whole: &mut DeTable<'i>, piece: DeTable<'i>) -> Option<()> {
    for (k, v) in piece {
        let key: &str = k.get_ref();
        match (whole.get_mut(key), key == "clause") {
            (None, _) => {
                whole.insert(k, v);
            }
            (Some(existing), true) => match (existing.get_mut(), v.into_inner()) {
                (DeValue::Array(list), DeValue::Array(more)) => {
                    for item in more {
                        list.push(item);
                    }
                }
                _ => return None,
            },
            (Some(_), false) => return None,
        }
    }
    Some(())
}

/// Byte offsets where pieces start: 0, then the start of a `[[clause]]` header line (never the
/// first one) once at least `piece` bytes have passed since the last cut. Headers inside strings are not lines of
/// TOML and are never cut at.
pub fn piece_starts(text: &str, piece: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut state = State::Code;
    let mut at = 0;
    let mut headers = 0usize;
    while at < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n + 1);
        let line = &bytes[at..end];
        // Never before the first header: whatever else the file says about `clause` (an
        // inline array, a `[clause]` table) then sits in a piece with a header, and that
        // piece's parse fails the way the whole file's would.
        if state == State::Code && is_clause_header(line) {
            if headers > 0 && at - starts[starts.len() - 1] >= piece {
                starts.push(at);
            }
            headers += 1;
        }
        state = scan_line(line, state);
        at = end;
    }
    starts
}

/// Whether a line is exactly a `[[clause]]` header (with optional spaces and a comment).
fn is_clause_header(line: &[u8]) -> bool {
    let text = line.trim_ascii_start();
    let Some(rest) = text.strip_prefix(b"[[clause]]") else {
        return false;
    };
    let rest = rest.trim_ascii();
    rest.is_empty() || rest.starts_with(b"#")
}

/// Where a line leaves the reader: in code, or inside a multi-line basic (`"""`) or literal
/// (`'''`) string that goes on to the next line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Code,
    MultiBasic,
    MultiLiteral,
}

/// Follows one line's strings and comments from `state`.
fn scan_line(line: &[u8], mut state: State) -> State {
    let mut i = 0;
    while i < line.len() {
        match state {
            State::MultiBasic => match find_close(line, i, b"\"\"\"", true) {
                Some(after) => (state, i) = (State::Code, after),
                None => return state,
            },
            State::MultiLiteral => match find_close(line, i, b"'''", false) {
                Some(after) => (state, i) = (State::Code, after),
                None => return state,
            },
            State::Code => match line[i] {
                b'#' => return State::Code,
                b'"' if line[i..].starts_with(b"\"\"\"") => {
                    (state, i) = (State::MultiBasic, i + 3);
                }
                b'\'' if line[i..].starts_with(b"'''") => {
                    (state, i) = (State::MultiLiteral, i + 3);
                }
                b'"' => i = find_close(line, i + 1, b"\"", true).unwrap_or(line.len()),
                b'\'' => i = find_close(line, i + 1, b"'", false).unwrap_or(line.len()),
                _ => i += 1,
            },
        }
    }
    state
}

/// The offset just past the first `close` at or after `from`, skipping backslash escapes when
/// `escapes` (basic strings); `None` when the line ends first. A multi-line string may end
/// with up to two more quotes than its delimiter (`""""` closes after one quote of content).
fn find_close(line: &[u8], from: usize, close: &[u8], escapes: bool) -> Option<usize> {
    let mut i = from;
    while i < line.len() {
        if escapes && line[i] == b'\\' {
            i += 2;
            continue;
        }
        if line[i..].starts_with(close) {
            let mut end = i + close.len();
            if close.len() == 3 {
                while end < line.len() && line[end] == close[0] && end < i + 5 {
                    end += 1;
                }
            }
            return Some(end);
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every (path, span, scalar) of a table, to compare two parses exactly.
    fn flatten(prefix: &str, t: &DeTable<'_>, out: &mut Vec<String>) {
        for (k, v) in t {
            let path = format!("{prefix}.{}", k.get_ref());
            out.push(format!("{path} key {:?}", k.span()));
            flatten_value(&path, v, out);
        }
    }

    fn flatten_value(path: &str, v: &Spanned<DeValue<'_>>, out: &mut Vec<String>) {
        match v.get_ref() {
            DeValue::Table(t) => {
                out.push(format!("{path} table {:?}", v.span()));
                flatten(path, t, out);
            }
            DeValue::Array(a) => {
                out.push(format!("{path} array {:?} len {}", v.span(), a.len()));
                for (i, x) in a.iter().enumerate() {
                    flatten_value(&format!("{path}[{i}]"), x, out);
                }
            }
            other => out.push(format!("{path} = {other:?} at {:?}", v.span())),
        }
    }

    fn same_as_whole(text: &str, piece: usize) {
        let (whole, errors) = DeTable::parse_recoverable(text);
        assert!(errors.is_empty(), "{errors:?}");
        let chunked = read(text, piece).expect("read in pieces");
        let (mut a, mut b) = (Vec::new(), Vec::new());
        flatten("", whole.get_ref(), &mut a);
        flatten("", &chunked, &mut b);
        assert_eq!(a, b);
    }

    fn draft(clauses: usize, text: impl Fn(usize) -> String) -> String {
        let mut s = String::from(
            "[plan]\nid = \"x\"\ntitle = \"X\"\n\n[sources.a]\nurl = \"https://example.org\"\n\n",
        );
        for i in 0..clauses {
            s.push_str(&format!(
                "[[clause]]\nid = \"c{i}\"\ntext = {}\ntopics = [\"t\"]\n\n[[clause.refs]]\nto = \"c0\"\n\n",
                text(i)
            ));
        }
        s.push_str("[documents.d]\ntitle = \"D\"\n");
        s
    }

    #[test]
    fn pieces_join_into_the_whole_parse_with_the_same_spans() {
        let text = draft(200, |i| format!("\"clause {i} text\""));
        for piece in [1, 100, 1000, 10_000, usize::MAX] {
            same_as_whole(&text, piece);
        }
        assert!(piece_starts(&text, 1000).len() > 5);
    }

    #[test]
    fn a_header_inside_a_string_is_not_cut_at() {
        let tricky = [
            "\"\"\"\nline\n[[clause]]\nmore \\\"\"\" still inside\n\"\"\"".to_string(),
            "'''\n[[clause]]\n'''".to_string(),
            "\"\"\"a \\\\\"\"\"".to_string(),
            "\"one line with ''' and \\\" and # in it\"".to_string(),
            "'''\nends with four quotes''''".to_string(),
            "\"\"\"\n[[clause]]\nends with five\"\"\"\"\"".to_string(),
        ];
        let text = draft(60, |i| tricky[i % tricky.len()].clone());
        for piece in [1, 50, 500] {
            let starts = piece_starts(&text, piece);
            for &s in &starts[1..] {
                // Every cut is at a real header: the text before it parses on its own.
                assert!(
                    DeTable::parse_recoverable(&text[..s]).1.is_empty(),
                    "cut at {s}"
                );
            }
            same_as_whole(&text, piece);
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::proptest_seed::config(256))]

        /// Any clause texts, written as the `toml` crate writes strings (which picks
        /// multi-line and literal forms for text with newlines and quotes): the pieces join
        /// into exactly the whole parse.
        #[test]
        fn any_strings_cut_where_a_whole_parse_agrees(
            texts in proptest::collection::vec(
                r#"([a-z "'\\#\n\[\]]|\[\[clause\]\]|"""|'''){0,40}"#,
                1..30,
            ),
            piece in 1usize..400,
        ) {
            let text = draft(texts.len(), |i| toml::Value::String(texts[i].clone()).to_string());
            same_as_whole(&text, piece);
        }
    }

    #[test]
    fn a_clause_key_of_another_kind_is_never_split_from_the_clause_headers() {
        let filler = "# filler\n".repeat(200);
        for first in ["clause = [{ id = \"a\" }]\n", "[clause]\nid = \"a\"\n"] {
            let text = format!(
                "{first}[plan]\nid = \"x\"\n{filler}\n[[clause]]\nid = \"b\"\n\n[[clause]]\nid = \"c\"\n"
            );
            // A whole parse rejects it; so do the pieces, however small.
            assert!(!DeTable::parse_recoverable(&text).1.is_empty());
            for piece in [1, 10, 100] {
                assert!(
                    read(&text, piece).is_none(),
                    "{first:?} in pieces of {piece}"
                );
            }
        }
    }

    #[test]
    fn a_piece_with_a_problem_or_a_repeated_key_falls_back_to_the_whole_parse() {
        let mut text = draft(50, |i| format!("\"t{i}\""));
        text.push_str("[[clause]]\nid = \n");
        assert!(read(&text, 10).is_none());
        let twice = draft(50, |i| format!("\"t{i}\""))
            + "[[clause]]\nid = \"z\"\n[documents.e]\ntitle = \"E\"\n";
        // `documents` is in two pieces: left to the whole parse.
        assert!(read(&twice, 10).is_none());
    }
}
