//! Could an alignment of a statement with part of a chain pass the
//! thresholds? Answered from where the two share words, without aligning.
//!
//! The index proposes every statement that shares enough distinct words
//! with a chain, and most of them share only a few common ones, scattered:
//! on 2,000 articles × 2,000 statements, 95% of the alignments they cost
//! were rejected. Filling an alignment grid costs the product of the two
//! lengths; the checks here cost the handful of pairings of a printed word
//! with a statement position holding it. They are exact: each says no only
//! when no alignment within the units could pass [`Chain::accept`], so the
//! indexed search finds what aligning everything finds (a test compares the
//! two), and since every alignment [`Chain::select_in`] goes on to try lies
//! within the units it was given, saying no there skips nothing else.

use std::ops::Range;

use super::Chain;
use super::index::{Index, Shared, WordId};

/// Buffers [`Chain::worth_aligning`] reuses from one call to the next.
#[derive(Default)]
pub(super) struct Scratch {
    /// The statement's distinct words printed in the range searched: the
    /// word's place in [`Index::distinct`] and its run of `occurrences`.
    ranges: Vec<(usize, Range<usize>)>,
    hits: Vec<(i64, u32)>,
    /// Hits per word of `ranges`, in a window of diagonals.
    counts: Vec<u32>,
    pairings: Pairings,
}

/// Buffers for [`Shape::fits`].
#[derive(Default)]
struct Pairings {
    /// Every pairing of a printed word with a statement position holding
    /// it: (unit, position).
    pairs: Vec<(u32, u32)>,
    /// Their diagonals, unit − position.
    diagonals: Vec<i64>,
    /// The best score of a chain of pairings, per pairing and length.
    chains: Vec<f64>,
}

/// Past this many pairings (a statement's words all through a long
/// quotation), aligning costs less than sorting them out.
const MAX_HITS: usize = 64;

