//! Reads `quotes.yaml` and turns it into a [`Catalog`], or into every problem
//! found in it at once, each with its line, so that one run tells the editor
//! everything to fix.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::locate::{self, top_level_line};
use super::{Catalog, Quote, Speaker};

/// A list larger than this is not a list of quotations; refusing it early
/// bounds memory before the parser sees it.
const MAX_CATALOG_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalog {
    #[serde(default)]
    speakers: Vec<RawSpeaker>,
    quotes: Vec<RawQuote>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpeaker {
    id: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    pronouns: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuote {
    id: String,
    speaker: String,
    text: String,
    /// Other wordings accepted as the statement.
    #[serde(default)]
    variants: Vec<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    source: Option<String>,
    /// Free-form remarks for the people who keep the list.
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

/// One thing wrong with the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub help: Option<String>,
}

/// Why the list could not be used. `Display` prints one problem per line as
/// `path:line:column: message`, with a `help:` line where a fix is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogError {
    pub path: PathBuf,
    pub problems: Vec<Problem>,
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}", self.path.display())?;
            if let Some(line) = p.line {
                write!(f, ":{line}")?;
                if let Some(column) = p.column {
                    write!(f, ":{column}")?;
                }
            }
            write!(f, ": {}", p.message)?;
            if let Some(help) = &p.help {
                write!(f, "\n  help: {help}")?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for CatalogError {}

fn problem(line: Option<usize>, message: String, help: &str) -> Problem {
    Problem {
        line,
        column: None,
        message,
        help: (!help.is_empty()).then(|| help.to_string()),
    }
}

pub fn load(path: &Path) -> Result<Catalog, CatalogError> {
    let fail = |message: String, help: &str| CatalogError {
        path: path.to_path_buf(),
        problems: vec![problem(None, message, help)],
    };
    let help_missing = "pass the list with --quotes PATH, or run quotecheck where quotes.yaml is";
    let meta = std::fs::metadata(path)
        .map_err(|e| fail(format!("cannot read the quote list: {e}"), help_missing))?;
    if meta.is_dir() {
        return Err(fail(
            "is a directory, not a quote list".into(),
            "pass the YAML file itself with --quotes PATH",
        ));
    }
    if meta.len() > MAX_CATALOG_BYTES {
        return Err(fail(
            format!(
                "is {} bytes; quote lists are limited to {MAX_CATALOG_BYTES} bytes",
                meta.len()
            ),
            "split the list, or check that --quotes names the right file",
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| fail(format!("cannot read the quote list: {e}"), help_missing))?;
    let source = String::from_utf8(bytes).map_err(|e| {
        fail(
            format!("is not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()),
            "save the list as UTF-8",
        )
    })?;
    parse(path, &source)
}

pub fn parse(path: &Path, source: &str) -> Result<Catalog, CatalogError> {
    let fail = |problems| CatalogError {
        path: path.to_path_buf(),
        problems,
    };
    if source.trim().is_empty() {
        return Err(fail(vec![problem(
            None,
            "the quote list is empty".into(),
            "list statements under `quotes:` (see the README for the format)",
        )]));
    }
    let source = source.strip_prefix('\u{FEFF}').unwrap_or(source);
    let raw: RawCatalog =
        serde_yaml::from_str(source).map_err(|e| fail(vec![yaml_problem(source, &e)]))?;
    let problems = validate(source, &raw);
    if !problems.is_empty() {
        return Err(fail(problems));
    }
    Ok(build(path, source, raw))
}

/// Turns a parser error into a problem with a position and, for the common
/// mistakes, a fix.
fn yaml_problem(source: &str, error: &serde_yaml::Error) -> Problem {
    let text = error.to_string();
    let message = match text.rsplit_once(" at line ") {
        Some((message, _)) => message.to_string(),
        None => text.clone(),
    };
    // libyaml puts the position inside its sentences too ("... at line 10
    // column 1, while scanning a simple key"); the position is said once,
    // in front.
    let message = strip_positions(&message);
    let mut line = error.location().map(|l| l.line());
    let mut column = error.location().map(|l| l.column());
    let help = if let Some(field) = message
        .split_once("unknown field `")
        .and_then(|(_, rest)| rest.split_once('`'))
        .map(|(field, _)| field)
    {
        // Top-level unknown keys are reported at 1:1; point at the key.
        if line == Some(1)
            && column == Some(1)
            && let Some(at) = top_level_line(source, field)
        {
            line = Some(at);
            column = Some(1);
        }
        "check the spelling; the README lists every field of quotes.yaml"
    } else if message.contains("missing field") {
        "every speaker needs `id` and `name`; every quote needs `id`, `speaker` and `text`"
    } else if message.contains("repetition limit") || message.contains("recursion limit") {
        "the list expands YAML aliases too far; write the entries out"
    } else {
        ""
    };
    if line.is_none() {
        column = None;
    }
    problem(line, message, help).with_column(column)
}

/// `message` without its ` at line N column M` phrases.
fn strip_positions(message: &str) -> String {
    let mut out = String::new();
    let mut rest = message;
    while let Some(i) = rest.find(" at line ") {
        out.push_str(&rest[..i]);
        let after = &rest[i + " at line ".len()..];
        let skip = after
            .find(|c: char| !(c.is_ascii_digit() || c == ' ' || "column".contains(c)))
            .unwrap_or(after.len());
        rest = &after[skip..];
    }
    out.push_str(rest);
    out
}

impl Problem {
    fn with_column(mut self, column: Option<usize>) -> Self {
        self.column = column;
        self
    }
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && !id.chars().any(char::is_whitespace)
}

fn is_valid_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let num = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    matches!(
        (num(y, 4), num(m, 2), num(d, 2)),
        (Some(_), Some(1..=12), Some(1..=31))
    )
}

/// Checks ids (`kind` is "speaker" or "quote"): each must be a slug and
/// unique. Returns the index of each valid id by id.
fn check_ids<'a>(
    kind: &str,
    example: &str,
    advice: &str,
    ids: impl Iterator<Item = (&'a str, Option<usize>)>,
    problems: &mut Vec<Problem>,
) -> HashMap<&'a str, usize> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut lines: Vec<Option<usize>> = Vec::new();
    for (i, (id, line)) in ids.enumerate() {
        lines.push(line);
        if !is_valid_id(id) {
            problems.push(problem(
                line,
                format!("{kind} id `{id}` is empty or contains white space"),
                &format!("use a slug such as `{example}`"),
            ));
        } else if let Some(&first) = seen.get(id) {
            let first_line = lines[first]
                .map(|l| format!(" at line {l}"))
                .unwrap_or_default();
            problems.push(problem(
                line,
                format!("duplicate {kind} id `{id}` (first listed{first_line})"),
                advice,
            ));
        } else {
            seen.insert(id, i);
        }
    }
    seen
}

fn validate(source: &str, raw: &RawCatalog) -> Vec<Problem> {
    let mut problems = Vec::new();
    let speaker_items = locate::items(source, "speakers");
    let quote_items = locate::items(source, "quotes");
    // The line of `key:` in item `i`, if the file has the usual shape.
    let line = |items: &[locate::Item], i: usize, key: &str| {
        items.get(i).map(|item| item.line_of(source, key))
    };

    let speakers = check_ids(
        "speaker",
        "antony-blinken",
        "give each speaker one entry, with all its names under `aliases`",
        raw.speakers
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), line(&speaker_items, i, "id"))),
        &mut problems,
    );
    for (i, s) in raw.speakers.iter().enumerate() {
        if s.name.trim().is_empty() {
            problems.push(problem(
                line(&speaker_items, i, "name"),
                format!("speaker `{}` has an empty name", s.id),
                "",
            ));
        }
        if let Some(p) = &s.pronouns
            && !matches!(p.as_str(), "he" | "she" | "they" | "it")
        {
            problems.push(problem(
                line(&speaker_items, i, "pronouns"),
                format!("speaker `{}` has pronouns `{p}`", s.id),
                "use one of he, she, they, it",
            ));
        }
    }

    if raw.quotes.is_empty() {
        problems.push(problem(
            locate::top_level_line(source, "quotes"),
            "the list holds no quotes, so every check would pass".into(),
            "list statements under `quotes:` (see the README for the format)",
        ));
    }
    check_ids(
        "quote",
        "blinken-geneva-objective",
        "give each statement its own id",
        raw.quotes
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), line(&quote_items, i, "id"))),
        &mut problems,
    );
    for (i, q) in raw.quotes.iter().enumerate() {
        if !speakers.contains_key(q.speaker.as_str()) {
            problems.push(problem(
                line(&quote_items, i, "speaker"),
                format!(
                    "quote `{}` names speaker `{}`, who is not listed under `speakers`",
                    q.id, q.speaker
                ),
                "add the speaker under `speakers:` or correct the id",
            ));
        }
        if !q.text.chars().any(crate::text::fold::is_word_char) {
            problems.push(problem(
                line(&quote_items, i, "text"),
                format!("quote `{}` has an empty text", q.id),
                "give the exact wording of record",
            ));
        }
        // A variant is a wording of record like `text`, held to the same
        // rule: one without words would match nothing, so it is a slip.
        for (n, variant) in q.variants.iter().enumerate() {
            if !variant.chars().any(crate::text::fold::is_word_char) {
                problems.push(problem(
                    quote_items
                        .get(i)
                        .map(|item| item.entry_line(source, "variants", n)),
                    format!("quote `{}` has an empty variant (number {})", q.id, n + 1),
                    "give the other accepted wording, or remove the entry",
                ));
            }
        }
        if let Some(date) = &q.date
            && !is_valid_date(date)
        {
            problems.push(problem(
                line(&quote_items, i, "date"),
                format!(
                    "quote `{}` has date `{date}`, which is not YYYY-MM-DD",
                    q.id
                ),
                "write dates as 2022-01-21",
            ));
        }
    }
    problems
}

