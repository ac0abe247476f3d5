//! The piece of an article line a finding is shown in, cut around the
//! quotation: wire copy often holds a whole paragraph on one line, and a
//! terminal shows a hundred columns, not a thousand.

use std::ops::Range;

use crate::text::LineIndex;

/// Characters of context kept before the quotation.
const BEFORE_CHARS: usize = 40;
/// Characters of the quotation kept; the underline says where it goes on.
const MARKED_CHARS: usize = 100;
/// Characters of context kept after it.
const AFTER_CHARS: usize = 20;

/// Part of one line: context, the marked words, context.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Excerpt {
    /// The line number.
    pub line: usize,
    pub before: String,
    pub marked: String,
    pub after: String,
    /// Text of the line was left out before `before` / after `after`.
    pub cut_before: bool,
    pub cut_after: bool,
    /// The marked span goes on past what `marked` shows (a later line, or
    /// beyond [`MARKED_CHARS`]).
    pub continues: bool,
}

impl Excerpt {
    /// The excerpt of `span` of `text`, on the line where `span` starts.
    pub fn new(text: &str, lines: &LineIndex, span: Range<usize>) -> Self {
        let line = lines.position(text, span.start).line;
        let whole = lines.line_span(text, line);
        let end = span.end.min(whole.end).max(span.start);
        let before = tail(&text[whole.start..span.start], BEFORE_CHARS);
        let marked = head(&text[span.start..end], MARKED_CHARS);
        let continues = span.end > whole.end || marked.len() < end - span.start;
        let after = if continues {
            ""
        } else {
            head(&text[end..whole.end], AFTER_CHARS)
        };
        Excerpt {
            line,
            before: clean(before),
            marked: clean(marked),
            after: clean(after),
            cut_before: before.len() < span.start - whole.start,
            cut_after: !continues && after.len() < whole.end - end,
            continues,
        }
    }
}

/// The first `n` characters of `s`.
fn head(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// The last `n` characters of `s`.
fn tail(s: &str, n: usize) -> &str {
    match s.char_indices().rev().nth(n.saturating_sub(1)) {
        Some((i, _)) if n > 0 => &s[i..],
        _ if n == 0 => "",
        _ => s,
    }
}

/// Tabs and control characters would shift the underline; show them as
/// one space each. Invisible characters (zero-width spaces, a web page's
/// markup) go.
fn clean(s: &str) -> String {
    // Printable ASCII (nearly every excerpt) has none of either: copied
    // whole, not a character at a time.
    if s.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return s.to_string();
    }
    clean_chars(s)
}

/// [`clean`] a character at a time, whatever the text.
fn clean_chars(s: &str) -> String {
    s.chars()
        .filter(|&c| !crate::text::fold::is_ignorable(c))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_cut_around_the_quotation() {
        let text = format!(
            "{} \"We are ready,\" he said. {}",
            "x".repeat(200),
            "y".repeat(200)
        );
        let lines = LineIndex::new(&text);
        let start = text.find("We").unwrap();
        let e = Excerpt::new(&text, &lines, start..start + "We are ready".len());
        assert_eq!(e.marked, "We are ready");
        assert_eq!(e.before.chars().count(), BEFORE_CHARS);
        assert!(e.before.ends_with(" \""));
        assert_eq!(e.after, ",\" he said. yyyyyyyy");
        assert!(e.cut_before && e.cut_after && !e.continues);
    }

    #[test]
    fn printable_ascii_is_clean_as_it_is() {
        let printable: String = (b' '..=b'~').map(char::from).collect();
        assert_eq!(clean_chars(&printable), printable);
        assert_eq!(clean("a\tb\u{200B}c\u{7f}"), "a bc ");
    }

    #[test]
    fn a_span_over_lines_is_shown_on_its_first() {
        let text = "He said: \"one\ntwo\"";
        let lines = LineIndex::new(text);
        let e = Excerpt::new(text, &lines, 10..17);
        assert_eq!(
            (e.line, e.before.as_str(), e.marked.as_str()),
            (1, "He said: \"", "one")
        );
        assert!(e.continues && !e.cut_before);
    }
}
