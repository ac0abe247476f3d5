//! Saved web pages: the words a reader of the page sees, byte for byte where
//! the page has them.
//!
//! Findings must point at the line of the `.html` file an editor opens, and
//! every later stage counts in byte offsets. So the page is not turned into a
//! shorter text with a table of offsets: it is *overwritten in place*, each
//! byte range keeping its length. Markup becomes what it is to a reader:
//! a block element (`<p>`, `<li>`, `<h2>`, …) a paragraph break, `<br>` a
//! line break, an inline element (`<a>`, `<em>`) nothing at all (filled with
//! zero-width characters, which every stage ignores, so that
//! `un<em>real</em>` stays one word), and scripts, styles, navigation and
//! the page's head blank space. Character references are decoded in place,
//! padded with zero-width characters to their length. Line breaks of the
//! source are spaces, as in a browser, except inside `<pre>`.
//!
//! The page is tokenized by html5gum, a WHATWG-conformant tokenizer that
//! gives each token's byte span; elements are nested as a browser nests
//! them in the common case (an unclosed `<nav>` hides what follows it, as it
//! does on screen). The page's publication date is read on the way: the
//! `article:published_time` family of `<meta>` tags, JSON-LD
//! `datePublished`, else the first `<time datetime>`.

use std::collections::HashMap;
use std::ops::Range;

use html5gum::{DefaultEmitter, StartTag, Token, Tokenizer};

use super::fold::{is_apostrophe, is_ignorable, is_word_char};
use crate::quotations::is_mark;
use crate::report::appearances::day_of;

/// What a page says, as its reader sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The page's text as shown, exactly as long as its source: every
    /// offset points at the same place of both.
    pub text: String,
    /// The same text as the later stages read it: an inline tag between a
    /// word and punctuation or white space (`Sergey <a>Lavrov</a>, he
    /// said`) is white space there, as the gaps between words always are,
    /// while the reader sees nothing (`Lavrov,`). Inside a word, or between
    /// a mark and its word, it is nothing in both.
    pub read: String,
    /// `YYYY-MM-DD`, when the page says when it was published.
    pub date: Option<String>,
    /// The page's comments, as the tokenizer found them (not inside
    /// scripts): where suppression comments are read.
    pub comments: Vec<Range<usize>>,
}

/// Elements a reader of the article does not read: scripts and styles,
/// the page's head, navigation, form controls and embedded media. (Not
/// `<form>` itself: some sites wrap the whole page in one.)
const HIDDEN: &[&[u8]] = &[
    b"head",
    b"title",
    b"script",
    b"style",
    b"noscript",
    b"template",
    b"svg",
    b"math",
    b"nav",
    b"aside",
    b"footer",
    b"button",
    b"select",
    b"textarea",
    b"iframe",
    b"object",
    b"canvas",
    b"audio",
    b"video",
    b"dialog",
];

/// Elements that start and end a block of text on screen.
const BLOCKS: &[&[u8]] = &[
    b"address",
    b"article",
    b"blockquote",
    b"body",
    b"caption",
    b"dd",
    b"details",
    b"div",
    b"dl",
    b"dt",
    b"figcaption",
    b"figure",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"header",
    b"hr",
    b"html",
    b"li",
    b"main",
    b"ol",
    b"p",
    b"pre",
    b"section",
    b"summary",
    b"table",
    b"td",
    b"th",
    b"tr",
    b"ul",
];

/// Elements that never hold content, so never wait for an end tag.
const VOID: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param",
    b"source", b"track", b"wbr",
];

/// What may stand in a page's head; anything else starts its body, and
/// ends a head left open (`</head>` may be left out).
const HEAD_CONTENT: &[&[u8]] = &[
    b"base",
    b"link",
    b"meta",
    b"noscript",
    b"script",
    b"style",
    b"template",
    b"title",
];

/// Start tags that end an open `<p>` (as a browser ends it).
const ENDS_P: &[&[u8]] = &[
    b"address",
    b"article",
    b"aside",
    b"blockquote",
    b"details",
    b"div",
    b"dl",
    b"fieldset",
    b"figcaption",
    b"figure",
    b"footer",
    b"form",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"header",
    b"hr",
    b"main",
    b"nav",
    b"ol",
    b"p",
    b"pre",
    b"section",
    b"table",
    b"ul",
];

/// Tag names.
type Names = &'static [&'static [u8]];

