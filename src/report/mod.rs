//! The report: findings, the statements found nowhere, the files skipped,
//! the problems (diagnostics, by rule) and a summary. This is the one message
//! type every output format renders; its JSON form is the documented contract
//! (`version` 1).

pub mod appearances;
pub mod baseline;
pub mod diagnostic;
pub mod excerpt;
pub mod rule;
pub mod suggest;
pub mod suppress;
pub mod tally;

use std::collections::HashMap;

use serde::Serialize;

use crate::attribution::{SourceKind, Status, Via};
use crate::drift::{Changes, DiffPart, Edit, Kind};

pub use appearances::Appearances;
pub use baseline::{Anchor, Baseline, DEFAULT_BASELINE, Entry};
pub use diagnostic::Diagnostic;
pub use excerpt::Excerpt;
pub use rule::{Level, Levels, Rule};
pub use tally::{Tally, tally};

/// How much a finding matters. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One appearance of a statement in an article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub quote_id: String,
    /// The speaker of record (id from quotes.yaml).
    pub speaker: String,
    /// The speaker's name, for people reading the output.
    pub speaker_name: String,
    pub article: String,
    /// When the article was published (`YYYY-MM-DD`): from its metadata (a
    /// page's `<meta>` tags, a record's `date`), else the first date in its
    /// name; `null` when neither says.
    pub date: Option<String>,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    /// One past the last character, as in SARIF and LSP.
    pub end_column: usize,
    /// The article's words exactly as printed, first word to last.
    pub text: String,
    pub kind: Kind,
    /// The accepted variant of the statement the printed words follow
    /// (0-based index into its `variants`); absent for the text of record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variant: Option<usize>,
    /// Found between quotation marks.
    pub quoted: bool,
    /// The quotation was never closed (its paragraph ended first).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unclosed: bool,
    pub similarity: f64,
    pub diff: Vec<DiffPart>,
    pub edits: Vec<Edit>,
    pub changes: Changes,
    /// Whom the article credits with the words.
    pub attribution: Attribution,
    /// The rules the appearance breaks, as reported (not off, suppressed or
    /// baselined); empty when it is quoted as on record.
    pub rules: Vec<Rule>,
    /// Rules broken but suppressed by a comment in the article.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suppressed: Vec<Rule>,
    /// The worst severity of `rules`; `info` when there are none.
    pub severity: Severity,
    /// The statement and the printed words, folded: see
    /// [`diagnostic::fingerprint`].
    pub fingerprint: String,
    /// Rules broken but known to the baseline.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub baselined: Vec<Rule>,
    /// Byte range in the article.
    #[serde(skip)]
    pub span: std::ops::Range<usize>,
    /// The line it is on, for renderers that show it.
    #[serde(skip)]
    pub excerpt: Excerpt,
}

impl Finding {
    /// The rules this appearance breaks, whatever their levels.
    pub fn breaks(&self) -> Vec<Rule> {
        let mut rules = Vec::new();
        if self.quoted && self.kind == Kind::Drift {
            rules.push(Rule::Drift);
        }
        match self.attribution.status {
            Status::Mismatch => rules.push(Rule::Misattribution),
            Status::Unattributed => rules.push(Rule::Unattributed),
            Status::Match => {}
        }
        rules
    }
}

/// Whom the article credits, compared with the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attribution {
    pub status: Status,
    /// The listed speaker's id when the article's credit resolves to one;
    /// otherwise the name or description as the article writes it; `null`
    /// when unattributed.
    pub speaker: Option<String>,
    /// Whether `speaker` is an id from quotes.yaml.
    pub listed: bool,
    /// `person`, `organisation` or `anonymous`; `null` when unattributed.
    pub source: Option<SourceKind>,
    /// How the credit was read: `name`, `alias`, `surname`, `unlisted`,
    /// `descriptor`, `pronoun` or `continuation`.
    pub via: Option<Via>,
    /// The words of the article that give the credit.
    pub cue: Option<Cue>,
    /// The name to show people: the listed speaker's name, or `speaker`.
    #[serde(skip)]
    pub display: Option<String>,
}

/// The words that credit a quotation to someone, and where they are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cue {
    pub text: String,
    pub line: usize,
    pub column: usize,
}

/// A quotation of four words or more that matches no statement of the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unverified {
    pub article: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub text: String,
    /// Whom the article credits (id, or as written), `null` when no one.
    pub speaker: Option<String>,
    /// `[QC005]`, or empty when the rule is off, suppressed or baselined.
    pub rules: Vec<Rule>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suppressed: Vec<Rule>,
    pub fingerprint: String,
    #[serde(skip)]
    pub display: Option<String>,
    /// Byte range in the article.
    #[serde(skip)]
    pub span: std::ops::Range<usize>,
    #[serde(skip)]
    pub excerpt: Excerpt,
}

/// A statement of the list that appears in no article, and its line in the
/// list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    pub quote_id: String,
    pub speaker_name: String,
    pub line: Option<usize>,
}

/// A file that was not checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Whether this counts as an input error (exit 2).
    pub error: bool,
}

