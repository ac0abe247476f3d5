//! The catalog: the newsroom's record of who said what, loaded from
//! `quotes.yaml` and validated before any article is read.
//!
//! Everything downstream trusts the catalog: ids are unique, every quote names
//! a listed speaker, every text and every accepted variant has words. A
//! problem in the list is a usage error (exit 2) reported with the file, the
//! line and the offending id, since checking articles against a broken record
//! would only produce noise.

pub mod lint;
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
    /// The line of its entry in the list, when the list has the usual shape.
    pub line: Option<usize>,
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
    /// Other wordings the newsroom accepts as this statement (an official
    /// translation, a house-style rendering): printing one is not drift.
    pub variants: Vec<Variant>,
    /// The line of its entry in the list, when the list has the usual shape.
    pub line: Option<usize>,
}

/// An accepted other wording of a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub text: String,
    /// The words of `text`, spans into `text`, read like a quote's words.
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
        let words = record_words(&text);
        Self {
            id,
            speaker,
            text,
            date,
            source,
            words,
            variants: Vec::new(),
            line: None,
        }
    }

    /// The statement with these accepted other wordings.
    pub(crate) fn with_variants(mut self, variants: Vec<String>) -> Self {
        self.variants = variants
            .into_iter()
            .map(|text| Variant {
                words: record_words(&text),
                text,
            })
            .collect();
        self
    }

    /// The text of the canonical wording (`None`) or of variant `i`.
    pub fn text_of(&self, variant: Option<usize>) -> &str {
        match variant {
            None => &self.text,
            Some(i) => &self.variants[i].text,
        }
    }

    /// The words of the canonical wording (`None`) or of variant `i`.
    pub fn words_of(&self, variant: Option<usize>) -> &[Token] {
        match variant {
            None => &self.words,
            Some(i) => &self.variants[i].words,
        }
    }
}

/// The words of a wording of record. The record is plain text: brackets or
/// ellipses in it are words and punctuation of the record, not edits, and a
/// variant is read the same way, since it is a record too.
fn record_words(text: &str) -> Vec<Token> {
    tokenize(text, false)
        .into_iter()
        .filter(Token::is_word)
        .map(|mut t| {
            t.bracket = None;
            t
        })
        .collect()
}
