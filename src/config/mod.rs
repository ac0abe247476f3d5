//! The validated settings of one run, built from the command line and the
//! configuration file before any work starts, so that no stage has to
//! second-guess its input. The command line wins over the file, the file over
//! the defaults.

pub mod file;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::corpus::InputFormat;
use crate::corpus::filter::Filter;
use crate::exit;
use crate::matcher::Thresholds;
use crate::report::{DEFAULT_BASELINE, Levels, Report, Rule, Severity};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: annotated excerpts, word diffs, a summary.
    Human,
    /// `path:line:col: QC002 message`, one problem a line.
    Concise,
    /// The report as one JSON document.
    Json,
    /// One JSON record a line.
    Jsonl,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// GitHub Actions workflow commands, then the human report.
    Github,
    /// One self-contained web page: each article with its quotations
    /// marked, the record and the diff beside them (use with `-o`).
    Html,
}

/// When to colour human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The lowest severity that fails the run (exit 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::Error => "error",
            FailOn::Warning => "warning",
            FailOn::Info => "info",
            FailOn::Never => "never",
        }
    }

    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// Settings for a run.
#[derive(Debug, Clone)]
pub struct Config {
    /// The configuration file read, if any.
    pub file: Option<PathBuf>,
    pub quotes: PathBuf,
    /// Articles and folders to check; `-` is standard input.
    pub paths: Vec<PathBuf>,
    /// Include and exclude globs for walked files, if any were given.
    pub globs: Option<Filter>,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub format: Format,
    /// Colour resolved against the terminal and `NO_COLOR`.
    pub color: bool,
    pub fail_on: FailOn,
    /// Exit 0 even when problems were found (input errors still exit 2).
    pub exit_zero: bool,
    pub levels: Levels,
    pub thresholds: Thresholds,
    /// The baseline to read (`check`) or write (`baseline`).
    pub baseline: Option<PathBuf>,
    /// Drop the baseline's stale entries after the run.
    pub prune: bool,
    /// The paths are the whole corpus (none were named on the command line).
    pub whole: bool,
    /// Where the report goes; standard output when `None`.
    pub output: Option<PathBuf>,
    /// Articles checked at once. The output does not depend on it.
    pub threads: usize,
    /// How articles are read (by extension unless told).
    pub input_format: InputFormat,
}

/// What the command line says; `None` leaves the choice to the file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub quotes: Option<PathBuf>,
    pub paths: Vec<PathBuf>,
    pub config: Option<PathBuf>,
    pub isolated: bool,
    pub format: Option<Format>,
    pub color: Option<ColorChoice>,
    pub fail_on: Option<FailOn>,
    pub exit_zero: bool,
    pub baseline: Option<PathBuf>,
    pub prune: bool,
    pub force_exclude: bool,
    pub output: Option<PathBuf>,
    pub threads: Option<usize>,
    pub input_format: Option<InputFormat>,
}

/// Where quotecheck looks when told nothing.
pub const DEFAULT_QUOTES: &str = "quotes.yaml";
pub const DEFAULT_ARTICLES: &str = "articles";