/// Totals for the one-line summary and for scripts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub articles: usize,
    pub skipped: usize,
    pub findings: usize,
    pub exact: usize,
    pub partial: usize,
    pub drift: usize,
    pub unquoted: usize,
    pub missing: usize,
    pub mismatched: usize,
    pub unattributed: usize,
    pub unverified: usize,
    /// Diagnostics by severity.
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Problems silenced by comments in the articles.
    pub suppressed: usize,
    /// Problems the baseline knows.
    pub baselined: usize,
}

impl Summary {
    /// Adds another part's totals to these (a run reported in pieces).
    pub fn add(&mut self, other: &Summary) {
        let Summary {
            articles,
            skipped,
            findings,
            exact,
            partial,
            drift,
            unquoted,
            missing,
            mismatched,
            unattributed,
            unverified,
            errors,
            warnings,
            infos,
            suppressed,
            baselined,
        } = other;
        self.articles += articles;
        self.skipped += skipped;
        self.findings += findings;
        self.exact += exact;
        self.partial += partial;
        self.drift += drift;
        self.unquoted += unquoted;
        self.missing += missing;
        self.mismatched += mismatched;
        self.unattributed += unattributed;
        self.unverified += unverified;
        self.errors += errors;
        self.warnings += warnings;
        self.infos += infos;
        self.suppressed += suppressed;
        self.baselined += baselined;
    }
}

/// Everything one run found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub version: u32,
    pub findings: Vec<Finding>,
    /// Ids of statements that appear in no article.
    pub missing: Vec<String>,
    /// Quotations that match no statement.
    pub unverified: Vec<Unverified>,
    pub skipped: Vec<Skipped>,
    /// Every problem, by rule: the list the one-line, SARIF and GitHub
    /// formats print and the baseline records.
    pub diagnostics: Vec<Diagnostic>,
    pub summary: Summary,
    /// Whether articles were checked, or the list alone (`validate`).
    #[serde(skip)]
    pub scope: Scope,
    /// The names of the articles read.
    #[serde(skip)]
    pub checked: Vec<String>,
    /// Each article's text as its reader sees it, by name: kept only for
    /// renderers that show it (see `Checker::with_texts`); `None` when
    /// several articles go by the name (records with one id), whose
    /// positions could not be told apart.
    #[serde(skip)]
    pub texts: HashMap<String, Option<String>>,
}

/// What a report is about.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Scope {
    #[default]
    Articles,
    List,
}

/// The severity of each problem, by where it is, its statement and its
/// rule: what renderers and the baseline look findings up by.
pub type Severities<'a> = HashMap<(&'a str, usize, usize, Option<&'a str>, Rule), Severity>;

/// The severities of `diagnostics`, built once: a report can hold tens of
/// thousands, so finding a problem costs a lookup, not a search.
pub fn severities(diagnostics: &[Diagnostic]) -> Severities<'_> {
    diagnostics
        .iter()
        .map(|d| {
            let at = (
                d.path.as_str(),
                d.line,
                d.column,
                d.quote_id.as_deref(),
                d.rule,
            );
            (at, d.severity)
        })
        .collect()
}

/// A run's results, before they are sorted and counted.
#[derive(Debug, Default)]
pub struct Parts {
    pub findings: Vec<Finding>,
    pub unverified: Vec<Unverified>,
    pub missing: Vec<Missing>,
    pub skipped: Vec<Skipped>,
    pub articles: usize,
    /// Problems with suppression comments.
    pub problems: Vec<Diagnostic>,
    /// The quote list, as diagnostics about it name it.
    pub list: String,
    /// The names of the articles read.
    pub checked: Vec<String>,
    /// Their texts, when kept (see [`Report::texts`]).
    pub texts: HashMap<String, Option<String>>,
    /// Whether the run read the whole corpus (no paths on the command
    /// line): only then is a statement found nowhere a finding (QC004).
    pub whole: bool,
}

/// The version of the JSON contract. Fields may be added within a version;
/// none is renamed, removed or changes meaning.
pub const REPORT_VERSION: u32 = 1;

