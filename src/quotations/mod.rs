//! Finds the passages an article puts between quotation marks.
//!
//! Real copy mixes every convention: straight and curly marks in one
//! quotation (`" I made clear ...”`), German low-9 openers, guillemets,
//! single marks for scare quotes, apostrophes that look like closing marks,
//! a stray opener where a closer was meant, and quotations never closed.
//! Each mark is judged by its glyph (opening, closing or neutral) and by its
//! shape in the text (does it lean on the word after it or on the word before
//! it), the way a reader does.
//!
//! An unclosed quotation ends at the end of its paragraph: journalists open
//! every paragraph of a long quotation again and close only the last one. A
//! single line break continues the quotation only when the next closing mark
//! comes before any new opening one (hard-wrapped text); otherwise the line
//! break is taken as the paragraph end.

mod chain;

use std::ops::Range;

use crate::text::fold::{is_ignorable, is_word_char};

pub use chain::{Quoted, token_range};

/// One passage between quotation marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// The quoted text, without its marks.
    pub content: Range<usize>,
    /// Byte offset just past the closing mark; `None` when never closed.
    pub close: Option<usize>,
    /// Whether the marks are single (`‘…’`) rather than double.
    pub single: bool,
}

impl Quotation {
    /// The byte range from the opening mark to the closing mark (or the end of
    /// the content, when unclosed).
    pub fn outer(&self) -> Range<usize> {
        self.open..self.close.unwrap_or(self.content.end)
    }

