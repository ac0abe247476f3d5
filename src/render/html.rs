//! The HTML report: one self-contained page an editor would rather look at
//! than read. Each article's text is shown with every quotation marked by
//! what the check found (verified, partial, drifted, misattributed,
//! unattributed, unverified); pointing at or clicking one shows the wording
//! of record beside the printed one, the word diff, the speaker of record
//! and whom the article credits. A table across the articles comes first.
//!
//! The page carries its own styles and script and loads nothing (its
//! Content-Security-Policy forbids it), so it can be mailed, archived or
//! opened from a CI artefact offline. Without its script it still reads:
//! every quotation's details are listed under its article.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::ops::Range;

use super::human::plural;
use crate::attribution::{Status, Via};
use crate::catalog::Catalog;
use crate::drift::{DiffPart, Edit, Kind, Op};
use crate::report::{Finding, Report, Unverified};
use crate::text::fold::is_ignorable;

/// What the page says of one quotation, worst first: a highlight shows the
/// first that applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Mark {
    Misattributed,
    Drifted,
    Unattributed,
    Unverified,
    Partial,
    Verified,
}

const MARKS: [Mark; 6] = [
    Mark::Verified,
    Mark::Partial,
    Mark::Drifted,
    Mark::Misattributed,
    Mark::Unattributed,
    Mark::Unverified,
];

impl Mark {
    fn of(f: &Finding) -> Mark {
        match (f.attribution.status, f.kind) {
            (Status::Mismatch, _) => Mark::Misattributed,
            (_, Kind::Drift) => Mark::Drifted,
            (Status::Unattributed, _) => Mark::Unattributed,
            (Status::Match, Kind::Partial) => Mark::Partial,
            (Status::Match, Kind::Exact) => Mark::Verified,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Mark::Verified => "verified",
            Mark::Partial => "partial",
            Mark::Drifted => "drifted",
            Mark::Misattributed => "misattributed",
            Mark::Unattributed => "unattributed",
            Mark::Unverified => "unverified",
        }
    }

    /// What the mark means, for the legend and the details.
    fn meaning(self) -> &'static str {
        match self {
            Mark::Verified => "the whole statement, word for word, credited to its speaker",
            Mark::Partial => "a verbatim part, or the whole with style-guide edits",
            Mark::Drifted => "words changed, added, dropped or reordered",
            Mark::Misattributed => "credited to someone other than the speaker of record",
            Mark::Unattributed => "credited to no one",
            Mark::Unverified => "a quotation that matches no statement of the list",
        }
    }
}

/// One highlighted quotation of an article.
struct Highlight<'a> {
    span: Range<usize>,
    mark: Mark,
    item: Item<'a>,
}

enum Item<'a> {
    Finding(&'a Finding),
    Unverified(&'a Unverified),
}

/// One article's part of the page.
#[derive(Default)]
struct Article<'a> {
    date: Option<&'a str>,
    highlights: Vec<Highlight<'a>>,
}

/// Renders `report` as a page; `catalog` gives the wording of record (the
/// diff's record side stands in for it without one).
pub fn render(report: &Report, catalog: Option<&Catalog>) -> String {
    let mut articles: BTreeMap<&str, Article> = report
        .checked
        .iter()
        .map(|name| (name.as_str(), Article::default()))
        .collect();
    for f in &report.findings {
        let article = articles.entry(&f.article).or_default();
        article.date = article.date.or(f.date.as_deref());
        article.highlights.push(Highlight {
            span: f.span.clone(),
            mark: Mark::of(f),
            item: Item::Finding(f),
        });
    }
    for u in &report.unverified {
        articles
            .entry(&u.article)
            .or_default()
            .highlights
            .push(Highlight {
                span: u.span.clone(),
                mark: Mark::Unverified,
                item: Item::Unverified(u),
            });
    }
    for article in articles.values_mut() {
        article.highlights.sort_by_key(|h| (h.span.start, h.mark));
    }

    let mut out = String::new();
    let s = &report.summary;
    let title = format!(
        "quotecheck: {}, {}",
        plural(s.articles, "article", "articles"),
        plural(s.errors, "error", "errors")
    );
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n\
         <meta name=\"generator\" content=\"quotecheck {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(&title)
    )
    .expect("writing to a String");
    header(&mut out, report);
    out.push_str("<main>\n");
    summary(&mut out, report, &articles);
    for (i, (name, article)) in articles.iter().enumerate() {
        section(&mut out, i + 1, name, article, report, catalog);
    }
    out.push_str("</main>\n<script>");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

