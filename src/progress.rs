//! The progress bar of long runs, on stderr.
//!
//! Drawn only where a person is watching: stderr is a terminal and `CI` is
//! not set (CI logs are files, where a bar is noise), and only once a run
//! has lasted half a second, so a short run never flickers. Redrawn at most
//! ten times a second, and cleared before anything else is printed.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use quotecheck::check::Progress;

/// A run shorter than this shows no bar.
const QUIET_FOR: Duration = Duration::from_millis(500);

/// The bar is redrawn at most this often.
const REDRAW_EVERY: Duration = Duration::from_millis(100);

/// Characters of the bar itself.
const WIDTH: usize = 30;

pub struct Bar {
    enabled: bool,
    quiet_for: Duration,
    state: Mutex<State>,
}

struct State {
    started: Instant,
    drawn: Option<Instant>,
}

impl Bar {
    /// A bar that draws when stderr is a terminal outside CI and `also`
    /// holds (a streamed report to a terminal would mix with it).
    pub fn for_terminal(also: bool) -> Self {
        let enabled = also && std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        // Tests watch the bar on a pseudo-terminal without waiting for it.
        let quiet_for = match std::env::var("QUOTECHECK_PROGRESS_AFTER_MS") {
            Ok(ms) if cfg!(debug_assertions) => {
                Duration::from_millis(ms.parse().unwrap_or(QUIET_FOR.as_millis() as u64))
            }
            _ => QUIET_FOR,
        };
        Bar {
            enabled,
            quiet_for,
            state: Mutex::new(State {
                started: Instant::now(),
                drawn: None,
            }),
        }
    }

    /// Shows how far the run is, if it is time to.
    pub fn update(&self, progress: Progress) {
        if !self.enabled {
            return;
        }
        let Ok(mut state) = self.state.lock() else {
            return;
        };
        let now = Instant::now();
        let last = progress.total == Some(progress.done);
        if now.duration_since(state.started) < self.quiet_for
            || (!last
                && state
                    .drawn
                    .is_some_and(|d| now.duration_since(d) < REDRAW_EVERY))
        {
            return;
        }
        state.drawn = Some(now);
        let mut stderr = std::io::stderr().lock();
        let _ = write!(stderr, "\r{}", line(progress));
        let _ = stderr.flush();
    }

    /// Takes the bar off the screen, before anything else is printed.
    pub fn clear(&self) {
        if let Ok(mut state) = self.state.lock()
            && state.drawn.take().is_some()
        {
            let mut stderr = std::io::stderr().lock();
            let _ = write!(stderr, "\r\x1b[2K");
            let _ = stderr.flush();
        }
    }
}

/// `[=========>          ] 1,234/20,000 articles`, or a count alone when
/// the total is not known.
fn line(progress: Progress) -> String {
    match progress.total {
        Some(total) if total > 0 => {
            let filled = WIDTH * progress.done.min(total) / total;
            let head = if filled < WIDTH { ">" } else { "" };
            format!(
                "[{}{head}{}] {}/{total} articles",
                "=".repeat(filled),
                " ".repeat(WIDTH - filled - head.len()),
                progress.done
            )
        }
        _ => format!("{} articles checked", progress.done),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_fills_with_the_articles_done() {
        let at = |done, total| line(Progress { done, total });
        assert_eq!(
            at(0, Some(4)),
            format!("[>{}] 0/4 articles", " ".repeat(29))
        );
        assert_eq!(
            at(2, Some(4)),
            format!("[{}>{}] 2/4 articles", "=".repeat(15), " ".repeat(14))
        );
        assert_eq!(at(4, Some(4)), format!("[{}] 4/4 articles", "=".repeat(30)));
        assert_eq!(at(7, None), "7 articles checked");
    }
}