/// Elements whose start ends an open one of a kind, up to a boundary: a new
/// `<li>` ends the last one of its list, and so on.
const ENDS_SIBLING: &[(&[u8], Names, Names)] = &[
    (b"li", &[b"li"], &[b"ul", b"ol", b"menu"]),
    (b"dt", &[b"dt", b"dd"], &[b"dl"]),
    (b"dd", &[b"dt", b"dd"], &[b"dl"]),
    (
        b"tr",
        &[b"tr", b"td", b"th"],
        &[b"table", b"thead", b"tbody", b"tfoot"],
    ),
    (b"td", &[b"td", b"th"], &[b"tr", b"table"]),
    (b"th", &[b"td", b"th"], &[b"tr", b"table"]),
    (b"option", &[b"option"], &[b"select", b"datalist"]),
];

/// How far up the open elements an implied end is looked for: deeper
/// nesting than this is not a page's text, and the bound keeps a page of
/// ten thousand unclosed `<span>` linear.
const MAX_IMPLIED_DEPTH: usize = 64;

/// `<meta>` names and properties that give the publication date, best first.
const DATE_METAS: &[&[u8]] = &[
    b"article:published_time",
    b"datepublished",
    b"og:published_time",
    b"pubdate",
    b"publishdate",
    b"dc.date.issued",
    b"dc.date",
    b"date",
];

/// The longest character reference worth decoding (`&CounterClockwiseContourIntegral;`).
const MAX_REFERENCE_BYTES: usize = 40;

/// Reads a page.
pub fn read(source: &str) -> Page {
    let mut reader = Reader {
        source,
        out: vec![b' '; source.len()],
        spaced: Vec::new(),
        open: Vec::new(),
        open_count: HashMap::new(),
        comments: Vec::new(),
        hidden: 0,
        pre: 0,
        meta_date: None,
        json_ld: None,
        time: None,
        in_json_ld: false,
    };
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Script and style bodies are raw text, as a browser tokenizes them.
    emitter.naively_switch_states(true);
    for token in Tokenizer::new_with_emitter(source, emitter).flatten() {
        reader.token(token);
    }
    let date = reader
        .meta_date
        .map(|(_, d)| d)
        .or(reader.json_ld)
        .or(reader.time);
    let mut read = reader.out.clone();
    for span in reader.spaced {
        read[span].fill(b' ');
    }
    let text = |bytes: Vec<u8>| {
        String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    };
    Page {
        text: text(reader.out),
        read: text(read),
        date,
        comments: reader.comments,
    }
}

/// An element waiting for its end tag.
struct Open {
    name: Vec<u8>,
    /// It hides its content (by its name or its attributes).
    hides: bool,
}

struct Reader<'a> {
    source: &'a str,
    out: Vec<u8>,
    /// Inline tags between words and punctuation: spaces to the later
    /// stages (see [`Page::read`]).
    spaced: Vec<std::ops::Range<usize>>,
    /// Open elements, innermost last.
    open: Vec<Open>,
    /// How many of each are open: an end tag with none open is ignored
    /// without a search.
    open_count: HashMap<Vec<u8>, usize>,
    /// Comments, `<!--` to `-->`.
    comments: Vec<Range<usize>>,
    /// How many open elements hide their content.
    hidden: usize,
    /// How many open `<pre>` keep their line breaks.
    pre: usize,
    /// The best `<meta>` date so far, with its rank in [`DATE_METAS`].
    meta_date: Option<(usize, String)>,
    json_ld: Option<String>,
    time: Option<String>,
    in_json_ld: bool,
}

