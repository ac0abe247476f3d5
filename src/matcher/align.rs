//! Word-level local alignment of a quotation against one statement.
//!
//! Smith–Waterman over words: the best-scoring stretch of the quotation that
//! lines up with a stretch of the statement, so that a quotation may hold a
//! part of a statement, or parts of two. Style-guide edits are free: an
//! ellipsis may skip any number of the statement's words, and a `[bracketed]`
//! group may stand for any number of them, at no cost, and so may the seam
//! between the parts of a split quotation. Everything else that does not line
//! up costs the same.
//!
//! The grid costs units × statement words. For the rare huge ones (a
//! statement of thousands of words printed whole) only a band of diagonals
//! around those where the statement's distinctive words agree is computed,
//! which finds the same alignment unless the printed words drift further
//! from those diagonals than the band's slack.

use std::ops::Range;

use super::index::WordId;
use crate::text::Token;

/// One step of a quotation as the aligner sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unit {
    /// A word (index into the article's tokens).
    Word(usize),
    /// An ellipsis (index into the article's tokens).
    Gap(usize),
    /// A `[bracketed]` group (range of the article's tokens).
    Bracket(Range<usize>),
    /// The break between two parts of a split quotation, before the part with
    /// this quotation index.
    Seam(usize),
}

impl Unit {
    /// Aligns with any number of statement words at no cost.
    pub fn is_free(&self) -> bool {
        !matches!(self, Unit::Word(_))
    }

    /// A style-guide edit printed in the article (not a seam).
    pub fn is_edit(&self) -> bool {
        matches!(self, Unit::Gap(_) | Unit::Bracket(_))
    }
}

/// Builds the units of the tokens `range` of an article.
pub fn units(tokens: &[Token], range: Range<usize>) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let token = &tokens[i];
        if !token.is_word() {
            units.push(Unit::Gap(i));
            i += 1;
        } else if let Some(group) = token.bracket {
            let start = i;
            while i < range.end && tokens[i].bracket == Some(group) {
                i += 1;
            }
            units.push(Unit::Bracket(start..i));
        } else {
            units.push(Unit::Word(i));
            i += 1;
        }
    }
    units
}

/// A word that agrees earns 2.
const MATCH: i32 = 2;

/// What a changed word and an added or dropped word cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Penalties {
    pub mismatch: i32,
    pub indel: i32,
}

impl Penalties {
    /// A word that agrees earns more than a changed word costs, so an
    /// alignment carries on through moderate drift (a back-translation
    /// changes every few words) instead of splitting into short verbatim
    /// islands.
    pub const LENIENT: Penalties = Penalties {
        mismatch: -1,
        indel: -1,
    };

    /// A changed word undoes more than an agreeing word earns: the densest
    /// stretch of agreement wins. For when a lenient alignment ran on
    /// through chance agreements (a never-closed quotation of filler words
    /// around a drifted appearance) and failed the thresholds as a whole.
    pub const STRICT: Penalties = Penalties {
        mismatch: -3,
        indel: -3,
    };
}

/// The best local alignment of some units with some statement words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alignment {
    pub score: i32,
    /// Aligned units (indices into the unit list).
    pub units: Range<usize>,
    /// Aligned statement words.
    pub window: Range<usize>,
    /// Words that agree.
    pub matched: usize,
    /// Statement words skipped by each free unit inside `units`.
    pub free: Vec<(usize, Range<usize>)>,
    /// No word changed, added or dropped (edits aside).
    pub verbatim: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Move {
    Start,
    Diag,
    /// The quotation has a word the statement lacks.
    Up,
    /// The statement has a word the quotation lacks.
    Left,
    /// A free unit skipped statement words from the column stored for its
    /// row.
    Free,
}

