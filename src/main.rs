//! The quotecheck binary: parse the command line, run the library, print the
//! report, and turn the outcome into an exit code. All errors end here, in one
//! place that prints them and exits 2; a closed pipe (`quotecheck check | head`)
//! is not an error.

mod cli;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use quotecheck::catalog::Catalog;
use quotecheck::report::Report;
use quotecheck::{check, corpus, exit, render};

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
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
        cli::Command::Check(args) => {
            let config = args.into_config();
            colored::control::set_override(config.color);
            let catalog = Catalog::load(&config.quotes)?;
            let (sources, walk_errors) = corpus::discover(&config.paths);
            let report = check::Checker::new(&catalog).check(&sources, walk_errors);
            report_skipped(&report);
            let output = render::render(&report, config.format, config.color);
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(output.as_bytes())?;
            stdout.flush()?;
            Ok(config.exit_code(&report))
        }
    }
}

/// Files that were not checked are said on stderr, whatever the format, so
/// that a JSON consumer's stdout stays clean.
fn report_skipped(report: &Report) {
    for s in &report.skipped {
        let level = if s.error { "error" } else { "warning" };
        eprintln!("quotecheck: {level}: {}: skipped: {}", s.path, s.reason);
        if let Some(help) = &s.help {
            eprintln!("  help: {help}");
        }
    }
}
