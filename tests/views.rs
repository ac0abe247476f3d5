//! `quotecheck show ID` and `quotecheck list`: a statement followed across
//! the corpus, and the list counted, on the sample corpus and on articles
//! written for the purpose.

mod support;

use support::{ONE_QUOTE, Test, repo_root, run_in};

fn sample(args: &[&str]) -> support::Output {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    run_in(&repo_root(), &args, None, &[])
}

#[test]
fn show_prints_the_record_and_each_appearance_with_its_diff_and_credit() {
    let out = sample(&[
        "show",
        "psaki-attack-at-any-point",
        "--isolated",
        "--color",
        "never",
    ]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn list_counts_every_statement_and_names_those_found_nowhere() {
    let out = sample(&["list", "--isolated", "--color", "never"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn list_as_json_counts_by_kind() {
    let out = sample(&["list", "--isolated", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let statements = json["statements"].as_array().unwrap();
    let of = |id: &str| {
        statements
            .iter()
            .find(|s| s["quote_id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(of("psaki-attack-at-any-point")["drift"], 1);
    assert_eq!(of("blinken-de-escalation-progress")["exact"], 1);
    assert_eq!(of("blinken-de-escalation-progress")["partial"], 1);
    assert_eq!(of("blinken-no-major-breakthroughs")["total"], 0);
}

#[test]
fn appearances_come_oldest_article_first_and_undated_last() {
    let exact = "\"We're ready to talk, but we won't wait forever,\" Psaki said.\n";
    let drifted = "\"We are ready to talk, but we will not wait forever,\" Psaki said.\n";
    let misattributed = "\"We're ready to talk, but we won't wait forever,\" Blinken said.\n";
    let out = Test::new()
        .quotes(ONE_QUOTE)
        .article("notes.txt", exact)
        .article("wire-2022-01-20-update.txt", misattributed)
        .article("2022-01-18-first.txt", drifted)
        .only_args(&["show", "ready", "--isolated", "--format", "json"])
        .run()
        .status(0);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let order: Vec<(String, String)> = json["appearances"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["article"].as_str().unwrap().to_string(),
                a["date"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect();
    assert_eq!(
        order,
        [
            ("articles/2022-01-18-first.txt".into(), "2022-01-18".into()),
            (
                "articles/wire-2022-01-20-update.txt".into(),
                "2022-01-20".into()
            ),
            ("articles/notes.txt".into(), "-".into()),
        ]
    );
    assert_eq!(json["appearances"][0]["kind"], "drift");
    assert_eq!(json["appearances"][1]["attribution"]["status"], "mismatch");
    assert_eq!(
        json["text"],
        "We're ready to talk, but we won't wait forever."
    );
}

#[test]
fn an_article_s_own_date_comes_before_the_one_in_its_name() {
    let quote = "“We're ready to talk, but we won't wait forever,” Jen Psaki said.";
    let page = format!(
        "<html><head><meta property=\"article:published_time\" content=\"2022-01-05T10:00:00Z\"></head>\n\
         <body><p>{quote}</p></body></html>\n"
    );
    let records = [("late", "2022-01-25"), ("early", "2022-01-03T08:00")]
        .iter()
        .map(|(id, date)| {
            format!(
                "{}\n",
                serde_json::json!({"id": id, "text": quote, "date": date})
            )
        })
        .collect::<String>();
    let out = Test::new()
        .quotes(ONE_QUOTE)
        .article("2022-01-30-page.html", &page)
        .article("wire.jsonl", &records)
        .only_args(&["show", "ready", "--isolated", "--format", "json"])
        .run()
        .status(0);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let order: Vec<(&str, &str)> = json["appearances"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["article"].as_str().unwrap(), a["date"].as_str().unwrap()))
        .collect();
    assert_eq!(
        order,
        [
            ("articles/wire.jsonl#early", "2022-01-03"),
            ("articles/2022-01-30-page.html", "2022-01-05"),
            ("articles/wire.jsonl#late", "2022-01-25"),
        ]
    );
}

#[test]
fn an_unknown_id_is_an_error_with_the_closest_id() {
    Test::new()
        .quotes(ONE_QUOTE)
        .article("a.txt", "Nothing quoted.\n")
        .only_args(&["show", "redy", "--isolated"])
        .run()
        .status(2)
        .stdout_is("")
        .stderr_is(
            "quotecheck: error: quotes.yaml: no statement with id `redy`\n  help: did you mean `ready`? (`quotecheck list` shows every id)\n",
        );
}

#[test]
fn init_writes_a_starter_that_checks_clean_and_never_overwrites() {
    let t = Test::new().cwd("desk");
    t.run_with(&["init"])
        .status(0)
        .stderr_has("quotecheck: wrote ./quotes.yaml\n")
        .stderr_has("quotecheck: wrote ./articles/example.md\n");
    t.run_with(&["validate", "--color", "never"])
        .status(0)
        .stdout_is("quote list checked: 0 errors, 0 warnings\n");
    t.run_with(&["check", "--color", "never", "--fail-on", "info"])
        .status(0)
        .stdout_has(
            "articles/example.md:3:67: ok  exact  psaki-attack-at-any-point  (Jen Psaki)\n",
        );
    t.rewrite("desk/quotes.yaml", "mine\n");
    t.run_with(&["init"]).status(2).stderr_has(
        "not written: ./quotes.yaml, ./quotecheck.toml, ./articles/example.md already exist",
    );
    assert_eq!(t.read("desk/quotes.yaml"), "mine\n");
}

/// Long runs show a progress bar on stderr when it is a terminal (a
/// pseudo-terminal here, by `script`), and clear it before the report.
#[test]
fn a_progress_bar_is_drawn_on_a_terminal_and_cleared() {
    if !cfg!(debug_assertions) {
        eprintln!("skipped: the bar's delay is shortened in debug builds only");
        return;
    }
    let mut t = Test::new().quotes(ONE_QUOTE);
    for i in 0..40 {
        t = t.article(&format!("a{i:02}.txt"), "Nothing quoted here.\n");
    }
    let binary = env!("CARGO_BIN_EXE_quotecheck");
    let out = std::process::Command::new("script")
        .args([
            "-qec",
            &format!("{binary} check --isolated -j 1 --color never"),
            "/dev/null",
        ])
        .current_dir(t.path())
        .env("QUOTECHECK_PROGRESS_AFTER_MS", "0")
        .env_remove("CI")
        .output()
        .expect("script (util-linux) gives the run a terminal");
    let screen = String::from_utf8_lossy(&out.stdout);
    assert!(screen.contains("] 40/40 articles"), "{screen:?}");
    assert!(screen.contains("\r\u{1b}[2K"), "{screen:?}");
    assert!(
        screen.contains("40 articles checked: 0 findings"),
        "{screen:?}"
    );
}

/// What `quotecheck suggest` prints for these articles (and one statement).
fn suggested(articles: &[(&str, &str)]) -> String {
    articles
        .iter()
        .fold(Test::new().quotes(ONE_QUOTE), |t, (name, text)| {
            t.article(name, text)
        })
        .only_args(&["suggest", "--isolated"])
        .run()
        .status(0)
        .stdout
}

#[test]
fn suggest_proposes_quotations_printed_in_two_articles_and_off_the_list() {
    assert_eq!(
        suggested(&[
            (
                "a.txt",
                "\u{201c}Diplomacy is the only way out of this crisis,\u{201d} Blinken said.\n\
                 \"A quotation printed only once is not suggested,\" Blinken added.\n",
            ),
            (
                "b.txt",
                "\"Nobody credits these words at all anywhere.\"\n\n\
                 Antony Blinken said: \"Diplomacy is the ONLY way out of this crisis.\"\n",
            ),
            ("c.txt", "\"Nobody credits these words at all anywhere.\"\n"),
        ]),
        "# quotecheck suggest: 2 quotations printed in two or more articles are not on the list.
# Check each against its source before pasting it under `quotes:`: the
# wording of record is the speaker's, not an article's.
  - id: antony-blinken-diplomacy-is-the-only
    speaker: antony-blinken
    text: \"Diplomacy is the only way out of this crisis\"
    # printed 2 times: articles/a.txt:1:2, articles/b.txt:3:23
  - id: unlisted-nobody-credits-these-words
    speaker: TODO   # no article credits anyone
    text: \"Nobody credits these words at all anywhere.\"
    # printed 2 times: articles/b.txt:1:2, articles/c.txt:1:2
"
    );
}

#[test]
fn suggest_joins_a_part_printed_in_one_article_to_the_whole_printed_in_another() {
    assert_eq!(
        suggested(&[
            (
                "a.txt",
                "\"We will not accept any deal that is made over the heads of Ukrainians,\" Zelensky said.\n",
            ),
            (
                "b.txt",
                "Zelensky said he would \"not accept any deal that is made\" behind Kyiv's back.\n",
            ),
            (
                "c.txt",
                "A deal that \"is made over the heads of Ukrainians\" would fail, Zelensky said.\n",
            ),
        ]),
        "# quotecheck suggest: 1 quotation printed in two or more articles is not on the list.
# Check each against its source before pasting it under `quotes:`: the
# wording of record is the speaker's, not an article's.
  - id: unlisted-we-will-not-accept
    speaker: TODO   # printed as \"Zelensky\": add them under `speakers:` first
    text: \"We will not accept any deal that is made over the heads of Ukrainians\"
    # printed 3 times (2 in part): articles/a.txt:1:2, articles/b.txt:1:25, articles/c.txt:1:14
"
    );
}

#[test]
fn init_writes_nothing_where_a_file_stands_for_a_folder() {
    let t = Test::new()
        .cwd("desk")
        .file("desk/articles", "a file, not a folder\n");
    t.run_with(&["init"])
        .status(2)
        .stderr_has("not written: ./articles already exists");
    assert!(!t.path().join("desk/quotes.yaml").exists());
}
