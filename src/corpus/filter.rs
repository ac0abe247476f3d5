//! The configuration's `include` and `exclude` globs. They are written
//! relative to the folder of `quotecheck.toml` and must mean the same files
//! from wherever quotecheck runs (`check .` in a subfolder, an absolute
//! path), so both the globs' root and every path tested are absolute.

use std::path::{Component, Path, PathBuf};

use ignore::overrides::{Override, OverrideBuilder};

/// Which walked files are articles.
#[derive(Debug, Clone)]
pub struct Filter {
    cwd: PathBuf,
    include: Option<Override>,
    exclude: Option<Override>,
    /// Apply `exclude` to files named on the command line too (as a
    /// pre-commit hook names them).
    force_exclude: bool,
}

impl Filter {
    /// The filter of globs relative to `root`, for a run in `cwd`
    /// (absolute); `None` when there are no globs.
    pub fn new(
        cwd: &Path,
        root: &Path,
        include: &[String],
        exclude: &[String],
        force_exclude: bool,
    ) -> Result<Option<Self>, ignore::Error> {
        if include.is_empty() && exclude.is_empty() {
            return Ok(None);
        }
        let root = absolute(cwd, root);
        let build = |globs: &[String], negate: bool| -> Result<Option<Override>, ignore::Error> {
            if globs.is_empty() {
                return Ok(None);
            }
            let mut builder = OverrideBuilder::new(&root);
            for glob in globs {
                if negate {
                    builder.add(&format!("!{glob}"))?;
                } else {
                    builder.add(glob)?;
                }
            }
            builder.build().map(Some)
        };
        Ok(Some(Filter {
            cwd: cwd.to_path_buf(),
            include: build(include, false)?,
            exclude: build(exclude, true)?,
            force_exclude,
        }))
    }

    /// Whether `path` (as walked or named) is checked. Named files skip the
    /// globs unless `force_exclude`, and then only `exclude` applies.
    pub fn admits(&self, path: &Path, named: bool) -> bool {
        if named && !self.force_exclude {
            return true;
        }
        let path = absolute(&self.cwd, path);
        let excluded = self
            .exclude
            .as_ref()
            .is_some_and(|e| e.matched(&path, false).is_ignore());
        let included = named
            || self
                .include
                .as_ref()
                .is_none_or(|i| !i.matched(&path, false).is_ignore());
        included && !excluded
    }
}

/// `path` made absolute against `cwd`, `.` and `..` applied by text alone.
pub fn absolute(cwd: &Path, path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in cwd.join(path).components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(force: bool) -> Filter {
        let globs = |g: &[&str]| g.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        Filter::new(
            Path::new("/news/articles"),
            Path::new(".."),
            &globs(&["*.md"]),
            &globs(&["articles/drafts/**"]),
            force,
        )
        .unwrap()
        .unwrap()
    }

    #[test]
    fn globs_mean_the_same_files_from_a_subfolder() {
        let f = filter(false);
        assert!(f.admits(Path::new("a.md"), false));
        assert!(f.admits(Path::new("./sub/a.md"), false));
        assert!(!f.admits(Path::new("a.txt"), false));
        assert!(!f.admits(Path::new("drafts/b.md"), false));
        assert!(!f.admits(Path::new("/news/articles/drafts/b.md"), false));
        // Named files are checked unless exclusion is forced.
        assert!(f.admits(Path::new("drafts/b.md"), true));
        assert!(f.admits(Path::new("notes.txt"), true));
        assert!(!filter(true).admits(Path::new("drafts/b.md"), true));
        assert!(filter(true).admits(Path::new("notes.txt"), true));
    }
}
