//! An index of the catalog's words, built once per run.
//!
//! Aligning every quotation with every statement costs quotations ×
//! statements; the index narrows each quotation to the statements it could
//! possibly show, and seeds the search for long verbatim runs outside
//! quotation marks with word trigrams.
//!
//! The narrowing is exact, not a heuristic. Every appearance the matcher
//! accepts shares at least `needed` distinct distinctive words (not
//! stopwords) with its statement: [`Thresholds::shared_words`], or all the
//! statement has if it has fewer (see `Chain::accept`). So a statement with
//! fewer shared words than that can be skipped unaligned, and the results
//! are those of aligning every statement with every quotation (a test
//! compares the two). To find those statements without walking the posting
//! list of every word, each statement is posted only under its distinctive
//! words minus its `needed - 1` most common ones (prefix filtering, as in
//! set-similarity joins): a statement sharing `needed` words with a
//! quotation shares at least one of its posted words, and the over-common
//! words ("said", "Russia"), whose lists would hold most of the catalog,
//! are mostly left out. Each statement reached is then checked by counting.
//!
//! What the index holds are wordings: each statement's text of record and
//! each of its accepted variants, so that a printed variant is proposed and
//! seeded like the text itself. It also carries the run's [`Thresholds`],
//! since it is the one thing built from the configuration that every search
//! is handed.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::Thresholds;
use super::vocabulary::Vocabulary;
use crate::catalog::Catalog;
use crate::text::Token;
use crate::text::fold::{is_negation, is_stopword};

/// Interned word id.
pub type WordId = u32;

/// The id of an article word no statement uses: it equals no statement word.
pub const UNKNOWN: WordId = WordId::MAX;

/// Per wording, how many of a chain's words reached it, kept at zero
/// between calls of [`Index::candidates`], which counts in it instead of
/// sorting what it reached. All zero between calls, it fits any index it
/// is large enough for: a thread keeps one from article to article (see
/// [`Index::fit`]), since zeroing one for each article cost more than the
/// lookups it saves.
#[derive(Default)]
pub struct Tally {
    counts: Vec<u32>,
    /// The wordings whose count is not zero.
    reached: Vec<u32>,
    /// Per word id: one more than its place in the chain's words, 0 when
    /// the chain does not print it; set and cleared again by each call.
    /// Most wordings a chain reaches share one posted word with it and are
    /// ruled out by their unposted words, a load each: a hashed set of
    /// buckets and a binary search for each cost about a hundred
    /// instructions a wording (1.5 million wordings on z2k).
    places: Vec<u32>,
    /// What the last call found: the candidates, and the words each shares
    /// (ranges of `shared`); kept to be filled again by the next.
    found: Vec<(usize, Range<usize>)>,
    shared: Vec<Shared>,
}

impl Tally {
    /// The candidates the last [`Index::candidates`] found, each with the
    /// range of [`Tally::shared`] that lists the words it shares.
    pub fn found(&self) -> &[(usize, Range<usize>)] {
        &self.found
    }

    /// The shared words of [`Tally::found`].
    pub fn shared(&self) -> &[Shared] {
        &self.shared
    }
}

/// A word a candidate shares with the chain searched: its place in the
/// chain's words and its place in the wording's [`Index::distinct`] words,
/// both of which the search reads by (a binary search for the second cost
/// 36 million instructions on z2k).
pub type Shared = (u32, u32);

/// Three consecutive word ids.
type Trigram = (WordId, WordId, WordId);

