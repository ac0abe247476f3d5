//! The report: findings, the statements found nowhere, the files skipped, and
//! a summary. This is the one message type every output format renders; its
//! JSON form is the documented contract (`version` 1).

use serde::Serialize;

use crate::attribution::{SourceKind, Status, Via};
use crate::drift::{Changes, DiffPart, Edit, Kind};

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
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    /// One past the last character, as in SARIF and LSP.
    pub end_column: usize,
    /// The article's words exactly as printed, first word to last.
    pub text: String,
    pub kind: Kind,
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
    pub severity: Severity,
    /// Byte range in the article (for renderers that show the source line).
    #[serde(skip)]
    pub span: std::ops::Range<usize>,
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
    #[serde(skip)]
    pub display: Option<String>,
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
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
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
    pub summary: Summary,
}

/// The version of the JSON contract. Fields may be added within a version;
/// none is renamed, removed or changes meaning.
pub const REPORT_VERSION: u32 = 1;

impl Report {
    /// Sorts, counts and freezes a run's results.
    pub fn new(
        mut findings: Vec<Finding>,
        mut unverified: Vec<Unverified>,
        missing: Vec<String>,
        mut skipped: Vec<Skipped>,
        articles: usize,
    ) -> Self {
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
        let count = |f: &dyn Fn(&Finding) -> bool| findings.iter().filter(|x| f(x)).count();
        let summary = Summary {
            articles,
            skipped: skipped.len(),
            findings: findings.len(),
            exact: count(&|f| f.kind == Kind::Exact),
            partial: count(&|f| f.kind == Kind::Partial),
            drift: count(&|f| f.kind == Kind::Drift),
            unquoted: count(&|f| !f.quoted),
            missing: missing.len(),
            mismatched: count(&|f| f.attribution.status == Status::Mismatch),
            unattributed: count(&|f| f.attribution.status == Status::Unattributed),
            unverified: unverified.len(),
            errors: count(&|f| f.severity == Severity::Error),
            warnings: count(&|f| f.severity == Severity::Warning),
            infos: count(&|f| f.severity == Severity::Info),
        };
        Report {
            version: REPORT_VERSION,
            findings,
            missing,
            unverified,
            skipped,
            summary,
        }
    }

    /// The most severe finding, if any.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }

    /// Whether some article could not be checked.
    pub fn has_input_errors(&self) -> bool {
        self.skipped.iter().any(|s| s.error)
    }
}
