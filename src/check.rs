//! One run: every article of the corpus through every stage, into a report.
//!
//! The stages are pure functions of their input, so this file is only the
//! pipeline's order: text → quotations → matcher → drift → findings.

use std::collections::HashSet;

use crate::catalog::Catalog;
use crate::corpus::{self, Article, Source};
use crate::drift::{self, Kind};
use crate::matcher::{self, Index};
use crate::quotations::Quoted;
use crate::report::{Finding, Report, Severity, Skipped};
use crate::text::{LineIndex, tokenize};

/// Checks every article of `sources` against the catalog. Files that cannot
/// be read are listed in the report's `skipped`; the others are checked.
pub fn check(catalog: &Catalog, sources: &[Source], walk_errors: Vec<corpus::Skip>) -> Report {
    let index = Index::new(catalog);
    let mut findings = Vec::new();
    let mut skipped: Vec<Skipped> = walk_errors.into_iter().map(skipped).collect();
    let mut articles = 0;
    for source in sources {
        match corpus::read(source) {
            Ok(article) => {
                articles += 1;
                findings.extend(check_article(catalog, &index, &article));
            }
            Err(skip) => skipped.push(self::skipped(skip)),
        }
    }
    let found: HashSet<&str> = findings
        .iter()
        .map(|f: &Finding| f.quote_id.as_str())
        .collect();
    let missing = catalog
        .quotes
        .iter()
        .filter(|q| !found.contains(q.id.as_str()))
        .map(|q| q.id.clone())
        .collect();
    Report::new(findings, missing, skipped, articles)
}

fn skipped(skip: corpus::Skip) -> Skipped {
    Skipped {
        path: skip.name,
        reason: skip.reason,
        help: skip.help,
        error: skip.is_error,
    }
}

/// The findings of one article.
pub fn check_article(catalog: &Catalog, index: &Index, article: &Article) -> Vec<Finding> {
    let text = article.text.as_str();
    let tokens = tokenize(text, article.markdown);
    let quoted = Quoted::new(text, &tokens);
    let lines = LineIndex::new(text);
    matcher::find(catalog, index, text, &tokens, &quoted)
        .into_iter()
        .map(|m| {
            let quote = &catalog.quotes[m.quote];
            let speaker = catalog.speaker_of(quote);
            let assessment = drift::assess(&m, text, &tokens, quote);
            let start = lines.position(text, m.span.start);
            let end = lines.position(text, m.span.end);
            let severity = if m.quoted && assessment.kind == Kind::Drift {
                Severity::Error
            } else {
                Severity::Info
            };
            Finding {
                quote_id: quote.id.clone(),
                speaker: speaker.id.clone(),
                speaker_name: speaker.name.clone(),
                article: article.name.clone(),
                line: start.line,
                column: start.column,
                end_line: end.line,
                end_column: end.column,
                text: text[m.span.clone()].to_string(),
                kind: assessment.kind,
                quoted: m.quoted,
                unclosed: m.unclosed,
                similarity: assessment.similarity,
                diff: assessment.diff,
                edits: assessment.edits,
                changes: assessment.changes,
                severity,
                span: m.span,
            }
        })
        .collect()
}
