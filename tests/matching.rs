//! The matching contract, rule by rule, on short realistic snippets: what is
//! typography, what is a part, what is an edit, and what is drift.

use std::path::Path;

use quotecheck::catalog::Catalog;
use quotecheck::check::Checker;
use quotecheck::corpus::Article;
use quotecheck::drift::{Edit, Kind, Op};
use quotecheck::matcher::{self, Index, Thresholds};
use quotecheck::quotations::Quoted;
use quotecheck::report::{Finding, Rule};
use quotecheck::text::tokenize;

/// Checks `article` against statements given as (id, text).
fn check_many(statements: &[(&str, &str)], article: &str) -> Vec<Finding> {
    let mut yaml = String::from("speakers:\n  - id: s\n    name: Speaker\nquotes:\n");
    for (id, text) in statements {
        yaml.push_str(&format!(
            "  - id: {id}\n    speaker: s\n    text: {}\n",
            serde_json::to_string(text).unwrap()
        ));
    }
    let catalog = Catalog::parse(Path::new("quotes.yaml"), &yaml).unwrap();
    Checker::new(&catalog)
        .article(&Article::new("article.txt", article))
        .findings
}

fn check(statement: &str, article: &str) -> Vec<Finding> {
    check_many(&[("q", statement)], article)
}

#[track_caller]
fn one(statement: &str, article: &str) -> Finding {
    let found = check(statement, article);
    assert_eq!(
        found.len(),
        1,
        "expected one finding in {article:?}, got {found:#?}"
    );
    found.into_iter().next().unwrap()
}

const READY: &str = "We're ready to talk, but we won't wait forever.";

#[test]
fn typography_never_counts_as_drift() {
    let variants = [
        "“We’re ready to talk, but we won’t wait forever,” she said.",
        "\"We're ready to talk, but we won't wait forever,\" she said.",
        "« We’re ready to talk, but we won’t wait forever », a-t-elle dit.",
        "Sie sagte: „We’re ready to talk, but we won’t wait forever.“",
        "She said: \"We’re\u{a0}ready  to\u{200b} talk,   but we won’t wait for\u{ad}ever.\"",
        "She said: \"We're ready to talk,\nbut we won't wait forever.\"",
        "She said: \"We're ready to talk,\r\nbut we won't wait forever.\"",
        "She said \"we're ready to talk, but we won't wait forever.\"",
        "She said: ‘We’re ready to talk, but we won’t wait forever.’",
        "She said: \"WE'RE READY TO TALK, BUT WE WON'T WAIT FOREVER.\"",
    ];
    for article in variants {
        let f = one(READY, article);
        assert_eq!(f.kind, Kind::Exact, "{article:?}");
        assert_eq!(f.similarity, 1.0);
    }
}

#[test]
fn dash_and_hyphen_variants_are_typography() {
    let statement = "There is no trade space there - none, and de-escalation is the only way.";
    for article in [
        "Blinken: \"There is no trade space there – none, and de‑escalation is the only way.\"",
        "Blinken: \"There is no trade space there — none, and de-escalation is the only way.\"",
    ] {
        assert_eq!(one(statement, article).kind, Kind::Exact, "{article:?}");
    }
}

#[test]
fn unicode_normalization_forms_are_typography() {
    let statement = "The caf\u{e9} talks in Gen\u{e8}ve were useful.";
    let article = "He said: \"The cafe\u{301} talks in Gene\u{300}ve were useful.\"";
    assert_eq!(one(statement, article).kind, Kind::Exact);
}

#[test]
fn a_verbatim_part_is_partial_even_when_short() {
    let statement = "These claims are empty and unfounded.";
    let f = one(
        statement,
        "Peskov castigated these claims as \"empty and unfounded,\" serving as a ploy.",
    );
    assert_eq!(f.kind, Kind::Partial);
    assert!(f.quoted);
    assert_eq!(f.text, "empty and unfounded");
    let f = one(
        "We have fully coordinated with our allies.",
        "The US \"fully coordinated\" with allies.",
    );
    assert_eq!(f.kind, Kind::Partial);
}

#[test]
fn one_shared_word_in_quotes_is_not_an_appearance() {
    assert!(check(READY, "Washington sent more \"aid\" and \"talk\" to Kyiv.").is_empty());
    assert!(check(READY, "He called it \"ready\" and went home.").is_empty());
}

