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
use super::index::{Index, WordId};

/// Buffers [`Chain::worth_aligning`] reuses from one call to the next.
#[derive(Default)]
pub(super) struct Scratch {
    /// The statement's distinct words printed in the range searched: the
    /// word's place in [`Index::distinct`] and its run of `occurrences`.
    ranges: Vec<(usize, Range<usize>)>,
    hits: Vec<(WordId, i64)>,
    words: Vec<WordId>,
    pairings: Pairings,
}

/// Buffers for [`Chain::may_drift`].
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
    /// thresholds could not be met (BLAST's two-hit rule, made exact):
    ///
    /// - a drifted appearance needs `drift-min-content` printed words that
    ///   are distinctive words of the statement, and `drift-min-matched`
    ///   agreeing words close enough together for `drift-min-dice` (see
    ///   [`Chain::may_drift`]); without both, only a verbatim appearance (or
    ///   one whose only change is a negation) could pass;
    /// - in a verbatim appearance every printed word sits on one diagonal
    ///   (unit − statement position) but where an ellipsis, brackets or a
    ///   seam skips statement words, and an added or dropped negation moves
    ///   the diagonal by one; so without those, the `needed` shared words
    ///   must lie on diagonals no further apart than the negations could
    ///   move them.
    pub(super) fn worth_aligning(&self, index: &Index, w: usize, units: Range<usize>) -> bool {
        let needed = index.needed(w);
        let distinct = index.distinct(w);
        // The buffers are the chain's, reused: this runs for every candidate
        // and every part searched again.
        let mut scratch = self.scratch.borrow_mut();
        let Scratch {
            ranges,
            hits,
            words,
            pairings,
        } = &mut *scratch;
        ranges.clear();
        for (k, id) in distinct.iter().enumerate() {
            if let Some(range) = self.printed(*id, &units) {
                ranges.push((k, range));
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
        if printed >= self.limits.drift_min_content
            && self.may_drift(index, w, &units, ranges, pairings)
        {
            return true;
        }
        // (word, diagonal) of every pairing of a printed word with a
        // statement position holding it.
        hits.clear();
        for (k, printed) in ranges.iter() {
            let id = distinct[*k];
            for &p in index.positions(w, *k) {
                for &(_, u) in &self.occurrences[printed.clone()] {
                    hits.push((id, u as i64 - p as i64));
                }
            }
        }
        let slack = (self.negations + index.negations(w)) as i64;
        if hits.len() > MAX_HITS {
            return true;
        }
        hits.sort_unstable_by_key(|&(id, d)| (d, id));
        // Any window of diagonals `slack` wide holding `needed` distinct words.
        let mut lo = 0;
        for hi in 0..hits.len() {
            while hits[hi].1 - hits[lo].1 > slack {
                lo += 1;
            }
            words.clear();
            words.extend(hits[lo..=hi].iter().map(|&(id, _)| id));
            words.sort_unstable();
            words.dedup();
            if words.len() >= needed {
                return true;
            }
        }
        false
    }

    /// Where the chain prints `id` within `units`: a range of `occurrences`,
    /// looked up by word (a merge of the statement's words with the chain's
    /// would cost the chain's length for every candidate); `None` when it
    /// does not.
    fn printed(&self, id: WordId, units: &Range<usize>) -> Option<Range<usize>> {
        if !self.known.may_hold(id) {
            return None;
        }
        let r = self.by_word.get(&id)?;
        let (from, to) = (r.start as usize, r.end as usize);
        let held = &self.occurrences[from..to];
        let (start, end) = (units.start as u32, units.end as u32);
        let range = from + held.partition_point(|o| o.1 < start)
            ..from + held.partition_point(|o| o.1 < end);
        (!range.is_empty()).then_some(range)
    }

    /// Could a drifted alignment of wording `w` within `units` (all words:
    /// the caller has ruled out free units) pass the drift thresholds, by
    /// where the two share words (see [`drift_fits`])? `ranges` are the
    /// statement's distinctive words printed there; its other words are
    /// looked up here, since a drifted appearance's agreeing words are of
    /// both kinds.
    fn may_drift(
        &self,
        index: &Index,
        w: usize,
        units: &Range<usize>,
        ranges: &[(usize, Range<usize>)],
        buffers: &mut Pairings,
    ) -> bool {
        let pairs = &mut buffers.pairs;
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
        // Many pairings (common words all through a long quotation):
        // aligning costs less than sorting them out.
        buffers.pairs.len() > MAX_HITS
            || drift_fits(
                buffers,
                self.limits.drift_min_matched,
                self.limits.drift_min_dice,
            )
    }
}

/// Could `least` or more of the `pairs` (unit, statement position: a
/// printed word and a statement position holding it, all units words) be
/// the agreeing words of an alignment with a Dice share of `dice` or more?
/// Says no only when they cannot.
///
/// Why. The agreeing words of an alignment are pairings increasing in both
/// unit and position. It spans at least the units and statement words from
/// its first pairing to its last, so with m agreeing words its share
/// 2m / (R + S) reaches δ only if `span_u + span_p <= m · 2 / δ`. Two
/// tests of that, the second exact:
///
/// - From one pairing to the next, the diagonal d = u − p moves by
///   |Δu − Δp| <= (Δu − 1) + (Δp − 1), the words skipped between them, so
///   the diagonals lie within s <= span_u + span_p − 2m <= m (2 / δ − 2)
///   of one another. The c >= m pairings between the lowest and the
///   highest of them are a stretch of the sorted diagonals with
///   s <= c (2 / δ − 2). Without such a stretch of `least` pairings or
///   more, no alignment. Cheap, and it rules out the scattered few common
///   words ("the", "of", "security") most candidates share with a
///   quotation.
/// - Otherwise, the best chain of pairings (longest and tightest), found by
///   a small dynamic programme over them.
fn drift_fits(buffers: &mut Pairings, least: usize, dice: f64) -> bool {
    let Pairings {
        pairs,
        diagonals,
        chains,
    } = buffers;
    // How many units and statement words an alignment may span per
    // agreeing word: 4 for a Dice share of one half. A share of 0 bounds
    // nothing.
    let reach = 2.0 / dice;
    if !reach.is_finite() {
        return true;
    }
    if pairs.len() < least.max(1) {
        return false;
    }
    // A hair generous, so that no rounding of δ or of the sums below says
    // no to an alignment whose share the thresholds round up to δ.
    let reach = reach * (1.0 + 1e-9) + 1e-6;
    // A stretch lo..=hi of c = hi − lo + 1 diagonals fits when
    // d[hi] − d[lo] <= c · per_word, that is when e(hi) <= e(lo) +
    // per_word with e(i) = d[i] − i · per_word: the highest e(lo) of the
    // stretches long enough is all that matters.
    diagonals.clear();
    diagonals.extend(pairs.iter().map(|&(u, p)| u as i64 - p as i64));
    diagonals.sort_unstable();
    let per_word = reach - 2.0;
    let least = least.max(1);
    let e = |i: usize| diagonals[i] as f64 - per_word * i as f64;
    let mut highest = f64::NEG_INFINITY;
    let stretch = (least - 1..diagonals.len()).any(|hi| {
        highest = highest.max(e(hi + 1 - least));
        e(hi) <= highest + per_word
    });
    if !stretch {
        return false;
    }
    // Each step from a pairing to a later one scores reach − Δu − Δp, so a
    // chain of m pairings scores (m − 1) · reach − (span_u + span_p − 2),
    // which is at least 2 − reach exactly when span_u + span_p <= m ·
    // reach. Per pairing and chain length (those of `least` or more
    // counted together), the best score of a chain ending there.
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
            let step = reach - (uj - ui) as f64 - (pj - pi) as f64;
            let from = &before[i * least..][..least];
            for l in 1..least {
                to[l] = to[l].max(from[l - 1] + step);
            }
            to[least - 1] = to[least - 1].max(from[least - 1] + step);
        }
        if to[least - 1] >= 2.0 - reach {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::numbers;

    /// Every chain of `least` or more pairings, increasing in both, and its
    /// Dice share over the span from its first to its last: the best share.
    fn best_share(pairs: &[(u32, u32)], least: usize) -> f64 {
        let mut best: f64 = -1.0;
        for set in 1u32..1 << pairs.len() {
            let chain: Vec<(u32, u32)> = (0..pairs.len())
                .filter(|&k| set >> k & 1 == 1)
                .map(|k| pairs[k])
                .collect();
            let increasing = chain.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1);
            if !increasing || chain.len() < least {
                continue;
            }
            let (first, last) = (chain[0], chain[chain.len() - 1]);
            let span = (last.0 - first.0 + 1) + (last.1 - first.1 + 1);
            best = best.max(super::super::dice(chain.len(), span as usize, 0));
        }
        best
    }

    /// The pre-filter says no exactly when no chain of pairings reaches the
    /// share, on random pairings of small grids (ties, shared units and
    /// positions, chains on one diagonal and spread out), for several
    /// thresholds, some of which round (2/3).
    #[test]
    fn drift_fits_refuses_exactly_what_no_chain_reaches() {
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
            for dice in [0.0, 0.3, 0.5, 2.0 / 3.0, 0.9, 1.0] {
                let reached = best_share(&pairs, least) >= dice;
                let mut buffers = Pairings {
                    pairs: pairs.clone(),
                    ..Pairings::default()
                };
                let fits = drift_fits(&mut buffers, least, dice);
                // Exact but at a share of 0, which bounds nothing.
                let expected = reached || dice == 0.0;
                assert_eq!(fits, expected, "case {case}: {pairs:?}, {least}, {dice}");
                refused += usize::from(!fits);
            }
        }
        assert!(refused > 5000, "only {refused} refused");
    }
}
