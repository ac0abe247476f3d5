//! Drift: what changed between the record and the printed words.
//!
//! The matcher says where a statement appears; this stage says how faithfully.
//! Each run of printed words is diffed against the statement words it stands
//! for (a word diff from `similar`, Myers' algorithm). Ellipses, brackets and
//! the seam of a split quotation are style-guide edits: they show in the diff,
//! marked as edits, and never count as drift.

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::catalog::Quote;
use crate::matcher::{Match, Segment};
use crate::text::Token;
use crate::text::fold::is_negation;

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
    /// A negation (not, never, no, n't, ...) was added or dropped.
    pub negation: bool,
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

/// Compares an appearance with its statement.
pub fn assess(m: &Match, text: &str, tokens: &[Token], quote: &Quote) -> Assessment {
    let record = &quote.words;
    let mut diff = Diff::default();
    let mut edits = Vec::new();
    let (mut old_all, mut new_all) = (Vec::new(), Vec::new());
    for segment in &m.segments {
        match segment {
            Segment::Words {
                tokens: printed,
                window,
            } => {
                let old: Vec<&str> = record[window.clone()]
                    .iter()
                    .map(|t| t.key.as_str())
                    .collect();
                let new: Vec<&str> = printed.iter().map(|&t| tokens[t].key.as_str()).collect();
                for op in capture_diff_slices(Algorithm::Myers, &old, &new) {
                    diff.apply(
                        &op,
                        |r| record_text(quote, window.start + r.start..window.start + r.end),
                        |r| printed_text(text, tokens, printed[r.start]..printed[r.end - 1] + 1),
                        &old,
                        &new,
                    );
                }
                old_all.extend(old);
                new_all.extend(new);
            }
            Segment::Ellipsis { window, .. } => {
                edits.push(Edit::Ellipsis);
                if !window.is_empty() {
                    diff.push(
                        Op::Delete,
                        record_text(quote, window.clone()),
                        Some(Edit::Ellipsis),
                    );
                }
            }
            Segment::Brackets {
                tokens: printed,
                window,
            } => {
                edits.push(Edit::Brackets);
                let same = printed.len() == window.len()
                    && printed
                        .clone()
                        .zip(window.clone())
                        .all(|(t, w)| tokens[t].key == record[w].key);
                let shown = bracket_text(text, tokens, printed.clone());
                if same {
                    diff.push(Op::Equal, shown, Some(Edit::Brackets));
                } else {
                    if !window.is_empty() {
                        diff.push(
                            Op::Delete,
                            record_text(quote, window.clone()),
                            Some(Edit::Brackets),
                        );
                    }
                    diff.push(Op::Insert, shown, Some(Edit::Brackets));
                }
            }
            Segment::Split { window } => {
                edits.push(Edit::Split);
                diff.push(
                    Op::Delete,
                    record_text(quote, window.clone()),
                    Some(Edit::Split),
                );
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
    } else if !edits.is_empty() || m.window != (0..record.len()) {
        Kind::Partial
    } else {
        Kind::Exact
    };
    Assessment {
        kind,
        similarity,
        diff: diff.parts,
        edits,
        changes,
    }
}

/// The record's words `words`, as written in the record.
fn record_text(quote: &Quote, words: Range<usize>) -> String {
    let span = quote.words[words.start].span.start..quote.words[words.end - 1].span.end;
    squeeze(&quote.text[span])
}

/// The article's tokens `range`, as printed (punctuation between included).
fn printed_text(text: &str, tokens: &[Token], range: Range<usize>) -> String {
    squeeze(&text[tokens[range.start].span.start..tokens[range.end - 1].span.end])
}

/// Bracketed words with their brackets, as printed.
fn bracket_text(text: &str, tokens: &[Token], range: Range<usize>) -> String {
    let start = text[..tokens[range.start].span.start]
        .rfind('[')
        .unwrap_or(tokens[range.start].span.start);
    let end_word = tokens[range.end - 1].span.end;
    let end = text[end_word..]
        .find(']')
        .map_or(end_word, |i| end_word + i + 1);
    squeeze(&text[start..end])
}

/// Line breaks and runs of spaces inside a quotation are typography.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Default)]
struct Diff {
    parts: Vec<DiffPart>,
    deleted: Vec<String>,
    inserted: Vec<String>,
    substituted: usize,
}

impl Diff {
    fn push(&mut self, op: Op, text: String, edit: Option<Edit>) {
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

    fn apply(
        &mut self,
        op: &DiffOp,
        old_text: impl Fn(Range<usize>) -> String,
        new_text: impl Fn(Range<usize>) -> String,
        old: &[&str],
        new: &[&str],
    ) {
        let deleted = op.old_range();
        let inserted = op.new_range();
        match op {
            DiffOp::Equal { .. } => self.push(Op::Equal, new_text(inserted), None),
            _ => {
                if matches!(op, DiffOp::Replace { .. }) {
                    self.substituted += deleted.len().min(inserted.len());
                }
                if !deleted.is_empty() {
                    self.deleted
                        .extend(old[deleted.clone()].iter().map(|s| s.to_string()));
                    self.push(Op::Delete, old_text(deleted), None);
                }
                if !inserted.is_empty() {
                    self.inserted
                        .extend(new[inserted.clone()].iter().map(|s| s.to_string()));
                    self.push(Op::Insert, new_text(inserted), None);
                }
            }
        }
    }

    fn changes(&self) -> Changes {
        let mut pool: HashMap<&str, usize> = HashMap::new();
        for w in &self.deleted {
            *pool.entry(w).or_default() += 1;
        }
        let mut moved = 0;
        for w in &self.inserted {
            if let Some(n) = pool.get_mut(w.as_str())
                && *n > 0
            {
                *n -= 1;
                moved += 1;
            }
        }
        Changes {
            substituted: self.substituted,
            inserted: self.inserted.len() - self.substituted,
            dropped: self.deleted.len() - self.substituted,
            moved,
            negation: self
                .deleted
                .iter()
                .chain(&self.inserted)
                .any(|w| is_negation(w)),
        }
    }
}