/// Aligns the units `range` with `statement`; the result's unit indices
/// count from the start of `units`.
pub fn align_in(
    units: &[Unit],
    ids: &[WordId],
    range: Range<usize>,
    statement: &[WordId],
    penalties: Penalties,
) -> Option<Alignment> {
    let offset = range.start;
    let (units, ids) = (&units[range.clone()], &ids[range]);
    let band = if units.len() * statement.len() > BAND_FROM_CELLS {
        band(units, ids, statement)
    } else {
        None
    };
    let mut a = align_within(units, ids, statement, band, penalties)?;
    a.units = a.units.start + offset..a.units.end + offset;
    for (unit, _) in &mut a.free {
        *unit += offset;
    }
    Some(a)
}

/// Aligns `units`, whose words have the interned `ids` (one per unit; any
/// value for a free unit), with the `statement`'s word ids. Words compare
/// as ids: the catalog's index interned both sides, so equal folded words
/// have equal ids, and a printed word no statement uses has an id no
/// statement word has. Returns `None` when nothing lines up.
pub fn align(units: &[Unit], ids: &[WordId], statement: &[WordId]) -> Option<Alignment> {
    debug_assert_eq!(units.len(), ids.len());
    align_in(units, ids, 0..units.len(), statement, Penalties::LENIENT)
}

/// Above this many cells (units × statement words), an alignment is
/// computed only near the diagonals where the two agree (see [`band`]): a
/// statement of 8,000 words printed whole is 64 million cells, most of them
/// far from any agreement. Below it the whole grid costs little.
const BAND_FROM_CELLS: usize = 4_000_000;

/// Words on each side of the band's diagonals that a banded alignment still
/// explores: an appearance may drift this far (in words added or dropped)
/// from the diagonals where its words agree.
const BAND_SLACK: i64 = 256;

/// Diagonals are counted in buckets this wide.
const BUCKET: i64 = 64;

/// A bucket with this many agreements is in the band. A stretch of an
/// appearance worth joining to the rest across a gap wider than the slack
/// must outweigh the gap: over 128 words, about half of them held once in a
/// long statement, so over 64 agreements; chance agreements of words held
/// once spread thin, a few per bucket.
const BUCKET_FLOOR: usize = 32;

/// The second word of a single word's key: no word has this id (it is the
/// id of printed words no statement uses).
const UNPAIRED: WordId = super::index::UNKNOWN;

/// The diagonals (unit − statement position) where the printed words agree
/// with the statement's, widened by [`BAND_SLACK`]; `None` when the whole
/// grid should be used.
///
/// Agreements are counted only for the words the statement holds once (and,
/// for the others, pairs of words it holds once): common words agree on
/// every diagonal, and a drifted appearance (every third word changed) may
/// share no run of four words at all, yet its distinctive words agree on its
/// diagonal. The band spans every bucket of diagonals holding
/// [`BUCKET_FLOOR`] agreements (or as many as the busiest holds, if fewer),
/// so a chance agreement elsewhere cannot pull the band away from the
/// appearance, and the stretches of an appearance split by a long insertion
/// are all in it. The whole grid is used when the units hold a free unit (an
/// ellipsis may skip any number of statement words, so no band holds its
/// alignment), when nothing agrees, or when the band would be most of the
/// grid anyway.
fn band(units: &[Unit], ids: &[WordId], statement: &[WordId]) -> Option<(i64, i64)> {
    if units.iter().any(Unit::is_free) {
        return None;
    }
    // Where each word, and each pair of words, occurs in the statement, if
    // it occurs once (`None` when more often).
    let mut once: rustc_hash::FxHashMap<(WordId, WordId), Option<usize>> = Default::default();
    let pairs = statement.windows(2).map(|w| (w[0], w[1]));
    let words = statement.iter().map(|&w| (w, UNPAIRED));
    for (p, key) in words.enumerate().chain(pairs.enumerate()) {
        once.entry(key)
            .and_modify(|at| *at = None)
            .or_insert(Some(p));
    }
    let mut buckets: rustc_hash::FxHashMap<i64, usize> = Default::default();
    for (i, &id) in ids.iter().enumerate() {
        // A word the statement holds once, or else a pair it holds once
        // (in a statement of few distinct words, no word is held once).
        let at = once.get(&(id, UNPAIRED)).copied().flatten().or_else(|| {
            let next = ids.get(i + 1)?;
            once.get(&(id, *next)).copied().flatten()
        });
        if let Some(p) = at {
            *buckets
                .entry((i as i64 - p as i64).div_euclid(BUCKET))
                .or_default() += 1;
        }
    }
    let busiest = buckets.values().copied().max()?;
    let floor = busiest.clamp(3, BUCKET_FLOOR);
    let kept = buckets
        .iter()
        .filter(|&(_, &n)| n >= floor)
        .map(|(&b, _)| b);
    let (lo, hi) = kept.fold((i64::MAX, i64::MIN), |(lo, hi), b| (lo.min(b), hi.max(b)));
    if lo > hi {
        return None;
    }
    let (lo, hi) = (lo * BUCKET - BAND_SLACK, (hi + 1) * BUCKET - 1 + BAND_SLACK);
    ((hi - lo + 1) * 2 < statement.len() as i64).then_some((lo, hi))
}

