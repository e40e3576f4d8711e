//! Writing files from the command line without leaving debris when interrupted. While a file is
//! written, SIGINT, SIGTERM, SIGHUP and SIGQUIT only set a flag (`signal-hook`); the write checks
//! it between chunks and gives up cleanly, removing its temporary file, and the process then ends
//! by that signal as it would have, so shells and scripts see the usual status.

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Runs `write` with a check that says whether a signal arrived; unregisters the handlers
/// afterwards and, if one did, ends the process by that signal (the write, told to stop, has
/// removed what it started).
pub fn guarded<T>(write: impl FnOnce(&dyn Fn() -> bool) -> T) -> T {
    let caught = Arc::new(AtomicUsize::new(0));
    let ids: Vec<signal_hook::SigId> = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
        .into_iter()
        .filter_map(|sig| {
            signal_hook::flag::register_usize(sig, Arc::clone(&caught), sig as usize).ok()
        })
        .collect();
    let result = write(&|| caught.load(Ordering::SeqCst) != 0);
    for id in ids {
        signal_hook::low_level::unregister(id);
    }
    match caught.load(Ordering::SeqCst) {
        0 => result,
        sig => end_by(sig as i32),
    }
}

/// Ends the process as `sig`'s default action would; if that does not end it, exits with the
/// conventional 128 + the signal number.
pub fn end_by(sig: i32) -> ! {
    let _ = signal_hook::low_level::emulate_default_handler(sig);
    std::process::exit(128 + sig)
}
