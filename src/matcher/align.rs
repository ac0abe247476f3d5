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
//!
//! Most alignments are of plain words (no ellipsis, brackets or seam) on the
//! whole grid, and most of them the matcher then rejects. Those keep no
//! moves for a traceback: each cell carries where its path starts, and only
//! the cells near an agreement are computed.

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

    /// What lining up a printed word with a statement word adds.
    fn pair(self, same: bool) -> i32 {
        if same { MATCH } else { self.mismatch }
    }
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
    // Most alignments are of plain words on the whole grid, and most of
    // those are rejected by the caller: they need no move matrix and no
    // traceback. Free units' skips and the band's cell layout stay with the
    // traced DP, and so do grids too long for a path's fields.
    let fits = units.len() < 1 << Path::BITS && statement.len() < 1 << Path::BITS;
    if band.is_none() && fits && !units.iter().any(Unit::is_free) {
        return align_words(ids, statement, penalties);
    }
    align_traced(units, ids, statement, band, penalties)
}

/// The choice each cell of a word's row makes, shared by both DPs so that
/// they break ties alike: extending the alignment diagonally, else from
/// above if strictly better, else from the left if strictly better, and
/// starting afresh (at 0) if the best extension is negative. Ties favour
/// extending an alignment over starting afresh, so a changed word at the
/// edge ("never" for "always") stays inside and is reported. Each way is a
/// score and what the caller carries along it (a move, or a [`Path`]).
///
/// Selects rather than branches: which way wins depends on the words, so a
/// branch would be mispredicted often in the matcher's innermost loop.
#[inline(always)]
fn choose<T: Copy>(diag: (i32, T), up: (i32, T), left: (i32, T), start: T) -> (i32, T) {
    use std::hint::select_unpredictable as select;
    let best = select(up.0 > diag.0, up, diag);
    let best = select(left.0 > best.0, left, best);
    select(best.0 < 0, (0, start), best)
}

/// What the score-only DP carries in each cell instead of a move: how far
/// back (in units and in statement words) the cell's path starts, which is
/// where a traceback from the cell would stop, and how many of the path's
/// words agree. Packed in one word so that a cell's choice copies one value
/// whichever way it takes.
///
/// Counted back from the cell rather than as the start's position, so that
/// a cell that starts afresh carries 0 in every row: a row of such cells is
/// all zeros, which is what lets [`align_words`] skip them.
#[derive(Clone, Copy)]
struct Path(u64);

impl Path {
    /// Bits a field: units back, statement words back, agreeing words.
    /// [`align_within`] leaves grids with a side of 2^21 or more to the
    /// traced DP, so no field carries into the next.
    const BITS: u32 = 21;
    const UNIT: u64 = 1 << (2 * Path::BITS);
    const WORD: u64 = 1 << Path::BITS;

    /// The path of a cell that starts afresh.
    const START: Path = Path(0);

    /// The path extended by a unit and a statement word that agree if
    /// `same`.
    fn diagonal(self, same: bool) -> Path {
        Path(self.0 + Path::UNIT + Path::WORD + same as u64)
    }

    /// The path extended by a unit the statement lacks.
    fn up(self) -> Path {
        Path(self.0 + Path::UNIT)
    }

    /// The path extended by a statement word the quotation lacks.
    fn left(self) -> Path {
        Path(self.0 + Path::WORD)
    }

    /// Units back, statement words back, agreeing words.
    fn fields(self) -> (usize, usize, usize) {
        let mask = (1 << Path::BITS) - 1;
        let field = |k: u32| (self.0 >> (k * Path::BITS) & mask) as usize;
        (field(2), field(1), field(0))
    }
}

/// A cell that starts afresh, as every cell does far from an agreement.
const FRESH: (i32, Path) = (0, Path::START);