impl Reader<'_> {
    fn token(&mut self, token: Token<usize>) {
        match token {
            Token::StartTag(tag) => self.start(tag),
            Token::EndTag(tag) => {
                let span = tag.span.start..tag.span.end;
                if self.open_count.get(&*tag.name).is_some_and(|&n| n > 0)
                    && let Some(at) = self.open.iter().rposition(|o| o.name == *tag.name)
                {
                    self.close_from(at);
                }
                self.markup(span, &tag.name);
            }
            Token::String(text) => {
                let span = text.span.start..text.span.end;
                if self.in_json_ld && self.json_ld.is_none() {
                    self.json_ld = date_in_json_ld(&text.value);
                }
                // Words start the body, and end a head left open.
                if !text.value.iter().all(u8::is_ascii_whitespace) && !self.in_raw_text() {
                    self.end_head();
                }
                if self.hidden == 0 {
                    self.text(span);
                }
            }
            Token::Comment(comment) => {
                let span = comment.span.start..comment.span.end;
                self.comments.push(span.clone());
                // A comment is nothing a reader sees, like an inline tag.
                self.markup(span, b"!--");
            }
            // Doctypes and parse errors are not read.
            Token::Doctype(_) | Token::Error(_) => {}
        }
    }

    /// Closes the open element at `at` and those inside it.
    fn close_from(&mut self, at: usize) {
        for element in self.open.split_off(at) {
            self.close(&element);
        }
    }

    /// Is the innermost open element one whose text is raw (a script or
    /// style in the head)?
    fn in_raw_text(&self) -> bool {
        self.open.last().is_some_and(|o| {
            matches!(
                o.name.as_slice(),
                b"script" | b"style" | b"title" | b"noscript" | b"template"
            )
        })
    }

    /// Closes a `<head>` left open.
    fn end_head(&mut self) {
        if self
            .open_count
            .get(b"head".as_slice())
            .is_some_and(|&n| n > 0)
            && let Some(at) = self.open.iter().rposition(|o| o.name == b"head")
        {
            self.close_from(at);
        }
    }

    /// Ends what the start of `name` ends in a browser: an open head, an
    /// open `<p>`, the last `<li>` of its list.
    fn implied_ends(&mut self, name: &[u8]) {
        if !HEAD_CONTENT.contains(&name) {
            self.end_head();
        }
        let (ends, boundaries): (&[&[u8]], &[&[u8]]) = if ENDS_P.contains(&name) {
            (&[b"p"], &[])
        } else if let Some((_, ends, boundaries)) = ENDS_SIBLING.iter().find(|(n, ..)| *n == name) {
            (ends, boundaries)
        } else {
            return;
        };
        let at = self
            .open
            .iter()
            .enumerate()
            .rev()
            .take(MAX_IMPLIED_DEPTH)
            .take_while(|(_, o)| {
                // A `<p>` ends only if nothing but inline elements stand
                // inside it.
                let inline = !BLOCKS.contains(&o.name.as_slice()) || o.name == b"p";
                !boundaries.contains(&o.name.as_slice()) && (!boundaries.is_empty() || inline)
            })
            .find(|(_, o)| ends.contains(&o.name.as_slice()))
            .map(|(i, _)| i);
        if let Some(at) = at {
            self.close_from(at);
        }
    }

    fn start(&mut self, tag: StartTag<usize>) {
        let name: &[u8] = &tag.name;
        let attribute = |key: &str| -> Option<String> {
            tag.attributes
                .get(key.as_bytes())
                .map(|v| String::from_utf8_lossy(&v.value).into_owned())
        };
        match name {
            b"meta" => {
                let key = attribute("property")
                    .or_else(|| attribute("name"))
                    .or_else(|| attribute("itemprop"))
                    .map(|k| k.to_ascii_lowercase());
                let rank = key.and_then(|k| DATE_METAS.iter().position(|m| *m == k.as_bytes()));
                if let (Some(rank), Some(date)) =
                    (rank, attribute("content").as_deref().and_then(day_of))
                    && self.meta_date.as_ref().is_none_or(|(best, _)| rank < *best)
                {
                    self.meta_date = Some((rank, date));
                }
            }
            b"time" if self.time.is_none() && self.hidden == 0 => {
                self.time = attribute("datetime").as_deref().and_then(day_of)
            }
            _ => {}
        }
        self.in_json_ld = name == b"script"
            && attribute("type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"));
        let hides = HIDDEN.contains(&name)
            || attribute("hidden").is_some()
            || attribute("aria-hidden").is_some_and(|v| v == "true")
            || attribute("role").is_some_and(|r| r == "navigation");
        self.implied_ends(name);
        self.markup(tag.span.start..tag.span.end, name);
        // `/>` closes nothing in HTML (`<script src=x />` has a body): only
        // void elements go without an end tag.
        if !VOID.contains(&name) {
            self.hidden += usize::from(hides);
            self.pre += usize::from(name == b"pre");
            *self.open_count.entry(name.to_vec()).or_default() += 1;
            self.open.push(Open {
                name: name.to_vec(),
                hides,
            });
        }
    }

    /// An element ends (its end tag, or its parent's).
    fn close(&mut self, element: &Open) {
        if element.name == b"script" {
            self.in_json_ld = false;
        }
        self.hidden -= usize::from(element.hides);
        self.pre -= usize::from(element.name == b"pre");
        if let Some(n) = self.open_count.get_mut(&element.name) {
            *n -= 1;
        }
    }

    /// A tag: a paragraph break, a line break, or nothing a reader sees.
    fn markup(&mut self, span: std::ops::Range<usize>, name: &[u8]) {
        let glued = self.glued(span.start, span.end);
        let (span_start, span_end) = (span.start, span.end);
        let source = &self.source.as_bytes()[span.clone()];
        let out = &mut self.out[span];
        if name == b"br" {
            out[0] = b'\n';
        } else if BLOCKS.contains(&name) {
            out[..2].copy_from_slice(b"\n\n");
        } else {
            // Nothing a reader sees. Each line of the tag apart: a line of
            // the source must start at a character of the prose.
            if !glued {
                self.spaced.push(span_start..span_end);
            }
            let mut from = 0;
            for (i, b) in source.iter().enumerate() {
                if matches!(b, b'\n' | b'\r') {
                    invisible(&mut out[from..i]);
                    out[i] = b' ';
                    from = i + 1;
                }
            }
            invisible(&mut out[from..]);
        }
    }

    /// Does the tag at `start..end` stand inside a word, or between a mark
    /// and its word: word characters, apostrophes, marks (or a reference,
    /// mostly one of those) on both sides?
    fn glued(&self, start: usize, end: usize) -> bool {
        let sticks = |c: char| is_word_char(c) || is_apostrophe(c) || is_mark(c);
        // Before it: what the reader sees so far; after it: the source.
        let before = last_visible(&self.out[..start]);
        let after = next_visible(&self.source[end..]);
        before.is_some_and(sticks) && after.is_some_and(|c| c == '&' || sticks(c))
    }

    /// Text a reader sees: copied, its references decoded in place.
    fn text(&mut self, span: std::ops::Range<usize>) {
        let source = &self.source.as_bytes()[span.clone()];
        let out = &mut self.out[span.clone()];
        out.copy_from_slice(source);
        if self.pre == 0 {
            for b in out
                .iter_mut()
                .filter(|b| matches!(b, b'\n' | b'\r' | b'\t'))
            {
                *b = b' ';
            }
        }
        let mut at = 0;
        while let Some(amp) = memchr::memchr(b'&', &source[at..]) {
            let start = at + amp;
            at = start
                + 1
                + decode(
                    &self.source[span.start + start..span.end],
                    &mut out[start..],
                );
        }
    }
}

