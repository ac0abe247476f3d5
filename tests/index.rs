//! The index narrows each quotation to the statements it could show; it must
//! never change a result. On generated articles full of near-misses (shared
//! common words, stopword runs, negations added and dropped, edits, split
//! quotations, statements of stopwords only), the indexed search and the
//! exhaustive one (every statement aligned with every quotation) must find
//! exactly the same appearances.

use std::path::Path;

use proptest::prelude::*;
use quotecheck::catalog::Catalog;
use quotecheck::matcher::{self, Index, Match, Search, Thresholds};
use quotecheck::quotations::Quoted;
use quotecheck::text::tokenize;

/// A small vocabulary, so that statements and quotations share words all
/// the time: stopwords, negations, and a few distinctive words.
const WORDS: &[&str] = &[
    "we", "will", "the", "of", "and", "to", "it", "is", "not", "never", "no", "don't", "Russia",
    "talks", "security", "ready", "NATO", "troops", "border", "dialogue", "path", "progress",
    "concerns", "Geneva", "allies", "response",
];

/// Statements, some of stopwords only or with a single distinctive word.
fn statements() -> impl Strategy<Value = Vec<Vec<&'static str>>> {
    let stopwords = prop::sample::select(&["we", "will", "the", "of", "and", "to", "it", "is"][..]);
    let plain = prop::collection::vec(prop::sample::select(WORDS), 3..14);
    let only_stop = prop::collection::vec(stopwords.clone(), 2..5);
    let one_word = (
        prop::collection::vec(stopwords, 3..6),
        prop::sample::select(WORDS),
    )
        .prop_map(|(mut w, extra)| {
            w.insert(1, extra);
            w
        });
    let statement = prop_oneof![6 => plain, 1 => only_stop, 1 => one_word];
    prop::collection::vec(statement, 1..7)
}

