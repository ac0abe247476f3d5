//! Splits text into words that remember where they were printed.
//!
//! Every later stage compares folded keys but reports positions in the
//! original bytes, so each token carries both. Two editorial marks are kept
//! as tokens because the style guides give them meaning inside a quotation:
//! an ellipsis (`...`, `…`, `[...]`) marks an omission, and words in
//! `[square brackets]` were replaced or added by the writer for clarity.

use compact_str::CompactString;
use std::ops::Range;

use super::fold::{fold, fold_plain, is_apostrophe, is_ignorable, is_word_char};

/// What a token stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A word; `key` holds its folded form.
    Word,
    /// An ellipsis: the writer left words out here.
    Gap,
}

/// One word or editorial mark of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    /// Folded comparison key (empty for a gap).
    pub key: CompactString,
    /// Byte range in the original text.
    pub span: Range<usize>,
    /// Words inside the same `[...]` share a group number.
    pub bracket: Option<u32>,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

/// How far a `[` may be from its `]` before it is taken as a stray bracket.
/// Editorial insertions are a few words; a longer span is not one.
const MAX_BRACKET_BYTES: usize = 200;

/// Splits `text` into tokens. With `markdown`, `[text](url)` is a link: its
/// text is read as ordinary words and its target is skipped.
pub fn tokenize(text: &str, markdown: bool) -> Vec<Token> {
    Tokenizer::<true>::new(text, markdown).run()
}

/// [`tokenize`] without the shortcuts for ASCII: every character is decoded
/// and judged by the general rules. The result is the same; a test holds the
/// shortcuts to that.
#[doc(hidden)]
pub fn tokenize_decoding(text: &str, markdown: bool) -> Vec<Token> {
    Tokenizer::<false>::new(text, markdown).run()
}

/// The tokenizer's state. With `ASCII`, a byte below 128 is judged as a byte:
/// every article word (a million on 2,000 news articles) and the space and
/// punctuation between them were decoded as characters and put through
/// Unicode tables before, and each key was checked and copied again.
struct Tokenizer<'a, const ASCII: bool> {
    text: &'a str,
    markdown: bool,
    pos: usize,
    tokens: Vec<Token>,
    /// The bracket group open at `pos`, if any.
    group: Option<u32>,
    /// Index of the first token of the open group.
    group_start: usize,
    next_group: u32,
}

/// Bytes of English copy per token, a little under the average (5.9 on
/// news articles): the token list is reserved for the text's length over
/// this, so that it is not copied as it grows. Reserving for one token in
/// eight bytes left most articles to grow and copy their list once (some
/// 8,000 copies on 2,000 articles); one in five costs some unused room.
const BYTES_PER_TOKEN: usize = 5;