/// [`align_traced`] for units that are all words, on the whole grid,
/// without a move matrix or a traceback: each cell carries its [`Path`]
/// along the way it chose, so the best cell's path says where the
/// traceback would have stopped. Most alignments are of this kind, and most
/// of them the caller rejects.
///
/// Only the cells that can differ from [`FRESH`] are computed. A cell
/// differs only if its unit agrees with its statement word, or a cell it
/// extends (diagonally before it, above it or to its left) differs, with a
/// score that stays at 0 or more: so a row is computed from the first of
/// its agreements and of the previous row's differing cells, to the last
/// of them, and on while the cell to the left can still be extended. A
/// quotation that shares a few words with a statement differs from it in a
/// few short diagonal runs; the rest of the grid (four cells in five in a
/// one-thread run of 2,000 articles × 2,000 statements) is skipped.
fn align_words(ids: &[WordId], statement: &[WordId], penalties: Penalties) -> Option<Alignment> {
    let n = statement.len();
    // Two rows, [`FRESH`] outside the columns `live` (the previous row's)
    // and `stale` (the row before it, to be cleared before reuse).
    let mut prev = vec![FRESH; n + 1];
    let mut row = prev.clone();
    let (mut live, mut stale) = (0..0, 0..0);
    let mut best = (0, Path::START, 0, 0);
    // Most printed words are not in the statement. A set of its words, as
    // 128 buckets of a hash, rules most of them out without the scans for
    // agreements below, which cost more than the few cells a row computes.
    let bucket = |w: WordId| 1u128 << ((w as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 57);
    let held = statement.iter().fold(0, |set, &w| set | bucket(w));
    for (i, &id) in (1..).zip(ids) {
        row[stale].fill(FRESH);
        // The columns (1-based) of the first and last agreements.
        let first = (held & bucket(id) != 0)
            .then(|| statement.iter().position(|&w| w == id))
            .flatten();
        let last = first.and_then(|_| statement.iter().rposition(|&w| w == id));
        let (first, last) = (first.map(|j| j + 1), last.map_or(0, |j| j + 1));
        let from = match (first, live.is_empty()) {
            (None, true) => n + 1,
            (None, false) => live.start,
            (Some(j), true) => j,
            (Some(j), false) => j.min(live.start),
        };
        // The last column an agreement or a diagonal step from the previous
        // row reaches; past it, only a step from the left.
        let reach = last.max(live.end);
        let (mut lo, mut hi) = (usize::MAX, 0);
        let mut left = FRESH;
        // Zipped slices rather than indices: no bounds check in the
        // innermost loop of the matcher.
        let cells = statement[from - 1..]
            .iter()
            .zip(prev[from - 1..].windows(2))
            .zip(&mut row[from..]);
        for (j, ((&word, above), out)) in (from..).zip(cells) {
            if j > reach && left.0 + penalties.indel < 0 {
                break;
            }
            let same = word == id;
            let (diag, up) = (above[0], above[1]);
            let cell = choose(
                (diag.0 + penalties.pair(same), diag.1.diagonal(same)),
                (up.0 + penalties.indel, up.1.up()),
                (left.0 + penalties.indel, left.1.left()),
                Path::START,
            );
            *out = cell;
            left = cell;
            // A cell that did not start afresh has come some way.
            if cell.1.0 != 0 {
                lo = lo.min(j);
                hi = j + 1;
            }
            if cell.0 > best.0 {
                best = (cell.0, cell.1, i, j);
            }
        }
        // Empty when every cell started afresh.
        stale = std::mem::replace(&mut live, lo.min(hi)..hi);
        std::mem::swap(&mut prev, &mut row);
    }
    let (score, path, end_i, end_j) = best;
    if score <= 0 {
        return None;
    }
    let (units, words, matched) = path.fields();
    Some(Alignment {
        score,
        units: end_i - units..end_i,
        window: end_j - words..end_j,
        matched,
        free: Vec::new(),
        // Each step of a path is an agreeing word (a unit and a statement
        // word), a changed word (one of each), an added word (a unit) or a
        // dropped one (a statement word): the path is verbatim when its
        // agreeing words span it on both sides.
        verbatim: matched == units && matched == words,
    })
}

/// [`align_within`] with a move for every computed cell and a traceback:
/// for units with free units, whose skips a [`Path`] cannot carry, and for
/// banded grids.
fn align_traced(
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
                    let (score, mv) = choose(
                        (
                            prev[j - 1] + penalties.pair(statement[j - 1] == id),
                            Move::Diag,
                        ),
                        (prev[j] + penalties.indel, Move::Up),
                        (row_scores[j - 1] + penalties.indel, Move::Left),
                        Move::Start,
                    );
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
    use crate::matcher::numbers;
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

    /// The score-only DP finds what the traceback finds, on short word
    /// lists from vocabularies of one to six words, where ties between
    /// ways and repeated words are the rule, from larger ones, and on empty
    /// lists.
    #[test]
    fn the_score_only_alignment_equals_the_traced_one() {
        let mut next = numbers(11);
        for case in 0..4000 {
            // Every other case from 60 words: agreements are sparse, and
            // most of the grid is skipped.
            let vocabulary = 1 + next(if case % 2 == 0 { 6 } else { 60 });
            let mut words = || -> Vec<WordId> {
                let len = next(61);
                (0..len).map(|_| next(vocabulary) as WordId).collect()
            };
            let (printed, statement) = (words(), words());
            let units: Vec<Unit> = (0..printed.len()).map(Unit::Word).collect();
            for penalties in [Penalties::LENIENT, Penalties::STRICT] {
                assert_eq!(
                    align_words(&printed, &statement, penalties),
                    align_traced(&units, &printed, &statement, None, penalties),
                    "case {case}: {printed:?} / {statement:?} / {penalties:?}"
                );
            }
        }
    }

    /// A long statement printed with drift (words changed, added and
    /// dropped) amid other words: the band around the shared runs finds
    /// the alignment the whole grid finds.
    #[test]
    fn a_banded_alignment_equals_the_whole_grid() {
        let mut next = numbers(7);
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
