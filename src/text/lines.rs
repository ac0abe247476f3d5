//! Maps byte offsets to the line and column a person sees in an editor.
//!
//! Findings are reported as `path:line:column`. Articles arrive with LF,
//! CRLF or lone-CR line endings (old Mac exports still circulate in
//! archives), and columns count characters, not bytes, so that a curly quote
//! or a Cyrillic name before a quotation does not shift the caret.

use std::ops::Range;

/// Start offsets of every line of one text, and running character counts.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// `chars[k]`: the characters in the first `k * CHAR_STEP` bytes.
    chars: Vec<usize>,
}

/// Bytes between character-count checkpoints: a column costs at most this
/// many bytes of counting, however long the line (wire copy can hold a
/// megabyte paragraph on one line, asked for thousands of positions).
const CHAR_STEP: usize = 256;

/// Characters in `bytes`, which may start or end inside a character: the
/// bytes that start one (every byte but UTF-8 continuation bytes).
fn count_chars(bytes: &[u8]) -> usize {
    // Eight bytes at a time: a continuation byte is the one with its top
    // bit set and the next one clear (`10xxxxxx`). Every article is counted
    // through once per line index, and a line index is built three times
    // an article.
    const TOP: u64 = 0x8080_8080_8080_8080;
    let words = bytes.chunks_exact(8);
    let rest = words.remainder();
    let continuation: usize = words
        .map(|w| {
            let x = u64::from_le_bytes(w.try_into().expect("eight bytes"));
            (x & !(x << 1) & TOP).count_ones() as usize
        })
        .sum();
    let tail = rest.iter().filter(|&&b| (b as i8) < -0x40).count();
    bytes.len() - continuation - tail
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
        let mut chars = Vec::with_capacity(bytes.len() / CHAR_STEP + 1);
        let mut total = 0;
        chars.push(0);
        for chunk in bytes.chunks(CHAR_STEP) {
            total += count_chars(chunk);
            chars.push(total);
        }
        Self { starts, chars }
    }

    /// Characters in the first `offset` bytes.
    fn chars_before(&self, bytes: &[u8], offset: usize) -> usize {
        let k = offset / CHAR_STEP;
        self.chars[k] + count_chars(&bytes[k * CHAR_STEP..offset])
    }

    /// The position of byte `offset` (which must be a char boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let bytes = text.as_bytes();
        let column = self.chars_before(bytes, offset) - self.chars_before(bytes, self.starts[line]);
        Position {
            line: line + 1,
            column: column + 1,
        }
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

/// The byte range of every line of `text`, without its line ending: the
/// lines of a [`LineIndex`] (`LineIndex::line_span`), found without one,
/// which counts characters too (attribution reads the lines of every
/// article and needs no column).
pub fn line_spans(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        let (end, next) = match memchr::memchr2(b'\n', b'\r', &bytes[from..]) {
            Some(offset) => {
                let at = from + offset;
                let crlf = bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n');
                (at, Some(at + 1 + usize::from(crlf)))
            }
            None => (bytes.len(), None),
        };
        start = next;
        Some(from..end)
    })
}

/// Is the text hard-wrapped: short lines, with blank lines between
/// paragraphs? Then a single line break is a space. In the usual web and
/// agency copy every line is a paragraph, blank lines or not.
pub fn hard_wrapped(text: &str) -> bool {
    // A line index counts characters too, which this does only for lines
    // longer than the limit in bytes (attribution asks this of every
    // article).
    let (mut lines, mut blank, mut long) = (0, false, 0);
    for span in line_spans(text) {
        let line = &text[span];
        lines += 1;
        blank |= line.trim().is_empty();
        long += usize::from(
            line.len() > WRAPPED_LINE_CHARS && line.chars().count() > WRAPPED_LINE_CHARS,
        );
    }
    blank && long * 10 < lines
}

/// The number of line breaks in `s` (CRLF counts once).
pub fn line_breaks(s: &str) -> usize {
    // One pass over the bytes: attribution asks this of the gap between
    // nearly every two words, a space or two, and three searches (one for
    // `"\r\n"`, with a searcher built each time) cost ten times the gap.
    let bytes = s.as_bytes();
    let lf = |i: usize| bytes[i] == b'\n' && (i == 0 || bytes[i - 1] != b'\r');
    (0..bytes.len())
        .filter(|&i| bytes[i] == b'\r' || lf(i))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`hard_wrapped`] read from a [`LineIndex`], as it was.
    fn hard_wrapped_by_index(text: &str) -> bool {
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

    /// On texts of short and long lines (some of two-byte characters, near
    /// the limit in characters and bytes), blank and white lines, and every
    /// kind of line ending, trailing or not; and the lines are a line
    /// index's.
    #[test]
    fn hard_wrapping_is_read_as_from_a_line_index() {
        let pieces = [
            "a".repeat(40),
            "é".repeat(60),
            "b".repeat(101),
            "c".repeat(100),
            "é".repeat(100),
            " \t ".to_string(),
            String::new(),
        ];
        let breaks = ["\n", "\r\n", "\r", "\n\n", "\r\r\n"];
        let mut numbers = crate::seeded::numbers(3);
        let mut next = |below: usize| numbers(below as u64) as usize;
        let mut wrapped = 0;
        for case in 0..3000 {
            let mut text = String::new();
            for _ in 0..next(14) {
                // Short lines mostly, so that some texts are wrapped.
                let piece = if next(3) == 0 { next(pieces.len()) } else { 0 };
                text.push_str(&pieces[piece]);
                text.push_str(breaks[next(breaks.len())]);
            }
            if next(2) == 0 {
                text.push_str("end");
            }
            let index = LineIndex::new(&text);
            let spans: Vec<_> = (1..=index.count())
                .map(|l| index.line_span(&text, l))
                .collect();
            assert_eq!(line_spans(&text).collect::<Vec<_>>(), spans, "{text:?}");
            let expected = hard_wrapped_by_index(&text);
            assert_eq!(hard_wrapped(&text), expected, "case {case}: {text:?}");
            wrapped += usize::from(expected);
        }
        assert!((300..2700).contains(&wrapped), "{wrapped} of 3000 wrapped");
    }

    #[test]
    fn characters_are_counted_by_their_first_bytes() {
        let text = "a“Привет” ok 🙂 x\u{301}yz, and on past eight bytes";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let bytes = &text.as_bytes()[start..end];
                let slow = bytes.iter().filter(|&&b| (b as i8) >= -0x40).count();
                assert_eq!(count_chars(bytes), slow, "{start}..{end}");
            }
        }
    }

    #[test]
    fn line_breaks_count_crlf_once() {
        for (text, breaks) in [
            ("", 0),
            ("a b", 0),
            ("\n", 1),
            ("a\r\nb", 1),
            ("\r\r\n\n", 3),
            ("\n\r", 2),
            ("x\r\n\r\n“y”\r", 3),
        ] {
            assert_eq!(line_breaks(text), breaks, "{text:?}");
        }
    }

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
