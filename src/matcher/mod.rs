//! The matcher: where does each statement of the catalog appear in an article?
//!
//! Inside quotation marks, every quotation is aligned with the statements the
//! index proposes (see [`align`]); the alignments that pass the thresholds
//! below are kept, best first, as long as they do not claim the same words.
//! The parts of a quotation split by its attribution (`"A," he said. "B."`)
//! are then joined into one appearance. Outside quotation marks, only long
//! verbatim runs count: shorter overlaps with a statement are ordinary prose.

pub mod align;
mod index;

use std::ops::Range;

use crate::catalog::Catalog;
use crate::quotations::Quotation;
use crate::text::Token;
use crate::text::fold::is_stopword;
use align::{Alignment, Unit};

pub use index::Index;

/// A quotation that is exactly a verbatim part of a statement counts from
/// this many words ("empty and unfounded", "fully coordinated"): short
/// quotations are how papers quote officials, and one distinctive word must
/// be among them.
const MIN_WHOLE_QUOTATION_WORDS: usize = 2;

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
/// many words. Reported speech borrows a few words all the time; a run this
/// long is the statement itself, printed without marks.
pub const MIN_UNQUOTED_RUN: usize = 8;

/// Two quotations are parts of one split quotation when at most this many
/// words stand between them (`"A," the foreign minister told reporters, "B."`).
const MAX_SPLIT_GAP_WORDS: usize = 12;

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
    /// The (first) quotation it was found in.
    pub quotation: Option<usize>,
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
    quotations: &[Quotation],
) -> Vec<Match> {
    let ranges: Vec<Range<usize>> = quotations
        .iter()
        .map(|q| token_range(tokens, q.content.clone()))
        .collect();
    let mut matches = Vec::new();
    for (qi, range) in ranges.iter().enumerate() {
        matches.extend(match_quotation(catalog, index, tokens, range.clone(), qi));
    }
    let mut matches = join_split_quotations(text, tokens, quotations, &ranges, matches);
    matches.extend(unquoted_runs(index, tokens, quotations));
    matches.sort_by_key(|m| (m.span.start, m.quote));
    matches
}

/// Token indices whose spans lie inside `bytes`.
fn token_range(tokens: &[Token], bytes: Range<usize>) -> Range<usize> {
    let start = tokens.partition_point(|t| t.span.start < bytes.start);
    let end = tokens.partition_point(|t| t.span.end <= bytes.end);
    start..end.max(start)
}

/// An accepted alignment of one statement with part of a quotation.
struct Selection {
    quote: usize,
    alignment: Alignment,
}

