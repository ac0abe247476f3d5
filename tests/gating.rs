//! quotecheck in CI: the configuration file and its discovery, rule levels,
//! suppression comments, baselines, `validate`, and the exit codes each one
//! leads to. Each test pins the output a pipeline would see.

mod support;

use support::{ONE_QUOTE, Test};

const DRIFT: &str = "\"We're ready to talk, but we won't wait long,\" Psaki said.\n";
const EXACT: &str = "\"We're ready to talk, but we won't wait forever,\" Psaki said.\n";
const CONCISE: &[&str] = &["check", "--color", "never", "--format", "concise"];

fn concise() -> Test {
    Test::new().quotes(ONE_QUOTE).only_args(CONCISE)
}

// The configuration file.

#[test]
fn the_configuration_is_found_upwards_and_its_paths_are_relative_to_it() {
    Test::new()
        .file(
            "quotecheck.toml",
            "quotes = \"record/list.yaml\"\npaths = [\"stories\"]\n",
        )
        .file(
            "record/list.yaml",
            format!("{}quotes:\n{ONE_QUOTE}", support::SPEAKERS),
        )
        .file("stories/a.txt", DRIFT)
        .cwd("desk/today")
        .only_args(CONCISE)
        .run()
        .status(1)
        .stdout_is("../../stories/a.txt:1:2: QC001 `ready` (Jen Psaki) is quoted with changed words (similarity 0.89): We're ready to talk, but we won't wait [-forever.-]{+long,+}\n");
}

#[test]
fn an_unknown_key_names_its_line() {
    concise()
        .article("a.txt", EXACT)
        .file("quotecheck.toml", "paths = [\"articles\"]\nqoutes = \"x.yaml\"\n")
        .run()
        .status(2)
        .stdout_is("")
        .stderr_is(concat!(
            "quotecheck: error: quotecheck.toml:2: unknown field `qoutes`, expected one of `quotes`, `paths`, `include`, `exclude`, `fail-on`, `baseline`, `rules`, `matching`\n",
            "  help: check the spelling; the README lists every key of quotecheck.toml\n",
        ));
}

#[test]
fn an_unknown_rule_names_its_line() {
    concise()
        .article("a.txt", EXACT)
        .file(
            "quotecheck.toml",
            "[rules]\nQC001 = \"off\"\nQC042 = \"error\"\n",
        )
        .run()
        .status(2)
        .stderr_has("quotecheck: error: quotecheck.toml:3: unknown rule `QC042`");
    concise()
        .article("a.txt", EXACT)
        .file("quotecheck.toml", "[rules]\nQC001 = \"loud\"\n")
        .run()
        .status(2)
        .stderr_has("quotecheck: error: quotecheck.toml:2: unknown variant `loud`");
}

#[test]
fn rule_levels_decide_what_fails() {
    // Drift off: nothing to report.
    concise()
        .article("a.txt", DRIFT)
        .file("quotecheck.toml", "[rules]\nQC001 = \"off\"\n")
        .run()
        .status(0)
        .stdout_is("");
    // Drift a warning: reported, but only `--fail-on warning` fails.
    concise()
        .article("a.txt", DRIFT)
        .file("quotecheck.toml", "[rules]\nQC001 = \"warning\"\n")
        .run()
        .status(0)
        .stdout_has("QC001");
    concise()
        .article("a.txt", DRIFT)
        .file(
            "quotecheck.toml",
            "fail-on = \"warning\"\n[rules]\nwording-drift = \"warning\"\n",
        )
        .run()
        .status(1);
    // An unattributed quotation made an error.
    concise()
        .article(
            "a.txt",
            "\"We're ready to talk, but we won't wait forever.\"\n",
        )
        .file("quotecheck.toml", "[rules]\nQC003 = \"error\"\n")
        .run()
        .status(1)
        .stdout_is(
            "articles/a.txt:1:2: QC003 `ready` (Jen Psaki) is quoted without crediting anyone\n",
        );
}

