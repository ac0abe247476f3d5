//! JSON Lines: one record a line, for streams and `jq -c`. Each record has a
//! `type` (`finding`, `unverified`, `missing`, `skipped`, `diagnostic`,
//! `summary`) and otherwise the fields of the JSON report's entries; the
//! summary comes last. A streamed run writes [`records`] of each piece of
//! the report as it is done, and the [`summary`] at the end.

use serde::Serialize;

use crate::report::{Report, Summary};

#[derive(Serialize)]
struct Record<'a, T: Serialize> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(flatten)]
    record: &'a T,
}

#[derive(Serialize)]
struct Missing<'a> {
    quote_id: &'a str,
}

pub fn render(report: &Report) -> String {
    let mut out = records(report);
    out.push_str(&summary(&report.summary));
    out
}

/// A report's records without its summary: one piece of a streamed run
/// (see [`crate::check::Checker::stream`]), whose summary comes at the end.
pub fn records(report: &Report) -> String {
    let mut out = String::new();
    let mut line = |kind: &'static str, record: &dyn erased::Line| {
        out.push_str(&record.line(kind));
        out.push('\n');
    };
    for f in &report.findings {
        line("finding", f);
    }
    for u in &report.unverified {
        line("unverified", u);
    }
    for id in &report.missing {
        line("missing", &Missing { quote_id: id });
    }
    for s in &report.skipped {
        line("skipped", s);
    }
    for d in &report.diagnostics {
        line("diagnostic", d);
    }
    out
}

/// The closing record.
pub fn summary(summary: &Summary) -> String {
    let mut out = erased::Line::line(summary, "summary");
    out.push('\n');
    out
}

/// Serializes any record with its `type`, without generic closures.
mod erased {
    use super::Record;

    pub trait Line {
        fn line(&self, kind: &'static str) -> String;
    }

    impl<T: serde::Serialize> Line for T {
        fn line(&self, kind: &'static str) -> String {
            serde_json::to_string(&Record { kind, record: self })
                .expect("a report always serializes")
        }
    }
}