#[test]
fn outside_quotation_marks_only_long_runs_count() {
    let statement =
        "Our objective was to determine whether Russia is prepared to take the diplomatic path.";
    assert!(
        check(
            statement,
            "Blinken wanted to determine whether Russia is prepared, he said."
        )
        .is_empty()
    );
    let f = one(
        statement,
        "He said his objective was to determine whether Russia is prepared to take the diplomatic path.",
    );
    assert!(!f.quoted);
    assert_eq!(f.kind, Kind::Partial);
    assert!(!f.breaks().contains(&Rule::Drift));
    assert_eq!(
        f.text,
        "objective was to determine whether Russia is prepared to take the diplomatic path"
    );
}

#[test]
fn ellipsis_marks_an_omission_not_drift() {
    let statement = "If we're seeing de-escalation, that is the kind of environment in which we could make real progress.";
    for article in [
        "\"If we're seeing de-escalation ... we could make real progress,\" he said.",
        "\"If we're seeing de-escalation … we could make real progress,\" he said.",
        "\"If we're seeing de-escalation [...] we could make real progress,\" he said.",
    ] {
        let f = one(statement, article);
        assert_eq!(f.kind, Kind::Partial, "{article}");
        assert_eq!(f.edits, [Edit::Ellipsis]);
        let omitted = f
            .diff
            .iter()
            .find(|p| p.edit == Some(Edit::Ellipsis))
            .unwrap();
        assert_eq!(omitted.op, Op::Delete);
        assert_eq!(omitted.text, "that is the kind of environment in which");
    }
}

#[test]
fn brackets_replace_or_add_words_for_clarity() {
    let statement = "He heard from us that nothing about Ukraine is decided without Ukraine.";
    let f = one(
        statement,
        "\"[Lavrov] heard from us that nothing about Ukraine is decided without Ukraine.\"",
    );
    assert_eq!(f.kind, Kind::Partial);
    assert_eq!(f.edits, [Edit::Brackets]);
    assert_eq!(f.diff[0].op, Op::Delete);
    assert_eq!(f.diff[0].text, "He");
    assert_eq!(f.diff[1].op, Op::Insert);
    assert_eq!(f.diff[1].text, "[Lavrov]");
    let f = one(
        "One of such solutions can definitely be Ukraine.",
        "\"One of such [solutions] can definitely be Ukraine,\" the expert noted.",
    );
    assert_eq!(f.kind, Kind::Partial);
    assert_eq!(f.similarity, 1.0);
}

#[test]
fn a_substituted_word_is_drift_with_a_word_diff() {
    let f = one(
        READY,
        "\"We're ready to talk, but we won't wait long,\" she said.",
    );
    assert_eq!(f.kind, Kind::Drift);
    assert!(f.breaks().contains(&Rule::Drift));
    assert_eq!(f.changes.substituted, 1);
    let changed: Vec<(Op, &str)> = f
        .diff
        .iter()
        .filter(|p| p.op != Op::Equal)
        .map(|p| (p.op, p.text.as_str()))
        .collect();
    assert_eq!(changed, [(Op::Delete, "forever."), (Op::Insert, "long,")]);
    assert!(f.similarity < 1.0 && f.similarity > 0.8, "{}", f.similarity);
}

#[test]
fn an_inserted_word_is_drift() {
    let f = one(
        READY,
        "\"We're ready to talk, but we won't wait around forever,\" she said.",
    );
    assert_eq!(f.kind, Kind::Drift);
    assert_eq!(f.changes.inserted, 1);
    assert_eq!(f.changes.substituted, 0);
}

#[test]
fn a_silently_dropped_word_is_drift() {
    let statement = "We will resolve our differences through diplomacy and through dialogue.";
    let f = one(
        statement,
        "\"We will resolve our differences through diplomacy and dialogue.\"",
    );
    assert_eq!(f.kind, Kind::Drift);
    assert_eq!(f.changes.dropped, 1);
    let dropped: Vec<&str> = f
        .diff
        .iter()
        .filter(|p| p.op == Op::Delete)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(dropped, ["through"]);
}

#[test]
fn reordered_words_are_drift_and_counted_as_moved() {
    let statement = "Russia must choose diplomacy and de-escalation over confrontation.";
    let f = one(
        statement,
        "\"Russia must choose de-escalation and diplomacy over confrontation.\"",
    );
    assert_eq!(f.kind, Kind::Drift);
    assert!(f.changes.moved >= 1, "{:?}", f.changes);
}

