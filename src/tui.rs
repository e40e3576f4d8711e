//! The terminal app's event loop: the only code that touches the terminal and its events.
//!
//! `ratatui::init` sets up raw mode, the alternate screen and a panic hook that restores the
//! terminal before the panic message prints; mouse capture is switched off in the same hook.
//! Signals (`signals`) are looked at between waits for input: ending ones hand the terminal
//! back before the process ends, SIGTSTP and Ctrl-Z hand it back before stopping and take it
//! again on `fg`. With `--watch`, the plans folder's changes are looked at there too, and a
//! change loads the folder again (`App::reload`). Events become `Action`s, `App::update`
//! applies them, and the effects it queues (the clipboard, suspending) are carried out here.

// Public inside the binary so the render benchmark (benches/render.rs) can build an App.
pub mod action;
pub mod app;
pub mod keymap;
pub mod layout;
mod signals;
#[cfg(test)]
pub(crate) mod testkit;
pub mod theme;
pub mod ui;
mod watch;
mod wrap;

use action::Action;
use app::{App, Effect, Mode};
use crossterm::event::{self, Event, MouseButton, MouseEventKind};
use crossterm::execute;
use peacediff::diagnostic::Diagnostic;
use peacediff::model::Corpus;
use signals::Pending;
use std::path::PathBuf;
use std::time::Duration;

/// How long the loop waits for input before looking at signals again.
const SIGNAL_POLL: Duration = Duration::from_millis(100);

pub struct Options {
    pub mouse: bool,
    pub theme: theme::Theme,
    pub keymap: keymap::Keymap,
    pub compare_layout: layout::CompareLayout,
    pub hide_unchanged: bool,
    pub watch: Option<Watch>,
}

/// What `--watch` needs: the folder, and how to load it again.
pub struct Watch {
    pub dir: PathBuf,
    pub reload: Box<dyn Fn() -> Result<Corpus, Vec<Diagnostic>>>,
}

/// Runs the app until the user quits. The terminal is restored on every way out. `first` is
/// the first load: its problems, when watching, are listed in the app until a fix loads.
pub fn run(first: Result<Corpus, Vec<Diagnostic>>, options: Options) -> std::io::Result<()> {
    let folder = match &options.watch {
        Some(w) => Some(watch::FolderWatch::start(&w.dir).map_err(|e| {
            std::io::Error::other(format!(
                "cannot watch {}: {e}",
                peacediff::sanitize::path(&w.dir)
            ))
        })?),
        None => None,
    };
    let watch = signals::Watch::install(leave, options.mouse)?;
    let mut terminal = ratatui::init();
    if options.mouse {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(std::io::stdout(), event::DisableMouseCapture);
            previous(info);
        }));
        if let Err(e) = execute!(std::io::stdout(), event::EnableMouseCapture) {
            ratatui::restore();
            return Err(e);
        }
    }
    let result = terminal.size().and_then(|size| {
        let (corpus, problems) = match first {
            Ok(c) => (c, Vec::new()),
            Err(p) => (app::empty_corpus(), p),
        };
        let mut app = App::new(corpus, options.theme, size.width, size.height);
        app.keymap = options.keymap;
        app.compare_layout = options.compare_layout;
        app.hide_unchanged_rows(options.hide_unchanged);
        if !problems.is_empty() {
            app.show_problems(problems);
        }
        let reload = options.watch.as_ref().map(|w| w.reload.as_ref());
        let changes = folder.as_ref().zip(reload);
        event_loop(&mut terminal, &mut app, &watch, options.mouse, changes)
    });
    leave(options.mouse);
    match result {
        // The terminal is ours no longer: end as the signal asked.
        Ok(Some(sig)) => signals::end_now(sig),
        Ok(None) => Ok(()),
        Err(e) => Err(e),
    }
}

/// Hands the terminal back: mouse reporting off, main screen, cooked mode, cursor shown.
fn leave(mouse: bool) {
    if mouse {
        let _ = execute!(std::io::stdout(), event::DisableMouseCapture);
    }
    ratatui::restore();
}

/// Takes the terminal again after a stop, and has the next frame drawn in full.
fn take_back(terminal: &mut ratatui::DefaultTerminal, mouse: bool) -> std::io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    execute!(
        std::io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        crossterm::cursor::Hide
    )?;
    if mouse {
        execute!(std::io::stdout(), event::EnableMouseCapture)?;
    }
    terminal.clear()
}

/// Stops like a shell job, terminal handed back first; returns once `fg` continued us.
fn suspend(
    terminal: &mut ratatui::DefaultTerminal,
    watch: &signals::Watch,
    mouse: bool,
) -> std::io::Result<()> {
    leave(mouse);
    signals::stop_now();
    watch.forget_continue();
    take_back(terminal, mouse)
}

/// The watched folder and how to load it again.
type Changes<'a> = Option<(
    &'a watch::FolderWatch,
    &'a dyn Fn() -> Result<Corpus, Vec<Diagnostic>>,
)>;

/// Runs until the user quits (`None`) or a signal asks the process to end (its number).
fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    watch: &signals::Watch,
    mouse: bool,
    changes: Changes,
) -> std::io::Result<Option<i32>> {
    // For the real-terminal test that a panic hands the terminal back: a panic on demand,
    // after the first frame, when this variable is set.
    let panic_on_demand = std::env::var_os("PEACEDIFF_TEST_PANIC").is_some();
    while !app.quit {
        terminal.draw(|frame| ui::render(frame, app))?;
        if panic_on_demand {
            panic!("PEACEDIFF_TEST_PANIC is set: panicking after the first frame");
        }
        // With the frame on screen, the compared pair is aligned on another thread, so that
        // showing Compare does not wait for it.
        app.align_in_background();
        loop {
            match watch.take() {
                Some(Pending::End(sig)) => return Ok(Some(sig)),
                Some(Pending::Stop) => {
                    suspend(terminal, watch, mouse)?;
                    break;
                }
                Some(Pending::Continued) => {
                    take_back(terminal, mouse)?;
                    break;
                }
                None => {}
            }
            if let Some((folder, reload)) = changes
                && folder.changed()
            {
                app.reload(reload());
                break;
            }
            // An alignment that arrives while Compare waits for it is shown at once.
            if app.take_background(false) && app.view == action::View::Compare {
                break;
            }
            if event::poll(SIGNAL_POLL)? {
                if let Some(action) = to_action(app, event::read()?) {
                    app.update(action);
                }
                break;
            }
        }
        for effect in std::mem::take(&mut app.effects) {
            match effect {
                // OSC 52: the terminal sets the clipboard itself, so it works over ssh and
                // in tmux (`set-clipboard on`); crossterm writes the sequence.
                Effect::Clipboard(text) => crossterm::execute!(
                    std::io::stdout(),
                    crossterm::clipboard::CopyToClipboard::to_clipboard_from(text)
                )?,
                Effect::Suspend => suspend(terminal, watch, mouse)?,
            }
        }
    }
    Ok(None)
}

/// What an event means in the app's current mode.
pub fn to_action(app: &App, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(key) => match app.mode {
            Mode::Search { .. } | Mode::ExportPath { .. } | Mode::ConfirmOverwrite { .. } => {
                keymap::prompt_action(&key)
            }
            _ => app.keymap.action_for(app.view, &key),
        },
        Event::Mouse(m) => {
            let (column, row) = (m.column, m.row);
            match m.kind {
                MouseEventKind::ScrollUp => Some(Action::ScrollUp { column, row }),
                MouseEventKind::ScrollDown => Some(Action::ScrollDown { column, row }),
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
                _ => None,
            }
        }
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    }
}
