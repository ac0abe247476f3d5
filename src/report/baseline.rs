//! Baselines: the problems a newsroom already knows about, written down so
//! that CI fails only on new ones. Adopting quotecheck over an archive of
//! thousands of articles should not mean fixing every old story first.
//!
//! An entry is keyed by article path, rule, statement id and fingerprint
//! (the statement and its printed words), never by line: a paragraph added
//! above an old problem does not make it new. Entries form a multiset, so
//! the same problem printed twice in one article needs two entries.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Diagnostic, Rule};
use crate::corpus::filter::absolute;

/// The file `quotecheck baseline` writes when told nothing else.
pub const DEFAULT_BASELINE: &str = ".quotecheck-baseline.json";

/// Version of the baseline file format.
const BASELINE_VERSION: u32 = 1;

/// One known problem.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub path: String,
    pub rule: Rule,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_id: Option<String>,
    pub fingerprint: String,
    /// The message when the entry was written, for people reading the file.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message: String,
}

/// Where a baseline's paths start: the folder of its file. Articles are
/// reported relative to where quotecheck runs; the baseline stores them
/// relative to itself, so that a run from a subfolder, or with `./articles`
/// for `articles`, finds the same entries.
#[derive(Debug, Clone)]
pub struct Anchor {
    cwd: PathBuf,
    dir: PathBuf,
}

impl Anchor {
    /// The anchor of the baseline `file`, for a run in `cwd` (absolute).
    pub fn new(cwd: &Path, file: &Path) -> Self {
        let dir = absolute(cwd, file);
        Anchor {
            cwd: cwd.to_path_buf(),
            dir: dir.parent().map(Path::to_path_buf).unwrap_or(dir),
        }
    }

    /// A reported path as the baseline writes it, `/`-separated. Standard
    /// input stays `<stdin>`.
    pub fn path(&self, reported: &str) -> String {
        if reported == crate::corpus::STDIN_NAME {
            return reported.to_string();
        }
        let target = absolute(&self.cwd, Path::new(reported));
        let (base, target): (Vec<_>, Vec<_>) = (
            self.dir.components().collect(),
            target.components().collect(),
        );
        let common = base.iter().zip(&target).take_while(|(a, b)| a == b).count();
        let mut parts: Vec<String> = vec!["..".to_string(); base.len() - common];
        parts.extend(
            target[common..]
                .iter()
                .map(|c| c.as_os_str().to_string_lossy().into_owned()),
        );
        parts.join("/")
    }
}

/// The known problems.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub entries: Vec<Entry>,
}

/// Why a baseline could not be read.
#[derive(Debug)]
pub struct BaselineError {
    pub path: PathBuf,
    pub message: String,
    pub help: &'static str,
}

impl std::fmt::Display for BaselineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {}\n  help: {}",
            self.path.display(),
            self.message,
            self.help
        )
    }
}

impl std::error::Error for BaselineError {}

impl Baseline {
    /// The baseline of the problems of a run, sorted so that the file is the
    /// same whatever the order the articles were read in.
    pub fn of(diagnostics: &[Diagnostic], anchor: &Anchor) -> Self {
        let mut entries: Vec<Entry> = diagnostics.iter().map(|d| entry(d, anchor)).collect();
        entries.sort();
        Baseline {
            version: BASELINE_VERSION,
            entries,
        }
    }

    pub fn load(path: &Path) -> Result<Self, BaselineError> {
        let fail = |message: String, help| BaselineError {
            path: path.to_path_buf(),
            message,
            help,
        };
        let text = std::fs::read_to_string(path).map_err(|e| {
            fail(
                format!("cannot read the baseline: {e}"),
                "write one with `quotecheck baseline`, or correct --baseline",
            )
        })?;
        let baseline: Baseline = serde_json::from_str(&text).map_err(|e| {
            fail(
                format!("is not a quotecheck baseline: {e}"),
                "write it again with `quotecheck baseline`",
            )
        })?;
        if baseline.version != BASELINE_VERSION {
            return Err(fail(
                format!(
                    "is baseline version {}; this quotecheck reads version {BASELINE_VERSION}",
                    baseline.version
                ),
                "write it again with `quotecheck baseline`",
            ));
        }
        Ok(baseline)
    }

    /// The baseline without `stale` (entries it holds).
    pub fn without(&self, stale: &[Entry]) -> Self {
        let mut drop: HashMap<Key, usize> = HashMap::new();
        for e in stale {
            *drop.entry(key(e)).or_default() += 1;
        }
        let entries = self
            .entries
            .iter()
            .filter(|e| match drop.get_mut(&key(e)) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            })
            .cloned()
            .collect();
        Baseline {
            version: self.version,
            entries,
        }
    }

    pub fn to_json(&self) -> String {
        let mut out = serde_json::to_string_pretty(self).expect("a baseline always serializes");
        out.push('\n');
        out
    }

    /// Splits `diagnostics` into the new ones, which are returned, and the
    /// known ones, which are removed; also returns the entries that matched
    /// nothing (fixed, or their article gone).
    pub fn sift(&self, diagnostics: &mut Vec<Diagnostic>, anchor: &Anchor) -> Sifted {
        let mut left: HashMap<Key, usize> = HashMap::new();
        for e in &self.entries {
            *left.entry(key(e)).or_default() += 1;
        }
        let mut known = Vec::new();
        diagnostics.retain(|d| match left.get_mut(&key(&entry(d, anchor))) {
            Some(n) if *n > 0 => {
                *n -= 1;
                known.push(d.clone());
                false
            }
            _ => true,
        });
        let mut stale = Vec::new();
        for e in &self.entries {
            if let Some(n) = left.get_mut(&key(e))
                && *n > 0
            {
                *n -= 1;
                stale.push(e.clone());
            }
        }
        Sifted { known, stale }
    }
}

/// What a baseline took out of a run.
#[derive(Debug, Default)]
pub struct Sifted {
    /// Problems the baseline knows.
    pub known: Vec<Diagnostic>,
    /// Entries that matched no problem.
    pub stale: Vec<Entry>,
}

/// Path, rule, statement id and fingerprint.
type Key = (String, Rule, Option<String>, String);

fn key(e: &Entry) -> Key {
    (
        e.path.clone(),
        e.rule,
        e.quote_id.clone(),
        e.fingerprint.clone(),
    )
}

fn entry(d: &Diagnostic, anchor: &Anchor) -> Entry {
    Entry {
        path: anchor.path(&d.path),
        rule: d.rule,
        quote_id: d.quote_id.clone(),
        fingerprint: d.fingerprint.clone(),
        message: d.message.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_kept_relative_to_the_baseline() {
        let root = Path::new("/news");
        let at_root = Anchor::new(root, Path::new(DEFAULT_BASELINE));
        assert_eq!(at_root.path("articles/a.txt"), "articles/a.txt");
        assert_eq!(
            at_root.path("./articles/../articles/a.txt"),
            "articles/a.txt"
        );
        assert_eq!(at_root.path("/news/articles/a.txt"), "articles/a.txt");
        let from_sub = Anchor::new(
            &root.join("desk"),
            Path::new("../.quotecheck-baseline.json"),
        );
        assert_eq!(from_sub.path("../articles/a.txt"), "articles/a.txt");
        let elsewhere = Anchor::new(root, Path::new("ci/known.json"));
        assert_eq!(elsewhere.path("articles/a.txt"), "../articles/a.txt");
        assert_eq!(elsewhere.path("<stdin>"), "<stdin>");
    }
}
