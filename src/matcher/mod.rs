//! The matcher: where does each statement of the catalog appear in an article?
//!
//! Quotations are first grouped into chains: the parts of a quotation split
//! by its attribution (`"A," he said, "B."`) and the paragraphs of a long
//! quotation left open until the last one. Each chain is aligned with the
//! statements the index proposes (see [`align`]), the seams between parts
//! costing nothing; alignments that pass the [`Thresholds`] (carried by the
//! [`Index`]) are kept, best first, as long as they do not claim the same
//! words, and the rest of the chain is searched again, since one quotation
//! may hold a statement twice. Outside quotation marks, only long verbatim
//! runs count: shorter overlaps with a statement are ordinary prose.
//!
//! A statement may have accepted variants (other wordings of record). Each
//! wording is aligned on its own; where several wordings of one statement
//! claim the same printed words, they are readings of one appearance, and
//! the one the printed words follow most faithfully is reported (see
//! [`crate::drift::preferred`]).

pub mod align;
mod index;
mod prefilter;
mod thresholds;
mod vocabulary;

use std::cell::Cell;
use std::collections::BTreeMap;
use std::ops::Range;

use crate::catalog::Catalog;
use crate::drift;
use crate::quotations::{Quotation, Quoted};
use crate::text::Token;
use crate::text::fold::is_negation;
use crate::text::words::bracket_span;
use align::{Alignment, Penalties, Unit};
use prefilter::Scratch;

pub use index::Index;
use index::{Shared, Tally, UNKNOWN, WordId};
pub use thresholds::{MIN_UNQUOTED_RUN, Thresholds};

/// Quotations longer than this many units are aligned in overlapping windows
/// of this size: the alignment grid costs units × statement words of memory.
const MAX_ALIGN_UNITS: usize = 4096;

/// The width of the chunks a long range is searched in (at least; more for
/// long statements): small enough that a statement repeated in every
/// sentence costs little per appearance, large enough to hold a drifted one.
const CHUNK_UNITS: usize = 512;

/// How many times in a row the search of a range goes on after a best
/// alignment that fails the thresholds (see [`Chain::select_in`]): a
/// long quotation of filler can hold a failed alignment beside an appearance
/// (or inside it, diluted), but a text of thousands of failed islands must
/// not cost an alignment each. Two failures in a row end the search of a
/// part; each appearance found renews it.
const RETRIES: usize = 2;

/// One piece of an appearance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// Article words (token indices) printed for the statement's `window`.
    Words {
        tokens: Vec<usize>,
        window: Range<usize>,
    },
    /// An ellipsis that left out the statement's `window`.
    Ellipsis { token: usize, window: Range<usize> },
    /// Bracketed words (token range) standing for the statement's `window`.
    Brackets {
        tokens: Range<usize>,
        window: Range<usize>,
    },
    /// Statement words between the parts of a split quotation.
    Split { window: Range<usize> },
}

/// One appearance of one statement in one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// Index of the statement in the catalog.
    pub quote: usize,
    /// The wording the appearance is read against: `None` for the text of
    /// record, or an index into the statement's variants. The windows of
    /// `window` and `segments` count that wording's words.
    pub variant: Option<usize>,
    /// Byte span in the article, first word to last.
    pub span: Range<usize>,
    /// Inside quotation marks.
    pub quoted: bool,
    /// The quotation the appearance begins in.
    pub quotation: Option<usize>,
    /// The quotation it ends in was never closed (and no next paragraph
    /// continues it).
    pub unclosed: bool,
    /// Statement words covered.
    pub window: Range<usize>,
    pub segments: Vec<Segment>,
}

/// Finds every appearance of the catalog's statements in one article.
pub fn find(
    catalog: &Catalog,
    index: &Index,
    text: &str,
    tokens: &[Token],
    quoted: &Quoted,
) -> Vec<Match> {
    find_by(catalog, index, text, tokens, quoted, Search::Indexed)
}

/// Which wordings a quotation is aligned with. The index must not change a
/// result, and a test holds it to that by comparing the two.
#[doc(hidden)]
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Search {
    /// Those the index proposes, in the parts of a quotation that
    /// [`Chain::worth_aligning`] lets through.
    Indexed,
    /// All of them: the reference the indexed search is compared with.
    Exhaustive,
}

/// [`find`], with the choice of [`Search`].
#[doc(hidden)]
pub fn find_by(
    catalog: &Catalog,
    index: &Index,
    text: &str,
    tokens: &[Token],
    quoted: &Quoted,
    search: Search,
) -> Vec<Match> {
    thread_local! {
        /// This thread's [`Tally`], taken for a search and put back after
        /// it (all zero again), so that a search that panicked leaves none
        /// half counted.
        static TALLY: Cell<Option<Tally>> = const { Cell::new(None) };
    }
    let mut tally = TALLY.take().unwrap_or_default();
    index.fit(&mut tally);
    let mut matches = Vec::new();
    for chain in &quoted.chains {
        let chain = Chain::new(text, tokens, quoted, chain.clone(), index);
        matches.extend(chain.find(catalog, index, search, &mut tally));
    }
    TALLY.set(Some(tally));
    matches.extend(unquoted_runs(index, tokens, &quoted.marks));
    matches.sort_by_key(|m| (m.span.start, m.quote));
    matches
}

