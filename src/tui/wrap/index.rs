//! Where each wrapped line of a long text starts, found only as far as the screen has needed.
//!
//! The Browse detail pane shows a clause in full and scrolls through it. Wrapping a 50 MB
//! clause whole for every key took seconds; with this index the pane wraps the lines on
//! screen only, each from its own start, and finds starts further down only when it is
//! scrolled there (all of them only for `G`, once per clause and width).

use super::{Builder, Line, Span, Style, plain};

/// The wrapped lines of one text at one width, as byte offsets where each begins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    width: usize,
    /// (byte offset, whether the line began at a wrap rather than a paragraph start); the
    /// first line starts at 0.
    starts: Vec<(usize, bool)>,
    /// Whether every line is known.
    complete: bool,
}

impl LineIndex {
    /// Nothing known yet beyond the first line's start.
    pub fn new(width: usize) -> LineIndex {
        LineIndex {
            width: width.max(1),
            starts: vec![(0, false)],
            complete: false,
        }
    }

    pub fn width(&self) -> usize {
        self.width
    }

    /// How many lines are known to exist (all of them once [`LineIndex::is_complete`]). The
    /// last start found is not counted until the text is known to go on past it: after a
    /// final newline, nothing follows.
    pub fn known(&self) -> usize {
        if self.complete {
            self.starts.len()
        } else {
            self.starts.len() - 1
        }
    }

    pub fn is_complete(&self) -> bool {
        self.complete
    }

    /// Finds line starts until `lines` lines are known or the text ends (`usize::MAX`: all).
    pub fn extend(&mut self, text: &str, lines: usize) {
        self.extend_with(text, lines, true);
    }

    /// [`LineIndex::extend`], measuring plain ASCII byte by byte ([`super::plain`]) where
    /// `fast`, else always with the general layout (which tests compare it with).
    fn extend_with(&mut self, text: &str, lines: usize, fast: bool) {
        while !self.complete && self.known() < lines {
            let (from, wrapped) = self.starts[self.starts.len() - 1];
            // Up to 4,096 lines a round, so that the starts found are kept as they come.
            let want = (lines - self.known()).min(4096);
            let rest = &text[from..];
            if fast {
                let m = plain::measure(rest.as_bytes(), self.width, wrapped, want);
                let found = !m.starts.is_empty();
                self.starts
                    .extend(m.starts.into_iter().map(|(at, w)| (from + at, w)));
                match m.end {
                    plain::End::Text { filled } => {
                        self.end(filled);
                        continue;
                    }
                    plain::End::Limit => continue,
                    // Lines up to the last start are known; the general layout goes on from
                    // there, at once when the very first line holds the byte.
                    plain::End::Other if found => continue,
                    plain::End::Other => {}
                }
            }
            let mut b = Builder::new(self.width, false, wrapped);
            let ended = b.run(&[Span::raw(rest)], want);
            self.starts
                .extend(b.starts.into_iter().map(|(at, w)| (from + at, w)));
            if ended {
                self.end(b.filled);
            }
        }
    }

    /// The text ended; `filled`: something is on its last line. A last line with nothing on
    /// it (after a final newline) is no line, unless it is the only one.
    fn end(&mut self, filled: bool) {
        if !filled && self.starts.len() > 1 {
            self.starts.pop();
        }
        self.complete = true;
    }

    /// Lines `from..to` of `text` (only those known), each wrapped from its own start.
    pub fn lines(&self, text: &str, from: usize, to: usize, style: Style) -> Vec<Line<'static>> {
        (from..to.min(self.known()))
            .map(|i| {
                let (start, wrapped) = self.starts[i];
                // From the start to the text's end, stopping at the end of the first line:
                // what follows a line decides whether its last spaces are kept.
                let mut b = Builder::new(self.width, true, wrapped);
                if b.run(&[Span::styled(&text[start..], style)], 1) {
                    b.finish(text.len() - start);
                }
                b.lines.into_iter().next().unwrap_or_default()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::wrap::{wrap_at_most, wrap_plain};
    use proptest::prelude::*;

    fn text_of(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn a_long_text_is_indexed_only_as_far_as_asked() {
        let text = "word ".repeat(100_000);
        let mut index = LineIndex::new(20);
        index.extend(&text, 10);
        assert_eq!(index.known(), 10);
        assert!(!index.is_complete());
        assert_eq!(
            text_of(&index.lines(&text, 8, 10, Style::new())),
            ["word word word word", "word word word word"]
        );
        index.extend(&text, usize::MAX);
        assert!(index.is_complete());
        assert_eq!(index.known(), 25_000);
    }

    proptest! {
        #![proptest_config(crate::proptest_seed::config(512))]

        /// Every line, wrapped from its own start, is the line wrapping the whole text gives,
        /// however far the index was extended at a time.
        #[test]
        fn lines_from_the_index_are_the_lines_of_the_whole_wrap(
            s in "[a-zА-я中 \n]{0,120}|[ab ]{0,60}[a-z]{10,30}[ \n]{0,3}|[a-z!~ \n]{0,150}|[a-z \n]{0,60}[é\t][a-z \n]{0,60}",
            w in 1usize..16,
            step in 1usize..5,
        ) {
            let whole = text_of(&wrap_plain(&s, Style::new(), w));
            let mut index = LineIndex::new(w);
            let mut asked = 1;
            while !index.is_complete() {
                asked += step;
                index.extend(&s, asked);
                prop_assert!(index.known() <= whole.len());
            }
            prop_assert_eq!(index.known(), whole.len());
            let got = text_of(&index.lines(&s, 0, index.known(), Style::new()));
            prop_assert_eq!(&got, &whole);
            // The byte-level pass for plain ASCII finds the same starts as the general one.
            let mut general = LineIndex::new(w);
            general.extend_with(&s, usize::MAX, false);
            let mut fast = LineIndex::new(w);
            fast.extend(&s, usize::MAX);
            prop_assert_eq!(&fast, &general);
            // And the first lines alone are the first lines of the whole.
            let first = wrap_at_most(&[Span::raw(s.as_str())], w, step);
            prop_assert_eq!(text_of(&first), &whole[..step.min(whole.len())]);
        }
    }
}
