//! One run: every article of the corpus through every stage, into a report.
//!
//! The stages are pure functions of their input, so this file is only the
//! pipeline's order: text → quotations → matcher → drift → attribution →
//! findings.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError, mpsc};

use crate::attribution::{self, Attributor, Credit, Identity, Names, Status};
use crate::catalog::Catalog;
use crate::corpus::{self, Article, InputFormat, Markup, Source};
use crate::drift;
use crate::matcher::{self, Index, Thresholds};
use crate::quotations::Quoted;
use crate::report::appearances::date_in;
use crate::report::diagnostic::fingerprint;
use crate::report::suppress::Suppressions;
use crate::report::{
    Attribution, Cue, Diagnostic, Excerpt, Finding, Levels, Missing, Parts, Report, Rule, Severity,
    Skipped, Summary, Unverified,
};
use crate::text::comments::blank_comments;
use crate::text::fold::is_ignorable;
use crate::text::{LineIndex, Position, squeeze, tokenize};

/// Quotations of fewer words are scare quotes and titles ("lethal aid"), not
/// somebody's words: they are not listed as unverified.
pub const MIN_UNVERIFIED_WORDS: usize = 4;

/// What one article yields.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    pub findings: Vec<Finding>,
    pub unverified: Vec<Unverified>,
}

/// One article, checked and judged.
struct Judged {
    name: String,
    /// The text as its reader sees it, when kept.
    text: Option<String>,
    checked: Checked,
    /// Problems with its suppression comments.
    problems: Vec<Diagnostic>,
}

/// The catalog with everything built from it once per run.
pub struct Checker<'a> {
    catalog: &'a Catalog,
    index: Index,
    names: Names,
    levels: Levels,
    whole: bool,
    threads: usize,
    input_format: InputFormat,
    /// Keep each article's text in the report (for the HTML report).
    keep_texts: bool,
    /// Told how far the run is, after each article (see [`Progress`]).
    progress: Option<Box<dyn Fn(Progress) + Send + Sync + 'a>>,
}

/// How far a run is: articles done, of how many (`None` when records of a
/// JSON Lines corpus are among them, whose number is known only at the end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: Option<usize>,
}

/// What a streamed run adds up to (see [`Checker::stream`]).
#[derive(Debug, Default)]
pub struct Totals {
    pub summary: Summary,
    /// Some article could not be checked.
    pub input_errors: bool,
    /// The most severe problem reported.
    pub worst: Option<Severity>,
}

/// One piece of work for a checking thread.
enum Job<'s> {
    /// An article file, read by the thread that checks it (reading is
    /// part of the work that runs in parallel).
    File(&'s Source),
    /// A record of a JSON Lines corpus, already read.
    Record(Article),
    /// A line or file that could not be read.
    Skip(corpus::Skip),
}

impl<'a> Checker<'a> {
    pub fn new(catalog: &'a Catalog) -> Self {
        Checker {
            catalog,
            index: Index::new(catalog),
            names: Names::new(catalog),
            levels: Levels::default(),
            whole: true,
            threads: 1,
            input_format: InputFormat::Auto,
            keep_texts: false,
            progress: None,
        }
    }

    /// Tells `progress` how far the run is after each article, from the
    /// thread that called [`Checker::check`] or [`Checker::stream`]. The
    /// library never prints: the binary draws a progress bar with it.
    pub fn with_progress(mut self, progress: impl Fn(Progress) + Send + Sync + 'a) -> Self {
        self.progress = Some(Box::new(progress));
        self
    }

    /// Reads articles as `format` says (by extension by default).
    pub fn with_input_format(mut self, format: InputFormat) -> Self {
        self.input_format = format;
        self
    }

    /// Keeps each article's text, as its reader sees it, in the report: for
    /// renderers that show the articles. Off by default: an archive's
    /// texts would all be held until the end.
    pub fn with_texts(mut self, keep: bool) -> Self {
        self.keep_texts = keep;
        self
    }

    /// Checks articles on `threads` threads at once (at least one).
    pub fn with_threads(mut self, threads: usize) -> Self {
        self.threads = threads.max(1);
        self
    }

