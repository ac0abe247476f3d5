//! Accepted variants of a statement (`variants:` in quotes.yaml): an article
//! that prints one is quoting the statement, faithfully, and says so; drift
//! from a variant is still drift; and a statement whose wordings share words
//! is reported once per appearance, not once per wording.

mod support;

use std::path::Path;

use quotecheck::catalog::Catalog;
use quotecheck::drift::{self, Edit, Kind, Op};
use quotecheck::matcher::{self, Index};
use quotecheck::quotations::Quoted;
use quotecheck::text::tokenize;
use support::Test;

/// One appearance as the library reports it: read against which wording,
/// how faithfully.
#[derive(Debug)]
struct Seen {
    variant: Option<usize>,
    kind: Kind,
    quoted: bool,
    text: String,
    assessment: drift::Assessment,
}

/// Runs the matcher and the drift stage over `article` with statements given
/// as (id, text, variants), all by one speaker.
fn seen(statements: &[(&str, &str, &[&str])], article: &str) -> Vec<Seen> {
    let mut yaml = String::from("speakers:\n  - id: s\n    name: Speaker\nquotes:\n");
    let json = |s: &str| serde_json::to_string(s).unwrap();
    for (id, text, variants) in statements {
        yaml.push_str(&format!(
            "  - id: {id}\n    speaker: s\n    text: {}\n",
            json(text)
        ));
        if !variants.is_empty() {
            yaml.push_str("    variants:\n");
            for v in *variants {
                yaml.push_str(&format!("      - {}\n", json(v)));
            }
        }
    }
    let catalog = Catalog::parse(Path::new("quotes.yaml"), &yaml).unwrap();
    let index = Index::new(&catalog);
    let tokens = tokenize(article, false);
    let quoted = Quoted::new(article, &tokens);
    matcher::find(&catalog, &index, article, &tokens, &quoted)
        .into_iter()
        .map(|m| {
            let quote = &catalog.quotes[m.quote];
            let assessment = drift::assess(&m, article, &tokens, quote);
            Seen {
                variant: m.variant,
                kind: assessment.kind,
                quoted: m.quoted,
                text: article[m.span.clone()].to_string(),
                assessment,
            }
        })
        .collect()
}

const NO_ATTACK: &str = "We have no intention of attacking anyone.";
const TRANSLATION: &str = "We do not intend to attack anybody.";

#[track_caller]
fn one(text: &str, variants: &[&str], article: &str) -> Seen {
    let mut found = seen(&[("q", text, variants)], article);
    assert_eq!(found.len(), 1, "one appearance in {article:?}: {found:#?}");
    found.remove(0)
}

#[test]
fn a_printed_variant_is_exact_and_names_the_variant() {
    let f = one(
        NO_ATTACK,
        &["Nobody will be attacked.", TRANSLATION],
        "Lavrov said: “We do not intend to attack anybody.”",
    );
    assert_eq!(f.kind, Kind::Exact);
    assert_eq!(f.variant, Some(1));
    assert_eq!(f.text, "We do not intend to attack anybody");
    assert_eq!(f.assessment.similarity, 1.0);
    // The text of record itself is still read against the text.
    let f = one(
        NO_ATTACK,
        &[TRANSLATION],
        "Lavrov said: “We have no intention of attacking anyone.”",
    );
    assert_eq!((f.kind, f.variant), (Kind::Exact, None));
}

#[test]
fn a_part_of_a_variant_is_partial_with_its_edits() {
    for (article, edits) in [
        ("He said Moscow did “not intend to attack anybody”.", vec![]),
        (
            "“We do not intend ... anybody,” he said.",
            vec![Edit::Ellipsis],
        ),
        (
            "“[Russia does] not intend to attack anybody,” he said.",
            vec![Edit::Brackets],
        ),
        ("“We do not,” he said, “intend to attack anybody.”", vec![]),
    ] {
        let f = one(NO_ATTACK, &[TRANSLATION], article);
        assert_eq!(f.variant, Some(0), "{article}");
        assert_ne!(f.kind, Kind::Drift, "{article}: {:#?}", f.assessment);
        assert_eq!(f.assessment.edits, edits, "{article}");
    }
    let f = one(
        NO_ATTACK,
        &[TRANSLATION],
        "He said Moscow did “not intend to attack anybody”.",
    );
    assert_eq!(f.kind, Kind::Partial);
}

#[test]
fn a_changed_variant_is_drift_against_the_variant() {
    let f = one(
        NO_ATTACK,
        &[TRANSLATION],
        "“We do not intend to attack anyone,” Lavrov said.",
    );
    assert_eq!(f.kind, Kind::Drift);
    assert_eq!(f.variant, Some(0));
    assert_eq!(f.assessment.changes.substituted, 1);
    let changed: Vec<(Op, &str)> = f
        .assessment
        .diff
        .iter()
        .filter(|p| p.op != Op::Equal)
        .map(|p| (p.op, p.text.as_str()))
        .collect();
    assert_eq!(changed, [(Op::Delete, "anybody."), (Op::Insert, "anyone,")]);
}

