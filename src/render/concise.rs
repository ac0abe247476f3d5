//! One problem a line, `path:line:col: QC002 message`: the shape compilers
//! and linters print, which editors, `grep` and CI logs already understand.

use std::fmt::Write;

use crate::report::Report;

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        let _ = writeln!(
            out,
            "{}:{}:{}: {} {}",
            d.path,
            d.line,
            d.column,
            d.rule.code(),
            d.message
        );
    }
    out
}