impl Chain<'_> {
    /// Could an alignment of wording `w` with `units` pass [`Chain::accept`]?
    /// Most statements the index proposes share just two common words with a
    /// quotation, and aligning each costs the product of their lengths; this
    /// answers from the words' positions, and only says no when the
    /// thresholds could not be met (BLAST's two-hit rule, made exact).
    ///
    /// Where the units hold an ellipsis, brackets or a seam, which may skip
    /// any number of statement words, the answer is yes. Otherwise the
    /// accepted alignment is one of two kinds, each of a [`Shape`]:
    ///
    /// - drifted: it holds `drift-min-content` printed words that are
    ///   distinctive words of the statement, and its agreeing words are
    ///   close enough together for `drift-min-dice` ([`Chain::drifted`]);
    /// - verbatim, or changed only by a negation: every printed word sits on
    ///   one diagonal (unit − statement position) but for the diagonal an
    ///   added or dropped negation moves, so the `needed` shared words lie
    ///   on diagonals no further apart than the negations could move them,
    ///   and so do its agreeing words, near-consecutive
    ///   ([`Chain::verbatim`]).
    pub(super) fn worth_aligning(
        &self,
        index: &Index,
        w: usize,
        shared: &[Shared],
        units: Range<usize>,
    ) -> bool {
        let needed = index.needed(w);
        // The buffers are the chain's, reused: this runs for every candidate
        // and every part searched again.
        let mut scratch = self.scratch.borrow_mut();
        let Scratch {
            ranges,
            hits,
            counts,
            pairings,
        } = &mut *scratch;
        // Only the words the chain prints can be printed in `units`.
        ranges.clear();
        for &(place, k) in shared {
            if let Some(range) = self.run_within(place as usize, &units) {
                ranges.push((k as usize, range));
            }
        }
        // The index made sure of this for the whole chain, not for a part.
        if ranges.len() < needed {
            return false;
        }
        let free = self.free.partition_point(|&u| u < units.start);
        if needed < 2 || self.free.get(free).is_some_and(|&u| u < units.end) {
            return true;
        }
        let printed: usize = ranges.iter().map(|(_, r)| r.len()).sum();
        let may_drift = printed >= self.limits.drift_min_content;
        let slack = self.negations + index.negations(w);
        let mut two_hit = || self.two_hit(index, w, ranges, slack, hits, counts);
        // Cheap, and what most candidates without a drifted reading fail.
        if !may_drift && !two_hit() {
            return false;
        }
        self.pair(index, w, &units, ranges, &mut pairings.pairs);
        // Many pairings (common words all through a long quotation):
        // aligning costs less than sorting them out.
        if pairings.pairs.len() > MAX_HITS || may_drift && self.drifted().fits(pairings) {
            return true;
        }
        (!may_drift || two_hit()) && self.verbatim(&units, slack).fits(pairings)
    }

    /// Do `needed` distinct distinctive words of wording `w` printed in
    /// `ranges` pair with statement positions on diagonals no more than
    /// `slack` apart, as they do in a verbatim appearance (see
    /// [`Chain::worth_aligning`])?
    fn two_hit(
        &self,
        index: &Index,
        w: usize,
        ranges: &[(usize, Range<usize>)],
        slack: usize,
        hits: &mut Vec<(i64, u32)>,
        counts: &mut Vec<u32>,
    ) -> bool {
        // Two words, each printed once or a few times, is what most
        // candidates share with a chain (277,000 of 347,000 on z2k): their
        // diagonals are compared pair by pair, without listing and sorting
        // them, with the same answer (a test compares the two).
        if let [a, b] = ranges
            && index.needed(w) == 2
        {
            let hits = |(k, printed): &(usize, Range<usize>)| {
                (index.positions(w, *k), &self.occurrences[printed.clone()])
            };
            let ((pa, ua), (pb, ub)) = (hits(a), hits(b));
            if pa.len() * ua.len() + pb.len() * ub.len() > MAX_HITS {
                return true;
            }
            return pairs_within((pa, ua), (pb, ub), slack);
        }
        // (diagonal, word) of every pairing of a printed word with a
        // statement position holding it; the word as its place in `ranges`,
        // which lists each once.
        hits.clear();
        for (word, (k, printed)) in ranges.iter().enumerate() {
            for &p in index.positions(w, *k) {
                for &(_, u) in &self.occurrences[printed.clone()] {
                    hits.push((u as i64 - p as i64, word as u32));
                }
            }
        }
        if hits.len() > MAX_HITS {
            return true;
        }
        hits_within(hits, ranges.len(), index.needed(w), slack, counts)
    }

    /// Where the chain prints `id` within `units`: a range of `occurrences`,
    /// looked up by word (a merge of the statement's words with the chain's
    /// would cost the chain's length for every candidate); `None` when it
    /// does not.
    fn printed(&self, id: WordId, units: &Range<usize>) -> Option<Range<usize>> {
        if !self.known.may_hold(id) {
            return None;
        }
        let place = self.words.binary_search(&id).ok()?;
        self.run_within(place, units)
    }

    /// The part of the run of the chain's word at `place` (in
    /// [`Chain::words`]) printed within `units`, if any.
    fn run_within(&self, place: usize, units: &Range<usize>) -> Option<Range<usize>> {
        let (from, to) = (self.runs[place] as usize, self.runs[place + 1] as usize);
        // Most searches are of the whole chain, which holds the whole run
        // (no run is empty): no need to search it.
        if units.start == 0 && units.end >= self.units.len() {
            return Some(from..to);
        }
        let held = &self.occurrences[from..to];
        let (start, end) = (units.start as u32, units.end as u32);
        let range = from + held.partition_point(|o| o.1 < start)
            ..from + held.partition_point(|o| o.1 < end);
        (!range.is_empty()).then_some(range)
    }

    /// Every pairing (unit, position) of a word printed within `units` with
    /// a position of wording `w` holding it, stopwords included: an
    /// alignment's agreeing words are of both kinds. `ranges` are the
    /// wording's distinctive words printed there; its other words are
    /// looked up here.
    fn pair(
        &self,
        index: &Index,
        w: usize,
        units: &Range<usize>,
        ranges: &[(usize, Range<usize>)],
        pairs: &mut Vec<(u32, u32)>,
    ) {
        pairs.clear();
        let mut pair = |positions: &[u32], printed: Range<usize>| {
            for &(_, u) in &self.occurrences[printed] {
                pairs.extend(positions.iter().map(|&p| (u, p)));
            }
        };
        for (k, printed) in ranges {
            pair(index.positions(w, *k), printed.clone());
        }
        for (k, id) in index.others(w).iter().enumerate() {
            if let Some(printed) = self.printed(*id, units) {
                pair(index.other_positions(w, k), printed);
            }
        }
    }

    /// The agreeing words of an alignment [`Chain::accept`] takes as
    /// drifted: `drift-min-matched` of them at least, and a Dice share
    /// 2m / (R + S) of `drift-min-dice` δ at least, where the units R and
    /// statement words S it spans are at least those from its first agreeing
    /// word to its last: so `span_u + span_p <= m · 2 / δ`. A share of 0
    /// bounds nothing.
    fn drifted(&self) -> Shape {
        Shape {
            least: self.limits.drift_min_matched,
            per_word: 2.0 / self.limits.drift_min_dice,
            extra: 0.0,
        }
    }

    /// The agreeing words of an alignment within `units` (all words) that
    /// [`Chain::accept`] takes as verbatim, or changed only by a negation.
    /// Its path from the first agreeing word to the last steps over no
    /// other words, or over the `extra` ones that the negations of both
    /// sides differ by, at most `slack` (all the chain's and the wording's
    /// negations): `span_u + span_p <= 2m + slack`. It counts from
    /// `min-embedded-run` agreeing words, or else as a short quotation,
    /// from `min-quoted-words`, if it covers the whole part it is in: then
    /// `units` do too, and all their words but `extra` agree.
    fn verbatim(&self, units: &Range<usize>, slack: usize) -> Shape {
        let limits = self.limits;
        let mut least = limits.min_embedded_run;
        if self.covers_whole_parts(units) {
            let all_but_extra = units.len().saturating_sub(slack);
            least = least.min(limits.min_quoted_words.max(all_but_extra));
        }
        Shape {
            least,
            per_word: 2.0,
            extra: slack as f64,
        }
    }
}

