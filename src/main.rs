//! The quotecheck binary: parse the command line, run the library, print the
//! report, and turn the outcome into an exit code. All errors end here, in one
//! place that prints them and exits 2; a closed pipe (`quotecheck check | head`)
//! is not an error.

mod cli;
mod interrupt;
mod progress;

use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use quotecheck::catalog::{Catalog, lint};
use quotecheck::config::{Config, Format};
use quotecheck::report::{Anchor, Appearances, Baseline, Entry, Report, Rule, tally};
use quotecheck::{check, corpus, exit, render};

// An archive's run allocates and frees millions of small strings and
// vectors, many freed on another thread than the one that made them (an
// article's findings are built by a worker and written out here): glibc's
// allocator spent about a tenth of the run on them, part of it in the
// kernel waking threads waiting on an arena's lock.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its bindings leave the option's
/// number out, as options come and go between versions; this is v3's).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    // Memory freed goes back to the system at once, not 10 ms later: the
    // whole report a `json` run renders is a few buffers of tens of
    // megabytes each, and their copies as they grew were still held when
    // the next grew (peak 300-340 MB on a 20,000-article archive against
    // 200 MB with glibc's allocator; 245 MB so, at no cost in time).
    // SAFETY: set before any other thread exists, as mimalloc requires.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) };
    let cli = cli::Cli::parse();
    interrupt::install();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) if is_broken_pipe(&err) => ExitCode::from(exit::OK),
        Err(err) => {
            let mut message = String::new();
            for (i, cause) in err.chain().enumerate() {
                if i > 0 {
                    message.push_str("\n  caused by: ");
                }
                message.push_str(&cause.to_string());
            }
            // One `error:` line per problem; indented lines (help, causes)
            // belong to the problem above them.
            for line in message.lines() {
                if line.starts_with(' ') {
                    eprintln!("{line}");
                } else {
                    eprintln!("quotecheck: error: {line}");
                }
            }
            ExitCode::from(exit::ERROR)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: cli::Cli) -> anyhow::Result<u8> {
    match cli.command {
        cli::Command::Check(args) => check(&args.into_config()?),
        cli::Command::Baseline(args) => baseline(&args.into_config()?),
        cli::Command::Validate(args) => validate(&args.into_config()?),
        cli::Command::Config(args) => {
            let config = args.into_config()?;
            print(&render::config(&config))?;
            Ok(exit::OK)
        }
        cli::Command::Show(args) => {
            let id = args.id.clone();
            show(&args.into_config()?, &id)
        }
        cli::Command::List(args) => list(&args.into_config()?),
        cli::Command::Suggest(args) => suggest(&args.into_config()?),
        cli::Command::Init(args) => {
            let written = quotecheck::init::init(&args.dir).map_err(anyhow::Error::msg)?;
            for path in written {
                eprintln!("quotecheck: wrote {}", path.display());
            }
            eprintln!(
                "  next: edit quotes.yaml, put articles in articles/, run `quotecheck check`"
            );
            Ok(exit::OK)
        }
    }
}

/// `show ID`: the statement of record and its appearances.
fn show(config: &Config, id: &str) -> anyhow::Result<u8> {
    view(config, |catalog, report| {
        let view = Appearances::of(catalog, report, id).map_err(anyhow::Error::msg)?;
        Ok(match config.format {
            Format::Json => render::show::json(&view),
            _ => render::show::human(&view, config.color),
        })
    })
}

/// `list`: every statement with its appearances counted.
fn list(config: &Config) -> anyhow::Result<u8> {
    view(config, |catalog, report| {
        let tallies = tally(catalog, report);
        Ok(match config.format {
            Format::Json => render::list::json(&tallies),
            _ => render::list::human(&tallies),
        })
    })
}

