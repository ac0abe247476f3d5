//! GitHub Actions workflow commands: `::error file=…,line=…::message` per
//! problem, which GitHub shows as annotations on the pull request's diff. It
//! shows only the first few of a run, so the whole human report follows.

use std::fmt::Write;

use crate::report::{Report, Severity};

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            property(&d.path),
            d.line,
            d.column,
            d.end_line,
            d.end_column,
            property(&format!("{} {}", d.rule.code(), d.rule.name())),
            data(&d.message)
        );
    }
    out.push_str(&super::human::render(report, false));
    out
}

/// Escapes a command's message (GitHub's `escapeData`).
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value (GitHub's `escapeProperty`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_are_escaped() {
        assert_eq!(data("50% off\nnow"), "50%25 off%0Anow");
        assert_eq!(property("a,b:c.txt"), "a%2Cb%3Ac.txt");
    }
}