/// How a quotation is made from a statement.
#[derive(Debug, Clone)]
enum Make {
    Exact,
    Slice(usize, usize),
    Substitute(usize, &'static str),
    Insert(usize, &'static str),
    Drop(usize),
    Ellipsis(usize, usize),
    Bracket(usize),
    Split(usize),
    Random(Vec<&'static str>),
}

fn make() -> impl Strategy<Value = Make> {
    let i = 0usize..16;
    let word = prop::sample::select(WORDS);
    prop_oneof![
        Just(Make::Exact),
        (i.clone(), i.clone()).prop_map(|(a, b)| Make::Slice(a, b)),
        (i.clone(), word.clone()).prop_map(|(a, w)| Make::Substitute(a, w)),
        (
            i.clone(),
            prop::sample::select(&["not", "never", "no", "the"][..])
        )
            .prop_map(|(a, w)| Make::Insert(a, w)),
        i.clone().prop_map(Make::Drop),
        (i.clone(), i.clone()).prop_map(|(a, b)| Make::Ellipsis(a, b)),
        i.clone().prop_map(Make::Bracket),
        i.prop_map(Make::Split),
        prop::collection::vec(word, 1..12).prop_map(Make::Random),
    ]
}

fn quotation(statement: &[&'static str], how: &Make) -> String {
    let mut words: Vec<String> = statement.iter().map(|w| w.to_string()).collect();
    let n = words.len();
    match how {
        Make::Exact => {}
        Make::Slice(a, b) => {
            let (a, b) = (a % n, b % n);
            words = words[a.min(b)..=a.max(b)].to_vec();
        }
        Make::Substitute(a, w) => words[a % n] = w.to_string(),
        Make::Insert(a, w) => words.insert(a % (n + 1), w.to_string()),
        Make::Drop(a) => {
            words.remove(a % n);
        }
        Make::Ellipsis(a, b) => {
            let (a, b) = (a % n, b % n);
            words.splice(a.min(b)..a.max(b), ["...".to_string()]);
        }
        Make::Bracket(a) => words[a % n] = format!("[{}]", words[a % n]),
        Make::Split(a) => {
            let a = a % n;
            if a > 0 {
                words[a - 1].push_str(",\" she said, \"");
            }
        }
        Make::Random(w) => words = w.iter().map(|w| w.to_string()).collect(),
    }
    format!("\"{}\"", words.join(" "))
}

/// An article of `filler` words, each quotation after it, followed by the
/// filler again.
fn article(filler: &[&str], quotations: impl Iterator<Item = String>) -> String {
    let mut article = filler.join(" ");
    for quotation in quotations {
        article.push_str(&format!(" She said: {quotation}. "));
        article.push_str(&filler.join(" "));
    }
    article
}

fn catalog_of(statements: &[Vec<&str>]) -> Catalog {
    let mut yaml = String::from("speakers:\n  - id: s\n    name: S\nquotes:\n");
    for (i, s) in statements.iter().enumerate() {
        let text = serde_json::to_string(&s.join(" ")).unwrap();
        yaml.push_str(&format!("  - id: q{i}\n    speaker: s\n    text: {text}\n"));
    }
    Catalog::parse(Path::new("quotes.yaml"), &yaml).unwrap()
}

fn both(catalog: &Catalog, article: &str) -> (Vec<Match>, Vec<Match>) {
    both_by(catalog, article, Thresholds::default())
}

fn both_by(catalog: &Catalog, article: &str, limits: Thresholds) -> (Vec<Match>, Vec<Match>) {
    let index = Index::with_thresholds(catalog, limits);
    let tokens = tokenize(article, false);
    let quoted = Quoted::new(article, &tokens);
    (
        matcher::find(catalog, &index, article, &tokens, &quoted),
        matcher::find_by(
            catalog,
            &index,
            article,
            &tokens,
            &quoted,
            Search::Exhaustive,
        ),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn the_index_finds_what_an_exhaustive_search_finds(
        statements in statements(),
        quotes in prop::collection::vec((0usize..8, make()), 1..6),
        filler in prop::collection::vec(prop::sample::select(WORDS), 0..30),
    ) {
        let catalog = catalog_of(&statements);
        let article = article(&filler, quotes.iter().map(|(k, how)| {
            quotation(&statements[k % statements.len()], how)
        }));
        let (indexed, exhaustive) = both(&catalog, &article);
        prop_assert_eq!(indexed, exhaustive, "{}", article);
    }
}

/// A quotation drifted from a statement: per word, by `edits` in turn
/// (repeated), kept, changed, dropped, or kept with a word added after it.
fn drifted(statement: &[&'static str], edits: &[(u8, &'static str)]) -> String {
    let mut words = Vec::new();
    for (k, &word) in statement.iter().enumerate() {
        let (how, other) = edits[k % edits.len()];
        match how {
            0 => words.push(other),
            1 => {}
            2 => words.extend([word, other]),
            _ => words.push(word),
        }
    }
    format!("\"{}\"", words.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Drifted quotations near the drift thresholds, and the thresholds
    /// themselves varied (the content counts too, which decide how many
    /// distinct words the index and the two-hit rule ask for): the
    /// pre-filter that skips alignments which could not pass them (agreeing
    /// words too few or too spread out for the Dice share) must not change
    /// a result either.
    #[test]
    fn the_index_finds_drifted_quotations_as_an_exhaustive_search_does(
        statements in statements(),
        quotes in prop::collection::vec(
            (0usize..8, prop::collection::vec((0u8..6, prop::sample::select(WORDS)), 1..6)),
            1..5,
        ),
        filler in prop::collection::vec(prop::sample::select(WORDS), 0..20),
        dice in prop::sample::select(&[0.0, 0.25, 0.4, 0.5, 0.6, 2.0 / 3.0, 0.8, 1.0][..]),
        matched in 1usize..7,
        content in 1usize..5,
        quoted_content in 1usize..5,
    ) {
        let catalog = catalog_of(&statements);
        let article = article(&filler, quotes.iter().map(|(k, edits)| {
            drifted(&statements[k % statements.len()], edits)
        }));
        let limits = Thresholds {
            drift_min_dice: dice,
            drift_min_matched: matched,
            drift_min_content: content,
            min_quoted_content: quoted_content,
            ..Thresholds::default()
        };
        prop_assert_eq!(limits.validate(), Ok(()));
        let (indexed, exhaustive) = both_by(&catalog, &article, limits);
        prop_assert_eq!(indexed, exhaustive, "{}", article);
    }
}

/// Five stopwords in a row are not a quotation of a statement that has
/// other words, even inside a longer quotation: appearances share two
/// distinctive words with their statement (what lets the index skip the
/// rest). A statement of stopwords only is still found whole.
#[test]
fn stopword_runs_are_not_appearances() {
    let catalog = catalog_of(&[
        vec!["and", "we", "will", "do", "it", "for", "Ukraine"],
        vec!["we", "will"],
    ]);
    let article = "She said: \"Then and we will do it for them, because talks matter.\" \
                   Asked again: \"We will.\"";
    let (indexed, exhaustive) = both(&catalog, article);
    assert_eq!(indexed, exhaustive);
    let quotes: Vec<usize> = indexed.iter().map(|m| m.quote).collect();
    assert_eq!(quotes, vec![1], "{indexed:?}");
}