/// `suggest`: entries for quotations off the list printed more than once,
/// as YAML to review and paste (JSON is not offered: the output is meant for
/// the list).
fn suggest(config: &Config) -> anyhow::Result<u8> {
    view(config, |catalog, report| {
        let suggestions = quotecheck::report::suggest::suggest(catalog, report);
        Ok(render::suggest::yaml(&suggestions))
    })
}

/// A command that shows a view of the report (`show`, `list`, `suggest`):
/// it informs rather than judges, so it exits 0, or 2 when an article could
/// not be read.
fn view(
    config: &Config,
    render: impl FnOnce(&Catalog, &Report) -> anyhow::Result<String>,
) -> anyhow::Result<u8> {
    let (catalog, report) = checked(config)?;
    emit(config, &render(&catalog, &report)?)?;
    Ok(if report.has_input_errors() {
        exit::ERROR
    } else {
        exit::OK
    })
}

/// The run every command but `config` starts with. A broken list is an
/// error (exit 2); in a machine format it is also printed as QC100 problems,
/// so that a SARIF upload or a JSON consumer sees why.
fn report(config: &Config) -> anyhow::Result<Report> {
    Ok(checked(config)?.1)
}

/// [`report`], with the list it was checked against.
fn checked(config: &Config) -> anyhow::Result<(Catalog, Report)> {
    with_corpus(config, |checker, sources, walk_errors| {
        let bar = progress::Bar::for_terminal(true);
        let report = checker
            .with_progress(|p| bar.update(p))
            .check(&sources, walk_errors);
        bar.clear();
        report_skipped(&report);
        Ok(report)
    })
}

/// Loads the list and builds its checker while another thread walks the
/// folders (20,000 files take tens of milliseconds to list, as long as a
/// list of 2,000 statements takes to read and index: one waited for the
/// other before any article was checked), then hands both to `run`. The
/// list is returned with what `run` returns. A list that cannot be read is
/// the error, as before; the walk has no effect but its result.
fn with_corpus<T>(
    config: &Config,
    run: impl FnOnce(check::Checker, Vec<corpus::Source>, Vec<corpus::Skip>) -> anyhow::Result<T>,
) -> anyhow::Result<(Catalog, T)> {
    std::thread::scope(|scope| {
        let walk = scope.spawn(|| corpus::discover(&config.paths, config.globs.as_ref()));
        let catalog = catalog(config)?;
        let out = {
            let checker = checker(config, &catalog);
            let (sources, walk_errors) = walk
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            run(checker, sources, walk_errors)?
        };
        Ok((catalog, out))
    })
}

/// `check --format jsonl` to standard output, without a baseline: each
/// article's records are written as soon as it is checked (and those before
/// it), and nothing is held but the totals, so an archive of any size runs
/// in the memory of a few articles. The summary comes last. A reader that
/// goes away (`| head`) stops the run.
fn stream(config: &Config) -> anyhow::Result<u8> {
    let (_, code) = with_corpus(config, |checker, sources, walk_errors| {
        stream_checked(config, checker, &sources, walk_errors)
    })?;
    Ok(code)
}

/// [`stream`], once the list and the articles are known.
fn stream_checked(
    config: &Config,
    checker: check::Checker,
    sources: &[corpus::Source],
    walk_errors: Vec<corpus::Skip>,
) -> anyhow::Result<u8> {
    // A report streamed to a terminal would mix with a bar there.
    let bar = progress::Bar::for_terminal(!std::io::stdout().is_terminal());
    let mut stdout = std::io::stdout().lock();
    let mut failed = None;
    let checker = checker.with_progress(|p| bar.update(p));
    let totals = checker.stream(sources, walk_errors, |piece| {
        if !piece.skipped.is_empty() {
            bar.clear();
        }
        report_skipped(piece);
        let written = stdout.write_all(render::jsonl::records(piece).as_bytes());
        // Flushed per piece: a pipeline downstream sees each article's
        // records when they exist, not when a buffer fills.
        match written.and_then(|()| stdout.flush()) {
            Ok(()) => true,
            Err(e) => {
                failed = Some(e);
                false
            }
        }
    });
    bar.clear();
    if let Some(e) = failed {
        return Err(e.into());
    }
    stdout.write_all(render::jsonl::summary(&totals.summary).as_bytes())?;
    stdout.flush()?;
    Ok(config.exit_code_of(totals.input_errors, totals.worst))
}