fn match_quotation(
    catalog: &Catalog,
    index: &Index,
    tokens: &[Token],
    range: Range<usize>,
    qi: usize,
) -> Vec<Match> {
    let units = align::units(tokens, range.clone());
    let keys = tokens[range]
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.key.as_str());
    let mut selections: Vec<Selection> = index
        .candidates(keys)
        .into_iter()
        .filter_map(|q| {
            let statement = &catalog.quotes[q].words;
            let alignment = align::align(&units, tokens, statement)?;
            accept(&alignment, &units, tokens, statement).then_some(Selection {
                quote: q,
                alignment,
            })
        })
        .collect();
    // Best first; equal scores keep catalog order, so results are stable.
    selections.sort_by(|a, b| {
        b.alignment
            .score
            .cmp(&a.alignment.score)
            .then(a.quote.cmp(&b.quote))
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
    let limits: Vec<Range<usize>> = (0..taken.len())
        .map(|i| {
            let lo = if i == 0 {
                0
            } else {
                taken[i - 1].alignment.units.end
            };
            let hi = taken
                .get(i + 1)
                .map_or(units.len(), |n| n.alignment.units.start);
            lo..hi
        })
        .collect();
    taken
        .iter()
        .zip(limits)
        .map(|(s, limit)| {
            let statement = &catalog.quotes[s.quote].words;
            let extent = extend(&s.alignment, &units, statement, limit);
            build_match(s.quote, qi, &units, tokens, &s.alignment, extent)
        })
        .collect()
}

fn word_count(units: &[Unit]) -> usize {
    units.iter().filter(|u| !u.is_free()).count()
}

/// Does the alignment show the statement, by the thresholds above?
fn accept(a: &Alignment, units: &[Unit], tokens: &[Token], statement: &[Token]) -> bool {
    let region = &units[a.units.clone()];
    let region_words = word_count(region);
    let window_keys: Vec<&str> = statement[a.window.clone()]
        .iter()
        .map(|t| t.key.as_str())
        .collect();
    let content = region
        .iter()
        .filter_map(|u| match u {
            Unit::Word(t) => Some(tokens[*t].key.as_str()),
            _ => None,
        })
        .filter(|k| !is_stopword(k) && window_keys.contains(k))
        .count();
    if a.verbatim {
        let whole = region_words == word_count(units);
        let entire_statement = a.window == (0..statement.len());
        (whole && a.matched >= MIN_WHOLE_QUOTATION_WORDS && (content >= 1 || entire_statement))
            || a.matched >= MIN_EMBEDDED_RUN
    } else {
        let skipped: usize = a.free.iter().map(|(_, r)| r.len()).sum();
        let statement_words = a.window.len() - skipped;
        a.matched >= DRIFT_MIN_MATCHED
            && content >= DRIFT_MIN_CONTENT
            && dice(a.matched, region_words, statement_words) >= DRIFT_MIN_DICE
    }
}

fn dice(matched: usize, a: usize, b: usize) -> f64 {
    if a + b == 0 {
        return 0.0;
    }
    2.0 * matched as f64 / (a + b) as f64
}

/// Widens an alignment to the words of the quotation around it.
///
/// A local alignment stops before changed words at its edges, yet those words
/// are printed as the speaker's: `"We are now ..."` for the record's
/// `"We're now ..."`. A drifted appearance takes in the whole quotation
/// (within `limit`, the part not claimed by other statements), pairing its
/// extra words with the statement's neighbouring words. A verbatim one takes
/// in only as many extra words as the statement has beside it, and only if
/// the result still agrees well enough; otherwise the extra words are the
/// writer's, quoting beyond the record.
fn extend(a: &Alignment, units: &[Unit], statement: &[Token], limit: Range<usize>) -> Extent {
    let before = units[limit.start..a.units.start]
        .iter()
        .rev()
        .take_while(|u| !u.is_free())
        .count();
    let after = units[a.units.end..limit.end]
        .iter()
        .take_while(|u| !u.is_free())
        .count();
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
            word_count(&units[unit_range.clone()]),
            window.len() - skipped,
        );
        if d < DRIFT_MIN_DICE {
            return with_edge_edits(
                a.units.clone(),
                a.window.clone(),
                units,
                statement.len(),
                limit,
            );
        }
    }
    with_edge_edits(unit_range, window, units, statement.len(), limit)
}

/// The extent of an appearance: its units, the statement words it covers,
/// and how many of those words an edit at each edge stands for.
struct Extent {
    units: Range<usize>,
    window: Range<usize>,
    lead: usize,
    trail: usize,
}

