//! Prompts and pickers: `/` search, the `e` export path and its overwrite confirmation, and
//! the draft picker. Keys typed here are text, not commands.

use super::{App, Cursor, Field, Mode, PickFor, Search};
use crate::tui::action::{Action, View};
use std::path::PathBuf;

impl App {
    /// The active search's hits, when the search belongs to the view on screen; a search
    /// started in another view highlights nothing here.
    pub fn hits_in_view(&self) -> &[usize] {
        self.search
            .as_ref()
            .filter(|s| s.view == self.view)
            .map_or(&[], |s| s.hits.as_slice())
    }

    /// Indices into the view's main list whose text holds `query` (case-insensitive).
    pub(super) fn search_hits(&self, query: &str) -> Vec<usize> {
        let q = query.to_lowercase();
        if q.is_empty() {
            return Vec::new();
        }
        let clause_hits = |plan: usize| -> Vec<usize> {
            self.plan(plan).map_or_else(Vec::new, |p| {
                p.clauses
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| clause_matches(c, &q))
                    .map(|(i, _)| i)
                    .collect()
            })
        };
        match self.view {
            View::Browse => clause_hits(self.browse.plan),
            View::RedLines => clause_hits(self.redlines.plan),
            View::Topics => self
                .corpus
                .topics
                .iter()
                .enumerate()
                .filter(|(_, t)| {
                    t.title.to_lowercase().contains(&q) || t.id.to_lowercase().contains(&q)
                })
                .map(|(i, _)| i)
                .collect(),
            View::Compare => {
                let (Some(a), Some(l), Some(r)) = (
                    self.alignment(),
                    self.plan(self.compare.left),
                    self.plan(self.compare.right),
                ) else {
                    return Vec::new();
                };
                self.compare
                    .visible
                    .iter()
                    .enumerate()
                    .filter(|(_, i)| {
                        a.rows.get(**i).is_some_and(|row| {
                            row.left
                                .iter()
                                .filter_map(|&c| l.clauses.get(c))
                                .chain(row.right.iter().filter_map(|&c| r.clauses.get(c)))
                                .any(|c| clause_matches(c, &q))
                        })
                    })
                    .map(|(k, _)| k)
                    .collect()
            }
        }
    }

    /// Typing searches as you go: the selection moves to the first hit at or after where the
    /// search began, and back there when nothing matches or the search is cancelled.
    pub(super) fn search_prompt(&mut self, action: Action, mut query: Field, origin: usize) {
        let before = query.text().to_string();
        match action {
            Action::Type(c) => query.insert(c),
            Action::Edit(e) => query.edit(e),
            Action::Back => {
                self.mode = Mode::Normal;
                self.search = None;
                self.select_main(origin);
                self.inform("search cancelled");
                return;
            }
            Action::Open => {
                self.mode = Mode::Normal;
                match &self.search {
                    Some(s) if !s.query.is_empty() => {
                        let n = s.hits.len();
                        let msg = format!(
                            "{n} match(es) for “{}”; n/N: next/previous, esc: clear",
                            s.query
                        );
                        if n == 0 {
                            self.fail(msg);
                        } else {
                            self.inform(msg);
                        }
                    }
                    _ => self.search = None,
                }
                return;
            }
            _ => {}
        }
        let searched = self.search.as_ref().is_some_and(|s| s.query == before);
        if query.text() == before && searched {
            // A cursor move: the hits and the selection stay.
            self.mode = Mode::Search { query, origin };
            return;
        }
        let hits = self.search_hits(query.text());
        match hits.iter().find(|&&h| h >= origin).or(hits.first()) {
            Some(&h) => self.select_main(h),
            None => self.select_main(origin),
        }
        self.search = Some(Search {
            view: self.view,
            query: query.text().to_string(),
            hits,
        });
        self.mode = Mode::Search { query, origin };
    }

    /// The default file for exporting the compared pair.
    pub fn default_export_path(&self) -> PathBuf {
        let id = |i: usize| self.plan(i).map_or("draft", |p| p.id.as_str());
        let name = format!(
            "peacediff-{}-vs-{}.md",
            id(self.compare.left),
            id(self.compare.right)
        );
        self.export_dir.join(name)
    }

    pub(super) fn start_export(&mut self) {
        let path = self.default_export_path();
        self.mode = Mode::ExportPath {
            path: Field::new(path.to_string_lossy()),
        };
    }

    pub(super) fn export_prompt(&mut self, action: Action, mut path: Field) {
        match action {
            Action::Type(c) => path.insert(c),
            Action::Edit(e) => path.edit(e),
            Action::Back => {
                self.mode = Mode::Normal;
                self.inform("export cancelled");
                return;
            }
            Action::Open => {
                let trimmed = path.text().trim();
                if trimmed.is_empty() {
                    self.fail("give a file name to export to");
                } else {
                    let p = self.export_target(trimmed);
                    let shown = peacediff::sanitize::path(&p);
                    let parent = p.parent().filter(|d| !d.as_os_str().is_empty());
                    match std::fs::symlink_metadata(&p) {
                        _ if parent.is_some_and(|d| !d.is_dir()) => {
                            // Stay in the prompt, so the path can be corrected.
                            self.fail(format!("cannot write {shown}: its folder does not exist"));
                        }
                        Ok(_) if std::fs::metadata(&p).is_ok_and(|m| m.is_file()) => {
                            self.mode = Mode::ConfirmOverwrite { path: p };
                            return;
                        }
                        Ok(_) => self.fail(format!(
                            "cannot write {shown}: it is not a regular file; choose another path"
                        )),
                        Err(_) => {
                            self.mode = Mode::Normal;
                            self.write_export(p, false);
                            return;
                        }
                    }
                }
            }
            _ => {}
        }
        self.mode = Mode::ExportPath { path };
    }

    /// What the typed path means: `~` is the home folder, and a folder gets the default file
    /// name inside it (as `cp` puts a file into a folder).
    pub(super) fn export_target(&self, typed: &str) -> PathBuf {
        let home = || dirs::home_dir().unwrap_or_default();
        let p = match typed.strip_prefix('~') {
            Some("") => home(),
            Some(rest) if rest.starts_with('/') => home().join(&rest[1..]),
            _ => PathBuf::from(typed),
        };
        if p.is_dir() {
            let name = self.default_export_path();
            p.join(name.file_name().unwrap_or_default())
        } else {
            p
        }
    }

    pub(super) fn confirm_overwrite(&mut self, action: Action, path: PathBuf) {
        self.mode = Mode::Normal;
        match action {
            Action::Type('y' | 'Y') => self.write_export(path, true),
            _ => self.inform(format!(
                "not saved: {} was left as it was",
                peacediff::sanitize::path(&path)
            )),
        }
    }

    fn write_export(&mut self, path: PathBuf, overwrite: bool) {
        let doc = match self.export_document() {
            Ok(d) => d,
            Err(e) => {
                self.fail(format!("cannot export: {e}"));
                return;
            }
        };
        match peacediff::fsutil::write_atomic(&path, doc.as_bytes(), overwrite) {
            Ok(()) => {
                // The full path, so the message says where the file is whatever the cwd.
                let shown = std::path::absolute(&path).unwrap_or_else(|_| path.clone());
                self.inform(format!("saved {}", peacediff::sanitize::path(&shown)));
                self.last_export = Some(path);
            }
            Err(e) => self.fail(peacediff::fsutil::write_error_message(
                &peacediff::sanitize::path(&path),
                &e,
            )),
        }
    }

    pub(super) fn open_picker(&mut self) {
        let (purpose, at) = match self.view {
            View::Browse => (PickFor::Browse, self.browse.plan),
            View::Topics => (PickFor::Topics, self.topics.plan),
            View::RedLines => (PickFor::RedLines, self.redlines.plan),
            View::Compare => (PickFor::CompareLeft, self.compare.left),
        };
        let mut cursor = Cursor::default();
        cursor.set(at, self.corpus.plans.len());
        self.mode = Mode::Picker { purpose, cursor };
    }

    pub(super) fn picker(&mut self, action: Action, purpose: PickFor, mut cursor: Cursor) {
        let n = self.corpus.plans.len();
        match action {
            Action::Back => {
                self.mode = Mode::Normal;
                return;
            }
            Action::Open => {
                let chosen = cursor.selected;
                self.mode = Mode::Normal;
                match purpose {
                    PickFor::Browse => {
                        self.view = View::Browse;
                        if chosen != self.browse.plan {
                            self.browse.plan = chosen;
                            self.browse.list = Cursor::default();
                            self.browse.detail_scroll = 0;
                            self.browse.counterpart = Cursor::default();
                            self.search = None;
                        }
                    }
                    PickFor::RedLines => self.set_redline_plan(chosen),
                    PickFor::Topics => {
                        self.topics.plan = chosen;
                        self.topic_cell_changed();
                    }
                    PickFor::CompareLeft => {
                        let mut c = Cursor::default();
                        c.set(self.compare.right, n);
                        self.mode = Mode::Picker {
                            purpose: PickFor::CompareRight { left: chosen },
                            cursor: c,
                        };
                    }
                    PickFor::CompareRight { left } => {
                        self.set_pair(left, chosen);
                        let name = |i: usize| self.plan(i).map_or("?", |p| p.short.as_str());
                        let msg = format!("comparing {} ⇄ {}", name(left), name(chosen));
                        self.inform(msg);
                    }
                }
                return;
            }
            Action::Click { row, .. } => {
                // The picker's rows start three lines below its top edge (border, title, blank).
                let top = crate::tui::ui::picker::first_row(self.height, n);
                if row >= top {
                    cursor.set(cursor.offset + usize::from(row - top), n);
                }
            }
            a => {
                if let Some(step) = self.vertical(&a, n) {
                    cursor.step(step, n);
                }
            }
        }
        self.mode = Mode::Picker { purpose, cursor };
    }
}

fn clause_matches(c: &peacediff::model::Clause, q: &str) -> bool {
    c.label.to_lowercase() == q || super::find::holds(&c.title, q) || super::find::holds(&c.text, q)
}