/// The list, loaded and checked (see [`report`]).
fn catalog(config: &Config) -> anyhow::Result<Catalog> {
    colored::control::set_override(config.color);
    match Catalog::load(&config.quotes) {
        Ok(catalog) => Ok(catalog),
        Err(e) => {
            if config.format != Format::Human {
                let refused = Report::of_list(lint::refused(&e));
                emit(
                    config,
                    &render::render(&refused, config.format, config.color),
                )?;
            }
            Err(e.into())
        }
    }
}

/// The run's checker, as configured.
fn checker<'a>(config: &Config, catalog: &'a Catalog) -> check::Checker<'a> {
    check::Checker::new(catalog)
        .with_levels(config.levels.clone())
        .with_thresholds(config.thresholds.clone())
        .whole_corpus(config.whole)
        .with_threads(config.threads)
        .with_input_format(config.input_format)
        .with_texts(config.format == Format::Html)
}

fn check(config: &Config) -> anyhow::Result<u8> {
    // A baseline is applied to the whole report, and a report to a file is
    // written whole or not at all: those runs hold the report.
    if config.format == Format::Jsonl && config.output.is_none() && config.baseline.is_none() {
        return stream(config);
    }
    let (catalog, mut report) = checked(config)?;
    if let Some(path) = &config.baseline {
        let baseline = Baseline::load(path)?;
        let anchor = Anchor::new(&std::env::current_dir()?, path);
        let read: HashSet<String> = report.checked.iter().map(|a| anchor.path(a)).collect();
        // Stale means: this run could have found it, and did not.
        let stale = report.apply_baseline(&baseline, &anchor, |e| {
            let ran = config.levels.get(e.rule).severity().is_some();
            let looked = match e.rule {
                Rule::Missing => config.whole,
                _ => read.contains(&e.path),
            };
            ran && looked
        });
        if config.prune && !stale.is_empty() {
            write_atomically(path, &baseline.without(&stale).to_json())?;
            eprintln!(
                "quotecheck: pruned {} stale entries from {}",
                stale.len(),
                path.display()
            );
        } else {
            report_stale(path, &stale);
        }
    }
    let output = match config.format {
        // The page shows each statement's wording of record.
        Format::Html => render::html::render(&report, Some(&catalog)),
        format => render::render(&report, format, config.color),
    };
    emit(config, &output)?;
    Ok(config.exit_code(&report))
}

/// The report to `--output` (atomically) or to standard output.
fn emit(config: &Config, output: &str) -> anyhow::Result<()> {
    match &config.output {
        Some(path) => write_atomically(path, output),
        None => Ok(print(output)?),
    }
}

fn baseline(config: &Config) -> anyhow::Result<u8> {
    let report = report(config)?;
    let path = config.baseline_to_write();
    // A baseline without the articles that could not be read would pass
    // their problems as new, or hide that they were never looked at.
    if report.has_input_errors() {
        anyhow::bail!(
            "{}: not written: some articles could not be read (see above)\n  help: fix or exclude them, then run `quotecheck baseline` again",
            path.display()
        );
    }
    let anchor = Anchor::new(&std::env::current_dir()?, &path);
    let baseline = Baseline::of(&report.diagnostics, &anchor);
    write_atomically(&path, &baseline.to_json())?;
    eprintln!(
        "quotecheck: wrote {} entries to {}",
        baseline.entries.len(),
        path.display()
    );
    Ok(exit::OK)
}