#[test]
fn isolated_ignores_the_file_and_config_names_another() {
    let t = concise()
        .article("a.txt", DRIFT)
        .file("quotecheck.toml", "[rules]\nQC001 = \"off\"\n")
        .file("strict.toml", "[rules]\nQC001 = \"error\"\n");
    t.run_with(CONCISE).status(0);
    t.run_with(&[CONCISE, &["--isolated"]].concat()).status(1);
    t.run_with(&[CONCISE, &["--config", "strict.toml"]].concat())
        .status(1);
    t.run_with(&["check", "--config", "missing.toml"])
        .status(2)
        .stderr_has("quotecheck: error: missing.toml: cannot read the configuration");
}

#[test]
fn include_and_exclude_globs_choose_the_walked_files() {
    concise()
        .article("a.md", DRIFT)
        .article("drafts/b.md", DRIFT)
        .article("notes.txt", DRIFT)
        .file(
            "quotecheck.toml",
            "include = [\"*.md\"]\nexclude = [\"articles/drafts/**\"]\n",
        )
        .run()
        .status(1)
        .stdout_is("articles/a.md:1:2: QC001 `ready` (Jen Psaki) is quoted with changed words (similarity 0.89): We're ready to talk, but we won't wait [-forever.-]{+long,+}\n");
}

#[test]
fn config_prints_the_resolved_configuration() {
    let out = Test::new()
        .file(
            "quotecheck.toml",
            "quotes = \"list.yaml\"\nbaseline = \"known.json\"\n[rules]\nQC005 = \"off\"\n",
        )
        .cwd("sub")
        .only_args(&["config"])
        .run()
        .status(0);
    assert!(
        out.stdout.starts_with(concat!(
            "# configuration file: ../quotecheck.toml\n",
            "quotes = \"../list.yaml\"\n",
            "paths = [\"../articles\"]\n",
            "include = []\n",
            "exclude = []\n",
            "fail-on = \"error\"\n",
            "baseline = \"../known.json\"\n",
        )),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("QC005 = \"off\"  # unverified-quotation\n")
    );
    assert!(out.stdout.contains("QC001 = \"error\"  # wording-drift\n"));
}

#[test]
fn the_printed_configuration_reads_back_the_same() {
    let t = Test::new().file(
        "quotecheck.toml",
        "quotes = \"list.yaml\"\ninclude = [\"*.md\"]\nfail-on = \"warning\"\n[rules]\nQC005 = \"off\"\n[matching]\ndrift-min-dice = 0.6\n",
    );
    let first = t.run_with(&["config"]).status(0).stdout;
    t.rewrite("quotecheck.toml", &first);
    let second = t.run_with(&["config"]).status(0).stdout;
    assert_eq!(first, second);
    assert!(first.contains("drift-min-dice = 0.6\n"), "{first}");
}

// Suppression comments.

#[test]
fn a_comment_suppresses_the_next_line_for_the_rules_it_names() {
    concise()
        .article(
            "a.md",
            &format!("<!-- quotecheck-disable-next-line QC001 -- the AP wording -->\n{DRIFT}"),
        )
        .run()
        .status(0)
        .stdout_is("");
}

#[test]
fn a_comment_for_another_rule_suppresses_nothing_and_says_so() {
    concise()
        .article(
            "a.md",
            &format!("<!-- quotecheck-disable-next-line QC002 -->\n{DRIFT}"),
        )
        .run()
        .status(1)
        .stdout_is(concat!(
            "articles/a.md:1:1: QC006 the suppression of QC002 suppresses nothing\n",
            "articles/a.md:2:2: QC001 `ready` (Jen Psaki) is quoted with changed words (similarity 0.89): We're ready to talk, but we won't wait [-forever.-]{+long,+}\n",
        ));
}

#[test]
fn disable_and_enable_bound_a_region() {
    let text = format!(
        "<!-- quotecheck-disable QC001 -->\n\n{DRIFT}\n<!-- quotecheck-enable QC001 -->\n\n{DRIFT}"
    );
    concise()
        .article("a.md", &text)
        .run()
        .status(1)
        .stdout_is("articles/a.md:7:2: QC001 `ready` (Jen Psaki) is quoted with changed words (similarity 0.89): We're ready to talk, but we won't wait [-forever.-]{+long,+}\n");
}