/// One chain of quotation parts, as units for the aligner.
struct Chain<'a> {
    text: &'a str,
    tokens: &'a [Token],
    quotations: &'a [Quotation],
    units: Vec<Unit>,
    /// Each unit's word id in the index ([`UNKNOWN`] for a free unit).
    ids: Vec<WordId>,
    /// The chain's known words with their unit, sorted by word.
    occurrences: Vec<(WordId, u32)>,
    /// The chain's distinct known words, sorted: a word's place here is how
    /// the index and the pre-filter name it.
    words: Vec<WordId>,
    /// Where each of `words` starts its run in `occurrences` (and where the
    /// last run ends).
    runs: Vec<u32>,
    /// The known words as a set of hash buckets (see [`Known`]).
    known: Known,
    /// The units that are an ellipsis, brackets or a seam, in order.
    free: Vec<usize>,
    /// Negations among the chain's words.
    negations: usize,
    /// Buffers for [`Chain::worth_aligning`].
    scratch: std::cell::RefCell<Scratch>,
    /// Unit range of each part, and its quotation index.
    parts: Vec<(Range<usize>, usize)>,
    /// Quotation indices of the chain.
    members: Range<usize>,
    /// Unit ranges of the quotations nested in the chain's parts (`"When
    /// Mr Pryce said 'we owe them answers', I believed him"`): someone
    /// else's words, which an appearance inside one keeps to.
    nested: Vec<Range<usize>>,
    limits: &'a Thresholds,
}

/// A chain's known words as a set of 1,024 hash buckets: most of a
/// candidate statement's words are not printed in the chain (it shares two
/// or three with it), and this rules nearly all of those out with a
/// multiplication and a bit test, where a lookup in the chain's map hashes
/// and probes. A chain of a hundred distinct words fills under a tenth of
/// the buckets.
#[derive(Default)]
struct Known([u64; 16]);

impl Known {
    fn bucket(id: WordId) -> (usize, u64) {
        let b = (id as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54;
        ((b >> 6) as usize, 1 << (b & 63))
    }

    fn insert(&mut self, id: WordId) {
        let (i, bit) = Known::bucket(id);
        self.0[i] |= bit;
    }

    /// `false` when the chain does not hold `id`; `true` when it may.
    fn may_hold(&self, id: WordId) -> bool {
        let (i, bit) = Known::bucket(id);
        self.0[i] & bit != 0
    }
}

/// One wording searched for in a chain, and how.
#[derive(Clone, Copy)]
struct Sought<'a> {
    index: &'a Index,
    /// The wording (see [`Index::wording`]).
    w: usize,
    search: Search,
    /// The wording's distinct words the chain prints, as the index found
    /// them (see [`Index::candidates`]); empty for the exhaustive search,
    /// which aligns without asking [`Chain::worth_aligning`].
    shared: &'a [Shared],
}

/// An accepted alignment of one wording of a statement with part of a chain.
struct Selection {
    quote: usize,
    variant: Option<usize>,
    alignment: Alignment,
}

impl Selection {
    fn overlaps(&self, other: &Selection) -> bool {
        self.alignment.units.start < other.alignment.units.end
            && other.alignment.units.start < self.alignment.units.end
    }
}

/// A selection that claims its words, with the alignments of the same
/// statement's other wordings over those words: other readings of the same
/// appearance, not appearances of their own.
struct Claim {
    selection: Selection,
    rivals: Vec<Selection>,
}

impl<'a> Chain<'a> {
    fn new(
        text: &'a str,
        tokens: &'a [Token],
        quoted: &'a Quoted,
        members: Range<usize>,
        index: &'a Index,
    ) -> Self {
        let (quotations, ranges) = (&quoted.marks, &quoted.words);
        let mut units = Vec::new();
        let mut parts = Vec::new();
        for q in members.clone() {
            if q > members.start {
                units.push(Unit::Seam(q));
            }
            let start = units.len();
            units.extend(align::units(tokens, ranges[q].clone()));
            parts.push((start..units.len(), q));
        }
        let ids: Vec<WordId> = units
            .iter()
            .map(|u| match u {
                Unit::Word(t) => index.id(&tokens[*t].key),
                _ => UNKNOWN,
            })
            .collect();
        let mut occurrences: Vec<(WordId, u32)> = ids
            .iter()
            .enumerate()
            .filter(|&(_, &id)| id != UNKNOWN)
            .map(|(u, &id)| (id, u as u32))
            .collect();
        occurrences.sort_unstable();
        let mut known = Known::default();
        let (mut words, mut runs) = (Vec::new(), vec![0]);
        for run in occurrences.chunk_by(|a, b| a.0 == b.0) {
            words.push(run[0].0);
            runs.push(runs[runs.len() - 1] + run.len() as u32);
            known.insert(run[0].0);
        }
        let nested = nested_units(text, tokens, quotations, &units, &parts);
        let free = (0..units.len()).filter(|&u| units[u].is_free()).collect();
        let negations = units
            .iter()
            .filter(|u| matches!(u, Unit::Word(t) if is_negation(&tokens[*t].key)))
            .count();
        Chain {
            text,
            tokens,
            quotations,
            units,
            ids,
            occurrences,
            words,
            runs,
            known,
            free,
            negations,
            scratch: Default::default(),
            parts,
            members,
            nested,
            limits: index.thresholds(),
        }
    }