#[test]
fn an_inserted_or_dropped_negation_is_always_drift() {
    let statement = "Russia is prepared to take the diplomatic path and other necessary steps.";
    let f = one(
        statement,
        "\"Russia is not prepared to take the diplomatic path and other necessary steps.\"",
    );
    assert_eq!(f.kind, Kind::Drift);
    assert!(f.changes.negation);
    let f = one(
        "I do not think that the West is ready to demand this.",
        "\"I do think that the West is ready to demand this.\"",
    );
    assert_eq!(f.kind, Kind::Drift);
    assert!(f.changes.negation);
    let f = one(
        "Russia never wanted this war in Europe.",
        "\"Russia always wanted this war in Europe.\"",
    );
    assert_eq!(f.kind, Kind::Drift);
    assert!(f.changes.negation);
}

#[test]
fn a_changed_letter_is_drift_not_typography() {
    // A Cyrillic а (U+0430) in "Ukraine".
    let f = one(
        READY.replace("talk", "t\u{0430}lk").as_str(),
        &format!("\"{READY}\""),
    );
    assert_eq!(f.kind, Kind::Drift);
}

#[test]
fn a_quote_split_by_its_attribution_is_matched_across_the_break() {
    let statement = "We are finalizing at NATO the proposals. The written document we will send to them later this week.";
    let article = "\"We are finalizing at NATO the proposals,\" Stoltenberg told CNN. \"The written document we will send to them later this week.\"";
    let f = one(statement, article);
    assert_eq!(f.kind, Kind::Exact);
    assert_eq!(f.column, 2);
    assert!(f.text.ends_with("later this week"), "{}", f.text);
    let article = "\"We are finalizing at NATO the proposals,\" he said, \"the written document we will send to them later this weak.\"";
    let f = one(statement, article);
    assert_eq!(f.kind, Kind::Drift);
    assert_eq!(f.changes.substituted, 1);
}

#[test]
fn split_parts_may_skip_words_between_them() {
    let statement = "We continue to provide this assistance. We have additional deliveries scheduled for the coming weeks.";
    let article = "\"We continue to provide this assistance,\" Blinken said. \"Additional deliveries scheduled for the coming weeks.\"";
    let f = one(statement, article);
    assert_eq!(f.kind, Kind::Partial);
    assert_eq!(f.edits, [Edit::Split]);
}

#[test]
fn every_appearance_is_a_finding() {
    let statement = "There is no trade space there.";
    let found = check(
        statement,
        "Blinken said: \"There is no trade space there.\"\n\nLater he repeated: \"There is no trade space there.\"",
    );
    assert_eq!(found.len(), 2);
    assert_eq!((found[0].line, found[1].line), (1, 3));
}

#[test]
fn two_statements_in_one_quotation_are_both_found() {
    let statements = [
        (
            "objective",
            "Our objective was to determine whether Russia is prepared to take the diplomatic path.",
        ),
        ("no-trade", "There is no trade space there, none."),
    ];
    let article = "\"Our objective was to determine whether Russia is prepared to take the diplomatic path. There is no trade space there, none,\" he said.";
    let found = check_many(&statements, article);
    let ids: Vec<(&str, Kind)> = found
        .iter()
        .map(|f| (f.quote_id.as_str(), f.kind))
        .collect();
    assert_eq!(ids, [("objective", Kind::Exact), ("no-trade", Kind::Exact)]);
}

#[test]
fn a_quote_of_other_words_on_the_same_topic_is_not_drift() {
    let statement =
        "We're now at a stage where Russia could at any point launch an attack in Ukraine.";
    let article = "\"Russia has a gun to the head of Ukraine with 100,000 troops near its borders,\" he said.";
    assert!(check(statement, article).is_empty());
}

#[test]
fn a_back_translation_is_drift() {
    let statement =
        "We're now at a stage where Russia could at any point launch an attack in Ukraine.";
    let article = "“We are now at a stage where Russia can launch an attack on Ukraine at any time,” Psaki told reporters.";
    let f = one(statement, article);
    assert_eq!(f.kind, Kind::Drift);
    assert_eq!(
        f.text,
        "We are now at a stage where Russia can launch an attack on Ukraine at any time"
    );
}

