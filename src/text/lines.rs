//! Maps byte offsets to the line and column a person sees in an editor.
//!
//! Findings are reported as `path:line:column`. Articles arrive with LF,
//! CRLF or lone-CR line endings (old Mac exports still circulate in
//! archives), and columns count characters, not bytes, so that a curly quote
//! or a Cyrillic name before a quotation does not shift the caret.

/// Start offsets of every line of one text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// The last offset asked for and its position.
    last: std::cell::Cell<Option<(usize, Position)>>,
}

/// A 1-based line and column; the column counts characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while let Some(offset) = memchr::memchr2(b'\n', b'\r', &bytes[i..]) {
            let at = i + offset;
            let next = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
            starts.push(next);
            i = next;
        }
        Self {
            starts,
            last: std::cell::Cell::new(None),
        }
    }

    /// The position of byte `offset` (which must be a char boundary).
    ///
    /// Counting characters from the start of the line costs the line's
    /// length; on a megabyte-long line asked for thousands of positions that
    /// is quadratic, so the last answer is kept and counting resumes from it
    /// when the next offset is further along the same line.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let (mut from, mut column) = (self.starts[line], 1);
        if let Some((last, at)) = self.last.get()
            && at.line == line + 1
            && last <= offset
        {
            (from, column) = (last, at.column);
        }
        column += text[from..offset].chars().count();
        let at = Position {
            line: line + 1,
            column,
        };
        self.last.set(Some((offset, at)));
        at
    }

    /// The number of lines (a text ending in a line break ends with an
    /// empty line).
    pub fn count(&self) -> usize {
        self.starts.len()
    }

    /// The byte range of 1-based line `line`, without its line ending.
    pub fn line_span(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.starts[line - 1];
        let mut end = self.starts.get(line).copied().unwrap_or(text.len());
        let bytes = text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        start..end
    }
}

/// Lines longer than this are not hard-wrapped: each is a paragraph.
const WRAPPED_LINE_CHARS: usize = 100;

/// Is the text hard-wrapped: short lines, with blank lines between
/// paragraphs? Then a single line break is a space. In the usual web and
/// agency copy every line is a paragraph, blank lines or not.
pub fn hard_wrapped(text: &str) -> bool {
    let lines = LineIndex::new(text);
    let mut blank = false;
    let mut long = 0;
    for l in 1..=lines.count() {
        let line = &text[lines.line_span(text, l)];
        blank |= line.trim().is_empty();
        long += usize::from(line.chars().count() > WRAPPED_LINE_CHARS);
    }
    blank && long * 10 < lines.count()
}

/// The number of line breaks in `s` (CRLF counts once).
pub fn line_breaks(s: &str) -> usize {
    s.matches('\n').count() + s.matches('\r').count() - s.matches("\r\n").count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_line_endings_count() {
        for text in ["a\nb\nc", "a\r\nb\r\nc", "a\rb\rc", "a\r\nb\rc"] {
            let index = LineIndex::new(text);
            let c = text.find('c').unwrap();
            assert_eq!(
                index.position(text, c),
                Position { line: 3, column: 1 },
                "{text:?}"
            );
        }
    }

    #[test]
    fn columns_count_characters() {
        let text = "x\n“Привет” ok";
        let index = LineIndex::new(text);
        assert_eq!(
            index.position(text, text.find("ok").unwrap()),
            Position {
                line: 2,
                column: 10
            }
        );
    }

    #[test]
    fn line_spans_drop_endings() {
        let text = "one\r\ntwo\rthree";
        let index = LineIndex::new(text);
        assert_eq!(&text[index.line_span(text, 1)], "one");
        assert_eq!(&text[index.line_span(text, 2)], "two");
        assert_eq!(&text[index.line_span(text, 3)], "three");
    }
}