    /// The nested quotation that holds all of `units` but is not all of the
    /// chain's words, if any.
    fn nested_holding(&self, units: &Range<usize>) -> Option<Range<usize>> {
        self.nested
            .iter()
            .find(|n| n.start <= units.start && units.end <= n.end)
            .cloned()
    }

    fn find(
        &self,
        catalog: &Catalog,
        index: &Index,
        search: Search,
        tally: &mut Tally,
    ) -> Vec<Match> {
        let every: Vec<(usize, Range<usize>)>;
        let (candidates, shared) = match search {
            Search::Indexed => {
                index.candidates(&self.words, tally);
                (tally.found(), tally.shared())
            }
            Search::Exhaustive => {
                every = (0..index.len()).map(|w| (w, 0..0)).collect();
                (every.as_slice(), &[][..])
            }
        };
        let mut selections = Vec::new();
        for (w, words) in candidates.iter().cloned() {
            let shared = &shared[words];
            let sought = Sought {
                index,
                w,
                search,
                shared,
            };
            let from = selections.len();
            self.select(&sought, 0..self.units.len(), &mut selections);
            // An appearance reaching into a nested quotation from the words
            // around it ("... and said 'we owe every one of them
            // answers'"): the nested words alone, when they are one.
            for n in &self.nested {
                let crosses = |s: &Selection| {
                    let u = &s.alignment.units;
                    u.start < n.end && n.start < u.end && !(n.start <= u.start && u.end <= n.end)
                };
                if !selections[from..].iter().any(crosses) {
                    continue;
                }
                let mut inside = Vec::new();
                self.select(&sought, n.clone(), &mut inside);
                if !inside.is_empty() {
                    let kept: Vec<Selection> =
                        selections.drain(from..).filter(|s| !crosses(s)).collect();
                    selections.extend(kept);
                    selections.extend(inside);
                }
            }
        }
        // Best first; on equal scores a text of record before any variant
        // (a variant that repeats another statement's words must not take
        // them from it), then catalog order, so results are stable: the
        // order of the candidates does not matter, since only selections
        // of one wording can tie, and those one `select` found in order.
        selections.sort_by(|a, b| {
            b.alignment
                .score
                .cmp(&a.alignment.score)
                .then(a.variant.is_some().cmp(&b.variant.is_some()))
                .then(a.quote.cmp(&b.quote))
                .then(a.variant.cmp(&b.variant))
                .then(a.alignment.units.start.cmp(&b.alignment.units.start))
        });
        // Claims never overlap one another, so those a selection overlaps are
        // found from the one starting last before its end, walking back
        // while they reach into it: a statement repeated thousands of times
        // costs a search each, not a pass over every claim.
        let mut claims: Vec<Claim> = Vec::new();
        let mut by_start: BTreeMap<usize, usize> = BTreeMap::new();
        for s in selections {
            let units = s.alignment.units.clone();
            let hits: Vec<usize> = by_start
                .range(..units.end)
                .rev()
                .map(|(_, &c)| c)
                .take_while(|&c| claims[c].selection.alignment.units.end > units.start)
                .filter(|&c| claims[c].selection.overlaps(&s))
                .collect();
            let mut overlapping: Vec<&mut Claim> = Vec::new();
            if let [c] = hits.as_slice() {
                overlapping.push(&mut claims[*c]);
            } else if !hits.is_empty() {
                continue;
            }
            match overlapping.as_mut_slice() {
                [] => {
                    by_start.insert(units.start, claims.len());
                    claims.push(Claim {
                        selection: s,
                        rivals: Vec::new(),
                    });
                }
                // Another wording of the statement over the same words is
                // another reading of that appearance (one per wording).
                [claim]
                    if claim.selection.quote == s.quote
                        && claim.selection.variant != s.variant
                        && claim.rivals.iter().all(|r| r.variant != s.variant) =>
                {
                    claim.rivals.push(s)
                }
                _ => {}
            }
        }
        claims.sort_by_key(|c| c.selection.alignment.units.start);
        // Left to right, each appearance widens only into words the one
        // before it did not take, so no two report the same words.
        let mut lo = 0;
        let mut matches = Vec::with_capacity(claims.len());
        for (i, claim) in claims.iter().enumerate() {
            let hi = claims
                .get(i + 1)
                .map_or(self.units.len(), |n| n.selection.alignment.units.start);
            let readings = std::iter::once(&claim.selection).chain(
                claim
                    .rivals
                    .iter()
                    .filter(|r| lo <= r.alignment.units.start && r.alignment.units.end <= hi),
            );
            let mut readings: Vec<(Match, usize)> = readings
                .map(|s| {
                    let statement = catalog.quotes[s.quote].words_of(s.variant).len();
                    // Inside a nested quotation, its words are the limit.
                    let limit = match self.nested_holding(&s.alignment.units) {
                        Some(n) => lo.max(n.start)..hi.min(n.end),
                        None => lo..hi,
                    };
                    let extent = self.extend(&s.alignment, statement, limit);
                    let end = extent.units.end;
                    (self.build_match(s, extent), end)
                })
                .collect();
            let pick = if readings.len() == 1 {
                0
            } else {
                let quote = &catalog.quotes[claim.selection.quote];
                let candidates: Vec<&Match> = readings.iter().map(|(m, _)| m).collect();
                drift::preferred(&candidates, self.text, self.tokens, quote)
            };
            let (m, end) = readings.swap_remove(pick);
            lo = end;
            matches.push(m);
        }
        matches
    }

