//! The rules: every kind of problem quotecheck reports has a stable code
//! (`QC001`), a name and a default level. Codes are part of the contract:
//! configuration, suppression comments, baselines and SARIF alerts refer to
//! them, so a code is never reused for another meaning.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::Severity;

/// A rule of quotecheck.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// Words substituted, inserted, dropped or reordered inside quotation marks.
    Drift,
    /// The article credits the words to someone other than the speaker of record.
    Misattribution,
    /// The article credits the words to no one.
    Unattributed,
    /// A statement of the list appears in no article checked.
    Missing,
    /// A quotation that matches no statement of the list.
    Unverified,
    /// A suppression comment that suppressed nothing.
    UnusedSuppression,
    /// A suppression comment quotecheck cannot read.
    InvalidSuppression,
    /// The quote list cannot be used (syntax, unknown keys, duplicate ids ...).
    ListError,
    /// A speaker of the list no statement refers to.
    UnquotedSpeaker,
    /// A statement without a date.
    MissingDate,
    /// A statement without a source.
    MissingSource,
    /// Two statements with the same wording.
    DuplicateText,
}

/// How a rule is treated in a run: a severity, or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Info,
    Warning,
    Error,
}

impl Level {
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Info => Some(Severity::Info),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Off => "off",
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

impl Rule {
    /// Every rule, in code order.
    pub const ALL: [Rule; 12] = [
        Rule::Drift,
        Rule::Misattribution,
        Rule::Unattributed,
        Rule::Missing,
        Rule::Unverified,
        Rule::UnusedSuppression,
        Rule::InvalidSuppression,
        Rule::ListError,
        Rule::UnquotedSpeaker,
        Rule::MissingDate,
        Rule::MissingSource,
        Rule::DuplicateText,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Rule::Drift => "QC001",
            Rule::Misattribution => "QC002",
            Rule::Unattributed => "QC003",
            Rule::Missing => "QC004",
            Rule::Unverified => "QC005",
            Rule::UnusedSuppression => "QC006",
            Rule::InvalidSuppression => "QC007",
            Rule::ListError => "QC100",
            Rule::UnquotedSpeaker => "QC101",
            Rule::MissingDate => "QC102",
            Rule::MissingSource => "QC103",
            Rule::DuplicateText => "QC104",
        }
    }