    /// Says whether the articles are the whole corpus, or a few of them
    /// (paths named on the command line, a pre-commit hook): statements
    /// found nowhere are reported (QC004) only for the whole corpus.
    pub fn whole_corpus(mut self, whole: bool) -> Self {
        self.whole = whole;
        self
    }

    /// Uses these matching thresholds (the defaults otherwise); they must
    /// have passed [`Thresholds::validate`].
    pub fn with_thresholds(mut self, thresholds: Thresholds) -> Self {
        // The index is built again only for other thresholds: the command
        // line always passes them, mostly the defaults [`Checker::new`]
        // built it with (2% of a 2,000-article run against 2,000
        // statements went to building it twice).
        if *self.index.thresholds() != thresholds {
            self.index = Index::with_thresholds(self.catalog, thresholds);
        }
        self
    }

    /// Sets the level of each rule (the default levels otherwise).
    pub fn with_levels(mut self, levels: Levels) -> Self {
        self.levels = levels;
        self
    }

    /// Checks every article of `sources`. Files that cannot be read are
    /// listed in the report's `skipped`; the others are checked.
    pub fn check(&self, sources: &[Source], walk_errors: Vec<corpus::Skip>) -> Report {
        let mut parts = Parts {
            skipped: walk_errors.into_iter().map(skipped).collect(),
            list: self.catalog.path.display().to_string(),
            whole: self.whole,
            ..Parts::default()
        };
        self.run(sources, |outcome| {
            take(&mut parts, outcome);
            true
        });
        let found: HashSet<&str> = parts
            .findings
            .iter()
            .map(|f: &Finding| f.quote_id.as_str())
            .collect();
        parts.missing = self.missing(|id| found.contains(id));
        Report::new(parts, &self.levels)
    }

    /// Checks every article of `sources` like [`Checker::check`], but hands
    /// the report out a piece at a time, in input order, as soon as each
    /// piece is done: first the paths that could not be walked, then each
    /// article (or why it was skipped), then the statements found nowhere.
    /// Nothing is held but the totals, so memory does not grow with the
    /// corpus or its findings. When `emit` says `false` (the reader has gone
    /// away), the run stops: no article is checked for nobody.
    pub fn stream(
        &self,
        sources: &[Source],
        walk_errors: Vec<corpus::Skip>,
        mut emit: impl FnMut(&Report) -> bool,
    ) -> Totals {
        let list = self.catalog.path.display().to_string();
        let mut totals = Totals::default();
        let mut found: HashSet<String> = HashSet::new();
        let mut piece = |parts: Parts, totals: &mut Totals, last: bool| {
            let mut report = Report::new(parts, &self.levels);
            let go_on = emit(&report);
            totals.input_errors |= report.has_input_errors();
            totals.worst = totals.worst.max(report.worst());
            // The last piece names the number of articles again, to judge
            // whether statements are missing; they were counted one by one.
            if last {
                report.summary.articles = 0;
            }
            totals.summary.add(&report.summary);
            go_on
        };
        if !walk_errors.is_empty() {
            let parts = Parts {
                skipped: walk_errors.into_iter().map(skipped).collect(),
                list: list.clone(),
                ..Parts::default()
            };
            if !piece(parts, &mut totals, false) {
                return totals;
            }
        }
        self.run(sources, |outcome| {
            if let Ok(judged) = &outcome {
                found.extend(judged.checked.findings.iter().map(|f| f.quote_id.clone()));
            }
            let mut parts = Parts {
                list: list.clone(),
                ..Parts::default()
            };
            take(&mut parts, outcome);
            piece(parts, &mut totals, false)
        });
        let parts = Parts {
            missing: self.missing(|id| found.contains(id)),
            articles: totals.summary.articles,
            whole: self.whole,
            list,
            ..Parts::default()
        };
        piece(parts, &mut totals, true);
        totals
    }

    /// The statements of the list that no finding is of (`found` says
    /// whether one is).
    fn missing(&self, found: impl Fn(&str) -> bool) -> Vec<Missing> {
        self.catalog
            .quotes
            .iter()
            .filter(|q| !found(&q.id))
            .map(|q| Missing {
                quote_id: q.id.clone(),
                speaker_name: self.catalog.speaker_of(q).name.clone(),
                line: q.line,
            })
            .collect()
    }

