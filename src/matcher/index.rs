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
//! compares the two). With the default thresholds `needed` is two, and a
//! statement that shares two words with a quotation shares a pair of them:
//! each statement is posted under every pair of its distinct words, and a
//! quotation's pairs are looked up (a few dozen for most). Posting lists of
//! single words reached every statement holding a common word of the
//! quotation ("said", "Russia"), and most of those shared no other word
//! (1.5 million reached for 350,000 candidates on 2,000 articles). A
//! quotation with so many distinct words that its pairs outnumber its
//! words' postings walks those instead, counting; so are statements that
//! need only one word, or have too many words to post every pair. Each
//! statement reached is then checked against the quotation's words.
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

/// Per wording, how many of a chain's words reached it (or, when pairs
/// reached it, that they did), kept at zero between calls of
/// [`Index::candidates`], which counts in it instead of sorting what it
/// reached. All zero between calls, it fits any index it is large enough
/// for: a thread keeps one from article to article (see [`Index::fit`]),
/// since zeroing one for each article cost more than the lookups it saves.
#[derive(Default)]
pub struct Tally {
    counts: Vec<u32>,
    /// The wordings whose count is not zero.
    reached: Vec<u32>,
    /// Per word id: one more than its place in the chain's words, 0 when
    /// the chain does not print it; set and cleared again by each call, so
    /// that a wording's words are checked against the chain's a load each.
    places: Vec<u32>,
    /// Per wording, the two words of the pair that first reached it, as
    /// [`Shared`] (only read for a wording that pair reached).
    first_pair: Vec<[Shared; 2]>,
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

/// A wording with more distinct words than this is found by its words, not
/// their pairs (see [`Index::by_pairs`]): its pairs, which grow as the
/// square of its words, would crowd the index (the catalog's statements
/// hold some fifteen; 64 make 2,016 pairs).
const MAX_PAIRED_WORDS: usize = 64;

/// Every pair of `words` (sorted, distinct): its key, and the places of
/// its two words.
fn pairs_of(words: &[WordId]) -> impl Iterator<Item = (u64, u16, u16)> + '_ {
    let words = words.iter().enumerate();
    words.clone().flat_map(move |(ka, &a)| {
        let after = words.clone().skip(ka + 1);
        after.map(move |(kb, &b)| (pair(a, b), ka as u16, kb as u16))
    })
}

/// The key of the pair of distinct word ids `a` < `b`.
fn pair(a: WordId, b: WordId) -> u64 {
    debug_assert!(a < b);
    u64::from(a) << 32 | u64::from(b)
}

#[derive(Debug, Default)]
pub struct Index {
    vocabulary: FxHashMap<String, WordId>,
    /// The same words, for looking up an article's (see [`Vocabulary`]).
    table: Vocabulary,
    /// Per word id: is it a stopword?
    stopword: Vec<bool>,
    /// Per word id: is it a negation?
    negation: Vec<bool>,
    /// Per word, the wordings holding it among their [`Index::distinct`]
    /// words: walked for a chain with more pairs of words than postings.
    postings: Vec<Vec<u32>>,
    /// Per word, the wordings among those found by their words, not their
    /// pairs (see [`Index::by_pairs`]): walked for every chain.
    walked: Vec<Vec<u32>>,
    /// Per pair of distinct words (see [`pair`]), where the wordings posted
    /// under it are listed in `paired` (start and length).
    pairs: FxHashMap<u64, (u32, u32)>,
    /// The wordings posted under each pair, with the places of the pair's
    /// two words in the wording's [`Index::distinct`] words (below
    /// [`MAX_PAIRED_WORDS`]).
    paired: Vec<(u32, u16, u16)>,
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

