//! Word wrapping of styled text by display width, so highlighted words keep their style across
//! line breaks and Cyrillic or CJK text lays out by the cells it really takes.
//!
//! Written here rather than left to `Paragraph::wrap` because views need the line count before
//! drawing (to scroll and to keep the selection visible) and ratatui does not expose it stably.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;
use unicode_width::UnicodeWidthStr;

/// Display width of a string in terminal cells.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// The display width of `s`, or some width above `max` when it is wider: counting stops there.
/// Exact (as [`width`], which reads emoji sequences as a whole) for any word a line could hold;
/// only a word of thousands of bytes is counted character by character, as far as `max`.
fn width_past(s: &str, max: usize) -> usize {
    if s.len() <= 16 * max + 64 {
        return width(s);
    }
    let mut w = 0;
    for c in s.chars() {
        w += c.width().unwrap_or(0);
        if w > max {
            break;
        }
    }
    w
}

/// Cuts `s` to at most `max` cells, ending in `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// Pads or cuts `s` to exactly `cells` cells.
pub fn fit(s: &str, cells: usize) -> String {
    let t = truncate(s, cells);
    let pad = cells.saturating_sub(width(&t));
    format!("{t}{}", " ".repeat(pad))
}

mod index;
mod plain;
pub use index::LineIndex;

enum Token<'a> {
    Word(&'a str),
    Space,
    Newline,
}