/// Do two words, each with its statement positions and the units printing
/// it (as in `occurrences`), pair on diagonals no more than `slack` apart?
fn pairs_within(
    a: (&[u32], &[(WordId, u32)]),
    b: (&[u32], &[(WordId, u32)]),
    slack: usize,
) -> bool {
    let ((pa, ua), (pb, ub)) = (a, b);
    for &(_, u) in ua {
        for &p in pa {
            let x = u as i64 - p as i64;
            for &(_, v) in ub {
                if pb
                    .iter()
                    .any(|&q| x.abs_diff(v as i64 - q as i64) <= slack as u64)
                {
                    return true;
                }
            }
        }
    }
    false
}

/// Do `hits` (diagonal, word), of `words` distinct words, hold `needed`
/// distinct words on diagonals no more than `slack` apart? Sorts `hits`.
fn hits_within(
    hits: &mut [(i64, u32)],
    words: usize,
    needed: usize,
    slack: usize,
    counts: &mut Vec<u32>,
) -> bool {
    hits.sort_unstable();
    if needed == 2 {
        // Two words within `slack`: then two neighbours in diagonal
        // order are, since the word changes somewhere between them.
        return hits
            .windows(2)
            .any(|h| h[0].1 != h[1].1 && h[1].0 - h[0].0 <= slack as i64);
    }
    // Any window of diagonals `slack` wide holding `needed` distinct
    // words: slid over the sorted diagonals, counting each word's hits
    // in the window.
    counts.clear();
    counts.resize(words, 0);
    let (mut lo, mut held) = (0, 0);
    for hi in 0..hits.len() {
        let count = &mut counts[hits[hi].1 as usize];
        held += usize::from(*count == 0);
        *count += 1;
        while hits[hi].0 - hits[lo].0 > slack as i64 {
            let count = &mut counts[hits[lo].1 as usize];
            *count -= 1;
            held -= usize::from(*count == 0);
            lo += 1;
        }
        if held >= needed {
            return true;
        }
    }
    false
}