impl Config {
    /// Settings from the command line, the configuration file found from
    /// `cwd` upwards (unless `--isolated`), and the defaults.
    pub fn resolve(cli: Overrides, cwd: &Path) -> anyhow::Result<Self> {
        let found = match (&cli.config, cli.isolated) {
            (Some(path), _) => Some(file::load(path)?),
            (None, true) => None,
            (None, false) => file::discover(cwd).map(|p| file::load(&p)).transpose()?,
        };
        let (dir, file) = match found {
            Some(found) => (Some(found.dir), Some((found.path, found.file))),
            None => (None, None),
        };
        // Paths in the file are relative to its folder.
        let from_file = |p: &Path| match &dir {
            Some(dir) if p.is_relative() && dir != Path::new(".") => dir.join(p),
            _ => p.to_path_buf(),
        };
        let (path, settings) = match file {
            Some((path, settings)) => (Some(path), settings),
            None => (None, file::File::default()),
        };
        let quotes = match (cli.quotes, &settings.quotes) {
            (Some(q), _) => q,
            (None, Some(q)) => from_file(q),
            (None, None) => from_file(Path::new(DEFAULT_QUOTES)),
        };
        let whole = cli.paths.is_empty();
        let paths = match (cli.paths.is_empty(), &settings.paths) {
            (false, _) => cli.paths,
            (true, Some(paths)) => paths.iter().map(|p| from_file(p)).collect(),
            (true, None) => vec![from_file(Path::new(DEFAULT_ARTICLES))],
        };
        let mut levels = Levels::default();
        for (code, level) in &settings.rules {
            // Checked when the file was read.
            if let Ok(rule) = code.get_ref().parse::<Rule>() {
                levels.set(rule, *level);
            }
        }
        let globs = Filter::new(
            cwd,
            dir.as_deref().unwrap_or(Path::new(".")),
            &settings.include,
            &settings.exclude,
            cli.force_exclude,
        )
        .map_err(|e| {
            let name = path.as_deref().unwrap_or(Path::new(file::FILE_NAME));
            anyhow::anyhow!(
                "{}: {e}\n  help: globs are written as in .gitignore, relative to the configuration's folder: `**/*.md`, `articles/drafts/**`",
                name.display()
            )
        })?;
        // The baseline named, or the default one when it exists: writing a
        // baseline and having `check` ignore it would surprise everyone.
        let default_baseline = from_file(Path::new(DEFAULT_BASELINE));
        let baseline = cli
            .baseline
            .or_else(|| settings.baseline.as_deref().map(from_file))
            .or_else(|| default_baseline.is_file().then_some(default_baseline));
        if cli.prune && baseline.is_none() {
            anyhow::bail!(
                "--prune: there is no baseline to prune\n  help: name one with --baseline FILE, or write one with `quotecheck baseline`"
            );
        }
        Ok(Config {
            file: path,
            quotes,
            paths,
            globs,
            include: settings.include,
            exclude: settings.exclude,
            format: cli.format.unwrap_or(Format::Human),
            fail_on: cli.fail_on.or(settings.fail_on).unwrap_or(FailOn::Error),
            exit_zero: cli.exit_zero,
            levels,
            thresholds: settings
                .matching
                .map(|m| m.into_inner())
                .unwrap_or_default(),
            baseline,
            prune: cli.prune,
            whole,
            // No colour codes in a file.
            color: cli.output.is_none()
                && resolve_color(
                    cli.color.unwrap_or(ColorChoice::Auto),
                    std::io::stdout().is_terminal(),
                    std::env::var_os("NO_COLOR"),
                ),
            output: cli.output,
            input_format: cli.input_format.unwrap_or_default(),
            threads: cli.threads.unwrap_or_else(|| {
                std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
            }),
        })
    }

    /// The file `quotecheck baseline` writes: `--baseline`, the file's
    /// `baseline`, or `.quotecheck-baseline.json` beside the configuration.
    pub fn baseline_to_write(&self) -> PathBuf {
        self.baseline.clone().unwrap_or_else(|| match &self.file {
            Some(file) => file.with_file_name(DEFAULT_BASELINE),
            None => PathBuf::from(DEFAULT_BASELINE),
        })
    }

    /// The exit code for a finished run.
    pub fn exit_code(&self, report: &Report) -> u8 {
        self.exit_code_of(report.has_input_errors(), report.worst())
    }

    /// The exit code for a run with these outcomes: some input could not be
    /// read, and the most severe problem reported.
    pub fn exit_code_of(&self, input_errors: bool, worst: Option<Severity>) -> u8 {
        if input_errors {
            return exit::ERROR;
        }
        if self.exit_zero {
            return exit::OK;
        }
        match (self.fail_on.threshold(), worst) {
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
