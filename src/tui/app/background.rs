//! The compared pair aligned on another thread while the user reads Browse.
//!
//! Compare aligns its pair the first time it is shown (`App::ensure_view`): 0.1–0.4 s on
//! large drafts, paid on the key that shows it. The event loop — not `update`, which stays a
//! function of the keys for the tests — starts that alignment on a thread once the first
//! frame is drawn and hands the result to the app when it is ready. Compare shown before then
//! says it is aligning, keeps taking keys, and shows the rows when the thread is done, rather
//! than freezing or aligning the pair a second time. The value is the same `align::align`
//! gives; only when it is computed changes.

use super::App;
use peacediff::align::Alignment;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// An alignment being computed on another thread: the pair, and where the result arrives.
pub struct Pending {
    pair: (usize, usize),
    result: Receiver<Alignment>,
}

impl App {
    /// Starts aligning the compared pair on another thread, unless it is aligned, being
    /// aligned, or not a pair. Called by the event loop between frames.
    pub fn align_in_background(&mut self) {
        let pair = (self.compare.left, self.compare.right);
        let exists = pair.0 < self.corpus.plans.len() && pair.1 < self.corpus.plans.len();
        if !exists || self.alignments.contains_key(&pair) || self.pending.is_some() {
            return;
        }
        let corpus = Arc::clone(&self.corpus);
        let (send, result) = channel();
        let spawned = std::thread::Builder::new()
            .name("align".into())
            .spawn(move || {
                let (l, r) = (&corpus.plans[pair.0], &corpus.plans[pair.1]);
                // The app may be gone (quit, reloaded) by now: nobody to tell.
                let _ = send.send(peacediff::align::align(&corpus, l, r));
            });
        if spawned.is_ok() {
            self.pending = Some(Pending { pair, result });
        }
    }

    /// Takes the background alignment if it has arrived (`wait`: waits for it). Returns
    /// whether one was taken.
    pub fn take_background(&mut self, wait: bool) -> bool {
        let Some(p) = &self.pending else {
            return false;
        };
        let got = if wait {
            p.result.recv().ok()
        } else {
            match p.result.try_recv() {
                Ok(a) => Some(a),
                Err(TryRecvError::Empty) => return false,
                Err(TryRecvError::Disconnected) => None,
            }
        };
        let pair = p.pair;
        self.pending = None;
        let Some(a) = got else {
            return false;
        };
        self.alignments.entry(pair).or_insert_with(|| Rc::new(a));
        self.refresh_compare();
        true
    }

    /// Whether the compared pair is being aligned on another thread (Compare then says so
    /// until the result arrives).
    pub fn aligning(&self) -> bool {
        let pair = (self.compare.left, self.compare.right);
        self.pending.as_ref().is_some_and(|p| p.pair == pair)
    }
}

#[cfg(test)]
mod tests {
    use crate::tui::testkit::{app, press, screen};

    #[test]
    fn a_background_alignment_is_the_one_compare_would_compute() {
        let mut eager = app(100, 30, false);
        press(&mut eager, "2");
        let mut a = app(100, 30, false);
        a.align_in_background();
        assert!(a.alignment().is_none());
        assert!(a.take_background(true));
        assert!(!a.take_background(false), "taken once");
        assert_eq!(
            a.alignment().map(|x| x.rows.len()),
            eager.alignment().map(|x| x.rows.len())
        );
        press(&mut a, "2");
        assert_eq!(screen(&a), screen(&eager));
    }

    #[test]
    fn compare_shown_while_aligning_says_so_and_shows_the_rows_when_they_arrive() {
        let mut eager = app(100, 30, false);
        press(&mut eager, "2");
        let mut a = app(100, 30, false);
        // A result that has not arrived yet: the sender is held here.
        let (send, result) = std::sync::mpsc::channel();
        a.pending = Some(super::Pending {
            pair: (a.compare.left, a.compare.right),
            result,
        });
        press(&mut a, "2");
        assert!(
            a.alignment().is_none(),
            "Compare does not wait, nor align twice"
        );
        let shown = screen(&a);
        assert!(shown.contains("aligning new and next…"), "{shown}");
        // Keys still work meanwhile.
        press(&mut a, "jk");
        let pair = (
            &a.corpus.plans[a.compare.left],
            &a.corpus.plans[a.compare.right],
        );
        send.send(peacediff::align::align(&a.corpus, pair.0, pair.1))
            .unwrap();
        assert!(a.take_background(false));
        assert_eq!(screen(&a), screen(&eager));
    }
}
