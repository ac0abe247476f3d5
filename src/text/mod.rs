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
    }
}