    pub fn is_closed(&self) -> bool {
        self.close.is_some()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Glyph {
    Open,
    Close,
    Neutral,
}

fn double_glyph(c: char) -> Option<Glyph> {
    match c {
        '"' | '\u{FF02}' => Some(Glyph::Neutral),
        '\u{201C}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{301D}' => Some(Glyph::Open),
        '\u{201D}' | '\u{00BB}' | '\u{301E}' => Some(Glyph::Close),
        _ => None,
    }
}

fn single_glyph(c: char) -> Option<Glyph> {
    match c {
        '\'' => Some(Glyph::Neutral),
        '\u{2018}' | '\u{201A}' | '\u{2039}' => Some(Glyph::Open),
        '\u{2019}' | '\u{203A}' => Some(Glyph::Close),
        _ => None,
    }
}

/// A double quotation mark of any style (`"`, `“`, `„`, `«`, ...).
pub fn is_double_mark(c: char) -> bool {
    double_glyph(c).is_some()
}

/// A quotation mark of any style (apostrophe look-alikes included).
pub fn is_mark(c: char) -> bool {
    double_glyph(c).is_some() || single_glyph(c).is_some()
}

/// How a mark sits between its neighbours.
#[derive(Debug, Clone, Copy)]
struct Shape {
    /// Leans on the next word: `␣"word`.
    opening: bool,
    /// Leans on the previous word: `word"␣` or `word,"`.
    closing: bool,
}

/// How many invisible characters a mark's neighbour is looked for across.
const MAX_INVISIBLE: usize = 1024;

fn shape(text: &str, at: usize, mark: char) -> Shape {
    // Invisible characters are not there to a reader: a web page's inline
    // markup (`<q>“</q>We`) stands between a mark and its word as such.
    // A tag with a long address is a few hundred of them; the bound keeps a
    // text of nothing but marks and invisible characters linear.
    let visible = |c: &char| !is_ignorable(*c);
    let prev = text[..at].chars().rev().take(MAX_INVISIBLE).find(visible);
    let next = text[at + mark.len_utf8()..]
        .chars()
        .take(MAX_INVISIBLE)
        .find(visible);
    let opening = next.is_some_and(|n| !n.is_whitespace())
        && prev.is_none_or(|p| p.is_whitespace() || "([{—–-/:".contains(p) || is_mark(p));
    let closing = prev.is_some_and(|p| !p.is_whitespace())
        && next.is_none_or(|n| {
            n.is_whitespace() || n.is_ascii_punctuation() || "—–…".contains(n) || is_mark(n)
        });
    Shape { opening, closing }
}

/// Would this mark close a quotation opened with `opener`?
fn closes(glyph: Glyph, shape: Shape, opener: char, mark: char) -> bool {
    match glyph {
        Glyph::Close => true,
        Glyph::Neutral => shape.closing || !shape.opening,
        // German style: „text“. Otherwise an opening glyph leaning on the word
        // before it is a typo for the closing one (`impending“ Russian`).
        Glyph::Open => {
            (opener == '\u{201E}' && mark == '\u{201C}') || (shape.closing && !shape.opening)
        }
    }
}

/// Would this mark open a quotation when none is open?
fn opens(glyph: Glyph, shape: Shape) -> bool {
    match glyph {
        Glyph::Open => true,
        Glyph::Neutral => !shape.closing || shape.opening,
        // Swedish and German guillemet styles open with a "closing" glyph.
        Glyph::Close => shape.opening && !shape.closing,
    }
}

/// All quotations of `text`, in order of their opening marks.
pub fn find(text: &str) -> Vec<Quotation> {
    let doubles = find_double(text);
    let singles = find_single(text, &doubles);
    // A double quotation inside a single one is part of it. Whether any
    // single opened before `d` reaches past its end is one binary search in
    // the running maximum of their ends (thousands of marks stay linear).
    let mut opens: Vec<(usize, usize)> = singles.iter().map(|s| (s.open, s.outer().end)).collect();
    opens.sort_unstable();
    let mut reach = Vec::with_capacity(opens.len());
    let mut furthest = 0;
    for &(_, end) in &opens {
        furthest = furthest.max(end);
        reach.push(furthest);
    }
    let inside_single = |d: &Quotation| {
        let before = opens.partition_point(|&(open, _)| open < d.open);
        before > 0 && d.outer().end <= reach[before - 1]
    };
    let mut all: Vec<Quotation> = doubles.into_iter().filter(|d| !inside_single(d)).collect();
    all.extend(singles);
    all.sort_by_key(|q| q.open);
    all
}

/// Offset of the first character of the line after the line break at `nl`.
fn after_line_break(text: &str, nl: usize) -> usize {
    let bytes = text.as_bytes();
    if bytes[nl] == b'\r' && bytes.get(nl + 1) == Some(&b'\n') {
        nl + 2
    } else {
        nl + 1
    }
}

/// Does the line starting at `from` hold only white space?
fn blank_line_at(text: &str, from: usize) -> bool {
    text[from..]
        .chars()
        .take_while(|&c| c != '\n' && c != '\r')
        .all(char::is_whitespace)
}

/// After a line break inside a quotation opened with `opener`: is the next
/// mark before the paragraph's end a closing one?
fn continues_past_line_break(text: &str, nl: usize, opener: char) -> bool {
    let mut line_start = after_line_break(text, nl);
    while line_start < text.len() && !blank_line_at(text, line_start) {
        let line_end = text[line_start..]
            .find(['\n', '\r'])
            .map_or(text.len(), |i| line_start + i);
        for (i, c) in text[line_start..line_end].char_indices() {
            if let Some(glyph) = double_glyph(c) {
                let at = line_start + i;
                return closes(glyph, shape(text, at, c), opener, c);
            }
        }
        if line_end == text.len() {
            break;
        }
        line_start = after_line_break(text, line_end);
    }
    false
}

/// The bytes a pass over an article stops at: three ASCII ones, and every
/// byte of a non-ASCII character (curly marks, and what may lean on them).
struct Stops {
    table: [bool; 256],
    marks: [u8; 3],
}

impl Stops {
    const fn new(marks: [u8; 3]) -> Self {
        let mut table = [false; 256];
        let mut b = 128;
        while b < 256 {
            table[b] = true;
            b += 1;
        }
        let mut i = 0;
        while i < marks.len() {
            table[marks[i] as usize] = true;
            i += 1;
        }
        Stops { table, marks }
    }

    /// The offset of the first byte of `bytes` to stop at, if any. Eight
    /// bytes are passed over at once while none of them is one: none has
    /// its top bit set and none equals a mark (no byte of x ^ mark is
    /// zero). A byte at a time, the two passes cost about four instructions
    /// a byte of every article.
    fn first(&self, bytes: &[u8]) -> Option<usize> {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        // Exact as a yes or no: some byte of `v` is zero.
        let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH != 0;
        let mut at = 0;
        for chunk in bytes.chunks_exact(8) {
            let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            if x & HIGH != 0 || self.marks.iter().any(|&m| has_zero(x ^ (m as u64 * ONES))) {
                break;
            }
            at += 8;
        }
        let rest = bytes[at..].iter().position(|&b| self.table[b as usize]);
        rest.map(|p| at + p)
    }
}

/// The only ASCII characters that do anything in [`find_double`].
const DOUBLE_STOPS: Stops = Stops::new(*b"\"\n\r");

/// The only ASCII characters that do anything in [`find_single`].
const SINGLE_STOPS: Stops = Stops::new(*b"'\n\r");

/// The characters of `text[range]` with their offsets, but for the ASCII
/// ones `stops` passes over. Both passes over an article look at marks and
/// line breaks only; most characters are ASCII letters and spaces, skipped
/// here without decoding (stepping through every character was about 5% of
/// a one-thread run).
fn chars_to_read<'a>(
    text: &'a str,
    range: Range<usize>,
    stops: &'a Stops,
) -> impl Iterator<Item = (usize, char)> + 'a {
    let bytes = text.as_bytes();
    let mut at = range.start;
    std::iter::from_fn(move || {
        at += stops.first(&bytes[at..range.end])?;
        // A non-ASCII byte stopped at is the first of its character: the
        // ones after it are skipped with it.
        let c = text[at..].chars().next()?;
        let here = at;
        at += c.len_utf8();
        Some((here, c))
    })
}

