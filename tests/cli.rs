//! The command line as a user meets it: bad quote lists, bad articles, the
//! exit codes, the formats, colour. Each test pins the message and the code.

mod support;

use support::{ONE_QUOTE, Test};

#[test]
fn yaml_syntax_error_names_file_line_and_column() {
    Test::new()
        .raw_quotes("speakers:\n  - id: a\n    name: [A\nquotes: []\n")
        .article("a.txt", "x")
        .run()
        .status(2)
        .stderr_has("quotecheck: error: quotes.yaml:")
        .stdout_is("");
}

#[test]
fn unknown_field_is_an_error_with_its_line() {
    Test::new()
        .quotes("  - id: ready\n    speaker: jen-psaki\n    txt: We're ready.\n")
        .article("a.txt", "x")
        .run()
        .status(2)
        .stderr_is(
            "quotecheck: error: quotes.yaml:10:5: quotes[0]: unknown field `txt`, expected one of `id`, `speaker`, `text`, `variants`, `date`, `source`, `note`\n  help: check the spelling; the README lists every field of quotes.yaml\n",
        );
}

#[test]
fn duplicate_ids_unknown_speakers_and_empty_texts_are_all_reported() {
    Test::new()
        .quotes(
            "  - id: ready\n    speaker: jen-psaki\n    text: We're ready.\n  - id: ready\n    speaker: boris-johnson\n    text: \"\"\n",
        )
        .article("a.txt", "x")
        .run()
        .status(2)
        .stderr_is(concat!(
            "quotecheck: error: quotes.yaml:11: duplicate quote id `ready` (first listed at line 8)\n",
            "  help: give each statement its own id\n",
            "quotecheck: error: quotes.yaml:12: quote `ready` names speaker `boris-johnson`, who is not listed under `speakers`\n",
            "  help: add the speaker under `speakers:` or correct the id\n",
            "quotecheck: error: quotes.yaml:13: quote `ready` has an empty text\n",
            "  help: give the exact wording of record\n",
        ));
}

#[test]
fn duplicate_speaker_ids_are_reported() {
    Test::new()
        .raw_quotes("speakers:\n  - id: a\n    name: A\n  - id: a\n    name: B\nquotes: []\n")
        .run()
        .status(2)
        .stderr_has("quotes.yaml:4: duplicate speaker id `a` (first listed at line 2)");
}

#[test]
fn missing_quote_list_says_how_to_fix_it() {
    Test::new()
        .article("a.txt", "x")
        .run()
        .status(2)
        .stderr_has(
            "quotecheck: error: quotes.yaml: cannot read the quote list: No such file or directory",
        )
        .stderr_has("help: pass the list with --quotes PATH");
}

#[test]
fn empty_quote_list_is_an_error() {
    Test::new()
        .raw_quotes("\n")
        .run()
        .status(2)
        .stderr_has("quotes.yaml: the quote list is empty");
}

#[test]
fn alias_bomb_is_refused() {
    let mut yaml = String::from(
        "speakers:\n  - id: s0\n    name: S\n    aliases: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for level in 1..9 {
        let items = vec![format!("*l{}", level - 1); 9].join(", ");
        yaml.push_str(&format!(
            "  - id: s{level}\n    name: S\n    aliases: &l{level} [{items}]\n"
        ));
    }
    yaml.push_str("quotes: []\n");
    Test::new()
        .raw_quotes(&yaml)
        .run()
        .status(2)
        .stderr_has("quotes.yaml:");
}

#[test]
fn quotes_option_names_another_list() {
    Test::new()
        .file(
            "lists/record.yaml",
            format!("{}quotes:\n{ONE_QUOTE}", support::SPEAKERS),
        )
        .article(
            "a.txt",
            "Jen Psaki said: \"We're ready to talk, but we won't wait forever.\"",
        )
        .args(&["--quotes", "lists/record.yaml"])
        .run()
        .status(0)
        .stdout_has("articles/a.txt:1:18: ok  exact  ready  (Jen Psaki)\n");
}

#[test]
fn a_bad_article_is_reported_and_the_others_are_checked() {
    Test::new()
        .quotes(ONE_QUOTE)
        .file("articles/latin1.txt", b"Caf\xE9 \"We're ready\"")
        .article("good.txt", "Psaki said: \"We're ready to talk, but we won't wait forever.\"")
        .run()
        .status(2)
        .stderr_is(concat!(
            "quotecheck: error: articles/latin1.txt: skipped: not valid UTF-8 (byte 0xE9 at line 1, column 4)\n",
            "  help: re-encode the file as UTF-8, e.g. `iconv -f windows-1252 -t utf-8`\n"
        ))
        .stdout_has("articles/good.txt:1:14: ok  exact  ready  (Jen Psaki)\n")
        .stdout_has("1 file skipped");
}

