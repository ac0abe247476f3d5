//! Entry points for fuzzing: each takes arbitrary bytes, runs one stage on
//! them and checks the stage's invariants, panicking when one breaks. The
//! `cargo fuzz` targets in `fuzz/` call them under libFuzzer (nightly Rust);
//! `tests/fuzz_replay.rs` calls them on stable Rust with the saved corpus and
//! every input that once failed, so a crash found once stays fixed.
#![allow(clippy::missing_panics_doc)]

use std::path::Path;

use crate::catalog::Catalog;
use crate::check::Checker;
use crate::corpus::Article;
use crate::matcher::{self, Index, Search};
use crate::quotations::Quoted;
use crate::text::fold::fold_word;
use crate::text::{LineIndex, tokenize};

/// Bytes as text, the way articles arrive after decoding.
fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// The quotation-mark parser: quotations are ordered, inside the text, and
/// their parts fall on character boundaries.
pub fn quotation_marks(data: &[u8]) {
    let text = text(data);
    let tokens = tokenize(&text, true);
    let quoted = Quoted::new(&text, &tokens);
    let mut previous = 0;
    for q in &quoted.marks {
        assert!(q.open >= previous, "quotations out of order");
        previous = q.open;
        let outer = q.outer();
        assert!(outer.start <= outer.end && outer.end <= text.len());
        assert!(outer.start <= q.content.start && q.content.end <= outer.end);
        for at in [outer.start, outer.end, q.content.start, q.content.end] {
            assert!(text.is_char_boundary(at), "offset {at} inside a character");
        }
    }
    assert_eq!(quoted.words.len(), quoted.marks.len());
    for chain in &quoted.chains {
        assert!(chain.start < chain.end && chain.end <= quoted.marks.len());
    }
}

/// Typography folding and its offset map: every word's span holds the
/// printed word it was folded from, folding twice changes nothing, and every
/// span turns into a line and column that point back at it.
pub fn folding(data: &[u8]) {
    let text = text(data);
    let tokens = tokenize(&text, false);
    let lines = LineIndex::new(&text);
    let mut previous = 0;
    for t in &tokens {
        assert!(t.span.start >= previous && t.span.end <= text.len());
        previous = t.span.end;
        if t.is_word() {
            assert_eq!(fold_word(&text[t.span.clone()]), t.key);
            assert_eq!(fold_word(&t.key), t.key, "folding is not idempotent");
        }
        let at = lines.position(&text, t.span.start);
        let line = &text[lines.line_span(&text, at.line)];
        let from_line: usize = line.chars().take(at.column - 1).map(char::len_utf8).sum();
        let start = lines.line_span(&text, at.line).start + from_line;
        assert_eq!(start, t.span.start, "line and column do not point back");
    }
}

/// The list loader: any bytes give a list or a list of problems, never a
/// panic; a list that loads has what the rest of the run relies on.
pub fn quote_list(data: &[u8]) {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(catalog) = Catalog::parse(Path::new("quotes.yaml"), source) {
        assert!(!catalog.quotes.is_empty());
        for q in &catalog.quotes {
            assert!(q.speaker < catalog.speakers.len());
            assert!(!q.words.is_empty());
        }
    }
}

/// The matcher, drift and attribution over one article: the first line of
/// the input is a statement, the rest an article. Findings lie inside the
/// article, in order, at positions that point back at their words; and the
/// indexed search finds what the exhaustive one finds.
pub fn matcher(data: &[u8]) {
    let text = text(data);
    let (statement, article) = text.split_once('\n').unwrap_or((&text, ""));
    let statement = statement.replace(['"', '\\', '\r'], " ");
    if statement.trim().is_empty() {
        return;
    }
    let list = format!(
        "speakers:\n  - id: s\n    name: Jen Psaki\nquotes:\n  - id: q\n    speaker: s\n    text: \"{statement}\"\n"
    );
    let Ok(catalog) = Catalog::parse(Path::new("quotes.yaml"), &list) else {
        return;
    };
    // As Markdown: links and comments are read too.
    let article = Article::markdown("a.md", article.to_string());
    let checked = Checker::new(&catalog).article(&article);
    let lines = LineIndex::new(&article.text);
    for f in &checked.findings {
        assert!(f.span.start < f.span.end && f.span.end <= article.text.len());
        assert_eq!(f.text, article.text[f.span.clone()]);
        let at = lines.position(&article.text, f.span.start);
        assert_eq!((at.line, at.column), (f.line, f.column));
        assert!((0.0..=1.0).contains(&f.similarity));
    }
    for u in &checked.unverified {
        assert!(u.line >= 1 && u.column >= 1);
    }
    // The index never changes what is found: the same search over every
    // statement finds the same appearances.
    let index = Index::new(&catalog);
    let tokens = tokenize(&article.text, true);
    let quoted = Quoted::new(&article.text, &tokens);
    let find = |search| matcher::find_by(&catalog, &index, &article.text, &tokens, &quoted, search);
    assert_eq!(find(Search::Indexed), find(Search::Exhaustive));
}