fn find_double(text: &str) -> Vec<Quotation> {
    let mut found = Vec::new();
    // The open quotation: offset of its mark and the mark itself.
    let mut open: Option<(usize, char)> = None;
    for (at, c) in chars_to_read(text, 0..text.len(), &DOUBLE_STOPS) {
        let line_break = c == '\r' || (c == '\n' && (at == 0 || text.as_bytes()[at - 1] != b'\r'));
        if line_break {
            if let Some((start, opener)) = open
                && !continues_past_line_break(text, at, opener)
            {
                found.push(unclosed(start, opener, at, false));
                open = None;
            }
            continue;
        }
        let Some(glyph) = double_glyph(c) else {
            continue;
        };
        let shape = shape(text, at, c);
        match open {
            None => {
                if opens(glyph, shape) {
                    open = Some((at, c));
                }
            }
            Some((start, opener)) => {
                if closes(glyph, shape, opener, c) {
                    found.push(Quotation {
                        open: start,
                        content: start + opener.len_utf8()..at,
                        close: Some(at + c.len_utf8()),
                        single: false,
                    });
                    open = None;
                } else {
                    // A new opening mark: the previous quotation was never closed.
                    found.push(unclosed(start, opener, at, false));
                    open = Some((at, c));
                }
            }
        }
    }
    if let Some((start, opener)) = open {
        found.push(unclosed(start, opener, text.len(), false));
    }
    found
}

fn unclosed(start: usize, opener: char, end: usize, single: bool) -> Quotation {
    Quotation {
        open: start,
        content: start + opener.len_utf8()..end,
        close: None,
        single,
    }
}

