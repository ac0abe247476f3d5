//! The command line, as clap sees it. Turned into a [`Config`] before any
//! work starts.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use quotecheck::config::{ColorChoice, Config, FailOn, Format, Overrides};
use quotecheck::corpus::InputFormat;

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
    /// Write the current problems to a baseline file, so that CI fails only on new ones
    Baseline(BaselineArgs),
    /// Lint the quote list alone
    Validate(ValidateArgs),
    /// Print the resolved configuration (command line, quotecheck.toml, defaults)
    Config(ConfigArgs),
    /// Print one statement of record and every appearance of it across the articles, oldest first
    Show(ShowArgs),
    /// Print every statement of the list with its appearances counted, and those found nowhere
    List(ListArgs),
    /// Propose quotes.yaml entries for quotations printed in two or more articles but not on the list
    Suggest(SuggestArgs),
    /// Write a starter quotes.yaml, quotecheck.toml and example article (nothing is overwritten)
    Init(InitArgs),
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The folder to write them in (created if need be)
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

/// Where the run's input comes from: shared by every command.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Articles or folders to check (folders are walked; `-` reads standard input) [default: articles]
    pub paths: Vec<PathBuf>,

    /// The quote list [default: quotes.yaml]
    #[arg(short, long, value_name = "FILE")]
    pub quotes: Option<PathBuf>,

    #[command(flatten)]
    pub settings: SettingsArgs,

    /// Apply `exclude` of quotecheck.toml to files named on the command line too (for hooks that pass file names)
    #[arg(long)]
    pub force_exclude: bool,

    /// Articles checked at once [default: the number of cores]
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,

    /// How to read articles: by extension (`.md` Markdown, `.jsonl` a JSON Lines corpus), or as told [default: auto]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,
}

/// How the outcome is shown and judged: shared by `check` and `validate`.
#[derive(Debug, clap::Args)]
pub struct OutputArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// When to use colour (NO_COLOR is honoured with `auto`)
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// The lowest severity that makes the run fail with exit code 1 [default: error]
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<FailOn>,

    /// Write the report to FILE (whole or not at all) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    /// Exit 0 even when problems are found (input errors still exit 2)
    #[arg(long)]
    pub exit_zero: bool,

    /// Leave out the problems this baseline knows [default: `baseline` of quotecheck.toml]
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Drop the baseline's entries that match no problem any more
    #[arg(long)]
    pub prune: bool,
}

#[derive(Debug, clap::Args)]
pub struct BaselineArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// The file to write [default: `baseline` of quotecheck.toml, or .quotecheck-baseline.json]
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    /// The quote list [default: quotes.yaml]
    #[arg(value_name = "FILE")]
    pub quotes: Option<PathBuf>,

    #[command(flatten)]
    pub settings: SettingsArgs,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The statement's id in the quote list
    pub id: String,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub view: ViewArgs,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub view: ViewArgs,
}

/// How `show` and `list` print: for a person or for a script.
#[derive(Debug, clap::Args)]
pub struct ViewArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = ViewFormat::Human)]
    pub format: ViewFormat,

    /// When to use colour (NO_COLOR is honoured with `auto`)
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ViewFormat {
    Human,
    Json,
}

impl ViewArgs {
    fn apply(self, overrides: Overrides) -> Overrides {
        Overrides {
            format: Some(match self.format {
                ViewFormat::Human => Format::Human,
                ViewFormat::Json => Format::Json,
            }),
            color: Some(self.color),
            ..overrides
        }
    }
}

impl ShowArgs {
    pub fn into_config(self) -> anyhow::Result<Config> {
        resolve(self.view.apply(self.input.overrides()))
    }
}

#[derive(Debug, clap::Args)]
pub struct SuggestArgs {
    #[command(flatten)]
    pub input: InputArgs,
}

impl SuggestArgs {
    pub fn into_config(self) -> anyhow::Result<Config> {
        resolve(self.input.overrides())
    }
}

impl ListArgs {
    pub fn into_config(self) -> anyhow::Result<Config> {
        resolve(self.view.apply(self.input.overrides()))
    }
}

/// Which configuration file, if any: shared by every command.
#[derive(Debug, clap::Args)]
pub struct SettingsArgs {
    /// The configuration file [default: the nearest quotecheck.toml upwards]
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,

    /// Ignore every configuration file
    #[arg(long)]
    pub isolated: bool,
}

#[derive(Debug, clap::Args)]
pub struct ConfigArgs {
    #[command(flatten)]
    pub input: InputArgs,
}

impl InputArgs {
    fn overrides(self) -> Overrides {
        Overrides {
            quotes: self.quotes,
            paths: self.paths,
            config: self.settings.config,
            isolated: self.settings.isolated,
            force_exclude: self.force_exclude,
            threads: self.threads.map(usize::from),
            input_format: self.input_format,
            ..Overrides::default()
        }
    }
}

impl OutputArgs {
    /// `overrides` with the output settings.
    fn apply(self, overrides: Overrides) -> Overrides {
        Overrides {
            format: Some(self.format),
            color: Some(self.color),
            fail_on: self.fail_on,
            output: self.output,
            ..overrides
        }
    }
}

/// The run's settings, with the configuration file found from here.
fn resolve(overrides: Overrides) -> anyhow::Result<Config> {
    Config::resolve(overrides, &std::env::current_dir()?)
}

impl CheckArgs {
    pub fn into_config(self) -> anyhow::Result<Config> {
        let overrides = Overrides {
            exit_zero: self.exit_zero,
            baseline: self.baseline,
            prune: self.prune,
            ..self.input.overrides()
        };
        resolve(self.output.apply(overrides))
    }
}

impl BaselineArgs {
    pub fn into_config(self) -> anyhow::Result<Config> {
        resolve(Overrides {
            baseline: self.output,
            ..self.input.overrides()
        })
    }
}

impl ValidateArgs {
    pub fn into_config(self) -> anyhow::Result<Config> {
        let overrides = Overrides {
            quotes: self.quotes,
            config: self.settings.config,
            isolated: self.settings.isolated,
            ..Overrides::default()
        };
        resolve(self.output.apply(overrides))
    }
}

impl ConfigArgs {
    pub fn into_config(self) -> anyhow::Result<Config> {
        resolve(self.input.overrides())
    }
}