#[test]
fn binary_files_in_a_folder_are_skipped_with_a_warning() {
    Test::new()
        .quotes(ONE_QUOTE)
        .file("articles/photo.jpg", b"\xFF\xD8\xFF\x00\x10JFIF")
        .article("good.txt", "She said: \"We're ready to talk, but we won't wait forever.\"")
        .run()
        .status(0)
        .stderr_is("quotecheck: warning: articles/photo.jpg: skipped: binary file (NUL byte at offset 3)\n");
}

#[test]
fn hidden_and_ignored_files_are_not_walked() {
    Test::new()
        .quotes(ONE_QUOTE)
        .article(
            ".draft.txt",
            "\"We're ready to talk, but we won't wait long.\"",
        )
        .file("articles/.ignore", "old/\n")
        .article(
            "old/a.txt",
            "\"We're ready to talk, but we won't wait long.\"",
        )
        .article("good.txt", "x")
        .run()
        .status(0)
        .stdout_has("1 article checked");
}

#[test]
fn a_missing_article_path_is_an_input_error() {
    Test::new()
        .quotes(ONE_QUOTE)
        .args(&["nope.txt"])
        .run()
        .status(2)
        .stderr_has("quotecheck: error: nope.txt: skipped: no such file or directory");
}

#[test]
fn a_path_given_twice_is_checked_once() {
    Test::new()
        .quotes(ONE_QUOTE)
        .article(
            "a.txt",
            "\"We're ready to talk, but we won't wait forever.\"",
        )
        .args(&["articles/a.txt", "articles/../articles/a.txt", "articles"])
        .run()
        .status(0)
        .stdout_has("1 article checked: 1 finding");
}

#[test]
fn standard_input_is_an_article() {
    Test::new()
        .quotes(ONE_QUOTE)
        .args(&["-"])
        .stdin("Psaki: “We’re ready to talk, but we won’t wait long.”")
        .run()
        .status(1)
        .stdout_is(concat!(
            "error[QC001]: `ready` (Jen Psaki) is quoted with changed words (similarity 0.89)\n",
            " --> <stdin>:1:9\n",
            "  |\n",
            "1 | Psaki: “We’re ready to talk, but we won’t wait long.”\n",
            "  |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n",
            "  = diff: We’re ready to talk, but we won’t wait [-forever.-]{+long.+}\n",
            "\n",
            "1 article checked: 1 finding (0 exact, 0 partial, 1 drift), 0 statements not found, 1 error, 0 warnings\n",
        ));
}

#[test]
fn exit_codes_follow_fail_on() {
    let drift = "\"We're ready to talk, but we won't wait long,\" Psaki said.";
    let exact = "\"We're ready to talk, but we won't wait forever,\" Psaki said.";
    Test::new()
        .quotes(ONE_QUOTE)
        .article("a.txt", drift)
        .run()
        .status(1);
    Test::new()
        .quotes(ONE_QUOTE)
        .article("a.txt", drift)
        .args(&["--fail-on", "never"])
        .run()
        .status(0);
    Test::new()
        .quotes(ONE_QUOTE)
        .article("a.txt", exact)
        .run()
        .status(0);
    // A quotation as on record is no problem, even at `--fail-on info`; an
    // unverified quotation is one (QC005, info).
    Test::new()
        .quotes(ONE_QUOTE)
        .article("a.txt", exact)
        .args(&["--fail-on", "info"])
        .run()
        .status(0);
    Test::new()
        .quotes(ONE_QUOTE)
        .article(
            "a.txt",
            &format!("{exact}\n\n\"Nobody has recorded these words yet.\""),
        )
        .args(&["--fail-on", "info"])
        .run()
        .status(1);
    Test::new()
        .quotes(ONE_QUOTE)
        .article("a.txt", drift)
        .args(&["--exit-zero"])
        .run()
        .status(0);
    Test::new()
        .quotes(ONE_QUOTE)
        .article("a.txt", exact)
        .args(&["--fail-on", "warning"])
        .run()
        .status(0);
}