fn header(out: &mut String, report: &Report) {
    let s = &report.summary;
    out.push_str("<header class=\"top\">\n<h1>quotecheck report</h1>\n<p class=\"totals\">");
    let parts = [
        plural(s.articles, "article", "articles"),
        plural(
            s.findings,
            "appearance of a listed statement",
            "appearances of listed statements",
        ),
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings"),
        plural(s.skipped, "file skipped", "files skipped"),
    ];
    out.push_str(&escape(&parts.join(" · ")));
    out.push_str("</p>\n<ul class=\"legend\">");
    for mark in MARKS {
        write!(
            out,
            "<li><span class=\"q {0}\">{0}</span> {1}</li>",
            mark.name(),
            escape(mark.meaning())
        )
        .expect("writing to a String");
    }
    out.push_str("</ul>\n</header>\n");
}

fn summary(out: &mut String, report: &Report, articles: &BTreeMap<&str, Article>) {
    out.push_str("<section id=\"summary\">\n<h2>Articles</h2>\n<table class=\"summary\">\n<thead><tr><th scope=\"col\">Article</th><th scope=\"col\">Date</th>");
    for mark in MARKS {
        write!(out, "<th scope=\"col\" class=\"{0}\">{0}</th>", mark.name()).expect("String");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let mut totals = [0usize; MARKS.len()];
    for (i, (name, article)) in articles.iter().enumerate() {
        write!(
            out,
            "<tr><th scope=\"row\"><a href=\"#article-{}\">{}</a></th><td>{}</td>",
            i + 1,
            escape(name),
            escape(article.date.unwrap_or(""))
        )
        .expect("String");
        for (k, mark) in MARKS.iter().enumerate() {
            let n = article
                .highlights
                .iter()
                .filter(|h| h.mark == *mark)
                .count();
            totals[k] += n;
            cell(out, *mark, n);
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n<tfoot><tr><th scope=\"row\">All articles</th><td></td>");
    for (k, mark) in MARKS.iter().enumerate() {
        cell(out, *mark, totals[k]);
    }
    out.push_str("</tr></tfoot>\n</table>\n");
    if !report.missing.is_empty() {
        out.push_str("<h3>Statements found in no article</h3>\n<ul class=\"missing\">");
        for id in &report.missing {
            write!(out, "<li><code>{}</code></li>", escape(id)).expect("String");
        }
        out.push_str("</ul>\n");
    }
    if !report.skipped.is_empty() {
        out.push_str("<h3>Files not checked</h3>\n<ul class=\"skipped\">");
        for skip in &report.skipped {
            write!(
                out,
                "<li><code>{}</code>: {}{}</li>",
                escape(&skip.path),
                escape(&skip.reason),
                skip.help
                    .as_deref()
                    .map(|h| format!(" (help: {})", escape(h)))
                    .unwrap_or_default()
            )
            .expect("String");
        }
        out.push_str("</ul>\n");
    }
    // Problems of no article (the list's, a statement found nowhere).
    let list: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| !articles.contains_key(d.path.as_str()))
        .collect();
    if !list.is_empty() {
        out.push_str("<h3>Other problems</h3>\n<ul class=\"other-problems\">");
        for d in list {
            write!(
                out,
                "<li><code>{}:{}:{}</code> {} {}</li>",
                escape(&d.path),
                d.line,
                d.column,
                d.rule.code(),
                escape(&d.message)
            )
            .expect("String");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

fn cell(out: &mut String, mark: Mark, n: usize) {
    let zero = if n == 0 { " zero" } else { "" };
    write!(out, "<td class=\"n {}{zero}\">{n}</td>", mark.name()).expect("String");
}

fn section(
    out: &mut String,
    number: usize,
    name: &str,
    article: &Article,
    report: &Report,
    catalog: Option<&Catalog>,
) {
    write!(
        out,
        "<section class=\"article\" id=\"article-{number}\" data-article=\"{}\">\n<h2>{}{}</h2>\n",
        escape(name),
        escape(name),
        article
            .date
            .map(|d| format!(" <span class=\"date\">{}</span>", escape(d)))
            .unwrap_or_default()
    )
    .expect("String");
    out.push_str("<div class=\"body\">\n<div class=\"text\">");
    let marked = match report.texts.get(name) {
        Some(Some(text)) => marked_text(out, number, text, &article.highlights),
        Some(None) => {
            out.push_str("<p class=\"absent\">Several articles go by this name (records with one id): their texts are not shown. Their quotations are listed below.</p>");
            vec![false; article.highlights.len()]
        }
        None => {
            out.push_str("<p class=\"absent\">The article's text is not in this report.</p>");
            vec![false; article.highlights.len()]
        }
    };
    out.push_str("</div>\n<aside class=\"inspector\" aria-live=\"polite\"><p class=\"hint\">Point at or click a marked quotation to see it beside the record.</p></aside>\n</div>\n");
    write!(
        out,
        "<details class=\"quotations\" open><summary>{}</summary>\n<ol>\n",
        plural(article.highlights.len(), "quotation", "quotations")
    )
    .expect("String");
    for (k, h) in article.highlights.iter().enumerate() {
        detail(out, &format!("{number}-{}", k + 1), h, marked[k], catalog);
    }
    out.push_str("</ol>\n</details>\n</section>\n");
}

/// The article's text as shown on screen, each quotation in a `<mark>`;
/// says which quotations are marked (one inside another is not: it is
/// listed below only).
fn marked_text(out: &mut String, number: usize, text: &str, highlights: &[Highlight]) -> Vec<bool> {
    let (shown, at) = readable(text);
    let mut marked = vec![false; highlights.len()];
    let mut done = 0;
    for (k, h) in highlights.iter().enumerate() {
        if h.span.end > text.len() {
            continue;
        }
        let (start, end) = (at[h.span.start].max(done), at[h.span.end]);
        if start >= end {
            continue;
        }
        marked[k] = true;
        out.push_str(&escape(&shown[done..start]));
        write!(
            out,
            "<mark class=\"q {}\" id=\"q-{number}-{k1}\" data-detail=\"d-{number}-{k1}\" tabindex=\"0\" role=\"button\" aria-label=\"{} quotation, line {}\">{}</mark>",
            h.mark.name(),
            h.mark.name(),
            h.item.line(),
            escape(&shown[start..end]),
            k1 = k + 1,
        )
        .expect("String");
        done = end;
    }
    out.push_str(&escape(&shown[done..]));
    marked
}

/// The text laid out for a `pre-wrap` block: paragraphs apart by one blank
/// line (a line break is a paragraph, as the check reads it, unless the
/// text is hard-wrapped: then it is a space), runs of spaces one space,
/// invisible characters gone; with, for every byte offset of `text`, the
/// offset of the same place in the result.
fn readable(text: &str) -> (String, Vec<usize>) {
    let wrapped = crate::text::lines::hard_wrapped(text);
    let mut out = String::with_capacity(text.len());
    let mut at = vec![0; text.len() + 1];
    let (mut spaces, mut breaks) = (false, 0);
    let mut previous = '\0';
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            spaces = true;
            // `\r\n` is one break.
            if c == '\n' && previous != '\r' || c == '\r' {
                breaks += 1;
            }
        } else if !is_ignorable(c) {
            if !out.is_empty() {
                match breaks {
                    0 if spaces => out.push(' '),
                    0 => {}
                    1 if wrapped => out.push(' '),
                    _ => out.push_str("\n\n"),
                }
            }
            (spaces, breaks) = (false, 0);
            at[i] = out.len();
            out.push(c);
            previous = c;
            continue;
        }
        at[i] = out.len();
        previous = c;
    }
    at[text.len()] = out.len();
    // Offsets inside a character, and inside a run that was squeezed, take
    // the place after what came before them.
    for i in 1..at.len() {
        if !text.is_char_boundary(i.min(text.len())) {
            at[i] = at[i - 1];
        }
    }
    (out, at)
}

impl Item<'_> {
    fn line(&self) -> usize {
        match self {
            Item::Finding(f) => f.line,
            Item::Unverified(u) => u.line,
        }
    }
}

/// A quotation's details: listed under its article, and shown beside the
/// text when its mark is pointed at.
fn detail(out: &mut String, id: &str, h: &Highlight, marked: bool, catalog: Option<&Catalog>) {
    let mark = h.mark.name();
    let place = format!(
        "line {}, column {}",
        h.item.line(),
        match h.item {
            Item::Finding(f) => f.column,
            Item::Unverified(u) => u.column,
        }
    );
    // A link to the mark, when the text has one.
    let place = if marked {
        format!("<a href=\"#q-{id}\">{place}</a>")
    } else {
        place
    };
    write!(
        out,
        "<li class=\"detail {mark}\" id=\"d-{id}\">\n<p class=\"head\"><span class=\"badge {mark}\">{mark}</span> {place}"
    )
    .expect("String");
    match h.item {
        Item::Finding(f) => {
            write!(
                out,
                " · <code class=\"quote-id\">{}</code>",
                escape(&f.quote_id)
            )
            .expect("String");
            rules(out, f.rules.iter().map(|r| r.code()), f.severity.as_str());
            out.push_str("</p>\n<dl>\n");
            let record = catalog
                .and_then(|c| c.quotes.iter().find(|q| q.id == f.quote_id))
                .map(|q| q.text_of(f.variant).to_string())
                .unwrap_or_else(|| record_side(&f.diff));
            let variant = f
                .variant
                .map(|v| format!(" <span class=\"note\">(accepted variant {})</span>", v + 1))
                .unwrap_or_default();
            write!(
                out,
                "<dt>Record</dt><dd class=\"record\">{}{variant}</dd>\n<dt>Printed</dt><dd class=\"printed\">{}</dd>\n<dt>Diff</dt><dd class=\"diff\">{}</dd>\n<dt>Speaker of record</dt><dd class=\"speaker-of-record\">{}</dd>\n<dt>Attributed to</dt><dd class=\"attributed\">{}</dd>\n",
                escape(&record),
                escape(&f.text),
                diff(&f.diff),
                escape(&f.speaker_name),
                attributed(f)
            )
            .expect("String");
        }
        Item::Unverified(u) => {
            rules(out, u.rules.iter().map(|r| r.code()), "info");
            write!(
                out,
                "</p>\n<dl>\n<dt>Printed</dt><dd class=\"printed\">{}</dd>\n<dt>Record</dt><dd class=\"record none\">No statement of the list matches it.</dd>\n<dt>Attributed to</dt><dd class=\"attributed\">{}</dd>\n",
                escape(&crate::text::squeeze(&u.text)),
                u.display
                    .as_deref()
                    .map_or_else(|| "no one".to_string(), escape)
            )
            .expect("String");
        }
    }
    out.push_str("</dl>\n</li>\n");
}

fn rules<'a>(out: &mut String, codes: impl Iterator<Item = &'a str>, severity: &str) {
    let codes: Vec<&str> = codes.collect();
    if !codes.is_empty() {
        write!(
            out,
            " · <span class=\"rules {severity}\">{severity} {}</span>",
            codes.join(", ")
        )
        .expect("String");
    }
}

