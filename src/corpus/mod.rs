//! The corpus: which articles to check, and their text.
//!
//! Archives are messy: a folder of articles holds images, exports in old
//! encodings, files nobody may read. One bad file must never stop the run,
//! so reading yields either an [`Article`] or a [`Skip`] that says what was
//! wrong with that file and how to fix it, and the caller goes on.

mod decode;
pub mod filter;
mod records;
mod walk;

use std::io::Read;

use crate::report::appearances::day_of;
use std::path::{Path, PathBuf};

/// How reports name standard input.
pub const STDIN_NAME: &str = "<stdin>";

pub use walk::discover;

/// Where an article comes from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// A file; `named` when the command line named it (not found by walking
    /// a folder).
    File {
        path: PathBuf,
        named: bool,
    },
    Stdin,
}

impl Source {
    /// The name used in reports: the path as given, or `<stdin>`.
    pub fn display_name(&self) -> String {
        match self {
            Source::File { path, .. } => path.display().to_string(),
            Source::Stdin => STDIN_NAME.to_string(),
        }
    }

    /// How to read this source: as `given`, or by its extension (standard
    /// input is plain text unless told otherwise).
    pub fn format(&self, given: InputFormat) -> InputFormat {
        if given != InputFormat::Auto {
            return given;
        }
        let extension = match self {
            Source::File { path, .. } => path
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase),
            Source::Stdin => None,
        };
        match extension.as_deref() {
            Some("md" | "markdown" | "mdx") => InputFormat::Markdown,
            Some("jsonl" | "ndjson") => InputFormat::Jsonl,
            Some("html" | "htm" | "xhtml") => InputFormat::Html,
            _ => InputFormat::Text,
        }
    }
}

/// How articles are read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// By extension: `.md`, `.markdown`, `.mdx` are Markdown, `.html`,
    /// `.htm`, `.xhtml` saved web pages, `.jsonl` and `.ndjson` JSON Lines
    /// corpora, anything else (and standard input) plain text.
    #[default]
    Auto,
    /// Plain text.
    Text,
    /// Markdown: links read as their text, HTML comments hidden (and
    /// read for suppressions).
    Markdown,
    /// A saved web page: the text a reader sees (scripts, styles and
    /// navigation left out), positions in the page's source lines.
    Html,
    /// A JSON Lines corpus: one article per line, `{"id": ..., "text": ...}`.
    Jsonl,
}

/// One article's text, ready for the text stage.
#[derive(Debug, Clone)]
pub struct Article {
    pub name: String,
    /// The text as the file has it: positions are counted in it.
    pub text: String,
    pub markup: Markup,
    /// When it was published (`YYYY-MM-DD`), when the article says so.
    pub date: Option<String>,
}

/// How an article's text is marked up, which decides how it is read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Markup {
    #[default]
    Plain,
    /// Markdown syntax (links, comments) is read as such.
    Markdown,
    /// A web page: what its reader sees, and the same as the later stages
    /// read it, offset for offset (see [`crate::text::html`]); its
    /// comments, where suppressions are.
    Html {
        shown: String,
        read: String,
        comments: Vec<std::ops::Range<usize>>,
    },
}

impl Article {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            text: text.into(),
            markup: Markup::Plain,
            date: None,
        }
    }

    /// A Markdown article; its date, if its front matter gives one.
    pub fn markdown(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        Self {
            markup: Markup::Markdown,
            date: front_matter_date(&text),
            ..Self::new(name, text)
        }
    }

    /// A web page, read as its reader sees it.
    pub fn html(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let page = crate::text::html::read(&text);
        Self {
            markup: Markup::Html {
                shown: page.text,
                read: page.read,
                comments: page.comments,
            },
            date: page.date,
            ..Self::new(name, text)
        }
    }

    /// The text as its reader sees it: a page's words without their
    /// markup, anything else as it is (byte for byte at the same offsets).
    pub fn shown(&self) -> &str {
        match &self.markup {
            Markup::Html { shown, .. } => shown,
            Markup::Plain | Markup::Markdown => &self.text,
        }
    }
}