    /// Every appearance of `statement` in the units `range`.
    ///
    /// Searching the best alignment, then the units on either side of it
    /// again, costs the range's length for each appearance found: fine in a
    /// quotation, quadratic in a never-closed quotation that runs for a
    /// megabyte and repeats the statement thousands of times (forty "the"
    /// against a million). A range longer than [`MAX_ALIGN_UNITS`] is
    /// therefore searched in overlapping chunks a few statements wide, each
    /// on its own, and the appearances found twice where chunks overlap are
    /// kept once, the better one: the cost is linear in the range.
    fn select(&self, sought: &Sought, range: Range<usize>, out: &mut Vec<Selection>) {
        let Sought { index, w, .. } = *sought;
        if range.len() <= MAX_ALIGN_UNITS {
            return self.select_in(sought, range, RETRIES, out);
        }
        let statement = index.statement(w);
        // An appearance with drift spans about its statement's length, so
        // chunks overlapping by two statements hold each one whole.
        let overlap = 2 * statement.len();
        let width = (8 * statement.len()).max(CHUNK_UNITS).max(2 * overlap + 1);
        let mut found = Vec::new();
        let mut start = range.start;
        loop {
            // Chunks end at a sentence end when there is one nearby: then
            // where they fall depends on the text, not on how many words
            // come before it, and words added at the top of the quotation
            // do not move the findings below.
            let mut end = (start + width).min(range.end);
            let reach = (end + width / 2).min(range.end);
            if let Some(u) = (end..reach).find(|&u| u + 1 < range.end && self.sentence_break(u)) {
                end = u + 1;
            }
            self.select_in(sought, start..end, RETRIES, &mut found);
            if end == range.end {
                break;
            }
            start = end - overlap;
        }
        found.sort_by_key(|s| (s.alignment.units.start, s.alignment.units.end));
        let mut kept: Vec<Selection> = Vec::with_capacity(found.len());
        for s in found {
            match kept.last_mut() {
                Some(last) if last.alignment.units.end > s.alignment.units.start => {
                    if s.alignment.score > last.alignment.score {
                        *last = s;
                    }
                }
                _ => kept.push(s),
            }
        }
        out.extend(kept);
    }