/// Whom the article credits, with its words and where they are.
fn attributed(f: &Finding) -> String {
    let a = &f.attribution;
    let Some(who) = a.display.as_deref().or(a.speaker.as_deref()) else {
        return "no one".to_string();
    };
    let how = a.via.map(|via| match via {
        Via::Name => "by name",
        Via::Alias => "by an alias",
        Via::Surname => "by surname",
        Via::Unlisted => "a name not on the list",
        Via::Descriptor => "by description",
        Via::Pronoun => "by a pronoun",
        Via::Continuation => "continuing the quotation before",
        Via::Headline => "a headline, by the standfirst under it",
    });
    let cue = a
        .cue
        .as_ref()
        .map(|c| format!(" “{}”, line {}", escape(&c.text), c.line))
        .unwrap_or_default();
    format!(
        "{}{}",
        escape(who),
        match how {
            Some(how) => format!(" <span class=\"cue\">({how}{cue})</span>"),
            None => String::new(),
        }
    )
}

/// The word diff, record → printed: dropped words struck through, added
/// words underlined, style-guide edits marked as such.
fn diff(parts: &[DiffPart]) -> String {
    let mut out = String::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let text = escape(&p.text);
        let edit = p.edit.map(|e| match e {
            Edit::Ellipsis => "left out with an ellipsis",
            Edit::Brackets => "an editor's words in brackets",
            Edit::Split => "left out between the parts of a split quotation",
        });
        let title = edit
            .map(|t| format!(" class=\"edit\" title=\"{t}\""))
            .unwrap_or_default();
        match p.op {
            Op::Equal if edit.is_some() => write!(out, "<span{title}>{text}</span>"),
            Op::Equal => write!(out, "{text}"),
            Op::Delete => write!(out, "<del{title}>{text}</del>"),
            Op::Insert => write!(out, "<ins{title}>{text}</ins>"),
        }
        .expect("String");
    }
    out
}