#[test]
fn usage_errors_exit_2() {
    Test::new()
        .args(&["--format", "xml"])
        .run()
        .status(2)
        .stderr_has("invalid value 'xml'");
    Test::new().only_args(&["frobnicate"]).run().status(2);
}

#[test]
fn json_output_is_the_documented_contract() {
    let out = Test::new()
        .quotes(ONE_QUOTE)
        .article(
            "a.txt",
            "Psaki said:\n“We’re ready to talk, but we won’t wait long.”",
        )
        .args(&["--format", "json"])
        .run()
        .status(1);
    let json = out.json();
    assert_eq!(json["version"], 1);
    assert_eq!(json["missing"], serde_json::json!([]));
    assert_eq!(
        json["findings"][0],
        serde_json::json!({
            "quote_id": "ready",
            "speaker": "jen-psaki",
            "speaker_name": "Jen Psaki",
            "article": "articles/a.txt",
            "date": null,
            "line": 2,
            "column": 2,
            "end_line": 2,
            "end_column": 45,
            "text": "We’re ready to talk, but we won’t wait long",
            "kind": "drift",
            "quoted": true,
            "similarity": 0.889,
            "diff": [
                {"op": "equal", "text": "We’re ready to talk, but we won’t wait"},
                {"op": "delete", "text": "forever."},
                {"op": "insert", "text": "long."}
            ],
            "edits": [],
            "changes": {"substituted": 1, "inserted": 0, "dropped": 0, "moved": 0, "negation": false, "lookalike": false},
            "attribution": {
                "status": "match",
                "speaker": "jen-psaki",
                "listed": true,
                "source": "person",
                "via": "surname",
                "cue": {"text": "Psaki said", "line": 1, "column": 1}
            },
            "rules": ["QC001"],
            "severity": "error",
            "fingerprint": "754a23f3fef136a5"
        })
    );
    assert_eq!(json["diagnostics"][0]["rule"], "QC001");
    assert_eq!(
        json["diagnostics"][0]["fingerprint"],
        json["findings"][0]["fingerprint"]
    );
    assert_eq!(
        json["summary"],
        serde_json::json!({
            "articles": 1, "skipped": 0, "findings": 1, "exact": 0, "partial": 0, "drift": 1,
            "unquoted": 0, "missing": 0, "mismatched": 0, "unattributed": 0, "unverified": 0,
            "errors": 1, "warnings": 0, "infos": 0, "suppressed": 0, "baselined": 0
        })
    );
}

#[test]
fn statements_found_nowhere_are_listed() {
    Test::new()
        .quotes(ONE_QUOTE)
        .article("a.txt", "Nothing quoted here.")
        .run()
        .status(0)
        .stdout_is("info[QC004]: not found in any article:\n  quotes.yaml:8: ready\n\n1 article checked: 0 findings (0 exact, 0 partial, 0 drift), 1 statement not found, 0 errors, 0 warnings\n");
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let drift = "\"We're ready to talk, but we won't wait long.\"";
    let coloured = Test::new()
        .quotes(ONE_QUOTE)
        .article("a.txt", drift)
        .only_args(&["check", "--color", "always"])
        .run();
    assert!(coloured.stdout.contains("\u{1b}["), "{}", coloured.stdout);
    let plain = Test::new()
        .quotes(ONE_QUOTE)
        .article("a.txt", drift)
        .only_args(&["check"])
        .env("NO_COLOR", "1")
        .run();
    assert!(!plain.stdout.contains('\u{1b}'));
    // Not a terminal: no colour either.
    let piped = Test::new()
        .quotes(ONE_QUOTE)
        .article("a.txt", drift)
        .only_args(&["check"])
        .run();
    assert!(!piped.stdout.contains('\u{1b}'));
}

#[test]
fn output_is_deterministic_whatever_the_path_order() {
    let t = || {
        Test::new()
            .quotes(ONE_QUOTE)
            .article(
                "b.txt",
                "\"We're ready to talk, but we won't wait forever.\"",
            )
            .article("a.txt", "\"We're ready to talk, but we won't wait long.\"")
    };
    let one = t()
        .args(&["articles/b.txt", "articles/a.txt", "--format", "json"])
        .run();
    let two = t()
        .args(&["articles/a.txt", "articles/b.txt", "--format", "json"])
        .run();
    assert_eq!(one.stdout, two.stdout);
    assert!(
        one.stdout.find("articles/a.txt").unwrap() < one.stdout.find("articles/b.txt").unwrap()
    );
}