    /// Aligns `statement` with the units `range`; when it is found, searches
    /// the units on either side again for further appearances.
    ///
    /// A best alignment that fails the thresholds does not end the search:
    /// the units on either side may still hold an appearance of lower score
    /// (a short quotation part beside chance agreements), and when it failed
    /// only for being diluted (enough agreeing words, spread too thin: a
    /// lenient alignment running on through filler), the densest stretch of
    /// it is tried with [`Penalties::STRICT`]. Each range is first put to
    /// [`Chain::worth_aligning`], so ranges that cannot hold an appearance
    /// cost a lookup, not an alignment.
    ///
    /// `retries` is how many searches are left after failed alignments
    /// before one that succeeds ([`RETRIES`] to begin with).
    fn select_in(
        &self,
        sought: &Sought,
        range: Range<usize>,
        retries: usize,
        out: &mut Vec<Selection>,
    ) {
        let Sought {
            index,
            w,
            search,
            shared,
        } = *sought;
        if range.is_empty()
            || (search == Search::Indexed && !self.worth_aligning(index, w, shared, range.clone()))
        {
            return;
        }
        let statement = index.statement(w);
        let Some(alignment) = self.best_alignment(statement, range.clone(), Penalties::LENIENT)
        else {
            return;
        };
        let region = alignment.units.clone();
        let (quote, variant) = index.wording(w);
        let sides = match self.accept(&alignment, index, w) {
            Verdict::Accept => {
                out.push(Selection {
                    quote,
                    variant,
                    alignment,
                });
                RETRIES
            }
            _ if retries == 0 => return,
            Verdict::Diluted => {
                if let Some(core) =
                    self.best_alignment(statement, region.clone(), Penalties::STRICT)
                    && self.accept(&core, index, w) == Verdict::Accept
                {
                    let (inside_before, inside_after) =
                        (region.start..core.units.start, core.units.end..region.end);
                    out.push(Selection {
                        quote,
                        variant,
                        alignment: core,
                    });
                    // What is left of the diluted stretch is the rest of
                    // that appearance's sentence in a short quotation; in a
                    // long one it may hold another appearance.
                    if range.len() > 2 * statement.len() {
                        self.select_in(sought, inside_before, RETRIES, out);
                        self.select_in(sought, inside_after, RETRIES, out);
                    }
                }
                retries - 1
            }
            // In a quotation up to twice the statement's length, a second
            // appearance beside a failed best alignment is rare, and
            // searching again would cost every quotation of every candidate
            // statement another alignment. A failed alignment with fewer
            // agreeing words than any drifted appearance needs is a chance
            // island ("w10 w11"), too weak to have outscored one.
            Verdict::Reject
                if range.len() <= 2 * statement.len()
                    || alignment.matched < self.limits.drift_min_matched =>
            {
                return;
            }
            Verdict::Reject => retries - 1,
        };
        self.select_in(sought, range.start..region.start, sides, out);
        self.select_in(sought, region.end..range.end, sides, out);
    }

    /// The best alignment of `statement` within `range`. A quotation never
    /// closed can run to the end of a long article; it is aligned in
    /// overlapping windows so that memory stays bounded whatever its length.
    fn best_alignment(
        &self,
        statement: &[WordId],
        range: Range<usize>,
        penalties: Penalties,
    ) -> Option<Alignment> {
        let overlap = 2 * statement.len();
        let width = MAX_ALIGN_UNITS.max(2 * overlap);
        if range.len() <= width {
            return align::align_in(&self.units, &self.ids, range, statement, penalties);
        }
        let mut best: Option<Alignment> = None;
        let mut start = range.start;
        loop {
            let end = (start + width).min(range.end);
            if let Some(a) =
                align::align_in(&self.units, &self.ids, start..end, statement, penalties)
                && best.as_ref().is_none_or(|b| a.score > b.score)
            {
                best = Some(a);
            }
            if end == range.end {
                break;
            }
            start = end - overlap;
        }
        best
    }

    fn key(&self, u: usize) -> Option<&str> {
        match &self.units[u] {
            Unit::Word(t) => Some(self.tokens[*t].key.as_str()),
            _ => None,
        }
    }

    /// Does the alignment show wording `w`, by the thresholds?
    ///
    /// Whatever the path, the printed words share at least
    /// [`Index::needed`] distinct words with the statement: the index
    /// skips statements that cannot, so this is what makes its narrowing
    /// exact.
    fn accept(&self, a: &Alignment, index: &Index, w: usize) -> Verdict {
        let limits = self.limits;
        let statement = index.statement(w);
        let region_words = self.word_count(a.units.clone());
        let mut window: Vec<WordId> = statement[a.window.clone()].to_vec();
        window.sort_unstable();
        let in_window = |id: &WordId| window.binary_search(id).is_ok();
        let mut shared: Vec<WordId> = self.ids[a.units.clone()]
            .iter()
            .copied()
            .filter(|&id| id != UNKNOWN && in_window(&id))
            .collect();
        let content = shared.iter().filter(|&&id| !index.is_stopword(id)).count();
        if !index.only_stopwords(w) {
            shared.retain(|&id| !index.is_stopword(id));
        }
        shared.sort_unstable();
        shared.dedup();
        if shared.len() < index.needed(w) {
            return Verdict::Reject;
        }
        // An added or dropped negation and nothing else ("We have plans to
        // invade" for "We have no plans to invade") is judged like a verbatim
        // quotation: it must not fall under the drift thresholds.
        let skipped: usize = a.free.iter().map(|(_, r)| r.len()).sum();
        let statement_words = a.window.len() - skipped;
        let q_negations = a
            .units
            .clone()
            .filter_map(|u| self.key(u))
            .filter(|k| is_negation(k))
            .count();
        let s_negations = statement[a.window.clone()]
            .iter()
            .filter(|&&id| index.is_negation(id))
            .count();
        let extra = (region_words - a.matched) + (statement_words - a.matched);
        let negation_only = !a.verbatim && extra > 0 && extra == q_negations.abs_diff(s_negations);
        if a.verbatim || negation_only {
            let entire_statement = a.window == (0..statement.len());
            let short = self.covers_whole_parts(&a.units)
                && a.matched >= limits.min_quoted_words
                && (entire_statement
                    || (content >= limits.min_quoted_content
                        && self.several_printed_words(&a.units)));
            Verdict::of(short || a.matched >= limits.min_embedded_run)
        } else if a.matched < limits.drift_min_matched || content < limits.drift_min_content {
            Verdict::Reject
        } else if dice(a.matched, region_words, statement_words) < limits.drift_min_dice {
            Verdict::Diluted
        } else {
            Verdict::Accept
        }
    }