#[derive(Debug, Default)]
pub struct Index {
    vocabulary: FxHashMap<String, WordId>,
    /// The same words, for looking up an article's (see [`Vocabulary`]).
    table: Vocabulary,
    /// Per word id: is it a stopword?
    stopword: Vec<bool>,
    /// Per word id: is it a negation?
    negation: Vec<bool>,
    /// Wordings (indices) posted under each word (see the module doc):
    /// word `id`'s are `posted[starts[id]..starts[id + 1]]`, each with the
    /// word's place in its [`Index::distinct`] words at the same index of
    /// `posted_at`. One flat list, not one per word, and the places apart
    /// from the wordings: the count reads only the wordings, and a
    /// separate list per word cost a cache miss on its header for each
    /// word looked up (a tenth of `candidates`' time on the archive).
    postings: Flat<u32>,
    posted_at: Vec<u32>,
    /// Each wording's distinct words that are not posted (its `needed - 1`
    /// most common), sorted, each with its place in the wording's
    /// [`Index::distinct`] words; flat like `postings`, for the same reason.
    unposted: Flat<(WordId, u32)>,
    /// Where each trigram starts: (wording, word position).
    trigrams: FxHashMap<Trigram, Vec<(u32, u32)>>,
    /// Each wording's words as ids.
    statements: Vec<Vec<WordId>>,
    /// Each wording's distinct distinctive words, sorted; all its distinct
    /// words when it has only stopwords ("We will.").
    distinct: Vec<Vec<WordId>>,
    /// Where each wording holds each of its `distinct` words: positions,
    /// grouped in the order of `distinct`, and where each group starts.
    positions: Vec<(Vec<u32>, Vec<u32>)>,
    /// Each wording's other distinct words (the stopwords `distinct` leaves
    /// out), sorted, and where it holds them, as `positions`: a drifted
    /// appearance's agreeing words are of both kinds.
    others: Vec<Vec<WordId>>,
    other_positions: Vec<(Vec<u32>, Vec<u32>)>,
    /// How many negations each wording holds.
    negations: Vec<usize>,
    /// Each wording's [`Index::needed`], worked out once.
    needed: Vec<u8>,
    /// Each wording: made of stopwords only?
    only_stopwords: Vec<bool>,
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
        index.needed = (0..index.wordings.len())
            .map(|w| {
                let words = index.distinct[w].len();
                let needed = if index.only_stopwords[w] {
                    1.min(words)
                } else {
                    index.thresholds.shared_words().min(words)
                };
                needed.min(u8::MAX as usize) as u8
            })
            .collect();
        index.post();
        let mut words = vec![""; index.vocabulary.len()];
        for (word, &id) in &index.vocabulary {
            words[id as usize] = word.as_str();
        }
        index.table = Vocabulary::new(words);
        index
    }

    fn add(&mut self, quote: usize, variant: Option<usize>, words: &[Token]) {
        let w = self.wordings.len() as u32;
        let ids: Vec<WordId> = words.iter().map(|t| self.intern(&t.key)).collect();
        let mut distinct: Vec<WordId> = ids
            .iter()
            .copied()
            .filter(|&id| !self.stopword[id as usize])
            .collect();
        // A wording made only of stopwords is found by any of its words, or
        // it could never be found.
        let only_stopwords = distinct.is_empty();
        if only_stopwords {
            distinct = ids.clone();
        }
        self.only_stopwords.push(only_stopwords);
        distinct.sort_unstable();
        distinct.dedup();
        let mut others: Vec<WordId> = ids
            .iter()
            .copied()
            .filter(|id| distinct.binary_search(id).is_err())
            .collect();
        others.sort_unstable();
        others.dedup();
        self.positions.push(grouped_positions(&ids, &distinct));
        self.other_positions.push(grouped_positions(&ids, &others));
        self.others.push(others);
        self.negations
            .push(ids.iter().filter(|&&id| self.negation[id as usize]).count());
        for (p, t) in ids.windows(3).enumerate() {
            self.trigrams
                .entry((t[0], t[1], t[2]))
                .or_default()
                .push((w, p as u32));
        }
        self.statements.push(ids);
        self.distinct.push(distinct);
        self.wordings.push((quote, variant));
    }

    /// Posts every wording under its words but its `needed - 1` most common.
    fn post(&mut self) {
        let mut frequency = vec![0u32; self.stopword.len()];
        for words in &self.distinct {
            for &id in words {
                frequency[id as usize] += 1;
            }
        }
        let mut postings: Vec<Vec<(u32, u32)>> = vec![Vec::new(); self.stopword.len()];
        for (w, words) in self.distinct.iter().enumerate() {
            let mut by_rarity = words.clone();
            by_rarity.sort_by_key(|&id| (frequency[id as usize], id));
            let posted = (by_rarity.len() + 1).saturating_sub(self.needed(w));
            let k = |id: &WordId| words.binary_search(id).expect("a distinct word") as u32;
            for id in by_rarity.iter().take(posted) {
                postings[*id as usize].push((w as u32, k(id)));
            }
            let mut rest = by_rarity.split_off(posted.min(by_rarity.len()));
            rest.sort_unstable();
            self.unposted.push(rest.iter().map(|id| (*id, k(id))));
        }
        for list in postings {
            self.postings.push(list.iter().map(|&(w, _)| w));
            self.posted_at.extend(list.iter().map(|&(_, k)| k));
        }
    }

    /// How many of wording `w`'s distinct words an appearance shares at
    /// least: [`Thresholds::shared_words`], or all it has if fewer (a
    /// wording of stopwords only: one).
    pub fn needed(&self, w: usize) -> usize {
        self.needed[w] as usize
    }

    /// Is wording `w` made of stopwords only ("We will.")? Then its
    /// distinct words are all its words, stopwords included.
    pub fn only_stopwords(&self, w: usize) -> bool {
        self.only_stopwords[w]
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

    /// The number of wordings.
    pub fn len(&self) -> usize {
        self.wordings.len()
    }

    /// Whether the catalog has no wordings at all.
    pub fn is_empty(&self) -> bool {
        self.wordings.is_empty()
    }

    fn intern(&mut self, key: &str) -> WordId {
        if let Some(&id) = self.vocabulary.get(key) {
            return id;
        }
        let id = self.vocabulary.len() as WordId;
        self.vocabulary.insert(key.to_string(), id);
        self.stopword.push(is_stopword(key));
        self.negation.push(is_negation(key));
        id
    }

    /// The id of an article word, if any statement uses it.
    /// (Inlined: it runs for every word of every article.)
    #[inline]
    pub fn lookup(&self, key: &str) -> Option<WordId> {
        self.table.get(key)
    }

    /// The id of an article word, [`UNKNOWN`] if no statement uses it.
    pub fn id(&self, key: &str) -> WordId {
        self.lookup(key).unwrap_or(UNKNOWN)
    }

    /// Is this word id a stopword? ([`UNKNOWN`] is not.)
    pub fn is_stopword(&self, id: WordId) -> bool {
        self.stopword.get(id as usize).copied().unwrap_or(false)
    }

    /// Is this word id a negation ("not", "never")?
    pub fn is_negation(&self, id: WordId) -> bool {
        self.negation.get(id as usize).copied().unwrap_or(false)
    }

    /// Makes `tally` large enough for this index's [`Index::candidates`].
    pub fn fit(&self, tally: &mut Tally) {
        if tally.counts.len() < self.len() {
            tally.counts.resize(self.len(), 0);
        }
        if tally.places.len() < self.vocabulary.len() {
            tally.places.resize(self.vocabulary.len(), 0);
        }
    }

    /// The wordings sharing at least [`Index::needed`] distinct words with
    /// the printed word ids `words` (sorted, deduplicated, all known): the
    /// only ones an alignment with those words could accept, in no
    /// particular order (the search orders what it finds), as
    /// [`Tally::found`]. With each, the range of [`Tally::shared`] where
    /// the words it shares are listed (its [`Index::distinct`] words among
    /// `words`), so that the search looks up those alone, not every word
    /// the wording has.
    pub fn candidates(&self, words: &[WordId], tally: &mut Tally) {
        debug_assert!(words.is_sorted());
        let Tally {
            counts,
            reached,
            places,
            found,
            shared,
        } = tally;
        found.clear();
        shared.clear();
        for (at, &id) in words.iter().enumerate() {
            places[id as usize] = at as u32 + 1;
        }
        let posted = |id: WordId| self.postings.get(id as usize);
        // How many of `words` each wording is posted under (a chain reaches
        // a few hundred; counted in place, not sorted out).
        reached.clear();
        for &id in words {
            for &w in posted(id) {
                let count = &mut counts[w as usize];
                if *count == 0 {
                    reached.push(w);
                }
                *count += 1;
            }
        }
        // The candidates, each with room in `shared` for its posted words
        // and then its unposted ones; their counts become where the next
        // posted word goes (1-based, 0 for the rest).
        let place = |&(id, k): &(WordId, u32)| Some((places[id as usize].checked_sub(1)?, k));
        for &w in reached.iter() {
            let w = w as usize;
            let count = &mut counts[w];
            let unposted = self.unposted.get(w).iter();
            if *count as usize + unposted.clone().filter_map(place).count() < self.needed(w) {
                *count = 0;
                continue;
            }
            let start = shared.len();
            shared.resize(start + *count as usize, (0, 0));
            shared.extend(unposted.filter_map(place));
            found.push((w, start..shared.len()));
            *count = start as u32 + 1;
        }
        for (at, &id) in words.iter().enumerate() {
            let range = self.postings.range(id as usize);
            let places = &self.posted_at[range.clone()];
            for (&w, &k) in self.postings.items[range].iter().zip(places) {
                let next = &mut counts[w as usize];
                if *next != 0 {
                    shared[*next as usize - 1] = (at as u32, k);
                    *next += 1;
                }
            }
        }
        for &w in reached.iter() {
            counts[w as usize] = 0;
        }
        for &id in words {
            places[id as usize] = 0;
        }
    }

    /// Wording `w`'s distinct words (distinctive ones, or all of a wording
    /// of stopwords), sorted.
    pub fn distinct(&self, w: usize) -> &[WordId] {
        &self.distinct[w]
    }

    /// Where wording `w` holds the `k`th of its [`Index::distinct`] words.
    pub fn positions(&self, w: usize, k: usize) -> &[u32] {
        let (positions, starts) = &self.positions[w];
        &positions[starts[k] as usize..starts[k + 1] as usize]
    }

    /// Wording `w`'s distinct words that [`Index::distinct`] leaves out (its
    /// stopwords, unless it has only stopwords), sorted.
    pub fn others(&self, w: usize) -> &[WordId] {
        &self.others[w]
    }

    /// Where wording `w` holds the `k`th of its [`Index::others`].
    pub fn other_positions(&self, w: usize, k: usize) -> &[u32] {
        let (positions, starts) = &self.other_positions[w];
        &positions[starts[k] as usize..starts[k + 1] as usize]
    }

    /// How many negations wording `w` holds.
    pub fn negations(&self, w: usize) -> usize {
        self.negations[w]
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

/// Where `ids` holds each of `words` (sorted, distinct): the positions,
/// grouped in the order of `words`, and where each group starts (one more
/// start than words, so that group `k` ends where `k + 1` starts).
fn grouped_positions(ids: &[WordId], words: &[WordId]) -> (Vec<u32>, Vec<u32>) {
    let mut spots: Vec<(WordId, u32)> = (ids.iter().enumerate())
        .filter(|(_, id)| words.binary_search(id).is_ok())
        .map(|(p, &id)| (id, p as u32))
        .collect();
    spots.sort_unstable();
    let starts = words
        .iter()
        .map(|id| spots.partition_point(|s| s.0 < *id) as u32)
        .chain([spots.len() as u32])
        .collect();
    (spots.into_iter().map(|(_, p)| p).collect(), starts)
}

/// Lists of items, one after the other in one vector: list `i` is
/// `items[starts[i]..starts[i + 1]]`.
#[derive(Debug)]
struct Flat<T> {
    items: Vec<T>,
    starts: Vec<u32>,
}

impl<T> Default for Flat<T> {
    fn default() -> Self {
        Flat {
            items: Vec::new(),
            starts: vec![0],
        }
    }
}

impl<T> Flat<T> {
    /// Adds a list after the others.
    fn push(&mut self, list: impl IntoIterator<Item = T>) {
        self.items.extend(list);
        self.starts.push(self.items.len() as u32);
    }

    /// Where list `i` is in `items` (empty past the last list).
    fn range(&self, i: usize) -> Range<usize> {
        match self.starts.get(i..i + 2) {
            Some(&[start, end]) => start as usize..end as usize,
            _ => 0..0,
        }
    }

    /// List `i` (empty past the last list: an unknown word's postings).
    fn get(&self, i: usize) -> &[T] {
        &self.items[self.range(i)]
    }
}