#[test]
fn unreadable_comments_are_reported() {
    concise()
        .article(
            "a.md",
            &format!("<!-- quotecheck-disable-next-line -->\n{EXACT}\n<!-- quotecheck-disable-next-line QC004 -->\n{EXACT}\n<!-- quotecheck-enable QC001 -->\n<!-- quotecheck-ignore QC001 -->\n"),
        )
        .run()
        .status(0)
        .stdout_is(concat!(
            "articles/a.md:1:1: QC007 suppression names no rule; give the codes, as in `quotecheck-disable-next-line QC001`\n",
            "articles/a.md:4:1: QC007 QC004 (statement-not-found) cannot be suppressed in an article\n",
            "articles/a.md:7:1: QC007 enables QC001, which no comment before disables\n",
            "articles/a.md:8:1: QC007 unknown suppression `quotecheck-ignore`; use quotecheck-disable-next-line, quotecheck-disable or quotecheck-enable\n",
        ));
}

#[test]
fn human_output_says_what_was_suppressed() {
    Test::new()
        .quotes(ONE_QUOTE)
        .article(
            "a.md",
            &format!("<!-- quotecheck-disable-next-line QC001 -->\n{DRIFT}"),
        )
        .run()
        .status(0)
        .stdout_is(concat!(
            "articles/a.md:2:2: ok  drift  ready  (Jen Psaki)  (QC001 suppressed)\n",
            "\n",
            "1 article checked: 1 finding (0 exact, 0 partial, 1 drift), 0 statements not found, 0 errors, 0 warnings, 1 suppressed\n",
        ));
}

// Baselines.

#[test]
fn a_baseline_fails_ci_only_on_new_problems() {
    let t = Test::new()
        .quotes(&format!(
            "{ONE_QUOTE}  - id: talk
    speaker: antony-blinken
    text: We will keep talking to Moscow as long as there is a chance.
"
        ))
        .article("a.txt", DRIFT);
    t.run_with(&["check"]).status(1);
    t.run_with(&["baseline"])
        .status(0)
        .stderr_is("quotecheck: wrote 2 entries to .quotecheck-baseline.json\n");
    let written = t.read(".quotecheck-baseline.json");
    assert!(written.contains("\"rule\": \"QC001\""), "{written}");
    assert!(written.contains("\"rule\": \"QC004\""), "{written}");
    let check = [
        "check",
        "--format",
        "concise",
        "--baseline",
        ".quotecheck-baseline.json",
    ];
    t.run_with(&check).status(0).stdout_is("");

    // Lines added above: the problem is the same, still known.
    t.rewrite(
        "articles/a.txt",
        &format!("A new first paragraph.\n\nAnd another.\n\n{DRIFT}"),
    );
    t.run_with(&check).status(0).stdout_is("");

    // A new problem fails, and only it is reported.
    t.rewrite(
        "articles/a.txt",
        &format!(
            "{DRIFT}\n\"We will keep talking to Moscow as long as there is hope,\" Blinken said.\n"
        ),
    );
    t.run_with(&check)
        .status(1)
        .stdout_is("articles/a.txt:3:2: QC001 `talk` (Antony Blinken) is quoted with changed words (similarity 0.92): We will keep talking to Moscow as long as there is [-a-]{+hope,+}\n")
        .stderr_has("1 entries match no problem any more");

    // The same problem twice needs two entries.
    t.rewrite("articles/a.txt", &format!("{DRIFT}\n{DRIFT}"));
    t.run_with(&check)
        .status(1)
        .stdout_has("articles/a.txt:3:2: QC001");
}

#[test]
fn stale_entries_are_reported_and_pruned() {
    let t = Test::new().quotes(ONE_QUOTE).article("a.txt", DRIFT);
    t.run_with(&["baseline", "--output", "known.json"])
        .status(0);
    t.rewrite("articles/a.txt", EXACT);
    let check = ["check", "--format", "concise", "--baseline", "known.json"];
    t.run_with(&check)
        .status(0)
        .stderr_is(concat!(
            "quotecheck: warning: known.json: 1 entries match no problem any more (fixed, or the article is gone):\n",
            "  articles/a.txt QC001 ready\n",
            "  help: drop them with `quotecheck check --prune`\n",
        ));
    t.run_with(&[&check[..], &["--prune"]].concat())
        .status(0)
        .stderr_is("quotecheck: pruned 1 stale entries from known.json\n");
    assert!(t.read("known.json").contains("\"entries\": []"));
    t.run_with(&check).status(0).stderr_is("");
}

