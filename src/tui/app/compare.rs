//! Compare's state: the pair of drafts, the cached alignment, the rows on show (all, or only
//! changes), change jumps, and the plain text of a row for the clipboard.

use super::{App, Cursor};
use crate::tui::action::Action;
use crate::tui::layout;
use peacediff::align::Row;
use std::rc::Rc;

#[derive(Debug, Clone)]
pub struct CompareState {
    pub left: usize,
    pub right: usize,
    pub hide_unchanged: bool,
    /// Over `visible`, not over all rows.
    pub rows: Cursor,
    /// Indices into the alignment's rows that are on show.
    pub visible: Vec<usize>,
    /// Lines scrolled within a row taller than the screen: (visible row, lines). It applies
    /// only while that row is selected, so moving on resets it.
    pub row_scroll: (usize, usize),
}

impl CompareState {
    pub fn new(left: usize, right: usize) -> CompareState {
        CompareState {
            left,
            right,
            hide_unchanged: false,
            row_scroll: (0, 0),
            rows: Cursor::default(),
            visible: Vec::new(),
        }
    }
}

impl App {
    /// Aligns the compared pair if it is not cached yet (each pair is aligned once, when
    /// Compare first shows it), and lists its rows on show.
    pub(super) fn ensure_alignment(&mut self) {
        let key = (self.compare.left, self.compare.right);
        if !self.alignments.contains_key(&key) && self.aligning() {
            // Already being aligned on another thread: that result, when it arrives (the event
            // loop hands it over and redraws), not a second alignment now.
            return;
        }
        if !self.alignments.contains_key(&key)
            && let (Some(l), Some(r)) = (self.plan(key.0), self.plan(key.1))
        {
            let a = peacediff::align::align(&self.corpus, l, r);
            self.alignments.insert(key, Rc::new(a));
            self.refresh_compare();
        }
    }

    /// Recomputes the rows on show from the cached alignment of the pair (none until Compare
    /// has shown the pair).
    pub(super) fn refresh_compare(&mut self) {
        let visible: Vec<usize> = match self.alignment() {
            Some(a) => a
                .rows
                .iter()
                .enumerate()
                .filter(|(_, r)| !self.compare.hide_unchanged || r.is_change())
                .map(|(i, _)| i)
                .collect(),
            None => Vec::new(),
        };
        self.compare.visible = visible;
        let len = self.compare.visible.len();
        self.compare.rows.set(self.compare.rows.selected, len);
    }

    pub(crate) fn set_pair(&mut self, left: usize, right: usize) {
        if (left, right) == (self.compare.left, self.compare.right) {
            return;
        }
        self.compare.left = left;
        self.compare.right = right;
        self.compare.rows = Cursor::default();
        if self.view == crate::tui::action::View::Compare {
            self.search = None;
        }
        self.refresh_compare();
        self.ensure_view();
    }

    /// Puts a hand-made alignment in the cache for the current pair, for screen tests that
    /// must not depend on how the engine matches rows.
    #[cfg(test)]
    pub fn replace_alignment(&mut self, a: peacediff::align::Alignment) {
        let key = (self.compare.left, self.compare.right);
        self.alignments.insert(key, Rc::new(a));
        self.refresh_compare();
    }

    /// The selected row of the alignment.
    pub fn compare_row(&self) -> Option<&Row> {
        let i = *self.compare.visible.get(self.compare.rows.selected)?;
        self.alignment()?.rows.get(i)
    }

    pub(super) fn toggle_unchanged(&mut self) {
        let current = self
            .compare
            .visible
            .get(self.compare.rows.selected)
            .copied();
        self.compare.hide_unchanged = !self.compare.hide_unchanged;
        self.refresh_compare();
        // Stay on the same row, or the nearest one still shown after it.
        if let Some(cur) = current {
            let at = self.compare.visible.partition_point(|&i| i < cur);
            self.compare.rows.set(at, self.compare.visible.len());
        }
        self.search = None;
        let msg = if self.compare.hide_unchanged {
            "unchanged rows hidden (u: show)"
        } else {
            "all rows shown"
        };
        self.inform(msg);
    }

