//! Invariants that must hold for any text, checked on generated input.

use std::path::Path;

use proptest::prelude::*;
use quotecheck::catalog::Catalog;
use quotecheck::check::Checker;
use quotecheck::corpus::Article;
use quotecheck::drift::Kind;
use quotecheck::text::fold::fold_word;
use quotecheck::text::words::tokenize_decoding;
use quotecheck::text::{LineIndex, squeeze, squeeze_chars, tokenize};

const WORDS: &[&str] = &[
    "Russia",
    "Ukraine",
    "security",
    "guarantees",
    "talks",
    "Geneva",
    "diplomatic",
    "path",
    "we",
    "are",
    "ready",
    "to",
    "the",
    "of",
    "and",
    "NATO",
    "response",
    "written",
    "proposals",
    "will",
    "not",
    "concerns",
    "allies",
    "partners",
    "troops",
    "border",
    "de-escalation",
    "we’re",
    "it’s",
    "Kyiv",
];

/// Pieces of text where the tokenizer's ASCII shortcuts and its general
/// rules meet: joiners between digits and letters, apostrophes, ellipses,
/// brackets, links and addresses, non-ASCII letters, invisible and combining
/// characters beside ASCII ones.
const PIECES: &[&str] = &[
    "We",
    "are",
    "READY",
    "3",
    ".",
    "5",
    ",",
    "000",
    "'",
    "`",
    "’",
    " ",
    "  ",
    "\n",
    "-",
    "...",
    ". . .",
    "…",
    "(...)",
    "(…)",
    "[",
    "]",
    "[...]",
    "](",
    ")",
    "(",
    "http://x.y/a-b",
    "www.",
    "HTTPS://",
    "wh",
    "é",
    "e\u{0301}",
    "\u{00AD}",
    "\u{200B}",
    "Ж",
    "а",
    "\"",
    "“",
    "”",
    "«",
    ",",
    ":",
    "/",
    "_",
    "ﬁ",
    "Ｗ",
];

fn catalog_of(statement: &str) -> Catalog {
    let yaml = format!(
        "speakers:\n  - id: s\n    name: S\nquotes:\n  - id: q\n    speaker: s\n    text: {}\n",
        serde_json::to_string(statement).unwrap()
    );
    Catalog::parse(Path::new("quotes.yaml"), &yaml).unwrap()
}

fn statement() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 4..30).prop_map(|w| {
        let mut s = w.join(" ");
        s.push('.');
        s
    })
}

/// Lines before the quotation: multibyte text and any line ending.
fn preamble() -> impl Strategy<Value = Vec<(String, &'static str)>> {
    let line = prop::sample::select(
        &[
            "",
            "Москва, 20 января.",
            "“Blinken’s” visit —",
            "café",
            "plain",
            "日本語のテキスト",
        ][..],
    );
    let ending = prop::sample::select(&["\n", "\r\n", "\r"][..]);
    prop::collection::vec((line.prop_map(String::from), ending), 0..6)
}

proptest! {
    #[test]
    fn folding_twice_changes_nothing(s in "\\PC{0,40}") {
        let once = fold_word(&s);
        prop_assert_eq!(fold_word(&once), once);
    }

    #[test]
    fn token_spans_map_back_into_the_original(s in "\\PC{0,80}") {
        for token in tokenize(&s, false) {
            prop_assert!(s.is_char_boundary(token.span.start) && s.is_char_boundary(token.span.end));
            if token.is_word() {
                prop_assert_eq!(fold_word(&s[token.span.clone()]), token.key);
            }
        }
    }

    #[test]
    fn the_ascii_shortcuts_tokenize_as_decoding_does(
        pieces in prop::collection::vec(prop::sample::select(PIECES), 0..40),
        dense in "[a3Z.,'`’ …\\[\\]()é\u{00AD}]{0,40}",
        noise in "[ -~é’…\u{00AD}\u{200B}\u{0301}Жа]{0,30}",
        markdown in any::<bool>(),
    ) {
        let text = pieces.concat() + &dense + &noise;
        prop_assert_eq!(tokenize(&text, markdown), tokenize_decoding(&text, markdown));
    }

    #[test]
    fn squeezing_plain_text_keeps_it_as_squeezing_each_character_does(
        plain in "[ a-c\\-]{0,20}",
        any in "[ -~\t\n\r\u{00A0}\u{200B}é]{0,40}",
    ) {
        prop_assert_eq!(squeeze(&plain), squeeze_chars(&plain));
        prop_assert_eq!(squeeze(&any), squeeze_chars(&any));
    }

    #[test]
    fn a_verbatim_copy_is_exact_with_similarity_one(statement in statement(), lead in preamble()) {
        let catalog = catalog_of(&statement);
        let checker = Checker::new(&catalog);
        let mut article: String = lead.iter().map(|(l, e)| format!("{l}{e}")).collect();
        article.push_str("She said: “");
        article.push_str(&statement);
        article.push_str("” Then she left.");
        let found = checker.article(&Article::new("a.txt", article.as_str())).findings;
        prop_assert_eq!(found.len(), 1, "{:?}", found);
        prop_assert_eq!(found[0].kind, Kind::Exact);
        prop_assert_eq!(found[0].similarity, 1.0);
    }

    #[test]
    fn positions_point_at_the_quoted_words(statement in statement(), lead in preamble(), indent in "[ a-zé]{0,12}") {
        let catalog = catalog_of(&statement);
        let checker = Checker::new(&catalog);
        let mut article: String = lead.iter().map(|(l, e)| format!("{l}{e}")).collect();
        article.push_str(&indent);
        article.push('"');
        article.push_str(&statement);
        article.push('"');
        let found = checker.article(&Article::new("a.txt", article.as_str())).findings;
        prop_assert_eq!(found.len(), 1);
        // Expected position, counted independently of LineIndex: one line per
        // line ending of the preamble (a CR and an LF that meet are one
        // CRLF), columns in characters.
        let preamble: String = lead.iter().map(|(l, e)| format!("{l}{e}")).collect();
        let expected_line = preamble.replace("\r\n", "\n").matches(['\n', '\r']).count() + 1;
        let expected_column = indent.chars().count() + 2;
        prop_assert_eq!((found[0].line, found[0].column), (expected_line, expected_column));
        let lines = LineIndex::new(&article);
        let at = lines.position(&article, found[0].span.start);
        prop_assert_eq!((at.line, at.column), (expected_line, expected_column));
        prop_assert_eq!(&article[found[0].span.clone()], found[0].text.as_str());
        prop_assert!(statement.starts_with(&found[0].text));
    }
}
