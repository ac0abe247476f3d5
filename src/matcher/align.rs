//! Word-level local alignment of a quotation against one statement.
//!
//! Smith–Waterman over words: the best-scoring stretch of the quotation that
//! lines up with a stretch of the statement, so that a quotation may hold a
//! part of a statement, or parts of two. Style-guide edits are free: an
//! ellipsis may skip any number of the statement's words, and a `[bracketed]`
//! group may stand for any number of them, at no cost, and so may the seam
//! between the parts of a split quotation. Everything else that does not line
//! up costs the same.

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

/// A word that agrees earns more than a changed word costs, so an alignment
/// carries on through moderate drift (a back-translation changes every few
/// words) instead of splitting into short verbatim islands.
const MATCH: i32 = 2;
const MISMATCH: i32 = -1;
const INDEL: i32 = -1;

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
) -> Option<Alignment> {
    let offset = range.start;
    let mut a = align(&units[range.clone()], &ids[range], statement)?;
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
    let m = units.len();
    let n = statement.len();
    if m == 0 || n == 0 {
        return None;
    }
    // Scores need only the previous row; the traceback needs every cell's
    // move, one byte each, and the skip column of free units' rows alone.
    // A 5,000-word statement printed whole is 25 million cells: 25 MB of
    // moves, where cells with their scores took 300 MB.
    let width = n + 1;
    let mut moves = vec![Move::Start; (m + 1) * width];
    let mut skips: Vec<(usize, Vec<u32>)> = Vec::new();
    let mut prev = vec![0i32; width];
    let mut row_scores = vec![0i32; width];
    let mut best = (0, 0, 0);
    for i in 1..=m {
        let row = i * width;
        row_scores[0] = 0;
        match &units[i - 1] {
            Unit::Word(_) => {
                let id = ids[i - 1];
                for j in 1..=n {
                    let diag = prev[j - 1]
                        + if statement[j - 1] == id {
                            MATCH
                        } else {
                            MISMATCH
                        };
                    let up = prev[j] + INDEL;
                    let left = row_scores[j - 1] + INDEL;
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
                    moves[row + j] = mv;
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
                    moves[row + j] = if running.0 > 0 {
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
        match moves[i * width + j] {
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
