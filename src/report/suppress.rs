//! Suppression comments in articles: an editor who has checked a finding and
//! stands by it says so next to the words, where the next editor sees it.
//!
//! ```text
//! <!-- quotecheck-disable-next-line QC001 -->
//! <!-- quotecheck-disable QC002, QC003 -- the AP transcript credits the ministry -->
//! ...
//! <!-- quotecheck-enable QC002, QC003 -->
//! ```
//!
//! They are HTML comments, which Markdown and HTML hide from readers. Rule
//! codes are required, so that a comment never silences more than it says;
//! text after ` -- ` is the reason, for people. A comment that suppresses
//! nothing is reported (QC006), as is one that cannot be read (QC007), so
//! that stale suppressions do not pile up and typos do not silently fail.

use std::collections::HashMap;

use super::diagnostic::{Diagnostic, fingerprint};
use super::{Levels, Rule};
use crate::text::comments::comments;
use crate::text::{LineIndex, Position};

/// The comment's text after `quotecheck` (any case), if it starts so.
fn strip_name(body: &str) -> Option<&str> {
    let name = body.get(..10)?;
    name.eq_ignore_ascii_case("quotecheck").then(|| &body[10..])
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    NextLine,
    Disable,
    Enable,
}

/// One rule of one comment.
#[derive(Debug)]
struct Directive {
    rule: Rule,
    /// Where the comment starts (for reports) and ends (where it takes effect).
    start: Position,
    end: Position,
    text: String,
    scope: Scope,
    /// For `disable`: where the matching `enable` starts, if any.
    until: Option<Position>,
    used: bool,
}

/// The suppression comments of one article.
#[derive(Debug, Default)]
pub struct Suppressions {
    article: String,
    directives: Vec<Directive>,
    problems: Vec<Diagnostic>,
    by_rule: HashMap<Rule, RuleIndex>,
}

/// The directives of one rule, indexed.
#[derive(Debug, Default)]
struct RuleIndex {
    /// Directives by the line they cover (`disable-next-line`).
    next_line: HashMap<usize, Vec<usize>>,
    /// `disable` regions: where each starts and ends, and its directive.
    regions: Vec<(Position, Option<Position>, usize)>,
    /// The furthest end among `regions[..=k]` (`None`: one never ends).
    reach: Vec<Option<Position>>,
}

impl Suppressions {
    /// Reads every `quotecheck-` comment of a Markdown article.
    pub fn read(article: &str, text: &str) -> Self {
        // Articles without comments pay one scan, nothing more.
        if memchr::memmem::find(text.as_bytes(), b"<!--").is_none() {
            return Suppressions {
                article: article.to_string(),
                ..Suppressions::default()
            };
        }
        let closed = comments(text);
        // A comment never closed is text to a parser, but to its writer it
        // was a suppression: say why it does nothing.
        let tail = closed.last().map_or(0, |r| r.end);
        let unclosed = text[tail..].find("<!--").map(|i| tail + i);
        Self::of_comments(article, text, &closed, unclosed)
    }

    /// Reads the `quotecheck-` comments among `closed` (`<!--` to `-->`
    /// included) of `text`; `unclosed` is where a comment opens and never
    /// closes, if one does. A web page's comments come from its tokenizer
    /// (a `<!--` inside a script is not one).
    pub fn of_comments(
        article: &str,
        text: &str,
        closed: &[std::ops::Range<usize>],
        unclosed: Option<usize>,
    ) -> Self {
        let mut found = Suppressions {
            article: article.to_string(),
            ..Suppressions::default()
        };
        let lines = LineIndex::new(text);
        for range in closed {
            let body = text[range.start + 4..range.end - 3].trim();
            if let Some(directive) = strip_name(body) {
                let start = lines.position(text, range.start);
                let end = lines.position(text, range.end);
                found.comment(directive, body, start, end);
            }
        }
        if let Some(open) = unclosed
            && strip_name(text[open + 4..].trim_start()).is_some()
        {
            let line_end = text[open..]
                .find(['\n', '\r'])
                .map_or(text.len(), |i| open + i);
            found.problem(
                lines.position(text, open),
                &text[open..line_end],
                "suppression comment is never closed with `-->`".into(),
            );
        }
        found.pair_regions();
        found
    }