    /// Reads, checks and judges every article of `sources` on the run's
    /// threads, handing each outcome to `done` in input order; when `done`
    /// says `false`, the run stops.
    ///
    /// One thread lists the work in order (files, and the records of JSON
    /// Lines corpora, read as they are needed); the workers take the next
    /// batch of it as they finish one; this thread puts their outcomes back
    /// in order. A bounded queue keeps only a few records in memory however
    /// large the corpus, and the order of the outcomes, hence the report,
    /// is the same for any number of threads.
    ///
    /// Work goes out and outcomes come back in batches (see [`Batches`]):
    /// each hand-off wakes a sleeping thread, and one per article cost a
    /// run of many small articles several percent of its time in the
    /// kernel.
    fn run(&self, sources: &[Source], mut done: impl FnMut(Result<Judged, Skipped>) -> bool) {
        let threads = self.threads.max(1);
        let (queue, jobs) = mpsc::sync_channel::<Vec<(usize, Job)>>(4 * threads);
        // Each worker holds the queue's receiving end: should they all stop,
        // it closes, and the listing stops instead of waiting for ever.
        let jobs = Arc::new(Mutex::new(jobs));
        let (results, outcomes) = mpsc::channel::<Vec<(usize, Result<Judged, Skipped>)>>();
        // The listing runs at most this far ahead of the next outcome due, so
        // that one slow article does not let the others' outcomes pile up.
        // It holds several batches, so that no worker waits for one.
        let pace = Pace::default();
        let window = 64 * threads;
        std::thread::scope(|scope| {
            for _ in 0..threads {
                let jobs = Arc::clone(&jobs);
                let results = results.clone();
                let pace = &pace;
                scope.spawn(move || {
                    // A worker that panics stops the listing, so that the
                    // others finish and the panic is reported, not a hang.
                    let _stop = StopOnPanic(pace);
                    loop {
                        // The lock is held only to take a batch, not to do it.
                        let next = jobs.lock().expect("a checking thread panicked").recv();
                        let Ok(batch) = next else {
                            return;
                        };
                        let mut checked = Vec::with_capacity(batch.len());
                        for (i, job) in batch {
                            // Nobody is left to read the rest of the batch.
                            if pace.stopped() {
                                return;
                            }
                            checked.push((i, self.one(job)));
                        }
                        if results.send(checked).is_err() {
                            return;
                        }
                    }
                });
            }
            drop((jobs, results));
            let pace = &pace;
            scope.spawn(move || {
                let mut batches = Batches::new(threads, |batch: Vec<(usize, Job)>| {
                    // Fails when the run has stopped (every worker gone, or
                    // the reader): then stop too.
                    let last = batch.last().map_or(0, |&(n, _)| n);
                    pace.wait_turn(last, window) && queue.send(batch).is_ok()
                });
                for source in sources {
                    let go_on = if source.format(self.input_format) == InputFormat::Jsonl {
                        // Records on standard input may come one at a time
                        // (a feed): each goes out as soon as it is read.
                        let feed = *source == Source::Stdin;
                        let mut go_on = true;
                        corpus::read_records(source, |record| {
                            go_on = batches.push(record.map_or_else(Job::Skip, Job::Record))
                                && (!feed || batches.flush());
                            go_on
                        });
                        go_on
                    } else {
                        batches.push(Job::File(source))
                    };
                    if !go_on {
                        return;
                    }
                }
                batches.flush();
            });
            // Should this thread panic (a report written to a closed
            // stderr), the listing must stop too, or the run would wait on it.
            let _stop = StopOnPanic(pace);
            let mut waiting = BTreeMap::new();
            let mut next = 0;
            let total = sources
                .iter()
                .all(|s| s.format(self.input_format) != InputFormat::Jsonl)
                .then_some(sources.len());
            // Leaving this loop early stops the run (below) and drops the
            // outcomes' receiver: the workers stop before their next article
            // or at their next outcome, then the listing.
            'outcomes: for batch in outcomes {
                waiting.extend(batch);
                while let Some(outcome) = waiting.remove(&next) {
                    if !done(outcome) {
                        break 'outcomes;
                    }
                    next += 1;
                    if let Some(progress) = &self.progress {
                        progress(Progress { done: next, total });
                    }
                }
                pace.advance(next);
            }
            pace.stop();
        });
    }

    /// Reads, checks and judges one article.
    fn one(&self, job: Job) -> Result<Judged, Skipped> {
        let article = match job {
            Job::File(source) => corpus::read(source, self.input_format).map_err(skipped)?,
            Job::Record(article) => article,
            Job::Skip(skip) => return Err(skipped(skip)),
        };
        let mut checked = self.article(&article);
        let problems = self.judge(&article, &mut checked);
        Ok(Judged {
            text: self.keep_texts.then(|| article.shown().to_string()),
            name: article.name,
            checked,
            problems,
        })
    }

    /// Decides which rules each finding of one article is reported under:
    /// those not turned off and not suppressed by a comment in the article.
    /// Returns the problems with the comments themselves.
    pub fn judge(&self, article: &Article, checked: &mut Checked) -> Vec<Diagnostic> {
        // Comments exist in Markdown and HTML articles only (see
        // text::comments).
        let mut comments = match &article.markup {
            Markup::Plain => Suppressions::default(),
            Markup::Markdown => Suppressions::read(&article.name, &article.text),
            Markup::Html { comments, .. } => {
                let text = &article.text;
                let closed: Vec<_> = comments
                    .iter()
                    .filter(|c| c.len() >= 7 && text[(*c).clone()].ends_with("-->"))
                    .cloned()
                    .collect();
                // One never closed runs to the end of the page.
                let unclosed = comments
                    .iter()
                    .find(|c| {
                        c.end == text.len()
                            && text[c.start..].starts_with("<!--")
                            && !text[(*c).clone()].ends_with("-->")
                    })
                    .map(|c| c.start);
                Suppressions::of_comments(&article.name, text, &closed, unclosed)
            }
        };
        let on = |rule: Rule| self.levels.get(rule).severity().is_some();
        for f in &mut checked.findings {
            let at = Position {
                line: f.line,
                column: f.column,
            };
            for rule in f.breaks().into_iter().filter(|&r| on(r)) {
                if comments.covers(rule, at) {
                    f.suppressed.push(rule);
                } else {
                    f.rules.push(rule);
                }
            }
        }
        if on(Rule::Unverified) {
            for u in &mut checked.unverified {
                let at = Position {
                    line: u.line,
                    column: u.column,
                };
                if comments.covers(Rule::Unverified, at) {
                    u.suppressed.push(Rule::Unverified);
                } else {
                    u.rules.push(Rule::Unverified);
                }
            }
        }
        comments.finish(&self.levels)
    }

    /// The findings and unverified quotations of one article.
    pub fn article(&self, article: &Article) -> Checked {
        let catalog = self.catalog;
        // Positions come from the article as it is, printed words from what
        // its reader sees (a page's words without their markup), the words
        // read from that without its comments. All have the same length,
        // offset for offset.
        let markdown = article.markup == Markup::Markdown;
        let at = Located::new(article);
        let blanked = match &article.markup {
            Markup::Markdown => blank_comments(at.shown),
            Markup::Html { read, .. } => Cow::Borrowed(read.as_str()),
            Markup::Plain => Cow::Borrowed(at.shown),
        };
        let text = blanked.as_ref();
        // The diff shows the words as a reader sees them: a page without its
        // markup, anything else without its comments.
        let seen = if at.filled { at.shown } else { text };
        let tokens = tokenize(text, markdown);
        let quoted = Quoted::new(text, &tokens);
        let attributor = Attributor::new(text, &tokens, &quoted, catalog, &self.names);
        let credits = attributor.credit_quotations();
        let matches = matcher::find(catalog, &self.index, text, &tokens, &quoted);
        // Where quoted appearances start, in order: a chain holds one when an
        // appearance starts inside it (appearances never start outside their
        // quotation).
        let mut starts: Vec<usize> = matches
            .iter()
            .filter(|m| m.quoted)
            .map(|m| m.span.start)
            .collect();
        starts.sort_unstable();
        let unverified = quoted
            .chains
            .iter()
            .filter(|chain| {
                let words = (*chain).clone().map(|q| {
                    quoted.words[q]
                        .clone()
                        .filter(|&t| tokens[t].is_word())
                        .count()
                });
                words.sum::<usize>() >= MIN_UNVERIFIED_WORDS
            })
            .filter(|chain| {
                let outer = quoted.marks[chain.start].open..quoted.marks[chain.end - 1].outer().end;
                let next = starts.partition_point(|&s| s < outer.start);
                starts.get(next).is_none_or(|&s| s >= outer.end)
            })
            .map(|chain| {
                let first = quoted.marks[chain.start].content.clone();
                let last = quoted.marks[chain.end - 1].content.clone();
                let span = trim_span(text, first.start..last.end);
                let (start, end) = (at.position(span.start), at.position(span.end));
                let credit = credits[chain.start].as_ref();
                Unverified {
                    article: article.name.clone(),
                    line: start.line,
                    column: start.column,
                    end_line: end.line,
                    end_column: end.column,
                    fingerprint: fingerprint("", &text[span.clone()]),
                    text: at.printed(span.clone()),
                    rules: Vec::new(),
                    suppressed: Vec::new(),
                    excerpt: at.excerpt(span.clone()),
                    speaker: credit.map(|c| self.speaker_id(&c.identity)),
                    display: credit.map(|c| self.display(&c.identity)),
                    span,
                }
            })
            .collect();
        let date = article
            .date
            .clone()
            .or_else(|| date_in(&article.name).map(str::to_string));
        let mut match_credits: Vec<Option<Credit>> = matches
            .iter()
            .map(|m| match m.quotation {
                Some(q) => attributor
                    .nested_credit(q, m.span.start, credits[q].as_ref())
                    .or_else(|| credits[q].clone()),
                None => attributor.credit_span(m.span.clone()),
            })
            .collect();
        headline_credits(&matches, &mut match_credits, &attributor);
        let findings = matches
            .into_iter()
            .zip(match_credits)
            .map(|(m, credit)| {
                let quote = &catalog.quotes[m.quote];
                let speaker = catalog.speaker_of(quote);
                let assessment = drift::assess(&m, seen, &tokens, quote);
                let start = at.position(m.span.start);
                let end = at.position(m.span.end);
                let status = attribution::status(credit.as_ref(), quote.speaker);
                let attribution = self.attribution(credit.as_ref(), status, &at);
                Finding {
                    quote_id: quote.id.clone(),
                    speaker: speaker.id.clone(),
                    speaker_name: speaker.name.clone(),
                    article: article.name.clone(),
                    date: date.clone(),
                    line: start.line,
                    column: start.column,
                    end_line: end.line,
                    end_column: end.column,
                    text: at.printed(m.span.clone()),
                    kind: assessment.kind,
                    variant: m.variant,
                    quoted: m.quoted,
                    unclosed: m.unclosed,
                    similarity: assessment.similarity,
                    diff: assessment.diff,
                    edits: assessment.edits,
                    changes: assessment.changes,
                    attribution,
                    rules: Vec::new(),
                    suppressed: Vec::new(),
                    // Set by the report, from the rules and their levels.
                    severity: Severity::Info,
                    fingerprint: fingerprint(&quote.id, &text[m.span.clone()]),
                    baselined: Vec::new(),
                    excerpt: at.excerpt(m.span.clone()),
                    span: m.span,
                }
            })
            .collect();
        Checked {
            findings,
            unverified,
        }
    }

    fn speaker_id(&self, identity: &Identity) -> String {
        match identity {
            Identity::Listed(s) => self.catalog.speakers[*s].id.clone(),
            Identity::Unlisted { name, .. } => name.clone(),
        }
    }

    fn display(&self, identity: &Identity) -> String {
        match identity {
            Identity::Listed(s) => self.catalog.speakers[*s].name.clone(),
            Identity::Unlisted { name, .. } => name.clone(),
        }
    }

    fn attribution(&self, credit: Option<&Credit>, status: Status, at: &Located) -> Attribution {
        let Some(credit) = credit else {
            return Attribution {
                status,
                speaker: None,
                listed: false,
                source: None,
                via: None,
                cue: None,
                display: None,
            };
        };
        let source = self.names.source_of(&credit.identity);
        let cue = credit.cue.clone().map(|span| {
            let start = at.position(span.start);
            Cue {
                text: squeeze(&at.shown[span]),
                line: start.line,
                column: start.column,
            }
        });
        Attribution {
            status,
            speaker: Some(self.speaker_id(&credit.identity)),
            listed: matches!(credit.identity, Identity::Listed(_)),
            source: Some(source),
            via: Some(credit.via),
            cue,
            display: Some(self.display(&credit.identity)),
        }
    }
}

