//! `quotecheck list`: every statement of the list with its appearances
//! counted, and those found nowhere, for a person (a table) or a script.

use std::fmt::Write;

use crate::report::Tally;

pub fn human(tallies: &[Tally]) -> String {
    // Each column as wide as its widest entry or its heading.
    let width = |heading: &str, of: for<'t> fn(&'t Tally) -> &'t str| {
        tallies
            .iter()
            .map(|t| of(t).chars().count())
            .fold(heading.len(), usize::max)
    };
    let id_width = width("id", |t| t.quote_id);
    let who_width = width("speaker", |t| t.speaker_name);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<id_width$}  {:<who_width$}  exact  partial  drift  misattributed  total",
        "id", "speaker"
    );
    for t in tallies {
        let _ = writeln!(
            out,
            "{:<id_width$}  {:<who_width$}  {:>5}  {:>7}  {:>5}  {:>13}  {:>5}",
            t.quote_id, t.speaker_name, t.exact, t.partial, t.drift, t.misattributed, t.total
        );
    }
    let nowhere: Vec<&str> = tallies
        .iter()
        .filter(|t| t.total == 0)
        .map(|t| t.quote_id)
        .collect();
    let found = tallies.len() - nowhere.len();
    let _ = writeln!(
        out,
        "\n{found} of {} statements found{}",
        tallies.len(),
        if nowhere.is_empty() {
            String::new()
        } else {
            format!("; found nowhere: {}", nowhere.join(", "))
        }
    );
    out
}

pub fn json(tallies: &[Tally]) -> String {
    let mut out = serde_json::to_string_pretty(&serde_json::json!({ "statements": tallies }))
        .expect("a tally always serializes");
    out.push('\n');
    out
}
