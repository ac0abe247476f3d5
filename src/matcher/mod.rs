//! The matcher: where does each statement of the catalog appear in an article?
//!
//! Quotations are first grouped into chains: the parts of a quotation split
//! by its attribution (`"A," he said, "B."`) and the paragraphs of a long
//! quotation left open until the last one. Each chain is aligned with the
//! statements the index proposes (see [`align`]), the seams between parts
//! costing nothing; alignments that pass the thresholds below are kept, best
//! first, as long as they do not claim the same words, and the rest of the
//! chain is searched again, since one quotation may hold a statement twice.
//! Outside quotation marks, only long verbatim runs count: shorter overlaps
//! with a statement are ordinary prose.

pub mod align;
mod index;

use std::ops::Range;

use crate::catalog::Catalog;
use crate::quotations::{Quotation, Quoted};
use crate::text::Token;
use crate::text::fold::{is_negation, is_stopword};
use crate::text::words::bracket_span;
use align::{Alignment, Unit};

pub use index::Index;

/// A quotation part that is exactly a verbatim part of a statement counts
/// from this many words, this many of them not stopwords ("empty and
/// unfounded", "fully coordinated"): short quotations are how papers quote
/// officials. With one distinctive word ("the bank", "the data") it is a
/// scare quote or a title, not a quotation of the speaker.
const MIN_SHORT_QUOTATION_WORDS: usize = 2;
const MIN_SHORT_QUOTATION_CONTENT: usize = 2;

/// Inside a longer quotation that holds other words too, a verbatim run of a
/// statement counts from this many words; shorter shared runs ("the United
/// States") are coincidences of language.
const MIN_EMBEDDED_RUN: usize = 5;

/// A quotation whose words differ from a statement is the statement with
/// drift only if this many words still agree, this many of them are not
/// stopwords, and the agreeing words make up at least this share of both
/// sides (Dice coefficient). The back-translated Psaki quote of the sample
/// corpus agrees on 10 words of 15 and 17, a Dice of 0.63; unrelated
/// quotations on the same topic stay below 0.4.
const DRIFT_MIN_MATCHED: usize = 4;
const DRIFT_MIN_CONTENT: usize = 3;
const DRIFT_MIN_DICE: f64 = 0.5;

/// Outside quotation marks, a verbatim run of a statement counts from this
/// many words. Reported speech borrows a few words all the time ("in parallel
/// with the United States", "US Secretary of State Antony Blinken": six
/// words each in the sample); a run this long is the statement itself,
/// printed without marks.
pub const MIN_UNQUOTED_RUN: usize = 8;

/// Quotations longer than this many units are aligned in overlapping windows
/// of this size: the alignment grid costs units × statement words of memory.
const MAX_ALIGN_UNITS: usize = 4096;

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
    let mut matches = Vec::new();
    for chain in &quoted.chains {
        let chain = Chain::new(text, tokens, quoted, chain.clone());
        matches.extend(chain.find(catalog, index));
    }
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
    /// Unit range of each part, and its quotation index.
    parts: Vec<(Range<usize>, usize)>,
    /// Quotation indices of the chain.
    members: Range<usize>,
}

/// An accepted alignment of one statement with part of a chain.
struct Selection {
    quote: usize,
    alignment: Alignment,
}

impl<'a> Chain<'a> {
    fn new(text: &'a str, tokens: &'a [Token], quoted: &'a Quoted, members: Range<usize>) -> Self {
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
        Chain {
            text,
            tokens,
            quotations,
            units,
            parts,
            members,
        }
    }

    fn find(&self, catalog: &Catalog, index: &Index) -> Vec<Match> {
        let keys = self.units.iter().filter_map(|u| match u {
            Unit::Word(t) => Some(self.tokens[*t].key.as_str()),
            _ => None,
        });
        let mut selections = Vec::new();
        for q in index.candidates(keys) {
            self.select(
                &catalog.quotes[q].words,
                q,
                0..self.units.len(),
                &mut selections,
            );
        }
        // Best first; equal scores keep catalog order, so results are stable.
        selections.sort_by(|a, b| {
            b.alignment
                .score
                .cmp(&a.alignment.score)
                .then(a.quote.cmp(&b.quote))
                .then(a.alignment.units.start.cmp(&b.alignment.units.start))
        });
        let mut taken: Vec<Selection> = Vec::new();
        for s in selections {
            let overlaps = taken.iter().any(|t| {
                t.alignment.units.start < s.alignment.units.end
                    && s.alignment.units.start < t.alignment.units.end
            });
            if !overlaps {
                taken.push(s);
            }
        }
        taken.sort_by_key(|s| s.alignment.units.start);
        // Left to right, each appearance widens only into words the one
        // before it did not take, so no two report the same words.
        let mut lo = 0;
        let mut matches = Vec::with_capacity(taken.len());
        for (i, s) in taken.iter().enumerate() {
            let hi = taken
                .get(i + 1)
                .map_or(self.units.len(), |n| n.alignment.units.start);
            let statement = &catalog.quotes[s.quote].words;
            let extent = self.extend(&s.alignment, statement, lo..hi);
            lo = extent.units.end;
            matches.push(self.build_match(s.quote, &s.alignment, extent));
        }
        matches
    }

