//! Measures attribution accuracy on labelled evaluation sets.
//!
//! ```sh
//! cargo run --release --example eval_attribution                          # every set
//! cargo run --release --example eval_attribution -- eval/attribution/dev-17  # one set
//! ```
//!
//! A set is a folder with `labels.yaml` (one entry per quotation of a listed
//! statement: the article, the line, the statement, whom the article credits,
//! the words that name them, the construction) and `quotes.yaml` (without it,
//! the repository's own list). For every label it checks whom quotecheck
//! says the article credits. Then, for every label whose cue names the
//! speaker of record directly, it makes two perturbed copies of the article,
//! with that name replaced by another listed speaker's name and by a name the
//! list does not hold, and checks that quotecheck flags the mismatch.
//!
//! It prints, per set and overall: the share of quotations attributed to the
//! right speaker, the share of wrong speakers flagged (real misattributions
//! and perturbations), and the share of correct attributions called a
//! mismatch; then every failure, so that a miss can be looked at.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use quotecheck::attribution::Status;
use quotecheck::catalog::Catalog;
use quotecheck::check::Checker;
use quotecheck::corpus::Article;
use quotecheck::report::Finding;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Label {
    article: String,
    line: usize,
    quote: String,
    credited: Option<String>,
    name: Option<String>,
    construction: String,
}

/// A name no list holds, for the perturbations.
const UNLISTED_NAME: &str = "Boris Johnson";

#[derive(Default)]
struct Tally {
    labels: usize,
    right: usize,
    /// Labels crediting the speaker of record.
    correct_credits: usize,
    /// ... of which quotecheck called a mismatch.
    false_mismatches: usize,
    /// Labels and perturbations crediting someone else.
    wrong_speakers: usize,
    flagged: usize,
    by_construction: BTreeMap<String, (usize, usize)>,
    failures: Vec<String>,
}

impl Tally {
    /// Counts a wrong speaker (a real misattribution or a swapped name) and
    /// whether quotecheck flagged it.
    fn wrong_speaker(&mut self, f: Option<&Finding>, failure: impl FnOnce() -> String) {
        self.wrong_speakers += 1;
        let flagged = f.is_some_and(|f| f.attribution.status == Status::Mismatch);
        self.flagged += usize::from(flagged);
        if !flagged {
            self.failures.push(failure());
        }
    }

    fn add(&mut self, other: Tally) {
        self.labels += other.labels;
        self.right += other.right;
        self.correct_credits += other.correct_credits;
        self.false_mismatches += other.false_mismatches;
        self.wrong_speakers += other.wrong_speakers;
        self.flagged += other.flagged;
        for (k, (n, r)) in other.by_construction {
            let e = self.by_construction.entry(k).or_default();
            e.0 += n;
            e.1 += r;
        }
        self.failures.extend(other.failures);
    }
}

fn percent(a: usize, b: usize) -> String {
    if b == 0 {
        return "n/a".into();
    }
    format!("{:.1}% ({a}/{b})", 100.0 * a as f64 / b as f64)
}

/// The finding a label is about: the statement on the label's line, a
/// quotation before a verbatim run printed without marks on the same line
/// (a paraphrase that repeats some words of record is not what was
/// labelled); else the finding that spans the line.
fn find<'a>(findings: &'a [Finding], label: &Label) -> Option<&'a Finding> {
    let on_line = |f: &&Finding| f.quote_id == label.quote && f.line == label.line;
    findings
        .iter()
        .filter(on_line)
        .find(|f| f.quoted)
        .or_else(|| findings.iter().find(on_line))
        .or_else(|| {
            findings.iter().find(|f| {
                f.quote_id == label.quote && f.line <= label.line && label.line <= f.end_line
            })
        })
}

/// Does quotecheck's credit agree with the label's?
fn credited_right(f: &Finding, credited: Option<&str>, catalog: &Catalog) -> bool {
    let a = &f.attribution;
    match credited {
        None => a.speaker.is_none(),
        Some(id) if catalog.speakers.iter().any(|s| s.id == id) => {
            a.listed && a.speaker.as_deref() == Some(id)
        }
        Some(written) => {
            // Someone unlisted: any unlisted credit that names them.
            let said = a.speaker.as_deref().unwrap_or_default().to_lowercase();
            let written = written.to_lowercase();
            !a.listed && !said.is_empty() && (said.contains(&written) || written.contains(&said))
        }
    }
}

