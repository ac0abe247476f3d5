//! Groups quotations into chains: the parts of one quotation.
//!
//! A quotation split by its attribution (`"A," she said, "B."`) is one
//! quotation in two parts, and so is a long quotation whose paragraphs each
//! open again and only the last closes. Matching aligns a chain as a whole;
//! attribution credits a chain to one speaker.

use std::ops::Range;

use super::Quotation;
use crate::text::Token;

/// What an article puts between quotation marks.
#[derive(Debug, Clone, Default)]
pub struct Quoted {
    /// The quotations, in order.
    pub marks: Vec<Quotation>,
    /// The article tokens inside each quotation.
    pub words: Vec<Range<usize>>,
    /// Runs of consecutive quotations that are parts of one quotation.
    pub chains: Vec<Range<usize>>,
}

impl Quoted {
    pub fn new(text: &str, tokens: &[Token]) -> Self {
        let marks = super::find(text);
        let words: Vec<Range<usize>> = marks
            .iter()
            .map(|q| token_range(tokens, q.content.clone()))
            .collect();
        let chains = chains(text, tokens, &marks, &words);
        Quoted {
            marks,
            words,
            chains,
        }
    }
}

/// Two quotations are parts of one split quotation when at most this many
/// words stand between them (`"A," the foreign minister told reporters, "B."`).
const MAX_SPLIT_GAP_WORDS: usize = 12;

/// Token indices whose spans lie inside `bytes`.
pub fn token_range(tokens: &[Token], bytes: Range<usize>) -> Range<usize> {
    let start = tokens.partition_point(|t| t.span.start < bytes.start);
    let end = tokens.partition_point(|t| t.span.end <= bytes.end);
    start..end.max(start)
}

/// Are quotations `a` and `a + 1` two parts of one quotation?
fn continues(
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
            // The parts of a split quotation share a line: in copy with one
            // paragraph per line, a line break is a paragraph break.
            let line_break = between.contains(['\n', '\r']);
            // `"... enlargement." He also called it "..."`: the first
            // quotation ended its sentence and a new one starts.
            let ended = text[first.content.clone()]
                .trim_end()
                .ends_with(['.', '!', '?'])
                && between
                    .chars()
                    .find(|c| c.is_alphanumeric())
                    .is_some_and(char::is_uppercase);
            gap_words <= MAX_SPLIT_GAP_WORDS && !line_break && !ended && !new_sentence(between)
        }
    }
}

/// Does a new sentence begin between two quotations, before the second?
/// In `"A," he said. "B."` the cue ends its sentence and B follows at once: a
/// split quotation. In `‘invasion’ of Ukraine. Peskov called the claims
/// "empty"` a new sentence leads to the second quotation, and in `"A,"
/// Okafor said.⏎"B."` a new paragraph does: another quotation each time
/// (the second one may still be the same speaker's, by continuation).
fn new_sentence(between: &str) -> bool {
    between.match_indices(['.', '!', '?']).any(|(i, _)| {
        let rest = &between[i + 1..];
        // More words, or a new line: a new sentence or paragraph follows.
        rest.chars().any(char::is_alphanumeric) || rest.contains(['\n', '\r'])
    })
}

/// Groups consecutive quotations that are parts of one quotation.
fn chains(
    text: &str,
    tokens: &[Token],
    quotations: &[Quotation],
    ranges: &[Range<usize>],
) -> Vec<Range<usize>> {
    let mut chains: Vec<Range<usize>> = Vec::new();
    for q in 0..quotations.len() {
        match chains.last_mut() {
            Some(chain) if continues(text, tokens, quotations, ranges, q - 1) => chain.end = q + 1,
            _ => chains.push(q..q + 1),
        }
    }
    chains
}
