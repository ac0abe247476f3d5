//! Drift: what changed between the record and the printed words.
//!
//! The matcher says where a statement appears; this stage says how faithfully.
//! Each run of printed words is diffed against the statement words it stands
//! for (a word diff from `similar`, Myers' algorithm). Ellipses, brackets and
//! the seam of a split quotation are style-guide edits: they show in the diff,
//! marked as edits, and never count as drift.
//!
//! An appearance is assessed against the wording it was matched with: the
//! text of record, or an accepted variant ([`Match::variant`]). Printing a
//! variant faithfully is no drift. When several wordings of a statement
//! claim the same printed words, the matcher asks [`preferred`] which reading
//! to report: the decision is about faithfulness, so it is made here.

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::catalog::Quote;
use crate::matcher::{Match, Segment};
use crate::text::Token;
use crate::text::fold::{is_negation, is_word_char};
use crate::text::squeeze;
use crate::text::words::bracket_span;

/// How faithfully a statement appears.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The whole statement, word for word.
    Exact,
    /// A verbatim part of it, or the whole with style-guide edits.
    Partial,
    /// Words changed, added, dropped or reordered.
    Drift,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Exact => "exact",
            Kind::Partial => "partial",
            Kind::Drift => "drift",
        }
    }
}

/// A style-guide edit seen in an appearance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Edit {
    /// `...`, `…` or `[...]`: words left out.
    Ellipsis,
    /// `[words]` replacing or adding words for clarity.
    Brackets,
    /// The statement is split around an attribution; words between the parts
    /// may be left out.
    Split,
}

/// One step of the word diff, record → article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Equal,
    /// In the record, not printed.
    Delete,
    /// Printed, not in the record.
    Insert,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffPart {
    pub op: Op,
    pub text: String,
    /// Set when the change is a style-guide edit, not drift.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edit: Option<Edit>,
}

/// Counts of changed words (edits excluded).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Changes {
    /// Record words replaced by other words.
    pub substituted: usize,
    /// Printed words the record does not have there.
    pub inserted: usize,
    /// Record words silently left out.
    pub dropped: usize,
    /// Words removed in one place and printed in another (reordering).
    pub moved: usize,
    /// The number of negations (not, never, no, n't, ...) differs: one was
    /// added or dropped, possibly behind an ellipsis or brackets.
    pub negation: bool,
    /// A word differs from the record only by letters from another script
    /// that look the same (a Cyrillic `а` for a Latin `a`).
    pub lookalike: bool,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.substituted + self.inserted + self.dropped == 0
    }
}

/// Everything said about how an appearance differs from the record.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub kind: Kind,
    /// 1 − word edit distance / longer side (edits excluded); 1 when verbatim.
    pub similarity: f64,
    pub diff: Vec<DiffPart>,
    pub edits: Vec<Edit>,
    pub changes: Changes,
}

fn negations<'a>(keys: impl IntoIterator<Item = &'a str>) -> usize {
    keys.into_iter().filter(|k| is_negation(k)).count()
}

/// Compares an appearance with its statement, in the wording it was matched
/// with (`m.variant`).
pub fn assess(m: &Match, text: &str, tokens: &[Token], quote: &Quote) -> Assessment {
    fit(m, text, tokens, quote).assessment
}

/// An assessment with the counts [`preferred`] weighs readings by.
struct Fit {
    assessment: Assessment,
    /// Printed words (outside brackets) as the speaker's.
    printed: Vec<usize>,
    /// How many of them agree with the wording.
    agreeing: usize,
}