    /// Posts every wording under its distinct words, and under each pair of
    /// them when it is found by pairs.
    fn post(&mut self) {
        for (w, words) in self.distinct.iter().enumerate() {
            for &id in words {
                self.postings[id as usize].push(w as u32);
            }
            if !self.by_pairs(w) {
                for &id in words {
                    self.walked[id as usize].push(w as u32);
                }
            }
        }
        // Each pair's wordings are counted, then listed in the room made
        // for them (sorting the pairs cost four times as much).
        let paired: Vec<usize> = (0..self.len()).filter(|&w| self.by_pairs(w)).collect();
        // Room for every pair at once, as if none were shared: growing the
        // table step by step placed every pair again at each step.
        let instances = |w: &usize| self.distinct[*w].len() * (self.distinct[*w].len() - 1) / 2;
        self.pairs.reserve(paired.iter().map(instances).sum());
        for &w in &paired {
            for (key, _, _) in pairs_of(&self.distinct[w]) {
                self.pairs.entry(key).or_default().1 += 1;
            }
        }
        let mut start = 0;
        for (at, len) in self.pairs.values_mut() {
            (*at, start) = (start, start + *len);
            *len = 0;
        }
        self.paired = vec![(0, 0, 0); start as usize];
        for w in paired {
            for (key, ka, kb) in pairs_of(&self.distinct[w]) {
                let (at, len) = self.pairs.get_mut(&key).expect("counted above");
                self.paired[(*at + *len) as usize] = (w as u32, ka, kb);
                *len += 1;
            }
        }
    }

    /// Is wording `w` found by the pairs of its words? Unless it needs
    /// fewer than two shared words (a pair would miss it), or has so many
    /// distinct words that its pairs would crowd the index.
    fn by_pairs(&self, w: usize) -> bool {
        self.needed(w) >= 2 && self.distinct[w].len() <= MAX_PAIRED_WORDS
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
        self.postings.push(Vec::new());
        self.walked.push(Vec::new());
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
            tally.first_pair.resize(self.len(), [(0, 0); 2]);
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
            first_pair,
            found,
            shared,
        } = tally;
        found.clear();
        shared.clear();
        reached.clear();
        for (at, &id) in words.iter().enumerate() {
            places[id as usize] = at as u32 + 1;
        }
        // Counts a reach of wording `w`; is it the first?
        let mut reach = |w: u32| {
            let count = &mut counts[w as usize];
            if *count == 0 {
                reached.push(w);
            }
            *count += 1;
            *count == 1
        };
        // A chain with many words has more pairs than postings: then the
        // postings are walked and counted, and a wording's count is how many
        // words it shares; otherwise, how many pairs reached it (or, for
        // one found by its words, how many words).
        let postings: usize = words
            .iter()
            .map(|&id| self.postings[id as usize].len())
            .sum();
        let counted = words.len() * words.len().saturating_sub(1) / 2 > postings;
        if counted {
            for &id in words {
                for &w in &self.postings[id as usize] {
                    reach(w);
                }
            }
        } else {
            for (i, &a) in words.iter().enumerate() {
                for &w in &self.walked[a as usize] {
                    reach(w);
                }
                for (j, &b) in words.iter().enumerate().skip(i + 1) {
                    let Some(&(at, len)) = self.pairs.get(&pair(a, b)) else {
                        continue;
                    };
                    for &(w, ka, kb) in &self.paired[at as usize..][..len as usize] {
                        if reach(w) {
                            let (ka, kb) = (u32::from(ka), u32::from(kb));
                            first_pair[w as usize] = [(i as u32, ka), (j as u32, kb)];
                        }
                    }
                }
            }
        }
        // Each wording reached, with the words it shares. Most share two:
        // one pair reached them, and it names both. One that shares s words
        // is reached by s (s − 1) / 2 pairs, so more than one pair means
        // more than two words, which are looked up.
        for &w in reached.iter() {
            let w = w as usize;
            let needed = self.needed(w);
            let count = std::mem::take(&mut counts[w]);
            let by_pairs = !counted && self.by_pairs(w);
            let start = shared.len();
            if by_pairs && count == 1 {
                shared.extend(first_pair[w]);
            } else {
                if !by_pairs && (count as usize) < needed {
                    continue;
                }
                for (k, &id) in self.distinct[w].iter().enumerate() {
                    if let Some(at) = places[id as usize].checked_sub(1) {
                        shared.push((at, k as u32));
                    }
                }
            }
            if shared.len() - start < needed {
                shared.truncate(start);
            } else {
                found.push((w, start..shared.len()));
            }
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