#[test]
fn a_broken_baseline_is_an_error() {
    concise()
        .article("a.txt", EXACT)
        .file(
            "known.json",
            "{\"version\": 1, \"entries\": [{\"path\": \"a\"}]}",
        )
        .args(&["--baseline", "known.json"])
        .run()
        .status(2)
        .stderr_has(
            "quotecheck: error: known.json: is not a quotecheck baseline: missing field `rule`",
        )
        .stderr_has("help: write it again with `quotecheck baseline`");
}

// validate.

#[test]
fn validate_lints_the_list() {
    let list = format!(
        "{}quotes:
  - id: ready
    speaker: jen-psaki
    text: We're ready to talk.
    date: 2022-01-19
    source: White House briefing
  - id: ready-again
    speaker: jen-psaki
    text: “We’re READY to talk”
    date: 2022-01-20
",
        support::SPEAKERS
    );
    let t = Test::new().raw_quotes(&list);
    t.run_with(&["validate", "--format", "concise"])
        .status(0)
        .stdout_is(concat!(
            "quotes.yaml:2:1: QC101 speaker `antony-blinken` (Antony Blinken) has no statement\n",
            "quotes.yaml:13:1: QC103 statement `ready-again` has no source\n",
            "quotes.yaml:13:1: QC104 statement `ready-again` has the same wording as statement `ready`\n",
        ));
    t.run_with(&["validate", "--fail-on", "warning"]).status(1);
}

#[test]
fn validate_reports_a_broken_list_under_qc100() {
    Test::new()
        .quotes("  - id: ready\n    speaker: boris-johnson\n    text: x\n")
        .only_args(&["validate", "--format", "concise"])
        .run()
        .status(2)
        .stdout_is("quotes.yaml:9:1: QC100 quote `ready` names speaker `boris-johnson`, who is not listed under `speakers`\n");
}

// From an independent review: what readers do not see is not checked; paths
// and globs mean the same from any folder; a partial run says nothing about
// the articles it did not read.

#[test]
fn comments_are_not_article_text() {
    concise()
        .article(
            "a.md",
            &format!(
                "<!-- quotecheck-disable-next-line QC001 -- Roe said \"we will never accept these terms\" -->\n{DRIFT}"
            ),
        )
        .run()
        .status(0)
        .stdout_is("");
    // A comment inside a quotation adds no words to it.
    concise()
        .article(
            "a.md",
            "\"We're ready to talk, <!-- sic --> but we won't wait forever,\" Psaki said.\n",
        )
        .run()
        .status(0)
        .stdout_is("");
}

#[test]
fn suppression_typos_do_not_fail_silently() {
    concise()
        .article(
            "a.md",
            &format!("<!-- QuoteCheck-Disable-Next-Line QC001 -->\n{DRIFT}\n<!-- quotecheck disable QC001 -->\n\n<!-- quotecheck-disable-next-line QC001\n{DRIFT}"),
        )
        .run()
        .status(1)
        .stdout_is(concat!(
            "articles/a.md:4:1: QC007 unknown suppression `quotecheck disable`; use quotecheck-disable-next-line, quotecheck-disable or quotecheck-enable\n",
            "articles/a.md:6:1: QC007 suppression comment is never closed with `-->`\n",
            "articles/a.md:7:2: QC001 `ready` (Jen Psaki) is quoted with changed words (similarity 0.89): We're ready to talk, but we won't wait [-forever.-]{+long,+}\n",
        ));
}

#[test]
fn one_enable_ends_nested_disables() {
    let text = format!(
        "<!-- quotecheck-disable QC001 -->\n<!-- quotecheck-disable QC001 -->\n{DRIFT}<!-- quotecheck-enable QC001 -->\n\n{DRIFT}"
    );
    concise()
        .article("a.md", &text)
        .run()
        .status(1)
        .stdout_has("articles/a.md:6:2: QC001");
}

