//! The app's whole state and `update`, the one place it changes. No drawing and no terminal
//! here: render functions read `App`, and the event loop performs the `Effect`s it queues.
//! `update` and the commands it dispatches to are in `dispatch`; this file holds the state, its
//! accessors, jumps to a clause and copying.

mod background;
mod compare;
mod derived;
mod dispatch;
mod field;
mod find;
mod mouse;
mod nav;
mod prompt;
mod reload;
mod state;

use super::action::View;
use super::keymap::Keymap;
use super::layout::CompareLayout;
use super::theme::Theme;
use peacediff::align::Alignment;
use peacediff::model::{Clause, Corpus, Plan};
use std::collections::HashMap;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::Arc;

pub use compare::CompareState;
use dispatch::scrolled;
pub use reload::empty_corpus;
pub use state::*;

/// A place to come back to with Esc after a jump.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Jump {
    view: View,
    plan: usize,
    clause: usize,
}

/// The widest a short label can be (the loader's limit), and so the widest column needing
/// shortened labels.
const LABEL_MAX: usize = 10;

pub struct App {
    /// Shared with a background alignment ([`App::align_in_background`]).
    pub corpus: Arc<Corpus>,
    pub theme: Theme,
    /// The keys in force: the key table's, or as a config file rebound them.
    pub keymap: Keymap,
    /// Side by side, stacked, or by the width (the config file's `compare-layout`).
    pub compare_layout: CompareLayout,
    pub view: View,
    pub width: u16,
    pub height: u16,
    pub mode: Mode,
    pub message: Option<Message>,
    pub search: Option<Search>,
    pub quit: bool,
    pub effects: Vec<Effect>,
    pub browse: BrowseState,
    pub compare: CompareState,
    pub redlines: RedLineState,
    pub topics: TopicState,
    /// Where exports go by default.
    pub export_dir: PathBuf,
    /// The last path exported to, shown in the message line and reused as the next default.
    pub last_export: Option<PathBuf>,
    /// The scoreboard, matrix cells, topic grid and histories, computed when a view first
    /// needs them ([`App::ensure_view`]).
    derived: derived::Derived,
    /// Every draft's short label shortened together for each narrow width a view gives it
    /// (`labels::distinct`), so that two columns never read the same: [width][draft].
    plan_labels: Vec<Vec<String>>,
    /// Why the last load of the plans folder failed (`--watch`); empty once one succeeds.
    pub problems: Vec<peacediff::diagnostic::Diagnostic>,
    alignments: HashMap<(usize, usize), Rc<Alignment>>,
    /// The compared pair being aligned on another thread, if it is.
    pending: Option<background::Pending>,
    jumps: Vec<Jump>,
}

impl App {
    pub fn new(corpus: Corpus, theme: Theme, width: u16, height: u16) -> App {
        let find = |id: &str| corpus.plans.iter().position(|p| p.id == id);
        let left = find("us-28").unwrap_or(0);
        let right = find("geneva-19").unwrap_or(corpus.plans.len().saturating_sub(1));
        let mut app = App {
            theme,
            keymap: Keymap::default(),
            compare_layout: CompareLayout::default(),
            view: View::Browse,
            width,
            height,
            mode: Mode::Normal,
            message: None,
            search: None,
            quit: false,
            effects: Vec::new(),
            browse: BrowseState {
                plan: left,
                ..BrowseState::default()
            },
            compare: CompareState::new(left, right),
            redlines: RedLineState {
                plan: left,
                rows: Cursor::default(),
                party: 0,
                board: Cursor::default(),
                focus: RedLinePane::Matrix,
                note_scroll: 0,
            },
            topics: TopicState {
                topics: Cursor::default(),
                plan: left,
                plan_offset: 0,
                clauses: Cursor::default(),
                history: Cursor::default(),
                focus: TopicPane::Grid,
            },
            export_dir: PathBuf::from("."),
            last_export: None,
            derived: derived::Derived::default(),
            plan_labels: {
                let shorts: Vec<&str> = corpus.plans.iter().map(|p| p.short.as_str()).collect();
                (0..=LABEL_MAX)
                    .map(|w| peacediff::labels::distinct(&shorts, w))
                    .collect()
            },
            problems: Vec::new(),
            alignments: HashMap::new(),
            pending: None,
            jumps: Vec::new(),
            corpus: Arc::new(corpus),
        };
        // Browse, the first view, needs nothing computed from the whole corpus; the other
        // views compute theirs when first shown.
        app.ensure_view();
        app
    }

    /// Draft `index`'s short label in at most `width` cells, distinct from every other
    /// draft's at that width ("MinsI" and "MinII", never "Minsk…" twice).
    pub fn plan_label(&self, index: usize, width: usize) -> &str {
        self.plan_labels
            .get(width.min(LABEL_MAX))
            .and_then(|l| l.get(index))
            .map_or("?", String::as_str)
    }