    pub(super) fn swap_sides(&mut self) {
        self.set_pair(self.compare.right, self.compare.left);
    }

    pub(super) fn next_change(&mut self, dir: isize) {
        let Some(a) = self.alignment() else {
            return;
        };
        let is_change = |k: usize| {
            self.compare
                .visible
                .get(k)
                .and_then(|&i| a.rows.get(i))
                // Rows whose fate was never reported are not changes anyone reported.
                .is_some_and(|r| r.is_change() && !r.unreported)
        };
        let cur = self.compare.rows.selected;
        let len = self.compare.visible.len();
        let found = if dir > 0 {
            (cur + 1..len).find(|&k| is_change(k))
        } else {
            (0..cur).rev().find(|&k| is_change(k))
        };
        match found {
            Some(k) => self.compare.rows.selected = k,
            None if dir > 0 => self.inform("no more changes below"),
            None => self.inform("no more changes above"),
        }
    }

    pub(super) fn navigate_compare(&mut self, action: Action) {
        let len = self.compare.visible.len();
        let step = match action {
            // A row can be tall, so a half page is counted in rows that fit, not in lines.
            Action::HalfPageDown => Some(self.half_page_rows(true)),
            Action::HalfPageUp => Some(-self.half_page_rows(false)),
            Action::Open => {
                self.open_compare_row();
                None
            }
            a => self.vertical(&a, len),
        };
        if let Some(s) = step {
            self.compare.rows.step(s, len);
        }
    }

    /// Enter on a row opens its right clause (or the left one, for a dropped row) in Browse.
    fn open_compare_row(&mut self) {
        let Some(row) = self.compare_row() else {
            return;
        };
        let target = match (row.right.first(), row.left.first()) {
            (Some(&r), _) => Some((self.compare.right, r)),
            (None, Some(&l)) => Some((self.compare.left, l)),
            _ => None,
        };
        if let Some((p, c)) = target {
            self.open_clause(p, c);
        }
    }

    fn rows_area(&self) -> ratatui::layout::Rect {
        layout::compare(self.body(), self.compare_layout).rows
    }

    /// The height in lines of a visible row as drawn, or `cap` when it is taller: every
    /// decision below only asks whether rows fit the screen, so a row holding a 50 MB clause
    /// is measured a screenful deep, not wrapped whole for each key.
    fn row_height(&self, k: usize, cap: usize) -> usize {
        let area = layout::compare(self.body(), self.compare_layout);
        crate::tui::ui::compare::row_height(self, k, area.rows.width, area.stacked, cap)
    }

    /// Scrolls so the whole selected row is visible (or its top, if it is taller than the
    /// screen). Heights are measured only for rows between the offset and the selection.
    pub(super) fn fit_compare(&mut self) {
        let h = usize::from(self.rows_area().height).max(1);
        let sel = self.compare.rows.selected;
        if sel < self.compare.rows.offset {
            self.compare.rows.offset = sel;
            return;
        }
        if sel - self.compare.rows.offset > h {
            // Far below: no row is less than one line, so start close to the selection.
            self.compare.rows.offset = sel - h;
        }
        // Heights capped just above the screen decide exactly as whole heights would: a
        // sum is over `h` with a row over `h` either way, and equal when none is.
        let cap = h + 1;
        let mut used: usize = (self.compare.rows.offset..=sel)
            .map(|k| self.row_height(k, cap))
            .sum();
        while used > h && self.compare.rows.offset < sel {
            used -= self.row_height(self.compare.rows.offset, cap);
            self.compare.rows.offset += 1;
        }
        if self.row_scroll() > 0 {
            return;
        }
        // Room left below the last row (a grown window): bring earlier rows back into view.
        let len = self.compare.visible.len();
        let mut below: usize = used;
        for k in sel + 1..len {
            below += self.row_height(k, cap);
            if below > h {
                return;
            }
        }
        while self.compare.rows.offset > 0 {
            let above = self.row_height(self.compare.rows.offset - 1, cap);
            if below + above > h {
                break;
            }
            below += above;
            self.compare.rows.offset -= 1;
        }
    }

