//! Growing the list: quotations printed in several articles that are not on
//! it.
//!
//! A quotation that two outlets print alike is likely somebody's words worth
//! keeping on record. Quotations are grouped by their folded words (so
//! typography and case do not split a group), and a quotation printed whole
//! in one article and in part in another is one group: a part (of at least
//! [`MIN_PART_WORDS`] words) joins the longest printing that holds its words
//! in a row. A group seen in two or more articles becomes a suggestion, its
//! text the longest printing, credited to the speaker most of its printings
//! name. Suggestions are proposals for a person to check against the
//! source, never entries written into the list.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::{Report, Unverified};
use crate::catalog::Catalog;
use crate::report::diagnostic::folded_words;

/// The fewest words a part must have to join a longer printing: as many as
/// an unverified quotation has at least, so that a stock phrase ("the
/// United States and") never ties two different quotations together.
const MIN_PART_WORDS: usize = 4;

/// A quotation to consider for the list.
#[derive(Debug)]
pub struct Suggestion<'a> {
    /// A fresh id: the speaker's, then the first words.
    pub id: String,
    /// The printed words (the first of the longest printings), without a
    /// trailing comma.
    pub text: &'a str,
    /// Whom most printings credit: a listed speaker's id, or the name as
    /// printed (`listed` false); `None` when no printing credits anyone.
    pub speaker: Option<&'a str>,
    pub listed: bool,
    /// Every printing, in report order.
    pub seen: Vec<&'a Unverified>,
    /// How many of them print only a part of `text`.
    pub parts: usize,
}

/// The suggestions of `report`: most-printed first, then by text.
pub fn suggest<'a>(catalog: &Catalog, report: &'a Report) -> Vec<Suggestion<'a>> {
    let mut alike: BTreeMap<Vec<String>, Vec<&Unverified>> = BTreeMap::new();
    for u in &report.unverified {
        alike.entry(folded_words(&u.text)).or_default().push(u);
    }
    let listed: HashSet<&str> = catalog.speakers.iter().map(|s| s.id.as_str()).collect();
    let mut taken: HashSet<String> = catalog.quotes.iter().map(|q| q.id.clone()).collect();
    let mut groups: Vec<Group> = merge_parts(alike)
        .into_iter()
        .filter(|g| {
            let articles: HashSet<&str> = g.seen().map(|u| u.article.as_str()).collect();
            articles.len() >= 2
        })
        .collect();
    let printings = |g: &Group| g.whole.len() + g.parts.len();
    groups.sort_by(|a, b| printings(b).cmp(&printings(a)).then(a.words.cmp(&b.words)));
    groups
        .into_iter()
        .map(|g| {
            let mut seen: Vec<&Unverified> = g.seen().collect();
            seen.sort_by(|a, b| {
                (&a.article, a.line, a.column).cmp(&(&b.article, b.line, b.column))
            });
            let speaker = most_named(&seen);
            let listed = speaker.is_some_and(|s| listed.contains(s));
            let id = fresh_id(if listed { speaker } else { None }, &g.words, &mut taken);
            Suggestion {
                id,
                // A quotation split by its attribution ends in a comma that
                // is the sentence's, not the speaker's.
                text: g.whole[0].text.trim_end_matches([',', ';', ':', ' ']),
                speaker,
                listed,
                seen,
                parts: g.parts.len(),
            }
        })
        .collect()
}

/// Printings of one quotation: those of its longest wording, and parts.
struct Group<'a> {
    words: Vec<String>,
    whole: Vec<&'a Unverified>,
    parts: Vec<&'a Unverified>,
}

impl<'a> Group<'a> {
    fn seen(&self) -> impl Iterator<Item = &'a Unverified> + '_ {
        self.whole.iter().chain(&self.parts).copied()
    }
}

/// Joins each wording to the longest wording that holds its words in a
/// row (longest first, so a part of a part joins the whole). Candidates
/// come from an index of each wording's runs of [`MIN_PART_WORDS`] words,
/// looked up by a part's first run, so the cost grows with the words, not
/// with the square of the quotations.
fn merge_parts<'a>(alike: BTreeMap<Vec<String>, Vec<&'a Unverified>>) -> Vec<Group<'a>> {
    let mut wordings: Vec<(Vec<String>, Vec<&Unverified>)> = alike.into_iter().collect();
    // Longest first; the map's order breaks ties.
    wordings.sort_by_key(|w| std::cmp::Reverse(w.0.len()));
    let mut runs: HashMap<&[String], Vec<usize>> = HashMap::new();
    for (i, (words, _)) in wordings.iter().enumerate() {
        for run in words.windows(MIN_PART_WORDS) {
            let holders = runs.entry(run).or_default();
            if holders.last() != Some(&i) {
                holders.push(i);
            }
        }
    }
    // The group each wording belongs to, by the index of its root wording.
    let mut root: Vec<usize> = (0..wordings.len()).collect();
    for (i, (words, _)) in wordings.iter().enumerate() {
        if words.len() < MIN_PART_WORDS {
            continue;
        }
        // Any run of the part will do to find what holds it: the one held
        // by the fewest wordings. Holders are in index order, longest
        // first: only those before the part are longer (or as long), and
        // the first that holds the whole part is the longest.
        let holders = words
            .windows(MIN_PART_WORDS)
            .map(|run| &runs[run])
            .min_by_key(|holders| holders.len())
            .expect("a part has a run");
        let before = holders.partition_point(|&h| h < i);
        let holder = holders[..before].iter().copied().find(|&h| {
            let longer = &wordings[h].0;
            longer.len() > words.len() && longer.windows(words.len()).any(|w| w == words)
        });
        if let Some(h) = holder {
            root[i] = root[h];
        }
    }
    let mut groups: BTreeMap<usize, Group> = BTreeMap::new();
    for (i, (words, seen)) in wordings.into_iter().enumerate() {
        if root[i] == i {
            groups.insert(
                i,
                Group {
                    words,
                    whole: seen,
                    parts: Vec::new(),
                },
            );
        } else {
            let group = groups.get_mut(&root[i]).expect("roots come first");
            group.parts.extend(seen);
        }
    }
    groups.into_values().collect()
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