    fn comment(&mut self, directive: &str, body: &str, start: Position, end: Position) {
        let (directive, _reason) = directive.split_once(" -- ").unwrap_or((directive, ""));
        let mut words = directive
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty());
        let name = words.next().unwrap_or("");
        let scope = match name
            .strip_prefix('-')
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("disable-next-line") => Scope::NextLine,
            Some("disable") => Scope::Disable,
            Some("enable") => Scope::Enable,
            _ => {
                // As written: `quotecheck disable`, `quotecheck-ignore`.
                let end = body.find(name).map_or(10, |i| i + name.len());
                let what = &body[..end];
                self.problem(
                    start,
                    body,
                    format!(
                        "unknown suppression `{what}`; use quotecheck-disable-next-line, quotecheck-disable or quotecheck-enable"
                    ),
                );
                return;
            }
        };
        let mut any = false;
        for word in words {
            any = true;
            match word.parse::<Rule>() {
                Ok(rule) if rule.suppressible() => self.directives.push(Directive {
                    rule,
                    start,
                    end,
                    text: body.to_string(),
                    scope,
                    until: None,
                    used: false,
                }),
                Ok(rule) => self.problem(
                    start,
                    body,
                    format!(
                        "{rule} ({}) cannot be suppressed in an article",
                        rule.name()
                    ),
                ),
                Err(e) => self.problem(start, body, e),
            }
        }
        if !any {
            self.problem(
                start,
                body,
                "suppression names no rule; give the codes, as in `quotecheck-disable-next-line QC001`"
                    .into(),
            );
        }
    }

    /// Ends each `disable` at the next `enable` of its rule (one `enable`
    /// ends them all, nested or not); an `enable` with nothing to enable is
    /// a mistake worth saying.
    fn pair_regions(&mut self) {
        let mut problems = Vec::new();
        let mut open: HashMap<Rule, Vec<usize>> = HashMap::new();
        for i in 0..self.directives.len() {
            let (rule, at) = (self.directives[i].rule, self.directives[i].start);
            match self.directives[i].scope {
                Scope::Disable => open.entry(rule).or_default().push(i),
                Scope::NextLine => {}
                Scope::Enable => {
                    let closing = open.remove(&rule).unwrap_or_default();
                    if closing.is_empty() {
                        problems.push((
                            at,
                            self.directives[i].text.clone(),
                            format!("enables {rule}, which no comment before disables"),
                        ));
                    }
                    for d in closing {
                        self.directives[d].until = Some(at);
                    }
                }
            }
        }
        for (at, text, message) in problems {
            self.problems.push(diagnostic(
                &self.article,
                Rule::InvalidSuppression,
                at,
                &text,
                message,
            ));
        }
        self.index();
    }

    /// Indexes the directives by rule, line and region start, so that
    /// asking about a problem costs a lookup, not a pass over every comment
    /// (an article can hold thousands).
    fn index(&mut self) {
        for (i, d) in self.directives.iter().enumerate() {
            let index = self.by_rule.entry(d.rule).or_default();
            match d.scope {
                Scope::NextLine => index.next_line.entry(d.end.line + 1).or_default().push(i),
                Scope::Disable => index.regions.push((d.end, d.until, i)),
                Scope::Enable => {}
            }
        }
        for index in self.by_rule.values_mut() {
            index.regions.sort_by_key(|&(start, _, i)| (start, i));
            // The furthest end of the regions so far; `None`: never ends.
            let mut furthest = Some(Position { line: 0, column: 0 });
            index.reach = index
                .regions
                .iter()
                .map(|&(_, until, _)| {
                    furthest = match (furthest, until) {
                        (Some(a), Some(b)) => Some(a.max(b)),
                        _ => None,
                    };
                    furthest
                })
                .collect();
        }
    }

    fn problem(&mut self, at: Position, text: &str, message: String) {
        self.problems.push(diagnostic(
            &self.article,
            Rule::InvalidSuppression,
            at,
            text,
            message,
        ));
    }

    /// Whether a comment suppresses `rule` for a problem starting at `at`;
    /// the comment is then used.
    pub fn covers(&mut self, rule: Rule, at: Position) -> bool {
        let Some(index) = self.by_rule.get(&rule) else {
            return false;
        };
        let mut hits: Vec<usize> = index.next_line.get(&at.line).cloned().unwrap_or_default();
        // Regions starting at or before `at`, latest first, while any of
        // them may still reach it.
        let started = index.regions.partition_point(|&(start, _, _)| start <= at);
        for k in (0..started).rev() {
            if index.reach[k].is_some_and(|reach| reach <= at) {
                break;
            }
            let (_, until, i) = index.regions[k];
            if until.is_none_or(|until| at < until) {
                hits.push(i);
            }
        }
        for &i in &hits {
            self.directives[i].used = true;
        }
        !hits.is_empty()
    }

    /// The problems with the comments themselves: those that cannot be read
    /// and, for rules that ran, those that suppressed nothing.
    pub fn finish(self, levels: &Levels) -> Vec<Diagnostic> {
        let mut problems = match levels.get(Rule::InvalidSuppression).severity() {
            Some(severity) => self
                .problems
                .into_iter()
                .map(|p| Diagnostic { severity, ..p })
                .collect(),
            None => Vec::new(),
        };
        if let Some(severity) = levels.get(Rule::UnusedSuppression).severity() {
            for d in &self.directives {
                let ran = levels.get(d.rule).severity().is_some();
                if d.scope != Scope::Enable && !d.used && ran {
                    problems.push(Diagnostic {
                        severity,
                        ..diagnostic(
                            &self.article,
                            Rule::UnusedSuppression,
                            d.start,
                            &d.text,
                            format!("the suppression of {} suppresses nothing", d.rule),
                        )
                    });
                }
            }
        }
        problems
    }
}

fn diagnostic(article: &str, rule: Rule, at: Position, text: &str, message: String) -> Diagnostic {
    Diagnostic {
        rule,
        severity: super::Severity::Warning,
        path: article.to_string(),
        line: at.line,
        column: at.column,
        end_line: at.line,
        end_column: at.column + 4,
        message,
        quote_id: None,
        fingerprint: fingerprint(rule.code(), text),
    }
}