    /// A short kebab-case name, for titles and SARIF.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Drift => "wording-drift",
            Rule::Misattribution => "misattribution",
            Rule::Unattributed => "unattributed-quote",
            Rule::Missing => "statement-not-found",
            Rule::Unverified => "unverified-quotation",
            Rule::UnusedSuppression => "unused-suppression",
            Rule::InvalidSuppression => "invalid-suppression",
            Rule::ListError => "invalid-quote-list",
            Rule::UnquotedSpeaker => "speaker-never-quoted",
            Rule::MissingDate => "statement-without-date",
            Rule::MissingSource => "statement-without-source",
            Rule::DuplicateText => "duplicate-statement",
        }
    }

    /// One sentence on what the rule reports.
    pub fn summary(self) -> &'static str {
        match self {
            Rule::Drift => {
                "Words of a quotation were substituted, inserted, dropped or reordered against the record."
            }
            Rule::Misattribution => {
                "The article credits a statement of the record to someone other than its speaker."
            }
            Rule::Unattributed => {
                "The article quotes a statement of the record without crediting anyone."
            }
            Rule::Missing => "A statement of the quote list appears in no article checked.",
            Rule::Unverified => {
                "A quotation of four words or more matches no statement of the quote list."
            }
            Rule::UnusedSuppression => "A suppression comment suppressed nothing.",
            Rule::InvalidSuppression => {
                "A suppression comment names no rule, or a rule that does not exist."
            }
            Rule::ListError => {
                "The quote list cannot be used: a syntax error, an unknown key, a duplicate id."
            }
            Rule::UnquotedSpeaker => "A speaker of the quote list has no statement.",
            Rule::MissingDate => "A statement of the quote list has no date.",
            Rule::MissingSource => "A statement of the quote list has no source.",
            Rule::DuplicateText => "Two statements of the quote list have the same wording.",
        }
    }

    /// What to do about it.
    pub fn help(self) -> &'static str {
        match self {
            Rule::Drift => {
                "Restore the words of the record, mark omissions with an ellipsis and changes with [brackets], or add the wording to the statement's `variants` if it is an accepted rendering."
            }
            Rule::Misattribution => {
                "Credit the words to the speaker of record, or correct the record."
            }
            Rule::Unattributed => "Say who spoke, in the quotation's sentence or next to it.",
            Rule::Missing => "Nothing to fix in the articles; the statement is simply not quoted.",
            Rule::Unverified => {
                "Add the statement to the quote list once its wording and speaker are confirmed."
            }
            Rule::UnusedSuppression => "Remove the comment, or correct its rule codes.",
            Rule::InvalidSuppression => {
                "Write `<!-- quotecheck-disable-next-line QC001 -->` with one or more rule codes."
            }
            Rule::ListError => "Fix the list at the line given; the README describes the format.",
            Rule::UnquotedSpeaker => "Remove the speaker, or add their statements.",
            Rule::MissingDate => "Add `date: YYYY-MM-DD` to the statement.",
            Rule::MissingSource => "Add `source:` (a link or a description) to the statement.",
            Rule::DuplicateText => "Keep one statement, or tell them apart.",
        }
    }

    /// The level when no configuration says otherwise.
    pub fn default_level(self) -> Level {
        match self {
            // Printing words nobody said, or putting them in someone else's
            // mouth, is what the tool exists to stop.
            Rule::Drift | Rule::Misattribution | Rule::ListError => Level::Error,
            // Worth a look before publication, not always wrong: a quotation
            // may be credited a paragraph away in ways the reader follows.
            Rule::Unattributed
            | Rule::UnusedSuppression
            | Rule::InvalidSuppression
            | Rule::UnquotedSpeaker
            | Rule::DuplicateText => Level::Warning,
            // Facts about the corpus rather than mistakes in it.
            Rule::Missing | Rule::Unverified | Rule::MissingDate | Rule::MissingSource => {
                Level::Info
            }
        }
    }

    /// Whether a comment in an article can suppress the rule: the rules
    /// about quotations, not those about the list or the comments themselves.
    pub fn suppressible(self) -> bool {
        matches!(
            self,
            Rule::Drift | Rule::Misattribution | Rule::Unattributed | Rule::Unverified
        )
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Rule {
    type Err = String;

    /// Reads a code (`QC001`, any case) or a name (`wording-drift`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Rule::ALL
            .into_iter()
            .find(|r| r.code().eq_ignore_ascii_case(s) || r.name() == s)
            .ok_or_else(|| format!("unknown rule `{s}` (rules are QC001-QC007 and QC100-QC104)"))
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The level of every rule in a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Levels {
    levels: [Level; Rule::ALL.len()],
}

impl Default for Levels {
    fn default() -> Self {
        Levels {
            levels: Rule::ALL.map(Rule::default_level),
        }
    }
}

impl Levels {
    pub fn get(&self, rule: Rule) -> Level {
        self.levels[rule as usize]
    }

    pub fn set(&mut self, rule: Rule, level: Level) {
        self.levels[rule as usize] = level;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_parse_back() {
        let mut codes: Vec<&str> = Rule::ALL.iter().map(|r| r.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), Rule::ALL.len());
        for rule in Rule::ALL {
            assert_eq!(rule.code().parse::<Rule>(), Ok(rule));
            assert_eq!(rule.name().parse::<Rule>(), Ok(rule));
            assert_eq!(Rule::ALL[rule as usize], rule);
        }
        assert!("QC999".parse::<Rule>().is_err());
    }
}
