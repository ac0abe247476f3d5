//! SARIF 2.1.0, the format code-scanning dashboards read (GitHub code
//! scanning, Azure DevOps, VS Code's SARIF viewer). Every rule is listed with
//! its stable id; each result carries a `partialFingerprints` entry built from
//! the statement and its printed words, not the line, so that an alert
//! survives paragraphs being added above it.

use serde_json::{Value, json};

use crate::report::{Diagnostic, Level, Report, Rule, Severity};

/// The schema the output is valid against (checked in the tests).
const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

pub fn render(report: &Report) -> String {
    let rules: Vec<Value> = Rule::ALL.iter().map(|&r| rule(r)).collect();
    let results: Vec<Value> = report.diagnostics.iter().map(result).collect();
    let sarif = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "quotecheck",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            // Columns count characters, as in the other formats.
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut out = serde_json::to_string_pretty(&sarif).expect("SARIF always serializes");
    out.push('\n');
    out
}

fn rule(r: Rule) -> Value {
    let level = match r.default_level() {
        Level::Off => "none",
        Level::Info => "note",
        Level::Warning => "warning",
        Level::Error => "error",
    };
    json!({
        "id": r.code(),
        "name": r.name(),
        "shortDescription": { "text": r.summary() },
        "help": { "text": r.help() },
        "defaultConfiguration": { "level": level },
    })
}

fn result(d: &Diagnostic) -> Value {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    };
    let mut region = json!({ "startLine": d.line, "startColumn": d.column });
    // An empty region (a statement's line in the list) has no end.
    if (d.end_line, d.end_column) > (d.line, d.column) {
        region["endLine"] = json!(d.end_line);
        region["endColumn"] = json!(d.end_column);
    }
    json!({
        "ruleId": d.rule.code(),
        "ruleIndex": d.rule as usize,
        "level": level,
        "message": { "text": d.message },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": uri(&d.path), "uriBaseId": "%SRCROOT%" },
                "region": region,
            }
        }],
        "partialFingerprints": { "quotecheck/v1": d.fingerprint },
    })
}

/// A relative URI reference for a path: `/` separators, and everything but
/// unreserved characters percent-encoded (RFC 3986).
fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.replace('\\', "/").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("articles/a b.txt"), "articles/a%20b.txt");
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
        assert_eq!(uri("dir\\é.md"), "dir/%C3%A9.md");
    }
}
