//! `--watch`: notices changes to the plans folder's files. notify-debouncer-mini turns the
//! burst of events one save makes (an editor writes a temporary file, renames it, touches the
//! folder) into one, so the folder is reloaded once per save, not once per event. inotify and
//! its kin cost nothing while nothing changes, where polling would read the folder each tick.

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

/// How long the folder must be quiet before a change counts: one save, one reload.
const SETTLE: Duration = Duration::from_millis(200);

pub struct FolderWatch {
    // Kept for as long as the watch lasts: dropping it stops the watching.
    _debouncer: Debouncer<RecommendedWatcher>,
    events: Receiver<DebounceEventResult>,
}

impl FolderWatch {
    pub fn start(dir: &Path) -> Result<FolderWatch, String> {
        let (tx, events) = channel();
        let mut debouncer = new_debouncer(SETTLE, tx).map_err(|e| e.to_string())?;
        debouncer
            .watcher()
            .watch(dir, RecursiveMode::NonRecursive)
            .map_err(|e| e.to_string())?;
        Ok(FolderWatch {
            _debouncer: debouncer,
            events,
        })
    }

    /// Whether a plan file changed since the last call. Files that cannot be plans (an
    /// editor's swap and backup files) are let go; an error from the watcher counts as a
    /// change, since the folder may have changed unseen.
    pub fn changed(&self) -> bool {
        let mut any = false;
        while let Ok(result) = self.events.try_recv() {
            any |= match result {
                Ok(events) => events.iter().any(|e| is_plan_file(&e.path)),
                Err(_) => true,
            };
        }
        any
    }
}

fn is_plan_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "toml")
}