fn evaluate(set: &Path, default_catalog: &Path) -> Result<Tally, String> {
    let catalog_path = if set.join("quotes.yaml").exists() {
        set.join("quotes.yaml")
    } else {
        default_catalog.to_path_buf()
    };
    let catalog = Catalog::load(&catalog_path).map_err(|e| e.to_string())?;
    let checker = Checker::new(&catalog);
    let labels_path = set.join("labels.yaml");
    let source = std::fs::read_to_string(&labels_path)
        .map_err(|e| format!("{}: {e}", labels_path.display()))?;
    let labels: Vec<Label> =
        serde_yaml::from_str(&source).map_err(|e| format!("{}: {e}", labels_path.display()))?;
    let mut tally = Tally::default();
    let mut cache: BTreeMap<String, Vec<Finding>> = BTreeMap::new();
    let read =
        |path: &str| std::fs::read_to_string(set.join(path)).map_err(|e| format!("{path}: {e}"));
    for label in &labels {
        let text = read(&label.article)?;
        let findings = cache.entry(label.article.clone()).or_insert_with(|| {
            checker
                .article(&Article::new(label.article.clone(), text.clone()))
                .findings
        });
        let record = catalog
            .quotes
            .iter()
            .find(|q| q.id == label.quote)
            .ok_or_else(|| {
                format!(
                    "{}:{}: unknown quote {}",
                    label.article, label.line, label.quote
                )
            })?;
        let record_speaker = &catalog.speakers[record.speaker].id;
        let f = find(findings, label);
        let right = f.is_some_and(|f| credited_right(f, label.credited.as_deref(), &catalog));
        tally.labels += 1;
        tally.right += usize::from(right);
        let e = tally
            .by_construction
            .entry(label.construction.clone())
            .or_default();
        e.0 += 1;
        e.1 += usize::from(right);
        let said = |f: Option<&Finding>| {
            f.map_or("not found".to_string(), |f| {
                format!("{:?} {:?}", f.attribution.status, f.attribution.speaker)
            })
        };
        if !right {
            tally.failures.push(format!(
                "{}/{}:{} {} [{}] expected {:?}, quotecheck: {}",
                set.display(),
                label.article,
                label.line,
                label.quote,
                label.construction,
                label.credited,
                said(f)
            ));
        }
        let credits_record = label.credited.as_deref() == Some(record_speaker.as_str());
        if credits_record {
            tally.correct_credits += 1;
            if f.is_some_and(|f| f.attribution.status == Status::Mismatch) {
                tally.false_mismatches += 1;
            }
        } else if label.credited.is_some() {
            tally.wrong_speaker(f, || {
                format!(
                    "{}/{}:{} {} misattribution to {:?} not flagged: {}",
                    set.display(),
                    label.article,
                    label.line,
                    label.quote,
                    label.credited,
                    said(f)
                )
            });
        }
        // Perturbations: the cue's name swapped for someone else's.
        let Some(name) = label.name.as_deref().filter(|_| credits_record) else {
            continue;
        };
        let other = catalog
            .speakers
            .iter()
            .find(|s| {
                s.id != *record_speaker
                    && s.pronouns.as_deref() != Some("it")
                    && !s.name.contains('(')
            })
            .map(|s| s.name.clone());
        for replacement in other.into_iter().chain([UNLISTED_NAME.to_string()]) {
            let Some(perturbed) = swap_name(&text, name, label.line, &replacement) else {
                continue;
            };
            let findings = checker
                .article(&Article::new(label.article.clone(), perturbed))
                .findings;
            let f = find(&findings, label);
            tally.wrong_speaker(f, || {
                format!(
                    "{}/{}:{} {} with {name:?} → {replacement:?} not flagged: {}",
                    set.display(),
                    label.article,
                    label.line,
                    label.quote,
                    said(f)
                )
            });
        }
    }
    Ok(tally)
}

/// Where `name` occurs in `text` as whole words, its words separated by any
/// white space (a cue's name may be wrapped over two lines). Whole words, so
/// that the pronoun "he" is not found inside "the" or "she".
fn occurrences(text: &str, name: &str) -> Vec<std::ops::Range<usize>> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(first) = words.first() else {
        return Vec::new();
    };
    let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(first)
        .filter(|(start, _)| !word_char(text[..*start].chars().next_back()))
        .filter_map(|(start, _)| {
            let mut end = start + first.len();
            for w in &words[1..] {
                let rest = &text[end..];
                let spaces = rest.len() - rest.trim_start().len();
                if spaces == 0 || !rest[spaces..].starts_with(w) {
                    return None;
                }
                end += spaces + w.len();
            }
            (!word_char(text[end..].chars().next())).then_some(start..end)
        })
        .collect()
}

