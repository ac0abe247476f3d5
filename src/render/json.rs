//! The JSON contract: the report as one pretty-printed document, keys in a
//! fixed order, ending in a newline.

use crate::report::Report;

pub fn render(report: &Report) -> String {
    let mut out = serde_json::to_string_pretty(report).expect("a report always serializes");
    out.push('\n');
    out
}