/// The first character of `rest` past the tags and comments that start it
/// (`<b><i>real` → `r`), looked for across a few of them.
fn next_visible(rest: &str) -> Option<char> {
    let mut rest = rest;
    for _ in 0..16 {
        let tag = rest.starts_with('<')
            && rest[1..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
        if !tag {
            return rest.chars().next();
        }
        let close = if rest.starts_with("<!--") { "-->" } else { ">" };
        rest = &rest[rest.find(close)? + close.len()..];
    }
    None
}

/// The last character of `out` that is not fill, looked for across a few
/// tags' worth of fill (`out` is whole characters).
fn last_visible(out: &[u8]) -> Option<char> {
    let mut end = out.len();
    for _ in 0..64 {
        let start = (end.saturating_sub(4)..end)
            .rev()
            .find(|&i| (out[i] as i8) >= -0x40)?;
        let c = std::str::from_utf8(&out[start..end]).ok()?.chars().next()?;
        if !is_ignorable(c) {
            return Some(c);
        }
        end = start;
    }
    None
}

/// Decodes the character reference at the start of `rest` (which starts with
/// `&`) into `out`, padded to its length; returns the bytes it took past the
/// `&`. The page's own tokenizer decodes it, so every reference HTML knows
/// reads as a browser reads it, legacy ones without `;` included.
fn decode(rest: &str, out: &mut [u8]) -> usize {
    let end = rest[1..]
        .find(|c: char| c == ';' || c == '&' || c == '<' || c.is_whitespace())
        .map_or(rest.len(), |i| {
            1 + i + usize::from(rest.as_bytes()[1 + i] == b';')
        });
    let reference = &rest[..rest.floor_char_boundary(end.min(MAX_REFERENCE_BYTES))];
    let decoded: Vec<u8> = Tokenizer::new(reference)
        .flatten()
        .filter_map(|t| match t {
            Token::String(s) => Some(s.value.0),
            _ => None,
        })
        .flatten()
        .collect();
    // What follows a legacy reference (`&notit;` is `¬it;`) is the same on
    // both sides; the reference is what differs.
    let same = reference
        .bytes()
        .rev()
        .zip(decoded.iter().rev())
        .take_while(|(a, b)| a == *b)
        .count()
        .min(reference.len() - 1)
        // `&semi;` is `;`: the value itself is never all suffix.
        .min(decoded.len().saturating_sub(1));
    let (taken, value) = (reference.len() - same, &decoded[..decoded.len() - same]);
    if value.is_empty() || value.len() > taken || taken - value.len() == 1 {
        // Not a reference, or one that cannot be padded to its length (one
        // byte left over): left as printed.
        return 0;
    }
    out[..value.len()].copy_from_slice(value);
    let whitespace = std::str::from_utf8(value).is_ok_and(|v| v.chars().all(char::is_whitespace));
    if whitespace {
        // `&nbsp;` pads with spaces, so that names around it stay one name.
        out[value.len()..taken].fill(b' ');
    } else {
        invisible(&mut out[value.len()..taken]);
    }
    taken - 1
}

/// Fills `out` with characters no reader sees: soft hyphens (two bytes) and
/// zero-width spaces (three); a single byte is a space.
fn invisible(out: &mut [u8]) {
    const SOFT_HYPHEN: &[u8] = "\u{AD}".as_bytes();
    const ZERO_WIDTH: &[u8] = "\u{200B}".as_bytes();
    debug_assert!(is_ignorable('\u{AD}') && is_ignorable('\u{200B}'));
    let mut rest = out;
    if rest.is_empty() {
        return;
    }
    if rest.len() == 1 {
        rest[0] = b' ';
        return;
    }
    while !rest.is_empty() {
        let piece = if rest.len().is_multiple_of(3) {
            ZERO_WIDTH
        } else {
            SOFT_HYPHEN
        };
        rest[..piece.len()].copy_from_slice(piece);
        rest = &mut rest[piece.len()..];
    }
}

/// `datePublished` in a JSON-LD block, at any depth.
fn date_in_json_ld(json: &[u8]) -> Option<String> {
    fn find(value: &serde_json::Value) -> Option<String> {
        match value {
            serde_json::Value::Object(map) => map
                .get("datePublished")
                .and_then(|d| d.as_str())
                .and_then(day_of)
                .or_else(|| map.values().find_map(find)),
            serde_json::Value::Array(items) => items.iter().find_map(find),
            _ => None,
        }
    }
    find(&serde_json::from_slice(json).ok()?)
}

#[cfg(test)]
mod tests {
    use super::read;

    /// The page's text with the zero-width fill taken out and runs of
    /// spaces squeezed, for reading in assertions.
    fn seen(source: &str) -> String {
        let page = read(source);
        assert_eq!(page.text.len(), source.len(), "offsets are kept");
        let visible: String = page
            .text
            .chars()
            .filter(|&c| !super::is_ignorable(c))
            .collect();
        let mut out = String::new();
        for c in visible.chars() {
            if c == ' ' && (out.ends_with(' ') || out.ends_with('\n') || out.is_empty()) {
                continue;
            }
            if c == '\n' && out.ends_with(' ') {
                out.pop();
            }
            if c == '\n' && out.ends_with("\n\n") {
                continue;
            }
            out.push(c);
        }
        out.trim().to_string()
    }

    #[test]
    fn markup_reads_as_a_reader_sees_it() {
        let page = "<!doctype html><html><head><title>Site</title>\
            <style>p { quotes: '\"' }</style></head>\n<body>\
            <nav><a href=/>Home</a> “Menu item text here”</nav>\
            <h1>Talks end</h1>\n<p>“We are <em>not</em>\nready,” Mr.&nbsp;Ryabkov said.</p>\
            <script>var s = \"not a quotation at all\";</script>\
            <p>Line one<br>line two &amp; un<b>real</b>.</p></body></html>";
        assert_eq!(
            seen(page),
            "Talks end\n\n“We are not ready,” Mr.\u{a0} Ryabkov said.\n\nLine one\nline two & unreal."
        );
    }

    #[test]
    fn references_are_decoded_in_place() {
        assert_eq!(
            seen("<p>&ldquo;It&#8217;s &#x201C;fine&#x201D;,&rdquo; she said &notit; &amp</p>"),
            "“It’s “fine”,” she said ¬it; &"
        );
        assert_eq!(seen("<p>a&semi; b&#59; &#x31</p>"), "a; b; 1");
        // A bare ampersand and an unknown name are text.
        assert_eq!(seen("<p>AT&T &bogus; a & b</p>"), "AT&T &bogus; a & b");
    }

    #[test]
    fn every_byte_keeps_its_offset() {
        let source = "<p>Ryabkov:\n<q>We</q> &mdash; “said”</p>";
        let page = read(source);
        let at = source.find("We").unwrap();
        assert_eq!(&page.text[at..at + 2], "We");
        let said = source.find("said").unwrap();
        assert_eq!(&page.text[said..said + 4], "said");
    }

    #[test]
    fn unclosed_hidden_elements_hide_what_follows_until_their_parent_ends() {
        assert_eq!(
            seen("<div><aside>Related: “Other story headline”</div><p>Kept.</p>"),
            "Kept."
        );
        assert_eq!(
            seen(
                "<p hidden>Gone</p><p aria-hidden=true>Gone</p><div role=navigation>Gone</div><p>Kept</p>"
            ),
            "Kept"
        );
    }

    #[test]
    fn every_source_line_starts_at_a_character_of_the_prose() {
        let source = "<p>a<a\nhref=x\r\ntitle=y\n>b</a>&amp;\n&rdquo;</p>";
        let page = read(source);
        for (i, _) in source.match_indices('\n') {
            assert!(page.text.is_char_boundary(i + 1));
        }
    }

    #[test]
    fn elements_end_where_a_browser_ends_them() {
        // `</head>` left out: the body's words end the head.
        assert_eq!(
            seen("<html><head><title>T</title><body><p>“Kept,” she said."),
            "“Kept,” she said."
        );
        assert_eq!(seen("<head><meta charset=utf-8>Kept"), "Kept");
        // A new paragraph or item ends the hidden one before it.
        assert_eq!(seen("<p hidden>Gone<p>Kept"), "Kept");
        assert_eq!(seen("<ul><li aria-hidden=true>Gone<li>Kept</ul>"), "Kept");
        assert_eq!(seen("<p hidden><span>Gone<div>Kept</div>"), "Kept");
        // `/>` ends nothing but void elements: a script has its body.
        assert_eq!(
            seen("<script src=x />var q = \"Gone\";</script><p>Kept"),
            "Kept"
        );
        // A form may hold the whole page; its controls are not text.
        assert_eq!(
            seen("<form id=aspnetForm><p>Kept</p><button>Gone</button></form>"),
            "Kept"
        );
    }

    #[test]
    fn tags_in_a_row_inside_a_word_are_nothing() {
        assert_eq!(
            seen("<p>un<b><i>real</i></b> and &ldquo;<span class=d><b>W</b></span>e are"),
            "unreal and “We are"
        );
        assert_eq!(seen("<p>un<!-- c -->real</p>"), "unreal");
    }

    #[test]
    fn pre_keeps_its_line_breaks() {
        assert_eq!(seen("<pre>a\nb</pre><p>c\nd</p>"), "a\nb\n\nc d");
    }

    #[test]
    fn dates_come_from_metadata() {
        let date = |s: &str| read(s).date;
        assert_eq!(
            date(
                "<meta name=date content=2022-01-09><meta property=\"article:published_time\" content=\"2022-01-10T08:00:00Z\">"
            ),
            Some("2022-01-10".into())
        );
        assert_eq!(
            date(
                "<script type=\"application/ld+json\">{\"@graph\":[{\"datePublished\":\"2022-01-11T10:00\"}]}</script>"
            ),
            Some("2022-01-11".into())
        );
        assert_eq!(
            date("<p>Posted <time datetime=\"2022-01-12\">Wednesday</time></p>"),
            Some("2022-01-12".into())
        );
        assert_eq!(date("<meta name=date content=yesterday><p>x</p>"), None);
        // Not from a related story's box.
        assert_eq!(
            date(
                "<nav><time datetime=2019-05-05>old</time></nav><time datetime=2022-01-18>x</time>"
            ),
            Some("2022-01-18".into())
        );
    }
}