/// Inside a single quotation, `owners’ and directors’ test ...’` has two
/// apostrophes before its closing mark. A mark after an `s` and before a
/// lower-case word is taken for an apostrophe when the line closes the
/// quotation again later.
fn plural_possessive(text: &str, at: usize, mark: char) -> bool {
    let before_s = text[..at].ends_with(['s', 'S']);
    let rest = &text[at + mark.len_utf8()..];
    let lower_next = rest
        .strip_prefix(' ')
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_lowercase);
    if !(before_s && lower_next) {
        return false;
    }
    let line = &rest[..rest.find(['\n', '\r']).unwrap_or(rest.len())];
    line.char_indices().any(|(i, c)| {
        single_glyph(c).is_some_and(|g| g != Glyph::Open)
            && line[..i].ends_with(|p: char| !p.is_whitespace())
            && !line[i + c.len_utf8()..].starts_with(is_word_char)
    })
}

/// Is the first single mark on the line after the break at `nl` (not a blank
/// line) a closing one?
fn single_closes_on_next_line(text: &str, nl: usize) -> bool {
    let start = nl + 1;
    let line_end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| start + i);
    let line = &text[start..line_end];
    if line.trim().is_empty() {
        return false;
    }
    for (i, c) in line.char_indices() {
        let Some(glyph) = single_glyph(c) else {
            continue;
        };
        let at = start + i;
        let shape = shape(text, at, c);
        let next = text[at + c.len_utf8()..].chars().next();
        if glyph != Glyph::Open && shape.closing && !next.is_some_and(is_word_char) {
            return true;
        }
        if glyph != Glyph::Close && shape.opening && !shape.closing {
            return false;
        }
    }
    false
}