    /// How many rows a half page (`down`, or up) moves in Compare: rows are counted until half
    /// the screen's lines are passed, so a page moves by what is on screen, not by a fixed
    /// number of rows (one or two when rows are tall).
    fn half_page_rows(&self, down: bool) -> isize {
        let half = (usize::from(self.rows_area().height) / 2).max(1);
        let sel = self.compare.rows.selected;
        let len = self.compare.visible.len();
        let (mut lines, mut n) = (0, 0);
        loop {
            let next = if down {
                sel + n + 1
            } else {
                match sel.checked_sub(n + 1) {
                    Some(k) => k,
                    None => break,
                }
            };
            if next >= len {
                break;
            }
            lines += self.row_height(next, half);
            n += 1;
            if lines >= half {
                break;
            }
        }
        n.max(1) as isize
    }

    /// Lines scrolled within the selected row (0 when another row was scrolled).
    pub fn row_scroll(&self) -> usize {
        let (k, n) = self.compare.row_scroll;
        if k == self.compare.rows.selected {
            n
        } else {
            0
        }
    }

    /// `J`/`K`: scrolls within the selected row, at most until its last line is at the bottom.
    pub(super) fn scroll_row(&mut self, down: bool) {
        let sel = self.compare.rows.selected;
        let room = usize::from(self.rows_area().height).max(1);
        let now = self.row_scroll();
        // Measured one line past the next place: enough to know whether it exists.
        let most = self.row_height(sel, now + room + 2).saturating_sub(room);
        let next = if down {
            (now + 1).min(most)
        } else {
            now.saturating_sub(1)
        };
        self.compare.row_scroll = (sel, next);
        if next > 0 {
            // A scrolled row is read from the top of the screen.
            self.compare.rows.offset = sel;
        }
    }

    pub(super) fn click_compare(&mut self, row: u16) {
        let area = self.rows_area();
        if row < area.y {
            return;
        }
        let mut y = usize::from(row - area.y);
        for k in self.compare.rows.offset..self.compare.visible.len() {
            let hgt = self.row_height(k, y + 1);
            if y < hgt {
                self.compare.rows.selected = k;
                return;
            }
            y -= hgt;
        }
    }

    /// The selected row as plain text: each side's clauses with their draft and label.
    pub(super) fn compare_row_text(&self) -> Option<String> {
        let row = self.compare_row()?;
        let (l, r) = (
            self.plan(self.compare.left)?,
            self.plan(self.compare.right)?,
        );
        let side = |p: &peacediff::model::Plan, idx: &[usize]| -> String {
            if idx.is_empty() {
                return format!("{}: (not in this draft)", p.short);
            }
            idx.iter()
                .filter_map(|&i| p.clauses.get(i))
                .map(|c| format!("{} {}. {}\n{}", p.short, c.label, c.title, c.text))
                .collect::<Vec<_>>()
                .join("\n\n")
        };
        Some(format!(
            "[{}]\n{}\n\n{}",
            row.words_in(&self.corpus),
            side(l, &row.left),
            side(r, &row.right)
        ))
    }
}

impl App {
    /// The Markdown export of the compared pair; with unchanged rows hidden, so are they in
    /// the export (the summary still counts them).
    pub(super) fn export_document(&self) -> Result<String, String> {
        let (Some(l), Some(r)) = (self.plan(self.compare.left), self.plan(self.compare.right))
        else {
            return Err("no pair of drafts to compare".to_string());
        };
        let options = peacediff::export::ExportOptions {
            changes_only: self.compare.hide_unchanged,
            ..Default::default()
        };
        Ok(peacediff::export::export_markdown(
            &self.corpus,
            l,
            r,
            &options,
        ))
    }
}