fn fit(m: &Match, text: &str, tokens: &[Token], quote: &Quote) -> Fit {
    let record = Record {
        text: quote.text_of(m.variant),
        words: quote.words_of(m.variant),
    };
    let record_keys = |w: &Range<usize>| -> Vec<&str> {
        record.words[w.clone()]
            .iter()
            .map(|t| t.key.as_str())
            .collect()
    };
    let (mut printed_words, mut agreeing) = (Vec::new(), 0);
    let mut diff = Diff::default();
    let mut edits = Vec::new();
    let (mut old_all, mut new_all) = (Vec::new(), Vec::new());
    for segment in &m.segments {
        match segment {
            Segment::Words {
                tokens: printed,
                window,
            } => {
                let old = record_keys(window);
                let new: Vec<&str> = printed.iter().map(|&t| tokens[t].key.as_str()).collect();
                printed_words.extend(printed);
                for op in capture_diff_slices(Algorithm::Myers, &old, &new) {
                    let deleted = op.old_range();
                    let inserted = op.new_range();
                    if let DiffOp::Equal { .. } = op {
                        agreeing += inserted.len();
                        diff.push(
                            Op::Equal,
                            printed_text(text, tokens, &printed[inserted]),
                            None,
                        );
                        continue;
                    }
                    if matches!(op, DiffOp::Replace { .. }) {
                        diff.substituted(&old[deleted.clone()], &new[inserted.clone()]);
                    }
                    if !deleted.is_empty() {
                        let w = window.start + deleted.start..window.start + deleted.end;
                        diff.drift(Op::Delete, record_text(&record, w), &old[deleted]);
                    }
                    if !inserted.is_empty() {
                        diff.drift(
                            Op::Insert,
                            printed_text(text, tokens, &printed[inserted.clone()]),
                            &new[inserted],
                        );
                    }
                }
                old_all.extend(old);
                new_all.extend(new);
            }
            // Leaving words out is an edit, unless a negation goes with them:
            // no style guide allows an ellipsis to turn "not yet done" into
            // "done".
            Segment::Ellipsis { window, .. } | Segment::Split { window } => {
                let edit = if matches!(segment, Segment::Split { .. }) {
                    Edit::Split
                } else {
                    Edit::Ellipsis
                };
                edits.push(edit);
                if window.is_empty() {
                    continue;
                }
                let omitted = record_keys(window);
                if negations(omitted.iter().copied()) > 0 {
                    diff.drift(Op::Delete, record_text(&record, window.clone()), &omitted);
                    old_all.extend(omitted);
                } else {
                    diff.push(Op::Delete, record_text(&record, window.clone()), Some(edit));
                }
            }
            Segment::Brackets {
                tokens: printed,
                window,
            } => {
                edits.push(Edit::Brackets);
                let old = record_keys(window);
                let new: Vec<&str> = printed.clone().map(|t| tokens[t].key.as_str()).collect();
                let shown = squeeze(&text[bracket_span(text, tokens, printed.clone())]);
                if old == new {
                    diff.push(Op::Equal, shown, Some(Edit::Brackets));
                } else if negations(old.iter().copied()) != negations(new.iter().copied()) {
                    // "[do] take" for "do not take" is not a clarification.
                    diff.substituted(&old, &new);
                    if !old.is_empty() {
                        diff.drift(Op::Delete, record_text(&record, window.clone()), &old);
                    }
                    diff.drift(Op::Insert, shown, &new);
                    old_all.extend(old);
                    new_all.extend(new);
                } else {
                    if !window.is_empty() {
                        diff.push(
                            Op::Delete,
                            record_text(&record, window.clone()),
                            Some(Edit::Brackets),
                        );
                    }
                    diff.push(Op::Insert, shown, Some(Edit::Brackets));
                }
            }
        }
    }
    edits.sort();
    edits.dedup();
    let changes = diff.changes();
    let similarity = if changes.is_empty() {
        1.0
    } else {
        let distance = strsim::generic_levenshtein(&old_all, &new_all);
        let longest = old_all.len().max(new_all.len()).max(1);
        ((1.0 - distance as f64 / longest as f64) * 1000.0).round() / 1000.0
    };
    let kind = if !changes.is_empty() {
        Kind::Drift
    } else if !edits.is_empty() || m.window != (0..record.words.len()) {
        Kind::Partial
    } else {
        Kind::Exact
    };
    Fit {
        assessment: Assessment {
            kind,
            similarity,
            diff: diff.parts,
            edits,
            changes,
        },
        printed: printed_words,
        agreeing,
    }
}

