//! The catalog: the newsroom's record of who said what, loaded from
//! `quotes.yaml` and validated before any article is read.
//!
//! Everything downstream trusts the catalog: ids are unique, every quote names
//! a listed speaker, every text has words. A problem in the list is a usage
//! error (exit 2) reported with the file, the line and the offending id, since
//! checking articles against a broken record would only produce noise.

mod load;
mod locate;

use std::path::{Path, PathBuf};

use crate::text::{Token, tokenize};

pub use load::{CatalogError, Problem};

/// A person or organisation that statements are attributed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub id: String,
    pub name: String,
    /// Other ways articles name the speaker: surname, titles, organisations.
    pub aliases: Vec<String>,
    /// `he`, `she`, `they` or `it`, when the list says so.
    pub pronouns: Option<String>,
}

/// One canonical statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub id: String,
    /// Index into [`Catalog::speakers`].
    pub speaker: usize,
    /// The exact wording of record.
    pub text: String,
    pub date: Option<String>,
    pub source: Option<String>,
    /// The words of `text`, spans into `text`.
    pub words: Vec<Token>,
}

/// The validated list of speakers and statements.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub path: PathBuf,
    pub speakers: Vec<Speaker>,
    pub quotes: Vec<Quote>,
}

impl Catalog {
    /// Reads and validates the list at `path`.
    pub fn load(path: &Path) -> Result<Self, CatalogError> {
        load::load(path)
    }

    /// Parses and validates a list held in memory; `path` names it in errors.
    pub fn parse(path: &Path, source: &str) -> Result<Self, CatalogError> {
        load::parse(path, source)
    }

    pub fn speaker_of(&self, quote: &Quote) -> &Speaker {
        &self.speakers[quote.speaker]
    }
}

impl Quote {
    pub(crate) fn new(
        id: String,
        speaker: usize,
        text: String,
        date: Option<String>,
        source: Option<String>,
    ) -> Self {
        // The record is plain text: brackets or ellipses in it are words and
        // punctuation of the record, not edits.
        let words = tokenize(&text, false)
            .into_iter()
            .filter(Token::is_word)
            .map(|mut t| {
                t.bracket = None;
                t
            })
            .collect();
        Self {
            id,
            speaker,
            text,
            date,
            source,
            words,
        }
    }
}
