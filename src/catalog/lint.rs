//! `quotecheck validate`: what is legal in the list but probably a mistake
//! (a speaker nobody quotes, a statement without date or source, the same
//! wording twice). The loader refuses what cannot be used; this only warns.

use std::collections::HashMap;

use super::{Catalog, CatalogError};
use crate::report::diagnostic::fingerprint;
use crate::report::{Diagnostic, Levels, Rule, Severity};

/// The problems that made the loader refuse the list, as QC100 errors (their
/// level cannot be lowered: a list that cannot be read checks nothing).
pub fn refused(error: &CatalogError) -> Vec<Diagnostic> {
    let path = error.path.display().to_string();
    error
        .problems
        .iter()
        .map(|p| {
            let (line, column) = (p.line.unwrap_or(1), p.column.unwrap_or(1));
            Diagnostic {
                rule: Rule::ListError,
                severity: Severity::Error,
                path: path.clone(),
                line,
                column,
                end_line: line,
                end_column: column,
                message: p.message.clone(),
                quote_id: None,
                fingerprint: fingerprint("", &p.message),
            }
        })
        .collect()
}

/// The list's problems under the levels of `levels` (rules turned off are
/// not reported).
pub fn lint(catalog: &Catalog, levels: &Levels) -> Vec<Diagnostic> {
    let path = catalog.path.display().to_string();
    let mut out = Vec::new();
    let mut report = |rule: Rule, line: Option<usize>, id: &str, message: String| {
        if let Some(severity) = levels.get(rule).severity() {
            let line = line.unwrap_or(1);
            out.push(Diagnostic {
                rule,
                severity,
                path: path.clone(),
                line,
                column: 1,
                end_line: line,
                end_column: 1,
                message,
                quote_id: Some(id.to_string()),
                fingerprint: fingerprint(id, rule.code()),
            });
        }
    };
    let mut quoted = vec![false; catalog.speakers.len()];
    for q in &catalog.quotes {
        quoted[q.speaker] = true;
    }
    for (s, speaker) in catalog.speakers.iter().enumerate() {
        if !quoted[s] {
            report(
                Rule::UnquotedSpeaker,
                speaker.line,
                &speaker.id,
                format!(
                    "speaker `{}` ({}) has no statement",
                    speaker.id, speaker.name
                ),
            );
        }
    }
    let mut by_words: HashMap<Vec<&str>, String> = HashMap::new();
    for q in &catalog.quotes {
        for (rule, field, value) in [
            (Rule::MissingDate, "date", &q.date),
            (Rule::MissingSource, "source", &q.source),
        ] {
            if value.is_none() {
                let message = format!("statement `{}` has no {field}", q.id);
                report(rule, q.line, &q.id, message);
            }
        }
        // Same words, whatever the typography, in a text or a variant: a
        // variant that repeats another statement's words would claim them.
        let own = std::iter::once((None, &q.words)).chain(
            q.variants
                .iter()
                .enumerate()
                .map(|(i, v)| (Some(i + 1), &v.words)),
        );
        for (variant, words) in own {
            let words: Vec<&str> = words.iter().map(|w| w.key.as_str()).collect();
            let what = match variant {
                None => format!("statement `{}`", q.id),
                Some(n) => format!("variant {n} of `{}`", q.id),
            };
            match by_words.get(&words) {
                Some(first) => report(
                    Rule::DuplicateText,
                    q.line,
                    &q.id,
                    format!("{what} has the same wording as {first}"),
                ),
                None => {
                    by_words.insert(words, what);
                }
            }
        }
    }
    out
}
