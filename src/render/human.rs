//! Human output, in the style of rustc and ruff: each problem as a block that
//! names its severity and rule, points at `path:line:column`, shows the
//! article line with the quotation underlined, then the word diff and notes.
//! Quotations found as on record take one line each, so that an editor sees
//! every quote of a draft that was verified; a summary line ends the report.
//!
//! Without colour (pipes, `NO_COLOR`, `--color never`) the diff is spelled the
//! way `git diff --word-diff=plain` spells it, `[-removed-]{+added+}`, so it
//! stays readable in a CI log; edits the style guides allow are shown in
//! parentheses: `(… omitted words)`.

use std::collections::HashMap;
use std::fmt::Write;

use colored::Colorize;
use unicode_width::UnicodeWidthStr;

use crate::drift::{DiffPart, Edit, Kind, Op};
use crate::report::diagnostic::{join_diff, title, word_diff};
use crate::report::{
    Diagnostic, Excerpt, Finding, Report, Rule, Scope, Severities, Severity, Unverified, severities,
};

/// One entry of an article's listing.
enum Item<'a> {
    Finding(&'a Finding),
    Unverified(&'a Unverified, &'a Diagnostic),
    /// A problem with a suppression comment, or with the list.
    Problem(&'a Diagnostic),
}

impl Item<'_> {
    fn key(&self) -> (&str, usize, usize) {
        match self {
            Item::Finding(f) => (&f.article, f.line, f.column),
            Item::Unverified(u, _) => (&u.article, u.line, u.column),
            Item::Problem(d) => (&d.path, d.line, d.column),
        }
    }
}

pub fn render(report: &Report, color: bool) -> String {
    let paint = Paint(color);
    let mut items: Vec<Item> = report.findings.iter().map(Item::Finding).collect();
    let quotations: HashMap<(&str, usize, usize), &Unverified> = report
        .unverified
        .iter()
        .map(|u| ((u.article.as_str(), u.line, u.column), u))
        .collect();
    let severities = severities(&report.diagnostics);
    for d in &report.diagnostics {
        match d.rule {
            Rule::Drift | Rule::Misattribution | Rule::Unattributed | Rule::Missing => {}
            Rule::Unverified => {
                // The quotation the diagnostic is about.
                if let Some(u) = quotations.get(&(d.path.as_str(), d.line, d.column)) {
                    items.push(Item::Unverified(u, d));
                }
            }
            _ => items.push(Item::Problem(d)),
        }
    }
    // Stable: entries at one position keep the order above.
    items.sort_by(|a, b| a.key().cmp(&b.key()));
    let mut out = String::new();
    let mut article: Option<&str> = None;
    for item in &items {
        let (name, _, _) = item.key();
        // A blank line between articles, and around each block.
        let block = !matches!(item, Item::Finding(f) if f.rules.is_empty());
        if (block || article.is_some_and(|a| a != name))
            && !out.is_empty()
            && !out.ends_with("\n\n")
        {
            out.push('\n');
        }
        article = Some(name);
        match item {
            Item::Finding(f) if f.rules.is_empty() => verified(&mut out, f, paint),
            Item::Finding(f) => finding(&mut out, f, &severities, paint),
            Item::Unverified(u, d) => unverified(&mut out, u, d, paint),
            Item::Problem(d) => problem(&mut out, d, paint),
        }
    }
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    missing(&mut out, report, paint);
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    let _ = writeln!(out, "{}", summary(report));
    out
}

/// Colours, or none.
#[derive(Clone, Copy)]
pub(super) struct Paint(pub(super) bool);

impl Paint {
    pub(super) fn with(self, s: &str, style: impl Fn(&str) -> colored::ColoredString) -> String {
        if self.0 {
            style(s).to_string()
        } else {
            s.to_string()
        }
    }

    fn severity(self, severity: Severity, rule: Rule) -> String {
        let label = format!("{}[{}]", severity.as_str(), rule.code());
        match severity {
            Severity::Error => self.with(&label, |s| s.red().bold()),
            Severity::Warning => self.with(&label, |s| s.yellow().bold()),
            Severity::Info => self.with(&label, |s| s.blue().bold()),
        }
    }

    fn gutter(self, s: &str) -> String {
        self.with(s, |s| s.blue().bold())
    }
}