#[test]
fn a_baseline_is_the_same_from_a_subfolder_and_for_a_few_files() {
    let t = Test::new()
        .quotes(&format!(
            "{ONE_QUOTE}  - id: talk
    speaker: antony-blinken
    text: We will keep talking to Moscow as long as there is a chance.
"
        ))
        .file("quotecheck.toml", "exclude = [\"articles/drafts/**\"]\n")
        .article("a.txt", DRIFT)
        .article("b.txt", DRIFT)
        .article("drafts/c.txt", DRIFT)
        .cwd("articles");
    t.run_with(&["baseline"])
        .status(0)
        .stderr_is("quotecheck: wrote 3 entries to ../.quotecheck-baseline.json\n");
    let written = t.read(".quotecheck-baseline.json");
    assert!(
        written.contains("\"path\": \"articles/a.txt\""),
        "{written}"
    );
    // Found without being named; the same entries from here and from `.`.
    t.run_with(&["check", "--format", "concise"])
        .status(0)
        .stdout_is("")
        .stderr_is("");
    t.run_with(&["check", "--format", "concise", "."])
        .status(0)
        .stdout_is("")
        .stderr_is("");
    // One file named: the other's entries and QC004 are not stale, and
    // nothing is pruned.
    t.run_with(&["check", "--prune", "a.txt"])
        .status(0)
        .stderr_is("");
    assert_eq!(t.read(".quotecheck-baseline.json"), written);
    // Globs hold from a subfolder; named files skip them unless forced.
    t.run_with(&["check", "--format", "concise", "drafts"])
        .status(0)
        .stdout_is("");
    t.run_with(&["check", "--format", "concise", "drafts/c.txt"])
        .status(1);
    t.run_with(&[
        "check",
        "--format",
        "concise",
        "--force-exclude",
        "drafts/c.txt",
    ])
    .status(0)
    .stdout_is("");
}

#[test]
fn prune_needs_a_baseline_and_baseline_needs_every_article() {
    concise()
        .article("a.txt", EXACT)
        .args(&["--prune"])
        .run()
        .status(2)
        .stderr_is("quotecheck: error: --prune: there is no baseline to prune\n  help: name one with --baseline FILE, or write one with `quotecheck baseline`\n");
    let t = Test::new()
        .quotes(ONE_QUOTE)
        .article("a.txt", DRIFT)
        .file("articles/bad.txt", b"Caf\xE9".as_slice());
    t.run_with(&["baseline"])
        .status(2)
        .stderr_has("quotecheck: error: .quotecheck-baseline.json: not written: some articles could not be read");
    assert!(!t.path().join(".quotecheck-baseline.json").exists());
}

#[test]
fn a_variant_does_not_take_another_statements_words() {
    let list = format!(
        "{ONE_QUOTE}    variants: [We will never accept these terms.]
  - id: never
    speaker: antony-blinken
    text: We will never accept these terms.
"
    );
    let t = Test::new().quotes(&list).article(
        "a.txt",
        "\"We will never accept these terms,\" Blinken said.\n",
    );
    t.run_with(&["check", "--format", "concise"])
        .status(0)
        .stdout_is("quotes.yaml:8:1: QC004 `ready` (Jen Psaki) appears in no article checked\n");
    t.run_with(&["validate", "--format", "concise"])
        .status(0)
        .stdout_has("QC104 statement `never` has the same wording as variant 1 of `ready`");
}

#[test]
fn a_bad_threshold_names_its_line_and_a_broken_list_still_gives_sarif() {
    concise()
        .article("a.txt", EXACT)
        .file(
            "quotecheck.toml",
            "[matching]\nmin-embedded-run = 5\ndrift-min-dice = 1.5\n",
        )
        .run()
        .status(2)
        .stderr_has("quotecheck: error: quotecheck.toml:3: [matching]: drift-min-dice");
    let out = Test::new()
        .quotes("  - id: ready\n    speaker: boris-johnson\n    text: x\n")
        .article("a.txt", EXACT)
        .only_args(&["check", "--format", "sarif"])
        .run()
        .status(2);
    let sarif: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(sarif["runs"][0]["results"][0]["ruleId"], "QC100");
}