/// `validate`: the list's problems in the chosen format, those that make it
/// unusable (QC100, exit 2) as well as the warnings.
fn validate(config: &Config) -> anyhow::Result<u8> {
    colored::control::set_override(config.color);
    let (report, code) = match Catalog::load(&config.quotes) {
        Ok(catalog) => {
            let report = Report::of_list(lint::lint(&catalog, &config.levels));
            let code = config.exit_code(&report);
            (report, code)
        }
        Err(e) => (Report::of_list(lint::refused(&e)), exit::ERROR),
    };
    emit(
        config,
        &render::render(&report, config.format, config.color),
    )?;
    Ok(code)
}

fn print(output: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(output.as_bytes())?;
    stdout.flush()
}

/// Writes a whole file or nothing: a temporary file beside it, renamed over
/// it, so that an interrupted run never leaves half a report or baseline.
/// The report is rendered before the file is created, so an interrupt
/// during the check leaves nothing at all.
///
/// A link is followed (the file it points to is replaced, the link stays),
/// and what is not a regular file (`/dev/null`, `/dev/stdout`, a pipe) is
/// written to directly: renaming over it would replace a device. A file
/// replaced keeps its permissions; a new one gets the usual 0644.
fn write_atomically(path: &Path, contents: &str) -> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let fail = || format!("cannot write {}", path.display());
    // A link to a file not written yet points at where to write it.
    let target = match (std::fs::canonicalize(path), std::fs::read_link(path)) {
        (Ok(real), _) => real,
        (Err(_), Ok(link)) => path.parent().unwrap_or(Path::new(".")).join(link),
        (Err(_), Err(_)) => path.to_path_buf(),
    };
    let existing = std::fs::metadata(&target).ok();
    if existing.as_ref().is_some_and(|m| !m.is_file()) {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .open(&target)
            .with_context(fail)?;
        file.write_all(contents.as_bytes()).with_context(fail)?;
        return Ok(());
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mode = existing.map_or(0o644, |m| m.permissions().mode());
    let mut file = tempfile::Builder::new()
        .permissions(std::fs::Permissions::from_mode(mode))
        .tempfile_in(dir)
        .with_context(fail)?;
    interrupt::writing(Some(file.path().to_path_buf()));
    let written = file.write_all(contents.as_bytes()).with_context(fail);
    pause_before_rename();
    let done = written.and_then(|()| file.persist(&target).map(drop).with_context(fail));
    interrupt::writing(None);
    done
}

/// Tests interrupt a write between the temporary file and the rename; in a
/// debug build, `QUOTECHECK_PAUSE_BEFORE_RENAME_MS` holds it open that long.
fn pause_before_rename() {
    if cfg!(debug_assertions)
        && let Some(ms) = std::env::var("QUOTECHECK_PAUSE_BEFORE_RENAME_MS")
            .ok()
            .and_then(|v| v.parse().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

/// Baseline entries that matched nothing: fixed, or their article gone.
fn report_stale(path: &Path, stale: &[Entry]) {
    if stale.is_empty() {
        return;
    }
    eprintln!(
        "quotecheck: warning: {}: {} entries match no problem any more (fixed, or the article is gone):",
        path.display(),
        stale.len()
    );
    for e in stale {
        let id = e.quote_id.as_deref().unwrap_or("-");
        eprintln!("  {} {} {id}", e.path, e.rule);
    }
    eprintln!("  help: drop them with `quotecheck check --prune`");
}

/// Files that were not checked are said on stderr, whatever the format, so
/// that a JSON consumer's stdout stays clean.
fn report_skipped(report: &Report) {
    // Written, not `eprintln!`: a closed stderr must not end the run.
    let mut stderr = std::io::stderr().lock();
    for s in &report.skipped {
        let level = if s.error { "error" } else { "warning" };
        let _ = writeln!(
            stderr,
            "quotecheck: {level}: {}: skipped: {}",
            s.path, s.reason
        );
        if let Some(help) = &s.help {
            let _ = writeln!(stderr, "  help: {help}");
        }
    }
}
