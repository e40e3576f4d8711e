//! The terminal app's event loop: the only code that touches the terminal and its events.
//!
//! `ratatui::init` sets up raw mode, the alternate screen and a panic hook that restores the
//! terminal before the panic message prints; mouse capture is switched off in the same hook.
//! Events become `Action`s, `App::update` applies them, and the effects it queues (the
//! clipboard) are carried out here.

// Public inside the binary so the render benchmark (benches/render.rs) can build an App.
pub mod action;
pub mod app;
mod keymap;
mod layout;
#[cfg(test)]
mod readme_screens;
#[cfg(test)]
pub(crate) mod testkit;
pub mod theme;
pub mod ui;
mod wrap;

use action::Action;
use app::{App, Effect, Mode};
use crossterm::event::{self, Event, MouseButton, MouseEventKind};
use crossterm::execute;
use peacediff::model::Corpus;

pub struct Options {
    pub color: bool,
    pub mouse: bool,
}

/// Runs the app until the user quits. The terminal is restored on every way out.
pub fn run(corpus: Corpus, options: Options) -> std::io::Result<()> {
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
        let theme = theme::Theme::new(options.color);
        let mut app = App::new(corpus, theme, size.width, size.height);
        event_loop(&mut terminal, &mut app)
    });
    if options.mouse {
        let _ = execute!(std::io::stdout(), event::DisableMouseCapture);
    }
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> std::io::Result<()> {
    while !app.quit {
        terminal.draw(|frame| ui::render(frame, app))?;
        if let Some(action) = to_action(app, event::read()?) {
            app.update(action);
        }
        for effect in std::mem::take(&mut app.effects) {
            match effect {
                // OSC 52: the terminal sets the clipboard itself, so it works over ssh and
                // in tmux (`set-clipboard on`); crossterm writes the sequence.
                Effect::Clipboard(text) => crossterm::execute!(
                    std::io::stdout(),
                    crossterm::clipboard::CopyToClipboard::to_clipboard_from(text)
                )?,
            }
        }
    }
    Ok(())
}

/// What an event means in the app's current mode.
pub fn to_action(app: &App, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(key) => match app.mode {
            Mode::Search { .. } | Mode::ExportPath { .. } | Mode::ConfirmOverwrite { .. } => {
                keymap::prompt_action(&key)
            }
            _ => keymap::action_for(app.view, &key),
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
