//! Every statement of the list, counted across the corpus.
//!
//! `quotecheck list` answers the desk's first questions about its list:
//! which statements are printed, how faithfully, and which nobody prints.

use serde::Serialize;

use super::{Finding, Report};
use crate::attribution::Status;
use crate::catalog::Catalog;
use crate::drift::Kind;

/// One statement's appearances, by kind.
#[derive(Debug, Default, Serialize)]
pub struct Tally<'a> {
    pub quote_id: &'a str,
    pub speaker: &'a str,
    pub speaker_name: &'a str,
    /// Appearances word for word.
    pub exact: usize,
    /// Verbatim parts, or the statement with style-guide edits.
    pub partial: usize,
    pub drift: usize,
    /// Appearances credited to someone else (of any kind above).
    pub misattributed: usize,
    /// All appearances.
    pub total: usize,
}

/// The tally of every statement of `catalog` in `report`, in list order.
pub fn tally<'a>(catalog: &'a Catalog, report: &Report) -> Vec<Tally<'a>> {
    let mut tallies: Vec<Tally> = catalog
        .quotes
        .iter()
        .map(|q| {
            let speaker = &catalog.speakers[q.speaker];
            Tally {
                quote_id: &q.id,
                speaker: &speaker.id,
                speaker_name: &speaker.name,
                ..Tally::default()
            }
        })
        .collect();
    let at: std::collections::HashMap<&str, usize> = catalog
        .quotes
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.as_str(), i))
        .collect();
    for f in &report.findings {
        if let Some(&i) = at.get(f.quote_id.as_str()) {
            tallies[i].count(f);
        }
    }
    tallies
}

impl Tally<'_> {
    /// Counts one appearance of the statement.
    pub fn count(&mut self, f: &Finding) {
        match f.kind {
            Kind::Exact => self.exact += 1,
            Kind::Partial => self.partial += 1,
            Kind::Drift => self.drift += 1,
        }
        self.misattributed += usize::from(f.attribution.status == Status::Mismatch);
        self.total += 1;
    }
}
