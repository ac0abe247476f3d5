//! Human output: findings grouped by article, each on a line that starts
//! with `path:line:column`, with its kind and statement, the word diff for
//! drift, the attribution when it is wrong or missing, and a one-line
//! summary.
//!
//! Without colour (pipes, `NO_COLOR`, `--color never`) the diff is spelled the
//! way `git diff --word-diff=plain` spells it, `[-removed-]{+added+}`, so it
//! stays readable in a CI log; edits the style guides allow are shown in
//! parentheses: `(… omitted words)`.

use std::fmt::Write;

use colored::Colorize;

use crate::attribution::Status;
use crate::drift::{DiffPart, Edit, Kind, Op};
use crate::report::{Finding, Report, Severity, Unverified};
use crate::text::squeeze;

/// Printed text longer than this is shortened in the listing; the JSON
/// output always has it whole.
const MAX_SHOWN_CHARS: usize = 160;

/// One line of an article's listing.
enum Item<'a> {
    Finding(&'a Finding),
    Unverified(&'a Unverified),
}

impl Item<'_> {
    fn key(&self) -> (&str, usize, usize) {
        match self {
            Item::Finding(f) => (&f.article, f.line, f.column),
            Item::Unverified(u) => (&u.article, u.line, u.column),
        }
    }
}

pub fn render(report: &Report, color: bool) -> String {
    let mut items: Vec<Item> = report.findings.iter().map(Item::Finding).collect();
    items.extend(report.unverified.iter().map(Item::Unverified));
    // Stable: a finding and an unverified quotation never share a position.
    items.sort_by(|a, b| a.key().cmp(&b.key()));
    let mut out = String::new();
    let mut article: Option<&str> = None;
    for item in &items {
        let (name, _, _) = item.key();
        // One block per article: every line starts with `path:line:column`,
        // which terminals and editors open at the spot.
        if article != Some(name) {
            if article.is_some() {
                out.push('\n');
            }
            article = Some(name);
        }
        match item {
            Item::Finding(f) => finding(&mut out, f, color),
            Item::Unverified(u) => unverified(&mut out, u, color),
        }
    }
    // With no article checked, every statement is "missing": saying so
    // would bury the reason (the errors on stderr).
    if !report.missing.is_empty() && report.summary.articles > 0 {
        if article.is_some() {
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "{}",
            paint("Not found in any article:", color, |s| s.bold())
        );
        for id in &report.missing {
            let _ = writeln!(out, "  {id}");
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    let _ = writeln!(out, "{}", summary(report));
    out
}

fn unverified(out: &mut String, u: &Unverified, color: bool) {
    let credit = match &u.display {
        Some(name) => format!("attributed to {name}"),
        None => "attributed to no one".to_string(),
    };
    let _ = writeln!(
        out,
        "{}:{}:{}: {}  {}  ({credit})",
        u.article,
        u.line,
        u.column,
        paint("info", color, |s| s.dimmed()),
        paint("unverified", color, |s| s.blue()),
    );
    let _ = writeln!(out, "      {}", shorten(&squeeze(&u.text)));
}

fn paint(s: &str, color: bool, style: impl Fn(&str) -> colored::ColoredString) -> String {
    if color {
        style(s).to_string()
    } else {
        s.to_string()
    }
}

fn finding(out: &mut String, f: &Finding, color: bool) {
    let kind = match (f.kind, f.quoted) {
        (Kind::Drift, _) => paint("drift", color, |s| s.red().bold()),
        (Kind::Partial, true) => paint("partial", color, |s| s.yellow()),
        (Kind::Exact, true) => paint("exact", color, |s| s.green()),
        (kind, false) => paint(&format!("{} (unquoted)", kind.as_str()), color, |s| {
            s.cyan()
        }),
    };
    let kind = match f.attribution.status {
        Status::Mismatch => format!(
            "{kind}, {}",
            paint("misattributed", color, |s| s.red().bold())
        ),
        Status::Unattributed => format!("{kind}, {}", paint("unattributed", color, |s| s.yellow())),
        Status::Match => kind,
    };
    let severity = match f.severity {
        Severity::Error => paint("error", color, |s| s.red().bold()),
        Severity::Warning => paint("warning", color, |s| s.yellow().bold()),
        Severity::Info => paint("info", color, |s| s.dimmed()),
    };
    let _ = write!(
        out,
        "{}:{}:{}: {severity}  {kind}  {}  ({})",
        f.article, f.line, f.column, f.quote_id, f.speaker_name
    );
    if f.kind == Kind::Drift {
        let _ = write!(out, "  similarity {:.2}", f.similarity);
    }
    out.push('\n');
    let mut notes = Vec::new();
    let a = &f.attribution;
    match (a.status, &a.display, &a.cue) {
        (Status::Mismatch, Some(name), Some(cue)) => notes.push(format!(
            "attributed to {name} (\"{}\", line {}), but the record says {}",
            cue.text, cue.line, f.speaker_name
        )),
        (Status::Mismatch, Some(name), None) => notes.push(format!(
            "attributed to {name} (continuing the quotation before), but the record says {}",
            f.speaker_name
        )),
        (Status::Unattributed, _, _) => notes.push(format!(
            "attributed to no one; the record says {}",
            f.speaker_name
        )),
        _ => {}
    }
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
    if f.kind == Kind::Drift {
        let _ = writeln!(out, "      {}", diff(&f.diff, color));
    } else {
        let _ = writeln!(out, "      {}", shorten(&squeeze(&f.text)));
    }
    if !notes.is_empty() {
        let _ = writeln!(out, "      = {}", notes.join("; "));
    }
}

fn diff(parts: &[DiffPart], color: bool) -> String {
    let rendered: Vec<String> = parts
        .iter()
        .map(|p| match (p.op, p.edit, color) {
            (Op::Equal, _, _) => p.text.clone(),
            (Op::Delete, Some(_), true) => p.text.dimmed().strikethrough().to_string(),
            (Op::Delete, Some(Edit::Ellipsis), false) => format!("(… {})", p.text),
            (Op::Delete, Some(_), false) => format!("({})", p.text),
            (Op::Delete, None, true) => p.text.red().strikethrough().to_string(),
            (Op::Delete, None, false) => format!("[-{}-]", p.text),
            (Op::Insert, Some(_), true) => p.text.dimmed().to_string(),
            (Op::Insert, Some(_), false) => p.text.clone(),
            (Op::Insert, None, true) => p.text.green().underline().to_string(),
            (Op::Insert, None, false) => format!("{{+{}+}}", p.text),
        })
        .collect();
    // A deletion and the insertion that replaces it stand together, as in
    // `git diff --word-diff`: `[-could-]{+can+}`.
    let mut out = String::new();
    for (i, part) in rendered.iter().enumerate() {
        let replaces = i > 0 && parts[i - 1].op == Op::Delete && parts[i].op == Op::Insert;
        if i > 0 && !replaces {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

fn shorten(s: &str) -> String {
    if s.chars().count() <= MAX_SHOWN_CHARS {
        return s.to_string();
    }
    let head: String = s.chars().take(MAX_SHOWN_CHARS - 1).collect();
    format!("{head}…")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn summary(report: &Report) -> String {
    let s = &report.summary;
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
        ", {} not found, {}, {}",
        plural(s.missing, "statement", "statements"),
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings")
    );
    if s.skipped > 0 {
        let _ = write!(line, ", {} skipped", plural(s.skipped, "file", "files"));
    }
    line
}
