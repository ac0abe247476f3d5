//! The command line, as clap sees it. Turned into a [`Config`] before any
//! work starts.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use quotecheck::config::{ColorChoice, Config, FailOn, Format};

#[derive(Debug, Parser)]
#[command(
    name = "quotecheck",
    version,
    about = "Check the quotations in news writing against a record of what people actually said",
    after_help = "Exit codes: 0 nothing at or above --fail-on was found; 1 something was; 2 usage or input error."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find every statement of the quote list in the articles: where, wording drift, and who the article says spoke
    Check(CheckArgs),
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Articles or folders to check (folders are walked; `-` reads standard input) [default: articles]
    pub paths: Vec<PathBuf>,

    /// The quote list [default: quotes.yaml]
    #[arg(short, long, value_name = "FILE")]
    pub quotes: Option<PathBuf>,

    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    pub format: FormatArg,

    /// When to use colour (NO_COLOR is honoured with `auto`)
    #[arg(long, value_enum, default_value_t = ColorArg::Auto, value_name = "WHEN")]
    pub color: ColorArg,

    /// The lowest severity that makes the run fail with exit code 1
    #[arg(long, value_enum, default_value_t = FailOnArg::Error, value_name = "SEVERITY")]
    pub fail_on: FailOnArg,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FailOnArg {
    Error,
    Warning,
    Info,
    Never,
}

impl CheckArgs {
    pub fn into_config(self) -> Config {
        let format = match self.format {
            FormatArg::Human => Format::Human,
            FormatArg::Json => Format::Json,
        };
        let color = match self.color {
            ColorArg::Auto => ColorChoice::Auto,
            ColorArg::Always => ColorChoice::Always,
            ColorArg::Never => ColorChoice::Never,
        };
        let fail_on = match self.fail_on {
            FailOnArg::Error => FailOn::Error,
            FailOnArg::Warning => FailOn::Warning,
            FailOnArg::Info => FailOn::Info,
            FailOnArg::Never => FailOn::Never,
        };
        Config::new(self.quotes, self.paths, format, color, fail_on)
    }
}