/// An ellipsis or bracket right at the edge of an appearance belongs to it:
/// `"... we could make real progress"` is a partial quotation with an edit.
/// An edge bracket stands for as many of the statement's neighbouring words as
/// it holds (`"[Lavrov] heard from us"` for "He heard from us"); an edge
/// ellipsis stands for none, since the appearance is partial anyway.
fn with_edge_edits(
    mut range: Range<usize>,
    mut window: Range<usize>,
    units: &[Unit],
    statement_len: usize,
    limit: Range<usize>,
) -> Extent {
    let stands_for = |u: &Unit| match u {
        Unit::Bracket(r) => r.len(),
        _ => 0,
    };
    let (mut lead, mut trail) = (0, 0);
    if range.start > limit.start && units[range.start - 1].is_free() {
        range.start -= 1;
        lead = stands_for(&units[range.start]).min(window.start);
        window.start -= lead;
    }
    if range.end < limit.end && units[range.end].is_free() {
        trail = stands_for(&units[range.end]).min(statement_len - window.end);
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

fn build_match(
    quote: usize,
    quotation: usize,
    units: &[Unit],
    tokens: &[Token],
    a: &Alignment,
    extent: Extent,
) -> Match {
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
        let free_window = || {
            a.free
                .iter()
                .find(|(i, _)| *i == u)
                .map(|(_, r)| r.clone())
                .unwrap_or_else(|| {
                    if u < a.units.start {
                        window.start..window.start + lead
                    } else {
                        window.end - trail..window.end
                    }
                })
        };
        match &units[u] {
            Unit::Word(t) => words.push(*t),
            Unit::Gap(t) => {
                let w = free_window();
                push_words(&mut segments, &mut words, s_from..w.start.max(s_from));
                s_from = w.end.max(s_from);
                segments.push(Segment::Ellipsis {
                    token: *t,
                    window: w,
                });
            }
            Unit::Bracket(r) => {
                let w = free_window();
                push_words(&mut segments, &mut words, s_from..w.start.max(s_from));
                s_from = w.end.max(s_from);
                segments.push(Segment::Brackets {
                    tokens: r.clone(),
                    window: w,
                });
            }
        }
    }
    push_words(&mut segments, &mut words, s_from..window.end.max(s_from));
    let first = match &units[unit_range.start] {
        Unit::Word(t) | Unit::Gap(t) => *t,
        Unit::Bracket(r) => r.start,
    };
    let last = match &units[unit_range.end - 1] {
        Unit::Word(t) | Unit::Gap(t) => *t,
        Unit::Bracket(r) => r.end - 1,
    };
    Match {
        quote,
        span: tokens[first].span.start..tokens[last].span.end,
        quoted: true,
        quotation: Some(quotation),
        window,
        segments,
    }
}

fn push_words(segments: &mut Vec<Segment>, words: &mut Vec<usize>, window: Range<usize>) {
    if !words.is_empty() || !window.is_empty() {
        segments.push(Segment::Words {
            tokens: std::mem::take(words),
            window,
        });
    }
}

/// Are quotations `a` and `a + 1` two parts of one split quotation?
fn split_parts(
    text: &str,
    tokens: &[Token],
    quotations: &[Quotation],
    ranges: &[Range<usize>],
    a: usize,
) -> bool {
    let (first, second) = (&quotations[a], &quotations[a + 1]);
    let between = &text[first.outer().end..second.open];
    match first.close {
        // A paragraph left open continues in the next one that opens with a mark.
        None => between.trim().is_empty(),
        Some(_) => {
            let words = ranges[a].end..ranges[a + 1].start;
            let gap_words = tokens[words].iter().filter(|t| t.is_word()).count();
            let paragraph_break = between.contains("\n\n")
                || between.contains("\r\n\r\n")
                || between.contains("\r\r");
            gap_words <= MAX_SPLIT_GAP_WORDS && !paragraph_break
        }
    }
}

/// Joins the appearances of one statement in consecutive parts of a split
/// quotation: the first part must end the quotation it is in, the second
/// must begin its own, and they must follow each other in the statement.
fn join_split_quotations(
    text: &str,
    tokens: &[Token],
    quotations: &[Quotation],
    ranges: &[Range<usize>],
    matches: Vec<Match>,
) -> Vec<Match> {
    let last_word = |qi: usize| ranges[qi].clone().rev().find(|&t| tokens[t].is_word());
    let first_word = |qi: usize| ranges[qi].clone().find(|&t| tokens[t].is_word());
    let mut joined: Vec<Match> = Vec::with_capacity(matches.len());
    for m in matches {
        let Some(prev) = joined.iter_mut().rev().find(|p| {
            p.quote == m.quote
                && p.quotation.zip(m.quotation).is_some_and(|(a, b)| {
                    b == a + 1 && split_parts(text, tokens, quotations, ranges, a)
                })
        }) else {
            joined.push(m);
            continue;
        };
        let (a, b) = (
            prev.quotation.unwrap_or_default(),
            m.quotation.unwrap_or_default(),
        );
        let ends_part = last_word(a).is_some_and(|t| tokens[t].span.end <= prev.span.end);
        let starts_part = first_word(b).is_some_and(|t| tokens[t].span.start >= m.span.start);
        if !(ends_part && starts_part && prev.window.end <= m.window.start) {
            joined.push(m);
            continue;
        }
        if m.window.start > prev.window.end {
            prev.segments.push(Segment::Split {
                window: prev.window.end..m.window.start,
            });
        }
        prev.segments.extend(m.segments);
        prev.span.end = m.span.end;
        prev.window.end = m.window.end;
        prev.quotation = Some(b);
    }
    // `quotation` moved to the last part while joining (to chain a third
    // part); report the first part, where the appearance begins.
    for m in &mut joined {
        if let Some(q) = m.quotation {
            let first = (0..=q)
                .rev()
                .find(|&i| quotations[i].content.start <= m.span.start)
                .unwrap_or(q);
            m.quotation = Some(first);
        }
    }
    joined
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