    fn word_count(&self, units: Range<usize>) -> usize {
        units.filter(|&u| !self.units[u].is_free()).count()
    }

    /// Does `units` hold every word of each part it touches?
    fn covers_whole_parts(&self, units: &Range<usize>) -> bool {
        // Parts are in order: start at the first that reaches `units` (a
        // long chain of quotations holds thousands of parts).
        let first = self.parts.partition_point(|(p, _)| p.end <= units.start);
        self.parts[first..]
            .iter()
            .take_while(|(p, _)| p.start < units.end)
            .all(|(p, _)| {
                p.clone()
                    .filter(|&u| !self.units[u].is_free())
                    .all(|u| units.contains(&u))
            })
    }

    /// A hyphenated compound ("cost-of-living") is one printed word: quoted
    /// alone, it is a term, not somebody's words.
    fn several_printed_words(&self, units: &Range<usize>) -> bool {
        let words: Vec<&Token> = units
            .clone()
            .filter_map(|u| match &self.units[u] {
                Unit::Word(t) => Some(&self.tokens[*t]),
                _ => None,
            })
            .collect();
        words.windows(2).any(|w| {
            self.text[w[0].span.end..w[1].span.start]
                .chars()
                .any(char::is_whitespace)
        })
    }

    /// Is there a sentence end between the word units `a` and `a + 1`?
    fn sentence_break(&self, a: usize) -> bool {
        match (&self.units[a], &self.units[a + 1]) {
            (Unit::Word(x), Unit::Word(y)) => self.text
                [self.tokens[*x].span.end..self.tokens[*y].span.start]
                .contains(['.', '!', '?']),
            _ => true,
        }
    }

    /// Widens an alignment to the words of its sentence.
    ///
    /// A local alignment stops before changed words at its edges, yet those
    /// words are printed as the speaker's: `"We are now ..."` for the record's
    /// `"We're now ..."`. A drifted appearance takes in the rest of its
    /// sentence inside the quotation (within `limit`, the part no other
    /// statement claims), pairing the extra words with the statement's
    /// neighbouring words. A verbatim one takes in only as many extra words as
    /// the statement has beside it, and only if the result still agrees well
    /// enough; otherwise the extra words are the writer's, quoting beyond the
    /// record. Neither crosses a seam, an edit or a sentence end: the
    /// neighbouring sentences of a long quotation are other words.
    fn extend(&self, a: &Alignment, statement_len: usize, limit: Range<usize>) -> Extent {
        let mut before = 0;
        while a.units.start - before > limit.start {
            let u = a.units.start - before - 1;
            if self.units[u].is_free() || self.sentence_break(u) {
                break;
            }
            before += 1;
        }
        let mut after = 0;
        while a.units.end + after < limit.end {
            let u = a.units.end + after;
            if self.units[u].is_free() || self.sentence_break(u - 1) {
                break;
            }
            after += 1;
        }
        let s_before = a.window.start;
        let s_after = statement_len - a.window.end;
        let (q_lo, q_hi) = if a.verbatim {
            (before.min(s_before), after.min(s_after))
        } else {
            (before, after)
        };
        let unit_range = a.units.start - q_lo..a.units.end + q_hi;
        let window = a.window.start - q_lo.min(s_before)..a.window.end + q_hi.min(s_after);
        if a.verbatim && (q_lo > 0 || q_hi > 0) {
            let skipped: usize = a.free.iter().map(|(_, r)| r.len()).sum();
            let d = dice(
                a.matched,
                self.word_count(unit_range.clone()),
                window.len() - skipped,
            );
            if d < self.limits.drift_min_dice {
                return self.with_edge_edits(
                    a.units.clone(),
                    a.window.clone(),
                    statement_len,
                    limit,
                );
            }
        }
        self.with_edge_edits(unit_range, window, statement_len, limit)
    }