impl<'a, const ASCII: bool> Tokenizer<'a, ASCII> {
    fn new(text: &'a str, markdown: bool) -> Self {
        Tokenizer {
            text,
            markdown,
            pos: 0,
            tokens: Vec::with_capacity(text.len() / BYTES_PER_TOKEN + 1),
            group: None,
            group_start: 0,
            next_group: 0,
        }
    }

    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..).and_then(|s| s.chars().next())
    }

    fn run(mut self) -> Vec<Token> {
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(self.pos) {
            let start = self.pos;
            // An ASCII character is a word character exactly when it is a
            // letter or digit, and the marks below are all ASCII but one.
            if ASCII && b.is_ascii() {
                self.pos += 1;
                match b {
                    _ if b.is_ascii_alphanumeric() => self.word_or_address(start),
                    b'.' => self.dots(start),
                    b'[' => self.open_bracket(start),
                    b']' => self.close_bracket(),
                    b'(' => self.parenthesis(start),
                    _ => {}
                }
                continue;
            }
            let Some(c) = self.char_at(start) else {
                break;
            };
            self.pos += c.len_utf8();
            match c {
                _ if is_word_char(c) => self.word_or_address(start),
                '\u{2026}' => self.gap(start, self.pos),
                '.' => self.dots(start),
                '[' => self.open_bracket(start),
                ']' => self.close_bracket(),
                '(' => self.parenthesis(start),
                _ => {}
            }
        }
        self.tokens
    }

    /// A word, or a web address, starting at `start`.
    fn word_or_address(&mut self, start: usize) {
        match url_length(&self.text[start..]) {
            Some(len) => self.pos = start + len,
            None => self.word(start),
        }
    }

    /// `(...)` and `(…)` are ellipses.
    fn parenthesis(&mut self, start: usize) {
        let rest = &self.text[self.pos..];
        if rest.starts_with("...)") {
            self.pos += 4;
            self.gap(start, self.pos);
        } else if rest.starts_with("\u{2026})") {
            self.pos += '\u{2026}'.len_utf8() + 1;
            self.gap(start, self.pos);
        }
    }

    fn gap(&mut self, start: usize, end: usize) {
        self.tokens.push(Token {
            kind: TokenKind::Gap,
            key: CompactString::default(),
            span: start..end,
            bracket: None,
        });
    }

    /// Three or more dots, optionally spaced (`. . .`), are an ellipsis.
    fn dots(&mut self, start: usize) {
        let bytes = self.text.as_bytes();
        let mut dots = 1;
        let mut end = self.pos;
        let mut i = self.pos;
        loop {
            if bytes.get(i) == Some(&b'.') {
                dots += 1;
                i += 1;
                end = i;
            } else if bytes.get(i) == Some(&b' ') && bytes.get(i + 1) == Some(&b'.') {
                i += 1;
            } else {
                break;
            }
        }
        if dots >= 3 {
            self.pos = end;
            self.gap(start, end);
        }
    }

    fn open_bracket(&mut self, start: usize) {
        let rest = &self.text[self.pos..];
        let limit = rest.len().min(MAX_BRACKET_BYTES);
        // A bracket closes on its line and inside its quotation.
        let close = rest[..rest.floor_char_boundary(limit)]
            .char_indices()
            .find(|&(_, c)| {
                matches!(c, ']' | '\n' | '\r' | '[') || crate::quotations::is_double_mark(c)
            })
            .map(|(i, _)| i);
        let Some(close) = close.filter(|&i| rest.as_bytes()[i] == b']') else {
            return; // a stray bracket: ordinary punctuation
        };
        let inner = rest[..close].trim();
        if inner
            .chars()
            .all(|c| c == '.' || c == '\u{2026}' || c == ' ')
            && !inner.is_empty()
        {
            self.pos += close + 1;
            self.gap(start, self.pos);
            return;
        }
        self.group = Some(self.next_group);
        self.group_start = self.tokens.len();
        self.next_group += 1;
    }

    fn close_bracket(&mut self) {
        if self.group.take().is_none() {
            return;
        }
        if self.markdown && self.text[self.pos..].starts_with('(') {
            // A Markdown link: its text is ordinary prose, its target is not text.
            for token in &mut self.tokens[self.group_start..] {
                token.bracket = None;
            }
            if let Some(end) = self.text[self.pos..].find([')', '\n']) {
                self.pos += end + 1;
            }
        }
    }

    fn word(&mut self, start: usize) {
        let mut end = start;
        let mut i = start;
        let bytes = self.text.as_bytes();
        // Made of ASCII letters and digits only: then its key is the word in
        // lower case (see `fold`), made without looking at it again, and
        // the word itself when it has no capital (`classes` ORs the
        // classes of its bytes).
        let mut plain = true;
        let mut classes = 0;
        loop {
            // ASCII letters and digits, most of English copy, are word
            // characters without decoding them.
            let (run_end, run_classes) = ascii_run(bytes, i);
            if run_end > i {
                classes |= run_classes;
                i = run_end;
                end = i;
            }
            match bytes.get(i) {
                // Any other ASCII character ends the word but the joiners
                // (the apostrophes `'` and `` ` ``, and `.` and `,` between
                // digits); the invisible ones are not ASCII.
                Some(&b) if ASCII && b.is_ascii() && !matches!(b, b'\'' | b'`' | b'.' | b',') => {
                    break;
                }
                _ => {}
            }
            let Some(c) = self.char_at(i) else {
                break;
            };
            let next = i + c.len_utf8();
            if is_word_char(c) {
                end = next;
                i = next;
                plain = false;
                continue;
            }
            // Joiners count only with a word character right after them.
            let joins = match c {
                _ if is_ignorable(c) => true,
                _ if is_apostrophe(c) => true,
                '.' | ',' => {
                    self.text[..end]
                        .chars()
                        .next_back()
                        .is_some_and(|p| p.is_ascii_digit())
                        && self.char_at(next).is_some_and(|n| n.is_ascii_digit())
                }
                _ => false,
            };
            let followed = self
                .char_at(next)
                .is_some_and(|n| is_word_char(n) || is_ignorable(n));
            if joins && followed {
                i = next;
                plain = false;
                continue;
            }
            break;
        }
        // Joiners and ignorable characters at the very end are not part of the word.
        self.pos = end;
        let printed = &self.text[start..end];
        self.tokens.push(Token {
            kind: TokenKind::Word,
            key: if ASCII && plain && classes & CAPITAL == 0 {
                CompactString::from(printed)
            } else if ASCII && plain {
                fold_plain(printed)
            } else {
                fold(printed)
            },
            span: start..end,
            bracket: self.group,
        });
    }
}

/// Where the run of ASCII letters and digits of `bytes` from `i` ends, and
/// the [`ASCII_CLASS`]es of its bytes ORed. A function of its own so that
/// its loop keeps the classes in a register: in `word`'s loop they lived on
/// the stack, a load and a store for every byte of every word.
#[inline(always)]
fn ascii_run(bytes: &[u8], mut i: usize) -> (usize, u8) {
    let mut classes = 0;
    while let Some(&b) = bytes.get(i) {
        let class = ASCII_CLASS[b as usize];
        if class == 0 {
            break;
        }
        classes |= class;
        i += 1;
    }
    (i, classes)
}