/// Replaces the cue's `name`: every occurrence outside quotation marks on
/// the quotation's line (a paragraph), or else, for a cue hard-wrapped onto
/// another line, the occurrence within two lines nearest to the quotation.
/// Every occurrence on the line, because which one is the cue is the very
/// thing under test: in `She tells us only: "..." She did not take further
/// questions.` the nearest "She" is the one after the quotation.
fn swap_name(text: &str, name: &str, line: usize, replacement: &str) -> Option<String> {
    let quoted: Vec<std::ops::Range<usize>> = quotecheck::quotations::find(text)
        .iter()
        .map(|q| q.outer())
        .collect();
    let lines = quotecheck::text::LineIndex::new(text);
    let line_of = |i: usize| lines.position(text, i).line;
    let here: Vec<&std::ops::Range<usize>> =
        quoted.iter().filter(|q| line_of(q.start) == line).collect();
    let outside: Vec<std::ops::Range<usize>> = occurrences(text, name)
        .into_iter()
        .filter(|r| !quoted.iter().any(|q| q.contains(&r.start)))
        .collect();
    let mut chosen: Vec<std::ops::Range<usize>> = outside
        .iter()
        .filter(|r| line_of(r.start) == line)
        .cloned()
        .collect();
    if chosen.is_empty() {
        let nearest = outside
            .iter()
            .filter(|r| line_of(r.start).abs_diff(line) <= 2)
            .min_by_key(|r| {
                here.iter()
                    .map(|q| q.start.abs_diff(r.start).min(q.end.abs_diff(r.start)))
                    .min()
                    .unwrap_or(usize::MAX)
            })?;
        chosen.push(nearest.clone());
    }
    // A transcript's speaker label is in capitals ("RHYS COOK:"); a swapped
    // label keeps them, as a transcript would.
    let shouted = !name.chars().any(char::is_lowercase)
        && name.chars().filter(|c| c.is_alphabetic()).count() > 1;
    let replacement = if shouted {
        replacement.to_uppercase()
    } else {
        replacement.to_string()
    };
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for r in chosen {
        out.push_str(&text[at..r.start]);
        out.push_str(&replacement);
        at = r.end;
    }
    out.push_str(&text[at..]);
    Some(out)
}

fn print(title: &str, t: &Tally) {
    println!("{title}");
    println!("  quotations labelled:            {}", t.labels);
    println!(
        "  attributed to the right speaker: {}",
        percent(t.right, t.labels)
    );
    println!(
        "  wrong speakers flagged:          {}",
        percent(t.flagged, t.wrong_speakers)
    );
    println!(
        "  correct attributions called a mismatch: {}",
        percent(t.false_mismatches, t.correct_credits)
    );
}

/// The folders under `root` that hold a `labels.yaml`, in name order.
fn every_set(root: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(root).map_err(|e| format!("{}: {e}", root.display()))?;
    let mut sets: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("labels.yaml").is_file())
        .collect();
    sets.sort();
    Ok(sets)
}

fn main() -> ExitCode {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    // `eval/attribution/dev-8/` from a shell glob is `eval/attribution/dev-8`.
    let mut sets: Vec<PathBuf> = std::env::args()
        .skip(1)
        .map(|a| PathBuf::from(a.trim_end_matches('/')))
        .collect();
    if sets.is_empty() {
        // Every set, so that the documented command stays true as sets are
        // added.
        // Relative paths when run from the repository, as `cargo run` is.
        let here = Path::new("eval/attribution");
        let base = if here.is_dir() {
            here.to_path_buf()
        } else {
            root.join(here)
        };
        match every_set(&base) {
            Ok(all) => sets = all,
            Err(e) => {
                eprintln!("eval_attribution: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let mut total = Tally::default();
    for set in &sets {
        match evaluate(set, &root.join("quotes.yaml")) {
            Ok(t) => {
                print(&set.display().to_string(), &t);
                total.add(t);
            }
            Err(e) => {
                eprintln!("eval_attribution: {e}");
                return ExitCode::from(2);
            }
        }
    }
    if sets.len() > 1 {
        print("all sets", &total);
    }
    println!("  by construction (right/labelled):");
    for (k, (n, r)) in &total.by_construction {
        println!("    {k:<20} {r}/{n}");
    }
    if !total.failures.is_empty() {
        println!("failures:");
        for f in &total.failures {
            println!("  {f}");
        }
    }
    ExitCode::SUCCESS
}