/// A quotation as on record: one line.
fn verified(out: &mut String, f: &Finding, paint: Paint) {
    let kind = match (f.kind, f.quoted) {
        (Kind::Exact, true) => paint.with("exact", |s| s.green()),
        (Kind::Partial, true) => paint.with("partial", |s| s.green()),
        (kind, true) => kind.as_str().to_string(),
        (kind, false) => paint.with(&format!("{} (unquoted)", kind.as_str()), |s| s.cyan()),
    };
    let _ = write!(
        out,
        "{}:{}:{}: {}  {kind}  {}  ({})",
        f.article,
        f.line,
        f.column,
        paint.with("ok", |s| s.green()),
        f.quote_id,
        f.speaker_name
    );
    let notes = notes(f);
    if !notes.is_empty() {
        let _ = write!(out, "  [{}]", notes.join("; "));
    }
    for (rules, how) in [
        (&f.suppressed, "suppressed"),
        (&f.baselined, "in the baseline"),
    ] {
        if !rules.is_empty() {
            let codes: Vec<&str> = rules.iter().map(|r| r.code()).collect();
            let _ = write!(out, "  ({} {how})", codes.join(", "));
        }
    }
    out.push('\n');
}

/// A quotation with problems: a block for the worst, notes for the others.
fn finding(out: &mut String, f: &Finding, severities: &Severities, paint: Paint) {
    let severity_of = |rule: Rule| {
        let at = (
            f.article.as_str(),
            f.line,
            f.column,
            Some(f.quote_id.as_str()),
            rule,
        );
        severities.get(&at).copied().unwrap_or(f.severity)
    };
    let mut rules = f.rules.clone();
    rules.sort_by_key(|&r| std::cmp::Reverse(severity_of(r)));
    let first = rules[0];
    let _ = writeln!(
        out,
        "{}: {}",
        paint.severity(severity_of(first), first),
        paint.with(&title(f, first), |s| s.bold())
    );
    location(out, &f.article, f.line, f.column, paint);
    excerpt(out, &f.excerpt, paint);
    let eq = format!(
        "{} {}",
        " ".repeat(f.line.to_string().len()),
        paint.gutter("=")
    );
    if rules.contains(&Rule::Drift) {
        let _ = writeln!(out, "{eq} diff: {}", diff(&f.diff, paint));
    }
    for &rule in &rules[1..] {
        let _ = writeln!(
            out,
            "{eq} {}: {}",
            paint.severity(severity_of(rule), rule),
            title(f, rule)
        );
    }
    for note in notes(f) {
        let _ = writeln!(out, "{eq} note: {note}");
    }
    out.push('\n');
}

fn unverified(out: &mut String, u: &Unverified, d: &Diagnostic, paint: Paint) {
    let credit = match &u.display {
        Some(name) => format!("credited to {name}"),
        None => "credited to no one".to_string(),
    };
    let _ = writeln!(
        out,
        "{}: {}",
        paint.severity(d.severity, d.rule),
        paint.with(
            &format!("quotation matches no statement of the list ({credit})"),
            |s| s.bold()
        )
    );
    location(out, &u.article, u.line, u.column, paint);
    excerpt(out, &u.excerpt, paint);
    out.push('\n');
}

/// A problem with no excerpt to show (a comment, the list): as rustc
/// shows a diagnostic without a snippet.
fn problem(out: &mut String, d: &Diagnostic, paint: Paint) {
    let _ = writeln!(
        out,
        "{}: {}",
        paint.severity(d.severity, d.rule),
        paint.with(&d.message, |s| s.bold())
    );
    let _ = writeln!(
        out,
        " {} {}:{}:{}",
        paint.gutter("-->"),
        d.path,
        d.line,
        d.column
    );
    let _ = writeln!(out, "  {} help: {}\n", paint.gutter("="), d.rule.help());
}

/// `--> path:line:column`, indented like rustc's: as wide as the line
/// number in the excerpt below it.
fn location(out: &mut String, path: &str, line: usize, column: usize, paint: Paint) {
    let pad = " ".repeat(line.to_string().len());
    let _ = writeln!(out, "{pad}{} {path}:{line}:{column}", paint.gutter("-->"));
}