    /// Aligns `statement` with the units `range`; when it is found, searches
    /// the units on either side again for further appearances.
    fn select(
        &self,
        statement: &[Token],
        quote: usize,
        range: Range<usize>,
        out: &mut Vec<Selection>,
    ) {
        if range.is_empty() {
            return;
        }
        let Some(alignment) = self.best_alignment(statement, range.clone()) else {
            return;
        };
        if !self.accept(&alignment, statement) {
            return;
        }
        let (before, after) = (
            range.start..alignment.units.start,
            alignment.units.end..range.end,
        );
        out.push(Selection { quote, alignment });
        self.select(statement, quote, before, out);
        self.select(statement, quote, after, out);
    }

    /// The best alignment of `statement` within `range`. A quotation never
    /// closed can run to the end of a long article; it is aligned in
    /// overlapping windows so that memory stays bounded whatever its length.
    fn best_alignment(&self, statement: &[Token], range: Range<usize>) -> Option<Alignment> {
        let overlap = 2 * statement.len();
        let width = MAX_ALIGN_UNITS.max(2 * overlap);
        if range.len() <= width {
            return align::align_in(&self.units, range, self.tokens, statement);
        }
        let mut best: Option<Alignment> = None;
        let mut start = range.start;
        loop {
            let end = (start + width).min(range.end);
            if let Some(a) = align::align_in(&self.units, start..end, self.tokens, statement)
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

    /// Does the alignment show the statement, by the thresholds above?
    fn accept(&self, a: &Alignment, statement: &[Token]) -> bool {
        let region_words = self.word_count(a.units.clone());
        let window_keys: Vec<&str> = statement[a.window.clone()]
            .iter()
            .map(|t| t.key.as_str())
            .collect();
        let content = a
            .units
            .clone()
            .filter_map(|u| self.key(u))
            .filter(|k| !is_stopword(k) && window_keys.contains(k))
            .count();
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
        let s_negations = window_keys.iter().filter(|k| is_negation(k)).count();
        let extra = (region_words - a.matched) + (statement_words - a.matched);
        let negation_only = !a.verbatim && extra > 0 && extra == q_negations.abs_diff(s_negations);
        if a.verbatim || negation_only {
            let entire_statement = a.window == (0..statement.len());
            let short = self.covers_whole_parts(&a.units)
                && a.matched >= MIN_SHORT_QUOTATION_WORDS
                && (entire_statement
                    || (content >= MIN_SHORT_QUOTATION_CONTENT
                        && self.several_printed_words(&a.units)));
            short || a.matched >= MIN_EMBEDDED_RUN
        } else {
            a.matched >= DRIFT_MIN_MATCHED
                && content >= DRIFT_MIN_CONTENT
                && dice(a.matched, region_words, statement_words) >= DRIFT_MIN_DICE
        }
    }

    fn word_count(&self, units: Range<usize>) -> usize {
        units.filter(|&u| !self.units[u].is_free()).count()
    }

    /// Does `units` hold every word of each part it touches?
    fn covers_whole_parts(&self, units: &Range<usize>) -> bool {
        self.parts
            .iter()
            .filter(|(p, _)| p.start < units.end && units.start < p.end)
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
    fn extend(&self, a: &Alignment, statement: &[Token], limit: Range<usize>) -> Extent {
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
        let s_after = statement.len() - a.window.end;
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
            if d < DRIFT_MIN_DICE {
                return self.with_edge_edits(
                    a.units.clone(),
                    a.window.clone(),
                    statement.len(),
                    limit,
                );
            }
        }
        self.with_edge_edits(unit_range, window, statement.len(), limit)
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
        self.parts
            .iter()
            .find(|(p, _)| p.contains(&u))
            .map_or(self.members.start, |(_, q)| *q)
    }

    fn byte_span(&self, u: usize) -> Range<usize> {
        match &self.units[u] {
            Unit::Word(t) | Unit::Gap(t) => self.tokens[*t].span.clone(),
            Unit::Bracket(r) => bracket_span(self.text, self.tokens, r.clone()),
            Unit::Seam(q) => self.quotations[*q].open..self.quotations[*q].open,
        }
    }

    fn build_match(&self, quote: usize, a: &Alignment, extent: Extent) -> Match {
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
            quote,
            span: self.byte_span(unit_range.start).start..self.byte_span(unit_range.end - 1).end,
            quoted: true,
            quotation: Some(first),
            unclosed,
            window,
            segments,
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
    let mut reported: std::collections::HashMap<(u32, isize), usize> =
        std::collections::HashMap::new();
    for i in 0..ids.len().saturating_sub(2) {
        let (Some(a), Some(b), Some(c)) = (ids[i], ids[i + 1], ids[i + 2]) else {
            continue;
        };
        for &(q, p) in index.seeds(a, b, c) {
            let diagonal = i as isize - p as isize;
            if reported.get(&(q, diagonal)).is_some_and(|&end| end > i) {
                continue;
            }
            let statement = index.statement(q as usize);
            let len = (0..)
                .take_while(|&k| {
                    let (ai, sp) = (i + k, p as usize + k);
                    ai < ids.len() && sp < statement.len() && ids[ai] == Some(statement[sp])
                })
                .count();
            reported.insert((q, diagonal), i + len);
            if len < MIN_UNQUOTED_RUN {
                continue;
            }
            let window = p as usize..p as usize + len;
            found.push(Match {
                quote: q as usize,
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
    found
}