fn build(path: &Path, source: &str, raw: RawCatalog) -> Catalog {
    let line = |items: &[locate::Item], i: usize| items.get(i).map(|item| item.line);
    let (speaker_items, quote_items) = (
        locate::items(source, "speakers"),
        locate::items(source, "quotes"),
    );
    let index: HashMap<String, usize> = raw
        .speakers
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), i))
        .collect();
    let quotes = raw
        .quotes
        .into_iter()
        .enumerate()
        .map(|(i, q)| Quote {
            line: line(&quote_items, i),
            ..Quote::new(q.id, index[&q.speaker], q.text, q.date, q.source)
                .with_variants(q.variants)
        })
        .collect();
    let speakers = raw
        .speakers
        .into_iter()
        .enumerate()
        .map(|(i, s)| Speaker {
            id: s.id,
            name: s.name,
            aliases: s.aliases,
            pronouns: s.pronouns,
            line: line(&speaker_items, i),
        })
        .collect();
    Catalog {
        path: path.to_path_buf(),
        speakers,
        quotes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(source: &str) -> String {
        parse(Path::new("quotes.yaml"), source)
            .unwrap_err()
            .to_string()
    }

    const SPEAKER: &str = "speakers:\n  - id: a\n    name: A\n";

    #[test]
    fn valid_list_loads() {
        let c = parse(
            Path::new("q.yaml"),
            &format!("{SPEAKER}quotes:\n  - id: q\n    speaker: a\n    text: Hello there.\n    date: 2022-01-21\n"),
        )
        .unwrap();
        assert_eq!(c.quotes[0].words.len(), 2);
        assert_eq!(c.speaker_of(&c.quotes[0]).name, "A");
    }

    #[test]
    fn unknown_field_names_line() {
        let e = errors(&format!(
            "{SPEAKER}quotes:\n  - id: q\n    speaker: a\n    txt: Hello\n"
        ));
        assert!(
            e.starts_with("quotes.yaml:7:5: quotes[0]: unknown field `txt`"),
            "{e}"
        );
    }

    #[test]
    fn top_level_unknown_field_names_its_line() {
        let e = errors(&format!("{SPEAKER}quote:\n  - id: q\n"));
        assert!(
            e.starts_with("quotes.yaml:4:1: unknown field `quote`"),
            "{e}"
        );
    }

    #[test]
    fn semantic_problems_are_all_reported() {
        let e = errors(&format!(
            "{SPEAKER}quotes:\n  - id: q\n    speaker: a\n    text: Hi there\n  - id: q\n    speaker: zz\n    text: \"  \"\n"
        ));
        assert!(
            e.contains("quotes.yaml:8: duplicate quote id `q` (first listed at line 5)"),
            "{e}"
        );
        assert!(
            e.contains("quotes.yaml:9: quote `q` names speaker `zz`"),
            "{e}"
        );
        assert!(
            e.contains("quotes.yaml:10: quote `q` has an empty text"),
            "{e}"
        );
    }

    #[test]
    fn variants_are_read_like_the_text() {
        let c = parse(
            Path::new("q.yaml"),
            &format!("{SPEAKER}quotes:\n  - id: q\n    speaker: a\n    text: We have no intention of attacking anyone.\n    variants:\n      - We do not intend to attack [anybody].\n"),
        )
        .unwrap();
        let q = &c.quotes[0];
        assert_eq!(q.variants.len(), 1);
        let keys: Vec<&str> = q.words_of(Some(0)).iter().map(|t| t.key.as_str()).collect();
        assert_eq!(
            keys,
            ["we", "do", "not", "intend", "to", "attack", "anybody"]
        );
        // Brackets in a wording of record are the record's, not edits.
        assert!(q.words_of(Some(0)).iter().all(|t| t.bracket.is_none()));
        assert_eq!(q.text_of(Some(0)), "We do not intend to attack [anybody].");
        assert_eq!(q.words_of(None), q.words.as_slice());
    }

    #[test]
    fn an_empty_variant_is_reported_at_its_line() {
        let e = errors(&format!(
            "{SPEAKER}quotes:\n  - id: q\n    speaker: a\n    text: Hi there\n    variants:\n      - Hello there\n      - \"  ...  \"\n    date: 2022-13-01\n"
        ));
        assert_eq!(
            e,
            "quotes.yaml:10: quote `q` has an empty variant (number 2)\n  help: give the other accepted wording, or remove the entry\nquotes.yaml:11: quote `q` has date `2022-13-01`, which is not YYYY-MM-DD\n  help: write dates as 2022-01-21"
        );
        let e = errors(&format!(
            "{SPEAKER}quotes:\n  - id: q\n    speaker: a\n    text: Hi there\n    variants: [\"\"]\n"
        ));
        assert_eq!(
            e,
            "quotes.yaml:8: quote `q` has an empty variant (number 1)\n  help: give the other accepted wording, or remove the entry"
        );
    }

    #[test]
    fn alias_bomb_is_refused() {
        // Billion laughs: nine levels of nine aliases each would expand to
        // 9^9 strings if the parser followed them blindly.
        let mut src = String::from(
            "speakers:\n  - id: s0\n    name: S\n    aliases: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
        );
        for level in 1..9 {
            let prev = format!("*l{}", level - 1);
            let items = [prev.as_str(); 9].join(", ");
            src.push_str(&format!(
                "  - id: s{level}\n    name: S\n    aliases: &l{level} [{items}]\n"
            ));
        }
        src.push_str("quotes: []\n");
        let e = parse(Path::new("q.yaml"), &src).unwrap_err();
        assert_eq!(e.problems.len(), 1, "{e}");
        assert!(e.problems[0].line.is_some(), "{e}");
    }

    #[test]
    fn lines_are_right_when_optional_fields_vary() {
        let e = errors(&format!(
            "{SPEAKER}quotes:\n  - id: q0\n    speaker: a\n    text: Hi there\n    note: |\n      id: q1\n  - id: q1\n    speaker: a\n    text: Bye now\n    date: 2022-13-01\n"
        ));
        assert_eq!(
            e,
            "quotes.yaml:13: quote `q1` has date `2022-13-01`, which is not YYYY-MM-DD\n  help: write dates as 2022-01-21"
        );
    }

    #[test]
    fn an_empty_list_is_refused() {
        let e = errors(&format!("{SPEAKER}quotes: []\n"));
        assert!(
            e.starts_with("quotes.yaml:4: the list holds no quotes"),
            "{e}"
        );
    }

    #[test]
    fn dates_are_checked() {
        assert!(is_valid_date("2022-01-21"));
        assert!(!is_valid_date("2022-13-01"));
        assert!(!is_valid_date("21.01.2022"));
    }
}