/// The article line with the quotation underlined:
///
/// ```text
///    |
/// 12 | …the ministry said. "We are ready," he added
///    |                      ^^^^^^^^^^^^
/// ```
fn excerpt(out: &mut String, e: &Excerpt, paint: Paint) {
    let number = e.line.to_string();
    let pad = " ".repeat(number.len());
    let bar = paint.gutter("|");
    let before = format!("{}{}", if e.cut_before { "…" } else { "" }, e.before);
    let after = format!("{}{}", e.after, if e.cut_after { "…" } else { "" });
    let marks = "^".repeat(e.marked.width().max(1));
    let _ = writeln!(out, "{pad} {bar}");
    let _ = writeln!(
        out,
        "{} {bar} {before}{}{after}",
        paint.gutter(&number),
        e.marked
    );
    let more = if e.continues { " …" } else { "" };
    let _ = writeln!(
        out,
        "{pad} {bar} {}{}{more}",
        " ".repeat(before.width()),
        paint.with(&marks, |s| s.red().bold())
    );
}

/// What else a reader should know about an appearance.
fn notes(f: &Finding) -> Vec<String> {
    let mut notes = Vec::new();
    if f.changes.negation {
        notes.push("a negation was added or removed".to_string());
    }
    if f.changes.lookalike {
        notes.push("a letter was replaced by a look-alike from another script".to_string());
    }
    if f.changes.moved > 0 {
        notes.push(format!("{} word(s) moved", f.changes.moved));
    }
    if !f.edits.is_empty() {
        let edits: Vec<&str> = f
            .edits
            .iter()
            .map(|e| match e {
                Edit::Ellipsis => "ellipsis",
                Edit::Brackets => "brackets",
                Edit::Split => "split quotation",
            })
            .collect();
        notes.push(format!("edits: {}", edits.join(", ")));
    }
    if f.unclosed {
        notes.push("the quotation is never closed".to_string());
    }
    notes
}

/// Statements found in no article, at their lines in the list.
fn missing(out: &mut String, report: &Report, paint: Paint) {
    let missing: Vec<&Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == Rule::Missing)
        .collect();
    let Some(first) = missing.first() else {
        return;
    };
    let _ = writeln!(
        out,
        "{}: {}",
        paint.severity(first.severity, Rule::Missing),
        paint.with("not found in any article:", |s| s.bold())
    );
    for d in missing {
        let id = d.quote_id.as_deref().unwrap_or_default();
        let _ = writeln!(out, "  {}:{}: {id}", d.path, d.line);
    }
}

pub(super) fn diff(parts: &[DiffPart], paint: Paint) -> String {
    if !paint.0 {
        return word_diff(parts);
    }
    join_diff(parts, |p| match (p.op, p.edit) {
        (Op::Equal, _) => p.text.clone(),
        (Op::Delete, Some(_)) => p.text.dimmed().strikethrough().to_string(),
        (Op::Delete, None) => p.text.red().strikethrough().to_string(),
        (Op::Insert, Some(_)) => p.text.dimmed().to_string(),
        (Op::Insert, None) => p.text.green().underline().to_string(),
    })
}

pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn summary(report: &Report) -> String {
    let s = &report.summary;
    let problems = format!(
        "{}, {}",
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings")
    );
    if report.scope == Scope::List {
        return format!("quote list checked: {problems}");
    }
    let mut line = format!(
        "{} checked: {} ({} exact, {} partial, {} drift",
        plural(s.articles, "article", "articles"),
        plural(s.findings, "finding", "findings"),
        s.exact,
        s.partial,
        s.drift
    );
    if s.unquoted > 0 {
        let _ = write!(line, "; {} unquoted", s.unquoted);
    }
    line.push(')');
    if s.mismatched > 0 {
        let _ = write!(line, ", {} misattributed", s.mismatched);
    }
    if s.unattributed > 0 {
        let _ = write!(line, ", {} unattributed", s.unattributed);
    }
    if s.unverified > 0 {
        let _ = write!(
            line,
            ", {} unverified",
            plural(s.unverified, "quotation", "quotations")
        );
    }
    let _ = write!(
        line,
        ", {} not found, {problems}",
        plural(s.missing, "statement", "statements"),
    );
    if s.suppressed > 0 {
        let _ = write!(line, ", {} suppressed", s.suppressed);
    }
    if s.baselined > 0 {
        let _ = write!(line, ", {} in the baseline", s.baselined);
    }
    if s.skipped > 0 {
        let _ = write!(line, ", {} skipped", plural(s.skipped, "file", "files"));
    }
    line
}
