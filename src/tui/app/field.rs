//! A prompt's line of text and its cursor. The editing itself (graphemes, words, the kill
//! buffer) is tui-input's; this wrapper keeps it comparable, so `Mode` stays a plain value
//! that tests compare whole.

use crate::tui::action::Edit;
use tui_input::{Input, InputRequest};

#[derive(Debug, Clone, Default)]
pub struct Field(Input);

impl Field {
    /// A line holding `text`, the cursor after its end.
    pub fn new(text: impl Into<String>) -> Field {
        Field(Input::new(text.into()))
    }

    pub fn text(&self) -> &str {
        self.0.value()
    }

    pub fn insert(&mut self, c: char) {
        self.0.handle(InputRequest::InsertChar(c));
    }

    pub fn edit(&mut self, edit: Edit) {
        let request = match edit {
            Edit::Left => InputRequest::GoToPrevChar,
            Edit::Right => InputRequest::GoToNextChar,
            Edit::WordLeft => InputRequest::GoToPrevWord,
            Edit::WordRight => InputRequest::GoToNextWord,
            Edit::Start => InputRequest::GoToStart,
            Edit::End => InputRequest::GoToEnd,
            Edit::DeleteBack => InputRequest::DeletePrevChar,
            Edit::DeleteForward => InputRequest::DeleteNextChar,
            Edit::DeleteWordBack => InputRequest::DeletePrevWord,
            Edit::DeleteWordForward => InputRequest::DeleteNextWord,
            Edit::DeleteToStart => InputRequest::DeleteFromStart,
            Edit::DeleteToEnd => InputRequest::DeleteTillEnd,
            Edit::Yank => InputRequest::Yank,
        };
        self.0.handle(request);
    }

    /// Characters before the cursor.
    pub fn cursor(&self) -> usize {
        self.0.cursor()
    }

    /// Terminal cells before the cursor.
    pub fn cursor_cells(&self) -> usize {
        self.0.visual_cursor()
    }

    /// Cells scrolled off the left when the line is shown in `width` cells, so the cursor
    /// stays on screen.
    pub fn scroll(&self, width: usize) -> usize {
        self.0.visual_scroll(width)
    }
}

impl PartialEq for Field {
    fn eq(&self, other: &Field) -> bool {
        self.text() == other.text() && self.cursor() == other.cursor()
    }
}

impl Eq for Field {}

impl From<&str> for Field {
    fn from(text: &str) -> Field {
        Field::new(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edited(text: &str, edits: &[Edit]) -> (String, usize) {
        let mut f = Field::new(text);
        for e in edits {
            f.edit(*e);
        }
        (f.text().to_string(), f.cursor())
    }

    #[test]
    fn the_cursor_moves_and_text_goes_in_where_it_is() {
        let mut f = Field::new("peace.md");
        f.edit(Edit::Start);
        f.insert('x');
        assert_eq!((f.text(), f.cursor()), ("xpeace.md", 1));
        f.edit(Edit::End);
        f.edit(Edit::Left);
        f.edit(Edit::Left);
        f.edit(Edit::DeleteBack);
        assert_eq!(f.text(), "xpeacemd");
    }

    #[test]
    fn words_and_line_ends_are_deleted_as_in_a_shell() {
        assert_eq!(
            edited("/tmp/out/us-28.md", &[Edit::DeleteWordBack]).0,
            "/tmp/out/us-28."
        );
        assert_eq!(
            edited("a b c", &[Edit::WordLeft, Edit::DeleteToStart]),
            ("c".into(), 0)
        );
        assert_eq!(
            edited("a b c", &[Edit::Start, Edit::DeleteToEnd]),
            (String::new(), 0)
        );
        assert_eq!(
            edited("ab", &[Edit::Start, Edit::DeleteForward]),
            ("b".into(), 0)
        );
        // What a deletion took comes back with Ctrl-y.
        assert_eq!(
            edited("one two", &[Edit::DeleteWordBack, Edit::Start, Edit::Yank]).0,
            "twoone "
        );
    }

    #[test]
    fn wide_characters_count_two_cells() {
        let f = Field::new("北约 x");
        assert_eq!(f.cursor(), 4);
        assert_eq!(f.cursor_cells(), 6);
    }
}
