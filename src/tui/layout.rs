//! Where each region of the screen goes, as pure functions of the terminal size.
//!
//! Both `render` and `update` use these: render to draw, update to keep the selection visible
//! and to turn a mouse click into a row. Computing them in one place means a click always lands
//! on the row that was drawn there.

use super::action::View;
use ratatui::layout::{Constraint, Layout, Rect};

/// Below this the app shows a "terminal too small" note instead of a broken layout.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;
/// Below this body width, Compare stacks the two drafts (left above right).
pub const SIDE_BY_SIDE_MIN: u16 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub tabs: Rect,
    pub body: Rect,
    pub message: Rect,
    pub footer: Rect,
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

pub fn screen(area: Rect) -> Screen {
    let [tabs, body, message, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Screen {
        tabs,
        body,
        message,
        footer,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BrowseAreas {
    pub list: Rect,
    pub detail: Rect,
    pub counterparts: Rect,
}

pub fn browse(body: Rect, counterparts: usize) -> BrowseAreas {
    let list_w = (body.width * 2 / 5).clamp(26, 48);
    let [list, right] =
        Layout::horizontal([Constraint::Length(list_w), Constraint::Min(10)]).areas(body);
    let cp_h = (counterparts.max(1) as u16 + 2).min((right.height / 3).max(3));
    let [detail, counterparts] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(cp_h)]).areas(right);
    BrowseAreas {
        list,
        detail,
        counterparts,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompareAreas {
    pub header: Rect,
    pub rows: Rect,
    pub stacked: bool,
}

/// How Compare places the two drafts (`compare-layout` in the config file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CompareLayout {
    /// Side by side when the window is wide enough, else stacked.
    #[default]
    Auto,
    SideBySide,
    /// Left draft above right, whatever the width.
    Stacked,
}

impl CompareLayout {
    pub const NAMES: [(&'static str, CompareLayout); 3] = [
        ("auto", CompareLayout::Auto),
        ("side-by-side", CompareLayout::SideBySide),
        ("stacked", CompareLayout::Stacked),
    ];
}

pub fn compare(body: Rect, choice: CompareLayout) -> CompareAreas {
    let [header, rows] = Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(body);
    let stacked = match choice {
        CompareLayout::Auto => body.width < SIDE_BY_SIDE_MIN,
        CompareLayout::SideBySide => false,
        CompareLayout::Stacked => true,
    };
    CompareAreas {
        header,
        rows,
        stacked,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RedLineAreas {
    pub matrix: Rect,
    pub scoreboard: Rect,
    pub cell: Rect,
}

pub fn redlines(body: Rect, drafts: usize) -> RedLineAreas {
    let cell_h = (body.height / 3).clamp(5, 10);
    let [top, cell] =
        Layout::vertical([Constraint::Min(5), Constraint::Length(cell_h)]).areas(body);
    let board_w = (body.width * 2 / 5).clamp(32, 70);
    let [matrix, board_col] =
        Layout::horizontal([Constraint::Min(30), Constraint::Length(board_w)]).areas(top);
    let board_h = (drafts as u16 + 4).min(board_col.height);
    let [scoreboard, _] =
        Layout::vertical([Constraint::Length(board_h), Constraint::Min(0)]).areas(board_col);
    RedLineAreas {
        matrix,
        scoreboard,
        cell,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TopicAreas {
    pub grid: Rect,
    pub clauses: Rect,
    pub history: Rect,
}

pub fn topics(body: Rect, drafts: usize) -> TopicAreas {
    let grid_w = u16::try_from(26 + 7 * drafts + 2).unwrap_or(u16::MAX);
    if body.width >= grid_w.saturating_add(40) {
        // Wide: grid and clauses side by side, history below.
        let history_h = (body.height * 2 / 5).clamp(6, 16);
        let [top, history] =
            Layout::vertical([Constraint::Min(5), Constraint::Length(history_h)]).areas(body);
        let [grid, clauses] =
            Layout::horizontal([Constraint::Length(grid_w), Constraint::Min(20)]).areas(top);
        return TopicAreas {
            grid,
            clauses,
            history,
        };
    }
    // Narrow: the grid takes the whole width; clauses and history share the bottom.
    let bottom_h = (body.height * 2 / 5).clamp(6, 14);
    let [grid, bottom] =
        Layout::vertical([Constraint::Min(5), Constraint::Length(bottom_h)]).areas(body);
    let [clauses, history] =
        Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(bottom);
    TopicAreas {
        grid,
        clauses,
        history,
    }
}

/// The rows inside a bordered block.
pub fn inner(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(1),
        y: area.y.saturating_add(1),
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    }
}

pub fn contains(area: Rect, column: u16, row: u16) -> bool {
    column >= area.x
        && column < area.x.saturating_add(area.width)
        && row >= area.y
        && row < area.y.saturating_add(area.height)
}

/// The tab labels across the top, in order, as drawn.
pub fn tab_labels() -> Vec<(View, String)> {
    View::ALL
        .iter()
        .map(|v| (*v, format!(" {} {} ", v.number(), v.title())))
        .collect()
}

/// The text before the tabs.
pub const BRAND: &str = " peacediff ";

/// The view whose tab is at `column`.
pub fn tab_at(column: u16) -> Option<View> {
    let mut x = crate::tui::wrap::width(BRAND) as u16;
    for (v, label) in tab_labels() {
        let w = crate::tui::wrap::width(&label) as u16;
        if column >= x && column < x + w {
            return Some(v);
        }
        x += w + 1;
    }
    None
}