    /// An ellipsis or bracket right at the edge of an appearance belongs to
    /// it: `"... we could make real progress"` is a partial quotation with an
    /// edit. An edge bracket stands for as many of the statement's
    /// neighbouring words as it holds (`"[Lavrov] heard from us"` for "He
    /// heard from us"); an edge ellipsis stands for none, since the
    /// appearance is partial anyway.
    fn with_edge_edits(
        &self,
        mut range: Range<usize>,
        mut window: Range<usize>,
        statement_len: usize,
        limit: Range<usize>,
    ) -> Extent {
        let stands_for = |u: &Unit| match u {
            Unit::Bracket(r) => r.len(),
            _ => 0,
        };
        let (mut lead, mut trail) = (0, 0);
        if range.start > limit.start && self.units[range.start - 1].is_edit() {
            range.start -= 1;
            lead = stands_for(&self.units[range.start]).min(window.start);
            window.start -= lead;
        }
        if range.end < limit.end && self.units[range.end].is_edit() {
            trail = stands_for(&self.units[range.end]).min(statement_len - window.end);
            window.end += trail;
            range.end += 1;
        }
        Extent {
            units: range,
            window,
            lead,
            trail,
        }
    }

    /// The part (its quotation index) holding unit `u`.
    fn part_of(&self, u: usize) -> usize {
        let i = self.parts.partition_point(|(p, _)| p.end <= u);
        self.parts
            .get(i)
            .filter(|(p, _)| p.contains(&u))
            .map_or(self.members.start, |(_, q)| *q)
    }

    fn byte_span(&self, u: usize) -> Range<usize> {
        match &self.units[u] {
            Unit::Word(t) | Unit::Gap(t) => self.tokens[*t].span.clone(),
            Unit::Bracket(r) => bracket_span(self.text, self.tokens, r.clone()),
            Unit::Seam(q) => self.quotations[*q].open..self.quotations[*q].open,
        }
    }

    fn build_match(&self, selection: &Selection, extent: Extent) -> Match {
        let a = &selection.alignment;
        let Extent {
            units: unit_range,
            window,
            lead,
            trail,
        } = extent;
        let mut segments = Vec::new();
        let mut words = Vec::new();
        let mut s_from = window.start;
        for u in unit_range.clone() {
            let free = a.free.iter().find(|(i, _)| *i == u).map(|(_, r)| r.clone());
            let free = free.unwrap_or_else(|| {
                if u < a.units.start {
                    window.start..window.start + lead
                } else {
                    window.end - trail..window.end
                }
            });
            let segment = match &self.units[u] {
                Unit::Word(t) => {
                    words.push(*t);
                    continue;
                }
                Unit::Gap(t) => Segment::Ellipsis {
                    token: *t,
                    window: free.clone(),
                },
                Unit::Bracket(r) => Segment::Brackets {
                    tokens: r.clone(),
                    window: free.clone(),
                },
                Unit::Seam(_) => Segment::Split {
                    window: free.clone(),
                },
            };
            push_words(&mut segments, &mut words, s_from..free.start.max(s_from));
            s_from = free.end.max(s_from);
            if !matches!(&segment, Segment::Split { window } if window.is_empty()) {
                segments.push(segment);
            }
        }
        push_words(&mut segments, &mut words, s_from..window.end.max(s_from));
        let first = self.part_of(unit_range.start);
        let last = self.part_of(unit_range.end - 1);
        // A paragraph left open is fine when the next one continues it.
        let unclosed = !self.quotations[last].is_closed() && last + 1 == self.members.end;
        Match {
            quote: selection.quote,
            variant: selection.variant,
            span: self.byte_span(unit_range.start).start..self.byte_span(unit_range.end - 1).end,
            quoted: true,
            quotation: Some(first),
            unclosed,
            window,
            segments,
        }
    }
}

/// What the thresholds say of an alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Accept,
    /// Enough words agree, but too few for the words around them: the
    /// alignment ran on through chance agreements, and a denser stretch of
    /// it may pass.
    Diluted,
    Reject,
}

impl Verdict {
    fn of(accepted: bool) -> Self {
        if accepted {
            Verdict::Accept
        } else {
            Verdict::Reject
        }
    }
}

/// The extent of an appearance: its units, the statement words it covers,
/// and how many of those words an edit at each edge stands for.
struct Extent {
    units: Range<usize>,
    window: Range<usize>,
    lead: usize,
    trail: usize,
}

/// The unit ranges of the single quotations nested in the double-quoted
/// parts of a chain (see [`Chain::nested`]). Only a part whose text has a
/// single mark after a space or a double mark is read again: apostrophes
/// inside words are not marks.
fn nested_units(
    text: &str,
    tokens: &[Token],
    quotations: &[Quotation],
    units: &[Unit],
    parts: &[(Range<usize>, usize)],
) -> Vec<Range<usize>> {
    let mut nested = Vec::new();
    for (range, q) in parts {
        let quotation = &quotations[*q];
        let content = &text[quotation.content.clone()];
        let may_nest = !quotation.single
            && content.match_indices(['\'', '\u{2018}']).any(|(i, _)| {
                content[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|b| b.is_whitespace() || crate::quotations::is_mark(b))
            });
        if !may_nest {
            continue;
        }
        let base = quotation.content.start;
        for inner in crate::quotations::find(content) {
            if !inner.single {
                continue;
            }
            let (a, b) = (inner.content.start + base, inner.content.end + base);
            let inside = |u: &Unit| matches!(u, Unit::Word(t) if a <= tokens[*t].span.start && tokens[*t].span.end <= b);
            let Some(start) = range.clone().find(|&u| inside(&units[u])) else {
                continue;
            };
            let end = (start..range.end)
                .find(|&u| !inside(&units[u]))
                .unwrap_or(range.end);
            // The whole part is no nesting.
            if start > range.start || end < range.end {
                nested.push(start..end);
            }
        }
    }
    nested
}