/// Which of several readings of one appearance to report (an index into
/// `readings`): the same printed words matched with different wordings of
/// `quote`, the text of record and its accepted variants.
///
/// The printed words are judged against the wording they follow best:
///
/// 1. A faithful reading (exact or partial) wins when at least as many
///    printed words agree with it as with any drifted reading: printing a
///    variant is not drift. A faithful reading of fewer words does not win:
///    a five-word run shared with a variant must not hide the drift of a
///    whole sentence printed from the text. Among faithful readings, the one
///    most words agree with, then an exact one, then the text of record,
///    then the first variant.
/// 2. Otherwise the printed words drift from every wording, and the drift is
///    reported against the text of record, which is what the newsroom checks
///    against, unless a variant is clearly closer: at most half as many
///    differences. A difference is a changed word (substituted, inserted,
///    dropped) or a printed word of the appearance the reading leaves
///    unexplained (outside it). Half, because a house-style variant differs
///    from the text by a word or two, and a misquote of either then differs
///    from both by about as much: the writer evidently worked from the
///    variant only when its diff is much the shorter one, and then that diff
///    is the one that shows what changed.
pub fn preferred(readings: &[&Match], text: &str, tokens: &[Token], quote: &Quote) -> usize {
    let fits: Vec<Fit> = readings
        .iter()
        .map(|m| fit(m, text, tokens, quote))
        .collect();
    let drifted = |i: &usize| fits[*i].assessment.kind == Kind::Drift;
    let all = 0..readings.len();
    let most_agreeing_drift = all
        .clone()
        .filter(drifted)
        .map(|i| fits[i].agreeing)
        .max()
        .unwrap_or(0);
    let faithful = all
        .clone()
        .filter(|i| !drifted(i) && fits[*i].agreeing >= most_agreeing_drift)
        .min_by_key(|&i| {
            (
                std::cmp::Reverse(fits[i].agreeing),
                fits[i].assessment.kind,
                readings[i].variant,
            )
        });
    if let Some(i) = faithful {
        return i;
    }
    let mut union: Vec<usize> = fits
        .iter()
        .flat_map(|f| f.printed.iter().copied())
        .collect();
    union.sort_unstable();
    union.dedup();
    let differences = |i: usize| {
        let Fit {
            assessment,
            printed,
            ..
        } = &fits[i];
        let c = &assessment.changes;
        let explained = union.iter().filter(|t| printed.contains(t)).count();
        c.substituted + c.inserted + c.dropped + (union.len() - explained)
    };
    let closest = all
        .clone()
        .filter(drifted)
        .min_by_key(|&i| (differences(i), readings[i].variant))
        .unwrap_or(0);
    match all
        .clone()
        .find(|&i| readings[i].variant.is_none() && drifted(&i))
    {
        Some(record) if 2 * differences(closest) > differences(record) => record,
        _ => closest,
    }
}

/// Where the punctuation attached to the word ending at `end` stops
/// (`4.25%,` → after the comma), without running into the next word, a
/// bracket or a quotation mark.
fn attached_end(text: &str, end: usize, limit: usize) -> usize {
    let tail = text[end..limit]
        .char_indices()
        .find(|&(_, c)| {
            c.is_whitespace()
                || is_word_char(c)
                || matches!(c, '[' | ']')
                || crate::quotations::is_mark(c)
        })
        .map_or(limit - end, |(i, _)| i);
    end + tail
}

/// The wording an appearance is compared with.
struct Record<'a> {
    text: &'a str,
    words: &'a [Token],
}

