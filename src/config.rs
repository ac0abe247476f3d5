//! The validated settings of one run, built from the command line before any
//! work starts, so that no stage has to second-guess its input.

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::exit;
use crate::report::{Report, Severity};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
}

/// When to colour human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The lowest severity that fails the run (exit 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// Settings for `quotecheck check`.
#[derive(Debug, Clone)]
pub struct Config {
    pub quotes: PathBuf,
    /// Articles and folders to check; `-` is standard input.
    pub paths: Vec<PathBuf>,
    pub format: Format,
    /// Colour resolved against the terminal and `NO_COLOR`.
    pub color: bool,
    pub fail_on: FailOn,
}

/// Where quotecheck looks when told nothing.
pub const DEFAULT_QUOTES: &str = "quotes.yaml";
pub const DEFAULT_ARTICLES: &str = "articles";

impl Config {
    pub fn new(
        quotes: Option<PathBuf>,
        paths: Vec<PathBuf>,
        format: Format,
        color: ColorChoice,
        fail_on: FailOn,
    ) -> Self {
        let paths = if paths.is_empty() {
            vec![PathBuf::from(DEFAULT_ARTICLES)]
        } else {
            paths
        };
        Config {
            quotes: quotes.unwrap_or_else(|| PathBuf::from(DEFAULT_QUOTES)),
            paths,
            format,
            color: resolve_color(
                color,
                std::io::stdout().is_terminal(),
                std::env::var_os("NO_COLOR"),
            ),
            fail_on,
        }
    }

    /// The exit code for a finished run.
    pub fn exit_code(&self, report: &Report) -> u8 {
        if report.has_input_errors() {
            return exit::ERROR;
        }
        match (self.fail_on.threshold(), report.worst()) {
            (Some(threshold), Some(worst)) if worst >= threshold => exit::FINDINGS,
            _ => exit::OK,
        }
    }
}

/// `always` and `never` are obeyed; `auto` colours a terminal unless
/// `NO_COLOR` is set to a non-empty value (no-color.org).
fn resolve_color(
    choice: ColorChoice,
    terminal: bool,
    no_color: Option<std::ffi::OsString>,
) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && no_color.is_none_or(|v| v.is_empty()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_is_honoured_in_auto_mode_only() {
        assert!(resolve_color(ColorChoice::Auto, true, None));
        assert!(!resolve_color(ColorChoice::Auto, true, Some("1".into())));
        assert!(resolve_color(ColorChoice::Auto, true, Some("".into())));
        assert!(!resolve_color(ColorChoice::Auto, false, None));
        assert!(resolve_color(ColorChoice::Always, false, Some("1".into())));
    }
}