/// Single marks double as apostrophes, so a single quotation must open before
/// a word, close after one, and close on the line it opened on. Text inside
/// double quotations is skipped: single marks there are nested quotations.
fn find_single(text: &str, doubles: &[Quotation]) -> Vec<Quotation> {
    let mut found = Vec::new();
    let mut open: Option<(usize, char)> = None;
    // The stretches between double quotations, in order.
    let mut from = 0;
    let stretches = doubles
        .iter()
        .map(|d| d.open..d.outer().end)
        .chain(std::iter::once(text.len()..text.len()))
        .map(|double| {
            let stretch = from..double.start.max(from);
            from = from.max(double.end);
            stretch
        });
    let chars = stretches.flat_map(|stretch| chars_to_read(text, stretch, &SINGLE_STOPS));
    for (at, c) in chars {
        if c == '\n' || c == '\r' {
            // Hard-wrapped copy: the quotation goes on if the next line
            // closes it (the LF of a CRLF decides).
            let crlf = c == '\r' && text.as_bytes().get(at + 1) == Some(&b'\n');
            if open.is_some() && !crlf && !single_closes_on_next_line(text, at) {
                open = None;
            }
            continue;
        }
        let Some(glyph) = single_glyph(c) else {
            continue;
        };
        let shape = shape(text, at, c);
        let next = text[at + c.len_utf8()..].chars().next();
        match open {
            None => {
                if glyph != Glyph::Close
                    && shape.opening
                    && !shape.closing
                    && next.is_some_and(is_word_char)
                {
                    open = Some((at, c));
                }
            }
            Some((start, opener)) => {
                if glyph != Glyph::Open
                    && shape.closing
                    && !next.is_some_and(is_word_char)
                    && !plural_possessive(text, at, c)
                {
                    found.push(Quotation {
                        open: start,
                        content: start + opener.len_utf8()..at,
                        close: Some(at + c.len_utf8()),
                        single: true,
                    });
                    open = None;
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Eight bytes at a time, the first stop is the one a byte-by-byte scan
    /// finds: on random bytes from a small alphabet holding the marks, a
    /// non-ASCII byte, and their neighbours (`!`, `#`, `&`, `(`).
    #[test]
    fn stops_are_found_as_a_byte_at_a_time() {
        let alphabet = b"\"'\n\r\x80\xe2!#&(aZ ";
        let mut numbers = crate::seeded::numbers(7);
        let mut next = |below: usize| numbers(below as u64) as usize;
        for case in 0..20000 {
            let len = next(40);
            // Mostly plain letters, so that runs of eight without a stop
            // are common.
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    if next(6) == 0 {
                        alphabet[next(alphabet.len())]
                    } else {
                        b'a'
                    }
                })
                .collect();
            for stops in [&DOUBLE_STOPS, &SINGLE_STOPS] {
                let expected = bytes.iter().position(|&b| stops.table[b as usize]);
                assert_eq!(stops.first(&bytes), expected, "case {case}: {bytes:?}");
            }
        }
    }

    fn quoted(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|q| &text[q.content]).collect()
    }

    #[test]
    fn straight_and_curly_marks() {
        assert_eq!(quoted(r#"He said "yes" and "no"."#), ["yes", "no"]);
        assert_eq!(quoted("He said “yes” and “no”."), ["yes", "no"]);
        assert_eq!(quoted("Er sagte „ja“."), ["ja"]);
        assert_eq!(quoted("Il a dit « oui »."), [" oui "]);
    }

    #[test]
    fn mixed_styles_in_one_quotation() {
        let text = "Blinken: \" I made clear to Minister Lavrov. There is no trade space there – none.”\nNext.";
        assert_eq!(
            quoted(text),
            [" I made clear to Minister Lavrov. There is no trade space there – none."]
        );
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(
            quoted("Blinken’s visit to Russia’s ‘invasion’ claims"),
            ["invasion"]
        );
        assert_eq!(
            quoted("the students' books of the ’90s"),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn single_quotation_wrapped_over_lines() {
        assert_eq!(
            quoted("He said ‘We are ready to give up\non diplomacy.’ Then"),
            ["We are ready to give up\non diplomacy."]
        );
        assert_eq!(
            quoted("He said 'We are ready to give up\r\non diplomacy.' Then"),
            ["We are ready to give up\r\non diplomacy."]
        );
        assert_eq!(quoted("‘Tis the season\nfor it."), Vec::<&str>::new());
    }

    #[test]
    fn plural_possessives_inside_single_quotations() {
        assert_eq!(
            quoted(
                "‘All owners must pass the owners’ and directors’ test first,’ the league said."
            ),
            ["All owners must pass the owners’ and directors’ test first,"]
        );
        assert_eq!(quoted("the ‘fans’ and the owners"), ["fans"]);
    }

    #[test]
    fn nested_single_marks_stay_inside() {
        let text =
            "Lavrov: \"We are waiting for an official response ‘on paper’ to our proposals.\"";
        assert_eq!(find(text).len(), 1);
    }

    #[test]
    fn unclosed_quotation_ends_with_its_paragraph() {
        let text = "As he put it: \"We continue to provide this assistance.\nBy the way, the White House said \"partners\" here.";
        let quotes = find(text);
        assert_eq!(
            &text[quotes[0].content.clone()],
            "We continue to provide this assistance."
        );
        assert!(!quotes[0].is_closed());
        assert_eq!(&text[quotes[1].content.clone()], "partners");
    }

    #[test]
    fn hard_wrapped_quotation_continues() {
        let text = "He said: \"we could make\nreal progress,\" he said.";
        assert_eq!(quoted(text), ["we could make\nreal progress,"]);
    }

    #[test]
    fn stray_opener_before_full_stop_is_dropped_at_paragraph_end() {
        let text = "urged Blinken “not to repeat speculation about the alleged impending” Russian aggression “.\n\nNext paragraph.";
        let quotes = find(text);
        assert_eq!(
            &text[quotes[0].content.clone()],
            "not to repeat speculation about the alleged impending"
        );
        assert_eq!(&text[quotes[1].content.clone()], ".");
    }

    #[test]
    fn closer_after_a_space() {
        let text = "“I think it is too early. ” said the official.";
        assert_eq!(quoted(text), ["I think it is too early. "]);
    }

    #[test]
    fn crlf_and_lone_cr_end_paragraphs() {
        let text = "\"Open here.\r\n\r\nNot quoted.";
        assert_eq!(find(text)[0].content, 1..11);
        let text = "\"Open here.\rNot quoted.";
        assert_eq!(find(text)[0].content, 1..11);
    }
}