/// The record's words `words`, as written in the record.
fn record_text(record: &Record, words: Range<usize>) -> String {
    let limit = record
        .words
        .get(words.end)
        .map_or(record.text.len(), |w| w.span.start);
    let end = attached_end(record.text, record.words[words.end - 1].span.end, limit);
    squeeze(&record.text[record.words[words.start].span.start..end])
}

/// The article's tokens `printed` (consecutive), as printed, with the
/// punctuation between and after them.
fn printed_text(text: &str, tokens: &[Token], printed: &[usize]) -> String {
    let (first, last) = (printed[0], printed[printed.len() - 1]);
    let limit = tokens.get(last + 1).map_or(text.len(), |t| t.span.start);
    let end = attached_end(text, tokens[last].span.end, limit);
    squeeze(&text[tokens[first].span.start..end])
}

/// Letters of other scripts that print like Latin ones, mapped to them.
fn latin_lookalike(c: char) -> char {
    match c {
        'а' | 'α' => 'a',
        'е' | 'ε' => 'e',
        'о' | 'ο' => 'o',
        'р' | 'ρ' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' | 'χ' => 'x',
        'і' | 'ι' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'ԁ' => 'd',
        'ν' => 'v',
        'κ' | 'к' => 'k',
        'т' | 'τ' => 't',
        'м' => 'm',
        'н' => 'h',
        'в' => 'b',
        _ => c,
    }
}

fn looks_alike(a: &str, b: &str) -> bool {
    a != b
        && a.chars()
            .map(latin_lookalike)
            .eq(b.chars().map(latin_lookalike))
}

#[derive(Default)]
struct Diff {
    parts: Vec<DiffPart>,
    /// Changed words, each with the number of the change it belongs to.
    deleted: Vec<(String, usize)>,
    inserted: Vec<(String, usize)>,
    /// Numbers the changes: a delete and an insert standing together are
    /// one change (a substitution), not a move.
    change: usize,
    substituted: usize,
    lookalike: bool,
}

impl Diff {
    fn push(&mut self, op: Op, text: String, edit: Option<Edit>) {
        if op == Op::Equal || edit.is_some() {
            self.change += 1;
        }
        if let Some(last) = self.parts.last_mut()
            && last.op == op
            && last.edit == edit
        {
            last.text.push(' ');
            last.text.push_str(&text);
            return;
        }
        self.parts.push(DiffPart { op, text, edit });
    }

    /// A deletion or insertion that is drift, with the keys it changes.
    fn drift(&mut self, op: Op, text: String, keys: &[&str]) {
        let side = if op == Op::Delete {
            &mut self.deleted
        } else {
            &mut self.inserted
        };
        side.extend(keys.iter().map(|k| (k.to_string(), self.change)));
        self.push(op, text, None);
    }

    /// Record words `old` replaced by printed words `new`.
    fn substituted(&mut self, old: &[&str], new: &[&str]) {
        self.substituted += old.len().min(new.len());
        self.lookalike |= old.iter().zip(new).any(|(a, b)| looks_alike(a, b));
    }

    fn changes(&self) -> Changes {
        // A word is moved when it is removed in one change and printed in
        // another.
        let mut pool: HashMap<&str, Vec<usize>> = HashMap::new();
        for (w, change) in &self.deleted {
            pool.entry(w).or_default().push(*change);
        }
        let mut moved = 0;
        for (w, change) in &self.inserted {
            if let Some(changes) = pool.get_mut(w.as_str())
                && let Some(i) = changes.iter().position(|c| c != change)
            {
                changes.swap_remove(i);
                moved += 1;
            }
        }
        let words = |side: &[(String, usize)]| negations(side.iter().map(|(w, _)| w.as_str()));
        Changes {
            substituted: self.substituted,
            inserted: self.inserted.len() - self.substituted,
            dropped: self.deleted.len() - self.substituted,
            moved,
            negation: words(&self.deleted) != words(&self.inserted),
            lookalike: self.lookalike,
        }
    }
}