/// [`align`], computing only the cells whose diagonal (unit − statement
/// position) is within `band` when there is one. Public for the test that
/// compares banded and whole alignments.
#[doc(hidden)]
pub fn align_within(
    units: &[Unit],
    ids: &[WordId],
    statement: &[WordId],
    band: Option<(i64, i64)>,
    penalties: Penalties,
) -> Option<Alignment> {
    let m = units.len();
    let n = statement.len();
    if m == 0 || n == 0 {
        return None;
    }
    // A free unit may skip any number of statement words: no band holds it.
    assert!(
        band.is_none() || !units.iter().any(Unit::is_free),
        "a banded alignment of units with an ellipsis, brackets or a seam"
    );
    // Statement positions (1-based, inclusive) computed in row `i`.
    let columns = |i: usize| -> (usize, usize) {
        match band {
            None => (1, n),
            Some((lo, hi)) => {
                let from = (i as i64 - hi).max(1);
                let to = (i as i64 - lo).min(n as i64);
                (from as usize, to.max(from - 1) as usize)
            }
        }
    };
    // Moves are kept for the computed cells only: a band row is its width.
    let (stride, shift) = match band {
        None => (n + 1, 0),
        Some((lo, hi)) => ((hi - lo + 1) as usize + 1, hi),
    };
    let cell = |i: usize, j: usize| -> usize {
        match band {
            None => i * stride + j,
            Some(_) => i * stride + (j as i64 - i as i64 + shift) as usize,
        }
    };
    // Scores need only the previous row; the traceback needs every cell's
    // move, one byte each, and the skip column of free units' rows alone.
    // A 5,000-word statement printed whole is 25 million cells: 25 MB of
    // moves, where cells with their scores took 300 MB.
    let width = n + 1;
    let mut moves = vec![Move::Start; (m + 1) * stride];
    let mut skips: Vec<(usize, Vec<u32>)> = Vec::new();
    let mut prev = vec![0i32; width];
    let mut row_scores = vec![0i32; width];
    let mut best = (0, 0, 0);
    for i in 1..=m {
        row_scores[0] = 0;
        let (from, to) = columns(i);
        if from > to {
            // The band has not reached this row yet, or has left the grid.
            continue;
        }
        // Outside the band, cells score 0: the cell left of the row's first
        // and the cell above its last were not computed in this band.
        row_scores[from - 1] = 0;
        if band.is_some() && i > 1 {
            prev[columns(i - 1).1 + 1..=to].fill(0);
        }
        match &units[i - 1] {
            Unit::Word(_) => {
                let id = ids[i - 1];
                for j in from..=to {
                    let diag = prev[j - 1]
                        + if statement[j - 1] == id {
                            MATCH
                        } else {
                            penalties.mismatch
                        };
                    let up = prev[j] + penalties.indel;
                    let left = row_scores[j - 1] + penalties.indel;
                    // Ties favour extending an alignment over starting afresh,
                    // so a changed word at the edge ("never" for "always")
                    // stays inside and is reported.
                    let (mut score, mut mv) = (diag, Move::Diag);
                    if up > score {
                        (score, mv) = (up, Move::Up);
                    }
                    if left > score {
                        (score, mv) = (left, Move::Left);
                    }
                    if score < 0 {
                        (score, mv) = (0, Move::Start);
                    }
                    row_scores[j] = score;
                    moves[cell(i, j)] = mv;
                    if score > best.0 {
                        best = (score, i, j);
                    }
                }
            }
            Unit::Gap(_) | Unit::Bracket(_) | Unit::Seam(_) => {
                let mut running = (prev[0], 0u32);
                let mut from = Vec::with_capacity(width);
                for j in 0..=n {
                    if prev[j] > running.0 {
                        running = (prev[j], j as u32);
                    }
                    row_scores[j] = running.0;
                    moves[cell(i, j)] = if running.0 > 0 {
                        Move::Free
                    } else {
                        Move::Start
                    };
                    from.push(running.1);
                }
                skips.push((i, from));
            }
        }
        std::mem::swap(&mut prev, &mut row_scores);
    }
    let (score, mut i, mut j) = best;
    if score <= 0 {
        return None;
    }
    let (end_i, end_j) = (i, j);
    let mut matched = 0;
    let mut verbatim = true;
    let mut free = Vec::new();
    loop {
        match moves[cell(i, j)] {
            Move::Start => break,
            Move::Diag => {
                if let Unit::Word(_) = &units[i - 1]
                    && ids[i - 1] == statement[j - 1]
                {
                    matched += 1;
                } else {
                    verbatim = false;
                }
                i -= 1;
                j -= 1;
            }
            Move::Up => {
                verbatim = false;
                i -= 1;
            }
            Move::Left => {
                verbatim = false;
                j -= 1;
            }
            Move::Free => {
                let k = skips.partition_point(|(r, _)| *r < i);
                let from = skips[k].1[j] as usize;
                free.push((i - 1, from..j));
                i -= 1;
                j = from;
            }
        }
    }
    free.reverse();
    Some(Alignment {
        score,
        units: i..end_i,
        window: j..end_j,
        matched,
        free,
        verbatim,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn run(quote: &str, statement: &str) -> (Alignment, Vec<Token>, Vec<Unit>) {
        let tokens = tokenize(quote, false);
        let units = units(&tokens, 0..tokens.len());
        let mut vocabulary = std::collections::HashMap::new();
        let mut id = |key: &str| {
            let next = vocabulary.len() as WordId;
            *vocabulary.entry(key.to_string()).or_insert(next)
        };
        let ids: Vec<WordId> = units
            .iter()
            .map(|u| match u {
                Unit::Word(t) => id(&tokens[*t].key),
                _ => WordId::MAX,
            })
            .collect();
        let statement: Vec<WordId> = tokenize(statement, false)
            .iter()
            .map(|t| id(&t.key))
            .collect();
        let a = align(&units, &ids, &statement).expect("aligns");
        (a, tokens, units)
    }

    #[test]
    fn verbatim_part_is_found() {
        let (a, _, _) = run(
            "empty and unfounded",
            "These claims are empty and unfounded.",
        );
        assert!(a.verbatim);
        assert_eq!(a.window, 3..6);
        assert_eq!(a.matched, 3);
    }

    #[test]
    fn ellipsis_skips_words_for_free() {
        let (a, _, _) = run(
            "we could ... address concerns",
            "we could make real progress and address concerns",
        );
        assert!(a.verbatim);
        assert_eq!(a.free, vec![(2, 2..6)]);
        assert_eq!(a.window, 0..8);
    }

    #[test]
    fn brackets_stand_for_any_words() {
        let (a, _, units) = run(
            "One of such [solutions] can be Ukraine",
            "One of such options can be Ukraine",
        );
        assert!(a.verbatim);
        assert_eq!(units[3], Unit::Bracket(3..4));
        assert_eq!(a.free, vec![(3, 3..4)]);
    }

    /// A long statement printed with drift (words changed, added and
    /// dropped) amid other words: the band around the shared runs finds
    /// the alignment the whole grid finds.
    #[test]
    fn a_banded_alignment_equals_the_whole_grid() {
        let mut seed: u64 = 7;
        let mut next = move |below: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % below
        };
        for case in 0..6 {
            let n = 1200 + 100 * case;
            let statement: Vec<WordId> = (0..n).map(|_| next(300) as WordId).collect();
            let mut printed: Vec<WordId> = (0..next(200)).map(|_| next(300) as WordId).collect();
            for &w in &statement[next(100) as usize..] {
                match next(40) {
                    0 => printed.push(next(300) as WordId),
                    1 => {}
                    2 => printed.extend([w, next(300) as WordId]),
                    _ => printed.push(w),
                }
            }
            printed.extend((0..next(200)).map(|_| next(300) as WordId));
            let units: Vec<Unit> = (0..printed.len()).map(Unit::Word).collect();
            let band = band(&units, &printed, &statement);
            assert!(band.is_some(), "case {case}: no band");
            assert_eq!(
                align_within(&units, &printed, &statement, band, Penalties::LENIENT),
                align_within(&units, &printed, &statement, None, Penalties::LENIENT),
                "case {case}"
            );
        }
    }

    /// A long drifted copy that shares no run of four words with the
    /// record (every third word changed), beside a chance run of four that
    /// does: the band follows the copy's agreeing words, not the run.
    #[test]
    fn the_band_follows_a_copy_without_shared_runs() {
        let statement: Vec<WordId> = (0..2100).map(|k| (k * 7919 % 5000) as WordId).collect();
        let mut printed: Vec<WordId> = statement[1000..1004].to_vec();
        printed.extend((0..50).map(|k| 90_000 + k));
        printed.extend(
            statement
                .iter()
                .enumerate()
                .map(|(k, &w)| if k % 3 == 2 { 100_000 + k as WordId } else { w }),
        );
        let units: Vec<Unit> = (0..printed.len()).map(Unit::Word).collect();
        let banded = align(&units, &printed, &statement).unwrap();
        let whole = align_within(&units, &printed, &statement, None, Penalties::LENIENT).unwrap();
        assert!(band(&units, &printed, &statement).is_some());
        assert_eq!(banded, whole);
        assert_eq!(banded.matched, 1400);
    }

    /// A copy with 330 words inserted after its first 1,600: both stretches
    /// are in the band, joined as the whole grid joins them.
    #[test]
    fn the_band_holds_both_sides_of_a_long_insertion() {
        let statement: Vec<WordId> = (0..1900).map(|k| (k * 7919 % 5000) as WordId).collect();
        let mut printed: Vec<WordId> = statement[..1600].to_vec();
        printed.extend((0..330).map(|k| 90_000 + k));
        printed.extend_from_slice(&statement[1600..]);
        let units: Vec<Unit> = (0..printed.len()).map(Unit::Word).collect();
        let whole = align_within(&units, &printed, &statement, None, Penalties::LENIENT).unwrap();
        assert_eq!(align(&units, &printed, &statement).unwrap(), whole);
        assert_eq!(whole.units, 0..printed.len());
    }

    #[test]
    fn changed_edge_word_stays_inside() {
        let (a, _, _) = run(
            "Russia never wanted this war",
            "Russia always wanted this war",
        );
        assert!(!a.verbatim);
        assert_eq!(a.units, 0..5);
    }
}
