//! Measuring plain ASCII text byte by byte, for [`super::LineIndex`].
//!
//! `G` in a 50 MB clause has to find where every wrapped line starts. The general layout
//! ([`super::Builder`]) decodes each character and looks up each word's display width, about
//! 150 MB/s. Text made only of printable ASCII, spaces and newlines needs neither: every
//! character is one cell. This pass lays such text out exactly as the general one does (the
//! same rules for spaces at a wrap, indentation and words longer than a line; a property test
//! holds them equal) and stops at the first byte outside that set, handing back the lines it
//! finished so that the general layout can go on from the last of them.

/// What a measuring run found.
pub struct Measured {
    /// Where each line after the first starts, relative to the text given: (byte offset,
    /// began at a wrap).
    pub starts: Vec<(usize, bool)>,
    pub end: End,
}

pub enum End {
    /// The text ended; `filled`: something is on the last line.
    Text { filled: bool },
    /// `limit` lines were finished first.
    Limit,
    /// A byte outside printable ASCII, space and newline: the general layout must take over
    /// from the last start found (the first line, when none was).
    Other,
}

/// Lays out `text` in lines of `width` cells from the start of a line (`wrapped`: a line
/// begun at a wrap, whose leading spaces are dropped) until `limit` lines are finished.
pub fn measure(text: &[u8], width: usize, wrapped: bool, limit: usize) -> Measured {
    let width = width.max(1);
    let mut m = Layout {
        width,
        used: 0,
        filled: false,
        pending: 0,
        wrapped,
        starts: Vec::new(),
        limit,
    };
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b' ' => {
                m.pending += 1;
                i += 1;
            }
            b'\n' => {
                m.break_line(false, i + 1);
                i += 1;
            }
            0x21..=0x7e => {
                let start = i;
                while i < text.len() && matches!(text[i], 0x21..=0x7e) {
                    i += 1;
                }
                m.word(start, i - start);
            }
            _ => return m.stop(End::Other),
        }
        if m.starts.len() >= limit {
            return m.stop(End::Limit);
        }
    }
    let filled = m.filled;
    m.stop(End::Text { filled })
}

struct Layout {
    width: usize,
    used: usize,
    filled: bool,
    /// Spaces waiting to be written before the next word.
    pending: usize,
    wrapped: bool,
    starts: Vec<(usize, bool)>,
    limit: usize,
}

impl Layout {
    fn stop(self, end: End) -> Measured {
        Measured {
            starts: self.starts,
            end,
        }
    }

    fn break_line(&mut self, wrapped: bool, at: usize) {
        self.starts.push((at, wrapped));
        self.used = 0;
        self.filled = false;
        self.pending = 0;
        self.wrapped = wrapped;
    }

    /// A word of `len` one-cell characters starting at byte `at`, laid out as
    /// `Builder::word` lays it out.
    fn word(&mut self, at: usize, len: usize) {
        if self.used > 0 && self.used + self.pending + len > self.width {
            self.break_line(true, at);
        }
        if self.used > 0 || !self.wrapped {
            let room = self.width - self.used;
            let kept = self.pending.min(room);
            self.used += kept;
            self.filled |= kept > 0;
        }
        self.pending = 0;
        if len <= self.width - self.used {
            self.used += len;
            self.filled = true;
            return;
        }
        // Longer than what is left of a line: cut it by characters.
        for k in 0..len {
            if self.used + 1 > self.width && self.used > 0 {
                self.break_line(true, at + k);
                if self.starts.len() >= self.limit {
                    return;
                }
            }
            self.used += 1;
            self.filled = true;
        }
    }
}