#[test]
fn positions_point_at_the_quoted_words() {
    let article =
        "Kiev, 20 января.\r\nОн сказал: “We’re ready to talk, but we won’t wait forever.”";
    let f = one(READY, article);
    assert_eq!((f.line, f.column), (2, 13));
    assert_eq!((f.end_line, f.end_column), (2, 59));
}

// Cases found by trying quotecheck on articles and a list written for the
// purpose (a central bank's rate decision), not on the sample corpus.

const HOLD: &str = "We have decided to hold the policy rate, because inflation is still too high and the job is not yet done.";

#[test]
fn an_ellipsis_that_drops_a_negation_is_drift() {
    let f = one(
        HOLD,
        "Ellery said \"inflation is still too high and the job is ... done,\" and left.",
    );
    assert_eq!(f.kind, Kind::Drift);
    assert!(f.changes.negation);
    let dropped: Vec<&str> = f
        .diff
        .iter()
        .filter(|p| p.op == Op::Delete && p.edit.is_none())
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(dropped, ["not yet"]);
}

#[test]
fn brackets_that_replace_a_negation_are_drift() {
    let statement = "I know that households are struggling, and I do not take that lightly.";
    let f = one(
        statement,
        "\"I know that households are struggling, and I [do] take that lightly.\"",
    );
    assert_eq!(f.kind, Kind::Drift);
    assert!(f.changes.negation);
    assert_eq!(f.changes.moved, 0, "a substitution is not a move");
}

#[test]
fn a_split_that_drops_a_negation_is_drift() {
    let statement =
        "We are not on a pre-set path, and we will take each decision meeting by meeting.";
    let f = one(
        statement,
        "\"We are,\" Ellery said, \"on a pre-set path, and we will take each decision meeting by meeting.\"",
    );
    assert_eq!(f.kind, Kind::Drift);
    assert!(f.changes.negation);
    assert_eq!(f.column, 2, "the appearance starts with the first part");
}

#[test]
fn a_contracted_negation_is_a_change_but_not_a_lost_negation() {
    let statement = "I know that households are struggling, and I do not take that lightly.";
    let f = one(
        statement,
        "\"I know that households are struggling, and I don't take that lightly.\"",
    );
    assert_eq!(f.kind, Kind::Drift);
    assert!(!f.changes.negation);
}

#[test]
fn short_scare_quotes_and_terms_are_not_appearances() {
    let statement = "Working families have paid twice, first at the checkout and then at the bank, and the worst of the cost-of-living crisis follows the data.";
    for article in [
        "Critics say \"the bank\" is the target.",
        "Policy will be set following \"the data\".",
        "What the governor calls the \"cost-of-living\" squeeze goes on.",
    ] {
        assert!(check(statement, article).is_empty(), "{article}");
    }
}

#[test]
fn a_statement_twice_in_one_quotation_is_two_findings() {
    let statement = "We still expect three cuts next year, starting in May.";
    let found = check(
        statement,
        "\"We still expect three cuts next year, starting in May. We still expect three cuts next year, starting in May,\" he said twice.",
    );
    assert_eq!(found.len(), 2);
    assert_eq!((found[0].column, found[1].column), (2, 57));
}

#[test]
fn drift_in_one_sentence_of_a_long_quotation_stays_in_that_sentence() {
    let article = "\"Markets were calm and we are not worried about them. We have decided to hold the policy rate, because inflation is too high and the job is not yet done. We will meet again in March and the decision will depend on the data,\" she said.";
    let f = one(HOLD, article);
    assert_eq!(f.kind, Kind::Drift);
    assert!(f.text.starts_with("We have decided"), "{}", f.text);
    assert!(f.text.ends_with("not yet done"), "{}", f.text);
    assert!(!f.changes.negation);
    assert_eq!(f.changes.dropped, 1);
}

#[test]
fn an_opening_bracket_is_where_the_quotation_starts() {
    let statement = "He will keep doing his part by holding spending in check.";
    let f = one(
        statement,
        "She said: \"[Halbrook] will keep doing [his] part by holding spending in check.\"",
    );
    assert_eq!(f.column, 12);
    assert!(f.text.starts_with("[Halbrook]"), "{}", f.text);
}

