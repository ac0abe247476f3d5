//! An index of the catalog's words, built once per run.
//!
//! Aligning every quotation with every statement costs quotations ×
//! statements; the index narrows each quotation to the statements that share
//! a distinctive word with it, and seeds the search for long verbatim runs
//! outside quotation marks with word trigrams.
//!
//! What the index holds are wordings: each statement's text of record and
//! each of its accepted variants, so that a printed variant is proposed and
//! seeded like the text itself. It also carries the run's [`Thresholds`],
//! since it is the one thing built from the configuration that every search
//! is handed.

use std::collections::HashMap;

use super::Thresholds;
use crate::catalog::Catalog;
use crate::text::Token;
use crate::text::fold::is_stopword;

/// Interned word id.
pub type WordId = u32;

/// Three consecutive word ids.
type Trigram = (WordId, WordId, WordId);

#[derive(Debug, Default)]
pub struct Index {
    vocabulary: HashMap<String, WordId>,
    /// Wordings (indices) holding each word; only words that are not
    /// stopwords are posted.
    postings: Vec<Vec<u32>>,
    /// Where each trigram starts: (wording, word position).
    trigrams: HashMap<Trigram, Vec<(u32, u32)>>,
    /// Each wording's words as ids.
    statements: Vec<Vec<WordId>>,
    /// Each wording's statement and variant (`None` for the text of record).
    /// A statement's wordings are numbered together, text first, so wording
    /// order is catalog order.
    wordings: Vec<(usize, Option<usize>)>,
    thresholds: Thresholds,
}

impl Index {
    /// The index of `catalog`, with the default thresholds.
    pub fn new(catalog: &Catalog) -> Self {
        Self::with_thresholds(catalog, Thresholds::default())
    }

    /// The index of `catalog`, matching by `thresholds` (which the caller
    /// has checked with [`Thresholds::validate`]).
    pub fn with_thresholds(catalog: &Catalog, thresholds: Thresholds) -> Self {
        let mut index = Index {
            thresholds,
            ..Index::default()
        };
        for (q, quote) in catalog.quotes.iter().enumerate() {
            let variants = (0..quote.variants.len()).map(Some);
            for variant in std::iter::once(None).chain(variants) {
                index.add(q, variant, quote.words_of(variant));
            }
        }
        index
    }

    fn add(&mut self, quote: usize, variant: Option<usize>, words: &[Token]) {
        let w = self.wordings.len() as u32;
        let ids: Vec<WordId> = words.iter().map(|t| self.intern(&t.key)).collect();
        // A wording made only of stopwords ("We will.") is posted under all
        // its words, or it could never be found.
        let all_stopwords = words.iter().all(|t| is_stopword(&t.key));
        for (&id, word) in ids.iter().zip(words) {
            let posting = &mut self.postings[id as usize];
            let post = all_stopwords || !is_stopword(&word.key);
            if post && posting.last() != Some(&w) {
                posting.push(w);
            }
        }
        for (p, t) in ids.windows(3).enumerate() {
            self.trigrams
                .entry((t[0], t[1], t[2]))
                .or_default()
                .push((w, p as u32));
        }
        self.statements.push(ids);
        self.wordings.push((quote, variant));
    }

    /// The thresholds this run matches by.
    pub fn thresholds(&self) -> &Thresholds {
        &self.thresholds
    }

    /// The statement (index into the catalog's quotes) and variant (`None`
    /// for the text of record) of wording `w`.
    pub fn wording(&self, w: usize) -> (usize, Option<usize>) {
        self.wordings[w]
    }

    fn intern(&mut self, key: &str) -> WordId {
        if let Some(&id) = self.vocabulary.get(key) {
            return id;
        }
        let id = self.vocabulary.len() as WordId;
        self.vocabulary.insert(key.to_string(), id);
        self.postings.push(Vec::new());
        id
    }

    /// The id of an article word, if any statement uses it.
    pub fn lookup(&self, key: &str) -> Option<WordId> {
        self.vocabulary.get(key).copied()
    }

    /// Wordings sharing at least one distinctive word with `keys` (any word,
    /// for wordings made only of stopwords), in catalog order.
    pub fn candidates<'a>(&self, keys: impl IntoIterator<Item = &'a str>) -> Vec<usize> {
        let mut hits: Vec<usize> = keys
            .into_iter()
            .filter_map(|k| self.lookup(k))
            .flat_map(|id| self.postings[id as usize].iter().map(|&q| q as usize))
            .collect();
        hits.sort_unstable();
        hits.dedup();
        hits
    }

    /// Wording positions where the trigram starting with these ids occurs.
    pub fn seeds(&self, a: WordId, b: WordId, c: WordId) -> &[(u32, u32)] {
        self.trigrams.get(&(a, b, c)).map_or(&[], Vec::as_slice)
    }

    /// A wording's words as ids.
    pub fn statement(&self, w: usize) -> &[WordId] {
        &self.statements[w]
    }
}
