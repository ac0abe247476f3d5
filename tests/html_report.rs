//! The HTML report, in a real browser: Debian's Chromium, headless, driven
//! by playwright-core (`tests/browser/report.mjs`, which only looks and
//! reports what it saw). The page must load without an error or a single
//! request beyond itself, mark every quotation of the JSON report where the
//! article prints it, in its status's colour, and show the record, the diff
//! and both speakers when a mark is pointed at and clicked. A screenshot is
//! taken.
//!
//! Needs Chromium (`apt-get install chromium`) and the npm packages
//! (`npm ci --prefix tests/browser`); `.ci/run` installs both.

mod support;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::process::Command;

use serde_json::Value;
use support::{repo_root, run_in};

/// The status a quotation is marked with (worst first, as the page does).
fn status(finding: &Value) -> &'static str {
    match (
        finding["attribution"]["status"].as_str().unwrap(),
        finding["kind"].as_str().unwrap(),
    ) {
        ("mismatch", _) => "misattributed",
        (_, "drift") => "drifted",
        ("unattributed", _) => "unattributed",
        (_, "partial") => "partial",
        _ => "verified",
    }
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What the browser saw of `page`, with the screenshot written to `shot`.
fn look(page: &Path, shot: &Path) -> Value {
    let browser = repo_root().join("tests/browser");
    assert!(
        browser.join("node_modules/playwright-core").exists(),
        "playwright-core is not installed: run `npm ci --prefix tests/browser`"
    );
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        Path::new(&chromium).exists(),
        "{chromium} not found: install Chromium (`apt-get install chromium`) or set CHROMIUM"
    );
    let out = Command::new("node")
        .arg(browser.join("report.mjs"))
        .arg(page)
        .arg(shot)
        .output()
        .expect("node runs (install Node.js)");
    assert!(
        out.status.success(),
        "the browser script failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_report_marks_every_quotation_and_shows_it_beside_the_record_in_a_browser() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let run = |args: &[&str]| {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        run_in(&repo_root(), &args, None, &[])
    };
    let written = run(&[
        "check",
        "--isolated",
        "--format",
        "html",
        "-o",
        page.to_str().unwrap(),
    ]);
    assert_eq!(written.status, 1, "{}", written.stderr);
    let report: Value =
        serde_json::from_str(&run(&["check", "--isolated", "--format", "json"]).stdout).unwrap();

    // The list, for the wording of record and the speakers' names.
    let list: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(repo_root().join("quotes.yaml")).unwrap())
            .unwrap();
    let record: HashMap<&str, &str> = list["quotes"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|q| (q["id"].as_str().unwrap(), q["text"].as_str().unwrap()))
        .collect();
    let names: HashMap<&str, &str> = list["speakers"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|s| (s["id"].as_str().unwrap(), s["name"].as_str().unwrap()))
        .collect();

    let shot = dir.path().join("report.png");
    let seen = look(&page, &shot);
    assert_eq!(seen["errors"], serde_json::json!([]), "errors in the page");
    assert_eq!(
        seen["requests"],
        serde_json::json!([]),
        "the page loads nothing"
    );
    assert_eq!(seen["title"], "quotecheck: 5 articles, 1 error");

    // What the JSON report found, article by article, in reading order.
    let mut expected: BTreeMap<&str, Vec<(u64, u64, &'static str, &Value)>> = BTreeMap::new();
    for f in report["findings"].as_array().unwrap() {
        expected
            .entry(f["article"].as_str().unwrap())
            .or_default()
            .push((
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                status(f),
                f,
            ));
    }
    for u in report["unverified"].as_array().unwrap() {
        expected
            .entry(u["article"].as_str().unwrap())
            .or_default()
            .push((
                u["line"].as_u64().unwrap(),
                u["column"].as_u64().unwrap(),
                "unverified",
                u,
            ));
    }
    let articles = seen["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 5);
    let mut colours: BTreeMap<String, String> = BTreeMap::new();
    for article in articles {
        let name = article["name"].as_str().unwrap();
        let mut want = expected.remove(name).unwrap_or_default();
        want.sort_by_key(|w| (w.0, w.1));
        let marks = article["marks"].as_array().unwrap();
        assert_eq!(marks.len(), want.len(), "{name}: one mark a quotation");
        for (mark, (line, _, status, item)) in marks.iter().zip(&want) {
            let at = format!("{name}:{line}");
            // Where the article prints it, in its status.
            assert_eq!(mark["status"], *status, "{at}");
            assert_eq!(
                mark["text"],
                squeeze(item["text"].as_str().unwrap()),
                "{at}"
            );
            for place in ["visible", "in_text", "on_top", "pinned"] {
                assert_eq!(mark[place], true, "{at}: {place}");
            }
            // Pointed at, then clicked: the inspector shows it.
            assert_eq!(mark["hovered"], mark["id"], "{at}: shown on hover");
            assert_eq!(mark["shown"], mark["id"], "{at}: shown on click");
            assert_eq!(mark["badge"], *status, "{at}");
            assert_eq!(mark["printed"], mark["text"], "{at}");
            if *status == "unverified" {
                assert_eq!(mark["attributed"], "no one", "{at}");
            } else {
                let quote = item["quote_id"].as_str().unwrap();
                assert_eq!(mark["record"], squeeze(record[quote]), "{at}");
                assert_eq!(mark["speaker_of_record"], item["speaker_name"], "{at}");
                let ops = |op: &str| -> Vec<Value> {
                    item["diff"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter(|p| p["op"] == op)
                        .map(|p| p["text"].clone())
                        .collect()
                };
                assert_eq!(mark["deleted"].as_array().unwrap(), &ops("delete"), "{at}");
                assert_eq!(mark["inserted"].as_array().unwrap(), &ops("insert"), "{at}");
                let credited = &item["attribution"];
                let who = match credited["speaker"].as_str() {
                    None => "no one".to_string(),
                    Some(id) if credited["listed"] == true => names[id].to_string(),
                    Some(written) => written.to_string(),
                };
                let shown = mark["attributed"].as_str().unwrap();
                assert!(shown.starts_with(&who), "{at}: {shown:?} credits {who:?}");
                if let Some(cue) = credited["cue"]["text"].as_str() {
                    assert!(shown.contains(cue), "{at}: {shown:?} shows the cue {cue:?}");
                }
            }
            let colour = mark["background"].as_str().unwrap().to_string();
            let before = colours.insert(status.to_string(), colour.clone());
            assert!(
                before.is_none_or(|b| b == colour),
                "{at}: one colour a status"
            );
        }
    }
    assert!(expected.is_empty(), "articles missing from the page");
    // Each status its own colour, and a visible one.
    let distinct: std::collections::HashSet<&String> = colours.values().collect();
    assert_eq!(distinct.len(), colours.len(), "{colours:?}");
    assert!(colours.values().all(|c| c != "rgba(0, 0, 0, 0)"));
    assert!(
        colours.len() >= 4,
        "the sample has most statuses: {colours:?}"
    );

    // The table across articles counts what the articles mark.
    for row in seen["summary"].as_array().unwrap() {
        let name = row["article"].as_str().unwrap();
        let article = articles.iter().find(|a| a["name"] == name).unwrap();
        for (status, count) in row["counts"].as_object().unwrap() {
            let marked = article["marks"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|m| m["status"] == *status)
                .count();
            assert_eq!(count.as_u64(), Some(marked as u64), "{name}: {status}");
        }
    }

    let png = std::fs::read(&shot).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG screenshot");
    assert!(png.len() > 20_000, "the screenshot shows the page");
}

#[test]
fn a_web_page_is_shown_in_the_report_as_its_reader_sees_it() {
    let page = "<html><head><title>Briefing</title><script>var q = \"not read\";</script></head>\n\
        <body><nav><a href=\"/\">Home</a></nav><p>&ldquo;We&#8217;re ready to talk, but we won&#8217;t\n\
        wait forever,&rdquo; <a href=\"/psaki\">Jen Psaki</a> said.</p></body></html>\n";
    let out = support::Test::new()
        .quotes(support::ONE_QUOTE)
        .file("articles/briefing.html", page)
        .args(&["--format", "html"])
        .run()
        .status(0);
    let text = out
        .stdout
        .split("<div class=\"text\">")
        .nth(1)
        .and_then(|rest| rest.split("</div>").next())
        .unwrap();
    assert_eq!(
        text,
        "“<mark class=\"q verified\" id=\"q-1-1\" data-detail=\"d-1-1\" tabindex=\"0\" role=\"button\" \
         aria-label=\"verified quotation, line 2\">We’re ready to talk, but we won’t wait forever</mark>,” \
         Jen Psaki said."
    );
}

#[test]
fn articles_of_one_name_are_listed_without_their_texts() {
    // Two records with one id: positions cannot be told apart, so neither
    // text is shown (and nothing is marked in the wrong one).
    let records = "{\"id\": \"x\", \"text\": \"Psaki said: \\u201cWe're ready to talk, but we won't wait forever.\\u201d\"}\n\
        {\"id\": \"x\", \"text\": \"Short.\"}\n";
    let out = support::Test::new()
        .quotes(support::ONE_QUOTE)
        .file("articles/wire.jsonl", records)
        .args(&["--format", "html"])
        .run()
        .status(0);
    assert!(out.stdout.contains("Several articles go by this name"));
    assert!(!out.stdout.contains("<mark"));
    assert!(
        out.stdout
            .contains("<li class=\"detail verified\" id=\"d-1-1\">")
    );
    assert!(
        !out.stdout.contains("href=\"#q-1-1\""),
        "no link to a mark that is not there"
    );
}
