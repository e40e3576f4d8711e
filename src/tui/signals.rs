//! Signals while the app owns the terminal. In raw mode Ctrl-C and Ctrl-Z arrive as keys, but
//! `kill`, a closing terminal (SIGHUP), job control (SIGTSTP from outside, SIGSTOP then SIGCONT)
//! arrive as signals, and their default actions would end or stop the process with the terminal
//! still in raw mode, on the alternate screen, with the cursor hidden and mouse reporting on.
//!
//! The `signal-hook` crate sets flags from its handlers (nothing else is safe in a handler);
//! the event loop looks at them between waits for input and does the work: hands the terminal
//! back, then ends or stops the process the way the signal's default action would, so shells
//! and supervisors see what they expect.

use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// How long the watchdog waits for the event loop to end the process after an ending signal.
const GRACE: std::time::Duration = std::time::Duration::from_millis(400);

/// What the event loop has to do about signals that arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    /// A signal that ends the process (its number).
    End(i32),
    /// Stop as a shell job (SIGTSTP).
    Stop,
    /// The process was continued after a stop it did not arrange (SIGSTOP): take the terminal
    /// back and redraw.
    Continued,
}

/// The flags the handlers set.
pub struct Watch {
    end: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    cont: Arc<AtomicBool>,
}

impl Watch {
    /// Installs the handlers for the app's lifetime. `restore` hands the terminal back; a
    /// watchdog thread calls it itself if the event loop has not ended the process shortly
    /// after an ending signal — as when the terminal was closed under the app and waiting for
    /// input never returns.
    pub fn install(restore: fn(bool), mouse: bool) -> std::io::Result<Watch> {
        let w = Watch {
            end: Arc::new(AtomicUsize::new(0)),
            stop: Arc::new(AtomicBool::new(false)),
            cont: Arc::new(AtomicBool::new(false)),
        };
        let mut ending = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP, SIGQUIT])?;
        let end = Arc::clone(&w.end);
        std::thread::spawn(move || {
            if let Some(sig) = ending.forever().next() {
                end.store(sig as usize, Ordering::SeqCst);
                // The event loop looks every 100 ms; give it time to end cleanly first.
                std::thread::sleep(GRACE);
                restore(mouse);
                end_now(sig);
            }
        });
        signal_hook::flag::register(SIGTSTP, Arc::clone(&w.stop))?;
        signal_hook::flag::register(SIGCONT, Arc::clone(&w.cont))?;
        Ok(w)
    }

    /// The most urgent thing to do, if any, clearing its flag (an ending signal wins).
    pub fn take(&self) -> Option<Pending> {
        match self.end.swap(0, Ordering::SeqCst) {
            0 => {}
            sig => return Some(Pending::End(sig as i32)),
        }
        if self.stop.swap(false, Ordering::SeqCst) {
            return Some(Pending::Stop);
        }
        self.cont
            .swap(false, Ordering::SeqCst)
            .then_some(Pending::Continued)
    }

    /// Forgets a SIGCONT that our own resume produced.
    pub fn forget_continue(&self) {
        self.cont.store(false, Ordering::SeqCst);
    }
}

/// Stops the process as SIGTSTP's default action would, returning when it is continued.
pub fn stop_now() {
    let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
}

/// Ends the process as `sig`'s default action would (the shell sees "killed by SIGTERM"); if
/// that does not end it, exits with the conventional 128 + the signal number. (The same as
/// `cli::interrupt::end_by`; the app's modules are also built into the render benchmark,
/// which has no `cli`.)
pub fn end_now(sig: i32) -> ! {
    let _ = signal_hook::low_level::emulate_default_handler(sig);
    std::process::exit(128 + sig)
}