#[test]
fn a_negation_dropped_from_a_variant_is_drift() {
    let f = one(
        NO_ATTACK,
        &[TRANSLATION],
        "“We do intend to attack anybody,” Lavrov said.",
    );
    assert_eq!((f.kind, f.variant), (Kind::Drift, Some(0)));
    assert!(f.assessment.changes.negation);
    // Behind an ellipsis too.
    let f = one(
        NO_ATTACK,
        &[TRANSLATION],
        "“We do ... intend to attack anybody,” Lavrov said.",
    );
    assert_eq!((f.kind, f.variant), (Kind::Drift, Some(0)));
    assert!(f.assessment.changes.negation);
}

// A house-style variant shares most words with the text, so both wordings
// align with the same printed words.
const READY: &str = "We're ready to talk, but we won't wait forever.";
const READY_STYLED: &str = "We are ready to talk, but we will not wait forever.";

#[test]
fn wordings_over_the_same_words_are_one_appearance() {
    let cases = [
        (
            "“We are ready to talk, but we will not wait forever.”",
            Kind::Exact,
            Some(0),
        ),
        (
            "“We're ready to talk, but we won't wait forever.”",
            Kind::Exact,
            None,
        ),
        // Words both wordings share: the text of record.
        (
            "She was “ready to talk, but” not for ever.",
            Kind::Partial,
            None,
        ),
        // Only the variant has these words.
        (
            "She “will not wait forever”, she said.",
            Kind::Partial,
            Some(0),
        ),
    ];
    for (article, kind, variant) in cases {
        let f = one(READY, &[READY_STYLED], article);
        assert_eq!((f.kind, f.variant), (kind, variant), "{article}");
    }
}

#[test]
fn drift_from_every_wording_is_reported_against_the_text() {
    // As far from the variant as from the text: the record decides.
    let f = one(
        READY,
        &[READY_STYLED],
        "“We are ready to talk, but we won't wait long,” she said.",
    );
    assert_eq!((f.kind, f.variant), (Kind::Drift, None));
}

#[test]
fn drift_is_reported_against_a_variant_that_is_clearly_closer() {
    // One word from the variant, several from the text.
    let f = one(
        READY,
        &[READY_STYLED],
        "“We are ready to talk, but we will not wait for ever,” she said.",
    );
    assert_eq!((f.kind, f.variant), (Kind::Drift, Some(0)), "{f:#?}");
}

#[test]
fn the_text_and_a_variant_printed_one_after_the_other_are_two_findings() {
    for article in [
        "“We do not intend to attack anybody,” he said. Later: “We have no intention of attacking anyone.”",
        "“We do not intend to attack anybody. We have no intention of attacking anyone,” he said.",
    ] {
        let found = seen(&[("q", NO_ATTACK, &[TRANSLATION])], article);
        let read: Vec<(Kind, Option<usize>)> = found.iter().map(|f| (f.kind, f.variant)).collect();
        assert_eq!(
            read,
            [(Kind::Exact, Some(0)), (Kind::Exact, None)],
            "{article}"
        );
    }
}

#[test]
fn a_variant_printed_without_quotation_marks_is_found() {
    let statement =
        "Our objective was to determine whether Russia is prepared to take the diplomatic path.";
    let variant =
        "Our goal was to find out whether Russia is prepared to take the path of diplomacy.";
    let f = one(
        statement,
        &[variant],
        "He said the goal was to find out whether Russia is prepared to take the path of diplomacy.",
    );
    assert!(!f.quoted);
    assert_eq!((f.kind, f.variant), (Kind::Partial, Some(0)));
    // A run both wordings share is one appearance, read against the text.
    let f = one(
        statement,
        &[
            "Our objective was to determine whether Russia is prepared to take the path of diplomacy.",
        ],
        "He said his objective was to determine whether Russia is prepared to take this path.",
    );
    assert!(!f.quoted);
    assert_eq!(f.variant, None);
    assert_eq!(
        f.text,
        "objective was to determine whether Russia is prepared to take"
    );
}

#[test]
fn the_binary_accepts_variants_and_fails_on_drift_from_them() {
    let quotes = format!(
        "  - id: no-attack\n    speaker: antony-blinken\n    text: {NO_ATTACK}\n    variants:\n      - {TRANSLATION}\n"
    );
    Test::new()
        .quotes(&quotes)
        .article(
            "a.txt",
            "Blinken said: “We do not intend to attack anybody.”\n",
        )
        .run()
        .status(0);
    Test::new()
        .quotes(&quotes)
        .article("a.txt", "Blinken said: “We do intend to attack anybody.”\n")
        .run()
        .status(1);
}

#[test]
fn an_empty_variant_is_a_broken_list() {
    Test::new()
        .quotes("  - id: no-attack\n    speaker: antony-blinken\n    text: We will not.\n    variants:\n      - We won't.\n      - \"\"\n")
        .article("a.txt", "x")
        .run()
        .status(2)
        .stderr_has("quotes.yaml:13: quote `no-attack` has an empty variant (number 2)\n  help: give the other accepted wording, or remove the entry");
}
