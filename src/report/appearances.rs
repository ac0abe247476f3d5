//! One statement across the corpus: how its wording travelled.
//!
//! A fact-checker tracing a statement through the press wants the record
//! beside every printing of it, oldest first, with what each outlet changed
//! and whom each credited. An article's date is what it says of itself (a
//! page's `<meta>` tags, a record's `date`), else the first `YYYY-MM-DD` in
//! its name, as archives name files (`2022-01-26-us-sent-response.txt`);
//! undated articles come last, by name.

use serde::Serialize;

use super::{Finding, Report};
use crate::catalog::{Catalog, Quote};

/// A statement of record and its appearances.
#[derive(Debug, Serialize)]
pub struct Appearances<'a> {
    pub quote_id: &'a str,
    pub speaker: &'a str,
    pub speaker_name: &'a str,
    pub text: &'a str,
    pub date: Option<&'a str>,
    pub source: Option<&'a str>,
    pub variants: Vec<&'a str>,
    /// Oldest article first (see the module doc), then by article and
    /// position.
    pub appearances: Vec<&'a Finding>,
}

impl<'a> Appearances<'a> {
    /// The appearances of statement `id` in `report`; `Err` with the
    /// closest id when the list has no such statement.
    pub fn of(catalog: &'a Catalog, report: &'a Report, id: &str) -> Result<Self, String> {
        let Some(quote) = catalog.quotes.iter().find(|q| q.id == id) else {
            return Err(unknown(catalog, id));
        };
        let speaker = &catalog.speakers[quote.speaker];
        let mut appearances: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.quote_id == id)
            .collect();
        appearances.sort_by_key(|f| (f.date.is_none(), &f.date, &f.article, f.line, f.column));
        Ok(Appearances {
            quote_id: &quote.id,
            speaker: &speaker.id,
            speaker_name: &speaker.name,
            text: &quote.text,
            date: quote.date.as_deref(),
            source: quote.source.as_deref(),
            variants: variants(quote),
            appearances,
        })
    }
}

fn variants(quote: &Quote) -> Vec<&str> {
    quote.variants.iter().map(|v| v.text.as_str()).collect()
}

/// Says that the list has no statement `id`, and which id is closest.
fn unknown(catalog: &Catalog, id: &str) -> String {
    let closest = catalog
        .quotes
        .iter()
        .map(|q| (strsim::jaro_winkler(&q.id, id), &q.id))
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match closest {
        Some((score, best)) if score > 0.7 => format!(
            "{}: no statement with id `{id}`\n  help: did you mean `{best}`? (`quotecheck list` shows every id)",
            catalog.path.display()
        ),
        _ => format!(
            "{}: no statement with id `{id}`\n  help: `quotecheck list` shows every id",
            catalog.path.display()
        ),
    }
}

/// The day a date value starts with: `2022-01-10` of `2022-01-10T09:30:00Z`.
pub fn day_of(value: &str) -> Option<String> {
    let value = value.trim();
    date_in(value)
        .filter(|d| value.starts_with(d))
        .map(str::to_string)
}

/// The first `YYYY-MM-DD` in an article's name, if it is a plausible date.
pub fn date_in(name: &str) -> Option<&str> {
    let bytes = name.as_bytes();
    let number = |s: &[u8]| -> Option<u32> {
        s.iter().try_fold(0, |n, b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let s = &bytes[i..i + 10];
        let alone = (i == 0 || !bytes[i - 1].is_ascii_digit())
            && bytes.get(i + 10).is_none_or(|b| !b.is_ascii_digit());
        let (month, day) = (number(&s[5..7])?, number(&s[8..10])?);
        (alone
            && number(&s[..4]).is_some()
            && s[4] == b'-'
            && s[7] == b'-'
            && (1..=12).contains(&month)
            && (1..=31).contains(&day))
        .then(|| &name[i..i + 10])
    })
}

#[cfg(test)]
mod tests {
    use super::date_in;

    #[test]
    fn dates_are_read_from_names() {
        assert_eq!(
            date_in("articles/2022-01-26-us-sent-response.txt"),
            Some("2022-01-26")
        );
        assert_eq!(date_in("afp-2022-01-19-blinken.txt"), Some("2022-01-19"));
        assert_eq!(date_in("archive.jsonl#tass-2022-13-01"), None);
        assert_eq!(date_in("12022-01-26.txt"), None);
        assert_eq!(date_in("notes.txt"), None);
    }
}
