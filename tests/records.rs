//! JSON Lines corpora: archives kept as records (`{"id": ..., "text": ...}`
//! per line), from a file or standard input. Each record is checked as the
//! article file it would otherwise be.

mod support;

use serde_json::{Value, json};
use support::{Test, repo_root, run_in};

/// The sample articles as one JSON Lines corpus, ids being the file names.
fn sample_records() -> String {
    let mut names: Vec<_> = std::fs::read_dir(repo_root().join("articles"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
        .iter()
        .map(|name| {
            let text = std::fs::read_to_string(repo_root().join("articles").join(name)).unwrap();
            format!(
                "{}\n",
                json!({"id": name, "text": text, "outlet": "sample"})
            )
        })
        .collect()
}

/// Findings and unverified quotations of a JSON report, with article names
/// reduced to what follows `articles/` or `#`.
fn results(report: &str) -> Value {
    let mut report: Value = serde_json::from_str(report).unwrap();
    for list in ["findings", "unverified"] {
        for item in report[list].as_array_mut().unwrap() {
            let name = item["article"].as_str().unwrap();
            let short = name.rsplit(['/', '#']).next().unwrap().to_string();
            item["article"] = json!(short);
        }
    }
    json!({"findings": report["findings"], "unverified": report["unverified"]})
}

#[test]
fn a_records_corpus_finds_what_the_article_files_find() {
    let args = |extra: &[&str]| -> Vec<String> {
        ["check", "--isolated", "--format", "json"]
            .iter()
            .chain(extra)
            .map(|s| s.to_string())
            .collect()
    };
    let files = run_in(&repo_root(), &args(&[]), None, &[]);
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("sample.jsonl");
    std::fs::write(&corpus, sample_records()).unwrap();
    let from_file = run_in(
        &repo_root(),
        &args(&[corpus.to_str().unwrap(), "-j", "2"]),
        None,
        &[],
    );
    let from_stdin = run_in(
        &repo_root(),
        &args(&["-", "--input-format", "jsonl"]),
        Some(sample_records().into_bytes()),
        &[],
    );
    assert_eq!(files.status, 1, "{}", files.stderr);
    let expected = results(&files.stdout);
    assert!(!expected["findings"].as_array().unwrap().is_empty());
    assert_eq!(results(&from_file.stdout), expected);
    assert_eq!(results(&from_stdin.stdout), expected);
    let names: Value = serde_json::from_str(&from_stdin.stdout).unwrap();
    assert!(
        names["findings"][0]["article"]
            .as_str()
            .unwrap()
            .starts_with("<stdin>#")
    );
}

#[test]
fn a_bad_record_is_skipped_by_line_and_the_others_are_checked() {
    Test::new()
        .quotes(support::ONE_QUOTE)
        .file(
            "archive.jsonl",
            concat!(
                r#"{"id": "a1", "text": "\"We're ready to talk, but we won't wait forever,\" Psaki said."}"#,
                "\n{\"id\": \"a2\"}\n",
                "not json\n",
                r#"{"id": 4, "text": "\"We're ready to talk, but we will wait forever,\" Psaki said."}"#,
                "\n",
            ),
        )
        .args(&["--format", "concise", "archive.jsonl"])
        .run()
        .status(2)
        .stdout_is(
            "archive.jsonl#4:1:2: QC001 `ready` (Jen Psaki) is quoted with changed words (similarity 0.89): We're ready to talk, but we [-won't-]{+will+} wait forever,\n",
        )
        .stderr_is(concat!(
            "quotecheck: error: archive.jsonl:2: skipped: not a record: missing field `text` at column 12\n",
            "  help: each line of a JSON Lines corpus is one article: {\"id\": \"a1\", \"text\": \"...\"}\n",
            "quotecheck: error: archive.jsonl:3: skipped: not a record: expected ident at column 2\n",
            "  help: each line of a JSON Lines corpus is one article: {\"id\": \"a1\", \"text\": \"...\"}\n",
        ));
}
