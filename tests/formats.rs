//! Every output format on the sample corpus, pinned as snapshots (insta):
//! a change to any format shows up as a reviewable diff. The SARIF output is
//! also checked against the official SARIF 2.1.0 schema with a validator.

mod support;

use support::{repo_root, run_in};

fn sample(format: &str) -> String {
    let args = [
        "check",
        "--isolated",
        "--color",
        "never",
        "--format",
        format,
    ];
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let out = run_in(&repo_root(), &args, None, &[]);
    assert_eq!(out.status, 1, "the sample holds one drift: {}", out.stderr);
    assert_eq!(out.stderr, "", "no errors on the sample");
    out.stdout
}

#[test]
fn human() {
    insta::assert_snapshot!(sample("human"));
}

#[test]
fn concise() {
    insta::assert_snapshot!(sample("concise"));
}

#[test]
fn json() {
    insta::assert_snapshot!(sample("json"));
}

#[test]
fn jsonl() {
    let out = sample("jsonl");
    for line in out.lines() {
        let record: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        assert!(record["type"].is_string(), "{line}");
    }
    insta::assert_snapshot!(out);
}

#[test]
fn github() {
    insta::assert_snapshot!(sample("github"));
}

#[test]
fn sarif() {
    insta::assert_snapshot!(sample("sarif"));
}

fn sarif_validator() -> jsonschema::Validator {
    let schema = std::fs::read_to_string(repo_root().join("tests/schemas/sarif-schema-2.1.0.json"))
        .expect("the vendored schema");
    let mut schema: serde_json::Value = serde_json::from_str(&schema).unwrap();
    // The official schema's `language` pattern ends in a stray `]`, a
    // literal bracket in ECMAScript that the validator's own check of the
    // schema refuses; escaping it keeps its meaning. (The file itself stays
    // byte for byte as published.)
    for definition in ["run", "toolComponent"] {
        let pattern = &mut schema["definitions"][definition]["properties"]["language"]["pattern"];
        assert_eq!(pattern, "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$");
        *pattern = r"^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\]?$".into();
    }
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles")
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let validator = sarif_validator();
    let sarif: serde_json::Value = serde_json::from_str(&sample("sarif")).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let rules: Vec<&str> = results
        .iter()
        .map(|r| r["ruleId"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["QC005", "QC001", "QC003", "QC004"]);
    for r in results {
        let fingerprint = r["partialFingerprints"]["quotecheck/v1"].as_str().unwrap();
        assert_eq!(fingerprint.len(), 16);
    }
}

#[test]
fn the_validator_rejects_what_is_not_sarif() {
    // The check above would be worthless if the validator accepted anything.
    let validator = sarif_validator();
    let mut sarif: serde_json::Value = serde_json::from_str(&sample("sarif")).unwrap();
    sarif["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&sarif));
    sarif["runs"][0]["results"][0]["level"] = "error".into();
    sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    assert!(!validator.is_valid(&sarif));
}

/// `--format jsonl` to standard output is streamed article by article; to a
/// file it is held and written whole. Both hold the same records and the
/// same summary, and the stream is the same for any thread count.
#[test]
fn jsonl_streamed_holds_what_the_whole_report_holds() {
    let run = |extra: &[&str]| {
        let mut args: Vec<String> = ["check", "--isolated", "--format", "jsonl"]
            .iter()
            .map(|a| a.to_string())
            .collect();
        args.extend(extra.iter().map(|a| a.to_string()));
        let out = run_in(&repo_root(), &args, None, &[]);
        assert_eq!(out.status, 1, "{}", out.stderr);
        out.stdout
    };
    let streamed = run(&["-j", "1"]);
    assert_eq!(run(&["-j", "3"]), streamed);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.jsonl");
    run(&["-o", file.to_str().unwrap()]);
    let whole = std::fs::read_to_string(&file).unwrap();
    let sorted = |text: &str| {
        let mut lines: Vec<&str> = text.lines().collect();
        let summary = lines.pop().unwrap().to_string();
        lines.sort_unstable();
        (lines.join("\n"), summary)
    };
    let (records, summary) = sorted(&streamed);
    assert!(
        summary.starts_with(r#"{"type":"summary","articles":5,"#),
        "{summary}"
    );
    assert_eq!((records, summary), sorted(&whole));
}