fn dice(matched: usize, a: usize, b: usize) -> f64 {
    if a + b == 0 {
        return 0.0;
    }
    2.0 * matched as f64 / (a + b) as f64
}

fn push_words(segments: &mut Vec<Segment>, words: &mut Vec<usize>, window: Range<usize>) {
    if !words.is_empty() || !window.is_empty() {
        segments.push(Segment::Words {
            tokens: std::mem::take(words),
            window,
        });
    }
}

/// Long verbatim runs of statements in the text outside quotation marks.
fn unquoted_runs(index: &Index, tokens: &[Token], quotations: &[Quotation]) -> Vec<Match> {
    // Word ids of the article, `None` where a word is quoted, unknown to the
    // catalog, or not a word.
    let mut quoted = quotations.iter().map(|q| q.outer()).peekable();
    let ids: Vec<Option<u32>> = tokens
        .iter()
        .map(|t| {
            while quoted.peek().is_some_and(|r| r.end <= t.span.start) {
                quoted.next();
            }
            let inside = quoted.peek().is_some_and(|r| r.start <= t.span.start);
            if inside || !t.is_word() {
                None
            } else {
                index.lookup(&t.key)
            }
        })
        .collect();
    let mut found = Vec::new();
    // The end of the last run reported per (statement, diagonal), so a run is
    // reported once, not once per trigram inside it.
    let mut reported: rustc_hash::FxHashMap<(u32, isize), usize> = Default::default();
    for i in 0..ids.len().saturating_sub(2) {
        let (Some(a), Some(b), Some(c)) = (ids[i], ids[i + 1], ids[i + 2]) else {
            continue;
        };
        for &(w, p) in index.seeds(a, b, c) {
            let diagonal = i as isize - p as isize;
            if reported.get(&(w, diagonal)).is_some_and(|&end| end > i) {
                continue;
            }
            let statement = index.statement(w as usize);
            let len = (0..)
                .take_while(|&k| {
                    let (ai, sp) = (i + k, p as usize + k);
                    ai < ids.len() && sp < statement.len() && ids[ai] == Some(statement[sp])
                })
                .count();
            reported.insert((w, diagonal), i + len);
            if len < index.thresholds().min_unquoted_run {
                continue;
            }
            let window = p as usize..p as usize + len;
            let (quote, variant) = index.wording(w as usize);
            found.push(Match {
                quote,
                variant,
                span: tokens[i].span.start..tokens[i + len - 1].span.end,
                quoted: false,
                quotation: None,
                unclosed: false,
                window: window.clone(),
                segments: vec![Segment::Words {
                    tokens: (i..i + len).collect(),
                    window,
                }],
            });
        }
    }
    one_reading_per_run(found)
}

/// Where wordings of one statement share a run (a variant that keeps most of
/// the text's words), the run is one appearance: the reading that covers the
/// most printed words is kept, the text of record on a tie. Runs of one
/// wording are left as they are, and the order of the rest is kept.
fn one_reading_per_run(found: Vec<Match>) -> Vec<Match> {
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&found[a], &found[b]);
        b.window
            .len()
            .cmp(&a.window.len())
            .then(a.variant.cmp(&b.variant))
            .then(a.span.start.cmp(&b.span.start))
    });
    let mut keep = vec![false; found.len()];
    for &i in &order {
        let m = &found[i];
        let shadowed = (0..found.len()).any(|k| {
            let other = &found[k];
            keep[k]
                && other.quote == m.quote
                && other.variant != m.variant
                && other.span.start < m.span.end
                && m.span.start < other.span.end
        });
        keep[i] = !shadowed;
    }
    found
        .into_iter()
        .zip(keep)
        .filter_map(|(m, keep)| keep.then_some(m))
        .collect()
}

/// The seeded numbers of the matcher's tests.
#[cfg(test)]
use crate::seeded::numbers;

#[cfg(test)]
mod tests {
    use super::Known;

    #[test]
    fn known_words_are_never_ruled_out_and_most_others_are() {
        let mut known = Known::default();
        let held: Vec<u32> = (0..100).map(|i| i * 7919 + 13).collect();
        for &id in &held {
            known.insert(id);
        }
        assert!(held.iter().all(|&id| known.may_hold(id)));
        let others = (0..100_000u32).filter(|id| !held.contains(id));
        let passed = others.filter(|&id| known.may_hold(id)).count();
        assert!(
            passed < 10_000,
            "{passed} of 100,000 other words let through"
        );
    }
}
