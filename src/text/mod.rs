//! The text stage: words with their byte spans in the original, typography
//! folded, and the line index that turns spans back into positions.

pub mod comments;
pub mod fold;
pub mod html;
pub mod lines;
pub mod words;

pub use lines::{LineIndex, Position};
pub use words::{Token, TokenKind, tokenize};

/// Printed words for display on one line: line breaks and runs of spaces
/// become one space, invisible characters go, and a word hyphenated across a
/// line break (`pre-⏎set`) is joined again.
pub fn squeeze(s: &str) -> String {
    // Printable ASCII with single spaces between words, as nearly every
    // quotation and cue is, comes out as it went in: copied whole, not a
    // character at a time.
    let bytes = s.as_bytes();
    let plain = bytes.iter().all(|b| (b' '..=b'~').contains(b))
        && bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && !bytes.windows(2).any(|w| w == b"  ");
    if plain {
        return s.to_string();
    }
    squeeze_chars(s)
}

/// [`squeeze`] a character at a time, whatever the text: what the shortcut
/// for plain text must equal (a test compares the two).
#[doc(hidden)]
pub fn squeeze_chars(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let mut line_break = false;
    for c in s.chars() {
        if c.is_whitespace() {
            pending_space = true;
            line_break |= c == '\n' || c == '\r';
            continue;
        }
        if fold::is_ignorable(c) {
            continue;
        }
        if pending_space && !out.is_empty() && !(line_break && out.ends_with('-')) {
            out.push(' ');
        }
        pending_space = false;
        line_break = false;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn squeeze_joins_lines_and_drops_invisible_characters() {
        assert_eq!(
            super::squeeze("  a\n  b\u{200B}c  pre-\r\nset  d - e "),
            "a bc pre-set d - e"
        );
        for plain in ["a b-c d", "x", "", "We're ready, he said."] {
            assert_eq!(super::squeeze(plain), plain);
        }
        assert_eq!(super::squeeze(" a  b "), "a b");
    }
}