#[test]
fn paragraphs_of_a_long_quotation_are_not_unclosed() {
    let statements = [
        ("hold", HOLD),
        (
            "households",
            "I know that households are struggling, and I do not take that lightly.",
        ),
    ];
    let article = "Ellery said:\n\n\"We have decided to hold the policy rate, because inflation is still too high and the job is not yet done.\n\n\"I know that households are struggling, and I do not take that lightly.\"\n\nThen: \"I know that households are struggling, and I do not take that lightly.\n\nNobody asked.";
    let found = check_many(&statements, article);
    let flags: Vec<(&str, bool)> = found
        .iter()
        .map(|f| (f.quote_id.as_str(), f.unclosed))
        .collect();
    assert_eq!(
        flags,
        [("hold", false), ("households", false), ("households", true)]
    );
}

#[test]
fn a_lookalike_letter_is_flagged() {
    let statement = "We still expect three cuts next year, starting in May.";
    let f = one(
        statement,
        "\"We still expect three cuts next year, starting in M\u{0430}y.\"",
    );
    assert_eq!(f.kind, Kind::Drift);
    assert!(f.changes.lookalike);
}

#[test]
fn a_dropped_negation_in_a_short_statement_is_still_found() {
    for (statement, article) in [
        (
            "We have no plans to invade.",
            "\"We have plans to invade,\" he said.",
        ),
        ("I am not a crook.", "\"I am a crook,\" he said."),
    ] {
        let f = one(statement, article);
        assert_eq!(f.kind, Kind::Drift, "{article}");
        assert!(f.changes.negation);
    }
}

#[test]
fn two_drifted_statements_in_one_quotation_do_not_share_words() {
    let statements = [
        (
            "troops",
            "Russia must pull its troops back from the border with Ukraine.",
        ),
        (
            "defend",
            "Ukraine will defend every metre of its territory.",
        ),
    ];
    let article = "\"Russia must pull its troops from the border with Ukraine at once and everybody knows that Ukraine shall defend every metre of its territory,\" he said.";
    let found = check_many(&statements, article);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0].span.end <= found[1].span.start,
        "{:?} {:?}",
        found[0].span,
        found[1].span
    );
}

/// The printed words of each appearance of `statement` in `article` when
/// matching by `thresholds`.
fn appearances(statement: &str, article: &str, thresholds: Thresholds) -> Vec<String> {
    let yaml = format!(
        "speakers:\n  - id: s\n    name: Speaker\nquotes:\n  - id: q\n    speaker: s\n    text: {}\n",
        serde_json::to_string(statement).unwrap()
    );
    let catalog = Catalog::parse(Path::new("quotes.yaml"), &yaml).unwrap();
    assert_eq!(thresholds.validate(), Ok(()));
    let index = Index::with_thresholds(&catalog, thresholds);
    let tokens = tokenize(article, false);
    let quoted = Quoted::new(article, &tokens);
    matcher::find(&catalog, &index, article, &tokens, &quoted)
        .into_iter()
        .map(|m| article[m.span].to_string())
        .collect()
}

#[test]
fn thresholds_decide_what_counts() {
    let article =
        "The board said: \"After a long night, inflation is still too high for anyone to relax.\"";
    assert_eq!(
        appearances(HOLD, article, Thresholds::default()),
        ["inflation is still too high"]
    );
    let stricter = Thresholds {
        min_embedded_run: 6,
        ..Thresholds::default()
    };
    assert!(appearances(HOLD, article, stricter).is_empty());
    // Outside quotation marks: a nine-word run counts by default, not when
    // runs must have ten words.
    let article = "She said they decided to hold the policy rate, because inflation is high.";
    assert_eq!(
        appearances(HOLD, article, Thresholds::default()),
        ["decided to hold the policy rate, because inflation is"]
    );
    let stricter = Thresholds {
        min_unquoted_run: 10,
        ..Thresholds::default()
    };
    assert!(appearances(HOLD, article, stricter).is_empty());
    // A stricter drift share leaves a reworded quotation unmatched.
    let article = "\"Rates stay where they are because inflation is still far too high and our job is not done,\" she said.";
    assert_eq!(appearances(HOLD, article, Thresholds::default()).len(), 1);
    let stricter = Thresholds {
        drift_min_dice: 0.95,
        ..Thresholds::default()
    };
    assert!(appearances(HOLD, article, stricter).is_empty());
}
