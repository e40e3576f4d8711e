//! `--watch`: a new load of the plans folder replaces the corpus, and the user's place (view,
//! drafts, clause, row, scroll, search, open prompt) carries over wherever it still exists,
//! found by ids rather than positions. A load with problems keeps the last good corpus on
//! screen and lists the problems over it until a later load succeeds.

use super::{App, Cursor, Mode};
use crate::tui::action::Action;
use peacediff::diagnostic::Diagnostic;
use peacediff::model::{Corpus, CorpusInfo};

/// A corpus with nothing in it: what the app shows when the first load already failed.
pub fn empty_corpus() -> Corpus {
    let info = CorpusInfo {
        title: String::new(),
        coverage: String::new(),
        as_of: None,
    };
    Corpus::new(
        info,
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
    )
}

impl App {
    /// Starts Compare with unchanged rows hidden or shown (`hide-unchanged` in the config).
    pub fn hide_unchanged_rows(&mut self, hide: bool) {
        self.compare.hide_unchanged = hide;
        self.refresh_compare();
    }

    /// Lists load problems over the screen (the corpus on show stays as it was). The same
    /// problems again (a save that changed nothing that matters) leave a closed list closed.
    pub fn show_problems(&mut self, problems: Vec<Diagnostic>) {
        // The notice of the problems takes the message line.
        self.message = None;
        if problems == self.problems {
            return;
        }
        self.problems = problems;
        // A prompt being typed in is not taken away; the message line says it instead.
        if matches!(
            self.mode,
            Mode::Normal | Mode::Help { .. } | Mode::Picker { .. } | Mode::Problems { .. }
        ) {
            self.mode = Mode::Problems { scroll: 0 };
        }
    }

    /// The load problems' list: scrolled with the moving keys, closed with Esc or `q`.
    pub(super) fn problems_overlay(&mut self, action: Action, scroll: usize) {
        let most = crate::tui::ui::problems::max_scroll(
            self,
            ratatui::layout::Rect::new(0, 0, self.width, self.height),
        );
        // Esc or `q` (both arrive as Back) close it; the list has no key of its own.
        self.mode = match super::scrolled(action, scroll, most, Action::Back) {
            Some(scroll) => Mode::Problems { scroll },
            None => Mode::Normal,
        };
    }

    /// Takes the result of loading the folder again.
    pub fn reload(&mut self, result: Result<Corpus, Vec<Diagnostic>>) {
        let corpus = match result {
            Ok(c) => c,
            Err(problems) => return self.show_problems(problems),
        };
        let fresh = App::new(corpus, self.theme, self.width, self.height);
        let old = std::mem::replace(self, fresh);
        self.keymap = old.keymap.clone();
        self.compare_layout = old.compare_layout;
        self.export_dir = old.export_dir.clone();
        self.last_export = old.last_export.clone();
        self.carry_place(&old);
        self.mode = match &old.mode {
            Mode::Picker { .. } | Mode::Problems { .. } => Mode::Normal,
            other => other.clone(),
        };
        self.ensure_view();
        self.fit();
        let n = self.corpus.plans.len();
        self.inform(format!("reloaded the plans folder: {n} draft(s)"));
    }

    /// The index in this corpus of the draft that was `old`'s draft `i`.
    fn same_plan(&self, old: &App, i: usize) -> Option<usize> {
        let id = &old.plan(i)?.id;
        self.corpus.plans.iter().position(|p| &p.id == id)
    }

    /// The index in draft `plan` of the clause that was `old`'s clause `c` of draft `i`, or
    /// the nearest position when it is gone.
    fn same_clause(&self, old: &App, i: usize, c: usize, plan: usize) -> usize {
        let clauses = self.plan(plan).map_or(&[][..], |p| p.clauses.as_slice());
        old.plan(i)
            .and_then(|p| p.clauses.get(c))
            .and_then(|was| clauses.iter().position(|x| x.id == was.id))
            .unwrap_or_else(|| c.min(clauses.len().saturating_sub(1)))
    }

