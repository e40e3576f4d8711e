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

enum Token<'a> {
    Word(&'a str),
    Space,
    Newline,
}

/// Splits into words, single spaces and newlines; every wide (CJK) character is a word of its
/// own, since such text has no spaces and may break between any two characters.
fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let wide = c.width().unwrap_or(0) > 1;
        if c == '\n' || c == ' ' || wide {
            if let Some(s) = start.take() {
                out.push(Token::Word(&text[s..i]));
            }
            out.push(match c {
                '\n' => Token::Newline,
                ' ' => Token::Space,
                _ => Token::Word(&text[i..i + c.len_utf8()]),
            });
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(Token::Word(&text[s..]));
    }
    out
}

struct Builder {
    width: usize,
    lines: Vec<Line<'static>>,
    spans: Vec<Span<'static>>,
    used: usize,
    /// Spaces waiting to be written before the next word on this line.
    pending: Vec<Style>,
    /// Whether the current line began at a wrap (its leading spaces are dropped) rather than
    /// at the start of a paragraph (they are kept, as indentation).
    wrapped: bool,
}

impl Builder {
    fn push_text(&mut self, text: &str, style: Style) {
        match self.spans.last_mut() {
            Some(last) if last.style == style => last.content.to_mut().push_str(text),
            _ => self.spans.push(Span::styled(text.to_string(), style)),
        }
        self.used += width(text);
    }

    fn break_line(&mut self, wrapped: bool) {
        self.lines.push(Line::from(std::mem::take(&mut self.spans)));
        self.used = 0;
        self.pending.clear();
        self.wrapped = wrapped;
    }

    fn word(&mut self, word: &str, style: Style) {
        let w = width(word);
        let space = self.pending.len();
        if self.used > 0 && self.used + space + w > self.width {
            self.break_line(true);
        }
        let keep = self.used > 0 || !self.wrapped;
        for s in std::mem::take(&mut self.pending) {
            if keep && self.used < self.width {
                self.push_text(" ", s);
            }
        }
        if w <= self.width.saturating_sub(self.used) {
            self.push_text(word, style);
            return;
        }
        // Longer than a whole line: cut it by characters.
        for c in word.chars() {
            let cw = c.width().unwrap_or(0);
            if self.used + cw > self.width && self.used > 0 {
                self.break_line(true);
            }
            let mut buf = [0u8; 4];
            self.push_text(c.encode_utf8(&mut buf), style);
        }
    }
}

/// Wraps styled spans to `width` cells. Spaces are kept inside a line and at the start of a
/// paragraph, and dropped at a wrap; the result always has at least one line.
pub fn wrap(spans: &[Span<'_>], width: usize) -> Vec<Line<'static>> {
    let mut b = Builder {
        width: width.max(1),
        lines: Vec::new(),
        spans: Vec::new(),
        used: 0,
        pending: Vec::new(),
        wrapped: false,
    };
    for span in spans {
        for t in tokens(&span.content) {
            match t {
                Token::Word(w) => b.word(w, span.style),
                Token::Space => b.pending.push(span.style),
                Token::Newline => b.break_line(false),
            }
        }
    }
    if !b.spans.is_empty() || b.lines.is_empty() {
        b.break_line(false);
    }
    b.lines
}

/// Wraps plain text in one style.
pub fn wrap_plain(text: &str, style: Style, width: usize) -> Vec<Line<'static>> {
    wrap(&[Span::styled(text.to_string(), style)], width)
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