/// Splits into words, single spaces and newlines, each with its byte offset in `text`; every
/// wide (CJK) character is a word of its own, since such text has no spaces and may break
/// between any two characters. Lazy, so that wrapping the first lines of a long text reads
/// only those.
fn tokens(text: &str) -> impl Iterator<Item = (usize, Token<'_>)> {
    let mut chars = text.char_indices();
    let mut word_start: Option<usize> = None;
    let mut queued: Option<(usize, Token<'_>)> = None;
    std::iter::from_fn(move || {
        if let Some(t) = queued.take() {
            return Some(t);
        }
        loop {
            let Some((i, c)) = chars.next() else {
                return word_start.take().map(|s| (s, Token::Word(&text[s..])));
            };
            // No ASCII character is wide: the lookup is skipped for them.
            let wide = !c.is_ascii() && c.width().unwrap_or(0) > 1;
            if c == '\n' || c == ' ' || wide {
                let this = match c {
                    '\n' => Token::Newline,
                    ' ' => Token::Space,
                    _ => Token::Word(&text[i..i + c.len_utf8()]),
                };
                return match word_start.take() {
                    Some(s) => {
                        queued = Some((i, this));
                        Some((s, Token::Word(&text[s..i])))
                    }
                    None => Some((i, this)),
                };
            }
            if word_start.is_none() {
                word_start = Some(i);
            }
        }
    })
}

/// Lays words out into lines. With `emit` off it only measures: no text is copied, and the
/// byte offset where each new line starts is recorded instead ([`LineIndex`]).
struct Builder {
    width: usize,
    emit: bool,
    lines: Vec<Line<'static>>,
    spans: Vec<Span<'static>>,
    used: usize,
    /// Whether anything (a word or a kept space) is on the current line.
    filled: bool,
    /// Spaces waiting to be written before the next word on this line.
    pending: Vec<Style>,
    /// Whether the current line began at a wrap (its leading spaces are dropped) rather than
    /// at the start of a paragraph (they are kept, as indentation).
    wrapped: bool,
    /// Lines finished so far.
    done: usize,
    /// Where each line after the first starts: (byte offset, began at a wrap).
    starts: Vec<(usize, bool)>,
}

impl Builder {
    fn new(width: usize, emit: bool, wrapped: bool) -> Builder {
        Builder {
            width: width.max(1),
            emit,
            lines: Vec::new(),
            spans: Vec::new(),
            used: 0,
            filled: false,
            pending: Vec::new(),
            wrapped,
            done: 0,
            starts: Vec::new(),
        }
    }

    /// Puts `text`, `cells` wide, on the line.
    fn push_text(&mut self, text: &str, style: Style, cells: usize) {
        if self.emit {
            match self.spans.last_mut() {
                Some(last) if last.style == style => last.content.to_mut().push_str(text),
                _ => self.spans.push(Span::styled(text.to_string(), style)),
            }
        }
        self.filled = true;
        self.used += cells;
    }

    /// Ends the line; the next one starts at byte `at`.
    fn break_line(&mut self, wrapped: bool, at: usize) {
        if self.emit {
            self.lines.push(Line::from(std::mem::take(&mut self.spans)));
        }
        self.done += 1;
        self.starts.push((at, wrapped));
        self.used = 0;
        self.filled = false;
        self.pending.clear();
        self.wrapped = wrapped;
    }

    fn word(&mut self, at: usize, word: &str, style: Style, limit: usize) {
        // Measured only as far as a line can tell: a word with no space in 50 MB costs what
        // the lines asked of it cost.
        let w = width_past(word, self.width);
        let space = self.pending.len();
        if self.used > 0 && self.used + space + w > self.width {
            self.break_line(true, at);
        }
        let keep = self.used > 0 || !self.wrapped;
        for s in std::mem::take(&mut self.pending) {
            if keep && self.used < self.width {
                self.push_text(" ", s, 1);
            }
        }
        if w <= self.width.saturating_sub(self.used) {
            self.push_text(word, style, w);
            return;
        }
        // Longer than a whole line: cut it by characters.
        for (i, c) in word.char_indices() {
            let cw = c.width().unwrap_or(0);
            if self.used + cw > self.width && self.used > 0 {
                self.break_line(true, at + i);
                if self.done >= limit {
                    return;
                }
            }
            let mut buf = [0u8; 4];
            let piece = c.encode_utf8(&mut buf);
            self.push_text(piece, style, width(piece));
        }
    }

    /// Lays out `spans` until `limit` lines are finished (the last may be cut short by the
    /// limit, never by anything else); returns whether the text ended first.
    fn run(&mut self, spans: &[Span<'_>], limit: usize) -> bool {
        let mut base = 0;
        for span in spans {
            for (i, t) in tokens(&span.content) {
                match t {
                    Token::Word(w) => self.word(base + i, w, span.style, limit),
                    Token::Space => self.pending.push(span.style),
                    Token::Newline => self.break_line(false, base + i + 1),
                }
                if self.done >= limit {
                    return false;
                }
            }
            base += span.content.len();
        }
        true
    }

    /// The text ended: the line in progress is a line if anything is on it, or if it is the
    /// only one.
    fn finish(&mut self, end: usize) {
        if self.filled || self.done == 0 {
            self.break_line(false, end);
            self.starts.pop();
        }
    }
}

/// Wraps styled spans to `width` cells. Spaces are kept inside a line and at the start of a
/// paragraph, and dropped at a wrap; the result always has at least one line.
pub fn wrap(spans: &[Span<'_>], width: usize) -> Vec<Line<'static>> {
    wrap_at_most(spans, width, usize::MAX)
}

/// [`wrap`]'s first `limit` lines (at least one), reading no more of the text than they take:
/// a view showing the top of a 50 MB clause wraps a screenful, not the clause.
pub fn wrap_at_most(spans: &[Span<'_>], width: usize, limit: usize) -> Vec<Line<'static>> {
    let mut b = Builder::new(width, true, false);
    if b.run(spans, limit.max(1)) {
        let end = spans.iter().map(|s| s.content.len()).sum();
        b.finish(end);
    }
    b.lines.truncate(limit.max(1));
    b.lines
}

/// Wraps plain text in one style.
pub fn wrap_plain(text: &str, style: Style, width: usize) -> Vec<Line<'static>> {
    wrap(&[Span::styled(text, style)], width)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn text_of(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn breaks_at_spaces_and_keeps_styles_across_breaks() {
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let spans = [
            Span::raw("Army capped at "),
            Span::styled("800,000 personnel", bold),
        ];
        let lines = wrap(&spans, 16);
        assert_eq!(text_of(&lines), ["Army capped at", "800,000", "personnel"]);
        assert_eq!(lines[2].spans[0].style, bold);
    }

    #[test]
    fn keeps_padding_and_indentation_but_not_spaces_at_a_wrap() {
        let lines = wrap_plain("    topics  a b", Style::new(), 40);
        assert_eq!(text_of(&lines), ["    topics  a b"]);
        let lines = wrap_plain("aaaa    bbbb", Style::new(), 6);
        assert_eq!(text_of(&lines), ["aaaa", "bbbb"]);
    }

    #[test]
    fn wide_text_wraps_by_cells() {
        let lines = wrap_plain("中文文本测试", Style::new(), 5);
        assert_eq!(text_of(&lines), ["中文", "文本", "测试"]);
        let lines = wrap_plain("Україна не визнає", Style::new(), 8);
        assert_eq!(text_of(&lines), ["Україна", "не", "визнає"]);
    }

    #[test]
    fn truncation_respects_cell_width() {
        assert_eq!(truncate("中文文本", 5), "中文…");
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(width(&fit("Крим і Донбас", 6)), 6);
    }

    proptest! {
        #![proptest_config(crate::proptest_seed::config(256))]

        #[test]
        fn no_line_is_wider_than_the_width(s in "[a-zА-я中 \n]{0,80}", w in 1usize..30) {
            for l in wrap_plain(&s, Style::new(), w) {
                prop_assert!(l.width() <= w.max(2), "{:?} wider than {}", l.to_string(), w);
            }
        }

        #[test]
        fn no_word_is_lost(s in "[a-z ]{0,80}", w in 1usize..30) {
            let joined: String = wrap_plain(&s, Style::new(), w)
                .iter()
                .map(|l| l.to_string())
                .collect::<Vec<_>>()
                .join("");
            let squeeze = |x: &str| x.chars().filter(|c| *c != ' ').collect::<String>();
            prop_assert_eq!(squeeze(&joined), squeeze(&s));
        }
    }
}