    fn carry_place(&mut self, old: &App) {
        self.view = old.view;
        if let Some(p) = self.same_plan(old, old.browse.plan) {
            let c = self.same_clause(old, old.browse.plan, old.browse.list.selected, p);
            self.browse.plan = p;
            self.browse.list = Cursor {
                selected: c,
                offset: old.browse.list.offset.min(c),
            };
            self.browse.focus = old.browse.focus;
            if c == old.browse.list.selected {
                self.browse.detail_scroll = old.browse.detail_scroll;
                self.browse.counterpart = old.browse.counterpart;
            }
        }
        if let (Some(l), Some(r)) = (
            self.same_plan(old, old.compare.left),
            self.same_plan(old, old.compare.right),
        ) {
            self.set_pair(l, r);
            self.hide_unchanged_rows(old.compare.hide_unchanged);
            // The row is found again in the new alignment, computed now when the old screen
            // had one (else Compare aligns the pair when it is first shown).
            if old.alignment().is_some() {
                self.ensure_alignment();
            }
            self.carry_compare_row(old);
        }
        if let Some(p) = self.same_plan(old, old.redlines.plan) {
            self.set_redline_plan(p);
            let c = self.same_clause(old, old.redlines.plan, old.redlines.rows.selected, p);
            self.redlines.rows = Cursor {
                selected: c,
                offset: old.redlines.rows.offset.min(c),
            };
            let party = old.corpus.parties.get(old.redlines.party).map(|x| &x.id);
            if let Some(i) = self
                .corpus
                .parties
                .iter()
                .position(|x| Some(&x.id) == party)
            {
                self.redlines.party = i;
            }
            self.redlines.focus = old.redlines.focus;
        }
        let topic = old
            .corpus
            .topics
            .get(old.topics.topics.selected)
            .map(|t| &t.id);
        if let Some(t) = self.corpus.topics.iter().position(|x| Some(&x.id) == topic) {
            self.topics.topics = Cursor {
                selected: t,
                offset: old.topics.topics.offset.min(t),
            };
        }
        if let Some(p) = self.same_plan(old, old.topics.plan) {
            self.topics.plan = p;
        }
        self.topics.focus = old.topics.focus;
        self.topic_cell_changed();
        if let Some(s) = old.search.as_ref().filter(|s| s.view == self.view) {
            let hits = self.search_hits(&s.query);
            self.search = Some(super::Search {
                view: s.view,
                query: s.query.clone(),
                hits,
            });
        }
    }