/// [`ASCII_CLASS`] of a lower-case ASCII letter or a digit.
const LOWER: u8 = 1;
/// [`ASCII_CLASS`] of an upper-case ASCII letter.
const CAPITAL: u8 = 2;

/// Per byte: [`LOWER`], [`CAPITAL`], or 0 for any byte that is not an ASCII
/// letter or digit. One lookup both tells a word goes on and whether its key
/// needs lowering.
static ASCII_CLASS: [u8; 256] = {
    let mut classes = [0; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        classes[b] = if c.is_ascii_uppercase() {
            CAPITAL
        } else if c.is_ascii_alphanumeric() {
            LOWER
        } else {
            0
        };
        b += 1;
    }
    classes
};

/// The length of a web address at the start of `s`, if there is one. An
/// address is not words: a slug such as `we-are-not-ready-to-give-up` must
/// not read as a quotation printed without marks.
fn url_length(s: &str) -> Option<usize> {
    // Only the prefix's bytes are compared, in place: lowercasing the whole
    // rest of the article made tokenizing quadratic, and a lowercased copy
    // of its head was an allocation for every word.
    // Every prefix starts with `h` or `w`: most words are ruled out by
    // their first letter alone.
    if !matches!(s.as_bytes().first(), Some(b'h' | b'H' | b'w' | b'W')) {
        return None;
    }
    let starts = |prefix: &str| {
        s.as_bytes()
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    if !(starts("http://") || starts("https://") || starts("www.")) {
        return None;
    }
    Some(
        s.find(|c: char| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '“' | '”' | ')' | ']'))
            .unwrap_or(s.len()),
    )
}

/// The bytes of the bracketed words `range`, brackets included.
pub fn bracket_span(text: &str, tokens: &[Token], range: Range<usize>) -> Range<usize> {
    let first = tokens[range.start].span.start;
    let last = tokens[range.end - 1].span.end;
    let start = text[..first].rfind('[').unwrap_or(first);
    let end = text[last..].find(']').map_or(last, |i| last + i + 1);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        tokenize(text, false)
            .into_iter()
            .map(|t| {
                if t.is_word() {
                    t.key.into_string()
                } else {
                    "…".into()
                }
            })
            .collect()
    }

    #[test]
    fn words_keep_their_original_spans() {
        let text = "“We’re ready,” she said.";
        let tokens = tokenize(text, false);
        assert_eq!(&text[tokens[0].span.clone()], "We’re");
        assert_eq!(tokens[0].key, "we're");
        assert_eq!(&text[tokens[2].span.clone()], "she");
    }

    #[test]
    fn hyphens_and_dashes_separate_words() {
        assert_eq!(keys("de-escalation – none"), ["de", "escalation", "none"]);
        assert_eq!(keys("de\u{2011}escalation"), ["de", "escalation"]);
    }

    #[test]
    fn numbers_keep_their_separators() {
        assert_eq!(keys("13,000 dead, 3.5 km"), ["13,000", "dead", "3.5", "km"]);
    }

    #[test]
    fn ellipses_are_gaps() {
        assert_eq!(
            keys("a ... b … c [...] d . . . e"),
            ["a", "…", "b", "…", "c", "…", "d", "…", "e"]
        );
        assert_eq!(keys("end."), ["end"]);
    }

    #[test]
    fn brackets_group_words() {
        let tokens = tokenize("One of such [solutions] can", false);
        assert_eq!(tokens[3].bracket, Some(0));
        assert_eq!(tokens[2].bracket, None);
        assert_eq!(tokens[4].bracket, None);
    }

    #[test]
    fn web_addresses_are_not_words() {
        assert_eq!(
            keys("see https://x.com/we-are-not-ready now"),
            ["see", "now"]
        );
        assert_eq!(
            keys("at www.example.org/a-b, he said"),
            ["at", "he", "said"]
        );
        assert_eq!(keys("[link](https://x.y/we-are-ready)"), ["link"]);
    }

    #[test]
    fn a_bracket_closes_inside_its_quotation() {
        let tokens = tokenize("\"give up on [diplomacy\" with Russia] today", false);
        assert!(tokens.iter().all(|t| t.bracket.is_none()));
        let tokens = tokenize("\"[Russia's] view\"", false);
        assert_eq!(tokens[0].bracket, Some(0));
    }

    #[test]
    fn markdown_links_are_prose() {
        let tokens = tokenize("[Blinken said](https://x.y/z) it", true);
        let words: Vec<_> = tokens.iter().map(|t| (t.key.as_str(), t.bracket)).collect();
        assert_eq!(words, [("blinken", None), ("said", None), ("it", None)]);
    }

    #[test]
    fn invisible_characters_stay_inside_words() {
        let text = "Ukr\u{00AD}aine";
        let tokens = tokenize(text, false);
        assert_eq!(tokens.len(), 1);
        assert_eq!(tokens[0].key, "ukraine");
        assert_eq!(tokens[0].span, 0..text.len());
    }
}