    /// [`App::plan_label`] for a draft given by id.
    pub fn plan_label_of(&self, id: &str, width: usize) -> &str {
        match self.corpus.plan_position(id) {
            Some(i) => self.plan_label(i, width),
            None => "?",
        }
    }

    pub fn plan(&self, index: usize) -> Option<&Plan> {
        self.corpus.plans.get(index)
    }

    pub fn browse_plan(&self) -> Option<&Plan> {
        self.plan(self.browse.plan)
    }

    pub fn browse_clause(&self) -> Option<&Clause> {
        self.browse_plan()
            .and_then(|p| p.clauses.get(self.browse.list.selected))
    }

    /// The cached alignment of the compared pair, if both drafts exist.
    pub fn alignment(&self) -> Option<&Alignment> {
        self.alignments
            .get(&(self.compare.left, self.compare.right))
            .map(|a| a.as_ref())
    }

    /// Status messages can quote paths and OS errors, so they are cleaned here, once.
    pub fn inform(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: peacediff::sanitize::clean_line(&text.into()),
            tone: Tone::Info,
        });
    }

    pub fn fail(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: peacediff::sanitize::clean_line(&text.into()),
            tone: Tone::Error,
        });
    }

    /// Whether `n`/`N` step through search hits (a search with hits is active in this view)
    /// rather than, in Compare, through changes.
    pub fn search_active(&self) -> bool {
        self.search.as_ref().is_some_and(|s| s.view == self.view)
    }

    /// Opens a clause in Browse, remembering where we were so Esc comes back.
    pub fn open_clause(&mut self, plan: usize, clause: usize) {
        self.jumps.push(Jump {
            view: self.view,
            plan: self.browse.plan,
            clause: self.browse.list.selected,
        });
        self.view = View::Browse;
        self.search = None;
        self.browse.plan = plan;
        let len = self.plan(plan).map_or(0, |p| p.clauses.len());
        self.browse.list.set(clause, len);
        self.browse.detail_scroll = 0;
        self.browse.counterpart = Cursor::default();
        self.browse.focus = None;
        if let Some(p) = self.plan(plan) {
            let label = p.clauses.get(clause).map_or("", |c| c.label.as_str());
            let msg = format!("{} {label} (esc: back)", p.short);
            self.inform(msg);
        }
    }

    fn copy(&mut self) {
        let text = match self.view {
            View::Compare => self.compare_row_text(),
            View::RedLines => self
                .plan(self.redlines.plan)
                .and_then(|p| p.clauses.get(self.redlines.rows.selected).map(|c| (p, c)))
                .map(|(p, c)| clause_text(p, c)),
            View::Topics => self
                .topic_clause()
                .and_then(|(p, c)| self.plan(p).and_then(|p| p.clauses.get(c).map(|c| (p, c))))
                .map(|(p, c)| clause_text(p, c)),
            _ => self.browse_plan().and_then(|p| {
                p.clauses
                    .get(self.browse.list.selected)
                    .map(|c| clause_text(p, c))
            }),
        };
        match text {
            Some(t) => {
                // Counted with memchr, as `lines()` would count them: a long clause's copy
                // costs its copying, not a walk through it.
                let breaks = memchr::memchr_iter(b'\n', t.as_bytes()).count();
                let lines = breaks + usize::from(!t.is_empty() && !t.ends_with('\n'));
                self.effects.push(Effect::Clipboard(t));
                // The terminal does not say whether it took the text: no claim that it did.
                self.inform(format!(
                    "sent {lines} line(s) to the terminal's clipboard (OSC 52; some terminals \
                     need it enabled)"
                ));
            }
            None => self.fail("nothing selected to copy"),
        }
    }
}

/// A clause as plain text for the clipboard, citable as it stands: draft, label and title,
/// how the text is known and any status, the text, and its sources.
pub fn clause_text(plan: &Plan, c: &Clause) -> String {
    let mut s = format!(
        "{} {}. {}\n[{}",
        plan.short,
        c.label,
        c.title,
        c.certainty.as_str()
    );
    if let Some(st) = c.status {
        s.push_str(&format!(", {}", st.as_str()));
    }
    s.push_str(&format!("]\n{}", c.text));
    let sources: Vec<String> = c
        .sources
        .iter()
        .map(|k| match plan.source(k) {
            Some(src) => {
                let mut line = format!("{}, \"{}\"", src.outlet, src.title);
                if let Some(d) = &src.date {
                    line.push_str(&format!(", {d}"));
                }
                if let Some(u) = &src.url {
                    line.push_str(&format!(", {u}"));
                }
                line
            }
            None => k.clone(),
        })
        .collect();
    if !sources.is_empty() {
        s.push_str("\nSources: ");
        s.push_str(&sources.join("; "));
    }
    s
}

#[cfg(test)]
mod tests;
