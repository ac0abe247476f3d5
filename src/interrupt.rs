//! Ctrl-C while a report or baseline is being written.
//!
//! Files are written to a temporary file beside the target and renamed over
//! it, so the target is always whole. Killed between the two, the process
//! would leave the temporary file behind: half a report under a hidden name.
//! The handler removes it first, then dies of SIGINT as if it had not been
//! there: a shell sees exit status 130 and a loop of runs
//! (`for f in *; do quotecheck check "$f"; done`) stops, as it does for a
//! program without a handler. Any other time Ctrl-C ends the run as usual:
//! nothing is written until the report is whole.

use std::path::PathBuf;
use std::sync::Mutex;

/// The temporary file being written, if any.
static WRITING: Mutex<Option<PathBuf>> = Mutex::new(None);

/// The exit code of a program stopped by SIGINT (128 + 2), as shells report
/// it; used only if dying of the signal fails.
const INTERRUPTED: i32 = 130;

/// Installs the handler; without it (some other handler already there),
/// Ctrl-C simply ends the process.
pub fn install() {
    let _ = ctrlc::set_handler(|| {
        if let Ok(writing) = WRITING.lock()
            && let Some(path) = writing.as_ref()
        {
            let _ = std::fs::remove_file(path);
        }
        // SAFETY: restoring the default disposition of SIGINT and raising
        // it are async-signal-safe libc calls with constant arguments; this
        // runs on ctrlc's own thread, not in a signal handler.
        unsafe {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            libc::raise(libc::SIGINT);
        }
        std::process::exit(INTERRUPTED);
    });
}

/// Says which temporary file is being written (`None` when done).
pub fn writing(path: Option<PathBuf>) {
    if let Ok(mut writing) = WRITING.lock() {
        *writing = path;
    }
}