/// What the agreeing words of an accepted alignment look like: at least
/// `least` of them, spanning (the units and statement words from the first
/// to the last) at most `per_word` per agreeing word and `extra` more:
/// `span_u + span_p <= m · per_word + extra`. Agreeing words pair a unit
/// with a statement position holding the same word, increasing in both;
/// `per_word` is 2 or more, since each spans a unit and a word.
#[derive(Debug, Clone, Copy)]
struct Shape {
    least: usize,
    per_word: f64,
    extra: f64,
}

impl Shape {
    /// Could `least` or more of the `pairs` (unit, statement position, all
    /// units words) be the agreeing words of an alignment of this shape?
    /// Two tests, the second exact:
    ///
    /// - From one pairing to the next, the diagonal d = u − p moves by
    ///   |Δu − Δp| <= (Δu − 1) + (Δp − 1), the words skipped between them,
    ///   so the diagonals lie within s <= span_u + span_p − 2m
    ///   <= m (per_word − 2) + extra of one another. The c >= m pairings
    ///   between the lowest and the highest of them are a stretch of the
    ///   sorted diagonals with s <= c (per_word − 2) + extra. Without such
    ///   a stretch of `least` pairings or more, no alignment. Cheap, and it
    ///   rules out the scattered few common words ("the", "of", "security")
    ///   most candidates share with a quotation.
    /// - Otherwise, the best chain of pairings (longest and tightest), found
    ///   by a small dynamic programme over them.
    fn fits(self, buffers: &mut Pairings) -> bool {
        let Pairings {
            pairs,
            diagonals,
            chains,
        } = buffers;
        if !self.per_word.is_finite() {
            return true;
        }
        let least = self.least.max(1);
        if pairs.len() < least {
            return false;
        }
        // A hair generous, so that no rounding of a threshold or of the sums
        // below says no to an alignment the thresholds round up to passing.
        let per_word = self.per_word * (1.0 + 1e-9) + 1e-6;
        // A stretch lo..=hi of c = hi − lo + 1 diagonals fits when
        // d[hi] − d[lo] <= c · spread + extra, that is when
        // e(hi) <= e(lo) + spread + extra with e(i) = d[i] − i · spread:
        // the highest e(lo) of the stretches long enough is all that
        // matters.
        diagonals.clear();
        diagonals.extend(pairs.iter().map(|&(u, p)| u as i64 - p as i64));
        diagonals.sort_unstable();
        let spread = per_word - 2.0;
        let e = |i: usize| diagonals[i] as f64 - spread * i as f64;
        let mut highest = f64::NEG_INFINITY;
        let stretch = (least - 1..diagonals.len()).any(|hi| {
            highest = highest.max(e(hi + 1 - least));
            e(hi) <= highest + spread + self.extra
        });
        if !stretch {
            return false;
        }
        // Each step from a pairing to a later one scores
        // per_word − Δu − Δp, so a chain of m pairings scores
        // (m − 1) · per_word − (span_u + span_p − 2), which is at least
        // 2 − per_word − extra exactly when the chain has the shape. Per
        // pairing and chain length (those of `least` or more counted
        // together), the best score of a chain ending there.
        pairs.sort_unstable();
        chains.clear();
        chains.resize(pairs.len() * least, f64::NEG_INFINITY);
        for j in 0..pairs.len() {
            let (uj, pj) = pairs[j];
            let (before, here) = chains.split_at_mut(j * least);
            let to = &mut here[..least];
            to[0] = 0.0;
            for (i, &(ui, pi)) in pairs[..j].iter().enumerate() {
                if ui >= uj || pi >= pj {
                    continue;
                }
                let step = per_word - (uj - ui) as f64 - (pj - pi) as f64;
                let from = &before[i * least..][..least];
                for l in 1..least {
                    to[l] = to[l].max(from[l - 1] + step);
                }
                to[least - 1] = to[least - 1].max(from[least - 1] + step);
            }
            if to[least - 1] >= 2.0 - per_word - self.extra {
                return true;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::{dice, numbers};

    /// Every chain of `least` or more pairings, increasing in both: its
    /// length and its span (units and positions from its first pairing to
    /// its last).
    fn chains(pairs: &[(u32, u32)], least: usize) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        for set in 1u32..1 << pairs.len() {
            let chain: Vec<(u32, u32)> = (0..pairs.len())
                .filter(|&k| set >> k & 1 == 1)
                .map(|k| pairs[k])
                .collect();
            let increasing = chain.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1);
            if increasing && chain.len() >= least {
                let (first, last) = (chain[0], chain[chain.len() - 1]);
                let span = (last.0 - first.0 + 1) + (last.1 - first.1 + 1);
                found.push((chain.len(), span as usize));
            }
        }
        found
    }

    /// Two words compared pair by pair answer as their sorted diagonals
    /// do, on random positions and printings (repeated words, ties, both
    /// orders, slack 0 to 3).
    #[test]
    fn two_words_pair_as_their_sorted_diagonals_do() {
        let mut next = numbers(11);
        let mut within = 0;
        for case in 0..5000 {
            let side = 2 + next(30);
            let mut list = |n: u64| -> Vec<u32> {
                let mut v: Vec<u32> = (0..1 + next(n)).map(|_| next(side) as u32).collect();
                v.sort_unstable();
                v.dedup();
                v
            };
            let (pa, pb) = (list(3), list(3));
            let printed =
                |v: Vec<u32>| -> Vec<(WordId, u32)> { v.into_iter().map(|u| (0, u)).collect() };
            let (ua, ub) = (printed(list(4)), printed(list(4)));
            let slack = next(4) as usize;
            let mut hits = Vec::new();
            for (word, (p, u)) in [(&pa, &ua), (&pb, &ub)].into_iter().enumerate() {
                for &p in p.iter() {
                    hits.extend(u.iter().map(|&(_, u)| (u as i64 - p as i64, word as u32)));
                }
            }
            let expected = hits_within(&mut hits, 2, 2, slack, &mut Vec::new());
            let got = pairs_within((&pa, &ua), (&pb, &ub), slack);
            assert_eq!(
                got, expected,
                "case {case}: {pa:?} {ua:?} {pb:?} {ub:?} {slack}"
            );
            within += usize::from(got);
        }
        assert!((500..4500).contains(&within), "{within} of 5000 within");
    }

    /// The chain test says no exactly when no chain of pairings has the
    /// shape, on random pairings of small grids (ties, shared units and
    /// positions, chains on one diagonal and spread out): for drifted
    /// shapes by the Dice share as [`Chain::accept`] computes it, at
    /// several thresholds, some of which round (2/3); for verbatim shapes
    /// with a few negations' slack.
    #[test]
    fn shapes_refuse_exactly_what_no_chain_fits() {
        let mut next = numbers(5);
        let mut refused = 0;
        for case in 0..3000 {
            let side = 4 + next(24) as u32;
            let mut pairs: Vec<(u32, u32)> = (0..next(13))
                .map(|_| (next(side as u64) as u32, next(side as u64) as u32))
                .collect();
            pairs.sort_unstable();
            pairs.dedup();
            let least = 1 + next(5) as usize;
            let found = chains(&pairs, least);
            let drifted = [0.0, 0.3, 0.5, 2.0 / 3.0, 0.9, 1.0].map(|share| {
                let shape = Shape {
                    least,
                    per_word: 2.0 / share,
                    extra: 0.0,
                };
                // A share of 0 bounds nothing.
                let expected =
                    share == 0.0 || found.iter().any(|&(m, span)| dice(m, span, 0) >= share);
                (shape, expected)
            });
            let verbatim = [0, 1, 2, 3].map(|slack| {
                let shape = Shape {
                    least,
                    per_word: 2.0,
                    extra: slack as f64,
                };
                (shape, found.iter().any(|&(m, span)| span <= 2 * m + slack))
            });
            for (shape, expected) in drifted.into_iter().chain(verbatim) {
                let mut buffers = Pairings {
                    pairs: pairs.clone(),
                    ..Pairings::default()
                };
                let fits = shape.fits(&mut buffers);
                assert_eq!(fits, expected, "case {case}: {pairs:?}, {shape:?}");
                refused += usize::from(!fits);
            }
        }
        assert!(refused > 10000, "only {refused} refused");
    }
}