/// Where an article's words are, and how they read.
struct Located<'a> {
    /// The article as its file has it: lines and columns count in it.
    source: &'a str,
    /// What its reader sees, at the same offsets.
    shown: &'a str,
    lines: LineIndex,
    /// `shown` holds zero-width fill where a page had inline markup.
    filled: bool,
}

impl<'a> Located<'a> {
    fn new(article: &'a Article) -> Self {
        Self {
            source: &article.text,
            shown: article.shown(),
            lines: LineIndex::new(&article.text),
            filled: matches!(article.markup, Markup::Html { .. }),
        }
    }

    fn position(&self, offset: usize) -> Position {
        self.lines.position(self.source, offset)
    }

    /// The words as printed: exactly the file's bytes, or a page's words
    /// as a browser shows them (one space between words, the fill that
    /// stands for its markup gone).
    fn printed(&self, span: Range<usize>) -> String {
        let words = &self.shown[span];
        if self.filled {
            squeeze(words)
        } else {
            words.to_string()
        }
    }

    /// The line a span starts on, as its reader sees it.
    fn excerpt(&self, span: Range<usize>) -> Excerpt {
        Excerpt::new(self.shown, &self.lines, span)
    }
}

/// A headline's quotation that names no one (`‘The place where the luck ran
/// out first’: inside the Harwick schools scandal`) is credited where the
/// article quotes the same statement and says who spoke: a reader takes the
/// headline's words as the body's. The headline's own cue, when it has one,
/// stands, so a headline that credits someone else is still a mismatch.
fn headline_credits(
    matches: &[matcher::Match],
    credits: &mut [Option<Credit>],
    attributor: &Attributor,
) {
    for i in 0..matches.len() {
        let headline = credits[i].is_none()
            && matches[i]
                .quotation
                .is_some_and(|q| attributor.headline_quotation(q));
        if !headline {
            continue;
        }
        // Only when the body agrees with itself: a critic echoing the words
        // before their speaker is quoted leaves the headline open.
        let mut body = (0..matches.len()).filter_map(|j| {
            let credit = credits[j].as_ref()?;
            let in_body = !matches[j]
                .quotation
                .is_some_and(|q| attributor.in_headline(q));
            (in_body && matches[j].quote == matches[i].quote).then_some(credit)
        });
        let Some(first) = body.next().cloned() else {
            continue;
        };
        if body.all(|c| c.identity == first.identity) {
            credits[i] = Some(Credit {
                via: attribution::Via::Headline,
                ..first
            });
        }
    }
}

