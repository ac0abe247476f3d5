//! One run: every article of the corpus through every stage, into a report.
//!
//! The stages are pure functions of their input, so this file is only the
//! pipeline's order: text → quotations → matcher → drift → attribution →
//! findings.

use std::collections::HashSet;
use std::ops::Range;

use crate::attribution::{self, Attributor, Credit, Identity, Names, Status};
use crate::catalog::Catalog;
use crate::corpus::{self, Article, Source};
use crate::drift::{self, Kind};
use crate::matcher::{self, Index};
use crate::quotations::Quoted;
use crate::report::{Attribution, Cue, Finding, Report, Severity, Skipped, Unverified};
use crate::text::{LineIndex, squeeze, tokenize};

/// Quotations of fewer words are scare quotes and titles ("lethal aid"), not
/// somebody's words: they are not listed as unverified.
pub const MIN_UNVERIFIED_WORDS: usize = 4;

/// What one article yields.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    pub findings: Vec<Finding>,
    pub unverified: Vec<Unverified>,
}

/// The catalog with everything built from it once per run.
pub struct Checker<'a> {
    catalog: &'a Catalog,
    index: Index,
    names: Names,
}

impl<'a> Checker<'a> {
    pub fn new(catalog: &'a Catalog) -> Self {
        Checker {
            catalog,
            index: Index::new(catalog),
            names: Names::new(catalog),
        }
    }

    /// Checks every article of `sources`. Files that cannot be read are
    /// listed in the report's `skipped`; the others are checked.
    pub fn check(&self, sources: &[Source], walk_errors: Vec<corpus::Skip>) -> Report {
        let mut findings = Vec::new();
        let mut unverified = Vec::new();
        let mut skipped: Vec<Skipped> = walk_errors.into_iter().map(skipped).collect();
        let mut articles = 0;
        for source in sources {
            match corpus::read(source) {
                Ok(article) => {
                    articles += 1;
                    let checked = self.article(&article);
                    findings.extend(checked.findings);
                    unverified.extend(checked.unverified);
                }
                Err(skip) => skipped.push(self::skipped(skip)),
            }
        }
        let found: HashSet<&str> = findings
            .iter()
            .map(|f: &Finding| f.quote_id.as_str())
            .collect();
        let missing = self
            .catalog
            .quotes
            .iter()
            .filter(|q| !found.contains(q.id.as_str()))
            .map(|q| q.id.clone())
            .collect();
        Report::new(findings, unverified, missing, skipped, articles)
    }

    /// The findings and unverified quotations of one article.
    pub fn article(&self, article: &Article) -> Checked {
        let catalog = self.catalog;
        let text = article.text.as_str();
        let tokens = tokenize(text, article.markdown);
        let quoted = Quoted::new(text, &tokens);
        let lines = LineIndex::new(text);
        let attributor = Attributor::new(text, &tokens, &quoted, catalog, &self.names);
        let credits = attributor.credit_quotations();
        let matches = matcher::find(catalog, &self.index, text, &tokens, &quoted);
        // Where quoted appearances start, in order: a chain holds one when an
        // appearance starts inside it (appearances never start outside their
        // quotation).
        let mut starts: Vec<usize> = matches
            .iter()
            .filter(|m| m.quoted)
            .map(|m| m.span.start)
            .collect();
        starts.sort_unstable();
        let unverified = quoted
            .chains
            .iter()
            .filter(|chain| {
                let words = (*chain).clone().map(|q| {
                    quoted.words[q]
                        .clone()
                        .filter(|&t| tokens[t].is_word())
                        .count()
                });
                words.sum::<usize>() >= MIN_UNVERIFIED_WORDS
            })
            .filter(|chain| {
                let outer = quoted.marks[chain.start].open..quoted.marks[chain.end - 1].outer().end;
                let next = starts.partition_point(|&s| s < outer.start);
                starts.get(next).is_none_or(|&s| s >= outer.end)
            })
            .map(|chain| {
                let first = quoted.marks[chain.start].content.clone();
                let last = quoted.marks[chain.end - 1].content.clone();
                let span = trim_span(text, first.start..last.end);
                let (start, end) = (
                    lines.position(text, span.start),
                    lines.position(text, span.end),
                );
                let credit = credits[chain.start].as_ref();
                Unverified {
                    article: article.name.clone(),
                    line: start.line,
                    column: start.column,
                    end_line: end.line,
                    end_column: end.column,
                    text: text[span].to_string(),
                    speaker: credit.map(|c| self.speaker_id(&c.identity)),
                    display: credit.map(|c| self.display(&c.identity)),
                }
            })
            .collect();
        let findings = matches
            .into_iter()
            .map(|m| {
                let quote = &catalog.quotes[m.quote];
                let speaker = catalog.speaker_of(quote);
                let assessment = drift::assess(&m, text, &tokens, quote);
                let start = lines.position(text, m.span.start);
                let end = lines.position(text, m.span.end);
                let credit = match m.quotation {
                    Some(q) => credits[q].clone(),
                    None => attributor.credit_span(m.span.clone()),
                };
                let status = attribution::status(credit.as_ref(), quote.speaker);
                let attribution = self.attribution(credit.as_ref(), status, text, &lines);
                let drift_severity = if m.quoted && assessment.kind == Kind::Drift {
                    Severity::Error
                } else {
                    Severity::Info
                };
                let credit_severity = match status {
                    Status::Match => Severity::Info,
                    Status::Mismatch => Severity::Error,
                    Status::Unattributed => Severity::Warning,
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
                    attribution,
                    severity: drift_severity.max(credit_severity),
                    span: m.span,
                }
            })
            .collect();
        Checked {
            findings,
            unverified,
        }
    }

    fn speaker_id(&self, identity: &Identity) -> String {
        match identity {
            Identity::Listed(s) => self.catalog.speakers[*s].id.clone(),
            Identity::Unlisted { name, .. } => name.clone(),
        }
    }

    fn display(&self, identity: &Identity) -> String {
        match identity {
            Identity::Listed(s) => self.catalog.speakers[*s].name.clone(),
            Identity::Unlisted { name, .. } => name.clone(),
        }
    }

    fn attribution(
        &self,
        credit: Option<&Credit>,
        status: Status,
        text: &str,
        lines: &LineIndex,
    ) -> Attribution {
        let Some(credit) = credit else {
            return Attribution {
                status,
                speaker: None,
                listed: false,
                source: None,
                via: None,
                cue: None,
                display: None,
            };
        };
        let source = self.names.source_of(&credit.identity);
        let cue = credit.cue.clone().map(|span| {
            let at = lines.position(text, span.start);
            Cue {
                text: squeeze(&text[span]),
                line: at.line,
                column: at.column,
            }
        });
        Attribution {
            status,
            speaker: Some(self.speaker_id(&credit.identity)),
            listed: matches!(credit.identity, Identity::Listed(_)),
            source: Some(source),
            via: Some(credit.via),
            cue,
            display: Some(self.display(&credit.identity)),
        }
    }
}

/// The span without the white space at its edges.
fn trim_span(text: &str, span: Range<usize>) -> Range<usize> {
    let slice = &text[span.clone()];
    let start = span.start + (slice.len() - slice.trim_start().len());
    let end = span.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
}

fn skipped(skip: corpus::Skip) -> Skipped {
    Skipped {
        path: skip.name,
        reason: skip.reason,
        help: skip.help,
        error: skip.is_error,
    }
}
