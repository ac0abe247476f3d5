//! `quotecheck show ID`: one statement of record and every appearance of it,
//! oldest article first, for a person (human) or a script (json).

use std::fmt::Write;

use colored::Colorize;

use super::human::{Paint, diff, plural};
use crate::attribution::Status;
use crate::drift::Kind;
use crate::report::{Appearances, Finding, Tally};

pub fn human(view: &Appearances, color: bool) -> String {
    let paint = Paint(color);
    let mut out = String::new();
    let mut about = vec![view.speaker_name.to_string()];
    about.extend(view.date.map(str::to_string));
    about.extend(view.source.map(str::to_string));
    let _ = writeln!(
        out,
        "{}  {}",
        paint.with(view.quote_id, |s| s.bold()),
        about.join(", ")
    );
    let _ = writeln!(out, "  \"{}\"", view.text);
    for v in &view.variants {
        let _ = writeln!(out, "  also accepted: \"{v}\"");
    }
    out.push('\n');
    for a in &view.appearances {
        line(&mut out, a, Paint(color));
    }
    if !view.appearances.is_empty() {
        out.push('\n');
    }
    let _ = writeln!(out, "{}", totals(view));
    out
}

/// One appearance: date, place, kind, then what changed and who is credited.
fn line(out: &mut String, f: &Finding, paint: Paint) {
    let kind = match f.kind {
        Kind::Exact => "exact",
        Kind::Partial => "partial",
        Kind::Drift => "drift",
    };
    let quoted = if f.quoted { "" } else { " (not quoted)" };
    let _ = writeln!(
        out,
        "{:<10}  {}:{}:{}  {kind}{quoted}",
        f.date.as_deref().unwrap_or("-"),
        f.article,
        f.line,
        f.column
    );
    let printed = if f.kind == Kind::Exact {
        format!("\"{}\"", f.text)
    } else {
        diff(&f.diff, Paint(paint.0))
    };
    let _ = writeln!(out, "            {printed}");
    let credit = match f.attribution.status {
        Status::Match => format!("credited to {}", f.speaker_name),
        Status::Mismatch => format!(
            "credited to {}, but the record says {}",
            f.attribution.display.as_deref().unwrap_or("someone else"),
            f.speaker_name
        ),
        Status::Unattributed => "credited to no one".to_string(),
    };
    let cue = f
        .attribution
        .cue
        .as_ref()
        .map(|c| format!(" (\"{}\", line {})", c.text, c.line))
        .unwrap_or_default();
    let _ = writeln!(out, "            {credit}{cue}");
}

fn totals(view: &Appearances) -> String {
    let mut tally = Tally::default();
    for a in &view.appearances {
        tally.count(a);
    }
    // Appearances are sorted by article (within a date): one article's are
    // together.
    let mut articles: Vec<&str> = view
        .appearances
        .iter()
        .map(|a| a.article.as_str())
        .collect();
    articles.dedup();
    if tally.total == 0 {
        return "found in no article".to_string();
    }
    format!(
        "{} in {}: {} exact, {} partial, {} drift; {} misattributed",
        plural(tally.total, "appearance", "appearances"),
        plural(articles.len(), "article", "articles"),
        tally.exact,
        tally.partial,
        tally.drift,
        tally.misattributed
    )
}

pub fn json(view: &Appearances) -> String {
    let mut out = serde_json::to_string_pretty(view).expect("a view always serializes");
    out.push('\n');
    out
}