/// The span without the white space (or invisible characters) at its
/// edges.
fn trim_span(text: &str, span: Range<usize>) -> Range<usize> {
    // Invisible characters too: a web page's `&ldquo;` is a mark and fill.
    let edge = |c: char| c.is_whitespace() || is_ignorable(c);
    let slice = &text[span.clone()];
    let start = span.start + (slice.len() - slice.trim_start_matches(edge).len());
    let end = span.end - (slice.len() - slice.trim_end_matches(edge).len());
    start..end.max(start)
}

/// Articles handed to a worker at once, at most. A batch's articles are
/// checked one after the other, so at the end of a run one worker may still
/// have up to this many left while the others are idle: a few milliseconds
/// for sixteen articles of an archive.
const BATCH: usize = 16;

/// Numbers the listed jobs in order and groups them into batches, handing
/// each to `send` when it is full.
///
/// Batches start at one job and grow with the jobs listed, each at most a
/// 32nd of the jobs listed per thread so far (up to [`BATCH`]): a run of a
/// few large articles still spreads them over every thread, and what one
/// batch holds back at the end is small beside what came before it.
struct Batches<T, F: FnMut(Vec<(usize, T)>) -> bool> {
    send: F,
    threads: usize,
    batch: Vec<(usize, T)>,
    listed: usize,
}

