//! An index of the catalog's words, built once per run.
//!
//! Aligning every quotation with every statement costs quotations ×
//! statements; the index narrows each quotation to the statements that share
//! a distinctive word with it, and seeds the search for long verbatim runs
//! outside quotation marks with word trigrams.

use std::collections::HashMap;

use crate::catalog::Catalog;
use crate::text::fold::is_stopword;

/// Interned word id.
pub type WordId = u32;

/// Three consecutive word ids.
type Trigram = (WordId, WordId, WordId);

#[derive(Debug, Default)]
pub struct Index {
    vocabulary: HashMap<String, WordId>,
    /// Statements (indices) holding each word; only words that are not
    /// stopwords are posted.
    postings: Vec<Vec<u32>>,
    /// Where each trigram starts: (statement, word position).
    trigrams: HashMap<Trigram, Vec<(u32, u32)>>,
    /// Each statement's words as ids.
    statements: Vec<Vec<WordId>>,
}

impl Index {
    pub fn new(catalog: &Catalog) -> Self {
        let mut index = Index::default();
        for (q, quote) in catalog.quotes.iter().enumerate() {
            let ids: Vec<WordId> = quote.words.iter().map(|w| index.intern(&w.key)).collect();
            // A statement made only of stopwords ("We will.") is posted under
            // all its words, or it could never be found.
            let all_stopwords = quote.words.iter().all(|w| is_stopword(&w.key));
            for (&id, word) in ids.iter().zip(&quote.words) {
                let posting = &mut index.postings[id as usize];
                let post = all_stopwords || !is_stopword(&word.key);
                if post && posting.last() != Some(&(q as u32)) {
                    posting.push(q as u32);
                }
            }
            for (p, w) in ids.windows(3).enumerate() {
                index
                    .trigrams
                    .entry((w[0], w[1], w[2]))
                    .or_default()
                    .push((q as u32, p as u32));
            }
            index.statements.push(ids);
        }
        index
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

    /// Statements sharing at least one distinctive word with `keys` (any
    /// word, for statements made only of stopwords), in catalog order.
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

    /// Statement positions where the trigram starting with these ids occurs.
    pub fn seeds(&self, a: WordId, b: WordId, c: WordId) -> &[(u32, u32)] {
        self.trigrams.get(&(a, b, c)).map_or(&[], Vec::as_slice)
    }

    /// A statement's words as ids.
    pub fn statement(&self, q: usize) -> &[WordId] {
        &self.statements[q]
    }
}
