//! Turns the paths on the command line into the list of articles to read.
//!
//! Folders are walked as ripgrep walks them (hidden files and git-ignored
//! files skipped), and only the files the configuration's include and exclude
//! globs let through; files named explicitly are always read. The result is
//! sorted and free of duplicates, so output never depends on the file
//! system's order or on a path given twice.

use std::path::{Path, PathBuf};

use rustc_hash::FxHashSet;

use super::filter::Filter;
use super::{Skip, Source};

/// The articles under `paths` (`-` is standard input), and the paths that
/// could not be walked.
pub fn discover(paths: &[PathBuf], filter: Option<&Filter>) -> (Vec<Source>, Vec<Skip>) {
    let admits = |path: &Path, named: bool| filter.is_none_or(|f| f.admits(path, named));
    // Sorted and deduplicated once at the end: a sorted set compared paths
    // component by component at every insertion, a quarter of a walk of
    // 20,000 files.
    let mut found = Vec::new();
    // Only asked whether a file was seen (the order is `found`'s): hashed,
    // since comparing paths component by component cost about as much as
    // the rest of the walk.
    let mut seen_real = FxHashSet::default();
    let mut skips = Vec::new();
    for path in paths {
        if path == Path::new("-") {
            found.push(Source::Stdin);
            continue;
        }
        // `metadata` follows links: a link to nowhere, or a loop of links,
        // is reported with the system's reason rather than "no such file".
        if let Err(e) = std::fs::metadata(path) {
            let (reason, help) = if e.kind() == std::io::ErrorKind::NotFound
                && std::fs::symlink_metadata(path).is_err()
            {
                (
                    "no such file or directory".to_string(),
                    "check the path; with no paths quotecheck reads articles/",
                )
            } else if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
                (
                    format!("cannot read: {e}"),
                    "check where the link points (`ls -l`); links in walked folders are not followed",
                )
            } else {
                (
                    format!("cannot read: {e}"),
                    "check the path; with no paths quotecheck reads articles/",
                )
            };
            skips.push(Skip::error(
                &Source::File {
                    path: path.clone(),
                    named: true,
                },
                reason,
                help,
            ));
            continue;
        }
        if !path.is_dir() {
            if admits(path, true) {
                let real = real_path(path);
                add(&mut found, &mut seen_real, path.clone(), real, true);
            }
            continue;
        }
        // The walk follows no links, so below the folder's real path a file
        // is where the walk found it: one canonical path for the folder, not
        // one for each file (its links resolved a component at a time, a
        // third of the walk's time).
        let real_root = std::fs::canonicalize(path).ok();
        for entry in ignore::WalkBuilder::new(path).build() {
            match entry {
                Ok(entry)
                    if entry.file_type().is_some_and(|t| t.is_file())
                        && admits(entry.path(), false) =>
                {
                    let below = |root: &PathBuf| {
                        let rest = entry.path().strip_prefix(path).ok()?;
                        Some(root.join(rest))
                    };
                    let real = match real_root.as_ref().and_then(below) {
                        Some(real) => real,
                        None => real_path(entry.path()),
                    };
                    add(&mut found, &mut seen_real, entry.into_path(), real, false);
                }
                Ok(_) => {}
                Err(e) => skips.push(Skip {
                    name: path.display().to_string(),
                    reason: format!("cannot walk: {e}"),
                    help: None,
                    is_error: true,
                }),
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    (found, skips)
}

/// The file's path with every link resolved, or the path as it is when
/// that fails.
fn real_path(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Adds a file, whose path with every link resolved is `real`, unless the
/// same file was already added under another name.
fn add(
    found: &mut Vec<Source>,
    seen_real: &mut FxHashSet<PathBuf>,
    path: PathBuf,
    real: PathBuf,
    named: bool,
) {
    if seen_real.insert(real) {
        found.push(Source::File { path, named });
    }
}
