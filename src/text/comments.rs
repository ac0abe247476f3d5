//! HTML comments (`<!-- ... -->`) are invisible to readers of Markdown
//! articles: editors' notes, suppression comments and their reasons. What
//! readers do not see is not quoted, so comments are blanked before the text
//! is read, byte for byte, so that every offset still points at the same
//! place of the original. In plain text `<!--` is just characters, and
//! inside a code span (`` `<!--` ``) Markdown shows it as such: neither
//! starts a comment, so no quotation is ever hidden by one.

use std::borrow::Cow;
use std::ops::Range;

/// The byte ranges of the closed comments of `text`, `<!--` to `-->`
/// included. A comment never closed is left as text: hiding the rest of an
/// article from the check would lose findings silently.
pub fn comments(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = memchr::memmem::find(&text.as_bytes()[from..], b"<!--") {
        let open = from + open;
        if in_code_span(text, open) {
            from = open + 4;
            continue;
        }
        let Some(close) = memchr::memmem::find(&text.as_bytes()[open + 4..], b"-->") else {
            break;
        };
        let end = open + 4 + close + 3;
        found.push(open..end);
        from = end;
    }
    found
}

/// Whether `at` is inside a code span: an odd number of backticks before it
/// on its line.
fn in_code_span(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    text[line_start..at].matches('`').count() % 2 == 1
}

/// `text` with its comments replaced by spaces (line breaks kept, so lines
/// stay where they were); borrowed when there are none.
pub fn blank_comments(text: &str) -> Cow<'_, str> {
    let ranges = comments(text);
    if ranges.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut bytes = text.as_bytes().to_vec();
    for range in ranges {
        for b in &mut bytes[range] {
            if !matches!(*b, b'\n' | b'\r') {
                *b = b' ';
            }
        }
    }
    // Whole characters were replaced by ASCII spaces: still UTF-8.
    Cow::Owned(String::from_utf8(bytes).expect("blanking keeps UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_become_spaces_and_lines_stay() {
        let text = "a <!-- “x”\nsaid Roe --> b <!-- open";
        let blank = blank_comments(text);
        assert_eq!(blank.len(), text.len());
        let expected = format!("a {}\n{} b <!-- open", " ".repeat(12), " ".repeat(12));
        assert_eq!(blank, expected);
        assert!(matches!(blank_comments("no comment"), Cow::Borrowed(_)));
        assert!(comments("type `<!--` to start ... -->").is_empty());
    }
}