/// The `date` (or `published`, `pubDate`) of a Markdown article's front
/// matter, as static site generators write it at the very start: YAML
/// (`---` lines around `key: value` lines) or TOML (`+++`, `key = value`).
fn front_matter_date(text: &str) -> Option<String> {
    let mut lines = text.trim_start_matches('\u{FEFF}').lines();
    let (fence, separator) = match lines.next()?.trim_end() {
        "---" => ("---", ':'),
        "+++" => ("+++", '='),
        _ => return None,
    };
    lines
        .take_while(|line| line.trim_end() != fence && line.trim_end() != "...")
        .filter_map(|line| line.split_once(separator))
        .find(|(key, _)| {
            matches!(
                key.trim().to_ascii_lowercase().as_str(),
                "date" | "published" | "pubdate" | "publishdate"
            )
        })
        .and_then(|(_, value)| day_of(value.trim().trim_matches(['"', '\''])))
}

/// A file that was not checked, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    pub name: String,
    pub reason: String,
    pub help: Option<String>,
    /// `false` for files that are skipped by design (binary files found while
    /// walking a folder); `true` when an article could not be checked.
    pub is_error: bool,
}

impl Skip {
    fn error(source: &Source, reason: String, help: &str) -> Self {
        Self {
            name: source.display_name(),
            reason,
            help: (!help.is_empty()).then(|| help.to_string()),
            is_error: true,
        }
    }
}

/// Reads the articles of a JSON Lines corpus, one record at a time, handing
/// each (or why a line was skipped) to `each`, in order, until it says
/// `false`.
pub fn read_records(source: &Source, each: impl FnMut(Result<Article, Skip>) -> bool) {
    match source {
        Source::File { path, .. } => match std::fs::File::open(path) {
            Ok(file) => records::read(source, std::io::BufReader::new(file), each),
            Err(e) => {
                let mut each = each;
                each(Err(read_error(source, path, e)));
            }
        },
        Source::Stdin => records::read(source, std::io::stdin().lock(), each),
    }
}

/// Reads one article (not a JSON Lines corpus: see [`read_records`]).
pub fn read(source: &Source, format: InputFormat) -> Result<Article, Skip> {
    let bytes = match source {
        Source::File { path, .. } => read_file(source, path)?,
        Source::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Skip::error(source, format!("cannot read standard input: {e}"), ""))?;
            bytes
        }
    };
    let text = decode::decode(source, bytes)?;
    let name = source.display_name();
    Ok(match source.format(format) {
        InputFormat::Markdown => Article::markdown(name, text),
        InputFormat::Html => Article::html(name, text),
        InputFormat::Auto | InputFormat::Text | InputFormat::Jsonl => Article::new(name, text),
    })
}

fn read_file(source: &Source, path: &Path) -> Result<Vec<u8>, Skip> {
    std::fs::read(path).map_err(|e| read_error(source, path, e))
}

fn read_error(source: &Source, path: &Path, e: std::io::Error) -> Skip {
    let help = match e.kind() {
        std::io::ErrorKind::NotFound => "check the path",
        std::io::ErrorKind::PermissionDenied => "give the user running quotecheck read access",
        _ if path.is_dir() => "pass the folder itself; quotecheck walks folders",
        _ => "",
    };
    Skip::error(source, format!("cannot read: {e}"), help)
}

#[cfg(test)]
mod tests {
    use super::front_matter_date;

    #[test]
    fn front_matter_gives_a_markdown_article_its_date() {
        let date = |s: &str| front_matter_date(s);
        assert_eq!(
            date("---\ntitle: \"Talks: 'no progress'\"\ndate: 2022-01-10T09:00:00Z\n---\nText"),
            Some("2022-01-10".into())
        );
        assert_eq!(
            date("---\npubDate: '2022-01-11'\n---\n"),
            Some("2022-01-11".into())
        );
        // Only at the very start, and only inside it.
        assert_eq!(date("Text\n---\ndate: 2022-01-10\n---\n"), None);
        assert_eq!(date("---\ntitle: x\n---\ndate: 2022-01-10\n"), None);
        assert_eq!(date("---\ndate: soon\n---\n"), None);
    }
}