/// The record's words as the diff has them.
fn record_side(parts: &[DiffPart]) -> String {
    parts
        .iter()
        .filter(|p| p.op != Op::Insert)
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text safe in HTML content and attribute values.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { --verified: #d8f0d8; --partial: #e3ecfa; --drifted: #ffd9a8; --misattributed: #ffb3b3;
  --unattributed: #fff0a0; --unverified: #e6e0f0; --ink: #1d1d1f; --muted: #5f6368; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 Georgia, "Times New Roman", serif; color: var(--ink); background: #fafaf7; }
header.top, main { max-width: 78rem; margin: 0 auto; padding: 1rem 1.5rem; }
header.top { border-bottom: 1px solid #ddd; }
h1 { font: 600 1.6rem system-ui, sans-serif; margin: 0.5rem 0; }
h2, h3, .summary, .legend, .inspector, .quotations, .totals { font-family: system-ui, sans-serif; }
h2 { font-size: 1.15rem; margin: 2rem 0 0.75rem; word-break: break-all; }
h2 .date { font-weight: normal; color: var(--muted); margin-left: 0.5rem; }
.totals { color: var(--muted); margin: 0.25rem 0; }
.legend { list-style: none; padding: 0; margin: 0.5rem 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; font-size: 0.85rem; color: var(--muted); }
table.summary { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
.summary th, .summary td { border-bottom: 1px solid #e2e2e2; padding: 0.3rem 0.5rem; text-align: left; }
.summary td.n { text-align: right; font-variant-numeric: tabular-nums; }
.summary td.zero { color: #b0b0b0; }
.summary td.n.drifted:not(.zero), .summary td.n.misattributed:not(.zero) { font-weight: 700; color: #a00; }
.summary tfoot th, .summary tfoot td { border-top: 2px solid #bbb; font-weight: 600; }
section.article { border-top: 1px solid #ddd; }
.body { display: grid; grid-template-columns: minmax(0, 1fr) 22rem; gap: 1.5rem; align-items: start; }
@media (max-width: 60rem) { .body { grid-template-columns: 1fr; } }
.text { white-space: pre-wrap; background: #fff; padding: 1rem 1.25rem; border: 1px solid #e5e5e5; border-radius: 6px; }
.inspector { position: sticky; top: 1rem; background: #fff; border: 1px solid #ccc; border-radius: 6px; padding: 0.75rem 1rem; font-size: 0.9rem; min-height: 5rem; }
.inspector .hint { color: var(--muted); margin: 0; }
mark.q, span.q { color: inherit; border-radius: 3px; padding: 0 1px; cursor: pointer; }
span.q { padding: 0 0.4rem; font-size: 0.8rem; cursor: default; }
.q.verified { background: var(--verified); } .q.partial { background: var(--partial); }
.q.drifted { background: var(--drifted); box-shadow: inset 0 -2px #d07000; }
.q.misattributed { background: var(--misattributed); box-shadow: inset 0 -2px #c00; }
.q.unattributed { background: var(--unattributed); } .q.unverified { background: var(--unverified); }
mark.q:focus, mark.q.active { outline: 2px solid #1a5fb4; outline-offset: 1px; }
mark.q.pinned { outline-style: double; outline-width: 3px; }
.badge { display: inline-block; font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.04em; padding: 0 0.4rem; border-radius: 3px; }
.badge.verified { background: var(--verified); } .badge.partial { background: var(--partial); }
.badge.drifted { background: var(--drifted); } .badge.misattributed { background: var(--misattributed); }
.badge.unattributed { background: var(--unattributed); } .badge.unverified { background: var(--unverified); }
.head { margin: 0 0 0.4rem; }
.rules.error { color: #a00; font-weight: 600; } .rules.warning { color: #8a5a00; }
dl { margin: 0; display: grid; grid-template-columns: 8.5rem 1fr; gap: 0.2rem 0.75rem; }
dt { color: var(--muted); } dd { margin: 0; }
.record { font-family: Georgia, serif; } .record.none { color: var(--muted); font-style: italic; }
.printed { font-family: Georgia, serif; }
del { background: #ffd7d5; text-decoration: line-through; } ins { background: #ccf2d2; text-decoration: none; border-bottom: 1px solid #1a7f37; }
.edit { background: #eee; border-bottom: 1px dotted #777; }
.cue, .note { color: var(--muted); }
details.quotations { margin: 1rem 0; font-size: 0.9rem; }
details.quotations ol { padding-left: 1.5rem; }
li.detail { margin: 0.6rem 0 1rem; }
li.detail:target { background: #fffbe6; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.85em; }
"#;

const SCRIPT: &str = r#"
(function () {
  "use strict";
  function inspectorOf(mark) { return mark.closest("section.article").querySelector(".inspector"); }
  function show(mark) {
    var inspector = inspectorOf(mark);
    var detail = document.getElementById(mark.dataset.detail);
    if (!inspector || !detail) { return; }
    inspector.innerHTML = detail.innerHTML;
    inspector.dataset.showing = mark.id;
    inspector.className = "inspector " + detail.className.replace("detail", "").trim();
    mark.closest("section.article").querySelectorAll("mark.q.active").forEach(function (m) {
      m.classList.remove("active");
    });
    mark.classList.add("active");
  }
  function pinned(section) { return section.querySelector("mark.q.pinned"); }
  function leave(mark) {
    var section = mark.closest("section.article");
    var keep = pinned(section);
    if (keep) { show(keep); return; }
    mark.classList.remove("active");
  }
  function pin(mark) {
    var section = mark.closest("section.article");
    var was = pinned(section);
    if (was) { was.classList.remove("pinned"); }
    if (was !== mark) { mark.classList.add("pinned"); }
    show(mark);
  }
  document.querySelectorAll("mark.q").forEach(function (mark) {
    mark.addEventListener("mouseenter", function () { show(mark); });
    mark.addEventListener("focus", function () { show(mark); });
    mark.addEventListener("mouseleave", function () { leave(mark); });
    mark.addEventListener("click", function () { pin(mark); });
    mark.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); pin(mark); }
    });
  });
})();
"#;

#[cfg(test)]
mod tests {
    use super::readable;

    #[test]
    fn text_is_laid_out_as_on_screen_with_every_offset_mapped() {
        let text = "a  b\u{200B}c\r\n\r\n\r\n  d\ne";
        let (shown, at) = readable(text);
        assert_eq!(shown, "a bc\n\nd e", "hard-wrapped: one break is a space");
        assert_eq!(readable("a\nb\nc").0, "a\n\nb\n\nc", "a line a paragraph");
        assert_eq!(&shown[at[3]..at[4]], "b");
        assert_eq!(at[text.find('d').unwrap()], shown.find('d').unwrap());
        assert_eq!(at[text.len()], shown.len());
    }
}