impl<T, F: FnMut(Vec<(usize, T)>) -> bool> Batches<T, F> {
    fn new(threads: usize, send: F) -> Self {
        Batches {
            send,
            threads,
            batch: Vec::new(),
            listed: 0,
        }
    }

    /// Lists `job`. `false` when the run has stopped.
    fn push(&mut self, job: T) -> bool {
        self.batch.push((self.listed, job));
        self.listed += 1;
        let size = (self.listed / (32 * self.threads)).clamp(1, BATCH);
        self.batch.len() < size || self.flush()
    }

    /// Sends the jobs listed and not sent yet. `false` when the run has
    /// stopped.
    fn flush(&mut self) -> bool {
        self.batch.is_empty() || (self.send)(std::mem::take(&mut self.batch))
    }
}

/// How far the listing of work may run ahead of the outcomes handed out
/// (see [`Checker::run`]).
#[derive(Default)]
struct Pace {
    /// The next outcome due, and whether the run has stopped.
    state: Mutex<(usize, bool)>,
    turn: std::sync::Condvar,
    /// Whether the run has stopped, for the workers to see between two
    /// articles without taking the lock.
    stopped: AtomicBool,
}

impl Pace {
    /// Waits until job `n` may be listed: fewer than `window` jobs ahead of
    /// the next outcome due. `false` when the run has stopped.
    fn wait_turn(&self, n: usize, window: usize) -> bool {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        while !state.1 && n >= state.0 + window {
            state = self
                .turn
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
        !state.1
    }

    fn advance(&self, due: usize) {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).0 = due;
        self.turn.notify_all();
    }