    /// Selects the Compare row holding the clause the old selection held (by id), else keeps
    /// the row number.
    fn carry_compare_row(&mut self, old: &App) {
        let was = old.compare_row().and_then(|row| {
            let (side, plan) = match row.right.first() {
                Some(&c) => (c, old.compare.right),
                None => (*row.left.first()?, old.compare.left),
            };
            Some((
                old.plan(plan)?.clauses.get(side)?.id.clone(),
                plan == old.compare.right,
            ))
        });
        let found = was.and_then(|(id, right)| {
            let a = self.alignment()?;
            let plan = self.plan(if right {
                self.compare.right
            } else {
                self.compare.left
            })?;
            self.compare.visible.iter().position(|&i| {
                a.rows.get(i).is_some_and(|row| {
                    let side = if right { &row.right } else { &row.left };
                    side.iter()
                        .any(|&c| plan.clauses.get(c).is_some_and(|x| x.id == id))
                })
            })
        });
        let len = self.compare.visible.len();
        let k = found.unwrap_or(old.compare.rows.selected);
        self.compare.rows.set(k, len);
        self.compare.rows.offset = old.compare.rows.offset.min(self.compare.rows.selected);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::View;
    use crate::tui::testkit::{app, fixture, press, screen};
    use peacediff::diagnostic::SourceText;

    /// The fixture with an earlier draft in front (every draft's index moves up one) and
    /// the first clause of "new" gone (its other clauses move up one).
    fn shifted() -> Corpus {
        let c = fixture();
        let mut plans = c.plans.clone();
        let mut first = plans[0].clone();
        first.id = "first".into();
        first.short = "first".into();
        first.date =
            peacediff::model::PartialDate::from_numbers(2020, Some(1), Some(1)).expect("a date");
        plans[1].clauses.remove(0);
        plans.push(first);
        peacediff::testing::corpus(c.parties.clone(), plans)
    }

    fn problem() -> Diagnostic {
        SourceText::new("plans/new.toml", "[plan]\nid = 3\n")
            .error(12..13, "`id` must be a string \u{1b}[31mred")
            .with_hint("write it in quotes")
    }

    #[test]
    fn a_reload_keeps_the_place_by_ids_when_positions_move() {
        let mut a = app(80, 24, true);
        press(&mut a, "jj");
        assert_eq!(a.browse_clause().map(|c| c.id.as_str()), Some("3"));
        press(&mut a, "2jj");
        let row = a.compare_row().map(|r| r.left.clone());
        a.reload(Ok(shifted()));
        assert_eq!(a.view, View::Compare);
        assert_eq!(a.plan(a.compare.left).map(|p| p.id.as_str()), Some("new"));
        assert_eq!(a.plan(a.compare.right).map(|p| p.id.as_str()), Some("next"));
        // The row holds the same clause of "new", now one place up in it.
        let now = a.compare_row().map(|r| r.left.clone());
        assert_eq!(now, row.map(|l| l.iter().map(|i| i - 1).collect()));
        assert!(screen(&a).contains("reloaded the plans folder: 4 draft(s)"));
        press(&mut a, "1");
        assert_eq!(a.browse_plan().map(|p| p.id.as_str()), Some("new"));
        assert_eq!(a.browse_clause().map(|c| c.id.as_str()), Some("3"));
    }

    #[test]
    fn a_failed_load_is_listed_over_the_last_good_screen_until_a_load_works() {
        let mut a = app(80, 24, false);
        press(&mut a, "j");
        a.reload(Err(vec![problem()]));
        assert_eq!(a.mode, Mode::Problems { scroll: 0 });
        assert_eq!(a.corpus.plans.len(), 3, "the last good corpus stays");
        let shown = screen(&a);
        insta::assert_snapshot!("load_problems_80x24", shown);
        assert!(!shown.contains('\u{1b}'));
        press(&mut a, "<esc>");
        assert_eq!(a.mode, Mode::Normal);
        a.reload(Err(vec![problem()]));
        assert_eq!(
            a.mode,
            Mode::Normal,
            "the same problems leave the list closed"
        );
        assert_eq!(a.browse.list.selected, 1, "the place is kept meanwhile");
        assert!(screen(&a).contains("the plans folder did not load (1 problem(s))"));
        a.reload(Ok(fixture()));
        assert!(a.problems.is_empty());
        assert_eq!(a.mode, Mode::Normal);
        assert!(!screen(&a).contains("did not load"));
    }

    #[test]
    fn a_prompt_being_typed_in_stays_open_through_reloads() {
        let mut a = app(80, 24, true);
        press(&mut a, "/arm");
        a.reload(Err(vec![problem()]));
        assert!(matches!(a.mode, Mode::Search { .. }));
        a.reload(Ok(fixture()));
        press(&mut a, "y<enter>");
        assert_eq!(a.search.as_ref().map(|s| s.query.as_str()), Some("army"));
        assert_eq!(a.search.as_ref().map(|s| s.hits.len()), Some(1));
    }

    #[test]
    fn nothing_loaded_yet_is_drawn_in_every_view_without_a_fault() {
        let mut a = App::new(empty_corpus(), crate::tui::theme::Theme::new(true), 80, 24);
        a.show_problems(vec![problem()]);
        assert!(screen(&a).contains("Nothing has loaded yet."));
        press(&mut a, "<esc>");
        for keys in [
            "1jk<enter><tab>y",
            "2jnu<enter>e<esc>",
            "3jl<tab>",
            "4jl<enter>",
            "p<enter>?",
        ] {
            press(&mut a, keys);
            let _ = screen(&a);
        }
        a.reload(Ok(fixture()));
        assert_eq!(a.corpus.plans.len(), 3);
        let _ = screen(&a);
    }
}
