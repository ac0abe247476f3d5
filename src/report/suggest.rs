//! Growing the list: quotations printed in several articles that are not on
//! it.
//!
//! A quotation that two outlets print alike is likely somebody's words worth
//! keeping on record. Quotations are grouped by their folded words (so
//! typography and case do not split a group); a group seen in two or more
//! articles becomes a suggestion, credited to the speaker most of its
//! articles name. Suggestions are proposals for a person to check against the
//! source, never entries written into the list.

use std::collections::{BTreeMap, HashSet};

use super::{Report, Unverified};
use crate::catalog::Catalog;
use crate::report::diagnostic::folded_words;

/// A quotation to consider for the list.
#[derive(Debug)]
pub struct Suggestion<'a> {
    /// A fresh id: the speaker's, then the first words.
    pub id: String,
    /// The printed words (the first printing seen), without a trailing
    /// comma.
    pub text: &'a str,
    /// Whom most printings credit: a listed speaker's id, or the name as
    /// printed (`listed` false); `None` when no printing credits anyone.
    pub speaker: Option<&'a str>,
    pub listed: bool,
    /// Every printing, in report order.
    pub seen: Vec<&'a Unverified>,
}

/// The suggestions of `report`: most-printed first, then by text.
pub fn suggest<'a>(catalog: &Catalog, report: &'a Report) -> Vec<Suggestion<'a>> {
    let mut groups: BTreeMap<Vec<String>, Vec<&Unverified>> = BTreeMap::new();
    for u in &report.unverified {
        groups.entry(folded_words(&u.text)).or_default().push(u);
    }
    let listed: HashSet<&str> = catalog.speakers.iter().map(|s| s.id.as_str()).collect();
    let mut taken: HashSet<String> = catalog.quotes.iter().map(|q| q.id.clone()).collect();
    let mut groups: Vec<(Vec<String>, Vec<&Unverified>)> = groups
        .into_iter()
        .filter(|(_, seen)| {
            let articles: HashSet<&str> = seen.iter().map(|u| u.article.as_str()).collect();
            articles.len() >= 2
        })
        .collect();
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    groups
        .into_iter()
        .map(|(words, seen)| {
            let speaker = most_named(&seen);
            let listed = speaker.is_some_and(|s| listed.contains(s));
            let id = fresh_id(if listed { speaker } else { None }, &words, &mut taken);
            Suggestion {
                id,
                // A quotation split by its attribution ends in a comma that
                // is the sentence's, not the speaker's.
                text: seen[0].text.trim_end_matches([',', ';', ':', ' ']),
                speaker,
                listed,
                seen,
            }
        })
        .collect()
}

/// The speaker most printings credit (the first named on a tie).
fn most_named<'a>(seen: &[&'a Unverified]) -> Option<&'a str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for u in seen {
        if let Some(s) = u.speaker.as_deref() {
            match counts.iter_mut().find(|(name, _)| *name == s) {
                Some((_, n)) => *n += 1,
                None => counts.push((s, 1)),
            }
        }
    }
    let best = counts.iter().map(|&(_, n)| n).max()?;
    counts.into_iter().find(|&(_, n)| n == best).map(|(s, _)| s)
}

/// `speaker-first-four-words`, made unique against the list and the
/// suggestions before it.
fn fresh_id(speaker: Option<&str>, words: &[String], taken: &mut HashSet<String>) -> String {
    let slug: Vec<String> = words
        .iter()
        .map(|w| {
            w.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .take(4)
        .collect();
    let words = if slug.is_empty() {
        "quotation".to_string()
    } else {
        slug.join("-")
    };
    let base = format!("{}-{words}", speaker.unwrap_or("unlisted"));
    let mut id = base.clone();
    let mut n = 2;
    while !taken.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}
