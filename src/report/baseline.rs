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
    pub fn of(diagnostics: &[Diagnostic]) -> Self {
        let mut entries: Vec<Entry> = diagnostics.iter().map(entry).collect();
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
    pub fn sift(&self, diagnostics: &mut Vec<Diagnostic>) -> Sifted {
        let mut left: HashMap<Key, usize> = HashMap::new();
        for e in &self.entries {
            *left.entry(key(e)).or_default() += 1;
        }
        let mut known = Vec::new();
        diagnostics.retain(|d| match left.get_mut(&owned(d.key())) {
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

fn owned((path, rule, quote, fingerprint): (&str, Rule, Option<&str>, &str)) -> Key {
    (
        path.to_string(),
        rule,
        quote.map(str::to_string),
        fingerprint.to_string(),
    )
}

fn entry(d: &Diagnostic) -> Entry {
    Entry {
        path: d.path.clone(),
        rule: d.rule,
        quote_id: d.quote_id.clone(),
        fingerprint: d.fingerprint.clone(),
        message: d.message.clone(),
    }
}
