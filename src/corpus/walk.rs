//! Turns the paths on the command line into the list of articles to read.
//!
//! Folders are walked as ripgrep walks them (hidden files and git-ignored
//! files skipped), and only the files the configuration's include and exclude
//! globs let through; files named explicitly are always read. The result is
//! sorted and free of duplicates, so output never depends on the file
//! system's order or on a path given twice.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use super::filter::Filter;
use super::{Skip, Source};

/// The articles under `paths` (`-` is standard input), and the paths that
/// could not be walked.
pub fn discover(paths: &[PathBuf], filter: Option<&Filter>) -> (Vec<Source>, Vec<Skip>) {
    let admits = |path: &Path, named: bool| filter.is_none_or(|f| f.admits(path, named));
    let mut found = BTreeSet::new();
    // Only asked whether a file was seen (the order is `found`'s): hashed,
    // since comparing paths component by component cost about as much as
    // the rest of the walk.
    let mut seen_real = HashSet::new();
    let mut skips = Vec::new();
    for path in paths {
        if path == Path::new("-") {
            found.insert(Source::Stdin);
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
                add(&mut found, &mut seen_real, path.clone(), true);
            }
            continue;
        }
        for entry in ignore::WalkBuilder::new(path).build() {
            match entry {
                Ok(entry)
                    if entry.file_type().is_some_and(|t| t.is_file())
                        && admits(entry.path(), false) =>
                {
                    add(&mut found, &mut seen_real, entry.into_path(), false);
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
    (found.into_iter().collect(), skips)
}

/// Adds a file unless the same file was already added under another name.
fn add(found: &mut BTreeSet<Source>, seen_real: &mut HashSet<PathBuf>, path: PathBuf, named: bool) {
    let real = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
    if seen_real.insert(real) {
        found.insert(Source::File { path, named });
    }
}