impl Report {
    /// Sorts, judges and counts a run's results.
    pub fn new(parts: Parts, levels: &Levels) -> Self {
        let Parts {
            mut findings,
            mut unverified,
            missing,
            mut skipped,
            articles,
            problems,
            list,
            checked,
            texts,
            whole,
        } = parts;
        unverified
            .sort_by(|a, b| (&a.article, a.line, a.column).cmp(&(&b.article, b.line, b.column)));
        findings.sort_by(|a, b| {
            (&a.article, a.line, a.column, &a.quote_id).cmp(&(
                &b.article,
                b.line,
                b.column,
                &b.quote_id,
            ))
        });
        skipped.sort_by(|a, b| a.path.cmp(&b.path));
        let severity = |rule: Rule| levels.get(rule).severity().unwrap_or(Severity::Info);
        let mut diagnostics = problems;
        for f in &mut findings {
            f.severity = f
                .rules
                .iter()
                .map(|&r| severity(r))
                .max()
                .unwrap_or(Severity::Info);
            diagnostics.extend(
                f.rules
                    .iter()
                    .map(|&r| diagnostic::of_finding(f, r, severity(r))),
            );
        }
        for u in &unverified {
            if !u.rules.is_empty() {
                diagnostics.push(diagnostic::of_unverified(u, severity(Rule::Unverified)));
            }
        }
        // With no article checked, every statement is "missing": saying so
        // would bury the reason (the errors about the articles).
        if let Some(level) = levels.get(Rule::Missing).severity()
            && articles > 0
            && whole
        {
            diagnostics.extend(
                missing
                    .iter()
                    .map(|m| diagnostic::of_missing(m, &list, level)),
            );
        }
        let suppressed = findings.iter().map(|f| f.suppressed.len()).sum::<usize>()
            + unverified.iter().map(|u| u.suppressed.len()).sum::<usize>();
        let mut report = Report {
            version: REPORT_VERSION,
            findings,
            missing: missing.into_iter().map(|m| m.quote_id).collect(),
            unverified,
            skipped,
            diagnostics,
            summary: Summary {
                articles,
                suppressed,
                ..Summary::default()
            },
            scope: Scope::Articles,
            checked,
            texts,
        };
        report.count();
        report
    }

    /// The report of `quotecheck validate`: problems of the list alone.
    pub fn of_list(diagnostics: Vec<Diagnostic>) -> Self {
        let mut report = Report {
            version: REPORT_VERSION,
            findings: Vec::new(),
            missing: Vec::new(),
            unverified: Vec::new(),
            skipped: Vec::new(),
            diagnostics,
            summary: Summary::default(),
            scope: Scope::List,
            checked: Vec::new(),
            texts: HashMap::new(),
        };
        report.count();
        report
    }

    /// Sorts the diagnostics and counts everything into the summary.
    fn count(&mut self) {
        self.diagnostics.sort_by(|a, b| {
            (&a.path, a.line, a.column, a.rule, &a.quote_id).cmp(&(
                &b.path,
                b.line,
                b.column,
                b.rule,
                &b.quote_id,
            ))
        });
        let findings = &self.findings;
        let count = |f: &dyn Fn(&Finding) -> bool| findings.iter().filter(|x| f(x)).count();
        let by_severity = |s: Severity| self.diagnostics.iter().filter(|d| d.severity == s).count();
        self.summary = Summary {
            articles: self.summary.articles,
            skipped: self.skipped.len(),
            findings: findings.len(),
            exact: count(&|f| f.kind == Kind::Exact),
            partial: count(&|f| f.kind == Kind::Partial),
            drift: count(&|f| f.kind == Kind::Drift),
            unquoted: count(&|f| !f.quoted),
            missing: self.missing.len(),
            mismatched: count(&|f| f.attribution.status == Status::Mismatch),
            unattributed: count(&|f| f.attribution.status == Status::Unattributed),
            unverified: self.unverified.len(),
            errors: by_severity(Severity::Error),
            warnings: by_severity(Severity::Warning),
            infos: by_severity(Severity::Info),
            suppressed: self.summary.suppressed,
            baselined: self.summary.baselined,
        };
    }

    /// Takes the problems `baseline` knows out of the report, and returns its
    /// entries that matched nothing.
    ///
    /// An entry counts as stale only when `in_scope` says this run could
    /// have found it (its article was read, its rule was on): checking two
    /// files of an archive says nothing about the others.
    pub fn apply_baseline(
        &mut self,
        baseline: &Baseline,
        anchor: &Anchor,
        in_scope: impl Fn(&Entry) -> bool,
    ) -> Vec<Entry> {
        let mut sifted = baseline.sift(&mut self.diagnostics, anchor);
        sifted.stale.retain(|e| in_scope(e));
        // What is left is what findings report: a rule whose diagnostic the
        // baseline took is baselined, and severity follows the rest.
        let left = severities(&self.diagnostics);
        for f in &mut self.findings {
            let at = |rule| {
                (
                    f.article.as_str(),
                    f.line,
                    f.column,
                    Some(f.quote_id.as_str()),
                    rule,
                )
            };
            let (rules, baselined): (Vec<Rule>, Vec<Rule>) =
                f.rules.iter().partition(|&&r| left.contains_key(&at(r)));
            f.severity = rules
                .iter()
                .filter_map(|&r| left.get(&at(r)).copied())
                .max()
                .unwrap_or(Severity::Info);
            f.rules = rules;
            f.baselined.extend(baselined);
        }
        for u in &mut self.unverified {
            let at = |rule| (u.article.as_str(), u.line, u.column, None, rule);
            u.rules.retain(|&r| left.contains_key(&at(r)));
        }
        self.summary.baselined = sifted.known.len();
        self.count();
        sifted.stale
    }

    /// The most severe problem, if any.
    pub fn worst(&self) -> Option<Severity> {
        self.diagnostics.iter().map(|d| d.severity).max()
    }

    /// Whether some article could not be checked.
    pub fn has_input_errors(&self) -> bool {
        self.skipped.iter().any(|s| s.error)
    }
}
