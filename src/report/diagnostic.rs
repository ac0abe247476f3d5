//! Diagnostics: the problems of a run as one flat list, each with its rule,
//! severity, position, message and fingerprint. Findings say what was found;
//! diagnostics say what is wrong with it. The one-line, SARIF and GitHub
//! formats and the baseline all read this list, so they always agree.

use serde::Serialize;

use super::{Finding, Missing, Rule, Severity, Unverified};
use crate::drift::{DiffPart, Edit, Op};
use crate::text::{Token, squeeze, tokenize};

/// Messages quote this much of a quotation at most.
const MAX_QUOTED_CHARS: usize = 120;

/// One problem, at one place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub rule: Rule,
    pub severity: Severity,
    /// The article, or the quote list for list rules.
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// One line, the same in every format.
    pub message: String,
    /// The statement concerned, when there is one.
    pub quote_id: Option<String>,
    /// Identifies the problem without its position, so that it survives
    /// lines being added above it: see [`fingerprint`].
    pub fingerprint: String,
}

impl Diagnostic {
    /// The key a baseline stores: no line or column, so it survives edits
    /// elsewhere in the article.
    pub fn key(&self) -> (&str, Rule, Option<&str>, &str) {
        (
            &self.path,
            self.rule,
            self.quote_id.as_deref(),
            &self.fingerprint,
        )
    }
}

/// A stable 64-bit FNV-1a hash of the statement's id and the printed words,
/// folded (case, typography), in hexadecimal. Stable across versions and
/// platforms, unlike the standard library's hasher; moving the quotation
/// leaves it unchanged, changing its words changes it.
pub fn fingerprint(quote_id: &str, printed: &str) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(PRIME);
        }
    };
    feed(quote_id.as_bytes());
    // The words' keys as the tokenizer holds them, not copied out as
    // strings first (a finding's words were an allocation each).
    for word in tokenize(printed, false).iter().filter(|t| t.is_word()) {
        feed(&[0]);
        feed(word.key.as_bytes());
    }
    format!("{hash:016x}")
}

/// The diagnostic of one finding, for one rule it breaks.
pub fn of_finding(f: &Finding, rule: Rule, severity: Severity) -> Diagnostic {
    let mut message = title(f, rule);
    if rule == Rule::Drift {
        // Whole: the diff is the point, and it is bounded by its sentence.
        message.push_str(": ");
        message.push_str(&word_diff(&f.diff));
    }
    Diagnostic {
        rule,
        severity,
        path: f.article.clone(),
        line: f.line,
        column: f.column,
        end_line: f.end_line,
        end_column: f.end_column,
        message,
        quote_id: Some(f.quote_id.clone()),
        fingerprint: f.fingerprint.clone(),
    }
}

/// What is wrong with a finding under `rule`, in one sentence (the word
/// diff of drift aside).
pub fn title(f: &Finding, rule: Rule) -> String {
    let who = &f.speaker_name;
    let id = &f.quote_id;
    match rule {
        Rule::Drift => format!(
            "`{id}` ({who}) is quoted with changed words (similarity {:.2})",
            f.similarity
        ),
        Rule::Misattribution => {
            let credited = f.attribution.display.as_deref().unwrap_or("someone else");
            match &f.attribution.cue {
                Some(cue) => format!(
                    "`{id}` is credited to {credited} (\"{}\", line {}), but the record says {who}",
                    cue.text, cue.line
                ),
                None => format!(
                    "`{id}` is credited to {credited} (continuing the quotation before), but the record says {who}"
                ),
            }
        }
        Rule::Unattributed => format!("`{id}` ({who}) is quoted without crediting anyone"),
        _ => format!("`{id}` ({who}): {}", rule.summary()),
    }
}

/// The diagnostic of an unverified quotation.
pub fn of_unverified(u: &Unverified, severity: Severity) -> Diagnostic {
    let credit = match &u.display {
        Some(name) => format!("credited to {name}"),
        None => "credited to no one".to_string(),
    };
    Diagnostic {
        rule: Rule::Unverified,
        severity,
        path: u.article.clone(),
        line: u.line,
        column: u.column,
        end_line: u.end_line,
        end_column: u.end_column,
        message: format!(
            "\"{}\" ({credit}) matches no statement of the list",
            shorten(&squeeze(&u.text))
        ),
        quote_id: None,
        fingerprint: u.fingerprint.clone(),
    }
}

/// The diagnostic of a statement found in no article: at its line in the
/// list, which is where something could be done about it.
pub fn of_missing(m: &Missing, list: &str, severity: Severity) -> Diagnostic {
    let line = m.line.unwrap_or(1);
    Diagnostic {
        rule: Rule::Missing,
        severity,
        path: list.to_string(),
        line,
        column: 1,
        end_line: line,
        end_column: 1,
        message: format!(
            "`{}` ({}) appears in no article checked",
            m.quote_id, m.speaker_name
        ),
        quote_id: Some(m.quote_id.clone()),
        fingerprint: fingerprint(&m.quote_id, ""),
    }
}

/// The word diff in the notation of `git diff --word-diff=plain`:
/// `[-removed-]{+added+}`; style-guide edits in parentheses.
pub fn word_diff(parts: &[DiffPart]) -> String {
    join_diff(parts, |p| match (p.op, p.edit) {
        (Op::Equal, _) | (Op::Insert, Some(_)) => p.text.clone(),
        (Op::Delete, Some(Edit::Ellipsis)) => format!("(… {})", p.text),
        (Op::Delete, Some(_)) => format!("({})", p.text),
        (Op::Delete, None) => format!("[-{}-]", p.text),
        (Op::Insert, None) => format!("{{+{}+}}", p.text),
    })
}

/// Joins spelled diff parts with spaces, except that a deletion and the
/// insertion that replaces it stand together, as in `git diff --word-diff`:
/// `[-could-]{+can+}`.
pub fn join_diff(parts: &[DiffPart], spell: impl Fn(&DiffPart) -> String) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        let replaces = i > 0 && parts[i - 1].op == Op::Delete && part.op == Op::Insert;
        if i > 0 && !replaces {
            out.push(' ');
        }
        out.push_str(&spell(part));
    }
    out
}

/// Cuts long text to [`MAX_QUOTED_CHARS`] characters, marking the cut.
pub fn shorten(s: &str) -> String {
    if s.chars().count() <= MAX_QUOTED_CHARS {
        return s.to_string();
    }
    let head: String = s.chars().take(MAX_QUOTED_CHARS - 1).collect();
    format!("{head}…")
}

/// The folded words of `text`, for comparisons that ignore typography.
pub fn folded_words(text: &str) -> Vec<String> {
    tokenize(text, false)
        .into_iter()
        .filter(Token::is_word)
        .map(|t| t.key.into_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_ignore_typography_but_not_words() {
        let a = fingerprint("q", "“We are ready,” he said");
        assert_eq!(a, fingerprint("q", "\"we  are READY,\" he said"));
        assert_ne!(a, fingerprint("q", "we are not ready he said"));
        assert_ne!(a, fingerprint("other", "we are ready he said"));
        assert_eq!(a.len(), 16);
    }
}
