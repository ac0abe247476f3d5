//! `quotecheck init`: a starter list, configuration and article, so that a
//! newsroom's first run works and shows what each file is for.
//!
//! Nothing is overwritten: if any of the files exists, none is written.

use std::path::{Path, PathBuf};

/// The files `init` writes, relative to its folder, with their contents.
pub const FILES: &[(&str, &str)] = &[
    ("quotes.yaml", include_str!("quotes.yaml")),
    ("quotecheck.toml", include_str!("quotecheck.toml")),
    ("articles/example.md", include_str!("example.md")),
];

/// Writes the starter files into `dir`; returns the paths written. Refuses,
/// writing nothing, when any of them exists.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, String> {
    // Anything already there counts, a link to nowhere included; so does a
    // file where a folder must go (`articles`). All is checked before any
    // file is written.
    let taken = |path: &Path| -> Option<PathBuf> {
        if std::fs::symlink_metadata(path).is_ok() {
            return Some(path.to_path_buf());
        }
        path.ancestors()
            .skip(1)
            .take_while(|a| *a != dir)
            .find(|a| std::fs::symlink_metadata(a).is_ok_and(|m| !m.is_dir()))
            .map(Path::to_path_buf)
    };
    let mut existing: Vec<String> = FILES
        .iter()
        .filter_map(|(name, _)| taken(&dir.join(name)))
        .map(|path| path.display().to_string())
        .collect();
    existing.dedup();
    if !existing.is_empty() {
        return Err(format!(
            "not written: {} already exist{}\n  help: run `quotecheck init` in a new folder, or move them away",
            existing.join(", "),
            if existing.len() == 1 { "s" } else { "" }
        ));
    }
    let mut written = Vec::new();
    for (name, contents) in FILES {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&path, contents)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}
