//! `quotecheck.toml`: the settings a newsroom keeps beside its list and
//! articles, so that every editor and every CI job runs the same check.
//!
//! It is found from the current directory upwards (like `.editorconfig`,
//! `ruff.toml` or `typos.toml`), and paths in it are relative to the folder
//! it is in. Unknown keys are errors that name the line: a misspelt setting
//! silently ignored is a check silently not made.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::FailOn;
use crate::matcher::Thresholds;
use crate::report::{Level, Rule};

/// The file's name.
pub const FILE_NAME: &str = "quotecheck.toml";

/// The file as written. Every field is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct File {
    /// The quote list.
    pub quotes: Option<PathBuf>,
    /// Articles and folders to check when the command line names none.
    pub paths: Option<Vec<PathBuf>>,
    /// Globs a walked file must match (all files when empty).
    #[serde(default)]
    pub include: Vec<String>,
    /// Globs of walked files to leave out.
    #[serde(default)]
    pub exclude: Vec<String>,
    pub fail_on: Option<FailOn>,
    /// The baseline `check` reads and `baseline` writes.
    pub baseline: Option<PathBuf>,
    /// Levels by rule code (`QC003 = "error"`).
    #[serde(default)]
    pub rules: BTreeMap<toml::Spanned<String>, Level>,
    /// The matcher's thresholds, key by key.
    pub matching: Option<toml::Spanned<Thresholds>>,
}

/// A configuration file and where its relative paths start.
#[derive(Debug)]
pub struct Found {
    /// The file, as a path from the current directory.
    pub path: PathBuf,
    /// The folder it is in, as a path from the current directory (`.`,
    /// `..`, `../..`), so that paths read from it stay relative.
    pub dir: PathBuf,
    pub file: File,
}

/// A problem in the file, with the line it is on.
#[derive(Debug)]
pub struct FileError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
    pub help: String,
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}\n  help: {}", self.message, self.help)
    }
}

impl std::error::Error for FileError {}

/// The nearest `quotecheck.toml` from `cwd` upwards, as a relative path.
pub fn discover(cwd: &Path) -> Option<PathBuf> {
    let mut up = PathBuf::new();
    for dir in cwd.ancestors() {
        if dir.join(FILE_NAME).is_file() {
            return Some(up.join(FILE_NAME));
        }
        up.push("..");
    }
    None
}

/// Reads and parses the file at `path`.
pub fn load(path: &Path) -> Result<Found, FileError> {
    let fail = |line, message: String, help: &str| FileError {
        path: path.to_path_buf(),
        line,
        message,
        help: help.to_string(),
    };
    let text = std::fs::read_to_string(path).map_err(|e| {
        fail(
            None,
            format!("cannot read the configuration: {e}"),
            "correct --config, or pass --isolated to run without one",
        )
    })?;
    let file: File = toml::from_str(&text).map_err(|e| {
        let line = e.span().map(|s| line_of(&text, s.start));
        let message = e.message().trim_end().to_string();
        let help = if message.contains("unknown field") {
            "check the spelling; the README lists every key of quotecheck.toml"
        } else {
            "see the README for the format of quotecheck.toml"
        };
        fail(line, message, help)
    })?;
    for (key, level) in &file.rules {
        let at = Some(line_of(&text, key.span().start));
        match key.get_ref().parse::<Rule>() {
            Err(e) => {
                return Err(fail(
                    at,
                    e,
                    "`quotecheck config` lists every rule; the README explains each",
                ));
            }
            Ok(Rule::ListError) if *level != Level::Error => {
                return Err(fail(
                    at,
                    "QC100 (invalid-quote-list) is always an error: a list that cannot be read checks nothing".into(),
                    "remove the line, and fix the list",
                ));
            }
            Ok(_) => {}
        }
    }
    if let Some(matching) = &file.matching
        && let Err(e) = matching.get_ref().validate()
    {
        // Messages start with the key; point at its line in the table.
        let key = e.split_whitespace().next().unwrap_or_default();
        let at = text[matching.span().start..]
            .lines()
            .scan(matching.span().start, |offset, line| {
                let start = *offset;
                *offset += line.len() + 1;
                Some((start, line))
            })
            .find(|(_, line)| {
                line.trim_start()
                    .strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with('='))
            })
            .map_or(matching.span().start, |(start, _)| start);
        return Err(fail(
            Some(line_of(&text, at)),
            format!("[matching]: {e}"),
            "the README gives each threshold's meaning and default",
        ));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok(Found {
        path: path.to_path_buf(),
        dir,
        file,
    })
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}