    fn stop(&self) {
        self.stopped.store(true, Ordering::Relaxed);
        self.state.lock().unwrap_or_else(PoisonError::into_inner).1 = true;
        self.turn.notify_all();
    }

    fn stopped(&self) -> bool {
        self.stopped.load(Ordering::Relaxed)
    }
}

/// Stops the run's listing if the thread holding it panics.
struct StopOnPanic<'a>(&'a Pace);

impl Drop for StopOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.stop();
        }
    }
}

/// Adds one outcome of a run to the report's parts.
fn take(parts: &mut Parts, outcome: Result<Judged, Skipped>) {
    match outcome {
        Ok(Judged {
            name,
            text,
            checked,
            problems,
        }) => {
            parts.articles += 1;
            if let Some(text) = text {
                // Two articles of one name: neither text can be shown.
                parts
                    .texts
                    .entry(name.clone())
                    .and_modify(|kept| *kept = None)
                    .or_insert(Some(text));
            }
            parts.checked.push(name);
            parts.problems.extend(problems);
            parts.findings.extend(checked.findings);
            parts.unverified.extend(checked.unverified);
        }
        Err(skip) => parts.skipped.push(skip),
    }
}

fn skipped(skip: corpus::Skip) -> Skipped {
    Skipped {
        path: skip.name,
        reason: skip.reason,
        help: skip.help,
        error: skip.is_error,
    }
}

#[cfg(test)]
mod tests {
    use super::Batches;

    #[test]
    fn batches_number_every_job_in_order_and_grow_to_the_cap() {
        let mut sent: Vec<Vec<(usize, char)>> = Vec::new();
        let mut batches = Batches::new(2, |batch| {
            sent.push(batch);
            true
        });
        for _ in 0..2000 {
            assert!(batches.push('a'));
        }
        assert!(batches.flush());
        drop(batches);
        let numbers: Vec<usize> = sent.iter().flatten().map(|&(n, _)| n).collect();
        assert_eq!(numbers, (0..2000).collect::<Vec<_>>());
        // One job at a time while each thread has had fewer than 64.
        assert!(sent[..127].iter().all(|b| b.len() == 1));
        assert!(sent.iter().all(|b| b.len() <= super::BATCH));
        assert_eq!(sent[sent.len() - 2].len(), super::BATCH);
    }

    #[test]
    fn batches_stop_when_the_run_has() {
        let mut batches = Batches::new(1, |_: Vec<(usize, ())>| false);
        assert!(!batches.push(()));
        assert!(batches.flush(), "nothing left to send");
    }
}
